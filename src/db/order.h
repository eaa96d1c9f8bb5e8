#ifndef MALLPAY_DB_ORDER_H
#define MALLPAY_DB_ORDER_H

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"
#include "core/order_status.h"
#include "core/pay_method.h"
#include "db/address.h"
#include "db/cod.h"
#include "db/plan.h"

struct db_event_row;

struct db;

/* One order as "My Orders" lists it. */
struct db_order_row {
	int64_t		 id;
	enum order_status status;
	enum pay_method	 method;
	struct money	 amount_due;	/* amount_due_minor in the order's currency */
	int64_t		 created_at;
	struct money	 fee;		/* fee_minor (COD-F1) */
	struct money	 deferred;	/* deferred_minor (PAU-03) */
};

/* The orders placed by user_id, newest first, at most limit of them. *out is
 * an array of *n (NULL, 0 when none) to free with free(). Rows with an unknown
 * currency, status or method are skipped (logged). Returns 0 or -1 (nothing to
 * free). */
int	db_order_list_by_user(struct db *, int64_t user_id, size_t limit,
	    struct db_order_row **out, size_t *n);

/* (checkout) Page `page` (0-based) of user_id's orders, newest first,
 * `limit` per page (LIMIT/OFFSET on the (user_id, created_at) index);
 * *more is set when a further page exists. As db_order_list_by_user
 * otherwise. */
int	db_order_list_page(struct db *, int64_t user_id, size_t page,
	    size_t limit, struct db_order_row **out, size_t *n, int *more);

/* db_order_list_page of user_id's orders and, when company_id > 0, of every
 * order of that company (its members act for it, RULES 5). */
int	db_order_list_page_company(struct db *, int64_t user_id,
	    int64_t company_id, size_t page, size_t limit,
	    struct db_order_row **out, size_t *n, int *more);

/* (checkout) Lock order id (SELECT ... FOR UPDATE) and read its method
 * into *method. Returns 1, 0 no such order, -1 error (or a method that is
 * none of pay_method's, logged). */
int	db_order_lock_method(struct db *, int64_t id, enum pay_method *method);

/* (checkout) UPDATE orders SET status = to, updated_at = now (and
 * completed_at = now when to is OS_COMPLETED) WHERE id = ? AND
 * status = from. Returns 1 changed, 0 not in `from`, -1 error. */
int	db_order_set_status(struct db *, int64_t id, enum order_status from,
	    enum order_status to, int64_t now);

/* A new order as checkout freezes it (amounts in `currency`). */
struct db_order_new {
	int64_t		 user_id;
	int64_t		 company_id;		/* 0: none */
	enum order_status status;
	enum pay_method	 method;
	const char	*currency;
	const char	*usd_per_unit;
	int64_t		 items_total_minor;
	int64_t		 coupon_minor;
	int64_t		 points_minor;
	int64_t		 amount_due_minor;
	int64_t		 fee_minor;
	int64_t		 deferred_minor;	/* PAU-03: charged at receipt */
	int64_t		 amount_usd_minor;
	const char	*country;
	const char	*region_code;
	const char	*idempotency_key;
	const char	*institution_id;	/* NULL: none */
	int		 term;			/* 0: none */
	const char	*coupon_code;		/* NULL: none */
	int64_t		 points_used;
	const char	*review_due;		/* "YYYY-MM-DD" or NULL */
	const char	*payment_due;		/* "YYYY-MM-DD" or NULL */
	const char	*settlement_note;
	const char	*verdicts;		/* JSON text */
	const char	*params_hash;		/* what the key asked for
						   (service/reqkey.h), NULL none */
	/* the delivery address frozen on the order (ship->id its book row,
	 * ship->delivery_days the days it promises); NULL: none */
	const struct db_address *ship;
	int64_t		 now;
};

/* (checkout) Insert o. Returns the new id, 0 when (user_id,
 * idempotency_key) already exists (the key is claimed: nothing
 * inserted), or -1 on error. */
int64_t	db_order_insert(struct db *, const struct db_order_new *o);

