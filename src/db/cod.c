/*
 * SQL of cash on delivery and the shared shipping road (see cod.h). One
 * enum stmt, one stmts[] table, bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/stmt.h"

/* The columns of a row (struct db_cod_refusal), each with its SQL. */
#define REFUSAL_COLS(C) \
	C(INT,	order_id,	"order_id") \
	C(TEXT,	reason,		", reason") \
	C(INT,	counted,	", counted") \
	C(TEXT,	refused_on,	", refused_on")
#define REFUSAL_FIELD(t, m, sql)	DBQ_FIELD(struct db_cod_refusal, t, m)
DBQ_ROWS(refusal_row, struct db_cod_refusal, REFUSAL_COLS, REFUSAL_FIELD);

enum stmt {
	STMT_SHIP_SET,
	STMT_SHIP_DELIVERED,
	STMT_SHIP_GET,
	STMT_SHIP_COURIER,
	STMT_TRACK_ADD,
	STMT_TRACK_LIST,
	STMT_COD_ENSURE,
	STMT_COD_GET,
	STMT_COD_GET_LOCK,
	STMT_COD_AGREED,
	STMT_COD_PAID_REPORT,
	STMT_COD_SHOPPER_PAID,
	STMT_COD_RETURN_REASON,
	STMT_REFUSAL_ADD,
	STMT_REFUSAL_DAYS,
	STMT_REFUSAL_LIST,
	STMT_DEBT_ADD,
	STMT_DEBT_LIST,
	STMT_USER_GET,
	STMT_USER_GET_LOCK,
	STMT_USER_COMPLETED,
	STMT_USER_VIOLATION,
	STMT_USER_SUSPEND,
	STMT_USER_REVOKE,
	STMT_USER_LIST,
	STMT_REVIEW_LIST_DUE,
	STMT_REVIEW_LIST_OLD,
	STMT_REVIEW_COUNT,
	STMT_TAKE_UNPAID,
	STMT_TAKE_SUSPENSION,
	STMT_LG_BOOK,
	STMT_LG_BOOKED,
	STMT_LG_DEFAULT,
	STMT__MAX
};

#define USER_COLS "id, email, name, cod_completed_orders, cod_violations, " \
	"cod_revoked, cod_suspended_until, COALESCE(language, '') FROM users "
/* Columns of USER_COLS, in its SELECT order. */
enum user_col {
	USER_C_ID, USER_C_EMAIL, USER_C_NAME, USER_C_COMPLETED,
	USER_C_VIOLATIONS, USER_C_REVOKED, USER_C_SUSPENDED_UNTIL,
	USER_C_LANGUAGE, USER_C__N
};

#define REVIEW_COLS "SELECT o.id, u.email, o.amount_due_minor, o.fee_minor, " \
	"o.currency, o.country, o.review_due, o.created_at FROM orders o " \
	"JOIN users u ON u.id = o.user_id WHERE o.method = 'cod' AND " \
	"o.status = 'awaiting_review' "
/* Columns of REVIEW_COLS, in its SELECT order. */
enum review_col {
	REVIEW_C_ID, REVIEW_C_EMAIL, REVIEW_C_AMOUNT_DUE, REVIEW_C_FEE,
	REVIEW_C_CURRENCY, REVIEW_C_COUNTRY, REVIEW_C_REVIEW_DUE,
	REVIEW_C_CREATED_AT, REVIEW_C__N
};

#define COD_COLS "SELECT order_id, agreed_date, reschedules, " \
	"paid_reported_at, paid_amount_minor, paid_method, paid_record_id, " \
	"shopper_paid_at, shopper_file_id, shopper_record_id, return_reason " \
	"FROM cod_orders "
/* Columns of COD_COLS, in its SELECT order. */
enum cod_col {
	COD_C_ORDER_ID, COD_C_AGREED_DATE, COD_C_RESCHEDULES,
	COD_C_PAID_REPORTED_AT, COD_C_PAID_AMOUNT, COD_C_PAID_METHOD,
	COD_C_PAID_RECORD_ID, COD_C_SHOPPER_PAID_AT, COD_C_SHOPPER_FILE_ID,
	COD_C_SHOPPER_RECORD_ID, COD_C_RETURN_REASON, COD_C__N
};

