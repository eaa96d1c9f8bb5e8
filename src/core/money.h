#ifndef MALLPAY_CORE_MONEY_H
#define MALLPAY_CORE_MONEY_H

/*
 * Money (RULES C-01): an integer count of minor units with an ISO 4217
 * currency code. No floating point anywhere. Rates are exact decimals kept
 * as a fraction num/den (den a power of ten).
 *
 * Every function that can fail returns 0 on success and -1 on failure
 * (overflow, currency mismatch, unknown currency, malformed text); on
 * failure the output is left unspecified unless stated otherwise.
 */

#include <stddef.h>
#include <stdint.h>

struct buf;

/* An amount: minor units (cents for USD, yen for JPY, fils/1000 for KWD). */
struct money {
	int64_t	 minor;
	char	 cur[4];	/* upper-case ISO 4217 code, NUL-terminated */
};

/* An exact non-negative decimal rate: value = num / den, den = 10^k. */
struct money_rate {
	int64_t	 num;
	int64_t	 den;
};

/* Flags for money_parse_flags() and money_parse_minor(). */
#define MONEY_ALLOW_NEGATIVE	0x01

/* Big enough for any money_str() / money_display() result. */
#define MONEY_STR_MAX		48

/* Most decimals a rate string may carry (money_rate_parse). */
#define MONEY_RATE_MAX_DECIMALS	12

/* Number of decimals of currency cur ("USD" -> 2, "JPY" -> 0,
 * "KWD" -> 3); case-insensitive; -1 if cur is NULL or not in the table. */
int	money_exponent(const char *cur);

/* Set *out to minor units of cur (normalised to upper case).
 * Returns -1 (out untouched) if the currency is unknown. */
int	money_set(struct money *out, int64_t minor, const char *cur);

/* Parse a decimal amount such as "1234.50" in currency cur into *out.
 * Accepted: digits, at most one '.', at most money_exponent(cur) decimals
 * ("1234.5" is 1234.50; "1234." and ".5" are refused). Refused with a
 * message in err (if err != NULL and errsz > 0): thousands separators,
 * spaces, signs (a negative amount unless MONEY_ALLOW_NEGATIVE is in flags,
 * then a leading '-' is allowed), too many decimals, overflow, unknown
 * currency, empty text. s need not be NUL-terminated. */
int	money_parse(const char *s, size_t len, const char *cur,
	    struct money *out, char *err, size_t errsz);
int	money_parse_flags(const char *s, size_t len, const char *cur,
	    int flags, struct money *out, char *err, size_t errsz);

/* The same grammar as money_parse() for a plain decimal: *out gets the
 * value in units of 10^-exponent (exponent 0..18). "12.3", exponent 2 ->
 * 1230. Returns -1 with a message in err on any refusal. */
int	money_parse_minor(const char *s, size_t len, int exponent, int flags,
	    int64_t *out, char *err, size_t errsz);

/* Write the plain decimal of m into out ("1234.50", "-0.05", "1500" for
 * JPY), NUL-terminated; returns out. out should hold MONEY_STR_MAX bytes;
 * a shorter buffer gets a truncated string. An unknown currency prints
 * the minor units as they are. */
char	*money_str(const struct money *m, char *out, size_t outsz);

/* Write "USD 1,234.50" (code, space, thousands separators) into out; as
 * money_str() otherwise. */
char	*money_display(const struct money *m, char *out, size_t outsz);

/* money_display() of minor units of currency cur; "<cur> <minor>" when
 * cur is not a known currency. Returns out. */
char	*money_display_minor(int64_t minor, const char *cur, char *out,
	    size_t outsz);

/* Append money_display()'s text to b. */
void	 money_format(const struct money *m, struct buf *b);

/* 1 if a and b carry the same currency code, else 0. */
int	money_same_cur(const struct money *a, const struct money *b);

/* Compare two amounts of the same currency: *cmp = -1, 0 or 1.
 * Returns -1 on a currency mismatch. */
int	money_cmp(const struct money *a, const struct money *b, int *cmp);

/* out = a + b, a - b, a * k. Returns -1 on overflow or when a and b carry
 * different currencies; never wraps. out may alias a or b. */
int	money_add(const struct money *a, const struct money *b,
	    struct money *out);
int	money_sub(const struct money *a, const struct money *b,
	    struct money *out);
int	money_mul_int(const struct money *a, int64_t k, struct money *out);

/* Parse a non-negative decimal rate ("1.08", "0.80", "12") exactly into
 * *out (num/den). At most MONEY_RATE_MAX_DECIMALS decimals and 18 digits
 * in all; no sign, no separators. Returns -1 with a message in err. */
int	money_rate_parse(const char *s, size_t len, struct money_rate *out,
	    char *err, size_t errsz);

/* As money_rate_parse(), but the text is a percentage: "0.80" -> 0.008.
 * Returns -1 with a message in err. */
int	money_rate_parse_percent(const char *s, size_t len,
	    struct money_rate *out, char *err, size_t errsz);

/* A rate given as integer basis points of a basis point (1 = 0.0001%,
 * i.e. 10^-6): money_rate_from_micro(8000) is 0.8%. Returns -1 if
 * units < 0. */
int	money_rate_from_micro(int64_t units, struct money_rate *out);

/* Write the rate as a plain decimal ("0.008") into out; returns out. */
char	*money_rate_str(const struct money_rate *r, char *out, size_t outsz);

/* Write the rate as a percentage without trailing zeros beyond two
 * decimals ("0.80" for 0.008, "1.00" for 0.01, "0.125" for 0.00125). */
char	*money_rate_percent_str(const struct money_rate *r, char *out,
	    size_t outsz);

/* out = m * r, rounded half away from zero to the minor unit, same
 * currency. Returns -1 on overflow or a malformed rate (den <= 0). */
int	money_mul_rate(const struct money *m, const struct money_rate *r,
	    struct money *out);

/* Exact helper: *out = round(num / den) half away from zero, den > 0.
 * Returns -1 if den <= 0 or the result does not fit in int64_t. */
int	money_div_round(__int128 num, __int128 den, int64_t *out);

#endif
