/*
 * Statements of mallpayctl bench-data (see benchdata.h). The multi-row
 * INSERTs are built once per process from a head and a tuple repeated
 * BENCH_BATCH times; their text never changes afterwards, as dbq_get()
 * requires.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/benchdata.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/identity.h"
#include "db/stmt.h"

/* A product (struct seed_product) read by DB_SEED_PRODUCT_COLS. */
#define PRODUCT_FIELD(t, m, sql)	DBQ_FIELD(struct seed_product, t, m)
DBQ_ROWS(product_row, struct seed_product, DB_SEED_PRODUCT_COLS,
    PRODUCT_FIELD);

enum stmt {
	STMT_BENCH_MAX_USER,
	STMT_BENCH_MAX_ORDER,
	STMT_BENCH_MAX_PLAN,
	STMT_BENCH_MAX_VOUCHER,
	STMT_BENCH_ADMIN,
	STMT_BENCH_ACTIVE_PLANS,
	STMT_BENCH_COUNT_ORDERS,
	STMT_BENCH_EXTRA_TABLES,
	STMT_BENCH_USER_IDS,
	STMT_BENCH_USER_ID,
	STMT_BENCH_PRODUCTS,
	STMT_BENCH_CART_ENSURE,
	STMT_BENCH_CART_CLEAR,
	STMT_BENCH_CART_ITEM,
	STMT_BENCH_VOUCHER_LEDGER,
	STMT_BENCH_NEXT_WORK,
	/* Multi-row inserts: BENCH_BATCH rows, then the same for one row. */
	STMT_BENCH_USERS_N,
	STMT_BENCH_USERS_1,
	STMT_BENCH_ORDERS_N,
	STMT_BENCH_ORDERS_1,
	STMT_BENCH_ITEMS_N,
	STMT_BENCH_ITEMS_1,
	STMT_BENCH_EVENTS_N,
	STMT_BENCH_EVENTS_1,
	STMT_BENCH_PLANS_N,
	STMT_BENCH_PLANS_1,
	STMT_BENCH_INSTS_N,
	STMT_BENCH_INSTS_1,
	STMT_BENCH_PAYS_N,
	STMT_BENCH_PAYS_1,
	STMT_BENCH_VOUCHERS_N,
	STMT_BENCH_VOUCHERS_1,
	STMT__MAX
};

/* The accepted vouchers of an id range, with their orders. */
#define BENCH_VL_FROM "FROM remittance_vouchers v JOIN orders o ON " \
	"o.id = v.order_id WHERE v.id BETWEEN ? AND ? AND " \
	"v.status = 'accepted' AND v.received_minor > 0 "

