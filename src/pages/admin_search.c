/*
 * The admin console's search box (GET /admin/search, also a queue page's
 * "search this queue") and its CSV exports (GET /admin/export/...), each
 * streamed to the client while MariaDB reads the rows (service/export.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/words.h"
#include "http/ctx.h"
#include "http/response.h"
#include "pages/admin_queue.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/admin_view.h"
#include "service/export.h"
#include "service/queues.h"
#include "service/search.h"
#include "view/view.h"

const struct field_spec page_admin_search_fields[] = {
	{ "q", FIELD_TEXT, 0, 200, 0, 0 },
	{ "queue", FIELD_TOKEN, 0, 32, 0, 0 },
	{ "after", FIELD_TOKEN, 0, 48, 0, 0 },
	{ "before", FIELD_TOKEN, 0, 48, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The link to the page of q's orders after (dir 1) or before (-1) the
 * order o into d's section name (NEXT, PREV). */
static void
set_page_link(struct view_dict *d, const char *name, const char *q, int dir,
    const struct db_search_order *o)
{
	struct buf url;

	buf_init(&url);
	buf_puts(&url, "/admin/search?q=");
	aq_url_encode(&url, q);
	buf_printf(&url, "&%s=%lld_%lld", dir == 1 ? "after" : "before",
	    (long long)o->created_at, (long long)o->id);
	view_set(view_add(d, name), "HREF", buf_str(&url));
	buf_cleanup(&url);
}

/* The orders found into d (ORDER sections), their count (EXACT, or MANY
 * past the cap) and, for a page of a buyer's orders (read from key dir,
 * see admin_search), the links to the pages before and after. */
static void
set_orders(struct view_dict *d, struct search_result *r, const char *q,
    int dir)
{
	struct view_dict	*x;
	char			 tmp[64];
	size_t			 i;
	int			 prev = 0, next = 0;

	if (r->paged)
		r->norders = aq_key_page(r->orders, sizeof(*r->orders),
		    r->norders, SEARCH_PAGE, dir, &prev, &next);
	if (r->total > DB_COUNT_CAP)
		view_set_int(view_add(d, "MANY"), "CAP", DB_COUNT_CAP);
	else
		view_set_int(view_add(d, "EXACT"), "NORDERS",
		    (long long)r->total);
	if (prev && r->norders > 0)
		set_page_link(d, "PREV", q, -1, &r->orders[0]);
	if (next && r->norders > 0)
		set_page_link(d, "NEXT", q, 1, &r->orders[r->norders - 1]);
	for (i = 0; i < r->norders; i++) {
		const struct db_search_order *o = &r->orders[i];

		x = view_add(d, "ORDER");
		view_set_int(x, "ID", (long long)o->id);
		admin_fmt_time(o->created_at, tmp, sizeof(tmp));
		view_set(x, "CREATED", tmp);
		view_set(x, "EMAIL", o->email);
		view_set(x, "COMPANY", o->company[0] ? o->company : "-");
		view_set(x, "METHOD", o->method < PM__MAX ?
		    words_method(pay_method_name(o->method)) : "-");
		words_status(o->status < OS__MAX ? order_status_name(o->status) :
		    "", tmp, sizeof(tmp));
		view_set(x, "STATUS", tmp);
		view_set(x, "AMOUNT", money_display_minor(o->amount_minor,
		    o->currency, tmp, sizeof(tmp)));
		view_set(x, "RF_CODE", o->rf_code[0] ? o->rf_code : "-");
		view_set(x, "TRACKING", o->tracking[0] ? o->tracking : "-");
	}
}

/* The queue entries found into d (ENTRY), and with all, the orders
 * (ORDERS: a page from key dir for q) and audit rows (EVENTS). */
