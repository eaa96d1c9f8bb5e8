#ifndef MALLPAY_SERVICE_METHODS_H
#define MALLPAY_SERVICE_METHODS_H

/*
 * One row per payment method: what the common code does differently for
 * it. A new method is a row here (its first status, the page after
 * checkout, the review date promised, the day to pay by, what a receipt
 * does, the order page's panels and the refund rule of a cancellation)
 * and the file of its own use cases. The panels' sentences and figures
 * are decided from the order's facts in order_panels.c; the refund rules
 * themselves are pure policy in rules/deadlines.c, named here.
 */

#include <stdint.h>

#include "core/order_status.h"
#include "core/pay_method.h"
#include "rules/deadlines.h"

struct db;
struct db_order;

/* Which review date checkout promises (C-04; rules/deadlines.h). */
enum method_review {
	MR_NONE = 0,	/* no review */
	MR_INST,	/* INST-CC/PC: answered in real time (today) */
	MR_CORP,	/* INST-CORP: business days of the admins' review */
	MR_COD		/* COD-P1: the mall's review */
};

/* Order page panels (OP_* bits, service/order_panels.h) that may apply
 * while the order is in one of statuses (bits 1u << OS_*). */
struct method_panel {
	unsigned	 panels;
	unsigned	 statuses;
};

/* The most panel lines a method has. */
#define METHOD_PANELS_MAX	8

struct method_row {
	enum order_status	 first;		/* its first status */
	const char		*next;		/* the page after checkout,
						   under /orders/ID ("": the
						   order page) */
	enum method_review	 review;	/* the review date promised */
	int			 pay_by;	/* 1: a day to pay by is
						   promised (REM-P6) */
	/* What a confirmed receipt does, inside its transaction: 0 or -1
	 * (roll back); NULL: nothing. */
	int			(*receipt)(struct db *, const struct db_order *,
				    int64_t now);
	/* The order page's panels (order_panels.c decides from the facts
	 * which of them show); the list ends with a 0 panels line. */
	struct method_panel	 panels[METHOD_PANELS_MAX];
	enum refund_kind	 refund;	/* the rule of a cancellation's
						   refund (rules/deadlines.h) */
};

/* Method m's row, or NULL when m is out of range. */
const struct method_row *method_row(enum pay_method m);

/* The refund rule kind of method m (RK_NONE when out of range). */
enum refund_kind method_refund(enum pay_method m);

#endif
