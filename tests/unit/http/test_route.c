/*
 * Route matching and validation of declared fields.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/ctx.h"
#include "http/form.h"
#include "http/request.h"
#include "http/route.h"

static int
h_dummy(struct ctx *c)
{
	(void)c;
	return 200;
}

static const struct field_spec order_fields[] = {
	{ "qty",	FIELD_INT,	1, 0, 1, 99 },
	{ "note",	FIELD_TEXT,	0, 10, 0, 0 },
	{ "doc",	FIELD_FILE,	0, 0, 0, 0 },
	{ NULL,		FIELD_TEXT,	0, 0, 0, 0 },
};

static const struct route table[] = {
	{ HTTP_GET,  "/",			ROLE_ANY, h_dummy, NULL, 0, 0 },
	{ HTTP_GET,  "/orders",			ROLE_USER, h_dummy, NULL, 0, 0 },
	{ HTTP_GET,  "/orders/:id",		ROLE_USER, h_dummy, order_fields, 0, 0 },
	{ HTTP_POST, "/orders/:id/pay",		ROLE_USER, h_dummy, order_fields, 0, 0 },
	{ HTTP_POST, "/cart/add",		ROLE_USER, h_dummy, order_fields, 0, 0 },
	{ HTTP_GET,  "/a/:x/b/:y",		ROLE_ANY, h_dummy, NULL, 0, 0 },
};
#define NTABLE (sizeof(table) / sizeof(table[0]))

static void
test_route_match_literals_and_args(void **state)
{
	char argbuf[64];
	const char *args[HTTP_MAX_ARGS];
	size_t n = 99;

	(void)state;
	assert_true(route_match("/orders", "/orders", argbuf, sizeof(argbuf), args, &n));
	assert_int_equal(n, 0);
	assert_false(route_match("/orders", "/orders/", argbuf, sizeof(argbuf), args, &n));
	assert_false(route_match("/orders", "/order", argbuf, sizeof(argbuf), args, &n));
	assert_false(route_match("/orders", "/ordersx", argbuf, sizeof(argbuf), args, &n));
	assert_true(route_match("/orders/:id/pay", "/orders/42/pay", argbuf, sizeof(argbuf), args, &n));
	assert_int_equal(n, 1);
	assert_string_equal(args[0], "42");
	assert_false(route_match("/orders/:id/pay", "/orders//pay", argbuf, sizeof(argbuf), args, &n));
	assert_false(route_match("/orders/:id/pay", "/orders/42", argbuf, sizeof(argbuf), args, &n));
	assert_false(route_match("/orders/:id", "/orders/4/2", argbuf, sizeof(argbuf), args, &n));
	assert_true(route_match("/a/:x/b/:y", "/a/1/b/two", argbuf, sizeof(argbuf), args, &n));
	assert_int_equal(n, 2);
	assert_string_equal(args[0], "1");
	assert_string_equal(args[1], "two");
	/* argbuf too small: no match rather than an overflow. */
	assert_false(route_match("/a/:x/b/:y", "/a/1/b/two", argbuf, 4, args, &n));
	/* More arguments than HTTP_MAX_ARGS. */
	assert_false(route_match("/:a/:b/:c/:d/:e", "/1/2/3/4/5", argbuf, sizeof(argbuf), args, &n));
}

static void
test_route_find_and_allow(void **state)
{
	struct ctx c;
	unsigned allow;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_ptr_equal(route_find(table, NTABLE, HTTP_GET, "/orders/7", &c, &allow), &table[2]);
	assert_int_equal(c.nargs, 1);
	assert_string_equal(ctx_arg(&c, 0), "7");
	assert_int_equal(ctx_arg_id(&c, 0), 7);
	assert_null(ctx_arg(&c, 1));

	assert_null(route_find(table, NTABLE, HTTP_GET, "/cart/add", &c, &allow));
	assert_int_equal(allow, 1u << HTTP_POST);
	assert_null(route_find(table, NTABLE, HTTP_POST, "/orders", &c, &allow));
	assert_int_equal(allow, 1u << HTTP_GET);
	assert_null(route_find(table, NTABLE, HTTP_GET, "/nothing", &c, &allow));
	assert_int_equal(allow, 0);
}

