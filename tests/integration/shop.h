#ifndef MALLPAY_TESTS_SHOP_H
#define MALLPAY_TESTS_SHOP_H

/*
 * Helpers of the checkout and "My Orders" integration tests: the demo
 * shoppers signed in, their carts filled through the web, orders placed
 * through the checkout form, and the stack's database for setting up and
 * checking what the web cannot show.
 */

#include <stddef.h>
#include <stdint.h>

#include "client.h"

struct db;

#define DEMO_PASSWORD	"mallpay-demo"

/* Load MALLPAY_CONF and init the database library; exit 1 on failure
 * (called first in main). */
void	shop_init(void);
void	shop_end(void);
/* The stack's database (one connection per test program). */
struct db *shop_db(void);

/* A client signed in as demo user email (the test fails otherwise). */
struct client *shop_signin(const char *email);
/* The id of demo user email (fails the test when missing). */
int64_t	shop_user_id(const char *email);
/* Empty email's cart, then add each "SKU" with qty through POST
 * /cart/add; skus is NULL-terminated, qtys parallel. */
void	shop_fill_cart(struct client *cl, const char *email,
	    const char *const *skus, const int *qtys);
/* GET path into r (status checked by the caller). */
void	shop_get(struct client *cl, const char *path, struct client_resp *r);
/* Render /checkout?<query>, take its csrf and idempotency key (into key,
 * 65 bytes, if not NULL), POST /checkout/place with the form's options
 * from query plus pay (and disclosed when disclosed != NULL, and the key
 * override when use_key != NULL). Fills r. */
void	shop_place(struct client *cl, const char *query, const char *country,
	    const char *pay, const char *disclosed, const char *use_key,
	    char *key, struct client_resp *r);
/* The order id from a "Location: /orders/N" redirect, or 0. */
int64_t	shop_location_order(const struct client_resp *r);
/* How many orders user_id has. */
size_t	shop_order_count(int64_t user_id);
/* The HTML of the method block id (e.g. "method-cod"), malloc'd, or
 * NULL when the page has none. */
char	*shop_method_block(const char *html, const char *id);

#endif
