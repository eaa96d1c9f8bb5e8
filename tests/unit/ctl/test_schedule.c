/*
 * mallpayctl schedule: the plan (INST-M1..M4) and its APR, as text and
 * JSON; bad arguments name the option and exit 2.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "ctl/schedule.h"

static char *out_text, *err_text;

/* Run ctl_schedule_run on a NULL-terminated argument list; the captured
 * stdout and stderr are left in out_text and err_text. */
static int
run(const char *arg0, ...)
{
	char *argv[32];
	int argc = 0, rc;
	size_t on, en;
	FILE *o, *e;
	va_list ap;
	const char *a;

	free(out_text);
	free(err_text);
	/* Copies: the command may reorder and write its arguments. */
	argv[argc++] = strdup(arg0);
	va_start(ap, arg0);
	while ((a = va_arg(ap, const char *)) != NULL && argc < 31)
		argv[argc++] = strdup(a);
	va_end(ap);
	argv[argc] = NULL;
	o = open_memstream(&out_text, &on);
	e = open_memstream(&err_text, &en);
	rc = ctl_schedule_run(argc, argv, o, e);
	fclose(o);
	fclose(e);
	while (argc > 0)
		free(argv[--argc]);
	return rc;
}

static void
test_INST_M3_schedule_text(void **state)
{
	(void)state;
	assert_int_equal(run("schedule", "--principal", "1200.00",
	    "--currency", "USD", "--months", "12", "--monthly-rate", "1.0",
	    "--fee-mode", "spread", "--start", "2026-01-31", NULL), 0);
	assert_non_null(strstr(out_text, "USD 1,200.00 over 12 months"));
	assert_non_null(strstr(out_text,
	    "  1  2026-02-28              100.00           12.00"
	    "              112.00\n"));
	assert_non_null(strstr(out_text, " 12  2027-01-31 "));
	assert_non_null(strstr(out_text, "Total handling fee: USD 144.00"));
	assert_non_null(strstr(out_text, "Total cost: USD 1,344.00"));
	assert_non_null(strstr(out_text, "21.46%"));
	assert_string_equal(err_text, "");
}

static void
test_INST_M4_schedule_json(void **state)
{
	json_t *root, *inst, *it;
	json_error_t jerr;
	size_t i;

	(void)state;
	assert_int_equal(run("schedule", "--principal=1200.00",
	    "--months=12", "--monthly-rate=1.0", "--fee-mode=upfront",
	    "--start=2026-01-31", "--json", NULL), 0);
	root = json_loads(out_text, 0, &jerr);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root,
	    "currency")), "USD");
	assert_string_equal(json_string_value(json_object_get(root,
	    "total_fee")), "144.00");
	assert_string_equal(json_string_value(json_object_get(root,
	    "apr_percent")), "23.77");
	assert_int_equal(json_integer_value(json_object_get(root, "apr_bp")),
	    2377);
	inst = json_object_get(root, "installments");
	assert_int_equal(json_array_size(inst), 12);
	json_array_foreach(inst, i, it) {
		assert_int_equal(json_integer_value(json_object_get(it, "seq")),
		    (json_int_t)i + 1);
		assert_string_equal(json_string_value(json_object_get(it,
		    "total")), i == 0 ? "244.00" : "100.00");
	}
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(inst, 1), "due")), "2026-03-31");
	json_decref(root);
	/* Zero-decimal currency. */
	assert_int_equal(run("schedule", "--principal", "100000",
	    "--currency", "JPY", "--months", "3", "--monthly-rate", "0.8",
	    "--start", "2026-05-31", "--json", NULL), 0);
	root = json_loads(out_text, 0, &jerr);
	assert_non_null(root);
	it = json_array_get(json_object_get(root, "installments"), 0);
	assert_string_equal(json_string_value(json_object_get(it,
	    "principal")), "33334");
	assert_string_equal(json_string_value(json_object_get(it, "fee")),
	    "800");
	assert_string_equal(json_string_value(json_object_get(it, "due")),
	    "2026-06-30");
	json_decref(root);
}

static void
test_INST_M1_schedule_bad_arguments(void **state)
{
	(void)state;
	assert_int_equal(run("schedule", "--principal", "1,200.00",
	    "--months", "12", "--monthly-rate", "1.0", NULL), 2);
	assert_non_null(strstr(err_text, "--principal"));
	assert_non_null(strstr(err_text, "no thousands separators"));
	assert_int_equal(run("schedule", "--principal", "1200.001",
	    "--months", "12", "--monthly-rate", "1.0", NULL), 2);
	assert_non_null(strstr(err_text, "USD takes at most 2 decimals"));
	assert_int_equal(run("schedule", "--principal", "1200",
	    "--months", "0", "--monthly-rate", "1.0", NULL), 2);
	assert_non_null(strstr(err_text, "--months"));
	assert_int_equal(run("schedule", "--principal", "1200",
	    "--months", "12x", "--monthly-rate", "1.0", NULL), 2);
	assert_non_null(strstr(err_text, "--months"));
	assert_int_equal(run("schedule", "--principal", "1200",
	    "--months", "12", "--monthly-rate", "abc", NULL), 2);
	assert_non_null(strstr(err_text, "--monthly-rate"));
	assert_int_equal(run("schedule", "--principal", "1200",
	    "--months", "12", "--monthly-rate", "101", NULL), 2);
	assert_non_null(strstr(err_text, "--monthly-rate"));
	assert_int_equal(run("schedule", "--principal", "1200",
	    "--months", "12", "--monthly-rate", "1", "--fee-mode", "x", NULL),
	    2);
	assert_non_null(strstr(err_text, "--fee-mode"));
	assert_int_equal(run("schedule", "--principal", "1200",
	    "--months", "12", "--monthly-rate", "1", "--start", "2026-02-30",
	    NULL), 2);
	assert_non_null(strstr(err_text, "--start"));
	assert_int_equal(run("schedule", "--principal", "1200",
	    "--months", "12", "--monthly-rate", "1", "--currency", "XYZ",
	    NULL), 2);
	assert_non_null(strstr(err_text, "--currency"));
	assert_int_equal(run("schedule", "--principal", "0",
	    "--months", "12", "--monthly-rate", "1", NULL), 2);
	assert_non_null(strstr(err_text, "--principal"));
	assert_int_equal(run("schedule", "--months", "12", "--monthly-rate",
	    "1", NULL), 2);
	assert_non_null(strstr(err_text, "--principal is required"));
	assert_int_equal(run("schedule", "--principal", NULL), 2);
	assert_non_null(strstr(err_text, "--principal needs a value"));
	assert_int_equal(run("schedule", "--bogus", "1", NULL), 2);
	assert_non_null(strstr(err_text, "--bogus"));
	assert_int_equal(run("schedule", "stray", NULL), 2);
	assert_non_null(strstr(err_text, "stray"));
	assert_int_equal(run("schedule", "--help", NULL), 0);
	assert_non_null(strstr(out_text, "usage:"));
}

/* Free the captured output at the end. */
static int
teardown(void **state)
{
	(void)state;
	free(out_text);
	free(err_text);
	out_text = err_text = NULL;
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_M3_schedule_text),
		cmocka_unit_test(test_INST_M4_schedule_json),
		cmocka_unit_test(test_INST_M1_schedule_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
