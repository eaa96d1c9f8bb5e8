/*
 * The sandbox bank's own tables (see bank.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/bank.h"
#include "db/db.h"
#include "db/stmt.h"

enum stmt {
	STMT_SETUP_SESSIONS,
	STMT_SETUP_TOKENS,
	STMT_INSERT,
	STMT_GET,
	STMT_UPDATE,
	STMT_TOKEN,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_SETUP_SESSIONS */
	"CREATE TABLE IF NOT EXISTS bank_sessions ("
	" id VARCHAR(40) NOT NULL PRIMARY KEY,"
	" ref VARCHAR(64) NOT NULL, order_label VARCHAR(64) NOT NULL,"
	" amount_minor BIGINT NOT NULL, currency CHAR(3) NOT NULL,"
	" months INT NOT NULL, return_url VARCHAR(512) NOT NULL,"
	" notify_url VARCHAR(512) NOT NULL,"
	" status VARCHAR(12) NOT NULL, code VARCHAR(8) NOT NULL DEFAULT '',"
	" scenario CHAR(1) NOT NULL DEFAULT '',"
	" brand VARCHAR(16) NOT NULL DEFAULT '',"
	" last4 CHAR(4) NOT NULL DEFAULT '',"
	" country CHAR(2) NOT NULL DEFAULT '',"
	" result VARCHAR(12) NOT NULL DEFAULT '',"
	" reason VARCHAR(128) NOT NULL DEFAULT '',"
	" token VARCHAR(64) NOT NULL DEFAULT '',"
	" created_at BIGINT NOT NULL"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
	/* STMT_SETUP_TOKENS */
	"CREATE TABLE IF NOT EXISTS bank_tokens ("
	" token VARCHAR(64) NOT NULL PRIMARY KEY,"
	" brand VARCHAR(16) NOT NULL, last4 CHAR(4) NOT NULL,"
	" country CHAR(2) NOT NULL, created_at BIGINT NOT NULL"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
	/* STMT_INSERT */
	"INSERT INTO bank_sessions (id, ref, order_label, amount_minor, "
	"currency, months, return_url, notify_url, status, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_GET */
	"SELECT id, ref, order_label, amount_minor, currency, months, "
	"return_url, notify_url, status, code, scenario, brand, last4, "
	"country, result, reason, token, created_at FROM bank_sessions "
	"WHERE id = ?",
	/* STMT_UPDATE */
	"UPDATE bank_sessions SET status = ?, code = ?, scenario = ?, "
	"brand = ?, last4 = ?, country = ?, result = ?, reason = ?, "
	"token = ? WHERE id = ? AND status = ?",
	/* STMT_TOKEN */
	"INSERT INTO bank_tokens (token, brand, last4, country, created_at) "
	"VALUES (?, ?, ?, ?, ?)",
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_BANKD, idx, stmts[idx]);
}

/* See bank.h. */
int
db_bank_setup(struct db *db)
{
	struct dbq	*q;
	int		 i;

	for (i = STMT_SETUP_SESSIONS; i <= STMT_SETUP_TOKENS; i++) {
		if ((q = get(db, i)) == NULL ||
		    dbq_exec_done(q, NULL) == -1)
			return -1;
	}
	return 0;
}

/* See bank.h. */
int
db_bank_session_insert(struct db *db, const struct db_bank_session *s)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_INSERT), DBQ_S(s->id),
	    DBQ_S(s->ref), DBQ_S(s->order_label), DBQ_I(s->amount_minor),
	    DBQ_S(s->currency), DBQ_I(s->months), DBQ_S(s->return_url),
	    DBQ_S(s->notify_url), DBQ_S(s->status), DBQ_I(s->created_at)),
	    NULL);
}

/* See bank.h. */
int
db_bank_session_get(struct db *db, const char *id, struct db_bank_session *s)
{
	struct dbq	*q;
	char		 sc[4];
	int		 rc;

	memset(s, 0, sizeof(*s));
	if ((q = get(db, STMT_GET)) == NULL)
		return -1;
	dbq_cstr(q, id);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		dbq_col_copy(q, 0, s->id, sizeof(s->id));
		dbq_col_copy(q, 1, s->ref, sizeof(s->ref));
		dbq_col_copy(q, 2, s->order_label, sizeof(s->order_label));
		s->amount_minor = dbq_col_int(q, 3);
		dbq_col_copy(q, 4, s->currency, sizeof(s->currency));
		s->months = (int)dbq_col_int(q, 5);
		dbq_col_copy(q, 6, s->return_url, sizeof(s->return_url));
		dbq_col_copy(q, 7, s->notify_url, sizeof(s->notify_url));
		dbq_col_copy(q, 8, s->status, sizeof(s->status));
		dbq_col_copy(q, 9, s->code, sizeof(s->code));
		dbq_col_copy(q, 10, sc, sizeof(sc));
		s->scenario = sc[0];
		dbq_col_copy(q, 11, s->brand, sizeof(s->brand));
		dbq_col_copy(q, 12, s->last4, sizeof(s->last4));
		dbq_col_copy(q, 13, s->country, sizeof(s->country));
		dbq_col_copy(q, 14, s->result, sizeof(s->result));
		dbq_col_copy(q, 15, s->reason, sizeof(s->reason));
		dbq_col_copy(q, 16, s->token, sizeof(s->token));
		s->created_at = dbq_col_int(q, 17);
	}
	dbq_done(q);
	return rc;
}

/* See bank.h. */
int
db_bank_session_update(struct db *db, const struct db_bank_session *s,
    const char *from)
{
	struct dbq	*q;
	char		 sc[2] = { s->scenario, '\0' };

	if ((q = get(db, STMT_UPDATE)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(s->status), DBQ_S(s->code), DBQ_S(sc),
	    DBQ_S(s->brand), DBQ_S(s->last4), DBQ_S(s->country),
	    DBQ_S(s->result), DBQ_S(s->reason), DBQ_S(s->token), DBQ_S(s->id),
	    DBQ_S(from));
	return dbq_exec_one(q);
}

/* See bank.h. */
int
db_bank_token_insert(struct db *db, const char *token, const char *brand,
    const char *last4, const char *country, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_TOKEN), DBQ_S(token),
	    DBQ_S(brand), DBQ_S(last4), DBQ_S(country), DBQ_I(now)), NULL);
}
