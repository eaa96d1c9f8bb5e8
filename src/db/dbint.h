#ifndef MALLPAY_DB_DBINT_H
#define MALLPAY_DB_DBINT_H

/*
 * Private to src/db/: the inside of struct db, shared by conn.c (the
 * connection), stmt.c (the prepared-statement cache) and migrate.c.
 * Nothing outside src/db/ includes this file or mysql.h.
 */

#include <mysql.h>

#include "core/config.h"
#include "db/stmt.h"

struct dbq;
struct refcache;

/* The cached statements of one db/<table>.c file, indexed by its enum stmt. */
struct dbq_table {
	struct dbq	**q;
	size_t		  n;
};

struct db {
	MYSQL			*my;
	struct config		 cfg;		/* copy: reconnect needs it */
	int			 in_tx;
	int			 broken;	/* a call saw 2006/2013 */
	int			 retry;		/* a call saw 1213/1047/2006/2013 */
	unsigned int		 fault_commit;	/* db_fault_commit_once() */
	unsigned int		 fault_rollback; /* db_fault_rollback_once() */
	struct dbq_table	 tables[DB_T__MAX];
	char			 err[512];
	int64_t			 checked_us;	/* last ping or request start */
	uint64_t		 ref_seen;	/* refdata version this request, 0: unknown */
	struct refcache		*ref;		/* refcache.c, NULL until used */
};

/* Free the reference-data cache of refcache.c; takes NULL. */
void	refcache_free(struct refcache *);

/* Record the connection's last error as db_error()'s message and remember a
 * lost connection (2006/2013) so that db_ensure() reconnects, and an error
 * that running the use case again may cure (db_retryable). */
void	db_set_error(struct db *, unsigned int errnum, const char *msg);

/* Close and free every cached statement of db (their MYSQL_STMT handles are
 * invalid after a reconnect). Takes a db with nothing cached. */
void	dbq_cache_clear(struct db *);

/* Run one SQL text without parameters (used by migrate.c for DDL of the
 * numbered migrations and sql/demo scripts only, never with user data).
 * Any result set is read and dropped. Returns 0 or -1 (db_error). */
int	db_exec_raw(struct db *, const char *sql, size_t len);

/* The LIKE pattern "%text%" of "contains text" into out (outsz bytes,
 * 2 * strlen(text) + 3 hold all of it): LIKE's own characters and its
 * escape character escaped. */
void	db_like_contains(const char *text, char *out, size_t outsz);

struct db_queue_stats;
struct db_event_row;
struct db_plan_pay;
struct db_address;
struct db_shipment;
struct db_track;

struct db_plan;
struct db_plan_inst;

/* The columns of a plan of plans p with its owner (users u) and its
 * institution (institutions i), joined by DB_PLAN_JOIN, each with its SQL
 * and the field of struct db_plan it fills: DB_PLAN_N of them, read by
 * db_plan_at() (plan.c; the status and fee mode by their names). */
