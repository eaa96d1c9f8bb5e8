/*
 * Installment plan arithmetic: INST-M1..M4, INST-F1, INST-F3.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/money.h"
#include "rules/plan.h"

/* "spread" / "upfront" from buf/len. */
int
plan_fee_mode_parse(const char *buf, size_t len, enum plan_fee_mode *out)
{
	if (buf == NULL)
		return -1;
	if (len == 6 && memcmp(buf, "spread", 6) == 0)
		*out = PLAN_FEE_SPREAD;
	else if (len == 7 && memcmp(buf, "upfront", 7) == 0)
		*out = PLAN_FEE_UPFRONT;
	else
		return -1;
	return 0;
}

/* Name of a fee mode. */
const char *
plan_fee_mode_str(enum plan_fee_mode mode)
{
	return mode == PLAN_FEE_UPFRONT ? "upfront" : "spread";
}

/* Build a plan; see plan.h. */
int
plan_build(const struct money *principal, int n,
    const struct money_rate *monthly_rate, enum plan_fee_mode mode,
    mp_date start, struct plan *out, char *err, size_t errsz)
{
	struct money base, rem, fee;
	int i;

	memset(out, 0, sizeof(*out));
	if (money_exponent(principal->cur) < 0) {
		seterr(err, errsz, "unknown currency code");
		return -1;
	}
	if (principal->minor <= 0) {
		seterr(err, errsz, "the principal must be greater than zero");
		return -1;
	}
	if (n < 1 || n > PLAN_MAX_MONTHS) {
		seterr(err, errsz, "the number of installments must be "
		    "between 1 and %d", PLAN_MAX_MONTHS);
		return -1;
	}
	if (monthly_rate->den <= 0 || monthly_rate->num < 0) {
		seterr(err, errsz, "the monthly rate is invalid");
		return -1;
	}
	out->principal = *principal;
	out->n = n;
	out->monthly_rate = *monthly_rate;
	out->fee_mode = mode;
	out->start = start;

	/* INST-M1: the fee per month is P x r rounded half away from zero,
	 * the total fee n times that (not round(n x P x r)). */
	if (money_mul_rate(principal, monthly_rate, &out->monthly_fee) == -1 ||
	    money_mul_int(&out->monthly_fee, n, &out->total_fee) == -1 ||
	    money_add(principal, &out->total_fee, &out->total_cost) == -1) {
		seterr(err, errsz, "the plan's amounts are too large");
		return -1;
	}

	/* INST-M2: floor(P / n) each, the remainder on the first. */
	base = *principal;
	base.minor = principal->minor / n;
	rem = *principal;
	rem.minor = principal->minor % n;

	for (i = 0; i < n; i++) {
		struct plan_installment *it = &out->inst[i];

		it->seq = i + 1;
		/* INST-M4: due date i counted from the start, clamped. */
		if (mp_date_plan_due(start, i + 1, &it->due) == -1) {
			seterr(err, errsz, "a due date is out of range");
			return -1;
		}
		it->principal = base;
		if (i == 0)
			it->principal.minor += rem.minor;	/* < P: safe */
		/* INST-M3: spread carries one month's fee each; upfront
		 * puts the whole fee on the first installment. */
		if (mode == PLAN_FEE_SPREAD)
			fee = out->monthly_fee;
		else if (i == 0)
			fee = out->total_fee;
		else {
			fee = out->monthly_fee;
			fee.minor = 0;
		}
		it->fee = fee;
		if (money_add(&it->principal, &it->fee, &it->total) == -1) {
			seterr(err, errsz, "the plan's amounts are too large");
			return -1;
		}
	}
	return 0;
}

/* Calendar days late (INST-F1): due+1 .. paid_or_now inclusive. */
int32_t
plan_late_days(mp_date due, mp_date paid_or_now)
{
	return paid_or_now > due ? paid_or_now - due : 0;
}

/* Late fee on an overdue amount (INST-F1); see plan.h. */
int
plan_late_fee(const struct money *overdue, mp_date due, mp_date paid_or_now,
    const struct money_rate *daily_rate, struct money *out)
{
	int32_t days = plan_late_days(due, paid_or_now);
	__int128 num;
	int64_t v;

	if (overdue->minor < 0 || daily_rate->den <= 0 || daily_rate->num < 0)
		return -1;
	/* One rounding of the exact product, not a rounding per day. */
	num = (__int128)overdue->minor * daily_rate->num;	/* fits */
	if (__builtin_mul_overflow(num, (__int128)days, &num))
		return -1;
	if (money_div_round(num, daily_rate->den, &v) == -1)
		return -1;
	return money_set(out, v, overdue->cur);
}

/* First day of month i (INST-F3); see plan.h. */
int
plan_month_begins(const struct plan *p, int i, mp_date *out)
{
	if (i < 1 || i > p->n)
		return -1;
	*out = i == 1 ? p->start : p->inst[i - 2].due;
	return 0;
}

/* Early-repayment quote (INST-F3); see plan.h. */
int
plan_quote_early(const struct plan *p, int paid, mp_date at,
    int waives_future_fees, struct plan_quote *out)
{
	struct money zero, fee_owed, fee_paid, diff;
	int i;
	mp_date first_day;

	memset(out, 0, sizeof(*out));
	if (paid < 0 || paid > p->n)
		return -1;
	zero = p->principal;
	zero.minor = 0;
	out->at = at;
	out->paid = paid;
	out->principal_remaining = zero;
	out->fee_due = zero;
	out->fee_waived = zero;
	out->fee_credit = zero;
	fee_owed = zero;
	fee_paid = zero;

	for (i = 0; i < p->n; i++) {
		if (plan_month_begins(p, i + 1, &first_day) == -1)
			return -1;
		if (i < paid) {
			if (money_add(&fee_paid, &p->inst[i].fee,
			    &fee_paid) == -1)
				return -1;
		} else if (money_add(&out->principal_remaining,
		    &p->inst[i].principal, &out->principal_remaining) == -1)
			return -1;
		/* The fee of a month belongs to the month, whichever
		 * installment carries it (upfront puts all on the first). */
		if (at >= first_day || !waives_future_fees) {
			if (money_add(&fee_owed, &p->monthly_fee,
			    &fee_owed) == -1)
				return -1;
		} else {
			if (money_add(&out->fee_waived, &p->monthly_fee,
			    &out->fee_waived) == -1)
				return -1;
			if (out->nwaived == 0) {
				out->next_month = i + 1;
				out->next_begins = first_day;
			}
			out->waived[out->nwaived++] = i + 1;
		}
	}
	/* What is owed minus what was paid: a negative balance is a fee paid
	 * in advance for a waived month (upfront mode), set off against the
	 * principal. */
	if (money_sub(&fee_owed, &fee_paid, &diff) == -1)
		return -1;
	if (diff.minor >= 0)
		out->fee_due = diff;
	else
		out->fee_credit.minor = -diff.minor;
	if (money_add(&out->principal_remaining, &out->fee_due,
	    &out->total) == -1 ||
	    money_sub(&out->total, &out->fee_credit, &out->total) == -1)
		return -1;
	return 0;
}
