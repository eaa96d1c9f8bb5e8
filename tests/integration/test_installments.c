/*
 * Installments end to end (RULES section 1 but INST-CORP) against
 * the private stack: INST-CC card entry (Luhn, decline with the bank's
 * reason), INST-P1 disclosure and "Confirm Installment and Pay Down
 * Payment", the schedule page with its SVG chart, INST-P2 reminders and
 * INST-P3 deductions driven by `mallpayctl tick --now` at chosen dates,
 * manual repayment, INST-F1 late fees after 1 and 31 days, INST-F2
 * suspension (INST-09 at checkout) and the admin's lift, INST-F3 early
 * payoff with waived fees, INST-C1 cancellation and INST-C2 return refunds,
 * INST-PC approval by tick and by the signed partner callback, INST-CL
 * settlement on receipt, and INST-S1: the test card numbers appear in no
 * database dump and no log.
 *
 * The web server runs on the real clock; time-based rules are driven by
 * tick --now and, where the web cannot be at another date, by calling the
 * service (service/plans.h) with that date. Every shopper is registered
 * fresh, so suspensions touch nobody else. Test-only SQL uses the
 * tests' statement slot DB_T_TEST. Run by tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "db/order.h"
#include "db/plan.h"
#include "db/stmt.h"
#include "service/orderflow.h"
#include "service/partner_auth.h"
#include "service/plans.h"
#include "ctl.h"
#include "shop.h"

#define PASSWORD	"inst-test-password-1"
#define ADMIN		"admin@demo.test"
#define VISA		"4111111111111111"
#define MASTERCARD	"5555555555554444"
#define DECLINED	"4000000000000002"
#define FAILING		"4000000000000341"
#define BAD_LUHN	"4111111111111112"
#define SKU		"HOME-WASHER-8"		/* USD 729.00, durable */
#define CARD_PLAN	"installment_card:harbor-bank:6"
#define PARTNER_PLAN	"installment_partner:lotus-finance:6"
#define CL_PLAN		"credit_line:mallpay-credit:6"
/* Harbor Bank, 6 months at 0.80 % spread: P = 72900, fee round(583.2) =
 * 583 a month, principal 12150 each (INST-M1/M2/M3). */
#define INST_PRINCIPAL	12150
#define INST_FEE	583
#define INST_TOTAL	(INST_PRINCIPAL + INST_FEE)
#define FINANCE_PATH	"/partner/finance/decision"

enum tstmt {
	T_MSGS, T_SMS, T_PAYS, T_FLAGS, T_CREDIT_REC, T_LEDGER,
	T_READY, T_LINES, T_SMS_LIKE, T__MAX
};

static const char *const tstmts[T__MAX] = {
	/* T_MSGS */
	"SELECT COUNT(*) FROM messages WHERE user_id = ? AND subject = ?",
	/* T_SMS */
	"SELECT COUNT(*) FROM sms_outbox WHERE user_id = ?",
	/* T_PAYS */
	"SELECT COUNT(*), COALESCE(SUM(amount_minor), 0) FROM plan_payments "
	"WHERE plan_id = ? AND kind = ? AND ok = ?",
	/* T_FLAGS */
	"SELECT installment_suspended, bad_payment_record FROM users "
	"WHERE id = ?",
	/* T_CREDIT_REC */
	"SELECT COUNT(*) FROM credit_records WHERE user_id = ?",
	/* T_LEDGER */
	"SELECT COUNT(*), COALESCE(SUM(amount_minor), 0) FROM plan_ledger "
	"WHERE order_id = ? AND kind = 'lender_settlement'",
	/* T_READY */
	"UPDATE sandbox_finance_apps SET ready_at = ? WHERE ref = ?",
	/* T_LINES */
	"SELECT COUNT(*), COALESCE(SUM(amount_minor), 0) FROM ledger_lines "
	"WHERE plan_id = ? AND amount_minor > 0",
	/* T_SMS_LIKE */
	"SELECT COUNT(*) FROM sms_outbox WHERE user_id = ? AND body LIKE ?",
};

static struct config	cfg;

/* One fresh shopper: its client (signed in), email and id. */
struct shopper {
	struct client	*cl;
	char		 email[128];
	int64_t		 id;
};

/* Plans shared by tests that follow each other. */
static struct {
	struct shopper	s;
	int64_t		order;
} auto_plan, late_plan;

/* ---- helpers ----------------------------------------------------------- */

/* Prepared test statement idx. */
static struct dbq *
tq(enum tstmt idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}

/* Run q (bound) and return the first column of its one row; col2 gets the
 * second when not NULL. */
static int64_t
one(struct dbq *q, int64_t *col2)
{
	int64_t v;

	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	v = dbq_col_int(q, 0);
	if (col2 != NULL)
		*col2 = dbq_col_int(q, 1);
	dbq_done(q);
	return v;
}

/* Register, verify and sign in a fresh shopper (score 700, phone, credit
 * line USD 15,000). */
static void
shopper_new(struct shopper *s, const char *tag)
{
	memset(s, 0, sizeof(*s));
	s->cl = shop_installment_shopper(s->email, sizeof(s->email), tag,
	    "Ines Installment", PASSWORD, &s->id);
}

/* Sign s in again (a tick in the future purges sessions). */
static void
resignin(struct shopper *s)
{
	client_free(s->cl);
	s->cl = client_new();
	assert_int_equal(client_signin(s->cl, s->email, PASSWORD), 303);
}

/* Place s's order of one washing machine with plan (the checkout form,
 * disclosure confirmed); returns the order id; *loc the Location. */
static int64_t
place(struct shopper *s, const char *plan, char *loc, size_t locsz)
{
	const char		*skus[] = { SKU, NULL };
	const int		 qtys[] = { 1 };
	struct client_resp	 r;
	int64_t			 id;

	shop_fill_cart(s->cl, s->email, skus, qtys);
	shop_place(s->cl, NULL, "MY", plan, plan, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	assert_true(id > 0);
	if (loc != NULL)
		snprintf(loc, locsz, "%s", r.location);
	client_resp_cleanup(&r);
	return id;
}

/* Bind pan to order id at the bank's hosted card page (the mall's card
 * form sends the shopper there); fills r with the mall's answer to the
 * bank's return: a 303 onwards when approved, the card page (200) with the
 * bank's reason when declined. */
static void
post_card(struct shopper *s, int64_t id, const char *pan,
    struct client_resp *r)
{
	struct client_resp	ret;
	char			page[64];

	snprintf(page, sizeof(page), "/orders/%lld/card", (long long)id);
	shop_card_via_bank(s->cl, page, page, pan, SHOP_3DS_PASS, NULL, &ret);
	if (ret.status == 303 && ret.location != NULL &&
	    strstr(ret.location, "/card?cs=") != NULL) {
		shop_get(s->cl, ret.location, r);
		client_resp_cleanup(&ret);
		return;
	}
	*r = ret;
}

/* GET page, then POST its form (csrf, key and, when seq, seq) to path;
 * fills r. *keyout (65 bytes) gets the key when not NULL. */
static void
post_keyed(struct shopper *s, const char *page, const char *path, int seq,
    const char *use_key, char *keyout, struct client_resp *r)
{
	struct client_resp	 g;
	char			*tok, *key, *sq = NULL, *body;

	shop_get(s->cl, page, &g);
	assert_int_equal(g.status, 200);
	tok = client_csrf(g.body);
	key = client_between(g.body, "name=\"key\" value=\"", "\"");
	assert_non_null(tok);
	assert_non_null(key);
	if (seq)
		sq = client_between(g.body, "name=\"seq\" value=\"", "\"");
	if (keyout != NULL)
		snprintf(keyout, 65, "%s", key);
	body = seq ? client_form("csrf", tok, "key", use_key ? use_key : key,
	    "seq", sq, NULL) : client_form("csrf", tok, "key", use_key ?
	    use_key : key, NULL);
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_post(s->cl, path, body, r), 0);
	free(body);
	free(tok);
	free(key);
	free(sq);
	client_resp_cleanup(&g);
}

