/*
 * Checkout walked by the demo shoppers against the private stack: the
 * methods shown with their reasons and figures (C-06), the amount to pay
 * (C-03), the plan disclosure before commitment, tampered and repeated
 * submits. Run by tests/integration/suite.sh.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db/checkout.h"
#include "db/order.h"
#include "shop.h"

#define NEW		"shopper.new@demo.test"
#define VETERAN		"shopper.veteran@demo.test"
#define UNVERIFIED	"shopper.unverified@demo.test"

/* Fill email's cart with one product and return a signed-in client. */
static struct client *
with_cart(const char *email, const char *sku, int qty)
{
	const char	*skus[] = { sku, NULL };
	int		 qtys[] = { qty };
	struct client	*cl = shop_signin(email);

	shop_fill_cart(cl, email, skus, qtys);
	return cl;
}

/* Assert that block id of html exists and contains every needle. */
static void
block_has(const char *html, const char *id, const char *n1, const char *n2)
{
	char *b = shop_method_block(html, id);

	if (b == NULL)
		fail_msg("no block %s", id);
	if (n1 != NULL && strstr(b, n1) == NULL)
		fail_msg("block %s lacks \"%s\": %s", id, n1, b);
	if (n2 != NULL && strstr(b, n2) == NULL)
		fail_msg("block %s lacks \"%s\": %s", id, n2, b);
	free(b);
}

/* Assert that block id of html does not contain needle. */
static void
block_lacks(const char *html, const char *id, const char *needle)
{
	char *b = shop_method_block(html, id);

	if (b == NULL)
		fail_msg("no block %s", id);
	if (strstr(b, needle) != NULL)
		fail_msg("block %s has \"%s\": %s", id, needle, b);
	free(b);
}

/* C-06: every method is listed; eligible ones have a radio, unavailable
 * ones are greyed with their reasons. */
