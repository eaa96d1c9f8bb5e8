#ifndef MALLPAY_SERVICE_AUTH_H
#define MALLPAY_SERVICE_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "http/http.h"

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

#endif
