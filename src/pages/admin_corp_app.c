/*
 * Admin pages of the corporate installment (ROLE_ADMIN only): the queue of
 * applications and the application page (approve or refuse, record the
 * down payment, record the company's bank transfers and see how each was
 * allocated: service/corp_transfer.h). Split from admin_company.c, whose
 * helpers it shares (pages/admin_company.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/admin_company.h"
#include "pages/admin_queue.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/company.h"
#include "service/company_account.h"
#include "service/corp_app_view.h"
#include "service/corp_transfer.h"
#include "service/plans.h"
#include "view/fmt.h"
#include "view/view.h"

const struct field_spec page_admin_corp_queue_fields[] = {
	{ "page", FIELD_INT, 0, 0, 1, 1000000 },
	{ "status", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "sort", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "msg", FIELD_TOKEN, 0, 16, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_corp_down_fields[] = {
	{ "amount", FIELD_DECIMAL, 1, 24, 0, 0 },
	{ "reference", FIELD_TEXT, 1, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_corp_repay_fields[] = {
	{ "seq", FIELD_INT, 0, 3, 0, 60 },
	{ "amount", FIELD_TEXT, 0, 40, 0, 0 },
	{ "reference", FIELD_TEXT, 0, 64, 0, 0 },
	{ "key", FIELD_TOKEN, 0, 96, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* A status filter's choice in words into out. */
static void
status_choice_words(const char *st, char *out, size_t outsz)
{
	enum corp_app_status s;

	snprintf(out, outsz, "%s", corp_app_status_parse(st, &s) == 0 ?
	    corp_app_status_words(s) : st);
}

/* GET /admin/queues/corporate: INST-CORP applications (default: waiting
 * for review), oldest first. */
int
page_admin_corp_queue(struct ctx *c)
{
	static const char *const cols[] = { NA_("Company"), NA_("Order"),
	    NA_("Term"), NA_("Amount"), NA_("Status") };
	static const char *const st[] = { "submitted", "approved", "signed",
	    "in_effect", "rejected", "cancelled", NULL };
	static const struct aq_filter filters[] = {
		{ "status", NA_("Status"), st, status_choice_words },
	};
	static const struct aq_sort sorts[] = { { "oldest",
	    NA_("Oldest first") } };
	struct aq_list		 l;
	struct aq_row		*r;
	struct db_corp_app	*a;
	struct money		 m;
	const char		*status = ctx_str(c, "status");
	size_t			 i, n;
	int64_t			 total;
	int			 rc;

	if (status == NULL)
		status = "submitted";
	memset(&l, 0, sizeof(l));
	l.title = NA_("Corporate installment applications");
	l.path = "/admin/queues/corporate";
	l.queue_id = "corp_applications";
	l.intro = NA_("INST-CORP applications, oldest first; review by the "
	    "promised date (1-3 business days). Open one to decide, then "
	    "record the down payment once the agreement is signed.");
	l.filters = filters;
	l.nfilters = 1;
	l.values[0] = status;
	l.sorts = sorts;
	l.nsorts = 1;
	l.sort = "oldest";
	l.columns = cols;
	l.ncols = 5;
	l.page = aq_page_arg(c);
	l.notice = admin_co_notice(ctx_str(c, "msg"));
	if (corp_app_queue(c->db, status, (size_t)(l.page - 1) *
	    AQ_PER_PAGE, AQ_PER_PAGE, &a, &n, &total) == -1)
		return page_error(c, 500, NULL);
	l.total = total;
	for (i = 0; i < n; i++) {
		r = aq_row_add(&l);
		r->id = a[i].id;
		snprintf(r->href, sizeof(r->href),
		    "/admin/orders/%lld/corporate", (long long)a[i].order_id);
		r->created_at = a[i].submitted_at;
		if (a[i].status == CA_SUBMITTED)
			r->promised_at = admin_co_day_end(a[i].review_due);
		snprintf(r->cells[0], sizeof(r->cells[0]), "%s",
		    a[i].company_name);
		snprintf(r->cells[1], sizeof(r->cells[1]), "#%lld",
		    (long long)a[i].order_id);
		snprintf(r->cells[2], sizeof(r->cells[2]), A_("%d months"),
		    a[i].term);
		money_set(&m, a[i].amount_due_minor, a[i].currency);
		money_display(&m, r->cells[3], sizeof(r->cells[3]));
		snprintf(r->cells[4], sizeof(r->cells[4]), "%s",
		    A_(corp_app_status_words(a[i].status)));
	}
	corp_app_list_release(a, n);
	rc = admin_queue_render(c, &l);
	aq_list_cleanup(&l);
	return rc;
}

static int corp_app_render(struct ctx *, int64_t, int, const char *,
    const char *, const char *);

