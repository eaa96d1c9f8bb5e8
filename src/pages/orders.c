/*
 * "My Orders": GET /orders (newest first, 20 a page), GET /orders/:id
 * (items, amounts and fees, the status timeline from the audit events,
 * every promised date, what happens next), POST /orders/:id/cancel and
 * POST /orders/:id/confirm-receipt. Another user's order is 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/said.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/order_status.h"
#include "core/pay_method.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/address_view.h"
#include "pages/admin_queue.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/order_page.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/remittance.h"
#include "view/fmt.h"
#include "view/view.h"

#define ORDERS_PER_PAGE	20

const struct field_spec page_orders_fields[] = {
	{ "page", FIELD_INT, 0, 6, 1, 100000 },
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	/* cod: outcome of the COD forms (pages/cod.c) */
	{ "cod_done", FIELD_TOKEN, 0, 16, 0, 0 },
	/* My Orders' search and filters */
	{ "q", FIELD_TEXT, 0, 100, 0, 0 },
	{ "status", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "method", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* See pages.h. */
void
page_status_label(const char *s, char *out, size_t outsz)
{
	words_status(s, out, outsz);
}

/* The notices of the ?msg= codes. */
static const struct page_notice orders_notices[] = {
	{ "cancelled", N_("The order was cancelled.") },
	{ "received", N_("Thank you: receipt confirmed.") },
	{ NULL, NULL }
};

static void set_amount(struct view_dict *, const char *, int64_t,
	    const char *);

/* The open debt of order id with facts f (in cur) as DEBT of d: its
 * amount and where to pay it (the COD debt's card payment, or the Pay
 * After Use page). */
static void
set_debt(struct view_dict *d, const struct panel_facts *f, int64_t id,
    const char *cur)
{
	struct view_dict *s = view_add(d, "DEBT");

	set_amount(s, "AMOUNT", f->debt, cur);
	view_set_int(s, "ID", (long long)id);
	if (f->charge_kind == OPC_COD_REFUSAL && f->debt_id > 0)
		view_setf(s, "HREF", "/account/cod/debts/%lld/pay",
		    (long long)f->debt_id);
	else
		view_setf(s, "HREF", "/pay-after-use#pau-charge-%lld",
		    (long long)id);
}

/* The amounts of My Orders row r into o as its panels pn decided: the
 * amount to pay now, the COD fee, the part due at receipt, the open debt
 * with its link (facts f). */
static void
set_list_amounts(struct view_dict *o, const struct db_order_row *r,
    const struct panel_facts *f, const struct order_panels *pn)
{
	const char		*cur = r->amount_due.cur;

	set_amount(o, "AMOUNT", pn->to_pay, cur);
	if (r->fee.minor > 0 &&
	    (pn->show & (OP_COURIER_DUE | OP_COURIER_PAID)))
		set_amount(view_add(o, "FEE"), "AMOUNT", r->fee.minor, cur);
	if (pn->show & OP_DEFERRED)
		set_amount(view_add(o, "DEFERRED"), "AMOUNT",
		    r->deferred.minor, cur);
	if (pn->show & OP_DEBT)
		set_debt(o, f, r->id, cur);
}

/* The categories with a thumbnail of their own (static/thumbs/SLUG.svg);
 * any other shows the generic one. */
static const char *const thumbs[] = {
	"3c-digital", "home-appliances", "luxury", "medical-devices", "food",
};

/* The search form of My Orders into d with what q asked (the status and
 * method options in words, the chosen one selected); a status or method
 * that is not one gets its message beside the field. */
static void
set_search_form(struct view_dict *d, struct ctx *c,
    const struct db_my_orders_query *q)
{
	struct view_dict	*f = view_add(d, "SEARCH"), *s;
	const char		*st;
	enum order_status	 chosen_st;
	enum pay_method		 chosen_m;
	char			 w[64];
	size_t			 i;

	if (order_status_parse(q->status, &chosen_st) == -1)
		chosen_st = OS__MAX;
	if (pay_method_parse(q->method, &chosen_m) == -1)
		chosen_m = PM__MAX;

	view_set(f, "Q", ctx_str(c, "q") != NULL ? ctx_str(c, "q") : "");
	for (i = 0; (st = orderflow_status_at(i)) != NULL; i++) {
		s = view_add(f, "STATUS_OPT");
		view_set(s, "VALUE", st);
		words_status(st, w, sizeof(w));
		view_set(s, "LABEL", w);
		if (i == (size_t)chosen_st)
			view_show(s, "SELECTED");
	}
	for (i = 0; (st = orderflow_method_at(i)) != NULL; i++) {
		s = view_add(f, "METHOD_OPT");
		view_set(s, "VALUE", st);
		view_set(s, "LABEL", words_method(st));
		if (i == (size_t)chosen_m)
			view_show(s, "SELECTED");
	}
	if (ctx_str(c, "status") != NULL && q->status[0] == '\0')
		view_show(f, "STATUS_ERROR");
	if (ctx_str(c, "method") != NULL && q->method[0] == '\0')
		view_show(f, "METHOD_ERROR");
	if (q->status[0] != '\0' || q->method[0] != '\0' ||
	    q->text[0] != '\0')
		view_show(f, "CLEAR");
}

/* The query of GET /orders: the viewer, the page, the search text (an
 * order number "#12" or "12" also matches that order) and the filters
 * that name a status or a method (others are left out). */
static void
orders_query(struct ctx *c, struct db_my_orders_query *q)
{
	const char	*text = ctx_str(c, "q"), *st = ctx_str(c, "status");
	const char	*m = ctx_str(c, "method"), *p;
	enum order_status os;
	enum pay_method	 pm;

	memset(q, 0, sizeof(*q));
	q->user_id = c->user.user_id;
	q->company_id = c->user.company_id;	/* RULES 5 */
	q->page = (size_t)(ctx_int(c, "page", 1) - 1);
	q->per_page = ORDERS_PER_PAGE;
	q->status = order_status_parse(st, &os) == 0 ? order_status_name(os) :
	    "";
	q->method = pay_method_parse(m, &pm) == 0 ? pay_method_name(pm) : "";
	while (text != NULL && (*text == ' ' || *text == '\t'))
		text++;
	q->text = text != NULL ? text : "";
	p = q->text[0] == '#' ? q->text + 1 : q->text;
	if (*p >= '1' && *p <= '9' && strspn(p, "0123456789") == strlen(p) &&
	    strlen(p) <= 15) {
		q->order_id = strtoll(p, NULL, 10);
		q->text = p;
	}
}

/* The link to page page of the list q into b (its filters kept). */
static void
pager_href(struct buf *b, const struct db_my_orders_query *q,
    long long page)
{
	buf_printf(b, "/orders?page=%lld", page);
	if (q->text[0] != '\0') {
		buf_puts(b, "&q=");
		aq_url_encode(b, q->text);
	}
	if (q->status[0] != '\0')
		buf_printf(b, "&status=%s", q->status);
	if (q->method[0] != '\0')
		buf_printf(b, "&method=%s", q->method);
}

/* One order of My Orders into o: its number, products with the first
 * one's thumbnail, when placed, method and status in words, the amounts
 * its panels pn decided (facts f), and the next step a. */
static void
set_order_row(struct view_dict *o, const struct db_my_order *mo,
    const struct order_action *a, const struct panel_facts *f,
    const struct order_panels *pn)
{
	const struct db_order_row	*r = &mo->r;
	char				 when[32], st[40];
	const char			*thumb = "item", *p, *nl;
	size_t				 i;

	view_set_int(o, "ID", (long long)r->id);
	view_setf(o, "NUMBER", "#%lld", (long long)r->id);
	for (i = 0; i < sizeof(thumbs) / sizeof(thumbs[0]); i++)
		if (strcmp(mo->category, thumbs[i]) == 0)
			thumb = thumbs[i];
	view_set(o, "THUMB", thumb);
	for (p = mo->products; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		view_setf(view_add(o, "PRODUCT"), "NAME", "%.*s",
		    (int)(nl - p), p);
	}
	page_time(r->created_at, when, sizeof(when));
	view_set(o, "PLACED", when);
	view_set(o, "METHOD", words_method(pay_method_name(r->method)));
	words_status(order_status_name(r->status), st, sizeof(st));
	view_set(o, "STATE", st);
	view_set(o, "STATUS_CODE", order_status_name(r->status));
	set_list_amounts(o, r, f, pn);
	view_set(o, "ACTION", _(a->label));
	view_setf(o, "ACTION_HREF", "%s%lld%s", a->href_head, (long long)r->id,
	    a->href_tail);
}

/* The pager of the list q (page page, more: a next page) into list. */
static void
set_pager(struct view_dict *list, const struct db_my_orders_query *q,
    long long page, int more)
{
	struct buf b;

	buf_init(&b);
	if (page > 1) {
		pager_href(&b, q, page - 1);
		view_set(view_add(list, "PREV"), "HREF", buf_str(&b));
	}
	if (more) {
		b.len = 0;
		pager_href(&b, q, page + 1);
		view_set(view_add(list, "NEXT"), "HREF", buf_str(&b));
	}
	buf_cleanup(&b);
	view_set_int(list, "PAGE", page);
}

/* GET /orders?page=N&q=&status=&method= (page 1-based): the viewer's
 * orders, searched by order number or product name, filtered by status
 * and payment method. */
int
page_orders(struct ctx *c)
{
	struct db_my_orders_query	 q;
	struct order_list		 l;
	struct view_dict		*d, *list;
	size_t				 i;
	int				 rc;

	orders_query(c, &q);
	if (order_list_load(c->db, &q, &l) == -1) {
		order_list_cleanup(&l);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	page_notes(d, page_notice(orders_notices, ctx_str(c, "msg")), NULL);
	set_search_form(d, c, &q);
	if (l.n == 0 && q.page == 0 && !(q.status[0] != '\0' || q.method[0] != '\0' || q.text[0] != '\0'))
		view_show(d, "EMPTY");
	else if (l.n == 0 && q.page == 0)
		view_show(d, "NONE_FOUND");
	else {
		list = view_add(d, "ORDERS");
		for (i = 0; i < l.n; i++)
			set_order_row(view_add(list, "ORDER"), &l.rows[i],
			    &l.actions[i], &l.facts[i], &l.panels[i]);
		set_pager(list, &q, (long long)q.page + 1, l.more);
	}
	rc = page_render_free(c, "orders.tpl", d, "My Orders", 200);
	order_list_cleanup(&l);
	return rc;
}

/* Set name to the money minor/cur in d. */
static void
set_amount(struct view_dict *d, const char *name, int64_t minor,
    const char *cur)
{
	struct money	m;

	if (money_set(&m, minor, cur) == -1)
		view_set(d, name, "-");
	else
		page_set_money(d, name, minor, cur);
}

/* The items of v (one ITEM each) and the order's amounts into d: items
 * total, coupon, points, amount due now, COD fee, the deferred part
 * (PAU-03), the amount in USD for another currency and the settlement
 * note. */
static void
set_order_amounts(struct view_dict *d, const struct order_view *v,
    const struct order_panels *pn)
{
	const struct db_order	*o = &v->o;
	struct view_dict	*s;
	size_t			 i;

	for (i = 0; i < v->nitems; i++) {
		s = view_add(d, "ITEM");
		view_set(s, "NAME", v->items[i].name);
		view_set_int(s, "QTY", v->items[i].qty);
		page_set_money(s, "UNIT", v->items[i].unit_price.minor,
		    v->items[i].unit_price.cur);
		if (v->items[i].pay_after_use)
			view_show(s, "PAU");
	}
	set_amount(d, "ITEMS_TOTAL", o->items_total_minor, o->currency);
	if (o->coupon_minor > 0) {
		s = view_add(d, "COUPON");
		view_set(s, "CODE", o->coupon_code);
		set_amount(s, "AMOUNT", o->coupon_minor, o->currency);
	}
	if (o->points_minor > 0) {
		s = view_add(d, "POINTS");
		view_set_int(s, "USED", (long long)o->points_used);
		set_amount(s, "AMOUNT", o->points_minor, o->currency);
	}
	/* The figure and the lines the order's panels decided. */
	set_amount(d, "AMOUNT_DUE", pn->to_pay, o->currency);
	if (o->fee_minor > 0 &&
	    (pn->show & (OP_COURIER_DUE | OP_COURIER_PAID))) {
		s = view_add(d, "FEE");
		set_amount(s, "AMOUNT", o->fee_minor, o->currency);
		view_set(s, "LABEL", (pn->show & OP_COURIER_PAID) ? _("Paid "
		    "to the courier at delivery") : _("To pay the courier at "
		    "delivery"));
		set_amount(s, "TOTAL", pn->courier, o->currency);
	}
	if (pn->show & OP_DEFERRED) {
		s = view_add(d, "DEFERRED");
		set_amount(s, "AMOUNT", o->deferred_minor, o->currency);
	}
	if (strcmp(o->currency, "USD") != 0) {
		s = view_add(d, "USD");
		page_set_money(s, "AMOUNT", o->amount_usd_minor, "USD");
		view_set(s, "RATE", o->usd_per_unit);
		view_set(s, "CUR", o->currency);
	}
	page_set_said(d, "SETTLEMENT", o->settlement_note);
}

/* The order's charge after the fact and its open debt with the way to
 * pay it, as pg's panels decided, into d (CHARGE, DEBT). */
static void
set_order_debt(struct view_dict *d, const struct order_page *pg)
{
	const struct order_panels	*pn = &pg->panels;
	const struct panel_facts	*f = &pg->facts;
	const struct db_order		*o = &pg->v.o;
	struct view_dict		*s;

	if (pn->show & OP_CHARGE) {
		s = view_add(d, "CHARGE");
		view_set(s, "LABEL", pn->charge_label);
		set_amount(s, "AMOUNT", f->charge, o->currency);
	}
	if (pn->show & OP_DEBT)
		set_debt(d, f, o->id, o->currency);
}

/* The promised dates (C-04) the panels of pg keep into d (DATES, none
 * when none holds): the review until decided, the remittance window while
 * unpaid, the refund with its amount. */
static void
set_order_dates(struct view_dict *d, const struct order_page *pg)
{
	const struct db_order	*o = &pg->v.o;
	struct view_dict	*s;
	int			 review = (pg->panels.show & OP_REVIEW_BY) &&
				    o->review_due[0] != '\0';
	char			 day[64];

	if (!review && !(pg->panels.show & (OP_PAY_BY | OP_REFUND)))
		return;
	d = view_add(d, "DATES");
	if (review)
		view_set(view_add(d, "REVIEW_DUE"), "DATE",
		    page_day(o->review_due, day, sizeof(day)));
	if (pg->panels.show & OP_PAY_BY)
		view_set(view_add(d, "PAYMENT_DUE"), "DATE",
		    page_day(o->payment_due, day, sizeof(day)));
	if (pg->panels.show & OP_REFUND) {
		s = view_add(d, "REFUND_DUE");
		set_amount(s, "AMOUNT", pg->facts.refund, o->currency);
		if (o->refund_due[0] != '\0')
			view_set(view_add(s, "BY"), "DATE",
			    page_day(o->refund_due, day, sizeof(day)));
	}
}

/* What the viewer of pg may do next into d: the next step's text (NEXT),
 * its link (ACTION), the cancellation with its refund rule (CANCEL), the
 * receipt confirmation (CONFIRM) and the Pay After Use return
 * (PAU_RETURN). */
static void
set_order_actions(struct view_dict *d, const struct order_page *pg)
{
	const struct order_action *a = &pg->action;
	const struct refund_rule *rr = &pg->rr;
	const struct db_order	*o = &pg->v.o;
	struct view_dict	*s;
	char			 day[64];

	if (a->next[0] != '\0')
		view_set(view_add(d, "NEXT"), "TEXT", _(a->next));
	/* The placer's own next step (their card, voucher) is theirs; a
	 * member follows the corporate road and the schedule (RULES 5). */
	if ((strcmp(a->href_head, "/orders/") != 0 ||
	    a->href_tail[0] != '\0') &&
	    o->status != OS_DELIVERED && (pg->acc.placer ||
	    o->method == PM_INSTALLMENT_CORPORATE)) {
		s = view_add(d, "ACTION");
		view_set(s, "LABEL", _(a->label));
		view_setf(s, "HREF", "%s%lld%s", a->href_head,
		    (long long)o->id, a->href_tail);
	}
	if (pg->can_cancel) {
		/* The refund rule as a cancellation today would promise it;
		 * the date is stored when the shopper cancels (C-04). */
		s = view_add(d, "CANCEL");
		view_set(s, "RULE", rr->rule);
		view_set(s, "TEXT", _(rr->text));
		if (rr->has_date)
			view_set(view_add(s, "BY"), "DATE",
			    fmt_date(rr->by, day, sizeof(day)));
	}
	if (pg->acc.may_act && orderflow_allowed(o->status,
	    OS_RECEIPT_CONFIRMED, OF_USER, o->method))
		view_show(d, "CONFIRM");
	/* pau: PAU-05 return before receipt is confirmed. */
	if (pg->acc.placer && o->method == PM_PAY_AFTER_USE &&
	    o->status == OS_DELIVERED)
		view_show(d, "PAU_RETURN");
}

/* Who acted on an order (events.actor_type) in the reader's words; the
 * system (any other) acts automatically. */
static const char *
actor_words(const char *actor)
{
	static const char *const words[][2] = { { "user", N_("Shopper") },
	    { "admin", N_("Mall staff") }, { "partner", N_("Partner") } };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(actor, words[i][0]) == 0)
			return _(words[i][1]);
	return _("Automatic");
}

/* Render the order page of v as acc lets the viewer act on it (status
 * code status, notice, error). */
static int
render_order(struct ctx *c, int status, const struct order_page *pg,
    const char *notice, const char *error)
{
	const struct order_view	*v = &pg->v;
	const struct db_order	*o = &v->o;
	struct view_dict	*d, *s, *e;
	char			 when[32], st[40], inst[101], why[512], cn[128];
	char			 rf[ORDER_RF_PRINT_MAX];
	size_t			 i;

	page_institution_name(c, o->institution_id, &pg->plan, inst,
	    sizeof(inst));
	d = view_dict_new();
	page_notes(d, notice, error);
	view_set_int(d, "ID", (long long)o->id);
	view_set(d, "METHOD", words_method(pay_method_name(o->method)));
	view_set(d, "METHOD_CODE", pay_method_name(o->method));
	words_status(order_status_name(o->status), st, sizeof(st));
	view_set(d, "STATE", st);
	view_set(d, "STATUS_CODE", order_status_name(o->status));
	page_time(o->created_at, when, sizeof(when));
	view_set(d, "PLACED", when);
	view_set(d, "COUNTRY", fmt_country(o->country, v->has_addr ?
	    v->addr.country_name : o->country, cn, sizeof(cn)));
	page_order_address(d, &v->addr, v->has_addr);
	set_order_amounts(d, v, &pg->panels);
	set_order_debt(d, pg);
	if (o->institution_id[0] != '\0') {
		s = view_add(d, "PLAN");
		view_set(s, "INST", inst);
		view_set_int(s, "TERM", o->term);
	}
	if (o->rf_code[0] != '\0') {
		s = view_add(d, "RF");
		if (pg->acc.placer)
			view_show(s, "LINK");
		view_set(s, "CODE", order_rf_printed(o->rf_code, rf,
		    sizeof(rf)));
	}
	/* C-04: every promised date that still holds. */
	set_order_dates(d, pg);
	for (i = 0; i < v->nevents; i++) {
		e = view_add(d, "EVENT");
		page_time(v->events[i].at, when, sizeof(when));
		view_set(e, "AT", when);
		words_status(v->events[i].to_state, st, sizeof(st));
		view_set(e, "TO", st);
		view_set(e, "ACTOR", actor_words(v->events[i].actor_type));
		said_text(v->events[i].reason, o->institution_id, inst, why,
		    sizeof(why));
		view_set(e, "REASON", why);
	}
	set_order_actions(d, pg);
	/* cod: shipment, tracking events and the COD steps (pages/cod.c). */
	cod_order_panel(c, d, o, &pg->cod, pg->panels.show);
	logistics_details_panel(d, o, &pg->cod);
	/* installments: card/partner/plan panel (pages/plans.c). */
	plan_order_panel(c, d, o, &pg->plan);
	/* a failed payment explained, its actions (pages/pay_failure.c). */
	pay_failure_panel(c, d, o, 0);
	/* remittance: window, still due, refunds (pages/remittance.c). */
	remittance_order_panel(c, d, o, &pg->rem);
	return page_render_free(c, "order.tpl", d, "Order", status);
}

/* What the viewer may do with the route's order, as resolved with the
 * session (service/target.h), into *acc. */
static void
page_target_access(const struct ctx *c, struct member_order *acc)
{
	acc->reader = c->target_reader;
	acc->placer = c->target_placer;
	acc->may_act = c->target_may_act;
}

/* GET /orders/:id. */
int
page_order(struct ctx *c)
{
	struct order_page	 pg;
	struct member_order	 acc;
	enum result		 r;
	int			 rc;

	/* One's own order, or one of the member's company (RULES 5). */
	page_target_access(c, &acc);
	if ((r = order_page_load(c->db, &acc, c->target_id, c->now,
	    &pg)) != RES_OK) {
		order_page_cleanup(&pg);
		return page_result(c, r, NULL);
	}
	rc = render_order(c, 200, &pg, page_notice(orders_notices,
	    ctx_str(c, "msg")), NULL);
	order_page_cleanup(&pg);
	return rc;
}

/* See pages.h. */
int
page_order_again(struct ctx *c, int64_t id, int status, const char *error)
{
	struct order_page	 pg;
	struct member_order	 acc;
	enum result		 r;
	int			 rc;

	page_target_access(c, &acc);
	if ((r = order_page_load(c->db, &acc, id, c->now, &pg)) != RES_OK) {
		order_page_cleanup(&pg);
		return page_result(c, r, NULL);
	}
	rc = render_order(c, status, &pg, NULL, error);
	order_page_cleanup(&pg);
	return rc;
}

/* What a member who may not place orders is told on the order page. */
#define ORDER_FORBIDDEN	N_("You may not cancel your company's orders or " \
	"confirm their receipt: ask your company's owner to allow you to " \
	"place orders on the members page. Nothing was changed.")

