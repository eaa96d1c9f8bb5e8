/*
 * Money operations that cannot race, against the private stack: pairs of
 * requests on one aggregate fired together (a barrier releases every
 * thread at once), then the state must show one outcome, no request may
 * answer 5xx, and `mallpayctl check` must find the ledger in agreement
 * with the state:
 *   - 50 admins' approvals of one COD order, on five orders at once: one
 *     decision each, the others told who decided (409);
 *   - two refunds of one order (50 "refund sent" of a returned COD order);
 *   - a voucher's approval against the order's cancellation (50 + 50);
 *   - a COD order reported paid and refused at once (50 + 50 events);
 *   - Pay After Use confirm receipt against return (50 + 50).
 * Each race ends with `mallpayctl check` clean and `mallpayctl reconcile`
 * of the days it ran listing no difference on its own money (the
 * courier's records "PR-RACE-...", the bank's keys of its Pay After Use
 * order, the remittance code of its voucher's order).
 * Then the check is made to fail on purpose by a state row that disagrees
 * with the ledger, and passes again once it is put back.
 * Run by tests/integration/suite.sh.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/order.h"
#include "db/payafter.h"
#include "db/remittance.h"
#include "service/remittance.h"
#include "ctl.h"
#include "shop.h"

#define ADMIN		"admin@demo.test"
#define SHOPPER		"shopper.new@demo.test"	/* a bound PAU card */
#define EV_PATH		"/partner/logistics/events"
#define VACUUM		"HOME-VACUUM-R5"	/* USD 459.00, COD fee 18.36 */
#define N		50
#define ORDERS		5
#define ADMIN_PAGE	"/admin/queues/cod"	/* an admin's csrf */

/* One request of a race: a form POST as cl, or (cl NULL) a logistics
 * event signed by partner 1. */
struct shot {
	pthread_barrier_t	*go;
	struct client		*cl;
	char			 path[96];
	char			*body;
	long			 status;
	char			*answer;
};

static int evseq;

/* References of the program's own money besides "PR-RACE-": prefixes. */
static char	own_pfx[8][48];
static size_t	nown;

/* Add prefix to own_pfx. */
static void
own_add(const char *prefix)
{
	assert_true(nown < sizeof(own_pfx) / sizeof(own_pfx[0]));
	snprintf(own_pfx[nown++], sizeof(own_pfx[0]), "%s", prefix);
}

/* 1 if reference ref is of the program's own money. */
static int
own_ref(const char *ref, void *arg)
{
	size_t i;

	(void)arg;
	if (strncmp(ref, "PR-RACE-", 8) == 0)
		return 1;
	for (i = 0; i < nown; i++)
		if (strncmp(ref, own_pfx[i], strlen(own_pfx[i])) == 0)
			return 1;
	return 0;
}

/* After a race begun at from: check clean, and reconcile of the days
 * since lists no difference on the program's own money. */
static void
books_clean(int64_t from)
{
	assert_int_equal(mallpayctl_check(), 0);
	assert_int_equal(mallpayctl_reconcile_own(from, clock_now(), own_ref,
	    NULL), 0);
}

/* Thread: wait for the others, send the request, keep the answer. */
static void *
fire(void *arg)
{
	struct shot		*s = arg;
	struct client_resp	 r;

	pthread_barrier_wait(s->go);
	if (s->cl == NULL) {
		s->status = shop_partner_post(1, EV_PATH, s->body, 0,
		    SHOP_SIGNED, &s->answer);
		return NULL;
	}
	memset(&r, 0, sizeof(r));
	if (client_post(s->cl, s->path, s->body, &r) == 0) {
		s->status = r.status;
		s->answer = r.body != NULL ? strdup(r.body) : NULL;
	}
	client_resp_cleanup(&r);
	return NULL;
}

/* Fire shots[0..n-1] together; fail on any 5xx or lost request. Returns
 * how many answered ok (a status in [200, 400)). */
static int
race(struct shot *shots, size_t n)
{
	pthread_barrier_t	 go;
	pthread_t		*t = calloc(n, sizeof(*t));
	size_t			 i;
	int			 ok = 0;

	assert_non_null(t);
	assert_int_equal(pthread_barrier_init(&go, NULL, (unsigned)n), 0);
	for (i = 0; i < n; i++) {
		shots[i].go = &go;
		assert_int_equal(pthread_create(&t[i], NULL, fire, &shots[i]),
		    0);
	}
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&go);
	free(t);
	for (i = 0; i < n; i++) {
		if (shots[i].status == 0 || shots[i].status >= 500)
			fail_msg("%s: status %ld: %.300s", shots[i].path,
			    shots[i].status, shots[i].answer != NULL ?
			    shots[i].answer : "");
		if (shots[i].status < 400)
			ok++;
	}
	return ok;
}

