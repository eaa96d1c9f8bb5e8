/*
 * Pay After Use (RULES PAU-03, PAU-04, PAU-05): the bound card,
 * the charge at confirmed receipt, the guarantee, the open debt's retries,
 * late fees and suspension, the return before confirmation. See
 * payafter.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/log.h"
#include "core/money.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "db/payafter.h"
#include "db/seed.h"
#include "gateway/bank.h"
#include "rules/plan.h"
#include "service/audit.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/payafter.h"
#include "service/postings.h"

/* Defaults when a setting row is missing (migrations 001 and 011). */
#define PAU_AUTO_CONFIRM_DAYS	10
#define PAU_RETRIES_PER_DAY	2
#define PAU_SUSPEND_DAYS	30
#define PAU_LATE_FEE_RATE	"0.05"
/* The bank's verification when a card is bound: USD 1.00 over 1 month. */
#define PAU_VERIFY_MINOR	100

/* The bank gateway in use (the sandbox is the only one today). */
static const struct bank_gateway *
pau_bank(void)
{
	return bank_gateway_get("sandbox");
}

/* Setting name as an integer in [lo, hi] into *out, dflt when missing or
 * malformed. Returns 0 or -1 (database). */
static int
setting_int(struct db *db, const char *name, int dflt, int lo, int hi,
    int *out)
{
	char	 v[64], *end;
	long	 n;
	int	 rc;

	*out = dflt;
	if ((rc = db_pau_setting(db, name, v, sizeof(v))) == -1)
		return -1;
	if (rc == 1) {
		n = strtol(v, &end, 10);
		if (end != v && *end == '\0' && n >= lo && n <= hi)
			*out = (int)n;
		else
			log_warn("payafter: setting %s=\"%s\" ignored", name, v);
	}
	return 0;
}

/* See payafter.h. */
int
payafter_settings(struct db *db, struct pau_settings *s)
{
	char	err[128];
	int	rc;

	memset(s, 0, sizeof(*s));
	if (setting_int(db, "pau_auto_confirm_days", PAU_AUTO_CONFIRM_DAYS, 0,
	    3650, &s->auto_confirm_days) == -1 ||
	    setting_int(db, "pau_retries_per_day", PAU_RETRIES_PER_DAY, 1, 24,
	    &s->retries_per_day) == -1 ||
	    setting_int(db, "inst_overdue_suspend_days", PAU_SUSPEND_DAYS, 1,
	    3650, &s->suspend_days) == -1)
		return -1;
	if ((rc = db_pau_setting(db, "pau_late_fee_rate", s->late_rate_str,
	    sizeof(s->late_rate_str))) == -1)
		return -1;
	if (rc == 0)
		snprintf(s->late_rate_str, sizeof(s->late_rate_str), "%s",
		    PAU_LATE_FEE_RATE);
	if (money_rate_parse_percent(s->late_rate_str,
	    strlen(s->late_rate_str), &s->late_rate, err, sizeof(err)) == -1) {
		log_err("payafter: pau_late_fee_rate: %s", err);
		return -1;
	}
	return 0;
}

/* See payafter.h. */
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

/* See payafter.h. */
int
payafter_may_retry(const struct db_pau_charge *c, mp_date today, int64_t now,
    int per_day)
{
	char	day[11];

	if (strcmp(c->status, "open") != 0 || now < c->next_try_at)
		return 0;
	mp_date_str(today, day, sizeof(day));
	return strcmp(c->tries_day, day) != 0 || c->tries_on_day < per_day;
}

/* The secretbox key of the card tokens from the connection's secret key.
 * Returns 0 or -1. */
static int
token_key(struct db *db, unsigned char key[crypto_secretbox_KEYBYTES])
{
	unsigned char	master[crypto_kdf_KEYBYTES];
	char		hex[65];
	size_t		n;

	if (db_pau_secret(db, hex) == -1 ||
	    sodium_hex2bin(master, sizeof(master), hex, 64, NULL, &n,
	    NULL) != 0 || n != sizeof(master)) {
		sodium_memzero(hex, sizeof(hex));
		log_err("payafter: no [security] key to encrypt card tokens");
		return -1;
	}
	sodium_memzero(hex, sizeof(hex));
	crypto_kdf_derive_from_key(key, crypto_secretbox_KEYBYTES, 11,
	    "mppaucrd", master);
	sodium_memzero(master, sizeof(master));
	return 0;
}

