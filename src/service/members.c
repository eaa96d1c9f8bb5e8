/*
 * Company accounts: owner, members, permissions, invitations (see
 * members.h). Every change is one transaction with its audit event and
 * the messages it sends.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/digest.h"
#include "core/i18n.h"
#include "db/company.h"
#include "db/company_member.h"
#include "db/db.h"
#include "db/message.h"
#include "db/user.h"
#include "service/audit.h"
#include "service/conn.h"
#include "service/language.h"
#include "service/members.h"

/* The effective role of a row (see members.h). */
static void
role_of(const struct db_member_role *r, struct member_info *out)
{
	memset(out, 0, sizeof(*out));
	out->user_id = r->user_id;
	snprintf(out->email, sizeof(out->email), "%s", r->email);
	snprintf(out->name, sizeof(out->name), "%s", r->name);
	out->owner = r->is_owner || (r->owners == 0 &&
	    r->user_id == r->first_member);
	if (out->owner)
		out->perms = MEMBER_ALL;
	else
		out->perms = (r->can_order ? MEMBER_ORDER : 0) |
		    (r->can_sign ? MEMBER_SIGN : 0) |
		    (r->can_upload ? MEMBER_UPLOAD : 0);
}

/* See members.h. */
int
member_role(struct db *db, int64_t user_id, int64_t company_id,
    struct member_info *out)
{
	struct db_member_role	r;
	int			rc;

	if (user_id <= 0 || company_id <= 0)
		return 0;
	if ((rc = db_member_role(db, user_id, company_id, 0, &r)) == 1)
		role_of(&r, out);
	return rc;
}

/* See members.h. */
void
member_perms_words(unsigned perms, char *out, size_t outsz)
{
	/* A list's comma: "، " in Arabic, "、" in Chinese. */
	const char *sep = _(", ");

	snprintf(out, outsz, "%s%s%s%s%s%s",
	    perms & MEMBER_ORDER ? _("place orders") : "",
	    (perms & MEMBER_ORDER) && (perms & (MEMBER_SIGN | MEMBER_UPLOAD)) ?
	    sep : "",
	    perms & MEMBER_SIGN ? _("sign agreements") : "",
	    (perms & MEMBER_SIGN) && (perms & MEMBER_UPLOAD) ? sep : "",
	    perms & MEMBER_UPLOAD ? _("upload documents") : "",
	    perms & MEMBER_ALL ? "" : _("view only"));
}

/* The owner's name and email of company_id into out ("the owner"). */
static void
owner_words(struct db *db, int64_t company_id, char *out, size_t outsz)
{
	struct member_info	*m = NULL;
	size_t			 i, n = 0;

	snprintf(out, outsz, "%s", _("your company's owner"));
	if (member_list(db, company_id, &m, &n) == -1)
		return;
	for (i = 0; i < n; i++)
		if (m[i].owner)
			/* TRANSLATORS: the owner's name and email. */
			snprintf(out, outsz, _("your company's owner, %s <%s>"),
			    m[i].name, m[i].email);
	free(m);
}

