#ifndef MALLPAY_PAGES_SHOP_H
#define MALLPAY_PAGES_SHOP_H

#include <stdint.h>

#include "core/i18n.h"
#include "http/http.h"
#include "service/catalog.h"
#include "view/view.h"

/* Helpers shared by the catalog and cart pages. */

/* The message shown next to a refused quantity field. */
#define SHOP_QTY_MSG	N_("Enter a quantity between 1 and 99.")

/* Add the BADGES section with one BADGE (LABEL, CLASS) per payment note of p:
 * "Pay After Use", "High value" (the product's flag or its category's),
 * "Pre-order", "Customized", "Special customs". Nothing when p has none. */
void	shop_badges(struct view_dict *d, const struct db_product *p);

/* Render the catalog page with status, the error msg of the add form of
 * product err_product (0: none) and a page-level notice and error.
 * Returns status, or 500 when the catalog cannot be read or rendered. */
int	shop_catalog(struct ctx *c, int status, int64_t err_product,
	    const char *qty_err, const char *notice, const char *form_err);

/* Render the cart page with status, qty_err next to the quantity of
 * err_product (0: none), a notice and a page-level error.
 * Returns status, or 500. */
int	shop_cart(struct ctx *c, int status, int64_t err_product,
	    const char *qty_err, const char *notice, const char *form_err);

#endif
