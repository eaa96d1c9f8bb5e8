/*
 * Post office remittance pages (RULES.md section 3):
 *
 *   GET  /orders/:id/remittance		instructions, printable (REM-P1,
 *					P2, P4, P6)
 *   GET  /orders/:id/voucher		"Upload Remittance Voucher" form,
 *					earlier vouchers and reasons (REM-P3,
 *					P7, P9)
 *   POST /orders/:id/voucher		the upload (multipart)
 *   GET  /admin/vouchers			the queue, oldest first (REM-P5)
 *   GET  /admin/orders/:id/voucher		one order's voucher to decide
 *   GET  /admin/orders/:id/voucher/file	the file, through this handler
 *   POST /admin/orders/:id/voucher/decide	received amount or rejection
 *   GET  /admin/remittance/statements	statement import and unmatched lines
 *   POST /admin/remittance/statements	the CSV upload
 *
 * Another shopper's order is 404. Handlers parse and validate input, call
 * one service (service/remittance.c), render one template.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/calendar.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/admin_queue.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/filestore.h"
#include "service/order_page.h"
#include "service/remittance.h"
#include "service/remittance_view.h"
#include "view/view.h"

const struct field_spec page_remittance_voucher_get_fields[] = {
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_remittance_voucher_fields[] = {
	{ "voucher", FIELD_FILE, 1, FILESTORE_MAX, 0, 0 },
	{ "amount", FIELD_DECIMAL, 1, 24, 0, 0 },
	{ "date", FIELD_DATE, 1, 10, 0, 0 },
	{ "tracking", FIELD_TEXT, 1, 64, 0, 0 },
	{ "key", FIELD_TOKEN, 1, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_vouchers_fields[] = {
	{ "currency", FIELD_TOKEN, 0, 3, 0, 0 },
	{ "flag", FIELD_TOKEN, 0, 8, 0, 0 },
	{ "sort", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "page", FIELD_INT, 0, 0, 1, 1000000 },
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

/* The plain decimal of minor in cur ("123.45") into out. */
static const char *
plain_amount(int64_t minor, const char *cur, char *out, size_t outsz)
{
	struct money m;

	if (money_set(&m, minor, cur) == -1) {
		snprintf(out, outsz, "%lld", (long long)minor);
		return out;
	}
	return money_str(&m, out, outsz);
}

/* Load c's user's remittance order id with parts (REMV_*) into *v (free
 * with rem_view_cleanup). Returns 0, or the status already answered (404
 * for another's or a missing order, 303 to the order page for another
 * method, 500). */
static int
own_order(struct ctx *c, int64_t id, unsigned parts, struct rem_view *v)
{
	char	loc[64];
	int	rc;

	if (id <= 0) {
		memset(v, 0, sizeof(*v));
		return page_error(c, 404, NULL);
	}
	rc = rem_view_load(c->db, c->user.user_id, id, parts, v);
	if (rc == 0)
		return page_error(c, 404, "There is no such order among "
		    "yours.");
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (strcmp(v->o.method, "remittance") != 0) {
		snprintf(loc, sizeof(loc), "/orders/%lld", (long long)id);
		return page_redirect(c, loc);
	}
	return 0;
}

/* A status for people: "awaiting_remittance" -> "Awaiting remittance". */
static void
status_label(const char *s, char *out, size_t outsz)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i + 1 < outsz; i++)
		out[i] = s[i] == '_' ? ' ' : s[i];
	out[i] = '\0';
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

/* The printed code of o (REM-P1) into out (ORDER_RF_PRINT_MAX). */
static const char *
printed_code(const struct db_order *o, char *out, size_t outsz)
{
	return order_rf_printed(o->rf_code, out, outsz);
}

/* REM-P4: "1-3 business days (domestic)" for the order's region (dom 1
 * domestic) into d. */
static void
set_window(struct view_dict *d, int dom)
{
	view_setf(d, "WINDOW", "%d-%d business days (%s)",
	    dom ? REM_DOMESTIC_MIN : REM_CROSS_MIN,
	    dom ? REM_DOMESTIC_MAX : REM_CROSS_MAX,
	    dom ? "domestic" : "cross-border");
}

