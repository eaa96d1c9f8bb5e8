/*
 * Cookie header parsing and Set-Cookie formatting.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/cookie.h"
#include "http/form.h"

static int
parse(const char *s, struct paramlist *pl)
{
	memset(pl, 0, sizeof(*pl));
	return cookie_parse(s, strlen(s), pl);
}

static void
test_cookie_pairs_and_spaces(void **state)
{
	struct paramlist pl;

	(void)state;
	assert_int_equal(parse("mp_session=abc123; mp_csrf=ff00 ;x=\"q\"", &pl), 3);
	assert_string_equal(paramlist_get(&pl, "mp_session")->val, "abc123");
	assert_string_equal(paramlist_get(&pl, "mp_csrf")->val, "ff00");
	assert_string_equal(paramlist_get(&pl, "x")->val, "q");
	assert_int_equal(paramlist_get(&pl, "x")->len, 1);
	paramlist_clear(&pl);
}

static void
test_cookie_values_not_decoded(void **state)
{
	struct paramlist pl;

	(void)state;
	assert_int_equal(parse("a=%41%42", &pl), 1);
	assert_string_equal(pl.v[0].val, "%41%42");
	paramlist_clear(&pl);
}

static void
test_cookie_malformed_pairs_skipped(void **state)
{
	struct paramlist pl;

	(void)state;
	/* no '=', empty name, space in value, quote in name, control byte,
	 * comma and backslash in values: all skipped, the good ones kept. */
	assert_int_equal(parse("novalue; =x; a=b c; b\"=1; c=\x01; d=1,2; "
	    "e=\\x; good=yes; empty=", &pl), 2);
	assert_string_equal(pl.v[0].key, "good");
	assert_string_equal(pl.v[1].key, "empty");
	assert_string_equal(pl.v[1].val, "");
	paramlist_clear(&pl);
	assert_int_equal(parse("", &pl), 0);
	assert_int_equal(parse(";;;", &pl), 0);
}

static void
test_cookie_limit(void **state)
{
	struct paramlist pl;
	struct buf b;
	int i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < HTTP_MAX_PARAMS; i++)
		buf_printf(&b, "c%d=v; ", i);
	assert_int_equal(parse(buf_str(&b), &pl), HTTP_MAX_PARAMS);
	paramlist_clear(&pl);
	buf_puts(&b, "extra=1");
	assert_int_equal(parse(buf_str(&b), &pl), -1);
	assert_int_equal(pl.n, HTTP_MAX_PARAMS);
	paramlist_clear(&pl);
	buf_cleanup(&b);
}

static void
test_cookie_duplicates_first_wins(void **state)
{
	struct paramlist pl;

	(void)state;
	assert_int_equal(parse("a=1; a=2", &pl), 2);
	assert_string_equal(paramlist_get(&pl, "a")->val, "1");
	paramlist_clear(&pl);
}

static void
test_cookie_format(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	assert_int_equal(cookie_format(&b, "mp_csrf", "abc", -1, 0), 0);
	assert_string_equal(buf_str(&b), "mp_csrf=abc; Path=/; HttpOnly; SameSite=Lax");
	assert_int_equal(cookie_format(&b, "s", "", 0, 1), 0);
	assert_string_equal(buf_str(&b), "s=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
	assert_int_equal(cookie_format(&b, "s", "a;b", 10, 0), -1);
	assert_int_equal(b.len, 0);
	assert_int_equal(cookie_format(&b, "s", "a\r\nSet-Cookie: x", 10, 0), -1);
	assert_int_equal(cookie_format(&b, "", "a", 10, 0), -1);
	assert_int_equal(cookie_format(&b, "a=b", "a", 10, 0), -1);
	buf_cleanup(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cookie_pairs_and_spaces),
		cmocka_unit_test(test_cookie_values_not_decoded),
		cmocka_unit_test(test_cookie_malformed_pairs_skipped),
		cmocka_unit_test(test_cookie_limit),
		cmocka_unit_test(test_cookie_duplicates_first_wins),
		cmocka_unit_test(test_cookie_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
