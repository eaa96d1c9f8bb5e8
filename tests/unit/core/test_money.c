/*
 * Money (RULES C-01) and conversion to USD (C-02).
 */

#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/fx.h"
#include "core/money.h"

/* Parse s in cur or fail the test. */
static struct money
M(const char *s, const char *cur)
{
	struct money m;
	char err[128];

	if (money_parse_flags(s, strlen(s), cur, MONEY_ALLOW_NEGATIVE, &m,
	    err, sizeof(err)) == -1)
		fail_msg("cannot parse %s %s: %s", cur, s, err);
	return m;
}

static void
test_C_01_exponents(void **state)
{
	(void)state;
	assert_int_equal(money_exponent("USD"), 2);
	assert_int_equal(money_exponent("EUR"), 2);
	assert_int_equal(money_exponent("JPY"), 0);
	assert_int_equal(money_exponent("KRW"), 0);
	assert_int_equal(money_exponent("VND"), 0);
	assert_int_equal(money_exponent("KWD"), 3);
	assert_int_equal(money_exponent("BHD"), 3);
	assert_int_equal(money_exponent("MYR"), 2);
	assert_int_equal(money_exponent("usd"), 2);
	assert_int_equal(money_exponent("XXX"), -1);
	assert_int_equal(money_exponent("US"), -1);
	assert_int_equal(money_exponent("USDX"), -1);
	assert_int_equal(money_exponent(""), -1);
	assert_int_equal(money_exponent(NULL), -1);
}

/* Every currency of the table is found with its exponent (the lookup is a
 * binary search, so a code out of order would be lost), first and last
 * included, and codes between them are not. */
static void
test_C_01_every_currency_found(void **state)
{
	static const struct {
		const char	*code;
		int		 exp;
	} all[] = {
		{ "AED", 2 }, { "ARS", 2 }, { "AUD", 2 }, { "BDT", 2 }, {
		"BHD", 3 }, { "BIF", 0 }, { "BND", 2 }, { "BRL", 2 }, { "CAD",
		2 }, { "CHF", 2 }, { "CLP", 0 }, { "CNY", 2 }, { "COP", 2 }, {
		"CZK", 2 }, { "DJF", 0 }, { "DKK", 2 }, { "EGP", 2 }, { "EUR",
		2 }, { "GBP", 2 }, { "GNF", 0 }, { "HKD", 2 }, { "HUF", 2 }, {
		"IDR", 2 }, { "ILS", 2 }, { "INR", 2 }, { "IQD", 3 }, { "ISK",
		0 }, { "JOD", 3 }, { "JPY", 0 }, { "KES", 2 }, { "KHR", 2 }, {
		"KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "KZT", 2 }, { "LAK",
		2 }, { "LKR", 2 }, { "LYD", 3 }, { "MAD", 2 }, { "MMK", 2 }, {
		"MOP", 2 }, { "MXN", 2 }, { "MYR", 2 }, { "NGN", 2 }, { "NOK",
		2 }, { "NPR", 2 }, { "NZD", 2 }, { "OMR", 3 }, { "PEN", 2 }, {
		"PHP", 2 }, { "PKR", 2 }, { "PLN", 2 }, { "PYG", 0 }, { "QAR",
		2 }, { "RON", 2 }, { "RUB", 2 }, { "RWF", 0 }, { "SAR", 2 }, {
		"SEK", 2 }, { "SGD", 2 }, { "THB", 2 }, { "TND", 3 }, { "TRY",
		2 }, { "TWD", 2 }, { "UAH", 2 }, { "UGX", 0 }, { "USD", 2 }, {
		"UYU", 2 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF",
		0 }, { "XPF", 0 }, { "ZAR", 2 },
	};
	static const char *const unknown[] = {
		"AAA", "ABC", "BZZ", "MXM", "USE", "ZZZ", "ZAQ",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++)
		if (money_exponent(all[i].code) != all[i].exp)
			fail_msg("%s: exponent %d, want %d", all[i].code,
			    money_exponent(all[i].code), all[i].exp);
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		assert_int_equal(money_exponent(unknown[i]), -1);
}