static void
test_route_arg_id(void **state)
{
	struct ctx c;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.nargs = 1;
	c.args[0] = "0";
	assert_int_equal(ctx_arg_id(&c, 0), -1);
	c.args[0] = "012";
	assert_int_equal(ctx_arg_id(&c, 0), -1);
	c.args[0] = "12a";
	assert_int_equal(ctx_arg_id(&c, 0), -1);
	c.args[0] = "-1";
	assert_int_equal(ctx_arg_id(&c, 0), -1);
	c.args[0] = "999999999999999999";
	assert_int_equal(ctx_arg_id(&c, 0), 999999999999999999LL);
	c.args[0] = "9999999999999999999";
	assert_int_equal(ctx_arg_id(&c, 0), -1);
}

/* Check one value against a spec; returns 0 valid, -1 invalid. */
static int
check(enum field_type t, size_t maxlen, int64_t min, int64_t max, const char *v)
{
	struct field_spec s = { "f", t, 0, maxlen, min, max };
	struct field_val fv;
	int rc = field_check(&s, v, strlen(v), &fv);

	if (rc == 0)
		assert_null(fv.err);
	else
		assert_non_null(fv.err);
	return rc;
}

static void
test_field_text(void **state)
{
	(void)state;
	assert_int_equal(check(FIELD_TEXT, 5, 0, 0, "abcde"), 0);
	assert_int_equal(check(FIELD_TEXT, 5, 0, 0, "abcdef"), -1);
	/* maxlen counts bytes: "é" is two. */
	assert_int_equal(check(FIELD_TEXT, 4, 0, 0, "\xc3\xa9\xc3\xa9"), 0);
	assert_int_equal(check(FIELD_TEXT, 4, 0, 0, "a\xc3\xa9\xc3\xa9"), -1);
	assert_int_equal(check(FIELD_TEXT, 0, 0, 0, "line1\r\nline2\ttab"), 0);
	assert_int_equal(check(FIELD_TEXT, 0, 0, 0, "bell\x07"), -1);
	assert_int_equal(check(FIELD_TEXT, 0, 0, 0, "del\x7f"), -1);
	assert_int_equal(check(FIELD_TEXT, 0, 0, 0, "c1\xc2\x85"), -1);
	/* 4-byte UTF-8 (emoji) is fine. */
	assert_int_equal(check(FIELD_TEXT, 0, 0, 0, "\xf0\x9f\x98\x80"), 0);
}

static void
test_field_text_invalid_utf8_refused(void **state)
{
	static const char *bad[] = {
		"\xc3",			/* truncated */
		"\xc3\x28",		/* bad continuation */
		"\xc0\xaf",		/* overlong '/' */
		"\xe0\x80\xaf",		/* overlong */
		"\xed\xa0\x80",		/* surrogate U+D800 */
		"\xf4\x90\x80\x80",	/* above U+10FFFF */
		"\xf8\x88\x80\x80\x80",	/* 5-byte form */
		"\xff",
		"ok\x80",		/* lone continuation */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(check(FIELD_TEXT, 0, 0, 0, bad[i]), -1);
		assert_false(utf8_valid(bad[i], strlen(bad[i])));
	}
	assert_true(utf8_valid("\xef\xbf\xbf", 3));	/* U+FFFF */
	assert_true(utf8_valid("\xf4\x8f\xbf\xbf", 4));	/* U+10FFFF */
}

static void
test_field_int(void **state)
{
	struct field_spec s = { "n", FIELD_INT, 0, 0, 1, 99 };
	struct field_val fv;

	(void)state;
	assert_int_equal(field_check(&s, "1", 1, &fv), 0);
	assert_int_equal(fv.num, 1);
	assert_int_equal(field_check(&s, "99", 2, &fv), 0);
	assert_int_equal(fv.num, 99);
	assert_int_equal(field_check(&s, "0", 1, &fv), -1);
	assert_int_equal(fv.num, 0);
	assert_int_equal(field_check(&s, "100", 3, &fv), -1);
	assert_int_equal(check(FIELD_INT, 0, 1, 99, "+5"), -1);
	assert_int_equal(check(FIELD_INT, 0, 1, 99, " 5"), -1);
	assert_int_equal(check(FIELD_INT, 0, 1, 99, "5x"), -1);
	assert_int_equal(check(FIELD_INT, 0, 1, 99, "-"), -1);
	assert_int_equal(check(FIELD_INT, 0, -10, 10, "-10"), 0);
	assert_int_equal(check(FIELD_INT, 0, -10, 10, "-11"), -1);
	/* min == max == 0: any int64. */
	assert_int_equal(check(FIELD_INT, 0, 0, 0, "9223372036854775807"), 0);
	assert_int_equal(check(FIELD_INT, 0, 0, 0, "-9223372036854775808"), 0);
	assert_int_equal(check(FIELD_INT, 0, 0, 0, "9223372036854775808"), -1);
	assert_int_equal(check(FIELD_INT, 0, 0, 0, "-9223372036854775809"), -1);
	assert_int_equal(check(FIELD_INT, 0, 0, 0, "99999999999999999999"), -1);
}

