/*
 * Reads and writes of checkout (see checkout.h). SQL only, bound
 * parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/address.h"
#include "db/checkout.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/product.h"
#include "db/refcache.h"
#include "db/stmt.h"

/* The columns of the buyer's facts (struct db_buyer), each with its SQL:
 * identity (INST-01, INST-02, PAU-01): verified from the latest verified
 * identity check, the score from the consent in force
 * (sql/020_identity.sql); 0 when none. The qualification comes last (a
 * person has none: unverified); COD-F2's counted refusal dates follow
 * them (buyer_at). */
#define BUYER_LIST(C) \
	C(BOOL,	is_company,	"u.kind = 'company_member'") \
	C(INT,	company_id,	", u.company_id") \
	C(INT,	real_name_verified, ", EXISTS (SELECT 1 FROM identity_checks ic WHERE ic.user_id = u.id AND ic.status = 'verified')") \
	C(INT,	credit_score,	", COALESCE((SELECT cc.score FROM credit_consents cc WHERE cc.user_id = u.id AND cc.withdrawn_at IS NULL ORDER BY cc.id DESC LIMIT 1), 0)") \
	C(INT,	bad_payment_record, ", u.bad_payment_record") \
	C(INT,	installment_suspended, ", u.installment_suspended") \
	C(INT,	cod_completed_orders, ", u.cod_completed_orders") \
	C(INT,	cod_violations,	", u.cod_violations") \
	C(INT,	cod_revoked,	", u.cod_revoked") \
	C(TEXT,	cod_suspended_until, ", u.cod_suspended_until") \
	C(INT,	credit_limit_usd_minor, ", u.credit_limit_usd_minor") \
	C(INT,	credit_used_usd_minor, ", u.credit_used_usd_minor") \
	C(INT,	points,		", u.points") \
	C(TEXT,	qualification_expires, ", c.qualification_expires") \
	C(INT,	long_term_agreement, ", c.long_term_agreement") \
	C(BOOL,	has_cod_limit,	", c.cod_agreement_limit_usd_minor IS NOT NULL") \
	C(INT,	cod_agreement_limit_usd_minor, ", c.cod_agreement_limit_usd_minor") \
	C(BOOL,	has_remittance_quota, ", c.remittance_quota_usd_minor IS NOT NULL") \
	C(INT,	remittance_quota_usd_minor, ", c.remittance_quota_usd_minor") \
	C(TEXT,	language,	", COALESCE(u.language, '')") \
	C(QUAL,	qualification_status, ", COALESCE(c.qualification_status, 'unverified')")
#define BUYER_FIELD(t, m, sql)	DBQ_FIELD(struct db_buyer, t, m)
DBQ_ROWS(buyer_row, struct db_buyer, BUYER_LIST, BUYER_FIELD);
#define BUYER_COLS \
	BUYER_LIST(DBQ_SQL) ", (SELECT GROUP_CONCAT(r.refused_on " \
	"ORDER BY r.refused_on SEPARATOR ',') FROM cod_refusals r " \
	"WHERE r.user_id = u.id AND r.counted = 1) "
#define BUYER_FROM \
	"FROM users u LEFT JOIN companies c ON c.id = u.company_id "
#define BUYER_N		(0 BUYER_LIST(DBQ_COUNT) + 1)
/* SQL NULLs filling the buyer's columns in the other row kinds. */
#define NUL_BUYER	BUYER_LIST(DBQ_NULLS) "NULL, "

/* The columns of a cart line (struct db_cart_line), each with its SQL;
 * CART_N of them. */
#define CART_LINE_COLS(C) \
	C(INT,	product_id,	"p.id") \
	C(INT,	qty,		", i.qty") \
	C(TEXT,	name,		", p.name") \
	C(INT,	price_minor,	", p.price_minor") \
	C(TEXT,	currency,	", p.currency") \
	C(TEXT,	category,	", c.name") \
	C(INT,	durable,	", c.durable") \
	C(INT,	high_value,	", (p.high_value OR c.high_value)") \
	C(INT,	pre_order,	", p.pre_order") \
	C(INT,	customized,	", p.customized") \
	C(INT,	special_customs, ", p.special_customs") \
	C(INT,	pay_after_use,	", p.pay_after_use") \
	C(INT,	flash_sale,	", p.flash_sale")