/* GET /orders/:id/remittance: everything for the post office form. */
int
page_remittance_instructions(struct ctx *c)
{
	struct rem_view		 v;
	const struct db_order	*o = &v.o;
	const struct db_rem_payee *p = &v.payee;
	struct view_dict	*d;
	char			 rf[ORDER_RF_PRINT_MAX], st[40];
	int64_t			 got;
	int			 rc;

	if ((rc = own_order(c, ctx_arg_id(c, 0), REMV_PAYEE | REMV_RECEIVED |
	    REMV_WINDOW, &v)) != 0) {
		rem_view_cleanup(&v);
		return rc;
	}
	got = v.received;
	d = view_dict_new();
	view_set_int(d, "ID", (long long)o->id);
	/* REM-P1: payee, amount and currency, the code for the remarks. */
	view_set(d, "PAYEE_NAME", p->account_name);
	view_set(d, "PAYEE_ACCOUNT", p->account_number);
	view_set(d, "PAYEE_ADDRESS", p->address);
	view_set(d, "PAYEE_POSTAL", p->postal_code);
	view_set(d, "PAYEE_COUNTRY", p->country);
	page_set_money(d, "AMOUNT", o->amount_due_minor, o->currency);
	view_set(d, "CURRENCY", o->currency);
	if (got > 0 && got < o->amount_due_minor) {
		/* REM-P7: what is still due after a partial payment. */
		struct view_dict *s = view_add(d, "STILL_DUE");

		page_set_money(s, "RECEIVED", got, o->currency);
		page_set_money(s, "DUE", o->amount_due_minor - got, o->currency);
	}
	view_set(d, "CODE", printed_code(o, rf, sizeof(rf)));
	view_set(d, "STATUS_CODE", o->status);
	status_label(o->status, st, sizeof(st));
	view_set(d, "STATE", st);
	/* REM-P6: the payment window's last day. */
	view_set(d, "DEADLINE", o->payment_due[0] ? o->payment_due : "-");
	set_window(d, v.domestic);
	if (strcmp(o->status, "awaiting_remittance") == 0 ||
	    strcmp(o->status, "partially_paid") == 0)
		view_show(d, "CAN_UPLOAD");
	rc = page_render(c, "remittance_instructions.tpl", d,
	    "Remittance instructions");
	view_dict_free(d);
	rem_view_cleanup(&v);
	return rc;
}

/* The parts of the voucher page. */
#define VOUCHER_PARTS	(REMV_VOUCHERS | REMV_RECEIVED | REMV_WINDOW)

/* Render the voucher page of rv (status, notice, error with its field). */
static int
voucher_page(struct ctx *c, const struct rem_view *rv, int status,
    const char *notice, const char *error, const char *field)
{
	const struct db_order	*o = &rv->o;
	const struct db_rem_voucher *v = rv->v;
	struct view_dict	*d, *s;
	unsigned char		 rnd[16];
	char			 key[33], rf[ORDER_RF_PRINT_MAX], b[MONEY_STR_MAX];
	char			 when[40], today[11];
	int64_t			 got = rv->received;
	size_t			 n = rv->nv, i;
	mp_date			 td;
	int			 rc;

	d = view_dict_new();
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", notice);
	if (error != NULL) {
		s = view_add(d, "ERROR");
		view_set(s, "MSG", error);
		if (field != NULL)
			view_set(s, "FIELD", field);
	}
	view_set_int(d, "ID", (long long)o->id);
	view_set(d, "CODE", printed_code(o, rf, sizeof(rf)));
	view_set(d, "STATUS_CODE", o->status);
	view_set(d, "CURRENCY", o->currency);
	page_set_money(d, "AMOUNT", o->amount_due_minor, o->currency);
	page_set_money(d, "RECEIVED", got, o->currency);
	page_set_money(d, "STILL_DUE", got < o->amount_due_minor ?
	    o->amount_due_minor - got : 0, o->currency);
	view_set(d, "DEADLINE", o->payment_due[0] ? o->payment_due : "-");
	set_window(d, rv->domestic);
	if (strcmp(o->status, "partially_paid") == 0)
		view_show(d, "PARTIAL");
	if (strcmp(o->status, "awaiting_remittance") == 0 ||
	    strcmp(o->status, "partially_paid") == 0) {
		s = view_add(d, "FORM");
		randombytes_buf(rnd, sizeof(rnd));
		sodium_bin2hex(key, sizeof(key), rnd, sizeof(rnd));
		view_set(s, "KEY", key);
		view_set(s, "AMOUNT_VALUE", plain_amount(got <
		    o->amount_due_minor ? o->amount_due_minor - got :
		    o->amount_due_minor, o->currency, b, sizeof(b)));
		if (mp_date_from_unix(c->now, &td) == 0)
			view_set(s, "TODAY", mp_date_str(td, today,
			    sizeof(today)));
		view_setf(s, "MAX_BYTES", "%d", FILESTORE_MAX);
	} else if (strcmp(o->status, "awaiting_verification") == 0)
		view_show(d, "VERIFYING");
	for (i = 0; i < n; i++) {
		s = view_add(d, "VOUCHER");
		view_set_int(s, "VID", (long long)v[i].id);
		page_time(v[i].created_at, when, sizeof(when));
		view_set(s, "AT", when);
		view_set(s, "SOURCE", strcmp(v[i].source, "statement") == 0 ?
		    "post office statement" : "your upload");
		page_set_money(s, "AMOUNT", v[i].amount_minor, v[i].currency);
		view_set(s, "DATE", v[i].remitted_on);
		view_set(s, "TRACKING", v[i].tracking);
		view_set(s, "STATUS", v[i].status);
		if (v[i].expected_from[0] != '\0' &&
		    strcmp(v[i].status, "pending") == 0) {
			struct view_dict *w = view_add(s, "EXPECTED");

			view_set(w, "FROM", v[i].expected_from);
			view_set(w, "BY", v[i].expected_by);
		}
		if (strcmp(v[i].status, "rejected") == 0)
			view_set(view_add(s, "REJECTED"), "REASON",
			    remittance_reason_text(v[i].reason));
		if (v[i].received_minor >= 0 &&
		    strcmp(v[i].status, "accepted") == 0)
			page_set_money(view_add(s, "ACCEPTED"), "RECEIVED",
			    v[i].received_minor, v[i].currency);
	}
	rc = page_render(c, "remittance_voucher.tpl", d,
	    "Upload Remittance Voucher");
	view_dict_free(d);
	if (rc != 200)
		return rc;
	c->resp->status = status;
	return status;
}

