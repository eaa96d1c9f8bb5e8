/*
 * Installment plans (see plan.h, sql/008_installments.sql). SQL only,
 * bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/stmt.h"

#define PLAN_FIELDS \
	"p.id, p.order_id, p.user_id, COALESCE(p.company_id, 0), p.method, " \
	"p.institution_id, COALESCE(i.name, ''), p.status, p.currency, " \
	"p.principal_minor, p.n, p.monthly_rate, p.fee_mode, " \
	"p.waives_future_fees, p.late_fee_rate, p.down_payment_percent, " \
	"p.apr_bp, p.monthly_fee_minor, p.total_fee_minor, p.start_date, " \
	"COALESCE(p.card_brand, ''), COALESCE(p.card_last4, ''), " \
	"p.card_token_enc IS NOT NULL, COALESCE(p.partner_ref, ''), " \
	"p.decline_reason, p.refund_minor IS NOT NULL, " \
	"COALESCE(p.refund_minor, 0), COALESCE(p.refund_due, ''), " \
	"p.created_at, p.updated_at, COALESCE(p.closed_at, 0), " \
	"u.installment_suspended, u.email "
#define PLAN_FROM \
	"FROM plans p JOIN users u ON u.id = p.user_id " \
	"LEFT JOIN institutions i ON i.id = p.institution_id "
#define PLAN_COLS	PLAN_FIELDS PLAN_FROM
/* PLAN_FIELDS has 33 columns; a joined installment's follow from here. */
#define PLAN_NCOLS	33
#define INST_COLS(t) \
	t ".seq, " t ".due_date, " t ".principal_minor, " t ".fee_minor, " \
	t ".late_fee_minor, " t ".status, " t ".paid_minor, " \
	"COALESCE(" t ".paid_at, 0), " t ".reminded_at IS NOT NULL "