/* The transfers recorded on plan_id, newest first, each with its
 * allocation, what is still due and the form (a fresh key) into s; the
 * error of the amount field, if any, beside it. */
static void
set_transfers(struct ctx *c, struct view_dict *s, int64_t app_id,
    int64_t plan_id, const char *cur, const char *field_err)
{
	struct db_corp_xfer	*x = NULL;
	struct db_corp_alloc	*al = NULL;
	struct view_dict	*t, *l;
	struct plan_view	 v;
	struct money		 m;
	unsigned char		 rnd[12];
	char			 buf[64], when[40], hex[25];
	size_t			 nx = 0, na = 0, i, j;
	int64_t			 due = 0;

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	view_setf(s, "KEY", "corp-%lld-%s", (long long)app_id, hex);
	if (field_err != NULL)
		view_set(view_add(s, "AMOUNT_ERR"), "MSG", field_err);
	if (plan_load_id(c->db, plan_id, c->now, &v) == RES_OK)
		for (i = 0; i < v.ninst; i++)
			if (v.inst[i].status == PI_DUE)
				due += v.inst[i].principal + v.inst[i].fee +
				    v.inst[i].late_fee - v.inst[i].paid_minor;
	plan_view_cleanup(&v);
	money_set(&m, due, cur);
	view_set(s, "STILL_DUE", money_display(&m, buf, sizeof(buf)));
	if (corp_transfers_of(c->db, plan_id, &x, &nx, &al, &na) == -1)
		nx = 0;
	if (nx > 0)
		view_show(s, "HAS_TRANSFERS");
	for (i = nx; i-- > 0;) {
		t = view_add(s, "TRANSFER");
		view_set_int(t, "TID", (long long)x[i].id);
		admin_fmt_time(x[i].created_at, when, sizeof(when));
		view_set(t, "AT", when);
		money_set(&m, x[i].amount, x[i].currency);
		view_set(t, "AMOUNT", money_display(&m, buf, sizeof(buf)));
		view_set(t, "REF", x[i].reference);
		view_set(t, "BY", x[i].recorded_by > 0 ?
		    x[i].recorded_email : A_("bank statement"));
		money_set(&m, x[i].excess, x[i].currency);
		view_set(t, "EXCESS", money_display(&m, buf, sizeof(buf)));
		for (j = 0; j < na; j++) {
			if (al[j].transfer_id != x[i].id)
				continue;
			l = view_add(t, "LINE");
			view_set_int(l, "SEQ", al[j].seq);
			money_set(&m, al[j].amount, x[i].currency);
			view_set(l, "AMOUNT", money_display(&m, buf,
			    sizeof(buf)));
			view_set(l, "HOW", al[j].settled ? A_("paid in full") :
			    A_("paid in part"));
		}
	}
	free(x);
	free(al);
}

/* The application page of order id with notice/error (a page saying so
 * when the order has no application). */
static int
corp_app_page(struct ctx *c, int64_t id, int status, const char *notice,
    const char *error)
{
	return corp_app_render(c, id, status, notice, error, NULL);
}

/* Section name of d with who (BY) did a step and when (AT, at); returns
 * the section. */
static struct view_dict *
set_who_when(struct view_dict *d, const char *name, const char *who,
    int64_t at)
{
	struct view_dict	*s = view_add(d, name);
	char			 when[40];

	view_set(s, "BY", who);
	admin_fmt_time(at, when, sizeof(when));
	view_set(s, "AT", when);
	return s;
}

/* The steps application a went through into d: the decision (DECIDED, or
 * CAN_DECIDE), the agreement, its signature (SIGNED, then CAN_DOWN) and,
 * in effect, the down payment and the plan's transfers with field_err
 * beside the repayment's amount (section EFFECT). */
static void
set_app_steps(struct ctx *c, struct view_dict *d, const struct db_corp_app *a,
    const char *field_err)
{
	struct view_dict	*s;
	struct money		 m;
	char			 buf[64], when[40];

	if (a->decided_at > 0)
		view_set(set_who_when(d, "DECIDED", a->decided_email,
		    a->decided_at), "REASON", a->reason);
	if (a->status == CA_SUBMITTED)
		view_show(d, "CAN_DECIDE");
	if (a->text != NULL && a->text[0] != '\0') {
		s = view_add(d, "AGREEMENT");
		view_set(s, "VERSION", a->version);
		view_set(s, "TEXT", a->text);
		view_set(s, "SHA", a->sha256);
		view_set_int(s, "ORDER_ID", (long long)a->order_id);
	}
	if (a->signed_at > 0)
		view_set(set_who_when(d, "SIGNED", a->signer_email,
		    a->signed_at), "ADDR", a->signer_addr);
	if (a->status == CA_SIGNED)
		view_show(d, "CAN_DOWN");
	if (a->status == CA_IN_EFFECT) {
		s = view_add(d, "EFFECT");
		money_set(&m, a->down_payment_minor, a->currency);
		view_set(s, "DOWN", money_display(&m, buf, sizeof(buf)));
		view_set(s, "REF", a->down_payment_ref);
		admin_fmt_time(a->effective_at, when, sizeof(when));
		view_set(s, "AT", when);
		view_set_int(s, "PLAN_ID", (long long)a->plan_id);
		set_transfers(c, s, a->id, a->plan_id, a->currency, field_err);
	}
}

