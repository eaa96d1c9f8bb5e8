/*
 * Installment pages (RULES section 1), the running plan:
 *   GET  /orders/:id/schedule      the repayment schedule with its SVG chart
 *   POST /orders/:id/pay           INST-P3 manual repayment
 *   GET/POST /orders/:id/payoff    INST-F3 quote and early settlement
 * and plans_set_schedule(), the schedule part the admin's plan page shows
 * too (plans_admin.c). Handlers parse, call one service of
 * service/plans.h, render one template.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/words.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/plans_page.h"
#include "pages/render.h"
#include "service/corp_transfer.h"
#include "service/members.h"
#include "service/plan_pages.h"
#include "service/plans.h"
#include "view/fmt.h"
#include "view/view.h"

const struct field_spec page_plan_pay_fields[] = {
	{ "seq", FIELD_INT, 1, 3, 1, PLAN_MAX_MONTHS },
	{ "key", FIELD_TOKEN, 1, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The answer to an idempotency key sent again with other details. */
#define PAGE_PLAN_KEY_CONFLICT	N_("This form was already sent with other " \
	"details (another installment or another kind of payment), so this " \
	"request was refused and nothing was charged for it. Reload the " \
	"schedule and try again.")

/* Chart geometry (SVG user units). */
#define CH_W		640
#define CH_H		240
#define CH_LEFT		56
#define CH_BOTTOM	24
#define CH_TOP		12

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
	char			 b[MONEY_FMT_MAX];

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
	view_set(ch, "MAX", page_money(max, v->p.currency, b, sizeof(b)));
	view_set(ch, "TOTAL", page_money(total, v->p.currency, b, sizeof(b)));
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
		view_set(s, "CLASS", it->overdue ? "overdue" :
		    inst_status_name(it->status));
		view_setf(s, "TITLE", _("Installment %d: %s, %s"), it->seq,
		    page_money(it->principal + it->fee + it->late_fee,
		    v->p.currency, b, sizeof(b)), words_state(it->overdue ?
		    "overdue" : inst_status_name(it->status)));
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
		if (v->inst[i].status == PI_DUE &&
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
	plans_set_amt(s, "NEXT", v->next_amount, v->p.currency);
	for (i = 0; i < v->ninst; i++)
		if (v->inst[i].seq == v->next_seq)
			plans_set_date(s, "NEXT_DUE", v->inst[i].due);
	plans_set_amt(s, "NOW_DUE", now_due, v->p.currency);
}

/* The state code of an installment into s: its words (STATE) and the code
 * for the row's class (STATE_CODE). */
static void
set_state(struct view_dict *s, const char *code)
{
	view_set(s, "STATE", words_state(code));
	view_set(s, "STATE_CODE", code);
}

/* Installment it, due and paid in part (a corporate transfer), into its
 * row s: what was paid and what remains (section PART). */
static void
set_part_paid(struct view_dict *s, const struct db_plan_inst *it,
    const char *cur)
{
	struct view_dict *pt = view_add(s, "PART");

	set_state(s, it->overdue ? "overdue" : "due");
	plans_set_amt(pt, "PAID", it->paid_minor, cur);
	plans_set_amt(pt, "LEFT", it->principal + it->fee + it->late_fee -
	    it->paid_minor, cur);
}

/* One installment's row of the schedule into s: due date, amounts, a fee
 * waived by an early payoff, and its state in words (paid, cancelled, part
 * paid, not due, overdue with its days, due) for a plan in status pst. */
static void
set_inst_row(struct view_dict *s, const struct db_plan_inst *it,
    enum plan_status pst, const char *cur)
{
	int	waived = it->status == PI_PAID &&
	    it->paid_minor < it->principal + it->fee + it->late_fee;

	view_set_int(s, "SEQ", it->seq);
	plans_set_date(s, "DUE", it->due);
	plans_set_amt(s, "PRINCIPAL", it->principal, cur);
	plans_set_amt(s, "FEE", it->fee, cur);
	if (waived)
		view_show(s, "FEE_WAIVED");
	plans_set_amt(s, "LATE", it->late_fee, cur);
	plans_set_amt(s, "TOTAL", it->principal + it->fee + it->late_fee, cur);
	plans_set_amt(s, "BALANCE", it->balance_after, cur);
	if (it->status == PI_PAID) {
		set_state(s, "paid");
		plans_set_amt(s, "PAID", it->paid_minor, cur);
	} else if (it->status == PI_WAIVED)
		set_state(s, "cancelled");
	else if (it->paid_minor > 0 && pst == PLAN_ST_ACTIVE)
		set_part_paid(s, it, cur);
	else if (pst != PLAN_ST_ACTIVE)
		set_state(s, "not_due");
	else if (it->overdue) {
		set_state(s, "overdue");
		page_set_count(view_add(s, "DAYS_LATE"), "DAYS",
		    it->days_late, "day", "days");
	} else
		set_state(s, "due");
}