/* Columns of STMT_DEBT_LIST, in its SELECT order. */
enum debt_col {
	DEBT_C_ORDER_ID, DEBT_C_KIND, DEBT_C_AMOUNT, DEBT_C_CURRENCY,
	DEBT_C_DESCRIPTION, DEBT_C_CREATED_AT, DEBT_C_SETTLED_AT, DEBT_C_ID,
	DEBT_C__N
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_SHIP_SET */
	"INSERT INTO shipments (order_id, carrier, tracking, shipped_at) "
	"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE carrier = VALUES(carrier), "
	"tracking = VALUES(tracking), shipped_at = VALUES(shipped_at)",
	/* STMT_SHIP_DELIVERED */
	"UPDATE shipments SET delivered_at = COALESCE(delivered_at, ?) "
	"WHERE order_id = ?",
	/* STMT_SHIP_GET */
	"SELECT " DB_SHIP_COLS("s") "FROM shipments s WHERE s.order_id = ?",
	/* STMT_SHIP_COURIER */
	"UPDATE shipments SET courier_name = ?, courier_phone = ? "
	"WHERE order_id = ?",
	/* STMT_TRACK_ADD */
	"INSERT INTO tracking_events (order_id, kind, detail, source, at) "
	"VALUES (?, ?, ?, ?, ?)",
	/* STMT_TRACK_LIST */
	"SELECT " DB_TRACK_COLS("t") "FROM tracking_events t "
	"WHERE t.order_id = ? ORDER BY t.at, t.id",
	/* STMT_COD_ENSURE */
	"INSERT IGNORE INTO cod_orders (order_id) VALUES (?)",
	/* STMT_COD_GET: enum cod_col */
	COD_COLS "WHERE order_id = ?",
	/* STMT_COD_GET_LOCK: enum cod_col */
	COD_COLS "WHERE order_id = ? FOR UPDATE",
	/* STMT_COD_AGREED */
	"UPDATE cod_orders SET agreed_date = ?, reschedules = reschedules + ? "
	"WHERE order_id = ?",
	/* STMT_COD_PAID_REPORT */
	"UPDATE cod_orders SET paid_reported_at = ?, paid_amount_minor = ?, "
	"paid_method = ?, paid_record_id = ? WHERE order_id = ?",
	/* STMT_COD_SHOPPER_PAID */
	"UPDATE cod_orders SET shopper_paid_at = ?, shopper_file_id = ?, "
	"shopper_record_id = ? WHERE order_id = ?",
	/* STMT_COD_RETURN_REASON */
	"UPDATE cod_orders SET return_reason = ? WHERE order_id = ?",
	/* STMT_REFUSAL_ADD */
	"INSERT INTO cod_refusals (user_id, order_id, reason, counted, "
	"refused_on, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_REFUSAL_DAYS */
	"SELECT refused_on FROM cod_refusals WHERE user_id = ? AND "
	"counted = 1 ORDER BY refused_on",
	/* STMT_REFUSAL_LIST */
	"SELECT " REFUSAL_COLS(DBQ_SQL)
	" FROM cod_refusals WHERE user_id = ? ORDER BY refused_on DESC, "
	"id DESC",
	/* STMT_DEBT_ADD */
	"INSERT INTO account_debts (user_id, order_id, kind, amount_minor, "
	"currency, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_DEBT_LIST: enum debt_col */
	"SELECT order_id, kind, amount_minor, currency, description, "
	"created_at, settled_at, id FROM account_debts WHERE user_id = ? "
	"ORDER BY created_at DESC, id DESC",
	/* STMT_USER_GET */
	"SELECT " USER_COLS "WHERE id = ?",
	/* STMT_USER_GET_LOCK */
	"SELECT " USER_COLS "WHERE id = ? FOR UPDATE",
	/* STMT_USER_COMPLETED */
	"UPDATE users SET cod_completed_orders = cod_completed_orders + 1 "
	"WHERE id = ?",
	/* STMT_USER_VIOLATION */
	"UPDATE users SET cod_violations = cod_violations + 1 WHERE id = ?",
	/* STMT_USER_SUSPEND */
	"UPDATE users SET cod_suspended_until = ? WHERE id = ?",
	/* STMT_USER_REVOKE */
	"UPDATE users SET cod_revoked = ? WHERE id = ?",
	/* STMT_USER_LIST */
	"SELECT " USER_COLS "WHERE kind <> 'admin' ORDER BY cod_revoked DESC, "
	"(cod_suspended_until IS NULL), cod_violations DESC, id LIMIT ?",
	/* STMT_REVIEW_LIST_DUE */
	REVIEW_COLS "ORDER BY o.review_due IS NULL, o.review_due, o.id "
	"LIMIT ? OFFSET ?",
	/* STMT_REVIEW_LIST_OLD */
	REVIEW_COLS "ORDER BY o.created_at, o.id LIMIT ? OFFSET ?",
	/* STMT_REVIEW_COUNT */
	"SELECT COUNT(*) FROM orders WHERE method = 'cod' AND "
	"status = 'awaiting_review'",
	/* STMT_TAKE_UNPAID */
	"SELECT o.id, o.status, c.agreed_date FROM orders o JOIN cod_orders c "
	"ON c.order_id = o.id WHERE o.method = 'cod' AND o.status IN "
	"('shipped', 'delivered') AND c.agreed_date < ? AND "
	"c.paid_reported_at IS NULL ORDER BY o.id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_TAKE_SUSPENSION */
	"SELECT id, cod_suspended_until FROM users WHERE cod_suspended_until "
	"IS NOT NULL AND cod_suspended_until <= ? ORDER BY id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_LG_BOOK: the first booking stays */
	"INSERT IGNORE INTO order_logistics (order_id, partner_id, booked_at) "
	"SELECT id, ?, ? FROM orders WHERE id = ?",
	/* STMT_LG_BOOKED */
	"SELECT partner_id FROM order_logistics WHERE order_id = ? FOR UPDATE",
	/* STMT_LG_DEFAULT */
	"SELECT id FROM partners WHERE kind = 'logistics' AND enabled = 1 "
	"ORDER BY id LIMIT 1",
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_COD, idx, stmts[idx]);
}

