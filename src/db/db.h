#ifndef MALLPAY_DB_DB_H
#define MALLPAY_DB_DB_H

#include <stddef.h>
#include <stdint.h>

#include "core/config.h"

/* One MariaDB connection with its prepared statements; one per thread.
 * Only files under src/db/ include mysql.h; everything else sees this header. */
struct db;

/* Call once in main before any thread starts (mysql_library_init). */
void	db_library_init(void);
void	db_library_end(void);
/* Per thread, before/after using a connection (mysql_thread_init/end). */
void	db_thread_init(void);
void	db_thread_end(void);

/* Connect using cfg's [database] settings. Returns a connection, or NULL with
 * a message in err. */
struct db *db_open(const struct config *cfg, char *err, size_t errsz);
/* Close the connection and its statements; takes NULL. */
void	db_free(struct db *);
/* Make sure the connection is alive before a request (or use case) starts:
 * after the server restarted (errors 2006/2013) reconnect and forget prepared
 * statements. A connection used less than DB_PING_IDLE_US ago is trusted
 * without a ping (one round trip saved per request under load); if it died
 * meanwhile, the request's first statement fails, db_lost() says so, and the
 * next db_ensure() reconnects. Also starts a new request for the
 * reference-data cache (the version seen is forgotten). Returns 0, or -1 if
 * the server cannot be reached. */
int	db_ensure(struct db *);
#define DB_PING_IDLE_US	1000000

/* 1 if a call since the last db_ensure() found the connection lost (the
 * server went away: the request should answer 503, not 500), else 0. */
int	db_lost(const struct db *);

/* 1 if a call since the last db_ensure() failed in a way that running the
 * whole use case again may cure: 1213 (a deadlock; under Galera also a
 * certification failure, at any statement or at COMMIT: another node
 * committed a conflicting write first), 1047 (the node is not ready: not
 * synced, or cut off in a non-primary component), 1180 (the write set
 * could not be sent: the node is leaving the primary component), 1205 (a
 * lock wait timed out, as while the group waits for a silent node) or a
 * lost connection
 * (2006/2013). The transaction is gone (rolled back by the server), so
 * nothing of the attempt stays. Else 0. */
int	db_retryable(const struct db *);

/* Tests only: make the next db_commit() on this connection fail with
 * errnum (and roll back) as if the server had answered it, once. */
void	db_fault_commit_once(struct db *, unsigned int errnum);

/* Tests only: the next db_rollback() fails with errnum without sending
 * ROLLBACK, as a Galera node out of the primary component refuses it: the
 * transaction stays open on the server and the connection is dropped. */
void	db_fault_rollback_once(struct db *, unsigned int errnum);

/* One transaction per use case. db_begin returns 0 or -1; db_commit returns 0 or -1
 * (and rolls back on failure); db_rollback is safe to call when nothing is open. */
int	db_begin(struct db *);
/* (data) As db_begin, but the transaction runs in READ COMMITTED: no gap
 * locks, so that several hosts taking queue rows with SELECT ... FOR UPDATE
 * SKIP LOCKED (mallpayctl tick) do not block each other's updates. */
int	db_begin_read_committed(struct db *);
int	db_commit(struct db *);
void	db_rollback(struct db *);

/* The error message of the last failed call on this connection. */
const char *db_error(struct db *);

#endif
