/*
 * Cash on delivery: COD-01..COD-08, COD-F1, COD-F2, COD-F3
 * (src/rules/cod.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "rules/cod.h"
#include "rules_fixture.h"

/* The fixture person with `cents` USD to pay. */
static void
person_paying(struct facts *f, int64_t cents)
{
	fx_person(f);
	fx_order_amounts(f, "USD", "1", cents, 0, 0);
}

static void
test_COD_fixture_is_eligible(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	person_paying(&f, 60000);
	cod_check(&f, &v);
	assert_true(v.eligible);
	assert_int_equal(v.method, PM_COD);
	assert_string_equal(v.institution, "");
	facts_cleanup(&f);
}

static void
test_COD_01_b2c_max_2000_or_region_lower(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	person_paying(&f, 200000);
	cod_check(&f, &v);
	assert_true(v.eligible);
	f.order.items_total = fx_money(200001, "USD");
	cod_check(&f, &v);
	r = verdict_find(&v, "COD-01");
	assert_non_null(r);
	assert_int_equal(r->amount.minor, 200001);
	assert_int_equal(r->limit.minor, 200000);
	/* The region's lower maximum applies. */
	f.settings.cod_regions[0].has_max = 1;
	f.settings.cod_regions[0].max_usd = fx_money(100000, "USD");
	f.order.items_total = fx_money(100000, "USD");
	cod_check(&f, &v);
	assert_true(v.eligible);
	f.order.items_total = fx_money(100001, "USD");
	cod_check(&f, &v);
	r = verdict_find(&v, "COD-01");
	assert_non_null(r);
	assert_int_equal(r->limit.minor, 100000);
	/* A higher regional figure does not raise the B2C maximum. */
	f.settings.cod_regions[0].max_usd = fx_money(900000, "USD");
	f.order.items_total = fx_money(200001, "USD");
	cod_check(&f, &v);
	assert_int_equal(verdict_find(&v, "COD-01")->limit.minor, 200000);
	facts_cleanup(&f);
}

static void
test_COD_02_b2b_needs_agreement_within_limit(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	fx_company(&f);
	/* Above the B2C maximum and the ladder: the agreement decides. */
	fx_order_amounts(&f, "USD", "1", 1000000, 0, 0);
	f.buyer.cod.completed_orders = 0;
	cod_check(&f, &v);
	assert_true(v.eligible);
	f.order.items_total = fx_money(1000001, "USD");
	cod_check(&f, &v);
	r = verdict_find(&v, "COD-02");
	assert_non_null(r);
	assert_int_equal(r->limit.minor, 1000000);
	assert_null(verdict_find(&v, "COD-01"));
	assert_null(verdict_find(&v, "COD-07"));
	/* No agreement. */
	f.order.items_total = fx_money(1000, "USD");
	f.buyer.company.has_cod_agreement = 0;
	cod_check(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "COD-02"));
	/* Unverified qualification. */
	f.buyer.company.has_cod_agreement = 1;
	f.buyer.company.qualification_verified = 0;
	cod_check(&f, &v);
	assert_int_equal(fx_count(&v, "COD-02"), 1);
	facts_cleanup(&f);
}

static void
test_COD_03_region_supports_cod(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	person_paying(&f, 10000);
	snprintf(f.order.shipping.region, sizeof(f.order.shipping.region),
	    "LATAM");
	cod_check(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "COD-03"));
	assert_string_equal(v.reasons[0].message, "COD-03: cash on delivery "
	    "is not offered in the destination region (LATAM)");
	facts_cleanup(&f);
}

static void
test_COD_04_no_high_value_item(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	person_paying(&f, 10000);
	f.order.items[0].high_value = 1;
	cod_check(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "COD-04"));
	facts_cleanup(&f);
}

static void
test_COD_05_delivery_at_most_7_days(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	person_paying(&f, 10000);
	f.order.shipping.delivery_days = 7;
	cod_check(&f, &v);
	assert_true(v.eligible);
	f.order.shipping.delivery_days = 8;
	cod_check(&f, &v);
	r = verdict_find(&v, "COD-05");
	assert_non_null(r);
	assert_int_equal(r->value, 8);
	assert_int_equal(r->limit_count, 7);
	facts_cleanup(&f);
}

static void
test_COD_06_no_pre_order_customized_special_customs(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	person_paying(&f, 10000);
	f.order.items[0].special_customs = 1;
	cod_check(&f, &v);
	assert_int_equal(fx_count(&v, "COD-06"), 1);
	f.order.items[0].pre_order = 1;
	f.order.items[0].customized = 1;
	cod_check(&f, &v);
	assert_int_equal(fx_count(&v, "COD-06"), 3);
	facts_cleanup(&f);
}

