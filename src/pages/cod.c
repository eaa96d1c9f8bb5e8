/*
 * Cash on delivery pages and the admin's shipping desk:
 *
 * shopper (ROLE_USER, own orders only, another's is 404):
 *   GET  /account/cod			COD limit and ladder (COD-07), strikes,
 *					suspension (COD-F2/08), debts
 *   POST /orders/:id/cod/paid		"Paid" with voucher photo or record id
 *					(COD-P3)
 *   GET  /orders/:id/cod/voucher	the uploaded voucher
 *   GET  /orders/:id/cod/record	the courier's payment record (COD-P8)
 *   POST /orders/:id/cod/return	after-sales return (COD-P7)
 * admin (ROLE_ADMIN):
 *   GET  /admin/queues/cod		COD orders to review (COD-P1)
 *   GET  /admin/orders/:id/fulfil	review, ship, deliver, return, refund
 *   POST /admin/orders/:id/cod-approve | cod-reject | ship | deliver |
 *        return-received | refund-sent
 *   GET  /admin/cod/users, /admin/cod/users/:id; POST .../revoke,
 *        .../reinstate (COD-F3)
 * and cod_order_panel(), the COD and tracking part of GET /orders/:id.
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
#include "core/words.h"
#include "http/ctx.h"
#include "pages/address_view.h"
#include "pages/admin_queue.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/cod.h"
#include "service/cod_desk.h"
#include "service/filestore.h"
#include "service/order_panels.h"
#include "service/orderflow.h"
#include "view/view.h"

const struct field_spec page_cod_paid_fields[] = {
	{ "voucher", FIELD_FILE, 0, 0, 0, 0 },
	{ "record_id", FIELD_TEXT, 0, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_cod_return_fields[] = {
	{ "reason", FIELD_TEXT, 0, 200, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_cod_msg_fields[] = {
	{ "done", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_admin_cod_queue_fields[] = {
	{ "page", FIELD_INT, 0, 6, 1, 100000 },
	{ "sort", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "done", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_admin_cod_decide_fields[] = {
	{ "from", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "reason", FIELD_TEXT, 0, 200, 0, 0 },
	{ "back", FIELD_TOKEN, 0, 16, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_admin_ship_fields[] = {
	{ "carrier", FIELD_TEXT, 0, 64, 0, 0 },
	{ "tracking", FIELD_TEXT, 0, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* minor/cur for people into out. */
static const char *
amt(int64_t minor, const char *cur, char *out, size_t outsz)
{
	struct money m;

	if (money_set(&m, minor, cur) == -1) {
		snprintf(out, outsz, "-");
		return out;
	}
	return money_display(&m, out, outsz);
}

/* A step's outcome on the page it leads back to: the code of its ?done=
 * (or ?cod_done=) and the fixed sentence shown for it, read by
 * page_notice(); an unknown code shows nothing (a link cannot put text of
 * its own on the page). The shopper's steps on the order page
 * (?cod_done=). */
static const struct page_notice shopper_notes[] = {
	{ "paid", N_("Thank you: your payment is recorded. The order "
	    "completes once the courier reports it (COD-P3).") },
	{ "return", N_("Return requested.") },
	{ NULL, NULL }
};

/* The desk's steps (?done=), by enum cod_step. */
static const struct page_notice step_notes[] = {
	[COD_STEP_APPROVE] = { "approved", NA_("The order is approved for "
	    "cash on delivery.") },
	[COD_STEP_REJECT] = { "rejected", NA_("The order is rejected; the "
	    "shopper is told the reason.") },
	[COD_STEP_SHIP] = { "shipped", NA_("The order is marked shipped.") },
	[COD_STEP_DELIVER] = { "delivered", NA_("The order is marked "
	    "delivered.") },
	[COD_STEP_RETURN_RECEIVED] = { "return_received", NA_("The returned "
	    "goods are recorded as received.") },
	[COD_STEP_REFUND_SENT] = { "refund_sent", NA_("The refund is "
	    "recorded as sent.") },
	{ NULL, NULL }
};

/* A shopper's COD permission (?done=), revoked or reinstated. */
static const struct page_notice permission_notes[] = {
	{ "revoked", NA_("Cash on delivery is revoked for this shopper "
	    "(COD-F3).") },
	{ "reinstated", NA_("Cash on delivery is reinstated for this "
	    "shopper.") },
	{ NULL, NULL }
};

