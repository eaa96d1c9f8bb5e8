/*
 * Numbered SQL migrations and the script runner shared with the demo data
 * (see migrate.h).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/log.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/migrate.h"
#include "db/stmt.h"

/* Longest script accepted: the project's files are far smaller. */
#define SCRIPT_MAX	(8u * 1024 * 1024)

enum stmt {
	STMT_MIGRATE_APPLIED,
	STMT_MIGRATE_RECORD,
	STMT_MIGRATE_VERSION,
	STMT_MIGRATE_LOCK,
	STMT_MIGRATE_UNLOCK,
	STMT_MIGRATE_HAS_TABLE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_MIGRATE_APPLIED */
	"SELECT name FROM schema_migrations WHERE version = ?",
	/* STMT_MIGRATE_RECORD */
	"INSERT INTO schema_migrations (version, name, applied_at) "
	"VALUES (?, ?, ?)",
	/* STMT_MIGRATE_VERSION */
	"SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
	/* STMT_MIGRATE_LOCK: waits up to 60 s for another migrator */
	"SELECT GET_LOCK(?, 60)",
	/* STMT_MIGRATE_UNLOCK */
	"SELECT RELEASE_LOCK(?)",
	/* STMT_MIGRATE_HAS_TABLE */
	"SELECT COUNT(*) FROM information_schema.tables "
	"WHERE table_schema = DATABASE() AND table_name = 'schema_migrations'",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_MIGRATE)

#define MIGRATE_LOCK	"mallpay_migrate"

/* The schema_migrations table itself, so that versions can be checked
 * before 001 ran; 001 repeats it with IF NOT EXISTS. */
static const char create_migrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INT NOT NULL PRIMARY KEY, name VARCHAR(128) NOT NULL, "
    "applied_at BIGINT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 "
    "COLLATE=utf8mb4_unicode_ci";

/* See migrate.h. Walks the text line by line; a statement is the run of
 * non-comment lines up to one whose last non-blank character is ';'. */
int
db_script_split(const char *text, size_t len,
    int (*fn)(void *, const char *, size_t, int), void *arg, int *errline)
{
	struct buf st;
	size_t pos = 0, eol, b, e;
	int line = 0, first = 0, rc = 0;

	buf_init(&st);
	while (pos < len) {
		line++;
		for (eol = pos; eol < len && text[eol] != '\n'; eol++)
			continue;
		/* Trim the line: b..e is its non-blank part. */
		for (b = pos; b < eol && isspace((unsigned char)text[b]); b++)
			continue;
		for (e = eol; e > b && isspace((unsigned char)text[e - 1]); e--)
			continue;
		pos = eol < len ? eol + 1 : eol;
		if (b == e)
			continue;
		if (e - b >= 2 && text[b] == '-' && text[b + 1] == '-')
			continue;
		if (st.len == 0)
			first = line;
		else
			buf_putc(&st, '\n');
		if (text[e - 1] == ';') {
			buf_append(&st, text + b, e - 1 - b);
			if ((rc = fn(arg, buf_str(&st), st.len, first)) != 0) {
				rc = -1;
				goto out;
			}
			buf_reset(&st);
		} else
			buf_append(&st, text + b, e - b);
	}
	if (st.len > 0) {
		if (errline != NULL)
			*errline = first;
		rc = -2;
	}
out:
	buf_cleanup(&st);
	return rc;
}

struct script_run {
	struct db	*db;
	const char	*path;
	int		 n;
	char		*errbuf;
	size_t		 errsz;
};

/* db_script_split callback: run one statement, stop on the first error. */
static int
script_stmt(void *arg, const char *sql, size_t len, int line)
{
	struct script_run *r = arg;

	if (db_exec_raw(r->db, sql, len) == -1) {
		snprintf(r->errbuf, r->errsz, "%s:%d: %s", r->path, line,
		    db_error(r->db));
		return -1;
	}
	r->n++;
	return 0;
}

/* Read the whole file at path into a NUL-terminated heap string (*len
 * bytes); NULL with errbuf set on failure. Caller frees. */
static char *
slurp(const char *path, size_t *len, char *errbuf, size_t errsz)
{
	FILE *f;
	struct stat sb;
	char *p;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(errbuf, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    (size_t)sb.st_size > SCRIPT_MAX) {
		snprintf(errbuf, errsz, "%s: not a regular file under %u bytes",
		    path, SCRIPT_MAX);
		fclose(f);
		return NULL;
	}
	p = xmalloc((size_t)sb.st_size + 1);
	*len = fread(p, 1, (size_t)sb.st_size, f);
	if (ferror(f)) {
		snprintf(errbuf, errsz, "%s: read error", path);
		fclose(f);
		free(p);
		return NULL;
	}
	fclose(f);
	p[*len] = '\0';
	return p;
}

/* See migrate.h. */
int
db_run_script(struct db *db, const char *path, int *nstmts, char *errbuf,
    size_t errsz)
{
	struct script_run r;
	char *text;
	size_t len;
	int rc, line = 0;

	if ((text = slurp(path, &len, errbuf, errsz)) == NULL)
		return -1;
	memset(&r, 0, sizeof(r));
	r.db = db;
	r.path = path;
	r.errbuf = errbuf;
	r.errsz = errsz;
	rc = db_script_split(text, len, script_stmt, &r, &line);
	free(text);
	if (nstmts != NULL)
		*nstmts = r.n;
	if (rc == -2) {
		snprintf(errbuf, errsz, "%s:%d: statement without a final ';'",
		    path, line);
		return -1;
	}
	return rc == 0 ? 0 : -1;
}

