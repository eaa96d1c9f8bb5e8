#ifndef MALLPAY_DB_BENCHDATA_H
#define MALLPAY_DB_BENCHDATA_H

/*
 * Statements of `mallpayctl bench-data`: the benchmark data set
 * written with multi-row INSERTs through prepared statements, in batches
 * of BENCH_BATCH rows (one statement per batch, the rest one row at a
 * time). Orders, plans and vouchers carry explicit ids, taken above the
 * table's MAX(id), so that items, events, installments and payments can
 * point at them without reading ids back.
 * Not for the request path: only mallpayctl uses this file.
 */

#include <stddef.h>
#include <stdint.h>

#include "db/seed.h"

#define BENCH_BATCH	250

struct db;

/* One benchmark shopper. */
struct bench_user {
	int64_t		 id;
	char		 email[64];
	char		 name[64];
	int64_t		 credit_limit_usd_minor;
};

/* One order (USD, country MY, region SEA) of a benchmark shopper. */
struct bench_order {
	int64_t		 id;
	int64_t		 user_id;
	const char	*status;
	const char	*method;
	int64_t		 items_total_minor;
	int64_t		 fee_minor;
	char		 key[48];
	int64_t		 created_at, updated_at, completed_at; /* 0: NULL */
	const char	*institution_id;	/* NULL: none (not installment) */
	int		 term;			/* 0: NULL */
	char		 review_due[11];	/* "" : NULL */
	char		 payment_due[11];	/* "" : NULL */
	char		 rf_code[32];		/* "" : NULL */
};

/* One order line, a snapshot of product p. */
struct bench_item {
	int64_t				 order_id;
	const struct seed_product	*p;
	int				 qty;
};

/* One audit event of an order, a plan or a voucher. */
struct bench_event {
	const char	*subject;	/* "order", "plan", "voucher"; NULL:
					   "order" */
	int64_t		 order_id;	/* the subject's id */
	const char	*actor_type;	/* NULL: "user" when actor_id > 0,
					   else "system" */
	int64_t		 actor_id;	/* 0: NULL actor */
	int64_t		 at;
	const char	*from_state;	/* NULL allowed */
	const char	*to_state;	/* NULL allowed */
	const char	*reason;
};

/* One installment plan (sql/008_installments.sql), as plan_create() and
 * plan_confirm() leave it. */
struct bench_plan {
	int64_t		 id, order_id, user_id;
	const char	*method, *institution_id, *status;
	int64_t		 principal_minor;
	int		 n;
	const char	*monthly_rate, *fee_mode, *late_fee_rate;
	int		 waives_future_fees;
	int32_t		 apr_bp;
	int64_t		 monthly_fee_minor, total_fee_minor;
	char		 start_date[11];
	const char	*card_brand, *card_last4;	/* NULL: NULL */
	char		 partner_ref[33];		/* "": NULL */
	int64_t		 created_at, updated_at, closed_at;	/* 0: NULL */
};

/* One installment row; paid when paid_at > 0. */
struct bench_inst {
	int64_t		 plan_id;
	int		 seq;
	char		 due_date[11];
	int64_t		 principal_minor, fee_minor;
	int64_t		 paid_minor, paid_at;
};

/* One successful plan payment (down payment or deduction). */
struct bench_pay {
	int64_t		 plan_id;
	const char	*kind, *channel;
	int		 seq;
	int64_t		 amount_minor;
	char		 reference[65];
	char		 idem_key[65];
	int64_t		 created_at;
};

/* One remittance voucher (sql/007_remittance.sql). */
struct bench_voucher {
	int64_t		 id, order_id, user_id;
	const char	*source;		/* "upload", "statement" */
	int64_t		 file_id;		/* 0: NULL */
	int64_t		 amount_minor;
	char		 remitted_on[11], expected_from[11], expected_by[11];
	char		 tracking[33];
	const char	*status;		/* "pending", "accepted" */
	int64_t		 received_minor;	/* < 0: NULL */
	int64_t		 decided_by, decided_at;	/* 0: NULL */
	char		 idem_key[48];
	int64_t		 created_at;
};

/* Tables of db_bench_max_id(). */
enum bench_table {
	BENCH_T_USERS = 0,
	BENCH_T_ORDERS,
	BENCH_T_PLANS,
	BENCH_T_VOUCHERS,
};

/* The largest id of table which: >= 0, or -1 on error. */
int64_t	db_bench_max_id(struct db *, enum bench_table which);

/* The id of the first administrator (who decided the vouchers): > 0, 0
 * when there is none, -1 on error. */
int64_t	db_bench_admin_id(struct db *);

/* The order of user_id's newest plan over n months in status "active":
 * its id, 0 when there is none, -1 on error. */
int64_t	db_bench_active_plan(struct db *, int64_t user_id, int n);

/* Number of the tables bench-data fills beyond orders that exist in the
 * current database (plans, plan_installments, plan_payments,
 * remittance_vouchers, files: BENCH_EXTRA_TABLES when all do), or -1 on
 * error. */
#define BENCH_EXTRA_TABLES	5
int	db_bench_extra_tables(struct db *);

/* Number of orders whose idempotency key starts with "bench-" into *n.
 * Returns 0 or -1. */
int	db_bench_count_orders(struct db *, int64_t *n);

/* Ids of the benchmark shoppers (email "bench-%@bench.test", not the
 * benchmark shopper itself) in id order: a malloc'd array in *ids (free
 * it), its length in *n. Returns 0 or -1. */
int	db_bench_user_ids(struct db *, int64_t **ids, size_t *n);

/* Id of the user with this email: > 0, 0 none, -1 error. */
int64_t	db_bench_user_id(struct db *, const char *email);

/* Every USD product with its category's durable flag, by id: malloc'd
 * array in *out (free it), its length in *n. Returns 0 or -1. */
int	db_bench_products(struct db *, struct seed_product **out, size_t *n);

/* Insert n rows (users with the one password hash pwhash; orders; items;
 * events; plans; installments; plan payments; vouchers), BENCH_BATCH per
 * statement. Returns 0 or -1 (db_error). */
int	db_bench_insert_users(struct db *, const struct bench_user *, size_t n,
	    const char *pwhash, int64_t now);
int	db_bench_insert_orders(struct db *, const struct bench_order *,
	    size_t n);
int	db_bench_insert_items(struct db *, const struct bench_item *, size_t n);
int	db_bench_insert_events(struct db *, const struct bench_event *,
	    size_t n);
int	db_bench_insert_plans(struct db *, const struct bench_plan *, size_t n);
int	db_bench_insert_insts(struct db *, const struct bench_inst *, size_t n);
int	db_bench_insert_pays(struct db *, const struct bench_pay *, size_t n,
	    const char *currency);
int	db_bench_insert_vouchers(struct db *, const struct bench_voucher *,
	    size_t n, const char *currency);
/* The ledger entries of the accepted vouchers with ids first..last (as
 * service/postings.c posts them: the receipt, and the sale of an order
 * they pay), in one statement. Returns 0 or -1. */
int	db_bench_voucher_ledger(struct db *, int64_t first, int64_t last);
/* The next work day (plans.next_work_on) of the active plans written
 * without one: their earliest open installment's reminder day (3 days
 * before it), as migration 025 sets it; early rather than late, the first
 * tick stores the exact day. Returns 0 or -1. */
int	db_bench_next_work(struct db *);

/* Make the cart of user_id hold exactly the n products product_ids with
 * quantity 1 each. Returns 0 or -1. */
int	db_bench_set_cart(struct db *, int64_t user_id,
	    const int64_t *product_ids, size_t n, int64_t now);

#endif
