/*
 * `mallpayctl eligibility`: JSON facts in, every method's verdict out
 * (RULES C-06). The parser takes (buf, len) so tests/fuzz/fuzz_facts.c can
 * drive it directly.
 *
 * Strictness (decided here): every field of the README's example
 * document is required except the ones listed as optional below, unknown
 * fields are refused (a misspelt "dureable" must not silently read as
 * false), money is a decimal string (never a JSON number: no floating
 * point near money, C-01), dates are "YYYY-MM-DD".
 * Optional: order.coupons, order.points (0), buyer.cod (no history),
 * buyer.cod.suspended_until, buyer.company (required for a company),
 * buyer.credit_line (none), settings and each of its keys (RULES.md's
 * defaults), and within an institution everything but id and method.
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/fx.h"
#include "core/money.h"
#include "ctl/eligibility.h"
#include "rules/cod.h"
#include "rules/eligibility.h"
#include "rules/facts.h"
#include "rules/verdict.h"

/* Largest facts document read from stdin. */
#define ELIG_MAX_INPUT	(4 * 1024 * 1024)
/* Longest field path in a message. */
#define PATH_MAX_LEN	160

/* Parser state: the error message buffer. */
struct pctx {
	char	*err;
	size_t	 errsz;
};

/*
 * Write "path: message" into the error buffer; always returns -1 so that
 * callers can `return perr(...)`.
 */
static int
perr(struct pctx *p, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
perr(struct pctx *p, const char *path, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	if (p->errsz == 0)
		return -1;
	n = snprintf(p->err, p->errsz, "%s: ", path);
	if (n < 0 || (size_t)n >= p->errsz)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p->err + n, p->errsz - n, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * printf into out for a field path; truncates silently (the paths only
 * go into messages). Returns out.
 */
static const char *
pathf(char *out, size_t outsz, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static const char *
pathf(char *out, size_t outsz, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(out, outsz, fmt, ap);
	va_end(ap);
	return out;
}

/*
 * Join parent path and key into out ("order" + "items" -> "order.items";
 * "" + "now" -> "now"). Truncates silently: only used for messages.
 */
static const char *
join(char *out, size_t outsz, const char *parent, const char *key)
{
	return pathf(out, outsz, "%s%s%s", parent, parent[0] ? "." : "",
	    key);
}

/*
 * Refuse any key of obj not in allowed (NULL-terminated).
 */
static int
check_keys(struct pctx *p, json_t *obj, const char *path,
    const char *const *allowed)
{
	const char	*key;
	json_t		*val;
	char		 fp[PATH_MAX_LEN];
	size_t		 i;
	int		 ok;

	json_object_foreach(obj, key, val) {
		(void)val;
		ok = 0;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(key, allowed[i]) == 0)
				ok = 1;
		if (!ok)
			return perr(p, join(fp, sizeof(fp), path, key),
			    "unknown field");
	}
	return 0;
}

/*
 * *out = obj[key]. Returns 1 when present and not null, 0 when absent or
 * null (an error if required: "missing"), -1 on error.
 */
static int
get(struct pctx *p, json_t *obj, const char *path, const char *key,
    int required, json_t **out)
{
	char	 fp[PATH_MAX_LEN];

	*out = json_object_get(obj, key);
	if (*out == NULL || json_is_null(*out)) {
		if (required)
			return perr(p, join(fp, sizeof(fp), path, key),
			    *out == NULL ? "missing" : "must not be null");
		return 0;
	}
	return 1;
}

/*
 * A present field: like get() but absent is an error and null is
 * allowed (returns 0 for null).
 */
static int
get_nullable(struct pctx *p, json_t *obj, const char *path,
    const char *key, json_t **out)
{
	char	 fp[PATH_MAX_LEN];

	*out = json_object_get(obj, key);
	if (*out == NULL)
		return perr(p, join(fp, sizeof(fp), path, key), "missing");
	return json_is_null(*out) ? 0 : 1;
}

/*
 * An object field; absent/null handled as in get().
 */
static int
get_object(struct pctx *p, json_t *obj, const char *path, const char *key,
    int required, json_t **out)
{
	char	 fp[PATH_MAX_LEN];
	int	 rc;

	if ((rc = get(p, obj, path, key, required, out)) != 1)
		return rc;
	if (!json_is_object(*out))
		return perr(p, join(fp, sizeof(fp), path, key),
		    "expected an object");
	return 1;
}

/*
 * A required boolean field into *out.
 */
static int
get_bool(struct pctx *p, json_t *obj, const char *path, const char *key,
    int *out)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];

	if (get(p, obj, path, key, 1, &v) == -1)
		return -1;
	if (!json_is_boolean(v))
		return perr(p, join(fp, sizeof(fp), path, key),
		    "expected true or false");
	*out = json_is_true(v);
	return 0;
}

/*
 * An optional boolean field: *out untouched when absent.
 */
static int
opt_bool(struct pctx *p, json_t *obj, const char *path, const char *key,
    int *out)
{
	if (json_object_get(obj, key) == NULL)
		return 0;
	return get_bool(p, obj, path, key, out);
}