#define CART_LINE_FIELD(t, m, sql)	DBQ_FIELD(struct db_cart_line, t, m)
DBQ_ROWS(cart_line_row, struct db_cart_line, CART_LINE_COLS,
    CART_LINE_FIELD);
#define CART_COLS	CART_LINE_COLS(DBQ_SQL) " "
#define CART_FROM \
	"FROM carts k JOIN cart_items i ON i.cart_id = k.id " \
	"JOIN products p ON p.id = i.product_id " \
	"JOIN categories c ON c.id = p.category_id "
#define CART_N		(0 CART_LINE_COLS(DBQ_COUNT))
/* SQL NULLs filling the columns of the other row kinds of STMT_READ: a
 * cart line, an address (not a column list: counted below). */
#define NUL_CART	CART_LINE_COLS(DBQ_NULLS)
#define NUL_ADDR \
	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
_Static_assert(DB_ADDRESS_N == 10, "NUL_ADDR fills an address");
/* Columns of STMT_READ: the buyer, a cart line, an address, the key's
 * order's parameters, the row's kind (0 to 3) and its sort keys (the
 * key's order's id). */
enum read_col {
	READ_C_CART = BUYER_N,
	READ_C_ADDR = READ_C_CART + CART_N,
	READ_C_KEY_PARAMS = READ_C_ADDR + DB_ADDRESS_N,
	READ_C_KIND,
	READ_C_K1
};

/* The columns of a setting (struct db_setting), each with its SQL. */
#define SETTING_COLS(C) \
	C(TEXT,	name,		"name") \
	C(TEXT,	value,		", value")
#define SETTING_FIELD(t, m, sql)	DBQ_FIELD(struct db_setting, t, m)
DBQ_ROWS(setting_row, struct db_setting, SETTING_COLS, SETTING_FIELD);

/* The columns of a region (struct db_region), each with its SQL. */
#define REGION_COLS(C) \
	C(TEXT,	code,		"code") \
	C(TEXT,	name,		", name") \
	C(INT,	cod_supported,	", cod_supported") \
	C(TEXT,	cod_fee_percent, ", cod_fee_percent") \
	C(BOOL,	has_cod_max,	", cod_max_usd_minor IS NOT NULL") \
	C(INT,	cod_max_usd_minor, ", cod_max_usd_minor") \
	C(INT,	delivery_days,	", delivery_days") \
	C(INT,	domestic,	", domestic")
#define REGION_FIELD(t, m, sql)	DBQ_FIELD(struct db_region, t, m)
DBQ_ROWS(region_row, struct db_region, REGION_COLS, REGION_FIELD);

/* The columns of a country (struct db_country), each with its SQL. */
#define COUNTRY_COLS(C) \
	C(TEXT,	code,		"code") \
	C(TEXT,	name,		", name") \
	C(TEXT,	region_code,	", region_code") \
	C(INT,	delivery_days,	", COALESCE(delivery_days, -1)") \
	C(INT,	high_risk,	", installment_high_risk") \
	C(BOOL,	has_rem_limit,	", remittance_limit_usd_minor IS NOT NULL") \
	C(INT,	rem_limit_usd_minor, ", remittance_limit_usd_minor")
#define COUNTRY_FIELD(t, m, sql)	DBQ_FIELD(struct db_country, t, m)
DBQ_ROWS(country_row, struct db_country, COUNTRY_COLS, COUNTRY_FIELD);

/* The columns of an institution (struct db_institution), each with its
 * SQL. */
#define INSTITUTION_COLS(C) \
	C(TEXT,	id,		"id") \
	C(TEXT,	name,		", name") \
	C(TEXT,	method,		", method") \
	C(INT,	min_usd_minor,	", min_usd_minor") \
	C(INT,	low_threshold,	", low_threshold") \
	C(TEXT,	terms,		", terms") \
	C(TEXT,	monthly_rate,	", monthly_rate") \
	C(TEXT,	fee_mode,	", fee_mode") \
	C(INT,	waives_future_fees, ", waives_future_fees") \
	C(TEXT,	late_fee_rate,	", late_fee_rate")
#define INSTITUTION_FIELD(t, m, sql)	DBQ_FIELD(struct db_institution, t, m)
DBQ_ROWS(institution_row, struct db_institution, INSTITUTION_COLS,
    INSTITUTION_FIELD);

/* A holiday: its day, "YYYY-MM-DD" (the char[11] of the list). */
struct holiday {
	char	day[11];
};
_Static_assert(sizeof(struct holiday) == 11, "a holiday is a char[11]");

