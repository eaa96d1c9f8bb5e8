#ifndef MALLPAY_SERVICE_REMITTANCE_VIEW_H
#define MALLPAY_SERVICE_REMITTANCE_VIEW_H

/*
 * What the remittance pages show (REM-P1..P9), one loader per page: the
 * order with the parts a page asks for, a voucher's file, the admin's
 * queue and the statement lines nobody matched.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/order.h"
#include "db/remittance.h"
#include "service/filestore.h"

/* The parts of a remittance view (a bit mask). */
#define REMV_PAYEE	0x01	/* payee: the mall's account (REM-P1) */
#define REMV_RECEIVED	0x02	/* received: the total so far (REM-P7) */
#define REMV_WINDOW	0x04	/* domestic: the arrival window (REM-P4) */
#define REMV_VOUCHERS	0x08	/* v: every voucher, newest first */
#define REMV_PENDING	0x10	/* pv: the pending voucher, its file and a
				   duplicate's other order (REM-P9) */
#define REMV_REFUNDS	0x20	/* rf: the refunds (REM-P7, REM-P8) */

struct rem_view {
	struct db_order		 o;
	struct db_rem_payee	 payee;
	int64_t			 received;	/* minor units */
	int			 domestic;	/* 1 domestic, 0 cross-border */
	struct db_rem_voucher	*v;
	size_t			 nv;
	int			 has_pending;	/* pv is set */
	struct db_rem_voucher	 pv;
	int			 pv_has_file;	/* pv_file is set */
	struct filestore_info	 pv_file;
	int64_t			 pv_dup_order;	/* the other order of the same
						   file, 0 none */
	struct db_rem_refund	*rf;
	size_t			 nrf;
};

/* Order id of user_id (0: any owner, for the admin's pages) with parts.
 * For a shopper (user_id > 0) the parts of an order of another method are
 * not read (the page sends them to the order). Free with
 * rem_view_cleanup(), also on failure. Returns 1, 0 no such order, -1. */
int	rem_view_load(struct db *, int64_t user_id, int64_t id,
	    unsigned parts, struct rem_view *out);

/* The parts of order o already read (copied into out->o). Free with
 * rem_view_cleanup(), also on failure. Returns 0 or -1. */
int	rem_view_parts(struct db *, const struct db_order *o, unsigned parts,
	    struct rem_view *out);
void	rem_view_cleanup(struct rem_view *);

/* The file of voucher vid of order order_id (vid 0: the pending one):
 * 1 (*file_id), 0 no such voucher file, -1. */
int	rem_voucher_file(struct db *, int64_t order_id, int64_t vid,
	    int64_t *file_id);

/* A keyset page of pending vouchers for the admin's queue (db_rem_queue:
 * key_dir, key_at, key_id, limit), each marked has_thumb when its file
 * has a thumbnail, read with the page, and into *total how many the queue holds: without a
 * filter the remittances awaiting verification by the order counters
 * (the dashboard's figure, read whatever the queue's length), with one
 * counted up to DB_COUNT_CAP + 1. 0 or -1. */
int	rem_voucher_queue(struct db *, const char *currency, int dup_only,
	    int key_dir, int64_t key_at, int64_t key_id, size_t limit,
	    struct db_rem_queue_row **out, size_t *n, int64_t *total);

/* Statement lines no voucher matched, at most limit (*out to free()). */
int	rem_unmatched_lines(struct db *, size_t limit,
	    struct db_rem_line **out, size_t *n);

#endif
