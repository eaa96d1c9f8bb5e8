#ifndef MALLPAY_RULES_INSTALLMENT_H
#define MALLPAY_RULES_INSTALLMENT_H

/*
 * Installment eligibility (RULES INST-01..INST-09) for one institution of
 * the kinds installment_card (INST-CC), installment_partner (INST-PC) and
 * installment_corporate (INST-CORP, B2B only). Pure: reads only *f.
 */

#include "rules/facts.h"
#include "rules/verdict.h"

/* Check every INST rule for institution inst and write the verdict into
 * *out (initialised here: method from inst->method, institution id,
 * amount figures, the minimum as limit_usd, the institution's terms).
 * inst->method must not be INST_CREDIT_LINE (see creditline.h); such an
 * institution gets an "INST-CL" reason. Never fails otherwise. */
void	installment_check(const struct facts *f,
	    const struct institution *inst, struct verdict *out);

/* The pieces, shared with the credit line (creditline.c); each adds its
 * failing reasons to v and leaves passing rules silent. */
/* INST-01 real name, INST-02 score and bad record: B2C buyers only. */
void	inst_check_b2c(const struct facts *f, struct verdict *v);
/* INST-03 qualification, INST-04 USD 5,000 in 90 days: B2B buyers only. */
void	inst_check_b2b(const struct facts *f, struct verdict *v);
/* INST-06 durable categories, INST-07 no pre-order/custom/customs. */
void	inst_check_items(const struct facts *f, struct verdict *v);
/* INST-08 destination not high-risk. */
void	inst_check_country(const struct facts *f, struct verdict *v);
/* INST-09 installment access not suspended. */
void	inst_check_suspension(const struct facts *f, struct verdict *v);

/* The verdict method of an institution method (INST_CARD ->
 * PM_INSTALLMENT_CARD ...). */
enum pay_method inst_pay_method(enum inst_method m);

#endif
