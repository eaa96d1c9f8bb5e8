/*
 * Post office remittance pages of the admin (RULES.md section 3):
 *
 *   GET  /admin/vouchers			the queue, oldest first (REM-P5)
 *   GET  /admin/orders/:id/voucher		one order's voucher to decide
 *   GET  /admin/orders/:id/voucher/file	the file, through this handler
 *   POST /admin/orders/:id/voucher/decide	received amount or rejection
 *   POST /admin/orders/:id/remittance-refund-sent	a refund marked sent
 *   GET  /admin/remittance/statements	statement import and unmatched lines
 *   POST /admin/remittance/statements	the CSV upload
 *
 * Handlers parse and validate input, call one service
 * (service/remittance.c), render one template.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/doc_pictures.h"
#include "pages/admin_queue.h"
#include "pages/pages.h"
#include "pages/remittance_page.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/filestore.h"
#include "service/order_page.h"
#include "service/remittance.h"
#include "service/remittance_view.h"
#include "view/view.h"

const struct field_spec page_admin_vouchers_fields[] = {
	{ "currency", FIELD_TOKEN, 0, 3, 0, 0 },
	{ "flag", FIELD_TOKEN, 0, 8, 0, 0 },
	{ "sort", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "page", FIELD_INT, 0, 0, 1, 1000000 },
	{ "after", FIELD_TOKEN, 0, 48, 0, 0 },
	{ "before", FIELD_TOKEN, 0, 48, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_voucher_file_fields[] = {
	{ "v", FIELD_ID, 0, 0, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_voucher_decide_fields[] = {
	{ "voucher", FIELD_ID, 1, 0, 0, 0 },
	{ "decision", FIELD_TOKEN, 1, 16, 0, 0 },
	{ "received", FIELD_DECIMAL, 0, 24, 0, 0 },
	{ "reason", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_statements_fields[] = {
	{ "statement", FIELD_FILE, 1, 1024 * 1024, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The flag filter's choice in words into out. */
static void
flag_words(const char *code, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s", strcmp(code, "dup") == 0 ?
	    A_("Same file as another order") : code);
}

static const struct aq_filter voucher_filters[] = {
	{ "currency", NA_("Currency"), NULL, NULL },
	{ "flag", NA_("Flag"), (const char *const[]){ "dup", NULL },
	    flag_words },
};

static const struct aq_sort voucher_sorts[] = {
	{ "oldest", NA_("Oldest first") },
};

static const char *const voucher_columns[] = {
	NA_("Order"), NA_("Shopper"), NA_("Expected amount"),
	NA_("Remitted (shopper)"), NA_("Remitted on"), NA_("Tracking"),
	NA_("Flag"),
};

/* GET /admin/vouchers: pending vouchers, oldest first with their age and
 * the day the funds are expected by (REM-P4/P5), a page of AQ_PER_PAGE
 * by key (after= or before= a voucher's created_at and id). */