static void
test_C_01_parse_exact(void **state)
{
	struct money m;
	char err[128];

	(void)state;
	assert_int_equal(money_parse("1234.50", 7, "USD", &m, err,
	    sizeof(err)), 0);
	assert_int_equal(m.minor, 123450);
	assert_string_equal(m.cur, "USD");
	assert_int_equal(money_parse("1234.5", 6, "usd", &m, err,
	    sizeof(err)), 0);
	assert_int_equal(m.minor, 123450);
	assert_string_equal(m.cur, "USD");
	assert_int_equal(money_parse("1234", 4, "USD", &m, NULL, 0), 0);
	assert_int_equal(m.minor, 123400);
	assert_int_equal(money_parse("0.01", 4, "USD", &m, NULL, 0), 0);
	assert_int_equal(m.minor, 1);
	assert_int_equal(money_parse("0", 1, "USD", &m, NULL, 0), 0);
	assert_int_equal(m.minor, 0);
	assert_int_equal(money_parse("1500", 4, "JPY", &m, NULL, 0), 0);
	assert_int_equal(m.minor, 1500);
	assert_int_equal(money_parse("12.345", 6, "KWD", &m, NULL, 0), 0);
	assert_int_equal(m.minor, 12345);
	/* Only len bytes count: the rest of the buffer is ignored. */
	assert_int_equal(money_parse("12.34xyz", 4, "USD", &m, NULL, 0), 0);
	assert_int_equal(m.minor, 1230);
}

static void
test_C_01_parse_refuses_separators(void **state)
{
	struct money m;
	char err[128];

	(void)state;
	assert_int_equal(money_parse("1,234.50", 8, "USD", &m, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "no thousands separators"));
	assert_int_equal(money_parse("1 234.50", 8, "USD", &m, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "digits and one decimal point"));
	assert_int_equal(money_parse("1.234.50", 8, "USD", &m, err,
	    sizeof(err)), -1);
	assert_int_equal(money_parse("12a", 3, "USD", &m, NULL, 0), -1);
	assert_int_equal(money_parse("+12", 3, "USD", &m, NULL, 0), -1);
	assert_int_equal(money_parse(".50", 3, "USD", &m, NULL, 0), -1);
	assert_int_equal(money_parse("12.", 3, "USD", &m, NULL, 0), -1);
	assert_int_equal(money_parse(" 12", 3, "USD", &m, NULL, 0), -1);
	assert_int_equal(money_parse("", 0, "USD", &m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "empty"));
	assert_int_equal(money_parse("-", 1, "USD", &m, NULL, 0), -1);
	assert_int_equal(money_parse("1e3", 3, "USD", &m, NULL, 0), -1);
}

static void
test_C_01_parse_too_many_decimals(void **state)
{
	struct money m;
	char err[128];

	(void)state;
	assert_int_equal(money_parse("1.005", 5, "USD", &m, err,
	    sizeof(err)), -1);
	assert_string_equal(err, "USD takes at most 2 decimals");
	assert_int_equal(money_parse("100.5", 5, "JPY", &m, err,
	    sizeof(err)), -1);
	assert_string_equal(err, "JPY takes no decimals");
	assert_int_equal(money_parse("1.0000", 6, "KWD", &m, NULL, 0), -1);
	/* Trailing zeros still count: the text is what was typed. */
	assert_int_equal(money_parse("1.000", 5, "USD", &m, NULL, 0), -1);
}

static void
test_C_01_parse_negative(void **state)
{
	struct money m;
	char err[128];

	(void)state;
	assert_int_equal(money_parse("-1.00", 5, "USD", &m, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "negative"));
	assert_int_equal(money_parse_flags("-1.05", 5, "USD",
	    MONEY_ALLOW_NEGATIVE, &m, err, sizeof(err)), 0);
	assert_int_equal(m.minor, -105);
	assert_int_equal(money_parse_flags("--1", 3, "USD",
	    MONEY_ALLOW_NEGATIVE, &m, NULL, 0), -1);
}

