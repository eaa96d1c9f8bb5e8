#ifndef MALLPAY_DB_ADMIN_H
#define MALLPAY_DB_ADMIN_H

/*
 * The admin console's SQL: queue figures, decision claims, the
 * orders browser. Settings are in db/admin_settings.h.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"
#include "core/order_status.h"
#include "core/pay_method.h"

struct db;

/* A queue's figures for the dashboard. */
struct db_queue_stats {
	int64_t		 count;		/* items waiting */
	int64_t		 oldest_at;	/* created_at of the oldest, 0 when none */
	int64_t		 overdue;	/* items whose promised day is over (C-04) */
};

/* The order queues computable from the orders table alone. */
enum db_order_queue {
	DB_OQ_NONE,			/* not an order queue */
	DB_OQ_COD_REVIEW,		/* method cod, awaiting_review (COD-P1) */
	DB_OQ_INSTALLMENT_REVIEW,	/* installment methods, awaiting_review (INST-P1) */
	DB_OQ_REMITTANCE_VERIFY,	/* remittance, awaiting_verification (REM-P5) */
	DB_OQ_REFUND_DUE,		/* returned, refund not yet paid (INST-C2, COD-P7) */
	DB_OQ__MAX
};

/* Figures of order queue which at now into *out (as
 * db_admin_order_queues). Returns 0 or -1. */
int	db_admin_order_queue_stats(struct db *, enum db_order_queue which,
	    int64_t now, struct db_queue_stats *out);

/* Figures of every order queue at now into out[] (by enum
 * db_order_queue; out[DB_OQ_NONE] zero), in one statement over the order
 * counters (sql/043_order_counts.sql): the count, the items whose
 * promised day is before now's (UTC), and the oldest by an index. The
 * rows read are the queues' promised days, whatever the number of
 * orders. Returns 0 or -1. */
int	db_admin_order_queues(struct db *, int64_t now,
	    struct db_queue_stats out[DB_OQ__MAX]);

/* Claim the decision of (subject_type, subject_id) in step for admin_id at
 * now with a unique-key INSERT (table admin_decisions), inside the caller's
 * transaction. Returns 0 when claimed; 1 when someone decided it already,
 * with their email, decision and time in by (bysz bytes), *decision_out
 * (33 bytes) and *at; -1 on a database error. */
int	db_admin_decision_claim(struct db *, const char *subject_type,
	    int64_t subject_id, const char *step, const char *decision,
	    int64_t admin_id, int64_t now, char *by, size_t bysz,
	    char decision_out[33], int64_t *at);

/* Who decided (subject_type, subject_id) in step: 1 with by/decision/at
 * filled, 0 when undecided, -1 on error. */
int	db_admin_decision_get(struct db *, const char *subject_type,
	    int64_t subject_id, const char *step, char *by, size_t bysz,
	    char decision_out[33], int64_t *at);

/* Orders browser sorts; every one ends on the order id, so that equal
 * keys keep their places from page to page. */
enum db_order_sort {
	DB_OS_NEWEST,		/* created, newest first */
	DB_OS_OLDEST,
	DB_OS_PROMISED,		/* promised date soonest, none last */
	DB_OS_AMOUNT_DESC,	/* amount to pay, largest first (in its own
				   currency's minor units) */
	DB_OS_AMOUNT_ASC,
	DB_OS_STATUS		/* status code A-Z */
};

/* Orders browser filter; empty / 0 members do not filter. */
struct db_admin_order_filter {
	char		 status[33];
	char		 method[33];
	char		 user_email[255];	/* buyer's email starts with */
	char		 company[201];		/* company name starts with */
	int64_t		 user_id;
	int64_t		 from, until;	/* created_at >= from, < until */
	enum db_order_sort sort;
	/* A keyset page (newest and oldest sorts): the orders after
	 * (key_dir 1) or before (-1) the order (key_at, key_id) in the
	 * sort's order; 0: from the start. */
	int		 key_dir;
	int64_t		 key_at, key_id;
};

/* The most orders (or events) a list counts exactly: past it, a list
 * says "more than DB_COUNT_CAP". */
#define DB_COUNT_CAP	500

/* One order as the admin lists it. */
struct db_admin_order {
	int64_t		 id;
	int64_t		 user_id;
	char		 user_email[255];
	int64_t		 company_id;
	enum order_status status;
	enum pay_method	 method;
	struct money	 amount_due;
	struct money	 fee;
	char		 usd_per_unit[33];
	char		 country[3];
	char		 region_code[17];
	int64_t		 created_at;
	int64_t		 updated_at;
	int64_t		 promised_at;	/* end of the promised day (C-04), 0 when none */
	int64_t		 completed_at;	/* 0 when none */
	char		 company_name[201];	/* "" when none */
};

/* Orders matching f, rows offset.. (at most limit) into *out (*n, free with
 * free()), how many match into *total, counted up to DB_COUNT_CAP + 1
 * (more than DB_COUNT_CAP). A keyset page (db_admin_order_keyset) is the
 * limit orders after or before f's key in the sort's order, in that
 * order, and at most limit + 1 rows come back: one more than limit says
 * there is a page beyond. Returns 0 or -1. */
int	db_admin_order_search(struct db *, const struct db_admin_order_filter *f,
	    size_t offset, size_t limit, struct db_admin_order **out, size_t *n,
	    int64_t *total);

/* Whether f's page is read by its key (db_admin_order_search ignores
 * offset then): the newest or oldest sort without an email or company
 * prefix. */
int	db_admin_order_keyset(const struct db_admin_order_filter *f);

/* The columns of db_admin_order_export(), in order. */
enum db_order_export_col {
	DB_OX_ID, DB_OX_CREATED_AT, DB_OX_EMAIL, DB_OX_COMPANY, DB_OX_METHOD,
	DB_OX_STATUS, DB_OX_AMOUNT_DUE, DB_OX_FEE, DB_OX_CURRENCY,
	DB_OX_COUNTRY, DB_OX_RF_CODE, DB_OX_TRACKING, DB_OX__N
};

/* Every order matching f in f's sort, streamed (dbq_stream_rows): fn gets
 * each row's enum db_order_export_col columns as text (amounts in minor
 * units). Returns 0, 1 when fn stopped, -1 on error. */
int	db_admin_order_export(struct db *, const struct db_admin_order_filter *f,
	    int (*fn)(void *arg, const char *const *cols, size_t ncols),
	    void *arg);

/* Order id into *out: 1 found, 0 not found, -1 error. */
int	db_admin_order_get(struct db *, int64_t id, struct db_admin_order *out);

/* One line of an order. */
struct db_admin_order_item {
	char		 name[201];
	int64_t		 qty;
	struct money	 unit_price;
};

/* The lines of order id (*out of *n, free with free()). Returns 0 or -1. */
int	db_admin_order_items(struct db *, int64_t id,
	    struct db_admin_order_item **out, size_t *n);

/* The id of the user with this email, 0 when none, -1 on error. */
int64_t	db_admin_user_id(struct db *, const char *email);

#endif
