/*
 * Installment eligibility: C-02, C-03 and INST-01..INST-09 per
 * institution (src/rules/installment.c, src/rules/amount.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules/amount.h"
#include "rules/installment.h"
#include "rules_fixture.h"

/* Check the default card bank on f into *v. */
static void
check_card(const struct facts *f, struct verdict *v)
{
	installment_check(f, fx_inst(f, INST_CARD), v);
}

static void
test_INST_fixture_is_eligible(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	check_card(&f, &v);
	assert_true(v.eligible);
	assert_int_equal(v.nreasons, 0);
	assert_int_equal(v.method, PM_INSTALLMENT_CARD);
	assert_string_equal(v.institution, "demo-bank");
	facts_cleanup(&f);
}

static void
test_C_03_amount_after_coupons_and_points(void **state)
{
	struct facts	 f;
	struct pay_amount a;
	char		 err[128];

	(void)state;
	fx_person(&f);
	fx_order_amounts(&f, "EUR", "1.08", 56000, 2000, 500);
	assert_int_equal(amount_compute(&f, &a, err, sizeof(err)), 0);
	assert_int_equal(a.amount.minor, 53500);
	assert_string_equal(a.amount.cur, "EUR");
	assert_int_equal(a.amount_usd.minor, 57780);
	assert_string_equal(a.amount_usd.cur, "USD");
	/* Coupons and points above the total: nothing to pay, never
	 * negative. */
	fx_order_amounts(&f, "USD", "1", 1000, 800, 500);
	assert_int_equal(amount_to_pay(&f, &a.amount, err, sizeof(err)), 0);
	assert_int_equal(a.amount.minor, 0);
	facts_cleanup(&f);
}

static void
test_C_03_coupons_decide_installment_minimum(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	/* List price 600.00, but 100.01 of coupons leave 499.99 to pay. */
	fx_order_amounts(&f, "USD", "1", 60000, 10001, 0);
	check_card(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "INST-05"));
	assert_int_equal(v.amount.minor, 49999);
	/* Points count the same way. */
	fx_order_amounts(&f, "USD", "1", 60000, 5000, 5000);
	check_card(&f, &v);
	assert_true(v.eligible);
	facts_cleanup(&f);
}

static void
test_C_02_eur_order_converted_with_order_rate(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	fx_person(&f);
	/* EUR 462.96 x 1.08 = 499.9968 -> USD 500.00 (half away from zero):
	 * passes INST-05. */
	fx_order_amounts(&f, "EUR", "1.08", 46296, 0, 0);
	check_card(&f, &v);
	assert_int_equal(v.amount_usd.minor, 50000);
	assert_true(v.eligible);
	/* EUR 462.95 x 1.08 = 499.986 -> USD 499.99: fails. */
	fx_order_amounts(&f, "EUR", "1.08", 46295, 0, 0);
	check_card(&f, &v);
	assert_int_equal(v.amount_usd.minor, 49999);
	assert_false(v.eligible);
	r = verdict_find(&v, "INST-05");
	assert_non_null(r);
	assert_string_equal(r->message, "INST-05: the amount to pay, "
	    "USD 499.99 (EUR 462.95), is below the installment minimum of "
	    "USD 500.00");
	/* The same EUR amount at another rate gives another verdict: the
	 * order's own rate is used. */
	fx_order_amounts(&f, "EUR", "1.10", 46295, 0, 0);
	check_card(&f, &v);
	assert_true(v.eligible);
	facts_cleanup(&f);
}

static void
test_C_02_bad_rate_refuses_with_reason(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	fx_order_amounts(&f, "EUR", "abc", 60000, 0, 0);
	check_card(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "C-02"));
	facts_cleanup(&f);
}

static void
test_INST_01_real_name_required(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	f.buyer.real_name_verified = 0;
	check_card(&f, &v);
	assert_false(v.eligible);
	assert_int_equal(v.nreasons, 1);
	assert_string_equal(v.reasons[0].rule, "INST-01");
	/* B2C only: a company is not asked for it. */
	facts_cleanup(&f);
	fx_company(&f);
	f.buyer.real_name_verified = 0;
	check_card(&f, &v);
	assert_true(v.eligible);
	facts_cleanup(&f);
}

