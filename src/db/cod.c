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

/* The shipment and tracking rows of dbint.h's lists. */
#define SHIP_FIELD(t, m, sql)	DBQ_FIELD(struct db_shipment, t, m)
DBQ_ROWS(ship_row, struct db_shipment, DB_SHIP_COLS, SHIP_FIELD);
#define TRACK_FIELD(t, m, sql)	DBQ_FIELD(struct db_track, t, m)
DBQ_ROWS(track_row, struct db_track, DB_TRACK_COLS, TRACK_FIELD);

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

/* The columns of a shopper's COD record (struct db_cod_user), each with
 * its SQL. */
#define COD_USER_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	email,		", email") \
	C(TEXT,	name,		", name") \
	C(INT,	completed,	", cod_completed_orders") \
	C(INT,	violations,	", cod_violations") \
	C(INT,	revoked,	", cod_revoked") \
	C(TEXT,	suspended_until, ", cod_suspended_until") \
	C(TEXT,	language,	", COALESCE(language, '')")
#define COD_USER_FIELD(t, m, sql)	DBQ_FIELD(struct db_cod_user, t, m)
DBQ_ROWS(cod_user_row, struct db_cod_user, COD_USER_COLS, COD_USER_FIELD);

/* The columns of a COD order awaiting review (struct db_cod_review), each
 * with its SQL. */
#define COD_REVIEW_COLS(C) \
	C(INT,	id,		"o.id") \
	C(TEXT,	email,		", u.email") \
	C(INT,	amount_due_minor, ", o.amount_due_minor") \
	C(INT,	fee_minor,	", o.fee_minor") \
	C(TEXT,	currency,	", o.currency") \
	C(TEXT,	country,	", o.country") \
	C(TEXT,	review_due,	", o.review_due") \
	C(INT,	created_at,	", o.created_at")
#define COD_REVIEW_FIELD(t, m, sql)	DBQ_FIELD(struct db_cod_review, t, m)
DBQ_ROWS(cod_review_row, struct db_cod_review, COD_REVIEW_COLS,
    COD_REVIEW_FIELD);

/* The columns of a COD order's record (struct db_cod), each with its
 * SQL. */
#define COD_ORDER_COLS(C) \
	C(INT,	order_id,	"order_id") \
	C(TEXT,	agreed_date,	", agreed_date") \
	C(INT,	reschedules,	", reschedules") \
	C(INT,	paid_reported_at, ", paid_reported_at") \
	C(INT,	paid_amount_minor, ", paid_amount_minor") \
	C(TEXT,	paid_method,	", paid_method") \
	C(TEXT,	paid_record_id,	", paid_record_id") \
	C(INT,	shopper_paid_at, ", shopper_paid_at") \
	C(INT,	shopper_file_id, ", shopper_file_id") \
	C(TEXT,	shopper_record_id, ", shopper_record_id") \
	C(TEXT,	return_reason,	", return_reason")
#define COD_ORDER_FIELD(t, m, sql)	DBQ_FIELD(struct db_cod, t, m)
DBQ_ROWS(cod_order_row, struct db_cod, COD_ORDER_COLS, COD_ORDER_FIELD);

/* The columns of a debt (struct db_debt), each with its SQL. */
#define DEBT_COLS(C) \
	C(INT,	order_id,	"order_id") \
	C(TEXT,	kind,		", kind") \
	C(INT,	amount_minor,	", amount_minor") \
	C(TEXT,	currency,	", currency") \
	C(TEXT,	description,	", description") \
	C(INT,	created_at,	", created_at") \
	C(INT,	settled_at,	", settled_at") \
	C(INT,	id,		", id")
#define DEBT_FIELD(t, m, sql)	DBQ_FIELD(struct db_debt, t, m)
DBQ_ROWS(debt_row, struct db_debt, DEBT_COLS, DEBT_FIELD);

/* A COD order unpaid past its agreed day. */
struct unpaid {
	int64_t			id;
	enum order_status	status;
	char			agreed[11];
};

/* The columns of struct unpaid, each with its SQL. */
#define UNPAID_COLS(C) \
	C(INT,	id,		"o.id") \
	C(STATUS, status,	", o.status") \
	C(TEXT,	agreed,		", c.agreed_date")
#define UNPAID_FIELD(t, m, sql)	DBQ_FIELD(struct unpaid, t, m)
DBQ_ROWS(unpaid_row, struct unpaid, UNPAID_COLS, UNPAID_FIELD);

/* The columns of a shopper whose COD suspension ends (of struct
 * db_cod_user), each with its SQL. */
#define SUSPENSION_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	suspended_until, ", cod_suspended_until")
DBQ_ROWS(suspension_row, struct db_cod_user, SUSPENSION_COLS,
    COD_USER_FIELD);

#define USER_COLS	COD_USER_COLS(DBQ_SQL) " FROM users "
#define REVIEW_COLS "SELECT " COD_REVIEW_COLS(DBQ_SQL) " FROM orders o " \
	"JOIN users u ON u.id = o.user_id WHERE o.method = 'cod' AND " \
	"o.status = 'awaiting_review' "
