#ifndef MALLPAY_SERVICE_MFA_H
#define MALLPAY_SERVICE_MFA_H

/*
 * The admins' second factor: enrollment (a TOTP secret shown as a QR code
 * and in base32, confirmed by one code, then ten one-time recovery codes
 * shown once), the code step of sign-in, the code asked again before
 * settings change, and an admin's reset of another's second factor.
 *
 * - The secret is encrypted at rest with the file store's format
 *   (filestore_encrypt: a key derived from [security] key, the user id in
 *   the associated data) and never logged.
 * - Wrong codes count as failed sign-ins of the account (users.
 *   failed_logins): the same back-off as wrong passwords (rules/signin.h).
 * - A code of a time step already used is refused (no replay) unless
 *   cfg->totp_replay_guard is 0 (test stacks).
 */

#include <stddef.h>
#include <stdint.h>

#include "db/totp.h"
#include "rules/totp.h"
#include "service/auth.h"

#define MFA_ISSUER	"mallpay"

/* What a code step came to. */
enum mfa_result {
	MFA_ERROR = -1,		/* database or key error (logged) */
	MFA_OK = 0,
	MFA_WRONG,		/* not the code, nor an unused recovery code */
	MFA_REPLAY,		/* the code of a time step already used */
	MFA_THROTTLED,		/* too many failures: backed off */
	MFA_NOT_ENROLLED,	/* no confirmed secret (enroll first) */
	MFA_ENROLLED,		/* enrollment asked, but it is done */
	MFA_NO_USER,		/* no such admin (or no pending sign-in) */
	MFA_SELF		/* an admin may not reset their own */
};

/* An enrollment page's content. */
struct mfa_enroll {
	char	secret_b32[TOTP_SECRET_B32 + 1];
	char	uri[1024];	/* otpauth://totp/... for the QR code */
};

/* Ten recovery codes, shown once. */
struct mfa_codes {
	char	code[TOTP_RECOVERY_CODES][TOTP_RECOVERY_LEN + 1];
};

/* 1 when admin user_id has a confirmed secret, 0 not, -1 error. */
int	mfa_enrolled(struct db *, int64_t user_id);

/* For the pending admin of c (c->user.pending_admin_id): the secret being
 * enrolled (made and stored on the first call). Returns MFA_OK,
 * MFA_ENROLLED, MFA_NO_USER or MFA_ERROR. */
enum mfa_result	mfa_enroll_begin(struct auth_req *c, struct mfa_enroll *out);

/* Confirm the pending admin's enrollment with code: the secret is
 * confirmed, ten recovery codes made (their hashes stored, the codes in
 * *codes) and the session completed (second factor now, admin lifetime).
 * Returns MFA_OK, MFA_WRONG, MFA_THROTTLED, MFA_ENROLLED, MFA_NO_USER or
 * MFA_ERROR. */
enum mfa_result	mfa_enroll_confirm(struct auth_req *c, const char *code,
		    struct mfa_codes *codes);

/* The code step of the pending admin of c: a TOTP code or an unused
 * recovery code (spent now). On MFA_OK the session is completed and c->user
 * is the admin. Otherwise MFA_WRONG, MFA_REPLAY, MFA_THROTTLED,
 * MFA_NOT_ENROLLED, MFA_NO_USER or MFA_ERROR. */
enum mfa_result	mfa_sign_in(struct auth_req *c, const char *code);

/* A signed-in admin enters the code again (before settings change): on
 * MFA_OK the session's second_factor_at is now. Other results as
 * mfa_sign_in(). */
enum mfa_result	mfa_reauth(struct auth_req *c, const char *code);

/* Admin actor_id resets admin target_id's second factor at now: the secret
 * and recovery codes are removed, the target's sessions end, audited.
 * Returns MFA_OK, MFA_NO_USER (no such admin), MFA_NOT_ENROLLED (nothing to
 * reset), MFA_SELF (target_id is actor_id) or MFA_ERROR. */
enum mfa_result	mfa_reset(struct db *, int64_t actor_id, int64_t target_id,
		    int64_t now);

/* 1 when a session whose admin last entered a code at second_factor_at
 * must enter it again at now before changing settings (rules/totp.h). */
int	mfa_reauth_due(int64_t second_factor_at, int64_t now);

/* Every admin with their second factor's state (free(3) *out). 0 or -1. */
int	mfa_admins(struct db *, struct db_totp_admin **out, size_t *n);

/* Store secret (TOTP_SECRET_BYTES) as user_id's confirmed secret, for
 * mallpayctl (create-admin --totp-secret, the demo admin). Returns 0, 1 when
 * the admin has one already, -1 error. */
int	mfa_set_secret(struct db *, const struct config *, int64_t user_id,
	    const unsigned char *secret, int64_t now);

#endif
