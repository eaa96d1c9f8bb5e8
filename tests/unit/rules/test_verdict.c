/*
 * Explainable verdicts (C-06): every failing rule listed with its id and
 * figures (src/rules/verdict.c, src/rules/eligibility.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules/eligibility.h"
#include "rules/installment.h"
#include "rules_fixture.h"

static void
test_C_06_all_failures_listed(void **state)
{
	static const char *const want[] = { "INST-01", "INST-02", "INST-02",
	    "INST-05", "INST-06", "INST-07", "INST-07", "INST-07", "INST-08",
	    "INST-09" };
	struct facts	 f;
	struct verdict	 v;
	struct item_facts *it;
	size_t		 i;

	(void)state;
	fx_person(&f);
	f.buyer.real_name_verified = 0;
	f.buyer.credit_score = 300;
	f.buyer.bad_payment_record = 1;
	f.buyer.installment_suspended = 1;
	fx_order_amounts(&f, "USD", "1", 42000, 0, 0);
	it = &f.order.items[0];
	it->durable = 0;
	it->pre_order = it->customized = it->special_customs = 1;
	facts_add_high_risk_country(&f, "MY");
	installment_check(&f, fx_inst(&f, INST_CARD), &v);
	assert_false(v.eligible);
	assert_false(v.truncated);
	assert_int_equal(v.nreasons, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < v.nreasons; i++) {
		assert_string_equal(v.reasons[i].rule, want[i]);
		/* Every message starts with its rule id. */
		assert_memory_equal(v.reasons[i].message, want[i],
		    strlen(want[i]));
		assert_int_equal(v.reasons[i].message[strlen(want[i])], ':');
	}
	facts_cleanup(&f);
}

static void
test_C_06_reason_figures(void **state)
{
	struct verdict	 v;
	struct money	 a = fx_money(42000, "USD"), l = fx_money(50000, "USD");
	struct reason	*r;

	(void)state;
	verdict_init(&v, PM_INSTALLMENT_CARD, "bank-a");
	assert_true(v.eligible);
	assert_string_equal(v.institution, "bank-a");
	r = verdict_fail_money(&v, "INST-05", &a, &l, "the amount to pay, %s",
	    "USD 420.00");
	assert_non_null(r);
	assert_false(v.eligible);
	assert_int_equal(r->fig, FIG_MONEY);
	assert_int_equal(r->amount.minor, 42000);
	assert_int_equal(r->limit.minor, 50000);
	assert_string_equal(r->limit.cur, "USD");
	assert_string_equal(r->message, "INST-05: the amount to pay, "
	    "USD 420.00");
	r = verdict_fail_count(&v, "PAU-01", 550, 550, "score %d", 550);
	assert_int_equal(r->value, 550);
	r = verdict_fail_date(&v, "COD-08", 20000, "until");
	assert_int_equal(r->date, 20000);
	assert_ptr_equal(verdict_find(&v, "PAU-01"), &v.reasons[1]);
	assert_null(verdict_find(&v, "REM-01"));
	assert_string_equal(pay_method_name(PM_PAY_AFTER_USE),
	    "pay_after_use");
	assert_null(pay_method_name(PM__MAX));
}

static void
test_C_06_overflow_truncates_never_eligible(void **state)
{
	struct verdict	 v;
	size_t		 i;

	(void)state;
	verdict_init(&v, PM_COD, NULL);
	for (i = 0; i < VERDICT_MAX_REASONS; i++)
		assert_non_null(verdict_fail(&v, "COD-04", "n %zu", i));
	assert_false(v.truncated);
	assert_null(verdict_fail(&v, "COD-05", "one too many"));
	assert_true(v.truncated);
	assert_false(v.eligible);
	assert_int_equal(v.nreasons, VERDICT_MAX_REASONS);
}

static void
test_C_06_check_all_lists_every_method(void **state)
{
	static const enum pay_method want[] = { PM_INSTALLMENT_CARD,
	    PM_INSTALLMENT_PARTNER, PM_INSTALLMENT_CORPORATE, PM_CREDIT_LINE,
	    PM_COD, PM_REMITTANCE, PM_PAY_AFTER_USE };
	struct facts	 f;
	struct verdict_list l;
	size_t		 i;

	(void)state;
	fx_person(&f);
	verdict_list_init(&l);
	eligibility_check_all(&f, &l);
	assert_int_equal(l.n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < l.n; i++)
		assert_int_equal(l.v[i].method, want[i]);
	assert_string_equal(l.v[0].institution, "demo-bank");
	assert_string_equal(l.v[3].institution, "platform-credit");
	/* The fixture person passes all but corporate installments. */
	for (i = 0; i < l.n; i++)
		assert_int_equal(l.v[i].eligible,
		    l.v[i].method != PM_INSTALLMENT_CORPORATE);
	verdict_list_cleanup(&l);
	verdict_list_cleanup(&l);	/* idempotent */
	verdict_list_cleanup(NULL);
	facts_cleanup(&f);
}

static void
test_C_06_each_institution_separately(void **state)
{
	struct facts	 f;
	struct verdict_list l;
	struct institution *b;

	(void)state;
	fx_person(&f);
	facts_clear_institutions(&f);
	b = facts_add_institution(&f);
	facts_institution_defaults(&f, b, INST_CARD, "bank-a");
	b = facts_add_institution(&f);
	facts_institution_defaults(&f, b, INST_CARD, "bank-b");
	b->min_usd = fx_money(30000, "USD");
	fx_order_amounts(&f, "USD", "1", 40000, 0, 0);
	verdict_list_init(&l);
	eligibility_check_all(&f, &l);
	/* bank-a, bank-b, partner (none), corporate (none), credit line,
	 * COD, remittance, PAU. */
	assert_int_equal(l.n, 8);
	assert_string_equal(l.v[0].institution, "bank-a");
	assert_false(l.v[0].eligible);
	assert_string_equal(l.v[1].institution, "bank-b");
	assert_true(l.v[1].eligible);
	assert_int_equal(l.v[2].method, PM_INSTALLMENT_PARTNER);
	assert_non_null(verdict_find(&l.v[2], "INST-PC"));
	assert_non_null(verdict_find(&l.v[3], "INST-CORP"));
	assert_string_equal(l.v[4].institution, "");
	verdict_list_cleanup(&l);
	facts_cleanup(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C_06_all_failures_listed),
		cmocka_unit_test(test_C_06_reason_figures),
		cmocka_unit_test(test_C_06_overflow_truncates_never_eligible),
		cmocka_unit_test(test_C_06_check_all_lists_every_method),
		cmocka_unit_test(test_C_06_each_institution_separately),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
