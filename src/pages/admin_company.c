/*
 * Admin pages of corporate buyers (ROLE_ADMIN only): the corporate
 * qualification queue (oldest first, promised date and lateness,
 * pages/admin_queue.h) and its review page (documents through the
 * authorizing handler, start review, approve, reject with reason, "already decided by X at
 * T"); the companies and their agreements (COD-02 limit, REM-02 quota).
 * The corporate installment's admin pages are in admin_corp_app.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/admin_company.h"
#include "pages/admin_payout.h"
#include "pages/admin_queue.h"
#include "pages/doc_pictures.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/company.h"
#include "service/company_account.h"
#include "view/view.h"

const struct field_spec page_admin_company_msg_fields[] = {
	{ "submission", FIELD_ID, 0, 0, 0, 0 },
	{ "msg", FIELD_TOKEN, 0, 16, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_decide_fields[] = {
	{ "submission", FIELD_ID, 0, 0, 0, 0 },
	{ "decision", FIELD_TOKEN, 1, 16, 0, 0 },
	{ "reason", FIELD_TEXT, 0, 200, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_company_limits_fields[] = {
	{ "save", FIELD_TOKEN, 1, 8, 0, 0 },
	{ "agreement", FIELD_TOKEN, 0, 8, 0, 0 },
	{ "cod_limit", FIELD_DECIMAL, 0, 24, 0, 0 },
	{ "remit_quota", FIELD_DECIMAL, 0, 24, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The end of day "YYYY-MM-DD" (next midnight UTC) as aq_row.promised_at,
 * 0 when the text is not a date. */
static int64_t
day_end(const char *day)
{
	mp_date d;

	if (day == NULL || mp_date_parse(day, strlen(day), &d) == -1)
		return 0;
	return ((int64_t)d + 1) * 86400;
}

/* The notice of a redirect's code (never text from the URL), or NULL. */
static const char *
notice_of(const char *code)
{
	static const struct {
		const char *code, *text;
	} n[] = {
		{ "done", NA_("Done: the status below is the new one; the "
		    "company was told by an account message.") },
		{ "saved", NA_("Agreements saved; the company was told.") },
		{ "transfer", NA_("Transfer recorded: its allocation is the "
		    "first line of the transfers below; the company was "
		    "told.") },
	};
	size_t i;

	for (i = 0; code != NULL && i < sizeof(n) / sizeof(n[0]); i++)
		if (strcmp(n[i].code, code) == 0)
			return A_(n[i].text);
	return NULL;
}

/* Redirect to the path head, id, tail with ?msg=code. */
static int
back(struct ctx *c, const char *head, int64_t id, const char *tail,
    const char *code)
{
	char loc[160];

	snprintf(loc, sizeof(loc), "%s%lld%s?msg=%s", head, (long long)id,
	    tail, code);
	return page_redirect(c, loc);
}

/* GET /admin/queues/qualifications: submissions waiting, oldest first. */
int
page_admin_qual_queue(struct ctx *c)
{
	static const char *const cols[] = { NA_("Company"), NA_("Status"),
	    NA_("Licence expires") };
	static const struct aq_sort sorts[] = { { "oldest",
	    NA_("Oldest first") } };
	struct aq_list	 l;
	struct aq_row	*r;
	struct db_qual	*q;
	size_t		 i, n;
	int64_t		 total;
	int		 rc;

	memset(&l, 0, sizeof(l));
	l.title = NA_("Corporate qualifications");
	l.path = "/admin/queues/qualifications";
	l.queue_id = "qualifications";
	l.intro = NA_("Submitted business licences and financial statements, "
	    "oldest first; review by the promised date (INST-CORP: 1-3 "
	    "business days). Open one to see its documents and decide.");
	l.sorts = sorts;
	l.nsorts = 1;
	l.sort = "oldest";
	l.columns = cols;
	l.ncols = 3;
	l.thumbs = 1;
	l.page = aq_page_arg(c);
	l.notice = notice_of(ctx_str(c, "msg"));
	if (qual_queue(c->db, (size_t)(l.page - 1) * AQ_PER_PAGE,
	    AQ_PER_PAGE, &q, &n, &total) == -1)
		return page_error(c, 500, NULL);
	l.total = total;
	for (i = 0; i < n; i++) {
		r = aq_row_add(&l);
		r->id = q[i].id;
		snprintf(r->href, sizeof(r->href),
		    "/admin/companies/%lld/qualification",
		    (long long)q[i].company_id);
		r->created_at = q[i].submitted_at;
		r->thumb_file = q[i].thumb_file_id;
		r->promised_at = day_end(q[i].review_due);
		snprintf(r->cells[0], sizeof(r->cells[0]), "%s",
		    q[i].company_name);
		snprintf(r->cells[1], sizeof(r->cells[1]), "%s",
		    qual_status_name(q[i].status));
		snprintf(r->cells[2], sizeof(r->cells[2]), "%s",
		    q[i].licence_expires);
	}
	free(q);
	rc = admin_queue_render(c, &l);
	aq_list_cleanup(&l);
	return rc;
}

