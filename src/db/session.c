/*
 * sessions: hashed session tokens with idle and absolute expiry.
 * SQL only, bound parameters only (DESIGN.md).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/refcache.h"
#include "db/session.h"
#include "db/stmt.h"

enum stmt {
	STMT_SESSION_INSERT,
	STMT_SESSION_GET,
	STMT_SESSION_TOUCH,
	STMT_SESSION_DELETE,
	STMT_SESSION_PURGE_USER,
	STMT_SESSION_SECOND_FACTOR,
	STMT_SESSION_DELETE_USER,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_SESSION_INSERT */
	"INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, "
	"expires_at) VALUES (?, ?, ?, ?, ?)",
	/* STMT_SESSION_GET */
	/* Also what every page's header and checkout need, so that a view
	 * starts with one statement: the unread messages of the user and
	 * the company (as db_message_unread), the refdata version, and the
	 * owners of the order the route acts on (service/target.h). */
	"SELECT s.id, s.created_at, s.last_seen_at, s.expires_at, "
	"u.id, u.kind, u.company_id, u.email, u.name, "
	"(SELECT COUNT(*) FROM messages m WHERE m.user_id = u.id AND "
	"m.read_at IS NULL) + (SELECT COUNT(*) FROM messages m WHERE "
	"m.company_id = u.company_id AND m.read_at IS NULL), "
	"(SELECT version FROM refdata_version WHERE id = 1), "
	"o.id, o.user_id, COALESCE(o.company_id, 0), "
	"COALESCE(s.second_factor_at, 0), COALESCE(u.language, ''), "
	"(SELECT a.country FROM addresses a WHERE a.user_id = u.id AND "
	"a.is_default = 1 LIMIT 1) "
	"FROM sessions s JOIN users u ON u.id = s.user_id "
	"LEFT JOIN orders o ON o.id = ? "
	"WHERE s.token_hash = ?",
	/* STMT_SESSION_TOUCH */
	"UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
	/* STMT_SESSION_DELETE */
	"DELETE FROM sessions WHERE token_hash = ?",
	/* STMT_SESSION_PURGE_USER */
	"DELETE FROM sessions WHERE user_id = ? AND "
	"(expires_at <= ? OR last_seen_at < ?)",
	/* STMT_SESSION_SECOND_FACTOR */
	"UPDATE sessions SET second_factor_at = ?, "
	"expires_at = GREATEST(expires_at, created_at + ?) "
	"WHERE token_hash = ?",
	/* STMT_SESSION_DELETE_USER */
	"DELETE FROM sessions WHERE user_id = ?",
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_SESSION, idx, stmts[idx]);
}

/* See session.h. */
int
db_session_insert(struct db *db, const char *token_hash, int64_t user_id,
    int64_t now, int64_t expires_at)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SESSION_INSERT),
	    DBQ_S(token_hash), DBQ_I(user_id), DBQ_I(now), DBQ_I(now),
	    DBQ_I(expires_at)), NULL);
}

/* See session.h. */
int
db_session_get(struct db *db, const char *token_hash, int64_t order_id,
    struct db_session *out)
{
	struct dbq	*q;
	const char	*kind;
	int		 rc;

	q = get(db, STMT_SESSION_GET);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(order_id > 0 ? order_id : 0), DBQ_S(token_hash));
	if ((rc = dbq_exec_fetch(q)) == 1) {
		memset(out, 0, sizeof(*out));
		out->id = dbq_col_int(q, 0);
		out->created_at = dbq_col_int(q, 1);
		out->last_seen_at = dbq_col_int(q, 2);
		out->expires_at = dbq_col_int(q, 3);
		out->user.id = dbq_col_int(q, 4);
		kind = dbq_col_str(q, 5, NULL);
		if (strcmp(kind, "admin") == 0)
			out->user.kind = DB_USER_ADMIN;
		else if (strcmp(kind, "company_member") == 0)
			out->user.kind = DB_USER_COMPANY_MEMBER;
		else
			out->user.kind = DB_USER_PERSON;
		out->user.company_id = dbq_col_int(q, 6);
		dbq_col_copy(q, 7, out->user.email, sizeof(out->user.email));
		dbq_col_copy(q, 8, out->user.name, sizeof(out->user.name));
		out->unread = dbq_col_int(q, 9);
		if (!dbq_col_null(q, 10))
			db_refdata_seen(db, (uint64_t)dbq_col_int(q, 10));
		if (!dbq_col_null(q, 11)) {
			out->order.found = 1;
			out->order.user_id = dbq_col_int(q, 12);
			out->order.company_id = dbq_col_int(q, 13);
		}
		out->second_factor_at = dbq_col_int(q, 14);
		dbq_col_copy(q, 15, out->language, sizeof(out->language));
		if (!dbq_col_null(q, 16))
			dbq_col_copy(q, 16, out->country, sizeof(out->country));
	}
	dbq_done(q);
	return rc;
}

/* See session.h. */
int
db_session_touch(struct db *db, const char *token_hash, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SESSION_TOUCH), DBQ_I(now),
	    DBQ_S(token_hash)), NULL);
}

/* See session.h. */
int
db_session_delete(struct db *db, const char *token_hash)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SESSION_DELETE),
	    DBQ_S(token_hash)), NULL);
}

/* See session.h. */
int
db_session_purge_user(struct db *db, int64_t user_id, int64_t now,
    int64_t idle_cutoff)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SESSION_PURGE_USER),
	    DBQ_I(user_id), DBQ_I(now), DBQ_I(idle_cutoff)), NULL);
}

/* See session.h. */
int
db_session_second_factor(struct db *db, const char *token_hash, int64_t now,
    int64_t max)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_SESSION_SECOND_FACTOR),
	    DBQ_I(now), DBQ_I(max), DBQ_S(token_hash)));
}

/* See session.h. */
int
db_session_delete_user(struct db *db, int64_t user_id)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SESSION_DELETE_USER),
	    DBQ_I(user_id)), NULL);
}
