/*
 * The owners' console of admins (service/admin_accounts.h): the list with
 * roles, status and last sign-in, invitations, role changes, disabling
 * and enabling; and the invitation page where an invited admin sets a
 * password. Each handler parses, makes one service call and renders.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/admin_role.h"
#include "core/i18n.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/admin_accounts.h"
#include "view/view.h"

const struct field_spec page_admin_admin_invite_fields[] = {
	{ "email", FIELD_TEXT, 0, 254, 0, 0 },
	{ "role_reviewer", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "role_finance", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "role_settings", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "role_owner", FIELD_TOKEN, 0, 4, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_admin_roles_fields[] = {
	{ "role_reviewer", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "role_finance", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "role_settings", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "role_owner", FIELD_TOKEN, 0, 4, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_admin_invitation_fields[] = {
	{ "name", FIELD_TEXT, 0, 200, 0, 0 },
	{ "password", FIELD_PASSWORD, 0, 1024, 0, 0 },
	{ "confirm", FIELD_PASSWORD, 0, 1024, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* What the page shows besides the list: a notice, an error (on the row
 * of admin err_id, or of the invite form's field err_field), the link
 * of a new invitation and the email typed. */
struct admins_note {
	const char	*notice, *error, *link, *email, *err_field;
	int64_t		 err_id;
};

/* The roles ticked on the form ("role_<name>" fields). */
static unsigned
form_roles(struct ctx *c)
{
	char		name[32];
	unsigned	roles = 0;
	size_t		i;

	for (i = 0; i < ADMIN_ROLES_N; i++) {
		snprintf(name, sizeof(name), "role_%s",
		    admin_role_table[i].name);
		if (ctx_str(c, name) != NULL)
			roles |= admin_role_table[i].bit;
	}
	return roles;
}

/* Add one section sec per role to d, ticked (ON) where roles has it. */
static void
role_checks(struct view_dict *d, const char *sec, unsigned roles)
{
	struct view_dict	*r;
	size_t			 i;

	for (i = 0; i < ADMIN_ROLES_N; i++) {
		r = view_add(d, sec);
		view_set(r, "RNAME", admin_role_table[i].name);
		view_set(r, "RLABEL", A_(admin_role_table[i].label));
		if (roles & admin_role_table[i].bit)
			view_show(r, "ON");
	}
}

/* One row of the list for admin a into d. */
static void
admin_row(struct view_dict *d, const struct db_admin_account *a,
    const struct admins_note *n, int64_t now)
{
	struct view_dict	*r = view_add(d, "ADMIN"), *e;
	char			 buf[64], when[32];

	view_set_int(r, "ID", (long long)a->user_id);
	view_set(r, "EMAIL", a->email);
	view_set(r, "NAME", a->invited ? A_("(invited)") : a->name);
	view_set(r, "ROLES", admin_roles_words(a->roles, buf, sizeof(buf)));
	view_set(r, "ROLE_NAMES", admin_roles_names(a->roles, buf,
	    sizeof(buf)));
	if (a->disabled_at != 0) {
		view_set(r, "STATUS_KEY", "disabled");
		view_setf(r, "STATUS", A_("Disabled since %s"),
		    page_when(a->disabled_at, when, sizeof(when)));
		view_show(r, "CAN_ENABLE");
	} else {
		view_set(r, "STATUS_KEY", a->invited ? "invited" : "enabled");
		if (!a->invited)
			view_set(r, "STATUS", A_("Enabled"));
		else
			view_setf(r, "STATUS", a->invite_expires_at > now ?
			    A_("Invited, link valid until %s") :
			    A_("Invited, link expired %s"),
			    page_when(a->invite_expires_at, when,
			    sizeof(when)));
		view_show(r, "CAN_DISABLE");
	}
	view_set(r, "LAST", a->last_signin_at > 0 ? page_when(
	    a->last_signin_at, when, sizeof(when)) : A_("Never"));
	role_checks(r, "ROLE", a->roles);
	if (n->error != NULL && n->err_id == a->user_id) {
		e = view_add(r, "ROW_ERROR");
		view_set(e, "MSG", n->error);
	}
}

/* The invite form's part of the page into d. */
static void
invite_form(struct view_dict *d, const struct admins_note *n)
{
	struct view_dict	*s;
	const char		*sec;
	size_t			 i;

	view_set(d, "EMAIL", n->email != NULL ? n->email : "");
	if (n->link != NULL && n->link[0] != '\0') {
		s = view_add(d, "LINK");
		view_set(s, "HREF", n->link);
	}
	role_checks(d, "INVITE_ROLE", 0);
	if (n->error != NULL && n->err_field != NULL) {
		sec = strcmp(n->err_field, "roles") == 0 ? "ROLES_ERR" :
		    "EMAIL_ERR";
		s = view_add(d, sec);
		view_set(s, "MSG", n->error);
	}
	for (i = 0; i < ADMIN_ROLES_N; i++) {
		s = view_add(d, "HELP");
		view_set(s, "LABEL", A_(admin_role_table[i].label));
		view_set(s, "DOES", A_(admin_role_table[i].does));
	}
}

/* Render the list with n, answering status. */
static int
admins_page(struct ctx *c, int status, const struct admins_note *n)
{
	struct db_admin_account	*v = NULL;
	struct view_dict	*d;
	struct admins_note	 none;
	size_t			 k = 0, i;

	memset(&none, 0, sizeof(none));
	if (n == NULL)
		n = &none;
	if (admin_accounts_list(c->db, &v, &k) == -1)
		return page_error(c, 500, NULL);
	d = view_dict_new();
	for (i = 0; i < k; i++)
		admin_row(d, &v[i], n, c->now);
	free(v);
	invite_form(d, n);
	page_notes(d, n->notice, n->err_id == 0 && n->err_field == NULL ?
	    n->error : NULL);
	return page_render_free(c, "admin_admins.tpl", d, "Admins and roles",
	    status);
}