#define COD_COLS "SELECT " COD_ORDER_COLS(DBQ_SQL) " FROM cod_orders "

static const char *const stmts[STMT__MAX] = {
	/* STMT_SHIP_SET */
	"INSERT INTO shipments (order_id, carrier, tracking, shipped_at) "
	"VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE carrier = VALUES(carrier), "
	"tracking = VALUES(tracking), shipped_at = VALUES(shipped_at)",
	/* STMT_SHIP_DELIVERED */
	"UPDATE shipments SET delivered_at = COALESCE(delivered_at, ?) "
	"WHERE order_id = ?",
	/* STMT_SHIP_GET */
	"SELECT " DB_SHIP_COLS(DBQ_SQL) " FROM shipments s WHERE s.order_id = ?",
	/* STMT_SHIP_COURIER */
	"UPDATE shipments SET courier_name = ?, courier_phone = ? "
	"WHERE order_id = ?",
	/* STMT_TRACK_ADD */
	"INSERT INTO tracking_events (order_id, kind, detail, source, at) "
	"VALUES (?, ?, ?, ?, ?)",
	/* STMT_TRACK_LIST */
	"SELECT " DB_TRACK_COLS(DBQ_SQL) " FROM tracking_events t "
	"WHERE t.order_id = ? ORDER BY t.at, t.id",
	/* STMT_COD_ENSURE */
	"INSERT IGNORE INTO cod_orders (order_id) VALUES (?)",
	/* STMT_COD_GET (COD_COLS statements: cod_order_row) */
	COD_COLS "WHERE order_id = ?",
	/* STMT_COD_GET_LOCK */
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
	/* STMT_DEBT_LIST: debt_row */
	"SELECT " DEBT_COLS(DBQ_SQL) " FROM account_debts WHERE user_id = ? "
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
	"SELECT " UNPAID_COLS(DBQ_SQL) " FROM orders o JOIN cod_orders c "
	"ON c.order_id = o.id WHERE o.method = 'cod' AND o.status IN "
	"('shipped', 'delivered') AND c.agreed_date < ? AND "
	"c.paid_reported_at IS NULL ORDER BY o.id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_TAKE_SUSPENSION */
	"SELECT " SUSPENSION_COLS(DBQ_SQL) " FROM users "
	"WHERE cod_suspended_until IS NOT NULL AND cod_suspended_until <= ? "
	"ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
	/* STMT_LG_BOOK: the first booking stays */
	"INSERT IGNORE INTO order_logistics (order_id, partner_id, booked_at) "
	"SELECT id, ?, ? FROM orders WHERE id = ?",
	/* STMT_LG_BOOKED */
	"SELECT partner_id FROM order_logistics WHERE order_id = ? FOR UPDATE",
	/* STMT_LG_DEFAULT */
	"SELECT id FROM partners WHERE kind = 'logistics' AND enabled = 1 "
	"ORDER BY id LIMIT 1",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_COD)

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
	(void)dbq_read(q, c, &ship_row, out);
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
	(void)dbq_read(q, c, &track_row, t);
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
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, lock ? STMT_COD_GET_LOCK :
	    STMT_COD_GET), DBQ_I(order_id)), &cod_order_row, out);
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

/* See cod.h. */
int
db_debt_list(struct db *db, int64_t user_id, struct db_debt **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_DEBT_LIST), DBQ_I(user_id)),
	    &debt_row, (void **)out, n);
}

/* See cod.h. */
int
db_cod_user_get(struct db *db, int64_t user_id, int lock,
    struct db_cod_user *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, lock ? STMT_USER_GET_LOCK :
	    STMT_USER_GET), DBQ_I(user_id)), &cod_user_row, out);
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

/* See cod.h. */
int
db_cod_user_list(struct db *db, size_t limit, struct db_cod_user **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_USER_LIST),
	    DBQ_I((int64_t)limit)), &cod_user_row, (void **)out, n);
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
	return dbq_rows(q, &cod_review_row, (void **)out, n);
}

/* The first row of statement idx (its one parameter: today) read by r
 * into out: 1, 0 none, -1 error. */
static int
take_first(struct db *db, int idx, const char *today,
    const struct dbq_rowdef *r, void *out)
{
	return dbq_one(dbq_bind(get(db, idx), DBQ_S(today)), r, out);
}

/* See cod.h. */
int
db_cod_take_unpaid(struct db *db, const char *today, int64_t *id,
    enum order_status *status, char agreed[11])
{
	struct unpaid	u;
	int		rc;

	if ((rc = take_first(db, STMT_TAKE_UNPAID, today, &unpaid_row,
	    &u)) == 1) {
		*id = u.id;
		*status = u.status;
		memcpy(agreed, u.agreed, sizeof(u.agreed));
	}
	return rc;
}

/* See cod.h. */
int
db_cod_take_suspension_end(struct db *db, const char *today,
    int64_t *user_id, char until[11])
{
	struct db_cod_user	u;
	int			rc;

	rc = take_first(db, STMT_TAKE_SUSPENSION, today, &suspension_row, &u);
	if (rc == 1) {
		*user_id = u.id;
		memcpy(until, u.suspended_until, sizeof(u.suspended_until));
	}
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
