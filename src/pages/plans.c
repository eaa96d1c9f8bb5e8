/*
 * Installment pages (RULES section 1):
 *   GET/POST /orders/:id/card      INST-CC card entry, real-time review
 *   GET/POST /orders/:id/apply     INST-PC authorizing the evaluation
 *   GET  /orders/:id/plan-status   JSON state for the self-refreshing page
 *   GET/POST /orders/:id/confirm   INST-P1 disclosure, confirm + down payment
 *   GET  /orders/:id/schedule      the repayment schedule with its SVG chart
 *   POST /orders/:id/pay           INST-P3 manual repayment
 *   GET/POST /orders/:id/payoff    INST-F3 quote and early settlement
 *   GET  /account/credit           INST-CL limit and available credit
 *   POST /partner/finance/decision INST-PC signed partner callback
 *   GET  /admin/plans, /admin/plans/:id, POST /admin/plans/:id/lift (INST-F2)
 * and plan_order_panel(), the installment part of GET /orders/:id.
 * Handlers parse, call one service of service/plans.h, render one
 * template. The card number and CVV are handed to the service and never
 * kept, echoed or logged here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/money.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/corp_road.h"
#include "service/corp_transfer.h"
#include "service/members.h"
#include "service/orders.h"
#include "service/partner_auth.h"
#include "service/order_page.h"
#include "service/plan_pages.h"
#include "service/plans.h"
#include "view/view.h"

const struct field_spec page_plan_card_fields[] = {
	{ "card_number", FIELD_TEXT, 1, 32, 0, 0 },
	{ "expiry", FIELD_TEXT, 1, 7, 0, 0 },
	{ "cvv", FIELD_TEXT, 1, 4, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_plan_key_fields[] = {
	{ "key", FIELD_TOKEN, 1, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_plan_pay_fields[] = {
	{ "seq", FIELD_INT, 1, 3, 1, PLAN_MAX_MONTHS },
	{ "key", FIELD_TOKEN, 1, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_plan_schedule_fields[] = {
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};
const struct field_spec page_admin_plans_fields[] = {
	{ "filter", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "status", FIELD_TOKEN, 0, 16, 0, 0 },
	{ "page", FIELD_INT, 0, 6, 1, 100000 },
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The answer to an idempotency key sent again with other details. */
#define PAGE_PLAN_KEY_CONFLICT	"This form was already sent with other " \
	"details (another installment or another kind of payment), so this " \
	"request was refused and nothing was charged for it. Reload the " \
	"schedule and try again."

/* Chart geometry (SVG user units). */
#define CH_W		640
#define CH_H		240
#define CH_LEFT		56
#define CH_BOTTOM	24
#define CH_TOP		12

/* m minor units of cur for people into out. */
static const char *
amt(int64_t m, const char *cur, char *out, size_t outsz)
{
	struct money mo;

	if (money_set(&mo, m, cur) == -1) {
		snprintf(out, outsz, "%lld", (long long)m);
		return out;
	}
	return money_display(&mo, out, outsz);
}

/* view_set of an amount. */
static void
set_amt(struct view_dict *d, const char *name, int64_t m, const char *cur)
{
	char b[64];

	view_set(d, name, amt(m, cur, b, sizeof(b)));
}

/* view_set of a date. */
static void
set_date(struct view_dict *d, const char *name, mp_date day)
{
	char b[16];

	view_set(d, name, mp_date_str(day, b, sizeof(b)));
}

/* "YYYY-MM-DD HH:MM UTC" of t. */
static void
set_time(struct view_dict *d, const char *name, int64_t t)
{
	char	b[40];

	view_set(d, name, page_time(t, b, sizeof(b)));
}

/* A fresh random idempotency key for a form. */
static void
set_key(struct view_dict *d)
{
	unsigned char	rnd[16];
	char		key[33];

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(key, sizeof(key), rnd, sizeof(rnd));
	view_set(d, "KEY", key);
}

/* The institution's monthly rate "0.80" as "0.80%". */
static void
set_rate(struct view_dict *d, const char *name, const char *rate)
{
	view_setf(d, name, "%s%%", rate);
}

/* The plan's disclosure lines (RULES section 1: the plan before
 * confirmation) into d: fee rate, fee mode, totals, APR, late-fee and
 * early-repayment rules. */
