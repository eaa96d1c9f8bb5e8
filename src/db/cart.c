/*
 * carts and cart_items. Every statement reaches a cart through
 * carts.user_id (the signed-in user's id), never by a cart id from a request.
 * SQL only, bound parameters only (DESIGN.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "db/cart.h"
#include "db/db.h"
#include "db/stmt.h"

enum stmt {
	STMT_CART_ENSURE,
	STMT_CART_ITEM_QTY,
	STMT_CART_ITEM_INSERT,
	STMT_CART_ITEM_SET,
	STMT_CART_ITEM_DELETE,
	STMT_CART_ITEMS,
	STMT__MAX
};

/* Columns of STMT_CART_ITEMS, in its SELECT order. */
enum cart_col {
	CART_C_PRODUCT_ID, CART_C_QTY, CART_C_SKU, CART_C_NAME,
	CART_C_CATEGORY_ID, CART_C_PRICE, CART_C_CURRENCY,
	CART_C_HIGH_VALUE, CART_C_PRE_ORDER, CART_C_CUSTOMIZED,
	CART_C_SPECIAL_CUSTOMS, CART_C_PAY_AFTER_USE, CART_C_FLASH_SALE,
	CART_C_STOCK, CART_C_CAT_DURABLE, CART_C_CAT_HIGH_VALUE, CART_C__N
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_CART_ENSURE: inserting or updating the row locks it (an
	 * exclusive lock until commit, as SELECT ... FOR UPDATE would take);
	 * LAST_INSERT_ID(id) hands back the id of an existing row. */
	"INSERT INTO carts (user_id, updated_at) VALUES (?, ?) "
	"ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), "
	"updated_at = VALUES(updated_at)",
	/* STMT_CART_ITEM_QTY: a locking read, so that it sees the latest
	 * committed quantity rather than the transaction's snapshot (taken by
	 * an earlier plain SELECT, before the cart lock was granted). */
	"SELECT i.qty FROM cart_items i JOIN carts c ON c.id = i.cart_id "
	"WHERE c.user_id = ? AND i.product_id = ? FOR UPDATE",
	/* STMT_CART_ITEM_INSERT */
	"INSERT INTO cart_items (cart_id, product_id, qty) VALUES (?, ?, ?)",
	/* STMT_CART_ITEM_SET */
	"UPDATE cart_items i JOIN carts c ON c.id = i.cart_id SET i.qty = ? "
	"WHERE c.user_id = ? AND i.product_id = ?",
	/* STMT_CART_ITEM_DELETE */
	"DELETE i FROM cart_items i JOIN carts c ON c.id = i.cart_id "
	"WHERE c.user_id = ? AND i.product_id = ?",
	/* STMT_CART_ITEMS: enum cart_col. Sorted by the product's name, so
	 * through a temporary table: no TEXT column in it (the cart shows no
	 * description), or MariaDB writes the table to disk. */
	"SELECT i.product_id, i.qty, p.sku, p.name, "
	"p.category_id, p.price_minor, p.currency, p.high_value, p.pre_order, "
	"p.customized, p.special_customs, p.pay_after_use, p.flash_sale, "
	"p.stock, k.durable, k.high_value "
	"FROM carts c JOIN cart_items i ON i.cart_id = c.id "
	"JOIN products p ON p.id = i.product_id "
	"JOIN categories k ON k.id = p.category_id "
	"WHERE c.user_id = ? ORDER BY p.name, p.id",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_CART)

/* See cart.h. */
int
db_cart_lock(struct db *db, int64_t user_id, int64_t now, int64_t *cart_id)
{
	struct dbq	*q;
	int		 rc;

	q = get(db, STMT_CART_ENSURE);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_I(now));
	if ((rc = dbq_exec(q)) == 0)
		*cart_id = dbq_insert_id(q);
	dbq_done(q);
	/* One statement: the row is locked until commit. */
	return rc == 0 && *cart_id > 0 ? 0 : -1;
}

