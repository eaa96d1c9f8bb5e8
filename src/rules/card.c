/*
 * Card number checks for INST-CC. The number only passes through: it is
 * never copied anywhere but the caller's stack buffers, never logged.
 */

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "rules/card.h"

/* Digits without spaces; see card.h. */
int
card_digits(const char *buf, size_t len, char *out, size_t outsz)
{
	size_t i;
	int n = 0;

	if (buf == NULL || outsz < CARD_MAX_DIGITS + 1)
		return -1;
	for (i = 0; i < len; i++) {
		if (buf[i] == ' ')
			continue;
		if (buf[i] < '0' || buf[i] > '9' || n == CARD_MAX_DIGITS)
			return -1;
		out[n++] = buf[i];
	}
	out[n] = '\0';
	return n < CARD_MIN_DIGITS ? -1 : n;
}

/* Luhn over a digit string: every second digit from the right counts twice. */
static int
luhn(const char *d, int n)
{
	int i, sum = 0, v;

	for (i = 0; i < n; i++) {
		v = d[n - 1 - i] - '0';
		if (i % 2 == 1) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return sum % 10 == 0;
}

/* 1 if the number passes the Luhn check. */
int
card_luhn_valid(const char *buf, size_t len)
{
	char d[CARD_MAX_DIGITS + 1];
	int n = card_digits(buf, len, d, sizeof(d));

	return n < 0 ? 0 : luhn(d, n);
}

/* Value of the first k digits of d (k <= 4, d has at least k). */
static int
prefix(const char *d, int k)
{
	int v = 0, i;

	for (i = 0; i < k; i++)
		v = v * 10 + (d[i] - '0');
	return v;
}

/* Brand from a digit string of at least 4 digits. */
static enum card_brand
brand_of_digits(const char *d)
{
	int p1 = prefix(d, 1), p2 = prefix(d, 2), p4 = prefix(d, 4);

	if (p1 == 4)
		return CARD_VISA;
	if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))
		return CARD_MASTERCARD;
	if (p2 == 62 || p2 == 81)
		return CARD_UNIONPAY;
	return CARD_UNKNOWN;
}

/* Brand of a number by prefix. */
enum card_brand
card_brand_of(const char *buf, size_t len)
{
	char d[CARD_MAX_DIGITS + 1];

	if (card_digits(buf, len, d, sizeof(d)) < 0)
		return CARD_UNKNOWN;
	return brand_of_digits(d);
}

/* Lengths each brand issues. */
int
card_brand_length_ok(enum card_brand b, int n)
{
	switch (b) {
	case CARD_VISA:
		return n == 13 || n == 16 || n == 19;
	case CARD_MASTERCARD:
		return n == 16;
	case CARD_UNIONPAY:
		return n >= 16 && n <= 19;
	case CARD_UNKNOWN:
		break;
	}
	return 0;
}

/* Name of a brand. */
const char *
card_brand_str(enum card_brand b)
{
	switch (b) {
	case CARD_VISA:
		return "visa";
	case CARD_MASTERCARD:
		return "mastercard";
	case CARD_UNIONPAY:
		return "unionpay";
	case CARD_UNKNOWN:
		break;
	}
	return "unknown";
}

/* Last four digits. */
int
card_last4(const char *buf, size_t len, char *out, size_t outsz)
{
	char d[CARD_MAX_DIGITS + 1];
	int n = card_digits(buf, len, d, sizeof(d));

	if (n < 0 || outsz < 5)
		return -1;
	memcpy(out, d + n - 4, 4);
	out[4] = '\0';
	return 0;
}

/* Every INST-CC check on a number. */
int
card_check(const char *buf, size_t len, struct card_info *out, char *err,
    size_t errsz)
{
	char d[CARD_MAX_DIGITS + 1];
	int n = card_digits(buf, len, d, sizeof(d));
	enum card_brand b;
	const char *msg = NULL;

	if (n < 0)
		msg = "INST-CC: a card number is 12 to 19 digits "
		    "(spaces allowed)";
	else if (!luhn(d, n))
		msg = "INST-CC: the card number is mistyped "
		    "(it fails the Luhn check)";
	else if ((b = brand_of_digits(d)) == CARD_UNKNOWN)
		msg = "INST-CC: only Visa, Mastercard and UnionPay cards "
		    "are accepted";
	else if (!card_brand_length_ok(b, n))
		msg = "INST-CC: the number has the wrong length for its "
		    "card brand";
	if (msg != NULL) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "%s", msg);
		explicit_bzero(d, sizeof(d));
		return -1;
	}
	out->brand = b;
	out->ndigits = n;
	memcpy(out->last4, d + n - 4, 5);
	/* Do not leave the number on the stack. */
	explicit_bzero(d, sizeof(d));
	return 0;
}

/* See card.h. */
int
card_expiry_ok(const char *expiry, int64_t now)
{
	mp_date	today;
	int	mm, yy, y, m, d, n = 0;

	if (expiry == NULL || sscanf(expiry, "%2d/%4d%n", &mm, &yy, &n) != 2 ||
	    expiry[n] != '\0' || mm < 1 || mm > 12)
		return 0;
	if (yy < 100)
		yy += 2000;
	if (mp_date_from_unix(now, &today) == -1 ||
	    mp_date_to_ymd(today, &y, &m, &d) == -1)
		return 0;
	return yy > y || (yy == y && mm >= m);
}
