/*
 * The admin console's search and exports (see search.h). Bound parameters
 * only; the searches are written in the order MariaDB should read the
 * tables (STRAIGHT_JOIN), each starting from an index on what was typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/search.h"
#include "db/stmt.h"

/* The columns of struct db_search_order, each with its SQL. */
#define SO_COLS(C) \
	C(INT,	id,		"o.id") \
	C(INT,	created_at,	", o.created_at") \
	C(TEXT,	email,		", u.email") \
	C(TEXT,	company,	", COALESCE(c.name, '')") \
	C(METHOD, method,		", o.method") \
	C(STATUS, status,		", o.status") \
	C(INT,	amount_minor,	", o.amount_due_minor") \
	C(TEXT,	currency,	", o.currency") \
	C(TEXT,	rf_code,	", COALESCE(o.rf_code, '')") \
	C(TEXT,	tracking,	", COALESCE(s.tracking, '')")
#define SO_FIELD(t, m, sql)	DBQ_FIELD(struct db_search_order, t, m)
DBQ_ROWS(so_row, struct db_search_order, SO_COLS, SO_FIELD);

/* The columns of struct db_search_party of table t (its name column n)
 * with the reviews r, each with its SQL. */
#define PARTY_COLS(C, t, n, r) \
	C(INT,	id,		t ".id") \
	C(TEXT,	name,		", " t "." n) \
	C(INT,	review_id,	", COALESCE(MAX(" r ".id), 0)") \
	C(INT,	review_since,	", COALESCE(MAX(" r ".submitted_at), 0)")
/* A user u by email with its identity checks ic. */
#define SP_USER_COLS(C)		PARTY_COLS(C, "u", "email", "ic")
/* A company c by name with its qualifications q. */
#define SP_COMPANY_COLS(C)	PARTY_COLS(C, "c", "name", "q")
#define SP_FIELD(t, m, sql)	DBQ_FIELD(struct db_search_party, t, m)
DBQ_ROWS(party_row, struct db_search_party, SP_USER_COLS, SP_FIELD);

enum stmt {
	STMT_SO_ID,
	STMT_SO_RF_CODE,
	STMT_SO_TRACKING,
	STMT_SO_EMAIL,
	STMT_SO_COMPANY,
	STMT_SO_USER,
	STMT_SO_USER_BACK,
	STMT_SO_USER_COUNT,
	STMT_SP_USERS,
	STMT_SP_COMPANIES,
	STMT_X_FIRST,
	STMT__MAX = STMT_X_FIRST + DB_X__MAX
};

#define SO_SELECT \
	"SELECT STRAIGHT_JOIN " SO_COLS(DBQ_SQL) " "
#define SO_COMPANY_SHIPMENT \
	"LEFT JOIN companies c ON c.id = o.company_id " \
	"LEFT JOIN shipments s ON s.order_id = o.id "
#define SO_JOINS \
	"JOIN users u ON u.id = o.user_id " SO_COMPANY_SHIPMENT

/* A queue of orders alone: where, and the column of its promised day. */
#define QX_ORDERS(where, due) \
	"SELECT o.id, o.id, u.email, COALESCE(c.name, ''), o.status, " \
	"o.created_at, o.amount_due_minor, o.currency, " \
	"COALESCE(o." due ", '') FROM orders o " \
	"JOIN users u ON u.id = o.user_id " \
	"LEFT JOIN companies c ON c.id = o.company_id WHERE " where \
	" ORDER BY o.created_at, o.id"

