/*
 * Pay After Use tables (see payafter.h and sql/011_payafter.sql).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/payafter.h"
#include "db/stmt.h"

/* The columns of a charge (struct db_pau_charge), each with its SQL. */
#define CHARGE_COLS(C) \
	C(INT,	order_id,	"order_id") \
	C(INT,	user_id,	", user_id") \
	C(CHARGE, status,	", status") \
	C(TEXT,	currency,	", currency") \
	C(INT,	amount_minor,	", amount_minor") \
	C(INT,	late_fee_minor,	", late_fee_minor") \
	C(INT,	paid_minor,	", paid_minor") \
	C(TEXT,	due_date,	", due_date") \
	C(INT,	attempts,	", attempts") \
	C(TEXT,	tries_day,	", tries_day") \
	C(INT,	tries_on_day,	", tries_on_day") \
	C(INT,	next_try_at,	", next_try_at") \
	C(TEXT,	reason,		", reason") \
	C(TEXT,	reference,	", reference") \
	C(TEXT,	card_last4,	", card_last4") \
	C(INT,	suspended_at,	", suspended_at") \
	C(INT,	created_at,	", created_at") \
	C(INT,	updated_at,	", updated_at") \
	C(INT,	paid_at,	", paid_at")
#define CHARGE_FIELD(t, m, sql)	DBQ_FIELD(struct db_pau_charge, t, m)
DBQ_ROWS(charge_row, struct db_pau_charge, CHARGE_COLS, CHARGE_FIELD);

/* The columns of a guarantee entry (struct db_pau_guarantee). */
#define GUARANTEE_COLS(C) \
	C(INT,	id,		"g.id") \
	C(INT,	order_id,	", g.order_id") \
	C(INT,	user_id,	", g.user_id") \
	C(TEXT,	kind,		", g.kind") \
	C(INT,	amount_minor,	", g.amount_minor") \
	C(TEXT,	currency,	", g.currency") \
	C(INT,	amount_usd_minor, ", g.amount_usd_minor") \
	C(TEXT,	note,		", g.note") \
	C(INT,	created_at,	", g.created_at") \
	C(TEXT,	email,		", COALESCE(u.email, '')")
#define GUARANTEE_FIELD(t, m, sql) DBQ_FIELD(struct db_pau_guarantee, t, m)
DBQ_ROWS(guarantee_row, struct db_pau_guarantee, GUARANTEE_COLS,
    GUARANTEE_FIELD);

/* The columns of a bound card (struct db_pau_card), each with its SQL; its
 * encrypted token follows them (fill_card). */
#define CARD_COLS(C) \
	C(TEXT,	brand,		"brand") \
	C(TEXT,	last4,		", last4") \
	C(INT,	updated_at,	", updated_at")
#define CARD_FIELD(t, m, sql)	DBQ_FIELD(struct db_pau_card, t, m)
DBQ_ROWS(card_row, struct db_pau_card, CARD_COLS, CARD_FIELD);