static void
set_disclosure(struct view_dict *d, const struct db_plan *p,
    const struct plan *pl)
{
	char	aprs[16];
	int32_t	apr = p->apr_bp;

	if (pl != NULL)
		(void)plan_apr(pl, plan_has_down_payment(p->method), &apr);
	view_set(d, "INSTITUTION", p->institution_name[0] ?
	    p->institution_name : p->institution_id);
	view_set_int(d, "N", p->n);
	set_rate(d, "RATE", p->monthly_rate);
	view_set(d, "FEE_MODE", p->fee_mode == PLAN_FEE_UPFRONT ?
	    "paid in one sum with the first installment" :
	    "spread: each installment carries one month's fee");
	set_amt(d, "PRINCIPAL", p->principal, p->currency);
	set_amt(d, "MONTHLY_FEE", pl != NULL ? pl->monthly_fee.minor :
	    p->monthly_fee, p->currency);
	set_amt(d, "TOTAL_FEE", pl != NULL ? pl->total_fee.minor :
	    p->total_fee, p->currency);
	set_amt(d, "TOTAL_COST", p->principal + (pl != NULL ?
	    pl->total_fee.minor : p->total_fee), p->currency);
	view_set(d, "APR", order_apr_text(apr, aprs, sizeof(aprs)));
	view_setf(d, "LATE_RULE", "INST-F1: a late fee of %s%% of the overdue "
	    "amount per calendar day, from the day after the due date until "
	    "it is paid. More than 30 days overdue suspends installment "
	    "access and is entered in your credit record (INST-F2).",
	    p->late_fee_rate);
	view_set(d, "EARLY_RULE", p->waives_future_fees ? "INST-F3: you can "
	    "repay the remaining principal at any time; the handling fees of "
	    "months not yet begun are waived." : "INST-F3: you can repay the "
	    "remaining principal at any time; this institution does not "
	    "waive the handling fees of the months not yet begun.");
}

/* The order of the current user for a plan page, or an error page
 * status (404/500) in *st. Returns 1 found, 0 answered. */
static int
own_order(struct ctx *c, int64_t id, struct db_order *o, int *st)
{
	int rc;

	if (id <= 0 || c->user.user_id <= 0) {
		*st = page_error(c, 404, NULL);
		return 0;
	}
	rc = plan_order_get(c->db, c->user.user_id, id, o);
	if (rc == 1)
		return 1;
	*st = rc == 0 ? page_error(c, 404, "There is no such order among "
	    "yours.") : page_error(c, 500, NULL);
	return 0;
}

/* Redirect to /orders/:id + suffix. */
static int
to_order(struct ctx *c, int64_t id, const char *suffix)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "/orders/%lld%s", (long long)id, suffix);
	return page_redirect(c, loc);
}

/* INST-P3, INST-CORP: 0 when order id is not a corporate installment's,
 * else the status of the refusal answered (409: its payments are bank
 * transfers an admin records, never a shopper's route). */
static int
corp_refusal(struct ctx *c, int64_t id)
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
	int			 rc;

	view_set_int(d, "ID", (long long)o->id);
	view_set(d, "CSRF", c->user.csrf);
	set_amt(d, "AMOUNT", o->amount_due_minor, o->currency);
	view_set_int(d, "TERM", o->term);
	view_set(d, "INSTITUTION", o->institution_id);
	if (strcmp(o->status, "awaiting_review") != 0)
		view_show(d, "REBIND");
	else
		view_show(d, "FIRST");
	if (plan_of_order(c->db, c->user.user_id, o->id, &p) == 1 &&
	    p.status == PLAN_ST_DECLINED) {
		s = view_add(d, "DECLINED");
		view_set(s, "REASON", p.decline_reason);
		view_set(s, "BRAND", p.card_brand);
		view_set(s, "LAST4", p.card_last4);
	}
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", error);
	rc = page_render(c, "plan_card.tpl", d, "Card installment");
	view_dict_free(d);
	if (rc != 200)
		return rc;
	c->resp->status = status;
	return status;
}

/* GET /orders/:id/card. */
int
page_plan_card(struct ctx *c)
{
	struct db_order	o;
	int		st;

	struct db_plan	p;

	if ((st = corp_refusal(c, ctx_arg_id(c, 0))) != 0)
		return st;
	if (!own_order(c, ctx_arg_id(c, 0), &o, &st))
		return st;
	if (strcmp(o.method, "installment_card") != 0)
		return to_order(c, o.id, "");
	/* Card entry before the review, or a new card for repayments. */
	if (strcmp(o.status, "awaiting_review") != 0 &&
	    (plan_of_order(c->db, c->user.user_id, o.id, &p) != 1 ||
	    p.status != PLAN_ST_ACTIVE))
		return to_order(c, o.id, "");
	return render_card(c, &o, 200, NULL);
}