static void
test_C_01_parse_overflow(void **state)
{
	struct money m;
	char err[128];
	int64_t v;

	(void)state;
	/* INT64_MAX cents is 92233720368547758.07 dollars. */
	assert_int_equal(money_parse("92233720368547758.07", 20, "USD", &m,
	    err, sizeof(err)), 0);
	assert_int_equal(m.minor, INT64_MAX);
	assert_int_equal(money_parse("92233720368547758.08", 20, "USD", &m,
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "too large"));
	/* Overflow in the scaling of missing decimals. */
	assert_int_equal(money_parse("92233720368547759", 17, "USD", &m,
	    NULL, 0), -1);
	assert_int_equal(money_parse("99999999999999999999999999", 26,
	    "JPY", &m, NULL, 0), -1);
	assert_int_equal(money_parse_flags("-92233720368547758.07", 21, "USD",
	    MONEY_ALLOW_NEGATIVE, &m, NULL, 0), 0);
	assert_int_equal(m.minor, -INT64_MAX);
	assert_int_equal(money_parse("1", 1, "ZZZ", &m, err, sizeof(err)),
	    -1);
	assert_non_null(strstr(err, "currency"));
	/* The plain decimal helper. */
	assert_int_equal(money_parse_minor("12.3", 4, 2, 0, &v, NULL, 0), 0);
	assert_int_equal(v, 1230);
	assert_int_equal(money_parse_minor("12.3456", 7, 4, 0, &v, NULL, 0),
	    0);
	assert_int_equal(v, 123456);
	assert_int_equal(money_parse_minor("1", 1, 18, 0, &v, NULL, 0), 0);
	assert_int_equal(v, 1000000000000000000LL);
	assert_int_equal(money_parse_minor("10", 2, 18, 0, &v, NULL, 0), -1);
	assert_int_equal(money_parse_minor("1", 1, 19, 0, &v, NULL, 0), -1);
	assert_int_equal(money_parse_minor("1.23", 4, 1, 0, &v, err,
	    sizeof(err)), -1);
	assert_string_equal(err, "the amount takes at most 1 decimal");
}

static void
test_C_01_print(void **state)
{
	char s[MONEY_STR_MAX];
	struct money m;
	struct buf b;

	(void)state;
	m = M("1234.50", "USD");
	assert_string_equal(money_str(&m, s, sizeof(s)), "1234.50");
	assert_string_equal(money_display(&m, s, sizeof(s)), "USD 1,234.50");
	m = M("0.05", "USD");
	assert_string_equal(money_str(&m, s, sizeof(s)), "0.05");
	m = M("-0.05", "USD");
	assert_string_equal(money_str(&m, s, sizeof(s)), "-0.05");
	assert_string_equal(money_display(&m, s, sizeof(s)), "USD -0.05");
	m = M("1234567", "JPY");
	assert_string_equal(money_str(&m, s, sizeof(s)), "1234567");
	assert_string_equal(money_display(&m, s, sizeof(s)), "JPY 1,234,567");
	m = M("1.005", "KWD");
	assert_string_equal(money_str(&m, s, sizeof(s)), "1.005");
	m = M("100", "USD");
	assert_string_equal(money_display(&m, s, sizeof(s)), "USD 100.00");
	m = M("999", "USD");
	assert_string_equal(money_display(&m, s, sizeof(s)), "USD 999.00");
	m = M("1000", "USD");
	assert_string_equal(money_display(&m, s, sizeof(s)), "USD 1,000.00");
	m.minor = INT64_MAX;
	assert_string_equal(money_str(&m, s, sizeof(s)),
	    "92233720368547758.07");
	m.minor = INT64_MIN;
	assert_string_equal(money_display(&m, s, sizeof(s)),
	    "USD -92,233,720,368,547,758.08");
	/* A short buffer truncates, never overruns. */
	m = M("1234.50", "USD");
	assert_string_equal(money_str(&m, s, 4), "123");
	/* Round trip. */
	m = M("-987654.32", "EUR");
	{
		struct money back;

		money_str(&m, s, sizeof(s));
		assert_int_equal(money_parse_flags(s, strlen(s), "EUR",
		    MONEY_ALLOW_NEGATIVE, &back, NULL, 0), 0);
		assert_int_equal(back.minor, m.minor);
	}
	buf_init(&b);
	m = M("1234.50", "USD");
	money_format(&m, &b);
	assert_string_equal(buf_str(&b), "USD 1,234.50");
	buf_cleanup(&b);
}