/* Run a one-row, one-column SELECT of stmts[idx] with an optional string
 * parameter; *out gets the integer. Returns 0, 1 if there is no row, -1. */
static int
select_int(struct db *db, int idx, const char *param, int64_t *out)
{
	struct dbq *q;
	int rc;

	if ((q = get(db, idx)) == NULL)
		return -1;
	if (param != NULL)
		dbq_cstr(q, param);
	if (dbq_exec(q) == -1 || (rc = dbq_fetch(q)) == -1) {
		dbq_done(q);
		return -1;
	}
	if (rc == 1)
		*out = dbq_col_int(q, 0);
	dbq_done(q);
	return rc == 1 ? 0 : 1;
}

/* See migrate.h. */
int
db_schema_version(struct db *db)
{
	int64_t v = 0;

	if (select_int(db, STMT_MIGRATE_HAS_TABLE, NULL, &v) == -1)
		return -1;
	if (v == 0)
		return 0;
	if (select_int(db, STMT_MIGRATE_VERSION, NULL, &v) == -1)
		return -1;
	return (int)v;
}

/* A migration file name: NNN_name.sql with digits and [a-z0-9_]. Returns
 * the version, or -1 if name is not one. */
static int
migration_version(const char *name)
{
	size_t i, n = strlen(name);
	int v = 0;

	if (n < 3 + 1 + 1 + 4 || strcmp(name + n - 4, ".sql") != 0)
		return -1;
	for (i = 0; i < 3; i++) {
		if (!isdigit((unsigned char)name[i]))
			return -1;
		v = v * 10 + (name[i] - '0');
	}
	if (name[3] != '_')
		return -1;
	for (i = 4; i < n - 4; i++)
		if (!islower((unsigned char)name[i]) &&
		    !isdigit((unsigned char)name[i]) && name[i] != '_')
			return -1;
	return v;
}

/* scandir filter: migration files only. */
static int
migration_filter(const struct dirent *de)
{
	return migration_version(de->d_name) > 0;
}

/* Apply one migration file if it is not recorded yet. Returns 1 applied,
 * 0 skipped, -1 error (errbuf). */
static int
migrate_one(struct db *db, const char *sqldir, const char *name, FILE *out,
    char *errbuf, size_t errsz)
{
	struct buf path;
	struct dbq *q;
	int v = migration_version(name), rc, n = 0;

	if ((q = get(db, STMT_MIGRATE_APPLIED)) == NULL)
		goto dberr;
	dbq_int(q, v);
	if (dbq_exec(q) == -1 || (rc = dbq_fetch(q)) == -1) {
		dbq_done(q);
		goto dberr;
	}
	dbq_done(q);
	if (rc == 1)
		return 0;

	buf_init(&path);
	buf_printf(&path, "%s/%s", sqldir, name);
	rc = db_run_script(db, buf_str(&path), &n, errbuf, errsz);
	buf_cleanup(&path);
	if (rc == -1)
		return -1;

	if ((q = get(db, STMT_MIGRATE_RECORD)) == NULL)
		goto dberr;
	dbq_bind(q, DBQ_I(v), DBQ_S(name), DBQ_I(clock_now()));
	rc = dbq_exec(q);
	dbq_done(q);
	if (rc == -1)
		goto dberr;
	if (out != NULL)
		fprintf(out, "applied %s (%d statements)\n", name, n);
	return 1;
dberr:
	snprintf(errbuf, errsz, "%s: %s", name, db_error(db));
	return -1;
}

/* See migrate.h. */
int
db_migrate(struct db *db, const char *sqldir, FILE *out, char *errbuf,
    size_t errsz)
{
	struct dirent **list = NULL;
	int64_t locked = 0;
	int i, n, rc, applied = 0, prev = -1, v;

	if ((n = scandir(sqldir, &list, migration_filter, alphasort)) == -1) {
		snprintf(errbuf, errsz, "%s: %s", sqldir, strerror(errno));
		return -1;
	}
	if (select_int(db, STMT_MIGRATE_LOCK, MIGRATE_LOCK, &locked) == -1 ||
	    locked != 1) {
		snprintf(errbuf, errsz, "could not take the migration lock: %s",
		    db_error(db));
		applied = -1;
		goto out;
	}
	if (db_exec_raw(db, create_migrations, sizeof(create_migrations) - 1)
	    == -1) {
		snprintf(errbuf, errsz, "schema_migrations: %s", db_error(db));
		applied = -1;
		goto unlock;
	}
	/* alphasort on fixed-width numbers is numeric order; two files with
	 * one number are a mistake that must not be applied silently. */
	for (i = 0; i < n; i++) {
		v = migration_version(list[i]->d_name);
		if (v == prev) {
			snprintf(errbuf, errsz, "two migrations numbered %03d "
			    "in %s", v, sqldir);
			applied = -1;
			goto unlock;
		}
		prev = v;
	}
	for (i = 0; i < n; i++) {
		rc = migrate_one(db, sqldir, list[i]->d_name, out, errbuf,
		    errsz);
		if (rc == -1) {
			applied = -1;
			goto unlock;
		}
		applied += rc;
	}
unlock:
	select_int(db, STMT_MIGRATE_UNLOCK, MIGRATE_LOCK, &locked);
out:
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
	return applied;
}
