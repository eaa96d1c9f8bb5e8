/*
 * ledger_lines: append an entry, read it back, balances and the balance
 * check (see ledger.h). SQL only, bound parameters only. The table refuses
 * UPDATE and DELETE (triggers, 014); `mallpayctl check` reads it through
 * db/check.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/ledger.h"
#include "db/stmt.h"

/* The insert of an entry of n lines is statement n - 2. */
enum stmt {
	STMT_LEDGER_INSERT2,
	STMT_LEDGER_INSERT3,
	STMT_LEDGER_INSERT4,
	STMT_LEDGER_INSERT5,
	STMT_LEDGER_INSERT6,
	STMT_LEDGER_INSERT7,
	STMT_LEDGER_INSERT8,
	STMT_LEDGER_ENTRY,
	STMT_LEDGER_BALANCE,
	STMT_LEDGER_LINES1,	/* db_ledger_insert_lines: 1 line */
	STMT_LEDGER_LINES64,	/* and 64 lines */
	STMT_LEDGER_LAST_KEY,
	STMT__MAX
};

#define LINE_COLS \
	"entry_key, line_no, kind, account, currency, amount_minor, " \
	"order_id, plan_id, ref_type, ref_id, partner, partner_ref, " \
	"reverses, memo, created_at"
#define ROW	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define INSERT	"INSERT INTO ledger_lines (" LINE_COLS ") VALUES " ROW
#define ROW2	INSERT ", " ROW
#define ROW3	ROW2 ", " ROW
#define ROW4	ROW3 ", " ROW
#define ROW5	ROW4 ", " ROW
#define ROW6	ROW5 ", " ROW
#define ROW7	ROW6 ", " ROW
#define ROW8	ROW7 ", " ROW
#define ROWS8	ROW ", " ROW ", " ROW ", " ROW ", " ROW ", " ROW ", " ROW ", " ROW
#define ROWS64	ROWS8 ", " ROWS8 ", " ROWS8 ", " ROWS8 ", " ROWS8 ", " \
	ROWS8 ", " ROWS8 ", " ROWS8
#define LINES_BATCH	64

static const char *const stmts[STMT__MAX] = {
	ROW2, ROW3, ROW4, ROW5, ROW6, ROW7, ROW8,
	/* STMT_LEDGER_ENTRY */
	"SELECT " LINE_COLS " FROM ledger_lines WHERE entry_key = ? "
	"ORDER BY line_no",
	/* STMT_LEDGER_BALANCE */
	"SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_lines "
	"WHERE account = ? AND currency = ?",
	/* STMT_LEDGER_LINES1 */
	INSERT,
	/* STMT_LEDGER_LINES64 */
	"INSERT INTO ledger_lines (" LINE_COLS ") VALUES " ROWS64,
	/* STMT_LEDGER_LAST_KEY: a range of the entry_key index */
	"SELECT COALESCE(MAX(entry_key), '') FROM ledger_lines "
	"WHERE entry_key LIKE CONCAT(?, '%')",
};

/* Bind the fifteen columns of line l. */
static void
bind_line(struct dbq *q, const struct db_ledger_line *l)
{
	dbq_cstr(q, l->entry_key);
	dbq_int(q, l->line_no);
	dbq_cstr(q, l->kind);
	dbq_cstr(q, l->account);
	dbq_cstr(q, l->currency);
	dbq_int(q, l->amount);
	dbq_id_opt(q, l->order_id);
	dbq_id_opt(q, l->plan_id);
	dbq_cstr_opt(q, l->ref_type);
	dbq_id_opt(q, l->ref_id);
	dbq_cstr_opt(q, l->partner);
	dbq_cstr_opt(q, l->partner_ref);
	dbq_cstr_opt(q, l->reverses);
	dbq_cstr(q, l->memo);
	dbq_int(q, l->created_at);
}