static void
test_INST_02_credit_score_minimum_600(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	fx_person(&f);
	f.buyer.credit_score = 600;
	check_card(&f, &v);
	assert_true(v.eligible);
	f.buyer.credit_score = 599;
	check_card(&f, &v);
	assert_false(v.eligible);
	r = verdict_find(&v, "INST-02");
	assert_non_null(r);
	assert_int_equal(r->fig, FIG_COUNT);
	assert_int_equal(r->value, 599);
	assert_int_equal(r->limit_count, 600);
	assert_string_equal(r->message, "INST-02: the credit score, 599, is "
	    "below the platform minimum of 600");
	/* The minimum is a setting. */
	f.settings.platform_min_credit_score = 550;
	check_card(&f, &v);
	assert_true(v.eligible);
	/* No score on record fails too. */
	f.buyer.has_credit_score = 0;
	check_card(&f, &v);
	assert_non_null(verdict_find(&v, "INST-02"));
	facts_cleanup(&f);
}

static void
test_INST_02_bad_payment_record(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	f.buyer.bad_payment_record = 1;
	check_card(&f, &v);
	assert_false(v.eligible);
	assert_int_equal(fx_count(&v, "INST-02"), 1);
	/* Low score and bad record: both listed. */
	f.buyer.credit_score = 100;
	check_card(&f, &v);
	assert_int_equal(fx_count(&v, "INST-02"), 2);
	facts_cleanup(&f);
}

static void
test_INST_03_qualification_verified_and_not_expired(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	fx_company(&f);
	check_card(&f, &v);
	assert_true(v.eligible);
	f.buyer.company.qualification_verified = 0;
	check_card(&f, &v);
	assert_non_null(verdict_find(&v, "INST-03"));
	f.buyer.company.qualification_verified = 1;
	/* The expiry date is the last valid day. */
	f.buyer.company.qualification_expires = f.now;
	check_card(&f, &v);
	assert_true(v.eligible);
	f.buyer.company.qualification_expires = f.now - 1;
	check_card(&f, &v);
	r = verdict_find(&v, "INST-03");
	assert_non_null(r);
	assert_int_equal(r->fig, FIG_DATE);
	assert_string_equal(r->message, "INST-03: the company's "
	    "qualification expired on 2026-11-20");
	/* A company without a qualification record fails INST-03/04. */
	f.buyer.has_company = 0;
	check_card(&f, &v);
	assert_non_null(verdict_find(&v, "INST-03"));
	assert_non_null(verdict_find(&v, "INST-04"));
	facts_cleanup(&f);
}

static void
test_INST_04_b2b_orders_90d_at_least_5000(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	fx_company(&f);
	f.buyer.company.completed_orders_usd_90d = fx_money(500000, "USD");
	check_card(&f, &v);
	assert_true(v.eligible);
	f.buyer.company.completed_orders_usd_90d = fx_money(499999, "USD");
	check_card(&f, &v);
	r = verdict_find(&v, "INST-04");
	assert_non_null(r);
	assert_int_equal(r->fig, FIG_MONEY);
	assert_int_equal(r->amount.minor, 499999);
	assert_int_equal(r->limit.minor, 500000);
	/* B2B only: persons are not asked. */
	facts_cleanup(&f);
	fx_person(&f);
	f.buyer.company.completed_orders_usd_90d = fx_money(0, "USD");
	check_card(&f, &v);
	assert_true(v.eligible);
	facts_cleanup(&f);
}

static void
test_INST_05_min_amount_boundary(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	fx_person(&f);
	fx_order_amounts(&f, "USD", "1", 50000, 0, 0);
	check_card(&f, &v);
	assert_true(v.eligible);
	fx_order_amounts(&f, "USD", "1", 49999, 0, 0);
	check_card(&f, &v);
	assert_false(v.eligible);
	r = verdict_find(&v, "INST-05");
	assert_non_null(r);
	assert_int_equal(r->fig, FIG_MONEY);
	assert_int_equal(r->amount.minor, 49999);
	assert_int_equal(r->limit.minor, 50000);
	assert_string_equal(r->amount.cur, "USD");
	fx_order_amounts(&f, "USD", "1", 42000, 0, 0);
	check_card(&f, &v);
	assert_string_equal(verdict_find(&v, "INST-05")->message,
	    "INST-05: the amount to pay, USD 420.00, is below the installment "
	    "minimum of USD 500.00");
	facts_cleanup(&f);
}

static void
test_INST_05_low_threshold_institution_300(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	struct institution low;

	(void)state;
	fx_person(&f);
	facts_institution_defaults(&f, &low, INST_PARTNER, "low-partner");
	low.low_threshold = 1;
	low.min_usd = f.settings.inst_low_threshold_usd;
	fx_order_amounts(&f, "USD", "1", 30000, 0, 0);
	installment_check(&f, &low, &v);
	assert_true(v.eligible);
	/* The regular bank refuses the same order: per institution. */
	check_card(&f, &v);
	assert_non_null(verdict_find(&v, "INST-05"));
	fx_order_amounts(&f, "USD", "1", 29999, 0, 0);
	installment_check(&f, &low, &v);
	assert_false(v.eligible);
	assert_int_equal(verdict_find(&v, "INST-05")->limit.minor, 30000);
	facts_cleanup(&f);
}

