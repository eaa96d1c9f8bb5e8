/*
 * COD debts paid in and companies' credit paid out (see money_out.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/money_out.h"
#include "db/stmt.h"

/* The columns of a row (struct db_payout), each with its SQL. */
#define PAYOUT_ROW_COLS(C) \
	C(INT,	id,		"id") \
	C(INT,	company_id,	", company_id") \
	C(TEXT,	key,		", idem_key") \
	C(TEXT,	params,		", params") \
	C(INT,	amount_minor,	", amount_minor") \
	C(TEXT,	currency,	", currency") \
	C(TEXT,	bank_account,	", bank_account") \
	C(TEXT,	reference,	", reference") \
	C(INT,	paid_by,	", paid_by") \
	C(INT,	created_at,	", created_at")
#define PAYOUT_ROW_FIELD(t, m, sql)	DBQ_FIELD(struct db_payout, t, m)
DBQ_ROWS(payout_row, struct db_payout, PAYOUT_ROW_COLS, PAYOUT_ROW_FIELD);

/* The columns of a debt (struct db_debt_row), each with its SQL. */
#define DEBT_ROW_COLS(C) \
	C(INT,	id,		"id") \
	C(INT,	user_id,	", user_id") \
	C(INT,	order_id,	", order_id") \
	C(TEXT,	kind,		", kind") \
	C(INT,	amount_minor,	", amount_minor") \
	C(TEXT,	currency,	", currency") \
	C(TEXT,	description,	", description") \
	C(INT,	created_at,	", created_at") \
	C(INT,	settled_at,	", COALESCE(settled_at, 0)") \
	C(TEXT,	settled_key,	", COALESCE(settled_key, '')") \
	C(TEXT,	settled_ref,	", COALESCE(settled_ref, '')")
#define DEBT_ROW_FIELD(t, m, sql)	DBQ_FIELD(struct db_debt_row, t, m)
DBQ_ROWS(debt_row, struct db_debt_row, DEBT_ROW_COLS, DEBT_ROW_FIELD);

/* The columns of a balance (struct db_acct_balance), each with its SQL. */
#define HELD_COLS(C) \
	C(TEXT,	currency,	"currency") \
	C(INT,	held,		", -SUM(amount_minor)")
#define HELD_FIELD(t, m, sql)	DBQ_FIELD(struct db_acct_balance, t, m)
DBQ_ROWS(held_row, struct db_acct_balance, HELD_COLS, HELD_FIELD);

/* A disagreement STMT_CHECK finds. */
struct check_row {
	char	 what[32];	/* which movement */
	int64_t	 id;
	int64_t	 st;		/* the amount by its row's state */
	int64_t	 led;		/* the amount by the ledger */
};

/* The columns of STMT_CHECK (struct check_row), each with its SQL. */
#define CHECK_COLS(C) \
	C(TEXT,	what,	"what") \
	C(INT,	id,	", id") \
	C(INT,	st,	", st") \
	C(INT,	led,	", led")
#define CHECK_FIELD(t, m, sql)	DBQ_FIELD(struct check_row, t, m)
DBQ_ROWS(check_row, struct check_row, CHECK_COLS, CHECK_FIELD);

enum stmt {
	STMT_DEBT_GET,
	STMT_DEBT_LOCK,
	STMT_DEBT_BY_KEY,
	STMT_DEBT_SETTLE,
	STMT_ACCT_HELD,
	STMT_PAYOUT_BY_KEY,
	STMT_PAYOUT_INSERT,
	STMT_PAYOUT_LIST,
	STMT_CHECK,
	STMT__MAX
};

#define PAYOUT_COLS \
	"SELECT " PAYOUT_ROW_COLS(DBQ_SQL) " FROM company_payouts "

#define DEBT_COLS "SELECT " DEBT_ROW_COLS(DBQ_SQL) " FROM account_debts " \
	"WHERE id = ?"

