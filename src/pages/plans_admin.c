/*
 * Installment pages (RULES section 1), the admin's:
 *   GET  /admin/plans, /admin/plans/:id, POST /admin/plans/:id/lift (INST-F2)
 * Handlers parse, call one service of service/plans.h, render one
 * template.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/plans_page.h"
#include "pages/render.h"
#include "service/plan_pages.h"
#include "service/plans.h"
#include "view/fmt.h"
#include "view/view.h"

const struct field_spec page_admin_plans_fields[] = {
	{ "filter", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "status", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "page", FIELD_INT, 0, 6, 1, 100000 },
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* "YYYY-MM-DD HH:MM UTC" of t. */
static void
set_time(struct view_dict *d, const char *name, int64_t t)
{
	char	b[40];

	view_set(d, name, page_time(t, b, sizeof(b)));
}

/* A plan state or a payment kind in words, in the admin's language
 * ("active" -> "Active", "auto" -> "Automatic deduction"); another code
 * as it is, "-" for none. */
static const char *
plan_words(const char *code)
{
	/* code, words, code, words, ... */
	static const char *const w[] = {
		"review", NA_("Under review"), "offered", NA_("Offered"),
		"declined", NA_("Declined"), "active", NA_("Active"),
		"closed", NA_("Closed"), "terminated", NA_("Terminated"),
		"down_payment", NA_("Down payment"),
		"manual", NA_("Paid by the shopper"),
		"auto", NA_("Automatic deduction"),
		"payoff", NA_("Early payoff"), NULL
	};
	size_t i;

	if (code == NULL || code[0] == '\0')
		return "-";
	for (i = 0; w[i] != NULL && strcmp(w[i], code) != 0; i += 2)
		;
	return w[i] != NULL ? A_(w[i + 1]) : code;
}

