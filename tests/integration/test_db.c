/*
 * Integration tests of the database layer (src/db/conn.c, stmt.c,
 * migrate.c, job.c) and of mallpayctl migrate / seed-demo / tick, against
 * the private MariaDB of the test stack: suite.sh sets MALLPAY_CONF (and
 * MALLPAY_CTL, the mallpayctl to run). Statements of this file use the
 * tests' cache slot DB_T_TEST and a TEMPORARY table, so nothing of the
 * stack's data is touched except where a test says so.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/event.h"
#include "db/job.h"
#include "db/migrate.h"
#include "db/seed.h"
#include "db/stmt.h"
#include "ctl.h"

enum stmt {
	T_CREATE,
	T_INSERT,
	T_SELECT_ALL,
	T_SELECT_ONE,
	T_UPDATE_SAME,
	T_COUNT,
	T_CONN_ID,
	T_KILL,
	T_DUP_CREATE,
	T_COUNT_SESSIONS,
	T_SESSION_INSERT,
	T_SESSION_EXISTS,
	T_DEMO_COD_CHECK,
	T_DEMO_ACME_90,
	T_TABLE_ROWS,
	T_ALL_USER_IDS,
	T_JOB_AT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* T_CREATE */
	"CREATE TEMPORARY TABLE IF NOT EXISTS t_dbq (id BIGINT NOT NULL "
	"AUTO_INCREMENT PRIMARY KEY, n BIGINT NULL, s LONGTEXT NULL, "
	"k VARCHAR(32) NULL, UNIQUE KEY (k)) ENGINE=InnoDB "
	"DEFAULT CHARSET=utf8mb4",
	/* T_INSERT */
	"INSERT INTO t_dbq (n, s, k) VALUES (?, ?, ?)",
	/* T_SELECT_ALL */
	"SELECT id, n, s, k FROM t_dbq ORDER BY id",
	/* T_SELECT_ONE */
	"SELECT n, s, k, CAST(1.5 AS DECIMAL(18,8)), DATE('2026-02-28') "
	"FROM t_dbq WHERE id = ?",
	/* T_UPDATE_SAME */
	"UPDATE t_dbq SET n = ? WHERE id = ?",
	/* T_COUNT */
	"SELECT COUNT(*) FROM t_dbq",
	/* T_CONN_ID */
	"SELECT CONNECTION_ID()",
	/* T_KILL */
	"KILL CONNECTION ?",
	/* T_DUP_CREATE: unused slot checked by a mismatching-SQL test */
	"SELECT 1",
	/* T_COUNT_SESSIONS */
	"SELECT COUNT(*) FROM sessions WHERE token_hash = ?",
	/* T_SESSION_INSERT */
	"INSERT INTO sessions (token_hash, user_id, created_at, "
	"last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)",
	/* T_SESSION_EXISTS */
	"SELECT id FROM sessions WHERE token_hash = ?",
	/* T_DEMO_COD_CHECK: the veteran's counter matches real orders */
	"SELECT u.cod_completed_orders, COUNT(o.id) FROM users u "
	"LEFT JOIN orders o ON o.user_id = u.id AND o.method = 'cod' "
	"AND o.status = 'completed' WHERE u.email = ? GROUP BY u.id",
	/* T_DEMO_ACME_90 */
	"SELECT COALESCE(SUM(o.amount_due_minor), 0) FROM orders o "
	"JOIN companies c ON c.id = o.company_id WHERE c.name = ? "
	"AND o.status = 'completed' AND o.completed_at >= ?",
	/* T_TABLE_ROWS: a fingerprint of the demo tables */
	"SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM orders), "
	"(SELECT COUNT(*) FROM order_items), (SELECT COUNT(*) FROM events), "
	"(SELECT COUNT(*) FROM products), (SELECT COUNT(*) FROM countries), "
	"(SELECT COUNT(*) FROM fx_rates), (SELECT COUNT(*) FROM companies), "
	"(SELECT COALESCE(SUM(stock), 0) FROM products)",
	/* T_ALL_USER_IDS */
	"SELECT id FROM users ORDER BY id LIMIT 1",
	/* T_JOB_AT */
	"SELECT COUNT(*) FROM jobs WHERE kind = 'session_purge' "
	"AND run_at = ?",
};

static struct config cfg;

