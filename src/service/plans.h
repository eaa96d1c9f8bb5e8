#ifndef MALLPAY_SERVICE_PLANS_H
#define MALLPAY_SERVICE_PLANS_H

/*
 * Installment plans (RULES section 1): one plan per order paid in
 * installments, whatever the method (installment_card, installment_partner,
 * installment_corporate, credit_line). Tables: plans, plan_installments,
 * plan_payments, credit_records, plan_ledger (sql/008_installments.sql).
 *
 * Every function that changes something runs ONE transaction of its own
 * (unless its contract says "inside the caller's transaction"), writes its
 * audit event (subject "plan", RULES C-07) and moves the order only through
 * orderflow_transition(). Payments carry an idempotency key (unique per
 * plan in plan_payments): a repeated submit or a retried tick changes
 * nothing twice and answers RES_DONE.
 *
 * For the corporate engineer: create the plan with
 * plan_create() (status "offered" after the admin's approval, principal =
 * what is financed, down_payment_percent for the disclosure), record the
 * down payment and the bank transfers an admin sees with
 * plan_record_payment() (channel "transfer"), start it with plan_start();
 * the schedule page (/orders/:id/schedule), the reminders, late fees,
 * suspension (plan_tick) and early payoff work for every method.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/money.h"
#include "core/result.h"
#include "db/event.h"
#include "db/plan.h"
#include "rules/plan.h"
#include "service/orderflow.h"

struct db;
struct config;
struct db_order;
struct refund_rule;
struct buf;

/* What a money path answers when it cannot tell whether the bank charged:
 * the bank keys are per unit of money, so nothing is charged twice; and
 * when the bank was never asked. Texts marked N_() in plans_charge.c,
 * translated where the page shows them. */
extern const char *const plan_msg_unconfirmed;
extern const char *const plan_msg_not_sent;
#define PLAN_MSG_UNCONFIRMED	plan_msg_unconfirmed
#define PLAN_MSG_NOT_SENT	plan_msg_not_sent

/* "review", "offered", ... ; NULL when out of range. */
const char *plan_status_name(enum plan_status s);
/* Parse a status name: 0 or -1. */
int	plan_status_parse(const char *s, enum plan_status *out);

/* The terms of a plan as an institution (or an agreement) sets them. */
struct plan_terms {
	char			 institution_id[33];
	char			 institution_name[101];	/* for people */
	char			 monthly_rate[17];	/* "0.80" (% a month) */
	enum plan_fee_mode	 fee_mode;
	int			 waives_future_fees;	/* INST-F3 */
	char			 late_fee_rate[17];	/* "0.05" (% a day, INST-F1) */
	int			 down_payment_percent;	/* INST-CORP: 30; else 0 */
};

/* Fill *t from institution id's row. Returns 1, 0 unknown, -1 error. */
int	plan_terms_of_institution(struct db *, const char *id,
	    struct plan_terms *t);

/* A plan with its installments, payments, events and totals. */
struct plan_view {
	DB_PLAN_FULL_MEMBERS;
	mp_date			 today;
	int64_t			 paid_total;	/* principal+fees+late fees paid */
	int64_t			 remaining;	/* principal+fees+late fees due */
	int64_t			 late_fees;	/* accrued, all installments */
	int			 overdue;	/* installments overdue now */
	int			 next_seq;	/* first unpaid installment, 0 none */
	int64_t			 next_amount;	/* its total with late fee */
};

/* 1 if plans of method start with a down payment (INST-P1: card and
 * partner plans pay installment 1 on confirmation), else 0 (credit line:
 * repayments begin a month after receipt; corporate: its down payment is
 * apart, per agreement). */
int	plan_has_down_payment(enum pay_method method);

/* The due date of installment i (0-based) of pl: with a down payment
 * (down), installment 1 on the start (the confirmation day) and
 * installment k on INST-M4's date of installment k-1, so that each
 * installment is due on the day its month begins; without, INST-M4's
 * dates. 0, or -1 when i is out of range. */
