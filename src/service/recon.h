#ifndef MALLPAY_SERVICE_RECON_H
#define MALLPAY_SERVICE_RECON_H

/*
 * Reconciliation with the partners (RULES C-09, README "Reconciliation
 * with the partners"): each partner's daily settlement report (its own
 * books, gateway/books.h) matched line by line with the ledger's lines on
 * its clearing account (partner:<id>:clearing with partner = <id>,
 * matched on partner_ref = the report's reference; rules/recon.h). Each
 * run and its differences are stored (recon_runs, recon_differences) for
 * the admin console.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "rules/recon.h"

struct buf;
struct db;

/* The partners reconciled, in order (gateway/books.h ids), NULL-ended;
 * then every courier of the partners table ("logistics-<id>"). */
extern const char *const recon_partners[];

/* The name an admin reads for partner id ("Card bank", ...); the id
 * itself when unknown. */
const char *recon_partner_name(const char *id);

/* The post office's statement reaches the mall days after a voucher was
 * approved: an amount the ledger recorded on its clearing account within
 * this many days and not on its report yet is awaiting the statement (in
 * transit, listed, not a difference); past it, it is a difference
 * (rules/recon.h, IN TRANSIT). */
#define RECON_POST_OFFICE_TRANSIT_DAYS	5

/* What a reconciliation found over all partners. */
struct recon_summary {
	int	partners;
	int	report_lines;	/* report lines of the day */
	int	ledger_lines;	/* ledger lines of the day */
	int	differences;
	int	awaiting;	/* amounts in transit (not differences) */
};

/* Reconcile day for every partner in ONE transaction of its own, at now:
 * read each report (the day and the days around it, so that what was
 * booked across midnight matches), the ledger lines, match, store one
 * run per partner with its differences. A line per partner and per
 * difference is appended to log. Returns 0 with *sum (differences may be
 * > 0), or -1 (a report could not be read or parsed, or the database
 * failed: nothing stored; the reason in log). */
int	recon_reconcile(struct db *, mp_date day, int64_t now,
	    struct recon_summary *sum, struct buf *log);

/* As recon_reconcile(), inside the caller's transaction (tick's job). */
int	recon_reconcile_tx(struct db *, mp_date day, int64_t now,
	    struct recon_summary *sum, struct buf *log);

/* Append partner's settlement report of day (its own books) to out.
 * Returns 0, 1 when partner is not one of recon_partners, -1 when the
 * partner's books cannot be read. */
int	recon_partner_report(const char *partner, mp_date day, struct buf *out);

/*
 * The books of the partners whose reports come TO us (recon_books.c):
 * the sandbox courier and post office keep their own records as their
 * reports arrive, through gateway/books.h, on the books' own connection
 * (so they survive our rollback). A real courier or post office keeps
 * its own; with no store installed these do nothing.
 */
struct money;

/* Courier partner pid collected m (its signed "paid" event, taken, with
 * its payment record record_id) at now: the books of "logistics-<pid>"
 * get a collection under record_id (the ledger's partner reference of
 * the COD collection). Returns 0, or -1 (nothing kept: the event should
 * fail). */
int	recon_books_cod_collected(int64_t pid, const char *record_id,
	    const struct money *m, int64_t now);

/* The post office's statement (the CSV of remittance_import) buf/len,
 * handed over at now: each line with an amount > 0 goes into its books as
 * a collection under the line's key (remittance_line_key: the ledger's
 * partner reference of its receipt) on the day of now (the day it settles them to the mall, when
 * the ledger records the receipts). Lines kept before are kept once.
 * Best effort (failures logged). */
void	recon_books_statement(const char *buf, size_t len, int64_t now);

/* The last run of one partner, for the admin console. */
struct recon_last {
	char			 partner[33];
	const char		*name;		/* recon_partner_name() */
	char			 day[11];	/* the day reconciled */
	int64_t			 ran_at;
	int			 report_lines;
	int			 ledger_lines;
	struct recon_diff	*diffs;		/* differences[ndiffs] */
	size_t			 ndiffs;
};

/* The last run of every partner reconciled so far, by partner id, into
 * *out (recon_last_free) and *n. Returns 0 or -1. */
int	recon_last_runs(struct db *, struct recon_last **out, size_t *n);
void	recon_last_free(struct recon_last *, size_t n);

#endif
