/*
 * The bank's hosted card page (sandbox/hosted.h, service/card_session.h),
 * end to end against the private stack: the mall sends the shopper to the
 * bank's own origin (bankd), 3-D Secure challenges European cards,
 * the signed outcome comes back on the return URL and by the notice (first
 * one recorded, the other a no-op), bad signatures are refused, later
 * deductions are merchant-initiated without a challenge, and a card number
 * posted to every route of the mall is found in no log and no table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/stmt.h"
#include "gateway/bank_wire.h"
#include "http/http.h"
#include "pages/pages.h"
#include "service/plans.h"
#include "shop.h"

#define PASSWORD	"hosted-test-password-1"
#define SKU		"HOME-WASHER-8"		/* USD 729.00 */
#define CARD_PLAN	"installment_card:harbor-bank:6"
#define AMOUNT		72900
#define EEA_CHALLENGE	"4002760000003185"	/* DE: challenged */
#define EEA_REFUSED	"4002500000003151"	/* FR: issuer refuses 3DS */
#define VISA_US		"4111111111111111"	/* US: frictionless */
#define PAN_PLAIN	"4000000000000002"
#define PAN_SPACED	"4000 0000 0000 0002"

enum tstmt { T_SESSION, T_MSGS, T_PAYS, T_CS_ID, T__MAX };

static const char *const tstmts[T__MAX] = {
	/* T_SESSION */
	"SELECT COUNT(*), COALESCE(MAX(CONCAT(status, '/', "
	"COALESCE(via, ''))), '') FROM card_sessions WHERE order_id = ?",
	/* T_MSGS */
	"SELECT COUNT(*) FROM messages WHERE user_id = ? AND subject = ?",
	/* T_PAYS */
	"SELECT COUNT(*) FROM plan_payments WHERE plan_id = ? AND kind = ? "
	"AND ok = 1",
	/* T_CS_ID */
	"SELECT id FROM card_sessions WHERE bank_session = ?",
};

struct shopper {
	struct client	*cl;
	char		 email[128];
	int64_t		 id;
};

/* A bound card plan shared by the tests that follow each other. */
static struct {
	struct shopper	s;
	int64_t		order;
} mit;

static struct dbq *
tq(enum tstmt idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}

/* A fresh verified shopper, signed in. */
static void
shopper_new(struct shopper *s, const char *tag)
{
	memset(s, 0, sizeof(*s));
	s->cl = shop_installment_shopper(s->email, sizeof(s->email), tag,
	    "Hana Hosted", PASSWORD, &s->id);
}

/* A new card-installment order of s (awaiting the card). */
static int64_t
place(struct shopper *s)
{
	return shop_place_one(s->cl, s->email, SKU, CARD_PLAN, CARD_PLAN,
	    "card plan", NULL, 0);
}

/* The card page of order id. */
static void
card_page(int64_t id, char *page, size_t pagesz)
{
	snprintf(page, pagesz, "/orders/%lld/card", (long long)id);
}

/* Card sessions of order id: their count; *state the last "status/via". */
static int64_t
sessions(int64_t id, char *state, size_t statesz)
{
	struct dbq	*q = tq(T_SESSION);
	int64_t		 n;

	dbq_int(q, id);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	n = dbq_col_int(q, 0);
	dbq_col_copy(q, 1, state, statesz);
	dbq_done(q);
	return n;
}

static int64_t
msgs(int64_t uid, const char *subject)
{
	struct dbq	*q = tq(T_MSGS);
	int64_t		 n = -1;

	dbq_int(q, uid);
	dbq_cstr(q, subject);
	assert_int_equal(dbq_one_int(q, &n), 1);
	return n;
}

static struct db_plan
plan_of(int64_t id)
{
	struct db_plan p;

	assert_int_equal(db_plan_by_order(shop_db(), 0, id, &p), 1);
	return p;
}

/* Bind pan to order id of s at the bank's page answering a challenge as
 * how; returns 1 when challenged; r gets the mall's answer to the return. */
static int
bind(struct shopper *s, int64_t id, const char *pan, enum shop_3ds how,
    struct client_resp *r)
{
	char	page[64];
	int	challenged = -1;

	card_page(id, page, sizeof(page));
	shop_card_via_bank(s->cl, page, page, pan, how, &challenged, r);
	return challenged;
}