int	plan_due_date(const struct plan *pl, int down, int i, mp_date *out);

/* The APR of pl (hundredths of a percent): apr_plan() without a down
 * payment; with one, the actuarial rate of the amount financed after the
 * down payment repaid by installments 2..n (0 for a single installment).
 * Returns -1 as apr_compute(). */
int	plan_apr(const struct plan *pl, int down, int32_t *bp);

/* Create the plan of order_id (inside the caller's transaction): the
 * order's amount_due (or `principal` when > 0: INST-CORP finances the
 * part after the down payment), its term and institution, terms *t
 * (NULL: the institution's), started on start (INST-M4 due dates from
 * there; it is set again by plan_start()), in status st (REVIEW, OFFERED
 * or ACTIVE), with its audit event. *plan_id gets the id. Returns 0, 1
 * when the order already has a plan (*plan_id = that one), -1 error or
 * bad terms (logged). */
int	plan_create(struct db *, int64_t order_id, int64_t principal,
	    const struct plan_terms *t, enum plan_status st, mp_date start,
	    enum of_actor actor, int64_t actor_id, int64_t now,
	    int64_t *plan_id);

/* Rebuild the installments of plan_id from start (INST-M4) inside the
 * caller's transaction and make it ACTIVE (from OFFERED or REVIEW), with
 * its event and its ledger entry (plan<p>-start: the receivable owes the
 * schedule, service/plan_ledger.h). Returns 0 or -1. */
int	plan_start(struct db *, int64_t plan_id, mp_date start,
	    enum of_actor actor, int64_t actor_id, int64_t now);

/* Read the plan of order_id into *v (clean up with plan_view_cleanup,
 * also on failure), computed for the date of now. user_id > 0: only that
 * user's (another's is RES_NOT_FOUND); 0: any (admins). */
enum result plan_load(struct db *, int64_t user_id, int64_t order_id,
	    int64_t now, struct plan_view *v);
/* As plan_load() for user_id > 0 (the placer: another's is
 * RES_NOT_FOUND) without the payments and the history: the plan and its
 * installments in one statement, and the sums (paid, remaining, late
 * fees), for a page that shows the plan's figures only. */
enum result plan_load_sums(struct db *, int64_t user_id,
	    int64_t order_id, int64_t now, struct plan_view *v);
/* The view plan_load_sums() makes of plan p and its installments inst (n
 * of them, by seq; *v owns them after, free with plan_view_cleanup) read
 * elsewhere (the order page's statement), computed for the date of now. */
void	plan_view_sums(const struct db_plan *p, struct db_plan_inst *inst,
	    size_t n, int64_t now, struct plan_view *v);
/* As plan_load() by the plan's id (admins). */
enum result plan_load_id(struct db *, int64_t plan_id, int64_t now,
	    struct plan_view *v);
void	plan_view_cleanup(struct plan_view *v);

/* The struct plan (rules/plan.h) of a stored plan row, for APR and the
 * early-repayment quote. Returns 0 or -1. */
int	plan_rebuild(const struct db_plan *p, struct plan *out);

/* INST-CC and INST-P3: what the bank's hosted card page reviews the card
 * of user_id's order_id (method installment_card) for: the order's amount
 * and term before the review (awaiting_review), what is left of an ACTIVE
 * plan (a card for the repayments), the whole order for an OFFERED plan
 * whose down payment the first card did not pay. RES_OK with *amount,
 * currency (cursz bytes) and *months; RES_NOT_FOUND, RES_NOT_ALLOWED (no
 * card can be bound now), RES_ERROR. */
enum result plan_card_terms(struct db *, int64_t user_id,
	    int64_t order_id, int64_t now, int64_t *amount, char *currency,
	    size_t cursz, int *months);