/* GET /orders/:id/voucher. */
int
page_remittance_voucher(struct ctx *c)
{
	struct rem_view	 v;
	const char	*msg = ctx_str(c, "msg"), *notice = NULL;
	int		 rc;

	if ((rc = own_order(c, ctx_arg_id(c, 0), VOUCHER_PARTS, &v)) == 0) {
		if (msg != NULL && strcmp(msg, "uploaded") == 0)
			notice = "Voucher received: your order is awaiting "
			    "verification (REM-P3). We match the funds when "
			    "they arrive (REM-P4) and tell you in Messages.";
		rc = voucher_page(c, &v, 200, notice, NULL, NULL);
	}
	rem_view_cleanup(&v);
	return rc;
}

/* The voucher page of order o again (after a refused upload) with status
 * and the error next to field. */
static int
voucher_again(struct ctx *c, const struct db_order *o, int status,
    const char *error, const char *field)
{
	struct rem_view	v;
	int		rc;

	if (rem_view_parts(c->db, o, VOUCHER_PARTS, &v) == -1)
		rc = page_error(c, 500, NULL);
	else
		rc = voucher_page(c, &v, status, NULL, error, field);
	rem_view_cleanup(&v);
	return rc;
}

/* POST /orders/:id/voucher (multipart): REM-P3, REM-P9. */
int
page_remittance_voucher_post(struct ctx *c)
{
	struct rem_view		 rv;
	struct rem_upload	 u;
	const struct field_val	*fv;
	const char		*field = NULL, *bad;
	char			 err[300], loc[80];
	int64_t			 id = ctx_arg_id(c, 0), vid;
	int			 rc;
	static const char *const names[] = { "voucher", "amount", "date",
	    "tracking", "key" };
	size_t			 i;

	rc = own_order(c, id, 0, &rv);
	rem_view_cleanup(&rv);
	if (rc != 0)
		return rc;
	fv = ctx_field(c, "voucher");
	/* REM-P9: over 10 MB is refused with a clear page (nginx refuses
	 * above 11 MB with static/413.html). */
	if (fv != NULL && fv->present && fv->file != NULL &&
	    fv->file->len > FILESTORE_MAX)
		return voucher_again(c, &rv.o, 413, "REM-P9: the file is "
		    "larger than 10 MB. Take a smaller photo or scan of the "
		    "receipt and upload it again.", "voucher");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((bad = ctx_field_err(c, names[i])) != NULL) {
			snprintf(err, sizeof(err), "%s: %s", strcmp(names[i],
			    "voucher") == 0 ? "Voucher file" : names[i], bad);
			return voucher_again(c, &rv.o, 400, err, names[i]);
		}
	memset(&u, 0, sizeof(u));
	u.data = fv->file->data;
	u.len = fv->file->len;
	u.amount = ctx_str(c, "amount");
	u.date = ctx_str(c, "date");
	u.tracking = ctx_str(c, "tracking");
	u.key = ctx_str(c, "key");
	snprintf(loc, sizeof(loc), "/orders/%lld/voucher?msg=uploaded",
	    (long long)id);
	switch (remittance_upload(c->db, c->cfg, c->user.user_id, id, &u,
	    c->now, &vid, err, sizeof(err), &field)) {
	case REM_OK:
	case REM_REPLAY:
		return page_redirect(c, loc);
	case REM_NOT_FOUND:
		return page_error(c, 404, "There is no such order among "
		    "yours.");
	case REM_INVALID:
		return voucher_again(c, &rv.o, 400, err, field);
	case REM_KEY_CONFLICT:
		return voucher_again(c, &rv.o, 409, err, NULL);
	case REM_NOT_ALLOWED:
	case REM_DECIDED:
		return voucher_again(c, &rv.o, 409, "This order is not "
		    "waiting for a voucher now (it is being verified, paid or "
		    "cancelled). Nothing was changed.", NULL);
	default:
		return page_error(c, 500, NULL);
	}
}

