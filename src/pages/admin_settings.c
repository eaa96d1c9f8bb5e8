/*
 * Settings pages of the admin console: one page per kind of
 * figure the rules read (service/admin.c's admin_kinds[]), each row its own
 * form; a refused value is shown next to its field with the allowed range.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin.h"
#include "service/admin_view.h"
#include "core/i18n.h"
#include "core/words.h"
#include "view/view.h"

#define VNAMES	"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", \
	"v10", "v11"
static const char *const vnames[DB_SK_MAXCOLS] = { VNAMES };

const struct field_spec page_admin_setting_fields[] = {
	{ "key", FIELD_TEXT, 0, 64, 0, 0 },
	{ "section", FIELD_TEXT, 0, 32, 0, 0 },
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

	d = view_dict_new();
	for (i = 0; i < admin_kinds_n; i++) {
		x = view_add(d, "KIND");
		view_set(x, "SLUG", admin_kinds[i].slug);
		view_set(x, "TITLE", A_(admin_kinds[i].title));
		view_set(x, "HELP", A_(admin_kinds[i].help));
	}
	return page_render_free(c, "admin_settings_index.tpl", d,
	    "Settings", 200);
}

/* A choice of a settings field in words: a method as shoppers read it,
 * a fee mode; other codes as they are. */
static const char *
choice_words(const char *code)
{
	return strcmp(code, "spread") == 0 ?
	    A_("Spread over the installments") :
	    strcmp(code, "upfront") == 0 ? A_("Paid up front") :
	    words_method(code);
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
	view_set(x, "LABEL", A_(f->label));
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
			view_set(o, "WORDS", choice_words(f->choices[j]));
			if (strcmp(val, f->choices[j]) == 0)
				view_show(o, "SELECTED");
		}
		return;
	}
	y = view_add(x, "INPUT");
	view_set(y, "VALUE", val);
}

/* Field f of row key shown read-only with its stored value kept in a
 * hidden input (an institution's method once it has plans) into r. */
static void
lock_field(struct view_dict *r, const struct admin_field *f,
    const char *key, const char *name, const char *stored, const char *err)
{
	struct view_dict *x = view_add(r, "FIELD"), *y;

	if (err != NULL && err[0] != '\0')
		view_set(view_add(x, "ERR"), "MSG", err);
	view_set(x, "LABEL", A_(f->label));
	view_setf(x, "FID", "%s-%s", key, name);
	y = view_add(x, "LOCKED");
	view_set(y, "NAME", name);
	view_set(y, "VALUE", stored != NULL ? stored : "");
	view_set(y, "WORDS", words_method(stored != NULL ? stored : ""));
}

/* Render the settings page d of kind k with status, freeing d and the
 * rows v[n]. Returns status (or the render's failure). */
static int
render_page(struct ctx *c, const struct admin_kind *k, struct view_dict *d,
    struct db_setting_row *v, size_t n, int status)
{
	int rc = page_render_free(c, "admin_settings.tpl", d, A_(k->title),
	    status);

	admin_settings_free(v, n);
	return rc;
}

/* The stored value of setting key among v[n], and whether it is there. */
static const struct db_setting_row *
setting_row(const struct db_setting_row *v, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].key, key) == 0)
			return &v[i];
	return NULL;
}

/* 1 if setting key belongs to a section of the platform page. */
static int
in_section(const char *key)
{
	size_t i, j;

	for (i = 0; i < admin_sections_n; i++)
		for (j = 0; j < admin_sections[i].nkeys; j++)
			if (strcmp(admin_sections[i].keys[j], key) == 0)
				return 1;
	return 0;
}

/* Section sec of the platform page into d as a ROW (one form, one save);
 * when bad, the posted values and errs beside its fields. */
static void
add_section(struct ctx *c, struct view_dict *d, const struct admin_kind *k,
    const struct admin_section *sec, const struct db_setting_row *v,
    size_t n, int bad, char errs[][160])
{
	const struct db_setting_row	*row;
	struct view_dict		*r;
	size_t				 i;

	r = view_add(d, "ROW");
	view_setf(r, "FORM_ID", "section-%s", sec->slug);
	view_set(view_add(r, "SECTION_IN"), "SECTION", sec->slug);
	view_set(r, "LABEL", A_(sec->title));
	view_set(view_add(r, "HELP_S"), "TEXT", A_(sec->help));
	if (bad)
		view_show(r, "BAD");
	for (i = 0; i < sec->nkeys; i++) {
		if ((row = setting_row(v, n, sec->keys[i])) == NULL)
			continue;
		add_field(r, admin_kind_field(k, row->key, 0), i, row->key,
		    row->vals[0], bad ? (ctx_str(c, vnames[i]) ? ctx_str(c,
		    vnames[i]) : "") : NULL, bad ? errs[i] : NULL);
	}
}

/* A setting's name as words: "corp_payee_name" -> "Corp payee name". */
static void
humanize(const char *key, char *out, size_t outsz)
{
	size_t i;

	snprintf(out, outsz, "%s", key);
	for (i = 0; out[i] != '\0'; i++)
		if (out[i] == '_')
			out[i] = ' ';
	out[0] = (char)toupper((unsigned char)out[0]);
}

/* The platform settings page: its sections, then any setting in none of
 * them as a form of its own. bad names the section (or setting) whose
 * posted values and errs are shown. Returns status (or 500). */