/* The column of a holiday. */
#define HOLIDAY_COLS(C) \
	C(TEXT,	day,		"day")
#define HOLIDAY_FIELD(t, m, sql)	DBQ_FIELD(struct holiday, t, m)
DBQ_ROWS(holiday_row, struct holiday, HOLIDAY_COLS, HOLIDAY_FIELD);

/* The columns of a completed order (struct db_completed), each with its
 * SQL. */
#define COMPLETED_COLS(C) \
	C(INT,	amount_minor,	"amount_due_minor") \
	C(TEXT,	currency,	", currency") \
	C(TEXT,	usd_per_unit,	", usd_per_unit")
#define COMPLETED_FIELD(t, m, sql)	DBQ_FIELD(struct db_completed, t, m)
DBQ_ROWS(completed_row, struct db_completed, COMPLETED_COLS,
    COMPLETED_FIELD);

/* The columns of a coupon (struct db_coupon), each with its SQL. */
#define COUPON_COLS(C) \
	C(TEXT,	code,		"code") \
	C(TEXT,	description,	", description") \
	C(BOOL,	has_percent,	", percent_off IS NOT NULL") \
	C(TEXT,	percent_off,	", percent_off") \
	C(INT,	amount_usd_minor, ", amount_usd_minor") \
	C(INT,	min_usd_minor,	", min_usd_minor") \
	C(INT,	active,		", active")
#define COUPON_FIELD(t, m, sql)	DBQ_FIELD(struct db_coupon, t, m)
DBQ_ROWS(coupon_row, struct db_coupon, COUPON_COLS, COUPON_FIELD);

enum stmt {
	STMT_SETTINGS,
	STMT_REGIONS,
	STMT_COUNTRIES,
	STMT_INSTITUTIONS,
	STMT_HOLIDAYS,
	STMT_FX,
	STMT_BUYER,
	STMT_COMPLETED,
	STMT_COUPON,
	STMT_SPEND_POINTS,
	STMT_RESERVE_CREDIT,
	STMT_CLEAR_CART,
	STMT_RETURN_POINTS,
	STMT_RELEASE_CREDIT,
	STMT_DEMO_POINTS,
	STMT_READ,
	STMT_REF_VERSION,
	STMT_CURRENCIES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_SETTINGS */
	"SELECT " SETTING_COLS(DBQ_SQL) " FROM settings ORDER BY name",
	/* STMT_REGIONS */
	"SELECT " REGION_COLS(DBQ_SQL) " FROM regions ORDER BY code",
	/* STMT_COUNTRIES */
	"SELECT " COUNTRY_COLS(DBQ_SQL) " FROM countries ORDER BY name",
	/* STMT_INSTITUTIONS */
	"SELECT " INSTITUTION_COLS(DBQ_SQL) " "
	"FROM institutions WHERE enabled = 1 ORDER BY method, id",
	/* STMT_HOLIDAYS */
	"SELECT " HOLIDAY_COLS(DBQ_SQL) " FROM holidays ORDER BY day",
	/* STMT_FX */
	"SELECT usd_per_unit FROM fx_rates WHERE currency = ? AND "
	"effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
	/* STMT_BUYER */
	/* identity (INST-01, INST-02, PAU-01): verified from the latest
	 * verified identity check, the score from the consent in force
	 * (sql/020_identity.sql); 0 when none. */
	"SELECT " BUYER_COLS BUYER_FROM "WHERE u.id = ?",
	/* STMT_COMPLETED */
	"SELECT " COMPLETED_COLS(DBQ_SQL) " "
	"FROM orders WHERE company_id = ? AND completed_at >= ? "
	"AND status = 'completed'",
	/* STMT_COUPON */
	"SELECT " COUPON_COLS(DBQ_SQL) " FROM coupons WHERE code = ?",
	/* STMT_SPEND_POINTS */
	"UPDATE users SET points = points - ? WHERE id = ? AND points >= ?",
	/* STMT_RESERVE_CREDIT */
	"UPDATE users SET credit_used_usd_minor = credit_used_usd_minor + ? "
	"WHERE id = ? AND credit_used_usd_minor + ? <= credit_limit_usd_minor",
	/* STMT_CLEAR_CART */
	"DELETE i FROM cart_items i JOIN carts k ON k.id = i.cart_id "
	"WHERE k.user_id = ?",
	/* STMT_RETURN_POINTS */
	"UPDATE users SET points = points + ? WHERE id = ?",
	/* STMT_RELEASE_CREDIT */
	"UPDATE users SET credit_used_usd_minor = "
	"GREATEST(0, credit_used_usd_minor - ?) WHERE id = ?",
	/* STMT_DEMO_POINTS */
	"UPDATE users SET points = ? WHERE email = ? AND points = 0",
	/* STMT_READ: STMT_BUYER (row kind 0), the cart's lines by product
	 * id (1) and the address book the user orders from, the default
	 * first (2), in one UNION, enum read_col */
	"SELECT " BUYER_COLS ", " NUL_CART NUL_ADDR "NULL, 0 AS rk, 0 AS k1, "
	"0 AS k2 " BUYER_FROM "WHERE u.id = ? "
	"UNION ALL (SELECT " NUL_BUYER CART_COLS ", " NUL_ADDR "NULL, 1, p.id, "
	"0 " CART_FROM "WHERE k.user_id = ? ORDER BY p.id" DBQ_PART_END
	"UNION ALL (SELECT " NUL_BUYER NUL_CART DB_ADDRESS_COLS ", NULL, 2, "
	"1 - a.is_default, a.id " DB_ADDRESS_BOOK_OF_USER
	"ORDER BY a.is_default DESC, a.id" DBQ_PART_END
	/* the order the request key placed (3): its id, its parameters */
	"UNION ALL SELECT " NUL_BUYER NUL_CART NUL_ADDR
	"COALESCE(o.params_hash, ''), 3, o.id, 0 FROM orders o "
	"WHERE o.user_id = ? AND "
	"o.idempotency_key = ?",
	/* STMT_REF_VERSION */
	"SELECT version FROM refdata_version WHERE id = 1",
	/* STMT_CURRENCIES: the currencies a cart's lines can be in */
	"SELECT DISTINCT currency FROM products ORDER BY currency",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_CHECKOUT)

