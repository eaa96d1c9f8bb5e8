/*
 * Pay After Use daily work (tick): PAU-03 automatic confirmation of
 * receipt, and each open PAU-04 debt's late fee, suspension and retry.
 * See payafter.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "core/said.h"
#include "core/words.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "db/payafter.h"
#include "rules/plan.h"
#include "service/audit.h"
#include "service/language.h"
#include "service/orderflow.h"
#include "service/payafter.h"
#include "service/payafter_int.h"

/* INST-F2: open debt c (locked), overdue more than s->suspend_days at
 * now, suspends its shopper's installment access: c marked suspended (the
 * caller stores it), the user's event and message. 0 or -1. */
static int
debt_suspend(struct db *db, struct db_pau_charge *c,
    const struct pau_settings *s, int64_t now)
{
	char		reason[255], body[700], days[32], subj[160];
	enum lang	prev;

	c->suspended_at = now;
	words_count(days, sizeof(days), s->suspend_days, "day", "days");
	snprintf(reason, sizeof(reason), "INST-F2 PAU-04 debt of order "
	    "#%lld overdue more than %s: installment access "
	    "suspended, credit record entry", (long long)c->order_id, days);
	prev = i18n_use(language_of_user(db, c->user_id));
	snprintf(body, sizeof(body), ngettext("The Pay After Use payment of "
	    "order #%lld is overdue more than %d day. Your installment access "
	    "is suspended and your credit record has an entry (INST-F2); an "
	    "admin lifts it once nothing is overdue.", "The Pay After Use "
	    "payment of order #%lld is overdue more than %d days. Your "
	    "installment access is suspended and your credit record has an "
	    "entry (INST-F2); an admin lifts it once nothing is overdue.",
	    (unsigned long)s->suspend_days), (long long)c->order_id,
	    (int)s->suspend_days);
	snprintf(subj, sizeof(subj), "%s", _("Installment access "
	    "suspended"));
	i18n_use(prev);
	if (db_pau_user_suspend(db, c->user_id) == -1 ||
	    audit_event(db, "user", c->user_id, OF_SYSTEM, 0, NULL,
	    "installment_suspended", reason, now) == -1 ||
	    db_message_insert(db, c->user_id, 0, subj, body, now) < 0)
		return -1;
	return 0;
}

/* Work one locked open debt c at now (tick): late fee, suspension,
 * retry. Returns 0 or -1 (roll back). */
static int
debt_tick(struct db *db, struct db_pau_charge *c, const struct pau_settings *s,
    int64_t now, struct pau_tick_stats *st)
{
	mp_date	 due, today;
	int64_t	 fee, total;
	char	 b[MONEY_STR_MAX], reason[255], n[16];
	int	 ok, changed = 0;

	if (mp_date_parse(c->due_date, strlen(c->due_date), &due) == -1 ||
	    mp_date_from_unix(now, &today) == -1)
		return -1;
	/* INST-F1: late fee from the day after the due date to today. */
	if (payafter_late_fee(c->amount_minor, c->currency, due, today,
	    &s->late_rate, &fee) == -1)
		return -1;
	if (fee > c->late_fee_minor) {
		c->late_fee_minor = fee;
		c->updated_at = now;
		changed = 1;
		st->late_fees++;
		said_store(reason, sizeof(reason), SAID_PAU_LATE_FEE,
		    payafter_amt(fee, c->currency, b, sizeof(b)),
		    s->late_rate_str, NULL);
		if (audit_event(db, "order", c->order_id, OF_SYSTEM, 0, NULL,
		    NULL, reason, now) == -1)
			return -1;
	}
	/* INST-F2: overdue more than N days suspends installment access. */
	if (c->suspended_at == 0 &&
	    payafter_should_suspend(due, today, s->suspend_days)) {
		changed = 1;
		st->suspended++;
		if (debt_suspend(db, c, s, now) == -1)
			return -1;
	}
	/* PAU-04: retried, a bounded number of times a day. */
	if (payafter_may_retry(c, today, now, s->retries_per_day)) {
		changed = 1;
		total = c->amount_minor + c->late_fee_minor;
		if (payafter_deduct(db, c, total, now, s->retries_per_day,
		    &ok) == -1)
			return -1;
		if (ok) {
			payafter_mark_paid(c, total, now);
			st->charged++;
			if (payafter_debt_paid(db, c, total,
			    payafter_order_usd(db, c->order_id), OF_SYSTEM, 0,
			    now) == -1)
				return -1;
		} else {
			st->failed++;
			snprintf(n, sizeof(n), "%d", c->attempts);
			said_store(reason, sizeof(reason),
			    SAID_PAU_RETRY_FAILED, n, payafter_amt(total,
			    c->currency, b, sizeof(b)), c->reason);
			if (audit_event(db, "order", c->order_id, OF_SYSTEM, 0,
			    NULL, NULL, reason, now) == -1)
				return -1;
		}
	}
	/* Nothing more today (late fees and suspension go by calendar day,
	 * the day's retries are used): next visit tomorrow, so that the
	 * tick's selection (next_try_at <= now) reads only debts due. */
	if (c->status == CH_OPEN && c->next_try_at <= now) {
		c->next_try_at = mp_date_to_unix(today) + 86400;
		changed = 1;
	}
	if (changed && db_pau_charge_update(db, c) == -1)
		return -1;
	return 0;
}