/* A declined bind: the mall sends the shopper back to the card page,
 * which names the bank's reason in words (want). */
static void
assert_declined_page(struct shopper *s, struct client_resp *r,
    const char *want)
{
	struct client_resp g;

	assert_int_equal(r->status, 303);
	assert_non_null(strstr(r->location, "/card?cs="));
	shop_get(s->cl, r->location, &g);
	assert_int_equal(g.status, 200);
	/* The plan's decline box, or (another card) the session's. */
	assert_true(client_has(&g, "id=\"card-declined\"") ||
	    client_has(&g, "id=\"card-cs-declined\""));
	if (!client_has(&g, want))
		fail_msg("the card page does not say \"%s\"", want);
	client_resp_cleanup(&g);
}

/* ---- 3-D Secure -------------------------------------------------------- */

/* An EEA card (DE) is challenged; the code the sandbox shows approves it:
 * the plan is offered with its brand and last four, the shopper lands on
 * the confirmation, and the bank's notice recorded it before the return. */
static void
test_hosted_eea_challenge_approves(void **state)
{
	struct client_resp	r;
	struct db_plan		p;
	char			st[64];

	(void)state;
	shopper_new(&mit.s, "hosted-eea");
	mit.order = place(&mit.s);
	assert_int_equal(bind(&mit.s, mit.order, EEA_CHALLENGE, SHOP_3DS_PASS,
	    &r), 1);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location, "/confirm"));
	client_resp_cleanup(&r);
	p = plan_of(mit.order);
	assert_int_equal(p.status, PLAN_ST_OFFERED);
	assert_string_equal(p.card_last4, "3185");
	assert_int_equal(p.has_token, 1);
	assert_int_equal(sessions(mit.order, st, sizeof(st)), 1);
	assert_string_equal(st, "approved/notice");
	assert_string_equal(shop_status(mit.order), "awaiting_confirmation");
}

/* A wrong one-time code is a decline with its reason in words. */
static void
test_hosted_eea_wrong_code_declined(void **state)
{
	struct shopper		s;
	struct client_resp	r;
	int64_t			id;

	(void)state;
	shopper_new(&s, "hosted-wrong");
	id = place(&s);
	assert_int_equal(bind(&s, id, EEA_CHALLENGE, SHOP_3DS_WRONG, &r), 1);
	assert_declined_page(&s, &r, "one-time code of the 3-D Secure check "
	    "was wrong");
	client_resp_cleanup(&r);
	assert_int_equal(plan_of(id).status, PLAN_ST_DECLINED);
	assert_string_equal(shop_status(id), "awaiting_review");
	/* Another try with the right code binds the card. */
	assert_int_equal(bind(&s, id, EEA_CHALLENGE, SHOP_3DS_PASS, &r), 1);
	assert_non_null(strstr(r.location, "/confirm"));
	client_resp_cleanup(&r);
	assert_int_equal(plan_of(id).status, PLAN_ST_OFFERED);
	client_free(s.cl);
}

/* An abandoned (cancelled) challenge is a decline saying so. */
static void
test_hosted_eea_abandoned_challenge_declined(void **state)
{
	struct shopper		s;
	struct client_resp	r;
	int64_t			id;

	(void)state;
	shopper_new(&s, "hosted-cancel");
	id = place(&s);
	assert_int_equal(bind(&s, id, EEA_CHALLENGE, SHOP_3DS_CANCEL, &r), 1);
	assert_declined_page(&s, &r, "you cancelled the 3-D Secure check");
	client_resp_cleanup(&r);
	assert_int_equal(plan_of(id).status, PLAN_ST_DECLINED);
	client_free(s.cl);
}

/* The "fail" test card: its issuer refuses the authentication. */
static void
test_hosted_eea_issuer_refuses(void **state)
{
	struct shopper		s;
	struct client_resp	r;
	int64_t			id;

	(void)state;
	shopper_new(&s, "hosted-refused");
	id = place(&s);
	assert_int_equal(bind(&s, id, EEA_REFUSED, SHOP_3DS_PASS, &r), 0);
	assert_declined_page(&s, &r, "3-D Secure failed");
	client_resp_cleanup(&r);
	client_free(s.cl);
}

