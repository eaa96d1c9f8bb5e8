/*
 * The sandbox bank's hosted card page and API (see hosted.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/clock.h"
#include "db/bank.h"
#include "gateway/bank.h"
#include "gateway/bank_wire.h"
#include "rules/card.h"
#include "sandbox/hosted.h"

/* The BIN table (hosted.h). */
static const struct {
	const char	*bin;
	const char	*country;
	int		 refuse_3ds;	/* the issuer refuses authentication */
} bins[] = {
	{ "400276", "DE", 0 },
	{ "400250", "FR", 1 },
	{ "411111", "US", 0 },
	{ "555555", "US", 0 },
	{ "620000", "CN", 0 },
	{ "400000", "US", 0 },
};

/* The European Economic Area: the EU, Iceland, Liechtenstein, Norway. */
static const char eea[] = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV "
    "LT LU MT NL PL PT RO SK SI ES SE IS LI NO";

/* See hosted.h. */
const char *
hosted_bin_country(const char *digits)
{
	size_t i;

	for (i = 0; i < sizeof(bins) / sizeof(bins[0]); i++)
		if (strncmp(digits, bins[i].bin, 6) == 0)
			return bins[i].country;
	return "US";
}

/* 1 when the issuer of digits refuses 3-D Secure (the "fail" card). */
static int
bin_refuses(const char *digits)
{
	size_t i;

	for (i = 0; i < sizeof(bins) / sizeof(bins[0]); i++)
		if (strncmp(digits, bins[i].bin, 6) == 0)
			return bins[i].refuse_3ds;
	return 0;
}

/* See hosted.h. */
const char *
hosted_country_name(const char *cc)
{
	static const char *const names[][2] = {
		{ "DE", "Germany" }, { "FR", "France" },
		{ "US", "the United States" }, { "CN", "China" },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(cc, names[i][0]) == 0)
			return names[i][1];
	return cc;
}

/* See hosted.h. */
const char *
hosted_brand_name(const char *brand)
{
	if (strcmp(brand, "visa") == 0)
		return "Visa";
	if (strcmp(brand, "mastercard") == 0)
		return "Mastercard";
	if (strcmp(brand, "unionpay") == 0)
		return "UnionPay";
	return "card";
}

/* See hosted.h. */
int
hosted_eea(const char *country)
{
	const char *p;

	if (strlen(country) != 2)
		return 0;
	for (p = eea; *p != '\0'; p += p[2] == ' ' ? 3 : 2)
		if (p[0] == country[0] && p[1] == country[1])
			return 1;
	return 0;
}

/* See hosted.h. */
void
hosted_page_cleanup(struct hosted_page *pg)
{
	buf_cleanup(&pg->url);
}

/* Load session sid into pg; 1, or 0 (HV_GONE) when there is none. */
static int
load(struct db *db, const char *sid, struct hosted_page *pg)
{
	memset(pg, 0, sizeof(*pg));
	buf_init(&pg->url);
	if (sid == NULL || db_bank_session_get(db, sid, &pg->s) != 1) {
		pg->view = HV_GONE;
		return 0;
	}
	return 1;
}

/* The signed outcome of finished session s (bank_wire.h) into msg. */
static int
outcome_msg(const struct db_bank_session *s, const char *secret,
    struct buf *msg)
{
	char n[32];

	bank_wire_add(msg, "session", s->id);
	bank_wire_add(msg, "ref", s->ref);
	bank_wire_add(msg, "result", s->result);
	bank_wire_add(msg, "reason", s->reason);
	bank_wire_add(msg, "token", s->token);
	bank_wire_add(msg, "brand", s->brand);
	bank_wire_add(msg, "last4", s->last4);
	snprintf(n, sizeof(n), "%lld", (long long)s->amount_minor);
	bank_wire_add(msg, "amount", n);
	bank_wire_add(msg, "currency", s->currency);
	return bank_wire_sign(msg, secret, clock_wall());
}

/* Session pg->s ends (result "approved" with token, or "declined" with
 * reason), from status `from`: recorded, the merchant notified server to
 * server (best effort: the return carries the same outcome), and the page
 * becomes the signed return. */
static void
finish(struct db *db, const char *secret, const char *from, int64_t now,
    struct hosted_page *pg)
{
	struct buf	msg, resp;
	int		status;

	snprintf(pg->s.status, sizeof(pg->s.status), "done");
	pg->s.code[0] = '\0';
	if ((pg->s.token[0] != '\0' && db_bank_token_insert(db, pg->s.token,
	    pg->s.brand, pg->s.last4, pg->s.country, now) == -1) ||
	    db_bank_session_update(db, &pg->s, from) != 1) {
		pg->view = HV_FORM;
		snprintf(pg->error, sizeof(pg->error), "The bank could not "
		    "record this payment; nothing was charged. Try again.");
		return;
	}
	buf_init(&msg);
	buf_init(&resp);
	if (outcome_msg(&pg->s, secret, &msg) == 0) {
		(void)bank_wire_post(pg->s.notify_url, msg.data, msg.len, 10,
		    &status, &resp);
		buf_printf(&pg->url, "%s%c%s", pg->s.return_url,
		    strchr(pg->s.return_url, '?') ? '&' : '?', buf_str(&msg));
	}
	pg->view = HV_RETURN;
	buf_cleanup(&msg);
	buf_cleanup(&resp);
}

/* Decline session pg->s with reason, from status from. */
static void
decline(struct db *db, const char *secret, const char *from,
    const char *reason, int64_t now, struct hosted_page *pg)
{
	snprintf(pg->s.result, sizeof(pg->s.result), "declined");
	snprintf(pg->s.reason, sizeof(pg->s.reason), "%s", reason);
	pg->s.token[0] = '\0';
	finish(db, secret, from, now, pg);
}

