#ifndef MALLPAY_SERVICE_PAY_FAILURE_H
#define MALLPAY_SERVICE_PAY_FAILURE_H

/*
 * A failed payment explained: what the bank answered, in words, and the
 * payment of an order that failed and is still to be made (the down
 * payment of a card installment, an automatic installment deduction, a
 * Pay After Use charge), so that the order's pages can say what happened
 * and offer what to do next.
 */

#include <stddef.h>
#include <stdint.h>

struct db;
struct db_order;

/* What the bank's answer reason ("insufficient funds", "card expired",
 * "" when it could not be reached...) means, as a sentence for the
 * shopper ("Your bank declined it for insufficient funds."), in the
 * thread's language. Pure. */
const char *pay_failure_words(const char *reason);

enum pay_failure_kind {
	PAY_FAILURE_NONE,
	PAY_FAILURE_DOWN,	/* card installment's down payment declined */
	PAY_FAILURE_DEDUCTION,	/* an automatic deduction failed, still due */
	PAY_FAILURE_PAU		/* a Pay After Use charge failed, still open */
};

/* The failed payment an order still waits for. */
struct pay_failure {
	enum pay_failure_kind	 kind;
	int			 seq;		/* the installment (DEDUCTION) */
	int			 tries;		/* failed attempts at it */
	int64_t			 amount;	/* minor units still to pay */
	char			 currency[4];
	char			 reason[256];	/* the bank's last answer */
	int64_t			 at;		/* the last failed attempt */
	char			 card_brand[17];
	char			 card_last4[5];
};

/* The failed payment order o still waits for into *out (kind NONE when
 * there is none: nothing failed, or it was paid since, or the order moved
 * on). Reads only. Returns 0 or -1. */
int	pay_failure_load(struct db *, const struct db_order *o,
	    struct pay_failure *out);

#endif
