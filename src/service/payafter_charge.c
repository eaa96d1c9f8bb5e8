/*
 * Pay After Use deductions: the charge at confirmed receipt (PAU-03), the
 * open debt's payment (PAU-04) and its recovery of the guarantee. See
 * payafter.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/said.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "db/payafter.h"
#include "gateway/bank.h"
#include "service/audit.h"
#include "service/language.h"
#include "service/orderflow.h"
#include "service/pay_failure.h"
#include "service/payafter.h"
#include "service/payafter_int.h"
#include "service/postings.h"

/* The bank key of c's latest attempt ("pau-<order>-<attempt>") into key:
 * the key sent to the bank and the key of its ledger entry. */
static void
charge_key(const struct db_pau_charge *c, char *key, size_t keysz)
{
	snprintf(key, keysz, "pau-%lld-%d", (long long)c->order_id,
	    c->attempts);
}

/* See payafter_int.h. */
int
payafter_deduct(struct db *db, struct db_pau_charge *c, int64_t amount,
    int64_t now, int per_day, int *ok)
{
	const struct bank_gateway	*bank = bank_gateway();
	struct db_pau_card		 card;
	struct bank_result		 res;
	char				 token[BANK_REF_MAX + 1], key[65];
	char				 day[11];
	mp_date				 today;
	int				 rc;

	*ok = 0;
	memset(&res, 0, sizeof(res));
	if (mp_date_from_unix(now, &today) == -1)
		return -1;
	mp_date_str(today, day, sizeof(day));
	if ((rc = db_pau_card_get(db, c->user_id, &card)) == -1)
		return -1;
	c->attempts++;
	if (strcmp(c->tries_day, day) != 0) {
		snprintf(c->tries_day, sizeof(c->tries_day), "%s", day);
		c->tries_on_day = 0;
	}
	c->tries_on_day++;
	/* PAU-04: spread the day's retries evenly; a new day may retry at
	 * once (the bound is per calendar day). */
	c->next_try_at = now + 86400 / (per_day > 0 ? per_day : 1);
	if (c->next_try_at > mp_date_to_unix(today) + 86400)
		c->next_try_at = mp_date_to_unix(today) + 86400;
	c->updated_at = now;
	if (rc == 0) {
		snprintf(c->reason, sizeof(c->reason), "no payment method is "
		    "bound");
		return 0;
	}
	snprintf(c->card_last4, sizeof(c->card_last4), "%s", card.last4);
	if (bank == NULL || payafter_token_open(db, &card, token,
	    sizeof(token)) == -1) {
		snprintf(c->reason, sizeof(c->reason), "the bound card cannot "
		    "be used; bind it again");
		return 0;
	}
	/* One key per order and attempt; the attempt count is committed with
	 * the outcome, so a rolled-back attempt repeats its key and the bank
	 * charges once. */
	charge_key(c, key, sizeof(key));
	if (bank->deduct(token, amount, c->currency, key, &res) == -1) {
		snprintf(c->reason, sizeof(c->reason), "the bank could not be "
		    "reached: %s", res.reason);
		sodium_memzero(token, sizeof(token));
		return 0;
	}
	sodium_memzero(token, sizeof(token));
	if (res.ok) {
		*ok = 1;
		c->reason[0] = '\0';
		snprintf(c->reference, sizeof(c->reference), "%s",
		    res.reference);
	} else
		snprintf(c->reason, sizeof(c->reason), "%s", res.reason);
	return 0;
}

/* See payafter_int.h. */
void
payafter_mark_paid(struct db_pau_charge *c, int64_t amount, int64_t now)
{
	c->status = CH_PAID;
	c->paid_minor = amount;
	c->paid_at = now;
	c->next_try_at = 0;
}

/* See payafter_int.h. */
const char *
payafter_amt(int64_t minor, const char *cur, char *b, size_t bsz)
{
	return money_display_minor(minor, cur, b, bsz);
}