/* A card from outside the EEA (US) is frictionless: no challenge. */
static void
test_hosted_non_eea_frictionless(void **state)
{
	struct shopper		s;
	struct client_resp	r;
	int64_t			id;

	(void)state;
	shopper_new(&s, "hosted-us");
	id = place(&s);
	assert_int_equal(bind(&s, id, VISA_US, SHOP_3DS_PASS, &r), 0);
	assert_non_null(strstr(r.location, "/confirm"));
	client_resp_cleanup(&r);
	assert_string_equal(plan_of(id).card_last4, "1111");
	client_free(s.cl);
}

/* ---- merchant-initiated deductions ------------------------------------- */

/* The card bound with a challenge pays the down payment and, at the next
 * due date, the automatic deduction (INST-P3) goes through the bank's API
 * flagged merchant-initiated: no new session, no challenge. */
static void
test_hosted_INST_P3_mit_deduction_without_challenge(void **state)
{
	struct client_resp	 r;
	struct plan_view	 v;
	struct dbq		*q;
	struct db_plan		 p;
	char			 page[64], *tok, *key, *body, st[64];
	int64_t			 n = 0;

	(void)state;
	assert_true(mit.order > 0);
	snprintf(page, sizeof(page), "/orders/%lld/confirm",
	    (long long)mit.order);
	shop_get(mit.s.cl, page, &r);
	tok = client_csrf(r.body);
	key = client_between(r.body, "name=\"key\" value=\"", "\"");
	assert_non_null(key);
	client_resp_cleanup(&r);
	body = client_form("csrf", tok, "key", key, NULL);
	assert_int_equal(client_post(mit.s.cl, page, body, &r), 0);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(body);
	free(tok);
	free(key);
	p = plan_of(mit.order);
	assert_int_equal(p.status, PLAN_ST_ACTIVE);
	assert_int_equal(plan_load(shop_db(), 0, mit.order, clock_now(), &v),
	    RES_OK);
	shop_tick(mp_date_to_unix(v.inst[1].due) + 12 * 3600, "installments");
	plan_view_cleanup(&v);
	q = tq(T_PAYS);
	dbq_int(q, p.id);
	dbq_cstr(q, "auto");
	assert_int_equal(dbq_one_int(q, &n), 1);
	assert_int_equal(n, 1);
	/* Still the one session of the bind: nothing asked the shopper. */
	assert_int_equal(sessions(mit.order, st, sizeof(st)), 1);
}

/* ---- signatures, replays, order of return and notice ------------------- */

/* Open a session for order id of s; bs gets the bank's session id. */
static void
open_session(struct shopper *s, int64_t id, char *bs, size_t bssz)
{
	struct client_resp	 r;
	char			 page[64];
	const char		*p;

	card_page(id, page, sizeof(page));
	shop_post(s->cl, page, page, &r, NULL);
	assert_int_equal(r.status, 303);
	assert_non_null(p = strstr(r.location, "/pay/"));
	snprintf(bs, bssz, "%s", p + 5);
	client_resp_cleanup(&r);
}

/* The mall's id of the card session the bank calls bs. */
static int64_t
cs_of(const char *bs)
{
	struct dbq	*q = tq(T_CS_ID);
	int64_t		 id = 0;

	dbq_cstr(q, bs);
	assert_int_equal(dbq_one_int(q, &id), 1);
	return id;
}

/* The bank's approving outcome for session bs of amount, signed at ts
 * under secret (NULL: unsigned) into m (init here). */
static void
outcome(struct buf *m, const char *bs, int64_t amount, const char *secret,
    int64_t ts)
{
	char	ref[32], n[32];

	buf_init(m);
	bank_wire_add(m, "session", bs);
	snprintf(ref, sizeof(ref), "cs-%lld", (long long)cs_of(bs));
	bank_wire_add(m, "ref", ref);
	bank_wire_add(m, "result", "approved");
	bank_wire_add(m, "reason", "");
	bank_wire_add(m, "token", "btok_a_0123456789abcdef");
	bank_wire_add(m, "brand", "visa");
	bank_wire_add(m, "last4", "3184");
	snprintf(n, sizeof(n), "%lld", (long long)amount);
	bank_wire_add(m, "amount", n);
	bank_wire_add(m, "currency", "USD");
	if (secret != NULL)
		assert_int_equal(bank_wire_sign(m, secret, ts), 0);
}

