/*
 * Settings pages of the admin console: one page per kind of
 * figure the rules read (service/admin.c's admin_kinds[]), each row its own
 * form; a refused value is shown next to its field with the allowed range.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/admin_view.h"
#include "view/view.h"

#define VNAMES	"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", \
	"v10", "v11"
static const char *const vnames[DB_SK_MAXCOLS] = { VNAMES };

const struct field_spec page_admin_setting_fields[] = {
	{ "key", FIELD_TEXT, 1, 64, 0, 0 },
	{ "v0", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v1", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v2", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v3", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v4", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v5", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v6", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v7", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v8", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v9", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v10", FIELD_TEXT, 0, 64, 0, 0 },
	{ "v11", FIELD_TEXT, 0, 64, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_settings_get_fields[] = {
	{ "saved", FIELD_INT, 0, 0, 0, 100 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* GET /admin/settings: the list of settings pages. */
int
page_admin_settings(struct ctx *c)
{
	struct view_dict	*d, *x;
	size_t			 i;
	int			 rc;

	d = view_dict_new();
	for (i = 0; i < admin_kinds_n; i++) {
		x = view_add(d, "KIND");
		view_set(x, "SLUG", admin_kinds[i].slug);
		view_set(x, "TITLE", admin_kinds[i].title);
		view_set(x, "HELP", admin_kinds[i].help);
	}
	rc = page_render(c, "admin_settings_index.tpl", d, "Settings");
	view_dict_free(d);
	return rc;
}

/* Add the inputs of one field to row dict r: value (as stored, or as
 * posted when posted is not NULL), and its error if any. */
static void
add_field(struct view_dict *r, const struct admin_field *f, size_t i,
    const char *key, const char *stored, const char *posted, const char *err)
{
	struct view_dict	*x, *y;
	char			 val[96];
	size_t			 j;

	x = view_add(r, "FIELD");
	view_set(x, "NAME", vnames[i]);
	view_set(x, "LABEL", f->label);
	view_setf(x, "FID", "%s-%s", key, vnames[i]);
	if (posted != NULL)
		snprintf(val, sizeof(val), "%s", posted);
	else
		admin_field_display(f, stored, val, sizeof(val));
	if (err != NULL && err[0] != '\0') {
		view_set(view_add(x, "ERR"), "MSG", err);
		view_show(x, "INVALID");
	}
	if (f->type == AF_BOOL) {
		y = view_add(x, "CHECK");
		if (strcmp(val, "1") == 0)
			view_show(y, "CHECKED");
		return;
	}
	if (f->type == AF_CHOICE) {
		y = view_add(x, "CHOICE");
		for (j = 0; f->choices[j] != NULL; j++) {
			struct view_dict *o = view_add(y, "OPTION");

			view_set(o, "VALUE", f->choices[j]);
			if (strcmp(val, f->choices[j]) == 0)
				view_show(o, "SELECTED");
		}
		return;
	}
	y = view_add(x, "INPUT");
	view_set(y, "VALUE", val);
}

/* Render the page of kind k; the row bad_key (if not NULL) shows the posted
 * values and errs. Returns status (or 500). */
static int
kind_page(struct ctx *c, const struct admin_kind *k, int status,
    const char *bad_key, char errs[][160], const char *notice)
{
	struct db_setting_row	*v = NULL;
	struct view_dict	*d, *r;
	size_t			 n = 0, i, j, ncols = 0;
	int			 rc, bad;

	if (admin_settings_rows(c->db, k->kind, &v, &n, &ncols) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	view_set(d, "TITLE", k->title);
	view_set(d, "SLUG", k->slug);
	view_set(d, "HELP", k->help);
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", notice);
	if (bad_key != NULL)
		view_set(view_add(d, "ERROR"), "MSG", "The change was not "
		    "saved: see the field marked below.");
	for (i = 0; i < n; i++) {
		r = view_add(d, "ROW");
		view_set(r, "KEY", v[i].key);
		view_set(r, "LABEL", v[i].label);
		bad = bad_key != NULL && strcmp(bad_key, v[i].key) == 0;
		if (bad)
			view_show(r, "BAD");
		for (j = 0; j < ncols; j++)
			add_field(r, admin_kind_field(k, v[i].key, j), j,
			    v[i].key, v[i].vals[j],
			    bad ? (ctx_str(c, vnames[j]) ? ctx_str(c,
			    vnames[j]) : "") : NULL, bad ? errs[j] : NULL);
	}
	rc = page_render(c, "admin_settings.tpl", d, k->title);
	view_dict_free(d);
	admin_settings_free(v, n);
	if (rc == 200 && status != 200)
		c->resp->status = status;
	return rc == 200 ? status : rc;
}

/* GET /admin/settings/:kind. */
int
page_admin_setting_kind(struct ctx *c)
{
	const struct admin_kind	*k = admin_kind_find(ctx_arg(c, 0) ?
				    ctx_arg(c, 0) : "");
	int64_t			 saved = ctx_int(c, "saved", -1);
	char			 msg[128];

	if (k == NULL)
		return page_error(c, 404, NULL);
	if (saved >= 0)
		snprintf(msg, sizeof(msg), "Saved: %lld change(s) recorded in "
		    "the audit trail.", (long long)saved);
	return kind_page(c, k, 200, NULL, NULL, saved >= 0 ? msg : NULL);
}

/* POST /admin/settings/:kind: save one row (key, v0..). 422 with the
 * errors next to the fields when a value is refused. */
int
page_admin_setting_save(struct ctx *c)
{
	const struct admin_kind	*k = admin_kind_find(ctx_arg(c, 0) ?
				    ctx_arg(c, 0) : "");
	const char		*key = ctx_str(c, "key");
	const char		*inputs[DB_SK_MAXCOLS];
	char			 errs[DB_SK_MAXCOLS][160];
	char			 loc[160];
	size_t			 i;
	int			 rc, changed = 0;

	if (k == NULL)
		return page_error(c, 404, NULL);
	/* A form without its row is a bad form, not a missing row. */
	if (key == NULL)
		return page_error(c, 422, "The form does not say which row "
		    "to save; reload the page and use its Save button.");
	memset(errs, 0, sizeof(errs));
	for (i = 0; i < DB_SK_MAXCOLS; i++)
		inputs[i] = ctx_str(c, vnames[i]);
	rc = admin_setting_save(c->db, c->user.user_id, c->now, k, key,
	    inputs, errs, &changed);
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 2)
		return page_error(c, 404, "There is no such row.");
	if (rc == 1)
		return kind_page(c, k, 422, key, errs, NULL);
	snprintf(loc, sizeof(loc), "/admin/settings/%s?saved=%d", k->slug,
	    changed);
	return page_redirect(c, loc);
}
