/*
 * One MariaDB connection (Connector/C) per thread, over the Unix socket of
 * [database] socket. MYSQL_OPT_RECONNECT stays off: a silent reconnect
 * would drop the prepared statements and the open transaction without
 * telling anyone. db_ensure() reconnects explicitly, before a use case.
 */
#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/log.h"
#include "db/db.h"
#include "db/dbint.h"

/* Strict mode so that a too-long or out-of-range value is an error, never a
 * silent truncation; UTC so that DATE/TIMESTAMP functions agree with
 * clock_now(). Runs again on every reconnect. */
#define DB_INIT_COMMAND \
	"SET SESSION sql_mode='STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE," \
	"ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone='+00:00'"

/* See db.h: once in main, before any thread starts; aborts on failure. */
void
db_library_init(void)
{
	if (mysql_library_init(0, NULL, NULL) != 0) {
		log_err("db: mysql_library_init failed");
		abort();
	}
}

/* See db.h: once at exit, after every connection is freed. */
void
db_library_end(void)
{
	mysql_library_end();
}

/* See db.h: in each thread before it opens a connection. */
void
db_thread_init(void)
{
	mysql_thread_init();
}

/* See db.h: in each thread after its connection is freed. */
void
db_thread_end(void)
{
	mysql_thread_end();
}

/* Record errnum/msg as the connection's last error; 2006/2013 (the server
 * went away or the connection was lost) mark the connection broken so that
 * the next db_ensure() reconnects without waiting for a ping to fail.
 * Those two, 1213 (a deadlock, or under Galera a certification failure),
 * 1047 (the node is not ready: wsrep not synced or not primary), 1180
 * (under Galera: the write set could not be sent, the node is leaving the
 * primary component) and 1205 (a lock wait timed out, as while the group
 * waits for a node that went silent) mark the use case worth running again
 * (db_retryable). */
void
db_set_error(struct db *db, unsigned int errnum, const char *msg)
{
	snprintf(db->err, sizeof(db->err), "%u: %s", errnum,
	    msg != NULL ? msg : "unknown error");
	if (errnum == CR_SERVER_GONE_ERROR || errnum == CR_SERVER_LOST)
		db->broken = 1;
	if (db->broken || errnum == ER_LOCK_DEADLOCK ||
	    errnum == ER_UNKNOWN_COM_ERROR || errnum == ER_ERROR_DURING_COMMIT ||
	    errnum == ER_LOCK_WAIT_TIMEOUT)
		db->retry = 1;
}

/* Open a fresh MYSQL handle with db->cfg into db->my. Returns 0, or -1 with
 * db->err set and db->my NULL. */
static int
db_connect(struct db *db)
{
	MYSQL *my;
	my_bool off = 0;
	unsigned int timeout = 10;

	if ((my = mysql_init(NULL)) == NULL) {
		snprintf(db->err, sizeof(db->err), "mysql_init failed");
		return -1;
	}
	mysql_options(my, MYSQL_OPT_RECONNECT, &off);
	mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(my, MYSQL_INIT_COMMAND, DB_INIT_COMMAND);
	/* Unix socket only: host NULL means localhost, port 0. */
	if (mysql_real_connect(my, NULL, db->cfg.db_user,
	    db->cfg.db_password[0] != '\0' ? db->cfg.db_password : NULL,
	    db->cfg.db_name, 0, db->cfg.db_socket, CLIENT_FOUND_ROWS) == NULL) {
		snprintf(db->err, sizeof(db->err), "%u: %s (socket %s)",
		    mysql_errno(my), mysql_error(my), db->cfg.db_socket);
		mysql_close(my);
		return -1;
	}
	db->my = my;
	db->broken = 0;
	db->in_tx = 0;
	return 0;
}

/* See db.h. cfg is copied (reconnects need it). Returns NULL with the
 * reason in err on failure; never returns a half-open connection. */
struct db *
db_open(const struct config *cfg, char *err, size_t errsz)
{
	struct db *db;

	db = xcalloc(1, sizeof(*db));
	db->cfg = *cfg;
	if (db_connect(db) == -1) {
		if (err != NULL && errsz > 0)
			snprintf(err, errsz, "database: %s", db->err);
		free(db);
		return NULL;
	}
	return db;
}

/* Close statements and the connection, keep db itself. */
static void
db_disconnect(struct db *db)
{
	dbq_cache_clear(db);
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->in_tx = 0;
}

/* See db.h: closes statements and connection, wipes the password copy. */
void
db_free(struct db *db)
{
	size_t i;

	if (db == NULL)
		return;
	db_disconnect(db);
	for (i = 0; i < DB_T__MAX; i++)
		free(db->tables[i].q);
	refcache_free(db->ref);
	/* The password copy should not linger in freed memory. */
	explicit_bzero(&db->cfg, sizeof(db->cfg));
	free(db);
}

/* Microseconds of the monotonic clock (intervals only, never a date). */
static int64_t
mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* See db.h. Pings a connection idle for DB_PING_IDLE_US or more; on
 * 2006/2013 (or a call that already saw one) drops every cached statement
 * and connects again. Any other error returns -1 without reconnecting.
 * Cached struct dbq pointers are invalid afterwards. */