/* Free the shots' bodies and answers (clients are the caller's). */
static void
shots_free(struct shot *shots, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(shots[i].body);
		free(shots[i].answer);
	}
	memset(shots, 0, n * sizeof(*shots));
}

/* n clients sharing cl's session (one sign-in, many connections). */
static struct client **
clones(struct client *cl, size_t n)
{
	struct client	**c = calloc(n, sizeof(*c));
	char		 *sess = client_cookie(cl, "mp_session");
	size_t		  i;

	assert_non_null(c);
	assert_non_null(sess);
	for (i = 0; i < n; i++) {
		c[i] = client_new();
		client_set_cookie(c[i], "mp_session", sess);
	}
	free(sess);
	return c;
}

/* Free clones(). */
static void
clones_free(struct client **c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		client_free(c[i]);
	free(c);
}

/* A form shot: POST the path printed from fmt as cl with body (malloc'd,
 * taken). */
static void __attribute__((format(printf, 4, 5)))
form_shot(struct shot *s, struct client *cl, char *body, const char *fmt,
    ...)
{
	va_list	ap;

	s->cl = cl;
	s->body = body;
	va_start(ap, fmt);
	vsnprintf(s->path, sizeof(s->path), fmt, ap);
	va_end(ap);
}

/* An event shot of partner 1: type on order id with extra members. */
static void
event_shot(struct shot *s, const char *type, int64_t id, const char *extra)
{
	char json[512];

	snprintf(json, sizeof(json), "{\"event_id\":\"race%d-%d-%lld\","
	    "\"type\":\"%s\",\"order_id\":%lld%s}", (int)getpid(), ++evseq,
	    (long long)clock_now(), type, (long long)id, extra);
	s->cl = NULL;
	s->body = strdup(json);
	snprintf(s->path, sizeof(s->path), "%s %s", EV_PATH, type);
}

/* Send one event of partner 1 that must answer 200. */
static void
event_ok(const char *type, int64_t id, const char *extra)
{
	struct shot s;

	memset(&s, 0, sizeof(s));
	event_shot(&s, type, id, extra);
	s.status = shop_partner_post(1, EV_PATH, s.body, 0, SHOP_SIGNED,
	    &s.answer);
	if (s.status != 200)
		fail_msg("%s #%lld: %ld %s", type, (long long)id, s.status,
		    s.answer);
	shots_free(&s, 1);
}

/* POST the path printed from fmt as cl with the csrf of cl's session plus
 * the pairs k1=v1, k2=v2 (NULL none); the answer must be want. */
static void __attribute__((format(printf, 7, 8)))
post_want(struct client *cl, long want, const char *k1, const char *v1,
    const char *k2, const char *v2, const char *fmt, ...)
{
	struct client_resp	 r;
	char			 path[96];
	va_list			 ap;

	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	shop_post(cl, strncmp(path, "/admin/", 7) == 0 ? ADMIN_PAGE :
	    "/orders", path, &r, k1 != NULL ? k1 : "x",
	    v1 != NULL ? v1 : "", k2 != NULL ? k2 : "y", v2 != NULL ? v2 : "",
	    (char *)NULL);
	if (r.status != want)
		fail_msg("%s: %ld, want %ld", path, r.status, want);
	client_resp_cleanup(&r);
}

/* A fresh shopper's COD order of the vacuum, approved by the admin and
 * shipped by partner 1. Returns its id. */
static int64_t
shipped_cod(struct client *adm, struct client **cl, char *email)
{
	int64_t id;

	shop_register(email, 128, "race", "Rae Race", DEMO_PASSWORD);
	*cl = shop_signin(email);
	id = shop_place_one(*cl, email, VACUUM, "cod", NULL, "COD", NULL, 0);
	post_want(adm, 303, "from", "awaiting_review", NULL, NULL,
	    "/admin/orders/%lld/cod-approve", (long long)id);
	event_ok("shipped", id, ",\"carrier\":\"Demo Express\","
	    "\"tracking\":\"DX0000000099\"");
	return id;
}

/* The csrf of cl's session, from page (one cl may open). */
static char *
csrf_of(struct client *cl, const char *page)
{
	char *tok = client_csrf_of(cl, page);

	assert_non_null(tok);
	return tok;
}

/* 50 admins approve each of five COD orders at once: one decision per
 * order, the others get 409 naming who decided; zero 5xx. */
