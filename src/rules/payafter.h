#ifndef MALLPAY_RULES_PAYAFTER_H
#define MALLPAY_RULES_PAYAFTER_H

/*
 * Pay After Use eligibility (RULES PAU-01, PAU-02). Pure.
 */

#include "rules/facts.h"
#include "rules/verdict.h"

/* Check PAU-01 and PAU-02 and write the verdict into *out (initialised
 * here: method PM_PAY_AFTER_USE, the amount figures). Never fails. */
void	payafter_check(const struct facts *f, struct verdict *out);

#endif
