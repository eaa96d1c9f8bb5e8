/*
 * Live facts for checkout (see facts.h): the database rows of the buyer,
 * the cart, the destination and the settings turned into struct facts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/said.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/fx.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/checkout.h"
#include "service/facts.h"

/* See facts.h. */
void
settle_currency(const char (*curs)[4], size_t n, char out[4])
{
	size_t i;

	snprintf(out, 4, "%s", n > 0 ? curs[0] : "USD");
	for (i = 1; i < n; i++)
		if (strcmp(curs[i], out) != 0) {
			/* C-02: mixed lines settle in USD. */
			snprintf(out, 4, "USD");
			return;
		}
}

/* See facts.h. */
int
settle_from_usd(const struct money *usd, const char *cur,
    const struct money_rate *rate, struct money *out)
{
	int		 ex = money_exponent(cur);
	__int128	 num, den;
	int64_t		 v;
	int		 i;

	if (ex < 0 || rate->num <= 0 || rate->den <= 0 ||
	    strcmp(usd->cur, "USD") != 0)
		return -1;
	if (strcmp(cur, "USD") == 0)
		return money_set(out, usd->minor, "USD");
	/* x units = usd / rate: minor_x = usd_minor * 10^ex * den /
	 * (100 * num). */
	num = (__int128)usd->minor * rate->den;
	for (i = 0; i < ex; i++)
		num *= 10;
	den = (__int128)rate->num * 100;
	if (money_div_round(num, den, &v) == -1)
		return -1;
	return money_set(out, v, cur);
}

/* See facts.h. */
int
settle_coupon(const struct db_coupon *c, const struct money *items_total,
    const struct money *items_usd, const struct money_rate *rate,
    struct money *out, char *msg, size_t msgsz)
{
	struct money_rate	 pr;
	struct money		 min;
	char			 a[MONEY_STR_MAX], b[MONEY_STR_MAX];

	money_set(out, 0, items_total->cur);
	if (!c->active) {
		snprintf(msg, msgsz, _("The coupon %s is no longer valid."),
		    c->code);
		return -1;
	}
	money_set(&min, c->min_usd_minor, "USD");
	if (items_usd->minor < c->min_usd_minor) {
		snprintf(msg, msgsz, _("The coupon %s needs an order of at "
		    "least %s; this one is %s."), c->code,
		    money_display(&min, a, sizeof(a)),
		    money_display(items_usd, b, sizeof(b)));
		return -1;
	}
	if (c->has_percent) {
		if (money_rate_parse_percent(c->percent_off,
		    strlen(c->percent_off), &pr, NULL, 0) == -1 ||
		    money_mul_rate(items_total, &pr, out) == -1) {
			snprintf(msg, msgsz, _("The coupon %s cannot be used."),
			    c->code);
			return -1;
		}
	} else {
		money_set(&min, c->amount_usd_minor, "USD");
		if (settle_from_usd(&min, items_total->cur, rate, out) == -1) {
			snprintf(msg, msgsz, _("The coupon %s cannot be used."),
			    c->code);
			return -1;
		}
	}
	if (out->minor > items_total->minor)
		out->minor = items_total->minor;
	return 0;
}

/* See facts.h. */
int
settle_points(int64_t want, int64_t balance, const struct money *remaining,
    const struct money_rate *rate, int64_t *used, struct money *amount)
{
	struct money	usd, pv;

	*used = 0;
	money_set(amount, 0, remaining->cur);
	if (want <= 0 || balance <= 0 || remaining->minor <= 0)
		return 0;
	if (fx_to_usd_rate(remaining, rate, &usd) == -1)
		return -1;
	*used = want;
	if (*used > balance)
		*used = balance;
	if (*used > usd.minor)
		*used = usd.minor;
	money_set(&pv, *used, "USD");
	if (settle_from_usd(&pv, remaining->cur, rate, amount) == -1)
		return -1;
	if (amount->minor > remaining->minor)
		amount->minor = remaining->minor;
	return 0;
}

/* See facts.h. */
int
facts_business_days(const struct facts_live *l, mp_date from, int n,
    mp_date *out)
{
	return mp_date_add_business_days(from, n, l->holidays, l->nholidays,
	    out);
}