/* A connection to the stack's database; the test fails if there is none. */
static struct db *
open_db(void)
{
	struct db *db;
	char err[512];

	db = db_open(&cfg, err, sizeof(err));
	if (db == NULL)
		fail_msg("db_open: %s", err);
	return db;
}

static struct dbq *
get(struct db *db, int idx)
{
	struct dbq *q = dbq_get(db, DB_T_TEST, idx, stmts[idx]);

	assert_non_null(q);
	return q;
}

/* Run a statement without result and parameters. */
static void
exec0(struct db *db, int idx)
{
	struct dbq *q = get(db, idx);

	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
}

/* First column of the first row of stmts[idx] with an optional integer or
 * string parameter. */
static int64_t
scalar(struct db *db, int idx, const char *s, const int64_t *i)
{
	struct dbq *q = get(db, idx);
	int64_t v;

	if (s != NULL)
		dbq_cstr(q, s);
	if (i != NULL)
		dbq_int(q, *i);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	v = dbq_col_int(q, 0);
	dbq_done(q);
	return v;
}

static int64_t
insert_row(struct db *db, int64_t n, int null_n, const char *s, size_t slen,
    const char *k)
{
	struct dbq *q = get(db, T_INSERT);
	int64_t id;

	if (null_n)
		dbq_null(q);
	else
		dbq_int(q, n);
	if (s == NULL)
		dbq_null(q);
	else
		dbq_str(q, s, slen);
	dbq_cstr(q, k);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_affected(q), 1);
	id = dbq_insert_id(q);
	assert_true(id > 0);
	dbq_done(q);
	return id;
}

/* Values of every kind survive the round trip: extremes of int64, NULLs,
 * UTF-8 beyond the BMP, bytes of every value but NUL, and strings far
 * longer than the first result buffer, in rows of growing length. */
static void
test_stmt_roundtrip(void **state)
{
	struct db *db = open_db();
	struct dbq *q;
	char *big, *mid;
	const char *s;
	size_t len, i, bigsz = 300000, midsz = 5000;
	int64_t id_min, id_null, id_big, id_mid, id_utf;
	int rows = 0;

	(void)state;
	exec0(db, T_CREATE);
	big = xmalloc(bigsz);
	for (i = 0; i < bigsz; i++)
		big[i] = (char)('a' + i % 26);
	mid = xmalloc(midsz);
	for (i = 0; i < midsz; i++)
		mid[i] = (char)(1 + i % 127);	/* ASCII 1..127, quotes too */

	id_min = insert_row(db, INT64_MIN, 0, "short", 5, "min");
	id_null = insert_row(db, 0, 1, NULL, 0, NULL);
	id_mid = insert_row(db, INT64_MAX, 0, mid, midsz, "mid");
	id_big = insert_row(db, -1, 0, big, bigsz, "big");
	id_utf = insert_row(db, 42, 0, "caf\xc3\xa9 \xf0\x9f\x92\xb3", 10,
	    "utf");

	q = get(db, T_SELECT_ALL);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_ncols(q), 4);
	while (dbq_fetch(q) == 1) {
		int64_t id = dbq_col_int(q, 0);

		rows++;
		s = dbq_col_str(q, 2, &len);
		if (id == id_min) {
			assert_true(dbq_col_int(q, 1) == INT64_MIN);
			assert_int_equal(len, 5);
			assert_string_equal(s, "short");
		} else if (id == id_null) {
			assert_true(dbq_col_null(q, 1));
			assert_true(dbq_col_null(q, 2));
			assert_true(dbq_col_null(q, 3));
			assert_int_equal(dbq_col_int(q, 1), 0);
			assert_int_equal(len, 0);
			assert_string_equal(s, "");
		} else if (id == id_mid) {
			assert_true(dbq_col_int(q, 1) == INT64_MAX);
			assert_int_equal(len, midsz);
			assert_memory_equal(s, mid, midsz);
			assert_int_equal(s[len], '\0');
		} else if (id == id_big) {
			assert_int_equal(dbq_col_int(q, 1), -1);
			assert_int_equal(len, bigsz);
			assert_memory_equal(s, big, bigsz);
			assert_int_equal(s[len], '\0');
		} else if (id == id_utf) {
			assert_int_equal(len, 10);
			assert_string_equal(s, "caf\xc3\xa9 \xf0\x9f\x92\xb3");
		}
		assert_false(dbq_col_null(q, 0));
		/* Out of range columns are NULL, not a crash. */
		assert_true(dbq_col_null(q, 4));
		assert_true(dbq_col_null(q, -1));
	}
	dbq_done(q);
	assert_int_equal(rows, 5);

	/* Decimal and date columns come as text; int of a decimal is 0. */
	q = get(db, T_SELECT_ONE);
	dbq_int(q, id_utf);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	assert_string_equal(dbq_col_str(q, 3, NULL), "1.50000000");
	assert_string_equal(dbq_col_str(q, 4, NULL), "2026-02-28");
	assert_int_equal(dbq_col_int(q, 0), 42);
	assert_int_equal(dbq_fetch(q), 0);
	dbq_done(q);

	free(big);
	free(mid);
	db_free(db);
}

