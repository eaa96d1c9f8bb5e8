/*
 * The admins' code step of sign-in and their enrollment (service/mfa.h):
 *   GET/POST /signin/code, GET/POST /signin/enroll.
 * Both are for an admin past the password step only (a pending session);
 * anyone else is sent to the sign-in page (or an admin to the console).
 */
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/log.h"
#include "http/ctx.h"
#include "http/response.h"
#include "pages/admin_queue.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/mfa.h"
#include "view/qr.h"
#include "view/view.h"

#define CODE_WRONG	N_("That code is not right. Enter the 6 digits " \
			"your authenticator app shows now, or an unused " \
			"recovery code.")
#define CODE_REPLAY	N_("That code was used already. Wait for the app " \
			"to show the next code (a new one every 30 " \
			"seconds) and enter it.")
#define CODE_MISSING	N_("Enter the 6-digit code from your " \
			"authenticator app.")
#define CODE_LOCKED	N_("Too many wrong codes for this account. Please " \
			"wait a few minutes and try again.")

const struct field_spec page_signin_code_get_fields[] = {
	{ "next", FIELD_TEXT, 0, 512, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_signin_code_post_fields[] = {
	{ "code", FIELD_TEXT, 1, 32, 0, 0 },
	{ "next", FIELD_TEXT, 0, 512, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The local path next, or dflt. */
static const char *
next_or(const char *next, const char *dflt)
{
	return next != NULL && page_local_path(next) ? next : dflt;
}

/* See pages.h. */
int
page_signin_step_redirect(struct ctx *c, const char *step, const char *next)
{
	struct buf	loc;
	int		status;

	buf_init(&loc);
	buf_puts(&loc, step);
	if (next != NULL && page_local_path(next)) {
		buf_puts(&loc, "?next=");
		aq_url_encode(&loc, next);
	}
	status = page_redirect(c, buf_str(&loc));
	buf_cleanup(&loc);
	return status;
}

/* See pages.h. */
int
page_signin_code_redirect(struct ctx *c, const char *next)
{
	return page_signin_step_redirect(c, "/signin/code", next);
}

/* Where a request without a pending admin goes: an admin to next (or the
 * console), anyone else to the sign-in page. Returns the status, or 0
 * when c has a pending admin. */
static int
not_pending(struct ctx *c, const char *next)
{
	if (c->user.pending_admin_id != 0)
		return 0;
	if (c->user.user_id != 0 && c->user.role == ROLE_ADMIN)
		return page_redirect(c, next_or(next, "/admin"));
	return page_signin_step_redirect(c, "/signin", next);
}

/* See pages.h. */
void
page_code_form(struct view_dict *d, const char *msg)
{
	struct view_dict *s;

	view_set(d, "CODE_NAME", "code");
	view_set(d, "BUTTON", _("Continue"));
	if (msg == NULL)
		return;
	s = view_add(d, "FORM_ERROR");
	view_set(s, "MSG", _("The code was not accepted."));
	s = view_add(d, "CODE_ERR");
	view_set(s, "MSG", _(msg));
}

/* Render the code step with status and msg beside the field (NULL none). */
static int
code_form(struct ctx *c, int status, const char *next, const char *msg)
{
	struct view_dict *d = view_dict_new();

	view_set(d, "HEADING", _("Enter your sign-in code"));
	view_setf(d, "INTRO", _("Your password is right, %s. Now open your "
	    "authenticator app and enter the code it shows for mallpay."),
	    c->user.email);
	view_set(d, "ACTION", "/signin/code");
	if (next != NULL && page_local_path(next)) {
		view_show(d, "NEXT_FIELD");
		view_set(d, "NEXT", next);
	}
	view_show(d, "RECOVERY_HINT");
	view_show(d, "CANCEL");
	page_code_form(d, msg);
	return page_render_free(c, "signin_code.tpl", d, "Sign-in code",
	    status);
}

/* See pages.h. */
const char *
page_code_message(enum mfa_result r, int *status)
{
	*status = 401;
	switch (r) {
	case MFA_REPLAY:
		return CODE_REPLAY;
	case MFA_THROTTLED:
		return CODE_LOCKED;
	default:
		return CODE_WRONG;
	}
}

/* The start of a POST of a code: 0 with the typed *code, or the status of
 * the answer (no pending admin; no code: form again, 400). */
static int
code_post_start(struct ctx *c, const char *next, const char **code,
    int (*form)(struct ctx *, int, const char *, const char *))
{
	int st;

	if ((st = not_pending(c, next)) != 0)
		return st;
	if ((*code = ctx_str(c, "code")) == NULL)
		return form(c, 400, next, CODE_MISSING);
	return 0;
}

/* Where a code step r that is neither accepted nor a wrong code leads:
 * the other step, the sign-in page, or an error. Returns its status, or 0
 * for a refused code (the caller shows the form again). */
static int
step_detour(struct ctx *c, enum mfa_result r, const char *next)
{
	switch (r) {
	case MFA_NOT_ENROLLED:
		return page_signin_step_redirect(c, "/signin/enroll", next);
	case MFA_ENROLLED:
		return page_signin_code_redirect(c, next);
	case MFA_NO_USER:
		return page_signin_step_redirect(c, "/signin", next);
	case MFA_WRONG:
	case MFA_REPLAY:
	case MFA_THROTTLED:
		return 0;
	default:
		return page_error(c, 500, NULL);
	}
}

/* GET /signin/code: the code step (enrollment first for an admin without
 * a confirmed secret). */
int
page_signin_code(struct ctx *c)
{
	const char	*next = ctx_str(c, "next");
	int		 st, rc;

	if ((st = not_pending(c, next)) != 0)
		return st;
	if ((rc = mfa_enrolled(c->db, c->user.pending_admin_id)) == -1)
		return page_error(c, 500, NULL);
	if (rc == 0)
		return page_signin_step_redirect(c, "/signin/enroll", next);
	return code_form(c, 200, next, NULL);
}

/* POST /signin/code: 303 to next (or the console) when the code or a
 * recovery code is right; the form again (401) with a message beside the
 * field otherwise. */
int
page_signin_code_post(struct ctx *c)
{
	const char	*next = ctx_str(c, "next"), *code, *msg;
	struct auth_req	 rq;
	enum mfa_result	 r;
	int		 st;

	if ((st = code_post_start(c, next, &code, code_form)) != 0)
		return st;
	page_auth_req(c, &rq);
	r = mfa_sign_in(&rq, code);
	if (r == MFA_OK && page_auth_take(c, &rq) == 0)
		return page_redirect(c, next_or(next, "/admin"));
	if ((st = step_detour(c, r, next)) != 0)
		return st;
	msg = page_code_message(r, &st);
	return code_form(c, st, next, msg);
}

/* Render the enrollment page of the pending admin with status and msg
 * beside the code field (NULL none). */
static int
enroll_form(struct ctx *c, int status, const char *next, const char *msg)
{
	struct mfa_enroll	 e;
	struct auth_req		 rq;
	struct view_dict	*d, *s;
	struct buf		 path;
	enum mfa_result		 r;
	int			 size;

	page_auth_req(c, &rq);
	if ((r = mfa_enroll_begin(&rq, &e)) == MFA_ENROLLED)
		return page_signin_code_redirect(c, next);
	if (r != MFA_OK)
		return page_error(c, 500, NULL);
	buf_init(&path);
	if (qr_svg_path(e.uri, &path, &size) == -1) {
		buf_cleanup(&path);
		return page_error(c, 500, NULL);
	}
	d = view_dict_new();
	view_set(d, "EMAIL", c->user.email);
	view_set(d, "QR_PATH", buf_str(&path));
	view_set_int(d, "QR_SIZE", size);
	view_set(d, "SECRET", e.secret_b32);
	buf_cleanup(&path);
	if (next != NULL && page_local_path(next)) {
		view_show(d, "NEXT_FIELD");
		view_set(d, "NEXT", next);
	}
	if (msg != NULL) {
		s = view_add(d, "FORM_ERROR");
		view_set(s, "MSG", _("The code was not accepted."));
		s = view_add(d, "CODE_ERR");
		view_set(s, "MSG", _(msg));
	}
	return page_render_free(c, "signin_enroll.tpl", d,
	    "Set up your sign-in code", status);
}

/* GET /signin/enroll: the QR code, the key in base32 and the field for the
 * first code. */
int
page_signin_enroll(struct ctx *c)
{
	const char	*next = ctx_str(c, "next");
	int		 st;

	if ((st = not_pending(c, next)) != 0)
		return st;
	return enroll_form(c, 200, next, NULL);
}

/* The recovery codes, once, with the way on to next. */
static int
recovery_page(struct ctx *c, const struct mfa_codes *codes, const char *next)
{
	struct view_dict	*d = view_dict_new(), *s;
	int			 i;

	for (i = 0; i < TOTP_RECOVERY_CODES; i++) {
		s = view_add(d, "CODE");
		view_set(s, "CODE", codes->code[i]);
	}
	view_set(d, "NEXT", next_or(next, "/admin"));
	/* Shown once: no copy in a cache. */
	resp_header(c->resp, "Cache-Control", "no-store");
	return page_render_free(c, "signin_recovery.tpl", d,
	    "Your recovery codes", 200);
}

/* POST /signin/enroll: the first code confirms the app; the recovery
 * codes follow (200). A wrong code: the page again (401) with a message
 * beside the field. */
int
page_signin_enroll_post(struct ctx *c)
{
	const char	*next = ctx_str(c, "next"), *code;
	struct mfa_codes codes;
	struct auth_req	 rq;
	enum mfa_result	 r;
	int		 st;

	if ((st = code_post_start(c, next, &code, enroll_form)) != 0)
		return st;
	page_auth_req(c, &rq);
	r = mfa_enroll_confirm(&rq, code, &codes);
	if (r == MFA_OK && page_auth_take(c, &rq) == 0) {
		st = recovery_page(c, &codes, next);
		memset(&codes, 0, sizeof(codes));
		return st;
	}
	if ((st = step_detour(c, r, next)) != 0)
		return st;
	return enroll_form(c, 401, next, r == MFA_THROTTLED ? CODE_LOCKED :
	    N_("That code is not right. Check that the app shows the key "
	    "above and enter the code it shows now."));
}
