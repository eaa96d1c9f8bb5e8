#ifndef MALLPAY_SERVICE_PARTNER_AUTH_H
#define MALLPAY_SERVICE_PARTNER_AUTH_H

/*
 * Signed partner requests (RULES section 5 "Partners reach only their
 * signed endpoints", COD-P8, INST-PC callbacks; DESIGN "Partner endpoints").
 *
 * A partner sends three headers with each request:
 *   X-Partner-Id:  its id in the partners table (decimal)
 *   X-Timestamp:   Unix seconds (decimal) when it signed
 *   X-Signature:   hex HMAC-SHA256, under the partner's key, of
 *                  timestamp "\n" method "\n" path "\n" body
 *                  (method "POST"/"GET"; path as requested, without the
 *                  query string; body the exact bytes sent)
 * The key is never stored: key = HMAC-SHA256(key = [security] partner_key
 * decoded from hex, message = "mallpay-partner-key/v<key_version>/<id>").
 * Bumping partners.key_version rotates one partner's key.
 *
 * Refusals of partner_authenticate (the pages answer them 401, 403, 409
 * with a JSON body {"error": "..."}: pages/pages.h partner_verify):
 *   PARTNER_UNSIGNED a header missing or malformed, unknown partner, wrong
 *       signature, timestamp more than PARTNER_WINDOW seconds from now
 *   PARTNER_FORBIDDEN a disabled partner, or a partner of another kind
 *       than the endpoint's
 *   PARTNER_REPLAYED the exact same signed request seen before: nothing
 *       done
 * Event idempotency is a separate, second layer: a partner re-sending the
 * same event id (re-signed, so not a replay) gets 200 with the answer the
 * first one got (partner_event_claim / partner_event_done).
 * Body errors are the page's: 400 with {"error": ..., "field": name}
 * (partner_reply_error in pages/pages.h).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct config;
struct db;

#define PARTNER_WINDOW	300	/* seconds either side of now */

/* The signature headers, parsed. */
struct partner_hdrs {
	int64_t		partner_id;
	int64_t		timestamp;
	unsigned char	sig[32];
	char		sig_hex[65];	/* lower-case hex of sig */
};

/* Derive partner id's 32-byte key from partner_key_hex (64 hex chars) and
 * key_version. Returns 0, or -1 when partner_key_hex is not 64 hex chars. */
int	partner_key_derive(const char *partner_key_hex, int64_t partner_id,
	    int key_version, unsigned char key[32]);

/* The signature of a request as lower-case hex into sig_hex (65 bytes). */
void	partner_sign(const unsigned char key[32], int64_t timestamp,
	    const char *method, const char *path, const void *body, size_t len,
	    char sig_hex[65]);

/* Parse the three header values (each may be NULL: missing; lengths in
 * bytes). Returns 0 with *out, or -1 with a static message in *why naming
 * the header. Pure: the fuzz harness drives it. */
int	partner_parse_headers(const char *id, size_t idlen, const char *ts,
	    size_t tslen, const char *sig, size_t siglen,
	    struct partner_hdrs *out, const char **why);

/* Check parsed headers h against key at now: 0 when the timestamp is within
 * PARTNER_WINDOW and the signature matches (constant time), else 401 with
 * a static message in *why. */
int	partner_check(const unsigned char key[32], const struct partner_hdrs *h,
	    int64_t now, const char *method, const char *path, const void *body,
	    size_t len, const char **why);

/* What a partner's request carries for its authentication. */
struct partner_request {
	const char	*method;	/* "POST", "GET" */
	const char	*path;
	const void	*body;
	size_t		 bodylen;
	const char	*x_partner_id;	/* the signature headers, NULL absent */
	const char	*x_timestamp;
	const char	*x_signature;
};

/* Why a partner's request was refused. */
enum partner_refusal {
	PARTNER_OK = 0,
	PARTNER_UNSIGNED,	/* headers, unknown partner, window, signature */
	PARTNER_FORBIDDEN,	/* disabled, or not this kind of partner */
	PARTNER_REPLAYED,	/* the signature was used before */
	PARTNER_ERROR		/* database or configuration */
};

/* Authenticate request rq at now as a partner of expected_kind ("bank",
 * "finance", "logistics"): headers, partner row, window, signature, then
 * the replay check (a unique insert of the signature, committed at once,
 * outside any transaction of the caller). Returns PARTNER_OK with
 * *partner_id set, or the refusal with a static sentence in *why. Logs
 * the refusal (never the signature). */
enum partner_refusal partner_authenticate(struct db *db,
	    const struct config *cfg, const struct partner_request *rq,
	    int64_t now, const char *expected_kind, int64_t *partner_id,
	    const char **why);

/* Inside the handler's transaction: claim event_id (1-64 chars
 * [A-Za-z0-9._:-]) of partner_id. Returns 1 new (process it, then
 * partner_event_done with the answer), 0 seen before (its stored answer
 * appended to orig: reply it with 200 and change nothing), -1 error,
 * -2 malformed event id (answer 400 naming the field). */
int	partner_event_claim(struct db *db, int64_t partner_id,
	    const char *event_id, int64_t now, struct buf *orig);
/* Store the JSON answer of a claimed event (same transaction). 0 or -1. */
int	partner_event_done(struct db *db, int64_t partner_id,
	    const char *event_id, const char *result_json);

/* The three header lines ("X-Partner-Id: 1\n...", LF-terminated) a partner would send,
 * appended to out: for mallpayctl partner-sign and tests. Returns 0, or -1
 * when cfg's partner_key is not 64 hex chars. */
int	partner_sign_headers(const struct config *cfg, int64_t partner_id,
	    int key_version, int64_t timestamp, const char *method,
	    const char *path, const void *body, size_t len, struct buf *out);

#endif
