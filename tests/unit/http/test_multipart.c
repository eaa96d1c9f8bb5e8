/*
 * multipart/form-data: boundaries, fields, files, strictness, limits.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/form.h"
#include "http/multipart.h"

#define B	"----WebKitFormBoundaryAbC123"

struct parsed {
	struct paramlist	pl;
	struct upload		ups[MULTIPART_MAX_UPLOADS];
	size_t			nups;
};

static int
parse_n(const char *body, size_t len, struct parsed *p)
{
	memset(p, 0, sizeof(*p));
	return multipart_parse(body, len, B, &p->pl, p->ups,
	    MULTIPART_MAX_UPLOADS, &p->nups);
}

static int
parse(const char *body, struct parsed *p)
{
	return parse_n(body, strlen(body), p);
}

static void
test_multipart_boundary(void **state)
{
	char b[MULTIPART_MAX_BOUNDARY + 1];

	(void)state;
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=" B, b, sizeof(b)), 0);
	assert_string_equal(b, B);
	assert_int_equal(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"x y\"", b, sizeof(b)), -1);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=\"abc\"", b, sizeof(b)), 0);
	assert_string_equal(b, "abc");
	assert_int_equal(multipart_boundary("multipart/form-data", b, sizeof(b)), -1);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary=", b, sizeof(b)), -1);
	assert_int_equal(multipart_boundary("text/plain; boundary=abc", b, sizeof(b)), -1);
	assert_int_equal(multipart_boundary(NULL, b, sizeof(b)), -1);
	/* 70 characters is the most RFC 2046 allows. */
	assert_int_equal(multipart_boundary("multipart/form-data; boundary="
	    "0123456789012345678901234567890123456789012345678901234567890123456789",
	    b, sizeof(b)), 0);
	assert_int_equal(multipart_boundary("multipart/form-data; boundary="
	    "01234567890123456789012345678901234567890123456789012345678901234567890",
	    b, sizeof(b)), -1);
}

static void
test_multipart_windows_path_stripped(void **state)
{
	struct parsed p;
	const char body[] =
	    "--" B "\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n"
	    "\r\n"
	    "tok\r\n"
	    "--" B "\r\n"
	    "Content-Disposition: form-data; name=\"doc\"; filename=\"C:\\\\x\\\\lic.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n"
	    "\r\n"
	    "%PDF\0bin\r\n\r\nary\r\n"
	    "--" B "--\r\n";

	(void)state;
	/* Old browsers send the client's full path: only the name is kept. */
	assert_int_equal(parse_n(body, sizeof(body) - 1, &p), 0);
	assert_int_equal(p.nups, 1);
	assert_string_equal(p.ups[0].filename, "lic.pdf");
	paramlist_clear(&p.pl);
}

static void
test_multipart_fields_and_file_ok(void **state)
{
	struct parsed p;
	const char body[] =
	    "--" B "\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n"
	    "\r\n"
	    "tok\r\n"
	    "--" B "\r\n"
	    "content-disposition: form-data; name=\"doc\"; filename=\"dir/lic.pdf\"\r\n"
	    "Content-Type: application/pdf\r\n"
	    "\r\n"
	    "%PDF\0bin\r\n\r\nary\r\n"
	    "--" B "\r\n"
	    "Content-Disposition: form-data; name=\"note\"\r\n"
	    "\r\n"
	    "line1\r\nline2\r\n"
	    "--" B "--\r\n";

	(void)state;
	assert_int_equal(parse_n(body, sizeof(body) - 1, &p), 0);
	assert_int_equal(p.pl.n, 2);
	assert_string_equal(paramlist_get(&p.pl, "csrf")->val, "tok");
	assert_string_equal(paramlist_get(&p.pl, "note")->val, "line1\r\nline2");
	assert_int_equal(p.nups, 1);
	assert_string_equal(p.ups[0].field, "doc");
	assert_string_equal(p.ups[0].filename, "lic.pdf");
	assert_int_equal(p.ups[0].len, 15);
	assert_memory_equal(p.ups[0].data, "%PDF\0bin\r\n\r\nary", 15);
	/* The data points into the body, not a copy. */
	assert_true((const char *)p.ups[0].data > body &&
	    (const char *)p.ups[0].data < body + sizeof(body));
	paramlist_clear(&p.pl);
}

static void
test_multipart_empty_file_input_ignored(void **state)
{
	struct parsed p;

	(void)state;
	assert_int_equal(parse(
	    "--" B "\r\n"
	    "Content-Disposition: form-data; name=\"doc\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n"
	    "\r\n"
	    "\r\n"
	    "--" B "--", &p), 0);
	assert_int_equal(p.nups, 0);
	assert_int_equal(p.pl.n, 0);
}

