/*
 * The payment methods' table (see methods.h).
 */
#include <stddef.h>

#include "service/methods.h"
#include "service/payafter.h"
#include "service/plans.h"

static const struct method_row rows[PM__MAX] = {
	/* INST-P1: the bank answers; the card page takes the down payment. */
	[PM_INSTALLMENT_CARD] = { OS_AWAITING_REVIEW, "/card", MR_INST, 0,
	    NULL },
	/* INST-PC: the partner's application. */
	[PM_INSTALLMENT_PARTNER] = { OS_AWAITING_REVIEW, "/apply", MR_INST,
	    0, NULL },
	/* INST-CORP: the admins review the company's application. */
	[PM_INSTALLMENT_CORPORATE] = { OS_AWAITING_REVIEW, "/corporate",
	    MR_CORP, 0, NULL },
	/* INST-CL: ships at once; at receipt the lender pays the merchant
	 * and the repayment plan starts. */
	[PM_CREDIT_LINE] = { OS_PENDING_SHIPMENT, "", MR_NONE, 0,
	    plan_creditline_settle },
	/* COD-P1: the mall reviews; the courier collects. */
	[PM_COD] = { OS_AWAITING_REVIEW, "", MR_COD, 0, NULL },
	/* REM-P1: the code and the instructions; REM-P6: 30 days to pay. */
	[PM_REMITTANCE] = { OS_AWAITING_REMITTANCE, "/remittance", MR_NONE,
	    1, NULL },
	/* PAU-03: ships at once; deducted at receipt (PAU-04: else the
	 * guarantee and the debt). */
	[PM_PAY_AFTER_USE] = { OS_PENDING_SHIPMENT, "", MR_NONE, 0,
	    payafter_receipt_effect },
};

/* See methods.h. */
const struct method_row *
method_row(enum pay_method m)
{
	if ((int)m < 0 || m >= PM__MAX)
		return NULL;
	return &rows[m];
}
