/*
 * Request keys: the outcome of a request stored under its idempotency key,
 * so that a repeated request gets the same answer (see plan.h). SQL only,
 * bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/stmt.h"

/* The columns of a stored outcome (struct db_request_key), each with its
 * SQL. */
#define KEY_COLS(C) \
	C(TEXT,	params_hash,	"params_hash") \
	C(INT,	result,		", result") \
	C(TEXT,	reason,		", reason")
#define KEY_FIELD(t, m, sql)	DBQ_FIELD(struct db_request_key, t, m)
DBQ_ROWS(key_row, struct db_request_key, KEY_COLS, KEY_FIELD);

enum stmt {
	STMT_KEY_GET,
	STMT_KEY_PUT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_KEY_GET */
	"SELECT " KEY_COLS(DBQ_SQL) " FROM request_keys WHERE "
	"scope = ? AND owner_id = ? AND idem_key = ?",
	/* STMT_KEY_PUT */
	"INSERT INTO request_keys (scope, owner_id, idem_key, params_hash, "
	"result, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_REQUEST_KEY)

/* See plan.h. */
int
db_request_key_get(struct db *db, const char *scope, int64_t owner_id,
    const char *key, struct db_request_key *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, STMT_KEY_GET), DBQ_S(scope),
	    DBQ_I(owner_id), DBQ_S(key)), &key_row, out);
}

/* See plan.h. */
int
db_request_key_put(struct db *db, const char *scope, int64_t owner_id,
    const char *key, const struct db_request_key *k, int64_t now)
{
	return dbq_exec_claim(dbq_bind(get(db, STMT_KEY_PUT), DBQ_S(scope),
	    DBQ_I(owner_id), DBQ_S(key), DBQ_S(k->params_hash),
	    DBQ_I(k->result), DBQ_S(k->reason), DBQ_I(now)));
}