/* See cod.h. */
int
db_ship_set(struct db *db, int64_t order_id, const char *carrier,
    const char *tracking, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SHIP_SET), DBQ_I(order_id),
	    DBQ_S(carrier), DBQ_S(tracking), DBQ_I(now)), NULL);
}

/* See cod.h. */
int
db_ship_delivered(struct db *db, int64_t order_id, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SHIP_DELIVERED), DBQ_I(now),
	    DBQ_I(order_id)), NULL);
}

/* See cod.h. */
int
db_ship_courier(struct db *db, int64_t order_id, const char *name,
    const char *phone)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SHIP_COURIER), DBQ_S(name),
	    DBQ_S(phone), DBQ_I(order_id)), NULL);
}

/* See dbint.h: the DB_SHIP_COLS from column c. */
void
db_ship_at(struct dbq *q, int c, struct db_shipment *out)
{
	dbq_col_copy(q, c, out->carrier, sizeof(out->carrier));
	dbq_col_copy(q, c + 1, out->tracking, sizeof(out->tracking));
	out->shipped_at = dbq_col_int(q, c + 2);
	out->delivered_at = dbq_col_int(q, c + 3);
	dbq_col_copy(q, c + 4, out->courier_name, sizeof(out->courier_name));
	dbq_col_copy(q, c + 5, out->courier_phone, sizeof(out->courier_phone));
}

/* dbq_one_fn fill: a shipment from column 0. */
static int
ship_fill(struct dbq *q, void *out)
{
	db_ship_at(q, 0, out);
	return 0;
}

/* See cod.h. */
int
db_ship_get(struct db *db, int64_t order_id, struct db_shipment *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one_fn(dbq_bind(get(db, STMT_SHIP_GET), DBQ_I(order_id)),
	    ship_fill, out);
}

/* See cod.h. */
int
db_track_add(struct db *db, int64_t order_id, const char *kind,
    const char *detail, const char *source, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_TRACK_ADD), DBQ_I(order_id),
	    DBQ_S(kind), DBQ_S(detail != NULL ? detail : ""), DBQ_S(source),
	    DBQ_I(now)), NULL);
}

/* dbq_list fill for db_track_list(): the current row into *arg, a
 * struct db_track. */
static void
fill_track_list(struct dbq *q, void *arg)
{
	db_track_at(q, 0, arg);
}