/* GET the return URL with query m as cl; the status (r filled). */
static long
send_return(struct client *cl, const struct buf *m, struct client_resp *r)
{
	struct buf	path;
	long		st;

	buf_init(&path);
	buf_printf(&path, "/bank/return?%s", buf_str(m));
	assert_int_equal(client_get(cl, buf_str(&path), r), 0);
	st = r->status;
	buf_cleanup(&path);
	return st;
}

/* POST m as the bank's notice; the status (r filled). */
static long
send_notice(const struct buf *m, struct client_resp *r)
{
	struct client	*cl = client_new();
	long		 st;

	assert_int_equal(client_post_raw(cl, "/partner/bank/notice",
	    "application/x-www-form-urlencoded", m->data, m->len, r), 0);
	st = r->status;
	client_free(cl);
	return st;
}

/* Forged, tampered, stale, malformed or another amount: the outcome for
 * session bs of s's order id is refused on both ways in (403 / 400) and
 * nothing is recorded. */
static void
refusals(struct shopper *s, int64_t id, const char *bs, int64_t now)
{
	const char		*secret = shop_config()->bank_secret;
	struct client_resp	 r;
	struct buf		 m;
	char			 st[64], *amt;

	/* Unsigned. */
	outcome(&m, bs, AMOUNT, NULL, now);
	assert_int_equal(send_return(s->cl, &m, &r), 403);
	client_resp_cleanup(&r);
	assert_int_equal(send_notice(&m, &r), 403);
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	/* Signed with another secret. */
	outcome(&m, bs, AMOUNT, "ab01ab01ab01ab01ab01ab01ab01ab01ab01ab01ab01"
	    "ab01ab01ab01ab01ab01", now);
	assert_int_equal(send_return(s->cl, &m, &r), 403);
	client_resp_cleanup(&r);
	assert_int_equal(send_notice(&m, &r), 403);
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	/* Tampered after signing: the amount lowered. */
	outcome(&m, bs, AMOUNT, secret, now);
	assert_non_null(amt = strstr(m.data, "amount=72900"));
	amt[7] = '1';
	assert_int_equal(send_return(s->cl, &m, &r), 403);
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	/* Stale: signed two hours ago. */
	outcome(&m, bs, AMOUNT, secret, now - 7200);
	assert_int_equal(send_return(s->cl, &m, &r), 403);
	client_resp_cleanup(&r);
	assert_int_equal(send_notice(&m, &r), 403);
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	/* Genuine but for another amount than the session's. */
	outcome(&m, bs, AMOUNT - 1, secret, now);
	assert_int_equal(send_return(s->cl, &m, &r), 400);
	client_resp_cleanup(&r);
	assert_int_equal(send_notice(&m, &r), 400);
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	/* Genuine but malformed (no result). */
	buf_init(&m);
	bank_wire_add(&m, "session", bs);
	assert_int_equal(bank_wire_sign(&m, secret, now), 0);
	assert_int_equal(send_notice(&m, &r), 400);
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	assert_int_equal(sessions(id, st, sizeof(st)), 1);
	assert_string_equal(st, "open/");
	assert_int_equal(db_plan_by_order(shop_db(), 0, id,
	    &(struct db_plan){ 0 }), 0);
}

/* Every forged or wrong outcome refused (refusals()); then the genuine
 * return first records the card; replaying it and the late notice change
 * nothing. */
static void
test_hosted_signature_checks_and_return_first(void **state)
{
	const char		*secret = shop_config()->bank_secret;
	struct shopper		 s;
	struct client_resp	 r, r2;
	struct buf		 m;
	char			 bs[64], st[64];
	int64_t			 id, now = clock_wall();

	(void)state;
	shopper_new(&s, "hosted-sig");
	id = place(&s);
	open_session(&s, id, bs, sizeof(bs));
	refusals(&s, id, bs, now);
	/* The genuine return, first: recorded; the shopper to the
	 * confirmation. */
	outcome(&m, bs, AMOUNT, secret, now);
	assert_int_equal(send_return(s.cl, &m, &r), 303);
	assert_non_null(strstr(r.location, "/confirm"));
	assert_int_equal(sessions(id, st, sizeof(st)), 1);
	assert_string_equal(st, "approved/return");
	assert_int_equal(plan_of(id).status, PLAN_ST_OFFERED);
	/* Replayed: the same answer, nothing twice. */
	assert_int_equal(send_return(s.cl, &m, &r2), 303);
	assert_string_equal(r.location, r2.location);
	client_resp_cleanup(&r);
	client_resp_cleanup(&r2);
	/* The notice after it: a no-op. */
	assert_int_equal(send_notice(&m, &r), 200);
	assert_true(client_has(&r, "already recorded"));
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	assert_int_equal(msgs(s.id, "Installment approved"), 1);
	assert_int_equal(sessions(id, st, sizeof(st)), 1);
	assert_string_equal(st, "approved/return");
	client_free(s.cl);
}

