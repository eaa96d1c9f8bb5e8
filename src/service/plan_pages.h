#ifndef MALLPAY_SERVICE_PLAN_PAGES_H
#define MALLPAY_SERVICE_PLAN_PAGES_H

/*
 * What the installment pages read besides the use cases of
 * service/plans.h: the shopper's order, an order's or a plan's plan row,
 * the credit line.
 */

#include <stdint.h>

#include "db/order.h"
#include "db/plan.h"

/* user_id's order id into *o: 1, 0 none of theirs, -1. */
int	plan_order_get(struct db *, int64_t user_id, int64_t id,
	    struct db_order *o);

/* The plan of user_id's order order_id into *p: 1, 0 none, -1. */
int	plan_of_order(struct db *, int64_t user_id, int64_t order_id,
	    struct db_plan *p);

/* Plan id into *p: 1, 0 none, -1. */
int	plan_of_id(struct db *, int64_t id, struct db_plan *p);

/* user_id's credit line (INST-CL): its limit, capped by the platform's
 * maximum (credit_line_max_usd_minor), and what is used, in USD minor
 * units. 1, 0 no credit line, -1. */
int	plan_credit_line_get(struct db *, int64_t user_id, int64_t *limit,
	    int64_t *used);

#endif
