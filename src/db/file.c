/*
 * Statements of the files table (see file.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/file.h"
#include "db/stmt.h"

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
	"SELECT id, owner_user_id, owner_company_id, sha256, size, mime, "
	"stored_name, created_at FROM files WHERE id = ?",
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

/* See file.h. */
int64_t
db_file_insert(struct db *db, const struct db_file *f)
{
	struct dbq *q;
	int64_t id;

	if ((q = dbq_get(db, DB_T_FILE, STMT_FILE_INSERT,
	    stmts[STMT_FILE_INSERT])) == NULL)
		return -1;
	dbq_id_opt(q, f->owner_user_id);
	dbq_id_opt(q, f->owner_company_id);
	dbq_cstr(q, f->sha256);
	dbq_int(q, f->size);
	dbq_cstr(q, f->mime);
	dbq_cstr(q, f->stored_name);
	dbq_int(q, f->created_at);
	id = dbq_exec(q) == 0 ? dbq_insert_id(q) : -1;
	dbq_done(q);
	return id;
}

/* See file.h. */
int
db_file_get(struct db *db, int64_t id, struct db_file *out)
{
	struct dbq *q;
	int rc;

	if ((q = dbq_get(db, DB_T_FILE, STMT_FILE_GET,
	    stmts[STMT_FILE_GET])) == NULL)
		return -1;
	dbq_int(q, id);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		memset(out, 0, sizeof(*out));
		out->id = dbq_col_int(q, 0);
		out->owner_user_id = dbq_col_int(q, 1);
		out->owner_company_id = dbq_col_int(q, 2);
		dbq_col_copy(q, 3, out->sha256, sizeof(out->sha256));
		out->size = dbq_col_int(q, 4);
		dbq_col_copy(q, 5, out->mime, sizeof(out->mime));
		dbq_col_copy(q, 6, out->stored_name, sizeof(out->stored_name));
		out->created_at = dbq_col_int(q, 7);
	}
	dbq_done(q);
	return rc;
}

/* See file.h. */
int64_t
db_file_same_content(struct db *db, const char *sha256, int64_t not_id)
{
	struct dbq *q;
	int64_t id = 0;

	if ((q = dbq_get(db, DB_T_FILE, STMT_FILE_SAME,
	    stmts[STMT_FILE_SAME])) == NULL)
		return -1;
	dbq_cstr(q, sha256);
	dbq_int(q, not_id);
	return dbq_one_int(q, &id) == -1 ? -1 : id;
}

/* See file.h. */
int
db_file_render_add(struct db *db, int64_t file_id, int page,
    int64_t render_file_id, int width, int height)
{
	struct dbq *q;

	if ((q = dbq_get(db, DB_T_FILE, STMT_FILE_RENDER_ADD,
	    stmts[STMT_FILE_RENDER_ADD])) == NULL)
		return -1;
	dbq_int(q, file_id);
	dbq_int(q, page);
	dbq_int(q, render_file_id);
	dbq_int(q, width);
	dbq_int(q, height);
	return dbq_exec_done(q, NULL);
}

/* One integer column of statement st with parameters a (and b unless
 * it is STMT_FILE_RENDER_PAGES) into *out, 0 when no row. 0 or -1. */
static int
file_int_query(struct db *db, enum stmt st, int64_t a, int64_t b,
    int64_t *out)
{
	struct dbq *q;

	*out = 0;
	if ((q = dbq_get(db, DB_T_FILE, st, stmts[st])) == NULL)
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
