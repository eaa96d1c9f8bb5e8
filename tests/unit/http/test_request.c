/*
 * Requests from CGI variables, and responses as CGI output.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/form.h"
#include "http/request.h"
#include "http/response.h"

/* A fake environment: NULL-terminated name, value pairs. */
static const char *
getenv_pairs(const char *name, void *arg)
{
	const char **kv = arg;

	for (; kv[0] != NULL; kv += 2)
		if (strcmp(kv[0], name) == 0)
			return kv[1];
	return NULL;
}

static int
parse_env(struct http_req *req, const char **kv)
{
	http_req_init(req);
	return http_req_parse_env(req, getenv_pairs, kv);
}

static void
test_request_get(void **state)
{
	struct http_req req;
	const char *env[] = {
		"REQUEST_METHOD", "GET",
		"DOCUMENT_URI", "/orders/12",
		"QUERY_STRING", "page=2&q=a+b",
		"HTTP_COOKIE", "mp_session=abc; other=1",
		"REMOTE_ADDR", "127.0.0.1",
		NULL,
	};

	(void)state;
	assert_int_equal(parse_env(&req, env), 0);
	assert_int_equal(req.method, HTTP_GET);
	assert_false(http_req_is_head(&req));
	assert_string_equal(req.path, "/orders/12");
	assert_string_equal(paramlist_get(&req.query, "q")->val, "a b");
	assert_string_equal(paramlist_get(&req.cookies, "mp_session")->val, "abc");
	assert_string_equal(req.remote_addr, "127.0.0.1");
	http_req_cleanup(&req);
}

static void
test_request_methods(void **state)
{
	struct http_req req;
	const char *head[] = { "REQUEST_METHOD", "HEAD", "DOCUMENT_URI", "/", NULL };
	const char *put[] = { "REQUEST_METHOD", "PUT", "DOCUMENT_URI", "/", NULL };
	const char *none[] = { "DOCUMENT_URI", "/", NULL };

	(void)state;
	assert_int_equal(parse_env(&req, head), 0);
	assert_int_equal(req.method, HTTP_GET);
	assert_true(http_req_is_head(&req));
	http_req_cleanup(&req);
	assert_int_equal(parse_env(&req, put), 405);
	http_req_cleanup(&req);
	assert_int_equal(parse_env(&req, none), 400);
	http_req_cleanup(&req);
}

static void
test_request_path_fallback_and_checks(void **state)
{
	struct http_req req;
	const char *sn[] = { "REQUEST_METHOD", "GET", "SCRIPT_NAME", "/cart",
	    "PATH_INFO", "/add", NULL };
	const char *rel[] = { "REQUEST_METHOD", "GET", "DOCUMENT_URI", "cart", NULL };
	const char *ctl[] = { "REQUEST_METHOD", "GET", "DOCUMENT_URI", "/a\nb", NULL };
	const char *bad_qs[] = { "REQUEST_METHOD", "GET", "DOCUMENT_URI", "/",
	    "QUERY_STRING", "a=%zz", NULL };
	const char *nopath[] = { "REQUEST_METHOD", "GET", NULL };

	(void)state;
	assert_int_equal(parse_env(&req, sn), 0);
	assert_string_equal(req.path, "/cart/add");
	http_req_cleanup(&req);
	assert_int_equal(parse_env(&req, rel), 400);
	http_req_cleanup(&req);
	assert_int_equal(parse_env(&req, ctl), 400);
	http_req_cleanup(&req);
	assert_int_equal(parse_env(&req, bad_qs), 400);
	http_req_cleanup(&req);
	assert_int_equal(parse_env(&req, nopath), 400);
	http_req_cleanup(&req);
}

