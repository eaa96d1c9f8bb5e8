/*
 * The admin console's use cases (see admin.h). Each change is one
 * transaction with its audit events (RULES C-07); every figure the rules
 * read is checked against the range RULES.md gives before it is stored.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/log.h"
#include "core/money.h"
#include "db/admin.h"
#include "db/admin_settings.h"
#include "db/db.h"
#include "db/event.h"
#include "db/order.h"
#include "rules/facts.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/orderflow.h"
#include "service/plans.h"

#define PCT(whole, hundredths)	((int64_t)(whole) * 10000 + (hundredths) * 100)

static const char *const inst_methods[] = {
	"installment_card", "installment_partner", "installment_corporate",
	"credit_line", NULL
};
static const char *const fee_modes[] = { "spread", "upfront", NULL };

static const struct admin_field inst_fields[] = {
	{ "method", "Method", AF_CHOICE, 0, 0, 0, inst_methods, NULL },
	{ "min_usd_minor", "Minimum amount (USD)", AF_USD, 0, 0, 100000000,
	  NULL, "INST-05" },
	{ "low_threshold", "Low threshold", AF_BOOL, 0, 0, 1, NULL, "INST-05" },
	{ "terms", "Terms (months)", AF_TERMS, 0, 0, 0, NULL, NULL },
	{ "monthly_rate", "Monthly rate (%)", AF_RATE, 0, 0, PCT(3, 0), NULL,
	  NULL },
	{ "fee_mode", "Fee mode", AF_CHOICE, 0, 0, 0, fee_modes, "INST-M3" },
	{ "waives_future_fees", "Waives future fees", AF_BOOL, 0, 0, 1, NULL,
	  "INST-F3" },
	{ "late_fee_rate", "Late fee (% a day)", AF_RATE, 0, 0, PCT(0, 10),
	  NULL, "INST-F1" },
	{ "enabled", "Enabled", AF_BOOL, 0, 0, 1, NULL, NULL },
};

static const struct admin_field region_fields[] = {
	{ "cod_supported", "COD supported", AF_BOOL, 0, 0, 1, NULL, "COD-03" },
	{ "cod_fee_percent", "COD fee (%)", AF_RATE, 0, PCT(3, 0), PCT(5, 0),
	  NULL, "COD-F1" },
	{ "cod_max_usd_minor", "COD maximum (USD)", AF_USD, 1, 0, 200000, NULL,
	  "COD-01" },
	{ "delivery_days", "Delivery days", AF_INT, 0, 1, 90, NULL, "COD-05" },
};

static const struct admin_field country_fields[] = {
	{ "region_code", "Region", AF_CODE, 0, 0, 0, NULL, NULL },
	{ "installment_high_risk", "High risk for installments", AF_BOOL, 0,
	  0, 1, NULL, "INST-08" },
	{ "remittance_limit_usd_minor", "Postal limit (USD)", AF_USD, 1, 0,
	  500000, NULL, "REM-01" },
	{ "delivery_days", "Delivery days", AF_INT, 1, 1, 90, NULL, "COD-05" },
};

static const struct admin_field category_fields[] = {
	{ "durable", "Durable", AF_BOOL, 0, 0, 1, NULL, "INST-06" },
	{ "high_value", "High value", AF_BOOL, 0, 0, 1, NULL, "COD-04" },
};

static const struct admin_field product_fields[] = {
	{ "high_value", "High value", AF_BOOL, 0, 0, 1, NULL, "COD-04" },
	{ "pre_order", "Pre-order", AF_BOOL, 0, 0, 1, NULL, "INST-07" },
	{ "customized", "Customized", AF_BOOL, 0, 0, 1, NULL, "INST-07" },
	{ "special_customs", "Special customs", AF_BOOL, 0, 0, 1, NULL,
	  "COD-06" },
	{ "pay_after_use", "Pay After Use", AF_BOOL, 0, 0, 1, NULL, "PAU-02" },
	{ "flash_sale", "Flash sale", AF_BOOL, 0, 0, 1, NULL, "REM-04" },
};

/* The settings table's rows: value's type and range by name. */
static const struct admin_field platform_fields[] = {
	{ "platform_min_credit_score", "Minimum credit score", AF_INT, 0, 300,
	  850, NULL, "INST-02" },
	{ "pau_min_credit_score", "Pay After Use: score above", AF_INT, 0, 300,
	  850, NULL, "PAU-01" },
	{ "credit_refresh_days", "Credit score refreshed after (days)", AF_INT,
	  0, 1, 3650, NULL, "INST-02" },
	{ "inst_min_usd_minor", "Installment minimum", AF_USD, 0, 0, 10000000,
	  NULL, "INST-05" },
	{ "inst_low_min_usd_minor", "Installment low minimum", AF_USD, 0, 0,
	  10000000, NULL, "INST-05" },
	{ "inst_b2b_min_completed_usd_minor", "B2B completed orders minimum",
	  AF_USD, 0, 0, 100000000, NULL, "INST-04" },
	{ "inst_b2b_completed_window_days", "B2B window (days)", AF_INT, 0, 1,
	  365, NULL, "INST-04" },
	{ "inst_overdue_suspend_days", "Suspend after overdue (days)", AF_INT,
	  0, 1, 365, NULL, "INST-F2" },
	{ "inst_reminder_days_before", "Reminder (days before)", AF_INT, 0, 0,
	  30, NULL, "INST-P2" },
	{ "corp_down_payment_percent", "Corporate down payment (%)", AF_INT, 0,
	  0, 100, NULL, "INST-CORP" },
	{ "cod_b2c_max_usd_minor", "COD maximum", AF_USD, 0, 0, 10000000, NULL,
	  "COD-01" },
	{ "cod_new_max_usd_minor", "COD maximum, new shoppers", AF_USD, 0, 0,
	  10000000, NULL, "COD-07" },
	{ "cod_veteran_min_orders", "COD orders to graduate", AF_INT, 0, 0, 100,
	  NULL, "COD-07" },
	{ "cod_max_delivery_days", "COD maximum delivery days", AF_INT, 0, 1,
	  90, NULL, "COD-05" },
	{ "cod_refusals_to_suspend", "Refusals before suspension", AF_INT, 0, 1,
	  20, NULL, "COD-F2" },
	{ "cod_suspend_months", "COD suspension (months)", AF_INT, 0, 1, 60,
	  NULL, "COD-F2" },
	{ "cod_max_extensions", "Delivery extensions", AF_INT, 0, 0, 10, NULL,
	  "COD-P5" },
	{ "remittance_b2c_max_usd_minor", "Remittance maximum", AF_USD, 0, 0,
	  10000000, NULL, "REM-01" },
	{ "remittance_window_days", "Remittance window (days)", AF_INT, 0, 1,
	  365, NULL, "REM-P6" },
	{ "pau_auto_confirm_days", "Auto-confirm receipt (days)", AF_INT, 0, 1,
	  90, NULL, "PAU-03" },
	/* pau: the open debt of a failed deduction (PAU-04). */
	{ "pau_late_fee_rate", "Pay After Use late fee (% a day)", AF_RATE, 0,
	  0, PCT(0, 10), NULL, "PAU-04" },
	{ "pau_retries_per_day", "Pay After Use retries a day", AF_INT, 0, 1,
	  24, NULL, "PAU-04" },
	{ "credit_line_max_usd_minor", "Credit line maximum", AF_USD, 0, 0,
	  100000000, NULL, "INST-CL" },
};

