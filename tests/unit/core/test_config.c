/*
 * The configuration's defaults (core/config.h): the worker threads.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/config.h"

/* Four workers a CPU, at least 4 and at most 64. */
static void
test_default_threads_four_a_cpu(void **state)
{
	(void)state;
	assert_int_equal(config_default_threads(1), 4);
	assert_int_equal(config_default_threads(2), 8);
	assert_int_equal(config_default_threads(8), 32);
	assert_int_equal(config_default_threads(16), 64);
	assert_int_equal(config_default_threads(96), 64);
	assert_int_equal(config_default_threads(0), 4);
	assert_int_equal(config_default_threads(-1), 4);
}

/* config_defaults() takes that number for the machine's CPUs. */
static void
test_defaults_take_it(void **state)
{
	struct config c;

	(void)state;
	config_defaults(&c);
	assert_true(c.threads >= 4 && c.threads <= 64);
	assert_int_equal(c.threads % 4, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_threads_four_a_cpu),
		cmocka_unit_test(test_defaults_take_it),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