/* See plans_page.h. */
void
plans_set_schedule(struct ctx *c, struct view_dict *d,
    const struct plan_view *v, int owner)
{
	struct view_dict	*s;
	const char		*cur = v->p.currency;
	size_t			 i;
	int64_t			 sch_fee = 0;

	plans_set_disclosure(d, &v->p, NULL);
	view_set(d, "PLAN_STATE_CODE", plan_status_name(v->p.status));
	view_set(d, "PLAN_STATE", words_state(plan_status_name(v->p.status)));
	view_set_int(d, "PLAN_ID", (long long)v->p.id);
	view_set_int(d, "ID", (long long)v->p.order_id);
	plans_set_date(d, "START", v->p.start);
	if (v->p.card_last4[0] != '\0') {
		s = view_add(d, "CARD");
		view_set(s, "BRAND", words_card_brand(v->p.card_brand));
		view_set(s, "LAST4", v->p.card_last4);
	}
	for (i = 0; i < v->ninst; i++) {
		set_inst_row(view_add(d, "INST"), &v->inst[i], v->p.status,
		    cur);
		sch_fee += v->inst[i].fee;
	}
	plans_set_amt(d, "PAID_TOTAL", v->paid_total, cur);
	plans_set_amt(d, "REMAINING", v->remaining, cur);
	plans_set_amt(d, "LATE_TOTAL", v->late_fees, cur);
	plans_set_amt(d, "SCHED_FEE", sch_fee, cur);
	if (v->overdue > 0) {
		page_set_count(view_add(d, "OVERDUE"), "COUNT", v->overdue,
		    "installment is", "installments are");
	}
	if (v->p.has_refund) {
		s = view_add(d, "REFUND");
		plans_set_amt(s, "AMOUNT", v->p.refund, cur);
		plans_set_date(s, "DUE", v->p.refund_due);
	}
	if (v->p.method == PM_INSTALLMENT_CORPORATE) {
		if (v->p.status == PLAN_ST_ACTIVE && v->next_seq > 0)
			set_corp_transfer(c, d, v);
	} else if (owner && v->p.status == PLAN_ST_ACTIVE &&
	    v->next_seq > 0) {
		s = view_add(d, "PAY");
		view_set_int(s, "ID", (long long)v->p.order_id);
		view_set(s, "CSRF", c->user.csrf);
		view_set_int(s, "SEQ", v->next_seq);
		plans_set_amt(s, "AMOUNT", v->next_amount, cur);
		plans_set_key(s);
		view_set_int(view_add(d, "PAYOFF"), "ID",
		    (long long)v->p.order_id);
		if (v->p.method == PM_INSTALLMENT_CARD)
			view_set_int(view_add(d, "REBIND"), "ID",
			    (long long)v->p.order_id);
	}
	set_chart(d, v);
}

/* Notices after a redirect. */
static const struct page_notice schedule_notices[] = {
	{ "confirmed", N_("Your installment plan is confirmed and the down "
	    "payment is paid (INST-P1).") },
	{ "paid", N_("Thank you: the installment is repaid (INST-P3).") },
	{ "card", N_("The new card is bound: repayments are deducted from "
	    "it (INST-P3).") },
	{ "paidoff", N_("The plan is settled in full and closed "
	    "(INST-F3).") },
	{ NULL, NULL }
};