/* A setting another issue adds without a line above. */
static const struct admin_field platform_any_int = {
	"value", "Value", AF_INT, 0, 0, 1000000000, NULL, NULL
};
static const struct admin_field platform_any_usd = {
	"value", "Value (USD)", AF_USD, 0, 0, 1000000000, NULL, NULL
};

const struct admin_kind admin_kinds[] = {
	{ "institutions", "Banks and partners", "institutions",
	  DB_SK_INSTITUTION, inst_fields,
	  "Card banks charge 0.5%-1.5% a month (INST-CC), finance partners "
	  "0.6%-1.8% (INST-PC)." },
	{ "regions", "Regions", "regions", DB_SK_REGION, region_fields,
	  "COD fee 3%-5% of the order (COD-F1); the COD maximum may only be "
	  "lower than USD 2,000 (COD-01)." },
	{ "countries", "Countries", "countries", DB_SK_COUNTRY, country_fields,
	  "High-risk countries get no installments (INST-08); the postal limit "
	  "may only be lower than USD 5,000 (REM-01)." },
	{ "categories", "Categories", "categories", DB_SK_CATEGORY,
	  category_fields, "Durable categories allow installments (INST-06)." },
	{ "products", "Products", "products", DB_SK_PRODUCT, product_fields,
	  "Flags that the payment rules read for each product." },
	{ "platform", "Platform settings", "settings", DB_SK_PLATFORM,
	  &platform_any_int, "The platform's defaults of the rules." },
};

