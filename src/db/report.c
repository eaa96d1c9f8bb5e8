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
	STMT_LEDGER_BOOK,
	STMT_REFUSAL_DAYS,
	STMT_OVERDUE,
	STMT_INST_PLANS,
	STMT_FOLD_TAKE,
	STMT_FOLD_ADD,
	STMT_FOLD_REMOVE,
	STMT_FOLD_END,
	STMT__MAX
};

/* The owed amount of the due dates late by lo..hi days (one parameter:
 * today), from the sums per due date (sql/049). */
#define AGED_OWED(lo, hi) "COALESCE(SUM(IF(DATEDIFF(?, due_date) " \
	"BETWEEN " #lo " AND " #hi ", owed_minor, 0)), 0)"
/* How many installments are late by lo..hi days (one parameter: today). */
#define AGED_COUNT(lo, hi) "COALESCE(SUM(IF(DATEDIFF(?, due_date) " \
	"BETWEEN " #lo " AND " #hi ", n, 0)), 0)"

/* The columns of a day of ledger totals (struct db_report_day). */
#define LEDGER_DAY_COLS(C) \
	C(INT,	day,		"day") \
	C(TEXT,	method,		", IF(? = 1, method, '')") \
	C(INT,	sum,		", SUM(sum_minor)") \
	C(INT,	entries,	", SUM(line_count)")
#define DAY_FIELD(t, m, sql)	DBQ_FIELD(struct db_report_day, t, m)
DBQ_ROWS(ledger_day_row, struct db_report_day, LEDGER_DAY_COLS, DAY_FIELD);

/* The columns of a key of a day (struct db_report_key_day). */
#define KEY_DAY_COLS(C) \
	C(INT,	day,		"day") \
	C(TEXT,	acct_class,	", acct_class") \
	C(TEXT,	kind,		", kind") \
	C(TEXT,	method,		", method") \
	C(INT,	plan,		", plan") \
	C(INT,	sign,		", sign") \
	C(INT,	sum,		", SUM(sum_minor)") \
	C(INT,	entries,	", SUM(line_count)")
#define KEY_DAY_FIELD(t, m, sql)	DBQ_FIELD(struct db_report_key_day, t, m)
DBQ_ROWS(key_day_row, struct db_report_key_day, KEY_DAY_COLS, KEY_DAY_FIELD);

/* The columns of a day of COD refusals (struct db_report_day). */
#define REFUSAL_DAY_COLS(C) \
	C(INT,	day,		"FLOOR(created_at / 86400)") \
	C(TEXT,	method,		", ''") \
	C(INT,	sum,		", 0") \
	C(INT,	entries,	", COUNT(*)")
DBQ_ROWS(refusal_day_row, struct db_report_day, REFUSAL_DAY_COLS,
    DAY_FIELD);

/* What is owed on late installments and how many, by days late. */
struct overdue {
	int64_t	owed[3];
	int64_t	count[3];
};

/* The columns of struct overdue: late 1-30, 31-60, over 60 days. */
#define OVERDUE_COLS(C) \
	C(INT,	owed[0],	AGED_OWED(1, 30)) \
	C(INT,	count[0],	", " AGED_COUNT(1, 30)) \
	C(INT,	owed[1],	", " AGED_OWED(31, 60)) \
	C(INT,	count[1],	", " AGED_COUNT(31, 60)) \
	C(INT,	owed[2],	", " AGED_OWED(61, 10000000)) \
	C(INT,	count[2],	", " AGED_COUNT(61, 10000000))
#define OVERDUE_FIELD(t, m, sql)	DBQ_FIELD(struct overdue, t, m)
DBQ_ROWS(overdue_row, struct overdue, OVERDUE_COLS, OVERDUE_FIELD);

/* The key of a day's totals but its slot (sql/041). */
#define FOLD_KEY	"day, currency, acct_class, kind, method, plan, sign"

