#ifndef MALLPAY_SERVICE_ORDERS_H
#define MALLPAY_SERVICE_ORDERS_H

/*
 * "My Orders" use cases: read one's own order with its lines and
 * timeline, cancel before shipment (refund rule and date of the method:
 * INST-C1, REM-P8, COD), confirm receipt. Every status change goes
 * through orderflow_transition() in one transaction.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/result.h"
#include "db/event.h"
#include "db/order.h"
#include "rules/deadlines.h"
#include "service/address.h"
#include "service/orderflow.h"

struct db;
struct plan_view;

/* The use cases below answer enum result (core/result.h): RES_NOT_FOUND
 * (no such order of this user), RES_NOT_ALLOWED (the state machine forbids
 * it now), RES_CHANGED (changed meanwhile by someone else), RES_FORBIDDEN (a
 * member of the order's company who may not act on its orders), RES_ERROR
 * (database: nothing changed). */

/* The holidays (C-04) of the calendar table, sorted by day, as dates:
 * *out (xcalloc'd, the caller frees; never NULL on success) with *n of
 * them (rows that do not parse are skipped). Returns 0, or -1 on a database
 * error (then *out is NULL and *n 0). */
int	order_holidays(struct db *, mp_date **out, size_t *n);

/* order_refund_rule() for today (from now) with the holiday table, as a
 * cancellation now would promise it; with plan (not NULL), the plan paid
 * into, its incurred fees and refund with their amounts
 * (plan_cancel_preview). Returns 0 or -1 (database). */
int	order_refund_preview(struct db *, enum pay_method method,
	    enum order_status status, const struct plan_view *plan,
	    int64_t now, struct refund_rule *out);

/* One order with its lines and timeline (order_page_load). */
struct order_view {
	struct db_order		 o;
	struct db_order_item	*items;
	size_t			 nitems;
	struct db_event_row	*events;
	size_t			 nevents;
	struct order_address	 addr;		/* where it ships */
	int			 has_addr;
};

/* Free what *v owns and zero it; takes NULL. */
void	order_view_cleanup(struct order_view *v);

/* user_id cancels order id before shipment where the method allows it
 * (orderflow: the user may move it to "cancelled"), in one transaction:
 * the transition and its event (user_id the actor), the refund date stored
 * (INST-C1 7, REM-P8 20 business days), points given back and credit line
 * released to the placer, a message to the placer. user_id is the placer,
 * or a member of the order's company who may place orders (RULES 5: acts
 * for the company); another member is RES_FORBIDDEN, anyone else
 * RES_NOT_FOUND. *rule gets the rule shown. */
enum result order_cancel(struct db *, int64_t user_id, int64_t id,
	    int64_t now, struct refund_rule *rule);

/* delivered -> receipt_confirmed for order id by actor (OF_USER: user_id,
 * the placer or a member of the order's company who may place orders, as
 * order_cancel() decides; OF_SYSTEM: the auto-confirmation of PAU-03,
 * user_id 0), one transaction. The per-method effects of a confirmed receipt
 * (PAU-03 deduction, INST-CL lender paying the merchant) hook into
 * order_receipt_effects() in orders.c. */
enum result order_confirm_receipt(struct db *, int64_t user_id,
	    int64_t id, enum of_actor actor, int64_t now);

/* The shopper's next step on an order (My Orders). */
struct order_action {
	const char	*label;		/* "Upload Remittance Voucher", ... */
	const char	*href_head;	/* link before the order id: "/orders/" */
	const char	*href_tail;	/* and after it: "/voucher", "" */
	const char	*next;		/* what happens next, one sentence */
};

/* Pure: the next action for an order paid with method in status. Never
 * fails (unknown statuses get "View order"). */
void	order_next_action(enum pay_method method, enum order_status status,
	    struct order_action *out);

#endif
