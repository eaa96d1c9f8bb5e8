/*
 * Installment plan arithmetic (RULES INST-M1..M4), late fees (INST-F1)
 * and early-repayment quotes (INST-F3).
 */

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/money.h"
#include "rules/plan.h"

static struct plan P;	/* large: keep it off the stack */

static mp_date
D(const char *s)
{
	mp_date d;

	if (mp_date_parse(s, strlen(s), &d) == -1)
		fail_msg("bad date %s", s);
	return d;
}

static struct money
M(const char *s, const char *cur)
{
	struct money m;

	if (money_parse(s, strlen(s), cur, &m, NULL, 0) == -1)
		fail_msg("bad amount %s", s);
	return m;
}

static struct money_rate
R(const char *pct)
{
	struct money_rate r;

	if (money_rate_parse_percent(pct, strlen(pct), &r, NULL, 0) == -1)
		fail_msg("bad rate %s", pct);
	return r;
}

/* Build a plan into P or fail the test. */
static void
build(const char *amount, const char *cur, int n, const char *pct,
    enum plan_fee_mode mode, const char *start)
{
	struct money m = M(amount, cur);
	struct money_rate r = R(pct);
	char err[128];

	if (plan_build(&m, n, &r, mode, D(start), &P, err, sizeof(err)) == -1)
		fail_msg("plan_build: %s", err);
}

static void
assert_amount(const struct money *m, const char *want)
{
	char s[MONEY_STR_MAX];

	assert_string_equal(money_str(m, s, sizeof(s)), want);
}

static void
test_INST_M1_fee_per_month(void **state)
{
	(void)state;
	build("1200.00", "USD", 12, "0.80", PLAN_FEE_SPREAD, "2026-01-31");
	assert_amount(&P.monthly_fee, "9.60");
	assert_amount(&P.total_fee, "115.20");
	assert_amount(&P.total_cost, "1315.20");
	/* 1234.56 x 0.8% = 9.87648 -> 9.88, total 6 x 9.88. */
	build("1234.56", "USD", 6, "0.80", PLAN_FEE_SPREAD, "2026-01-31");
	assert_amount(&P.monthly_fee, "9.88");
	assert_amount(&P.total_fee, "59.28");
}

static void
test_INST_M1_total_is_n_times_rounded_fee(void **state)
{
	(void)state;
	/* 62.50 x 1% = 0.625 -> 0.63 (half away from zero); the total is
	 * 3 x 0.63 = 1.89, not round(1.875) = 1.88. */
	build("62.50", "USD", 3, "1", PLAN_FEE_SPREAD, "2026-01-10");
	assert_amount(&P.monthly_fee, "0.63");
	assert_amount(&P.total_fee, "1.89");
	/* Just below half rounds down. */
	build("62.49", "USD", 3, "1", PLAN_FEE_SPREAD, "2026-01-10");
	assert_amount(&P.monthly_fee, "0.62");
	/* Zero-decimal currency: 55555 JPY x 0.9% = 499.995 -> 500. */
	build("55555", "JPY", 3, "0.9", PLAN_FEE_SPREAD, "2026-01-10");
	assert_amount(&P.monthly_fee, "500");
	assert_amount(&P.total_fee, "1500");
	/* A 0% plan has no fee. */
	build("500.00", "USD", 3, "0", PLAN_FEE_SPREAD, "2026-01-10");
	assert_amount(&P.total_fee, "0.00");
	assert_amount(&P.inst[0].total, "166.68");
}

static void
test_INST_M2_remainder_on_first(void **state)
{
	(void)state;
	build("1000.00", "USD", 3, "0", PLAN_FEE_SPREAD, "2026-01-10");
	assert_amount(&P.inst[0].principal, "333.34");
	assert_amount(&P.inst[1].principal, "333.33");
	assert_amount(&P.inst[2].principal, "333.33");
	build("1000.05", "USD", 6, "1", PLAN_FEE_SPREAD, "2026-01-10");
	/* 100005 / 6 = 16667 rem 3 */
	assert_amount(&P.inst[0].principal, "166.70");
	assert_amount(&P.inst[5].principal, "166.67");
	build("0.02", "USD", 3, "1", PLAN_FEE_SPREAD, "2026-01-10");
	assert_amount(&P.inst[0].principal, "0.02");
	assert_amount(&P.inst[1].principal, "0.00");
}

