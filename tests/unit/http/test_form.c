/*
 * application/x-www-form-urlencoded and query strings.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/form.h"

/* Parse a C string; returns form_parse's result. */
static int
parse(const char *s, struct paramlist *pl)
{
	memset(pl, 0, sizeof(*pl));
	return form_parse(s, strlen(s), pl);
}

static void
test_form_basic_pairs(void **state)
{
	struct paramlist pl;

	(void)state;
	assert_int_equal(parse("a=1&b=two&c=", &pl), 0);
	assert_int_equal(pl.n, 3);
	assert_string_equal(pl.v[0].key, "a");
	assert_string_equal(pl.v[0].val, "1");
	assert_string_equal(paramlist_get(&pl, "b")->val, "two");
	assert_string_equal(paramlist_get(&pl, "c")->val, "");
	assert_int_equal(paramlist_get(&pl, "c")->len, 0);
	assert_null(paramlist_get(&pl, "d"));
	paramlist_clear(&pl);
	assert_int_equal(pl.n, 0);
}

static void
test_form_decoding(void **state)
{
	struct paramlist pl;

	(void)state;
	assert_int_equal(parse("na%20me=J%C3%BCrgen+M%c3%bcller&x=%2B%26%3D", &pl), 0);
	assert_string_equal(pl.v[0].key, "na me");
	assert_string_equal(pl.v[0].val, "J\xc3\xbcrgen M\xc3\xbcller");
	assert_int_equal(pl.v[0].len, strlen("J\xc3\xbcrgen M\xc3\xbcller"));
	assert_string_equal(pl.v[1].val, "+&=");
	paramlist_clear(&pl);
}

static void
test_form_empty_pairs_and_bare_keys(void **state)
{
	struct paramlist pl;

	(void)state;
	assert_int_equal(parse("", &pl), 0);
	assert_int_equal(pl.n, 0);
	assert_int_equal(parse("&&a&&b=2&", &pl), 0);
	assert_int_equal(pl.n, 2);
	assert_string_equal(pl.v[0].key, "a");
	assert_string_equal(pl.v[0].val, "");
	assert_string_equal(pl.v[1].val, "2");
	paramlist_clear(&pl);
	/* A value may hold '='. */
	assert_int_equal(parse("k=a=b", &pl), 0);
	assert_string_equal(pl.v[0].val, "a=b");
	paramlist_clear(&pl);
}

static void
test_form_bad_escapes_refused(void **state)
{
	struct paramlist pl;
	static const char *bad[] = {
		"a=%", "a=%4", "a=%zz", "a=%4g", "%=1", "a=1&b=%G0", "a%2=1",
		"=value", "%00=1",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(bad[i], &pl), -1);
		paramlist_clear(&pl);
	}
}

static void
test_form_nul_bytes_refused(void **state)
{
	struct paramlist pl;
	const char raw[] = "a=x\0y";

	(void)state;
	assert_int_equal(parse("a=x%00y", &pl), -1);
	paramlist_clear(&pl);
	/* A raw NUL inside the buffer (not only an escaped one). */
	memset(&pl, 0, sizeof(pl));
	assert_int_equal(form_parse(raw, sizeof(raw) - 1, &pl), -1);
	paramlist_clear(&pl);
}

static void
test_form_duplicate_keys_kept_in_order(void **state)
{
	struct paramlist pl;

	(void)state;
	assert_int_equal(parse("id=1&id=2&x=0&id=3", &pl), 0);
	assert_int_equal(pl.n, 4);
	assert_int_equal(paramlist_count(&pl, "id"), 3);
	assert_string_equal(paramlist_get(&pl, "id")->val, "1");
	assert_string_equal(pl.v[3].val, "3");
	paramlist_clear(&pl);
}

static void
test_form_limit_on_count(void **state)
{
	struct paramlist pl;
	struct buf b;
	int i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < HTTP_MAX_PARAMS; i++)
		buf_printf(&b, "%sk%d=v", i ? "&" : "", i);
	assert_int_equal(parse(buf_str(&b), &pl), 0);
	assert_int_equal(pl.n, HTTP_MAX_PARAMS);
	paramlist_clear(&pl);
	buf_puts(&b, "&one=more");
	assert_int_equal(parse(buf_str(&b), &pl), -1);
	paramlist_clear(&pl);
	buf_cleanup(&b);
}

static void
test_form_limit_on_length(void **state)
{
	struct paramlist pl;
	struct buf b;
	int i;

	(void)state;
	buf_init(&b);
	buf_puts(&b, "v=");
	for (i = 0; i < HTTP_MAX_FIELD; i++)
		buf_putc(&b, 'x');
	assert_int_equal(parse(buf_str(&b), &pl), 0);
	assert_int_equal(pl.v[0].len, HTTP_MAX_FIELD);
	paramlist_clear(&pl);
	buf_putc(&b, 'x');
	assert_int_equal(parse(buf_str(&b), &pl), -1);
	paramlist_clear(&pl);

	/* The limit is on the decoded length: HTTP_MAX_FIELD escaped bytes pass. */
	buf_reset(&b);
	buf_puts(&b, "v=");
	for (i = 0; i < HTTP_MAX_FIELD; i++)
		buf_puts(&b, "%41");
	assert_int_equal(parse(buf_str(&b), &pl), 0);
	assert_int_equal(pl.v[0].len, HTTP_MAX_FIELD);
	paramlist_clear(&pl);

	/* Keys: 128 bytes at most. */
	buf_reset(&b);
	for (i = 0; i < 128; i++)
		buf_putc(&b, 'k');
	buf_puts(&b, "=1");
	assert_int_equal(parse(buf_str(&b), &pl), 0);
	paramlist_clear(&pl);
	buf_reset(&b);
	for (i = 0; i < 129; i++)
		buf_putc(&b, 'k');
	buf_puts(&b, "=1");
	assert_int_equal(parse(buf_str(&b), &pl), -1);
	paramlist_clear(&pl);
	buf_cleanup(&b);
}

static void
test_form_decode_without_plus(void **state)
{
	char out[16];

	(void)state;
	assert_int_equal(form_decode("a+b%2f", 6, out, 0), 4);
	assert_string_equal(out, "a+b/");
	assert_int_equal(form_decode("a+b", 3, out, 1), 3);
	assert_string_equal(out, "a b");
	assert_int_equal(form_decode("%", 1, out, 1), -1);
}

static void
test_form_len_is_respected(void **state)
{
	struct paramlist pl;

	(void)state;
	memset(&pl, 0, sizeof(pl));
	/* Only the first 3 bytes are the input: "a=1". */
	assert_int_equal(form_parse("a=1&b=2", 3, &pl), 0);
	assert_int_equal(pl.n, 1);
	assert_string_equal(pl.v[0].val, "1");
	paramlist_clear(&pl);
	/* An escape cut by len is invalid, not read past the end. */
	assert_int_equal(form_parse("a=%41", 4, &pl), -1);
	paramlist_clear(&pl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_basic_pairs),
		cmocka_unit_test(test_form_decoding),
		cmocka_unit_test(test_form_empty_pairs_and_bare_keys),
		cmocka_unit_test(test_form_bad_escapes_refused),
		cmocka_unit_test(test_form_nul_bytes_refused),
		cmocka_unit_test(test_form_duplicate_keys_kept_in_order),
		cmocka_unit_test(test_form_limit_on_count),
		cmocka_unit_test(test_form_limit_on_length),
		cmocka_unit_test(test_form_decode_without_plus),
		cmocka_unit_test(test_form_len_is_respected),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