enum stmt {
	STMT_INSTITUTION,
	STMT_INSERT,
	STMT_BY_ORDER,
	STMT_BY_ORDER_USER,
	STMT_BY_ORDER_USER_INST,
	STMT_BY_ID,
	STMT_BY_REF,
	STMT_LOCK,
	STMT_LOCK_SKIP,
	STMT_SET_STATUS,
	STMT_SET_CARD,
	STMT_SET_REF,
	STMT_SET_DECLINE,
	STMT_SET_START,
	STMT_SET_REFUND,
	STMT_TOKEN,
	STMT_INST_CLEAR,
	STMT_INST_INSERT,
	STMT_INST_LIST,
	STMT_INST_PAID,
	STMT_INST_LATE,
	STMT_INST_REMIND,
	STMT_INST_AUTO,
	STMT_INST_WAIVE,
	STMT_PAY_INSERT,
	STMT_PAY_LIST,
	STMT_CREDIT_RECORD,
	STMT_USER_SUSPEND,
	STMT_USER_UNSUSPEND,
	STMT_USER_INFO,
	STMT_USER_OVERDUE,
	STMT_LEDGER,
	STMT_SETTING,
	STMT_WORK,
	STMT_REVIEWING,
	STMT_RETURNED,
	STMT_LIST,
	STMT_OVERDUE_COUNT,
	STMT_CREDIT_LINE,
	STMT_CREDIT_RELEASE,
	STMT_REFUNDS_PENDING,
	STMT_PAY_DONE,
	STMT_DECLINES,
	STMT_KEY_GET,
	STMT_KEY_PUT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSTITUTION */
	"SELECT id, name, monthly_rate, fee_mode, waives_future_fees, "
	"late_fee_rate FROM institutions WHERE id = ?",
	/* STMT_INSERT */
	"INSERT INTO plans (order_id, user_id, company_id, method, "
	"institution_id, status, currency, principal_minor, n, monthly_rate, "
	"fee_mode, waives_future_fees, late_fee_rate, down_payment_percent, "
	"apr_bp, monthly_fee_minor, total_fee_minor, start_date, created_at, "
	"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"?, ?, ?, ?)",
	/* STMT_BY_ORDER */
	"SELECT " PLAN_COLS "WHERE p.order_id = ?",
	/* STMT_BY_ORDER_USER */
	"SELECT " PLAN_COLS "WHERE p.order_id = ? AND p.user_id = ?",
	/* STMT_BY_ORDER_USER_INST: the same with its installments, one row
	 * each (one row with NULL installment columns when it has none) */
	"SELECT " PLAN_FIELDS ", " INST_COLS("pi") PLAN_FROM
	"LEFT JOIN plan_installments pi ON pi.plan_id = p.id "
	"WHERE p.order_id = ? AND p.user_id = ? ORDER BY pi.seq",
	/* STMT_BY_ID */
	"SELECT " PLAN_COLS "WHERE p.id = ?",
	/* STMT_BY_REF */
	"SELECT " PLAN_COLS "WHERE p.partner_ref = ?",
	/* STMT_LOCK */
	"SELECT id FROM plans WHERE id = ? FOR UPDATE",
	/* STMT_LOCK_SKIP */
	"SELECT id FROM plans WHERE id = ? FOR UPDATE SKIP LOCKED",
	/* STMT_SET_STATUS */
	"UPDATE plans SET status = ?, updated_at = ?, closed_at = "
	"IF(? IN ('closed', 'terminated'), ?, closed_at) "
	"WHERE id = ? AND status = ?",
	/* STMT_SET_CARD */
	"UPDATE plans SET card_brand = ?, card_last4 = ?, card_token_enc = ?, "
	"updated_at = ? WHERE id = ?",
	/* STMT_SET_REF */
	"UPDATE plans SET partner_ref = ?, updated_at = ? WHERE id = ?",
	/* STMT_SET_DECLINE */
	"UPDATE plans SET decline_reason = ?, updated_at = ? WHERE id = ?",
	/* STMT_SET_START */
	"UPDATE plans SET start_date = ?, apr_bp = ?, updated_at = ? "
	"WHERE id = ?",
	/* STMT_SET_REFUND */
	"UPDATE plans SET refund_minor = ?, refund_due = ?, updated_at = ? "
	"WHERE id = ?",
	/* STMT_TOKEN */
	"SELECT card_token_enc FROM plans WHERE id = ? AND "
	"card_token_enc IS NOT NULL",
	/* STMT_INST_CLEAR */
	"DELETE FROM plan_installments WHERE plan_id = ?",
	/* STMT_INST_INSERT */
	"INSERT INTO plan_installments (plan_id, seq, due_date, "
	"principal_minor, fee_minor) VALUES (?, ?, ?, ?, ?)",
	/* STMT_INST_LIST */
	"SELECT " INST_COLS("plan_installments") "FROM plan_installments "
	"WHERE plan_id = ? ORDER BY seq",
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
	"SELECT id, kind, COALESCE(seq, 0), amount_minor, ok, channel, "
	"reference, reason, created_at FROM plan_payments WHERE plan_id = ? "
	"ORDER BY created_at, id",
	/* STMT_CREDIT_RECORD */
	"INSERT IGNORE INTO credit_records (user_id, plan_id, kind, detail, "
	"created_at) VALUES (?, ?, ?, ?, ?)",
	/* STMT_USER_SUSPEND */
	"UPDATE users SET installment_suspended = 1, bad_payment_record = 1 "
	"WHERE id = ? AND installment_suspended = 0",
	/* STMT_USER_UNSUSPEND */
	"UPDATE users SET installment_suspended = 0 WHERE id = ? AND "
	"installment_suspended = 1",
	/* STMT_USER_INFO */
	"SELECT COALESCE(phone, ''), installment_suspended, "
	/* identity: the score of the consent in force (INST-02) */
	"COALESCE((SELECT cc.score FROM credit_consents cc WHERE cc.user_id = "
	"users.id AND cc.withdrawn_at IS NULL ORDER BY cc.id DESC LIMIT 1), 0) "
	"FROM users "
	"WHERE id = ?",
	/* STMT_USER_OVERDUE: PAU-04's open debts are overdue "like an
	 * installment" too */
	"SELECT (SELECT COUNT(*) FROM plan_installments pi JOIN plans p ON "
	"p.id = pi.plan_id WHERE p.user_id = ? AND p.status = 'active' AND "
	"pi.status = 'due' AND pi.due_date < ?) + (SELECT COUNT(*) FROM "
	"pau_charges WHERE user_id = ? AND status = 'open' AND due_date < ?)",
	/* STMT_LEDGER */
	"INSERT IGNORE INTO plan_ledger (order_id, plan_id, kind, payer, "
	"payee, amount_minor, currency, created_at) VALUES (?, ?, ?, ?, ?, ?, "
	"?, ?)",
	/* STMT_SETTING */
	"SELECT value FROM settings WHERE name = ?",
	/* STMT_WORK */
	"SELECT id FROM plans WHERE status = 'active' AND next_work_on <= ? "
	"ORDER BY id",
	/* STMT_REVIEWING */
	"SELECT id FROM plans WHERE status = 'review' AND partner_ref IS NOT "
	"NULL ORDER BY id",
	/* STMT_RETURNED */
	"SELECT o.id FROM orders o JOIN plans p ON p.order_id = o.id WHERE "
	"(o.status IN ('returned', 'refunded') AND p.status IN ('active', "
	"'closed')) OR (o.status IN ('cancelled', 'refused') AND p.status IN "
	"('review', 'offered', 'active', 'closed')) ORDER BY o.id",
	/* STMT_LIST */
	"SELECT " PLAN_COLS "WHERE (? = '' OR p.status = ?) AND (? = 0 OR "
	"EXISTS (SELECT 1 FROM plan_installments pi WHERE pi.plan_id = p.id "
	"AND pi.status = 'due' AND pi.due_date < ? AND p.status = 'active')) "
	"AND (? = 0 OR u.installment_suspended = 1) "
	"ORDER BY p.id DESC LIMIT ? OFFSET ?",
	/* STMT_OVERDUE_COUNT */
	"SELECT COUNT(DISTINCT p.id), COALESCE(MIN(pi.due_date), '') FROM "
	"plans p JOIN plan_installments pi ON pi.plan_id = p.id WHERE "
	"p.status = 'active' AND pi.status = 'due' AND pi.due_date < ?",
	/* STMT_CREDIT_LINE */
	"SELECT credit_limit_usd_minor, credit_used_usd_minor FROM users "
	"WHERE id = ?",
	/* STMT_CREDIT_RELEASE */
	"UPDATE users SET credit_used_usd_minor = GREATEST(0, "
	"credit_used_usd_minor - ?) WHERE id = ?",
	/* STMT_REFUNDS_PENDING */
	"SELECT DISTINCT plan_id FROM plan_payments WHERE kind = 'refund' "
	"AND ok = 0 ORDER BY plan_id",
	/* STMT_PAY_DONE */
	"UPDATE plan_payments SET ok = 1, reference = ?, reason = '' "
	"WHERE id = ? AND ok = 0",
	/* STMT_DECLINES */
	"SELECT COUNT(*) FROM plan_payments WHERE plan_id = ? AND seq = ? "
	"AND ok = 0 AND kind <> 'refund'",
	/* STMT_KEY_GET */
	"SELECT params_hash, result, reason FROM request_keys WHERE "
	"scope = ? AND owner_id = ? AND idem_key = ?",
	/* STMT_KEY_PUT */
	"INSERT INTO request_keys (scope, owner_id, idem_key, params_hash, "
	"result, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
};

