#ifndef MALLPAY_RULES_DEADLINES_H
#define MALLPAY_RULES_DEADLINES_H

/*
 * What the mall promises by when (C-04): the deadlines of an order placed
 * today, and the refund rule of cancelling one. Business days skip
 * weekends and the holidays given (sorted). Pure.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/order_status.h"
#include "core/pay_method.h"

/* Deadlines promised when an order is placed (C-04). */
struct checkout_dates {
	mp_date		 cod_review_due;	/* COD-P1: 1 business day */
	mp_date		 remittance_due;	/* REM-P6: 30 days */
	mp_date		 inst_review_due;	/* INST-CC/PC same day,
						   INST-CORP 3 business days */
	mp_date		 corp_review_due;
};

/* Pure: the promised dates for an order placed on today with holidays
 * (sorted) and the remittance window in days. Returns 0 or -1. */
int	checkout_deadlines(mp_date today, const mp_date *holidays, size_t nh,
	    int64_t remittance_window_days, struct checkout_dates *out);

/* What a cancellation refunds and by when (C-04). */
struct refund_rule {
	const char	*rule;		/* "INST-C1", "REM-P8", "COD", ... */
	const char	*text;		/* the sentence shown */
	int		 has_date;
	int		 min_days, max_days;	/* business days */
	mp_date		 by;		/* latest refund date */
};

/* Which refund rule cancelling an order follows: each payment method's
 * row names one (service/methods.c). */
enum refund_kind {
	RK_NONE = 0,		/* nothing was charged */
	RK_COD,			/* COD: paid to the courier at delivery */
	RK_PAY_AFTER_USE,	/* PAU-05: charged only at receipt */
	RK_CREDIT_LINE,		/* INST-CL: the reserved credit is released */
	RK_INSTALLMENT,		/* INST-C1: fees settled, the rest refunded */
	RK_REMITTANCE		/* REM-P8: through the post office */
};

/* Pure: the refund rule kind of cancelling an order while in status,
 * decided on today with holidays (sorted). Never fails; a kind out of
 * range gets "nothing was charged". */
void	order_refund_rule(enum refund_kind kind, enum order_status status,
	    mp_date today, const mp_date *holidays, size_t nh,
	    struct refund_rule *out);

#endif
