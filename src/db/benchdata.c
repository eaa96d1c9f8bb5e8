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
#include "db/stmt.h"

enum stmt {
	STMT_BENCH_MAX_USER,
	STMT_BENCH_MAX_ORDER,
	STMT_BENCH_COUNT_ORDERS,
	STMT_BENCH_EXTRA_TABLES,
	STMT_BENCH_USER_IDS,
	STMT_BENCH_USER_ID,
	STMT_BENCH_PRODUCTS,
	STMT_BENCH_CART_ENSURE,
	STMT_BENCH_CART_CLEAR,
	STMT_BENCH_CART_ITEM,
	/* Multi-row inserts: BENCH_BATCH rows, then the same for one row. */
	STMT_BENCH_USERS_N,
	STMT_BENCH_USERS_1,
	STMT_BENCH_ORDERS_N,
	STMT_BENCH_ORDERS_1,
	STMT_BENCH_ITEMS_N,
	STMT_BENCH_ITEMS_1,
	STMT_BENCH_EVENTS_N,
	STMT_BENCH_EVENTS_1,
	STMT__MAX
};

static const char *stmts[STMT__MAX] = {
	/* STMT_BENCH_MAX_USER */
	"SELECT COALESCE(MAX(id), 0) FROM users",
	/* STMT_BENCH_MAX_ORDER */
	"SELECT COALESCE(MAX(id), 0) FROM orders",
	/* STMT_BENCH_COUNT_ORDERS */
	"SELECT COUNT(*) FROM orders WHERE idempotency_key LIKE 'bench-%'",
	/* STMT_BENCH_EXTRA_TABLES */
	"SELECT COUNT(*) FROM information_schema.tables "
	"WHERE table_schema = DATABASE() AND table_name IN ('plans', 'vouchers')",
	/* STMT_BENCH_USER_IDS */
	"SELECT id FROM users WHERE email LIKE 'bench-%@bench.test' "
	"ORDER BY id",
	/* STMT_BENCH_USER_ID */
	"SELECT id FROM users WHERE email = ?",
	/* STMT_BENCH_PRODUCTS */
	"SELECT p.id, p.name, p.price_minor, p.currency, c.durable, "
	"p.high_value, p.pre_order, p.customized, p.special_customs, "
	"p.pay_after_use FROM products p "
	"JOIN categories c ON c.id = p.category_id "
	"WHERE p.currency = 'USD' ORDER BY p.id",
	/* STMT_BENCH_CART_ENSURE */
	"INSERT INTO carts (user_id, updated_at) VALUES (?, ?) "
	"ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), "
	"updated_at = VALUES(updated_at)",
	/* STMT_BENCH_CART_CLEAR */
	"DELETE FROM cart_items WHERE cart_id = ?",
	/* STMT_BENCH_CART_ITEM */
	"INSERT INTO cart_items (cart_id, product_id, qty) VALUES (?, ?, 1)",
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

#define USERS_HEAD "INSERT INTO users (id, kind, email, name, password_hash, " \
	"phone, real_name_verified, credit_score, credit_limit_usd_minor, " \
	"created_at) VALUES "
#define USERS_TUPLE "(?, 'person', ?, ?, ?, NULL, 1, ?, ?, ?)"
#define ORDERS_HEAD "INSERT INTO orders (id, user_id, status, method, " \
	"currency, usd_per_unit, items_total_minor, amount_due_minor, " \
	"fee_minor, country, region_code, idempotency_key, created_at, " \
	"updated_at, completed_at) VALUES "
#define ORDERS_TUPLE "(?, ?, ?, ?, 'USD', '1', ?, ?, ?, 'MY', 'SEA', ?, ?, " \
	"?, ?)"
#define ITEMS_HEAD "INSERT INTO order_items (order_id, product_id, name, " \
	"qty, unit_price_minor, currency, durable, high_value, pre_order, " \
	"customized, special_customs, pay_after_use) VALUES "
#define ITEMS_TUPLE "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define EVENTS_HEAD "INSERT INTO events (subject_type, subject_id, " \
	"actor_type, actor_id, at, from_state, to_state, reason) VALUES "
#define EVENTS_TUPLE "('order', ?, ?, ?, ?, ?, ?, ?)"

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

	if ((q = dbq_get(db, DB_T_BENCH, idx, stmts[idx])) == NULL)
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
db_bench_max_id(struct db *db, int which)
{
	return scalar(db, which ? STMT_BENCH_MAX_ORDER : STMT_BENCH_MAX_USER,
	    NULL);
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

/* See benchdata.h. */
int
db_bench_user_ids(struct db *db, int64_t **ids, size_t *n)
{
	struct dbq *q;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if ((q = dbq_get(db, DB_T_BENCH, STMT_BENCH_USER_IDS,
	    stmts[STMT_BENCH_USER_IDS])) == NULL)
		return -1;
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			*ids = xrealloc(*ids, cap * sizeof(**ids));
		}
		(*ids)[(*n)++] = dbq_col_int(q, 0);
	}
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}