static const char *const status_names[PLAN_ST__MAX] = {
	"review", "offered", "declined", "active", "closed", "terminated",
};

/* The statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, enum stmt idx)
{
	return dbq_get(db, DB_T_PLAN, idx, stmts[idx]);
}

/* Bind a date as "YYYY-MM-DD". */
static void
bind_date(struct dbq *q, mp_date d)
{
	char s[16];

	mp_date_str(d, s, sizeof(s));
	dbq_cstr(q, s);
}

/* Column col as a date (0 when NULL or bad). */
static mp_date
col_date(struct dbq *q, int col)
{
	size_t		 len;
	const char	*s = dbq_col_str(q, col, &len);
	mp_date		 d = 0;

	if (len >= 10)
		(void)mp_date_parse(s, 10, &d);
	return d;
}

/* Read the current row (PLAN_COLS) into *p (a struct db_plan; void * so
 * that it serves dbq_list too). */
static void
read_plan(struct dbq *q, void *arg)
{
	struct db_plan	*p = arg;
	const char *s;

	memset(p, 0, sizeof(*p));
	p->id = dbq_col_int(q, 0);
	p->order_id = dbq_col_int(q, 1);
	p->user_id = dbq_col_int(q, 2);
	p->company_id = dbq_col_int(q, 3);
	dbq_col_copy(q, 4, p->method, sizeof(p->method));
	dbq_col_copy(q, 5, p->institution_id, sizeof(p->institution_id));
	dbq_col_copy(q, 6, p->institution_name, sizeof(p->institution_name));
	s = dbq_col_str(q, 7, NULL);
	p->status = PLAN_ST_REVIEW;
	for (int i = 0; i < PLAN_ST__MAX; i++)
		if (strcmp(status_names[i], s) == 0)
			p->status = (enum plan_status)i;
	dbq_col_copy(q, 8, p->currency, sizeof(p->currency));
	p->principal = dbq_col_int(q, 9);
	p->n = (int)dbq_col_int(q, 10);
	dbq_col_copy(q, 11, p->monthly_rate, sizeof(p->monthly_rate));
	p->fee_mode = strcmp(dbq_col_str(q, 12, NULL), "upfront") == 0 ?
	    PLAN_FEE_UPFRONT : PLAN_FEE_SPREAD;
	p->waives_future_fees = (int)dbq_col_int(q, 13);
	dbq_col_copy(q, 14, p->late_fee_rate, sizeof(p->late_fee_rate));
	p->down_payment_percent = (int)dbq_col_int(q, 15);
	p->apr_bp = (int32_t)dbq_col_int(q, 16);
	p->monthly_fee = dbq_col_int(q, 17);
	p->total_fee = dbq_col_int(q, 18);
	p->start = col_date(q, 19);
	dbq_col_copy(q, 20, p->card_brand, sizeof(p->card_brand));
	dbq_col_copy(q, 21, p->card_last4, sizeof(p->card_last4));
	p->has_token = (int)dbq_col_int(q, 22);
	dbq_col_copy(q, 23, p->partner_ref, sizeof(p->partner_ref));
	dbq_col_copy(q, 24, p->decline_reason, sizeof(p->decline_reason));
	p->has_refund = (int)dbq_col_int(q, 25);
	p->refund = dbq_col_int(q, 26);
	p->refund_due = col_date(q, 27);
	p->created_at = dbq_col_int(q, 28);
	p->updated_at = dbq_col_int(q, 29);
	p->closed_at = dbq_col_int(q, 30);
	p->user_suspended = (int)dbq_col_int(q, 31);
	dbq_col_copy(q, 32, p->user_email, sizeof(p->user_email));
}

