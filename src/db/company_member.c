/*
 * Company roles and invitations (see company_member.h). SQL only, bound
 * parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/company_member.h"
#include "db/db.h"
#include "db/stmt.h"

/* The columns of a row (struct db_member_role), each with its SQL. */
#define ROLE_ROW_COLS(C) \
	C(INT,	user_id,	"u.id") \
	C(INT,	company_id,	", u.company_id") \
	C(TEXT,	email,		", u.email") \
	C(TEXT,	name,		", u.name") \
	C(INT,	has_row,	", r.user_id IS NOT NULL") \
	C(INT,	is_owner,	", COALESCE(r.is_owner, 0)") \
	C(INT,	can_order,	", COALESCE(r.can_order, 1)") \
	C(INT,	can_sign,	", COALESCE(r.can_sign, 1)") \
	C(INT,	can_upload,	", COALESCE(r.can_upload, 1)") \
	C(INT,	first_member,	", (SELECT MIN(m.id) FROM users m WHERE m.company_id = u.company_id AND m.kind = 'company_member')") \
	C(INT,	owners,		", (SELECT COUNT(*) FROM company_roles o JOIN users ou ON ou.id = o.user_id AND ou.company_id = o.company_id WHERE o.company_id = u.company_id AND o.is_owner = 1)")
#define ROLE_ROW_FIELD(t, m, sql)	DBQ_FIELD(struct db_member_role, t, m)
DBQ_ROWS(role_row, struct db_member_role, ROLE_ROW_COLS, ROLE_ROW_FIELD);

/* The columns of a row (struct db_invite), each with its SQL. */
#define INVITE_ROW_COLS(C) \
	C(INT,	id,		"i.id") \
	C(INT,	company_id,	", i.company_id") \
	C(TEXT,	company_name,	", c.name") \
	C(TEXT,	email,		", i.email") \
	C(INT,	can_order,	", i.can_order") \
	C(INT,	can_sign,	", i.can_sign") \
	C(INT,	can_upload,	", i.can_upload") \
	C(INVITE, status,	", i.status") \
	C(INT,	invited_by,	", i.invited_by") \
	C(INT,	created_at,	", i.created_at") \
	C(INT,	expires_at,	", i.expires_at")
#define INVITE_ROW_FIELD(t, m, sql)	DBQ_FIELD(struct db_invite, t, m)
DBQ_ROWS(invite_row, struct db_invite, INVITE_ROW_COLS, INVITE_ROW_FIELD);

enum stmt {
	STMT_M_ROLE,
	STMT_M_ROLE_LOCK,
	STMT_M_ROLES,
	STMT_M_ROLE_SET,
	STMT_M_ROLE_DELETE,
	STMT_M_JOIN,
	STMT_M_LEAVE,
	STMT_I_INSERT,
	STMT_I_BY_TOKEN,
	STMT_I_BY_TOKEN_LOCK,
	STMT_I_ACCEPT,
	STMT_I_REVOKE,
	STMT_I_PENDING,
	STMT_I_BY_ID_LOCK,
	STMT__MAX
};

#define ROLE_COLS \
	"SELECT " ROLE_ROW_COLS(DBQ_SQL) \
	" FROM users u LEFT JOIN company_roles r ON r.user_id = u.id AND " \
	"r.company_id = u.company_id "

#define INVITE_COLS \
	"SELECT " INVITE_ROW_COLS(DBQ_SQL) \
	" FROM company_invitations i JOIN companies c ON c.id = " \
	"i.company_id "

static const char *const stmts[STMT__MAX] = {
	/* STMT_M_ROLE */
	ROLE_COLS "WHERE u.id = ? AND u.company_id = ? "
	"AND u.kind = 'company_member'",
	/* STMT_M_ROLE_LOCK */
	ROLE_COLS "WHERE u.id = ? AND u.company_id = ? "
	"AND u.kind = 'company_member' FOR UPDATE",
	/* STMT_M_ROLES */
	ROLE_COLS "WHERE u.company_id = ? AND u.kind = 'company_member' "
	"ORDER BY u.id",
	/* STMT_M_ROLE_SET */
	"INSERT INTO company_roles (user_id, company_id, is_owner, can_order, "
	"can_sign, can_upload, updated_by, updated_at) VALUES "
	"(?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE company_id = "
	"VALUES(company_id), is_owner = VALUES(is_owner), can_order = "
	"VALUES(can_order), can_sign = VALUES(can_sign), can_upload = "
	"VALUES(can_upload), updated_by = VALUES(updated_by), updated_at = "
	"VALUES(updated_at)",
	/* STMT_M_ROLE_DELETE */
	"DELETE FROM company_roles WHERE user_id = ?",
	/* STMT_M_JOIN */
	"UPDATE users SET kind = 'company_member', company_id = ? "
	"WHERE id = ? AND kind = 'person'",
	/* STMT_M_LEAVE */
	"UPDATE users SET kind = 'person', company_id = NULL "
	"WHERE id = ? AND company_id = ? AND kind = 'company_member'",
	/* STMT_I_INSERT */
	"INSERT INTO company_invitations (company_id, email, token_hash, "
	"can_order, can_sign, can_upload, invited_by, created_at, expires_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_I_BY_TOKEN */
	INVITE_COLS "WHERE i.token_hash = ?",
	/* STMT_I_BY_TOKEN_LOCK */
	INVITE_COLS "WHERE i.token_hash = ? FOR UPDATE",
	/* STMT_I_ACCEPT */
	"UPDATE company_invitations SET status = 'accepted', accepted_by = ?, "
	"accepted_at = ? WHERE id = ? AND company_id = ? AND status = 'pending'",
	/* STMT_I_REVOKE */
	"UPDATE company_invitations SET status = 'revoked', accepted_at = ? "
	"WHERE id = ? AND company_id = ? AND status = 'pending'",
	/* STMT_I_PENDING */
	INVITE_COLS "WHERE i.company_id = ? AND i.status = 'pending' "
	"ORDER BY i.created_at DESC, i.id DESC LIMIT 100",
	/* STMT_I_BY_ID_LOCK */
	INVITE_COLS "WHERE i.id = ? AND i.company_id = ? FOR UPDATE",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_MEMBER)

