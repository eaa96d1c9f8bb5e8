#ifndef MALLPAY_DB_CHECKOUT_H
#define MALLPAY_DB_CHECKOUT_H

/*
 * What checkout reads to build the facts of the rules (RULES C-03:
 * "Checkout reads these live") and the few writes of placing an order
 * besides the order itself: points, credit line, emptying the cart.
 * Every function returns -1 on a database error; arrays are heap arrays
 * to free() (NULL, 0 when empty).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/lifecycle.h"

struct db;
struct db_address;

struct db_setting {
	char	 name[65];
	char	 value[256];
};

struct db_region {
	char	 code[17];
	char	 name[101];
	int	 cod_supported;
	char	 cod_fee_percent[17];
	int	 has_cod_max;
	int64_t	 cod_max_usd_minor;
	int	 delivery_days;
	int	 domestic;
};

struct db_country {
	char	 code[3];
	char	 name[101];
	char	 region_code[17];
	int	 delivery_days;		/* -1: the region's */
	int	 high_risk;		/* INST-08 */
	int	 has_rem_limit;
	int64_t	 rem_limit_usd_minor;	/* REM-01 */
};

struct db_institution {
	char	 id[33];
	char	 name[101];
	char	 method[32];
	int64_t	 min_usd_minor;
	int	 low_threshold;
	char	 terms[65];
	char	 monthly_rate[17];
	char	 fee_mode[8];
	int	 waives_future_fees;
	char	 late_fee_rate[17];
};

/* The buyer's row (and company) as the rules read it. */
struct db_buyer {
	int	 is_company;
	int64_t	 company_id;
	int	 real_name_verified;
	int64_t	 credit_score;
	int	 bad_payment_record;
	int	 installment_suspended;
	int64_t	 cod_completed_orders;
	int64_t	 cod_violations;
	int	 cod_revoked;
	char	 cod_suspended_until[11];	/* "" when NULL */
	int64_t	 credit_limit_usd_minor;
	int64_t	 credit_used_usd_minor;
	int64_t	 points;
	/* company (is_company) */
	enum qual_status qualification_status;
	char	 qualification_expires[11];	/* "" when NULL */
	int	 long_term_agreement;
	int	 has_cod_limit;
	int64_t	 cod_agreement_limit_usd_minor;
	int	 has_remittance_quota;
	int64_t	 remittance_quota_usd_minor;
	/* COD-F2: counted refusal dates "YYYY-MM-DD", ascending; a heap
	 * array the caller frees (NULL, 0 when none). */
	char	(*refusals)[11];
	size_t	 nrefusals;
	char	 language[9];	/* the account's language tag, "" none */
};

/* A cart line with everything the rules and the order need. */
struct db_cart_line {
	int64_t	 product_id;
	int	 qty;
	char	 name[201];
	int64_t	 price_minor;
	char	 currency[4];
	char	 category[201];	/* its name: rule sentences name it */
	int	 durable, high_value, pre_order, customized, special_customs;
	int	 pay_after_use, flash_sale;
};

/* A completed order of a company (INST-04). */
struct db_completed {
	int64_t	 amount_minor;
	char	 currency[4];
	char	 usd_per_unit[33];
};

struct db_coupon {
	char	 code[33];
	char	 description[201];
	int	 has_percent;
	char	 percent_off[17];
	int64_t	 amount_usd_minor;
	int64_t	 min_usd_minor;
	int	 active;
};

/* The reference lists below (settings to holidays) and exchange rates come
 * from the connection's cache when the request's session lookup saw the
 * version they were loaded at (refcache.h), else from the tables. */
int	db_checkout_settings(struct db *, struct db_setting **, size_t *);
int	db_checkout_regions(struct db *, struct db_region **, size_t *);
/* Countries by name. */
int	db_checkout_countries(struct db *, struct db_country **, size_t *);
/* Enabled institutions by id. */
int	db_checkout_institutions(struct db *, struct db_institution **,
	    size_t *);
/* Holidays as "YYYY-MM-DD" strings (11 bytes each), ascending. */
int	db_checkout_holidays(struct db *, char (**out)[11], size_t *);
/* The usd_per_unit of currency in force on day ("YYYY-MM-DD") into rate
 * (ratesz bytes). Returns 1, 0 no rate, -1 error. */
int	db_checkout_fx_rate(struct db *, const char *currency, const char *day,
	    char *rate, size_t ratesz);
/* Load the connection's reference-data cache (refcache.h) at the version
 * stored now: the lists above, the catalog's categories and the rate on
 * day of each currency a product is priced in, so that the first views
 * of a new connection read none of them. 0 or -1. */
int	db_checkout_warm(struct db *, const char *day);
/* The buyer user_id (with company columns when a member, and the COD
 * refusal dates: free out->refusals). 1, 0, -1 (nothing to free). */
int	db_checkout_buyer(struct db *, int64_t user_id, struct db_buyer *out);
/* Completed orders of company_id since `since` (seconds). */
int	db_checkout_company_completed(struct db *, int64_t company_id,
	    int64_t since, struct db_completed **, size_t *);
/* What a quote reads of user_id: the order its request key placed, if
 * any (key_order 0: none; key_params: the hash of the parameters it was
 * placed with, "" for an order placed before they were kept), the buyer
 * (as db_checkout_buyer), the cart's lines by product id and the address
 * book the user orders from (the company's for a member), the default
 * first, then by id. Free with db_checkout_read_cleanup. */
struct db_checkout_read {
	struct db_buyer		 buyer;
	struct db_cart_line	*lines;
	size_t			 nlines;
	struct db_address	*addrs;
	size_t			 naddrs;
	int64_t			 key_order;
	char			 key_params[65];
};
/* Read *r of user_id and its request key (NULL: none) in one
 * statement: 1, 0 no such user, -1 error (nothing to free). */
int	db_checkout_read(struct db *, int64_t user_id, const char *key,
	    struct db_checkout_read *r);
void	db_checkout_read_cleanup(struct db_checkout_read *r);
/* Coupon code (case as stored). 1, 0, -1. */
int	db_checkout_coupon(struct db *, const char *code, struct db_coupon *);
/* users.points -= points when the balance covers it: 1 done, 0 not
 * enough points, -1 error. */
int	db_checkout_spend_points(struct db *, int64_t user_id, int64_t points);
/* credit_used += usd_minor when it stays within credit_limit (INST-CL):
 * 1 done, 0 not enough credit, -1 error. */
int	db_checkout_reserve_credit(struct db *, int64_t user_id,
	    int64_t usd_minor);
/* Empty user_id's cart. 0 or -1. */
int	db_checkout_clear_cart(struct db *, int64_t user_id);

/* Give points back (an order cancelled before shipment). 0 or -1. */
int	db_checkout_return_points(struct db *, int64_t user_id, int64_t points);
/* Release reserved credit (INST-CL order cancelled), never below 0.
 * 0 or -1. */
int	db_checkout_release_credit(struct db *, int64_t user_id,
	    int64_t usd_minor);

/* Demo data (mallpayctl seed-demo): points for the demo shoppers whose
 * balance is 0 (shopper.new 2,500, shopper.veteran 10,000). 0 or -1. */
int	db_checkout_demo_points(struct db *);

#endif
