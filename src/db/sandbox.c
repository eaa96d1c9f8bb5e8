/*
 * Statements of the gateway sandboxes (see sandbox.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/sandbox.h"
#include "db/stmt.h"

/* The columns of a row (struct db_sandbox_op), each with its SQL. */
#define OP_COLS(C) \
	C(TEXT,	partner,	"partner") \
	C(TEXT,	reference,	", reference") \
	C(TEXT,	kind,		", kind") \
	C(INT,	amount_minor,	", amount_minor") \
	C(TEXT,	currency,	", currency") \
	C(TEXT,	day,		", day") \
	C(INT,	at,		", at")
#define OP_FIELD(t, m, sql)	DBQ_FIELD(struct db_sandbox_op, t, m)
DBQ_ROWS(op_row, struct db_sandbox_op, OP_COLS, OP_FIELD);

/* The columns of a finance application (struct db_sandbox_fin), each with
 * its SQL: what STMT_FIN_INSERT writes and STMT_FIN_GET reads. */
#define FIN_COLS(C) \
	C(TEXT,	ref,		"ref") \
	C(INT,	credit_score,	", credit_score") \
	C(INT,	amount_minor,	", amount_minor") \
	C(TEXT,	currency,	", currency") \
	C(INT,	months,		", months") \
	C(INT,	submitted_at,	", submitted_at") \
	C(INT,	ready_at,	", ready_at")
#define FIN_FIELD(t, m, sql)	DBQ_FIELD(struct db_sandbox_fin, t, m)
DBQ_ROWS(fin_row, struct db_sandbox_fin, FIN_COLS, FIN_FIELD);

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
	"INSERT INTO sandbox_finance_apps (" FIN_COLS(DBQ_SQL) ") "
	"VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_FIN_GET */
	"SELECT " FIN_COLS(DBQ_SQL) " FROM sandbox_finance_apps WHERE ref = ?",
	/* STMT_OP_INSERT */
	"INSERT INTO sandbox_partner_ops (partner, reference, kind, "
	"amount_minor, currency, day, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_OPS_DAY */
	"SELECT " OP_COLS(DBQ_SQL) " FROM sandbox_partner_ops "
	"WHERE partner = ? AND day = ? ORDER BY id",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_SANDBOX)

/* See sandbox.h. */
int64_t
db_sms_outbox_insert(struct db *db, int64_t user_id, const char *phone,
    const char *body, size_t bodylen, int64_t now)
{
	struct dbq *q;
	int64_t id;

	if ((q = get(db, STMT_SMS_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_S(phone), DBQ_B(body, bodylen),
	    DBQ_I(now));
	id = dbq_exec(q) == 0 ? dbq_insert_id(q) : -1;
	dbq_done(q);
	return id;
}

/* See sandbox.h. */
int
db_sandbox_fin_insert(struct db *db, const struct db_sandbox_fin *a)
{
	return dbq_exec_done(dbq_bind_row(get(db, STMT_FIN_INSERT), &fin_row,
	    a), NULL);
}

/* See sandbox.h. */
int
db_sandbox_fin_get(struct db *db, const char *ref, struct db_sandbox_fin *out)
{
	return dbq_one(dbq_bind(get(db, STMT_FIN_GET), DBQ_S(ref)), &fin_row,
	    out);
}

/* See sandbox.h. */
int
db_sandbox_op_insert(struct db *db, const struct db_sandbox_op *op)
{
	return dbq_exec_once(dbq_bind(get(db, STMT_OP_INSERT),
	    DBQ_S(op->partner), DBQ_S(op->reference), DBQ_S(op->kind),
	    DBQ_I(op->amount_minor), DBQ_S(op->currency), DBQ_S(op->day),
	    DBQ_I(op->at)));
}

/* See sandbox.h. */
int
db_sandbox_ops_day(struct db *db, const char *partner, const char *day,
    struct db_sandbox_op **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_OPS_DAY), DBQ_S(partner),
	    DBQ_S(day)), &op_row, (void **)out, n);
}