/* See company_member.h. */
int
db_member_role(struct db *db, int64_t user_id, int64_t company_id, int lock,
    struct db_member_role *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, lock ? STMT_M_ROLE_LOCK : STMT_M_ROLE),
	    DBQ_I(user_id), DBQ_I(company_id)), &role_row, out);
}

/* See company_member.h. */
int
db_member_roles(struct db *db, int64_t company_id,
    struct db_member_role **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_M_ROLES), DBQ_I(company_id)),
	    &role_row, (void **)out, n);
}

/* See company_member.h. */
int
db_member_role_set(struct db *db, int64_t user_id, int64_t company_id,
    int is_owner, int can_order, int can_sign, int can_upload, int64_t actor,
    int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_M_ROLE_SET), DBQ_I(user_id),
	    DBQ_I(company_id), DBQ_I(is_owner ? 1 : 0),
	    DBQ_I(can_order ? 1 : 0), DBQ_I(can_sign ? 1 : 0),
	    DBQ_I(can_upload ? 1 : 0), DBQ_IDO(actor), DBQ_I(now)), NULL);
}

/* See company_member.h. */
int
db_member_role_delete(struct db *db, int64_t user_id)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_M_ROLE_DELETE),
	    DBQ_I(user_id)), NULL);
}

/* See company_member.h. */
int
db_member_join(struct db *db, int64_t user_id, int64_t company_id)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_M_JOIN), DBQ_I(company_id),
	    DBQ_I(user_id)));
}

/* See company_member.h. */
int
db_member_leave(struct db *db, int64_t user_id, int64_t company_id)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_M_LEAVE), DBQ_I(user_id),
	    DBQ_I(company_id)));
}

/* See company_member.h. */
int64_t
db_invite_insert(struct db *db, int64_t company_id, const char *email,
    const char *token_hash, int can_order, int can_sign, int can_upload,
    int64_t by, int64_t now, int64_t expires)
{
	struct dbq	*q;
	int64_t		 id = -1;

	if ((q = get(db, STMT_I_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(company_id), DBQ_S(email), DBQ_S(token_hash),
	    DBQ_I(can_order ? 1 : 0), DBQ_I(can_sign ? 1 : 0),
	    DBQ_I(can_upload ? 1 : 0), DBQ_I(by), DBQ_I(now), DBQ_I(expires));
	if (dbq_exec(q) == 0)
		id = dbq_insert_id(q);
	dbq_done(q);
	return id;
}

/* See company_member.h. */
int
db_invite_by_token(struct db *db, const char *token_hash, int lock,
    struct db_invite *out)
{
	struct dbq	*q;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, lock ? STMT_I_BY_TOKEN_LOCK : STMT_I_BY_TOKEN)) ==
	    NULL)
		return -1;
	dbq_cstr(q, token_hash);
	return dbq_one(q, &invite_row, out);
}

/* See company_member.h. */
int
db_invite_close(struct db *db, int64_t id, int64_t company_id,
    int64_t user_id, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, user_id > 0 ? STMT_I_ACCEPT : STMT_I_REVOKE)) ==
	    NULL)
		return -1;
	if (user_id > 0)
		dbq_int(q, user_id);
	dbq_bind(q, DBQ_I(now), DBQ_I(id), DBQ_I(company_id));
	return dbq_exec_one(q);
}

/* See company_member.h. */
int
db_invite_pending(struct db *db, int64_t company_id, struct db_invite **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_I_PENDING), DBQ_I(company_id)),
	    &invite_row, (void **)out, n);
}

/* See company_member.h. */
int
db_invite_get_lock(struct db *db, int64_t id, int64_t company_id,
    struct db_invite *out)
{
	struct dbq	*q;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, STMT_I_BY_ID_LOCK)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(id), DBQ_I(company_id));
	return dbq_one(q, &invite_row, out);
}
