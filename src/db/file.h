#ifndef MALLPAY_DB_FILE_H
#define MALLPAY_DB_FILE_H

/* Statements of the files table (migration 004, platform); used by
 * service/filestore.c, which owns the files on disk. */

#include <stdint.h>

struct db;

struct db_file {
	int64_t	id;
	int64_t	owner_user_id;		/* 0 when NULL */
	int64_t	owner_company_id;	/* 0 when NULL */
	char	sha256[65];
	int64_t	size;
	char	mime[65];
	char	stored_name[41];
	int64_t	created_at;
};

/* Insert f (id ignored; owners 0 are NULL). Returns the new id, or -1. */
int64_t	db_file_insert(struct db *, const struct db_file *f);
/* Read file id. Returns 1 found, 0 none, -1 error. */
int	db_file_get(struct db *, int64_t id, struct db_file *out);
/* The oldest other file (id != not_id) with the same plaintext sha256:
 * returns its id, 0 when none, -1 on error. */
int64_t	db_file_same_content(struct db *, const char *sha256, int64_t not_id);

/* The pictures drawn from an upload (migration 033): page 0 its
 * thumbnail, 1.. its review images, each a files row of its own. */
/* Record render_file_id as page of file_id. Returns 0 or -1. */
int	db_file_render_add(struct db *, int64_t file_id, int page,
	    int64_t render_file_id, int width, int height);
/* The files id of page of file_id: the id, 0 when none, -1 on error. */
int64_t	db_file_render_get(struct db *, int64_t file_id, int page);
/* How many review images file_id has (0: drawn before there were any),
 * or -1 on error. */
int	db_file_render_pages(struct db *, int64_t file_id);

#endif
