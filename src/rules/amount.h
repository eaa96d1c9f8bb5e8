#ifndef MALLPAY_RULES_AMOUNT_H
#define MALLPAY_RULES_AMOUNT_H

/*
 * The amount to pay (RULES C-03) and its USD equivalent (C-02): every
 * eligibility rule that compares the order with a USD threshold uses these
 * two figures, never the list price.
 */

#include <stddef.h>

#include "core/money.h"
#include "rules/facts.h"
#include "rules/verdict.h"

struct pay_amount {
	struct money	 amount;		/* order currency */
	struct money	 amount_usd;		/* C-02, half away from zero */
};

/* C-03: *out = items total - coupons - points, never below zero, in the
 * order currency. Returns -1 with a message in err (errsz bytes) when the
 * figures are of another currency than the order or the sum overflows. */
int	amount_to_pay(const struct facts *f, struct money *out, char *err,
	    size_t errsz);

/* C-02 + C-03: fill *out with the amount to pay and its USD equivalent at
 * the order's usd_per_unit rate. Returns -1 with a message in err. */
int	amount_compute(const struct facts *f, struct pay_amount *out,
	    char *err, size_t errsz);

/* amount_compute() for a rule: on success store the figures in v
 * (has_amount) and return 0; on failure add a "C-03" (amount) or "C-02"
 * (conversion) reason to v and return -1, so the method is refused with
 * a reason instead of silently passing. */
int	amount_for_verdict(const struct facts *f, struct verdict *v,
	    struct pay_amount *out);

/* Describe the amount to pay for a message: "USD 420.00", or
 * "USD 576.00 (EUR 535.00)" when the order is in another currency.
 * out needs 2 * MONEY_STR_MAX bytes; returns out. */
const char *amount_describe(const struct pay_amount *a, char *out,
	    size_t outsz);

/* The smaller of two amounts of one currency (a on a mismatch). */
struct money amount_min(const struct money *a, const struct money *b);

/* 1 if a > b (same currency; 0 on a mismatch), 1 if a < b for _lt. */
int	amount_gt(const struct money *a, const struct money *b);
int	amount_lt(const struct money *a, const struct money *b);

#endif
