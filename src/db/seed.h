#ifndef MALLPAY_DB_SEED_H
#define MALLPAY_DB_SEED_H

/*
 * The statements behind `mallpayctl seed-demo` and `create-admin`: plain
 * inserts and look-ups by natural key (email, company name, SKU,
 * idempotency key), so that the caller can insert only what is missing
 * and a second run changes nothing. The static part of the demo data is
 * the .sql files of sql/demo, run with db_run_script() (db/migrate.h).
 */

#include <stdint.h>

struct db;

struct seed_company {
	const char	*name;
	const char	*country;		/* ISO 3166 alpha-2 */
	const char	*qualification_status;	/* companies ENUM */
	const char	*qualification_expires;	/* "YYYY-MM-DD" or NULL */
	int		 long_term_agreement;
	int64_t		 cod_limit_usd_minor;	/* < 0: NULL */
	int64_t		 remittance_quota_usd_minor; /* < 0: NULL */
};

struct seed_user {
	const char	*kind;		/* 'person', 'company_member', 'admin' */
	int64_t		 company_id;	/* 0: none */
	const char	*email;
	const char	*name;
	const char	*phone;		/* NULL: none */
	int		 cod_completed_orders;
	int64_t		 credit_limit_usd_minor;
};

/* A product as an order item snapshots it. */
struct seed_product {
	int64_t		 id;
	char		 name[201];
	int64_t		 price_minor;
	char		 currency[4];
	int		 durable, high_value, pre_order, customized,
			 special_customs, pay_after_use;
};

struct seed_order {
	int64_t		 user_id;
	int64_t		 company_id;	/* 0: none */
	const char	*status;
	const char	*method;
	const char	*currency;
	const char	*usd_per_unit;
	int64_t		 items_total_minor;
	int64_t		 amount_due_minor;
	int64_t		 fee_minor;
	const char	*country;
	const char	*region_code;
	const char	*idempotency_key;
	int64_t		 created_at, updated_at, completed_at; /* 0: NULL */
};

struct seed_event {
	const char	*subject_type;	/* events ENUM */
	int64_t		 subject_id;
	const char	*actor_type;	/* events ENUM */
	int64_t		 actor_id;	/* 0: NULL */
	int64_t		 at;
	const char	*from_state;	/* NULL allowed */
	const char	*to_state;	/* NULL allowed */
	const char	*reason;
};

/* Id of the user with this email (exact match): > 0, 0 if none, -1 error. */
int64_t	db_seed_user_id(struct db *, const char *email);

/* Insert u with the argon2id hash pwhash at time now. Returns its id, 0 if
 * the email exists already (nothing changed), -1 on error. */
int64_t	db_seed_user_insert(struct db *, const struct seed_user *u,
	    const char *pwhash, int64_t now);

/* Id of the company named name: > 0, 0 if none, -1 on error. */
int64_t	db_seed_company_id(struct db *, const char *name);

/* Insert c at time now; returns its id, 0 if the name exists, -1 error. */
int64_t	db_seed_company_insert(struct db *, const struct seed_company *c,
	    int64_t now);

/* Fill *out with the product of this SKU. Returns 0, 1 if none, -1 error. */
int	db_seed_product(struct db *, const char *sku, struct seed_product *out);

/* Id of the order of user_id with this idempotency key: > 0, 0, -1. */
int64_t	db_seed_order_id(struct db *, int64_t user_id, const char *key);

/* Insert o; returns its id or -1 (a duplicate key is an error here: call
 * db_seed_order_id first, in the same transaction). */
int64_t	db_seed_order_insert(struct db *, const struct seed_order *o);

/* Insert a line of qty x p on order_id. Returns 0 or -1. */
int	db_seed_item_insert(struct db *, int64_t order_id,
	    const struct seed_product *p, int qty);

/* Append an audit event (RULES C-07). Returns 0 or -1. */
int	db_seed_event(struct db *, const struct seed_event *e);

#endif
