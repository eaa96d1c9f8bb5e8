/*
 * Corporate members' pages: the company account (qualification
 * status with its promised review date, documents, upload and submit,
 * INST-04's 90-day total, the COD-02 limit and REM-02 quota, members and
 * the company's orders), documents served through an authorizing handler
 * (INST-S1), and the corporate installment of an order: application,
 * agreement, signature and its download (INST-CORP).
 *
 * Members act for their company (RULES section 5): every object is looked
 * up through the member's company; another company's is 404.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/company.h"
#include "service/company_account.h"
#include "service/corp_app_view.h"
#include "service/corp_transfer.h"
#include "service/agreement_pdf.h"
#include "service/filestore.h"
#include "service/members.h"
#include "view/fmt.h"
#include "view/view.h"

const struct field_spec page_company_fields[] = {
	{ "msg", FIELD_TOKEN, 0, 16, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_company_documents_fields[] = {
	{ "kind", FIELD_TOKEN, 1, 16, 0, 0 },
	{ "expires", FIELD_DATE, 0, 10, 0, 0 },
	{ "document", FIELD_FILE, 1, FILESTORE_MAX, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_corp_apply_fields[] = {
	{ "term", FIELD_INT, 1, 2, 1, 60 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_corp_sign_fields[] = {
	{ "sha256", FIELD_TOKEN, 1, 64, 0, 0 },
	{ "agree", FIELD_TOKEN, 0, 8, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* A qualification status for people. */
static const char *
qual_label(enum qual_status s)
{
	switch (s) {
	case QS_VERIFIED:
		return _("Verified");
	case QS_SUBMITTED:
	case QS_PENDING:
		return _("Submitted, waiting for review");
	case QS_UNDER_REVIEW:
		return _("Under review");
	case QS_REJECTED:
		return _("Rejected");
	case QS_DRAFT:
		return _("Draft (not submitted)");
	default:
		return _("Unverified");
	}
}

/* Add a USD limit line ("none" when has is 0) to d as name. */
static void
set_usd(struct view_dict *d, const char *name, int has, int64_t v)
{
	char s[64];

	if (has)
		company_usd(v, s, sizeof(s));
	else
		snprintf(s, sizeof(s), "none agreed");
	view_set(d, name, s);
}

/* What the member typed on a refused upload, to refill the form, and the
 * message beside the field it is about. */
struct upload_form {
	const char	*kind;		/* "licence", "statements" or NULL */
	const char	*expires;	/* as typed (digits and dashes) */
	const char	*kind_err, *expires_err, *doc_err;
};

/* Refill the upload form section s from f (NULL: the defaults); the
 * messages are shown in the request's language. */
static void
upload_refill(struct view_dict *s, const struct upload_form *f)
{
	if (f == NULL || f->kind == NULL || strcmp(f->kind, "statements") != 0)
		view_show(s, "KIND_LICENCE");
	else
		view_show(s, "KIND_STATEMENTS");
	if (f == NULL)
		return;
	if (f->expires != NULL)
		view_set(s, "EXPIRES", f->expires);
	if (f->kind_err != NULL)
		view_set(view_add(s, "KIND_ERR"), "MSG", _(f->kind_err));
	if (f->expires_err != NULL)
		view_set(view_add(s, "EXPIRES_ERR"), "MSG",
		    _(f->expires_err));
	if (f->doc_err != NULL)
		view_set(view_add(s, "DOC_ERR"), "MSG", _(f->doc_err));
}

static int account_form_page(struct ctx *, int, const char *, const char *,
    const struct upload_form *);

/* The account page of the member's company with an optional notice or
 * error, answered with status. */
static int
account_page(struct ctx *c, int status, const char *notice, const char *error)
{
	return account_form_page(c, status, notice, error, NULL);
}

/* The current qualification submission of acc into d (section
 * SUBMISSION): its road, promised date, licence expiry, rejection reason
 * and documents, and CAN_SUBMIT for a draft when may_upload. */
