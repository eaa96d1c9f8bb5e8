/*
 * Facts for the eligibility rules: defaults from RULES.md and the small
 * container helpers. No I/O.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "rules/facts.h"
#include "rules/verdict.h"

static const char *const inst_method_names[INST__MAX] = {
	"installment_card",
	"installment_partner",
	"installment_corporate",
	"credit_line",
};

/*
 * A USD amount of `cents` minor units. Never fails (USD is always known).
 */
static struct money
usd(int64_t cents)
{
	struct money	 m;

	memset(&m, 0, sizeof(m));
	m.minor = cents;
	memcpy(m.cur, "USD", 4);
	return m;
}

/*
 * A rate num/den; the caller passes den > 0.
 */
static struct money_rate
rate(int64_t num, int64_t den)
{
	struct money_rate r;

	r.num = num;
	r.den = den;
	return r;
}

/*
 * Document name of m, NULL if out of range.
 */
const char *
inst_method_name(enum inst_method m)
{
	if ((int)m < 0 || m >= INST__MAX)
		return NULL;
	return inst_method_names[m];
}

/*
 * *out = the method named s. Returns -1 (out untouched) if unknown.
 */
int
inst_method_from_name(const char *s, enum inst_method *out)
{
	int	 i;

	for (i = 0; i < INST__MAX; i++)
		if (strcmp(s, inst_method_names[i]) == 0) {
			*out = (enum inst_method)i;
			return 0;
		}
	return -1;
}

/*
 * Defaults of an institution of method m (RULES section 1): INST-CC terms
 * 3/6/12 at 0.8% a month, INST-PC 3/6/9/12 at 1.0%, INST-CORP 3/6 at
 * 0.8% (RULES gives no corporate rate: the card default is used),
 * INST-CL 3/6/9/12 at 1.0%; all spread, no fee waiver, late fee 0.05% a
 * day (INST-F1), minimum the platform's INST-05 minimum.
 */
void
facts_institution_defaults(const struct facts *f, struct institution *inst,
    enum inst_method m, const char *id)
{
	static const int card[] = { 3, 6, 12 };
	static const int partner[] = { 3, 6, 9, 12 };
	static const int corp[] = { 3, 6 };
	const int	*t;
	size_t		 nt, i;

	memset(inst, 0, sizeof(*inst));
	snprintf(inst->id, sizeof(inst->id), "%s", id ? id : "");
	inst->method = m;
	inst->min_usd = f->settings.inst_min_usd;
	inst->fee_mode = FEE_SPREAD;
	inst->late_fee_rate = rate(5, 10000);
	switch (m) {
	case INST_CARD:
		t = card;
		nt = sizeof(card) / sizeof(card[0]);
		inst->monthly_rate = rate(8, 1000);
		break;
	case INST_CORPORATE:
		t = corp;
		nt = sizeof(corp) / sizeof(corp[0]);
		inst->monthly_rate = rate(8, 1000);
		break;
	default:
		t = partner;
		nt = sizeof(partner) / sizeof(partner[0]);
		inst->monthly_rate = rate(1, 100);
		break;
	}
	for (i = 0; i < nt; i++)
		inst->terms[i] = t[i];
	inst->nterms = nt;
}

/*
 * RULES.md defaults; see facts.h. Does not free what *f held.
 */
void
facts_defaults(struct facts *f)
{
	struct settings_facts *s = &f->settings;

	memset(f, 0, sizeof(*f));
	f->now = 0;

	f->buyer.type = BUYER_PERSON;
	f->buyer.company.completed_orders_usd_90d = usd(0);
	f->buyer.company.cod_agreement_limit_usd = usd(0);
	f->buyer.company.remittance_quota_usd = usd(0);
	f->buyer.credit_line_limit_usd = usd(0);
	f->buyer.credit_line_used_usd = usd(0);

	memcpy(f->order.currency, "USD", 4);
	snprintf(f->order.usd_per_unit, sizeof(f->order.usd_per_unit), "1");
	f->order.items_total = usd(0);
	f->order.coupons = usd(0);
	f->order.points = usd(0);
	f->order.shipping.delivery_days = 0;

	s->platform_min_credit_score = 600;		/* INST-02 */
	s->pau_min_credit_score = 550;			/* PAU-01 */
	s->inst_min_usd = usd(50000);			/* INST-05 */
	s->inst_low_threshold_usd = usd(30000);		/* INST-05 */
	s->inst_b2b_orders_usd_90d = usd(500000);	/* INST-04 */
	s->credit_line_max_usd = usd(1500000);		/* INST-CL */
	s->cod_b2c_max_usd = usd(200000);		/* COD-01 */
	s->cod_start_limit_usd = usd(50000);		/* COD-07 */
	s->cod_full_limit_usd = usd(200000);		/* COD-07 */
	s->cod_ladder_orders = 5;			/* COD-07 */
	s->cod_max_delivery_days = 7;			/* COD-05 */
	s->cod_default_fee = rate(4, 100);		/* COD-F1 */
	s->cod_refusals_to_suspend = 3;			/* COD-F2 */
	s->cod_suspension_months = 3;			/* COD-F2 */
	s->rem_b2c_max_usd = usd(500000);		/* REM-01 */

	facts_default_cod_regions(f);
	facts_default_institutions(f);
}