/* Execute q and read at most one plan row. 1, 0, -1; q is done after. */
static int
one_plan(struct dbq *q, struct db_plan *p)
{
	int rc = -1;

	if (dbq_exec(q) == 0) {
		rc = dbq_fetch(q);
		if (rc == 1)
			read_plan(q, p);
	}
	dbq_done(q);
	return rc;
}

/* dbq_list fill: column 0 of the row into *(int64_t *)arg. */
static void
read_id(struct dbq *q, void *arg)
{
	*(int64_t *)arg = dbq_col_int(q, 0);
}

/* Execute q (bound) and read its single integer column rows into *ids:
 * 0 (*ids to free), or -1 with *ids NULL and *n 0. Always finishes q. */
static int
id_list(struct dbq *q, int64_t **ids, size_t *n)
{
	return dbq_list(q, sizeof(**ids), read_id, (void **)ids, n);
}

/* See plan.h. */
int
db_plan_institution(struct db *db, const char *id, struct db_plan *p)
{
	struct dbq	*q = get(db, STMT_INSTITUTION);
	int		 rc = -1;

	if (q == NULL)
		return -1;
	dbq_cstr(q, id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1) {
		dbq_col_copy(q, 0, p->institution_id,
		    sizeof(p->institution_id));
		dbq_col_copy(q, 1, p->institution_name,
		    sizeof(p->institution_name));
		dbq_col_copy(q, 2, p->monthly_rate, sizeof(p->monthly_rate));
		p->fee_mode = strcmp(dbq_col_str(q, 3, NULL), "upfront") == 0 ?
		    PLAN_FEE_UPFRONT : PLAN_FEE_SPREAD;
		p->waives_future_fees = (int)dbq_col_int(q, 4);
		dbq_col_copy(q, 5, p->late_fee_rate, sizeof(p->late_fee_rate));
	}
	dbq_done(q);
	return rc;
}

