/*
 * The money reports' statements (see report.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/report.h"
#include "db/stmt.h"

enum stmt {
	STMT_LEDGER_DAYS,
	STMT_LEDGER_TOTAL,
	STMT_REFUSAL_DAYS,
	STMT_OVERDUE,
	STMT_INST_PLANS,
	STMT__MAX
};

/* What an installment still owes. */
#define OWED	"(i.principal_minor + i.fee_minor + i.late_fee_minor - " \
	"i.paid_minor)"
/* Its owed amount when it is late by lo..hi days (one parameter: today). */
#define AGE(lo, hi) "COALESCE(SUM(IF(DATEDIFF(?, i.due_date) BETWEEN " \
	#lo " AND " #hi ", " OWED ", 0)), 0), " \
	"COALESCE(SUM(DATEDIFF(?, i.due_date) BETWEEN " #lo " AND " #hi \
	"), 0)"

static const char *const stmts[STMT__MAX] = {
	/* STMT_LEDGER_DAYS: the daily totals (sql/041): by_method, currency,
	 * first day, end day, kinds x2, account class, sign x2, plans_only */
	"SELECT day, IF(? = 1, method, ''), SUM(sum_minor), SUM(line_count) "
	"FROM ledger_days WHERE currency = ? AND day >= ? AND day < ? "
	"AND (? = '' OR FIND_IN_SET(kind, ?)) AND acct_class LIKE ? "
	"AND (? = 0 OR sign = ?) AND (? = 0 OR plan = 1) GROUP BY 1, 2 "
	"ORDER BY 1, 2",
	/* STMT_LEDGER_TOTAL: the same over every day (day -1) */
	"SELECT COALESCE(SUM(sum_minor), 0) FROM ledger_days "
	"WHERE currency = ? AND day = -1 AND (? = '' OR FIND_IN_SET(kind, ?)) "
	"AND acct_class LIKE ? AND (? = 0 OR sign = ?) "
	"AND (? = 0 OR plan = 1)",
	/* STMT_REFUSAL_DAYS */
	"SELECT FLOOR(created_at / 86400), '', 0, COUNT(*) FROM cod_refusals "
	"WHERE created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 1",
	/* STMT_OVERDUE: today x6, currency, today */
	"SELECT " AGE(1, 30) ", " AGE(31, 60) ", " AGE(61, 10000000) " "
	"FROM plan_installments i JOIN plans p ON p.id = i.plan_id "
	"WHERE i.status = 'due' AND p.status = 'active' AND p.currency = ? "
	"AND i.due_date < ?",
	/* STMT_INST_PLANS */
	"SELECT COUNT(*) FROM plans WHERE institution_id = ?",
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_REPORT, idx, stmts[idx]);
}

/* dbq_list fill of a struct db_report_day. */
static void
day_row(struct dbq *q, void *arg)
{
	struct db_report_day *d = arg;

	d->day = (int32_t)dbq_col_int(q, 0);
	dbq_col_copy(q, 1, d->method, sizeof(d->method));
	d->sum = dbq_col_int(q, 2);
	d->entries = dbq_col_int(q, 3);
}

/* The day (since 1970-01-01) of unix time t, t >= 0; the day after the
 * last one for a time past it. */
static int64_t
day_of(int64_t t)
{
	if (t <= 0)
		return 0;
	return t / 86400 > INT32_MAX ? INT32_MAX : t / 86400;
}

/* Bind the filters of r common to both statements, after its currency:
 * kinds x2, account class, sign x2, plans_only. */
static void
bind_lines(struct dbq *q, const struct db_report_query *r)
{
	dbq_cstr(q, r->kinds);
	dbq_cstr(q, r->kinds);
	dbq_cstr(q, r->account);
	dbq_int(q, r->sign);
	dbq_int(q, r->sign);
	dbq_int(q, r->plans_only);
}

/* See report.h. */
int
db_report_ledger_days(struct db *db, const struct db_report_query *r,
    struct db_report_day **out, size_t *n)
{
	struct dbq *q = get(db, STMT_LEDGER_DAYS);

	if (q != NULL) {
		dbq_int(q, r->by_method);
		dbq_cstr(q, r->currency);
		dbq_int(q, day_of(r->from));
		/* a partial last day counts whole: the end rounded up */
		dbq_int(q, r->to > INT64_MAX - 86399 ? INT32_MAX :
		    day_of(r->to + 86399));
		bind_lines(q, r);
	}
	return dbq_list(q, sizeof(**out), day_row, (void **)out, n);
}

/* See report.h. */
int
db_report_ledger_total(struct db *db, const struct db_report_query *r,
    int64_t *sum)
{
	struct dbq	*q = get(db, STMT_LEDGER_TOTAL);
	int		 rc;

	*sum = 0;
	if (q == NULL)
		return -1;
	dbq_cstr(q, r->currency);
	bind_lines(q, r);
	if ((rc = dbq_exec_fetch(q)) == 1)
		*sum = dbq_col_int(q, 0);
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}

/* See report.h. */
int
db_report_refusal_days(struct db *db, int64_t from, int64_t to,
    struct db_report_day **out, size_t *n)
{
	return dbq_list(dbq_bind(get(db, STMT_REFUSAL_DAYS), DBQ_I(from),
	    DBQ_I(to)), sizeof(**out), day_row, (void **)out, n);
}

/* See report.h. */
int
db_report_overdue_ages(struct db *db, const char *today,
    const char *currency, int64_t owed[3], int64_t count[3])
{
	struct dbq	*q = get(db, STMT_OVERDUE);
	int		 i, rc;

	if (q == NULL)
		return -1;
	for (i = 0; i < 6; i++)
		dbq_cstr(q, today);
	dbq_bind(q, DBQ_S(currency), DBQ_S(today));
	if (dbq_exec(q) == -1 || (rc = dbq_fetch(q)) == -1) {
		dbq_done(q);
		return -1;
	}
	for (i = 0; i < 3; i++) {
		owed[i] = rc == 1 ? dbq_col_int(q, 2 * i) : 0;
		count[i] = rc == 1 ? dbq_col_int(q, 2 * i + 1) : 0;
	}
	dbq_done(q);
	return 0;
}

/* See report.h. */
int64_t
db_institution_plan_count(struct db *db, const char *id)
{
	return dbq_count(dbq_bind(get(db, STMT_INST_PLANS), DBQ_S(id)));
}
