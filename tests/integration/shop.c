/*
 * Helpers of the checkout and "My Orders" integration tests (shop.h).
 */
#include <setjmp.h>
#include <sodium.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/config.h"
#include "db/checkout.h"
#include "db/db.h"
#include "db/order.h"
#include "db/seed.h"
#include "shop.h"

static struct config	 cfg;
static struct db	*conn;

/* See shop.h. */
void
shop_init(void)
{
	const char	*conf = getenv("MALLPAY_CONF");
	char		 err[512];

	if (conf == NULL) {
		fprintf(stderr, "MALLPAY_CONF is not set (run by "
		    "tests/integration/suite.sh)\n");
		exit(1);
	}
	if (config_load(&cfg, conf, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s\n", err);
		exit(1);
	}
	if (sodium_init() < 0)
		exit(1);
	db_library_init();
}

/* See shop.h. */
void
shop_end(void)
{
	db_free(conn);
	conn = NULL;
	db_library_end();
}

/* See shop.h. */
struct db *
shop_db(void)
{
	char err[512];

	if (conn == NULL && (conn = db_open(&cfg, err, sizeof(err))) == NULL)
		fail_msg("db_open: %s", err);
	assert_int_equal(db_ensure(conn), 0);
	return conn;
}

/* See shop.h. */
struct client *
shop_signin(const char *email)
{
	struct client *cl = client_new();

	assert_int_equal(client_signin(cl, email, DEMO_PASSWORD), 303);
	return cl;
}

/* See shop.h. */
int64_t
shop_user_id(const char *email)
{
	int64_t id = db_seed_user_id(shop_db(), email);

	if (id <= 0)
		fail_msg("no demo user %s", email);
	return id;
}

/* See shop.h. */
void
shop_fill_cart(struct client *cl, const char *email,
    const char *const *skus, const int *qtys)
{
	struct seed_product	 p;
	struct client_resp	 r;
	char			*tok, *body, id[32], q[16];
	size_t			 i;

	assert_int_equal(db_checkout_clear_cart(shop_db(),
	    shop_user_id(email)), 0);
	for (i = 0; skus[i] != NULL; i++) {
		if (db_seed_product(shop_db(), skus[i], &p) != 0)
			fail_msg("no product %s", skus[i]);
		tok = client_csrf_of(cl, "/cart");
		assert_non_null(tok);
		snprintf(id, sizeof(id), "%lld", (long long)p.id);
		snprintf(q, sizeof(q), "%d", qtys[i]);
		body = client_form("csrf", tok, "product_id", id, "qty", q,
		    NULL);
		assert_int_equal(client_post(cl, "/cart/add", body, &r), 0);
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
		free(body);
		free(tok);
	}
}

/* See shop.h. */
void
shop_get(struct client *cl, const char *path, struct client_resp *r)
{
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_get(cl, path, r), 0);
}

/* The value of the hidden input name in html (malloc'd) or NULL. */
static char *
hidden(const char *html, const char *name)
{
	char marker[96];

	snprintf(marker, sizeof(marker), "name=\"%s\" value=\"", name);
	return client_between(html, marker, "\"");
}

/* See shop.h. */
void
shop_place(struct client *cl, const char *query, const char *country,
    const char *pay, const char *disclosed, const char *use_key, char *key,
    struct client_resp *r)
{
	struct client_resp	 page;
	char			 path[256], *tok, *k, *body;

	snprintf(path, sizeof(path), "/checkout?country=%s%s%s", country,
	    query != NULL ? "&" : "", query != NULL ? query : "");
	shop_get(cl, path, &page);
	assert_int_equal(page.status, 200);
	tok = client_csrf(page.body);
	k = hidden(page.body, "key");
	assert_non_null(tok);
	assert_non_null(k);
	if (key != NULL)
		snprintf(key, 65, "%s", k);
	body = client_form("csrf", tok, "key", use_key != NULL ? use_key : k,
	    "country", country, "pay", pay, "disclosed",
	    disclosed != NULL ? disclosed : "", NULL);
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_post(cl, "/checkout/place", body, r), 0);
	free(body);
	free(tok);
	free(k);
	client_resp_cleanup(&page);
}

/* See shop.h. */
int64_t
shop_location_order(const struct client_resp *r)
{
	const char *p;

	/* The Location may be absolute ("http://host:port/orders/N"). */
	if (r->location == NULL || (p = strstr(r->location, "/orders/")) ==
	    NULL)
		return 0;
	return strtoll(p + 8, NULL, 10);
}

/* See shop.h. */
size_t
shop_order_count(int64_t user_id)
{
	struct db_order_row	*rows;
	size_t			 n;
	int			 more;

	assert_int_equal(db_order_list_page(shop_db(), user_id, 0, 100000,
	    &rows, &n, &more), 0);
	free(rows);
	return n;
}

/* See shop.h. */
char *
shop_method_block(const char *html, const char *id)
{
	char marker[128];

	snprintf(marker, sizeof(marker), "id=\"%s\"", id);
	return client_between(html, marker, "</div>");
}