#define DB_PLAN_COLS(C) \
	C(INT,	id,			"p.id") \
	C(INT,	order_id,		", p.order_id") \
	C(INT,	user_id,		", p.user_id") \
	C(INT,	company_id,		", COALESCE(p.company_id, 0)") \
	C(METHOD, method,		", p.method") \
	C(TEXT,	institution_id,		", p.institution_id") \
	C(TEXT,	institution_name,	", COALESCE(i.name, '')") \
	C(SKIP,	status,			", p.status") \
	C(TEXT,	currency,		", p.currency") \
	C(INT,	principal,		", p.principal_minor") \
	C(INT,	n,			", p.n") \
	C(TEXT,	monthly_rate,		", p.monthly_rate") \
	C(SKIP,	fee_mode,		", p.fee_mode") \
	C(INT,	waives_future_fees,	", p.waives_future_fees") \
	C(TEXT,	late_fee_rate,		", p.late_fee_rate") \
	C(INT,	down_payment_percent,	", p.down_payment_percent") \
	C(INT,	apr_bp,			", p.apr_bp") \
	C(INT,	monthly_fee,		", p.monthly_fee_minor") \
	C(INT,	total_fee,		", p.total_fee_minor") \
	C(DATE,	start,			", p.start_date") \
	C(TEXT,	card_brand,		", COALESCE(p.card_brand, '')") \
	C(TEXT,	card_last4,		", COALESCE(p.card_last4, '')") \
	C(INT,	has_token,		", p.card_token_enc IS NOT NULL") \
	C(TEXT,	partner_ref,		", COALESCE(p.partner_ref, '')") \
	C(TEXT,	decline_reason,		", p.decline_reason") \
	C(INT,	has_refund,		", p.refund_minor IS NOT NULL") \
	C(INT,	refund,			", COALESCE(p.refund_minor, 0)") \
	C(DATE,	refund_due,		", COALESCE(p.refund_due, '')") \
	C(INT,	created_at,		", p.created_at") \
	C(INT,	updated_at,		", p.updated_at") \
	C(INT,	closed_at,		", COALESCE(p.closed_at, 0)") \
	C(INT,	user_suspended,		", u.installment_suspended") \
	C(TEXT,	user_email,		", u.email") \
	C(TEXT,	user_language,		", COALESCE(u.language, '')")
#define DB_PLAN_N	(0 DB_PLAN_COLS(DBQ_COUNT))
#define DB_PLAN_JOIN \
	"JOIN users u ON u.id = p.user_id " \
	"LEFT JOIN institutions i ON i.id = p.institution_id "

/* Read the DB_PLAN_COLS of the current row of q, from column c, into *p
 * (zeroed first): 0, or -1 (logged) when the stored method is none of
 * pay_method's. */
int	db_plan_at(struct dbq *, int c, struct db_plan *p);

/* The columns of one installment of plan_installments t, each with its
 * SQL and the field of struct db_plan_inst it fills: DB_PLAN_INST_N of
 * them, read by db_plan_inst_at() (plan.c; the status by its name). */
#define DB_PLAN_INST_COLS(C, t) \
	C(INT,	seq,		t ".seq") \
	C(DATE,	due,		", " t ".due_date") \
	C(INT,	principal,	", " t ".principal_minor") \
	C(INT,	fee,		", " t ".fee_minor") \
	C(INT,	late_fee,	", " t ".late_fee_minor") \
	C(SKIP,	status,		", " t ".status") \
	C(INT,	paid_minor,	", " t ".paid_minor") \
	C(INT,	paid_at,	", COALESCE(" t ".paid_at, 0)") \
	C(INT,	reminded,	", " t ".reminded_at IS NOT NULL")
#define DB_PLAN_INST_N	(0 DB_PLAN_INST_COLS(DBQ_COUNT, ""))

/* Read the DB_PLAN_INST_COLS of the current row of q, from column c, into
 * *r. */
void	db_plan_inst_at(struct dbq *, int c, struct db_plan_inst *r);
/* Sort n installments by their number (a view statement reads them in the
 * plan's key order; this makes that order certain). */
void	db_plan_inst_sort(struct db_plan_inst *, size_t n);

/* The columns of an order's shipment (shipments s), each with its SQL and
 * the field of struct db_shipment it fills: DB_SHIP_N of them, read by
 * db_ship_at() (cod.c). */
#define DB_SHIP_COLS(C) \
	C(TEXT,	carrier,	"s.carrier") \
	C(TEXT,	tracking,	", s.tracking") \
	C(INT,	shipped_at,	", s.shipped_at") \
	C(INT,	delivered_at,	", s.delivered_at") \
	C(TEXT,	courier_name,	", COALESCE(s.courier_name, '')") \
	C(TEXT,	courier_phone,	", COALESCE(s.courier_phone, '')")