static const struct aq_filter voucher_filters[] = {
	{ "currency", "Currency", NULL },
	{ "flag", "Flag", (const char *const[]){ "dup", NULL } },
};

static const struct aq_sort voucher_sorts[] = {
	{ "oldest", "Oldest first" },
};

static const char *const voucher_columns[] = {
	"Order", "Shopper", "Expected amount", "Remitted (shopper)",
	"Remitted on", "Tracking", "Flag",
};

/* GET /admin/vouchers: pending vouchers, oldest first with their age and
 * the day the funds are expected by (REM-P4/P5). */
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
	int64_t			 total = 0;
	int			 rc;

	if (cur != NULL)
		for (i = 0; i < 3 && cur[i] != '\0'; i++)
			curu[i] = (char)(cur[i] >= 'a' && cur[i] <= 'z' ?
			    cur[i] - 'a' + 'A' : cur[i]);
	memset(&l, 0, sizeof(l));
	l.title = "Remittance vouchers";
	l.path = "/admin/vouchers";
	l.intro = "Vouchers awaiting verification, oldest first. Open one to "
	    "record the amount received or reject it (REM-P5, REM-P7, "
	    "REM-P9). Post office statements: /admin/remittance/statements.";
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
	if (rem_voucher_queue(c->db, curu, flag != NULL &&
	    strcmp(flag, "dup") == 0, (size_t)(l.page - 1) * AQ_PER_PAGE,
	    AQ_PER_PAGE, &v, &n, &total) == -1)
		return page_error(c, 500, NULL);
	l.total = total;
	for (i = 0; i < n; i++) {
		r = aq_row_add(&l);
		r->id = v[i].v.id;
		snprintf(r->href, sizeof(r->href), "/admin/orders/%lld/voucher",
		    (long long)v[i].v.order_id);
		r->created_at = v[i].v.created_at;
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
		    v[i].v.dup_of_file > 0 ? "same file as another order" :
		    "");
	}
	free(v);
	rc = admin_queue_render(c, &l);
	aq_list_cleanup(&l);
	return rc;
}

/* Render the admin page of order id's voucher (the pending one, and the
 * history). */
