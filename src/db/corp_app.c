/*
 * Corporate installment applications (an order's request for corporate
 * terms, its review, agreement, signature and down payment) and the
 * corporate orders they belong to (see company.h; sql/009_corporate.sql).
 * Bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/company.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/stmt.h"

enum stmt {
	STMT_A_BY_ORDER,
	STMT_A_BY_ORDER_LOCK,
	STMT_A_GET,
	STMT_A_GET_LOCK,
	STMT_A_INSERT,
	STMT_A_DECIDE,
	STMT_A_SIGN,
	STMT_A_EFFECT,
	STMT_A_CANCEL,
	STMT_A_QUEUE,
	STMT_A_QUEUE_COUNT,
	STMT_A_STATS,
	STMT_O_GET,
	STMT_O_LIST,
	STMT_O_SET_TERM,
	STMT__MAX
};

#define A_COLS \
	"SELECT a.id, a.order_id, a.company_id, a.user_id, c.name, a.term, " \
	"a.status, a.review_due, a.submitted_at, COALESCE(a.decided_by, 0), " \
	"COALESCE(d.email, ''), COALESCE(a.decided_at, 0), a.reason, " \
	"COALESCE(a.plan_id, 0), COALESCE(a.agreement_version, ''), " \
	"COALESCE(a.agreement_text, ''), COALESCE(a.agreement_sha256, ''), " \
	"COALESCE(a.signer_id, 0), COALESCE(s.email, ''), " \
	"COALESCE(a.signed_at, 0), COALESCE(a.signer_addr, ''), " \
	"a.down_payment_minor, COALESCE(a.down_payment_ref, ''), " \
	"COALESCE(a.effective_at, 0), o.currency, o.amount_due_minor, " \
	"o.status FROM corp_applications a " \
	"JOIN companies c ON c.id = a.company_id " \
	"JOIN orders o ON o.id = a.order_id " \
	"LEFT JOIN users d ON d.id = a.decided_by " \
	"LEFT JOIN users s ON s.id = a.signer_id "
/* Columns of A_COLS, in its SELECT order. */
enum a_col {
	A_C_ID, A_C_ORDER_ID, A_C_COMPANY_ID, A_C_USER_ID, A_C_COMPANY_NAME,
	A_C_TERM, A_C_STATUS, A_C_REVIEW_DUE, A_C_SUBMITTED_AT, A_C_DECIDED_BY,
	A_C_DECIDED_EMAIL, A_C_DECIDED_AT, A_C_REASON, A_C_PLAN_ID,
	A_C_VERSION, A_C_TEXT, A_C_SHA256, A_C_SIGNER_ID, A_C_SIGNER_EMAIL,
	A_C_SIGNED_AT, A_C_SIGNER_ADDR, A_C_DOWN_PAYMENT, A_C_DOWN_PAYMENT_REF,
	A_C_EFFECTIVE_AT, A_C_CURRENCY, A_C_AMOUNT_DUE, A_C_ORDER_STATUS,
	A_C__N
};

#define O_COLS \
	"SELECT id, user_id, COALESCE(company_id, 0), status, method, " \
	"currency, amount_due_minor, amount_usd_minor, " \
	"COALESCE(institution_id, ''), COALESCE(term, 0), " \
	"COALESCE(review_due, ''), created_at, COALESCE(completed_at, 0) " \
	"FROM orders "
