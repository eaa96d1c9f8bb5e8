/*
 * TOTP codes and recovery code texts (totp.h), on liboath.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <liboath/oath.h>

#include "rules/totp.h"

static const char b32_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static pthread_once_t	oath_once = PTHREAD_ONCE_INIT;
static int		oath_ready;

/* liboath wants oath_init() once before use. */
static void
oath_init_once(void)
{
	oath_ready = oath_init() == OATH_OK;
}

/* Run oath_init_once once per process; 0, or -1 when it failed. */
static int
oath_ok(void)
{
	pthread_once(&oath_once, oath_init_once);
	return oath_ready ? 0 : -1;
}

/* See totp.h. */
int64_t
totp_step_of(int64_t t)
{
	return t / TOTP_STEP;
}

/* See totp.h. */
int
totp_code(const unsigned char *secret, size_t len, int64_t t,
    char out[TOTP_DIGITS + 1])
{
	out[0] = '\0';
	if (oath_ok() == -1 || t < 0)
		return -1;
	if (oath_totp_generate((const char *)secret, len, (time_t)t,
	    TOTP_STEP, 0, TOTP_DIGITS, out) != OATH_OK) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* The six digits of code without spaces into out; 0, or -1 when code is not
 * six digits. */
static int
digits_of(const char *code, char out[TOTP_DIGITS + 1])
{
	size_t n = 0;

	for (; *code != '\0'; code++) {
		if (*code == ' ')
			continue;
		if (!isdigit((unsigned char)*code) || n == TOTP_DIGITS)
			return -1;
		out[n++] = *code;
	}
	out[n] = '\0';
	return n == TOTP_DIGITS ? 0 : -1;
}

/* 1 when the two codes are equal, in time independent of where they
 * differ. */
static int
same_code(const char *a, const char *b)
{
	unsigned char d = 0;
	size_t i;

	for (i = 0; i < TOTP_DIGITS; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

/* See totp.h. Every step of the window is computed, so the time taken does
 * not say which step matched. */
enum totp_verdict
totp_check(const unsigned char *secret, size_t len, const char *code,
    int64_t now, int64_t last_step, int64_t *step)
{
	char typed[TOTP_DIGITS + 1], want[TOTP_DIGITS + 1];
	int64_t s, at = totp_step_of(now), hit = -1;
	int replay = 0;

	if (code == NULL || digits_of(code, typed) == -1)
		return TOTP_MALFORMED;
	for (s = at - TOTP_WINDOW; s <= at + TOTP_WINDOW; s++) {
		if (s < 0 || totp_code(secret, len, s * TOTP_STEP, want) == -1)
			continue;
		if (!same_code(typed, want))
			continue;
		if (s <= last_step)
			replay = 1;
		else if (hit == -1)
			hit = s;
	}
	if (hit != -1) {
		if (step != NULL)
			*step = hit;
		return TOTP_OK;
	}
	return replay ? TOTP_REPLAY : TOTP_WRONG;
}

/* See totp.h. */
int
totp_base32(const unsigned char *secret, size_t len, char *out, size_t outsz)
{
	char *enc = NULL;
	size_t n = 0;

	if (outsz > 0)
		out[0] = '\0';
	if (oath_ok() == -1 || oath_base32_encode((const char *)secret, len,
	    &enc, &n) != OATH_OK)
		return -1;
	while (n > 0 && enc[n - 1] == '=')
		n--;
	if (n + 1 > outsz) {
		free(enc);
		return -1;
	}
	memcpy(out, enc, n);
	out[n] = '\0';
	free(enc);
	return 0;
}

/* See totp.h. */
int
totp_base32_secret(const char *b32, unsigned char out[TOTP_SECRET_BYTES])
{
	char clean[TOTP_SECRET_B32 + 1], *dec = NULL;
	size_t n = 0, declen = 0;
	int rc = -1;

	for (; *b32 != '\0'; b32++) {
		if (*b32 == ' ')
			continue;
		if (n == TOTP_SECRET_B32)
			return -1;
		clean[n++] = (char)toupper((unsigned char)*b32);
	}
	clean[n] = '\0';
	if (n != TOTP_SECRET_B32 || oath_ok() == -1)
		return -1;
	if (oath_base32_decode(clean, n, &dec, &declen) == OATH_OK &&
	    declen == TOTP_SECRET_BYTES) {
		memcpy(out, dec, TOTP_SECRET_BYTES);
		rc = 0;
	}
	free(dec);
	return rc;
}

/* See totp.h. */
int
totp_recovery_normalize(const char *in, char out[TOTP_RECOVERY_LEN + 1])
{
	size_t n = 0, k = 0;
	int ch;

	for (; *in != '\0'; in++) {
		if (*in == ' ' || *in == '-')
			continue;
		ch = toupper((unsigned char)*in);
		if (k == 10 || strchr(b32_alphabet, ch) == NULL)
			return -1;
		if (k++ == 5)
			out[n++] = '-';
		out[n++] = (char)ch;
	}
	out[n] = '\0';
	return k == 10 ? 0 : -1;
}

/* See totp.h. */
int
totp_reauth_due(int64_t second_factor_at, int64_t now)
{
	return second_factor_at <= 0 || now - second_factor_at > TOTP_REAUTH_AFTER;
}
