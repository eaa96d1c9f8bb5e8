/*
 * orders: reading a shopper's own orders. Later issues add placing orders and
 * their state transitions here. SQL only, bound parameters only (DESIGN.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "db/address.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/event.h"
#include "db/order.h"
#include "db/plan.h"
#include "db/stmt.h"

/* The multi-row INSERT of an order's lines: one statement per order of up
 * to ORDER_ITEMS_BATCH lines (ITEMS_1 .. ITEMS_8 below). */
#define ORDER_ITEMS_BATCH	8

/* The columns of an order (struct db_order) of orders o, each with its
 * SQL. */
#define ORDER_COLS(C) \
	C(INT,	id,			"o.id") \
	C(INT,	user_id,		", o.user_id") \
	C(STATUS,	status,			", o.status") \
	C(METHOD,	method,			", o.method") \
	C(TEXT,	currency,		", o.currency") \
	C(TEXT,	usd_per_unit,		", o.usd_per_unit") \
	C(INT,	items_total_minor,	", o.items_total_minor") \
	C(INT,	coupon_minor,		", o.coupon_minor") \
	C(INT,	points_minor,		", o.points_minor") \
	C(INT,	amount_due_minor,	", o.amount_due_minor") \
	C(INT,	fee_minor,		", o.fee_minor") \
	C(INT,	deferred_minor,		", o.deferred_minor") \
	C(INT,	amount_usd_minor,	", o.amount_usd_minor") \
	C(TEXT,	country,		", o.country") \
	C(TEXT,	region_code,		", o.region_code") \
	C(TEXT,	institution_id,		", o.institution_id") \
	C(INT,	term,			", o.term") \
	C(TEXT,	coupon_code,		", o.coupon_code") \
	C(INT,	points_used,		", o.points_used") \
	C(TEXT,	review_due,		", o.review_due") \
	C(TEXT,	payment_due,		", o.payment_due") \
	C(TEXT,	rf_code,		", o.rf_code") \
	C(TEXT,	settlement_note,	", o.settlement_note") \
	C(INT,	created_at,		", o.created_at") \
	C(INT,	updated_at,		", o.updated_at") \
	C(INT,	completed_at,		", o.completed_at") \
	C(TEXT,	refund_due,		", o.refund_due") \
	C(TEXT,	language,		", (SELECT COALESCE(bu.language, '') FROM users bu WHERE bu.id = o.user_id)")
#define ORDER_FIELD(t, m, sql)	DBQ_FIELD(struct db_order, t, m)
DBQ_ROWS(order_tab, struct db_order, ORDER_COLS, ORDER_FIELD);

enum stmt {
	STMT_ORDER_LIST_BY_USER,
	STMT_ORDER_LIST_PAGE,
	STMT_ORDER_LOCK_METHOD,
	STMT_ORDER_SET_STATUS,
	STMT_ORDER_INSERT,
	STMT_ORDER_BY_KEY,
	STMT_ORDER_SET_RF,
	STMT_ORDER_ITEMS_1,	/* 1 line; then 2, ... ORDER_ITEMS_BATCH */
	STMT_ORDER_ITEMS_LAST = STMT_ORDER_ITEMS_1 + ORDER_ITEMS_BATCH - 1,
	STMT_ORDER_GET,
	STMT_ORDER_ITEMS,
	STMT_ORDER_SET_REFUND_DUE,
	STMT_ORDER_LIST_PAGE_COMPANY,
	STMT_ORDER_PAGE,
	STMT__MAX
};

#define ITEM_ROW	"(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define ITEMS_1		"INSERT INTO order_items (order_id, product_id, name, " \
	"qty, unit_price_minor, currency, durable, high_value, pre_order, " \
	"customized, special_customs, pay_after_use) VALUES " ITEM_ROW
#define ITEMS_2		ITEMS_1 ", " ITEM_ROW
#define ITEMS_3		ITEMS_2 ", " ITEM_ROW
#define ITEMS_4		ITEMS_3 ", " ITEM_ROW
#define ITEMS_5		ITEMS_4 ", " ITEM_ROW
#define ITEMS_6		ITEMS_5 ", " ITEM_ROW
#define ITEMS_7		ITEMS_6 ", " ITEM_ROW
#define ITEMS_8		ITEMS_7 ", " ITEM_ROW

