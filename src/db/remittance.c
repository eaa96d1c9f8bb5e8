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

#define V_COLS \
	"v.id, v.order_id, v.user_id, COALESCE(v.file_id, 0), " \
	"COALESCE(v.dup_of_file, 0), v.source, v.amount_minor, v.currency, " \
	"v.remitted_on, v.tracking, COALESCE(v.expected_from, ''), " \
	"COALESCE(v.expected_by, ''), v.status, COALESCE(v.reason, ''), " \
	"v.note, COALESCE(v.received_minor, -1), COALESCE(v.decided_by, 0), " \
	"COALESCE(a.email, ''), COALESCE(v.decided_at, 0), v.created_at "
#define V_FROM \
	"FROM remittance_vouchers v LEFT JOIN users a ON a.id = v.decided_by "
/* Columns of V_COLS, in its SELECT order; STMT_QUEUE's follow from
 * V_C__N (enum queue_col). */
enum voucher_col {
	V_C_ID, V_C_ORDER_ID, V_C_USER_ID, V_C_FILE_ID, V_C_DUP_OF_FILE,
	V_C_SOURCE, V_C_AMOUNT, V_C_CURRENCY, V_C_REMITTED_ON, V_C_TRACKING,
	V_C_EXPECTED_FROM, V_C_EXPECTED_BY, V_C_STATUS, V_C_REASON, V_C_NOTE,
	V_C_RECEIVED, V_C_DECIDED_BY, V_C_DECIDED_BY_EMAIL, V_C_DECIDED_AT,
	V_C_CREATED_AT, V_C__N
};
/* Columns of STMT_QUEUE after its V_COLS. */
enum queue_col {
	Q_C_USER_EMAIL = V_C__N, Q_C_ORDER_AMOUNT, Q_C_ORDER_STATUS,
	Q_C_COUNTRY, Q_C_HAS_THUMB
};

/* A refund row (remittance_refunds r, users s = who sent it). */
#define R_COLS	REFUND_COLS(DBQ_SQL) " "
/* Columns of STMT_PAYEE, in its SELECT order. */
enum payee_col {
	PAYEE_C_ACCOUNT_NAME, PAYEE_C_ACCOUNT_NUMBER, PAYEE_C_ADDRESS,
	PAYEE_C_POSTAL_CODE, PAYEE_C_COUNTRY, PAYEE_C__N
};
/* Columns of STMT_T_CANCEL, in its SELECT order. */
enum cancel_col {
	CAN_C_ORDER_ID, CAN_C_CURRENCY, CAN_C_UPDATED_AT, CAN_C_RECEIVED,
	CAN_C_REFUNDED, CAN_C__N
};
/* Columns of STMT_L_UNMATCHED, in its SELECT order. */
enum line_col {
	L_C_STATEMENT_ID, L_C_LINE_NO, L_C_RAW, L_C_ORDER_ID, L_C_OUTCOME,
	L_C_NOTE, L_C_IMPORTED_AT, L_C__N
};

/* A page of the vouchers queue on the key side cmp of (created_at, id),
 * in order dir ("" or " DESC"): the created_at bound first, which the
 * index reads as a range; whether the voucher's file has a thumbnail
 * (file_renders page 0) last. Parameters: currency x2, dup only, the key's
 * time x2 and id, the limit. */
#define QUEUE_PAGE(cmp, dir) \
	"SELECT STRAIGHT_JOIN " V_COLS ", u.email, o.amount_due_minor, " \
	"o.status, o.country, EXISTS (SELECT 1 FROM file_renders fr " \
	"WHERE fr.file_id = v.file_id AND fr.page = 0) " V_FROM \
	"JOIN orders o ON o.id = v.order_id " \
	"JOIN users u ON u.id = v.user_id " \
	"WHERE v.status = 'pending' AND o.status = 'awaiting_verification' " \
	"AND (? = '' OR v.currency = ?) " \
	"AND (? = 0 OR v.dup_of_file IS NOT NULL) " \
	"AND v.created_at " cmp "= ? AND (v.created_at " cmp " ? " \
	"OR v.id " cmp " ?) ORDER BY v.created_at" dir ", v.id" dir " LIMIT ?",

