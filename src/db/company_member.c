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
	"SELECT u.id, u.company_id, u.email, u.name, r.user_id IS NOT NULL, " \
	"COALESCE(r.is_owner, 0), COALESCE(r.can_order, 1), " \
	"COALESCE(r.can_sign, 1), COALESCE(r.can_upload, 1), " \
	"(SELECT MIN(m.id) FROM users m WHERE m.company_id = u.company_id " \
	"AND m.kind = 'company_member'), " \
	"(SELECT COUNT(*) FROM company_roles o JOIN users ou ON ou.id = " \
	"o.user_id AND ou.company_id = o.company_id WHERE o.company_id = " \
	"u.company_id AND o.is_owner = 1) " \
	"FROM users u LEFT JOIN company_roles r ON r.user_id = u.id AND " \
	"r.company_id = u.company_id "
/* Columns of ROLE_COLS, in its SELECT order. */
enum role_col {
	ROLE_C_USER_ID, ROLE_C_COMPANY_ID, ROLE_C_EMAIL, ROLE_C_NAME,
	ROLE_C_HAS_ROW, ROLE_C_IS_OWNER, ROLE_C_CAN_ORDER, ROLE_C_CAN_SIGN,
	ROLE_C_CAN_UPLOAD, ROLE_C_FIRST_MEMBER, ROLE_C_OWNERS, ROLE_C__N
};

#define INVITE_COLS \
	"SELECT i.id, i.company_id, c.name, i.email, i.can_order, " \
	"i.can_sign, i.can_upload, i.status, i.invited_by, i.created_at, " \
	"i.expires_at FROM company_invitations i JOIN companies c ON " \
	"c.id = i.company_id "
/* Columns of INVITE_COLS, in its SELECT order. */
enum invite_col {
	INV_C_ID, INV_C_COMPANY_ID, INV_C_COMPANY_NAME, INV_C_EMAIL,
	INV_C_CAN_ORDER, INV_C_CAN_SIGN, INV_C_CAN_UPLOAD, INV_C_STATUS,
	INV_C_INVITED_BY, INV_C_CREATED_AT, INV_C_EXPIRES_AT, INV_C__N
};

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

static struct dbq *
get(struct db *db, enum stmt s)
{
	return dbq_get(db, DB_T_MEMBER, s, stmts[s]);
}

/* Fill a member role from the current row. */
static void
fill_role(struct dbq *q, void *arg)
{
	struct db_member_role *r = arg;

	r->user_id = dbq_col_int(q, ROLE_C_USER_ID);
	r->company_id = dbq_col_int(q, ROLE_C_COMPANY_ID);
	dbq_col_copy(q, ROLE_C_EMAIL, r->email, sizeof(r->email));
	dbq_col_copy(q, ROLE_C_NAME, r->name, sizeof(r->name));
	r->has_row = (int)dbq_col_int(q, ROLE_C_HAS_ROW);
	r->is_owner = (int)dbq_col_int(q, ROLE_C_IS_OWNER);
	r->can_order = (int)dbq_col_int(q, ROLE_C_CAN_ORDER);
	r->can_sign = (int)dbq_col_int(q, ROLE_C_CAN_SIGN);
	r->can_upload = (int)dbq_col_int(q, ROLE_C_CAN_UPLOAD);
	r->first_member = dbq_col_int(q, ROLE_C_FIRST_MEMBER);
	r->owners = (int)dbq_col_int(q, ROLE_C_OWNERS);
}

/* See company_member.h. */
int
db_member_role(struct db *db, int64_t user_id, int64_t company_id, int lock,
    struct db_member_role *out)
{
	struct dbq	*q;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, lock ? STMT_M_ROLE_LOCK : STMT_M_ROLE)) == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_int(q, company_id);
	if ((rc = dbq_exec_fetch(q)) == 1)
		fill_role(q, out);
	dbq_done(q);
	return rc;
}

/* See company_member.h. */
int
db_member_roles(struct db *db, int64_t company_id,
    struct db_member_role **out, size_t *n)
{
	return dbq_list_id(get(db, STMT_M_ROLES), company_id, sizeof(**out),
	    fill_role, (void **)out, n);
}

