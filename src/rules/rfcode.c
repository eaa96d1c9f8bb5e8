/*
 * ISO 11649 creditor references for remittances (RULES REM-P1).
 */

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "rules/rfcode.h"

/* Fold the characters of s into a MOD 97 remainder, letters counting as
 * two digits (A = 10 .. Z = 35) as ISO 7064 MOD 97-10 requires.
 * s holds only upper-case letters and digits. */
static unsigned
mod97(const char *s, size_t len, unsigned r)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (isdigit((unsigned char)s[i]))
			r = (r * 10 + (unsigned)(s[i] - '0')) % 97;
		else
			r = (r * 100 + (unsigned)(s[i] - 'A' + 10)) % 97;
	}
	return r;
}

/* Copy buf/len into out upper-cased without spaces; -1 on another
 * non-alphanumeric character or more than max characters. */
static int
compact(const char *buf, size_t len, char *out, size_t max, size_t *outlen)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == ' ')
			continue;
		if (!isascii(c) || !isalnum(c) || n == max)
			return -1;
		out[n++] = (char)toupper(c);
	}
	out[n] = '\0';
	*outlen = n;
	return 0;
}

/* Build a code from a reference; see rfcode.h. */
int
rfcode_generate(const char *ref, size_t len, char *out, size_t outsz)
{
	char r[RFCODE_REF_MAX + 1];
	size_t n, i;
	unsigned check;

	if (ref == NULL || outsz < RFCODE_MAX || len > RFCODE_REF_MAX)
		return -1;
	for (i = 0; i < len; i++)
		if (!isascii((unsigned char)ref[i]) ||
		    !isalnum((unsigned char)ref[i]))
			return -1;
	if (compact(ref, len, r, RFCODE_REF_MAX, &n) == -1 || n == 0)
		return -1;
	/* Check digits: 98 - (reference + "RF00") mod 97. */
	check = 98 - mod97("RF00", 4, mod97(r, n, 0));
	snprintf(out, outsz, "RF%02u%s", check, r);
	return 0;
}

/* Code for an order id; see rfcode.h. */
int
rfcode_from_order_id(uint64_t order_id, char *out, size_t outsz)
{
	char ref[24];
	int n = snprintf(ref, sizeof(ref), "%" PRIu64, order_id);

	return rfcode_generate(ref, (size_t)n, out, outsz);
}

/* Validate into a compact form; 0 when valid. */
static int
check(const char *buf, size_t len, char *c, size_t *n)
{
	unsigned cd;

	if (buf == NULL ||
	    compact(buf, len, c, RFCODE_MAX - 1, n) == -1 || *n < 5)
		return -1;
	if (c[0] != 'R' || c[1] != 'F' || !isdigit((unsigned char)c[2]) ||
	    !isdigit((unsigned char)c[3]))
		return -1;
	/* MOD 97-10 check digits are 02..98; "99" or "01" never occur. */
	cd = (unsigned)(c[2] - '0') * 10 + (unsigned)(c[3] - '0');
	if (cd < 2 || cd > 98)
		return -1;
	/* Rearranged: reference first, then "RF" and the check digits. */
	return mod97(c, 4, mod97(c + 4, *n - 4, 0)) == 1 ? 0 : -1;
}

/* 1 if buf/len is a valid creditor reference. */
int
rfcode_valid(const char *buf, size_t len)
{
	char c[RFCODE_MAX];
	size_t n;

	return check(buf, len, c, &n) == 0;
}

/* Electronic form of a valid code. */
int
rfcode_normalize(const char *buf, size_t len, char *out, size_t outsz)
{
	char c[RFCODE_MAX];
	size_t n;

	if (check(buf, len, c, &n) == -1 || outsz < n + 1)
		return -1;
	memcpy(out, c, n + 1);
	return 0;
}

/* Printed form in groups of four. */
int
rfcode_print(const char *buf, size_t len, char *out, size_t outsz)
{
	char c[RFCODE_MAX];
	size_t n, i, j = 0;

	if (check(buf, len, c, &n) == -1 || outsz < n + (n - 1) / 4 + 1)
		return -1;
	for (i = 0; i < n; i++) {
		if (i > 0 && i % 4 == 0)
			out[j++] = ' ';
		out[j++] = c[i];
	}
	out[j] = '\0';
	return 0;
}