/*
 * An integer JSON value v in [min, max] into *out; fp names it.
 */
static int
int_value(struct pctx *p, json_t *v, const char *fp, int64_t min,
    int64_t max, int64_t *out)
{
	json_int_t	 i;

	if (!json_is_integer(v))
		return perr(p, fp, "expected a whole number");
	i = json_integer_value(v);
	if (i < min || i > max)
		return perr(p, fp, "expected a whole number from %lld to %lld",
		    (long long)min, (long long)max);
	*out = i;
	return 0;
}

/*
 * An integer field in [min, max]; required or, when optional and absent,
 * *out untouched.
 */
static int
get_int(struct pctx *p, json_t *obj, const char *path, const char *key,
    int required, int64_t min, int64_t max, int64_t *out)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];
	int	 rc;

	if ((rc = get(p, obj, path, key, required, &v)) != 1)
		return rc == -1 ? -1 : 0;
	return int_value(p, v, join(fp, sizeof(fp), path, key), min, max,
	    out);
}

/*
 * A string JSON value v into out (outsz bytes, must fit, non-empty unless
 * allow_empty); fp names it.
 */
static int
str_value(struct pctx *p, json_t *v, const char *fp, char *out,
    size_t outsz, int allow_empty)
{
	size_t	 len;

	if (!json_is_string(v))
		return perr(p, fp, "expected a string");
	len = json_string_length(v);
	if (len == 0 && !allow_empty)
		return perr(p, fp, "must not be empty");
	if (len >= outsz)
		return perr(p, fp, "longer than %zu characters", outsz - 1);
	if (memchr(json_string_value(v), '\0', len) != NULL)
		return perr(p, fp, "contains a NUL character");
	memcpy(out, json_string_value(v), len);
	out[len] = '\0';
	return 0;
}

/*
 * A required string field into out.
 */
static int
get_str(struct pctx *p, json_t *obj, const char *path, const char *key,
    char *out, size_t outsz, int allow_empty)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];

	if (get(p, obj, path, key, 1, &v) == -1)
		return -1;
	return str_value(p, v, join(fp, sizeof(fp), path, key), out, outsz,
	    allow_empty);
}

/*
 * A money JSON value v (a decimal string) of currency cur; fp names it.
 */
static int
money_value(struct pctx *p, json_t *v, const char *fp, const char *cur,
    struct money *out)
{
	char	 e[128];

	if (!json_is_string(v))
		return perr(p, fp, "expected a decimal string such as "
		    "\"500.00\"");
	if (money_parse(json_string_value(v), json_string_length(v), cur,
	    out, e, sizeof(e)) == -1)
		return perr(p, fp, "%s", e);
	return 0;
}

/*
 * A money field: required (absent or null refused) or optional (*out
 * untouched when absent or null). Returns 1 when read, 0 when not, -1 on
 * error.
 */
static int
get_money(struct pctx *p, json_t *obj, const char *path, const char *key,
    const char *cur, int required, struct money *out)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];
	int	 rc;

	if ((rc = get(p, obj, path, key, required, &v)) != 1)
		return rc;
	if (money_value(p, v, join(fp, sizeof(fp), path, key), cur,
	    out) == -1)
		return -1;
	return 1;
}

/*
 * A money field that must be present but may be null: *has = 0 for null.
 */
static int
get_money_nullable(struct pctx *p, json_t *obj, const char *path,
    const char *key, const char *cur, int *has, struct money *out)
{
	json_t	*v;
	char	 fp[PATH_MAX_LEN];
	int	 rc;

	if ((rc = get_nullable(p, obj, path, key, &v)) == -1)
		return -1;
	*has = rc;
	if (rc == 0)
		return 0;
	return money_value(p, v, join(fp, sizeof(fp), path, key), cur, out);
}

/*
 * A date JSON value v ("YYYY-MM-DD"); fp names it.
 */
static int
date_value(struct pctx *p, json_t *v, const char *fp, mp_date *out)
{
	if (!json_is_string(v) || mp_date_parse(json_string_value(v),
	    json_string_length(v), out) == -1)
		return perr(p, fp, "expected a date \"YYYY-MM-DD\"");
	return 0;
}

/*
 * A percentage JSON value v ("0.80" means 0.8%) into a fraction; fp
 * names it.
 */
static int
percent_value(struct pctx *p, json_t *v, const char *fp,
    struct money_rate *out)
{
	char	 e[128];

	if (!json_is_string(v))
		return perr(p, fp, "expected a decimal string such as "
		    "\"0.80\" (percent)");
	if (money_rate_parse_percent(json_string_value(v),
	    json_string_length(v), out, e, sizeof(e)) == -1)
		return perr(p, fp, "%s", e);
	return 0;
}

/*
 * buyer.cod: the COD history (COD-07, COD-08, COD-F2, COD-F3).
 */
