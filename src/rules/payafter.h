#ifndef MALLPAY_RULES_PAYAFTER_H
#define MALLPAY_RULES_PAYAFTER_H

/*
 * Pay After Use eligibility (RULES PAU-01, PAU-02), the automatic
 * confirmation day (PAU-03) and the late fee and suspension of an open
 * debt (INST-F1, INST-F2 for PAU-04). Pure.
 */

#include <stdint.h>

#include "core/calendar.h"
#include "core/money.h"
#include "rules/facts.h"
#include "rules/verdict.h"

/* Check PAU-01 and PAU-02 and write the verdict into *out (initialised
 * here: method PM_PAY_AFTER_USE, the amount figures). Never fails. */
void	payafter_check(const struct facts *f, struct verdict *out);

/* Pure (PAU-03): 1 if an order delivered at delivered_at is confirmed
 * automatically at now, i.e. the UTC calendar date of now is at least
 * `days` days after the date of delivery (day 10 yes, day 9 no). 0
 * otherwise, also for delivered_at <= 0. */
int	payafter_confirm_due(int64_t delivered_at, int64_t now, int days);

/* Pure (INST-F1 for PAU-04): the late fee of an open debt of amount
 * (minor units of cur) due on due, on today, at rate per day, into *out
 * (plan_late_fee: one rounding, 0 up to the due date). 0 or -1. */
int	payafter_late_fee(int64_t amount, const char *cur, mp_date due,
	    mp_date today, const struct money_rate *rate, int64_t *out);

/* Pure (INST-F2 for PAU-04): 1 if a debt due on due is overdue MORE than
 * suspend_days calendar days on today (day 31 with 30), else 0. */
int	payafter_should_suspend(mp_date due, mp_date today, int suspend_days);

#endif
