/*
 * Installment eligibility, RULES section 1: INST-01..INST-09 for one
 * institution. Every check names its rule id; every failing rule is
 * recorded (C-06), not just the first.
 */

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/money.h"
#include "rules/amount.h"
#include "rules/installment.h"

/*
 * Verdict method of institution method m.
 */
enum pay_method
inst_pay_method(enum inst_method m)
{
	switch (m) {
	case INST_CARD:
		return PM_INSTALLMENT_CARD;
	case INST_PARTNER:
		return PM_INSTALLMENT_PARTNER;
	case INST_CORPORATE:
		return PM_INSTALLMENT_CORPORATE;
	default:
		return PM_CREDIT_LINE;
	}
}

/*
 * INST-01 and INST-02 for a B2C buyer; companies are not checked here.
 */
void
inst_check_b2c(const struct facts *f, struct verdict *v)
{
	const struct buyer_facts *b = &f->buyer;
	int64_t	 min = f->settings.platform_min_credit_score;

	if (b->type != BUYER_PERSON)
		return;
	/* INST-01: real-name authentication completed. */
	if (!b->real_name_verified)
		verdict_fail(v, "INST-01", "the buyer has not completed "
		    "the mall's real-name authentication");
	/* INST-02: credit score at or above the platform minimum. */
	if (!b->has_credit_score)
		verdict_fail(v, "INST-02", "there is no credit "
		    "score on record; the platform minimum is %lld",
		    (long long)min);
	else if (b->credit_score < min)
		verdict_fail_count(v, "INST-02", b->credit_score, min,
		    "the credit score, %lld, is below the platform minimum "
		    "of %lld", (long long)b->credit_score, (long long)min);
	/* INST-02: and no bad payment record. */
	if (b->bad_payment_record)
		verdict_fail(v, "INST-02", "the buyer has a bad payment "
		    "record (a payment overdue now, or an installment once "
		    "overdue more than 30 days)");
}

/*
 * INST-03 and INST-04 for a B2B buyer; persons are not checked here.
 */
void
inst_check_b2b(const struct facts *f, struct verdict *v)
{
	const struct company_facts *c = &f->buyer.company;
	const struct money *min = &f->settings.inst_b2b_orders_usd_90d;
	char	 a[MONEY_STR_MAX], l[MONEY_STR_MAX], d[CAL_DATE_STRLEN];

	if (f->buyer.type != BUYER_COMPANY)
		return;
	if (!f->buyer.has_company) {
		verdict_fail(v, "INST-03", "the company has no qualification "
		    "on record");
		verdict_fail_money(v, "INST-04", &c->completed_orders_usd_90d,
		    min, "the company has no completed orders on record; "
		    "installments need %s in the last 90 days",
		    verdict_money(min, l, sizeof(l)));
		return;
	}
	/* INST-03: qualification verified . */
	if (!c->qualification_verified)
		verdict_fail(v, "INST-03", "the company's qualification has "
		    "not been verified");
	/* INST-03: ... and not expired (the expiry date is the last valid
	 * day). */
	if (c->has_qualification_expires && c->qualification_expires < f->now)
		verdict_fail_date(v, "INST-03", c->qualification_expires,
		    "the company's qualification expired on %s",
		    mp_date_str(c->qualification_expires, d, sizeof(d)));
	/* INST-04: USD 5,000 of completed orders in the last 90 days. */
	if (amount_lt(&c->completed_orders_usd_90d, min))
		verdict_fail_money(v, "INST-04", &c->completed_orders_usd_90d,
		    min, "the company's completed orders of the last 90 days, "
		    "%s, are below the %s installments need",
		    verdict_money(&c->completed_orders_usd_90d, a, sizeof(a)),
		    verdict_money(min, l, sizeof(l)));
}

/*
 * INST-06 and INST-07 over every item of the order.
 */
void
inst_check_items(const struct facts *f, struct verdict *v)
{
	/* INST-06: durable categories only (no food, consumables). */
	facts_fail_items(f, v, "INST-06", ITEMS_NOT_DURABLE);
	/* INST-07: no pre-ordered, customized or special-customs item. */
	facts_fail_special_items(f, v, "INST-07");
}

/*
 * INST-08: the destination country is not flagged high-risk.
 */
void
inst_check_country(const struct facts *f, struct verdict *v)
{
	if (facts_is_high_risk(f, f->order.shipping.country))
		verdict_fail(v, "INST-08", "installments are not offered for "
		    "delivery to %s, a country flagged high-risk",
		    f->order.shipping.country);
}

/*
 * INST-09: the buyer's installment access is not suspended (INST-F2).
 */
void
inst_check_suspension(const struct facts *f, struct verdict *v)
{
	if (f->buyer.installment_suspended)
		verdict_fail(v, "INST-09", "the buyer's installment access is "
		    "suspended after a payment overdue more than 30 days");
}

/*
 * Every INST rule for one institution; see installment.h.
 */
void
installment_check(const struct facts *f, const struct institution *inst,
    struct verdict *out)
{
	struct pay_amount amt;
	char	 a[2 * MONEY_STR_MAX], l[MONEY_STR_MAX];
	size_t	 i;

	verdict_init(out, inst_pay_method(inst->method), inst->id);
	for (i = 0; i < inst->nterms && i < sizeof(out->terms) /
	    sizeof(out->terms[0]); i++)
		out->terms[i] = inst->terms[i];
	out->nterms = i;
	out->has_limit = 1;
	out->limit_usd = inst->min_usd;

	if (inst->method == INST_CREDIT_LINE) {
		verdict_fail(out, "INST-CL", "the credit line is checked by "
		    "its own rules, not as a bank installment");
		return;
	}
	/* INST-CORP: corporate public installment is B2B only. */
	if (inst->method == INST_CORPORATE && f->buyer.type != BUYER_COMPANY)
		verdict_fail(out, "INST-CORP", "corporate public installment "
		    "is for company (B2B) buyers only");

	inst_check_b2c(f, out);		/* INST-01, INST-02 */
	inst_check_b2b(f, out);		/* INST-03, INST-04 */

	/* INST-05: the amount to pay (C-03) in USD (C-02) reaches this
	 * institution's minimum (500, or 300 for a low-threshold one). */
	if (amount_for_verdict(f, out, &amt) == 0 &&
	    amount_lt(&amt.amount_usd, &inst->min_usd))
		verdict_fail_money(out, "INST-05", &amt.amount_usd,
		    &inst->min_usd, "the amount to pay, %s, is below the "
		    "installment minimum of %s",
		    amount_describe(&amt, a, sizeof(a)),
		    verdict_money(&inst->min_usd, l, sizeof(l)));

	inst_check_items(f, out);	/* INST-06, INST-07 */
	inst_check_country(f, out);	/* INST-08 */
	inst_check_suspension(f, out);	/* INST-09 */
}
