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

/* The buyer's facts (STMT_BUYER): identity (INST-01, INST-02, PAU-01):
 * verified from the latest verified identity check, the score from the
 * consent in force (sql/020_identity.sql); 0 when none. BUYER_N columns,
 * read by buyer_at(). */
#define BUYER_COLS \
	"u.kind, u.company_id, EXISTS (SELECT 1 FROM identity_checks " \
	"ic WHERE ic.user_id = u.id AND ic.status = 'verified'), " \
	"COALESCE((SELECT cc.score FROM credit_consents cc WHERE " \
	"cc.user_id = u.id AND cc.withdrawn_at IS NULL ORDER BY cc.id DESC " \
	"LIMIT 1), 0), " \
	"u.bad_payment_record, u.installment_suspended, " \
	"u.cod_completed_orders, u.cod_violations, u.cod_revoked, " \
	"u.cod_suspended_until, u.credit_limit_usd_minor, " \
	"u.credit_used_usd_minor, u.points, c.qualification_status, " \
	"c.qualification_expires, c.long_term_agreement, " \
	"c.cod_agreement_limit_usd_minor, c.remittance_quota_usd_minor, " \
	/* COD-F2's counted refusal dates in the same round trip. */ \
	"(SELECT GROUP_CONCAT(r.refused_on ORDER BY r.refused_on " \
	"SEPARATOR ',') FROM cod_refusals r WHERE r.user_id = u.id AND " \
	"r.counted = 1), COALESCE(u.language, '') "
#define BUYER_FROM \
	"FROM users u LEFT JOIN companies c ON c.id = u.company_id "
#define BUYER_N		20
/* The cart's lines: CART_N columns, read by cart_at(). */
#define CART_COLS \
	"p.id, i.qty, p.name, p.price_minor, p.currency, c.slug, " \
	"c.durable, (p.high_value OR c.high_value), p.pre_order, " \
	"p.customized, p.special_customs, p.pay_after_use, p.flash_sale "
#define CART_FROM \
	"FROM carts k JOIN cart_items i ON i.cart_id = k.id " \
	"JOIN products p ON p.id = i.product_id " \
	"JOIN categories c ON c.id = p.category_id "
#define CART_N		13
/* SQL NULLs filling the columns of the other row kinds of STMT_READ. */
#define NUL9	"NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
#define NUL10	NUL9 "NULL, "
#define NUL13	NUL10 "NULL, NULL, NULL, "
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
	"SELECT name, value FROM settings ORDER BY name",
	/* STMT_REGIONS */
	"SELECT code, name, cod_supported, cod_fee_percent, cod_max_usd_minor, "
	"delivery_days, domestic FROM regions ORDER BY code",
	/* STMT_COUNTRIES */
	"SELECT code, name, region_code, delivery_days, installment_high_risk, "
	"remittance_limit_usd_minor FROM countries ORDER BY name",
	/* STMT_INSTITUTIONS */
	"SELECT id, name, method, min_usd_minor, low_threshold, terms, "
	"monthly_rate, fee_mode, waives_future_fees, late_fee_rate "
	"FROM institutions WHERE enabled = 1 ORDER BY method, id",
	/* STMT_HOLIDAYS */
	"SELECT day FROM holidays ORDER BY day",
	/* STMT_FX */
	"SELECT usd_per_unit FROM fx_rates WHERE currency = ? AND "
	"effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
	/* STMT_BUYER */
	/* identity (INST-01, INST-02, PAU-01): verified from the latest
	 * verified identity check, the score from the consent in force
	 * (sql/020_identity.sql); 0 when none. */
	"SELECT " BUYER_COLS BUYER_FROM "WHERE u.id = ?",
	/* STMT_COMPLETED */
	"SELECT amount_due_minor, currency, usd_per_unit "
	"FROM orders WHERE company_id = ? AND completed_at >= ? "
	"AND status = 'completed'",
	/* STMT_COUPON */
	"SELECT code, description, percent_off, amount_usd_minor, "
	"min_usd_minor, active FROM coupons WHERE code = ?",
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
	"SELECT " BUYER_COLS ", " NUL13 NUL10 "NULL, 0 AS rk, 0 AS k1, "
	"0 AS k2 " BUYER_FROM "WHERE u.id = ? "
	"UNION ALL (SELECT " NUL10 NUL10 CART_COLS ", " NUL10 "NULL, 1, p.id, "
	"0 " CART_FROM "WHERE k.user_id = ? ORDER BY p.id" DBQ_PART_END
	"UNION ALL (SELECT " NUL10 NUL10 NUL13 DB_ADDRESS_COLS ", NULL, 2, "
	"1 - a.is_default, a.id " DB_ADDRESS_BOOK_OF_USER
	"ORDER BY a.is_default DESC, a.id" DBQ_PART_END
	/* the order the request key placed (3): its id, its parameters */
	"UNION ALL SELECT " NUL10 NUL10 NUL13 NUL10 "COALESCE(o.params_hash, "
	"''), 3, o.id, 0 FROM orders o WHERE o.user_id = ? AND "
	"o.idempotency_key = ?",
	/* STMT_REF_VERSION */
	"SELECT version FROM refdata_version WHERE id = 1",
	/* STMT_CURRENCIES: the currencies a cart's lines can be in */
	"SELECT DISTINCT currency FROM products ORDER BY currency",
};

