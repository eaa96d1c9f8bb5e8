/*
 * The catalog for the shop's pages (service/catalog.h).
 */
#include <stdlib.h>
#include <string.h>

#include "db/product.h"
#include "service/catalog.h"

/* See catalog.h. */
int
catalog_load(struct db *db, struct catalog *out)
{
	memset(out, 0, sizeof(*out));
	if (db_category_list(db, &out->cats, &out->ncats) == -1 ||
	    db_product_list(db, out->cats, out->ncats, &out->prods,
	    &out->nprods) == -1)
		return -1;
	return 0;
}

/* See catalog.h. */
void
catalog_cleanup(struct catalog *c)
{
	db_product_list_free(c->prods, c->nprods);
	free(c->cats);
	memset(c, 0, sizeof(*c));
}
