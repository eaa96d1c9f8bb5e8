/*
 * APR by the actuarial method (US Regulation Z, Appendix J), unit period
 * one month, nominal APR = 12 x monthly rate.
 *
 * Exactness: the APR is searched in steps of 0.005 percentage point
 * (half a hundredth). With t such steps the monthly rate is
 * i = t / 240000 = a / b. The present value test
 *	sum_k P_k / (1 + i)^k >= A
 * multiplied by (b + a)^n b^0 becomes the integer comparison
 *	sum_k P_k (b + a)^(n - k) b^k >= A (b + a)^n
 * which is evaluated with small unsigned big integers. The present value
 * falls as t grows, so bisection finds the largest t passing the test;
 * the root lies in [t, t + 1) half-hundredths and rounds half up to
 * (t + 1) / 2 hundredths of a percent, exactly.
 */

#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "rules/apr.h"
#include "rules/plan.h"

/* b: one step of t is 0.005% a year = 0.00005 / 12 a month. */
#define APR_STEP_DEN	240000u

/* Largest t searched: APR_MAX_BP hundredths of a percent, plus one. */
#define APR_T_MAX	((uint32_t)APR_MAX_BP * 2 + 1)

/* Limbs of a big number: (b + a) < 2^22, so n <= 360 payments need at
 * most 22 * 360 + 64 + 64 bits. */
#define BN_LIMBS	((22 * APR_MAX_PAYMENTS + 128) / 32 + 2)

/* A non-negative big integer, little-endian 32-bit limbs. */
struct bn {
	uint32_t	d[BN_LIMBS];
	int		n;	/* limbs in use; 0 is the number zero */
};

/* x = v. */
static void
bn_set(struct bn *x, uint64_t v)
{
	x->n = 0;
	while (v != 0) {
		x->d[x->n++] = (uint32_t)v;
		v >>= 32;
	}
}

/* x *= m. Returns -1 if the result would not fit. */
static int
bn_mul_u64(struct bn *x, uint64_t m)
{
	unsigned __int128 carry = 0, t;
	int i;

	if (m == 0) {
		x->n = 0;
		return 0;
	}
	for (i = 0; i < x->n; i++) {
		t = (unsigned __int128)x->d[i] * m + carry;
		x->d[i] = (uint32_t)t;
		carry = t >> 32;
	}
	while (carry != 0) {
		if (x->n == BN_LIMBS)
			return -1;
		x->d[x->n++] = (uint32_t)carry;
		carry >>= 32;
	}
	return 0;
}

/* x += y. Returns -1 if the result would not fit. */
static int
bn_add(struct bn *x, const struct bn *y)
{
	uint64_t carry = 0, t;
	int i, n = x->n > y->n ? x->n : y->n;

	for (i = 0; i < n; i++) {
		t = carry + (i < x->n ? x->d[i] : 0) +
		    (i < y->n ? y->d[i] : 0);
		x->d[i] = (uint32_t)t;
		carry = t >> 32;
	}
	x->n = n;
	if (carry != 0) {
		if (x->n == BN_LIMBS)
			return -1;
		x->d[x->n++] = (uint32_t)carry;
	}
	return 0;
}

/* -1, 0 or 1 as x <, ==, > y. */
static int
bn_cmp(const struct bn *x, const struct bn *y)
{
	int i;

	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	for (i = x->n - 1; i >= 0; i--)
		if (x->d[i] != y->d[i])
			return x->d[i] < y->d[i] ? -1 : 1;
	return 0;
}

/* Does the present value at step t reach the amount financed?
 * Returns 1 (PV >= A), 0 (PV < A) or -1 on big-number overflow. */
static int
pv_reaches(uint64_t financed, const int64_t *pay, int n, uint32_t t)
{
	struct bn sum, bpow, term, lhs;
	uint64_t b = APR_STEP_DEN, c = APR_STEP_DEN + (uint64_t)t;
	int k;

	/* Horner: S_k = S_{k-1} c + P_k b^k; lhs = A c^n. */
	bn_set(&sum, 0);
	bn_set(&bpow, 1);
	bn_set(&lhs, financed);
	for (k = 1; k <= n; k++) {
		if (bn_mul_u64(&sum, c) == -1 || bn_mul_u64(&bpow, b) == -1 ||
		    bn_mul_u64(&lhs, c) == -1)
			return -1;
		term = bpow;
		if (bn_mul_u64(&term, (uint64_t)pay[k - 1]) == -1 ||
		    bn_add(&sum, &term) == -1)
			return -1;
	}
	return bn_cmp(&sum, &lhs) >= 0;
}

/* pv_reaches in 62-bit fixed point: the discount factor b / (b + t) and
 * its powers are truncated to multiples of 2^-62, so the answer can be
 * wrong only when the present value is within about n * 2^-62 of the
 * amount financed. Used to find the root's neighbourhood cheaply; the
 * exact test decides. Amounts are int64 minor units below 2^63 and n is
 * at most APR_MAX_PAYMENTS, so no product or sum overflows 128 bits... */