/* POST /orders/:id/card: INST-CC review within the request. */
int
page_plan_card_post(struct ctx *c)
{
	struct db_order	 o;
	const char	*pan = ctx_str(c, "card_number");
	const char	*exp = ctx_str(c, "expiry");
	const char	*cvv = ctx_str(c, "cvv");
	char		 reason[200];
	int		 st;

	if ((st = corp_refusal(c, ctx_arg_id(c, 0))) != 0)
		return st;
	if (!own_order(c, ctx_arg_id(c, 0), &o, &st))
		return st;
	if (pan == NULL || exp == NULL || cvv == NULL)
		return render_card(c, &o, 422, "Enter the card number, its "
		    "expiry date (MM/YY) and the 3-digit security code.");
	switch (plan_card_apply(c->db, c->cfg, c->user.user_id, o.id, pan,
	    strlen(pan), exp, cvv, c->now, reason, sizeof(reason))) {
	case PLAN_OK:
		return to_order(c, o.id, strcmp(o.status, "awaiting_review")
		    == 0 ? "/confirm" : "/schedule?msg=card");
	case PLAN_DECLINED:
		return render_card(c, &o, strcmp(o.status, "awaiting_review")
		    == 0 ? 200 : 402, strcmp(o.status, "awaiting_review") == 0 ?
		    NULL : reason);
	case PLAN_BAD_INPUT:
		return render_card(c, &o, 422, reason);
	case PLAN_NOT_FOUND:
		return page_error(c, 404, NULL);
	case PLAN_NOT_ALLOWED:
	case PLAN_REPLAY:
		return to_order(c, o.id, "");
	default:
		return render_card(c, &o, 503, reason[0] ? reason :
		    "The bank could not be reached; nothing was stored. Try "
		    "again.");
	}
}

/* ---- INST-PC ---------------------------------------------------------- */

/* GET /orders/:id/apply. */
int
page_plan_apply(struct ctx *c)
{
	struct view_dict	*d;
	struct db_order		 o;
	int			 st, rc;

	if ((st = corp_refusal(c, ctx_arg_id(c, 0))) != 0)
		return st;
	if (!own_order(c, ctx_arg_id(c, 0), &o, &st))
		return st;
	if (strcmp(o.method, "installment_partner") != 0 ||
	    strcmp(o.status, "awaiting_review") != 0)
		return to_order(c, o.id, "");
	/* Already submitted: the order page follows the review. */
	{
		struct db_plan p;

		if (plan_of_order(c->db, c->user.user_id, o.id, &p) == 1)
			return to_order(c, o.id, "");
	}
	d = view_dict_new();
	view_set_int(d, "ID", (long long)o.id);
	view_set(d, "CSRF", c->user.csrf);
	set_amt(d, "AMOUNT", o.amount_due_minor, o.currency);
	view_set_int(d, "TERM", o.term);
	view_set(d, "INSTITUTION", o.institution_id);
	rc = page_render(c, "plan_apply.tpl", d, "Installment application");
	view_dict_free(d);
	return rc;
}

/* POST /orders/:id/apply: the shopper authorizes the evaluation. */
int
page_plan_apply_post(struct ctx *c)
{
	struct db_order	o;
	char		reason[200];
	int		st;

	if ((st = corp_refusal(c, ctx_arg_id(c, 0))) != 0)
		return st;
	if (!own_order(c, ctx_arg_id(c, 0), &o, &st))
		return st;
	switch (plan_partner_apply(c->db, c->cfg, c->user.user_id, o.id,
	    c->now, reason, sizeof(reason))) {
	case PLAN_OK:
	case PLAN_REPLAY:
	case PLAN_NOT_ALLOWED:
		return to_order(c, o.id, "");
	case PLAN_NOT_FOUND:
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

	if (!own_order(c, ctx_arg_id(c, 0), &o, &st))
		return st;
	rc = plan_of_order(c->db, c->user.user_id, o.id, &p);
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 1)
		state = p.status == PLAN_ST_REVIEW ? "pending" :
		    plan_status_name(p.status);
	j = json_pack("{s:s, s:s, s:I}", "state", state, "order_status",
	    o.status, "order", (json_int_t)o.id);
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
		if (strcmp(o->status, "awaiting_review") == 0 &&
		    strcmp(o->method, "installment_card") == 0)
			view_show(p, "NEED_CARD");
		else if (strcmp(o->status, "awaiting_review") == 0 &&
		    strcmp(o->method, "installment_partner") == 0)
			view_show(p, "NEED_APPLY");
		else if (strcmp(o->method, "credit_line") == 0)
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
		view_set(s, "REASON", pl->decline_reason);
		if (strcmp(o->method, "installment_card") == 0 &&
		    strcmp(o->status, "awaiting_review") == 0 &&
		    o->user_id == c->user.user_id)
			view_show(s, "RETRY");
		break;
	case PLAN_ST_OFFERED:
		view_show(p, "OFFERED");
		break;
	default:
		s = view_add(p, "RUNNING");
		view_set(s, "STATE", plan_status_name(pl->status));
		if (pl->card_last4[0] != '\0') {
			struct view_dict *cd = view_add(s, "CARD");

			view_set(cd, "BRAND", pl->card_brand);
			view_set(cd, "LAST4", pl->card_last4);
		}
		break;
	}
}

/* ---- INST-P1: the disclosure and the confirmation ---------------------- */

