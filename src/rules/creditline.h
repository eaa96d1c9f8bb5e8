#ifndef MALLPAY_RULES_CREDITLINE_H
#define MALLPAY_RULES_CREDITLINE_H

/*
 * Platform credit line eligibility (RULES INST-CL, seed 002): the order's
 * USD amount to pay must fit in the available credit (limit - used, the
 * limit capped at the platform maximum, demo USD 15,000), plus the INST
 * rules that apply to a consumer. Pure: reads only *f.
 */

#include "rules/facts.h"
#include "rules/verdict.h"

/* Check the credit line and write the verdict into *out (initialised
 * here, method PM_CREDIT_LINE, institution inst_id or "" when NULL; the
 * available credit in available_usd, the effective limit in limit_usd).
 * Never fails. */
void	creditline_check(const struct facts *f, const char *inst_id,
	    struct verdict *out);

/* *out = available credit in USD: min(limit, platform maximum) - used,
 * never below zero; zero when the buyer has no credit line. */
void	creditline_available(const struct facts *f, struct money *out);

#endif
