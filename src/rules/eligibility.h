#ifndef MALLPAY_RULES_ELIGIBILITY_H
#define MALLPAY_RULES_ELIGIBILITY_H

/*
 * Every payment method's verdict for one order (RULES C-06: the checkout
 * page shows all methods, the unavailable ones with their reasons).
 */

#include "rules/facts.h"
#include "rules/verdict.h"

/* Append to *out (initialised by the caller with verdict_list_init) the
 * verdicts, in this order: installment_card, installment_partner and
 * installment_corporate, one per institution of that method in settings
 * order (a method no institution offers gets one refused verdict without
 * institution, rule INST-CC / INST-PC / INST-CORP); credit_line (once,
 * institution = the first credit_line institution, if any); cod;
 * remittance; pay_after_use. Never fails (OOM aborts). */
void	eligibility_check_all(const struct facts *f, struct verdict_list *out);

#endif
