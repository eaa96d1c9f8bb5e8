/*
 * Statements of the demo data and of create-admin (see seed.h).
 */
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/dbint.h"
#include "db/seed.h"
#include "db/stmt.h"

/* A product (struct seed_product) read by DB_SEED_PRODUCT_COLS. */
#define PRODUCT_FIELD(t, m, sql)	DBQ_FIELD(struct seed_product, t, m)
DBQ_ROWS(product_row, struct seed_product, DB_SEED_PRODUCT_COLS,
    PRODUCT_FIELD);

enum stmt {
	STMT_SEED_USER_ID,
	STMT_SEED_USER_INSERT,
	STMT_SEED_COMPANY_ID,
	STMT_SEED_COMPANY_INSERT,
	STMT_SEED_PRODUCT,
	STMT_SEED_ORDER_ID,
	STMT_SEED_ORDER_INSERT,
	STMT_SEED_ITEM_INSERT,
	STMT_SEED_EVENT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_SEED_USER_ID */
	"SELECT id FROM users WHERE email = ?",
	/* STMT_SEED_USER_INSERT */
	"INSERT INTO users (kind, company_id, email, name, password_hash, "
	"phone, cod_completed_orders, credit_limit_usd_minor, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_SEED_COMPANY_ID */
	"SELECT id FROM companies WHERE name = ?",
	/* STMT_SEED_COMPANY_INSERT */
	"INSERT INTO companies (name, country, qualification_status, "
	"qualification_expires, long_term_agreement, "
	"cod_agreement_limit_usd_minor, remittance_quota_usd_minor, "
	"created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_SEED_PRODUCT */
	"SELECT " DB_SEED_PRODUCT_COLS(DBQ_SQL) " FROM products p "
	"JOIN categories c ON c.id = p.category_id WHERE p.sku = ?",
	/* STMT_SEED_ORDER_ID */
	"SELECT id FROM orders WHERE user_id = ? AND idempotency_key = ?",
	/* STMT_SEED_ORDER_INSERT */
	"INSERT INTO orders (user_id, company_id, status, method, currency, "
	"usd_per_unit, items_total_minor, amount_due_minor, fee_minor, "
	"country, region_code, idempotency_key, created_at, updated_at, "
	"completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_SEED_ITEM_INSERT */
	"INSERT INTO order_items (order_id, product_id, name, qty, "
	"unit_price_minor, currency, durable, high_value, pre_order, "
	"customized, special_customs, pay_after_use) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_SEED_EVENT */
	"INSERT INTO events (subject_type, subject_id, actor_type, actor_id, "
	"at, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_SEED)

/* Bind v, or SQL NULL when v is not above floor. */
static void
bind_opt(struct dbq *q, int64_t v, int64_t floor)
{
	if (v > floor)
		dbq_int(q, v);
	else
		dbq_null(q);
}

/* Run stmts[idx] with one bound string (and a leading integer when
 * with_int) and return the first column of its first row: > 0, 0 if no
 * row, -1 on error. */
static int64_t
lookup_id(struct db *db, int idx, int with_int, int64_t i, const char *s)
{
	struct dbq *q;
	int64_t id = 0;

	if ((q = get(db, idx)) == NULL)
		return -1;
	if (with_int)
		dbq_int(q, i);
	dbq_cstr(q, s);
	return dbq_one_int(q, &id) == -1 ? -1 : id;
}

/* See seed.h. */
int64_t
db_seed_user_id(struct db *db, const char *email)
{
	return lookup_id(db, STMT_SEED_USER_ID, 0, 0, email);
}

/* See seed.h. */
int64_t
db_seed_user_insert(struct db *db, const struct seed_user *u,
    const char *pwhash, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_SEED_USER_INSERT)) == NULL)
		return -1;
	dbq_cstr(q, u->kind);
	bind_opt(q, u->company_id, 0);
	dbq_bind(q, DBQ_S(u->email), DBQ_S(u->name), DBQ_S(pwhash),
	    DBQ_S(u->phone), DBQ_I(u->cod_completed_orders),
	    DBQ_I(u->credit_limit_usd_minor), DBQ_I(now));
	return dbq_exec_insert(q);
}