/* (checkout) The id of user_id's order with this idempotency key, 0 none,
 * -1 error; params_hash (when not NULL, hashsz >= 65) gets the hash of
 * the parameters the key placed it with ("" when the order has none). */
int64_t	db_order_by_key(struct db *, int64_t user_id, const char *key,
	    char *params_hash, size_t hashsz);

/* (checkout) Store the remittance code of order id (REM-P1). 0 or -1. */
int	db_order_set_rf_code(struct db *, int64_t id, const char *rf);

/* One frozen line of a new order. */
struct db_order_item_new {
	int64_t		 product_id;
	const char	*name;
	int		 qty;
	int64_t		 unit_price_minor;
	const char	*currency;
	int		 durable, high_value, pre_order, customized;
	int		 special_customs, pay_after_use;
};

/* (checkout) Insert the n frozen lines it[] of order_id in one multi-row
 * INSERT (one more per 8 lines). 0 or -1. */
int	db_order_items_insert(struct db *, int64_t order_id,
	    const struct db_order_item_new *it, size_t n);

/* One order as its page shows it. */
struct db_order {
	int64_t		 id;
	int64_t		 user_id;
	enum order_status status;
	enum pay_method	 method;
	char		 currency[4];
	char		 usd_per_unit[33];
	int64_t		 items_total_minor, coupon_minor, points_minor;
	int64_t		 amount_due_minor, fee_minor, deferred_minor;
	int64_t		 amount_usd_minor;
	char		 country[3];
	char		 region_code[17];
	char		 institution_id[33];
	int		 term;
	char		 coupon_code[33];
	int64_t		 points_used;
	char		 review_due[11];	/* "" when NULL */
	char		 payment_due[11];
	char		 rf_code[33];
	char		 settlement_note[256];
	int64_t		 created_at, updated_at, completed_at;
	char		 refund_due[11];	/* "" when NULL */
	char		 language[8];	/* buyer's users.language, "" */
};

/* (checkout) Read order id if it belongs to user_id (user_id 0: any
 * owner, for admins and the system). Returns 1, 0 (none, or another
 * user's: the caller answers 404), -1 error (or a status or method that
 * is unknown, logged). */
int	db_order_get(struct db *, int64_t user_id, int64_t id,
	    struct db_order *out);

/* A frozen line of an order. */
struct db_order_item {
	int64_t		 product_id;
	char		 name[201];
	int		 qty;
	struct money	 unit_price;
	int		 pay_after_use;
};

/* (checkout) The lines of order_id. *out: array of *n to free() (NULL, 0
 * when none). Returns 0 or -1. */
int	db_order_items(struct db *, int64_t order_id,
	    struct db_order_item **out, size_t *n);

/* An order as its page shows it, read in one statement: the order
 * (db_order_get), its lines (db_order_items), its history (events, oldest
 * first), the address frozen on it (db_order_address_get), its shipment
 * (db_ship_get), its tracking events (db_track_list) and the plan its
 * owner holds for it with the installments (db_plan_with_inst). Free with
 * db_order_page_cleanup. */
struct db_order_page {
	int			 found;
	struct db_order		 o;
	struct db_order_item	*items;
	size_t			 nitems;
	struct db_event_row	*events;
	size_t			 nevents;
	int			 has_addr;
	struct db_address	 addr;
	int			 has_ship;
	struct db_shipment	 ship;
	struct db_track		*tr;
	size_t			 ntr;
	int			 plan;		/* 1 read, 0 none, -1 stored
						   method unknown */
	struct db_plan		 pl;
	struct db_plan_inst	*inst;		/* by seq */
	size_t			 ninst;
};

/* Read order id of user_id (0: any owner) as *pg: 1, 0 (none, or another
 * user's), -1 error (as db_order_get; nothing to free). */
int	db_order_page(struct db *, int64_t user_id, int64_t id,
	    struct db_order_page *pg);
void	db_order_page_cleanup(struct db_order_page *pg);

/* (checkout) Store the promised refund date (C-04; "YYYY-MM-DD", NULL
 * or "" clears it). 0 or -1. */
int	db_order_set_refund_due(struct db *, int64_t id, const char *day);

#endif