/* The confirmation page of order o (plan offered). */
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
		return rc == 0 ? to_order(c, o->id, "") : page_error(c, 500,
		    NULL);
	if (p.status != PLAN_ST_OFFERED ||
	    strcmp(o->status, "awaiting_confirmation") != 0)
		return to_order(c, o->id, p.status == PLAN_ST_ACTIVE ?
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
	set_key(d);
	set_disclosure(d, &p, &pl);
	set_amt(d, "DOWN", down, p.currency);
	for (i = 0; i < pl.n; i++) {
		s = view_add(d, "INST");
		view_set_int(s, "SEQ", pl.inst[i].seq);
		{
			mp_date due = today;

			(void)plan_due_date(&pl, plan_has_down_payment(
			    p.method), i, &due);
			set_date(s, "DUE", due);
		}
		if (i == 0 && plan_has_down_payment(p.method))
			view_show(s, "NOW");
		set_amt(s, "PRINCIPAL", pl.inst[i].principal.minor, p.currency);
		set_amt(s, "FEE", pl.inst[i].fee.minor, p.currency);
		set_amt(s, "TOTAL", pl.inst[i].total.minor, p.currency);
	}
	if (p.card_last4[0] != '\0') {
		s = view_add(d, "CARD");
		view_set(s, "BRAND", p.card_brand);
		view_set(s, "LAST4", p.card_last4);
	} else
		view_show(d, "NO_CARD");
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", error);
	rc = page_render(c, "plan_confirm.tpl", d, "Confirm your installment "
	    "plan");
	view_dict_free(d);
	if (rc != 200)
		return rc;
	c->resp->status = status;
	return status;
}

/* GET /orders/:id/confirm. */
int
page_plan_confirm(struct ctx *c)
{
	struct db_order	o;
	int		st;

	if ((st = corp_refusal(c, ctx_arg_id(c, 0))) != 0)
		return st;
	if (!own_order(c, ctx_arg_id(c, 0), &o, &st))
		return st;
	return render_confirm(c, &o, 200, NULL);
}

/* POST /orders/:id/confirm: "Confirm Installment and Pay Down Payment". */
int
page_plan_confirm_post(struct ctx *c)
{
	struct db_order	o;
	char		reason[200];
	int		st;

	if ((st = corp_refusal(c, ctx_arg_id(c, 0))) != 0)
		return st;
	if (!own_order(c, ctx_arg_id(c, 0), &o, &st))
		return st;
	if (ctx_str(c, "key") == NULL)
		return render_confirm(c, &o, 422, "The form was incomplete; "
		    "nothing was charged. Try again.");
	switch (plan_confirm(c->db, c->cfg, c->user.user_id, o.id,
	    ctx_str(c, "key"), c->now, reason, sizeof(reason))) {
	case PLAN_OK:
		return to_order(c, o.id, "/schedule?msg=confirmed");
	case PLAN_REPLAY:
		return to_order(c, o.id, "/schedule");
	case PLAN_DECLINED:
		return render_confirm(c, &o, 402, reason);
	case PLAN_NOT_FOUND:
		return page_error(c, 404, NULL);
	case PLAN_NOT_ALLOWED:
		return to_order(c, o.id, "");
	default:
		return render_confirm(c, &o, 503, reason[0] ? reason :
		    PLAN_MSG_UNCONFIRMED);
	}
}

/* ---- the schedule ------------------------------------------------------ */

/* The SVG chart of v into d (section CHART): one bar per installment
 * (principal, fee and late fee stacked, coloured by status) and the
 * running balance as a line, scaled to the largest figure. */
static void
set_chart(struct view_dict *d, const struct plan_view *v)
{
	struct view_dict	*ch, *s;
	struct buf		 pts;
	int64_t			 max = 1, total = 0, y0;
	int			 plot_w = CH_W - CH_LEFT - 8;
	int			 plot_h = CH_H - CH_TOP - CH_BOTTOM;
	int			 bw, x, h1, h2, h3, k;
	size_t			 i;
	char			 b[64];

	if (v->ninst == 0)
		return;
	for (i = 0; i < v->ninst; i++) {
		total += v->inst[i].principal + v->inst[i].fee;
		if (v->inst[i].principal + v->inst[i].fee +
		    v->inst[i].late_fee > max)
			max = v->inst[i].principal + v->inst[i].fee +
			    v->inst[i].late_fee;
	}
	/* Bars use the left scale (installment), the line the whole. */
	ch = view_add(d, "CHART");
	view_set_int(ch, "W", CH_W);
	view_set_int(ch, "H", CH_H);
	view_set_int(ch, "X0", CH_LEFT);
	view_set_int(ch, "Y0", CH_H - CH_BOTTOM);
	view_set_int(ch, "XR", CH_W - 8);
	view_set_int(ch, "YT", CH_TOP);
	view_set(ch, "MAX", amt(max, v->p.currency, b, sizeof(b)));
	view_set(ch, "TOTAL", amt(total, v->p.currency, b, sizeof(b)));
	bw = plot_w / (int)v->ninst;
	buf_init(&pts);
	y0 = CH_H - CH_BOTTOM;
	buf_printf(&pts, "%d,%d", CH_LEFT, CH_TOP);
	for (i = 0; i < v->ninst; i++) {
		const struct db_plan_inst *it = &v->inst[i];

		x = CH_LEFT + (int)i * bw;
		h1 = (int)(it->principal * plot_h / max);
		h2 = (int)(it->fee * plot_h / max);
		h3 = (int)(it->late_fee * plot_h / max);
		s = view_add(ch, "BAR");
		view_set_int(s, "X", x + bw / 6);
		view_set_int(s, "W", bw * 2 / 3 > 1 ? bw * 2 / 3 : 1);
		view_set_int(s, "PY", (long long)(y0 - h1));
		view_set_int(s, "PH", h1);
		view_set_int(s, "FY", (long long)(y0 - h1 - h2));
		view_set_int(s, "FH", h2);
		view_set_int(s, "LY", (long long)(y0 - h1 - h2 - h3));
		view_set_int(s, "LH", h3);
		view_set_int(s, "TX", x + bw / 2);
		view_set_int(s, "TY", CH_H - 8);
		view_set_int(s, "SEQ", it->seq);
		view_set(s, "CLASS", it->overdue ? "overdue" : it->status);
		view_setf(s, "TITLE", "Installment %d: %s, %s", it->seq,
		    amt(it->principal + it->fee + it->late_fee, v->p.currency,
		    b, sizeof(b)), it->overdue ? "overdue" : it->status);
		/* Balance after this installment, on the whole scale. */
		k = (int)(it->balance_after * plot_h / (total > 0 ? total : 1));
		buf_printf(&pts, " %d,%lld", x + bw, (long long)(y0 - k));
	}
	view_set(ch, "POINTS", buf_str(&pts));
	buf_cleanup(&pts);
}

