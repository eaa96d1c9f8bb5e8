/*
 * The admins' second factor (mfa.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/config.h"
#include "core/log.h"
#include "db/db.h"
#include "db/session.h"
#include "db/user.h"
#include "rules/signin.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/filestore.h"
#include "service/mfa.h"

#define SALT_BYTES	16

/* The associated data binding an encrypted secret to its admin. */
static void
secret_ad(int64_t user_id, char ad[40])
{
	snprintf(ad, 40, "totp:%lld", (long long)user_id);
}

/* Encrypt secret for user_id into out. Returns 0, or -1. */
static int
secret_seal(const struct config *cfg, int64_t user_id,
    const unsigned char *secret, struct buf *out)
{
	char ad[40];

	secret_ad(user_id, ad);
	if (filestore_encrypt(cfg->secret_key, ad, secret, TOTP_SECRET_BYTES,
	    out) == -1 || out->len > sizeof(((struct db_totp *)0)->secret_enc))
		return -1;
	return 0;
}

/* Decrypt t's secret into secret. Returns 0, or -1 (logged). */
static int
secret_open(const struct config *cfg, const struct db_totp *t,
    unsigned char secret[TOTP_SECRET_BYTES])
{
	struct buf	b;
	char		ad[40];
	int		rc = -1;

	buf_init(&b);
	secret_ad(t->user_id, ad);
	if (filestore_decrypt(cfg->secret_key, ad, t->secret_enc,
	    t->secret_enc_len, &b) == 0 && b.len == TOTP_SECRET_BYTES) {
		memcpy(secret, b.data, TOTP_SECRET_BYTES);
		rc = 0;
	} else
		log_err("mfa: the secret of user %lld does not decrypt",
		    (long long)t->user_id);
	if (b.data != NULL)
		sodium_memzero(b.data, b.len);
	buf_cleanup(&b);
	return rc;
}

/* See mfa.h. */
int
mfa_enrolled(struct db *db, int64_t user_id)
{
	struct db_totp	t;
	int		rc = db_totp_get(db, user_id, 0, &t);

	return rc == 1 ? t.confirmed_at != 0 : rc;
}

/* The otpauth:// URI of secret_b32 for email (Key Uri Format, as the
 * authenticator apps read it) into out. */
static void
otpauth_uri(const char *email, const char *secret_b32, char *out,
    size_t outsz)
{
	char label[256 * 3 + 1];
	size_t n = 0;

	for (; *email != '\0' && n + 4 < sizeof(label); email++) {
		unsigned char ch = (unsigned char)*email;

		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr(".-_@", ch) != NULL)
			label[n++] = (char)ch;
		else
			n += (size_t)snprintf(label + n, 4, "%%%02X", ch);
	}
	label[n] = '\0';
	snprintf(out, outsz, "otpauth://totp/" MFA_ISSUER ":%s?secret=%s&"
	    "issuer=" MFA_ISSUER "&algorithm=SHA1&digits=%d&period=%d",
	    label, secret_b32, TOTP_DIGITS, TOTP_STEP);
}

/* See mfa.h. */
enum mfa_result
mfa_enroll_begin(struct auth_req *c, struct mfa_enroll *out)
{
	unsigned char	secret[TOTP_SECRET_BYTES];
	struct db_totp	t;
	struct buf	enc;
	int64_t		uid = c->user.pending_admin_id;
	int		rc;

	memset(out, 0, sizeof(*out));
	if (uid == 0)
		return MFA_NO_USER;
	if ((rc = db_totp_get(c->db, uid, 0, &t)) == -1)
		return MFA_ERROR;
	if (rc == 0) {
		/* The first visit: a new secret. INSERT IGNORE keeps the
		 * first of two visits at once; the row is read again. */
		randombytes_buf(secret, sizeof(secret));
		buf_init(&enc);
		rc = secret_seal(c->cfg, uid, secret, &enc);
		sodium_memzero(secret, sizeof(secret));
		if (rc == 0)
			rc = db_totp_start(c->db, uid, enc.data, enc.len,
			    c->now);
		buf_cleanup(&enc);
		if (rc == -1 || db_totp_get(c->db, uid, 0, &t) != 1)
			return MFA_ERROR;
	}
	if (t.confirmed_at != 0)
		return MFA_ENROLLED;
	if (secret_open(c->cfg, &t, secret) == -1)
		return MFA_ERROR;
	rc = totp_base32(secret, sizeof(secret), out->secret_b32,
	    sizeof(out->secret_b32));
	sodium_memzero(secret, sizeof(secret));
	if (rc == -1)
		return MFA_ERROR;
	otpauth_uri(c->user.email, out->secret_b32, out->uri,
	    sizeof(out->uri));
	return MFA_OK;
}