struct bank_outcome;
/* INSIDE the caller's transaction: the bank's hosted page reviewed the
 * card of user_id's order_id (gateway/bank.h, signature already checked).
 * Before the review (awaiting_review): approved -> plan OFFERED with brand,
 * last four and the sealed token (INST-S1), order awaiting_confirmation,
 * the shopper told; declined -> plan DECLINED with the bank's reason (the
 * order stays awaiting_review: another card may be tried, or the order
 * cancelled). On an ACTIVE or OFFERED plan an approved card replaces the
 * plan's card (INST-P3). RES_OK (approved), RES_REFUSED,
 * RES_NOT_FOUND, RES_NOT_ALLOWED, RES_ERROR (roll back). */
enum result plan_card_record(struct db *, const struct config *,
	    int64_t user_id, int64_t order_id, const struct bank_outcome *out,
	    int64_t now);

/* INST-PC: the shopper authorizes the credit evaluation of order_id:
 * finance->submit, plan in REVIEW with the partner's reference. Returns
 * RES_OK, RES_DONE (already submitted), RES_NOT_FOUND,
 * RES_NOT_ALLOWED, RES_ERROR (reason). */
enum result plan_partner_apply(struct db *, const struct config *,
	    int64_t user_id, int64_t order_id, int64_t now, char *reason,
	    size_t reasonsz);

/* INST-PC: ask the partner (finance->poll) about the plan with partner
 * reference ref and apply a final answer: OFFERED + order
 * awaiting_confirmation, or DECLINED + order refused. actor OF_SYSTEM
 * (tick) or OF_PARTNER (callback, actor_id = partner id). *state gets
 * "pending", "approved", "declined" or "unknown". Returns RES_OK (also
 * when still pending or already decided), RES_NOT_FOUND, RES_ERROR. */
enum result plan_partner_check(struct db *, const struct config *,
	    const char *ref, enum of_actor actor, int64_t actor_id,
	    int64_t now, char *state, size_t statesz);

/* INST-PC: the partner's signed callback (POST /partner/finance/decision)
 * for application ref, event event_id of partner_id: the event is claimed
 * (partner_event_claim: the same event again gets its first answer), the
 * answer is read with finance->poll and applied as plan_partner_check()
 * does, in one transaction. out gets the JSON answer
 * {"ref","order","state"} or {"error","field"}. Returns the HTTP status:
 * 200, 400 (bad event id), 404 (unknown ref), 500. */
int	plan_partner_callback(struct db *, int64_t partner_id,
	    const char *event_id, const char *ref, int64_t now,
	    struct buf *out);

/* INST-P1: "Confirm Installment and Pay Down Payment" of user_id's
 * order_id (awaiting_confirmation, plan OFFERED): the plan starts today,
 * the first installment (plus the whole fee in upfront mode) is paid
 * (card: bank->deduct under installment 1's bank key, decided and
 * recorded under the plan's lock; partner: collected by the partner),
 * order -> paid_installment -> pending_shipment. A deduction refused
 * gives RES_REFUSED with the reason (nothing changes but the record of
 * the declined key). idem_key is not needed: one plan, one down payment. */
enum result plan_confirm(struct db *, const struct config *,
	    int64_t user_id, int64_t order_id, const char *idem_key,
	    int64_t now, char *reason, size_t reasonsz);

/* The amount of the down payment of an OFFERED plan started on today:
 * the first installment (+ the whole fee in upfront mode). 0 or -1. */
int	plan_down_payment(const struct db_plan *p, mp_date today,
	    int64_t *out);

/* INST-P3: manual repayment by user_id of installment seq (0: the first
 * unpaid one; overdue ones first) of order_id's ACTIVE plan with its late
 * fee, through the plan's channel (the card bound last). The plan row is
 * locked and read again before anything is decided or charged, and the
 * bank is called and answered inside that transaction, under the
 * installment's one bank key ("plan<p>-i<seq>", see plan_inst_key in
 * plans_charge.c).
 * idem_key is claimed with the parameters ("pay|seq=N"): sent again with
 * the same seq it answers the first result (RES_DONE after a success,
 * the same RES_REFUSED), with another seq RES_KEY_CONFLICT. The last one
 * closes the plan. Returns RES_OK, RES_DONE (also: paid meanwhile),
 * RES_REFUSED (reason), RES_KEY_CONFLICT, RES_NOT_FOUND, RES_NOT_ALLOWED,
 * RES_ERROR (reason: PLAN_MSG_NOT_SENT when the bank was not asked, else
 * PLAN_MSG_UNCONFIRMED). */
