/*
 * The eligibility facts parser (RULES C-06): a JSON facts document into
 * struct facts; see eligibility.h. The parser takes (buf, len) so
 * tests/fuzz/fuzz_facts.c can drive it directly.
 *
 * Strictness (decided here): every field of the example facts document (README) is
 * required except the ones listed as optional below, unknown fields are
 * refused (a misspelt "dureable" must not silently read as false), money
 * is a decimal string (never a JSON number: no floating point near
 * money, C-01), dates are "YYYY-MM-DD".
 * Optional: order.coupons, order.points (0), buyer.cod (no history),
 * buyer.cod.suspended_until, buyer.company (required for a company),
 * buyer.credit_line (none), settings and each of its keys (RULES.md's
 * defaults), and within an institution everything but id and method.
 * The settings object is read in facts_settings.c.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/calendar.h"
#include "core/fx.h"
#include "core/money.h"
#include "ctl/eligibility.h"
#include "ctl/facts_json.h"
#include "rules/facts.h"

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

	if (fj_check_keys(p, o, path, keys) == -1 ||
	    fj_get_int(p, o, path, "completed_orders", 1, 0, INT32_MAX,
	    &h->completed_orders) == -1 ||
	    fj_get_int(p, o, path, "violations", 1, 0, INT32_MAX,
	    &h->violations) == -1 ||
	    fj_get_bool(p, o, path, "revoked", &h->revoked) == -1)
		return -1;
	if (fj_get(p, o, path, "unreasonable_refusals", 1, &a) == -1)
		return -1;
	if (!json_is_array(a))
		return fj_err(p, "buyer.cod.unreasonable_refusals",
		    "expected an array of dates");
	json_array_foreach(a, i, v) {
		fj_pathf(fp, sizeof(fp), "buyer.cod.unreasonable_refusals[%zu]",
		    i);
		if (fj_date_value(p, v, fp, &d) == -1)
			return -1;
		facts_add_refusal(f, d);
	}
	if ((rc = fj_get(p, o, path, "suspended_until", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		if (fj_date_value(p, v, "buyer.cod.suspended_until",
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
	if (fj_check_keys(p, o, path, keys) == -1 ||
	    fj_get_bool(p, o, path, "qualification_verified",
	    &c->qualification_verified) == -1)
		return -1;
	if ((rc = fj_get_nullable(p, o, path, "qualification_expires",
	    &v)) == -1)
		return -1;
	if (rc == 1) {
		if (fj_date_value(p, v, "buyer.company.qualification_expires",
		    &c->qualification_expires) == -1)
			return -1;
		c->has_qualification_expires = 1;
	}
	if (fj_get_money(p, o, path, "completed_orders_usd_90d", "USD", 1,
	    &c->completed_orders_usd_90d) == -1 ||
	    fj_get_money_nullable(p, o, path, "cod_agreement_limit_usd", "USD",
	    &c->has_cod_agreement, &c->cod_agreement_limit_usd) == -1 ||
	    fj_get_money_nullable(p, o, path, "remittance_quota_usd", "USD",
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

	if (fj_check_keys(p, o, path, keys) == -1 ||
	    fj_get_str(p, o, path, "type", type, sizeof(type), 0) == -1)
		return -1;
	if (strcmp(type, "person") == 0)
		b->type = BUYER_PERSON;
	else if (strcmp(type, "company") == 0)
		b->type = BUYER_COMPANY;
	else
		return fj_err(p, "buyer.type", "expected \"person\" or "
		    "\"company\"");
	if (fj_get_bool(p, o, path, "real_name_verified",
	    &b->real_name_verified) == -1 ||
	    fj_get_bool(p, o, path, "bad_payment_record",
	    &b->bad_payment_record) == -1 ||
	    fj_get_bool(p, o, path, "installment_suspended",
	    &b->installment_suspended) == -1)
		return -1;
	if ((rc = fj_get_nullable(p, o, path, "credit_score", &v)) == -1)
		return -1;
	if (rc == 1) {
		if (fj_int_value(p, v, "buyer.credit_score", 0, 100000,
		    &b->credit_score) == -1)
			return -1;
		b->has_credit_score = 1;
	}
	if ((rc = fj_get_object(p, o, path, "cod", 0, &v)) == -1)
		return -1;
	if (rc == 1 && parse_cod(p, v, f) == -1)
		return -1;
	if ((rc = fj_get_object(p, o, path, "company",
	    b->type == BUYER_COMPANY, &v)) == -1)
		return -1;
	if (rc == 1 && parse_company(p, v, f) == -1)
		return -1;
	if ((rc = fj_get_object(p, o, path, "credit_line", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		b->has_credit_line = 1;
		if (fj_check_keys(p, v, "buyer.credit_line", clkeys) == -1 ||
		    fj_get_money(p, v, "buyer.credit_line", "limit_usd", "USD",
		    1, &b->credit_line_limit_usd) == -1 ||
		    fj_get_money(p, v, "buyer.credit_line", "used_usd", "USD",
		    1, &b->credit_line_used_usd) == -1)
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
		return fj_err(p, path, "expected an object");
	it = facts_add_item(f);
	if (fj_check_keys(p, o, path, keys) == -1 ||
	    fj_get_str(p, o, path, "category", it->category,
	    sizeof(it->category), 0) == -1 ||
	    fj_get_bool(p, o, path, "durable", &it->durable) == -1 ||
	    fj_get_bool(p, o, path, "high_value", &it->high_value) == -1 ||
	    fj_get_bool(p, o, path, "pre_order", &it->pre_order) == -1 ||
	    fj_get_bool(p, o, path, "customized", &it->customized) == -1 ||
	    fj_get_bool(p, o, path, "special_customs",
	    &it->special_customs) == -1 ||
	    fj_get_bool(p, o, path, "pay_after_use", &it->pay_after_use) == -1)
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

	if (fj_check_keys(p, o, path, keys) == -1 ||
	    fj_get_str(p, o, path, "currency", od->currency,
	    sizeof(od->currency), 0) == -1)
		return -1;
	if (money_exponent(od->currency) == -1)
		return fj_err(p, "order.currency", "unknown currency \"%s\"",
		    od->currency);
	/* money_set() normalises the case of the code. */
	money_set(&od->items_total, 0, od->currency);
	memcpy(od->currency, od->items_total.cur, sizeof(od->currency));
	if (fj_get_str(p, o, path, "usd_per_unit", od->usd_per_unit,
	    sizeof(od->usd_per_unit), 0) == -1)
		return -1;
	/* C-02: the rate must be usable before any rule runs. */
	if (fx_rate_parse(od->usd_per_unit, strlen(od->usd_per_unit), &r, e,
	    sizeof(e)) == -1)
		return fj_err(p, "order.usd_per_unit", "%s", e);
	money_set(&od->coupons, 0, od->currency);
	money_set(&od->points, 0, od->currency);
	if (fj_get_money(p, o, path, "items_total", od->currency, 1,
	    &od->items_total) == -1 ||
	    fj_get_money(p, o, path, "coupons", od->currency, 0,
	    &od->coupons) == -1 ||
	    fj_get_money(p, o, path, "points", od->currency, 0,
	    &od->points) == -1 ||
	    fj_get_bool(p, o, path, "flash_sale", &od->flash_sale) == -1)
		return -1;

	if (fj_get_object(p, o, path, "shipping", 1, &s) == -1 ||
	    fj_check_keys(p, s, "order.shipping", skeys) == -1 ||
	    fj_get_str(p, s, "order.shipping", "country", od->shipping.country,
	    sizeof(od->shipping.country), 0) == -1 ||
	    fj_get_str(p, s, "order.shipping", "region", od->shipping.region,
	    sizeof(od->shipping.region), 1) == -1 ||
	    fj_get_int(p, s, "order.shipping", "delivery_days", 1, 0, 3650,
	    &od->shipping.delivery_days) == -1 ||
	    fj_get_bool(p, s, "order.shipping", "expedited",
	    &od->shipping.expedited) == -1)
		return -1;

	if (fj_get(p, o, path, "items", 1, &v) == -1)
		return -1;
	if (!json_is_array(v))
		return fj_err(p, "order.items", "expected an array of items");
	for (i = 0; i < json_array_size(v); i++) {
		fj_pathf(fp, sizeof(fp), "order.items[%zu]", i);
		if (parse_item(p, json_array_get(v, i), fp, f) == -1)
			return -1;
	}
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
		fj_err(&p, "(document)", "expected a JSON object");
		goto out;
	}
	if (fj_check_keys(&p, root, "", keys) == -1)
		goto out;
	if (fj_get(&p, root, "", "now", 1, &v) == -1 ||
	    fj_date_value(&p, v, "now", &out->now) == -1)
		goto out;
	/* Settings first: they do not depend on the rest. */
	if ((have = fj_get_object(&p, root, "", "settings", 0, &v)) == -1)
		goto out;
	if (have == 1 && fj_parse_settings(&p, v, out) == -1)
		goto out;
	if (fj_get_object(&p, root, "", "buyer", 1, &v) == -1 ||
	    parse_buyer(&p, v, out) == -1)
		goto out;
	if (fj_get_object(&p, root, "", "order", 1, &v) == -1 ||
	    parse_order(&p, v, out) == -1)
		goto out;
	rc = 0;
out:
	json_decref(root);
	if (rc == -1)
		facts_cleanup(out);
	return rc;
}