/* A statement is cached per connection and reusable after dbq_done; a
 * result is stored client-side so another statement can run between the
 * fetches of the first. */
static void
test_stmt_reuse_and_interleave(void **state)
{
	struct db *db = open_db();
	struct dbq *q, *q2;
	int i, rows = 0;

	(void)state;
	exec0(db, T_CREATE);
	for (i = 0; i < 3; i++) {
		char k[16];

		snprintf(k, sizeof(k), "r%d", i);
		insert_row(db, i, 0, k, strlen(k), k);
	}
	q = get(db, T_SELECT_ALL);
	assert_ptr_equal(q, get(db, T_SELECT_ALL));
	assert_int_equal(dbq_exec(q), 0);
	while (dbq_fetch(q) == 1) {
		int64_t id = dbq_col_int(q, 0);

		q2 = get(db, T_SELECT_ONE);
		dbq_int(q2, id);
		assert_int_equal(dbq_exec(q2), 0);
		assert_int_equal(dbq_fetch(q2), 1);
		assert_string_equal(dbq_col_str(q2, 2, NULL),
		    dbq_col_str(q, 3, NULL));
		dbq_done(q2);
		rows++;
	}
	dbq_done(q);
	assert_int_equal(rows, 3);
	/* Same statement again, after dbq_done. */
	assert_int_equal(scalar(db, T_COUNT, NULL, NULL), 3);
	assert_int_equal(scalar(db, T_COUNT, NULL, NULL), 3);
	db_free(db);
}

/* Wrong parameter counts, a duplicate key and a mismatching SQL text are
 * errors, reported without harming the next use. CLIENT_FOUND_ROWS: an
 * UPDATE that matches a row without changing it counts 1. */
static void
test_stmt_errors(void **state)
{
	struct db *db = open_db();
	struct dbq *q;
	int64_t id;

	(void)state;
	exec0(db, T_CREATE);
	id = insert_row(db, 7, 0, "x", 1, "dup");

	q = get(db, T_INSERT);
	dbq_int(q, 1);
	assert_int_equal(dbq_exec(q), -1);	/* too few */
	dbq_done(q);
	q = get(db, T_INSERT);
	dbq_int(q, 1);
	dbq_cstr(q, "a");
	dbq_cstr(q, "b");
	dbq_cstr(q, "c");
	assert_int_equal(dbq_exec(q), -1);	/* too many */
	dbq_done(q);

	q = get(db, T_INSERT);
	dbq_int(q, 1);
	dbq_cstr(q, "y");
	dbq_cstr(q, "dup");
	assert_int_equal(dbq_exec(q), -1);
	assert_int_equal(dbq_errno(q), DBQ_ER_DUP_ENTRY);
	dbq_done(q);

	q = get(db, T_UPDATE_SAME);
	dbq_int(q, 7);
	dbq_int(q, id);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_affected(q), 1);
	assert_int_equal(dbq_errno(q), 0);
	dbq_done(q);
	q = get(db, T_UPDATE_SAME);
	dbq_int(q, 7);
	dbq_int(q, id + 1000);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_affected(q), 0);
	dbq_done(q);

	/* Cached under T_COUNT, then asked with another text: refused. */
	assert_int_equal(scalar(db, T_COUNT, NULL, NULL), 1);
	assert_null(dbq_get(db, DB_T_TEST, T_COUNT, "SELECT 2"));
	/* SQL that does not prepare. */
	assert_null(dbq_get(db, DB_T_TEST, T_DUP_CREATE,
	    "SELECT FROM nonsense"));
	assert_int_equal(scalar(db, T_COUNT, NULL, NULL), 1);
	db_free(db);
}

