/*
 * The shopper's cart (cart.h): add, change a quantity, remove, view.
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "db/cart.h"
#include "db/db.h"
#include "db/product.h"
#include "service/cart.h"

/* 1 if qty is an allowed line quantity. */
static int
qty_ok(int64_t qty)
{
	return qty >= CART_QTY_MIN && qty <= CART_QTY_MAX;
}

/* Roll back and return r: the one way out of a failed use case. */
static enum result
cart_abort(struct db *db, enum result r)
{
	db_rollback(db);
	return r;
}

/* See cart.h. */
enum result
cart_add(struct db *db, int64_t user_id, int64_t product_id, int64_t qty,
    int64_t now)
{
	struct db_product	 p;
	int64_t			 cart_id;
	int			 have, rc;

	if (!qty_ok(qty))
		return RES_INVALID;
	/* READ COMMITTED: the locking read of a line not yet in the cart
	 * takes no gap lock, so two shoppers adding to their own carts at
	 * once cannot deadlock on cart_items' (cart_id, product_id) index
	 * (1213 under load); the cart row lock still orders two adds to
	 * one cart. */
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	if ((rc = db_product_get(db, product_id, &p)) == -1)
		return cart_abort(db, RES_ERROR);
	if (rc == 0)
		return cart_abort(db, RES_NOT_FOUND);
	db_product_cleanup(&p);
	/* Locked: two tabs adding at once are counted one after the other. */
	if (db_cart_lock(db, user_id, now, &cart_id) == -1)
		return cart_abort(db, RES_ERROR);
	if ((rc = db_cart_item_qty(db, user_id, product_id, &have)) == -1)
		return cart_abort(db, RES_ERROR);
	if (rc == 1) {
		if (!qty_ok(have + qty))
			return cart_abort(db, RES_INVALID);
		if (db_cart_item_set(db, user_id, product_id,
		    (int)(have + qty)) != 1)
			return cart_abort(db, RES_ERROR);
	} else if (db_cart_item_insert(db, cart_id, product_id, (int)qty) == -1)
		return cart_abort(db, RES_ERROR);
	return db_commit(db) == 0 ? RES_OK : RES_ERROR;
}

/* See cart.h. */
enum result
cart_set_qty(struct db *db, int64_t user_id, int64_t product_id, int64_t qty,
    int64_t now)
{
	int64_t	cart_id;
	int	rc;

	if (!qty_ok(qty))
		return RES_INVALID;
	if (db_begin(db) == -1)
		return RES_ERROR;
	if (db_cart_lock(db, user_id, now, &cart_id) == -1)
		return cart_abort(db, RES_ERROR);
	if ((rc = db_cart_item_set(db, user_id, product_id, (int)qty)) == -1)
		return cart_abort(db, RES_ERROR);
	if (rc == 0)
		return cart_abort(db, RES_NOT_FOUND);
	return db_commit(db) == 0 ? RES_OK : RES_ERROR;
}

/* See cart.h. */
enum result
cart_remove(struct db *db, int64_t user_id, int64_t product_id, int64_t now)
{
	int64_t	cart_id;
	int	rc;

	if (db_begin(db) == -1)
		return RES_ERROR;
	if (db_cart_lock(db, user_id, now, &cart_id) == -1)
		return cart_abort(db, RES_ERROR);
	if ((rc = db_cart_item_delete(db, user_id, product_id)) == -1)
		return cart_abort(db, RES_ERROR);
	if (rc == 0)
		return cart_abort(db, RES_NOT_FOUND);
	return db_commit(db) == 0 ? RES_OK : RES_ERROR;
}

/* See cart.h. */
int
cart_view_add_total(struct cart_view *v, const struct money *m)
{
	size_t i;

	for (i = 0; i < v->ntotals; i++)
		if (money_same_cur(&v->totals[i], m))
			return money_add(&v->totals[i], m, &v->totals[i]);
	if (v->ntotals == CART_MAX_CURRENCIES)
		return -1;
	v->totals[v->ntotals++] = *m;
	return 0;
}

/* See cart.h. */
int
cart_view_load(struct db *db, int64_t user_id, struct cart_view *v)
{
	size_t i;

	memset(v, 0, sizeof(*v));
	if (db_cart_items(db, user_id, &v->items, &v->nitems) == -1)
		return -1;
	if (v->nitems == 0)
		return 0;
	v->line_totals = xcalloc(v->nitems, sizeof(*v->line_totals));
	for (i = 0; i < v->nitems; i++) {
		if (money_mul_int(&v->items[i].product.price, v->items[i].qty,
		    &v->line_totals[i]) == -1 ||
		    cart_view_add_total(v, &v->line_totals[i]) == -1) {
			log_err("cart: total of user %lld overflows",
			    (long long)user_id);
			return -1;
		}
	}
	return 0;
}

/* See cart.h. */
void
cart_view_cleanup(struct cart_view *v)
{
	if (v == NULL)
		return;
	db_cart_items_free(v->items, v->nitems);
	free(v->line_totals);
	memset(v, 0, sizeof(*v));
}
