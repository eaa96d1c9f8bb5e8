#ifndef MALLPAY_RULES_APR_H
#define MALLPAY_RULES_APR_H

/*
 * Annual percentage rate by the actuarial method of US Regulation Z,
 * Appendix J, with a unit period of one month: the monthly rate i solves
 *	amount financed = sum over k = 1..n of payment_k / (1 + i)^k
 * and the nominal APR is 12 x i. Computed exactly (integer bisection with
 * big integers, no floating point) and rounded half up to 0.01 percentage
 * point.
 */

#include <stddef.h>
#include <stdint.h>


#include "core/money.h"

struct plan;

/* Most payments apr_compute() accepts. */
#define APR_MAX_PAYMENTS	360

/* Highest APR it can report, in hundredths of a percent (9999.99%). */
#define APR_MAX_BP		999999

/* *bp_out = the APR in hundredths of a percent (2146 is 21.46%) of
 * amount financed `financed` (> 0, minor units) repaid by payments[k-1]
 * (>= 0, same currency) at the end of month k, k = 1..n. Returns -1 when
 * n is outside 1..APR_MAX_PAYMENTS, an input is out of range, the
 * payments add up to less than the amount financed (negative rate), or
 * the APR exceeds APR_MAX_BP. */
int	apr_compute(int64_t financed, const int64_t *payments, int n,
	    int32_t *bp_out);

/* The same as apr_compute by bisection with the exact test alone, about
 * ten times slower: the reference the tests compare apr_compute with. */
int	apr_compute_reference(int64_t financed, const int64_t *payments,
	    int n, int32_t *bp_out);

/* APR of a plan: the amount financed is the principal, the payments are
 * the installments' totals (in upfront mode the whole fee rides on the
 * first one). Returns -1 as apr_compute(). */
int	apr_plan(const struct plan *p, int32_t *bp_out);

/* Write "21.46" for 2146 into out; returns out. */
char	*apr_str(int32_t bp, char *out, size_t outsz);

#endif
