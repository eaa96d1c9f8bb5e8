/*
 * Statements of `mallpayctl check` (see check.h). All read-only.
 */
#include <stdio.h>
#include <string.h>

#include "db/check.h"
#include "db/db.h"
#include "db/stmt.h"

/* Statement STMT_CHECK_STATUS's row: an order whose status is not the
 * state its last event moved it to ("" no event). */
struct status_row {
	int64_t	id;
	char	status[64];
	char	last_state[64];
};

/* STMT_CHECK_AMOUNTS's row: an order whose amounts do not add up, or
 * whose line summary (sql/044) does not count its lines. */
struct amount_row {
	int64_t	id, items_total, coupon, points, amount_due, items_sum;
	int64_t	summary_lines, lines;
};

/* STMT_CHECK_PLANS's row: a plan whose installments do not add up. */
struct plan_row {
	int64_t	id, principal, total_fee, inst_sum;
};

/* STMT_CHECK_LEDGER_BALANCED's row: an entry that does not balance. */
struct balance_row {
	char	entry_key[128];
	char	currency[8];
	char	sum[32];
	char	lines[32];
};

/* STMT_CHECK_LEDGER_REFS's row: a line naming a missing order or plan. */
struct ref_row {
	char	entry_key[128];
	char	line_no[24];
	int64_t	order_id, plan_id;
};

/* STMT_CHECK_CORP_LEDGER's row: a corporate plan's down payment,
 * transfers and company credit by its records and by the ledger. */
struct corp_row {
	int64_t	id, plan_id, down, ldown, xfer, lxfer, excess, lexcess;
};

/* STMT_CHECK_FILES's row: a stored file. */
struct file_row {
	int64_t	id;
	char	stored_name[48];
};

/* STMT_CHECK_FINGERPRINT's row: counts and sums that change when the
 * shop's data does, all int64_t (db_check_fingerprint prints them in
 * order). */
struct fingerprint {
	int64_t	users, companies, orders, orders_updated, order_items, events,
		cart_items, cart_qty, messages, jobs;
};

/* STMT_CHECK_PLAN_PAID_LEDGER's row: what a plan was paid by its
 * payments and by the ledger. */
struct plan_paid_row {
	int64_t	id, paid, credited;
};

/* STMT_CHECK_RECEIVED's row: what an order received by its state and by
 * the ledger. */
struct received_row {
	int64_t	id;
	char	method[33];
	char	currency[8];
	int64_t	state, ledger;
};

/* The row of STMT_CHECK_REFUNDS and STMT_CHECK_GUARANTEE: what, the
 * currency, the state's figure, the ledger's. */
struct sum_row {
	char	what[64];
	char	currency[8];
	int64_t	state, ledger;
};

/* STMT_CHECK_LEDGER_DAYS's row: a key of the daily totals (day -1: every
 * day's) whose sum or line count differs from its lines'. */
struct day_row {
	int64_t	day;
	char	currency[8];
	char	acct_class[128];
	char	kind[32];
	char	method[33];
	char	plan[8];
	char	sign[8];
	char	lines_sum[32];
	char	days_sum[32];
	char	lines_n[32];
	char	days_n[32];
};

/* The columns of struct status_row, each with its SQL. */
#define STATUS_COLS(C) \
	C(INT,	id,		"o.id") \
	C(TEXT,	status,		", o.status") \
	C(TEXT,	last_state,	", (SELECT e.to_state FROM events e WHERE e.subject_type = 'order' AND e.subject_id = o.id AND e.to_state IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last_state")
#define STATUS_FIELD(t, m, sql)	DBQ_FIELD(struct status_row, t, m)
DBQ_ROWS(status_row, struct status_row, STATUS_COLS, STATUS_FIELD);

/* The columns of struct amount_row, each with its SQL. */
#define AMOUNT_COLS(C) \
	C(INT,	id,		"o.id") \
	C(INT,	items_total,	", o.items_total_minor") \
	C(INT,	coupon,		", o.coupon_minor") \
	C(INT,	points,		", o.points_minor") \
	C(INT,	amount_due,	", o.amount_due_minor") \
	C(INT,	items_sum,	", COALESCE((SELECT SUM(i.qty * i.unit_price_minor) FROM order_items i WHERE i.order_id = o.id), 0) AS items_sum") \
	C(INT,	summary_lines,	", o.items_count") \
	C(INT,	lines,		", (SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id) AS lines_n")
