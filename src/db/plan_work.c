/*
 * plans.next_work_on (see plan_work.h). SQL only, bound parameters only
 * (DESIGN.md).
 */
#include <stddef.h>

#include "db/db.h"
#include "db/plan_work.h"
#include "db/stmt.h"

enum stmt {
	STMT_SET,
	STMT_EARLIER,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_SET */
	"UPDATE plans SET next_work_on = ? WHERE id = ?",
	/* STMT_EARLIER */
	"UPDATE plans SET next_work_on = GREATEST(next_work_on - INTERVAL ? "
	"DAY, CAST(? AS DATE)) WHERE status = 'active' AND next_work_on > ?",
};

/* See plan_work.h. */
int
db_plan_set_next_work(struct db *db, int64_t plan_id, mp_date day)
{
	struct dbq	*q = dbq_get(db, DB_T_PLAN_WORK, STMT_SET, stmts[STMT_SET]);
	char		 s[16];

	if (q == NULL)
		return -1;
	if (day == 0)
		dbq_null(q);
	else {
		mp_date_str(day, s, sizeof(s));
		dbq_cstr(q, s);
	}
	dbq_int(q, plan_id);
	return dbq_exec_done(q, NULL) == -1 ? -1 : 0;
}

/* See plan_work.h. */
int
db_plan_work_earlier(struct db *db, int days, mp_date today)
{
	struct dbq	*q = dbq_get(db, DB_T_PLAN_WORK, STMT_EARLIER,
			    stmts[STMT_EARLIER]);
	char		 s[16];

	if (q == NULL)
		return -1;
	mp_date_str(today, s, sizeof(s));
	dbq_bind(q, DBQ_I(days), DBQ_S(s), DBQ_S(s));
	return dbq_exec_done(q, NULL) == -1 ? -1 : 0;
}
