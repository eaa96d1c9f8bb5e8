#ifndef MALLPAY_CORE_FX_H
#define MALLPAY_CORE_FX_H

/*
 * Conversion to USD for USD thresholds (RULES C-02): the amount times the
 * rate recorded on the order ("usd_per_unit": how many US dollars one unit
 * of the currency buys), rounded half away from zero to the cent. The
 * exponents of both currencies are respected (JPY has none, KWD three).
 */

#include <stddef.h>

#include "core/money.h"

/* Most decimals of a usd_per_unit rate string. */
#define FX_RATE_MAX_DECIMALS	8

/* Parse a usd_per_unit string ("1.08", "0.00675", up to 8 decimals, > 0).
 * Returns -1 with a message in err if malformed, zero or too precise. */
int	fx_rate_parse(const char *s, size_t len, struct money_rate *out,
	    char *err, size_t errsz);

/* *out = m converted to USD with rate usd_per_unit (exact fraction).
 * An amount already in USD is copied whatever the rate. Returns -1 on an
 * unknown currency, a bad rate or overflow. */
int	fx_to_usd_rate(const struct money *m, const struct money_rate *rate,
	    struct money *out);

/* As fx_to_usd_rate() with the rate as text (fx_rate_parse()).
 * Returns -1 with a message in err. */
int	fx_to_usd(const struct money *m, const char *usd_per_unit, size_t len,
	    struct money *out, char *err, size_t errsz);

#endif
