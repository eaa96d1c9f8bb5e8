/*
 * Unit tests of the pure parts of the app's services: session expiry,
 * registration checks, cart totals per currency (the sign-in back-off is
 * tested in test_signin.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/money.h"
#include "service/auth.h"
#include "service/cart.h"
#include "service/register.h"

static void
test_auth_session_idle_and_absolute_expiry(void **state)
{
	int64_t now = 1700000000;

	(void)state;
	/* Seen a minute ago, ends tomorrow, 30 min idle: alive. */
	assert_true(auth_session_live(now - 60, now + 86400, now, 1800));
	/* Idle exactly the limit: over. */
	assert_false(auth_session_live(now - 1800, now + 86400, now, 1800));
	assert_true(auth_session_live(now - 1799, now + 86400, now, 1800));
	/* Active a second ago but past the absolute end: over. */
	assert_false(auth_session_live(now - 1, now, now, 1800));
	assert_false(auth_session_live(now - 1, now - 5, now, 1800));
	assert_true(auth_session_live(now - 1, now + 1, now, 1800));
}

static void
test_register_check_accepts_good_input(void **state)
{
	struct register_input	in = { "ann@example.com", "Ann Lee",
	    "twelve chars", "twelve chars" };
	struct register_errors	err;

	(void)state;
	assert_int_equal(register_check(&in, &err), 0);
	assert_null(err.email);
	assert_null(err.name);
	assert_null(err.password);
	assert_null(err.confirm);
}

static void
test_register_check_password_length_in_characters(void **state)
{
	struct register_input	in = { "ann@example.com", "Ann", "eleven char",
	    "eleven char" };
	struct register_errors	err;

	(void)state;
	assert_int_equal(register_check(&in, &err), 1);
	assert_non_null(err.password);
	assert_non_null(strstr(err.password, "12"));
	/* 12 characters of two bytes each count as 12, not 24; and eleven of
	 * them are refused although they are 22 bytes. */
	in.password = in.confirm = "éééééééééééé";
	assert_int_equal(register_check(&in, &err), 0);
	in.password = in.confirm = "ééééééééééé";
	assert_int_equal(register_check(&in, &err), 1);
	assert_non_null(err.password);
}

static void
test_register_check_reports_every_field(void **state)
{
	struct register_input	in = { "no-at-sign", "   ", "short", "other" };
	struct register_errors	err;

	(void)state;
	assert_int_equal(register_check(&in, &err), 4);
	assert_non_null(err.email);
	assert_non_null(err.name);
	assert_non_null(err.password);
	assert_non_null(err.confirm);

	memset(&in, 0, sizeof(in));
	assert_int_equal(register_check(&in, &err), 4);

	in.email = "a@b";		/* no dot in the domain */
	in.name = "A";
	in.password = "long enough pw";
	in.confirm = "long enough pw!";
	assert_int_equal(register_check(&in, &err), 2);
	assert_non_null(err.email);
	assert_non_null(err.confirm);
}

static void
test_cart_totals_per_currency(void **state)
{
	struct cart_view	v;
	struct money		m;
	char			out[MONEY_STR_MAX];

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(money_set(&m, 189900, "USD"), 0);
	assert_int_equal(cart_view_add_total(&v, &m), 0);
	assert_int_equal(money_set(&m, 22900, "EUR"), 0);
	assert_int_equal(cart_view_add_total(&v, &m), 0);
	assert_int_equal(money_set(&m, 37800, "USD"), 0);
	assert_int_equal(cart_view_add_total(&v, &m), 0);
	assert_int_equal(v.ntotals, 2);
	assert_string_equal(money_display(&v.totals[0], out, sizeof(out)),
	    "USD 2,277.00");
	assert_string_equal(money_display(&v.totals[1], out, sizeof(out)),
	    "EUR 229.00");
}

static void
test_cart_totals_refuse_overflow(void **state)
{
	struct cart_view	v;
	struct money		m;

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(money_set(&m, INT64_MAX - 5, "USD"), 0);
	assert_int_equal(cart_view_add_total(&v, &m), 0);
	assert_int_equal(money_set(&m, 10, "USD"), 0);
	assert_int_equal(cart_view_add_total(&v, &m), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_auth_session_idle_and_absolute_expiry),
		cmocka_unit_test(test_register_check_accepts_good_input),
		cmocka_unit_test(test_register_check_password_length_in_characters),
		cmocka_unit_test(test_register_check_reports_every_field),
		cmocka_unit_test(test_cart_totals_per_currency),
		cmocka_unit_test(test_cart_totals_refuse_overflow),
	};

	return cmocka_run_group_tests_name("app_service", tests, NULL, NULL);
}
