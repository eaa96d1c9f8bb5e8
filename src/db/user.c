/*
 * users: the rows sign-in, registration and sessions read and write.
 * SQL only, bound parameters only (DESIGN.md).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/stmt.h"
#include "db/user.h"

enum stmt {
	STMT_USER_BY_EMAIL_LOCK,
	STMT_USER_BY_ID,
	STMT_USER_INSERT_PERSON,
	STMT_USER_LOGIN_FAILED,
	STMT_USER_LOGIN_OK,
	STMT__MAX
};

/* The columns of a user (struct db_user), each with its SQL; its kind
 * follows them (user_fill). */
#define USER_COLS(C) \
	C(INT,	id,		"id") \
	C(INT,	company_id,	", company_id") \
	C(TEXT,	email,		", email") \
	C(TEXT,	name,		", name") \
	C(TEXT,	password_hash,	", password_hash") \
	C(INT,	failed_logins,	", failed_logins") \
	C(INT,	locked_until,	", locked_until") \
	C(TEXT,	language,	", COALESCE(language, '')")
#define USER_FIELD(t, m, sql)	DBQ_FIELD(struct db_user, t, m)
DBQ_ROWS(user_tab, struct db_user, USER_COLS, USER_FIELD);
#define U_COLS	"SELECT " USER_COLS(DBQ_SQL) ", kind FROM users "

static const char *const stmts[STMT__MAX] = {
	/* STMT_USER_BY_EMAIL_LOCK */
	U_COLS "WHERE email = ? FOR UPDATE",
	/* STMT_USER_BY_ID */
	U_COLS "WHERE id = ?",
	/* STMT_USER_INSERT_PERSON */
	"INSERT INTO users (kind, email, name, password_hash, created_at) "
	"VALUES ('person', ?, ?, ?, ?)",
	/* STMT_USER_LOGIN_FAILED */
	"UPDATE users SET failed_logins = ?, locked_until = NULLIF(?, 0) "
	"WHERE id = ?",
	/* STMT_USER_LOGIN_OK */
	"UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_USER)

/* See user.h. */
enum db_user_kind
db_user_kind_parse(const char *kind)
{
	if (strcmp(kind, "admin") == 0)
		return DB_USER_ADMIN;
	if (strcmp(kind, "company_member") == 0)
		return DB_USER_COMPANY_MEMBER;
	return DB_USER_PERSON;
}

/* dbq_one_fn fill: a U_COLS row into *p, zeroed first: 0. */
static int
user_fill(struct dbq *q, void *p)
{
	struct db_user *u = p;

	memset(u, 0, sizeof(*u));
	(void)dbq_read(q, 0, &user_tab, u);
	u->kind = db_user_kind_parse(dbq_col_str(q, (int)user_tab.n, NULL));
	return 0;
}

/* See user.h. */
int
db_user_by_email_lock(struct db *db, const char *email, struct db_user *out)
{
	return dbq_one_fn(dbq_bind(get(db, STMT_USER_BY_EMAIL_LOCK),
	    DBQ_S(email)), user_fill, out);
}

/* See user.h. */
int
db_user_by_id(struct db *db, int64_t id, struct db_user *out)
{
	return dbq_one_fn(dbq_bind(get(db, STMT_USER_BY_ID), DBQ_I(id)),
	    user_fill, out);
}

/* See user.h. */
int
db_user_insert_person(struct db *db, const char *email, const char *name,
    const char *password_hash, int64_t now, int64_t *id)
{
	struct dbq	*q;
	int		 rc = 0;

	q = get(db, STMT_USER_INSERT_PERSON);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(email), DBQ_S(name), DBQ_S(password_hash),
	    DBQ_I(now));
	if (dbq_exec(q) == -1)
		rc = dbq_errno(q) == DBQ_ER_DUP_ENTRY ? 1 : -1;
	else
		*id = dbq_insert_id(q);
	dbq_done(q);
	return rc;
}

/* See user.h. */
int
db_user_login_failed(struct db *db, int64_t id, int failed_logins,
    int64_t locked_until)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_USER_LOGIN_FAILED),
	    DBQ_I(failed_logins), DBQ_I(locked_until), DBQ_I(id)), NULL);
}

/* See user.h. */
int
db_user_login_ok(struct db *db, int64_t id)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_USER_LOGIN_OK), DBQ_I(id)),
	    NULL);
}
