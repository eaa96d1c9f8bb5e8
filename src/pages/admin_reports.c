/*
 * GET /admin/reports: the money reports (service/report.h) of a date
 * range per day, week or month, each a table of exact amounts and its
 * SVG chart drawn by the server (view/chart.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/report.h"
#include "view/chart.h"
#include "view/view.h"

const struct field_spec page_admin_reports_fields[] = {
	{ "period", FIELD_TEXT, 0, 8, 0, 0 },
	{ "from", FIELD_TEXT, 0, 10, 0, 0 },
	{ "to", FIELD_TEXT, 0, 10, 0, 0 },
	{ "currency", FIELD_TEXT, 0, 3, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* Set name in d to value v of series s: an amount or a count. */
static void
set_value(struct view_dict *d, const char *name, const struct report *r,
    const struct report_series *s, int64_t v)
{
	if (s->money)
		page_set_money(d, name, v, r->currency);
	else
		view_set_int(d, name, (long long)v);
}

/* The chart of r into x (CHART, raw SVG from view/chart.c, escaped
 * there). */
static void
add_chart(struct view_dict *x, const struct report *r)
{
	struct chart_series	 s[REPORT_MAX_SERIES];
	const char		*labels[REPORT_MAX_POINTS];
	struct chart		 c;
	struct buf		 svg;
	char			 id[40];
	size_t			 i;

	for (i = 0; i < r->n; i++)
		labels[i] = A_(r->labels[i]);
	for (i = 0; i < r->nchart; i++) {
		s[i].name = A_(r->s[i].name);
		s[i].v = r->s[i].v;
	}
	snprintf(id, sizeof(id), "chart-%s", r->slug);
	memset(&c, 0, sizeof(c));
	c.kind = r->balance ? CHART_LINES : CHART_BARS;
	c.id = id;
	c.title = A_(r->title);
	c.desc = A_(r->desc);
	c.labels = labels;
	c.n = r->n;
	c.series = s;
	c.nseries = r->nchart;
	c.currency = r->s[0].money ? r->currency : NULL;
	buf_init(&svg);
	if (chart_svg(&c, &svg) == 0)
		view_set(view_add(x, "CHART"), "SVG", buf_str(&svg));
	buf_cleanup(&svg);
}

/* Report r as a REPORT section of d: its chart, its table. */
static void
add_report(struct view_dict *d, const struct report *r)
{
	struct view_dict	*x, *row;
	size_t			 i, j;

	x = view_add(d, "REPORT");
	view_set(x, "SLUG", r->slug);
	view_set(x, "TITLE", A_(r->title));
	view_set(x, "DESC", A_(r->desc));
	if (r->ns == 0) {
		view_show(x, "EMPTY");
		return;
	}
	add_chart(x, r);
	x = view_add(x, "DATA");
	view_set(x, "SLUG", r->slug);
	for (j = 0; j < r->ns; j++)
		view_set(view_add(x, "HEAD"), "NAME", A_(r->s[j].name));
	for (i = 0; i < r->n; i++) {
		row = view_add(x, "ROW");
		view_set(row, "LABEL", A_(r->labels[i]));
		for (j = 0; j < r->ns; j++)
			set_value(view_add(row, "CELL"), "VALUE", r, &r->s[j],
			    r->s[j].v[i]);
	}
	view_set(x, "TOTAL_LABEL", r->balance ? A_("At the end") :
	    A_("Total"));
	for (j = 0; j < r->ns; j++)
		set_value(view_add(x, "TOTAL"), "VALUE", r, &r->s[j],
		    r->s[j].total);
}

/* GET /admin/reports. */
int
page_admin_reports(struct ctx *c)
{
	static const char *const periods[] = { "day", "week", "month" };
	static const char *const period_words[] = { NA_("By day"),
	    NA_("By week"), NA_("By month") };
	struct report_range	 range;
	struct report		*r;
	struct view_dict	*d, *o;
	const char		*field;
	char			 err[160], day[CAL_DATE_STRLEN];
	mp_date			 today;
	int			 k, status = 200;

	if (mp_date_from_unix(c->now, &today) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	if (report_range_parse(ctx_str(c, "period"), ctx_str(c, "from"),
	    ctx_str(c, "to"), ctx_str(c, "currency"), today, &range, &field,
	    err, sizeof(err)) != 0) {
		view_set(view_add(d, "ERR_FORM"), "MSG", err);
		view_set(d, "ERR_FIELD", field);
		report_range_parse(NULL, NULL, NULL, NULL, today, &range,
		    &field, err, sizeof(err));
		status = 422;
	}
	for (k = 0; k < 3; k++) {
		o = view_add(d, "PERIOD");
		view_set(o, "VALUE", periods[k]);
		view_set(o, "WORDS", A_(period_words[k]));
		if ((int)range.period == k)
			view_show(o, "SELECTED");
	}
	view_set(d, "FROM", mp_date_str(range.from, day, sizeof(day)));
	view_set(d, "TO", mp_date_str(range.to, day, sizeof(day)));
	view_set(d, "CURRENCY", range.currency);
	r = xcalloc(REPORT__MAX, sizeof(*r));
	if (report_build_all(c->db, &range, c->now, r) == -1) {
		free(r);
		view_dict_free(d);
		return page_error(c, 500, NULL);
	}
	for (k = 0; k < REPORT__MAX; k++) {
		o = view_add(d, "NAV");
		view_set(o, "SLUG", report_slug((enum report_kind)k));
		view_set(o, "TITLE", A_(report_title((enum report_kind)k)));
		add_report(d, &r[k]);
	}
	free(r);
	return page_render_free(c, "admin_reports.tpl", d, "Money reports",
	    status);
}