/* POST path (a repayment form of s's schedule) with seq and key, the
 * csrf token taken from the schedule page; fills r. */
static void
post_seq(struct shopper *s, const char *path, int seq, const char *key,
    struct client_resp *r)
{
	char	page[96], sq[16];

	snprintf(page, sizeof(page), "%.*s/schedule",
	    (int)(strrchr(path, '/') - path), path);
	snprintf(sq, sizeof(sq), "%d", seq);
	shop_post(s->cl, page, path, r, "key", key, "seq", sq, NULL);
}

/* Confirm order id's plan (INST-P1); fails unless the answer is want. */
static void
confirm(struct shopper *s, int64_t id, long want)
{
	struct client_resp	r;
	char			page[64];

	snprintf(page, sizeof(page), "/orders/%lld/confirm", (long long)id);
	post_keyed(s, page, page, 0, NULL, NULL, &r);
	if (r.status != want)
		fail_msg("confirm %lld: %ld, want %ld: %s", (long long)id,
		    r.status, want, r.body);
	client_resp_cleanup(&r);
}

/* A confirmed card plan of a fresh shopper s; returns the order id. */
static int64_t
card_plan(struct shopper *s, const char *tag)
{
	struct client_resp	r;
	int64_t			id;

	shopper_new(s, tag);
	id = place(s, CARD_PLAN, NULL, 0);
	post_card(s, id, VISA, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	confirm(s, id, 303);
	return id;
}

/* The plan of order id (any owner). */
static void
plan_of(int64_t id, struct db_plan *p)
{
	assert_int_equal(db_plan_by_order(shop_db(), 0, id, p), 1);
}

/* The plan of order id computed at now (free with plan_view_cleanup). */
static void
view_at(int64_t id, int64_t now, struct plan_view *v)
{
	assert_int_equal(plan_load(shop_db(), 0, id, now, v), RES_OK);
}

/* Noon UTC of day d plus days. */
static int64_t
noon(mp_date d, int days)
{
	return mp_date_to_unix(d) + (int64_t)days * 86400 + 12 * 3600;
}

/* Run mallpayctl tick --now at; its installments line must report no
 * errors (other features' work is theirs to judge). */
static void
tick(int64_t at)
{
	shop_tick(at, "installments");
}

/* Messages of user with subject. */
static int64_t
msgs(int64_t uid, const char *subject)
{
	struct dbq *q = tq(T_MSGS);

	dbq_int(q, uid);
	dbq_cstr(q, subject);
	return one(q, NULL);
}

/* SMS rows of user. */
static int64_t
sms_rows(int64_t uid)
{
	struct dbq *q = tq(T_SMS);

	dbq_int(q, uid);
	return one(q, NULL);
}

/* Payments of plan_id of kind with ok; *sum their amount. */
static int64_t
pays(int64_t plan_id, const char *kind, int ok, int64_t *sum)
{
	struct dbq *q = tq(T_PAYS);

	dbq_int(q, plan_id);
	dbq_cstr(q, kind);
	dbq_int(q, ok);
	return one(q, sum);
}

/* users.installment_suspended of uid; *bad bad_payment_record. */
static int
suspended(int64_t uid, int64_t *bad)
{
	struct dbq *q = tq(T_FLAGS);

	dbq_int(q, uid);
	return (int)one(q, bad);
}

/* The status of order id. */
static void
order_status(int64_t id, char *out, size_t outsz)
{
	struct db_order o;

	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	snprintf(out, outsz, "%s", order_status_name(o.status));
}

/* Assert order id's status. */
static void
assert_status(int64_t id, const char *want)
{
	char st[33];

	order_status(id, st, sizeof(st));
	assert_string_equal(st, want);
}

/* Move order id from -> to as actor in its own transaction. */
static void
move(int64_t id, const char *from, const char *to, enum of_actor actor,
    int64_t actor_id)
{
	struct db *db = shop_db();
	enum order_status f, t;

	assert_int_equal(order_status_parse(from, &f), 0);
	assert_int_equal(order_status_parse(to, &t), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(orderflow_transition(db, id, f, t, actor,
	    actor_id, "test", clock_now()), RES_OK);
	assert_int_equal(db_commit(db), 0);
}

/* ---- INST-CC ------------------------------------------------------------ */

/* INST-CC: a number failing Luhn and an expired card are refused with a
 * message; nothing is stored and the order still waits for a card. */
static void
test_INST_CC_luhn_and_expiry_refused(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	char			 page[64], bank[600], *body;
	int64_t			 id;

	(void)state;
	shopper_new(&s, "inst-luhn");
	id = place(&s, CARD_PLAN, page, sizeof(page));
	/* checkout_next_page: the card page follows the checkout. */
	assert_non_null(strstr(page, "/card"));
	/* The mall's card page sends the shopper to the bank's page, which
	 * refuses the number beside its form, nothing going back. */
	shop_post(s.cl, page, page, &r, NULL);
	assert_int_equal(r.status, 303);
	snprintf(bank, sizeof(bank), "%s", r.location);
	client_resp_cleanup(&r);
	body = client_form("card_number", BAD_LUHN, "expiry", "12/39", "cvv",
	    "123", NULL);
	assert_int_equal(client_post(s.cl, bank, body, &r), 0);
	free(body);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "id=\"bank-error\""));
	assert_false(client_has(&r, BAD_LUHN));
	client_resp_cleanup(&r);
	body = client_form("card_number", VISA, "expiry", "01/20", "cvv",
	    "123", NULL);
	assert_int_equal(client_post(s.cl, bank, body, &r), 0);
	free(body);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "expiry"));
	client_resp_cleanup(&r);
	assert_int_equal(db_plan_by_order(shop_db(), 0, id, &p), 0);
	assert_status(id, "awaiting_review");
	client_free(s.cl);
}

/* INST-CC: a declined card shows the bank's reason; the shopper may try
 * another card or cancel the order to choose another method. */
