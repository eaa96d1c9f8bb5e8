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

/* The partners reconciled, in order (gateway/books.h ids), NULL-ended. */
extern const char *const recon_partners[];

/* The name an admin reads for partner id ("Card bank", ...); the id
 * itself when unknown. */
const char *recon_partner_name(const char *id);

/* What a reconciliation found over all partners. */
struct recon_summary {
	int	partners;
	int	report_lines;	/* report lines of the day */
	int	ledger_lines;	/* ledger lines of the day */
	int	differences;
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

/* The courier collected m for order_id (its signed "paid" event, taken)
 * at now: its books get a collection under the shipment's tracking number
 * ("order-<id>" without one). db reads the shipment (the caller's
 * transaction). Returns 0, or -1 (nothing kept: the event should fail). */
int	recon_books_cod_collected(struct db *, int64_t order_id,
	    const struct money *m, int64_t now);

/* The post office's statement (the CSV of remittance_import) buf/len,
 * handed over at now: each line with a valid code, an amount > 0 and a
 * date goes into its books as a collection under the normalised code
 * (RF...) on the day of now (the day it settles them to the mall, when
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
