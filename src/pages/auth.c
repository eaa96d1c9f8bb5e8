/*
 * Sign in, sign out and registration pages:
 *   GET /signin, POST /signin, POST /signout, GET /register, POST /register.
 */
#include <string.h>

#include <sodium.h>

#include "core/i18n.h"
#include "core/log.h"
#include "http/cookie.h"
#include "http/ctx.h"
#include "http/route.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/auth.h"
#include "service/register.h"
#include "view/view.h"

/* See pages.h. */
void
page_auth_req(struct ctx *c, struct auth_req *rq)
{
	memset(rq, 0, sizeof(*rq));
	rq->db = c->db;
	rq->cfg = c->cfg;
	rq->now = c->now;
	rq->remote_addr = c->req != NULL ? c->req->remote_addr : NULL;
	rq->user.user_id = c->user.user_id;
	rq->user.company_id = c->user.company_id;
	rq->user.kind = c->user.role == ROLE_ADMIN ? AUTH_ADMIN :
	    c->user.role == ROLE_COMPANY ? AUTH_COMPANY : AUTH_SHOPPER;
	memcpy(rq->user.name, c->user.name, sizeof(rq->user.name));
	memcpy(rq->user.email, c->user.email, sizeof(rq->user.email));
	memcpy(rq->user.session_hash, c->user.session_hash,
	    sizeof(rq->user.session_hash));
	rq->user.pending_admin_id = c->user.pending_admin_id;
	rq->user.second_factor_at = c->user.second_factor_at;
	rq->user.unread_known = c->user.unread_known;
	rq->user.unread = c->user.unread;
	memcpy(rq->user.language, c->user.language, sizeof(rq->user.language));
	memcpy(rq->user.country, c->user.country, sizeof(rq->user.country));
}

/* See pages.h. */
int
page_auth_take(struct ctx *c, struct auth_req *rq)
{
	const struct auth_user *u = &rq->user;
	int rc = 0;

	c->user.user_id = u->user_id;
	c->user.company_id = u->company_id;
	c->user.role = u->user_id == 0 ? ROLE_ANON : u->kind == AUTH_ADMIN ?
	    ROLE_ADMIN : u->kind == AUTH_COMPANY ? ROLE_COMPANY : ROLE_SHOPPER;
	memcpy(c->user.name, u->name, sizeof(c->user.name));
	memcpy(c->user.email, u->email, sizeof(c->user.email));
	memcpy(c->user.session_hash, u->session_hash,
	    sizeof(c->user.session_hash));
	c->user.pending_admin_id = u->pending_admin_id;
	c->user.second_factor_at = u->second_factor_at;
	c->user.unread_known = u->unread_known;
	c->user.unread = u->unread;
	memcpy(c->user.language, u->language, sizeof(c->user.language));
	memcpy(c->user.country, u->country, sizeof(c->user.country));
	if (rq->token[0] != '\0') {
		buf_reset(&c->set_cookie);
		rc = cookie_format(&c->set_cookie, AUTH_COOKIE, rq->token,
		    (long)c->cfg->session_max, c->cfg->secure_cookies);
		sodium_memzero(rq->token, sizeof(rq->token));
	}
	return rc;
}

/* The one message for a wrong email or a wrong password (never which). */
#define SIGNIN_WRONG	N_("The email or password is not right. Please " \
			"try again.")
#define SIGNIN_LOCKED	N_("Too many failed attempts for this " \
			"account. Please wait a few minutes and try again.")
#define SIGNIN_DISABLED	N_("This admin account is disabled. An owner " \
			"of the console can enable it again.")

