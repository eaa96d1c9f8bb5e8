/*
 * Installment plans: the plan rows, their schedule as read, and the lists
 * the scheduler and the admin console walk (see plan.h,
 * sql/008_installments.sql). Changes to installments and the plan's
 * payments are in plan_inst.c, the buyer's credit in plan_credit.c, the
 * request keys in request_key.c. SQL only, bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/event.h"
#include "db/plan.h"
#include "db/stmt.h"

#define PLAN_FIELDS	DB_PLAN_COLS(DBQ_SQL) " "
#define PLAN_FROM	"FROM plans p " DB_PLAN_JOIN
#define PLAN_COLS	PLAN_FIELDS PLAN_FROM
#define INST_COLS(t)	DB_PLAN_INST_COLS(DBQ_SQL, t) " "

/* The plan and installment rows of dbint.h's lists, and their columns'
 * numbers (the states, read by their names; a joined installment's
 * columns follow the plan's from PLAN_C__N). */
#define PLAN_FIELD(t, m, sql)	DBQ_FIELD(struct db_plan, t, m)
DBQ_ROWS(plan_row, struct db_plan, DB_PLAN_COLS, PLAN_FIELD);
#define PLAN_C(t, m, sql)	PLAN_C_##m,
enum plan_col { DB_PLAN_COLS(PLAN_C) PLAN_C__N };
#define INST_FIELDS(C)	DB_PLAN_INST_COLS(C, "")
#define INST_FIELD(t, m, sql)	DBQ_FIELD(struct db_plan_inst, t, m)
DBQ_ROWS(inst_row, struct db_plan_inst, INST_FIELDS, INST_FIELD);
#define INST_C(t, m, sql)	INST_C_##m,
enum inst_col { INST_FIELDS(INST_C) INST_C__N };

/* SQL NULLs filling the columns of the other row kinds of a UNION: a
 * plan, an installment, a payment, an event. */
#define NUL_PLAN	DB_PLAN_COLS(DBQ_NULLS)
#define NUL_INST	DB_PLAN_INST_COLS(DBQ_NULLS, "")
#define NUL_PAY		DB_PLAN_PAY_COLS(DBQ_NULLS, "")
#define NUL_EVENT	DB_EVENT_ROW_COLS(DBQ_NULLS)
/* Columns of STMT_BY_ORDER_USER_FULL: the plan, an installment, a payment,
 * an event, the row's kind (0, 1, 2). */
enum full_col {
	FULL_C_INST = PLAN_C__N,
	FULL_C_PAY = FULL_C_INST + INST_C__N,
	FULL_C_EVENT = FULL_C_PAY + DB_PLAN_PAY_N,
	FULL_C_KIND = FULL_C_EVENT + DB_EVENT_ROW_N
};

/* The columns of an institution's terms (of struct db_plan), each with
 * its SQL; its fee mode follows them (fill_institution). */
#define INSTITUTION_COLS(C) \
	C(TEXT,	institution_id,	"id") \
	C(TEXT,	institution_name, ", name") \
	C(TEXT,	monthly_rate,	", monthly_rate") \
	C(INT,	waives_future_fees, ", waives_future_fees") \
	C(TEXT,	late_fee_rate,	", late_fee_rate")
#define INSTITUTION_FIELD(t, m, sql)	DBQ_FIELD(struct db_plan, t, m)
DBQ_ROWS(institution_row, struct db_plan, INSTITUTION_COLS,
    INSTITUTION_FIELD);

/* How many active plans are overdue and the oldest due day among them. */
struct overdue {
	int64_t	plans;
	mp_date	oldest;
};

/* The columns of struct overdue, each with its SQL. */
#define OVERDUE_COLS(C) \
	C(INT,	plans,		"COUNT(DISTINCT p.id)") \
	C(DATE,	oldest,		", COALESCE(MIN(pi.due_date), '')")
#define OVERDUE_FIELD(t, m, sql)	DBQ_FIELD(struct overdue, t, m)
DBQ_ROWS(overdue_row, struct overdue, OVERDUE_COLS, OVERDUE_FIELD);