/* Columns of O_COLS, in its SELECT order. */
enum o_col {
	O_C_ID, O_C_USER_ID, O_C_COMPANY_ID, O_C_STATUS, O_C_METHOD,
	O_C_CURRENCY, O_C_AMOUNT_DUE, O_C_AMOUNT_USD, O_C_INSTITUTION_ID,
	O_C_TERM, O_C_REVIEW_DUE, O_C_CREATED_AT, O_C_COMPLETED_AT, O_C__N
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_A_BY_ORDER (A_COLS statements: enum a_col) */
	A_COLS "WHERE a.order_id = ?",
	/* STMT_A_BY_ORDER_LOCK */
	A_COLS "WHERE a.order_id = ? FOR UPDATE",
	/* STMT_A_GET */
	A_COLS "WHERE a.id = ?",
	/* STMT_A_GET_LOCK */
	A_COLS "WHERE a.id = ? FOR UPDATE",
	/* STMT_A_INSERT */
	"INSERT IGNORE INTO corp_applications (order_id, company_id, user_id, "
	"term, status, review_due, submitted_at, updated_at) "
	"VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?)",
	/* STMT_A_DECIDE */
	"UPDATE corp_applications SET status = ?, decided_by = ?, "
	"decided_at = ?, reason = ?, plan_id = ?, agreement_version = ?, "
	"agreement_text = ?, agreement_sha256 = ?, updated_at = ? "
	"WHERE id = ? AND status = 'submitted'",
	/* STMT_A_SIGN */
	"UPDATE corp_applications SET status = 'signed', signer_id = ?, "
	"signer_addr = ?, signed_at = ?, updated_at = ? "
	"WHERE id = ? AND status = 'approved'",
	/* STMT_A_EFFECT */
	"UPDATE corp_applications SET status = 'in_effect', "
	"down_payment_minor = ?, down_payment_ref = ?, down_payment_by = ?, "
	"effective_at = ?, updated_at = ? WHERE id = ? AND status = 'signed'",
	/* STMT_A_CANCEL */
	"UPDATE corp_applications SET status = 'cancelled', updated_at = ? "
	"WHERE id = ?",
	/* STMT_A_QUEUE */
	A_COLS "WHERE (? = '' OR a.status = ?) AND NOT (a.status IN "
	"('submitted', 'approved', 'signed') AND o.status IN ('cancelled', "
	"'refused')) ORDER BY a.submitted_at, a.id LIMIT ? OFFSET ?",
	/* STMT_A_QUEUE_COUNT */
	"SELECT COUNT(*) FROM corp_applications a JOIN orders o "
	"ON o.id = a.order_id WHERE (? = '' OR a.status = ?) AND NOT "
	"(a.status IN ('submitted', 'approved', 'signed') AND o.status IN "
	"('cancelled', 'refused'))",
	/* STMT_A_STATS */
	"SELECT COUNT(*), COALESCE(MIN(a.submitted_at), 0), "
	"COALESCE(SUM(a.review_due < ?), 0) FROM corp_applications a "
	"JOIN orders o ON o.id = a.order_id WHERE a.status = 'submitted' "
	"AND o.status = 'awaiting_review'",
	/* STMT_O_GET (O_COLS statements: enum o_col) */
	O_COLS "WHERE id = ?",
	/* STMT_O_LIST */
	O_COLS "WHERE company_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
	/* STMT_O_SET_TERM */
	"UPDATE orders SET term = ?, review_due = ? WHERE id = ? "
	"AND status = 'awaiting_review' AND method = 'installment_corporate'",
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_CORP_APP, idx, stmts[idx]);
}

/* See company.h. */
void
db_corp_app_cleanup(struct db_corp_app *a)
{
	if (a == NULL)
		return;
	free(a->text);
	a->text = NULL;
}

/* Fill *arg (a struct db_corp_app, its text owned) from the current A_COLS
 * row (enum a_col). Serves dbq_list_keep: leaves a row out (owning
 * nothing) only when its order's status is none of STATE.md's (logged). */
