/*
 * Installment plans: confirming and paying the down payment (INST-P1),
 * repayment (INST-P3) and early repayment (INST-F3).
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/said.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "service/audit.h"
#include "service/language.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* See plans.h. */
int
plan_down_payment(const struct db_plan *p, mp_date today, int64_t *out)
{
	struct db_plan	q = *p;
	struct plan	pl;

	q.start = today;
	if (plan_rebuild(&q, &pl) == -1)
		return -1;
	/* INST-M3: in upfront mode the whole fee rides on the first one. */
	*out = pl.inst[0].total.minor;
	return 0;
}

/* Inside plan_confirm's transaction, plan p locked and OFFERED: start it
 * today, charge the down payment (installment 1) under its bank key, move
 * the order on. Returns 1 done, 0 declined (*res), -1 no answer or a
 * database error (cs says which). */
static int
confirm_locked(struct db *db, const struct config *cfg, struct db_plan *p,
    int64_t user_id, int64_t down, int64_t now, struct bank_result *res,
    struct charge_state *cs)
{
	struct db_plan_inst	first;
	char			body[600], a[48], subj[160], st[SAID_LEN];
	char			st2[SAID_LEN];
	enum lang		prev;
	int			rc;

	/* INST-M4: the plan starts the day it is confirmed. */
	if (plan_start(db, p->id, plan_day_of(now), OF_USER, user_id, now) == -1)
		return -1;
	p->status = PLAN_ST_ACTIVE;
	memset(&first, 0, sizeof(first));
	first.seq = 1;
	rc = plan_charge_installment(db, cfg, p, &first, "down_payment", down,
	    OF_USER, user_id, now, res, cs);
	if (rc != 1)
		return rc;
	if (orderflow_transition(db, p->order_id, OS_AWAITING_CONFIRMATION,
	    OS_PAID_INSTALLMENT, OF_USER, user_id, said_store(st, sizeof(st),
	    SAID_INST_CONFIRMED, NULL, NULL, NULL), now) != RES_OK ||
	    orderflow_transition(db, p->order_id, OS_PAID_INSTALLMENT,
	    OS_PENDING_SHIPMENT, OF_SYSTEM, 0, said_store(st2, sizeof(st2),
	    SAID_INST_READY, NULL, NULL, NULL), now) != RES_OK ||
	    plan_close_if_done(db, p, now) == -1)
		return -1;
	prev = i18n_use(language_of_tag(p->user_language));
	snprintf(body, sizeof(body), _("You confirmed the installment plan of "
	    "order #%lld and paid the down payment of %s. The order is ready "
	    "to ship; the repayment schedule is on the order page."),
	    (long long)p->order_id, plan_amt(down, p->currency, a, sizeof(a)));
	snprintf(subj, sizeof(subj), "%s", _("Installment confirmed"));
	i18n_use(prev);
	return db_message_insert(db, user_id, 0, subj, body, now) == -1 ? -1 :
	    1;
}

/* See plans.h. */
enum result
plan_confirm(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, const char *idem_key, int64_t now, char *reason,
    size_t reasonsz)
{
	struct db_order		o;
	struct db_plan		p;
	struct bank_result	res;
	struct charge_state	cs;
	char			bkey[64];
	int64_t			down;
	int			rc;

	(void)idem_key;		/* the bank key is the installment's */
	plan_seterr(reason, reasonsz, "");
	if (plan_corporate_refused(db, order_id, reason, reasonsz))
		return RES_NOT_ALLOWED;
	memset(&cs, 0, sizeof(cs));
	rc = db_order_get(db, user_id, order_id, &o);
	if (rc != 1 || user_id <= 0)
		return rc == -1 ? RES_ERROR : RES_NOT_FOUND;
	rc = db_plan_by_order(db, user_id, order_id, &p);
	if (rc != 1)
		return rc == -1 ? RES_ERROR : RES_NOT_FOUND;
	if (db_begin_read_committed(db) == -1)
		goto err;
	/* Decided under the plan's lock, before the bank is asked. */
	if (db_plan_lock(db, p.id, 0) != 1 ||
	    db_plan_by_id(db, p.id, &p) != 1 ||
	    db_order_get(db, user_id, order_id, &o) != 1)
		goto fail;
	if (p.status != PLAN_ST_OFFERED ||
	    o.status != OS_AWAITING_CONFIRMATION) {
		db_rollback(db);
		return p.status == PLAN_ST_ACTIVE || p.status ==
		    PLAN_ST_CLOSED ? RES_DONE : RES_NOT_ALLOWED;
	}
	if (plan_down_payment(&p, plan_day_of(now), &down) == -1)
		goto fail;
	rc = confirm_locked(db, cfg, &p, user_id, down, now, &res, &cs);
	if (rc == 1) {
		if (db_commit(db) == -1)
			goto fail;
		return RES_OK;
	}
	db_rollback(db);
	if (rc == -1) {
		plan_fail_reason(&cs, reason, reasonsz);
		return RES_ERROR;
	}
	/* Declined: the plan stays offered; the spent key is recorded so
	 * that the next try takes the next one. */
	plan_seterr(reason, reasonsz, res.reason);
	if (plan_inst_key(db, &p, 1, bkey, sizeof(bkey)) == 0)
		plan_record_failure(db, &p, "down_payment", 1, down, res.reason,
		    bkey, now);
	return RES_REFUSED;
fail:
	db_rollback(db);
	plan_fail_reason(&cs, reason, reasonsz);
	return RES_ERROR;
err:
	plan_seterr(reason, reasonsz, PLAN_MSG_NOT_SENT);
	return RES_ERROR;
}

