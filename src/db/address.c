/*
 * addresses and the address frozen on an order (see address.h). SQL only, bound
 * parameters only (DESIGN.md). The owner is matched with the null-safe
 * "<=>" so that (user_id, NULL) and (NULL, company_id) name one book each.
 */
#include <stdlib.h>
#include <string.h>

#include "db/address.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/stmt.h"

enum stmt {
	STMT_ADDR_LIST,
	STMT_ADDR_GET,
	STMT_ADDR_LOCK,
	STMT_ADDR_INSERT,
	STMT_ADDR_UPDATE,
	STMT_ADDR_DELETE,
	STMT_ADDR_DEFAULT,
	STMT_ADDR_DEFAULT_FIRST,
	STMT_ORDER_ADDR_GET,
	STMT__MAX
};

#define ADDR_COLS	DB_ADDRESS_LIST(DBQ_SQL, "")
#define OWNER	"user_id <=> ? AND company_id <=> ?"
#define ADDR_FIELD(t, m, sql)	DBQ_FIELD(struct db_address, t, m)
#define BOOK_LIST(C)		DB_ADDRESS_LIST(C, "")
#define ORDER_COPY_LIST(C)	DB_ORDER_ADDRESS_LIST(C, "o")
DBQ_ROWS(book_row, struct db_address, BOOK_LIST, ADDR_FIELD);
DBQ_ROWS(order_copy_row, struct db_address, ORDER_COPY_LIST, ADDR_FIELD);

static const char *const stmts[STMT__MAX] = {
	/* STMT_ADDR_LIST */
	"SELECT " ADDR_COLS " FROM addresses WHERE " OWNER
	" ORDER BY is_default DESC, id",
	/* STMT_ADDR_GET */
	"SELECT " ADDR_COLS " FROM addresses WHERE " OWNER " AND id = ?",
	/* STMT_ADDR_LOCK */
	"SELECT COUNT(*) FROM (SELECT id FROM addresses WHERE " OWNER
	" FOR UPDATE) AS locked",
	/* STMT_ADDR_INSERT */
	"INSERT INTO addresses (user_id, company_id, recipient, line1, line2, "
	"city, region, postal_code, country, phone, is_default, created_at, "
	"updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_ADDR_UPDATE */
	"UPDATE addresses SET recipient = ?, line1 = ?, line2 = ?, city = ?, "
	"region = ?, postal_code = ?, country = ?, phone = ?, updated_at = ? "
	"WHERE " OWNER " AND id = ?",
	/* STMT_ADDR_DELETE */
	"DELETE FROM addresses WHERE " OWNER " AND id = ?",
	/* STMT_ADDR_DEFAULT */
	"UPDATE addresses SET is_default = (id = ?), updated_at = ? WHERE "
	OWNER,
	/* STMT_ADDR_DEFAULT_FIRST */
	"UPDATE addresses SET is_default = 1, updated_at = ? WHERE " OWNER
	" ORDER BY id LIMIT 1",
	/* STMT_ORDER_ADDR_GET */
	"SELECT " DB_ORDER_ADDRESS_COLS("o") "FROM orders o "
	"WHERE o.id = ? AND o.ship_recipient IS NOT NULL",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_ADDRESS)

/* Bind the owner (two parameters). */
static void
bind_owner(struct dbq *q, const struct db_addr_owner *o)
{
	dbq_bind(q, DBQ_IDO(o->user_id), DBQ_IDO(o->company_id));
}

/* See dbint.h. */
void
db_address_bind(struct dbq *q, const struct db_address *a)
{
	dbq_bind(q, DBQ_S(a->recipient), DBQ_S(a->line1), DBQ_S(a->line2),
	    DBQ_S(a->city), DBQ_S(a->region), DBQ_S(a->postal_code),
	    DBQ_S(a->country), DBQ_S(a->phone));
}

/* See dbint.h: the ADDR_COLS (DB_ADDRESS_COLS) from column c. */
void
db_address_at(struct dbq *q, int c, struct db_address *a)
{
	(void)dbq_read(q, c, &book_row, a);
}

