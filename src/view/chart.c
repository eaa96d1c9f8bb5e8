/*
 * Server-drawn SVG charts (see chart.h): a y axis from zero with labelled
 * ticks, grouped bars or lines, x labels, a legend, <title> and <desc>.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/money.h"
#include "view/chart.h"

/* Fill colours of the series, dark enough for white text around them. */
static const char *const palette[CHART_MAX_SERIES] = {
	"#1f5fa8", "#c2571a", "#2e7d32", "#8e24aa", "#b71c1c", "#00796b",
	"#5d4037", "#455a64"
};

/* Append s to out with XML's special characters escaped. */
static void
put_text(struct buf *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_putc(out, *s);
		}
	}
}

/* v as the chart's values read: an amount of currency or a count. */
static void
put_value(struct buf *out, const struct chart *c, int64_t v)
{
	char s[MONEY_STR_MAX];

	if (c->currency != NULL)
		put_text(out, money_display_minor(v, c->currency, s, sizeof(s)));
	else
		buf_printf(out, "%" PRId64, v);
}

/* The smallest of 1, 2, 2.5, 5 times a power of ten that is >= v (v > 0). */
static int64_t
nice_step(int64_t v)
{
	int64_t p = 1;

	while (p <= INT64_MAX / 10 && p * 10 <= v)
		p *= 10;
	if (p >= v)
		return p;
	if (p * 2 >= v)
		return p * 2;
	if (p >= 10 && p / 2 * 5 >= v)
		return p / 2 * 5;
	if (p * 5 >= v)
		return p * 5;
	return p * 10;
}

/* The y axis: lo (<= 0) and step, the top being lo + step * CHART_TICKS
 * at least and covering every value. */
struct axis {
	int64_t	lo, step;
	int	ticks;
};

static void
axis_of(const struct chart *c, struct axis *a)
{
	int64_t	hi = 0, lo = 0, v;
	size_t	i, s;

	for (s = 0; s < c->nseries; s++)
		for (i = 0; i < c->n; i++) {
			v = c->series[s].v[i];
			if (v > hi)
				hi = v;
			if (v < lo)
				lo = v;
		}
	a->step = nice_step(hi - lo > CHART_TICKS ? (hi - lo + CHART_TICKS -
	    1) / CHART_TICKS : 1);
	/* amounts: ticks at whole units at least (USD 1.00, not 0.01) */
	for (s = 0, v = 1; c->currency != NULL &&
	    (int)s < money_exponent(c->currency); s++)
		v *= 10;
	if (a->step < v)
		a->step = v;
	a->lo = lo < 0 ? -((-lo + a->step - 1) / a->step) * a->step : 0;
	a->ticks = (int)((hi - a->lo + a->step - 1) / a->step);
	if (a->ticks < 1)
		a->ticks = 1;
}

/* The y coordinate of value v on axis a. */
static int
y_of(const struct axis *a, int64_t v)
{
	const int	ph = CHART_H - CHART_TOP - CHART_BOTTOM;
	__int128	span = (__int128)a->step * a->ticks;

	return CHART_TOP + ph - (int)((__int128)(v - a->lo) * ph / span);
}

/* The y axis with its tick labels and grid lines. */
static void
put_axes(struct buf *out, const struct chart *c, const struct axis *a)
{
	int	i, y;

	for (i = 0; i <= a->ticks; i++) {
		y = y_of(a, a->lo + a->step * i);
		buf_printf(out, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" "
		    "x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>", CHART_LEFT, y,
		    CHART_W - CHART_RIGHT, y);
		buf_printf(out, "<text class=\"tick\" x=\"%d\" y=\"%d\" "
		    "text-anchor=\"end\" font-size=\"11\">", CHART_LEFT - 6,
		    y + 4);
		put_value(out, c, a->lo + a->step * i);
		buf_puts(out, "</text>");
	}
	buf_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
	    "y2=\"%d\" stroke=\"#333\"/>", CHART_LEFT, CHART_TOP, CHART_LEFT,
	    CHART_H - CHART_BOTTOM);
	y = y_of(a, 0);
	buf_printf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
	    "y2=\"%d\" stroke=\"#333\"/>", CHART_LEFT, y,
	    CHART_W - CHART_RIGHT, y);
}

