#ifndef MALLPAY_DB_ORDER_H
#define MALLPAY_DB_ORDER_H

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"

struct db;

/* One order as "My Orders" lists it. */
struct db_order_row {
	int64_t		 id;
	char		 status[33];
	char		 method[33];
	struct money	 amount_due;	/* amount_due_minor in the order's currency */
	int64_t		 created_at;
};

/* The orders placed by user_id, newest first, at most limit of them. *out is
 * an array of *n (NULL, 0 when none) to free with free(). Rows with an unknown
 * currency are skipped (logged). Returns 0 or -1 (nothing to free). */
int	db_order_list_by_user(struct db *, int64_t user_id, size_t limit,
	    struct db_order_row **out, size_t *n);

#endif
