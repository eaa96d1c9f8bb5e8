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
	STMT_CHECK_FILES,
	STMT_CHECK_FILE_ROW,
	STMT_CHECK_FINGERPRINT,
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