/* See facts.h. */
void
facts_load_cleanup(struct facts_live *l)
{
	if (l == NULL)
		return;
	facts_cleanup(&l->f);
	free(l->lines);
	free(l->line_totals);
	free(l->unit_prices);
	free(l->regions);
	free(l->countries);
	free(l->insts);
	free(l->holidays);
	free(l->buyer.refusals);
	memset(l, 0, sizeof(*l));
}

/* The integer value of setting name in s (n entries), or dflt. */
static int64_t
setting_int(const struct db_setting *s, size_t n, const char *name,
    int64_t dflt)
{
	size_t	 i;
	char	*end;
	long long v;

	for (i = 0; i < n; i++)
		if (strcmp(s[i].name, name) == 0) {
			v = strtoll(s[i].value, &end, 10);
			if (end != s[i].value && *end == '\0')
				return v;
			log_warn("settings: %s is not an integer", name);
		}
	return dflt;
}

/* Set *m to USD minor units v. */
static void
usd(struct money *m, int64_t v)
{
	money_set(m, v, "USD");
}

/* Fill the settings part of l->f from the settings table. */
static int
load_settings(struct db *db, struct facts_live *l)
{
	struct db_setting	*s;
	size_t			 n;
	struct settings_facts	*st = &l->f.settings;
	int64_t			 v;

	if (db_checkout_settings(db, &s, &n) == -1)
		return -1;
	st->platform_min_credit_score = setting_int(s, n,
	    "platform_min_credit_score", st->platform_min_credit_score);
	st->pau_min_credit_score = setting_int(s, n, "pau_min_credit_score",
	    st->pau_min_credit_score);
	usd(&st->inst_min_usd, setting_int(s, n, "inst_min_usd_minor",
	    st->inst_min_usd.minor));
	usd(&st->inst_low_threshold_usd, setting_int(s, n,
	    "inst_low_min_usd_minor", st->inst_low_threshold_usd.minor));
	usd(&st->inst_b2b_orders_usd_90d, setting_int(s, n,
	    "inst_b2b_min_completed_usd_minor",
	    st->inst_b2b_orders_usd_90d.minor));
	usd(&st->credit_line_max_usd, setting_int(s, n,
	    "credit_line_max_usd_minor", st->credit_line_max_usd.minor));
	usd(&st->cod_b2c_max_usd, setting_int(s, n, "cod_b2c_max_usd_minor",
	    st->cod_b2c_max_usd.minor));
	st->cod_full_limit_usd = st->cod_b2c_max_usd;
	usd(&st->cod_start_limit_usd, setting_int(s, n,
	    "cod_new_max_usd_minor", st->cod_start_limit_usd.minor));
	/* COD-07: "more than 5" is stored as the first veteran count, 6. */
	v = setting_int(s, n, "cod_veteran_min_orders",
	    st->cod_ladder_orders + 1);
	st->cod_ladder_orders = v - 1;
	st->cod_max_delivery_days = setting_int(s, n, "cod_max_delivery_days",
	    st->cod_max_delivery_days);
	st->cod_refusals_to_suspend = setting_int(s, n,
	    "cod_refusals_to_suspend", st->cod_refusals_to_suspend);
	st->cod_suspension_months = (int32_t)setting_int(s, n,
	    "cod_suspend_months", st->cod_suspension_months);
	usd(&st->rem_b2c_max_usd, setting_int(s, n,
	    "remittance_b2c_max_usd_minor", st->rem_b2c_max_usd.minor));
	l->inst_b2b_window_days = setting_int(s, n,
	    "inst_b2b_completed_window_days", 90);
	l->remittance_window_days = setting_int(s, n, "remittance_window_days",
	    30);
	free(s);
	return 0;
}