/* A page of a COD step shown again: status, and its notice and error
 * (NULL: none). Returns the HTTP status. */
typedef int (*again_fn)(struct ctx *, int status, const char *notice,
    const char *error);

/* Answer a COD step whose service call answered r with msg: redirect
 * to done (the page with the step's code) when done; else 404 (nf,
 * NULL: the default text) for RES_NOT_FOUND, 409 with msg for
 * RES_DECIDED (who decided and when), again's page with msg as its
 * error and r's status for a refusal, 500 otherwise. Returns the HTTP
 * status. */
static int
step_answer(struct ctx *c, enum result r, const char *done, const char *nf,
    const char *msg, again_fn again)
{
	switch (r) {
	case RES_OK:
		return page_redirect(c, done);
	case RES_NOT_FOUND:
		return page_error(c, 404, nf);
	case RES_DECIDED:
		/* Another admin decided first: who and when. */
		return page_error(c, 409, msg);
	case RES_NOT_ALLOWED:
	case RES_REFUSED:
		return again(c, page_status(r), NULL, msg);
	default:
		return page_error(c, 500, NULL);
	}
}

/* The shipment of cp (section SHIPMENT: carrier, tracking number, when
 * shipped; the rule COD_RULE for a COD order) and its tracking events
 * (section TRACKING_EVENTS, in words) into the panel p. */
static void
set_shipment(struct view_dict *p, const struct cod_panel *cp, int cod)
{
	const struct db_shipment *sh = &cp->sh;
	const struct db_track	*tr = cp->tr;
	struct view_dict	*s;
	size_t			 i;
	char			 b[64], w[512];

	if (cp->has_ship) {
		s = view_add(p, "SHIPMENT");
		if (cod)
			view_show(s, "COD_RULE");
		view_set(s, "CARRIER", sh->carrier);
		view_set(s, "TRACKING", sh->tracking);
		view_set(s, "SHIPPED", page_when(sh->shipped_at, b, sizeof(b)));
	}
	if (cp->ntr > 0) {
		s = view_add(p, "TRACKING_EVENTS");
		for (i = 0; i < cp->ntr; i++) {
			struct view_dict *e = view_add(s, "TEV");

			view_set(e, "AT", page_when(tr[i].at, b, sizeof(b)));
			said_track_kind(tr[i].kind, w, sizeof(w));
			view_set(e, "KIND", w);
			page_set_said(e, "DETAIL", tr[i].detail);
		}
	}
}

