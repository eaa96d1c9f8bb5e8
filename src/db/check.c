/*
 * Statements of `mallpayctl check` (see check.h). All read-only.
 */
#include <stdio.h>
#include <string.h>

#include "db/check.h"
#include "db/db.h"
#include "db/stmt.h"

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
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_CHECK_STATUS: the last event by (at, id) decides. */
	"SELECT o.id, o.status, (SELECT e.to_state FROM events e "
	"WHERE e.subject_type = 'order' AND e.subject_id = o.id "
	"AND e.to_state IS NOT NULL "
	"ORDER BY e.at DESC, e.id DESC LIMIT 1) AS last_state "
	"FROM orders o HAVING last_state IS NULL OR last_state <> o.status "
	"ORDER BY o.id",
	/* STMT_CHECK_AMOUNTS */
	"SELECT o.id, o.items_total_minor, o.coupon_minor, o.points_minor, "
	"o.amount_due_minor, COALESCE((SELECT SUM(i.qty * i.unit_price_minor) "
	"FROM order_items i WHERE i.order_id = o.id), 0) AS items_sum "
	"FROM orders o HAVING items_sum <> o.items_total_minor OR "
	"o.amount_due_minor <> GREATEST(o.items_total_minor - o.coupon_minor "
	"- o.points_minor, 0) ORDER BY o.id",
	/* STMT_CHECK_PLANS: plan_build() splits principal P plus the fee
	 * into the installments (INST-M2), so both sums must match. Plans
	 * without installments yet (in review, declined) are left out. */
	"SELECT p.id, p.principal_minor, p.total_fee_minor, "
	"SUM(i.principal_minor + i.fee_minor) AS inst_sum "
	"FROM plans p JOIN plan_installments i ON i.plan_id = p.id "
	"GROUP BY p.id, p.principal_minor, p.total_fee_minor "
	"HAVING SUM(i.principal_minor) <> p.principal_minor OR "
	"SUM(i.fee_minor) <> p.total_fee_minor ORDER BY p.id",
	/* STMT_CHECK_LEDGER_BALANCED */
	"SELECT entry_key, currency, SUM(amount_minor), COUNT(*) "
	"FROM ledger_lines GROUP BY entry_key, currency "
	"HAVING SUM(amount_minor) <> 0 OR COUNT(*) < 2 ORDER BY entry_key",
	/* STMT_CHECK_LEDGER_REFS */
	"SELECT l.entry_key, l.line_no, COALESCE(l.order_id, 0), "
	"COALESCE(l.plan_id, 0) FROM ledger_lines l "
	"LEFT JOIN orders o ON o.id = l.order_id "
	"LEFT JOIN plans p ON p.id = l.plan_id "
	"WHERE (l.order_id IS NOT NULL AND o.id IS NULL) "
	"OR (l.plan_id IS NOT NULL AND p.id IS NULL) ORDER BY l.id",
	/* STMT_CHECK_CORP_LEDGER: each corporate plan whose down payment was
	 * recorded: its down payment and transfers (amount, excess) against
	 * the ledger's platform:cash and company credit lines. */
	"SELECT a.id, a.plan_id, a.down_payment_minor AS down, "
	"COALESCE((SELECT SUM(l.amount_minor) FROM ledger_lines l WHERE "
	"l.plan_id = a.plan_id AND l.kind = 'down_payment' AND "
	"l.account = 'platform:cash'), 0) AS ldown, "
	"COALESCE((SELECT SUM(t.amount_minor) FROM corp_transfers t WHERE "
	"t.plan_id = a.plan_id), 0) AS xfer, "
	"COALESCE((SELECT SUM(l.amount_minor) FROM ledger_lines l WHERE "
	"l.plan_id = a.plan_id AND l.kind = 'transfer' AND "
	"l.account = 'platform:cash'), 0) AS lxfer, "
	"COALESCE((SELECT SUM(t.excess_minor) FROM corp_transfers t WHERE "
	"t.plan_id = a.plan_id), 0) AS excess, "
	"COALESCE((SELECT -SUM(l.amount_minor) FROM ledger_lines l WHERE "
	"l.plan_id = a.plan_id AND l.kind = 'transfer' AND "
	"l.account LIKE 'company:%:credit'), 0) AS lexcess "
	"FROM corp_applications a WHERE a.plan_id IS NOT NULL AND "
	"a.effective_at IS NOT NULL "
	"HAVING down <> ldown OR xfer <> lxfer OR excess <> lexcess "
	"ORDER BY a.id",
	/* STMT_CHECK_FILES */
	"SELECT id, stored_name FROM files ORDER BY id",
	/* STMT_CHECK_FILE_ROW */
	"SELECT COUNT(*) FROM files WHERE stored_name = ?",
	/* STMT_CHECK_FINGERPRINT */
	"SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM companies), "
	"(SELECT COUNT(*) FROM orders), (SELECT COALESCE(SUM(updated_at), 0) "
	"FROM orders), (SELECT COUNT(*) FROM order_items), "
	"(SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM cart_items), "
	"(SELECT COALESCE(SUM(qty), 0) FROM cart_items), "
	"(SELECT COUNT(*) FROM messages), (SELECT COUNT(*) FROM jobs)",
	/* STMT_CHECK_PLAN_PAID_LEDGER: what each plan was paid (payments
	 * that succeeded, refunds and admin transfers apart) against the
	 * ledger's credits to its receivable by down payments, installments
	 * and payoffs. Corporate plans (their down payment and transfers
	 * are STMT_CHECK_CORP_LEDGER's) are left out. */
	"SELECT p.id, COALESCE(pp.paid, 0), COALESCE(lg.credited, 0) "
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
	"SELECT o.id, o.method, o.currency, CASE o.method "
	"WHEN 'cod' THEN COALESCE((SELECT c.paid_amount_minor FROM cod_orders "
	"c WHERE c.order_id = o.id), 0) "
	"WHEN 'remittance' THEN COALESCE((SELECT SUM(v.received_minor) FROM "
	"remittance_vouchers v WHERE v.order_id = o.id AND "
	"v.status = 'accepted'), 0) "
	"ELSE COALESCE((SELECT p.paid_minor FROM pau_charges p WHERE "
	"p.order_id = o.id AND p.status = 'paid'), 0) END AS st, "
	"COALESCE((SELECT SUM(l.amount_minor) FROM ledger_lines l WHERE "
	"l.order_id = o.id AND l.amount_minor > 0 AND l.kind = CASE o.method "
	"WHEN 'cod' THEN 'cod_collection' WHEN 'remittance' THEN "
	"'remittance_receipt' ELSE 'pau_charge' END), 0) AS led "
	"FROM orders o WHERE o.method IN ('cod', 'remittance', "
	"'pay_after_use') HAVING st <> led ORDER BY o.id",
	/* STMT_CHECK_REFUNDS: refunds due (remittance refunds not sent;
	 * returned COD and charged Pay After Use orders not refunded) against
	 * refunds:payable on those methods' orders, per currency */
	"SELECT 'refunds due (refunds:payable)', cur, SUM(st), SUM(led) FROM ("
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
	"SELECT 'Pay After Use guarantee (platform:guarantee)', cur, SUM(st), "
	"SUM(led) FROM ("
	"SELECT currency AS cur, CASE kind WHEN 'recovery' THEN amount_minor "
	"ELSE -amount_minor END AS st, 0 AS led FROM pau_guarantee "
	"UNION ALL SELECT currency, 0, amount_minor FROM ledger_lines "
	"WHERE account = 'platform:guarantee'"
	") t GROUP BY cur HAVING SUM(st) <> SUM(led) ORDER BY cur",
	/* STMT_CHECK_LEDGER_DAYS: every key of the daily totals (041)
	 * whose sum or line count differs from its lines' (day -1: from
	 * the sum of every day's). */
	"SELECT day, cur, cls, kind, meth, plan, sg, SUM(l), SUM(d), SUM(ln), "
	"SUM(dn) FROM (SELECT FLOOR(l.created_at / 86400) AS day, "
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
	"SELECT st, meth, day, SUM(o), SUM(c) FROM (SELECT status AS st, "
	"method AS meth, order_due_day(status, review_due, payment_due, "
	"refund_due) AS day, 1 AS o, 0 AS c FROM orders UNION ALL SELECT status, method, due_day, 0, n FROM order_counts) t "
	"GROUP BY 1, 2, 3 HAVING SUM(o) <> SUM(c)",
};

