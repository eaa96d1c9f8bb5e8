#ifndef MALLPAY_VIEW_CHART_H
#define MALLPAY_VIEW_CHART_H

/*
 * Charts drawn by the server as SVG (the money reports): grouped bars or
 * lines over labelled points, a y axis with labelled ticks from zero, a
 * title and a description for screen readers (<title>, <desc>, role
 * "img"). Pure: no I/O, every text escaped for XML. Amounts are integer
 * minor units of a currency (core/money.h) or plain counts.
 */

#include <stddef.h>
#include <stdint.h>

struct buf;

enum chart_kind {
	CHART_BARS,	/* one bar per series at each point, side by side */
	CHART_LINES	/* one polyline per series */
};

struct chart_series {
	const char	*name;		/* shown in the legend */
	const int64_t	*v;		/* one value per point */
};

#define CHART_MAX_SERIES	8

struct chart {
	enum chart_kind			 kind;
	const char			*id;	/* the svg element's id */
	const char			*title;
	const char			*desc;
	const char *const		*labels;	/* one per point */
	size_t				 n;		/* points */
	const struct chart_series	*series;
	size_t				 nseries;	/* 1..CHART_MAX_SERIES */
	const char			*currency;	/* NULL: the values are counts */
};

/* Chart geometry (the svg's viewBox is 0 0 CHART_W CHART_H). */
#define CHART_W		640
#define CHART_H		300
#define CHART_LEFT	96	/* room for the y labels */
#define CHART_TOP	24
#define CHART_BOTTOM	56	/* room for the x labels and the legend */
#define CHART_RIGHT	16
#define CHART_TICKS	4	/* y ticks above zero */

/* Append the SVG of c to out. The y axis runs from zero (or the lowest
 * value, when one is negative) to the highest value rounded up to a
 * multiple of CHART_TICKS, its tick labels amounts of c->currency
 * ("USD 1,250.00") or counts. Returns 0, or -1 when c is malformed (no
 * series, too many, a NULL value array). */
int	chart_svg(const struct chart *c, struct buf *out);

#endif
