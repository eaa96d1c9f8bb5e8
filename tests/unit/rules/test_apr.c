/*
 * APR by the actuarial method (Regulation Z Appendix J), shown with every
 * installment plan (RULES section 1).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/money.h"
#include "rules/apr.h"
#include "rules/plan.h"

static struct plan P;

/* APR in hundredths of a percent of a freshly built plan, or -1. */
static int32_t
plan_apr(const char *amount, int n, const char *pct, enum plan_fee_mode mode)
{
	struct money m;
	struct money_rate r;
	int32_t bp;

	if (money_parse(amount, strlen(amount), "USD", &m, NULL, 0) == -1 ||
	    money_rate_parse_percent(pct, strlen(pct), &r, NULL, 0) == -1 ||
	    plan_build(&m, n, &r, mode, 20000, &P, NULL, 0) == -1)
		fail_msg("cannot build plan");
	if (apr_plan(&P, &bp) == -1)
		return -1;
	return bp;
}

static void
test_apr_flat_one_percent_is_21_46(void **state)
{
	char s[16];

	(void)state;
	/* The RULES example: 1% a month over 12 months is not 12%. */
	assert_int_equal(plan_apr("1200.00", 12, "1.0", PLAN_FEE_SPREAD),
	    2146);
	assert_int_equal(P.inst[0].total.minor, 11200);
	assert_string_equal(apr_str(2146, s, sizeof(s)), "21.46");
	assert_string_equal(apr_str(5, s, sizeof(s)), "0.05");
	assert_string_equal(apr_str(0, s, sizeof(s)), "0.00");
}

static void
test_apr_zero_rate_is_zero(void **state)
{
	int64_t pay[3] = { 10000, 10000, 10000 };
	int32_t bp = -7;

	(void)state;
	assert_int_equal(plan_apr("500.00", 3, "0", PLAN_FEE_SPREAD), 0);
	assert_int_equal(apr_compute(30000, pay, 3, &bp), 0);
	assert_int_equal(bp, 0);
}

static void
test_apr_reference_values(void **state)
{
	(void)state;
	/* Expected values from an exact rational bisection. */
	assert_int_equal(plan_apr("1200.00", 12, "1.0", PLAN_FEE_UPFRONT),
	    2377);
	assert_int_equal(plan_apr("1200.00", 12, "0.80", PLAN_FEE_SPREAD),
	    1727);
	assert_int_equal(plan_apr("500.00", 3, "0.80", PLAN_FEE_SPREAD), 1434);
	assert_int_equal(plan_apr("500.00", 24, "0.80", PLAN_FEE_SPREAD),
	    1747);
	assert_int_equal(plan_apr("1000.00", 6, "1.5", PLAN_FEE_UPFRONT),
	    3223);
	assert_int_equal(plan_apr("1234.56", 7, "0.6", PLAN_FEE_SPREAD), 1248);
	assert_int_equal(plan_apr("1000.00", 60, "1.8", PLAN_FEE_SPREAD),
	    3372);
}

static void
test_apr_exact_and_rounding_boundaries(void **state)
{
	int64_t pay[1];
	int32_t bp;

	(void)state;
	/* One payment of 101 for 100: exactly 1% a month, 12.00%. */
	pay[0] = 101;
	assert_int_equal(apr_compute(100, pay, 1, &bp), 0);
	assert_int_equal(bp, 1200);
	/* i = 1/240000 a month is exactly 0.005% a year: rounds half up. */
	pay[0] = 240001;
	assert_int_equal(apr_compute(240000, pay, 1, &bp), 0);
	assert_int_equal(bp, 1);
	/* 0.015% -> 0.02%. */
	pay[0] = 240003;
	assert_int_equal(apr_compute(240000, pay, 1, &bp), 0);
	assert_int_equal(bp, 2);
	/* Just under 0.005%: 0.0049999...% -> 0.00%. */
	pay[0] = 2400009;
	assert_int_equal(apr_compute(2400000, pay, 1, &bp), 0);
	assert_int_equal(bp, 0);
	/* Just over 0.015%: -> 0.02%; 0.0149...% -> 0.01%. */
	pay[0] = 2400031;
	assert_int_equal(apr_compute(2400000, pay, 1, &bp), 0);
	assert_int_equal(bp, 2);
	pay[0] = 2400029;
	assert_int_equal(apr_compute(2400000, pay, 1, &bp), 0);
	assert_int_equal(bp, 1);
}

