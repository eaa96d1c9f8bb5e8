/*
 * Pay After Use, RULES section 4: PAU-01, PAU-02. Every failing rule is
 * recorded (C-06).
 *
 * Decisions where RULES is silent: the rules apply to persons and
 * companies alike; a buyer with no credit score on record fails PAU-01;
 * an order without items has nothing unmarked and passes PAU-02.
 */

#include "rules/amount.h"
#include "rules/payafter.h"
#include "rules/plan.h"

/*
 * facts_items_where() predicate: 1 if the item is not marked Pay After
 * Use (PAU-02).
 */
static int
not_marked(const struct item_facts *it)
{
	return !it->pay_after_use;
}

/*
 * PAU-01 and PAU-02; see payafter.h.
 */
void
payafter_check(const struct facts *f, struct verdict *out)
{
	struct pay_amount amt;
	int64_t		 min = f->settings.pau_min_credit_score;
	char		 cats[128];
	size_t		 n;

	verdict_init(out, PM_PAY_AFTER_USE, NULL);
	/* The figures only: PAU has no amount rule (PAU-03: placed for 0). */
	(void)amount_for_verdict(f, out, &amt);

	/* PAU-01: credit score strictly above 550: a consumer's; a company
	 * has none (B2C only). */
	if (f->buyer.type != BUYER_PERSON)
		verdict_fail(out, "PAU-01", "Pay After Use rests on a "
		    "consumer's credit score: it is for individual consumers "
		    "(B2C) only");
	else if (!f->buyer.has_credit_score)
		verdict_fail(out, "PAU-01", "there is no credit "
		    "score on record; Pay After Use needs a score above %lld",
		    (long long)min);
	else if (f->buyer.credit_score <= min)
		verdict_fail_count(out, "PAU-01", f->buyer.credit_score, min,
		    "the credit score, %lld, is not above the %lld Pay After "
		    "Use requires", (long long)f->buyer.credit_score,
		    (long long)min);
	/* PAU-02: every item carries the merchant's Pay After Use mark. */
	if ((n = facts_items_where(f, not_marked, cats, sizeof(cats))) > 0)
		verdict_fail_items(out, "PAU-02", n, "%zu %s not "
		    "marked \"Pay After Use\" by the merchant (%s)", n,
		    n == 1 ? "item is" : "items are", cats);
}

/* See rules/payafter.h. */
int
payafter_late_fee(int64_t amount, const char *cur, mp_date due, mp_date today,
    const struct money_rate *rate, int64_t *out)
{
	struct money	m, fee;

	*out = 0;
	if (money_set(&m, amount, cur) == -1 ||
	    plan_late_fee(&m, due, today, rate, &fee) == -1)
		return -1;
	*out = fee.minor;
	return 0;
}

/* See rules/payafter.h. */
int
payafter_should_suspend(mp_date due, mp_date today, int suspend_days)
{
	/* INST-F2: overdue MORE than suspend_days. */
	return (int64_t)today - (int64_t)due > suspend_days;
}

/* See rules/payafter.h (PAU-03). */
int
payafter_confirm_due(int64_t delivered_at, int64_t now, int days)
{
	mp_date	d, today;

	if (delivered_at <= 0 || mp_date_from_unix(delivered_at, &d) == -1 ||
	    mp_date_from_unix(now, &today) == -1)
		return 0;
	/* Calendar days (RULES C-04: "N days" without "business"). */
	return (int64_t)today - (int64_t)d >= days;
}
