/*
 * Pay After Use (RULES section 4) against the private stack:
 * PAU-01 and PAU-02 through the real checkout (score 550 refused, 551
 * allowed; an unmarked item refused), PAU-03 placed for 0 and charged on
 * the bound card when the shopper confirms receipt or when `mallpayctl
 * tick --now` confirms it on day 10 (not day 9), PAU-04 a failing card
 * (4000000000000341): the guarantee entry listed on /admin/guarantee, the
 * retries bounded per day, the late fee after N days, the suspension after
 * 31 days, then paying with a working card; PAU-05 a return before
 * confirmation charges nothing. Every shopper is registered fresh so that
 * suspensions and charges touch nobody else. Time: the orders of the
 * time-based tests are placed, delivered and confirmed in the past
 * (through the real use cases, checkout_place and order_confirm_receipt,
 * with their `now`, so every order's events stay in time order for
 * `mallpayctl check`) and `tick --now` never runs later than the present, so no
 * other feature's time-based work (installment suspensions, auto-cancels)
 * is pushed into the future for the tests that run after this one.
 * Test-only SQL uses the spare cache slot DB_T_TEST. Run by
 * tests/integration/suite.sh.
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

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/order.h"
#include "db/payafter.h"
#include "db/stmt.h"
#include "service/checkout.h"
#include "service/cod.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/plans.h"
#include "shop.h"

#define PASSWORD	"pau-test-password-1"
#define ADMIN		"admin@demo.test"
#define GOOD_CARD	"4111111111111111"
#define FAILING_CARD	"4000000000000341"
#define EARBUDS_MINOR	12900

enum tstmt { T_USER_FLAGS, T_GUARANTEE, T__MAX };

static const char *const tstmts[T__MAX] = {
	/* T_USER_FLAGS */
	"SELECT installment_suspended, bad_payment_record FROM users "
	"WHERE id = ?",
	/* T_GUARANTEE */
	"SELECT COUNT(*), COALESCE(SUM(amount_minor), 0) FROM pau_guarantee "
	"WHERE order_id = ? AND kind = ?",
};

/* One fresh shopper: its client (signed in), email and id. */
struct shopper {
	struct client	*cl;
	char		 email[128];
	int64_t		 id;
};

/* users.installment_suspended and bad_payment_record of id. */
static void
user_flags(int64_t id, int *suspended, int *bad)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, T_USER_FLAGS,
	    tstmts[T_USER_FLAGS]);

	assert_non_null(q);
	dbq_int(q, id);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	*suspended = (int)dbq_col_int(q, 0);
	*bad = (int)dbq_col_int(q, 1);
	dbq_done(q);
}

/* How many guarantee entries of kind order id has; *sum their amount. */
static int
guarantee(int64_t id, const char *kind, int64_t *sum)
{
	struct dbq	*q = dbq_get(shop_db(), DB_T_TEST, T_GUARANTEE,
	    tstmts[T_GUARANTEE]);
	int		 n;

	assert_non_null(q);
	dbq_int(q, id);
	dbq_cstr(q, kind);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	n = (int)dbq_col_int(q, 0);
	if (sum != NULL)
		*sum = dbq_col_int(q, 1);
	dbq_done(q);
	return n;
}

/* Register and sign in a fresh shopper with credit score score. */
static void
shopper_new(struct shopper *s, int score)
{
	memset(s, 0, sizeof(*s));
	shop_register(s->email, sizeof(s->email), "pau", "Pat Payafter",
	    PASSWORD);
	s->cl = client_new();
	assert_int_equal(client_signin(s->cl, s->email, PASSWORD), 303);
	s->id = shop_user_id(s->email);
	shop_credit_score(s->email, score);
}

/* POST path with only the csrf of page; fills r. */
static void
post_csrf(struct client *cl, const char *page, const char *path,
    struct client_resp *r)
{
	shop_post(cl, page, path, r, NULL);
}

/* Bind pan as s's Pay After Use card at the bank's hosted page; returns
 * 303 when bound, 422 when the bank declined it (the mall sends the
 * shopper back with the reason). */