static void
test_field_id(void **state)
{
	(void)state;
	assert_int_equal(check(FIELD_ID, 0, 0, 0, "1"), 0);
	assert_int_equal(check(FIELD_ID, 0, 0, 0, "9223372036854775807"), 0);
	assert_int_equal(check(FIELD_ID, 0, 0, 0, "9223372036854775808"), -1);
	assert_int_equal(check(FIELD_ID, 0, 0, 0, "0"), -1);
	assert_int_equal(check(FIELD_ID, 0, 0, 0, "01"), -1);
	assert_int_equal(check(FIELD_ID, 0, 0, 0, "-1"), -1);
	assert_int_equal(check(FIELD_ID, 0, 0, 0, "1e3"), -1);
}

static void
test_field_email(void **state)
{
	char longmail[300];

	(void)state;
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "ann@example.com"), 0);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "a.b+tag@mail.example.co"), 0);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "annexample.com"), -1);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "a@b@example.com"), -1);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "@example.com"), -1);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "ann@localhost"), -1);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "ann@exa..mple.com"), -1);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "ann@example.com."), -1);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "a n@example.com"), -1);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, "<a>@example.com"), -1);
	/* Boundary: 254 bytes by default. */
	memset(longmail, 'a', sizeof(longmail));
	memcpy(longmail, "x@", 2);
	memcpy(longmail + 250, ".com", 5);	/* 254 bytes */
	assert_int_equal(strlen(longmail), 254);
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, longmail), 0);
	memset(longmail, 'a', sizeof(longmail));
	memcpy(longmail, "x@", 2);
	memcpy(longmail + 251, ".com", 5);	/* 255 bytes */
	assert_int_equal(check(FIELD_EMAIL, 0, 0, 0, longmail), -1);
	assert_int_equal(check(FIELD_EMAIL, 10, 0, 0, "ab@cd.com"), 0);
	assert_int_equal(check(FIELD_EMAIL, 8, 0, 0, "ab@cd.com"), -1);
}

static void
test_field_password(void **state)
{
	(void)state;
	assert_int_equal(check(FIELD_PASSWORD, 0, 0, 0, "1234567"), -1);
	assert_int_equal(check(FIELD_PASSWORD, 0, 0, 0, "12345678"), 0);
	assert_int_equal(check(FIELD_PASSWORD, 0, 0, 0, "\x01\xff weird bytes"), 0);
	assert_int_equal(check(FIELD_PASSWORD, 10, 0, 0, "1234567890"), 0);
	assert_int_equal(check(FIELD_PASSWORD, 10, 0, 0, "12345678901"), -1);
}

static void
test_field_decimal(void **state)
{
	(void)state;
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, "12"), 0);
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, "12.50"), 0);
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, "0.1"), 0);
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, ".5"), -1);
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, "5."), -1);
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, "1.2.3"), -1);
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, "-1"), -1);
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, "1,5"), -1);
	assert_int_equal(check(FIELD_DECIMAL, 0, 0, 0, "1e5"), -1);
	assert_int_equal(check(FIELD_DECIMAL, 4, 0, 0, "1.25"), 0);
	assert_int_equal(check(FIELD_DECIMAL, 4, 0, 0, "12.25"), -1);
}

static void
test_field_date(void **state)
{
	(void)state;
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2026-11-21"), 0);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2024-02-29"), 0);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2000-02-29"), 0);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "1900-02-29"), -1);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2026-02-29"), -1);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2026-04-31"), -1);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2026-13-01"), -1);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2026-00-10"), -1);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2026-1-1"), -1);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2026/01/01"), -1);
	assert_int_equal(check(FIELD_DATE, 0, 0, 0, "2026-01-01x"), -1);
}