int
page_admin_vouchers(struct ctx *c)
{
	struct db_rem_queue_row	*v = NULL;
	struct aq_list		 l;
	struct aq_row		*r;
	const char		*cur = ctx_str(c, "currency");
	const char		*flag = ctx_str(c, "flag");
	char			 curu[4] = "", a[MONEY_STR_MAX];
	struct money		 m;
	mp_date			 by;
	size_t			 n = 0, i;
	int64_t			 total = 0, key_at, key_id;
	int			 rc, dir;

	if (cur != NULL)
		for (i = 0; i < 3 && cur[i] != '\0'; i++)
			curu[i] = (char)(cur[i] >= 'a' && cur[i] <= 'z' ?
			    cur[i] - 'a' + 'A' : cur[i]);
	memset(&l, 0, sizeof(l));
	l.title = NA_("Remittance vouchers");
	l.path = "/admin/vouchers";
	l.queue_id = "remittance_verify";
	l.intro = NA_("Vouchers awaiting verification, oldest first. Open one "
	    "to record the amount received or reject it (REM-P5, REM-P7, "
	    "REM-P9). Post office statements: /admin/remittance/statements.");
	l.filters = voucher_filters;
	l.nfilters = sizeof(voucher_filters) / sizeof(voucher_filters[0]);
	l.values[0] = curu;
	l.values[1] = flag != NULL ? flag : "";
	l.sorts = voucher_sorts;
	l.nsorts = 1;
	l.sort = "oldest";
	l.columns = voucher_columns;
	l.ncols = sizeof(voucher_columns) / sizeof(voucher_columns[0]);
	l.page = aq_page_arg(c);
	l.thumbs = 1;
	dir = aq_key_arg(c, &key_at, &key_id);
	if (rem_voucher_queue(c->db, curu, flag != NULL &&
	    strcmp(flag, "dup") == 0, dir, key_at, key_id, AQ_PER_PAGE + 1,
	    &v, &n, &total) == -1)
		return page_error(c, 500, NULL);
	l.total = total;
	n = aq_key_rows(&l, v, sizeof(*v), n, dir,
	    offsetof(struct db_rem_queue_row, v.created_at),
	    offsetof(struct db_rem_queue_row, v.id));
	for (i = 0; i < n; i++) {
		r = aq_row_add(&l);
		r->id = v[i].v.id;
		snprintf(r->href, sizeof(r->href), "/admin/orders/%lld/voucher",
		    (long long)v[i].v.order_id);
		r->created_at = v[i].v.created_at;
		r->thumb_file = v[i].has_thumb ? v[i].v.file_id : 0;
		if (mp_date_parse(v[i].v.expected_by,
		    strlen(v[i].v.expected_by), &by) == 0)
			r->promised_at = mp_date_to_unix(by) + 86400;
		snprintf(r->cells[0], sizeof(r->cells[0]), "#%lld",
		    (long long)v[i].v.order_id);
		snprintf(r->cells[1], sizeof(r->cells[1]), "%s",
		    v[i].user_email);
		if (money_set(&m, v[i].order_amount_minor, v[i].v.currency) == 0)
			snprintf(r->cells[2], sizeof(r->cells[2]), "%s",
			    money_display(&m, a, sizeof(a)));
		if (money_set(&m, v[i].v.amount_minor, v[i].v.currency) == 0)
			snprintf(r->cells[3], sizeof(r->cells[3]), "%s",
			    money_display(&m, a, sizeof(a)));
		snprintf(r->cells[4], sizeof(r->cells[4]), "%s",
		    v[i].v.remitted_on);
		snprintf(r->cells[5], sizeof(r->cells[5]), "%s",
		    v[i].v.tracking);
		snprintf(r->cells[6], sizeof(r->cells[6]), "%s",
		    v[i].v.dup_of_file > 0 ? A_("same file as another order") :
		    "");
	}
	free(v);
	rc = admin_queue_render(c, &l);
	aq_list_cleanup(&l);
	return rc;
}

/* The pending voucher of rv (an order awaiting verification) into d
 * (section PENDING): its amount, date, tracking, expected window, the
 * uploaded file's kind, and the other order with the same file. */
static void
set_pending_voucher(struct view_dict *d, const struct rem_view *rv)
{
	const struct db_rem_voucher *pv = &rv->pv;
	struct view_dict	*s = view_add(d, "PENDING");
	char			 when[40], b[MONEY_STR_MAX];

	view_set_int(s, "VID", (long long)pv->id);
	page_set_money(s, "AMOUNT", pv->amount_minor, pv->currency);
	view_set(s, "AMOUNT_VALUE", rem_page_plain_amount(pv->amount_minor,
	    pv->currency, b, sizeof(b)));
	view_set(s, "DATE", pv->remitted_on);
	view_set(s, "TRACKING", pv->tracking);
	view_set(s, "FROM", pv->expected_from);
	view_set(s, "BY", pv->expected_by);
	page_time(pv->created_at, when, sizeof(when));
	view_set(s, "AT", when);
	if (rv->pv_has_file) {
		char dl[96], alt[64];
		struct doc_pictures p = { "voucher", rv->pv_file.id,
		    rv->pv_file.npages, rv->pv_file.mime, alt, dl };

		snprintf(dl, sizeof(dl), "/admin/orders/%lld/voucher/file?v=%lld",
		    (long long)rv->o.id, (long long)pv->id);
		snprintf(alt, sizeof(alt), A_("Remittance voucher of order %lld"),
		    (long long)rv->o.id);
		doc_pictures_show(view_add(s, "FILE"), "PICTURES", &p);
	}
	if (pv->dup_of_file > 0 && rv->pv_dup_order > 0)
		view_set_int(view_add(s, "DUP"), "OTHER",
		    (long long)rv->pv_dup_order);
}