static long
bind_card(struct shopper *s, const char *pan)
{
	int	declined = 0;
	long	st = shop_bind_pau_card(s->cl, pan, &declined);

	return st == 303 && declined ? 422 : st;
}

/* Place an order of the earbuds (PAU-marked) with Pay After Use; returns
 * the id (0 when refused) and the response status in *status. */
static int64_t
place_pau(struct shopper *s, const char *const *skus, long *status)
{
	struct client_resp	 r;
	int64_t			 id;
	static const int	 qtys[] = { 1, 1, 1 };

	shop_fill_cart(s->cl, s->email, skus, qtys);
	shop_place(s->cl, NULL, "MY", "pay_after_use", "pay_after_use", NULL,
	    NULL, &r);
	*status = r.status;
	id = r.status == 303 ? shop_location_order(&r) : 0;
	client_resp_cleanup(&r);
	return id;
}

/* place_pau of the earbuds alone, which must succeed. */
static int64_t
place_earbuds(struct shopper *s)
{
	long	st;
	int64_t	id = place_pau(s, (const char *const[]){ "DIG-EARBUDS",
	    NULL }, &st);

	assert_int_equal(st, 303);
	assert_true(id > 0);
	return id;
}

/* Place s's order of the earbuds with Pay After Use at time at through
 * the checkout use case (the web form always places at the present). */
static int64_t
place_earbuds_at(struct shopper *s, int64_t at)
{
	struct checkout_input	 in;
	struct checkout_choice	 ch;
	struct checkout_quote	 q;
	char			 why[256];
	int64_t			 id = 0;
	static int		 n;

	shop_fill_cart(s->cl, s->email, (const char *const[]){ "DIG-EARBUDS",
	    NULL }, (const int[]){ 1 });
	memset(&in, 0, sizeof(in));
	snprintf(in.country, sizeof(in.country), "MY");
	memset(&ch, 0, sizeof(ch));
	snprintf(ch.method, sizeof(ch.method), "pay_after_use");
	snprintf(ch.key, sizeof(ch.key), "pau-test-%lld-%d-%d",
	    (long long)at, (int)getpid(), n++);
	memset(&q, 0, sizeof(q));
	assert_int_equal(checkout_place(shop_db(), s->id, 0, &in, &ch, at,
	    &q, &id, why, sizeof(why)), RES_OK);
	checkout_quote_cleanup(&q);
	assert_true(id > 0);
	return id;
}