static void
test_race_cod_approvals_one_decision_each(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl, **c;
	struct shot	*shots = calloc(N * ORDERS, sizeof(*shots));
	char		 email[128], *tok;
	int64_t		 id[ORDERS], from = clock_now();
	size_t		 i, k;

	(void)state;
	assert_non_null(shots);
	shop_register(email, sizeof(email), "racea", "Ada Approve",
	    DEMO_PASSWORD);
	cl = shop_signin(email);
	for (k = 0; k < ORDERS; k++)
		id[k] = shop_place_one(cl, email, VACUUM, "cod", NULL, "COD",
		    NULL, 0);
	c = clones(adm, N * ORDERS);
	tok = csrf_of(adm, ADMIN_PAGE);
	for (k = 0; k < ORDERS; k++)
		for (i = 0; i < N; i++)
			form_shot(&shots[k * N + i], c[k * N + i],
			    client_form("csrf", tok, "from", "awaiting_review",
			    (char *)NULL), "/admin/orders/%lld/cod-approve",
			    (long long)id[k]);
	assert_int_equal(race(shots, N * ORDERS), ORDERS);
	for (k = 0; k < ORDERS; k++) {
		int won = 0;

		for (i = 0; i < N; i++) {
			struct shot *s = &shots[k * N + i];

			if (s->status == 303) {
				won++;
				continue;
			}
			assert_int_equal(s->status, 409);
			assert_non_null(strstr(s->answer, "already decided by "
			    ADMIN));
		}
		assert_int_equal(won, 1);
		assert_string_equal(shop_status(id[k]), "pending_shipment");
	}
	books_clean(from);
	shots_free(shots, N * ORDERS);
	free(shots);
	free(tok);
	clones_free(c, N * ORDERS);
	client_free(cl);
	client_free(adm);
}

/* Two refunds of one order: a returned COD order marked refunded 50 times
 * at once; one wins, the ledger has one refund sent. */
static void
test_race_two_refunds_one_order(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl, **c;
	struct shot	 shots[N];
	char		 email[128], *tok;
	int64_t		 id, from = clock_now();
	size_t		 i;

	(void)state;
	memset(shots, 0, sizeof(shots));
	id = shipped_cod(adm, &cl, email);
	event_ok("paid", id, ",\"amount\":\"477.36\",\"method\":\"cash\","
	    "\"record_id\":\"PR-RACE-R\"");
	post_want(cl, 303, "reason", "the lid is cracked", NULL, NULL,
	    "/orders/%lld/cod/return", (long long)id);
	post_want(adm, 303, NULL, NULL, NULL, NULL,
	    "/admin/orders/%lld/return-received", (long long)id);
	assert_string_equal(shop_status(id), "returned");
	c = clones(adm, N);
	tok = csrf_of(adm, ADMIN_PAGE);
	for (i = 0; i < N; i++)
		form_shot(&shots[i], c[i], client_form("csrf", tok,
		    (char *)NULL), "/admin/orders/%lld/refund-sent",
		    (long long)id);
	assert_int_equal(race(shots, N), 1);
	for (i = 0; i < N; i++)
		if (shots[i].status != 303)
			assert_non_null(strstr(shots[i].answer,
			    "already decided by"));
	assert_string_equal(shop_status(id), "refunded");
	books_clean(from);
	shots_free(shots, N);
	free(tok);
	clones_free(c, N);
	client_free(cl);
	client_free(adm);
}

/* A COD order reported paid and refused at the same moment (50 events of
 * each): one outcome, the other events refused by the state (409). */
static void
test_race_cod_paid_vs_refused(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl;
	struct shot	 shots[2 * N];
	struct db_cod	 cod;
	char		 email[128];
	int64_t		 id, from = clock_now();
	size_t		 i;
	const char	*st;

	(void)state;
	memset(shots, 0, sizeof(shots));
	id = shipped_cod(adm, &cl, email);
	for (i = 0; i < N; i++) {
		event_shot(&shots[2 * i], "paid", id, ",\"amount\":\"477.36\","
		    "\"method\":\"cash\",\"record_id\":\"PR-RACE-P\"");
		event_shot(&shots[2 * i + 1], "refused", id, ",\"reason\":"
		    "\"no_valid_reason\",\"round_trip_shipping\":\"8.00\"");
	}
	assert_int_equal(race(shots, 2 * N), 1);
	for (i = 0; i < 2 * N; i++)
		if (shots[i].status != 200)
			assert_int_equal(shots[i].status, 409);
	st = shop_status(id);
	assert_int_equal(db_cod_get(shop_db(), id, 0, &cod), 1);
	if (strcmp(st, "completed") == 0)
		assert_int_equal(cod.paid_amount_minor, 47736);
	else {
		assert_string_equal(st, "refused");
		assert_int_equal(cod.paid_reported_at, 0);
	}
	books_clean(from);
	shots_free(shots, 2 * N);
	client_free(cl);
	client_free(adm);
}

