/*
 * Cash on delivery, RULES section 2. Every failing rule is recorded
 * (C-06).
 *
 * Decisions where RULES is silent:
 * - COD-07 (the ladder) is the B2C shopper's limit; a company's limit is
 *   its agreement (COD-02). "No violation" means no violation on record
 *   at all (violations == 0).
 * - COD-01 and COD-07 are separate rules: an order above both limits
 *   fails both, each with its own limit.
 * - COD-F2 counts every recorded unreasonable refusal (not only those of
 *   a recent window): the 3rd, 6th, 9th ... each suspend COD for 3
 *   months from that refusal's date; on the day exactly 3 months later
 *   COD is back. Refusals dated after `now` are ignored.
 * - COD-F3 revocation is reported under COD-08 (the eligibility rule),
 *   its message naming COD-F3; likewise the suspension names COD-F2.
 * - COD-F1 is computed whenever the amount is known, even for a refused
 *   order, so the page can show what the fee would be.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "rules/amount.h"
#include "rules/cod.h"

/*
 * qsort comparator for dates.
 */
static int
date_cmp(const void *a, const void *b)
{
	mp_date	 x = *(const mp_date *)a, y = *(const mp_date *)b;

	return x < y ? -1 : x > y;
}

/*
 * COD-F2 from a list of refusal dates; see cod.h.
 */
int
cod_refusal_suspension(const mp_date *refusals, size_t n, mp_date now,
    int64_t per, int32_t months, mp_date *until)
{
	mp_date	*d, end;
	size_t	 i, k = 0;
	int	 found = 0;
	mp_date	 latest = 0;

	if (n == 0 || per <= 0)
		return 0;
	d = xcalloc(n, sizeof(*d));
	/* Only refusals that have happened by now count. */
	for (i = 0; i < n; i++)
		if (refusals[i] <= now)
			d[k++] = refusals[i];
	qsort(d, k, sizeof(*d), date_cmp);
	/* COD-F2: the per-th, 2*per-th ... refusal each suspends COD for
	 * `months` months from its own date. */
	for (i = (size_t)per; i <= k; i += (size_t)per) {
		if (mp_date_add_months(d[i - 1], months, &end) == -1)
			end = CAL_DATE_MAX;
		if (!found || end > latest)
			latest = end;
		found = 1;
	}
	free(d);
	if (!found)
		return 0;
	*until = latest;
	/* Exactly `months` months later COD is lifted: now < end. */
	return now < latest;
}

/*
 * COD-F2 for the buyer of f, combined with a suspension on record.
 */
int
cod_suspended(const struct facts *f, mp_date *until)
{
	const struct cod_history *h = &f->buyer.cod;
	mp_date	 end = 0;
	int	 have = 0;

	if (cod_refusal_suspension(h->refusals, h->nrefusals, f->now,
	    f->settings.cod_refusals_to_suspend,
	    f->settings.cod_suspension_months, &end) == 1)
		have = 1;
	if (h->has_suspended_until && h->suspended_until > f->now &&
	    (!have || h->suspended_until > end)) {
		end = h->suspended_until;
		have = 1;
	}
	if (have)
		*until = end;
	return have;
}

/*
 * COD-07: USD 500 until more than 5 completed COD orders and no
 * violation, then USD 2,000 (settings carry the figures).
 */
struct money
cod_ladder_limit(const struct facts *f)
{
	const struct cod_history *h = &f->buyer.cod;

	/* "More than 5": the 6th completed order lifts the limit. */
	if (h->completed_orders > f->settings.cod_ladder_orders &&
	    h->violations == 0)
		return f->settings.cod_full_limit_usd;
	return f->settings.cod_start_limit_usd;
}

/*
 * COD-F1: the region's fee rate (default 4%) on amount, half away from
 * zero.
 */
int
cod_fee(const struct facts *f, const struct money *amount, struct money *out)
{
	return money_mul_rate(amount, cod_fee_rate(f), out);
}

/*
 * COD-F1: the region's fee rate, or the default for an unlisted region.
 */
const struct money_rate *
cod_fee_rate(const struct facts *f)
{
	const struct cod_region *r;

	if ((r = facts_cod_region(f, f->order.shipping.region)) != NULL)
		return &r->fee;
	return &f->settings.cod_default_fee;
}

/*
 * COD-02: a company with a verified, unexpired qualification and a
 * signed agreement, within the agreement's limit.
 */
static void
cod_check_b2b(const struct facts *f, const struct pay_amount *amt,
    int have_amt, struct verdict *v)
{
	const struct company_facts *c = &f->buyer.company;
	char	 a[2 * MONEY_STR_MAX], l[MONEY_STR_MAX], d[CAL_DATE_STRLEN];

	if (!f->buyer.has_company || !c->qualification_verified)
		verdict_fail(v, "COD-02", "the company's qualification has "
		    "not been verified");
	else if (c->has_qualification_expires &&
	    c->qualification_expires < f->now)
		verdict_fail_date(v, "COD-02", c->qualification_expires,
		    "the company's qualification expired on %s",
		    mp_date_str(c->qualification_expires, d, sizeof(d)));
	if (!f->buyer.has_company || !c->has_cod_agreement) {
		verdict_fail(v, "COD-02", "the company has no signed "
		    "long-term agreement for cash on delivery");
		return;
	}
	v->has_limit = 1;
	v->limit_usd = c->cod_agreement_limit_usd;
	if (have_amt && amount_gt(&amt->amount_usd,
	    &c->cod_agreement_limit_usd))
		verdict_fail_money(v, "COD-02", &amt->amount_usd,
		    &c->cod_agreement_limit_usd, "the amount to pay, %s, is "
		    "above the COD limit of the company's agreement, %s",
		    amount_describe(amt, a, sizeof(a)),
		    verdict_money(&c->cod_agreement_limit_usd, l, sizeof(l)));
}