static void
set_submission(struct view_dict *d, const struct company_account *acc,
    int may_upload)
{
	const struct db_qual	*q = &acc->q;
	const struct db_doc	*docs = acc->docs;
	struct view_dict	*s;
	char			 when[40];
	size_t			 i;

	s = view_add(d, "SUBMISSION");
	view_set_int(s, "ID", (long long)q->id);
	view_set(s, "STATUS_CODE", qual_status_name(q->status));
	view_set(s, "STATUS", qual_label(q->status));
	if (q->review_due[0] != '\0' && (q->status == QS_SUBMITTED ||
	    q->status == QS_UNDER_REVIEW))
		view_set(view_add(s, "DUE"), "DATE", q->review_due);
	if (q->licence_expires[0] != '\0')
		view_set(view_add(s, "LICENCE"), "DATE", q->licence_expires);
	if (q->status == QS_REJECTED)
		view_set(view_add(s, "REJECTED"), "REASON", q->reason);
	for (i = 0; i < acc->ndocs; i++) {
		struct view_dict *x = view_add(s, "DOC");

		view_set_int(x, "ID", (long long)docs[i].id);
		view_set(x, "KIND", strcmp(docs[i].kind, "licence") == 0 ?
		    "Business licence" : "Financial statements");
		view_set(x, "MIME", docs[i].mime);
		view_set_int(x, "SIZE", (long long)docs[i].size);
		admin_fmt_time(docs[i].created_at, when, sizeof(when));
		view_set(x, "AT", when);
	}
	if (q->status == QS_DRAFT && may_upload)
		view_show(d, "CAN_SUBMIT");
}

/* The company's members of acc (one MEMBER each: name, email) and its
 * orders (one ORDER each: status, method, amount, link) into d. */
static void
set_members_orders(struct view_dict *d, const struct company_account *acc)
{
	const struct db_member	*mem = acc->members;
	const struct db_corp_order *ord = acc->orders;
	struct view_dict	*s;
	struct money		 m;
	char			 buf[64];
	size_t			 i;

	for (i = 0; i < acc->nmembers; i++) {
		s = view_add(d, "MEMBER");
		view_set(s, "NAME", mem[i].name);
		view_set(s, "EMAIL", mem[i].email);
	}
	for (i = 0; i < acc->norders; i++) {
		s = view_add(d, "ORDER");
		view_set_int(s, "ID", (long long)ord[i].id);
		view_set(s, "STATUS", order_status_name(ord[i].status));
		view_set(s, "METHOD", pay_method_name(ord[i].method));
		money_set(&m, ord[i].amount_due_minor, ord[i].currency);
		money_display(&m, buf, sizeof(buf));
		view_set(s, "AMOUNT", buf);
		view_setf(s, "HREF", ord[i].method ==
		    PM_INSTALLMENT_CORPORATE ? "/orders/%lld/corporate" :
		    "/orders/%lld", (long long)ord[i].id);
	}
}

