#ifndef MALLPAY_SERVICE_CORP_ROAD_H
#define MALLPAY_SERVICE_CORP_ROAD_H

/*
 * The corporate installment's road as members and admins read it (RULES
 * INST-CORP): approved -> agreement signed -> down payment received (an
 * admin or a bank statement line records it) -> in effect -> ready to
 * ship; then repayments by bank transfer (INST-P3). Words for its states
 * and the order page's next step in each.
 */

#include <stdint.h>

#include "core/lifecycle.h"

struct db;
struct order_action;

/* The application status s in words ("Waiting for review", "In effect",
 * ...); "" when out of range. */
const char *corp_app_status_words(enum corp_app_status s);

/* 1 when order_id is a corporate installment's order of user_id or of
 * company_id (> 0), else 0 (also on a database error). */
int	corp_order_is_members(struct db *, int64_t order_id, int64_t user_id,
	    int64_t company_id);

/* Refine *a (order_next_action()'s answer) for corporate order
 * order_id by its application: sign the agreement, then transfer the
 * down payment (payee account and reference), then the schedule. *a
 * points at text valid until the next call on this thread. Nothing
 * changes when the order has no application or on a database error. */
void	corp_next_action(struct db *, int64_t order_id,
	    struct order_action *a);

#endif
