#ifndef MALLPAY_SERVICE_AUTH_H
#define MALLPAY_SERVICE_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "http/http.h"
#include "rules/signin.h"

#define AUTH_COOKIE	"mp_session"

/* Resolve the session cookie's token (hex, as sent by the browser) into c->user.
 * Checks idle and absolute expiry against now and refreshes the idle time.
 * Only the SHA-256 of the token is looked up (sessions.token_hash). The CSRF token
 * (c->user.csrf) is filled by the dispatcher (http/csrf.c), not here.
 * Returns 0 (c->user.user_id is 0 when anonymous), or -1 on a database error. */
int	auth_session_resolve(struct ctx *c, const char *token, size_t len);

/* Sign in: check email and password (argon2id), rotate the session, set the cookie
 * in c->set_cookie. Returns 0 on success, 1 on wrong email or password (one message
 * for both), 2 when throttled, -1 on a database error. */
int	auth_sign_in(struct ctx *c, const char *email, const char *password);

/* Sign out: delete the session row and clear the cookie. */
int	auth_sign_out(struct ctx *c);

/* Start a new session for user_id inside the caller's open transaction: insert
 * the hashed token, delete the request's previous session (rotation), purge the
 * user's expired sessions, and put the cookie into c->set_cookie. If the
 * caller's commit then fails it must buf_reset(&c->set_cookie).
 * Returns 0, or -1 on a database error (c->set_cookie left empty). */
int	auth_session_start(struct ctx *c, int64_t user_id);

/* Hash a password with argon2id (libsodium's interactive limits) into out
 * (crypto_pwhash_STRBYTES bytes). Returns 0, or -1 when out of memory. */
int	auth_password_hash(const char *password, size_t len, char *out,
	    size_t outsz);

/* 1 if a session last seen at last_seen, ending at expires_at (absolute), is
 * still alive at now with an idle limit of idle seconds; else 0. Pure. */
int	auth_session_live(int64_t last_seen, int64_t expires_at, int64_t now,
	    int64_t idle);

#endif