static void
test_INST_CC_declined_shows_bank_reason(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	char			 page[64];
	int64_t			 id;

	(void)state;
	shopper_new(&s, "inst-decl");
	id = place(&s, CARD_PLAN, NULL, 0);
	post_card(&s, id, DECLINED, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "insufficient credit"));
	assert_true(client_has(&r, "id=\"card-declined\""));
	client_resp_cleanup(&r);
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_DECLINED);
	assert_string_equal(p.decline_reason, "insufficient credit");
	assert_int_equal(p.has_token, 0);
	assert_status(id, "awaiting_review");
	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	shop_get(s.cl, page, &r);
	assert_true(client_has(&r, "insufficient credit"));
	assert_true(client_has(&r, "id=\"cancel-order\""));
	client_resp_cleanup(&r);
	/* Another card is approved: the plan is offered. */
	post_card(&s, id, MASTERCARD, &r);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location, "/confirm"));
	client_resp_cleanup(&r);
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_OFFERED);
	assert_string_equal(p.card_brand, "mastercard");
	assert_string_equal(p.card_last4, "4444");
	assert_status(id, "awaiting_confirmation");
	client_free(s.cl);
}

/* ---- INST-P1 ------------------------------------------------------------ */

/* INST-P1: the disclosure, then "Confirm Installment and Pay Down
 * Payment": the first installment is deducted once (a double submit
 * changes nothing), the order is Paid (Installment) then ready to ship,
 * and the schedule page shows the plan with its chart. */
static void
test_INST_P1_card_confirm_pays_down_payment(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	struct plan_view	 v;
	char			 page[64], key[65];
	int64_t			 id, sum = 0;

	(void)state;
	shopper_new(&s, "inst-p1");
	id = place(&s, CARD_PLAN, NULL, 0);
	post_card(&s, id, VISA, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(page, sizeof(page), "/orders/%lld/confirm", (long long)id);
	shop_get(s.cl, page, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Confirm Installment and Pay Down Payment"));
	assert_true(client_has(&r, "id=\"disc-apr\""));
	assert_true(client_has(&r, "0.80%"));
	assert_true(client_has(&r, "USD 127.33"));	/* the down payment */
	assert_true(client_has(&r, "USD 34.98"));	/* total fee 6 x 5.83 */
	assert_true(client_has(&r, "INST-F1"));
	assert_true(client_has(&r, "INST-F3"));
	client_resp_cleanup(&r);
	{
		char *tok, *body;

		shop_get(s.cl, page, &r);
		tok = client_csrf(r.body);
		body = client_between(r.body, "name=\"key\" value=\"", "\"");
		snprintf(key, sizeof(key), "%s", body);
		free(body);
		client_resp_cleanup(&r);
		body = client_form("csrf", tok, "key", key, NULL);
		assert_int_equal(client_post(s.cl, page, body, &r), 0);
		assert_int_equal(r.status, 303);
		assert_non_null(strstr(r.location, "/schedule"));
		client_resp_cleanup(&r);
		/* The same form again: nothing is charged twice. */
		assert_int_equal(client_post(s.cl, page, body, &r), 0);
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
		free(body);
		free(tok);
	}
	assert_status(id, "pending_shipment");
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_ACTIVE);
	assert_int_equal(pays(p.id, "down_payment", 1, &sum), 1);
	assert_int_equal(sum, INST_TOTAL);
	view_at(id, clock_now(), &v);
	assert_int_equal(v.ninst, 6);
	assert_int_equal(v.inst[0].status, PI_PAID);
	assert_int_equal(v.inst[1].status, PI_DUE);
	assert_int_equal(v.paid_total, INST_TOTAL);
	assert_int_equal(v.remaining, 5 * INST_TOTAL);
	plan_view_cleanup(&v);
	snprintf(page, sizeof(page), "/orders/%lld/schedule", (long long)id);
	shop_get(s.cl, page, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "<svg id=\"schedule-chart\""));
	assert_true(client_has(&r, "<polyline class=\"balance\""));
	assert_true(client_has(&r, "id=\"total-paid\">USD 127.33"));
	assert_true(client_has(&r, "id=\"total-remaining\">USD 636.65"));
	assert_true(client_has(&r, "id=\"pay-form\""));
	client_resp_cleanup(&r);
	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	shop_get(s.cl, page, &r);
	assert_true(client_has(&r, "Paid (Installment)"));
	assert_true(client_has(&r, "/schedule"));
	client_resp_cleanup(&r);
	client_free(s.cl);
}

/* INST-P1: a card approved for installments whose deduction fails keeps
 * the order awaiting confirmation with the bank's reason. */
static void
test_INST_P1_down_payment_refused_changes_nothing(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	char			 page[64];
	int64_t			 id;

	(void)state;
	shopper_new(&s, "inst-p1f");
	id = place(&s, CARD_PLAN, NULL, 0);
	post_card(&s, id, FAILING, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(page, sizeof(page), "/orders/%lld/confirm", (long long)id);
	post_keyed(&s, page, page, 0, NULL, NULL, &r);
	assert_int_equal(r.status, 402);
	assert_true(client_has(&r, "insufficient funds"));
	client_resp_cleanup(&r);
	assert_status(id, "awaiting_confirmation");
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_OFFERED);
	assert_int_equal(pays(p.id, "down_payment", 1, NULL), 0);
	client_free(s.cl);
}

/* ---- INST-P2 / P3 ------------------------------------------------------ */

/* INST-P2: the reminder of installment 2 comes 3 days before its due
 * date (not 4), as a message and an SMS, once. */
static void
test_INST_P2_reminder_3_days_before(void **state)
{
	struct plan_view	v;
	mp_date			due2;

	(void)state;
	auto_plan.order = card_plan(&auto_plan.s, "inst-p2");
	view_at(auto_plan.order, clock_now(), &v);
	due2 = v.inst[1].due;
	plan_view_cleanup(&v);
	tick(noon(due2, -4));
	assert_int_equal(msgs(auto_plan.s.id, "Installment due soon"), 0);
	assert_int_equal(sms_rows(auto_plan.s.id), 0);
	tick(noon(due2, -3));
	assert_int_equal(msgs(auto_plan.s.id, "Installment due soon"), 1);
	assert_int_equal(sms_rows(auto_plan.s.id), 1);
	tick(noon(due2, -2));
	assert_int_equal(msgs(auto_plan.s.id, "Installment due soon"), 1);
	assert_int_equal(sms_rows(auto_plan.s.id), 1);
}

/* INST-P2: a shopper whose account reads Malay gets the reminder, the
 * message and the SMS, in Malay, though the tick writes it outside any
 * request (its thread reads English). */