#define AMOUNT_FIELD(t, m, sql)	DBQ_FIELD(struct amount_row, t, m)
DBQ_ROWS(amount_row, struct amount_row, AMOUNT_COLS, AMOUNT_FIELD);

/* The columns of struct plan_row, each with its SQL. */
#define PLAN_COLS(C) \
	C(INT,	id,		"p.id") \
	C(INT,	principal,	", p.principal_minor") \
	C(INT,	total_fee,	", p.total_fee_minor") \
	C(INT,	inst_sum,	", SUM(i.principal_minor + i.fee_minor) AS inst_sum")
#define PLAN_FIELD(t, m, sql)	DBQ_FIELD(struct plan_row, t, m)
DBQ_ROWS(plan_row, struct plan_row, PLAN_COLS, PLAN_FIELD);

/* The columns of struct balance_row, each with its SQL. */
#define BALANCE_COLS(C) \
	C(TEXT,	entry_key,	"entry_key") \
	C(TEXT,	currency,	", currency") \
	C(TEXT,	sum,		", SUM(amount_minor)") \
	C(TEXT,	lines,		", COUNT(*)")
#define BALANCE_FIELD(t, m, sql)	DBQ_FIELD(struct balance_row, t, m)
DBQ_ROWS(balance_row, struct balance_row, BALANCE_COLS, BALANCE_FIELD);

/* The columns of struct ref_row, each with its SQL. */
#define REF_COLS(C) \
	C(TEXT,	entry_key,	"l.entry_key") \
	C(TEXT,	line_no,	", l.line_no") \
	C(INT,	order_id,	", COALESCE(l.order_id, 0)") \
	C(INT,	plan_id,	", COALESCE(l.plan_id, 0)")
#define REF_FIELD(t, m, sql)	DBQ_FIELD(struct ref_row, t, m)
DBQ_ROWS(ref_row, struct ref_row, REF_COLS, REF_FIELD);

/* The columns of struct corp_row, each with its SQL. */
#define CORP_COLS(C) \
	C(INT,	id,		"a.id") \
	C(INT,	plan_id,	", a.plan_id") \
	C(INT,	down,		", a.down_payment_minor AS down") \
	C(INT,	ldown,		", COALESCE((SELECT SUM(l.amount_minor) FROM ledger_lines l WHERE l.plan_id = a.plan_id AND l.kind = 'down_payment' AND l.account = 'platform:cash'), 0) AS ldown") \
	C(INT,	xfer,		", COALESCE((SELECT SUM(t.amount_minor) FROM corp_transfers t WHERE t.plan_id = a.plan_id), 0) AS xfer") \
	C(INT,	lxfer,		", COALESCE((SELECT SUM(l.amount_minor) FROM ledger_lines l WHERE l.plan_id = a.plan_id AND l.kind = 'transfer' AND l.account = 'platform:cash'), 0) AS lxfer") \
	C(INT,	excess,		", COALESCE((SELECT SUM(t.excess_minor) FROM corp_transfers t WHERE t.plan_id = a.plan_id), 0) AS excess") \
	C(INT,	lexcess,	", COALESCE((SELECT -SUM(l.amount_minor) FROM ledger_lines l WHERE l.plan_id = a.plan_id AND l.kind = 'transfer' AND l.account LIKE 'company:%:credit'), 0) AS lexcess")
#define CORP_FIELD(t, m, sql)	DBQ_FIELD(struct corp_row, t, m)
DBQ_ROWS(corp_row, struct corp_row, CORP_COLS, CORP_FIELD);

/* The columns of struct file_row, each with its SQL. */
#define FILE_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	stored_name,	", stored_name")
#define FILE_FIELD(t, m, sql)	DBQ_FIELD(struct file_row, t, m)
DBQ_ROWS(file_row, struct file_row, FILE_COLS, FILE_FIELD);

/* The columns of struct fingerprint, each with its SQL. */
#define FINGERPRINT_COLS(C) \
	C(INT,	users,		"(SELECT COUNT(*) FROM users)") \
	C(INT,	companies,	", (SELECT COUNT(*) FROM companies)") \
	C(INT,	orders,		", (SELECT COUNT(*) FROM orders)") \
	C(INT,	orders_updated,	", (SELECT COALESCE(SUM(updated_at), 0) FROM orders)") \
	C(INT,	order_items,	", (SELECT COUNT(*) FROM order_items)") \
	C(INT,	events,		", (SELECT COUNT(*) FROM events)") \
	C(INT,	cart_items,	", (SELECT COUNT(*) FROM cart_items)") \
	C(INT,	cart_qty,	", (SELECT COALESCE(SUM(qty), 0) FROM cart_items)") \
	C(INT,	messages,	", (SELECT COUNT(*) FROM messages)") \
	C(INT,	jobs,		", (SELECT COUNT(*) FROM jobs)")
