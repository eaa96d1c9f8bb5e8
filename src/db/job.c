/*
 * Statements of the jobs table and of the time-based work tick does today
 * (see job.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/job.h"
#include "db/stmt.h"

/* The columns of a due job (struct db_job), each with its SQL. */
#define JOB_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	kind,		", kind") \
	C(INT,	subject_id,	", subject_id") \
	C(INT,	run_at,		", run_at") \
	C(INT,	attempts,	", attempts")
#define JOB_FIELD(t, m, sql)	DBQ_FIELD(struct db_job, t, m)
DBQ_ROWS(job_row, struct db_job, JOB_COLS, JOB_FIELD);

enum stmt {
	STMT_JOB_SCHEDULE,
	STMT_JOB_TAKE,
	STMT_JOB_DONE,
	STMT_JOB_FAILED,
	STMT_JOB_PURGE_SESSIONS,
	STMT_JOB_CLAIM,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_JOB_SCHEDULE: the no-op update keeps strict-mode errors
	 * (unlike INSERT IGNORE) while a duplicate changes nothing. */
	"INSERT INTO jobs (kind, subject_id, run_at) VALUES (?, ?, ?) "
	"ON DUPLICATE KEY UPDATE id = id",
	/* STMT_JOB_TAKE */
	"SELECT " JOB_COLS(DBQ_SQL) " FROM jobs "
	"WHERE done_at IS NULL AND run_at <= ? ORDER BY run_at, id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_JOB_DONE: by primary key only. Left alone, the optimizer may
	 * walk jobs_due for "done_at IS NULL" and wait on the rows other
	 * hosts hold (seen on a small table). */
	"UPDATE jobs FORCE INDEX (PRIMARY) SET done_at = ?, "
	"attempts = attempts + 1, last_error = NULL "
	"WHERE id = ? AND done_at IS NULL",
	/* STMT_JOB_FAILED: by primary key, as above */
	"UPDATE jobs FORCE INDEX (PRIMARY) SET attempts = attempts + 1, "
	"last_error = ?, run_at = ? WHERE id = ? AND done_at IS NULL",
	/* STMT_JOB_PURGE_SESSIONS */
	"DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?",
	/* STMT_JOB_CLAIM */
	"INSERT INTO job_claims (job_id, host, claimed_at) VALUES (?, ?, ?)",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_JOB)

/* See job.h. With CLIENT_FOUND_ROWS a new row counts 1 and the no-op
 * update of an existing one counts 1 too, so ask the insert id instead. */
int
db_job_schedule(struct db *db, const char *kind, int64_t subject_id,
    int64_t run_at)
{
	struct dbq *q;
	int rc;

	if ((q = get(db, STMT_JOB_SCHEDULE)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(kind), DBQ_I(subject_id), DBQ_I(run_at));
	if (dbq_exec(q) == -1)
		rc = -1;
	else
		rc = dbq_affected(q) == 1 && dbq_insert_id(q) != 0 ? 1 : 0;
	dbq_done(q);
	return rc;
}

/* See job.h. */
int
db_job_take(struct db *db, int64_t now, struct db_job *out)
{
	return dbq_one(dbq_bind(get(db, STMT_JOB_TAKE), DBQ_I(now)), &job_row,
	    out);
}

/* See job.h. */
int
db_job_claim(struct db *db, int64_t id, const char *host, int64_t now)
{
	return dbq_exec_claim(dbq_bind(get(db, STMT_JOB_CLAIM), DBQ_I(id),
	    DBQ_B(host, strnlen(host, 64)), DBQ_I(now)));
}

/* See job.h. */
int
db_job_done(struct db *db, int64_t id, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_JOB_DONE), DBQ_I(now),
	    DBQ_I(id))) == 1 ? 0 : -1;
}

/* See job.h. */
int
db_job_failed(struct db *db, int64_t id, const char *err, int64_t retry_at)
{
	struct dbq *q;
	size_t len = err != NULL ? strlen(err) : 0;
	int rc;

	if ((q = get(db, STMT_JOB_FAILED)) == NULL)
		return -1;
	/* last_error is VARCHAR(255) and strict mode refuses longer text;
	 * cut on a UTF-8 character boundary. */
	if (len > 255) {
		len = 255;
		while (len > 0 && ((unsigned char)err[len] & 0xc0) == 0x80)
			len--;
	}
	dbq_bind(q, DBQ_B(err != NULL ? err : "", len), DBQ_I(retry_at),
	    DBQ_I(id));
	rc = dbq_exec(q) == 0 ? 0 : -1;
	dbq_done(q);
	return rc;
}

/* See job.h. */
int64_t
db_job_purge_sessions(struct db *db, int64_t now, int64_t idle_before)
{
	uint64_t n = 0;

	if (dbq_exec_done(dbq_bind(get(db, STMT_JOB_PURGE_SESSIONS),
	    DBQ_I(now), DBQ_I(idle_before)), &n) == -1)
		return -1;
	return (int64_t)n;
}
