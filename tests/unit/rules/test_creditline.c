/*
 * Platform credit line: INST-CL and the INST rules it shares
 * (src/rules/creditline.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules/creditline.h"
#include "rules_fixture.h"

static void
test_INST_CL_amount_fits_available_credit(void **state)
{
	struct facts	 f;
	struct verdict	 v;
	const struct reason *r;

	(void)state;
	fx_person(&f);
	f.buyer.credit_line_limit_usd = fx_money(100000, "USD");
	f.buyer.credit_line_used_usd = fx_money(40000, "USD");
	fx_order_amounts(&f, "USD", "1", 60000, 0, 0);
	creditline_check(&f, "platform-credit", &v);
	assert_true(v.eligible);
	assert_int_equal(v.method, PM_CREDIT_LINE);
	assert_string_equal(v.institution, "platform-credit");
	assert_int_equal(v.available_usd.minor, 60000);
	fx_order_amounts(&f, "USD", "1", 60001, 0, 0);
	creditline_check(&f, NULL, &v);
	assert_false(v.eligible);
	r = verdict_find(&v, "INST-CL");
	assert_non_null(r);
	assert_int_equal(r->amount.minor, 60001);
	assert_int_equal(r->limit.minor, 60000);
	assert_string_equal(r->message, "INST-CL: the amount to pay, "
	    "USD 600.01, is above the available credit of USD 600.00");
	/* Fully used: nothing available, never negative. */
	f.buyer.credit_line_used_usd = fx_money(150000, "USD");
	creditline_check(&f, NULL, &v);
	assert_int_equal(v.available_usd.minor, 0);
	facts_cleanup(&f);
}

static void
test_INST_CL_limit_capped_at_platform_max_15000(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	f.buyer.credit_line_limit_usd = fx_money(2000000, "USD");
	fx_order_amounts(&f, "USD", "1", 1500001, 0, 0);
	creditline_check(&f, NULL, &v);
	assert_int_equal(v.available_usd.minor, 1500000);
	assert_non_null(verdict_find(&v, "INST-CL"));
	fx_order_amounts(&f, "USD", "1", 1500000, 0, 0);
	creditline_check(&f, NULL, &v);
	assert_true(v.eligible);
	facts_cleanup(&f);
}

static void
test_INST_CL_consumers_with_a_line_only(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	f.buyer.has_credit_line = 0;
	creditline_check(&f, NULL, &v);
	assert_false(v.eligible);
	assert_int_equal(fx_count(&v, "INST-CL"), 1);
	facts_cleanup(&f);
	fx_company(&f);
	creditline_check(&f, NULL, &v);
	assert_false(v.eligible);
	assert_int_equal(fx_count(&v, "INST-CL"), 1);
	facts_cleanup(&f);
}

static void
test_INST_CL_shares_b2c_installment_rules(void **state)
{
	struct facts	 f;
	struct verdict	 v;

	(void)state;
	fx_person(&f);
	/* No INST-05 minimum: a USD 10.00 order is fine. */
	fx_order_amounts(&f, "USD", "1", 1000, 0, 0);
	creditline_check(&f, NULL, &v);
	assert_true(v.eligible);
	/* INST-01, 02, 06, 07, 08, 09 apply. */
	f.buyer.real_name_verified = 0;
	f.buyer.credit_score = 500;
	f.order.items[0].durable = 0;
	f.order.items[0].pre_order = 1;
	facts_add_high_risk_country(&f, "MY");
	f.buyer.installment_suspended = 1;
	creditline_check(&f, NULL, &v);
	assert_non_null(verdict_find(&v, "INST-01"));
	assert_non_null(verdict_find(&v, "INST-02"));
	assert_non_null(verdict_find(&v, "INST-06"));
	assert_non_null(verdict_find(&v, "INST-07"));
	assert_non_null(verdict_find(&v, "INST-08"));
	assert_non_null(verdict_find(&v, "INST-09"));
	assert_null(verdict_find(&v, "INST-05"));
	assert_int_equal(v.nreasons, 6);
	facts_cleanup(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_CL_amount_fits_available_credit),
		cmocka_unit_test(test_INST_CL_limit_capped_at_platform_max_15000),
		cmocka_unit_test(test_INST_CL_consumers_with_a_line_only),
		cmocka_unit_test(test_INST_CL_shares_b2c_installment_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
