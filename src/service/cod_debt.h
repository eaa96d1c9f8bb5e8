#ifndef MALLPAY_SERVICE_COD_DEBT_H
#define MALLPAY_SERVICE_COD_DEBT_H

/*
 * Paying a COD refusal debt (RULES COD-F2: the round-trip shipping and the
 * service fee of a parcel refused without a valid reason are charged to
 * the account; service/cod_refusal.c records them in account_debts and on the
 * ledger as the buyer's receivable). The shopper pays an open debt by card
 * from the account's cash on delivery page: the card is typed on the
 * bank's hosted page (service/card_session.h), never on the mall's, and
 * the bank's approved outcome brings the card's token.
 *
 * One transaction, when the outcome arrives: the debt row is locked
 * (SELECT ... FOR UPDATE) and read again before anything is decided or the
 * bank is asked; a settled debt is not charged again; the bank charges it
 * by the token under ONE key per debt ("coddebt-<id>"), so two payments at
 * once, or a retry after a failure, charge it once; the ledger's entry
 * (LK_DEBT_PAYMENT keyed by that bank key: the bank's clearing debited,
 * the buyer's receivable credited, partner "bank" with the key as its
 * reference) and the settlement are written in the same transaction.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/result.h"

#include "db/money_out.h"

struct db;

struct bank_outcome;

/* Inside the caller's transaction: the bank's outcome *out of the card
 * session key ("cs-<id>") for user_id's debt debt_id at now. Approved: the
 * debt, locked and read again, is charged by the outcome's token and
 * settled (RES_OK), or was settled already (RES_DECIDED, nothing charged);
 * declined by the bank at its page or at the charge: RES_REFUSED, msg the
 * bank's reason alone (nothing was charged). Otherwise msg gets what
 * happened in words. */
enum result cod_debt_record(struct db *, int64_t user_id,
	    int64_t debt_id, const struct bank_outcome *out, const char *key,
	    int64_t now, char *msg, size_t msgsz);

/* user_id's debt debt_id into *out (another's is none). 1, 0 none, -1. */
int	cod_debt_get(struct db *, int64_t user_id, int64_t debt_id,
	    struct db_debt_row *out);

#endif