/* Rollback forgets, commit keeps; commit without begin is an error. */
static void
test_transactions(void **state)
{
	struct db *db = open_db();

	(void)state;
	exec0(db, T_CREATE);
	assert_int_equal(db_commit(db), -1);
	db_rollback(db);			/* nothing open: harmless */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_begin(db), -1);	/* no nesting */
	insert_row(db, 1, 0, "a", 1, "a");
	db_rollback(db);
	assert_int_equal(scalar(db, T_COUNT, NULL, NULL), 0);
	assert_int_equal(db_begin(db), 0);
	insert_row(db, 1, 0, "a", 1, "a");
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(scalar(db, T_COUNT, NULL, NULL), 1);
	db_free(db);
}

/* When the server drops the connection (here: KILL from a second
 * connection, as after a restart), the next call fails, db_ensure()
 * reconnects and the cached statements are prepared again. */
static void
test_reconnect_real(void **state)
{
	struct db *db = open_db(), *killer = open_db();
	struct dbq *q;
	int64_t id, id2;

	(void)state;
	id = scalar(db, T_CONN_ID, NULL, NULL);
	q = get(killer, T_KILL);
	dbq_int(q, id);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	db_free(killer);

	/* The cached statement is dead now. */
	q = get(db, T_CONN_ID);
	assert_int_equal(dbq_exec(q), -1);
	dbq_done(q);
	assert_int_equal(db_ensure(db), 0);
	id2 = scalar(db, T_CONN_ID, NULL, NULL);
	assert_true(id2 != id);
	assert_int_equal(db_ensure(db), 0);
	assert_int_equal(scalar(db, T_CONN_ID, NULL, NULL), id2);
	db_free(db);
}

/* Migrations are recorded: running them again applies nothing. */
static void
test_migrate_again(void **state)
{
	struct db *db = open_db();
	char err[512];

	(void)state;
	assert_true(db_schema_version(db) >= 1);
	assert_int_equal(db_migrate(db, TEST_SRCDIR "/sql", NULL, err,
	    sizeof(err)), 0);
	db_free(db);
}

/* Migrations 045 and 046 run again over events written in English before
 * them: an order's fixed sentences become codes with their figures (an
 * admin's words kept as a figure), a plan's event and a typed text stay
 * as they are, and the trail is append-only again after them. They touch
 * the stack's rows only where an English sentence of theirs is left. */
static void
test_migrate_045_046_rewrite(void **state)
{
	static const struct {
		const char *type, *old, *now;
	} rows[] = {
		{ "order", "REM-P7 paid less than due", "{rem_paid_less}" },
		{ "order", "ready to ship (REM-P5)", "{rem_ready}" },
		{ "order", "INST-CORP down payment USD 72.90 received by bank "
		  "transfer TT-46", "{inst_corp_down}\tUSD 72.90\tTT-46" },
		{ "order", "cancelled by an admin: no reason given",
		  "{admin_cancelled_plain}" },
		{ "order", "cancelled by an admin: test: duplicate",
		  "{admin_cancelled}\ttest: duplicate" },
		{ "order", "COD-F2 debt of MYR 12.00 paid by card (bank key "
		  "k-46)", "{cod_debt_paid}\tMYR 12.00\tk-46" },
		{ "order", "receipt confirmed by the shopper",
		  "{receipt_confirmed}" },
		{ "order", "REM-P7 a note an admin typed",
		  "REM-P7 a note an admin typed" },
		{ "plan", "INST-P1 ready to ship", "INST-P1 ready to ship" },
		{ "order", "INST-F1 late fee of the PAU-04 debt now MYR 1.20 "
		  "(0.05% a day)", "{pau_late_fee}\tMYR 1.20\t0.05" },
		{ "order", "PAU-04 retry 2 of MYR 30.00 failed (insufficient "
		  "funds)", "{pau_retry_failed}\t2\tMYR 30.00\tinsufficient "
		  "funds" },
		{ "order", "delivered to the shopper", "{delivered}" },
		{ "order", "COD-P2 shipped with PosLaju, tracking PL46",
		  "{shipped}\tPosLaju\tPL46" },
	};
	static const char *const scripts[] = {
		TEST_SRCDIR "/sql/045_stored_sentences.sql",
		TEST_SRCDIR "/sql/046_stored_sentences_more.sql",
	};
	static const char upd[] = "UPDATE events SET reason = reason "
	    "WHERE subject_id = -46";
	struct db		*db = open_db();
	struct db_event		 e;
	struct db_event_row	*v;
	size_t			 i, k, n;
	char			 err[512];

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		memset(&e, 0, sizeof(e));
		e.subject_type = rows[i].type;
		e.subject_id = -46;
		e.actor_type = "system";
		e.at = (int64_t)i;
		e.reason = rows[i].old;
		assert_int_equal(db_event_add(db, &e), 0);
	}
	for (i = 0; i < sizeof(scripts) / sizeof(scripts[0]); i++)
		if (db_run_script(db, scripts[i], NULL, err, sizeof(err)) == -1)
			fail_msg("%s", err);
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		assert_int_equal(db_event_history(db, rows[i].type, -46, &v,
		    &n), 0);
		for (k = 0; k < n && v[k].at != (int64_t)i; k++)
			;
		assert_true(k < n);
		assert_string_equal(v[k].reason, rows[i].now);
		db_event_rows_free(v, n);
	}
	assert_int_equal(db_exec_raw(db, upd, sizeof(upd) - 1), -1);
	db_free(db);
}