static int
parse_cod(struct pctx *p, json_t *o, struct facts *f)
{
	static const char *const keys[] = { "completed_orders", "violations",
	    "unreasonable_refusals", "revoked", "suspended_until", NULL };
	const char	*path = "buyer.cod";
	struct cod_history *h = &f->buyer.cod;
	json_t		*a, *v;
	char		 fp[PATH_MAX_LEN];
	size_t		 i;
	mp_date		 d;
	int		 rc;

	if (check_keys(p, o, path, keys) == -1 ||
	    get_int(p, o, path, "completed_orders", 1, 0, INT32_MAX,
	    &h->completed_orders) == -1 ||
	    get_int(p, o, path, "violations", 1, 0, INT32_MAX,
	    &h->violations) == -1 ||
	    get_bool(p, o, path, "revoked", &h->revoked) == -1)
		return -1;
	if (get(p, o, path, "unreasonable_refusals", 1, &a) == -1)
		return -1;
	if (!json_is_array(a))
		return perr(p, "buyer.cod.unreasonable_refusals",
		    "expected an array of dates");
	json_array_foreach(a, i, v) {
		pathf(fp, sizeof(fp), "buyer.cod.unreasonable_refusals[%zu]",
		    i);
		if (date_value(p, v, fp, &d) == -1)
			return -1;
		facts_add_refusal(f, d);
	}
	if ((rc = get(p, o, path, "suspended_until", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		if (date_value(p, v, "buyer.cod.suspended_until",
		    &h->suspended_until) == -1)
			return -1;
		h->has_suspended_until = 1;
	}
	return 0;
}

/*
 * buyer.company (INST-03, INST-04, COD-02, REM-02).
 */
static int
parse_company(struct pctx *p, json_t *o, struct facts *f)
{
	static const char *const keys[] = { "qualification_verified",
	    "qualification_expires", "completed_orders_usd_90d",
	    "cod_agreement_limit_usd", "remittance_quota_usd", NULL };
	const char	*path = "buyer.company";
	struct company_facts *c = &f->buyer.company;
	json_t		*v;
	int		 rc;

	f->buyer.has_company = 1;
	if (check_keys(p, o, path, keys) == -1 ||
	    get_bool(p, o, path, "qualification_verified",
	    &c->qualification_verified) == -1)
		return -1;
	if ((rc = get_nullable(p, o, path, "qualification_expires", &v)) == -1)
		return -1;
	if (rc == 1) {
		if (date_value(p, v, "buyer.company.qualification_expires",
		    &c->qualification_expires) == -1)
			return -1;
		c->has_qualification_expires = 1;
	}
	if (get_money(p, o, path, "completed_orders_usd_90d", "USD", 1,
	    &c->completed_orders_usd_90d) == -1 ||
	    get_money_nullable(p, o, path, "cod_agreement_limit_usd", "USD",
	    &c->has_cod_agreement, &c->cod_agreement_limit_usd) == -1 ||
	    get_money_nullable(p, o, path, "remittance_quota_usd", "USD",
	    &c->has_remittance_quota, &c->remittance_quota_usd) == -1)
		return -1;
	return 0;
}

/*
 * buyer: who pays.
 */
static int
parse_buyer(struct pctx *p, json_t *o, struct facts *f)
{
	static const char *const keys[] = { "type", "real_name_verified",
	    "credit_score", "bad_payment_record", "installment_suspended",
	    "cod", "company", "credit_line", NULL };
	static const char *const clkeys[] = { "limit_usd", "used_usd", NULL };
	const char	*path = "buyer";
	struct buyer_facts *b = &f->buyer;
	json_t		*v;
	char		 type[16];
	int		 rc;

	if (check_keys(p, o, path, keys) == -1 ||
	    get_str(p, o, path, "type", type, sizeof(type), 0) == -1)
		return -1;
	if (strcmp(type, "person") == 0)
		b->type = BUYER_PERSON;
	else if (strcmp(type, "company") == 0)
		b->type = BUYER_COMPANY;
	else
		return perr(p, "buyer.type", "expected \"person\" or "
		    "\"company\"");
	if (get_bool(p, o, path, "real_name_verified",
	    &b->real_name_verified) == -1 ||
	    get_bool(p, o, path, "bad_payment_record",
	    &b->bad_payment_record) == -1 ||
	    get_bool(p, o, path, "installment_suspended",
	    &b->installment_suspended) == -1)
		return -1;
	if ((rc = get_nullable(p, o, path, "credit_score", &v)) == -1)
		return -1;
	if (rc == 1) {
		if (int_value(p, v, "buyer.credit_score", 0, 100000,
		    &b->credit_score) == -1)
			return -1;
		b->has_credit_score = 1;
	}
	if ((rc = get_object(p, o, path, "cod", 0, &v)) == -1)
		return -1;
	if (rc == 1 && parse_cod(p, v, f) == -1)
		return -1;
	if ((rc = get_object(p, o, path, "company",
	    b->type == BUYER_COMPANY, &v)) == -1)
		return -1;
	if (rc == 1 && parse_company(p, v, f) == -1)
		return -1;
	if ((rc = get_object(p, o, path, "credit_line", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		b->has_credit_line = 1;
		if (check_keys(p, v, "buyer.credit_line", clkeys) == -1 ||
		    get_money(p, v, "buyer.credit_line", "limit_usd", "USD", 1,
		    &b->credit_line_limit_usd) == -1 ||
		    get_money(p, v, "buyer.credit_line", "used_usd", "USD", 1,
		    &b->credit_line_used_usd) == -1)
			return -1;
	}
	return 0;
}

/*
 * order.items[i].
 */
static int
parse_item(struct pctx *p, json_t *o, const char *path, struct facts *f)
{
	static const char *const keys[] = { "category", "durable",
	    "high_value", "pre_order", "customized", "special_customs",
	    "pay_after_use", NULL };
	struct item_facts *it;

	if (!json_is_object(o))
		return perr(p, path, "expected an object");
	it = facts_add_item(f);
	if (check_keys(p, o, path, keys) == -1 ||
	    get_str(p, o, path, "category", it->category,
	    sizeof(it->category), 0) == -1 ||
	    get_bool(p, o, path, "durable", &it->durable) == -1 ||
	    get_bool(p, o, path, "high_value", &it->high_value) == -1 ||
	    get_bool(p, o, path, "pre_order", &it->pre_order) == -1 ||
	    get_bool(p, o, path, "customized", &it->customized) == -1 ||
	    get_bool(p, o, path, "special_customs",
	    &it->special_customs) == -1 ||
	    get_bool(p, o, path, "pay_after_use", &it->pay_after_use) == -1)
		return -1;
	return 0;
}

/*
 * order: what is bought, in which currency, shipped where.
 */
static int
parse_order(struct pctx *p, json_t *o, struct facts *f)
{
	static const char *const keys[] = { "currency", "usd_per_unit",
	    "items_total", "coupons", "points", "flash_sale", "shipping",
	    "items", NULL };
	static const char *const skeys[] = { "country", "region",
	    "delivery_days", "expedited", NULL };
	const char	*path = "order";
	struct order_facts *od = &f->order;
	struct money_rate r;
	json_t		*v, *s;
	char		 e[128], fp[PATH_MAX_LEN];
	size_t		 i;

	if (check_keys(p, o, path, keys) == -1 ||
	    get_str(p, o, path, "currency", od->currency,
	    sizeof(od->currency), 0) == -1)
		return -1;
	if (money_exponent(od->currency) == -1)
		return perr(p, "order.currency", "unknown currency \"%s\"",
		    od->currency);
	/* money_set() normalises the case of the code. */
	money_set(&od->items_total, 0, od->currency);
	memcpy(od->currency, od->items_total.cur, sizeof(od->currency));
	if (get_str(p, o, path, "usd_per_unit", od->usd_per_unit,
	    sizeof(od->usd_per_unit), 0) == -1)
		return -1;
	/* C-02: the rate must be usable before any rule runs. */
	if (fx_rate_parse(od->usd_per_unit, strlen(od->usd_per_unit), &r, e,
	    sizeof(e)) == -1)
		return perr(p, "order.usd_per_unit", "%s", e);
	money_set(&od->coupons, 0, od->currency);
	money_set(&od->points, 0, od->currency);
	if (get_money(p, o, path, "items_total", od->currency, 1,
	    &od->items_total) == -1 ||
	    get_money(p, o, path, "coupons", od->currency, 0,
	    &od->coupons) == -1 ||
	    get_money(p, o, path, "points", od->currency, 0,
	    &od->points) == -1 ||
	    get_bool(p, o, path, "flash_sale", &od->flash_sale) == -1)
		return -1;

	if (get_object(p, o, path, "shipping", 1, &s) == -1 ||
	    check_keys(p, s, "order.shipping", skeys) == -1 ||
	    get_str(p, s, "order.shipping", "country", od->shipping.country,
	    sizeof(od->shipping.country), 0) == -1 ||
	    get_str(p, s, "order.shipping", "region", od->shipping.region,
	    sizeof(od->shipping.region), 1) == -1 ||
	    get_int(p, s, "order.shipping", "delivery_days", 1, 0, 3650,
	    &od->shipping.delivery_days) == -1 ||
	    get_bool(p, s, "order.shipping", "expedited",
	    &od->shipping.expedited) == -1)
		return -1;

	if (get(p, o, path, "items", 1, &v) == -1)
		return -1;
	if (!json_is_array(v))
		return perr(p, "order.items", "expected an array of items");
	for (i = 0; i < json_array_size(v); i++) {
		pathf(fp, sizeof(fp), "order.items[%zu]", i);
		if (parse_item(p, json_array_get(v, i), fp, f) == -1)
			return -1;
	}
	return 0;
}

/*
 * settings.institutions[i]; defaults from facts_institution_defaults().
 */
static int
parse_institution(struct pctx *p, json_t *o, const char *path,
    struct facts *f)
{
	static const char *const keys[] = { "id", "method", "min_usd",
	    "low_threshold", "terms", "monthly_rate", "fee_mode",
	    "waives_future_fees", "late_fee_rate", NULL };
	struct institution *inst;
	enum inst_method m;
	json_t		*v, *t;
	char		 id[FACTS_ID_MAX], method[32], mode[16];
	char		 fp[PATH_MAX_LEN], tp[PATH_MAX_LEN];
	const char	*why;
	int64_t		 term;
	size_t		 i, j;
	int		 rc;

	if (!json_is_object(o))
		return perr(p, path, "expected an object");
	if (check_keys(p, o, path, keys) == -1 ||
	    get_str(p, o, path, "id", id, sizeof(id), 0) == -1 ||
	    get_str(p, o, path, "method", method, sizeof(method), 0) == -1)
		return -1;
	if (inst_method_from_name(method, &m) == -1)
		return perr(p, join(fp, sizeof(fp), path, "method"),
		    "expected \"installment_card\", \"installment_partner\", "
		    "\"installment_corporate\" or \"credit_line\"");
	for (i = 0; i < f->settings.ninstitutions; i++)
		if (strcmp(f->settings.institutions[i].id, id) == 0)
			return perr(p, join(fp, sizeof(fp), path, "id"),
			    "duplicate institution \"%s\"", id);
	inst = facts_add_institution(f);
	facts_institution_defaults(f, inst, m, id);

	/* INST-05: a low-threshold institution accepts from USD 300; an
	 * explicit min_usd wins over the flag. */
	if (opt_bool(p, o, path, "low_threshold", &inst->low_threshold) == -1)
		return -1;
	if (inst->low_threshold)
		inst->min_usd = f->settings.inst_low_threshold_usd;
	if (get_money(p, o, path, "min_usd", "USD", 0, &inst->min_usd) == -1)
		return -1;

	if ((rc = get(p, o, path, "terms", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		join(fp, sizeof(fp), path, "terms");
		if (!json_is_array(v) || json_array_size(v) == 0 ||
		    json_array_size(v) > FACTS_TERMS_MAX)
			return perr(p, fp, "expected an array of 1 to %d terms "
			    "in months", FACTS_TERMS_MAX);
		inst->nterms = 0;
		json_array_foreach(v, i, t) {
			pathf(tp, sizeof(tp), "%s[%zu]", fp, i);
			if (int_value(p, t, tp, 1, 120, &term) == -1)
				return -1;
			for (j = 0; j < inst->nterms; j++)
				if (inst->terms[j] == (int)term)
					return perr(p, tp, "duplicate term");
			if ((why = inst_term_refusal(m, (int)term)) != NULL)
				return perr(p, tp, "%s", why);
			inst->terms[inst->nterms++] = (int)term;
		}
	}
	if ((rc = get(p, o, path, "monthly_rate", 0, &v)) == -1)
		return -1;
	if (rc == 1 && percent_value(p, v, join(fp, sizeof(fp), path,
	    "monthly_rate"), &inst->monthly_rate) == -1)
		return -1;
	if (rc == 1 && (why = inst_rate_refusal(m, &inst->monthly_rate)) != NULL)
		return perr(p, fp, "%s", why);
	if ((rc = get(p, o, path, "late_fee_rate", 0, &v)) == -1)
		return -1;
	if (rc == 1 && percent_value(p, v, join(fp, sizeof(fp), path,
	    "late_fee_rate"), &inst->late_fee_rate) == -1)
		return -1;
	if ((rc = get(p, o, path, "fee_mode", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		join(fp, sizeof(fp), path, "fee_mode");
		if (str_value(p, v, fp, mode, sizeof(mode), 0) == -1)
			return perr(p, fp,
			    "expected \"spread\" or \"upfront\"");
		if (strcmp(mode, "spread") == 0)
			inst->fee_mode = FEE_SPREAD;
		else if (strcmp(mode, "upfront") == 0)
			inst->fee_mode = FEE_UPFRONT;
		else
			return perr(p, fp,
			    "expected \"spread\" or \"upfront\"");
	}
	if (opt_bool(p, o, path, "waives_future_fees",
	    &inst->waives_future_fees) == -1)
		return -1;
	return 0;
}

/*
 * COD-F1: the mall's policy is a service fee of 3% to 5%; refuse a rate
 * outside it, naming field fp.
 */
static int
cod_fee_check(struct pctx *p, const struct money_rate *fee, const char *fp)
{
	const struct money_rate lo = { 3, 100 }, hi = { 5, 100 };

	/* Cross multiplication is exact: the dens are at most 10^14. */
	if ((__int128)fee->num * lo.den < (__int128)lo.num * fee->den ||
	    (__int128)fee->num * hi.den > (__int128)hi.num * fee->den)
		return perr(p, fp, "must be from 3 to 5 (COD-F1)");
	return 0;
}

/*
 * settings.cod_regions: {"SEA": {"max_usd": null, "fee_percent": "4"}}.
 * Replaces the demo list.
 */
static int
parse_cod_regions(struct pctx *p, json_t *o, struct facts *f)
{
	static const char *const keys[] = { "max_usd", "fee_percent", NULL };
	struct cod_region *r;
	const char	*key;
	json_t		*v, *fee;
	char		 path[PATH_MAX_LEN], fp[PATH_MAX_LEN];
	int		 rc;

	facts_clear_cod_regions(f);
	json_object_foreach(o, key, v) {
		join(path, sizeof(path), "settings.cod_regions", key);
		if (!json_is_object(v))
			return perr(p, path, "expected an object");
		if (strlen(key) == 0 || strlen(key) >= FACTS_ID_MAX)
			return perr(p, path, "region names are 1 to %d "
			    "characters", FACTS_ID_MAX - 1);
		r = facts_add_cod_region(f);
		snprintf(r->id, sizeof(r->id), "%s", key);
		r->fee = f->settings.cod_default_fee;
		if (check_keys(p, v, path, keys) == -1 ||
		    (rc = get_money(p, v, path, "max_usd", "USD", 0,
		    &r->max_usd)) == -1)
			return -1;
		r->has_max = rc;
		if ((rc = get(p, v, path, "fee_percent", 0, &fee)) == -1)
			return -1;
		if (rc == 1) {
			join(fp, sizeof(fp), path, "fee_percent");
			if (percent_value(p, fee, fp, &r->fee) == -1)
				return -1;
			if (cod_fee_check(p, &r->fee, fp) == -1)
				return -1;
		}
	}
	return 0;
}

/*
 * settings: optional throughout; each key replaces its default.
 */
static int
parse_settings(struct pctx *p, json_t *o, struct facts *f)
{
	static const char *const keys[] = { "cod_regions",
	    "installment_high_risk_countries", "remittance_country_limits_usd",
	    "institutions", "platform_min_credit_score",
	    "pau_min_credit_score", "installment_min_usd",
	    "installment_low_threshold_usd",
	    "installment_b2b_min_orders_usd_90d", "credit_line_max_usd",
	    "cod_b2c_max_usd", "cod_start_limit_usd", "cod_full_limit_usd",
	    "cod_ladder_orders", "cod_max_delivery_days",
	    "cod_default_fee_percent", "cod_refusals_to_suspend",
	    "cod_suspension_months", "remittance_b2c_max_usd", NULL };
	const char	*path = "settings";
	struct settings_facts *s = &f->settings;
	struct country_limit *cl;
	const char	*key;
	json_t		*v, *e;
	char		 fp[PATH_MAX_LEN], cc[FACTS_ID_MAX];
	int64_t		 months;
	size_t		 i;
	int		 rc;

	if (check_keys(p, o, path, keys) == -1)
		return -1;
	/* Scalars first: the lists below take their defaults from them. */
	months = s->cod_suspension_months;
	if (get_int(p, o, path, "platform_min_credit_score", 0, 0, 100000,
	    &s->platform_min_credit_score) == -1 ||
	    get_int(p, o, path, "pau_min_credit_score", 0, 0, 100000,
	    &s->pau_min_credit_score) == -1 ||
	    get_money(p, o, path, "installment_min_usd", "USD", 0,
	    &s->inst_min_usd) == -1 ||
	    get_money(p, o, path, "installment_low_threshold_usd", "USD", 0,
	    &s->inst_low_threshold_usd) == -1 ||
	    get_money(p, o, path, "installment_b2b_min_orders_usd_90d", "USD",
	    0, &s->inst_b2b_orders_usd_90d) == -1 ||
	    get_money(p, o, path, "credit_line_max_usd", "USD", 0,
	    &s->credit_line_max_usd) == -1 ||
	    get_money(p, o, path, "cod_b2c_max_usd", "USD", 0,
	    &s->cod_b2c_max_usd) == -1 ||
	    get_money(p, o, path, "cod_start_limit_usd", "USD", 0,
	    &s->cod_start_limit_usd) == -1 ||
	    get_money(p, o, path, "cod_full_limit_usd", "USD", 0,
	    &s->cod_full_limit_usd) == -1 ||
	    get_int(p, o, path, "cod_ladder_orders", 0, 0, INT32_MAX,
	    &s->cod_ladder_orders) == -1 ||
	    get_int(p, o, path, "cod_max_delivery_days", 0, 0, 3650,
	    &s->cod_max_delivery_days) == -1 ||
	    get_int(p, o, path, "cod_refusals_to_suspend", 0, 1, 1000,
	    &s->cod_refusals_to_suspend) == -1 ||
	    get_int(p, o, path, "cod_suspension_months", 0, 0, 1200,
	    &months) == -1 ||
	    get_money(p, o, path, "remittance_b2c_max_usd", "USD", 0,
	    &s->rem_b2c_max_usd) == -1)
		return -1;
	s->cod_suspension_months = (int32_t)months;
	if ((rc = get(p, o, path, "cod_default_fee_percent", 0, &v)) == -1)
		return -1;
	if (rc == 1 && (percent_value(p, v,
	    "settings.cod_default_fee_percent", &s->cod_default_fee) == -1 ||
	    cod_fee_check(p, &s->cod_default_fee,
	    "settings.cod_default_fee_percent") == -1))
		return -1;

	if ((rc = get_object(p, o, path, "cod_regions", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		if (parse_cod_regions(p, v, f) == -1)
			return -1;
	} else
		facts_default_cod_regions(f);

	if ((rc = get(p, o, path, "installment_high_risk_countries", 0,
	    &v)) == -1)
		return -1;
	if (rc == 1) {
		if (!json_is_array(v))
			return perr(p,
			    "settings.installment_high_risk_countries",
			    "expected an array of country codes");
		json_array_foreach(v, i, e) {
			pathf(fp, sizeof(fp),
			    "settings.installment_high_risk_countries[%zu]", i);
			if (str_value(p, e, fp, cc, sizeof(cc), 0) == -1)
				return -1;
			facts_add_high_risk_country(f, cc);
		}
	}

	if ((rc = get_object(p, o, path, "remittance_country_limits_usd", 0,
	    &v)) == -1)
		return -1;
	if (rc == 1) {
		json_object_foreach(v, key, e) {
			join(fp, sizeof(fp), "settings."
			    "remittance_country_limits_usd", key);
			if (strlen(key) == 0 || strlen(key) >= FACTS_ID_MAX)
				return perr(p, fp, "country codes are 1 to %d "
				    "characters", FACTS_ID_MAX - 1);
			cl = facts_add_remittance_limit(f);
			snprintf(cl->country, sizeof(cl->country), "%s", key);
			if (money_value(p, e, fp, "USD", &cl->max_usd) == -1)
				return -1;
		}
	}

	if ((rc = get(p, o, path, "institutions", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		if (!json_is_array(v))
			return perr(p, "settings.institutions",
			    "expected an array of institutions");
		facts_clear_institutions(f);
		json_array_foreach(v, i, e) {
			pathf(fp, sizeof(fp), "settings.institutions[%zu]",
			    i);
			if (parse_institution(p, e, fp, f) == -1)
				return -1;
		}
	} else
		facts_default_institutions(f);
	return 0;
}

/*
 * Parse a facts document; see eligibility.h.
 */
int
eligibility_parse(const char *buf, size_t len, struct facts *out, char *err,
    size_t errsz)
{
	static const char *const keys[] = { "now", "buyer", "order",
	    "settings", NULL };
	struct pctx	 p;
	json_error_t	 jerr;
	json_t		*root, *v;
	int		 rc = -1, have;

	p.err = err;
	p.errsz = errsz;
	if (errsz > 0)
		err[0] = '\0';
	facts_defaults(out);
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		snprintf(err, errsz, "(document): line %d column %d: %s",
		    jerr.line, jerr.column, jerr.text);
		goto out;
	}
	if (!json_is_object(root)) {
		perr(&p, "(document)", "expected a JSON object");
		goto out;
	}
	if (check_keys(&p, root, "", keys) == -1)
		goto out;
	if (get(&p, root, "", "now", 1, &v) == -1 ||
	    date_value(&p, v, "now", &out->now) == -1)
		goto out;
	/* Settings first: they do not depend on the rest. */
	if ((have = get_object(&p, root, "", "settings", 0, &v)) == -1)
		goto out;
	if (have == 1 && parse_settings(&p, v, out) == -1)
		goto out;
	if (get_object(&p, root, "", "buyer", 1, &v) == -1 ||
	    parse_buyer(&p, v, out) == -1)
		goto out;
	if (get_object(&p, root, "", "order", 1, &v) == -1 ||
	    parse_order(&p, v, out) == -1)
		goto out;
	rc = 0;
out:
	json_decref(root);
	if (rc == -1)
		facts_cleanup(out);
	return rc;
}

/*
 * A JSON string of money m's plain decimal ("420.00").
 */
static json_t *
jmoney(const struct money *m)
{
	char	 s[MONEY_STR_MAX];

	return json_string(money_str(m, s, sizeof(s)));
}

/*
 * A JSON string of date d.
 */
static json_t *
jdate(mp_date d)
{
	char	 s[CAL_DATE_STRLEN];

	return json_string(mp_date_str(d, s, sizeof(s)));
}

/*
 * The institution of f with id, or NULL.
 */
static const struct institution *
find_inst(const struct facts *f, const char *id)
{
	size_t	 i;

	for (i = 0; i < f->settings.ninstitutions; i++)
		if (strcmp(f->settings.institutions[i].id, id) == 0)
			return &f->settings.institutions[i];
	return NULL;
}

/*
 * One verdict as a JSON object (new reference).
 */
static json_t *
render_verdict(const struct facts *f, const struct verdict *v)
{
	const struct institution *inst = NULL;
	const struct reason *r;
	json_t		*o, *rs, *ro, *terms;
	char		 rate[64];
	size_t		 i;

	o = json_object();
	json_object_set_new(o, "method",
	    json_string(pay_method_name(v->method)));
	if (v->institution[0] != '\0') {
		json_object_set_new(o, "institution",
		    json_string(v->institution));
		inst = find_inst(f, v->institution);
	}
	json_object_set_new(o, "eligible", json_boolean(v->eligible));
	rs = json_array();
	for (i = 0; i < v->nreasons; i++) {
		r = &v->reasons[i];
		ro = json_object();
		json_object_set_new(ro, "rule", json_string(r->rule));
		json_object_set_new(ro, "message", json_string(r->message));
		switch (r->fig) {
		case FIG_MONEY:
			json_object_set_new(ro, "amount", jmoney(&r->amount));
			json_object_set_new(ro, "limit", jmoney(&r->limit));
			json_object_set_new(ro, "currency",
			    json_string(r->amount.cur));
			break;
		case FIG_COUNT:
			json_object_set_new(ro, "value",
			    json_integer(r->value));
			json_object_set_new(ro, "limit",
			    json_integer(r->limit_count));
			break;
		case FIG_DATE:
			json_object_set_new(ro, "date", jdate(r->date));
			break;
		case FIG_ITEMS:
			json_object_set_new(ro, "items",
			    json_integer(r->value));
			break;
		default:
			break;
		}
		json_array_append_new(rs, ro);
	}
	json_object_set_new(o, "reasons", rs);
	if (v->truncated)
		json_object_set_new(o, "reasons_truncated", json_true());
	if (v->has_amount) {
		json_object_set_new(o, "amount", jmoney(&v->amount));
		json_object_set_new(o, "currency", json_string(v->amount.cur));
		json_object_set_new(o, "amount_usd", jmoney(&v->amount_usd));
	}
	if (v->has_limit)
		json_object_set_new(o, v->method <= PM_INSTALLMENT_CORPORATE ?
		    "min_usd" : "limit_usd", jmoney(&v->limit_usd));
	if (v->has_available)
		json_object_set_new(o, "available_usd",
		    jmoney(&v->available_usd));
	if (v->has_fee) {
		json_object_set_new(o, "cod_fee", jmoney(&v->fee));
		json_object_set_new(o, "cod_fee_percent", json_string(
		    money_rate_percent_str(cod_fee_rate(f), rate,
		    sizeof(rate))));
	}
	if (v->has_until)
		json_object_set_new(o, "suspended_until", jdate(v->until));
	if (v->nterms > 0) {
		terms = json_array();
		for (i = 0; i < v->nterms; i++)
			json_array_append_new(terms,
			    json_integer(v->terms[i]));
		json_object_set_new(o, "terms", terms);
	}
	if (inst != NULL && v->method <= PM_INSTALLMENT_CORPORATE) {
		json_object_set_new(o, "monthly_rate", json_string(
		    money_rate_percent_str(&inst->monthly_rate, rate,
		    sizeof(rate))));
		json_object_set_new(o, "fee_mode", json_string(
		    inst->fee_mode == FEE_UPFRONT ? "upfront" : "spread"));
		json_object_set_new(o, "waives_future_fees",
		    json_boolean(inst->waives_future_fees));
	}
	return o;
}

/*
 * {"methods":[...]} for l, appended to b; see eligibility.h.
 */
void
eligibility_render(const struct facts *f, const struct verdict_list *l,
    struct buf *b)
{
	json_t	*root, *ms;
	char	*s;
	size_t	 i;

	root = json_object();
	ms = json_array();
	for (i = 0; i < l->n; i++)
		json_array_append_new(ms, render_verdict(f, &l->v[i]));
	json_object_set_new(root, "methods", ms);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (s == NULL) {
		/* jansson only fails here when memory runs out. */
		fprintf(stderr, "mallpay: out of memory rendering JSON\n");
		abort();
	}
	buf_puts(b, s);
	buf_putc(b, '\n');
	free(s);
	json_decref(root);
}

/*
 * Read all of fd into b, at most max bytes. Returns 0, or -1 with errno
 * (EFBIG when the input is too large).
 */
static int
read_all(int fd, struct buf *b, size_t max)
{
	char	 chunk[8192];
	ssize_t	 n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			return 0;
		if (b->len + (size_t)n > max) {
			errno = EFBIG;
			return -1;
		}
		buf_append(b, chunk, (size_t)n);
	}
}

/*
 * The eligibility command; see eligibility.h.
 */
int
ctl_eligibility(int argc, char **argv)
{
	struct buf	 in, out;
	struct facts	 f;
	struct verdict_list l;
	char		 err[512];
	int		 rc, saved;

	if (argc > 1) {
		if (strcmp(argv[1], "-h") == 0 ||
		    strcmp(argv[1], "--help") == 0) {
			printf("usage: mallpayctl eligibility < facts.json\n");
			return 0;
		}
		fprintf(stderr, "usage: mallpayctl eligibility < facts.json\n");
		return 2;
	}
	buf_init(&in);
	if (read_all(STDIN_FILENO, &in, ELIG_MAX_INPUT) == -1) {
		saved = errno;
		fprintf(stderr, "mallpayctl eligibility: reading stdin: %s\n",
		    saved == EFBIG ? "document larger than 4 MiB" :
		    strerror(saved));
		buf_cleanup(&in);
		return saved == EFBIG ? 2 : 1;
	}
	rc = eligibility_parse(in.data ? in.data : "", in.len, &f, err,
	    sizeof(err));
	buf_cleanup(&in);
	if (rc == -1) {
		fprintf(stderr, "mallpayctl eligibility: %s\n", err);
		return 2;
	}
	verdict_list_init(&l);
	eligibility_check_all(&f, &l);
	buf_init(&out);
	eligibility_render(&f, &l, &out);
	rc = fwrite(out.data, 1, out.len, stdout) == out.len &&
	    fflush(stdout) == 0 ? 0 : 1;
	if (rc != 0)
		fprintf(stderr, "mallpayctl eligibility: writing stdout: "
		    "%s\n", strerror(errno));
	buf_cleanup(&out);
	verdict_list_cleanup(&l);
	facts_cleanup(&f);
	return rc;
}
