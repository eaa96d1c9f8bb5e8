#ifndef MALLPAY_SERVICE_AUTH_H
#define MALLPAY_SERVICE_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/session.h"
#include "rules/signin.h"
#include "service/target.h"

struct config;
struct db;

#define AUTH_COOKIE	"mp_session"
#define AUTH_TOKEN_HEX	64	/* a session token in hex (256 bits) */

/* Admin sessions are shorter than shoppers' (cfg->session_max and
 * session_idle, when those are shorter still, win): an absolute limit
 * counted from the password step, an idle limit, and the time allowed
 * between the password and the code. */
#define AUTH_ADMIN_MAX		(8 * 3600)
#define AUTH_ADMIN_IDLE		(15 * 60)
#define AUTH_ADMIN_CODE_WAIT	(10 * 60)

/* What kind of account is signed in. */
enum auth_kind {
	AUTH_SHOPPER,		/* B2C person */
	AUTH_COMPANY,		/* member of a company (B2B) */
	AUTH_ADMIN
};

/* The signed-in user, if any (user_id 0 when anonymous): the members
 * of core/session.h and the kind of account. */
struct auth_user {
	SESSION_WHO_MEMBERS;
	enum auth_kind	 kind;
};

/* One request of the sign-in use cases: where from and when, who is
 * signed in (read and updated), and the token of a session started for
 * it (for the session cookie; "" when none was started). */
struct auth_req {
	struct db		*db;
	const struct config	*cfg;
	int64_t			 now;
	const char		*remote_addr;	/* NULL unknown */
	struct auth_user	 user;
	char			 token[AUTH_TOKEN_HEX + 1];
	int64_t			 order_id;	/* in: the order the route
						   acts on, 0 none */
	struct target_order	 order;		/* out: order_id's owners,
						   read with the session */
};

/* Resolve the session cookie's token (hex, as sent by the browser) into
 * c->user, and c->order_id's owners into c->order in the same statement. Checks idle and absolute expiry against now and refreshes the
 * idle time. Only the SHA-256 of the token is looked up
 * (sessions.token_hash). Returns 0 (c->user.user_id is 0 when anonymous),
 * or -1 on a database error. */
int	auth_session_resolve(struct auth_req *c, const char *token, size_t len);

/* Sign in: check email and password (argon2id), rotate the session (its
 * token in c->token, c->user the new user). Returns 0 on success, 1 on
 * wrong email or password (one message for both), 2 when throttled, 3 when
 * the account is an admin's, who must now enter a code (the session started
 * is only a pending one: c->user.user_id 0, pending_admin_id set, it lasts
 * AUTH_ADMIN_CODE_WAIT; service/mfa.h completes it), 4 for a disabled admin
 * (right password), -1 on a database error. */
int	auth_sign_in(struct auth_req *c, const char *email, const char *password);

/* Sign out: delete the session row and forget the user (the caller clears
 * the cookie). Returns 0, or -1 when the row could not be deleted. */
int	auth_sign_out(struct auth_req *c);

/* Start a new session for user_id inside the caller's open transaction: insert
 * the hashed token, delete the request's previous session (rotation), purge the
 * user's expired sessions, and put the token into c->token. If the
 * caller's commit then fails it must clear c->token.
 * Returns 0, or -1 on a database error (c->token left empty). */
int	auth_session_start(struct auth_req *c, int64_t user_id);

/* The roles of admin user_id for this request into *roles. Returns 1 an
 * enabled admin (roles may be 0), 0 a disabled admin or one whose
 * invitation is pending (treat as signed out), -1 database error. */
int	admin_roles_of(struct db *, int64_t user_id, unsigned *roles);

/* Hash a password with argon2id (libsodium's interactive limits) into out
 * (crypto_pwhash_STRBYTES bytes). Returns 0, or -1 when out of memory. */
int	auth_password_hash(const char *password, size_t len, char *out,
	    size_t outsz);

/* The absolute and idle limits of a session of kind under cfg. */
int64_t	auth_session_max(const struct config *cfg, enum auth_kind kind);
int64_t	auth_session_idle(const struct config *cfg, enum auth_kind kind);

/* 1 if a session last seen at last_seen, ending at expires_at (absolute), is
 * still alive at now with an idle limit of idle seconds; else 0. Pure. */
int	auth_session_live(int64_t last_seen, int64_t expires_at, int64_t now,
	    int64_t idle);

#endif