/* account_page() with the upload form refilled from f (NULL: empty). */
static int
account_form_page(struct ctx *c, int status, const char *notice,
    const char *error, const struct upload_form *f)
{
	struct view_dict	*d, *s;
	struct company_account	 acc;
	struct db_company	 co;
	struct db_qual		 q;
	const struct db_qual	*hist;
	char			 buf[64], when[40];
	size_t			 i, nh;
	int			 rc, hasq, may_upload;

	if ((rc = company_account_load(c->db, c->user.user_id,
	    c->user.company_id, c->now, &acc)) != 1) {
		company_account_cleanup(&acc);
		return page_error(c, rc == 0 ? 404 : 500, NULL);
	}
	co = acc.co;
	q = acc.q;
	hasq = acc.hasq;
	hist = acc.hist, nh = acc.nhist;
	/* The upload form for members allowed to upload (and on a refusal
	 * for lack of it, so that the message stands beside it). */
	may_upload = (acc.perms & MEMBER_UPLOAD) || status == 403;
	d = view_dict_new();
	page_notes(d, notice, error);
	view_set(d, "NAME", co.name);
	view_set(d, "COUNTRY", co.country);
	view_set(d, "STATUS_CODE", qual_status_name(co.status));
	view_set(d, "STATUS", qual_label(co.status));
	if (co.expires[0] != '\0')
		view_set(view_add(d, "EXPIRES"), "DATE", co.expires);
	/* The current submission: its road, promised date and documents. */
	if (hasq == 1)
		set_submission(d, &acc, may_upload);
	if (!may_upload)
		view_show(d, "NO_UPLOAD");
	else if (hasq == 0 || (q.status != QS_SUBMITTED &&
	    q.status != QS_UNDER_REVIEW))
		upload_refill(view_add(d, "CAN_UPLOAD"), f);
	for (i = 0; i < nh; i++) {
		s = view_add(d, "HISTORY");
		view_set_int(s, "ID", (long long)hist[i].id);
		view_set(s, "STATUS", qual_label(hist[i].status));
		admin_fmt_time(hist[i].submitted_at ? hist[i].submitted_at :
		    hist[i].created_at, when, sizeof(when));
		view_set(s, "AT", when);
		view_set(s, "REASON", hist[i].reason);
	}
	/* INST-04, COD-02, REM-02. */
	money_display(&acc.completed, buf, sizeof(buf));
	view_set(d, "COMPLETED", buf);
	money_display(&acc.completed_min, buf, sizeof(buf));
	view_set(d, "COMPLETED_MIN", buf);
	view_set_int(d, "WINDOW", (long long)acc.window);
	view_set(d, "INST04", money_cmp(&acc.completed, &acc.completed_min,
	    &rc) == 0 && rc >= 0 ? "meets" : "is below");
	view_set(d, "AGREEMENT", co.long_term_agreement ? "signed" : "none");
	set_usd(d, "COD_LIMIT", co.long_term_agreement && co.has_cod_limit,
	    co.cod_limit_usd_minor);
	set_usd(d, "REMIT_QUOTA", co.has_remit_quota, co.remit_quota_usd_minor);
	set_members_orders(d, &acc);
	rc = page_render_free(c, "company_account.tpl", d,
	    "Company account", status);
	company_account_cleanup(&acc);
	return rc;
}

/* The notice of a redirect's code (never text from the URL), or NULL. */
static const char *
notice_of(const char *code)
{
	static const struct {
		const char *code, *text;
	} n[] = {
		{ "uploaded", N_("Document uploaded; it is stored encrypted "
		    "and only your company and reviewing admins can read "
		    "it.") },
		{ "submitted", N_("Submitted for review; the promised review "
		    "date is shown below.") },
		{ "applied", N_("Application submitted; the promised review "
		    "date is shown below.") },
		{ "signed", N_("Agreement signed. Next: the down payment by "
		    "bank transfer.") },
	};
	size_t i;

	for (i = 0; code != NULL && i < sizeof(n) / sizeof(n[0]); i++)
		if (strcmp(n[i].code, code) == 0)
			return n[i].text;
	return NULL;
}

/* GET /company. */
int
page_company(struct ctx *c)
{
	return account_page(c, 200, notice_of(ctx_str(c, "msg")), NULL);
}

/* Redirect to the account page with notice code (see notice_of). */
static int
to_account(struct ctx *c, const char *code)
{
	char loc[64];

	snprintf(loc, sizeof(loc), "/company?msg=%s", code);
	return page_redirect(c, loc);
}

/* The expiry date as typed, kept when it is only digits and dashes (a
 * date input's value), else NULL. */
static const char *
typed_date(struct ctx *c)
{
	const struct field_val *f = ctx_field(c, "expires");

	if (f == NULL || !f->present || f->str == NULL || f->len > 10 ||
	    strspn(f->str, "0123456789-") != f->len)
		return NULL;
	return f->str;
}

/* Answer a refused upload on the same form: status, msg beside the field
 * it is about, what was typed kept. */
