/*
 * Hostile input through the real stack. Every declared field of
 * every POST route in the route table (so forms added later are covered
 * without a change here) receives, one at a time, over-long text, invalid
 * UTF-8, a NUL byte, negative, huge and over-precise numbers, and SQL and
 * HTML metacharacters, with a valid CSRF token and plausible values in the
 * other fields. Each must get a clear answer (never 5xx) and any echo must
 * be HTML-escaped; afterwards `mallpayctl check` must find nothing
 * half-written. Bodies over nginx's limits get 413 before the app.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/http.h"
#include "pages/pages.h"
#include "client.h"
#include "ctl.h"

#define DEMO_PASSWORD	"mallpay-demo"
#define XSS		"<script>alert(1)</script>"

/* Already percent-encoded hostile values. */
static const struct hostile {
	const char	*name;
	const char	*enc;
} hostile[] = {
	{ "sql", "%27%20OR%201%3D1%3B%20DROP%20TABLE%20users%3B%20--" },
	{ "html", "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%26" },
	{ "nul", "abc%00def" },
	{ "invalid utf-8", "%C3%28%FF%FE" },
	{ "overlong utf-8", "%C0%AF" },
	{ "negative", "-1" },
	{ "huge", "999999999999999999999999999999" },
	{ "over-precise", "1.23456789" },
	{ "int64 min", "-9223372036854775808" },
	{ "control", "a%01%1B%7Fb" },
};

#define NHOSTILE	(sizeof(hostile) / sizeof(hostile[0]))

/* A plausible encoded value for field f. */
static void
plausible(const struct field_spec *f, char *out, size_t outsz)
{
	static int n;

	switch (f->type) {
	case FIELD_EMAIL:
		snprintf(out, outsz, "hostile%d-%d%%40test.invalid",
		    (int)getpid(), n++);
		break;
	case FIELD_PASSWORD:
		snprintf(out, outsz, "long+enough+password");
		break;
	case FIELD_DATE:
		snprintf(out, outsz, "2030-01-01");
		break;
	case FIELD_TEXT:
		snprintf(out, outsz, "Plain+text");
		break;
	default:
		snprintf(out, outsz, "1");
	}
}

/* A client for a caller the route's mask admits: anonymous when it admits
 * anonymous callers (sign-in and registration), else a demo user. */
static struct client *
client_for(unsigned roles)
{
	struct client *cl = client_new();
	const char *email = NULL;

	if (roles & ROLE_ANON)
		return cl;
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

/* Signed-in clients of the three kinds of caller, kept from one request
 * to the next (a sign-in hashes a password, and an admin's adds the code
 * step), with their CSRF tokens; a client whose session a request ended is
 * dropped and signed in again. */
static struct kept {
	unsigned	 role;
	struct client	*cl;
	char		*tok;
} kept[] = { { ROLE_SHOPPER, NULL, NULL }, { ROLE_COMPANY, NULL, NULL },
    { ROLE_ADMIN, NULL, NULL } };

/* The kept client for a route admitting roles (signed in when needed),
 * its token into *tok; anonymous callers get a new client (*fresh 1). */
static struct client *
kept_client(unsigned roles, char **tok, int *fresh)
{
	size_t	i;

	*fresh = 0;
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
		if (!(roles & kept[i].role) || (roles & ROLE_ANON))
			continue;
		if (kept[i].cl == NULL) {
			kept[i].cl = client_for(kept[i].role);
			kept[i].tok = client_csrf_of(kept[i].cl, "/catalog");
			assert_non_null(kept[i].tok);
		}
		*tok = kept[i].tok;
		return kept[i].cl;
	}
	*fresh = 1;
	return client_for(roles);
}

/* Drop the kept client cl (its session was ended by a request). */
static void
kept_drop(struct client *cl)
{
	size_t	i;

	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		if (kept[i].cl == cl) {
			client_free(cl);
			free(kept[i].tok);
			kept[i].cl = NULL;
			kept[i].tok = NULL;
		}
}

