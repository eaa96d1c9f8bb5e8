#ifndef MALLPAY_SERVICE_PAYAFTER_INT_H
#define MALLPAY_SERVICE_PAYAFTER_INT_H

/*
 * Pay After Use: what the payafter*.c files share and no other code uses
 * (the public interface is payafter.h).
 */

#include <stddef.h>
#include <stdint.h>

#include "gateway/bank.h"
#include "service/orderflow.h"

struct db;
struct db_pau_card;
struct db_pau_charge;

/* The bank gateway in use (the sandbox is the only one today). */
static inline const struct bank_gateway *
payafter_bank(void)
{
	return bank_gateway_get("sandbox");
}

/* Decrypt card's token into out (outsz > token length). 0 or -1. */
int	payafter_token_open(struct db *db, const struct db_pau_card *card,
    char *out, size_t outsz);

/* One deduction of amount (c's currency) for c's order from user's bound
 * card with the key of attempt c->attempts + 1; updates c's attempt
 * counters, reason, reference and card (not its status). *ok gets 1 when
 * the bank charged. Returns 0, or -1 (database). */
int	payafter_deduct(struct db *db, struct db_pau_charge *c, int64_t amount,
    int64_t now, int per_day, int *ok);

/* Mark c paid with amount (its price + late fee) at now. */
void	payafter_mark_paid(struct db_pau_charge *c, int64_t amount,
    int64_t now);

/* Display amount (minor of cur) into b. */
const char *payafter_amt(int64_t minor, const char *cur, char *b,
    size_t bsz);

/* After a successful deduction of an OPEN debt c (total): the guarantee
 * is recovered, the event and the shopper's message. 0 or -1. */
int	payafter_debt_paid(struct db *db, const struct db_pau_charge *c,
    int64_t total, int64_t usd, enum of_actor actor, int64_t actor_id,
    int64_t now);

/* The USD equivalent frozen on order_id (for the guarantee ledger), 0
 * when unknown. */
int64_t	payafter_order_usd(struct db *db, int64_t order_id);

#endif /* MALLPAY_SERVICE_PAYAFTER_INT_H */
