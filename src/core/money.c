/*
 * Money as integer minor units with an ISO 4217 currency (RULES C-01).
 * No floating point: parsing, printing and arithmetic are exact, and
 * overflow is reported instead of wrapping.
 */

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/money.h"

/* ISO 4217 codes and their minor-unit exponents: the currencies a
 * cross-border mall is likely to settle in. Sorted by code. */
static const struct {
	const char	*code;
	int		 exp;
} currencies[] = {
	{ "AED", 2 }, { "ARS", 2 }, { "AUD", 2 }, { "BDT", 2 }, { "BHD", 3 },
	{ "BIF", 0 }, { "BND", 2 }, { "BRL", 2 }, { "CAD", 2 }, { "CHF", 2 },
	{ "CLP", 0 }, { "CNY", 2 }, { "COP", 2 }, { "CZK", 2 }, { "DJF", 0 },
	{ "DKK", 2 }, { "EGP", 2 }, { "EUR", 2 }, { "GBP", 2 }, { "GNF", 0 },
	{ "HKD", 2 }, { "HUF", 2 }, { "IDR", 2 }, { "ILS", 2 }, { "INR", 2 },
	{ "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 }, { "KES", 2 },
	{ "KHR", 2 }, { "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "KZT", 2 },
	{ "LAK", 2 }, { "LKR", 2 }, { "LYD", 3 }, { "MAD", 2 }, { "MMK", 2 },
	{ "MOP", 2 }, { "MXN", 2 }, { "MYR", 2 }, { "NGN", 2 }, { "NOK", 2 },
	{ "NPR", 2 }, { "NZD", 2 }, { "OMR", 3 }, { "PEN", 2 }, { "PHP", 2 },
	{ "PKR", 2 }, { "PLN", 2 }, { "PYG", 0 }, { "QAR", 2 }, { "RON", 2 },
	{ "RUB", 2 }, { "RWF", 0 }, { "SAR", 2 }, { "SEK", 2 }, { "SGD", 2 },
	{ "THB", 2 }, { "TND", 3 }, { "TRY", 2 }, { "TWD", 2 }, { "UAH", 2 },
	{ "UGX", 0 }, { "USD", 2 }, { "UYU", 2 }, { "VND", 0 }, { "VUV", 0 },
	{ "XAF", 0 }, { "XOF", 0 }, { "XPF", 0 }, { "ZAR", 2 },
};

/* Powers of ten that fit in int64_t: pow10s[k] = 10^k, k = 0..18. */
static const int64_t pow10s[19] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL,
};

/* Look up a currency (case-insensitive) by binary search (currencies[]
 * is in code order; test_money checks that). Returns its table index or
 * -1. Hot: every amount set or shown comes here. */
static int
cur_index(const char *cur)
{
	size_t i, lo = 0, hi = sizeof(currencies) / sizeof(currencies[0]);
	char up[4];
	int c;

	if (cur == NULL)
		return -1;
	for (i = 0; i < 3; i++) {
		if (!isalpha((unsigned char)cur[i]))
			return -1;
		up[i] = (char)toupper((unsigned char)cur[i]);
	}
	if (cur[3] != '\0')
		return -1;
	up[3] = '\0';
	while (lo < hi) {
		i = lo + (hi - lo) / 2;
		if ((c = memcmp(currencies[i].code, up, 3)) == 0)
			return (int)i;
		if (c < 0)
			lo = i + 1;
		else
			hi = i;
	}
	return -1;
}

/* Exponent of cur, -1 when unknown. */
int
money_exponent(const char *cur)
{
	int i = cur_index(cur);

	return i < 0 ? -1 : currencies[i].exp;
}

/* Set out to minor units of the upper-cased cur; -1 on unknown cur. */
int
money_set(struct money *out, int64_t minor, const char *cur)
{
	int i = cur_index(cur);

	if (i < 0)
		return -1;
	out->minor = minor;
	memcpy(out->cur, currencies[i].code, 4);
	return 0;
}

/* Why a decimal amount was refused. */
enum perr {
	PERR_OK = 0,
	PERR_EXPONENT,		/* exponent outside 0..18 */
	PERR_EMPTY,
	PERR_NEGATIVE,
	PERR_SHAPE,		/* separators, spaces, stray characters */
	PERR_DECIMALS,		/* more decimals than the exponent */
	PERR_OVERFLOW,
};

/* The amount grammar: optional '-' (with MONEY_ALLOW_NEGATIVE), digits,
 * optionally '.' and digits, at most exponent decimals. *out gets the value
 * in units of 10^-exponent. Returns PERR_OK or the first fault found, the
 * shape being checked before the size so that "1,234.50" is reported as a
 * separator problem. */
static enum perr
parse_decimal(const char *s, size_t len, int exponent, int flags,
    int64_t *out)
{
	size_t i = 0, j, ndec = 0, nint = 0;
	int neg = 0, seen_dot = 0;
	int64_t v = 0;

	if (exponent < 0 || exponent > 18)
		return PERR_EXPONENT;
	if (s == NULL || len == 0)
		return PERR_EMPTY;
	if (s[0] == '-') {
		if (!(flags & MONEY_ALLOW_NEGATIVE))
			return PERR_NEGATIVE;
		neg = 1;
		i = 1;
	}
	for (j = i; j < len; j++) {
		if (s[j] >= '0' && s[j] <= '9') {
			if (seen_dot)
				ndec++;
			else
				nint++;
		} else if (s[j] == '.' && !seen_dot)
			seen_dot = 1;
		else
			return PERR_SHAPE;
	}
	if (nint == 0 || (seen_dot && ndec == 0))
		return PERR_SHAPE;
	if (ndec > (size_t)exponent)
		return PERR_DECIMALS;
	for (; i < len; i++) {
		if (s[i] == '.')
			continue;
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, s[i] - '0', &v))
			return PERR_OVERFLOW;
	}
	/* Scale the missing decimals: "1234.5" in cents is 123450. */
	if (__builtin_mul_overflow(v, pow10s[exponent - (int)ndec], &v))
		return PERR_OVERFLOW;
	*out = neg ? -v : v;
	return PERR_OK;
}

