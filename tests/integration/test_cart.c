/*
 * Integration tests of the cart against a running stack (suite.sh sets
 * MALLPAY_TEST_URL): add, change quantity, remove, refused quantities, and
 * isolation between two shoppers. Each test registers fresh shoppers so that
 * the demo accounts' carts do not matter.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "client.h"

#define TEST_PASSWORD	"correct horse battery"

/* A new client signed in as a freshly registered shopper. */
static struct client *
new_shopper(const char *tag)
{
	struct client	*cl = client_new();
	char		 email[128];

	client_unique_email(email, sizeof(email), tag);
	assert_int_equal(client_register(cl, email, "Cart Tester",
	    TEST_PASSWORD), 303);
	return cl;
}

/* Two product ids from the catalog. */
static void
two_products(struct client *cl, char a[32], char b[32])
{
	struct client_resp	r;
	long long		ids[2];

	assert_int_equal(client_get(cl, "/catalog", &r), 0);
	assert_int_equal(r.status, 200);
	assert_int_equal(client_ids(r.body, "data-product-id=\"", ids, 2), 2);
	client_resp_cleanup(&r);
	snprintf(a, 32, "%lld", ids[0]);
	snprintf(b, 32, "%lld", ids[1]);
}

/* POST action (/cart/add, /cart/update, /cart/remove) with a fresh csrf from
 * /cart; qty NULL to leave it out. Fills r. */
static void
cart_post(struct client *cl, const char *action, const char *product,
    const char *qty, struct client_resp *r)
{
	char *tok, *form;

	tok = client_csrf_of(cl, "/cart");
	assert_non_null(tok);
	if (qty != NULL)
		form = client_form("csrf", tok, "product_id", product, "qty",
		    qty, NULL);
	else
		form = client_form("csrf", tok, "product_id", product, NULL);
	assert_int_equal(client_post(cl, action, form, r), 0);
	free(form);
	free(tok);
}

/* The quantity of product in cl's cart page, 0 when it is not there. */
static long
cart_qty(struct client *cl, const char *product)
{
	struct client_resp	 r;
	char			 marker[96], *q;
	long			 n = 0;

	assert_int_equal(client_get(cl, "/cart", &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(marker, sizeof(marker), "data-product-id=\"%s\" data-qty=\"",
	    product);
	if ((q = client_between(r.body, marker, "\"")) != NULL) {
		n = strtol(q, NULL, 10);
		free(q);
	}
	client_resp_cleanup(&r);
	return n;
}

/* 1 if a 303 went back to /cart. */
static int
back_to_cart(const struct client_resp *r)
{
	return r->status == 303 && r->location != NULL &&
	    strstr(r->location, "/cart") != NULL;
}

static void
test_cart_add_change_remove(void **state)
{
	struct client		*cl = new_shopper("cart");
	struct client_resp	 r, page;
	char			 p1[32], p2[32];
	const char		*where;

	(void)state;
	two_products(cl, p1, p2);
	assert_int_equal(cart_qty(cl, p1), 0);

	cart_post(cl, "/cart/add", p1, "2", &r);
	assert_true(back_to_cart(&r));
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(cl, p1), 2);

	/* Adding the same product again adds to its quantity. */
	cart_post(cl, "/cart/add", p1, "1", &r);
	assert_true(back_to_cart(&r));
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(cl, p1), 3);

	cart_post(cl, "/cart/add", p2, "1", &r);
	assert_true(back_to_cart(&r));
	/* Follow the redirect: the page confirms what happened. */
	where = strstr(r.location, "://");
	where = where != NULL ? strchr(where + 3, '/') : r.location;
	assert_non_null(where);
	assert_int_equal(client_get(cl, where, &page), 0);
	assert_int_equal(page.status, 200);
	assert_true(client_has(&page, "class=\"cart-total\""));
	assert_true(client_has(&page, "Added to your cart"));
	client_resp_cleanup(&page);
	client_resp_cleanup(&r);

	cart_post(cl, "/cart/update", p1, "5", &r);
	assert_true(back_to_cart(&r));
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(cl, p1), 5);
	assert_int_equal(cart_qty(cl, p2), 1);

	cart_post(cl, "/cart/remove", p1, NULL, &r);
	assert_true(back_to_cart(&r));
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(cl, p1), 0);
	assert_int_equal(cart_qty(cl, p2), 1);

	cart_post(cl, "/cart/remove", p2, NULL, &r);
	client_resp_cleanup(&r);
	assert_int_equal(client_get(cl, "/cart", &r), 0);
	assert_true(client_has(&r, "Your cart is empty"));
	client_resp_cleanup(&r);
	client_free(cl);
}

