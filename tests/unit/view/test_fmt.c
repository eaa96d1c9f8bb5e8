/*
 * Money and times in each language's own forms (ICU), exact amounts, and
 * isolation in right-to-left languages.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "view/fmt.h"

#define LRI	"\xe2\x81\xa6"
#define FSI	"\xe2\x81\xa8"
#define PDI	"\xe2\x81\xa9"

static const char *
money(int64_t minor, const char *cur, char *out)
{
	struct money m;

	assert_int_equal(money_set(&m, minor, cur), 0);
	return fmt_money(&m, out, MONEY_FMT_MAX);
}

static void
test_fmt_money_each_language(void **state)
{
	char b[MONEY_FMT_MAX];

	(void)state;
	i18n_use(LANG_EN);
	assert_string_equal(money(123456789, "USD", b), "USD 1,234,567.89");
	i18n_use(LANG_ZH);
	assert_string_equal(money(123450, "USD", b), "US$1,234.50");
	assert_string_equal(money(123450, "CNY", b), "¥1,234.50");
	/* An exact amount beyond a double's precision stays exact. */
	assert_string_equal(money(900719925474099301LL, "USD", b),
	    "US$9,007,199,254,740,993.01");
	i18n_use(LANG_MS);
	money(123450, "MYR", b);
	assert_memory_equal(b, "RM", 2);
	assert_string_equal(b + strlen(b) - 8, "1,234.50");
	/* Arabic: Latin digits, the whole amount isolated in its own
	 * direction. */
	i18n_use(LANG_AR);
	money(123450, "USD", b);
	assert_memory_equal(b, FSI, 3);
	assert_non_null(strstr(b, "1,234.50"));
	assert_string_equal(b + strlen(b) - 3, PDI);
	/* JPY has no minor unit. */
	i18n_use(LANG_ZH);
	assert_string_equal(money(1500, "JPY", b), "JP¥1,500");
	i18n_use(LANG_EN);
}

static void
test_fmt_time_each_language(void **state)
{
	char b[64], small[27];
	const int64_t t = 1796396400;	/* 2026-12-04 15:00 UTC */

	(void)state;
	i18n_use(LANG_ZH);
	assert_string_equal(fmt_time(t, b, sizeof(b)), "2026/12/4 15:00 UTC");
	i18n_use(LANG_MS);
	assert_string_equal(fmt_time(t, b, sizeof(b)), "4/12/2026, 15:00 UTC");
	/* Arabic: day first, with right-to-left marks, isolated (33
	 * bytes). */
	i18n_use(LANG_AR);
	assert_string_equal(fmt_time(t, b, sizeof(b)),
	    FSI "4\u200f/12\u200f/2026\u060c 15:00 UTC" PDI);
	/* Too long for the buffer: the mall's own form (isolated), never
	 * cut. */
	assert_string_equal(fmt_time(t, small, sizeof(small)),
	    LRI "2026-12-04 15:00 UTC" PDI);
	i18n_use(LANG_EN);
}

/* A sentence's figures in the mall's own forms (amount, date,
 * percentage) put in each language's form, the words and codes around
 * them kept; English as it is. */
static void
test_fmt_figures_each_language(void **state)
{
	const char *in = "COD-01: USD 2,916.00 above USD 2,000.00 on "
	    "2026-12-04, 0.05% a day (RF18 5390)";
	char b[512];
	mp_date d;

	(void)state;
	assert_int_equal(mp_date_from_ymd(2026, 12, 4, &d), 0);
	i18n_use(LANG_EN);
	assert_string_equal(fmt_figures(in, b, sizeof(b)), in);
	assert_string_equal(fmt_date(d, b, sizeof(b)), "2026-12-04");
	i18n_use(LANG_ZH);
	assert_string_equal(fmt_date(d, b, sizeof(b)), "2026/12/4");
	assert_string_equal(fmt_figures(in, b, sizeof(b)), "COD-01: "
	    "US$2,916.00 above US$2,000.00 on 2026/12/4, 0.05% a day "
	    "(RF18 5390)");
	/* Arabic: every figure isolated, the code left alone. */
	i18n_use(LANG_AR);
	fmt_figures(in, b, sizeof(b));
	assert_non_null(strstr(b, FSI "\u200f" "2,916.00\u00a0US$" PDI));
	assert_non_null(strstr(b, FSI "4\u200f/12\u200f/2026" PDI));
	assert_non_null(strstr(b, "(RF18 5390)"));
	assert_null(strstr(b, "2026-12-04"));
	/* Not a figure: a code's digits, an amount in an unknown form. */
	i18n_use(LANG_ZH);
	assert_string_equal(fmt_figures("INST-05 USD 0.1388 per CNY", b,
	    sizeof(b)), "INST-05 USD 0.1388 per CNY");
	i18n_use(LANG_EN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fmt_money_each_language),
		cmocka_unit_test(test_fmt_time_each_language),
		cmocka_unit_test(test_fmt_figures_each_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
