/*
 * Installment plans: the credit card installment (INST-CC): the card bound
 * at the bank's hosted card page (the mall never sees its number) and the
 * plan applied for with the bank's answer.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/i18n.h"
#include "core/said.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "service/audit.h"
#include "service/language.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* What the bank's hosted card page reviews the card of order *o for
 * (see plans.h plan_card_terms). */
static enum result
card_terms(struct db *db, const struct db_order *o, int64_t now,
    int64_t *amount, int *months)
{
	struct plan_view	v;
	size_t			i;
	int			left = 0;

	if (o->status == OS_AWAITING_REVIEW) {
		*amount = o->amount_due_minor;
		*months = o->term;
		return RES_OK;
	}
	if (plan_load(db, o->user_id, o->id, now, &v) != RES_OK ||
	    (v.p.status != PLAN_ST_ACTIVE && v.p.status != PLAN_ST_OFFERED)) {
		plan_view_cleanup(&v);
		return RES_NOT_ALLOWED;
	}
	for (i = 0; i < v.ninst; i++)
		left += v.inst[i].status == PI_DUE;
	*amount = v.p.status == PLAN_ST_OFFERED ? o->amount_due_minor :
	    v.remaining;
	*months = v.p.status == PLAN_ST_OFFERED ? o->term : left;
	if (*amount <= 0)
		*amount = 1;
	if (*months <= 0)
		*months = 1;
	plan_view_cleanup(&v);
	return RES_OK;
}

/* user_id's card installment order order_id into *o: RES_OK,
 * RES_NOT_FOUND, RES_NOT_ALLOWED (another method), RES_ERROR. */
static enum result
card_order(struct db *db, int64_t user_id, int64_t order_id,
    struct db_order *o)
{
	int rc = db_order_get(db, user_id, order_id, o);

	if (rc != 1 || user_id <= 0)
		return rc == -1 ? RES_ERROR : RES_NOT_FOUND;
	return o->method == PM_INSTALLMENT_CARD ? RES_OK : RES_NOT_ALLOWED;
}

/* See plans.h. */
enum result
plan_card_terms(struct db *db, int64_t user_id, int64_t order_id,
    int64_t now, int64_t *amount, char *currency, size_t cursz, int *months)
{
	struct db_order		o;
	enum result	r;

	if ((r = card_order(db, user_id, order_id, &o)) != RES_OK)
		return r;
	snprintf(currency, cursz, "%s", o.currency);
	return card_terms(db, &o, now, amount, months);
}

/* INST-P3, inside the caller's transaction: the bank's hosted page
 * approved another card for the ACTIVE plan of order *o (reviewed for what
 * is left), or for the OFFERED one whose down payment the first card did
 * not pay: the plan, locked and read again, takes its brand, last four and
 * sealed token. A declined card changes nothing but the audit trail. */
