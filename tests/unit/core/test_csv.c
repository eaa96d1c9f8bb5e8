/*
 * CSV writing: RFC 4180 quoting and the neutralizing of cells a
 * spreadsheet would read as a formula (core/csv.h).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/csv.h"

/* One record of text cells, ended, as a string in out. */
static const char *
row(struct buf *out, const char *const *cells, size_t n)
{
	struct csv	w;
	size_t		i;

	buf_reset(out);
	csv_init(&w, out);
	for (i = 0; i < n; i++)
		csv_text(&w, cells[i]);
	csv_end(&w);
	return buf_str(out);
}

static void
test_csv_quoting(void **state)
{
	static const char *const plain[] = { "abc", "", "héllo wörld" };
	static const char *const comma[] = { "a,b", "say \"hi\"", "x" };
	static const char *const lines[] = { "one\ntwo", "cr\rhere", "crlf\r\n" };
	struct buf b;

	(void)state;
	buf_init(&b);
	assert_string_equal(row(&b, plain, 3), "abc,,héllo wörld\r\n");
	assert_string_equal(row(&b, comma, 3),
	    "\"a,b\",\"say \"\"hi\"\"\",x\r\n");
	assert_string_equal(row(&b, lines, 3),
	    "\"one\ntwo\",\"cr\rhere\",\"crlf\r\n\"\r\n");
	buf_cleanup(&b);
}

static void
test_csv_formula_injection(void **state)
{
	static const char *const f[] = { "=1+2", "+SUM(A1)", "-2+3", "@cmd",
	    "\tlead", "=HYPERLINK(\"http://x\",\"a,b\")" };
	struct buf b;

	(void)state;
	buf_init(&b);
	assert_string_equal(row(&b, f, 5),
	    "'=1+2,'+SUM(A1),'-2+3,'@cmd,'\tlead\r\n");
	/* quoted and neutralized: the apostrophe inside the quotes */
	assert_string_equal(row(&b, f + 5, 1),
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"\r\n");
	/* a CR first is neutralized and quoted */
	assert_string_equal(row(&b, (const char *const[]){ "\rx" }, 1),
	    "\"'\rx\"\r\n");
	/* only the first byte counts */
	assert_string_equal(row(&b, (const char *const[]){ "a=b-c" }, 1),
	    "a=b-c\r\n");
	buf_cleanup(&b);
}

static void
test_csv_numbers(void **state)
{
	struct buf	b;
	struct csv	w;

	(void)state;
	buf_init(&b);
	csv_init(&w, &b);
	csv_number(&w, "12");
	csv_number(&w, "-3.50");
	csv_number(&w, "0.05");
	/* not plain decimals: text cells, neutralized */
	csv_number(&w, "-1+1");
	csv_number(&w, "-");
	csv_number(&w, "1e5");
	csv_number(&w, "3.");
	csv_number(&w, NULL);
	csv_end(&w);
	assert_string_equal(buf_str(&b),
	    "12,-3.50,0.05,'-1+1,'-,1e5,3.,\r\n");
	assert_true(csv_is_decimal("-0.5"));
	assert_false(csv_is_decimal("+1"));
	assert_false(csv_is_decimal(".5"));
	assert_false(csv_is_decimal(""));
	buf_cleanup(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_csv_formula_injection),
		cmocka_unit_test(test_csv_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