#define FINGERPRINT_FIELD(t, m, sql)	DBQ_FIELD(struct fingerprint, t, m)
DBQ_ROWS(fingerprint_row, struct fingerprint, FINGERPRINT_COLS,
    FINGERPRINT_FIELD);

/* The columns of struct plan_paid_row, each with its SQL. */
#define PLAN_PAID_COLS(C) \
	C(INT,	id,		"p.id") \
	C(INT,	paid,		", COALESCE(pp.paid, 0)") \
	C(INT,	credited,	", COALESCE(lg.credited, 0)")
#define PLAN_PAID_FIELD(t, m, sql)	DBQ_FIELD(struct plan_paid_row, t, m)
DBQ_ROWS(plan_paid_row, struct plan_paid_row, PLAN_PAID_COLS,
    PLAN_PAID_FIELD);

/* The columns of struct received_row, each with its SQL. */
#define RECEIVED_COLS(C) \
	C(INT,	id,		"o.id") \
	C(TEXT,	method,		", o.method") \
	C(TEXT,	currency,	", o.currency") \
	C(INT,	state,		", CASE o.method WHEN 'cod' THEN COALESCE((SELECT c.paid_amount_minor FROM cod_orders c WHERE c.order_id = o.id), 0) WHEN 'remittance' THEN COALESCE((SELECT SUM(v.received_minor) FROM remittance_vouchers v WHERE v.order_id = o.id AND v.status = 'accepted'), 0) ELSE COALESCE((SELECT p.paid_minor FROM pau_charges p WHERE p.order_id = o.id AND p.status = 'paid'), 0) END AS st") \
	C(INT,	ledger,		", COALESCE((SELECT SUM(l.amount_minor) FROM ledger_lines l WHERE l.order_id = o.id AND l.amount_minor > 0 AND l.kind = CASE o.method WHEN 'cod' THEN 'cod_collection' WHEN 'remittance' THEN 'remittance_receipt' ELSE 'pau_charge' END), 0) AS led")
#define RECEIVED_FIELD(t, m, sql)	DBQ_FIELD(struct received_row, t, m)
DBQ_ROWS(received_row, struct received_row, RECEIVED_COLS, RECEIVED_FIELD);

/* The columns of struct sum_row, each with its SQL. */
#define SUM_FIELD(t, m, sql)	DBQ_FIELD(struct sum_row, t, m)
#define REFUND_COLS(C) \
	C(TEXT,	what,		"'refunds due (refunds:payable)'") \
	C(TEXT,	currency,	", cur") \
	C(INT,	state,		", SUM(st)") \
	C(INT,	ledger,		", SUM(led)")
DBQ_ROWS(refund_row, struct sum_row, REFUND_COLS, SUM_FIELD);
#define GUARANTEE_COLS(C) \
	C(TEXT,	what,	"'Pay After Use guarantee (platform:guarantee)'") \
	C(TEXT,	currency,	", cur") \
	C(INT,	state,		", SUM(st)") \
	C(INT,	ledger,		", SUM(led)")
DBQ_ROWS(guarantee_row, struct sum_row, GUARANTEE_COLS, SUM_FIELD);

/* The columns of struct day_row, each with its SQL. */
#define DAY_COLS(C) \
	C(INT,	day,		"day") \
	C(TEXT,	currency,	", cur") \
	C(TEXT,	acct_class,	", cls") \
	C(TEXT,	kind,		", kind") \
	C(TEXT,	method,		", meth") \
	C(TEXT,	plan,		", plan") \
	C(TEXT,	sign,		", sg") \
	C(TEXT,	lines_sum,	", SUM(l)") \
	C(TEXT,	days_sum,	", SUM(d)") \
	C(TEXT,	lines_n,	", SUM(ln)") \
	C(TEXT,	days_n,		", SUM(dn)")
#define DAY_FIELD(t, m, sql)	DBQ_FIELD(struct day_row, t, m)
DBQ_ROWS(day_row, struct day_row, DAY_COLS, DAY_FIELD);

/* STMT_CHECK_ORDER_COUNTS's row: a key of the order counters (043) whose
 * count differs from the orders'. */