static void
test_COD_07_sixth_completed_order_lifts_limit(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	person_paying(&f, 60000);
	/* 5 completed orders: still USD 500. */
	f.buyer.cod.completed_orders = 5;
	cod_check(&f, &v);
	assert_false(v.eligible);
	r = verdict_find(&v, "COD-07");
	assert_non_null(r);
	assert_int_equal(r->limit.minor, 50000);
	assert_int_equal(v.limit_usd.minor, 50000);
	/* Exactly USD 500.00 is within the limit. */
	f.order.items_total = fx_money(50000, "USD");
	cod_check(&f, &v);
	assert_true(v.eligible);
	/* The 6th completed order lifts it to USD 2,000. */
	f.order.items_total = fx_money(60000, "USD");
	f.buyer.cod.completed_orders = 6;
	cod_check(&f, &v);
	assert_true(v.eligible);
	assert_int_equal(v.limit_usd.minor, 200000);
	/* ... unless there was a violation. */
	f.buyer.cod.violations = 1;
	cod_check(&f, &v);
	assert_non_null(verdict_find(&v, "COD-07"));
	facts_cleanup(&f);
}

static void
test_COD_07_and_COD_01_both_listed(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	person_paying(&f, 250000);
	f.buyer.cod.completed_orders = 0;
	cod_check(&f, &v);
	assert_non_null(verdict_find(&v, "COD-01"));
	assert_non_null(verdict_find(&v, "COD-07"));
	facts_cleanup(&f);
}

/* The veteran (6 completed COD orders) at USD 2,187: the sentence names
 * the USD 2,000 that applies and promises no rise already reached. */
static void
test_COD_07_veteran_sentence_states_reached_limit(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	person_paying(&f, 218700);
	f.buyer.cod.completed_orders = 6;
	cod_check(&f, &v);
	assert_non_null(verdict_find(&v, "COD-01"));
	r = verdict_find(&v, "COD-07");
	assert_non_null(r);
	assert_int_equal(r->limit.minor, 200000);
	assert_non_null(strstr(r->message, "limit of USD 2,000.00"));
	assert_null(strstr(r->message, "rises to"));
	assert_non_null(strstr(r->message, "the full limit, reached with "
	    "your 6 completed COD orders"));
	/* A newcomer still reads the rise, to the higher limit. */
	f.buyer.cod.completed_orders = 2;
	cod_check(&f, &v);
	r = verdict_find(&v, "COD-07");
	assert_non_null(r);
	assert_non_null(strstr(r->message, "limit of USD 500.00; it rises "
	    "to USD 2,000.00"));
	facts_cleanup(&f);
}

static void
test_COD_08_revoked_or_suspended(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	person_paying(&f, 10000);
	f.buyer.cod.revoked = 1;
	cod_check(&f, &v);
	assert_false(v.eligible);
	assert_int_equal(fx_count(&v, "COD-08"), 1);
	f.buyer.cod.revoked = 0;
	f.buyer.cod.has_suspended_until = 1;
	f.buyer.cod.suspended_until = f.now + 1;
	cod_check(&f, &v);
	assert_int_equal(fx_count(&v, "COD-08"), 1);
	assert_true(v.has_until);
	assert_int_equal(v.until, f.now + 1);
	/* A suspension that ended today is over. */
	f.buyer.cod.suspended_until = f.now;
	cod_check(&f, &v);
	assert_true(v.eligible);
	facts_cleanup(&f);
}

static void
test_COD_F1_service_fee_per_region_half_away(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	struct money	 fee;

	(void)state;
	/* Default 4% of EUR 535.00 = EUR 21.40, in the order currency. */
	fx_person(&f);
	fx_order_amounts(&f, "EUR", "1.08", 56000, 2000, 500);
	cod_check(&f, &v);
	assert_true(v.has_fee);
	assert_int_equal(v.fee.minor, 2140);
	assert_string_equal(v.fee.cur, "EUR");
	/* Half away from zero: 3% of USD 0.50 = 0.015 -> 0.02. */
	f.settings.cod_regions[0].fee.num = 3;
	f.settings.cod_regions[0].fee.den = 100;
	assert_int_equal(cod_fee(&f, &(struct money){ 50, "USD" }, &fee), 0);
	assert_int_equal(fee.minor, 2);
	/* 3% of 0.49 = 0.0147 -> 0.01. */
	assert_int_equal(cod_fee(&f, &(struct money){ 49, "USD" }, &fee), 0);
	assert_int_equal(fee.minor, 1);
	/* 5% in another region. */
	f.settings.cod_regions[1].fee.num = 5;
	f.settings.cod_regions[1].fee.den = 100;
	snprintf(f.order.shipping.region, sizeof(f.order.shipping.region),
	    "%s", f.settings.cod_regions[1].id);
	assert_int_equal(cod_fee(&f, &(struct money){ 10000, "USD" }, &fee),
	    0);
	assert_int_equal(fee.minor, 500);
	/* A region not listed: the default 4%. */
	snprintf(f.order.shipping.region, sizeof(f.order.shipping.region),
	    "NOWHERE");
	assert_int_equal(cod_fee(&f, &(struct money){ 10000, "USD" }, &fee),
	    0);
	assert_int_equal(fee.minor, 400);
	facts_cleanup(&f);
}

