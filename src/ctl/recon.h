#ifndef MALLPAY_CTL_RECON_H
#define MALLPAY_CTL_RECON_H

struct ctl;

/* mallpayctl partner-report --partner P --date D: print partner P's
 * settlement report of day D (its own books; format in gateway/books.h
 * and the README). Returns 0, 1 (the books cannot be read) or 2 (usage,
 * unknown partner). */
int	ctl_partner_report(struct ctl *, int argc, char **argv);

/* mallpayctl reconcile [--date D] [--now TIME]: match every partner's
 * report of day D (default: the day before now) with the ledger, store
 * the run and print each difference and a summary. Returns 0 when there
 * is no difference, 3 when there are differences, 1 on failure, 2 on a
 * usage error. */
int	ctl_reconcile(struct ctl *, int argc, char **argv);
#define CTL_RECON_DIFFERENCES	3

#endif
