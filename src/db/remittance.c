/*
 * Remittance tables (migration 007): payee, vouchers, refunds,
 * statements. SQL only, bound parameters only; one enum stmt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/admin.h"
#include "db/db.h"
#include "db/remittance.h"
#include "db/stmt.h"

/* The columns of a row (struct db_rem_refund), each with its SQL. */
#define REFUND_COLS(C) \
	C(INT,	id,			"r.id") \
	C(INT,	order_id,		", r.order_id") \
	C(TEXT,	kind,			", r.kind") \
	C(INT,	amount_minor,		", r.amount_minor") \
	C(TEXT,	currency,		", r.currency") \
	C(TEXT,	due,			", COALESCE(r.due, '')") \
	C(INT,	created_at,		", r.created_at") \
	C(INT,	sent_at,		", COALESCE(r.sent_at, 0)") \
	C(TEXT,	account_name,		", COALESCE(r.account_name, '')") \
	C(TEXT,	account_number,		", COALESCE(r.account_number, '')") \
	C(INT,	account_given_at,	", COALESCE(r.account_given_at, 0)") \
	C(TEXT,	sent_by_email,		", COALESCE(s.email, '')")
#define REFUND_FIELD(t, m, sql)	DBQ_FIELD(struct db_rem_refund, t, m)
DBQ_ROWS(refund_row, struct db_rem_refund, REFUND_COLS, REFUND_FIELD);

/* A row the tick takes: an order past its payment day (STMT_T_EXPIRED:
 * id, status) or an excess refund without its day (STMT_T_EXCESS: id,
 * completed_at). */
struct tick_row {
	int64_t			 id;
	enum order_status	 status;
	int64_t			 completed_at;	/* of the refund's order */
};
#define EXPIRED_COLS(C) \
	C(INT,		id,		"id") \
	C(STATUS,	status,		", status")
#define EXCESS_COLS(C) \
	C(INT,		id,		"r.id") \
	C(INT,		completed_at,	", o.completed_at")
#define TICK_FIELD(t, m, sql)	DBQ_FIELD(struct tick_row, t, m)
DBQ_ROWS(expired_tab, struct tick_row, EXPIRED_COLS, TICK_FIELD);
DBQ_ROWS(excess_tab, struct tick_row, EXCESS_COLS, TICK_FIELD);

enum stmt {
	STMT_PAYEE,
	STMT_DOMESTIC,
	STMT_V_INSERT,
	STMT_V_BY_KEY,
	STMT_V_GET,
	STMT_V_GET_LOCK,
	STMT_V_LIST,
	STMT_V_PENDING,
	STMT_V_OF_FILE,
	STMT_V_DECIDE,
	STMT_RECEIVED,
	STMT_QUEUE,
	STMT_QUEUE_BACK,
	STMT_QUEUE_COUNT,
	STMT_R_INSERT,
	STMT_R_LIST,
	STMT_BY_RF,
	STMT_S_INSERT,
	STMT_S_PREV,
	STMT_S_COUNTS,
	STMT_L_INSERT,
	STMT_L_UNMATCHED,
	STMT_T_EXPIRED,
	STMT_T_EXCESS,
	STMT_T_CANCEL,
	STMT_T_CANCEL_DONE,
	STMT_R_SET_DUE,
	STMT_R_SET_ACCOUNT,
	STMT_R_GET_LOCK,
	STMT_R_SENT,
	STMT_V_FLAG_EARLIER,
	STMT__MAX
};

/* The columns of a voucher (struct db_rem_voucher) of remittance_vouchers
 * v with its decider a, each with its SQL. */
