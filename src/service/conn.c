/*
 * The worker's database connection for the pages (service/conn.h).
 */
#include <stddef.h>
#include <time.h>

#include <sodium.h>

#include "core/log.h"
#include "db/db.h"
#include "gateway/calls.h"
#include "service/conn.h"

/* The first backoff, in microseconds; it doubles with each attempt and a
 * random part of up to the same again spreads the hosts that collided. */
#define CONN_BACKOFF_US	20000

/* See conn.h. */
int
conn_check(struct db *db)
{
	return db == NULL || db_ensure(db) == -1 ? -1 : 0;
}

/* See conn.h. */
const char *
conn_error(struct db *db)
{
	return db != NULL ? db_error(db) : "no database";
}

/* See conn.h. */
void
conn_abandon(struct db *db)
{
	if (db != NULL)
		db_rollback(db);
}

/* See conn.h. */
enum result
conn_finish(struct db *db, enum result res)
{
	if (res != RES_OK) {
		db_rollback(db);
		return res;
	}
	return db_commit(db) == -1 ? RES_ERROR : RES_OK;
}

/* Sleep before attempt + 1 (attempt >= 1). */
static void
backoff(int attempt)
{
	uint32_t base = (uint32_t)CONN_BACKOFF_US << (attempt - 1);
	uint32_t us = base + randombytes_uniform(base);
	struct timespec ts;

	ts.tv_sec = us / 1000000;
	ts.tv_nsec = (long)(us % 1000000) * 1000;
	nanosleep(&ts, NULL);
}

/* See conn.h. */
int
conn_run(struct db *db, int (*fn)(void *), void *arg)
{
	int attempt, rc;

	for (attempt = 1;; attempt++) {
		gateway_calls_reset();
		rc = fn(arg);
		if (rc == 0 || db == NULL || !db_retryable(db))
			return rc;
		db_rollback(db);
		if (gateway_calls_unkeyed()) {
			log_warn("use case failed (%s) after reaching a partner "
			    "without an idempotency key: not run again",
			    db_error(db));
			return CONN_BUSY;
		}
		if (attempt >= CONN_ATTEMPTS) {
			log_warn("use case failed %d times, last: %s", attempt,
			    db_error(db));
			return CONN_BUSY;
		}
		log_info("use case failed (%s): running it again", db_error(db));
		backoff(attempt);
		if (db_ensure(db) == -1)
			return CONN_BUSY;
	}
}
