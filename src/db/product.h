#ifndef MALLPAY_DB_PRODUCT_H
#define MALLPAY_DB_PRODUCT_H

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"

struct db;

/* A category with its payment flags. */
struct db_category {
	int64_t	 id;
	char	 slug[65];
	char	 name[201];
	int	 durable;	/* INST-06 */
	int	 high_value;	/* default for its products (COD-04, REM-05) */
};

/* A product with its category and payment flags. */
struct db_product {
	int64_t		 id;
	char		 sku[65];
	char		 name[201];
	char		*description;	/* owned (xstrdup); freed by db_product_cleanup */
	int64_t		 category_id;
	struct money	 price;		/* price_minor in its currency */
	int		 high_value;	/* the product's own flag */
	int		 pre_order;
	int		 customized;
	int		 special_customs;
	int		 pay_after_use;
	int		 flash_sale;
	int		 stock;
	int		 cat_durable;
	int		 cat_high_value;
};

/* Every category, by name. *out is an xcalloc'd array of *n entries (NULL when
 * none) that the caller frees with free(). Returns 0 or -1 (nothing to free). */
int	db_category_list(struct db *, struct db_category **out, size_t *n);

/* Every product, in the order of the categories cats (ncats, as
 * db_category_list gives them: by name), then by product name and id,
 * each with its category's flags from cats; a product of a category not
 * in cats comes last. *out is an array of *n entries to free with
 * db_product_list_free. A row whose currency is unknown to core/money is
 * skipped (logged). Returns 0 or -1 (nothing to free). */
int	db_product_list(struct db *, const struct db_category *cats,
	    size_t ncats, struct db_product **out, size_t *n);
/* Free an array from db_product_list; takes NULL. */
void	db_product_list_free(struct db_product *, size_t n);

/* Read product id into out (free with db_product_cleanup after a 1).
 * Returns 1 found, 0 none (or an unknown currency), -1 database error. */
int	db_product_get(struct db *, int64_t id, struct db_product *out);
/* Release what out owns; takes NULL. */
void	db_product_cleanup(struct db_product *);

#endif