static int
fill_app(struct dbq *q, void *arg)
{
	struct db_corp_app	*a = arg;
	size_t			 len;
	const char		*t;

	memset(a, 0, sizeof(*a));
	a->id = dbq_col_int(q, A_C_ID);
	a->order_id = dbq_col_int(q, A_C_ORDER_ID);
	a->company_id = dbq_col_int(q, A_C_COMPANY_ID);
	a->user_id = dbq_col_int(q, A_C_USER_ID);
	dbq_col_copy(q, A_C_COMPANY_NAME, a->company_name,
	    sizeof(a->company_name));
	a->term = (int)dbq_col_int(q, A_C_TERM);
	if (corp_app_status_parse(dbq_col_str(q, A_C_STATUS, NULL),
	    &a->status) == -1)
		a->status = CA_CANCELLED;	/* no other in the ENUM */
	dbq_col_copy(q, A_C_REVIEW_DUE, a->review_due, sizeof(a->review_due));
	a->submitted_at = dbq_col_int(q, A_C_SUBMITTED_AT);
	a->decided_by = dbq_col_int(q, A_C_DECIDED_BY);
	dbq_col_copy(q, A_C_DECIDED_EMAIL, a->decided_email,
	    sizeof(a->decided_email));
	a->decided_at = dbq_col_int(q, A_C_DECIDED_AT);
	dbq_col_copy(q, A_C_REASON, a->reason, sizeof(a->reason));
	a->plan_id = dbq_col_int(q, A_C_PLAN_ID);
	dbq_col_copy(q, A_C_VERSION, a->version, sizeof(a->version));
	t = dbq_col_str(q, A_C_TEXT, &len);
	/* The exact stored bytes: the hash is of them. */
	a->text = xmalloc(len + 1);
	memcpy(a->text, t, len);
	a->text[len] = '\0';
	dbq_col_copy(q, A_C_SHA256, a->sha256, sizeof(a->sha256));
	a->signer_id = dbq_col_int(q, A_C_SIGNER_ID);
	dbq_col_copy(q, A_C_SIGNER_EMAIL, a->signer_email,
	    sizeof(a->signer_email));
	a->signed_at = dbq_col_int(q, A_C_SIGNED_AT);
	dbq_col_copy(q, A_C_SIGNER_ADDR, a->signer_addr,
	    sizeof(a->signer_addr));
	a->down_payment_minor = dbq_col_int(q, A_C_DOWN_PAYMENT);
	dbq_col_copy(q, A_C_DOWN_PAYMENT_REF, a->down_payment_ref,
	    sizeof(a->down_payment_ref));
	a->effective_at = dbq_col_int(q, A_C_EFFECTIVE_AT);
	dbq_col_copy(q, A_C_CURRENCY, a->currency, sizeof(a->currency));
	a->amount_due_minor = dbq_col_int(q, A_C_AMOUNT_DUE);
	if (dbq_col_order_status(q, A_C_ORDER_STATUS, &a->order_status) == -1) {
		db_corp_app_cleanup(a);
		return -1;
	}
	return 0;
}

/* One application by statement idx and key. 1, 0, -1. */
static int
app_one(struct db *db, int idx, int64_t key, struct db_corp_app *out)
{
	struct dbq	*q;
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, idx)) == NULL)
		return -1;
	dbq_int(q, key);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1 &&
	    fill_app(q, out) == -1)
		rc = -1;
	dbq_done(q);
	return rc;
}

/* See company.h. */
int
db_corp_app_by_order(struct db *db, int64_t order_id, int lock,
    struct db_corp_app *out)
{
	return app_one(db, lock ? STMT_A_BY_ORDER_LOCK : STMT_A_BY_ORDER,
	    order_id, out);
}

/* See company.h. */
int
db_corp_app_get(struct db *db, int64_t id, int lock, struct db_corp_app *out)
{
	return app_one(db, lock ? STMT_A_GET_LOCK : STMT_A_GET, id, out);
}

/* See company.h. */
int64_t
db_corp_app_insert(struct db *db, int64_t order_id, int64_t company_id,
    int64_t user_id, int term, const char *review_due, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_INSERT)) == NULL)
		return -1;
	dbq_int(q, order_id);
	dbq_int(q, company_id);
	dbq_int(q, user_id);
	dbq_int(q, term);
	dbq_cstr(q, review_due);
	dbq_int(q, now);
	dbq_int(q, now);
	return dbq_exec_insert(q);
}

/* See company.h. */
int
db_corp_app_decide(struct db *db, int64_t id, enum corp_app_status to,
    int64_t admin_id, const char *reason, int64_t plan_id,
    const char *version, const char *text, const char *sha256, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_DECIDE)) == NULL)
		return -1;
	dbq_cstr(q, corp_app_status_name(to));
	dbq_int(q, admin_id);
	dbq_int(q, now);
	dbq_cstr(q, reason != NULL ? reason : "");
	dbq_id_opt(q, plan_id);
	dbq_cstr(q, version);
	dbq_cstr(q, text);
	dbq_cstr(q, sha256);
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_one(q);
}

/* See company.h. */
int
db_corp_app_sign(struct db *db, int64_t id, int64_t signer_id,
    const char *addr, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_SIGN)) == NULL)
		return -1;
	dbq_int(q, signer_id);
	dbq_cstr(q, addr);
	dbq_int(q, now);
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_one(q);
}

/* See company.h. */
int
db_corp_app_effect(struct db *db, int64_t id, int64_t amount,
    const char *ref, int64_t admin_id, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_EFFECT)) == NULL)
		return -1;
	dbq_int(q, amount);
	dbq_cstr(q, ref);
	dbq_int(q, admin_id);
	dbq_int(q, now);
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_one(q);
}

/* See company.h. */
int
db_corp_app_cancel(struct db *db, int64_t id, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_CANCEL)) == NULL)
		return -1;
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_one(q) == -1 ? -1 : 0;
}