const struct field_spec page_signin_get_fields[] = {
	{ "next", FIELD_TEXT, 0, 512, 0, 0 },
	{ "msg", FIELD_TOKEN, 0, 32, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_signin_post_fields[] = {
	{ "email", FIELD_EMAIL, 1, 254, 0, 0 },
	{ "password", FIELD_PASSWORD, 1, 1024, 0, 0 },
	{ "next", FIELD_TEXT, 0, 512, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_register_post_fields[] = {
	{ "email", FIELD_EMAIL, 1, 254, 0, 0 },
	{ "name", FIELD_TEXT, 1, 120, 0, 0 },
	{ "password", FIELD_PASSWORD, 1, 1024, 0, 0 },
	{ "confirm", FIELD_PASSWORD, 1, 1024, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The value typed in field name, valid or not, for refilling the form; NULL
 * when absent or not clean UTF-8 text. */
static const char *
typed(struct ctx *c, const char *name)
{
	const struct field_val *f = ctx_field(c, name);

	if (f == NULL || !f->present || f->str == NULL ||
	    strlen(f->str) != f->len || !utf8_valid(f->str, f->len))
		return NULL;
	return f->str;
}

/* Show section sec with MSG = msg (a text marked N_(), or one already in
 * the reader's words) in the request's language when msg is not NULL. */
static void
show_msg(struct view_dict *d, const char *sec, const char *msg)
{
	struct view_dict *s;

	if (msg == NULL)
		return;
	s = view_add(d, sec);
	view_set(s, "MSG", _(msg));
}

/* Render the sign-in form with status; email (may be NULL) is kept, the
 * password never is. Returns status (500 if rendering failed). */
static int
signin_form(struct ctx *c, int status, const char *email, const char *next,
    const char *form_err, const char *email_err, const char *notice)
{
	struct view_dict	*d = view_dict_new();

	view_set(d, "EMAIL", email != NULL ? email : "");
	if (next != NULL && page_local_path(next)) {
		view_show(d, "NEXT_FIELD");
		view_set(d, "NEXT", next);
	}
	show_msg(d, "FORM_ERROR", form_err);
	show_msg(d, "EMAIL_ERR", email_err);
	show_msg(d, "NOTICE", notice);
	return page_render_free(c, "signin.tpl", d, "Sign in", status);
}

/* GET /signin: the form; ?next= is carried along when it is a local path. */
int
page_signin(struct ctx *c)
{
	static const struct page_notice notices[] = {
		{ "signedout", N_("You are signed out.") },
		{ NULL, NULL }
	};

	return signin_form(c, 200, NULL, ctx_str(c, "next"), NULL, NULL,
	    page_notice(notices, ctx_str(c, "msg")));
}

/* POST /signin: 303 to next (a local path) or /catalog on success; the form
 * again with one message for a wrong email or password (401), a back-off
 * message (401), or a message next to a malformed email (400). */
int
page_signin_post(struct ctx *c)
{
	const char		*email = ctx_str(c, "email");
	const char		*password = ctx_str(c, "password");
	const char		*next = ctx_str(c, "next");
	struct auth_req		 rq;
	int			 rc;

	/* Keep what was typed in the email box, valid or not. */
	if (email == NULL)
		return signin_form(c, 400, typed(c, "email"), next, NULL,
		    N_("Enter your email address, like name@example.com."),
		    NULL);
	if (ctx_field(c, "password") == NULL ||
	    !ctx_field(c, "password")->present)
		return signin_form(c, 400, email, next,
		    N_("Enter your password."), NULL, NULL);
	if (password == NULL)
		/* Too short or too long to be anyone's password: the same
		 * answer as any wrong password. */
		return signin_form(c, 401, email, next, SIGNIN_WRONG, NULL,
		    NULL);

	page_auth_req(c, &rq);
	rc = auth_sign_in(&rq, email, password);
	if ((rc == 0 || rc == 3) && page_auth_take(c, &rq) == -1)
		rc = -1;
	switch (rc) {
	case 0:
		return page_redirect(c, next != NULL && page_local_path(next) ?
		    next : "/catalog");
	case 3:
		return page_signin_code_redirect(c, next);
	case 1:
		return signin_form(c, 401, email, next, SIGNIN_WRONG, NULL,
		    NULL);
	case 2:
		return signin_form(c, 401, email, next, SIGNIN_LOCKED, NULL,
		    NULL);
	case 4:
		return signin_form(c, 403, email, next, SIGNIN_DISABLED, NULL,
		    NULL);
	default:
		return page_error(c, 500, NULL);
	}
}

/* POST /signout: end the session (if any) and go to the sign-in page. */
int
page_signout(struct ctx *c)
{
	struct auth_req rq;

	page_auth_req(c, &rq);
	if (auth_sign_out(&rq) == -1)
		log_warn("signout: the session row could not be deleted");
	(void)page_auth_take(c, &rq);
	(void)cookie_format(&c->set_cookie, AUTH_COOKIE, "", 0,
	    c->cfg->secure_cookies);
	return page_redirect(c, "/signin?msg=signedout");
}

/* Render the registration form with status and the per-field messages.
 * Passwords are never sent back. */
static int
register_form(struct ctx *c, int status, const char *email, const char *name,
    const struct register_errors *err)
{
	struct view_dict	*d = view_dict_new();

	view_set(d, "EMAIL", email != NULL ? email : "");
	view_set(d, "NAME", name != NULL ? name : "");
	if (err != NULL) {
		show_msg(d, "EMAIL_ERR", err->email);
		show_msg(d, "NAME_ERR", err->name);
		show_msg(d, "PASSWORD_ERR", err->password);
		show_msg(d, "CONFIRM_ERR", err->confirm);
		if (err->email || err->name || err->password || err->confirm)
			show_msg(d, "FORM_ERROR", N_("Please correct the "
			    "fields marked below."));
	}
	return page_render_free(c, "register.tpl", d, "Create an account",
	    status);
}

/* GET /register: the empty form. */
int
page_register(struct ctx *c)
{
	return register_form(c, 200, NULL, NULL, NULL);
}


/* POST /register: create the shopper and sign in (303 to the catalog), or the
 * form again (400) with a message next to each wrong field. */
int
page_register_post(struct ctx *c)
{
	struct register_input	 in;
	struct register_errors	 err;
	const struct field_val	*pw;
	struct auth_req		 rq;
	int			 rc;

	in.email = ctx_str(c, "email");
	in.name = ctx_str(c, "name");
	in.password = ctx_str(c, "password");
	in.confirm = ctx_str(c, "confirm");
	/* The field validator allows 8 characters for sign-in; here any
	 * refused password is explained with this page's own rule. */
	pw = ctx_field(c, "password");
	if (in.password == NULL && pw != NULL && pw->present &&
	    pw->str != NULL && strlen(pw->str) == pw->len)
		in.password = pw->str;
	pw = ctx_field(c, "confirm");
	if (in.confirm == NULL && pw != NULL && pw->present &&
	    pw->str != NULL && strlen(pw->str) == pw->len)
		in.confirm = pw->str;

	page_auth_req(c, &rq);
	rc = register_shopper(&rq, &in, &err);
	if (rc == 0 && page_auth_take(c, &rq) == -1)
		rc = -1;
	if (rc == 0)
		return page_redirect(c, "/catalog?msg=welcome");
	if (rc == 1) {
		/* A message of the field validator beats a generic one. */
		if (err.email != NULL && in.email == NULL &&
		    typed(c, "email") != NULL && typed(c, "email")[0] != '\0')
			err.email = N_("Enter a valid email address, like "
			    "name@example.com.");
		if (err.name != NULL && ctx_field_err(c, "name") != NULL &&
		    typed(c, "name") != NULL && typed(c, "name")[0] != '\0')
			err.name = ctx_field_err(c, "name");
		return register_form(c, 400, typed(c, "email"),
		    typed(c, "name"), &err);
	}
	return page_error(c, 500, NULL);
}