/* The schedule page of order id for its owner, with status and error. */
static int
render_schedule(struct ctx *c, int64_t id, int status, const char *error)
{
	struct view_dict	*d;
	struct plan_view	 v;
	int64_t			 reader;
	int			 rc;

	/* One's own order, or one of the member's company (RULES 5): the
	 * route's object, resolved. */
	if ((reader = c->target_reader) == 0 || id != c->target_id)
		return page_error(c, 404, "This order has no repayment "
		    "schedule (yet).");
	switch (plan_load(c->db, reader, id, c->now, &v)) {
	case RES_OK:
		break;
	case RES_NOT_FOUND:
		plan_view_cleanup(&v);
		return page_error(c, 404, "This order has no repayment "
		    "schedule (yet).");
	default:
		plan_view_cleanup(&v);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	plans_set_schedule(c, d, &v, reader == c->user.user_id);
	page_notes(d, page_notice(schedule_notices, ctx_str(c, "msg")), error);
	rc = page_render_free(c, "plan_schedule.tpl", d, "Repayment schedule",
	    status);
	plan_view_cleanup(&v);
	return rc;
}

/* GET /orders/:id/schedule. */
int
page_plan_schedule(struct ctx *c)
{
	return render_schedule(c, c->target_id, 200, NULL);
}

/* Answer a repayment of order id's plan (INST-F2/F3) that the service
 * answered r: to the order's ok_path (e.g. "/schedule?msg=paid") when done,
 * to its schedule for a replay, the schedule again with 402 and reason when
 * the card was declined, 409 and not_allowed when the plan takes none now,
 * 409 when the form's key was sent before with other details, 404 for no
 * such plan, 503 with reason (the service says whether anything can have
 * been charged) else. Returns the HTTP status. */
static int
repayment_answer(struct ctx *c, int64_t id, enum result r,
    const char *ok_path, const char *not_allowed, const char *reason)
{
	switch (r) {
	case RES_OK:
		return plans_to_order(c, id, ok_path);
	case RES_DONE:
		return plans_to_order(c, id, "/schedule");
	case RES_REFUSED:
		return render_schedule(c, id, 402, reason);
	case RES_NOT_FOUND:
		return page_error(c, 404, NULL);
	case RES_NOT_ALLOWED:
		return render_schedule(c, id, 409, not_allowed);
	case RES_KEY_CONFLICT:
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
	int64_t	id = c->target_id;
	char	reason[200];
	int	st;

	if ((st = plans_corp_refusal(c, id)) != 0)
		return st;
	if (ctx_str(c, "key") == NULL || ctx_int(c, "seq", 0) <= 0)
		return render_schedule(c, id, 422, N_("The form was "
		    "incomplete; nothing was charged."));
	return repayment_answer(c, id, plan_pay(c->db, c->cfg,
	    c->user.user_id, id, (int)ctx_int(c, "seq", 0), ctx_str(c, "key"),
	    c->now, reason, sizeof(reason)), "/schedule?msg=paid",
	    N_("This plan takes no repayments now. Nothing was charged."),
	    reason);
}

/* ---- INST-F3 ----------------------------------------------------------- */

/* GET /orders/:id/payoff: the quote. */
int
page_plan_payoff(struct ctx *c)
{
	struct view_dict	*d, *s;
	struct plan_view	 v;
	struct plan_quote	 q;
	int64_t			 late, total, id = c->target_id;
	int			 rc, k;
	size_t			 i;

	if ((rc = plans_corp_refusal(c, id)) != 0)
		return rc;
	if ((rc = plan_load(c->db, c->user.user_id, id, c->now, &v)) !=
	    RES_OK) {
		plan_view_cleanup(&v);
		return page_error(c, rc == RES_NOT_FOUND ? 404 : 500, NULL);
	}
	if (v.p.status != PLAN_ST_ACTIVE) {
		plan_view_cleanup(&v);
		return plans_to_order(c, id, "/schedule");
	}
	if (plan_quote(&v, &q, &late, &total) == -1) {
		plan_view_cleanup(&v);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	view_set_int(d, "ID", (long long)id);
	view_set(d, "CSRF", c->user.csrf);
	plans_set_key(d);
	plans_set_disclosure(d, &v.p, NULL);
	plans_set_date(d, "AT", q.at);
	plans_set_amt(d, "PRINCIPAL", q.principal_remaining.minor,
	    v.p.currency);
	plans_set_amt(d, "FEE_DUE", q.fee_due.minor, v.p.currency);
	plans_set_amt(d, "FEE_WAIVED", q.fee_waived.minor, v.p.currency);
	plans_set_amt(d, "FEE_CREDIT", q.fee_credit.minor, v.p.currency);
	plans_set_amt(d, "LATE", late, v.p.currency);
	plans_set_amt(d, "TOTAL", total, v.p.currency);
	for (k = 0; k < q.nwaived; k++) {
		s = view_add(d, "WAIVED");
		view_set_int(s, "SEQ", q.waived[k]);
		/* The fee of the month, whichever installment carries it
		 * (upfront mode: all on the first). */
		plans_set_amt(s, "FEE", v.p.monthly_fee, v.p.currency);
		for (i = 0; i < v.ninst; i++)
			if (v.inst[i].seq == q.waived[k])
				plans_set_date(s, "DUE", v.inst[i].due);
	}
	if (q.nwaived == 0)
		view_show(d, "NONE_WAIVED");
	else {
		s = view_add(d, "NEXT");
		view_set_int(s, "MONTH", q.next_month);
		plans_set_date(s, "DAY", q.next_begins);
		plans_set_amt(s, "FEE", v.p.monthly_fee, v.p.currency);
	}
	if (q.fee_credit.minor > 0)
		view_show(d, "CREDIT");
	rc = page_render_free(c, "plan_payoff.tpl", d, "Repay early", 200);
	plan_view_cleanup(&v);
	return rc;
}

/* POST /orders/:id/payoff: settle at today's quote. */
int
page_plan_payoff_post(struct ctx *c)
{
	int64_t	id = c->target_id;
	char	reason[200];
	int	st;

	if ((st = plans_corp_refusal(c, id)) != 0)
		return st;
	if (ctx_str(c, "key") == NULL)
		return render_schedule(c, id, 422, N_("The form was "
		    "incomplete; nothing was charged."));
	return repayment_answer(c, id, plan_payoff(c->db, c->cfg,
	    c->user.user_id, id, ctx_str(c, "key"), c->now, reason,
	    sizeof(reason)), "/schedule?msg=paidoff",
	    N_("This plan cannot be settled now. Nothing was charged."),
	    reason);
}