#define VOUCHER_COLS(C) \
	C(INT,	id,			"v.id") \
	C(INT,	order_id,		", v.order_id") \
	C(INT,	user_id,		", v.user_id") \
	C(INT,	file_id,		", COALESCE(v.file_id, 0)") \
	C(INT,	dup_of_file,		", COALESCE(v.dup_of_file, 0)") \
	C(TEXT,	source,			", v.source") \
	C(INT,	amount_minor,		", v.amount_minor") \
	C(TEXT,	currency,		", v.currency") \
	C(TEXT,	remitted_on,		", v.remitted_on") \
	C(TEXT,	tracking,		", v.tracking") \
	C(TEXT,	expected_from,		", COALESCE(v.expected_from, '')") \
	C(TEXT,	expected_by,		", COALESCE(v.expected_by, '')") \
	C(VOUCHER, status,		", v.status") \
	C(TEXT,	reason,			", COALESCE(v.reason, '')") \
	C(TEXT,	note,			", v.note") \
	C(INT,	received_minor,		", COALESCE(v.received_minor, -1)") \
	C(INT,	decided_by,		", COALESCE(v.decided_by, 0)") \
	C(TEXT,	decided_by_email,	", COALESCE(a.email, '')") \
	C(INT,	decided_at,		", COALESCE(v.decided_at, 0)") \
	C(INT,	created_at,		", v.created_at")
#define VOUCHER_FIELD(t, m, sql)	DBQ_FIELD(struct db_rem_voucher, t, m)
DBQ_ROWS(voucher_tab, struct db_rem_voucher, VOUCHER_COLS, VOUCHER_FIELD);
#define V_FROM \
	"FROM remittance_vouchers v LEFT JOIN users a ON a.id = v.decided_by "

/* The columns of STMT_QUEUE after its VOUCHER_COLS (struct db_rem_queue_row),
 * each with its SQL: the buyer u, the order o and whether the voucher's
 * file has a thumbnail (file_renders page 0). */
#define QUEUE_COLS(C) \
	C(TEXT,	user_email,		", u.email") \
	C(INT,	order_amount_minor,	", o.amount_due_minor") \
	C(TEXT,	order_status,		", o.status") \
	C(TEXT,	country,		", o.country") \
	C(BOOL,	has_thumb,		", EXISTS (SELECT 1 FROM file_renders fr WHERE fr.file_id = v.file_id AND fr.page = 0)")
#define QUEUE_FIELD(t, m, sql)	DBQ_FIELD(struct db_rem_queue_row, t, m)
DBQ_ROWS(queue_tab, struct db_rem_queue_row, QUEUE_COLS, QUEUE_FIELD);

/* A page of the vouchers queue on the key side cmp of (created_at, id),
 * in order dir ("" or " DESC"): the created_at bound first, which the
 * index reads as a range. Parameters: currency x2, dup only, the key's
 * time x2 and id, the limit. */
#define QUEUE_PAGE(cmp, dir) \
	"SELECT STRAIGHT_JOIN " VOUCHER_COLS(DBQ_SQL) QUEUE_COLS(DBQ_SQL) " " \
	V_FROM "JOIN orders o ON o.id = v.order_id " \
	"JOIN users u ON u.id = v.user_id " \
	"WHERE v.status = 'pending' AND o.status = 'awaiting_verification' " \
	"AND (? = '' OR v.currency = ?) " \
	"AND (? = 0 OR v.dup_of_file IS NOT NULL) " \
	"AND v.created_at " cmp "= ? AND (v.created_at " cmp " ? " \
	"OR v.id " cmp " ?) ORDER BY v.created_at" dir ", v.id" dir " LIMIT ?",

/* A refund row (remittance_refunds r, users s = who sent it). */
#define R_COLS	REFUND_COLS(DBQ_SQL) " "
/* The columns of the payee (struct db_rem_payee), each with its SQL. */
#define PAYEE_COLS(C) \
	C(TEXT,	account_name,	"account_name") \
	C(TEXT,	account_number,	", account_number") \
	C(TEXT,	address,	", address") \
	C(TEXT,	postal_code,	", postal_code") \
	C(TEXT,	country,	", country")
#define PAYEE_FIELD(t, m, sql)	DBQ_FIELD(struct db_rem_payee, t, m)
DBQ_ROWS(payee_tab, struct db_rem_payee, PAYEE_COLS, PAYEE_FIELD);

