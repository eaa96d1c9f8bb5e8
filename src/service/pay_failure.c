/*
 * A failed payment explained (service/pay_failure.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/order.h"
#include "db/payafter.h"
#include "db/plan.h"
#include "service/pay_failure.h"

/* The bank's answers and what they mean to the shopper. */
static const struct {
	const char	*reason;
	const char	*words;
} answers[] = {
	{ "insufficient funds", N_("Your bank declined it for insufficient "
	    "funds on the card.") },
	{ "insufficient credit", N_("Your bank declined it: the card has "
	    "not enough credit left.") },
	{ "card expired", N_("Your bank declined it: the card has "
	    "expired.") },
	{ "unknown card token", N_("Your bank no longer knows the card: it "
	    "was replaced or closed.") },
	{ "card not enrolled for installments", N_("Your bank declined it: "
	    "the card cannot pay in installments.") },
	{ "invalid amount", N_("Your bank refused the amount.") },
	{ "the bank could not be reached", N_("Your bank could not be "
	    "reached (it did not answer).") },
};

/* See pay_failure.h. */
const char *
pay_failure_words(const char *reason)
{
	size_t i;

	if (reason == NULL || reason[0] == '\0')
		return _("Your bank could not be reached (it did not "
		    "answer).");
	for (i = 0; i < sizeof(answers) / sizeof(answers[0]); i++)
		if (strcmp(reason, answers[i].reason) == 0)
			return _(answers[i].words);
	return _("Your bank declined it.");
}

/* The failed payments of kind (seq: any when 0) in pay[0..n): their count
 * and the last one into *last. */
static int
failed(const struct db_plan_pay *pay, size_t n, const char *kind, int seq,
    const struct db_plan_pay **last)
{
	size_t	i;
	int	k = 0;

	for (i = 0; i < n; i++)
		if (!pay[i].ok && strcmp(pay[i].kind, kind) == 0 &&
		    (seq == 0 || pay[i].seq == seq)) {
			k++;
			*last = &pay[i];
		}
	return k;
}

/* The card installment plan p of order o: a declined down payment while
 * the plan waits for it, or the oldest installment still due whose
 * automatic deduction failed. 0 or -1. */
static int
plan_failure(struct db *db, const struct db_order *o, const struct db_plan *p,
    struct pay_failure *out)
{
	const struct db_plan_pay	*last = NULL;
	struct db_plan_pay		*pay = NULL;
	struct db_plan_inst		*in = NULL;
	size_t				 np = 0, ni = 0, i;
	int				 rc = 0;

	if (db_plan_pay_list(db, p->id, &pay, &np) == -1)
		return -1;
	if (p->status == PLAN_ST_OFFERED &&
	    o->status == OS_AWAITING_CONFIRMATION) {
		if ((out->tries = failed(pay, np, "down_payment", 0,
		    &last)) > 0) {
			out->kind = PAY_FAILURE_DOWN;
			out->seq = 1;
			out->amount = last->amount;
		}
	} else if (p->status == PLAN_ST_ACTIVE &&
	    (rc = db_plan_inst_list(db, p->id, &in, &ni)) == 0) {
		for (i = 0; i < ni && out->kind == PAY_FAILURE_NONE; i++) {
			if (strcmp(in[i].status, "due") != 0 ||
			    (out->tries = failed(pay, np, "auto", in[i].seq,
			    &last)) == 0)
				continue;
			out->kind = PAY_FAILURE_DEDUCTION;
			out->seq = in[i].seq;
			out->amount = in[i].principal + in[i].fee +
			    in[i].late_fee;
		}
	}
	if (out->kind != PAY_FAILURE_NONE) {
		snprintf(out->reason, sizeof(out->reason), "%s", last->reason);
		out->at = last->created_at;
	}
	free(in);
	free(pay);
	return rc;
}

/* See pay_failure.h. */
int
pay_failure_load(struct db *db, const struct db_order *o,
    struct pay_failure *out)
{
	struct db_pau_charge	c;
	struct db_plan		p;
	int			rc;

	memset(out, 0, sizeof(*out));
	snprintf(out->currency, sizeof(out->currency), "%s", o->currency);
	if (o->method == PM_PAY_AFTER_USE) {
		if ((rc = db_pau_charge_get(db, o->id, 0, &c)) != 1 ||
		    strcmp(c.status, "open") != 0)
			return rc == -1 ? -1 : 0;
		out->kind = PAY_FAILURE_PAU;
		out->tries = c.attempts;
		out->amount = c.amount_minor + c.late_fee_minor - c.paid_minor;
		snprintf(out->reason, sizeof(out->reason), "%s", c.reason);
		snprintf(out->card_last4, sizeof(out->card_last4), "%s",
		    c.card_last4);
		out->at = c.updated_at;
		return 0;
	}
	if (o->method != PM_INSTALLMENT_CARD)
		return 0;
	if ((rc = db_plan_by_order(db, 0, o->id, &p)) != 1)
		return rc == -1 ? -1 : 0;
	snprintf(out->card_brand, sizeof(out->card_brand), "%s", p.card_brand);
	snprintf(out->card_last4, sizeof(out->card_last4), "%s", p.card_last4);
	return plan_failure(db, o, &p, out);
}
