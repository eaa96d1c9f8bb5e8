/*
 * users.language: the language an account chose (db/language.h).
 * SQL only, bound parameters only (DESIGN.md).
 */
#include <stddef.h>
#include <string.h>

#include "db/db.h"
#include "db/language.h"
#include "db/stmt.h"

enum stmt {
	STMT_LANGUAGE_SET,
	STMT_LANGUAGE_GET,
	STMT_LANGUAGE_COMPANY,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_LANGUAGE_SET (read back: an unchanged value counts no row) */
	"UPDATE users SET language = ? WHERE id = ?",
	/* STMT_LANGUAGE_GET */
	"SELECT COALESCE(language, '') FROM users WHERE id = ?",
	/* STMT_LANGUAGE_COMPANY: the first owner who chose a language; the
	 * owners are the members marked so (company_roles), else the first
	 * member (as db/company_member.c reads them) */
	"SELECT COALESCE((SELECT u.language FROM users u LEFT JOIN "
	"company_roles r ON r.user_id = u.id AND r.company_id = u.company_id "
	"WHERE u.company_id = c.id AND u.kind = 'company_member' AND "
	"u.language IS NOT NULL AND (r.is_owner = 1 OR (u.id = (SELECT "
	"MIN(m.id) FROM users m WHERE m.company_id = c.id AND m.kind = "
	"'company_member') AND NOT EXISTS (SELECT 1 FROM company_roles o JOIN "
	"users ou ON ou.id = o.user_id AND ou.company_id = o.company_id WHERE "
	"o.company_id = c.id AND o.is_owner = 1))) ORDER BY u.id LIMIT 1), '') "
	"FROM companies c WHERE c.id = ?",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_LANGUAGE)

/* See language.h. */
int
db_user_set_language(struct db *db, int64_t user_id, const char *tag)
{
	struct dbq	*q;
	int		 rc;
	char		 now[8];

	q = get(db, STMT_LANGUAGE_SET);
	if (q == NULL)
		return -1;
	if (tag != NULL && *tag != '\0')
		dbq_cstr(q, tag);
	else
		dbq_null(q);
	dbq_int(q, user_id);
	rc = dbq_exec(q);
	dbq_done(q);
	if (rc == -1)
		return -1;
	return db_user_language(db, user_id, now, sizeof(now));
}

/* See language.h. */
int
db_user_language(struct db *db, int64_t user_id, char *out, size_t outsz)
{
	return dbq_one_text(dbq_bind(get(db, STMT_LANGUAGE_GET),
	    DBQ_I(user_id)), out, outsz);
}

/* See language.h. */
int
db_company_language(struct db *db, int64_t company_id, char *tag,
    size_t tagsz)
{
	return dbq_one_text(dbq_bind(get(db, STMT_LANGUAGE_COMPANY),
	    DBQ_I(company_id)), tag, tagsz);
}
