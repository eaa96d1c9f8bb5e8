/*
 * messages: the inbox. Company messages are read once for the whole
 * company (read_at is on the row). SQL only, bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/message.h"
#include "db/stmt.h"

/* The columns of a message (struct db_message), each with its SQL; its
 * body follows them (fill_message). */
#define MESSAGE_COLS(C) \
	C(INT,	id,		"id") \
	C(TEXT,	subject,	", subject") \
	C(INT,	created_at,	", created_at") \
	C(INT,	read_at,	", read_at") \
	C(INT,	order_id,	", order_id") \
	C(INT,	repeats,	", repeats") \
	C(INT,	last_at,	", last_at")
#define MESSAGE_FIELD(t, m, sql)	DBQ_FIELD(struct db_message, t, m)
DBQ_ROWS(message_row, struct db_message, MESSAGE_COLS, MESSAGE_FIELD);

enum stmt {
	STMT_MSG_INSERT,
	STMT_MSG_LIST,
	STMT_MSG_UNREAD,
	STMT_MSG_READ,
	STMT_MSG_READ_ALL,
	STMT_MSG_EVENT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_MSG_INSERT */
	"INSERT INTO messages (user_id, company_id, order_id, subject, body, "
	"created_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_MSG_LIST: an order's messages together, the order with the
	 * newest event first; a message about no order is a group of its
	 * own. */
	"SELECT " MESSAGE_COLS(DBQ_SQL) ", body "
	"FROM messages WHERE user_id = ? OR company_id = ? "
	"ORDER BY MAX(last_at) OVER (PARTITION BY COALESCE(order_id, -id)) "
	"DESC, COALESCE(order_id, -id) DESC, last_at DESC, id DESC "
	"LIMIT ? OFFSET ?",
	/* STMT_MSG_UNREAD */
	"SELECT (SELECT COUNT(*) FROM messages WHERE user_id = ? AND "
	"read_at IS NULL) + (SELECT COUNT(*) FROM messages WHERE "
	"company_id = ? AND read_at IS NULL)",
	/* STMT_MSG_READ */
	"UPDATE messages SET read_at = COALESCE(read_at, ?) WHERE id = ? "
	"AND (user_id = ? OR company_id = ?)",
	/* STMT_MSG_READ_ALL */
	"UPDATE messages SET read_at = ? WHERE read_at IS NULL "
	"AND (user_id = ? OR company_id = ?)",
	/* STMT_MSG_EVENT: messages_topic is unique per user. */
	"INSERT INTO messages (user_id, order_id, topic, subject, body, "
	"created_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
	"ON DUPLICATE KEY UPDATE repeats = repeats + 1, "
	"subject = VALUES(subject), body = VALUES(body), "
	"last_at = VALUES(last_at), read_at = NULL",
};

/* The order number that subject or body names first ("order #N" or
 * "Order #N"), or 0. */
static int64_t
named_order(const char *subject, const char *body)
{
	const char	*t[2] = { subject, body }, *p;
	int		 i;

	for (i = 0; i < 2; i++)
		for (p = t[i]; p != NULL && (p = strstr(p, "rder #")) != NULL;
		    p++)
			if (p > t[i] && (p[-1] == 'o' || p[-1] == 'O') &&
			    p[6] >= '1' && p[6] <= '9')
				return strtoll(p + 6, NULL, 10);
	return 0;
}

/* See message.h. */
int64_t
db_message_insert(struct db *db, int64_t user_id, int64_t company_id,
    const char *subject, const char *body, int64_t now)
{
	struct dbq	*q;
	int64_t		 id = -1;

	q = dbq_get(db, DB_T_MESSAGE, STMT_MSG_INSERT, stmts[STMT_MSG_INSERT]);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_IDO(user_id), DBQ_IDO(company_id),
	    DBQ_IDO(named_order(subject, body)), DBQ_S(subject), DBQ_S(body),
	    DBQ_I(now), DBQ_I(now));
	if (dbq_exec(q) == 0)
		id = dbq_insert_id(q);
	dbq_done(q);
	return id;
}

/* See message.h. */
int
db_message_event(struct db *db, int64_t user_id, int64_t order_id,
    const char *topic, const char *subject, const char *body, int64_t now)
{
	struct dbq	*q;
	int		 rc;

	q = dbq_get(db, DB_T_MESSAGE, STMT_MSG_EVENT, stmts[STMT_MSG_EVENT]);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(user_id), DBQ_IDO(order_id), DBQ_S(topic),
	    DBQ_S(subject), DBQ_S(body), DBQ_I(now), DBQ_I(now));
	rc = dbq_exec(q);
	dbq_done(q);
	return rc == 0 ? 0 : -1;
}

/* dbq_list_keep fill for db_message_list(): the current row into *arg, a
 * struct db_message (its body owned). Never leaves a row out. */
static int
fill_message(struct dbq *q, void *arg)
{
	struct db_message *m = arg;

	(void)dbq_read(q, 0, &message_row, m);
	m->body = xstrdup(dbq_col_str(q, (int)message_row.n, NULL));
	return 0;
}

/* dbq_list_keep free_list: db_message_list_free of the void array. */
static void
free_messages(void *v, size_t n)
{
	db_message_list_free(v, n);
}

/* See message.h. */
int
db_message_list(struct db *db, int64_t user_id, int64_t company_id,
    size_t limit, size_t offset, struct db_message **out, size_t *n)
{
	struct dbq *q;

	q = dbq_get(db, DB_T_MESSAGE, STMT_MSG_LIST, stmts[STMT_MSG_LIST]);
	if (q != NULL) {
		dbq_int(q, user_id);
		/* -1 matches no company (ids are positive). */
		dbq_bind(q, DBQ_I(company_id > 0 ? company_id : -1),
		    DBQ_I((int64_t)limit), DBQ_I((int64_t)offset));
	}
	return dbq_list_keep(q, sizeof(**out), fill_message, free_messages,
	    (void **)out, n);
}

/* See message.h. */
void
db_message_list_free(struct db_message *v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i].body);
	free(v);
}

/* See message.h. */
int64_t
db_message_unread(struct db *db, int64_t user_id, int64_t company_id)
{
	return dbq_count(dbq_bind(dbq_get(db, DB_T_MESSAGE, STMT_MSG_UNREAD,
	    stmts[STMT_MSG_UNREAD]), DBQ_I(user_id),
	    DBQ_I(company_id > 0 ? company_id : -1)));
}

/* See message.h. */
int
db_message_mark_read(struct db *db, int64_t user_id, int64_t company_id,
    int64_t id, int64_t now)
{
	struct dbq	*q;
	int		 rc = -1;
	int		 all = id == 0;

	q = dbq_get(db, DB_T_MESSAGE, all ? STMT_MSG_READ_ALL : STMT_MSG_READ,
	    stmts[all ? STMT_MSG_READ_ALL : STMT_MSG_READ]);
	if (q == NULL)
		return -1;
	dbq_int(q, now);
	if (!all)
		dbq_int(q, id);
	dbq_bind(q, DBQ_I(user_id), DBQ_I(company_id > 0 ? company_id : -1));
	if (dbq_exec(q) == 0)
		rc = all ? 1 : dbq_affected(q) == 1;
	dbq_done(q);
	return rc;
}