static void
test_INST_P2_reminder_in_recipients_language(void **state)
{
	struct shopper		 s;
	struct plan_view	 v;
	struct dbq		*q;
	mp_date			 due2;
	int64_t			 order;
	char			 sql[128];

	(void)state;
	order = card_plan(&s, "inst-p2-ms");
	snprintf(sql, sizeof(sql), "UPDATE users SET language = 'ms' "
	    "WHERE id = %lld", (long long)s.id);
	shop_sql(sql);
	view_at(order, clock_now(), &v);
	due2 = v.inst[1].due;
	plan_view_cleanup(&v);
	tick(noon(due2, -3));
	assert_int_equal(msgs(s.id, "Ansuran perlu dibayar tidak lama lagi"),
	    1);
	assert_int_equal(msgs(s.id, "Installment due soon"), 0);
	q = tq(T_SMS_LIKE);
	dbq_int(q, s.id);
	dbq_cstr(q, "Peringatan: ansuran 2 daripada %");
	assert_int_equal(one(q, NULL), 1);
	client_free(s.cl);
}

/* INST-P3: on the due date tick deducts installment 2 from the card,
 * once, however often it runs. */
static void
test_INST_P3_auto_deduction_on_due_date(void **state)
{
	struct plan_view	v;
	struct db_plan		p;
	mp_date			due2;
	int64_t			sum = 0;

	(void)state;
	assert_true(auto_plan.order > 0);
	plan_of(auto_plan.order, &p);
	view_at(auto_plan.order, clock_now(), &v);
	due2 = v.inst[1].due;
	plan_view_cleanup(&v);
	tick(noon(due2, -1));
	assert_int_equal(pays(p.id, "auto", 1, NULL), 0);
	tick(noon(due2, 0));
	tick(noon(due2, 0) + 60);
	assert_int_equal(pays(p.id, "auto", 1, &sum), 1);
	assert_int_equal(sum, INST_TOTAL);
	view_at(auto_plan.order, noon(due2, 0), &v);
	assert_int_equal(v.inst[1].status, PI_PAID);
	assert_int_equal(v.inst[1].late_fee, 0);
	assert_int_equal(v.inst[2].status, PI_DUE);
	assert_int_equal(v.overdue, 0);
	plan_view_cleanup(&v);
	client_free(auto_plan.s.cl);
}

/* INST-P3: manual repayment of the next installment through the schedule
 * page; the same form submitted twice pays once; its key sent again for
 * another installment is refused with 409 and charges nothing. */
static void
test_INST_P3_manual_repayment_idempotent(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	struct plan_view	 v;
	char			 page[64], path[64], key[65];
	int64_t			 id, sum = 0;

	(void)state;
	id = card_plan(&s, "inst-manual");
	snprintf(page, sizeof(page), "/orders/%lld/schedule", (long long)id);
	snprintf(path, sizeof(path), "/orders/%lld/pay", (long long)id);
	post_keyed(&s, page, path, 1, NULL, key, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	/* The same form again (seq 2): the first answer, nothing more. */
	post_seq(&s, path, 2, key, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	/* The same key for installment 3: another request, refused. */
	post_seq(&s, path, 3, key, &r);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "already sent with other details"));
	client_resp_cleanup(&r);
	plan_of(id, &p);
	assert_int_equal(pays(p.id, "manual", 1, &sum), 1);
	assert_int_equal(sum, INST_TOTAL);
	view_at(id, clock_now(), &v);
	assert_int_equal(v.inst[1].status, PI_PAID);
	assert_int_equal(v.inst[2].status, PI_DUE);
	plan_view_cleanup(&v);
	client_free(s.cl);
}

/* INST-P3: with a card whose deductions fail (4000000000000341), the due
 * installment stays due, the failure is recorded and the shopper told. */