/* Every hostile value into every declared field of every POST route. */
static void
test_hostile_every_field_of_every_post_route(void **state)
{
	struct buf	 body;
	size_t		 i, h;
	int		 n = 0, bad = 0;

	(void)state;
	buf_init(&body);
	for (i = 0; i < page_routes_n; i++) {
		const struct route *rt = &page_routes[i];
		const struct field_spec *f, *g;
		char path[512], val[128], longv[6001];

		if (rt->method != HTTP_POST || (rt->flags & ROUTE_NO_CSRF) ||
		    strcmp(rt->pattern, "/signout") == 0)
			continue;
		client_route_path(rt->pattern, "1", path, sizeof(path));
		for (f = rt->fields; f != NULL && f->name != NULL; f++) {
			if (strcmp(f->name, "csrf") == 0 ||
			    f->type == FIELD_FILE)
				continue;
			for (h = 0; h <= NHOSTILE; h++) {
				struct client_resp r;
				char *tok = NULL;
				int fresh;
				struct client *cl = kept_client(rt->roles, &tok,
				    &fresh);

				if (fresh) {
					tok = client_csrf_of(cl, "/signin");
					assert_non_null(tok);
				}
				buf_reset(&body);
				buf_printf(&body, "csrf=%s", tok);
				if (fresh)
					free(tok);
				for (g = rt->fields; g->name != NULL; g++) {
					if (strcmp(g->name, "csrf") == 0 ||
					    g->type == FIELD_FILE)
						continue;
					if (g != f) {
						plausible(g, val, sizeof(val));
						buf_printf(&body, "&%s=%s",
						    g->name, val);
					} else if (h == NHOSTILE) {
						/* Over-long: 6000 bytes. */
						memset(longv, 'A', 6000);
						longv[6000] = '\0';
						buf_printf(&body, "&%s=%s",
						    g->name, longv);
					} else
						buf_printf(&body, "&%s=%s",
						    g->name, hostile[h].enc);
				}
				assert_int_equal(client_post(cl, path,
				    buf_str(&body), &r), 0);
				n++;
				if (r.status >= 500 || r.status == 0) {
					print_error("POST %s field %s (%s): %ld\n",
					    path, f->name, h == NHOSTILE ?
					    "over-long" : hostile[h].name,
					    r.status);
					bad++;
				}
				if (client_has(&r, XSS)) {
					print_error("POST %s field %s: the HTML "
					    "came back unescaped\n", path,
					    f->name);
					bad++;
				}
				if (fresh)
					client_free(cl);
				else if ((r.status == 303 && r.location != NULL &&
				    strncmp(r.location, "/signin", 7) == 0) ||
				    r.status == 403)
					kept_drop(cl);
				client_resp_cleanup(&r);
			}
		}
	}
	for (h = 0; h < sizeof(kept) / sizeof(kept[0]); h++)
		if (kept[h].cl != NULL)
			kept_drop(kept[h].cl);
	buf_cleanup(&body);
	print_message("hostile: %d requests, %d bad\n", n, bad);
	assert_true(n > 0);
	assert_int_equal(bad, 0);
	/* Nothing half-written. */
	assert_int_equal(mallpayctl_check(), 0);
}

/* Hostile query strings on every GET route: never 5xx, no raw echo. */
static void
test_hostile_query_every_get_route(void **state)
{
	struct client *cl = client_for(ROLE_SHOPPER);
	size_t i, h;
	int n = 0;

	(void)state;
	for (i = 0; i < page_routes_n; i++) {
		char path[512], url[1024];

		if (page_routes[i].method != HTTP_GET)
			continue;
		client_route_path(page_routes[i].pattern, "1", path,
		    sizeof(path));
		for (h = 0; h < NHOSTILE; h++) {
			const struct field_spec *f = page_routes[i].fields;
			struct client_resp r;

			snprintf(url, sizeof(url), "%s?%s=%s&q=%s&page=%s",
			    path, f != NULL && f->name != NULL ? f->name : "x",
			    hostile[h].enc, hostile[h].enc, hostile[h].enc);
			assert_int_equal(client_get(cl, url, &r), 0);
			if (r.status >= 500 || client_has(&r, XSS))
				fail_msg("GET %s: %ld%s", url, r.status,
				    client_has(&r, XSS) ? " (raw echo)" : "");
			client_resp_cleanup(&r);
			n++;
		}
	}
	print_message("hostile: %d GETs\n", n);
	client_free(cl);
}

/* Bodies over nginx's limits: 413 before the app (11m on the upload
 * paths, 64k elsewhere). */
static void
test_hostile_body_over_limit_413(void **state)
{
	static const struct { const char *path; size_t size; } cases[] = {
		{ "/orders/1/voucher", 12u * 1024 * 1024 },
		{ "/company/documents", 12u * 1024 * 1024 },
		{ "/cart/add", 100u * 1024 },
		{ "/signin", 100u * 1024 },
	};
	struct client *cl = client_for(ROLE_SHOPPER);
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct client_resp r;
		char *body = malloc(cases[i].size + 1);

		assert_non_null(body);
		memcpy(body, "csrf=x&pad=", 11);
		memset(body + 11, 'A', cases[i].size - 11);
		body[cases[i].size] = '\0';
		assert_int_equal(client_post(cl, cases[i].path, body, &r), 0);
		if (r.status != 413)
			fail_msg("POST %s with %zu bytes: %ld, not 413",
			    cases[i].path, cases[i].size, r.status);
		client_resp_cleanup(&r);
		free(body);
	}
	client_free(cl);
	assert_int_equal(mallpayctl_check(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_every_field_of_every_post_route),
		cmocka_unit_test(test_hostile_query_every_get_route),
		cmocka_unit_test(test_hostile_body_over_limit_413),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
