#ifndef MALLPAY_DB_BENCHDATA_H
#define MALLPAY_DB_BENCHDATA_H

/*
 * Statements of `mallpayctl bench-data` (issue 11): the benchmark data set
 * written with multi-row INSERTs through prepared statements, in batches
 * of BENCH_BATCH rows (one statement per batch, the rest one row at a
 * time). Rows carry explicit ids, taken above the table's MAX(id), so that
 * items and events can point at orders without reading ids back.
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
	int		 credit_score;
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
};

/* One order line, a snapshot of product p. */
struct bench_item {
	int64_t				 order_id;
	const struct seed_product	*p;
	int				 qty;
};

/* One audit event of an order (actor 'user' with actor_id, or 'system'). */
struct bench_event {
	int64_t		 order_id;
	int64_t		 actor_id;	/* 0: 'system', NULL actor */
	int64_t		 at;
	const char	*from_state;	/* NULL allowed */
	const char	*to_state;
	const char	*reason;
};

/* The largest id of table "users" (which 0) or "orders" (which 1): >= 0,
 * or -1 on error. */
int64_t	db_bench_max_id(struct db *, int which);

/* Number of the tables "plans" and "vouchers" that exist in the current
 * database (0, 1 or 2), or -1 on error. */
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
 * events), BENCH_BATCH per statement. Returns 0 or -1 (db_error). */
int	db_bench_insert_users(struct db *, const struct bench_user *, size_t n,
	    const char *pwhash, int64_t now);
int	db_bench_insert_orders(struct db *, const struct bench_order *,
	    size_t n);
int	db_bench_insert_items(struct db *, const struct bench_item *, size_t n);
int	db_bench_insert_events(struct db *, const struct bench_event *,
	    size_t n);

/* Make the cart of user_id hold exactly the n products product_ids with
 * quantity 1 each. Returns 0 or -1. */
int	db_bench_set_cart(struct db *, int64_t user_id,
	    const int64_t *product_ids, size_t n, int64_t now);

#endif
