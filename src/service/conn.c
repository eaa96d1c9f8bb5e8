/*
 * The worker's database connection for the pages (service/conn.h).
 */
#include <stddef.h>

#include "db/db.h"
#include "service/conn.h"

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
