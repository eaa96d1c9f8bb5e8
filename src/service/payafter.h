#ifndef MALLPAY_SERVICE_PAYAFTER_H
#define MALLPAY_SERVICE_PAYAFTER_H

/*
 * Pay After Use (RULES section 4). Eligibility (PAU-01, PAU-02)
 * is rules/payafter.c through checkout; placing for 0 (PAU-03) is
 * checkout_place (amount due now 0, deferred_minor the price). This
 * module does the rest:
 *
 * - the shopper's bound payment method: a card turned into the bank's
 *   token by bank->card_ref + bank->review (a verification of USD 1.00 over
 *   1 month), stored as brand, last four and the token encrypted with a key
 *   derived from the configuration's secret key (INST-S1, libsodium
 *   secretbox);
 * - the charge at confirmed receipt (PAU-03), from
 *   order_receipt_effects() (shopper) or the automatic confirmation of
 *   payafter_tick() N calendar days after delivery (setting
 *   pau_auto_confirm_days, default 10);
 * - a failed deduction (PAU-04): the merchant settled in full from the
 *   platform's guarantee (pau_guarantee 'payout'), the shopper's debt open,
 *   retried by tick (setting pau_retries_per_day, spaced evenly), late fee
 *   per calendar day from the day after the due date (setting
 *   pau_late_fee_rate, INST-F1 via plan_late_fee), more than
 *   inst_overdue_suspend_days overdue: users.installment_suspended and
 *   bad_payment_record set with a credit-record event (INST-F2); a later
 *   payment records a 'recovery' entry;
 * - a return before receipt is confirmed (PAU-05): nothing is charged.
 *
 * Every state change is one transaction with its audit event (order
 * events without from/to state, so the order's status history stays the
 * order's; user events for the suspension).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/result.h"
#include "core/money.h"
#include "db/payafter.h"
#include "rules/payafter.h"
#include "service/orderflow.h"

struct db;
struct db_order;

/* The use cases below answer enum result (core/result.h): RES_REFUSED (the
 * bank or the input said no: message), RES_NOT_FOUND (no such order of this
 * user), RES_NOT_ALLOWED (not in a state that allows it), RES_ERROR (database:
 * nothing changed). */

/* The settings the module reads (defaults when a row is missing). */
struct pau_settings {
	int			 auto_confirm_days;	/* PAU-03: 10 */
	int			 retries_per_day;	/* PAU-04: 2 */
	int			 suspend_days;		/* INST-F2: 30 */
	struct money_rate	 late_rate;		/* INST-F1: 0.05 %/day */
	char			 late_rate_str[17];	/* "0.05" */
};

/* Read the settings into *s. Returns 0, or -1 (database, bad rate). */
int	payafter_settings(struct db *, struct pau_settings *s);

/* Pure (PAU-04): 1 if a debt c may be retried at now (today its date)
 * with per_day tries a day: next_try_at reached and fewer than per_day
 * tries on today. */
int	payafter_may_retry(const struct db_pau_charge *c, mp_date today,
	    int64_t now, int per_day);

/* 1 if a card's expiry "MM/YY" (or "MM/YYYY") is this month of now or
 * later, else 0 (any card form's check). */
int	pau_card_expiry_ok(const char *expiry, int64_t now);

/* The amount the bank reviews a Pay After Use card for (USD 1.00). */
#define PAU_VERIFY_MINOR	100

/* INSIDE the caller's transaction: the bank's hosted card page verified
 * (or declined) user_id's Pay After Use card (gateway/bank.h, signature
 * checked): approved -> bound (or replacing the card), brand and last four
 * kept, the token sealed; declined -> only audited. RES_OK, RES_REFUSED
 * (declined), RES_ERROR (roll back). */
struct bank_outcome;
enum result payafter_card_record(struct db *, int64_t user_id,
	    const struct bank_outcome *out, int64_t now);
/* The demo data's binding (mallpayctl seed-demo, no form, no shopper): pan
 * (len bytes), expiry "MM/YY" (not before the month of now), cvv go to the
 * in-process sandbox's card field and are forgotten; the bank verifies the
 * card (review); the token is stored encrypted. Shoppers bind their card
 * at the bank's hosted page (service/card_session.h). Returns RES_OK,
 * RES_REFUSED (err: what to fix), RES_ERROR. */
enum result payafter_bind_card(struct db *, int64_t user_id,
	    const char *pan, size_t len, const char *expiry, const char *cvv,
	    int64_t now, char *err, size_t errsz);

/* PAU-03/04, inside the caller's transaction, right after order o moved
 * to receipt_confirmed (order_receipt_effects): deduct the deferred price
 * from the bound card (idempotency key "pau-<order>-1"); when that fails
 * (or no card is bound) record the guarantee payout and open the debt.
 * A second call for the same order changes nothing. Returns 0, or -1
 * (roll back). */
int	payafter_receipt_effect(struct db *, const struct db_order *o,
	    int64_t now);

/* The shopper pays an open debt now (after binding a working card):
 * one deduction of the debt with its late fee. Returns RES_OK (paid),
 * RES_REFUSED (bank: err), RES_NOT_FOUND, RES_NOT_ALLOWED (not open),
 * RES_ERROR. */
enum result payafter_pay_now(struct db *, int64_t user_id,
	    int64_t order_id, int64_t now, char *err, size_t errsz);

/* PAU-05: user_id returns the delivered, unconfirmed Pay After Use order
 * order_id (delivered -> return_requested): it can no longer be confirmed
 * (nor automatically), and nothing is charged when the goods are back
 * ("returned"). Returns RES_OK, RES_NOT_FOUND, RES_NOT_ALLOWED
 * (not PAU, not delivered, or already confirmed), RES_ERROR. */
enum result payafter_return(struct db *, int64_t user_id,
	    int64_t order_id, int64_t now);

/* What one payafter_tick() did. */
struct pau_tick_stats {
	int	confirmed;	/* PAU-03 automatic confirmations */
	int	charged;	/* deductions that succeeded */
	int	failed;		/* deductions that failed (debts opened/kept) */
	int	late_fees;	/* debts whose late fee changed */
	int	suspended;	/* users suspended (INST-F2) */
	int	errors;
};

/* The time-based Pay After Use work at now (mallpayctl tick): automatic
 * confirmation of delivered orders, then every open debt: late fee up to
 * today, suspension, a retry when due. Each order is taken with FOR
 * UPDATE SKIP LOCKED in its own transaction (several hosts may tick at
 * once); a second run at the same now changes nothing. Returns 0, or -1
 * on a database error (st says how far it went). */
int	payafter_tick(struct db *, int64_t now, struct pau_tick_stats *st);

/* Demo data (mallpayctl seed-demo): bind the sandbox's Visa test card
 * (4111 1111 1111 1111, deductions succeed) as the Pay After Use card of
 * the demo shoppers that have none yet, so that a confirmed receipt is
 * charged. Returns how many were bound, or -1 on error. */
int	payafter_seed_demo(struct db *, int64_t now);

/* Guarantee ledger totals of one currency (GET /admin/guarantee). */
struct pau_total {
	char	 currency[4];
	int64_t	 payout, recovered;	/* minor units */
	int64_t	 payout_usd, recovered_usd;
	int	 npayout, nrecovered;
};

/* Totals of rows (per currency, at most max of them) into out; *nout
 * gets how many. Pure. */
void	payafter_totals(const struct db_pau_guarantee *rows, size_t n,
	    struct pau_total *out, size_t max, size_t *nout);

#endif