/* An order of a list as its statement reads it (order_list_row). */
struct list_row {
	int64_t			 id;
	enum order_status	 status;
	enum pay_method		 method;
	int64_t			 amount_due_minor;
	char			 currency[4];
	int64_t			 created_at;
	int64_t			 fee_minor;
	int64_t			 deferred_minor;
};
/* The columns the list pages read after LIST_COLS. */
#define MORE_COLS(C) \
	C(INT,		fee_minor,		", fee_minor") \
	C(INT,		deferred_minor,		", deferred_minor")
/* The columns of STMT_ORDER_LIST_BY_USER (struct list_row), each with its
 * SQL. */
#define LIST_COLS(C) \
	C(INT,		id,			"id") \
	C(STATUS,	status,			", status") \
	C(METHOD,	method,			", method") \
	C(INT,		amount_due_minor,	", amount_due_minor") \
	C(TEXT,		currency,		", currency") \
	C(INT,		created_at,		", created_at")
#define LIST_FIELD(t, m, sql)	DBQ_FIELD(struct list_row, t, m)
DBQ_ROWS(list_tab, struct list_row, LIST_COLS, LIST_FIELD);
DBQ_ROWS(more_tab, struct list_row, MORE_COLS, LIST_FIELD);
/* The columns of the list pages (list_tab, then more_tab). */
#define PAGE_LIST_SQL	LIST_COLS(DBQ_SQL) MORE_COLS(DBQ_SQL)

/* An order line as its statements read it (item_at). */
struct item_row {
	int64_t	 product_id, unit_price_minor;
	char	 name[201], currency[4];
	int	 qty, pay_after_use;
};
/* Its columns of order_items i, each with its SQL. */
#define ITEM_COLS(C) \
	C(INT,	product_id,		"i.product_id") \
	C(TEXT,	name,			", i.name") \
	C(INT,	qty,			", i.qty") \
	C(INT,	unit_price_minor,	", i.unit_price_minor") \
	C(TEXT,	currency,		", i.currency") \
	C(INT,	pay_after_use,		", i.pay_after_use")
#define ITEM_FIELD(t, m, sql)	DBQ_FIELD(struct item_row, t, m)
DBQ_ROWS(item_tab, struct item_row, ITEM_COLS, ITEM_FIELD);

/* The order STMT_ORDER_BY_KEY finds. */
struct key_row {
	int64_t	 id;
	char	 params_hash[65];
};
#define KEY_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	params_hash,	", COALESCE(params_hash, '')")
#define KEY_FIELD(t, m, sql)	DBQ_FIELD(struct key_row, t, m)
DBQ_ROWS(key_tab, struct key_row, KEY_COLS, KEY_FIELD);

#define GET_COLS	ORDER_COLS(DBQ_SQL) " "
/* The order STMT_ORDER_GET reads: id, then user id twice (0: any
 * owner's). */
#define GET_WHERE	"o.id = ? AND (? = 0 OR o.user_id = ?) "
/* SQL NULLs filling the columns of the other row kinds of a UNION: the
 * order, an item, an event, the address (not a column list: counted
 * below), the shipment, a tracking event, the plan with an installment. */
#define N1		"NULL, "
#define N11		N1 N1 N1 N1 N1 N1 N1 N1 N1 N1 N1
#define NUL_ORDER	ORDER_COLS(DBQ_NULLS)
#define NUL_ITEM	ITEM_COLS(DBQ_NULLS)
#define NUL_EVENT	DB_EVENT_ROW_COLS(DBQ_NULLS)
#define NUL_ADDR	N11
#define NUL_SHIP	DB_SHIP_COLS(DBQ_NULLS)
#define NUL_TRACK	DB_TRACK_COLS(DBQ_NULLS)
#define NUL_PLAN	DB_PLAN_COLS(DBQ_NULLS) DB_PLAN_INST_COLS(DBQ_NULLS, "")
_Static_assert(DB_ORDER_ADDRESS_N == 11, "NUL_ADDR fills the address");
/* Columns of STMT_ORDER_PAGE: the order, an item, an event, the order's
 * address, the shipment, a tracking event, the plan with an installment,
 * the row's kind (0 to 5). */