/* INST-P3 corporate: what is due now and the mall's payee account with
 * the reference to quote, into d (section TRANSFER). */
static void
set_corp_transfer(struct ctx *c, struct view_dict *d,
    const struct plan_view *v)
{
	struct view_dict	*s = view_add(d, "TRANSFER");
	struct corp_payee	 pay;
	char			 ref[40];
	int64_t			 now_due = 0;
	size_t			 i;

	for (i = 0; i < v->ninst; i++)
		if (strcmp(v->inst[i].status, "due") == 0 &&
		    v->inst[i].due <= v->today)
			now_due += v->inst[i].principal + v->inst[i].fee +
			    v->inst[i].late_fee - v->inst[i].paid_minor;
	if (corp_payee_get(c->db, &pay) == -1)
		memset(&pay, 0, sizeof(pay));
	corp_payment_reference(v->p.order_id, ref, sizeof(ref));
	view_set(s, "PAYEE", pay.name);
	view_set(s, "BANK", pay.bank);
	view_set(s, "ACCOUNT", pay.account);
	view_set(s, "REF", ref);
	view_set_int(s, "SEQ", v->next_seq);
	set_amt(s, "NEXT", v->next_amount, v->p.currency);
	for (i = 0; i < v->ninst; i++)
		if (v->inst[i].seq == v->next_seq)
			set_date(s, "NEXT_DUE", v->inst[i].due);
	set_amt(s, "NOW_DUE", now_due, v->p.currency);
}

/* Installment it, due and paid in part (a corporate transfer), into its
 * row s: what was paid and what remains (section PART). */
static void
set_part_paid(struct view_dict *s, const struct db_plan_inst *it,
    const char *cur)
{
	struct view_dict *pt = view_add(s, "PART");

	view_set(s, "STATE", it->overdue ? "overdue" : "due");
	set_amt(pt, "PAID", it->paid_minor, cur);
	set_amt(pt, "LEFT", it->principal + it->fee + it->late_fee -
	    it->paid_minor, cur);
}