static int
platform_page(struct ctx *c, const struct admin_kind *k, int status,
    const char *bad, char errs[][160], const char *notice)
{
	struct db_setting_row	*v = NULL;
	struct view_dict	*d, *r;
	char			 label[72];
	size_t			 n = 0, i, ncols = 0;
	int			 b;

	if (admin_settings_rows(c->db, k->kind, &v, &n, &ncols) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	view_set(d, "TITLE", A_(k->title));
	view_set(d, "SLUG", k->slug);
	view_set(d, "HELP", A_("Amounts in USD; each section is saved with "
	    "its own button."));
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", notice);
	if (bad != NULL)
		view_set(view_add(d, "ERROR"), "MSG", A_("The change was not "
		    "saved: see the field marked below."));
	for (i = 0; i < admin_sections_n; i++)
		add_section(c, d, k, &admin_sections[i], v, n, bad != NULL &&
		    strcmp(bad, admin_sections[i].slug) == 0, errs);
	for (i = 0; i < n; i++) {
		if (in_section(v[i].key))
			continue;
		b = bad != NULL && strcmp(bad, v[i].key) == 0;
		r = view_add(d, "ROW");
		view_setf(r, "FORM_ID", "row-%s", v[i].key);
		view_set(view_add(r, "KEY_IN"), "KEY", v[i].key);
		humanize(v[i].key, label, sizeof(label));
		view_set(r, "LABEL", label);
		if (b)
			view_show(r, "BAD");
		add_field(r, admin_kind_field(k, v[i].key, 0), 0, v[i].key,
		    v[i].vals[0], b ? (ctx_str(c, "v0") ? ctx_str(c, "v0") :
		    "") : NULL, b ? errs[0] : NULL);
	}
	return render_page(c, k, d, v, n, status);
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
	int			 bad, locked;

	if (k->kind == DB_SK_PLATFORM)
		return platform_page(c, k, status, bad_key, errs, notice);
	if (admin_settings_rows(c->db, k->kind, &v, &n, &ncols) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	view_set(d, "TITLE", A_(k->title));
	view_set(d, "SLUG", k->slug);
	view_set(d, "HELP", A_(k->help));
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", notice);
	if (bad_key != NULL)
		view_set(view_add(d, "ERROR"), "MSG", A_("The change was not "
		    "saved: see the field marked below."));
	for (i = 0; i < n; i++) {
		r = view_add(d, "ROW");
		view_setf(r, "FORM_ID", "row-%s", v[i].key);
		view_set(view_add(r, "KEY_IN"), "KEY", v[i].key);
		view_set(r, "LABEL", v[i].label);
		bad = bad_key != NULL && strcmp(bad_key, v[i].key) == 0;
		if (bad)
			view_show(r, "BAD");
		locked = k->kind == DB_SK_INSTITUTION &&
		    admin_institution_has_plans(c->db, v[i].key) == 1;
		for (j = 0; j < ncols; j++) {
			if (locked && j == 0) {
				lock_field(r, admin_kind_field(k, v[i].key, j),
				    v[i].key, vnames[j], v[i].vals[j],
				    bad ? errs[j] : NULL);
				continue;
			}
			add_field(r, admin_kind_field(k, v[i].key, j), j,
			    v[i].key, v[i].vals[j],
			    bad ? (ctx_str(c, vnames[j]) ? ctx_str(c,
			    vnames[j]) : "") : NULL, bad ? errs[j] : NULL);
		}
	}
	return render_page(c, k, d, v, n, status);
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
		snprintf(msg, sizeof(msg), A_("Saved: %lld change(s) recorded "
		    "in the audit trail."), (long long)saved);
	return kind_page(c, k, 200, NULL, NULL, saved >= 0 ? msg : NULL);
}

/* POST /admin/settings/:kind: save one row (key, v0..), or one section of
 * the platform settings (section, v0..). 422 with the errors next to the
 * fields when a value is refused; 409 when an institution with plans
 * would change its method. */
int
page_admin_setting_save(struct ctx *c)
{
	const struct admin_kind	*k = admin_kind_find(ctx_arg(c, 0) ?
				    ctx_arg(c, 0) : "");
	const char		*key = ctx_str(c, "key");
	const struct admin_section *sec = admin_section_find(ctx_str(c,
				    "section"));
	const char		*inputs[DB_SK_MAXCOLS];
	char			 errs[DB_SK_MAXCOLS][160];
	char			 loc[160];
	size_t			 i;
	int			 rc, changed = 0;

	if (k == NULL)
		return page_error(c, 404, NULL);
	/* A form without its row is a bad form, not a missing row. */
	if (key == NULL && (sec == NULL || k->kind != DB_SK_PLATFORM))
		return page_error(c, 422, "The form does not say which row "
		    "to save; reload the page and use its Save button.");
	memset(errs, 0, sizeof(errs));
	for (i = 0; i < DB_SK_MAXCOLS; i++)
		inputs[i] = ctx_str(c, vnames[i]);
	if (key == NULL)
		rc = admin_section_save(c->db, c->user.user_id, c->now, sec,
		    inputs, errs, &changed);
	else
		rc = admin_setting_save(c->db, c->user.user_id, c->now, k,
		    key, inputs, errs, &changed);
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 2)
		return page_error(c, 404, "There is no such row.");
	if (rc == 1 || rc == 3)
		return kind_page(c, k, rc == 3 ? 409 : 422, key != NULL ? key :
		    sec->slug, errs, NULL);
	snprintf(loc, sizeof(loc), "/admin/settings/%s?saved=%d", k->slug,
	    changed);
	return page_redirect(c, loc);
}
