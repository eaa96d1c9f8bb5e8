/*
 * The corporate installment's road enforced by the server (INST-CORP,
 * INST-P1, INST-P3) against the private stack: one step from checkout to
 * the application, no shopper payment route takes a corporate plan
 * (refused, state unchanged), bank transfers recorded by an admin and
 * allocated oldest first (partial payments, the company's credit, amounts
 * that cannot be right refused with the reason), idempotency keys reused
 * with other figures refused (409), words for the road, one dashboard
 * count per application, the ledger and `mallpayctl check`, and two
 * transfers (or one key twice) recorded at once 50 times, then `mallpayctl
 * reconcile` of the day lists no difference on them.
 *
 * Each test makes its own verified company (SQL) with USD 6,000 completed
 * (INST-04) and a member signed in. Run by tests/integration/suite.sh.
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
#include "db/admin.h"
#include "db/db.h"
#include "db/stmt.h"
#include "service/company.h"
#include "service/queues.h"
#include "ctl.h"
#include "shop.h"

#define ADMIN		"admin@demo.test"
#define WASHER		"HOME-WASHER-8"		/* USD 729.00 */
#define PAY_CORP3	"installment_corporate:mallpay-corporate:3"
#define RACE_ROUNDS	50

enum {
	T_VERIFY, T_EMAIL, T_ORDER_INSERT, T_ITEM_INSERT, T_EVENT, T_APP,
	T_ORDER_STATUS, T_STATE, T_INST_PAID, T_CREDIT, T_XFER_COUNT,
	T_XFER_BUMP, T_PLAN_STATUS, T_RECV, T__MAX
};

static const char *const tstmts[T__MAX] = {
	/* T_VERIFY */
	"UPDATE companies SET qualification_status = 'verified', "
	"qualification_expires = ? WHERE id = ?",
	/* T_EMAIL */
	"SELECT email FROM users WHERE id = ?",
	/* T_ORDER_INSERT: a completed order of the company (INST-04) */
	"INSERT INTO orders (user_id, company_id, status, method, currency, "
	"usd_per_unit, items_total_minor, amount_due_minor, amount_usd_minor, "
	"country, region_code, idempotency_key, created_at, updated_at, "
	"completed_at) VALUES (?, ?, 'completed', 'remittance', 'USD', '1', "
	"600000, 600000, 600000, 'MY', 'SEA', ?, ?, ?, ?)",
	/* T_ITEM_INSERT */
	"INSERT INTO order_items (order_id, product_id, name, qty, "
	"unit_price_minor, currency) SELECT ?, id, name, 1, 600000, 'USD' "
	"FROM products ORDER BY id LIMIT 1",
	/* T_EVENT */
	"INSERT INTO events (subject_type, subject_id, actor_type, at, "
	"from_state, to_state, reason) VALUES ('order', ?, 'system', ?, NULL, "
	"'completed', 'test fixture: completed order (INST-04)')",
	/* T_APP */
	"SELECT a.status, a.term, a.id FROM corp_applications a "
	"WHERE a.order_id = ?",
	/* T_ORDER_STATUS */
	"SELECT status FROM orders WHERE id = ?",
	/* T_STATE: what a refused request must not change */
	"SELECT CONCAT_WS('/', o.status, o.updated_at, "
	"(SELECT COUNT(*) FROM plan_payments pp JOIN plans p ON "
	"p.id = pp.plan_id WHERE p.order_id = o.id), "
	"(SELECT COALESCE(MAX(p.status), '') FROM plans p WHERE "
	"p.order_id = o.id), "
	"(SELECT COALESCE(SUM(i.paid_minor), 0) FROM plan_installments i "
	"JOIN plans p ON p.id = i.plan_id WHERE p.order_id = o.id), "
	"(SELECT COUNT(*) FROM ledger_lines l WHERE l.order_id = o.id), "
	"(SELECT COUNT(*) FROM events e WHERE e.subject_type = 'order' AND "
	"e.subject_id = o.id)) FROM orders o WHERE o.id = ?",
	/* T_INST_PAID: paid and status of installment seq of the order's
	 * plan */
	"SELECT i.paid_minor, i.status FROM plan_installments i JOIN plans p "
	"ON p.id = i.plan_id WHERE p.order_id = ? AND i.seq = ?",
	/* T_CREDIT: the company's credit on the ledger (credits negative) */
	"SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_lines "
	"WHERE account = CONCAT('company:', ?, ':credit')",
	/* T_XFER_COUNT */
	"SELECT COUNT(*), COALESCE(SUM(t.amount_minor), 0) FROM "
	"corp_transfers t JOIN corp_applications a ON a.id = t.application_id "
	"WHERE a.order_id = ?",
	/* T_XFER_BUMP: corrupt (and restore) one transfer's amount */
	"UPDATE corp_transfers SET amount_minor = amount_minor + ?, "
	"excess_minor = excess_minor + ? WHERE idem_key = ?",
	/* T_PLAN_STATUS */
	"SELECT status FROM plans WHERE order_id = ?",
	/* T_RECV: what the company owes on the ledger */
	"SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_lines "
	"WHERE account = CONCAT('company:', ?, ':receivable')",
};

