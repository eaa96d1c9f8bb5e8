/*
 * Corporate bank transfers' SQL (see corp_transfer.h;
 * sql/017_corp_transfers.sql). Bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/corp_transfer.h"
#include "db/db.h"
#include "db/stmt.h"

/* The columns of a row (struct db_corp_xfer), each with its SQL. */
#define XFER_COLS(C) \
	C(INT,	id,		"t.id") \
	C(INT,	application_id,	", t.application_id") \
	C(INT,	plan_id,	", t.plan_id") \
	C(INT,	company_id,	", t.company_id") \
	C(TEXT,	key,		", t.idem_key") \
	C(TEXT,	params,		", t.params") \
	C(INT,	amount,		", t.amount_minor") \
	C(TEXT,	currency,	", t.currency") \
	C(TEXT,	reference,	", t.reference") \
	C(TEXT,	source,		", t.source") \
	C(INT,	recorded_by,	", COALESCE(t.recorded_by, 0)") \
	C(TEXT,	recorded_email,	", COALESCE(u.email, '')") \
	C(INT,	allocated,	", t.allocated_minor") \
	C(INT,	excess,		", t.excess_minor") \
	C(INT,	created_at,	", t.created_at")
#define XFER_FIELD(t, m, sql)	DBQ_FIELD(struct db_corp_xfer, t, m)
DBQ_ROWS(xfer_row, struct db_corp_xfer, XFER_COLS, XFER_FIELD);

/* The columns of a row (struct db_corp_alloc), each with its SQL. */
#define ALLOC_COLS(C) \
	C(INT,	transfer_id,	"a.transfer_id") \
	C(INT,	seq,		", a.seq") \
	C(INT,	amount,		", a.amount_minor") \
	C(INT,	settled,	", a.settled")
#define ALLOC_FIELD(t, m, sql)	DBQ_FIELD(struct db_corp_alloc, t, m)
DBQ_ROWS(alloc_row, struct db_corp_alloc, ALLOC_COLS, ALLOC_FIELD);

/* A corporate plan whose transfers and installments disagree
 * (STMT_CHECK). */
struct check_row {
	int64_t	 plan_id;
	int64_t	 alloc;		/* the allocation rows' sum */
	int64_t	 paid;		/* the installments' paid sum */
	int64_t	 said;		/* the transfers' allocated sum */
	int64_t	 bad;		/* transfers that do not add up */
};

/* The columns of STMT_CHECK (struct check_row), each with its SQL. */
#define CHECK_COLS(C) \
	C(INT,	plan_id,	"p.id") \
	C(INT,	alloc,		", COALESCE((SELECT SUM(a.amount_minor) FROM corp_transfer_allocations a JOIN corp_transfers t ON t.id = a.transfer_id WHERE t.plan_id = p.id), 0) AS alloc") \
	C(INT,	paid,		", COALESCE((SELECT SUM(i.paid_minor) FROM plan_installments i WHERE i.plan_id = p.id), 0) AS paid") \
	C(INT,	said,		", COALESCE((SELECT SUM(t.allocated_minor) FROM corp_transfers t WHERE t.plan_id = p.id), 0) AS said") \
	C(INT,	bad,		", (SELECT COUNT(*) FROM corp_transfers t WHERE t.plan_id = p.id AND t.allocated_minor + t.excess_minor <> t.amount_minor) AS bad")
#define CHECK_FIELD(t, m, sql)	DBQ_FIELD(struct check_row, t, m)
DBQ_ROWS(check_tab, struct check_row, CHECK_COLS, CHECK_FIELD);

enum stmt {
	STMT_BY_KEY,
	STMT_INSERT,
	STMT_ALLOC,
	STMT_LIST,
	STMT_ALLOC_LIST,
	STMT_ADD_PAID,
	STMT_CHECK,
	STMT__MAX
};

#define X_COLS \
	"SELECT " XFER_COLS(DBQ_SQL) \
	" FROM corp_transfers t LEFT JOIN users u ON u.id = " \
	"t.recorded_by "