int
db_ensure(struct db *db)
{
	unsigned int e;
	int64_t now = mono_us();

	db->ref_seen = 0;
	db->retry = 0;
	if (db->my != NULL && !db->broken) {
		if (now - db->checked_us < DB_PING_IDLE_US) {
			db->checked_us = now;
			return 0;
		}
		if (mysql_ping(db->my) == 0) {
			db->checked_us = now;
			return 0;
		}
		e = mysql_errno(db->my);
		db_set_error(db, e, mysql_error(db->my));
		if (e != CR_SERVER_GONE_ERROR && e != CR_SERVER_LOST)
			return -1;
	}
	/* Gone: the statements died with the old connection, and any open
	 * transaction was rolled back by the server. */
	if (db->in_tx)
		log_warn("db: connection lost inside a transaction");
	db_disconnect(db);
	if (db_connect(db) == -1) {
		log_err("db: reconnect failed: %s", db->err);
		return -1;
	}
	log_info("db: reconnected");
	db->checked_us = now;
	return 0;
}

/* See db.h. */
int
db_lost(const struct db *db)
{
	return db->broken;
}

/* See db.h. */
int
db_retryable(const struct db *db)
{
	return db->retry;
}

/* See db.h: the next db_commit() fails with errnum (rolled back). */
void
db_fault_commit_once(struct db *db, unsigned int errnum)
{
	db->fault_commit = errnum;
}

/* See db.h: START TRANSACTION; -1 if one is open already or on error. */
int
db_begin(struct db *db)
{
	if (db->my == NULL) {
		snprintf(db->err, sizeof(db->err), "not connected");
		return -1;
	}
	if (db->in_tx) {
		snprintf(db->err, sizeof(db->err),
		    "transaction already open");
		log_err("db: db_begin: %s", db->err);
		return -1;
	}
	if (db->broken) {	/* see db_rollback */
		snprintf(db->err, sizeof(db->err), "the connection was dropped");
		return -1;
	}
	if (db_exec_raw(db, "START TRANSACTION", 17) == -1)
		return -1;
	db->in_tx = 1;
	return 0;
}

/* See db.h. SET TRANSACTION without SESSION applies to the next
 * transaction only, so later db_begin() calls keep the default. */
int
db_begin_read_committed(struct db *db)
{
	static const char sql[] =
	    "SET TRANSACTION ISOLATION LEVEL READ COMMITTED";

	if (db->my != NULL && db->in_tx) {
		snprintf(db->err, sizeof(db->err),
		    "transaction already open");
		log_err("db: db_begin_read_committed: %s", db->err);
		return -1;
	}
	if (db_exec_raw(db, sql, sizeof(sql) - 1) == -1)
		return -1;
	return db_begin(db);
}

/* See db.h: COMMIT; on failure rolls back and returns -1. */
int
db_commit(struct db *db)
{
	if (db->my == NULL || !db->in_tx) {
		snprintf(db->err, sizeof(db->err), "no transaction open");
		return -1;
	}
	if (db->fault_commit != 0) {
		db_set_error(db, db->fault_commit, "injected by a test");
		db->fault_commit = 0;
		log_err("db: commit: %s", db->err);
		db_rollback(db);
		return -1;
	}
	if (mysql_commit(db->my) != 0) {
		db_set_error(db, mysql_errno(db->my), mysql_error(db->my));
		log_err("db: commit: %s", db->err);
		db_rollback(db);
		return -1;
	}
	db->in_tx = 0;
	return 0;
}

/* See db.h: ROLLBACK if a transaction is open; takes NULL. */
void
db_rollback(struct db *db)
{
	if (db == NULL || db->my == NULL || !db->in_tx)
		return;
	db->in_tx = 0;
	if (db->fault_rollback != 0) {
		db_set_error(db, db->fault_rollback, "injected by a test");
		db->fault_rollback = 0;
	} else if (mysql_rollback(db->my) == 0)
		return;
	else
		db_set_error(db, mysql_errno(db->my), mysql_error(db->my));
	/* The server may still hold the transaction open (a Galera node out
	 * of the primary component refuses ROLLBACK with 1047), and the next
	 * START TRANSACTION would commit it. Nothing more is sent on this
	 * connection: db_ensure() closes it (the server then rolls the
	 * transaction back) and connects again, and the use case runs again
	 * (db_retryable). */
	db->broken = 1;
	db->retry = 1;
	log_warn("db: rollback: %s (connection dropped)", db->err);
}

/* See db.h. */
void
db_fault_rollback_once(struct db *db, unsigned int errnum)
{
	db->fault_rollback = errnum;
}

/* See db.h: the last error text, "no error" if none; owned by db. */
const char *
db_error(struct db *db)
{
	if (db == NULL || db->err[0] == '\0')
		return "no error";
	return db->err;
}

/* See dbint.h: one parameterless SQL text (migrations and demo scripts
 * only); rows it returns are dropped. Returns 0 or -1 with db->err set. */
int
db_exec_raw(struct db *db, const char *sql, size_t len)
{
	MYSQL_RES *res;

	if (db->my == NULL) {
		snprintf(db->err, sizeof(db->err), "not connected");
		return -1;
	}
	if (mysql_real_query(db->my, sql, len) != 0) {
		db_set_error(db, mysql_errno(db->my), mysql_error(db->my));
		return -1;
	}
	/* A statement that returns rows (SELECT in a script): drop them. */
	if ((res = mysql_store_result(db->my)) != NULL)
		mysql_free_result(res);
	else if (mysql_field_count(db->my) != 0) {
		db_set_error(db, mysql_errno(db->my), mysql_error(db->my));
		return -1;
	}
	return 0;
}