static void
set_found(struct view_dict *d, struct search_result *r, int all,
    const char *q, int dir)
{
	struct view_dict	*x, *ev = NULL;
	char			 tmp[64];
	size_t			 i;

	if (all) {
		set_orders(view_add(d, "ORDERS"), r, q, dir);
		ev = view_add(d, "EVENTS");
		view_set_int(ev, "NEVENTS", (long long)r->nevents);
	}
	for (i = 0; i < r->nentries; i++) {
		x = view_add(d, "ENTRY");
		view_set(x, "QUEUE", A_(r->entries[i].queue->title));
		view_set(x, "QUEUE_PATH", r->entries[i].queue->path);
		view_set(x, "WHAT", r->entries[i].what);
		view_set(x, "HREF", r->entries[i].href);
		admin_fmt_time(r->entries[i].since, tmp, sizeof(tmp));
		view_set(x, "SINCE", tmp);
	}
	for (i = 0; all && i < r->nevents; i++) {
		const struct db_event_row *e = &r->events[i];

		x = view_add(ev, "EVENT");
		admin_fmt_time(e->at, tmp, sizeof(tmp));
		view_set(x, "AT", tmp);
		view_setf(x, "SUBJECT", "%s #%lld", e->subject_type,
		    (long long)e->subject_id);
		view_setf(x, "ACTOR", "%s%s%s", e->actor_type,
		    e->actor_email[0] ? " " : "", e->actor_email);
		words_status(e->to_state, tmp, sizeof(tmp));
		view_set(x, "TO", e->to_state[0] ? tmp : "-");
		page_set_said(x, "REASON", e->reason);
	}
}

/* The queue a search is limited to into x. */
static void
set_queue(struct view_dict *x, const struct queue *qu)
{
	view_set(x, "TITLE", A_(qu->title));
	view_set(x, "PATH", qu->path);
	view_set(x, "ID", qu->id);
}

/* GET /admin/search?q=[&queue=]: what q names (order number, remittance
 * code, email, tracking number, company) across the orders, the review
 * queues and the audit trail; with queue, only that queue's entries. A
 * query that cannot be searched is named beside the box (422). */
int
page_admin_search(struct ctx *c)
{
	struct search_result	 r;
	struct search_key	 key;
	struct view_dict	*d;
	const struct queue	*qu = NULL;
	const char		*q = ctx_str(c, "q"), *queue = ctx_str(c, "queue");
	int			 rc, status = 200;

	if (queue != NULL && (qu = queue_find(queue)) == NULL)
		return page_error(c, 404, "There is no such queue.");
	if (ctx_field_err(c, "q") != NULL)
		q = NULL;
	key.dir = aq_key_arg(c, &key.at, &key.id);
	if (admin_search(c->db, q != NULL ? q : "", queue, &key, &r) == -1) {
		search_result_free(&r);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	view_set(d, "Q", q != NULL ? q : "");
	if (qu != NULL)
		set_queue(view_add(d, "IN_QUEUE"), qu);
	if (ctx_field_err(c, "q") != NULL || r.kind == SEARCH_BAD) {
		view_set(view_add(d, "Q_ERROR"), "MSG", r.kind == SEARCH_BAD ?
		    r.msg : A_("A search is text of at most 200 characters."));
		status = 422;
	} else if (r.kind != SEARCH_EMPTY) {
		struct view_dict *x = view_add(d, "RESULTS");

		view_set(x, "KIND", search_kind_words(r.kind));
		view_set_int(x, "NENTRIES", (long long)r.nentries);
		set_found(x, &r, qu == NULL, q, key.dir);
	}
	rc = page_render_free(c, "admin_search.tpl", d, "Search", status);
	search_result_free(&r);
	return rc;
}

/* See admin_queue.h. The file is named for the day of the request (UTC). */
void
page_csv_begin(struct ctx *c, const char *name, struct page_csv *o)
{
	char	day[16], disp[160];
	time_t	tt = (time_t)c->now;
	struct tm tm;

	o->c = c;
	o->line = xmalloc(sizeof(*o->line));
	buf_init(o->line);
	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(day, sizeof(day), "%Y-%m-%d", &tm) == 0)
		snprintf(day, sizeof(day), "export");
	snprintf(disp, sizeof(disp), "attachment; filename=\"mallpay-%s-%s.csv\"",
	    name, day);
	c->resp->status = 200;
	c->resp->content_type = "text/csv; charset=utf-8";
	resp_header(c->resp, "Content-Disposition", disp);
	pages_final_headers(c);
	resp_stream_begin(c->resp);
}

