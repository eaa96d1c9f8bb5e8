#ifndef MALLPAY_DB_PLAN_WORK_H
#define MALLPAY_DB_PLAN_WORK_H

/*
 * plans.next_work_on: the day the scheduler next visits an active plan
 * (see rules/plan_work.h and sql/025_due_work.sql).
 */

#include <stdint.h>

#include "core/calendar.h"

struct db;

/* Store day (0: NULL, nothing to do) as plan_id's next work day. 0/-1. */
int	db_plan_set_next_work(struct db *, int64_t plan_id, mp_date day);

/* Move the next work day of every active plan whose day is after today
 * days earlier, but not before today, by the (status, next_work_on)
 * index. 0/-1. */
int	db_plan_work_earlier(struct db *, int days, mp_date today);

#endif