/* Answer r of a change to order id: the order page with ?msg=done when
 * done; the order page again with r's status and ORDER_FORBIDDEN (a
 * member who may not) or refused (its state does not allow it); else r's
 * error page. */
static int
order_answer(struct ctx *c, int64_t id, enum result r, const char *done,
    const char *refused)
{
	char loc[64];

	switch (r) {
	case RES_OK:
		snprintf(loc, sizeof(loc), "/orders/%lld?msg=%s",
		    (long long)id, done);
		return page_redirect(c, loc);
	case RES_FORBIDDEN:
		return page_order_again(c, id, page_status(r), ORDER_FORBIDDEN);
	case RES_NOT_ALLOWED:
	case RES_CHANGED:
		return page_order_again(c, id, page_status(r), refused);
	default:
		return page_result(c, r, NULL);
	}
}

/* POST /orders/:id/cancel. */
int
page_order_cancel(struct ctx *c)
{
	struct refund_rule rr;

	return order_answer(c, c->target_id, order_cancel(c->db,
	    c->user.user_id, c->target_id, c->now, &rr), "cancelled",
	    N_("This order can no longer be cancelled here (it has shipped, "
	    "or its status changed). Nothing was changed."));
}

/* POST /orders/:id/confirm-receipt. */
int
page_order_confirm(struct ctx *c)
{
	return order_answer(c, c->target_id, order_confirm_receipt(c->db,
	    c->user.user_id, c->target_id, OF_USER, c->now), "received",
	    N_("Receipt can be confirmed once the order is delivered. "
	    "Nothing was changed."));
}

