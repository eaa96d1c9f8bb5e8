/*
 * GET /catalog: products grouped by category, each with its price in its own
 * currency, its payment notes, and an add-to-cart form for signed-in buyers.
 */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "pages/shop.h"
#include "service/catalog.h"
#include "view/view.h"

/* See shop.h. */
void
shop_badges(struct view_dict *d, const struct db_product *p)
{
	struct view_dict	*sec = NULL, *b;
	struct {
		int		 on;
		const char	*label, *cls;
	} notes[] = {
		{ p->pay_after_use, N_("Pay After Use"), "payafter" },
		{ p->high_value || p->cat_high_value, N_("High value"),
		    "highvalue" },
		{ p->pre_order, N_("Pre-order"), "preorder" },
		{ p->customized, N_("Customized"), "customized" },
		{ p->special_customs, N_("Special customs"), "customs" },
	};
	size_t i;

	for (i = 0; i < sizeof(notes) / sizeof(notes[0]); i++) {
		if (!notes[i].on)
			continue;
		if (sec == NULL)
			sec = view_add(d, "BADGES");
		b = view_add(sec, "BADGE");
		view_set(b, "LABEL", _(notes[i].label));
		view_set(b, "CLASS", notes[i].cls);
	}
}

/* The name of category id in cats (n entries), or "Other". */
static const char *
category_name(const struct db_category *cats, size_t n, int64_t id,
    int *durable)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cats[i].id == id) {
			*durable = cats[i].durable;
			return cats[i].name;
		}
	*durable = 0;
	return "Other";
}

/* The notices of the ?msg= codes; unknown codes show nothing. */
static const struct page_notice catalog_notices[] = {
	{ "welcome", N_("Welcome! Your account is ready and you are signed "
	    "in.") },
	{ NULL, NULL }
};

/* See shop.h. */
int
shop_catalog(struct ctx *c, int status, int64_t err_product,
    const char *qty_err, const char *notice, const char *form_err)
{
	struct catalog		 cl;
	const struct db_category *cats;
	const struct db_product	*prods, *p;
	size_t			 ncats, nprods, i;
	struct view_dict	*d, *cat = NULL, *pd, *s;
	int64_t			 cur_cat = -1;
	char			 plain[MONEY_STR_MAX];
	int			 durable, rc, buyer;

	if (catalog_load(c->db, &cl) == -1) {
		catalog_cleanup(&cl);
		return page_error(c, 500, NULL);
	}
	cats = cl.cats;
	ncats = cl.ncats;
	prods = cl.prods;
	nprods = cl.nprods;
	buyer = c->user.user_id != 0 &&
	    (c->user.role & (ROLE_SHOPPER | ROLE_COMPANY)) != 0;

	d = view_dict_new();
	if (c->user.user_id == 0)
		view_show(d, "ANON");
	if (nprods == 0)
		view_show(d, "EMPTY");
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", _(notice));
	if (form_err != NULL)
		view_set(view_add(d, "FORM_ERROR"), "MSG", _(form_err));
	for (i = 0; i < nprods; i++) {
		p = &prods[i];
		if (cat == NULL || p->category_id != cur_cat) {
			cur_cat = p->category_id;
			cat = view_add(d, "CATEGORY");
			view_set_int(cat, "CAT_ID", (long long)cur_cat);
			view_set(cat, "CAT_NAME", category_name(cats, ncats,
			    cur_cat, &durable));
			view_set(view_add(cat, "CAT_KIND"), "KIND", durable ?
			    _("Durable goods") : _("Consumables"));
		}
		pd = view_add(cat, "PRODUCT");
		view_set_int(pd, "ID", (long long)p->id);
		view_set(pd, "NAME", p->name);
		if (p->description != NULL && p->description[0] != '\0')
			view_set(view_add(pd, "DESC"), "TEXT", p->description);
		page_set_money(pd, "PRICE", p->price.minor, p->price.cur);
		view_set(pd, "PRICE_PLAIN", money_str(&p->price, plain,
		    sizeof(plain)));
		view_set(pd, "CURRENCY", p->price.cur);
		shop_badges(pd, p);
		if (buyer) {
			s = view_add(pd, "ADD");
			if (p->id == err_product && qty_err != NULL)
				view_set(view_add(s, "QTY_ERR"), "MSG",
				    _(qty_err));
		}
	}
	rc = page_render_free(c, "catalog.tpl", d, "Catalog", status);
	catalog_cleanup(&cl);
	return rc;
}

/* GET /catalog (public). */
int
page_catalog(struct ctx *c)
{
	return shop_catalog(c, 200, 0, NULL, page_notice(catalog_notices,
	    ctx_str(c, "msg")), NULL);
}
