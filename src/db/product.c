/*
 * products and categories: the catalog.
 * SQL only, bound parameters only (DESIGN.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "db/db.h"
#include "db/product.h"
#include "db/refcache.h"
#include "db/stmt.h"

/* The columns of a row (struct db_category), each with its SQL. */
#define CATEGORY_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	slug,		", slug") \
	C(TEXT,	name,		", name") \
	C(BOOL,	durable,	", durable") \
	C(BOOL,	high_value,	", high_value")
#define CATEGORY_FIELD(t, m, sql)	DBQ_FIELD(struct db_category, t, m)
DBQ_ROWS(cat_row, struct db_category, CATEGORY_COLS, CATEGORY_FIELD);

enum stmt {
	STMT_CATEGORY_LIST,
	STMT_PRODUCT_LIST,
	STMT_PRODUCT_GET,
	STMT__MAX
};

/* A product's own columns, then its category's two flags. */
#define PRODUCT_OWN_COLS \
	"p.id, p.sku, p.name, p.description, p.category_id, p.price_minor, " \
	"p.currency, p.high_value, p.pre_order, p.customized, " \
	"p.special_customs, p.pay_after_use, p.flash_sale, p.stock"
#define PRODUCT_COLS	PRODUCT_OWN_COLS ", c.durable, c.high_value"

/* Columns of PRODUCT_COLS, in its SELECT order. */
enum product_col {
	PROD_C_ID, PROD_C_SKU, PROD_C_NAME, PROD_C_DESCRIPTION,
	PROD_C_CATEGORY_ID, PROD_C_PRICE, PROD_C_CURRENCY, PROD_C_HIGH_VALUE,
	PROD_C_PRE_ORDER, PROD_C_CUSTOMIZED, PROD_C_SPECIAL_CUSTOMS,
	PROD_C_PAY_AFTER_USE, PROD_C_FLASH_SALE, PROD_C_STOCK,
	PROD_C_CAT_DURABLE, PROD_C_CAT_HIGH_VALUE, PROD_C__N
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_CATEGORY_LIST */
	"SELECT " CATEGORY_COLS(DBQ_SQL) " FROM categories ORDER BY name, id",
	/* STMT_PRODUCT_LIST: products alone, sorted by their own columns; the
	 * categories' order and flags come from the cached category list
	 * (db_product_list). A join sorted by a category's name would go
	 * through a temporary table, which MariaDB writes to disk for the
	 * TEXT description (about 0.2 ms a view). */
	"SELECT " PRODUCT_OWN_COLS ", 0, 0 FROM products p "
	"ORDER BY p.category_id, p.name, p.id",
	/* STMT_PRODUCT_GET */
	"SELECT " PRODUCT_COLS " FROM products p "
	"JOIN categories c ON c.id = p.category_id WHERE p.id = ?",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_PRODUCT)

/* Fill *arg (a struct db_product) from the current PRODUCT_COLS row
 * (enum product_col).
 * Returns 0, or -1 when the currency is unknown (it then owns nothing).
 * Serves dbq_list_keep. */
static int
product_row(struct dbq *q, void *arg)
{
	struct db_product *out = arg;

	memset(out, 0, sizeof(*out));
	out->id = dbq_col_int(q, PROD_C_ID);
	if (money_set(&out->price, dbq_col_int(q, PROD_C_PRICE),
	    dbq_col_str(q, PROD_C_CURRENCY, NULL)) == -1) {
		log_warn("db: product %lld has an unknown currency",
		    (long long)out->id);
		return -1;
	}
	dbq_col_copy(q, PROD_C_SKU, out->sku, sizeof(out->sku));
	dbq_col_copy(q, PROD_C_NAME, out->name, sizeof(out->name));
	out->description = xstrdup(dbq_col_str(q, PROD_C_DESCRIPTION, NULL));
	out->category_id = dbq_col_int(q, PROD_C_CATEGORY_ID);
	out->high_value = dbq_col_int(q, PROD_C_HIGH_VALUE) != 0;
	out->pre_order = dbq_col_int(q, PROD_C_PRE_ORDER) != 0;
	out->customized = dbq_col_int(q, PROD_C_CUSTOMIZED) != 0;
	out->special_customs = dbq_col_int(q, PROD_C_SPECIAL_CUSTOMS) != 0;
	out->pay_after_use = dbq_col_int(q, PROD_C_PAY_AFTER_USE) != 0;
	out->flash_sale = dbq_col_int(q, PROD_C_FLASH_SALE) != 0;
	out->stock = (int)dbq_col_int(q, PROD_C_STOCK);
	out->cat_durable = dbq_col_int(q, PROD_C_CAT_DURABLE) != 0;
	out->cat_high_value = dbq_col_int(q, PROD_C_CAT_HIGH_VALUE) != 0;
	return 0;
}

