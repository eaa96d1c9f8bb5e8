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

#define CHARGE_COLS \
	"order_id, user_id, status, currency, amount_minor, late_fee_minor, " \
	"paid_minor, due_date, attempts, tries_day, tries_on_day, " \
	"next_try_at, reason, reference, card_last4, suspended_at, " \
	"created_at, updated_at, paid_at"
/* Columns of CHARGE_COLS, in its SELECT order. */
enum charge_col {
	CH_C_ORDER_ID, CH_C_USER_ID, CH_C_STATUS, CH_C_CURRENCY, CH_C_AMOUNT,
	CH_C_LATE_FEE, CH_C_PAID, CH_C_DUE_DATE, CH_C_ATTEMPTS, CH_C_TRIES_DAY,
	CH_C_TRIES_ON_DAY, CH_C_NEXT_TRY_AT, CH_C_REASON, CH_C_REFERENCE,
	CH_C_CARD_LAST4, CH_C_SUSPENDED_AT, CH_C_CREATED_AT, CH_C_UPDATED_AT,
	CH_C_PAID_AT, CH_C__N
};
/* Columns of STMT_PAU_GUARANTEE_LIST, in its SELECT order. */
enum guarantee_col {
	G_C_ID, G_C_ORDER_ID, G_C_USER_ID, G_C_KIND, G_C_AMOUNT, G_C_CURRENCY,
	G_C_AMOUNT_USD, G_C_NOTE, G_C_CREATED_AT, G_C_EMAIL, G_C__N
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_PAU_CARD_GET */
	"SELECT brand, last4, token_enc, updated_at FROM pau_cards "
	"WHERE user_id = ?",
	/* STMT_PAU_CARD_PUT */
	"INSERT INTO pau_cards (user_id, brand, last4, token_enc, created_at, "
	"updated_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	"brand = VALUES(brand), last4 = VALUES(last4), "
	"token_enc = VALUES(token_enc), updated_at = VALUES(updated_at)",
	/* STMT_PAU_SETTING */
	"SELECT value FROM settings WHERE name = ?",
	/* STMT_PAU_CHARGE_INSERT */
	"INSERT IGNORE INTO pau_charges (" CHARGE_COLS ") VALUES (?, ?, ?, ?, "
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_PAU_CHARGE_GET */
	"SELECT " CHARGE_COLS " FROM pau_charges WHERE order_id = ?",
	/* STMT_PAU_CHARGE_GET_LOCK */
	"SELECT " CHARGE_COLS " FROM pau_charges WHERE order_id = ? "
	"FOR UPDATE",
	/* STMT_PAU_CHARGE_UPDATE */
	"UPDATE pau_charges SET status = ?, late_fee_minor = ?, "
	"paid_minor = ?, attempts = ?, tries_day = ?, tries_on_day = ?, "
	"next_try_at = ?, reason = ?, reference = ?, card_last4 = ?, "
	"suspended_at = ?, updated_at = ?, paid_at = ? WHERE order_id = ?",
	/* STMT_PAU_CHARGES_BY_USER */
	"SELECT " CHARGE_COLS " FROM pau_charges WHERE user_id = ? "
	"ORDER BY created_at DESC, order_id DESC LIMIT 200",
	/* STMT_PAU_GUARANTEE_ADD */
	"INSERT IGNORE INTO pau_guarantee (order_id, user_id, kind, "
	"amount_minor, currency, amount_usd_minor, note, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_PAU_GUARANTEE_LIST: enum guarantee_col */
	"SELECT g.id, g.order_id, g.user_id, g.kind, g.amount_minor, "
	"g.currency, g.amount_usd_minor, g.note, g.created_at, "
	"COALESCE(u.email, '') FROM pau_guarantee g "
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

/* Prepare statement i. */
static struct dbq *
pq(struct db *db, enum stmt i)
{
	return dbq_get(db, DB_T_PAYAFTER, i, stmts[i]);
}

/* See payafter.h. */
int
db_pau_card_get(struct db *db, int64_t user_id, struct db_pau_card *out)
{
	struct dbq	*q;
	const char	*s;
	size_t		 len;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((q = pq(db, STMT_PAU_CARD_GET)) == NULL)
		return -1;
	dbq_int(q, user_id);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		dbq_col_copy(q, 0, out->brand, sizeof(out->brand));
		dbq_col_copy(q, 1, out->last4, sizeof(out->last4));
		s = dbq_col_str(q, 2, &len);
		if (len > sizeof(out->token_enc))
			len = 0;	/* corrupt: treated as no token */
		memcpy(out->token_enc, s, len);
		out->token_len = len;
		out->updated_at = dbq_col_int(q, 3);
	}
	dbq_done(q);
	return rc;
}

