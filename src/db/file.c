/*
 * Statements of the files table (see file.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/file.h"
#include "db/stmt.h"

/* The columns of a file (struct db_file), each with its SQL. */
#define FILE_COLS(C) \
	C(INT,	id,			"id") \
	C(INT,	owner_user_id,		", owner_user_id") \
	C(INT,	owner_company_id,	", owner_company_id") \
	C(TEXT,	sha256,			", sha256") \
	C(INT,	size,			", size") \
	C(TEXT,	mime,			", mime") \
	C(TEXT,	stored_name,		", stored_name") \
	C(INT,	created_at,		", created_at")
#define FILE_FIELD(t, m, sql)	DBQ_FIELD(struct db_file, t, m)
DBQ_ROWS(file_row, struct db_file, FILE_COLS, FILE_FIELD);

enum stmt {
	STMT_FILE_INSERT,
	STMT_FILE_GET,
	STMT_FILE_SAME,
	STMT_FILE_RENDER_ADD,
	STMT_FILE_RENDER_GET,
	STMT_FILE_RENDER_PAGES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_FILE_INSERT */
	"INSERT INTO files (owner_user_id, owner_company_id, sha256, size, "
	"mime, stored_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_FILE_GET */
	"SELECT " FILE_COLS(DBQ_SQL) " FROM files WHERE id = ?",
	/* STMT_FILE_SAME */
	"SELECT id FROM files WHERE sha256 = ? AND id <> ? ORDER BY id LIMIT 1",
	/* STMT_FILE_RENDER_ADD */
	"INSERT INTO file_renders (file_id, page, render_file_id, width, "
	"height) VALUES (?, ?, ?, ?, ?)",
	/* STMT_FILE_RENDER_GET */
	"SELECT render_file_id FROM file_renders WHERE file_id = ? AND page = ?",
	/* STMT_FILE_RENDER_PAGES */
	"SELECT COUNT(*) FROM file_renders WHERE file_id = ? AND page > 0",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_FILE)

/* See file.h. */
int64_t
db_file_insert(struct db *db, const struct db_file *f)
{
	struct dbq *q;
	int64_t id;

	if ((q = get(db, STMT_FILE_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_IDO(f->owner_user_id), DBQ_IDO(f->owner_company_id),
	    DBQ_S(f->sha256), DBQ_I(f->size), DBQ_S(f->mime),
	    DBQ_S(f->stored_name), DBQ_I(f->created_at));
	id = dbq_exec(q) == 0 ? dbq_insert_id(q) : -1;
	dbq_done(q);
	return id;
}

/* See file.h. */
int
db_file_get(struct db *db, int64_t id, struct db_file *out)
{
	return dbq_one(dbq_bind(get(db, STMT_FILE_GET), DBQ_I(id)), &file_row,
	    out);
}

/* See file.h. */
int64_t
db_file_same_content(struct db *db, const char *sha256, int64_t not_id)
{
	struct dbq *q;
	int64_t id = 0;

	if ((q = get(db, STMT_FILE_SAME)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(sha256), DBQ_I(not_id));
	return dbq_one_int(q, &id) == -1 ? -1 : id;
}

/* See file.h. */
int
db_file_render_add(struct db *db, int64_t file_id, int page,
    int64_t render_file_id, int width, int height)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_FILE_RENDER_ADD),
	    DBQ_I(file_id), DBQ_I(page), DBQ_I(render_file_id), DBQ_I(width),
	    DBQ_I(height)), NULL);
}

/* One integer column of statement st with parameters a (and b unless
 * it is STMT_FILE_RENDER_PAGES) into *out, 0 when no row. 0 or -1. */
static int
file_int_query(struct db *db, enum stmt st, int64_t a, int64_t b,
    int64_t *out)
{
	struct dbq *q;

	*out = 0;
	if ((q = get(db, st)) == NULL)
		return -1;
	dbq_int(q, a);
	if (st != STMT_FILE_RENDER_PAGES)
		dbq_int(q, b);
	return dbq_one_int(q, out) == -1 ? -1 : 0;
}

/* See file.h. */
int64_t
db_file_render_get(struct db *db, int64_t file_id, int page)
{
	int64_t id;

	return file_int_query(db, STMT_FILE_RENDER_GET, file_id, page,
	    &id) == -1 ? -1 : id;
}

/* See file.h. */
int
db_file_render_pages(struct db *db, int64_t file_id)
{
	int64_t n;

	return file_int_query(db, STMT_FILE_RENDER_PAGES, file_id, 0,
	    &n) == -1 ? -1 : (int)n;
}