static int
pv_reaches_approx(uint64_t financed, const int64_t *pay, int n, uint32_t t)
{
	const unsigned __int128 one = (unsigned __int128)1 << 62;
	unsigned __int128 v, pw = one, sum = 0, term;
	int k;

	v = ((unsigned __int128)APR_STEP_DEN << 62) /
	    (APR_STEP_DEN + (uint64_t)t);
	for (k = 0; k < n; k++) {
		pw = (pw * v) >> 62;
		/* ...except a payment of 2^64 or more times pw, which
		 * alone reaches any amount financed below 2^63. */
		term = (unsigned __int128)(uint64_t)pay[k];
		if (term != 0 && pw > (~(unsigned __int128)0 - sum) / term)
			return 1;
		sum += term * pw;
	}
	return sum >= (unsigned __int128)financed * one;
}

/* The largest t in [0, hi) whose present value reaches the amount
 * financed, given that t = 0 reaches. Returns -1 when hi reaches too (the
 * rate is too high to report) or on overflow. With hint, the fixed-point
 * test bisects and the exact test walks from its answer to the true
 * boundary (two exact evaluations in practice; hi itself only when the
 * walk gets there); without, the exact test checks hi and bisects alone
 * (the reference). */
static int
apr_search(uint64_t financed, const int64_t *pay, int n, uint32_t hi,
    int hint, uint32_t *t_out)
{
	uint32_t lo = 0, mid;
	int r;

	if (!hint) {
		if (pv_reaches(financed, pay, n, hi) != 0)
			return -1;
		while (hi - lo > 1) {
			mid = lo + (hi - lo) / 2;
			if ((r = pv_reaches(financed, pay, n, mid)) == -1)
				return -1;
			if (r)
				lo = mid;
			else
				hi = mid;
		}
		*t_out = lo;
		return 0;
	}
	{
		uint32_t ahi = hi;

		while (ahi - lo > 1) {
			mid = lo + (ahi - lo) / 2;
			if (pv_reaches_approx(financed, pay, n, mid))
				lo = mid;
			else
				ahi = mid;
		}
	}
	r = lo == 0 ? 1 : pv_reaches(financed, pay, n, lo);
	if (r == -1)
		return -1;
	if (r) {
		/* Up while t + 1 still reaches; hi reaching means too
		 * high. */
		while ((r = pv_reaches(financed, pay, n, lo + 1)) == 1)
			if (++lo == hi)
				return -1;
	} else {
		/* Down until t reaches (0 always does). */
		do
			lo--;
		while (lo > 0 && (r = pv_reaches(financed, pay, n, lo)) == 0);
	}
	if (r == -1)
		return -1;
	*t_out = lo;
	return 0;
}

/* apr_compute and apr_compute_reference; hint as apr_search. */
static int
apr_compute_how(int64_t financed, const int64_t *payments, int n,
    int32_t *bp_out, int hint)
{
	uint32_t t;
	int64_t total = 0;
	int k;

	if (financed <= 0 || payments == NULL || n < 1 ||
	    n > APR_MAX_PAYMENTS)
		return -1;
	for (k = 0; k < n; k++)
		if (payments[k] < 0 ||
		    __builtin_add_overflow(total, payments[k], &total))
			return -1;
	/* Payments below the amount financed mean a negative rate. */
	if (total < financed)
		return -1;
	/* t = 0 reaches: the payments add up to the amount financed or
	 * more. */
	if (apr_search((uint64_t)financed, payments, n, APR_T_MAX, hint,
	    &t) == -1)
		return -1;
	/* The root is in [t, t + 1) half-hundredths: round half up. */
	*bp_out = (int32_t)((t + 1) / 2);
	if (*bp_out > APR_MAX_BP)
		return -1;
	return 0;
}

/* APR of an amount financed and monthly payments; see apr.h. */
int
apr_compute(int64_t financed, const int64_t *payments, int n,
    int32_t *bp_out)
{
	return apr_compute_how(financed, payments, n, bp_out, 1);
}

/* See apr.h: the same answer by exact bisection alone. */
int
apr_compute_reference(int64_t financed, const int64_t *payments, int n,
    int32_t *bp_out)
{
	return apr_compute_how(financed, payments, n, bp_out, 0);
}

/* APR of a plan: principal financed, installment totals paid. */
int
apr_plan(const struct plan *p, int32_t *bp_out)
{
	int64_t pay[PLAN_MAX_MONTHS];
	int k;

	if (p->n < 1 || p->n > PLAN_MAX_MONTHS)
		return -1;
	for (k = 0; k < p->n; k++)
		pay[k] = p->inst[k].total.minor;
	return apr_compute(p->principal.minor, pay, p->n, bp_out);
}

/* "21.46" for 2146. */
char *
apr_str(int32_t bp, char *out, size_t outsz)
{
	if (out == NULL || outsz == 0)
		return out;
	if (bp < 0)
		snprintf(out, outsz, "-%d.%02d", (int)(-(int64_t)bp / 100),
		    (int)(-(int64_t)bp % 100));
	else
		snprintf(out, outsz, "%d.%02d", (int)(bp / 100),
		    (int)(bp % 100));
	return out;
}
