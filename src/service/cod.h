#ifndef MALLPAY_SERVICE_COD_H
#define MALLPAY_SERVICE_COD_H

/*
 * Cash on delivery end to end (RULES section 2) and the shipping
 * road every method shares (DESIGN.md "One order, one state machine").
 *
 * THE SHIPPING API OTHER METHODS USE (inside the caller's open
 * transaction; the caller commits on RES_OK and rolls back otherwise):
 *	shipping_shipped(db, order_id, actor, actor_id, carrier, tracking,
 *	    now, msg, msgsz)	pending_shipment -> shipped (COD-P2): the
 *				shipment row, a tracking event, a message
 *	shipping_delivered(db, order_id, actor, actor_id, now, msg, msgsz)
 *				shipped -> delivered, tracking event, message
 * The logistics partner drives both through POST /partner/logistics/events
 * (service/logistics_events.h) and an admin by hand on
 * /admin/orders/:id/fulfil (pages/cod.c).
 *
 * Every function changing state works in the caller's transaction,
 * changes an order only through orderflow_transition() (with its event)
 * and answers an enum result with a sentence for people in msg.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/lifecycle.h"
#include "core/money.h"
#include "core/result.h"
#include "db/cod.h"
#include "service/orderflow.h"

struct db;

/* Refusal reasons at delivery (COD-P4, COD-F2). */
enum cod_refusal {
	COD_REF_DAMAGED = 0,
	COD_REF_WRONG_ITEM,
	COD_REF_MISSING_ITEMS,
	COD_REF_NO_VALID_REASON,
	COD_REF__MAX
};

/* COD-P5: at most this many reschedulings of the delivery. */
#define COD_MAX_RESCHEDULES	2
/* COD-P7: refund 3-5 business days after the merchant receives the goods. */
#define COD_REFUND_MIN_DAYS	3
#define COD_REFUND_MAX_DAYS	5

/* The name of a refusal reason ("damaged", ...), or NULL. */
const char *cod_refusal_name(enum cod_refusal r);
/* Parse a refusal reason name: 0 or -1. */
int	cod_refusal_parse(const char *s, enum cod_refusal *out);
/* Pure: 1 if refusal r counts against COD permission (COD-F2), 0 for the
 * valid reasons of COD-P4. */
int	cod_refusal_counted(enum cod_refusal r);

/* Shipping (see above). carrier and tracking: 1-64 printable bytes. */
enum result shipping_shipped(struct db *, int64_t order_id,
	    enum of_actor actor, int64_t actor_id, const char *carrier,
	    const char *tracking, int64_t now, char *msg, size_t msgsz);
/* The shipment of order_id was booked through the logistics gateway:
 * the order is booked with the mall's logistics partner (the first
 * booking stays; db_lg_book), whose events alone it then accepts. Inside
 * the caller's transaction, after shipping_shipped(). */
enum result shipping_book_gateway(struct db *, int64_t order_id,
	    int64_t now);
enum result shipping_delivered(struct db *, int64_t order_id,
	    enum of_actor actor, int64_t actor_id, int64_t now, char *msg,
	    size_t msgsz);

/* COD-P1: admin_id approves (-> pending_shipment) or rejects (-> refused,
 * reason required) COD order id that the page showed in `from` (OS__MAX:
 * none or no status), claiming the decision first (a second admin gets
 * RES_DECIDED, "already decided by X at T"). The shopper gets a message
 * either way. */
enum result cod_review(struct db *, int64_t order_id, enum order_status from,
	    int approve, int64_t admin_id, const char *reason, int64_t now,
	    char *msg, size_t msgsz);

/* COD-P2/P5: the delivery day agreed with the shopper (day "YYYY-MM-DD").
 * Whatever event carries it (reschedule: 1 for a "rescheduled" event, 0
 * for "delivery_scheduled"; only the log differs), the first day agreed is
 * the scheduling and every later change of the day a rescheduling: a third
 * one is RES_REFUSED (COD-P5); the day already agreed again changes
 * nothing. Order shipped; once delivered the day is RES_NOT_ALLOWED. */
enum result cod_schedule(struct db *, int64_t order_id, const char *day,
	    int reschedule, enum of_actor actor, int64_t now, char *msg,
	    size_t msgsz);

