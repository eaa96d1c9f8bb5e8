/*
 * Statements of the partners, partner_nonces and partner_events tables
 * (see partner.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/partner.h"
#include "db/stmt.h"

/* The columns of a partner (struct db_partner), each with its SQL. */
#define PARTNER_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	name,		", name") \
	C(TEXT,	kind,		", kind") \
	C(INT,	key_version,	", key_version") \
	C(INT,	enabled,	", enabled")
#define PARTNER_FIELD(t, m, sql)	DBQ_FIELD(struct db_partner, t, m)
DBQ_ROWS(partner_row, struct db_partner, PARTNER_COLS, PARTNER_FIELD);

enum stmt {
	STMT_PARTNER_GET,
	STMT_NONCE_INSERT,
	STMT_NONCE_PURGE,
	STMT_EVENT_INSERT,
	STMT_EVENT_GET,
	STMT_EVENT_RESULT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_PARTNER_GET */
	"SELECT " PARTNER_COLS(DBQ_SQL) " FROM partners WHERE id = ?",
	/* STMT_NONCE_INSERT */
	"INSERT INTO partner_nonces (partner_id, signature, created_at) "
	"VALUES (?, ?, ?)",
	/* STMT_NONCE_PURGE */
	"DELETE FROM partner_nonces WHERE created_at < ? LIMIT 1000",
	/* STMT_EVENT_INSERT */
	"INSERT INTO partner_events (partner_id, event_id, created_at) "
	"VALUES (?, ?, ?)",
	/* STMT_EVENT_GET: locks the row so a concurrent first claim has
	 * committed its result before the repeat reads it. */
	"SELECT result FROM partner_events WHERE partner_id = ? AND "
	"event_id = ? FOR UPDATE",
	/* STMT_EVENT_RESULT */
	"UPDATE partner_events SET result = ? WHERE partner_id = ? AND "
	"event_id = ?",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_PARTNER)

/* See partner.h. */
int
db_partner_get(struct db *db, int64_t id, struct db_partner *out)
{
	return dbq_one(dbq_bind(get(db, STMT_PARTNER_GET), DBQ_I(id)),
	    &partner_row, out);
}

/* See partner.h. A duplicate key is the replay, not an error. */
int
db_partner_nonce_claim(struct db *db, int64_t partner_id, const char *sig_hex,
    int64_t now)
{
	return dbq_exec_claim(dbq_bind(get(db, STMT_NONCE_INSERT),
	    DBQ_I(partner_id), DBQ_S(sig_hex), DBQ_I(now)));
}

/* See partner.h. */
int64_t
db_partner_nonce_purge(struct db *db, int64_t before)
{
	struct dbq *q;
	int64_t n;

	if ((q = get(db, STMT_NONCE_PURGE)) == NULL)
		return -1;
	dbq_int(q, before);
	n = dbq_exec(q) == 0 ? (int64_t)dbq_affected(q) : -1;
	dbq_done(q);
	return n;
}

/* See partner.h. */
int
db_partner_event_claim(struct db *db, int64_t partner_id, const char *event_id,
    size_t len, int64_t now, struct buf *orig)
{
	struct dbq *q;
	size_t rlen;
	const char *r;
	int rc;

	if ((q = get(db, STMT_EVENT_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(partner_id), DBQ_B(event_id, len), DBQ_I(now));
	if (dbq_exec(q) == 0) {
		dbq_done(q);
		return 1;
	}
	rc = dbq_errno(q) == DBQ_ER_DUP_ENTRY ? 0 : -1;
	dbq_done(q);
	if (rc == -1)
		return -1;
	if ((q = get(db, STMT_EVENT_GET)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(partner_id), DBQ_B(event_id, len));
	if (dbq_exec(q) == -1 || (rc = dbq_fetch(q)) == -1) {
		dbq_done(q);
		return -1;
	}
	if (rc == 1 && orig != NULL) {
		r = dbq_col_str(q, 0, &rlen);
		buf_append(orig, r, rlen);
	}
	dbq_done(q);
	return 0;
}

/* See partner.h. */
int
db_partner_event_result_set(struct db *db, int64_t partner_id,
    const char *event_id, size_t len, const char *result)
{
	struct dbq *q;
	int rc;

	if ((q = get(db, STMT_EVENT_RESULT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(result), DBQ_I(partner_id), DBQ_B(event_id, len));
	rc = dbq_exec(q) == 0 && dbq_affected(q) == 1 ? 0 : -1;
	dbq_done(q);
	return rc;
}