/* See pages.h: the COD and tracking panel of the order page. */
void
cod_order_panel(struct ctx *c, struct view_dict *d, const struct db_order *o,
    const struct cod_panel *cp, unsigned show)
{
	const struct db_cod	*cod = &cp->cod;
	struct view_dict	*p, *s;
	char			 b[64], a[MONEY_STR_MAX];
	const char		*note;
	int			 hc = cp->has_cod, is_cod;

	is_cod = o->method == PM_COD;
	if (!cp->has_ship && cp->ntr == 0 && !is_cod)
		return;
	p = view_include(d, "COD_PANEL", "cod_panel.tpl");
	view_set_int(p, "ID", (long long)o->id);
	view_set(p, "CSRF", c->user.csrf);
	note = page_notice(shopper_notes, ctx_str(c, "cod_done"));
	/* Paid after the courier's report: the order is complete already. */
	if (note == shopper_notes[0].text && hc && cod->paid_reported_at > 0)
		note = N_("Thank you: your payment is recorded and matches the "
		    "courier's report.");
	page_notes(p, note, NULL);
	set_shipment(p, cp, is_cod);
	/* The COD steps are the placer's (their voucher, their return);
	 * another member of the company reads the panel only (RULES 5). */
	if (!is_cod || o->user_id != c->user.user_id)
		return;
	s = view_add(p, "COD");
	if (show & OP_COURIER_DUE)
		view_set(view_add(s, "DUE"), "TOTAL", amt(o->amount_due_minor +
		    o->fee_minor, o->currency, a, sizeof(a)));
	if (hc && cod->agreed_date[0] != '\0') {
		struct view_dict *ag = view_add(s, "AGREED");

		view_set(ag, "DATE", cod->agreed_date);
		view_set_int(ag, "RESCHEDULES", cod->reschedules);
		view_set_int(ag, "MAX", COD_MAX_RESCHEDULES);
		if (show & OP_COD_DAY)
			view_show(ag, "DAY_RULE");
	}
	if (hc && cod->paid_reported_at > 0) {
		struct view_dict *pr = view_add(s, "REPORTED");

		view_set(pr, "AT", page_when(cod->paid_reported_at, b,
		    sizeof(b)));
		view_set(pr, "METHOD", cod->paid_method);
		view_set(pr, "RECORD", cod->paid_record_id);
	}
	if (hc && cod->shopper_paid_at > 0) {
		struct view_dict *sp = view_add(s, "SHOPPER_PAID");

		view_set(sp, "AT", page_when(cod->shopper_paid_at, b,
		    sizeof(b)));
		if (cod->shopper_file_id > 0)
			view_show(sp, "VOUCHER");
		if (cod->shopper_record_id[0] != '\0')
			view_set(view_add(sp, "RECORD"), "ID",
			    cod->shopper_record_id);
	}
	/* COD-P3: "Paid" once the courier is at the door, or after. */
	if ((o->status == OS_SHIPPED ||
	    o->status == OS_DELIVERED ||
	    o->status == OS_COMPLETED) &&
	    (!hc || cod->shopper_paid_at == 0))
		view_show(s, "PAY_FORM");
	if (o->status == OS_SHIPPED ||
	    o->status == OS_DELIVERED ||
	    o->status == OS_COMPLETED)
		view_show(s, "LOOKUP");
	if (orderflow_allowed(o->status, OS_RETURN_REQUESTED, OF_USER,
	    o->method) && o->status == OS_COMPLETED)
		view_show(s, "RETURN_FORM");
	if (hc && cod->return_reason[0] != '\0')
		view_set(view_add(s, "RETURN"), "REASON",
		    words_reason(cod->return_reason));
}

