#ifndef MALLPAY_DB_REMITTANCE_H
#define MALLPAY_DB_REMITTANCE_H

/*
 * Statements of the remittance tables (migration 007): the payee,
 * vouchers, refunds, imported statements. SQL only, bound parameters only.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/lifecycle.h"
#include "core/order_status.h"

struct db;

/* The payee printed on the instructions (REM-P1). */
struct db_rem_payee {
	char	account_name[201];
	char	account_number[65];
	char	address[256];
	char	postal_code[17];
	char	country[101];
};

/* Read the payee into *out. 1 found, 0 none, -1 error. */
int	db_rem_payee_get(struct db *, struct db_rem_payee *out);

/* 1 if region code is domestic (REM-P4), 0 if not or unknown, -1 error. */
int	db_rem_region_domestic(struct db *, const char *region_code);

/* One voucher row. Dates "YYYY-MM-DD" ("" when NULL). */
struct db_rem_voucher {
	int64_t	id, order_id, user_id, file_id, dup_of_file;
	char	source[12];
	int64_t	amount_minor;
	char	currency[4];
	char	remitted_on[11];
	char	tracking[65];
	char	expected_from[11], expected_by[11];
	enum voucher_status status;
	char	reason[33];
	char	note[256];
	int64_t	received_minor;		/* -1 when NULL */
	int64_t	decided_by;		/* 0 when NULL */
	char	decided_by_email[255];
	int64_t	decided_at;
	int64_t	created_at;
};

/* A new voucher (REM-P3) or statement receipt. */
struct db_rem_voucher_new {
	int64_t		 order_id, user_id;
	const char	*source;		/* "upload", "statement" */
	int64_t		 file_id, dup_of_file;	/* 0: NULL */
	int64_t		 amount_minor;
	const char	*currency;
	const char	*remitted_on;
	const char	*tracking;
	const char	*expected_from, *expected_by;	/* NULL: none */
	enum voucher_status status;		/* VS_PENDING, VS_ACCEPTED */
	int64_t		 received_minor;	/* < 0: NULL */
	int64_t		 decided_by;		/* 0: NULL */
	const char	*idempotency_key;
	int64_t		 now;
};

/* Insert v. Returns the new id, 0 when (order_id, key) exists (nothing
 * inserted), -1 on error. */
int64_t	db_rem_voucher_insert(struct db *, const struct db_rem_voucher_new *v);

/* The id of order_id's voucher with key, 0 none, -1 error. */
int64_t	db_rem_voucher_by_key(struct db *, int64_t order_id, const char *key);

/* Voucher id into *out, locked FOR UPDATE when lock. 1, 0 none, -1 error. */
int	db_rem_voucher_get(struct db *, int64_t id, int lock,
	    struct db_rem_voucher *out);

/* The vouchers of order_id, newest first (*out of *n, free()). 0 or -1. */
int	db_rem_voucher_list(struct db *, int64_t order_id,
	    struct db_rem_voucher **out, size_t *n);

/* The newest pending voucher of order_id: 1 with *out, 0 none, -1. */
int	db_rem_voucher_pending(struct db *, int64_t order_id,
	    struct db_rem_voucher *out);

/* The order of another voucher carrying file_id (not order not_order):
 * id, 0 none, -1 error. */
int64_t	db_rem_voucher_order_of_file(struct db *, int64_t file_id,
	    int64_t not_order);

/* The vouchers of other orders than not_order carrying file dup_of and
 * not yet flagged: flag them as copies of file_id (the later upload), so
 * every order sharing the file shows the other one. 0 or -1. */
int	db_rem_voucher_flag_earlier(struct db *, int64_t file_id,
	    int64_t dup_of, int64_t not_order);

/* Decide pending voucher id: status VS_ACCEPTED/VS_REJECTED, reason (NULL
 * none), received (< 0: NULL), note, by admin at now. 1 done, 0 not
 * pending any more, -1 error. */
int	db_rem_voucher_decide(struct db *, int64_t id,
	    enum voucher_status status,
	    const char *reason, int64_t received, const char *note,
	    int64_t admin_id, int64_t now);

/* Sum of received_minor of order_id's accepted vouchers into *out. 0/-1. */
int	db_rem_received_total(struct db *, int64_t order_id, int64_t *out);

/* The admin queue: pending vouchers whose order awaits verification,
 * oldest first; filters: currency "" any, dup_only. */
struct db_rem_queue_row {
	struct db_rem_voucher	 v;
	char			 user_email[255];
	int64_t			 order_amount_minor;
	char			 order_status[33];
	char			 country[3];
	int			 has_thumb;	/* the voucher's file has a
						   thumbnail (file_renders) */
};
/* A keyset page of the queue: the vouchers after (key_dir 1) or before
 * (-1) the voucher (key_at: its created_at, key_id) in the queue's
 * order, or from the start (0), at most limit, read outwards from the
 * key (a page before it comes newest first), by the index on the pending
 * state and time. Returns 0 or -1. */