enum stmt {
	STMT_PAU_CARD_GET,
	STMT_PAU_CARD_PUT,
	STMT_PAU_SETTING,
	STMT_PAU_CHARGE_INSERT,
	STMT_PAU_CHARGE_GET,
	STMT_PAU_CHARGE_GET_LOCK,
	STMT_PAU_CHARGE_UPDATE,
	STMT_PAU_CHARGES_BY_USER,
	STMT_PAU_GUARANTEE_ADD,
	STMT_PAU_GUARANTEE_LIST,
	STMT_PAU_NEXT_AUTOCONFIRM,
	STMT_PAU_NEXT_OPEN,
	STMT_PAU_USER_SUSPEND,
	STMT_PAU_DELIVERED_AT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_PAU_CARD_GET */
	"SELECT " CARD_COLS(DBQ_SQL) ", token_enc FROM pau_cards "
	"WHERE user_id = ?",
	/* STMT_PAU_CARD_PUT */
	"INSERT INTO pau_cards (user_id, brand, last4, token_enc, created_at, "
	"updated_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	"brand = VALUES(brand), last4 = VALUES(last4), "
	"token_enc = VALUES(token_enc), updated_at = VALUES(updated_at)",
	/* STMT_PAU_SETTING */
	"SELECT value FROM settings WHERE name = ?",
	/* STMT_PAU_CHARGE_INSERT */
	"INSERT IGNORE INTO pau_charges (" CHARGE_COLS(DBQ_SQL) ") "
	"VALUES (?, ?, ?, ?, "
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_PAU_CHARGE_GET */
	"SELECT " CHARGE_COLS(DBQ_SQL) " FROM pau_charges WHERE order_id = ?",
	/* STMT_PAU_CHARGE_GET_LOCK */
	"SELECT " CHARGE_COLS(DBQ_SQL) " FROM pau_charges WHERE order_id = ? "
	"FOR UPDATE",
	/* STMT_PAU_CHARGE_UPDATE */
	"UPDATE pau_charges SET status = ?, late_fee_minor = ?, "
	"paid_minor = ?, attempts = ?, tries_day = ?, tries_on_day = ?, "
	"next_try_at = ?, reason = ?, reference = ?, card_last4 = ?, "
	"suspended_at = ?, updated_at = ?, paid_at = ? WHERE order_id = ?",
	/* STMT_PAU_CHARGES_BY_USER */
	"SELECT " CHARGE_COLS(DBQ_SQL) " FROM pau_charges WHERE user_id = ? "
	"ORDER BY created_at DESC, order_id DESC LIMIT 200",
	/* STMT_PAU_GUARANTEE_ADD */
	"INSERT IGNORE INTO pau_guarantee (order_id, user_id, kind, "
	"amount_minor, currency, amount_usd_minor, note, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_PAU_GUARANTEE_LIST: guarantee_row */
	"SELECT " GUARANTEE_COLS(DBQ_SQL) " FROM pau_guarantee g "
	"LEFT JOIN users u ON u.id = g.user_id "
	"ORDER BY g.created_at DESC, g.id DESC LIMIT ?",
	/* STMT_PAU_NEXT_AUTOCONFIRM (PAU-03) */
	"SELECT o.id FROM orders o WHERE o.method = 'pay_after_use' "
	"AND o.status = 'delivered' AND o.id > ? AND (SELECT MAX(e.at) "
	"FROM events e WHERE e.subject_type = 'order' AND "
	"e.subject_id = o.id AND e.to_state = 'delivered') < ? "
	"ORDER BY o.id LIMIT 1 FOR UPDATE SKIP LOCKED",
	/* STMT_PAU_NEXT_OPEN (PAU-04) */
	"SELECT order_id FROM pau_charges WHERE status = 'open' "
	"AND next_try_at <= ? AND order_id > ? ORDER BY order_id LIMIT 1 "
	"FOR UPDATE SKIP LOCKED",
	/* STMT_PAU_USER_SUSPEND (INST-F2) */
	"UPDATE users SET installment_suspended = 1, bad_payment_record = 1 "
	"WHERE id = ?",
	/* STMT_PAU_DELIVERED_AT */
	"SELECT COALESCE(MAX(at), 0) FROM events WHERE subject_type = 'order' "
	"AND subject_id = ? AND to_state = 'delivered'",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_PAYAFTER)

/* Read a card row into *p (zeroed by the caller): 0. */
static int
fill_card(struct dbq *q, void *p)
{
	struct db_pau_card	*c = p;
	const char		*s;
	size_t			 len;

	(void)dbq_read(q, 0, &card_row, c);
	s = dbq_col_str(q, (int)card_row.n, &len);
	if (len > sizeof(c->token_enc))
		len = 0;	/* corrupt: treated as no token */
	memcpy(c->token_enc, s, len);
	c->token_len = len;
	return 0;
}

/* See payafter.h. */
int
db_pau_card_get(struct db *db, int64_t user_id, struct db_pau_card *out)
{
	struct dbq *q = dbq_bind(get(db, STMT_PAU_CARD_GET), DBQ_I(user_id));

	memset(out, 0, sizeof(*out));
	return dbq_one_fn(q, fill_card, out);
}

/* See payafter.h. */
int
db_pau_card_put(struct db *db, int64_t user_id, const char *brand,
    const char *last4, const unsigned char *enc, size_t enclen, int64_t now)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_PAU_CARD_PUT), DBQ_I(user_id),
	    DBQ_S(brand), DBQ_S(last4), DBQ_B((const char *)enc, enclen),
	    DBQ_I(now), DBQ_I(now)), NULL);
}

/* See payafter.h. */
int
db_pau_setting(struct db *db, const char *name, char *out, size_t outsz)
{
	return dbq_one_text(dbq_bind(get(db, STMT_PAU_SETTING), DBQ_S(name)),
	    out, outsz);
}

