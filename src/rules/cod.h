#ifndef MALLPAY_RULES_COD_H
#define MALLPAY_RULES_COD_H

/*
 * Cash on delivery (RULES section 2): eligibility COD-01..COD-08, the
 * service fee COD-F1, the refusal suspension COD-F2 and revocation
 * COD-F3. Pure: reads only *f.
 */

#include <stddef.h>

#include "core/calendar.h"
#include "core/money.h"
#include "rules/facts.h"
#include "rules/verdict.h"

/* Check every COD rule and write the verdict into *out (initialised
 * here: method PM_COD, the amount figures, the buyer's COD limit in
 * limit_usd, the COD-F1 fee when it can be computed, the COD-F2
 * suspension end in until). Never fails. */
void	cod_check(const struct facts *f, struct verdict *out);

/* COD-F1: *out = amount x the fee rate of the order's region (the
 * default 4% when the region is not listed), rounded half away from zero
 * in amount's currency. Returns -1 on overflow. */
int	cod_fee(const struct facts *f, const struct money *amount,
	    struct money *out);

/* COD-F1: the fee rate of the order's region, or the default when the
 * region is not listed (a fraction: 4% is 4/100). Owned by *f. */
const struct money_rate *cod_fee_rate(const struct facts *f);

/* COD-F2: the end of the suspension caused by unreasonable refusals.
 * Refusals dated after now are ignored; of the rest, sorted, every
 * per-th one (3rd, 6th, ...) suspends COD for `months` months from its
 * date. *until gets the latest such end (the first day COD is back).
 * Returns 1 if COD is suspended on now (now < *until), else 0 (then
 * *until is the latest end in the past, or untouched if none). refusals
 * need not be sorted; n may be 0. */
int	cod_refusal_suspension(const mp_date *refusals, size_t n, mp_date now,
	    int64_t per, int32_t months, mp_date *until);

/* COD-F2 for the buyer of f: the refusal suspension above, or a
 * suspension already on record (cod.suspended_until), whichever lasts
 * longer. Returns 1 and sets *until if suspended on f->now, else 0. */
int	cod_suspended(const struct facts *f, mp_date *until);

/* COD-07: the buyer's COD limit on the ladder: USD 500 until MORE than
 * 5 completed COD orders with no violation, then USD 2,000. */
struct money cod_ladder_limit(const struct facts *f);

#endif
