/*
 * Platform credit line (RULES INST-CL, seed 002).
 *
 * Which INST rules apply (RULES is silent; decided here): the credit line
 * is consumer credit from the platform's lender, so it takes the B2C
 * installment rules that are about the buyer and the goods:
 *   INST-01 real name, INST-02 score and bad record, INST-06 durable
 *   goods, INST-07 no pre-order/customized/special customs, INST-08
 *   high-risk destination, INST-09 suspension.
 * It does not take INST-05 (the minimum amount): the seed sets only a
 * ceiling, the buyer's limit, and small purchases on a credit line are
 * its point. INST-03/04 do not apply: a company buyer is refused with
 * INST-CL, since the limit belongs to "each consumer".
 */

#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "rules/amount.h"
#include "rules/creditline.h"
#include "rules/installment.h"

/*
 * Available credit in USD (INST-CL): the buyer's limit capped at the
 * platform maximum, less what is used, floored at zero.
 */
void
creditline_available(const struct facts *f, struct money *out)
{
	struct money	 lim;

	if (!f->buyer.has_credit_line) {
		money_set(out, 0, "USD");
		return;
	}
	lim = amount_min(&f->buyer.credit_line_limit_usd,
	    &f->settings.credit_line_max_usd);
	if (money_sub(&lim, &f->buyer.credit_line_used_usd, out) == -1 ||
	    out->minor < 0)
		money_set(out, 0, "USD");
}

/*
 * Every INST-CL rule; see creditline.h.
 */
void
creditline_check(const struct facts *f, const char *inst_id,
    struct verdict *out)
{
	struct pay_amount amt;
	struct money	 avail;
	char		 a[2 * MONEY_STR_MAX], l[MONEY_STR_MAX];

	verdict_init(out, PM_CREDIT_LINE, inst_id);
	creditline_available(f, &avail);
	out->has_available = 1;
	out->available_usd = avail;
	if (f->buyer.has_credit_line) {
		out->has_limit = 1;
		out->limit_usd = amount_min(&f->buyer.credit_line_limit_usd,
		    &f->settings.credit_line_max_usd);
	}

	/* INST-CL: a consumer's credit line; companies have none. */
	if (f->buyer.type != BUYER_PERSON)
		verdict_fail(out, "INST-CL", "the platform credit line is for "
		    "individual consumers (B2C) only");
	else if (!f->buyer.has_credit_line)
		verdict_fail(out, "INST-CL", "the buyer has no platform "
		    "credit line");

	inst_check_b2c(f, out);		/* INST-01, INST-02 */

	/* INST-CL: the amount to pay (C-03) in USD (C-02) fits in the
	 * available credit. */
	if (amount_for_verdict(f, out, &amt) == 0 &&
	    f->buyer.type == BUYER_PERSON && f->buyer.has_credit_line &&
	    amount_gt(&amt.amount_usd, &avail))
		verdict_fail_money(out, "INST-CL", &amt.amount_usd, &avail,
		    "the amount to pay, %s, is above the available credit "
		    "of %s", amount_describe(&amt, a, sizeof(a)),
		    verdict_money(&avail, l, sizeof(l)));

	inst_check_items(f, out);	/* INST-06, INST-07 */
	inst_check_country(f, out);	/* INST-08 */
	inst_check_suspension(f, out);	/* INST-09 */
}
