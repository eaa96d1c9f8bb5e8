#ifndef MALLPAY_SERVICE_CATALOG_H
#define MALLPAY_SERVICE_CATALOG_H

/*
 * The catalog as the shop's pages show it: the categories and every
 * product, by category.
 */

#include <stddef.h>

#include "db/product.h"

struct catalog {
	struct db_category	*cats;
	size_t			 ncats;
	struct db_product	*prods;		/* by category */
	size_t			 nprods;
};

/* Read the catalog into *out (free with catalog_cleanup, also on
 * failure). Returns 0 or -1. */
int	catalog_load(struct db *, struct catalog *out);
void	catalog_cleanup(struct catalog *);

#endif
