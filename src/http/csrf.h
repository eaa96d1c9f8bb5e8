#ifndef MALLPAY_HTTP_CSRF_H
#define MALLPAY_HTTP_CSRF_H

#include <stddef.h>

#include "http/http.h"

#define CSRF_COOKIE	"mp_csrf"	/* random value of an anonymous visitor */
#define CSRF_FIELD	"csrf"		/* the form field carrying the token */

/* Stateless CSRF tokens: hex HMAC-SHA256 keyed with the config's secret_key
 * (64 hex chars, decoded to 32 bytes) over a domain prefix and msg:
 * the session token for signed-in users, the mp_csrf cookie value otherwise. */

/* Compute the token for msg (len bytes) into out (65 bytes, hex + NUL).
 * Returns 0, or -1 when secret_hex is not 64 hex characters. */
int	csrf_token(const char *secret_hex, const char *msg, size_t len,
	    char out[65]);

/* Constant-time comparison of the expected token with the given one (glen
 * bytes). Returns 1 when equal, 0 otherwise (also for a wrong length). */
int	csrf_equal(const char *expected, const char *given, size_t glen);

/* Fill c->user.csrf for this request. When signed in (c->user.user_id != 0)
 * the token derives from session_token (slen bytes); otherwise from the
 * mp_csrf cookie, which is created (32 random bytes, hex) and sent with
 * Set-Cookie on c->resp when missing or malformed.
 * Returns 0, or -1 on a bad secret key. */
int	csrf_prepare(struct ctx *c, const char *session_token, size_t slen);

/* Check the "csrf" field of a POST body against c->user.csrf (csrf_prepare
 * must have run). Returns 1 when it matches, 0 when missing or wrong. */
int	csrf_verify(struct ctx *c);

#endif
