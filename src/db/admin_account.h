#ifndef MALLPAY_DB_ADMIN_ACCOUNT_H
#define MALLPAY_DB_ADMIN_ACCOUNT_H

/*
 * admin_accounts: an admin's roles, whether disabled, and a pending
 * invitation (sql/029_admin_roles.sql). SQL only, bound parameters only.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* One admin as the console lists and the use cases lock it. */
struct db_admin_account {
	int64_t		 user_id;
	char		 email[255];
	char		 name[201];
	unsigned	 roles;		/* core/admin_role.h bits */
	int		 has_row;	/* 0: an admin without a roles row */
	int64_t		 disabled_at;	/* 0: enabled */
	int		 invited;	/* 1: invitation not accepted yet */
	int64_t		 invite_expires_at;	/* 0: none */
	int64_t		 last_signin_at;	/* 0: never (list only) */
};

/* Read user_id's account (no lock). Returns 1 found (an admin, with or
 * without a roles row), 0 no such admin, -1 database error. */
int	db_admin_account_get(struct db *, int64_t user_id,
	    struct db_admin_account *out);

/* As db_admin_account_get, locking the account rows (FOR UPDATE) for
 * the rest of the transaction. */
int	db_admin_account_lock(struct db *, int64_t user_id,
	    struct db_admin_account *out);

/* Lock every enabled owner who has accepted (FOR UPDATE) and count them
 * into *n. Returns 0 or -1. */
int	db_admin_owners_lock(struct db *, int64_t *n);

/* Every admin, by email, with the time of the last sign-in, into a
 * malloc'd array *out of *n (free() it). Returns 0 or -1. */
int	db_admin_account_list(struct db *, struct db_admin_account **out,
	    size_t *n);

/* Insert user_id's roles row; invite_hash NULL or "" when no invitation
 * is pending (then expires and invited_by are ignored). Returns 0, or -1
 * (also when the row exists). */
int	db_admin_account_insert(struct db *, int64_t user_id, unsigned roles,
	    const char *invite_hash, int64_t expires, int64_t invited_by,
	    int64_t now);

/* Insert an admin user (kind 'admin') with an unusable password: it signs
 * in once its invitation is accepted. *id gets the new id. Returns 0, 1
 * when the email is taken, -1 database error. */
int	db_admin_user_insert(struct db *, const char *email, const char *name,
	    int64_t now, int64_t *id);

/* Set user_id's roles. Returns 0 or -1. */
int	db_admin_account_set_roles(struct db *, int64_t user_id,
	    unsigned roles, int64_t now);

/* Disable user_id at now (disabled > 0) or enable it (0). Returns 0 or
 * -1. */
int	db_admin_account_set_disabled(struct db *, int64_t user_id,
	    int64_t disabled, int64_t now);

/* The account whose pending invitation has this token hash, locked (FOR
 * UPDATE). Returns 1 found, 0 none, -1 database error. */
int	db_admin_invite_lock(struct db *, const char *invite_hash,
	    struct db_admin_account *out);

/* Accept user_id's invitation: its name and password hash set, the
 * invitation cleared. Returns 0 or -1. */
int	db_admin_invite_accept(struct db *, int64_t user_id, const char *name,
	    const char *password_hash, int64_t now);

#endif
