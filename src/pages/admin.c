/*
 * The admin console: dashboard with the queue registry's
 * figures, the orders browser (the first user of the generic queue page),
 * an order with its full history, the admin's cancel decision and the
 * audit search (holidays and exchange rates: admin_calendar.c). Every route is for admins only,
 * most for some admin roles (routes.c); settings pages are in
 * admin_settings.c.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/admin_role.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/order_status.h"
#include "core/pay_method.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/admin_queue.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/admin_view.h"
#include "service/order_panels.h"
#include "service/queues.h"
#include "service/report.h"
#include "service/search.h"
#include "view/view.h"

static const char *const order_statuses[] = {
	"awaiting_review", "awaiting_confirmation", "awaiting_remittance",
	"awaiting_verification", "partially_paid", "paid_installment", "paid",
	"pending_shipment", "shipped", "delivered", "receipt_confirmed",
	"completed", "cancelled", "refused", "return_requested", "returned",
	"refunded", NULL
};

/* The method filter: "installment_any" (index METHOD_INSTALLMENT_ANY)
 * or one method. */
#define METHOD_INSTALLMENT_ANY	0
static const char *const order_methods[] = {
	"installment_any", "installment_card", "installment_partner",
	"installment_corporate", "credit_line", "cod", "remittance",
	"pay_after_use", NULL
};

/* A method filter's choice in words: any installment method, or the
 * method's name a shopper reads. */
static void
method_choice_words(const char *code, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s", strcmp(code, "installment_any") == 0 ?
	    A_("Installment (any kind)") : words_method(code));
}

static const struct aq_filter order_filters[] = {
	{ "status", NA_("Status"), order_statuses, words_status },
	{ "method", NA_("Method"), order_methods, method_choice_words },
	{ "who", NA_("Company or buyer (name, email or id)"), NULL, NULL },
	{ "from", NA_("Created from (YYYY-MM-DD)"), NULL, NULL },
	{ "to", NA_("Created to (YYYY-MM-DD)"), NULL, NULL },
};

/* In the order of enum db_order_sort. */
static const struct aq_sort order_sorts[] = {
	{ "newest", NA_("Newest first") },
	{ "oldest", NA_("Oldest first") },
	{ "promised", NA_("Promised date, soonest first") },
	{ "amount_desc", NA_("Amount, largest first") },
	{ "amount_asc", NA_("Amount, smallest first") },
	{ "status", NA_("Status") },
};

static const char *const order_columns[] = {
	NA_("Shopper"), NA_("Company"), NA_("Method"), NA_("Status"),
	NA_("Amount to pay"), NA_("Destination")
};

