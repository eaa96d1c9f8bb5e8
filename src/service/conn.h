#ifndef MALLPAY_SERVICE_CONN_H
#define MALLPAY_SERVICE_CONN_H

/*
 * The database connection of a worker as the pages see it: whether it
 * works, why it failed, and the end of a failed request.
 */

#include "core/result.h"

struct db;

/* 0 when the connection works (reconnecting if needed), -1 when the
 * server cannot be reached or db is NULL. */
int	conn_check(struct db *db);

/* The message of the connection's last failure ("no database" for
 * NULL). */
const char *conn_error(struct db *db);

/* Roll back whatever a failed request left open (NULL is fine). */
void	conn_abandon(struct db *db);

/* The end of a use case's transaction: commit when res is RES_OK
 * (RES_ERROR when the commit fails), else roll back. Returns res, or
 * RES_ERROR for a failed commit. */
enum result conn_finish(struct db *db, enum result res);

/* How often a use case is run at most when it keeps failing on conflicts. */
#define CONN_ATTEMPTS	3
/* conn_run's answer when the use case failed on a conflict or a lost node
 * and was not (or no longer) run again: answer 503 with Retry-After. */
#define CONN_BUSY	1

/*
 * Run one use case, fn(arg), on db (its transactions, opened and closed by
 * fn; fn returns 0 done, -1 failed), again as a whole when it failed in a
 * way a new attempt may cure (db_retryable: 1213 deadlock or Galera
 * certification failure, 1047 node not ready, 2006/2013 connection lost):
 * what was open is rolled back, the connection made good (db_ensure), and
 * fn runs again after a jittered backoff (about 20, then 40 ms), at most
 * CONN_ATTEMPTS times. A use case that reached a partner without an
 * idempotency key (gateway/calls.h) is never run again: running it twice
 * could do that partner's work twice. fn must leave nothing but database
 * rows behind on failure (each attempt starts afresh).
 * Returns 0, -1 (failed for a reason a retry does not cure: fn's own
 * answer stands) or CONN_BUSY. db NULL: fn runs once.
 */
int	conn_run(struct db *db, int (*fn)(void *), void *arg);

#endif