/* See payafter_int.h. */
int
payafter_debt_paid(struct db *db, const struct db_pau_charge *c, int64_t total,
    int64_t usd, enum of_actor actor, int64_t actor_id, int64_t now)
{
	char		b[MONEY_STR_MAX], reason[255], subject[160];
	char		body[600], key[65];
	enum lang	prev;

	charge_key(c, key, sizeof(key));
	if (db_pau_guarantee_add(db, c->order_id, c->user_id, "recovery",
	    c->amount_minor, c->currency, usd, "PAU-04 debt paid by the "
	    "shopper", now) == -1 ||
	    post_pau_charge(db, c, key, total, c->late_fee_minor, now) == -1 ||
	    post_guarantee(db, c, 1, now) == -1)
		return -1;
	said_store(reason, sizeof(reason), SAID_PAU_DEBT_PAID,
	    payafter_amt(total, c->currency, b, sizeof(b)), c->reference, NULL);
	if (audit_event(db, "order", c->order_id, actor, actor_id, NULL, NULL,
	    reason, now) == -1)
		return -1;
	prev = i18n_use(language_of_user(db, c->user_id));
	snprintf(subject, sizeof(subject), _("Order #%lld: Pay After Use "
	    "paid"), (long long)c->order_id);
	snprintf(body, sizeof(body), _("%s was deducted from your card ending "
	    "%s for order #%lld. Nothing more is due."), b, c->card_last4,
	    (long long)c->order_id);
	i18n_use(prev);
	return db_message_insert(db, c->user_id, 0, subject, body, now) < 0 ?
	    -1 : 0;
}

/* The shopper's message of order o's deduction at receipt (charge c of
 * b, settings s), in the buyer's language: deducted when ok, else failed
 * and overdue (PAU-04). 0 or -1. */
static int
receipt_charge_message(struct db *db, const struct db_order *o,
    const struct db_pau_charge *c, const struct pau_settings *s, int ok,
    const char *b, int64_t now)
{
	char		 subject[160], body[900];
	enum lang	 prev = i18n_use(language_of_tag(o->language));

	if (ok) {
		snprintf(subject, sizeof(subject), _("Order #%lld: %s "
		    "deducted"), (long long)o->id, b);
		snprintf(body, sizeof(body), _("You confirmed receipt of order "
		    "#%lld (Pay After Use): %s was deducted from your card "
		    "ending %s."), (long long)o->id, b, c->card_last4);
	} else {
		snprintf(subject, sizeof(subject), _("Order #%lld: payment of "
		    "%s failed"), (long long)o->id, b);
		snprintf(body, sizeof(body), ngettext("We could not deduct %s "
		    "for order #%lld. %s The amount is now overdue like an "
		    "installment: we retry every day, a late fee of %s%% a day "
		    "runs from tomorrow, and after %d day overdue installment "
		    "access is suspended (PAU-04). Bind a working card and pay "
		    "it on the Pay After Use page.", "We could not deduct %s "
		    "for order #%lld. %s The amount is now overdue like an "
		    "installment: we retry every day, a late fee of %s%% a day "
		    "runs from tomorrow, and after %d days overdue installment "
		    "access is suspended (PAU-04). Bind a working card and pay "
		    "it on the Pay After Use page.",
		    (unsigned long)s->suspend_days), b, (long long)o->id,
		    pay_failure_words(c->reason), s->late_rate_str,
		    s->suspend_days);
	}
	i18n_use(prev);
	return db_message_insert(db, o->user_id, 0, subject, body, now) < 0 ?
	    -1 : 0;
}

/* See payafter.h. */
int
payafter_receipt_effect(struct db *db, const struct db_order *o, int64_t now)
{
	struct pau_settings	 s;
	struct db_pau_charge	 c;
	mp_date			 today;
	char			 b[MONEY_STR_MAX], reason[255], detail[300];
	char			 key[65];
	int			 rc, ok;

	if (o->method != PM_PAY_AFTER_USE)
		return 0;
	/* PAU-03: what was deferred at placing is due now. */
	if (o->deferred_minor <= 0)
		return 0;
	if ((rc = db_pau_charge_get(db, o->id, 1, &c)) == -1)
		return -1;
	if (rc == 1)
		return 0;	/* charged (or opened) already */
	if (payafter_settings(db, &s) == -1 ||
	    mp_date_from_unix(now, &today) == -1)
		return -1;
	memset(&c, 0, sizeof(c));
	c.order_id = o->id;
	c.user_id = o->user_id;
	snprintf(c.currency, sizeof(c.currency), "%s", o->currency);
	c.amount_minor = o->deferred_minor;
	mp_date_str(today, c.due_date, sizeof(c.due_date));
	c.created_at = now;
	if (payafter_deduct(db, &c, c.amount_minor, now, s.retries_per_day,
	    &ok) == -1)
		return -1;
	payafter_amt(c.amount_minor, c.currency, b, sizeof(b));
	if (ok) {
		payafter_mark_paid(&c, c.amount_minor, now);
		said_store(reason, sizeof(reason), SAID_PAU_CHARGED, b,
		    c.card_last4, c.reference);
	} else {
		c.status = CH_OPEN;
		said_store(reason, sizeof(reason), SAID_PAU_CHARGE_FAILED, b,
		    c.reason, NULL);
	}
	if (db_pau_charge_insert(db, &c) != 1)
		return -1;
	/* PAU-03: the price is owed to the merchant now; the bank's charge
	 * pays it, or (PAU-04) the guarantee settles the merchant in full
	 * whatever happened. */
	charge_key(&c, key, sizeof(key));
	if (post_sale(db, o, c.amount_minor, now) == -1 || (ok &&
	    post_pau_charge(db, &c, key, c.amount_minor, 0, now) == -1))
		return -1;
	if (!ok && (db_pau_guarantee_add(db, o->id, o->user_id, "payout",
	    c.amount_minor, c.currency, o->amount_usd_minor,
	    "PAU-04 deduction failed: merchant settled in full", now) == -1 ||
	    post_guarantee(db, &c, 0, now) == -1))
		return -1;
	snprintf(detail, sizeof(detail), "{\"attempt\":%d,\"amount_minor\":"
	    "%lld,\"currency\":\"%s\",\"ok\":%s}", c.attempts,
	    (long long)c.amount_minor, c.currency, ok ? "true" : "false");
	if (audit_event_detail(db, "order", o->id, OF_SYSTEM, 0, NULL, NULL,
	    reason, detail, now) == -1)
		return -1;
	return receipt_charge_message(db, o, &c, &s, ok, b, now);
}