/* See admin_queue.h. */
int
page_csv_row(void *arg, const char *const *cells, size_t n, unsigned numeric)
{
	struct page_csv	*o = arg;
	struct csv	 w;
	size_t		 i;

	buf_reset(o->line);
	csv_init(&w, o->line);
	for (i = 0; i < n; i++) {
		if (i < 32 && (numeric & (1u << i)))
			csv_number(&w, cells[i]);
		else
			csv_text(&w, cells[i]);
	}
	csv_end(&w);
	return resp_stream_write(o->c->resp, buf_str(o->line), o->line->len);
}

/* See admin_queue.h. A database error after the head went out can only
 * cut the file short: it is logged by the db layer, and the status 500
 * makes the dispatcher drop the connection's transaction state. */
int
page_csv_end(struct page_csv *o, int rc)
{
	buf_cleanup(o->line);
	free(o->line);
	return rc == -1 ? 500 : 200;
}

/* GET /admin/export/orders: the orders list with its filters, as CSV. */
int
page_admin_export_orders(struct ctx *c)
{
	struct db_admin_order_filter	 f;
	struct page_csv			 o;
	const char			*err = admin_orders_filter(c, &f);

	if (err != NULL)
		return page_error(c, 422, err);
	page_csv_begin(c, "orders", &o);
	return page_csv_end(&o, export_orders(c->db, &f, page_csv_row, &o));
}

/* GET /admin/export/queues/:id: a review queue, as CSV. */
int
page_admin_export_queue(struct ctx *c)
{
	const char	*id = ctx_arg(c, 0);
	struct page_csv	 o;
	char		 name[48];

	if (!export_queue_known(id))
		return page_error(c, 404, "There is no such queue.");
	snprintf(name, sizeof(name), "queue-%s", id);
	page_csv_begin(c, name, &o);
	return page_csv_end(&o, export_queue(c->db, id, c->now, page_csv_row,
	    &o));
}

/* GET /admin/export/audit: the audit trail with the audit page's
 * filters, oldest first, as CSV. */
int
page_admin_export_audit(struct ctx *c)
{
	struct db_event_filter	 f;
	struct page_csv		 o;
	const char		*msg;
	int			 rc;

	admin_audit_filter(c, &f);
	if ((rc = admin_search_subject(c->db, ctx_str(c, "q") ?
	    ctx_str(c, "q") : "", &f, &msg)) == -1)
		return page_error(c, 500, NULL);
	if (rc == 1)
		return page_error(c, 422, msg);
	page_csv_begin(c, "audit", &o);
	return page_csv_end(&o, export_audit(c->db, &f, ctx_str(c, "user") ?
	    ctx_str(c, "user") : "", ctx_str(c, "admin") ? ctx_str(c, "admin") :
	    "", page_csv_row, &o));
}

/* GET /admin/export/ledger: every ledger line, as CSV. */
int
page_admin_export_ledger(struct ctx *c)
{
	struct page_csv o;

	page_csv_begin(c, "ledger", &o);
	return page_csv_end(&o, export_ledger(c->db, page_csv_row, &o));
}

/* GET /admin/export/reconciliation: every reconciliation difference, as
 * CSV. */
int
page_admin_export_recon(struct ctx *c)
{
	struct page_csv o;

	page_csv_begin(c, "reconciliation", &o);
	return page_csv_end(&o, export_recon(c->db, page_csv_row, &o));
}