static void
test_INST_M2_installments_add_up(void **state)
{
	int64_t sum, p;
	int n, i;
	struct money m;
	struct money_rate r = R("0.8");

	(void)state;
	srand(11649);
	for (int round = 0; round < 500; round++) {
		p = 1 + (int64_t)rand() * 1000 % 100000000;
		n = 1 + rand() % PLAN_MAX_MONTHS;
		assert_int_equal(money_set(&m, p, "USD"), 0);
		assert_int_equal(plan_build(&m, n, &r, PLAN_FEE_SPREAD,
		    D("2026-05-31"), &P, NULL, 0), 0);
		sum = 0;
		for (i = 0; i < n; i++) {
			sum += P.inst[i].principal.minor;
			/* Only the first may exceed floor(P / n). */
			if (i > 0)
				assert_int_equal(P.inst[i].principal.minor,
				    p / n);
		}
		assert_int_equal(sum, p);
	}
}

static void
test_INST_M3_spread_and_upfront(void **state)
{
	int i;
	int64_t sum;

	(void)state;
	build("1200.00", "USD", 12, "1.0", PLAN_FEE_SPREAD, "2026-01-31");
	for (i = 0; i < 12; i++) {
		assert_amount(&P.inst[i].fee, "12.00");
		assert_amount(&P.inst[i].total, "112.00");
		assert_int_equal(P.inst[i].seq, i + 1);
	}
	assert_amount(&P.total_cost, "1344.00");
	build("1200.00", "USD", 12, "1.0", PLAN_FEE_UPFRONT, "2026-01-31");
	assert_amount(&P.inst[0].fee, "144.00");
	assert_amount(&P.inst[0].total, "244.00");
	for (i = 1; i < 12; i++) {
		assert_amount(&P.inst[i].fee, "0.00");
		assert_amount(&P.inst[i].total, "100.00");
	}
	sum = 0;
	for (i = 0; i < 12; i++)
		sum += P.inst[i].total.minor;
	assert_int_equal(sum, P.total_cost.minor);
	assert_string_equal(plan_fee_mode_str(PLAN_FEE_UPFRONT), "upfront");
	assert_string_equal(plan_fee_mode_str(PLAN_FEE_SPREAD), "spread");
	{
		enum plan_fee_mode m;

		assert_int_equal(plan_fee_mode_parse("upfront", 7, &m), 0);
		assert_int_equal(m, PLAN_FEE_UPFRONT);
		assert_int_equal(plan_fee_mode_parse("spread", 6, &m), 0);
		assert_int_equal(m, PLAN_FEE_SPREAD);
		assert_int_equal(plan_fee_mode_parse("Spread", 6, &m), -1);
		assert_int_equal(plan_fee_mode_parse("spreadx", 7, &m), -1);
		assert_int_equal(plan_fee_mode_parse(NULL, 0, &m), -1);
	}
}

static void
test_INST_M4_plan_due_dates(void **state)
{
	char s[CAL_DATE_STRLEN];

	(void)state;
	build("1200.00", "USD", 12, "1.0", PLAN_FEE_SPREAD, "2026-01-31");
	assert_string_equal(mp_date_str(P.inst[0].due, s, sizeof(s)),
	    "2026-02-28");
	assert_string_equal(mp_date_str(P.inst[1].due, s, sizeof(s)),
	    "2026-03-31");
	assert_string_equal(mp_date_str(P.inst[2].due, s, sizeof(s)),
	    "2026-04-30");
	assert_string_equal(mp_date_str(P.inst[11].due, s, sizeof(s)),
	    "2027-01-31");
	build("600.00", "USD", 3, "1.0", PLAN_FEE_SPREAD, "2026-11-15");
	assert_string_equal(mp_date_str(P.inst[1].due, s, sizeof(s)),
	    "2027-01-15");
}

