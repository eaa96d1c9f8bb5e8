/*
 * The admin console's SQL (see admin.h): queue figures, decision claims,
 * the orders browser. Bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/log.h"
#include "db/admin.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/stmt.h"

enum stmt {
	STMT_ORDER_QUEUES,
	STMT_DECISION_CLAIM,
	STMT_DECISION_GET,
	STMT_DECISION_GET_LOCK,
	STMT_ORDER_COUNT,
	STMT_ORDER_COUNT_ALL,
	STMT_ORDER_SEARCH,
	STMT_ORDER_KEY_DESC,
	STMT_ORDER_KEY_ASC,
	STMT_ORDER_GET,
	STMT_ORDER_ITEMS,
	STMT_USER_BY_EMAIL,
	STMT_ORDER_EXPORT,
	STMT__MAX
};

/* The promised date (C-04) of an order's current step, from the columns
 * checkout stores (002): review by, funds expected by, refund by (the
 * order counters of sql/043_order_counts.sql key on the same day). */
#define PROMISED(o) \
	"CASE WHEN " o "status = 'awaiting_review' THEN " o "review_due " \
	"WHEN " o "status IN ('awaiting_remittance', 'awaiting_verification', " \
	"'partially_paid') THEN " o "payment_due " \
	"WHEN " o "status IN ('return_requested', 'returned', 'cancelled') " \
	"THEN " o "refund_due END"

/* One row of STMT_ORDER_QUEUES: a status and method of the queues, the
 * figures of its orders. */
struct oq_row {
	char			 status[33];
	char			 method[33];
	struct db_queue_stats	 st;
};
#define OQ_COLS(C) \
	C(TEXT,	status,		"c.status") \
	C(TEXT,	method,		", c.method") \
	C(INT,	st.count,	", SUM(c.n)") \
	C(INT,	st.overdue,	", SUM(IF(c.due_day BETWEEN 1 AND " \
	    "TO_DAYS(?) - 1, c.n, 0))") \
	C(INT,	st.oldest_at,	", COALESCE((SELECT MIN(o.created_at) " \
	    "FROM orders o WHERE o.status = c.status AND o.method = c.method" \
	    "), 0)")
#define OQ_FIELD(t, m, sql)	DBQ_FIELD(struct oq_row, t, m)
DBQ_ROWS(oq_row, struct oq_row, OQ_COLS, OQ_FIELD);

/* An order as the admin lists it: the columns of struct db_admin_order
 * and those read into it after (amounts with their currency, the
 * promised day). */
struct order_row {
	struct db_admin_order	 o;
	int64_t			 amount_due, fee;
	char			 currency[4];
	char			 promised[CAL_DATE_STRLEN];
};
#define AO_COLS(C) \
	C(INT,	o.id,		"o.id") \
	C(INT,	o.user_id,	", o.user_id") \
	C(TEXT,	o.user_email,	", u.email") \
	C(INT,	o.company_id,	", COALESCE(o.company_id, 0)") \
	C(STATUS, o.status,	", o.status") \
	C(METHOD, o.method,	", o.method") \
	C(INT,	amount_due,	", o.amount_due_minor") \
	C(INT,	fee,		", o.fee_minor") \
	C(TEXT,	currency,	", o.currency") \
	C(TEXT,	o.usd_per_unit,	", o.usd_per_unit") \
	C(TEXT,	o.country,	", o.country") \
	C(TEXT,	o.region_code,	", o.region_code") \
	C(INT,	o.created_at,	", o.created_at") \
	C(INT,	o.updated_at,	", o.updated_at") \
	C(TEXT,	promised,	", COALESCE(" PROMISED("o.") ", '')") \
	C(INT,	o.completed_at,	", COALESCE(o.completed_at, 0)") \
	C(TEXT,	o.company_name,	", COALESCE(c.name, '')")
#define AO_FIELD(t, m, sql)	DBQ_FIELD(struct order_row, t, m)
DBQ_ROWS(order_row, struct order_row, AO_COLS, AO_FIELD);