/* The notice first records the card; the return after it (and the
 * notice sent twice) changes nothing. An unknown session is 404. */
static void
test_hosted_notice_before_return(void **state)
{
	const char		*secret = shop_config()->bank_secret;
	struct shopper		 s;
	struct client_resp	 r;
	struct buf		 m;
	char			 bs[64], st[64];
	int64_t			 id;

	(void)state;
	shopper_new(&s, "hosted-notice");
	id = place(&s);
	open_session(&s, id, bs, sizeof(bs));
	outcome(&m, bs, AMOUNT, secret, clock_wall());
	assert_int_equal(send_notice(&m, &r), 200);
	assert_true(client_has(&r, "\"recorded\""));
	client_resp_cleanup(&r);
	assert_int_equal(sessions(id, st, sizeof(st)), 1);
	assert_string_equal(st, "approved/notice");
	assert_int_equal(send_notice(&m, &r), 200);
	assert_true(client_has(&r, "already recorded"));
	client_resp_cleanup(&r);
	assert_int_equal(send_return(s.cl, &m, &r), 303);
	assert_non_null(strstr(r.location, "/confirm"));
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	assert_int_equal(msgs(s.id, "Installment approved"), 1);
	assert_string_equal(plan_of(id).card_last4, "3184");
	/* A session the mall never opened. */
	buf_init(&m);
	bank_wire_add(&m, "session", "bs_000000000000000000000000");
	bank_wire_add(&m, "ref", "cs-1");
	bank_wire_add(&m, "result", "declined");
	bank_wire_add(&m, "amount", "100");
	bank_wire_add(&m, "currency", "USD");
	assert_int_equal(bank_wire_sign(&m, secret, clock_wall()), 0);
	assert_int_equal(send_notice(&m, &r), 404);
	client_resp_cleanup(&r);
	buf_cleanup(&m);
	client_free(s.cl);
}

/* ---- card data never reaches the mall ---------------------------------- */

/* pattern with every ":x" part replaced by id into out. */
static void
route_path(const char *pattern, int64_t id, char *out, size_t outsz)
{
	struct buf	b;
	const char	*p = pattern;
	size_t		 n;

	buf_init(&b);
	while (*p != '\0') {
		if (*p == ':') {
			buf_printf(&b, "%lld", (long long)id);
			p += strcspn(p, "/");
			continue;
		}
		n = strcspn(p + 1, ":") + 1;
		buf_append(&b, p, n);
		p += n;
	}
	snprintf(out, outsz, "%s", buf_str(&b));
	buf_cleanup(&b);
}

/* 1 when file (or any file under a directory) holds s. */
static int
found_in(const char *path, const char *s)
{
	char cmd[1200];

	snprintf(cmd, sizeof(cmd), "grep -rqsF -- '%s' '%s'", s, path);
	return system(cmd) == 0;
}

/* Dump database name of the stack into file. */
static void
dump_db(const char *name, const char *file)
{
	const struct config	*cfg = shop_config();
	char			 cmd[1200];

	snprintf(cmd, sizeof(cmd), "mariadb-dump --socket='%s' -u '%s' "
	    "-p'%s' --skip-extended-insert '%s' > '%s' 2>/dev/null",
	    cfg->db_socket, cfg->db_user, cfg->db_password, name, file);
	assert_int_equal(system(cmd), 0);
}

/* POST the card number and a CVV as fields to the path of every route of
 * the route table, anonymous and as mit's shopper with a valid CSRF token,
 * so that POST handlers read their fields; no answer may be a 5xx or echo
 * a number of pans. */
