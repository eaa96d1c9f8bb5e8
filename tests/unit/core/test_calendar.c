/*
 * Calendar dates (RULES C-04 business days, INST-M4 month arithmetic).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"

/* Parse "YYYY-MM-DD" or fail the test. */
static mp_date
D(const char *s)
{
	mp_date d;

	if (mp_date_parse(s, strlen(s), &d) == -1)
		fail_msg("bad date %s", s);
	return d;
}

/* Assert that d prints as want. */
static void
assert_date(mp_date d, const char *want)
{
	char s[CAL_DATE_STRLEN];

	assert_string_equal(mp_date_str(d, s, sizeof(s)), want);
}

static void
test_C_04_ymd_round_trip(void **state)
{
	mp_date d;
	int y, m, dd;

	(void)state;
	assert_int_equal(mp_date_from_ymd(1970, 1, 1, &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(mp_date_from_ymd(2000, 3, 1, &d), 0);
	assert_int_equal(d, 11017);
	assert_int_equal(mp_date_from_ymd(1969, 12, 31, &d), 0);
	assert_int_equal(d, -1);
	assert_int_equal(mp_date_from_ymd(1, 1, 1, &d), 0);
	assert_int_equal(d, CAL_DATE_MIN);
	assert_int_equal(mp_date_from_ymd(9999, 12, 31, &d), 0);
	assert_int_equal(d, CAL_DATE_MAX);
	/* Every day over several centuries survives the round trip. */
	for (d = D("1899-12-25"); d < D("2101-01-05"); d++) {
		mp_date back;

		assert_int_equal(mp_date_to_ymd(d, &y, &m, &dd), 0);
		assert_int_equal(mp_date_from_ymd(y, m, dd, &back), 0);
		assert_int_equal(back, d);
	}
	assert_int_equal(mp_date_to_ymd(CAL_DATE_MAX + 1, &y, &m, &dd), -1);
	assert_int_equal(mp_date_to_ymd(CAL_DATE_MIN - 1, NULL, NULL, NULL),
	    -1);
	assert_int_equal(mp_date_from_ymd(2026, 2, 29, &d), -1);
	assert_int_equal(mp_date_from_ymd(2024, 2, 29, &d), 0);
	assert_int_equal(mp_date_from_ymd(1900, 2, 29, &d), -1);
	assert_int_equal(mp_date_from_ymd(2000, 2, 29, &d), 0);
	assert_int_equal(mp_date_from_ymd(2026, 13, 1, &d), -1);
	assert_int_equal(mp_date_from_ymd(2026, 4, 31, &d), -1);
	assert_int_equal(mp_date_from_ymd(0, 1, 1, &d), -1);
	assert_int_equal(mp_date_from_ymd(10000, 1, 1, &d), -1);
}

static void
test_C_04_parse_strict(void **state)
{
	mp_date d;
	char s[CAL_DATE_STRLEN];

	(void)state;
	assert_int_equal(mp_date_parse("2026-11-21", 10, &d), 0);
	assert_string_equal(mp_date_str(d, s, sizeof(s)), "2026-11-21");
	assert_int_equal(mp_date_parse("2026-11-21T00", 10, &d), 0);
	assert_int_equal(mp_date_parse("2026-11-21 ", 11, &d), -1);
	assert_int_equal(mp_date_parse("2026-1-21", 9, &d), -1);
	assert_int_equal(mp_date_parse("2026/11/21", 10, &d), -1);
	assert_int_equal(mp_date_parse("2026-02-30", 10, &d), -1);
	assert_int_equal(mp_date_parse("2026-00-10", 10, &d), -1);
	assert_int_equal(mp_date_parse("+026-01-10", 10, &d), -1);
	assert_int_equal(mp_date_parse("2026-01-1x", 10, &d), -1);
	assert_int_equal(mp_date_parse(NULL, 10, &d), -1);
	assert_string_equal(mp_date_str(CAL_DATE_MAX + 1, s, sizeof(s)),
	    "invalid");
}

static void
test_C_04_unix_and_weekday(void **state)
{
	mp_date d;

	(void)state;
	assert_int_equal(mp_date_from_unix(0, &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(mp_date_from_unix(86399, &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(mp_date_from_unix(86400, &d), 0);
	assert_int_equal(d, 1);
	assert_int_equal(mp_date_from_unix(-1, &d), 0);
	assert_int_equal(d, -1);
	assert_int_equal(mp_date_from_unix(-86400, &d), 0);
	assert_int_equal(d, -1);
	assert_int_equal(mp_date_from_unix(-86401, &d), 0);
	assert_int_equal(d, -2);
	/* 2026-11-21 12:00:00 UTC */
	assert_int_equal(mp_date_from_unix(1795262400, &d), 0);
	assert_date(d, "2026-11-21");
	assert_int_equal(mp_date_to_unix(D("2026-11-21")), 1795219200);
	assert_int_equal(mp_date_from_unix(INT64_MAX, &d), -1);
	assert_int_equal(mp_date_weekday(0), CAL_THU);
	assert_int_equal(mp_date_weekday(-1), CAL_WED);
	assert_int_equal(mp_date_weekday(D("2026-11-21")), CAL_SAT);
	assert_int_equal(mp_date_weekday(D("2026-11-23")), CAL_MON);
	assert_int_equal(mp_date_weekday(D("1900-01-01")), CAL_MON);
}

static void
test_C_04_add_days(void **state)
{
	mp_date d;

	(void)state;
	assert_int_equal(mp_date_add_days(D("2026-02-27"), 2, &d), 0);
	assert_date(d, "2026-03-01");
	assert_int_equal(mp_date_add_days(D("2024-02-27"), 2, &d), 0);
	assert_date(d, "2024-02-29");
	assert_int_equal(mp_date_add_days(D("2026-12-31"), 1, &d), 0);
	assert_date(d, "2027-01-01");
	assert_int_equal(mp_date_add_days(D("2026-01-01"), -1, &d), 0);
	assert_date(d, "2025-12-31");
	assert_int_equal(mp_date_add_days(CAL_DATE_MAX, 1, &d), -1);
	assert_int_equal(mp_date_add_days(0, INT32_MAX, &d), -1);
}

static void
test_C_04_business_days(void **state)
{
	mp_date d, hol[3];

	(void)state;
	/* Friday + 1 business day = Monday. */
	assert_int_equal(mp_date_add_business_days(D("2026-11-20"), 1, NULL,
	    0, &d), 0);
	assert_date(d, "2026-11-23");
	/* Saturday + 1 = Monday; + 0 = the day itself. */
	assert_int_equal(mp_date_add_business_days(D("2026-11-21"), 1, NULL,
	    0, &d), 0);
	assert_date(d, "2026-11-23");
	assert_int_equal(mp_date_add_business_days(D("2026-11-21"), 0, NULL,
	    0, &d), 0);
	assert_date(d, "2026-11-21");
	/* Wednesday + 3 across a weekend. */
	assert_int_equal(mp_date_add_business_days(D("2026-11-18"), 3, NULL,
	    0, &d), 0);
	assert_date(d, "2026-11-23");
	/* With holidays: Thu 26 Nov and Fri 27 Nov are off. */
	hol[0] = D("2026-11-26");
	hol[1] = D("2026-11-27");
	hol[2] = D("2026-12-25");
	assert_int_equal(mp_date_add_business_days(D("2026-11-25"), 1, hol, 3,
	    &d), 0);
	assert_date(d, "2026-11-30");
	assert_int_equal(mp_date_add_business_days(D("2026-11-24"), 3, hol, 3,
	    &d), 0);
	assert_date(d, "2026-12-01");
	/* A holiday on a weekend changes nothing. */
	hol[0] = D("2026-11-21");
	assert_int_equal(mp_date_add_business_days(D("2026-11-20"), 1, hol, 1,
	    &d), 0);
	assert_date(d, "2026-11-23");
	/* 15 business days (REM-P4 cross-border): from Mon 2026-12-14 with
	 * Christmas off -> Tue 2027-01-05. */
	hol[0] = D("2026-12-25");
	hol[1] = D("2027-01-01");
	assert_int_equal(mp_date_add_business_days(D("2026-12-14"), 15, hol,
	    2, &d), 0);
	assert_date(d, "2027-01-06");
	assert_int_equal(mp_date_add_business_days(D("2026-12-14"), -1, NULL,
	    0, &d), -1);
	assert_int_equal(mp_date_is_business_day(D("2026-12-25"), hol, 2), 0);
	assert_int_equal(mp_date_is_business_day(D("2026-12-24"), hol, 2), 1);
	assert_int_equal(mp_date_is_business_day(D("2026-12-26"), NULL, 0), 0);
}

static void
test_C_04_business_days_between(void **state)
{
	mp_date hol[3], from, to, d;
	int32_t n;

	(void)state;
	assert_int_equal(mp_date_business_days_between(D("2026-11-20"),
	    D("2026-11-23"), NULL, 0), 1);
	assert_int_equal(mp_date_business_days_between(D("2026-11-23"),
	    D("2026-11-20"), NULL, 0), -1);
	assert_int_equal(mp_date_business_days_between(D("2026-11-23"),
	    D("2026-11-23"), NULL, 0), 0);
	assert_int_equal(mp_date_business_days_between(D("2026-11-02"),
	    D("2026-11-30"), NULL, 0), 20);
	hol[0] = D("2026-11-26");
	hol[1] = D("2026-11-26");	/* duplicate counts once */
	hol[2] = D("2026-11-28");	/* a Saturday */
	assert_int_equal(mp_date_business_days_between(D("2026-11-02"),
	    D("2026-11-30"), hol, 3), 19);
	/* Consistency with add_business_days over many starts and spans. */
	hol[0] = D("2026-12-24");
	hol[1] = D("2026-12-25");
	hol[2] = D("2027-01-01");
	for (from = D("2026-12-01"); from < D("2027-01-10"); from++) {
		for (n = 0; n < 25; n++) {
			assert_int_equal(mp_date_add_business_days(from, n,
			    hol, 3, &to), 0);
			assert_int_equal(mp_date_business_days_between(from,
			    to, hol, 3), n);
		}
	}
	(void)d;
}

static void
test_INST_M4_add_months_clamped(void **state)
{
	mp_date d;

	(void)state;
	assert_int_equal(mp_date_add_months(D("2026-01-31"), 1, &d), 0);
	assert_date(d, "2026-02-28");
	assert_int_equal(mp_date_add_months(D("2028-01-31"), 1, &d), 0);
	assert_date(d, "2028-02-29");
	assert_int_equal(mp_date_add_months(D("2026-01-31"), 2, &d), 0);
	assert_date(d, "2026-03-31");
	assert_int_equal(mp_date_add_months(D("2026-01-31"), 3, &d), 0);
	assert_date(d, "2026-04-30");
	assert_int_equal(mp_date_add_months(D("2026-11-30"), 3, &d), 0);
	assert_date(d, "2027-02-28");
	assert_int_equal(mp_date_add_months(D("2026-12-15"), 1, &d), 0);
	assert_date(d, "2027-01-15");
	assert_int_equal(mp_date_add_months(D("2026-03-31"), -1, &d), 0);
	assert_date(d, "2026-02-28");
	assert_int_equal(mp_date_add_months(D("2026-01-15"), -13, &d), 0);
	assert_date(d, "2024-12-15");
	/* "3 months" suspension from a refusal on 2026-11-30. */
	assert_int_equal(mp_date_add_months(D("2026-11-30"), 3, &d), 0);
	assert_date(d, "2027-02-28");
	assert_int_equal(mp_date_add_months(D("9999-12-01"), 1, &d), -1);
	assert_int_equal(mp_date_add_months(D("0001-01-01"), -1, &d), -1);
}

static void
test_INST_M4_due_dates_anchor_on_start(void **state)
{
	const char *want[] = {
		"2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
		"2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30",
		"2026-10-31", "2026-11-30", "2026-12-31", "2027-01-31",
	};
	mp_date d, chained;
	int i;

	(void)state;
	for (i = 0; i < 12; i++) {
		assert_int_equal(mp_date_plan_due(D("2026-01-31"), i + 1, &d),
		    0);
		assert_date(d, want[i]);
	}
	/* Chaining from the previous due date would drift to the 28th:
	 * that is what the anchor prevents. */
	assert_int_equal(mp_date_add_months(D("2026-02-28"), 1, &chained), 0);
	assert_date(chained, "2026-03-28");
	assert_int_equal(mp_date_plan_due(D("2026-01-31"), 0, &d), 0);
	assert_date(d, "2026-01-31");
	assert_int_equal(mp_date_plan_due(D("2026-01-31"), -1, &d), -1);
	/* A leap-day start. */
	assert_int_equal(mp_date_plan_due(D("2028-02-29"), 12, &d), 0);
	assert_date(d, "2029-02-28");
	assert_int_equal(mp_date_plan_due(D("2028-02-29"), 48, &d), 0);
	assert_date(d, "2032-02-29");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C_04_ymd_round_trip),
		cmocka_unit_test(test_C_04_parse_strict),
		cmocka_unit_test(test_C_04_unix_and_weekday),
		cmocka_unit_test(test_C_04_add_days),
		cmocka_unit_test(test_C_04_business_days),
		cmocka_unit_test(test_C_04_business_days_between),
		cmocka_unit_test(test_INST_M4_add_months_clamped),
		cmocka_unit_test(test_INST_M4_due_dates_anchor_on_start),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
