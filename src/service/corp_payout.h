#ifndef MALLPAY_SERVICE_CORP_PAYOUT_H
#define MALLPAY_SERVICE_CORP_PAYOUT_H

/*
 * A company's credit paid out (refunded) to its bank account by an admin.
 *
 * The excess of a company's bank transfers is its credit, ledger account
 * company:<id>:credit (service/corp_transfer.h), refundable. An admin
 * sends it back to the company's bank account from the mall's own account
 * (the one the transfers came into, platform:cash) and records the payout
 * here with the account and the bank's reference of the outgoing transfer:
 *
 * - one transaction: the company's row is locked (SELECT ... FOR UPDATE)
 *   and the credit's balance read from the ledger under that lock, so two
 *   payouts at once are decided one after the other and never pay out
 *   more than it holds;
 * - an amount of zero or less, or above the credit held in its currency,
 *   is refused with the reason, beside the amount;
 * - the idempotency key identifies the request: the same key with the same
 *   figures answers the first result, with other figures it is refused
 *   (RES_KEY_CONFLICT, 409) saying what it was used for;
 * - the ledger's entry (LK_CREDIT_PAYOUT keyed "corp-payout-<id>": the
 *   company's credit debited, platform:cash credited, the bank's
 *   reference as partner_ref), the payout row and the audit trail's entry
 *   are written together.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/money_out.h"
#include "service/company.h"

struct db;

/* What an admin asks to pay out. */
struct corp_payout_req {
	int64_t		 amount;	/* minor units of currency */
	const char	*currency;
	const char	*account;	/* the company's bank account */
	const char	*reference;	/* the bank's reference of the payout */
	const char	*key;		/* the request's idempotency key */
};

/* The credit company_id holds, per currency (only non-zero), into *out
 * (free()). 0 or -1. */
int	corp_credit_held(struct db *, int64_t company_id,
	    struct db_acct_balance **out, size_t *n);

/* The name of company_id into name (namesz bytes). 1, 0 none, -1. */
int	corp_payout_company(struct db *, int64_t company_id, char *name,
	    size_t namesz);

/* The last payouts of company_id, newest first, at most limit, into *out
 * (free()). 0 or -1. */
int	corp_payouts_of(struct db *, int64_t company_id, size_t limit,
	    struct db_payout **out, size_t *n);

/* Pay out r from company_id's credit by admin_id at now. msg gets what
 * was done or why not; *field the form field a refusal is about
 * ("amount", "account", "reference"; NULL: the form as a whole). Returns
 * RES_OK (also a replay of the same key and figures), RES_INVALID,
 * RES_KEY_CONFLICT, RES_NOT_FOUND (no such company), RES_ERROR. */
enum result corp_credit_payout(struct db *, int64_t admin_id,
	    int64_t company_id, const struct corp_payout_req *r, int64_t now,
	    char *msg, size_t msgsz, const char **field);

#endif
