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
	/* STMT_PAY_LIST */
	"SELECT " DB_PLAN_PAY_COLS(DBQ_SQL, "plan_payments")
	" FROM plan_payments "
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

/* The plan payment row of dbint.h's list (any table name: the SQL is not
 * used here). */
#define PAY_FIELDS(C)	DB_PLAN_PAY_COLS(C, "")
#define PAY_FIELD(t, m, sql)	DBQ_FIELD(struct db_plan_pay, t, m)
DBQ_ROWS(pay_row, struct db_plan_pay, PAY_FIELDS, PAY_FIELD);

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_PLAN_INST)

/* See plan.h. */
int
db_plan_inst_clear(struct db *db, int64_t plan_id)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_INST_CLEAR), DBQ_I(plan_id)),
	    NULL);
}

/* See plan.h. */
int
db_plan_inst_insert(struct db *db, int64_t plan_id, int seq, mp_date due,
    int64_t principal, int64_t fee)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_INST_INSERT), DBQ_I(plan_id),
	    DBQ_I(seq), DBQ_D(due), DBQ_I(principal), DBQ_I(fee)), NULL);
}

/* See plan.h. */
int
db_plan_inst_paid(struct db *db, int64_t plan_id, int seq,
    int64_t paid_minor, int64_t late_fee, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_INST_PAID), DBQ_I(paid_minor),
	    DBQ_I(late_fee), DBQ_I(now), DBQ_I(plan_id), DBQ_I(seq)));
}

/* See plan.h. */
int
db_plan_inst_late(struct db *db, int64_t plan_id, int seq, int64_t late_fee,
    mp_date through)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_INST_LATE), DBQ_I(late_fee),
	    DBQ_D(through), DBQ_I(plan_id), DBQ_I(seq), DBQ_I(late_fee)));
}

/* See plan.h. */
int
db_plan_inst_remind(struct db *db, int64_t plan_id, int seq, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_INST_REMIND), DBQ_I(now),
	    DBQ_I(plan_id), DBQ_I(seq)));
}

/* See plan.h. */
int
db_plan_inst_auto(struct db *db, int64_t plan_id, int seq, mp_date day)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_INST_AUTO), DBQ_D(day),
	    DBQ_I(plan_id), DBQ_I(seq), DBQ_D(day)));
}

/* See plan.h. */
int
db_plan_inst_waive_rest(struct db *db, int64_t plan_id)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_INST_WAIVE), DBQ_I(plan_id)),
	    NULL);
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
	dbq_bind(q, DBQ_I(plan_id), DBQ_S(kind), DBQ_IDO(seq), DBQ_I(amount),
	    DBQ_S(currency), DBQ_I(ok), DBQ_S(channel),
	    DBQ_S(reference != NULL ? reference : ""), DBQ_S(r), DBQ_S(idem),
	    DBQ_I(now));
	return dbq_exec_insert(q);
}

/* See dbint.h: the DB_PLAN_PAY_COLS from column c. */
void
db_plan_pay_at(struct dbq *q, int c, struct db_plan_pay *r)
{
	(void)dbq_read(q, c, &pay_row, r);
}

/* dbq_list fill: the STMT_PAY_LIST row into *arg (a db_plan_pay). */
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
	return dbq_exec_done(dbq_bind(get(db, STMT_PAY_DONE), DBQ_S(reference),
	    DBQ_I(id)), NULL);
}

/* See plan.h. */
int64_t
db_plan_declines(struct db *db, int64_t plan_id, int seq)
{
	struct dbq	*q = get(db, STMT_DECLINES);
	int64_t		 n = -1;

	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(plan_id), DBQ_I(seq));
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
	dbq_bind(q, DBQ_I(order_id), DBQ_IDO(plan_id), DBQ_S(kind),
	    DBQ_S(payer), DBQ_S(payee), DBQ_I(amount), DBQ_S(currency),
	    DBQ_I(now));
	return dbq_exec_one(q);
}

/* qsort order of installments: by number. */
static int
inst_cmp(const void *a, const void *b)
{
	const struct db_plan_inst *x = a, *y = b;

	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* See dbint.h. */
void
db_plan_inst_sort(struct db_plan_inst *inst, size_t n)
{
	if (n > 1)
		qsort(inst, n, sizeof(*inst), inst_cmp);
}