/* Copy column col into out. */
#define COL(q, col, out)	snprintf((out), sizeof(out), "%s", \
				    dbq_col_str((q), (col), NULL))

typedef void (*fill_fn)(struct dbq *, void *);

/* Run statement idx with up to two bound values (a string s1 or, when
 * NULL, integer i1 if use_i1; then s2 or i2), append one element of size
 * elsz per row filled by fill. Returns 0 or -1 (nothing to free). */
static int
run_list(struct db *db, int idx, const char *s1, int64_t i1, int use_i1,
    const char *s2, int64_t i2, int use_i2, size_t elsz, fill_fn fill,
    void **out, size_t *n)
{
	struct dbq	*q;

	q = dbq_get(db, DB_T_CHECKOUT, idx, stmts[idx]);
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
	return dbq_list(q, elsz, fill, out, n);
}

/* run_list of a parameterless reference statement idx through the
 * connection's cache (refcache.h) as list. Same contract as run_list. */
static int
cached_list(struct db *db, int idx, enum ref_list list, size_t elsz,
    fill_fn fill, void **out, size_t *n)
{
	if (refcache_get(db, list, elsz, out, n) == 1)
		return 0;
	if (run_list(db, idx, NULL, 0, 0, NULL, 0, 0, elsz, fill, out, n) ==
	    -1)
		return -1;
	refcache_put(db, list, elsz, *out, *n);
	return 0;
}

/* Row fillers, one per statement. */
static void
fill_setting(struct dbq *q, void *p)
{
	struct db_setting *s = p;

	COL(q, 0, s->name);
	COL(q, 1, s->value);
}

static void
fill_region(struct dbq *q, void *p)
{
	struct db_region *r = p;

	COL(q, 0, r->code);
	COL(q, 1, r->name);
	r->cod_supported = (int)dbq_col_int(q, 2);
	COL(q, 3, r->cod_fee_percent);
	r->has_cod_max = !dbq_col_null(q, 4);
	r->cod_max_usd_minor = dbq_col_int(q, 4);
	r->delivery_days = (int)dbq_col_int(q, 5);
	r->domestic = (int)dbq_col_int(q, 6);
}

static void
fill_country(struct dbq *q, void *p)
{
	struct db_country *c = p;

	COL(q, 0, c->code);
	COL(q, 1, c->name);
	COL(q, 2, c->region_code);
	c->delivery_days = dbq_col_null(q, 3) ? -1 : (int)dbq_col_int(q, 3);
	c->high_risk = (int)dbq_col_int(q, 4);
	c->has_rem_limit = !dbq_col_null(q, 5);
	c->rem_limit_usd_minor = dbq_col_int(q, 5);
}

