#ifndef MALLPAY_RULES_FACTS_H
#define MALLPAY_RULES_FACTS_H

/*
 * The facts every eligibility rule reads (RULES sections 1-4): who buys,
 * what is in the order, the admin-managed settings and today's date.
 * The rules are pure functions of a struct facts (C-05: `now` is a field,
 * never the clock).
 *
 * Ownership: a struct facts is an embedded object. facts_defaults() fills
 * it with RULES.md's defaults (and an empty order); facts_cleanup() frees
 * the heap arrays (items, regions, countries, institutions). Arrays grow
 * with the facts_add_*() helpers, which abort on out-of-memory.
 * All amounts are struct money (C-01); USD settings carry "USD".
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/money.h"

/* Longest identifier kept (institution id, region, category). */
#define FACTS_ID_MAX		64
/* Most terms one institution may list. */
#define FACTS_TERMS_MAX		16
/* Longest decimal rate text kept ("1.08", "0.80"). */
#define FACTS_RATE_MAX		32

enum buyer_type {
	BUYER_PERSON = 0,	/* B2C */
	BUYER_COMPANY		/* B2B */
};

/* COD history of a buyer (COD-07, COD-08, COD-F2, COD-F3). */
struct cod_history {
	int64_t		 completed_orders;	/* completed COD orders */
	int64_t		 violations;		/* recorded COD violations */
	mp_date		*refusals;		/* unreasonable refusal dates */
	size_t		 nrefusals;
	int		 revoked;		/* COD-F3 */
	int		 has_suspended_until;	/* a suspension on record */
	mp_date		 suspended_until;	/* first day COD is back */
};

/* A company buyer (INST-03, INST-04, COD-02, REM-02). */
struct company_facts {
	int		 qualification_verified;
	int		 has_qualification_expires;
	mp_date		 qualification_expires;	/* last valid day */
	struct money	 completed_orders_usd_90d;
	int		 has_cod_agreement;	/* null limit: no agreement */
	struct money	 cod_agreement_limit_usd;
	int		 has_remittance_quota;	/* null quota: no quota */
	struct money	 remittance_quota_usd;
};

struct buyer_facts {
	enum buyer_type	 type;
	int		 real_name_verified;	/* INST-01 */
	int		 has_credit_score;	/* null score: none on record */
	int64_t		 credit_score;		/* INST-02, PAU-01 */
	int		 bad_payment_record;	/* INST-02 */
	int		 installment_suspended;	/* INST-09 (INST-F2) */
	struct cod_history cod;
	int		 has_company;
	struct company_facts company;
	int		 has_credit_line;	/* INST-CL */
	struct money	 credit_line_limit_usd;
	struct money	 credit_line_used_usd;
};

struct item_facts {
	char		 category[FACTS_ID_MAX];
	int		 durable;		/* INST-06 */
	int		 high_value;		/* COD-04, REM-05 */
	int		 pre_order;		/* INST-07, COD-06 */
	int		 customized;		/* INST-07, COD-06 */
	int		 special_customs;	/* INST-07, COD-06 */
	int		 pay_after_use;		/* PAU-02 */
};

struct shipping_facts {
	char		 country[FACTS_ID_MAX];	/* ISO 3166 alpha-2 */
	char		 region[FACTS_ID_MAX];	/* COD region key ("SEA") */
	int64_t		 delivery_days;		/* COD-05 */
	int		 expedited;		/* REM-03 */
};

struct order_facts {
	char		 currency[4];
	char		 usd_per_unit[FACTS_RATE_MAX];	/* C-02 rate text */
	struct money	 items_total;		/* order currency */
	struct money	 coupons;
	struct money	 points;
	int		 flash_sale;		/* REM-04 */
	struct shipping_facts shipping;
	struct item_facts *items;
	size_t		 nitems;
};

/* A COD region (COD-01, COD-03, COD-F1). */
struct cod_region {
	char		 id[FACTS_ID_MAX];
	int		 has_max;		/* null: only the B2C maximum */
	struct money	 max_usd;
	struct money_rate fee;			/* fraction: 4% is 4/100 */
};

