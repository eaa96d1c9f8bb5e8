/*
 * The admins' sign-in codes in the console (service/mfa.h):
 *   GET /admin/sign-in-codes, POST /admin/admins/:id/reset-2fa.
 */
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/mfa.h"
#include "view/view.h"

/* Show section sec with MSG = msg. */
static void
say(struct view_dict *d, const char *sec, const char *msg)
{
	view_set(view_add(d, sec), "MSG", msg);
}

/* GET /admin/sign-in-codes: every admin, whether their app is set up, the
 * recovery codes left, and a reset button (not for oneself). */
int
page_admin_mfa(struct ctx *c)
{
	struct db_totp_admin	*a = NULL;
	struct view_dict	*d, *r;
	static const struct page_notice notices[] = {
		{ "reset", NA_("The sign-in code was reset. That admin sets "
		    "up the authenticator app again at the next sign-in.") },
		{ NULL, NULL }
	}, errors[] = {
		{ "none", NA_("That admin has no sign-in code to reset.") },
		{ NULL, NULL }
	};
	const char		*msg = ctx_str(c, "msg"), *note;
	size_t			 n = 0, i;

	if (mfa_admins(c->db, &a, &n) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	if ((note = page_notice(notices, msg)) != NULL)
		say(d, "NOTICE", A_(note));
	if ((note = page_notice(errors, msg)) != NULL)
		say(d, "ERROR", A_(note));
	for (i = 0; i < n; i++) {
		r = view_add(d, "ADMIN");
		view_set_int(r, "ID", a[i].user_id);
		view_set(r, "NAME", a[i].name);
		view_set(r, "EMAIL", a[i].email);
		view_set(r, "STATE", a[i].confirmed_at != 0 ? A_("Set up") :
		    A_("Not set up yet"));
		view_set_int(r, "LEFT", a[i].recovery_left);
		if (a[i].user_id == c->user.user_id)
			view_show(r, "YOU");
		else if (a[i].confirmed_at != 0)
			view_show(r, "RESET");
	}
	free(a);
	return page_render_free(c, "admin_second_factor.tpl", d,
	    "Admins' sign-in codes", 200);
}

/* POST /admin/admins/:id/reset-2fa: reset that admin's second factor
 * (audited), back to the list with a notice; 404 for no such admin, 403
 * for one's own. */
int
page_admin_mfa_reset(struct ctx *c)
{
	int64_t		id = c->target_id;
	enum mfa_result	r;

	r = mfa_reset(c->db, c->user.user_id, id, c->now);
	switch (r) {
	case MFA_OK:
		return page_redirect(c, "/admin/sign-in-codes?msg=reset");
	case MFA_NOT_ENROLLED:
		return page_redirect(c, "/admin/sign-in-codes?msg=none");
	case MFA_SELF:
		return page_error(c, 403, "You cannot reset your own sign-in "
		    "code: ask another admin.");
	case MFA_NO_USER:
		return page_error(c, 404, "There is no such admin.");
	default:
		return page_error(c, 500, NULL);
	}
}
