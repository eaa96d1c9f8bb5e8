#ifndef MALLPAY_DB_CHECK_H
#define MALLPAY_DB_CHECK_H

/*
 * Read-only statements of `mallpayctl check` (issue 12): each finds the rows
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

#endif