static void
test_request_length_limits(void **state)
{
	struct http_req req;
	char form_max[32], form_over[32], up_max[32], up_over[32];
	const char *env[] = {
		"REQUEST_METHOD", "POST", "DOCUMENT_URI", "/x",
		"CONTENT_TYPE", NULL, "CONTENT_LENGTH", NULL, NULL,
	};

	(void)state;
	snprintf(form_max, sizeof(form_max), "%d", HTTP_MAX_FORM);
	snprintf(form_over, sizeof(form_over), "%d", HTTP_MAX_FORM + 1);
	snprintf(up_max, sizeof(up_max), "%d", HTTP_MAX_UPLOAD);
	snprintf(up_over, sizeof(up_over), "%d", HTTP_MAX_UPLOAD + 1);

	env[5] = "application/x-www-form-urlencoded";
	env[7] = form_max;
	assert_int_equal(parse_env(&req, env), 0);
	assert_int_equal(req.content_length, HTTP_MAX_FORM);
	http_req_cleanup(&req);
	env[7] = form_over;
	assert_int_equal(parse_env(&req, env), 413);
	http_req_cleanup(&req);

	/* A multipart body may be larger, up to HTTP_MAX_UPLOAD. */
	env[5] = "multipart/form-data; boundary=xyz";
	env[7] = form_over;
	assert_int_equal(parse_env(&req, env), 0);
	http_req_cleanup(&req);
	env[7] = up_max;
	assert_int_equal(parse_env(&req, env), 0);
	http_req_cleanup(&req);
	env[7] = up_over;
	assert_int_equal(parse_env(&req, env), 413);
	http_req_cleanup(&req);

	/* Garbage lengths. */
	env[7] = "12a";
	assert_int_equal(parse_env(&req, env), 400);
	http_req_cleanup(&req);
	env[7] = "-1";
	assert_int_equal(parse_env(&req, env), 400);
	http_req_cleanup(&req);
	env[7] = "99999999999999999999";
	assert_int_equal(parse_env(&req, env), 400);
	http_req_cleanup(&req);
}

static void
test_request_body_parsing(void **state)
{
	struct http_req req;
	const char form[] = "csrf=t&qty=2";
	const char mp[] = "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.pdf\"\r\n\r\nPDF\r\n--xyz--\r\n";

	(void)state;
	http_req_init(&req);
	req.content_type = "application/x-www-form-urlencoded; charset=UTF-8";
	req.body = (unsigned char *)xstrdup(form);
	req.bodylen = strlen(form);
	assert_int_equal(http_req_parse_body(&req), 0);
	assert_string_equal(paramlist_get(&req.form, "qty")->val, "2");
	http_req_cleanup(&req);

	http_req_init(&req);
	req.content_type = "multipart/form-data; boundary=xyz";
	req.body = (unsigned char *)xstrdup(mp);
	req.bodylen = strlen(mp);
	assert_int_equal(http_req_parse_body(&req), 0);
	assert_string_equal(paramlist_get(&req.form, "a")->val, "1");
	assert_int_equal(req.nuploads, 1);
	assert_memory_equal(req.uploads[0].data, "PDF", 3);
	http_req_cleanup(&req);

	http_req_init(&req);
	req.content_type = "application/x-www-form-urlencoded";
	req.body = (unsigned char *)xstrdup("a=%zz");
	req.bodylen = 5;
	assert_int_equal(http_req_parse_body(&req), 400);
	http_req_cleanup(&req);

	http_req_init(&req);
	req.content_type = "multipart/form-data";	/* no boundary */
	req.body = (unsigned char *)xstrdup(mp);
	req.bodylen = strlen(mp);
	assert_int_equal(http_req_parse_body(&req), 400);
	http_req_cleanup(&req);
}

static void
test_response_serialize(void **state)
{
	struct http_resp r;
	struct buf out;

	(void)state;
	http_resp_init(&r);
	buf_init(&out);
	r.status = 303;
	resp_header(&r, "Location", "/orders");
	resp_header(&r, "X-Evil", "a\r\nSet-Cookie: x=1");	/* refused */
	resp_header(&r, "Bad:Name", "v");			/* refused */
	http_resp_serialize(&r, &out);
	assert_string_equal(buf_str(&out),
	    "Status: 303 See Other\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: 0\r\n"
	    "Location: /orders\r\n"
	    "\r\n");
	assert_true(resp_has_header(&r, "location"));
	assert_false(resp_has_header(&r, "X-Evil"));
	resp_header_default(&r, "Location", "/other");
	assert_null(strstr(buf_str(&r.headers), "/other"));

	http_resp_reset(&r);
	buf_reset(&out);
	assert_int_equal(resp_text(&r, 503, "down\n"), 503);
	http_resp_serialize(&r, &out);
	assert_string_equal(buf_str(&out),
	    "Status: 503 Service Unavailable\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Length: 5\r\n"
	    "\r\n"
	    "down\n");
	assert_string_equal(http_status_text(413), "Content Too Large");
	buf_cleanup(&out);
	http_resp_cleanup(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_request_get),
		cmocka_unit_test(test_request_methods),
		cmocka_unit_test(test_request_path_fallback_and_checks),
		cmocka_unit_test(test_request_length_limits),
		cmocka_unit_test(test_request_body_parsing),
		cmocka_unit_test(test_response_serialize),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