enum page_col {
	PAGE_C_ITEM = 0 ORDER_COLS(DBQ_COUNT),
	PAGE_C_EVENT = PAGE_C_ITEM ITEM_COLS(DBQ_COUNT),
	PAGE_C_ADDR = PAGE_C_EVENT + DB_EVENT_ROW_N,
	PAGE_C_SHIP = PAGE_C_ADDR + DB_ORDER_ADDRESS_N,
	PAGE_C_TRACK = PAGE_C_SHIP + DB_SHIP_N,
	PAGE_C_PLAN = PAGE_C_TRACK + DB_TRACK_N,
	PAGE_C_INST = PAGE_C_PLAN + DB_PLAN_N,
	PAGE_C_KIND = PAGE_C_INST + DB_PLAN_INST_N
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_ORDER_LIST_BY_USER: list_tab */
	"SELECT " LIST_COLS(DBQ_SQL) " FROM orders WHERE user_id = ? "
	"ORDER BY created_at DESC, id DESC LIMIT ?",
	/* STMT_ORDER_LIST_PAGE: list_tab, then more_tab */
	"SELECT " PAGE_LIST_SQL " "
	"FROM orders WHERE user_id = ? ORDER BY created_at DESC, id DESC "
	"LIMIT ? OFFSET ?",
	/* STMT_ORDER_LOCK_METHOD */
	"SELECT method FROM orders WHERE id = ? FOR UPDATE",
	/* STMT_ORDER_SET_STATUS */
	"UPDATE orders SET status = ?, updated_at = ?, "
	"completed_at = IF(? = 'completed', ?, completed_at), "
	"cancel_refund_check = IF(? = 'cancelled' AND method = 'remittance', "
	"1, cancel_refund_check) WHERE id = ? AND status = ?",
	/* STMT_ORDER_INSERT */
	"INSERT INTO orders (user_id, company_id, status, method, currency, "
	"usd_per_unit, items_total_minor, coupon_minor, points_minor, "
	"amount_due_minor, fee_minor, deferred_minor, amount_usd_minor, "
	"country, region_code, idempotency_key, institution_id, term, "
	"coupon_code, points_used, review_due, payment_due, settlement_note, "
	"verdicts, params_hash, created_at, updated_at, ship_address_id, "
	"ship_recipient, ship_line1, ship_line2, ship_city, ship_region, "
	"ship_postal_code, ship_country, ship_phone, ship_delivery_days) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_ORDER_BY_KEY */
	"SELECT " KEY_COLS(DBQ_SQL) " FROM orders "
	"WHERE user_id = ? AND idempotency_key = ?",
	/* STMT_ORDER_SET_RF */
	"UPDATE orders SET rf_code = ? WHERE id = ?",
	/* STMT_ORDER_ITEMS_1 .. _LAST: 1 to ORDER_ITEMS_BATCH rows */
	ITEMS_1, ITEMS_2, ITEMS_3, ITEMS_4, ITEMS_5, ITEMS_6, ITEMS_7,
	ITEMS_8,
	/* STMT_ORDER_GET: order_tab */
	"SELECT " GET_COLS "FROM orders o WHERE " GET_WHERE,
	/* STMT_ORDER_ITEMS: item_tab */
	"SELECT " ITEM_COLS(DBQ_SQL) " FROM order_items i WHERE i.order_id = ? "
	"ORDER BY i.id",
	/* STMT_ORDER_SET_REFUND_DUE */
	"UPDATE orders SET refund_due = ? WHERE id = ?",
	/* STMT_ORDER_LIST_PAGE_COMPANY: one's own orders and the company's
	 * (RULES 5: members act for their company); as LIST_PAGE */
	"SELECT " PAGE_LIST_SQL " FROM orders WHERE user_id = ? "
	"UNION SELECT " PAGE_LIST_SQL " FROM orders "
	"WHERE company_id = ? "
	"ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
	/* STMT_ORDER_PAGE: STMT_ORDER_GET with its frozen address (row kind
	 * 0), its items (1), its history (2), its shipment (3), its tracking
	 * events (4) and its owner's plan with one row per installment (5) in
	 * one UNION, enum page_col; each part in the order the statement of
	 * its own reads it (the installments in the plan's key order, sorted
	 * again by db_order_page) */
	"SELECT " GET_COLS ", " NUL_ITEM NUL_EVENT DB_ORDER_ADDRESS_COLS("o")
	", " NUL_SHIP NUL_TRACK NUL_PLAN "0 AS rk, 0 AS k1, 0 AS k2 "
	"FROM orders o WHERE " GET_WHERE
	"UNION ALL (SELECT " NUL_ORDER ITEM_COLS(DBQ_SQL) ", " NUL_EVENT
	NUL_ADDR NUL_SHIP NUL_TRACK NUL_PLAN
	"1, i.id, 0 FROM orders o JOIN order_items i ON i.order_id = o.id "
	"WHERE " GET_WHERE "ORDER BY i.id" DBQ_PART_END
	"UNION ALL (SELECT " NUL_ORDER NUL_ITEM DB_EVENT_ROW_COLS(DBQ_SQL) ", "
	NUL_ADDR NUL_SHIP NUL_TRACK NUL_PLAN "2, "
	"e.at, e.id FROM orders o JOIN events e ON e.subject_type = 'order' "
	"AND e.subject_id = o.id LEFT JOIN users u ON u.id = e.actor_id WHERE "
	GET_WHERE "ORDER BY e.at, e.id" DBQ_PART_END
	"UNION ALL SELECT " NUL_ORDER NUL_ITEM NUL_EVENT NUL_ADDR
	DB_SHIP_COLS(DBQ_SQL) ", " NUL_TRACK NUL_PLAN
	"3, 0, 0 FROM orders o JOIN shipments s ON s.order_id = o.id WHERE "
	GET_WHERE
	"UNION ALL (SELECT " NUL_ORDER NUL_ITEM NUL_EVENT NUL_ADDR NUL_SHIP
	DB_TRACK_COLS(DBQ_SQL) ", " NUL_PLAN "4, "
	"t.at, t.id FROM orders o JOIN tracking_events t ON t.order_id = o.id "
	"WHERE " GET_WHERE "ORDER BY t.at, t.id" DBQ_PART_END
	"UNION ALL SELECT " NUL_ORDER NUL_ITEM NUL_EVENT NUL_ADDR NUL_SHIP
	NUL_TRACK DB_PLAN_COLS(DBQ_SQL) ", " DB_PLAN_INST_COLS(DBQ_SQL, "pi")
	", 5, pi.seq, 0 FROM orders o JOIN plans p ON "
	"p.order_id = o.id AND p.user_id = o.user_id " DB_PLAN_JOIN
	"LEFT JOIN plan_installments pi ON pi.plan_id = p.id WHERE " GET_WHERE,
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_ORDER)