static void
test_C_06_every_method_listed(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-WASHER-8", 1);
	struct client_resp	 r;

	(void)state;
	shop_get(cl, "/checkout?country=MY", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"method-installment_card-harbor-bank\""));
	assert_true(client_has(&r, "id=\"method-installment_card-summit-bank\""));
	assert_true(client_has(&r, "id=\"method-installment_partner-lotus-finance\""));
	assert_true(client_has(&r, "id=\"method-installment_corporate-mallpay-corporate\""));
	assert_true(client_has(&r, "id=\"method-credit_line-mallpay-credit\""));
	assert_true(client_has(&r, "id=\"method-cod\""));
	assert_true(client_has(&r, "id=\"method-remittance\""));
	assert_true(client_has(&r, "id=\"method-pay_after_use\""));
	/* Eligible: selectable; refused: greyed with the rule. */
	block_has(r.body, "method-remittance", "name=\"pay\" value=\"remittance\"",
	    NULL);
	block_has(r.body, "method-installment_corporate-mallpay-corporate",
	    "Not available for this order", "INST-CORP");
	block_lacks(r.body, "method-installment_corporate-mallpay-corporate",
	    "name=\"pay\"");
	block_has(r.body, "method-pay_after_use", "PAU-02", NULL);
	/* Amount to pay and the COD Supported label of the region. */
	assert_true(client_has(&r, "USD 729.00"));
	assert_true(client_has(&r, "COD Supported"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* INST-05: below USD 500 the installments are refused with the figures,
 * except the low-threshold bank (from USD 300). */
static void
test_INST_05_below_500(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-VACUUM-R5", 1);
	struct client_resp	 r;

	(void)state;
	shop_get(cl, "/checkout?country=MY", &r);
	assert_int_equal(r.status, 200);
	block_has(r.body, "method-installment_card-summit-bank",
	    "INST-05: the amount to pay, USD 459.00, is below the installment "
	    "minimum of USD 500.00", NULL);
	block_has(r.body, "method-installment_partner-lotus-finance",
	    "INST-05", "USD 459.00");
	/* Harbor Bank is "low threshold": its plans are offered. */
	block_has(r.body, "method-installment_card-harbor-bank",
	    "installment_card:harbor-bank:12", "APR");
	block_lacks(r.body, "method-installment_card-harbor-bank", "INST-05");
	client_resp_cleanup(&r);
	client_free(cl);
}

/* C-03: a coupon lowers the amount to pay, and eligibility follows the
 * amount after the coupon (WASHER 729.00 - 10% = 656.10; SAVE50 on the
 * vacuum 459.00 -> 409.00). */
static void
test_C_03_coupon_changes_amount(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-WASHER-8", 1);
	struct client_resp	 r;

	(void)state;
	shop_get(cl, "/checkout?country=MY&coupon=WELCOME10", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "USD 72.90"));
	assert_true(client_has(&r, "USD 656.10"));
	client_resp_cleanup(&r);
	shop_get(cl, "/checkout?country=MY&coupon=NOSUCHCODE", &r);
	assert_true(client_has(&r, "There is no coupon NOSUCHCODE"));
	client_resp_cleanup(&r);
	shop_get(cl, "/checkout?country=MY&coupon=SPRING5", &r);
	assert_true(client_has(&r, "no longer valid"));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* INST-06: a consumable in the cart refuses every installment. */
static void
test_INST_06_consumable(void **state)
{
	const char		*skus[] = { "HOME-WASHER-8", "CONS-DIAPERS",
				    NULL };
	int			 qtys[] = { 1, 1 };
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;

	(void)state;
	shop_fill_cart(cl, NEW, skus, qtys);
	shop_get(cl, "/checkout?country=MY", &r);
	assert_int_equal(r.status, 200);
	/* The consumable's category by its name, not its code. */
	block_has(r.body, "method-installment_card-harbor-bank", "INST-06",
	    "(Consumables)");
	block_has(r.body, "method-installment_partner-lotus-finance",
	    "INST-06", NULL);
	block_has(r.body, "method-credit_line-mallpay-credit", "INST-06", NULL);
	/* Remittance is not concerned by INST-06. */
	block_lacks(r.body, "method-remittance", "INST-06");
	client_resp_cleanup(&r);
	client_free(cl);
}

/* COD-05: a remote destination (12 days) refuses COD, with the days. */
static void
test_COD_05_remote_destination(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-VACUUM-R5", 1);
	struct client_resp	 r;

	(void)state;
	shop_get(cl, "/checkout?country=PN", &r);
	assert_int_equal(r.status, 200);
	block_has(r.body, "method-cod", "COD-05", "12");
	block_lacks(r.body, "method-cod", "name=\"pay\"");
	assert_true(client_has(&r, "Remote area"));
	client_resp_cleanup(&r);
	/* The same cart to Malaysia: COD offered with its fee line. */
	shop_get(cl, "/checkout?country=MY", &r);
	block_has(r.body, "method-cod", "name=\"pay\" value=\"cod\"",
	    "COD service fee (COD-F1): USD 18.36");
	client_resp_cleanup(&r);
	client_free(cl);
}

/* COD-07: USD 729.00 is over the new shopper's USD 500.00 limit; the
 * veteran (more than 5 completed COD orders) may use COD. */
static void
test_COD_07_new_vs_veteran(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-WASHER-8", 1);
	struct client		*vet = with_cart(VETERAN, "HOME-WASHER-8", 1);
	struct client_resp	 r;

	(void)state;
	shop_get(cl, "/checkout?country=MY", &r);
	block_has(r.body, "method-cod", "COD-07", "USD 500.00");
	block_has(r.body, "method-cod", "USD 729.00", NULL);
	block_lacks(r.body, "method-cod", "name=\"pay\"");
	client_resp_cleanup(&r);
	shop_get(vet, "/checkout?country=MY", &r);
	block_lacks(r.body, "method-cod", "COD-07");
	block_has(r.body, "method-cod", "name=\"pay\" value=\"cod\"", NULL);
	client_resp_cleanup(&r);
	client_free(cl);
	client_free(vet);
}

/* INST-01: a shopper without real-name authentication. */
static void
test_INST_01_not_real_name(void **state)
{
	struct client		*cl = with_cart(UNVERIFIED, "HOME-WASHER-8", 1);
	struct client_resp	 r;

	(void)state;
	shop_get(cl, "/checkout?country=MY", &r);
	block_has(r.body, "method-installment_card-harbor-bank", "INST-01",
	    NULL);
	block_has(r.body, "method-installment_partner-lotus-finance",
	    "INST-01", NULL);
	client_resp_cleanup(&r);
	client_free(cl);
}

/* INST-08: a high-risk destination refuses installments and the page
 * says so. */
static void
test_INST_08_high_risk_country(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-WASHER-8", 1);
	struct client_resp	 r;

	(void)state;
	shop_get(cl, "/checkout?country=KP", &r);
	block_has(r.body, "method-installment_card-harbor-bank", "INST-08",
	    NULL);
	assert_true(client_has(&r, "High-risk country"));
	client_resp_cleanup(&r);
	shop_get(cl, "/checkout?country=MY", &r);
	block_lacks(r.body, "method-installment_card-harbor-bank", "INST-08");
	client_resp_cleanup(&r);
	client_free(cl);
}

/* C-06 at submit: a method the rules refuse, posted anyway, gets the page
 * back with the reasons and no order. */
static void
test_C_06_tampered_submit_refused(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-VACUUM-R5", 1);
	struct client_resp	 r;
	int64_t			 uid = shop_user_id(NEW);
	size_t			 before = shop_order_count(uid);

	(void)state;
	/* INST-05 refuses Lotus below USD 500. */
	shop_place(cl, NULL, "MY", "installment_partner:lotus-finance:6",
	    "installment_partner:lotus-finance:6", NULL, NULL, &r);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "not available for this order"));
	assert_true(client_has(&r, "INST-05: the amount to pay, USD 459.00"));
	client_resp_cleanup(&r);
	/* COD-05 refuses COD to a remote area. */
	shop_place(cl, NULL, "PN", "cod", NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "COD-05"));
	client_resp_cleanup(&r);
	/* An unknown method or a term the bank does not offer. */
	shop_place(cl, NULL, "MY", "wire", NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	shop_place(cl, NULL, "MY", "installment_card:harbor-bank:7",
	    "installment_card:harbor-bank:7", NULL, NULL, &r);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	/* No destination. */
	shop_place(cl, NULL, "", "remittance", NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	assert_int_equal(shop_order_count(uid), before);
	client_free(cl);
}

/* A double click or a replayed POST (same key) creates one order. */
static void
test_double_submit_one_order(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-VACUUM-R5", 1);
	struct client_resp	 r;
	int64_t			 uid = shop_user_id(NEW), id1, id2;
	size_t			 before = shop_order_count(uid);
	char			 key[65];

	(void)state;
	shop_place(cl, NULL, "MY", "remittance", NULL, NULL, key, &r);
	assert_int_equal(r.status, 303);
	id1 = shop_location_order(&r);
	assert_true(id1 > 0);
	client_resp_cleanup(&r);
	/* The cart is empty now, the same key still answers the order. */
	shop_fill_cart(cl, NEW, (const char *const[]){ "HOME-VACUUM-R5",
	    NULL }, (const int[]){ 1 });
	shop_place(cl, NULL, "MY", "remittance", NULL, key, NULL, &r);
	assert_int_equal(r.status, 303);
	id2 = shop_location_order(&r);
	client_resp_cleanup(&r);
	assert_int_equal(id1, id2);
	assert_int_equal(shop_order_count(uid), before + 1);
	client_free(cl);
}

/* One tab's place of a race: its signed-in client, its form, the answer. */
struct tab {
	pthread_barrier_t	*go;
	struct client		*cl;
	char			*body;
	long			 status;
	int64_t			 order;		/* the order it was sent to */
	int			 to_cart;	/* sent back to the cart */
};

/* Thread: wait for the other tabs, place, keep where it was sent. */
static void *
tab_place(void *arg)
{
	struct tab		*t = arg;
	struct client_resp	 r;

	pthread_barrier_wait(t->go);
	memset(&r, 0, sizeof(r));
	if (client_post(t->cl, "/checkout/place", t->body, &r) == 0) {
		t->status = r.status;
		t->order = shop_location_order(&r);
		t->to_cart = r.location != NULL &&
		    strstr(r.location, "/cart") != NULL;
	}
	client_resp_cleanup(&r);
	return NULL;
}

/* TABS tabs of one shopper, the cart filled, each with its own checkout
 * form and key, place at the same instant; returns how many made an
 * order (the others must have been sent back to the cart). */
#define TABS	6
static int
race_tabs(void)
{
	struct tab		 t[TABS];
	pthread_t		 th[TABS];
	pthread_barrier_t	 go;
	struct client_resp	 page;
	char			*tok, *key;
	size_t			 i;
	int			 placed = 0;

	memset(t, 0, sizeof(t));
	assert_int_equal(pthread_barrier_init(&go, NULL, TABS), 0);
	for (i = 0; i < TABS; i++) {
		t[i].go = &go;
		t[i].cl = i == 0 ? with_cart(NEW, "HOME-VACUUM-R5", 1) :
		    shop_signin(NEW);
		shop_get(t[i].cl, "/checkout?country=MY", &page);
		assert_int_equal(page.status, 200);
		tok = client_csrf(page.body);
		key = client_between(page.body, "name=\"key\" value=\"",
		    "\"");
		assert_non_null(tok);
		assert_non_null(key);
		t[i].body = client_form("csrf", tok, "key", key, "country",
		    "MY", "pay", "remittance", NULL);
		free(tok);
		free(key);
		client_resp_cleanup(&page);
	}
	for (i = 0; i < TABS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, tab_place,
		    &t[i]), 0);
	for (i = 0; i < TABS; i++)
		pthread_join(th[i], NULL);
	pthread_barrier_destroy(&go);
	for (i = 0; i < TABS; i++) {
		if (t[i].status != 303 || (t[i].order == 0 && !t[i].to_cart))
			fail_msg("tab %zu: status %ld", i, t[i].status);
		placed += t[i].order > 0;
		free(t[i].body);
		client_free(t[i].cl);
	}
	return placed;
}