/* A cancelled remittance order to look at (STMT_T_CANCEL). */
struct cancel_row {
	int64_t	 order_id;
	char	 currency[4];
	int64_t	 updated_at;
	int64_t	 received;	/* what its accepted vouchers received */
	int	 refunded;	/* its cancellation refund exists */
};
#define CANCEL_COLS(C) \
	C(INT,	order_id,	"o.id") \
	C(TEXT,	currency,	", o.currency") \
	C(INT,	updated_at,	", o.updated_at") \
	C(INT,	received,	", (SELECT COALESCE(SUM(v.received_minor), 0) FROM remittance_vouchers v WHERE v.order_id = o.id AND v.status = 'accepted') AS got") \
	C(BOOL,	refunded,	", EXISTS (SELECT 1 FROM remittance_refunds r WHERE r.order_id = o.id AND r.kind = 'cancel')")
#define CANCEL_FIELD(t, m, sql)	DBQ_FIELD(struct cancel_row, t, m)
DBQ_ROWS(cancel_tab, struct cancel_row, CANCEL_COLS, CANCEL_FIELD);

/* The columns of an unmatched statement line (struct db_rem_line) l of
 * statement s, each with its SQL. */
#define LINE_COLS(C) \
	C(INT,	statement_id,	"l.statement_id") \
	C(INT,	line_no,	", l.line_no") \
	C(TEXT,	raw,		", l.raw") \
	C(INT,	order_id,	", COALESCE(l.order_id, 0)") \
	C(TEXT,	outcome,	", l.outcome") \
	C(TEXT,	note,		", l.note") \
	C(INT,	imported_at,	", s.imported_at")
#define LINE_FIELD(t, m, sql)	DBQ_FIELD(struct db_rem_line, t, m)
DBQ_ROWS(line_tab, struct db_rem_line, LINE_COLS, LINE_FIELD);

