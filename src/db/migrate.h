#ifndef MALLPAY_DB_MIGRATE_H
#define MALLPAY_DB_MIGRATE_H

#include <stddef.h>
#include <stdio.h>

struct db;

/*
 * Numbered migrations: files sql/NNN_name.sql (NNN digits, name of
 * [a-z0-9_]), applied in the order of NNN, each recorded in
 * schema_migrations (version, name, applied_at) once it ran; files already
 * recorded are skipped, so running it again changes nothing.
 *
 * File format (also for the .sql files of sql/demo): a statement ends
 * with ';' at the end of a line; lines whose first non-blank characters
 * are "--" are comments and are dropped (so a ';' at the end of a comment
 * ends nothing).
 * DDL commits implicitly in MariaDB, so a migration that fails half way is
 * not rolled back: the error names the file and line, and the migration
 * is not recorded.
 *
 * Concurrent runs (several hosts) are serialized with GET_LOCK.
 */

/* Apply the pending migrations of sqldir, printing one line per migration
 * applied to out (may be NULL). Returns the number applied (0 when up to
 * date), or -1 with the reason in errbuf. */
int	db_migrate(struct db *, const char *sqldir, FILE *out,
	    char *errbuf, size_t errsz);

/* The highest version recorded in schema_migrations (0 if none or the table
 * does not exist yet), or -1 on a database error. */
int	db_schema_version(struct db *);

/* Run every statement of the script at path (format above) on db, outside
 * any transaction the caller may hold; *nstmts (may be NULL) gets the count
 * run. Only for the project's own sql/ files: never for user input.
 * Returns 0, or -1 with file, line and the server's message in errbuf. */
int	db_run_script(struct db *, const char *path, int *nstmts,
	    char *errbuf, size_t errsz);

/* Split text (len bytes) into statements as described above and call fn on
 * each (without the final ';', NUL-terminated, with its first line number);
 * fn returns 0 to go on or -1 to stop. Returns 0, -1 if fn stopped, or -2
 * (and *errline) if text ends inside a statement without ';'. Pure: no
 * database, so unit-testable. */
int	db_script_split(const char *text, size_t len,
	    int (*fn)(void *arg, const char *stmt, size_t stmtlen, int line),
	    void *arg, int *errline);

#endif
