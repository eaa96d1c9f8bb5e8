/*
 * Installment plans: the credit card installment (INST-CC): binding the
 * card at the bank and applying for the plan.
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "service/audit.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* 1 if expiry "MM/YY" (or "MM/YYYY") is this month or later at today. */
static int
expiry_ok(const char *s, mp_date today)
{
	int mm, yy, y, m, d;
	char extra;

	if (s == NULL || sscanf(s, "%2d/%4d%c", &mm, &yy, &extra) != 2)
		return 0;
	if (mm < 1 || mm > 12 || yy < 0)
		return 0;
	if (yy < 100)
		yy += 2000;
	if (mp_date_to_ymd(today, &y, &m, &d) == -1)
		return 0;
	return yy > y || (yy == y && mm >= m);
}

/* INST-P3: the shopper binds another card to the ACTIVE plan of order
 * *o (the bank reviews it for what is left, as at the start), or to the
 * OFFERED one whose down payment the first card did not pay (reviewed for
 * the whole order); on approval the new brand, last four and encrypted
 * token replace the old ones. */
static enum plan_result
card_rebind(struct db *db, const struct config *cfg, const struct db_order *o,
    const char *pan, size_t panlen, const char *expiry, const char *cvv,
    int64_t now, char *reason, size_t reasonsz)
{
	const struct bank_gateway	*bank = bank_gateway_get("sandbox");
	struct plan_view		 v;
	struct db_plan			 now_p;
	struct bank_card		 card;
	struct bank_result		 res;
	unsigned char			 enc[PLAN_TOKEN_ENC_MAX];
	size_t				 enclen = 0, i;
	char				 err[160], why[200];
	int				 left = 0;

	if (plan_load(db, o->user_id, o->id, now, &v) != PLAN_OK ||
	    (v.p.status != PLAN_ST_ACTIVE && v.p.status != PLAN_ST_OFFERED)) {
		plan_view_cleanup(&v);
		return PLAN_NOT_ALLOWED;
	}
	for (i = 0; i < v.ninst; i++)
		left += strcmp(v.inst[i].status, "due") == 0;
	if (v.p.status == PLAN_ST_OFFERED) {
		v.remaining = o->amount_due_minor;
		left = o->term;
	}
	memset(&card, 0, sizeof(card));
	memset(&res, 0, sizeof(res));
	if (!expiry_ok(expiry, v.today)) {
		plan_view_cleanup(&v);
		plan_seterr(reason, reasonsz, "Enter the card's expiry date as "
		    "MM/YY; the card must not have expired.");
		return PLAN_BAD_INPUT;
	}
	if (bank == NULL || bank->card_ref(pan, panlen, cvv, &card, err,
	    sizeof(err)) == -1) {
		plan_view_cleanup(&v);
		plan_seterr(reason, reasonsz, bank == NULL ? "no bank" : err);
		return PLAN_BAD_INPUT;
	}
	if (bank->review(&card, v.remaining > 0 ? v.remaining : 1,
	    v.p.currency, left > 0 ? left : 1, &res) == -1 || !res.ok) {
		plan_view_cleanup(&v);
		plan_seterr(reason, reasonsz, res.reason[0] ? res.reason :
		    "The bank could not be reached; try again.");
		return res.reason[0] && !res.ok ? PLAN_DECLINED : PLAN_ERROR;
	}
	if (plan_token_seal(cfg, res.token, enc, &enclen) == -1) {
		plan_view_cleanup(&v);
		return PLAN_ERROR;
	}
	sodium_memzero(res.token, sizeof(res.token));
	snprintf(why, sizeof(why), "INST-P3 repayments now from %s ending %s",
	    card.brand, card.last4);
	if (db_begin(db) == -1)
		goto fail0;
	/* Re-read under the lock: still the plan that was reviewed for. */
	if (db_plan_lock(db, v.p.id, 0) != 1 ||
	    db_plan_by_id(db, v.p.id, &now_p) != 1 ||
	    now_p.status != v.p.status ||
	    db_plan_set_card(db, v.p.id, card.brand, card.last4, enc, enclen,
	    now) == -1 ||
	    audit_event(db, "plan", v.p.id, OF_USER, o->user_id, NULL, NULL,
	    why, now) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		goto fail0;
	}
	plan_view_cleanup(&v);
	return PLAN_OK;
fail0:
	plan_view_cleanup(&v);
	return PLAN_ERROR;
}

/* The bank's answer to a card application: brand and last four, the
 * answer, and the token sealed for storage (INST-S1) when approved. */
struct card_answer {
	struct bank_card	card;
	struct bank_result	res;
	unsigned char		enc[PLAN_TOKEN_ENC_MAX];
	size_t			enclen;
};

/* INST-CC: check the card's expiry, have the bank's card field read the
 * number and CVV (it forgets them; the mall keeps brand, last four and
 * the token) and review order o in real time; the approved token sealed
 * into ca->enc. Nothing is written. Returns PLAN_OK (approved or
 * declined: ca->res.ok), PLAN_BAD_INPUT or PLAN_ERROR with the reason. */