static const char *stmts[STMT__MAX] = {
	/* STMT_BENCH_MAX_USER */
	"SELECT COALESCE(MAX(id), 0) FROM users",
	/* STMT_BENCH_MAX_ORDER */
	"SELECT COALESCE(MAX(id), 0) FROM orders",
	/* STMT_BENCH_MAX_PLAN */
	"SELECT COALESCE(MAX(id), 0) FROM plans",
	/* STMT_BENCH_MAX_VOUCHER */
	"SELECT COALESCE(MAX(id), 0) FROM remittance_vouchers",
	/* STMT_BENCH_ADMIN */
	"SELECT id FROM users WHERE kind = 'admin' ORDER BY id LIMIT 1",
	/* STMT_BENCH_ACTIVE_PLANS */
	"SELECT order_id FROM plans WHERE user_id = ? AND status = 'active' "
	"AND n = ? ORDER BY id DESC LIMIT 1",
	/* STMT_BENCH_COUNT_ORDERS */
	"SELECT COUNT(*) FROM orders WHERE idempotency_key LIKE 'bench-%'",
	/* STMT_BENCH_EXTRA_TABLES */
	"SELECT COUNT(*) FROM information_schema.tables "
	"WHERE table_schema = DATABASE() AND table_name IN ('plans', "
	"'plan_installments', 'plan_payments', 'remittance_vouchers', 'files')",
	/* STMT_BENCH_USER_IDS */
	"SELECT id FROM users WHERE email LIKE 'bench-%@bench.test' "
	"ORDER BY id",
	/* STMT_BENCH_USER_ID */
	"SELECT id FROM users WHERE email = ?",
	/* STMT_BENCH_PRODUCTS */
	"SELECT " DB_SEED_PRODUCT_COLS(DBQ_SQL)
	" FROM products p JOIN categories c ON c.id = p.category_id "
	"WHERE p.currency = 'USD' ORDER BY p.id",
	/* STMT_BENCH_CART_ENSURE */
	"INSERT INTO carts (user_id, updated_at) VALUES (?, ?) "
	"ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), "
	"updated_at = VALUES(updated_at)",
	/* STMT_BENCH_CART_CLEAR */
	"DELETE FROM cart_items WHERE cart_id = ?",
	/* STMT_BENCH_CART_ITEM */
	"INSERT INTO cart_items (cart_id, product_id, qty) VALUES (?, ?, 1)",
	/* STMT_BENCH_VOUCHER_LEDGER: the entries postings.c writes for an
	 * accepted voucher (rem-<voucher>) and, when it pays the order, the
	 * sale (sale-<order>); parameters: 4 x (first id, last id) */
	"INSERT INTO ledger_lines (entry_key, line_no, kind, account, "
	"currency, amount_minor, order_id, ref_type, ref_id, partner, "
	"partner_ref, memo, created_at) "
	"SELECT CONCAT('rem-', v.id), 0, 'remittance_receipt', "
	"'platform:cash', v.currency, v.received_minor, v.order_id, 'voucher', "
	"v.id, 'post-office', o.rf_code, '', v.decided_at " BENCH_VL_FROM
	"UNION ALL SELECT CONCAT('rem-', v.id), 1, 'remittance_receipt', "
	"CONCAT('buyer:', o.user_id, ':receivable'), v.currency, "
	"-v.received_minor, v.order_id, 'voucher', v.id, 'post-office', "
	"o.rf_code, '', v.decided_at " BENCH_VL_FROM
	"UNION ALL SELECT CONCAT('sale-', o.id), 0, 'sale', CONCAT('buyer:', "
	"o.user_id, ':receivable'), o.currency, o.amount_due_minor, o.id, "
	"NULL, NULL, NULL, NULL, '', v.decided_at " BENCH_VL_FROM
	"AND v.received_minor >= o.amount_due_minor "
	"UNION ALL SELECT CONCAT('sale-', o.id), 1, 'sale', "
	"'merchant:payable', o.currency, -o.amount_due_minor, o.id, NULL, "
	"NULL, NULL, NULL, '', v.decided_at " BENCH_VL_FROM
	"AND v.received_minor >= o.amount_due_minor",
	/* STMT_BENCH_NEXT_WORK */
	"UPDATE plans p JOIN (SELECT plan_id, MIN(due_date) AS d FROM "
	"plan_installments WHERE status = 'due' GROUP BY plan_id) i ON "
	"i.plan_id = p.id SET p.next_work_on = i.d - INTERVAL 3 DAY WHERE "
	"p.status = 'active' AND p.next_work_on IS NULL",
	/* The multi-row inserts: built by multi_sql(). */
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_BENCH)

#define USERS_HEAD "INSERT INTO users (id, kind, email, name, password_hash, " \
	"phone, credit_limit_usd_minor, created_at) VALUES "
#define USERS_TUPLE "(?, 'person', ?, ?, ?, NULL, ?, ?)"
#define ORDERS_HEAD "INSERT INTO orders (id, user_id, status, method, " \
	"currency, usd_per_unit, items_total_minor, amount_due_minor, " \
	"fee_minor, country, region_code, idempotency_key, created_at, " \
	"updated_at, completed_at, institution_id, term, amount_usd_minor, " \
	"review_due, payment_due, rf_code) VALUES "
#define ORDERS_TUPLE "(?, ?, ?, ?, 'USD', '1', ?, ?, ?, 'MY', 'SEA', ?, ?, " \
	"?, ?, ?, ?, ?, ?, ?, ?)"
#define ITEMS_HEAD "INSERT INTO order_items (order_id, product_id, name, " \
	"qty, unit_price_minor, currency, durable, high_value, pre_order, " \
	"customized, special_customs, pay_after_use) VALUES "
