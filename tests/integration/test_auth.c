/*
 * Integration tests of sign-in, sign-out, registration and CSRF against a running
 * stack (tests/integration/suite.sh sets MALLPAY_TEST_URL). cmocka + libcurl.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "client.h"

#define DEMO_EMAIL	"shopper.new@demo.test"
#define DEMO_PASSWORD	"mallpay-demo"
#define TEST_PASSWORD	"correct horse battery"

/* The sign-in error message of a page, malloc'd, or NULL. */
static char *
signin_error(const char *html)
{
	char *s;

	if ((s = client_between(html, "id=\"signin-error\">", "</p>")) == NULL)
		return NULL;
	return s;
}

/* POST /signin with a fresh csrf; fills r. */
static void
post_signin(struct client *cl, const char *email, const char *password,
    const char *next, struct client_resp *r)
{
	char *tok, *form;

	tok = client_csrf_of(cl, "/signin");
	assert_non_null(tok);
	if (next != NULL)
		form = client_form("csrf", tok, "email", email, "password",
		    password, "next", next, NULL);
	else
		form = client_form("csrf", tok, "email", email, "password",
		    password, NULL);
	assert_int_equal(client_post(cl, "/signin", form, r), 0);
	free(form);
	free(tok);
}

/* 1 if the client is signed in: /orders answers 200 (anonymous gets 303). */
static int
signed_in(struct client *cl)
{
	struct client_resp	r;
	long			st;

	assert_int_equal(client_get(cl, "/orders", &r), 0);
	st = r.status;
	client_resp_cleanup(&r);
	return st == 200;
}

static void
test_signin_page_has_form(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			*tok;

	(void)state;
	assert_int_equal(client_get(cl, "/signin", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "<label for=\"email\">"));
	assert_true(client_has(&r, "<label for=\"password\">"));
	tok = client_csrf(r.body);
	assert_non_null(tok);
	assert_true(strlen(tok) >= 32);
	free(tok);
	client_resp_cleanup(&r);
	client_free(cl);
}

static void
test_signin_ok_sets_secure_session_cookie(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			*sc, *cookie;

	(void)state;
	assert_false(signed_in(cl));
	post_signin(cl, DEMO_EMAIL, DEMO_PASSWORD, NULL, &r);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	sc = client_header(&r, "Set-Cookie", "mp_session=");
	assert_non_null(sc);
	/* The session cookie must not be readable by script nor sent cross-site. */
	assert_non_null(strstr(sc, "HttpOnly"));
	assert_non_null(strstr(sc, "SameSite=Lax"));
	assert_non_null(strstr(sc, "Path=/"));
	free(sc);
	cookie = client_cookie(cl, "mp_session");
	assert_non_null(cookie);
	/* 256 random bits, hex. */
	assert_int_equal(strlen(cookie), 64);
	free(cookie);
	client_resp_cleanup(&r);
	assert_true(signed_in(cl));
	client_free(cl);
}

static void
test_signin_wrong_password_same_message_as_unknown_email(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r1, r2;
	char			*m1, *m2, *cookie;
	char			 email[128];

	(void)state;
	post_signin(cl, DEMO_EMAIL, "not-the-password", NULL, &r1);
	assert_true(r1.status == 200 || r1.status == 401);
	assert_true(client_has(&r1, "name=\"password\""));
	m1 = signin_error(r1.body);
	assert_non_null(m1);

	client_unique_email(email, sizeof(email), "nobody");
	post_signin(cl, email, "not-the-password", NULL, &r2);
	assert_int_equal(r2.status, r1.status);
	m2 = signin_error(r2.body);
	assert_non_null(m2);
	/* One message: the page must not tell which of the two was wrong. */
	assert_string_equal(m1, m2);
	/* The email typed is kept in the form, the password is not. */
	assert_true(client_has(&r2, email));
	assert_false(client_has(&r2, "not-the-password"));

	cookie = client_cookie(cl, "mp_session");
	assert_null(cookie);
	assert_false(signed_in(cl));
	free(m1);
	free(m2);
	client_resp_cleanup(&r1);
	client_resp_cleanup(&r2);
	client_free(cl);
}

static void
test_signin_without_csrf_is_403(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			*form, *tok;

	(void)state;
	/* Visit first so the anonymous CSRF cookie exists: only the field is missing. */
	tok = client_csrf_of(cl, "/signin");
	assert_non_null(tok);
	free(tok);
	form = client_form("email", DEMO_EMAIL, "password", DEMO_PASSWORD, NULL);
	assert_int_equal(client_post(cl, "/signin", form, &r), 0);
	assert_int_equal(r.status, 403);
	assert_null(client_header(&r, "Set-Cookie", "mp_session="));
	client_resp_cleanup(&r);
	free(form);
	assert_false(signed_in(cl));
	client_free(cl);
}

