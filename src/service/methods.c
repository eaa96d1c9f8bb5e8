/*
 * The payment methods' table (see methods.h).
 */
#include <stddef.h>

#include "service/methods.h"
#include "service/order_panels.h"
#include "service/payafter.h"
#include "service/plans.h"

#define S(x)	(1u << OS_##x)

/* A refund follows a cancellation or a return, if money moved. */
#define REFUND_LINE	{ OP_REFUND, S(CANCELLED) | S(RETURNED) | S(REFUNDED) }

/* The panels of the installment kinds (INST-CC/PC/CORP). */
#define INST_PANELS {							\
	/* INST-P1, INST-CORP: the review's date, until decided. */	\
	{ OP_REVIEW_BY, S(AWAITING_REVIEW) },				\
	REFUND_LINE,							\
	/* Repayments run once the plan started at the down payment. */	\
	{ OP_REPAY, S(PAID_INSTALLMENT) | S(PENDING_SHIPMENT) |		\
	    S(SHIPPED) | S(RECEIPT_CONFIRMED) | S(COMPLETED) },		\
	/* INST-C1: a cancellation refunds what was paid, if anything. */ \
	{ OP_CANCEL_PAID, S(AWAITING_CONFIRMATION) |			\
	    S(PAID_INSTALLMENT) | S(PENDING_SHIPMENT) },		\
}

static const struct method_row rows[PM__MAX] = {
	/* INST-P1: the bank answers; the card page takes the down payment. */
	[PM_INSTALLMENT_CARD] = { OS_AWAITING_REVIEW, "/card", MR_INST, 0,
	    NULL, INST_PANELS, RK_INSTALLMENT },
	/* INST-PC: the partner's application. */
	[PM_INSTALLMENT_PARTNER] = { OS_AWAITING_REVIEW, "/apply", MR_INST,
	    0, NULL, INST_PANELS, RK_INSTALLMENT },
	/* INST-CORP: the admins review the company's application. */
	[PM_INSTALLMENT_CORPORATE] = { OS_AWAITING_REVIEW, "/corporate",
	    MR_CORP, 0, NULL, INST_PANELS, RK_INSTALLMENT },
	/* INST-CL: ships at once; at receipt the lender pays the merchant
	 * and the repayment plan starts. */
	[PM_CREDIT_LINE] = { OS_PENDING_SHIPMENT, "", MR_NONE, 0,
	    plan_creditline_settle, {
		REFUND_LINE,
		{ OP_REPAY, S(RECEIPT_CONFIRMED) | S(COMPLETED) },
	    }, RK_CREDIT_LINE },
	/* COD-P1: the mall reviews; the courier collects. */
	[PM_COD] = { OS_AWAITING_REVIEW, "", MR_COD, 0, NULL, {
		{ OP_REVIEW_BY, S(AWAITING_REVIEW) },
		REFUND_LINE,
		/* COD-P3: the courier is paid at delivery, after
		 * inspection. */
		{ OP_COURIER_DUE, S(AWAITING_REVIEW) | S(PENDING_SHIPMENT) |
		    S(SHIPPED) | S(DELIVERED) },
		{ OP_COURIER_PAID, S(COMPLETED) | S(RETURN_REQUESTED) |
		    S(RETURNED) | S(REFUNDED) },
		/* COD-P5: an agreed day not paid cancels, while it can
		 * happen. */
		{ OP_COD_DAY, S(SHIPPED) | S(DELIVERED) },
		/* COD-F2: the refusal's charge. */
		{ OP_CHARGE | OP_DEBT, S(REFUSED) | S(CANCELLED) },
	    }, RK_COD },
	/* REM-P1: the code and the instructions; REM-P6: 30 days to pay. */
	[PM_REMITTANCE] = { OS_AWAITING_REMITTANCE, "/remittance", MR_NONE,
	    1, NULL, {
		/* REM-P6: the window matters until the money is in. */
		{ OP_PAY_BY, S(AWAITING_REMITTANCE) |
		    S(AWAITING_VERIFICATION) | S(PARTIALLY_PAID) },
		REFUND_LINE,
	    }, RK_REMITTANCE },
	/* PAU-03: ships at once; deducted at receipt (PAU-04: else the
	 * guarantee and the debt). */
	[PM_PAY_AFTER_USE] = { OS_PENDING_SHIPMENT, "", MR_NONE, 0,
	    payafter_receipt_effect, {
		REFUND_LINE,
		/* PAU-03: deducted at receipt. */
		{ OP_DEFERRED, S(PENDING_SHIPMENT) | S(SHIPPED) |
		    S(DELIVERED) },
		/* PAU-03/04: the deduction and, if it failed, the debt. */
		{ OP_CHARGE | OP_DEBT, S(RECEIPT_CONFIRMED) | S(COMPLETED) |
		    S(RETURN_REQUESTED) | S(RETURNED) | S(REFUNDED) },
	    }, RK_PAY_AFTER_USE },
};

/* See methods.h. */
const struct method_row *
method_row(enum pay_method m)
{
	if ((int)m < 0 || m >= PM__MAX)
		return NULL;
	return &rows[m];
}

/* See methods.h. */
enum refund_kind
method_refund(enum pay_method m)
{
	const struct method_row *r = method_row(m);

	return r != NULL ? r->refund : RK_NONE;
}