/* The order's vouchers of rv into d for the admin (one VOUCHER section
 * each): source, amount, date, tracking, status, reason, the amount
 * received and who decided when. */
static void
set_admin_voucher_rows(struct view_dict *d, const struct rem_view *rv)
{
	const struct db_rem_voucher *v = rv->v;
	struct view_dict	*s;
	char			 when[40];
	size_t			 i;

	for (i = 0; i < rv->nv; i++) {
		s = view_add(d, "VOUCHER");
		view_set_int(s, "VID", (long long)v[i].id);
		view_set(s, "SOURCE", v[i].source);
		page_set_money(s, "AMOUNT", v[i].amount_minor, v[i].currency);
		view_set(s, "DATE", v[i].remitted_on);
		view_set(s, "TRACKING", v[i].tracking);
		view_set(s, "STATUS", voucher_status_name(v[i].status));
		view_set(s, "REASON", v[i].reason);
		if (v[i].received_minor >= 0)
			page_set_money(s, "RECEIVED", v[i].received_minor,
			    v[i].currency);
		if (v[i].decided_at > 0) {
			page_time(v[i].decided_at, when, sizeof(when));
			view_setf(s, "DECIDED", A_("%s at %s"),
			    v[i].decided_by_email, when);
		}
	}
}

/* The order's refunds of rv into d for the admin (one REFUND section
 * each): kind, amount, due day, the shopper's postal account (ACCOUNT, or
 * WAITING for it) and whether it was sent (SENT, or the SEND_FORM). */
static void
set_admin_refund_rows(struct view_dict *d, const struct rem_view *rv)
{
	const struct db_rem_refund *rf = rv->rf;
	struct view_dict	*s, *t;
	char			 when[40];
	size_t			 i;

	for (i = 0; i < rv->nrf; i++) {
		s = view_add(d, "REFUND");
		view_set(s, "KIND", strcmp(rf[i].kind, "excess") == 0 ?
		    A_("Excess (REM-P7)") : A_("Cancellation (REM-P8)"));
		page_set_money(s, "AMOUNT", rf[i].amount_minor, rf[i].currency);
		view_set(s, "DUE", rf[i].due[0] ? rf[i].due :
		    A_("15 business days after the order completes"));
		/* migration 012: the shopper's postal account, and sent. */
		view_set_int(s, "RID", (long long)rf[i].id);
		if (rf[i].account_given_at != 0) {
			t = view_add(s, "ACCOUNT");
			view_set(t, "HOLDER", rf[i].account_name);
			view_set(t, "NUMBER", rf[i].account_number);
			page_time(rf[i].account_given_at, when, sizeof(when));
			view_set(t, "AT", when);
		} else if (rf[i].sent_at == 0)
			view_show(s, "WAITING");
		if (rf[i].sent_at != 0) {
			t = view_add(s, "SENT");
			view_set(t, "BY", rf[i].sent_by_email);
			page_time(rf[i].sent_at, when, sizeof(when));
			view_set(t, "AT", when);
		} else
			view_show(s, "SEND_FORM");
	}
}

/* Render the admin page of order id's voucher (the pending one, and the
 * history) with status, notice and error (NULL: none). Returns the HTTP
 * status answered. */
