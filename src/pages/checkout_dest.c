/*
 * Checkout's destination: the select of every country labelled with its
 * region and what that region allows (COD-03, COD-05, INST-08), and the
 * chosen destination's facts (pages/checkout_view.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/words.h"
#include "pages/checkout_view.h"
#include "pages/render.h"
#include "service/checkout.h"
#include "view/view.h"
#include "view/fmt.h"

/* One option of the destination select into section sec of d: country k
 * with its region's labels, selected when it is q's destination and
 * may_select. */
static void
add_country_option(struct view_dict *d, const char *sec,
    const struct checkout_quote *q, const struct db_country *k,
    int may_select)
{
	const struct facts_live	*l = &q->live;
	const struct db_region	*rg = NULL;
	struct view_dict	*s;
	char			 lab[400], cn[128];
	size_t			 j;
	int			 days, remote;

	for (j = 0; j < l->nregions; j++)
		if (strcmp(l->regions[j].code, k->region_code) == 0)
			rg = &l->regions[j];
	s = view_add(d, sec);
	view_set(s, "CODE", k->code);
	days = k->delivery_days >= 0 ? k->delivery_days :
	    rg != NULL ? rg->delivery_days : 0;
	/* COD-03 and COD-05 together: a remote country of a COD region
	 * gets no cash on delivery, so it is not labelled for it. */
	remote = days > l->f.settings.cod_max_delivery_days;
	snprintf(lab, sizeof(lab), "%s - %s%s%s%s%s%s%s",
	    fmt_country(k->code, k->name, cn, sizeof(cn)),
	    words_region(k->region_code, rg != NULL ? rg->name :
	    k->region_code),
	    rg != NULL && rg->cod_supported && !remote ? " · " : "",
	    rg != NULL && rg->cod_supported && !remote ?
	    _("COD Supported") : "", remote ? " · " : "",
	    !remote ? "" : rg != NULL && rg->cod_supported ?
	    _("remote area: no cash on delivery") : _("remote area"),
	    k->high_risk ? " · " : "",
	    k->high_risk ? _("high-risk for installments") : "");
	view_set(s, "LABEL", lab);
	if (may_select && strcmp(k->code, q->addr.country) == 0)
		view_show(s, "SELECTED");
}

/* The countries of the buyer's addresses (the default's first) as the
 * first options of the destination select (section MINE of MY_COUNTRIES).
 * Returns 1 when q's destination is among them. */
static int
add_my_countries(struct view_dict *d, const struct checkout_quote *q)
{
	const struct address_pick	*p = &q->addr;
	struct view_dict		*g = NULL;
	size_t				 i, j, k;
	int				 found = 0;

	for (i = 0; i < p->n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(p->rows[j].country, p->rows[i].country) == 0)
				break;
		if (j < i)
			continue;
		for (k = 0; k < q->live.ncountries; k++)
			if (strcmp(q->live.countries[k].code,
			    p->rows[i].country) == 0)
				break;
		if (k == q->live.ncountries)
			continue;
		if (g == NULL)
			g = view_add(d, "MY_COUNTRIES");
		add_country_option(g, "MINE", q, &q->live.countries[k], 1);
		found |= strcmp(p->rows[i].country, q->addr.country) == 0;
	}
	return found;
}

/* The destination select of q into d (COD-03, COD-05, INST-08): the
 * countries of the buyer's addresses first, then every country with its
 * region label. */
void
checkout_fill_destination(struct view_dict *d, const struct checkout_quote *q)
{
	const struct facts_live	*l = &q->live;
	size_t			 i;
	int			 mine;

	mine = add_my_countries(d, q);
	for (i = 0; i < l->ncountries; i++)
		add_country_option(d, "OPTION", q, &l->countries[i], !mine);
}

/* The chosen destination's facts of q into d (section DEST, or NO_DEST):
 * "COD Supported" only where COD-03 and COD-05 both allow it. */
void
checkout_fill_dest_facts(struct view_dict *d, const struct checkout_quote *q)
{
	const struct facts_live	*l = &q->live;
	struct view_dict	*s;
	char			 cn[128];

	if (l->country != NULL) {
		s = view_add(d, "DEST");
		view_set(s, "NAME", fmt_country(l->country->code,
		    l->country->name, cn, sizeof(cn)));
		view_set(s, "REGION", l->region != NULL ?
		    words_region(l->region->code, l->region->name) : "");
		if (l->region != NULL && l->region->cod_supported &&
		    l->f.order.shipping.delivery_days <=
		    l->f.settings.cod_max_delivery_days)
			view_show(s, "COD_SUPPORTED");
		page_set_count(s, "DAYS", (long long)
		    l->f.order.shipping.delivery_days, "day", "days");
		if (l->f.order.shipping.delivery_days >
		    l->f.settings.cod_max_delivery_days)
			view_show(s, "REMOTE");
		if (l->country->high_risk)
			view_show(s, "HIGH_RISK");
	} else
		view_show(d, "NO_DEST");
}

