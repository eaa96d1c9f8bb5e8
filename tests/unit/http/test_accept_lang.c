/*
 * The Accept-Language parser and the language chosen from it.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/i18n.h"
#include "http/accept_lang.h"

static int
choose(const char *header)
{
	int lang = -1;

	return accept_lang_choose(header, i18n_pick, &lang) == 0 ? lang : -1;
}

static void
test_accept_lang_weights_sort_items(void **state)
{
	struct accept_lang it[ACCEPT_LANG_MAX];

	(void)state;
	assert_int_equal(accept_lang_parse("en;q=0.5, zh-CN , ar;q=0.75,ms;q=0.5",
	    it, ACCEPT_LANG_MAX), 4);
	assert_string_equal(it[0].tag, "zh-CN");
	assert_int_equal(it[0].q, 1000);
	assert_string_equal(it[1].tag, "ar");
	assert_int_equal(it[1].q, 750);
	/* Equal weights keep the order sent. */
	assert_string_equal(it[2].tag, "en");
	assert_string_equal(it[3].tag, "ms");
	assert_int_equal(it[3].q, 500);
}

static void
test_accept_lang_q_syntax(void **state)
{
	struct accept_lang it[ACCEPT_LANG_MAX];

	(void)state;
	/* Three decimals at most, 0 to 1, "Q" too, spaces around ';'. */
	assert_int_equal(accept_lang_parse("a;q=1.000,b ; Q=0.125,c;q=0",
	    it, ACCEPT_LANG_MAX), 3);
	assert_int_equal(it[1].q, 125);
	assert_int_equal(it[2].q, 0);
	/* Malformed items are skipped, the rest kept. */
	assert_int_equal(accept_lang_parse("x;q=1.5,y;q=0.1234,;q=1,-a,a-,"
	    "abcdefghi,ok;q=0.3,z;q=,w;level=1", it, ACCEPT_LANG_MAX), 1);
	assert_string_equal(it[0].tag, "ok");
	assert_int_equal(accept_lang_parse("", it, ACCEPT_LANG_MAX), 0);
	assert_int_equal(accept_lang_parse(NULL, it, ACCEPT_LANG_MAX), 0);
	/* No more items than room. */
	assert_int_equal(accept_lang_parse("a,b,c,d", it, 2), 2);
}

static void
test_accept_lang_choose(void **state)
{
	(void)state;
	/* A browser's usual header. */
	assert_int_equal(choose("zh-CN,zh;q=0.9,en;q=0.8"), LANG_ZH);
	/* Weights decide, not order; unknown languages are passed over. */
	assert_int_equal(choose("fr, en;q=0.2, ar-EG;q=0.7"), LANG_AR);
	assert_int_equal(choose("ms-MY;q=0.4,de"), LANG_MS);
	/* Traditional Chinese is not Simplified. */
	assert_int_equal(choose("zh-TW,zh-Hant;q=0.9"), -1);
	/* q=0 refuses, even a narrower range listed higher. */
	assert_int_equal(choose("ar;q=0,en;q=0.5"), LANG_EN);
	assert_int_equal(choose("zh-CN, zh;q=0, ms;q=0.1"), LANG_MS);
	/* "*" alone names no language. */
	assert_int_equal(choose("*"), -1);
	assert_int_equal(choose(NULL), -1);
}

static void
test_i18n_parse_tag(void **state)
{
	enum lang l;

	(void)state;
	assert_int_equal(i18n_parse_tag("zh_CN", &l), 0);
	assert_int_equal(l, LANG_ZH);
	assert_int_equal(i18n_parse_tag("zh-Hans-SG", &l), 0);
	assert_int_equal(l, LANG_ZH);
	assert_int_equal(i18n_parse_tag("AR", &l), 0);
	assert_int_equal(l, LANG_AR);
	assert_int_equal(i18n_parse_tag("en-GB", &l), 0);
	assert_int_equal(l, LANG_EN);
	assert_int_equal(i18n_parse_tag("msa", &l), -1);
	assert_int_equal(i18n_parse_tag("", &l), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accept_lang_weights_sort_items),
		cmocka_unit_test(test_accept_lang_q_syntax),
		cmocka_unit_test(test_accept_lang_choose),
		cmocka_unit_test(test_i18n_parse_tag),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