static int
admin_voucher_page(struct ctx *c, int64_t id, int status, const char *notice,
    const char *error)
{
	struct rem_view		 rv;
	const struct db_order	*o = &rv.o;
	const struct db_rem_voucher *pv = &rv.pv, *v;
	const struct db_rem_refund *rf;
	struct view_dict	*d, *s;
	char			 code[ORDER_RF_PRINT_MAX], when[40], b[MONEY_STR_MAX];
	int64_t			 got;
	size_t			 n, nr, i;
	int			 rc;

	if (id <= 0)
		return page_error(c, 404, NULL);
	rc = rem_view_load(c->db, 0, id, REMV_PENDING | REMV_VOUCHERS |
	    REMV_REFUNDS | REMV_RECEIVED | REMV_PAYEE, &rv);
	if (rc != 1) {
		rem_view_cleanup(&rv);
		return rc == 0 ? page_error(c, 404, "There is no such order.") :
		    page_error(c, 500, NULL);
	}
	v = rv.v;
	n = rv.nv;
	rf = rv.rf;
	nr = rv.nrf;
	got = rv.received;
	d = view_dict_new();
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", notice);
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", error);
	view_set_int(d, "ID", (long long)id);
	view_set(d, "METHOD", o->method);
	view_set(d, "STATUS", o->status);
	view_set(d, "CODE", printed_code(o, code, sizeof(code)));
	view_set(d, "PAYEE", rv.payee.account_name);
	page_set_money(d, "EXPECTED", o->amount_due_minor, o->currency);
	page_set_money(d, "RECEIVED_TOTAL", got, o->currency);
	page_set_money(d, "STILL_DUE", got < o->amount_due_minor ?
	    o->amount_due_minor - got : 0, o->currency);
	view_set(d, "CURRENCY", o->currency);
	if (strcmp(o->method, "remittance") != 0)
		view_show(d, "NOT_REMITTANCE");
	if (rv.has_pending && strcmp(o->status, "awaiting_verification") == 0) {
		s = view_add(d, "PENDING");
		view_set_int(s, "VID", (long long)pv->id);
		page_set_money(s, "AMOUNT", pv->amount_minor, pv->currency);
		view_set(s, "AMOUNT_VALUE", plain_amount(pv->amount_minor,
		    pv->currency, b, sizeof(b)));
		view_set(s, "DATE", pv->remitted_on);
		view_set(s, "TRACKING", pv->tracking);
		view_set(s, "FROM", pv->expected_from);
		view_set(s, "BY", pv->expected_by);
		page_time(pv->created_at, when, sizeof(when));
		view_set(s, "AT", when);
		if (rv.pv_has_file) {
			struct view_dict *f = view_add(s, "FILE");

			view_set_int(f, "VID", (long long)pv->id);
			if (strcmp(rv.pv_file.mime, "application/pdf") == 0)
				view_show(f, "PDF");
			else
				view_show(f, "IMAGE");
			view_set(f, "MIME", rv.pv_file.mime);
		}
		if (pv->dup_of_file > 0 && rv.pv_dup_order > 0)
			view_set_int(view_add(s, "DUP"), "OTHER",
			    (long long)rv.pv_dup_order);
	}
	for (i = 0; i < n; i++) {
		s = view_add(d, "VOUCHER");
		view_set_int(s, "VID", (long long)v[i].id);
		view_set(s, "SOURCE", v[i].source);
		page_set_money(s, "AMOUNT", v[i].amount_minor, v[i].currency);
		view_set(s, "DATE", v[i].remitted_on);
		view_set(s, "TRACKING", v[i].tracking);
		view_set(s, "STATUS", v[i].status);
		view_set(s, "REASON", v[i].reason);
		if (v[i].received_minor >= 0)
			page_set_money(s, "RECEIVED", v[i].received_minor,
			    v[i].currency);
		if (v[i].decided_at > 0) {
			page_time(v[i].decided_at, when, sizeof(when));
			view_setf(s, "DECIDED", "%s at %s",
			    v[i].decided_by_email, when);
		}
	}
	for (i = 0; i < nr; i++) {
		s = view_add(d, "REFUND");
		view_set(s, "KIND", strcmp(rf[i].kind, "excess") == 0 ?
		    "Excess (REM-P7)" : "Cancellation (REM-P8)");
		page_set_money(s, "AMOUNT", rf[i].amount_minor, rf[i].currency);
		view_set(s, "DUE", rf[i].due[0] ? rf[i].due :
		    "15 business days after the order completes");
		/* migration 012: the shopper's postal account, and sent. */
		view_set_int(s, "RID", (long long)rf[i].id);
		if (rf[i].account_given_at != 0) {
			struct view_dict *t = view_add(s, "ACCOUNT");

			view_set(t, "HOLDER", rf[i].account_name);
			view_set(t, "NUMBER", rf[i].account_number);
			page_time(rf[i].account_given_at, when, sizeof(when));
			view_set(t, "AT", when);
		} else if (rf[i].sent_at == 0)
			view_show(s, "WAITING");
		if (rf[i].sent_at != 0) {
			struct view_dict *t = view_add(s, "SENT");

			view_set(t, "BY", rf[i].sent_by_email);
			page_time(rf[i].sent_at, when, sizeof(when));
			view_set(t, "AT", when);
		} else
			view_show(s, "SEND_FORM");
	}
	rc = page_render(c, "remittance_admin_voucher.tpl", d,
	    "Remittance voucher");
	view_dict_free(d);
	rem_view_cleanup(&rv);
	if (rc != 200)
		return rc;
	c->resp->status = status;
	return status;
}

