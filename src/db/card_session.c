/*
 * The mall's card sessions at the bank's hosted card page (see
 * card_session.h).
 */
#include <string.h>

#include "db/card_session.h"
#include "db/db.h"
#include "db/stmt.h"

/* The columns of a card session (struct db_card_session), each with its
 * SQL; its status comes last (fill_session). */
#define SESSION_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	bank_session,	", bank_session") \
	C(INT,	user_id,	", user_id") \
	C(INT,	order_id,	", order_id") \
	C(TEXT,	purpose,	", purpose") \
	C(INT,	amount_minor,	", amount_minor") \
	C(TEXT,	currency,	", currency") \
	C(TEXT,	reason,		", reason") \
	C(INT,	debt_id,	", COALESCE(debt_id, 0)") \
	C(CARD_SESSION, status,	", status")
#define SESSION_FIELD(t, m, sql)	DBQ_FIELD(struct db_card_session, t, m)
DBQ_ROWS(session_row, struct db_card_session, SESSION_COLS, SESSION_FIELD);

enum stmt {
	STMT_INSERT,
	STMT_SET_BANK,
	STMT_LOCK,
	STMT_FINISH,
	STMT_GET,
	STMT_SET_DEBT,
	STMT__MAX
};

#define CS_COLS	"SELECT " SESSION_COLS(DBQ_SQL) " FROM card_sessions "

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSERT */
	"INSERT INTO card_sessions (user_id, order_id, purpose, amount_minor, "
	"currency, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_SET_BANK */
	"UPDATE card_sessions SET bank_session = ? WHERE id = ?",
	/* STMT_LOCK (CS_COLS statements: session_row) */
	CS_COLS "WHERE bank_session = ? FOR UPDATE",
	/* STMT_FINISH */
	"UPDATE card_sessions SET status = ?, reason = ?, via = ?, "
	"finished_at = ? WHERE id = ? AND status = 'open'",
	/* STMT_GET */
	CS_COLS "WHERE user_id = ? AND id = ?",
	/* STMT_SET_DEBT */
	"UPDATE card_sessions SET debt_id = ? WHERE id = ?",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_CARD_SESSION)

/* See card_session.h. */
int64_t
db_card_session_insert(struct db *db, int64_t user_id, int64_t order_id,
    const char *purpose, int64_t amount_minor, const char *currency,
    int64_t now)
{
	struct dbq *q;
	int64_t id;

	if ((q = get(db, STMT_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_IDO(order_id), DBQ_S(purpose),
	    DBQ_I(amount_minor), DBQ_S(currency), DBQ_I(now));
	id = dbq_exec(q) == 0 ? dbq_insert_id(q) : -1;
	dbq_done(q);
	return id;
}

/* See card_session.h. */
int
db_card_session_set_bank(struct db *db, int64_t id, const char *bank_session)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_SET_BANK),
	    DBQ_S(bank_session), DBQ_I(id))) == 1 ? 0 : -1;
}

/* See card_session.h. */
int
db_card_session_set_debt(struct db *db, int64_t id, int64_t debt_id)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_SET_DEBT), DBQ_I(debt_id),
	    DBQ_I(id))) == 1 ? 0 : -1;
}

/* Read a CS_COLS row into *p (zeroed by the caller): 0. A status the
 * ENUM does not name (no other there) is read as declined. */
static int
fill_session(struct dbq *q, void *p)
{
	struct db_card_session *s = p;

	if (dbq_read(q, 0, &session_row, s) == -1)
		s->status = CS_DECLINED;
	return 0;
}

/* See card_session.h. */
int
db_card_session_lock(struct db *db, const char *bank_session,
    struct db_card_session *s)
{
	struct dbq *q;

	memset(s, 0, sizeof(*s));
	if ((q = get(db, STMT_LOCK)) == NULL)
		return -1;
	dbq_cstr(q, bank_session);
	return dbq_one_fn(q, fill_session, s);
}

/* See card_session.h. */
int
db_card_session_get(struct db *db, int64_t user_id, int64_t id,
    struct db_card_session *s)
{
	struct dbq *q;

	memset(s, 0, sizeof(*s));
	if ((q = get(db, STMT_GET)) == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_I(id));
	return dbq_one_fn(q, fill_session, s);
}

/* See card_session.h. */
int
db_card_session_finish(struct db *db, int64_t id,
    enum card_session_status status,
    const char *reason, const char *via, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_FINISH),
	    DBQ_S(card_session_status_name(status)),
	    DBQ_S(reason), DBQ_S(via), DBQ_I(now), DBQ_I(id)));
}
