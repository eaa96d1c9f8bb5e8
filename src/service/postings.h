#ifndef MALLPAY_SERVICE_POSTINGS_H
#define MALLPAY_SERVICE_POSTINGS_H

/*
 * The ledger entries (service/ledger.h) of cash on delivery, the post
 * office remittance, refunds and Pay After Use. Each function posts inside
 * the caller's transaction, in the same transaction as the state change it
 * records, and returns 0 (posted, or the same entry posted before: a
 * replay), or -1 (a database error, or the key posted with other lines:
 * roll back). Amounts are minor units of the order's currency.
 *
 * Keys (one per unit of money) and entries, debit / credit:
 *   sale-<order>		LK_SALE: buyer receivable / merchant:payable
 *   cod-fee-<order>		LK_COD_FEE: buyer receivable / fee_income
 *   cod-<order>		LK_COD_COLLECTION: partner:logistics-<id>:
 *				clearing / buyer receivable (partner_ref: the
 *				courier's payment record)
 *   refusal-<order>		LK_REFUSAL_CHARGE: buyer receivable /
 *				fee_income (COD-F2: round trip + COD fee)
 *   rem-<voucher>		LK_REMITTANCE_RECEIPT: partner:post-office:
 *				clearing / buyer receivable (partner
 *				post-office, partner_ref the order's
 *				remittance code, which the post office's
 *				statement lines quote: reconciliation matches
 *				them, a voucher approved before its line
 *				arrives is in transit)
 *   rem-excess-<order>		LK_REMITTANCE_EXCESS: buyer receivable / buyer
 *				credit (REM-P7: paid more than due)
 *   refund-<order>-<kind>	LK_REFUND_DUE: buyer credit (excess), buyer
 *				receivable (cancel: money received before the
 *				cancellation) or merchant:payable (return:
 *				COD-P7, a charged Pay After Use order) /
 *				refunds:payable
 *   refund-sent-<order>-<kind>	LK_REFUND_SENT: refunds:payable /
 *				platform:cash
 *   pau-<order>-<attempt>	LK_PAU_CHARGE: partner:bank:clearing / buyer
 *				receivable (partner bank, partner_ref the
 *				bank key, which is the entry's key)
 *   pau-late-<order>		LK_LATE_FEE: buyer receivable / fee_income
 *				(PAU-04 late fee, posted when it is paid)
 *   guarantee-<order>		LK_GUARANTEE_PAYOUT: merchant:payable /
 *				platform:guarantee (PAU-04)
 *   guarantee-rec-<order>	LK_GUARANTEE_RECOVERY: platform:guarantee /
 *				partner:bank:clearing (the debt paid)
 */

#include <stddef.h>
#include <stdint.h>

struct db;
struct db_order;
struct db_pau_charge;

/* Partner ids of the ledger (partner, partner:<id>:clearing). */
#define POST_PARTNER_POST_OFFICE	"post-office"
#define POST_PARTNER_BANK		"bank"

/* The ledger's partner id of logistics partner pid ("logistics-<pid>")
 * into out (outsz >= 32). Returns out. */
char	*post_partner_logistics(char *out, size_t outsz, int64_t pid);

/* LK_SALE: amount of order o owed to the merchant. */
int	post_sale(struct db *, const struct db_order *o, int64_t amount,
	    int64_t now);

/* The sale of order o reversed ("rev:sale-<order>"): a paid order
 * cancelled before shipment owes the merchant nothing. */
int	post_sale_cancel(struct db *, const struct db_order *o, int64_t now);

/* COD-P3: the courier of logistics partner pid collected amount (the
 * amount due plus the COD-F1 fee) under its record record_id: the sale,
 * the fee and the collection. */
int	post_cod_collected(struct db *, const struct db_order *o, int64_t pid,
	    const char *record_id, int64_t amount, int64_t now);

/* COD-F2: the refusal charge (round trip shipping and the COD fee). */
int	post_refusal_charge(struct db *, const struct db_order *o,
	    int64_t amount, int64_t now);

/* REM-P5/P7: amount received for order o, voucher (or statement row) vid;
 * partner_ref: the order's remittance code. */
int	post_rem_receipt(struct db *, const struct db_order *o, int64_t vid,
	    const char *partner_ref, int64_t amount, int64_t now);

/* REM-P7: excess paid over the amount due, to the buyer's credit. */
int	post_rem_excess(struct db *, const struct db_order *o, int64_t excess,
	    int64_t now);

/* A refund of kind ("excess", "cancel", "return") of amount is due to the
 * buyer of o (see the table above for the account it comes from). */
int	post_refund_due(struct db *, const struct db_order *o,
	    const char *kind, int64_t amount, int64_t now);

/* The refund of kind was sent (partner, partner_ref: who sent it and its
 * reference, NULL none). */
int	post_refund_sent(struct db *, const struct db_order *o,
	    const char *kind, int64_t amount, const char *partner,
	    const char *partner_ref, int64_t now);

/* PAU-03/04: the bank charged amount (c's price plus late_fee) of c's
 * buyer under bank key key. */
int	post_pau_charge(struct db *, const struct db_pau_charge *c,
	    const char *key, int64_t amount, int64_t late_fee, int64_t now);

/* PAU-04: the guarantee paid the merchant c's price (recovery 0), or was
 * refilled from the buyer's payment (recovery 1). */
int	post_guarantee(struct db *, const struct db_pau_charge *c,
	    int recovery, int64_t now);

#endif
