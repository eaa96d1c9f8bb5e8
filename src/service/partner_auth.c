/*
 * Signed partner requests (see partner_auth.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/config.h"
#include "core/log.h"
#include "db/db.h"
#include "db/partner.h"
#include "service/partner_auth.h"

/* See partner_auth.h. */
int
partner_key_derive(const char *partner_key_hex, int64_t partner_id,
    int key_version, unsigned char key[32])
{
	unsigned char master[32];
	char msg[96];
	size_t n;
	int len;

	if (partner_key_hex == NULL || strlen(partner_key_hex) != 64 ||
	    sodium_hex2bin(master, sizeof(master), partner_key_hex, 64, NULL,
	    &n, NULL) != 0 || n != sizeof(master))
		return -1;
	len = snprintf(msg, sizeof(msg), "mallpay-partner-key/v%d/%" PRId64,
	    key_version, partner_id);
	crypto_auth_hmacsha256(key, (const unsigned char *)msg, (size_t)len,
	    master);
	sodium_memzero(master, sizeof(master));
	return 0;
}

/* The raw signature of a request into mac. */
static void
sign_raw(const unsigned char key[32], int64_t timestamp, const char *method,
    const char *path, const void *body, size_t len, unsigned char mac[32])
{
	crypto_auth_hmacsha256_state st;
	char ts[32];
	int n;

	n = snprintf(ts, sizeof(ts), "%" PRId64 "\n", timestamp);
	crypto_auth_hmacsha256_init(&st, key, 32);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, (size_t)n);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)method,
	    strlen(method));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)path,
	    strlen(path));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"\n", 1);
	if (len > 0)
		crypto_auth_hmacsha256_update(&st, body, len);
	crypto_auth_hmacsha256_final(&st, mac);
}

/* See partner_auth.h. */
void
partner_sign(const unsigned char key[32], int64_t timestamp,
    const char *method, const char *path, const void *body, size_t len,
    char sig_hex[65])
{
	unsigned char mac[32];

	sign_raw(key, timestamp, method, path, body, len, mac);
	sodium_bin2hex(sig_hex, 65, mac, sizeof(mac));
}

/* Parse len bytes of decimal digits (1..18 of them, no sign) into *out.
 * Returns 0 or -1. */
