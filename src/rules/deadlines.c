/*
 * Promised deadlines and refund rules (C-04); see deadlines.h.
 */
#include <string.h>

#include "core/i18n.h"
#include "rules/deadlines.h"

/* COD-P1: 1 business day; INST-CORP: 3. */
#define CORP_REVIEW_BUSINESS_DAYS	3
#define COD_REVIEW_BUSINESS_DAYS	1

/* See deadlines.h. */
int
checkout_deadlines(mp_date today, const mp_date *holidays, size_t nh,
    int64_t remittance_window_days, struct checkout_dates *out)
{
	memset(out, 0, sizeof(*out));
	/* C-04: business days skip weekends and the holiday table. */
	if (mp_date_add_business_days(today, COD_REVIEW_BUSINESS_DAYS,
	    holidays, nh, &out->cod_review_due) == -1 ||
	    mp_date_add_business_days(today, CORP_REVIEW_BUSINESS_DAYS,
	    holidays, nh, &out->corp_review_due) == -1 ||
	    /* REM-P6: 30 calendar days from the order. */
	    mp_date_add_days(today, (int32_t)remittance_window_days,
	    &out->remittance_due) == -1)
		return -1;
	/* INST-CC/PC answer in real time: the review is due today. */
	out->inst_review_due = today;
	return 0;
}

/* See deadlines.h. */
void
order_refund_rule(enum pay_method method, enum order_status status,
    mp_date today,
    const mp_date *holidays, size_t nh, struct refund_rule *r)
{
	memset(r, 0, sizeof(*r));
	if (method == PM_COD) {
		r->rule = "COD";
		r->text = N_("Cash on delivery: you pay the courier at "
		    "delivery, so there is nothing to refund.");
		return;
	}
	if (method == PM_PAY_AFTER_USE) {
		r->rule = "PAU-05";
		r->text = N_("Pay After Use: nothing is charged before you "
		    "confirm receipt, so there is nothing to refund.");
		return;
	}
	if (method == PM_CREDIT_LINE) {
		r->rule = "INST-CL";
		r->text = N_("Platform credit line: the reserved credit is "
		    "released at once; nothing was charged.");
		return;
	}
	if (pay_method_installment(method)) {
		if (status != OS_PAID_INSTALLMENT) {
			r->rule = "INST-C1";
			r->text = N_("Installment: the down payment was not "
			    "paid yet, so nothing was charged and nothing is "
			    "refunded.");
			return;
		}
		r->rule = "INST-C1";
		r->text = N_("Installment: handling fees already incurred are "
		    "settled first; the rest is refunded through the "
		    "original channel within 3-7 business days.");
		r->min_days = 3;
		r->max_days = 7;
	} else if (method == PM_REMITTANCE) {
		r->rule = "REM-P8";
		r->text = status == OS_AWAITING_REMITTANCE ?
		    N_("Post office remittance: if you have already remitted, "
		    "it is refunded through the post office within 10-20 "
		    "business days to the postal account you give; post office "
		    "fees and exchange losses are not refunded.") :
		    N_("Post office remittance: what you remitted is refunded "
		    "through the post office within 10-20 business days to "
		    "the postal account you give; post office fees and "
		    "exchange losses are not refunded.");
		r->min_days = 10;
		r->max_days = 20;
	} else {
		r->rule = "-";
		r->text = N_("Nothing was charged.");
		return;
	}
	/* C-04: business days without weekends and holidays. */
	if (mp_date_add_business_days(today, r->max_days, holidays, nh,
	    &r->by) == 0)
		r->has_date = 1;
}
