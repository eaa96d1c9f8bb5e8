/*
 * Statements of the gateway sandboxes (see sandbox.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/sandbox.h"
#include "db/stmt.h"

enum stmt {
	STMT_SMS_INSERT,
	STMT_FIN_INSERT,
	STMT_FIN_GET,
	STMT_OP_INSERT,
	STMT_OPS_DAY,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_SMS_INSERT */
	"INSERT INTO sms_outbox (user_id, phone, body, created_at) "
	"VALUES (?, ?, ?, ?)",
	/* STMT_FIN_INSERT */
	"INSERT INTO sandbox_finance_apps (ref, credit_score, amount_minor, "
	"currency, months, submitted_at, ready_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_FIN_GET */
	"SELECT ref, credit_score, amount_minor, currency, months, "
	"submitted_at, ready_at FROM sandbox_finance_apps WHERE ref = ?",
	/* STMT_OP_INSERT */
	"INSERT INTO sandbox_partner_ops (partner, reference, kind, "
	"amount_minor, currency, day, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_OPS_DAY */
	"SELECT partner, reference, kind, amount_minor, currency, day, at "
	"FROM sandbox_partner_ops WHERE partner = ? AND day = ? ORDER BY id",
};

/* See sandbox.h. */
int64_t
db_sms_outbox_insert(struct db *db, int64_t user_id, const char *phone,
    const char *body, size_t bodylen, int64_t now)
{
	struct dbq *q;
	int64_t id;

	if ((q = dbq_get(db, DB_T_SANDBOX, STMT_SMS_INSERT,
	    stmts[STMT_SMS_INSERT])) == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_cstr(q, phone);
	dbq_str(q, body, bodylen);
	dbq_int(q, now);
	id = dbq_exec(q) == 0 ? dbq_insert_id(q) : -1;
	dbq_done(q);
	return id;
}

/* See sandbox.h. */
int
db_sandbox_fin_insert(struct db *db, const struct db_sandbox_fin *a)
{
	struct dbq *q;
	int rc;

	if ((q = dbq_get(db, DB_T_SANDBOX, STMT_FIN_INSERT,
	    stmts[STMT_FIN_INSERT])) == NULL)
		return -1;
	dbq_cstr(q, a->ref);
	dbq_int(q, a->credit_score);
	dbq_int(q, a->amount_minor);
	dbq_cstr(q, a->currency);
	dbq_int(q, a->months);
	dbq_int(q, a->submitted_at);
	dbq_int(q, a->ready_at);
	rc = dbq_exec(q) == 0 ? 0 : -1;
	dbq_done(q);
	return rc;
}

/* See sandbox.h. */
int
db_sandbox_fin_get(struct db *db, const char *ref, struct db_sandbox_fin *out)
{
	struct dbq *q;
	int rc;

	if ((q = dbq_get(db, DB_T_SANDBOX, STMT_FIN_GET,
	    stmts[STMT_FIN_GET])) == NULL)
		return -1;
	dbq_cstr(q, ref);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		memset(out, 0, sizeof(*out));
		dbq_col_copy(q, 0, out->ref, sizeof(out->ref));
		out->credit_score = (int)dbq_col_int(q, 1);
		out->amount_minor = dbq_col_int(q, 2);
		dbq_col_copy(q, 3, out->currency, sizeof(out->currency));
		out->months = (int)dbq_col_int(q, 4);
		out->submitted_at = dbq_col_int(q, 5);
		out->ready_at = dbq_col_int(q, 6);
	}
	dbq_done(q);
	return rc;
}

/* See sandbox.h. */
int
db_sandbox_op_insert(struct db *db, const struct db_sandbox_op *op)
{
	struct dbq *q;

	if ((q = dbq_get(db, DB_T_SANDBOX, STMT_OP_INSERT,
	    stmts[STMT_OP_INSERT])) == NULL)
		return -1;
	dbq_cstr(q, op->partner);
	dbq_cstr(q, op->reference);
	dbq_cstr(q, op->kind);
	dbq_int(q, op->amount_minor);
	dbq_cstr(q, op->currency);
	dbq_cstr(q, op->day);
	dbq_int(q, op->at);
	return dbq_exec_once(q);
}

/* Read one sandbox_partner_ops row into v (a struct db_sandbox_op). */
static void
op_fill(struct dbq *q, void *v)
{
	struct db_sandbox_op *op = v;

	dbq_col_copy(q, 0, op->partner, sizeof(op->partner));
	dbq_col_copy(q, 1, op->reference, sizeof(op->reference));
	dbq_col_copy(q, 2, op->kind, sizeof(op->kind));
	op->amount_minor = dbq_col_int(q, 3);
	dbq_col_copy(q, 4, op->currency, sizeof(op->currency));
	dbq_col_copy(q, 5, op->day, sizeof(op->day));
	op->at = dbq_col_int(q, 6);
}

/* See sandbox.h. */
int
db_sandbox_ops_day(struct db *db, const char *partner, const char *day,
    struct db_sandbox_op **out, size_t *n)
{
	struct dbq *q;

	q = dbq_get(db, DB_T_SANDBOX, STMT_OPS_DAY, stmts[STMT_OPS_DAY]);
	if (q != NULL) {
		dbq_cstr(q, partner);
		dbq_cstr(q, day);
	}
	return dbq_list(q, sizeof(**out), op_fill, (void **)out, n);
}