/* corp_app_page() with field_err beside the repayment's amount (then
 * error is NULL). */
static int
corp_app_render(struct ctx *c, int64_t id, int status, const char *notice,
    const char *error, const char *field_err)
{
	struct view_dict	*d;
	struct db_corp_app	 a;
	struct db_company	 co;
	struct money		 m, total, min;
	char			 buf[64], when[40];
	int64_t			 percent, window;
	int			 rc;

	if ((rc = corp_app_of_order(c->db, id, &a, NULL)) != 1) {
		corp_app_cleanup(&a);
		if (rc == -1)
			return page_error(c, 500, NULL);
		d = view_dict_new();
		view_set_int(d, "ORDER_ID", (long long)id);
		if (error != NULL)
			view_set(view_add(d, "ERROR"), "MSG", error);
		view_show(d, "NONE");
		rc = page_render_free(c, "company_admin_app.tpl", d,
		    "Corporate installment application", status);
		return rc;
	}
	if (corp_app_company(c->db, a.company_id, &co) != 1 ||
	    company_setting_int(c->db, "corp_down_payment_percent", 30,
	    &percent) == -1 || company_completed_usd(c->db, a.company_id,
	    c->now, &total, &window, &min) == -1) {
		corp_app_cleanup(&a);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	page_admin_notes(d, notice, error);
	view_set_int(d, "ID", (long long)a.id);
	view_set_int(d, "ORDER_ID", (long long)a.order_id);
	view_set_int(d, "COMPANY_ID", (long long)a.company_id);
	view_set(d, "COMPANY", a.company_name);
	view_set(d, "QUAL", qual_status_name(co.status));
	view_set(d, "QUAL_EXPIRES", co.expires[0] ? co.expires : "-");
	money_display(&total, buf, sizeof(buf));
	view_set(d, "COMPLETED", buf);
	view_set_int(d, "WINDOW", (long long)window);
	view_set(d, "STATUS_CODE", corp_app_status_name(a.status));
	view_set(d, "STATUS", corp_app_status_words(a.status));
	page_status_label(order_status_name(a.order_status), buf, sizeof(buf));
	view_set(d, "ORDER_STATUS", buf);
	view_set_int(d, "TERM", a.term);
	view_set(d, "DUE", a.review_due);
	admin_fmt_time(a.submitted_at, when, sizeof(when));
	view_set(d, "SUBMITTED", when);
	money_set(&m, a.amount_due_minor, a.currency);
	view_set(d, "AMOUNT", money_display(&m, buf, sizeof(buf)));
	money_set(&m, corp_down_payment(a.amount_due_minor, percent),
	    a.currency);
	view_set(d, "DOWN", money_display(&m, buf, sizeof(buf)));
	money_str(&m, buf, sizeof(buf));
	view_set(d, "DOWN_PLAIN", buf);
	view_set(d, "CUR", a.currency);
	if (admin_co_day_end(a.review_due) < c->now &&
	    a.status == CA_SUBMITTED) {
		aq_age(c->now, admin_co_day_end(a.review_due), when,
		    sizeof(when));
		view_set(view_add(d, "LATE"), "BY", when);
	}
	set_app_steps(c, d, &a, field_err);
	corp_app_cleanup(&a);
	rc = page_render_free(c, "company_admin_app.tpl", d,
	    "Corporate installment application", status);
	return rc;
}

/* GET /admin/orders/:id/corporate. */
int
page_admin_corp_app(struct ctx *c)
{
	int64_t id = c->target_id;

	return corp_app_page(c, id, 200, admin_co_notice(ctx_str(c, "msg")), NULL);
}

/* The application id of order id, 0 none, -1 error. */
static int64_t
app_of(struct ctx *c, int64_t order_id)
{
	struct db_corp_app	a;
	int64_t			id;
	int			rc;

	rc = corp_app_of_order(c->db, order_id, &a, NULL);
	id = rc == 1 ? a.id : rc;
	corp_app_cleanup(&a);
	return id;
}

/* An order's application for a POST into *aid: 0, or the status of the
 * page answered (no application: 409). */
static int
app_for_post(struct ctx *c, int64_t oid, int64_t *aid)
{
	if ((*aid = app_of(c, oid)) == -1)
		return page_error(c, 500, NULL);
	if (*aid == 0)
		return corp_app_page(c, oid, 409, NULL, NA_("This order has no "
		    "corporate installment application."));
	return 0;
}

/* POST /admin/orders/:id/corporate/decide. */
int
page_admin_corp_decide(struct ctx *c)
{
	const char	*dec = ctx_str(c, "decision");
	int64_t		 oid = c->target_id, id;
	char		 msg[300];
	int		 rc;

	if (dec == NULL || (strcmp(dec, "approve") != 0 &&
	    strcmp(dec, "reject") != 0))
		return corp_app_page(c, oid, 400, NULL, NA_("Choose approve or "
		    "refuse."));
	if ((rc = app_for_post(c, oid, &id)) != 0)
		return rc;
	return admin_co_decided(c, corp_decide(c->db, c->user.user_id, id,
	    strcmp(dec, "approve") == 0, ctx_str(c, "reason"), fmt_money,
	    c->now, msg, sizeof(msg)), oid, msg, corp_app_page,
	    "/admin/orders/", "/corporate");
}

/* The amount field in the currency of application id into *minor.
 * Returns 0, or -1 with a message in err. */
static int
amount_of(struct ctx *c, int64_t id, int64_t *minor, char *err, size_t errsz)
{
	struct db_corp_app	 a;
	struct money		 m;
	const char		*s = ctx_str(c, "amount");
	int			 rc;

	if ((rc = corp_app_by_id(c->db, id, &a)) != 1) {
		corp_app_cleanup(&a);
		snprintf(err, errsz, A_("No such application."));
		return -1;
	}
	rc = s == NULL ? -1 : money_parse(s, strlen(s), a.currency, &m, err,
	    errsz);
	corp_app_cleanup(&a);
	if (rc == -1) {
		if (s == NULL)
			snprintf(err, errsz, A_("Enter the amount received."));
		return -1;
	}
	*minor = m.minor;
	return 0;
}

/* POST /admin/orders/:id/corporate/down-payment. */
int
page_admin_corp_down(struct ctx *c)
{
	int64_t	oid = c->target_id, id, amount;
	char	msg[300];
	int	rc;

	if ((rc = app_for_post(c, oid, &id)) != 0)
		return rc;
	if (amount_of(c, id, &amount, msg, sizeof(msg)) == -1)
		return corp_app_page(c, oid, 400, NULL, msg);
	return admin_co_decided(c, corp_record_down_payment(c->db, c->user.user_id, id,
	    amount, ctx_str(c, "reference"), c->now, msg, sizeof(msg)), oid,
	    msg, corp_app_page, "/admin/orders/", "/corporate");
}

/* The repayment's amount field in the currency of application id into
 * *minor: 0, or -1 with the reason beside the field in err. */
static int
repay_amount(struct ctx *c, int64_t id, int64_t *minor, char *err,
    size_t errsz)
{
	const char *s = ctx_str(c, "amount");

	if (ctx_field_err(c, "amount") != NULL || s == NULL) {
		snprintf(err, errsz, A_("Enter the amount received, e.g. 178.26."));
		return -1;
	}
	while (*s == ' ')
		s++;
	if (*s == '-') {
		snprintf(err, errsz, A_("The amount received must be more than "
		    "zero; a refund is not recorded here."));
		return -1;
	}
	if (amount_of(c, id, minor, err, errsz) == -1) {
		snprintf(err, errsz, A_("Enter the amount received as a number "
		    "with at most two decimals, e.g. 178.26."));
		return -1;
	}
	if (*minor <= 0) {
		snprintf(err, errsz, A_("The amount received must be more than "
		    "zero."));
		return -1;
	}
	return 0;
}

/* POST /admin/orders/:id/corporate/repayment: a bank transfer, allocated
 * oldest first (service/corp_transfer.h). */
int
page_admin_corp_repay(struct ctx *c)
{
	struct corp_transfer_result	res;
	int64_t				oid = c->target_id, id, amount;
	char				msg[600];
	int				rc;

	if ((rc = app_for_post(c, oid, &id)) != 0)
		return rc;
	if (repay_amount(c, id, &amount, msg, sizeof(msg)) == -1)
		return corp_app_render(c, oid, 400, NULL, NULL, msg);
	switch (corp_record_transfer(c->db, c->user.user_id, id,
	    (int)ctx_int(c, "seq", 0), amount, ctx_str(c, "reference"),
	    ctx_str(c, "key"), c->now, &res, msg, sizeof(msg))) {
	case RES_OK:
		return admin_co_back(c, "/admin/orders/", oid, "/corporate",
		    "transfer");
	case RES_INVALID:
		return corp_app_render(c, oid, 400, NULL, NULL, msg);
	case RES_KEY_CONFLICT:
	case RES_NOT_ALLOWED:
		return corp_app_page(c, oid, 409, NULL, msg);
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	default:
		return page_error(c, 500, NULL);
	}
}