/* Read the list_tab columns of an order list row into *o, zeroed first,
 * and *r, zeroed first: 0, or -1 (logged) when the currency, the status or
 * the method is unknown and the caller skips the row. */
static int
list_read(struct dbq *q, struct db_order_row *o, struct list_row *r)
{
	memset(o, 0, sizeof(*o));
	memset(r, 0, sizeof(*r));
	if (dbq_read(q, 0, &list_tab, r) == -1)
		return -1;
	o->id = r->id;
	if (money_set(&o->amount_due, r->amount_due_minor, r->currency) == -1) {
		log_warn("db: order %lld has an unknown currency",
		    (long long)o->id);
		return -1;
	}
	o->status = r->status;
	o->method = r->method;
	o->created_at = r->created_at;
	return 0;
}

/* dbq_list_keep fill for db_order_list_by_user(): a list_tab row into
 * *arg, a struct db_order_row; -1 leaves it out. */
static int
order_row(struct dbq *q, void *arg)
{
	struct list_row r;

	return list_read(q, arg, &r);
}

/* dbq_list fill for the order list pages: a list_tab row with the fee
 * and the deferred amount (more_tab). A row of an unknown currency or
 * status is kept with id 0, so that it still counts for the page's "more"
 * row; the caller drops it. */
static void
page_row(struct dbq *q, void *arg)
{
	struct db_order_row	*o = arg;
	struct list_row		 r;

	if (list_read(q, o, &r) == -1) {
		o->id = 0;
		return;
	}
	(void)dbq_read(q, (int)list_tab.n, &more_tab, &r);
	money_set(&o->fee, r.fee_minor, o->amount_due.cur);
	money_set(&o->deferred, r.deferred_minor, o->amount_due.cur);
}