static void
test_INST_M1_plan_refusals_and_overflow(void **state)
{
	struct money m;
	struct money_rate r = R("1");
	char err[128];

	(void)state;
	m = M("0.00", "USD");
	assert_int_equal(plan_build(&m, 3, &r, PLAN_FEE_SPREAD, 0, &P, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "greater than zero"));
	m = M("100.00", "USD");
	assert_int_equal(plan_build(&m, 0, &r, PLAN_FEE_SPREAD, 0, &P, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "between 1 and 60"));
	assert_int_equal(plan_build(&m, PLAN_MAX_MONTHS + 1, &r,
	    PLAN_FEE_SPREAD, 0, &P, NULL, 0), -1);
	assert_int_equal(plan_build(&m, PLAN_MAX_MONTHS, &r,
	    PLAN_FEE_SPREAD, 0, &P, NULL, 0), 0);
	/* Amounts that overflow are refused, not wrapped. */
	assert_int_equal(money_set(&m, INT64_MAX, "USD"), 0);
	assert_int_equal(plan_build(&m, 12, &r, PLAN_FEE_SPREAD, 0, &P, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "too large"));
	/* A due date beyond 9999-12-31. */
	m = M("100.00", "USD");
	assert_int_equal(plan_build(&m, 3, &r, PLAN_FEE_SPREAD,
	    D("9999-11-30"), &P, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "out of range"));
	m.cur[0] = 'Q';
	assert_int_equal(plan_build(&m, 3, &r, PLAN_FEE_SPREAD, 0, &P, err,
	    sizeof(err)), -1);
}

static void
test_INST_F1_late_fee_per_calendar_day(void **state)
{
	struct money overdue = M("112.00", "USD"), fee;
	struct money_rate r = R(PLAN_LATE_FEE_PERCENT);
	mp_date due = D("2026-02-28");

	(void)state;
	/* Paid on the due date or before: nothing. */
	assert_int_equal(plan_late_days(due, due), 0);
	assert_int_equal(plan_late_fee(&overdue, due, due, &r, &fee), 0);
	assert_amount(&fee, "0.00");
	assert_int_equal(plan_late_fee(&overdue, due, D("2026-02-01"), &r,
	    &fee), 0);
	assert_amount(&fee, "0.00");
	/* The day after: one day, 112.00 x 0.05% = 0.056 -> 0.06. */
	assert_int_equal(plan_late_days(due, D("2026-03-01")), 1);
	assert_int_equal(plan_late_fee(&overdue, due, D("2026-03-01"), &r,
	    &fee), 0);
	assert_amount(&fee, "0.06");
	/* Ten days: 0.56 (rounded once, not 10 x 0.06). */
	assert_int_equal(plan_late_fee(&overdue, due, D("2026-03-10"), &r,
	    &fee), 0);
	assert_amount(&fee, "0.56");
	/* 31 days over a month end: 1000.00 x 0.0005 x 31 = 15.50. */
	overdue = M("1000.00", "USD");
	assert_int_equal(plan_late_fee(&overdue, due, D("2026-03-31"), &r,
	    &fee), 0);
	assert_amount(&fee, "15.50");
	/* Another institution's rate: 0.1% a day. */
	r = R("0.1");
	assert_int_equal(plan_late_fee(&overdue, due, D("2026-03-02"), &r,
	    &fee), 0);
	assert_amount(&fee, "2.00");
	/* Refusals and overflow. */
	overdue.minor = -1;
	assert_int_equal(plan_late_fee(&overdue, due, D("2026-03-02"), &r,
	    &fee), -1);
	overdue.minor = INT64_MAX;
	r = R("100");
	assert_int_equal(plan_late_fee(&overdue, due, D("2026-03-02"), &r,
	    &fee), -1);
}

static void
test_INST_F3_quote_waives_future_fees(void **state)
{
	struct plan_quote q;
	int i;

	(void)state;
	build("1200.00", "USD", 12, "1.0", PLAN_FEE_SPREAD, "2026-01-31");
	/* Two paid; on 15 April month 3 (from 31 March) has begun, months
	 * 4..12 have not. */
	assert_int_equal(plan_quote_early(&P, 2, D("2026-04-15"), 1, &q), 0);
	assert_amount(&q.principal_remaining, "1000.00");
	assert_amount(&q.fee_due, "12.00");
	assert_amount(&q.fee_waived, "108.00");
	assert_amount(&q.fee_credit, "0.00");
	assert_amount(&q.total, "1012.00");
	assert_int_equal(q.nwaived, 9);
	for (i = 0; i < 9; i++)
		assert_int_equal(q.waived[i], 4 + i);
	/* Boundary: on 30 April (due date 3) month 4 begins. */
	assert_int_equal(plan_quote_early(&P, 2, D("2026-04-30"), 1, &q), 0);
	assert_int_equal(q.nwaived, 8);
	assert_int_equal(q.waived[0], 5);
	assert_amount(&q.fee_due, "24.00");
	/* The day before it, month 4 is still waived. */
	assert_int_equal(plan_quote_early(&P, 2, D("2026-04-29"), 1, &q), 0);
	assert_int_equal(q.nwaived, 9);
}