static void
test_apr_refusals(void **state)
{
	int64_t pay[APR_MAX_PAYMENTS + 1];
	int32_t bp;
	int i;

	(void)state;
	for (i = 0; i <= APR_MAX_PAYMENTS; i++)
		pay[i] = 1000;
	/* Payments below the amount financed: a negative rate. */
	assert_int_equal(apr_compute(3001, pay, 3, &bp), -1);
	assert_int_equal(apr_compute(0, pay, 3, &bp), -1);
	assert_int_equal(apr_compute(100, pay, 0, &bp), -1);
	assert_int_equal(apr_compute(100, NULL, 3, &bp), -1);
	assert_int_equal(apr_compute(100, pay, APR_MAX_PAYMENTS + 1, &bp), -1);
	pay[1] = -1;
	assert_int_equal(apr_compute(100, pay, 3, &bp), -1);
	pay[1] = INT64_MAX;
	assert_int_equal(apr_compute(100, pay, 3, &bp), -1);
	pay[1] = 1000;
	/* Far beyond 9999.99%. */
	assert_int_equal(apr_compute(1, pay, 3, &bp), -1);
	/* The longest stream works: 360 x 1000 for 200000. */
	assert_int_equal(apr_compute(200000, pay, APR_MAX_PAYMENTS, &bp), 0);
	assert_int_equal(bp, 439);	/* 4.387...% */
	/* Huge amounts do not overflow the big integers. */
	for (i = 0; i < 12; i++)
		pay[i] = INT64_MAX / 16;
	assert_int_equal(apr_compute(INT64_MAX / 2, pay, 12, &bp), 0);
	assert_int_equal(bp, 8238);	/* 82.384...% */
}

/* xorshift64: a fixed sequence, so a failure names a reproducible case. */
static uint64_t
next_rand(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* The fast search (fixed-point bisection, exact walk) gives exactly the
 * answer of exact bisection alone, for plans of every shape: level and
 * uneven payments, 1 to 360 months, cents to huge amounts, rates near
 * zero, and rates too high to report (both refuse them). */
static void
test_apr_fast_search_equals_exact_bisection(void **state)
{
	int64_t pay[APR_MAX_PAYMENTS];
	int64_t financed, level;
	uint64_t x = 0x9e3779b97f4a7c15ull;
	int32_t bp_fast, bp_ref;
	int i, k, n, rc_fast, rc_ref, refused = 0;

	(void)state;
	for (i = 0; i < 3000; i++) {
		n = i % 50 == 0 ? 1 + (int)(next_rand(&x) % APR_MAX_PAYMENTS) :
		    1 + (int)(next_rand(&x) % 48);
		financed = 1 + (int64_t)(next_rand(&x) %
		    (i % 7 == 0 ? 100000000000ull : 1000000ull));
		/* level payment of financed * (1 + f) / n, f in [0, 0.6) */
		level = financed / n + (int64_t)(next_rand(&x) %
		    (uint64_t)(financed / n * 6 / 10 + 2));
		/* Now and then a rate far too high to report: each
		 * payment 100 times the amount financed. */
		if (i % 97 == 0 && n > 1)
			level = financed * 100;
		for (k = 0; k < n; k++)
			pay[k] = level + (i % 3 == 0 ?
			    (int64_t)(next_rand(&x) % 100) : 0);
		rc_fast = apr_compute(financed, pay, n, &bp_fast);
		rc_ref = apr_compute_reference(financed, pay, n, &bp_ref);
		if (rc_fast == -1)
			refused++;
		if (rc_fast != rc_ref || (rc_fast == 0 && bp_fast != bp_ref))
			fail_msg("case %d: n %d financed %lld level %lld: "
			    "fast %d/%d, exact %d/%d", i, n,
			    (long long)financed, (long long)level, rc_fast,
			    (int)bp_fast, rc_ref, (int)bp_ref);
	}
	/* The too-high cases were there and refused by both. */
	assert_true(refused >= 20);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_apr_flat_one_percent_is_21_46),
		cmocka_unit_test(test_apr_zero_rate_is_zero),
		cmocka_unit_test(test_apr_reference_values),
		cmocka_unit_test(test_apr_exact_and_rounding_boundaries),
		cmocka_unit_test(test_apr_refusals),
		cmocka_unit_test(test_apr_fast_search_equals_exact_bisection),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
