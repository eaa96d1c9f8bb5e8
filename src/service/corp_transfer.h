#ifndef MALLPAY_SERVICE_CORP_TRANSFER_H
#define MALLPAY_SERVICE_CORP_TRANSFER_H

/*
 * Corporate repayments by bank transfer (RULES INST-P3: "corporate
 * repayments are bank transfers that an admin records"; INST-CORP).
 *
 * The company transfers to the mall's payee account (settings
 * corp_payee_name, corp_payee_bank, corp_payee_account, editable by admins)
 * quoting the order's reference (corp_payment_reference()). An admin, or
 * a bank statement line quoting that reference, records each transfer:
 *
 * - it is allocated to the plan's installments oldest first, each
 *   installment's principal + fee + late fee less what was already paid
 *   of it; a transfer that does not cover an installment pays it in part
 *   (the schedule shows what remains of it);
 * - what is left after every installment is the company's credit
 *   (ledger account company:<id>:credit, refundable);
 * - an amount of zero or less is refused; so is one above
 *   CORP_TRANSFER_CAP_FACTOR times what is still due on the plan (a
 *   typing error such as an extra zero; a genuine overpayment that large
 *   is returned to the company, not held); so is any amount when nothing
 *   is due;
 * - the idempotency key identifies the request: the same key with the
 *   same figures (application, amount, reference, installment number if
 *   one was sent) answers the first result again, with other figures it
 *   is refused (RES_KEY_CONFLICT, 409) saying what the key was used for.
 *
 * Each transfer is one transaction: the application and then the plan
 * are locked (SELECT ... FOR UPDATE) and re-read before anything is
 * decided, so two transfers recorded at once are allocated one after the
 * other, never twice to the same money.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/corp_transfer.h"
#include "service/company.h"

struct db;

/* More than this many times what is due is refused as a typing error. */
#define CORP_TRANSFER_CAP_FACTOR	2
/* Installments one allocation can list (INST-CORP terms are 3-6). */
#define CORP_ALLOC_MAX			12

/* One installment a transfer paid (in full or in part). */
struct corp_alloc_line {
	int	 seq;
	int64_t	 amount;
	int	 settled;		/* the installment is now paid */
	int64_t	 remaining;		/* still due of it afterwards */
};

/* What a recorded transfer did. */
struct corp_transfer_result {
	int64_t			 transfer_id;
	int64_t			 amount, allocated, excess;
	char			 currency[4];
	struct corp_alloc_line	 lines[CORP_ALLOC_MAX];
	size_t			 nlines;
	int			 replay;	/* the key's first answer */
};

/* The mall's payee account for corporate transfers (settings). */
struct corp_payee {
	char	name[256];
	char	bank[256];
	char	account[256];
};

/* Read the payee account into *out ("" for a setting not there). 0 or
 * -1. */
int	corp_payee_get(struct db *, struct corp_payee *out);

/* The reference a company quotes on its transfers for order_id
 * ("MP-CORP-<order id>") into out. */
void	corp_payment_reference(int64_t order_id, char *out, size_t outsz);

/* Record a transfer of amount (minor units of the order's currency) with
 * bank reference ref on application id's plan, by admin_id (0: a bank
 * statement line, source "statement"), under idempotency key key; seq is
 * the installment number a client sent (0: none; it is part of the key's
 * figures, the allocation is always oldest first). *res gets the
 * allocation (also for a replay). msg gets the reason of a refusal or the
 * summary of the allocation. Returns RES_OK, RES_INVALID (amount, ref,
 * key: msg), RES_NOT_ALLOWED (not in effect, nothing due), RES_KEY_CONFLICT (key
 * used with other figures), RES_NOT_FOUND, RES_ERROR. */
enum result corp_record_transfer(struct db *, int64_t admin_id,
	    int64_t id, int seq, int64_t amount, const char *ref,
	    const char *key, int64_t now, struct corp_transfer_result *res,
	    char *msg, size_t msgsz);

/* Inside the caller's transaction, when the down payment of application
 * *a is recorded (plan_start() has put the amount financed and the fees
 * on company:<id>:receivable as the plan's start): the down payment owed
 * (LK_PLAN_START keyed "corp<application>-start": the company's
 * receivable debited, merchant:payable credited) and received
 * (LK_DOWN_PAYMENT keyed "corp<application>-down": platform:cash
 * debited, the receivable credited), down each. 0, or -1 (also a key
 * posted with other lines). */
struct db_corp_app;
int	corp_ledger_effect(struct db *, const struct db_corp_app *a,
	    int64_t down, const char *ref, int64_t now);

/* The transfers recorded on plan_id, oldest first, into *x (free()), and
 * their allocation lines into *al (free()). 0 or -1 (nothing to free). */
int	corp_transfers_of(struct db *, int64_t plan_id,
	    struct db_corp_xfer **x, size_t *nx, struct db_corp_alloc **al,
	    size_t *na);

/* The one-line summary of r ("USD 200.00: installment 1 USD 178.26
 * (paid), installment 2 USD 21.74 (USD 156.52 remains); credit USD 0.00")
 * into out, in the thread's language. */
void	corp_transfer_summary(const struct corp_transfer_result *r, char *out,
	    size_t outsz);

#endif
