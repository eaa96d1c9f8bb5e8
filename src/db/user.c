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

#define USER_COLS \
	"id, kind, company_id, email, name, password_hash, failed_logins, " \
	"locked_until, COALESCE(language, '')"

static const char *const stmts[STMT__MAX] = {
	/* STMT_USER_BY_EMAIL_LOCK */
	"SELECT " USER_COLS " FROM users WHERE email = ? FOR UPDATE",
	/* STMT_USER_BY_ID */
	"SELECT " USER_COLS " FROM users WHERE id = ?",
	/* STMT_USER_INSERT_PERSON */
	"INSERT INTO users (kind, email, name, password_hash, created_at) "
	"VALUES ('person', ?, ?, ?, ?)",
	/* STMT_USER_LOGIN_FAILED */
	"UPDATE users SET failed_logins = ?, locked_until = NULLIF(?, 0) "
	"WHERE id = ?",
	/* STMT_USER_LOGIN_OK */
	"UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?",
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_USER, idx, stmts[idx]);
}

/* Copy the current row of a USER_COLS select into out. */
static void
user_row(struct dbq *q, struct db_user *out)
{
	const char *kind;

	memset(out, 0, sizeof(*out));
	out->id = dbq_col_int(q, 0);
	kind = dbq_col_str(q, 1, NULL);
	if (strcmp(kind, "admin") == 0)
		out->kind = DB_USER_ADMIN;
	else if (strcmp(kind, "company_member") == 0)
		out->kind = DB_USER_COMPANY_MEMBER;
	else
		out->kind = DB_USER_PERSON;
	out->company_id = dbq_col_int(q, 2);
	dbq_col_copy(q, 3, out->email, sizeof(out->email));
	dbq_col_copy(q, 4, out->name, sizeof(out->name));
	dbq_col_copy(q, 5, out->password_hash, sizeof(out->password_hash));
	out->failed_logins = (int)dbq_col_int(q, 6);
	out->locked_until = dbq_col_int(q, 7);
	dbq_col_copy(q, 8, out->language, sizeof(out->language));
}

/* Run a one-row USER_COLS select whose parameters are bound; 1/0/-1. */
static int
user_fetch_one(struct dbq *q, struct db_user *out)
{
	int rc;

	if ((rc = dbq_exec_fetch(q)) == 1)
		user_row(q, out);
	dbq_done(q);
	return rc;
}

/* See user.h. */
int
db_user_by_email_lock(struct db *db, const char *email, struct db_user *out)
{
	struct dbq *q;

	q = get(db, STMT_USER_BY_EMAIL_LOCK);
	if (q == NULL)
		return -1;
	dbq_cstr(q, email);
	return user_fetch_one(q, out);
}

/* See user.h. */
int
db_user_by_id(struct db *db, int64_t id, struct db_user *out)
{
	struct dbq *q;

	q = get(db, STMT_USER_BY_ID);
	if (q == NULL)
		return -1;
	dbq_int(q, id);
	return user_fetch_one(q, out);
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