/* Put the message for e into err; code names the currency if not NULL. */
static void
perr_message(enum perr e, const char *code, int exponent, char *err,
    size_t errsz)
{
	switch (e) {
	case PERR_OK:
		break;
	case PERR_EXPONENT:
		seterr(err, errsz, "unsupported number of decimals");
		break;
	case PERR_EMPTY:
		seterr(err, errsz, "the amount is empty");
		break;
	case PERR_NEGATIVE:
		seterr(err, errsz, "the amount must not be negative");
		break;
	case PERR_SHAPE:
		seterr(err, errsz, "use digits and one decimal point, "
		    "no thousands separators (e.g. 1234.50)");
		break;
	case PERR_DECIMALS:
		if (exponent == 0)
			seterr(err, errsz, "%s takes no decimals",
			    code ? code : "the amount");
		else
			seterr(err, errsz, "%s takes at most %d decimal%s",
			    code ? code : "the amount", exponent,
			    exponent == 1 ? "" : "s");
		break;
	case PERR_OVERFLOW:
		seterr(err, errsz, "the amount is too large");
		break;
	}
}

/* Parse a decimal in units of 10^-exponent; see money.h. */
int
money_parse_minor(const char *s, size_t len, int exponent, int flags,
    int64_t *out, char *err, size_t errsz)
{
	enum perr e = parse_decimal(s, len, exponent, flags, out);

	perr_message(e, NULL, exponent, err, errsz);
	return e == PERR_OK ? 0 : -1;
}

/* Parse an amount of currency cur with flags; see money.h. */
int
money_parse_flags(const char *s, size_t len, const char *cur, int flags,
    struct money *out, char *err, size_t errsz)
{
	int ci = cur_index(cur);
	int64_t v;
	enum perr e;

	if (ci < 0) {
		seterr(err, errsz, "unknown currency code");
		return -1;
	}
	e = parse_decimal(s, len, currencies[ci].exp, flags, &v);
	if (e != PERR_OK) {
		perr_message(e, currencies[ci].code, currencies[ci].exp,
		    err, errsz);
		return -1;
	}
	out->minor = v;
	memcpy(out->cur, currencies[ci].code, 4);
	return 0;
}

/* Parse a non-negative amount of currency cur; see money.h. */
int
money_parse(const char *s, size_t len, const char *cur, struct money *out,
    char *err, size_t errsz)
{
	return money_parse_flags(s, len, cur, 0, out, err, errsz);
}

/* Write the amount into out: sign, integer part (with thousands
 * separators and the currency code in front when grouped), '.', and
 * exactly exponent decimals. */