/* See payafter.h. */
int
db_pau_card_put(struct db *db, int64_t user_id, const char *brand,
    const char *last4, const unsigned char *enc, size_t enclen, int64_t now)
{
	struct dbq	*q;
	int		 rc;

	if ((q = pq(db, STMT_PAU_CARD_PUT)) == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_cstr(q, brand);
	dbq_cstr(q, last4);
	dbq_str(q, (const char *)enc, enclen);
	dbq_int(q, now);
	dbq_int(q, now);
	rc = dbq_exec(q);
	dbq_done(q);
	return rc;
}

/* See payafter.h. */
int
db_pau_setting(struct db *db, const char *name, char *out, size_t outsz)
{
	struct dbq	*q;
	int		 rc;

	if ((q = pq(db, STMT_PAU_SETTING)) == NULL)
		return -1;
	dbq_cstr(q, name);
	if ((rc = dbq_exec_fetch(q)) == 1)
		dbq_col_copy(q, 0, out, outsz);
	dbq_done(q);
	return rc;
}

/* Bind v, or SQL NULL when v is 0. */
static void
int_or_null(struct dbq *q, int64_t v)
{
	if (v == 0)
		dbq_null(q);
	else
		dbq_int(q, v);
}

/* See payafter.h. */
int
db_pau_charge_insert(struct db *db, const struct db_pau_charge *c)
{
	struct dbq	*q;

	if ((q = pq(db, STMT_PAU_CHARGE_INSERT)) == NULL)
		return -1;
	dbq_int(q, c->order_id);
	dbq_int(q, c->user_id);
	dbq_cstr(q, charge_status_name(c->status));
	dbq_cstr(q, c->currency);
	dbq_int(q, c->amount_minor);
	dbq_int(q, c->late_fee_minor);
	dbq_int(q, c->paid_minor);
	dbq_cstr(q, c->due_date);
	dbq_int(q, c->attempts);
	dbq_cstr_opt(q, c->tries_day);
	dbq_int(q, c->tries_on_day);
	dbq_int(q, c->next_try_at);
	dbq_cstr(q, c->reason);
	dbq_cstr(q, c->reference);
	dbq_cstr_opt(q, c->card_last4);
	int_or_null(q, c->suspended_at);
	dbq_int(q, c->created_at);
	dbq_int(q, c->updated_at);
	int_or_null(q, c->paid_at);
	return dbq_exec_one(q);
}

/* Read the CHARGE_COLS (enum charge_col) of q's current row into c. */
static void
charge_row(struct dbq *q, struct db_pau_charge *c)
{
	memset(c, 0, sizeof(*c));
	c->order_id = dbq_col_int(q, CH_C_ORDER_ID);
	c->user_id = dbq_col_int(q, CH_C_USER_ID);
	if (charge_status_parse(dbq_col_str(q, CH_C_STATUS, NULL),
	    &c->status) == -1)
		log_warn("db: pau charge %lld: unknown status",
		    (long long)c->order_id);
	dbq_col_copy(q, CH_C_CURRENCY, c->currency, sizeof(c->currency));
	c->amount_minor = dbq_col_int(q, CH_C_AMOUNT);
	c->late_fee_minor = dbq_col_int(q, CH_C_LATE_FEE);
	c->paid_minor = dbq_col_int(q, CH_C_PAID);
	dbq_col_copy(q, CH_C_DUE_DATE, c->due_date, sizeof(c->due_date));
	c->attempts = (int)dbq_col_int(q, CH_C_ATTEMPTS);
	dbq_col_copy(q, CH_C_TRIES_DAY, c->tries_day, sizeof(c->tries_day));
	c->tries_on_day = (int)dbq_col_int(q, CH_C_TRIES_ON_DAY);
	c->next_try_at = dbq_col_int(q, CH_C_NEXT_TRY_AT);
	dbq_col_copy(q, CH_C_REASON, c->reason, sizeof(c->reason));
	dbq_col_copy(q, CH_C_REFERENCE, c->reference, sizeof(c->reference));
	dbq_col_copy(q, CH_C_CARD_LAST4, c->card_last4, sizeof(c->card_last4));
	c->suspended_at = dbq_col_int(q, CH_C_SUSPENDED_AT);
	c->created_at = dbq_col_int(q, CH_C_CREATED_AT);
	c->updated_at = dbq_col_int(q, CH_C_UPDATED_AT);
	c->paid_at = dbq_col_int(q, CH_C_PAID_AT);
}

/* See payafter.h. */
int
db_pau_charge_get(struct db *db, int64_t order_id, int lock,
    struct db_pau_charge *out)
{
	struct dbq	*q;
	int		 rc;

	memset(out, 0, sizeof(*out));
	q = pq(db, lock ? STMT_PAU_CHARGE_GET_LOCK : STMT_PAU_CHARGE_GET);
	if (q == NULL)
		return -1;
	dbq_int(q, order_id);
	if ((rc = dbq_exec_fetch(q)) == 1)
		charge_row(q, out);
	dbq_done(q);
	return rc;
}

/* See payafter.h. */
int
db_pau_charge_update(struct db *db, const struct db_pau_charge *c)
{
	struct dbq	*q;
	int		 rc;

	if ((q = pq(db, STMT_PAU_CHARGE_UPDATE)) == NULL)
		return -1;
	dbq_cstr(q, charge_status_name(c->status));
	dbq_int(q, c->late_fee_minor);
	dbq_int(q, c->paid_minor);
	dbq_int(q, c->attempts);
	dbq_cstr_opt(q, c->tries_day);
	dbq_int(q, c->tries_on_day);
	dbq_int(q, c->next_try_at);
	dbq_cstr(q, c->reason);
	dbq_cstr(q, c->reference);
	dbq_cstr_opt(q, c->card_last4);
	int_or_null(q, c->suspended_at);
	dbq_int(q, c->updated_at);
	int_or_null(q, c->paid_at);
	dbq_int(q, c->order_id);
	rc = dbq_exec(q);
	dbq_done(q);
	return rc;
}

/* dbq_list fill for db_pau_charges_by_user(): the current row into *arg, a
 * struct db_pau_charge. */
static void
fill_pau_charges_by_user(struct dbq *q, void *arg)
{
	charge_row(q, arg);
}

/* See payafter.h. */
int
db_pau_charges_by_user(struct db *db, int64_t user_id,
    struct db_pau_charge **out, size_t *n)
{
	return dbq_list_id(pq(db, STMT_PAU_CHARGES_BY_USER), user_id,
	    sizeof(**out), fill_pau_charges_by_user, (void **)out, n);
}

/* See payafter.h. */
int
db_pau_guarantee_add(struct db *db, int64_t order_id, int64_t user_id,
    const char *kind, int64_t amount_minor, const char *currency,
    int64_t amount_usd_minor, const char *note, int64_t now)
{
	struct dbq	*q;

	if ((q = pq(db, STMT_PAU_GUARANTEE_ADD)) == NULL)
		return -1;
	dbq_int(q, order_id);
	dbq_int(q, user_id);
	dbq_cstr(q, kind);
	dbq_int(q, amount_minor);
	dbq_cstr(q, currency);
	dbq_int(q, amount_usd_minor);
	dbq_cstr(q, note);
	dbq_int(q, now);
	return dbq_exec_one(q);
}

/* dbq_list fill for db_pau_guarantee_list(): the current row into *arg, a
 * struct db_pau_guarantee. */
static void
fill_pau_guarantee_list(struct dbq *q, void *arg)
{
	struct db_pau_guarantee	*g = arg;

	g->id = dbq_col_int(q, G_C_ID);
	g->order_id = dbq_col_int(q, G_C_ORDER_ID);
	g->user_id = dbq_col_int(q, G_C_USER_ID);
	dbq_col_copy(q, G_C_KIND, g->kind, sizeof(g->kind));
	g->amount_minor = dbq_col_int(q, G_C_AMOUNT);
	dbq_col_copy(q, G_C_CURRENCY, g->currency, sizeof(g->currency));
	g->amount_usd_minor = dbq_col_int(q, G_C_AMOUNT_USD);
	dbq_col_copy(q, G_C_NOTE, g->note, sizeof(g->note));
	g->created_at = dbq_col_int(q, G_C_CREATED_AT);
	dbq_col_copy(q, G_C_EMAIL, g->email, sizeof(g->email));
}

/* See payafter.h. */
int
db_pau_guarantee_list(struct db *db, size_t limit,
    struct db_pau_guarantee **out, size_t *n)
{
	return dbq_list_id(pq(db, STMT_PAU_GUARANTEE_LIST), (int64_t)limit,
	    sizeof(**out), fill_pau_guarantee_list, (void **)out, n);
}

/* See payafter.h. */
int
db_pau_next_autoconfirm(struct db *db, int64_t cutoff, int64_t after,
    int64_t *id)
{
	struct dbq *q;

	if ((q = pq(db, STMT_PAU_NEXT_AUTOCONFIRM)) == NULL)
		return -1;
	dbq_int(q, after);
	dbq_int(q, cutoff);
	return dbq_one_int(q, id);
}

/* See payafter.h. */
int
db_pau_next_open(struct db *db, int64_t now, int64_t after, int64_t *id)
{
	struct dbq *q;

	if ((q = pq(db, STMT_PAU_NEXT_OPEN)) == NULL)
		return -1;
	dbq_int(q, now);
	dbq_int(q, after);
	return dbq_one_int(q, id);
}

/* See payafter.h. */
int
db_pau_user_suspend(struct db *db, int64_t user_id)
{
	struct dbq	*q;
	int		 rc;

	if ((q = pq(db, STMT_PAU_USER_SUSPEND)) == NULL)
		return -1;
	dbq_int(q, user_id);
	rc = dbq_exec(q);
	dbq_done(q);
	return rc;
}

/* See payafter.h. */
int64_t
db_pau_delivered_at(struct db *db, int64_t id)
{
	struct dbq	*q;
	int64_t		 at = 0;

	if ((q = pq(db, STMT_PAU_DELIVERED_AT)) == NULL)
		return -1;
	dbq_int(q, id);
	if (dbq_one_int(q, &at) == -1)
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