static void
test_C_01_checked_arithmetic(void **state)
{
	struct money a, b, r;
	int cmp;

	(void)state;
	a = M("10.50", "USD");
	b = M("0.75", "USD");
	assert_int_equal(money_add(&a, &b, &r), 0);
	assert_int_equal(r.minor, 1125);
	assert_string_equal(r.cur, "USD");
	assert_int_equal(money_sub(&b, &a, &r), 0);
	assert_int_equal(r.minor, -975);
	assert_int_equal(money_mul_int(&a, 3, &r), 0);
	assert_int_equal(r.minor, 3150);
	assert_int_equal(money_cmp(&a, &b, &cmp), 0);
	assert_int_equal(cmp, 1);
	assert_int_equal(money_cmp(&b, &a, &cmp), 0);
	assert_int_equal(cmp, -1);
	assert_int_equal(money_cmp(&a, &a, &cmp), 0);
	assert_int_equal(cmp, 0);
	/* Currency mismatch. */
	b = M("0.75", "EUR");
	r.minor = 42;
	assert_int_equal(money_add(&a, &b, &r), -1);
	assert_int_equal(money_sub(&a, &b, &r), -1);
	assert_int_equal(money_cmp(&a, &b, &cmp), -1);
	assert_int_equal(r.minor, 42);
	assert_int_equal(money_same_cur(&a, &b), 0);
	/* Overflow never wraps. */
	assert_int_equal(money_set(&a, INT64_MAX, "USD"), 0);
	assert_int_equal(money_set(&b, 1, "usd"), 0);
	assert_string_equal(b.cur, "USD");
	assert_int_equal(money_add(&a, &b, &r), -1);
	assert_int_equal(money_set(&a, INT64_MIN, "USD"), 0);
	assert_int_equal(money_sub(&a, &b, &r), -1);
	assert_int_equal(money_mul_int(&a, -1, &r), -1);
	assert_int_equal(money_set(&a, INT64_MAX / 2 + 1, "USD"), 0);
	assert_int_equal(money_mul_int(&a, 2, &r), -1);
	assert_int_equal(money_set(&a, 1, "QQQ"), -1);
	/* Aliasing the output. */
	a = M("1.00", "USD");
	assert_int_equal(money_add(&a, &a, &a), 0);
	assert_int_equal(a.minor, 200);
}

static void
test_C_01_rates(void **state)
{
	struct money_rate r;
	char s[64], err[128];

	(void)state;
	assert_int_equal(money_rate_parse("1.08", 4, &r, err, sizeof(err)), 0);
	assert_int_equal(r.num, 108);
	assert_int_equal(r.den, 100);
	assert_string_equal(money_rate_str(&r, s, sizeof(s)), "1.08");
	assert_int_equal(money_rate_parse_percent("0.80", 4, &r, NULL, 0), 0);
	assert_int_equal(r.num, 80);
	assert_int_equal(r.den, 10000);
	assert_string_equal(money_rate_str(&r, s, sizeof(s)), "0.008");
	assert_string_equal(money_rate_percent_str(&r, s, sizeof(s)), "0.80");
	assert_int_equal(money_rate_parse_percent("1", 1, &r, NULL, 0), 0);
	assert_string_equal(money_rate_percent_str(&r, s, sizeof(s)), "1.00");
	assert_int_equal(money_rate_parse_percent("0.125", 5, &r, NULL, 0), 0);
	assert_string_equal(money_rate_percent_str(&r, s, sizeof(s)), "0.125");
	assert_int_equal(money_rate_parse("12", 2, &r, NULL, 0), 0);
	assert_string_equal(money_rate_percent_str(&r, s, sizeof(s)),
	    "1200.00");
	/* Basis points of a basis point: 8000 = 0.8%. */
	assert_int_equal(money_rate_from_micro(8000, &r), 0);
	assert_string_equal(money_rate_percent_str(&r, s, sizeof(s)), "0.80");
	assert_int_equal(money_rate_from_micro(-1, &r), -1);
	/* Refused. */
	assert_int_equal(money_rate_parse("-1.08", 5, &r, err, sizeof(err)),
	    -1);
	assert_int_equal(money_rate_parse("1,08", 4, &r, NULL, 0), -1);
	assert_int_equal(money_rate_parse("", 0, &r, NULL, 0), -1);
	assert_int_equal(money_rate_parse(".5", 2, &r, NULL, 0), -1);
	assert_int_equal(money_rate_parse("0.1234567890123", 15, &r, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "12 decimals"));
	assert_int_equal(money_rate_parse("0.123456789012", 14, &r, NULL, 0),
	    0);
	assert_int_equal(money_rate_parse("1234567890123456789", 19, &r,
	    NULL, 0), -1);
	/* Leading zeros do not count as digits. */
	assert_int_equal(money_rate_parse("000000000000000000001.5", 23, &r,
	    NULL, 0), 0);
	assert_int_equal(r.num, 15);
}