static char *
format_amount(const struct money *m, int grouped, char *out, size_t outsz)
{
	char ibuf[32], gbuf[48], fbuf[24];
	uint64_t u, ip, fp;
	int e = money_exponent(m->cur), k;
	size_t n, i, j;
	const char *sign;

	if (out == NULL || outsz == 0)
		return out;
	if (e < 0)
		e = 0;
	/* Negate in unsigned arithmetic so INT64_MIN prints correctly. */
	u = m->minor < 0 ? (uint64_t)0 - (uint64_t)m->minor :
	    (uint64_t)m->minor;
	sign = m->minor < 0 ? "-" : "";
	ip = u / (uint64_t)pow10s[e];
	fp = u % (uint64_t)pow10s[e];
	/* Fraction digits written right to left, zero-padded to e. */
	fbuf[0] = '.';
	for (k = e; k >= 1; k--) {
		fbuf[k] = (char)('0' + fp % 10);
		fp /= 10;
	}
	fbuf[e > 0 ? e + 1 : 0] = '\0';
	snprintf(ibuf, sizeof(ibuf), "%" PRIu64, ip);
	n = strlen(ibuf);
	for (i = 0, j = 0; i < n; i++) {
		if (grouped && i > 0 && (n - i) % 3 == 0)
			gbuf[j++] = ',';
		gbuf[j++] = ibuf[i];
	}
	gbuf[j] = '\0';
	if (grouped)
		snprintf(out, outsz, "%s %s%s%s", m->cur, sign, gbuf, fbuf);
	else
		snprintf(out, outsz, "%s%s%s", sign, gbuf, fbuf);
	return out;
}

/* Plain decimal of m ("1234.50"); see money.h. */
char *
money_str(const struct money *m, char *out, size_t outsz)
{
	return format_amount(m, 0, out, outsz);
}

/* Display text of m ("USD 1,234.50"); see money.h. */
char *
money_display(const struct money *m, char *out, size_t outsz)
{
	return format_amount(m, 1, out, outsz);
}

/* See money.h. */
char *
money_display_minor(int64_t minor, const char *cur, char *out, size_t outsz)
{
	struct money m;

	if (money_set(&m, minor, cur) == -1) {
		snprintf(out, outsz, "%s %lld", cur, (long long)minor);
		return out;
	}
	return money_display(&m, out, outsz);
}

/* Append the display text of m to b. */
void
money_format(const struct money *m, struct buf *b)
{
	char s[MONEY_STR_MAX];

	buf_puts(b, money_display(m, s, sizeof(s)));
}

/* 1 when both amounts carry the same currency code. */
int
money_same_cur(const struct money *a, const struct money *b)
{
	return strncmp(a->cur, b->cur, 4) == 0;
}

/* Three-way comparison of two amounts of one currency. */
int
money_cmp(const struct money *a, const struct money *b, int *cmp)
{
	if (!money_same_cur(a, b))
		return -1;
	*cmp = a->minor < b->minor ? -1 : a->minor > b->minor;
	return 0;
}

/* out = a + b; -1 on mismatch or overflow (out untouched). */
int
money_add(const struct money *a, const struct money *b, struct money *out)
{
	int64_t v;

	if (!money_same_cur(a, b) ||
	    __builtin_add_overflow(a->minor, b->minor, &v))
		return -1;
	memmove(out->cur, a->cur, 4);
	out->minor = v;
	return 0;
}

/* out = a - b; -1 on mismatch or overflow (out untouched). */
int
money_sub(const struct money *a, const struct money *b, struct money *out)
{
	int64_t v;

	if (!money_same_cur(a, b) ||
	    __builtin_sub_overflow(a->minor, b->minor, &v))
		return -1;
	memmove(out->cur, a->cur, 4);
	out->minor = v;
	return 0;
}

/* out = a * k; -1 on overflow (out untouched). */
int
money_mul_int(const struct money *a, int64_t k, struct money *out)
{
	int64_t v;

	if (__builtin_mul_overflow(a->minor, k, &v))
		return -1;
	memmove(out->cur, a->cur, 4);
	out->minor = v;
	return 0;
}

/* Shared rate grammar: digits, optional '.' and digits; see money.h. */
static int
rate_parse(const char *s, size_t len, int maxdec, struct money_rate *out,
    char *err, size_t errsz)
{
	size_t i, ndig = 0, ndec = 0, nint = 0;
	int seen_dot = 0;
	int64_t v = 0;

	if (s == NULL || len == 0) {
		seterr(err, errsz, "the rate is empty");
		return -1;
	}
	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (seen_dot)
				ndec++;
			else
				nint++;
			/* Leading zeros do not count against precision. */
			if (ndig > 0 || s[i] != '0')
				ndig++;
		} else if (s[i] == '.' && !seen_dot)
			seen_dot = 1;
		else {
			seterr(err, errsz, "a rate is a plain decimal such as "
			    "1.08 (digits and one decimal point, no sign)");
			return -1;
		}
	}
	if (nint == 0 || (seen_dot && ndec == 0)) {
		seterr(err, errsz, "a rate is a plain decimal such as 1.08 "
		    "(digits and one decimal point, no sign)");
		return -1;
	}
	if (ndec > (size_t)maxdec) {
		seterr(err, errsz, "a rate may have at most %d decimals",
		    maxdec);
		return -1;
	}
	if (ndig > 18) {
		seterr(err, errsz, "the rate has too many digits");
		return -1;
	}
	for (i = 0; i < len; i++)
		if (s[i] != '.')
			v = v * 10 + (s[i] - '0');	/* < 10^18: no overflow */
	out->num = v;
	out->den = pow10s[ndec];
	return 0;
}

