/*
 * The order state machine: THE transition table of every payment method
 * (DESIGN.md "One order, one state machine"; statuses of STATE.md). A
 * method adds its own payment states on the shared road:
 *
 *   awaiting_review -> awaiting_confirmation -> paid_installment   (INST-P1)
 *   awaiting_review -> pending_shipment                            (COD-P1)
 *   awaiting_remittance -> awaiting_verification -> paid           (REM-P3/P5)
 *                          awaiting_verification -> partially_paid (REM-P7)
 *   credit_line, pay_after_use: pending_shipment at once
 *   ... -> pending_shipment -> shipped -> delivered -> receipt_confirmed
 *       -> completed; cancelled, refused, return_requested, returned and
 *       refunded off that road.
 */
#include "db/db.h"
#include "db/order.h"
#include "service/audit.h"
#include "service/methods.h"
#include "service/orderflow.h"

/* Actor bits. */
#define A_USER		(1u << OF_USER)
#define A_ADMIN		(1u << OF_ADMIN)
#define A_SYSTEM	(1u << OF_SYSTEM)
#define A_PARTNER	(1u << OF_PARTNER)

/* Method bits. */
#define M_CARD		(1u << PM_INSTALLMENT_CARD)
#define M_PARTNER	(1u << PM_INSTALLMENT_PARTNER)
#define M_CORP		(1u << PM_INSTALLMENT_CORPORATE)
#define M_CL		(1u << PM_CREDIT_LINE)
#define M_COD		(1u << PM_COD)
#define M_REM		(1u << PM_REMITTANCE)
#define M_PAU		(1u << PM_PAY_AFTER_USE)
#define M_INST		(M_CARD | M_PARTNER | M_CORP)
#define M_ALL		(M_INST | M_CL | M_COD | M_REM | M_PAU)