const size_t admin_kinds_n = sizeof(admin_kinds) / sizeof(admin_kinds[0]);

/* See admin.h. */
const struct admin_kind *
admin_kind_find(const char *slug)
{
	size_t i;

	for (i = 0; i < admin_kinds_n; i++)
		if (strcmp(admin_kinds[i].slug, slug) == 0)
			return &admin_kinds[i];
	return NULL;
}

/* See admin.h. */
const struct admin_field *
admin_kind_field(const struct admin_kind *k, const char *key, size_t i)
{
	size_t j, len;

	if (k->kind != DB_SK_PLATFORM)
		return &k->fields[i];
	for (j = 0; j < sizeof(platform_fields) / sizeof(platform_fields[0]);
	    j++)
		if (strcmp(platform_fields[j].column, key) == 0)
			return &platform_fields[j];
	len = strlen(key);
	if (len > 10 && strcmp(key + len - 10, "_usd_minor") == 0)
		return &platform_any_usd;
	return &platform_any_int;
}

/* See admin.h. */
void
admin_fmt_time(int64_t t, char *out, size_t outsz)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (t <= 0 || gmtime_r(&tt, &tm) == NULL ||
	    strftime(out, outsz, "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(out, outsz, "-");
}

/* See admin.h. */
int
admin_claim(struct db *db, const char *subject_type, int64_t id,
    const char *step, const char *decision, int64_t admin_id, int64_t now,
    const char *noun, char *msg, size_t msgsz)
{
	char	by[255], got[33], when[40];
	int64_t	at = 0;
	int	rc;

	rc = db_admin_decision_claim(db, subject_type, id, step, decision,
	    admin_id, now, by, sizeof(by), got, &at);
	if (rc == 1) {
		admin_fmt_time(at, when, sizeof(when));
		snprintf(msg, msgsz, "%s #%lld was already decided by %s at %s "
		    "(%s).", noun, (long long)id, by, when, got);
	}
	return rc;
}

/* Parse "12", "12.5", "0.80", "1.5%" (spaces around allowed) as a fixed
 * point number with `decimals` digits after the point into *out. Returns 0,
 * or -1 when it is not such a number (sign, more decimals, too big). */
static int
parse_fixed(const char *s, int decimals, int64_t *out)
{
	int64_t	 v = 0;
	int	 frac = -1, digits = 0;

	while (*s == ' ')
		s++;
	for (; *s != '\0' && *s != '%' && *s != ' '; s++) {
		if (*s == '.') {
			if (frac >= 0)
				return -1;
			frac = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			return -1;
		if (frac >= 0 && ++frac > decimals)
			return -1;
		if (v > INT64_MAX / 100)
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
	}
	if (*s == '%')
		s++;
	while (*s == ' ')
		s++;
	if (*s != '\0' || digits == 0)
		return -1;
	for (frac = frac < 0 ? 0 : frac; frac < decimals; frac++) {
		if (v > INT64_MAX / 100)
			return -1;
		v *= 10;
	}
	*out = v;
	return 0;
}

/* Write the 4-decimal rate v (0.0001 % units) as "0.8" style text with at
 * least mindec decimals into out. */
static void
rate_str(int64_t v, int mindec, char *out, size_t outsz)
{
	char	frac[8];
	int	n = 4;

	snprintf(frac, sizeof(frac), "%04" PRId64, v % 10000);
	while (n > mindec && frac[n - 1] == '0')
		n--;
	frac[n] = '\0';
	if (n == 0)
		snprintf(out, outsz, "%" PRId64, v / 10000);
	else
		snprintf(out, outsz, "%" PRId64 ".%s", v / 10000, frac);
}

/* Write a rate bound (0.0001 % units) for a message: "0.5%". */
static void
bound_str(int64_t v, char *out, size_t outsz)
{
	size_t len;

	rate_str(v, 0, out, outsz);
	len = strlen(out);
	if (len + 1 < outsz) {
		out[len] = '%';
		out[len + 1] = '\0';
	}
}

/* See admin.h. */
void
admin_field_display(const struct admin_field *f, const char *v, char *out,
    size_t outsz)
{
	long long m;

	if (v == NULL) {
		snprintf(out, outsz, "%s", "");
		return;
	}
	if (f->type == AF_USD) {
		m = strtoll(v, NULL, 10);
		snprintf(out, outsz, "%lld.%02lld", m / 100, m % 100);
		return;
	}
	snprintf(out, outsz, "%s", v);
}

/* The institution method named by a settings form (NULL or unknown: the
 * credit line, which RULES bounds loosest). */
static enum inst_method
form_inst_method(const char *method)
{
	enum inst_method m;

	if (method == NULL || inst_method_from_name(method, &m) == -1)
		return INST_CREDIT_LINE;
	return m;
}

/* The monthly-rate range of an institution's method (rules/facts.h) in
 * the form's fixed point (percent with 4 decimals), and its rule id
 * (NULL and 0%-3% where RULES sets none). */
static void
inst_rate_range(const char *method, int64_t *min, int64_t *max,
    const char **rule)
{
	enum inst_method	m = form_inst_method(method);
	struct money_rate	lo, hi;

	if (!inst_rate_bounds(m, &lo, &hi)) {
		*min = 0, *max = PCT(3, 0), *rule = NULL;
		return;
	}
	*min = lo.num * 1000000 / lo.den;
	*max = hi.num * 1000000 / hi.den;
	*rule = m == INST_CARD ? "INST-CC" : "INST-PC";
}

/* Check a terms list for method, each term as inst_term_refusal() of
 * rules/facts.h allows it, increasing; canonical "3,6,12" into out.
 * Returns 0 or -1 with err. */
static int
check_terms(const char *method, const char *in, char *out, size_t outsz,
    char *err, size_t errsz)
{
	enum inst_method m = form_inst_method(method);
	const char	*p = in, *why = NULL;
	char		*end;
	long		 t, last = 0;
	struct buf	 b;

	buf_init(&b);
	while (*p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		if (!isdigit((unsigned char)*p))
			goto bad;
		t = strtol(p, &end, 10);
		p = end;
		if (t > 36 || (why = inst_term_refusal(m, (int)t)) != NULL ||
		    t <= last)
			goto bad;
		buf_printf(&b, "%s%ld", last ? "," : "", t);
		last = t;
	}
	if (last == 0 || b.len >= outsz)
		goto bad;
	snprintf(out, outsz, "%s", buf_str(&b));
	buf_cleanup(&b);
	return 0;
bad:
	buf_cleanup(&b);
	if (why == NULL)
		why = inst_term_refusal(m, 0);
	snprintf(err, errsz, "%s, increasing, separated by commas (e.g. %s).",
	    why, m == INST_CORPORATE ? "3,6" : "3,6,12");
	return -1;
}

/* See admin.h. */
int
admin_field_check(const struct admin_kind *k, size_t i,
    const char *const *inputs, char **stored, char *err, size_t errsz)
{
	const struct admin_field *f = &k->fields[i];
	const char	*in = inputs[i] != NULL ? inputs[i] : "";
	const char	*rule = f->rule;
	char		 tmp[96], lo[32], hi[32];
	int64_t		 v, min = f->min, max = f->max;
	size_t		 j;

	*stored = NULL;
	err[0] = '\0';
	while (*in == ' ')
		in++;
	if (f->type == AF_BOOL) {
		*stored = xstrdup(in[0] != '\0' && strcmp(in, "0") != 0 ?
		    "1" : "0");
		return 0;
	}
	if (in[0] == '\0') {
		if (f->nullable)
			return 0;
		snprintf(err, errsz, "%s is required.", f->label);
		return 1;
	}
	switch (f->type) {
	case AF_INT:
		if (parse_fixed(in, 0, &v) == -1 || v < min || v > max)
			goto range_int;
		snprintf(tmp, sizeof(tmp), "%" PRId64, v);
		break;
	case AF_USD:
		if (parse_fixed(in, 2, &v) == -1 || v < min || v > max) {
			snprintf(err, errsz, "%s%s%s must be an amount in USD "
			    "from %" PRId64 ".%02" PRId64 " to %" PRId64
			    ".%02" PRId64 ".", rule ? rule : "",
			    rule ? ": " : "", f->label, min / 100, min % 100,
			    max / 100, max % 100);
			return 1;
		}
		snprintf(tmp, sizeof(tmp), "%" PRId64, v);
		break;
	case AF_RATE:
		if (k->kind == DB_SK_INSTITUTION &&
		    strcmp(f->column, "monthly_rate") == 0)
			inst_rate_range(inputs[0], &min, &max, &rule);
		if (parse_fixed(in, 4, &v) == -1 || v < min || v > max) {
			bound_str(min, lo, sizeof(lo));
			bound_str(max, hi, sizeof(hi));
			snprintf(err, errsz, "%s%sthe %s must be between %s and "
			    "%s.", rule ? rule : "", rule ? ": " : "",
			    f->label, lo, hi);
			return 1;
		}
		rate_str(v, strcmp(f->column, "cod_fee_percent") == 0 ? 0 : 2,
		    tmp, sizeof(tmp));
		break;
	case AF_TERMS:
		if (check_terms(inputs[0], in, tmp, sizeof(tmp), err,
		    errsz) == -1)
			return 1;
		break;
	case AF_CHOICE:
		for (j = 0; f->choices[j] != NULL; j++)
			if (strcmp(f->choices[j], in) == 0)
				break;
		if (f->choices[j] == NULL) {
			snprintf(err, errsz, "%s: choose one of the listed "
			    "values.", f->label);
			return 1;
		}
		snprintf(tmp, sizeof(tmp), "%s", in);
		break;
	case AF_CODE:
		for (j = 0; in[j] != '\0'; j++)
			if (!isupper((unsigned char)in[j]) &&
			    !isdigit((unsigned char)in[j]) && in[j] != '_')
				break;
		if (in[j] != '\0' || j > 16) {
			snprintf(err, errsz, "%s: a code of capital letters, "
			    "digits and _ (e.g. SEA).", f->label);
			return 1;
		}
		snprintf(tmp, sizeof(tmp), "%s", in);
		break;
	default:
		return 1;
	}
	*stored = xstrdup(tmp);
	return 0;
range_int:
	snprintf(err, errsz, "%s%s%s must be a whole number from %" PRId64
	    " to %" PRId64 ".", rule ? rule : "", rule ? ": " : "", f->label,
	    min, max);
	return 1;
}

/* The numeric subject id of a settings key (categories and products have
 * numeric ids; others 0, their key is in the event's reason). */
static int64_t
key_id(const char *key)
{
	const char *p;

	for (p = key; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return strtoll(key, NULL, 10);
}

/* Append one 'setting' event (service/audit.c): reason "<what>", detail
 * "old: X; new: Y". Returns 0 or -1. */
static int
setting_event(struct db *db, int64_t admin_id, int64_t now,
    int64_t subject_id, const char *what,
    const char *old, const char *new)
{
	struct buf	 detail;
	int		 rc;

	buf_init(&detail);
	buf_printf(&detail, "old: %s; new: %s", old != NULL ? old : "(none)",
	    new != NULL ? new : "(none)");
	rc = audit_event_detail(db, "setting", subject_id, OF_ADMIN,
	    admin_id, NULL, "setting_changed", what, buf_str(&detail),
	    now);
	buf_cleanup(&detail);
	return rc;
}

/* 1 if two stored values (NULL = SQL NULL) are the same. */
static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* See admin.h. */
int
admin_setting_save(struct db *db, int64_t admin_id, int64_t now,
    const struct admin_kind *k,
    const char *key, const char *const *inputs, char errs[][160],
    int *changed)
{
	struct admin_kind	 one;
	struct db_setting_row	 old;
	char			*stored[DB_SK_MAXCOLS] = { NULL };
	char			 what[256];
	size_t			 i, n = db_setting_ncols(k->kind);
	int			 rc, bad = 0;

	*changed = 0;
	for (i = 0; i < n; i++)
		errs[i][0] = '\0';
	/* The platform settings' type depends on the row. */
	one = *k;
	if (k->kind == DB_SK_PLATFORM)
		one.fields = admin_kind_field(k, key, 0);
	if (db_begin(db) == -1)
		return -1;
	rc = db_setting_get_lock(db, k->kind, key, &old);
	if (rc != 1) {
		db_rollback(db);
		return rc == 0 ? 2 : -1;
	}
	for (i = 0; i < n; i++)
		if (admin_field_check(&one, i, inputs, &stored[i], errs[i],
		    160) != 0)
			bad = 1;
	if (bad) {
		rc = 1;
		goto rollback;
	}
	for (i = 0; i < n; i++)
		if (!same(old.vals[i], stored[i]))
			(*changed)++;
	if (*changed == 0) {
		rc = 0;
		goto rollback;
	}
	rc = db_setting_set(db, k->kind, key, stored);
	if (rc == 2) {
		snprintf(errs[0], 160, "There is no such region.");
		rc = 1;
		goto rollback;
	}
	if (rc != 1 || (k->kind == DB_SK_PLATFORM && plan_setting_changed(db,
	    key, old.vals[0], stored[0], now) == -1)) {
		rc = -1;
		goto rollback;
	}
	for (i = 0; i < n; i++) {
		if (same(old.vals[i], stored[i]))
			continue;
		snprintf(what, sizeof(what), "%s %s %s", k->table, key,
		    one.fields[i].column);
		if (setting_event(db, admin_id, now, key_id(key), what, old.vals[i],
		    stored[i]) == -1) {
			rc = -1;
			goto rollback;
		}
	}
	if (db_commit(db) == -1) {
		rc = -1;
		goto out;
	}
	log_info("admin: user %lld changed %s %s (%d columns)",
	    (long long)admin_id, k->table, key, *changed);
	rc = 0;
	goto out;
rollback:
	db_rollback(db);
out:
	for (i = 0; i < n; i++)
		free(stored[i]);
	db_setting_row_cleanup(&old);
	return rc;
}

/* See admin.h. */
int
admin_holiday_add(struct db *db, int64_t admin_id, int64_t now,
    const char *day, const char *name)
{
	char	what[64];
	int	rc;

	if (db_begin(db) == -1)
		return -1;
	rc = db_holiday_add(db, day, name);
	if (rc != 1) {
		db_rollback(db);
		return rc == 0 ? 1 : -1;
	}
	snprintf(what, sizeof(what), "holidays %s", day);
	if (setting_event(db, admin_id, now, 0, what, NULL, name) == -1) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) == -1 ? -1 : 0;
}

/* See admin.h. */
int
admin_holiday_remove(struct db *db, int64_t admin_id, int64_t now,
    const char *day)
{
	char	what[64], name[101];
	int	rc;

	if (db_begin(db) == -1)
		return -1;
	rc = db_holiday_remove(db, day, name);
	if (rc != 1) {
		db_rollback(db);
		return rc == 0 ? 1 : -1;
	}
	snprintf(what, sizeof(what), "holidays %s", day);
	if (setting_event(db, admin_id, now, 0, what, name, "(removed)") == -1) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db) == -1 ? -1 : 0;
}

/* See admin.h. */
int
admin_fx_add(struct db *db, int64_t admin_id, int64_t now,
    const char *currency, const char *rate,
    const char *day, char *err, size_t errsz)
{
	mp_date	 d, today;
	int64_t	 v;
	char	 old[33], what[64], today_s[CAL_DATE_STRLEN], canon[40];
	int	 rc;

	if (strlen(currency) != 3 || money_exponent(currency) < 0 ||
	    strcmp(currency, "USD") == 0) {
		snprintf(err, errsz, "Currency: a supported ISO 4217 code "
		    "other than USD (e.g. EUR).");
		return 1;
	}
	/* Up to 8 decimals, as the DECIMAL(18,8) column holds (C-02). */
	if (parse_fixed(rate, 8, &v) == -1 || v <= 0 ||
	    v >= (int64_t)10000000000 * 100000000) {
		snprintf(err, errsz, "Rate: USD for one unit, a positive "
		    "number with at most 8 decimals (e.g. 1.08).");
		return 1;
	}
	snprintf(canon, sizeof(canon), "%" PRId64 ".%08" PRId64,
	    v / 100000000, v % 100000000);
	if (mp_date_parse(day, strlen(day), &d) == -1 ||
	    mp_date_from_unix(now, &today) == -1) {
		snprintf(err, errsz, "Effective from: a date YYYY-MM-DD.");
		return 1;
	}
	if (d < today) {
		snprintf(err, errsz, "Effective from: today or later; orders "
		    "already quoted keep their rate (C-02).");
		return 1;
	}
	mp_date_str(today, today_s, sizeof(today_s));
	if (db_begin(db) == -1)
		return -1;
	if ((rc = db_fx_current(db, currency, day, old)) == -1)
		goto fail;
	rc = db_fx_add(db, currency, canon, day, now);
	if (rc == 0) {
		db_rollback(db);
		snprintf(err, errsz, "%s already has a rate from %s.",
		    currency, day);
		return 1;
	}
	if (rc == -1)
		goto fail;
	snprintf(what, sizeof(what), "fx_rates %s from %s", currency, day);
	if (setting_event(db, admin_id, now, 0, what, old[0] != '\0' ? old : NULL,
	    canon) == -1)
		goto fail;
	return db_commit(db) == -1 ? -1 : 0;
fail:
	db_rollback(db);
	return -1;
}

/* Say who moved order_id out of `from` (its latest event) into msg:
 * "already decided by X at T", the same words a second admin gets. */
static void
changed_by(struct db *db, int64_t order_id, const char *from, char *msg,
    size_t msgsz)
{
	struct db_event_row	*ev = NULL;
	size_t			 n = 0;
	char			 when[40];

	if (db_event_history(db, "order", order_id, &ev, &n) == 0 &&
	    n > 0) {
		admin_fmt_time(ev[n - 1].at, when, sizeof(when));
		snprintf(msg, msgsz, "Order #%lld was already decided by %s "
		    "at %s (%s to %s).", (long long)order_id,
		    ev[n - 1].actor_email[0] ? ev[n - 1].actor_email :
		    ev[n - 1].actor_type, when, ev[n - 1].from_state,
		    ev[n - 1].to_state);
	} else
		snprintf(msg, msgsz, "Order #%lld is no longer %s: reload "
		    "the page.", (long long)order_id, from);
	db_event_rows_free(ev, n);
}

/* See admin.h. */
int
admin_order_cancel(struct db *db, int64_t admin_id, int64_t now,
    int64_t order_id, const char *from,
    const char *reason, char *msg, size_t msgsz)
{
	char		 why[256], method[33];
	int		 rc;

	msg[0] = '\0';
	if (strcmp(from, "awaiting_review") != 0 &&
	    strcmp(from, "awaiting_confirmation") != 0 &&
	    strcmp(from, "awaiting_remittance") != 0) {
		snprintf(msg, msgsz, "Only an order that is not paid yet can "
		    "be cancelled here.");
		return 1;
	}
	if (db_begin_read_committed(db) == -1)
		return -1;
	/* The order locked before the claim: concurrent decisions on it run
	 * one after the other instead of waiting on each other's claim. */
	rc = db_order_lock_method(db, order_id, method, sizeof(method));
	if (rc == 0) {
		db_rollback(db);
		snprintf(msg, msgsz, "There is no order #%lld.",
		    (long long)order_id);
		return 1;
	}
	if (rc == -1)
		goto fail;
	rc = admin_claim(db, "order", order_id, from, "cancel",
	    admin_id, now, "Order", msg, msgsz);
	if (rc == 1) {
		db_rollback(db);
		return 1;
	}
	if (rc == -1)
		goto fail;
	snprintf(why, sizeof(why), "cancelled by an admin: %s",
	    reason != NULL && reason[0] != '\0' ? reason : "no reason given");
	/* The one state machine (service/orderflow.c) moves the order and
	 * writes its event. */
	switch (orderflow_transition(db, order_id, from, "cancelled",
	    OF_ADMIN, admin_id, why, now)) {
	case OF_OK:
		break;
	case OF_NOT_ALLOWED:
		db_rollback(db);
		snprintf(msg, msgsz, "Order #%lld cannot be cancelled by an "
		    "admin from %s.", (long long)order_id, from);
		return 1;
	case OF_CHANGED:
		db_rollback(db);
		changed_by(db, order_id, from, msg, msgsz);
		return 1;
	default:
		goto fail;
	}
	return db_commit(db) == -1 ? -1 : 0;
fail:
	db_rollback(db);
	return -1;
}

/* See admin.h. */
int
admin_audit_signin(struct db *db, const char *remote_addr, int64_t now,
    int64_t user_id, int is_admin, const char *email, const char *outcome)
{
	char why[128], detail[300];

	if (strcmp(outcome, "signin") == 0 && !is_admin)
		return 0;
	snprintf(why, sizeof(why), "%s from %s",
	    strcmp(outcome, "signin") == 0 ? "admin sign-in" :
	    "failed sign-in", remote_addr != NULL ?
	    remote_addr : "unknown address");
	snprintf(detail, sizeof(detail), "email: %.254s", email);
	return audit_event_detail(db, "user", user_id,
	    is_admin ? OF_ADMIN : OF_USER, user_id, NULL, outcome, why, detail,
	    now);
}
