/*
 * Unit tests of the pure parts of service/plans.h: which methods
 * start with a down payment (INST-P1), the due dates of a plan with and
 * without one (INST-M4 clamping kept), the APR with the down payment paid
 * at once (Regulation Z Appendix J, RULES "show the true figure"), the
 * down payment itself (INST-M3 upfront mode), the plan's status names,
 * INST-F3's payoff quote day by day for both kinds of schedule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/money.h"
#include "db/plan.h"
#include "rules/apr.h"
#include "rules/plan.h"
#include "service/orders.h"
#include "service/plans.h"

/* The plan of P minor USD over n months at rate% from y-m-d. */
static void
build(int64_t P, int n, const char *rate, enum plan_fee_mode mode, int y,
    int m, int d, struct plan *out)
{
	struct money		p;
	struct money_rate	r;
	mp_date			start;

	assert_int_equal(money_set(&p, P, "USD"), 0);
	assert_int_equal(money_rate_parse_percent(rate, strlen(rate), &r,
	    NULL, 0), 0);
	assert_int_equal(mp_date_from_ymd(y, m, d, &start), 0);
	assert_int_equal(plan_build(&p, n, &r, mode, start, out, NULL, 0), 0);
}

/* "YYYY-MM-DD" of installment i's due date. */
static const char *
due(const struct plan *pl, int down, int i, char *buf)
{
	mp_date d;

	assert_int_equal(plan_due_date(pl, down, i, &d), 0);
	return mp_date_str(d, buf, 11);
}

/* INST-P1: card and partner plans pay installment 1 on confirmation; the
 * credit line and the corporate plan do not (theirs is apart). */
static void
test_INST_P1_which_methods_have_a_down_payment(void **state)
{
	(void)state;
	assert_true(plan_has_down_payment(PM_INSTALLMENT_CARD));
	assert_true(plan_has_down_payment(PM_INSTALLMENT_PARTNER));
	assert_false(plan_has_down_payment(PM_CREDIT_LINE));
	assert_false(plan_has_down_payment(PM_INSTALLMENT_CORPORATE));
	assert_false(plan_has_down_payment(PM_COD));
}

/* INST-M4 and INST-P1: with a down payment, installment 1 is due on the
 * start and installment k on INST-M4's date k-1 (31 Jan -> 28/29 Feb ->
 * 31 Mar); without one INST-M4's dates as they are. */
static void
test_INST_M4_due_dates_with_and_without_down_payment(void **state)
{
	struct plan	pl;
	char		b[11];
	mp_date		d;

	(void)state;
	build(120000, 4, "0.80", PLAN_FEE_SPREAD, 2027, 1, 31, &pl);
	assert_string_equal(due(&pl, 1, 0, b), "2027-01-31");
	assert_string_equal(due(&pl, 1, 1, b), "2027-02-28");
	assert_string_equal(due(&pl, 1, 2, b), "2027-03-31");
	assert_string_equal(due(&pl, 1, 3, b), "2027-04-30");
	assert_string_equal(due(&pl, 0, 0, b), "2027-02-28");
	assert_string_equal(due(&pl, 0, 3, b), "2027-05-31");
	assert_int_equal(plan_due_date(&pl, 1, 4, &d), -1);
	assert_int_equal(plan_due_date(&pl, 1, -1, &d), -1);
}

/* APR with the down payment at once: USD 729.00 over 6 at 0.80 % spread
 * is 16.27 % paid at the end of each month (apr_plan) but 22.97 % when
 * the first USD 127.33 is paid on the day (financed USD 601.67 repaid by
 * 5 x USD 127.33): the true figure is shown. */
static void
test_INST_P1_apr_with_down_payment(void **state)
{
	struct plan	pl;
	int32_t		bp;

	(void)state;
	build(72900, 6, "0.80", PLAN_FEE_SPREAD, 2026, 11, 21, &pl);
	assert_int_equal(plan_apr(&pl, 0, &bp), 0);
	assert_int_equal(bp, 1627);
	assert_int_equal(plan_apr(&pl, 1, &bp), 0);
	assert_int_equal(bp, 2297);
	/* A single installment paid at once finances nothing. */
	build(72900, 1, "0.80", PLAN_FEE_SPREAD, 2026, 11, 21, &pl);
	assert_int_equal(plan_apr(&pl, 1, &bp), 0);
	assert_int_equal(bp, 0);
}

/* INST-P1 + INST-M3: the down payment is installment 1, with the whole
 * fee in upfront mode; the plan's start is moved to the day it is paid. */
