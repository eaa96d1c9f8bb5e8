/*
 * The console's admins: roles, invitations, disabling (admin_accounts.h).
 * One transaction per use case: the actor's account and the enabled
 * owners are locked first, so two owners acting at once cannot leave the
 * console without one.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/admin_role.h"
#include "core/buf.h"
#include "core/digest.h"
#include "core/i18n.h"
#include "db/db.h"
#include "db/session.h"
#include "service/admin_accounts.h"
#include "service/audit.h"
#include "service/auth.h"

#define LAST_OWNER	NA_("This is the last enabled owner: give the owner " \
			"role to another admin first.")

/* See admin_accounts.h. */
int
admin_accounts_list(struct db *db, struct db_admin_account **out, size_t *n)
{
	return db_admin_account_list(db, out, n);
}

/* Inside an open transaction: lock actor_id's account and the enabled
 * owners (their count into *owners). RES_OK when the actor is an enabled
 * owner, RES_FORBIDDEN (msg), RES_ERROR. */
static enum result
lock_owner(struct db *db, int64_t actor_id, int64_t *owners, char *msg,
    size_t msgsz)
{
	struct db_admin_account	a;
	int			rc;

	/* The owners first, then the actor: every change takes its locks
	 * in this order, so two owners acting on each other queue up
	 * instead of deadlocking. */
	if (db_admin_owners_lock(db, owners) == -1 ||
	    (rc = db_admin_account_lock(db, actor_id, &a)) == -1)
		return RES_ERROR;
	if (rc == 0 || a.disabled_at != 0 || a.invited ||
	    !(a.roles & ADMIN_OWNER)) {
		snprintf(msg, msgsz, A_("Only an owner may invite admins, give "
		    "roles or disable admins."));
		return RES_FORBIDDEN;
	}
	return RES_OK;
}

/* Audit a change of admin target by actor: to is what happened, the
 * detail the old and new roles. 0 or -1. */
static int
audit_change(struct db *db, int64_t actor, int64_t target, const char *to,
    const char *why, unsigned old_roles, unsigned new_roles, int64_t now)
{
	char o[40], n[40], detail[128];

	admin_roles_names(old_roles, o, sizeof(o));
	admin_roles_names(new_roles, n, sizeof(n));
	snprintf(detail, sizeof(detail), "old roles: %s; new roles: %s", o, n);
	return audit_event_detail(db, "user", target, OF_ADMIN, actor, NULL,
	    to, why, detail, now);
}

/* Commit, or roll back when r is not RES_OK; returns the final result. */
static enum result
finish(struct db *db, enum result r)
{
	if (r != RES_OK) {
		db_rollback(db);
		return r;
	}
	return db_commit(db) == -1 ? RES_ERROR : RES_OK;
}

/* Create the invited account of lower with roles and its token hash;
 * RES_OK, RES_REFUSED (taken: msg), RES_ERROR. */