/* See dbint.h: the DB_ORDER_ADDRESS_COLS from column c. */
void
db_order_address_at(struct dbq *q, int c, struct db_address *a)
{
	(void)dbq_read(q, c, &order_copy_row, a);
}

/* dbq_one_fn fill: the address frozen on an order, from column 0. */
static int
order_addr_fill(struct dbq *q, void *out)
{
	db_order_address_at(q, 0, out);
	return 0;
}

/* Copy the current ADDR_COLS row into the zeroed element p. */
static void
addr_row(struct dbq *q, void *p)
{
	db_address_at(q, 0, p);
}

/* See address.h. */
int
db_address_list(struct db *db, const struct db_addr_owner *o,
    struct db_address **out, size_t *n)
{
	struct dbq *q = get(db, STMT_ADDR_LIST);

	if (q != NULL)
		bind_owner(q, o);
	return dbq_list(q, sizeof(**out), addr_row, (void **)out, n);
}

/* See address.h. */
int
db_address_get(struct db *db, const struct db_addr_owner *o, int64_t id,
    struct db_address *out)
{
	struct dbq	*q = get(db, STMT_ADDR_GET);
	int		 rc;

	memset(out, 0, sizeof(*out));
	if (q == NULL)
		return -1;
	bind_owner(q, o);
	dbq_int(q, id);
	if ((rc = dbq_exec_fetch(q)) == 1)
		addr_row(q, out);
	dbq_done(q);
	return rc;
}

/* See address.h. */
int
db_address_lock(struct db *db, const struct db_addr_owner *o, int64_t *n)
{
	struct dbq *q = get(db, STMT_ADDR_LOCK);

	*n = 0;
	if (q == NULL)
		return -1;
	bind_owner(q, o);
	return dbq_one_int(q, n) == -1 ? -1 : 0;
}

/* See address.h. */
int64_t
db_address_insert(struct db *db, const struct db_addr_owner *o,
    const struct db_address *a, int64_t now)
{
	struct dbq	*q = get(db, STMT_ADDR_INSERT);
	int64_t		 id;

	if (q == NULL)
		return -1;
	bind_owner(q, o);
	db_address_bind(q, a);
	dbq_bind(q, DBQ_I(a->is_default ? 1 : 0), DBQ_I(now), DBQ_I(now));
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	id = dbq_insert_id(q);
	dbq_done(q);
	return id;
}

/* See address.h. */
int
db_address_update(struct db *db, const struct db_addr_owner *o,
    const struct db_address *a, int64_t now)
{
	struct dbq *q = get(db, STMT_ADDR_UPDATE);

	if (q == NULL)
		return -1;
	db_address_bind(q, a);
	dbq_int(q, now);
	bind_owner(q, o);
	dbq_int(q, a->id);
	return dbq_exec_one(q);
}

/* See address.h. */
int
db_address_delete(struct db *db, const struct db_addr_owner *o, int64_t id)
{
	struct dbq *q = get(db, STMT_ADDR_DELETE);

	if (q == NULL)
		return -1;
	bind_owner(q, o);
	dbq_int(q, id);
	return dbq_exec_one(q);
}

/* See address.h. */
int
db_address_set_default(struct db *db, const struct db_addr_owner *o,
    int64_t id, int64_t now)
{
	struct dbq *q;

	if (id > 0) {
		if ((q = get(db, STMT_ADDR_DEFAULT)) == NULL)
			return -1;
		dbq_int(q, id);
	} else if ((q = get(db, STMT_ADDR_DEFAULT_FIRST)) == NULL)
		return -1;
	dbq_int(q, now);
	bind_owner(q, o);
	return dbq_exec_done(q, NULL);
}

/* See address.h. */
int
db_order_address_get(struct db *db, int64_t order_id, struct db_address *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one_fn(dbq_bind(get(db, STMT_ORDER_ADDR_GET),
	    DBQ_I(order_id)), order_addr_fill, out);
}
