#ifndef MALLPAY_SERVICE_PLAN_LEDGER_H
#define MALLPAY_SERVICE_PLAN_LEDGER_H

/*
 * The ledger entries of installment plans (service/ledger.h), each posted
 * inside the caller's transaction together with the state change it
 * records, keyed by its unit of money:
 *
 *	plan<p>-start		LK_PLAN_START: the receivable (the buyer's, a
 *				company's for corporate plans) debited with
 *				the schedule, merchant:payable credited with
 *				the principal, the lender's fees account
 *				(partner:<inst>:fees; the credit line's:
 *				platform:fee_income) with the fees
 *	<bank key>		LK_DOWN_PAYMENT / LK_INSTALLMENT / LK_PAYOFF:
 *				partner:<collector>:clearing debited, the
 *				receivable credited; partner = the collector
 *				as the partners' books name it ("bank" for
 *				card plans, "finance" for partner plans, the
 *				lender's id else), partner_ref = the bank key
 *	plan<p>-i<k>-late-<day>	LK_LATE_FEE: one day's INST-F1 accrual of
 *				installment k, receivable debited,
 *				platform:fee_income credited
 *	plan<p>-i<k>-waiver	LK_FEE_WAIVER: what a payoff did not charge
 *				of installment k (its waived fee, or fees
 *				paid ahead set off), back to the fees account
 *	plan<p>-settlement	LK_LENDER_SETTLEMENT (INST-CL): the lender
 *				pays the merchant (merchant:payable debited,
 *				partner:<lender>:clearing credited)
 *	plan<p>-termination	LK_PLAN_TERMINATION: what is no longer owed
 *				released from the receivable
 *	plan<p>-refund		LK_REFUND_DUE: the refund owed, credited to
 *				refunds:payable
 *	plan<p>-refund-sent	LK_REFUND_SENT: the refund paid back through
 *				the collector (refunds:payable debited, its
 *				clearing credited; partner_ref = the bank key
 *				"plan<p>-refund")
 *
 * Each returns 0 (posted, or the same entry posted before), -1 error.
 */

#include <stdint.h>

#include "core/calendar.h"
#include "service/ledger.h"

struct db;
struct db_plan;
struct db_plan_inst;

/* The entries of plan_post_start() and plan_post_payment() built without
 * posting them, for a writer of many plans at once (mallpayctl bench-data
 * writes the entries of the plans it generates with
 * ledger_entry_lines()): e's strings point into *b, which must outlive
 * e (bank_key too). */
struct plan_entry_buf {
	char	recv[LEDGER_ACCT_MAX];		/* who owes the schedule */
	char	clearing[LEDGER_ACCT_MAX];	/* where the lender collects */
	char	fees[LEDGER_ACCT_MAX];		/* where its fees are earned */
	char	key[64];
};
void	plan_entry_start(struct ledger_entry *e, const struct db_plan *p,
	    struct plan_entry_buf *b, int64_t principal, int64_t fees,
	    int64_t now);
void	plan_entry_payment(struct ledger_entry *e, const struct db_plan *p,
	    struct plan_entry_buf *b, const char *kind, int64_t amount,
	    const char *bank_key, int64_t now);

int	plan_post_start(struct db *, const struct db_plan *p,
	    int64_t principal, int64_t fees, int64_t now);
/* kind: the plan_payments kind ("down_payment", "payoff", else an
 * installment). */
int	plan_post_payment(struct db *, const struct db_plan *p,
	    const char *kind, int64_t amount, const char *bank_key,
	    int64_t now);
/* Every day's late fee of installment it (still due) from the day after
 * its due date through today. */
int	plan_post_late_fees(struct db *, const struct db_plan *p,
	    const struct db_plan_inst *it, mp_date today, int64_t now);
int	plan_post_waiver(struct db *, const struct db_plan *p, int seq,
	    int64_t amount, int64_t now);
int	plan_post_settlement(struct db *, const struct db_plan *p,
	    int64_t amount, int64_t now);
/* Termination: unpaid principal up, unpaid fees uf, unpaid late fees ul
 * released; refund owed, its principal part first (at most
 * principal_paid, back from the merchant), the rest fees. */
int	plan_post_termination(struct db *, const struct db_plan *p,
	    int64_t up, int64_t uf, int64_t ul, int64_t refund,
	    int64_t principal_paid, int64_t now);

/* The refund of plan p sent through its channel under bank_key. */
int	plan_post_refund_sent(struct db *, const struct db_plan *p,
	    int64_t amount, const char *bank_key, int64_t now);

#endif
