/*
 * The verdicts of `mallpayctl eligibility` as JSON (RULES C-06); see
 * eligibility.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/money.h"
#include "ctl/eligibility.h"
#include "rules/cod.h"
#include "rules/facts.h"
#include "rules/verdict.h"

/*
 * A JSON string of money m's plain decimal ("420.00").
 */
static json_t *
jmoney(const struct money *m)
{
	char	 s[MONEY_STR_MAX];

	return json_string(money_str(m, s, sizeof(s)));
}

/*
 * A JSON string of date d.
 */
static json_t *
jdate(mp_date d)
{
	char	 s[CAL_DATE_STRLEN];

	return json_string(mp_date_str(d, s, sizeof(s)));
}

/*
 * The institution of f with id, or NULL.
 */
static const struct institution *
find_inst(const struct facts *f, const char *id)
{
	size_t	 i;

	for (i = 0; i < f->settings.ninstitutions; i++)
		if (strcmp(f->settings.institutions[i].id, id) == 0)
			return &f->settings.institutions[i];
	return NULL;
}

/*
 * One reason of a verdict as a JSON object (new reference): its rule,
 * message and figures.
 */
static json_t *
render_reason(const struct reason *r)
{
	json_t	*ro = json_object();

	json_object_set_new(ro, "rule", json_string(r->rule));
	json_object_set_new(ro, "message", json_string(r->message));
	switch (r->fig) {
	case FIG_MONEY:
		json_object_set_new(ro, "amount", jmoney(&r->amount));
		json_object_set_new(ro, "limit", jmoney(&r->limit));
		json_object_set_new(ro, "currency", json_string(r->amount.cur));
		break;
	case FIG_COUNT:
		json_object_set_new(ro, "value", json_integer(r->value));
		json_object_set_new(ro, "limit", json_integer(r->limit_count));
		break;
	case FIG_DATE:
		json_object_set_new(ro, "date", jdate(r->date));
		break;
	case FIG_ITEMS:
		json_object_set_new(ro, "items", json_integer(r->value));
		break;
	default:
		break;
	}
	return ro;
}

/*
 * The figures of verdict v of order f set on o: amounts, limits, the COD
 * fee, the suspension, the terms, and institution inst's rate and fee
 * mode (inst NULL: none).
 */
static void
render_figures(json_t *o, const struct facts *f, const struct verdict *v,
    const struct institution *inst)
{
	json_t	*terms;
	char	 rate[64];
	size_t	 i;

	if (v->has_amount) {
		json_object_set_new(o, "amount", jmoney(&v->amount));
		json_object_set_new(o, "currency", json_string(v->amount.cur));
		json_object_set_new(o, "amount_usd", jmoney(&v->amount_usd));
	}
	if (v->has_limit)
		json_object_set_new(o, v->method <= PM_INSTALLMENT_CORPORATE ?
		    "min_usd" : "limit_usd", jmoney(&v->limit_usd));
	if (v->has_available)
		json_object_set_new(o, "available_usd",
		    jmoney(&v->available_usd));
	if (v->has_fee) {
		json_object_set_new(o, "cod_fee", jmoney(&v->fee));
		json_object_set_new(o, "cod_fee_percent", json_string(
		    money_rate_percent_str(cod_fee_rate(f), rate,
		    sizeof(rate))));
	}
	if (v->has_until)
		json_object_set_new(o, "suspended_until", jdate(v->until));
	if (v->nterms > 0) {
		terms = json_array();
		for (i = 0; i < v->nterms; i++)
			json_array_append_new(terms,
			    json_integer(v->terms[i]));
		json_object_set_new(o, "terms", terms);
	}
	if (inst != NULL && v->method <= PM_INSTALLMENT_CORPORATE) {
		json_object_set_new(o, "monthly_rate", json_string(
		    money_rate_percent_str(&inst->monthly_rate, rate,
		    sizeof(rate))));
		json_object_set_new(o, "fee_mode", json_string(
		    inst->fee_mode == FEE_UPFRONT ? "upfront" : "spread"));
		json_object_set_new(o, "waives_future_fees",
		    json_boolean(inst->waives_future_fees));
	}
}

/*
 * One verdict as a JSON object (new reference).
 */
static json_t *
render_verdict(const struct facts *f, const struct verdict *v)
{
	const struct institution *inst = NULL;
	json_t		*o, *rs;
	size_t		 i;

	o = json_object();
	json_object_set_new(o, "method",
	    json_string(pay_method_name(v->method)));
	if (v->institution[0] != '\0') {
		json_object_set_new(o, "institution",
		    json_string(v->institution));
		inst = find_inst(f, v->institution);
	}
	json_object_set_new(o, "eligible", json_boolean(v->eligible));
	rs = json_array();
	for (i = 0; i < v->nreasons; i++)
		json_array_append_new(rs, render_reason(&v->reasons[i]));
	json_object_set_new(o, "reasons", rs);
	if (v->truncated)
		json_object_set_new(o, "reasons_truncated", json_true());
	render_figures(o, f, v, inst);
	return o;
}

/*
 * {"methods":[...]} for l, appended to b; see eligibility.h.
 */
void
eligibility_render(const struct facts *f, const struct verdict_list *l,
    struct buf *b)
{
	json_t	*root, *ms;
	char	*s;
	size_t	 i;

	root = json_object();
	ms = json_array();
	for (i = 0; i < l->n; i++)
		json_array_append_new(ms, render_verdict(f, &l->v[i]));
	json_object_set_new(root, "methods", ms);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (s == NULL) {
		/* jansson only fails here when memory runs out. */
		fprintf(stderr, "mallpay: out of memory rendering JSON\n");
		abort();
	}
	buf_puts(b, s);
	buf_putc(b, '\n');
	free(s);
	json_decref(root);
}