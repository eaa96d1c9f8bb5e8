#ifndef MALLPAY_DB_COMPANY_MEMBER_H
#define MALLPAY_DB_COMPANY_MEMBER_H

/*
 * Company accounts in the database (sql/019_company_members.sql): the
 * roles of members (owner, permissions) and the owner's invitations. SQL
 * only, bound parameters only; the use cases are in service/members.h.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/lifecycle.h"

struct db;

/* A member with its stored role. has_row 0: no company_roles row (every
 * permission, not an explicit owner). */
struct db_member_role {
	int64_t		 user_id;
	int64_t		 company_id;
	char		 email[255];
	char		 name[201];
	int		 has_row;
	int		 is_owner, can_order, can_sign, can_upload;
	int64_t		 first_member;	/* lowest member id of the company */
	int		 owners;	/* rows of the company with is_owner */
};

/* The role of user_id in company_id (lock: the user row FOR UPDATE).
 * 1 a member, 0 not a member of that company, -1. */
int	db_member_role(struct db *, int64_t user_id, int64_t company_id,
	    int lock, struct db_member_role *out);
/* Every member of company_id with its role, by user id (free()). 0, -1. */
int	db_member_roles(struct db *, int64_t company_id,
	    struct db_member_role **out, size_t *n);
/* Store the role of user_id in company_id by actor. 0 or -1. */
int	db_member_role_set(struct db *, int64_t user_id, int64_t company_id,
	    int is_owner, int can_order, int can_sign, int can_upload,
	    int64_t actor, int64_t now);
/* Forget the role row of user_id. 0 or -1. */
int	db_member_role_delete(struct db *, int64_t user_id);
/* A person user_id becomes a member of company_id. 1, 0 (not a person),
 * -1. */
int	db_member_join(struct db *, int64_t user_id, int64_t company_id);
/* Member user_id of company_id becomes a person again. 1, 0, -1. */
int	db_member_leave(struct db *, int64_t user_id, int64_t company_id);

/* An invitation. */
struct db_invite {
	int64_t		 id;
	int64_t		 company_id;
	char		 company_name[201];
	char		 email[255];
	int		 can_order, can_sign, can_upload;
	enum invite_status status;
	int64_t		 invited_by;
	int64_t		 created_at, expires_at;
};
/* Insert a pending invitation. Returns its id or -1. */
int64_t	db_invite_insert(struct db *, int64_t company_id, const char *email,
	    const char *token_hash, int can_order, int can_sign,
	    int can_upload, int64_t by, int64_t now, int64_t expires);
/* The invitation of token_hash (lock: FOR UPDATE). 1, 0, -1. */
int	db_invite_by_token(struct db *, const char *token_hash, int lock,
	    struct db_invite *out);
/* pending -> accepted by user_id, or -> revoked (user_id 0) of
 * company_id. 1, 0 not pending, -1. */
int	db_invite_close(struct db *, int64_t id, int64_t company_id,
	    int64_t user_id, int64_t now);
/* Invitation id of company_id, its row FOR UPDATE. 1, 0, -1. */
int	db_invite_get_lock(struct db *, int64_t id, int64_t company_id,
	    struct db_invite *out);
/* The pending invitations of company_id, newest first (free()). 0, -1. */
int	db_invite_pending(struct db *, int64_t company_id,
	    struct db_invite **out, size_t *n);

#endif