static void
test_INST_06_durable_categories_only(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	struct item_facts *it;
	const struct reason *r;

	(void)state;
	fx_person(&f);
	it = facts_add_item(&f);
	snprintf(it->category, sizeof(it->category), "food");
	it = facts_add_item(&f);
	snprintf(it->category, sizeof(it->category), "consumables");
	check_card(&f, &v);
	assert_false(v.eligible);
	r = verdict_find(&v, "INST-06");
	assert_non_null(r);
	assert_int_equal(r->value, 2);
	assert_string_equal(r->message, "INST-06: 2 items are not in a "
	    "durable category (food, consumables)");
	/* Each category is named once. */
	it = facts_add_item(&f);
	snprintf(it->category, sizeof(it->category), "food");
	check_card(&f, &v);
	assert_string_equal(verdict_find(&v, "INST-06")->message,
	    "INST-06: 3 items are not in a durable category (food, "
	    "consumables)");
	facts_cleanup(&f);
}

static void
test_INST_07_no_pre_order_customized_special_customs(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	f.order.items[0].pre_order = 1;
	check_card(&f, &v);
	assert_int_equal(fx_count(&v, "INST-07"), 1);
	f.order.items[0].customized = 1;
	f.order.items[0].special_customs = 1;
	check_card(&f, &v);
	assert_int_equal(fx_count(&v, "INST-07"), 3);
	assert_int_equal(v.nreasons, 3);
	facts_cleanup(&f);
}

static void
test_INST_08_high_risk_country(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	facts_add_high_risk_country(&f, "KP");
	check_card(&f, &v);
	assert_true(v.eligible);
	snprintf(f.order.shipping.country, sizeof(f.order.shipping.country),
	    "kp");
	check_card(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "INST-08"));
	facts_cleanup(&f);
}

static void
test_INST_09_suspended_access(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	f.buyer.installment_suspended = 1;
	check_card(&f, &v);
	assert_false(v.eligible);
	assert_non_null(verdict_find(&v, "INST-09"));
	facts_cleanup(&f);
	fx_company(&f);
	f.buyer.installment_suspended = 1;
	check_card(&f, &v);
	assert_non_null(verdict_find(&v, "INST-09"));
	facts_cleanup(&f);
}

static void
test_INST_CORP_b2b_only(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	installment_check(&f, fx_inst(&f, INST_CORPORATE), &v);
	assert_false(v.eligible);
	assert_int_equal(v.method, PM_INSTALLMENT_CORPORATE);
	assert_non_null(verdict_find(&v, "INST-CORP"));
	assert_int_equal(v.nterms, 2);
	assert_int_equal(v.terms[0], 3);
	assert_int_equal(v.terms[1], 6);
	facts_cleanup(&f);
	fx_company(&f);
	installment_check(&f, fx_inst(&f, INST_CORPORATE), &v);
	assert_true(v.eligible);
	facts_cleanup(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_fixture_is_eligible),
		cmocka_unit_test(test_C_03_amount_after_coupons_and_points),
		cmocka_unit_test(test_C_03_coupons_decide_installment_minimum),
		cmocka_unit_test(test_C_02_eur_order_converted_with_order_rate),
		cmocka_unit_test(test_C_02_bad_rate_refuses_with_reason),
		cmocka_unit_test(test_INST_01_real_name_required),
		cmocka_unit_test(test_INST_02_credit_score_minimum_600),
		cmocka_unit_test(test_INST_02_bad_payment_record),
		cmocka_unit_test(test_INST_03_qualification_verified_and_not_expired),
		cmocka_unit_test(test_INST_04_b2b_orders_90d_at_least_5000),
		cmocka_unit_test(test_INST_05_min_amount_boundary),
		cmocka_unit_test(test_INST_05_low_threshold_institution_300),
		cmocka_unit_test(test_INST_06_durable_categories_only),
		cmocka_unit_test(test_INST_07_no_pre_order_customized_special_customs),
		cmocka_unit_test(test_INST_08_high_risk_country),
		cmocka_unit_test(test_INST_09_suspended_access),
		cmocka_unit_test(test_INST_CORP_b2b_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