/* See plan.h. */
int64_t
db_plan_insert(struct db *db, const struct db_plan *p, int64_t now)
{
	struct dbq	*q = get(db, STMT_INSERT);
	int64_t		 id = -1;

	if (q == NULL)
		return -1;
	dbq_int(q, p->order_id);
	dbq_int(q, p->user_id);
	if (p->company_id > 0)
		dbq_int(q, p->company_id);
	else
		dbq_null(q);
	dbq_cstr(q, p->method);
	dbq_cstr(q, p->institution_id);
	dbq_cstr(q, status_names[p->status]);
	dbq_cstr(q, p->currency);
	dbq_int(q, p->principal);
	dbq_int(q, p->n);
	dbq_cstr(q, p->monthly_rate);
	dbq_cstr(q, p->fee_mode == PLAN_FEE_UPFRONT ? "upfront" : "spread");
	dbq_int(q, p->waives_future_fees);
	dbq_cstr(q, p->late_fee_rate);
	dbq_int(q, p->down_payment_percent);
	dbq_int(q, p->apr_bp);
	dbq_int(q, p->monthly_fee);
	dbq_int(q, p->total_fee);
	bind_date(q, p->start);
	dbq_int(q, now);
	dbq_int(q, now);
	if (dbq_exec(q) == 0)
		id = dbq_insert_id(q);
	else if (dbq_errno(q) == DBQ_ER_DUP_ENTRY)
		id = 0;
	dbq_done(q);
	return id;
}

/* See plan.h. */
int
db_plan_by_order(struct db *db, int64_t user_id, int64_t order_id,
    struct db_plan *p)
{
	struct dbq *q = get(db, user_id > 0 ? STMT_BY_ORDER_USER :
	    STMT_BY_ORDER);

	if (q == NULL)
		return -1;
	dbq_int(q, order_id);
	if (user_id > 0)
		dbq_int(q, user_id);
	return one_plan(q, p);
}

/* See plan.h. */
int
db_plan_by_id(struct db *db, int64_t id, struct db_plan *p)
{
	struct dbq *q = get(db, STMT_BY_ID);

	if (q == NULL)
		return -1;
	dbq_int(q, id);
	return one_plan(q, p);
}

/* See plan.h. */
int
db_plan_by_ref(struct db *db, const char *ref, struct db_plan *p)
{
	struct dbq *q = get(db, STMT_BY_REF);

	if (q == NULL)
		return -1;
	dbq_cstr(q, ref);
	return one_plan(q, p);
}

/* See plan.h. */
int
db_plan_lock(struct db *db, int64_t id, int skip_locked)
{
	struct dbq	*q = get(db, skip_locked ? STMT_LOCK_SKIP : STMT_LOCK);
	int		 rc = -1;

	if (q == NULL)
		return -1;
	dbq_int(q, id);
	if (dbq_exec(q) == 0)
		rc = dbq_fetch(q);
	dbq_done(q);
	return rc;
}

/* See plan.h. */
int
db_plan_set_status(struct db *db, int64_t id, enum plan_status from,
    enum plan_status to, int64_t now)
{
	struct dbq	*q = get(db, STMT_SET_STATUS);