enum result plan_pay(struct db *, const struct config *,
	    int64_t user_id, int64_t order_id, int seq, const char *idem_key,
	    int64_t now, char *reason, size_t reasonsz);

/* INST-P3 corporate / admin: record a payment received outside the
 * gateways (a bank transfer) of amount for installment seq (0: the down
 * payment outside the schedule) of plan_id by admin_id; the installment is
 * paid when amount covers it with its late fee. Idempotent by idem_key.
 * Returns RES_OK, RES_DONE, RES_NOT_FOUND, RES_NOT_ALLOWED,
 * RES_INVALID, RES_ERROR. */
enum result plan_record_payment(struct db *, int64_t plan_id, int seq,
	    int64_t amount, const char *channel, const char *reference,
	    enum of_actor actor, int64_t actor_id, const char *idem_key,
	    int64_t now);

/* INST-F3: the early-repayment quote of plan v->p on today: *q from
 * plan_quote_early() with the institution's waiving flag, *late the late
 * fees accrued, *total what settles it. Returns 0 or -1. */
int	plan_quote(const struct plan_view *v, struct plan_quote *q,
	    int64_t *late, int64_t *total);

/* INST-F3: settle user_id's order_id plan at once for the quote of today
 * as read under the plan's lock (waived fees as the quote lists them):
 * each installment still due is charged under its own bank key, so that
 * a repayment, a deduction and a payoff can never charge one installment
 * twice. Keyed as plan_pay() with the parameters "payoff"; the plan
 * CLOSES. A decline part-way keeps what was charged (the schedule shows
 * it) and answers RES_REFUSED. Returns as plan_pay(). */
enum result plan_payoff(struct db *, const struct config *,
	    int64_t user_id, int64_t order_id, const char *idem_key,
	    int64_t now, char *reason, size_t reasonsz);

/* INST-C1/C2, inside the caller's transaction (order_cancel, the return
 * refund): terminate the plan of order *o, if it has one that is not
 * closed or terminated: nothing further due, refund = what was paid less
 * the handling fees of begun months (C1) or less every fee paid (C2),
 * refunded through the original channel, due by today + 7 business days
 * (holidays sorted). The plan row is locked before it is read (the
 * caller's transaction must read committed rows: a payoff that got the
 * lock first is in the refund). Ledger: late fees to today, what is no
 * longer owed released, the refund owed. Fills *rule's text/date for the
 * shopper when rule is not NULL. Returns 0 (also when there is no plan),
 * or -1. */
int	plan_terminate(struct db *, const struct config *,
	    const struct db_order *o, const char *rule_id, enum of_actor actor,
	    int64_t actor_id, mp_date today, const mp_date *holidays,
	    size_t nh, int64_t now, struct refund_rule *rule);

/* What plan_terminate() under INST-C1 would tell the shopper of the plan
 * *v (plan_load_sums or plan_load, read without locking) if they
 * cancelled on today (holidays sorted): the incurred fees and the refund
 * with their amounts into *rule. *rule is left as it is when the plan has
 * not started. Returns 0 or -1. Reads nothing. */
int	plan_cancel_preview(const struct plan_view *v, mp_date today,
	    const mp_date *holidays, size_t nh, struct refund_rule *rule);

/* INST-CL, inside the caller's transaction (order_receipt_effects): the
 * lender pays the merchant the whole price (plan_ledger entry, and the
 * ledger's plan<p>-settlement) and the shopper's plan starts today
 * (ACTIVE, created from the order; plan<p>-start). Returns 0 (also when
 * already done), -1 error. */
