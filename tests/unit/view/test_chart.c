/*
 * Server-drawn SVG charts (view/chart.h): accessible title and
 * description, one bar per series and point with heights in proportion,
 * y ticks labelled in the currency, lines, escaping, refusals.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "view/chart.h"

/* How many times needle occurs in hay. */
static int
count(const char *hay, const char *needle)
{
	int n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* The height attribute of the k-th (from 0) rect of class "bar s<s>". */
static int
bar_height(const char *svg, int s, int k)
{
	char	 cls[32];
	const char *p = svg;
	int	 h = -1;

	snprintf(cls, sizeof(cls), "class=\"bar s%d\"", s);
	for (; k >= 0; k--) {
		p = strstr(p, cls);
		assert_non_null(p);
		p += strlen(cls);
	}
	p = strstr(p, "height=\"");
	assert_non_null(p);
	assert_int_equal(sscanf(p, "height=\"%d\"", &h), 1);
	return h;
}

static void
test_chart_bars_accessible_and_proportional(void **state)
{
	static const int64_t	 a[] = { 100000, 50000, 0 };
	static const int64_t	 b[] = { 25000, 0, 75000 };
	static const char *const labels[] = { "Mar 1", "Mar 2", "Mar 3" };
	const struct chart_series s[] = { { "Card", a }, { "COD <cash>", b } };
	struct chart		 c = { CHART_BARS, "collected", "Collected & more",
				    "Bars per day", labels, 3, s, 2, "USD" };
	struct buf		 out;
	const char		*svg;
	int			 full;

	(void)state;
	buf_init(&out);
	assert_int_equal(chart_svg(&c, &out), 0);
	svg = buf_str(&out);
	assert_non_null(strstr(svg, "role=\"img\""));
	assert_non_null(strstr(svg, "aria-labelledby=\"collected-t "
	    "collected-d\""));
	assert_non_null(strstr(svg, "<title id=\"collected-t\">Collected "
	    "&amp; more</title>"));
	assert_non_null(strstr(svg, "<desc id=\"collected-d\">Bars per day"
	    "</desc>"));
	/* one bar per series and point; the legend escaped */
	assert_int_equal(count(svg, "class=\"bar s0\""), 3);
	assert_int_equal(count(svg, "class=\"bar s1\""), 3);
	assert_non_null(strstr(svg, "COD &lt;cash&gt;"));
	assert_null(strstr(svg, "<cash>"));
	/* the top tick is USD 1,000.00 (step 250.00), so the largest bar
	 * fills the plot, the others in proportion */
	assert_non_null(strstr(svg, ">USD 1,000.00</text>"));
	assert_non_null(strstr(svg, ">USD 250.00</text>"));
	assert_non_null(strstr(svg, ">USD 0.00</text>"));
	full = CHART_H - CHART_TOP - CHART_BOTTOM;
	assert_int_equal(bar_height(svg, 0, 0), full);
	assert_int_equal(bar_height(svg, 0, 1), full / 2);
	assert_int_equal(bar_height(svg, 0, 2), 0);
	assert_int_equal(bar_height(svg, 1, 2), full * 3 / 4);
	/* the x labels and each bar's tooltip */
	assert_non_null(strstr(svg, ">Mar 2</text>"));
	assert_non_null(strstr(svg, "<title>Mar 3: COD &lt;cash&gt; "
	    "USD 750.00</title>"));
	buf_cleanup(&out);
}

static void
test_chart_lines_and_counts(void **state)
{
	static const int64_t	 v[] = { 3, 7, 1, 0 };
	static const char *const labels[] = { "W1", "W2", "W3", "W4" };
	const struct chart_series s[] = { { "Refusals", v } };
	struct chart		 c = { CHART_LINES, "refusals", "COD refusals",
				    "Refusals a week", labels, 4, s, 1, NULL };
	struct buf		 out;
	const char		*svg, *p;

	(void)state;
	buf_init(&out);
	assert_int_equal(chart_svg(&c, &out), 0);
	svg = buf_str(&out);
	assert_int_equal(count(svg, "<polyline"), 1);
	assert_int_equal(count(svg, "<rect class=\"bar"), 0);
	/* counts: step 2, ticks 0..8 with no currency */
	assert_non_null(strstr(svg, ">8</text>"));
	assert_null(strstr(svg, "USD"));
	/* four points, the highest (7 of 8) near the top */
	p = strstr(svg, "points=\"");
	assert_non_null(p);
	assert_int_equal(count(p, ","), 4);
	buf_cleanup(&out);
}

static void
test_chart_negative_and_refusals(void **state)
{
	static const int64_t	 v[] = { -5000, 10000 };
	static const char *const labels[] = { "a", "b" };
	const struct chart_series s[] = { { "Net", v } };
	struct chart		 c = { CHART_BARS, "net", "Net", "Net", labels,
				    2, s, 1, "USD" };
	struct buf		 out;

	(void)state;
	buf_init(&out);
	assert_int_equal(chart_svg(&c, &out), 0);
	/* a negative value extends the axis below zero */
	assert_non_null(strstr(buf_str(&out), ">-USD 50.00</text>") != NULL ?
	    strstr(buf_str(&out), ">-USD 50.00</text>") :
	    strstr(buf_str(&out), ">USD -50.00</text>"));
	buf_reset(&out);
	c.nseries = 0;
	assert_int_equal(chart_svg(&c, &out), -1);
	c.nseries = CHART_MAX_SERIES + 1;
	assert_int_equal(chart_svg(&c, &out), -1);
	buf_cleanup(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chart_bars_accessible_and_proportional),
		cmocka_unit_test(test_chart_lines_and_counts),
		cmocka_unit_test(test_chart_negative_and_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