static void
test_INST_F3_quote_without_waiver(void **state)
{
	struct plan_quote q;

	(void)state;
	build("1200.00", "USD", 12, "1.0", PLAN_FEE_SPREAD, "2026-01-31");
	assert_int_equal(plan_quote_early(&P, 2, D("2026-04-15"), 0, &q), 0);
	assert_int_equal(q.nwaived, 0);
	assert_amount(&q.fee_waived, "0.00");
	assert_amount(&q.fee_due, "120.00");
	assert_amount(&q.total, "1120.00");
	/* Overdue months stay due: nothing paid, quoted after due date 2. */
	assert_int_equal(plan_quote_early(&P, 0, D("2026-04-01"), 1, &q), 0);
	assert_amount(&q.principal_remaining, "1200.00");
	assert_amount(&q.fee_due, "36.00");
	assert_int_equal(q.nwaived, 9);
	/* All paid: nothing left. */
	assert_int_equal(plan_quote_early(&P, 12, D("2027-02-01"), 1, &q), 0);
	assert_amount(&q.total, "0.00");
	/* On the start day the first month has begun. */
	assert_int_equal(plan_quote_early(&P, 0, D("2026-01-31"), 1, &q), 0);
	assert_amount(&q.fee_due, "12.00");
	assert_int_equal(q.nwaived, 11);
	assert_int_equal(plan_quote_early(&P, -1, D("2026-01-31"), 1, &q), -1);
	assert_int_equal(plan_quote_early(&P, 13, D("2026-01-31"), 1, &q), -1);
}

static void
test_INST_F3_quote_upfront_credit(void **state)
{
	struct plan_quote q;

	(void)state;
	build("1200.00", "USD", 12, "1.0", PLAN_FEE_UPFRONT, "2026-01-31");
	/* The whole fee (144.00) came with the first installment. On 15
	 * March months 1 and 2 have begun: 24.00 owed, 120.00 paid ahead
	 * for waived months is set off. */
	assert_int_equal(plan_quote_early(&P, 1, D("2026-03-15"), 1, &q), 0);
	assert_amount(&q.principal_remaining, "1100.00");
	assert_amount(&q.fee_due, "0.00");
	assert_amount(&q.fee_waived, "120.00");
	assert_amount(&q.fee_credit, "120.00");
	assert_amount(&q.total, "980.00");
	assert_int_equal(q.nwaived, 10);
	assert_int_equal(q.waived[0], 3);
	/* Nothing paid yet: the begun months' fees are due. */
	assert_int_equal(plan_quote_early(&P, 0, D("2026-03-15"), 1, &q), 0);
	assert_amount(&q.fee_due, "24.00");
	assert_amount(&q.total, "1224.00");
	/* No waiver: the whole fee stays, already paid. */
	assert_int_equal(plan_quote_early(&P, 1, D("2026-03-15"), 0, &q), 0);
	assert_amount(&q.fee_due, "0.00");
	assert_amount(&q.fee_credit, "0.00");
	assert_amount(&q.total, "1100.00");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_M1_fee_per_month),
		cmocka_unit_test(test_INST_M1_total_is_n_times_rounded_fee),
		cmocka_unit_test(test_INST_M1_plan_refusals_and_overflow),
		cmocka_unit_test(test_INST_M2_remainder_on_first),
		cmocka_unit_test(test_INST_M2_installments_add_up),
		cmocka_unit_test(test_INST_M3_spread_and_upfront),
		cmocka_unit_test(test_INST_M4_plan_due_dates),
		cmocka_unit_test(test_INST_F1_late_fee_per_calendar_day),
		cmocka_unit_test(test_INST_F3_quote_waives_future_fees),
		cmocka_unit_test(test_INST_F3_quote_without_waiver),
		cmocka_unit_test(test_INST_F3_quote_upfront_credit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