/* A small PDF for a voucher. */
static size_t
tiny_pdf(char *out, size_t outsz)
{
	return (size_t)snprintf(out, outsz, "%%PDF-1.4\n1 0 obj << /Type "
	    "/Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids "
	    "[3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R "
	    "/MediaBox [0 0 200 100] >> endobj\ntrailer << /Root 1 0 R >>\n"
	    "%% race %d\n%%%%EOF\n", (int)getpid());
}

/* A remittance order of shopper cl (email) with a pending voucher of the
 * full amount; its voucher id into *vid. */
static int64_t
verifying_order(struct client *cl, const char *email, int64_t *vid)
{
	struct rem_upload	 u;
	char			 doc[512], err[300], day[11], key[40];
	const char		*field;
	mp_date			 d;
	int64_t			 id, uid = shop_user_id(email);

	id = shop_place_one(cl, email, VACUUM, "remittance", "remittance",
	    "remittance", NULL, 0);
	memset(&u, 0, sizeof(u));
	u.data = doc;
	u.len = tiny_pdf(doc, sizeof(doc));
	u.amount = "459.00";
	mp_date_from_unix(clock_now(), &d);
	u.date = mp_date_str(d, day, sizeof(day));
	u.tracking = "PO-RACE-1";
	snprintf(key, sizeof(key), "race-%lld", (long long)id);
	u.key = key;
	if (remittance_upload(shop_db(), shop_config(), uid, id, &u,
	    clock_now(), vid, err, sizeof(err), &field) != RES_OK)
		fail_msg("voucher of #%lld: %s", (long long)id, err);
	assert_string_equal(shop_status(id), "awaiting_verification");
	return id;
}

/* A voucher approved by 50 admins while the shopper cancels the order 50
 * times: one decision, and the order ends paid (ready to ship) or
 * cancelled; a voucher decided for a cancelled order never. */
static void
test_race_voucher_approval_vs_cancel(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl, **ca, **cs;
	struct shot		 shots[2 * N];
	struct db_rem_voucher	 v;
	struct db_order		 o;
	char			 email[128], *ta, *ts, vs[24];
	int64_t			 id, vid, from = clock_now();
	size_t			 i;
	const char		*st;

	(void)state;
	memset(shots, 0, sizeof(shots));
	shop_register(email, sizeof(email), "racev", "Vic Voucher",
	    DEMO_PASSWORD);
	cl = shop_signin(email);
	id = verifying_order(cl, email, &vid);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	own_add(o.rf_code);
	snprintf(vs, sizeof(vs), "%lld", (long long)vid);
	ca = clones(adm, N);
	cs = clones(cl, N);
	ta = csrf_of(adm, ADMIN_PAGE);
	ts = csrf_of(cl, "/orders");
	for (i = 0; i < N; i++) {
		form_shot(&shots[2 * i], ca[i], client_form("csrf", ta,
		    "voucher", vs, "decision", "received", "received",
		    "459.00", (char *)NULL), "/admin/orders/%lld/voucher/"
		    "decide", (long long)id);
		form_shot(&shots[2 * i + 1], cs[i], client_form("csrf", ts,
		    (char *)NULL), "/orders/%lld/cancel", (long long)id);
	}
	(void)race(shots, 2 * N);
	assert_int_equal(db_rem_voucher_get(shop_db(), vid, 0, &v), 1);
	st = shop_status(id);
	if (v.status == VS_ACCEPTED) {
		assert_int_equal(v.received_minor, 45900);
		assert_true(strcmp(st, "pending_shipment") == 0 ||
		    strcmp(st, "cancelled") == 0);
	} else {
		/* Cancelled first: the voucher was never decided. */
		assert_int_equal(v.status, VS_PENDING);
		assert_string_equal(st, "cancelled");
	}
	books_clean(from);
	shots_free(shots, 2 * N);
	free(ta);
	free(ts);
	clones_free(ca, N);
	clones_free(cs, N);
	client_free(cl);
	client_free(adm);
}

/* A delivered Pay After Use order: 50 receipt confirmations and 50
 * returns at once; either it is confirmed and charged once, or returned
 * before receipt and never charged (PAU-05). */