/* See benchdata.h. */
int
db_bench_products(struct db *db, struct seed_product **out, size_t *n)
{
	struct dbq *q;
	struct seed_product *p;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if ((q = dbq_get(db, DB_T_BENCH, STMT_BENCH_PRODUCTS,
	    stmts[STMT_BENCH_PRODUCTS])) == NULL)
		return -1;
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		p = &(*out)[(*n)++];
		memset(p, 0, sizeof(*p));
		p->id = dbq_col_int(q, 0);
		dbq_col_copy(q, 1, p->name, sizeof(p->name));
		p->price_minor = dbq_col_int(q, 2);
		dbq_col_copy(q, 3, p->currency, sizeof(p->currency));
		p->durable = (int)dbq_col_int(q, 4);
		p->high_value = (int)dbq_col_int(q, 5);
		p->pre_order = (int)dbq_col_int(q, 6);
		p->customized = (int)dbq_col_int(q, 7);
		p->special_customs = (int)dbq_col_int(q, 8);
		p->pay_after_use = (int)dbq_col_int(q, 9);
	}
	dbq_done(q);
	return rc == -1 ? -1 : 0;
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
		if ((q = dbq_get(db, DB_T_BENCH, idx, stmts[idx])) == NULL)
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

	dbq_int(q, u->id);
	dbq_cstr(q, u->email);
	dbq_cstr(q, u->name);
	dbq_cstr(q, user_hash);
	dbq_int(q, u->credit_score);
	dbq_int(q, u->credit_limit_usd_minor);
	dbq_int(q, user_now);
}

/* See benchdata.h. */
int
db_bench_insert_users(struct db *db, const struct bench_user *u, size_t n,
    const char *pwhash, int64_t now)
{
	user_hash = pwhash;
	user_now = now;
	return insert_rows(db, STMT_BENCH_USERS_N, STMT_BENCH_USERS_1,
	    USERS_HEAD, USERS_TUPLE, bind_user, u, n);
}

/* bind_fn of orders. */
static void
bind_order(struct dbq *q, const void *rows, size_t i)
{
	const struct bench_order *o = (const struct bench_order *)rows + i;

	dbq_int(q, o->id);
	dbq_int(q, o->user_id);
	dbq_cstr(q, o->status);
	dbq_cstr(q, o->method);
	dbq_int(q, o->items_total_minor);
	dbq_int(q, o->items_total_minor);
	dbq_int(q, o->fee_minor);
	dbq_cstr(q, o->key);
	dbq_int(q, o->created_at);
	dbq_int(q, o->updated_at);
	if (o->completed_at > 0)
		dbq_int(q, o->completed_at);
	else
		dbq_null(q);
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

	dbq_int(q, it->order_id);
	dbq_int(q, it->p->id);
	dbq_cstr(q, it->p->name);
	dbq_int(q, it->qty);
	dbq_int(q, it->p->price_minor);
	dbq_cstr(q, it->p->currency);
	dbq_int(q, it->p->durable);
	dbq_int(q, it->p->high_value);
	dbq_int(q, it->p->pre_order);
	dbq_int(q, it->p->customized);
	dbq_int(q, it->p->special_customs);
	dbq_int(q, it->p->pay_after_use);
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

	dbq_int(q, e->order_id);
	dbq_cstr(q, e->actor_id > 0 ? "user" : "system");
	if (e->actor_id > 0)
		dbq_int(q, e->actor_id);
	else
		dbq_null(q);
	dbq_int(q, e->at);
	dbq_cstr(q, e->from_state);
	dbq_cstr(q, e->to_state);
	dbq_cstr(q, e->reason);
}

/* See benchdata.h. */
int
db_bench_insert_events(struct db *db, const struct bench_event *e, size_t n)
{
	return insert_rows(db, STMT_BENCH_EVENTS_N, STMT_BENCH_EVENTS_1,
	    EVENTS_HEAD, EVENTS_TUPLE, bind_event, e, n);
}

/* Run q with the parameters bound and finish it; for an INSERT *id gets
 * the generated (or LAST_INSERT_ID) id when id is not NULL. Returns 0 or
 * -1. */
static int
run(struct dbq *q, int64_t *id)
{
	int rc = dbq_exec(q);

	if (rc == 0 && id != NULL)
		*id = dbq_insert_id(q);
	dbq_done(q);
	return rc;
}

/* See benchdata.h. */
int
db_bench_set_cart(struct db *db, int64_t user_id, const int64_t *pids,
    size_t n, int64_t now)
{
	struct dbq *q;
	int64_t cart_id = 0;
	size_t i;

	if ((q = dbq_get(db, DB_T_BENCH, STMT_BENCH_CART_ENSURE,
	    stmts[STMT_BENCH_CART_ENSURE])) == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_int(q, now);
	if (run(q, &cart_id) == -1 || cart_id <= 0)
		return -1;
	if ((q = dbq_get(db, DB_T_BENCH, STMT_BENCH_CART_CLEAR,
	    stmts[STMT_BENCH_CART_CLEAR])) == NULL)
		return -1;
	dbq_int(q, cart_id);
	if (run(q, NULL) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if ((q = dbq_get(db, DB_T_BENCH, STMT_BENCH_CART_ITEM,
		    stmts[STMT_BENCH_CART_ITEM])) == NULL)
			return -1;
		dbq_int(q, cart_id);
		dbq_int(q, pids[i]);
		if (run(q, NULL) == -1)
			return -1;
	}
	return 0;
}
