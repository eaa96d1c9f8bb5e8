/*
 * The dispatcher and page rendering, without a database: only requests that
 * never reach the database (routing, roles, CSRF refusals, errors) are sent.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/config.h"
#include "http/cookie.h"
#include "http/ctx.h"
#include "http/form.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/target.h"
#include "view/view.h"

struct fixture {
	struct config	 cfg;
	struct http_req	 req;
	struct http_resp resp;
	struct ctx	 c;
};

static struct fixture F;

/* Prepare F for a request; cookie and form may be NULL. */
static void
mk(enum http_method m, const char *path, const char *cookie, const char *form)
{
	config_defaults(&F.cfg);
	http_req_init(&F.req);
	http_resp_init(&F.resp);
	F.req.method = m;
	snprintf(F.req.path, sizeof(F.req.path), "%s", path);
	if (cookie != NULL)
		cookie_parse(cookie, strlen(cookie), &F.req.cookies);
	if (form != NULL)
		assert_int_equal(form_parse(form, strlen(form), &F.req.form), 0);
	ctx_init(&F.c, &F.cfg, NULL, &F.req, &F.resp);
}

static void
done(void)
{
	ctx_cleanup(&F.c);
	http_resp_cleanup(&F.resp);
	http_req_cleanup(&F.req);
}

static const char *
headers(void)
{
	return buf_str(&F.resp.headers);
}

static void
assert_security_headers(void)
{
	assert_non_null(strstr(headers(), "Content-Security-Policy: default-src 'self'; "
	    "script-src 'self'; style-src 'self'; img-src 'self' data:; "
	    "frame-ancestors 'none'; form-action 'self' http://127.0.0.1:8081; "
	    "base-uri 'none'\r\n"));
	assert_non_null(strstr(headers(), "X-Content-Type-Options: nosniff\r\n"));
	assert_non_null(strstr(headers(), "Referrer-Policy: same-origin\r\n"));
	assert_non_null(strstr(headers(), "X-Frame-Options: DENY\r\n"));
}

static void
test_dispatch_404_friendly_page(void **state)
{
	(void)state;
	mk(HTTP_GET, "/no/such/page", NULL, NULL);
	assert_int_equal(pages_handle(&F.c), 404);
	assert_int_equal(F.resp.status, 404);
	assert_security_headers();
	assert_non_null(strstr(headers(), "Cache-Control: no-store\r\n"));
	/* First visit: the anonymous CSRF cookie is handed out. */
	assert_non_null(strstr(headers(), "Set-Cookie: mp_csrf="));
	assert_non_null(strstr(buf_str(&F.resp.body), "<html lang=\"en\">"));
	assert_non_null(strstr(buf_str(&F.resp.body), "Page not found"));
	assert_non_null(strstr(buf_str(&F.resp.body), "href=\"/catalog\""));
	assert_non_null(strstr(buf_str(&F.resp.body), "Sign in"));
	done();
}

static void
test_dispatch_405_with_allow(void **state)
{
	(void)state;
	mk(HTTP_POST, "/healthz", NULL, NULL);
	assert_int_equal(pages_handle(&F.c), 405);
	assert_non_null(strstr(headers(), "Allow: GET, HEAD\r\n"));
	done();
}

static void
test_dispatch_health_without_db(void **state)
{
	(void)state;
	mk(HTTP_GET, "/healthz", NULL, NULL);
	assert_int_equal(pages_handle(&F.c), 503);
	assert_string_equal(buf_str(&F.resp.body), "database unavailable\n");
	assert_string_equal(F.resp.content_type, "text/plain; charset=utf-8");
	assert_security_headers();
	done();
}

static void
test_dispatch_anonymous_sent_to_signin(void **state)
{
	size_t i;

	(void)state;
	/* Every argument-free GET route closed to anonymous visitors. */
	for (i = 0; i < page_routes_n; i++) {
		const struct route *rt = &page_routes[i];
		char expect[600];

		if (rt->method != HTTP_GET || (rt->roles & (ROLE_ANON | ROLE_PARTNER)) ||
		    strchr(rt->pattern, ':') != NULL)
			continue;
		mk(HTTP_GET, rt->pattern, NULL, NULL);
		assert_int_equal(pages_handle(&F.c), 303);
		snprintf(expect, sizeof(expect), "Location: /signin?next=%s\r\n",
		    rt->pattern);
		assert_non_null(strstr(headers(), expect));
		done();
	}
}