/* COD-P3/P8: the logistics company's payment report: amount must be what
 * the courier collects (amount due + the COD-F1 fee, in the order's
 * currency); the order completes (shipped or delivered -> completed, via
 * delivered) and users.cod_completed_orders grows by one (COD-07), in the
 * same transaction, with the ledger's sale, COD fee and collection by
 * logistics partner pid (service/postings.h). */
enum result cod_paid_report(struct db *, int64_t order_id, int64_t pid,
	    const struct money *amount, enum collect_method method,
	    const char *record_id, int64_t now, char *msg, size_t msgsz);

/* COD-P4/F2: the shopper refused the goods at delivery. A valid reason
 * cancels the order at no cost and does not count; no valid reason
 * (COD-F2) refuses it, puts round-trip shipping (shipping, order
 * currency, may be NULL: 0) plus the service fee on the account as a debt,
 * records a strike and, on the 3rd (6th ...), suspends COD for 3 months
 * from the refusal (users.cod_suspended_until, message). */
enum result cod_refused(struct db *, int64_t order_id,
	    enum cod_refusal reason, const struct money *shipping,
	    enum of_actor actor, int64_t actor_id, int64_t now, char *msg,
	    size_t msgsz);

/* COD-P3: the shopper (user_id) clicks "Paid" with the voucher photo
 * (file_id, 0 none) or the courier's record id (NULL none; one of the two
 * is needed). Order shipped, delivered or completed (either order of
 * arrival with the partner's report). */
enum result cod_shopper_paid(struct db *, int64_t user_id,
	    int64_t order_id, int64_t file_id, const char *record_id,
	    int64_t now, char *msg, size_t msgsz);

/* COD-P7: after-sales return request by the shopper on a completed COD
 * order (reason required). */
enum result cod_return_request(struct db *, int64_t user_id,
	    int64_t order_id, const char *reason, int64_t now, char *msg,
	    size_t msgsz);

/* COD-P7 (every method): the merchant received the goods back
 * (return_requested -> returned); the refund is due 3-5 business days
 * later: orders.refund_due = the 5th business day, message with both. */
enum result cod_return_received(struct db *, int64_t order_id,
	    enum of_actor actor, int64_t actor_id, int64_t now, char *msg,
	    size_t msgsz);

/* The refund of a returned order was sent (returned -> refunded). */
enum result cod_refund_sent(struct db *, int64_t order_id,
	    int64_t admin_id, int64_t now, char *msg, size_t msgsz);

/* COD-F3: revoke (revoke 1, reason required) or reinstate (0) user_id's
 * COD permission; audited on the user, message to the shopper. */
enum result cod_set_revoked(struct db *, int64_t user_id, int revoke,
	    int64_t admin_id, const char *reason, int64_t now, char *msg,
	    size_t msgsz);

/* A shopper's COD standing for the account page (COD-07, COD-08). */
struct cod_standing {
	struct db_cod_user	 user;
	struct money		 limit_usd;	/* COD-07 ladder limit now */
	struct money		 full_usd;	/* the higher limit */
	int64_t			 to_next;	/* completed orders until it
						   rises; 0 at the top, -1
						   blocked by a violation */
	int			 suspended;	/* COD-F2 now */
	char			 until[11];	/* first day COD is back */
	int64_t			 strikes;	/* counted refusals */
	struct db_cod_refusal	*refusals;
	size_t			 nrefusals;
	struct db_debt		*debts;
	size_t			 ndebts;
};

/* Load user_id's standing at now (free with cod_standing_cleanup, also on
 * failure). Returns 0, or -1. */
int	cod_standing_load(struct db *, int64_t user_id, int64_t now,
	    struct cod_standing *out);
void	cod_standing_cleanup(struct cod_standing *);

/* mallpayctl tick (called from src/ctl/tick.c): COD-P5 cancellations of
 * orders unpaid after the agreed delivery day (COD-P6: no strike) and the
 * end of COD-F2 suspensions, one transaction per item with SELECT ... FOR
 * UPDATE SKIP LOCKED; idempotent. What was done is appended to log (one
 * line each). Returns the number of items done, or -1 on a database
 * error. */
int	cod_tick(struct db *, int64_t now, struct buf *log);

#endif
