#ifndef MALLPAY_PAGES_RENDER_H
#define MALLPAY_PAGES_RENDER_H

#include "http/http.h"
#include "view/view.h"

/* Render templates/layout.tpl with tpl as the include BODY expanded with body
 * (borrowed: the caller still frees it), title in <title> and <h1>-less header,
 * the nav for c->user, into c->resp. Sets {{CSRF}} in body first, so forms
 * write <input type="hidden" name="csrf" value="{{CSRF}}">.
 * Returns 200, or 500 (with the error page) when expansion failed. */
int	page_render(struct ctx *c, const char *tpl, struct view_dict *body,
	    const char *title);

/* Answer 303 See Other to location (a local path starting with a single '/';
 * anything else is replaced by "/" so user input cannot redirect off-site).
 * Returns 303. */
int	page_redirect(struct ctx *c, const char *location);

/* Fill c->resp with the friendly error page for status (400, 403, 404, 405,
 * 413, 500, ...) with message (NULL: a default sentence for the status).
 * Returns status. */
int	page_error(struct ctx *c, int status, const char *message);

/* 1 if location is a safe local redirect target ("/x", not "//x", no CR/LF,
 * no backslash), else 0. Use it on "next=" parameters. */
int	page_local_path(const char *location);

#endif