static void
test_INST_P3_auto_deduction_failure_stays_due(void **state)
{
	struct client_resp	r;
	struct plan_view	v;
	struct db_plan		p;
	mp_date			due2;

	(void)state;
	late_plan.order = card_plan(&late_plan.s, "inst-late");
	/* The shopper binds the failing card for the repayments. */
	post_card(&late_plan.s, late_plan.order, FAILING, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	plan_of(late_plan.order, &p);
	assert_string_equal(p.card_last4, "0341");
	view_at(late_plan.order, clock_now(), &v);
	due2 = v.inst[1].due;
	plan_view_cleanup(&v);
	tick(noon(due2, 0));
	assert_int_equal(pays(p.id, "auto", 1, NULL), 0);
	assert_int_equal(pays(p.id, "auto", 0, NULL), 1);
	assert_int_equal(msgs(late_plan.s.id, "Installment deduction failed"),
	    1);
	view_at(late_plan.order, noon(due2, 0), &v);
	assert_int_equal(v.inst[1].status, PI_DUE);
	assert_int_equal(v.overdue, 0);		/* due today, not late yet */
	plan_view_cleanup(&v);
}

/* ---- INST-F1 / F2 ------------------------------------------------------ */

/* The due date of late_plan's installment 2; its plan id into *pid. */
static mp_date
late_due2(int64_t *pid)
{
	struct plan_view	v;
	mp_date			due2;

	assert_true(late_plan.order > 0);
	view_at(late_plan.order, clock_now(), &v);
	due2 = v.inst[1].due;
	*pid = v.p.id;
	plan_view_cleanup(&v);
	return due2;
}

/* INST-F1: 0.05 % of the overdue USD 127.33 a calendar day: USD 0.06
 * after 1 day (6.3665 cents), stored by tick and shown on the schedule;
 * USD 1.97 after 31 days (197.3615): the next test. */
static void
test_INST_F1_late_fee_first_day(void **state)
{
	struct plan_view	v;
	struct db_plan_inst	*in;
	size_t			 n;
	mp_date			 due2;
	int64_t			 pid;

	(void)state;
	due2 = late_due2(&pid);
	tick(noon(due2, 1));
	assert_int_equal(db_plan_inst_list(shop_db(), pid, &in, &n), 0);
	assert_int_equal(in[1].late_fee, 6);
	free(in);
	view_at(late_plan.order, noon(due2, 1), &v);
	assert_int_equal(v.inst[1].overdue, 1);
	assert_int_equal(v.inst[1].days_late, 1);
	plan_view_cleanup(&v);
	assert_int_equal(suspended(late_plan.s.id, NULL), 0);
}

/* The ledger lines of plan pid: count, and the sum of the debits into
 * *sum. */
static int64_t
plan_lines(int64_t pid, int64_t *sum)
{
	struct dbq *q = tq(T_LINES);

	dbq_int(q, pid);
	return one(q, sum);
}

/* mallpayctl tick --now at; the number of plans its installments line
 * says it worked, and its late fees into *late. */
static int
tick_worked(int64_t at, int *late)
{
	struct buf	 out;
	char		 args[64], when[32];
	const char	*l;
	time_t		 tt = (time_t)at;
	struct tm	 tm;
	int		 n = -1;

	gmtime_r(&tt, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(args, sizeof(args), "tick --now %s", when);
	buf_init(&out);
	(void)mallpayctl_run(&out, args);
	l = strstr(buf_str(&out), "installments: ");
	assert_non_null(l);
	assert_int_equal(sscanf(l, "installments: %d plan", &n), 1);
	l = strstr(l, "failed, ");
	assert_non_null(l);
	assert_int_equal(sscanf(l, "failed, %d late fee", late), 1);
	buf_cleanup(&out);
	return n;
}

/* INST-F1: the late fee accrues once a calendar day. Right after the
 * first late day's tick (test_INST_F1_late_fee_first_day ran it), a
 * second tick the same day reads no plan (plans.next_work_on) and posts
 * nothing; the next day's tick accrues that day's fee, once. */
static void
test_INST_F1_second_tick_same_day_reads_nothing(void **state)
{
	struct db_plan_inst	*in;
	size_t			 n;
	mp_date			 due2;
	int64_t			 pid, lines, sum, sum2;
	int			 late = -1;

	(void)state;
	due2 = late_due2(&pid);
	assert_int_equal(db_plan_inst_list(shop_db(), pid, &in, &n), 0);
	assert_int_equal(in[1].late_fee, 6);
	free(in);
	lines = plan_lines(pid, &sum);
	/* The same day again, a minute and an hour later: nothing. */
	assert_int_equal(tick_worked(noon(due2, 1) + 60, &late), 0);
	assert_int_equal(late, 0);
	assert_int_equal(tick_worked(noon(due2, 1) + 3600, &late), 0);
	assert_int_equal(late, 0);
	assert_int_equal(plan_lines(pid, &sum2), lines);
	assert_int_equal(sum2, sum);
	/* The next day: 2 days of 0.05 % of 127.33 = 0.127 -> 13 cents,
	 * the day's 7 posted once; a second run that day adds nothing. */
	assert_true(tick_worked(noon(due2, 2), &late) >= 1);
	assert_true(late >= 1);
	assert_int_equal(db_plan_inst_list(shop_db(), pid, &in, &n), 0);
	assert_int_equal(in[1].late_fee, 13);
	free(in);
	assert_true(plan_lines(pid, &sum2) > lines);
	assert_int_equal(sum2 - sum, 7);
	lines = plan_lines(pid, &sum);
	assert_int_equal(tick_worked(noon(due2, 2) + 60, &late), 0);
	assert_int_equal(late, 0);
	assert_int_equal(plan_lines(pid, &sum2), lines);
	assert_int_equal(sum2, sum);
	/* 31 days late: USD 1.97 (test_INST_F2 goes on from there). */
	tick(noon(due2, 31));
	assert_int_equal(db_plan_inst_list(shop_db(), pid, &in, &n), 0);
	assert_int_equal(in[1].late_fee, 197);
	free(in);
}

/* INST-F2: more than 30 days overdue suspends installment access (the
 * checkout shows INST-09) and writes a credit record; the admin cannot
 * lift it while something is overdue, and can once it is repaid. */
static void
test_INST_F2_suspension_and_admin_lift(void **state)
{
	struct client		*admin;
	struct client_resp	 r;
	struct plan_view	 v;
	struct dbq		*q;
	struct db_plan		 p;
	char			 path[64], key[32], *block;
	const char		*skus[] = { SKU, NULL };
	const int		 qtys[] = { 1 };
	int64_t			 bad = 0, at;
	mp_date			 due2;
	int			 i;

	(void)state;
	assert_true(late_plan.order > 0);
	plan_of(late_plan.order, &p);
	view_at(late_plan.order, clock_now(), &v);
	due2 = v.inst[1].due;
	plan_view_cleanup(&v);
	at = noon(due2, 31);
	assert_int_equal(suspended(late_plan.s.id, &bad), 1);
	assert_int_equal(bad, 1);
	q = tq(T_CREDIT_REC);
	dbq_int(q, late_plan.s.id);
	assert_int_equal(one(q, NULL), 1);
	assert_int_equal(msgs(late_plan.s.id, "Installment access suspended"),
	    1);
	/* INST-09 at checkout. */
	resignin(&late_plan.s);
	shop_fill_cart(late_plan.s.cl, late_plan.s.email, skus, qtys);
	shop_get(late_plan.s.cl, "/checkout?country=MY", &r);
	block = shop_method_block(r.body, "method-installment_card-harbor-bank");
	assert_non_null(block);
	assert_non_null(strstr(block, "INST-09"));
	free(block);
	client_resp_cleanup(&r);
	/* Not while something is overdue (at that date). */
	admin = shop_signin(ADMIN);
	assert_int_equal(plan_lift_suspension(shop_db(), shop_user_id(ADMIN),
	    late_plan.s.id, at), RES_NOT_ALLOWED);
	/* The shopper binds a working card and repays what is overdue. */
	post_card(&late_plan.s, late_plan.order, VISA, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	for (i = 0; i < 6; i++) {
		view_at(late_plan.order, at, &v);
		if (v.overdue == 0) {
			plan_view_cleanup(&v);
			break;
		}
		plan_view_cleanup(&v);
		snprintf(key, sizeof(key), "late-%d", i);
		assert_int_equal(plan_pay(shop_db(), &cfg, late_plan.s.id,
		    late_plan.order, 0, key, at, NULL, 0), RES_OK);
	}
	view_at(late_plan.order, at, &v);
	assert_int_equal(v.overdue, 0);
	/* Installment 2 was paid with its 31 days of late fee. */
	assert_int_equal(v.inst[1].paid_minor, INST_TOTAL + 197);
	plan_view_cleanup(&v);
	snprintf(path, sizeof(path), "/admin/plans/%lld", (long long)p.id);
	shop_get(admin, "/admin/plans?filter=suspended", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, path));
	client_resp_cleanup(&r);
	shop_get(admin, path, &r);
	assert_true(client_has(&r, "id=\"lift-form\""));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/plans/%lld/lift",
	    (long long)p.id);
	{
		char	page[64], *tok, *body;

		snprintf(page, sizeof(page), "/admin/plans/%lld",
		    (long long)p.id);
		tok = client_csrf_of(admin, page);
		body = client_form("csrf", tok, NULL);
		memset(&r, 0, sizeof(r));
		assert_int_equal(client_post(admin, path, body, &r), 0);
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
		free(body);
		free(tok);
	}
	assert_int_equal(suspended(late_plan.s.id, NULL), 0);
	shop_get(late_plan.s.cl, "/checkout?country=MY", &r);
	block = shop_method_block(r.body, "method-installment_card-harbor-bank");
	assert_non_null(block);
	assert_null(strstr(block, "INST-09"));
	free(block);
	client_resp_cleanup(&r);
	client_free(admin);
	client_free(late_plan.s.cl);
}

/* ---- INST-F3 ------------------------------------------------------------ */

/* INST-F3: the quote lists the fees of the months not begun as waived
 * (Harbor Bank waives them); paying it closes the plan. */
static void
test_INST_F3_early_payoff_waives_fees(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	struct plan_view	 v;
	char			 page[64];
	int64_t			 id, sum = 0;

	(void)state;
	id = card_plan(&s, "inst-payoff");
	snprintf(page, sizeof(page), "/orders/%lld/payoff", (long long)id);
	shop_get(s.cl, page, &r);
	assert_int_equal(r.status, 200);
	/* Month 1 has begun (its fee came with the down payment); months
	 * 2-6 have not: 5 x USD 5.83 waived, the principal USD 607.50 due. */
	assert_true(client_has(&r, "id=\"q-fee-waived\">USD 29.15"));
	if (!client_has(&r, "id=\"q-principal\">USD 607.50"))
		fail_msg("quote: %s", strstr(r.body, "payoff-quote"));
	assert_true(client_has(&r, "Installment 6"));
	assert_true(client_has(&r, "id=\"q-total\"><strong>USD 607.50"));
	/* INST-F3 stated in the quote: month 2 begins on installment 2's
	 * due date, one month after the start. */
	assert_true(client_has(&r, "month 2 of the plan begins"));
	client_resp_cleanup(&r);
	post_keyed(&s, page, page, 0, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_CLOSED);
	/* Each installment left charged under its own bank key. */
	assert_int_equal(pays(p.id, "payoff", 1, &sum), 5);
	assert_int_equal(sum, 5 * INST_PRINCIPAL);
	view_at(id, clock_now(), &v);
	assert_int_equal(v.remaining, 0);
	assert_int_equal(v.next_seq, 0);
	plan_view_cleanup(&v);
	client_free(s.cl);
}

/* ---- INST-C1 / C2 ------------------------------------------------------- */

/* INST-C1: cancelling before shipment terminates the plan; the fee of the
 * month begun is settled, the rest (USD 121.50) refunded to the card by
 * the date 7 business days ahead, stored on the order. */
static void
test_INST_C1_cancel_refund(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	struct db_order		 o;
	char			 page[64], *tok, *body;
	int64_t			 id, sum = 0;

	(void)state;
	id = card_plan(&s, "inst-cancel");
	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	shop_get(s.cl, page, &r);
	assert_true(client_has(&r, "id=\"cancel-order\""));
	client_resp_cleanup(&r);
	tok = client_csrf_of(s.cl, page);
	body = client_form("csrf", tok, NULL);
	snprintf(page, sizeof(page), "/orders/%lld/cancel", (long long)id);
	memset(&r, 0, sizeof(r));
	assert_int_equal(client_post(s.cl, page, body, &r), 0);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(body);
	free(tok);
	assert_status(id, "cancelled");
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_TERMINATED);
	assert_int_equal(p.has_refund, 1);
	assert_int_equal(p.refund, INST_PRINCIPAL);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	assert_int_equal(strlen(o.refund_due), 10);
	/* Recorded at once; the card refund goes out with the next tick. */
	assert_int_equal(pays(p.id, "refund", 0, &sum), 1);
	assert_int_equal(sum, INST_PRINCIPAL);
	tick(clock_now());
	assert_int_equal(pays(p.id, "refund", 1, NULL), 1);
	/* Nothing further is due. */
	{
		struct plan_view v;

		view_at(id, clock_now() + 90 * 86400, &v);
		assert_int_equal(v.remaining, 0);
		assert_int_equal(v.overdue, 0);
		plan_view_cleanup(&v);
	}
	client_free(s.cl);
}

