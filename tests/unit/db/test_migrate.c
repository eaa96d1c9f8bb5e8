/*
 * Unit tests of the parts of the data layer that need no database:
 * splitting migration scripts (db_script_split) and the --now times of
 * mallpayctl (ctl_parse_time, ctl_time_str).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "ctl/ctl.h"
#include "db/migrate.h"

/* db_script_split: comments never end statements, ';' ends one only at
 * the end of a line, and text left without ';' is reported. */
struct split_acc {
	struct buf	 all;
	int		 n;
};

static int
split_cb(void *arg, const char *s, size_t len, int line)
{
	struct split_acc *a = arg;

	buf_printf(&a->all, "%d:", line);
	buf_append(&a->all, s, len);
	buf_putc(&a->all, '|');
	a->n++;
	return 0;
}

static void
test_script_split(void **state)
{
	static const char text[] =
	    "-- a comment;\n"
	    "CREATE TABLE a (x INT, -- inline; not the end\n"
	    "  s VARCHAR(3) DEFAULT ';');\n"
	    "\n"
	    "  INSERT INTO a VALUES (1, 'a;b'); \n"
	    "SELECT 1;";
	struct split_acc a;
	int line = 0;

	(void)state;
	buf_init(&a.all);
	a.n = 0;
	assert_int_equal(db_script_split(text, sizeof(text) - 1, split_cb, &a,
	    &line), 0);
	assert_int_equal(a.n, 3);
	assert_string_equal(buf_str(&a.all),
	    "2:CREATE TABLE a (x INT, -- inline; not the end\n"
	    "s VARCHAR(3) DEFAULT ';')|"
	    "5:INSERT INTO a VALUES (1, 'a;b')|"
	    "6:SELECT 1|");
	buf_reset(&a.all);
	assert_int_equal(db_script_split("SELECT 1;\nSELECT 2\n", 19,
	    split_cb, &a, &line), -2);
	assert_int_equal(line, 2);
	buf_cleanup(&a.all);
}

/* Stopping from the callback stops the split and returns -1. */
static int
stop_cb(void *arg, const char *s, size_t len, int line)
{
	(void)s;
	(void)len;
	(void)line;
	(*(int *)arg)++;
	return -1;
}

static void
test_script_split_stop_and_empty(void **state)
{
	int n = 0, line = 0;

	(void)state;
	assert_int_equal(db_script_split("SELECT 1;\nSELECT 2;\n", 20,
	    stop_cb, &n, &line), -1);
	assert_int_equal(n, 1);
	n = 0;
	assert_int_equal(db_script_split("-- only a comment;\n\n  \n",
	    strlen("-- only a comment;\n\n  \n"), stop_cb, &n, &line), 0);
	assert_int_equal(n, 0);
	assert_int_equal(db_script_split("", 0, stop_cb, &n, &line), 0);
}

/* The schema file itself splits into statements that all end properly. */
static void
test_schema_file_splits(void **state)
{
	FILE *f = fopen(TEST_SRCDIR "/sql/001_schema.sql", "r");
	struct split_acc a;
	char chunk[4096];
	struct buf text;
	size_t n;
	int line = 0;

	(void)state;
	assert_non_null(f);
	buf_init(&text);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&text, chunk, n);
	fclose(f);
	buf_init(&a.all);
	a.n = 0;
	assert_int_equal(db_script_split(text.data, text.len, split_cb, &a,
	    &line), 0);
	assert_true(a.n >= 20);
	/* No FLOAT, DOUBLE or REAL column anywhere (RULES C-01); the
	 * statements, comments stripped, are in a.all. */
	assert_null(strstr(a.all.data, "FLOAT"));
	assert_null(strstr(a.all.data, "DOUBLE"));
	assert_null(strstr(a.all.data, " REAL"));
	buf_cleanup(&text);
	buf_cleanup(&a.all);
}

/* --now accepts exactly YYYY-MM-DD and YYYY-MM-DDTHH:MM:SSZ. */
static void
test_ctl_parse_time(void **state)
{
	int64_t t;
	char out[32];

	(void)state;
	assert_int_equal(ctl_parse_time("2026-12-25", &t), 0);
	assert_int_equal(t, 1798156800);
	assert_int_equal(ctl_parse_time("2026-12-25T13:45:07Z", &t), 0);
	assert_int_equal(t, 1798156800 + 13 * 3600 + 45 * 60 + 7);
	assert_string_equal(ctl_time_str(t, out, sizeof(out)),
	    "2026-12-25T13:45:07Z");
	assert_int_equal(ctl_parse_time("2024-02-29T23:59:59Z", &t), 0);
	assert_int_equal(ctl_parse_time("2025-02-29", &t), -1);
	assert_int_equal(ctl_parse_time("2026-12-25T24:00:00Z", &t), -1);
	assert_int_equal(ctl_parse_time("2026-12-25T12:60:00Z", &t), -1);
	assert_int_equal(ctl_parse_time("2026-12-25T12:00:00", &t), -1);
	assert_int_equal(ctl_parse_time("2026-12-25 12:00:00Z", &t), -1);
	assert_int_equal(ctl_parse_time("2026-12-25T1a:00:00Z", &t), -1);
	assert_int_equal(ctl_parse_time("1798156800", &t), -1);
	assert_int_equal(ctl_parse_time("", &t), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_script_split),
		cmocka_unit_test(test_script_split_stop_and_empty),
		cmocka_unit_test(test_schema_file_splits),
		cmocka_unit_test(test_ctl_parse_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