/* Run statement idx with up to two bound values (a string s1 or, when
 * NULL, integer i1 if use_i1; then s2 or i2), one element per row read by
 * r. Returns 0 or -1 (nothing to free). */
static int
run_list(struct db *db, int idx, const char *s1, int64_t i1, int use_i1,
    const char *s2, int64_t i2, int use_i2, const struct dbq_rowdef *r,
    void **out, size_t *n)
{
	struct dbq	*q;

	q = get(db, idx);
	if (q != NULL) {
		if (s1 != NULL)
			dbq_cstr(q, s1);
		else if (use_i1)
			dbq_int(q, i1);
		if (s2 != NULL)
			dbq_cstr(q, s2);
		else if (use_i2)
			dbq_int(q, i2);
	}
	return dbq_rows(q, r, out, n);
}

/* run_list of a parameterless reference statement idx through the
 * connection's cache (refcache.h) as list. Same contract as run_list. */
static int
cached_list(struct db *db, int idx, enum ref_list list,
    const struct dbq_rowdef *r, void **out, size_t *n)
{
	if (refcache_get(db, list, r->sz, out, n) == 1)
		return 0;
	if (run_list(db, idx, NULL, 0, 0, NULL, 0, 0, r, out, n) == -1)
		return -1;
	refcache_put(db, list, r->sz, *out, *n);
	return 0;
}

