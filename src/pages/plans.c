/*
 * Installment pages (RULES section 1), the application side:
 *   GET/POST /orders/:id/card      INST-CC: to the bank's hosted card page
 *   GET/POST /orders/:id/apply     INST-PC authorizing the evaluation
 *   GET  /orders/:id/plan-status   JSON state for the self-refreshing page
 *   GET/POST /orders/:id/confirm   INST-P1 disclosure, confirm + down payment
 *   GET  /account/credit           INST-CL limit and available credit
 *   POST /partner/finance/decision INST-PC signed partner callback
 * plan_order_panel(), the installment part of GET /orders/:id, and the
 * helpers of plans_page.h. The schedule, repayments and payoff are in
 * plans_schedule.c, the admin pages in plans_admin.c.
 * Handlers parse, call one service of service/plans.h, render one
 * template. No card number or CVV ever reaches these handlers: the card is
 * typed on the bank's hosted page (service/card_session.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/plans_page.h"
#include "pages/render.h"
#include "service/card_session.h"
#include "service/corp_road.h"
#include "service/orders.h"
#include "service/partner_auth.h"
#include "service/order_page.h"
#include "service/pay_failure.h"
#include "service/plan_pages.h"
#include "service/plans.h"
#include "view/fmt.h"
#include "view/view.h"

/* The card page's form has no field: the card is typed on the bank's
 * hosted page, never sent to the mall. */
const struct field_spec page_plan_card_fields[] = {
	{ NULL, 0, 0, 0, 0, 0 }
};
/* GET /orders/:id/card?cs=N: the outcome of card session N. */
const struct field_spec page_plan_card_get_fields[] = {
	{ "cs", FIELD_INT, 0, 0, 1, INT32_MAX },
	{ NULL, 0, 0, 0, 0, 0 }
};
/* A form carrying only its idempotency key: the confirmation with the
 * bound card, the early payoff. */
const struct field_spec page_plan_key_fields[] = {
	{ "key", FIELD_TOKEN, 1, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* See plans_page.h. */
void
plans_set_amt(struct view_dict *d, const char *name, int64_t m, const char *cur)
{
	page_set_money(d, name, m, cur);
}

/* See plans_page.h. */
void
plans_set_date(struct view_dict *d, const char *name, mp_date day)
{
	char b[64];

	view_set(d, name, fmt_date(day, b, sizeof(b)));
}

/* See plans_page.h. */
void
plans_set_key(struct view_dict *d)
{
	unsigned char	rnd[16];
	char		key[33];

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(key, sizeof(key), rnd, sizeof(rnd));
	view_set(d, "KEY", key);
}

/* The institution's monthly rate "0.80" as "0.80%", in the language's
 * form. */
static void
set_rate(struct view_dict *d, const char *name, const char *rate)
{
	char	r[32], b[96];

	snprintf(r, sizeof(r), "%s%%", rate);
	view_set(d, name, fmt_figures(r, b, sizeof(b)));
}

/* See plans_page.h. */
void
plans_set_disclosure(struct view_dict *d, const struct db_plan *p,
    const struct plan *pl)
{
	char	aprs[16], late[512], b[768];
	int32_t	apr = p->apr_bp;

	if (pl != NULL)
		(void)plan_apr(pl, plan_has_down_payment(p->method), &apr);
	view_set(d, "INSTITUTION", p->institution_name[0] ?
	    p->institution_name : p->institution_id);
	view_set_int(d, "N", p->n);
	set_rate(d, "RATE", p->monthly_rate);
	view_set(d, "FEE_MODE", p->fee_mode == PLAN_FEE_UPFRONT ?
	    _("paid in one sum with the first installment") :
	    _("spread: each installment carries one month's fee"));
	plans_set_amt(d, "PRINCIPAL", p->principal, p->currency);
	plans_set_amt(d, "MONTHLY_FEE", pl != NULL ? pl->monthly_fee.minor :
	    p->monthly_fee, p->currency);
	plans_set_amt(d, "TOTAL_FEE", pl != NULL ? pl->total_fee.minor :
	    p->total_fee, p->currency);
	plans_set_amt(d, "TOTAL_COST", p->principal + (pl != NULL ?
	    pl->total_fee.minor : p->total_fee), p->currency);
	view_set(d, "APR", order_apr_text(apr, aprs, sizeof(aprs)));
	snprintf(late, sizeof(late), _("INST-F1: a late fee of %s%% of the "
	    "overdue amount per calendar day, from the day after the due "
	    "date until it is paid. More than 30 days overdue suspends "
	    "installment access and is entered in your credit record "
	    "(INST-F2)."), p->late_fee_rate);
	view_set(d, "LATE_RULE", fmt_figures(late, b, sizeof(b)));
	view_set(d, "EARLY_RULE", p->waives_future_fees ? _("INST-F3: you "
	    "can repay the remaining principal at any time; the handling fees "
	    "of months not yet begun are waived.") : _("INST-F3: you can "
	    "repay the remaining principal at any time; this institution does "
	    "not waive the handling fees of the months not yet begun."));
}

/* The current user's order of a plan page (the route's object,
 * c->target_id), or an error page status in *st (404 an order of the
 * user's company that another member placed, 500). Returns 1 found, 0
 * answered. */
static int
own_order(struct ctx *c, struct db_order *o, int *st)
{
	int rc;

	rc = plan_order_get(c->db, c->user.user_id, c->target_id, o);
	if (rc == 1)
		return 1;
	*st = rc == 0 ? page_error(c, 404, "There is no such order among "
	    "yours.") : page_error(c, 500, NULL);
	return 0;
}

/* The order of the page for the installment pages, which a corporate
 * installment's order never uses: as own_order(), and 0 with *st the 409
 * of plans_corp_refusal() for such an order. */
static int
plan_order(struct ctx *c, struct db_order *o, int *st)
{
	if ((*st = plans_corp_refusal(c, c->target_id)) != 0)
		return 0;
	return own_order(c, o, st);
}

/* See plans_page.h. */
int
plans_to_order(struct ctx *c, int64_t id, const char *suffix)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "/orders/%lld%s", (long long)id, suffix);
	return page_redirect(c, loc);
}