/* INST-C2: a returned order's plan is terminated by tick: the principal
 * repaid (USD 121.50) is returned, fees kept, the order refunded. */
static void
test_INST_C2_return_terminates_plan(void **state)
{
	struct shopper	s;
	struct db_plan	p;
	struct db_order	o;
	int64_t		id, admin = shop_user_id(ADMIN), sum = 0;

	(void)state;
	id = card_plan(&s, "inst-return");
	move(id, "pending_shipment", "shipped", OF_ADMIN, admin);
	move(id, "shipped", "delivered", OF_ADMIN, admin);
	move(id, "delivered", "return_requested", OF_USER, s.id);
	move(id, "return_requested", "returned", OF_ADMIN, admin);
	tick(clock_now());
	assert_status(id, "refunded");
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_TERMINATED);
	assert_int_equal(p.refund, INST_PRINCIPAL);
	assert_int_equal(pays(p.id, "refund", 1, &sum), 1);
	assert_int_equal(sum, INST_PRINCIPAL);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	assert_int_equal(strlen(o.refund_due), 10);
	assert_int_equal(msgs(s.id, "Installment terminated"), 1);
	client_free(s.cl);
}

/* ---- INST-PC ------------------------------------------------------------ */

/* Authorize the evaluation of a fresh partner order; returns its id. */
static int64_t
partner_order(struct shopper *s, const char *tag)
{
	struct client_resp	r;
	char			loc[128], page[64];
	int64_t			id;

	shopper_new(s, tag);
	id = place(s, PARTNER_PLAN, loc, sizeof(loc));
	assert_non_null(strstr(loc, "/apply"));
	snprintf(page, sizeof(page), "/orders/%lld/apply", (long long)id);
	shop_post(s->cl, page, page, &r, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	return id;
}

/* INST-PC: the order page shows the application under review with the
 * self-refreshing status; tick completes it once the partner answered;
 * the plan is then confirmed. */
static void
test_INST_PC_partner_approved_by_tick(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	char			 page[64];
	int64_t			 id;

	(void)state;
	id = partner_order(&s, "inst-pc");
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_REVIEW);
	assert_true(p.partner_ref[0] != '\0');
	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	shop_get(s.cl, page, &r);
	assert_true(client_has(&r, "Under review"));
	assert_true(client_has(&r, "/static/plan_status.js"));
	assert_true(client_has(&r, "id=\"plan-refresh\""));
	client_resp_cleanup(&r);
	snprintf(page, sizeof(page), "/orders/%lld/plan-status",
	    (long long)id);
	shop_get(s.cl, page, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "\"state\":\"pending\""));
	client_resp_cleanup(&r);
	/* Too early: the partner answers 90 s after submission. */
	tick(clock_now());
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_REVIEW);
	/* The partner has decided (its sandbox's answer is ready); tick
	 * runs at the real time so that the order's events stay in order
	 * (mallpayctl check). */
	{
		struct dbq *q = tq(T_READY);

		dbq_int(q, clock_now() - 1);
		dbq_cstr(q, p.partner_ref);
		assert_int_equal(dbq_exec(q), 0);
		dbq_done(q);
	}
	tick(clock_now());
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_OFFERED);
	assert_status(id, "awaiting_confirmation");
	resignin(&s);
	shop_get(s.cl, page, &r);
	assert_true(client_has(&r, "\"state\":\"offered\""));
	client_resp_cleanup(&r);
	confirm(&s, id, 303);
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_ACTIVE);
	assert_status(id, "pending_shipment");
	client_free(s.cl);
}

static long finance_post_at(const char *, int, int64_t, char **);

/* finance_post_at() at a new second each call. */
static long
finance_post(const char *json, int signed_, char **out)
{
	static int64_t skew;

	/* A re-sent event is signed anew (another timestamp), as a partner
	 * retrying would: the exact same request would be a replay (409). */
	return finance_post_at(json, signed_, skew++, out);
}

