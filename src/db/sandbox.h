#ifndef MALLPAY_DB_SANDBOX_H
#define MALLPAY_DB_SANDBOX_H

/* Statements of the gateway sandboxes: sms_outbox rows written by the SMS
 * sandbox, sandbox_finance_apps kept by the finance sandbox (platform),
 * sandbox_partner_ops: the partners' own books (src/sandbox/books.c). */

#include <stddef.h>
#include <stdint.h>

struct db;

/* Insert an SMS outbox row. Returns the row id, or -1. */
int64_t	db_sms_outbox_insert(struct db *, int64_t user_id, const char *phone,
	    const char *body, size_t bodylen, int64_t now);

struct db_sandbox_fin {
	char	ref[25];
	int	credit_score;
	int64_t	amount_minor;
	char	currency[4];
	int	months;
	int64_t	submitted_at;
	int64_t	ready_at;
};

/* Insert a sandbox finance application. Returns 0, or -1 (also on a
 * duplicate ref). */
int	db_sandbox_fin_insert(struct db *, const struct db_sandbox_fin *);
/* Read application ref. Returns 1 found, 0 none, -1 error. */
int	db_sandbox_fin_get(struct db *, const char *ref,
	    struct db_sandbox_fin *out);

/* One operation in a partner's own books (sql/018_reconciliation.sql). */
struct db_sandbox_op {
	char	partner[33];
	char	reference[101];
	char	kind[12];		/* charge, refund, collection, settlement */
	int64_t	amount_minor;		/* > 0 */
	char	currency[4];
	char	day[11];		/* YYYY-MM-DD */
	int64_t	at;
};

/* Record op unless (partner, kind, reference) is there. Returns 0
 * inserted, 1 already there, -1 error. */
int	db_sandbox_op_insert(struct db *, const struct db_sandbox_op *op);
/* partner's operations of day (YYYY-MM-DD) in the order they were
 * recorded, into *out (free(3); NULL when none) and *n. Returns 0 or -1. */
int	db_sandbox_ops_day(struct db *, const char *partner, const char *day,
	    struct db_sandbox_op **out, size_t *n);

#endif