/* See plans_page.h. */
int
plans_corp_refusal(struct ctx *c, int64_t id)
{
	/* Another's order stays "not found" (the caller answers 404). */
	if (!corp_order_is_members(c->db, id, c->user.user_id,
	    c->user.company_id))
		return 0;
	return page_error(c, 409, "This order is a corporate installment: "
	    "its down payment and repayments are bank transfers to the "
	    "mall's account, recorded by an admin. Nothing was charged; the "
	    "schedule shows the account and the reference to quote.");
}

/* ---- INST-CC ---------------------------------------------------------- */

/* The card page of order o with status and an error (may be NULL). */
static int
render_card(struct ctx *c, const struct db_order *o, int status,
    const char *error)
{
	struct view_dict	*d = view_dict_new(), *s;
	struct db_plan		 p;
	char			 inst[101], reason[160];
	int			 view_has_declined = 0;

	view_set_int(d, "ID", (long long)o->id);
	view_set(d, "CSRF", c->user.csrf);
	plans_set_amt(d, "AMOUNT", o->amount_due_minor, o->currency);
	view_set_int(d, "TERM", o->term);
	page_institution_name(c, o->institution_id, NULL, inst, sizeof(inst));
	view_set(d, "INSTITUTION", inst);
	if (o->status != OS_AWAITING_REVIEW)
		view_show(d, "REBIND");
	else
		view_show(d, "FIRST");
	if (plan_of_order(c->db, c->user.user_id, o->id, &p) == 1 &&
	    p.status == PLAN_ST_DECLINED) {
		s = view_add(d, "DECLINED");
		view_has_declined = 1;
		view_set(s, "REASON", words_reason(p.decline_reason));
		view_set(s, "BRAND", words_card_brand(p.card_brand));
		view_set(s, "LAST4", p.card_last4);
	}
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", _(error));
	/* Back from the bank's page with a decline (?cs=N, the session),
	 * unless the plan's decline above already says it. */
	if (!view_has_declined && ctx_int(c, "cs", 0) > 0 &&
	    card_session_declined(c->db,
	    c->user.user_id, ctx_int(c, "cs", 0), reason, sizeof(reason)) == 1 &&
	    reason[0] != '\0')
		view_set(view_add(d, "CS_DECLINED"), "REASON",
		    words_reason(reason));
	return page_render_free(c, "plan_card.tpl", d, "Card installment",
	    status);
}

/* GET /orders/:id/card. */
int
page_plan_card(struct ctx *c)
{
	struct db_order	o;
	int		st;

	struct db_plan	p;

	if (!plan_order(c, &o, &st))
		return st;
	if (o.method != PM_INSTALLMENT_CARD)
		return plans_to_order(c, o.id, "");
	/* Card entry before the review, a new card for repayments, or for
	 * the down payment the first card did not pay. */
	if (o.status != OS_AWAITING_REVIEW &&
	    (plan_of_order(c->db, c->user.user_id, o.id, &p) != 1 ||
	    (p.status != PLAN_ST_ACTIVE && p.status != PLAN_ST_OFFERED)))
		return plans_to_order(c, o.id, "");
	return render_card(c, &o, 200, NULL);
}