static int
admin_voucher_page(struct ctx *c, int64_t id, int status, const char *notice,
    const char *error)
{
	struct rem_view		 rv;
	const struct db_order	*o = &rv.o;
	struct view_dict	*d;
	char			 code[ORDER_RF_PRINT_MAX];
	int64_t			 got;
	int			 rc;

	rc = rem_view_load(c->db, 0, id, REMV_PENDING | REMV_VOUCHERS |
	    REMV_REFUNDS | REMV_RECEIVED | REMV_PAYEE, &rv);
	if (rc != 1) {
		rem_view_cleanup(&rv);
		return rc == 0 ? page_error(c, 404, "There is no such order.") :
		    page_error(c, 500, NULL);
	}
	got = rv.received;
	d = view_dict_new();
	page_admin_notes(d, notice, error);
	view_set_int(d, "ID", (long long)id);
	view_set(d, "METHOD", pay_method_name(o->method));
	view_set(d, "STATUS", order_status_name(o->status));
	view_set(d, "CODE", order_rf_printed(o->rf_code, code, sizeof(code)));
	view_set(d, "PAYEE", rv.payee.account_name);
	page_set_money(d, "EXPECTED", o->amount_due_minor, o->currency);
	page_set_money(d, "RECEIVED_TOTAL", got, o->currency);
	page_set_money(d, "STILL_DUE", got < o->amount_due_minor ?
	    o->amount_due_minor - got : 0, o->currency);
	view_set(d, "CURRENCY", o->currency);
	if (o->method != PM_REMITTANCE)
		view_show(d, "NOT_REMITTANCE");
	if (rv.has_pending && o->status == OS_AWAITING_VERIFICATION)
		set_pending_voucher(d, &rv);
	set_admin_voucher_rows(d, &rv);
	set_admin_refund_rows(d, &rv);
	rc = page_render_free(c, "remittance_admin_voucher.tpl", d,
	    "Remittance voucher", status);
	rem_view_cleanup(&rv);
	return rc;
}

/* GET /admin/orders/:id/voucher. */
int
page_admin_voucher(struct ctx *c)
{
	return admin_voucher_page(c, c->target_id, 200, NULL, NULL);
}

/* GET /admin/orders/:id/voucher/file[?v=N]: the voucher's file, served
 * only here after the role gate (admins) and the voucher/order check:
 * never a public URL (REM-P9, DESIGN "Uploads"). */
int
page_admin_voucher_file(struct ctx *c)
{
	int64_t			 id = c->target_id, vid = ctx_int(c, "v", 0);
	int64_t			 file_id;
	char			 name[40];
	int			 rc;

	rc = rem_voucher_file(c->db, id, vid, &file_id);
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 0)
		return page_error(c, 404, "This order has no such voucher "
		    "file.");
	snprintf(name, sizeof(name), "voucher-order-%lld", (long long)id);
	return filestore_respond(c, file_id, name);
}

/* POST /admin/orders/:id/voucher/decide. */
int
page_admin_voucher_decide(struct ctx *c)
{
	struct rem_view	 rv;
	const struct db_order *o = &rv.o;
	struct money	 m;
	const char	*dec = ctx_str(c, "decision"), *recv;
	char		 msg[400], why[160];
	int64_t		 id = c->target_id, vid = ctx_int(c, "voucher", 0);
	int64_t		 received = -1;
	enum result	 r;
	int		 rc;

	rc = rem_view_load(c->db, 0, id, 0, &rv);
	rem_view_cleanup(&rv);
	if (rc == 0)
		return page_error(c, 404, "There is no such order.");
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (vid <= 0 || dec == NULL)
		return admin_voucher_page(c, id, 400, NULL, NA_("Choose a voucher "
		    "and a decision."));
	if (strcmp(dec, "received") == 0) {
		recv = ctx_str(c, "received");
		if (recv == NULL || money_parse(recv, strlen(recv), o->currency,
		    &m, why, sizeof(why)) == -1) {
			snprintf(msg, sizeof(msg), A_("Enter the amount received "
			    "on the account in %s, for example 123.45."),
			    o->currency);
			return admin_voucher_page(c, id, 400, NULL, msg);
		}
		received = m.minor;
	} else if (strcmp(dec, "reject") != 0)
		return admin_voucher_page(c, id, 400, NULL, NA_("Unknown "
		    "decision."));
	switch ((r = remittance_decide(c->db, c->user.user_id, id, vid,
	    received, ctx_str(c, "reason"), c->now, msg, sizeof(msg)))) {
	case RES_OK:
		return admin_voucher_page(c, id, page_status(r), msg, NULL);
	case RES_INVALID:
	case RES_DECIDED:
	case RES_NOT_ALLOWED:
		return admin_voucher_page(c, id, page_status(r), NULL,
		    msg[0] ? msg : NA_("This voucher cannot be decided now. "
		    "Nothing was changed."));
	default:
		return page_result(c, r, r == RES_NOT_FOUND ? "This order has "
		    "no such voucher." : NULL);
	}
}