static const char *const stmts[STMT__MAX] = {
	/* STMT_PAYEE: enum payee_col */
	"SELECT account_name, account_number, address, postal_code, country "
	"FROM remittance_payee WHERE id = 1",
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
	"SELECT " V_COLS V_FROM "WHERE v.id = ?",
	/* STMT_V_GET_LOCK: the voucher row only (no join) is locked. */
	"SELECT " V_COLS V_FROM "WHERE v.id = ? FOR UPDATE",
	/* STMT_V_LIST */
	"SELECT " V_COLS V_FROM "WHERE v.order_id = ? "
	"ORDER BY v.created_at DESC, v.id DESC",
	/* STMT_V_PENDING */
	"SELECT " V_COLS V_FROM "WHERE v.order_id = ? AND v.status = "
	"'pending' ORDER BY v.id DESC LIMIT 1",
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
	/* STMT_QUEUE: enum voucher_col, then enum queue_col; oldest first
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
	/* STMT_R_LIST: enum refund_col */
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
	/* STMT_L_UNMATCHED: enum line_col */
	"SELECT l.statement_id, l.line_no, l.raw, COALESCE(l.order_id, 0), "
	"l.outcome, l.note, s.imported_at FROM remittance_statement_lines l "
	"JOIN remittance_statements s ON s.id = l.statement_id "
	"WHERE l.outcome <> 'matched' ORDER BY l.id DESC LIMIT ?",
	/* STMT_T_EXPIRED (REM-P6) */
	"SELECT id, status FROM orders WHERE method = 'remittance' AND status "
	"IN ('awaiting_remittance', 'awaiting_verification', 'partially_paid') "
	"AND payment_due IS NOT NULL AND payment_due < ? ORDER BY id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_T_EXCESS (REM-P7) */
	"SELECT r.id, o.completed_at FROM remittance_refunds r "
	"JOIN orders o ON o.id = r.order_id WHERE r.kind = 'excess' AND "
	"r.due IS NULL AND o.completed_at IS NOT NULL ORDER BY r.id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_T_CANCEL (REM-P8; migration 026; enum cancel_col): one
	 * cancelled remittance order not looked at yet, by its mark's index;
	 * what it received and whether its cancellation refund exists. */
	"SELECT o.id, o.currency, o.updated_at, (SELECT COALESCE(SUM("
	"v.received_minor), 0) FROM remittance_vouchers v WHERE v.order_id = "
	"o.id AND v.status = 'accepted') AS got, EXISTS (SELECT 1 FROM "
	"remittance_refunds r WHERE r.order_id = o.id AND r.kind = 'cancel') "
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
	/* STMT_R_GET_LOCK: enum refund_col */
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

/* Read the V_COLS (enum voucher_col) of the current row (from column
 * base) into *v. */
static void
read_voucher(struct dbq *q, int b, struct db_rem_voucher *v)
{
	memset(v, 0, sizeof(*v));
	v->id = dbq_col_int(q, b + V_C_ID);
	v->order_id = dbq_col_int(q, b + V_C_ORDER_ID);
	v->user_id = dbq_col_int(q, b + V_C_USER_ID);
	v->file_id = dbq_col_int(q, b + V_C_FILE_ID);
	v->dup_of_file = dbq_col_int(q, b + V_C_DUP_OF_FILE);
	dbq_col_copy(q, b + V_C_SOURCE, v->source, sizeof(v->source));
	v->amount_minor = dbq_col_int(q, b + V_C_AMOUNT);
	dbq_col_copy(q, b + V_C_CURRENCY, v->currency, sizeof(v->currency));
	dbq_col_copy(q, b + V_C_REMITTED_ON, v->remitted_on,
	    sizeof(v->remitted_on));
	dbq_col_copy(q, b + V_C_TRACKING, v->tracking, sizeof(v->tracking));
	dbq_col_copy(q, b + V_C_EXPECTED_FROM, v->expected_from,
	    sizeof(v->expected_from));
	dbq_col_copy(q, b + V_C_EXPECTED_BY, v->expected_by,
	    sizeof(v->expected_by));
	voucher_status_parse(dbq_col_str(q, b + V_C_STATUS, NULL), &v->status);
	dbq_col_copy(q, b + V_C_REASON, v->reason, sizeof(v->reason));
	dbq_col_copy(q, b + V_C_NOTE, v->note, sizeof(v->note));
	v->received_minor = dbq_col_int(q, b + V_C_RECEIVED);
	v->decided_by = dbq_col_int(q, b + V_C_DECIDED_BY);
	dbq_col_copy(q, b + V_C_DECIDED_BY_EMAIL, v->decided_by_email,
	    sizeof(v->decided_by_email));
	v->decided_at = dbq_col_int(q, b + V_C_DECIDED_AT);
	v->created_at = dbq_col_int(q, b + V_C_CREATED_AT);
}

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_VOUCHER, idx, stmts[idx]);
}

/* See remittance.h. */
int
db_rem_payee_get(struct db *db, struct db_rem_payee *out)
{
	struct dbq	*q;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, STMT_PAYEE)) == NULL)
		return -1;
	if ((rc = dbq_exec_fetch(q)) == 1) {
		dbq_col_copy(q, PAYEE_C_ACCOUNT_NAME, out->account_name,
		    sizeof(out->account_name));
		dbq_col_copy(q, PAYEE_C_ACCOUNT_NUMBER, out->account_number,
		    sizeof(out->account_number));
		dbq_col_copy(q, PAYEE_C_ADDRESS, out->address,
		    sizeof(out->address));
		dbq_col_copy(q, PAYEE_C_POSTAL_CODE, out->postal_code,
		    sizeof(out->postal_code));
		dbq_col_copy(q, PAYEE_C_COUNTRY, out->country,
		    sizeof(out->country));
	}
	dbq_done(q);
	return rc;
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
	struct dbq	*q;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, lock ? STMT_V_GET_LOCK : STMT_V_GET)) == NULL)
		return -1;
	dbq_int(q, id);
	if ((rc = dbq_exec_fetch(q)) == 1)
		read_voucher(q, 0, out);
	dbq_done(q);
	return rc;
}