/* Hex SHA-256 of the salt's bytes followed by the recovery code's text.
 * Recovery codes are 50 random bits each (ten base32 characters from
 * randombytes), not something a person chose: a slow password hash
 * (argon2id, as for passwords) would add nothing against guessing that
 * 2^50 does not, and would cost ten slow checks per attempt. The salt
 * keeps equal codes of two admins from showing in the table. */
static void
recovery_hash(const unsigned char salt[SALT_BYTES], const char *code,
    char out[65])
{
	crypto_hash_sha256_state	st;
	unsigned char			h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, salt, SALT_BYTES);
	crypto_hash_sha256_update(&st, (const unsigned char *)code,
	    strlen(code));
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* Make ten recovery codes for uid into codes and store their hashes
 * (inside the caller's transaction). Returns 0, or -1. */
static int
recovery_make(struct db *db, int64_t uid, int64_t now,
    struct mfa_codes *codes)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned char	salt[SALT_BYTES];
	char		salt_hex[2 * SALT_BYTES + 1], hash[65], *p;
	int		i, k;

	for (i = 0; i < TOTP_RECOVERY_CODES; i++) {
		p = codes->code[i];
		for (k = 0; k < 10; k++) {
			if (k == 5)
				*p++ = '-';
			*p++ = alphabet[randombytes_uniform(32)];
		}
		*p = '\0';
		randombytes_buf(salt, sizeof(salt));
		sodium_bin2hex(salt_hex, sizeof(salt_hex), salt, sizeof(salt));
		recovery_hash(salt, codes->code[i], hash);
		if (db_totp_recovery_add(db, uid, salt_hex, hash, now) == -1)
			return -1;
	}
	return 0;
}

/* Spend the unused recovery code of uid that typed is (inside the
 * caller's transaction). Returns 1 spent, 0 no such unused code, -1. */
static int
recovery_spend(struct db *db, int64_t uid, const char *typed, int64_t now)
{
	struct db_recovery	*r = NULL;
	unsigned char		 salt[SALT_BYTES];
	char			 code[TOTP_RECOVERY_LEN + 1], hash[65];
	size_t			 n = 0, i, saltlen;
	int			 rc = 0;

	if (totp_recovery_normalize(typed, code) == -1)
		return 0;
	if (db_totp_recovery_unused(db, uid, &r, &n) == -1)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if (sodium_hex2bin(salt, sizeof(salt), r[i].salt,
		    strlen(r[i].salt), NULL, &saltlen, NULL) != 0 ||
		    saltlen != SALT_BYTES)
			continue;
		recovery_hash(salt, code, hash);
		if (sodium_memcmp(hash, r[i].hash, 64) == 0)
			rc = db_totp_recovery_use(db, r[i].id, now);
	}
	free(r);
	return rc;
}

/* Check code against t for admin u (inside the transaction that locked
 * u and t): a TOTP code (its step claimed), else a recovery code. */
static enum mfa_result
code_check(struct auth_req *c, const struct db_totp *t, const char *code)
{
	unsigned char		secret[TOTP_SECRET_BYTES];
	enum totp_verdict	v;
	int64_t			step = 0;
	int			guard = c->cfg->totp_replay_guard, rc;

	if (secret_open(c->cfg, t, secret) == -1)
		return MFA_ERROR;
	v = totp_check(secret, sizeof(secret), code, c->now,
	    guard ? t->last_step : -1, &step);
	sodium_memzero(secret, sizeof(secret));
	if (v == TOTP_OK) {
		if ((rc = db_totp_claim_step(c->db, t->user_id, step)) == -1)
			return MFA_ERROR;
		return rc == 1 || !guard ? MFA_OK : MFA_REPLAY;
	}
	if (v == TOTP_REPLAY)
		return MFA_REPLAY;
	if (v == TOTP_WRONG)
		return MFA_WRONG;
	if ((rc = recovery_spend(c->db, t->user_id, code, c->now)) == -1)
		return MFA_ERROR;
	return rc == 1 ? MFA_OK : MFA_WRONG;
}