int	db_rem_queue(struct db *, const char *currency, int dup_only,
	    int key_dir, int64_t key_at, int64_t key_id, size_t limit,
	    struct db_rem_queue_row **out, size_t *n);
/* How many vouchers the queue holds with these filters, counted up to
 * DB_COUNT_CAP + 1 (more than the cap, db/admin.h), into *total. Returns
 * 0 or -1. */
int	db_rem_queue_count(struct db *, const char *currency, int dup_only,
	    int64_t *total);

/* Insert a refund (kind "excess"/"cancel") of order_id; due "" or NULL:
 * not dated yet. 1 inserted, 0 one of that kind exists, -1 error. */
int	db_rem_refund_insert(struct db *, int64_t order_id, const char *kind,
	    int64_t amount_minor, const char *currency, const char *due,
	    int64_t now);

/* One refund row. */
struct db_rem_refund {
	int64_t	id, order_id, amount_minor, created_at, sent_at;
	char	kind[8];
	char	currency[4];
	char	due[11];		/* "" when not dated yet */
	/* migration 012: the shopper's postal account ("" / 0: not given) */
	char	account_name[201];
	char	account_number[65];
	int64_t	account_given_at;
	char	sent_by_email[255];	/* "" when not sent */
};

/* The refunds of order_id (*out of *n, free()). 0 or -1. */
int	db_rem_refund_list(struct db *, int64_t order_id,
	    struct db_rem_refund **out, size_t *n);

/* Give (or correct) the postal account of every unsent refund of order_id
 * when the order is user_id's. Returns the rows changed (0: none), -1. */
int	db_rem_refund_set_account(struct db *, int64_t order_id,
	    int64_t user_id, const char *name, const char *number,
	    int64_t now);

/* Lock refund id into *r (with who sent it). 1, 0 no such refund, -1. */
int	db_rem_refund_get_lock(struct db *, int64_t id,
	    struct db_rem_refund *r);

/* Mark refund id sent by admin_id at now, only if unsent and its account
 * is given. 1 marked, 0 not (sent or no account), -1 error. */
int	db_rem_refund_mark_sent(struct db *, int64_t id, int64_t admin_id,
	    int64_t now);

/* The remittance order whose code is rf (electronic form): id, 0, -1. */
int64_t	db_rem_order_by_rf(struct db *, const char *rf);

/* Record statement sha (hex) by admin at now: new id, 0 when that file
 * was imported already (*prev_at = when), -1 error. */
int64_t	db_rem_statement_insert(struct db *, const char *sha, int64_t admin_id,
	    int64_t now, int64_t *prev_at);

/* Set the counts of statement id. 0 or -1. */
int	db_rem_statement_counts(struct db *, int64_t id, int nlines,
	    int matched);

/* Record one line; 1 inserted, 0 the same line was imported before, -1. */
int	db_rem_statement_line(struct db *, int64_t statement_id, int line_no,
	    const char *sha, const char *raw, int64_t order_id,
	    const char *outcome, const char *note);

/* One imported line for the statements page. */
struct db_rem_line {
	int64_t	statement_id;
	int	line_no;
	char	raw[513];
	int64_t	order_id;
	char	outcome[33];
	char	note[256];
	int64_t	imported_at;
};

/* Lines not matched (outcome != "matched"), newest first, at most limit.
 * 0 or -1. */
int	db_rem_unmatched_lines(struct db *, size_t limit,
	    struct db_rem_line **out, size_t *n);

/* tick (REM-P6): lock one remittance order still unpaid whose payment_due
 * is before today ("YYYY-MM-DD"), FOR UPDATE SKIP LOCKED; *order_id and
 * its status. 1 taken, 0 none, -1 error (or an unknown status). */
int	db_rem_take_expired(struct db *, const char *today, int64_t *order_id,
	    enum order_status *status);

/* tick (REM-P7): lock one excess refund without a due date whose order is
 * completed; *refund_id, *completed_at. 1, 0, -1. */
int	db_rem_take_undated_excess(struct db *, int64_t *refund_id,
	    int64_t *completed_at);

/* tick (REM-P8): lock one cancelled remittance order still marked for
 * the refund check (migration 026, by index): *order_id, *received (the
 * accepted vouchers' sum), currency (4 bytes), *updated_at (when it was
 * cancelled), *refunded (1 if its cancellation refund exists). 1, 0, -1. */
int	db_rem_take_cancel_check(struct db *, int64_t *order_id,
	    int64_t *received, char *currency, int64_t *updated_at,
	    int *refunded);

/* tick (REM-P8): clear order_id's refund-check mark. 1 cleared, 0 not
 * marked, -1 error. */
int	db_rem_cancel_checked(struct db *, int64_t order_id);

/* Date refund id due on day. 0 or -1. */
int	db_rem_refund_set_due(struct db *, int64_t id, const char *day);

#endif