/* POST /orders/:id/card: open a session at the bank's hosted card page
 * and send the shopper there (303; the bank's review, and 3-D Secure for a
 * European card, happen on its page). */
int
page_plan_card_post(struct ctx *c)
{
	struct db_order	 o;
	char		 url[512], msg[200];
	int		 st;

	if (!plan_order(c, &o, &st))
		return st;
	switch (card_session_plan_start(c->db, c->cfg, c->user.user_id, o.id,
	    c->now, url, sizeof(url), msg, sizeof(msg))) {
	case RES_OK:
		return page_redirect_away(c, url);
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	case RES_NOT_ALLOWED:
		return plans_to_order(c, o.id, "");
	case RES_UNAVAILABLE:
		return render_card(c, &o, 503, msg[0] ? msg : N_("The bank "
		    "could not be reached; nothing was stored. Try again."));
	default:
		return page_error(c, 500, NULL);
	}
}

/* ---- INST-PC ---------------------------------------------------------- */

/* GET /orders/:id/apply. */
int
page_plan_apply(struct ctx *c)
{
	struct view_dict	*d;
	struct db_order		 o;
	int			 st;
	char			 inst[101];

	if (!plan_order(c, &o, &st))
		return st;
	if (o.method != PM_INSTALLMENT_PARTNER ||
	    o.status != OS_AWAITING_REVIEW)
		return plans_to_order(c, o.id, "");
	/* Already submitted: the order page follows the review. */
	{
		struct db_plan p;

		if (plan_of_order(c->db, c->user.user_id, o.id, &p) == 1)
			return plans_to_order(c, o.id, "");
	}
	d = view_dict_new();
	view_set_int(d, "ID", (long long)o.id);
	view_set(d, "CSRF", c->user.csrf);
	plans_set_amt(d, "AMOUNT", o.amount_due_minor, o.currency);
	view_set_int(d, "TERM", o.term);
	page_institution_name(c, o.institution_id, NULL, inst, sizeof(inst));
	view_set(d, "INSTITUTION", inst);
	return page_render_free(c, "plan_apply.tpl", d,
	    "Installment application", 200);
}

/* POST /orders/:id/apply: the shopper authorizes the evaluation. */
int
page_plan_apply_post(struct ctx *c)
{
	struct db_order	o;
	char		reason[200];
	int		st;

	if (!plan_order(c, &o, &st))
		return st;
	switch (plan_partner_apply(c->db, c->cfg, c->user.user_id, o.id,
	    c->now, reason, sizeof(reason))) {
	case RES_OK:
	case RES_DONE:
	case RES_NOT_ALLOWED:
		return plans_to_order(c, o.id, "");
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	default:
		return page_error(c, 503, "The finance partner could not be "
		    "reached; nothing was submitted. Try again.");
	}
}

/* GET /orders/:id/plan-status: {"state", "order_status"} for the script
 * that refreshes the order page; reads only (state never changes on GET). */
int
page_plan_status(struct ctx *c)
{
	struct db_order	 o;
	struct db_plan	 p;
	json_t		*j;
	char		*s;
	const char	*state = "none";
	int		 st, rc;

	if (!own_order(c, &o, &st))
		return st;
	rc = plan_of_order(c->db, c->user.user_id, o.id, &p);
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 1)
		state = p.status == PLAN_ST_REVIEW ? "pending" :
		    plan_status_name(p.status);
	j = json_pack("{s:s, s:s, s:I}", "state", state, "order_status",
	    order_status_name(o.status), "order", (json_int_t)o.id);
	s = j != NULL ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	partner_reply_json(c, 200, s != NULL ? s : "{}");
	free(s);
	return 200;
}

/* POST /partner/finance/decision: {"event_id": "...", "ref": "..."}
 * signed by the finance partner (INST-PC). */