/* A country's lower postal limit for remittances (REM-01). */
struct country_limit {
	char		 country[FACTS_ID_MAX];
	struct money	 max_usd;
};

enum inst_method {
	INST_CARD = 0,		/* INST-CC */
	INST_PARTNER,		/* INST-PC */
	INST_CORPORATE,		/* INST-CORP */
	INST_CREDIT_LINE,	/* INST-CL */
	INST__MAX
};

enum fee_mode {
	FEE_SPREAD = 0,		/* INST-M3: one month's fee per installment */
	FEE_UPFRONT		/* INST-M3: the whole fee with the first */
};

/* A bank, partner or lender offering one installment method. */
struct institution {
	char		 id[FACTS_ID_MAX];
	enum inst_method method;
	int		 low_threshold;		/* INST-05: from USD 300 */
	struct money	 min_usd;		/* INST-05, per institution */
	int		 terms[FACTS_TERMS_MAX];
	size_t		 nterms;
	struct money_rate monthly_rate;		/* fraction: 0.8% is 0.008 */
	enum fee_mode	 fee_mode;
	int		 waives_future_fees;	/* INST-F3 */
	struct money_rate late_fee_rate;	/* INST-F1, per day */
};

struct settings_facts {
	struct cod_region *cod_regions;
	size_t		 ncod_regions;
	char		(*high_risk_countries)[FACTS_ID_MAX];	/* INST-08 */
	size_t		 nhigh_risk_countries;
	struct country_limit *remittance_limits;		/* REM-01 */
	size_t		 nremittance_limits;
	struct institution *institutions;
	size_t		 ninstitutions;

	int64_t		 platform_min_credit_score;	/* INST-02: 600 */
	int64_t		 pau_min_credit_score;	/* PAU-01: above 550 */
	struct money	 inst_min_usd;			/* INST-05: 500 */
	struct money	 inst_low_threshold_usd;	/* INST-05: 300 */
	struct money	 inst_b2b_orders_usd_90d;	/* INST-04: 5000 */
	struct money	 credit_line_max_usd;		/* INST-CL: 15000 */
	struct money	 cod_b2c_max_usd;		/* COD-01: 2000 */
	struct money	 cod_start_limit_usd;		/* COD-07: 500 */
	struct money	 cod_full_limit_usd;		/* COD-07: 2000 */
	int64_t		 cod_ladder_orders;		/* COD-07: > 5 */
	int64_t		 cod_max_delivery_days;		/* COD-05: 7 */
	struct money_rate cod_default_fee;		/* COD-F1: 4% */
	int64_t		 cod_refusals_to_suspend;	/* COD-F2: 3 */
	int32_t		 cod_suspension_months;		/* COD-F2: 3 */
	struct money	 rem_b2c_max_usd;		/* REM-01: 5000 */
};

struct facts {
	mp_date		 now;
	struct buyer_facts buyer;
	struct order_facts order;
	struct settings_facts settings;
};

/* Fill *f with RULES.md's defaults: a person buyer with nothing on
 * record, an empty USD order at rate 1, the demo settings (COD regions
 * SEA, ME, EU, BONDED at 4%, no high-risk country, no country postal
 * limit, one institution of each installment method) and now = 0.
 * Any previous contents are NOT freed: call facts_cleanup() first. */
void	facts_defaults(struct facts *f);

/* Free the heap arrays of *f and leave it empty (zeroed); takes NULL. */
void	facts_cleanup(struct facts *f);

/* Replace the COD regions by the demo list (SEA, ME, EU, BONDED; no
 * regional maximum; the default fee of the settings). */
void	facts_default_cod_regions(struct facts *f);
/* Replace the institutions by the demo ones, one per method (demo-bank,
 * demo-partner, demo-corporate, platform-credit), built from the current
 * settings (INST-05 minimum). */
void	facts_default_institutions(struct facts *f);

/* Drop every institution (used when a document lists its own). */
void	facts_clear_institutions(struct facts *f);
/* Drop every COD region (used when a document lists its own). */
void	facts_clear_cod_regions(struct facts *f);

