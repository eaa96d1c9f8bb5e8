#ifndef MALLPAY_RULES_RECON_H
#define MALLPAY_RULES_RECON_H

/*
 * Reconciliation with the partners (RULES C-09), the pure part: the
 * matching of a partner's daily settlement report (its format:
 * gateway/books.h) with the ledger. No database, no clock.
 *
 * THE MATCHING: both sides become items signed as on the partner's
 * clearing account in the ledger (partner:<id>:clearing, debit > 0): a
 * charge or a collection is money the partner holds for the mall (+), a
 * refund or a settlement money that left it (-). Items are grouped by
 * (reference, currency); a group whose two sums differ is a difference:
 * "not recorded" when the ledger has no line of it, "not charged" when the
 * partner has none, "amounts differ" otherwise.
 *
 * IN TRANSIT (recon_match_window(), window N > 0 days: the post office,
 * whose statement reaches the mall days after a voucher was approved): an
 * amount the ledger recorded on day L and the partner's report does not
 * list yet is "awaiting the statement" (RECON_AWAITING, listed, not a
 * difference) while L > day - N, i.e. for the N days L .. L+N-1; on day
 * L+N, with still no report line, it becomes a difference ("not
 * charged"). Precisely, a group whose ledger sum exceeds the partner's by
 * exactly the sum of its ledger items dated in (day - N, day] (or by one
 * of them) is awaiting; a group whose only ledger items are dated day - N
 * and older, with the newest exactly day - N, and whose sums differ, is
 * judged on that day (its window ended) as a difference.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"

#define RECON_REF_MAX		101

/* One amount on a partner's clearing account as either side saw it. */
struct recon_item {
	mp_date		 day;
	char		 reference[RECON_REF_MAX];
	char		 currency[4];
	int64_t		 amount;		/* signed: debit > 0 */
};

enum recon_diff_kind {
	RECON_NOT_RECORDED = 0,	/* the partner moved it, the ledger has nothing */
	RECON_NOT_CHARGED,	/* the ledger has it, the partner never moved it */
	RECON_AMOUNT_DIFFERS,	/* both have it, with other amounts */
	RECON_AWAITING,		/* recorded by the ledger within the window,
				   not on the partner's report yet: in
				   transit, NOT a difference */
	RECON_DIFF__MAX
};

/* "not_recorded", "not_charged", "amount_differs" (stored names), NULL
 * out of range; and the words an admin reads. */
const char *recon_diff_name(enum recon_diff_kind);
const char *recon_diff_words(enum recon_diff_kind);
/* The kind stored as name, or -1. */
int	recon_diff_parse(const char *name);

struct recon_diff {
	enum recon_diff_kind	 kind;
	char			 reference[RECON_REF_MAX];
	char			 currency[4];
	int64_t			 partner_amount;	/* signed sum, 0 none */
	int64_t			 ledger_amount;		/* signed sum, 0 none */
};

/* Match the partner's items rep[nr] with the ledger's items led[nl] for
 * day: both lists may hold items of the days around it (so that an
 * operation booked just before midnight on one side and just after on the
 * other matches); only groups with at least one item dated day are
 * judged. Differences go into a new array *out (free(3); NULL when none)
 * ordered by reference, *nout its length. Returns 0, or -1 (out of
 * memory: *out NULL, *nout 0). */
int	recon_match(mp_date day, const struct recon_item *rep, size_t nr,
	    const struct recon_item *led, size_t nl, struct recon_diff **out,
	    size_t *nout);

/* As recon_match() with an in-transit window of window days (0: none,
 * recon_match() itself): *out also lists the groups awaiting the partner's
 * report (RECON_AWAITING, ledger_amount - partner_amount in transit) and
 * the groups whose window ended on day (see IN TRANSIT above). The lists
 * should hold the items of day - window - 1 .. day + 1. */
int	recon_match_window(mp_date day, int window,
	    const struct recon_item *rep, size_t nr,
	    const struct recon_item *led, size_t nl, struct recon_diff **out,
	    size_t *nout);

#endif