/* See seed.h. */
int64_t
db_seed_company_id(struct db *db, const char *name)
{
	return lookup_id(db, STMT_SEED_COMPANY_ID, 0, 0, name);
}

/* See seed.h. */
int64_t
db_seed_company_insert(struct db *db, const struct seed_company *c,
    int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_SEED_COMPANY_INSERT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(c->name), DBQ_S(c->country),
	    DBQ_S(c->qualification_status), DBQ_S(c->qualification_expires),
	    DBQ_I(c->long_term_agreement));
	bind_opt(q, c->cod_limit_usd_minor, -1);
	bind_opt(q, c->remittance_quota_usd_minor, -1);
	dbq_int(q, now);
	return dbq_exec_insert(q);
}

/* See seed.h. */
int
db_seed_product(struct db *db, const char *sku, struct seed_product *out)
{
	struct dbq *q;
	int rc;

	if ((q = get(db, STMT_SEED_PRODUCT)) == NULL)
		return -1;
	rc = dbq_one(dbq_bind(q, DBQ_S(sku)), &product_row, out);
	return rc == 1 ? 0 : 1;
}

/* See seed.h. */
int64_t
db_seed_order_id(struct db *db, int64_t user_id, const char *key)
{
	return lookup_id(db, STMT_SEED_ORDER_ID, 1, user_id, key);
}

/* See seed.h. */
int64_t
db_seed_order_insert(struct db *db, const struct seed_order *o)
{
	struct dbq *q;
	int64_t id;

	if ((q = get(db, STMT_SEED_ORDER_INSERT)) == NULL)
		return -1;
	dbq_int(q, o->user_id);
	bind_opt(q, o->company_id, 0);
	dbq_bind(q, DBQ_S(o->status), DBQ_S(o->method), DBQ_S(o->currency),
	    DBQ_S(o->usd_per_unit), DBQ_I(o->items_total_minor),
	    DBQ_I(o->amount_due_minor), DBQ_I(o->fee_minor), DBQ_S(o->country),
	    DBQ_S(o->region_code), DBQ_S(o->idempotency_key),
	    DBQ_I(o->created_at), DBQ_I(o->updated_at));
	bind_opt(q, o->completed_at, 0);
	id = dbq_exec_insert(q);
	return id == 0 ? -1 : id;
}

/* See seed.h. */
int
db_seed_item_insert(struct db *db, int64_t order_id,
    const struct seed_product *p, int qty)
{
	return dbq_exec_insert(dbq_bind(get(db, STMT_SEED_ITEM_INSERT),
	    DBQ_I(order_id), DBQ_I(p->id), DBQ_S(p->name), DBQ_I(qty),
	    DBQ_I(p->price_minor), DBQ_S(p->currency), DBQ_I(p->durable),
	    DBQ_I(p->high_value), DBQ_I(p->pre_order), DBQ_I(p->customized),
	    DBQ_I(p->special_customs), DBQ_I(p->pay_after_use))) > 0 ? 0 : -1;
}

/* See seed.h. */
int
db_seed_event(struct db *db, const struct seed_event *e)
{
	struct dbq *q;

	if ((q = get(db, STMT_SEED_EVENT)) == NULL)
		return -1;
	dbq_bind(q, DBQ_S(e->subject_type), DBQ_I(e->subject_id),
	    DBQ_S(e->actor_type));
	bind_opt(q, e->actor_id, 0);
	dbq_bind(q, DBQ_I(e->at), DBQ_S(e->from_state), DBQ_S(e->to_state),
	    DBQ_S(e->reason != NULL ? e->reason : ""));
	return dbq_exec_insert(q) > 0 ? 0 : -1;
}
