#ifndef MALLPAY_SERVICE_ORDER_PAGE_H
#define MALLPAY_SERVICE_ORDER_PAGE_H

/*
 * GET /orders/:id in one call: the order with its lines and timeline, the
 * shopper's next step, the refund a cancellation would promise, the
 * panels of its payment method (shipping and COD, the installment plan,
 * remittance windows and refunds) and which of them apply, decided by
 * order_panels_decide() from the order's facts.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/my_orders.h"
#include "db/plan.h"
#include "db/remittance.h"
#include "service/cod_desk.h"
#include "service/members.h"
#include "service/order_panels.h"
#include "service/orders.h"
#include "service/plans.h"

/* The installment plan of an installment or credit-line order. */
struct plan_panel {
	int		 shown;		/* an installment method, plan read */
	int		 has_plan;	/* pl and v are set */
	struct db_plan	 pl;
	struct plan_view v;		/* its installments and sums */
};

/* Remittance: the transfer window, the part still due, the refunds. */
struct rem_panel {
	int			 shown;		/* a remittance order, read */
	int64_t			 received;	/* minor units received */
	int			 has_window;	/* pv's window is set */
	struct db_rem_voucher	 pv;
	struct db_rem_refund	*rf;
	size_t			 nrf;
};

struct order_page {
	struct order_view	 v;
	struct member_order	 acc;		/* what the viewer may do */
	struct order_action	 action;	/* the next step */
	int			 can_cancel;	/* rr is set */
	struct refund_rule	 rr;
	struct cod_panel	 cod;
	struct plan_panel	 plan;
	struct rem_panel	 rem;
	struct panel_facts	 facts;		/* paid, refunded, owed */
	struct order_panels	 panels;	/* what the page shows */
};

/* Load order id as the viewer may read and act on it (*acc: one's own
 * order or one of the company's, RULES 5, as the route resolved it), for
 * the page at now. A panel that cannot be read is left out. Free with
 * order_page_cleanup(), also on failure. Returns RES_OK, RES_NOT_FOUND or
 * RES_ERROR. */
enum result order_page_load(struct db *, const struct member_order *acc,
	    int64_t id, int64_t now, struct order_page *out);
void	order_page_cleanup(struct order_page *);

/* Room for an order's printed RF creditor reference. */
#define ORDER_RF_PRINT_MAX	40

/* The RF creditor reference rf_code (REM-P1) as printed, in groups of
 * four, into out (ORDER_RF_PRINT_MAX bytes); as stored when it cannot be
 * printed. Returns out. Pure. */
const char *order_rf_printed(const char *rf_code, char *out, size_t outsz);

/* An APR in basis points for people ("21.46" for 2146) into out (16
 * bytes are enough). Returns out. Pure. */
const char *order_apr_text(int32_t bp, char *out, size_t outsz);

/* What an order's RF creditor reference looks like once printed (a made
 * up one, for the checkout's explanation) into out (ORDER_RF_PRINT_MAX).
 * Returns 0, or -1 when it could not be made. Pure. */
int	order_rf_example(char *out, size_t outsz);

/* A page of My Orders with each order's next step. */
struct order_list {
	struct db_my_order	*rows;
	struct order_action	*actions;	/* one per row */
	struct panel_facts	*facts;		/* one per row: the viewer's
						   charges and debts */
	struct order_panels	*panels;	/* one per row */
	size_t			 n;
	int			 more;		/* a next page exists */
};

/* The page of My Orders q asks for (q->user_id's orders and, for a member
 * of q->company_id, the company's: RULES 5), searched and filtered as q
 * says, with each order's products and next step. Free with
 * order_list_cleanup, also on failure. Returns 0 or -1. */
int	order_list_load(struct db *, const struct db_my_orders_query *q,
	    struct order_list *out);
void	order_list_cleanup(struct order_list *);

#endif