static void
test_C_01_mul_rate_rounds_half_away(void **state)
{
	struct money m, r;
	struct money_rate rate;

	(void)state;
	assert_int_equal(money_rate_parse_percent("0.80", 4, &rate, NULL, 0),
	    0);
	m = M("1200.00", "USD");
	assert_int_equal(money_mul_rate(&m, &rate, &r), 0);
	assert_int_equal(r.minor, 960);
	/* 0.5 cent rounds up, 0.49 cent down. */
	assert_int_equal(money_rate_parse("0.5", 3, &rate, NULL, 0), 0);
	m.minor = 1;
	assert_int_equal(money_mul_rate(&m, &rate, &r), 0);
	assert_int_equal(r.minor, 1);
	m.minor = -1;
	assert_int_equal(money_mul_rate(&m, &rate, &r), 0);
	assert_int_equal(r.minor, -1);
	assert_int_equal(money_rate_parse("0.49", 4, &rate, NULL, 0), 0);
	m.minor = 1;
	assert_int_equal(money_mul_rate(&m, &rate, &r), 0);
	assert_int_equal(r.minor, 0);
	/* 62.50 x 1% = 0.625 -> 0.63; 62.49 x 1% = 0.6249 -> 0.62 */
	assert_int_equal(money_rate_parse_percent("1", 1, &rate, NULL, 0), 0);
	m = M("62.50", "USD");
	assert_int_equal(money_mul_rate(&m, &rate, &r), 0);
	assert_int_equal(r.minor, 63);
	m = M("62.49", "USD");
	assert_int_equal(money_mul_rate(&m, &rate, &r), 0);
	assert_int_equal(r.minor, 62);
	/* Overflow is detected, not wrapped. */
	assert_int_equal(money_rate_parse("2", 1, &rate, NULL, 0), 0);
	m.minor = INT64_MAX / 2 + 1;
	assert_int_equal(money_mul_rate(&m, &rate, &r), -1);
	m.minor = INT64_MAX;
	assert_int_equal(money_rate_parse("1", 1, &rate, NULL, 0), 0);
	assert_int_equal(money_mul_rate(&m, &rate, &r), 0);
	assert_int_equal(r.minor, INT64_MAX);
	rate.den = 0;
	assert_int_equal(money_mul_rate(&m, &rate, &r), -1);
}