struct count_row {
	char	status[33];
	char	method[33];
	char	day[24];
	char	orders[24];
	char	counted[24];
};
#define COUNT_COLS(C) \
	C(TEXT,	status,		"st") \
	C(TEXT,	method,		", meth") \
	C(TEXT,	day,		", day") \
	C(TEXT,	orders,		", SUM(o)") \
	C(TEXT,	counted,	", SUM(c)")
#define COUNT_FIELD(t, m, sql)	DBQ_FIELD(struct count_row, t, m)
DBQ_ROWS(count_row, struct count_row, COUNT_COLS, COUNT_FIELD);

/* STMT_CHECK_DUE_DAYS's row: a currency and due date whose kept owed
 * amount or count (049) differs from its installments'. */
struct due_row {
	char	currency[4];
	char	day[16];
	char	owed[24];
	char	count[24];
	char	kept_owed[24];
	char	kept_count[24];
};
#define DUE_COLS(C) \
	C(TEXT,	currency,	"cur") \
	C(TEXT,	day,		", dd") \
	C(TEXT,	owed,		", SUM(o)") \
	C(TEXT,	count,		", SUM(c)") \
	C(TEXT,	kept_owed,	", SUM(ko)") \
	C(TEXT,	kept_count,	", SUM(kc)")
#define DUE_FIELD(t, m, sql)	DBQ_FIELD(struct due_row, t, m)
DBQ_ROWS(due_row, struct due_row, DUE_COLS, DUE_FIELD);

