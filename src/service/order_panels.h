#ifndef MALLPAY_SERVICE_ORDER_PANELS_H
#define MALLPAY_SERVICE_ORDER_PANELS_H

/*
 * What an order page shows, decided in one place beside the state machine
 * (service/orderflow.c): each payment method's row (service/methods.c)
 * says which panels and sentences may apply in which order statuses; the
 * order's facts (what was paid, what is refunded, what is owed) then
 * decide the ones that do. The templates only print what this decided.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/order_status.h"
#include "core/pay_method.h"

/* The panels and sentences of an order page (bits of order_panels.show). */
#define OP_PAY_BY	0x001u	/* remittance: "Pay by <date>" (REM-P6) */
#define OP_REFUND	0x002u	/* "Refund of <amount> by <date>" */
#define OP_COURIER_DUE	0x004u	/* COD: you pay the courier <total> */
#define OP_COURIER_PAID	0x008u	/* COD: paid to the courier <total> */
#define OP_COD_DAY	0x010u	/* COD: unpaid by the agreed day cancels */
#define OP_DEFERRED	0x020u	/* PAU: charged when you confirm receipt */
#define OP_REPAY	0x040u	/* installments: repay by the due dates */
#define OP_DEBT		0x080u	/* an open debt of the order, how to pay */
#define OP_CHARGE	0x100u	/* a charge after the fact (PAU deduction,
				   COD refusal charge) with its amount */
#define OP_CANCEL_PAID	0x200u	/* the cancel note refunds what was paid */
#define OP_REVIEW_BY	0x400u	/* the review's date, until reviewed */

/* What kind of charge an order carries after the fact. */
enum op_charge {
	OPC_NONE = 0,
	OPC_PAU,		/* the Pay After Use deduction (PAU-03/04) */
	OPC_COD_REFUSAL		/* round trip and fee of a refusal (COD-F2) */
};

/* The order's facts, in its currency's minor units. */
struct panel_facts {
	int64_t		 total;		/* amount_due_minor */
	int64_t		 fee;		/* COD service fee */
	int64_t		 deferred;	/* PAU: due at receipt */
	int64_t		 paid;		/* paid by the shopper so far */
	int64_t		 refund;	/* refunded or promised */
	char		 refund_due[11];	/* its date, "" none */
	char		 payment_due[11];	/* remittance window's end */
	int		 cod_agreed;	/* a COD delivery day is agreed */
	enum op_charge	 charge_kind;
	int64_t		 charge;	/* that charge, paid or not */
	int64_t		 debt;		/* still owed of it */
	int64_t		 debt_id;	/* account_debts id (COD), 0 */
};

/* What the page shows. */
struct order_panels {
	unsigned	 show;		/* OP_* */
	int64_t		 to_pay;	/* the "Amount to pay" figure */
	int64_t		 courier;	/* COD: total paid to the courier */
	const char	*charge_label;	/* for OP_CHARGE */
};

/* Pure: the panels of an order paid with method in status with facts f
 * into *out. Unknown methods or statuses show no panel and the total. */
void	order_panels_decide(enum pay_method method, enum order_status status,
	    const struct panel_facts *f, struct order_panels *out);

/* Pure: 1 if the table lets panel (one OP_* bit) apply to method in
 * status, whatever the facts. */
int	order_panels_may(enum pay_method method, enum order_status status,
	    unsigned panel);

struct db;
struct db_order;
struct plan_view;

/* The facts of order o at now read from its plan (plan, when not NULL:
 * read already), remittances, Pay After Use charge and COD debts into
 * *f. Returns 0, or -1 on a database error. */
int	order_facts_load(struct db *, const struct db_order *o, int64_t now,
	    const struct plan_view *plan, struct panel_facts *f);

/* The panels of order id (any owner: admins) at now into *p, as the
 * shopper's page decides them. Returns 1, 0 no such order, -1. */
int	order_panels_load(struct db *, int64_t id, int64_t now,
	    struct order_panels *p);

/* Pure: the charges after the fact (Pay After Use, COD refusals) of My
 * Orders' row r into f, when viewer placed it (a member does not see
 * another member's charges). */
struct db_my_order;
void	order_row_facts(const struct db_my_order *r, int64_t viewer,
	    struct panel_facts *f);

#endif