/* The demo data is consistent: the veteran's COD counter equals the
 * completed COD orders on record (6), and Acme's completed orders in the
 * last 90 days reach INST-04's USD 5,000. */
static void
test_demo_consistent(void **state)
{
	struct db *db = open_db();
	struct dbq *q;
	int64_t since = clock_now() - 90 * 86400;

	(void)state;
	q = get(db, T_DEMO_COD_CHECK);
	dbq_cstr(q, "shopper.veteran@demo.test");
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	assert_int_equal(dbq_col_int(q, 0), 6);
	assert_int_equal(dbq_col_int(q, 1), 6);
	dbq_done(q);
	assert_true(scalar(db, T_DEMO_ACME_90, "Acme Trading Ltd", &since) >=
	    500000);
	db_free(db);
}

/* A string of row counts of the demo tables. */
static void
fingerprint(struct db *db, char *out, size_t outsz)
{
	struct dbq *q = get(db, T_TABLE_ROWS);
	int c;
	size_t n = 0;

	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	for (c = 0; c < dbq_ncols(q); c++)
		n += (size_t)snprintf(out + n, outsz - n, "%s,",
		    dbq_col_str(q, c, NULL));
	dbq_done(q);
}

/* seed-demo a second time adds nothing; migrate says it is up to date. */
static void
test_ctl_seed_twice(void **state)
{
	struct db *db = open_db();
	struct buf out;
	char before[256], after[256];

	(void)state;
	fingerprint(db, before, sizeof(before));
	buf_init(&out);
	assert_int_equal(mallpayctl_run(&out, "seed-demo"), 0);
	assert_non_null(strstr(buf_str(&out), "nothing to add"));
	buf_reset(&out);
	assert_int_equal(mallpayctl_run(&out, "migrate"), 0);
	assert_non_null(strstr(buf_str(&out), "up to date"));
	fingerprint(db, after, sizeof(after));
	assert_string_equal(before, after);
	buf_cleanup(&out);
	db_free(db);
}

/* 64 random hex digits, like a session token's hash. */
static void
random_token(char out[65])
{
	unsigned char b[32];

	randombytes_buf(b, sizeof(b));
	sodium_bin2hex(out, 65, b, sizeof(b));
}

/* tick deletes an expired session exactly once, leaves a live one, and a
 * second tick at the same time does nothing; ledger-fold folds the
 * ledger's closed days at once. Bad usage exits 2. */
