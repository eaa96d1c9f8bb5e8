#ifndef MALLPAY_DB_SESSION_H
#define MALLPAY_DB_SESSION_H

#include <stdint.h>

#include "db/user.h"

struct db;

/* A session row with its user. token_hash is the hex SHA-256 of the token:
 * the token itself is never stored. */
/* The order a route acts on, read in the same statement as the session
 * (db_session_get's order_id): its placer and its company (0: a
 * person's order). found is 0 when there is no such order. */
struct db_session_order {
	int		 found;
	int64_t		 user_id;
	int64_t		 company_id;
};

struct db_session {
	int64_t		 id;
	int64_t		 created_at;
	int64_t		 last_seen_at;
	int64_t		 expires_at;	/* absolute expiry */
	int64_t		 second_factor_at;	/* an admin's last code, 0 none */
	struct db_user	 user;		/* password_hash left empty */
	int64_t		 unread;	/* unread messages (db_message_unread) */
	struct db_session_order order;	/* order_id's, when one was asked */
	char		 language[8];	/* the user's language setting, "" none */
	char		 country[3];	/* of the default address, "" none */
};

/* Insert a session for user_id created at now, expiring at expires_at.
 * Returns 0, or -1 (also on the astronomically unlikely duplicate hash). */
int	db_session_insert(struct db *, const char *token_hash, int64_t user_id,
	    int64_t now, int64_t expires_at);

/* Look up the session by token hash, with its user and unread count, and
 * order order_id's owners when order_id > 0 (out->order); also records
 * the refdata version for the connection's cache (refcache.h). Returns 1
 * found, 0 none, -1 database error. */
int	db_session_get(struct db *, const char *token_hash, int64_t order_id,
	    struct db_session *out);

/* Set last_seen_at = now (the idle clock restarts). Returns 0 or -1. */
int	db_session_touch(struct db *, const char *token_hash, int64_t now);

/* Delete the session with this hash (no error when it does not exist).
 * Returns 0 or -1. */
int	db_session_delete(struct db *, const char *token_hash);

/* Delete user_id's sessions that are past their absolute expiry or idle since
 * before idle_cutoff, so stale rows do not pile up. Returns 0 or -1. */
int	db_session_purge_user(struct db *, int64_t user_id, int64_t now,
	    int64_t idle_cutoff);

/* The session's admin entered their code at now: second_factor_at = now,
 * and the absolute expiry at least max seconds after the session began.
 * Returns 1, 0 when the session is gone, -1 error. */
int	db_session_second_factor(struct db *, const char *token_hash,
	    int64_t now, int64_t max);

/* Delete every session of user_id (their second factor was reset).
 * Returns 0 or -1. */
int	db_session_delete_user(struct db *, int64_t user_id);

#endif
