/*
 * Web defaults through the real stack: CSRF on every POST route
 * of the route table (refused with 403 and nothing changed), security
 * headers on every GET route, cookie flags, session rotation at sign-in,
 * and sign-in throttling.
 *
 * Throttling: the suite's stack runs nginx at MALLPAY_SIGNIN_RATE=100r/s so
 * the other tests can sign in often; here the per-account backoff is tested
 * through the app, the nginx limit is asserted on the generated nginx.conf,
 * and its effect (429 under a burst) only when the stack runs at the
 * default rate (tests/long/faults.sh starts such a stack).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/cookie.h"
#include "http/http.h"
#include "pages/pages.h"
#include "client.h"
#include "ctl.h"

#define DEMO_PASSWORD	"mallpay-demo"

/* The state fingerprint from `mallpayctl check --fingerprint` (malloc'd). */
static char *
fingerprint(void)
{
	struct buf	 out;
	char		*line;

	buf_init(&out);
	assert_int_equal(mallpayctl_run(&out, "check --fingerprint"), 0);
	line = strndup(buf_str(&out), strcspn(buf_str(&out), "\n"));
	buf_cleanup(&out);
	assert_true(line[0] != '\0');
	return line;
}

/* A client signed in as a demo user allowed by mask, or anonymous. */
static struct client *
client_for(unsigned roles)
{
	struct client *cl = client_new();
	const char *email = NULL;

	if (roles & ROLE_SHOPPER)
		email = "shopper.new@demo.test";
	else if (roles & ROLE_COMPANY)
		email = "buyer@acme.demo.test";
	else if (roles & ROLE_ADMIN)
		email = "admin@demo.test";
	if (email != NULL)
		assert_int_equal(client_signin(cl, email, DEMO_PASSWORD), 303);
	return cl;
}

/* A form with every declared field of rt set to a plausible value, plus
 * csrf when tok is not NULL. Returns a malloc'd body. */
static char *
full_form(const struct route *rt, const char *tok)
{
	struct buf b;
	const struct field_spec *f;
	char *s;

	buf_init(&b);
	if (tok != NULL)
		buf_printf(&b, "csrf=%s", tok);
	for (f = rt->fields; f != NULL && f->name != NULL; f++) {
		const char *v = "1";

		if (strcmp(f->name, "csrf") == 0 || f->type == FIELD_FILE)
			continue;
		if (f->type == FIELD_EMAIL)
			v = "x%40example.invalid";
		else if (f->type == FIELD_PASSWORD)
			v = "long+enough+password";
		else if (f->type == FIELD_TEXT)
			v = "text";
		else if (f->type == FIELD_DATE)
			v = "2030-01-01";
		buf_printf(&b, "%s%s=%s", b.len ? "&" : "", f->name, v);
	}
	s = strdup(buf_str(&b));
	buf_cleanup(&b);
	return s;
}

/* Every POST route refuses a missing and a wrong CSRF token with 403, and
 * the refused request changes nothing. Partner routes (signed requests,
 * ROUTE_NO_CSRF) are the only ones exempt. */
static void
test_csrf_every_post_route(void **state)
{
	size_t	 i;
	int	 n = 0;

	(void)state;
	for (i = 0; i < page_routes_n; i++) {
		const struct route *rt = &page_routes[i];
		struct client *cl;
		struct client_resp r;
		char path[512], *body, *before, *after;
		int attempt;

		if (rt->method != HTTP_POST)
			continue;
		if (rt->flags & ROUTE_NO_CSRF) {
			if (!(rt->roles & ROLE_PARTNER))
				fail_msg("%s skips CSRF but is not a signed "
				    "partner route", rt->pattern);
			continue;
		}
		client_route_path(rt->pattern, "1", path, sizeof(path));
		cl = client_for(rt->roles);
		for (attempt = 0; attempt < 2; attempt++) {
			body = full_form(rt, attempt == 0 ? NULL :
			    "0000000000000000000000000000000000000000000000000000"
			    "000000000000");
			before = fingerprint();
			assert_int_equal(client_post(cl, path, body, &r), 0);
			after = fingerprint();
			if (r.status != 403)
				fail_msg("POST %s %s csrf: %ld, not 403",
				    path, attempt ? "with a wrong" : "without",
				    r.status);
			if (strcmp(before, after) != 0)
				fail_msg("POST %s refused but the state changed "
				    "(%s -> %s)", path, before, after);
			free(before);
			free(after);
			free(body);
			client_resp_cleanup(&r);
			n++;
		}
		client_free(cl);
	}
	print_message("csrf: %d refused POSTs checked\n", n);
	assert_true(n > 0);
}

