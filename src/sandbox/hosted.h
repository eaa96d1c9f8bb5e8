#ifndef MALLPAY_SANDBOX_HOSTED_H
#define MALLPAY_SANDBOX_HOSTED_H

/*
 * The sandbox bank's hosted card page and server-to-server API: what the
 * bank's own process (bankd, src/bankd.c) decides; bankd only parses HTTP
 * and renders. The mall's side is gateway/bank_hosted.c; the wire,
 * gateway/bank_wire.h.
 *
 * 3-D Secure (PSD2 strong customer authentication): the issuer country of
 * a card is read from the BIN table below (its first six digits); a card of
 * the European Economic Area is challenged before the bank reviews it: the
 * challenge page shows a one-time code (a sandbox convenience: a real
 * issuer sends it to the cardholder's phone) that must be typed back. A
 * wrong code, a cancelled challenge or a card whose issuer refuses the
 * authentication comes back as a decline with its reason. Cards of other
 * countries are frictionless. Charges by a stored token (deduct, refund)
 * are merchant-initiated, under the authentication given when the card was
 * bound: never challenged.
 *
 * BIN table (first six digits -> issuer country):
 *   400276 DE   4002760000003185  EEA: challenge, then approved; its
 *                                 deductions succeed
 *   400250 FR   4002500000003151  EEA: the issuer refuses the
 *                                 authentication (declined, no challenge)
 *   411111 US   4111111111111111  frictionless, approved
 *   555555 US   5555555555554444  frictionless, approved
 *   620000 CN   6200000000000005  frictionless, approved
 *   400000 US   4000000000000002 declined "insufficient credit",
 *               4000000000000069 "card expired", 4000000000000341
 *               approved but every deduction fails (frictionless)
 * Any other BIN: US (frictionless). The review after authentication is
 * the sandbox bank's (gateway/bank.h's test cards).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "db/bank.h"

/* What the bank's page shows next. */
enum hosted_view {
	HV_FORM,		/* the card form (error beside it, if any) */
	HV_CHALLENGE,		/* the 3-D Secure challenge */
	HV_RETURN,		/* back to the merchant: redirect to url */
	HV_GONE			/* no such session */
};

struct hosted_page {
	enum hosted_view	view;
	struct db_bank_session	s;
	char			error[200];
	struct buf		url;	/* HV_RETURN: the signed return URL */
};

/* The issuer country of a card number's BIN ("US" when unknown), and
 * whether that country is in the EEA. */
const char	*hosted_bin_country(const char *digits);
int		 hosted_eea(const char *country);
/* A country code of the BIN table and a brand code, in words. */
const char	*hosted_country_name(const char *cc);
const char	*hosted_brand_name(const char *brand);

/* GET /pay/:sid: the page session sid is at. */
void	hosted_show(struct db *, const char *sid, struct hosted_page *pg);
/* POST /pay/:sid: the shopper's card. secret: the shared HMAC key. */
void	hosted_card(struct db *, const char *secret, const char *sid,
	    const char *pan, const char *expiry, const char *cvv, int64_t now,
	    struct hosted_page *pg);
/* POST /pay/:sid/challenge: the one-time code typed back. */
void	hosted_challenge(struct db *, const char *secret, const char *sid,
	    const char *code, int64_t now, struct hosted_page *pg);
/* POST /pay/:sid/cancel: the shopper gives up (at the form or the
 * challenge). */
void	hosted_cancel(struct db *, const char *secret, const char *sid,
	    int64_t now, struct hosted_page *pg);
/* The signed server-to-server API: POST path ("/api/sessions",
 * "/api/deduct", "/api/refund") with body; base: the bank's own URL (for
 * the page's address). The signed answer goes into resp; returns the HTTP
 * status (200, 400 malformed, 403 bad or stale signature, 404). */
int	hosted_api(struct db *, const char *secret, const char *base,
	    const char *path, const char *body, size_t len, int64_t now,
	    struct buf *resp);
void	hosted_page_cleanup(struct hosted_page *pg);

#endif
