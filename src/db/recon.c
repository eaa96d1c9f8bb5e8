/*
 * Reconciliation's statements (see recon.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/recon.h"
#include "db/stmt.h"

/* The columns of a row (struct db_recon_run), each with its SQL. */
#define RUN_COLS(C) \
	C(INT,	id,		"r.id") \
	C(TEXT,	day,		", r.day") \
	C(TEXT,	partner,	", r.partner") \
	C(INT,	report_lines,	", r.report_lines") \
	C(INT,	ledger_lines,	", r.ledger_lines") \
	C(INT,	differences,	", r.differences") \
	C(INT,	ran_at,		", r.ran_at")
#define RUN_FIELD(t, m, sql)	DBQ_FIELD(struct db_recon_run, t, m)
DBQ_ROWS(run_row, struct db_recon_run, RUN_COLS, RUN_FIELD);

/* The columns of a row (struct db_recon_diff), each with its SQL. */
#define DIFF_COLS(C) \
	C(INT,	run_id,		"run_id") \
	C(TEXT,	reference,	", reference") \
	C(TEXT,	currency,	", currency") \
	C(TEXT,	kind,		", kind") \
	C(INT,	partner_minor,	", partner_minor") \
	C(INT,	ledger_minor,	", ledger_minor")
#define DIFF_FIELD(t, m, sql)	DBQ_FIELD(struct db_recon_diff, t, m)
DBQ_ROWS(diff_row, struct db_recon_diff, DIFF_COLS, DIFF_FIELD);

/* The columns of a row (struct db_recon_ledger), each with its SQL. */
#define LEDGER_COLS(C) \
	C(TEXT,	reference,	"COALESCE(partner_ref, '')") \
	C(TEXT,	currency,	", currency") \
	C(INT,	amount,		", amount_minor") \
	C(INT,	at,		", created_at")
#define LEDGER_FIELD(t, m, sql)	DBQ_FIELD(struct db_recon_ledger, t, m)
DBQ_ROWS(ledger_row, struct db_recon_ledger, LEDGER_COLS, LEDGER_FIELD);

enum stmt {
	STMT_LEDGER_LINES,
	STMT_RUN_INSERT,
	STMT_LAST_RUNS,
	STMT_DIFF_INSERT,
	STMT_DIFFS,
	STMT_COURIERS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_LEDGER_LINES */
	"SELECT " LEDGER_COLS(DBQ_SQL)
	" FROM ledger_lines WHERE partner = ? AND account = ? AND "
	"created_at >= ? AND created_at < ? ORDER BY id",
	/* STMT_RUN_INSERT */
	"INSERT INTO recon_runs (day, partner, report_lines, ledger_lines, "
	"differences, ran_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_LAST_RUNS */
	"SELECT " RUN_COLS(DBQ_SQL)
	" FROM recon_runs r JOIN (SELECT partner, MAX(id) AS id FROM "
	"recon_runs GROUP BY partner) m ON m.id = r.id ORDER BY "
	"r.partner",
	/* STMT_DIFF_INSERT */
	"INSERT INTO recon_differences (run_id, reference, currency, kind, "
	"partner_minor, ledger_minor) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_DIFFS */
	"SELECT " DIFF_COLS(DBQ_SQL)
	" FROM recon_differences WHERE run_id = ? ORDER BY id",
	/* STMT_COURIERS */
	"SELECT id FROM partners WHERE kind = 'logistics' ORDER BY id",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_RECON)

/* See recon.h. */
int
db_recon_ledger_lines(struct db *db, const char *partner, const char *account,
    int64_t from, int64_t to, struct db_recon_ledger **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_LEDGER_LINES), DBQ_S(partner), DBQ_S(account),
	    DBQ_I(from), DBQ_I(to)), &ledger_row, (void **)out, n);
}

/* See recon.h. */
int64_t
db_recon_run_insert(struct db *db, const struct db_recon_run *r)
{
	struct dbq	*q = dbq_bind(get(db, STMT_RUN_INSERT), DBQ_S(r->day),
			    DBQ_S(r->partner), DBQ_I(r->report_lines),
			    DBQ_I(r->ledger_lines), DBQ_I(r->differences),
			    DBQ_I(r->ran_at));
	int64_t		 id;

	if (q == NULL)
		return -1;
	id = dbq_exec(q) == 0 ? dbq_insert_id(q) : -1;
	dbq_done(q);
	return id;
}

/* See recon.h. */
int
db_recon_last_runs(struct db *db, struct db_recon_run **out, size_t *n)
{
	return dbq_rows(get(db, STMT_LAST_RUNS), &run_row, (void **)out, n);
}

/* See recon.h. */
int
db_recon_diff_insert(struct db *db, const struct db_recon_diff *d)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_DIFF_INSERT), DBQ_I(d->run_id), DBQ_S(d->reference),
	    DBQ_S(d->currency), DBQ_S(d->kind), DBQ_I(d->partner_minor),
	    DBQ_I(d->ledger_minor)), NULL);
}

/* See recon.h. */
int
db_recon_diffs(struct db *db, int64_t run_id, struct db_recon_diff **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_DIFFS), DBQ_I(run_id)), &diff_row, (void **)out, n);
}

/* Read one partner id into v (an int64_t). */
static void
id_fill(struct dbq *q, void *v)
{
	*(int64_t *)v = dbq_col_int(q, 0);
}

/* See recon.h. */
int
db_recon_couriers(struct db *db, int64_t **out, size_t *n)
{
	return dbq_list(get(db, STMT_COURIERS), sizeof(**out), id_fill, (void **)out, n);
}
