/*
 * Installment plans: the scheduler's tick: deductions on the due day,
 * reminders, suspension, returns and refunds due.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/said.h"
#include "db/db.h"
#include "db/message.h"
#include "gateway/sms.h"
#include "service/audit.h"
#include "service/language.h"
#include "service/orders.h"
#include "service/pay_failure.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* INST-P3: tick's automatic deduction of installment it of locked plan p
 * (inside tick's transaction) under the installment's bank key. Returns 1
 * paid, 0 not (declined: recorded and the shopper told; no answer: nothing
 * recorded, so tomorrow's try uses the same key), -1 database error. */
static int
tick_deduct(struct db *db, const struct config *cfg, const struct db_plan *p,
    const struct db_plan_inst *it, int64_t now, struct plan_tick_stats *st)
{
	struct bank_result	res;
	struct charge_state	cs;
	char			body[800], a[48], d[16], topic[64];
	char			subj[160];
	enum lang		prev;
	int64_t			total = it->principal + it->fee;
	int			rc;

	memset(&cs, 0, sizeof(cs));
	rc = plan_charge_installment(db, cfg, p, it, "auto", total + it->late_fee,
	    OF_SYSTEM, 0, now, &res, &cs);
	if (rc == 1) {
		st->deducted++;
		return 1;
	}
	st->deduct_failed++;
	if (rc == -1)
		/* Unanswered or never sent: nothing recorded, tomorrow's
		 * try uses the same key. Approved but not recorded: roll
		 * back, the next tick records it under that key. */
		return cs.approved ? -1 : 0;
	mp_date_str(it->due, d, sizeof(d));
	/* In the shopper's language (the plan's row carries it). */
	prev = i18n_use(language_of_tag(p->user_language));
	snprintf(body, sizeof(body), _("The automatic deduction of "
	    "installment %d of order #%lld (%s) failed. %s Nothing was "
	    "charged. Repay it now on the order's schedule page, or pay with "
	    "another card; we try your card again every day, and from the day "
	    "after %s a late fee accrues (INST-F1)."), it->seq,
	    (long long)p->order_id, plan_amt(total, p->currency, a, sizeof(a)),
	    pay_failure_words(res.reason), d);
	snprintf(subj, sizeof(subj), "%s", _("Installment deduction "
	    "failed"));
	i18n_use(prev);
	/* One message per installment: each retry updates it. */
	snprintf(topic, sizeof(topic), "plan%lld-inst%d-auto",
	    (long long)p->id, it->seq);
	if (db_message_event(db, p->user_id, p->order_id, topic, subj, body,
	    now) == -1)
		return -1;
	return 0;
}

/* INST-P2: the reminder of installment it of plan p (due on d), once:
 * a message and an SMS to phone (when there is one). auto_ok: the card
 * is deducted that day. Inside tick's transaction. 0 or -1. */
static int
tick_remind(struct db *db, const struct db_plan *p,
    const struct db_plan_inst *it, const char *d, int auto_ok,
    const char *phone, int64_t now, struct plan_tick_stats *st)
{
	const struct sms_gateway	*sms = sms_gateway_get("sandbox");
	char				 body[400], a[48], err[128];
	int				 rc;
	enum lang			 prev;

	rc = db_plan_inst_remind(db, p->id, it->seq, now);
	if (rc != 1)
		return rc;
	/* Written in the shopper's language, then the thread's again. */
	prev = i18n_use(language_of_tag(p->user_language));
	snprintf(body, sizeof(body), _("Reminder: installment %d of %d of "
	    "order #%lld, %s, is due on %s. %s"), it->seq, p->n,
	    (long long)p->order_id, plan_amt(it->principal + it->fee, p->currency,
	    a, sizeof(a)), d, auto_ok ? _("It is deducted from your card that "
	    "day.") : _("Repay it on the order's schedule page."));
	rc = db_message_insert(db, p->user_id, 0, _("Installment due soon"),
	    body, now) == -1 ? -1 : 0;
	i18n_use(prev);
	if (rc == -1)
		return -1;
	if (phone[0] != '\0' && sms != NULL && sms->send(db, p->user_id,
	    phone, body, now, err, sizeof(err)) == -1)
		log_warn("plan %lld: reminder sms: %s", (long long)p->id, err);
	st->reminders++;
	return 0;
}

