#ifndef MALLPAY_SERVICE_ORDERFLOW_H
#define MALLPAY_SERVICE_ORDERFLOW_H

/*
 * One order, one state machine (DESIGN.md; STATE.md status names). Every
 * use case changes an order's status only through orderflow_transition():
 * UPDATE orders SET status = to WHERE id = ? AND status = from (exactly
 * one row) plus the append-only event (RULES C-07), inside the caller's
 * transaction. The allowed moves are the one table in orderflow.c.
 */

#include <stdint.h>

#include "core/order_status.h"
#include "core/pay_method.h"
#include "core/result.h"
#include "service/actor.h"

struct db;

/* 1 if s names one of the statuses of STATE.md, else 0. */
int	orderflow_known(const char *s);

/* The i-th status of STATE.md in the state machine's order (0-based), or
 * NULL past the last: the list a filter offers. */
const char *orderflow_status_at(size_t i);

/* The i-th payment method (0-based), or NULL past the last. */
const char *orderflow_method_at(size_t i);

/* Pure: 1 if an order paid with method may go from `from` to `to` when
 * actor acts, else 0 (values out of range are refused). */
int	orderflow_allowed(enum order_status from, enum order_status to,
	    enum of_actor actor, enum pay_method method);

/* The first status of an order paid with m (checkout), or OS__MAX for
 * a value out of range. */
enum order_status orderflow_first_status(enum pay_method m);

/* 1 if the shopper may still cancel an order in status s with method
 * (before shipment, where the table lets the user cancel). */
int	orderflow_user_can_cancel(enum order_status status,
	    enum pay_method method);

/* Move order_id from `from` to `to` inside the caller's open transaction:
 * reads the order's method (locking the row), checks orderflow_allowed(),
 * updates status/updated_at (and completed_at for OS_COMPLETED) WHERE
 * status = from, then appends the event (actor, actor_id 0 = none, now,
 * reason). Returns RES_OK, RES_NOT_ALLOWED, RES_CHANGED (not in `from` any
 * more, or no such order) or RES_ERROR. On anything but RES_OK nothing was
 * written; the caller rolls back on RES_ERROR. */
enum result orderflow_transition(struct db *, int64_t order_id,
	    enum order_status from, enum order_status to, enum of_actor actor,
	    int64_t actor_id, const char *reason, int64_t now);

#endif