/*
 * COD-07 failed: amt is above the shopper's ladder limit. The sentence
 * names that limit and, only while the shopper is still on the starting
 * step, the higher limit and how to reach it.
 */
static void
cod_fail_ladder(const struct facts *f, const struct pay_amount *amt,
    const struct money *ladder, struct verdict *v)
{
	char	 a[2 * MONEY_STR_MAX], l[MONEY_STR_MAX], full[MONEY_STR_MAX];

	amount_describe(amt, a, sizeof(a));
	verdict_money(ladder, l, sizeof(l));
	if (amount_gt(&f->settings.cod_full_limit_usd, ladder))
		verdict_fail_money(v, "COD-07", &amt->amount_usd, ladder,
		    "the amount to pay, %s, is above your cash on delivery "
		    "limit of %s; it rises to %s after more than %lld "
		    "completed COD orders with no violation (completed: %lld, "
		    "violations: %lld)", a, l,
		    verdict_money(&f->settings.cod_full_limit_usd, full,
		    sizeof(full)), (long long)f->settings.cod_ladder_orders,
		    (long long)f->buyer.cod.completed_orders,
		    (long long)f->buyer.cod.violations);
	else
		verdict_fail_money(v, "COD-07", &amt->amount_usd, ladder,
		    "the amount to pay, %s, is above your cash on delivery "
		    "limit of %s, the full limit, reached with your %lld "
		    "completed COD orders", a, l,
		    (long long)f->buyer.cod.completed_orders);
}

/*
 * COD-01 and COD-07 for a B2C shopper.
 */
static void
cod_check_b2c(const struct facts *f, const struct cod_region *region,
    const struct pay_amount *amt, int have_amt, struct verdict *v)
{
	struct money	 max, ladder;
	char		 a[2 * MONEY_STR_MAX], l[MONEY_STR_MAX];

	/* COD-01: USD 2,000, or the region's lower maximum. */
	max = f->settings.cod_b2c_max_usd;
	if (region != NULL && region->has_max)
		max = amount_min(&max, &region->max_usd);
	ladder = cod_ladder_limit(f);
	v->has_limit = 1;
	v->limit_usd = amount_min(&max, &ladder);
	if (!have_amt)
		return;
	if (amount_gt(&amt->amount_usd, &max))
		verdict_fail_money(v, "COD-01", &amt->amount_usd, &max,
		    "the amount to pay, %s, is above the cash on delivery "
		    "maximum of %s%s", amount_describe(amt, a, sizeof(a)),
		    verdict_money(&max, l, sizeof(l)),
		    region != NULL && region->has_max ?
		    _(" for this region") : "");
	/* COD-07: the shopper's own limit on the permission ladder. */
	if (amount_gt(&amt->amount_usd, &ladder))
		cod_fail_ladder(f, amt, &ladder, v);
}

/*
 * Every COD rule; see cod.h.
 */
void
cod_check(const struct facts *f, struct verdict *out)
{
	const struct shipping_facts *s = &f->order.shipping;
	const struct cod_region *region;
	struct pay_amount amt;
	mp_date		 until;
	char		 d[CAL_DATE_STRLEN];
	int		 have_amt;

	verdict_init(out, PM_COD, NULL);
	region = facts_cod_region(f, s->region);
	have_amt = amount_for_verdict(f, out, &amt) == 0;

	/* COD-F1: the service fee, in the order currency. */
	if (have_amt && cod_fee(f, &amt.amount, &out->fee) == 0)
		out->has_fee = 1;

	if (f->buyer.type == BUYER_COMPANY)
		cod_check_b2b(f, &amt, have_amt, out);		/* COD-02 */
	else
		cod_check_b2c(f, region, &amt, have_amt, out);	/* COD-01/07 */

	/* COD-03: the destination region supports COD. */
	if (region == NULL)
		verdict_fail(out, "COD-03", "cash on delivery is not offered "
		    "in the destination region (%s)",
		    s->region[0] ? s->region : "none given");

	/* COD-04: no high-value item. */
	facts_fail_items(f, out, "COD-04", ITEMS_HIGH_VALUE);

	/* COD-05: not a remote area (at most 7 days' delivery). */
	if (s->delivery_days > f->settings.cod_max_delivery_days)
		verdict_fail_count(out, "COD-05", s->delivery_days,
		    f->settings.cod_max_delivery_days, "the estimated delivery "
		    "time, %lld days, is above the %lld days cash on delivery "
		    "allows", (long long)s->delivery_days,
		    (long long)f->settings.cod_max_delivery_days);

	/* COD-06: no pre-ordered, customized or special-customs item. */
	facts_fail_special_items(f, out, "COD-06");

	/* COD-08 (COD-F3): not permanently revoked. */
	if (f->buyer.cod.revoked)
		verdict_fail(out, "COD-08", "cash on delivery has been "
		    "permanently revoked for this buyer after a finding of "
		    "malicious refusal or false orders (COD-F3)");
	/* COD-08 (COD-F2): not suspended. */
	if (cod_suspended(f, &until)) {
		out->has_until = 1;
		out->until = until;
		verdict_fail_date(out, "COD-08", until, "cash on delivery is "
		    "suspended until %s after repeated unreasonable refusals "
		    "(COD-F2)", mp_date_str(until, d, sizeof(d)));
	}
}