/* Move order id from -> to as actor a at time at. */
static void
advance(int64_t id, const char *from, const char *to, enum of_actor a,
    int64_t at)
{
	struct db *db = shop_db();
	enum order_status f, t;

	assert_int_equal(order_status_parse(from, &f), 0);
	assert_int_equal(order_status_parse(to, &t), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(orderflow_transition(db, id, f, t, a, 0,
	    "test: courier", at), RES_OK);
	assert_int_equal(db_commit(db), 0);
}

/* Ship and deliver order id, delivered at `at`. */
static void
deliver(int64_t id, int64_t at)
{
	advance(id, "pending_shipment", "shipped", OF_PARTNER, at);
	advance(id, "shipped", "delivered", OF_PARTNER, at);
}

/* The status of order id. */
static void
order_status(int64_t id, char *out, size_t outsz)
{
	struct db_order o;

	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	snprintf(out, outsz, "%s", order_status_name(o.status));
}

/* Seconds of midnight UTC `days` days after the date of t, plus secs. */
static int64_t
day_after(int64_t t, int days, int64_t secs)
{
	mp_date d;

	assert_int_equal(mp_date_from_unix(t, &d), 0);
	assert_int_equal(mp_date_add_days(d, days, &d), 0);
	return mp_date_to_unix(d) + secs;
}

/* Midnight UTC `days` days before today, plus secs. */
static int64_t
days_ago(int days, int64_t secs)
{
	return day_after(clock_now(), -days, secs);
}

/* The shopper uid confirms receipt of order id at time at (the use case
 * of POST /orders/:id/confirm-receipt, dated). */
static void
confirm_at(int64_t uid, int64_t id, int64_t at)
{
	assert_int_equal(order_confirm_receipt(shop_db(), uid, id, OF_USER,
	    at), RES_OK);
}

/* A fresh shopper s (score 700) with the failing card bound, whose order
 * of the earbuds placed three days ago was delivered and confirmed at t0:
 * the first deduction failed (PAU-04). Returns the order's id. */
static int64_t
failed_charge_order(struct shopper *s, int64_t t0)
{
	int64_t id;

	shopper_new(s, 700);
	assert_int_equal(bind_card(s, FAILING_CARD), 303);
	id = place_earbuds_at(s, days_ago(3, 3600));
	deliver(id, t0 - 3600);
	confirm_at(s->id, id, t0);
	return id;
}

/* Run mallpayctl tick --now at; the Pay After Use part must report no
 * errors (other features' jobs are theirs to judge). */
static void
tick(int64_t at)
{
	shop_tick(at, "payafter");
}

/* PAU-01: a score of 550 is refused with the rule, 551 is allowed,
 * through the real checkout page and form. */
static void
test_PAU_01_score_550_refused_551_allowed(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	char			*block;
	int64_t			 id;
	long			 st;

	(void)state;
	shopper_new(&s, 550);
	shop_fill_cart(s.cl, s.email, (const char *const[]){ "DIG-EARBUDS",
	    NULL }, (const int[]){ 1 });
	shop_get(s.cl, "/checkout?country=MY", &r);
	assert_int_equal(r.status, 200);
	block = shop_method_block(r.body, "method-pay_after_use");
	assert_non_null(block);
	assert_non_null(strstr(block, "PAU-01"));
	assert_null(strstr(block, "value=\"pay_after_use\""));
	free(block);
	client_resp_cleanup(&r);
	/* A forged form is refused too: no order. */
	id = place_pau(&s, (const char *const[]){ "DIG-EARBUDS", NULL }, &st);
	assert_int_not_equal(st, 303);
	assert_int_equal(id, 0);
	assert_int_equal(shop_order_count(s.id), 0);

	shop_credit_score(s.email, 551);
	shop_get(s.cl, "/checkout?country=MY", &r);
	block = shop_method_block(r.body, "method-pay_after_use");
	assert_non_null(block);
	assert_null(strstr(block, "PAU-01"));
	free(block);
	client_resp_cleanup(&r);
	id = place_earbuds(&s);
	assert_int_equal(shop_order_count(s.id), 1);
	client_free(s.cl);
	(void)id;
}

/* PAU-02: one item without the merchant's mark refuses the method. */
static void
test_PAU_02_unmarked_item_refused(void **state)
{
	struct shopper		 s;
	struct client		*admin;
	struct client_resp	 r;
	char			*block;
	long			 st;
	int64_t			 id;

	(void)state;
	shopper_new(&s, 700);
	shop_fill_cart(s.cl, s.email, (const char *const[]){ "DIG-EARBUDS",
	    "HOME-VACUUM-R5", NULL }, (const int[]){ 1, 1 });
	shop_get(s.cl, "/checkout?country=MY", &r);
	block = shop_method_block(r.body, "method-pay_after_use");
	assert_non_null(block);
	assert_non_null(strstr(block, "PAU-02"));
	/* The unmarked item's category by its name, not its code. */
	assert_non_null(strstr(block, "(Home Appliances)"));
	assert_null(strstr(block, "home-appliances"));
	free(block);
	client_resp_cleanup(&r);
	id = place_pau(&s, (const char *const[]){ "DIG-EARBUDS",
	    "HOME-VACUUM-R5", NULL }, &st);
	assert_int_not_equal(st, 303);
	assert_int_equal(id, 0);
	/* The mark is the merchant's, set on the admin's product page. */
	admin = shop_signin(ADMIN);
	shop_get(admin, "/admin/settings/products", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Pay After Use"));
	client_resp_cleanup(&r);
	client_free(admin);
	/* Both marked (earbuds, speaker): allowed. */
	id = place_pau(&s, (const char *const[]){ "DIG-EARBUDS",
	    "DIG-SPEAKER", NULL }, &st);
	assert_int_equal(st, 303);
	assert_true(id > 0);
	client_free(s.cl);
}

/* PAU-03: placed for 0; the shopper's confirmation deducts the price
 * from the bound card once (a second confirmation is refused). The card
 * page keeps only brand and last four. */
static void
test_PAU_03_confirm_receipt_charges_card(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_order		 o;
	struct db_pau_card	 card;
	struct db_pau_charge	 c;
	char			 path[64], post[64];
	int64_t			 id;

	(void)state;
	shopper_new(&s, 700);
	/* A declined card is refused with the bank's reason. */
	assert_int_equal(bind_card(&s, "4000000000000002"), 422);
	assert_int_equal(db_pau_card_get(shop_db(), s.id, &card), 0);
	assert_int_equal(bind_card(&s, GOOD_CARD), 303);
	shop_get(s.cl, "/pay-after-use", &r);
	assert_true(client_has(&r, "Visa ending 1111"));
	assert_false(client_has(&r, GOOD_CARD));
	client_resp_cleanup(&r);
	assert_int_equal(db_pau_card_get(shop_db(), s.id, &card), 1);
	assert_string_equal(card.last4, "1111");
	/* Only the encrypted token: no "btok_" in clear. */
	assert_null(memmem(card.token_enc, card.token_len, "btok_", 5));

	id = place_earbuds(&s);
	assert_int_equal(db_order_get(shop_db(), s.id, id, &o), 1);
	assert_int_equal(o.amount_due_minor - o.deferred_minor, 0);
	assert_int_equal(o.deferred_minor, EARBUDS_MINOR);
	deliver(id, clock_now());
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	snprintf(post, sizeof(post), "/orders/%lld/confirm-receipt",
	    (long long)id);
	post_csrf(s.cl, path, post, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.status, CH_PAID);
	assert_int_equal(c.paid_minor, EARBUDS_MINOR);
	assert_int_equal(c.attempts, 1);
	assert_true(strncmp(c.reference, "ded_", 4) == 0);
	assert_int_equal(guarantee(id, "payout", NULL), 0);
	/* Once only. */
	post_csrf(s.cl, path, post, &r);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.attempts, 1);
	shop_get(s.cl, "/pay-after-use", &r);
	assert_true(client_has(&r, "USD 129.00"));
	assert_true(client_has(&r, "data-status=\"paid\""));
	client_resp_cleanup(&r);
	client_free(s.cl);
}

/* PAU-03: tick confirms automatically 10 calendar days after delivery,
 * not on day 9, and charges the bound card. */
static void
test_PAU_03_auto_confirm_day_10_not_9(void **state)
{
	struct shopper		 s;
	struct db_pau_charge	 c;
	char			 st[40];
	int64_t			 id, now = clock_now();
	int64_t			 delivered = days_ago(10, 3600);
	int64_t			 day10 = days_ago(0, 60);

	(void)state;
	shopper_new(&s, 700);
	assert_int_equal(bind_card(&s, GOOD_CARD), 303);
	id = place_earbuds_at(&s, days_ago(12, 3600));
	deliver(id, delivered);
	/* Day 9, a minute before midnight: not yet. */
	tick(days_ago(1, 23 * 3600 + 59 * 60));
	order_status(id, st, sizeof(st));
	assert_string_equal(st, "delivered");
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 0);
	/* Day 10. */
	tick(day10 < now ? day10 : now);
	order_status(id, st, sizeof(st));
	assert_string_equal(st, "receipt_confirmed");
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.status, CH_PAID);
	assert_int_equal(c.paid_minor, EARBUDS_MINOR);
	/* Idempotent: a second tick changes nothing. */
	tick(now);
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.attempts, 1);
	client_free(s.cl);
}

