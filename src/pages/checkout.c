/*
 * Checkout: GET /checkout (the quote: destination, coupon, points, the
 * amount to pay, every method with its verdict, installment comparison
 * and the chosen plan's disclosure) and POST /checkout/place.
 *
 * Everything works without JavaScript: the options form is a GET that
 * recomputes the quote (C-03), the methods form POSTs to /checkout/place
 * with a fresh random idempotency key per rendered page. An installment
 * choice posted without disclosed=<that same plan> shows that plan's full disclosure
 * first (RULES "The plan, before the shopper confirms, shows ..."), so
 * nothing is committed before the shopper has seen it.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/said.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "http/ctx.h"
#include "http/form.h"
#include "pages/address_view.h"
#include "pages/checkout_view.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/checkout.h"
#include "service/order_page.h"
#include "view/fmt.h"
#include "view/view.h"

const struct field_spec page_checkout_fields[] = {
	{ "country", FIELD_TOKEN, 0, 2, 0, 0 },
	{ "coupon", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "points", FIELD_INT, 0, 10, 0, 1000000000 },
	{ "pay", FIELD_TEXT, 0, 120, 0, 0 },
	{ "shipping", FIELD_TOKEN, 0, 16, 0, 0 },	/* REM-03 */
	{ "address", FIELD_ID, 0, 0, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_checkout_place_fields[] = {
	{ "country", FIELD_TOKEN, 0, 2, 0, 0 },
	{ "coupon", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "points", FIELD_INT, 0, 10, 0, 1000000000 },
	{ "pay", FIELD_TEXT, 0, 120, 0, 0 },
	{ "shipping", FIELD_TOKEN, 0, 16, 0, 0 },	/* REM-03 */
	{ "key", FIELD_TOKEN, 1, 64, 0, 0 },
	{ "disclosed", FIELD_TEXT, 0, 120, 0, 0 },
	{ "address", FIELD_ID, 0, 0, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* See checkout_view.h. */
const char *
checkout_method_title(enum pay_method m)
{
	switch (m) {
	case PM_INSTALLMENT_CARD:
		return N_("Credit card installment");
	case PM_INSTALLMENT_PARTNER:
		return N_("Platform-cooperative installment (no card needed)");
	case PM_INSTALLMENT_CORPORATE:
		return N_("Corporate public installment");
	case PM_CREDIT_LINE:
		return N_("Platform credit line");
	case PM_COD:
		return N_("Cash on delivery");
	case PM_REMITTANCE:
		return N_("Post office remittance");
	case PM_PAY_AFTER_USE:
		return N_("Pay After Use");
	default:
		return "?";
	}
}

/* The delivery address of the form into *in: its id, and whether a
 * country field was sent at all (an empty one means "no destination";
 * none at all means "the address decides", service/address.h). */
static void
read_address(struct ctx *c, struct checkout_input *in)
{
	in->address_id = ctx_int(c, "address", 0);
	in->country_named = paramlist_count(&c->req->query, "country") +
	    paramlist_count(&c->req->form, "country") > 0;
}

/* The name of country code in q's country list (the code if unknown). */
static const char *
country_name(const struct checkout_quote *q, const char *code)
{
	size_t i;

	for (i = 0; i < q->live.ncountries; i++)
		if (strcmp(q->live.countries[i].code, code) == 0)
			return q->live.countries[i].name;
	return code;
}

/* See checkout_view.h. */
const char *
checkout_address_problem(const struct checkout_quote *q, char *buf,
    size_t bufsz)
{
	return address_pick_problem(&q->addr, q->live.country != NULL ?
	    q->live.country->name : NULL, buf, bufsz);
}

/* The chosen delivery address of q, if any, into section SHIP_TO of d. */
static void
fill_ship_to(struct view_dict *d, const struct checkout_quote *q)
{
	const struct address_pick *p = &q->addr;

	if (p->has)
		page_address(view_add(d, "SHIP_TO"), &p->chosen,
		    country_name(q, p->chosen.country));
}

/* The address choice of q into d: the buyer's addresses (the chosen one
 * checked), the chosen one in full, or why there is none. */
static void
fill_address(struct view_dict *d, const struct checkout_quote *q)
{
	const struct address_pick	*p = &q->addr;
	const struct db_address		*a;
	struct view_dict		*s;
	char				 msg[400];
	size_t				 i;

	for (i = 0; i < p->n; i++) {
		a = &p->rows[i];
		s = view_add(d, "ADDR");
		view_set_int(s, "ID", (long long)a->id);
		page_address(s, a, country_name(q, a->country));
		if (a->is_default)
			view_show(s, "DEFAULT");
		if (p->has && p->chosen.id == a->id)
			view_show(s, "CHECKED");
	}
	/* The button only when there is another address to choose. */
	if (p->n > 1 || (p->n > 0 && !p->has))
		view_show(d, "HAS_ADDRS");
	if (p->has) {
		view_set_int(d, "ADDRESS_ID", (long long)p->chosen.id);
		return;
	}
	view_set(view_add(d, "ADDRESS_ERR"), "MSG", checkout_address_problem(q,
	    msg, sizeof(msg)));
}

/* See checkout_view.h. */
void
checkout_read_input(struct ctx *c, struct checkout_input *in)
{
	const char *s;

	memset(in, 0, sizeof(*in));
	if ((s = ctx_str(c, "country")) != NULL)
		snprintf(in->country, sizeof(in->country), "%s", s);
	if ((s = ctx_str(c, "coupon")) != NULL)
		snprintf(in->coupon, sizeof(in->coupon), "%s", s);
	in->points = ctx_int(c, "points", 0);
	/* remittance: expedited shipping makes the order urgent
	 * (REM-03). */
	if ((s = ctx_str(c, "shipping")) != NULL &&
	    strcmp(s, "expedited") == 0)
		in->expedited = 1;
	read_address(c, in);
}

/* Split "method:inst:term" (or "method") into *ch. 0 or -1. */
static int
parse_pay(const char *pay, struct checkout_choice *ch)
{
	const char	*a, *b;
	char		*end;
	long		 t;

	if (pay == NULL)
		return -1;
	a = strchr(pay, ':');
	if (a == NULL) {
		if (strlen(pay) >= sizeof(ch->method))
			return -1;
		snprintf(ch->method, sizeof(ch->method), "%s", pay);
		return 0;
	}
	if ((size_t)(a - pay) >= sizeof(ch->method))
		return -1;
	snprintf(ch->method, sizeof(ch->method), "%.*s", (int)(a - pay), pay);
	b = strchr(a + 1, ':');
	if (b == NULL || (size_t)(b - a - 1) >= sizeof(ch->inst))
		return -1;
	snprintf(ch->inst, sizeof(ch->inst), "%.*s", (int)(b - a - 1), a + 1);
	t = strtol(b + 1, &end, 10);
	if (end == b + 1 || *end != '\0' || t < 1 || t > PLAN_MAX_MONTHS)
		return -1;
	ch->term = (int)t;
	return 0;
}

/* Write a money amount into d as name. */
static void
set_money(struct view_dict *d, const char *name, const struct money *m)
{
	page_set_money(d, name, m->minor, m->cur);
}

/* Write a date into d as name. */
static void
set_date(struct view_dict *d, const char *name, mp_date day)
{
	char b[64];

	view_set(d, name, fmt_date(day, b, sizeof(b)));
}

/* The reasons of v into section REASONS of d. */
static void
add_reasons(struct view_dict *d, const struct verdict *v)
{
	struct view_dict	*r;
	size_t			 i;

	char			 f[2 * VERDICT_MSG_MAX];

	for (i = 0; i < v->nreasons; i++) {
		r = view_add(d, "REASON");
		view_set(r, "RULE", v->reasons[i].rule);
		view_set(r, "TEXT", fmt_figures(v->reasons[i].message, f,
		    sizeof(f)));
	}
}

/* The total cost of offer o into name of d: what the buyer pays in all,
 * the down payment (INST-CORP) included. */
static void
set_total_cost(struct view_dict *d, const char *name,
    const struct checkout_offer *o)
{
	struct money t;

	if (checkout_offer_total(o, &t) == -1)
		t = o->plan.total_cost;
	set_money(d, name, &t);
}

/* The full disclosure of offer o into section PLAN of d. */
static void
add_disclosure(struct view_dict *d, const struct checkout_offer *o,
    const struct checkout_quote *q, const char *pay)
{
	struct view_dict	*p, *row;
	char			 b[32], r[32];
	int			 i;

	p = view_add(d, "DISCLOSURE");
	view_set(p, "INST_NAME", o->inst_name);
	view_set(p, "METHOD", _(checkout_method_title(o->method)));
	view_set(p, "PAY", pay);
	view_set_int(p, "TERM", o->term);
	view_set(p, "MONTHLY_RATE", o->monthly_rate);
	set_money(p, "PRINCIPAL", &o->plan.principal);
	set_money(p, "MONTHLY_FEE", &o->plan.monthly_fee);
	set_money(p, "TOTAL_FEE", &o->plan.total_fee);
	set_total_cost(p, "TOTAL_COST", o);
	view_set(p, "APR", order_apr_text(o->apr_bp, b, sizeof(b)));
	if (o->down_payment_pct > 0) {
		row = view_add(p, "DOWN");
		view_set_int(row, "PCT", o->down_payment_pct);
		set_money(row, "AMOUNT", &o->down_payment);
	}
	view_set(p, "TIMING", o->method == PM_INSTALLMENT_CORPORATE ?
	    _("The installments start when the agreement takes effect; the "
	    "dates below assume it does today.") :
	    o->method == PM_CREDIT_LINE ?
	    _("The installments start when you confirm receipt; the dates "
	    "below assume you do today.") :
	    _("The first installment is the down payment you pay when you "
	    "confirm the plan (INST-P1); the dates below assume you do "
	    "today."));
	/* INST-CL has neither a review nor a down payment. */
	view_set(p, "CHARGE_NOTE", o->method == PM_CREDIT_LINE ? _("Placing "
	    "the order reserves the amount on your credit line; nothing is "
	    "charged before you confirm receipt, when your installments "
	    "begin.") : _("Applying submits your application for review; "
	    "nothing is charged until you confirm the installment and pay "
	    "the down payment."));
	view_set(p, "FEE_MODE", o->plan.fee_mode == PLAN_FEE_UPFRONT ?
	    _("The whole handling fee is due with the first installment "
	    "(INST-M3).") : _("Each installment carries one month's handling "
	    "fee (INST-M3)."));
	snprintf(r, sizeof(r), "%s", o->late_fee_rate);
	view_set(p, "LATE_FEE", r);
	view_set(p, "EARLY", o->waives_future_fees ?
	    _("You may repay the remaining principal at any time; the fees of "
	    "months not yet begun are waived (INST-F3).") :
	    _("You may repay the remaining principal at any time; the fees of "
	    "every month remain due (INST-F3: this institution does not waive "
	    "future fees)."));
	for (i = 0; i < o->plan.n; i++) {
		row = view_add(p, "INSTALLMENT");
		view_set_int(row, "SEQ", o->plan.inst[i].seq);
		set_date(row, "DUE", o->plan.inst[i].due);
		set_money(row, "PRINCIPAL", &o->plan.inst[i].principal);
		set_money(row, "FEE", &o->plan.inst[i].fee);
		set_money(row, "TOTAL", &o->plan.inst[i].total);
	}
	(void)q;
}

/* The order lines of q and its totals into d: each LINE, the items'
 * total, the coupon and points lines or their errors, the amount (and in
 * USD when another currency), the settlement note and the currency. */
static void
fill_totals(struct view_dict *d, const struct checkout_quote *q)
{
	const struct facts_live	*l = &q->live;
	struct view_dict	*s;
	size_t			 i;
	char			 f[512], note[256];

	for (i = 0; i < l->nlines; i++) {
		s = view_add(d, "LINE");
		view_set(s, "NAME", l->lines[i].name);
		view_set_int(s, "QTY", l->lines[i].qty);
		set_money(s, "TOTAL", &l->line_totals[i]);
		if (l->lines[i].pay_after_use)
			view_show(s, "PAU");
	}
	set_money(d, "ITEMS_TOTAL", &l->items_total);
	if (l->coupon.minor > 0 || l->points_amount.minor > 0)
		view_show(d, "DISCOUNTED");
	if (l->coupon.minor > 0) {
		s = view_add(d, "COUPON_LINE");
		view_set(s, "CODE", l->coupon_code);
		set_money(s, "AMOUNT", &l->coupon);
	}
	if (l->points_amount.minor > 0) {
		s = view_add(d, "POINTS_LINE");
		view_set_int(s, "USED", (long long)l->points_used);
		set_money(s, "AMOUNT", &l->points_amount);
	}
	if (q->amount_ok) {
		set_money(d, "AMOUNT", &q->amount.amount);
		set_money(d, "AMOUNT_USD", &q->amount.amount_usd);
		if (strcmp(q->amount.amount.cur, "USD") != 0)
			view_show(d, "SHOW_USD");
	}
	said_text(l->settlement_note, NULL, NULL, note, sizeof(note));
	view_set(d, "SETTLEMENT", fmt_figures(note, f, sizeof(f)));
	view_set(d, "CURRENCY", l->currency);
}

/* See checkout_view.h. */
void
checkout_fill_summary(struct view_dict *d, const struct checkout_quote *q)
{
	checkout_fill_dest_facts(d, q);
	fill_ship_to(d, q);
	fill_totals(d, q);
}

/* The figures of offer o into row: term, monthly and first amounts,
 * rate, fees, total cost, APR and the corporate down payment (CORP_CELLS,
 * with CORP shown in t). */
static void
set_offer(struct view_dict *t, struct view_dict *row,
    const struct checkout_offer *o)
{
	char	 b[64];

	view_set_int(row, "TERM", o->term);
	/* The regular monthly amount: the last installment (the first may
	 * carry the remainder cents or the upfront fee). */
	set_money(row, "MONTHLY", &o->plan.inst[o->plan.n - 1].total);
	set_money(row, "FIRST", &o->plan.inst[0].total);
	view_set(row, "RATE", o->monthly_rate);
	set_money(row, "TOTAL_FEE", &o->plan.total_fee);
	set_total_cost(row, "TOTAL_COST", o);
	if (o->down_payment_pct > 0) {
		struct view_dict *cc = view_add(row, "CORP_CELLS");

		view_show(t, "CORP");
		set_money(cc, "DOWN", &o->down_payment);
		view_set_int(cc, "PCT", o->down_payment_pct);
		set_money(cc, "FINANCED", &o->plan.principal);
	}
	view_set(row, "APR", order_apr_text(o->apr_bp, b, sizeof(b)));
}

/* The plans q offers for the installment or credit-line method of verdict
 * v into its METHOD section m (section PLANS: the recommended plan, the
 * lowest total cost, in BEST; one TERM radio and one PLAN row of the folded
 * comparison each), the one whose value is chosen checked with its
 * disclosure in d when disclose, and the credit still available. */
static void
fill_plans(struct view_dict *d, struct view_dict *m, const struct verdict *v,
    const struct checkout_quote *q, const char *chosen, int disclose)
{
	const struct checkout_offer *o, *best;
	struct view_dict	*t, *row, *s;
	char			 val[128];
	size_t			 j;
	int			 n = 0;

	t = view_add(m, "PLANS");
	best = checkout_best_offer(q, v->method, v->institution);
	if (best != NULL)
		set_offer(t, view_add(t, "BEST"), best);
	for (j = 0; j < q->noffers; j++) {
		o = &q->offers[j];
		if (o->method != v->method ||
		    strcmp(o->inst, v->institution) != 0)
			continue;
		n++;
		row = view_add(t, "PLAN");
		s = view_add(t, "TERM_PICK");
		snprintf(val, sizeof(val), "%s:%s:%d",
		    pay_method_name(o->method), o->inst, o->term);
		view_set(row, "VALUE", val);
		view_set(s, "VALUE", val);
		view_set_int(s, "TERM", o->term);
		set_offer(t, row, o);
		if (o == best) {
			view_show(row, "IS_BEST");
			view_show(s, "IS_BEST");
		}
		if (chosen != NULL && strcmp(chosen, val) == 0) {
			view_show(s, "CHECKED");
			if (disclose)
				add_disclosure(d, o, q, val);
		}
	}
	view_set_int(t, "COUNT", n);
	if (v->has_available) {
		s = view_add(m, "AVAILABLE");
		set_money(s, "AMOUNT", &v->available_usd);
	}
}

/* A method without plans of verdict v into its METHOD section m (section
 * SIMPLE, checked when it is chosen), with the COD fee line (COD-F1), the
 * remittance's amount, due day and code form, or the Pay After Use note. */
static void
fill_simple(struct view_dict *m, const struct verdict *v,
    const struct checkout_quote *q, const char *chosen)
{
	const struct facts_live	*l = &q->live;
	struct view_dict	*s, *t;
	char			 rf[ORDER_RF_PRINT_MAX], win[128];
	struct money		 total;

	s = view_add(m, "SIMPLE");
	view_set(s, "VALUE", pay_method_name(v->method));
	if (chosen != NULL && strcmp(chosen,
	    pay_method_name(v->method)) == 0)
		view_show(s, "CHECKED");
	if (v->method == PM_COD && q->has_cod_fee) {
		/* COD-F1: the fee as its own line. */
		t = view_add(m, "COD_FEE");
		set_money(t, "FEE", &q->cod_fee);
		money_add(&q->amount.amount, &q->cod_fee, &total);
		set_money(t, "TOTAL", &total);
		set_date(t, "REVIEW_DUE", q->dates.cod_review_due);
	}
	if (v->method == PM_REMITTANCE) {
		t = view_add(m, "REMIT");
		set_money(t, "AMOUNT", &q->amount.amount);
		set_date(t, "DUE", q->dates.remittance_due);
		/* The order's own code is made when it is placed; this shows
		 * its form. */
		if (order_rf_example(rf, sizeof(rf)) == 0)
			view_set(t, "RF_EXAMPLE", rf);
		view_set(t, "WINDOW", rem_window_text(l->region != NULL &&
		    l->region->domestic, win, sizeof(win)));
	}
	if (v->method == PM_PAY_AFTER_USE)
		view_show(m, "PAU_NOTE");
}

/* See checkout_view.h. A company is not offered the consumer-only methods
 * it can never use (INST-CL, PAU: their verdicts refuse it all the same). */
void
checkout_fill_methods(struct view_dict *d, struct view_dict *list,
    const struct checkout_quote *q, const char *chosen, int disclose)
{
	const struct facts_live	*l = &q->live;
	const struct verdict	*v;
	struct view_dict	*m;
	size_t			 i, j;

	for (i = 0; i < q->verdicts.n; i++) {
		v = &q->verdicts.v[i];
		if (l->f.buyer.type == BUYER_COMPANY &&
		    (v->method == PM_CREDIT_LINE ||
		    v->method == PM_PAY_AFTER_USE))
			continue;
		m = view_add(list, "METHOD");
		view_set(m, "TITLE", _(checkout_method_title(v->method)));
		view_set(m, "CODE", pay_method_name(v->method));
		view_set(m, "INST", v->institution);
		if (v->institution[0] != '\0')
			view_show(m, "HAS_INST");
		for (j = 0; j < l->ninsts; j++)
			if (strcmp(l->insts[j].id, v->institution) == 0)
				view_set(m, "INST_NAME", l->insts[j].name);
		if (!v->eligible)
			add_reasons(view_add(m, "UNAVAILABLE"), v);
		else if (v->method == PM_INSTALLMENT_CARD ||
		    v->method == PM_INSTALLMENT_PARTNER ||
		    v->method == PM_INSTALLMENT_CORPORATE ||
		    v->method == PM_CREDIT_LINE)
			fill_plans(d, m, v, q, chosen, disclose);
		else
			fill_simple(m, v, q, chosen);
	}
}

/* Fill d with the quote q and the options in. chosen: the "pay" value
 * to pre-select (may be NULL); disclose: show the chosen plan's
 * disclosure. */
static void
fill_quote(struct ctx *c, struct view_dict *d, const struct checkout_quote *q,
    const struct checkout_input *in, const char *chosen, int disclose)
{
	const struct facts_live	*l = &q->live;
	unsigned char		 rnd[16];
	char			 key[33], f[512];

	(void)c;
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(key, sizeof(key), rnd, sizeof(rnd));
	view_set(d, "KEY", key);
	view_set(d, "COUNTRY", q->addr.country);
	fill_address(d, q);
	view_set(d, "COUPON", in->coupon);
	view_set_int(d, "POINTS", (long long)in->points);
	view_set(d, "SHIPPING", in->expedited ? "expedited" : "standard");
	if (in->expedited)
		view_show(d, "EXPEDITED_ON");
	view_set_int(d, "POINTS_BALANCE", (long long)l->buyer.points);
	checkout_fill_destination(d, q);
	if (l->coupon_msg[0] != '\0')
		view_set(view_add(d, "COUPON_ERR"), "MSG",
		    fmt_figures(l->coupon_msg, f, sizeof(f)));
	if (l->points_msg[0] != '\0')
		view_set(view_add(d, "POINTS_ERR"), "MSG", l->points_msg);
	checkout_fill_summary(view_include(d, "SUMMARY",
	    "checkout_summary.tpl"), q);
	checkout_fill_methods(d, view_include(d, "METHODS",
	    "checkout_methods.tpl"), q, chosen, disclose);
}

/* Render the checkout page for the quote (status code status). */
static int
render_checkout(struct ctx *c, int status, const struct checkout_quote *q,
    const struct checkout_input *in, const char *chosen, int disclose,
    const char *error)
{
	struct view_dict	*d = view_dict_new();

	if (q->empty)
		view_show(d, "EMPTY");
	else {
		view_show(d, "CART");
		fill_quote(c, d, q, in, chosen, disclose);
	}
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", _(error));
	view_set(d, "PLACE_LABEL", disclose && chosen != NULL &&
	    strchr(chosen, ':') != NULL ? _("Apply for this plan and place "
	    "the order") : _("Place order"));
	return page_render_free(c, "checkout.tpl", d, "Checkout", status);
}

/* GET /checkout: the quote for the options in the query. */
int
page_checkout(struct ctx *c)
{
	struct checkout_input	 in;
	struct checkout_quote	 q;
	char			 err[256];
	const char		*pay = ctx_str(c, "pay");
	int			 rc;

	checkout_read_input(c, &in);
	if (checkout_quote(c->db, c->user.user_id, &in, c->now, &q, err,
	    sizeof(err)) == -1) {
		log_warn("checkout: %s", err);
		checkout_quote_cleanup(&q);
		return page_error(c, 500, NULL);
	}
	rc = render_checkout(c, 200, &q, &in, pay, pay != NULL, NULL);
	checkout_quote_cleanup(&q);
	return rc;
}

/* The checkout page of input in quoted afresh, with status, the "pay"
 * value chosen (NULL: none), disclose (show its plan's disclosure) and
 * error (NULL: none). Returns the HTTP status answered (500 when the quote
 * failed). */
static int
quote_again(struct ctx *c, const struct checkout_input *in, int status,
    const char *chosen, int disclose, const char *error)
{
	struct checkout_quote	q;
	char			err[256];
	int			rc;

	if (checkout_quote(c->db, c->user.user_id, in, c->now, &q, err,
	    sizeof(err)) == -1) {
		checkout_quote_cleanup(&q);
		return page_error(c, 500, NULL);
	}
	rc = render_checkout(c, status, &q, in, chosen, disclose, error);
	checkout_quote_cleanup(&q);
	return rc;
}

/* POST /checkout/place. */
int
page_checkout_place(struct ctx *c)
{
	struct checkout_input	 in;
	struct checkout_choice	 ch;
	struct checkout_quote	 q;
	enum result		 r;
	enum pay_method		 m;
	const char		*pay = ctx_str(c, "pay");
	char			 next[128], err[256], why[256];
	int64_t			 id;
	int			 rc;

	/* A company member places orders only with the owner's permission. */
	if ((rc = checkout_may_place(c->db, c->user.user_id,
	    c->user.company_id, err, sizeof(err))) != 1)
		return page_error(c, rc == 0 ? 403 : 500, rc == 0 ? err : NULL);
	checkout_read_input(c, &in);
	memset(&ch, 0, sizeof(ch));
	if (ctx_str(c, "key") == NULL)
		return page_error(c, 400, "The form is incomplete; reload the "
		    "checkout page and try again.");
	snprintf(ch.key, sizeof(ch.key), "%s", ctx_str(c, "key"));
	if (pay == NULL || parse_pay(pay, &ch) == -1 ||
	    checkout_method_parse(ch.method, &m) == -1)
		return quote_again(c, &in, page_status(RES_INVALID), NULL, 0,
		    checkout_bad_choice_words());
	/* The plan's disclosure comes before anything is committed. */
	if ((m == PM_INSTALLMENT_CARD || m == PM_INSTALLMENT_PARTNER ||
	    m == PM_INSTALLMENT_CORPORATE || m == PM_CREDIT_LINE) &&
	    (ctx_str(c, "disclosed") == NULL ||
	    strcmp(ctx_str(c, "disclosed"), pay) != 0))
		return quote_again(c, &in, 200, pay, 1, NULL);
	r = checkout_place(c->db, c->user.user_id, c->user.company_id, &in,
	    &ch, c->now, &q, &id, why, sizeof(why));
	switch (r) {
	case RES_OK:
	case RES_DONE:
		checkout_quote_cleanup(&q);
		checkout_next_page(m, id, next, sizeof(next));
		return page_redirect(c, next);
	case RES_NOT_FOUND:
		/* the cart is empty */
		checkout_quote_cleanup(&q);
		return page_redirect(c, "/cart");
	case RES_ERROR:
		checkout_quote_cleanup(&q);
		return page_result(c, r, NULL);
	case RES_FORBIDDEN:
		checkout_quote_cleanup(&q);
		return page_result(c, r, "You may not place orders for your "
		    "company: ask your company's owner to allow it on the "
		    "members page. Nothing was ordered.");
	case RES_KEY_CONFLICT:
		checkout_quote_cleanup(&q);
		return page_result(c, r, "This checkout form was already sent "
		    "with other choices (payment method, destination, coupon "
		    "or points), so it was refused and no second order was "
		    "placed. Your first order stands; open the checkout again "
		    "to place another.");
	default:
		break;
	}
	/* Refused: the fresh quote with its reasons, nothing written. */
	if (q.verdicts.n == 0 && !q.empty) {
		checkout_quote_cleanup(&q);
		if (checkout_quote(c->db, c->user.user_id, &in, c->now, &q,
		    err, sizeof(err)) == -1) {
			checkout_quote_cleanup(&q);
			return page_error(c, 500, NULL);
		}
	}
	rc = render_checkout(c, page_status(r), &q, &in, NULL, 0,
	    why[0] != '\0' ? why : NULL);
	checkout_quote_cleanup(&q);
	return rc;
}