/* A fresh statement of this file. */
static struct dbq *
stmt(int idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}

/* Run statement idx bound with a, then b (>= 0) or s (not NULL); column
 * col of its first row into out (text) and returned as an integer (-1
 * when no row). */
static int64_t
query(int idx, int64_t a, int64_t b, const char *s, int col, char *out,
    size_t outsz)
{
	struct dbq	*q = stmt(idx);
	int64_t		 v = -1;

	dbq_int(q, a);
	if (b >= 0)
		dbq_int(q, b);
	if (s != NULL)
		dbq_cstr(q, s);
	assert_int_equal(dbq_exec(q), 0);
	if (out != NULL)
		out[0] = '\0';
	if (dbq_fetch(q) == 1) {
		v = dbq_col_int(q, col);
		if (out != NULL)
			snprintf(out, outsz, "%s", dbq_col_str(q, col, NULL));
	}
	dbq_done(q);
	return v;
}

/* A verified company's member with its corporate installment order. */
struct corp {
	struct client	*cl;
	char		 email[128];
	int64_t		 company_id, user_id, order_id, app_id;
	char		 path[64];	/* /orders/N */
	char		 apath[96];	/* /admin/orders/N/corporate */
};

/* A verified company (licence valid 300 days) with USD 6,000 completed
 * 5 days ago (INST-04) and its member signed in. */
static void
new_company(const char *tag, struct corp *k)
{
	struct dbq	*q;
	char		 day[11], key[64];
	int64_t		 at = clock_now() - 5 * 86400, id;
	mp_date		 d;
	static int	 n;

	memset(k, 0, sizeof(*k));
	k->cl = shop_company_member(tag, "verified", &k->company_id,
	    &k->user_id);
	assert_int_equal(mp_date_from_unix(clock_now(), &d), 0);
	q = stmt(T_VERIFY);
	dbq_cstr(q, mp_date_str(d + 300, day, sizeof(day)));
	dbq_int(q, k->company_id);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	query(T_EMAIL, k->user_id, -1, NULL, 0, k->email, sizeof(k->email));
	snprintf(key, sizeof(key), "test-road-%ld-%d", (long)getpid(), ++n);
	q = stmt(T_ORDER_INSERT);
	dbq_int(q, k->user_id);
	dbq_int(q, k->company_id);
	dbq_cstr(q, key);
	dbq_int(q, at);
	dbq_int(q, at);
	dbq_int(q, at);
	assert_int_equal(dbq_exec(q), 0);
	id = dbq_insert_id(q);
	dbq_done(q);
	q = stmt(T_ITEM_INSERT);
	dbq_int(q, id);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	q = stmt(T_EVENT);
	dbq_int(q, id);
	dbq_int(q, at);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
}

/* k's cart: two washers (USD 1,458.00). */
static void
fill_cart(struct corp *k)
{
	const char	*skus[] = { WASHER, NULL };
	int		 qtys[] = { 2 };

	shop_fill_cart(k->cl, k->email, skus, qtys);
}

/* Place k's corporate installment order (3 months) through checkout, in
 * one step with its application. */
