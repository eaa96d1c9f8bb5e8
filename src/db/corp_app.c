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

/* The columns of an application (struct db_corp_app), each with its SQL;
 * its agreement text, owned, is read after them (fill_app). */
#define APP_COLS(C) \
	C(INT,	id,			"a.id") \
	C(INT,	order_id,		", a.order_id") \
	C(INT,	company_id,		", a.company_id") \
	C(INT,	user_id,		", a.user_id") \
	C(TEXT,	company_name,		", c.name") \
	C(INT,	term,			", a.term") \
	C(CORP_APP, status,		", a.status") \
	C(TEXT,	review_due,		", a.review_due") \
	C(INT,	submitted_at,		", a.submitted_at") \
	C(INT,	decided_by,		", COALESCE(a.decided_by, 0)") \
	C(TEXT,	decided_email,		", COALESCE(d.email, '')") \
	C(INT,	decided_at,		", COALESCE(a.decided_at, 0)") \
	C(TEXT,	reason,			", a.reason") \
	C(INT,	plan_id,		", COALESCE(a.plan_id, 0)") \
	C(TEXT,	version,		", COALESCE(a.agreement_version, '')") \
	C(TEXT,	sha256,			", COALESCE(a.agreement_sha256, '')") \
	C(INT,	signer_id,		", COALESCE(a.signer_id, 0)") \
	C(TEXT,	signer_email,		", COALESCE(s.email, '')") \
	C(INT,	signed_at,		", COALESCE(a.signed_at, 0)") \
	C(TEXT,	signer_addr,		", COALESCE(a.signer_addr, '')") \
	C(INT,	down_payment_minor,	", a.down_payment_minor") \
	C(TEXT,	down_payment_ref,	", COALESCE(a.down_payment_ref, '')") \
	C(INT,	effective_at,		", COALESCE(a.effective_at, 0)") \
	C(TEXT,	currency,		", o.currency") \
	C(INT,	amount_due_minor,	", o.amount_due_minor") \
	C(STATUS, order_status,		", o.status")
#define APP_FIELD(t, m, sql)	DBQ_FIELD(struct db_corp_app, t, m)
DBQ_ROWS(app_row, struct db_corp_app, APP_COLS, APP_FIELD);

/* The columns of a corporate order (struct db_corp_order), each with its
 * SQL. */
#define ORDER_COLS(C) \
	C(INT,	id,			"id") \
	C(INT,	user_id,		", user_id") \
	C(INT,	company_id,		", COALESCE(company_id, 0)") \
	C(STATUS, status,		", status") \
	C(METHOD, method,		", method") \
	C(TEXT,	currency,		", currency") \
	C(INT,	amount_due_minor,	", amount_due_minor") \
	C(INT,	amount_usd_minor,	", amount_usd_minor") \
	C(TEXT,	institution_id,		", COALESCE(institution_id, '')") \
	C(INT,	term,			", COALESCE(term, 0)") \
	C(TEXT,	review_due,		", COALESCE(review_due, '')") \
	C(INT,	created_at,		", created_at") \
	C(INT,	completed_at,		", COALESCE(completed_at, 0)")
#define ORDER_FIELD(t, m, sql)	DBQ_FIELD(struct db_corp_order, t, m)
DBQ_ROWS(order_row, struct db_corp_order, ORDER_COLS,
    ORDER_FIELD);

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
	"SELECT " APP_COLS(DBQ_SQL) ", COALESCE(a.agreement_text, '') " \
	"FROM corp_applications a " \
	"JOIN companies c ON c.id = a.company_id " \
	"JOIN orders o ON o.id = a.order_id " \
	"LEFT JOIN users d ON d.id = a.decided_by " \
	"LEFT JOIN users s ON s.id = a.signer_id "

#define O_COLS	"SELECT " ORDER_COLS(DBQ_SQL) " FROM orders "

static const char *const stmts[STMT__MAX] = {
	/* STMT_A_BY_ORDER (A_COLS statements: fill_app) */
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
	/* STMT_O_GET (O_COLS statements: order_row) */
	O_COLS "WHERE id = ?",
	/* STMT_O_LIST */
	O_COLS "WHERE company_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
	/* STMT_O_SET_TERM */
	"UPDATE orders SET term = ?, review_due = ? WHERE id = ? "
	"AND status = 'awaiting_review' AND method = 'installment_corporate'",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_CORP_APP)

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
 * row. Serves dbq_list_keep: leaves a row out (owning nothing) only when
 * its order's status is none of STATE.md's (logged). */