/* ---- INST-P3: repayment ------------------------------------------------ */

/* See plans.h. */
enum result
plan_pay(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, int seq, const char *idem_key, int64_t now,
    char *reason, size_t reasonsz)
{
	struct plan_view	 v;
	struct db_plan_inst	*it = NULL;
	struct bank_result	 res;
	struct charge_state	 cs;
	enum result	 r;
	char			 params[32];
	size_t			 i;
	int			 rc;

	plan_seterr(reason, reasonsz, "");
	if (plan_corporate_refused(db, order_id, reason, reasonsz))
		return RES_NOT_ALLOWED;
	memset(&cs, 0, sizeof(cs));
	snprintf(params, sizeof(params), "pay|seq=%d", seq);
	r = plan_keyed_begin(db, user_id, order_id, idem_key, params, now, &v,
	    reason, reasonsz);
	if (r != RES_OK) {
		plan_view_cleanup(&v);
		return r;
	}
	/* Decided on what the lock shows: a payoff or a deduction that got
	 * the lock first has paid this installment already. */
	if (seq == 0)
		seq = v.next_seq;
	for (i = 0; i < v.ninst; i++)
		if (v.inst[i].seq == seq)
			it = &v.inst[i];
	if (v.p.status != PLAN_ST_ACTIVE || it == NULL ||
	    seq != v.next_seq) {
		/* Installments are repaid in order, the oldest due first;
		 * one paid meanwhile is "already done". */
		db_rollback(db);
		r = v.p.status == PLAN_ST_ACTIVE || v.p.status ==
		    PLAN_ST_CLOSED ? RES_DONE : RES_NOT_ALLOWED;
		plan_view_cleanup(&v);
		return r;
	}
	rc = plan_charge_installment(db, cfg, &v.p, it, "manual", it->principal +
	    it->fee + it->late_fee, OF_USER, user_id, now, &res, &cs);
	if (rc == 1 && plan_close_if_done(db, &v.p, now) == -1)
		rc = -1;
	if (rc == -1) {
		db_rollback(db);
		plan_fail_reason(&cs, reason, reasonsz);
		plan_view_cleanup(&v);
		return RES_ERROR;
	}
	r = plan_keyed_end(db, &v, idem_key, params, rc == 1 ? RES_OK :
	    RES_REFUSED, rc == 1 ? NULL : res.reason, &cs, now, reason,
	    reasonsz);
	plan_view_cleanup(&v);
	return r;
}