	if (q == NULL)
		return -1;
	dbq_cstr(q, status_names[to]);
	dbq_int(q, now);
	dbq_cstr(q, status_names[to]);
	dbq_int(q, now);
	dbq_int(q, id);
	dbq_cstr(q, status_names[from]);
	return dbq_exec_one(q);
}

/* See plan.h. */
int
db_plan_set_card(struct db *db, int64_t id, const char *brand,
    const char *last4, const unsigned char *tok, size_t len, int64_t now)
{
	struct dbq *q = get(db, STMT_SET_CARD);

	if (q == NULL)
		return -1;
	dbq_cstr(q, brand);
	dbq_cstr(q, last4);
	if (tok != NULL)
		dbq_str(q, (const char *)tok, len);
	else
		dbq_null(q);
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_set_ref(struct db *db, int64_t id, const char *ref, int64_t now)
{
	struct dbq *q = get(db, STMT_SET_REF);

	if (q == NULL)
		return -1;
	dbq_cstr(q, ref);
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_set_decline(struct db *db, int64_t id, const char *reason,
    int64_t now)
{
	struct dbq	*q = get(db, STMT_SET_DECLINE);
	char		 r[256];

	if (q == NULL)
		return -1;
	snprintf(r, sizeof(r), "%s", reason);
	dbq_cstr(q, r);
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_set_start(struct db *db, int64_t id, mp_date start, int32_t apr_bp,
    int64_t now)
{
	struct dbq *q = get(db, STMT_SET_START);

	if (q == NULL)
		return -1;
	bind_date(q, start);
	dbq_int(q, apr_bp);
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_set_refund(struct db *db, int64_t id, int64_t refund, mp_date due,
    int64_t now)
{
	struct dbq *q = get(db, STMT_SET_REFUND);

	if (q == NULL)
		return -1;
	dbq_int(q, refund);
	bind_date(q, due);
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_token(struct db *db, int64_t id, unsigned char *buf, size_t bufsz,
    size_t *len)
{
	struct dbq	*q = get(db, STMT_TOKEN);
	const char	*s;
	size_t		 l;
	int		 rc = -1;

	*len = 0;
	if (q == NULL)
		return -1;
	dbq_int(q, id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1) {
		s = dbq_col_str(q, 0, &l);
		if (l > bufsz)
			rc = -1;
		else {
			memcpy(buf, s, l);
			*len = l;
		}
	}
	dbq_done(q);
	return rc;
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
	bind_date(q, due);
	dbq_int(q, principal);
	dbq_int(q, fee);
	return dbq_exec_done(q, NULL);
}

/* Read the INST_COLS of the current row, starting at column c, into r. */
static void
read_inst_at(struct dbq *q, int c, struct db_plan_inst *r)
{
	r->seq = (int)dbq_col_int(q, c);
	r->due = col_date(q, c + 1);
	r->principal = dbq_col_int(q, c + 2);
	r->fee = dbq_col_int(q, c + 3);
	r->late_fee = dbq_col_int(q, c + 4);
	dbq_col_copy(q, c + 5, r->status, sizeof(r->status));
	r->paid_minor = dbq_col_int(q, c + 6);
	r->paid_at = dbq_col_int(q, c + 7);
	r->reminded = (int)dbq_col_int(q, c + 8);
}

/* dbq_list fill: the STMT_INST_LIST row into *arg (a db_plan_inst). */
static void
read_inst(struct dbq *q, void *arg)
{
	read_inst_at(q, 0, arg);
}

/* See plan.h. One statement: the plan's columns repeat on each
 * installment's row. */
int
db_plan_with_inst(struct db *db, int64_t user_id, int64_t order_id,
    struct db_plan *p, struct db_plan_inst **out, size_t *n)
{
	struct dbq		*q = get(db, STMT_BY_ORDER_USER_INST);
	struct db_plan_inst	*v = NULL;
	size_t			 cap = 0;
	int			 rc, found = 0;

	*out = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	dbq_int(q, order_id);
	dbq_int(q, user_id);
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		if (!found) {
			read_plan(q, p);
			found = 1;
		}
		if (dbq_col_null(q, PLAN_NCOLS))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof(*v));
		}
		memset(&v[*n], 0, sizeof(*v));
		read_inst_at(q, PLAN_NCOLS, &v[(*n)++]);
	}
	dbq_done(q);
	if (rc == -1) {
		free(v);
		*n = 0;
		return -1;
	}
	*out = v;
	return found;
}

/* See plan.h. */
int
db_plan_inst_list(struct db *db, int64_t plan_id, struct db_plan_inst **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_INST_LIST), plan_id, sizeof(**out),
	    read_inst, (void **)out, n);
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
	bind_date(q, through);
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
	bind_date(q, day);
	dbq_int(q, plan_id);
	dbq_int(q, seq);
	bind_date(q, day);
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
	int64_t		 id = -1;
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
	if (dbq_exec(q) == 0)
		id = dbq_insert_id(q);
	else if (dbq_errno(q) == DBQ_ER_DUP_ENTRY)
		id = 0;
	dbq_done(q);
	return id;
}