/* INST-F2 for installment it of plan p (due on d), overdue more than the
 * threshold: the credit record and, once, the user's suspension with its
 * event and message (inside tick's transaction). 0 or -1. */
static int
tick_suspend(struct db *db, const struct db_plan *p,
    const struct db_plan_inst *it, const char *d, int64_t now,
    struct plan_tick_stats *st)
{
	char		body[600], subj[160];
	int		rc;
	enum lang	prev;

	snprintf(body, sizeof(body), "installment %d of plan %lld (order "
	    "#%lld) due %s overdue %d days", it->seq, (long long)p->id,
	    (long long)p->order_id, d, (int)it->days_late);
	if (db_plan_credit_record(db, p->user_id, p->id, "overdue_30", body,
	    now) == -1 || (rc = db_plan_user_suspend(db, p->user_id, 1)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	prev = i18n_use(language_of_tag(p->user_language));
	snprintf(subj, sizeof(subj), "%s", _("Installment access "
	    "suspended"));
	snprintf(body, sizeof(body), "%s", _("An installment of yours is "
	    "overdue more than 30 days: new installment applications are "
	    "suspended until it is repaid and an administrator lifts the "
	    "suspension (INST-F2)."));
	i18n_use(prev);
	if (audit_event(db, "user", p->user_id, OF_SYSTEM, 0,
	    "installment_active", "installment_suspended", "INST-F2 overdue "
	    "more than 30 days", now) == -1 ||
	    db_message_insert(db, p->user_id, 0, subj, body, now) == -1)
		return -1;
	st->suspended++;
	return 0;
}

/* Tick work on one locked, active plan p at now (inside the transaction).
 * Returns 0 or -1 (roll back). */
static int
tick_plan(struct db *db, const struct config *cfg, struct db_plan *p,
    int64_t now, int64_t remind_days, int64_t suspend_days,
    struct plan_tick_stats *st)
{
	struct plan_view		 v;
	char				 phone[33], d[16];
	mp_date				 today = plan_day_of(now), from;
	size_t				 i;
	int				 susp, score, rc, auto_ok;

	memset(&v, 0, sizeof(v));
	v.p = *p;
	if (plan_view_fill(db, now, &v, 0) != RES_OK)
		goto fail;
	if (db_plan_user_info(db, p->user_id, phone, sizeof(phone), &susp,
	    &score) != 1)
		goto fail;
	auto_ok = p->method == PM_INSTALLMENT_CARD && p->has_token;
	for (i = 0; i < v.ninst; i++) {
		struct db_plan_inst *it = &v.inst[i];

		if (it->status != PI_DUE)
			continue;
		mp_date_str(it->due, d, sizeof(d));
		/* INST-P2: a reminder N days before the due date. */
		if (mp_date_add_days(it->due, (int32_t)-remind_days,
		    &from) == 0 && today >= from && today <= it->due &&
		    tick_remind(db, p, it, d, auto_ok, phone, now, st) == -1)
			goto fail;
		if (today < it->due)
			continue;
		/* INST-P3: automatic deduction on (and, while unpaid,
		 * after) the due date, once a day. */
		if (auto_ok && cfg != NULL &&
		    (rc = db_plan_inst_auto(db, p->id, it->seq, today)) != 0) {
			if (rc == -1)
				goto fail;
			rc = tick_deduct(db, cfg, p, it, now, st);
			if (rc == -1)
				goto fail;
			if (rc == 1)
				continue;
		}
		if (today <= it->due)
			continue;
		/* INST-F1: the late fee up to today. */
		rc = db_plan_inst_late(db, p->id, it->seq, it->late_fee, today);
		if (rc == -1 || (rc == 1 && plan_post_late_fees(db, p, it,
		    today, now) == -1))
			goto fail;
		st->late_fees += rc;
		/* INST-F2: more than N days overdue. */
		if (it->days_late > suspend_days &&
		    tick_suspend(db, p, it, d, now, st) == -1)
			goto fail;
	}
	/* Today's work done: the next visit is stored (INST-F1: once a
	 * calendar day while overdue). */
	if (plan_close_or_schedule(db, p, now, 1) == -1)
		goto fail;
	st->plans++;
	plan_view_cleanup(&v);
	return 0;
fail:
	plan_view_cleanup(&v);
	return -1;
}

/* INST-C2 for returned order order_id (own transaction). 0 or -1. */
static int
tick_return(struct db *db, const struct config *cfg, int64_t order_id,
    int64_t now, struct plan_tick_stats *st)
{
	struct refund_rule	rule;
	struct db_order		o;
	struct db_plan		p;
	mp_date			*hol = NULL;
	char			(*hd)[11] = NULL;
	char			d[16], body[900], subj[160], say[SAID_LEN];
	enum lang		prev;
	size_t			nh = 0, n = 0, i;
	int			ret, rc;

	if (db_begin_read_committed(db) == -1)
		return -1;
	if (db_plan_by_order(db, 0, order_id, &p) != 1 ||
	    db_plan_lock(db, p.id, 1) != 1 ||
	    db_order_get(db, 0, order_id, &o) != 1) {
		db_rollback(db);
		return 0;
	}
	ret = o.status == OS_RETURNED ||
	    o.status == OS_REFUNDED;
	if (db_checkout_holidays(db, &hd, &n) == -1)
		goto fail;
	hol = xcalloc(n + 1, sizeof(*hol));
	for (i = 0; i < n; i++)
		if (mp_date_parse(hd[i], strlen(hd[i]), &hol[nh]) == 0)
			nh++;
	memset(&rule, 0, sizeof(rule));
	/* The refund's sentence (rule.text) in the shopper's language. */
	prev = i18n_use(language_of_tag(o.language));
	rc = plan_terminate(db, cfg, &o, ret ? "INST-C2" : "INST-C1",
	    OF_SYSTEM, 0, plan_day_of(now), hol, nh, now, &rule);
	i18n_use(prev);
	if (rc == -1)
		goto fail;
	if (!rule.has_date) {
		/* Nothing was paid (review/offered): nothing to refund. */
		if (db_commit(db) == -1)
			goto fail;
		free(hd);
		free(hol);
		return 0;
	}
	mp_date_str(rule.by, d, sizeof(d));
	if (db_order_set_refund_due(db, order_id, d) == -1)
		goto fail;
	if (o.status == OS_RETURNED &&
	    orderflow_transition(db, order_id, OS_RETURNED, OS_REFUNDED,
	    OF_SYSTEM, 0, said_store(say, sizeof(say), SAID_INST_TERMINATED,
	    NULL, NULL, NULL), now) != RES_OK)
		goto fail;
	prev = i18n_use(language_of_tag(o.language));
	snprintf(body, sizeof(body), _("Order #%lld: the installment plan is "
	    "terminated. %s Refund by: %s"), (long long)order_id,
	    rule.text != NULL ? _(rule.text) : "", d);
	snprintf(subj, sizeof(subj), "%s", _("Installment terminated"));
	i18n_use(prev);
	if (db_message_insert(db, o.user_id, 0, subj, body, now) == -1 ||
	    db_commit(db) == -1)
		goto fail;
	st->returned++;
	free(hd);
	free(hol);
	return 0;
fail:
	db_rollback(db);
	free(hd);
	free(hol);
	return -1;
}

/* Send the refund row pay of plan plan_id (recorded, not sent) through
 * its channel under the plan's one refund key, marked sent with its
 * ledger entry in one transaction under the plan's lock. 0 or -1. */
static int
tick_refund_one(struct db *db, const struct config *cfg, int64_t plan_id,
    const struct db_plan_pay *pay, int64_t now)
{
	struct bank_result	res;
	struct db_plan		p;
	char			bkey[64];

	snprintf(bkey, sizeof(bkey), "plan%lld-refund", (long long)plan_id);
	if (db_begin_read_committed(db) == -1)
		return -1;
	if (db_plan_lock(db, plan_id, 0) != 1 ||
	    db_plan_by_id(db, plan_id, &p) != 1 ||
	    plan_pay_back(db, cfg, &p, pay->amount, bkey, &res) == -1 || !res.ok ||
	    db_plan_pay_done(db, pay->id, res.reference) == -1 ||
	    plan_post_refund_sent(db, &p, pay->amount, bkey, now) == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* INST-C1/C2 in tick: the card refunds recorded where the key was not at
 * hand (order_cancel). Returns 0 (failures counted in st), -1 when the
 * list cannot be read. */
static int
tick_refunds(struct db *db, const struct config *cfg, int64_t now,
    struct plan_tick_stats *st)
{
	struct db_plan_pay	*pay;
	int64_t			*ids = NULL;
	size_t			 n = 0, i, np, j;

	if (db_plan_refunds_pending(db, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_plan_pay_list(db, ids[i], &pay, &np) == -1) {
			st->errors++;
			continue;
		}
		for (j = 0; j < np; j++) {
			if (strcmp(pay[j].kind, "refund") != 0 || pay[j].ok)
				continue;
			if (tick_refund_one(db, cfg, ids[i], &pay[j],
			    now) == -1)
				st->errors++;
			else
				st->refunds++;
		}
		free(pay);
	}
	free(ids);
	return 0;
}

/* See plans.h. */
int
plan_tick(struct db *db, const struct config *cfg, int64_t now,
    struct plan_tick_stats *st)
{
	struct db_plan	 p;
	int64_t		*ids = NULL, remind, suspend;
	size_t		 n = 0, i;
	mp_date		 today = plan_day_of(now);
	char		 state[16];

	memset(st, 0, sizeof(*st));
	if (plan_remind_days(db, &remind) == -1 ||
	    db_plan_setting(db, "inst_overdue_suspend_days", 30,
	    &suspend) == -1)
		return -1;
	/* INST-PC: applications waiting for the partner. */
	if (db_plan_reviewing(db, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_plan_by_id(db, ids[i], &p) != 1)
			continue;
		if (plan_partner_check(db, cfg, p.partner_ref, OF_SYSTEM, 0,
		    now, state, sizeof(state)) != RES_OK)
			st->errors++;
		else if (strcmp(state, "pending") != 0)
			st->decided++;
	}
	free(ids);
	/* INST-C1/C2: card refunds recorded where the key was not at hand. */
	if (tick_refunds(db, cfg, now, st) == -1)
		return -1;
	/* INST-C2: returned orders. */
	if (db_plan_returned(db, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (tick_return(db, cfg, ids[i], now, st) == -1)
			st->errors++;
	free(ids);
	/* Reminders, deductions, late fees, suspensions: only the plans
	 * whose next work day has come (plans.next_work_on). */
	if (db_plan_work(db, today, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_begin_read_committed(db) == -1) {
			free(ids);
			return -1;
		}
		/* Another host has it: it does the work. */
		if (db_plan_lock(db, ids[i], 1) != 1 ||
		    db_plan_by_id(db, ids[i], &p) != 1 ||
		    p.status != PLAN_ST_ACTIVE) {
			db_rollback(db);
			continue;
		}
		if (tick_plan(db, cfg, &p, now, remind, suspend, st) == -1) {
			db_rollback(db);
			st->errors++;
			continue;
		}
		if (db_commit(db) == -1)
			st->errors++;
	}
	free(ids);
	return 0;
}