/* See plans.h. */
enum result
plan_record_payment(struct db *db, int64_t plan_id, int seq, int64_t amount,
    const char *channel, const char *reference, enum of_actor actor,
    int64_t actor_id, const char *idem_key, int64_t now)
{
	struct plan_view	 v;
	struct db_plan_inst	*it = NULL;
	enum result	 r;
	char			 why[160], a[48];
	int64_t			 pid;
	size_t			 i;
	int			 rc;

	if (amount <= 0)
		return RES_INVALID;
	if ((r = plan_load_id(db, plan_id, now, &v)) != RES_OK)
		return r;
	if (db_begin(db) == -1) {
		plan_view_cleanup(&v);
		return RES_ERROR;
	}
	if (db_plan_lock(db, plan_id, 0) != 1)
		goto fail;
	for (i = 0; i < v.ninst; i++)
		if (v.inst[i].seq == seq)
			it = &v.inst[i];
	if (seq != 0 && (it == NULL || it->status != PI_DUE ||
	    amount < it->principal + it->fee + it->late_fee)) {
		db_rollback(db);
		plan_view_cleanup(&v);
		return it == NULL || it->status != PI_DUE ?
		    RES_NOT_ALLOWED : RES_INVALID;
	}
	pid = db_plan_pay_insert(db, plan_id, actor == OF_ADMIN ? "admin" :
	    "manual", seq, amount, v.p.currency, 1, channel, reference, "",
	    idem_key, now);
	if (pid == -1)
		goto fail;
	if (pid == 0) {
		db_rollback(db);
		plan_view_cleanup(&v);
		return RES_DONE;
	}
	if (seq != 0) {
		rc = db_plan_inst_paid(db, plan_id, seq, amount, it->late_fee,
		    now);
		if (rc != 1)
			goto fail;
	}
	snprintf(why, sizeof(why), "INST-P3 payment recorded (%s, %s%s)",
	    channel, plan_amt(amount, v.p.currency, a, sizeof(a)),
	    seq == 0 ? ", down payment" : "");
	if (audit_event(db, "plan", plan_id, actor, actor_id, NULL, NULL, why,
	    now) == -1)
		goto fail;
	if (v.p.status == PLAN_ST_ACTIVE && plan_close_if_done(db, &v.p, now) == -1)
		goto fail;
	if (db_commit(db) == -1) {
		plan_view_cleanup(&v);
		return RES_ERROR;
	}
	plan_view_cleanup(&v);
	return RES_OK;
fail:
	db_rollback(db);
	plan_view_cleanup(&v);
	return RES_ERROR;
}

/* ---- INST-F3: early repayment ---------------------------------------- */

/* Installments paid in order from the first (plan_quote_early's "paid"). */
static int
paid_prefix(const struct plan_view *v)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < v->ninst; i++) {
		if (v->inst[i].status != PI_PAID)
			break;
		n++;
	}
	return n;
}

/* See plans.h. */
int
plan_quote(const struct plan_view *v, struct plan_quote *q, int64_t *late,
    int64_t *total)
{
	struct plan	pl;
	size_t		i;

	*late = 0;
	if (plan_rebuild(&v->p, &pl) == -1 ||
	    plan_quote_early(&pl, paid_prefix(v), v->today,
	    v->p.waives_future_fees, q) == -1)
		return -1;
	for (i = 0; i < v->ninst; i++)
		if (v->inst[i].status == PI_DUE)
			*late += v->inst[i].late_fee;
	*total = q->total.minor + *late;
	return 0;
}

/* 1 if month seq is among the waived months of q. */
static int
is_waived(const struct plan_quote *q, int seq)
{
	int i;

	for (i = 0; i < q->nwaived; i++)
		if (q->waived[i] == seq)
			return 1;
	return 0;
}

/* What each installment still due of v pays in a payoff at quote q (total
 * what settles it): its principal, its fee unless waived, its late fee;
 * waived fees already paid (q->fee_credit, upfront mode) are set off from
 * the last installment back. amounts[i] belongs to v->inst[i] (0 for
 * installments not due). */
static void
payoff_amounts(const struct plan_view *v, const struct plan_quote *q,
    int64_t total, int64_t *amounts)
{
	int64_t	sum = 0, credit, take;
	size_t	i;

	for (i = 0; i < v->ninst; i++) {
		const struct db_plan_inst *it = &v->inst[i];

		amounts[i] = 0;
		if (it->status != PI_DUE)
			continue;
		amounts[i] = it->principal + it->late_fee +
		    (is_waived(q, it->seq) ? 0 : it->fee);
		sum += amounts[i];
	}
	credit = sum - total;
	for (i = v->ninst; i > 0 && credit > 0; i--) {
		take = amounts[i - 1] < credit ? amounts[i - 1] : credit;
		amounts[i - 1] -= take;
		credit -= take;
	}
}

/* The audit detail of a payoff (JSON) into detail. */
static void
payoff_detail(struct buf *detail, const struct plan_quote *q, int64_t late,
    int64_t total)
{
	int k;

	buf_printf(detail, "{\"total_minor\":%lld,\"principal_minor\":%lld,"
	    "\"fee_due_minor\":%lld,\"fee_waived_minor\":%lld,"
	    "\"fee_credit_minor\":%lld,\"late_fee_minor\":%lld,\"waived\":[",
	    (long long)total, (long long)q->principal_remaining.minor,
	    (long long)q->fee_due.minor, (long long)q->fee_waived.minor,
	    (long long)q->fee_credit.minor, (long long)late);
	for (k = 0; k < q->nwaived; k++)
		buf_printf(detail, "%s%d", k ? "," : "", q->waived[k]);
	buf_puts(detail, "]}");
}