/* See dbint.h: the DB_TRACK_COLS from column c. */
void
db_track_at(struct dbq *q, int c, struct db_track *t)
{
	dbq_col_copy(q, c, t->kind, sizeof(t->kind));
	dbq_col_copy(q, c + 1, t->detail, sizeof(t->detail));
	dbq_col_copy(q, c + 2, t->source, sizeof(t->source));
	t->at = dbq_col_int(q, c + 3);
}

/* See cod.h. */
int
db_track_list(struct db *db, int64_t order_id, struct db_track **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_TRACK_LIST), order_id, sizeof(**out),
	    fill_track_list, (void **)out, n);
}

/* See cod.h. */
int
db_cod_ensure(struct db *db, int64_t order_id)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_COD_ENSURE),
	    DBQ_I(order_id)), NULL);
}

/* See cod.h. */
int
db_cod_get(struct db *db, int64_t order_id, int lock, struct db_cod *out)
{
	struct dbq	*q = get(db, lock ? STMT_COD_GET_LOCK : STMT_COD_GET);
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (q == NULL)
		return -1;
	dbq_int(q, order_id);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		out->order_id = dbq_col_int(q, COD_C_ORDER_ID);
		dbq_col_copy(q, COD_C_AGREED_DATE, out->agreed_date,
		    sizeof(out->agreed_date));
		out->reschedules = (int)dbq_col_int(q, COD_C_RESCHEDULES);
		out->paid_reported_at = dbq_col_int(q, COD_C_PAID_REPORTED_AT);
		out->paid_amount_minor = dbq_col_int(q, COD_C_PAID_AMOUNT);
		dbq_col_copy(q, COD_C_PAID_METHOD, out->paid_method,
		    sizeof(out->paid_method));
		dbq_col_copy(q, COD_C_PAID_RECORD_ID, out->paid_record_id,
		    sizeof(out->paid_record_id));
		out->shopper_paid_at = dbq_col_int(q, COD_C_SHOPPER_PAID_AT);
		out->shopper_file_id = dbq_col_int(q, COD_C_SHOPPER_FILE_ID);
		dbq_col_copy(q, COD_C_SHOPPER_RECORD_ID, out->shopper_record_id,
		    sizeof(out->shopper_record_id));
		dbq_col_copy(q, COD_C_RETURN_REASON, out->return_reason,
		    sizeof(out->return_reason));
	}
	dbq_done(q);
	return rc;
}

/* See cod.h. */
int
db_cod_set_agreed(struct db *db, int64_t order_id, const char *day, int bump)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_COD_AGREED), DBQ_S(day),
	    DBQ_I(bump ? 1 : 0), DBQ_I(order_id)), NULL);
}

/* See cod.h. */
int
db_cod_set_paid_report(struct db *db, int64_t order_id, int64_t amount_minor,
    const char *method, const char *record_id, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_COD_PAID_REPORT), DBQ_I(now),
	    DBQ_I(amount_minor), DBQ_S(method), DBQ_S(record_id),
	    DBQ_I(order_id)), NULL);
}

/* See cod.h. */
int
db_cod_set_shopper_paid(struct db *db, int64_t order_id, int64_t file_id,
    const char *record_id, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_COD_SHOPPER_PAID),
	    DBQ_I(now), DBQ_IDO(file_id),
	    DBQ_S(record_id != NULL && record_id[0] != '\0' ? record_id : NULL),
	    DBQ_I(order_id)), NULL);
}

/* See cod.h. */
int
db_cod_set_return_reason(struct db *db, int64_t order_id, const char *reason)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_COD_RETURN_REASON),
	    DBQ_S(reason), DBQ_I(order_id)), NULL);
}

/* See cod.h. */
int
db_cod_refusal_add(struct db *db, int64_t user_id, int64_t order_id,
    const char *reason, int counted, const char *day, int64_t now)
{
	return dbq_exec_once(dbq_bind(get(db, STMT_REFUSAL_ADD), DBQ_I(user_id),
	    DBQ_I(order_id), DBQ_S(reason), DBQ_I(counted ? 1 : 0), DBQ_S(day),
	    DBQ_I(now)));
}

/* dbq_list fill for db_cod_refusal_days(): column 0 ("YYYY-MM-DD") into
 * the char[11] at arg. */
static void
fill_refusal_day(struct dbq *q, void *arg)
{
	dbq_col_copy(q, 0, arg, 11);
}