/* POST json to the finance callback, signed by partner 2 (Demo Finance)
 * at now + skew when signed_; returns the status, the body into *out
 * (malloc'd) when out is not NULL. */
static long
finance_post_at(const char *json, int signed_, int64_t skew, char **out)
{
	return shop_partner_post(2, FINANCE_PATH, json,
	    skew, signed_ ? SHOP_SIGNED : SHOP_UNSIGNED, out);
}

/* INST-PC: the partner's signed callback completes the application at
 * once (the answer read back with poll); the same event again answers the
 * same and changes nothing; an unsigned one is refused. */
static void
test_INST_PC_signed_callback_idempotent(void **state)
{
	struct shopper	 s;
	struct db_plan	 p;
	struct dbq	*q;
	char		 json[256], *body = NULL;
	int64_t		 id;

	(void)state;
	id = partner_order(&s, "inst-pcb");
	plan_of(id, &p);
	snprintf(json, sizeof(json), "{\"event_id\":\"dec-%lld-%d\","
	    "\"ref\":\"%s\"}", (long long)id, (int)getpid(), p.partner_ref);
	assert_true(finance_post(json, 0, NULL) == 401);
	/* Pending on the partner's side: nothing changes yet. */
	assert_int_equal(finance_post(json, 1, &body), 200);
	assert_non_null(strstr(body, "\"state\":\"pending\""));
	free(body);
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_REVIEW);
	/* The partner decided (its sandbox's answer is ready). */
	q = tq(T_READY);
	dbq_int(q, clock_now() - 1);
	dbq_cstr(q, p.partner_ref);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	snprintf(json, sizeof(json), "{\"event_id\":\"dec2-%lld-%d\","
	    "\"ref\":\"%s\"}", (long long)id, (int)getpid(), p.partner_ref);
	assert_int_equal(finance_post(json, 1, &body), 200);
	assert_non_null(strstr(body, "\"state\":\"approved\""));
	free(body);
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_OFFERED);
	assert_status(id, "awaiting_confirmation");
	assert_int_equal(finance_post(json, 1, &body), 200);
	assert_non_null(strstr(body, "\"state\":\"approved\""));
	free(body);
	assert_int_equal(msgs(s.id, "Installment application"), 1);
	assert_int_equal(finance_post("{\"event_id\":\"x1\"}", 1, &body),
	    400);
	assert_non_null(strstr(body, "\"field\":\"ref\""));
	free(body);
	client_free(s.cl);
}

/* ---- INST-CL ------------------------------------------------------------ */

/* INST-CL: the account page shows the limit and what is available; on
 * receipt confirmation the lender pays the merchant in full (one ledger
 * entry) and the shopper's installments begin. */
static void
test_INST_CL_settlement_on_receipt(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_plan		 p;
	struct plan_view	 v;
	struct dbq		*q;
	char			 page[64], *tok, *body;
	int64_t			 id, sum = 0, admin = shop_user_id(ADMIN);

	(void)state;
	shopper_new(&s, "inst-cl");
	shop_get(s.cl, "/account/credit", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"credit-limit\">USD 15,000.00"));
	assert_true(client_has(&r, "id=\"credit-available\">USD 15,000.00"));
	client_resp_cleanup(&r);
	id = place(&s, CL_PLAN, NULL, 0);
	assert_status(id, "pending_shipment");
	shop_get(s.cl, "/account/credit", &r);
	assert_true(client_has(&r, "id=\"credit-available\">USD 14,271.00"));
	client_resp_cleanup(&r);
	assert_int_equal(db_plan_by_order(shop_db(), 0, id, &p), 0);
	move(id, "pending_shipment", "shipped", OF_ADMIN, admin);
	move(id, "shipped", "delivered", OF_ADMIN, admin);
	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	tok = client_csrf_of(s.cl, page);
	body = client_form("csrf", tok, NULL);
	snprintf(page, sizeof(page), "/orders/%lld/confirm-receipt",
	    (long long)id);
	memset(&r, 0, sizeof(r));
	assert_int_equal(client_post(s.cl, page, body, &r), 0);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(body);
	free(tok);
	assert_status(id, "receipt_confirmed");
	q = tq(T_LEDGER);
	dbq_int(q, id);
	assert_int_equal(one(q, &sum), 1);
	assert_int_equal(sum, 72900);
	plan_of(id, &p);
	assert_int_equal(p.status, PLAN_ST_ACTIVE);
	assert_int_equal(p.method, PM_CREDIT_LINE);
	view_at(id, clock_now(), &v);
	assert_int_equal(v.ninst, 6);
	assert_int_equal(v.paid_total, 0);
	assert_true(v.inst[0].due > v.today);
	plan_view_cleanup(&v);
	snprintf(page, sizeof(page), "/orders/%lld/schedule", (long long)id);
	shop_get(s.cl, page, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "schedule-chart"));
	client_resp_cleanup(&r);
	client_free(s.cl);
}

/* ---- INST-S1 ------------------------------------------------------------ */

/* 1 if file path contains needle. */
static int
file_has(const char *path, const char *needle)
{
	FILE	*f = fopen(path, "r");
	char	*line = NULL;
	size_t	 cap = 0;
	int	 found = 0;

	if (f == NULL)
		return 0;
	while (!found && getline(&line, &cap, f) != -1)
		found = strstr(line, needle) != NULL;
	free(line);
	fclose(f);
	return found;
}

/* INST-S1 / INST-CC: after every flow above, no test card number (nor a
 * bank token in clear) is anywhere in a dump of the database or in any
 * log of the stack; the stored token decrypts only with the key. */
static void
test_INST_S1_no_pan_stored(void **state)
{
	const char	*pans[] = { VISA, MASTERCARD, DECLINED, FAILING,
			    BAD_LUHN, NULL };
	const char	*conf = getenv("MALLPAY_CONF");
	struct db_plan	 p;
	char		 dump[512], dir[512], cmd[2048], tok[80], *slash;
	int		 i, rc;

	(void)state;
	assert_true(late_plan.order > 0);
	plan_of(late_plan.order, &p);
	assert_int_equal(p.has_token, 1);
	assert_int_equal(plan_card_token(shop_db(), &cfg, p.id, tok,
	    sizeof(tok)), 0);
	assert_true(strlen(tok) > 8);
	snprintf(dump, sizeof(dump), "/tmp/mallpay-inst-dump-%d.sql",
	    (int)getpid());
	snprintf(cmd, sizeof(cmd), "mariadb-dump --socket='%s' -u '%s' "
	    "-p'%s' --skip-extended-insert '%s' > '%s' 2>/dev/null",
	    cfg.db_socket, cfg.db_user, cfg.db_password, cfg.db_name, dump);
	rc = system(cmd);
	assert_int_equal(rc, 0);
	assert_true(file_has(dump, "INSERT INTO `plans`"));
	for (i = 0; pans[i] != NULL; i++)
		if (file_has(dump, pans[i]))
			fail_msg("card number %s is in the database", pans[i]);
	if (file_has(dump, tok))
		fail_msg("the bank token is stored in clear");
	unlink(dump);
	/* Every log of the stack (mallpayd, nginx, MariaDB). */
	snprintf(dir, sizeof(dir), "%s", conf);
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	for (i = 0; pans[i] != NULL; i++) {
		snprintf(cmd, sizeof(cmd), "grep -rqs -- '%s' '%s/log' '%s/run' "
		    "2>/dev/null", pans[i], dir, dir);
		if (system(cmd) == 0)
			fail_msg("card number %s is in a log under %s",
			    pans[i], dir);
	}
	snprintf(cmd, sizeof(cmd), "test -d '%s/log'", dir);
	assert_int_equal(system(cmd), 0);
}

