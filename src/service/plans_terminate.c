/*
 * Installment plans: cancellation and return (INST-C1/C2).
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/plan_work.h"
#include "service/audit.h"
#include "service/orders.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* Refunds of INST-C1/C2 are due within 3-7 business days: the latest. */
#define PLAN_REFUND_BUSINESS_DAYS	7

/* What a termination of plan v on today settles (INST-C1/C2). */
struct term_fig {
	int64_t	pprin, pfee;		/* principal and fees repaid */
	int64_t	incurred;		/* fees of the months begun (C1) */
	int64_t	up, uf, ul;		/* principal, fees, late fees unpaid */
	int64_t	refund;
};

/* Fill *f for plan v (read under its lock) terminated on today under
 * INST-C2 (c2) or INST-C1. 0 or -1. */
static int
terminate_figures(const struct plan_view *v, mp_date today, int c2,
    struct term_fig *f)
{
	struct plan	pl;
	size_t		i;
	int		begun = 0;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < v->ninst; i++) {
		const struct db_plan_inst *it = &v->inst[i];

		if (it->status == PI_DUE) {
			f->up += it->principal;
			f->uf += it->fee;
			f->ul += it->late_fee;
		}
		if (it->status != PI_PAID)
			continue;
		f->pprin += it->principal;
		if (it->paid_minor - it->principal - it->late_fee > 0)
			f->pfee += it->paid_minor - it->principal -
			    it->late_fee;
	}
	if (v->p.status == PLAN_ST_ACTIVE || v->p.status == PLAN_ST_CLOSED) {
		if (plan_rebuild(&v->p, &pl) == -1)
			return -1;
		/* INST-C1: the fees of the months begun are incurred. */
		for (i = 0; i < (size_t)pl.n; i++)
			if (today >= (i == 0 ? pl.start : pl.inst[i - 1].due))
				begun++;
		f->incurred = v->p.monthly_fee * begun;
	}
	/* INST-C2: repaid amounts less the handling fees (and late fees);
	 * INST-C1: incurred fees settled first, the rest refunded. */
	f->refund = c2 ? f->pprin : f->pprin + f->pfee - f->incurred;
	if (f->refund < 0)
		f->refund = 0;
	return 0;
}

/* The shopper's words for the termination of a plan in cur into
 * rule (text in the thread's buffer). */
static void
terminate_rule(struct refund_rule *rule, int c2, const struct term_fig *f,
    const char *cur, mp_date by)
{
	/* rule->text points here: one buffer per thread (mallpayd). */
	static __thread char	text[400];
	char			a[48], b[48];

	rule->rule = c2 ? "INST-C2" : "INST-C1";
	snprintf(text, sizeof(text), c2 ? _("Installment return: the "
	    "agreement is terminated and nothing further is due; what "
	    "you repaid, %s, is returned less the handling fees "
	    "within 3-7 business days.") : _("Installment cancellation: "
	    "handling fees already incurred (%s) are settled first; "
	    "the rest, %s, is refunded through the original channel "
	    "within 3-7 business days. Nothing further is due."),
	    c2 ? plan_amt(f->refund, cur, a, sizeof(a)) :
	    plan_amt(f->incurred, cur, a, sizeof(a)),
	    plan_amt(f->refund, cur, b, sizeof(b)));
	rule->text = text;
	rule->min_days = 3;
	rule->max_days = PLAN_REFUND_BUSINESS_DAYS;
	rule->has_date = 1;
	rule->by = by;
}

/* Inside plan_terminate: the refund sent (or scheduled) through the
 * plan's channel under the plan's one refund key, and the ledger: late
 * fees up to today, what is no longer owed released, the refund owed.
 * 0 or -1. */