/* See cod.h. */
int
db_cod_refusal_days(struct db *db, int64_t user_id, char (**out)[11],
    size_t *n)
{
	return dbq_list_id(get(db, STMT_REFUSAL_DAYS), user_id, sizeof(**out),
	    fill_refusal_day, (void **)out, n);
}

/* See cod.h. */
int
db_cod_refusal_list(struct db *db, int64_t user_id,
    struct db_cod_refusal **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_REFUSAL_LIST), DBQ_I(user_id)),
	    &refusal_row, (void **)out, n);
}

/* See cod.h. */
int
db_debt_add(struct db *db, int64_t user_id, int64_t order_id,
    const char *kind, int64_t amount_minor, const char *currency,
    const char *description, int64_t now)
{
	return dbq_exec_once(dbq_bind(get(db, STMT_DEBT_ADD), DBQ_I(user_id),
	    DBQ_I(order_id), DBQ_S(kind), DBQ_I(amount_minor), DBQ_S(currency),
	    DBQ_S(description), DBQ_I(now)));
}

/* dbq_list fill for db_debt_list(): the current row into *arg, a
 * struct db_debt. */
static void
fill_debt_list(struct dbq *q, void *arg)
{
	struct db_debt	*d = arg;

	d->order_id = dbq_col_int(q, DEBT_C_ORDER_ID);
	dbq_col_copy(q, DEBT_C_KIND, d->kind, sizeof(d->kind));
	d->amount_minor = dbq_col_int(q, DEBT_C_AMOUNT);
	dbq_col_copy(q, DEBT_C_CURRENCY, d->currency, sizeof(d->currency));
	dbq_col_copy(q, DEBT_C_DESCRIPTION, d->description,
	    sizeof(d->description));
	d->created_at = dbq_col_int(q, DEBT_C_CREATED_AT);
	d->settled_at = dbq_col_int(q, DEBT_C_SETTLED_AT);
	d->id = dbq_col_int(q, DEBT_C_ID);
}

/* See cod.h. */
int
db_debt_list(struct db *db, int64_t user_id, struct db_debt **out, size_t *n)
{
	return dbq_list_id(get(db, STMT_DEBT_LIST), user_id, sizeof(**out),
	    fill_debt_list, (void **)out, n);
}

/* Fill u from the current row of a USER_COLS query. */
static void
user_row(struct dbq *q, struct db_cod_user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = dbq_col_int(q, USER_C_ID);
	dbq_col_copy(q, USER_C_EMAIL, u->email, sizeof(u->email));
	dbq_col_copy(q, USER_C_NAME, u->name, sizeof(u->name));
	u->completed = dbq_col_int(q, USER_C_COMPLETED);
	u->violations = dbq_col_int(q, USER_C_VIOLATIONS);
	u->revoked = (int)dbq_col_int(q, USER_C_REVOKED);
	dbq_col_copy(q, USER_C_SUSPENDED_UNTIL, u->suspended_until,
	    sizeof(u->suspended_until));
	dbq_col_copy(q, USER_C_LANGUAGE, u->language, sizeof(u->language));
}

/* See cod.h. */
int
db_cod_user_get(struct db *db, int64_t user_id, int lock,
    struct db_cod_user *out)
{
	struct dbq	*q = get(db, lock ? STMT_USER_GET_LOCK : STMT_USER_GET);
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	if ((rc = dbq_exec_fetch(q)) == 1)
		user_row(q, out);
	dbq_done(q);
	return rc;
}

/* Run a one-parameter UPDATE of users. */
static int
user_update(struct db *db, enum stmt s, int64_t user_id)
{
	return dbq_exec_done(dbq_bind(get(db, s), DBQ_I(user_id)), NULL);
}

/* See cod.h. */
int
db_cod_user_completed_inc(struct db *db, int64_t user_id)
{
	return user_update(db, STMT_USER_COMPLETED, user_id);
}

/* See cod.h. */
int
db_cod_user_violation_inc(struct db *db, int64_t user_id)
{
	return user_update(db, STMT_USER_VIOLATION, user_id);
}

/* See cod.h. */
int
db_cod_user_set_suspended(struct db *db, int64_t user_id, const char *day)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_USER_SUSPEND),
	    DBQ_S(day != NULL && day[0] != '\0' ? day : NULL), DBQ_I(user_id)),
	    NULL);
}

