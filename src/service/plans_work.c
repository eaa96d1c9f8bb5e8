/*
 * Installment plans: the next day the scheduler has work on a plan
 * (plans.next_work_on, rules/plan_work.h), stored in the transaction of
 * every change of the plan so that plan_tick() reads only the plans due.
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/plan_work.h"
#include "rules/plan_work.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* See plans_int.h. */
int
plan_remind_days(struct db *db, int64_t *out)
{
	if (db_plan_setting(db, "inst_reminder_days_before", 3, out) == -1)
		return -1;
	if (*out < 0 || *out > 60)
		*out = 3;
	return 0;
}

/* The reminder days stored as text s (NULL: not set), as
 * plan_remind_days() reads them. */
static int64_t
remind_days_of(const char *s)
{
	char	*end;
	long	 v;

	if (s == NULL)
		return 3;
	v = strtol(s, &end, 10);
	return *s == '\0' || *end != '\0' || v < 0 || v > 60 ? 3 : v;
}

/* See plans.h. */
int
plan_setting_changed(struct db *db, const char *name, const char *was,
    const char *is, int64_t now)
{
	int64_t	grown;

	if (strcmp(name, "inst_reminder_days_before") != 0)
		return 0;
	grown = remind_days_of(is) - remind_days_of(was);
	if (grown <= 0)
		return 0;
	return db_plan_work_earlier(db, (int)grown, plan_day_of(now));
}

/* See plans_int.h. */
int
plan_schedule_inst(struct db *db, const struct db_plan *p,
    const struct db_plan_inst *in, size_t n, int64_t now, int worked)
{
	struct plan_work_inst	*w;
	int64_t			 remind;
	mp_date			 day = 0;
	size_t			 i;
	int			 rc;

	if (plan_remind_days(db, &remind) == -1)
		return -1;
	w = xcalloc(n + 1, sizeof(*w));
	for (i = 0; i < n; i++) {
		w[i].due = in[i].due;
		w[i].open = in[i].status == PI_DUE;
		w[i].reminded = in[i].reminded;
	}
	/* INST-P3: only a card plan with its token is deducted by tick. */
	rc = plan_next_work(w, n, plan_day_of(now), worked, (int)remind,
	    p->method == PM_INSTALLMENT_CARD && p->has_token, &day);
	free(w);
	if (rc == -1)
		return -1;
	return db_plan_set_next_work(db, p->id, rc == 1 ? day : 0);
}

/* See plans.h. */
int
plan_schedule(struct db *db, int64_t plan_id, int64_t now)
{
	struct db_plan_inst	*in;
	struct db_plan		 p;
	size_t			 n;
	int			 rc;

	if (db_plan_by_id(db, plan_id, &p) != 1 ||
	    db_plan_inst_list(db, plan_id, &in, &n) == -1)
		return -1;
	rc = plan_schedule_inst(db, &p, in, n, now, 0);
	free(in);
	return rc;
}
