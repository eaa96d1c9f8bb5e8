/*
 * Installment plans: the buyer's side (credit records, the credit line,
 * suspension, overdue installments and debts) and the numeric settings
 * the plans read (see plan.h, sql/008_installments.sql). SQL only, bound
 * parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/stmt.h"

/* What the plans read of a buyer. */
struct user_info {
	char	phone[129];	/* VARCHAR(32) of up to 4 bytes each */
	int	suspended;
	int	score;
};

/* A buyer's credit line in USD minor units. */
struct credit_line {
	int64_t	limit, used;
};

/* The columns of struct user_info, each with its SQL. */
#define USER_INFO_COLS(C) \
	C(TEXT,	phone,		"COALESCE(phone, '')") \
	C(INT,	suspended,	", installment_suspended") \
	/* identity: the score of the consent in force (INST-02) */ \
	C(INT,	score,		", COALESCE((SELECT cc.score FROM credit_consents cc WHERE cc.user_id = users.id AND cc.withdrawn_at IS NULL ORDER BY cc.id DESC LIMIT 1), 0)")
#define USER_INFO_FIELD(t, m, sql)	DBQ_FIELD(struct user_info, t, m)
DBQ_ROWS(user_info_row, struct user_info, USER_INFO_COLS, USER_INFO_FIELD);

/* The columns of struct credit_line, each with its SQL. */
#define CREDIT_LINE_COLS(C) \
	C(INT,	limit,		"credit_limit_usd_minor") \
	C(INT,	used,		", credit_used_usd_minor")
#define CREDIT_LINE_FIELD(t, m, sql)	DBQ_FIELD(struct credit_line, t, m)
DBQ_ROWS(credit_line_row, struct credit_line, CREDIT_LINE_COLS,
    CREDIT_LINE_FIELD);

enum stmt {
	STMT_CREDIT_RECORD,
	STMT_USER_SUSPEND,
	STMT_USER_UNSUSPEND,
	STMT_USER_INFO,
	STMT_USER_OVERDUE,
	STMT_CREDIT_LINE,
	STMT_CREDIT_RELEASE,
	STMT_SETTING,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_CREDIT_RECORD */
	"INSERT IGNORE INTO credit_records (user_id, plan_id, kind, detail, "
	"created_at) VALUES (?, ?, ?, ?, ?)",
	/* STMT_USER_SUSPEND */
	"UPDATE users SET installment_suspended = 1, bad_payment_record = 1 "
	"WHERE id = ? AND installment_suspended = 0",
	/* STMT_USER_UNSUSPEND */
	"UPDATE users SET installment_suspended = 0 WHERE id = ? AND "
	"installment_suspended = 1",
	/* STMT_USER_INFO */
	"SELECT " USER_INFO_COLS(DBQ_SQL) " FROM users "
	"WHERE id = ?",
	/* STMT_USER_OVERDUE: PAU-04's open debts are overdue "like an
	 * installment" too */
	"SELECT (SELECT COUNT(*) FROM plan_installments pi JOIN plans p ON "
	"p.id = pi.plan_id WHERE p.user_id = ? AND p.status = 'active' AND "
	"pi.status = 'due' AND pi.due_date < ?) + (SELECT COUNT(*) FROM "
	"pau_charges WHERE user_id = ? AND status = 'open' AND due_date < ?)",
	/* STMT_CREDIT_LINE */
	"SELECT " CREDIT_LINE_COLS(DBQ_SQL) " FROM users "
	"WHERE id = ?",
	/* STMT_CREDIT_RELEASE */
	"UPDATE users SET credit_used_usd_minor = GREATEST(0, "
	"credit_used_usd_minor - ?) WHERE id = ?",
	/* STMT_SETTING */
	"SELECT value FROM settings WHERE name = ?",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_PLAN_CREDIT)

/* See plan.h. */
int
db_plan_credit_record(struct db *db, int64_t user_id, int64_t plan_id,
    const char *kind, const char *detail, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_CREDIT_RECORD),
	    DBQ_I(user_id), DBQ_I(plan_id), DBQ_S(kind), DBQ_S(detail),
	    DBQ_I(now)));
}

/* See plan.h. */
int
db_plan_user_suspend(struct db *db, int64_t user_id, int on)
{
	return dbq_exec_one(dbq_bind(get(db,
	    on ? STMT_USER_SUSPEND : STMT_USER_UNSUSPEND), DBQ_I(user_id)));
}

/* See plan.h. */
int
db_plan_user_info(struct db *db, int64_t user_id, char *phone,
    size_t phonesz, int *suspended, int *score)
{
	struct user_info	u;
	int			rc;

	rc = dbq_one(dbq_bind(get(db, STMT_USER_INFO), DBQ_I(user_id)),
	    &user_info_row, &u);
	if (rc == 1) {
		snprintf(phone, phonesz, "%s", u.phone);
		*suspended = u.suspended;
		*score = u.score;
	}
	return rc;
}

/* See plan.h. */
int64_t
db_plan_user_overdue(struct db *db, int64_t user_id, mp_date today)
{
	return dbq_count(dbq_bind(get(db, STMT_USER_OVERDUE), DBQ_I(user_id),
	    DBQ_D(today), DBQ_I(user_id), DBQ_D(today)));
}

/* See plan.h. */
int
db_plan_credit_line(struct db *db, int64_t user_id, int64_t *limit,
    int64_t *used)
{
	struct credit_line	c;
	int			rc;

	rc = dbq_one(dbq_bind(get(db, STMT_CREDIT_LINE), DBQ_I(user_id)),
	    &credit_line_row, &c);
	if (rc == 1) {
		*limit = c.limit;
		*used = c.used;
	}
	return rc;
}

/* See plan.h. */
int
db_plan_credit_release(struct db *db, int64_t user_id, int64_t amount)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_CREDIT_RELEASE),
	    DBQ_I(amount), DBQ_I(user_id)), NULL);
}

/* See plan.h. */
int
db_plan_setting(struct db *db, const char *name, int64_t def, int64_t *out)
{
	struct dbq	*q = get(db, STMT_SETTING);
	int		 rc;
	char		*end;
	const char	*s;
	long long	 v;

	*out = def;
	if (q == NULL)
		return -1;
	dbq_cstr(q, name);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		s = dbq_col_str(q, 0, NULL);
		v = strtoll(s, &end, 10);
		if (end != s && *end == '\0')
			*out = v;
	}
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}