/* See cod.h. */
int
db_cod_user_set_revoked(struct db *db, int64_t user_id, int revoked)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_USER_REVOKE),
	    DBQ_I(revoked ? 1 : 0), DBQ_I(user_id)), NULL);
}

/* dbq_list fill for db_cod_user_list(): the current row into *arg, a
 * struct db_cod_user. */
static void
fill_cod_user_list(struct dbq *q, void *arg)
{
	user_row(q, arg);
}

/* See cod.h. */
int
db_cod_user_list(struct db *db, size_t limit, struct db_cod_user **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_USER_LIST), (int64_t)limit,
	    sizeof(**out), fill_cod_user_list, (void **)out, n);
}

/* dbq_list fill for db_cod_review_list(): the current row into *arg, a
 * struct db_cod_review. */
static void
fill_cod_review_list(struct dbq *q, void *arg)
{
	struct db_cod_review	*r = arg;

	r->id = dbq_col_int(q, REVIEW_C_ID);
	dbq_col_copy(q, REVIEW_C_EMAIL, r->email, sizeof(r->email));
	r->amount_due_minor = dbq_col_int(q, REVIEW_C_AMOUNT_DUE);
	r->fee_minor = dbq_col_int(q, REVIEW_C_FEE);
	dbq_col_copy(q, REVIEW_C_CURRENCY, r->currency, sizeof(r->currency));
	dbq_col_copy(q, REVIEW_C_COUNTRY, r->country, sizeof(r->country));
	dbq_col_copy(q, REVIEW_C_REVIEW_DUE, r->review_due,
	    sizeof(r->review_due));
	r->created_at = dbq_col_int(q, REVIEW_C_CREATED_AT);
}

/* See cod.h. */
int
db_cod_review_list(struct db *db, int oldest_first, size_t offset,
    size_t limit, struct db_cod_review **out, size_t *n, int64_t *total)
{
	struct dbq		*q;

	*out = NULL;
	*n = 0;
	*total = 0;
	if ((q = get(db, STMT_REVIEW_COUNT)) == NULL)
		return -1;
	if (dbq_one_int(q, total) != 1)
		return -1;
	q = get(db, oldest_first ? STMT_REVIEW_LIST_OLD : STMT_REVIEW_LIST_DUE);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I((int64_t)limit), DBQ_I((int64_t)offset));
	return dbq_list(q, sizeof(**out), fill_cod_review_list,
	    (void **)out, n);
}

/* See cod.h. */
int
db_cod_take_unpaid(struct db *db, const char *today, int64_t *id,
    enum order_status *status, char agreed[11])
{
	struct dbq	*q = get(db, STMT_TAKE_UNPAID);
	int		 rc;

	if (q == NULL)
		return -1;
	dbq_cstr(q, today);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		*id = dbq_col_int(q, 0);
		dbq_col_copy(q, 2, agreed, 11);
		if (dbq_col_order_status(q, 1, status) == -1)
			rc = -1;
	}
	dbq_done(q);
	return rc;
}

/* See cod.h. */
int
db_cod_take_suspension_end(struct db *db, const char *today,
    int64_t *user_id, char until[11])
{
	struct dbq	*q = get(db, STMT_TAKE_SUSPENSION);
	int		 rc;

	if (q == NULL)
		return -1;
	dbq_cstr(q, today);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		*user_id = dbq_col_int(q, 0);
		dbq_col_copy(q, 1, until, 11);
	}
	dbq_done(q);
	return rc;
}

/* See cod.h. */
int
db_lg_book(struct db *db, int64_t order_id, int64_t partner_id, int64_t now,
    int64_t *booked)
{
	struct dbq	*q = get(db, STMT_LG_BOOK);

	*booked = 0;
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(partner_id), DBQ_I(now), DBQ_I(order_id));
	if (dbq_exec_done(q, NULL) == -1 ||
	    (q = get(db, STMT_LG_BOOKED)) == NULL)
		return -1;
	dbq_int(q, order_id);
	return dbq_one_int(q, booked);
}

/* See cod.h. */
int64_t
db_lg_default_partner(struct db *db)
{
	struct dbq	*q = get(db, STMT_LG_DEFAULT);
	int64_t		 id = 0;

	if (q == NULL || dbq_one_int(q, &id) == -1)
		return -1;
	return id;
}
