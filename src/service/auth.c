/*
 * Sign-in, sessions and sign-out (auth.h).
 *
 * The browser holds a 256-bit random token (hex) in an HttpOnly, SameSite=Lax
 * cookie; the database holds only the SHA-256 of the token's bytes, so a copy
 * of the sessions table cannot be replayed. Sessions end after cfg->session_idle
 * seconds without a request and cfg->session_max seconds after sign-in.
 * Passwords are argon2id hashes (libsodium crypto_pwhash_str).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/admin_role.h"
#include "core/buf.h"
#include "core/digest.h"
#include "core/log.h"
#include "db/admin_account.h"
#include "db/db.h"
#include "db/session.h"
#include "db/user.h"
#include "service/admin.h"
#include "service/auth.h"

#define TOKEN_BYTES	32	/* 256 bits */
#define TOKEN_HEX	AUTH_TOKEN_HEX

/* Writing last_seen_at on every request would turn every page view into a
 * write; the idle clock is refreshed at most once a minute instead. */
#define TOUCH_EVERY	60

static pthread_once_t	 auth_once = PTHREAD_ONCE_INIT;
static char		 dummy_hash[crypto_pwhash_STRBYTES];
static int		 auth_ready;

/* One-time set-up: libsodium, and a hash of a random password that sign-in
 * verifies against when the email is unknown, so that an unknown email costs
 * the same time as a wrong password (no account enumeration by timing). */
static void
auth_init_once(void)
{
	unsigned char	rnd[16];
	char		pw[33];

	if (sodium_init() < 0) {
		log_err("auth: sodium_init failed");
		return;
	}
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(pw, sizeof(pw), rnd, sizeof(rnd));
	if (auth_password_hash(pw, strlen(pw), dummy_hash,
	    sizeof(dummy_hash)) == -1) {
		log_err("auth: cannot hash the dummy password");
		return;
	}
	auth_ready = 1;
}

/* Run auth_init_once once per process. Returns 0, or -1 if it failed. */
static int
auth_init(void)
{
	pthread_once(&auth_once, auth_init_once);
	return auth_ready ? 0 : -1;
}

/* See auth.h. */
int
admin_roles_of(struct db *db, int64_t user_id, unsigned *roles)
{
	struct db_admin_account	a;
	int			rc;

	*roles = 0;
	if ((rc = db_admin_account_get(db, user_id, &a)) != 1)
		return rc;
	if (a.disabled_at != 0 || a.invited)
		return 0;
	*roles = a.roles & ADMIN_ROLES_ALL;
	return 1;
}

/* See auth.h. */
int
auth_password_hash(const char *password, size_t len, char *out, size_t outsz)
{
	if (outsz < crypto_pwhash_STRBYTES)
		return -1;
	if (crypto_pwhash_str_alg(out, password, len,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE,
	    crypto_pwhash_ALG_ARGON2ID13) != 0)
		return -1;
	return 0;
}

/* See auth.h. */
int64_t
auth_session_max(const struct config *cfg, enum auth_kind kind)
{
	if (kind == AUTH_ADMIN && cfg->session_max > AUTH_ADMIN_MAX)
		return AUTH_ADMIN_MAX;
	return cfg->session_max;
}

/* See auth.h. */
int64_t
auth_session_idle(const struct config *cfg, enum auth_kind kind)
{
	if (kind == AUTH_ADMIN && cfg->session_idle > AUTH_ADMIN_IDLE)
		return AUTH_ADMIN_IDLE;
	return cfg->session_idle;
}

/* See auth.h. */
int
auth_session_live(int64_t last_seen, int64_t expires_at, int64_t now,
    int64_t idle)
{
	return now < expires_at && now < last_seen + idle;
}

/* Copy src into dst (dstsz bytes), cutting a too long text before a UTF-8
 * continuation byte so the copy stays valid UTF-8. */
