/*
 * Page rendering: the shared layout around a page template, redirects and
 * the friendly error page.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/said.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/money.h"
#include "core/words.h"
#include "http/response.h"
#include "pages/language.h"
#include "pages/render.h"
#include "service/inbox.h"
#include "view/fmt.h"
#include "view/view.h"

/* Fill the layout's title and navigation for c's user. */
static void
fill_layout(struct ctx *c, struct view_dict *layout, const char *title)
{
	const char *path = c->req != NULL ? c->req->path : "";

	/* Titles are the handlers' literals, translated here. */
	view_set(layout, "TITLE", title != NULL ? _(title) : "mallpay");
	page_language_layout(c, layout);
	view_set_global(layout, "CSRF", c->user.csrf);
	if (c->user.user_id != 0) {
		view_show(layout, "SIGNED_IN");
		view_set(layout, "USER_NAME", c->user.name[0] != '\0' ?
		    c->user.name : c->user.email);
		if (c->user.role == ROLE_ADMIN)
			view_show(layout, "IS_ADMIN");
		/* corporate: the company account. */
		if (c->user.role == ROLE_COMPANY)
			view_show(layout, "IS_COMPANY");
		/* checkout: the inbox link with its unread count (read
		 * with the session; else one indexed COUNT; no database
		 * in the unit tests). */
		if (c->user.role != ROLE_ADMIN) {
			int64_t unread = c->user.unread_known ?
			    c->user.unread : c->db != NULL ?
			    inbox_unread(c->db, (struct inbox_owner){
			    c->user.user_id, c->user.company_id }) : 0;

			view_show(layout, "SHOPPER");
			/* The credit line and Pay After Use are for consumers:
			 * a company's menu does not offer them. */
			if (c->user.company_id <= 0)
				view_show(layout, "CONSUMER");
			if (unread > 0)
				view_set_int(view_add(layout, "UNREAD"),
				    "COUNT", (long long)unread);
		}
	} else
		view_show(layout, "ANON");
	/* Mark the current section of the site for screen readers. */
	if (strncmp(path, "/catalog", 8) == 0)
		view_show(layout, "NAV_CATALOG");
	else if (strncmp(path, "/cart", 5) == 0)
		view_show(layout, "NAV_CART");
	else if (strncmp(path, "/orders", 7) == 0)
		view_show(layout, "NAV_ORDERS");
	else if (strncmp(path, "/messages", 9) == 0)
		view_show(layout, "NAV_MESSAGES");
}

/* Render layout.tpl with tpl/body as BODY into c->resp. Returns 0 or -1
 * (c->resp->body untouched on -1). */
static int
render_layout(struct ctx *c, const char *tpl, struct view_dict *body,
    const char *title)
{
	struct view_dict *layout = view_dict_new();
	struct buf out;
	int rc;

	buf_init(&out);
	view_set(body, "CSRF", c->user.csrf);
	fill_layout(c, layout, title);
	view_attach(layout, "BODY", tpl, body);
	rc = view_render("layout.tpl", layout, &out);
	view_dict_free(layout);
	if (rc == 0) {
		buf_reset(&c->resp->body);
		buf_append(&c->resp->body, buf_str(&out), out.len);
		c->resp->content_type = "text/html; charset=utf-8";
	}
	buf_cleanup(&out);
	return rc;
}

/* See render.h. */
int
page_render(struct ctx *c, const char *tpl, struct view_dict *body,
    const char *title)
{
	if (render_layout(c, tpl, body, title) == -1)
		return page_error(c, 500, NULL);
	c->resp->status = 200;
	return 200;
}

/* See render.h. */
int
page_render_free(struct ctx *c, const char *tpl, struct view_dict *body,
    const char *title, int status)
{
	int	rc;

	rc = page_render(c, tpl, body, title);
	view_dict_free(body);
	if (rc == 200 && status != 200)
		c->resp->status = rc = status;
	return rc;
}

/* See render.h. */
const char *
page_time(int64_t t, char *out, size_t outsz)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	/* Other languages: their own forms (view/fmt.h). */
	if (i18n_current() != LANG_EN)
		return fmt_time(t, out, outsz);
	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, outsz, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(out, outsz, "-");
	return out;
}

/* See render.h. */
const char *
page_when(int64_t t, char *out, size_t outsz)
{
	if (t <= 0) {
		snprintf(out, outsz, "-");
		return out;
	}
	return page_time(t, out, outsz);
}

/* See render.h. */
const char *
page_day(const char *iso, char *out, size_t outsz)
{
	mp_date	d;

	if (mp_date_parse(iso, strlen(iso), &d) == 0)
		return fmt_date(d, out, outsz);
	snprintf(out, outsz, "%s", iso);
	return out;
}

/* See render.h. */
const char *
page_money(int64_t minor, const char *cur, char *out, size_t outsz)
{
	struct money	m;

	if (money_set(&m, minor, cur) == -1) {
		snprintf(out, outsz, "%lld %s", (long long)minor, cur);
		return out;
	}
	return fmt_money(&m, out, outsz);
}

/* See render.h. */
void
page_set_money(struct view_dict *d, const char *name, int64_t minor,
    const char *cur)
{
	char	f[MONEY_FMT_MAX];

	view_set(d, name, page_money(minor, cur, f, sizeof(f)));
}