/* See cart.h. */
int
db_cart_item_qty(struct db *db, int64_t user_id, int64_t product_id, int *qty)
{
	struct dbq	*q;
	int		 rc;

	q = get(db, STMT_CART_ITEM_QTY);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_I(product_id));
	if ((rc = dbq_exec_fetch(q)) == 1)
		*qty = (int)dbq_col_int(q, 0);
	dbq_done(q);
	return rc;
}

/* See cart.h. */
int
db_cart_item_insert(struct db *db, int64_t cart_id, int64_t product_id,
    int qty)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_CART_ITEM_INSERT),
	    DBQ_I(cart_id), DBQ_I(product_id), DBQ_I(qty)), NULL);
}

/* See cart.h. */
int
db_cart_item_set(struct db *db, int64_t user_id, int64_t product_id, int qty)
{
	struct dbq	*q;
	uint64_t	 n = 0;

	q = get(db, STMT_CART_ITEM_SET);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(qty), DBQ_I(user_id), DBQ_I(product_id));
	if (dbq_exec_done(q, &n) == -1)
		return -1;
	return n > 0 ? 1 : 0;
}

/* See cart.h. */
int
db_cart_item_delete(struct db *db, int64_t user_id, int64_t product_id)
{
	struct dbq	*q;
	uint64_t	 n = 0;

	q = get(db, STMT_CART_ITEM_DELETE);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_I(product_id));
	if (dbq_exec_done(q, &n) == -1)
		return -1;
	return n > 0 ? 1 : 0;
}

/* See cart.h. */
void
db_cart_items_free(struct db_cart_item *v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		db_product_cleanup(&v[i].product);
	free(v);
}

/* dbq_list_keep fill for db_cart_items(): the current row (enum cart_col)
 * into *arg, a struct db_cart_item; -1 (left out, logged) for an unknown currency. */
static int
fill_item(struct dbq *q, void *arg)
{
	struct db_cart_item *it = arg;

	it->product_id = dbq_col_int(q, CART_C_PRODUCT_ID);
	it->qty = (int)dbq_col_int(q, CART_C_QTY);
	it->product.id = it->product_id;
	if (money_set(&it->product.price, dbq_col_int(q, CART_C_PRICE),
	    dbq_col_str(q, CART_C_CURRENCY, NULL)) == -1) {
		log_warn("db: cart product %lld has an unknown currency",
		    (long long)it->product_id);
		return -1;
	}
	dbq_col_copy(q, CART_C_SKU, it->product.sku, sizeof(it->product.sku));
	dbq_col_copy(q, CART_C_NAME, it->product.name,
	    sizeof(it->product.name));
	it->product.category_id = dbq_col_int(q, CART_C_CATEGORY_ID);
	it->product.high_value = dbq_col_int(q, CART_C_HIGH_VALUE) != 0;
	it->product.pre_order = dbq_col_int(q, CART_C_PRE_ORDER) != 0;
	it->product.customized = dbq_col_int(q, CART_C_CUSTOMIZED) != 0;
	it->product.special_customs =
	    dbq_col_int(q, CART_C_SPECIAL_CUSTOMS) != 0;
	it->product.pay_after_use = dbq_col_int(q, CART_C_PAY_AFTER_USE) != 0;
	it->product.flash_sale = dbq_col_int(q, CART_C_FLASH_SALE) != 0;
	it->product.stock = (int)dbq_col_int(q, CART_C_STOCK);
	it->product.cat_durable = dbq_col_int(q, CART_C_CAT_DURABLE) != 0;
	it->product.cat_high_value = dbq_col_int(q, CART_C_CAT_HIGH_VALUE) != 0;
	return 0;
}

/* dbq_list_keep free_list: db_cart_items_free of the void array. */
static void
free_items(void *v, size_t n)
{
	db_cart_items_free(v, n);
}

/* See cart.h. */
int
db_cart_items(struct db *db, int64_t user_id, struct db_cart_item **out,
    size_t *n)
{
	return dbq_list_keep(dbq_bind(get(db, STMT_CART_ITEMS), DBQ_I(user_id)),
	    sizeof(**out), fill_item, free_items, (void **)out, n);
}
