/*
 * admin_accounts: roles, disabled admins, invitations (admin_account.h).
 * SQL only, bound parameters only (DESIGN.md).
 */
#include <string.h>

#include "db/admin_account.h"
#include "db/db.h"
#include "db/stmt.h"

enum stmt {
	STMT_GET,
	STMT_LOCK,
	STMT_OWNERS_LOCK,
	STMT_LIST,
	STMT_INSERT,
	STMT_USER_INSERT,
	STMT_SET_ROLES,
	STMT_SET_DISABLED,
	STMT_INVITE_LOCK,
	STMT_ACCEPT_USER,
	STMT_ACCEPT_ACCOUNT,
	STMT__MAX
};

/* The columns of an account (struct db_admin_account) of users u LEFT
 * JOIN admin_accounts a, each with its SQL. */
#define ACC_COLS(C) \
	C(INT,	user_id,		"u.id") \
	C(TEXT,	email,			", u.email") \
	C(TEXT,	name,			", u.name") \
	C(INT,	roles,			", COALESCE(a.roles, 0)") \
	C(BOOL,	has_row,		", a.user_id IS NOT NULL") \
	C(INT,	disabled_at,		", COALESCE(a.disabled_at, 0)") \
	C(BOOL,	invited,		", a.invite_hash IS NOT NULL") \
	C(INT,	invite_expires_at,	", COALESCE(a.invite_expires_at, 0)")
/* ACC_COLS and the last sign-in, the audit's (admin_audit_signin). */
#define LIST_COLS(C) \
	ACC_COLS(C) \
	C(INT,	last_signin_at,		", (SELECT COALESCE(MAX(e.at), 0) FROM events e WHERE e.subject_type = 'user' AND e.subject_id = u.id AND e.to_state = 'signin')")
#define ACC_FIELD(t, m, sql)	DBQ_FIELD(struct db_admin_account, t, m)
DBQ_ROWS(account_tab, struct db_admin_account, ACC_COLS, ACC_FIELD);
DBQ_ROWS(list_tab, struct db_admin_account, LIST_COLS, ACC_FIELD);
#define ACC_FROM \
	" FROM users u LEFT JOIN admin_accounts a ON a.user_id = u.id "

static const char *const stmts[STMT__MAX] = {
	/* STMT_GET */
	"SELECT " ACC_COLS(DBQ_SQL) ACC_FROM
	"WHERE u.id = ? AND u.kind = 'admin'",
	/* STMT_LOCK */
	"SELECT " ACC_COLS(DBQ_SQL) ACC_FROM
	"WHERE u.id = ? AND u.kind = 'admin' FOR UPDATE",
	/* STMT_OWNERS_LOCK: every row is locked (no index on roles), which
	 * serialises the use cases that could remove the last owner. */
	"SELECT user_id FROM admin_accounts WHERE (roles & 8) <> 0 AND "
	"disabled_at IS NULL AND invite_hash IS NULL FOR UPDATE",
	/* STMT_LIST */
	"SELECT " LIST_COLS(DBQ_SQL) ACC_FROM
	"WHERE u.kind = 'admin' ORDER BY u.email",
	/* STMT_INSERT */
	"INSERT INTO admin_accounts (user_id, roles, invite_hash, "
	"invite_expires_at, invited_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_USER_INSERT: '!' is no argon2id hash: nothing verifies */
	"INSERT INTO users (kind, email, name, password_hash, created_at) "
	"VALUES ('admin', ?, ?, '!', ?)",
	/* STMT_SET_ROLES */
	"UPDATE admin_accounts SET roles = ?, updated_at = ? WHERE user_id = ?",
	/* STMT_SET_DISABLED */
	"UPDATE admin_accounts SET disabled_at = NULLIF(?, 0), updated_at = ? "
	"WHERE user_id = ?",
	/* STMT_INVITE_LOCK */
	"SELECT " ACC_COLS(DBQ_SQL) ACC_FROM
	"WHERE a.invite_hash = ? AND u.kind = 'admin' FOR UPDATE",
	/* STMT_ACCEPT_USER */
	"UPDATE users SET name = ?, password_hash = ?, failed_logins = 0, "
	"locked_until = NULL WHERE id = ? AND kind = 'admin'",
	/* STMT_ACCEPT_ACCOUNT */
	"UPDATE admin_accounts SET invite_hash = NULL, invite_expires_at = "
	"NULL, updated_at = ? WHERE user_id = ?",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_ADMIN_ACCOUNT)

