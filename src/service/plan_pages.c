/*
 * The installment pages' reads (service/plan_pages.h).
 */
#include "db/order.h"
#include "db/plan.h"
#include "service/plan_pages.h"

/* See plan_pages.h. */
int
plan_order_get(struct db *db, int64_t user_id, int64_t id,
    struct db_order *o)
{
	return db_order_get(db, user_id, id, o);
}

/* See plan_pages.h. */
int
plan_of_order(struct db *db, int64_t user_id, int64_t order_id,
    struct db_plan *p)
{
	return db_plan_by_order(db, user_id, order_id, p);
}

/* See plan_pages.h. */
int
plan_of_id(struct db *db, int64_t id, struct db_plan *p)
{
	return db_plan_by_id(db, id, p);
}

/* See plan_pages.h. The platform maximum is a demo USD 15,000 unless
 * set. */
int
plan_credit_line_get(struct db *db, int64_t user_id, int64_t *limit,
    int64_t *used)
{
	int64_t	cap = 1500000;
	int	rc;

	*limit = 0;
	*used = 0;
	if ((rc = db_plan_credit_line(db, user_id, limit, used)) != 1)
		return rc;
	if (db_plan_setting(db, "credit_line_max_usd_minor", 1500000,
	    &cap) == 0 && *limit > cap)
		*limit = cap;
	return 1;
}