/*
 * Replace the COD regions by the demo ones (COD-03: Southeast Asia,
 * Middle East, some European countries, domestic bonded warehouses), no
 * regional maximum, the settings' default fee (COD-F1).
 */
void
facts_default_cod_regions(struct facts *f)
{
	static const char *const regions[] = { "SEA", "ME", "EU", "BONDED" };
	struct cod_region *r;
	size_t		 i;

	facts_clear_cod_regions(f);
	for (i = 0; i < sizeof(regions) / sizeof(regions[0]); i++) {
		r = facts_add_cod_region(f);
		snprintf(r->id, sizeof(r->id), "%s", regions[i]);
		r->has_max = 0;
		r->max_usd = usd(0);
		r->fee = f->settings.cod_default_fee;
	}
}

/*
 * Replace the institutions by one demo institution per method, built
 * from the current settings (facts_institution_defaults).
 */
void
facts_default_institutions(struct facts *f)
{
	static const struct {
		enum inst_method m;
		const char	*id;
	} insts[] = {
		{ INST_CARD, "demo-bank" },
		{ INST_PARTNER, "demo-partner" },
		{ INST_CORPORATE, "demo-corporate" },
		{ INST_CREDIT_LINE, "platform-credit" },
	};
	size_t		 i;

	facts_clear_institutions(f);
	for (i = 0; i < sizeof(insts) / sizeof(insts[0]); i++)
		facts_institution_defaults(f, facts_add_institution(f),
		    insts[i].m, insts[i].id);
}

/*
 * Free every heap array of f and zero it; NULL is fine.
 */
void
facts_cleanup(struct facts *f)
{
	if (f == NULL)
		return;
	free(f->buyer.cod.refusals);
	free(f->order.items);
	free(f->settings.cod_regions);
	free(f->settings.high_risk_countries);
	free(f->settings.remittance_limits);
	free(f->settings.institutions);
	memset(f, 0, sizeof(*f));
}

/*
 * Drop every institution of f.
 */
void
facts_clear_institutions(struct facts *f)
{
	free(f->settings.institutions);
	f->settings.institutions = NULL;
	f->settings.ninstitutions = 0;
}

/*
 * Drop every COD region of f.
 */
void
facts_clear_cod_regions(struct facts *f)
{
	free(f->settings.cod_regions);
	f->settings.cod_regions = NULL;
	f->settings.ncod_regions = 0;
}

/*
 * Grow array arr (n elements) by one zeroed element and yield a pointer
 * to it. Aborts on out-of-memory (xrealloc). Growth is one element at a
 * time: the lists are short (a handful of items, regions, institutions).
 */
#define GROW(arr, n) \
	((arr) = xrealloc((arr), ((n) + 1) * sizeof(*(arr))), \
	 memset(&(arr)[(n)], 0, sizeof(*(arr))), &(arr)[(n)++])

/* Append a zeroed item to the order; see facts.h. */
struct item_facts *
facts_add_item(struct facts *f)
{
	return GROW(f->order.items, f->order.nitems);
}

/* Append a zeroed COD region; see facts.h. */
struct cod_region *
facts_add_cod_region(struct facts *f)
{
	return GROW(f->settings.cod_regions, f->settings.ncod_regions);
}

/* Append a zeroed country postal limit; see facts.h. */
struct country_limit *
facts_add_remittance_limit(struct facts *f)
{
	return GROW(f->settings.remittance_limits,
	    f->settings.nremittance_limits);
}

/* Append a zeroed institution; see facts.h. */
struct institution *
facts_add_institution(struct facts *f)
{
	return GROW(f->settings.institutions, f->settings.ninstitutions);
}