/* GET /admin/plans?filter=overdue|suspended&status=&page=. */
int
page_admin_plans(struct ctx *c)
{
	struct view_dict	*d, *s;
	struct plan_filter	 f;
	struct db_plan		*rows = NULL;
	const char		*fl = ctx_str(c, "filter");
	const char		*stn = ctx_str(c, "status");
	enum plan_status	 ps;
	size_t			 n = 0, i;
	int			 more = 0, rc;

	memset(&f, 0, sizeof(f));
	f.limit = 50;
	f.page = (size_t)(ctx_int(c, "page", 1) - 1);
	if (fl != NULL && strcmp(fl, "overdue") == 0)
		f.overdue = 1;
	if (fl != NULL && strcmp(fl, "suspended") == 0)
		f.suspended = 1;
	if (stn != NULL && plan_status_parse(stn, &ps) == 0)
		snprintf(f.status, sizeof(f.status), "%s", stn);
	if (plan_list(c->db, &f, c->now, &rows, &n, &more) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	view_set(d, "FILTER", fl != NULL ? fl : "");
	view_set(d, "STATUS", f.status);
	if (f.overdue)
		view_show(d, "F_OVERDUE");
	if (f.suspended)
		view_show(d, "F_SUSPENDED");
	for (i = 0; i < n; i++) {
		s = view_add(d, "ROW");
		view_set_int(s, "PID", (long long)rows[i].id);
		view_set_int(s, "OID", (long long)rows[i].order_id);
		view_set(s, "USER", rows[i].user_email);
		view_set(s, "METHOD", words_method(pay_method_name(
		    rows[i].method)));
		view_set(s, "INST", rows[i].institution_name[0] != '\0' ?
		    rows[i].institution_name : rows[i].institution_id);
		view_set(s, "STATE", plan_words(plan_status_name(
		    rows[i].status)));
		plans_set_amt(s, "PRINCIPAL", rows[i].principal,
		    rows[i].currency);
		view_set_int(s, "N", rows[i].n);
		if (rows[i].user_suspended)
			view_show(s, "SUSPENDED");
	}
	if (n == 0)
		view_show(d, "EMPTY");
	if (more)
		view_setf(view_add(d, "MORE"), "HREF", "/admin/plans?filter="
		    "%s&page=%zu", fl != NULL ? fl : "", f.page + 2);
	rc = page_render_free(c, "plan_admin_list.tpl", d,
	    "Installment plans", 200);
	free(rows);
	return rc;
}

/* The admin page of plan id with status and a notice/error. */
static int
render_admin_plan(struct ctx *c, int64_t id, int status, const char *notice,
    const char *error)
{
	struct view_dict	*d, *s;
	struct plan_view	 v;
	size_t			 i;
	char			 b[MONEY_FMT_MAX];
	int			 rc;

	switch (plan_load_id(c->db, id, c->now, &v)) {
	case RES_OK:
		break;
	case RES_NOT_FOUND:
		plan_view_cleanup(&v);
		return page_error(c, 404, "No such plan.");
	default:
		plan_view_cleanup(&v);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	plans_set_schedule(c, d, &v, 0);
	view_set(d, "CSRF", c->user.csrf);
	view_set(d, "USER", v.p.user_email);
	view_set_int(d, "USER_ID", (long long)v.p.user_id);
	view_set(d, "METHOD", words_method(pay_method_name(v.p.method)));
	view_set(d, "PLAN_STATE_CODE", plan_status_name(v.p.status));
	view_set(d, "PLAN_STATE", plan_words(plan_status_name(v.p.status)));
	if (v.p.user_suspended)
		view_show(d, "SUSPENDED");
	if (v.p.partner_ref[0] != '\0')
		view_set(view_add(d, "REF"), "REF", v.p.partner_ref);
	if (v.p.decline_reason[0] != '\0')
		view_set(view_add(d, "DECLINE"), "REASON",
		    v.p.decline_reason);
	for (i = 0; i < v.npay; i++) {
		s = view_add(d, "PAYMENT");
		set_time(s, "AT", v.pay[i].created_at);
		view_set(s, "KIND", plan_words(v.pay[i].kind));
		if (v.pay[i].seq > 0)
			view_set_int(s, "SEQ", v.pay[i].seq);
		view_set(s, "AMOUNT", page_money(v.pay[i].amount, v.p.currency,
		    b, sizeof(b)));
		view_set(s, "OK", v.pay[i].ok ? A_("Paid") : A_("Failed"));
		view_set(s, "CHANNEL", v.pay[i].channel);
		view_set(s, "REASON", v.pay[i].reason);
	}
	for (i = 0; i < v.nevents; i++) {
		s = view_add(d, "EVENT");
		set_time(s, "AT", v.events[i].at);
		view_set(s, "ACTOR", v.events[i].actor_type);
		view_set(s, "FROM", plan_words(v.events[i].from_state));
		view_set(s, "TO", plan_words(v.events[i].to_state));
		view_set(s, "REASON", v.events[i].reason);
	}
	page_admin_notes(d, notice, error);
	rc = page_render_free(c, "plan_admin.tpl", d, "Installment plan",
	    status);
	plan_view_cleanup(&v);
	return rc;
}

/* The notices of a plan's ?msg= codes. */
static const struct page_notice plan_notices[] = {
	{ "lifted", NA_("The suspension is lifted (INST-F2).") },
	{ NULL, NULL }
};

/* GET /admin/plans/:id. */
int
page_admin_plan(struct ctx *c)
{
	return render_admin_plan(c, c->target_id, 200,
	    page_notice(plan_notices, ctx_str(c, "msg")), NULL);
}

/* POST /admin/plans/:id/lift: INST-F2, lift the plan's user's suspension. */
int
page_admin_plan_lift(struct ctx *c)
{
	struct db_plan	p;
	int64_t		id = c->target_id;
	char		loc[64];
	int		rc;

	if ((rc = plan_of_id(c->db, id, &p)) == 0)
		return page_error(c, 404, NULL);
	if (rc == -1)
		return page_error(c, 500, NULL);
	switch (plan_lift_suspension(c->db, c->user.user_id, p.user_id,
	    c->now)) {
	case RES_OK:
		snprintf(loc, sizeof(loc), "/admin/plans/%lld?msg=lifted",
		    (long long)id);
		return page_redirect(c, loc);
	case RES_NOT_ALLOWED:
		return render_admin_plan(c, id, 409, NULL, NA_("INST-F2: the "
		    "suspension can be lifted only when the user is suspended "
		    "and nothing of theirs is overdue."));
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	default:
		return page_error(c, 500, NULL);
	}
}