/* See product.h. */
void
db_product_cleanup(struct db_product *p)
{
	if (p == NULL)
		return;
	free(p->description);
	p->description = NULL;
}

/* See product.h. */
void
db_product_list_free(struct db_product *v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		db_product_cleanup(&v[i]);
	free(v);
}

/* dbq_list fill for db_category_list(): the current row into *arg, a
 * struct db_category. */
static void
category_row(struct dbq *q, void *arg)
{
	(void)dbq_read(q, 0, &cat_row, arg);
}

/* See product.h. Through the connection's reference-data cache
 * (refcache.h): categories change with the catalog, a few times a year. */
int
db_category_list(struct db *db, struct db_category **out, size_t *n)
{
	if (refcache_get(db, REF_CATEGORIES, sizeof(**out), (void **)out,
	    n) == 1)
		return 0;
	if (dbq_list(get(db, STMT_CATEGORY_LIST), sizeof(**out), category_row,
	    (void **)out, n) == -1)
		return -1;
	refcache_put(db, REF_CATEGORIES, sizeof(**out), *out, *n);
	return 0;
}

/* dbq_list_keep free_list: db_product_list_free of the void array. */
static void
free_products(void *v, size_t n)
{
	db_product_list_free(v, n);
}

/* Products v (n, sorted by category id, then name and id) in the order
 * of cats (ncats) and with their category's flags: each category's run
 * moved to the category's place; products of a category not in cats
 * last, in their order. Returns 0, or -1 (v unchanged) when out of
 * memory. */
static int
product_by_category(struct db_product *v, size_t n,
    const struct db_category *cats, size_t ncats)
{
	struct db_product	*sorted;
	unsigned char		*placed;
	size_t			 c, i, k = 0;

	if (n == 0)
		return 0;
	sorted = calloc(n, sizeof(*sorted));
	placed = calloc(n, 1);
	if (sorted == NULL || placed == NULL) {
		free(sorted);
		free(placed);
		return -1;
	}
	for (c = 0; c < ncats; c++)
		for (i = 0; i < n; i++)
			if (!placed[i] && v[i].category_id == cats[c].id) {
				v[i].cat_durable = cats[c].durable;
				v[i].cat_high_value = cats[c].high_value;
				sorted[k++] = v[i];
				placed[i] = 1;
			}
	for (i = 0; i < n; i++)
		if (!placed[i])
			sorted[k++] = v[i];
	memcpy(v, sorted, n * sizeof(*v));
	free(sorted);
	free(placed);
	return 0;
}

/* See product.h. */
int
db_product_list(struct db *db, const struct db_category *cats, size_t ncats,
    struct db_product **out, size_t *n)
{
	if (dbq_list_keep(dbq_get(db, DB_T_PRODUCT, STMT_PRODUCT_LIST,
	    stmts[STMT_PRODUCT_LIST]), sizeof(**out), product_row,
	    free_products, (void **)out, n) == -1)
		return -1;
	if (product_by_category(*out, *n, cats, ncats) == -1) {
		db_product_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* See product.h. */
int
db_product_get(struct db *db, int64_t id, struct db_product *out)
{
	struct dbq	*q;
	int		 rc;

	q = get(db, STMT_PRODUCT_GET);
	if (q == NULL)
		return -1;
	dbq_int(q, id);
	rc = dbq_exec_fetch(q);
	if (rc == 1 && product_row(q, out) == -1)
		rc = 0;
	dbq_done(q);
	return rc;
}