#define ITEMS_TUPLE "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define EVENTS_HEAD "INSERT INTO events (subject_type, subject_id, " \
	"actor_type, actor_id, at, from_state, to_state, reason) VALUES "
#define EVENTS_TUPLE "(?, ?, ?, ?, ?, ?, ?, ?)"
#define PLANS_HEAD "INSERT INTO plans (id, order_id, user_id, method, " \
	"institution_id, status, currency, principal_minor, n, monthly_rate, " \
	"fee_mode, waives_future_fees, late_fee_rate, apr_bp, " \
	"monthly_fee_minor, total_fee_minor, start_date, card_brand, " \
	"card_last4, partner_ref, created_at, updated_at, closed_at) VALUES "
#define PLANS_TUPLE "(?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?, " \
	"?, ?, ?, ?, ?, ?, ?)"
#define INSTS_HEAD "INSERT INTO plan_installments (plan_id, seq, due_date, " \
	"principal_minor, fee_minor, status, paid_minor, paid_at) VALUES "
#define INSTS_TUPLE "(?, ?, ?, ?, ?, ?, ?, ?)"
#define PAYS_HEAD "INSERT INTO plan_payments (plan_id, kind, seq, " \
	"amount_minor, currency, ok, channel, reference, idem_key, " \
	"created_at) VALUES "
#define PAYS_TUPLE "(?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"
#define VOUCHERS_HEAD "INSERT INTO remittance_vouchers (id, order_id, " \
	"user_id, source, file_id, amount_minor, currency, remitted_on, " \
	"tracking, expected_from, expected_by, status, received_minor, " \
	"decided_by, decided_at, idempotency_key, created_at) VALUES "
#define VOUCHERS_TUPLE "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

/* Build the text of stmts[idx] once: head then tuple n times, comma
 * separated. The buffer lives as long as the process (mallpayctl). */
static const char *
multi_sql(int idx, const char *head, const char *tuple, size_t n)
{
	static struct buf texts[STMT__MAX];
	size_t i;

	if (stmts[idx] == NULL) {
		buf_init(&texts[idx]);
		buf_puts(&texts[idx], head);
		for (i = 0; i < n; i++) {
			if (i > 0)
				buf_puts(&texts[idx], ",");
			buf_puts(&texts[idx], tuple);
		}
		stmts[idx] = buf_str(&texts[idx]);
	}
	return stmts[idx];
}

/* Run stmts[idx] (no parameters, or the one string s when not NULL) and
 * return the first column of the first row: >= 0, 0 for no row, -1 on
 * error. */
static int64_t
scalar(struct db *db, int idx, const char *s)
{
	struct dbq *q;
	int64_t v = 0;
	int rc;

	if ((q = get(db, idx)) == NULL)
		return -1;
	if (s != NULL)
		dbq_cstr(q, s);
	if (dbq_exec(q) == -1 || (rc = dbq_fetch(q)) == -1)
		v = -1;
	else if (rc == 1)
		v = dbq_col_int(q, 0);
	dbq_done(q);
	return v;
}

/* See benchdata.h. */
int64_t
db_bench_max_id(struct db *db, enum bench_table which)
{
	static const int idx[] = { STMT_BENCH_MAX_USER, STMT_BENCH_MAX_ORDER,
	    STMT_BENCH_MAX_PLAN, STMT_BENCH_MAX_VOUCHER };

	return scalar(db, idx[which], NULL);
}

/* See benchdata.h. */
int64_t
db_bench_admin_id(struct db *db)
{
	return scalar(db, STMT_BENCH_ADMIN, NULL);
}

/* See benchdata.h. */
int64_t
db_bench_active_plan(struct db *db, int64_t user_id, int n)
{
	struct dbq *q;
	int64_t v = -1;
	int rc;

	if ((q = get(db, STMT_BENCH_ACTIVE_PLANS)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_I(n));
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) != -1)
		v = rc == 1 ? dbq_col_int(q, 0) : 0;
	dbq_done(q);
	return v;
}

/* See benchdata.h. */
int
db_bench_count_orders(struct db *db, int64_t *n)
{
	return (*n = scalar(db, STMT_BENCH_COUNT_ORDERS, NULL)) < 0 ? -1 : 0;
}