static void
test_race_pau_confirm_vs_return(void **state)
{
	struct client		*adm = shop_signin(ADMIN), *cl, **c;
	struct shot		 shots[2 * N];
	struct db_pau_charge	 ch;
	char			 *tok, pfx[40];
	int64_t			 id, from = clock_now();
	size_t			 i;
	int			 rc;

	(void)state;
	memset(shots, 0, sizeof(shots));
	cl = shop_signin(SHOPPER);
	id = shop_place_one(cl, SHOPPER, "DIG-EARBUDS", "pay_after_use",
	    "pay_after_use", "Pay After Use", NULL, 0);
	post_want(adm, 303, NULL, NULL, NULL, NULL, "/admin/orders/%lld/ship",
	    (long long)id);
	event_ok("delivered", id, "");
	assert_string_equal(shop_status(id), "delivered");
	snprintf(pfx, sizeof(pfx), "pau-%lld-", (long long)id);
	own_add(pfx);
	c = clones(cl, 2 * N);
	tok = csrf_of(cl, "/orders");
	for (i = 0; i < N; i++) {
		form_shot(&shots[2 * i], c[2 * i], client_form("csrf", tok,
		    (char *)NULL), "/orders/%lld/confirm-receipt", (long long)id);
		form_shot(&shots[2 * i + 1], c[2 * i + 1], client_form("csrf",
		    tok, (char *)NULL), "/orders/%lld/pau-return", (long long)id);
	}
	assert_int_equal(race(shots, 2 * N), 1);
	rc = db_pau_charge_get(shop_db(), id, 0, &ch);
	if (strcmp(shop_status(id), "receipt_confirmed") == 0) {
		assert_int_equal(rc, 1);
		assert_int_equal(ch.attempts, 1);
	} else {
		assert_string_equal(shop_status(id), "return_requested");
		assert_int_equal(rc, 0);
	}
	books_clean(from);
	shots_free(shots, 2 * N);
	free(tok);
	clones_free(c, 2 * N);
	client_free(cl);
	client_free(adm);
}

/* Run the SQL printed from fmt (a fixture through shop_sql()). */
static void __attribute__((format(printf, 1, 2)))
sql_on(const char *fmt, ...)
{
	char	sql[512];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	shop_sql(sql);
}

/* `mallpayctl check` compares the ledger with the state: a completed COD
 * order whose recorded collection is changed, and a guarantee row the
 * ledger does not know, each make it fail; put back, it passes. */
static void
test_race_check_sees_state_against_ledger(void **state)
{
	struct client	*adm = shop_signin(ADMIN), *cl;
	char		 email[128];
	int64_t		 id;

	(void)state;
	id = shipped_cod(adm, &cl, email);
	event_ok("paid", id, ",\"amount\":\"477.36\",\"method\":\"cash\","
	    "\"record_id\":\"PR-RACE-C\"");
	assert_int_equal(mallpayctl_check(), 0);
	sql_on("UPDATE cod_orders SET paid_amount_minor = paid_amount_minor "
	    "+ 1 WHERE order_id = %lld", (long long)id);
	assert_int_not_equal(mallpayctl_check(), 0);
	sql_on("UPDATE cod_orders SET paid_amount_minor = paid_amount_minor "
	    "- 1 WHERE order_id = %lld", (long long)id);
	assert_int_equal(mallpayctl_check(), 0);
	sql_on("INSERT INTO pau_guarantee (order_id, user_id, kind, "
	    "amount_minor, currency, amount_usd_minor, created_at) SELECT id, "
	    "user_id, 'payout', 100, currency, 100, 0 FROM orders WHERE "
	    "id = %lld", (long long)id);
	assert_int_not_equal(mallpayctl_check(), 0);
	sql_on("DELETE FROM pau_guarantee WHERE order_id = %lld", (long long)id);
	assert_int_equal(mallpayctl_check(), 0);
	client_free(cl);
	client_free(adm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_race_cod_approvals_one_decision_each),
		cmocka_unit_test(test_race_two_refunds_one_order),
		cmocka_unit_test(test_race_cod_paid_vs_refused),
		cmocka_unit_test(test_race_voucher_approval_vs_cancel),
		cmocka_unit_test(test_race_pau_confirm_vs_return),
		cmocka_unit_test(test_race_check_sees_state_against_ledger),
	};
	int rc;

	shop_init();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests_name("integration_race_money", tests,
	    NULL, NULL);
	shop_end();
	curl_global_cleanup();
	return rc;
}