#define ORDER_COLS ORDER_COLS_OF("SELECT ")
/* ORDER_COLS read orders first, in the index's order. */
#define ORDER_COLS_STRAIGHT ORDER_COLS_OF("SELECT STRAIGHT_JOIN ")
#define ORDER_COLS_OF(sel) \
	sel AO_COLS(DBQ_SQL) " FROM orders o " ORDER_JOIN
#define ORDER_JOIN \
	"JOIN users u ON u.id = o.user_id " \
	"LEFT JOIN companies c ON c.id = o.company_id "

/* Who decided an item, what and when. */
struct decision_row {
	char		 by[255];
	char		 decision[33];
	int64_t		 at;
};
#define DECISION_COLS(C) \
	C(TEXT,	by,		"u.email") \
	C(TEXT,	decision,	", d.decision") \
	C(INT,	at,		", d.decided_at")
#define DECISION_FIELD(t, m, sql)	DBQ_FIELD(struct decision_row, t, m)
DBQ_ROWS(decision_row, struct decision_row, DECISION_COLS, DECISION_FIELD);
#define DECISION_GET \
	"SELECT " DECISION_COLS(DBQ_SQL) " FROM admin_decisions d " \
	"JOIN users u ON u.id = d.admin_id " \
	"WHERE d.subject_type = ? AND d.subject_id = ? AND d.step = ?"

/* A line of an order and its price's figures. */
struct item_row {
	struct db_admin_order_item it;
	int64_t		 price;
	char		 currency[4];
};
#define ITEM_COLS(C) \
	C(TEXT,	it.name,	"name") \
	C(INT,	it.qty,		", qty") \
	C(INT,	price,		", unit_price_minor") \
	C(TEXT,	currency,	", currency")
#define ITEM_FIELD(t, m, sql)	DBQ_FIELD(struct item_row, t, m)
DBQ_ROWS(item_row, struct item_row, ITEM_COLS, ITEM_FIELD);

/* A queue's figures: the SQL is each queue's own (db_queue_stats_read). */
#define QS_COLS(C) \
	C(INT,	count,		"") \
	C(INT,	oldest_at,	"") \
	C(INT,	overdue,	"")
#define QS_FIELD(t, m, sql)	DBQ_FIELD(struct db_queue_stats, t, m)
DBQ_ROWS(qs_row, struct db_queue_stats, QS_COLS, QS_FIELD);

/* Fifteen parameters: status x2, method x3 ('installment_any': every
 * installment method), user id x2, email prefix x2, company name prefix
 * x2 (LIKE patterns, see db_like_prefix), created from x2, until x2. */
#define ORDER_WHERE \
	"WHERE (? = '' OR o.status = ?) AND (? = '' OR o.method = ? " \
	"OR (? = 'installment_any' AND o.method LIKE 'installment%')) " \
	"AND (? = 0 OR o.user_id = ?) AND (? = '' OR u.email LIKE ?) " \
	"AND (? = '' OR c.name LIKE ?) " \
	"AND (? = 0 OR o.created_at >= ?) AND (? = 0 OR o.created_at < ?) "

/* Seven parameters, the sort (enum db_order_sort) each time; the order
 * id last keeps pages stable among equal keys. */
#define ORDER_SORT \
	"ORDER BY CASE WHEN ? = 2 THEN (" PROMISED("o.") ") IS NULL END, " \
	"CASE WHEN ? = 2 THEN " PROMISED("o.") " END, " \
	"CASE WHEN ? = 1 THEN o.created_at END, " \
	"CASE WHEN ? = 3 THEN o.amount_due_minor END DESC, " \
	"CASE WHEN ? = 4 THEN o.amount_due_minor END, " \
	"CASE WHEN ? = 5 THEN o.status END, " \
	"CASE WHEN ? = 1 THEN o.id END, " \
	"o.created_at DESC, o.id DESC "