/* PAU-04: the failing card: the merchant settled from the guarantee
 * (listed and totalled for the admin), the debt open and retried at most
 * twice a day by tick. */
static void
test_PAU_04_failed_deduction_guarantee_retries(void **state)
{
	struct shopper		 s;
	struct client		*admin;
	struct client_resp	 r;
	struct db_pau_charge	 c;
	char			 want[64];
	int64_t			 id, sum, t0 = days_ago(2, 3600);

	(void)state;
	/* Confirmed two days ago at 01:00 (the first deduction fails). */
	id = failed_charge_order(&s, t0);
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.status, CH_OPEN);
	assert_int_equal(c.attempts, 1);
	assert_string_equal(c.reason, "insufficient funds");
	/* The merchant is settled in full from the guarantee. */
	assert_int_equal(guarantee(id, "payout", &sum), 1);
	assert_int_equal(sum, EARBUDS_MINOR);
	admin = shop_signin(ADMIN);
	shop_get(admin, "/admin/guarantee", &r);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "data-order=\"%lld\" data-kind=\"payout\"",
	    (long long)id);
	assert_true(client_has(&r, want));
	assert_true(client_has(&r, "id=\"pau-usd-outstanding\""));
	client_resp_cleanup(&r);
	/* The shopper may not see it. */
	shop_get(s.cl, "/admin/guarantee", &r);
	assert_int_equal(r.status, 403);
	client_resp_cleanup(&r);
	shop_get(s.cl, "/pay-after-use", &r);
	assert_true(client_has(&r, "data-status=\"open\""));
	client_resp_cleanup(&r);
	/* The order says what happened and what to do, the action at hand. */
	snprintf(want, sizeof(want), "/orders/%lld", (long long)id);
	shop_get(s.cl, want, &r);
	assert_true(client_has(&r, "The Pay After Use payment failed"));
	assert_true(client_has(&r, "declined it for insufficient funds"));
	assert_true(client_has(&r, "Nothing was charged."));
	assert_true(client_has(&r, "id=\"pau-pay-now\""));
	client_resp_cleanup(&r);

	/* Retries: the next day twice at most, spaced. */
	tick(days_ago(1, 3600));
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.attempts, 2);
	/* INST-F1: one day late: 129.00 x 0.05 % = 0.06. */
	assert_int_equal(c.late_fee_minor, 6);
	tick(days_ago(1, 3600 + 60));			/* too soon */
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.attempts, 2);
	tick(days_ago(1, 13 * 3600 + 60));		/* second of the day */
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.attempts, 3);
	tick(days_ago(1, 23 * 3600 + 59 * 60));	/* bound reached */
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.attempts, 3);
	assert_int_equal(c.status, CH_OPEN);
	/* Still one guarantee payout whatever the retries. */
	assert_int_equal(guarantee(id, "payout", NULL), 1);
	client_free(admin);
	client_free(s.cl);
}