static void
test_ctl_tick(void **state)
{
	struct db *db = open_db();
	struct dbq *q;
	struct buf out;
	char dead[65], live[65], args[128];
	int64_t user, now = clock_now(), t;

	(void)state;
	user = scalar(db, T_ALL_USER_IDS, NULL, NULL);
	random_token(dead);
	random_token(live);
	/* Far in the future, on an hour whose session_purge job no earlier
	 * run of this test scheduled: tick at t. */
	t = now + 400 * 86400;
	t -= t % 3600;
	while (scalar(db, T_JOB_AT, NULL, &t) != 0)
		t += 3600;
	q = get(db, T_SESSION_INSERT);
	dbq_cstr(q, dead);
	dbq_int(q, user);
	dbq_int(q, t - 7200);
	dbq_int(q, t - 7200);
	dbq_int(q, t - 60);		/* expired a minute before t */
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	q = get(db, T_SESSION_INSERT);
	dbq_cstr(q, live);
	dbq_int(q, user);
	dbq_int(q, t - 60);
	dbq_int(q, t - 60);
	dbq_int(q, t + 3600);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);

	buf_init(&out);
	snprintf(args, sizeof(args), "tick --now %lld", (long long)t);
	assert_int_equal(mallpayctl_run(&out, args), 2);	/* not a TIME */
	buf_reset(&out);
	assert_int_equal(mallpayctl_run(&out, "tick --bogus"), 2);
	buf_reset(&out);
	{
		char iso[32];
		time_t tt = (time_t)t;
		struct tm tm;

		gmtime_r(&tt, &tm);
		strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%SZ", &tm);
		snprintf(args, sizeof(args), "tick --now %s", iso);
	}
	assert_int_equal(mallpayctl_run(&out, args), 0);
	assert_non_null(strstr(buf_str(&out), "session_purge"));
	assert_int_equal(scalar(db, T_COUNT_SESSIONS, dead, NULL), 0);
	assert_int_equal(scalar(db, T_COUNT_SESSIONS, live, NULL), 1);
	buf_reset(&out);
	assert_int_equal(mallpayctl_run(&out, args), 0);
	assert_non_null(strstr(buf_str(&out), "0 jobs done"));
	/* the daily fold of the ledger's totals, at once */
	buf_reset(&out);
	assert_int_equal(mallpayctl_run(&out, "ledger-fold --bogus"), 2);
	buf_reset(&out);
	assert_int_equal(mallpayctl_run(&out, "ledger-fold"), 0);
	assert_non_null(strstr(buf_str(&out), "folded, days before "));
	buf_cleanup(&out);
	db_free(db);
}

/* Jobs: scheduling twice adds one; two transactions taking due jobs at
 * once get different ones (FOR UPDATE SKIP LOCKED), and a done job is not
 * taken again. */
static void
test_jobs_skip_locked(void **state)
{
	struct db *a = open_db(), *b = open_db();
	struct db_job ja, jb, jc;
	int64_t subj = (int64_t)randombytes_uniform(1000000000) + 1;

	(void)state;
	assert_int_equal(db_job_schedule(a, "test_skip", subj, 1), 1);
	assert_int_equal(db_job_schedule(a, "test_skip", subj, 1), 0);
	assert_int_equal(db_job_schedule(a, "test_skip", subj, 2), 1);

	assert_int_equal(db_begin_read_committed(a), 0);
	assert_int_equal(db_job_take(a, 10, &ja), 1);
	assert_int_equal(db_begin_read_committed(b), 0);
	assert_int_equal(db_job_take(b, 10, &jb), 1);
	assert_true(ja.id != jb.id);
	assert_string_equal(ja.kind, "test_skip");
	assert_string_equal(jb.kind, "test_skip");
	assert_int_equal(db_job_done(a, ja.id, 10), 0);
	assert_int_equal(db_job_done(b, jb.id, 10), 0);
	assert_int_equal(db_commit(a), 0);
	assert_int_equal(db_commit(b), 0);

	/* Neither comes back. */
	assert_int_equal(db_begin_read_committed(a), 0);
	if (db_job_take(a, 10, &jc) == 1)
		assert_true(jc.id != ja.id && jc.id != jb.id);
	db_rollback(a);
	assert_int_equal(db_job_done(a, ja.id, 11), -1);
	db_free(a);
	db_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stmt_roundtrip),
		cmocka_unit_test(test_stmt_reuse_and_interleave),
		cmocka_unit_test(test_stmt_errors),
		cmocka_unit_test(test_transactions),
		cmocka_unit_test(test_reconnect_real),
		cmocka_unit_test(test_jobs_skip_locked),
		cmocka_unit_test(test_migrate_again),
		cmocka_unit_test(test_migrate_045_046_rewrite),
		cmocka_unit_test(test_demo_consistent),
		cmocka_unit_test(test_ctl_seed_twice),
		cmocka_unit_test(test_ctl_tick),
	};
	int rc;

	if (ctl_stack_config(&cfg, "test_db") == -1)
		return 1;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	db_library_end();
	return rc;
}
