#ifndef MALLPAY_SERVICE_PLANS_INT_H
#define MALLPAY_SERVICE_PLANS_INT_H

/*
 * Installment plans: what the plans_*.c files share and no other code
 * uses (the public interface is plans.h).
 */

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/calendar.h"
#include "core/money.h"
#include "gateway/bank.h"
#include "service/plans.h"

struct db;
struct config;
struct db_order;
struct db_plan;
struct db_plan_inst;
struct plan_view;

/* Encrypted token: nonce + MAC + token (at most BANK_REF_MAX). */
#define PLAN_TOKEN_ENC_MAX \
	(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + BANK_REF_MAX)

/* The date of now (UTC); 0 if out of range (never for real clocks). */
static inline mp_date
plan_day_of(int64_t now)
{
	mp_date d = 0;

	(void)mp_date_from_unix(now, &d);
	return d;
}

/* Write msg into err (errsz) when err is not NULL. */
static inline void
plan_seterr(char *err, size_t errsz, const char *msg)
{
	if (err != NULL && errsz > 0)
		snprintf(err, errsz, "%s", msg);
}

/* The amount m of cur as "USD 1,234.50" into out. */
static inline char *
plan_amt(int64_t m, const char *cur, char *out, size_t outsz)
{
	return money_display_minor(m, cur, out, outsz);
}

/* What a money path did at the bank, so that its answer is truthful. */
struct charge_state {
	int	called;		/* the bank (or the plan's channel) was asked */
	int	unknown;	/* an answer never came */
	int	approved;	/* a charge was approved */
};

/* Seal token into out (PLAN_TOKEN_ENC_MAX), *len its size. 0 or -1. */
int	plan_token_seal(const struct config *cfg, const char *token,
    unsigned char *out, size_t *len);

/* INST-P3, INST-CORP: 1 when order_id is a corporate installment's (its
 * down payment and repayments are bank transfers an admin records, never
 * a shopper's payment), with the reason; else 0. */
int	plan_corporate_refused(struct db *db, int64_t order_id, char *reason,
    size_t reasonsz);

/* Load the rest of v once v->p (and, with_inst, v->inst) is read. */
enum result plan_view_fill(struct db *db, int64_t now,
    struct plan_view *v, int with_inst);

/* The channel money of plan p moves through. */
const char *plan_channel_of(const struct db_plan *p);

/* Refund amount of plan p through its channel (bkey). As collect(). */
int	plan_pay_back(struct db *db, const struct config *cfg,
    const struct db_plan *p, int64_t amount, const char *bkey,
    struct bank_result *res);

/* Record a failed attempt in its own transaction (the money did not
 * move, so nothing else changes). Best effort. */
void	plan_record_failure(struct db *db, const struct db_plan *p,
    const char *kind, int seq, int64_t amount, const char *reason,
    const char *idem, int64_t now);

/* Close plan p when nothing is due any more (inside the transaction):
 * the plan becomes closed, the credit line's reserve is released;
 * otherwise its next work day is stored (plan_schedule_inst(), not worked
 * today). 0/-1. */
int	plan_close_if_done(struct db *db, const struct db_plan *p,
    int64_t now);
/* plan_close_if_done(), and when something is still due, plan p's next
 * work day stored (plan_schedule_inst(); worked: today's tick work on p
 * is done). 0/-1. */
int	plan_close_or_schedule(struct db *db, const struct db_plan *p,
    int64_t now, int worked);

/* INST-P2: the reminder's days before the due date (setting
 * inst_reminder_days_before, 0..60, default 3) into *out. 0/-1. */
int	plan_remind_days(struct db *db, int64_t *out);
/* Store plan p's next work day (plans.next_work_on) computed by
 * plan_next_work() from its n installments in at now (inside the
 * caller's transaction); worked: today's tick work on p is done, so
 * nothing before tomorrow. 0/-1. */
int	plan_schedule_inst(struct db *db, const struct db_plan *p,
    const struct db_plan_inst *in, size_t n, int64_t now, int worked);

/* The reason of a money path that failed after cs, into reason: "nothing
 * was charged" only when no charge can have been approved. */
void	plan_fail_reason(const struct charge_state *cs, char *reason,
    size_t reasonsz);

/* The bank key of installment seq of locked plan p into out (64 bytes):
 * "plan<p>-i<seq>", the one key of that unit of money whichever path
 * charges it (down payment, repayment, deduction, payoff), or
 * "plan<p>-i<seq>-r<k>" after k attempts the bank declined (a declined
 * key has charged nothing; an unanswered one is never replaced). 0/-1. */
int	plan_inst_key(struct db *db, const struct db_plan *p, int seq,
    char *out, size_t outsz);

/* Inside the transaction that locked plan p (re-read under the lock):
 * charge installment it for amount (its late fee included) under its bank
 * key and record the answer in the same transaction: approved -> payment
 * row keyed by the bank key, installment paid; declined -> a failed row
 * keyed by the bank key (the next try takes the next key). Returns 1 paid,
 * 0 declined (res->reason), -1 no answer or a database error (cs->unknown
 * and cs->approved say which; the caller rolls back). */
int	plan_charge_installment(struct db *db, const struct config *cfg,
    const struct db_plan *p, const struct db_plan_inst *it, const char *kind,
    int64_t amount, enum of_actor actor, int64_t actor_id, int64_t now,
    struct bank_result *res, struct charge_state *cs);

/* Open the transaction of user_id's keyed request (idem_key, params) on
 * order_id's plan: the plan row locked FOR UPDATE, the key looked up (the
 * same parameters answer the first result, a success as RES_DONE; other
 * parameters RES_KEY_CONFLICT), then the plan and its installments read again
 * under the lock into *v. Returns RES_OK with the transaction open, or the
 * answer with it closed (v cleaned by the caller in every case). */
enum result plan_keyed_begin(struct db *db, int64_t user_id,
    int64_t order_id, const char *idem_key, const char *params, int64_t now,
    struct plan_view *v, char *reason, size_t reasonsz);

/* Close the keyed request on plan v->p: claim idem_key for params with
 * the answer result (and the shopper's reason why) and commit. Returns
 * result, or RES_ERROR with plan_fail_reason() when that fails. */
enum result plan_keyed_end(struct db *db, const struct plan_view *v,
    const char *idem_key, const char *params, enum result result,
    const char *why, const struct charge_state *cs, int64_t now, char *reason,
    size_t reasonsz);

#endif /* MALLPAY_SERVICE_PLANS_INT_H */
