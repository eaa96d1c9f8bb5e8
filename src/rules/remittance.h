#ifndef MALLPAY_RULES_REMITTANCE_H
#define MALLPAY_RULES_REMITTANCE_H

/*
 * Post office remittance eligibility (RULES REM-01..REM-05), the arrival
 * window and the received total against the amount due (REM-P4, REM-P5,
 * REM-P7). Pure.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "rules/facts.h"
#include "rules/verdict.h"

/* Check every REM rule and write the verdict into *out (initialised
 * here: method PM_REMITTANCE, the amount figures, the USD limit or quota
 * in limit_usd when there is one). Never fails. */
void	remittance_check(const struct facts *f, struct verdict *out);

/* REM-P4: funds arrive in 1-3 business days (domestic) or 7-15
 * (cross-border). */
#define REM_DOMESTIC_MIN	1
#define REM_DOMESTIC_MAX	3
#define REM_CROSS_MIN		7
#define REM_CROSS_MAX		15

/* Pure (REM-P4, C-04): the arrival window of a remittance made on day
 * `from`: *earliest and *latest business days. Returns 0 or -1. */
int	remittance_window(mp_date from, int domestic, const mp_date *holidays,
	    size_t nh, mp_date *earliest, mp_date *latest);

/* Pure (REM-P5, REM-P7): compare the received total with the amount due:
 * -1 less (*diff = still due), 0 equal, 1 more (*diff = the excess). */
int	remittance_compare(int64_t due, int64_t received, int64_t *diff);

#endif