static const char *const stmts[STMT__MAX] = {
	/* STMT_PAYEE */
	"SELECT " PAYEE_COLS(DBQ_SQL) " FROM remittance_payee WHERE id = 1",
	/* STMT_DOMESTIC */
	"SELECT domestic FROM regions WHERE code = ?",
	/* STMT_V_INSERT */
	"INSERT INTO remittance_vouchers (order_id, user_id, source, file_id, "
	"dup_of_file, amount_minor, currency, remitted_on, tracking, "
	"expected_from, expected_by, status, received_minor, decided_by, "
	"decided_at, idempotency_key, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_V_BY_KEY */
	"SELECT id FROM remittance_vouchers WHERE order_id = ? AND "
	"idempotency_key = ?",
	/* STMT_V_GET */
	"SELECT " VOUCHER_COLS(DBQ_SQL) " " V_FROM "WHERE v.id = ?",
	/* STMT_V_GET_LOCK: the voucher row only (no join) is locked. */
	"SELECT " VOUCHER_COLS(DBQ_SQL) " " V_FROM "WHERE v.id = ? FOR UPDATE",
	/* STMT_V_LIST */
	"SELECT " VOUCHER_COLS(DBQ_SQL) " " V_FROM "WHERE v.order_id = ? "
	"ORDER BY v.created_at DESC, v.id DESC",
	/* STMT_V_PENDING */
	"SELECT " VOUCHER_COLS(DBQ_SQL) " " V_FROM "WHERE v.order_id = ? "
	"AND v.status = 'pending' ORDER BY v.id DESC LIMIT 1",
	/* STMT_V_OF_FILE */
	"SELECT order_id FROM remittance_vouchers WHERE file_id = ? AND "
	"order_id <> ? ORDER BY id LIMIT 1",
	/* STMT_V_DECIDE */
	"UPDATE remittance_vouchers SET status = ?, reason = ?, "
	"received_minor = ?, note = ?, decided_by = ?, decided_at = ? "
	"WHERE id = ? AND status = 'pending'",
	/* STMT_RECEIVED */
	"SELECT COALESCE(SUM(received_minor), 0) FROM remittance_vouchers "
	"WHERE order_id = ? AND status = 'accepted'",
	/* STMT_QUEUE: VOUCHER_COLS, then QUEUE_COLS; oldest first
	 * (REM-P5 queue) after the key (created_at, id), read in
	 * remittance_vouchers_status's order (the index holds the id) up to
	 * the page */
	QUEUE_PAGE(">", "")
	/* STMT_QUEUE_BACK: the same before the key, newest first */
	QUEUE_PAGE("<", " DESC")
	/* STMT_QUEUE_COUNT: up to a limit (DB_COUNT_CAP plus one) */
	"SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1 "
	"FROM remittance_vouchers v JOIN orders o ON o.id = v.order_id "
	"WHERE v.status = 'pending' AND o.status = 'awaiting_verification' "
	"AND (? = '' OR v.currency = ?) "
	"AND (? = 0 OR v.dup_of_file IS NOT NULL) LIMIT ?) t",
	/* STMT_R_INSERT */
	"INSERT INTO remittance_refunds (order_id, kind, amount_minor, "
	"currency, due, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_R_LIST: REFUND_COLS */
	"SELECT " R_COLS "FROM remittance_refunds r LEFT JOIN users s ON "
	"s.id = r.sent_by WHERE r.order_id = ? ORDER BY r.id",
	/* STMT_BY_RF */
	"SELECT id FROM orders WHERE rf_code = ? AND method = 'remittance'",
	/* STMT_S_INSERT */
	"INSERT INTO remittance_statements (sha256, admin_id, imported_at) "
	"VALUES (?, ?, ?)",
	/* STMT_S_PREV */
	"SELECT imported_at FROM remittance_statements WHERE sha256 = ?",
	/* STMT_S_COUNTS */
	"UPDATE remittance_statements SET nlines = ?, matched = ? WHERE id = ?",
	/* STMT_L_INSERT */
	"INSERT INTO remittance_statement_lines (statement_id, line_no, "
	"line_sha256, raw, order_id, outcome, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_L_UNMATCHED */
	"SELECT " LINE_COLS(DBQ_SQL) " FROM remittance_statement_lines l "
	"JOIN remittance_statements s ON s.id = l.statement_id "
	"WHERE l.outcome <> 'matched' ORDER BY l.id DESC LIMIT ?",
	/* STMT_T_EXPIRED (REM-P6) */
	"SELECT " EXPIRED_COLS(DBQ_SQL) " FROM orders "
	"WHERE method = 'remittance' AND status "
	"IN ('awaiting_remittance', 'awaiting_verification', 'partially_paid') "
	"AND payment_due IS NOT NULL AND payment_due < ? ORDER BY id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_T_EXCESS (REM-P7) */
	"SELECT " EXCESS_COLS(DBQ_SQL) " FROM remittance_refunds r "
	"JOIN orders o ON o.id = r.order_id WHERE r.kind = 'excess' AND "
	"r.due IS NULL AND o.completed_at IS NOT NULL ORDER BY r.id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_T_CANCEL (REM-P8; migration 026): one cancelled remittance
	 * order not looked at yet, by its mark's index; what it received
	 * and whether its cancellation refund exists. */
	"SELECT " CANCEL_COLS(DBQ_SQL) " "
	"FROM orders o WHERE o.cancel_refund_check = 1 LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_T_CANCEL_DONE */
	"UPDATE orders SET cancel_refund_check = NULL WHERE id = ?",
	/* STMT_R_SET_DUE */
	"UPDATE remittance_refunds SET due = ? WHERE id = ?",
	/* STMT_R_SET_ACCOUNT (migration 012): every unsent refund of the
	 * order, only when the order is the user's. */
	"UPDATE remittance_refunds r JOIN orders o ON o.id = r.order_id "
	"SET r.account_name = ?, r.account_number = ?, r.account_given_at = ? "
	"WHERE r.order_id = ? AND o.user_id = ? AND r.sent_at IS NULL",
	/* STMT_R_GET_LOCK: REFUND_COLS */
	"SELECT " R_COLS "FROM remittance_refunds r LEFT JOIN users s ON "
	"s.id = r.sent_by WHERE r.id = ? FOR UPDATE",
	/* STMT_R_SENT: only once, only with an account. */
	"UPDATE remittance_refunds SET sent_at = ?, sent_by = ? WHERE id = ? "
	"AND sent_at IS NULL AND account_given_at IS NOT NULL",
	/* STMT_V_FLAG_EARLIER: the earlier vouchers of the same file on
	 * other orders point at the later copy */
	"UPDATE remittance_vouchers SET dup_of_file = ? WHERE file_id = ? "
	"AND order_id <> ? AND dup_of_file IS NULL",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_VOUCHER)