/* dbq_list fill: the STMT_PAY_LIST row into *arg (a db_plan_pay). */
static void
read_pay(struct dbq *q, void *arg)
{
	struct db_plan_pay	*r = arg;

	r->id = dbq_col_int(q, 0);
	dbq_col_copy(q, 1, r->kind, sizeof(r->kind));
	r->seq = (int)dbq_col_int(q, 2);
	r->amount = dbq_col_int(q, 3);
	r->ok = (int)dbq_col_int(q, 4);
	dbq_col_copy(q, 5, r->channel, sizeof(r->channel));
	dbq_col_copy(q, 6, r->reference, sizeof(r->reference));
	dbq_col_copy(q, 7, r->reason, sizeof(r->reason));
	r->created_at = dbq_col_int(q, 8);
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
db_plan_credit_record(struct db *db, int64_t user_id, int64_t plan_id,
    const char *kind, const char *detail, int64_t now)
{
	struct dbq	*q = get(db, STMT_CREDIT_RECORD);

	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_int(q, plan_id);
	dbq_cstr(q, kind);
	dbq_cstr(q, detail);
	dbq_int(q, now);
	return dbq_exec_one(q);
}

/* See plan.h. */
int
db_plan_user_suspend(struct db *db, int64_t user_id, int on)
{
	struct dbq	*q = get(db, on ? STMT_USER_SUSPEND :
			    STMT_USER_UNSUSPEND);

	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	return dbq_exec_one(q);
}

/* See plan.h. */
int
db_plan_user_info(struct db *db, int64_t user_id, char *phone,
    size_t phonesz, int *suspended, int *score)
{
	struct dbq	*q = get(db, STMT_USER_INFO);
	int		 rc = -1;

	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1) {
		dbq_col_copy(q, 0, phone, phonesz);
		*suspended = (int)dbq_col_int(q, 1);
		*score = (int)dbq_col_int(q, 2);
	}
	dbq_done(q);
	return rc;
}

/* See plan.h. */
int64_t
db_plan_user_overdue(struct db *db, int64_t user_id, mp_date today)
{
	struct dbq *q = get(db, STMT_USER_OVERDUE);

	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	bind_date(q, today);
	dbq_int(q, user_id);
	bind_date(q, today);
	return dbq_count(q);
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

/* See plan.h. */
int
db_plan_setting(struct db *db, const char *name, int64_t def, int64_t *out)
{
	struct dbq	*q = get(db, STMT_SETTING);
	int		 rc;
	char		*end;
	const char	*s;
	long long	 v;

	*out = def;
	if (q == NULL)
		return -1;
	dbq_cstr(q, name);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		s = dbq_col_str(q, 0, NULL);
		v = strtoll(s, &end, 10);
		if (end != s && *end == '\0')
			*out = v;
	}
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}

/* See plan.h. */
int
db_plan_work(struct db *db, mp_date until, int64_t **ids, size_t *n)
{
	struct dbq *q = get(db, STMT_WORK);

	*ids = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	bind_date(q, until);
	return id_list(q, ids, n);
}

