#ifndef MALLPAY_SERVICE_LEDGER_H
#define MALLPAY_SERVICE_LEDGER_H

/*
 * The double-entry ledger (sql/014_ledger.sql, README "The ledger").
 *
 * Every cent that moves is one journal entry: two or more lines, each a
 * signed amount on one account (debit > 0, credit < 0), summing to zero.
 * An entry is written inside the transaction of the state change it
 * belongs to, in ONE statement, and is never updated or deleted: a
 * correction is a reversing entry (ledger_reverse()).
 *
 * Each entry has a key: the idempotency key of its unit of money (the key
 * sent to the partner when a partner moves it, e.g. "plan12-i2" for
 * installment 2 of plan 12). A second entry with the same key is refused;
 * posting the same key with the same lines again is a replay (returns 1,
 * nothing written), with other lines it is a conflict (returns -2).
 *
 * Accounts are named by path, one balance per (account, currency):
 *
 *	buyer:<user id>:receivable	asset	what a shopper owes
 *	buyer:<user id>:credit		liab.	held for a shopper (refundable)
 *	company:<id>:receivable		asset	what a company owes
 *	company:<id>:credit		liab.	held for a company (refundable)
 *	merchant:payable		liab.	the price of goods, owed to the merchant
 *	partner:<id>:clearing		asset	money a partner collected for the mall
 *					   and has not settled yet (bank, finance
 *					   company, courier, post office)
 *	partner:<id>:fees		liab.	fees earned by a lender (installment fees)
 *	platform:cash			asset	the mall's own bank account (corporate
 *					   transfers in, company credit paid out)
 *	platform:fee_income		income	COD fees, late fees, refusal charges
 *	platform:guarantee		asset	the Pay After Use guarantee fund
 *	refunds:payable			liab.	refunds due to buyers, until sent
 *
 * Use the ledger_acct_*() builders, never hand-formatted names.
 *
 * Partner ids (<id> above and ledger_entry.partner) are those of the
 * partners' own books, gateway/books.h: PARTNER_BANK "bank" for money the
 * bank gateway moved (partner_ref = the idempotency key sent to it),
 * "logistics-<partner id>" for COD collections (partner_ref = the
 * courier's record id), PARTNER_POST_OFFICE "post-office" for remittance
 * receipts (partner_ref = the order's remittance code, which its statement
 * lines quote), PARTNER_FINANCE "finance":
 * reconciliation (service/recon.h) matches on exactly these.
 */

#include <stddef.h>
#include <stdint.h>

struct db;
struct db_ledger_line;

/* What an entry records (stored as its name: ledger_kind_name()). */
enum ledger_kind {
	LK_PLAN_START = 0,	/* plan in effect: buyer owes the schedule */
	LK_DOWN_PAYMENT,	/* first installment / corporate down payment */
	LK_INSTALLMENT,		/* an installment deducted or repaid */
	LK_PAYOFF,		/* early repayment of what is left */
	LK_FEE_WAIVER,		/* fees a payoff or a termination waives */
	LK_LATE_FEE,		/* a day's late fee accrued (INST-F1) */
	LK_LENDER_SETTLEMENT,	/* the lender pays the merchant (INST-CL) */
	LK_PLAN_TERMINATION,	/* a plan cancelled: what was owed released */
	LK_TRANSFER,		/* a bank transfer recorded (corporate) */
	LK_COD_COLLECTION,	/* the courier collected cash at delivery */
	LK_COD_FEE,		/* the COD service fee */
	LK_REFUSAL_CHARGE,	/* a refused COD parcel's charge (COD-P6) */
	LK_REMITTANCE_RECEIPT,	/* a remittance credited to the payee account */
	LK_REMITTANCE_EXCESS,	/* what a remittance paid over the amount due */
	LK_REFUND_DUE,		/* a refund owed to a buyer */
	LK_REFUND_SENT,		/* a refund paid out */
	LK_PAU_CHARGE,		/* Pay After Use: the bound card charged */
	LK_GUARANTEE_PAYOUT,	/* PAU-04: the fund pays the merchant */
	LK_GUARANTEE_RECOVERY,	/* PAU-04: the buyer's debt recovered */
	LK_SALE,		/* an order's price owed to the merchant */
	LK_REVERSAL,		/* reverses another entry */
	LK_DEBT_PAYMENT,	/* a COD refusal debt paid by card (COD-F2) */
	LK_CREDIT_PAYOUT,	/* a company's credit paid out to its bank */
	LK__MAX
};