/* See render.h. */
void
page_set_count(struct view_dict *d, const char *name, long long n,
    const char *one, const char *many)
{
	char	b[64];
	const char *noun = ngettext(one, many, (unsigned long)(n < 0 ? -n : n));
	const char *at = strstr(noun, "{N}");

	/* English: "3 days". A translation places the number itself with
	 * {N} ("{N} أيام"), or leaves it out where the word says it
	 * ("يومان", two days). */
	if (noun == one || noun == many)
		words_count(b, sizeof(b), n, noun, noun);
	else if (at != NULL)
		snprintf(b, sizeof(b), "%.*s%lld%s", (int)(at - noun), noun, n,
		    at + 3);
	else
		snprintf(b, sizeof(b), "%s", noun);
	view_set(d, name, b);
}

/* See render.h. */
const char *
page_notice(const struct page_notice *notices, const char *msg)
{
	const struct page_notice *n;

	if (msg == NULL)
		return NULL;
	for (n = notices; n->code != NULL; n++)
		if (strcmp(n->code, msg) == 0)
			return n->text;
	return NULL;
}

/* See render.h. */
void
page_notes(struct view_dict *d, const char *notice, const char *error)
{
	if (notice != NULL)
		view_set(view_add(d, "NOTICE"), "MSG", _(notice));
	if (error != NULL)
		view_set(view_add(d, "ERROR"), "MSG", _(error));
}

/* See render.h. */
void
page_admin_notes(struct view_dict *d, const char *notice, const char *error)
{
	page_notes(d, notice != NULL ? A_(notice) : NULL,
	    error != NULL ? A_(error) : NULL);
}

/* See render.h. */
int
page_local_path(const char *loc)
{
	if (loc == NULL || loc[0] != '/' || loc[1] == '/' || loc[1] == '\\')
		return 0;
	/* Control bytes (CR/LF splitting) and backslashes (read as '/'
	 * by some browsers) have no place in our own paths. */
	for (; *loc != '\0'; loc++)
		if ((unsigned char)*loc < 0x20 || *loc == 0x7f || *loc == '\\')
			return 0;
	return 1;
}

/* See render.h. */
int
page_redirect(struct ctx *c, const char *location)
{
	if (!page_local_path(location))
		location = "/";
	buf_reset(&c->resp->body);
	resp_header(c->resp, "Location", location);
	c->resp->status = 303;
	return 303;
}

/* See render.h. */
int
page_redirect_away(struct ctx *c, const char *url)
{
	buf_reset(&c->resp->body);
	resp_header(c->resp, "Location", url);
	c->resp->status = 303;
	return 303;
}

/* The heading and default sentence of an error status. */
static void
error_text(int status, const char **heading, const char **sentence)
{
	switch (status) {
	case 400:
		*heading = N_("Something in the request was wrong");
		*sentence = N_("We could not understand what was sent. Please go "
		    "back, check what you entered and try again.");
		break;
	case 403:
		*heading = N_("Not allowed");
		*sentence = N_("You do not have access to this page. If you "
		    "submitted a form, reload the page and try again.");
		break;
	case 404:
		*heading = N_("Page not found");
		*sentence = N_("We could not find that page. It may have moved, "
		    "or the address may be mistyped.");
		break;
	case 405:
		*heading = N_("Not available this way");
		*sentence = N_("This page cannot be used like that. Please use "
		    "the links and buttons on the site.");
		break;
	case 413:
		*heading = N_("Too large");
		*sentence = N_("What you sent is larger than we accept. Please "
		    "send a smaller file or shorter text.");
		break;
	case 503:
		*heading = N_("Temporarily unavailable");
		*sentence = N_("The service is busy or under maintenance. Please "
		    "try again in a minute.");
		break;
	default:
		if (status >= 500) {
			*heading = N_("Something went wrong");
			*sentence = N_("Something went wrong on our side. Nothing "
			    "was changed. Please try again in a moment.");
		} else {
			*heading = N_("This did not work");
			*sentence = N_("Please go back and try again.");
		}
		break;
	}
}

/* See render.h. */
int
page_status(enum result r)
{
	switch (r) {
	case RES_OK:
	case RES_DONE:
		return 200;
	case RES_INVALID:
		return 400;
	case RES_REFUSED:
		return 422;
	case RES_NOT_FOUND:
		return 404;
	case RES_FORBIDDEN:
		return 403;
	case RES_NOT_ALLOWED:
	case RES_CHANGED:
	case RES_DECIDED:
	case RES_KEY_CONFLICT:
		return 409;
	case RES_UNAVAILABLE:
		return 503;
	case RES_ERROR:
	default:
		return 500;
	}
}

/* See render.h. */
int
page_result(struct ctx *c, enum result r, const char *message)
{
	return page_error(c, page_status(r), message);
}

/* See render.h. Falls back on plain text when even the error page cannot
 * be rendered (a broken layout must not hide the error). */
int
page_error(struct ctx *c, int status, const char *message)
{
	struct view_dict *body;
	const char *heading, *sentence;

	if (status < 400 || status > 599)
		status = 500;
	error_text(status, &heading, &sentence);
	body = view_dict_new();
	/* The callers' sentences are literals, translated here. */
	heading = _(heading);
	message = _(message != NULL ? message : sentence);
	view_set(body, "HEADING", heading);
	view_set(body, "MESSAGE", message);
	view_set_int(body, "STATUS", status);
	if (render_layout(c, "error.tpl", body, heading) == -1) {
		log_err("page_error: cannot render the error page");
		resp_text(c->resp, status, message);
		resp_puts(c->resp, "\n");
	}
	view_dict_free(body);
	c->resp->status = status;
	return status;
}

/* See render.h. */
void
page_set_said(struct view_dict *d, const char *name, const char *stored)
{
	char w[512];

	said_text(stored, NULL, NULL, w, sizeof(w));
	view_set(d, name, w);
}