static void
place(const char *tag, struct corp *k)
{
	struct client_resp r;
	char st[33];

	new_company(tag, k);
	fill_cart(k);
	shop_place(k->cl, NULL, "MY", PAY_CORP3, PAY_CORP3, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	k->order_id = shop_location_order(&r);
	assert_true(k->order_id > 0);
	client_resp_cleanup(&r);
	k->app_id = query(T_APP, k->order_id, -1, NULL, 2, st, sizeof(st));
	assert_true(k->app_id > 0);
	snprintf(k->path, sizeof(k->path), "/orders/%lld",
	    (long long)k->order_id);
	snprintf(k->apath, sizeof(k->apath), "/admin/orders/%lld/corporate",
	    (long long)k->order_id);
}

/* POST k's apath + suffix as the admin with the NULL-terminated pairs;
 * the status must be want. */
static void
admin_post(struct client *admin, const struct corp *k, const char *suffix,
    long want, const char *k1, const char *v1, const char *k2,
    const char *v2, const char *k3, const char *v3)
{
	struct client_resp	r;
	char			path[160];

	snprintf(path, sizeof(path), "%s%s", k->apath, suffix);
	shop_post(admin, k->apath, path, &r, k1, v1, k2, v2, k3, v3, NULL);
	if (r.status != want)
		fprintf(stderr, "POST %s: %ld, wanted %ld\n%.2000s\n", path,
		    r.status, want, r.body != NULL ? r.body : "");
	assert_int_equal(r.status, want);
	client_resp_cleanup(&r);
}

/* The admin approves k's application; the member signs the agreement. */
static void
approve_and_sign(struct client *admin, struct corp *k)
{
	struct client_resp	 r;
	char			 path[160], cpath[96], *sha;

	admin_post(admin, k, "/decide", 303, "decision", "approve", NULL,
	    NULL, NULL, NULL);
	snprintf(cpath, sizeof(cpath), "%s/corporate", k->path);
	shop_get(k->cl, cpath, &r);
	assert_int_equal(r.status, 200);
	sha = client_between(r.body, "name=\"sha256\" value=\"", "\"");
	assert_non_null(sha);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "%s/sign", cpath);
	shop_post(k->cl, cpath, path, &r, "sha256", sha, "agree", "yes", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(sha);
}

/* The whole road to "in effect": placed, approved, signed, the down
 * payment (USD 437.40) recorded. */
static void
in_effect(const char *tag, struct client *admin, struct corp *k)
{
	char st[33];

	place(tag, k);
	approve_and_sign(admin, k);
	admin_post(admin, k, "/down-payment", 303, "amount", "437.40",
	    "reference", "TRX-DOWN", NULL, NULL);
	query(T_ORDER_STATUS, k->order_id, -1, NULL, 0, st, sizeof(st));
	assert_string_equal(st, "pending_shipment");
}

/* The state a refused request must leave as it was: the stack's
 * fingerprint (mallpayctl check --fingerprint) and the order's own rows
 * (status, payments, plan, installments paid, ledger, events). */
static void
state_of(const struct corp *k, struct buf *out)
{
	char	row[512];

	buf_reset(out);
	assert_int_equal(mallpayctl_run(out, "check --fingerprint"), 0);
	query(T_STATE, k->order_id, -1, NULL, 0, row, sizeof(row));
	buf_printf(out, "|%s", row);
}

/* Each shopper payment route, GET and POST, refuses k's corporate plan
 * with 409; nothing changes. */
static void
shopper_routes_refused(struct corp *k)
{
	static const char *const gets[] = { "/confirm", "/card", "/apply",
	    "/payoff", NULL };
	static const char *const posts[] = { "/confirm", "/card", "/apply",
	    "/pay", "/payoff", NULL };
	struct client_resp	 r;
	struct buf		 before, after;
	char			 path[128];
	size_t			 i;

	buf_init(&before);
	buf_init(&after);
	state_of(k, &before);
	for (i = 0; gets[i] != NULL; i++) {
		snprintf(path, sizeof(path), "%s%s", k->path, gets[i]);
		shop_get(k->cl, path, &r);
		if (r.status != 409)
			fprintf(stderr, "GET %s: %ld\n", path, r.status);
		assert_int_equal(r.status, 409);
		assert_true(client_has(&r, "bank transfers"));
		client_resp_cleanup(&r);
	}
	for (i = 0; posts[i] != NULL; i++) {
		snprintf(path, sizeof(path), "%s%s", k->path, posts[i]);
		shop_post(k->cl, k->path, path, &r, "key", "shopper-key-1",
		    "seq", "1", NULL);
		if (r.status != 409)
			fprintf(stderr, "POST %s: %ld\n", path, r.status);
		assert_int_equal(r.status, 409);
		client_resp_cleanup(&r);
	}
	state_of(k, &after);
	assert_string_equal(buf_str(&before), buf_str(&after));
	buf_cleanup(&before);
	buf_cleanup(&after);
}

/* INST-P1/INST-P3: no shopper route (confirm and pay the down payment,
 * card, partner application, pay an installment, pay off) takes a
 * corporate plan, neither approved (plan offered: the shopper's "Confirm
 * Installment and Pay Down Payment" used to ship it unsigned) nor in
 * effect (the schedule's "Repay installment 1 now" used to record a
 * transfer with no money); the state is unchanged. The schedule offers no
 * button but the payee account and the reference to quote. */
static void
test_INST_P3_corporate_shopper_routes_refused(void **state)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	struct corp		 k;
	char			 path[128], st[33];

	(void)state;
	place("roadrefuse", &k);
	admin_post(admin, &k, "/decide", 303, "decision", "approve", NULL,
	    NULL, NULL, NULL);
	query(T_ORDER_STATUS, k.order_id, -1, NULL, 0, st, sizeof(st));
	assert_string_equal(st, "awaiting_confirmation");
	shopper_routes_refused(&k);
	query(T_APP, k.order_id, -1, NULL, 0, st, sizeof(st));
	assert_string_equal(st, "approved");
	/* Signed, then in effect: still refused. */
	client_free(k.cl);
	in_effect("roadrefuse2", admin, &k);
	shopper_routes_refused(&k);
	snprintf(path, sizeof(path), "%s/schedule", k.path);
	shop_get(k.cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_false(client_has(&r, "id=\"pay-button\""));
	assert_false(client_has(&r, "id=\"payoff-link\""));
	snprintf(path, sizeof(path), "MP-CORP-%lld", (long long)k.order_id);
	assert_true(client_has(&r, path));
	assert_true(client_has(&r, "id=\"payee-account\""));
	assert_true(client_has(&r, "USD 348.36"));
	client_resp_cleanup(&r);
	assert_int_equal(mallpayctl_check(), 0);
	client_free(k.cl);
	client_free(admin);
}

/* A company's checkout (no corporate order): the corporate plan table
 * shows the down payment and the amount financed before a plan is
 * picked, the total cost includes the down payment; no credit line and
 * no Pay After Use offered, and placing with either is refused. */
static void
test_INST_CORP_checkout_plan_table(void **state)
{
	struct client_resp	 r;
	struct corp		 k;
	char			*row;

	(void)state;
	new_company("roadtable", &k);
	fill_cart(&k);
	shop_get(k.cl, "/checkout?country=MY", &r);
	assert_int_equal(r.status, 200);
	row = client_between(r.body, "data-plan=\"" PAY_CORP3 "\"", "</tr>");
	assert_non_null(row);
	assert_non_null(strstr(row, "USD 437.40"));	/* down payment */
	assert_non_null(strstr(row, "USD 1,020.60"));	/* financed */
	assert_non_null(strstr(row, "USD 348.36"));	/* monthly */
	/* 1,458.00 + 3 x 8.16 of fees */
	assert_non_null(strstr(row, "USD 1,482.48"));
	assert_null(strstr(row, "USD 1,045.08"));
	free(row);
	assert_null(shop_method_block(r.body, "method-credit_line"));
	assert_null(shop_method_block(r.body, "method-pay_after_use"));
	client_resp_cleanup(&r);
	shop_place(k.cl, NULL, "MY", "credit_line", NULL, NULL, NULL, &r);
	assert_int_not_equal(r.status, 303);
	client_resp_cleanup(&r);
	shop_place(k.cl, NULL, "MY", "pay_after_use", NULL, NULL, NULL, &r);
	assert_int_not_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(shop_order_count(k.user_id), 1);	/* the fixture */
	client_free(k.cl);
}

/* INST-CORP in one step: checkout places the order and submits the
 * application with the term chosen there; no second application; the
 * page speaks words; the dashboard counts the application once (in the
 * corporate queue, not also among installment reviews). */
static void
test_INST_CORP_one_step_and_one_count(void **state)
{
	struct db_queue_stats	 inst0, corp0, inst1, corp1;
	struct client_resp	 r;
	struct corp		 k;
	char			 path[128], st[33];

	(void)state;
	assert_int_equal(queue_count_installment_review(shop_db(),
	    clock_now(), &inst0), 0);
	assert_int_equal(queue_count_corp_applications(shop_db(),
	    clock_now(), &corp0), 0);
	place("roadonestep", &k);
	assert_int_equal(query(T_APP, k.order_id, -1, NULL, 1, st,
	    sizeof(st)), 3);
	query(T_APP, k.order_id, -1, NULL, 0, st, sizeof(st));
	assert_string_equal(st, "submitted");
	assert_int_equal(queue_count_installment_review(shop_db(),
	    clock_now(), &inst1), 0);
	assert_int_equal(queue_count_corp_applications(shop_db(),
	    clock_now(), &corp1), 0);
	assert_int_equal(corp1.count, corp0.count + 1);
	assert_int_equal(inst1.count, inst0.count);
	snprintf(path, sizeof(path), "%s/corporate", k.path);
	shop_get(k.cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_false(client_has(&r, "id=\"apply-form\""));
	assert_true(client_has(&r, "Waiting for review"));
	assert_false(client_has(&r, ">submitted<"));
	assert_false(client_has(&r, "awaiting_review"));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "%s/corporate/apply", k.path);
	shop_post(k.cl, k.path, path, &r, "term", "4", NULL);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	assert_int_equal(query(T_APP, k.order_id, -1, NULL, 1, st,
	    sizeof(st)), 3);
	client_free(k.cl);
}

/* Words on the corporate road: after signing the order page no longer
 * asks to sign but gives the payee account and the reference; the fulfil
 * page does not label a corporate order with COD-P1; statuses in words;
 * INST-CORP's term error reads correctly. */
static void
test_INST_CORP_words_not_codes(void **state)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	struct corp		 k;
	char			 path[128], ref[40];

	(void)state;
	place("roadwords", &k);
	approve_and_sign(admin, &k);
	shop_get(k.cl, k.path, &r);
	assert_int_equal(r.status, 200);
	assert_false(client_has(&r, "Sign the installment agreement"));
	snprintf(ref, sizeof(ref), "MP-CORP-%lld", (long long)k.order_id);
	assert_true(client_has(&r, ref));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "%s/corporate", k.path);
	shop_get(k.cl, path, &r);
	assert_true(client_has(&r, "Signed: waiting for the down payment"));
	assert_true(client_has(&r, "id=\"payee-account\""));
	assert_true(client_has(&r, ref));
	assert_false(client_has(&r, "awaiting_confirmation"));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/orders/%lld/fulfil",
	    (long long)k.order_id);
	shop_get(admin, path, &r);
	assert_int_equal(r.status, 200);
	assert_false(client_has(&r, "COD-P1"));
	client_resp_cleanup(&r);
	shop_get(admin, k.apath, &r);
	assert_true(client_has(&r, "Signed: waiting for the down payment"));
	assert_false(client_has(&r, ">signed<"));
	client_resp_cleanup(&r);
	shop_post(admin, "/admin/settings/institutions",
	    "/admin/settings/institutions", &r, "key", "mallpay-corporate",
	    "v0", "installment_corporate", "v1", "500.00", "v3", "3,12",
	    "v4", "0.80", "v5", "spread", "v6", "1", "v7", "0.05", "v8", "1",
	    NULL);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "3 to 6 months"));
	assert_false(client_has(&r, "e.g. 3,6,12"));
	client_resp_cleanup(&r);
	client_free(k.cl);
	client_free(admin);
}