int
page_partner_finance_decision(struct ctx *c)
{
	json_t		*j;
	json_error_t	 jerr;
	const char	*ev, *ref;
	struct buf	 out;
	int64_t		 pid;
	int		 st;

	if ((st = partner_verify(c, "finance", &pid)) != 0)
		return st;
	j = json_loadb((const char *)c->req->body, c->req->bodylen, 0, &jerr);
	if (j == NULL || !json_is_object(j)) {
		json_decref(j);
		return partner_reply_error(c, 400, NULL, "the body is not a "
		    "JSON object");
	}
	ev = json_string_value(json_object_get(j, "event_id"));
	ref = json_string_value(json_object_get(j, "ref"));
	if (ev == NULL || ev[0] == '\0') {
		json_decref(j);
		return partner_reply_error(c, 400, "event_id", "event_id: a "
		    "string is required");
	}
	if (ref == NULL || ref[0] == '\0' || strlen(ref) > 32) {
		json_decref(j);
		return partner_reply_error(c, 400, "ref", "ref: the "
		    "application reference is required");
	}
	buf_init(&out);
	st = plan_partner_callback(c->db, pid, ev, ref, c->now, &out);
	partner_reply_json(c, st, buf_str(&out));
	buf_cleanup(&out);
	json_decref(j);
	return st;
}

/* ---- the order page's panel -------------------------------------------- */

/* See pages.h. */
void
page_institution_name(struct ctx *c, const char *id,
    const struct plan_panel *pp, char *out, size_t outsz)
{
	struct plan_terms t;

	if (id[0] == '\0')
		snprintf(out, outsz, "%s", "");
	else if (pp != NULL && pp->has_plan &&
	    pp->pl.institution_name[0] != '\0')
		snprintf(out, outsz, "%s", pp->pl.institution_name);
	else if (plan_terms_of_institution(c->db, id, &t) == 1 &&
	    t.institution_name[0] != '\0')
		snprintf(out, outsz, "%s", t.institution_name);
	else
		snprintf(out, outsz, "%s", "the institution");
}

/* See pages.h. */
void
plan_order_panel(struct ctx *c, struct view_dict *d, const struct db_order *o,
    const struct plan_panel *pp)
{
	const struct db_plan	*pl = &pp->pl;
	struct view_dict	*p, *s;

	if (!pp->shown)
		return;
	p = view_include(d, "PLAN_PANEL", "plan_panel.tpl");
	view_set_int(p, "ID", (long long)o->id);
	view_set(p, "CSRF", c->user.csrf);
	/* The card and the application are the placer's steps; another
	 * member of the company reads the panel only (RULES 5). */
	if (!pp->has_plan && o->user_id != c->user.user_id)
		return;
	if (!pp->has_plan) {
		if (o->status == OS_AWAITING_REVIEW &&
		    o->method == PM_INSTALLMENT_CARD)
			view_show(p, "NEED_CARD");
		else if (o->status == OS_AWAITING_REVIEW &&
		    o->method == PM_INSTALLMENT_PARTNER)
			view_show(p, "NEED_APPLY");
		else if (o->method == PM_CREDIT_LINE)
			view_show(p, "CL_WAIT");
		return;
	}
	view_set(p, "INSTITUTION", pl->institution_name);
	switch (pl->status) {
	case PLAN_ST_REVIEW:
		view_show(p, "REVIEW");
		break;
	case PLAN_ST_DECLINED:
		s = view_add(p, "DECLINED");
		view_set(s, "REASON", words_reason(pl->decline_reason));
		if (o->method == PM_INSTALLMENT_CARD &&
		    o->status == OS_AWAITING_REVIEW &&
		    o->user_id == c->user.user_id)
			view_show(s, "RETRY");
		break;
	case PLAN_ST_OFFERED:
		view_show(p, "OFFERED");
		break;
	default:
		s = view_add(p, "RUNNING");
		view_set(s, "STATE", words_state(plan_status_name(pl->status)));
		if (pl->card_last4[0] != '\0') {
			struct view_dict *cd = view_add(s, "CARD");

			view_set(cd, "BRAND", words_card_brand(pl->card_brand));
			view_set(cd, "LAST4", pl->card_last4);
		}
		break;
	}
}

/* ---- INST-P1: the disclosure and the confirmation ---------------------- */

/* The confirmation page of order o (plan offered), with error (a text
 * marked N_() or one already in the reader's words) in the request's
 * language. */
