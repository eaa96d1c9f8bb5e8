/*
 * Post office remittance pages of the shopper (RULES.md section 3):
 *
 *   GET  /orders/:id/remittance		instructions, printable (REM-P1,
 *					P2, P4, P6)
 *   GET  /orders/:id/voucher		"Upload Remittance Voucher" form,
 *					earlier vouchers and reasons (REM-P3,
 *					P7, P9)
 *   POST /orders/:id/voucher		the upload (multipart)
 *
 * and remittance_order_panel(), the remittance part of GET /orders/:id.
 * The admin's pages are in remittance_admin.c.
 * Another shopper's order is 404. Handlers parse and validate input, call
 * one service (service/remittance.c), render one template.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/remittance_page.h"
#include "pages/render.h"
#include "service/filestore.h"
#include "service/order_page.h"
#include "service/remittance.h"
#include "service/remittance_view.h"
#include "view/view.h"

const struct field_spec page_remittance_voucher_fields[] = {
	{ "voucher", FIELD_FILE, 1, FILESTORE_MAX, 0, 0 },
	{ "amount", FIELD_DECIMAL, 1, 24, 0, 0 },
	{ "date", FIELD_DATE, 1, 10, 0, 0 },
	{ "tracking", FIELD_TEXT, 1, 64, 0, 0 },
	{ "key", FIELD_TOKEN, 1, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* See remittance_page.h. */
const char *
rem_page_plain_amount(int64_t minor, const char *cur, char *out,
    size_t outsz)
{
	struct money m;

	if (money_set(&m, minor, cur) == -1) {
		snprintf(out, outsz, "%lld", (long long)minor);
		return out;
	}
	return money_str(&m, out, outsz);
}

/* Load c's user's remittance order (the route's object, c->target_id)
 * with parts (REMV_*) into *v (free with rem_view_cleanup). Returns 0, or
 * the status already answered (404 for an order of the user's company
 * that another member placed, 303 to the order page for another method,
 * 500). */
static int
own_order(struct ctx *c, unsigned parts, struct rem_view *v)
{
	int64_t	id = c->target_id;
	char	loc[64];
	int	rc;

	rc = rem_view_load(c->db, c->user.user_id, id, parts, v);
	if (rc == 0)
		return page_error(c, 404, "There is no such order among "
		    "yours.");
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (v->o.method != PM_REMITTANCE) {
		snprintf(loc, sizeof(loc), "/orders/%lld", (long long)id);
		return page_redirect(c, loc);
	}
	return 0;
}

/* The printed code of o (REM-P1) into out (ORDER_RF_PRINT_MAX). */
static const char *
printed_code(const struct db_order *o, char *out, size_t outsz)
{
	return order_rf_printed(o->rf_code, out, outsz);
}

/* See pages.h. */
const char *
rem_window_text(int dom, char *out, size_t outsz)
{
	if (dom)
		snprintf(out, outsz, ngettext("%d-%d business day (domestic)",
		    "%d-%d business days (domestic)", REM_DOMESTIC_MAX),
		    REM_DOMESTIC_MIN, REM_DOMESTIC_MAX);
	else
		snprintf(out, outsz, ngettext("%d-%d business day "
		    "(cross-border)", "%d-%d business days (cross-border)",
		    REM_CROSS_MAX), REM_CROSS_MIN, REM_CROSS_MAX);
	return out;
}

/* REM-P4: the arrival window for the order's region (dom 1 domestic) and
 * the last day to remit, REM-P6 (iso, or ""), into d. */