/* See order.h. */
int
db_order_list_by_user(struct db *db, int64_t user_id, size_t limit,
    struct db_order_row **out, size_t *n)
{
	return dbq_list_keep(dbq_bind(get(db, STMT_ORDER_LIST_BY_USER),
	    DBQ_I(user_id), DBQ_I((int64_t)limit)), sizeof(**out), order_row,
	    NULL, (void **)out, n);
}

/* See order.h. */
int
db_order_list_page(struct db *db, int64_t user_id, size_t page, size_t limit,
    struct db_order_row **out, size_t *n, int *more)
{
	return db_order_list_page_company(db, user_id, 0, page, limit, out, n,
	    more);
}

/* See order.h. */
int
db_order_list_page_company(struct db *db, int64_t user_id,
    int64_t company_id, size_t page, size_t limit, struct db_order_row **out,
    size_t *n, int *more)
{
	struct dbq	*q;
	size_t		 i, len = 0;

	*more = 0;
	q = company_id > 0 ? get(db, STMT_ORDER_LIST_PAGE_COMPANY) :
	    get(db, STMT_ORDER_LIST_PAGE);
	if (q != NULL) {
		dbq_int(q, user_id);
		if (company_id > 0)
			dbq_int(q, company_id);
		/* One row more than shown tells whether a next page exists. */
		dbq_bind(q, DBQ_I((int64_t)limit + 1),
		    DBQ_I((int64_t)(page * limit)));
	}
	if (dbq_list(q, sizeof(**out), page_row, (void **)out, n) == -1)
		return -1;
	if (*n > limit) {
		*more = 1;
		*n = limit;
	}
	/* Drop the rows of an unknown currency (id 0, logged). */
	for (i = 0; i < *n; i++)
		if ((*out)[i].id != 0)
			(*out)[len++] = (*out)[i];
	*n = len;
	return 0;
}

/* dbq_one_fn fill: the payment method in column 0 into *method. */
static int
method_fill(struct dbq *q, void *method)
{
	return dbq_col_pay_method(q, 0, method);
}

/* See order.h. */
int
db_order_lock_method(struct db *db, int64_t id, enum pay_method *method)
{
	return dbq_one_fn(dbq_bind(get(db, STMT_ORDER_LOCK_METHOD), DBQ_I(id)),
	    method_fill, method);
}

/* See order.h. */
int
db_order_set_status(struct db *db, int64_t id, enum order_status from,
    enum order_status to, int64_t now)
{
	struct dbq	*q;

	if (order_status_name(from) == NULL || order_status_name(to) == NULL)
		return -1;
	q = get(db, STMT_ORDER_SET_STATUS);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(order_status_name(to)), DBQ_I(now),
	    DBQ_S(order_status_name(to)), DBQ_I(now),
	    DBQ_S(order_status_name(to)), DBQ_I(id),
	    DBQ_S(order_status_name(from)));
	return dbq_exec_one(q);
}

/* Bind the ship_* columns of STMT_ORDER_INSERT: a (its book row a->id,
 * its delivery days), or NULLs for no address. */
static void
bind_ship(struct dbq *q, const struct db_address *a)
{
	int i;

	if (a == NULL) {
		for (i = 0; i < 10; i++)
			dbq_null(q);
		return;
	}
	dbq_id_opt(q, a->id);
	db_address_bind(q, a);
	dbq_int(q, a->delivery_days);
}