static const char *const stmts[STMT__MAX] = {
	/* STMT_ORDER_QUEUES: the counters of the queues' statuses by method
	 * (one parameter: today, YYYY-MM-DD; a day promised for today is not
	 * past yet), the oldest order of each by orders_queue: MIN() is one
	 * dive into it, where ORDER BY created_at LIMIT 1 let MariaDB walk
	 * orders_created instead, the whole index for a status and method
	 * with no order left (19,658 rows a view at 20,000 orders) */
	"SELECT " OQ_COLS(DBQ_SQL) " FROM order_counts c "
	"WHERE c.status IN ('awaiting_review', 'awaiting_verification', "
	"'returned') GROUP BY c.status, c.method",
	/* STMT_DECISION_CLAIM */
	"INSERT INTO admin_decisions (subject_type, subject_id, step, "
	"decision, admin_id, decided_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_DECISION_GET */
	DECISION_GET,
	/* STMT_DECISION_GET_LOCK: a locking read sees the row committed by
	 * the winner even where the transaction's snapshot is older */
	DECISION_GET " LOCK IN SHARE MODE",
	/* STMT_ORDER_COUNT: up to a limit (the cap plus one) */
	"SELECT COUNT(*) FROM (SELECT 1 FROM orders o " ORDER_JOIN ORDER_WHERE
	"LIMIT ?) t",
	/* STMT_ORDER_COUNT_ALL: the same without a filter, from an index
	 * alone (no order row, user or company read) */
	"SELECT COUNT(*) FROM (SELECT 1 FROM orders LIMIT ?) t",
	/* STMT_ORDER_SEARCH: sort 0 newest, 1 oldest, 2 promised soonest
	 * (orders without a promised date last) */
	ORDER_COLS ORDER_WHERE ORDER_SORT "LIMIT ? OFFSET ?",
	/* STMT_ORDER_KEY_DESC: newest first from orders_created (or
	 * orders_status_created, 041), after the key (created_at, id) when
	 * the first parameter is 1 */
	ORDER_COLS_STRAIGHT ORDER_WHERE "AND (? = 0 OR o.created_at < ? OR "
	"(o.created_at = ? AND o.id < ?)) "
	"ORDER BY o.created_at DESC, o.id DESC LIMIT ?",
	/* STMT_ORDER_KEY_ASC: oldest first, after the key */
	ORDER_COLS_STRAIGHT ORDER_WHERE "AND (? = 0 OR o.created_at > ? OR "
	"(o.created_at = ? AND o.id > ?)) "
	"ORDER BY o.created_at, o.id LIMIT ?",
	/* STMT_ORDER_GET */
	ORDER_COLS "WHERE o.id = ?",
	/* STMT_ORDER_ITEMS */
	"SELECT " ITEM_COLS(DBQ_SQL) " FROM order_items "
	"WHERE order_id = ? ORDER BY id",
	/* STMT_USER_BY_EMAIL */
	"SELECT id FROM users WHERE email = ?",
	/* STMT_ORDER_EXPORT: enum db_order_export_col */
	"SELECT o.id, o.created_at, u.email, COALESCE(c.name, ''), o.method, "
	"o.status, o.amount_due_minor, o.fee_minor, o.currency, o.country, "
	"COALESCE(o.rf_code, ''), COALESCE(s.tracking, '') FROM orders o "
	ORDER_JOIN "LEFT JOIN shipments s ON s.order_id = o.id "
	ORDER_WHERE ORDER_SORT,
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_ADMIN)

/* The order queue of orders in status paid by method (as the queues'
 * definitions in admin.h): a corporate installment application is
 * counted in its own queue (corp_applications), not here. */
static enum db_order_queue
order_queue_of(const char *status, const char *method)
{
	if (strcmp(status, "returned") == 0)
		return DB_OQ_REFUND_DUE;
	if (strcmp(status, "awaiting_verification") == 0)
		return strcmp(method, "remittance") == 0 ?
		    DB_OQ_REMITTANCE_VERIFY : DB_OQ_NONE;
	if (strcmp(method, "cod") == 0)
		return DB_OQ_COD_REVIEW;
	if (strcmp(method, "installment") == 0 ||
	    strcmp(method, "installment_card") == 0 ||
	    strcmp(method, "installment_partner") == 0)
		return DB_OQ_INSTALLMENT_REVIEW;
	return DB_OQ_NONE;
}

