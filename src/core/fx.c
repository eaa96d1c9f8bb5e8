/*
 * Conversion to USD with the rate recorded on an order (RULES C-02).
 */

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/fx.h"
#include "core/money.h"

/* Parse a usd_per_unit rate: a positive decimal, at most 8 decimals. */
int
fx_rate_parse(const char *s, size_t len, struct money_rate *out,
    char *err, size_t errsz)
{
	size_t i, ndec = 0;
	const char *dot;

	if (money_rate_parse(s, len, out, err, errsz) == -1)
		return -1;
	dot = memchr(s, '.', len);
	if (dot != NULL)
		for (i = (size_t)(dot - s) + 1; i < len; i++)
			ndec++;
	if (ndec > FX_RATE_MAX_DECIMALS) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "an exchange rate may have at "
			    "most %d decimals", FX_RATE_MAX_DECIMALS);
		return -1;
	}
	if (out->num == 0) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "the exchange rate must be "
			    "greater than zero");
		return -1;
	}
	return 0;
}

/* 10^k as __int128 for k in 0..36. */
static __int128
pow10_128(int k)
{
	__int128 v = 1;

	while (k-- > 0)
		v *= 10;
	return v;
}

/* Convert m to USD with an exact rate, half away from zero (C-02). */
int
fx_to_usd_rate(const struct money *m, const struct money_rate *rate,
    struct money *out)
{
	int ex = money_exponent(m->cur), eu = money_exponent("USD");
	__int128 num, den;
	int64_t v;

	if (ex < 0)
		return -1;
	if (strcasecmp(m->cur, "USD") == 0)
		return money_set(out, m->minor, "USD");
	if (rate->num <= 0 || rate->den <= 0)
		return -1;
	/* usd_minor = minor / 10^ex * num / den * 10^eu: move the
	 * exponent difference to whichever side keeps it an integer. */
	num = (__int128)m->minor * rate->num;	/* < 2^126, fits */
	den = rate->den;
	if (eu > ex) {
		if (__builtin_mul_overflow(num, pow10_128(eu - ex), &num))
			return -1;
	} else if (ex > eu) {
		if (__builtin_mul_overflow(den, pow10_128(ex - eu), &den))
			return -1;
	}
	if (money_div_round(num, den, &v) == -1)
		return -1;
	return money_set(out, v, "USD");
}

/* Convert m to USD with a rate given as text; see fx.h. */
int
fx_to_usd(const struct money *m, const char *usd_per_unit, size_t len,
    struct money *out, char *err, size_t errsz)
{
	struct money_rate r;

	if (money_exponent(m->cur) < 0) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "unknown currency code");
		return -1;
	}
	if (strcasecmp(m->cur, "USD") == 0)
		return money_set(out, m->minor, "USD");
	if (fx_rate_parse(usd_per_unit, len, &r, err, errsz) == -1)
		return -1;
	if (fx_to_usd_rate(m, &r, out) == -1) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "the amount in USD is too large");
		return -1;
	}
	return 0;
}
