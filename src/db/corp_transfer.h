#ifndef MALLPAY_DB_CORP_TRANSFER_H
#define MALLPAY_DB_CORP_TRANSFER_H

/*
 * Statements of the corporate bank transfers (sql/017_corp_transfers.sql):
 * each transfer recorded on a corporate plan, its allocation to the
 * installments, partial payments of an installment, and the figures
 * `mallpayctl check` compares with the ledger.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* One recorded transfer. */
struct db_corp_xfer {
	int64_t		 id;
	int64_t		 application_id, plan_id, company_id;
	char		 key[97];
	char		 params[256];	/* what the key was first used for */
	int64_t		 amount;
	char		 currency[4];
	char		 reference[65];
	char		 source[10];	/* "admin" or "statement" */
	int64_t		 recorded_by;	/* admin id, 0 statement */
	char		 recorded_email[255];
	int64_t		 allocated, excess;
	int64_t		 created_at;
};

/* One installment (part) a transfer paid. */
struct db_corp_alloc {
	int64_t		 transfer_id;
	int		 seq;
	int64_t		 amount;
	int		 settled;	/* the installment became paid */
};

/* The transfer recorded under key into *out: 1, 0 none, -1. */
int	db_corp_xfer_by_key(struct db *, const char *key,
	    struct db_corp_xfer *out);

/* Insert transfer *x (id, recorded_email, created_at ignored but
 * x->created_at used). Returns its id, 0 when the key is taken, -1. */
int64_t	db_corp_xfer_insert(struct db *, const struct db_corp_xfer *x);

/* Insert one allocation line. 0 or -1. */
int	db_corp_alloc_insert(struct db *, int64_t transfer_id, int seq,
	    int64_t amount, int settled);

/* The transfers of plan_id, oldest first, into *out (free()). 0 or -1. */
int	db_corp_xfer_list(struct db *, int64_t plan_id,
	    struct db_corp_xfer **out, size_t *n);

/* The allocation lines of every transfer of plan_id, by transfer then
 * seq, into *out (free()). 0 or -1. */
int	db_corp_alloc_list(struct db *, int64_t plan_id,
	    struct db_corp_alloc **out, size_t *n);

/* Add part to the paid amount of installment seq of plan_id, still due
 * (a partial payment). 1, 0 not due, -1. */
int	db_corp_inst_add_paid(struct db *, int64_t plan_id, int seq,
	    int64_t part);

/* Corporate plans whose transfers do not agree with their state: the
 * amount of each transfer is its allocation plus its excess, and the
 * allocations of a plan equal what its installments record as paid (in
 * full or in part). One line per plan appended to out; returns how many,
 * or -1. */
struct buf;
int	db_corp_xfer_check(struct db *, struct buf *out);

#endif