static void
test_field_token(void **state)
{
	(void)state;
	assert_int_equal(check(FIELD_TOKEN, 0, 0, 0, "Ab_9-z"), 0);
	assert_int_equal(check(FIELD_TOKEN, 0, 0, 0, "a b"), -1);
	assert_int_equal(check(FIELD_TOKEN, 0, 0, 0, "a.b"), -1);
	assert_int_equal(check(FIELD_TOKEN, 0, 0, 0, "\xc3\xa9"), -1);
	assert_int_equal(check(FIELD_TOKEN, 3, 0, 0, "abc"), 0);
	assert_int_equal(check(FIELD_TOKEN, 3, 0, 0, "abcd"), -1);
}

static void
test_field_absent_and_required(void **state)
{
	struct field_spec req = { "r", FIELD_TEXT, 1, 0, 0, 0 };
	struct field_spec opt = { "o", FIELD_INT, 0, 0, 1, 9 };
	struct field_val fv;

	(void)state;
	assert_int_equal(field_check(&req, NULL, 0, &fv), -1);
	assert_false(fv.present);
	assert_non_null(fv.err);
	/* An empty input box counts as absent. */
	assert_int_equal(field_check(&req, "", 0, &fv), -1);
	assert_int_equal(field_check(&opt, "", 0, &fv), 0);
	assert_false(fv.present);
	assert_null(fv.err);
	assert_null(fv.str);
}

/* Build a request with the given query and form text. */
static void
mkreq(struct http_req *req, enum http_method m, const char *query, const char *form)
{
	http_req_init(req);
	req->method = m;
	if (query != NULL)
		assert_int_equal(form_parse(query, strlen(query), &req->query), 0);
	if (form != NULL)
		assert_int_equal(form_parse(form, strlen(form), &req->form), 0);
}

static void
test_route_validate_get(void **state)
{
	struct http_req req;
	struct ctx c;

	(void)state;
	mkreq(&req, HTTP_GET, "qty=5&note=hi&evil=1", NULL);
	ctx_init(&c, NULL, NULL, &req, NULL);
	assert_non_null(route_find(table, NTABLE, HTTP_GET, "/orders/3", &c, NULL));
	assert_int_equal(route_validate(&c), 0);
	assert_int_equal(ctx_int(&c, "qty", -1), 5);
	assert_string_equal(ctx_str(&c, "note"), "hi");
	/* Undeclared fields are dropped. */
	assert_null(ctx_field(&c, "evil"));
	assert_null(ctx_str(&c, "evil"));
	assert_null(ctx_field_err(&c, "note"));
	/* An optional file that was not sent. */
	assert_non_null(ctx_field(&c, "doc"));
	assert_false(ctx_field(&c, "doc")->present);
	ctx_cleanup(&c);
	http_req_cleanup(&req);
}

static void
test_route_validate_errors(void **state)
{
	struct http_req req;
	struct ctx c;

	(void)state;
	mkreq(&req, HTTP_GET, "note=much+too+long", NULL);
	ctx_init(&c, NULL, NULL, &req, NULL);
	route_find(table, NTABLE, HTTP_GET, "/orders/3", &c, NULL);
	/* qty is required and missing; note is too long. */
	assert_int_equal(route_validate(&c), 2);
	assert_int_equal(c.bad_fields, 2);
	assert_non_null(ctx_field_err(&c, "qty"));
	assert_non_null(ctx_field_err(&c, "note"));
	assert_null(ctx_str(&c, "note"));
	assert_int_equal(ctx_int(&c, "qty", 7), 7);
	ctx_cleanup(&c);
	http_req_cleanup(&req);
}

static void
test_route_validate_duplicates_refused(void **state)
{
	struct http_req req;
	struct ctx c;

	(void)state;
	mkreq(&req, HTTP_GET, "qty=1&qty=50", NULL);
	ctx_init(&c, NULL, NULL, &req, NULL);
	route_find(table, NTABLE, HTTP_GET, "/orders/3", &c, NULL);
	assert_int_equal(route_validate(&c), 1);
	assert_non_null(ctx_field_err(&c, "qty"));
	assert_int_equal(ctx_int(&c, "qty", -1), -1);
	ctx_cleanup(&c);
	http_req_cleanup(&req);
}

