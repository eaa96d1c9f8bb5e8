/*
 * Installment plans: collecting and paying back money through the plan's
 * channel (the bank, or the finance company for partner plans), and the
 * keyed, locked transaction every shopper's money path runs in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/i18n.h"
#include "db/db.h"
#include "db/order.h"
#include "gateway/finance.h"
#include "service/audit.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/plans_int.h"
#include "service/reqkey.h"

/* See plans.h. */
const char *const plan_msg_unconfirmed = N_("We could not confirm the "
    "payment with the bank. You will not be charged twice for it: check "
    "the schedule again shortly, or try again.");
const char *const plan_msg_not_sent = N_("Something went wrong before the "
    "payment was sent to the bank; nothing was charged. Try again.");

/* The channel money of plan p moves through. */
const char *
plan_channel_of(const struct db_plan *p)
{
	if (p->method == PM_INSTALLMENT_CARD)
		return "card";
	if (p->method == PM_INSTALLMENT_PARTNER)
		return "partner";
	if (p->method == PM_CREDIT_LINE)
		return "lender";
	return "transfer";
}

/* The finance partner collects (plan_pay_back: refund 1, pays back) amount of
 * partner plan p on its side under bkey (INST-PC); its own books keep it.
 * res as collect(). Returns 0, or -1 when it cannot be reached. */
static int
partner_money(const struct db_plan *p, int64_t amount, const char *bkey,
    int refund, struct bank_result *res)
{
	const struct finance_gateway	*fin = finance_gateway_get("sandbox");

	if (fin == NULL || (refund ? fin->refund : fin->collect)(p->partner_ref,
	    amount, p->currency, bkey, res->reason, sizeof(res->reason)) == -1)
		return -1;
	res->ok = 1;
	snprintf(res->reference, sizeof(res->reference), "%.8s-%.50s",
	    plan_channel_of(p), bkey);
	return 0;
}

/* Collect (refund 0) or pay back (refund 1) amount for plan p through its
 * channel with the bank idempotency key bkey. res gets the answer. Returns
 * 0 (res->ok says), -1 when the bank's answer did not come (it may have
 * charged), -2 when nothing was collected because nothing could be sent
 * (no gateway, the token cannot be read; -1 for a refund). The card
 * channel moves the money by the stored token (INST-P3), the finance
 * partner on its side (partner_money); the lender on its side (its sandbox
 * accepts). */
static int
move_money(struct db *db, const struct config *cfg, const struct db_plan *p,
    int64_t amount, const char *bkey, int refund, struct bank_result *res)
{
	const struct bank_gateway	*bank;
	char				 tok[BANK_REF_MAX + 1];
	int				 rc;

	if (strcmp(plan_channel_of(p), "partner") == 0)
		return partner_money(p, amount, bkey, refund, res);
	if (strcmp(plan_channel_of(p), "card") != 0) {
		res->ok = 1;
		snprintf(res->reference, sizeof(res->reference), "%.8s-%.50s",
		    plan_channel_of(p), bkey);
		return 0;
	}
	if ((bank = bank_gateway()) == NULL ||
	    plan_card_token(db, cfg, p->id, tok, sizeof(tok)) == -1) {
		if (refund)
			return -1;
		snprintf(res->reason, sizeof(res->reason), "no card on file");
		return -2;
	}
	rc = (refund ? bank->refund : bank->deduct)(tok, amount, p->currency,
	    bkey, res);
	sodium_memzero(tok, sizeof(tok));
	return rc;
}

/* Collect amount for plan p through its channel (bkey). As move_money(). */
static int
collect(struct db *db, const struct config *cfg, const struct db_plan *p,
    int64_t amount, const char *bkey, struct bank_result *res)
{
	memset(res, 0, sizeof(*res));
	return move_money(db, cfg, p, amount, bkey, 0, res);
}

/* Refund amount of plan p through its channel (bkey). As collect(). */
int
plan_pay_back(struct db *db, const struct config *cfg, const struct db_plan *p,
    int64_t amount, const char *bkey, struct bank_result *res)
{
	memset(res, 0, sizeof(*res));
	if (strcmp(plan_channel_of(p), "card") == 0 && cfg == NULL) {
		/* No key here (order_cancel): tick sends it (plan_tick). */
		res->ok = 0;
		snprintf(res->reason, sizeof(res->reason), "scheduled");
		return 0;
	}
	return move_money(db, cfg, p, amount, bkey, 1, res);
}

/* Record a failed attempt in its own transaction (the money did not
 * move, so nothing else changes). Best effort. */