static const char *const stmts[STMT__MAX] = {
	/* STMT_BY_KEY */
	X_COLS "WHERE t.idem_key = ?",
	/* STMT_INSERT */
	"INSERT IGNORE INTO corp_transfers (application_id, plan_id, "
	"company_id, idem_key, params, amount_minor, currency, reference, "
	"source, recorded_by, allocated_minor, excess_minor, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_ALLOC */
	"INSERT INTO corp_transfer_allocations (transfer_id, seq, "
	"amount_minor, settled) VALUES (?, ?, ?, ?)",
	/* STMT_LIST */
	X_COLS "WHERE t.plan_id = ? ORDER BY t.id",
	/* STMT_ALLOC_LIST */
	"SELECT " ALLOC_COLS(DBQ_SQL)
	" FROM corp_transfer_allocations a JOIN corp_transfers t ON t.id "
	"= a.transfer_id WHERE t.plan_id = ? ORDER BY a.transfer_id, "
	"a.seq",
	/* STMT_ADD_PAID */
	"UPDATE plan_installments SET paid_minor = paid_minor + ? "
	"WHERE plan_id = ? AND seq = ? AND status = 'due'",
	/* STMT_CHECK: per corporate plan with transfers, the allocations
	 * against the installments' paid amounts, and transfers whose
	 * allocation and excess do not add up to their amount. */
	"SELECT " CHECK_COLS(DBQ_SQL) " "
	"FROM plans p WHERE p.method = 'installment_corporate' "
	"HAVING alloc <> paid OR alloc <> said OR bad > 0 ORDER BY p.id",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_CORP_TRANSFER)

/* See corp_transfer.h. */
int
db_corp_xfer_by_key(struct db *db, const char *key, struct db_corp_xfer *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, STMT_BY_KEY), DBQ_S(key)), &xfer_row,
	    out);
}

/* See corp_transfer.h. */
int64_t
db_corp_xfer_insert(struct db *db, const struct db_corp_xfer *x)
{
	return dbq_exec_insert(dbq_bind(get(db, STMT_INSERT),
	    DBQ_I(x->application_id), DBQ_I(x->plan_id), DBQ_I(x->company_id),
	    DBQ_S(x->key), DBQ_S(x->params), DBQ_I(x->amount),
	    DBQ_S(x->currency), DBQ_S(x->reference), DBQ_S(x->source),
	    DBQ_IDO(x->recorded_by), DBQ_I(x->allocated), DBQ_I(x->excess),
	    DBQ_I(x->created_at)));
}

/* See corp_transfer.h. */
int
db_corp_alloc_insert(struct db *db, int64_t transfer_id, int seq,
    int64_t amount, int settled)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_ALLOC), DBQ_I(transfer_id),
	    DBQ_I(seq), DBQ_I(amount), DBQ_I(settled ? 1 : 0)), NULL);
}

/* See corp_transfer.h. */
int
db_corp_xfer_list(struct db *db, int64_t plan_id, struct db_corp_xfer **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_LIST), DBQ_I(plan_id)), &xfer_row,
	    (void **)out, n);
}

/* See corp_transfer.h. */
int
db_corp_alloc_list(struct db *db, int64_t plan_id, struct db_corp_alloc **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_ALLOC_LIST), DBQ_I(plan_id)),
	    &alloc_row, (void **)out, n);
}

/* See corp_transfer.h. */
int
db_corp_inst_add_paid(struct db *db, int64_t plan_id, int seq, int64_t part)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_ADD_PAID), DBQ_I(part),
	    DBQ_I(plan_id), DBQ_I(seq)));
}

/* See corp_transfer.h. */
int
db_corp_xfer_check(struct db *db, struct buf *out)
{
	struct check_row	*v = NULL;
	size_t			 i, n = 0;

	if (dbq_rows(get(db, STMT_CHECK), &check_tab, (void **)&v, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		buf_printf(out, "corporate plan %lld: transfers allocated "
		    "%lld (rows) / %lld (transfers), installments record %lld "
		    "paid, %lld transfer(s) whose allocation and excess differ "
		    "from the amount\n", (long long)v[i].plan_id,
		    (long long)v[i].alloc, (long long)v[i].said,
		    (long long)v[i].paid, (long long)v[i].bad);
	free(v);
	return (int)n;
}