/* See payafter_int.h. */
int64_t
payafter_order_usd(struct db *db, int64_t order_id)
{
	struct db_order o;

	if (db_order_get(db, 0, order_id, &o) != 1)
		return 0;
	return o.amount_usd_minor;
}

/* See payafter.h. */
enum result
payafter_pay_now(struct db *db, int64_t user_id, int64_t order_id,
    int64_t now, char *err, size_t errsz)
{
	struct pau_settings	 s;
	struct db_pau_charge	 c;
	struct db_order		 o;
	mp_date			 due, today;
	int64_t			 fee, total;
	char			 b[MONEY_STR_MAX], reason[255];
	enum result		 res = RES_ERROR;
	int			 rc, ok;

	err[0] = '\0';
	if (payafter_settings(db, &s) == -1 || db_begin_read_committed(db) == -1)
		return RES_ERROR;
	if ((rc = db_pau_charge_get(db, order_id, 1, &c)) == -1)
		goto fail;
	if (rc == 0 || c.user_id != user_id) {
		/* One's own order without a debt: nothing to pay (409);
		 * someone else's: 404. */
		res = rc == 0 && db_order_get(db, user_id, order_id, &o) == 1 ?
		    RES_NOT_ALLOWED : RES_NOT_FOUND;
		goto fail;
	}
	if (c.status != CH_OPEN) {
		res = RES_NOT_ALLOWED;
		goto fail;
	}
	if (mp_date_parse(c.due_date, strlen(c.due_date), &due) == -1 ||
	    mp_date_from_unix(now, &today) == -1 ||
	    payafter_late_fee(c.amount_minor, c.currency, due, today,
	    &s.late_rate, &fee) == -1)
		goto fail;
	if (fee > c.late_fee_minor)
		c.late_fee_minor = fee;
	total = c.amount_minor + c.late_fee_minor;
	if (payafter_deduct(db, &c, total, now, s.retries_per_day, &ok) == -1)
		goto fail;
	if (ok) {
		payafter_mark_paid(&c, total, now);
		if (payafter_debt_paid(db, &c, total, payafter_order_usd(db,
		    order_id), OF_USER, user_id, now) == -1)
			goto fail;
	} else {
		/* TRANSLATORS: the amount, then the bank's reason in its
		 * own words. */
		snprintf(err, errsz, _("The payment of %s failed: %s."),
		    payafter_amt(total, c.currency, b, sizeof(b)), c.reason);
		said_store(reason, sizeof(reason), SAID_PAU_PAYMENT_FAILED, b,
		    c.reason, NULL);
		if (audit_event(db, "order", order_id, OF_USER, user_id, NULL,
		    NULL, reason, now) == -1)
			goto fail;
	}
	/* The failed attempt is recorded too: its key is used. */
	if (db_pau_charge_update(db, &c) == -1 || db_commit(db) == -1)
		goto fail;
	return ok ? RES_OK : RES_REFUSED;
fail:
	db_rollback(db);
	return res;
}
