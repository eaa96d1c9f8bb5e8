/*
 * Integration tests of the use-case retry (service/conn.h conn_run) and of
 * the scheduler's job claims (db/job.h db_job_claim), against the private
 * MariaDB of the test stack (suite.sh sets MALLPAY_CONF). A use case that
 * fails with 1213 (a real deadlock between two connections, or one
 * injected at COMMIT) runs again and is done once; one that reached a
 * partner without an idempotency key is not run again. The tests' rows
 * live in a table of their own, t_retry, dropped at the end.
 */
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/config.h"
#include "db/db.h"
#include "db/job.h"
#include "db/stmt.h"
#include "gateway/bank.h"
#include "gateway/sms.h"
#include "service/conn.h"
#include "ctl.h"

enum stmt {
	T_CREATE,
	T_CLEAR,
	T_SEED,
	T_ADD,
	T_GET,
	T_FILL,
	T_DROP,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* T_CREATE */
	"CREATE TABLE IF NOT EXISTS t_retry (id BIGINT NOT NULL PRIMARY KEY, "
	"n BIGINT NOT NULL) ENGINE=InnoDB",
	/* T_CLEAR */
	"DELETE FROM t_retry",
	/* T_SEED */
	"INSERT INTO t_retry (id, n) VALUES (1, 0), (2, 0)",
	/* T_ADD */
	"UPDATE t_retry SET n = n + ? WHERE id = ?",
	/* T_GET */
	"SELECT n FROM t_retry WHERE id = ?",
	/* T_FILL: rows that make a transaction heavier (the deadlock's
	 * victim is the lighter one) */
	"INSERT INTO t_retry (id, n) SELECT seq, 0 FROM seq_100_to_139",
	/* T_DROP */
	"DROP TABLE IF EXISTS t_retry",
};

static struct config cfg;

/* A connection to the stack's database; the test fails if there is none. */
static struct db *
open_db(void)
{
	char err[512];
	struct db *db = db_open(&cfg, err, sizeof(err));

	if (db == NULL)
		fail_msg("db_open: %s", err);
	return db;
}

/* Run stmts[idx] with up to two integer parameters (n of them); 0 or -1. */
static int
run(struct db *db, int idx, int n, int64_t a, int64_t b)
{
	struct dbq *q = dbq_get(db, DB_T_TEST, idx, stmts[idx]);
	int rc;

	if (q == NULL)
		return -1;
	if (n > 0)
		dbq_int(q, a);
	if (n > 1)
		dbq_int(q, b);
	rc = dbq_exec(q);
	dbq_done(q);
	return rc;
}

/* n of row id. */
static int64_t
value(struct db *db, int64_t id)
{
	struct dbq *q = dbq_get(db, DB_T_TEST, T_GET, stmts[T_GET]);
	int64_t v;

	assert_non_null(q);
	dbq_int(q, id);
	assert_int_equal(dbq_exec_fetch(q), 1);
	v = dbq_col_int(q, 0);
	dbq_done(q);
	return v;
}

/* Fresh rows 1 and 2 at 0. */
static void
reset_rows(struct db *db)
{
	assert_int_equal(run(db, T_CREATE, 0, 0, 0), 0);
	assert_int_equal(run(db, T_CLEAR, 0, 0, 0), 0);
	assert_int_equal(run(db, T_SEED, 0, 0, 0), 0);
}

/* The use case of these tests: add 1 to row 1 in one transaction; an
 * armed fault (errnum) fails the first COMMIT; partner: a gateway to
 * fetch first (as a service does right before calling it). */
struct bump {
	struct db	*db;
	unsigned int	 fault;
	int		 every;		/* fault on every attempt, not once */
	const char	*partner;	/* "bank", "sms" or NULL */
	int		 runs;
};