static void
test_INST_P1_down_payment_amount(void **state)
{
	struct db_plan	p;
	int64_t		down;
	mp_date		today;

	(void)state;
	memset(&p, 0, sizeof(p));
	snprintf(p.currency, sizeof(p.currency), "USD");
	snprintf(p.monthly_rate, sizeof(p.monthly_rate), "1.20");
	p.method = PM_INSTALLMENT_CARD;
	p.principal = 100001;
	p.n = 3;
	p.fee_mode = PLAN_FEE_UPFRONT;
	assert_int_equal(mp_date_from_ymd(2026, 11, 21, &today), 0);
	/* fee round(1200.012) = 1200 a month, 3600 in all, on the first;
	 * principal 33333 + the remainder 2 (INST-M2). */
	assert_int_equal(plan_down_payment(&p, today, &down), 0);
	assert_int_equal(down, 33335 + 3600);
	p.fee_mode = PLAN_FEE_SPREAD;
	assert_int_equal(plan_down_payment(&p, today, &down), 0);
	assert_int_equal(down, 33335 + 1200);
	p.n = 0;
	assert_int_equal(plan_down_payment(&p, today, &down), -1);
}

/* INST-CC: My Orders sends a card order awaiting review to the card
 * page; a partner application keeps its plain "under review" text. */
static void
test_INST_CC_next_action_is_card_entry(void **state)
{
	struct order_action a;

	(void)state;
	order_next_action(PM_INSTALLMENT_CARD, OS_AWAITING_REVIEW, &a);
	assert_string_equal(a.label, "Enter your card");
	assert_string_equal(a.href_tail, "/card");
	order_next_action(PM_INSTALLMENT_PARTNER, OS_AWAITING_REVIEW, &a);
	assert_string_equal(a.href_tail, "");
}

/* The plan statuses round-trip; unknown names are refused. */
static void
test_plan_status_names(void **state)
{
	enum plan_status s;
	int i;

	(void)state;
	for (i = 0; i < PLAN_ST__MAX; i++) {
		assert_non_null(plan_status_name((enum plan_status)i));
		assert_int_equal(plan_status_parse(plan_status_name(
		    (enum plan_status)i), &s), 0);
		assert_int_equal((int)s, i);
	}
	assert_null(plan_status_name(PLAN_ST__MAX));
	assert_int_equal(plan_status_parse("paid", &s), -1);
	assert_int_equal(plan_status_parse(NULL, &s), -1);
}

/* The quote of pl with paid installments paid on y-m-d (INST-F3). */
static void
quote_on(const struct plan *pl, int paid, int y, int m, int d,
    struct plan_quote *q)
{
	mp_date at;

	assert_int_equal(mp_date_from_ymd(y, m, d, &at), 0);
	assert_int_equal(plan_quote_early(pl, paid, at, 1, q), 0);
}

/* Assert q: fee due, total, the first waived month, how many waived and
 * the day the first waived one begins ("" none). */
static void
assert_quote(const struct plan_quote *q, int64_t fee_due, int64_t total,
    int first, int nwaived, const char *next)
{
	char b[11];

	assert_int_equal(q->fee_due.minor, fee_due);
	assert_int_equal(q->total.minor, total);
	assert_int_equal(q->nwaived, nwaived);
	assert_int_equal(q->fee_waived.minor, 583 * nwaived);
	if (nwaived > 0) {
		assert_int_equal(q->waived[0], first);
		assert_int_equal(q->next_month, first);
		assert_string_equal(mp_date_str(q->next_begins, b, sizeof(b)),
		    next);
	} else
		assert_int_equal(q->next_month, 0);
}

/* INST-F3 for a card plan (installment 1 paid at confirmation): USD
 * 729.00 over 6 at 0.80 % from 21 Nov 2026 (12150 + 583 each). Month k
 * begins on installment k's due date (INST-M4's date k-1): on the start
 * only month 1 has begun, so a payoff that day waives the fees of months
 * 2..6; the day before due date 2 the same; on due date 2 and the day
 * after, month 2's fee is due and 3..6 are waived. */