static void
send_everywhere(const char *const *pans)
{
	struct client	*anon = client_new(), *cl;
	struct client_resp r;
	char		 path[512], *tok, *body;
	size_t		 i, j, k, sent = 0;

	/* A tick in the future (the deduction above) ended the session. */
	client_free(mit.s.cl);
	mit.s.cl = client_new();
	assert_int_equal(client_signin(mit.s.cl, mit.s.email, PASSWORD), 303);
	tok = client_csrf_of(mit.s.cl, "/orders");
	assert_non_null(tok);
	body = client_form("csrf", tok, "card_number", PAN_SPACED, "pan",
	    PAN_PLAIN, "number", PAN_PLAIN, "expiry", "12/39", "cvv", "737",
	    NULL);
	for (k = 0; k < 2; k++)
		for (i = 0; i < page_routes_n; i++) {
			const struct route *rt = &page_routes[i];

			cl = k == 0 ? anon : mit.s.cl;
			/* Sign-out last would end the session: anonymous only. */
			if (k == 1 && strcmp(rt->pattern, "/signout") == 0)
				continue;
			/* POSTed to every route's path, a GET route's too
			 * (405 after mallpayd read the body): in a body,
			 * never in a URL that logs would keep. */
			route_path(rt->pattern, mit.order, path, sizeof(path));
			assert_int_equal(client_post(cl, path, body, &r), 0);
			if (r.status >= 500)
				fail_msg("%s answered %ld", path, r.status);
			for (j = 0; pans[j] != NULL; j++)
				if (client_has(&r, pans[j]))
					fail_msg("%s echoed the card number",
					    path);
			client_resp_cleanup(&r);
			sent++;
		}
	assert_true(sent >= page_routes_n);
	free(body);
	free(tok);
	client_free(anon);
}

/* Send the card number and CVV as fields to every route of the route
 * table, anonymous and signed in (with a valid CSRF token, so that POST
 * handlers read their fields): then it is in no log of the stack, in no
 * table of the mall's database, and the bank (which would only see what
 * the mall forwarded) has it in neither its log nor its database. */
static void
test_hosted_card_number_reaches_no_log_no_table(void **state)
{
	const char	*pans[] = { PAN_PLAIN, PAN_SPACED, "4000+0000+0000+0002",
			    NULL };
	char		 path[512], dir[512], file[600], *slash;
	const char	*conf = getenv("MALLPAY_CONF");
	const char	*logs[] = { "mallpayd.log", "bankd.log",
			    "nginx-error.log", "nginx-access.log", "mariadb.log",
			    NULL };
	size_t		 i, k;

	(void)state;
	assert_true(mit.order > 0);
	send_everywhere(pans);
	assert_non_null(conf);
	snprintf(dir, sizeof(dir), "%s", conf);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	snprintf(file, sizeof(file), "/tmp/mallpay-hosted-dump-%d.sql",
	    (int)getpid());
	dump_db(shop_config()->db_name, file);
	assert_true(found_in(file, "INSERT INTO `card_sessions`"));
	for (i = 0; pans[i] != NULL; i++)
		if (found_in(file, pans[i]))
			fail_msg("%s is in the mall's database", pans[i]);
	unlink(file);
	snprintf(path, sizeof(path), "%s_bank", shop_config()->db_name);
	dump_db(path, file);
	for (i = 0; pans[i] != NULL; i++)
		if (found_in(file, pans[i]))
			fail_msg("%s reached the bank's database", pans[i]);
	unlink(file);
	/* Every log of the stack: mallpayd's, bankd's, nginx's, MariaDB's. */
	for (k = 0; logs[k] != NULL; k++) {
		snprintf(file, sizeof(file), "%s/log/%s", dir, logs[k]);
		for (i = 0; pans[i] != NULL; i++)
			if (found_in(file, pans[i]))
				fail_msg("%s is in %s", pans[i], file);
	}
}

static int
setup(void **state)
{
	(void)state;
	shop_init();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	shop_end();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hosted_eea_challenge_approves),
		cmocka_unit_test(test_hosted_eea_wrong_code_declined),
		cmocka_unit_test(test_hosted_eea_abandoned_challenge_declined),
		cmocka_unit_test(test_hosted_eea_issuer_refuses),
		cmocka_unit_test(test_hosted_non_eea_frictionless),
		cmocka_unit_test(test_hosted_signature_checks_and_return_first),
		cmocka_unit_test(test_hosted_notice_before_return),
		cmocka_unit_test(test_hosted_INST_P3_mit_deduction_without_challenge),
		cmocka_unit_test(test_hosted_card_number_reaches_no_log_no_table),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
