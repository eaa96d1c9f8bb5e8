#ifndef MALLPAY_CORE_ORDER_STATUS_H
#define MALLPAY_CORE_ORDER_STATUS_H

/*
 * The statuses of an order (STATE.md; orders.status): a type everywhere
 * but at the database boundary, where db/order.c writes
 * order_status_name() and reads with order_status_parse(). The moves
 * between them are the table of service/orderflow.c.
 */

enum order_status {
	OS_AWAITING_REVIEW = 0,
	OS_AWAITING_CONFIRMATION,
	OS_AWAITING_REMITTANCE,
	OS_AWAITING_VERIFICATION,
	OS_PARTIALLY_PAID,
	OS_PAID_INSTALLMENT,
	OS_PAID,
	OS_PENDING_SHIPMENT,
	OS_SHIPPED,
	OS_DELIVERED,
	OS_RECEIPT_CONFIRMED,
	OS_COMPLETED,
	OS_CANCELLED,
	OS_REFUSED,
	OS_RETURN_REQUESTED,
	OS_RETURNED,
	OS_REFUNDED,
	OS__MAX
};

/* The status's name as stored ("pending_shipment"); NULL if s is out of
 * range. */
const char *order_status_name(enum order_status s);

/* The status named s into *out: 0, or -1 (out untouched) when s is NULL
 * or not a status of STATE.md. */
int	order_status_parse(const char *s, enum order_status *out);

#endif
