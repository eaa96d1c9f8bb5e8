/*
 * Unit tests of sign-in throttling (rules/signin.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules/signin.h"

static void
test_auth_backoff_starts_after_five_failures(void **state)
{
	(void)state;
	assert_int_equal(auth_backoff(0), 0);
	assert_int_equal(auth_backoff(AUTH_MAX_FAILED - 1), 0);
	assert_int_equal(auth_backoff(AUTH_MAX_FAILED), AUTH_BACKOFF_FIRST);
	assert_int_equal(auth_backoff(AUTH_MAX_FAILED + 1),
	    2 * AUTH_BACKOFF_FIRST);
	assert_int_equal(auth_backoff(AUTH_MAX_FAILED + 2),
	    4 * AUTH_BACKOFF_FIRST);
	/* Capped, and no overflow however many failures. */
	assert_int_equal(auth_backoff(AUTH_MAX_FAILED + 20), AUTH_BACKOFF_MAX);
	assert_int_equal(auth_backoff(1000000), AUTH_BACKOFF_MAX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_auth_backoff_starts_after_five_failures),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