/* Append a high-risk country code (truncated to fit); see facts.h. */
void
facts_add_high_risk_country(struct facts *f, const char *cc)
{
	char	*p;

	p = *GROW(f->settings.high_risk_countries,
	    f->settings.nhigh_risk_countries);
	snprintf(p, FACTS_ID_MAX, "%s", cc);
}

/* Append an unreasonable refusal date; see facts.h. */
void
facts_add_refusal(struct facts *f, mp_date d)
{
	mp_date	*p;

	p = GROW(f->buyer.cod.refusals, f->buyer.cod.nrefusals);
	*p = d;
}

/*
 * The COD region named region (exact match), or NULL.
 */
const struct cod_region *
facts_cod_region(const struct facts *f, const char *region)
{
	size_t	 i;

	for (i = 0; i < f->settings.ncod_regions; i++)
		if (strcmp(f->settings.cod_regions[i].id, region) == 0)
			return &f->settings.cod_regions[i];
	return NULL;
}

/*
 * The postal limit of country (case-insensitive), or NULL.
 */
const struct country_limit *
facts_remittance_limit(const struct facts *f, const char *country)
{
	size_t	 i;

	for (i = 0; i < f->settings.nremittance_limits; i++)
		if (strcasecmp(f->settings.remittance_limits[i].country,
		    country) == 0)
			return &f->settings.remittance_limits[i];
	return NULL;
}

/*
 * 1 if country (case-insensitive) is flagged high-risk (INST-08), else 0.
 */
int
facts_is_high_risk(const struct facts *f, const char *country)
{
	size_t	 i;

	for (i = 0; i < f->settings.nhigh_risk_countries; i++)
		if (strcasecmp(f->settings.high_risk_countries[i],
		    country) == 0)
			return 1;
	return 0;
}

/*
 * Count the items matching pred and list their distinct categories in
 * cats ("food, consumables"); see facts.h. cats may be NULL when catsz is
 * 0.
 */
size_t
facts_items_where(const struct facts *f,
    int (*pred)(const struct item_facts *), char *cats, size_t catsz)
{
	const struct item_facts *it;
	const char	*p, *q;
	size_t		 i, j, n = 0, len = 0, need;
	int		 seen, full = 0;

	if (catsz > 0)
		cats[0] = '\0';
	for (i = 0; i < f->order.nitems; i++) {
		it = &f->order.items[i];
		if (!pred(it))
			continue;
		n++;
		if (catsz == 0 || full)
			continue;
		/* Name each category once: look it up among those already
		 * listed (bounded by catsz, so many items stay linear). */
		seen = 0;
		for (p = cats; p != NULL && *p != '\0'; p = q ? q + 2 : NULL) {
			q = strstr(p, ", ");
			j = q ? (size_t)(q - p) : strlen(p);
			if (j == strlen(it->category) &&
			    strncmp(p, it->category, j) == 0) {
				seen = 1;
				break;
			}
		}
		if (seen)
			continue;
		need = strlen(it->category) + (len ? 2 : 0);
		if (len + need + 4 >= catsz) {
			/* Leave room for the ellipsis. */
			if (len + 4 < catsz) {
				memcpy(cats + len, "...", 4);
				len += 3;
			}
			full = 1;
			continue;
		}
		len += snprintf(cats + len, catsz - len, "%s%s",
		    len ? ", " : "", it->category);
	}
	return n;
}

/* See facts.h. */
int
facts_item_high_value(const struct item_facts *it)
{
	return it->high_value;
}

/* See facts.h. */
int
facts_item_not_durable(const struct item_facts *it)
{
	return !it->durable;
}

/* See facts.h. */
int
facts_item_pre_order(const struct item_facts *it)
{
	return it->pre_order;
}

/* See facts.h. */
int
facts_item_customized(const struct item_facts *it)
{
	return it->customized;
}

/* See facts.h. */
int
facts_item_special_customs(const struct item_facts *it)
{
	return it->special_customs;
}

/* The sentence of n items of kind k (its figures: n, then the categories
 * cats) into out, in the thread's language. */