static enum result
invite_insert(struct db *db, int64_t actor_id, const char *lower,
    unsigned roles, const char *hash, int64_t now, char *msg, size_t msgsz)
{
	int64_t	id = 0;
	int	rc;

	if ((rc = db_admin_user_insert(db, lower, lower, now, &id)) == 1) {
		snprintf(msg, msgsz, A_("%s has an account already: invite "
		    "another address."), lower);
		return RES_REFUSED;
	}
	if (rc == -1 || db_admin_account_insert(db, id, roles, hash,
	    now + ADMIN_INVITE_DAYS * 86400, actor_id, now) == -1 ||
	    audit_change(db, actor_id, id, "admin_invited",
	    NA_("an owner invited an admin"), 0, roles, now) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* See admin_accounts.h. */
enum result
admin_invite(struct db *db, int64_t actor_id, const char *email,
    unsigned roles, int64_t now, char *link, size_t linksz,
    const char **field, char *msg, size_t msgsz)
{
	unsigned char	rnd[ADMIN_TOKEN_HEX / 2];
	char		tok[ADMIN_TOKEN_HEX + 1], hash[65], lower[255], *p;
	int64_t		owners;
	enum result	r;

	msg[0] = link[0] = '\0';
	*field = "email";
	snprintf(lower, sizeof(lower), "%s", email != NULL ? email : "");
	for (p = lower; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((r = lock_owner(db, actor_id, &owners, msg, msgsz)) != RES_OK)
		return finish(db, r);
	if (strchr(lower, '@') == NULL) {
		snprintf(msg, msgsz, A_("Enter the email address of the person "
		    "to invite, e.g. name@example.com."));
		return finish(db, RES_INVALID);
	}
	if ((roles & ADMIN_ROLES_ALL) == 0) {
		*field = "roles";
		snprintf(msg, msgsz, A_("Choose at least one role."));
		return finish(db, RES_INVALID);
	}
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(tok, sizeof(tok), rnd, sizeof(rnd));
	sha256_hex(tok, strlen(tok), hash);
	r = invite_insert(db, actor_id, lower, roles & ADMIN_ROLES_ALL, hash,
	    now, msg, msgsz);
	if ((r = finish(db, r)) == RES_OK) {
		snprintf(link, linksz, "%s%s", ADMIN_INVITE_PATH, tok);
		snprintf(msg, msgsz, A_("%s is invited. Send them the link below: "
		    "it works once, for %d days."), lower, ADMIN_INVITE_DAYS);
	}
	sodium_memzero(tok, sizeof(tok));
	return r;
}

/* Inside the transaction: lock target_id into *t and check that the
 * change leaves an enabled owner (new_roles, disabling). RES_OK,
 * RES_NOT_FOUND, RES_NOT_ALLOWED (msg), RES_ERROR. */
static enum result
lock_target(struct db *db, int64_t target_id, int64_t owners,
    unsigned new_roles, int disabling, struct db_admin_account *t,
    char *msg, size_t msgsz)
{
	int rc, active_owner;

	if ((rc = db_admin_account_lock(db, target_id, t)) == -1)
		return RES_ERROR;
	if (rc == 0 || !t->has_row)
		return RES_NOT_FOUND;
	active_owner = (t->roles & ADMIN_OWNER) && t->disabled_at == 0 &&
	    !t->invited;
	if (active_owner && owners <= 1 &&
	    (disabling || !(new_roles & ADMIN_OWNER))) {
		snprintf(msg, msgsz, "%s", A_(LAST_OWNER));
		return RES_NOT_ALLOWED;
	}
	return RES_OK;
}

/* Open the transaction of a change of admin target_id by actor_id: the
 * actor must be an enabled owner and the change (new_roles, disabling)
 * must leave an enabled owner; *t gets the target, locked. RES_OK with
 * the transaction open, else rolled back (RES_FORBIDDEN, RES_NOT_FOUND,
 * RES_NOT_ALLOWED with msg, RES_ERROR). */
static enum result
change_begin(struct db *db, int64_t actor_id, int64_t target_id,
    unsigned new_roles, int disabling, struct db_admin_account *t,
    char *msg, size_t msgsz)
{
	int64_t		owners;
	enum result	r;

	msg[0] = '\0';
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((r = lock_owner(db, actor_id, &owners, msg, msgsz)) != RES_OK ||
	    (r = lock_target(db, target_id, owners, new_roles, disabling, t,
	    msg, msgsz)) != RES_OK)
		return finish(db, r);
	return RES_OK;
}

/* See admin_accounts.h. */
enum result
admin_set_roles(struct db *db, int64_t actor_id, int64_t target_id,
    unsigned roles, int64_t now, char *msg, size_t msgsz)
{
	struct db_admin_account	t;
	enum result		r;

	roles &= ADMIN_ROLES_ALL;
	if ((r = change_begin(db, actor_id, target_id, roles, 0, &t, msg,
	    msgsz)) != RES_OK)
		return r;
	if (t.roles == roles) {
		db_rollback(db);
		snprintf(msg, msgsz, A_("%s already has these roles."), t.email);
		return RES_DONE;
	}
	if (db_admin_account_set_roles(db, target_id, roles, now) == -1 ||
	    audit_change(db, actor_id, target_id, "admin_roles_changed",
	    NA_("an owner changed an admin's roles"), t.roles, roles, now) == -1)
		return finish(db, RES_ERROR);
	if ((r = finish(db, RES_OK)) == RES_OK)
		snprintf(msg, msgsz, A_("The roles of %s are changed."), t.email);
	return r;
}

/* See admin_accounts.h. */
enum result
admin_set_enabled(struct db *db, int64_t actor_id, int64_t target_id,
    int enable, int64_t now, char *msg, size_t msgsz)
{
	struct db_admin_account	t;
	enum result		r;

	if ((r = change_begin(db, actor_id, target_id, ADMIN_ROLES_ALL,
	    !enable, &t, msg, msgsz)) != RES_OK)
		return r;
	if ((t.disabled_at == 0) == (enable != 0)) {
		db_rollback(db);
		snprintf(msg, msgsz, enable ? A_("%s is already enabled.") :
		    A_("%s is already disabled."), t.email);
		return RES_DONE;
	}
	if (db_admin_account_set_disabled(db, target_id, enable ? 0 : now,
	    now) == -1 || (!enable && db_session_delete_user(db,
	    target_id) == -1) || audit_change(db, actor_id, target_id,
	    enable ? "admin_enabled" : "admin_disabled", enable ?
	    NA_("an owner enabled an admin") :
	    NA_("an owner disabled an admin"),
	    t.roles, t.roles, now) == -1)
		return finish(db, RES_ERROR);
	if ((r = finish(db, RES_OK)) == RES_OK)
		snprintf(msg, msgsz, enable ? A_("%s is enabled: they may "
		    "sign in again.") : A_("%s is disabled: their sessions "
		    "have ended."), t.email);
	return r;
}

/* The pending invitation of token, locked (in a transaction) or not,
 * unexpired at now. 1/0/-1. */
static int
invitation_of(struct db *db, const char *token, int64_t now,
    struct db_admin_account *out)
{
	char	hash[65];
	int	rc;

	if (token == NULL || strlen(token) != ADMIN_TOKEN_HEX)
		return 0;
	sha256_hex(token, strlen(token), hash);
	if ((rc = db_admin_invite_lock(db, hash, out)) != 1)
		return rc;
	return out->invite_expires_at > now && out->disabled_at == 0;
}

/* See admin_accounts.h. */
int
admin_invitation(struct db *db, const char *token, int64_t now,
    struct db_admin_account *out)
{
	return invitation_of(db, token, now, out);
}

/* The characters of UTF-8 text s (bytes that start one). */
static size_t
chars_of(const char *s)
{
	size_t n = 0;

	while (*s != '\0')
		n += ((unsigned char)*s++ & 0xc0) != 0x80;
	return n;
}

/* The first field of the accept form that is wrong: its message in msg,
 * its name returned; NULL when every field is right. */
static const char *
accept_check(const char *name, const char *password, const char *confirm,
    char *msg, size_t msgsz)
{
	if (name == NULL || name[0] == '\0') {
		snprintf(msg, msgsz, A_("Enter your name as colleagues know it."));
		return "name";
	}
	if (password == NULL || chars_of(password) < ADMIN_PASSWORD_MIN) {
		snprintf(msg, msgsz, A_("Choose a password of at least %d "
		    "characters."), ADMIN_PASSWORD_MIN);
		return "password";
	}
	if (confirm == NULL || strcmp(password, confirm) != 0) {
		snprintf(msg, msgsz, A_("The two passwords are not the same."));
		return "confirm";
	}
	return NULL;
}

/* See admin_accounts.h. */
enum result
admin_invitation_accept(struct db *db, const char *token, const char *name,
    const char *password, const char *confirm, int64_t now,
    struct db_admin_account *out, const char **field, char *msg,
    size_t msgsz)
{
	char	hash[256];
	int	rc;

	msg[0] = '\0';
	*field = NULL;
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = invitation_of(db, token, now, out)) != 1)
		return finish(db, rc == 0 ? RES_NOT_FOUND : RES_ERROR);
	if ((*field = accept_check(name, password, confirm, msg,
	    msgsz)) != NULL)
		return finish(db, RES_INVALID);
	if (auth_password_hash(password, strlen(password), hash,
	    sizeof(hash)) == -1)
		return finish(db, RES_ERROR);
	rc = db_admin_invite_accept(db, out->user_id, name, hash, now);
	sodium_memzero(hash, sizeof(hash));
	if (rc == -1 || audit_change(db, out->user_id, out->user_id,
	    "admin_joined", NA_("the invited admin set a password"), out->roles,
	    out->roles, now) == -1 || finish(db, RES_OK) != RES_OK)
		return finish(db, RES_ERROR);
	snprintf(msg, msgsz, A_("Your password is set. Sign in with %s."),
	    out->email);
	return RES_OK;
}
