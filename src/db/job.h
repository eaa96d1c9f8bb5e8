#ifndef MALLPAY_DB_JOB_H
#define MALLPAY_DB_JOB_H

/*
 * The jobs table of `mallpayctl tick` (DESIGN.md "Scale beyond one
 * machine"): a job is (kind, subject_id, run_at); scheduling the same one
 * twice is a no-op (unique key), and a due job is taken with SELECT ...
 * FOR UPDATE SKIP LOCKED inside the caller's transaction, so that several
 * hosts running tick at once on one server never take the same job. Under
 * Galera row locks stop at the node, so the transaction also claims the
 * job by a unique insert (db_job_claim, table job_claims): two hosts on two
 * nodes may both take it, only one claim commits.
 */

#include <stdint.h>

struct db;

struct db_job {
	int64_t	 id;
	char	 kind[33];
	int64_t	 subject_id;
	int64_t	 run_at;
	int	 attempts;
};

/* Schedule kind/subject_id at run_at unless that job exists. Returns 1 if
 * added, 0 if it existed, -1 on error. */
int	db_job_schedule(struct db *, const char *kind, int64_t subject_id,
	    int64_t run_at);

/* In an open transaction (db_begin_read_committed: under REPEATABLE READ
 * the gap locks of this scan would block other takers' updates): lock the
 * oldest job not done with run_at <= now
 * that no other transaction holds, into *out. Returns 1, 0 if there is
 * none, -1 on error. */
int	db_job_take(struct db *, int64_t now, struct db_job *out);

/* In the transaction that took job id, before doing it: claim it for host
 * (the first 64 bytes are kept) at now. Returns 1 claimed, 0 another host
 * claimed it first (leave the job alone), -1 on error. A claim made at the
 * same moment on another node fails this transaction at COMMIT (1213). */
int	db_job_claim(struct db *, int64_t id, const char *host, int64_t now);

/* In the transaction that took job id: mark it done at now. Returns 0 or
 * -1 (also when the job was not pending). */
int	db_job_done(struct db *, int64_t id, int64_t now);

/* Outside the failed transaction: count an attempt of job id, keep err
 * (truncated) and move run_at to retry_at. Returns 0 or -1. */
int	db_job_failed(struct db *, int64_t id, const char *err,
	    int64_t retry_at);

/* Delete sessions expired at now: absolute expiry (expires_at <= now) or
 * idle since idle_before (last_seen_at <= idle_before). Returns the count
 * deleted, or -1 on error. */
int64_t	db_job_purge_sessions(struct db *, int64_t now, int64_t idle_before);

#endif
