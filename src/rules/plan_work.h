#ifndef MALLPAY_RULES_PLAN_WORK_H
#define MALLPAY_RULES_PLAN_WORK_H

/*
 * The next day on which an active installment plan has time-based work
 * (INST-P2 reminder, INST-P3 deduction, INST-F1 late fee, INST-F2
 * suspension), so that the scheduler reads only the plans due. Pure: the
 * day is an argument (C-05).
 */

#include <stddef.h>

#include "core/calendar.h"

/* One installment as the scheduler sees it. */
struct plan_work_inst {
	mp_date	 due;		/* due date */
	int	 open;		/* still due (not paid, not waived) */
	int	 reminded;	/* INST-P2 reminder already sent */
};

/* The next work day of a plan with the n installments in, into *out:
 * the earliest, over the open installments, of
 *  - INST-P2: the reminder day (due - remind_days), while not reminded
 *    and the due date not passed;
 *  - INST-P3: the due date when the card is deducted (auto_deduct), else
 *    the first late day (due + 1);
 *  - INST-F1/F2: for an installment on or past that day, the next day of
 *    work: tomorrow when today's work is done (worked), else today. The
 *    late fee accrues per calendar day and the suspension day (more than
 *    N days late) is one of those days, so one visit a day suffices.
 * No day before today (worked: before tomorrow) is answered. Returns 1,
 * or 0 when no installment is open (nothing to do: *out untouched), -1
 * when a date is out of range. */
int	plan_next_work(const struct plan_work_inst *in, size_t n, mp_date today,
	    int worked, int remind_days, int auto_deduct, mp_date *out);

#endif