/* Regions, countries, institutions and holidays into l and l->f. */
static int
load_reference(struct db *db, struct facts_live *l, char *err, size_t errsz)
{
	struct cod_region	*cr;
	struct country_limit	*cl;
	struct institution	*in;
	char			(*hd)[11] = NULL;
	size_t			 i, nh;
	enum inst_method	 m;
	const char		*p;
	char			*end;
	long			 t;

	if (db_checkout_regions(db, &l->regions, &l->nregions) == -1 ||
	    db_checkout_countries(db, &l->countries, &l->ncountries) == -1 ||
	    db_checkout_institutions(db, &l->insts, &l->ninsts) == -1 ||
	    db_checkout_holidays(db, &hd, &nh) == -1) {
		snprintf(err, errsz, "database error");
		return -1;
	}
	l->holidays = xcalloc(nh + 1, sizeof(*l->holidays));
	for (i = 0; i < nh; i++)
		if (mp_date_parse(hd[i], strlen(hd[i]),
		    &l->holidays[l->nholidays]) == 0)
			l->nholidays++;
	free(hd);
	facts_clear_cod_regions(&l->f);
	for (i = 0; i < l->nregions; i++) {
		if (!l->regions[i].cod_supported)
			continue;	/* COD-03 */
		cr = facts_add_cod_region(&l->f);
		snprintf(cr->id, sizeof(cr->id), "%s", l->regions[i].code);
		cr->has_max = l->regions[i].has_cod_max;
		usd(&cr->max_usd, l->regions[i].cod_max_usd_minor);
		if (money_rate_parse_percent(l->regions[i].cod_fee_percent,
		    strlen(l->regions[i].cod_fee_percent), &cr->fee, NULL,
		    0) == -1)
			cr->fee = l->f.settings.cod_default_fee;
	}
	for (i = 0; i < l->ncountries; i++) {
		if (l->countries[i].high_risk)
			facts_add_high_risk_country(&l->f,
			    l->countries[i].code);
		if (l->countries[i].has_rem_limit) {
			cl = facts_add_remittance_limit(&l->f);
			snprintf(cl->country, sizeof(cl->country), "%s",
			    l->countries[i].code);
			usd(&cl->max_usd, l->countries[i].rem_limit_usd_minor);
		}
	}
	facts_clear_institutions(&l->f);
	for (i = 0; i < l->ninsts; i++) {
		if (inst_method_from_name(l->insts[i].method, &m) == -1)
			continue;
		in = facts_add_institution(&l->f);
		facts_institution_defaults(&l->f, in, m, l->insts[i].id);
		in->low_threshold = l->insts[i].low_threshold;
		usd(&in->min_usd, l->insts[i].min_usd_minor);
		in->nterms = 0;
		for (p = l->insts[i].terms; *p != '\0' &&
		    in->nterms < FACTS_TERMS_MAX; ) {
			t = strtol(p, &end, 10);
			if (end == p)
				break;
			if (t > 0)
				in->terms[in->nterms++] = (int)t;
			p = *end == ',' ? end + 1 : end;
		}
		money_rate_parse_percent(l->insts[i].monthly_rate,
		    strlen(l->insts[i].monthly_rate), &in->monthly_rate, NULL,
		    0);
		in->fee_mode = strcmp(l->insts[i].fee_mode, "upfront") == 0 ?
		    FEE_UPFRONT : FEE_SPREAD;
		in->waives_future_fees = l->insts[i].waives_future_fees;
		money_rate_parse_percent(l->insts[i].late_fee_rate,
		    strlen(l->insts[i].late_fee_rate), &in->late_fee_rate,
		    NULL, 0);
	}
	return 0;
}

/* cod: add the buyer's counted COD refusal dates (COD-F2, read
 * with the buyer's row) to l->f. */
static void
add_cod_refusals(struct facts_live *l)
{
	size_t	 i;
	mp_date	 d;

	for (i = 0; i < l->buyer.nrefusals; i++)
		if (mp_date_parse(l->buyer.refusals[i], 10, &d) == 0)
			facts_add_refusal(&l->f, d);
}

