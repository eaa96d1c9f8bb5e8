/*
 * My Orders and receipts over HTTP: the list shows each order's products
 * with a thumbnail, is searched by order number or product name and
 * filtered by status and payment method with a plain GET form; every
 * amount paid has a receipt (print view and PDF) whose figures are the
 * ledger's, readable by the buyer and admins only. Run by
 * tests/integration/suite.sh.
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

#include "core/clock.h"
#include "db/db.h"
#include "db/ledger.h"
#include "db/order.h"
#include "db/stmt.h"
#include "shop.h"

#define ADMIN		"admin@demo.test"
#define EV_PATH		"/partner/logistics/events"
#define VACUUM		"HOME-VACUUM-R5"	/* USD 459.00, fee 18.36 */
#define WASHER		"HOME-WASHER-8"		/* USD 729.00 */

/* A fresh shopper signed in; its email into email (128 bytes). */
static struct client *
new_shopper(char *email, const char *tag)
{
	shop_register(email, 128, tag, "Mo Orders", DEMO_PASSWORD);
	return shop_signin(email);
}

/* The name of the first line of order id into out (201 bytes). */
static void
product_of(int64_t id, char *out)
{
	struct db_order_item	*it;
	size_t			 n;

	assert_int_equal(db_order_items(shop_db(), id, &it, &n), 0);
	assert_true(n > 0);
	snprintf(out, 201, "%s", it[0].name);
	free(it);
}

/* GET /orders?query as cl: 1 if the list has order id, else 0 (the page
 * must answer 200). */
static int
lists(struct client *cl, const char *query, int64_t id)
{
	struct client_resp	r;
	char			path[400], row[64];
	int			has;

	snprintf(path, sizeof(path), "/orders%s", query);
	snprintf(row, sizeof(row), "data-order-id=\"%lld\"", (long long)id);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	has = client_has(&r, row);
	client_resp_cleanup(&r);
	return has;
}

/* My Orders: product names and thumbnails, search by product name and by
 * order number, filters by status and by method (GET, no script), an
 * unknown status explained beside its field, "no order matches". */