/* dbq_list fill for db_rem_voucher_list(): the current row into *arg, a
 * struct db_rem_voucher. */
static void
fill_rem_voucher_list(struct dbq *q, void *arg)
{
	read_voucher(q, 0, arg);
}

/* See remittance.h. */
int
db_rem_voucher_list(struct db *db, int64_t order_id,
    struct db_rem_voucher **out, size_t *n)
{
	return dbq_list_id(get(db, STMT_V_LIST), order_id, sizeof(**out),
	    fill_rem_voucher_list, (void **)out, n);
}

/* See remittance.h. */
int
db_rem_voucher_pending(struct db *db, int64_t order_id,
    struct db_rem_voucher *out)
{
	struct dbq	*q;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, STMT_V_PENDING)) == NULL)
		return -1;
	dbq_int(q, order_id);
	if ((rc = dbq_exec_fetch(q)) == 1)
		read_voucher(q, 0, out);
	dbq_done(q);
	return rc;
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

/* dbq_list fill for db_rem_queue(): the current row into *arg, a
 * struct db_rem_queue_row. */
static void
fill_rem_queue(struct dbq *q, void *arg)
{
	struct db_rem_queue_row	*r = arg;

	read_voucher(q, 0, &r->v);
	dbq_col_copy(q, Q_C_USER_EMAIL, r->user_email, sizeof(r->user_email));
	r->order_amount_minor = dbq_col_int(q, Q_C_ORDER_AMOUNT);
	dbq_col_copy(q, Q_C_ORDER_STATUS, r->order_status,
	    sizeof(r->order_status));
	dbq_col_copy(q, Q_C_COUNTRY, r->country, sizeof(r->country));
	r->has_thumb = dbq_col_int(q, Q_C_HAS_THUMB) != 0;
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
	return dbq_list(q, sizeof(**out), fill_rem_queue, (void **)out, n);
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

/* dbq_list fill for db_rem_unmatched_lines(): the current row into *arg, a
 * struct db_rem_line. */
static void
fill_rem_unmatched_lines(struct dbq *q, void *arg)
{
	struct db_rem_line	*r = arg;

	r->statement_id = dbq_col_int(q, L_C_STATEMENT_ID);
	r->line_no = (int)dbq_col_int(q, L_C_LINE_NO);
	dbq_col_copy(q, L_C_RAW, r->raw, sizeof(r->raw));
	r->order_id = dbq_col_int(q, L_C_ORDER_ID);
	dbq_col_copy(q, L_C_OUTCOME, r->outcome, sizeof(r->outcome));
	dbq_col_copy(q, L_C_NOTE, r->note, sizeof(r->note));
	r->imported_at = dbq_col_int(q, L_C_IMPORTED_AT);
}

/* See remittance.h. */
int
db_rem_unmatched_lines(struct db *db, size_t limit, struct db_rem_line **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_L_UNMATCHED), (int64_t)limit,
	    sizeof(**out), fill_rem_unmatched_lines, (void **)out, n);
}

/* See remittance.h. */
int
db_rem_take_expired(struct db *db, const char *today, int64_t *order_id,
    enum order_status *status)
{
	struct dbq	*q;
	int		 rc;

	if ((q = get(db, STMT_T_EXPIRED)) == NULL)
		return -1;
	dbq_cstr(q, today);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		*order_id = dbq_col_int(q, 0);
		if (dbq_col_order_status(q, 1, status) == -1)
			rc = -1;
	}
	dbq_done(q);
	return rc;
}

/* See remittance.h. */
int
db_rem_take_undated_excess(struct db *db, int64_t *refund_id,
    int64_t *completed_at)
{
	struct dbq	*q;
	int		 rc;

	if ((q = get(db, STMT_T_EXCESS)) == NULL)
		return -1;
	if ((rc = dbq_exec_fetch(q)) == 1) {
		*refund_id = dbq_col_int(q, 0);
		*completed_at = dbq_col_int(q, 1);
	}
	dbq_done(q);
	return rc;
}

/* See remittance.h. */
int
db_rem_take_cancel_check(struct db *db, int64_t *order_id,
    int64_t *received, char *currency, int64_t *updated_at, int *refunded)
{
	struct dbq	*q;
	int		 rc;

	if ((q = get(db, STMT_T_CANCEL)) == NULL)
		return -1;
	if ((rc = dbq_exec_fetch(q)) == 1) {
		*order_id = dbq_col_int(q, CAN_C_ORDER_ID);
		dbq_col_copy(q, CAN_C_CURRENCY, currency, 4);
		*updated_at = dbq_col_int(q, CAN_C_UPDATED_AT);
		*received = dbq_col_int(q, CAN_C_RECEIVED);
		*refunded = dbq_col_int(q, CAN_C_REFUNDED) != 0;
	}
	dbq_done(q);
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
