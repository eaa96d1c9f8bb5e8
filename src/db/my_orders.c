/*
 * My Orders' list and an order's receipts (see my_orders.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/money.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/my_orders.h"
#include "db/stmt.h"

/* The columns of a row (struct db_receipt), each with its SQL. */
#define RECEIPT_COLS(C) \
	C(INT,	id,		"MIN(id)") \
	C(TEXT,	entry_key,	", entry_key") \
	C(TEXT,	kind,		", kind") \
	C(TEXT,	currency,	", currency") \
	C(INT,	paid_minor,	", -SUM(IF(account LIKE '%:receivable' AND amount_minor < 0, amount_minor, 0))") \
	C(TEXT,	partner,	", COALESCE(MAX(partner), '')") \
	C(TEXT,	partner_ref,	", COALESCE(MAX(partner_ref), '')") \
	C(INT,	at,		", MIN(created_at)")
#define RECEIPT_FIELD(t, m, sql)	DBQ_FIELD(struct db_receipt, t, m)
DBQ_ROWS(receipt_tab, struct db_receipt, RECEIPT_COLS, RECEIPT_FIELD);

enum stmt {
	STMT_PAGE,
	STMT_PAGE_FILTERED,
	STMT_PAGE_COMPANY,
	STMT_PAGE_COMPANY_FILTERED,
	STMT_RECEIPTS,
	STMT__MAX
};

/* The columns of a list row (enum col): the order, its lines' summary
 * (kept with the order when its lines are written: sql/044), its placer,
 * its Pay After Use charge and its COD refusal charges (what is still
 * owed, and the oldest debt still open); then its filters: status,
 * method, then the order number or a product's name. */
#define LIST_COLS \
	"SELECT o.id, o.status, o.method, o.amount_due_minor, o.currency, " \
	"o.created_at, o.fee_minor, o.deferred_minor, " \
	"o.items_names, o.items_count, o.items_category, o.user_id, " \
	"pc.amount_minor + pc.late_fee_minor, pc.paid_minor, " \
	"pc.status = 'open', " \
	"IF(o.method = 'cod', d.amount_minor, NULL), " \
	"IF(o.method = 'cod' AND COALESCE(d.settled_at, 0) <= 0, " \
	"d.amount_minor, NULL), " \
	"IF(o.method = 'cod' AND COALESCE(d.settled_at, 0) <= 0, d.id, NULL) " \
	"FROM orders o LEFT JOIN pau_charges pc ON pc.order_id = o.id " \
	"LEFT JOIN account_debts d ON d.order_id = o.id AND " \
	"d.kind = 'cod_refusal' "
#define LIST_FILTER \
	" AND (? = '' OR o.status = ?) AND (? = '' OR o.method = ?) " \
	"AND ((? = 0 AND ? = '') OR o.id = ? OR (? <> '' AND EXISTS " \
	"(SELECT 1 FROM order_items i WHERE i.order_id = o.id AND " \
	"i.name LIKE ?)))"

enum col {
	C_ID, C_STATUS, C_METHOD, C_AMOUNT, C_CURRENCY, C_CREATED_AT, C_FEE,
	C_DEFERRED, C_PRODUCTS, C_NPRODUCTS, C_CATEGORY, C_USER, C_PAU_CHARGE,
	C_PAU_PAID, C_PAU_OPEN, C_COD_CHARGE, C_COD_DEBT, C_COD_DEBT_ID
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_PAGE: enum col */
	LIST_COLS "WHERE o.user_id = ?"
	" ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
	/* STMT_PAGE_FILTERED */
	LIST_COLS "WHERE o.user_id = ?" LIST_FILTER
	" ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
	/* STMT_PAGE_COMPANY: one's own orders and the company's (RULES 5) */
	"SELECT * FROM (" LIST_COLS "WHERE o.user_id = ?"
	" UNION " LIST_COLS "WHERE o.company_id = ?"
	") u ORDER BY 6 DESC, 1 DESC LIMIT ? OFFSET ?",
	/* STMT_PAGE_COMPANY_FILTERED */
	"SELECT * FROM (" LIST_COLS "WHERE o.user_id = ?" LIST_FILTER
	" UNION " LIST_COLS "WHERE o.company_id = ?" LIST_FILTER
	") u ORDER BY 6 DESC, 1 DESC LIMIT ? OFFSET ?",
	/* STMT_RECEIPTS: an entry of money paid takes it off a receivable */
	"SELECT " RECEIPT_COLS(DBQ_SQL)
	" FROM ledger_lines WHERE order_id = ? AND kind IN "
	"('down_payment', 'installment', 'payoff', 'cod_collection', "
	"'remittance_receipt', 'pau_charge', 'transfer', "
	"'debt_payment') GROUP BY entry_key, kind, currency ORDER BY "
	"MIN(id)",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_MY_ORDERS)

