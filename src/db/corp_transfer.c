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
	"SELECT t.id, t.application_id, t.plan_id, t.company_id, t.idem_key, " \
	"t.params, t.amount_minor, t.currency, t.reference, t.source, " \
	"COALESCE(t.recorded_by, 0), COALESCE(u.email, ''), " \
	"t.allocated_minor, t.excess_minor, t.created_at " \
	"FROM corp_transfers t LEFT JOIN users u ON u.id = t.recorded_by "

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
	"SELECT a.transfer_id, a.seq, a.amount_minor, a.settled "
	"FROM corp_transfer_allocations a JOIN corp_transfers t "
	"ON t.id = a.transfer_id WHERE t.plan_id = ? "
	"ORDER BY a.transfer_id, a.seq",
	/* STMT_ADD_PAID */
	"UPDATE plan_installments SET paid_minor = paid_minor + ? "
	"WHERE plan_id = ? AND seq = ? AND status = 'due'",
	/* STMT_CHECK: per corporate plan with transfers, the allocations
	 * against the installments' paid amounts, and transfers whose
	 * allocation and excess do not add up to their amount. */
	"SELECT p.id, "
	"COALESCE((SELECT SUM(a.amount_minor) FROM corp_transfer_allocations a "
	"JOIN corp_transfers t ON t.id = a.transfer_id "
	"WHERE t.plan_id = p.id), 0) AS alloc, "
	"COALESCE((SELECT SUM(i.paid_minor) FROM plan_installments i "
	"WHERE i.plan_id = p.id), 0) AS paid, "
	"COALESCE((SELECT SUM(t.allocated_minor) FROM corp_transfers t "
	"WHERE t.plan_id = p.id), 0) AS said, "
	"(SELECT COUNT(*) FROM corp_transfers t WHERE t.plan_id = p.id AND "
	"t.allocated_minor + t.excess_minor <> t.amount_minor) AS bad "
	"FROM plans p WHERE p.method = 'installment_corporate' "
	"HAVING alloc <> paid OR alloc <> said OR bad > 0 ORDER BY p.id",
};

/* The statement idx, prepared once per connection. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_CORP_TRANSFER, idx, stmts[idx]);
}

/* Fill a transfer from the current row of an X_COLS statement. */
static void
fill_xfer(struct dbq *q, void *arg)
{
	struct db_corp_xfer *x = arg;

	x->id = dbq_col_int(q, 0);
	x->application_id = dbq_col_int(q, 1);
	x->plan_id = dbq_col_int(q, 2);
	x->company_id = dbq_col_int(q, 3);
	dbq_col_copy(q, 4, x->key, sizeof(x->key));
	dbq_col_copy(q, 5, x->params, sizeof(x->params));
	x->amount = dbq_col_int(q, 6);
	dbq_col_copy(q, 7, x->currency, sizeof(x->currency));
	dbq_col_copy(q, 8, x->reference, sizeof(x->reference));
	dbq_col_copy(q, 9, x->source, sizeof(x->source));
	x->recorded_by = dbq_col_int(q, 10);
	dbq_col_copy(q, 11, x->recorded_email, sizeof(x->recorded_email));
	x->allocated = dbq_col_int(q, 12);
	x->excess = dbq_col_int(q, 13);
	x->created_at = dbq_col_int(q, 14);
}

/* See corp_transfer.h. */
int
db_corp_xfer_by_key(struct db *db, const char *key, struct db_corp_xfer *out)
{
	struct dbq	*q = get(db, STMT_BY_KEY);
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (q == NULL)
		return -1;
	dbq_cstr(q, key);
	if ((rc = dbq_exec_fetch(q)) == 1)
		fill_xfer(q, out);
	dbq_done(q);
	return rc;
}

/* See corp_transfer.h. */
int64_t
db_corp_xfer_insert(struct db *db, const struct db_corp_xfer *x)
{
	struct dbq	*q = get(db, STMT_INSERT);

	if (q == NULL)
		return -1;
	dbq_int(q, x->application_id);
	dbq_int(q, x->plan_id);
	dbq_int(q, x->company_id);
	dbq_cstr(q, x->key);
	dbq_cstr(q, x->params);
	dbq_int(q, x->amount);
	dbq_cstr(q, x->currency);
	dbq_cstr(q, x->reference);
	dbq_cstr(q, x->source);
	dbq_id_opt(q, x->recorded_by);
	dbq_int(q, x->allocated);
	dbq_int(q, x->excess);
	dbq_int(q, x->created_at);
	return dbq_exec_insert(q);
}

/* See corp_transfer.h. */
int
db_corp_alloc_insert(struct db *db, int64_t transfer_id, int seq,
    int64_t amount, int settled)
{
	struct dbq *q = get(db, STMT_ALLOC);

	if (q == NULL)
		return -1;
	dbq_int(q, transfer_id);
	dbq_int(q, seq);
	dbq_int(q, amount);
	dbq_int(q, settled ? 1 : 0);
	return dbq_exec_done(q, NULL);
}

/* See corp_transfer.h. */
int
db_corp_xfer_list(struct db *db, int64_t plan_id, struct db_corp_xfer **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_LIST), plan_id, sizeof(**out),
	    fill_xfer, (void **)out, n);
}

/* Fill an allocation line from the current row. */
static void
fill_alloc(struct dbq *q, void *arg)
{
	struct db_corp_alloc *a = arg;

	a->transfer_id = dbq_col_int(q, 0);
	a->seq = (int)dbq_col_int(q, 1);
	a->amount = dbq_col_int(q, 2);
	a->settled = (int)dbq_col_int(q, 3);
}

/* See corp_transfer.h. */
int
db_corp_alloc_list(struct db *db, int64_t plan_id, struct db_corp_alloc **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_ALLOC_LIST), plan_id, sizeof(**out),
	    fill_alloc, (void **)out, n);
}

/* See corp_transfer.h. */
int
db_corp_inst_add_paid(struct db *db, int64_t plan_id, int seq, int64_t part)
{
	struct dbq *q = get(db, STMT_ADD_PAID);

	if (q == NULL)
		return -1;
	dbq_int(q, part);
	dbq_int(q, plan_id);
	dbq_int(q, seq);
	return dbq_exec_one(q);
}

/* See corp_transfer.h. */
int
db_corp_xfer_check(struct db *db, struct buf *out)
{
	struct dbq	*q = get(db, STMT_CHECK);
	int		 rc, n = 0;

	if (q == NULL || dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		buf_printf(out, "corporate plan %lld: transfers allocated "
		    "%lld (rows) / %lld (transfers), installments record %lld "
		    "paid, %lld transfer(s) whose allocation and excess differ "
		    "from the amount\n", (long long)dbq_col_int(q, 0),
		    (long long)dbq_col_int(q, 1), (long long)dbq_col_int(q, 3),
		    (long long)dbq_col_int(q, 2), (long long)dbq_col_int(q, 4));
		n++;
	}
	dbq_done(q);
	return rc == -1 ? -1 : n;
}