static enum plan_result
card_review(const struct config *cfg, const struct db_order *o,
    const char *pan, size_t panlen, const char *expiry, const char *cvv,
    int64_t now, struct card_answer *ca, char *reason, size_t reasonsz)
{
	const struct bank_gateway	*bank = bank_gateway_get("sandbox");
	char				 err[160];

	memset(ca, 0, sizeof(*ca));
	if (!expiry_ok(expiry, plan_day_of(now))) {
		plan_seterr(reason, reasonsz, "Enter the card's expiry date as "
		    "MM/YY; the card must not have expired.");
		return PLAN_BAD_INPUT;
	}
	if (bank == NULL || bank->card_ref(pan, panlen, cvv, &ca->card, err,
	    sizeof(err)) == -1) {
		plan_seterr(reason, reasonsz, bank == NULL ? "no bank" : err);
		return PLAN_BAD_INPUT;
	}
	if (bank->review(&ca->card, o->amount_due_minor, o->currency, o->term,
	    &ca->res) == -1) {
		plan_seterr(reason, reasonsz, ca->res.reason[0] != '\0' ?
		    ca->res.reason : "The bank could not be reached; try again.");
		sodium_memzero(&ca->card, sizeof(ca->card));
		return PLAN_ERROR;
	}
	sodium_memzero(ca->card.ref, sizeof(ca->card.ref));
	if (ca->res.ok && plan_token_seal(cfg, ca->res.token, ca->enc,
	    &ca->enclen) == -1) {
		sodium_memzero(&ca->res, sizeof(ca->res));
		return PLAN_ERROR;
	}
	sodium_memzero(ca->res.token, sizeof(ca->res.token));
	return PLAN_OK;
}

/* Inside the transaction: the bank approved user_id's order o on plan
 * plan_id: the card and its sealed token kept, the order on to
 * awaiting_confirmation, the shopper told. 0 or -1. */
static int
card_approved(struct db *db, int64_t user_id, const struct db_order *o,
    int64_t plan_id, const struct card_answer *ca, int64_t now)
{
	char	body[400], a[48];

	if (db_plan_set_card(db, plan_id, ca->card.brand, ca->card.last4,
	    ca->enc, ca->enclen, now) == -1 ||
	    db_plan_set_decline(db, plan_id, "", now) == -1)
		return -1;
	if (orderflow_transition(db, o->id, OS_AWAITING_REVIEW,
	    OS_AWAITING_CONFIRMATION, OF_SYSTEM, 0,
	    "INST-CC approved by the bank in real time", now) != OF_OK)
		return -1;
	snprintf(body, sizeof(body), "Your card installment for order "
	    "#%lld (%s, %d months) was approved by the bank. Confirm "
	    "the plan and pay the down payment to complete it.",
	    (long long)o->id, plan_amt(o->amount_due_minor, o->currency, a,
	    sizeof(a)), o->term);
	return db_message_insert(db, user_id, 0, "Installment approved",
	    body, now) == -1 ? -1 : 0;
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
enum plan_result
plan_card_apply(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, const char *pan, size_t panlen, const char *expiry,
    const char *cvv, int64_t now, char *reason, size_t reasonsz)
{
	struct card_answer	ca;
	struct db_order		o;
	struct db_plan		p;
	enum plan_result	r;
	int64_t			plan_id;
	int			rc;

	plan_seterr(reason, reasonsz, "");
	rc = db_order_get(db, user_id, order_id, &o);
	if (rc != 1 || user_id <= 0)
		return rc == -1 ? PLAN_ERROR : PLAN_NOT_FOUND;
	if (o.method != PM_INSTALLMENT_CARD)
		return PLAN_NOT_ALLOWED;
	if (o.status != OS_AWAITING_REVIEW)
		return card_rebind(db, cfg, &o, pan, panlen, expiry, cvv, now,
		    reason, reasonsz);
	r = card_review(cfg, &o, pan, panlen, expiry, cvv, now, &ca, reason,
	    reasonsz);
	if (r != PLAN_OK)
		return r;
	if (db_begin(db) == -1)
		return PLAN_ERROR;
	rc = plan_create(db, order_id, 0, NULL, ca.res.ok ? PLAN_ST_OFFERED :
	    PLAN_ST_DECLINED, plan_day_of(now), OF_SYSTEM, 0, now, &plan_id);
	if (rc == -1 || db_plan_by_id(db, plan_id, &p) != 1)
		goto fail;
	if (rc == 1) {
		/* A new card after a declined one. */
		if (p.status != PLAN_ST_DECLINED) {
			db_rollback(db);
			return PLAN_NOT_ALLOWED;
		}
		if (ca.res.ok && (db_plan_set_status(db, plan_id,
		    PLAN_ST_DECLINED, PLAN_ST_OFFERED, now) != 1 ||
		    audit_event(db, "plan", plan_id, OF_SYSTEM, 0, "declined",
		    "offered", "INST-CC approved with another card",
		    now) == -1))
			goto fail;
	}
	if ((ca.res.ok ? card_approved(db, user_id, &o, plan_id, &ca, now) :
	    card_declined(db, plan_id, &ca, now)) == -1)
		goto fail;
	if (!ca.res.ok)
		plan_seterr(reason, reasonsz, ca.res.reason);
	if (db_commit(db) == -1)
		return PLAN_ERROR;
	return ca.res.ok ? PLAN_OK : PLAN_DECLINED;
fail:
	db_rollback(db);
	return PLAN_ERROR;
}