/* Tabs of one shopper placing the same cart at the same instant, each
 * with its own key: the cart is placed once. The tabs that waited for the
 * first find it empty and go back to the cart; none makes a second order
 * of the goods the first one took (three rounds). */
static void
test_concurrent_places_one_cart_one_order(void **state)
{
	int64_t	uid = shop_user_id(NEW);
	size_t	before = shop_order_count(uid);
	int	round;

	(void)state;
	for (round = 0; round < 3; round++)
		assert_int_equal(race_tabs(), 1);
	assert_int_equal(shop_order_count(uid), before + 3);
}

/* The key of a placed order sent again with another payment method is
 * not a double click: refused with 409 saying so, no second order. */
static void
test_same_key_other_choices_409(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-VACUUM-R5", 1);
	struct client_resp	 r;
	int64_t			 uid = shop_user_id(NEW);
	size_t			 before = shop_order_count(uid);
	char			 key[65];

	(void)state;
	shop_place(cl, NULL, "MY", "remittance", NULL, NULL, key, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	shop_fill_cart(cl, NEW, (const char *const[]){ "HOME-VACUUM-R5",
	    NULL }, (const int[]){ 1 });
	shop_place(cl, NULL, "MY", "cod", NULL, key, NULL, &r);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "already sent with other choices"));
	client_resp_cleanup(&r);
	assert_int_equal(shop_order_count(uid), before + 1);
	client_free(cl);
}