/* Run the one-row select idx with one bound value (id, or text when s is
 * not NULL) into out. 1/0/-1. */
static int
fetch_one(struct db *db, int idx, int64_t id, const char *s,
    struct db_admin_account *out)
{
	struct dbq *q = get(db, idx);

	return dbq_one(s != NULL ? dbq_bind(q, DBQ_S(s)) :
	    dbq_bind(q, DBQ_I(id)), &account_tab, out);
}

/* See admin_account.h. */
int
db_admin_account_get(struct db *db, int64_t user_id,
    struct db_admin_account *out)
{
	return fetch_one(db, STMT_GET, user_id, NULL, out);
}

/* See admin_account.h. */
int
db_admin_account_lock(struct db *db, int64_t user_id,
    struct db_admin_account *out)
{
	return fetch_one(db, STMT_LOCK, user_id, NULL, out);
}

/* See admin_account.h. */
int
db_admin_invite_lock(struct db *db, const char *invite_hash,
    struct db_admin_account *out)
{
	return fetch_one(db, STMT_INVITE_LOCK, 0, invite_hash, out);
}

/* See admin_account.h. */
int
db_admin_owners_lock(struct db *db, int64_t *n)
{
	struct dbq *q;

	q = get(db, STMT_OWNERS_LOCK);
	if (q == NULL || dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	*n = (int64_t)dbq_affected(q);
	dbq_done(q);
	return 0;
}

/* See admin_account.h. */
int
db_admin_account_list(struct db *db, struct db_admin_account **out,
    size_t *n)
{
	return dbq_rows(get(db, STMT_LIST), &list_tab, (void **)out, n);
}

/* See admin_account.h. */
int
db_admin_account_insert(struct db *db, int64_t user_id, unsigned roles,
    const char *invite_hash, int64_t expires, int64_t invited_by,
    int64_t now)
{
	struct dbq	*q;
	int		 invited = invite_hash != NULL && invite_hash[0] != '\0';

	q = get(db, STMT_INSERT);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_I((int64_t)roles),
	    DBQ_SO(invited ? invite_hash : NULL));
	if (invited)
		dbq_int(q, expires);
	else
		dbq_null(q);
	dbq_bind(q, DBQ_IDO(invited ? invited_by : 0), DBQ_I(now));
	return dbq_exec_done(q, NULL);
}

/* See admin_account.h. */
int
db_admin_user_insert(struct db *db, const char *email, const char *name,
    int64_t now, int64_t *id)
{
	struct dbq	*q;
	int64_t		 got;

	q = get(db, STMT_USER_INSERT);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(email), DBQ_S(name), DBQ_I(now));
	if ((got = dbq_exec_insert(q)) <= 0)
		return got == 0 ? 1 : -1;
	*id = got;
	return 0;
}

/* Run the update idx with three integer parameters. 0 or -1. */
static int
update3(struct db *db, int idx, int64_t a, int64_t b, int64_t c)
{
	return dbq_exec_done(dbq_bind(get(db, idx), DBQ_I(a), DBQ_I(b),
	    DBQ_I(c)), NULL);
}

/* See admin_account.h. */
int
db_admin_account_set_roles(struct db *db, int64_t user_id, unsigned roles,
    int64_t now)
{
	return update3(db, STMT_SET_ROLES, (int64_t)roles, now, user_id);
}

/* See admin_account.h. */
int
db_admin_account_set_disabled(struct db *db, int64_t user_id,
    int64_t disabled, int64_t now)
{
	return update3(db, STMT_SET_DISABLED, disabled, now, user_id);
}

/* See admin_account.h. */
int
db_admin_invite_accept(struct db *db, int64_t user_id, const char *name,
    const char *password_hash, int64_t now)
{
	struct dbq *q;

	q = get(db, STMT_ACCEPT_USER);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(name), DBQ_S(password_hash), DBQ_I(user_id));
	if (dbq_exec_one(q) != 1)
		return -1;
	q = get(db, STMT_ACCEPT_ACCOUNT);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(now), DBQ_I(user_id));
	return dbq_exec_done(q, NULL);
}
