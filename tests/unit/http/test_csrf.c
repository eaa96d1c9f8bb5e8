/*
 * Stateless CSRF tokens.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/config.h"
#include "http/cookie.h"
#include "http/csrf.h"
#include "http/ctx.h"
#include "http/form.h"
#include "http/request.h"
#include "http/response.h"

#define ZERO_KEY "0000000000000000000000000000000000000000000000000000000000000000"
#define AB_KEY	 "abababababababababababababababababababababababababababababababab"
#define ANON	 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void
test_csrf_token_known_answer(void **state)
{
	char tok[65];

	(void)state;
	/* Reference values from Python's hmac module. */
	assert_int_equal(csrf_token(ZERO_KEY, "session-token-1", 15, tok), 0);
	assert_string_equal(tok,
	    "b4cdb9dd6f551535889b3966478198fd99168cf0a3cc1cb4dba38cd28313eb44");
	assert_int_equal(csrf_token(AB_KEY, ANON, 64, tok), 0);
	assert_string_equal(tok,
	    "3d1196a1d78e617bdbedc753abc632415fd8b809a41cb4b6e83501dff13cae46");
	/* A bad key is refused. */
	assert_int_equal(csrf_token("abc", "x", 1, tok), -1);
	assert_int_equal(csrf_token("zz" "00000000000000000000000000000000000000000000000000000000000000", "x", 1, tok), -1);
}

static void
test_csrf_equal(void **state)
{
	char tok[65], other[65];

	(void)state;
	assert_int_equal(csrf_token(ZERO_KEY, "a", 1, tok), 0);
	assert_int_equal(csrf_token(ZERO_KEY, "b", 1, other), 0);
	assert_true(csrf_equal(tok, tok, 64));
	assert_false(csrf_equal(tok, other, 64));
	assert_false(csrf_equal(tok, tok, 63));
	assert_false(csrf_equal(tok, "", 0));
	assert_false(csrf_equal("", "", 0));
	/* Different keys give different tokens for the same message. */
	assert_int_equal(csrf_token(AB_KEY, "a", 1, other), 0);
	assert_false(csrf_equal(tok, other, 64));
}

/* A request context with cookie header and form body text. */
struct fixture {
	struct config	cfg;
	struct http_req	req;
	struct http_resp resp;
	struct ctx	c;
};

static void
setup(struct fixture *f, const char *cookie, const char *form)
{
	config_defaults(&f->cfg);
	memcpy(f->cfg.secret_key, AB_KEY, 65);
	http_req_init(&f->req);
	http_resp_init(&f->resp);
	f->req.method = HTTP_POST;
	if (cookie != NULL)
		cookie_parse(cookie, strlen(cookie), &f->req.cookies);
	if (form != NULL)
		assert_int_equal(form_parse(form, strlen(form), &f->req.form), 0);
	ctx_init(&f->c, &f->cfg, NULL, &f->req, &f->resp);
}

static void
teardown(struct fixture *f)
{
	ctx_cleanup(&f->c);
	http_resp_cleanup(&f->resp);
	http_req_cleanup(&f->req);
}

static void
test_csrf_anonymous_cookie_created(void **state)
{
	struct fixture f;
	const char *sc;
	char value[65], expect[65];

	(void)state;
	setup(&f, NULL, NULL);
	assert_int_equal(csrf_prepare(&f.c, NULL, 0), 0);
	assert_int_equal(strlen(f.c.user.csrf), 64);
	sc = strstr(buf_str(&f.resp.headers), "Set-Cookie: mp_csrf=");
	assert_non_null(sc);
	assert_non_null(strstr(sc, "HttpOnly; SameSite=Lax"));
	memcpy(value, sc + strlen("Set-Cookie: mp_csrf="), 64);
	value[64] = '\0';
	/* The token is the HMAC of the cookie that was sent. */
	assert_int_equal(csrf_token(AB_KEY, value, 64, expect), 0);
	assert_string_equal(f.c.user.csrf, expect);
	teardown(&f);
}

static void
test_csrf_anonymous_cookie_reused(void **state)
{
	struct fixture f;
	char expect[65];

	(void)state;
	setup(&f, "mp_csrf=" ANON, NULL);
	assert_int_equal(csrf_prepare(&f.c, NULL, 0), 0);
	assert_int_equal(csrf_token(AB_KEY, ANON, 64, expect), 0);
	assert_string_equal(f.c.user.csrf, expect);
	assert_false(resp_has_header(&f.resp, "Set-Cookie"));
	teardown(&f);

	/* A malformed cookie is replaced. */
	setup(&f, "mp_csrf=short", NULL);
	assert_int_equal(csrf_prepare(&f.c, NULL, 0), 0);
	assert_true(resp_has_header(&f.resp, "Set-Cookie"));
	teardown(&f);
}

static void
test_csrf_signed_in_uses_session(void **state)
{
	struct fixture f;
	char expect[65];

	(void)state;
	setup(&f, "mp_csrf=" ANON, NULL);
	f.c.user.user_id = 7;
	assert_int_equal(csrf_prepare(&f.c, "sess", 4), 0);
	assert_int_equal(csrf_token(AB_KEY, "sess", 4, expect), 0);
	assert_string_equal(f.c.user.csrf, expect);
	assert_false(resp_has_header(&f.resp, "Set-Cookie"));
	teardown(&f);
}

static void
test_csrf_verify(void **state)
{
	struct fixture f;
	char tok[65];
	struct buf form;

	(void)state;
	assert_int_equal(csrf_token(AB_KEY, ANON, 64, tok), 0);
	buf_init(&form);
	buf_printf(&form, "a=1&csrf=%s", tok);
	setup(&f, "mp_csrf=" ANON, buf_str(&form));
	csrf_prepare(&f.c, NULL, 0);
	assert_true(csrf_verify(&f.c));
	teardown(&f);

	/* Missing field, wrong token, truncated token, no cookie at all. */
	setup(&f, "mp_csrf=" ANON, "a=1");
	csrf_prepare(&f.c, NULL, 0);
	assert_false(csrf_verify(&f.c));
	teardown(&f);
	tok[0] = tok[0] == 'a' ? 'b' : 'a';
	buf_reset(&form);
	buf_printf(&form, "csrf=%s", tok);
	setup(&f, "mp_csrf=" ANON, buf_str(&form));
	csrf_prepare(&f.c, NULL, 0);
	assert_false(csrf_verify(&f.c));
	teardown(&f);
	setup(&f, "mp_csrf=" ANON, "csrf=3d1196a1");
	csrf_prepare(&f.c, NULL, 0);
	assert_false(csrf_verify(&f.c));
	teardown(&f);
	buf_reset(&form);
	buf_printf(&form, "csrf=%s", "3d1196a1d78e617bdbedc753abc632415fd8b809a41cb4b6e83501dff13cae46");
	setup(&f, NULL, buf_str(&form));
	csrf_prepare(&f.c, NULL, 0);
	assert_false(csrf_verify(&f.c));
	teardown(&f);
	buf_cleanup(&form);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csrf_token_known_answer),
		cmocka_unit_test(test_csrf_equal),
		cmocka_unit_test(test_csrf_anonymous_cookie_created),
		cmocka_unit_test(test_csrf_anonymous_cookie_reused),
		cmocka_unit_test(test_csrf_signed_in_uses_session),
		cmocka_unit_test(test_csrf_verify),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
