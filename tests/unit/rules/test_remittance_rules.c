/*
 * Post office remittance: REM-01..REM-05 (src/rules/remittance.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules/remittance.h"
#include "rules_fixture.h"

static void
test_REM_01_b2c_max_5000_or_country_lower(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	struct country_limit *cl;
	const struct reason *r;

	(void)state;
	fx_person(&f);
	fx_order_amounts(&f, "USD", "1", 500000, 0, 0);
	remittance_check(&f, &v);
	assert_true(v.eligible);
	assert_int_equal(v.method, PM_REMITTANCE);
	f.order.items_total = fx_money(500001, "USD");
	remittance_check(&f, &v);
	r = verdict_find(&v, "REM-01");
	assert_non_null(r);
	assert_int_equal(r->limit.minor, 500000);
	/* The destination country's lower postal limit. */
	cl = facts_add_remittance_limit(&f);
	snprintf(cl->country, sizeof(cl->country), "MY");
	cl->max_usd = fx_money(300000, "USD");
	f.order.items_total = fx_money(300000, "USD");
	remittance_check(&f, &v);
	assert_true(v.eligible);
	f.order.items_total = fx_money(300001, "USD");
	remittance_check(&f, &v);
	r = verdict_find(&v, "REM-01");
	assert_non_null(r);
	assert_int_equal(r->limit.minor, 300000);
	assert_string_equal(r->message, "REM-01: the amount to pay, "
	    "USD 3,000.01, is above the post office remittance maximum of "
	    "USD 3,000.00 for the destination country");
	facts_cleanup(&f);
}

static void
test_REM_02_b2b_within_agreed_quota(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_company(&f);
	fx_order_amounts(&f, "USD", "1", 800000, 0, 0);
	remittance_check(&f, &v);
	assert_true(v.eligible);
	f.order.items_total = fx_money(800001, "USD");
	remittance_check(&f, &v);
	assert_int_equal(verdict_find(&v, "REM-02")->limit.minor, 800000);
	assert_null(verdict_find(&v, "REM-01"));
	f.buyer.company.has_remittance_quota = 0;
	f.order.items_total = fx_money(100, "USD");
	remittance_check(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "REM-02"));
	facts_cleanup(&f);
}

static void
test_REM_03_not_expedited(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	f.order.shipping.expedited = 1;
	remittance_check(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "REM-03"));
	facts_cleanup(&f);
}

static void
test_REM_04_not_flash_sale(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	f.order.flash_sale = 1;
	remittance_check(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "REM-04"));
	facts_cleanup(&f);
}

static void
test_REM_05_no_high_value_item(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	struct item_facts *it;

	(void)state;
	fx_person(&f);
	it = facts_add_item(&f);
	snprintf(it->category, sizeof(it->category), "precision-instruments");
	it->high_value = 1;
	remittance_check(&f, &v);
	assert_false(v.eligible);
	assert_string_equal(verdict_find(&v, "REM-05")->message,
	    "REM-05: 1 item is high-value (precision-instruments)");
	/* All five at once: all listed (C-06). */
	f.order.flash_sale = 1;
	f.order.shipping.expedited = 1;
	f.order.items_total = fx_money(900000, "USD");
	remittance_check(&f, &v);
	assert_int_equal(v.nreasons, 4);
	facts_cleanup(&f);
}

/* REM-P4: domestic 1-3, cross-border 7-15 business days, holidays and
 * weekends skipped (C-04). */
static void
test_REM_P4_arrival_window(void **state)
{
	mp_date lo, hi, hol[1];
	char a[11], b[11];

	(void)state;
	/* Friday 2026-11-20. */
	assert_int_equal(remittance_window(fx_date(2026, 11, 20), 1, NULL, 0,
	    &lo, &hi), 0);
	assert_string_equal(mp_date_str(lo, a, sizeof(a)), "2026-11-23");
	assert_string_equal(mp_date_str(hi, b, sizeof(b)), "2026-11-25");
	assert_int_equal(remittance_window(fx_date(2026, 11, 20), 0, NULL, 0,
	    &lo, &hi), 0);
	assert_string_equal(mp_date_str(lo, a, sizeof(a)), "2026-12-01");
	assert_string_equal(mp_date_str(hi, b, sizeof(b)), "2026-12-11");
	/* A holiday on Monday moves the domestic window by one day. */
	hol[0] = fx_date(2026, 11, 23);
	assert_int_equal(remittance_window(fx_date(2026, 11, 20), 1, hol, 1,
	    &lo, &hi), 0);
	assert_string_equal(mp_date_str(lo, a, sizeof(a)), "2026-11-24");
	assert_string_equal(mp_date_str(hi, b, sizeof(b)), "2026-11-26");
}

/* REM-P5/REM-P7: equal, less (difference due), more (the excess). */
static void
test_REM_P7_compare_received(void **state)
{
	int64_t diff = -1;

	(void)state;
	assert_int_equal(remittance_compare(12345, 12345, &diff), 0);
	assert_int_equal(diff, 0);
	assert_int_equal(remittance_compare(12345, 12344, &diff), -1);
	assert_int_equal(diff, 1);
	assert_int_equal(remittance_compare(12345, 10000, &diff), -1);
	assert_int_equal(diff, 2345);
	assert_int_equal(remittance_compare(12345, 13000, &diff), 1);
	assert_int_equal(diff, 655);
	assert_int_equal(remittance_compare(12345, 0, &diff), -1);
	assert_int_equal(diff, 12345);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_REM_01_b2c_max_5000_or_country_lower),
		cmocka_unit_test(test_REM_02_b2b_within_agreed_quota),
		cmocka_unit_test(test_REM_03_not_expedited),
		cmocka_unit_test(test_REM_04_not_flash_sale),
		cmocka_unit_test(test_REM_05_no_high_value_item),
		cmocka_unit_test(test_REM_P4_arrival_window),
		cmocka_unit_test(test_REM_P7_compare_received),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