/* Check one response's security headers; fails the test on a miss. */
static void
assert_security_headers(const struct client_resp *r, const char *path)
{
	char *csp, *h;

	csp = client_header(r, "Content-Security-Policy", NULL);
	if (csp == NULL)
		fail_msg("%s: no Content-Security-Policy", path);
	if (strncmp(csp, "default-src 'none'", 18) == 0 &&
	    strstr(csp, "sandbox") != NULL) {
		/* A stored file served to its owner (filestore_respond, e.g.
		 * the signed-in shopper's own identity document): sandboxed,
		 * no script at all. */
		assert_null(strstr(csp, "script-src"));
		assert_null(strstr(csp, "unsafe-eval"));
	} else {
		/* No inline script: script-src is 'self' only, never
		 * 'unsafe-inline' or 'unsafe-eval' anywhere in the policy. */
		assert_non_null(strstr(csp, "script-src 'self'"));
		assert_null(strstr(csp, "unsafe-inline"));
		assert_null(strstr(csp, "unsafe-eval"));
		assert_non_null(strstr(csp, "frame-ancestors 'none'"));
	}
	free(csp);
	h = client_header(r, "X-Content-Type-Options", "nosniff");
	if (h == NULL)
		fail_msg("%s: no X-Content-Type-Options: nosniff", path);
	free(h);
	h = client_header(r, "Referrer-Policy", NULL);
	if (h == NULL)
		fail_msg("%s: no Referrer-Policy", path);
	assert_true(strstr(h, "same-origin") != NULL ||
	    strstr(h, "no-referrer") != NULL ||
	    strstr(h, "strict-origin") != NULL);
	free(h);
}

/* Every GET route (anonymous and signed in), an error page and a 404 carry
 * the security headers; no page has an inline <script> body. */
static void
test_security_headers_every_get_route(void **state)
{
	struct client *anon = client_new(), *shopper, *cl;
	struct client_resp r;
	char path[512];
	size_t i;
	int who, n = 0;

	(void)state;
	shopper = client_for(ROLE_SHOPPER);
	for (i = 0; i < page_routes_n; i++) {
		if (page_routes[i].method != HTTP_GET)
			continue;
		client_route_path(page_routes[i].pattern, "1", path,
		    sizeof(path));
		for (who = 0; who < 2; who++) {
			cl = who ? shopper : anon;
			assert_int_equal(client_get(cl, path, &r), 0);
			assert_true(r.status > 0 && r.status < 500);
			assert_security_headers(&r, path);
			/* Only <script src=...> may appear: an inline body
			 * would be blocked by the CSP anyway. */
			if (r.body != NULL && strstr(r.body, "<script>") != NULL)
				fail_msg("%s has an inline <script>", path);
			client_resp_cleanup(&r);
			n++;
		}
	}
	assert_int_equal(client_get(anon, "/no/such/page", &r), 0);
	assert_int_equal(r.status, 404);
	assert_security_headers(&r, "/no/such/page");
	client_resp_cleanup(&r);
	print_message("headers: %d responses checked\n", n + 1);
	client_free(anon);
	client_free(shopper);
}

/* The Set-Cookie formatter: HttpOnly and SameSite=Lax always, Secure when
 * the configuration says the site is served over TLS. */
static void
test_cookie_flags_secure_when_configured(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b);
	assert_int_equal(cookie_format(&b, "mp_session", "abc", -1, 1), 0);
	assert_non_null(strstr(buf_str(&b), "HttpOnly"));
	assert_non_null(strstr(buf_str(&b), "SameSite=Lax"));
	assert_non_null(strstr(buf_str(&b), "; Secure"));
	assert_int_equal(cookie_format(&b, "mp_session", "abc", -1, 0), 0);
	assert_non_null(strstr(buf_str(&b), "HttpOnly"));
	assert_null(strstr(buf_str(&b), "Secure"));
	/* A value that is not a cookie token is refused, not sent. */
	assert_int_equal(cookie_format(&b, "mp_session", "a;b", -1, 1), -1);
	buf_cleanup(&b);
}

/* Sign-in gives a new session token; the previous one is dead (signing in
 * again, e.g. as another user on a shared browser, never keeps it). */
