#ifndef MALLPAY_SERVICE_METHODS_H
#define MALLPAY_SERVICE_METHODS_H

/*
 * One row per payment method: what the common code does differently for
 * it. A new method is a row here and the file of its own use cases.
 * (The order page's panels are the table of order_panels.c; the refund
 * rule is rules/deadlines.c, pure.)
 */

#include <stdint.h>

#include "core/order_status.h"
#include "core/pay_method.h"

struct db;
struct db_order;

/* Which review date checkout promises (C-04; rules/deadlines.h). */
enum method_review {
	MR_NONE = 0,	/* no review */
	MR_INST,	/* INST-CC/PC: answered in real time (today) */
	MR_CORP,	/* INST-CORP: business days of the admins' review */
	MR_COD		/* COD-P1: the mall's review */
};

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
};

/* Method m's row, or NULL when m is out of range. */
const struct method_row *method_row(enum pay_method m);

#endif