static void
copy_utf8(char *dst, size_t dstsz, const char *src)
{
	size_t n = strlen(src);

	if (dstsz == 0)
		return;
	if (n >= dstsz) {
		n = dstsz - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* The kind of account of a users.kind. */
static enum auth_kind
kind_of(enum db_user_kind k)
{
	switch (k) {
	case DB_USER_ADMIN:
		return AUTH_ADMIN;
	case DB_USER_COMPANY_MEMBER:
		return AUTH_COMPANY;
	default:
		return AUTH_SHOPPER;
	}
}

/* Forget the signed-in user of c. */
static void
user_clear(struct auth_req *c)
{
	c->user.user_id = 0;
	c->user.company_id = 0;
	c->user.kind = AUTH_SHOPPER;
	c->user.name[0] = '\0';
	c->user.email[0] = '\0';
	c->user.session_hash[0] = '\0';
	c->user.pending_admin_id = 0;
	c->user.second_factor_at = 0;
	c->user.unread_known = 0;
	c->user.unread = 0;
	c->user.language[0] = '\0';
	c->user.country[0] = '\0';
}

/* See auth.h. */
int
auth_session_resolve(struct auth_req *c, const char *token, size_t len)
{
	unsigned char		 raw[TOKEN_BYTES];
	size_t			 rawlen = 0;
	char			 hash[65];
	struct db_session	 s;
	enum auth_kind		 kind;
	int			 rc;

	user_clear(c);
	if (token == NULL || len != TOKEN_HEX)
		return 0;
	if (sodium_hex2bin(raw, sizeof(raw), token, len, NULL, &rawlen,
	    NULL) != 0 || rawlen != TOKEN_BYTES)
		return 0;
	sha256_hex(raw, rawlen, hash);
	sodium_memzero(raw, sizeof(raw));

	memset(&c->order, 0, sizeof(c->order));
	if ((rc = db_session_get(c->db, hash, c->order_id, &s)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	kind = kind_of(s.user.kind);
	if (!auth_session_live(s.last_seen_at, s.expires_at, c->now,
	    auth_session_idle(c->cfg, kind))) {
		/* Expired: the row is of no use to anyone any more. */
		if (db_session_delete(c->db, hash) == -1)
			return -1;
		return 0;
	}
	if (c->now - s.last_seen_at >= TOUCH_EVERY &&
	    db_session_touch(c->db, hash, c->now) == -1)
		return -1;

	copy_utf8(c->user.name, sizeof(c->user.name), s.user.name);
	snprintf(c->user.email, sizeof(c->user.email), "%s", s.user.email);
	memcpy(c->user.session_hash, hash, sizeof(c->user.session_hash));
	if (kind == AUTH_ADMIN && s.second_factor_at == 0) {
		/* Past the password only: nobody yet, until the code. */
		c->user.pending_admin_id = s.user.id;
		return 0;
	}
	c->user.user_id = s.user.id;
	c->user.company_id = s.user.company_id;
	c->user.kind = kind;
	c->user.second_factor_at = s.second_factor_at;
	c->user.unread = s.unread;
	c->user.unread_known = 1;
	memcpy(c->user.language, s.language, sizeof(c->user.language));
	memcpy(c->user.country, s.country, sizeof(c->user.country));
	c->order.found = s.order.found;
	c->order.user_id = s.order.user_id;
	c->order.company_id = s.order.company_id;
	return 0;
}

/* auth_session_start() for a session of lifetime max seconds. */
static int
session_start(struct auth_req *c, int64_t user_id, int64_t max)
{
	unsigned char	raw[TOKEN_BYTES];
	char		hex[TOKEN_HEX + 1], hash[65];
	int64_t		idle = c->cfg->session_idle;

	c->token[0] = '\0';
	if (auth_init() == -1)
		return -1;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, sizeof(hex), raw, sizeof(raw));
	sha256_hex(raw, sizeof(raw), hash);
	sodium_memzero(raw, sizeof(raw));

	if (db_session_insert(c->db, hash, user_id, c->now, c->now + max) == -1)
		goto fail;
	/* Rotation: the session (if any) this request came with ends here, so a
	 * token planted before sign-in (fixation) is worth nothing after it. */
	if (c->user.session_hash[0] != '\0' &&
	    db_session_delete(c->db, c->user.session_hash) == -1)
		goto fail;
	if (db_session_purge_user(c->db, user_id, c->now, c->now - idle) == -1)
		goto fail;
	memcpy(c->token, hex, sizeof(c->token));
	sodium_memzero(hex, sizeof(hex));
	memcpy(c->user.session_hash, hash, sizeof(c->user.session_hash));
	c->user.user_id = user_id;
	return 0;
fail:
	sodium_memzero(hex, sizeof(hex));
	c->token[0] = '\0';
	return -1;
}

/* See auth.h. */
int
auth_session_start(struct auth_req *c, int64_t user_id)
{
	return session_start(c, user_id, c->cfg->session_max);
}

/* admin_audit_signin() for request c. */
static int
audit(const struct auth_req *c, int64_t user_id, int is_admin,
    const char *email, const char *outcome)
{
	return admin_audit_signin(c->db, c->remote_addr, c->now, user_id,
	    is_admin, email, outcome);
}

/* A sign-in of email refused without counting a failure (user_id 0: no
 * such account): the transaction rolled back, the refusal audited (best
 * effort). Returns rv, auth_sign_in()'s answer. */
static int
refused(struct auth_req *c, int64_t user_id, int is_admin, const char *email,
    int rv)
{
	db_rollback(c->db);
	if (audit(c, user_id, is_admin, email, "signin_failed") == -1)
		log_warn("auth: could not audit a failed sign-in");
	return rv;
}

/* The end of auth_sign_in() for admin u whose password was right, inside
 * its transaction: a session that only the code step (service/mfa.c)
 * completes, lasting AUTH_ADMIN_CODE_WAIT. Returns 3, or -1 (rolled
 * back). */
static int
admin_pending(struct auth_req *c, const struct db_user *u)
{
	if (session_start(c, u->id, AUTH_ADMIN_CODE_WAIT) == -1 ||
	    db_commit(c->db) == -1) {
		db_rollback(c->db);
		sodium_memzero(c->token, sizeof(c->token));
		user_clear(c);
		return -1;
	}
	c->user.user_id = 0;
	c->user.pending_admin_id = u->id;
	c->user.kind = AUTH_SHOPPER;
	copy_utf8(c->user.name, sizeof(c->user.name), u->name);
	snprintf(c->user.email, sizeof(c->user.email), "%s", u->email);
	return 3;
}

/* See auth.h. The email is compared by the column's case-insensitive
 * collation; the password is checked even for an unknown email (against a
 * dummy hash) so both refusals take the same time and say the same thing. */
int
auth_sign_in(struct auth_req *c, const char *email, const char *password)
{
	struct db_user	 u;
	size_t		 pwlen = strlen(password);
	unsigned	 roles;
	int		 rc, ok, failed;

	if (auth_init() == -1)
		return -1;
	if (db_begin(c->db) == -1)
		return -1;
	/* The row lock makes concurrent failures of one account count one by
	 * one, so parallel guessing cannot slip past the back-off. */
	if ((rc = db_user_by_email_lock(c->db, email, &u)) == -1)
		goto err;
	if (rc == 0) {
		db_rollback(c->db);
		if (crypto_pwhash_str_verify(dummy_hash, password, pwlen) == 0)
			log_warn("auth: the dummy password matched");
		/* admin: failed attempts are audited. */
		return refused(c, 0, 0, email, 1);
	}
	if (u.locked_until > c->now) {
		sodium_memzero(u.password_hash, sizeof(u.password_hash));
		return refused(c, u.id, u.kind == DB_USER_ADMIN, email, 2);
	}
	ok = crypto_pwhash_str_verify(u.password_hash, password, pwlen) == 0;
	sodium_memzero(u.password_hash, sizeof(u.password_hash));
	if (!ok) {
		failed = u.failed_logins + 1;
		if (db_user_login_failed(c->db, u.id, failed,
		    failed >= AUTH_MAX_FAILED ? c->now + auth_backoff(failed) :
		    0) == -1)
			goto err;
		if (audit(c, u.id, u.kind == DB_USER_ADMIN, email,
		    "signin_failed") == -1)
			goto err;
		if (db_commit(c->db) == -1)
			return -1;
		if (failed >= AUTH_MAX_FAILED)
			log_warn("auth: user %lld backed off after %d failed "
			    "sign-ins", (long long)u.id, failed);
		return 1;
	}
	/* A disabled admin's password is right, but the console is closed
	 * to it (service/admin_accounts.h). */
	if (u.kind == DB_USER_ADMIN &&
	    (rc = admin_roles_of(c->db, u.id, &roles)) != 1) {
		if (rc == -1)
			goto err;
		return refused(c, u.id, 1, email, 4);
	}
	if (u.kind == DB_USER_ADMIN)
		/* The code step (service/mfa.c) clears the failures and
		 * audits the sign-in; until then a pending session. */
		return admin_pending(c, &u);
	if (db_user_login_ok(c->db, u.id) == -1)
		goto err;
	if (audit(c, u.id, 0, email, "signin") == -1)
		goto err;
	if (auth_session_start(c, u.id) == -1)
		goto err;
	if (db_commit(c->db) == -1) {
		c->token[0] = '\0';
		user_clear(c);
		return -1;
	}
	c->user.company_id = u.company_id;
	c->user.kind = kind_of(u.kind);
	copy_utf8(c->user.name, sizeof(c->user.name), u.name);
	snprintf(c->user.email, sizeof(c->user.email), "%s", u.email);
	return 0;
err:
	db_rollback(c->db);
	sodium_memzero(c->token, sizeof(c->token));
	return -1;
}

/* See auth.h. Returns 0, or -1 on a database error (the caller clears
 * the cookie either way: the browser forgets the token even if the row
 * stays until it expires). */
int
auth_sign_out(struct auth_req *c)
{
	int rc = 0;

	if (c->user.session_hash[0] != '\0')
		rc = db_session_delete(c->db, c->user.session_hash);
	user_clear(c);
	return rc;
}