/* ---- The order page's panels -------------------------------------------- */

/* Cancel s's order id from its page after checking the note: a plan
 * whose down payment was paid refunds it, with the amount (want). Then
 * the order page's refund line carries the plan's refund. */
static void
cancel_paid_plan(struct shopper *s, int64_t id, const char *want)
{
	struct client_resp	 r;
	struct db_plan		 p;
	char			 page[64], path[80], line[64];

	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	shop_get(s->cl, page, &r);
	assert_true(client_has(&r, "id=\"cancel-order\""));
	assert_false(client_has(&r, "nothing was charged"));
	assert_false(client_has(&r, "nothing is refunded"));
	assert_true(client_has(&r, "refunded through the original channel"));
	assert_true(client_has(&r, want));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld/cancel", (long long)id);
	shop_post(s->cl, page, path, &r, (char *)NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_status(id, "cancelled");
	plan_of(id, &p);
	assert_true(p.refund > 0 && p.refund < 100000);
	snprintf(line, sizeof(line), "Refund of USD %lld.%02lld by ",
	    (long long)(p.refund / 100), (long long)(p.refund % 100));
	shop_get(s->cl, page, &r);
	assert_true(client_has(&r, line));
	assert_false(client_has(&r, "Refund by"));
	client_resp_cleanup(&r);
}

/* INST-C1 on the order page: the card plan's down payment (USD 127.33)
 * was paid: the cancel note says the incurred fee is settled and USD
 * 121.50 refunded, not "nothing was charged"; after cancelling, the
 * refund line carries the amount. */
static void
test_INST_C1_card_plan_paid_cancel_note_and_refund_amount(void **state)
{
	struct shopper	s;
	int64_t		id;

	(void)state;
	id = card_plan(&s, "inst-c1-page");
	assert_status(id, "pending_shipment");
	cancel_paid_plan(&s, id, "USD 121.50");
	client_free(s.cl);
}

/* INST-C1 on the order page, partner plan (Lotus, 6 months): the down
 * payment paid, the note refunds it with its amount. */
static void
test_INST_C1_partner_plan_paid_cancel_note_and_refund_amount(void **state)
{
	struct shopper	 s;
	struct db_plan	 p;
	struct dbq	*q;
	int64_t		 id;

	(void)state;
	id = partner_order(&s, "inst-c1-partner");
	plan_of(id, &p);
	q = tq(T_READY);
	dbq_int(q, clock_now() - 1);
	dbq_cstr(q, p.partner_ref);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	tick(clock_now());
	resignin(&s);
	confirm(&s, id, 303);
	assert_status(id, "pending_shipment");
	cancel_paid_plan(&s, id, "the rest, USD ");
	client_free(s.cl);
}

/* INST-CL: the checkout's terms mention no down payment, and before
 * receipt the order page does not ask to repay installments (they begin
 * at receipt). */
static void
test_INST_CL_no_down_payment_no_repayment_before_receipt(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	char			 page[64], *note;
	int64_t			 id;

	(void)state;
	shopper_new(&s, "inst-cl-page");
	shop_fill_cart(s.cl, s.email, (const char *const[]){ SKU, NULL },
	    (const int[]){ 1 });
	shop_get(s.cl, "/checkout?country=MY&pay=" CL_PLAN, &r);
	assert_int_equal(r.status, 200);
	note = client_between(r.body, "id=\"plan-charge-note\">", "</p>");
	assert_non_null(note);
	assert_null(strstr(note, "down payment"));
	free(note);
	client_resp_cleanup(&r);
	id = place(&s, CL_PLAN, NULL, 0);
	assert_status(id, "pending_shipment");
	snprintf(page, sizeof(page), "/orders/%lld", (long long)id);
	shop_get(s.cl, page, &r);
	assert_false(client_has(&r, "Repay each installment"));
	client_resp_cleanup(&r);
	shop_get(s.cl, "/orders", &r);
	assert_false(client_has(&r, "View repayment schedule"));
	client_resp_cleanup(&r);
	client_free(s.cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_CC_luhn_and_expiry_refused),
		cmocka_unit_test(test_INST_CC_declined_shows_bank_reason),
		cmocka_unit_test(test_INST_P1_card_confirm_pays_down_payment),
		cmocka_unit_test(test_INST_P1_down_payment_refused_changes_nothing),
		cmocka_unit_test(test_INST_P2_reminder_3_days_before),
		cmocka_unit_test(test_INST_P2_reminder_in_recipients_language),
		cmocka_unit_test(test_INST_P3_auto_deduction_on_due_date),
		cmocka_unit_test(test_INST_P3_manual_repayment_idempotent),
		cmocka_unit_test(test_INST_P3_auto_deduction_failure_stays_due),
		cmocka_unit_test(test_INST_F1_late_fee_first_day),
		cmocka_unit_test(test_INST_F1_second_tick_same_day_reads_nothing),
		cmocka_unit_test(test_INST_F2_suspension_and_admin_lift),
		cmocka_unit_test(test_INST_F3_early_payoff_waives_fees),
		cmocka_unit_test(test_INST_C1_cancel_refund),
		cmocka_unit_test(test_INST_C2_return_terminates_plan),
		cmocka_unit_test(test_INST_PC_partner_approved_by_tick),
		cmocka_unit_test(test_INST_PC_signed_callback_idempotent),
		cmocka_unit_test(test_INST_CL_settlement_on_receipt),
		cmocka_unit_test(test_INST_S1_no_pan_stored),
		cmocka_unit_test(
		    test_INST_C1_card_plan_paid_cancel_note_and_refund_amount),
		cmocka_unit_test(
		    test_INST_C1_partner_plan_paid_cancel_note_and_refund_amount),
		cmocka_unit_test(
		    test_INST_CL_no_down_payment_no_repayment_before_receipt),
	};
	char	err[512];
	int	rc;

	shop_init();
	if (config_load(&cfg, getenv("MALLPAY_CONF"), err, sizeof(err)) == -1) {
		fprintf(stderr, "test_installments: %s\n", err);
		return 1;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	shop_end();
	return rc;
}