/* The cardholder is authenticated (or needs not be): the bank reviews the
 * card for the session's amount and term and the session ends. */
static void
review(struct db *db, const char *secret, const char *from, int64_t now,
    struct hosted_page *pg)
{
	struct bank_card	card;
	struct bank_result	res;

	memset(&card, 0, sizeof(card));
	snprintf(card.brand, sizeof(card.brand), "%s", pg->s.brand);
	snprintf(card.last4, sizeof(card.last4), "%s", pg->s.last4);
	snprintf(card.ref, sizeof(card.ref), "cref_%c_%016llx",
	    pg->s.scenario, (unsigned long long)now);
	if (bank_sandbox.review(&card, pg->s.amount_minor, pg->s.currency,
	    pg->s.months > 0 ? pg->s.months : 1, &res) == -1 || !res.ok) {
		decline(db, secret, from, res.reason[0] ? res.reason :
		    "the bank could not review the card", now, pg);
		return;
	}
	snprintf(pg->s.result, sizeof(pg->s.result), "approved");
	pg->s.reason[0] = '\0';
	snprintf(pg->s.token, sizeof(pg->s.token), "%s", res.token);
	sodium_memzero(&res, sizeof(res));
	finish(db, secret, from, now, pg);
}

/* Read the card into pg->s (brand, last four, scenario, country); the
 * number is held in locals only and wiped. 0, -1 with pg->error, or 1 when
 * the issuer refuses 3-D Secure. */
static int
read_card(const char *pan, const char *expiry, const char *cvv, int64_t now,
    struct hosted_page *pg)
{
	struct bank_card	card;
	char			digits[CARD_MAX_DIGITS + 1];
	size_t			len = pan != NULL ? strlen(pan) : 0;
	int			rc = -1;

	if (!card_expiry_ok(expiry, now)) {
		snprintf(pg->error, sizeof(pg->error), "Enter the card's "
		    "expiry date as MM/YY; the card must not have expired.");
		return -1;
	}
	if (pan == NULL || bank_sandbox.card_ref(pan, len, cvv, &card,
	    pg->error, sizeof(pg->error)) == -1 ||
	    card_digits(pan, len, digits, sizeof(digits)) == -1)
		goto out;
	snprintf(pg->s.brand, sizeof(pg->s.brand), "%s", card.brand);
	snprintf(pg->s.last4, sizeof(pg->s.last4), "%s", card.last4);
	pg->s.scenario = card.ref[5];
	snprintf(pg->s.country, sizeof(pg->s.country), "%s",
	    hosted_bin_country(digits));
	rc = bin_refuses(digits);
out:
	sodium_memzero(digits, sizeof(digits));
	sodium_memzero(&card, sizeof(card));
	return rc;
}

/* See hosted.h. */
void
hosted_show(struct db *db, const char *sid, struct hosted_page *pg)
{
	if (!load(db, sid, pg))
		return;
	if (strcmp(pg->s.status, "challenge") == 0)
		pg->view = HV_CHALLENGE;
	else if (strcmp(pg->s.status, "open") == 0)
		pg->view = HV_FORM;
	else
		pg->view = HV_GONE;
}

/* See hosted.h. */
void
hosted_card(struct db *db, const char *secret, const char *sid,
    const char *pan, const char *expiry, const char *cvv, int64_t now,
    struct hosted_page *pg)
{
	uint32_t	code;
	int		rc;

	if (!load(db, sid, pg) || strcmp(pg->s.status, "open") != 0) {
		pg->view = HV_GONE;
		return;
	}
	pg->view = HV_FORM;
	if ((rc = read_card(pan, expiry, cvv, now, pg)) == -1)
		return;
	if (rc == 1) {
		decline(db, secret, "open", "the card's issuer could not "
		    "authenticate you (3-D Secure failed)", now, pg);
		return;
	}
	if (!hosted_eea(pg->s.country)) {
		review(db, secret, "open", now, pg);	/* frictionless */
		return;
	}
	code = randombytes_uniform(900000) + 100000;
	snprintf(pg->s.code, sizeof(pg->s.code), "%06u", (unsigned)code);
	snprintf(pg->s.status, sizeof(pg->s.status), "challenge");
	if (db_bank_session_update(db, &pg->s, "open") != 1) {
		snprintf(pg->error, sizeof(pg->error), "The bank could not "
		    "start the check; try again.");
		return;
	}
	pg->view = HV_CHALLENGE;
}

/* See hosted.h. */
void
hosted_challenge(struct db *db, const char *secret, const char *sid,
    const char *code, int64_t now, struct hosted_page *pg)
{
	if (!load(db, sid, pg) || strcmp(pg->s.status, "challenge") != 0) {
		pg->view = HV_GONE;
		return;
	}
	if (code == NULL || strlen(pg->s.code) != 6 ||
	    strcmp(code, pg->s.code) != 0) {
		decline(db, secret, "challenge", "the one-time code of the "
		    "3-D Secure check was wrong", now, pg);
		return;
	}
	review(db, secret, "challenge", now, pg);
}

/* See hosted.h. */
void
hosted_cancel(struct db *db, const char *secret, const char *sid,
    int64_t now, struct hosted_page *pg)
{
	char from[12];

	if (!load(db, sid, pg) || strcmp(pg->s.status, "done") == 0) {
		pg->view = HV_GONE;
		return;
	}
	snprintf(from, sizeof(from), "%s", pg->s.status);
	decline(db, secret, from, strcmp(from, "challenge") == 0 ?
	    "you cancelled the 3-D Secure check" :
	    "you cancelled the payment at the bank", now, pg);
}