/* Check the first code of an enrollment against t and confirm t with its
 * step (inside the transaction that locked t). */
static enum mfa_result
enroll_check(struct auth_req *c, const struct db_totp *t, const char *code)
{
	unsigned char		secret[TOTP_SECRET_BYTES];
	enum totp_verdict	v;
	int64_t			step = 0;

	if (secret_open(c->cfg, t, secret) == -1)
		return MFA_ERROR;
	v = totp_check(secret, sizeof(secret), code, c->now, 0, &step);
	sodium_memzero(secret, sizeof(secret));
	if (v != TOTP_OK)
		return MFA_WRONG;
	return db_totp_confirm(c->db, t->user_id, step, c->now) == -1 ?
	    MFA_ERROR : MFA_OK;
}

/* A wrong code r of admin u: counted as a failed sign-in (the password's
 * back-off), audited, committed. Returns r, or MFA_ERROR. */
static enum mfa_result
step_failed(struct auth_req *c, const struct db_user *u, enum mfa_result r)
{
	int failed = u->failed_logins + 1;

	if (db_user_login_failed(c->db, u->id, failed,
	    failed >= AUTH_MAX_FAILED ? c->now + auth_backoff(failed) : 0) == -1 ||
	    admin_audit_signin(c->db, c->remote_addr, c->now, u->id, 1,
	    u->email, "signin_failed") == -1) {
		db_rollback(c->db);
		return MFA_ERROR;
	}
	if (db_commit(c->db) == -1)
		return MFA_ERROR;
	if (failed >= AUTH_MAX_FAILED)
		log_warn("mfa: admin %lld backed off after %d failed codes",
		    (long long)u->id, failed);
	return r;
}

/* What a code step is for. */
enum step_kind {
	STEP_SIGN_IN,
	STEP_REAUTH,
	STEP_ENROLL
};

/* Lock admin uid (c->user.email's account) and their TOTP row for a code
 * step of kind k, in the transaction begun by the caller. Returns MFA_OK
 * with *u and *t, or the refusal (rolled back). */
static enum mfa_result
step_lock(struct auth_req *c, int64_t uid, enum step_kind k,
    struct db_user *u, struct db_totp *t)
{
	int rc;

	if ((rc = db_user_by_email_lock(c->db, c->user.email, u)) == 1)
		sodium_memzero(u->password_hash, sizeof(u->password_hash));
	if (rc == 1 && (u->id != uid || u->kind != DB_USER_ADMIN))
		rc = 0;
	if (rc == 1 && u->locked_until > c->now) {
		db_rollback(c->db);
		if (admin_audit_signin(c->db, c->remote_addr, c->now, uid, 1,
		    u->email, "signin_failed") == -1)
			log_warn("mfa: could not audit a failed code");
		return MFA_THROTTLED;
	}
	if (rc == 1 && (rc = db_totp_get(c->db, uid, 1, t)) == 1 &&
	    (t->confirmed_at != 0) != (k != STEP_ENROLL)) {
		db_rollback(c->db);
		return k == STEP_ENROLL ? MFA_ENROLLED : MFA_NOT_ENROLLED;
	}
	if (rc == 1)
		return MFA_OK;
	db_rollback(c->db);
	if (rc == -1)
		return MFA_ERROR;
	return k == STEP_ENROLL || uid != c->user.pending_admin_id ?
	    MFA_NO_USER : MFA_NOT_ENROLLED;
}

/* A code step of kind k for admin uid with code (codes: the recovery
 * codes made by an enrollment). One transaction. */
static enum mfa_result
second_step(struct auth_req *c, int64_t uid, const char *code,
    enum step_kind k, struct mfa_codes *codes)
{
	struct db_user	u;
	struct db_totp	t;
	enum mfa_result	r;