static void
test_my_orders_search_and_filters(void **state)
{
	struct client		*cl;
	struct client_resp	 r;
	char			 email[128], name[201], q[300], word[64];
	int64_t			 a, b;
	size_t			 i;

	(void)state;
	cl = new_shopper(email, "mo");
	a = shop_place_one(cl, email, VACUUM, "cod", NULL, "COD", NULL, 0);
	b = shop_place_one(cl, email, WASHER, "remittance", "remittance",
	    "a remittance order", NULL, 0);
	product_of(b, name);
	shop_get(cl, "/orders", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "<form method=\"get\" action=\"/orders\""));
	assert_true(client_has(&r, name));
	assert_true(client_has(&r, "/static/thumbs/home-appliances.svg"));
	assert_true(client_has(&r, "Awaiting review"));
	client_resp_cleanup(&r);
	/* A word of the washer's name finds it, not the vacuum. */
	for (i = 0; name[i] != '\0' && name[i] != ' ' && i + 1 < sizeof(word);
	    i++)
		word[i] = name[i];
	word[i] = '\0';
	snprintf(q, sizeof(q), "?q=%s", word);
	assert_true(lists(cl, q, b));
	product_of(a, name);
	if (strstr(name, word) == NULL)
		assert_false(lists(cl, q, a));
	/* The order number, with or without '#'. */
	snprintf(q, sizeof(q), "?q=%%23%lld", (long long)a);
	assert_true(lists(cl, q, a));
	assert_false(lists(cl, q, b));
	snprintf(q, sizeof(q), "?q=%lld", (long long)b);
	assert_true(lists(cl, q, b));
	assert_false(lists(cl, q, a));
	/* Filters by method and by status, alone and together. */
	assert_true(lists(cl, "?method=cod", a));
	assert_false(lists(cl, "?method=cod", b));
	assert_true(lists(cl, "?status=awaiting_remittance", b));
	assert_false(lists(cl, "?status=awaiting_remittance", a));
	assert_false(lists(cl, "?status=awaiting_remittance&method=cod", b));
	/* The chosen filter stays selected. */
	shop_get(cl, "/orders?method=remittance", &r);
	assert_true(client_has(&r, "<option value=\"remittance\" selected>"));
	client_resp_cleanup(&r);
	/* Nothing found; an unknown status explained beside the field. */
	shop_get(cl, "/orders?q=no-such-product-anywhere", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"orders-none-found\""));
	client_resp_cleanup(&r);
	shop_get(cl, "/orders?status=bogus", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Choose a status from the list."));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* Send a logistics event of partner 1; the answer must be 200. */
static void
event(const char *type, int64_t id, const char *extra)
{
	static int	 seq;
	char		 json[512], *body = NULL;
	long		 st;

	snprintf(json, sizeof(json), "{\"event_id\":\"mo%d-%d-%lld\","
	    "\"type\":\"%s\",\"order_id\":%lld%s}", (int)getpid(), ++seq,
	    (long long)clock_now(), type, (long long)id, extra);
	st = shop_partner_post(1, EV_PATH, json, 0, SHOP_SIGNED, &body);
	if (st != 200)
		fail_msg("%s on #%lld: %ld %s", type, (long long)id, st, body);
	free(body);
}

/* What the ledger's entry key took off the buyer's receivable, into
 * *paid (also returned). */
static int64_t
ledger_paid(const char *key, int64_t *paid)
{
	struct db_ledger_line	*l;
	size_t			 n, i;

	assert_int_equal(db_ledger_entry(shop_db(), key, &l, &n), 0);
	assert_true(n >= 2);
	*paid = 0;
	for (i = 0; i < n; i++)
		if (strstr(l[i].account, ":receivable") != NULL &&
		    l[i].amount < 0)
			*paid -= l[i].amount;
	free(l);
	return *paid;
}

/* A completed COD order has one receipt: its amount is what the ledger's
 * collection entry took off the buyer's receivable, on the list, the
 * print view (print stylesheet) and the PDF; another buyer gets 404 on
 * all three, an admin reads it. */
static void
test_receipt_figures_equal_ledger(void **state)
{
	struct client		*cl, *other, *adm = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 email[128], email2[128], key[64], path[96];
	char			 list[64], pdf[100], want[64], extra[128];
	char			*rid_s;
	int64_t			 id, paid, rid;
	int			 i;

	(void)state;
	cl = new_shopper(email, "rc");
	other = new_shopper(email2, "rc2");
	id = shop_place_one(cl, email, VACUUM, "cod", NULL, "COD", NULL, 0);
	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-approve",
	    (long long)id);
	shop_post(adm, "/admin/queues/cod", path, &r, "from",
	    "awaiting_review", (char *)NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	event("shipped", id, ",\"carrier\":\"Demo Express\",\"tracking\":"
	    "\"DXR1\"");
	snprintf(extra, sizeof(extra), ",\"amount\":\"477.36\",\"method\":"
	    "\"cash\",\"record_id\":\"PR-RC%lld\"", (long long)id);
	event("paid", id, extra);
	snprintf(key, sizeof(key), "cod-%lld", (long long)id);
	ledger_paid(key, &paid);
	assert_int_equal(paid, 47736);
	/* The list: one receipt of that amount. */
	snprintf(list, sizeof(list), "/orders/%lld/receipts", (long long)id);
	shop_get(cl, list, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "receipt-amount\">USD 477.36<"));
	assert_true(client_has(&r, "Cash on delivery, paid to the courier"));
	rid_s = client_between(r.body, "id=\"receipt-", "\"");
	assert_non_null(rid_s);
	rid = strtoll(rid_s, NULL, 10);
	free(rid_s);
	client_resp_cleanup(&r);
	/* The print view and the PDF. */
	snprintf(path, sizeof(path), "%s/%lld", list, (long long)rid);
	snprintf(pdf, sizeof(pdf), "%s/pdf", path);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"receipt-amount\">USD 477.36<"));
	snprintf(want, sizeof(want), "PR-RC%lld", (long long)id);
	assert_true(client_has(&r, want));
	assert_true(client_has(&r, "/static/receipt.css"));
	client_resp_cleanup(&r);
	shop_get(cl, pdf, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(r.body);
	assert_int_equal(strncmp(r.body, "%PDF-", 5), 0);
	client_resp_cleanup(&r);
	/* Another buyer: 404 everywhere; an admin reads it. */
	for (i = 0; i < 3; i++) {
		shop_get(other, i == 0 ? list : i == 1 ? path : pdf, &r);
		assert_int_equal(r.status, 404);
		client_resp_cleanup(&r);
	}
	shop_get(adm, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "USD 477.36"));
	client_resp_cleanup(&r);
	/* No such receipt on this order: 404. */
	snprintf(path, sizeof(path), "%s/%lld", list, (long long)rid + 100000);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	client_free(other);
	client_free(cl);
	client_free(adm);
}

/* MariaDB's global Questions counter (this read included). */
static int64_t
questions(void)
{
	struct dbq	*q = dbq_get(shop_db(), DB_T_TEST, 0,
			    "SHOW GLOBAL STATUS LIKE 'Questions'");
	int64_t		 n = -1;

	assert_non_null(q);
	assert_int_equal(dbq_exec(q), 0);
	if (dbq_fetch(q) == 1)
		n = dbq_col_int(q, 1);
	dbq_done(q);
	assert_true(n > 0);
	return n;
}

/* My Orders stays at 2 statements a view (the session and the list, with
 * the products, the thumbnail's category and the search in the same
 * statement), searched and filtered or not: the Questions counter around
 * 20 views (the stack runs no scheduler). */
static void
test_my_orders_two_statements_per_view(void **state)
{
	static const char *const views[] = { "/orders",
	    "/orders?q=Robot&status=awaiting_review&method=cod" };
	struct client		*cl;
	struct client_resp	 r;
	char			 email[128];
	int64_t			 before, after;
	size_t			 v;
	int			 i;

	(void)state;
	cl = new_shopper(email, "mos");
	shop_place_one(cl, email, VACUUM, "cod", NULL, "COD", NULL, 0);
	for (v = 0; v < sizeof(views) / sizeof(views[0]); v++) {
		/* Every worker's connection prepares its statements once. */
		for (i = 0; i < 12; i++) {
			shop_get(cl, views[v], &r);
			client_resp_cleanup(&r);
		}
		questions();
		before = questions();
		for (i = 0; i < 20; i++) {
			shop_get(cl, views[v], &r);
			assert_int_equal(r.status, 200);
			client_resp_cleanup(&r);
		}
		after = questions();
		print_message("%s: %lld statements in 20 views\n", views[v],
		    (long long)(after - before - 1));
		assert_true(after - before - 1 <= 40);
	}
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_my_orders_search_and_filters),
		cmocka_unit_test(test_receipt_figures_equal_ledger),
		cmocka_unit_test(test_my_orders_two_statements_per_view),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
