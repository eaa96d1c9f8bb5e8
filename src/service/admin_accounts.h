#ifndef MALLPAY_SERVICE_ADMIN_ACCOUNTS_H
#define MALLPAY_SERVICE_ADMIN_ACCOUNTS_H

/*
 * The console's admins: roles, invitations, disabling (core/admin_role.h,
 * sql/029_admin_roles.sql). Only an enabled owner changes admins; the
 * last enabled owner can be neither disabled nor lose the owner role.
 * Every change is audited (subject "user", the admin changed) with the
 * old and new roles.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/result.h"
#include "db/admin_account.h"

struct db;

#define ADMIN_INVITE_DAYS	7
#define ADMIN_TOKEN_HEX		64	/* an invitation token in hex */
#define ADMIN_PASSWORD_MIN	12	/* characters, as mallpayctl create-admin */
#define ADMIN_INVITE_PATH	"/console/invitations/"

/* Every admin for the owners' list, by email: a malloc'd array *out of
 * *n (free() it). Returns 0 or -1. */
int	admin_accounts_list(struct db *, struct db_admin_account **out,
	    size_t *n);

/* Owner actor_id invites email (lower-cased) with roles: an admin account
 * without a password and a one-time link (link, linksz; the path with
 * the token, shown once) valid ADMIN_INVITE_DAYS days. RES_INVALID and
 * RES_REFUSED (the email has an account already) with *field the form
 * field at fault ("email" or "roles") and msg, RES_FORBIDDEN (actor is no
 * enabled owner), RES_OK, RES_ERROR. msg is for people. */
enum result admin_invite(struct db *, int64_t actor_id, const char *email,
	    unsigned roles, int64_t now, char *link, size_t linksz,
	    const char **field, char *msg, size_t msgsz);

/* Owner actor_id gives admin target_id exactly roles. RES_NOT_FOUND (no
 * such admin), RES_NOT_ALLOWED (it would leave no enabled owner: msg),
 * RES_DONE (nothing changed), RES_FORBIDDEN, RES_OK, RES_ERROR. */
enum result admin_set_roles(struct db *, int64_t actor_id, int64_t target_id,
	    unsigned roles, int64_t now, char *msg, size_t msgsz);

/* Owner actor_id disables (enable 0) or enables (1) admin target_id; a
 * disabled admin's sessions end in the same transaction. Results as
 * admin_set_roles(). */
enum result admin_set_enabled(struct db *, int64_t actor_id,
	    int64_t target_id, int enable, int64_t now, char *msg,
	    size_t msgsz);

/* The pending, unexpired invitation of token into *out. Returns 1, 0 when
 * there is none (unknown, used or expired), -1 database error. */
int	admin_invitation(struct db *, const char *token, int64_t now,
	    struct db_admin_account *out);

/* Accept the invitation of token: the invitee's name and password (at
 * least ADMIN_PASSWORD_MIN characters, the same twice) set; the link
 * stops working. *out gets the invitation (when found). RES_NOT_FOUND (no
 * pending invitation), RES_INVALID (msg names the field; *field gets
 * "name", "password" or "confirm"), RES_OK, RES_ERROR. */
enum result admin_invitation_accept(struct db *, const char *token,
	    const char *name, const char *password, const char *confirm,
	    int64_t now, struct db_admin_account *out, const char **field,
	    char *msg, size_t msgsz);

#endif