static void
set_window(struct view_dict *d, int dom, const char *due)
{
	char	b[128];

	view_set(d, "WINDOW", rem_window_text(dom, b, sizeof(b)));
	view_set(d, "DEADLINE", due[0] ? page_day(due, b, sizeof(b)) : "-");
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

	if ((rc = own_order(c, REMV_PAYEE | REMV_RECEIVED |
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
	view_set(d, "STATUS_CODE", order_status_name(o->status));
	words_status(order_status_name(o->status), st, sizeof(st));
	view_set(d, "STATE", st);
	/* REM-P6: the payment window's last day. */
	set_window(d, v.domestic, o->payment_due);
	if (o->status == OS_AWAITING_REMITTANCE ||
	    o->status == OS_PARTIALLY_PAID)
		view_show(d, "CAN_UPLOAD");
	rc = page_render_free(c, "remittance_instructions.tpl", d,
	    "Remittance instructions", 200);
	rem_view_cleanup(&v);
	return rc;
}

/* The parts of the voucher page. */
#define VOUCHER_PARTS	(REMV_VOUCHERS | REMV_RECEIVED | REMV_WINDOW)

/* The shopper's earlier vouchers of rv into d (one VOUCHER section each):
 * when, source, amount, date, tracking, status, and the expected window,
 * the rejection's reason or the amount accepted. */
static void
set_voucher_rows(struct view_dict *d, const struct rem_view *rv)
{
	const struct db_rem_voucher *v = rv->v;
	struct view_dict	*s;
	char			 when[40], day[64];
	size_t			 n = rv->nv, i;

	for (i = 0; i < n; i++) {
		s = view_add(d, "VOUCHER");
		view_set_int(s, "VID", (long long)v[i].id);
		page_time(v[i].created_at, when, sizeof(when));
		view_set(s, "AT", when);
		view_set(s, "SOURCE", strcmp(v[i].source, "statement") == 0 ?
		    _("post office statement") : _("your upload"));
		page_set_money(s, "AMOUNT", v[i].amount_minor, v[i].currency);
		view_set(s, "DATE", page_day(v[i].remitted_on, day,
		    sizeof(day)));
		view_set(s, "TRACKING", v[i].tracking);
		view_set(s, "STATUS", voucher_status_name(v[i].status));
		view_set(s, "STATUS_WORDS",
		    words_state(voucher_status_name(v[i].status)));
		if (v[i].expected_from[0] != '\0' &&
		    v[i].status == VS_PENDING) {
			struct view_dict *w = view_add(s, "EXPECTED");

			view_set(w, "FROM", page_day(v[i].expected_from, day,
			    sizeof(day)));
			view_set(w, "BY", page_day(v[i].expected_by, day,
			    sizeof(day)));
		}
		if (v[i].status == VS_REJECTED)
			view_set(view_add(s, "REJECTED"), "REASON",
			    remittance_reason_text(v[i].reason));
		if (v[i].received_minor >= 0 &&
		    v[i].status == VS_ACCEPTED)
			page_set_money(view_add(s, "ACCEPTED"), "RECEIVED",
			    v[i].received_minor, v[i].currency);
	}
}

/* Show the voucher form's section BAD_<FIELD> for the field (of the form)
 * an error is about, with the message: the error beside its input, which
 * points at it (aria-describedby). */
static void
show_bad_field(struct view_dict *form, const char *field, const char *error)
{
	static const char *const fields[][2] = { { "voucher", "BAD_VOUCHER" },
	    { "amount", "BAD_AMOUNT" }, { "date", "BAD_DATE" },
	    { "tracking", "BAD_TRACKING" } };
	size_t	i;

	for (i = 0; field != NULL && i < sizeof(fields) / sizeof(fields[0]); i++)
		if (strcmp(field, fields[i][0]) == 0)
			view_set(view_add(form, fields[i][1]), "MSG",
			    _(error));
}

/* Render the voucher page of rv (status, notice, error with its field). */
static int
voucher_page(struct ctx *c, const struct rem_view *rv, int status,
    const char *notice, const char *error, const char *field)
{
	const struct db_order	*o = &rv->o;
	struct view_dict	*d, *s;
	unsigned char		 rnd[16];
	char			 key[33], rf[ORDER_RF_PRINT_MAX], b[MONEY_STR_MAX];
	char			 today[11];
	int64_t			 got = rv->received;
	mp_date			 td;

	d = view_dict_new();
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", _(notice));
	if (error != NULL) {
		s = view_add(d, "ERROR");
		view_set(s, "MSG", _(error));
		if (field != NULL)
			view_set(s, "FIELD", field);
	}
	view_set_int(d, "ID", (long long)o->id);
	view_set(d, "CODE", printed_code(o, rf, sizeof(rf)));
	view_set(d, "STATUS_CODE", order_status_name(o->status));
	view_set(d, "CURRENCY", o->currency);
	page_set_money(d, "AMOUNT", o->amount_due_minor, o->currency);
	page_set_money(d, "RECEIVED", got, o->currency);
	page_set_money(d, "STILL_DUE", got < o->amount_due_minor ?
	    o->amount_due_minor - got : 0, o->currency);
	set_window(d, rv->domestic, o->payment_due);
	if (o->status == OS_PARTIALLY_PAID)
		view_show(d, "PARTIAL");
	if (o->status == OS_AWAITING_REMITTANCE ||
	    o->status == OS_PARTIALLY_PAID) {
		s = view_add(d, "FORM");
		randombytes_buf(rnd, sizeof(rnd));
		sodium_bin2hex(key, sizeof(key), rnd, sizeof(rnd));
		view_set(s, "KEY", key);
		view_set(s, "AMOUNT_VALUE", rem_page_plain_amount(got <
		    o->amount_due_minor ? o->amount_due_minor - got :
		    o->amount_due_minor, o->currency, b, sizeof(b)));
		if (mp_date_from_unix(c->now, &td) == 0)
			view_set(s, "TODAY", mp_date_str(td, today,
			    sizeof(today)));
		view_setf(s, "MAX_BYTES", "%d", FILESTORE_MAX);
		if (error != NULL)
			show_bad_field(s, field, error);
	} else if (o->status == OS_AWAITING_VERIFICATION)
		view_show(d, "VERIFYING");
	set_voucher_rows(d, rv);
	return page_render_free(c, "remittance_voucher.tpl", d,
	    "Upload Remittance Voucher", status);
}

/* GET /orders/:id/voucher. */
int
page_remittance_voucher(struct ctx *c)
{
	static const struct page_notice notices[] = {
		{ "uploaded", N_("Voucher received: your order is awaiting "
		    "verification (REM-P3). We match the funds when they "
		    "arrive (REM-P4) and tell you in Messages.") },
		{ NULL, NULL }
	};
	struct rem_view	 v;
	int		 rc;

	if ((rc = own_order(c, VOUCHER_PARTS, &v)) == 0) {
		rc = voucher_page(c, &v, 200,
		    _(page_notice(notices, ctx_str(c, "msg"))), NULL, NULL);
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
	int64_t			 id = c->target_id, vid;
	enum result		 r;
	int			 rc;
	static const char *const names[] = { "voucher", "amount", "date",
	    "tracking", "key" };
	size_t			 i;

	rc = own_order(c, 0, &rv);
	rem_view_cleanup(&rv);
	if (rc != 0)
		return rc;
	fv = ctx_field(c, "voucher");
	/* REM-P9: over 10 MB is refused with a clear page (nginx refuses
	 * above 11 MB with static/413.html). */
	if (fv != NULL && fv->present && fv->file != NULL &&
	    fv->file->len > FILESTORE_MAX)
		return voucher_again(c, &rv.o, 413, N_("REM-P9: the file is "
		    "larger than 10 MB. Take a smaller photo or scan of the "
		    "receipt and upload it again."), "voucher");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((bad = ctx_field_err(c, names[i])) != NULL) {
			snprintf(err, sizeof(err), "%s: %s", strcmp(names[i],
			    "voucher") == 0 ? _("Voucher file") : names[i],
			    bad);
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
	switch ((r = remittance_upload(c->db, c->cfg, c->user.user_id, id, &u,
	    c->now, &vid, err, sizeof(err), &field))) {
	case RES_OK:
	case RES_DONE:
		return page_redirect(c, loc);
	case RES_INVALID:
		return voucher_again(c, &rv.o, page_status(r), err, field);
	case RES_KEY_CONFLICT:
		return voucher_again(c, &rv.o, page_status(r), err, NULL);
	case RES_NOT_ALLOWED:
	case RES_DECIDED:
		return voucher_again(c, &rv.o, page_status(r), N_("This order "
		    "is not waiting for a voucher now (it is being verified, "
		    "paid or cancelled). Nothing was changed."), NULL);
	default:
		return page_result(c, r, NULL);
	}
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
	char			 when[40], day[64];
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
		view_set(s, "FROM", page_day(rp->pv.expected_from, day,
		    sizeof(day)));
		view_set(s, "BY", page_day(rp->pv.expected_by, day,
		    sizeof(day)));
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
		    _("Excess payment returned (REM-P7)") :
		    _("Refund after cancellation (REM-P8)"));
		page_set_money(s, "AMOUNT", rf[i].amount_minor, rf[i].currency);
		view_set(s, "BY", rf[i].due[0] ? page_day(rf[i].due, day,
		    sizeof(day)) : _("15 business days after the order "
		    "completes"));
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