static int
upload_refused(struct ctx *c, int status, const char *msg)
{
	struct upload_form f;

	memset(&f, 0, sizeof(f));
	f.kind = ctx_str(c, "kind");
	f.expires = typed_date(c);
	if (strstr(msg, "expir") != NULL || strstr(msg, "YYYY") != NULL ||
	    strncmp(msg, "INST-03", 7) == 0)
		f.expires_err = msg;
	else if (strncmp(msg, "Choose which", 12) == 0)
		f.kind_err = msg;
	else
		f.doc_err = msg;
	return account_form_page(c, status, NULL, N_("The document was not "
	    "uploaded: see the message beside the field."), &f);
}

/* The answer to a qualification step that ended in r: 303 to the account
 * page with ?msg=what, or msg on that page (403, 400, 409; the first two
 * on the upload form when upload), 404 or 500. */
static int
qual_answer(struct ctx *c, enum result r, const char *msg, const char *what,
    int upload)
{
	switch (r) {
	case RES_OK:
		return to_account(c, what);
	case RES_FORBIDDEN:
	case RES_INVALID:
		return upload ? upload_refused(c, page_status(r), msg) :
		    account_page(c, page_status(r), NULL, msg);
	case RES_NOT_ALLOWED:
		return account_page(c, 409, NULL, msg);
	default:
		return page_error(c, r == RES_NOT_FOUND ? 404 : 500, NULL);
	}
}

/* POST /company/documents (multipart): one document. */
int
page_company_documents(struct ctx *c)
{
	const struct field_val	*fv = ctx_field(c, "document");
	const char		*bad;
	char			 msg[600];
	enum result		 r;

	/* Who asks comes first: a member who may not upload is refused
	 * whatever the form holds. */
	if ((r = qual_upload_allowed(c->db, c->user.user_id,
	    c->user.company_id, msg, sizeof(msg))) != RES_OK)
		return qual_answer(c, r, msg, NULL, 1);
	if ((bad = ctx_field_err(c, "document")) != NULL) {
		int big = fv != NULL && fv->file != NULL &&
		    fv->file->len > FILESTORE_MAX;

		if (big)
			snprintf(msg, sizeof(msg), "%s", N_("This file is too "
			    "large (over 10 MB): upload a PDF, JPEG or PNG of "
			    "at most 10 MB; reduce it or scan it at a lower "
			    "resolution."));
		else
			snprintf(msg, sizeof(msg), _("Document: %s (a PDF, "
			    "JPEG or PNG of at most 10 MB)."), _(bad));
		return upload_refused(c, big ? 413 : 400, msg);
	}
	if ((bad = ctx_field_err(c, "kind")) != NULL)
		return upload_refused(c, 400, N_("Choose which document this "
		    "is: the business licence or the financial statements."));
	if ((bad = ctx_field_err(c, "expires")) != NULL)
		return upload_refused(c, 400, N_("Enter the licence's expiry "
		    "date (YYYY-MM-DD) as printed on it."));
	r = qual_upload(c->db, c->cfg, c->user.company_id, c->user.user_id,
	    ctx_str(c, "kind"), fv->file->data, fv->file->len,
	    ctx_str(c, "expires"), c->now, msg, sizeof(msg));
	return qual_answer(c, r, msg, "uploaded", 1);
}

/* POST /company/qualification/submit. */
int
page_company_submit(struct ctx *c)
{
	char msg[600];

	return qual_answer(c, qual_submit(c->db, c->user.company_id,
	    c->user.user_id, c->now, msg, sizeof(msg)), msg, "submitted", 0);
}

/* GET /company/documents/:id: the document, for a member of the owning
 * company or an admin (INST-S1), through the file store. */
int
page_company_document(struct ctx *c)
{
	struct db_doc	d;
	char		name[64];
	int		rc;

	if ((rc = company_document(c->db, c->user.role == ROLE_ADMIN,
	    c->user.company_id, c->target_id, &d)) == -1)
		return page_error(c, 500, NULL);
	if (rc == 0)
		return page_error(c, 404, "There is no such document of your "
		    "company.");
	snprintf(name, sizeof(name), "%s-%lld", d.kind, (long long)d.id);
	rc = filestore_respond(c, d.file_id, name);
	if (rc != 200)
		return page_error(c, rc, NULL);
	return rc;
}