/* See payafter.h. */
int
db_pau_charge_insert(struct db *db, const struct db_pau_charge *c)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_PAU_CHARGE_INSERT),
	    DBQ_I(c->order_id), DBQ_I(c->user_id),
	    DBQ_S(charge_status_name(c->status)),
	    DBQ_S(c->currency), DBQ_I(c->amount_minor),
	    DBQ_I(c->late_fee_minor), DBQ_I(c->paid_minor), DBQ_S(c->due_date),
	    DBQ_I(c->attempts), DBQ_SO(c->tries_day), DBQ_I(c->tries_on_day),
	    DBQ_I(c->next_try_at), DBQ_S(c->reason), DBQ_S(c->reference),
	    DBQ_SO(c->card_last4), DBQ_NZ(c->suspended_at),
	    DBQ_I(c->created_at), DBQ_I(c->updated_at), DBQ_NZ(c->paid_at)));
}

/* See payafter.h. */
int
db_pau_charge_get(struct db *db, int64_t order_id, int lock,
    struct db_pau_charge *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(dbq_bind(get(db, lock ? STMT_PAU_CHARGE_GET_LOCK :
	    STMT_PAU_CHARGE_GET), DBQ_I(order_id)), &charge_row, out);
}

/* See payafter.h. */
int
db_pau_charge_update(struct db *db, const struct db_pau_charge *c)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_PAU_CHARGE_UPDATE),
	    DBQ_S(charge_status_name(c->status)), DBQ_I(c->late_fee_minor),
	    DBQ_I(c->paid_minor),
	    DBQ_I(c->attempts), DBQ_SO(c->tries_day), DBQ_I(c->tries_on_day),
	    DBQ_I(c->next_try_at), DBQ_S(c->reason), DBQ_S(c->reference),
	    DBQ_SO(c->card_last4), DBQ_NZ(c->suspended_at),
	    DBQ_I(c->updated_at), DBQ_NZ(c->paid_at), DBQ_I(c->order_id)),
	    NULL);
}

/* See payafter.h. */
int
db_pau_charges_by_user(struct db *db, int64_t user_id,
    struct db_pau_charge **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_PAU_CHARGES_BY_USER),
	    DBQ_I(user_id)), &charge_row, (void **)out, n);
}

/* See payafter.h. */
int
db_pau_guarantee_add(struct db *db, int64_t order_id, int64_t user_id,
    const char *kind, int64_t amount_minor, const char *currency,
    int64_t amount_usd_minor, const char *note, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_PAU_GUARANTEE_ADD),
	    DBQ_I(order_id), DBQ_I(user_id), DBQ_S(kind), DBQ_I(amount_minor),
	    DBQ_S(currency), DBQ_I(amount_usd_minor), DBQ_S(note), DBQ_I(now)));
}

/* See payafter.h. */
int
db_pau_guarantee_list(struct db *db, size_t limit,
    struct db_pau_guarantee **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_PAU_GUARANTEE_LIST),
	    DBQ_I((int64_t)limit)), &guarantee_row, (void **)out, n);
}

/* See payafter.h. */
int
db_pau_next_autoconfirm(struct db *db, int64_t cutoff, int64_t after,
    int64_t *id)
{
	return dbq_one_int(dbq_bind(get(db, STMT_PAU_NEXT_AUTOCONFIRM),
	    DBQ_I(after), DBQ_I(cutoff)), id);
}

/* See payafter.h. */
int
db_pau_next_open(struct db *db, int64_t now, int64_t after, int64_t *id)
{
	return dbq_one_int(dbq_bind(get(db, STMT_PAU_NEXT_OPEN), DBQ_I(now),
	    DBQ_I(after)), id);
}

/* See payafter.h. */
int
db_pau_user_suspend(struct db *db, int64_t user_id)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_PAU_USER_SUSPEND),
	    DBQ_I(user_id)), NULL);
}

/* See payafter.h. */
int64_t
db_pau_delivered_at(struct db *db, int64_t id)
{
	int64_t at = 0;

	if (dbq_one_int(dbq_bind(get(db, STMT_PAU_DELIVERED_AT), DBQ_I(id)),
	    &at) == -1)
		return -1;
	return at;
}

/* See payafter.h: the copy of the configuration the connection keeps. */
int
db_pau_secret(struct db *db, char out[65])
{
	if (db == NULL || strlen(db->cfg.secret_key) != 64) {
		out[0] = '\0';
		return -1;
	}
	memcpy(out, db->cfg.secret_key, 65);
	return 0;
}