/* The review page of company id's latest submission with
 * notice/error. */
static int
qual_page(struct ctx *c, int64_t id, int status, const char *notice,
    const char *error)
{
	struct view_dict	*d, *s;
	struct qual_review	 r;
	struct db_qual		 q;
	struct db_company	 co;
	const struct db_doc	*docs;
	struct doc_pictures	 p = { NULL, 0, 0, NULL, NULL, NULL };
	char			 when[40], key[32];
	size_t			 i, nd;
	int			 rc;

	if ((rc = qual_review_load(c->db, id, &r)) != 1) {
		qual_review_cleanup(&r);
		return page_error(c, rc == 0 ? 404 : 500, NULL);
	}
	q = r.q;
	co = r.co;
	docs = r.docs, nd = r.ndocs;
	d = view_dict_new();
	page_admin_notes(d, notice, error);
	view_set_int(d, "ID", (long long)q.id);
	view_set_int(d, "COMPANY_ID", (long long)co.id);
	view_set(d, "COMPANY", co.name);
	view_set(d, "COMPANY_STATUS", qual_status_name(co.status));
	view_set(d, "STATUS", qual_status_name(q.status));
	view_set(d, "LICENCE", q.licence_expires);
	view_set(d, "DUE", q.review_due[0] ? q.review_due : "-");
	admin_fmt_time(q.submitted_at, when, sizeof(when));
	view_set(d, "SUBMITTED", when);
	if (q.review_due[0] != '\0' && day_end(q.review_due) < c->now &&
	    (q.status == QS_SUBMITTED ||
	    q.status == QS_UNDER_REVIEW)) {
		aq_age(c->now, day_end(q.review_due), when, sizeof(when));
		view_set(view_add(d, "LATE"), "BY", when);
	}
	for (i = 0; i < nd; i++) {
		s = view_add(d, "DOC");
		view_set_int(s, "ID", (long long)docs[i].id);
		view_set(s, "KIND", docs[i].kind);
		view_set(s, "MIME", docs[i].mime);
		view_set_int(s, "SIZE", (long long)docs[i].size);
		snprintf(key, sizeof(key), "doc-%lld", (long long)docs[i].id);
		p.key = key;
		p.file_id = docs[i].file_id;
		p.npages = docs[i].pages;
		p.alt = docs[i].kind;
		doc_pictures_show(s, "PICTURES", &p);
	}
	if (q.status == QS_SUBMITTED)
		view_show(d, "CAN_START");
	if (q.status == QS_SUBMITTED ||
	    q.status == QS_UNDER_REVIEW)
		view_show(d, "CAN_DECIDE");
	else if (r.decided) {
		s = view_add(d, "DECIDED");
		view_set(s, "BY", r.by);
		admin_fmt_time(r.at, when, sizeof(when));
		view_set(s, "AT", when);
		view_set(s, "DECISION", r.decision);
		view_set(s, "REASON", q.reason);
	}
	qual_review_cleanup(&r);
	rc = page_render_free(c, "company_admin_qual.tpl", d,
	    "Qualification", status);
	return rc;
}

/* GET /admin/companies/:id/qualification. */
int
page_admin_qual(struct ctx *c)
{
	int64_t id = c->target_id;

	return qual_page(c, id, 200, notice_of(ctx_str(c, "msg")), NULL);
}

/* Answer a decision: back to the path head, id, tail on success, the page
 * with msg else. */