static void
fill_institution(struct dbq *q, void *p)
{
	struct db_institution *i = p;

	COL(q, 0, i->id);
	COL(q, 1, i->name);
	COL(q, 2, i->method);
	i->min_usd_minor = dbq_col_int(q, 3);
	i->low_threshold = (int)dbq_col_int(q, 4);
	COL(q, 5, i->terms);
	COL(q, 6, i->monthly_rate);
	COL(q, 7, i->fee_mode);
	i->waives_future_fees = (int)dbq_col_int(q, 8);
	COL(q, 9, i->late_fee_rate);
}

static void
fill_holiday(struct dbq *q, void *p)
{
	dbq_col_copy(q, 0, p, 11);
}

static void
fill_completed(struct dbq *q, void *p)
{
	struct db_completed *c = p;

	c->amount_minor = dbq_col_int(q, 0);
	COL(q, 1, c->currency);
	COL(q, 2, c->usd_per_unit);
}

/* Read the CART_COLS of the current row of q, from column c, into *l. */
static void
cart_at(struct dbq *q, int c, struct db_cart_line *l)
{
	l->product_id = dbq_col_int(q, c);
	l->qty = (int)dbq_col_int(q, c + 1);
	COL(q, c + 2, l->name);
	l->price_minor = dbq_col_int(q, c + 3);
	COL(q, c + 4, l->currency);
	COL(q, c + 5, l->category);
	l->durable = (int)dbq_col_int(q, c + 6);
	l->high_value = (int)dbq_col_int(q, c + 7);
	l->pre_order = (int)dbq_col_int(q, c + 8);
	l->customized = (int)dbq_col_int(q, c + 9);
	l->special_customs = (int)dbq_col_int(q, c + 10);
	l->pay_after_use = (int)dbq_col_int(q, c + 11);
	l->flash_sale = (int)dbq_col_int(q, c + 12);
}

