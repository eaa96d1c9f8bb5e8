#ifndef MALLPAY_CORE_FEE_MODE_H
#define MALLPAY_CORE_FEE_MODE_H

/*
 * How an installment plan's fee is spread over its installments: a value
 * the plan rules compute with (rules/plan.h) and the plans table stores
 * (db/plan.h).
 */

enum plan_fee_mode {
	PLAN_FEE_SPREAD = 0,	/* each installment carries one month's fee */
	PLAN_FEE_UPFRONT,	/* the whole fee comes with the first one */
};

#endif
