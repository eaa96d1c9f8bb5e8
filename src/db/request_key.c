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

enum stmt {
	STMT_KEY_GET,
	STMT_KEY_PUT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_KEY_GET */
	"SELECT params_hash, result, reason FROM request_keys WHERE "
	"scope = ? AND owner_id = ? AND idem_key = ?",
	/* STMT_KEY_PUT */
	"INSERT INTO request_keys (scope, owner_id, idem_key, params_hash, "
	"result, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_REQUEST_KEY, idx, stmts[idx]);
}

/* See plan.h. */
int
db_request_key_get(struct db *db, const char *scope, int64_t owner_id,
    const char *key, struct db_request_key *out)
{
	struct dbq	*q = get(db, STMT_KEY_GET);
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(scope), DBQ_I(owner_id), DBQ_S(key));
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1) {
		snprintf(out->params_hash, sizeof(out->params_hash), "%s",
		    dbq_col_str(q, 0, NULL));
		out->result = (int)dbq_col_int(q, 1);
		snprintf(out->reason, sizeof(out->reason), "%s",
		    dbq_col_str(q, 2, NULL));
	}
	dbq_done(q);
	return rc;
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