/* See benchdata.h. */
int
db_bench_extra_tables(struct db *db)
{
	return (int)scalar(db, STMT_BENCH_EXTRA_TABLES, NULL);
}

/* See benchdata.h. */
int64_t
db_bench_user_id(struct db *db, const char *email)
{
	return scalar(db, STMT_BENCH_USER_ID, email);
}

/* dbq_list fill: column 0 of the row into *(int64_t *)arg. */
static void
fill_id(struct dbq *q, void *arg)
{
	*(int64_t *)arg = dbq_col_int(q, 0);
}

/* See benchdata.h. */
int
db_bench_user_ids(struct db *db, int64_t **ids, size_t *n)
{
	return dbq_list(get(db, STMT_BENCH_USER_IDS), sizeof(**ids), fill_id,
	    (void **)ids, n);
}

/* See benchdata.h. */
int
db_bench_products(struct db *db, struct seed_product **out, size_t *n)
{
	return dbq_rows(get(db, STMT_BENCH_PRODUCTS), &product_row,
	    (void **)out, n);
}

/* Bind the parameters of one row; rows is the caller's array, i the row. */
typedef void (*bind_fn)(struct dbq *, const void *rows, size_t i);

/* Insert n rows in statements of BENCH_BATCH rows (idx_n) and single rows
 * (idx_1) for the rest. Returns 0 or -1. */
static int
insert_rows(struct db *db, int idx_n, int idx_1, const char *head,
    const char *tuple, bind_fn bind, const void *rows, size_t n)
{
	struct dbq *q;
	size_t i = 0, j, k;
	int idx, rc;

	multi_sql(idx_n, head, tuple, BENCH_BATCH);
	multi_sql(idx_1, head, tuple, 1);
	while (i < n) {
		k = n - i >= BENCH_BATCH ? BENCH_BATCH : 1;
		idx = k == 1 ? idx_1 : idx_n;
		if ((q = get(db, idx)) == NULL)
			return -1;
		for (j = 0; j < k; j++)
			bind(q, rows, i + j);
		rc = dbq_exec(q);
		dbq_done(q);
		if (rc == -1)
			return -1;
		i += k;
	}
	return 0;
}

/* The password hash and time shared by every user row of one call. */
static const char	*user_hash;
static int64_t		 user_now;

/* bind_fn of users. */
static void
bind_user(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_user *u = (const struct bench_user *)rows + i;

	dbq_bind(q, DBQ_I(u->id), DBQ_S(u->email), DBQ_S(u->name),
	    DBQ_S(user_hash), DBQ_I(u->credit_limit_usd_minor),
	    DBQ_I(user_now));
}

/* See benchdata.h. */
int
db_bench_insert_users(struct db *db, const struct bench_user *u, size_t n,
    const char *pwhash, int64_t now)
{
	user_hash = pwhash;
	user_now = now;
	if (insert_rows(db, STMT_BENCH_USERS_N, STMT_BENCH_USERS_1,
	    USERS_HEAD, USERS_TUPLE, bind_user, u, n) == -1)
		return -1;
	/* identity: verified, with a consent and a score (INST-01/02). */
	return n == 0 ? 0 : db_identity_bench(db, u[0].id, u[n - 1].id, now);
}

/* bind_fn of orders. */
static void
bind_order(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_order *o = (const struct bench_order *)rows + i;

	dbq_bind(q, DBQ_I(o->id), DBQ_I(o->user_id), DBQ_S(o->status),
	    DBQ_S(o->method), DBQ_I(o->items_total_minor),
	    DBQ_I(o->items_total_minor), DBQ_I(o->fee_minor), DBQ_S(o->key),
	    DBQ_I(o->created_at), DBQ_I(o->updated_at),
	    DBQ_IDO(o->completed_at), DBQ_SO(o->institution_id),
	    DBQ_IDO(o->term),
	    /* USD orders (usd_per_unit 1): the USD amount is the amount due. */
	    DBQ_I(o->items_total_minor), DBQ_SO(o->review_due),
	    DBQ_SO(o->payment_due), DBQ_SO(o->rf_code));
}

