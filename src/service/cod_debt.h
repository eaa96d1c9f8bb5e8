#ifndef MALLPAY_SERVICE_COD_DEBT_H
#define MALLPAY_SERVICE_COD_DEBT_H

/*
 * Paying a COD refusal debt (RULES COD-F2: the round-trip shipping and the
 * service fee of a parcel refused without a valid reason are charged to
 * the account; service/cod_refusal.c records them in account_debts and on the
 * ledger as the buyer's receivable). The shopper pays an open debt by card
 * from the account's cash on delivery page.
 *
 * One transaction: the debt row is locked (SELECT ... FOR UPDATE) and read
 * again before anything is decided or the bank is asked; a settled debt is
 * refused (or, paid by this very request key, answered as the first time);
 * the bank charges it under ONE key per debt ("coddebt-<id>"), so two
 * payments at once, or a retry after a failure, charge it once; the
 * ledger's entry (LK_DEBT_PAYMENT keyed by that bank key: the bank's
 * clearing debited, the buyer's receivable credited, partner "bank" with
 * the key as its reference) and the settlement are written in the same
 * transaction.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/money_out.h"

struct db;

enum cod_debt_result {
	CD_OK = 0,	/* paid (or paid before by the same request key) */
	CD_REFUSED,	/* the card, the key or the bank said no: msg; nothing
			   was charged */
	CD_SETTLED,	/* paid before by another request: msg says when */
	CD_NOT_FOUND,	/* no such debt of this shopper */
	CD_ERROR	/* database or bank failure: msg */
};

/* The card the shopper entered (read once, never kept). */
struct cod_debt_card {
	const char	*pan;
	size_t		 len;
	const char	*expiry;	/* "MM/YY" */
	const char	*cvv;
};

/* user_id pays their debt debt_id by card under request key key (<= 64
 * [A-Za-z0-9_-]) at now. msg gets what happened in words. */
enum cod_debt_result cod_debt_pay(struct db *, int64_t user_id,
	    int64_t debt_id, const struct cod_debt_card *card,
	    const char *key, int64_t now, char *msg, size_t msgsz);

/* user_id's debt debt_id into *out (another's is none). 1, 0 none, -1. */
int	cod_debt_get(struct db *, int64_t user_id, int64_t debt_id,
	    struct db_debt_row *out);

#endif
