/*
 * Pay After Use: PAU-01, PAU-02 (src/rules/payafter.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules/payafter.h"
#include "rules_fixture.h"

static void
test_PAU_01_score_550_refused_551_allowed(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	fx_person(&f);
	f.buyer.credit_score = 550;
	payafter_check(&f, &v);
	assert_false(v.eligible);
	assert_int_equal(v.method, PM_PAY_AFTER_USE);
	r = verdict_find(&v, "PAU-01");
	assert_non_null(r);
	assert_int_equal(r->value, 550);
	assert_int_equal(r->limit_count, 550);
	f.buyer.credit_score = 551;
	payafter_check(&f, &v);
	assert_true(v.eligible);
	/* No score on record. */
	f.buyer.has_credit_score = 0;
	payafter_check(&f, &v);
	assert_non_null(verdict_find(&v, "PAU-01"));
	facts_cleanup(&f);
}

static void
test_PAU_02_every_item_marked(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	struct item_facts *it;

	(void)state;
	fx_person(&f);
	it = facts_add_item(&f);
	snprintf(it->category, sizeof(it->category), "home-appliances");
	it->pay_after_use = 1;
	payafter_check(&f, &v);
	assert_true(v.eligible);
	it->pay_after_use = 0;
	payafter_check(&f, &v);
	assert_false(v.eligible);
	assert_string_equal(verdict_find(&v, "PAU-02")->message,
	    "PAU-02: 1 item is not marked \"Pay After Use\" by the merchant "
	    "(home-appliances)");
	facts_cleanup(&f);
}

/* PAU-01 rests on a consumer's credit score: a company (B2B), even with
 * a score on its member's record, is refused. */
static void
test_PAU_01_company_refused(void **state)
{
	struct facts	f;
	struct verdict	v;

	(void)state;
	fx_company(&f);
	f.buyer.has_credit_score = 1;
	f.buyer.credit_score = 800;
	payafter_check(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "PAU-01"));
	facts_cleanup(&f);
}

/* PAU-04 + INST-F1: 0.05 % a day of the debt from the day after due. */
static void
test_PAU_04_late_fee_per_day(void **state)
{
	struct money_rate	r;
	mp_date			due, d;
	int64_t			fee;
	char			err[64];

	(void)state;
	assert_int_equal(money_rate_parse_percent("0.05", 4, &r, err,
	    sizeof(err)), 0);
	assert_int_equal(mp_date_from_ymd(2026, 1, 10, &due), 0);
	assert_int_equal(payafter_late_fee(12900, "USD", due, due, &r, &fee),
	    0);
	assert_int_equal(fee, 0);
	assert_int_equal(mp_date_add_days(due, 1, &d), 0);
	/* 129.00 x 0.0005 = 0.0645 -> 0.06 */
	assert_int_equal(payafter_late_fee(12900, "USD", due, d, &r, &fee), 0);
	assert_int_equal(fee, 6);
	/* 10 days: 129.00 x 0.005 = 0.645 -> 0.65 (one rounding). */
	assert_int_equal(mp_date_add_days(due, 10, &d), 0);
	assert_int_equal(payafter_late_fee(12900, "USD", due, d, &r, &fee), 0);
	assert_int_equal(fee, 65);
	/* A debt paid before its due date owes nothing late. */
	assert_int_equal(mp_date_add_days(due, -3, &d), 0);
	assert_int_equal(payafter_late_fee(12900, "USD", due, d, &r, &fee), 0);
	assert_int_equal(fee, 0);
}

/* PAU-04 + INST-F2: more than 30 days overdue suspends: day 31, not 30. */
static void
test_PAU_04_suspend_after_30_days(void **state)
{
	mp_date due, d;

	(void)state;
	assert_int_equal(mp_date_from_ymd(2026, 1, 31, &due), 0);
	assert_int_equal(mp_date_add_days(due, 30, &d), 0);
	assert_int_equal(payafter_should_suspend(due, d, 30), 0);
	assert_int_equal(mp_date_add_days(due, 31, &d), 0);
	assert_int_equal(payafter_should_suspend(due, d, 30), 1);
}

/* Seconds of date y-m-d at hh:mm UTC. */
static int64_t
at(int y, int m, int d, int hh, int mm)
{
	mp_date day;

	assert_int_equal(mp_date_from_ymd(y, m, d, &day), 0);
	return mp_date_to_unix(day) + hh * 3600 + mm * 60;
}

/* PAU-03: delivered late on day 0, confirmed on calendar day 10, not 9. */
static void
test_PAU_03_auto_confirm_day_10_not_9(void **state)
{
	int64_t delivered = at(2026, 3, 1, 23, 50);

	(void)state;
	assert_int_equal(payafter_confirm_due(delivered,
	    at(2026, 3, 10, 23, 59), 10), 0);
	assert_int_equal(payafter_confirm_due(delivered,
	    at(2026, 3, 11, 0, 0), 10), 1);
	/* Across a month end: 25 Feb + 10 = 7 Mar (2026 is not leap). */
	delivered = at(2026, 2, 25, 8, 0);
	assert_int_equal(payafter_confirm_due(delivered,
	    at(2026, 3, 6, 12, 0), 10), 0);
	assert_int_equal(payafter_confirm_due(delivered,
	    at(2026, 3, 7, 0, 1), 10), 1);
	/* Never without a delivery. */
	assert_int_equal(payafter_confirm_due(0, at(2026, 3, 7, 0, 1), 10), 0);
	/* The setting is honoured. */
	assert_int_equal(payafter_confirm_due(delivered,
	    at(2026, 2, 28, 0, 0), 3), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_PAU_01_score_550_refused_551_allowed),
		cmocka_unit_test(test_PAU_02_every_item_marked),
		cmocka_unit_test(test_PAU_01_company_refused),
		cmocka_unit_test(test_PAU_03_auto_confirm_day_10_not_9),
		cmocka_unit_test(test_PAU_04_late_fee_per_day),
		cmocka_unit_test(test_PAU_04_suspend_after_30_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