enum stmt {
	STMT_INSTITUTION,
	STMT_INSERT,
	STMT_BY_ORDER,
	STMT_BY_ORDER_USER,
	STMT_BY_ORDER_USER_INST,
	STMT_BY_ORDER_USER_FULL,
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
	STMT_INST_LIST,
	STMT_WORK,
	STMT_REVIEWING,
	STMT_RETURNED,
	STMT_LIST,
	STMT_OVERDUE_COUNT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSTITUTION */
	"SELECT " INSTITUTION_COLS(DBQ_SQL) ", fee_mode FROM institutions "
	"WHERE id = ?",
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
	/* STMT_BY_ORDER_USER_FULL: the same (row kind 0), its payments (1)
	 * and its history (2), enum full_col; each part in the order of
	 * STMT_INST_LIST (sorted again by db_plan_full), STMT_PAY_LIST and
	 * the event history */
	"SELECT " PLAN_FIELDS ", " INST_COLS("pi") ", " NUL_PAY NUL_EVENT
	"0 AS rk, pi.seq AS k1, 0 AS k2 " PLAN_FROM
	"LEFT JOIN plan_installments pi ON pi.plan_id = p.id "
	"WHERE p.order_id = ? AND p.user_id = ? "
	"UNION ALL (SELECT " NUL_PLAN NUL_INST DB_PLAN_PAY_COLS(DBQ_SQL, "pp")
	", " NUL_EVENT "1, pp.created_at, pp.id FROM plans p "
	"JOIN plan_payments pp ON "
	"pp.plan_id = p.id WHERE p.order_id = ? AND p.user_id = ? "
	"ORDER BY pp.created_at, pp.id" DBQ_PART_END
	"UNION ALL (SELECT " NUL_PLAN NUL_INST NUL_PAY
	DB_EVENT_ROW_COLS(DBQ_SQL) ", 2, e.at, e.id FROM plans p "
	"JOIN events e ON e.subject_type = "
	"'plan' AND e.subject_id = p.id LEFT JOIN users u ON u.id = "
	"e.actor_id WHERE p.order_id = ? AND p.user_id = ? "
	"ORDER BY e.at, e.id" DBQ_PART_END,
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
	/* STMT_INST_LIST */
	"SELECT " INST_COLS("plan_installments") "FROM plan_installments "
	"WHERE plan_id = ? ORDER BY seq",
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
	/* STMT_LIST: newest first, read in that order from the plans'
	 * primary key (STRAIGHT_JOIN: joined from users first, MariaDB
	 * would read and sort every plan for one page) */
	"SELECT STRAIGHT_JOIN " PLAN_COLS "WHERE (? = '' OR p.status = ?) "
	"AND (? = 0 OR EXISTS (SELECT 1 FROM plan_installments pi "
	"WHERE pi.plan_id = p.id AND pi.status = 'due' "
	"AND pi.due_date < ? AND p.status = 'active')) "
	"AND (? = 0 OR u.installment_suspended = 1) "
	"ORDER BY p.id DESC LIMIT ? OFFSET ?",
	/* STMT_OVERDUE_COUNT */
	"SELECT " OVERDUE_COLS(DBQ_SQL) " FROM "
	"plans p JOIN plan_installments pi ON pi.plan_id = p.id WHERE "
	"p.status = 'active' AND pi.status = 'due' AND pi.due_date < ?",
};

static const char *const status_names[PLAN_ST__MAX] = {
	"review", "offered", "declined", "active", "closed", "terminated",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_PLAN)

/* The fee mode stored in column c of q's current row ("upfront", else
 * spread). */
static enum plan_fee_mode
fee_mode_at(struct dbq *q, int c)
{
	return strcmp(dbq_col_str(q, c, NULL), "upfront") == 0 ?
	    PLAN_FEE_UPFRONT : PLAN_FEE_SPREAD;
}

/* See dbint.h: the PLAN_FIELDS from column c. */
int
db_plan_at(struct dbq *q, int c, struct db_plan *p)
{
	const char *s;

	memset(p, 0, sizeof(*p));
	if (dbq_read(q, c, &plan_row, p) == -1)
		return -1;
	s = dbq_col_str(q, c + PLAN_C_status, NULL);
	p->status = PLAN_ST_REVIEW;
	for (int i = 0; i < PLAN_ST__MAX; i++)
		if (strcmp(status_names[i], s) == 0)
			p->status = (enum plan_status)i;
	p->fee_mode = fee_mode_at(q, c + PLAN_C_fee_mode);
	return 0;
}

/* The current row (PLAN_COLS) into *arg, a struct db_plan (void * so that
 * it serves dbq_list_keep too): as db_plan_at() from column 0. */
