/*
 * The sandbox bank's own tables (see bank.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/bank.h"
#include "db/db.h"
#include "db/stmt.h"

/* The columns of a hosted-page session (struct db_bank_session), each
 * with its SQL; the scenario letter is read as its character code. */
#define BANK_COLS(C) \
	C(TEXT,	id,		"id") \
	C(TEXT,	ref,		", ref") \
	C(TEXT,	order_label,	", order_label") \
	C(INT,	amount_minor,	", amount_minor") \
	C(TEXT,	currency,	", currency") \
	C(INT,	months,		", months") \
	C(TEXT,	return_url,	", return_url") \
	C(TEXT,	notify_url,	", notify_url") \
	C(TEXT,	status,		", status") \
	C(TEXT,	code,		", code") \
	C(INT,	scenario,	", ASCII(scenario)") \
	C(TEXT,	brand,		", brand") \
	C(TEXT,	last4,		", last4") \
	C(TEXT,	country,	", country") \
	C(TEXT,	result,		", result") \
	C(TEXT,	reason,		", reason") \
	C(TEXT,	token,		", token") \
	C(INT,	created_at,	", created_at")
#define BANK_FIELD(t, m, sql)	DBQ_FIELD(struct db_bank_session, t, m)
DBQ_ROWS(bank_row, struct db_bank_session, BANK_COLS, BANK_FIELD);

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
	"SELECT " BANK_COLS(DBQ_SQL) " FROM bank_sessions WHERE id = ?",
	/* STMT_UPDATE */
	"UPDATE bank_sessions SET status = ?, code = ?, scenario = ?, "
	"brand = ?, last4 = ?, country = ?, result = ?, reason = ?, "
	"token = ? WHERE id = ? AND status = ?",
	/* STMT_TOKEN */
	"INSERT INTO bank_tokens (token, brand, last4, country, created_at) "
	"VALUES (?, ?, ?, ?, ?)",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_BANKD)

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
	memset(s, 0, sizeof(*s));
	return dbq_one(dbq_bind(get(db, STMT_GET), DBQ_S(id)), &bank_row, s);
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