static const struct transition {
	enum order_status from, to;
	unsigned	 actors;
	unsigned	 methods;
	const char	*why;
} table[] = {
	/* Review (INST-P1 real time or admin for INST-CORP; COD-P1). */
	{ OS_AWAITING_REVIEW, OS_AWAITING_CONFIRMATION,
	    A_SYSTEM | A_PARTNER | A_ADMIN, M_INST, "INST-P1 approved" },
	{ OS_AWAITING_REVIEW, OS_PENDING_SHIPMENT, A_ADMIN | A_SYSTEM, M_COD,
	    "COD-P1 review passed" },
	{ OS_AWAITING_REVIEW, OS_REFUSED, A_ADMIN | A_SYSTEM | A_PARTNER,
	    M_INST | M_COD, "review refused" },
	{ OS_AWAITING_REVIEW, OS_CANCELLED, A_USER | A_ADMIN | A_SYSTEM,
	    M_INST | M_COD, "cancelled before review" },
	/* Confirm installment and pay the down payment (INST-P1). */
	{ OS_AWAITING_CONFIRMATION, OS_PAID_INSTALLMENT,
	    A_USER | A_SYSTEM | A_PARTNER, M_INST, "INST-P1 down payment" },
	/* INST-CORP: the down payment is a bank transfer an admin
	 * records (corporate). */
	{ OS_AWAITING_CONFIRMATION, OS_PAID_INSTALLMENT, A_ADMIN, M_CORP,
	    "INST-CORP down payment recorded" },
	{ OS_AWAITING_CONFIRMATION, OS_CANCELLED, A_USER | A_ADMIN | A_SYSTEM,
	    M_INST, "INST-C1" },
	{ OS_PAID_INSTALLMENT, OS_PENDING_SHIPMENT, A_SYSTEM | A_ADMIN, M_INST,
	    "ready to ship" },
	{ OS_PAID_INSTALLMENT, OS_CANCELLED, A_USER | A_ADMIN, M_INST,
	    "INST-C1" },
	/* Remittance (REM-P3, P5, P6, P7, P8). */
	{ OS_AWAITING_REMITTANCE, OS_AWAITING_VERIFICATION, A_USER, M_REM,
	    "REM-P3 voucher uploaded" },
	{ OS_AWAITING_REMITTANCE, OS_CANCELLED, A_USER | A_ADMIN | A_SYSTEM,
	    M_REM, "REM-P6/P8" },
	/* funds matched from the post office statement before
	 * the shopper uploaded a voucher (REM-P5, REM-P7). */
	{ OS_AWAITING_REMITTANCE, OS_PAID, A_ADMIN, M_REM,
	    "REM-P5 funds matched (statement)" },
	{ OS_AWAITING_REMITTANCE, OS_PARTIALLY_PAID, A_ADMIN, M_REM,
	    "REM-P7 paid less (statement)" },
	{ OS_AWAITING_VERIFICATION, OS_PAID, A_ADMIN, M_REM, "REM-P5" },
	{ OS_AWAITING_VERIFICATION, OS_PARTIALLY_PAID, A_ADMIN, M_REM,
	    "REM-P7" },
	{ OS_AWAITING_VERIFICATION, OS_AWAITING_REMITTANCE, A_ADMIN, M_REM,
	    "REM-P9 voucher rejected" },
	{ OS_AWAITING_VERIFICATION, OS_CANCELLED, A_USER | A_ADMIN | A_SYSTEM,
	    M_REM, "REM-P6/P8" },
	{ OS_PARTIALLY_PAID, OS_AWAITING_VERIFICATION, A_USER, M_REM,
	    "REM-P7 new voucher" },
	{ OS_PARTIALLY_PAID, OS_PAID, A_ADMIN, M_REM, "REM-P7" },
	{ OS_PARTIALLY_PAID, OS_CANCELLED, A_USER | A_ADMIN | A_SYSTEM, M_REM,
	    "REM-P6/P8" },
	{ OS_PAID, OS_PENDING_SHIPMENT, A_ADMIN | A_SYSTEM, M_REM,
	    "ready to ship" },
	{ OS_PAID, OS_CANCELLED, A_USER | A_ADMIN, M_REM, "REM-P8" },
	/* The shared road. */
	{ OS_PENDING_SHIPMENT, OS_SHIPPED, A_ADMIN | A_PARTNER, M_ALL,
	    "handed to the courier" },
	{ OS_PENDING_SHIPMENT, OS_CANCELLED, A_USER | A_ADMIN | A_SYSTEM, M_ALL,
	    "cancelled before shipment" },
	{ OS_SHIPPED, OS_DELIVERED, A_ADMIN | A_PARTNER, M_ALL, "delivered" },
	{ OS_SHIPPED, OS_REFUSED, A_ADMIN | A_PARTNER, M_COD,
	    "COD-P4/F2 refused at delivery" },
	{ OS_SHIPPED, OS_CANCELLED, A_ADMIN | A_PARTNER | A_SYSTEM, M_COD,
	    "COD-P5/P6" },
	{ OS_DELIVERED, OS_REFUSED, A_ADMIN | A_PARTNER, M_COD,
	    "COD-P4/F2 refused on inspection" },
	{ OS_DELIVERED, OS_COMPLETED, A_ADMIN | A_PARTNER, M_COD,
	    "COD-P3 payment reported" },
	/* cod: COD-P4 refusal on inspection after a "delivered"
	 * report, COD-P5 unpaid after the agreed day (tick). */
	{ OS_DELIVERED, OS_CANCELLED, A_ADMIN | A_PARTNER | A_SYSTEM, M_COD,
	    "COD-P4/P5" },
	/* cod: not for COD, which completes on the courier's
	 * payment report (COD-P3), never on a receipt confirmation. */
	{ OS_DELIVERED, OS_RECEIPT_CONFIRMED, A_USER | A_SYSTEM, M_ALL & ~M_COD,
	    "receipt confirmed (PAU-03 auto after N days)" },
	{ OS_DELIVERED, OS_RETURN_REQUESTED, A_USER, M_ALL, "return" },
	{ OS_RECEIPT_CONFIRMED, OS_COMPLETED, A_SYSTEM | A_ADMIN | A_PARTNER,
	    M_ALL, "completed" },
	{ OS_RECEIPT_CONFIRMED, OS_RETURN_REQUESTED, A_USER, M_ALL,
	    "after-sales return" },
	{ OS_COMPLETED, OS_RETURN_REQUESTED, A_USER, M_ALL,
	    "after-sales return (COD-P7)" },
	{ OS_RETURN_REQUESTED, OS_RETURNED, A_ADMIN | A_PARTNER, M_ALL,
	    "goods back" },
	{ OS_RETURN_REQUESTED, OS_COMPLETED, A_ADMIN, M_ALL,
	    "return declined" },
	{ OS_RETURNED, OS_REFUNDED, A_ADMIN | A_SYSTEM, M_ALL,
	    "INST-C2, COD-P7" },
	{ OS_CANCELLED, OS_REFUNDED, A_ADMIN | A_SYSTEM,
	    M_INST | M_REM | M_CL, "INST-C1, REM-P8 refund sent" },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The method bit of m, 0 if out of range. */
static unsigned
method_bit(enum pay_method m)
{
	return pay_method_name(m) != NULL ? 1u << m : 0;
}

/* See orderflow.h. */
const char *
orderflow_status_at(size_t i)
{
	return i < OS__MAX ? order_status_name((enum order_status)i) : NULL;
}

/* See orderflow.h. */
const char *
orderflow_method_at(size_t i)
{
	return i < PM__MAX ? pay_method_name((enum pay_method)i) : NULL;
}

/* See orderflow.h. */
int
orderflow_known(const char *s)
{
	enum order_status st;

	return order_status_parse(s, &st) == 0;
}

/* See orderflow.h. */
int
orderflow_allowed(enum order_status from, enum order_status to,
    enum of_actor actor, enum pay_method method)
{
	unsigned	 mb = method_bit(method);
	size_t		 i;

	if (mb == 0 || of_actor_name(actor) == NULL ||
	    order_status_name(from) == NULL || order_status_name(to) == NULL)
		return 0;
	/* A move may have several rows (per method and actor): any row
	 * that allows it decides. */
	for (i = 0; i < NELEM(table); i++)
		if (table[i].from == from && table[i].to == to &&
		    (table[i].actors & (1u << actor)) != 0 &&
		    (table[i].methods & mb) != 0)
			return 1;
	return 0;
}

/* See orderflow.h. */
enum order_status
orderflow_first_status(enum pay_method m)
{
	const struct method_row *r = method_row(m);

	return r != NULL ? r->first : OS__MAX;
}

/* See orderflow.h. */
int
orderflow_user_can_cancel(enum order_status status, enum pay_method method)
{
	return orderflow_allowed(status, OS_CANCELLED, OF_USER, method);
}

/* See orderflow.h. */
enum result
orderflow_transition(struct db *db, int64_t order_id,
    enum order_status from, enum order_status to, enum of_actor actor,
    int64_t actor_id, const char *reason, int64_t now)
{
	enum pay_method	method;
	int		rc;

	rc = db_order_lock_method(db, order_id, &method);
	if (rc == -1)
		return RES_ERROR;
	if (rc == 0)
		return RES_CHANGED;
	if (!orderflow_allowed(from, to, actor, method))
		return RES_NOT_ALLOWED;
	rc = db_order_set_status(db, order_id, from, to, now);
	if (rc == -1)
		return RES_ERROR;
	if (rc == 0)
		return RES_CHANGED;
	if (audit_event(db, "order", order_id, actor, actor_id,
	    order_status_name(from), order_status_name(to), reason,
	    now) == -1)
		return RES_ERROR;
	return RES_OK;
}
