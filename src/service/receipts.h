#ifndef MALLPAY_SERVICE_RECEIPTS_H
#define MALLPAY_SERVICE_RECEIPTS_H

/*
 * Receipts: one for every amount paid on an order (down payment,
 * installment, early repayment, cash collected by the courier, remittance
 * accepted, Pay After Use charge, corporate bank transfer, a refused
 * delivery's charge paid), read from the ledger (service/ledger.h): a
 * receipt is a ledger entry of a payment kind, its amount what the entry
 * took off the payer's receivable. Only the order's buyer, a member of
 * its company (RULES 5) and admins read them; anyone else gets "not
 * found".
 */

#include <stddef.h>
#include <stdint.h>

#include "core/result.h"
#include "db/my_orders.h"
#include "db/order.h"
#include "service/orders.h"

struct buf;
struct db;

/* An order's receipts. */
struct receipt_set {
	struct db_order		 o;
	struct db_receipt	*r;		/* oldest first */
	size_t			 n;
	struct db_order_item	*items;
	size_t			 nitems;
};

/* The receipts of order order_id, read as placed by reader (the route's
 * resolved object, service/target.h), into *out: RES_OK, RES_NOT_FOUND
 * (no such order of reader's), RES_ERROR. Free with receipt_set_cleanup
 * (also on failure). */
enum result receipt_set_load(struct db *, int64_t reader, int64_t order_id,
	    struct receipt_set *out);
void	receipt_set_cleanup(struct receipt_set *);

/* The receipt numbered id in s, or NULL. */
const struct db_receipt *receipt_find(const struct receipt_set *s,
	    int64_t id);

/* What receipt r paid for, in words of the thread's language
 * ("Installment", "Cash on delivery, paid to the courier", ...). */
const char *receipt_kind_words(const char *kind);

/* Append receipt r of s, paid amt at when (both as people read them), as
 * an A4 PDF (agreement_pdf.h's layout) to out, in the thread's language
 * (right to left in Arabic). Returns 0 or -1. */
int	receipt_pdf(const struct receipt_set *s, const struct db_receipt *r,
	    const char *when, const char *amt, struct buf *out);

#endif