/* The order of the request (the route's object, the member's company's)
 * into *o. Returns 0, or the error page's status (500). */
static int
member_order(struct ctx *c, struct db_corp_order *o)
{
	int rc;

	if ((rc = company_order(c->db, c->user.role == ROLE_ADMIN,
	    c->user.company_id, c->target_id, o)) == -1)
		return page_error(c, 500, NULL);
	if (rc == 0)
		return page_error(c, 404, "There is no such order of your "
		    "company.");
	return 0;
}

/* The down payment's instructions (section AWAIT_DOWN of d): amount,
 * the mall's payee account and the reference to quote. */
static void
set_await_down(struct ctx *c, struct view_dict *d,
    const struct db_corp_order *o, int64_t percent)
{
	struct view_dict	*s = view_add(d, "AWAIT_DOWN");
	struct corp_payee	 p;
	struct money		 m;
	char			 buf[64];

	if (corp_payee_get(c->db, &p) == -1)
		memset(&p, 0, sizeof(p));
	money_set(&m, corp_down_payment(o->amount_due_minor, percent),
	    o->currency);
	view_set(s, "DOWN", money_display(&m, buf, sizeof(buf)));
	view_set(s, "PAYEE", p.name);
	view_set(s, "BANK", p.bank);
	view_set(s, "ACCOUNT", p.account);
	corp_payment_reference(o->id, buf, sizeof(buf));
	view_set(s, "REF", buf);
}

/* Order o's corporate application a into d (section APP): its road,
 * term, review day, rejection, and the agreement with the sign form (not
 * for an admin), the signature, the down payment awaited (percent of the
 * amount) and the plan in effect. */
static void
set_app(struct ctx *c, struct view_dict *d, const struct db_corp_order *o,
    const struct db_corp_app *a, int64_t percent)
{
	struct view_dict	*s;
	struct money		 m;
	char			 buf[64], when[40];

	s = view_add(d, "APP");
	view_set_int(s, "APP_ID", (long long)a->id);
	view_set(s, "STATUS_CODE", corp_app_status_name(a->status));
	view_set(s, "STATUS", corp_app_status_words(a->status));
	view_set_int(s, "TERM", a->term);
	view_set(s, "REVIEW_DUE", a->review_due);
	admin_fmt_time(a->submitted_at, when, sizeof(when));
	view_set(s, "SUBMITTED", when);
	if (a->status == CA_REJECTED)
		view_set(view_add(s, "REJECTED"), "REASON", a->reason);
	if (a->status == CA_SUBMITTED)
		view_set(view_add(s, "WAITING"), "DATE", a->review_due);
	if (a->text != NULL && a->text[0] != '\0') {
		struct view_dict *x = view_add(s, "AGREEMENT");

		view_set(x, "VERSION", a->version);
		view_set(x, "TEXT", a->text);
		view_set(x, "SHA", a->sha256);
		view_set_int(x, "ID", (long long)o->id);
		if (a->status == CA_APPROVED &&
		    c->user.role != ROLE_ADMIN)
			view_set(view_add(x, "SIGN"), "SHA", a->sha256);
		if (a->signed_at > 0) {
			struct view_dict *y = view_add(x, "SIGNED");

			view_set(y, "BY", a->signer_email);
			admin_fmt_time(a->signed_at, when, sizeof(when));
			view_set(y, "AT", when);
			view_set(y, "ADDR", a->signer_addr);
		}
		if (a->status == CA_SIGNED)
			set_await_down(c, x, o, percent);
		if (a->effective_at > 0) {
			struct view_dict *y = view_add(x, "EFFECT");

			admin_fmt_time(a->effective_at, when, sizeof(when));
			view_set(y, "AT", when);
			money_set(&m, a->down_payment_minor, o->currency);
			view_set(y, "DOWN", money_display(&m, buf,
			    sizeof(buf)));
			view_set(y, "REF", a->down_payment_ref);
			view_set_int(y, "ID", (long long)o->id);
		}
	}
}