static void
test_COD_F2_third_refusal_suspends_3_months(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;
	mp_date		 until;

	(void)state;
	person_paying(&f, 10000);
	facts_add_refusal(&f, fx_date(2026, 1, 10));
	facts_add_refusal(&f, fx_date(2026, 8, 31));
	/* Two refusals: no suspension. */
	f.now = fx_date(2026, 9, 1);
	cod_check(&f, &v);
	assert_true(v.eligible);
	/* The third (recorded out of order) suspends for 3 months from its
	 * own date: 2026-08-31 -> 2026-11-30 (day clamped). */
	facts_add_refusal(&f, fx_date(2026, 3, 5));
	cod_check(&f, &v);
	assert_false(v.eligible);
	r = verdict_find(&v, "COD-08");
	assert_non_null(r);
	assert_int_equal(r->fig, FIG_DATE);
	assert_int_equal(r->date, fx_date(2026, 11, 30));
	assert_string_equal(r->message, "COD-08: cash on delivery is "
	    "suspended until 2026-11-30 after repeated unreasonable refusals "
	    "(COD-F2)");
	/* The day before the end: still suspended. */
	f.now = fx_date(2026, 11, 29);
	assert_int_equal(cod_suspended(&f, &until), 1);
	cod_check(&f, &v);
	assert_false(v.eligible);
	/* Exactly 3 months later: lifted. */
	f.now = fx_date(2026, 11, 30);
	assert_int_equal(cod_suspended(&f, &until), 0);
	cod_check(&f, &v);
	assert_true(v.eligible);
	facts_cleanup(&f);
}

static void
test_COD_F2_future_refusals_ignored_sixth_suspends_again(void **state)
{
	mp_date	 r[6], until;

	(void)state;
	r[0] = fx_date(2025, 1, 1);
	r[1] = fx_date(2025, 2, 1);
	r[2] = fx_date(2025, 3, 1);
	r[3] = fx_date(2026, 1, 1);
	r[4] = fx_date(2026, 2, 1);
	r[5] = fx_date(2026, 3, 1);
	/* Third refusal on 2025-03-01: suspended until 2025-06-01. */
	assert_int_equal(cod_refusal_suspension(r, 3, fx_date(2025, 5, 31), 3,
	    3, &until), 1);
	assert_int_equal(until, fx_date(2025, 6, 1));
	assert_int_equal(cod_refusal_suspension(r, 3, fx_date(2025, 6, 1), 3,
	    3, &until), 0);
	/* Refusals after now do not count. */
	assert_int_equal(cod_refusal_suspension(r, 6, fx_date(2025, 2, 15), 3,
	    3, &until), 0);
	/* The sixth refusal suspends again. */
	assert_int_equal(cod_refusal_suspension(r, 6, fx_date(2026, 4, 1), 3,
	    3, &until), 1);
	assert_int_equal(until, fx_date(2026, 6, 1));
	/* The fourth and fifth do not. */
	assert_int_equal(cod_refusal_suspension(r, 5, fx_date(2026, 2, 2), 3,
	    3, &until), 0);
}

static void
test_COD_F3_revoked_permanently(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	person_paying(&f, 10000);
	f.buyer.cod.revoked = 1;
	f.now = fx_date(2099, 1, 1);
	cod_check(&f, &v);
	assert_false(v.eligible);
	r = verdict_find(&v, "COD-08");
	assert_non_null(r);
	assert_non_null(strstr(r->message, "COD-F3"));
	assert_non_null(strstr(r->message, "permanently revoked"));
	facts_cleanup(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_COD_fixture_is_eligible),
		cmocka_unit_test(test_COD_01_b2c_max_2000_or_region_lower),
		cmocka_unit_test(test_COD_02_b2b_needs_agreement_within_limit),
		cmocka_unit_test(test_COD_03_region_supports_cod),
		cmocka_unit_test(test_COD_04_no_high_value_item),
		cmocka_unit_test(test_COD_05_delivery_at_most_7_days),
		cmocka_unit_test(test_COD_06_no_pre_order_customized_special_customs),
		cmocka_unit_test(test_COD_07_sixth_completed_order_lifts_limit),
		cmocka_unit_test(test_COD_07_and_COD_01_both_listed),
		cmocka_unit_test(test_COD_07_veteran_sentence_states_reached_limit),
		cmocka_unit_test(test_COD_08_revoked_or_suspended),
		cmocka_unit_test(test_COD_F1_service_fee_per_region_half_away),
		cmocka_unit_test(test_COD_F2_third_refusal_suspends_3_months),
		cmocka_unit_test(test_COD_F2_future_refusals_ignored_sixth_suspends_again),
		cmocka_unit_test(test_COD_F3_revoked_permanently),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