static int
parse_decimal(const char *s, size_t len, int64_t *out)
{
	int64_t v = 0;
	size_t i;

	if (s == NULL || len == 0 || len > 18)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* See partner_auth.h. */
int
partner_parse_headers(const char *id, size_t idlen, const char *ts,
    size_t tslen, const char *sig, size_t siglen, struct partner_hdrs *out,
    const char **why)
{
	size_t i, n;

	memset(out, 0, sizeof(*out));
	if (id == NULL || idlen == 0) {
		*why = "missing X-Partner-Id header";
		return -1;
	}
	if (parse_decimal(id, idlen, &out->partner_id) == -1 ||
	    out->partner_id <= 0) {
		*why = "malformed X-Partner-Id header: a positive integer";
		return -1;
	}
	if (ts == NULL || tslen == 0) {
		*why = "missing X-Timestamp header";
		return -1;
	}
	if (parse_decimal(ts, tslen, &out->timestamp) == -1) {
		*why = "malformed X-Timestamp header: Unix seconds";
		return -1;
	}
	if (sig == NULL || siglen == 0) {
		*why = "missing X-Signature header";
		return -1;
	}
	/* sodium_hex2bin stops at the first non-hex character: insist on
	 * exactly 64 hex characters and nothing else. */
	if (siglen != 64) {
		*why = "malformed X-Signature header: 64 hex characters";
		return -1;
	}
	for (i = 0; i < siglen; i++)
		if (!((sig[i] >= '0' && sig[i] <= '9') ||
		    (sig[i] >= 'a' && sig[i] <= 'f') ||
		    (sig[i] >= 'A' && sig[i] <= 'F'))) {
			*why = "malformed X-Signature header: 64 hex characters";
			return -1;
		}
	if (sodium_hex2bin(out->sig, sizeof(out->sig), sig, siglen, NULL, &n,
	    NULL) != 0 || n != sizeof(out->sig)) {
		*why = "malformed X-Signature header: 64 hex characters";
		return -1;
	}
	sodium_bin2hex(out->sig_hex, sizeof(out->sig_hex), out->sig,
	    sizeof(out->sig));
	*why = NULL;
	return 0;
}

/* See partner_auth.h. */
int
partner_check(const unsigned char key[32], const struct partner_hdrs *h,
    int64_t now, const char *method, const char *path, const void *body,
    size_t len, const char **why)
{
	unsigned char mac[32];
	int ok;

	if (h->timestamp < now - PARTNER_WINDOW ||
	    h->timestamp > now + PARTNER_WINDOW) {
		*why = "X-Timestamp is more than 300 seconds from the server's "
		    "time";
		return 401;
	}
	sign_raw(key, h->timestamp, method, path, body, len, mac);
	ok = sodium_memcmp(mac, h->sig, sizeof(mac)) == 0;
	sodium_memzero(mac, sizeof(mac));
	if (!ok) {
		*why = "wrong signature";
		return 401;
	}
	*why = NULL;
	return 0;
}

/* Length of a header value (0 for NULL). */
static size_t
hlen(const char *s)
{
	return s != NULL ? strlen(s) : 0;
}

/* Set *why to text and return r. */
static enum partner_refusal
refuse(enum partner_refusal r, const char **why, const char *text)
{
	*why = text;
	return r;
}

/* See partner_auth.h. */
enum partner_refusal
partner_authenticate(struct db *db, const struct config *cfg,
    const struct partner_request *rq, int64_t now, const char *expected_kind,
    int64_t *partner_id, const char **why)
{
	struct partner_hdrs h;
	struct db_partner p;
	unsigned char key[32];
	int rc, st;

	*partner_id = 0;
	if (partner_parse_headers(rq->x_partner_id, hlen(rq->x_partner_id),
	    rq->x_timestamp, hlen(rq->x_timestamp), rq->x_signature,
	    hlen(rq->x_signature), &h, why) == -1) {
		log_warn("partner: %s on %s", *why, rq->path);
		return PARTNER_UNSIGNED;
	}
	if ((rc = db_partner_get(db, h.partner_id, &p)) == -1)
		return refuse(PARTNER_ERROR, why, "server error");
	if (rc == 0) {
		log_warn("partner: unknown partner %" PRId64 " on %s",
		    h.partner_id, rq->path);
		return refuse(PARTNER_UNSIGNED, why, "unknown partner");
	}
	if (partner_key_derive(cfg->partner_key, p.id, p.key_version,
	    key) == -1) {
		log_err("partner: [security] partner_key is not 64 hex chars");
		return refuse(PARTNER_ERROR, why, "server error");
	}
	st = partner_check(key, &h, now, rq->method, rq->path, rq->body,
	    rq->bodylen, why);
	sodium_memzero(key, sizeof(key));
	if (st != 0) {
		log_warn("partner %" PRId64 ": %s on %s", p.id, *why, rq->path);
		return PARTNER_UNSIGNED;
	}
	/* Only after the signature: an unsigned caller learns nothing about
	 * which partners exist or are enabled. */
	if (!p.enabled || strcmp(p.kind, expected_kind) != 0) {
		log_warn("partner %" PRId64 " (%s%s) refused on %s", p.id,
		    p.kind, p.enabled ? "" : ", disabled", rq->path);
		return refuse(PARTNER_FORBIDDEN, why, p.enabled ? "this "
		    "endpoint is not for your kind of partner" :
		    "partner disabled");
	}
	/* Old nonces cannot match any more (the window refuses them first). */
	if (db_partner_nonce_purge(db, now - 2 * PARTNER_WINDOW) == -1 ||
	    (rc = db_partner_nonce_claim(db, p.id, h.sig_hex, now)) == -1)
		return refuse(PARTNER_ERROR, why, "server error");
	if (rc == 0) {
		log_warn("partner %" PRId64 ": replayed request on %s", p.id,
		    rq->path);
		return refuse(PARTNER_REPLAYED, why,
		    "replayed request: this signature was already used");
	}
	*partner_id = p.id;
	*why = NULL;
	return PARTNER_OK;
}

/* 1 when event_id is 1-64 chars of [A-Za-z0-9._:-]. */
static int
event_id_ok(const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	return n > 0 && n <= 64 && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-") == n;
}

/* See partner_auth.h. */
int
partner_event_claim(struct db *db, int64_t partner_id, const char *event_id,
    int64_t now, struct buf *orig)
{
	if (!event_id_ok(event_id))
		return -2;
	return db_partner_event_claim(db, partner_id, event_id,
	    strlen(event_id), now, orig);
}

/* See partner_auth.h. */
int
partner_event_done(struct db *db, int64_t partner_id, const char *event_id,
    const char *result_json)
{
	if (!event_id_ok(event_id))
		return -1;
	return db_partner_event_result_set(db, partner_id, event_id,
	    strlen(event_id), result_json);
}

/* See partner_auth.h. */
int
partner_sign_headers(const struct config *cfg, int64_t partner_id,
    int key_version, int64_t timestamp, const char *method, const char *path,
    const void *body, size_t len, struct buf *out)
{
	unsigned char key[32];
	char sig[65];

	if (partner_key_derive(cfg->partner_key, partner_id, key_version,
	    key) == -1)
		return -1;
	partner_sign(key, timestamp, method, path, body, len, sig);
	sodium_memzero(key, sizeof(key));
	buf_printf(out, "X-Partner-Id: %" PRId64 "\nX-Timestamp: %" PRId64
	    "\nX-Signature: %s\n", partner_id, timestamp, sig);
	return 0;
}