void
plan_record_failure(struct db *db, const struct db_plan *p, const char *kind,
    int seq, int64_t amount, const char *reason, const char *idem,
    int64_t now)
{
	if (db_begin(db) == -1)
		return;
	if (db_plan_pay_insert(db, p->id, kind, seq, amount, p->currency, 0,
	    plan_channel_of(p), "", reason, idem, now) == -1 ||
	    audit_event(db, "plan", p->id, OF_SYSTEM, 0, NULL, NULL, reason,
	    now) == -1) {
		db_rollback(db);
		return;
	}
	(void)db_commit(db);
}

/* See plans_int.h. */
int
plan_close_if_done(struct db *db, const struct db_plan *p, int64_t now)
{
	return plan_close_or_schedule(db, p, now, 0);
}

/* See plans_int.h. */
int
plan_close_or_schedule(struct db *db, const struct db_plan *p, int64_t now,
    int worked)
{
	struct db_plan_inst	*in;
	struct db_order		 o;
	size_t			 n, i;
	int			 due = 0, rc = 0;

	if (db_plan_inst_list(db, p->id, &in, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		due += in[i].status == PI_DUE;
	if (due > 0)
		rc = plan_schedule_inst(db, p, in, n, now, worked);
	free(in);
	if (due > 0)
		return rc;
	if (db_plan_set_status(db, p->id, PLAN_ST_ACTIVE, PLAN_ST_CLOSED,
	    now) != 1)
		return -1;
	if (p->method == PM_CREDIT_LINE &&
	    db_order_get(db, 0, p->order_id, &o) == 1 &&
	    db_plan_credit_release(db, p->user_id, o.amount_usd_minor) == -1)
		return -1;
	return audit_event(db, "plan", p->id, OF_SYSTEM, 0, "active",
	    "closed", "repaid in full", now);
}

/* Inside the transaction: installment seq of plan p paid with amount
 * (late fee late) of kind by actor, payment row keyed idem. Returns 1,
 * 0 when the key or the installment was already used (replay), -1. */
static int
apply_payment(struct db *db, const struct db_plan *p, const char *kind,
    int seq, int64_t amount, int64_t late, const char *reference,
    const char *idem, enum of_actor actor, int64_t actor_id, int64_t now)
{
	char	why[160], a[48];
	int64_t	pid;
	int	rc;

	pid = db_plan_pay_insert(db, p->id, kind, seq, amount, p->currency, 1,
	    plan_channel_of(p), reference, "", idem, now);
	if (pid <= 0)
		return (int)pid;
	if ((rc = db_plan_inst_paid(db, p->id, seq, amount, late, now)) != 1)
		return rc;
	snprintf(why, sizeof(why), "INST-P3 installment %d paid (%s, %s)",
	    seq, kind, plan_amt(amount, p->currency, a, sizeof(a)));
	if (audit_event(db, "plan", p->id, actor, actor_id, NULL, NULL, why,
	    now) == -1)
		return -1;
	return 1;
}

/* ---- keyed, locked money paths ------------------------------------------ */

/* The bank key of installment seq of locked plan p into out (64 bytes):
 * "plan<p>-i<seq>", the one key of that unit of money whichever path
 * charges it (down payment, repayment, deduction, payoff), or
 * "plan<p>-i<seq>-r<k>" after k attempts the bank declined (a declined
 * key has charged nothing; an unanswered one is never replaced). 0/-1. */
int
plan_inst_key(struct db *db, const struct db_plan *p, int seq, char *out,
    size_t outsz)
{
	int64_t k = db_plan_declines(db, p->id, seq);

	if (k < 0)
		return -1;
	if (k == 0)
		snprintf(out, outsz, "plan%lld-i%d", (long long)p->id, seq);
	else
		snprintf(out, outsz, "plan%lld-i%d-r%lld", (long long)p->id,
		    seq, (long long)k);
	return 0;
}

/* Inside the transaction that locked plan p (re-read under the lock):
 * charge installment it for amount (its late fee included) under its bank
 * key and record the answer in the same transaction: approved -> payment
 * row keyed by the bank key, installment paid; declined -> a failed row
 * keyed by the bank key (the next try takes the next key). Returns 1 paid,
 * 0 declined (res->reason), -1 no answer or a database error (cs->unknown
 * and cs->approved say which; the caller rolls back). */
int
plan_charge_installment(struct db *db, const struct config *cfg,
    const struct db_plan *p, const struct db_plan_inst *it, const char *kind,
    int64_t amount, enum of_actor actor, int64_t actor_id, int64_t now,
    struct bank_result *res, struct charge_state *cs)
{
	char	key[64];

	memset(res, 0, sizeof(*res));
	if (plan_inst_key(db, p, it->seq, key, sizeof(key)) == -1)
		return -1;
	switch (collect(db, cfg, p, amount, key, res)) {
	case 0:
		cs->called = 1;
		break;
	case -2:
		return -1;	/* never sent: nothing charged */
	default:
		cs->called = cs->unknown = 1;
		return -1;
	}
	if (!res->ok) {
		if (res->reason[0] == '\0')
			snprintf(res->reason, sizeof(res->reason), "declined");
		return db_plan_pay_insert(db, p->id, kind, it->seq, amount,
		    p->currency, 0, plan_channel_of(p), "", res->reason, key,
		    now) > 0 ? 0 : -1;
	}
	cs->approved = 1;
	/* The late fee charged is on the receivable first (INST-F1, one
	 * entry a day), then the payment credits it. */
	if (plan_post_late_fees(db, p, it, plan_day_of(now), now) == -1 ||
	    apply_payment(db, p, kind, it->seq, amount, it->late_fee,
	    res->reference, key, actor, actor_id, now) != 1 ||
	    plan_post_payment(db, p, kind, amount, key, now) == -1)
		return -1;
	return 1;
}

/* INST-P3, INST-CORP: 1 when order_id is a corporate installment's (its
 * down payment and repayments are bank transfers an admin records, never
 * a shopper's payment), with the reason; else 0. */
int
plan_corporate_refused(struct db *db, int64_t order_id, char *reason,
    size_t reasonsz)
{
	struct db_order o;

	if (db_order_get(db, 0, order_id, &o) != 1 ||
	    o.method != PM_INSTALLMENT_CORPORATE)
		return 0;
	plan_seterr(reason, reasonsz, N_("A corporate installment is paid by "
	    "bank transfer to the mall's account, recorded by an admin; "
	    "nothing was charged."));
	return 1;
}

/* The reason of a money path that failed after cs, into reason: "nothing
 * was charged" only when no charge can have been approved. */
void
plan_fail_reason(const struct charge_state *cs, char *reason, size_t reasonsz)
{
	plan_seterr(reason, reasonsz, cs->approved || cs->unknown ?
	    PLAN_MSG_UNCONFIRMED : PLAN_MSG_NOT_SENT);
}

/* Open the transaction of user_id's keyed request (idem_key, params) on
 * order_id's plan: the plan row locked FOR UPDATE, the key looked up (the
 * same parameters answer the first result, a success as RES_DONE; other
 * parameters RES_KEY_CONFLICT), then the plan and its installments read again
 * under the lock into *v. Returns RES_OK with the transaction open, or the
 * answer with it closed (v cleaned by the caller in every case). */
enum result
plan_keyed_begin(struct db *db, int64_t user_id, int64_t order_id,
    const char *idem_key, const char *params, int64_t now,
    struct plan_view *v, char *reason, size_t reasonsz)
{
	struct db_plan		p;
	enum result	r;
	int			rc, first = RES_OK;

	memset(v, 0, sizeof(*v));
	if (user_id <= 0)
		return RES_NOT_FOUND;
	rc = db_plan_by_order(db, user_id, order_id, &p);
	if (rc != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (db_begin_read_committed(db) == -1)
		goto err;
	if (db_plan_lock(db, p.id, 0) != 1)
		goto fail;
	switch (reqkey_check(db, "plan", p.id, idem_key, params, &first,
	    reason, reasonsz)) {
	case REQKEY_NEW:
		break;
	case REQKEY_SAME:
		db_rollback(db);
		return first == RES_OK ? RES_DONE : (enum result)first;
	case REQKEY_CONFLICT:
		db_rollback(db);
		return RES_KEY_CONFLICT;
	default:
		goto fail;
	}
	if ((r = plan_load(db, user_id, order_id, now, v)) != RES_OK) {
		db_rollback(db);
		return r;
	}
	return RES_OK;
fail:
	db_rollback(db);
err:
	plan_seterr(reason, reasonsz, PLAN_MSG_NOT_SENT);
	return RES_ERROR;
}

/* Close the keyed request on plan v->p: claim idem_key for params with
 * the answer result (and the shopper's reason why) and commit. Returns
 * result, or RES_ERROR with plan_fail_reason() when that fails. */
enum result
plan_keyed_end(struct db *db, const struct plan_view *v, const char *idem_key,
    const char *params, enum result result, const char *why,
    const struct charge_state *cs, int64_t now, char *reason,
    size_t reasonsz)
{
	if (reqkey_claim(db, "plan", v->p.id, idem_key, params, (int)result,
	    why, now) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		plan_fail_reason(cs, reason, reasonsz);
		return RES_ERROR;
	}
	if (why != NULL && why != reason)
		plan_seterr(reason, reasonsz, why);
	return result;
}