/* Record a transfer of amount on k as the admin with key; want status. */
static void
transfer(struct client *admin, const struct corp *k, const char *amount,
    const char *key, long want)
{
	admin_post(admin, k, "/repayment", want, "amount", amount,
	    "reference", "TRX-R", "key", key);
}

/* INST-P3: transfers are refused with the reason beside the field when
 * they cannot be right (zero, negative, more than twice what is due:
 * USD 5,000.00 and 99,999,999,999.00 on USD 1,045.08), and otherwise
 * allocated oldest first: USD 10.00 pays installment 1 in part (what
 * remains is shown), the next covers it and part of 2, the last pays
 * everything and the excess is the company's credit on the ledger; the
 * admin sees each allocation; check agrees, and finds a transfer whose
 * amount is changed behind the ledger's back. */
static void
test_INST_P3_transfer_allocation(void **state)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	struct corp		 k;
	char			 st[16], path[128], key[64];

	(void)state;
	in_effect("roadalloc", admin, &k);
	snprintf(path, sizeof(path), "%s/repayment", k.apath);
	shop_post(admin, k.apath, path, &r, "amount", "5000.00", "reference",
	    "TRX-X", "key", "alloc-big", NULL);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"r-amount-err\""));
	assert_true(client_has(&r, "USD 1,045.08 still due"));
	client_resp_cleanup(&r);
	transfer(admin, &k, "99999999999.00", "alloc-huge", 400);
	transfer(admin, &k, "0", "alloc-zero", 400);
	shop_post(admin, k.apath, path, &r, "amount", "-5.00", "reference",
	    "TRX-X", "key", "alloc-neg", NULL);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "more than zero"));
	client_resp_cleanup(&r);
	assert_int_equal(query(T_XFER_COUNT, k.order_id, -1, NULL, 0, NULL,
	    0), 0);
	/* A partial payment. */
	snprintf(key, sizeof(key), "alloc-1-%lld", (long long)k.order_id);
	transfer(admin, &k, "10.00", key, 303);
	assert_int_equal(query(T_INST_PAID, k.order_id, 1, NULL, 0, st,
	    sizeof(st)), 1000);
	query(T_INST_PAID, k.order_id, 1, NULL, 1, st, sizeof(st));
	assert_string_equal(st, "due");
	snprintf(path, sizeof(path), "%s/schedule", k.path);
	shop_get(k.cl, path, &r);
	assert_true(client_has(&r, "USD 10.00 paid, USD 338.36 remains"));
	client_resp_cleanup(&r);
	/* Covers installment 1 and part of 2. */
	snprintf(key, sizeof(key), "alloc-2-%lld", (long long)k.order_id);
	transfer(admin, &k, "400.00", key, 303);
	query(T_INST_PAID, k.order_id, 1, NULL, 1, st, sizeof(st));
	assert_string_equal(st, "paid");
	assert_int_equal(query(T_INST_PAID, k.order_id, 2, NULL, 0, st,
	    sizeof(st)), 6164);
	shop_get(admin, k.apath, &r);
	assert_true(client_has(&r, "Installment 1: USD 338.36 (paid in "
	    "full)"));
	assert_true(client_has(&r, "Installment 2: USD 61.64 (paid in "
	    "part)"));
	assert_true(client_has(&r, "USD 635.08"));	/* still due */
	client_resp_cleanup(&r);
	/* The rest, USD 635.08, and USD 64.92 more: the company's credit. */
	snprintf(key, sizeof(key), "alloc-3-%lld", (long long)k.order_id);
	transfer(admin, &k, "700.00", key, 303);
	query(T_PLAN_STATUS, k.order_id, -1, NULL, 0, st, sizeof(st));
	assert_string_equal(st, "closed");
	assert_int_equal(query(T_CREDIT, k.company_id, -1, NULL, 0, NULL, 0),
	    -6492);
	/* Owed: the order and the fees; paid: the down payment and the
	 * allocations: nothing left on the receivable. */
	assert_int_equal(query(T_RECV, k.company_id, -1, NULL, 0, NULL, 0), 0);
	shop_get(admin, k.apath, &r);
	assert_true(client_has(&r, "USD 64.92"));
	client_resp_cleanup(&r);
	/* Nothing due any more: refused. */
	transfer(admin, &k, "1.00", "alloc-after", 409);
	assert_int_equal(mallpayctl_check(), 0);
	/* A transfer changed behind the ledger's back is found. */
	{
		struct dbq *q = stmt(T_XFER_BUMP);

		dbq_int(q, 100);
		dbq_int(q, 100);
		dbq_cstr(q, key);
		assert_int_equal(dbq_exec(q), 0);
		dbq_done(q);
		assert_int_not_equal(mallpayctl_check(), 0);
		q = stmt(T_XFER_BUMP);
		dbq_int(q, -100);
		dbq_int(q, -100);
		dbq_cstr(q, key);
		assert_int_equal(dbq_exec(q), 0);
		dbq_done(q);
		assert_int_equal(mallpayctl_check(), 0);
	}
	client_free(k.cl);
	client_free(admin);
}