/* Run statement idx (no parameters) and append one line per row, made by
 * fmt from the row (see the callers). Returns the row count or -1; -2 when
 * the statement does not prepare (schema differs). */
static int
run_lines(struct db *db, int idx, struct buf *out,
    void (*line)(struct dbq *, struct buf *), int soft)
{
	struct dbq *q;
	int n = 0, rc;

	if ((q = dbq_get(db, DB_T_CHECK, idx, stmts[idx])) == NULL)
		return soft ? -2 : -1;
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		line(q, out);
		n++;
	}
	dbq_done(q);
	return rc == -1 ? -1 : n;
}

/* One line for a row of STMT_CHECK_STATUS. */
static void
status_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "order %lld: status '%s' but last event says '%s'\n",
	    (long long)dbq_col_int(q, 0), dbq_col_str(q, 1, NULL),
	    dbq_col_null(q, 2) ? "(no event)" : dbq_col_str(q, 2, NULL));
}

/* See check.h. */
int
db_check_order_status(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_STATUS, out, status_line, 0);
}

/* One line for a row of STMT_CHECK_AMOUNTS. */
static void
amount_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "order %lld: items total %lld (items add up to %lld), "
	    "coupon %lld, points %lld, amount due %lld\n",
	    (long long)dbq_col_int(q, 0), (long long)dbq_col_int(q, 1),
	    (long long)dbq_col_int(q, 5), (long long)dbq_col_int(q, 2),
	    (long long)dbq_col_int(q, 3), (long long)dbq_col_int(q, 4));
}