/* See order.h. */
int64_t
db_order_insert(struct db *db, const struct db_order_new *o)
{
	struct dbq	*q;

	if (order_status_name(o->status) == NULL ||
	    pay_method_name(o->method) == NULL)
		return -1;
	q = get(db, STMT_ORDER_INSERT);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(o->user_id), DBQ_IDO(o->company_id),
	    DBQ_S(order_status_name(o->status)),
	    DBQ_S(pay_method_name(o->method)), DBQ_S(o->currency),
	    DBQ_S(o->usd_per_unit), DBQ_I(o->items_total_minor),
	    DBQ_I(o->coupon_minor), DBQ_I(o->points_minor),
	    DBQ_I(o->amount_due_minor), DBQ_I(o->fee_minor),
	    DBQ_I(o->deferred_minor), DBQ_I(o->amount_usd_minor),
	    DBQ_S(o->country), DBQ_S(o->region_code), DBQ_S(o->idempotency_key),
	    DBQ_SO(o->institution_id), DBQ_IDO(o->term), DBQ_SO(o->coupon_code),
	    DBQ_I(o->points_used), DBQ_SO(o->review_due),
	    DBQ_SO(o->payment_due),
	    DBQ_S(o->settlement_note != NULL ? o->settlement_note : ""),
	    DBQ_S(o->verdicts), DBQ_SO(o->params_hash), DBQ_I(o->now),
	    DBQ_I(o->now));
	bind_ship(q, o->ship);
	return dbq_exec_insert(q);	/* 0: the idempotency key is taken */
}

/* See order.h. */
int64_t
db_order_by_key(struct db *db, int64_t user_id, const char *key,
    char *params_hash, size_t hashsz)
{
	struct key_row	r;
	int		rc;

	if (params_hash != NULL && hashsz > 0)
		params_hash[0] = '\0';
	rc = dbq_one(dbq_bind(get(db, STMT_ORDER_BY_KEY), DBQ_I(user_id),
	    DBQ_S(key)), &key_tab, &r);
	if (rc != 1)
		return rc;
	if (params_hash != NULL && hashsz > 0)
		snprintf(params_hash, hashsz, "%s", r.params_hash);
	return r.id;
}

/* See order.h. */
int
db_order_set_rf_code(struct db *db, int64_t id, const char *rf)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_ORDER_SET_RF), DBQ_S(rf),
	    DBQ_I(id)), NULL);
}

/* See order.h. */
int
db_order_items_insert(struct db *db, int64_t order_id,
    const struct db_order_item_new *it, size_t n)
{
	struct dbq	*q;
	size_t		 i = 0, j, k;
	int		 idx;

	while (i < n) {
		k = n - i < ORDER_ITEMS_BATCH ? n - i : ORDER_ITEMS_BATCH;
		idx = STMT_ORDER_ITEMS_1 + (int)k - 1;
		if ((q = get(db, idx)) == NULL)
			return -1;
		for (j = i; j < i + k; j++)
			dbq_bind(q, DBQ_I(order_id), DBQ_I(it[j].product_id),
			    DBQ_S(it[j].name), DBQ_I(it[j].qty),
			    DBQ_I(it[j].unit_price_minor), DBQ_S(it[j].currency),
			    DBQ_I(it[j].durable != 0), DBQ_I(it[j].high_value != 0),
			    DBQ_I(it[j].pre_order != 0),
			    DBQ_I(it[j].customized != 0),
			    DBQ_I(it[j].special_customs != 0),
			    DBQ_I(it[j].pay_after_use != 0));
		if (dbq_exec_done(q, NULL) == -1)
			return -1;
		i += k;
	}
	return 0;
}

/* Read the current STMT_ORDER_GET row (order_tab) into *o: 0, or -1
 * (logged) for an unknown status or method. */
static int
read_order(struct dbq *q, struct db_order *o)
{
	return dbq_read(q, 0, &order_tab, o);
}

/* See order.h. */
int
db_order_get(struct db *db, int64_t user_id, int64_t id, struct db_order *o)
{
	struct dbq	*q;
	int		 rc;

	memset(o, 0, sizeof(*o));
	q = get(db, STMT_ORDER_GET);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(id), DBQ_I(user_id), DBQ_I(user_id));
	if ((rc = dbq_exec_fetch(q)) == 1 && read_order(q, o) == -1)
		rc = -1;
	dbq_done(q);
	return rc;
}

/* Read the ITEM_COLS of the current row, from column c, into *it: 0, or
 * -1 for an unknown currency. */
static int
item_at(struct dbq *q, int c, struct db_order_item *it)
{
	struct item_row r;

	memset(&r, 0, sizeof(r));
	(void)dbq_read(q, c, &item_tab, &r);
	it->product_id = r.product_id;
	snprintf(it->name, sizeof(it->name), "%s", r.name);
	it->qty = r.qty;
	if (money_set(&it->unit_price, r.unit_price_minor, r.currency) == -1)
		return -1;
	it->pay_after_use = r.pay_after_use;
	return 0;
}

