#ifndef MALLPAY_DB_USER_H
#define MALLPAY_DB_USER_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* users.kind */
enum db_user_kind {
	DB_USER_PERSON,
	DB_USER_COMPANY_MEMBER,
	DB_USER_ADMIN
};

/* One row of users, the columns sign-in and sessions need. */
struct db_user {
	int64_t			 id;
	enum db_user_kind	 kind;
	int64_t			 company_id;	/* 0 when NULL */
	char			 email[255];
	char			 name[201];
	char			 password_hash[256];
	int			 failed_logins;
	int64_t			 locked_until;	/* 0 when NULL */
	char			 language[8];	/* or "" */
};

/* The kind of users.kind text kind: "admin", "company_member", any other
 * a person. */
enum db_user_kind db_user_kind_parse(const char *kind);

/* Find the user with this email (compared case-insensitively by the column's
 * collation) and lock the row for the rest of the transaction (FOR UPDATE), so
 * that concurrent failed sign-ins count correctly. Call inside db_begin().
 * Returns 1 found (out filled), 0 none, -1 database error. */
int	db_user_by_email_lock(struct db *, const char *email, struct db_user *out);

/* Read user id into out. Returns 1 found, 0 none, -1 database error. */
int	db_user_by_id(struct db *, int64_t id, struct db_user *out);

/* Insert a B2C shopper (kind 'person') with an argon2id hash; *id gets the new
 * id. Returns 0, 1 when the email is taken (unique key), -1 database error. */
int	db_user_insert_person(struct db *, const char *email, const char *name,
	    const char *password_hash, int64_t now, int64_t *id);

/* Record a failed sign-in: failed_logins and locked_until (0 for NULL) as
 * computed by the caller. Returns 0 or -1. */
int	db_user_login_failed(struct db *, int64_t id, int failed_logins,
	    int64_t locked_until);

/* Record a successful sign-in: failed_logins back to 0, no lock.
 * Returns 0 or -1. */
int	db_user_login_ok(struct db *, int64_t id);

#endif