/* GET /admin/orders/:id/voucher. */
int
page_admin_voucher(struct ctx *c)
{
	return admin_voucher_page(c, ctx_arg_id(c, 0), 200, NULL, NULL);
}

/* GET /admin/orders/:id/voucher/file[?v=N]: the voucher's file, served
 * only here after the role gate (admins) and the voucher/order check:
 * never a public URL (REM-P9, DESIGN "Uploads"). */
int
page_admin_voucher_file(struct ctx *c)
{
	int64_t			 id = ctx_arg_id(c, 0), vid = ctx_int(c, "v", 0);
	int64_t			 file_id;
	char			 name[40];
	int			 rc;

	if (id <= 0)
		return page_error(c, 404, NULL);
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
	int64_t		 id = ctx_arg_id(c, 0), vid = ctx_int(c, "voucher", 0);
	int64_t		 received = -1;
	int		 rc;

	if (id <= 0)
		return page_error(c, 404, NULL);
	rc = rem_view_load(c->db, 0, id, 0, &rv);
	rem_view_cleanup(&rv);
	if (rc == 0)
		return page_error(c, 404, "There is no such order.");
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (vid <= 0 || dec == NULL)
		return admin_voucher_page(c, id, 400, NULL, "Choose a voucher "
		    "and a decision.");
	if (strcmp(dec, "received") == 0) {
		recv = ctx_str(c, "received");
		if (recv == NULL || money_parse(recv, strlen(recv), o->currency,
		    &m, why, sizeof(why)) == -1) {
			snprintf(msg, sizeof(msg), "Enter the amount received "
			    "on the account in %s, for example 123.45.",
			    o->currency);
			return admin_voucher_page(c, id, 400, NULL, msg);
		}
		received = m.minor;
	} else if (strcmp(dec, "reject") != 0)
		return admin_voucher_page(c, id, 400, NULL, "Unknown "
		    "decision.");
	switch (remittance_decide(c->db, c->user.user_id, id, vid, received,
	    ctx_str(c, "reason"), c->now, msg, sizeof(msg))) {
	case REM_OK:
		return admin_voucher_page(c, id, 200, msg, NULL);
	case REM_NOT_FOUND:
		return page_error(c, 404, "This order has no such voucher.");
	case REM_INVALID:
		return admin_voucher_page(c, id, 400, NULL, msg);
	case REM_DECIDED:
	case REM_NOT_ALLOWED:
		return admin_voucher_page(c, id, 409, NULL, msg[0] ? msg :
		    "This voucher cannot be decided now. Nothing was changed.");
	default:
		return page_error(c, 500, NULL);
	}
}

