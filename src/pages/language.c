/*
 * The language of the pages: chosen per request, switched on every page,
 * kept on the account (GET /account/language) or, for guests, in a cookie.
 */

#include <stdio.h>
#include <string.h>

#include "http/accept_lang.h"
#include "http/cookie.h"
#include "http/ctx.h"
#include "http/response.h"
#include "pages/language.h"
#include "pages/render.h"
#include "service/language.h"

#define LANG_COOKIE_AGE	(365L * 24 * 3600)

const struct field_spec page_language_fields[] = {
	{ "lang", FIELD_TOKEN, 1, 8, 0, 0 },
	{ "next", FIELD_TEXT, 0, 512, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* See language.h. */
enum lang
lang_choose(const char *account, const char *cookie, const char *accept,
    const char *country)
{
	enum lang l;
	int n;

	if (account != NULL && i18n_parse_tag(account, &l) == 0)
		return l;
	if (cookie != NULL && i18n_parse_tag(cookie, &l) == 0)
		return l;
	/* No header at all: a script, not a browser (every browser sends
	 * one); the country speaks only for a browser that names no
	 * language of ours. */
	if (accept == NULL || *accept == '\0')
		return LANG_EN;
	if (accept_lang_choose(accept, i18n_pick, &n) == 0)
		return (enum lang)n;
	if ((n = language_of_country(country)) != -1)
		return (enum lang)n;
	return LANG_EN;
}

/* True when path is prefix itself or below it. */
static int
path_under(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(path, prefix, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/' || path[n] == '?');
}

/* See language.h. */
enum lang
lang_for_path(enum lang l, const char *path)
{
	if (l == LANG_EN || l == LANG_ZH || path == NULL)
		return l;
	if (path_under(path, "/admin") || path_under(path, "/console"))
		return LANG_EN;
	return l;
}

/* See language.h. */
enum lang
lang_choose_admin(const char *account, const char *accept)
{
	enum lang l;
	int n;

	if (account != NULL && i18n_parse_tag(account, &l) == 0 &&
	    i18n_admin_speaks(l))
		return l;
	if (accept != NULL && *accept != '\0' &&
	    accept_lang_choose(accept, i18n_pick_admin, &n) == 0)
		return (enum lang)n;
	return LANG_EN;
}

/* 1 when c is a page of the admin console (a path under /admin). */
static int
admin_page(const struct ctx *c)
{
	return c->req != NULL &&
	    path_under(c->req->path, "/admin");
}

/* See language.h. */
void
page_language(struct ctx *c)
{
	const char *cookie = ctx_cookie(c, LANG_COOKIE, NULL);

	if (admin_page(c)) {
		i18n_use(lang_choose_admin(c->user.user_id != 0 ?
		    c->user.language : NULL, c->req->accept_language));
		return;
	}
	i18n_use(lang_for_path(lang_choose(c->user.user_id != 0 ?
	    c->user.language : NULL, cookie, c->req != NULL ?
	    c->req->accept_language : NULL, c->user.user_id != 0 ?
	    c->user.country : NULL), c->req != NULL ? c->req->path : NULL));
}

/* See language.h. */
void
page_language_layout(struct ctx *c, struct view_dict *layout)
{
	enum lang cur = i18n_current();
	int l;

	view_set(layout, "LANG", i18n_tag(cur));
	view_set(layout, "DIR", i18n_dir(cur));
	view_set(layout, "LANG_NEXT", c->req != NULL ? c->req->path : "/");
	for (l = 0; l < LANG_COUNT; l++) {
		struct view_dict *s;

		if (admin_page(c) && !i18n_admin_speaks((enum lang)l))
			continue;
		s = view_add(layout, "LANGS");

		view_set(s, "TAG", i18n_tag((enum lang)l));
		view_set(s, "NAME", i18n_native_name((enum lang)l));
		if ((enum lang)l == cur)
			view_show(s, "CURRENT");
	}
}

/* POST /language: lang (a tag, or "auto" to let the browser decide) for
 * the account, or in a cookie for a guest; then back to next. */
int
page_language_post(struct ctx *c)
{
	const char *tag = ctx_str(c, "lang"), *next = ctx_str(c, "next");
	int clear = tag != NULL && strcmp(tag, "auto") == 0;
	enum lang l = LANG_EN;
	struct buf sc;

	if (tag == NULL || (!clear && i18n_parse_tag(tag, &l) == -1))
		return page_error(c, 400, _("Choose one of the languages "
		    "offered."));
	if (c->user.user_id != 0) {
		enum result r = language_set(c->db, c->user.user_id, l, clear);

		if (r != RES_OK)
			return page_result(c, r, NULL);
	}
	buf_init(&sc);
	if (cookie_format(&sc, LANG_COOKIE, clear ? "" : i18n_tag(l),
	    clear ? 0 : LANG_COOKIE_AGE, c->cfg->secure_cookies) == 0)
		resp_header(c->resp, "Set-Cookie", buf_str(&sc));
	buf_cleanup(&sc);
	return page_redirect(c, next != NULL && page_local_path(next) ?
	    next : "/");
}

/* GET /account/language: the account's language, or "as the browser
 * says". */
int
page_account_language(struct ctx *c)
{
	struct view_dict *d = view_dict_new();
	enum lang set;
	int l, chosen = i18n_parse_tag(c->user.language, &set) == 0;

	for (l = 0; l < LANG_COUNT; l++) {
		struct view_dict *s = view_add(d, "LANGS");

		view_set(s, "TAG", i18n_tag((enum lang)l));
		view_set(s, "NAME", i18n_native_name((enum lang)l));
		if (chosen && (enum lang)l == set)
			view_show(s, "CHECKED");
	}
	if (!chosen)
		view_show(d, "AUTO_CHECKED");
	return page_render_free(c, "account_language.tpl", d, "Language",
	    200);
}