/* See plan.h. */
int
db_plan_reviewing(struct db *db, int64_t **ids, size_t *n)
{
	struct dbq *q = get(db, STMT_REVIEWING);

	*ids = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	return id_list(q, ids, n);
}

/* See plan.h. */
int
db_plan_returned(struct db *db, int64_t **ids, size_t *n)
{
	struct dbq *q = get(db, STMT_RETURNED);

	*ids = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	return id_list(q, ids, n);
}

/* See plan.h. */
int
db_plan_list(struct db *db, const char *status, int overdue, int suspended,
    mp_date today, size_t limit, size_t offset, struct db_plan **out,
    size_t *n)
{
	struct dbq	*q = get(db, STMT_LIST);

	*out = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	dbq_cstr(q, status);
	dbq_cstr(q, status);
	dbq_int(q, overdue);
	bind_date(q, today);
	dbq_int(q, suspended);
	dbq_int(q, (int64_t)limit + 1);
	dbq_int(q, (int64_t)offset);
	return dbq_list(q, sizeof(**out), read_plan, (void **)out, n);
}

/* See plan.h. */
int64_t
db_plan_overdue_count(struct db *db, mp_date today, mp_date *oldest)
{
	struct dbq	*q = get(db, STMT_OVERDUE_COUNT);
	int64_t		 v = -1;

	*oldest = 0;
	if (q == NULL)
		return -1;
	bind_date(q, today);
	if (dbq_exec(q) == 0 && dbq_fetch(q) == 1) {
		v = dbq_col_int(q, 0);
		*oldest = col_date(q, 1);
	}
	dbq_done(q);
	return v;
}

/* See plan.h. */
int
db_plan_credit_line(struct db *db, int64_t user_id, int64_t *limit,
    int64_t *used)
{
	struct dbq	*q = get(db, STMT_CREDIT_LINE);
	int		 rc = -1;

	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1) {
		*limit = dbq_col_int(q, 0);
		*used = dbq_col_int(q, 1);
	}
	dbq_done(q);
	return rc;
}

/* See plan.h. */
int
db_plan_credit_release(struct db *db, int64_t user_id, int64_t amount)
{
	struct dbq *q = get(db, STMT_CREDIT_RELEASE);

	if (q == NULL)
		return -1;
	dbq_int(q, amount);
	dbq_int(q, user_id);
	return dbq_exec_done(q, NULL);
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
	return id_list(q, ids, n);
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

/* See plan.h. */
int
db_request_key_get(struct db *db, const char *scope, int64_t owner_id,
    const char *key, struct db_request_key *out)
{
	struct dbq	*q = get(db, STMT_KEY_GET);
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	if (q == NULL)
		return -1;
	dbq_cstr(q, scope);
	dbq_int(q, owner_id);
	dbq_cstr(q, key);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1) {
		snprintf(out->params_hash, sizeof(out->params_hash), "%s",
		    dbq_col_str(q, 0, NULL));
		out->result = (int)dbq_col_int(q, 1);
		snprintf(out->reason, sizeof(out->reason), "%s",
		    dbq_col_str(q, 2, NULL));
	}
	dbq_done(q);
	return rc;
}

/* See plan.h. */
int
db_request_key_put(struct db *db, const char *scope, int64_t owner_id,
    const char *key, const struct db_request_key *k, int64_t now)
{
	struct dbq	*q = get(db, STMT_KEY_PUT);
	int		 rc = -1;

	if (q == NULL)
		return -1;
	dbq_cstr(q, scope);
	dbq_int(q, owner_id);
	dbq_cstr(q, key);
	dbq_cstr(q, k->params_hash);
	dbq_int(q, k->result);
	dbq_cstr(q, k->reason);
	dbq_int(q, now);
	if (dbq_exec(q) == 0)
		rc = 1;
	else if (dbq_errno(q) == DBQ_ER_DUP_ENTRY)
		rc = 0;
	dbq_done(q);
	return rc;
}