static void
test_signin_with_wrong_csrf_is_403(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			*form, *tok;

	(void)state;
	tok = client_csrf_of(cl, "/signin");
	assert_non_null(tok);
	/* Flip one character: a near miss must fail too. */
	tok[0] = tok[0] == 'a' ? 'b' : 'a';
	form = client_form("csrf", tok, "email", DEMO_EMAIL, "password",
	    DEMO_PASSWORD, NULL);
	assert_int_equal(client_post(cl, "/signin", form, &r), 0);
	assert_int_equal(r.status, 403);
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	assert_false(signed_in(cl));
	client_free(cl);
}

static void
test_cart_post_without_csrf_is_403_and_changes_nothing(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	long long		 ids[1];
	char			 email[128], idbuf[32], *form, *tok;

	(void)state;
	client_unique_email(email, sizeof(email), "csrf");
	assert_int_equal(client_register(cl, email, "Csrf Tester",
	    TEST_PASSWORD), 303);
	assert_int_equal(client_get(cl, "/catalog", &r), 0);
	assert_int_equal(client_ids(r.body, "data-product-id=\"", ids, 1), 1);
	client_resp_cleanup(&r);
	snprintf(idbuf, sizeof(idbuf), "%lld", ids[0]);

	form = client_form("product_id", idbuf, "qty", "1", NULL);
	assert_int_equal(client_post(cl, "/cart/add", form, &r), 0);
	assert_int_equal(r.status, 403);
	client_resp_cleanup(&r);
	free(form);

	/* A token of another visitor (an anonymous one) is wrong for this session. */
	{
		struct client *other = client_new();

		tok = client_csrf_of(other, "/signin");
		assert_non_null(tok);
		client_free(other);
	}
	form = client_form("csrf", tok, "product_id", idbuf, "qty", "1", NULL);
	assert_int_equal(client_post(cl, "/cart/add", form, &r), 0);
	assert_int_equal(r.status, 403);
	client_resp_cleanup(&r);
	free(form);
	free(tok);

	assert_int_equal(client_get(cl, "/cart", &r), 0);
	assert_int_equal(r.status, 200);
	assert_false(client_has(&r, "class=\"cart-item\""));
	assert_true(client_has(&r, "Your cart is empty"));
	client_resp_cleanup(&r);
	client_free(cl);
}

static void
test_signout_invalidates_session(void **state)
{
	struct client		*cl = client_new(), *thief = client_new();
	struct client_resp	 r;
	char			*tok, *form, *cookie;

	(void)state;
	assert_int_equal(client_signin(cl, DEMO_EMAIL, DEMO_PASSWORD), 303);
	assert_true(signed_in(cl));
	cookie = client_cookie(cl, "mp_session");
	assert_non_null(cookie);

	tok = client_csrf_of(cl, "/orders");
	assert_non_null(tok);
	form = client_form("csrf", tok, NULL);
	assert_int_equal(client_post(cl, "/signout", form, &r), 0);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	assert_false(signed_in(cl));

	/* The old token replayed from elsewhere must be dead on the server too. */
	client_set_cookie(thief, "mp_session", cookie);
	assert_int_equal(client_get(thief, "/orders", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_non_null(strstr(r.location, "/signin"));
	client_resp_cleanup(&r);
	free(cookie);
	client_free(cl);
	client_free(thief);
}

static void
test_signin_rotates_session(void **state)
{
	struct client	*cl = client_new(), *old = client_new();
	char		*c1, *c2;

	(void)state;
	assert_int_equal(client_signin(cl, DEMO_EMAIL, DEMO_PASSWORD), 303);
	c1 = client_cookie(cl, "mp_session");
	assert_non_null(c1);
	assert_int_equal(client_signin(cl, DEMO_EMAIL, DEMO_PASSWORD), 303);
	c2 = client_cookie(cl, "mp_session");
	assert_non_null(c2);
	assert_string_not_equal(c1, c2);
	assert_true(signed_in(cl));
	/* Signing in again dropped the previous session row. */
	client_set_cookie(old, "mp_session", c1);
	assert_false(signed_in(old));
	free(c1);
	free(c2);
	client_free(cl);
	client_free(old);
}

static void
test_signin_next_only_local(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;

	(void)state;
	post_signin(cl, DEMO_EMAIL, DEMO_PASSWORD, "/orders", &r);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_non_null(strstr(r.location, "/orders"));
	client_resp_cleanup(&r);

	post_signin(cl, DEMO_EMAIL, DEMO_PASSWORD, "//evil.example/x", &r);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_null(strstr(r.location, "evil.example"));
	client_resp_cleanup(&r);

	post_signin(cl, DEMO_EMAIL, DEMO_PASSWORD, "https://evil.example/", &r);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_null(strstr(r.location, "evil.example"));
	client_resp_cleanup(&r);
	client_free(cl);
}

static void
test_signin_backoff_after_five_failures(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			 email[128];
	int			 i;

	(void)state;
	client_unique_email(email, sizeof(email), "backoff");
	assert_int_equal(client_register(cl, email, "Backoff Tester",
	    TEST_PASSWORD), 303);
	client_free(cl);

	cl = client_new();
	for (i = 0; i < 5; i++) {
		post_signin(cl, email, "wrong password!", NULL, &r);
		assert_true(r.status == 200 || r.status == 401);
		client_resp_cleanup(&r);
	}
	/* The right password is refused while the account is backed off. */
	post_signin(cl, email, TEST_PASSWORD, NULL, &r);
	assert_int_not_equal(r.status, 303);
	assert_true(client_has(&r, "Too many"));
	assert_null(client_header(&r, "Set-Cookie", "mp_session="));
	client_resp_cleanup(&r);
	assert_false(signed_in(cl));
	client_free(cl);
}

static void
test_register_signs_in_and_shows_empty_orders(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			 email[128];

	(void)state;
	client_unique_email(email, sizeof(email), "reg");
	assert_int_equal(client_register(cl, email, "Reg Tester",
	    TEST_PASSWORD), 303);
	assert_int_equal(client_get(cl, "/orders", &r), 0);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "My Orders"));
	assert_true(client_has(&r, "You have no orders yet"));
	assert_true(client_has(&r, "href=\"/catalog\""));
	client_resp_cleanup(&r);
	client_free(cl);

	/* The new account signs in with its password from a fresh browser. */
	cl = client_new();
	assert_int_equal(client_signin(cl, email, TEST_PASSWORD), 303);
	assert_true(signed_in(cl));
	client_free(cl);
}