#define DB_SHIP_N	(0 DB_SHIP_COLS(DBQ_COUNT))
void	db_ship_at(struct dbq *, int c, struct db_shipment *out);

/* The columns of a tracking event (tracking_events t), each with its SQL
 * and the field of struct db_track it fills: DB_TRACK_N of them, read by
 * db_track_at() (cod.c). */
#define DB_TRACK_COLS(C) \
	C(TEXT,	kind,	"t.kind") \
	C(TEXT,	detail,	", t.detail") \
	C(TEXT,	source,	", t.source") \
	C(INT,	at,	", t.at")
#define DB_TRACK_N	(0 DB_TRACK_COLS(DBQ_COUNT))
void	db_track_at(struct dbq *, int c, struct db_track *t);

/* The eight text columns of an address, recipient to phone: each the
 * field m of struct db_address, with the SQL of its column, m's name after
 * the prefix p. */
#define DB_ADDRESS_TEXT(C, p, m)	C(TEXT, m, ", " p #m)
#define DB_ADDRESS_TEXT_COLS(C, p) \
	DB_ADDRESS_TEXT(C, p, recipient) DB_ADDRESS_TEXT(C, p, line1) \
	DB_ADDRESS_TEXT(C, p, line2) DB_ADDRESS_TEXT(C, p, city) \
	DB_ADDRESS_TEXT(C, p, region) DB_ADDRESS_TEXT(C, p, postal_code) \
	DB_ADDRESS_TEXT(C, p, country) DB_ADDRESS_TEXT(C, p, phone)

/* The columns of one address of a book, each column's name after the
 * prefix p ("a." for the book a, "" for the table addresses alone), with
 * the field of struct db_address it fills: DB_ADDRESS_N of them, read by
 * db_address_at() (address.c); DB_ADDRESS_COLS, those of the book a; and
 * the FROM and WHERE of the book of the user bound (the company's for a
 * member, else the shopper's own, as service/address.c address_owner()
 * names it). */
#define DB_ADDRESS_LIST(C, p) \
	C(INT,	id,		p "id") \
	DB_ADDRESS_TEXT_COLS(C, p) \
	C(INT,	is_default,	", " p "is_default")
#define DB_ADDRESS_COLS	DB_ADDRESS_LIST(DBQ_SQL, "a.") " "
#define DB_ADDRESS_N	(0 DB_ADDRESS_LIST(DBQ_COUNT, ""))
#define DB_ADDRESS_BOOK_OF_USER \
	"FROM users u JOIN addresses a " \
	"ON a.user_id <=> IF(u.company_id > 0, NULL, u.id) " \
	"AND a.company_id <=> IF(u.company_id > 0, u.company_id, NULL) " \
	"WHERE u.id = ? "

/* Read the DB_ADDRESS_COLS of the current row of q, from column c, into
 * *a (zeroed by the caller). */
void	db_address_at(struct dbq *, int c, struct db_address *a);

/* Bind the eight text fields of a, recipient to phone, as the next
 * parameters of q (address.c). */
void	db_address_bind(struct dbq *, const struct db_address *a);

/* The columns of the address frozen on an order, of orders t, with the
 * field of struct db_address each fills: DB_ADDRESS_N of a book's (its
 * book row's id, is_default 0) and its delivery days, read by
 * db_order_address_at() (address.c); the recipient (column 1) is NULL
 * when the order has none. */
#define DB_ORDER_ADDRESS_LIST(C, t) \
	C(INT,	id,		t ".ship_address_id") \
	DB_ADDRESS_TEXT_COLS(C, t ".ship_") \
	C(INT,	is_default,	", 0") \
	C(INT,	delivery_days,	", " t ".ship_delivery_days")
#define DB_ORDER_ADDRESS_COLS(t)	DB_ORDER_ADDRESS_LIST(DBQ_SQL, t) " "
#define DB_ORDER_ADDRESS_N	(0 DB_ORDER_ADDRESS_LIST(DBQ_COUNT, ""))
_Static_assert(DB_ORDER_ADDRESS_N == DB_ADDRESS_N + 1,
    "an order's address is a book's and its delivery days");
