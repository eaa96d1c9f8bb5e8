/*
 * libFuzzer harness for the amount and rate parsers (src/core/money.c,
 * src/core/fx.c): any byte string goes through money_parse_flags() in a
 * few currencies and exponents, and through the rate parsers; what parses
 * is printed and parsed again (the round trip must give the same amount)
 * and converted to USD (which may refuse, never wrap).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/fx.h"
#include "core/money.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * One input. Always returns 0 (libFuzzer's contract); crashes, sanitizer
 * reports and a failed round trip (abort) are the findings.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *curs[] = { "USD", "JPY", "KWD", "EUR" };
	const char *s = (const char *)data;
	char err[128], text[MONEY_STR_MAX];
	struct money m, back, usd;
	struct money_rate r;
	int64_t v;
	size_t i;

	for (i = 0; i < sizeof(curs) / sizeof(curs[0]); i++) {
		if (money_parse_flags(s, size, curs[i], MONEY_ALLOW_NEGATIVE,
		    &m, err, sizeof(err)) == -1)
			continue;
		money_str(&m, text, sizeof(text));
		if (money_parse_flags(text, strlen(text), curs[i],
		    MONEY_ALLOW_NEGATIVE, &back, NULL, 0) == -1 ||
		    back.minor != m.minor)
			abort();
		money_display(&m, text, sizeof(text));
		(void)fx_to_usd(&m, "1.08", 4, &usd, NULL, 0);
		(void)fx_to_usd(&m, "0.00675", 7, &usd, NULL, 0);
	}
	(void)money_parse_minor(s, size, (int)(size % 20), 0, &v, err,
	    sizeof(err));
	if (money_rate_parse(s, size, &r, err, sizeof(err)) == 0) {
		money_rate_str(&r, text, sizeof(text));
		money_rate_percent_str(&r, text, sizeof(text));
		(void)money_set(&m, INT64_MAX, "USD");
		(void)money_mul_rate(&m, &r, &back);
	}
	(void)money_rate_parse_percent(s, size, &r, NULL, 0);
	(void)fx_rate_parse(s, size, &r, err, sizeof(err));
	return 0;
}
