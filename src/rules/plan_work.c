/*
 * The next work day of an installment plan: INST-P2, INST-P3, INST-F1,
 * INST-F2.
 */

#include "core/calendar.h"
#include "rules/plan_work.h"

/* The next work day of one open installment it: see plan_work.h. floor is
 * the first day work may be planned on (today, or tomorrow once today's
 * work is done). 0 or -1. */
static int
inst_next(const struct plan_work_inst *it, mp_date today, mp_date floor,
    int remind_days, int auto_deduct, mp_date *out)
{
	mp_date	first, remind;

	/* INST-P3 on the due date, else INST-F1 from the day after. */
	if (auto_deduct)
		first = it->due;
	else if (mp_date_add_days(it->due, 1, &first) == -1)
		return -1;
	*out = first > floor ? first : floor;
	/* INST-P2: the reminder, not sent yet, the due date not passed. */
	if (!it->reminded && today <= it->due && remind_days >= 0) {
		if (mp_date_add_days(it->due, -remind_days, &remind) == -1)
			return -1;
		if (remind < floor)
			remind = floor;
		if (remind <= it->due && remind < *out)
			*out = remind;
	}
	return 0;
}

/* See plan_work.h. */
int
plan_next_work(const struct plan_work_inst *in, size_t n, mp_date today,
    int worked, int remind_days, int auto_deduct, mp_date *out)
{
	mp_date	floor = today, d;
	size_t	i;
	int	found = 0;

	if (worked && mp_date_add_days(today, 1, &floor) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (!in[i].open)
			continue;
		if (inst_next(&in[i], today, floor, remind_days, auto_deduct,
		    &d) == -1)
			return -1;
		if (!found || d < *out)
			*out = d;
		found = 1;
	}
	return found;
}
