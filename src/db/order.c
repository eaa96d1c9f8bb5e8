/*
 * orders: reading a shopper's own orders. Later issues add placing orders and
 * their state transitions here. SQL only, bound parameters only (DESIGN.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "db/db.h"
#include "db/order.h"
#include "db/stmt.h"

enum stmt {
	STMT_ORDER_LIST_BY_USER,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_ORDER_LIST_BY_USER */
	"SELECT id, status, method, amount_due_minor, currency, created_at "
	"FROM orders WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
};

/* See order.h. */
int
db_order_list_by_user(struct db *db, int64_t user_id, size_t limit,
    struct db_order_row **out, size_t *n)
{
	struct dbq		*q;
	struct db_order_row	*v = NULL, *o;
	size_t			 cap = 0, len = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	q = dbq_get(db, DB_T_ORDER, STMT_ORDER_LIST_BY_USER,
	    stmts[STMT_ORDER_LIST_BY_USER]);
	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_int(q, (int64_t)limit);
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof(*v));
		}
		o = &v[len];
		memset(o, 0, sizeof(*o));
		o->id = dbq_col_int(q, 0);
		if (money_set(&o->amount_due, dbq_col_int(q, 3),
		    dbq_col_str(q, 4, NULL)) == -1) {
			log_warn("db: order %lld has an unknown currency",
			    (long long)o->id);
			continue;
		}
		snprintf(o->status, sizeof(o->status), "%s",
		    dbq_col_str(q, 1, NULL));
		snprintf(o->method, sizeof(o->method), "%s",
		    dbq_col_str(q, 2, NULL));
		o->created_at = dbq_col_int(q, 5);
		len++;
	}
	dbq_done(q);
	if (rc == -1) {
		free(v);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}