/* Parse a decimal rate; see money.h. */
int
money_rate_parse(const char *s, size_t len, struct money_rate *out,
    char *err, size_t errsz)
{
	return rate_parse(s, len, MONEY_RATE_MAX_DECIMALS, out, err, errsz);
}

/* Parse a percentage into a rate; see money.h. */
int
money_rate_parse_percent(const char *s, size_t len, struct money_rate *out,
    char *err, size_t errsz)
{
	if (rate_parse(s, len, MONEY_RATE_MAX_DECIMALS, out, err, errsz) == -1)
		return -1;
	/* den <= 10^12, so 100 * den cannot overflow. */
	out->den *= 100;
	return 0;
}

/* Rate from integer millionths; see money.h. */
int
money_rate_from_micro(int64_t units, struct money_rate *out)
{
	if (units < 0)
		return -1;
	out->num = units;
	out->den = 1000000;
	return 0;
}

/* Print num/den (den a power of ten) with at least mindec decimals and
 * no trailing zeros beyond them; a den that is not a power of ten prints
 * as "num/den". */
static char *
rate_print(int64_t num, int64_t den, int mindec, char *out, size_t outsz)
{
	int k = -1, i, n;
	char frac[24];

	for (i = 0; i < 19; i++)
		if (pow10s[i] == den)
			k = i;
	if (k < 0 || num < 0) {
		snprintf(out, outsz, "%" PRId64 "/%" PRId64, num, den);
		return out;
	}
	if (k == 0) {
		if (mindec > 0)
			snprintf(out, outsz, "%" PRId64 ".%0*d", num, mindec, 0);
		else
			snprintf(out, outsz, "%" PRId64, num);
		return out;
	}
	{
		int64_t f = num % den;

		/* k <= 18 digits, right to left, zero-padded. */
		for (i = k - 1; i >= 0; i--) {
			frac[i] = (char)('0' + f % 10);
			f /= 10;
		}
		frac[k] = '\0';
	}
	n = k;
	while (n > mindec && frac[n - 1] == '0')
		n--;
	if (n < mindec) {
		/* Pad with zeros up to the minimum number of decimals. */
		for (; n < mindec && n < (int)sizeof(frac) - 1; n++)
			frac[n] = '0';
	}
	frac[n] = '\0';
	if (n == 0)
		snprintf(out, outsz, "%" PRId64, num / den);
	else
		snprintf(out, outsz, "%" PRId64 ".%s", num / den, frac);
	return out;
}

/* Plain decimal text of a rate; see money.h. */
char *
money_rate_str(const struct money_rate *r, char *out, size_t outsz)
{
	if (out == NULL || outsz == 0)
		return out;
	return rate_print(r->num, r->den, 0, out, outsz);
}

/* Percentage text of a rate; see money.h. */
char *
money_rate_percent_str(const struct money_rate *r, char *out, size_t outsz)
{
	if (out == NULL || outsz == 0)
		return out;
	/* x100: divide den by 100 when it allows, else multiply num. */
	if (r->den >= 100 && r->den % 100 == 0)
		return rate_print(r->num, r->den / 100, 2, out, outsz);
	if (r->den == 10 && r->num <= INT64_MAX / 10)
		return rate_print(r->num * 10, 1, 2, out, outsz);
	if (r->den == 1 && r->num <= INT64_MAX / 100)
		return rate_print(r->num * 100, 1, 2, out, outsz);
	snprintf(out, outsz, "%" PRId64 "/%" PRId64 " x 100", r->num, r->den);
	return out;
}

/* Rounded division, half away from zero; see money.h. */
int
money_div_round(__int128 num, __int128 den, int64_t *out)
{
	__int128 q, r, ar;

	if (den <= 0)
		return -1;
	q = num / den;
	r = num % den;
	ar = r < 0 ? -r : r;
	/* ar >= den - ar is 2*ar >= den without the overflow. */
	if (ar != 0 && ar >= den - ar)
		q += num < 0 ? -1 : 1;
	if (q > INT64_MAX || q < INT64_MIN)
		return -1;
	*out = (int64_t)q;
	return 0;
}

/* out = m * r rounded half away from zero; see money.h. */
int
money_mul_rate(const struct money *m, const struct money_rate *r,
    struct money *out)
{
	/* |minor * num| < 2^126: the product always fits in __int128. */
	__int128 p = (__int128)m->minor * r->num;
	int64_t v;

	if (r->den <= 0 || r->num < 0)
		return -1;
	if (money_div_round(p, r->den, &v) == -1)
		return -1;
	memmove(out->cur, m->cur, 4);
	out->minor = v;
	return 0;
}