/* Render the statements page (status, the import's result or error). */
static int
statements_page(struct ctx *c, int status, const struct rem_import *res,
    const char *error)
{
	struct db_rem_line	*l = NULL;
	struct view_dict	*d, *s;
	char			 when[40];
	size_t			 n = 0, i;
	int			 rc;

	if (rem_unmatched_lines(c->db, 200, &l, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", error);
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
	rc = page_render(c, "remittance_statements.tpl", d,
	    "Post office statements");
	view_dict_free(d);
	if (rc != 200)
		return rc;
	c->resp->status = status;
	return status;
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
		    "Choose the statement CSV file.");
	rc = remittance_import(c->db, c->user.user_id,
	    (const char *)fv->file->data, fv->file->len, c->now, &res, err,
	    sizeof(err));
	if (rc == 1)
		return statements_page(c, 400, NULL, err);
	if (rc == -1)
		return page_error(c, 500, err);
	return statements_page(c, 200, &res, NULL);
}

static void refund_account_form(struct ctx *, struct view_dict *,
	    const char *, const char *);

/* See pages.h. Errors only leave the panel out (logged by the db layer). */
void
remittance_order_panel(struct ctx *c, struct view_dict *d,
    const struct db_order *o, const struct rem_panel *rp)
{
	const struct db_rem_refund *rf = rp->rf;
	struct view_dict	*p, *s;
	int64_t			 got = rp->received;
	size_t			 n = rp->nrf, i;
	char			 when[40];
	const char		*name = NULL, *number = NULL;
	int			 unsent = 0;

	if (!rp->shown)
		return;
	p = view_add(d, "REMIT_PANEL");
	/* The instructions and vouchers are the placer's pages. */
	if (o->user_id == c->user.user_id)
		view_show(p, "PLACER");
	if (rp->has_window) {
		s = view_add(p, "WINDOW");
		view_set(s, "FROM", rp->pv.expected_from);
		view_set(s, "BY", rp->pv.expected_by);
	}
	if (got > 0 && got < o->amount_due_minor) {
		s = view_add(p, "DUE");
		page_set_money(s, "RECEIVED", got, o->currency);
		page_set_money(s, "AMOUNT", o->amount_due_minor - got,
		    o->currency);
	}
	for (i = 0; i < n; i++) {
		s = view_add(p, "REFUND");
		view_set(s, "KIND", strcmp(rf[i].kind, "excess") == 0 ?
		    "Excess payment returned (REM-P7)" :
		    "Refund after cancellation (REM-P8)");
		page_set_money(s, "AMOUNT", rf[i].amount_minor, rf[i].currency);
		view_set(s, "BY", rf[i].due[0] ? rf[i].due :
		    "15 business days after the order completes");
		/* migration 012: where it goes, and whether it went. */
		if (rf[i].sent_at != 0) {
			page_time(rf[i].sent_at, when, sizeof(when));
			view_set(view_add(s, "SENT"), "AT", when);
		} else {
			unsent = 1;
			if (rf[i].account_given_at != 0) {
				name = rf[i].account_name;
				number = rf[i].account_number;
			}
		}
		if (rf[i].account_given_at != 0)
			view_set(view_add(s, "TO"), "ACCOUNT",
			    rf[i].account_number);
	}
	/* The placer's refund account; another member reads only. */
	if (unsent && o->user_id == c->user.user_id)
		refund_account_form(c, p, name, number);
}

/* The form giving (or correcting) the postal account of the unsent
 * refunds (section ACCOUNT_FORM of REMIT_PANEL): prefilled with the given
 * account, or on a refused POST /orders/:id/refund-account with what was
 * submitted and the message next to each field. */
static void
refund_account_form(struct ctx *c, struct view_dict *p, const char *name,
    const char *number)
{
	struct view_dict	*f = view_add(p, "ACCOUNT_FORM");
	char			 norm[65], nerr[200], aerr[200];

	if (c->req->method == HTTP_POST && ctx_field(c, "holder") != NULL) {
		/* This request is the refused submit: show it again. */
		name = ctx_str(c, "holder");
		number = ctx_str(c, "account");
		if (remittance_account_check(name, number, norm, sizeof(norm),
		    nerr, aerr, sizeof(nerr))) {
			if (nerr[0] != '\0')
				view_set(view_add(f, "HOLDER_ERR"), "MSG", nerr);
			if (aerr[0] != '\0')
				view_set(view_add(f, "ACCOUNT_ERR"), "MSG", aerr);
		}
	} else if (name != NULL)
		view_show(f, "GIVEN");
	view_set(f, "HOLDER", name != NULL ? name : "");
	view_set(f, "ACCOUNT", number != NULL ? number : "");
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
	int64_t		 id = ctx_arg_id(c, 0), rid = ctx_int(c, "refund", 0);

	if (id <= 0)
		return page_error(c, 404, NULL);
	if (rid <= 0)
		return admin_voucher_page(c, id, 400, NULL, "Choose the "
		    "refund to mark sent.");
	switch (remittance_refund_sent(c->db, c->user.user_id, id, rid,
	    c->now, msg, sizeof(msg))) {
	case REM_OK:
		return admin_voucher_page(c, id, 200, msg, NULL);
	case REM_NOT_FOUND:
		return page_error(c, 404, "This order has no such refund.");
	case REM_DECIDED:
	case REM_NOT_ALLOWED:
		return admin_voucher_page(c, id, 409, NULL, msg);
	default:
		return page_error(c, 500, NULL);
	}
}
