/*
 * The members page of a company account and invitations (service/members.h):
 * every member sees who acts for the company and what each may do; the
 * owner invites by email, changes permissions and removes members. The
 * invitation's link opens its page, where the invitee (signed in with the
 * invited email) accepts it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "http/ctx.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/members.h"
#include "view/view.h"

/* What the link of a revoked invitation answers. */
#define INVITE_REVOKED	N_("The company's owner revoked this " \
	"invitation: its link no longer works. Ask the owner for a new one " \
	"if you should still join.")

const struct field_spec page_company_invite_fields[] = {
	{ "email", FIELD_TEXT, 0, 254, 0, 0 },
	{ "can_order", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "can_sign", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "can_upload", FIELD_TOKEN, 0, 4, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

const struct field_spec page_company_grant_fields[] = {
	{ "can_order", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "can_sign", FIELD_TOKEN, 0, 4, 0, 0 },
	{ "can_upload", FIELD_TOKEN, 0, 4, 0, 0 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* The permissions ticked on the form. */
static unsigned
form_perms(struct ctx *c)
{
	return (ctx_str(c, "can_order") != NULL ? MEMBER_ORDER : 0) |
	    (ctx_str(c, "can_sign") != NULL ? MEMBER_SIGN : 0) |
	    (ctx_str(c, "can_upload") != NULL ? MEMBER_UPLOAD : 0);
}

/* Set the three permission flags of perms in d. */
static void
set_perms(struct view_dict *d, unsigned perms)
{
	if (perms & MEMBER_ORDER)
		view_show(d, "ORDER_ON");
	if (perms & MEMBER_SIGN)
		view_show(d, "SIGN_ON");
	if (perms & MEMBER_UPLOAD)
		view_show(d, "UPLOAD_ON");
}

/* The members page with notice/error (link: an invitation's to show, the
 * typed email kept on an error), answered with status. */
static int
members_page(struct ctx *c, int status, const char *notice, const char *error,
    const char *link, const char *email)
{
	struct view_dict	*d, *s;
	struct member_page	 p;
	char			 words[200], when[40];
	size_t			 i;
	int			 rc;

	if ((rc = member_page_load(c->db, c->user.user_id, c->user.company_id,
	    &p)) != 1) {
		member_page_cleanup(&p);
		return page_error(c, rc == 0 ? 404 : 500, NULL);
	}
	d = view_dict_new();
	page_notes(d, notice, error);
	view_set(d, "NAME", p.company);
	member_perms_words(p.me.perms, words, sizeof(words));
	view_set(d, "MY_PERMS", words);
	if (p.me.owner) {
		s = view_add(d, "OWNER");
		view_set(s, "EMAIL", email != NULL ? email : "");
		if (link != NULL && link[0] != '\0')
			view_set(view_add(s, "LINK"), "HREF", link);
	}
	for (i = 0; i < p.nmembers; i++) {
		const struct member_info *m = &p.members[i];

		s = view_add(d, "MEMBER");
		view_set_int(s, "ID", (long long)m->user_id);
		view_set(s, "NAME", m->name);
		view_set(s, "EMAIL", m->email);
		member_perms_words(m->perms, words, sizeof(words));
		view_set(s, "PERMS", m->owner ? "everything (the owner)" :
		    words);
		if (p.me.owner && !m->owner)
			set_perms(view_add(s, "MANAGE"), m->perms);
	}
	for (i = 0; i < p.ninvites; i++) {
		s = view_add(d, "INVITE");
		view_set_int(s, "ID", (long long)p.invites[i].id);
		view_set(s, "EMAIL", p.invites[i].email);
		page_time(p.invites[i].expires_at, when, sizeof(when));
		view_set(s, "UNTIL", when);
	}
	member_page_cleanup(&p);
	return page_render_free(c, "company_members.tpl", d, "Company members",
	    status);
}

/* GET /company/members. */
int
page_company_members(struct ctx *c)
{
	const char *m = ctx_str(c, "msg");

	return members_page(c, 200, m != NULL && strcmp(m, "joined") == 0 ?
	    "Welcome: you now act for the company. Its orders are on My "
	    "Orders." : NULL, NULL, NULL, NULL);
}

/* The answer to the owner's change r (msg its words; missing: the 404
 * sentence): the members page with the notice, or the refusal. */
static int
change_answer(struct ctx *c, enum result r, const char *msg,
    const char *missing)
{
	if (r == RES_OK)
		return members_page(c, 200, msg, NULL, NULL, NULL);
	if (r == RES_NOT_FOUND || r == RES_ERROR)
		return page_result(c, r, r == RES_NOT_FOUND ? missing : NULL);
	return members_page(c, page_status(r), NULL, msg, NULL, NULL);
}

/* POST /company/members/invite. */
int
page_company_invite(struct ctx *c)
{
	enum result	r;
	char		link[128], msg[400];

	r = member_invite(c->db, c->user.user_id, c->user.company_id,
	    ctx_str(c, "email"), form_perms(c), c->now, link, sizeof(link),
	    msg, sizeof(msg));
	if (r == RES_OK)
		return members_page(c, 200, msg, NULL, link, NULL);
	if (r == RES_ERROR)
		return page_error(c, 500, NULL);
	return members_page(c, page_status(r), NULL, msg, NULL,
	    ctx_str(c, "email"));
}

/* POST /company/members/:id/permissions and /remove. */
static int
member_change(struct ctx *c, int remove)
{
	int64_t		id = c->target_id;
	enum result	r;
	char		msg[400];

	r = remove ? member_remove(c->db, c->user.user_id, c->user.company_id,
	    id, c->now, msg, sizeof(msg)) : member_grant(c->db,
	    c->user.user_id, c->user.company_id, id, form_perms(c), c->now,
	    msg, sizeof(msg));
	return change_answer(c, r, msg, N_("There is no such member of "
	    "your company."));
}

/* POST /company/members/invitations/:id/revoke: the owner revokes a
 * pending invitation; the members page with what happened. */
int
page_company_invite_revoke(struct ctx *c)
{
	int64_t		id = c->target_id;
	enum result	r;
	char		msg[400];

	r = member_revoke(c->db, c->user.user_id, c->user.company_id, id,
	    c->now, msg, sizeof(msg));
	return change_answer(c, r, msg, N_("There is no such invitation "
	    "of your company."));
}

/* POST /company/members/:id/permissions. */
int
page_company_member_grant(struct ctx *c)
{
	return member_change(c, 0);
}

/* POST /company/members/:id/remove. */
int
page_company_member_remove(struct ctx *c)
{
	return member_change(c, 1);
}

/* The invitation page of token (error: a refusal to show), status. */
static int
invitation_page(struct ctx *c, int status, const char *error)
{
	struct db_invite	 i;
	struct view_dict	*d;
	const char		*tok = ctx_arg(c, 0);
	char			 words[200], next[160];
	int			 rc;

	if ((rc = member_invitation(c->db, tok, c->now, &i)) == 2)
		return page_error(c, 410, INVITE_REVOKED);
	if (rc != 1)
		return page_error(c, rc == 0 ? 404 : 500, rc == 0 ? "This "
		    "invitation does not exist, was used or has expired; ask "
		    "the company's owner for a new one." : NULL);
	d = view_dict_new();
	page_notes(d, NULL, error);
	view_set(d, "COMPANY", i.company_name);
	view_set(d, "EMAIL", i.email);
	view_set(d, "TOKEN", tok);
	member_perms_words((i.can_order ? MEMBER_ORDER : 0) |
	    (i.can_sign ? MEMBER_SIGN : 0) | (i.can_upload ? MEMBER_UPLOAD :
	    0), words, sizeof(words));
	view_set(d, "PERMS", words);
	if (c->user.user_id > 0)
		view_set(view_add(d, "SIGNED_IN"), "ME", c->user.email);
	else {
		snprintf(next, sizeof(next), "/company/invitations/%s", tok);
		view_set(view_add(d, "ANON"), "NEXT", next);
	}
	return page_render_free(c, "company_invitation.tpl", d,
	    "Invitation", status);
}

/* GET /company/invitations/:token. */
int
page_company_invitation(struct ctx *c)
{
	return invitation_page(c, 200, NULL);
}

/* POST /company/invitations/:token/accept. */
int
page_company_invitation_accept(struct ctx *c)
{
	int64_t		company;
	char		msg[300];
	int		kind;

	kind = c->user.role == ROLE_ADMIN ? 2 : c->user.company_id > 0 ? 1 : 0;
	switch (member_accept(c->db, c->user.user_id, c->user.email, kind,
	    ctx_arg(c, 0), c->now, &company, msg, sizeof(msg))) {
	case RES_OK:
		return page_redirect(c, "/company/members?msg=joined");
	case RES_DECIDED:
		return page_error(c, 410, INVITE_REVOKED);
	case RES_NOT_FOUND:
		return page_error(c, 404, "This invitation does not exist, was "
		    "used or has expired; ask the company's owner for a new "
		    "one.");
	case RES_NOT_ALLOWED:
		return invitation_page(c, 409, msg);
	default:
		return page_error(c, 500, NULL);
	}
}