static int
bump(void *arg)
{
	struct bump *u = arg;

	if (u->runs++ == 0 || u->every)
		if (u->fault != 0)
			db_fault_commit_once(u->db, u->fault);
	if (u->partner != NULL && strcmp(u->partner, "bank") == 0)
		assert_non_null(bank_gateway_get("sandbox"));
	if (u->partner != NULL && strcmp(u->partner, "sms") == 0)
		assert_non_null(sms_gateway_get("sandbox"));
	if (db_begin(u->db) == -1)
		return -1;
	if (run(u->db, T_ADD, 2, 1, 1) == -1) {
		db_rollback(u->db);
		return -1;
	}
	return db_commit(u->db);
}

/* Run bump u (fault, every, partner) through conn_run on a fresh row 1:
 * conn_run's answer, the runs and row 1 must be want_rc, want_runs and
 * want_n. */
static void
check_bump(unsigned int fault, int every, const char *partner, int want_rc,
    int want_runs, int64_t want_n)
{
	struct db *db = open_db();
	struct bump u = { db, fault, every, partner, 0 };

	reset_rows(db);
	assert_int_equal(db_ensure(db), 0);
	assert_int_equal(conn_run(db, bump, &u), want_rc);
	assert_int_equal(u.runs, want_runs);
	assert_int_equal(value(db, 1), want_n);
	db_free(db);
}

/* A certification failure at COMMIT (1213) runs the use case again: done
 * once, on the second run. */
static void
test_retry_conflict_at_commit_done_once(void **state)
{
	(void)state;
	check_bump(1213, 0, NULL, 0, 2, 1);
}

/* A node that is not ready (1047) and a keyed partner (the bank's calls
 * carry idempotency keys) still allow a new run. */
static void
test_retry_node_not_ready_keyed_partner(void **state)
{
	(void)state;
	check_bump(1047, 0, "bank", 0, 2, 1);
}

/* A node being cut off: the write set could not be sent (1180), or a lock
 * wait timed out while the group waited for the silent node (1205): the
 * use case runs again, done once. */
static void
test_retry_node_cut_off_done_once(void **state)
{
	(void)state;
	check_bump(1180, 0, NULL, 0, 2, 1);
	check_bump(1205, 0, NULL, 0, 2, 1);
}

/* The use case of the refused rollback: add 1 to row 1; the first run
 * fails after its UPDATE and its ROLLBACK is refused (1047). */
static int
bump_refused_rollback(void *arg)
{
	struct bump *u = arg;

	if (db_begin(u->db) == -1)
		return -1;
	if (run(u->db, T_ADD, 2, 1, 1) == -1) {
		db_rollback(u->db);
		return -1;
	}
	if (u->runs++ == 0) {
		db_fault_rollback_once(u->db, 1047);
		db_rollback(u->db);
		return -1;
	}
	return db_commit(u->db);
}

/* A ROLLBACK the node refuses (out of the primary component) leaves the
 * transaction open on the server: the connection is dropped rather than
 * reused, so the next START TRANSACTION cannot commit the failed run's
 * writes. The use case runs again and is done once: row 1 is 1, not 2. */
static void
test_retry_refused_rollback_drops_connection(void **state)
{
	struct db *db = open_db();
	struct bump u = { db, 0, 0, NULL, 0 };

	(void)state;
	reset_rows(db);
	assert_int_equal(db_ensure(db), 0);
	assert_int_equal(conn_run(db, bump_refused_rollback, &u), 0);
	assert_int_equal(u.runs, 2);
	assert_int_equal(value(db, 1), 1);
	db_free(db);
}

/* A use case that reached a partner without an idempotency key (a text
 * message) is not run again: busy (503), nothing saved. */
static void
test_retry_unkeyed_partner_busy(void **state)
{
	(void)state;
	check_bump(1213, 0, "sms", CONN_BUSY, 1, 0);
}

/* Conflicts on every attempt: CONN_ATTEMPTS runs, then busy; an error a
 * retry does not cure (not 1213) is answered at once. */
static void
test_retry_bounded(void **state)
{
	(void)state;
	check_bump(1213, 1, NULL, CONN_BUSY, CONN_ATTEMPTS, 0);
	check_bump(1062, 0, NULL, -1, 1, 0);
}

/* The other side of a real deadlock: a heavier transaction (40 rows
 * inserted) that takes row 2, then row 1, which the use case holds. */
