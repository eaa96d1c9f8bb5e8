/*
 * GET /checkout/quote: the checkout's live recompute. The same options as
 * GET /checkout (country, coupon, points, shipping, address, pay) give the
 * same quote (one checkout_quote() call) filled into the same templates
 * (pages/checkout_view.h), answered as JSON: the figures and verdicts for
 * programs and tests, and the page's summary and methods as HTML for
 * static/checkout.js to put in place without a reload.
 *
 * Answers: 200; 400 {"error", "field"} for a malformed option; 422 for a
 * destination that does not exist or an address that is not the buyer's;
 * 500 when the quote failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/checkout_view.h"
#include "pages/pages.h"
#include "service/checkout.h"
#include "view/fmt.h"
#include "view/view.h"

/* The options checked field by field, in the form's order. */
static const char *const live_fields[] = {
	"country", "coupon", "points", "shipping", "address", "pay", NULL
};

/* m for people as a JSON string. */
static json_t *
json_money(const struct money *m)
{
	char b[MONEY_STR_MAX];

	return json_string(money_display(m, b, sizeof(b)));
}

/* Template tpl expanded with d (then freed) as a JSON string. */
static json_t *
json_render(const char *tpl, struct view_dict *d)
{
	struct buf	 out;
	json_t		*j;

	buf_init(&out);
	j = view_render(tpl, d, &out) == 0 ? json_string(buf_str(&out)) :
	    json_null();
	buf_cleanup(&out);
	view_dict_free(d);
	return j;
}

/* The recommended plan of verdict v in q, or JSON null. */
static json_t *
json_best(const struct checkout_quote *q, const struct verdict *v)
{
	const struct checkout_offer	*o;
	struct money			 t;
	char				 val[128];

	o = checkout_best_offer(q, v->method, v->institution);
	if (o == NULL || checkout_offer_total(o, &t) == -1)
		return json_null();
	snprintf(val, sizeof(val), "%s:%s:%d", pay_method_name(o->method),
	    o->inst, o->term);
	return json_pack("{s:s, s:i, s:o, s:o}", "pay", val, "term", o->term,
	    "monthly", json_money(&o->plan.inst[o->plan.n - 1].total),
	    "total_cost", json_money(&t));
}

/* Every verdict of q: method, institution, eligible, reasons (rule and
 * sentence), the recommended plan and the COD fee. */
static json_t *
json_methods(const struct checkout_quote *q)
{
	const struct verdict	*v;
	json_t			*a = json_array(), *m, *r;
	size_t			 i, k;
	char			 f[2 * VERDICT_MSG_MAX];

	for (i = 0; i < q->verdicts.n; i++) {
		v = &q->verdicts.v[i];
		r = json_array();
		for (k = 0; k < v->nreasons; k++)
			json_array_append_new(r, json_pack("{s:s, s:s}",
			    "rule", v->reasons[k].rule,
			    "text", fmt_figures(v->reasons[k].message, f,
			    sizeof(f))));
		m = json_pack("{s:s, s:s, s:b, s:o, s:o}",
		    "method", pay_method_name(v->method),
		    "institution", v->institution, "eligible", v->eligible,
		    "reasons", r, "recommended", json_best(q, v));
		if (v->method == PM_COD && q->has_cod_fee)
			json_object_set_new(m, "cod_fee", json_money(&q->cod_fee));
		json_array_append_new(a, m);
	}
	return a;
}

/* The answer for quote q of the options in, pay the plan to keep
 * checked (may be NULL). */
static json_t *
json_quote(const struct checkout_quote *q, const struct checkout_input *in,
    const char *pay)
{
	const struct facts_live	*l = &q->live;
	struct view_dict	*d;
	json_t			*j;
	char			 msg[400];
	const char		*p;

	j = json_pack("{s:s, s:I, s:s, s:I, s:b}", "country", q->addr.country,
	    "address", (json_int_t)(q->addr.has ? q->addr.chosen.id : 0),
	    "coupon", in->coupon, "points", (json_int_t)in->points,
	    "amount_ok", q->amount_ok);
	json_object_set_new(j, "items_total", json_money(&l->items_total));
	json_object_set_new(j, "coupon_amount", json_money(&l->coupon));
	json_object_set_new(j, "points_amount", json_money(&l->points_amount));
	if (q->amount_ok) {
		json_object_set_new(j, "amount", json_money(&q->amount.amount));
		json_object_set_new(j, "amount_usd",
		    json_money(&q->amount.amount_usd));
	}
	json_object_set_new(j, "coupon_error", json_string(l->coupon_msg));
	json_object_set_new(j, "points_error", json_string(l->points_msg));
	p = checkout_address_problem(q, msg, sizeof(msg));
	json_object_set_new(j, "address_error", json_string(p ? p : ""));
	json_object_set_new(j, "methods", json_methods(q));
	d = view_dict_new();
	checkout_fill_summary(d, q);
	json_object_set_new(j, "summary_html", json_render(
	    "checkout_summary.tpl", d));
	d = view_dict_new();
	checkout_fill_methods(d, d, q, pay, 0);
	json_object_set_new(j, "methods_html", json_render(
	    "checkout_methods.tpl", d));
	return j;
}

/* Answer j (freed) with status. */
static int
reply(struct ctx *c, int status, json_t *j)
{
	char *s = j != NULL ? json_dumps(j, JSON_COMPACT) : NULL;

	json_decref(j);
	if (s == NULL)
		return partner_reply_error(c, 500, NULL, "internal error");
	partner_reply_json(c, status, s);
	free(s);
	return status;
}

/* GET /checkout/quote. */
int
page_checkout_quote(struct ctx *c)
{
	struct checkout_input	 in;
	struct checkout_quote	 q;
	char			 err[256];
	const char		*e;
	size_t			 i;
	int			 rc;

	for (i = 0; live_fields[i] != NULL; i++)
		if ((e = ctx_field_err(c, live_fields[i])) != NULL)
			return partner_reply_error(c, 400, live_fields[i],
			    _(e));
	checkout_read_input(c, &in);
	if (checkout_quote(c->db, c->user.user_id, &in, c->now, &q, err,
	    sizeof(err)) == -1) {
		log_warn("checkout quote: %s", err);
		checkout_quote_cleanup(&q);
		return partner_reply_error(c, 500, NULL, _("The amount could "
		    "not be computed; please try again."));
	}
	if (q.empty)
		rc = partner_reply_error(c, 409, NULL,
		    _("Your cart is empty."));
	else if (in.country[0] != '\0' && q.live.country == NULL)
		rc = partner_reply_error(c, 422, "country", _("There is no "
		    "such destination country: choose one from the list."));
	else if (q.addr.not_theirs)
		rc = partner_reply_error(c, 422, "address", _("This "
		    "delivery address is not in your address book."));
	else
		rc = reply(c, 200, json_quote(&q, &in, ctx_str(c, "pay")));
	checkout_quote_cleanup(&q);
	return rc;
}