static void
test_C_01_div_round(void **state)
{
	int64_t v;

	(void)state;
	assert_int_equal(money_div_round(5, 2, &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(money_div_round(-5, 2, &v), 0);
	assert_int_equal(v, -3);
	assert_int_equal(money_div_round(7, 3, &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(money_div_round(8, 3, &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(money_div_round(-8, 3, &v), 0);
	assert_int_equal(v, -3);
	assert_int_equal(money_div_round(0, 3, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(money_div_round(1, 0, &v), -1);
	assert_int_equal(money_div_round(1, -1, &v), -1);
	assert_int_equal(money_div_round((__int128)INT64_MAX * 2, 2, &v), 0);
	assert_int_equal(v, INT64_MAX);
	assert_int_equal(money_div_round((__int128)INT64_MAX * 2 + 2, 2, &v),
	    -1);
}

static void
test_C_02_fx_to_usd(void **state)
{
	struct money m, u;
	char err[128];

	(void)state;
	/* EUR 540.00 at 1.08 = USD 583.20 */
	m = M("540.00", "EUR");
	assert_int_equal(fx_to_usd(&m, "1.08", 4, &u, err, sizeof(err)), 0);
	assert_int_equal(u.minor, 58320);
	assert_string_equal(u.cur, "USD");
	/* EUR 462.97 x 1.08 = 500.0076 -> 500.01; 462.96 -> 499.9968 -> 500.00 */
	m = M("462.97", "EUR");
	assert_int_equal(fx_to_usd(&m, "1.08", 4, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 50001);
	m = M("462.96", "EUR");
	assert_int_equal(fx_to_usd(&m, "1.08", 4, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 50000);
	/* Half a cent rounds away from zero: 0.05 x 0.1 = 0.005 -> 0.01 */
	m = M("0.05", "EUR");
	assert_int_equal(fx_to_usd(&m, "0.1", 3, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 1);
	m = M("-0.05", "EUR");
	assert_int_equal(fx_to_usd(&m, "0.1", 3, &u, NULL, 0), 0);
	assert_int_equal(u.minor, -1);
	m = M("0.04", "EUR");
	assert_int_equal(fx_to_usd(&m, "0.1", 3, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 0);
}

static void
test_C_02_fx_exponents(void **state)
{
	struct money m, u;

	(void)state;
	/* JPY has no decimals: 75000 yen at 0.00675 = USD 506.25 */
	m = M("75000", "JPY");
	assert_int_equal(fx_to_usd(&m, "0.00675", 7, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 50625);
	/* 1 yen at 0.00675 = 0.675 cents -> 1 cent */
	m = M("1", "JPY");
	assert_int_equal(fx_to_usd(&m, "0.00675", 7, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 1);
	/* KWD has three: 153.846 KWD at 3.25 = 499.9995 -> USD 500.00 */
	m = M("153.846", "KWD");
	assert_int_equal(fx_to_usd(&m, "3.25", 4, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 50000);
	m = M("153.844", "KWD");
	assert_int_equal(fx_to_usd(&m, "3.25", 4, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 49999);	/* 499.993 -> 499.99 */
	/* KRW with an 8-decimal rate. */
	m = M("700000", "KRW");
	assert_int_equal(fx_to_usd(&m, "0.00071429", 10, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 50000);	/* 500.003 -> 500.00 */
	/* USD stays USD whatever the rate text. */
	m = M("12.34", "USD");
	assert_int_equal(fx_to_usd(&m, "", 0, &u, NULL, 0), 0);
	assert_int_equal(u.minor, 1234);
}

static void
test_C_02_fx_refusals_and_overflow(void **state)
{
	struct money m, u;
	struct money_rate r;
	char err[128];

	(void)state;
	m = M("100.00", "EUR");
	assert_int_equal(fx_to_usd(&m, "0.000000001", 11, &u, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "8 decimals"));
	assert_int_equal(fx_to_usd(&m, "0", 1, &u, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "greater than zero"));
	assert_int_equal(fx_to_usd(&m, "1,08", 4, &u, NULL, 0), -1);
	assert_int_equal(fx_to_usd(&m, "-1.08", 5, &u, NULL, 0), -1);
	assert_int_equal(fx_rate_parse("0.00000001", 10, &r, NULL, 0), 0);
	/* Overflow of the result. */
	assert_int_equal(money_set(&m, INT64_MAX, "EUR"), 0);
	assert_int_equal(fx_to_usd(&m, "1.08", 4, &u, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "too large"));
	assert_int_equal(fx_to_usd(&m, "1", 1, &u, NULL, 0), 0);
	assert_int_equal(u.minor, INT64_MAX);
	/* JPY scales up by 100: the largest yen amount times 1 overflows. */
	assert_int_equal(money_set(&m, INT64_MAX, "JPY"), 0);
	assert_int_equal(fx_to_usd(&m, "1", 1, &u, NULL, 0), -1);
	assert_int_equal(fx_to_usd(&m, "0.01", 4, &u, NULL, 0), 0);
	assert_int_equal(u.minor, INT64_MAX);
	/* Unknown currency. */
	m.cur[0] = 'Q';
	assert_int_equal(fx_to_usd(&m, "1", 1, &u, err, sizeof(err)), -1);
	r.num = 0;
	r.den = 1;
	assert_int_equal(money_set(&m, 1, "EUR"), 0);
	assert_int_equal(fx_to_usd_rate(&m, &r, &u), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C_01_exponents),
		cmocka_unit_test(test_C_01_every_currency_found),
		cmocka_unit_test(test_C_01_parse_exact),
		cmocka_unit_test(test_C_01_parse_refuses_separators),
		cmocka_unit_test(test_C_01_parse_too_many_decimals),
		cmocka_unit_test(test_C_01_parse_negative),
		cmocka_unit_test(test_C_01_parse_overflow),
		cmocka_unit_test(test_C_01_print),
		cmocka_unit_test(test_C_01_checked_arithmetic),
		cmocka_unit_test(test_C_01_rates),
		cmocka_unit_test(test_C_01_mul_rate_rounds_half_away),
		cmocka_unit_test(test_C_01_div_round),
		cmocka_unit_test(test_C_02_fx_to_usd),
		cmocka_unit_test(test_C_02_fx_exponents),
		cmocka_unit_test(test_C_02_fx_refusals_and_overflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