/* Encrypt token into out (nonce || box); *outlen its length. 0 or -1. */
static int
token_seal(struct db *db, const char *token, unsigned char *out,
    size_t outsz, size_t *outlen)
{
	unsigned char	key[crypto_secretbox_KEYBYTES];
	size_t		len = strlen(token);

	if (crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len >
	    outsz || token_key(db, key) == -1)
		return -1;
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
	    (const unsigned char *)token, len, out, key);
	sodium_memzero(key, sizeof(key));
	*outlen = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len;
	return 0;
}

/* Decrypt card's token into out (outsz > token length). 0 or -1. */
static int
token_open(struct db *db, const struct db_pau_card *card, char *out,
    size_t outsz)
{
	unsigned char	key[crypto_secretbox_KEYBYTES];
	size_t		mlen;
	int		rc;

	if (card->token_len < crypto_secretbox_NONCEBYTES +
	    crypto_secretbox_MACBYTES)
		return -1;
	mlen = card->token_len - crypto_secretbox_NONCEBYTES -
	    crypto_secretbox_MACBYTES;
	if (mlen + 1 > outsz || token_key(db, key) == -1)
		return -1;
	rc = crypto_secretbox_open_easy((unsigned char *)out,
	    card->token_enc + crypto_secretbox_NONCEBYTES,
	    card->token_len - crypto_secretbox_NONCEBYTES, card->token_enc,
	    key);
	sodium_memzero(key, sizeof(key));
	if (rc != 0)
		return -1;
	out[mlen] = '\0';
	return 0;
}

/* See payafter.h. */
int
pau_card_expiry_ok(const char *expiry, int64_t now)
{
	mp_date	today;
	int	mm, yy, y, m, d, n = 0;

	if (expiry == NULL || sscanf(expiry, "%2d/%4d%n", &mm, &yy, &n) != 2 ||
	    expiry[n] != '\0' || mm < 1 || mm > 12)
		return 0;
	if (yy < 100)
		yy += 2000;
	if (mp_date_from_unix(now, &today) == -1 ||
	    mp_date_to_ymd(today, &y, &m, &d) == -1)
		return 0;
	return yy > y || (yy == y && mm >= m);
}

/* See payafter.h. */
enum pau_result
payafter_bind_card(struct db *db, int64_t user_id, const char *pan,
    size_t len, const char *expiry, const char *cvv, int64_t now, char *err,
    size_t errsz)
{
	const struct bank_gateway	*bank = pau_bank();
	struct bank_card		 card;
	struct bank_result		 res;
	unsigned char			 enc[255];
	size_t				 enclen;
	char				 reason[160];

	err[0] = '\0';
	if (bank == NULL)
		return PAU_ERROR;
	if (!pau_card_expiry_ok(expiry, now)) {
		snprintf(err, errsz, "Enter the expiry date as MM/YY; the card "
		    "must not have expired.");
		return PAU_REFUSED;
	}
	if (bank->card_ref(pan, len, cvv, &card, err, errsz) == -1)
		return PAU_REFUSED;
	/* The bank checks the card can be charged (a review of a small
	 * amount, as for an installment) and gives its token. */
	if (bank->review(&card, PAU_VERIFY_MINOR, "USD", 1, &res) == -1) {
		snprintf(err, errsz, "The bank could not be reached: %s. Try "
		    "again later.", res.reason);
		return PAU_REFUSED;
	}
	sodium_memzero(card.ref, sizeof(card.ref));
	if (!res.ok) {
		snprintf(err, errsz, "The bank declined this card: %s. Use "
		    "another card.", res.reason);
		return PAU_REFUSED;
	}
	if (token_seal(db, res.token, enc, sizeof(enc), &enclen) == -1) {
		sodium_memzero(&res, sizeof(res));
		return PAU_ERROR;
	}
	sodium_memzero(&res, sizeof(res));
	if (db_begin(db) == -1)
		return PAU_ERROR;
	snprintf(reason, sizeof(reason), "Pay After Use card bound: %s "
	    "ending %s", card.brand, card.last4);
	if (db_pau_card_put(db, user_id, card.brand, card.last4, enc, enclen,
	    now) == -1 ||
	    audit_event(db, "user", user_id, OF_USER, user_id, NULL, NULL,
	    reason, now) == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return PAU_ERROR;
	}
	return PAU_OK;
}