/* See remittance.h. */
int
db_rem_payee_get(struct db *db, struct db_rem_payee *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(get(db, STMT_PAYEE), &payee_tab, out);
}

/* See remittance.h. */
int
db_rem_region_domestic(struct db *db, const char *region_code)
{
	struct dbq	*q;
	int64_t		 v = 0;
	int		 rc;

	if ((q = get(db, STMT_DOMESTIC)) == NULL)
		return -1;
	dbq_cstr(q, region_code);
	rc = dbq_one_int(q, &v);
	if (rc == -1)
		return -1;
	return rc == 1 && v != 0;
}

/* See remittance.h. */
int64_t
db_rem_voucher_insert(struct db *db, const struct db_rem_voucher_new *v)
{
	struct dbq	*q;

	if ((q = get(db, STMT_V_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(v->order_id), DBQ_I(v->user_id), DBQ_S(v->source),
	    DBQ_IDO(v->file_id), DBQ_IDO(v->dup_of_file),
	    DBQ_I(v->amount_minor), DBQ_S(v->currency), DBQ_S(v->remitted_on),
	    DBQ_S(v->tracking), DBQ_SO(v->expected_from),
	    DBQ_SO(v->expected_by), DBQ_S(voucher_status_name(v->status)));
	if (v->received_minor >= 0)
		dbq_int(q, v->received_minor);
	else
		dbq_null(q);
	dbq_id_opt(q, v->decided_by);
	if (v->decided_by > 0)
		dbq_int(q, v->now);
	else
		dbq_null(q);
	dbq_bind(q, DBQ_S(v->idempotency_key), DBQ_I(v->now));
	return dbq_exec_insert(q);
}

/* See remittance.h. */
int64_t
db_rem_voucher_by_key(struct db *db, int64_t order_id, const char *key)
{
	struct dbq	*q;
	int64_t		 id = 0;
	int		 rc;

	if ((q = get(db, STMT_V_BY_KEY)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(order_id), DBQ_S(key));
	rc = dbq_one_int(q, &id);
	return rc == -1 ? -1 : rc == 1 ? id : 0;
}

/* See remittance.h. */
int
db_rem_voucher_get(struct db *db, int64_t id, int lock,
    struct db_rem_voucher *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, lock ? STMT_V_GET_LOCK : STMT_V_GET),
	    DBQ_I(id)), &voucher_tab, out);
}

/* See remittance.h. */
int
db_rem_voucher_list(struct db *db, int64_t order_id,
    struct db_rem_voucher **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_V_LIST), DBQ_I(order_id)),
	    &voucher_tab, (void **)out, n);
}

/* See remittance.h. */
int
db_rem_voucher_pending(struct db *db, int64_t order_id,
    struct db_rem_voucher *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, STMT_V_PENDING), DBQ_I(order_id)),
	    &voucher_tab, out);
}

/* See remittance.h. */
int64_t
db_rem_voucher_order_of_file(struct db *db, int64_t file_id,
    int64_t not_order)
{
	struct dbq	*q;
	int64_t		 id = 0;
	int		 rc;

	if ((q = get(db, STMT_V_OF_FILE)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(file_id), DBQ_I(not_order));
	rc = dbq_one_int(q, &id);
	return rc == -1 ? -1 : rc == 1 ? id : 0;
}

/* See remittance.h. */
int
db_rem_voucher_flag_earlier(struct db *db, int64_t file_id, int64_t dup_of,
    int64_t not_order)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_V_FLAG_EARLIER),
	    DBQ_I(file_id), DBQ_I(dup_of), DBQ_I(not_order)), NULL);
}