/* The stored name of k ("plan_start", ...), NULL when out of range. */
const char *ledger_kind_name(enum ledger_kind k);

/* Account names (into out, outsz >= LEDGER_ACCT_MAX). Each returns out. */
#define LEDGER_ACCT_MAX	64
char	*ledger_acct_buyer_receivable(char *out, size_t outsz, int64_t uid);
char	*ledger_acct_buyer_credit(char *out, size_t outsz, int64_t uid);
char	*ledger_acct_company_receivable(char *out, size_t outsz, int64_t cid);
char	*ledger_acct_company_credit(char *out, size_t outsz, int64_t cid);
char	*ledger_acct_partner_clearing(char *out, size_t outsz,
	    const char *partner);
char	*ledger_acct_partner_fees(char *out, size_t outsz, const char *partner);
#define LEDGER_MERCHANT_PAYABLE	"merchant:payable"
#define LEDGER_PLATFORM_CASH	"platform:cash"
#define LEDGER_FEE_INCOME	"platform:fee_income"
#define LEDGER_GUARANTEE	"platform:guarantee"
#define LEDGER_REFUNDS_PAYABLE	"refunds:payable"

/* One movement: amount (> 0 minor units) from credit's balance to
 * debit's (debit gets +amount, credit -amount). */
struct ledger_move {
	const char	*debit;
	const char	*credit;
	int64_t		 amount;
};

#define LEDGER_MAX_MOVES	4

/* One journal entry. Zero ids mean "none". */
struct ledger_entry {
	enum ledger_kind	 kind;
	const char		*key;		/* unit of money, <= 96 bytes */
	const char		*currency;	/* "USD" */
	int64_t			 order_id;
	int64_t			 plan_id;
	const char		*ref_type;	/* "voucher", "cod", "refund",
						   "statement_line", ... or NULL */
	int64_t			 ref_id;
	const char		*partner;	/* partner id, NULL none */
	const char		*partner_ref;	/* the partner's reference (the key
						   sent to it, tracking number,
						   remittance code), NULL none */
	const char		*memo;		/* NULL: "" */
	int64_t			 at;		/* unix seconds */
	struct ledger_move	 moves[LEDGER_MAX_MOVES];
	size_t			 nmoves;
};

/* Write entry e inside the caller's transaction, as one statement.
 * Moves with amount 0 are skipped (an entry with none is not written:
 * returns 0). Returns 0 posted, 1 the same key was posted before with the
 * same lines (nothing written), -2 the key was posted with other lines
 * (nothing written, logged), -1 bad entry (negative amount, no key, an
 * account name too long) or database error. */
int	ledger_post(struct db *, const struct ledger_entry *e);

/* The lines ledger_post() writes for e (two a move, amount 0 skipped,
 * numbered from 0) into l[] (DB_LEDGER_MAX_LINES of db/ledger.h); *n gets
 * how many. For a writer of many entries at once (mallpayctl bench-data:
 * db_ledger_insert_lines). Returns 0, or -1 when e is malformed. */
int	ledger_entry_lines(const struct ledger_entry *e,
	    struct db_ledger_line *l, size_t *n);

/* Reverse every line of the entry keyed key, as a new entry keyed
 * "rev:<key>" of kind LK_REVERSAL at at, inside the caller's transaction.
 * Returns 0, 1 already reversed, -1 no such entry or error. */
int	ledger_reverse(struct db *, const char *key, const char *memo,
	    int64_t at);

/* The balance of account in currency (debits minus credits), into *out.
 * Returns 0 or -1. */
int	ledger_balance(struct db *, const char *account, const char *currency,
	    int64_t *out);

#endif