struct other {
	sem_t	has_row2;
	int	rc;
};

static void *
other_side(void *arg)
{
	struct other *o = arg;
	struct db *db;

	db_thread_init();
	db = open_db();
	o->rc = -1;
	if (db_begin(db) == 0 && run(db, T_FILL, 0, 0, 0) == 0 &&
	    run(db, T_ADD, 2, 100, 2) == 0) {
		sem_post(&o->has_row2);
		if (run(db, T_ADD, 2, 1000, 1) == 0 && db_commit(db) == 0)
			o->rc = 0;
	} else
		sem_post(&o->has_row2);
	db_rollback(db);
	db_free(db);
	db_thread_end();
	return NULL;
}

/* The use case of the deadlock test: row 1 + 1, then row 2 + 10; on its
 * first run it starts the other side between the two. */
struct crossing {
	struct db	*db;
	struct other	*o;
	pthread_t	 th;
	int		 runs;
};

static int
crossing(void *arg)
{
	struct crossing *x = arg;
	int first = x->runs++ == 0;

	if (db_begin(x->db) == -1 || run(x->db, T_ADD, 2, 1, 1) == -1)
		goto fail;
	if (first) {
		assert_int_equal(pthread_create(&x->th, NULL, other_side,
		    x->o), 0);
		sem_wait(&x->o->has_row2);
		/* Let the other side wait for row 1. */
		usleep(300000);
	}
	if (run(x->db, T_ADD, 2, 10, 2) == -1)
		goto fail;
	return db_commit(x->db);
fail:
	db_rollback(x->db);
	return -1;
}

/* Two connections updating the same rows in opposite orders: a real 1213
 * for the use case (the lighter transaction), which runs again after the
 * other side committed and is done once. */
static void
test_retry_real_deadlock_done_once(void **state)
{
	struct db *db = open_db();
	struct other o;
	struct crossing x = { db, &o, 0, 0 };

	(void)state;
	reset_rows(db);
	sem_init(&o.has_row2, 0, 0);
	assert_int_equal(db_ensure(db), 0);
	assert_int_equal(conn_run(db, crossing, &x), 0);
	pthread_join(x.th, NULL);
	assert_int_equal(o.rc, 0);
	assert_int_equal(x.runs, 2);
	assert_int_equal(value(db, 1), 1001);
	assert_int_equal(value(db, 2), 110);
	sem_destroy(&o.has_row2);
	assert_int_equal(run(db, T_DROP, 0, 0, 0), 0);
	db_free(db);
}

/* A job is claimed once: a second host's claim of a job already claimed
 * (committed) is refused; the claim counts for the job's transaction. */
static void
test_jobs_claim_once(void **state)
{
	struct db *a = open_db(), *b = open_db();
	int64_t id = -(int64_t)randombytes_uniform(1000000000) - 1;

	(void)state;
	assert_int_equal(db_begin(a), 0);
	assert_int_equal(db_job_claim(a, id, "host-a", 10), 1);
	db_rollback(a);
	assert_int_equal(db_begin(b), 0);
	assert_int_equal(db_job_claim(b, id, "host-b", 10), 1);
	assert_int_equal(db_commit(b), 0);
	assert_int_equal(db_begin(a), 0);
	assert_int_equal(db_job_claim(a, id, "host-a", 11), 0);
	db_rollback(a);
	db_free(a);
	db_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_retry_conflict_at_commit_done_once),
		cmocka_unit_test(test_retry_node_not_ready_keyed_partner),
		cmocka_unit_test(test_retry_node_cut_off_done_once),
		cmocka_unit_test(test_retry_refused_rollback_drops_connection),
		cmocka_unit_test(test_retry_unkeyed_partner_busy),
		cmocka_unit_test(test_retry_bounded),
		cmocka_unit_test(test_retry_real_deadlock_done_once),
		cmocka_unit_test(test_jobs_claim_once),
	};
	int rc;

	if (ctl_stack_config(&cfg, "test_retry") == -1)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	db_library_end();
	return rc;
}
