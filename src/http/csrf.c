/*
 * Stateless CSRF tokens: nothing is stored; the token is an HMAC of something
 * only the user's browser holds (the session cookie, or for anonymous visitors
 * a random mp_csrf cookie). A cross-site page can make the browser send the
 * cookie, but cannot read it, so it cannot compute the token.
 */

#include <string.h>

#include <sodium.h>

#include "core/log.h"
#include "http/cookie.h"
#include "http/csrf.h"
#include "http/ctx.h"
#include "http/form.h"
#include "http/response.h"

/* Separates these MACs from any other use of the same key. */
#define CSRF_DOMAIN	"mallpay-csrf-v1:"
#define CSRF_COOKIE_LEN	64	/* hex of 32 random bytes */

/* See csrf.h. */
int
csrf_token(const char *secret_hex, const char *msg, size_t len, char out[65])
{
	unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	size_t klen = 0;

	out[0] = '\0';
	if (secret_hex == NULL || strlen(secret_hex) != 64 ||
	    sodium_hex2bin(key, sizeof(key), secret_hex, 64, NULL, &klen,
	    NULL) != 0 || klen != sizeof(key))
		return -1;
	crypto_auth_hmacsha256_init(&st, key, sizeof(key));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)CSRF_DOMAIN,
	    strlen(CSRF_DOMAIN));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, len);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(out, 65, mac, sizeof(mac));
	sodium_memzero(key, sizeof(key));
	sodium_memzero(&st, sizeof(st));
	return 0;
}

/* See csrf.h. The lengths are public (always 64), so only the bytes are
 * compared in constant time. */
int
csrf_equal(const char *expected, const char *given, size_t glen)
{
	size_t elen = strlen(expected);

	if (elen != 64 || glen != elen || given == NULL)
		return 0;
	return sodium_memcmp(expected, given, elen) == 0;
}

/* 1 if s (len bytes) is exactly CSRF_COOKIE_LEN lowercase hex digits. */
static int
cookie_value_ok(const char *s, size_t len)
{
	size_t i;

	if (s == NULL || len != CSRF_COOKIE_LEN)
		return 0;
	for (i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return 1;
}

/* See csrf.h. */
int
csrf_prepare(struct ctx *c, const char *session_token, size_t slen)
{
	const char *v;
	size_t vlen = 0;

	if (c->user.user_id != 0 && session_token != NULL && slen > 0)
		return csrf_token(c->cfg->secret_key, session_token, slen,
		    c->user.csrf);

	v = ctx_cookie(c, CSRF_COOKIE, &vlen);
	if (!cookie_value_ok(v, vlen)) {
		unsigned char rnd[CSRF_COOKIE_LEN / 2];
		char hex[CSRF_COOKIE_LEN + 1];
		struct buf sc;

		/* First visit (or a tampered cookie): give the browser a
		 * fresh random value; this request's token derives from it. */
		randombytes_buf(rnd, sizeof(rnd));
		sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
		buf_init(&sc);
		if (cookie_format(&sc, CSRF_COOKIE, hex, -1,
		    c->cfg->secure_cookies) == 0)
			resp_header(c->resp, "Set-Cookie", buf_str(&sc));
		buf_cleanup(&sc);
		return csrf_token(c->cfg->secret_key, hex, CSRF_COOKIE_LEN,
		    c->user.csrf);
	}
	return csrf_token(c->cfg->secret_key, v, vlen, c->user.csrf);
}

/* See csrf.h. */
int
csrf_verify(struct ctx *c)
{
	const struct param *p = paramlist_get(&c->req->form, CSRF_FIELD);

	if (p == NULL || c->user.csrf[0] == '\0')
		return 0;
	return csrf_equal(c->user.csrf, p->val, p->len);
}