/* See check.h. */
int
db_check_order_amounts(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_AMOUNTS, out, amount_line, 0);
}

/* One line for a row of STMT_CHECK_PLANS. */
static void
plan_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "plan %lld: installments add up to %lld, principal "
	    "%lld + fees %lld\n", (long long)dbq_col_int(q, 0),
	    (long long)dbq_col_int(q, 3), (long long)dbq_col_int(q, 1),
	    (long long)dbq_col_int(q, 2));
}

/* See check.h. */
int
db_check_plans(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_PLANS, out, plan_line, 1);
}

/* One line for a row of STMT_CHECK_LEDGER_BALANCED. */
static void
ledger_balance_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "ledger entry %s does not balance in %s: its %s "
	    "line(s) sum to %s minor units\n", dbq_col_str(q, 0, NULL),
	    dbq_col_str(q, 1, NULL), dbq_col_str(q, 3, NULL),
	    dbq_col_str(q, 2, NULL));
}

/* See check.h. */
int
db_check_ledger_balanced(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_LEDGER_BALANCED, out,
	    ledger_balance_line, 0);
}

/* One line for a row of STMT_CHECK_LEDGER_REFS. */
static void
ledger_ref_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "ledger entry %s line %s names order %lld / plan %lld, "
	    "which do not exist\n", dbq_col_str(q, 0, NULL),
	    dbq_col_str(q, 1, NULL), (long long)dbq_col_int(q, 2),
	    (long long)dbq_col_int(q, 3));
}

/* See check.h. */
int
db_check_ledger_refs(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_LEDGER_REFS, out, ledger_ref_line, 0);
}

/* One line for a row of STMT_CHECK_CORP_LEDGER. */
static void
corp_ledger_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "corporate application %lld (plan %lld): down payment "
	    "%lld, ledger %lld; transfers %lld, ledger %lld; company credit "
	    "%lld, ledger %lld\n", (long long)dbq_col_int(q, 0),
	    (long long)dbq_col_int(q, 1), (long long)dbq_col_int(q, 2),
	    (long long)dbq_col_int(q, 3), (long long)dbq_col_int(q, 4),
	    (long long)dbq_col_int(q, 5), (long long)dbq_col_int(q, 6),
	    (long long)dbq_col_int(q, 7));
}

/* See check.h. */
int
db_check_corp_ledger(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_CORP_LEDGER, out, corp_ledger_line,
	    0);
}

/* See check.h. */
int
db_check_files(struct db *db, void (*fn)(void *, int64_t, const char *),
    void *arg)
{
	struct dbq *q;
	int n = 0, rc;

	if ((q = dbq_get(db, DB_T_CHECK, STMT_CHECK_FILES,
	    stmts[STMT_CHECK_FILES])) == NULL)
		return -1;
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		fn(arg, dbq_col_int(q, 0), dbq_col_str(q, 1, NULL));
		n++;
	}
	dbq_done(q);
	return rc == -1 ? -1 : n;
}

/* See check.h. */
int
db_check_file_row(struct db *db, const char *stored_name)
{
	struct dbq *q;
	int rc = -1;

	if ((q = dbq_get(db, DB_T_CHECK, STMT_CHECK_FILE_ROW,
	    stmts[STMT_CHECK_FILE_ROW])) == NULL)
		return -1;
	dbq_cstr(q, stored_name);
	if (dbq_exec(q) == 0 && dbq_fetch(q) == 1)
		rc = dbq_col_int(q, 0) > 0;
	dbq_done(q);
	return rc;
}

