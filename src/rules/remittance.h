#ifndef MALLPAY_RULES_REMITTANCE_H
#define MALLPAY_RULES_REMITTANCE_H

/*
 * Post office remittance eligibility (RULES REM-01..REM-05). Pure.
 */

#include "rules/facts.h"
#include "rules/verdict.h"

/* Check every REM rule and write the verdict into *out (initialised
 * here: method PM_REMITTANCE, the amount figures, the USD limit or quota
 * in limit_usd when there is one). Never fails. */
void	remittance_check(const struct facts *f, struct verdict *out);

#endif
