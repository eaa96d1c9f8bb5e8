/*
 * The cart: GET /cart, POST /cart/add, /cart/update, /cart/remove.
 * Every change is one service call (one transaction) on the signed-in user's
 * own cart; success answers 303 back to /cart with ?msg=, a refused value
 * renders the page again (400) with the message next to the field.
 */
#include <string.h>

#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "pages/shop.h"
#include "service/cart.h"
#include "view/view.h"

const struct field_spec page_cart_change_fields[] = {
	{ "product_id", FIELD_ID, 1, 20, 0, 0 },
	{ "qty", FIELD_INT, 1, 3, 1, 99 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_cart_remove_fields[] = {
	{ "product_id", FIELD_ID, 1, 20, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

#define NOT_IN_CART	N_("This product is not in your cart (any more). " \
			"The cart below is up to date.")
#define NO_PRODUCT	N_("This product does not exist (any more). " \
			"Please choose another one from the catalog.")

/* The notices of the ?msg= codes; unknown codes show nothing. */
static const struct page_notice cart_notices[] = {
	{ "added", N_("Added to your cart.") },
	{ "updated", N_("Quantity updated.") },
	{ "removed", N_("Removed from your cart.") },
	{ NULL, NULL }
};

/* See shop.h. */
int
shop_cart(struct ctx *c, int status, int64_t err_product, const char *qty_err,
    const char *notice, const char *form_err)
{
	struct cart_view	 v;
	struct view_dict	*d, *items, *it, *t;
	size_t			 i;
	int			 rc;

	if (cart_view_load(c->db, c->user.user_id, &v) == -1) {
		cart_view_cleanup(&v);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", _(notice));
	if (form_err != NULL)
		view_set(view_add(d, "FORM_ERROR"), "MSG", _(form_err));
	if (v.nitems == 0)
		view_show(d, "EMPTY");
	else {
		items = view_add(d, "ITEMS");
		for (i = 0; i < v.nitems; i++) {
			it = view_add(items, "ITEM");
			view_set_int(it, "PRODUCT_ID",
			    (long long)v.items[i].product_id);
			view_set(it, "NAME", v.items[i].product.name);
			view_set_int(it, "QTY", v.items[i].qty);
			view_set_int(it, "QTY_VALUE", v.items[i].qty);
			page_set_money(it, "UNIT_PRICE",
			    v.items[i].product.price.minor,
			    v.items[i].product.price.cur);
			page_set_money(it, "LINE_TOTAL", v.line_totals[i].minor,
			    v.line_totals[i].cur);
			shop_badges(it, &v.items[i].product);
			if (qty_err != NULL &&
			    v.items[i].product_id == err_product)
				view_set(view_add(it, "QTY_ERR"), "MSG",
				    _(qty_err));
		}
		for (i = 0; i < v.ntotals; i++) {
			t = view_add(items, "TOTAL");
			view_set(t, "CURRENCY", v.totals[i].cur);
			page_set_money(t, "AMOUNT", v.totals[i].minor,
			    v.totals[i].cur);
		}
		if (v.ntotals > 1)
			view_show(items, "MIXED");
		view_show(items, "CHECKOUT");
	}
	rc = page_render_free(c, "cart.tpl", d, "Your cart", status);
	cart_view_cleanup(&v);
	return rc;
}

/* GET /cart: the signed-in user's cart. */
int
page_cart(struct ctx *c)
{
	return shop_cart(c, 200, 0, NULL, page_notice(cart_notices,
	    ctx_str(c, "msg")), NULL);
}

/* POST /cart/add: product_id, qty (1..99). 303 to /cart?msg=added; a refused
 * quantity shows the catalog again with the message next to that product's
 * quantity (400); an unknown product 404 with the catalog. */
int
page_cart_add(struct ctx *c)
{
	int64_t		pid = ctx_int(c, "product_id", 0);
	enum result	r;

	if (pid == 0)
		return shop_catalog(c, 400, 0, NULL, NULL, NO_PRODUCT);
	if (ctx_field_err(c, "qty") != NULL)
		return shop_catalog(c, 400, pid, SHOP_QTY_MSG, NULL,
		    SHOP_QTY_MSG);
	switch ((r = cart_add(c->db, c->user.user_id, pid,
	    ctx_int(c, "qty", 0), c->now))) {
	case RES_OK:
		return page_redirect(c, "/cart?msg=added");
	case RES_INVALID:
		/* The line would pass 99: say so on the cart, where the line is. */
		return shop_cart(c, page_status(r), pid, N_("A cart line holds "
		    "at most 99. Enter a quantity between 1 and 99."), NULL,
		    N_("You can have between 1 and 99 of a product in your "
		    "cart."));
	case RES_NOT_FOUND:
		return shop_catalog(c, page_status(r), 0, NULL, NULL,
		    NO_PRODUCT);
	default:
		return page_result(c, r, NULL);
	}
}

/* The answer to a change of the cart's line pid that ended in r: 303 to
 * done, or the cart again: 400 with NOT_IN_CART when the form named no
 * line (pid 0), 400 with the quantity's message (RES_INVALID), 404 with
 * NOT_IN_CART (RES_NOT_FOUND), else page_result(). */
static int
line_changed(struct ctx *c, int64_t pid, enum result r, const char *done)
{
	if (pid == 0)
		return shop_cart(c, 400, 0, NULL, NULL, NOT_IN_CART);
	switch (r) {
	case RES_OK:
		return page_redirect(c, done);
	case RES_INVALID:
		return shop_cart(c, page_status(r), pid, SHOP_QTY_MSG, NULL,
		    SHOP_QTY_MSG);
	case RES_NOT_FOUND:
		return shop_cart(c, page_status(r), 0, NULL, NULL,
		    NOT_IN_CART);
	default:
		return page_result(c, r, NULL);
	}
}

/* POST /cart/update: product_id, qty (1..99) of a line of the user's cart.
 * 303 to /cart?msg=updated, or the cart again: 400 with the message next to
 * the line's quantity, 404 when the cart has no such line. */
int
page_cart_update(struct ctx *c)
{
	int64_t		pid = ctx_int(c, "product_id", 0);
	enum result	r = RES_INVALID;

	if (pid != 0 && ctx_field_err(c, "qty") == NULL)
		r = cart_set_qty(c->db, c->user.user_id, pid,
		    ctx_int(c, "qty", 0), c->now);
	return line_changed(c, pid, r, "/cart?msg=updated");
}

/* POST /cart/remove: product_id of a line of the user's cart. 303 to
 * /cart?msg=removed, or the cart again with 404 when there is no such line. */
int
page_cart_remove(struct ctx *c)
{
	int64_t	pid = ctx_int(c, "product_id", 0);

	return line_changed(c, pid, pid != 0 ? cart_remove(c->db,
	    c->user.user_id, pid, c->now) : RES_INVALID, "/cart?msg=removed");
}