/* The bank key of c's latest attempt ("pau-<order>-<attempt>") into key:
 * the key sent to the bank and the key of its ledger entry. */
static void
charge_key(const struct db_pau_charge *c, char *key, size_t keysz)
{
	snprintf(key, keysz, "pau-%lld-%d", (long long)c->order_id,
	    c->attempts);
}

/* One deduction of amount (c's currency) for c's order from user's bound
 * card with the key of attempt c->attempts + 1; updates c's attempt
 * counters, reason, reference and card (not its status). *ok gets 1 when
 * the bank charged. Returns 0, or -1 (database). */
static int
deduct(struct db *db, struct db_pau_charge *c, int64_t amount, int64_t now,
    int per_day, int *ok)
{
	const struct bank_gateway	*bank = pau_bank();
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
	if (bank == NULL || token_open(db, &card, token, sizeof(token)) == -1) {
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

/* Mark c paid with amount (its price + late fee) at now. */
static void
mark_paid(struct db_pau_charge *c, int64_t amount, int64_t now)
{
	snprintf(c->status, sizeof(c->status), "paid");
	c->paid_minor = amount;
	c->paid_at = now;
	c->next_try_at = 0;
}

/* Display amount (minor of cur) into b. */
static const char *
amt(int64_t minor, const char *cur, char *b, size_t bsz)
{
	struct money m;

	if (money_set(&m, minor, cur) == -1) {
		snprintf(b, bsz, "%lld %s", (long long)minor, cur);
		return b;
	}
	return money_display(&m, b, bsz);
}

/* After a successful deduction of an OPEN debt c (total): the guarantee
 * is recovered, the event and the shopper's message. 0 or -1. */
static int
debt_paid(struct db *db, const struct db_pau_charge *c, int64_t total,
    int64_t usd, enum of_actor actor, int64_t actor_id, int64_t now)
{
	char	b[MONEY_STR_MAX], reason[255], subject[100], body[400];
	char	key[65];

	charge_key(c, key, sizeof(key));
	if (db_pau_guarantee_add(db, c->order_id, c->user_id, "recovery",
	    c->amount_minor, c->currency, usd, "PAU-04 debt paid by the "
	    "shopper", now) == -1 ||
	    post_pau_charge(db, c, key, total, c->late_fee_minor, now) == -1 ||
	    post_guarantee(db, c, 1, now) == -1)
		return -1;
	snprintf(reason, sizeof(reason), "PAU-04 debt paid: %s (late fee "
	    "included), ref %s", amt(total, c->currency, b, sizeof(b)),
	    c->reference);
	if (audit_event(db, "order", c->order_id, actor, actor_id, NULL, NULL,
	    reason, now) == -1)
		return -1;
	snprintf(subject, sizeof(subject), "Order #%lld: Pay After Use paid",
	    (long long)c->order_id);
	snprintf(body, sizeof(body), "%s was deducted from your card ending "
	    "%s for order #%lld. Nothing more is due.", b, c->card_last4,
	    (long long)c->order_id);
	return db_message_insert(db, c->user_id, 0, subject, body, now) < 0 ?
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
	char			 subject[100], body[600], key[65];
	int			 rc, ok;

	if (strcmp(o->method, "pay_after_use") != 0)
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
	if (deduct(db, &c, c.amount_minor, now, s.retries_per_day, &ok) == -1)
		return -1;
	amt(c.amount_minor, c.currency, b, sizeof(b));
	if (ok) {
		mark_paid(&c, c.amount_minor, now);
		snprintf(reason, sizeof(reason), "PAU-03 %s deducted from the "
		    "card ending %s, ref %s", b, c.card_last4, c.reference);
		snprintf(subject, sizeof(subject), "Order #%lld: %s deducted",
		    (long long)o->id, b);
		snprintf(body, sizeof(body), "You confirmed receipt of order "
		    "#%lld (Pay After Use): %s was deducted from your card "
		    "ending %s.", (long long)o->id, b, c.card_last4);
	} else {
		snprintf(c.status, sizeof(c.status), "open");
		snprintf(reason, sizeof(reason), "PAU-04 deduction of %s "
		    "failed (%.120s): merchant settled from the guarantee, debt "
		    "open", b, c.reason);
		snprintf(subject, sizeof(subject), "Order #%lld: payment of %s "
		    "failed", (long long)o->id, b);
		snprintf(body, sizeof(body), "We could not deduct %s for order "
		    "#%lld (%s). The amount is now overdue like an installment: "
		    "we retry every day, a late fee of %s%% a day runs from "
		    "tomorrow, and after %d days overdue installment access is "
		    "suspended (PAU-04). Bind a working card and pay it on the "
		    "Pay After Use page.", b, (long long)o->id, c.reason,
		    s.late_rate_str, s.suspend_days);
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
	return db_message_insert(db, o->user_id, 0, subject, body, now) < 0 ?
	    -1 : 0;
}

/* The USD equivalent frozen on order_id (for the guarantee ledger), 0
 * when unknown. */
static int64_t
order_usd(struct db *db, int64_t order_id)
{
	struct db_order o;

	if (db_order_get(db, 0, order_id, &o) != 1)
		return 0;
	return o.amount_usd_minor;
}

/* Work one locked open debt c at now (tick): late fee, suspension,
 * retry. Returns 0 or -1 (roll back). */
static int
debt_tick(struct db *db, struct db_pau_charge *c, const struct pau_settings *s,
    int64_t now, struct pau_tick_stats *st)
{
	mp_date	 due, today;
	int64_t	 fee, total;
	char	 b[MONEY_STR_MAX], reason[255], body[400];
	int	 ok, changed = 0;

	if (mp_date_parse(c->due_date, strlen(c->due_date), &due) == -1 ||
	    mp_date_from_unix(now, &today) == -1)
		return -1;
	/* INST-F1: late fee from the day after the due date to today. */
	if (payafter_late_fee(c->amount_minor, c->currency, due, today,
	    &s->late_rate, &fee) == -1)
		return -1;
	if (fee > c->late_fee_minor) {
		c->late_fee_minor = fee;
		c->updated_at = now;
		changed = 1;
		st->late_fees++;
		snprintf(reason, sizeof(reason), "INST-F1 late fee of the PAU-04 "
		    "debt now %s (%s%% a day)", amt(fee, c->currency, b,
		    sizeof(b)), s->late_rate_str);
		if (audit_event(db, "order", c->order_id, OF_SYSTEM, 0, NULL,
		    NULL, reason, now) == -1)
			return -1;
	}
	/* INST-F2: overdue more than N days suspends installment access. */
	if (c->suspended_at == 0 &&
	    payafter_should_suspend(due, today, s->suspend_days)) {
		c->suspended_at = now;
		changed = 1;
		st->suspended++;
		snprintf(reason, sizeof(reason), "INST-F2 PAU-04 debt of order "
		    "#%lld overdue more than %d days: installment access "
		    "suspended, credit record entry", (long long)c->order_id,
		    s->suspend_days);
		snprintf(body, sizeof(body), "The Pay After Use payment of "
		    "order #%lld is overdue more than %d days. Your "
		    "installment access is suspended and your credit record "
		    "has an entry (INST-F2); an admin lifts it once nothing is "
		    "overdue.", (long long)c->order_id, s->suspend_days);
		if (db_pau_user_suspend(db, c->user_id) == -1 ||
		    audit_event(db, "user", c->user_id, OF_SYSTEM, 0, NULL,
		    "installment_suspended", reason, now) == -1 ||
		    db_message_insert(db, c->user_id, 0, "Installment access "
		    "suspended", body, now) < 0)
			return -1;
	}
	/* PAU-04: retried, a bounded number of times a day. */
	if (payafter_may_retry(c, today, now, s->retries_per_day)) {
		changed = 1;
		total = c->amount_minor + c->late_fee_minor;
		if (deduct(db, c, total, now, s->retries_per_day, &ok) == -1)
			return -1;
		if (ok) {
			mark_paid(c, total, now);
			st->charged++;
			if (debt_paid(db, c, total, order_usd(db, c->order_id),
			    OF_SYSTEM, 0, now) == -1)
				return -1;
		} else {
			st->failed++;
			snprintf(reason, sizeof(reason), "PAU-04 retry %d of %s "
			    "failed (%.120s)", c->attempts, amt(total, c->currency,
			    b, sizeof(b)), c->reason);
			if (audit_event(db, "order", c->order_id, OF_SYSTEM, 0,
			    NULL, NULL, reason, now) == -1)
				return -1;
		}
	}
	/* Nothing more today (late fees and suspension go by calendar day,
	 * the day's retries are used): next visit tomorrow, so that the
	 * tick's selection (next_try_at <= now) reads only debts due. */
	if (strcmp(c->status, "open") == 0 && c->next_try_at <= now) {
		c->next_try_at = mp_date_to_unix(today) + 86400;
		changed = 1;
	}
	if (changed && db_pau_charge_update(db, c) == -1)
		return -1;
	return 0;
}

/* PAU-03: confirm order id (locked, delivered) automatically. 0 or -1. */
static int
auto_confirm(struct db *db, int64_t id, int64_t now)
{
	struct db_order	o;
	enum of_result	r;

	if (db_order_get(db, 0, id, &o) != 1)
		return -1;
	r = orderflow_transition(db, id, "delivered", "receipt_confirmed",
	    OF_SYSTEM, 0, "PAU-03 receipt confirmed automatically after the "
	    "delivery", now);
	if (r != OF_OK)
		return -1;
	return payafter_receipt_effect(db, &o, now);
}

/* See payafter.h. */
int
payafter_tick(struct db *db, int64_t now, struct pau_tick_stats *st)
{
	struct pau_settings	 s;
	struct db_pau_charge	 c;
	mp_date			 today, first;
	int64_t			 cutoff, id, after = 0;
	int			 rc;

	memset(st, 0, sizeof(*st));
	if (payafter_settings(db, &s) == -1 ||
	    mp_date_from_unix(now, &today) == -1 ||
	    mp_date_add_days(today, 1 - s.auto_confirm_days, &first) == -1)
		return -1;
	/* Delivered before the start of (today - N + 1): N days ago or
	 * earlier, by calendar date. */
	cutoff = mp_date_to_unix(first);
	for (;;) {
		if (db_begin_read_committed(db) == -1)
			return -1;
		rc = db_pau_next_autoconfirm(db, cutoff, after, &id);
		if (rc != 1) {
			db_rollback(db);
			if (rc == -1)
				return -1;
			break;
		}
		after = id;
		if (auto_confirm(db, id, now) == -1 || db_commit(db) == -1) {
			db_rollback(db);
			log_err("payafter: order %lld: automatic confirmation "
			    "failed: %s", (long long)id, db_error(db));
			st->errors++;
			continue;
		}
		st->confirmed++;
	}
	after = 0;
	for (;;) {
		if (db_begin_read_committed(db) == -1)
			return -1;
		rc = db_pau_next_open(db, now, after, &id);
		if (rc == 1)
			rc = db_pau_charge_get(db, id, 1, &c);
		if (rc != 1) {
			db_rollback(db);
			if (rc == -1)
				return -1;
			break;
		}
		after = id;
		if (debt_tick(db, &c, &s, now, st) == -1 ||
		    db_commit(db) == -1) {
			db_rollback(db);
			log_err("payafter: order %lld: debt work failed: %s",
			    (long long)id, db_error(db));
			st->errors++;
		}
	}
	return 0;
}

/* See payafter.h. */
enum pau_result
payafter_pay_now(struct db *db, int64_t user_id, int64_t order_id,
    int64_t now, char *err, size_t errsz)
{
	struct pau_settings	 s;
	struct db_pau_charge	 c;
	struct db_order		 o;
	mp_date			 due, today;
	int64_t			 fee, total;
	char			 b[MONEY_STR_MAX], reason[255];
	enum pau_result		 res = PAU_ERROR;
	int			 rc, ok;

	err[0] = '\0';
	if (payafter_settings(db, &s) == -1 || db_begin_read_committed(db) == -1)
		return PAU_ERROR;
	if ((rc = db_pau_charge_get(db, order_id, 1, &c)) == -1)
		goto fail;
	if (rc == 0 || c.user_id != user_id) {
		/* One's own order without a debt: nothing to pay (409);
		 * someone else's: 404. */
		res = rc == 0 && db_order_get(db, user_id, order_id, &o) == 1 ?
		    PAU_NOT_ALLOWED : PAU_NOT_FOUND;
		goto fail;
	}
	if (strcmp(c.status, "open") != 0) {
		res = PAU_NOT_ALLOWED;
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
	if (deduct(db, &c, total, now, s.retries_per_day, &ok) == -1)
		goto fail;
	if (ok) {
		mark_paid(&c, total, now);
		if (debt_paid(db, &c, total, order_usd(db, order_id), OF_USER,
		    user_id, now) == -1)
			goto fail;
	} else {
		snprintf(err, errsz, "The payment of %s failed: %s.",
		    amt(total, c.currency, b, sizeof(b)), c.reason);
		snprintf(reason, sizeof(reason), "PAU-04 payment by the "
		    "shopper of %s failed (%.120s)", b, c.reason);
		if (audit_event(db, "order", order_id, OF_USER, user_id, NULL,
		    NULL, reason, now) == -1)
			goto fail;
	}
	/* The failed attempt is recorded too: its key is used. */
	if (db_pau_charge_update(db, &c) == -1 || db_commit(db) == -1)
		goto fail;
	return ok ? PAU_OK : PAU_REFUSED;
fail:
	db_rollback(db);
	return res;
}

/* See payafter.h. */
enum pau_result
payafter_return(struct db *db, int64_t user_id, int64_t order_id,
    int64_t now)
{
	struct db_order	o;
	enum of_result	r;
	int		rc;

	if (user_id <= 0)
		return PAU_NOT_FOUND;
	if (db_begin_read_committed(db) == -1)
		return PAU_ERROR;
	if ((rc = db_order_get(db, user_id, order_id, &o)) != 1) {
		db_rollback(db);
		return rc == 0 ? PAU_NOT_FOUND : PAU_ERROR;
	}
	/* PAU-05: only before receipt is confirmed (no charge exists). */
	if (strcmp(o.method, "pay_after_use") != 0 ||
	    strcmp(o.status, "delivered") != 0) {
		db_rollback(db);
		return PAU_NOT_ALLOWED;
	}
	r = orderflow_transition(db, order_id, "delivered", "return_requested",
	    OF_USER, user_id, "PAU-05 returned before receipt was confirmed: "
	    "nothing is charged", now);
	if (r != OF_OK) {
		db_rollback(db);
		return r == OF_ERROR ? PAU_ERROR : PAU_NOT_ALLOWED;
	}
	if (db_message_insert(db, user_id, 0, "Return requested",
	    "You are returning a Pay After Use order before confirming "
	    "receipt: nothing is charged (PAU-05). The order closes once the "
	    "goods are back.", now) < 0 || db_commit(db) == -1) {
		db_rollback(db);
		return PAU_ERROR;
	}
	return PAU_OK;
}

/* See payafter.h. */
int
payafter_seed_demo(struct db *db, int64_t now)
{
	static const char *const emails[] = {
		"shopper.new@demo.test", "shopper.veteran@demo.test",
	};
	struct db_pau_card	 card;
	char			 err[256];
	size_t			 i;
	int64_t			 uid;
	int			 rc, n = 0;

	for (i = 0; i < sizeof(emails) / sizeof(emails[0]); i++) {
		if ((uid = db_seed_user_id(db, emails[i])) < 0)
			return -1;
		if (uid == 0)
			continue;
		if ((rc = db_pau_card_get(db, uid, &card)) == -1)
			return -1;
		if (rc == 1)
			continue;
		if (payafter_bind_card(db, uid, "4111111111111111", 16,
		    "12/39", "123", now, err, sizeof(err)) != PAU_OK) {
			log_err("payafter: demo card of %s: %s", emails[i],
			    err);
			return -1;
		}
		n++;
	}
	return n;
}

/* See payafter.h. */
void
payafter_totals(const struct db_pau_guarantee *rows, size_t n,
    struct pau_total *out, size_t max, size_t *nout)
{
	struct pau_total	*t;
	size_t			 i, j;

	*nout = 0;
	for (i = 0; i < n; i++) {
		for (j = 0; j < *nout; j++)
			if (strcmp(out[j].currency, rows[i].currency) == 0)
				break;
		if (j == *nout) {
			if (*nout == max)
				continue;
			memset(&out[j], 0, sizeof(out[j]));
			snprintf(out[j].currency, sizeof(out[j].currency), "%s",
			    rows[i].currency);
			(*nout)++;
		}
		t = &out[j];
		if (strcmp(rows[i].kind, "payout") == 0) {
			t->payout += rows[i].amount_minor;
			t->payout_usd += rows[i].amount_usd_minor;
			t->npayout++;
		} else {
			t->recovered += rows[i].amount_minor;
			t->recovered_usd += rows[i].amount_usd_minor;
			t->nrecovered++;
		}
	}
}
