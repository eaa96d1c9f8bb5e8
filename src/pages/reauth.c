/*
 * The code asked again before settings change (routes flagged
 * ROUTE_REAUTH): when an admin's last code is older than
 * TOTP_REAUTH_AFTER, the POST is answered with a page asking for the code
 * that carries the form's fields along and posts them again to the same
 * address with the code (reauth_code); a right code lets that POST through
 * to its handler.
 */
#include <string.h>

#include "core/i18n.h"
#include "http/ctx.h"
#include "http/route.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/mfa.h"
#include "view/view.h"

#define REAUTH_FIELD	"reauth_code"

/* The raw value of form field name of c's POST body, or NULL. */
static const char *
form_value(struct ctx *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->req->form.n; i++)
		if (strcmp(c->req->form.v[i].key, name) == 0)
			return c->req->form.v[i].val;
	return NULL;
}

/* The page asking for the code, with the POST's fields kept (but the CSRF
 * token, which the page renews, and the code), status and msg beside the
 * field (NULL none). */
static int
reauth_form(struct ctx *c, int status, const char *msg)
{
	struct view_dict	*d = view_dict_new(), *k;
	const struct param	*p;
	size_t			 i;

	view_set(d, "HEADING", _("Enter your sign-in code again"));
	view_set(d, "INTRO", _("Changes to settings need a code from your "
	    "authenticator app when the last one was entered more than 15 "
	    "minutes ago. What you filled in is kept: enter the code and it "
	    "is saved."));
	view_set(d, "ACTION", c->req->path);
	for (i = 0; i < c->req->form.n; i++) {
		p = &c->req->form.v[i];
		if (strcmp(p->key, "csrf") == 0 ||
		    strcmp(p->key, REAUTH_FIELD) == 0 ||
		    strlen(p->val) != p->len || !utf8_valid(p->val, p->len) ||
		    !utf8_valid(p->key, strlen(p->key)))
			continue;
		k = view_add(d, "KEEP");
		view_set(k, "NAME", p->key);
		view_set(k, "VALUE", p->val);
	}
	page_code_form(d, msg);
	view_set(d, "CODE_NAME", REAUTH_FIELD);
	view_set(d, "BUTTON", _("Confirm and save"));
	return page_render_free(c, "signin_code.tpl", d, "Sign-in code",
	    status);
}

/* See pages.h. */
int
page_reauth(struct ctx *c)
{
	const char	*code;
	struct auth_req	 rq;
	enum mfa_result	 r;
	int		 st;

	if (c->user.role != ROLE_ADMIN ||
	    !mfa_reauth_due(c->user.second_factor_at, c->now))
		return 0;
	if ((code = form_value(c, REAUTH_FIELD)) == NULL)
		return reauth_form(c, 401, NULL);
	if (strlen(code) > 32)
		return reauth_form(c, 401, page_code_message(MFA_WRONG, &st));
	page_auth_req(c, &rq);
	r = mfa_reauth(&rq, code);
	if (r == MFA_OK)
		return page_auth_take(c, &rq) == 0 ? 0 :
		    page_error(c, 500, NULL);
	if (r == MFA_ERROR || r == MFA_NO_USER || r == MFA_NOT_ENROLLED)
		return page_error(c, r == MFA_ERROR ? 500 : 403, NULL);
	return reauth_form(c, 401, page_code_message(r, &st));
}