/* The buyer's facts from l->buyer (and the company's completed orders). */
static int
load_buyer(struct db *db, struct facts_live *l, int64_t now)
{
	struct buyer_facts	*b = &l->f.buyer;
	const struct db_buyer	*r = &l->buyer;

	b->type = r->is_company ? BUYER_COMPANY : BUYER_PERSON;
	/* identity: INST-01 from the latest verified identity check, the
	 * score (INST-02, PAU-01) from the credit consent in force, 0 when
	 * none or withdrawn (db/checkout.c, service/identity.h). */
	b->real_name_verified = r->real_name_verified;
	b->has_credit_score = r->credit_score > 0;
	b->credit_score = r->credit_score;
	b->bad_payment_record = r->bad_payment_record;
	b->installment_suspended = r->installment_suspended;
	b->cod.completed_orders = r->cod_completed_orders;
	b->cod.violations = r->cod_violations;
	b->cod.revoked = r->cod_revoked;
	if (r->cod_suspended_until[0] != '\0' &&
	    mp_date_parse(r->cod_suspended_until,
	    strlen(r->cod_suspended_until), &b->cod.suspended_until) == 0)
		b->cod.has_suspended_until = 1;
	b->has_credit_line = r->credit_limit_usd_minor > 0;
	usd(&b->credit_line_limit_usd, r->credit_limit_usd_minor);
	usd(&b->credit_line_used_usd, r->credit_used_usd_minor);
	if (!r->is_company)
		return 0;
	b->has_company = 1;
	b->company.qualification_verified =
	    r->qualification_status == QS_VERIFIED;
	if (r->qualification_expires[0] != '\0' &&
	    mp_date_parse(r->qualification_expires,
	    strlen(r->qualification_expires),
	    &b->company.qualification_expires) == 0)
		b->company.has_qualification_expires = 1;
	b->company.has_cod_agreement = r->long_term_agreement &&
	    r->has_cod_limit;
	usd(&b->company.cod_agreement_limit_usd,
	    r->cod_agreement_limit_usd_minor);
	b->company.has_remittance_quota = r->has_remittance_quota;
	usd(&b->company.remittance_quota_usd, r->remittance_quota_usd_minor);
	/* INST-04: completed orders of the window, each at its own rate. */
	usd(&b->company.completed_orders_usd_90d, 0);
	return facts_company_completed_usd(db, r->company_id,
	    now - l->inst_b2b_window_days * 86400,
	    &b->company.completed_orders_usd_90d);
}