/* See admin.h. */
int
db_admin_order_queues(struct db *db, int64_t now,
    struct db_queue_stats out[DB_OQ__MAX])
{
	struct db_queue_stats	*s;
	struct oq_row		*v = NULL;
	struct dbq		*q;
	mp_date			 today;
	char			 day[CAL_DATE_STRLEN];
	size_t			 n = 0, i;

	memset(out, 0, DB_OQ__MAX * sizeof(*out));
	if (mp_date_from_unix(now, &today) == -1)
		return -1;
	q = get(db, STMT_ORDER_QUEUES);
	if (dbq_rows(dbq_bind(q, DBQ_S(mp_date_str(today, day,
	    sizeof(day)))), &oq_row, (void **)&v, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		s = &out[order_queue_of(v[i].status, v[i].method)];
		if (v[i].st.count <= 0)
			continue;
		if (s->count == 0 || v[i].st.oldest_at < s->oldest_at)
			s->oldest_at = v[i].st.oldest_at;
		s->count += v[i].st.count;
		s->overdue += v[i].st.overdue;
	}
	free(v);
	memset(&out[DB_OQ_NONE], 0, sizeof(out[DB_OQ_NONE]));
	return 0;
}

/* See admin.h. */
int
db_admin_order_queue_stats(struct db *db, enum db_order_queue which,
    int64_t now, struct db_queue_stats *out)
{
	struct db_queue_stats all[DB_OQ__MAX];

	memset(out, 0, sizeof(*out));
	if ((unsigned)which >= DB_OQ__MAX ||
	    db_admin_order_queues(db, now, all) == -1)
		return -1;
	*out = all[which];
	return 0;
}

/* See dbint.h. */
int
db_queue_stats_read(struct dbq *q, struct db_queue_stats *out)
{
	memset(out, 0, sizeof(*out));
	return dbq_one(q, &qs_row, out);
}

/* db_admin_decision_get() with statement idx. */
static int
decision_read(struct db *db, enum stmt idx, const char *subject_type,
    int64_t subject_id, const char *step, char *by, size_t bysz,
    char decision_out[33], int64_t *at)
{
	struct decision_row	r;
	int			rc;

	rc = dbq_one(dbq_bind(get(db, idx), DBQ_S(subject_type),
	    DBQ_I(subject_id), DBQ_S(step)), &decision_row, &r);
	if (rc == 1) {
		snprintf(by, bysz, "%s", r.by);
		memcpy(decision_out, r.decision, sizeof(r.decision));
		*at = r.at;
	}
	return rc;
}

/* See admin.h. */
int
db_admin_decision_get(struct db *db, const char *subject_type,
    int64_t subject_id, const char *step, char *by, size_t bysz,
    char decision_out[33], int64_t *at)
{
	return decision_read(db, STMT_DECISION_GET, subject_type, subject_id,
	    step, by, bysz, decision_out, at);
}

/* See admin.h. A concurrent claim of the same key waits on the first
 * transaction's row lock, then fails with a duplicate key once it commits
 * (or succeeds if it rolled back): exactly one admin wins. */
int
db_admin_decision_claim(struct db *db, const char *subject_type,
    int64_t subject_id, const char *step, const char *decision,
    int64_t admin_id, int64_t now, char *by, size_t bysz,
    char decision_out[33], int64_t *at)
{
	struct dbq	*q;
	unsigned	 err;
	int		 rc;

	q = get(db, STMT_DECISION_CLAIM);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(subject_type), DBQ_I(subject_id), DBQ_S(step),
	    DBQ_S(decision), DBQ_I(admin_id), DBQ_I(now));
	rc = dbq_exec(q);
	err = dbq_errno(q);
	dbq_done(q);
	if (rc == 0)
		return 0;
	if (err != DBQ_ER_DUP_ENTRY)
		return -1;
	/* The duplicate is the winner's committed row: read it with a
	 * locking read (a plain one would read this transaction's snapshot,
	 * which may predate the winner's commit, and find nothing). */
	rc = decision_read(db, STMT_DECISION_GET_LOCK, subject_type,
	    subject_id, step, by, bysz, decision_out, at);
	if (rc == 0)
		log_err("db: admin decision %s %lld %s: duplicate key but no "
		    "row", subject_type, (long long)subject_id, step);
	return rc == 1 ? 1 : -1;
}

