#ifndef MALLPAY_DB_RECON_H
#define MALLPAY_DB_RECON_H

/*
 * Reconciliation's statements (sql/018_reconciliation.sql): the ledger
 * lines of a partner's clearing account (read only: ledger_lines belongs
 * to db/ledger.c), the runs and their differences.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* One ledger line on a partner's clearing account. */
struct db_recon_ledger {
	char	reference[101];		/* partner_ref ("" when none) */
	char	currency[4];
	int64_t	amount;			/* debit > 0 */
	int64_t	at;			/* created_at */
};

/* The lines of account with partner = partner created in [from, to),
 * into *out (free(3); NULL when none) and *n. Returns 0 or -1. */
int	db_recon_ledger_lines(struct db *, const char *partner,
	    const char *account, int64_t from, int64_t to,
	    struct db_recon_ledger **out, size_t *n);

/* The ids of the logistics partners (partners.kind), ascending, into *out
 * (free(3); NULL when none) and *n. Returns 0 or -1. */
int	db_recon_couriers(struct db *, int64_t **out, size_t *n);

struct db_recon_run {
	int64_t	id;
	char	day[11];		/* YYYY-MM-DD */
	char	partner[33];
	int	report_lines;
	int	ledger_lines;
	int	differences;
	int64_t	ran_at;
};

/* Insert run r (its id ignored). Returns the new id, or -1. */
int64_t	db_recon_run_insert(struct db *, const struct db_recon_run *r);

/* The newest run of every partner, by partner, into *out (free(3)) and
 * *n. Returns 0 or -1. */
int	db_recon_last_runs(struct db *, struct db_recon_run **out, size_t *n);

struct db_recon_diff {
	int64_t	run_id;
	char	reference[101];
	char	currency[4];
	char	kind[24];		/* not_recorded, not_charged, amount_differs,
					   awaiting_statement */
	int64_t	partner_minor;
	int64_t	ledger_minor;
};

/* Insert difference d of run d->run_id. Returns 0 or -1. */
int	db_recon_diff_insert(struct db *, const struct db_recon_diff *d);

/* The differences of run run_id in the order found, into *out (free(3);
 * NULL when none) and *n. Returns 0 or -1. */
int	db_recon_diffs(struct db *, int64_t run_id, struct db_recon_diff **out,
	    size_t *n);

#endif