static enum result
card_rebind(struct db *db, const struct config *cfg, const struct db_order *o,
    const struct bank_outcome *out, int64_t now)
{
	struct db_plan	p;
	unsigned char	enc[PLAN_TOKEN_ENC_MAX];
	size_t		enclen = 0;
	char		why[240];
	int64_t		plan_id;

	if (db_plan_by_order(db, o->user_id, o->id, &p) != 1)
		return RES_ERROR;
	plan_id = p.id;
	if (db_plan_lock(db, plan_id, 0) != 1 ||
	    db_plan_by_id(db, plan_id, &p) != 1)
		return RES_ERROR;
	if (p.status != PLAN_ST_ACTIVE && p.status != PLAN_ST_OFFERED)
		return RES_NOT_ALLOWED;
	if (!out->ok) {
		snprintf(why, sizeof(why), "INST-P3 another card declined by "
		    "the bank: %s", out->reason);
		return audit_event(db, "plan", plan_id, OF_USER, o->user_id,
		    NULL, NULL, why, now) == -1 ? RES_ERROR : RES_REFUSED;
	}
	if (plan_token_seal(cfg, out->token, enc, &enclen) == -1)
		return RES_ERROR;
	snprintf(why, sizeof(why), "INST-P3 repayments now from %s ending %s",
	    out->brand, out->last4);
	if (db_plan_set_card(db, plan_id, out->brand, out->last4, enc, enclen,
	    now) == -1 ||
	    audit_event(db, "plan", plan_id, OF_USER, o->user_id, NULL, NULL,
	    why, now) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* The bank's answer to a card application: brand and last four, the
 * answer, and the token sealed for storage (INST-S1) when approved. */
struct card_answer {
	struct bank_card	card;
	struct bank_result	res;
	unsigned char		enc[PLAN_TOKEN_ENC_MAX];
	size_t			enclen;
};

/* The hosted page's outcome as a card answer, the token sealed into
 * ca->enc. 0 or -1. */
static int
card_answer_of(const struct config *cfg, const struct bank_outcome *out,
    struct card_answer *ca)
{
	memset(ca, 0, sizeof(*ca));
	snprintf(ca->card.brand, sizeof(ca->card.brand), "%s", out->brand);
	snprintf(ca->card.last4, sizeof(ca->card.last4), "%s", out->last4);
	ca->res.ok = out->ok;
	snprintf(ca->res.reason, sizeof(ca->res.reason), "%s",
	    out->ok ? "" : out->reason[0] != '\0' ? out->reason :
	    "declined by the bank");
	if (out->ok && plan_token_seal(cfg, out->token, ca->enc,
	    &ca->enclen) == -1)
		return -1;
	return 0;
}

/* Inside the transaction: the bank approved user_id's order o on plan
 * plan_id: the card and its sealed token kept, the order on to
 * awaiting_confirmation, the shopper told. 0 or -1. */
static int
card_approved(struct db *db, int64_t user_id, const struct db_order *o,
    int64_t plan_id, const struct card_answer *ca, int64_t now)
{
	char		body[600], a[48], subj[160], st[SAID_LEN];
	enum lang	prev;

	if (db_plan_set_card(db, plan_id, ca->card.brand, ca->card.last4,
	    ca->enc, ca->enclen, now) == -1 ||
	    db_plan_set_decline(db, plan_id, "", now) == -1)
		return -1;
	if (orderflow_transition(db, o->id, OS_AWAITING_REVIEW,
	    OS_AWAITING_CONFIRMATION, OF_SYSTEM, 0, said_store(st, sizeof(st),
	    SAID_INST_CC_APPROVED, NULL, NULL, NULL), now) != RES_OK)
		return -1;
	prev = i18n_use(language_of_tag(o->language));
	snprintf(body, sizeof(body), ngettext("Your card installment for "
	    "order #%lld (%s, %d month) was approved by the bank. Confirm the "
	    "plan and pay the down payment to complete it.", "Your card "
	    "installment for order #%lld (%s, %d months) was approved by the "
	    "bank. Confirm the plan and pay the down payment to complete it.",
	    (unsigned long)o->term), (long long)o->id,
	    plan_amt(o->amount_due_minor, o->currency, a, sizeof(a)), o->term);
	snprintf(subj, sizeof(subj), "%s", _("Installment approved"));
	i18n_use(prev);
	return db_message_insert(db, user_id, 0, subj, body, now) == -1 ? -1 :
	    0;
}

/* Inside the transaction: the bank declined plan plan_id: the reason,
 * brand and last four kept (no token), audited. 0 or -1. */
static int
card_declined(struct db *db, int64_t plan_id, const struct card_answer *ca,
    int64_t now)
{
	char	err[160];

	snprintf(err, sizeof(err), "INST-CC declined by the bank: %s",
	    ca->res.reason);
	if (db_plan_set_decline(db, plan_id, ca->res.reason, now) == -1 ||
	    db_plan_set_card(db, plan_id, ca->card.brand, ca->card.last4,
	    NULL, 0, now) == -1 ||
	    audit_event(db, "plan", plan_id, OF_SYSTEM, 0, NULL,
	    "declined", err, now) == -1)
		return -1;
	return 0;
}

/* See plans.h. */
enum result
plan_card_record(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, const struct bank_outcome *out, int64_t now)
{
	struct card_answer	ca;
	struct db_order		o;
	struct db_plan		p;
	enum result	r;
	int64_t			plan_id;
	int			rc;

	if ((r = card_order(db, user_id, order_id, &o)) != RES_OK)
		return r;
	if (o.status != OS_AWAITING_REVIEW)
		return card_rebind(db, cfg, &o, out, now);
	if (card_answer_of(cfg, out, &ca) == -1)
		return RES_ERROR;
	rc = plan_create(db, order_id, 0, NULL, ca.res.ok ? PLAN_ST_OFFERED :
	    PLAN_ST_DECLINED, plan_day_of(now), OF_SYSTEM, 0, now, &plan_id);
	if (rc == -1 || db_plan_by_id(db, plan_id, &p) != 1)
		return RES_ERROR;
	if (rc == 1) {
		/* A new card after a declined one. */
		if (p.status != PLAN_ST_DECLINED)
			return RES_NOT_ALLOWED;
		if (ca.res.ok && (db_plan_set_status(db, plan_id,
		    PLAN_ST_DECLINED, PLAN_ST_OFFERED, now) != 1 ||
		    audit_event(db, "plan", plan_id, OF_SYSTEM, 0, "declined",
		    "offered", "INST-CC approved with another card",
		    now) == -1))
			return RES_ERROR;
	}
	if ((ca.res.ok ? card_approved(db, user_id, &o, plan_id, &ca, now) :
	    card_declined(db, plan_id, &ca, now)) == -1)
		return RES_ERROR;
	sodium_memzero(&ca, sizeof(ca));
	return out->ok ? RES_OK : RES_REFUSED;
}