/* Bind p twice: "" (no filter) or the LIKE pattern of the prefix p. */
static void
bind_prefix(struct dbq *q, const char *p)
{
	struct buf b;

	buf_init(&b);
	if (p[0] != '\0')
		db_like_prefix(&b, p);
	dbq_bind(q, DBQ_S(buf_str(&b)), DBQ_S(buf_str(&b)));
	buf_cleanup(&b);
}

/* Bind the orders browser filter (see ORDER_WHERE). */
static void
bind_order_filter(struct dbq *q, const struct db_admin_order_filter *f)
{
	dbq_bind(q, DBQ_S(f->status), DBQ_S(f->status), DBQ_S(f->method),
	    DBQ_S(f->method), DBQ_S(f->method), DBQ_I(f->user_id),
	    DBQ_I(f->user_id));
	bind_prefix(q, f->user_email);
	bind_prefix(q, f->company);
	dbq_bind(q, DBQ_I(f->from), DBQ_I(f->from), DBQ_I(f->until),
	    DBQ_I(f->until));
}

/* Bind the sort of f (see ORDER_SORT). */
static void
bind_order_sort(struct dbq *q, const struct db_admin_order_filter *f)
{
	int i;

	for (i = 0; i < 7; i++)
		dbq_int(q, (int64_t)f->sort);
}

/* The end of the promised day "YYYY-MM-DD" (the next midnight UTC) in
 * seconds, 0 for "" or a bad date. */
static int64_t
due_end(const char *day)
{
	mp_date d;

	if (day[0] == '\0' || mp_date_parse(day, strlen(day), &d) == -1)
		return 0;
	return mp_date_to_unix(d) + 86400;
}

/* Read the current ORDER_COLS row of q into o. Returns 0, or -1 when its
 * currency, status or method is unknown (logged). */
static int
read_order(struct dbq *q, struct db_admin_order *o)
{
	struct order_row r;

	memset(&r, 0, sizeof(r));
	if (dbq_read(q, 0, &order_row, &r) == -1)
		return -1;
	if (money_set(&r.o.amount_due, r.amount_due, r.currency) == -1 ||
	    money_set(&r.o.fee, r.fee, r.currency) == -1) {
		log_warn("db: order %lld has an unknown currency",
		    (long long)r.o.id);
		return -1;
	}
	r.o.promised_at = due_end(r.promised);
	*o = r.o;
	return 0;
}

/* See admin.h. */
int
db_admin_order_keyset(const struct db_admin_order_filter *f)
{
	return (f->sort == DB_OS_NEWEST || f->sort == DB_OS_OLDEST) &&
	    f->user_email[0] == '\0' && f->company[0] == '\0';
}

/* How many orders match f, counted up to DB_COUNT_CAP + 1, into *total
 * (with no filter from an index alone: every order row is an order of
 * the list). Returns 0 or -1. */
static int
order_count(struct db *db, const struct db_admin_order_filter *f,
    int64_t *total)
{
	struct dbq *q;

	*total = 0;
	if (f->status[0] == '\0' && f->method[0] == '\0' &&
	    f->user_email[0] == '\0' && f->company[0] == '\0' &&
	    f->user_id == 0 && f->from == 0 && f->until == 0) {
		*total = dbq_count(dbq_bind(get(db, STMT_ORDER_COUNT_ALL),
		    DBQ_I(DB_COUNT_CAP + 1)));
		return *total < 0 ? -1 : 0;
	}
	q = get(db, STMT_ORDER_COUNT);
	if (q == NULL)
		return -1;
	bind_order_filter(q, f);
	dbq_int(q, DB_COUNT_CAP + 1);
	*total = dbq_count(q);
	return *total < 0 ? -1 : 0;
}

