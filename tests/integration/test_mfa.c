/*
 * Integration tests of the admins' second factor against the private
 * stack (tests/integration/suite.sh): enrollment with the QR code, the
 * code step with a code and with a recovery code (once), a wrong code
 * refused beside the field, a reset by another admin, the shorter admin
 * session and the code asked again before a settings change.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "client.h"
#include "core/buf.h"
#include "db/db.h"
#include "db/stmt.h"
#include "rules/totp.h"
#include "shop.h"

#define ADMIN_EMAIL	"admin@demo.test"
#define TEST_PASSWORD	"correct horse battery"

enum { T_EVENTS, T_SESSION, T__MAX };
static const char *const stmts[T__MAX] = {
	/* T_EVENTS: audit events of a user with one to_state */
	"SELECT COUNT(*) FROM events WHERE subject_type = 'user' AND "
	"subject_id = ? AND to_state = ?",
	/* T_SESSION: a session's lifetime and its code's time */
	"SELECT expires_at - created_at, COALESCE(second_factor_at, 0) "
	"FROM sessions WHERE token_hash = ?",
};

/* A new admin made by mallpayctl create-admin (no TOTP secret: they
 * enroll at the first sign-in); the email into email. */
static void
new_admin(char *email, size_t emailsz, const char *tag)
{
	const char	*ctl = getenv("MALLPAY_CTL");
	const char	*conf = getenv("MALLPAY_CONF");
	struct buf	 cmd;
	FILE		*p;

	assert_non_null(ctl);
	assert_non_null(conf);
	client_unique_email(email, emailsz, tag);
	buf_init(&cmd);
	buf_printf(&cmd, "'%s' -c '%s' create-admin --email '%s' --name "
	    "'Enrolling Admin' >/dev/null", ctl, conf, email);
	p = popen(buf_str(&cmd), "w");
	assert_non_null(p);
	fprintf(p, "%s\n", TEST_PASSWORD);
	assert_int_equal(pclose(p), 0);
	buf_cleanup(&cmd);
}

