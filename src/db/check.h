#ifndef MALLPAY_DB_CHECK_H
#define MALLPAY_DB_CHECK_H

/*
 * Read-only statements of `mallpayctl check`: each finds the rows
 * that break one invariant and appends one line per violation to out.
 */

#include <stdint.h>

#include "core/buf.h"

struct db;

/* Orders whose status differs from the to_state of their last order event
 * (or that have no event). Appends lines to out; returns how many, or -1. */
int	db_check_order_status(struct db *, struct buf *out);

/* Orders whose items_total is not the sum of their items, or whose
 * amount_due is not items_total - coupon - points (C-03). Returns how many
 * (lines appended to out), or -1. */
int	db_check_order_amounts(struct db *, struct buf *out);

/* Plans whose installments do not add up to principal plus fees (needs the
 * tables plans and plan_installments). Returns how many, -1 on error, -2
 * when the schema is not the one this check knows. */
int	db_check_plans(struct db *, struct buf *out);

/* Ledger entries whose lines do not sum to zero per currency, or that
 * have fewer than two lines. Returns how many (lines appended), or -1. */
int	db_check_ledger_balanced(struct db *, struct buf *out);

/* Ledger lines naming an order or a plan that does not exist. Returns how
 * many (lines appended), or -1. */
int	db_check_ledger_refs(struct db *, struct buf *out);

/* Keys of the ledger's daily totals (ledger_days) whose sum or line count
 * differs from the sum of the lines of that day, currency, account class,
 * kind, method, plan and sign, and all-time keys (day -1) that differ
 * from the sum of the days. Returns how many (lines appended), -1 on
 * error, -2 when the table does not exist. */
int	db_check_ledger_days(struct db *, struct buf *out);

/* Keys of the order counters (order_counts: status, method, promised
 * day) whose count differs from the number of orders. Returns how many
 * (lines appended), -1 on error, -2 when the table does not exist. */
int	db_check_order_counts(struct db *, struct buf *out);

/* Currencies and due dates whose kept sums of the installments still due
 * of active plans (installments_due_days: owed amount and count) differ
 * from the installments'. Returns how many (lines appended), -1 on error,
 * -2 when the table does not exist. */
int	db_check_due_days(struct db *, struct buf *out);

/* Orders paid by COD, remittance or Pay After Use whose amount received
 * by the state (cod_orders.paid_amount_minor, the accepted vouchers'
 * received_minor, the paid pau_charges row's paid_minor) differs from the
 * debits of their cod_collection, remittance_receipt or pau_charge ledger
 * lines. Returns how many (lines appended), or -1. */
int	db_check_ledger_received(struct db *, struct buf *out);

/* Currencies whose refunds due (remittance refunds not sent; returned COD
 * orders and charged Pay After Use orders whose refund is not sent) differ
 * from the credit balance of refunds:payable on those methods' orders.
 * Returns how many (lines appended), or -1. */
int	db_check_ledger_refunds(struct db *, struct buf *out);

/* Currencies whose Pay After Use guarantee rows (recoveries minus
 * payouts) differ from the balance of platform:guarantee. Returns how
 * many (lines appended), or -1. */
int	db_check_ledger_guarantee(struct db *, struct buf *out);
/* Corporate plans whose recorded down payment, transfers or company
 * credit (corp_applications, corp_transfers) differ from the ledger's
 * platform:cash and company:<id>:credit lines of the plan. Returns how
 * many (lines appended to out), or -1. */
int	db_check_corp_ledger(struct db *, struct buf *out);

/* Call fn(arg, id, stored_name) for every row of files. Returns the number
 * of rows, or -1. */
int	db_check_files(struct db *, void (*fn)(void *, int64_t, const char *),
	    void *arg);

/* 1 if a files row has this stored_name, 0 if not, -1 on error. */
int	db_check_file_row(struct db *, const char *stored_name);

/* A fingerprint of the business state (row counts and sums of the tables a
 * request may change, sessions excluded) into out, replacing it; tests
 * compare two fingerprints to prove a refused request changed nothing.
 * Returns 0 or -1. */
int	db_check_fingerprint(struct db *, struct buf *out);

/* Plans whose successful payments (down payment, repayments, deductions,
 * payoffs) differ from the ledger's credits to their receivable by kinds
 * down_payment, installment and payoff: one line each into out. Returns
 * the count, or -1. */
int	db_check_plan_paid_ledger(struct db *, struct buf *out);

#endif