/* Idempotency keys as payment APIs treat them: KEY-A with installment 1,
 * then KEY-A with installment 2 (or another amount) is refused with 409
 * saying so; KEY-A again with the same figures returns the first result
 * and records nothing more. */
static void
test_INST_P3_transfer_key_reused_409(void **state)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	struct corp		 k;
	char			 key[64], path[128];

	(void)state;
	in_effect("roadkey", admin, &k);
	snprintf(key, sizeof(key), "KEY-A-%lld", (long long)k.order_id);
	snprintf(path, sizeof(path), "%s/repayment", k.apath);
	shop_post(admin, k.apath, path, &r, "amount", "178.26", "reference",
	    "TRX-K", "key", key, "seq", "1", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	shop_post(admin, k.apath, path, &r, "amount", "178.26", "reference",
	    "TRX-K", "key", key, "seq", "2", NULL);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "was already used"));
	client_resp_cleanup(&r);
	shop_post(admin, k.apath, path, &r, "amount", "200.00", "reference",
	    "TRX-K", "key", key, "seq", "1", NULL);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	shop_post(admin, k.apath, path, &r, "amount", "178.26", "reference",
	    "TRX-K", "key", key, "seq", "1", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(query(T_XFER_COUNT, k.order_id, -1, NULL, 0, NULL,
	    0), 1);
	assert_int_equal(query(T_XFER_COUNT, k.order_id, -1, NULL, 1, NULL,
	    0), 17826);
	assert_int_equal(mallpayctl_check(), 0);
	client_free(k.cl);
	client_free(admin);
}