/* See facts.h. */
int
facts_company_completed_usd(struct db *db, int64_t company_id,
    int64_t since, struct money *total)
{
	struct db_completed	*c;
	struct money_rate	 rate;
	struct money		 m, u;
	size_t			 i, n;

	if (db_checkout_company_completed(db, company_id, since, &c, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (money_set(&m, c[i].amount_minor, c[i].currency) == -1 ||
		    fx_rate_parse(c[i].usd_per_unit,
		    strlen(c[i].usd_per_unit), &rate, NULL, 0) == -1 ||
		    fx_to_usd_rate(&m, &rate, &u) == -1)
			continue;
		money_add(total, &u, total);
	}
	free(c);
	return 0;
}

/* Cart line i of l (settling in l->currency) on day: its unit price
 * (in USD at day's rate when the cart mixes currencies) and line total
 * into l->unit_prices and l->line_totals, added to l->items_total, and its
 * item facts. 0, or -1 with err. */
static int
cart_line(struct db *db, struct facts_live *l, size_t i, const char *day,
    char *err, size_t errsz)
{
	char			 rate[33];
	struct money_rate	 r;
	struct money		 line, lu;
	struct item_facts	*it;

	if (money_set(&line, l->lines[i].price_minor,
	    l->lines[i].currency) == -1) {
		snprintf(err, errsz, "bad price");
		return -1;
	}
	if (strcmp(line.cur, l->currency) != 0) {
		/* Mixed cart: the unit price in USD at today's rate. */
		if (db_checkout_fx_rate(db, line.cur, day, rate,
		    sizeof(rate)) != 1 ||
		    fx_rate_parse(rate, strlen(rate), &r, NULL, 0) ==
		    -1 || fx_to_usd_rate(&line, &r, &lu) == -1) {
			snprintf(err, errsz, "no exchange rate for %s "
			    "on %s", line.cur, day);
			return -1;
		}
		line = lu;
	}
	l->unit_prices[i] = line;
	if (money_mul_int(&line, l->lines[i].qty, &line) == -1) {
		snprintf(err, errsz, "bad price");
		return -1;
	}
	l->line_totals[i] = line;
	if (money_add(&l->items_total, &line, &l->items_total) == -1) {
		snprintf(err, errsz, "total overflows");
		return -1;
	}
	it = facts_add_item(&l->f);
	snprintf(it->category, sizeof(it->category), "%.63s",
	    l->lines[i].category);
	it->durable = l->lines[i].durable;
	it->high_value = l->lines[i].high_value;
	it->pre_order = l->lines[i].pre_order;
	it->customized = l->lines[i].customized;
	it->special_customs = l->lines[i].special_customs;
	it->pay_after_use = l->lines[i].pay_after_use;
	if (l->lines[i].flash_sale)
		l->f.order.flash_sale = 1;
	return 0;
}

/* The cart's lines (read) settled: the settlement currency and rate, and
 * the item facts. */
static int
load_cart(struct db *db, struct facts_live *l, const char *day, char *err,
    size_t errsz)
{
	char			(*curs)[4];
	size_t			 i;
	int			 mixed;

	if (l->nlines == 0)
		return 1;
	curs = xcalloc(l->nlines, sizeof(*curs));
	for (i = 0; i < l->nlines; i++)
		memcpy(curs[i], l->lines[i].currency, 4);
	settle_currency(curs, l->nlines, l->currency);
	free(curs);
	mixed = 0;
	for (i = 0; i < l->nlines; i++)
		if (strcmp(l->lines[i].currency, l->currency) != 0)
			mixed = 1;
	if (db_checkout_fx_rate(db, l->currency, day, l->usd_per_unit,
	    sizeof(l->usd_per_unit)) != 1) {
		snprintf(err, errsz, "no exchange rate for %s on %s",
		    l->currency, day);
		return -1;
	}
	if (strcmp(l->currency, "USD") == 0)
		snprintf(l->usd_per_unit, sizeof(l->usd_per_unit), "1");
	money_set(&l->items_total, 0, l->currency);
	l->line_totals = xcalloc(l->nlines, sizeof(*l->line_totals));
	l->unit_prices = xcalloc(l->nlines, sizeof(*l->unit_prices));
	for (i = 0; i < l->nlines; i++)
		if (cart_line(db, l, i, day, err, errsz) == -1)
			return -1;
	if (mixed)
		said_store(l->settlement_note, sizeof(l->settlement_note),
		    SAID_SETTLES_MIXED, day, NULL, NULL);
	else if (strcmp(l->currency, "USD") == 0)
		said_store(l->settlement_note, sizeof(l->settlement_note),
		    SAID_SETTLES_USD, NULL, NULL, NULL);
	else
		said_store(l->settlement_note, sizeof(l->settlement_note),
		    SAID_SETTLES_IN, l->currency, l->usd_per_unit, day);
	return 0;
}

/* The destination country (code, may be unknown) of the order into
 * l->country, its region into l->region and the shipping facts
 * (COD-03/05, INST-08, REM-01). */
static void
set_destination(struct facts_live *l, const char *country)
{
	size_t i;

	for (i = 0; i < l->ncountries; i++)
		if (strcmp(l->countries[i].code, country) == 0)
			l->country = &l->countries[i];
	if (l->country != NULL)
		for (i = 0; i < l->nregions; i++)
			if (strcmp(l->regions[i].code,
			    l->country->region_code) == 0)
				l->region = &l->regions[i];
	if (l->country != NULL) {
		struct shipping_facts *sh = &l->f.order.shipping;

		snprintf(sh->country, sizeof(sh->country), "%s",
		    l->country->code);
		snprintf(sh->region, sizeof(sh->region), "%s",
		    l->country->region_code);
		sh->delivery_days = l->country->delivery_days >= 0 ?
		    l->country->delivery_days : l->region != NULL ?
		    l->region->delivery_days : 0;
	}
}

/* C-03: in's coupon, then its points, on what is left of l's items total
 * (rate: USD per unit of l->currency) into l->coupon, l->points_used and
 * l->points_amount, with the shopper's messages. 0, or -1 with err. */
static int
settle_discounts(struct db *db, struct facts_live *l,
    const struct checkout_input *in, const struct money_rate *rate,
    char *err, size_t errsz)
{
	struct db_coupon	cp;
	struct money		rem;
	int			rc;

	money_set(&l->coupon, 0, l->currency);
	if (in->coupon[0] != '\0') {
		rc = db_checkout_coupon(db, in->coupon, &cp);
		if (rc == -1) {
			snprintf(err, errsz, "database error");
			return -1;
		}
		if (rc == 0)
			snprintf(l->coupon_msg, sizeof(l->coupon_msg),
			    _("There is no coupon %s. Check the code and try "
			    "again."), in->coupon);
		else if (settle_coupon(&cp, &l->items_total,
		    &l->items_total_usd, rate, &l->coupon, l->coupon_msg,
		    sizeof(l->coupon_msg)) == 0)
			snprintf(l->coupon_code, sizeof(l->coupon_code), "%s",
			    cp.code);
	}
	money_sub(&l->items_total, &l->coupon, &rem);
	if (settle_points(in->points, l->buyer.points, &rem, rate,
	    &l->points_used, &l->points_amount) == -1) {
		snprintf(err, errsz, "points overflow");
		return -1;
	}
	if (in->points > l->buyer.points)
		snprintf(l->points_msg, sizeof(l->points_msg),
		    ngettext("You have %lld point; %lld are used.",
		    "You have %lld points; %lld are used.",
		    (unsigned long)l->buyer.points),
		    (long long)l->buyer.points, (long long)l->points_used);
	return 0;
}

/* See facts.h. */
int
facts_load(struct db *db, int64_t user_id, const struct checkout_input *in,
    int64_t now, struct facts_live *l, char *err, size_t errsz)
{
	struct db_checkout_read	rd;
	int			rc;

	memset(l, 0, sizeof(*l));
	if ((rc = db_checkout_read(db, user_id, NULL, &rd)) != 1) {
		snprintf(err, errsz, rc == 0 ? "no such user" :
		    "database error");
		return -1;
	}
	rc = facts_load_read(db, in, now, &rd, l, err, errsz);
	db_checkout_read_cleanup(&rd);
	return rc;
}

/* See facts.h. */
int
facts_load_read(struct db *db, const struct checkout_input *in, int64_t now,
    struct db_checkout_read *rd, struct facts_live *l, char *err,
    size_t errsz)
{
	struct money_rate	 rate;
	char			 day[11];
	int			 rc;

	memset(l, 0, sizeof(*l));
	facts_defaults(&l->f);
	if (mp_date_from_unix(now, &l->today) == -1) {
		snprintf(err, errsz, "bad date");
		return -1;
	}
	l->f.now = l->today;
	mp_date_str(l->today, day, sizeof(day));
	if (load_settings(db, l) == -1 ||
	    load_reference(db, l, err, errsz) == -1) {
		snprintf(err, errsz, "database error");
		return -1;
	}
	/* The buyer and the cart as read (moved in: *rd keeps nothing). */
	l->buyer = rd->buyer;
	l->lines = rd->lines;
	l->nlines = rd->nlines;
	memset(&rd->buyer, 0, sizeof(rd->buyer));
	rd->lines = NULL;
	rd->nlines = 0;
	/* cod: the dates of refusals without a valid reason
	 * (COD-F2) for cod_refusal_suspension. */
	add_cod_refusals(l);
	if (load_buyer(db, l, now) == -1) {
		snprintf(err, errsz, "database error");
		return -1;
	}
	if ((rc = load_cart(db, l, day, err, errsz)) != 0)
		return rc;
	if (fx_rate_parse(l->usd_per_unit, strlen(l->usd_per_unit), &rate,
	    NULL, 0) == -1 || fx_to_usd_rate(&l->items_total, &rate,
	    &l->items_total_usd) == -1) {
		snprintf(err, errsz, "bad exchange rate %s", l->usd_per_unit);
		return -1;
	}
	set_destination(l, in->country);
	/* remittance: an urgent order (REM-03). */
	l->f.order.shipping.expedited = in->expedited != 0;
	if (settle_discounts(db, l, in, &rate, err, errsz) == -1)
		return -1;
	snprintf(l->f.order.currency, sizeof(l->f.order.currency), "%s",
	    l->currency);
	snprintf(l->f.order.usd_per_unit, sizeof(l->f.order.usd_per_unit),
	    "%s", l->usd_per_unit);
	l->f.order.items_total = l->items_total;
	l->f.order.coupons = l->coupon;
	l->f.order.points = l->points_amount;
	return 0;
}
