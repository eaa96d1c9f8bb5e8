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
/* The columns of a line (struct db_ledger_line), each with its SQL; the
 * ID and TEXT_OPT ones are written as NULL when 0 or "". */
#define LINE_COLS(C) \
	C(TEXT,	entry_key,	"entry_key") \
	C(INT,	line_no,	", line_no") \
	C(TEXT,	kind,		", kind") \
	C(TEXT,	account,	", account") \
	C(TEXT,	currency,	", currency") \
	C(INT,	amount,		", amount_minor") \
	C(ID,	order_id,	", order_id") \
	C(ID,	plan_id,	", plan_id") \
	C(TEXT_OPT, ref_type,	", ref_type") \
	C(ID,	ref_id,		", ref_id") \
	C(TEXT_OPT, partner,	", partner") \
	C(TEXT_OPT, partner_ref, ", partner_ref") \
	C(TEXT_OPT, reverses,	", reverses") \
	C(TEXT,	memo,		", memo") \
	C(INT,	created_at,	", created_at")
#define LINE_FIELD(t, m, sql)	DBQ_FIELD(struct db_ledger_line, t, m)
DBQ_ROWS(line_row, struct db_ledger_line, LINE_COLS, LINE_FIELD);

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

#define ROW	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define INSERT	"INSERT INTO ledger_lines (" LINE_COLS(DBQ_SQL) ") VALUES " ROW
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
	"SELECT " LINE_COLS(DBQ_SQL) " FROM ledger_lines WHERE entry_key = ? "
	"ORDER BY line_no",
	/* STMT_LEDGER_BALANCE */
	"SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_lines "
	"WHERE account = ? AND currency = ?",
	/* STMT_LEDGER_LINES1 */
	INSERT,
	/* STMT_LEDGER_LINES64 */
	"INSERT INTO ledger_lines (" LINE_COLS(DBQ_SQL) ") VALUES " ROWS64,
	/* STMT_LEDGER_LAST_KEY: a range of the entry_key index */
	"SELECT COALESCE(MAX(entry_key), '') FROM ledger_lines "
	"WHERE entry_key LIKE CONCAT(?, '%')",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_LEDGER)

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
	if ((q = get(db, idx)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		dbq_bind_row(q, &line_row, &l[i]);
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
		if ((q = get(db, idx)) == NULL)
			return -1;
		for (j = i; j < i + k; j++)
			dbq_bind_row(q, &line_row, &l[j]);
		if (dbq_exec_done(q, NULL) == -1)
			return -1;
		i += k;
	}
	return 0;
}

/* See ledger.h. */
int
db_ledger_entry(struct db *db, const char *key, struct db_ledger_line **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_LEDGER_ENTRY), DBQ_S(key)),
	    &line_row, (void **)out, n);
}

/* See ledger.h. */
int
db_ledger_last_key(struct db *db, const char *prefix, char *out,
    size_t outsz)
{
	out[0] = '\0';
	return dbq_one_text(dbq_bind(get(db, STMT_LEDGER_LAST_KEY),
	    DBQ_S(prefix)), out, outsz) == -1 ? -1 : 0;
}

/* See ledger.h. */
int
db_ledger_balance(struct db *db, const char *account, const char *currency,
    int64_t *out)
{
	struct dbq *q;

	q = get(db, STMT_LEDGER_BALANCE);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(account), DBQ_S(currency));
	*out = 0;
	return dbq_one_int(q, out) == -1 ? -1 : 0;
}