static int
read_plan(struct dbq *q, void *arg)
{
	return db_plan_at(q, 0, arg);
}

/* Execute q and read at most one plan row. 1, 0, -1; q is done after. */
static int
one_plan(struct dbq *q, struct db_plan *p)
{
	int rc = -1;

	if (dbq_exec(q) == 0) {
		rc = dbq_fetch(q);
		if (rc == 1 && read_plan(q, p) == -1)
			rc = -1;
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

/* Read an institution's terms into *p (a struct db_plan; its other
 * fields untouched): 0. */
static int
fill_institution(struct dbq *q, void *p)
{
	struct db_plan *r = p;

	(void)dbq_read(q, 0, &institution_row, r);
	r->fee_mode = fee_mode_at(q, (int)institution_row.n);
	return 0;
}

/* See plan.h. */
int
db_plan_institution(struct db *db, const char *id, struct db_plan *p)
{
	return dbq_one_fn(dbq_bind(get(db, STMT_INSTITUTION), DBQ_S(id)),
	    fill_institution, p);
}

/* See plan.h. */
int64_t
db_plan_insert(struct db *db, const struct db_plan *p, int64_t now)
{
	struct dbq	*q;

	if (pay_method_name(p->method) == NULL ||
	    (q = get(db, STMT_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(p->order_id), DBQ_I(p->user_id),
	    DBQ_IDO(p->company_id), DBQ_S(pay_method_name(p->method)),
	    DBQ_S(p->institution_id), DBQ_S(status_names[p->status]),
	    DBQ_S(p->currency), DBQ_I(p->principal), DBQ_I(p->n),
	    DBQ_S(p->monthly_rate),
	    DBQ_S(p->fee_mode == PLAN_FEE_UPFRONT ? "upfront" : "spread"),
	    DBQ_I(p->waives_future_fees), DBQ_S(p->late_fee_rate),
	    DBQ_I(p->down_payment_percent), DBQ_I(p->apr_bp),
	    DBQ_I(p->monthly_fee), DBQ_I(p->total_fee), DBQ_D(p->start),
	    DBQ_I(now), DBQ_I(now));
	return dbq_exec_insert(q);
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
	return dbq_exec_one(dbq_bind(get(db, STMT_SET_STATUS),
	    DBQ_S(status_names[to]), DBQ_I(now), DBQ_S(status_names[to]),
	    DBQ_I(now), DBQ_I(id), DBQ_S(status_names[from])));
}

/* See plan.h. */
int
db_plan_set_card(struct db *db, int64_t id, const char *brand,
    const char *last4, const unsigned char *tok, size_t len, int64_t now)
{
	struct dbq *q = get(db, STMT_SET_CARD);

	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(brand), DBQ_S(last4));
	if (tok != NULL)
		dbq_str(q, (const char *)tok, len);
	else
		dbq_null(q);
	dbq_bind(q, DBQ_I(now), DBQ_I(id));
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_set_ref(struct db *db, int64_t id, const char *ref, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SET_REF), DBQ_S(ref),
	    DBQ_I(now), DBQ_I(id)), NULL);
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
	dbq_bind(q, DBQ_S(r), DBQ_I(now), DBQ_I(id));
	return dbq_exec_done(q, NULL);
}

/* See plan.h. */
int
db_plan_set_start(struct db *db, int64_t id, mp_date start, int32_t apr_bp,
    int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SET_START), DBQ_D(start),
	    DBQ_I(apr_bp), DBQ_I(now), DBQ_I(id)), NULL);
}

/* See plan.h. */
int
db_plan_set_refund(struct db *db, int64_t id, int64_t refund, mp_date due,
    int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SET_REFUND), DBQ_I(refund),
	    DBQ_D(due), DBQ_I(now), DBQ_I(id)), NULL);
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

/* See dbint.h: the INST_COLS from column c. */
void
db_plan_inst_at(struct dbq *q, int c, struct db_plan_inst *r)
{
	(void)dbq_read(q, c, &inst_row, r);
	if (inst_status_parse(dbq_col_str(q, c + INST_C_status, NULL),
	    &r->status) == -1)
		r->status = PI_DUE;	/* no other in the ENUM */
}

/* dbq_list fill: the STMT_INST_LIST row into *arg (a db_plan_inst). */
static void
read_inst(struct dbq *q, void *arg)
{
	db_plan_inst_at(q, 0, arg);
}