static const char *const stmts[STMT__MAX] = {
	/* STMT_DEBT_GET */
	DEBT_COLS,
	/* STMT_DEBT_LOCK */
	DEBT_COLS " FOR UPDATE",
	/* STMT_DEBT_BY_KEY */
	"SELECT id FROM account_debts WHERE settled_key = ?",
	/* STMT_DEBT_SETTLE */
	"UPDATE account_debts SET settled_at = ?, settled_key = ?, "
	"settled_ref = ? WHERE id = ? AND settled_at IS NULL",
	/* STMT_ACCT_HELD */
	"SELECT " HELD_COLS(DBQ_SQL) " FROM ledger_lines WHERE "
	"account = ? GROUP BY currency HAVING SUM(amount_minor) <> 0 "
	"ORDER BY currency",
	/* STMT_PAYOUT_BY_KEY */
	PAYOUT_COLS "WHERE idem_key = ?",
	/* STMT_PAYOUT_INSERT */
	"INSERT INTO company_payouts (company_id, idem_key, params, "
	"amount_minor, currency, bank_account, reference, paid_by, "
	"created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_PAYOUT_LIST */
	PAYOUT_COLS "WHERE company_id = ? ORDER BY id DESC LIMIT ?",
	/* STMT_CHECK: debts paid and payouts against their ledger entries */
	"SELECT " CHECK_COLS(DBQ_SQL) " FROM ("
	"SELECT 'COD debt paid' AS what, d.id, CASE WHEN d.settled_key IS NULL "
	"THEN 0 ELSE d.amount_minor END AS st, COALESCE(SUM(l.amount_minor), "
	"0) AS led FROM account_debts d LEFT JOIN ledger_lines l ON "
	"l.kind = 'debt_payment' AND l.ref_type = 'account_debt' AND "
	"l.ref_id = d.id AND l.amount_minor > 0 GROUP BY d.id, d.settled_key, "
	"d.amount_minor "
	"UNION ALL SELECT 'company credit paid out', p.id, p.amount_minor, "
	"COALESCE(SUM(l.amount_minor), 0) FROM company_payouts p LEFT JOIN "
	"ledger_lines l ON l.kind = 'credit_payout' AND l.ref_type = "
	"'company_payout' AND l.ref_id = p.id AND l.amount_minor > 0 GROUP BY "
	"p.id, p.amount_minor) x WHERE st <> led ORDER BY what, id",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_MONEY_OUT)

/* See money_out.h. */
int
db_debt_get(struct db *db, int64_t id, int lock, struct db_debt_row *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, lock ? STMT_DEBT_LOCK : STMT_DEBT_GET),
	    DBQ_I(id)), &debt_row, out);
}

/* See money_out.h. */
int
db_debt_by_key(struct db *db, const char *key, int64_t *id)
{
	return dbq_one_int(dbq_bind(get(db, STMT_DEBT_BY_KEY), DBQ_S(key)), id);
}

/* See money_out.h. */
int
db_debt_settle(struct db *db, int64_t id, const char *key, const char *ref,
    int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_DEBT_SETTLE), DBQ_I(now),
	    DBQ_S(key), DBQ_S(ref), DBQ_I(id)));
}

/* See money_out.h. */
int
db_acct_held(struct db *db, const char *account,
    struct db_acct_balance **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_ACCT_HELD), DBQ_S(account)),
	    &held_row, (void **)out, n);
}

/* Read one company_payouts row into v (a struct db_payout). */
static void
payout_fill(struct dbq *q, void *v)
{
	(void)dbq_read(q, 0, &payout_row, v);
}

/* See money_out.h. */
int
db_payout_by_key(struct db *db, const char *key, struct db_payout *out)
{
	struct dbq		*q = get(db, STMT_PAYOUT_BY_KEY);
	struct db_payout	*v = NULL;
	size_t			 n = 0;

	memset(out, 0, sizeof(*out));
	if (q != NULL)
		dbq_cstr(q, key);
	if (dbq_list(q, sizeof(*v), payout_fill, (void **)&v, &n) == -1)
		return -1;
	if (n > 0)
		*out = v[0];
	free(v);
	return n > 0;
}

/* See money_out.h. */
int64_t
db_payout_insert(struct db *db, const struct db_payout *p)
{
	return dbq_exec_insert(dbq_bind(get(db, STMT_PAYOUT_INSERT),
	    DBQ_I(p->company_id), DBQ_S(p->key), DBQ_S(p->params),
	    DBQ_I(p->amount_minor), DBQ_S(p->currency), DBQ_S(p->bank_account),
	    DBQ_S(p->reference), DBQ_I(p->paid_by), DBQ_I(p->created_at)));
}

/* See money_out.h. */
int
db_payout_list(struct db *db, int64_t company_id, size_t limit,
    struct db_payout **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_PAYOUT_LIST), DBQ_I(company_id),
	    DBQ_I((int64_t)limit)), &payout_row, (void **)out, n);
}

/* See money_out.h. */
int
db_check_money_out(struct db *db, struct buf *out)
{
	struct dbq		*q = get(db, STMT_CHECK);
	struct check_row	 r;
	int			 n = 0, rc;

	if (q == NULL || dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		memset(&r, 0, sizeof(r));
		(void)dbq_read(q, 0, &check_row, &r);
		buf_printf(out, "%s #%lld: %lld by its state, %lld by the "
		    "ledger\n", r.what, (long long)r.id, (long long)r.st,
		    (long long)r.led);
		n++;
	}
	dbq_done(q);
	return rc == -1 ? -1 : n;
}