/* PAU-04 like INST-F1/F2: the late fee after N days, suspension after
 * 31 days overdue (not 30), which an admin cannot lift while the debt is
 * open; then paid with a working card: the guarantee is recovered and
 * the lift goes through. */
static void
test_PAU_04_late_fee_and_suspension(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_pau_charge	 c;
	char			 post[64];
	int64_t			 id, sum, t0 = days_ago(31, 3600);
	int			 susp, bad;

	(void)state;
	shopper_new(&s, 700);
	assert_int_equal(bind_card(&s, FAILING_CARD), 303);
	id = place_earbuds_at(&s, days_ago(32, 3600));
	deliver(id, t0 - 3600);
	confirm_at(s.id, id, t0);
	/* Late fee after 10 days: 129.00 x 0.5 % = 0.645 -> 0.65. */
	tick(days_ago(21, 2 * 3600));
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.late_fee_minor, 65);
	/* INST-F2: overdue 30 days: not yet. */
	tick(days_ago(1, 2 * 3600));
	user_flags(s.id, &susp, &bad);
	assert_int_equal(susp, 0);
	assert_int_equal(bad, 0);
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	/* 30 days: 129.00 x 1.5 % = 1.935 -> 1.94. */
	assert_int_equal(c.late_fee_minor, 194);
	/* 31 days: suspended, with the credit record flag. */
	tick(clock_now());
	user_flags(s.id, &susp, &bad);
	assert_int_equal(susp, 1);
	assert_int_equal(bad, 1);
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_true(c.suspended_at > 0);
	/* 31 days: 129.00 x 1.55 % = 1.9995 -> 2.00. */
	assert_int_equal(c.late_fee_minor, 200);
	assert_int_equal(c.status, CH_OPEN);
	shop_get(s.cl, "/pay-after-use", &r);
	assert_true(client_has(&r, "USD 131.00"));
	assert_true(client_has(&r, "Installment access is suspended"));
	client_resp_cleanup(&r);
	/* INST-F2: an admin cannot lift it while the debt is overdue. */
	assert_int_equal(plan_lift_suspension(shop_db(), shop_user_id(ADMIN),
	    s.id, clock_now()), RES_NOT_ALLOWED);
	user_flags(s.id, &susp, &bad);
	assert_int_equal(susp, 1);

	/* The shopper binds a working card and pays the debt with its fee. */
	assert_int_equal(bind_card(&s, GOOD_CARD), 303);
	snprintf(post, sizeof(post), "/orders/%lld/pau-pay", (long long)id);
	post_csrf(s.cl, "/pay-after-use", post, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 1);
	assert_int_equal(c.status, CH_PAID);
	assert_int_equal(c.paid_minor, EARBUDS_MINOR + 200);
	assert_int_equal(guarantee(id, "recovery", &sum), 1);
	assert_int_equal(sum, EARBUDS_MINOR);
	/* Paid: nothing more to pay. */
	post_csrf(s.cl, "/pay-after-use", post, &r);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	/* Nothing overdue any more: the lift goes through. */
	assert_int_equal(plan_lift_suspension(shop_db(), shop_user_id(ADMIN),
	    s.id, clock_now()), RES_OK);
	user_flags(s.id, &susp, &bad);
	assert_int_equal(susp, 0);
	client_free(s.cl);
}