static const char *const stmts[STMT__MAX] = {
	/* STMT_SO_ID */
	SO_SELECT "FROM orders o " SO_JOINS "WHERE o.id = ? LIMIT ?",
	/* STMT_SO_RF_CODE: orders_rf_code */
	SO_SELECT "FROM orders o " SO_JOINS "WHERE o.rf_code = ? "
	"ORDER BY o.id DESC LIMIT ?",
	/* STMT_SO_TRACKING: shipments_tracking, remittance_vouchers_tracking */
	SO_SELECT "FROM (SELECT order_id FROM shipments WHERE tracking = ? "
	"UNION SELECT order_id FROM remittance_vouchers WHERE tracking = ?) t "
	"JOIN orders o ON o.id = t.order_id " SO_JOINS
	"ORDER BY o.id DESC LIMIT ?",
	/* STMT_SO_EMAIL: users_email, then orders_user_created */
	SO_SELECT "FROM users u JOIN orders o ON o.user_id = u.id "
	SO_COMPANY_SHIPMENT "WHERE u.email LIKE ? ORDER BY o.id DESC LIMIT ?",
	/* STMT_SO_COMPANY: companies_name, then orders_company_created */
	SO_SELECT "FROM companies c JOIN orders o ON o.company_id = c.id "
	"JOIN users u ON u.id = o.user_id "
	"LEFT JOIN shipments s ON s.order_id = o.id "
	"WHERE c.name LIKE ? ORDER BY o.id DESC LIMIT ?",
	/* STMT_SO_USER: one buyer's orders newest first after the key
	 * (created_at, id), by orders_user_created (the index holds the id);
	 * the created_at bound first, read as a range */
	SO_SELECT "FROM orders o " SO_JOINS "WHERE o.user_id = ? "
	"AND o.created_at <= ? AND (o.created_at < ? OR o.id < ?) "
	"ORDER BY o.created_at DESC, o.id DESC LIMIT ?",
	/* STMT_SO_USER_BACK: the same before the key, oldest first */
	SO_SELECT "FROM orders o " SO_JOINS "WHERE o.user_id = ? "
	"AND o.created_at >= ? AND (o.created_at > ? OR o.id > ?) "
	"ORDER BY o.created_at, o.id LIMIT ?",
	/* STMT_SO_USER_COUNT: up to a limit, from the index alone */
	"SELECT COUNT(*) FROM (SELECT 1 FROM orders WHERE user_id = ? "
	"LIMIT ?) t",
	/* STMT_SP_USERS */
	"SELECT " SP_USER_COLS(DBQ_SQL) " FROM users u "
	"LEFT JOIN identity_checks ic ON ic.user_id = u.id "
	"AND ic.status = 'review' WHERE u.email LIKE ? "
	"GROUP BY u.id, u.email ORDER BY u.email LIMIT ?",
	/* STMT_SP_COMPANIES */
	"SELECT " SP_COMPANY_COLS(DBQ_SQL) " FROM companies c "
	"LEFT JOIN company_qualifications q ON q.company_id = c.id "
	"AND q.status IN ('submitted', 'under_review') WHERE c.name LIKE ? "
	"GROUP BY c.id, c.name ORDER BY c.name LIMIT ?",
	/* DB_X_QUEUE_COD */
	QX_ORDERS("o.method = 'cod' AND o.status = 'awaiting_review'",
	    "review_due"),
	/* DB_X_QUEUE_INSTALLMENT */
	QX_ORDERS("o.method IN ('installment', 'installment_card', "
	    "'installment_partner') AND o.status = 'awaiting_review'",
	    "review_due"),
	/* DB_X_QUEUE_REMITTANCE */
	QX_ORDERS("o.method = 'remittance' "
	    "AND o.status = 'awaiting_verification'", "payment_due"),
	/* DB_X_QUEUE_REFUND */
	QX_ORDERS("o.status = 'returned'", "refund_due"),
	/* DB_X_QUEUE_QUALIFICATION */
	"SELECT q.id, '', COALESCE(u.email, ''), c.name, q.status, "
	"COALESCE(q.submitted_at, 0), '', '', COALESCE(q.review_due, '') "
	"FROM company_qualifications q JOIN companies c ON c.id = q.company_id "
	"LEFT JOIN users u ON u.id = q.submitted_by "
	"WHERE q.status IN ('submitted', 'under_review') "
	"ORDER BY q.submitted_at, q.id",
	/* DB_X_QUEUE_CORPORATE */
	"SELECT a.id, a.order_id, u.email, c.name, a.status, a.submitted_at, "
	"o.amount_due_minor, o.currency, a.review_due FROM corp_applications a "
	"JOIN orders o ON o.id = a.order_id JOIN users u ON u.id = a.user_id "
	"JOIN companies c ON c.id = a.company_id WHERE a.status = 'submitted' "
	"AND o.status = 'awaiting_review' ORDER BY a.submitted_at, a.id",
	/* DB_X_QUEUE_OVERDUE: what is left to pay of the installments past
	 * their due day (one parameter: today) */
	"SELECT p.id, p.order_id, u.email, COALESCE(c.name, ''), p.status, "
	"p.created_at, SUM(pi.principal_minor + pi.fee_minor + "
	"pi.late_fee_minor - pi.paid_minor), p.currency, MIN(pi.due_date) "
	"FROM plans p JOIN plan_installments pi ON pi.plan_id = p.id "
	"AND pi.status = 'due' AND pi.due_date < ? "
	"JOIN users u ON u.id = p.user_id "
	"LEFT JOIN companies c ON c.id = p.company_id WHERE p.status = 'active' "
	"GROUP BY p.id, p.order_id, u.email, c.name, p.status, p.created_at, "
	"p.currency ORDER BY MIN(pi.due_date), p.id",
	/* DB_X_QUEUE_IDENTITY */
	"SELECT ic.id, '', u.email, COALESCE(c.name, ''), ic.status, "
	"ic.submitted_at, '', '', '' FROM identity_checks ic "
	"JOIN users u ON u.id = ic.user_id "
	"LEFT JOIN companies c ON c.id = u.company_id "
	"WHERE ic.status = 'review' ORDER BY ic.submitted_at, ic.id",
	/* DB_X_LEDGER */
	"SELECT id, created_at, entry_key, line_no, kind, account, "
	"amount_minor, currency, COALESCE(order_id, ''), "
	"COALESCE(plan_id, ''), COALESCE(partner, ''), "
	"COALESCE(partner_ref, ''), COALESCE(reverses, ''), memo "
	"FROM ledger_lines ORDER BY id",
	/* DB_X_RECON */
	"SELECT r.day, r.partner, d.reference, d.kind, d.partner_minor, "
	"d.ledger_minor, d.currency, r.ran_at FROM recon_differences d "
	"JOIN recon_runs r ON r.id = d.run_id ORDER BY r.day, r.partner, d.id",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_SEARCH)

