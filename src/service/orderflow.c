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
#include <string.h>

#include "db/db.h"
#include "db/order.h"
#include "service/audit.h"
#include "service/orderflow.h"

/* Actor bits. */
#define A_USER		(1u << OF_USER)
#define A_ADMIN		(1u << OF_ADMIN)
#define A_SYSTEM	(1u << OF_SYSTEM)
#define A_PARTNER	(1u << OF_PARTNER)

/* Method bits (order of pay_method in rules/verdict.h). */
#define M_CARD		(1u << 0)
#define M_PARTNER	(1u << 1)
#define M_CORP		(1u << 2)
#define M_CL		(1u << 3)
#define M_COD		(1u << 4)
#define M_REM		(1u << 5)
#define M_PAU		(1u << 6)
#define M_INST		(M_CARD | M_PARTNER | M_CORP)
#define M_ALL		(M_INST | M_CL | M_COD | M_REM | M_PAU)

static const char *const method_names[] = {
	"installment_card", "installment_partner", "installment_corporate",
	"credit_line", "cod", "remittance", "pay_after_use",
};

static const char *const statuses[] = {
	"awaiting_review", "awaiting_confirmation", "awaiting_remittance",
	"awaiting_verification", "partially_paid", "paid_installment", "paid",
	"pending_shipment", "shipped", "delivered", "receipt_confirmed",
	"completed", "cancelled", "refused", "return_requested", "returned",
	"refunded",
};

static const struct transition {
	const char	*from, *to;
	unsigned	 actors;
	unsigned	 methods;
	const char	*why;
} table[] = {
	/* Review (INST-P1 real time or admin for INST-CORP; COD-P1). */
	{ "awaiting_review", "awaiting_confirmation",
	    A_SYSTEM | A_PARTNER | A_ADMIN, M_INST, "INST-P1 approved" },
	{ "awaiting_review", "pending_shipment", A_ADMIN | A_SYSTEM, M_COD,
	    "COD-P1 review passed" },
	{ "awaiting_review", "refused", A_ADMIN | A_SYSTEM | A_PARTNER,
	    M_INST | M_COD, "review refused" },
	{ "awaiting_review", "cancelled", A_USER | A_ADMIN | A_SYSTEM,
	    M_INST | M_COD, "cancelled before review" },
	/* Confirm installment and pay the down payment (INST-P1). */
	{ "awaiting_confirmation", "paid_installment",
	    A_USER | A_SYSTEM | A_PARTNER, M_INST, "INST-P1 down payment" },
	/* INST-CORP: the down payment is a bank transfer an admin
	 * records (corporate). */
	{ "awaiting_confirmation", "paid_installment", A_ADMIN, M_CORP,
	    "INST-CORP down payment recorded" },
	{ "awaiting_confirmation", "cancelled", A_USER | A_ADMIN | A_SYSTEM,
	    M_INST, "INST-C1" },
	{ "paid_installment", "pending_shipment", A_SYSTEM | A_ADMIN, M_INST,
	    "ready to ship" },
	{ "paid_installment", "cancelled", A_USER | A_ADMIN, M_INST,
	    "INST-C1" },
	/* Remittance (REM-P3, P5, P6, P7, P8). */
	{ "awaiting_remittance", "awaiting_verification", A_USER, M_REM,
	    "REM-P3 voucher uploaded" },
	{ "awaiting_remittance", "cancelled", A_USER | A_ADMIN | A_SYSTEM,
	    M_REM, "REM-P6/P8" },
	/* funds matched from the post office statement before
	 * the shopper uploaded a voucher (REM-P5, REM-P7). */
	{ "awaiting_remittance", "paid", A_ADMIN, M_REM,
	    "REM-P5 funds matched (statement)" },
	{ "awaiting_remittance", "partially_paid", A_ADMIN, M_REM,
	    "REM-P7 paid less (statement)" },
	{ "awaiting_verification", "paid", A_ADMIN, M_REM, "REM-P5" },
	{ "awaiting_verification", "partially_paid", A_ADMIN, M_REM,
	    "REM-P7" },
	{ "awaiting_verification", "awaiting_remittance", A_ADMIN, M_REM,
	    "REM-P9 voucher rejected" },
	{ "awaiting_verification", "cancelled", A_USER | A_ADMIN | A_SYSTEM,
	    M_REM, "REM-P6/P8" },
	{ "partially_paid", "awaiting_verification", A_USER, M_REM,
	    "REM-P7 new voucher" },
	{ "partially_paid", "paid", A_ADMIN, M_REM, "REM-P7" },
	{ "partially_paid", "cancelled", A_USER | A_ADMIN | A_SYSTEM, M_REM,
	    "REM-P6/P8" },
	{ "paid", "pending_shipment", A_ADMIN | A_SYSTEM, M_REM,
	    "ready to ship" },
	{ "paid", "cancelled", A_USER | A_ADMIN, M_REM, "REM-P8" },
	/* The shared road. */
	{ "pending_shipment", "shipped", A_ADMIN | A_PARTNER, M_ALL,
	    "handed to the courier" },
	{ "pending_shipment", "cancelled", A_USER | A_ADMIN | A_SYSTEM, M_ALL,
	    "cancelled before shipment" },
	{ "shipped", "delivered", A_ADMIN | A_PARTNER, M_ALL, "delivered" },
	{ "shipped", "refused", A_ADMIN | A_PARTNER, M_COD,
	    "COD-P4/F2 refused at delivery" },
	{ "shipped", "cancelled", A_ADMIN | A_PARTNER | A_SYSTEM, M_COD,
	    "COD-P5/P6" },
	{ "delivered", "refused", A_ADMIN | A_PARTNER, M_COD,
	    "COD-P4/F2 refused on inspection" },
	{ "delivered", "completed", A_ADMIN | A_PARTNER, M_COD,
	    "COD-P3 payment reported" },
	/* cod: COD-P4 refusal on inspection after a "delivered"
	 * report, COD-P5 unpaid after the agreed day (tick). */
	{ "delivered", "cancelled", A_ADMIN | A_PARTNER | A_SYSTEM, M_COD,
	    "COD-P4/P5" },
	/* cod: not for COD, which completes on the courier's
	 * payment report (COD-P3), never on a receipt confirmation. */
	{ "delivered", "receipt_confirmed", A_USER | A_SYSTEM, M_ALL & ~M_COD,
	    "receipt confirmed (PAU-03 auto after N days)" },
	{ "delivered", "return_requested", A_USER, M_ALL, "return" },
	{ "receipt_confirmed", "completed", A_SYSTEM | A_ADMIN | A_PARTNER,
	    M_ALL, "completed" },
	{ "receipt_confirmed", "return_requested", A_USER, M_ALL,
	    "after-sales return" },
	{ "completed", "return_requested", A_USER, M_ALL,
	    "after-sales return (COD-P7)" },
	{ "return_requested", "returned", A_ADMIN | A_PARTNER, M_ALL,
	    "goods back" },
	{ "return_requested", "completed", A_ADMIN, M_ALL,
	    "return declined" },
	{ "returned", "refunded", A_ADMIN | A_SYSTEM, M_ALL,
	    "INST-C2, COD-P7" },
	{ "cancelled", "refunded", A_ADMIN | A_SYSTEM,
	    M_INST | M_REM | M_CL, "INST-C1, REM-P8 refund sent" },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* The method bit of a method name, 0 if unknown. */
static unsigned
method_bit(const char *method)
{
	size_t i;

	if (method == NULL)
		return 0;
	for (i = 0; i < NELEM(method_names); i++)
		if (strcmp(method_names[i], method) == 0)
			return 1u << i;
	return 0;
}

/* See orderflow.h. */
const char *
orderflow_status_at(size_t i)
{
	return i < NELEM(statuses) ? statuses[i] : NULL;
}

/* See orderflow.h. */
const char *
orderflow_method_at(size_t i)
{
	return i < NELEM(method_names) ? method_names[i] : NULL;
}

/* See orderflow.h. */
int
orderflow_known(const char *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < NELEM(statuses); i++)
		if (strcmp(statuses[i], s) == 0)
			return 1;
	return 0;
}