static int
decided(struct ctx *c, enum result r, int64_t id, const char *msg,
    int (*page)(struct ctx *, int64_t, int, const char *, const char *),
    const char *head, const char *tail)
{
	switch (r) {
	case RES_OK:
		return back(c, head, id, tail,
		    strstr(tail, "/limits") != NULL ||
		    (strcmp(head, "/admin/companies/") == 0 &&
		    tail[0] == '\0') ? "saved" : "done");
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	case RES_INVALID:
		return page(c, id, 400, NULL, msg);
	case RES_DECIDED:
	case RES_NOT_ALLOWED:
		return page(c, id, 409, NULL, msg);
	default:
		return page_error(c, 500, NULL);
	}
}

/* The submission a POST on company id's qualification means: the
 * "submission" field (the one the page showed), else the latest. Returns
 * its id, 0 when there is none, -1 on error. */
static int64_t
submission_of(struct ctx *c, int64_t company_id)
{
	int64_t	shown = ctx_int(c, "submission", 0), latest;

	if ((latest = qual_latest_id(c->db, company_id)) <= 0)
		return latest;
	if (shown > 0 && shown != latest)
		return shown;	/* decided meanwhile: the claim says so */
	return latest;
}

/* POST /admin/companies/:id/qualification/start. */
int
page_admin_qual_start(struct ctx *c)
{
	int64_t	id = c->target_id, sid;
	char	msg[300];

	if ((sid = submission_of(c, id)) <= 0)
		return sid == 0 ? qual_page(c, id, 409, NULL, NA_("This company "
		    "has no submission to review.")) : page_error(c, 500, NULL);
	return decided(c, qual_start_review(c->db, c->user.user_id, sid,
	    c->now, msg, sizeof(msg)), id, msg, qual_page,
	    "/admin/companies/", "/qualification");
}

/* POST /admin/companies/:id/qualification/decide. */
int
page_admin_qual_decide(struct ctx *c)
{
	const char	*dec = ctx_str(c, "decision");
	int64_t		 id = c->target_id, sid;
	char		 msg[300];

	if (dec == NULL || (strcmp(dec, "approve") != 0 &&
	    strcmp(dec, "reject") != 0))
		return qual_page(c, id, 400, NULL, NA_("Choose approve or reject."));
	if ((sid = submission_of(c, id)) <= 0)
		return sid == 0 ? qual_page(c, id, 409, NULL, NA_("This company "
		    "has no submission to decide.")) : page_error(c, 500, NULL);
	return decided(c, qual_decide(c->db, c->user.user_id, sid,
	    strcmp(dec, "approve") == 0, ctx_str(c, "reason"), c->now, msg,
	    sizeof(msg)), id, msg, qual_page,
	    "/admin/companies/", "/qualification");
}