	if (uid == 0 || c->user.session_hash[0] == '\0')
		return MFA_NO_USER;
	if (db_begin(c->db) == -1)
		return MFA_ERROR;
	if ((r = step_lock(c, uid, k, &u, &t)) != MFA_OK)
		return r;
	r = k == STEP_ENROLL ? enroll_check(c, &t, code) :
	    code_check(c, &t, code);
	if (r != MFA_OK && r != MFA_ERROR)
		return step_failed(c, &u, r);
	if (r == MFA_ERROR ||
	    (k == STEP_ENROLL && recovery_make(c->db, uid, c->now, codes) == -1) ||
	    db_user_login_ok(c->db, uid) == -1 ||
	    db_session_second_factor(c->db, c->user.session_hash, c->now,
	    auth_session_max(c->cfg, AUTH_ADMIN)) != 1 ||
	    (k != STEP_REAUTH && admin_audit_signin(c->db, c->remote_addr,
	    c->now, uid, 1, u.email, "signin") == -1) ||
	    (k == STEP_ENROLL && audit_event(c->db, "user", uid, OF_ADMIN, uid,
	    NULL, "second_factor_enrolled", "enrolled an authenticator app",
	    c->now) == -1)) {
		db_rollback(c->db);
		return MFA_ERROR;
	}
	if (db_commit(c->db) == -1)
		return MFA_ERROR;
	c->user.user_id = uid;
	c->user.company_id = 0;
	c->user.kind = AUTH_ADMIN;
	c->user.pending_admin_id = 0;
	c->user.second_factor_at = c->now;
	return MFA_OK;
}

/* See mfa.h. */
enum mfa_result
mfa_enroll_confirm(struct auth_req *c, const char *code,
    struct mfa_codes *codes)
{
	enum mfa_result r;

	memset(codes, 0, sizeof(*codes));
	r = second_step(c, c->user.pending_admin_id, code, STEP_ENROLL,
	    codes);
	if (r != MFA_OK)
		sodium_memzero(codes, sizeof(*codes));
	return r;
}

/* See mfa.h. */
enum mfa_result
mfa_sign_in(struct auth_req *c, const char *code)
{
	return second_step(c, c->user.pending_admin_id, code, STEP_SIGN_IN,
	    NULL);
}

/* See mfa.h. */
enum mfa_result
mfa_reauth(struct auth_req *c, const char *code)
{
	if (c->user.kind != AUTH_ADMIN)
		return MFA_NO_USER;
	return second_step(c, c->user.user_id, code, STEP_REAUTH, NULL);
}

/* See mfa.h. */
enum mfa_result
mfa_reset(struct db *db, int64_t actor_id, int64_t target_id, int64_t now)
{
	struct db_user	u;
	int		rc;

	if (actor_id == target_id)
		return MFA_SELF;
	if ((rc = db_user_by_id(db, target_id, &u)) != 1 ||
	    u.kind != DB_USER_ADMIN)
		return rc == -1 ? MFA_ERROR : MFA_NO_USER;
	if (db_begin(db) == -1)
		return MFA_ERROR;
	if ((rc = db_totp_delete(db, target_id)) == 0) {
		db_rollback(db);
		return MFA_NOT_ENROLLED;
	}
	if (rc == -1 || db_session_delete_user(db, target_id) == -1 ||
	    audit_event_detail(db, "user", target_id, OF_ADMIN, actor_id,
	    NULL, "second_factor_reset", "second factor reset: the admin "
	    "enrolls again at the next sign-in", NULL, now) == -1) {
		db_rollback(db);
		return MFA_ERROR;
	}
	return db_commit(db) == -1 ? MFA_ERROR : MFA_OK;
}

/* See mfa.h. */
int
mfa_reauth_due(int64_t second_factor_at, int64_t now)
{
	return totp_reauth_due(second_factor_at, now);
}

/* See mfa.h. */
int
mfa_admins(struct db *db, struct db_totp_admin **out, size_t *n)
{
	return db_totp_admins(db, out, n);
}

/* See mfa.h. */
int
mfa_set_secret(struct db *db, const struct config *cfg, int64_t user_id,
    const unsigned char *secret, int64_t now)
{
	struct buf	enc;
	int		rc;

	buf_init(&enc);
	rc = secret_seal(cfg, user_id, secret, &enc);
	if (rc == 0)
		rc = db_totp_start(db, user_id, enc.data, enc.len, now);
	buf_cleanup(&enc);
	if (rc == 1 && db_totp_confirm(db, user_id, 0, now) == -1)
		return -1;
	return rc == 1 ? 0 : rc == 0 ? 1 : -1;
}