/* See checkout.h. */
int
db_checkout_settings(struct db *db, struct db_setting **out, size_t *n)
{
	return cached_list(db, STMT_SETTINGS, REF_SETTINGS, sizeof(**out), fill_setting,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_regions(struct db *db, struct db_region **out, size_t *n)
{
	return cached_list(db, STMT_REGIONS, REF_REGIONS, sizeof(**out), fill_region,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_countries(struct db *db, struct db_country **out, size_t *n)
{
	return cached_list(db, STMT_COUNTRIES, REF_COUNTRIES, sizeof(**out), fill_country,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_institutions(struct db *db, struct db_institution **out,
    size_t *n)
{
	return cached_list(db, STMT_INSTITUTIONS, REF_INSTITUTIONS, sizeof(**out), fill_institution,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_holidays(struct db *db, char (**out)[11], size_t *n)
{
	return cached_list(db, STMT_HOLIDAYS, REF_HOLIDAYS, sizeof(**out), fill_holiday,
	    (void **)out, n);
}

/* See checkout.h. */
int
db_checkout_company_completed(struct db *db, int64_t company_id,
    int64_t since, struct db_completed **out, size_t *n)
{
	return run_list(db, STMT_COMPLETED, NULL, company_id, 1, NULL, since,
	    1, sizeof(**out), fill_completed, (void **)out, n);
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
	q = dbq_get(db, DB_T_CHECKOUT, STMT_FX, stmts[STMT_FX]);
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
	b->is_company = strcmp(dbq_col_str(q, c, NULL),
	    "company_member") == 0;
	b->company_id = dbq_col_int(q, c + 1);
	b->real_name_verified = (int)dbq_col_int(q, c + 2);
	b->credit_score = dbq_col_int(q, c + 3);
	b->bad_payment_record = (int)dbq_col_int(q, c + 4);
	b->installment_suspended = (int)dbq_col_int(q, c + 5);
	b->cod_completed_orders = dbq_col_int(q, c + 6);
	b->cod_violations = dbq_col_int(q, c + 7);
	b->cod_revoked = (int)dbq_col_int(q, c + 8);
	COL(q, c + 9, b->cod_suspended_until);
	b->credit_limit_usd_minor = dbq_col_int(q, c + 10);
	b->credit_used_usd_minor = dbq_col_int(q, c + 11);
	b->points = dbq_col_int(q, c + 12);
	if (qual_status_parse(dbq_col_str(q, c + 13, NULL),
	    &b->qualification_status) == -1)
		b->qualification_status = QS_UNVERIFIED; /* NULL: a person */
	COL(q, c + 14, b->qualification_expires);
	b->long_term_agreement = (int)dbq_col_int(q, c + 15);
	b->has_cod_limit = !dbq_col_null(q, c + 16);
	b->cod_agreement_limit_usd_minor = dbq_col_int(q, c + 16);
	b->has_remittance_quota = !dbq_col_null(q, c + 17);
	b->remittance_quota_usd_minor = dbq_col_int(q, c + 17);
	split_days(dbq_col_str(q, c + 18, NULL), &b->refusals, &b->nrefusals);
	COL(q, c + 19, b->language);
}

/* See checkout.h. */
int
db_checkout_buyer(struct db *db, int64_t user_id, struct db_buyer *b)
{
	struct dbq	*q;
	int		 rc = -1;

	memset(b, 0, sizeof(*b));
	q = dbq_get(db, DB_T_CHECKOUT, STMT_BUYER, stmts[STMT_BUYER]);
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
	q = dbq_get(db, DB_T_CHECKOUT, STMT_READ, stmts[STMT_READ]);
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
				cart_at(q, READ_C_CART, xappend((void **)
				    &r->lines, &r->nlines, &cl,
				    sizeof(*r->lines)));
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
	struct dbq	*q;
	int		 rc = -1;

	memset(c, 0, sizeof(*c));
	q = dbq_get(db, DB_T_CHECKOUT, STMT_COUPON, stmts[STMT_COUPON]);
	if (q == NULL)
		return -1;
	dbq_cstr(q, code);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1) {
		COL(q, 0, c->code);
		COL(q, 1, c->description);
		c->has_percent = !dbq_col_null(q, 2);
		COL(q, 2, c->percent_off);
		c->amount_usd_minor = dbq_col_int(q, 3);
		c->min_usd_minor = dbq_col_int(q, 4);
		c->active = (int)dbq_col_int(q, 5);
	}
	dbq_done(q);
	return rc;
}

/* An UPDATE with (a, id, a) parameters: 1 one row, 0 none, -1 error. */
static int
update_guarded(struct db *db, int idx, int64_t a, int64_t id)
{
	return dbq_exec_one(dbq_bind(dbq_get(db, DB_T_CHECKOUT, idx,
	    stmts[idx]), DBQ_I(a), DBQ_I(id), DBQ_I(a)));
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
	return dbq_exec_done(dbq_bind(dbq_get(db, DB_T_CHECKOUT,
	    STMT_CLEAR_CART, stmts[STMT_CLEAR_CART]), DBQ_I(user_id)), NULL);
}

/* An UPDATE with (a, id) parameters. 0 or -1. */
static int
update_plain(struct db *db, int idx, int64_t a, int64_t id)
{
	return dbq_exec_done(dbq_bind(dbq_get(db, DB_T_CHECKOUT, idx,
	    stmts[idx]), DBQ_I(a), DBQ_I(id)), NULL);
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
		q = dbq_get(db, DB_T_CHECKOUT, STMT_DEMO_POINTS,
		    stmts[STMT_DEMO_POINTS]);
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

	q = dbq_get(db, DB_T_CHECKOUT, STMT_REF_VERSION,
	    stmts[STMT_REF_VERSION]);
	if (q == NULL || dbq_one_int(q, &v) != 1 || v <= 0)
		return -1;
	db_refdata_seen(db, (uint64_t)v);
	if (warm_lists(db) == 0 && dbq_list(dbq_get(db, DB_T_CHECKOUT,
	    STMT_CURRENCIES, stmts[STMT_CURRENCIES]), sizeof(*cur),
	    fill_currency, (void **)&cur, &n) == 0) {
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