/* GET /admin/companies. */
int
page_admin_companies(struct ctx *c)
{
	struct view_dict	*d, *s;
	struct db_company	*co;
	char			 buf[64];
	size_t			 i, n;

	if (company_list(c->db, &co, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	for (i = 0; i < n; i++) {
		s = view_add(d, "COMPANY");
		view_set_int(s, "ID", (long long)co[i].id);
		view_set(s, "NAME", co[i].name);
		view_set(s, "STATUS", qual_status_name(co[i].status));
		view_set(s, "EXPIRES", co[i].expires[0] ? co[i].expires : "-");
		if (co[i].long_term_agreement && co[i].has_cod_limit)
			company_usd(co[i].cod_limit_usd_minor, buf,
			    sizeof(buf));
		else
			snprintf(buf, sizeof(buf), "none");
		view_set(s, "COD", buf);
		if (co[i].has_remit_quota)
			company_usd(co[i].remit_quota_usd_minor, buf,
			    sizeof(buf));
		else
			snprintf(buf, sizeof(buf), "none");
		view_set(s, "REMIT", buf);
	}
	free(co);
	return page_render_free(c, "company_admin_list.tpl", d,
	    "Companies", 200);
}

/* The admin page of company id with notice/error. */
static int
company_page(struct ctx *c, int64_t id, int status, const char *notice,
    const char *error)
{
	struct view_dict	*d, *s;
	struct company_account	 acc;
	struct db_company	 co;
	const struct db_member	*mem;
	const struct db_qual	*hist;
	struct money		 m;
	char			 buf[64], when[40];
	size_t			 i, nm, nh;
	int			 rc;

	if ((rc = company_account_load(c->db, 0, id, c->now, &acc)) != 1) {
		company_account_cleanup(&acc);
		return page_error(c, rc == 0 ? 404 : 500, NULL);
	}
	co = acc.co;
	mem = acc.members, nm = acc.nmembers;
	hist = acc.hist, nh = acc.nhist;
	d = view_dict_new();
	page_admin_notes(d, notice, error);
	view_set_int(d, "ID", (long long)co.id);
	view_set(d, "NAME", co.name);
	view_set(d, "COUNTRY", co.country);
	view_set(d, "STATUS", qual_status_name(co.status));
	view_set(d, "EXPIRES", co.expires[0] ? co.expires : "-");
	view_set(d, "COMPLETED", money_display(&acc.completed, buf, sizeof(buf)));
	view_set_int(d, "WINDOW", (long long)acc.window);
	if (co.long_term_agreement)
		view_show(d, "AGREEMENT");
	if (co.has_cod_limit) {
		money_set(&m, co.cod_limit_usd_minor, "USD");
		view_set(d, "COD", money_str(&m, buf, sizeof(buf)));
	}
	if (co.has_remit_quota) {
		money_set(&m, co.remit_quota_usd_minor, "USD");
		view_set(d, "REMIT", money_str(&m, buf, sizeof(buf)));
	}
	for (i = 0; i < nm; i++) {
		s = view_add(d, "MEMBER");
		view_set(s, "NAME", mem[i].name);
		view_set(s, "EMAIL", mem[i].email);
	}
	for (i = 0; i < nh; i++) {
		s = view_add(d, "QUAL");
		view_set_int(s, "ID", (long long)hist[i].id);
		view_set(s, "STATUS", qual_status_name(hist[i].status));
		admin_fmt_time(hist[i].created_at, when, sizeof(when));
		view_set(s, "AT", when);
	}
	if (admin_payout_include(c, d, co.id, NULL, NULL) == -1) {
		view_dict_free(d);
		company_account_cleanup(&acc);
		return page_error(c, 500, NULL);
	}
	rc = page_render_free(c, "company_admin_company.tpl", d, co.name,
	    status);
	company_account_cleanup(&acc);
	return rc;
}

/* GET /admin/companies/:id. */
int
page_admin_company(struct ctx *c)
{
	int64_t id = c->target_id;

	return company_page(c, id, 200, notice_of(ctx_str(c, "msg")), NULL);
}

/* A USD field: -1 when empty (no limit), else minor units into *out.
 * Returns 0, or -1 with err. */
static int
usd_field(struct ctx *c, const char *name, int64_t *out, char *err,
    size_t errsz)
{
	const char	*s = ctx_str(c, name);
	struct money	 m;

	if (ctx_field_err(c, name) != NULL) {
		snprintf(err, errsz, "%s: %s", name, ctx_field_err(c, name));
		return -1;
	}
	if (s == NULL || s[0] == '\0') {
		*out = -1;
		return 0;
	}
	if (money_parse(s, strlen(s), "USD", &m, err, errsz) == -1)
		return -1;
	*out = m.minor;
	return 0;
}

/* POST /admin/companies/:id/limits (COD-02, REM-02). */
int
page_admin_company_limits(struct ctx *c)
{
	int64_t	id = c->target_id, cod, remit;
	char	msg[300];

	/* The form's marker: a POST without it (not from the form) must
	 * not clear the agreements. */
	if (ctx_str(c, "save") == NULL)
		return company_page(c, id, 400, NULL, NA_("Use the agreements "
		    "form to save."));
	if (usd_field(c, "cod_limit", &cod, msg, sizeof(msg)) == -1 ||
	    usd_field(c, "remit_quota", &remit, msg, sizeof(msg)) == -1)
		return company_page(c, id, 400, NULL, msg);
	return decided(c, company_set_limits(c->db, c->user.user_id, id,
	    ctx_str(c, "agreement") != NULL, cod, remit, c->now, msg,
	    sizeof(msg)), id, msg, company_page, "/admin/companies/", "");
}

/* See admin_company.h. */
int64_t
admin_co_day_end(const char *day)
{
	return day_end(day);
}

/* See admin_company.h. */
const char *
admin_co_notice(const char *code)
{
	return notice_of(code);
}

/* See admin_company.h. */
int
admin_co_back(struct ctx *c, const char *head, int64_t id, const char *tail,
    const char *code)
{
	return back(c, head, id, tail, code);
}

/* See admin_company.h. */
int
admin_co_decided(struct ctx *c, enum result r, int64_t id,
    const char *msg,
    int (*page)(struct ctx *, int64_t, int, const char *, const char *),
    const char *head, const char *tail)
{
	return decided(c, r, id, msg, page, head, tail);
}