/* The schedule rows, totals and actions of v into d. */
static void
set_schedule(struct ctx *c, struct view_dict *d, const struct plan_view *v,
    int owner)
{
	struct view_dict	*s;
	const char		*cur = v->p.currency;
	size_t			 i;
	int64_t			 sch_fee = 0;

	set_disclosure(d, &v->p, NULL);
	view_set(d, "PLAN_STATE", plan_status_name(v->p.status));
	view_set_int(d, "PLAN_ID", (long long)v->p.id);
	view_set_int(d, "ID", (long long)v->p.order_id);
	set_date(d, "START", v->p.start);
	if (v->p.card_last4[0] != '\0') {
		s = view_add(d, "CARD");
		view_set(s, "BRAND", v->p.card_brand);
		view_set(s, "LAST4", v->p.card_last4);
	}
	for (i = 0; i < v->ninst; i++) {
		const struct db_plan_inst *it = &v->inst[i];
		int waived = strcmp(it->status, "paid") == 0 &&
		    it->paid_minor < it->principal + it->fee + it->late_fee;

		s = view_add(d, "INST");
		view_set_int(s, "SEQ", it->seq);
		set_date(s, "DUE", it->due);
		set_amt(s, "PRINCIPAL", it->principal, cur);
		set_amt(s, "FEE", it->fee, cur);
		if (waived)
			view_show(s, "FEE_WAIVED");
		set_amt(s, "LATE", it->late_fee, cur);
		set_amt(s, "TOTAL", it->principal + it->fee + it->late_fee,
		    cur);
		set_amt(s, "BALANCE", it->balance_after, cur);
		if (strcmp(it->status, "paid") == 0) {
			view_set(s, "STATE", "paid");
			set_amt(s, "PAID", it->paid_minor, cur);
		} else if (strcmp(it->status, "waived") == 0)
			view_set(s, "STATE", "cancelled");
		else if (it->paid_minor > 0 && v->p.status == PLAN_ST_ACTIVE)
			set_part_paid(s, it, cur);
		else if (v->p.status != PLAN_ST_ACTIVE)
			view_set(s, "STATE", "not due");
		else if (it->overdue) {
			view_set(s, "STATE", "overdue");
			view_set_int(view_add(s, "DAYS_LATE"), "DAYS",
			    it->days_late);
		} else
			view_set(s, "STATE", "due");
		sch_fee += it->fee;
	}
	set_amt(d, "PAID_TOTAL", v->paid_total, cur);
	set_amt(d, "REMAINING", v->remaining, cur);
	set_amt(d, "LATE_TOTAL", v->late_fees, cur);
	set_amt(d, "SCHED_FEE", sch_fee, cur);
	if (v->overdue > 0)
		view_set_int(view_add(d, "OVERDUE"), "COUNT", v->overdue);
	if (v->p.has_refund) {
		s = view_add(d, "REFUND");
		set_amt(s, "AMOUNT", v->p.refund, cur);
		set_date(s, "DUE", v->p.refund_due);
	}
	if (strcmp(v->p.method, "installment_corporate") == 0) {
		if (v->p.status == PLAN_ST_ACTIVE && v->next_seq > 0)
			set_corp_transfer(c, d, v);
	} else if (owner && v->p.status == PLAN_ST_ACTIVE &&
	    v->next_seq > 0) {
		s = view_add(d, "PAY");
		view_set_int(s, "ID", (long long)v->p.order_id);
		view_set(s, "CSRF", c->user.csrf);
		view_set_int(s, "SEQ", v->next_seq);
		set_amt(s, "AMOUNT", v->next_amount, cur);
		set_key(s);
		view_set_int(view_add(d, "PAYOFF"), "ID",
		    (long long)v->p.order_id);
		if (strcmp(v->p.method, "installment_card") == 0)
			view_set_int(view_add(d, "REBIND"), "ID",
			    (long long)v->p.order_id);
	}
	set_chart(d, v);
}

/* Notices after a redirect. */
static const char *
schedule_notice(const char *msg)
{
	if (msg == NULL)
		return NULL;
	if (strcmp(msg, "confirmed") == 0)
		return "Your installment plan is confirmed and the down "
		    "payment is paid (INST-P1).";
	if (strcmp(msg, "paid") == 0)
		return "Thank you: the installment is repaid (INST-P3).";
	if (strcmp(msg, "card") == 0)
		return "The new card is bound: repayments are deducted from it "
		    "(INST-P3).";
	if (strcmp(msg, "paidoff") == 0)
		return "The plan is settled in full and closed (INST-F3).";
	return NULL;
}