/* The corporate installment page of order *o with notice/error. */
static int
corp_page(struct ctx *c, const struct db_corp_order *o, int status,
    const char *notice, const char *error)
{
	struct view_dict	*d, *s;
	struct db_corp_app	 a;
	struct money		 m;
	char			 buf[64];
	int64_t			 percent;
	int			 rc, t;

	if ((rc = corp_app_of_order(c->db, o->id, &a, &percent)) == -1) {
		corp_app_cleanup(&a);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	page_notes(d, notice, error);
	view_set_int(d, "ID", (long long)o->id);
	page_status_label(order_status_name(o->status), buf, sizeof(buf));
	view_set(d, "ORDER_STATUS", buf);
	money_set(&m, o->amount_due_minor, o->currency);
	view_set(d, "AMOUNT", money_display(&m, buf, sizeof(buf)));
	money_set(&m, corp_down_payment(o->amount_due_minor, percent),
	    o->currency);
	view_set(d, "DOWN", money_display(&m, buf, sizeof(buf)));
	view_set_int(d, "PERCENT", (long long)percent);
	if (rc == 0) {
		if (o->status == OS_AWAITING_REVIEW) {
			/* INST-CORP: the application with its term. */
			s = view_add(d, "APPLY");
			for (t = 3; t <= 6; t++) {
				struct view_dict *x = view_add(s, "TERM");

				view_set_int(x, "N", t);
				if (t == (o->term >= 3 && o->term <= 6 ?
				    o->term : 6))
					view_show(x, "CHECKED");
			}
		} else {
			page_status_label(order_status_name(o->status), buf,
			    sizeof(buf));
			view_set(view_add(d, "NO_APP"), "STATUS", buf);
		}
	} else
		set_app(c, d, o, &a, percent);
	corp_app_cleanup(&a);
	rc = page_render_free(c, "company_order.tpl", d,
	    "Corporate installment", status);
	return rc;
}

/* GET /orders/:id/corporate. */
int
page_corp_order(struct ctx *c)
{
	struct db_corp_order	o;
	int			rc;

	if ((rc = member_order(c, &o)) != 0)
		return rc;
	if (o.method != PM_INSTALLMENT_CORPORATE) {
		char loc[64];

		/* Not a corporate installment: the order's own page. */
		snprintf(loc, sizeof(loc), "/orders/%lld", (long long)o.id);
		return page_redirect(c, loc);
	}
	return corp_page(c, &o, 200, notice_of(ctx_str(c, "msg")), NULL);
}

/* Answer a corporate POST: redirect on success, the page with the
 * message otherwise. */
static int
corp_answer(struct ctx *c, const struct db_corp_order *o, enum result r,
    const char *msg, const char *what)
{
	char loc[96];

	switch (r) {
	case RES_OK:
		snprintf(loc, sizeof(loc), "/orders/%lld/corporate?msg=%s",
		    (long long)o->id, what);
		return page_redirect(c, loc);
	case RES_INVALID:
		return corp_page(c, o, 400, NULL, msg);
	case RES_FORBIDDEN:
		return corp_page(c, o, 403, NULL, msg);
	case RES_NOT_ALLOWED:
	case RES_DECIDED:
		return corp_page(c, o, 409, NULL, msg);
	default:
		return page_error(c, r == RES_NOT_FOUND ? 404 : 500, NULL);
	}
}

/* POST /orders/:id/corporate/apply. */
int
page_corp_apply(struct ctx *c)
{
	struct db_corp_order	o;
	char			msg[300];
	int			rc;

	if ((rc = member_order(c, &o)) != 0)
		return rc;
	if (ctx_field_err(c, "term") != NULL)
		return corp_page(c, &o, 400, NULL, N_("INST-CORP: choose a "
		    "term of 3 to 6 months."));
	return corp_answer(c, &o, corp_apply(c->db, c->user.company_id,
	    c->user.user_id, o.id, (int)ctx_int(c, "term", 0), c->now, msg,
	    sizeof(msg)), msg, "applied");
}

/* POST /orders/:id/corporate/sign. */
int
page_corp_sign(struct ctx *c)
{
	struct db_corp_order	o;
	const char		*addr;
	char			msg[300];
	int			rc;

	if ((rc = member_order(c, &o)) != 0)
		return rc;
	if (ctx_str(c, "agree") == NULL)
		return corp_page(c, &o, 400, NULL, N_("Tick \"I have read and "
		    "accept the agreement\" to sign it."));
	addr = c->req != NULL && c->req->remote_addr != NULL ?
	    c->req->remote_addr : "";
	return corp_answer(c, &o, corp_sign(c->db, c->user.company_id,
	    c->user.user_id, o.id, ctx_str(c, "sha256"), addr, c->now, msg,
	    sizeof(msg)), msg, "signed");
}

/* GET /orders/:id/agreement: the exact agreement text (its SHA-256 is the
 * one kept), for the company's members and admins. */
int
page_corp_agreement(struct ctx *c)
{
	struct db_corp_order	o;
	struct db_corp_app	a;
	int			rc;

	if ((rc = member_order(c, &o)) != 0)
		return rc;
	if ((rc = corp_app_of_order(c->db, o.id, &a, NULL)) == -1) {
		corp_app_cleanup(&a);
		return page_error(c, 500, NULL);
	}
	if (rc == 0 || a.text == NULL || a.text[0] == '\0') {
		corp_app_cleanup(&a);
		return page_error(c, 409, "This order has no agreement yet.");
	}
	c->resp->content_type = "text/plain; charset=utf-8";
	buf_printf(&c->resp->headers, "Content-Disposition: attachment; "
	    "filename=\"agreement-order-%lld.txt\"\r\n"
	    "X-Agreement-SHA256: %s\r\n", (long long)o.id, a.sha256);
	buf_puts(&c->resp->body, a.text);
	corp_app_cleanup(&a);
	c->resp->status = 200;
	return 200;
}

/* GET /orders/:id/agreement.pdf: the agreement as a PDF (same text, its
 * SHA-256 printed), for the company's members and admins, every word in
 * the language the text was written in (the signer's), right to left in
 * Arabic. */
int
page_corp_agreement_pdf(struct ctx *c)
{
	struct db_corp_order	o;
	struct db_corp_app	a;
	char			status[800], title[200], when[64];
	enum lang		prev;
	int			rc;

	if ((rc = member_order(c, &o)) != 0)
		return rc;
	if ((rc = corp_app_of_order(c->db, o.id, &a, NULL)) == -1 || rc == 0 ||
	    a.text == NULL || a.text[0] == '\0') {
		corp_app_cleanup(&a);
		return rc == -1 ? page_error(c, 500, NULL) : page_error(c, 409,
		    "This order has no agreement yet.");
	}
	prev = i18n_use(corp_agreement_lang(a.text));
	if (a.signed_at > 0)
		snprintf(status, sizeof(status), _("%s · order #%lld · signed "
		    "by %s at %s"), a.company_name, (long long)o.id,
		    a.signer_email, fmt_time(a.signed_at, when, sizeof(when)));
	else
		snprintf(status, sizeof(status), _("%s · order #%lld · not "
		    "signed yet"), a.company_name, (long long)o.id);
	snprintf(title, sizeof(title), _("Corporate installment agreement "
	    "%s"), a.version);
	rc = agreement_pdf(title, a.text, a.sha256, status, &c->resp->body);
	i18n_use(prev);
	if (rc == -1) {
		corp_app_cleanup(&a);
		buf_reset(&c->resp->body);
		return page_error(c, 500, NULL);
	}
	c->resp->content_type = "application/pdf";
	buf_printf(&c->resp->headers, "Content-Disposition: attachment; "
	    "filename=\"agreement-order-%lld.pdf\"\r\n"
	    "X-Agreement-SHA256: %s\r\n", (long long)o.id, a.sha256);
	corp_app_cleanup(&a);
	c->resp->status = 200;
	return 200;
}
