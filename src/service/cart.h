#ifndef MALLPAY_SERVICE_CART_H
#define MALLPAY_SERVICE_CART_H

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"
#include "core/result.h"
#include "db/cart.h"

struct db;

#define CART_QTY_MIN	1
#define CART_QTY_MAX	99	/* per line, also after adding to an existing line */
#define CART_MAX_CURRENCIES	8

/* The cart use cases answer enum result (core/result.h): RES_NOT_FOUND (no
 * such product, or the shopper's cart has no such line), RES_INVALID (a
 * quantity outside 1..99, or the line would pass 99), RES_ERROR (database:
 * nothing changed). */

/* A cart ready to show: its lines with line totals, and one total per
 * currency (an order settles in one currency, RULES C-01/C-02). */
struct cart_view {
	struct db_cart_item	*items;
	size_t			 nitems;
	struct money		*line_totals;	/* nitems entries */
	struct money		 totals[CART_MAX_CURRENCIES];
	size_t			 ntotals;
};

/* Every function takes the signed-in user's id and reaches only that user's
 * cart (db/cart.c looks carts up by user id alone), so another shopper's cart
 * cannot be named. Each change is one transaction: all or nothing. */

/* Add qty of product_id to user_id's cart (a new line, or more of an existing
 * one). Returns RES_OK, RES_INVALID (qty outside 1..99 or the line would
 * exceed 99), RES_NOT_FOUND, or RES_ERROR. */
enum result cart_add(struct db *, int64_t user_id, int64_t product_id,
	    int64_t qty, int64_t now);

/* Set the quantity of a line of user_id's cart. Returns RES_OK, RES_INVALID,
 * RES_NOT_FOUND, or RES_ERROR. */
enum result cart_set_qty(struct db *, int64_t user_id, int64_t product_id,
	    int64_t qty, int64_t now);

/* Remove a line of user_id's cart. Returns RES_OK, RES_NOT_FOUND, or
 * RES_ERROR. */
enum result cart_remove(struct db *, int64_t user_id, int64_t product_id,
	    int64_t now);

/* Load user_id's cart into v (free with cart_view_cleanup, also on failure).
 * Returns 0, or -1 on a database error or an overflowing total. */
int	cart_view_load(struct db *, int64_t user_id, struct cart_view *v);
/* Release what v owns and zero it; takes NULL. */
void	cart_view_cleanup(struct cart_view *);

/* Add m to the per-currency totals of v (pure; used by cart_view_load).
 * Returns 0, or -1 on overflow or more than CART_MAX_CURRENCIES currencies. */
int	cart_view_add_total(struct cart_view *v, const struct money *m);

#endif
