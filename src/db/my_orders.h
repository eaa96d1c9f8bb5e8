#ifndef MALLPAY_DB_MY_ORDERS_H
#define MALLPAY_DB_MY_ORDERS_H

/*
 * My Orders: one statement a page of a shopper's orders (and their
 * company's) with the products' names and the first product's category
 * for its thumbnail, searched by order number or product name and
 * filtered by status and method; the receipts of an order (its payments
 * as the ledger holds them). SQL only, bound parameters only.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/order.h"

struct db;

/* What to list. Strings "" mean "any". */
struct db_my_orders_query {
	int64_t		 user_id;
	int64_t		 company_id;	/* > 0: the company's orders too */
	const char	*status;	/* an order status, or "" */
	const char	*method;	/* a payment method, or "" */
	int64_t		 order_id;	/* > 0: this order number matches */
	const char	*text;		/* product name contains it, or "" */
	size_t		 page;		/* 0-based */
	size_t		 per_page;
};

/* One order of the list. */
struct db_my_order {
	struct db_order_row	 r;
	char			 products[400];	/* names, "\n" between */
	int			 nproducts;	/* lines of the order */
	char			 category[65];	/* slug of the first line's */
	int64_t			 user_id;	/* its placer */
	int			 has_pau;	/* a Pay After Use charge: */
	int64_t			 pau_charge;	/* price and late fee */
	int64_t			 pau_paid;
	int			 pau_open;	/* not yet paid in full */
	int64_t			 cod_charge;	/* COD refusal charges */
	int64_t			 cod_debt;	/* of them still owed */
	int64_t			 cod_debt_id;	/* the oldest still owed, 0 */
};

/* Page q->page of the orders matching q, newest first, into *out (free(3);
 * NULL when none) and *n; *more is set when a further page exists. Rows
 * of an unknown currency are left out (logged). Returns 0 or -1. */
int	db_my_orders_page(struct db *, const struct db_my_orders_query *q,
	    struct db_my_order **out, size_t *n, int *more);

/* One payment of an order: a ledger entry of a kind that records money
 * paid, with what it took off the payer's receivable. */
struct db_receipt {
	int64_t		 id;		/* the entry's first line id */
	char		 entry_key[101];
	char		 kind[25];
	char		 currency[4];
	int64_t		 paid_minor;	/* credited to the receivable */
	char		 partner[33];
	char		 partner_ref[101];
	int64_t		 at;
};

/* The payments of order_id, oldest first, into *out (free(3)) and *n.
 * Returns 0 or -1. */
int	db_receipts_of_order(struct db *, int64_t order_id,
	    struct db_receipt **out, size_t *n);

#endif