/* The page statement of f, bound: a keyset page reads limit + 1 rows in
 * the direction of its key (descending for the newest sort's next pages
 * and the oldest sort's previous ones). */
static struct dbq *
order_page(struct db *db, const struct db_admin_order_filter *f,
    size_t offset, size_t limit)
{
	struct dbq	*q;
	enum stmt	 idx;
	int		 desc;

	if (!db_admin_order_keyset(f)) {
		q = get(db, STMT_ORDER_SEARCH);
		if (q == NULL)
			return NULL;
		bind_order_filter(q, f);
		bind_order_sort(q, f);
		dbq_int(q, (int64_t)limit);
		dbq_int(q, (int64_t)offset);
		return q;
	}
	desc = (f->sort == DB_OS_NEWEST) == (f->key_dir >= 0);
	idx = desc ? STMT_ORDER_KEY_DESC : STMT_ORDER_KEY_ASC;
	if ((q = get(db, idx)) == NULL)
		return NULL;
	bind_order_filter(q, f);
	dbq_int(q, f->key_dir != 0);
	dbq_int(q, f->key_at);
	dbq_int(q, f->key_at);
	dbq_int(q, f->key_id);
	dbq_int(q, (int64_t)limit + 1);
	return q;
}

/* See admin.h. */
int
db_admin_order_search(struct db *db, const struct db_admin_order_filter *f,
    size_t offset, size_t limit, struct db_admin_order **out, size_t *n,
    int64_t *total)
{
	struct db_admin_order	*v = NULL;
	struct dbq		*q;
	size_t			 len = 0, cap = limit + 1;
	int			 rc = 0;

	*out = NULL;
	*n = 0;
	if (order_count(db, f, total) == -1 ||
	    (q = order_page(db, f, offset, limit)) == NULL)
		return -1;
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	v = xcalloc(cap, sizeof(*v));
	while (len < cap && (rc = dbq_fetch(q)) == 1)
		if (read_order(q, &v[len]) == 0)
			len++;
	dbq_done(q);
	if (rc == -1) {
		free(v);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}

/* See admin.h. */
int
db_admin_order_get(struct db *db, int64_t id, struct db_admin_order *out)
{
	struct dbq	*q;
	int		 rc;

	q = get(db, STMT_ORDER_GET);
	if (q == NULL)
		return -1;
	dbq_int(q, id);
	rc = dbq_exec_fetch(q);
	if (rc == 1 && read_order(q, out) == -1)
		rc = -1;
	dbq_done(q);
	return rc;
}

/* dbq_list_keep fill for db_admin_order_items(): the current row into
 * *arg, a struct db_admin_order_item; -1 (left out) for an unknown
 * currency. */
static int
fill_order_item(struct dbq *q, void *arg)
{
	struct db_admin_order_item	*it = arg;
	struct item_row			 r;

	memset(&r, 0, sizeof(r));
	(void)dbq_read(q, 0, &item_row, &r);
	*it = r.it;
	return money_set(&it->unit_price, r.price, r.currency);
}

/* See admin.h. */
int
db_admin_order_items(struct db *db, int64_t id,
    struct db_admin_order_item **out, size_t *n)
{
	return dbq_list_keep(dbq_bind(get(db, STMT_ORDER_ITEMS), DBQ_I(id)),
	    sizeof(**out), fill_order_item, NULL, (void **)out, n);
}

/* See admin.h. */
int64_t
db_admin_user_id(struct db *db, const char *email)
{
	int64_t id = 0;

	if (dbq_one_int(dbq_bind(get(db, STMT_USER_BY_EMAIL), DBQ_S(email)),
	    &id) == -1)
		return -1;
	return id;
}

/* See admin.h. */
int
db_admin_order_export(struct db *db, const struct db_admin_order_filter *f,
    int (*fn)(void *arg, const char *const *cols, size_t ncols), void *arg)
{
	struct dbq *q;

	q = get(db, STMT_ORDER_EXPORT);
	if (q != NULL) {
		bind_order_filter(q, f);
		bind_order_sort(q, f);
	}
	return dbq_stream_rows(q, fn, arg);
}