/* Bind the filters of q (LIST_FILTER) with like, its LIKE pattern. */
static void
bind_filter(struct dbq *s, const struct db_my_orders_query *q,
    const char *like)
{
	dbq_bind(s, DBQ_S(q->status), DBQ_S(q->status), DBQ_S(q->method),
	    DBQ_S(q->method), DBQ_I(q->order_id), DBQ_S(q->text),
	    DBQ_I(q->order_id), DBQ_S(q->text), DBQ_S(like));
}

/* dbq_list fill of a list row; a row of an unknown currency gets id 0. */
static void
row(struct dbq *q, void *arg)
{
	struct db_my_order	*o = arg;
	const char		*cur = dbq_col_str(q, C_CURRENCY, NULL);

	memset(o, 0, sizeof(*o));
	o->r.id = dbq_col_int(q, C_ID);
	if (money_set(&o->r.amount_due, dbq_col_int(q, C_AMOUNT), cur) == -1) {
		log_warn("db: order %lld has an unknown currency",
		    (long long)o->r.id);
		o->r.id = 0;
		return;
	}
	/* A row naming no known status or method is left out, as the
	 * order list does. */
	if (dbq_col_order_status(q, C_STATUS, &o->r.status) == -1 ||
	    dbq_col_pay_method(q, C_METHOD, &o->r.method) == -1) {
		o->r.id = 0;
		return;
	}
	o->r.created_at = dbq_col_int(q, C_CREATED_AT);
	money_set(&o->r.fee, dbq_col_int(q, C_FEE), cur);
	money_set(&o->r.deferred, dbq_col_int(q, C_DEFERRED), cur);
	dbq_col_copy(q, C_PRODUCTS, o->products, sizeof(o->products));
	o->nproducts = (int)dbq_col_int(q, C_NPRODUCTS);
	dbq_col_copy(q, C_CATEGORY, o->category, sizeof(o->category));
	o->user_id = dbq_col_int(q, C_USER);
	if ((o->has_pau = !dbq_col_null(q, C_PAU_CHARGE))) {
		o->pau_charge = dbq_col_int(q, C_PAU_CHARGE);
		o->pau_paid = dbq_col_int(q, C_PAU_PAID);
		o->pau_open = dbq_col_int(q, C_PAU_OPEN) != 0;
	}
	o->cod_charge = dbq_col_int(q, C_COD_CHARGE);
	o->cod_debt = dbq_col_int(q, C_COD_DEBT);
	o->cod_debt_id = dbq_col_int(q, C_COD_DEBT_ID);
}

/* See my_orders.h. */
int
db_my_orders_page(struct db *db, const struct db_my_orders_query *q,
    struct db_my_order **out, size_t *n, int *more)
{
	struct dbq	*s;
	char		 like[210];
	size_t		 i, len = 0;
	int		 filtered;

	*more = 0;
	db_like_contains(q->text, like, sizeof(like));
	/* Without a filter, statements without its conditions: MariaDB
	 * prepares the EXISTS of a text search on every run otherwise. */
	filtered = q->status[0] != '\0' || q->method[0] != '\0' ||
	    q->order_id != 0 || q->text[0] != '\0';
	s = get(db, q->company_id > 0 ?
	    (filtered ? STMT_PAGE_COMPANY_FILTERED : STMT_PAGE_COMPANY) :
	    (filtered ? STMT_PAGE_FILTERED : STMT_PAGE));
	if (s != NULL) {
		dbq_int(s, q->user_id);
		if (filtered)
			bind_filter(s, q, like);
		if (q->company_id > 0) {
			dbq_int(s, q->company_id);
			if (filtered)
				bind_filter(s, q, like);
		}
		/* One row more than shown tells whether a next page exists. */
		dbq_bind(s, DBQ_I((int64_t)q->per_page + 1),
		    DBQ_I((int64_t)(q->page * q->per_page)));
	}
	if (dbq_list(s, sizeof(**out), row, (void **)out, n) == -1)
		return -1;
	if (*n > q->per_page) {
		*more = 1;
		*n = q->per_page;
	}
	for (i = 0; i < *n; i++)
		if ((*out)[i].r.id != 0)
			(*out)[len++] = (*out)[i];
	*n = len;
	return 0;
}

/* See my_orders.h. */
int
db_receipts_of_order(struct db *db, int64_t order_id, struct db_receipt **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_RECEIPTS), DBQ_I(order_id)),
	    &receipt_tab, (void **)out, n);
}
