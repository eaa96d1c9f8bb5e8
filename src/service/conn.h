#ifndef MALLPAY_SERVICE_CONN_H
#define MALLPAY_SERVICE_CONN_H

/*
 * The database connection of a worker as the pages see it: whether it
 * works, why it failed, and the end of a failed request.
 */

struct db;

/* 0 when the connection works (reconnecting if needed), -1 when the
 * server cannot be reached or db is NULL. */
int	conn_check(struct db *db);

/* The message of the connection's last failure ("no database" for
 * NULL). */
const char *conn_error(struct db *db);

/* Roll back whatever a failed request left open (NULL is fine). */
void	conn_abandon(struct db *db);

#endif