/* See benchdata.h. */
int
db_bench_insert_orders(struct db *db, const struct bench_order *o, size_t n)
{
	return insert_rows(db, STMT_BENCH_ORDERS_N, STMT_BENCH_ORDERS_1,
	    ORDERS_HEAD, ORDERS_TUPLE, bind_order, o, n);
}

/* bind_fn of order items. */
static void
bind_item(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_item *it = (const struct bench_item *)rows + i;

	dbq_bind(q, DBQ_I(it->order_id), DBQ_I(it->p->id), DBQ_S(it->p->name),
	    DBQ_I(it->qty), DBQ_I(it->p->price_minor), DBQ_S(it->p->currency),
	    DBQ_I(it->p->durable), DBQ_I(it->p->high_value),
	    DBQ_I(it->p->pre_order), DBQ_I(it->p->customized),
	    DBQ_I(it->p->special_customs), DBQ_I(it->p->pay_after_use));
}

/* See benchdata.h. */
int
db_bench_insert_items(struct db *db, const struct bench_item *it, size_t n)
{
	return insert_rows(db, STMT_BENCH_ITEMS_N, STMT_BENCH_ITEMS_1,
	    ITEMS_HEAD, ITEMS_TUPLE, bind_item, it, n);
}

/* bind_fn of events. */
static void
bind_event(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_event *e = (const struct bench_event *)rows + i;

	dbq_bind(q, DBQ_S(e->subject != NULL ? e->subject : "order"),
	    DBQ_I(e->order_id), DBQ_S(e->actor_type != NULL ? e->actor_type :
	    e->actor_id > 0 ? "user" : "system"), DBQ_IDO(e->actor_id),
	    DBQ_I(e->at), DBQ_SO(e->from_state), DBQ_SO(e->to_state),
	    DBQ_S(e->reason));
}

/* See benchdata.h. */
int
db_bench_insert_events(struct db *db, const struct bench_event *e, size_t n)
{
	return insert_rows(db, STMT_BENCH_EVENTS_N, STMT_BENCH_EVENTS_1,
	    EVENTS_HEAD, EVENTS_TUPLE, bind_event, e, n);
}

/* bind_fn of plans. */
static void
bind_plan(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_plan *p = (const struct bench_plan *)rows + i;

	dbq_bind(q, DBQ_I(p->id), DBQ_I(p->order_id), DBQ_I(p->user_id),
	    DBQ_S(p->method), DBQ_S(p->institution_id), DBQ_S(p->status),
	    DBQ_I(p->principal_minor), DBQ_I(p->n), DBQ_S(p->monthly_rate),
	    DBQ_S(p->fee_mode), DBQ_I(p->waives_future_fees),
	    DBQ_S(p->late_fee_rate), DBQ_I(p->apr_bp),
	    DBQ_I(p->monthly_fee_minor), DBQ_I(p->total_fee_minor),
	    DBQ_S(p->start_date), DBQ_SO(p->card_brand), DBQ_SO(p->card_last4),
	    DBQ_SO(p->partner_ref), DBQ_I(p->created_at), DBQ_I(p->updated_at),
	    DBQ_IDO(p->closed_at));
}

/* See benchdata.h. */
int
db_bench_insert_plans(struct db *db, const struct bench_plan *p, size_t n)
{
	return insert_rows(db, STMT_BENCH_PLANS_N, STMT_BENCH_PLANS_1,
	    PLANS_HEAD, PLANS_TUPLE, bind_plan, p, n);
}

/* bind_fn of installments. */
static void
bind_inst(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_inst *it = (const struct bench_inst *)rows + i;

	dbq_bind(q, DBQ_I(it->plan_id), DBQ_I(it->seq), DBQ_S(it->due_date),
	    DBQ_I(it->principal_minor), DBQ_I(it->fee_minor),
	    DBQ_S(it->paid_at > 0 ? "paid" : "due"),
	    DBQ_I(it->paid_at > 0 ? it->paid_minor : 0), DBQ_IDO(it->paid_at));
}

/* See benchdata.h. */
int
db_bench_insert_insts(struct db *db, const struct bench_inst *it, size_t n)
{
	return insert_rows(db, STMT_BENCH_INSTS_N, STMT_BENCH_INSTS_1,
	    INSTS_HEAD, INSTS_TUPLE, bind_inst, it, n);
}

