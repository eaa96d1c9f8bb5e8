/*
 * "My Orders" against the private stack: the list (newest first, next
 * action), the order page (timeline, promised dates), another shopper's
 * order (404), cancelling (INST-C1, REM-P8, COD) and confirming receipt.
 * Run by tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/clock.h"
#include "db/db.h"
#include "db/order.h"
#include "service/orderflow.h"
#include "shop.h"

#define NEW		"shopper.new@demo.test"
#define VETERAN		"shopper.veteran@demo.test"

/* Place an order of one sku with pay for email; returns its id. */
static int64_t
place(struct client *cl, const char *email, const char *sku,
    const char *country, const char *pay)
{
	struct client_resp	 r;
	int64_t			 id;

	shop_fill_cart(cl, email, (const char *const[]){ sku, NULL },
	    (const int[]){ 1 });
	shop_place(cl, NULL, country, pay, pay, NULL, NULL, &r);
	if (r.status != 303)
		fail_msg("placing %s with %s: %ld", sku, pay, r.status);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	assert_true(id > 0);
	return id;
}

/* Move order id along the state machine as the admin/partner would. */
static void
advance(int64_t id, const char *from, const char *to, enum of_actor a)
{
	struct db *db = shop_db();
	enum order_status f, t;

	assert_int_equal(order_status_parse(from, &f), 0);
	assert_int_equal(order_status_parse(to, &t), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(orderflow_transition(db, id, f, t, a, 0,
	    "test: courier", clock_now()), RES_OK);
	assert_int_equal(db_commit(db), 0);
}

/* POST path with only the csrf of page; returns the response. */
static void
post_csrf(struct client *cl, const char *page, const char *path,
    struct client_resp *r)
{
	shop_post(cl, page, path, r, NULL);
}

/* The list: newest first, status, amount with currency, next action. */
static void
test_orders_list_newest_first(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;
	int64_t			 a, b;
	char			 want[64], *first;

	(void)state;
	a = place(cl, NEW, "HOME-VACUUM-R5", "MY", "remittance");
	b = place(cl, NEW, "HOME-VACUUM-R5", "MY", "cod");
	shop_get(cl, "/orders", &r);
	assert_int_equal(r.status, 200);
	first = client_between(r.body, "data-order-id=\"", "\"");
	assert_non_null(first);
	assert_int_equal(strtoll(first, NULL, 10), b);
	free(first);
	snprintf(want, sizeof(want), "href=\"/orders/%lld/voucher\"",
	    (long long)a);
	assert_true(client_has(&r, want));
	assert_true(client_has(&r, "Upload Remittance Voucher"));
	assert_true(client_has(&r, "USD 459.00"));
	assert_true(client_has(&r, "Awaiting review"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* Another shopper's order is 404, on the page and on its actions. */
static void
test_orders_other_shopper_404(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client		*vet = shop_signin(VETERAN);
	struct client_resp	 r;
	char			 path[64], post[64];
	int64_t			 id;

	(void)state;
	id = place(cl, NEW, "HOME-VACUUM-R5", "MY", "remittance");
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(vet, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	snprintf(post, sizeof(post), "/orders/%lld/cancel", (long long)id);
	post_csrf(vet, "/orders", post, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Awaiting remittance"));
	client_resp_cleanup(&r);
	shop_get(cl, "/orders/999999999", &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	client_free(cl);
	client_free(vet);
}

/* REM-P8: cancelling a remittance order before shipment shows and stores
 * the refund rule and date; the timeline gets the event; with nothing
 * remitted the page promises no refund. */
static void
test_REM_P8_cancel_remittance(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;
	struct db_order		 o;
	char			 path[64], post[64];
	int64_t			 id;

	(void)state;
	id = place(cl, NEW, "HOME-VACUUM-R5", "MY", "remittance");
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	snprintf(post, sizeof(post), "/orders/%lld/cancel", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "REM-P8"));
	assert_true(client_has(&r, "10-20 business days"));
	assert_true(client_has(&r, "id=\"cancel-refund-by\""));
	client_resp_cleanup(&r);
	post_csrf(cl, path, post, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(db_order_get(shop_db(), shop_user_id(NEW), id, &o),
	    1);
	assert_int_equal(o.status, OS_CANCELLED);
	assert_int_equal(strlen(o.refund_due), 10);
	shop_get(cl, path, &r);
	/* Nothing was remitted: no refund is promised on the page. */
	assert_false(client_has(&r, "id=\"refund-due\""));
	assert_true(client_has(&r, "Cancelled"));
	assert_false(client_has(&r, "id=\"cancel-order\""));
	client_resp_cleanup(&r);
	/* Twice: the state machine refuses, nothing changes. */
	post_csrf(cl, path, post, &r);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	client_free(cl);
}

/* COD: cancelling refunds nothing; after shipment the shopper cannot
 * cancel any more. */
static void
test_COD_cancel_nothing_to_refund(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;
	char			 path[64], post[64];
	int64_t			 id;

	(void)state;
	id = place(cl, NEW, "HOME-VACUUM-R5", "MY", "cod");
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	snprintf(post, sizeof(post), "/orders/%lld/cancel", (long long)id);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "nothing to refund"));
	assert_true(client_has(&r, "id=\"review-due\""));
	client_resp_cleanup(&r);
	advance(id, "awaiting_review", "pending_shipment", OF_ADMIN);
	advance(id, "pending_shipment", "shipped", OF_PARTNER);
	post_csrf(cl, path, post, &r);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	client_free(cl);
}

/* PAU-03: placed for 0; confirming receipt of the delivered order moves
 * it to receipt_confirmed; not before delivery. */
static void
test_PAU_03_confirm_receipt(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;
	struct db_order		 o;
	char			 path[64], post[64];
	int64_t			 id, uid = shop_user_id(NEW);

	(void)state;
	id = place(cl, NEW, "DIG-EARBUDS", "MY", "pay_after_use");
	assert_int_equal(db_order_get(shop_db(), uid, id, &o), 1);
	assert_int_equal(o.status, OS_PENDING_SHIPMENT);
	/* PAU-03: placed for 0: the whole amount due is deferred. */
	assert_int_equal(o.amount_due_minor, 12900);
	assert_int_equal(o.deferred_minor, 12900);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	snprintf(post, sizeof(post), "/orders/%lld/confirm-receipt",
	    (long long)id);
	post_csrf(cl, path, post, &r);
	assert_int_equal(r.status, 409);
	client_resp_cleanup(&r);
	advance(id, "pending_shipment", "shipped", OF_PARTNER);
	advance(id, "shipped", "delivered", OF_PARTNER);
	shop_get(cl, "/orders", &r);
	assert_true(client_has(&r, "Confirm receipt"));
	client_resp_cleanup(&r);
	post_csrf(cl, path, post, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(db_order_get(shop_db(), uid, id, &o), 1);
	assert_int_equal(o.status, OS_RECEIPT_CONFIRMED);
	shop_get(cl, path, &r);
	assert_true(client_has(&r, "Receipt confirmed"));
	assert_true(client_has(&r, "Delivered"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* The inbox: the unread count in the header, marking read. */
static void
test_messages_unread_count(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;

	(void)state;
	place(cl, NEW, "HOME-VACUUM-R5", "MY", "remittance");
	shop_get(cl, "/orders", &r);
	assert_true(client_has(&r, "id=\"unread-count\""));
	client_resp_cleanup(&r);
	post_csrf(cl, "/messages", "/messages/read", &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	shop_get(cl, "/messages", &r);
	assert_int_equal(r.status, 200);
	assert_false(client_has(&r, "id=\"unread-count\""));
	assert_true(client_has(&r, "placed"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* An order whose stored status is none of STATE.md's is refused where the
 * database is read: db_order_get fails, the list leaves it out, and the
 * same order reads again once its status is a real one. */
static void
test_orders_unknown_status_refused(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct db_order		 o;
	struct db_order_row	*rows = NULL;
	char			 sql[160];
	size_t			 n = 0, i;
	int64_t			 id, uid;

	(void)state;
	id = place(cl, NEW, "HOME-VACUUM-R5", "MY", "remittance");
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	assert_int_equal(o.status, OS_AWAITING_REMITTANCE);
	uid = o.user_id;
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = 'placed' "
	    "WHERE id = %lld", (long long)id);
	shop_sql(sql);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), -1);
	assert_int_equal(db_order_list_by_user(shop_db(), uid, 1000,
	    &rows, &n), 0);
	for (i = 0; i < n; i++)
		assert_int_not_equal(rows[i].id, id);
	free(rows);
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = "
	    "'awaiting_remittance' WHERE id = %lld", (long long)id);
	shop_sql(sql);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	assert_int_equal(o.status, OS_AWAITING_REMITTANCE);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orders_list_newest_first),
		cmocka_unit_test(test_orders_other_shopper_404),
		cmocka_unit_test(test_orders_unknown_status_refused),
		cmocka_unit_test(test_REM_P8_cancel_remittance),
		cmocka_unit_test(test_COD_cancel_nothing_to_refund),
		cmocka_unit_test(test_PAU_03_confirm_receipt),
		cmocka_unit_test(test_messages_unread_count),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