static void
test_dispatch_post_without_csrf_refused(void **state)
{
	size_t i, tried = 0;

	(void)state;
	/* Every POST route open to anonymous visitors: without a token, or
	 * with a wrong one, 403 and the handler does not run (it would need
	 * the database, which is NULL here). */
	for (i = 0; i < page_routes_n; i++) {
		const struct route *rt = &page_routes[i];

		if (rt->method != HTTP_POST || !(rt->roles & ROLE_ANON) ||
		    (rt->flags & ROUTE_NO_CSRF) || strchr(rt->pattern, ':') != NULL)
			continue;
		mk(HTTP_POST, rt->pattern,
		    "mp_csrf=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
		    "email=a%40b.com&password=12345678");
		assert_int_equal(pages_handle(&F.c), 403);
		assert_non_null(strstr(buf_str(&F.resp.body), "did not come from this site"));
		done();
		mk(HTTP_POST, rt->pattern, NULL,
		    "csrf=3d1196a1d78e617bdbedc753abc632415fd8b809a41cb4b6e83501dff13cae46");
		assert_int_equal(pages_handle(&F.c), 403);
		done();
		tried++;
	}
	assert_true(tried > 0);
}

static void
test_dispatch_fail_pages(void **state)
{
	(void)state;
	mk(HTTP_POST, "/x", NULL, NULL);
	assert_int_equal(pages_fail(&F.c, 413), 413);
	assert_non_null(strstr(buf_str(&F.resp.body), "Too large"));
	assert_security_headers();
	done();
	mk(HTTP_GET, "/x", NULL, NULL);
	assert_int_equal(pages_fail(&F.c, 405), 405);
	assert_non_null(strstr(headers(), "Allow: GET, HEAD, POST\r\n"));
	done();
	/* The database unreachable: try again in a moment. */
	mk(HTTP_GET, "/x", NULL, NULL);
	assert_int_equal(pages_fail(&F.c, 503), 503);
	assert_non_null(strstr(headers(), "Retry-After: 2\r\n"));
	done();
}

static void
test_render_layout_signed_in(void **state)
{
	struct view_dict *body = view_dict_new();

	(void)state;
	mk(HTTP_GET, "/cart", NULL, NULL);
	F.c.user.user_id = 3;
	F.c.user.role = ROLE_SHOPPER;
	snprintf(F.c.user.name, sizeof(F.c.user.name), "<b>Ann</b>");
	snprintf(F.c.user.csrf, sizeof(F.c.user.csrf), "%s", "feedc0de");
	view_set(body, "HEADING", "Hello");
	view_set(body, "MESSAGE", "<script>alert(1)</script>");
	assert_int_equal(page_render(&F.c, "error.tpl", body, "Cart & co"), 200);
	assert_non_null(strstr(buf_str(&F.resp.body), "<title>Cart &amp; co · mallpay</title>"));
	assert_non_null(strstr(buf_str(&F.resp.body), "&lt;b&gt;Ann&lt;/b&gt;"));
	assert_non_null(strstr(buf_str(&F.resp.body),
	    "<input type=\"hidden\" name=\"csrf\" value=\"feedc0de\">"));
	assert_non_null(strstr(buf_str(&F.resp.body), "action=\"/signout\""));
	assert_non_null(strstr(buf_str(&F.resp.body), "href=\"/cart\" aria-current=\"page\""));
	assert_null(strstr(buf_str(&F.resp.body), "<script>"));
	assert_null(strstr(buf_str(&F.resp.body), "href=\"/signin\""));
	assert_non_null(strstr(buf_str(&F.resp.body), "<link rel=\"stylesheet\" href=\"/static/app.css\">"));
	view_dict_free(body);
	done();
}

static void
test_render_redirect_stays_local(void **state)
{
	(void)state;
	mk(HTTP_GET, "/", NULL, NULL);
	assert_int_equal(page_redirect(&F.c, "//evil.example/x"), 303);
	assert_non_null(strstr(headers(), "Location: /\r\n"));
	done();
	assert_true(page_local_path("/orders/1?x=y"));
	assert_false(page_local_path("https://evil.example/"));
	assert_false(page_local_path("/\\evil.example"));
	assert_false(page_local_path("/a\r\nSet-Cookie: x"));
	assert_false(page_local_path("orders"));
	assert_false(page_local_path(NULL));
}

/* One mapping of results to statuses, the one the pages answer with. */
static void
test_render_page_status_one_mapping(void **state)
{
	(void)state;
	assert_int_equal(page_status(RES_OK), 200);
	assert_int_equal(page_status(RES_DONE), 200);
	assert_int_equal(page_status(RES_INVALID), 400);
	assert_int_equal(page_status(RES_REFUSED), 422);
	assert_int_equal(page_status(RES_NOT_FOUND), 404);
	assert_int_equal(page_status(RES_FORBIDDEN), 403);
	assert_int_equal(page_status(RES_NOT_ALLOWED), 409);
	assert_int_equal(page_status(RES_CHANGED), 409);
	assert_int_equal(page_status(RES_DECIDED), 409);
	assert_int_equal(page_status(RES_KEY_CONFLICT), 409);
	assert_int_equal(page_status(RES_UNAVAILABLE), 503);
	assert_int_equal(page_status(RES_ERROR), 500);
	assert_int_equal(page_status((enum result)99), 500);
	mk(HTTP_GET, "/", NULL, NULL);
	assert_int_equal(page_result(&F.c, RES_NOT_FOUND, "No such thing."),
	    404);
	assert_non_null(strstr(buf_str(&F.resp.body), "No such thing."));
	done();
}