/* What db_plan_with_inst() reads beside the installments: the plan of
 * the first row. */
struct with_inst {
	struct db_plan	*p;
	int		 found;	/* 1 read, -1 refused (unknown method) */
};

/* dbq_list_arg fill for db_plan_with_inst(): the plan (first row only)
 * into the struct with_inst arg, the row's installment into *el (a struct
 * db_plan_inst); -1 (left out) for the one row of a plan without any. */
static int
fill_with_inst(struct dbq *q, void *el, void *arg)
{
	struct with_inst *w = arg;

	if (!w->found)
		w->found = read_plan(q, w->p) == -1 ? -1 : 1;
	if (dbq_col_null(q, PLAN_C__N))
		return -1;
	db_plan_inst_at(q, PLAN_C__N, el);
	return 0;
}

/* See plan.h. One statement: the plan's columns repeat on each
 * installment's row. */
int
db_plan_with_inst(struct db *db, int64_t user_id, int64_t order_id,
    struct db_plan *p, struct db_plan_inst **out, size_t *n)
{
	struct dbq		*q = get(db, STMT_BY_ORDER_USER_INST);
	struct with_inst	 w = { p, 0 };

	if (q != NULL) {
		dbq_bind(q, DBQ_I(order_id), DBQ_I(user_id));
	}
	if (dbq_list_arg(q, sizeof(**out), fill_with_inst, &w, NULL,
	    (void **)out, n) == -1)
		return -1;
	return w.found;
}

/* See plan.h. One statement: a UNION of the plan with its installments,
 * its payments and its events, each row of one kind. */
int
db_plan_full(struct db *db, int64_t user_id, int64_t order_id,
    struct db_plan_full *f)
{
	struct dbq	*q = get(db, STMT_BY_ORDER_USER_FULL);
	size_t		 ci = 0, cp = 0, ce = 0;
	int		 found = 0, rc = -1, i;

	memset(f, 0, sizeof(*f));
	if (q == NULL)
		return -1;
	for (i = 0; i < 3; i++) {
		dbq_bind(q, DBQ_I(order_id), DBQ_I(user_id));
	}
	if (dbq_exec(q) == 0)
		while ((rc = dbq_fetch(q)) == 1) {
			switch (dbq_col_int(q, FULL_C_KIND)) {
			case 0:
				if (!found && read_plan(q, &f->p) == -1)
					rc = -1;
				found = 1;
				if (rc != -1 && !dbq_col_null(q, FULL_C_INST))
					db_plan_inst_at(q, FULL_C_INST, xappend(
					    (void **)&f->inst, &f->ninst, &ci,
					    sizeof(*f->inst)));
				break;
			case 1:
				db_plan_pay_at(q, FULL_C_PAY, xappend((void **)
				    &f->pay, &f->npay, &cp, sizeof(*f->pay)));
				break;
			default:
				db_event_row_at(q, FULL_C_EVENT,
				    xappend((void **)&f->events, &f->nevents,
				    &ce, sizeof(*f->events)));
			}
			if (rc == -1)
				break;
		}
	dbq_done(q);
	if (rc == -1) {
		free(f->inst);
		free(f->pay);
		db_event_rows_free(f->events, f->nevents);
		memset(f, 0, sizeof(*f));
		return -1;
	}
	db_plan_inst_sort(f->inst, f->ninst);
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
db_plan_work(struct db *db, mp_date until, int64_t **ids, size_t *n)
{
	struct dbq *q = get(db, STMT_WORK);

	*ids = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	dbq_date(q, until);
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
	dbq_bind(q, DBQ_S(status), DBQ_S(status), DBQ_I(overdue), DBQ_D(today),
	    DBQ_I(suspended), DBQ_I((int64_t)limit + 1),
	    DBQ_I((int64_t)offset));
	return dbq_list_keep(q, sizeof(**out), read_plan, NULL, (void **)out,
	    n);
}

/* See plan.h. */
int64_t
db_plan_overdue_count(struct db *db, mp_date today, mp_date *oldest)
{
	struct overdue	o;

	*oldest = 0;
	if (dbq_one(dbq_bind(get(db, STMT_OVERDUE_COUNT), DBQ_D(today)),
	    &overdue_row, &o) != 1)
		return -1;
	*oldest = o.oldest;
	return o.plans;
}