static void
test_INST_F3_card_plan_day_by_day(void **state)
{
	struct plan		pl;
	struct plan_quote	q;
	mp_date			d, d2;
	int			k;

	(void)state;
	build(72900, 6, "0.80", PLAN_FEE_SPREAD, 2026, 11, 21, &pl);
	for (k = 1; k <= 6; k++) {
		assert_int_equal(plan_month_begins(&pl, k, &d), 0);
		assert_int_equal(plan_due_date(&pl, 1, k - 1, &d2), 0);
		assert_int_equal(d, d2);
	}
	/* The start day, after the down payment. */
	quote_on(&pl, 1, 2026, 11, 21, &q);
	assert_quote(&q, 0, 5 * 12150, 2, 5, "2026-12-21");
	/* The day before due date 2. */
	quote_on(&pl, 1, 2026, 12, 20, &q);
	assert_quote(&q, 0, 5 * 12150, 2, 5, "2026-12-21");
	/* Due date 2, installment 2 not paid yet (its fee is due). */
	quote_on(&pl, 1, 2026, 12, 21, &q);
	assert_quote(&q, 583, 5 * 12150 + 583, 3, 4, "2027-01-21");
	/* Due date 2 with installment 2 paid: nothing more of month 2. */
	quote_on(&pl, 2, 2026, 12, 21, &q);
	assert_quote(&q, 0, 4 * 12150, 3, 4, "2027-01-21");
	/* The day after due date 2 (late fees are apart, INST-F1). */
	quote_on(&pl, 1, 2026, 12, 22, &q);
	assert_quote(&q, 583, 5 * 12150 + 583, 3, 4, "2027-01-21");
	/* The last due date: every month has begun, nothing is waived. */
	quote_on(&pl, 5, 2027, 4, 21, &q);
	assert_quote(&q, 583, 12150 + 583, 0, 0, "");
}

/* INST-F3 for the credit line (no down payment): installment k is due at
 * the end of month k, the day month k+1 begins. On the start month 1 has
 * begun (its fee is due with installment 1), 2..6 are waived; on due date
 * 1 month 2 begins too; the day after, the same. */
static void
test_INST_F3_credit_line_day_by_day(void **state)
{
	struct plan		pl;
	struct plan_quote	q;
	mp_date			d, d2;
	int			k;

	(void)state;
	build(72900, 6, "0.80", PLAN_FEE_SPREAD, 2026, 11, 21, &pl);
	for (k = 1; k < 6; k++) {
		assert_int_equal(plan_month_begins(&pl, k + 1, &d), 0);
		assert_int_equal(plan_due_date(&pl, 0, k - 1, &d2), 0);
		assert_int_equal(d, d2);
	}
	assert_int_equal(plan_month_begins(&pl, 7, &d), -1);
	assert_int_equal(plan_month_begins(&pl, 0, &d), -1);
	/* The start day. */
	quote_on(&pl, 0, 2026, 11, 21, &q);
	assert_quote(&q, 583, 72900 + 583, 2, 5, "2026-12-21");
	/* The day before due date 1. */
	quote_on(&pl, 0, 2026, 12, 20, &q);
	assert_quote(&q, 583, 72900 + 583, 2, 5, "2026-12-21");
	/* Due date 1, unpaid: months 1 and 2 have begun. */
	quote_on(&pl, 0, 2026, 12, 21, &q);
	assert_quote(&q, 2 * 583, 72900 + 2 * 583, 3, 4, "2027-01-21");
	/* Due date 1, installment 1 paid: month 2's fee is left. */
	quote_on(&pl, 1, 2026, 12, 21, &q);
	assert_quote(&q, 583, 5 * 12150 + 583, 3, 4, "2027-01-21");
	/* The day after due date 1. */
	quote_on(&pl, 1, 2026, 12, 22, &q);
	assert_quote(&q, 583, 5 * 12150 + 583, 3, 4, "2027-01-21");
}

/* INST-F3: a card plan whose installment 2 was repaid on the start day,
 * ahead of its month: month 2 has not begun, so the fee paid with it comes
 * back as a credit against the payoff. */
static void
test_INST_F3_fee_paid_ahead_is_credited(void **state)
{
	struct plan		pl;
	struct plan_quote	q;

	(void)state;
	build(72900, 6, "0.80", PLAN_FEE_SPREAD, 2026, 11, 21, &pl);
	quote_on(&pl, 2, 2026, 11, 21, &q);
	assert_int_equal(q.fee_credit.minor, 583);
	assert_quote(&q, 0, 4 * 12150 - 583, 2, 5, "2026-12-21");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_P1_which_methods_have_a_down_payment),
		cmocka_unit_test(test_INST_M4_due_dates_with_and_without_down_payment),
		cmocka_unit_test(test_INST_P1_apr_with_down_payment),
		cmocka_unit_test(test_INST_P1_down_payment_amount),
		cmocka_unit_test(test_INST_CC_next_action_is_card_entry),
		cmocka_unit_test(test_plan_status_names),
		cmocka_unit_test(test_INST_F3_card_plan_day_by_day),
		cmocka_unit_test(test_INST_F3_credit_line_day_by_day),
		cmocka_unit_test(test_INST_F3_fee_paid_ahead_is_credited),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