/* What needs no database: no object, an admin's object for a shopper, a
 * kind out of range (the route table's mistake, never a pass), a missing
 * order, one's own order, another's, an admin's view of any, a company's
 * order for its members and for others. (A member's look at another
 * member's order reads their permissions: tests/integration.) */
static void
test_target_resolve_without_lookup(void **state)
{
	struct target_actor	a = { 7, 0, 0 }, adm = { 1, 0, 1 },
				mem = { 8, 3, 0 };
	struct target_order	none = { 0, 0, 0 }, mine = { 1, 7, 0 },
				theirs = { 1, 9, 0 }, corp = { 1, 9, 3 };
	struct target_access	acc;

	(void)state;
	assert_int_equal(target_resolve(NULL, &a, TARGET_NONE, &none, &acc),
	    RES_OK);
	assert_int_equal(target_resolve(NULL, &a, TARGET_ADMIN_ORDER, &mine,
	    &acc), RES_FORBIDDEN);
	assert_int_equal(target_resolve(NULL, &a, TARGET__MAX, &mine, &acc),
	    RES_FORBIDDEN);
	assert_int_equal(target_resolve(NULL, &a, TARGET_BUYER_ORDER, &none,
	    &acc), RES_NOT_FOUND);
	assert_int_equal(target_resolve(NULL, &a, TARGET_BUYER_ORDER, &mine,
	    &acc), RES_OK);
	assert_int_equal(acc.reader, 7);
	assert_true(acc.placer && acc.may_act);
	assert_int_equal(target_resolve(NULL, &a, TARGET_BUYER_ORDER, &theirs,
	    &acc), RES_NOT_FOUND);
	assert_int_equal(acc.reader, 0);
	assert_int_equal(target_resolve(NULL, &adm, TARGET_ADMIN_ORDER,
	    &theirs, &acc), RES_OK);
	assert_int_equal(acc.reader, 9);
	assert_int_equal(target_resolve(NULL, &adm, TARGET_ADMIN_ORDER,
	    &none, &acc), RES_NOT_FOUND);
	assert_int_equal(target_resolve(NULL, &mem, TARGET_COMPANY_ORDER,
	    &corp, &acc), RES_OK);
	assert_int_equal(acc.reader, 9);
	assert_false(acc.placer);
	assert_int_equal(target_resolve(NULL, &mem, TARGET_COMPANY_ORDER,
	    &theirs, &acc), RES_NOT_FOUND);
}

/* Every route whose path names an object by ":id" declares what it
 * names, so the router answers 404 for an id that names nothing before
 * the handler runs (the queue export names a queue, not a row). Only the
 * order kinds are read with the session. */
static void
test_routes_declare_their_object(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < page_routes_n; i++) {
		const struct route *rt = &page_routes[i];

		if (strstr(rt->pattern, ":id") == NULL ||
		    strcmp(rt->pattern, "/admin/export/queues/:id") == 0)
			continue;
		if (rt->target == TARGET_NONE)
			print_error("%s declares no object\n", rt->pattern);
		assert_int_not_equal(rt->target, TARGET_NONE);
		assert_true(rt->target > TARGET_NONE &&
		    rt->target < TARGET__MAX);
		assert_int_equal(target_is_order((enum target_kind)rt->target),
		    strncmp(rt->pattern, "/orders/", 8) == 0 ||
		    strncmp(rt->pattern, "/admin/orders/", 14) == 0);
	}
}

int
main(void)
{
	char err[512];
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dispatch_404_friendly_page),
		cmocka_unit_test(test_routes_declare_their_object),
		cmocka_unit_test(test_dispatch_405_with_allow),
		cmocka_unit_test(test_dispatch_health_without_db),
		cmocka_unit_test(test_dispatch_anonymous_sent_to_signin),
		cmocka_unit_test(test_dispatch_post_without_csrf_refused),
		cmocka_unit_test(test_dispatch_fail_pages),
		cmocka_unit_test(test_render_layout_signed_in),
		cmocka_unit_test(test_render_redirect_stays_local),
		cmocka_unit_test(test_render_page_status_one_mapping),
		cmocka_unit_test(test_target_resolve_without_lookup),
	};

	if (sodium_init() < 0)
		return 1;
	if (view_init(TEST_SRCDIR "/templates", err, sizeof(err)) != 0) {
		fprintf(stderr, "view_init: %s\n", err);
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