/* See company.h. */
void
db_corp_app_list_free(struct db_corp_app *a, size_t n)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < n; i++)
		db_corp_app_cleanup(&a[i]);
	free(a);
}

/* dbq_list_keep free_list: db_corp_app_list_free of the void array. */
static void
free_apps(void *v, size_t n)
{
	db_corp_app_list_free(v, n);
}

/* See company.h. */
int
db_corp_app_queue(struct db *db, const char *status, size_t offset,
    size_t limit, struct db_corp_app **out, size_t *n, int64_t *total)
{
	struct dbq *q;

	*out = NULL;
	*n = 0;
	if ((q = get(db, STMT_A_QUEUE_COUNT)) != NULL) {
		dbq_cstr(q, status);
		dbq_cstr(q, status);
	}
	if ((*total = q != NULL ? dbq_count(q) : -1) < 0)
		return -1;
	if ((q = get(db, STMT_A_QUEUE)) == NULL)
		return -1;
	dbq_cstr(q, status);
	dbq_cstr(q, status);
	dbq_int(q, (int64_t)limit);
	dbq_int(q, (int64_t)offset);
	return dbq_list_keep(q, sizeof(**out), fill_app, free_apps,
	    (void **)out, n);
}

/* See company.h. */
int
db_corp_app_stats(struct db *db, const char *today,
    struct db_queue_stats *out)
{
	struct dbq *q = get(db, STMT_A_STATS);

	if (q != NULL)
		dbq_cstr(q, today);
	return db_queue_stats_read(q, out) == 1 ? 0 : -1;
}

/* dbq_list_keep fill: the current O_COLS row (enum o_col) into *arg, a
 * struct db_corp_order; -1 (logged) leaves out a row whose status or
 * method is unknown. */
static int
fill_order(struct dbq *q, void *arg)
{
	struct db_corp_order	*o = arg;

	memset(o, 0, sizeof(*o));
	o->id = dbq_col_int(q, O_C_ID);
	o->user_id = dbq_col_int(q, O_C_USER_ID);
	o->company_id = dbq_col_int(q, O_C_COMPANY_ID);
	if (dbq_col_order_status(q, O_C_STATUS, &o->status) == -1)
		return -1;
	if (dbq_col_pay_method(q, O_C_METHOD, &o->method) == -1)
		return -1;
	dbq_col_copy(q, O_C_CURRENCY, o->currency, sizeof(o->currency));
	o->amount_due_minor = dbq_col_int(q, O_C_AMOUNT_DUE);
	o->amount_usd_minor = dbq_col_int(q, O_C_AMOUNT_USD);
	dbq_col_copy(q, O_C_INSTITUTION_ID, o->institution_id,
	    sizeof(o->institution_id));
	o->term = (int)dbq_col_int(q, O_C_TERM);
	dbq_col_copy(q, O_C_REVIEW_DUE, o->review_due, sizeof(o->review_due));
	o->created_at = dbq_col_int(q, O_C_CREATED_AT);
	o->completed_at = dbq_col_int(q, O_C_COMPLETED_AT);
	return 0;
}

/* See company.h. */
int
db_corp_order_get(struct db *db, int64_t id, struct db_corp_order *out)
{
	struct dbq	*q;
	int		 rc = -1;

	if ((q = get(db, STMT_O_GET)) == NULL)
		return -1;
	dbq_int(q, id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1 &&
	    fill_order(q, out) == -1)
		rc = -1;
	dbq_done(q);
	return rc;
}

/* See company.h. */
int
db_corp_order_list(struct db *db, int64_t company_id, size_t limit,
    struct db_corp_order **out, size_t *n)
{
	struct dbq	*q;

	*out = NULL;
	*n = 0;
	if ((q = get(db, STMT_O_LIST)) == NULL)
		return -1;
	dbq_int(q, company_id);
	dbq_int(q, (int64_t)limit);
	return dbq_list_keep(q, sizeof(**out), fill_order, NULL, (void **)out,
	    n);
}

/* See company.h. */
int
db_corp_order_set_term(struct db *db, int64_t id, int term,
    const char *review_due)
{
	struct dbq *q;

	if ((q = get(db, STMT_O_SET_TERM)) == NULL)
		return -1;
	dbq_int(q, term);
	dbq_cstr(q, review_due);
	dbq_int(q, id);
	return dbq_exec_one(q);
}
