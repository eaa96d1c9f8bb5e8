#ifndef MALLPAY_PAGES_RENDER_H
#define MALLPAY_PAGES_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "core/result.h"
#include "http/http.h"
#include "view/view.h"

/* Render templates/layout.tpl with tpl as the include BODY expanded with body
 * (borrowed: the caller still frees it), title in <title> and <h1>-less header,
 * the nav for c->user, into c->resp. Sets {{CSRF}} in body first, so forms
 * write <input type="hidden" name="csrf" value="{{CSRF}}">.
 * Returns 200, or 500 (with the error page) when expansion failed. */
int	page_render(struct ctx *c, const char *tpl, struct view_dict *body,
	    const char *title);

/* page_render(), then free body (NULL is fine) and, when the page rendered
 * (200), answer status instead (e.g. 400 or 409 for a form shown again with
 * its error). Returns status, or 500 when expansion failed. */
int	page_render_free(struct ctx *c, const char *tpl,
	    struct view_dict *body, const char *title, int status);

/* Seconds since the epoch t as "YYYY-MM-DD HH:MM UTC" into out (outsz
 * bytes, 24 are enough); "-" when t cannot be formatted. Returns out. */
const char *page_time(int64_t t, char *out, size_t outsz);

/* page_time(), except that a t of 0 or less (not set) gives "-". */
const char *page_when(int64_t t, char *out, size_t outsz);

/* The calendar day iso ("YYYY-MM-DD") for people into out (64 bytes are
 * enough): the language's date form (view/fmt.h); iso itself when it is
 * no date ("-", ""). Returns out. */
const char *page_day(const char *iso, char *out, size_t outsz);

/* minor units of currency cur for people into out (MONEY_FMT_MAX bytes):
 * the language's form (view/fmt.h, "USD 1,234.50" in English), or
 * "<minor> <cur>" when cur is not a known currency. Returns out. */
const char *page_money(int64_t minor, const char *cur, char *out,
	    size_t outsz);

/* Set name in d to what a service stored (an event's reason, a tracking
 * event's detail, a debt's description) in the reader's words: a fixed
 * sentence in the request's language (core/said.h), other text as is. */
void	page_set_said(struct view_dict *d, const char *name,
	    const char *stored);

/* Set name in d to minor units of currency cur for people ("USD 1,234.50"),
 * or to "<minor> <cur>" when cur is not a known currency. */
void	page_set_money(struct view_dict *d, const char *name, int64_t minor,
	    const char *cur);

/* Set name in d to n with its noun in the right number ("1 day", "3
 * days"; words_count()). */
void	page_set_count(struct view_dict *d, const char *name, long long n,
	    const char *one, const char *many);

/* One ?msg= code a page answers after a redirect and the notice it shows
 * (a text marked N_() or NA_(), translated where it is rendered). */
struct page_notice {
	const char	*code;
	const char	*text;
};

/* The text of the row of notices (ended by a row whose code is NULL)
 * whose code is msg; NULL when msg is NULL or no row has it. */
const char	*page_notice(const struct page_notice *notices,
		    const char *msg);

/* Add to d the NOTICE section with {{MSG}} notice unless notice is NULL,
 * and the ERROR section with {{MSG}} error unless error is NULL (the
 * strings are copied). */
void	page_notes(struct view_dict *d, const char *notice,
	    const char *error);

/* page_notes() on an admin page: notice and error are texts of the
 * console's domain (marked NA_() where written, core/i18n.h), shown in
 * the admin's language; text that is no such text shows as it is. */
void	page_admin_notes(struct view_dict *d, const char *notice,
	    const char *error);

/* A 303 to url on another origin (the bank's hosted card page, whose
 * address the bank gave); the only redirect that leaves the mall. */
int	page_redirect_away(struct ctx *c, const char *url);

/* Answer 303 See Other to location (a local path starting with a single '/';
 * anything else is replaced by "/" so user input cannot redirect off-site).
 * Returns 303. */
int	page_redirect(struct ctx *c, const char *location);

/* Fill c->resp with the friendly error page for status (400, 403, 404, 405,
 * 413, 500, ...) with message (NULL: a default sentence for the status).
 * Returns status. */
int	page_error(struct ctx *c, int status, const char *message);

/* The HTTP status of a use case's result r: the one mapping of results to
 * statuses (200 ok or already done, 400 invalid input, 422 refused, 404
 * not found, 403 forbidden, 409 not allowed now, changed meanwhile,
 * decided already or a reused key, 503 partner unavailable, 500 anything
 * else). */
int	page_status(enum result r);

/* page_error() with the status of r and message (NULL: the default
 * sentence). Returns that status. */
int	page_result(struct ctx *c, enum result r, const char *message);

/* 1 if location is a safe local redirect target ("/x", not "//x", no CR/LF,
 * no backslash), else 0. Use it on "next=" parameters. */
int	page_local_path(const char *location);

#endif