enum stmt {
	STMT_CHECK_STATUS,
	STMT_CHECK_AMOUNTS,
	STMT_CHECK_PLANS,
	STMT_CHECK_LEDGER_BALANCED,
	STMT_CHECK_LEDGER_REFS,
	STMT_CHECK_CORP_LEDGER,
	STMT_CHECK_FILES,
	STMT_CHECK_FILE_ROW,
	STMT_CHECK_FINGERPRINT,
	STMT_CHECK_PLAN_PAID_LEDGER,
	STMT_CHECK_RECEIVED,
	STMT_CHECK_REFUNDS,
	STMT_CHECK_GUARANTEE,
	STMT_CHECK_LEDGER_DAYS,
	STMT_CHECK_ORDER_COUNTS,
	STMT_CHECK_DUE_DAYS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_CHECK_STATUS: the last event by (at, id) decides. */
	"SELECT " STATUS_COLS(DBQ_SQL) " "
	"FROM orders o HAVING last_state IS NULL OR last_state <> o.status "
	"ORDER BY o.id",
	/* STMT_CHECK_AMOUNTS */
	"SELECT " AMOUNT_COLS(DBQ_SQL) " "
	"FROM orders o HAVING items_sum <> o.items_total_minor OR "
	"o.amount_due_minor <> GREATEST(o.items_total_minor - o.coupon_minor "
	"- o.points_minor, 0) OR lines_n <> o.items_count ORDER BY o.id",
	/* STMT_CHECK_PLANS: plan_build() splits principal P plus the fee
	 * into the installments (INST-M2), so both sums must match. Plans
	 * without installments yet (in review, declined) are left out. */
	"SELECT " PLAN_COLS(DBQ_SQL) " "
	"FROM plans p JOIN plan_installments i ON i.plan_id = p.id "
	"GROUP BY p.id, p.principal_minor, p.total_fee_minor "
	"HAVING SUM(i.principal_minor) <> p.principal_minor OR "
	"SUM(i.fee_minor) <> p.total_fee_minor ORDER BY p.id",
	/* STMT_CHECK_LEDGER_BALANCED */
	"SELECT " BALANCE_COLS(DBQ_SQL) " "
	"FROM ledger_lines GROUP BY entry_key, currency "
	"HAVING SUM(amount_minor) <> 0 OR COUNT(*) < 2 ORDER BY entry_key",
	/* STMT_CHECK_LEDGER_REFS */
	"SELECT " REF_COLS(DBQ_SQL) " FROM ledger_lines l "
	"LEFT JOIN orders o ON o.id = l.order_id "
	"LEFT JOIN plans p ON p.id = l.plan_id "
	"WHERE (l.order_id IS NOT NULL AND o.id IS NULL) "
	"OR (l.plan_id IS NOT NULL AND p.id IS NULL) ORDER BY l.id",
	/* STMT_CHECK_CORP_LEDGER: each corporate plan whose down payment was
	 * recorded: its down payment and transfers (amount, excess) against
	 * the ledger's platform:cash and company credit lines. */
	"SELECT " CORP_COLS(DBQ_SQL) " "
	"FROM corp_applications a WHERE a.plan_id IS NOT NULL AND "
	"a.effective_at IS NOT NULL "
	"HAVING down <> ldown OR xfer <> lxfer OR excess <> lexcess "
	"ORDER BY a.id",
	/* STMT_CHECK_FILES */
	"SELECT " FILE_COLS(DBQ_SQL) " FROM files ORDER BY id",
	/* STMT_CHECK_FILE_ROW */
	"SELECT COUNT(*) FROM files WHERE stored_name = ?",
	/* STMT_CHECK_FINGERPRINT */
	"SELECT " FINGERPRINT_COLS(DBQ_SQL),
	/* STMT_CHECK_PLAN_PAID_LEDGER: what each plan was paid (payments
	 * that succeeded, refunds and admin transfers apart) against the
	 * ledger's credits to its receivable by down payments, installments
	 * and payoffs. Corporate plans (their down payment and transfers
	 * are STMT_CHECK_CORP_LEDGER's) are left out. */
	"SELECT " PLAN_PAID_COLS(DBQ_SQL) " "
	"FROM plans p "
	"LEFT JOIN (SELECT plan_id, SUM(amount_minor) AS paid "
	"FROM plan_payments WHERE ok = 1 AND kind IN ('down_payment', "
	"'manual', 'auto', 'payoff') GROUP BY plan_id) pp ON pp.plan_id = p.id "
	"LEFT JOIN (SELECT plan_id, -SUM(amount_minor) AS credited "
	"FROM ledger_lines WHERE plan_id IS NOT NULL AND kind IN "
	"('down_payment', 'installment', 'payoff') AND account LIKE "
	"'%:receivable' GROUP BY plan_id) lg ON lg.plan_id = p.id "
	"WHERE p.method <> 'installment_corporate' AND "
	"COALESCE(pp.paid, 0) <> COALESCE(lg.credited, 0) ORDER BY p.id",
	/* STMT_CHECK_RECEIVED: what the state says an order received (COD
	 * collected, remittances credited, Pay After Use charged) against
	 * the debits of its receipt entries */
	"SELECT " RECEIVED_COLS(DBQ_SQL) " "
	"FROM orders o WHERE o.method IN ('cod', 'remittance', "
	"'pay_after_use') HAVING st <> led ORDER BY o.id",
	/* STMT_CHECK_REFUNDS: refunds due (remittance refunds not sent;
	 * returned COD and charged Pay After Use orders not refunded) against
	 * refunds:payable on those methods' orders, per currency */
	"SELECT " REFUND_COLS(DBQ_SQL) " FROM ("
	"SELECT currency AS cur, amount_minor AS st, 0 AS led "
	"FROM remittance_refunds WHERE sent_at IS NULL "
	"UNION ALL SELECT o.currency, o.amount_due_minor + o.deferred_minor, 0 "
	"FROM orders o WHERE o.status = 'returned' AND o.refund_due IS NOT NULL "
	"AND (o.method = 'cod' OR (o.method = 'pay_after_use' AND EXISTS "
	"(SELECT 1 FROM pau_charges p WHERE p.order_id = o.id AND "
	"p.status = 'paid'))) "
	"UNION ALL SELECT l.currency, 0, -l.amount_minor FROM ledger_lines l "
	"JOIN orders o ON o.id = l.order_id WHERE l.account = 'refunds:payable' "
	"AND o.method IN ('cod', 'remittance', 'pay_after_use')"
	") t GROUP BY cur HAVING SUM(st) <> SUM(led) ORDER BY cur",
	/* STMT_CHECK_GUARANTEE: recoveries minus payouts against the balance
	 * of platform:guarantee, per currency */
	"SELECT " GUARANTEE_COLS(DBQ_SQL) " FROM ("
	"SELECT currency AS cur, CASE kind WHEN 'recovery' THEN amount_minor "
	"ELSE -amount_minor END AS st, 0 AS led FROM pau_guarantee "
	"UNION ALL SELECT currency, 0, amount_minor FROM ledger_lines "
	"WHERE account = 'platform:guarantee'"
	") t GROUP BY cur HAVING SUM(st) <> SUM(led) ORDER BY cur",
	/* STMT_CHECK_LEDGER_DAYS: every key of the daily totals (041)
	 * whose sum or line count differs from its lines' (day -1: from
	 * the sum of every day's). */
	"SELECT " DAY_COLS(DBQ_SQL) " FROM (SELECT FLOOR(l.created_at / 86400) AS day, "
	"l.currency AS cur, IF(LENGTH(l.account) - "
	"LENGTH(REPLACE(l.account, ':', '')) >= 2, "
	"CONCAT(SUBSTRING_INDEX(l.account, ':', 1), ':', "
	"SUBSTRING_INDEX(l.account, ':', -1)), l.account) AS cls, l.kind, "
	"COALESCE(o.method, '') AS meth, l.plan_id IS NOT NULL AS plan, "
	"SIGN(l.amount_minor) AS sg, l.amount_minor AS l, 0 AS d, 1 AS ln, "
	"0 AS dn FROM ledger_lines l LEFT JOIN orders o ON o.id = l.order_id "
	"UNION ALL SELECT -1, currency, acct_class, kind, method, plan, sign, "
	"sum_minor, 0, line_count, 0 FROM ledger_days WHERE day >= 0 "
	"UNION ALL SELECT day, currency, acct_class, kind, method, plan, sign, "
	"0, sum_minor, 0, line_count FROM ledger_days) t "
	"GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING SUM(l) <> SUM(d) "
	"OR SUM(ln) <> SUM(dn)",
	/* STMT_CHECK_ORDER_COUNTS: every key of the order counters (043)
	 * whose count differs from the orders' */
	"SELECT " COUNT_COLS(DBQ_SQL) " FROM (SELECT status AS st, "
	"method AS meth, order_due_day(status, review_due, payment_due, "
	"refund_due) AS day, 1 AS o, 0 AS c FROM orders UNION ALL SELECT "
	"status, method, due_day, 0, n FROM order_counts) t "
	"GROUP BY 1, 2, 3 HAVING SUM(o) <> SUM(c)",
	/* STMT_CHECK_DUE_DAYS: every currency and due date whose kept owed
	 * amount or count (049) differs from its due installments' */
	"SELECT " DUE_COLS(DBQ_SQL) " FROM (SELECT p.currency AS cur, "
	"i.due_date AS dd, i.principal_minor + i.fee_minor + "
	"i.late_fee_minor - i.paid_minor AS o, 1 AS c, 0 AS ko, 0 AS kc "
	"FROM plan_installments i JOIN plans p ON p.id = i.plan_id "
	"WHERE i.status = 'due' AND p.status = 'active' UNION ALL SELECT "
	"currency, due_date, 0, 0, owed_minor, n FROM installments_due_days) t "
	"GROUP BY 1, 2 HAVING SUM(o) <> SUM(ko) OR SUM(c) <> SUM(kc)",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_CHECK)