/* GET /admin/admins: every admin with roles, status and last sign-in. */
int
page_admin_admins(struct ctx *c)
{
	return admins_page(c, 200, NULL);
}

/* POST /admin/admins/invite: an account and its one-time link. */
int
page_admin_admin_invite(struct ctx *c)
{
	struct admins_note	n;
	enum result		r;
	const char		*field = NULL;
	char			link[128], msg[300];

	memset(&n, 0, sizeof(n));
	r = admin_invite(c->db, c->user.user_id, ctx_str(c, "email"),
	    form_roles(c), c->now, link, sizeof(link), &field, msg,
	    sizeof(msg));
	if (r == RES_ERROR)
		return page_error(c, 500, NULL);
	if (r == RES_OK) {
		n.notice = msg;
		n.link = link;
		return admins_page(c, 200, &n);
	}
	n.error = msg;
	n.email = ctx_str(c, "email");
	if (r == RES_INVALID || r == RES_REFUSED)
		n.err_field = field;
	return admins_page(c, page_status(r), &n);
}

/* The list after a change of admin id with result r and msg. */
static int
change_answer(struct ctx *c, int64_t id, enum result r, const char *msg)
{
	struct admins_note n;

	memset(&n, 0, sizeof(n));
	if (r == RES_ERROR)
		return page_error(c, 500, NULL);
	if (r == RES_NOT_FOUND)
		return page_error(c, 404, "There is no such admin.");
	if (r == RES_OK || r == RES_DONE) {
		n.notice = msg;
		return admins_page(c, 200, &n);
	}
	n.error = msg;
	n.err_id = id;
	return admins_page(c, page_status(r), &n);
}

/* POST /admin/admins/:id/roles: exactly the roles ticked. */
int
page_admin_admin_roles(struct ctx *c)
{
	int64_t	id = c->target_id;
	char	msg[300];

	return change_answer(c, id, admin_set_roles(c->db, c->user.user_id,
	    id, form_roles(c), c->now, msg, sizeof(msg)), msg);
}

/* POST /admin/admins/:id/disable and /enable. */
static int
set_enabled(struct ctx *c, int enable)
{
	int64_t	id = c->target_id;
	char	msg[300];

	return change_answer(c, id, admin_set_enabled(c->db, c->user.user_id,
	    id, enable, c->now, msg, sizeof(msg)), msg);
}

/* POST /admin/admins/:id/disable: the admin's sessions end at once. */
int
page_admin_admin_disable(struct ctx *c)
{
	return set_enabled(c, 0);
}

/* POST /admin/admins/:id/enable. */
int
page_admin_admin_enable(struct ctx *c)
{
	return set_enabled(c, 1);
}

/* The invitation page: the form (with field's error msg) or, when done,
 * msg as its outcome. Answers status. */
static int
invitation_page(struct ctx *c, int status, const struct db_admin_account *a,
    const char *field, const char *msg, int done)
{
	struct view_dict	*d = view_dict_new(), *s;
	char			 roles[64], sec[32];
	size_t			 i;

	if (done) {
		s = view_add(d, "DONE");
		view_set(s, "MSG", msg);
	} else {
		s = view_add(d, "FORM");
		view_set(s, "EMAIL", a->email);
		view_set(s, "ROLES", admin_roles_words(a->roles, roles,
		    sizeof(roles)));
		view_set(s, "TOKEN", ctx_arg(c, 0));
		view_set(s, "NAME", ctx_str(c, "name") != NULL ?
		    ctx_str(c, "name") : "");
		if (field != NULL) {
			for (i = 0; field[i] != '\0' && i + 5 < sizeof(sec);
			    i++)
				sec[i] = (char)(field[i] - 'a' + 'A');
			memcpy(sec + i, "_ERR", 5);
			view_set(view_add(s, sec), "MSG", msg);
		}
	}
	return page_render_free(c, "admin_invitation.tpl", d,
	    "Join the console", status);
}

#define NO_INVITATION	N_("This invitation link does not work " \
			"(any more): it was used, has expired or is not " \
			"whole. Ask an owner of the console for a new one.")

/* GET /console/invitations/:token: the set-password form. */
int
page_admin_invitation(struct ctx *c)
{
	struct db_admin_account	a;
	int			rc;

	rc = admin_invitation(c->db, ctx_arg(c, 0), c->now, &a);
	if (rc == -1)
		return page_error(c, 500, NULL);
	if (rc == 0)
		return page_error(c, 404, NO_INVITATION);
	return invitation_page(c, 200, &a, NULL, NULL, 0);
}

/* POST /console/invitations/:token: set the name and password. */
int
page_admin_invitation_accept(struct ctx *c)
{
	struct db_admin_account	a;
	const char		*field = NULL;
	enum result		r;
	char			msg[300];

	r = admin_invitation_accept(c->db, ctx_arg(c, 0), ctx_str(c, "name"),
	    ctx_str(c, "password"), ctx_str(c, "confirm"), c->now, &a,
	    &field, msg, sizeof(msg));
	if (r == RES_OK)
		return invitation_page(c, 200, NULL, NULL, msg, 1);
	if (r == RES_NOT_FOUND)
		return page_error(c, 404, NO_INVITATION);
	if (r != RES_INVALID)
		return page_error(c, 500, NULL);
	return invitation_page(c, 400, &a, field, msg, 0);
}