/* Write a statement file of k's down payment and first repayment (and,
 * when stray, a line quoting no such order) into path (64 bytes). */
static void
statement_file(const struct corp *k, int stray, char *path)
{
	FILE	*fp;
	int	 fd;

	snprintf(path, 64, "/tmp/corp-statement-XXXXXX");
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(fp = fdopen(fd, "w"));
	fprintf(fp, "# date,amount,currency,reference,bank id\n"
	    "2026-12-03,437.40,USD,Acme down MP-CORP-%lld,HBB-%lld-1\n"
	    "2026-12-04,348.36,USD,MP-CORP-%lld installment 1,HBB-%lld-2\n",
	    (long long)k->order_id, (long long)k->order_id,
	    (long long)k->order_id, (long long)k->order_id);
	if (stray)
		fprintf(fp, "2026-12-04,10.00,USD,MP-CORP-999999999,HBB-X\n");
	fclose(fp);
}

/* INST-CORP, INST-P3: a bank statement line quoting the order's reference
 * records the down payment (checked against the agreement: the agreement
 * takes effect) and then a repayment; importing the statement again
 * changes nothing; a line quoting no application is reported and fails
 * the command. */
static void
test_INST_CORP_bank_statement_lines(void **state)
{
	struct client	*admin = shop_signin(ADMIN);
	struct corp	 k;
	struct buf	 out;
	char		 path[64], args[128], st[33];

	(void)state;
	buf_init(&out);
	place("roadstmt", &k);
	approve_and_sign(admin, &k);
	statement_file(&k, 0, path);
	snprintf(args, sizeof(args), "corp-statement %s", path);
	assert_int_equal(mallpayctl_run(&out, args), 0);
	query(T_APP, k.order_id, -1, NULL, 0, st, sizeof(st));
	assert_string_equal(st, "in_effect");
	query(T_ORDER_STATUS, k.order_id, -1, NULL, 0, st, sizeof(st));
	assert_string_equal(st, "pending_shipment");
	query(T_INST_PAID, k.order_id, 1, NULL, 1, st, sizeof(st));
	assert_string_equal(st, "paid");
	assert_int_equal(mallpayctl_run(&out, args), 0);
	assert_int_equal(query(T_XFER_COUNT, k.order_id, -1, NULL, 0, NULL,
	    0), 1);
	unlink(path);
	statement_file(&k, 1, path);
	snprintf(args, sizeof(args), "corp-statement %s", path);
	assert_int_equal(mallpayctl_run(&out, args), 1);
	assert_non_null(strstr(buf_str(&out), "has no corporate application"));
	assert_int_equal(query(T_XFER_COUNT, k.order_id, -1, NULL, 0, NULL,
	    0), 1);
	unlink(path);
	assert_int_equal(mallpayctl_check(), 0);
	buf_cleanup(&out);
	client_free(k.cl);
	client_free(admin);
}