/* See members.h. */
enum result
member_require(struct db *db, int64_t user_id, int64_t company_id,
    unsigned what, char *msg, size_t msgsz)
{
	struct member_info	m;
	char			who[500];
	int			rc;

	msg[0] = '\0';
	if ((rc = member_role(db, user_id, company_id, &m)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if ((m.perms & what) == what)
		return RES_OK;
	owner_words(db, company_id, who, sizeof(who));
	/* TRANSLATORS: %s is "your company's owner, NAME <EMAIL>". */
	snprintf(msg, msgsz, what & MEMBER_SIGN ? _("You may not sign "
	    "installment agreements for your company: ask %s to allow it on "
	    "the members page.") : what & MEMBER_UPLOAD ? _("You may not "
	    "upload or submit qualification documents for your company: ask "
	    "%s to allow it on the members page.") : _("You may not place "
	    "orders (nor cancel them or confirm their receipt) for your "
	    "company: ask %s to allow it on the members page."), who);
	return RES_FORBIDDEN;
}

/* See members.h. */
int
member_list(struct db *db, int64_t company_id, struct member_info **out,
    size_t *n)
{
	struct db_member_role	*r = NULL;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (db_member_roles(db, company_id, &r, n) == -1)
		return -1;
	if (*n > 0) {
		*out = xcalloc(*n, sizeof(**out));
		for (i = 0; i < *n; i++)
			role_of(&r[i], &(*out)[i]);
	}
	free(r);
	return 0;
}

/* See members.h. */
int64_t
member_order_reader(struct db *db, int64_t user_id, int64_t company_id,
    int64_t order_id)
{
	struct member_order a;

	if (member_order_access(db, user_id, company_id, order_id, &a) == -1)
		return -1;
	return a.reader;
}

/* See members.h. */
int
member_order_access(struct db *db, int64_t user_id, int64_t company_id,
    int64_t order_id, struct member_order *out)
{
	struct db_corp_order	o;
	int			rc;

	memset(out, 0, sizeof(*out));
	if (user_id <= 0 || order_id <= 0)
		return 0;
	if ((rc = db_corp_order_get(db, order_id, &o)) != 1)
		return rc;
	return member_order_of(db, user_id, company_id, o.user_id,
	    o.company_id, out);
}

/* See members.h. */
int
member_order_of(struct db *db, int64_t user_id, int64_t company_id,
    int64_t placer_id, int64_t order_company_id, struct member_order *out)
{
	struct member_info	m;
	int			rc;

	memset(out, 0, sizeof(*out));
	if (user_id <= 0)
		return 0;
	if (placer_id == user_id) {
		out->reader = user_id;
		out->placer = out->may_act = 1;
		return 0;
	}
	/* RULES 5: a member reads the orders of its company. */
	if (company_id <= 0 || order_company_id != company_id)
		return 0;
	if ((rc = member_role(db, user_id, company_id, &m)) != 1)
		return rc;
	out->reader = placer_id;
	out->may_act = (m.perms & MEMBER_ORDER) != 0;
	return 0;
}

/* See members.h. */
enum result
member_order_act(struct db *db, int64_t user_id, int64_t placer_id,
    int64_t company_id, char *msg, size_t msgsz)
{
	msg[0] = '\0';
	if (user_id <= 0)
		return RES_NOT_FOUND;
	if (user_id == placer_id)
		return RES_OK;
	if (company_id <= 0)
		return RES_NOT_FOUND;
	return member_require(db, user_id, company_id, MEMBER_ORDER, msg,
	    msgsz);
}

/* The owner's check inside a transaction: RES_OK when owner_id owns
 * company_id (its row locked), else RES_FORBIDDEN / RES_ERROR. */
static enum result
lock_owner(struct db *db, int64_t owner_id, int64_t company_id, char *msg,
    size_t msgsz)
{
	struct db_member_role	r;
	struct member_info	m;
	int			rc;

	if ((rc = db_member_role(db, owner_id, company_id, 1, &r)) == -1)
		return RES_ERROR;
	if (rc == 1)
		role_of(&r, &m);
	if (rc == 0 || !m.owner) {
		snprintf(msg, msgsz, "%s", _("Only your company's owner may "
		    "invite, remove members or change what they may do."));
		return RES_FORBIDDEN;
	}
	return RES_OK;
}

/* 1 if s looks like an email address (one @, a dot after it, no spaces). */
static int
email_ok(const char *s)
{
	const char	*at = strchr(s, '@');
	size_t		 i;

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    strchr(at + 1, '.') == NULL || strlen(s) > 254 ||
	    at[strlen(at) - 1] == '.')
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (isspace((unsigned char)s[i]) || iscntrl((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Tell the existing user of email about the invitation (nothing when the
 * email has no account yet). 0 or -1. */
static int
invite_message(struct db *db, const char *email, const char *company,
    const char *link, unsigned perms, int64_t now)
{
	struct db_user	u;
	struct buf	b;
	char		words[200], subj[160];
	int		rc;
	enum lang	prev;

	if ((rc = db_user_by_email_lock(db, email, &u)) != 1)
		return rc;
	/* In the invitee's language (from the row just read). */
	prev = i18n_use(language_of_tag(u.language));
	member_perms_words(perms, words, sizeof(words));
	buf_init(&b);
	buf_printf(&b, ngettext("%s invites you to act for it as a member "
	    "(you may: %s). Open %s to accept within %d day.", "%s invites "
	    "you to act for it as a member (you may: %s). Open %s to accept "
	    "within %d days.", MEMBER_INVITE_DAYS), company, words, link,
	    MEMBER_INVITE_DAYS);
	snprintf(subj, sizeof(subj), "%s", _("Invitation to join a company"));
	i18n_use(prev);
	rc = db_message_insert(db, u.id, 0, subj, buf_str(&b), now) == -1 ?
	    -1 : 0;
	buf_cleanup(&b);
	return rc;
}

/* See members.h. */
enum result
member_invite(struct db *db, int64_t owner_id, int64_t company_id,
    const char *email, unsigned perms, int64_t now, char *link,
    size_t linksz, char *msg, size_t msgsz)
{
	struct db_company	c;
	struct db_user		u;
	unsigned char		rnd[MEMBER_TOKEN_HEX / 2];
	char			tok[MEMBER_TOKEN_HEX + 1], hash[65], lower[255];
	enum result		r;
	size_t			i;
	int			rc;

	msg[0] = link[0] = '\0';
	for (i = 0; email != NULL && email[i] != '\0' && i + 1 < sizeof(lower);
	    i++)
		lower[i] = (char)tolower((unsigned char)email[i]);
	lower[i] = '\0';
	if (db_begin(db) == -1)
		return RES_ERROR;
	/* Who asks comes first: a member gets 403 whatever the form says. */
	if ((r = lock_owner(db, owner_id, company_id, msg, msgsz)) != RES_OK)
		goto out;
	if (email == NULL || !email_ok(lower)) {
		snprintf(msg, msgsz, "Enter the email address of the person "
		    "to invite, e.g. name@example.com.");
		r = RES_INVALID;
		goto out;
	}
	r = RES_ERROR;
	if (db_company_get(db, company_id, 0, 0, &c) != 1 ||
	    (rc = db_user_by_email_lock(db, lower, &u)) == -1)
		goto out;
	if (rc == 1 && u.company_id == company_id) {
		/* TRANSLATORS: %s is an email address. */
		snprintf(msg, msgsz, _("%s is already a member."), lower);
		r = RES_INVALID;
		goto out;
	}
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(tok, sizeof(tok), rnd, sizeof(rnd));
	sha256_hex(tok, strlen(tok), hash);
	snprintf(link, linksz, "/company/invitations/%s", tok);
	if (db_invite_insert(db, company_id, lower, hash,
	    perms & MEMBER_ORDER, perms & MEMBER_SIGN, perms & MEMBER_UPLOAD,
	    owner_id, now, now + MEMBER_INVITE_DAYS * 86400) <= 0 ||
	    invite_message(db, lower, c.name, link, perms, now) == -1 ||
	    audit_event_detail(db, "company", company_id, OF_USER, owner_id,
	    NULL, "member_invited", "the owner invited a member", lower,
	    now) == -1)
		goto out;
	if (db_commit(db) == -1)
		return RES_ERROR;
	snprintf(msg, msgsz, _("%s is invited. %s"), lower, rc == 1 ?
	    _("The link is in their account messages.") : _("They have no "
	    "account yet: send them the link below; they register with this "
	    "email and open it."));
	return RES_OK;
out:
	db_rollback(db);
	link[0] = '\0';
	return r;
}

/* See members.h. */
int
member_invitation(struct db *db, const char *token, int64_t now,
    struct db_invite *out)
{
	char	hash[65];
	int	rc;

	if (token == NULL || strlen(token) != MEMBER_TOKEN_HEX)
		return 0;
	sha256_hex(token, strlen(token), hash);
	if ((rc = db_invite_by_token(db, hash, 0, out)) != 1)
		return rc;
	if (out->status == INV_REVOKED)
		return 2;
	return out->status == INV_PENDING && out->expires_at > now;
}

/* See members.h. */
enum result
member_accept(struct db *db, int64_t user_id, const char *email, int kind,
    const char *token, int64_t now, int64_t *company_out, char *msg,
    size_t msgsz)
{
	struct db_invite	i;
	struct buf		b;
	char			hash[65], words[200], subj[160];
	enum result		r = RES_ERROR;
	int			rc;
	enum lang		prev;

	msg[0] = '\0';
	*company_out = 0;
	if (token == NULL || strlen(token) != MEMBER_TOKEN_HEX)
		return RES_NOT_FOUND;
	sha256_hex(token, strlen(token), hash);
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_invite_by_token(db, hash, 1, &i)) != 1 ||
	    i.status != INV_PENDING || i.expires_at <= now) {
		r = rc == -1 ? RES_ERROR : rc == 1 && i.status == INV_REVOKED ?
		    RES_DECIDED : RES_NOT_FOUND;
		goto out;
	}
	r = RES_NOT_ALLOWED;
	if (strcasecmp(i.email, email) != 0)
		/* TRANSLATORS: %s is an email address. */
		snprintf(msg, msgsz, _("This invitation is for %s; sign in "
		    "with that email to accept it."), i.email);
	else if (kind == 2)
		snprintf(msg, msgsz, "%s", _("An admin account cannot join a "
		    "company."));
	else if (kind == 1)
		snprintf(msg, msgsz, "%s", _("You are already a member of a "
		    "company; ask its owner to remove you before you join "
		    "another."));
	if (msg[0] != '\0')
		goto out;
	r = RES_ERROR;
	/* In the company's language, then the thread's again. */
	prev = i18n_use(language_of_company(db, i.company_id));
	buf_init(&b);
	member_perms_words((i.can_order ? MEMBER_ORDER : 0) | (i.can_sign ?
	    MEMBER_SIGN : 0) | (i.can_upload ? MEMBER_UPLOAD : 0), words,
	    sizeof(words));
	buf_printf(&b, _("%s joined the company (may: %s)."), email, words);
	snprintf(subj, sizeof(subj), "%s", _("A new member joined"));
	i18n_use(prev);
	rc = db_member_join(db, user_id, i.company_id) != 1 ||
	    db_member_role_set(db, user_id, i.company_id, 0, i.can_order,
	    i.can_sign, i.can_upload, i.invited_by, now) == -1 ||
	    db_invite_close(db, i.id, i.company_id, user_id, now) != 1 ||
	    audit_event_detail(db, "company", i.company_id, OF_USER, user_id,
	    NULL, "member_joined", "invitation accepted", email, now) == -1 ||
	    db_message_insert(db, 0, i.company_id, subj, buf_str(&b),
	    now) == -1;
	buf_cleanup(&b);
	if (rc)
		goto out;
	if (db_commit(db) == -1)
		return RES_ERROR;
	*company_out = i.company_id;
	/* TRANSLATORS: %s is the company's name. */
	snprintf(msg, msgsz, _("You are now a member of %s."),
	    i.company_name);
	return RES_OK;
out:
	db_rollback(db);
	return r;
}

/* Open a transaction and lock the owner and member_id (not the owner) of
 * company_id into *m: RES_OK (the transaction open), or the refusal
 * (rolled back; msg says why). */
static enum result
begin_pair(struct db *db, int64_t owner_id, int64_t company_id,
    int64_t member_id, struct member_info *m, char *msg, size_t msgsz)
{
	struct db_member_role	r;
	enum result		e;
	int			rc;

	msg[0] = '\0';
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((e = lock_owner(db, owner_id, company_id, msg, msgsz)) != RES_OK)
		return conn_finish(db, e);
	if ((rc = db_member_role(db, member_id, company_id, 1, &r)) != 1)
		return conn_finish(db, rc == 0 ? RES_NOT_FOUND : RES_ERROR);
	role_of(&r, m);
	if (m->owner) {
		snprintf(msg, msgsz, "%s", _("The owner keeps every "
		    "permission and stays a member."));
		return conn_finish(db, RES_INVALID);
	}
	return RES_OK;
}

/* See members.h. */
enum result
member_grant(struct db *db, int64_t owner_id, int64_t company_id,
    int64_t member_id, unsigned perms, int64_t now, char *msg, size_t msgsz)
{
	struct member_info	m;
	enum result		r;
	char			was[96], now_w[96], detail[600];

	if ((r = begin_pair(db, owner_id, company_id, member_id, &m, msg,
	    msgsz)) != RES_OK)
		return r;
	member_perms_words(m.perms, was, sizeof(was));
	member_perms_words(perms, now_w, sizeof(now_w));
	snprintf(detail, sizeof(detail), "%s: %s -> %s", m.email, was, now_w);
	if (db_member_role_set(db, member_id, company_id, 0,
	    perms & MEMBER_ORDER, perms & MEMBER_SIGN, perms & MEMBER_UPLOAD,
	    owner_id, now) == -1 ||
	    audit_event_detail(db, "company", company_id, OF_USER, owner_id,
	    NULL, "member_permissions", "the owner changed a member's "
	    "permissions", detail, now) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		return RES_ERROR;
	}
	/* TRANSLATORS: the member's name, then what they may do ("place
	 * orders, sign agreements"). */
	snprintf(msg, msgsz, _("%s may now: %s."), m.name, now_w);
	return RES_OK;
}

/* See members.h. */
enum result
member_remove(struct db *db, int64_t owner_id, int64_t company_id,
    int64_t member_id, int64_t now, char *msg, size_t msgsz)
{
	struct member_info	m;
	struct db_company	c;
	enum result		r;
	char			body[500], subj[160];
	enum lang		prev;

	if ((r = begin_pair(db, owner_id, company_id, member_id, &m, msg,
	    msgsz)) != RES_OK)
		return r;
	if (db_company_get(db, company_id, 0, 0, &c) != 1)
		goto fail;
	prev = i18n_use(language_of_user(db, member_id));
	snprintf(body, sizeof(body), _("You no longer act for %s: its owner "
	    "removed you. Your own account stays."), c.name);
	snprintf(subj, sizeof(subj), "%s", _("Removed from a company"));
	i18n_use(prev);
	if (db_member_leave(db, member_id, company_id) != 1 ||
	    db_member_role_delete(db, member_id) == -1 ||
	    db_message_insert(db, member_id, 0, subj, body, now) == -1 ||
	    audit_event_detail(db, "company", company_id, OF_USER, owner_id,
	    NULL, "member_removed", "the owner removed a member", m.email,
	    now) == -1 || db_commit(db) == -1)
		goto fail;
	/* TRANSLATORS: %s is the member's name. */
	snprintf(msg, msgsz, _("%s is no longer a member."), m.name);
	return RES_OK;
fail:
	db_rollback(db);
	return RES_ERROR;
}

/* See members.h. */
enum result
member_revoke(struct db *db, int64_t owner_id, int64_t company_id,
    int64_t id, int64_t now, char *msg, size_t msgsz)
{
	struct db_invite	i;
	enum result		r;
	int			rc;

	msg[0] = '\0';
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((r = lock_owner(db, owner_id, company_id, msg, msgsz)) != RES_OK)
		goto out;
	if ((rc = db_invite_get_lock(db, id, company_id, &i)) != 1) {
		r = rc == 0 ? RES_NOT_FOUND : RES_ERROR;
		goto out;
	}
	if (i.status != INV_PENDING) {
		/* TRANSLATORS: %s is an email address. */
		snprintf(msg, msgsz, i.status == INV_ACCEPTED ? _("The "
		    "invitation of %s was already accepted; nothing was "
		    "changed.") : _("The invitation of %s was already revoked; "
		    "nothing was changed."), i.email);
		r = RES_NOT_ALLOWED;
		goto out;
	}
	r = RES_ERROR;
	if (db_invite_close(db, i.id, company_id, 0, now) != 1 ||
	    audit_event_detail(db, "company", company_id, OF_USER, owner_id,
	    NULL, "member_invite_revoked", "the owner revoked an invitation",
	    i.email, now) == -1 || db_commit(db) == -1)
		goto out;
	/* TRANSLATORS: %s is an email address. */
	snprintf(msg, msgsz, _("The invitation of %s is revoked: its link "
	    "no longer works."), i.email);
	return RES_OK;
out:
	db_rollback(db);
	return r;
}

/* See members.h. */
int
member_page_load(struct db *db, int64_t user_id, int64_t company_id,
    struct member_page *out)
{
	struct db_company	c;
	int			rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_company_get(db, company_id, 0, 0, &c)) != 1 ||
	    (rc = member_role(db, user_id, company_id, &out->me)) != 1)
		return rc;
	snprintf(out->company, sizeof(out->company), "%s", c.name);
	if (member_list(db, company_id, &out->members, &out->nmembers) == -1 ||
	    (out->me.owner && db_invite_pending(db, company_id, &out->invites,
	    &out->ninvites) == -1))
		return -1;
	return 1;
}

/* See members.h. */
void
member_page_cleanup(struct member_page *p)
{
	free(p->members);
	free(p->invites);
	memset(p, 0, sizeof(*p));
}
