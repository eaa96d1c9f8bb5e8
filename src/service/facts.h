#ifndef MALLPAY_SERVICE_FACTS_H
#define MALLPAY_SERVICE_FACTS_H

/*
 * The live facts of one checkout (RULES C-03: "Checkout reads these
 * live"): the buyer (users, companies, COD history, credit line), the
 * cart, the destination (countries, regions), the coupon and points, and
 * the admin-managed settings (settings, institutions, fx_rates in force
 * today, holidays), read from the database into a struct facts that the
 * pure rules evaluate.
 *
 * Settlement (C-01, C-02): an order settles in ONE currency. When every
 * cart line carries the same currency the order settles in it, at that
 * currency's usd_per_unit in force today; when the lines mix currencies
 * the order settles in USD, each unit price converted at its currency's
 * rate in force today (half away from zero) and multiplied by the
 * quantity, so the frozen lines add up to the total; usd_per_unit is
 * "1". The rule used is written into settlement_note (a sentence code
 * with its figures, core/said.h) and frozen on the order.
 *
 * Coupons are percent_off of the items total or amount_usd_minor
 * converted to the settlement currency; a coupon needs the items total's
 * USD equivalent at or above min_usd_minor. Points: 1 point = USD 0.01,
 * converted likewise, at most the balance and never below zero to pay.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/money.h"
#include "db/checkout.h"
#include "rules/facts.h"

struct db;

/* What the shopper chose on the checkout form. */
struct checkout_input {
	char		 country[3];	/* "" : not chosen yet */
	char		 coupon[33];	/* "" : none */
	int64_t		 points;	/* points to spend (>= 0) */
	int		 expedited;	/* remittance: expedited
					   shipping chosen (REM-03) */
	int64_t		 address_id;	/* delivery address chosen (0: none
					   named; service/address.h) */
	int		 country_named;	/* a country field was sent */
};

/* Everything loaded for one checkout (an embedded object:
 * facts_load() fills it, facts_load_cleanup() frees it). */
struct facts_live {
	struct facts		 f;
	mp_date			 today;
	struct db_buyer		 buyer;
	struct db_cart_line	*lines;
	size_t			 nlines;
	struct money		*unit_prices;	/* settlement currency */
	struct money		*line_totals;	/* settlement currency */
	struct db_region	*regions;
	size_t			 nregions;
	struct db_country	*countries;
	size_t			 ncountries;
	struct db_institution	*insts;
	size_t			 ninsts;
	mp_date			*holidays;
	size_t			 nholidays;
	const struct db_country	*country;	/* NULL: none chosen */
	const struct db_region	*region;
	char			 currency[4];
	char			 usd_per_unit[33];
	char			 settlement_note[256];
	struct money		 items_total;
	struct money		 items_total_usd;
	struct money		 coupon;	/* discount, settlement cur */
	char			 coupon_code[33];	/* applied code */
	char			 coupon_msg[200];	/* why not applied */
	struct money		 points_amount;
	int64_t			 points_used;
	char			 points_msg[200];
	int64_t			 inst_b2b_window_days;
	int64_t			 remittance_window_days;
};

/* Load the facts of user_id's cart for input at `now` into *out (always
 * clean up with facts_load_cleanup, also on failure). Returns 0, 1 when
 * the cart is empty (nothing to check out), or -1 with a message in err
 * (database error, a currency without an exchange rate today). */
int	facts_load(struct db *, int64_t user_id, const struct checkout_input *in,
	    int64_t now, struct facts_live *out, char *err, size_t errsz);

/* facts_load() with the buyer and the cart already read into *rd (by
 * db_checkout_read: the caller's one statement), moved into *out. */
struct db_checkout_read;
int	facts_load_read(struct db *, const struct checkout_input *in,
	    int64_t now, struct db_checkout_read *rd, struct facts_live *out,
	    char *err, size_t errsz);

/* Free what *l owns and zero it; takes NULL. */
void	facts_load_cleanup(struct facts_live *l);

/* INST-04: add to *total (USD) every order of company_id completed since
 * the unix time since, each converted at its own recorded rate (C-02);
 * an order whose amount or rate does not read is left out. 0 or -1. */
int	facts_company_completed_usd(struct db *, int64_t company_id,
	    int64_t since, struct money *total);

/* Pure: the settlement currency of n line currencies: the common one,
 * or "USD" when they differ (or n is 0). Writes 4 bytes into out. */
void	settle_currency(const char (*curs)[4], size_t n, char out[4]);

/* Pure: *out = usd (a USD amount) in currency cur at usd_per_unit rate,
 * half away from zero (C-02 backwards: a USD coupon or points value in
 * the settlement currency). Returns -1 on a bad rate or overflow. */
int	settle_from_usd(const struct money *usd, const char *cur,
	    const struct money_rate *rate, struct money *out);

/* Pure: the discount of a coupon on items_total (settlement currency,
 * USD equivalent items_usd, rate the settlement rate) into *out; 0 with
 * *out set, or -1 with the shopper's message in msg (inactive, below its
 * minimum). The discount never exceeds the items total. */
int	settle_coupon(const struct db_coupon *c, const struct money *items_total,
	    const struct money *items_usd, const struct money_rate *rate,
	    struct money *out, char *msg, size_t msgsz);

/* Pure: spend up to `want` of `balance` points (1 point = USD 0.01) on
 * `remaining` (settlement currency at rate): *used and *amount get what
 * is spent, capped by the balance and by the remaining amount. Returns 0,
 * or -1 on a bad rate or overflow. */
int	settle_points(int64_t want, int64_t balance, const struct money *remaining,
	    const struct money_rate *rate, int64_t *used, struct money *amount);

/* The business day n business days after `from`, with l's holidays
 * (C-04). Returns 0 or -1. */
int	facts_business_days(const struct facts_live *l, mp_date from, int n,
	    mp_date *out);

#endif