/* The x labels, every k-th when there are many points, and the legend. */
static void
put_labels(struct buf *out, const struct chart *c, int gw)
{
	size_t	i, k = c->n > 12 ? (c->n + 11) / 12 : 1;

	for (i = 0; i < c->n; i += k) {
		buf_printf(out, "<text class=\"xlabel\" x=\"%d\" y=\"%d\" "
		    "text-anchor=\"middle\" font-size=\"11\">",
		    CHART_LEFT + (int)i * gw + gw / 2,
		    CHART_H - CHART_BOTTOM + 16);
		put_text(out, c->labels != NULL ? c->labels[i] : "");
		buf_puts(out, "</text>");
	}
	for (i = 0; i < c->nseries; i++) {
		buf_printf(out, "<g class=\"legend\"><rect x=\"%d\" y=\"%d\" "
		    "width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" "
		    "y=\"%d\" font-size=\"12\">", CHART_LEFT + (int)i * 150,
		    CHART_H - 18, palette[i], CHART_LEFT + (int)i * 150 + 14,
		    CHART_H - 8);
		put_text(out, c->series[i].name);
		buf_puts(out, "</text></g>");
	}
}

/* A point's tooltip: "label: series value". */
static void
put_tip(struct buf *out, const struct chart *c, size_t s, size_t i)
{
	buf_puts(out, "<title>");
	put_text(out, c->labels != NULL ? c->labels[i] : "");
	buf_puts(out, ": ");
	put_text(out, c->series[s].name);
	buf_puts(out, " ");
	put_value(out, c, c->series[s].v[i]);
	buf_puts(out, "</title>");
}

/* The bars or the lines of every series. */
static void
put_marks(struct buf *out, const struct chart *c, const struct axis *a,
    int gw)
{
	int	bw = (gw * 8 / 10) / (int)c->nseries, x, y0, y1;
	size_t	s, i;
	int64_t	v;

	if (bw < 1)
		bw = 1;
	for (s = 0; s < c->nseries; s++) {
		if (c->kind == CHART_LINES)
			buf_printf(out, "<polyline class=\"line s%zu\" "
			    "fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
			    "points=\"", s, palette[s]);
		for (i = 0; i < c->n; i++) {
			v = c->series[s].v[i];
			x = CHART_LEFT + (int)i * gw;
			if (c->kind == CHART_LINES) {
				buf_printf(out, "%s%d,%d", i ? " " : "",
				    x + gw / 2, y_of(a, v));
				continue;
			}
			y0 = y_of(a, v > 0 ? v : 0);
			y1 = y_of(a, v < 0 ? v : 0);
			buf_printf(out, "<rect class=\"bar s%zu\" x=\"%d\" "
			    "y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">",
			    s, x + gw / 10 + (int)s * bw, y0, bw, y1 - y0,
			    palette[s]);
			put_tip(out, c, s, i);
			buf_puts(out, "</rect>");
		}
		if (c->kind == CHART_LINES)
			buf_puts(out, "\"/>");
	}
}

/* See chart.h. */
int
chart_svg(const struct chart *c, struct buf *out)
{
	struct axis	a;
	size_t		s;
	int		gw;

	if (c->nseries == 0 || c->nseries > CHART_MAX_SERIES ||
	    c->series == NULL)
		return -1;
	for (s = 0; s < c->nseries; s++)
		if (c->series[s].v == NULL && c->n > 0)
			return -1;
	axis_of(c, &a);
	gw = c->n > 0 ? (CHART_W - CHART_LEFT - CHART_RIGHT) / (int)c->n : 1;
	if (gw < 1)
		gw = 1;
	buf_puts(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""
	    " role=\"img\"");
	if (c->id != NULL) {
		buf_puts(out, " id=\"");
		put_text(out, c->id);
		buf_puts(out, "\"");
	}
	buf_printf(out, " viewBox=\"0 0 %d %d\" aria-labelledby=\"%s-t %s-d\">",
	    CHART_W, CHART_H, c->id != NULL ? c->id : "chart",
	    c->id != NULL ? c->id : "chart");
	buf_printf(out, "<title id=\"%s-t\">", c->id != NULL ? c->id : "chart");
	put_text(out, c->title);
	buf_printf(out, "</title><desc id=\"%s-d\">",
	    c->id != NULL ? c->id : "chart");
	put_text(out, c->desc);
	buf_puts(out, "</desc>");
	put_axes(out, c, &a);
	put_marks(out, c, &a, gw);
	put_labels(out, c, gw);
	buf_puts(out, "</svg>");
	return 0;
}
