/*
 * Installment plans: changes to the installments (schedule written, paid,
 * late fees, reminders, automatic tries, waived) and the plan's payments
 * and ledger rows (see plan.h, sql/008_installments.sql). SQL only, bound
 * parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/dbint.h"
#include "db/stmt.h"

enum stmt {
	STMT_INST_CLEAR,
	STMT_INST_INSERT,
	STMT_INST_PAID,
	STMT_INST_LATE,
	STMT_INST_REMIND,
	STMT_INST_AUTO,
	STMT_INST_WAIVE,
	STMT_PAY_INSERT,
	STMT_PAY_LIST,
	STMT_PAY_DONE,
	STMT_DECLINES,
	STMT_REFUNDS_PENDING,
	STMT_LEDGER,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_INST_CLEAR */
	"DELETE FROM plan_installments WHERE plan_id = ?",
	/* STMT_INST_INSERT */
	"INSERT INTO plan_installments (plan_id, seq, due_date, "
	"principal_minor, fee_minor) VALUES (?, ?, ?, ?, ?)",
	/* STMT_INST_PAID */
	"UPDATE plan_installments SET status = 'paid', paid_minor = ?, "
	"late_fee_minor = ?, paid_at = ? WHERE plan_id = ? AND seq = ? "
	"AND status = 'due'",
	/* STMT_INST_LATE */
	"UPDATE plan_installments SET late_fee_minor = ?, "
	"late_fee_through = ? WHERE plan_id = ? AND seq = ? AND "
	"status = 'due' AND late_fee_minor <> ?",
	/* STMT_INST_REMIND */
	"UPDATE plan_installments SET reminded_at = ? WHERE plan_id = ? AND "
	"seq = ? AND reminded_at IS NULL AND status = 'due'",
	/* STMT_INST_AUTO */
	"UPDATE plan_installments SET auto_tried_on = ? WHERE plan_id = ? AND "
	"seq = ? AND status = 'due' AND (auto_tried_on IS NULL OR "
	"auto_tried_on <> ?)",
	/* STMT_INST_WAIVE */
	"UPDATE plan_installments SET status = 'waived' WHERE plan_id = ? AND "
	"status = 'due'",
	/* STMT_PAY_INSERT */
	"INSERT INTO plan_payments (plan_id, kind, seq, amount_minor, "
	"currency, ok, channel, reference, reason, idem_key, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_PAY_LIST: enum pay_col */
	"SELECT " DB_PLAN_PAY_COLS("plan_payments") "FROM plan_payments "
	"WHERE plan_id = ? ORDER BY created_at, id",
	/* STMT_PAY_DONE */
	"UPDATE plan_payments SET ok = 1, reference = ?, reason = '' "
	"WHERE id = ? AND ok = 0",
	/* STMT_DECLINES */
	"SELECT COUNT(*) FROM plan_payments WHERE plan_id = ? AND seq = ? "
	"AND ok = 0 AND kind <> 'refund'",
	/* STMT_REFUNDS_PENDING */
	"SELECT DISTINCT plan_id FROM plan_payments WHERE kind = 'refund' "
	"AND ok = 0 ORDER BY plan_id",
	/* STMT_LEDGER */
	"INSERT IGNORE INTO plan_ledger (order_id, plan_id, kind, payer, "
	"payee, amount_minor, currency, created_at) VALUES (?, ?, ?, ?, ?, ?, "
	"?, ?)",
};

/* Columns of STMT_PAY_LIST, in its SELECT order. */
enum pay_col {
	PAY_C_ID, PAY_C_KIND, PAY_C_SEQ, PAY_C_AMOUNT, PAY_C_OK, PAY_C_CHANNEL,
	PAY_C_REFERENCE, PAY_C_REASON, PAY_C_CREATED_AT, PAY_C__N
};