/* GET /account/cod: COD-07 ladder, COD-F2/08 standing, debts. */
int
page_cod_account(struct ctx *c)
{
	struct cod_standing	 st;
	struct view_dict	*d, *s;
	char			 a[MONEY_STR_MAX], b[64];
	size_t			 i;
	int			 rc;

	if (cod_standing_load(c->db, c->user.user_id, c->now, &st) == -1) {
		cod_standing_cleanup(&st);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	view_set(d, "LIMIT", money_display(&st.limit_usd, a, sizeof(a)));
	view_set(d, "FULL", money_display(&st.full_usd, a, sizeof(a)));
	view_set_int(d, "COMPLETED", (long long)st.user.completed);
	if (st.to_next > 0)
		view_set_int(view_add(d, "TO_NEXT"), "N", (long long)st.to_next);
	else if (st.to_next == 0)
		view_show(d, "AT_TOP");
	else
		view_show(d, "BLOCKED");
	view_set_int(d, "STRIKES", (long long)st.strikes);
	if (st.user.revoked)
		view_show(d, "REVOKED");
	else if (st.suspended)
		view_set(view_add(d, "SUSPENDED"), "UNTIL", st.until);
	else
		view_show(d, "ALLOWED");
	for (i = 0; i < st.nrefusals; i++) {
		s = view_add(d, "REFUSAL");
		view_set_int(s, "ORDER", (long long)st.refusals[i].order_id);
		view_set(s, "REASON", words_reason(st.refusals[i].reason));
		view_set(s, "DAY", st.refusals[i].refused_on);
		view_set(s, "COUNTED", st.refusals[i].counted ?
		    "yes (COD-F2)" : "no (COD-P4)");
	}
	for (i = 0; i < st.ndebts; i++) {
		s = view_add(d, "DEBT");
		view_set_int(s, "ORDER", (long long)st.debts[i].order_id);
		view_set(s, "AMOUNT", amt(st.debts[i].amount_minor,
		    st.debts[i].currency, a, sizeof(a)));
		page_set_said(s, "DESC", st.debts[i].description);
		view_set(s, "AT", page_when(st.debts[i].created_at, b,
		    sizeof(b)));
		view_set(s, "STATE", st.debts[i].settled_at > 0 ? "settled" :
		    "open");
		if (st.debts[i].settled_at <= 0)
			view_set_int(view_add(s, "PAY"), "ID",
			    (long long)st.debts[i].id);
	}
	rc = page_render_free(c, "cod_account.tpl", d, "Cash on delivery", 200);
	cod_standing_cleanup(&st);
	return rc;
}

/* The order page of :id again with error (a refused step) and status. */
static int
order_again(struct ctx *c, int status, const char *notice,
    const char *error)
{
	(void)notice;
	return page_order_again(c, c->target_id, status, error);
}

/* POST /orders/:id/cod/paid (multipart): voucher photo or record id. */
int
page_cod_paid(struct ctx *c)
{
	const struct field_val		*fv = ctx_field(c, "voucher");
	struct filestore_owner		 own;
	struct cod_paid_input		 in;
	int64_t				 id = c->target_id;
	char				 msg[400], path[64];

	snprintf(path, sizeof(path), "/orders/%lld?cod_done=paid",
	    (long long)id);
	memset(&in, 0, sizeof(in));
	if (fv != NULL && fv->present && fv->file != NULL) {
		in.voucher = fv->file->data;
		in.len = fv->file->len;
	}
	in.voucher_err = ctx_field_err(c, "voucher");
	in.record_id = ctx_str(c, "record_id");
	own.user_id = c->user.user_id;
	own.company_id = c->user.company_id;
	return step_answer(c, cod_paid_submit(c->db, c->cfg, &own, id, &in,
	    c->now, msg, sizeof(msg)), path, "There is no such order among "
	    "yours.", msg, order_again);
}

/* GET /orders/:id/cod/voucher: the shopper's own voucher. */
int
page_cod_voucher(struct ctx *c)
{
	int64_t	id = c->target_id, file_id;

	if (cod_voucher_file(c->db, c->user.user_id, id, &file_id) != 1)
		return page_error(c, 404, NULL);
	return filestore_respond(c, file_id, "cod-voucher");
}

/* GET /orders/:id/cod/record: the courier's payment record (COD-P8). */
int
page_cod_record(struct ctx *c)
{
	struct cod_record_view	 v;
	struct view_dict	*d, *s;
	int64_t			 id = c->target_id;
	char			 a[MONEY_STR_MAX], b[64];
	int			 rc;

	if ((rc = cod_record_load(c->db, c->user.user_id, id, &v)) == 0)
		return page_error(c, 404, "There is no such order among "
		    "yours.");
	if (rc == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	view_set_int(d, "ID", (long long)id);
	if (v.has_cod && v.cod.paid_reported_at > 0) {
		s = view_add(d, "RECORD");
		view_set(s, "RECORD_ID", v.cod.paid_record_id);
		view_set(s, "AMOUNT", amt(v.cod.paid_amount_minor,
		    v.o.currency, a, sizeof(a)));
		view_set(s, "METHOD", v.cod.paid_method);
		view_set(s, "AT", page_when(v.cod.paid_reported_at, b,
		    sizeof(b)));
	} else
		view_show(d, "NONE");
	return page_render_free(c, "cod_record.tpl", d,
	    "Courier payment record", 200);
}

/* POST /orders/:id/cod/return (COD-P7). */
int
page_cod_return(struct ctx *c)
{
	enum result	r;
	int64_t		id = c->target_id;
	char		msg[400], path[64];

	snprintf(path, sizeof(path), "/orders/%lld?cod_done=return",
	    (long long)id);
	r = cod_return_submit(c->db, c->user.user_id, id, ctx_str(c, "reason"),
	    c->now, msg, sizeof(msg));
	return step_answer(c, r, path, "There is no such order among yours.",
	    msg, order_again);
}

/* GET /admin/queues/cod: COD orders awaiting review (COD-P1), soonest
 * review date first, with the ?done= of an approval. */
int
page_admin_cod_queue(struct ctx *c)
{
	static const char *const cols[] = { NA_("Shopper"),
	    NA_("Pays at delivery"), NA_("Ships to") };
	static const struct aq_sort sorts[] = {
		{ "due", NA_("Review date, soonest first") },
		{ "oldest", NA_("Oldest first") },
	};
	struct aq_list		 l;
	struct aq_row		*row;
	struct db_cod_review	*v = NULL;
	const char		*sort = ctx_str(c, "sort");
	size_t			 n = 0, i;
	mp_date			 due;
	int			 oldest, rc;

	memset(&l, 0, sizeof(l));
	oldest = sort != NULL && strcmp(sort, "oldest") == 0;
	l.title = NA_("COD orders to review");
	l.path = "/admin/queues/cod";
	l.queue_id = "cod_review";
	l.intro = NA_("COD-P1: check that the address is in the service area "
	    "and the products support cash on delivery; review within 1 "
	    "business day. Reject from the order's page (a reason is "
	    "required).");
	l.sorts = sorts;
	l.nsorts = 2;
	l.sort = oldest ? "oldest" : "due";
	l.columns = cols;
	l.ncols = 3;
	l.page = aq_page_arg(c);
	l.decide_order_action = "cod-approve";
	l.decide_label = NA_("Approve");
	l.notice = page_notice(step_notes, ctx_str(c, "done"));
	if (cod_review_queue(c->db, oldest, (size_t)(l.page - 1) *
	    AQ_PER_PAGE, AQ_PER_PAGE, &v, &n, &l.total) == -1)
		return page_error(c, 500, NULL);
	for (i = 0; i < n; i++) {
		row = aq_row_add(&l);
		row->id = v[i].id;
		snprintf(row->href, sizeof(row->href),
		    "/admin/orders/%lld/fulfil", (long long)v[i].id);
		row->created_at = v[i].created_at;
		if (v[i].review_due[0] != '\0' && mp_date_parse(v[i].review_due,
		    strlen(v[i].review_due), &due) == 0)
			row->promised_at = mp_date_to_unix(due) + 86400;
		snprintf(row->cells[0], sizeof(row->cells[0]), "%s",
		    v[i].email);
		amt(v[i].amount_due_minor + v[i].fee_minor, v[i].currency,
		    row->cells[1], sizeof(row->cells[1]));
		snprintf(row->cells[2], sizeof(row->cells[2]), "%s",
		    v[i].country);
		snprintf(row->decide_from, sizeof(row->decide_from),
		    "awaiting_review");
	}
	free(v);
	rc = admin_queue_render(c, &l);
	aq_list_cleanup(&l);
	return rc;
}

/* The desk's shipment of p (section SHIPMENT: carrier and tracking
 * number), its tracking events with their source (one TEV each) and the
 * courier's COD payment report (section PAID) into d. */
static void
set_fulfil_shipping(struct view_dict *d, const struct cod_panel *p)
{
	const struct db_track	*tr = p->tr;
	struct view_dict	*s;
	size_t			 i;
	char			 b[64];

	if (p->has_ship) {
		s = view_add(d, "SHIPMENT");
		view_set(s, "CARRIER", p->sh.carrier);
		view_set(s, "TRACKING", p->sh.tracking);
	}
	for (i = 0; i < p->ntr; i++) {
		s = view_add(d, "TEV");
		view_set(s, "AT", page_when(tr[i].at, b, sizeof(b)));
		view_set(s, "KIND", tr[i].kind);
		page_set_said(s, "DETAIL", tr[i].detail);
		view_set(s, "SOURCE", tr[i].source);
	}
	if (p->has_cod && p->cod.paid_reported_at > 0) {
		s = view_add(d, "PAID");
		view_set(s, "RECORD", p->cod.paid_record_id);
		view_set(s, "METHOD", p->cod.paid_method);
	}
}

/* The desk of order :id with status, notice and error (NULL: none). */
static int
fulfil_page(struct ctx *c, int status, const char *notice,
    const char *error)
{
	struct cod_fulfil_view	 v;
	const struct db_order	*o = &v.o;
	struct view_dict	*d;
	int64_t			 id = c->target_id;
	char			 a[MONEY_STR_MAX];
	int			 rc;

	if ((rc = cod_fulfil_load(c->db, id, &v)) == 0) {
		cod_fulfil_cleanup(&v);
		return page_error(c, 404, "There is no such order.");
	}
	if (rc == -1) {
		cod_fulfil_cleanup(&v);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	page_admin_notes(d, notice, error);
	view_set_int(d, "ID", (long long)id);
	view_set(d, "STATUS", order_status_name(o->status));
	view_set(d, "METHOD", pay_method_name(o->method));
	view_set(d, "EMAIL", v.u.email);
	view_set_int(d, "USER_ID", (long long)o->user_id);
	view_set(d, "COUNTRY", v.has_addr ? v.addr.country_name : o->country);
	/* COD-P1: the reviewer checks the address against the service
	 * area of its region. */
	page_order_address(d, &v.addr, v.has_addr);
	view_set(d, "AREA_RULE", o->method == PM_COD ? " (COD-P1)" :
	    "");
	view_set(d, "AMOUNT", amt(o->amount_due_minor, o->currency, a,
	    sizeof(a)));
	if (o->fee_minor > 0)
		view_set(view_add(d, "FEE"), "AMOUNT", amt(o->fee_minor,
		    o->currency, a, sizeof(a)));
	if (o->review_due[0] != '\0') {
		struct view_dict *rd = view_add(d, "REVIEW_DUE");

		view_set(rd, "DATE", o->review_due);
		view_set(rd, "LABEL", o->method == PM_COD ?
		    "Review by (COD-P1)" : o->method ==
		    PM_INSTALLMENT_CORPORATE ? "Application review by "
		    "(INST-CORP)" : "Review by");
	}
	if (o->refund_due[0] != '\0')
		view_set(view_add(d, "REFUND_DUE"), "DATE", o->refund_due);
	set_fulfil_shipping(d, &v.p);
	if (o->method == PM_COD &&
	    o->status == OS_AWAITING_REVIEW)
		view_show(d, "REVIEW");
	if (orderflow_allowed(o->status, OS_SHIPPED, OF_ADMIN, o->method))
		view_show(d, "SHIP");
	if (orderflow_allowed(o->status, OS_DELIVERED, OF_ADMIN, o->method))
		view_show(d, "DELIVER");
	if (orderflow_allowed(o->status, OS_RETURNED, OF_ADMIN, o->method))
		view_show(d, "RETURN_RECEIVED");
	if (o->status == OS_RETURNED)
		view_show(d, "REFUND");
	rc = page_render_free(c, "cod_fulfil.tpl", d, "Order desk", status);
	cod_fulfil_cleanup(&v);
	return rc;
}

/* GET /admin/orders/:id/fulfil: one order's review and shipping desk,
 * with the ?done= of a step. */
int
page_admin_fulfil(struct ctx *c)
{
	return fulfil_page(c, 200, page_notice(step_notes,
	    ctx_str(c, "done")), NULL);
}

/* Run one admin step on order :id, then back to the desk (or the queue
 * when back=queue) with the step's code; a refusal shows the desk with
 * its reason. */
static int
admin_step(struct ctx *c, enum cod_step step)
{
	int64_t			 id = c->target_id;
	const char		*back = ctx_str(c, "back");
	struct cod_step_input	 in;
	enum result		 r;
	char			 msg[400], path[96];

	if (step == COD_STEP_APPROVE && (back == NULL ||
	    strcmp(back, "desk") != 0))
		snprintf(path, sizeof(path), "/admin/queues/cod?done=%s",
		    step_notes[step].code);
	else
		snprintf(path, sizeof(path), "/admin/orders/%lld/fulfil?done=%s",
		    (long long)id, step_notes[step].code);
	memset(&in, 0, sizeof(in));
	if (order_status_parse(ctx_str(c, "from"), &in.from) == -1)
		in.from = OS__MAX;
	in.reason = ctx_str(c, "reason");
	in.carrier = ctx_str(c, "carrier");
	in.tracking = ctx_str(c, "tracking");
	r = cod_desk_step(c->db, step, id, &in, c->user.user_id, c->now, msg,
	    sizeof(msg));
	return step_answer(c, r, path, msg[0] != '\0' ? msg : NULL, msg,
	    fulfil_page);
}

/* POST /admin/orders/:id/cod-approve (COD-P1). */
int
page_admin_cod_approve(struct ctx *c)
{
	return admin_step(c, COD_STEP_APPROVE);
}

/* POST /admin/orders/:id/cod-reject (COD-P1, reason required). */
int
page_admin_cod_reject(struct ctx *c)
{
	return admin_step(c, COD_STEP_REJECT);
}

/* POST /admin/orders/:id/ship (COD-P2, every method). */
int
page_admin_ship(struct ctx *c)
{
	return admin_step(c, COD_STEP_SHIP);
}

/* POST /admin/orders/:id/deliver (every method). */
int
page_admin_deliver(struct ctx *c)
{
	return admin_step(c, COD_STEP_DELIVER);
}

/* POST /admin/orders/:id/return-received (COD-P7 merchant receipt). */
int
page_admin_return_received(struct ctx *c)
{
	return admin_step(c, COD_STEP_RETURN_RECEIVED);
}

/* POST /admin/orders/:id/refund-sent. */
int
page_admin_refund_sent(struct ctx *c)
{
	return admin_step(c, COD_STEP_REFUND_SENT);
}

/* GET /admin/cod/users: shoppers by COD record. */
int
page_admin_cod_users(struct ctx *c)
{
	struct db_cod_user	*v = NULL;
	struct view_dict	*d, *s;
	size_t			 n = 0, i;

	if (cod_user_list(c->db, 200, &v, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	for (i = 0; i < n; i++) {
		s = view_add(d, "USER");
		view_set_int(s, "ID", (long long)v[i].id);
		view_set(s, "EMAIL", v[i].email);
		view_set_int(s, "COMPLETED", (long long)v[i].completed);
		view_set_int(s, "VIOLATIONS", (long long)v[i].violations);
		view_set(s, "STATE", v[i].revoked ? "revoked (COD-F3)" :
		    v[i].suspended_until[0] != '\0' ? "suspended (COD-F2)" :
		    "allowed");
	}
	free(v);
	return page_render_free(c, "cod_users.tpl", d, "COD permissions", 200);
}

/* The COD record of shopper :id with status, notice and error (NULL:
 * none). */
static int
cod_user_page(struct ctx *c, int status, const char *notice,
    const char *error)
{
	struct cod_standing	 st;
	struct view_dict	*d, *s;
	int64_t			 id = c->target_id;
	size_t			 i;
	char			 a[MONEY_STR_MAX];
	int			 rc;

	if (cod_standing_load(c->db, id, c->now, &st) == -1) {
		cod_standing_cleanup(&st);
		return page_error(c, 404, "There is no such shopper.");
	}
	d = view_dict_new();
	page_admin_notes(d, notice, error);
	view_set_int(d, "ID", (long long)id);
	view_set(d, "EMAIL", st.user.email);
	view_set(d, "LIMIT", money_display(&st.limit_usd, a, sizeof(a)));
	view_set_int(d, "COMPLETED", (long long)st.user.completed);
	view_set_int(d, "STRIKES", (long long)st.strikes);
	if (st.user.revoked)
		view_show(d, "REVOKED");
	else
		view_show(d, "NOT_REVOKED");
	if (st.suspended)
		view_set(view_add(d, "SUSPENDED"), "UNTIL", st.until);
	for (i = 0; i < st.nrefusals; i++) {
		s = view_add(d, "REFUSAL");
		view_set_int(s, "ORDER", (long long)st.refusals[i].order_id);
		view_set(s, "REASON", words_reason(st.refusals[i].reason));
		view_set(s, "DAY", st.refusals[i].refused_on);
		view_set(s, "COUNTED", st.refusals[i].counted ? "yes" : "no");
	}
	rc = page_render_free(c, "cod_user.tpl", d, "COD permission", status);
	cod_standing_cleanup(&st);
	return rc;
}

/* GET /admin/cod/users/:id: one shopper's COD record, revoke/reinstate,
 * with the ?done= of either. */
int
page_admin_cod_user(struct ctx *c)
{
	return cod_user_page(c, 200, page_notice(permission_notes,
	    ctx_str(c, "done")), NULL);
}

/* Revoke (1) or reinstate (0) COD of user :id (COD-F3). */
static int
admin_revoke(struct ctx *c, int revoke)
{
	enum result	r;
	int64_t		id = c->target_id;
	char		msg[400], path[80];

	snprintf(path, sizeof(path), "/admin/cod/users/%lld?done=%s",
	    (long long)id, permission_notes[revoke ? 0 : 1].code);
	r = cod_desk_revoke(c->db, id, revoke, c->user.user_id,
	    ctx_str(c, "reason"), c->now, msg, sizeof(msg));
	return step_answer(c, r, path, msg, msg, cod_user_page);
}

/* POST /admin/cod/users/:id/revoke (COD-F3). */
int
page_admin_cod_revoke(struct ctx *c)
{
	return admin_revoke(c, 1);
}

/* POST /admin/cod/users/:id/reinstate (COD-F3). */
int
page_admin_cod_reinstate(struct ctx *c)
{
	return admin_revoke(c, 0);
}