/* Append a zeroed element to the matching array and return it (owned by
 * *f, valid until the next append to the same array or cleanup). */
struct item_facts	*facts_add_item(struct facts *f);
struct cod_region	*facts_add_cod_region(struct facts *f);
struct country_limit	*facts_add_remittance_limit(struct facts *f);
struct institution	*facts_add_institution(struct facts *f);
/* Append a high-risk country code (truncated to FACTS_ID_MAX - 1). */
void	facts_add_high_risk_country(struct facts *f, const char *cc);
/* Append an unreasonable refusal date. */
void	facts_add_refusal(struct facts *f, mp_date d);

/* Fill *inst with the defaults of method m (terms, rate, INST-05 minimum
 * from the settings in *f, spread fee, late fee 0.05% a day) and id. */
void	facts_institution_defaults(const struct facts *f,
	    struct institution *inst, enum inst_method m, const char *id);

/* The method's name in documents: "installment_card", ... ; NULL if m is
 * out of range. */
const char *inst_method_name(enum inst_method m);
/* The method for a document name; -1 if unknown. */
int	inst_method_from_name(const char *s, enum inst_method *out);

/* RULES section 1's terms for an institution of method m: INST-CC 3, 6,
 * 12 or 24 months; INST-PC 3 to 12; INST-CORP 3 to 6; INST-CL 1 to 36.
 * NULL when term is allowed, else the sentence that refuses it, naming
 * the rule. */
const char *inst_term_refusal(enum inst_method m, int term);

/* The monthly rate range RULES.md sets for method m into *lo and *hi
 * (INST-CC 0.5%-1.5%, INST-PC 0.6%-1.8%): 1, or 0 when it sets none. */
int	inst_rate_bounds(enum inst_method m, struct money_rate *lo,
	    struct money_rate *hi);

/* RULES section 1's monthly rate for method m: INST-CC 0.5% to 1.5%,
 * INST-PC 0.6% to 1.8% (other methods: RULES sets no range). NULL when
 * rate is in range, else the sentence that refuses it, naming the rule. */
const char *inst_rate_refusal(enum inst_method m, const struct money_rate *r);

/* Look-ups; NULL when absent. */
const struct cod_region *facts_cod_region(const struct facts *f,
	    const char *region);
const struct country_limit *facts_remittance_limit(const struct facts *f,
	    const char *country);
/* 1 if the country is flagged high-risk for installments (INST-08). */
int	facts_is_high_risk(const struct facts *f, const char *country);

/* Count the items of the order for which pred() returns non-zero and
 * write their distinct categories, comma-separated, into cats (catsz
 * bytes, truncated with "..." when they do not fit). Returns the count. */
size_t	facts_items_where(const struct facts *f,
	    int (*pred)(const struct item_facts *), char *cats, size_t catsz);

/* facts_items_where() predicates: 1 if the item is high-value, not in a
 * durable category (INST-06), pre-ordered, customized, or subject to
 * special customs clearance. */
int	facts_item_high_value(const struct item_facts *it);
int	facts_item_not_durable(const struct item_facts *it);
int	facts_item_pre_order(const struct item_facts *it);
int	facts_item_customized(const struct item_facts *it);
int	facts_item_special_customs(const struct item_facts *it);

struct verdict;
/* The kinds of item a method may refuse, each with its predicate above. */
enum item_kind {
	ITEMS_HIGH_VALUE,
	ITEMS_NOT_DURABLE,
	ITEMS_PRE_ORDER,
	ITEMS_CUSTOMIZED,
	ITEMS_SPECIAL_CUSTOMS
};
/* Record on v a failure of rule when the order has items of kind k: "2
 * items are high-value (food, toys)" in the thread's language, the count
 * as its figure. Nothing when it has none. */
void	facts_fail_items(const struct facts *f, struct verdict *v,
	    const char *rule, enum item_kind k);
/* The items neither COD (COD-06) nor an installment (INST-07) takes: a
 * failure of rule for each of pre-ordered, customized and special-customs
 * items that the order has, as facts_fail_items(). */
void	facts_fail_special_items(const struct facts *f, struct verdict *v,
	    const char *rule);

#endif