/* Inside the keyed, locked transaction: charge every installment still
 * due of v at the quote of today, each under its own bank key (so that an
 * installment can never be charged twice, whichever path gets there
 * first). Returns 1 all paid, 0 declined part-way (*res; what was charged
 * before stays recorded), -1 no answer or a database error. */
static int
payoff_charge(struct db *db, const struct config *cfg,
    const struct plan_view *v, const struct plan_quote *q, int64_t total,
    int64_t user_id, int64_t now, struct bank_result *res,
    struct charge_state *cs)
{
	int64_t	amounts[PLAN_MAX_MONTHS];
	size_t	i;
	int	rc;

	if (v->ninst > PLAN_MAX_MONTHS)
		return -1;
	payoff_amounts(v, q, total, amounts);
	for (i = 0; i < v->ninst; i++) {
		const struct db_plan_inst *it = &v->inst[i];

		if (it->status != PI_DUE)
			continue;
		if (amounts[i] == 0) {
			/* Settled by the credit of waived fees paid. */
			if (plan_post_late_fees(db, &v->p, it, v->today,
			    now) == -1 || db_plan_inst_paid(db, v->p.id,
			    it->seq, 0, it->late_fee, now) != 1)
				return -1;
		} else if ((rc = plan_charge_installment(db, cfg, &v->p, it,
		    "payoff", amounts[i], OF_USER, user_id, now, res,
		    cs)) != 1)
			return rc;
		/* What the payoff did not charge of it (INST-F3). */
		if (plan_post_waiver(db, &v->p, it->seq, it->principal +
		    it->fee + it->late_fee - amounts[i], now) == -1)
			return -1;
	}
	return 1;
}

/* See plans.h. */
enum result
plan_payoff(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, const char *idem_key, int64_t now, char *reason,
    size_t reasonsz)
{
	struct plan_view	v;
	struct plan_quote	q;
	struct bank_result	res;
	struct charge_state	cs;
	enum result	r;
	struct buf		detail;
	char			a[48], b[48], why[300];
	int64_t			late, total;
	int			rc;

	plan_seterr(reason, reasonsz, "");
	if (plan_corporate_refused(db, order_id, reason, reasonsz))
		return RES_NOT_ALLOWED;
	memset(&cs, 0, sizeof(cs));
	r = plan_keyed_begin(db, user_id, order_id, idem_key, "payoff", now, &v,
	    reason, reasonsz);
	if (r != RES_OK) {
		plan_view_cleanup(&v);
		return r;
	}
	if (v.p.status != PLAN_ST_ACTIVE) {
		db_rollback(db);
		r = v.p.status == PLAN_ST_CLOSED ? RES_DONE :
		    RES_NOT_ALLOWED;
		plan_view_cleanup(&v);
		return r;
	}
	buf_init(&detail);
	rc = plan_quote(&v, &q, &late, &total) == -1 ? -1 :
	    payoff_charge(db, cfg, &v, &q, total, user_id, now, &res, &cs);
	if (rc == 1) {
		payoff_detail(&detail, &q, late, total);
		snprintf(why, sizeof(why), "INST-F3 early repayment of %s, "
		    "fees waived %s", plan_amt(total, v.p.currency, a, sizeof(a)),
		    plan_amt(q.fee_waived.minor, v.p.currency, b, sizeof(b)));
		if (audit_event_detail(db, "plan", v.p.id, OF_USER, user_id,
		    NULL, NULL, why, buf_str(&detail), now) == -1 ||
		    plan_close_if_done(db, &v.p, now) == -1)
			rc = -1;
	}
	buf_cleanup(&detail);
	if (rc == -1) {
		/* Nothing of it is kept: what the bank approved is recorded
		 * by the next try under the same keys (same references). */
		db_rollback(db);
		plan_fail_reason(&cs, reason, reasonsz);
		plan_view_cleanup(&v);
		return RES_ERROR;
	}
	if (rc == 0)
		snprintf(why, sizeof(why), "%s%s", cs.approved ? "Part of the "
		    "plan was repaid (see the schedule); the bank declined the "
		    "rest: " : "", res.reason);
	r = plan_keyed_end(db, &v, idem_key, "payoff", rc == 1 ? RES_OK :
	    RES_REFUSED, rc == 1 ? NULL : why, &cs, now, reason, reasonsz);
	plan_view_cleanup(&v);
	return r;
}