const struct field_spec page_admin_orders_fields[] = {
	{ "status", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "method", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "who", FIELD_TEXT, 0, 200, 0, 0 },
	{ "from", FIELD_DATE, 0, 0, 0, 0 },
	{ "to", FIELD_DATE, 0, 0, 0, 0 },
	{ "sort", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "page", FIELD_INT, 0, 0, 1, 1000000 },
	{ "after", FIELD_TOKEN, 0, 48, 0, 0 },
	{ "before", FIELD_TOKEN, 0, 48, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_order_fields[] = {
	{ "notice", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_order_cancel_fields[] = {
	{ "from", FIELD_TOKEN, 1, 32, 0, 0 },
	{ "reason", FIELD_TEXT, 0, 200, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_audit_fields[] = {
	{ "q", FIELD_TEXT, 0, 200, 0, 0 },
	{ "subject_type", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "subject_id", FIELD_ID, 0, 0, 0, 0 },
	{ "user", FIELD_TEXT, 0, 254, 0, 0 },
	{ "admin", FIELD_TEXT, 0, 254, 0, 0 },
	{ "type", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "from", FIELD_DATE, 0, 0, 0, 0 },
	{ "to", FIELD_DATE, 0, 0, 0, 0 },
	{ "page", FIELD_INT, 0, 0, 1, 1000000 },
	{ "after", FIELD_TOKEN, 0, 48, 0, 0 },
	{ "before", FIELD_TOKEN, 0, 48, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* A field's value or "" (absent or invalid). */
static const char *
str_or_empty(struct ctx *c, const char *name)
{
	const char *s = ctx_str(c, name);

	return s != NULL ? s : "";
}

/* The console's pages the dashboard links to, each shown only to an
 * admin whose roles open it (page_may_get: the route table decides). */
static const struct {
	const char	*path, *title;
	int		 download;	/* a CSV export */
} admin_links[] = {
	{ "/admin/orders", NA_("All orders"), 0 },
	{ "/admin/reports", NA_("Money reports"), 0 },
	{ "/admin/audit", NA_("Audit trail"), 0 },
	{ "/admin/holidays", NA_("Holidays"), 0 },
	{ "/admin/fx", NA_("Exchange rates"), 0 },
	{ "/admin/guarantee", NA_("Pay After Use guarantee"), 0 },
	{ "/admin/reconciliation", NA_("Reconciliation with the partners"), 0 },
	{ "/admin/export/ledger", NA_("Ledger lines (CSV)"), 1 },
	{ "/admin/export/reconciliation", NA_("Reconciliation differences (CSV)"),
	    1 },
	{ "/admin/remittance/statements", NA_("Bank statements (remittances)"), 0 },
	{ "/admin/companies", NA_("Companies (agreements, COD-02 limit, REM-02 "
	    "quota)"), 0 },
	{ "/admin/admins", NA_("Admins and roles"), 0 },
	{ "/admin/sign-in-codes", NA_("Admins' sign-in codes"), 0 },
};

/* The dashboard's links the admin of c may open into d (LINK). */
static void
dashboard_links(struct ctx *c, struct view_dict *d)
{
	struct view_dict	*q;
	char			 path[160];
	size_t			 i;

	for (i = 0; i < sizeof(admin_links) / sizeof(admin_links[0]); i++)
		if (page_may_get(c, admin_links[i].path)) {
			q = view_add(d, "LINK");
			view_set(q, "PATH", admin_links[i].path);
			view_set(q, "TITLE", A_(admin_links[i].title));
			if (admin_links[i].download)
				view_show(q, "DOWNLOAD");
		}
	for (i = 0; i < admin_kinds_n; i++) {
		snprintf(path, sizeof(path), "/admin/settings/%s",
		    admin_kinds[i].slug);
		if (!page_may_get(c, path))
			continue;
		q = view_add(d, "LINK");
		view_set(q, "PATH", path);
		view_set(q, "TITLE", A_(admin_kinds[i].title));
	}
}

/* The key money figures k into d (FIGURES_MONEY). */
static void
money_figures(struct view_dict *d, const struct report_key_figures *k)
{
	struct view_dict *x = view_add(d, "FIGURES_MONEY");

	page_set_money(x, "COLLECTED_TODAY", k->collected_today, "USD");
	page_set_money(x, "COLLECTED_MONTH", k->collected_month, "USD");
	page_set_money(x, "OUTSTANDING", k->outstanding, "USD");
	page_set_money(x, "OVERDUE", k->overdue, "USD");
	page_set_money(x, "REFUNDS_OPEN", k->refunds_open, "USD");
	page_set_money(x, "GUARANTEE_MONTH", k->guarantee_month, "USD");
}

/* The key money figures (USD) and the n queues b past their promised
 * dates (counted by page_admin at the clock's now) into d (FIGURE,
 * BREACHES), those the admin's roles open (the figures with the
 * reports). Returns 0 or -1. */
static int
add_key_figures(struct ctx *c, struct view_dict *d,
    const struct report_breach *b, size_t n)
{
	struct report_key_figures	 k;
	struct view_dict		*x, *y;
	size_t				 i;

	if (page_may_get(c, "/admin/reports")) {
		if (report_key_figures(c->db, "USD", c->now, &k) == -1)
			return -1;
		money_figures(d, &k);
	}
	for (i = 0, x = NULL; i < n; i++) {
		if (!page_may_get(c, b[i].path))
			continue;
		if (x == NULL)
			x = view_add(d, "BREACHES");
		y = view_add(x, "BREACH");
		view_set(y, "TITLE", A_(b[i].title));
		view_set(y, "PATH", b[i].path);
		view_set(y, "PROMISE", A_(b[i].promise));
		view_set_int(y, "N", (long long)b[i].overdue);
	}
	return 0;
}

/* GET /admin: every registered queue with its figures, and the console's
 * other pages, those the admin's roles open. A queue whose count fails
 * (its table not migrated yet) shows as unavailable; the dashboard still
 * answers. */
int
page_admin(struct ctx *c)
{
	struct view_dict	*d, *q, *qs = NULL;
	struct queue_figures	 fig[QUEUE_MAX];
	struct db_queue_stats	 st;
	struct report_breach	 b[16];
	char			 age[64];
	int			 want[QUEUE_MAX] = { 0 };
	size_t			 i, nb = 0;

	d = view_dict_new();
	view_set(d, "MY_ROLES", admin_roles_words(c->user.admin_roles, age,
	    sizeof(age)));
	for (i = 0; i < queue_table_n; i++)
		want[i] = page_may_get(c, queue_table[i].path);
	queue_figures(c->db, c->now, want, fig);
	for (i = 0; i < queue_table_n; i++) {
		if (!want[i])
			continue;
		if (qs == NULL)
			qs = view_add(d, "QUEUES");
		q = view_add(qs, "QUEUE");
		view_set(q, "ID", queue_table[i].id);
		view_set(q, "TITLE", A_(queue_table[i].title));
		view_set(q, "PATH", queue_table[i].path);
		view_set(q, "PROMISE", A_(queue_table[i].promise));
		if (!fig[i].ok) {
			view_show(q, "UNAVAILABLE");
			continue;
		}
		st = fig[i].st;
		q = view_add(q, "FIGURES");
		view_set_int(q, "COUNT", (long long)st.count);
		aq_age(c->now, st.oldest_at, age, sizeof(age));
		view_set(q, "OLDEST", st.count > 0 ? age : "-");
		view_set_int(q, "OVERDUE", (long long)st.overdue);
		if (st.overdue > 0)
			view_show(q, "LATE");
		if (st.overdue > 0 && nb < 16) {	/* one count each */
			b[nb].title = queue_table[i].title;
			b[nb].path = queue_table[i].path;
			b[nb].promise = queue_table[i].promise;
			b[nb++].overdue = st.overdue;
		}
	}
	dashboard_links(c, d);
	if (add_key_figures(c, d, b, nb) == -1) {
		view_dict_free(d);
		return page_error(c, 500, NULL);
	}
	return page_render_free(c, "admin_dashboard.tpl", d, "Admin", 200);
}

/* 1 if an admin may cancel an order in status s (nothing paid yet). */
static int
cancellable(enum order_status s)
{
	return s == OS_AWAITING_REVIEW || s == OS_AWAITING_CONFIRMATION ||
	    s == OS_AWAITING_REMITTANCE;
}

static int64_t	day_start(struct ctx *, const char *, int, int64_t);

/* The index of s in the NULL-terminated list v, or -1. */
static int
choice(const char *const *v, const char *s)
{
	int i;

	for (i = 0; v[i] != NULL; i++)
		if (strcmp(v[i], s) == 0)
			return i;
	return -1;
}

/* See admin_queue.h. Limit/offset pages over a total order (the sort key,
 * then the order id): a page is stable while no order is added, and any
 * page can be opened from the pager; keyset pages would need one cursor
 * per sort, for a list an admin reads 25 at a time. */
const char *
admin_orders_filter(struct ctx *c, struct db_admin_order_filter *f)
{
	static const char *const sorts[] = { "newest", "oldest", "promised",
	    "amount_desc", "amount_asc", "status", NULL };
	const char	*who = str_or_empty(c, "who"), *sort;
	int		 i;

	memset(f, 0, sizeof(*f));
	if (ctx_field_err(c, "from") != NULL || ctx_field_err(c, "to") != NULL)
		return NA_("Dates are written YYYY-MM-DD, like 2026-12-04.");
	if (ctx_field_err(c, "status") != NULL || (ctx_str(c, "status") &&
	    choice(order_statuses, ctx_str(c, "status")) < 0))
		return NA_("There is no such status; choose one from the list.");
	if (ctx_field_err(c, "method") != NULL || (ctx_str(c, "method") &&
	    choice(order_methods, ctx_str(c, "method")) < 0))
		return NA_("There is no such payment method; choose one from the "
		    "list.");
	sort = str_or_empty(c, "sort");
	if (ctx_field_err(c, "sort") != NULL ||
	    (sort[0] != '\0' && choice(sorts, sort) < 0))
		return NA_("The list cannot be sorted that way; choose a sort "
		    "from the list.");
	if (ctx_field_err(c, "who") != NULL)
		return NA_("The company or buyer is text of at most 200 "
		    "characters.");
	snprintf(f->status, sizeof(f->status), "%s", str_or_empty(c, "status"));
	snprintf(f->method, sizeof(f->method), "%s", str_or_empty(c, "method"));
	if (who[0] != '\0' && strspn(who, "0123456789") == strlen(who))
		f->user_id = strtoll(who, NULL, 10);
	else if (strchr(who, '@') != NULL)
		snprintf(f->user_email, sizeof(f->user_email), "%s", who);
	else
		snprintf(f->company, sizeof(f->company), "%s", who);
	i = sort[0] != '\0' ? choice(sorts, sort) : 0;
	f->sort = (enum db_order_sort)i;
	f->from = day_start(c, "from", 0, 0);
	f->until = day_start(c, "to", 1, 0);
	if (f->from > 0 && f->until > 0 && f->until <= f->from)
		return NA_("The end date is before the start date.");
	return NULL;
}

/* GET /admin/orders: every order, filtered by status, method, company or
 * buyer and creation date, sorted by date, amount or status, 25 a page;
 * a bad filter is named above the list (422). */
int
page_admin_orders(struct ctx *c)
{
	struct db_admin_order_filter	 f;
	struct db_admin_order		*v = NULL;
	struct aq_list			 l;
	struct aq_row			*r;
	enum order_status		 fst;
	char				 st[48], money[MONEY_STR_MAX];
	size_t				 n = 0, i;
	int64_t				 total = 0;
	int				 rc;

	memset(&l, 0, sizeof(l));
	l.error = admin_orders_filter(c, &f);
	l.title = NA_("Orders");
	l.path = "/admin/orders";
	l.intro = NA_("Every order of the mall. Open one for its full history.");
	l.filters = order_filters;
	l.nfilters = sizeof(order_filters) / sizeof(order_filters[0]);
	for (i = 0; i < l.nfilters; i++)
		l.values[i] = str_or_empty(c, order_filters[i].name);
	l.sorts = order_sorts;
	l.nsorts = sizeof(order_sorts) / sizeof(order_sorts[0]);
	l.sort = str_or_empty(c, "sort");
	l.export_path = "/admin/export/orders";
	/* the two dashboard queues that are this list filtered */
	if (order_status_parse(f.status, &fst) == -1)
		;
	else if (fst == OS_RETURNED && f.method[0] == '\0')
		l.queue_id = "refund_due";
	else if (fst == OS_AWAITING_REVIEW &&
	    choice(order_methods, f.method) == METHOD_INSTALLMENT_ANY)
		l.queue_id = "installment_review";
	l.columns = order_columns;
	l.ncols = sizeof(order_columns) / sizeof(order_columns[0]);
	l.page = aq_page_arg(c);
	l.decide_order_action = "cancel";
	l.decide_label = NA_("Cancel order");
	if (l.error != NULL) {
		rc = admin_queue_render(c, &l);
		return rc == 200 ? 422 : rc;
	}
	if (db_admin_order_keyset(&f))
		f.key_dir = aq_key_arg(c, &f.key_at, &f.key_id);
	if (admin_orders_search(c->db, &f, (size_t)(l.page - 1) * AQ_PER_PAGE,
	    AQ_PER_PAGE, &v, &n, &total) == -1)
		return page_error(c, 500, NULL);
	l.total = total;
	if (db_admin_order_keyset(&f))
		n = aq_key_rows(&l, v, sizeof(*v), n, f.key_dir,
		    offsetof(struct db_admin_order, created_at),
		    offsetof(struct db_admin_order, id));
	for (i = 0; i < n; i++) {
		r = aq_row_add(&l);
		r->id = v[i].id;
		snprintf(r->href, sizeof(r->href), "/admin/orders/%lld",
		    (long long)v[i].id);
		r->created_at = v[i].created_at;
		r->promised_at = v[i].promised_at;
		snprintf(r->cells[0], sizeof(r->cells[0]), "%s",
		    v[i].user_email);
		snprintf(r->cells[1], sizeof(r->cells[1]), "%s",
		    v[i].company_name[0] ? v[i].company_name : "-");
		snprintf(r->cells[2], sizeof(r->cells[2]), "%s",
		    words_method(pay_method_name(v[i].method)));
		words_status(order_status_name(v[i].status), st, sizeof(st));
		snprintf(r->cells[3], sizeof(r->cells[3]), "%s", st);
		snprintf(r->cells[4], sizeof(r->cells[4]), "%s",
		    money_display(&v[i].amount_due, money, sizeof(money)));
		snprintf(r->cells[5], sizeof(r->cells[5]), "%s (%s)",
		    v[i].country, v[i].region_code);
		if (cancellable(v[i].status))
			snprintf(r->decide_from, sizeof(r->decide_from), "%s",
			    order_status_name(v[i].status));
	}
	free(v);
	rc = admin_queue_render(c, &l);
	aq_list_cleanup(&l);
	return rc;
}

/* An order state code as words (an order status's, as the shopper reads
 * it, in the thread's language) into name of x; "-" for none. */
static void
state_cell(struct view_dict *x, const char *name, const char *code)
{
	char w[64];

	if (code[0] == '\0')
		snprintf(w, sizeof(w), "-");
	else
		words_status(code, w, sizeof(w));
	view_set(x, name, w);
}

/* The order's history, ne events ev, into d (NO_EVENTS when none). */
static void
order_events(struct view_dict *d, const struct db_event_row *ev, size_t ne)
{
	struct view_dict	*x;
	char			 tmp[64];
	size_t			 i;

	for (i = 0; i < ne; i++) {
		x = view_add(d, "EVENT");
		admin_fmt_time(ev[i].at, tmp, sizeof(tmp));
		view_set(x, "AT", tmp);
		view_setf(x, "ACTOR", "%s%s%s", ev[i].actor_type,
		    ev[i].actor_email[0] ? " " : "", ev[i].actor_email);
		state_cell(x, "FROM", ev[i].from_state);
		state_cell(x, "TO", ev[i].to_state);
		page_set_said(x, "REASON", ev[i].reason);
		view_set(x, "DETAIL", ev[i].detail);
	}
	if (ne == 0)
		view_show(d, "NO_EVENTS");
}

/* Render the admin order page for order id (status 200, or the given
 * status with error shown). */
static int
order_page(struct ctx *c, int64_t id, int status, const char *error,
    const char *notice)
{
	struct admin_order_view		 v;
	const struct db_admin_order	*o = &v.o;
	const struct db_admin_order_item *items;
	const struct db_event_row	*ev;
	struct view_dict		*d, *x;
	char				 tmp[64], money[MONEY_STR_MAX];
	struct money			 due;
	size_t				 n, ne, i;
	int				 rc;

	rc = admin_order_view_load(c->db, id, c->now, &v);
	if (rc != 1) {
		admin_order_view_cleanup(&v);
		return rc == 0 ? page_error(c, 404, "There is no such order.") :
		    page_error(c, 500, NULL);
	}
	items = v.items;
	n = v.nitems;
	ev = v.ev;
	ne = v.nev;
	d = view_dict_new();
	view_set_int(d, "ID", (long long)o->id);
	view_set(d, "USER", o->user_email);
	view_set_int(d, "USER_ID", (long long)o->user_id);
	words_status(order_status_name(o->status), tmp, sizeof(tmp));
	view_set(d, "STATUS", tmp);
	view_set(d, "STATUS_CODE", order_status_name(o->status));
	view_set(d, "METHOD", o->method < PM__MAX ?
	    words_method(pay_method_name(o->method)) : "-");
	/* The figure the shopper's page shows (service/order_panels.c). */
	x = view_add(d, "AMOUNT");
	if (money_set(&due, v.panels.to_pay, o->amount_due.cur) == 0)
		view_set(x, "SUM", money_display(&due, money, sizeof(money)));
	if (v.panels.show & OP_DEBT)
		view_show(x, "OVERDUE");
	view_set(d, "FEE", money_display(&o->fee, money, sizeof(money)));
	view_set(d, "RATE", o->usd_per_unit);
	view_setf(d, "DEST", "%s (%s)", o->country, o->region_code);
	admin_fmt_time(o->created_at, tmp, sizeof(tmp));
	view_set(d, "CREATED", tmp);
	aq_day(o->promised_at, tmp, sizeof(tmp));
	view_set(d, "PROMISED", tmp);
	if (o->promised_at > 0 && o->promised_at < c->now)
		view_show(d, "LATE");
	for (i = 0; i < n; i++) {
		x = view_add(d, "ITEM");
		view_set(x, "NAME", items[i].name);
		view_set_int(x, "QTY", (long long)items[i].qty);
		view_set(x, "PRICE", money_display(&items[i].unit_price, money,
		    sizeof(money)));
	}
	order_events(d, ev, ne);
	if (cancellable(o->status)) {
		x = view_add(d, "DECIDE");
		view_set(x, "FROM", order_status_name(o->status));
		view_set_int(x, "ID", (long long)o->id);
	}
	page_admin_notes(d, notice, error);
	snprintf(tmp, sizeof(tmp), A_("Order #%lld"), (long long)o->id);
	rc = page_render_free(c, "admin_order.tpl", d, tmp, status);
	admin_order_view_cleanup(&v);
	return rc;
}

/* GET /admin/orders/:id: the order, its lines and its full history. */
int
page_admin_order(struct ctx *c)
{
	int64_t			 id = c->target_id;
	enum order_status	 moved;

	/* notice: the status the order was just moved to */
	return order_page(c, id, 200, NULL, order_status_parse(str_or_empty(c,
	    "notice"), &moved) == 0 && moved == OS_CANCELLED ?
	    NA_("The order is cancelled.") : NULL);
}

/* POST /admin/orders/:id/cancel: the admin's decision, bulk-safe: the
 * second admin gets "already decided by X at T" (409). */
int
page_admin_order_cancel(struct ctx *c)
{
	int64_t		 id = c->target_id;
	const char	*from = ctx_str(c, "from");
	char		 msg[512], loc[96];
	int		 rc;

	if (from == NULL)
		return order_page(c, id, 422, NA_("The form lacks the state "
		    "the order was shown in; reload the page."), NULL);
	rc = admin_order_cancel(c->db, c->user.user_id, c->now, id, from,
	    str_or_empty(c, "reason"), msg, sizeof(msg));
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 1)
		return order_page(c, id, 409, msg, NULL);
	snprintf(loc, sizeof(loc), "/admin/orders/%lld?notice=cancelled",
	    (long long)id);
	return page_redirect(c, loc);
}

/* A FIELD_DATE value as seconds at 00:00 UTC (plus days), or dflt. */
static int64_t
day_start(struct ctx *c, const char *name, int plus, int64_t dflt)
{
	const char	*s = ctx_str(c, name);
	mp_date		 d;

	if (s == NULL || mp_date_parse(s, strlen(s), &d) == -1)
		return dflt;
	return mp_date_to_unix(d) + (int64_t)plus * 86400;
}

/* The audit filter's query keys, shared by its pager and its export. */
static const char *const audit_keys[] = { "q", "subject_type", "subject_id",
    "user", "admin", "type", "from", "to" };

/* Append the audit filter of c's query to url as "k=v&" pairs. */
static void
audit_query(struct ctx *c, struct buf *url)
{
	size_t i;

	for (i = 0; i < sizeof(audit_keys) / sizeof(audit_keys[0]); i++) {
		const char *s = str_or_empty(c, audit_keys[i]);

		if (s[0] == '\0')
			continue;
		buf_printf(url, "%s=", audit_keys[i]);
		aq_url_encode(url, s);
		buf_puts(url, "&");
	}
}

/* The EXPORT link of the audit page into d, with its filter. */
static void
set_audit_export(struct ctx *c, struct view_dict *d)
{
	struct buf url;

	buf_init(&url);
	buf_puts(&url, "/admin/export/audit?");
	audit_query(c, &url);
	view_set(view_add(d, "EXPORT"), "HREF", buf_str(&url));
	buf_cleanup(&url);
}

/* The PREV and NEXT links of the audit page into d for page (1-based)
 * of the n events v (50 a page): each keeps
 * the request's query, and carries the page's first event as before= or
 * its last as after=. */
static void
set_audit_pages(struct ctx *c, struct view_dict *d, int64_t page,
    const struct db_event_row *v, size_t n, int has_prev, int has_next)
{
	struct buf	 url;

	if (n == 0 || !(has_prev || has_next))
		return;
	buf_init(&url);
	audit_query(c, &url);
	if (has_prev)
		view_setf(view_add(d, "PREV"), "HREF",
		    "/admin/audit?%spage=%lld&before=%lld_%lld", buf_str(&url),
		    (long long)(page > 1 ? page - 1 : 1), (long long)v[0].at,
		    (long long)v[0].id);
	if (has_next)
		view_setf(view_add(d, "NEXT"), "HREF",
		    "/admin/audit?%spage=%lld&after=%lld_%lld", buf_str(&url),
		    (long long)(page + 1), (long long)v[n - 1].at,
		    (long long)v[n - 1].id);
	buf_cleanup(&url);
}

/* See admin_queue.h. */
void
admin_audit_filter(struct ctx *c, struct db_event_filter *f)
{
	memset(f, 0, sizeof(*f));
	snprintf(f->subject_type, sizeof(f->subject_type), "%s",
	    str_or_empty(c, "subject_type"));
	f->subject_id = ctx_int(c, "subject_id", 0);
	snprintf(f->type, sizeof(f->type), "%s", str_or_empty(c, "type"));
	f->from = day_start(c, "from", 0, 0);
	f->until = day_start(c, "to", 1, 0);
	f->key_dir = aq_key_arg(c, &f->key_at, &f->key_id);
}

/* Longer details than this are folded behind <details>. */
#define AUDIT_FOLD	100

/* Event e's detail into x: a settings change in the units of its form,
 * a long one (a checkout verdict) folded under its first words. */
static void
set_detail(struct view_dict *x, const struct db_event_row *e)
{
	struct view_dict	*y;
	char			*words;
	size_t			 len = strlen(e->detail) * 2 + 64;

	words = xmalloc(len);
	if (strcmp(e->to_state, "setting_changed") == 0)
		admin_audit_detail_words(e->reason, e->detail, words, len);
	else
		snprintf(words, len, "%s", e->detail);
	if (strlen(words) <= AUDIT_FOLD) {
		view_set(view_add(x, "SHORT"), "TEXT", words);
	} else {
		y = view_add(x, "FOLDED");
		view_setf(y, "SUMMARY", "%.60s...", words);
		view_set(y, "TEXT", words);
	}
	free(words);
}

/* GET /admin/audit: search the audit trail by subject, user, admin, type
 * and date range, 50 a page, newest first. */
int
page_admin_audit(struct ctx *c)
{
	struct db_event_filter	 f;
	struct db_event_row	*v = NULL;
	struct view_dict	*d, *x;
	char			 tmp[64];
	size_t			 n = 0, i;
	int64_t			 total = 0, page = aq_page_arg(c);
	const char		*qmsg = NULL;
	int			 rc, none, has_prev = 0, has_next = 0;

	admin_audit_filter(c, &f);
	none = admin_search_subject(c->db, str_or_empty(c, "q"), &f, &qmsg);
	if (none == 0 && (none = admin_audit_search(c->db, &f,
	    str_or_empty(c, "user"), str_or_empty(c, "admin"),
	    (size_t)(page - 1) * 50, 50, &v, &n, &total)) == 1)
		qmsg = NULL;
	if (none == -1)
		return page_error(c, 500, NULL);
	for (i = 50; i < n; i++)	/* the row that says a page lies beyond */
		free(v[i].detail);
	n = aq_key_page(v, sizeof(*v), n, 50, f.key_dir == 0 && page > 1 ?
	    1 : f.key_dir, &has_prev, &has_next);
	if (f.key_dir == -1 && !has_prev)
		page = 1;
	d = view_dict_new();
	view_set(d, "F_Q", str_or_empty(c, "q"));
	if (qmsg != NULL)
		view_set(view_add(d, "Q_ERROR"), "MSG", qmsg);
	set_audit_export(c, d);
	view_set(d, "F_SUBJECT_TYPE", f.subject_type);
	if (f.subject_id > 0)
		view_set_int(d, "F_SUBJECT_ID", (long long)f.subject_id);
	view_set(d, "F_USER", str_or_empty(c, "user"));
	view_set(d, "F_ADMIN", str_or_empty(c, "admin"));
	view_set(d, "F_TYPE", f.type);
	view_set(d, "F_FROM", str_or_empty(c, "from"));
	view_set(d, "F_TO", str_or_empty(c, "to"));
	aq_set_total(d, total, page, 0);
	if (none && qmsg == NULL)
		view_show(d, "UNKNOWN_USER");
	if (n == 0)
		view_show(d, "EMPTY");
	for (i = 0; i < n; i++) {
		x = view_add(d, "EVENT");
		view_set_int(x, "ID", (long long)v[i].id);
		admin_fmt_time(v[i].at, tmp, sizeof(tmp));
		view_set(x, "AT", tmp);
		view_setf(x, "SUBJECT", "%s #%lld", v[i].subject_type,
		    (long long)v[i].subject_id);
		if (strcmp(v[i].subject_type, "order") == 0)
			view_setf(view_add(x, "ORDER_LINK"), "HREF",
			    "/admin/orders/%lld", (long long)v[i].subject_id);
		view_setf(x, "ACTOR", "%s%s%s", v[i].actor_type,
		    v[i].actor_email[0] ? " " : "", v[i].actor_email);
		if (strcmp(v[i].subject_type, "order") == 0) {
			state_cell(x, "FROM", v[i].from_state);
			state_cell(x, "TO", v[i].to_state);
		} else {
			view_set(x, "FROM", v[i].from_state[0] ?
			    v[i].from_state : "-");
			view_set(x, "TO", v[i].to_state[0] ? v[i].to_state :
			    "-");
		}
		if (v[i].reason[0] == '{')	/* a stored fixed sentence */
			page_set_said(x, "REASON", v[i].reason);
		else
			view_set(x, "REASON", A_(v[i].reason));
		set_detail(x, &v[i]);
	}
	set_audit_pages(c, d, page, v, n, has_prev, has_next);
	rc = page_render_free(c, "admin_audit.tpl", d, "Audit trail", 200);
	admin_events_free(v, n);
	return rc;
}
