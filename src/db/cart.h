#ifndef MALLPAY_DB_CART_H
#define MALLPAY_DB_CART_H

#include <stddef.h>
#include <stdint.h>

#include "db/product.h"

struct db;

/* Every function here takes the owner's user id and reaches the cart only
 * through carts.user_id: a cart of another user cannot be named at all. */

/* One line of a cart with its product. */
struct db_cart_item {
	int64_t			 product_id;
	int			 qty;
	struct db_product	 product;	/* without its description (NULL) */
};

/* Make sure user_id has a cart (created at now, or its updated_at set to now)
 * and lock it for the rest of the transaction (the upsert's exclusive row
 * lock, in one statement), so that two requests of one shopper change it one
 * after the other. Call inside db_begin(). *cart_id gets its id. Returns 0 or
 * -1. */
int	db_cart_lock(struct db *, int64_t user_id, int64_t now, int64_t *cart_id);

/* The quantity of product_id in user_id's cart into *qty, read with a lock
 * (the latest committed value, not the transaction's snapshot). Returns 1 when
 * the item is there, 0 when not, -1 database error. */
int	db_cart_item_qty(struct db *, int64_t user_id, int64_t product_id,
	    int *qty);

/* Insert a new line into cart cart_id (from db_cart_lock of the same user).
 * Returns 0 or -1. */
int	db_cart_item_insert(struct db *, int64_t cart_id, int64_t product_id,
	    int qty);

/* Set the quantity of product_id in user_id's cart. Returns 1 when the line
 * exists (updated), 0 when user_id's cart has no such line, -1 error. */
int	db_cart_item_set(struct db *, int64_t user_id, int64_t product_id,
	    int qty);

/* Remove product_id from user_id's cart. Returns 1 removed, 0 not there,
 * -1 error. */
int	db_cart_item_delete(struct db *, int64_t user_id, int64_t product_id);

/* The lines of user_id's cart by product name (then id). *out: array of *n
 * to free with db_cart_items_free (NULL, 0 when empty). Returns 0 or -1 (nothing to free). */
int	db_cart_items(struct db *, int64_t user_id, struct db_cart_item **out,
	    size_t *n);
/* Free an array from db_cart_items; takes NULL. */
void	db_cart_items_free(struct db_cart_item *, size_t n);

#endif
