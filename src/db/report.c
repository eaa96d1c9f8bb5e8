/*
 * The money reports' statements (see report.h).
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/report.h"
#include "db/stmt.h"

enum stmt {
	STMT_LEDGER_DAYS,
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
	/* STMT_LEDGER_DAYS: by_method, kinds x2, account, currency,
	 * sign x2, plans_only, from, to */
	"SELECT FLOOR(l.created_at / 86400), IF(? = 1, COALESCE(o.method, "
	"''), ''), SUM(l.amount_minor), COUNT(DISTINCT l.entry_key) "
	"FROM ledger_lines l LEFT JOIN orders o ON o.id = l.order_id "
	"WHERE (? = '' OR FIND_IN_SET(l.kind, ?)) AND l.account LIKE ? "
	"AND l.currency = ? AND (? = 0 OR SIGN(l.amount_minor) = ?) "
	"AND (? = 0 OR l.plan_id IS NOT NULL) "
	"AND l.created_at >= ? AND l.created_at < ? GROUP BY 1, 2 "
	"ORDER BY 1, 2",
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

/* See report.h. */
int
db_report_ledger_days(struct db *db, const struct db_report_query *r,
    struct db_report_day **out, size_t *n)
{
	return dbq_list(dbq_bind(get(db, STMT_LEDGER_DAYS), DBQ_I(r->by_method),
	    DBQ_S(r->kinds), DBQ_S(r->kinds), DBQ_S(r->account),
	    DBQ_S(r->currency), DBQ_I(r->sign), DBQ_I(r->sign),
	    DBQ_I(r->plans_only), DBQ_I(r->from), DBQ_I(r->to)), sizeof(**out),
	    day_row, (void **)out, n);
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