static void
test_session_rotated_at_signin_old_one_dead(void **state)
{
	struct client *cl = client_new(), *replay;
	struct client_resp r;
	char *s1, *s2, *anon;

	(void)state;
	assert_int_equal(client_get(cl, "/signin", &r), 0);
	client_resp_cleanup(&r);
	anon = client_cookie(cl, "mp_session");
	assert_int_equal(client_signin(cl, "shopper.new@demo.test",
	    DEMO_PASSWORD), 303);
	s1 = client_cookie(cl, "mp_session");
	assert_non_null(s1);
	if (anon != NULL)
		assert_string_not_equal(anon, s1);
	assert_int_equal(client_signin(cl, "shopper.new@demo.test",
	    DEMO_PASSWORD), 303);
	s2 = client_cookie(cl, "mp_session");
	assert_non_null(s2);
	assert_string_not_equal(s1, s2);

	/* The new one works, the old one is dead. */
	assert_int_equal(client_get(cl, "/cart", &r), 0);
	assert_int_equal(r.status, 200);
	client_resp_cleanup(&r);
	replay = client_new();
	client_set_cookie(replay, "mp_session", s1);
	assert_int_equal(client_get(replay, "/cart", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location, "/signin"));
	client_resp_cleanup(&r);
	client_free(replay);
	free(anon);
	free(s1);
	free(s2);
	client_free(cl);
}

/* nginx throttles POST /signin (limit_req on "location = /signin", 429):
 * the generated configuration has it; under a burst at the default rate
 * some requests get 429 (only when this stack runs the default rate). */
static void
test_signin_throttled_by_nginx(void **state)
{
	const char *dir = getenv("MALLPAY_TEST_DIR");
	const char *rate = getenv("MALLPAY_SIGNIN_RATE");
	char path[1024], line[512];
	FILE *f;
	int zone = 0, limit = 0, status = 0, i, n429 = 0;

	(void)state;
	if (dir == NULL) {
		print_message("MALLPAY_TEST_DIR unset: nginx.conf not checked\n");
		skip();
	}
	snprintf(path, sizeof(path), "%s/stack/nginx/nginx.conf", dir);
	assert_non_null(f = fopen(path, "r"));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strstr(line, "limit_req_zone") && strstr(line, "zone=signin"))
			zone = 1;
		if (strstr(line, "limit_req zone=signin"))
			limit = 1;
		if (strstr(line, "limit_req_status 429"))
			status = 1;
	}
	fclose(f);
	assert_true(zone && limit && status);

	if (rate != NULL && strcmp(rate, "5r/s") != 0) {
		print_message("sign-in rate is %s here (the suite lifts it): "
		    "the 429 burst runs in tests/long/faults.sh\n", rate);
		return;
	}
	for (i = 0; i < 40; i++) {
		struct client *cl = client_new();
		struct client_resp r;
		char *form = client_form("email", "nobody@test.invalid",
		    "password", "wrong-password", NULL);

		assert_int_equal(client_post(cl, "/signin", form, &r), 0);
		if (r.status == 429)
			n429++;
		free(form);
		client_resp_cleanup(&r);
		client_free(cl);
	}
	print_message("nginx: %d of 40 rapid sign-ins got 429\n", n429);
	assert_true(n429 > 0);
}

/* Per-account backoff in the app: after repeated failures even the right
 * password is refused for a while, with the same message (no oracle). */
static void
test_signin_per_account_backoff(void **state)
{
	struct client *cl = client_new();
	char email[128];
	int i;

	(void)state;
	client_unique_email(email, sizeof(email), "backoff");
	assert_int_equal(client_register(cl, email, "Backoff Tester",
	    "correct horse battery"), 303);
	client_free(cl);
	for (i = 0; i < 6; i++) {
		cl = client_new();
		assert_int_not_equal(client_signin(cl, email, "wrong password!"),
		    303);
		client_free(cl);
	}
	cl = client_new();
	assert_int_not_equal(client_signin(cl, email, "correct horse battery"),
	    303);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cookie_flags_secure_when_configured),
		cmocka_unit_test(test_security_headers_every_get_route),
		cmocka_unit_test(test_csrf_every_post_route),
		cmocka_unit_test(test_session_rotated_at_signin_old_one_dead),
		cmocka_unit_test(test_signin_throttled_by_nginx),
		cmocka_unit_test(test_signin_per_account_backoff),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
