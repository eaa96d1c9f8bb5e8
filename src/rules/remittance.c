/*
 * Post office remittance, RULES section 3: REM-01..REM-05. Every failing
 * rule is recorded (C-06).
 */

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/money.h"
#include "rules/amount.h"
#include "rules/remittance.h"

/*
 * Every REM rule; see remittance.h.
 */
void
remittance_check(const struct facts *f, struct verdict *out)
{
	const struct country_limit *cl;
	const struct company_facts *c = &f->buyer.company;
	struct pay_amount amt;
	struct money	 max;
	char		 a[2 * MONEY_STR_MAX], l[MONEY_STR_MAX];
	int		 have_amt;

	verdict_init(out, PM_REMITTANCE, NULL);
	have_amt = amount_for_verdict(f, out, &amt) == 0;

	if (f->buyer.type == BUYER_PERSON) {
		/* REM-01: USD 5,000, or the country's lower postal limit. */
		max = f->settings.rem_b2c_max_usd;
		cl = facts_remittance_limit(f, f->order.shipping.country);
		if (cl != NULL)
			max = amount_min(&max, &cl->max_usd);
		out->has_limit = 1;
		out->limit_usd = max;
		if (have_amt && amount_gt(&amt.amount_usd, &max))
			verdict_fail_money(out, "REM-01", &amt.amount_usd,
			    &max, "the amount to pay, %s, is above the post "
			    "office remittance maximum of %s%s",
			    amount_describe(&amt, a, sizeof(a)),
			    verdict_money(&max, l, sizeof(l)),
			    cl != NULL && amount_lt(&cl->max_usd,
			    &f->settings.rem_b2c_max_usd) ?
			    _(" for the destination country") : "");
	} else if (!f->buyer.has_company || !c->has_remittance_quota) {
		/* REM-02: B2B only with a quota agreed with customer
		 * service. */
		verdict_fail(out, "REM-02", "the company has no remittance "
		    "quota agreed with customer service");
	} else {
		/* REM-02: within that quota. */
		out->has_limit = 1;
		out->limit_usd = c->remittance_quota_usd;
		if (have_amt && amount_gt(&amt.amount_usd,
		    &c->remittance_quota_usd))
			verdict_fail_money(out, "REM-02", &amt.amount_usd,
			    &c->remittance_quota_usd, "the amount to pay, %s, "
			    "is above the company's remittance quota of %s",
			    amount_describe(&amt, a, sizeof(a)),
			    verdict_money(&c->remittance_quota_usd, l,
			    sizeof(l)));
	}

	/* REM-03: not an urgent (expedited) order. */
	if (f->order.shipping.expedited)
		verdict_fail(out, "REM-03", "the order is shipped expedited; "
		    "a remittance takes days to arrive");
	/* REM-04: not a flash sale or other real-time activity. */
	if (f->order.flash_sale)
		verdict_fail(out, "REM-04", "the order is part of a flash sale "
		    "that needs real-time payment");
	/* REM-05: no high-value item. */
	facts_fail_items(f, out, "REM-05", ITEMS_HIGH_VALUE);
}

/* See rules/remittance.h (REM-P4): 1-3 business days domestic, 7-15
 * cross-border. */
int
remittance_window(mp_date from, int domestic, const mp_date *holidays,
    size_t nh, mp_date *earliest, mp_date *latest)
{
	int lo = domestic ? REM_DOMESTIC_MIN : REM_CROSS_MIN;
	int hi = domestic ? REM_DOMESTIC_MAX : REM_CROSS_MAX;

	if (mp_date_add_business_days(from, lo, holidays, nh, earliest) == -1 ||
	    mp_date_add_business_days(from, hi, holidays, nh, latest) == -1)
		return -1;
	return 0;
}

/* See rules/remittance.h (REM-P5, REM-P7). */
int
remittance_compare(int64_t due, int64_t received, int64_t *diff)
{
	if (received < due) {
		*diff = due - received;
		return -1;
	}
	*diff = received - due;
	return received > due ? 1 : 0;
}