/* See check.h. */
int
db_check_fingerprint(struct db *db, struct buf *out)
{
	struct dbq *q;
	int rc = -1, i;

	buf_reset(out);
	if ((q = dbq_get(db, DB_T_CHECK, STMT_CHECK_FINGERPRINT,
	    stmts[STMT_CHECK_FINGERPRINT])) == NULL)
		return -1;
	if (dbq_exec(q) == 0 && dbq_fetch(q) == 1) {
		for (i = 0; i < dbq_ncols(q); i++)
			buf_printf(out, "%s%lld", i ? " " : "",
			    (long long)dbq_col_int(q, i));
		rc = 0;
	}
	dbq_done(q);
	return rc;
}

/* One line for a row of STMT_CHECK_PLAN_PAID_LEDGER. */
static void
plan_paid_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "plan %lld: payments recorded %lld, ledger credits "
	    "to its receivable %lld\n", (long long)dbq_col_int(q, 0),
	    (long long)dbq_col_int(q, 1), (long long)dbq_col_int(q, 2));
}

/* One line for a row of STMT_CHECK_RECEIVED. */
static void
received_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "order %lld (%s): received %lld %s by its state, "
	    "%lld by the ledger\n", (long long)dbq_col_int(q, 0),
	    dbq_col_str(q, 1, NULL), (long long)dbq_col_int(q, 3),
	    dbq_col_str(q, 2, NULL), (long long)dbq_col_int(q, 4));
}

/* See check.h. */
int
db_check_plan_paid_ledger(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_PLAN_PAID_LEDGER, out,
	    plan_paid_line, 0);
}

/* See check.h. */
int
db_check_ledger_received(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_RECEIVED, out, received_line, 0);
}

/* One line for a row of STMT_CHECK_REFUNDS or STMT_CHECK_GUARANTEE: what,
 * currency, the state's figure, the ledger's. */
static void
balance_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "%s in %s: %lld by the state, %lld by the ledger\n",
	    dbq_col_str(q, 0, NULL), dbq_col_str(q, 1, NULL),
	    (long long)dbq_col_int(q, 2), (long long)dbq_col_int(q, 3));
}

/* See check.h. */
int
db_check_ledger_refunds(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_REFUNDS, out, balance_line, 0);
}

/* See check.h. */
int
db_check_ledger_guarantee(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_GUARANTEE, out, balance_line, 0);
}

/* One line for a row of STMT_CHECK_LEDGER_DAYS. */
static void
ledger_days_line(struct dbq *q, struct buf *out)
{
	int64_t day = dbq_col_int(q, 0);

	buf_printf(out, "ledger %s %s %s %s method '%s' plan %s sign %s: the "
	    "%s sum %s minor units in %s line(s), the %s %s in %s\n",
	    day < 0 ? "all days" : "day", day < 0 ? "" : dbq_col_str(q, 0,
	    NULL), dbq_col_str(q, 1, NULL), dbq_col_str(q, 2, NULL),
	    dbq_col_str(q, 4, NULL), dbq_col_str(q, 5, NULL),
	    dbq_col_str(q, 6, NULL), day < 0 ? "days'" : "lines'",
	    dbq_col_str(q, 7, NULL), dbq_col_str(q, 9, NULL),
	    "totals", dbq_col_str(q, 8, NULL), dbq_col_str(q, 10, NULL));
}

/* See check.h. */
int
db_check_ledger_days(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_LEDGER_DAYS, out, ledger_days_line, 1);
}

/* One line for a row of STMT_CHECK_ORDER_COUNTS. */
static void
order_counts_line(struct dbq *q, struct buf *out)
{
	buf_printf(out, "order counters of status %s method '%s' promised "
	    "day %s: %s order(s), counted %s\n", dbq_col_str(q, 0, NULL),
	    dbq_col_str(q, 1, NULL), dbq_col_str(q, 2, NULL),
	    dbq_col_str(q, 3, NULL), dbq_col_str(q, 4, NULL));
}

/* See check.h. */
int
db_check_order_counts(struct db *db, struct buf *out)
{
	return run_lines(db, STMT_CHECK_ORDER_COUNTS, out, order_counts_line,
	    1);
}