int	plan_creditline_settle(struct db *, const struct db_order *o,
	    int64_t now);

/* INST-F2: admin_id lifts user_id's installment suspension, only when
 * nothing of theirs is overdue. Returns RES_OK, RES_NOT_ALLOWED
 * (something overdue, or not suspended), RES_NOT_FOUND, RES_ERROR. */
enum result plan_lift_suspension(struct db *, int64_t admin_id,
	    int64_t user_id, int64_t now);

/* What one plan_tick() did. */
struct plan_tick_stats {
	int	plans;		/* active plans worked (their next work day
				   had come) */
	int	reminders;	/* INST-P2 */
	int	deducted;	/* INST-P3 auto deductions that succeeded */
	int	deduct_failed;
	int	late_fees;	/* installments whose late fee changed (INST-F1) */
	int	suspended;	/* users suspended (INST-F2) */
	int	decided;	/* INST-PC answers applied */
	int	returned;	/* INST-C2 plans terminated after a return */
	int	refunds;	/* card refunds sent (INST-C1/C2) */
	int	errors;
};

/* The time-based work of every plan at now (mallpayctl tick): reminders
 * N days before (setting inst_reminder_days_before), auto deductions on
 * the due date, late fees up to today, suspension after
 * inst_overdue_suspend_days, partner applications, returned orders. Each
 * plan is taken with FOR UPDATE SKIP LOCKED in its own transaction;
 * running it twice for the same now changes nothing. Returns 0, or -1 on
 * a database error (stats say how far it went). */
int	plan_tick(struct db *, const struct config *, int64_t now,
	    struct plan_tick_stats *st);

/* Inside the caller's transaction, after a change of active plan_id's
 * installments made outside this module (a corporate bank transfer):
 * store its next work day (plans.next_work_on) from its installments as
 * stored at now (plan_schedule_inst(), not worked today). 0/-1. */
int	plan_schedule(struct db *, int64_t plan_id, int64_t now);

/* Inside the caller's transaction (an admin saving a setting): platform
 * setting name changed from was to is (stored text; NULL: not set). A
 * setting that brings the plans' work earlier (inst_reminder_days_before
 * grown by N days: INST-P2) moves every active plan's next work day after
 * today N days earlier, not before today: the earliest day its work can
 * now fall on (tick stores the exact day when it visits), by the
 * (status, next_work_on) index. A day made later needs nothing (a visit
 * too early only stores the right day), nor do the late fee and
 * suspension settings (an overdue plan is visited every day). 0/-1. */
int	plan_setting_changed(struct db *, const char *name, const char *was,
	    const char *is, int64_t now);

/* INST-S1: the bank token of plan_id decrypted into out (outsz >= 65)
 * with the key derived from cfg->secret_key. 0, or -1 (no token). */
int	plan_card_token(struct db *, const struct config *, int64_t plan_id,
	    char *out, size_t outsz);

/* Admin list filter. */
struct plan_filter {
	int	overdue;	/* only plans with an overdue installment */
	int	suspended;	/* only plans of suspended users */
	char	status[17];	/* "" any */
	size_t	page, limit;
};

/* The plans matching f, newest first, into *out (free()), *more when a
 * further page exists. Returns 0 or -1. */
int	plan_list(struct db *, const struct plan_filter *f, int64_t now,
	    struct db_plan **out, size_t *n, int *more);

/* Number of ACTIVE plans with an installment overdue at now (the admin
 * "overdue plans" queue), or -1. */
int64_t	plan_overdue_count(struct db *, int64_t now);

/* The "overdue_plans" queue of the admin registry (service/queues.h):
 * count = plans with an overdue installment, all past their due date,
 * oldest_at = the earliest overdue due date. 0 or -1. */
struct db_queue_stats;
int	queue_count_overdue_plans(struct db *, int64_t now,
	    struct db_queue_stats *out);

#endif