/* See ledger.h. */
int
db_ledger_insert(struct db *db, const struct db_ledger_line *l, size_t n)
{
	struct dbq	*q;
	size_t		 i;
	int		 idx;

	if (n < 2 || n > DB_LEDGER_MAX_LINES)
		return -1;
	idx = STMT_LEDGER_INSERT2 + (int)(n - 2);
	if ((q = dbq_get(db, DB_T_LEDGER, idx, stmts[idx])) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		bind_line(q, &l[i]);
	return dbq_exec_once(q);
}

/* See ledger.h. */
int
db_ledger_insert_lines(struct db *db, const struct db_ledger_line *l,
    size_t n)
{
	struct dbq	*q;
	size_t		 i = 0, j, k;
	int		 idx;

	while (i < n) {
		/* 64 lines a statement; the rest by up to 8 (or one). */
		k = n - i >= LINES_BATCH ? LINES_BATCH : n - i >= 8 ? 8 :
		    n - i;
		idx = k == LINES_BATCH ? STMT_LEDGER_LINES64 : k == 1 ?
		    STMT_LEDGER_LINES1 : STMT_LEDGER_INSERT2 + (int)(k - 2);
		if ((q = dbq_get(db, DB_T_LEDGER, idx, stmts[idx])) == NULL)
			return -1;
		for (j = i; j < i + k; j++)
			bind_line(q, &l[j]);
		if (dbq_exec_done(q, NULL) == -1)
			return -1;
		i += k;
	}
	return 0;
}

/* dbq_list fill: one LINE_COLS row. */
static void
fill_line(struct dbq *q, void *p)
{
	struct db_ledger_line *l = p;

	dbq_col_copy(q, 0, l->entry_key, sizeof(l->entry_key));
	l->line_no = (int)dbq_col_int(q, 1);
	dbq_col_copy(q, 2, l->kind, sizeof(l->kind));
	dbq_col_copy(q, 3, l->account, sizeof(l->account));
	dbq_col_copy(q, 4, l->currency, sizeof(l->currency));
	l->amount = dbq_col_int(q, 5);
	l->order_id = dbq_col_int(q, 6);
	l->plan_id = dbq_col_int(q, 7);
	dbq_col_copy(q, 8, l->ref_type, sizeof(l->ref_type));
	l->ref_id = dbq_col_int(q, 9);
	dbq_col_copy(q, 10, l->partner, sizeof(l->partner));
	dbq_col_copy(q, 11, l->partner_ref, sizeof(l->partner_ref));
	dbq_col_copy(q, 12, l->reverses, sizeof(l->reverses));
	dbq_col_copy(q, 13, l->memo, sizeof(l->memo));
	l->created_at = dbq_col_int(q, 14);
}

/* See ledger.h. */
int
db_ledger_entry(struct db *db, const char *key, struct db_ledger_line **out,
    size_t *n)
{
	struct dbq *q;

	q = dbq_get(db, DB_T_LEDGER, STMT_LEDGER_ENTRY,
	    stmts[STMT_LEDGER_ENTRY]);
	if (q != NULL)
		dbq_cstr(q, key);
	return dbq_list(q, sizeof(**out), fill_line, (void **)out, n);
}

/* See ledger.h. */
int
db_ledger_last_key(struct db *db, const char *prefix, char *out,
    size_t outsz)
{
	struct dbq	*q;
	int		 rc;

	out[0] = '\0';
	q = dbq_get(db, DB_T_LEDGER, STMT_LEDGER_LAST_KEY,
	    stmts[STMT_LEDGER_LAST_KEY]);
	if (q == NULL)
		return -1;
	dbq_cstr(q, prefix);
	if ((rc = dbq_exec_fetch(q)) == 1)
		dbq_col_copy(q, 0, out, outsz);
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}

/* See ledger.h. */
int
db_ledger_balance(struct db *db, const char *account, const char *currency,
    int64_t *out)
{
	struct dbq *q;

	q = dbq_get(db, DB_T_LEDGER, STMT_LEDGER_BALANCE,
	    stmts[STMT_LEDGER_BALANCE]);
	if (q == NULL)
		return -1;
	dbq_cstr(q, account);
	dbq_cstr(q, currency);
	*out = 0;
	return dbq_one_int(q, out) == -1 ? -1 : 0;
}
