/*
 * The amount to pay (C-03) and its USD equivalent (C-02).
 */

#include <stdio.h>
#include <string.h>

#include "core/fx.h"
#include "core/i18n.h"
#include "core/money.h"
#include "rules/amount.h"

/*
 * C-03: items total - coupons - points, floored at zero, in the order
 * currency. Returns -1 with a message on a currency mismatch or overflow.
 */
int
amount_to_pay(const struct facts *f, struct money *out, char *err,
    size_t errsz)
{
	const struct order_facts *o = &f->order;
	struct money	 m;

	if (money_sub(&o->items_total, &o->coupons, &m) == -1 ||
	    money_sub(&m, &o->points, &m) == -1) {
		snprintf(err, errsz, _("the items total, coupons and points "
		    "must be amounts in %s"), o->currency);
		return -1;
	}
	/* C-03: coupons and points can cover the whole order, never more. */
	if (m.minor < 0)
		m.minor = 0;
	*out = m;
	return 0;
}

/*
 * C-02 + C-03: the amount to pay and its USD equivalent with the order's
 * recorded rate. Returns -1 with a message in err.
 */
int
amount_compute(const struct facts *f, struct pay_amount *out, char *err,
    size_t errsz)
{
	char	 e[128];

	if (amount_to_pay(f, &out->amount, err, errsz) == -1)
		return -1;
	/* C-02: the order's own rate, rounded half away from zero. */
	if (fx_to_usd(&out->amount, f->order.usd_per_unit,
	    strlen(f->order.usd_per_unit), &out->amount_usd, e,
	    sizeof(e)) == -1) {
		/* The shopper reads the rule and the rate, not the
		 * conversion's own message (e). */
		snprintf(err, errsz, _("the amount to pay cannot be "
		    "converted to USD at the rate of %s"),
		    f->order.usd_per_unit);
		return -1;
	}
	return 0;
}

/*
 * amount_compute() recording the figures in v, or a C-02/C-03 reason.
 */
int
amount_for_verdict(const struct facts *f, struct verdict *v,
    struct pay_amount *out)
{
	char	 err[160];

	if (amount_to_pay(f, &out->amount, err, sizeof(err)) == -1) {
		verdict_fail(v, "C-03", "%s", err);
		return -1;
	}
	if (amount_compute(f, out, err, sizeof(err)) == -1) {
		verdict_fail(v, "C-02", "%s", err);
		return -1;
	}
	v->has_amount = 1;
	v->amount = out->amount;
	v->amount_usd = out->amount_usd;
	return 0;
}

/*
 * The smaller of a and b; a when they cannot be compared.
 */
struct money
amount_min(const struct money *a, const struct money *b)
{
	int	 c;

	if (money_cmp(a, b, &c) == -1)
		return *a;
	return c > 0 ? *b : *a;
}

/*
 * 1 if a > b; 0 otherwise or on a currency mismatch.
 */
int
amount_gt(const struct money *a, const struct money *b)
{
	int	 c;

	return money_cmp(a, b, &c) == 0 && c > 0;
}

/*
 * 1 if a < b; 0 otherwise or on a currency mismatch.
 */
int
amount_lt(const struct money *a, const struct money *b)
{
	int	 c;

	return money_cmp(a, b, &c) == 0 && c < 0;
}

/*
 * "USD 420.00" or "USD 576.00 (EUR 535.00)"; see amount.h.
 */
const char *
amount_describe(const struct pay_amount *a, char *out, size_t outsz)
{
	char	 u[MONEY_STR_MAX], o[MONEY_STR_MAX];

	money_display(&a->amount_usd, u, sizeof(u));
	if (money_same_cur(&a->amount, &a->amount_usd))
		snprintf(out, outsz, "%s", u);
	else
		snprintf(out, outsz, "%s (%s)", u,
		    money_display(&a->amount, o, sizeof(o)));
	return out;
}