/* PAU-04: another shopper cannot pay (or see) someone's debt. */
static void
test_PAU_04_other_shopper_404(void **state)
{
	struct shopper		 a, b;
	struct client_resp	 r;
	char			 post[64];
	int64_t			 id;

	(void)state;
	shopper_new(&a, 700);
	shopper_new(&b, 700);
	assert_int_equal(bind_card(&a, FAILING_CARD), 303);
	id = place_earbuds(&a);
	deliver(id, clock_now());
	snprintf(post, sizeof(post), "/orders/%lld/confirm-receipt",
	    (long long)id);
	post_csrf(a.cl, "/orders", post, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(post, sizeof(post), "/orders/%lld/pau-pay", (long long)id);
	post_csrf(b.cl, "/pay-after-use", post, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	snprintf(post, sizeof(post), "/orders/%lld/pau-return", (long long)id);
	post_csrf(b.cl, "/orders", post, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	client_free(a.cl);
	client_free(b.cl);
}

/* PAU-05: returned before receipt is confirmed: never charged, not even
 * by the automatic confirmation; the order closes as returned. */
static void
test_PAU_05_return_before_confirmation_no_charge(void **state)
{
	struct shopper		 s;
	struct client_resp	 r;
	struct db_pau_charge	 c;
	char			 path[64], post[64], st[40], msg[200];
	int64_t			 id, t0 = days_ago(11, 3600);

	(void)state;
	shopper_new(&s, 700);
	assert_int_equal(bind_card(&s, GOOD_CARD), 303);
	id = place_earbuds_at(&s, days_ago(12, 3600));
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	snprintf(post, sizeof(post), "/orders/%lld/pau-return", (long long)id);
	/* Not before delivery. */
	post_csrf(s.cl, path, post, &r);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	deliver(id, t0);
	shop_get(s.cl, path, &r);
	assert_true(client_has(&r, "id=\"pau-return\""));
	client_resp_cleanup(&r);
	post_csrf(s.cl, path, post, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	order_status(id, st, sizeof(st));
	assert_string_equal(st, "return_requested");
	/* No confirmation any more, by hand or by tick. */
	snprintf(post, sizeof(post), "/orders/%lld/confirm-receipt",
	    (long long)id);
	post_csrf(s.cl, path, post, &r);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	/* Eleven days after the delivery: still not confirmed. */
	tick(clock_now());
	order_status(id, st, sizeof(st));
	assert_string_equal(st, "return_requested");
	/* The logistics partner's return_received event: returned, and no
	 * refund promised for what was never charged. */
	assert_int_equal(cod_return_received(shop_db(), id, OF_PARTNER, 0,
	    clock_now(), msg, sizeof(msg)), RES_OK);
	assert_non_null(strstr(msg, "no refund is due"));
	order_status(id, st, sizeof(st));
	assert_string_equal(st, "returned");
	assert_int_equal(db_pau_charge_get(shop_db(), id, 0, &c), 0);
	assert_int_equal(guarantee(id, "payout", NULL), 0);
	shop_get(s.cl, "/messages", &r);
	assert_true(client_has(&r, "nothing to refund (PAU-05)"));
	assert_false(client_has(&r, "refund to the original payment account"));
	client_resp_cleanup(&r);
	client_free(s.cl);
}

/* PAU-04 on the order page: a failed deduction is the amount to pay,
 * with the overdue line and its link, not "USD 0.00"; My Orders shows the
 * debt; the admin's order page shows the same amount as the shopper's. */
static void
test_PAU_04_failed_charge_on_order_page(void **state)
{
	struct shopper		 s;
	struct client		*admin;
	struct client_resp	 r;
	char			 path[64];
	int64_t			 id, t0 = days_ago(2, 3600);

	(void)state;
	id = failed_charge_order(&s, t0);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(s.cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"amount-due\">USD 129.00<"));
	assert_true(client_has(&r, "id=\"order-debt\">USD 129.00"));
	assert_true(client_has(&r, "/pay-after-use#pau-charge-"));
	assert_false(client_has(&r, "USD 0.00"));
	client_resp_cleanup(&r);
	shop_get(s.cl, "/orders", &r);
	assert_true(client_has(&r, "Owed now USD 129.00"));
	client_resp_cleanup(&r);
	admin = shop_signin(ADMIN);
	snprintf(path, sizeof(path), "/admin/orders/%lld", (long long)id);
	shop_get(admin, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"order-amount\">USD 129.00"));
	client_resp_cleanup(&r);
	client_free(admin);
	client_free(s.cl);
}

/* PAU-03 on the order page: before receipt nothing is to pay now and the
 * price is due at receipt; once deducted, the page says it was charged
 * and owes nothing; the admin's page agrees (USD 0.00, not the price). */
static void
test_PAU_03_order_page_before_and_after_charge(void **state)
{
	struct shopper		 s;
	struct client		*admin;
	struct client_resp	 r;
	char			 path[64], apath[64];
	int64_t			 id;

	(void)state;
	shopper_new(&s, 700);
	assert_int_equal(bind_card(&s, GOOD_CARD), 303);
	id = place_earbuds_at(&s, days_ago(3, 3600));
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	snprintf(apath, sizeof(apath), "/admin/orders/%lld", (long long)id);
	admin = shop_signin(ADMIN);
	shop_get(admin, apath, &r);
	assert_true(client_has(&r, "id=\"order-amount\">USD 0.00"));
	client_resp_cleanup(&r);
	deliver(id, days_ago(2, 3600));
	confirm_at(s.id, id, days_ago(1, 3600));
	shop_get(s.cl, path, &r);
	assert_true(client_has(&r, "id=\"amount-due\">USD 0.00<"));
	assert_true(client_has(&r, "Charged to your bound card at receipt"));
	assert_false(client_has(&r, "id=\"order-debt\""));
	assert_false(client_has(&r, "id=\"deferred\""));
	client_resp_cleanup(&r);
	shop_get(admin, apath, &r);
	assert_true(client_has(&r, "id=\"order-amount\">USD 0.00"));
	client_resp_cleanup(&r);
	client_free(admin);
	client_free(s.cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_PAU_01_score_550_refused_551_allowed),
		cmocka_unit_test(test_PAU_02_unmarked_item_refused),
		cmocka_unit_test(test_PAU_03_confirm_receipt_charges_card),
		cmocka_unit_test(test_PAU_03_auto_confirm_day_10_not_9),
		cmocka_unit_test(test_PAU_04_failed_deduction_guarantee_retries),
		cmocka_unit_test(test_PAU_04_late_fee_and_suspension),
		cmocka_unit_test(test_PAU_04_other_shopper_404),
		cmocka_unit_test(test_PAU_05_return_before_confirmation_no_charge),
		cmocka_unit_test(test_PAU_04_failed_charge_on_order_page),
		cmocka_unit_test(test_PAU_03_order_page_before_and_after_charge),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