/* The statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, enum stmt idx)
{
	return dbq_get(db, DB_T_PLAN_INST, idx, stmts[idx]);
}

/* See plan.h. */
int
db_plan_inst_clear(struct db *db, int64_t plan_id)
{
	struct dbq *q = get(db, STMT_INST_CLEAR);

	if (q == NULL)
		return -1;
	dbq_int(q, plan_id);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_inst_insert(struct db *db, int64_t plan_id, int seq, mp_date due,
    int64_t principal, int64_t fee)
{
	struct dbq *q = get(db, STMT_INST_INSERT);

	if (q == NULL)
		return -1;
	dbq_int(q, plan_id);
	dbq_int(q, seq);
	dbq_date(q, due);
	dbq_int(q, principal);
	dbq_int(q, fee);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_inst_paid(struct db *db, int64_t plan_id, int seq,
    int64_t paid_minor, int64_t late_fee, int64_t now)
{
	struct dbq	*q = get(db, STMT_INST_PAID);

	if (q == NULL)
		return -1;
	dbq_int(q, paid_minor);
	dbq_int(q, late_fee);
	dbq_int(q, now);
	dbq_int(q, plan_id);
	dbq_int(q, seq);
	return dbq_exec_one(q);
}

/* See plan.h. */
int
db_plan_inst_late(struct db *db, int64_t plan_id, int seq, int64_t late_fee,
    mp_date through)
{
	struct dbq	*q = get(db, STMT_INST_LATE);

	if (q == NULL)
		return -1;
	dbq_int(q, late_fee);
	dbq_date(q, through);
	dbq_int(q, plan_id);
	dbq_int(q, seq);
	dbq_int(q, late_fee);
	return dbq_exec_one(q);
}

/* See plan.h. */
int
db_plan_inst_remind(struct db *db, int64_t plan_id, int seq, int64_t now)
{
	struct dbq	*q = get(db, STMT_INST_REMIND);

	if (q == NULL)
		return -1;
	dbq_int(q, now);
	dbq_int(q, plan_id);
	dbq_int(q, seq);
	return dbq_exec_one(q);
}

/* See plan.h. */
int
db_plan_inst_auto(struct db *db, int64_t plan_id, int seq, mp_date day)
{
	struct dbq	*q = get(db, STMT_INST_AUTO);

	if (q == NULL)
		return -1;
	dbq_date(q, day);
	dbq_int(q, plan_id);
	dbq_int(q, seq);
	dbq_date(q, day);
	return dbq_exec_one(q);
}

/* See plan.h. */
int
db_plan_inst_waive_rest(struct db *db, int64_t plan_id)
{
	struct dbq *q = get(db, STMT_INST_WAIVE);

	if (q == NULL)
		return -1;
	dbq_int(q, plan_id);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int64_t
db_plan_pay_insert(struct db *db, int64_t plan_id, const char *kind, int seq,
    int64_t amount, const char *currency, int ok, const char *channel,
    const char *reference, const char *reason, const char *idem, int64_t now)
{
	struct dbq	*q = get(db, STMT_PAY_INSERT);
	char		 r[256];

	if (q == NULL)
		return -1;
	snprintf(r, sizeof(r), "%s", reason != NULL ? reason : "");
	dbq_int(q, plan_id);
	dbq_cstr(q, kind);
	if (seq > 0)
		dbq_int(q, seq);
	else
		dbq_null(q);
	dbq_int(q, amount);
	dbq_cstr(q, currency);
	dbq_int(q, ok);
	dbq_cstr(q, channel);
	dbq_cstr(q, reference != NULL ? reference : "");
	dbq_cstr(q, r);
	dbq_cstr(q, idem);
	dbq_int(q, now);
	return dbq_exec_insert(q);
}

/* See dbint.h: the DB_PLAN_PAY_COLS (enum pay_col) from column c. */
void
db_plan_pay_at(struct dbq *q, int c, struct db_plan_pay *r)
{
	r->id = dbq_col_int(q, c + PAY_C_ID);
	dbq_col_copy(q, c + PAY_C_KIND, r->kind, sizeof(r->kind));
	r->seq = (int)dbq_col_int(q, c + PAY_C_SEQ);
	r->amount = dbq_col_int(q, c + PAY_C_AMOUNT);
	r->ok = (int)dbq_col_int(q, c + PAY_C_OK);
	dbq_col_copy(q, c + PAY_C_CHANNEL, r->channel, sizeof(r->channel));
	dbq_col_copy(q, c + PAY_C_REFERENCE, r->reference,
	    sizeof(r->reference));
	dbq_col_copy(q, c + PAY_C_REASON, r->reason, sizeof(r->reason));
	r->created_at = dbq_col_int(q, c + PAY_C_CREATED_AT);
}

/* dbq_list fill: the STMT_PAY_LIST row (enum pay_col) into *arg (a db_plan_pay). */
static void
read_pay(struct dbq *q, void *arg)
{
	db_plan_pay_at(q, 0, arg);
}

/* See plan.h. */
int
db_plan_pay_list(struct db *db, int64_t plan_id, struct db_plan_pay **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_PAY_LIST), plan_id, sizeof(**out),
	    read_pay, (void **)out, n);
}

/* See plan.h. */
int
db_plan_pay_done(struct db *db, int64_t id, const char *reference)
{
	struct dbq *q = get(db, STMT_PAY_DONE);

	if (q == NULL)
		return -1;
	dbq_cstr(q, reference);
	dbq_int(q, id);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int64_t
db_plan_declines(struct db *db, int64_t plan_id, int seq)
{
	struct dbq	*q = get(db, STMT_DECLINES);
	int64_t		 n = -1;

	if (q == NULL)
		return -1;
	dbq_int(q, plan_id);
	dbq_int(q, seq);
	if (dbq_exec(q) == 0 && dbq_fetch(q) == 1)
		n = dbq_col_int(q, 0);
	dbq_done(q);
	return n;
}

/* dbq_list fill: column 0 of the row into *(int64_t *)arg. */
static void
read_id(struct dbq *q, void *arg)
{
	*(int64_t *)arg = dbq_col_int(q, 0);
}

/* See plan.h. */
int
db_plan_refunds_pending(struct db *db, int64_t **ids, size_t *n)
{
	struct dbq *q = get(db, STMT_REFUNDS_PENDING);

	*ids = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	return dbq_list(q, sizeof(**ids), read_id, (void **)ids, n);
}

/* See plan.h. */
int
db_plan_ledger(struct db *db, int64_t order_id, int64_t plan_id,
    const char *kind, const char *payer, const char *payee, int64_t amount,
    const char *currency, int64_t now)
{
	struct dbq	*q = get(db, STMT_LEDGER);

	if (q == NULL)
		return -1;
	dbq_int(q, order_id);
	if (plan_id > 0)
		dbq_int(q, plan_id);
	else
		dbq_null(q);
	dbq_cstr(q, kind);
	dbq_cstr(q, payer);
	dbq_cstr(q, payee);
	dbq_int(q, amount);
	dbq_cstr(q, currency);
	dbq_int(q, now);
	return dbq_exec_one(q);
}