static void
test_route_validate_post_prefers_body(void **state)
{
	struct http_req req;
	struct ctx c;

	(void)state;
	mkreq(&req, HTTP_POST, "qty=2&note=fromquery", "qty=3");
	ctx_init(&c, NULL, NULL, &req, NULL);
	assert_non_null(route_find(table, NTABLE, HTTP_POST, "/cart/add", &c, NULL));
	assert_int_equal(route_validate(&c), 0);
	assert_int_equal(ctx_int(&c, "qty", -1), 3);
	/* Not in the body: the query string is read. */
	assert_string_equal(ctx_str(&c, "note"), "fromquery");
	ctx_cleanup(&c);
	http_req_cleanup(&req);
}

static void
test_route_validate_files(void **state)
{
	struct http_req req;
	struct ctx c;

	(void)state;
	mkreq(&req, HTTP_POST, NULL, "qty=3");
	strcpy(req.uploads[0].field, "doc");
	strcpy(req.uploads[0].filename, "a.pdf");
	req.uploads[0].data = (const unsigned char *)"%PDF";
	req.uploads[0].len = 4;
	req.nuploads = 1;
	ctx_init(&c, NULL, NULL, &req, NULL);
	route_find(table, NTABLE, HTTP_POST, "/cart/add", &c, NULL);
	assert_int_equal(route_validate(&c), 0);
	assert_ptr_equal(ctx_field(&c, "doc")->file, &req.uploads[0]);

	/* An empty file is invalid; two files for one field too. */
	req.uploads[0].len = 0;
	assert_int_equal(route_validate(&c), 1);
	req.uploads[0].len = 4;
	req.uploads[1] = req.uploads[0];
	req.nuploads = 2;
	assert_int_equal(route_validate(&c), 1);
	assert_non_null(ctx_field_err(&c, "doc"));
	ctx_cleanup(&c);
	http_req_cleanup(&req);
}

/* route_allows: the kind of account first, then for admins the roles a
 * route names (any one of them); a route naming none is every admin's. */
static void
test_route_allows_admin_roles(void **state)
{
	const struct route dash = { HTTP_GET, "/admin", ROLE_ADMIN, NULL,
	    NULL, 0, 0 };
	const struct route money = { HTTP_GET, "/admin/x",
	    ROLE_REVIEWER | ROLE_FINANCE, NULL, NULL, 0, 0 };
	const struct route shared = { HTTP_GET, "/orders/:id/r",
	    ROLE_USER | ROLE_FINANCE, NULL, NULL, 0, 0 };

	(void)state;
	assert_true(route_allows(&dash, ROLE_ADMIN, 0));
	assert_false(route_allows(&dash, ROLE_SHOPPER, ADMIN_ROLES_ALL));
	assert_false(route_allows(&dash, ROLE_ANON, 0));
	assert_true(route_allows(&money, ROLE_ADMIN, ADMIN_REVIEWER));
	assert_true(route_allows(&money, ROLE_ADMIN, ADMIN_FINANCE));
	assert_true(route_allows(&money, ROLE_ADMIN, ADMIN_ROLES_ALL));
	assert_false(route_allows(&money, ROLE_ADMIN, 0));
	assert_false(route_allows(&money, ROLE_ADMIN, ADMIN_SETTINGS |
	    ADMIN_OWNER));
	assert_false(route_allows(&money, ROLE_COMPANY, ADMIN_ROLES_ALL));
	assert_true(route_allows(&shared, ROLE_SHOPPER, 0));
	assert_true(route_allows(&shared, ROLE_ADMIN, ADMIN_FINANCE));
	assert_false(route_allows(&shared, ROLE_ADMIN, ADMIN_REVIEWER));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_route_match_literals_and_args),
		cmocka_unit_test(test_route_find_and_allow),
		cmocka_unit_test(test_route_allows_admin_roles),
		cmocka_unit_test(test_route_arg_id),
		cmocka_unit_test(test_field_text),
		cmocka_unit_test(test_field_text_invalid_utf8_refused),
		cmocka_unit_test(test_field_int),
		cmocka_unit_test(test_field_id),
		cmocka_unit_test(test_field_email),
		cmocka_unit_test(test_field_password),
		cmocka_unit_test(test_field_decimal),
		cmocka_unit_test(test_field_date),
		cmocka_unit_test(test_field_token),
		cmocka_unit_test(test_field_absent_and_required),
		cmocka_unit_test(test_route_validate_get),
		cmocka_unit_test(test_route_validate_errors),
		cmocka_unit_test(test_route_validate_duplicates_refused),
		cmocka_unit_test(test_route_validate_post_prefers_body),
		cmocka_unit_test(test_route_validate_files),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