static int
fill_app(struct dbq *q, void *arg)
{
	struct db_corp_app	*a = arg;
	size_t			 len;
	const char		*t;

	memset(a, 0, sizeof(*a));
	if (dbq_read(q, 0, &app_row, a) == -1)
		return -1;
	/* The exact stored bytes: the hash is of them. */
	t = dbq_col_str(q, (int)app_row.n, &len);
	a->text = xmalloc(len + 1);
	memcpy(a->text, t, len);
	a->text[len] = '\0';
	return 0;
}

/* One application by statement idx and key (*out zeroed first). 1, 0,
 * -1. */
static int
app_one(struct db *db, int idx, int64_t key, struct db_corp_app *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one_fn(dbq_bind(get(db, idx), DBQ_I(key)), fill_app, out);
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
	return dbq_exec_insert(dbq_bind(get(db, STMT_A_INSERT), DBQ_I(order_id),
	    DBQ_I(company_id), DBQ_I(user_id), DBQ_I(term), DBQ_S(review_due),
	    DBQ_I(now), DBQ_I(now)));
}

/* See company.h. */
int
db_corp_app_decide(struct db *db, int64_t id, enum corp_app_status to,
    int64_t admin_id, const char *reason, int64_t plan_id,
    const char *version, const char *text, const char *sha256, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_A_DECIDE),
	    DBQ_S(corp_app_status_name(to)),
	    DBQ_I(admin_id), DBQ_I(now), DBQ_S(reason != NULL ? reason : ""),
	    DBQ_IDO(plan_id), DBQ_S(version), DBQ_S(text), DBQ_S(sha256),
	    DBQ_I(now), DBQ_I(id)));
}

/* See company.h. */
int
db_corp_app_sign(struct db *db, int64_t id, int64_t signer_id,
    const char *addr, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_A_SIGN), DBQ_I(signer_id),
	    DBQ_S(addr), DBQ_I(now), DBQ_I(now), DBQ_I(id)));
}

/* See company.h. */
int
db_corp_app_effect(struct db *db, int64_t id, int64_t amount,
    const char *ref, int64_t admin_id, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_A_EFFECT), DBQ_I(amount),
	    DBQ_S(ref), DBQ_I(admin_id), DBQ_I(now), DBQ_I(now), DBQ_I(id)));
}

/* See company.h. */
int
db_corp_app_cancel(struct db *db, int64_t id, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_A_CANCEL), DBQ_I(now),
	    DBQ_I(id))) == -1 ? -1 : 0;
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
	*out = NULL;
	*n = 0;
	if ((*total = dbq_count(dbq_bind(get(db, STMT_A_QUEUE_COUNT),
	    DBQ_S(status), DBQ_S(status)))) < 0)
		return -1;
	return dbq_list_keep(dbq_bind(get(db, STMT_A_QUEUE), DBQ_S(status),
	    DBQ_S(status), DBQ_I((int64_t)limit), DBQ_I((int64_t)offset)),
	    sizeof(**out), fill_app, free_apps, (void **)out, n);
}

/* See company.h. */
int
db_corp_app_stats(struct db *db, const char *today,
    struct db_queue_stats *out)
{
	return db_queue_stats_read(dbq_bind(get(db, STMT_A_STATS),
	    DBQ_S(today)), out) == 1 ? 0 : -1;
}

/* See company.h. */
int
db_corp_order_get(struct db *db, int64_t id, struct db_corp_order *out)
{
	return dbq_one(dbq_bind(get(db, STMT_O_GET), DBQ_I(id)), &order_row,
	    out);
}

/* See company.h. */
int
db_corp_order_list(struct db *db, int64_t company_id, size_t limit,
    struct db_corp_order **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_O_LIST), DBQ_I(company_id),
	    DBQ_I((int64_t)limit)), &order_row, (void **)out, n);
}

/* See company.h. */
int
db_corp_order_set_term(struct db *db, int64_t id, int term,
    const char *review_due)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_O_SET_TERM), DBQ_I(term),
	    DBQ_S(review_due), DBQ_I(id)));
}