/* POST /register with the given fields; fills r. */
static void
post_register(struct client *cl, const char *email, const char *name,
    const char *pw, const char *confirm, struct client_resp *r)
{
	char *tok, *form;

	tok = client_csrf_of(cl, "/register");
	assert_non_null(tok);
	form = client_form("csrf", tok, "email", email, "name", name,
	    "password", pw, "confirm", confirm, NULL);
	assert_int_equal(client_post(cl, "/register", form, r), 0);
	free(form);
	free(tok);
}

static void
test_register_rejects_bad_input_next_to_field(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			 email[128];

	(void)state;
	client_unique_email(email, sizeof(email), "regbad");

	post_register(cl, email, "Short Pw", "short", "short", &r);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"password-err\""));
	assert_true(client_has(&r, "12 characters"));
	client_resp_cleanup(&r);

	post_register(cl, email, "Mismatch", TEST_PASSWORD, "something else 1", &r);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"confirm-err\""));
	client_resp_cleanup(&r);

	post_register(cl, "not-an-email", "Bad Mail", TEST_PASSWORD,
	    TEST_PASSWORD, &r);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"email-err\""));
	client_resp_cleanup(&r);

	post_register(cl, email, "", TEST_PASSWORD, TEST_PASSWORD, &r);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"name-err\""));
	client_resp_cleanup(&r);

	/* None of these created the account: it can be registered now. */
	assert_false(signed_in(cl));
	assert_int_equal(client_register(cl, email, "Good", TEST_PASSWORD), 303);
	client_free(cl);
}

static void
test_register_duplicate_email(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;

	(void)state;
	post_register(cl, DEMO_EMAIL, "Someone Else", TEST_PASSWORD,
	    TEST_PASSWORD, &r);
	assert_int_equal(r.status, 400);
	assert_true(client_has(&r, "id=\"email-err\""));
	assert_true(client_has(&r, "already"));
	client_resp_cleanup(&r);
	assert_false(signed_in(cl));
	/* The demo account still has its own password. */
	assert_int_equal(client_signin(cl, DEMO_EMAIL, DEMO_PASSWORD), 303);
	client_free(cl);
}

static void
test_anonymous_orders_redirects_to_signin(void **state)
{
	struct client		*cl = client_new();
	struct client_resp	 r;

	(void)state;
	assert_int_equal(client_get(cl, "/orders", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_non_null(strstr(r.location, "/signin"));
	client_resp_cleanup(&r);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signin_page_has_form),
		cmocka_unit_test(test_signin_ok_sets_secure_session_cookie),
		cmocka_unit_test(test_signin_wrong_password_same_message_as_unknown_email),
		cmocka_unit_test(test_signin_without_csrf_is_403),
		cmocka_unit_test(test_signin_with_wrong_csrf_is_403),
		cmocka_unit_test(test_cart_post_without_csrf_is_403_and_changes_nothing),
		cmocka_unit_test(test_signout_invalidates_session),
		cmocka_unit_test(test_signin_rotates_session),
		cmocka_unit_test(test_signin_next_only_local),
		cmocka_unit_test(test_signin_backoff_after_five_failures),
		cmocka_unit_test(test_register_signs_in_and_shows_empty_orders),
		cmocka_unit_test(test_register_rejects_bad_input_next_to_field),
		cmocka_unit_test(test_register_duplicate_email),
		cmocka_unit_test(test_anonymous_orders_redirects_to_signin),
	};

	return cmocka_run_group_tests_name("integration_auth", tests, NULL, NULL);
}