static int
terminate_money(struct db *db, const struct config *cfg,
    const struct plan_view *v, const struct term_fig *f, mp_date today,
    int64_t now)
{
	struct bank_result	res;
	char			bkey[64];
	size_t			i;

	memset(&res, 0, sizeof(res));
	snprintf(bkey, sizeof(bkey), "plan%lld-refund", (long long)v->p.id);
	if (f->refund > 0) {
		if (plan_pay_back(db, cfg, &v->p, f->refund, bkey, &res) == -1)
			return -1;
		if (db_plan_pay_insert(db, v->p.id, "refund", 0, f->refund,
		    v->p.currency, res.ok, plan_channel_of(&v->p), res.reference,
		    res.ok ? "" : res.reason, "refund", now) == -1)
			return -1;
	}
	/* A plan never started owes nothing on the ledger. */
	if (v->p.status != PLAN_ST_ACTIVE && v->p.status != PLAN_ST_CLOSED)
		return 0;
	for (i = 0; i < v->ninst; i++)
		if (plan_post_late_fees(db, &v->p, &v->inst[i], today,
		    now) == -1)
			return -1;
	if (plan_post_termination(db, &v->p, f->up, f->uf, f->ul, f->refund,
	    f->pprin, now) == -1)
		return -1;
	return f->refund > 0 && res.ok ? plan_post_refund_sent(db, &v->p,
	    f->refund, bkey, now) : 0;
}

/* See plans.h. */
int
plan_cancel_preview(const struct plan_view *v, mp_date today,
    const mp_date *holidays, size_t nh, struct refund_rule *rule)
{
	struct term_fig	f;
	mp_date		by;

	if (v->p.status != PLAN_ST_ACTIVE && v->p.status != PLAN_ST_CLOSED)
		return 0;
	if (terminate_figures(v, today, 0, &f) == -1 ||
	    mp_date_add_business_days(today, PLAN_REFUND_BUSINESS_DAYS,
	    holidays, nh, &by) == -1)
		return -1;
	terminate_rule(rule, 0, &f, v->p.currency, by);
	return 0;
}

/* See plans.h. */
int
plan_terminate(struct db *db, const struct config *cfg,
    const struct db_order *o, const char *rule_id, enum of_actor actor,
    int64_t actor_id, mp_date today, const mp_date *holidays, size_t nh,
    int64_t now, struct refund_rule *rule)
{
	struct plan_view	 v;
	struct term_fig		 f;
	char			 b[48], d[16], why[300];
	mp_date			 by;
	int			 c2 = strcmp(rule_id, "INST-C2") == 0;

	memset(&v, 0, sizeof(v));
	/* The plan's lock first: what was paid is read under it, so that a
	 * repayment or a payoff racing the cancellation is either in the
	 * refund or refused (the plan is terminated when it gets the lock). */
	if (db_plan_by_order(db, 0, o->id, &v.p) != 1 ||
	    db_plan_lock(db, v.p.id, 0) != 1) {
		memset(&v, 0, sizeof(v));
		return 0;	/* no plan: nothing to terminate */
	}
	if (plan_load(db, 0, o->id, now, &v) != RES_OK)
		goto fail;
	v.today = today;
	if (v.p.status == PLAN_ST_TERMINATED) {
		plan_view_cleanup(&v);
		return 0;
	}
	if (terminate_figures(&v, today, c2, &f) == -1 ||
	    mp_date_add_business_days(today, PLAN_REFUND_BUSINESS_DAYS,
	    holidays, nh, &by) == -1 ||
	    terminate_money(db, cfg, &v, &f, today, now) == -1)
		goto fail;
	if (db_plan_inst_waive_rest(db, v.p.id) == -1 ||
	    db_plan_set_refund(db, v.p.id, f.refund, by, now) == -1 ||
	    db_plan_set_status(db, v.p.id, v.p.status, PLAN_ST_TERMINATED,
	    now) != 1 || db_plan_set_next_work(db, v.p.id, 0) == -1)
		goto fail;
	if (v.p.method == PM_CREDIT_LINE &&
	    v.p.status == PLAN_ST_ACTIVE &&
	    db_plan_credit_release(db, v.p.user_id, o->amount_usd_minor) == -1)
		goto fail;
	snprintf(why, sizeof(why), "%s plan terminated, nothing further due: "
	    "refund %s by %s", rule_id, plan_amt(f.refund, v.p.currency, b,
	    sizeof(b)), mp_date_str(by, d, sizeof(d)));
	if (audit_event(db, "plan", v.p.id, actor, actor_id,
	    plan_status_name(v.p.status), "terminated", why, now) == -1)
		goto fail;
	if (rule != NULL && (v.p.status == PLAN_ST_ACTIVE ||
	    v.p.status == PLAN_ST_CLOSED))
		terminate_rule(rule, c2, &f, v.p.currency, by);
	plan_view_cleanup(&v);
	return 0;
fail:
	plan_view_cleanup(&v);
	return -1;
}