/* One racer: POST body to path as cl after the barrier. */
struct racer {
	struct client		*cl;
	const char		*path;
	char			*body;
	long			 status;
	pthread_barrier_t	*go;
};

static void *
race(void *arg)
{
	struct racer		*x = arg;
	struct client_resp	 r;

	pthread_barrier_wait(x->go);
	memset(&r, 0, sizeof(r));
	(void)client_post(x->cl, x->path, x->body, &r);
	x->status = r.status;
	client_resp_cleanup(&r);
	return NULL;
}

/* Two admins post transfers of USD 1.00 at once, with keys k1 and k2;
 * statuses into st[2]. */
static void
race_pair(struct client *a, struct client *b, const char *csrf_a,
    const char *csrf_b, const char *path, const char *k1, const char *k2,
    long st[2])
{
	struct racer		x[2];
	pthread_t		t[2];
	pthread_barrier_t	go;
	int			i;

	pthread_barrier_init(&go, NULL, 2);
	x[0].cl = a;
	x[1].cl = b;
	x[0].body = client_form("csrf", csrf_a, "amount", "1.00",
	    "reference", "TRX-RACE", "key", k1, NULL);
	x[1].body = client_form("csrf", csrf_b, "amount", "1.00",
	    "reference", "TRX-RACE", "key", k2, NULL);
	for (i = 0; i < 2; i++) {
		x[i].path = path;
		x[i].go = &go;
		assert_int_equal(pthread_create(&t[i], NULL, race, &x[i]), 0);
	}
	for (i = 0; i < 2; i++) {
		pthread_join(t[i], NULL);
		st[i] = x[i].status;
		free(x[i].body);
	}
	pthread_barrier_destroy(&go);
}

