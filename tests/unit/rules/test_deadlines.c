/*
 * Unit tests of the promised deadlines and refund rules (rules/deadlines.c,
 * C-04): business days skip weekends and holidays.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/calendar.h"
#include "rules/deadlines.h"

/* Parse a date or fail the test. */
static mp_date
day(const char *s)
{
	mp_date d;

	assert_int_equal(mp_date_parse(s, strlen(s), &d), 0);
	return d;
}

/* Assert that d is the date s. */
static void
assert_day(mp_date d, const char *s)
{
	char b[16];

	assert_string_equal(mp_date_str(d, b, sizeof(b)), s);
}

/* C-04: promised dates skip weekends and holidays; the remittance window
 * is calendar days (COD-P1, INST-CORP, REM-P6). */
static void
test_C_04_deadlines(void **state)
{
	mp_date			 hol[3];
	struct checkout_dates	 d;

	(void)state;
	hol[0] = day("2026-11-26");
	hol[1] = day("2026-12-24");
	hol[2] = day("2026-12-25");
	/* Wednesday before Thanksgiving. */
	assert_int_equal(checkout_deadlines(day("2026-11-25"), hol, 3, 30,
	    &d), 0);
	assert_day(d.cod_review_due, "2026-11-27");
	assert_day(d.corp_review_due, "2026-12-01");
	assert_day(d.remittance_due, "2026-12-25");
	assert_day(d.inst_review_due, "2026-11-25");
	/* Friday: the next business day is Monday. */
	assert_int_equal(checkout_deadlines(day("2026-11-20"), NULL, 0, 30,
	    &d), 0);
	assert_day(d.cod_review_due, "2026-11-23");
}

/* INST-C1 and REM-P8: the refund date of a cancellation; COD and PAU
 * refund nothing. */
static void
test_INST_C1_REM_P8_refund_rule(void **state)
{
	mp_date			 hol[3];
	struct refund_rule	 r;

	(void)state;
	hol[0] = day("2026-11-26");
	hol[1] = day("2026-12-24");
	hol[2] = day("2026-12-25");
	order_refund_rule(RK_INSTALLMENT, OS_PAID_INSTALLMENT,
	    day("2026-11-25"), hol, 3, &r);
	assert_string_equal(r.rule, "INST-C1");
	assert_true(r.has_date);
	assert_int_equal(r.max_days, 7);
	assert_day(r.by, "2026-12-07");
	order_refund_rule(RK_INSTALLMENT, OS_AWAITING_REVIEW,
	    day("2026-11-25"), hol, 3, &r);
	assert_string_equal(r.rule, "INST-C1");
	assert_false(r.has_date);
	order_refund_rule(RK_REMITTANCE, OS_AWAITING_VERIFICATION,
	    day("2026-11-25"), hol, 3, &r);
	assert_string_equal(r.rule, "REM-P8");
	assert_true(r.has_date);
	assert_day(r.by, "2026-12-28");
	assert_non_null(strstr(r.text, "10-20 business days"));
	order_refund_rule(RK_COD, OS_AWAITING_REVIEW, day("2026-11-25"), hol, 3,
	    &r);
	assert_string_equal(r.rule, "COD");
	assert_false(r.has_date);
	assert_non_null(strstr(r.text, "nothing to refund"));
	order_refund_rule(RK_PAY_AFTER_USE, OS_PENDING_SHIPMENT,
	    day("2026-11-25"), hol, 3, &r);
	assert_string_equal(r.rule, "PAU-05");
	assert_false(r.has_date);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C_04_deadlines),
		cmocka_unit_test(test_INST_C1_REM_P8_refund_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