/* The currency shared by every payment or voucher row of one call. */
static const char	*rows_currency;

/* bind_fn of plan payments. */
static void
bind_pay(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_pay *p = (const struct bench_pay *)rows + i;

	dbq_bind(q, DBQ_I(p->plan_id), DBQ_S(p->kind), DBQ_I(p->seq),
	    DBQ_I(p->amount_minor), DBQ_S(rows_currency), DBQ_S(p->channel),
	    DBQ_S(p->reference), DBQ_S(p->idem_key), DBQ_I(p->created_at));
}

/* See benchdata.h. */
int
db_bench_insert_pays(struct db *db, const struct bench_pay *p, size_t n,
    const char *currency)
{
	rows_currency = currency;
	return insert_rows(db, STMT_BENCH_PAYS_N, STMT_BENCH_PAYS_1,
	    PAYS_HEAD, PAYS_TUPLE, bind_pay, p, n);
}

/* bind_fn of vouchers. */
static void
bind_voucher(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_voucher *v = (const struct bench_voucher *)rows + i;

	dbq_bind(q, DBQ_I(v->id), DBQ_I(v->order_id), DBQ_I(v->user_id),
	    DBQ_S(v->source), DBQ_IDO(v->file_id), DBQ_I(v->amount_minor),
	    DBQ_S(rows_currency), DBQ_S(v->remitted_on), DBQ_S(v->tracking),
	    DBQ_SO(v->expected_from), DBQ_SO(v->expected_by), DBQ_S(v->status),
	    v->received_minor >= 0 ? DBQ_I(v->received_minor) : DBQ_NULL,
	    DBQ_IDO(v->decided_by), DBQ_IDO(v->decided_at), DBQ_S(v->idem_key),
	    DBQ_I(v->created_at));
}

/* See benchdata.h. */
int
db_bench_insert_vouchers(struct db *db, const struct bench_voucher *v,
    size_t n, const char *currency)
{
	rows_currency = currency;
	return insert_rows(db, STMT_BENCH_VOUCHERS_N, STMT_BENCH_VOUCHERS_1,
	    VOUCHERS_HEAD, VOUCHERS_TUPLE, bind_voucher, v, n);
}

/* See benchdata.h. */
int
db_bench_voucher_ledger(struct db *db, int64_t first, int64_t last)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_BENCH_VOUCHER_LEDGER),
	    DBQ_I(first), DBQ_I(last), DBQ_I(first), DBQ_I(last), DBQ_I(first),
	    DBQ_I(last), DBQ_I(first), DBQ_I(last)), NULL);
}

/* See benchdata.h. */
int
db_bench_next_work(struct db *db)
{
	return dbq_exec_done(get(db, STMT_BENCH_NEXT_WORK),
	    NULL) == -1 ? -1 : 0;
}

/* Run q with the parameters bound and finish it; for an INSERT *id gets
 * the generated (or LAST_INSERT_ID) id when id is not NULL. Returns 0 or
 * -1 (q NULL included). */
static int
run(struct dbq *q, int64_t *id)
{
	int rc;

	if (q == NULL)
		return -1;
	if ((rc = dbq_exec(q)) == 0 && id != NULL)
		*id = dbq_insert_id(q);
	dbq_done(q);
	return rc;
}

/* See benchdata.h. */
int
db_bench_set_cart(struct db *db, int64_t user_id, const int64_t *pids,
    size_t n, int64_t now)
{
	int64_t	cart_id = 0;
	size_t	i;

	if (run(dbq_bind(get(db, STMT_BENCH_CART_ENSURE), DBQ_I(user_id),
	    DBQ_I(now)), &cart_id) == -1 || cart_id <= 0)
		return -1;
	if (run(dbq_bind(get(db, STMT_BENCH_CART_CLEAR), DBQ_I(cart_id)),
	    NULL) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (run(dbq_bind(get(db, STMT_BENCH_CART_ITEM), DBQ_I(cart_id),
		    DBQ_I(pids[i])), NULL) == -1)
			return -1;
	return 0;
}