/* Run statement idx (no parameters) and call each(row, arg) with each of
 * its rows read by r into row (r->sz bytes, zeroed first). Returns the row
 * count or -1; -2 when soft and the statement does not prepare (schema
 * differs). */
static int
run_rows(struct db *db, int idx, const struct dbq_rowdef *r, void *row,
    void (*each)(const void *, void *), void *arg, int soft)
{
	struct dbq *q;
	int n = 0, rc;

	if ((q = get(db, idx)) == NULL)
		return soft ? -2 : -1;
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		memset(row, 0, r->sz);
		(void)dbq_read(q, 0, r, row);
		each(row, arg);
		n++;
	}
	dbq_done(q);
	return rc == -1 ? -1 : n;
}

/* Append to out (a struct buf) the line of a row of STMT_CHECK_STATUS. */
static void
status_line(const void *row, void *out)
{
	const struct status_row *r = row;

	buf_printf(out, "order %lld: status '%s' but last event says '%s'\n",
	    (long long)r->id, r->status, r->last_state[0] == '\0' ?
	    "(no event)" : r->last_state);
}

/* See check.h. */
int
db_check_order_status(struct db *db, struct buf *out)
{
	struct status_row r;

	return run_rows(db, STMT_CHECK_STATUS, &status_row, &r, status_line,
	    out, 0);
}

/* Append to out the line of a row of STMT_CHECK_AMOUNTS. */
static void
amount_line(const void *row, void *out)
{
	const struct amount_row *r = row;

	buf_printf(out, "order %lld: items total %lld (items add up to %lld), "
	    "coupon %lld, points %lld, amount due %lld, %lld lines (its "
	    "summary counts %lld)\n",
	    (long long)r->id, (long long)r->items_total,
	    (long long)r->items_sum, (long long)r->coupon,
	    (long long)r->points, (long long)r->amount_due,
	    (long long)r->lines, (long long)r->summary_lines);
}