static void
test_cart_invalid_quantity_message(void **state)
{
	struct client		*cl = new_shopper("qty");
	struct client_resp	 r;
	char			 p1[32], p2[32];
	static const char	*bad[] = { "0", "100", "-1", "abc", "", "1.5" };
	size_t			 i;

	(void)state;
	two_products(cl, p1, p2);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cart_post(cl, "/cart/add", p1, bad[i], &r);
		assert_int_equal(r.status, 400);
		assert_true(client_has(&r, "between 1 and 99"));
		client_resp_cleanup(&r);
	}
	assert_int_equal(cart_qty(cl, p1), 0);

	cart_post(cl, "/cart/add", p1, "3", &r);
	client_resp_cleanup(&r);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cart_post(cl, "/cart/update", p1, bad[i], &r);
		assert_int_equal(r.status, 400);
		/* The message sits next to that item's quantity field. */
		assert_true(client_has(&r, "class=\"field-error\" id=\"qty-err-"));
		assert_true(client_has(&r, "between 1 and 99"));
		client_resp_cleanup(&r);
	}
	/* Never a half-written change. */
	assert_int_equal(cart_qty(cl, p1), 3);

	/* The total can never exceed 99 by adding. */
	cart_post(cl, "/cart/add", p1, "99", &r);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(cl, p1), 3);
	client_free(cl);
}

static void
test_cart_unknown_product(void **state)
{
	struct client		*cl = new_shopper("unknown");
	struct client_resp	 r;

	(void)state;
	cart_post(cl, "/cart/add", "999999999", "1", &r);
	assert_true(r.status == 400 || r.status == 404);
	client_resp_cleanup(&r);
	cart_post(cl, "/cart/add", "abc", "1", &r);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	assert_int_equal(client_get(cl, "/cart", &r), 0);
	assert_true(client_has(&r, "Your cart is empty"));
	client_resp_cleanup(&r);
	client_free(cl);
}

static void
test_cart_other_users_cart_unreachable(void **state)
{
	struct client		*a = new_shopper("alice"), *b = new_shopper("bob");
	struct client_resp	 r;
	char			 p1[32], p2[32];

	(void)state;
	two_products(a, p1, p2);
	cart_post(a, "/cart/add", p1, "4", &r);
	assert_true(back_to_cart(&r));
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(a, p1), 4);

	/* B never sees A's items. */
	assert_int_equal(client_get(b, "/cart", &r), 0);
	assert_true(client_has(&r, "Your cart is empty"));
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(b, p1), 0);

	/* B posting A's product ids changes only B's own cart. */
	cart_post(b, "/cart/update", p1, "9", &r);
	assert_true(r.status == 400 || r.status == 404);
	client_resp_cleanup(&r);
	cart_post(b, "/cart/remove", p1, NULL, &r);
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(a, p1), 4);

	cart_post(b, "/cart/add", p1, "1", &r);
	assert_true(back_to_cart(&r));
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(b, p1), 1);
	assert_int_equal(cart_qty(a, p1), 4);

	cart_post(b, "/cart/remove", p1, NULL, &r);
	assert_true(back_to_cart(&r));
	client_resp_cleanup(&r);
	assert_int_equal(cart_qty(b, p1), 0);
	assert_int_equal(cart_qty(a, p1), 4);
	client_free(a);
	client_free(b);
}

#define PARALLEL 12

/* One browser tab of the same shopper, posting one add in its own thread. */
struct tab {
	struct client	*cl;
	const char	*form;
	long		 status;
};

/* Thread body: POST /cart/add once; records the status (0 on a transport
 * error). */
static void *
tab_add(void *arg)
{
	struct tab		*t = arg;
	struct client_resp	 r;

	t->status = client_post(t->cl, "/cart/add", t->form, &r) == 0 ?
	    r.status : 0;
	client_resp_cleanup(&r);
	return NULL;
}

