#ifndef MALLPAY_RULES_TOTP_H
#define MALLPAY_RULES_TOTP_H

/*
 * The admins' second factor: time-based one-time passwords (RFC 6238:
 * HMAC-SHA-1, 30-second steps from the epoch, 6 digits), computed by
 * liboath, and the one-time recovery codes. Pure: the time is the
 * caller's (the one clock, core/clock.h).
 */

#include <stddef.h>
#include <stdint.h>

#define TOTP_STEP		30	/* seconds per time step */
#define TOTP_DIGITS		6
#define TOTP_WINDOW		1	/* steps accepted either side of now */
#define TOTP_SECRET_BYTES	20	/* 160 bits, as RFC 4226 recommends */
#define TOTP_SECRET_B32		32	/* its base32 length (no padding) */
#define TOTP_REAUTH_AFTER	(15 * 60)	/* a code older than this is
						   asked again for settings */
#define TOTP_RECOVERY_CODES	10
#define TOTP_RECOVERY_LEN	11	/* "XXXXX-XXXXX" */

/* What a code typed at the code step is. */
enum totp_verdict {
	TOTP_OK,	/* matches a step of the window newer than last_step */
	TOTP_WRONG,	/* six digits that match no step of the window */
	TOTP_REPLAY,	/* matches a step already used (or older) */
	TOTP_MALFORMED	/* not six digits (spaces allowed between) */
};

/* The time step of unix time t. */
int64_t	totp_step_of(int64_t t);

/* The code of secret (len bytes) for the step of unix time t into out
 * (TOTP_DIGITS + 1 bytes). Returns 0, or -1 when liboath fails. */
int	totp_code(const unsigned char *secret, size_t len, int64_t t,
	    char out[TOTP_DIGITS + 1]);

/* Check code (six digits; spaces are ignored) against secret at now, within
 * TOTP_WINDOW steps either side; a step at or before last_step (the newest
 * step already accepted for this secret) is a replay. On TOTP_OK *step
 * (if not NULL) is the matched step, to be stored as the new last_step. */
enum totp_verdict totp_check(const unsigned char *secret, size_t len,
	    const char *code, int64_t now, int64_t last_step, int64_t *step);

/* secret (len bytes) in RFC 4648 base32 without padding into out.
 * Returns 0, or -1 when out (outsz bytes) is too small or liboath fails. */
int	totp_base32(const unsigned char *secret, size_t len, char *out,
	    size_t outsz);

/* Decode base32 text b32 (case and spaces ignored) into exactly
 * TOTP_SECRET_BYTES bytes. Returns 0, or -1 when it is not such a secret. */
int	totp_base32_secret(const char *b32, unsigned char out[TOTP_SECRET_BYTES]);

/* Normalise a typed recovery code (case, spaces and dashes ignored) into
 * "XXXXX-XXXXX" of the base32 alphabet. Returns 0, or -1 when it cannot be
 * one. */
int	totp_recovery_normalize(const char *in, char out[TOTP_RECOVERY_LEN + 1]);

/* 1 when a session whose code was last entered at second_factor_at (0:
 * never) must enter it again at now before changing settings. */
int	totp_reauth_due(int64_t second_factor_at, int64_t now);

#endif