/* dbq_list_keep fill for db_order_items(): the current row (item_tab)
 * into *arg, a struct db_order_item; -1 (left out) for an unknown
 * currency. */
static int
fill_item(struct dbq *q, void *arg)
{
	return item_at(q, 0, arg);
}

/* See order.h. */
int
db_order_items(struct db *db, int64_t order_id, struct db_order_item **out,
    size_t *n)
{
	return dbq_list_keep(dbq_bind(get(db, STMT_ORDER_ITEMS),
	    DBQ_I(order_id)), sizeof(**out), fill_item, NULL, (void **)out, n);
}

/* See order.h. */
int
db_order_set_refund_due(struct db *db, int64_t id, const char *day)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_ORDER_SET_REFUND_DUE),
	    DBQ_SO(day), DBQ_I(id)), NULL);
}

/* One row of STMT_ORDER_PAGE into *pg (by its kind): 0, or -1 for an
 * order of unknown status or method. An item of unknown currency is
 * left out (as db_order_items does). */
static int
page_read_row(struct dbq *q, struct db_order_page *pg, size_t cap[4])
{
	struct db_order_item it;

	switch (dbq_col_int(q, PAGE_C_KIND)) {
	case 0:
		pg->found = 1;
		if ((pg->has_addr = !dbq_col_null(q, PAGE_C_ADDR + 1)))
			db_order_address_at(q, PAGE_C_ADDR, &pg->addr);
		return read_order(q, &pg->o);
	case 1:
		memset(&it, 0, sizeof(it));
		if (item_at(q, PAGE_C_ITEM, &it) == 0)
			*(struct db_order_item *)xappend((void **)&pg->items,
			    &pg->nitems, &cap[0], sizeof(it)) = it;
		return 0;
	case 2:
		db_event_row_at(q, PAGE_C_EVENT, xappend((void **)&pg->events,
		    &pg->nevents, &cap[1], sizeof(*pg->events)));
		return 0;
	case 3:
		pg->has_ship = 1;
		db_ship_at(q, PAGE_C_SHIP, &pg->ship);
		return 0;
	case 4:
		db_track_at(q, PAGE_C_TRACK, xappend((void **)&pg->tr,
		    &pg->ntr, &cap[2], sizeof(*pg->tr)));
		return 0;
	default:
		if (pg->plan == 0)
			pg->plan = db_plan_at(q, PAGE_C_PLAN, &pg->pl) == -1 ?
			    -1 : 1;
		if (pg->plan == 1 && !dbq_col_null(q, PAGE_C_INST))
			db_plan_inst_at(q, PAGE_C_INST, xappend((void **)
			    &pg->inst, &pg->ninst, &cap[3],
			    sizeof(*pg->inst)));
		return 0;
	}
}

/* See order.h. One statement: a UNION of the order with its items, its
 * history, its address, its shipment, its tracking and its plan with the
 * installments, each row of one kind. */
int
db_order_page(struct db *db, int64_t user_id, int64_t id,
    struct db_order_page *pg)
{
	struct dbq	*q;
	size_t		 cap[4] = { 0, 0, 0, 0 };
	int		 rc = -1, i;

	memset(pg, 0, sizeof(*pg));
	q = get(db, STMT_ORDER_PAGE);
	if (q == NULL)
		return -1;
	for (i = 0; i < 6; i++) {
		dbq_bind(q, DBQ_I(id), DBQ_I(user_id), DBQ_I(user_id));
	}
	if (dbq_exec(q) == 0)
		while ((rc = dbq_fetch(q)) == 1)
			if (page_read_row(q, pg, cap) == -1) {
				rc = -1;
				break;
			}
	dbq_done(q);
	if (rc == -1) {
		db_order_page_cleanup(pg);
		return -1;
	}
	db_plan_inst_sort(pg->inst, pg->ninst);
	return pg->found;
}

/* See order.h. */
void
db_order_page_cleanup(struct db_order_page *pg)
{
	free(pg->items);
	db_event_rows_free(pg->events, pg->nevents);
	free(pg->tr);
	free(pg->inst);
	memset(pg, 0, sizeof(*pg));
}