/* POST email and password to /signin; the Location (malloc'd). */
static char *
password_step(struct client *cl, const char *email, const char *password)
{
	struct client_resp	 r;
	char			*tok, *form, *loc;

	tok = client_csrf_of(cl, "/signin");
	assert_non_null(tok);
	form = client_form("csrf", tok, "email", email, "password", password,
	    NULL);
	assert_int_equal(client_post(cl, "/signin", form, &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	loc = strdup(r.location);
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	return loc;
}

/* POST field=value (and csrf of page) to path into r. */
static void
post_code(struct client *cl, const char *page, const char *path,
    const char *field, const char *value, struct client_resp *r)
{
	char *tok = client_csrf_of(cl, page), *form;

	assert_non_null(tok);
	form = client_form("csrf", tok, field, value, NULL);
	assert_int_equal(client_post(cl, path, form, r), 0);
	free(form);
	free(tok);
}

/* GET path's status. */
static long
status_of(struct client *cl, const char *path)
{
	struct client_resp	r;
	long			st;

	assert_int_equal(client_get(cl, path, &r), 0);
	st = r.status;
	client_resp_cleanup(&r);
	return st;
}

/* Enroll email (signed in with the password on cl, now on the enrollment
 * page): the secret into secret (33 bytes), the recovery codes into
 * codes. Checks the QR code, the wrong first code and the codes page. */
static void
enroll(struct client *cl, char *secret, char codes[10][12])
{
	struct client_resp	 r;
	char			*s, code[7], *p;
	int			 i;

	assert_int_equal(client_get(cl, "/signin/enroll", &r), 0);
	assert_int_equal(r.status, 200);
	/* The QR code is drawn by the server as SVG, no image file. */
	assert_true(client_has(&r, "<svg class=\"qr\""));
	assert_true(client_has(&r, "<path d=\"M"));
	assert_false(client_has(&r, "<img"));
	s = client_between(r.body, "id=\"totp-secret\">", "<");
	assert_non_null(s);
	assert_int_equal(strlen(s), TOTP_SECRET_B32);
	snprintf(secret, TOTP_SECRET_B32 + 1, "%s", s);
	free(s);
	client_resp_cleanup(&r);

	/* A wrong first code: refused beside the field. */
	assert_int_equal(client_totp_code(secret, 0, code), 0);
	code[0] = code[0] == '9' ? '0' : (char)(code[0] + 1);
	post_code(cl, "/signin/enroll", "/signin/enroll", "code", code, &r);
	assert_int_equal(r.status, 401);
	assert_true(client_has(&r, "id=\"code-err\""));
	assert_true(client_has(&r, "That code is not right"));
	client_resp_cleanup(&r);
	assert_int_equal(status_of(cl, "/admin"), 303);

	/* The right one: ten recovery codes, shown once. */
	assert_int_equal(client_totp_code(secret, 0, code), 0);
	post_code(cl, "/signin/enroll", "/signin/enroll", "code", code, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Your recovery codes"));
	p = r.body;
	for (i = 0; i < 10; i++) {
		p = strstr(p, "<li><code>");
		assert_non_null(p);
		p += strlen("<li><code>");
		memcpy(codes[i], p, 11);
		codes[i][11] = '\0';
		assert_non_null(strchr(codes[i], '-'));
	}
	assert_null(strstr(p, "<li><code>"));
	client_resp_cleanup(&r);
	assert_int_equal(status_of(cl, "/admin"), 200);
}

/* Enroll a new admin, sign in with the app's code and with a recovery
 * code, which then never works again; a wrong code is refused beside the
 * field. */
static void
test_mfa_enroll_code_and_recovery_code_once(void **state)
{
	struct client		*cl = client_new(), *b, *c;
	struct client_resp	 r;
	char			 email[128], secret[40], codes[10][12], *loc;

	(void)state;
	new_admin(email, sizeof(email), "mfa-enroll");
	loc = password_step(cl, email, TEST_PASSWORD);
	assert_non_null(strstr(loc, "/signin/code"));
	free(loc);
	/* Past the password only, an admin is nobody yet. */
	assert_int_equal(client_get(cl, "/admin", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location, "/signin/code?next="));
	client_resp_cleanup(&r);
	/* Not enrolled: the code step leads to the enrollment. */
	assert_int_equal(client_get(cl, "/signin/code", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location, "/signin/enroll"));
	client_resp_cleanup(&r);
	enroll(cl, secret, codes);

	/* A second browser: password, then a wrong code, then the app's. */
	b = client_new();
	free(password_step(b, email, TEST_PASSWORD));
	post_code(b, "/signin/code", "/signin/code", "code", "000000", &r);
	if (r.status != 401) {
		/* 000000 was by chance the code: try another. */
		client_resp_cleanup(&r);
		post_code(b, "/signin/code", "/signin/code", "code", "999999",
		    &r);
	}
	assert_int_equal(r.status, 401);
	assert_true(client_has(&r, "id=\"code-err\""));
	assert_true(client_has(&r, "That code is not right"));
	client_resp_cleanup(&r);
	assert_int_equal(status_of(b, "/admin"), 303);
	assert_int_equal(client_code_step(b, "/signin/code", secret), 303);
	assert_int_equal(status_of(b, "/admin"), 200);

	/* A third: a recovery code (typed in lower case) works once. */
	c = client_new();
	free(password_step(c, email, TEST_PASSWORD));
	{
		char lower[12];
		size_t i;

		for (i = 0; i < sizeof(lower); i++)
			lower[i] = (char)tolower((unsigned char)codes[3][i]);
		post_code(c, "/signin/code", "/signin/code", "code", lower,
		    &r);
	}
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(status_of(c, "/admin"), 200);
	client_free(c);
	c = client_new();
	free(password_step(c, email, TEST_PASSWORD));
	post_code(c, "/signin/code", "/signin/code", "code", codes[3], &r);
	assert_int_equal(r.status, 401);
	assert_true(client_has(&r, "id=\"code-err\""));
	client_resp_cleanup(&r);
	assert_int_equal(status_of(c, "/admin"), 303);
	/* Another unused one still works. */
	post_code(c, "/signin/code", "/signin/code", "code", codes[7], &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(status_of(c, "/admin"), 200);
	client_free(c);
	client_free(b);
	client_free(cl);
}

/* Count of the audit events of user id with to_state to. */
static int64_t
events(int64_t id, const char *to)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, T_EVENTS,
	    stmts[T_EVENTS]);

	assert_non_null(q);
	dbq_int(q, id);
	dbq_cstr(q, to);
	return dbq_count(q);
}

/* Another admin resets an admin's second factor: audited, their sessions
 * end, they enroll again; nobody resets their own. */
static void
test_mfa_reset_by_another_admin(void **state)
{
	struct client		*target = client_new(), *admin;
	struct client_resp	 r;
	char			 email[128], secret[40], codes[10][12];
	char			 path[96], *loc, *tok;
	int64_t			 id, me;

	(void)state;
	new_admin(email, sizeof(email), "mfa-reset");
	free(password_step(target, email, TEST_PASSWORD));
	enroll(target, secret, codes);
	id = shop_user_id(email);
	me = shop_user_id(ADMIN_EMAIL);
	assert_int_equal(events(id, "second_factor_enrolled"), 1);

	admin = shop_signin(ADMIN_EMAIL);
	assert_int_equal(client_get(admin, "/admin/sign-in-codes", &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(path, sizeof(path), "/admin/admins/%lld/reset-2fa",
	    (long long)id);
	assert_true(client_has(&r, path));
	client_resp_cleanup(&r);
	tok = client_csrf_of(admin, "/admin/sign-in-codes");
	{
		char *form = client_form("csrf", tok, NULL);

		assert_int_equal(client_post(admin, path, form, &r), 0);
		assert_int_equal(r.status, 303);
		client_resp_cleanup(&r);
		/* One's own: refused. */
		snprintf(path, sizeof(path), "/admin/admins/%lld/reset-2fa",
		    (long long)me);
		assert_int_equal(client_post(admin, path, form, &r), 0);
		assert_int_equal(r.status, 403);
		client_resp_cleanup(&r);
		free(form);
	}
	free(tok);
	assert_int_equal(events(id, "second_factor_reset"), 1);
	assert_int_equal(events(me, "second_factor_reset"), 0);

	/* The target's session ended; at the next sign-in they enroll. */
	assert_int_equal(status_of(target, "/admin"), 303);
	client_free(target);
	target = client_new();
	loc = password_step(target, email, TEST_PASSWORD);
	free(loc);
	assert_int_equal(client_get(target, "/signin/code", &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location, "/signin/enroll"));
	client_resp_cleanup(&r);
	/* The old secret no longer signs in. */
	assert_int_equal(client_get(target, "/signin/enroll", &r), 0);
	assert_false(client_has(&r, secret));
	client_resp_cleanup(&r);
	client_free(target);
	client_free(admin);
}

/* Hex SHA-256 of cl's session token (sessions.token_hash). */
static void
session_hash(struct client *cl, char out[65])
{
	unsigned char	raw[32], h[32];
	char		*tok = client_cookie(cl, "mp_session");
	size_t		 len = 0;

	assert_non_null(tok);
	assert_int_equal(sodium_hex2bin(raw, sizeof(raw), tok, strlen(tok),
	    NULL, &len, NULL), 0);
	assert_int_equal(len, sizeof(raw));
	crypto_hash_sha256(h, raw, sizeof(raw));
	sodium_bin2hex(out, 65, h, sizeof(h));
	free(tok);
}

/* POST a new exchange rate (currency EUR, rate, a far day of this run)
 * with extra (a field and value, or NULL) into r. */
static void
post_fx(struct client *cl, const char *rate, const char *day,
    const char *extra, const char *value, struct client_resp *r)
{
	char *tok = client_csrf_of(cl, "/admin/fx"), *form;

	assert_non_null(tok);
	form = client_form("csrf", tok, "currency", "EUR", "rate", rate,
	    "effective_from", day, extra, value, NULL);
	assert_int_equal(client_post(cl, "/admin/fx", form, r), 0);
	free(form);
	free(tok);
}

/* An admin session lasts 8 hours from the sign-in (shoppers' 12); a
 * settings change 16 minutes after the last code asks for the code again,
 * keeps what was typed, and saves with the right code. The stack runs on
 * the system clock, so the session's code time is moved 16 minutes back
 * instead of the clock forward (the unit tests move the fixed clock). */
static void
test_mfa_settings_ask_code_again_after_15_minutes(void **state)
{
	struct client		*cl;
	struct client_resp	 r;
	struct dbq		*q;
	char			 hash[65], sql[256], day[16], code[7];

	(void)state;
	cl = shop_signin(ADMIN_EMAIL);
	session_hash(cl, hash);
	q = dbq_get(shop_db(), DB_T_TEST, T_SESSION, stmts[T_SESSION]);
	assert_non_null(q);
	dbq_cstr(q, hash);
	assert_int_equal(dbq_exec_fetch(q), 1);
	assert_int_equal(dbq_col_int(q, 0), 8 * 3600);
	assert_true(dbq_col_int(q, 1) > 0);
	dbq_done(q);

	snprintf(day, sizeof(day), "2097-%02d-%02d", (int)(getpid() % 12) + 1,
	    (int)(getpid() % 28) + 1);
	/* Just signed in: saved at once. */
	post_fx(cl, "1.0825", day, NULL, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Rate recorded"));
	client_resp_cleanup(&r);

	snprintf(sql, sizeof(sql), "UPDATE sessions SET second_factor_at = "
	    "second_factor_at - 960 WHERE token_hash = '%s'", hash);
	shop_sql(sql);
	snprintf(day, sizeof(day), "2098-%02d-%02d", (int)(getpid() % 12) + 1,
	    (int)(getpid() % 28) + 1);
	post_fx(cl, "1.0931", day, NULL, NULL, &r);
	assert_int_equal(r.status, 401);
	assert_false(client_has(&r, "Rate recorded"));
	assert_true(client_has(&r, "Enter your sign-in code again"));
	assert_true(client_has(&r, "action=\"/admin/fx\""));
	assert_true(client_has(&r, "name=\"reauth_code\""));
	/* What was typed goes along. */
	assert_true(client_has(&r, "value=\"1.0931\""));
	assert_true(client_has(&r, day));
	client_resp_cleanup(&r);
	/* A wrong code: the page again, a message beside the field. */
	post_fx(cl, "1.0931", day, "reauth_code", "12345x", &r);
	assert_int_equal(r.status, 401);
	assert_true(client_has(&r, "id=\"code-err\""));
	assert_false(client_has(&r, "Rate recorded"));
	client_resp_cleanup(&r);
	/* The right one: saved. */
	assert_int_equal(client_totp_code(client_totp_secret(), 0, code), 0);
	post_fx(cl, "1.0931", day, "reauth_code", code, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Rate recorded"));
	client_resp_cleanup(&r);
	/* And the next change needs no code. */
	snprintf(day, sizeof(day), "2099-%02d-%02d", (int)(getpid() % 12) + 1,
	    (int)(getpid() % 28) + 1);
	post_fx(cl, "1.1012", day, NULL, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "Rate recorded"));
	client_resp_cleanup(&r);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mfa_enroll_code_and_recovery_code_once),
		cmocka_unit_test(test_mfa_reset_by_another_admin),
		cmocka_unit_test(
		    test_mfa_settings_ask_code_again_after_15_minutes),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests_name("integration_mfa", tests, NULL,
	    NULL);
	shop_end();
	return rc;
}