/* 1 if reference ref names the race's transfers (the keys "race-<order>-"
 * of arg, the bank reference "TRX-RACE", the order's "MP-CORP-<order>"). */
static int
race_ref(const char *ref, void *arg)
{
	const struct corp	*k = arg;
	char			 a[40], b[40];

	snprintf(a, sizeof(a), "race-%lld-", (long long)k->order_id);
	snprintf(b, sizeof(b), "MP-CORP-%lld", (long long)k->order_id);
	return strncmp(ref, a, strlen(a)) == 0 ||
	    strncmp(ref, "TRX-RACE", 8) == 0 || strcmp(ref, b) == 0;
}

/* Two transfers recorded at once for one plan, and one key sent twice at
 * once, 50 times each: each transfer allocated once (the installments
 * record exactly what the transfers brought), the same key recorded once,
 * never a 5xx, and check clean. */
static void
test_INST_P3_transfers_race(void **state)
{
	struct client	*a = shop_signin(ADMIN), *b = shop_signin(ADMIN);
	struct corp	 k;
	char		 path[128], k1[64], k2[64], *ca, *cb;
	long		 st[2];
	int		 i, fivexx = 0, ok = 0;
	int64_t		 paid, from = clock_now();

	(void)state;
	in_effect("roadrace", a, &k);
	snprintf(path, sizeof(path), "%s/repayment", k.apath);
	ca = client_csrf_of(a, k.apath);
	cb = client_csrf_of(b, k.apath);
	assert_non_null(ca);
	assert_non_null(cb);
	for (i = 0; i < RACE_ROUNDS; i++) {
		snprintf(k1, sizeof(k1), "race-%lld-%d-a",
		    (long long)k.order_id, i);
		snprintf(k2, sizeof(k2), "race-%lld-%d-b",
		    (long long)k.order_id, i);
		race_pair(a, b, ca, cb, path, k1, k2, st);
		fivexx += st[0] >= 500 || st[1] >= 500;
		ok += (st[0] == 303) + (st[1] == 303);
		/* The same key twice at once. */
		snprintf(k1, sizeof(k1), "race-%lld-%d-same",
		    (long long)k.order_id, i);
		race_pair(a, b, ca, cb, path, k1, k1, st);
		fivexx += st[0] >= 500 || st[1] >= 500;
		ok += (st[0] == 303) + (st[1] == 303);
	}
	assert_int_equal(fivexx, 0);
	assert_int_equal(ok, 4 * RACE_ROUNDS);
	/* 3 transfers a round (the same key once), USD 1.00 each. */
	assert_int_equal(query(T_XFER_COUNT, k.order_id, -1, NULL, 0, NULL,
	    0), 3 * RACE_ROUNDS);
	paid = query(T_INST_PAID, k.order_id, 1, NULL, 0, NULL, 0);
	assert_int_equal(paid, 3 * RACE_ROUNDS * 100);
	assert_int_equal(mallpayctl_check(), 0);
	assert_int_equal(mallpayctl_reconcile_own(from, clock_now(), race_ref,
	    &k), 0);
	free(ca);
	free(cb);
	client_free(k.cl);
	client_free(a);
	client_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_P3_corporate_shopper_routes_refused),
		cmocka_unit_test(test_INST_CORP_checkout_plan_table),
		cmocka_unit_test(test_INST_CORP_one_step_and_one_count),
		cmocka_unit_test(test_INST_CORP_words_not_codes),
		cmocka_unit_test(test_INST_P3_transfer_allocation),
		cmocka_unit_test(test_INST_P3_transfer_key_reused_409),
		cmocka_unit_test(test_INST_CORP_bank_statement_lines),
		cmocka_unit_test(test_INST_P3_transfers_race),
	};
	int rc;

	shop_init();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	shop_end();
	return rc;
}
