/*
 * The next work day of an installment plan (rules/plan_work.c): INST-P2
 * reminders, INST-P3 deductions, INST-F1 late fees, INST-F2 suspension.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "rules/plan_work.h"

static mp_date
D(const char *s)
{
	mp_date d;

	assert_int_equal(mp_date_parse(s, strlen(s), &d), 0);
	return d;
}

/* The next work day of in[0..n) at today into a date. */
static mp_date
next(const struct plan_work_inst *in, size_t n, const char *today, int worked,
    int auto_deduct)
{
	mp_date d = 0;

	assert_int_equal(plan_next_work(in, n, D(today), worked, 3,
	    auto_deduct, &d), 1);
	return d;
}

/* INST-P2: the reminder day comes first while not sent; once sent, the
 * due date (card deduction) or the first late day is next. */
static void
test_INST_P2_reminder_day_then_due_date(void **state)
{
	struct plan_work_inst in[2] = {
		{ D("2026-03-10"), 1, 0 }, { D("2026-04-10"), 1, 0 } };

	(void)state;
	assert_int_equal(next(in, 2, "2026-02-01", 0, 1), D("2026-03-07"));
	/* Inside the reminder window and not sent: today. */
	assert_int_equal(next(in, 2, "2026-03-08", 0, 1), D("2026-03-08"));
	/* Sent: the card is deducted on the due date ... */
	in[0].reminded = 1;
	assert_int_equal(next(in, 2, "2026-03-08", 1, 1), D("2026-03-10"));
	/* ... without a card nothing happens until the first late day. */
	assert_int_equal(next(in, 2, "2026-03-08", 1, 0), D("2026-03-11"));
	/* Paid: the next installment's reminder. */
	in[0].open = 0;
	assert_int_equal(next(in, 2, "2026-03-10", 1, 1), D("2026-04-07"));
}

/* INST-F1: an overdue installment is worked once per calendar day:
 * tomorrow after today's run, today when the run has not been. */
static void
test_INST_F1_overdue_once_a_day(void **state)
{
	struct plan_work_inst in[2] = {
		{ D("2026-03-10"), 1, 1 }, { D("2026-04-10"), 1, 0 } };

	(void)state;
	assert_int_equal(next(in, 2, "2026-03-11", 1, 0), D("2026-03-12"));
	assert_int_equal(next(in, 2, "2026-03-11", 0, 0), D("2026-03-11"));
	/* Over a month end. */
	assert_int_equal(next(in, 2, "2026-03-31", 1, 1), D("2026-04-01"));
	/* The due date of a card plan: deducted today, retried tomorrow. */
	assert_int_equal(next(in, 2, "2026-03-10", 1, 1), D("2026-03-11"));
}

/* INST-F2: the suspension day (more than 30 days late) is one of the
 * daily visits: the day before it, the next work is that day. */
static void
test_INST_F2_suspension_day_is_visited(void **state)
{
	struct plan_work_inst in[1] = { { D("2026-03-10"), 1, 1 } };

	(void)state;
	/* 30 days late on 04-09, 31 (suspended) on 04-10. */
	assert_int_equal(next(in, 1, "2026-04-09", 1, 0), D("2026-04-10"));
}

/* Nothing open: no work day; a reminder never precedes today. */
static void
test_plan_next_work_nothing_open(void **state)
{
	struct plan_work_inst in[1] = { { D("2026-03-10"), 0, 0 } };
	mp_date d = 42;

	(void)state;
	assert_int_equal(plan_next_work(in, 1, D("2026-03-01"), 0, 3, 1, &d),
	    0);
	assert_int_equal(d, 42);
	assert_int_equal(plan_next_work(in, 0, D("2026-03-01"), 0, 3, 1, &d),
	    0);
	in[0].open = 1;
	assert_int_equal(next(in, 1, "2026-03-09", 1, 0), D("2026-03-10"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_P2_reminder_day_then_due_date),
		cmocka_unit_test(test_INST_F1_overdue_once_a_day),
		cmocka_unit_test(test_INST_F2_suspension_day_is_visited),
		cmocka_unit_test(test_plan_next_work_nothing_open),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
