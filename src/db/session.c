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

/* The columns of a session with its user (struct db_session), each with
 * its SQL; the user's kind and the refdata version follow them
 * (session_fill). */
#define SESSION_COLS(C) \
	C(INT,	id,			"s.id") \
	C(INT,	created_at,		", s.created_at") \
	C(INT,	last_seen_at,		", s.last_seen_at") \
	C(INT,	expires_at,		", s.expires_at") \
	C(INT,	user.id,		", u.id") \
	C(INT,	user.company_id,	", u.company_id") \
	C(TEXT,	user.email,		", u.email") \
	C(TEXT,	user.name,		", u.name") \
	C(INT,	unread,			", (SELECT COUNT(*) FROM messages m WHERE m.user_id = u.id AND m.read_at IS NULL) + (SELECT COUNT(*) FROM messages m WHERE m.company_id = u.company_id AND m.read_at IS NULL)") \
	C(BOOL,	order.found,		", o.id IS NOT NULL") \
	C(INT,	order.user_id,		", o.user_id") \
	C(INT,	order.company_id,	", COALESCE(o.company_id, 0)") \
	C(INT,	second_factor_at,	", COALESCE(s.second_factor_at, 0)") \
	C(TEXT,	language,		", COALESCE(u.language, '')") \
	C(TEXT,	country,		", (SELECT a.country FROM addresses a WHERE a.user_id = u.id AND a.is_default = 1 LIMIT 1)")
#define SESSION_FIELD(t, m, sql)	DBQ_FIELD(struct db_session, t, m)
DBQ_ROWS(session_row, struct db_session, SESSION_COLS, SESSION_FIELD);

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
	"SELECT " SESSION_COLS(DBQ_SQL) ", u.kind, "
	"(SELECT version FROM refdata_version WHERE id = 1) "
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

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_SESSION)

/* See session.h. */
int
db_session_insert(struct db *db, const char *token_hash, int64_t user_id,
    int64_t now, int64_t expires_at)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_SESSION_INSERT),
	    DBQ_S(token_hash), DBQ_I(user_id), DBQ_I(now), DBQ_I(now),
	    DBQ_I(expires_at)), NULL);
}

/* A row of STMT_SESSION_GET as session_fill reads it. */
struct session_read {
	struct db_session	*out;
	int			 has_version;	/* refdata_version has a row */
	uint64_t		 version;
};

/* dbq_one_fn fill: the row of STMT_SESSION_GET into the struct
 * session_read at p, its session zeroed first. 0. */
static int
session_fill(struct dbq *q, void *p)
{
	struct session_read	*r = p;
	int			 c = (int)session_row.n;

	memset(r->out, 0, sizeof(*r->out));
	(void)dbq_read(q, 0, &session_row, r->out);
	r->out->user.kind = db_user_kind_parse(dbq_col_str(q, c, NULL));
	r->has_version = !dbq_col_null(q, c + 1);
	r->version = (uint64_t)dbq_col_int(q, c + 1);
	return 0;
}

/* See session.h. */
int
db_session_get(struct db *db, const char *token_hash, int64_t order_id,
    struct db_session *out)
{
	struct session_read	 r = { out, 0, 0 };
	int			 rc;

	rc = dbq_one_fn(dbq_bind(get(db, STMT_SESSION_GET),
	    DBQ_I(order_id > 0 ? order_id : 0), DBQ_S(token_hash)),
	    session_fill, &r);
	if (rc == 1 && r.has_version)
		db_refdata_seen(db, r.version);
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