/* See check.h. */
int
db_check_order_amounts(struct db *db, struct buf *out)
{
	struct amount_row r;

	return run_rows(db, STMT_CHECK_AMOUNTS, &amount_row, &r, amount_line,
	    out, 0);
}

/* Append to out the line of a row of STMT_CHECK_PLANS. */
static void
plan_line(const void *row, void *out)
{
	const struct plan_row *r = row;

	buf_printf(out, "plan %lld: installments add up to %lld, principal "
	    "%lld + fees %lld\n", (long long)r->id, (long long)r->inst_sum,
	    (long long)r->principal, (long long)r->total_fee);
}

/* See check.h. */
int
db_check_plans(struct db *db, struct buf *out)
{
	struct plan_row r;

	return run_rows(db, STMT_CHECK_PLANS, &plan_row, &r, plan_line, out,
	    1);
}

/* Append to out the line of a row of STMT_CHECK_LEDGER_BALANCED. */
static void
ledger_balance_line(const void *row, void *out)
{
	const struct balance_row *r = row;

	buf_printf(out, "ledger entry %s does not balance in %s: its %s "
	    "line(s) sum to %s minor units\n", r->entry_key, r->currency,
	    r->lines, r->sum);
}

/* See check.h. */
int
db_check_ledger_balanced(struct db *db, struct buf *out)
{
	struct balance_row r;

	return run_rows(db, STMT_CHECK_LEDGER_BALANCED, &balance_row, &r,
	    ledger_balance_line, out, 0);
}

/* Append to out the line of a row of STMT_CHECK_LEDGER_REFS. */
static void
ledger_ref_line(const void *row, void *out)
{
	const struct ref_row *r = row;

	buf_printf(out, "ledger entry %s line %s names order %lld / plan %lld, "
	    "which do not exist\n", r->entry_key, r->line_no,
	    (long long)r->order_id, (long long)r->plan_id);
}

/* See check.h. */
int
db_check_ledger_refs(struct db *db, struct buf *out)
{
	struct ref_row r;

	return run_rows(db, STMT_CHECK_LEDGER_REFS, &ref_row, &r,
	    ledger_ref_line, out, 0);
}

/* Append to out the line of a row of STMT_CHECK_CORP_LEDGER. */
static void
corp_ledger_line(const void *row, void *out)
{
	const struct corp_row *r = row;

	buf_printf(out, "corporate application %lld (plan %lld): down payment "
	    "%lld, ledger %lld; transfers %lld, ledger %lld; company credit "
	    "%lld, ledger %lld\n", (long long)r->id, (long long)r->plan_id,
	    (long long)r->down, (long long)r->ldown, (long long)r->xfer,
	    (long long)r->lxfer, (long long)r->excess,
	    (long long)r->lexcess);
}

/* See check.h. */
int
db_check_corp_ledger(struct db *db, struct buf *out)
{
	struct corp_row r;

	return run_rows(db, STMT_CHECK_CORP_LEDGER, &corp_row, &r,
	    corp_ledger_line, out, 0);
}

/* The caller's function of db_check_files and its argument. */
struct file_walk {
	void	(*fn)(void *, int64_t, const char *);
	void	*arg;
};

/* Give a row of STMT_CHECK_FILES to the caller's function (w, a struct
 * file_walk). */
static void
file_each(const void *row, void *w)
{
	const struct file_row	*r = row;
	struct file_walk	*fw = w;

	fw->fn(fw->arg, r->id, r->stored_name);
}

/* See check.h. */
int
db_check_files(struct db *db, void (*fn)(void *, int64_t, const char *),
    void *arg)
{
	struct file_walk	w = { fn, arg };
	struct file_row		r;

	return run_rows(db, STMT_CHECK_FILES, &file_row, &r, file_each, &w,
	    0);
}

/* See check.h. */
int
db_check_file_row(struct db *db, const char *stored_name)
{
	int64_t n;

	n = dbq_count(dbq_bind(get(db, STMT_CHECK_FILE_ROW),
	    DBQ_S(stored_name)));
	return n < 0 ? -1 : n > 0;
}

/* See check.h. */
int
db_check_fingerprint(struct db *db, struct buf *out)
{
	struct fingerprint	f;
	int64_t			v;
	size_t			i;

	buf_reset(out);
	if (dbq_one(get(db, STMT_CHECK_FINGERPRINT), &fingerprint_row, &f) != 1)
		return -1;
	for (i = 0; i < fingerprint_row.n; i++) {
		memcpy(&v, (const char *)&f + fingerprint_row.f[i].off,
		    sizeof(v));
		buf_printf(out, "%s%lld", i ? " " : "", (long long)v);
	}
	return 0;
}

