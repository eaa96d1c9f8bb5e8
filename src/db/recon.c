/*
 * Reconciliation's statements (see recon.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/recon.h"
#include "db/stmt.h"

enum stmt {
	STMT_LEDGER_LINES,
	STMT_RUN_INSERT,
	STMT_LAST_RUNS,
	STMT_DIFF_INSERT,
	STMT_DIFFS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_LEDGER_LINES */
	"SELECT COALESCE(partner_ref, ''), currency, amount_minor, created_at "
	"FROM ledger_lines WHERE partner = ? AND account = ? "
	"AND created_at >= ? AND created_at < ? ORDER BY id",
	/* STMT_RUN_INSERT */
	"INSERT INTO recon_runs (day, partner, report_lines, ledger_lines, "
	"differences, ran_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_LAST_RUNS */
	"SELECT r.id, r.day, r.partner, r.report_lines, r.ledger_lines, "
	"r.differences, r.ran_at FROM recon_runs r JOIN (SELECT partner, "
	"MAX(id) AS id FROM recon_runs GROUP BY partner) m ON m.id = r.id "
	"ORDER BY r.partner",
	/* STMT_DIFF_INSERT */
	"INSERT INTO recon_differences (run_id, reference, currency, kind, "
	"partner_minor, ledger_minor) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_DIFFS */
	"SELECT run_id, reference, currency, kind, partner_minor, "
	"ledger_minor FROM recon_differences WHERE run_id = ? ORDER BY id",
};

/* Read one ledger line into v (a struct db_recon_ledger). */
static void
ledger_fill(struct dbq *q, void *v)
{
	struct db_recon_ledger *l = v;

	dbq_col_copy(q, 0, l->reference, sizeof(l->reference));
	dbq_col_copy(q, 1, l->currency, sizeof(l->currency));
	l->amount = dbq_col_int(q, 2);
	l->at = dbq_col_int(q, 3);
}

/* See recon.h. */
int
db_recon_ledger_lines(struct db *db, const char *partner, const char *account,
    int64_t from, int64_t to, struct db_recon_ledger **out, size_t *n)
{
	struct dbq *q;

	q = dbq_get(db, DB_T_RECON, STMT_LEDGER_LINES,
	    stmts[STMT_LEDGER_LINES]);
	if (q != NULL) {
		dbq_cstr(q, partner);
		dbq_cstr(q, account);
		dbq_int(q, from);
		dbq_int(q, to);
	}
	return dbq_list(q, sizeof(**out), ledger_fill, (void **)out, n);
}

/* See recon.h. */
int64_t
db_recon_run_insert(struct db *db, const struct db_recon_run *r)
{
	struct dbq *q;
	int64_t id;

	if ((q = dbq_get(db, DB_T_RECON, STMT_RUN_INSERT,
	    stmts[STMT_RUN_INSERT])) == NULL)
		return -1;
	dbq_cstr(q, r->day);
	dbq_cstr(q, r->partner);
	dbq_int(q, r->report_lines);
	dbq_int(q, r->ledger_lines);
	dbq_int(q, r->differences);
	dbq_int(q, r->ran_at);
	id = dbq_exec(q) == 0 ? dbq_insert_id(q) : -1;
	dbq_done(q);
	return id;
}

/* Read one recon_runs row into v (a struct db_recon_run). */
static void
run_fill(struct dbq *q, void *v)
{
	struct db_recon_run *r = v;

	r->id = dbq_col_int(q, 0);
	dbq_col_copy(q, 1, r->day, sizeof(r->day));
	dbq_col_copy(q, 2, r->partner, sizeof(r->partner));
	r->report_lines = (int)dbq_col_int(q, 3);
	r->ledger_lines = (int)dbq_col_int(q, 4);
	r->differences = (int)dbq_col_int(q, 5);
	r->ran_at = dbq_col_int(q, 6);
}

/* See recon.h. */
int
db_recon_last_runs(struct db *db, struct db_recon_run **out, size_t *n)
{
	return dbq_list(dbq_get(db, DB_T_RECON, STMT_LAST_RUNS,
	    stmts[STMT_LAST_RUNS]), sizeof(**out), run_fill, (void **)out, n);
}

/* See recon.h. */
int
db_recon_diff_insert(struct db *db, const struct db_recon_diff *d)
{
	struct dbq *q;

	if ((q = dbq_get(db, DB_T_RECON, STMT_DIFF_INSERT,
	    stmts[STMT_DIFF_INSERT])) == NULL)
		return -1;
	dbq_int(q, d->run_id);
	dbq_cstr(q, d->reference);
	dbq_cstr(q, d->currency);
	dbq_cstr(q, d->kind);
	dbq_int(q, d->partner_minor);
	dbq_int(q, d->ledger_minor);
	return dbq_exec_done(q, NULL);
}

/* Read one recon_differences row into v (a struct db_recon_diff). */
static void
diff_fill(struct dbq *q, void *v)
{
	struct db_recon_diff *d = v;

	d->run_id = dbq_col_int(q, 0);
	dbq_col_copy(q, 1, d->reference, sizeof(d->reference));
	dbq_col_copy(q, 2, d->currency, sizeof(d->currency));
	dbq_col_copy(q, 3, d->kind, sizeof(d->kind));
	d->partner_minor = dbq_col_int(q, 4);
	d->ledger_minor = dbq_col_int(q, 5);
}

/* See recon.h. */
int
db_recon_diffs(struct db *db, int64_t run_id, struct db_recon_diff **out,
    size_t *n)
{
	return dbq_list_id(dbq_get(db, DB_T_RECON, STMT_DIFFS,
	    stmts[STMT_DIFFS]), run_id, sizeof(**out), diff_fill,
	    (void **)out, n);
}