/* See checkout.h. */
int
db_checkout_settings(struct db *db, struct db_setting **out, size_t *n)
{
	return cached_list(db, STMT_SETTINGS, REF_SETTINGS, &setting_row,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_regions(struct db *db, struct db_region **out, size_t *n)
{
	return cached_list(db, STMT_REGIONS, REF_REGIONS, &region_row,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_countries(struct db *db, struct db_country **out, size_t *n)
{
	return cached_list(db, STMT_COUNTRIES, REF_COUNTRIES, &country_row,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_institutions(struct db *db, struct db_institution **out,
    size_t *n)
{
	return cached_list(db, STMT_INSTITUTIONS, REF_INSTITUTIONS,
	    &institution_row, (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_holidays(struct db *db, char (**out)[11], size_t *n)
{
	return cached_list(db, STMT_HOLIDAYS, REF_HOLIDAYS, &holiday_row,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_company_completed(struct db *db, int64_t company_id,
    int64_t since, struct db_completed **out, size_t *n)
{
	return run_list(db, STMT_COMPLETED, NULL, company_id, 1, NULL, since,
	    1, &completed_row, (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_fx_rate(struct db *db, const char *currency, const char *day,
    char *rate, size_t ratesz)
{
	struct dbq	*q;
	int		 rc = -1;

	if ((rc = refcache_fx_get(db, currency, day, rate, ratesz)) != -1)
		return rc;
	q = get(db, STMT_FX);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(currency), DBQ_S(day));
	if (dbq_exec(q) == 0) {
		rc = dbq_fetch(q);
		if (rc == 1)
			dbq_col_copy(q, 0, rate, ratesz);
	}
	dbq_done(q);
	if (rc != -1)
		refcache_fx_put(db, currency, day, rc, rate);
	return rc;
}

/* Split "YYYY-MM-DD,YYYY-MM-DD,..." (or "") into a heap array of
 * 11-byte strings; a piece of another length is skipped. */
static void
split_days(const char *s, char (**out)[11], size_t *n)
{
	size_t	 cap = 0, len;
	char	(*v)[11] = NULL;

	*n = 0;
	while (*s != '\0') {
		len = strcspn(s, ",");
		if (len == 10) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 4;
				v = xrealloc(v, cap * sizeof(*v));
			}
			memcpy(v[*n], s, 10);
			v[(*n)++][10] = '\0';
		}
		s += len;
		if (*s == ',')
			s++;
	}
	*out = v;
}

/* Read the BUYER_COLS of the current row of q, from column c, into *b
 * (zeroed; its refusal dates allocated). */
static void
buyer_at(struct dbq *q, int c, struct db_buyer *b)
{
	if (dbq_read(q, c, &buyer_row, b) == -1)
		b->qualification_status = QS_UNVERIFIED;
	split_days(dbq_col_str(q, c + (int)buyer_row.n, NULL), &b->refusals,
	    &b->nrefusals);
}

/* See checkout.h. */
int
db_checkout_buyer(struct db *db, int64_t user_id, struct db_buyer *b)
{
	struct dbq	*q;
	int		 rc = -1;

	memset(b, 0, sizeof(*b));
	q = get(db, STMT_BUYER);
	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1)
		buyer_at(q, 0, b);
	dbq_done(q);
	return rc;
}

/* See checkout.h. One statement: a UNION of the buyer, the cart's lines
 * and the address book, each row of one kind. */
int
db_checkout_read(struct db *db, int64_t user_id, const char *key,
    struct db_checkout_read *r)
{
	struct dbq	*q;
	size_t		 cl = 0, ca = 0;
	int		 found = 0, rc = -1, i;

	memset(r, 0, sizeof(*r));
	q = get(db, STMT_READ);
	if (q == NULL)
		return -1;
	for (i = 0; i < 4; i++)
		dbq_int(q, user_id);
	dbq_cstr(q, key);
	if (dbq_exec(q) == 0)
		while ((rc = dbq_fetch(q)) == 1)
			switch (dbq_col_int(q, READ_C_KIND)) {
			case 0:
				if (!found)
					buyer_at(q, 0, &r->buyer);
				found = 1;
				break;
			case 1:
				(void)dbq_read(q, READ_C_CART, &cart_line_row,
				    xappend((void **)&r->lines, &r->nlines,
				    &cl, sizeof(*r->lines)));
				break;
			case 2:
				db_address_at(q, READ_C_ADDR, xappend((void **)
				    &r->addrs, &r->naddrs, &ca,
				    sizeof(*r->addrs)));
				break;
			default:
				r->key_order = dbq_col_int(q, READ_C_K1);
				dbq_col_copy(q, READ_C_KEY_PARAMS,
				    r->key_params, sizeof(r->key_params));
			}
	dbq_done(q);
	if (rc == -1) {
		db_checkout_read_cleanup(r);
		return -1;
	}
	return found;
}

/* See checkout.h. */
void
db_checkout_read_cleanup(struct db_checkout_read *r)
{
	free(r->buyer.refusals);
	free(r->lines);
	free(r->addrs);
	memset(r, 0, sizeof(*r));
}

/* See checkout.h. */
int
db_checkout_coupon(struct db *db, const char *code, struct db_coupon *c)
{
	memset(c, 0, sizeof(*c));
	return dbq_one(dbq_bind(get(db, STMT_COUPON), DBQ_S(code)),
	    &coupon_row, c);
}

/* An UPDATE with (a, id, a) parameters: 1 one row, 0 none, -1 error. */
static int
update_guarded(struct db *db, int idx, int64_t a, int64_t id)
{
	return dbq_exec_one(dbq_bind(get(db, idx), DBQ_I(a), DBQ_I(id),
	    DBQ_I(a)));
}

/* See checkout.h. */
int
db_checkout_spend_points(struct db *db, int64_t user_id, int64_t points)
{
	return update_guarded(db, STMT_SPEND_POINTS, points, user_id);
}

/* See checkout.h. */
int
db_checkout_reserve_credit(struct db *db, int64_t user_id, int64_t usd_minor)
{
	return update_guarded(db, STMT_RESERVE_CREDIT, usd_minor, user_id);
}

/* See checkout.h. */
int
db_checkout_clear_cart(struct db *db, int64_t user_id)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_CLEAR_CART),
	    DBQ_I(user_id)), NULL);
}

/* An UPDATE with (a, id) parameters. 0 or -1. */
static int
update_plain(struct db *db, int idx, int64_t a, int64_t id)
{
	return dbq_exec_done(dbq_bind(get(db, idx), DBQ_I(a), DBQ_I(id)), NULL);
}

/* See checkout.h. */
int
db_checkout_return_points(struct db *db, int64_t user_id, int64_t points)
{
	return update_plain(db, STMT_RETURN_POINTS, points, user_id);
}

/* See checkout.h. */
int
db_checkout_release_credit(struct db *db, int64_t user_id, int64_t usd_minor)
{
	return update_plain(db, STMT_RELEASE_CREDIT, usd_minor, user_id);
}

/* See checkout.h. */
int
db_checkout_demo_points(struct db *db)
{
	static const struct {
		const char	*email;
		int64_t		 points;
	} demo[] = {
		{ "shopper.new@demo.test", 2500 },
		{ "shopper.veteran@demo.test", 10000 },
	};
	struct dbq	*q;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof(demo) / sizeof(demo[0]); i++) {
		q = get(db, STMT_DEMO_POINTS);
		if (q == NULL)
			return -1;
		dbq_bind(q, DBQ_I(demo[i].points), DBQ_S(demo[i].email));
		rc = dbq_exec(q);
		dbq_done(q);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* dbq_list fill: column 0 of the row into *arg, a char[4]. */
static void
fill_currency(struct dbq *q, void *arg)
{
	dbq_col_copy(q, 0, arg, 4);
}

/* The reference lists read into the cache, then freed. 0 or -1. */
static int
warm_lists(struct db *db)
{
	struct db_setting	*s = NULL;
	struct db_region	*r = NULL;
	struct db_country	*c = NULL;
	struct db_institution	*in = NULL;
	struct db_category	*cat = NULL;
	char			(*h)[11] = NULL;
	size_t			 n;
	int			 rc;

	rc = db_checkout_settings(db, &s, &n) == -1 ||
	    db_checkout_regions(db, &r, &n) == -1 ||
	    db_checkout_countries(db, &c, &n) == -1 ||
	    db_checkout_institutions(db, &in, &n) == -1 ||
	    db_checkout_holidays(db, &h, &n) == -1 ||
	    db_category_list(db, &cat, &n) == -1 ? -1 : 0;
	free(s);
	free(r);
	free(c);
	free(in);
	free(h);
	free(cat);
	return rc;
}

/* See checkout.h. */
int
db_checkout_warm(struct db *db, const char *day)
{
	struct dbq	*q;
	char		(*cur)[4] = NULL, rate[33];
	size_t		 n = 0, i;
	int64_t		 v = 0;
	int		 rc = -1;

	q = get(db, STMT_REF_VERSION);
	if (q == NULL || dbq_one_int(q, &v) != 1 || v <= 0)
		return -1;
	db_refdata_seen(db, (uint64_t)v);
	if (warm_lists(db) == 0 && dbq_list(get(db, STMT_CURRENCIES),
	    sizeof(*cur), fill_currency, (void **)&cur, &n) == 0) {
		rc = 0;
		for (i = 0; i < n && rc == 0; i++)
			if (db_checkout_fx_rate(db, cur[i], day, rate,
			    sizeof(rate)) == -1)
				rc = -1;
	}
	free(cur);
	db_refdata_seen(db, 0);
	return rc;
}