static void
items_sentence(enum item_kind k, size_t n, const char *cats, char *out,
    size_t outsz)
{
	unsigned long	u = (unsigned long)n;

	switch (k) {
	case ITEMS_HIGH_VALUE:
		snprintf(out, outsz, ngettext("%zu item is high-value (%s)",
		    "%zu items are high-value (%s)", u), n, cats);
		break;
	case ITEMS_NOT_DURABLE:
		snprintf(out, outsz, ngettext("%zu item is not in a durable "
		    "category (%s)", "%zu items are not in a durable category "
		    "(%s)", u), n, cats);
		break;
	case ITEMS_PRE_ORDER:
		snprintf(out, outsz, ngettext("%zu item is pre-ordered (%s)",
		    "%zu items are pre-ordered (%s)", u), n, cats);
		break;
	case ITEMS_CUSTOMIZED:
		snprintf(out, outsz, ngettext("%zu item is customized (%s)",
		    "%zu items are customized (%s)", u), n, cats);
		break;
	default:
		snprintf(out, outsz, ngettext("%zu item is subject to special "
		    "customs clearance (%s)", "%zu items are subject to "
		    "special customs clearance (%s)", u), n, cats);
		break;
	}
}

/* The predicate of items of kind k. */
static int (*items_pred(enum item_kind k))(const struct item_facts *)
{
	switch (k) {
	case ITEMS_HIGH_VALUE:
		return facts_item_high_value;
	case ITEMS_NOT_DURABLE:
		return facts_item_not_durable;
	case ITEMS_PRE_ORDER:
		return facts_item_pre_order;
	case ITEMS_CUSTOMIZED:
		return facts_item_customized;
	default:
		return facts_item_special_customs;
	}
}

/* See facts.h. */
void
facts_fail_items(const struct facts *f, struct verdict *v, const char *rule,
    enum item_kind k)
{
	char	 cats[128], msg[VERDICT_MSG_MAX];
	size_t	 n;

	if ((n = facts_items_where(f, items_pred(k), cats, sizeof(cats))) > 0) {
		items_sentence(k, n, cats, msg, sizeof(msg));
		verdict_fail_items(v, rule, n, "%s", msg);
	}
}

/* See facts.h. */
void
facts_fail_special_items(const struct facts *f, struct verdict *v,
    const char *rule)
{
	facts_fail_items(f, v, rule, ITEMS_PRE_ORDER);
	facts_fail_items(f, v, rule, ITEMS_CUSTOMIZED);
	facts_fail_items(f, v, rule, ITEMS_SPECIAL_CUSTOMS);
}

/* See facts.h. */
const char *
inst_term_refusal(enum inst_method m, int term)
{
	switch (m) {
	case INST_CARD:
		if (term == 3 || term == 6 || term == 12 || term == 24)
			return NULL;
		return NA_("INST-CC: a card bank's terms are 3, 6, 12 or 24 "
		    "months");
	case INST_PARTNER:
		if (term >= 3 && term <= 12)
			return NULL;
		return NA_("INST-PC: a finance partner's terms are 3 to 12 "
		    "months");
	case INST_CORPORATE:
		if (term >= 3 && term <= 6)
			return NULL;
		return NA_("INST-CORP: corporate terms are 3 to 6 months");
	default:
		if (term >= 1 && term <= 36)
			return NULL;
		return NA_("INST-CL: credit line terms are 1 to 36 months");
	}
}

/* 1 if lo <= r <= hi (exact: cross multiplication in 128 bits). */
static int
rate_within(const struct money_rate *r, const struct money_rate *lo,
    const struct money_rate *hi)
{
	return (__int128)r->num * lo->den >= (__int128)lo->num * r->den &&
	    (__int128)r->num * hi->den <= (__int128)hi->num * r->den;
}

/* See facts.h. */
int
inst_rate_bounds(enum inst_method m, struct money_rate *lo,
    struct money_rate *hi)
{
	switch (m) {
	case INST_CARD:
		*lo = (struct money_rate){ 5, 1000 };
		*hi = (struct money_rate){ 15, 1000 };
		return 1;
	case INST_PARTNER:
		*lo = (struct money_rate){ 6, 1000 };
		*hi = (struct money_rate){ 18, 1000 };
		return 1;
	default:
		return 0;
	}
}

/* See facts.h. */
const char *
inst_rate_refusal(enum inst_method m, const struct money_rate *r)
{
	struct money_rate lo, hi;

	if (!inst_rate_bounds(m, &lo, &hi) || rate_within(r, &lo, &hi))
		return NULL;
	if (m == INST_CARD)
		return "INST-CC: a card bank's monthly rate is 0.5% to 1.5%";
	return "INST-PC: a finance partner's monthly rate is 0.6% to 1.8%";
}
