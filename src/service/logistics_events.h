#ifndef MALLPAY_SERVICE_LOGISTICS_EVENTS_H
#define MALLPAY_SERVICE_LOGISTICS_EVENTS_H

/*
 * The logistics partner's inbound events (COD-P8; shipping and delivery of
 * EVERY method, DESIGN.md "One order, one state machine"):
 * POST /partner/logistics/events, signed (service/partner_auth.h), a JSON
 * object:
 *
 *   {"event_id": "dx-123", "type": "...", "order_id": 42, ...}
 *
 *   type			further fields (all strings unless said)
 *   shipped			carrier, tracking
 *   delivery_scheduled		date ("YYYY-MM-DD": the day agreed, COD-P2)
 *   rescheduled		date (COD-P5: at most 2; a 3rd is refused 422)
 *   (these three may name the courier who delivers: courier_name and
 *   courier_phone, optional, both or neither; shown to the shopper under
 *   "Logistics details")
 *   delivered			-
 *   paid			amount ("12.50", the order's currency),
 *				currency (optional, must be the order's),
 *				method (cash | mobile | card), record_id
 *   refused			reason (damaged | wrong_item | missing_items |
 *				no_valid_reason), round_trip_shipping
 *				("8.00", required for no_valid_reason)
 *   return_received		- (COD-P7: the merchant got the goods back)
 *
 * Answers: 200 {"ok": true, "order_id", "status", "message",
 * "event_sha256"}; the same event (id and fields) again -> 200 with the
 * first answer; the same event id with other fields -> 409 field event_id,
 * nothing changed; 400 {"error", "field"} for
 * a malformed body; 403 field order_id: the order is booked with another
 * logistics partner (an order is booked with the partner the mall booked
 * it with through the gateway, else with the first partner whose event on
 * it was accepted), nothing changes; 404 field order_id; 409 the order's
 * state forbids it; 422 a rule refuses it (the message names the rule).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/lifecycle.h"

struct db;

enum lg_type {
	LG_SHIPPED = 0,
	LG_SCHEDULED,
	LG_RESCHEDULED,
	LG_DELIVERED,
	LG_PAID,
	LG_REFUSED,
	LG_RETURN_RECEIVED,
	LG__MAX
};

/* One parsed event. Strings are NUL-terminated, "" when absent. */
struct lg_event {
	char		 event_id[65];
	enum lg_type	 type;
	int64_t		 order_id;
	char		 carrier[65];
	char		 tracking[65];
	char		 date[11];
	char		 amount[32];
	char		 currency[4];
	enum collect_method method;		/* "paid" only */
	char		 record_id[65];
	char		 reason[20];
	char		 shipping[32];
	char		 courier_name[65];	/* "" when not given */
	char		 courier_phone[33];	/* digits, spaces, + - ( ) */
};

/* The name of type t ("shipped", ...), or NULL. */
const char *lg_type_name(enum lg_type t);

/* Parse a JSON event from buf (len bytes, need not be NUL-terminated).
 * Returns 0 with *ev, or -1 with *field the offending field's name (or
 * "body") and *why a static message. Pure: the fuzz harness drives it. */
int	lg_event_parse(const char *buf, size_t len, struct lg_event *ev,
	    const char **field, const char **why);

/* Apply ev from partner pid at now in ONE transaction: claim the event id
 * (a repeat answers the first answer), act, store the answer. Appends the
 * JSON answer to out and returns the HTTP status (200, 400, 404, 409,
 * 422, 500). */
int	lg_event_apply(struct db *, int64_t pid, const struct lg_event *ev,
	    int64_t now, struct buf *out);

#endif