static int
render_confirm(struct ctx *c, const struct db_order *o, int status,
    const char *error)
{
	struct view_dict	*d, *s;
	struct db_plan		 p;
	struct plan		 pl;
	mp_date			 today;
	int64_t			 down;
	int			 rc, i;

	rc = plan_of_order(c->db, c->user.user_id, o->id, &p);
	if (rc != 1)
		return rc == 0 ? plans_to_order(c, o->id, "") : page_error(c,
		    500, NULL);
	if (p.status != PLAN_ST_OFFERED ||
	    o->status != OS_AWAITING_CONFIRMATION)
		return plans_to_order(c, o->id, p.status == PLAN_ST_ACTIVE ?
		    "/schedule" : "");
	if (mp_date_from_unix(c->now, &today) == -1)
		return page_error(c, 500, NULL);
	/* INST-M4: a plan confirmed today starts today. */
	p.start = today;
	if (plan_rebuild(&p, &pl) == -1 ||
	    plan_down_payment(&p, today, &down) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	view_set_int(d, "ID", (long long)o->id);
	view_set(d, "CSRF", c->user.csrf);
	plans_set_key(d);
	plans_set_disclosure(d, &p, &pl);
	plans_set_amt(d, "DOWN", down, p.currency);
	for (i = 0; i < pl.n; i++) {
		s = view_add(d, "INST");
		view_set_int(s, "SEQ", pl.inst[i].seq);
		{
			mp_date due = today;

			(void)plan_due_date(&pl, plan_has_down_payment(
			    p.method), i, &due);
			plans_set_date(s, "DUE", due);
		}
		if (i == 0 && plan_has_down_payment(p.method))
			view_show(s, "NOW");
		plans_set_amt(s, "PRINCIPAL", pl.inst[i].principal.minor,
		    p.currency);
		plans_set_amt(s, "FEE", pl.inst[i].fee.minor, p.currency);
		plans_set_amt(s, "TOTAL", pl.inst[i].total.minor, p.currency);
	}
	if (p.card_last4[0] != '\0') {
		s = view_add(d, "CARD");
		view_set(s, "BRAND", words_card_brand(p.card_brand));
		view_set(s, "LAST4", p.card_last4);
	} else
		view_show(d, "NO_CARD");
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", _(error));
	pay_failure_panel(c, d, o, 1);
	return page_render_free(c, "plan_confirm.tpl", d, "Confirm your "
	    "installment plan", status);
}

/* GET /orders/:id/confirm. */
int
page_plan_confirm(struct ctx *c)
{
	struct db_order	o;
	int		st;

	if (!plan_order(c, &o, &st))
		return st;
	return render_confirm(c, &o, 200, NULL);
}

/* POST /orders/:id/confirm: "Confirm Installment and Pay Down Payment"
 * with the bound card (another card is bound at the bank's page first:
 * POST /orders/:id/card). */
int
page_plan_confirm_post(struct ctx *c)
{
	struct db_order	o;
	char		reason[200];
	int		st;

	if (!plan_order(c, &o, &st))
		return st;
	if (ctx_str(c, "key") == NULL)
		return render_confirm(c, &o, 422, N_("The form was incomplete; "
		    "nothing was charged. Try again."));
	switch (plan_confirm(c->db, c->cfg, c->user.user_id, o.id,
	    ctx_str(c, "key"), c->now, reason, sizeof(reason))) {
	case RES_OK:
		return plans_to_order(c, o.id, "/schedule?msg=confirmed");
	case RES_DONE:
		return plans_to_order(c, o.id, "/schedule");
	case RES_REFUSED:
		/* What happened and what to do: pay_failure_panel(). */
		return render_confirm(c, &o, 402, NULL);
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	case RES_NOT_ALLOWED:
		return plans_to_order(c, o.id, "");
	default:
		return render_confirm(c, &o, 503, reason[0] ? reason :
		    PLAN_MSG_UNCONFIRMED);
	}
}

/* ---- INST-CL ------------------------------------------------------------ */

/* GET /account/credit: the credit line's limit and what is available. */
int
page_account_credit(struct ctx *c)
{
	struct view_dict	*d;
	int64_t			 limit = 0, used = 0, avail;
	int			 rc;

	/* The platform maximum (INST-CL) caps the limit. */
	rc = plan_credit_line_get(c->db, c->user.user_id, &limit, &used);
	if (rc != 1)
		return page_error(c, rc == 0 ? 404 : 500, NULL);
	avail = limit - used > 0 ? limit - used : 0;
	d = view_dict_new();
	plans_set_amt(d, "LIMIT", limit, "USD");
	plans_set_amt(d, "USED", used, "USD");
	plans_set_amt(d, "AVAILABLE", avail, "USD");
	if (limit <= 0)
		view_show(d, "NONE");
	return page_render_free(c, "plan_credit.tpl", d, "Credit line", 200);
}