const struct field_spec page_remittance_refund_account_fields[] = {
	{ "holder", FIELD_TEXT, 0, 400, 0, 0 },
	{ "account", FIELD_TEXT, 0, 200, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* POST /orders/:id/refund-account: the shopper gives or corrects the
 * postal account of the order's unsent refunds (REM-P8, REM-P7; the form
 * is in remittance_order_panel()). Another user's order is 404; bad input
 * re-renders the order page with the messages next to the fields (400). */
int
page_remittance_refund_account(struct ctx *c)
{
	char		 nerr[200], aerr[200], loc[64];
	int64_t		 id = c->target_id;
	enum result	 r;
	int		 rc;

	switch ((r = remittance_refund_account(c->db, c->user.user_id, id,
	    ctx_str(c, "holder"), ctx_str(c, "account"), c->now, nerr, aerr,
	    sizeof(nerr)))) {
	case RES_OK:
		snprintf(loc, sizeof(loc), "/orders/%lld#remit-panel",
		    (long long)id);
		return page_redirect(c, loc);
	case RES_INVALID:
		if ((rc = page_order(c)) != 200)
			return rc;
		return c->resp->status = page_status(r);
	default:
		return page_result(c, r, r == RES_NOT_ALLOWED ? "This order has "
		    "no refund waiting to be sent: nothing was changed." :
		    NULL);
	}
}