/* PAU-03: confirm order id (locked, delivered) automatically. 0 or -1. */
static int
auto_confirm(struct db *db, int64_t id, int64_t now)
{
	struct db_order	o;
	enum result	r;
	char		st[SAID_LEN];

	if (db_order_get(db, 0, id, &o) != 1)
		return -1;
	r = orderflow_transition(db, id, OS_DELIVERED, OS_RECEIPT_CONFIRMED,
	    OF_SYSTEM, 0, said_store(st, sizeof(st), SAID_PAU_AUTO_RECEIPT,
	    NULL, NULL, NULL), now);
	if (r != RES_OK)
		return -1;
	return payafter_receipt_effect(db, &o, now);
}

/* The two sweeps of payafter_tick(), each a transaction per row: PAU-03's
 * automatic confirmations, and the open debts' deductions and fees. */
enum sweep { SWEEP_CONFIRM, SWEEP_DEBT };

/* Run sweep k over its due rows at now (confirmations: delivered before
 * cutoff), counting into st: 0, or -1 when the database fails between
 * rows (a row whose work fails is logged, counted and left). */
static int
sweep(struct db *db, enum sweep k, const struct pau_settings *s,
    int64_t cutoff, int64_t now, struct pau_tick_stats *st)
{
	struct db_pau_charge	c;
	int64_t			id, after = 0;
	int			rc;

	for (;;) {
		if (db_begin_read_committed(db) == -1)
			return -1;
		if (k == SWEEP_CONFIRM)
			rc = db_pau_next_autoconfirm(db, cutoff, after, &id);
		else if ((rc = db_pau_next_open(db, now, after, &id)) == 1)
			rc = db_pau_charge_get(db, id, 1, &c);
		if (rc != 1) {
			db_rollback(db);
			return rc == -1 ? -1 : 0;
		}
		after = id;
		rc = k == SWEEP_CONFIRM ? auto_confirm(db, id, now) :
		    debt_tick(db, &c, s, now, st);
		if (rc == -1 || db_commit(db) == -1) {
			db_rollback(db);
			log_err("payafter: order %lld: %s failed: %s",
			    (long long)id, k == SWEEP_CONFIRM ?
			    "automatic confirmation" : "debt work",
			    db_error(db));
			st->errors++;
		} else if (k == SWEEP_CONFIRM)
			st->confirmed++;
	}
}

/* See payafter.h. */
int
payafter_tick(struct db *db, int64_t now, struct pau_tick_stats *st)
{
	struct pau_settings	 s;
	mp_date			 today, first;
	int64_t			 cutoff;

	memset(st, 0, sizeof(*st));
	if (payafter_settings(db, &s) == -1 ||
	    mp_date_from_unix(now, &today) == -1 ||
	    mp_date_add_days(today, 1 - s.auto_confirm_days, &first) == -1)
		return -1;
	/* Delivered before the start of (today - N + 1): N days ago or
	 * earlier, by calendar date. */
	cutoff = mp_date_to_unix(first);
	if (sweep(db, SWEEP_CONFIRM, &s, cutoff, now, st) == -1)
		return -1;
	return sweep(db, SWEEP_DEBT, &s, cutoff, now, st);
}