/* See remittance.h. */
int
db_rem_voucher_decide(struct db *db, int64_t id, enum voucher_status status,
    const char *reason, int64_t received, const char *note,
    int64_t admin_id, int64_t now)
{
	struct dbq	*q;

	if ((q = get(db, STMT_V_DECIDE)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(voucher_status_name(status)), DBQ_SO(reason));
	if (received >= 0)
		dbq_int(q, received);
	else
		dbq_null(q);
	dbq_bind(q, DBQ_S(note != NULL ? note : ""), DBQ_IDO(admin_id),
	    DBQ_I(now), DBQ_I(id));
	return dbq_exec_one(q);
}

/* See remittance.h. */
int
db_rem_received_total(struct db *db, int64_t order_id, int64_t *out)
{
	struct dbq	*q;

	*out = 0;
	if ((q = get(db, STMT_RECEIVED)) == NULL)
		return -1;
	dbq_int(q, order_id);
	return dbq_one_int(q, out) == -1 ? -1 : 0;
}

/* dbq_list_keep fill for db_rem_queue(): the current row into *arg, a
 * struct db_rem_queue_row: 0, or -1 leaving a refused row out. */
static int
fill_rem_queue(struct dbq *q, void *arg)
{
	struct db_rem_queue_row	*r = arg;

	if (dbq_read(q, 0, &voucher_tab, &r->v) == -1)
		return -1;
	return dbq_read(q, (int)voucher_tab.n, &queue_tab, r);
}

/* See remittance.h. */
int
db_rem_queue_count(struct db *db, const char *currency, int dup_only,
    int64_t *total)
{
	*total = dbq_count(dbq_bind(get(db, STMT_QUEUE_COUNT), DBQ_S(currency),
	    DBQ_S(currency), DBQ_I(dup_only), DBQ_I(DB_COUNT_CAP + 1)));
	return *total < 0 ? -1 : 0;
}

/* See remittance.h. */
int
db_rem_queue(struct db *db, const char *currency, int dup_only,
    int key_dir, int64_t key_at, int64_t key_id, size_t limit,
    struct db_rem_queue_row **out, size_t *n)
{
	struct dbq *q;

	*out = NULL;
	*n = 0;
	if (key_dir == 0)
		key_at = key_id = 0;
	q = get(db, key_dir == -1 ? STMT_QUEUE_BACK : STMT_QUEUE);
	dbq_bind(q, DBQ_S(currency), DBQ_S(currency), DBQ_I(dup_only),
	    DBQ_I(key_at), DBQ_I(key_at), DBQ_I(key_id),
	    DBQ_I((int64_t)limit));
	return dbq_list_keep(q, sizeof(**out), fill_rem_queue, NULL,
	    (void **)out, n);
}

/* See remittance.h. */
int
db_rem_refund_insert(struct db *db, int64_t order_id, const char *kind,
    int64_t amount_minor, const char *currency, const char *due, int64_t now)
{
	return dbq_exec_claim(dbq_bind(get(db, STMT_R_INSERT), DBQ_I(order_id),
	    DBQ_S(kind), DBQ_I(amount_minor), DBQ_S(currency), DBQ_SO(due),
	    DBQ_I(now)));
}

/* See remittance.h. */
int
db_rem_refund_list(struct db *db, int64_t order_id,
    struct db_rem_refund **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_R_LIST), DBQ_I(order_id)),
	    &refund_row, (void **)out, n);
}

/* See remittance.h. */
int64_t
db_rem_order_by_rf(struct db *db, const char *rf)
{
	struct dbq	*q;
	int64_t		 id = 0;
	int		 rc;

	if ((q = get(db, STMT_BY_RF)) == NULL)
		return -1;
	dbq_cstr(q, rf);
	rc = dbq_one_int(q, &id);
	return rc == -1 ? -1 : rc == 1 ? id : 0;
}

/* See remittance.h. */
int64_t
db_rem_statement_insert(struct db *db, const char *sha, int64_t admin_id,
    int64_t now, int64_t *prev_at)
{
	struct dbq	*q;
	int64_t		 id = -1;
	int		 dup = 0;

	*prev_at = 0;
	if ((q = get(db, STMT_S_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(sha), DBQ_I(admin_id), DBQ_I(now));
	if (dbq_exec(q) == 0)
		id = dbq_insert_id(q);
	else if (dbq_errno(q) == DBQ_ER_DUP_ENTRY)
		dup = 1;
	dbq_done(q);
	if (!dup)
		return id;
	if ((q = get(db, STMT_S_PREV)) == NULL)
		return -1;
	dbq_cstr(q, sha);
	return dbq_one_int(q, prev_at) == -1 ? -1 : 0;
}

/* See remittance.h. */
int
db_rem_statement_counts(struct db *db, int64_t id, int nlines, int matched)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_S_COUNTS), DBQ_I(nlines),
	    DBQ_I(matched), DBQ_I(id)), NULL);
}