static void
test_multipart_strictness(void **state)
{
	struct parsed p;
	static const char *bad[] = {
		/* empty body */
		"",
		/* preamble before the first delimiter */
		"junk\r\n--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" B "--",
		/* no closing delimiter */
		"--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1",
		"--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" B,
		/* missing Content-Disposition */
		"--" B "\r\nContent-Type: text/plain\r\n\r\n1\r\n--" B "--",
		/* not form-data */
		"--" B "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--" B "--",
		/* no name, empty name */
		"--" B "\r\nContent-Disposition: form-data\r\n\r\n1\r\n--" B "--",
		"--" B "\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n--" B "--",
		/* bare LF line endings */
		"--" B "\nContent-Disposition: form-data; name=\"a\"\n\n1\n--" B "--",
		/* unterminated quote */
		"--" B "\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--" B "--",
		/* two dispositions */
		"--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n1\r\n--" B "--",
		/* header without colon */
		"--" B "\r\nContent-Disposition form-data; name=\"a\"\r\n\r\n1\r\n--" B "--",
		/* garbage after the close */
		"--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" B "--trailing",
		/* NUL in a text field */
		"--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\x01\r\n--" B "--x",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(bad[i], &p), -1);
		paramlist_clear(&p.pl);
	}
}

static void
test_multipart_nul_in_field_refused(void **state)
{
	struct parsed p;
	const char body[] = "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\0y\r\n--" B "--";

	(void)state;
	assert_int_equal(parse_n(body, sizeof(body) - 1, &p), -1);
	paramlist_clear(&p.pl);
}

static void
test_multipart_limits(void **state)
{
	struct parsed p;
	struct buf b;
	int i;

	(void)state;
	buf_init(&b);
	/* One more file than the request holds. */
	for (i = 0; i <= MULTIPART_MAX_UPLOADS; i++)
		buf_printf(&b, "--" B "\r\nContent-Disposition: form-data; "
		    "name=\"f%d\"; filename=\"a.pdf\"\r\n\r\nx\r\n", i);
	buf_puts(&b, "--" B "--\r\n");
	assert_int_equal(parse(buf_str(&b), &p), -1);
	paramlist_clear(&p.pl);

	/* A text field over HTTP_MAX_FIELD bytes. */
	buf_reset(&b);
	buf_puts(&b, "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n");
	for (i = 0; i <= HTTP_MAX_FIELD; i++)
		buf_putc(&b, 'x');
	buf_puts(&b, "\r\n--" B "--");
	assert_int_equal(parse(buf_str(&b), &p), -1);
	paramlist_clear(&p.pl);

	/* More than 16 header lines in a part. */
	buf_reset(&b);
	buf_puts(&b, "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n");
	for (i = 0; i < 16; i++)
		buf_puts(&b, "X-A: b\r\n");
	buf_puts(&b, "\r\n1\r\n--" B "--");
	assert_int_equal(parse(buf_str(&b), &p), -1);
	paramlist_clear(&p.pl);

	/* More than HTTP_MAX_PARAMS fields. */
	buf_reset(&b);
	for (i = 0; i <= HTTP_MAX_PARAMS; i++)
		buf_printf(&b, "--" B "\r\nContent-Disposition: form-data; "
		    "name=\"k%d\"\r\n\r\nv\r\n", i);
	buf_puts(&b, "--" B "--");
	assert_int_equal(parse(buf_str(&b), &p), -1);
	paramlist_clear(&p.pl);
	buf_cleanup(&b);
}

static void
test_multipart_boundary_inside_data(void **state)
{
	struct parsed p;

	(void)state;
	/* The boundary text without the leading CRLF is just data. */
	assert_int_equal(parse(
	    "--" B "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
	    "x--" B "y\r\n--" B "--", &p), 0);
	assert_string_equal(p.pl.v[0].val, "x--" B "y");
	paramlist_clear(&p.pl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_multipart_boundary),
		cmocka_unit_test(test_multipart_windows_path_stripped),
		cmocka_unit_test(test_multipart_fields_and_file_ok),
		cmocka_unit_test(test_multipart_empty_file_input_ignored),
		cmocka_unit_test(test_multipart_strictness),
		cmocka_unit_test(test_multipart_nul_in_field_refused),
		cmocka_unit_test(test_multipart_limits),
		cmocka_unit_test(test_multipart_boundary_inside_data),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