static void
test_cart_concurrent_adds_all_count(void **state)
{
	struct client	*cl = new_shopper("parallel");
	struct tab	 tabs[PARALLEL];
	pthread_t	 th[PARALLEL];
	char		 p1[32], p2[32], *cookie, *tok, *form;
	size_t		 i;

	(void)state;
	two_products(cl, p1, p2);
	cookie = client_cookie(cl, "mp_session");
	assert_non_null(cookie);
	tok = client_csrf_of(cl, "/cart");
	assert_non_null(tok);
	form = client_form("csrf", tok, "product_id", p1, "qty", "1", NULL);
	/* Twelve tabs of one session add at the same moment: every add must
	 * count (the cart row is locked, the line read with a lock). */
	for (i = 0; i < PARALLEL; i++) {
		tabs[i].cl = client_new();
		client_set_cookie(tabs[i].cl, "mp_session", cookie);
		tabs[i].form = form;
		tabs[i].status = 0;
	}
	for (i = 0; i < PARALLEL; i++)
		assert_int_equal(pthread_create(&th[i], NULL, tab_add,
		    &tabs[i]), 0);
	for (i = 0; i < PARALLEL; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(tabs[i].status, 303);
		client_free(tabs[i].cl);
	}
	assert_int_equal(cart_qty(cl, p1), PARALLEL);
	free(form);
	free(tok);
	free(cookie);
	client_free(cl);
}

static void
test_cart_anonymous_redirects_to_signin(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;

	(void)state;
	assert_int_equal(client_get(cl, "/cart", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_non_null(strstr(r.location, "/signin"));
	client_resp_cleanup(&r);
	client_free(cl);
}

static void
test_catalog_shows_prices_and_badges(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;

	(void)state;
	assert_int_equal(client_get(cl, "/catalog", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "class=\"category\""));
	assert_true(client_has(&r, "USD "));
	assert_true(client_has(&r, "Pay After Use"));
	assert_true(client_has(&r, "Pre-order"));
	client_resp_cleanup(&r);
	/* The home page leads to the catalog. */
	assert_int_equal(client_get(cl, "/", &r), 0);
	assert_true(r.status == 200 || r.status == 303);
	if (r.status == 200)
		assert_true(client_has(&r, "data-product-id=\""));
	client_resp_cleanup(&r);
	client_free(cl);
}

/* The text after each occurrence of mark in html up to the next '<',
 * into names (at most max, each 128 bytes); returns how many. */
static size_t
texts_after(const char *html, const char *mark, char names[][128], size_t max)
{
	const char	*p = html, *e;
	size_t		 n = 0, len;

	while (n < max && (p = strstr(p, mark)) != NULL) {
		p += strlen(mark);
		if ((p = strchr(p, '>')) == NULL)
			break;
		p++;
		if ((e = strchr(p, '<')) == NULL)
			break;
		len = (size_t)(e - p) < 127 ? (size_t)(e - p) : 127;
		memcpy(names[n], p, len);
		names[n++][len] = '\0';
	}
	return n;
}

/* The catalog lists its categories by name (the demo's ids are not in
 * name order) and each category's products by name: the products are
 * read sorted by category id and placed in the categories' order. */
static void
test_catalog_categories_and_products_by_name(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			 cats[32][128], prods[64][128];
	const char		*sec, *next;
	size_t			 ncats, nprods, i, sections = 0;

	(void)state;
	assert_int_equal(client_get(cl, "/catalog", &r), 0);
	assert_int_equal(r.status, 200);
	ncats = texts_after(r.body, "<h2 id=\"cat-", cats, 32);
	assert_true(ncats >= 3);
	for (i = 1; i < ncats; i++)
		assert_true(strcasecmp(cats[i - 1], cats[i]) <= 0);
	/* Within each category section, products by name. */
	for (sec = strstr(r.body, "<section class=\"category\""); sec != NULL;
	    sec = next) {
		char *part;

		next = strstr(sec + 1, "<section class=\"category\"");
		part = strndup(sec, next != NULL ? (size_t)(next - sec) :
		    strlen(sec));
		assert_non_null(part);
		nprods = texts_after(part, "<h3", prods, 64);
		for (i = 1; i < nprods; i++)
			assert_true(strcasecmp(prods[i - 1], prods[i]) <= 0);
		free(part);
		sections++;
	}
	assert_int_equal(sections, ncats);
	client_resp_cleanup(&r);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog_shows_prices_and_badges),
		cmocka_unit_test(test_catalog_categories_and_products_by_name),
		cmocka_unit_test(test_cart_anonymous_redirects_to_signin),
		cmocka_unit_test(test_cart_add_change_remove),
		cmocka_unit_test(test_cart_invalid_quantity_message),
		cmocka_unit_test(test_cart_unknown_product),
		cmocka_unit_test(test_cart_other_users_cart_unreachable),
		cmocka_unit_test(test_cart_concurrent_adds_all_count),
	};

	return cmocka_run_group_tests_name("integration_cart", tests, NULL, NULL);
}