/* Append to out the line of a row of STMT_CHECK_PLAN_PAID_LEDGER. */
static void
plan_paid_line(const void *row, void *out)
{
	const struct plan_paid_row *r = row;

	buf_printf(out, "plan %lld: payments recorded %lld, ledger credits "
	    "to its receivable %lld\n", (long long)r->id, (long long)r->paid,
	    (long long)r->credited);
}

/* Append to out the line of a row of STMT_CHECK_RECEIVED. */
static void
received_line(const void *row, void *out)
{
	const struct received_row *r = row;

	buf_printf(out, "order %lld (%s): received %lld %s by its state, "
	    "%lld by the ledger\n", (long long)r->id, r->method,
	    (long long)r->state, r->currency, (long long)r->ledger);
}

/* See check.h. */
int
db_check_plan_paid_ledger(struct db *db, struct buf *out)
{
	struct plan_paid_row r;

	return run_rows(db, STMT_CHECK_PLAN_PAID_LEDGER, &plan_paid_row, &r,
	    plan_paid_line, out, 0);
}

/* See check.h. */
int
db_check_ledger_received(struct db *db, struct buf *out)
{
	struct received_row r;

	return run_rows(db, STMT_CHECK_RECEIVED, &received_row, &r,
	    received_line, out, 0);
}

/* Append to out the line of a row of STMT_CHECK_REFUNDS or
 * STMT_CHECK_GUARANTEE. */
static void
balance_line(const void *row, void *out)
{
	const struct sum_row *r = row;

	buf_printf(out, "%s in %s: %lld by the state, %lld by the ledger\n",
	    r->what, r->currency, (long long)r->state, (long long)r->ledger);
}

/* See check.h. */
int
db_check_ledger_refunds(struct db *db, struct buf *out)
{
	struct sum_row r;

	return run_rows(db, STMT_CHECK_REFUNDS, &refund_row, &r, balance_line,
	    out, 0);
}

/* See check.h. */
int
db_check_ledger_guarantee(struct db *db, struct buf *out)
{
	struct sum_row r;

	return run_rows(db, STMT_CHECK_GUARANTEE, &guarantee_row, &r,
	    balance_line, out, 0);
}

/* Append to out the line of a row of STMT_CHECK_LEDGER_DAYS. */
static void
ledger_days_line(const void *row, void *out)
{
	const struct day_row	*r = row;
	char			 day[24] = "";

	if (r->day >= 0)
		snprintf(day, sizeof(day), "%lld", (long long)r->day);
	buf_printf(out, "ledger %s %s %s %s method '%s' plan %s sign %s: the "
	    "%s sum %s minor units in %s line(s), the %s %s in %s\n",
	    r->day < 0 ? "all days" : "day", day, r->currency, r->acct_class,
	    r->method, r->plan, r->sign, r->day < 0 ? "days'" : "lines'",
	    r->lines_sum, r->lines_n, "totals", r->days_sum, r->days_n);
}

/* See check.h. */
int
db_check_ledger_days(struct db *db, struct buf *out)
{
	struct day_row r;

	return run_rows(db, STMT_CHECK_LEDGER_DAYS, &day_row, &r,
	    ledger_days_line, out, 1);
}

/* Append to out the line of a row of STMT_CHECK_ORDER_COUNTS. */
static void
order_counts_line(const void *row, void *out)
{
	const struct count_row *r = row;

	buf_printf(out, "order counters of status %s method '%s' promised "
	    "day %s: %s order(s), counted %s\n", r->status, r->method,
	    r->day, r->orders, r->counted);
}

/* See check.h. */
int
db_check_order_counts(struct db *db, struct buf *out)
{
	struct count_row r;

	return run_rows(db, STMT_CHECK_ORDER_COUNTS, &count_row, &r,
	    order_counts_line, out, 1);
}

/* Append to out the line of a row of STMT_CHECK_DUE_DAYS. */
static void
due_days_line(const void *row, void *out)
{
	const struct due_row *r = row;

	buf_printf(out, "installments due %s %s: %s owed by %s installment(s), "
	    "kept %s by %s\n", r->currency, r->day, r->owed, r->count,
	    r->kept_owed, r->kept_count);
}

/* See check.h. */
int
db_check_due_days(struct db *db, struct buf *out)
{
	struct due_row r;

	return run_rows(db, STMT_CHECK_DUE_DAYS, &due_row, &r,
	    due_days_line, out, 1);
}