/* See company_member.h. */
int
db_member_role_set(struct db *db, int64_t user_id, int64_t company_id,
    int is_owner, int can_order, int can_sign, int can_upload, int64_t actor,
    int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_M_ROLE_SET)) == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_int(q, company_id);
	dbq_int(q, is_owner ? 1 : 0);
	dbq_int(q, can_order ? 1 : 0);
	dbq_int(q, can_sign ? 1 : 0);
	dbq_int(q, can_upload ? 1 : 0);
	dbq_id_opt(q, actor);
	dbq_int(q, now);
	return dbq_exec_done(q, NULL);
}

/* See company_member.h. */
int
db_member_role_delete(struct db *db, int64_t user_id)
{
	struct dbq *q;

	if ((q = get(db, STMT_M_ROLE_DELETE)) == NULL)
		return -1;
	dbq_int(q, user_id);
	return dbq_exec_done(q, NULL);
}

/* See company_member.h. */
int
db_member_join(struct db *db, int64_t user_id, int64_t company_id)
{
	struct dbq *q;

	if ((q = get(db, STMT_M_JOIN)) == NULL)
		return -1;
	dbq_int(q, company_id);
	dbq_int(q, user_id);
	return dbq_exec_one(q);
}

/* See company_member.h. */
int
db_member_leave(struct db *db, int64_t user_id, int64_t company_id)
{
	struct dbq *q;

	if ((q = get(db, STMT_M_LEAVE)) == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_int(q, company_id);
	return dbq_exec_one(q);
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
	dbq_int(q, company_id);
	dbq_cstr(q, email);
	dbq_cstr(q, token_hash);
	dbq_int(q, can_order ? 1 : 0);
	dbq_int(q, can_sign ? 1 : 0);
	dbq_int(q, can_upload ? 1 : 0);
	dbq_int(q, by);
	dbq_int(q, now);
	dbq_int(q, expires);
	if (dbq_exec(q) == 0)
		id = dbq_insert_id(q);
	dbq_done(q);
	return id;
}

/* Fill an invitation from the current row. */
static void
fill_invite(struct dbq *q, void *arg)
{
	struct db_invite *i = arg;

	i->id = dbq_col_int(q, INV_C_ID);
	i->company_id = dbq_col_int(q, INV_C_COMPANY_ID);
	dbq_col_copy(q, INV_C_COMPANY_NAME, i->company_name,
	    sizeof(i->company_name));
	dbq_col_copy(q, INV_C_EMAIL, i->email, sizeof(i->email));
	i->can_order = (int)dbq_col_int(q, INV_C_CAN_ORDER);
	i->can_sign = (int)dbq_col_int(q, INV_C_CAN_SIGN);
	i->can_upload = (int)dbq_col_int(q, INV_C_CAN_UPLOAD);
	dbq_col_copy(q, INV_C_STATUS, i->status, sizeof(i->status));
	i->invited_by = dbq_col_int(q, INV_C_INVITED_BY);
	i->created_at = dbq_col_int(q, INV_C_CREATED_AT);
	i->expires_at = dbq_col_int(q, INV_C_EXPIRES_AT);
}

/* Run the bound one-invitation query q into *out and release it. 1, 0,
 * -1. */
static int
invite_one(struct dbq *q, struct db_invite *out)
{
	int rc;

	if ((rc = dbq_exec_fetch(q)) == 1)
		fill_invite(q, out);
	dbq_done(q);
	return rc;
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
	return invite_one(q, out);
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
	dbq_int(q, now);
	dbq_int(q, id);
	dbq_int(q, company_id);
	return dbq_exec_one(q);
}

/* See company_member.h. */
int
db_invite_pending(struct db *db, int64_t company_id, struct db_invite **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_I_PENDING), company_id, sizeof(**out),
	    fill_invite, (void **)out, n);
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
	dbq_int(q, id);
	dbq_int(q, company_id);
	return invite_one(q, out);
}