/* Bind text as a LIKE prefix pattern. */
static void
bind_prefix(struct dbq *q, const char *text)
{
	struct buf b;

	buf_init(&b);
	db_like_prefix(&b, text);
	dbq_cstr(q, buf_str(&b));
	buf_cleanup(&b);
}

/* See search.h. */
int
db_search_orders(struct db *db, enum db_search_by how, const char *text,
    size_t limit, struct db_search_order **out, size_t *n)
{
	static const int idx[DB_SB__MAX] = {
		[DB_SB_ID] = STMT_SO_ID, [DB_SB_RF_CODE] = STMT_SO_RF_CODE,
		[DB_SB_TRACKING] = STMT_SO_TRACKING,
		[DB_SB_EMAIL] = STMT_SO_EMAIL, [DB_SB_COMPANY] = STMT_SO_COMPANY,
	};
	struct dbq *q = get(db, idx[how]);

	if (q != NULL) {
		if (how == DB_SB_ID)
			dbq_int(q, strtoll(text, NULL, 10));
		else if (how == DB_SB_EMAIL || how == DB_SB_COMPANY)
			bind_prefix(q, text);
		else
			dbq_cstr(q, text);
		if (how == DB_SB_TRACKING)
			dbq_cstr(q, text);
		dbq_int(q, (int64_t)limit);
	}
	return dbq_rows(q, &so_row, (void **)out, n);
}

/* See search.h. */
int
db_search_user_orders(struct db *db, int64_t user_id, int key_dir,
    int64_t key_at, int64_t key_id, size_t limit,
    struct db_search_order **out, size_t *n)
{
	if (key_dir == 0)
		key_at = key_id = INT64_MAX;
	return dbq_rows(dbq_bind(get(db, key_dir == -1 ? STMT_SO_USER_BACK :
	    STMT_SO_USER), DBQ_I(user_id), DBQ_I(key_at), DBQ_I(key_at),
	    DBQ_I(key_id), DBQ_I((int64_t)limit)), &so_row, (void **)out, n);
}

/* See search.h. */
int64_t
db_search_user_order_count(struct db *db, int64_t user_id, int64_t cap)
{
	return dbq_count(dbq_bind(get(db, STMT_SO_USER_COUNT), DBQ_I(user_id),
	    DBQ_I(cap + 1)));
}

/* See search.h. */
int
db_search_parties(struct db *db, int company, const char *prefix,
    size_t limit, struct db_search_party **out, size_t *n)
{
	struct dbq *q = get(db, company ? STMT_SP_COMPANIES : STMT_SP_USERS);

	if (q != NULL) {
		bind_prefix(q, prefix);
		dbq_int(q, (int64_t)limit);
	}
	return dbq_rows(q, &party_row, (void **)out, n);
}

/* See search.h. */
int
db_export(struct db *db, enum db_export which, const char *today,
    int (*fn)(void *arg, const char *const *cols, size_t ncols), void *arg)
{
	struct dbq *q = get(db, STMT_X_FIRST + (int)which);

	if (q != NULL && which == DB_X_QUEUE_OVERDUE)
		dbq_cstr(q, today);
	return dbq_stream_rows(q, fn, arg);
}