/* Render the statements page (status, the import's result or error, a
 * console text shown in the admin's language). */
static int
statements_page(struct ctx *c, int status, const struct rem_import *res,
    const char *error)
{
	struct db_rem_line	*l = NULL;
	struct view_dict	*d, *s;
	char			 when[40];
	size_t			 n = 0, i;

	if (rem_unmatched_lines(c->db, 200, &l, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	page_admin_notes(d, NULL, error);
	if (res != NULL) {
		s = view_add(d, "RESULT");
		if (res->already) {
			page_time(res->prev_at, when, sizeof(when));
			view_set(view_add(s, "ALREADY"), "AT", when);
		} else {
			s = view_add(s, "COUNTS");
			view_set_int(s, "LINES", res->lines);
			view_set_int(s, "MATCHED", res->matched);
			view_set_int(s, "UNMATCHED", res->unmatched);
			view_set_int(s, "DUPLICATES", res->duplicates);
		}
	}
	for (i = 0; i < n; i++) {
		s = view_add(d, "LINE");
		page_time(l[i].imported_at, when, sizeof(when));
		view_set(s, "AT", when);
		view_set_int(s, "NO", l[i].line_no);
		view_set(s, "RAW", l[i].raw);
		view_set(s, "NOTE", l[i].note);
	}
	free(l);
	return page_render_free(c, "remittance_statements.tpl", d,
	    "Post office statements", status);
}

/* GET /admin/remittance/statements. */
int
page_admin_statements(struct ctx *c)
{
	return statements_page(c, 200, NULL, NULL);
}

/* POST /admin/remittance/statements (multipart CSV): REM-P5. */
int
page_admin_statements_post(struct ctx *c)
{
	const struct field_val	*fv = ctx_field(c, "statement");
	struct rem_import	 res;
	const char		*bad;
	char			 err[200];
	int			 rc;

	if ((bad = ctx_field_err(c, "statement")) != NULL || fv == NULL ||
	    fv->file == NULL)
		return statements_page(c, 400, NULL, bad != NULL ? bad :
		    NA_("Choose the statement CSV file."));
	rc = remittance_import(c->db, c->user.user_id,
	    (const char *)fv->file->data, fv->file->len, c->now, &res, err,
	    sizeof(err));
	if (rc == 1)
		return statements_page(c, 400, NULL, err);
	if (rc == -1)
		return page_error(c, 500, err);
	return statements_page(c, 200, &res, NULL);
}

const struct field_spec page_admin_rem_refund_sent_fields[] = {
	{ "refund", FIELD_ID, 1, 20, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* POST /admin/orders/:id/remittance-refund-sent: the admin marks refund
 * `refund` of the order sent (refused while the shopper's postal account
 * is missing; a second submit says who marked it and when). */
int
page_admin_rem_refund_sent(struct ctx *c)
{
	char		 msg[400];
	int64_t		 id = c->target_id, rid = ctx_int(c, "refund", 0);
	enum result	 r;

	if (rid <= 0)
		return admin_voucher_page(c, id, 400, NULL, NA_("Choose the "
		    "refund to mark sent."));
	switch ((r = remittance_refund_sent(c->db, c->user.user_id, id, rid,
	    c->now, msg, sizeof(msg)))) {
	case RES_OK:
		return admin_voucher_page(c, id, page_status(r), msg, NULL);
	case RES_DECIDED:
	case RES_NOT_ALLOWED:
		return admin_voucher_page(c, id, page_status(r), NULL, msg);
	default:
		return page_result(c, r, r == RES_NOT_FOUND ? "This order has "
		    "no such refund." : NULL);
	}
}