static const char *const stmts[STMT__MAX] = {
	/* STMT_LEDGER_DAYS: the daily totals (sql/041): by_method, currency,
	 * first day, end day, kinds x2, account class, sign x2, plans_only */
	"SELECT " LEDGER_DAY_COLS(DBQ_SQL) " "
	"FROM ledger_days WHERE currency = ? AND day >= ? AND day < ? "
	"AND (? = '' OR FIND_IN_SET(kind, ?)) AND acct_class LIKE ? "
	"AND (? = 0 OR sign = ?) AND (? = 0 OR plan = 1) GROUP BY 1, 2 "
	"ORDER BY 1, 2",
	/* STMT_LEDGER_TOTAL: the same over every day (day -1) */
	"SELECT COALESCE(SUM(sum_minor), 0) FROM ledger_days "
	"WHERE currency = ? AND day = -1 AND (? = '' OR FIND_IN_SET(kind, ?)) "
	"AND acct_class LIKE ? AND (? = 0 OR sign = ?) "
	"AND (? = 0 OR plan = 1)",
	/* STMT_LEDGER_BOOK: currency, first day, 1 with the totals (day -1) */
	"SELECT " KEY_DAY_COLS(DBQ_SQL) " FROM ledger_days WHERE currency = ? "
	"AND (day >= ? OR (? = 1 AND day = -1)) "
	"GROUP BY day, acct_class, kind, method, plan, sign ORDER BY day",
	/* STMT_REFUSAL_DAYS */
	"SELECT " REFUSAL_DAY_COLS(DBQ_SQL) " FROM cod_refusals "
	"WHERE created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 1",
	/* STMT_OVERDUE: today x6, currency, today */
	"SELECT " OVERDUE_COLS(DBQ_SQL) " "
	"FROM installments_due_days WHERE currency = ? AND due_date < ?",
	/* STMT_INST_PLANS */
	"SELECT COUNT(*) FROM plans WHERE institution_id = ?",
	/* STMT_FOLD_TAKE: the rows of the days before the first parameter
	 * not in slot 0, locked and copied */
	"CREATE OR REPLACE TEMPORARY TABLE ledger_fold SELECT " FOLD_KEY
	", slot, sum_minor, line_count FROM ledger_days WHERE day >= 0 "
	"AND day < ? AND slot <> 0 FOR UPDATE",
	/* STMT_FOLD_ADD: their sums into slot 0 of their keys */
	"INSERT INTO ledger_days (" FOLD_KEY ", slot, sum_minor, line_count) "
	"SELECT " FOLD_KEY ", 0, SUM(sum_minor), SUM(line_count) FROM "
	"ledger_fold GROUP BY " FOLD_KEY " ON DUPLICATE KEY UPDATE "
	"sum_minor = ledger_days.sum_minor + VALUES(sum_minor), "
	"line_count = ledger_days.line_count + VALUES(line_count)",
	/* STMT_FOLD_REMOVE: exactly the rows copied */
	"DELETE d FROM ledger_days d JOIN ledger_fold f USING (" FOLD_KEY
	", slot)",
	/* STMT_FOLD_END */
	"DROP TEMPORARY TABLE ledger_fold",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_REPORT)

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
void
db_report_days_of(const struct db_report_query *q, int64_t *from,
    int64_t *to)
{
	*from = day_of(q->from);
	/* a partial last day counts whole: the end rounded up */
	*to = q->to > INT64_MAX - 86399 ? INT32_MAX : day_of(q->to + 86399);
}

/* See report.h. */
int
db_report_ledger_days(struct db *db, const struct db_report_query *r,
    struct db_report_day **out, size_t *n)
{
	struct dbq	*q = get(db, STMT_LEDGER_DAYS);
	int64_t		 from, to;

	if (q != NULL) {
		db_report_days_of(r, &from, &to);
		dbq_int(q, r->by_method);
		dbq_cstr(q, r->currency);
		dbq_int(q, from);
		dbq_int(q, to);
		bind_lines(q, r);
	}
	return dbq_rows(q, &ledger_day_row, (void **)out, n);
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
	return dbq_rows(dbq_bind(get(db, STMT_REFUSAL_DAYS), DBQ_I(from),
	    DBQ_I(to)), &refusal_day_row, (void **)out, n);
}

/* See report.h. */
int
db_report_ledger_book(struct db *db, const char *currency, int64_t from_day,
    int totals, struct db_report_key_day **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_LEDGER_BOOK), DBQ_S(currency),
	    DBQ_I(from_day), DBQ_I(totals != 0)), &key_day_row, (void **)out,
	    n);
}

/* See report.h. */
int
db_report_overdue_ages(struct db *db, const char *today,
    const char *currency, int64_t owed[3], int64_t count[3])
{
	struct dbq	*q = get(db, STMT_OVERDUE);
	struct overdue	 o;
	int		 i;

	if (q == NULL)
		return -1;
	for (i = 0; i < 6; i++)
		dbq_cstr(q, today);
	dbq_bind(q, DBQ_S(currency), DBQ_S(today));
	memset(&o, 0, sizeof(o));
	if (dbq_one(q, &overdue_row, &o) == -1)
		return -1;
	memcpy(owed, o.owed, sizeof(o.owed));
	memcpy(count, o.count, sizeof(o.count));
	return 0;
}

/* See report.h. */
int64_t
db_institution_plan_count(struct db *db, const char *id)
{
	return dbq_count(dbq_bind(get(db, STMT_INST_PLANS), DBQ_S(id)));
}

/* See report.h. */
int64_t
db_ledger_days_fold(struct db *db, int64_t before_day)
{
	uint64_t n = 0;

	if (dbq_exec_done(dbq_bind(get(db, STMT_FOLD_TAKE), DBQ_I(before_day)),
	    NULL) == -1 || dbq_exec_done(get(db, STMT_FOLD_ADD), NULL) == -1 ||
	    dbq_exec_done(get(db, STMT_FOLD_REMOVE), &n) == -1 ||
	    dbq_exec_done(get(db, STMT_FOLD_END), NULL) == -1)
		return -1;
	return (int64_t)n;
}