/* The schedule page of order id for its owner, with status and error. */
static int
render_schedule(struct ctx *c, int64_t id, int status, const char *error)
{
	struct view_dict	*d;
	struct plan_view	 v;
	const char		*note;
	int64_t			 reader;
	int			 rc;

	if (id <= 0 || c->user.user_id <= 0)
		return page_error(c, 404, NULL);
	/* One's own order, or one of the member's company (RULES 5). */
	if ((reader = member_order_reader(c->db, c->user.user_id,
	    c->user.company_id, id)) == -1)
		return page_error(c, 500, NULL);
	if (reader == 0)
		return page_error(c, 404, "This order has no repayment "
		    "schedule (yet).");
	switch (plan_load(c->db, reader, id, c->now, &v)) {
	case PLAN_OK:
		break;
	case PLAN_NOT_FOUND:
		plan_view_cleanup(&v);
		return page_error(c, 404, "This order has no repayment "
		    "schedule (yet).");
	default:
		plan_view_cleanup(&v);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	set_schedule(c, d, &v, reader == c->user.user_id);
	if ((note = schedule_notice(ctx_str(c, "msg"))) != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", note);
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", error);
	rc = page_render(c, "plan_schedule.tpl", d, "Repayment schedule");
	view_dict_free(d);
	plan_view_cleanup(&v);
	if (rc != 200)
		return rc;
	c->resp->status = status;
	return status;
}

/* GET /orders/:id/schedule. */
int
page_plan_schedule(struct ctx *c)
{
	return render_schedule(c, ctx_arg_id(c, 0), 200, NULL);
}

/* Answer a repayment of order id's plan (INST-F2/F3) that the service
 * answered r: to the order's ok_path (e.g. "/schedule?msg=paid") when done,
 * to its schedule for a replay, the schedule again with 402 and reason when
 * the card was declined, 409 and not_allowed when the plan takes none now,
 * 409 when the form's key was sent before with other details, 404 for no
 * such plan, 503 with reason (the service says whether anything can have
 * been charged) else. Returns the HTTP status. */
static int
repayment_answer(struct ctx *c, int64_t id, enum plan_result r,
    const char *ok_path, const char *not_allowed, const char *reason)
{
	switch (r) {
	case PLAN_OK:
		return to_order(c, id, ok_path);
	case PLAN_REPLAY:
		return to_order(c, id, "/schedule");
	case PLAN_DECLINED:
		return render_schedule(c, id, 402, reason);
	case PLAN_NOT_FOUND:
		return page_error(c, 404, NULL);
	case PLAN_NOT_ALLOWED:
		return render_schedule(c, id, 409, not_allowed);
	case PLAN_CONFLICT:
		return render_schedule(c, id, 409, PAGE_PLAN_KEY_CONFLICT);
	default:
		return render_schedule(c, id, 503, reason[0] ? reason :
		    PLAN_MSG_UNCONFIRMED);
	}
}

/* POST /orders/:id/pay: INST-P3 manual repayment. */
int
page_plan_pay(struct ctx *c)
{
	int64_t	id = ctx_arg_id(c, 0);
	char	reason[200];
	int	st;

	if ((st = corp_refusal(c, id)) != 0)
		return st;
	if (ctx_str(c, "key") == NULL || ctx_int(c, "seq", 0) <= 0)
		return render_schedule(c, id, 422, "The form was incomplete; "
		    "nothing was charged.");
	return repayment_answer(c, id, plan_pay(c->db, c->cfg,
	    c->user.user_id, id, (int)ctx_int(c, "seq", 0), ctx_str(c, "key"),
	    c->now, reason, sizeof(reason)), "/schedule?msg=paid",
	    "This plan takes no repayments now. Nothing was charged.", reason);
}

/* ---- INST-F3 ----------------------------------------------------------- */

/* GET /orders/:id/payoff: the quote. */
int
page_plan_payoff(struct ctx *c)
{
	struct view_dict	*d, *s;
	struct plan_view	 v;
	struct plan_quote	 q;
	int64_t			 late, total, id = ctx_arg_id(c, 0);
	int			 rc, k;
	size_t			 i;

	if (id <= 0 || c->user.user_id <= 0)
		return page_error(c, 404, NULL);
	if ((rc = corp_refusal(c, id)) != 0)
		return rc;
	if ((rc = plan_load(c->db, c->user.user_id, id, c->now, &v)) !=
	    PLAN_OK) {
		plan_view_cleanup(&v);
		return page_error(c, rc == PLAN_NOT_FOUND ? 404 : 500, NULL);
	}
	if (v.p.status != PLAN_ST_ACTIVE) {
		plan_view_cleanup(&v);
		return to_order(c, id, "/schedule");
	}
	if (plan_quote(&v, &q, &late, &total) == -1) {
		plan_view_cleanup(&v);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	view_set_int(d, "ID", (long long)id);
	view_set(d, "CSRF", c->user.csrf);
	set_key(d);
	set_disclosure(d, &v.p, NULL);
	set_date(d, "AT", q.at);
	set_amt(d, "PRINCIPAL", q.principal_remaining.minor, v.p.currency);
	set_amt(d, "FEE_DUE", q.fee_due.minor, v.p.currency);
	set_amt(d, "FEE_WAIVED", q.fee_waived.minor, v.p.currency);
	set_amt(d, "FEE_CREDIT", q.fee_credit.minor, v.p.currency);
	set_amt(d, "LATE", late, v.p.currency);
	set_amt(d, "TOTAL", total, v.p.currency);
	for (k = 0; k < q.nwaived; k++) {
		s = view_add(d, "WAIVED");
		view_set_int(s, "SEQ", q.waived[k]);
		/* The fee of the month, whichever installment carries it
		 * (upfront mode: all on the first). */
		set_amt(s, "FEE", v.p.monthly_fee, v.p.currency);
		for (i = 0; i < v.ninst; i++)
			if (v.inst[i].seq == q.waived[k])
				set_date(s, "DUE", v.inst[i].due);
	}
	if (q.nwaived == 0)
		view_show(d, "NONE_WAIVED");
	else {
		s = view_add(d, "NEXT");
		view_set_int(s, "MONTH", q.next_month);
		set_date(s, "DAY", q.next_begins);
		set_amt(s, "FEE", v.p.monthly_fee, v.p.currency);
	}
	if (q.fee_credit.minor > 0)
		view_show(d, "CREDIT");
	rc = page_render(c, "plan_payoff.tpl", d, "Repay early");
	view_dict_free(d);
	plan_view_cleanup(&v);
	return rc;
}

/* POST /orders/:id/payoff: settle at today's quote. */
int
page_plan_payoff_post(struct ctx *c)
{
	int64_t	id = ctx_arg_id(c, 0);
	char	reason[200];
	int	st;

	if ((st = corp_refusal(c, id)) != 0)
		return st;
	if (ctx_str(c, "key") == NULL)
		return render_schedule(c, id, 422, "The form was incomplete; "
		    "nothing was charged.");
	return repayment_answer(c, id, plan_payoff(c->db, c->cfg,
	    c->user.user_id, id, ctx_str(c, "key"), c->now, reason,
	    sizeof(reason)), "/schedule?msg=paidoff",
	    "This plan cannot be settled now. Nothing was charged.", reason);
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
	set_amt(d, "LIMIT", limit, "USD");
	set_amt(d, "USED", used, "USD");
	set_amt(d, "AVAILABLE", avail, "USD");
	if (limit <= 0)
		view_show(d, "NONE");
	rc = page_render(c, "plan_credit.tpl", d, "Credit line");
	view_dict_free(d);
	return rc;
}

/* ---- admin -------------------------------------------------------------- */

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
		view_set(s, "METHOD", rows[i].method);
		view_set(s, "INST", rows[i].institution_id);
		view_set(s, "STATE", plan_status_name(rows[i].status));
		set_amt(s, "PRINCIPAL", rows[i].principal, rows[i].currency);
		view_set_int(s, "N", rows[i].n);
		if (rows[i].user_suspended)
			view_show(s, "SUSPENDED");
	}
	if (n == 0)
		view_show(d, "EMPTY");
	if (more)
		view_setf(view_add(d, "MORE"), "HREF", "/admin/plans?filter="
		    "%s&page=%zu", fl != NULL ? fl : "", f.page + 2);
	rc = page_render(c, "plan_admin_list.tpl", d, "Installment plans");
	view_dict_free(d);
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
	char			 b[64];
	int			 rc;

	switch (plan_load_id(c->db, id, c->now, &v)) {
	case PLAN_OK:
		break;
	case PLAN_NOT_FOUND:
		plan_view_cleanup(&v);
		return page_error(c, 404, "No such plan.");
	default:
		plan_view_cleanup(&v);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	set_schedule(c, d, &v, 0);
	view_set(d, "CSRF", c->user.csrf);
	view_set(d, "USER", v.p.user_email);
	view_set_int(d, "USER_ID", (long long)v.p.user_id);
	view_set(d, "METHOD", v.p.method);
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
		view_set(s, "KIND", v.pay[i].kind);
		if (v.pay[i].seq > 0)
			view_set_int(s, "SEQ", v.pay[i].seq);
		view_set(s, "AMOUNT", amt(v.pay[i].amount, v.p.currency, b,
		    sizeof(b)));
		view_set(s, "OK", v.pay[i].ok ? "ok" : "failed");
		view_set(s, "CHANNEL", v.pay[i].channel);
		view_set(s, "REASON", v.pay[i].reason);
	}
	for (i = 0; i < v.nevents; i++) {
		s = view_add(d, "EVENT");
		set_time(s, "AT", v.events[i].at);
		view_set(s, "ACTOR", v.events[i].actor_type);
		view_set(s, "FROM", v.events[i].from_state);
		view_set(s, "TO", v.events[i].to_state);
		view_set(s, "REASON", v.events[i].reason);
	}
	page_notes(d, notice, error);
	rc = page_render(c, "plan_admin.tpl", d, "Installment plan");
	view_dict_free(d);
	plan_view_cleanup(&v);
	if (rc != 200)
		return rc;
	c->resp->status = status;
	return status;
}

/* GET /admin/plans/:id. */
int
page_admin_plan(struct ctx *c)
{
	int64_t id = ctx_arg_id(c, 0);

	if (id <= 0)
		return page_error(c, 404, NULL);
	return render_admin_plan(c, id, 200, ctx_str(c, "msg") != NULL &&
	    strcmp(ctx_str(c, "msg"), "lifted") == 0 ? "The suspension is "
	    "lifted (INST-F2)." : NULL, NULL);
}

/* POST /admin/plans/:id/lift: INST-F2, lift the plan's user's suspension. */
int
page_admin_plan_lift(struct ctx *c)
{
	struct db_plan	p;
	int64_t		id = ctx_arg_id(c, 0);
	char		loc[64];
	int		rc;

	if (id <= 0 || (rc = plan_of_id(c->db, id, &p)) == 0)
		return page_error(c, 404, NULL);
	if (rc == -1)
		return page_error(c, 500, NULL);
	switch (plan_lift_suspension(c->db, c->user.user_id, p.user_id,
	    c->now)) {
	case PLAN_OK:
		snprintf(loc, sizeof(loc), "/admin/plans/%lld?msg=lifted",
		    (long long)id);
		return page_redirect(c, loc);
	case PLAN_NOT_ALLOWED:
		return render_admin_plan(c, id, 409, NULL, "INST-F2: the "
		    "suspension can be lifted only when the user is suspended "
		    "and nothing of theirs is overdue.");
	case PLAN_NOT_FOUND:
		return page_error(c, 404, NULL);
	default:
		return page_error(c, 500, NULL);
	}
}