/* See remittance.h. */
int
db_rem_statement_line(struct db *db, int64_t statement_id, int line_no,
    const char *sha, const char *raw, int64_t order_id, const char *outcome,
    const char *note)
{
	return dbq_exec_claim(dbq_bind(get(db, STMT_L_INSERT),
	    DBQ_I(statement_id), DBQ_I(line_no), DBQ_S(sha), DBQ_B(raw,
	    strnlen(raw, 512)), DBQ_IDO(order_id), DBQ_S(outcome), DBQ_B(note,
	    strnlen(note, 255))));
}

/* See remittance.h. */
int
db_rem_unmatched_lines(struct db *db, size_t limit, struct db_rem_line **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_L_UNMATCHED),
	    DBQ_I((int64_t)limit)), &line_tab, (void **)out, n);
}

/* See remittance.h. */
int
db_rem_take_expired(struct db *db, const char *today, int64_t *order_id,
    enum order_status *status)
{
	struct tick_row	r;
	int		rc;

	rc = dbq_one(dbq_bind(get(db, STMT_T_EXPIRED), DBQ_S(today)),
	    &expired_tab, &r);
	if (rc == 1) {
		*order_id = r.id;
		*status = r.status;
	}
	return rc;
}

/* See remittance.h. */
int
db_rem_take_undated_excess(struct db *db, int64_t *refund_id,
    int64_t *completed_at)
{
	struct tick_row	r;
	int		rc;

	if ((rc = dbq_one(get(db, STMT_T_EXCESS), &excess_tab, &r)) == 1) {
		*refund_id = r.id;
		*completed_at = r.completed_at;
	}
	return rc;
}

/* See remittance.h. */
int
db_rem_take_cancel_check(struct db *db, int64_t *order_id,
    int64_t *received, char *currency, int64_t *updated_at, int *refunded)
{
	struct cancel_row	r;
	int			rc;

	if ((rc = dbq_one(get(db, STMT_T_CANCEL), &cancel_tab, &r)) == 1) {
		*order_id = r.order_id;
		memcpy(currency, r.currency, sizeof(r.currency));
		*updated_at = r.updated_at;
		*received = r.received;
		*refunded = r.refunded;
	}
	return rc;
}

/* See remittance.h. */
int
db_rem_cancel_checked(struct db *db, int64_t order_id)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_T_CANCEL_DONE),
	    DBQ_I(order_id)));
}

/* See remittance.h. */
int
db_rem_refund_set_due(struct db *db, int64_t id, const char *day)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_R_SET_DUE), DBQ_S(day),
	    DBQ_I(id)), NULL);
}

/* See remittance.h. */
int
db_rem_refund_set_account(struct db *db, int64_t order_id, int64_t user_id,
    const char *name, const char *number, int64_t now)
{
	struct dbq	*q;
	int		 rc = -1;

	if ((q = get(db, STMT_R_SET_ACCOUNT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(name), DBQ_S(number), DBQ_I(now), DBQ_I(order_id),
	    DBQ_I(user_id));
	if (dbq_exec(q) == 0)
		rc = (int)dbq_affected(q);
	dbq_done(q);
	return rc;
}

/* See remittance.h. */
int
db_rem_refund_get_lock(struct db *db, int64_t id, struct db_rem_refund *r)
{
	memset(r, 0, sizeof(*r));
	return dbq_one(dbq_bind(get(db, STMT_R_GET_LOCK), DBQ_I(id)),
	    &refund_row, r);
}

/* See remittance.h. */
int
db_rem_refund_mark_sent(struct db *db, int64_t id, int64_t admin_id,
    int64_t now)
{
	struct dbq	*q;
	int		 rc = -1;

	if ((q = get(db, STMT_R_SENT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(now), DBQ_I(admin_id), DBQ_I(id));
	if (dbq_exec(q) == 0)
		rc = dbq_affected(q) == 1 ? 1 : 0;
	dbq_done(q);
	return rc;
}