/* An order placed before keys kept their parameters (no hash on the
 * order): its key sent again answers the order, whatever the choices. */
static void
test_key_without_parameters_replays(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-VACUUM-R5", 1);
	struct client_resp	 r;
	int64_t			 uid = shop_user_id(NEW), id;
	size_t			 before = shop_order_count(uid);
	char			 key[65], sql[160];

	(void)state;
	shop_place(cl, NULL, "MY", "remittance", NULL, NULL, key, &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	assert_true(id > 0);
	client_resp_cleanup(&r);
	snprintf(sql, sizeof(sql), "UPDATE orders SET params_hash = NULL "
	    "WHERE id = %lld", (long long)id);
	shop_sql(sql);
	shop_fill_cart(cl, NEW, (const char *const[]){ "HOME-VACUUM-R5",
	    NULL }, (const int[]){ 1 });
	shop_place(cl, NULL, "MY", "cod", NULL, key, NULL, &r);
	assert_int_equal(r.status, 303);
	assert_int_equal(shop_location_order(&r), id);
	client_resp_cleanup(&r);
	assert_int_equal(shop_order_count(uid), before + 1);
	client_free(cl);
}

/* REM-P1 and C-04: a remittance order gets its code and its 30-day
 * window; the cart is emptied; a message arrives. */
static void
test_REM_P1_remittance_order(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-VACUUM-R5", 1);
	struct client_resp	 r;
	struct db_order		 o;
	char			 path[64];
	int64_t			 id;

	(void)state;
	shop_place(cl, NULL, "MY", "remittance", NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	assert_int_equal(db_order_get(shop_db(), shop_user_id(NEW), id, &o),
	    1);
	assert_int_equal(o.status, OS_AWAITING_REMITTANCE);
	assert_int_equal(o.method, PM_REMITTANCE);
	assert_int_equal(strncmp(o.rf_code, "RF", 2), 0);
	assert_int_equal(strlen(o.payment_due), 10);
	assert_int_equal(o.amount_due_minor, 45900);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"rf-code\""));
	assert_true(client_has(&r, "Upload Remittance Voucher"));
	assert_true(client_has(&r, "Awaiting remittance"));
	client_resp_cleanup(&r);
	shop_get(cl, "/cart", &r);
	assert_true(client_has(&r, "Your cart is empty"));
	client_resp_cleanup(&r);
	shop_get(cl, "/messages", &r);
	snprintf(path, sizeof(path), "Order #%lld placed", (long long)id);
	assert_true(client_has(&r, path));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* The plan's full disclosure comes before any commitment; confirming it
 * places an installment application (awaiting_review, review due). */
static void
test_INST_P1_disclosure_before_commit(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-WASHER-8", 1);
	struct client_resp	 r;
	struct db_order		 o;
	int64_t			 uid = shop_user_id(NEW), id;
	size_t			 before = shop_order_count(uid);
	const char		*plan = "installment_partner:lotus-finance:12";

	(void)state;
	shop_place(cl, NULL, "MY", plan, NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"disclosure\""));
	assert_true(client_has(&r, "Annual percentage rate"));
	/* 1.00 % a month over 12 months, the first installment paid on
	 * confirmation (INST-P1) and so a payment at time 0 (Regulation Z
	 * Appendix J): 25.57 %, not 12 % (nor the 21.46 % of a plan whose
	 * first installment falls a month later). The confirm page shows the
	 * same figure. */
	assert_true(client_has(&r, "25.57%"));
	assert_true(client_has(&r, "INST-F1"));
	assert_true(client_has(&r, "INST-F3"));
	client_resp_cleanup(&r);
	assert_int_equal(shop_order_count(uid), before);
	shop_place(cl, NULL, "MY", plan, plan, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	assert_int_equal(db_order_get(shop_db(), uid, id, &o), 1);
	assert_int_equal(o.status, OS_AWAITING_REVIEW);
	assert_string_equal(o.institution_id, "lotus-finance");
	assert_int_equal(o.term, 12);
	assert_int_equal(strlen(o.review_due), 10);
	client_free(cl);
}

/* INST-CL: the credit line order ships at once and reserves the credit. */
static void
test_INST_CL_reserves_credit(void **state)
{
	struct client		*cl = with_cart(NEW, "HOME-WASHER-8", 1);
	struct client_resp	 r;
	struct db_buyer		 b0, b1;
	struct db_order		 o;
	int64_t			 uid = shop_user_id(NEW), id;
	const char		*plan = "credit_line:mallpay-credit:6";

	(void)state;
	assert_int_equal(db_checkout_buyer(shop_db(), uid, &b0), 1);
	shop_place(cl, NULL, "MY", plan, plan, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	assert_int_equal(db_order_get(shop_db(), uid, id, &o), 1);
	assert_int_equal(o.status, OS_PENDING_SHIPMENT);
	assert_int_equal(db_checkout_buyer(shop_db(), uid, &b1), 1);
	assert_int_equal(b1.credit_used_usd_minor,
	    b0.credit_used_usd_minor + 72900);
	client_free(cl);
}

/* C-02: a cart in one currency settles in it, with the USD equivalent;
 * a mixed cart settles in USD at today's rates, and the frozen lines add
 * up to the order's items total. EUR is 1.16 USD from 2026-10-01. */
static void
test_C_02_settlement(void **state)
{
	const char		*mixed[] = { "DIG-SPEAKER", "HOME-VACUUM-R5",
				    NULL };
	int			 q1[] = { 1, 1 };
	struct client		*cl = with_cart(NEW, "DIG-SPEAKER", 3);
	struct client_resp	 r;
	struct db_order		 o;
	struct db_order_item	*it;
	size_t			 n, i;
	int64_t			 id, sum = 0, uid = shop_user_id(NEW);

	(void)state;
	shop_get(cl, "/checkout?country=MY", &r);
	assert_true(client_has(&r, "EUR 687.00"));
	assert_true(client_has(&r, "(about USD 796.92)"));
	assert_true(client_has(&r, "The order settles in EUR"));
	client_resp_cleanup(&r);
	shop_fill_cart(cl, NEW, mixed, q1);
	shop_get(cl, "/checkout?country=MY", &r);
	assert_true(client_has(&r, "USD 265.64"));
	assert_true(client_has(&r, "USD 724.64"));
	assert_true(client_has(&r, "mixes currencies"));
	client_resp_cleanup(&r);
	shop_place(cl, NULL, "MY", "remittance", NULL, NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	assert_int_equal(db_order_get(shop_db(), uid, id, &o), 1);
	assert_string_equal(o.currency, "USD");
	assert_int_equal(o.items_total_minor, 72464);
	assert_int_equal(db_order_items(shop_db(), id, &it, &n), 0);
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		assert_string_equal(it[i].unit_price.cur, "USD");
		sum += it[i].unit_price.minor * it[i].qty;
	}
	free(it);
	assert_int_equal(sum, o.items_total_minor);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C_06_every_method_listed),
		cmocka_unit_test(test_INST_05_below_500),
		cmocka_unit_test(test_C_03_coupon_changes_amount),
		cmocka_unit_test(test_INST_06_consumable),
		cmocka_unit_test(test_COD_05_remote_destination),
		cmocka_unit_test(test_COD_07_new_vs_veteran),
		cmocka_unit_test(test_INST_01_not_real_name),
		cmocka_unit_test(test_INST_08_high_risk_country),
		cmocka_unit_test(test_C_06_tampered_submit_refused),
		cmocka_unit_test(test_double_submit_one_order),
		cmocka_unit_test(test_same_key_other_choices_409),
		cmocka_unit_test(test_concurrent_places_one_cart_one_order),
		cmocka_unit_test(test_key_without_parameters_replays),
		cmocka_unit_test(test_REM_P1_remittance_order),
		cmocka_unit_test(test_INST_P1_disclosure_before_commit),
		cmocka_unit_test(test_INST_CL_reserves_credit),
		cmocka_unit_test(test_C_02_settlement),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