/* See orderflow.h. */
int
orderflow_allowed(const char *from, const char *to, enum of_actor actor,
    const char *method)
{
	unsigned	 mb = method_bit(method);
	size_t		 i;

	if (mb == 0 || of_actor_name(actor) == NULL || from == NULL ||
	    to == NULL)
		return 0;
	/* A move may have several rows (per method and actor): any row
	 * that allows it decides. */
	for (i = 0; i < NELEM(table); i++)
		if (strcmp(table[i].from, from) == 0 &&
		    strcmp(table[i].to, to) == 0 &&
		    (table[i].actors & (1u << actor)) != 0 &&
		    (table[i].methods & mb) != 0)
			return 1;
	return 0;
}

/* See orderflow.h. */
const char *
orderflow_first_status(const char *method)
{
	unsigned mb = method_bit(method);

	if (mb & M_INST)
		return "awaiting_review";	/* INST-P1, INST-CORP review */
	if (mb & M_COD)
		return "awaiting_review";	/* COD-P1: the mall reviews */
	if (mb & M_REM)
		return "awaiting_remittance";	/* REM-P1 */
	if (mb & (M_CL | M_PAU))
		return "pending_shipment";	/* INST-CL, PAU-03 */
	return NULL;
}

/* See orderflow.h. */
int
orderflow_user_can_cancel(const char *status, const char *method)
{
	return orderflow_allowed(status, "cancelled", OF_USER, method);
}

/* See orderflow.h. */
enum of_result
orderflow_transition(struct db *db, int64_t order_id, const char *from,
    const char *to, enum of_actor actor, int64_t actor_id,
    const char *reason, int64_t now)
{
	char	method[33];
	int	rc;

	rc = db_order_lock_method(db, order_id, method, sizeof(method));
	if (rc == -1)
		return OF_ERROR;
	if (rc == 0)
		return OF_CHANGED;
	if (!orderflow_allowed(from, to, actor, method))
		return OF_NOT_ALLOWED;
	rc = db_order_set_status(db, order_id, from, to, now);
	if (rc == -1)
		return OF_ERROR;
	if (rc == 0)
		return OF_CHANGED;
	if (audit_event(db, "order", order_id, actor, actor_id, from, to,
	    reason, now) == -1)
		return OF_ERROR;
	return OF_OK;
}