void	db_order_address_at(struct dbq *, int c, struct db_address *a);

/* The columns of one event (events e, its actor users u joined on
 * e.actor_id), each with its SQL and the field of struct db_event_row it
 * fills: DB_EVENT_ROW_N of them, read by db_event_row_at() (event.c; the
 * detail, allocated, by its name). */
#define DB_EVENT_ROW_COLS(C) \
	C(INT,	id,		"e.id") \
	C(TEXT,	subject_type,	", e.subject_type") \
	C(INT,	subject_id,	", e.subject_id") \
	C(TEXT,	actor_type,	", e.actor_type") \
	C(INT,	actor_id,	", COALESCE(e.actor_id, 0)") \
	C(TEXT,	actor_email,	", COALESCE(u.email, '')") \
	C(INT,	at,		", e.at") \
	C(TEXT,	from_state,	", COALESCE(e.from_state, '')") \
	C(TEXT,	to_state,	", COALESCE(e.to_state, '')") \
	C(TEXT,	reason,		", e.reason") \
	C(SKIP,	detail,		", COALESCE(e.detail, '')")
#define DB_EVENT_ROW_N	(0 DB_EVENT_ROW_COLS(DBQ_COUNT))

/* Read the DB_EVENT_ROW_COLS of the current row of q, from column c, into
 * *r (zeroed by the caller); r->detail is allocated (free it). */
void	db_event_row_at(struct dbq *, int c, struct db_event_row *r);

/* The columns of one plan payment of table (or alias) t, each with its SQL
 * and the field of struct db_plan_pay it fills: DB_PLAN_PAY_N of them,
 * read by db_plan_pay_at() (plan_inst.c). */
#define DB_PLAN_PAY_COLS(C, t) \
	C(INT,	id,		t ".id") \
	C(TEXT,	kind,		", " t ".kind") \
	C(INT,	seq,		", COALESCE(" t ".seq, 0)") \
	C(INT,	amount,		", " t ".amount_minor") \
	C(INT,	ok,		", " t ".ok") \
	C(TEXT,	channel,	", " t ".channel") \
	C(TEXT,	reference,	", " t ".reference") \
	C(TEXT,	reason,		", " t ".reason") \
	C(INT,	created_at,	", " t ".created_at")
#define DB_PLAN_PAY_N	(0 DB_PLAN_PAY_COLS(DBQ_COUNT, ""))

/* Read the DB_PLAN_PAY_COLS of the current row of q, from column c, into
 * *r. */
void	db_plan_pay_at(struct dbq *, int c, struct db_plan_pay *r);

/* Execute q (bound; its first row is a queue's count, oldest created_at
 * and count past its promised day) and read that row into *out, zeroed
 * first: 1 a row, 0 none, -1 error (q NULL included). Always calls
 * dbq_done(q). In admin.c, where struct db_queue_stats lives; used by
 * every db file with a review queue. */
int	db_queue_stats_read(struct dbq *, struct db_queue_stats *out);

/* The columns of a product p with its category c (struct seed_product,
 * db/seed.h), each with its SQL: seed.c and benchdata.c read them. */
#define DB_SEED_PRODUCT_COLS(C) \
	C(INT,	id,			"p.id") \
	C(TEXT,	name,			", p.name") \
	C(INT,	price_minor,		", p.price_minor") \
	C(TEXT,	currency,		", p.currency") \
	C(INT,	durable,		", c.durable") \
	C(INT,	high_value,		", p.high_value") \
	C(INT,	pre_order,		", p.pre_order") \
	C(INT,	customized,		", p.customized") \
	C(INT,	special_customs,	", p.special_customs") \
	C(INT,	pay_after_use,		", p.pay_after_use")

#endif
