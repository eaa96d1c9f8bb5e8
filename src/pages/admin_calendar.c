/*
 * The admin console's calendar and money reference pages (settings role,
 * routes.c): the holidays that move deadlines (C-04) and the exchange
 * rates that USD rules read.
 *   GET  /admin/holidays, POST /admin/holidays/add, /admin/holidays/remove
 *   GET  /admin/fx, POST /admin/fx
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "service/admin.h"
#include "service/admin_view.h"
#include "view/view.h"

const struct field_spec page_admin_holiday_fields[] = {
	{ "day", FIELD_DATE, 1, 0, 0, 0 },
	{ "name", FIELD_TEXT, 0, 100, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_fx_fields[] = {
	{ "currency", FIELD_TOKEN, 1, 3, 0, 0 },
	{ "rate", FIELD_DECIMAL, 1, 24, 0, 0 },
	{ "effective_from", FIELD_DATE, 1, 0, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* s, or "" when NULL (a field absent or invalid). */
static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/* Render the holidays page (status, with an error next to the form). */
static int
holidays_page(struct ctx *c, int status, const char *error,
    const char *notice)
{
	struct db_holiday	*v = NULL;
	struct view_dict	*d, *x;
	size_t			 n = 0, i;
	int			 rc;

	/* A year back is enough to see what recent deadlines skipped. */
	if (admin_holidays(c->db, c->now, &v, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	for (i = 0; i < n; i++) {
		x = view_add(d, "HOLIDAY");
		view_set(x, "DAY", v[i].day);
		view_set(x, "NAME", v[i].name);
	}
	if (n == 0)
		view_show(d, "EMPTY");
	page_admin_notes(d, notice, error);
	rc = page_render_free(c, "admin_holidays.tpl", d, "Holidays", status);
	free(v);
	return rc;
}

/* GET /admin/holidays. */
int
page_admin_holidays(struct ctx *c)
{
	return holidays_page(c, 200, NULL, NULL);
}

/* POST /admin/holidays/add: day and name. */
int
page_admin_holiday_add(struct ctx *c)
{
	const char	*day = ctx_str(c, "day"), *name = ctx_str(c, "name");
	int		 rc;

	if (day == NULL)
		return holidays_page(c, 422, NA_("Day: a date YYYY-MM-DD."), NULL);
	rc = admin_holiday_add(c->db, c->user.user_id, c->now, day,
	    name != NULL ? name : "Holiday");
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 1)
		return holidays_page(c, 409, NA_("That day is already a holiday."),
		    NULL);
	return holidays_page(c, 200, NULL, NA_("Holiday added."));
}

/* POST /admin/holidays/remove: day. */
int
page_admin_holiday_remove(struct ctx *c)
{
	const char	*day = ctx_str(c, "day");
	int		 rc;

	if (day == NULL)
		return holidays_page(c, 422, NA_("Day: a date YYYY-MM-DD."), NULL);
	rc = admin_holiday_remove(c->db, c->user.user_id, c->now, day);
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 1)
		return holidays_page(c, 404, NA_("That day is not a holiday."),
		    NULL);
	return holidays_page(c, 200, NULL, NA_("Holiday removed."));
}

/* Render the exchange-rates page. */
static int
fx_page(struct ctx *c, int status, const char *error, const char *notice)
{
	struct db_fx		*v = NULL;
	struct view_dict	*d, *x;
	size_t			 n = 0, i;
	int			 rc;

	if (admin_fx_rates(c->db, &v, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	for (i = 0; i < n; i++) {
		x = view_add(d, "RATE");
		view_set(x, "CURRENCY", v[i].currency);
		view_set(x, "RATE", v[i].usd_per_unit);
		view_set(x, "FROM", v[i].effective_from);
	}
	page_admin_notes(d, notice, error);
	view_set(d, "F_CURRENCY", or_empty(ctx_str(c, "currency")));
	view_set(d, "F_RATE", or_empty(ctx_str(c, "rate")));
	view_set(d, "F_FROM", or_empty(ctx_str(c, "effective_from")));
	rc = page_render_free(c, "admin_fx.tpl", d, "Exchange rates", status);
	free(v);
	return rc;
}

/* GET /admin/fx. */
int
page_admin_fx(struct ctx *c)
{
	return fx_page(c, 200, NULL, NULL);
}

/* POST /admin/fx: a new rate with the date it takes effect. */
int
page_admin_fx_add(struct ctx *c)
{
	char	err[200];
	int	rc;

	if (c->bad_fields > 0)
		return fx_page(c, 422, NA_("Give a currency (e.g. EUR), a rate "
		    "(USD for one unit) and the date it takes effect."), NULL);
	rc = admin_fx_add(c->db, c->user.user_id, c->now,
	    ctx_str(c, "currency"), ctx_str(c, "rate"),
	    ctx_str(c, "effective_from"), err, sizeof(err));
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 1)
		return fx_page(c, 422, err, NULL);
	return fx_page(c, 200, NULL, NA_("Rate recorded. Orders already quoted "
	    "keep their rate."));
}
