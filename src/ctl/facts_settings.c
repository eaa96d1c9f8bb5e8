/*
 * The settings object of the eligibility facts document (see
 * facts_json.h): the mall's figures, COD regions, country lists and the
 * installment institutions, each replacing RULES.md's default.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "core/money.h"
#include "ctl/facts_json.h"
#include "rules/facts.h"

/*
 * settings.institutions[i].terms (at fp, present): 1 to FACTS_TERMS_MAX
 * distinct months that method m allows, into inst.
 */
static int
parse_inst_terms(struct pctx *p, json_t *v, const char *fp,
    enum inst_method m, struct institution *inst)
{
	json_t		*t;
	char		 tp[PATH_MAX_LEN];
	const char	*why;
	int64_t		 term;
	size_t		 i, j;

	if (!json_is_array(v) || json_array_size(v) == 0 ||
	    json_array_size(v) > FACTS_TERMS_MAX)
		return fj_err(p, fp, "expected an array of 1 to %d terms "
		    "in months", FACTS_TERMS_MAX);
	inst->nterms = 0;
	json_array_foreach(v, i, t) {
		fj_pathf(tp, sizeof(tp), "%s[%zu]", fp, i);
		if (fj_int_value(p, t, tp, 1, 120, &term) == -1)
			return -1;
		for (j = 0; j < inst->nterms; j++)
			if (inst->terms[j] == (int)term)
				return fj_err(p, tp, "duplicate term");
		if ((why = inst_term_refusal(m, (int)term)) != NULL)
			return fj_err(p, tp, "%s", why);
		inst->terms[inst->nterms++] = (int)term;
	}
	return 0;
}

/*
 * The optional rates and fee mode of institution object o at path (method
 * m) into inst: monthly_rate (within method m's range), late_fee_rate,
 * fee_mode ("spread" or "upfront").
 */
static int
parse_inst_rates(struct pctx *p, json_t *o, const char *path,
    enum inst_method m, struct institution *inst)
{
	json_t		*v;
	char		 fp[PATH_MAX_LEN], mode[16];
	const char	*why;
	int		 rc;

	if ((rc = fj_get(p, o, path, "monthly_rate", 0, &v)) == -1)
		return -1;
	if (rc == 1 && fj_percent_value(p, v, fj_join(fp, sizeof(fp), path,
	    "monthly_rate"), &inst->monthly_rate) == -1)
		return -1;
	if (rc == 1 &&
	    (why = inst_rate_refusal(m, &inst->monthly_rate)) != NULL)
		return fj_err(p, fp, "%s", why);
	if ((rc = fj_get(p, o, path, "late_fee_rate", 0, &v)) == -1)
		return -1;
	if (rc == 1 && fj_percent_value(p, v, fj_join(fp, sizeof(fp), path,
	    "late_fee_rate"), &inst->late_fee_rate) == -1)
		return -1;
	if ((rc = fj_get(p, o, path, "fee_mode", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		fj_join(fp, sizeof(fp), path, "fee_mode");
		if (fj_str_value(p, v, fp, mode, sizeof(mode), 0) == -1)
			return fj_err(p, fp,
			    "expected \"spread\" or \"upfront\"");
		if (strcmp(mode, "spread") == 0)
			inst->fee_mode = FEE_SPREAD;
		else if (strcmp(mode, "upfront") == 0)
			inst->fee_mode = FEE_UPFRONT;
		else
			return fj_err(p, fp,
			    "expected \"spread\" or \"upfront\"");
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
	json_t		*v;
	char		 id[FACTS_ID_MAX], method[32], fp[PATH_MAX_LEN];
	size_t		 i;
	int		 rc;

	if (!json_is_object(o))
		return fj_err(p, path, "expected an object");
	if (fj_check_keys(p, o, path, keys) == -1 ||
	    fj_get_str(p, o, path, "id", id, sizeof(id), 0) == -1 ||
	    fj_get_str(p, o, path, "method", method, sizeof(method), 0) == -1)
		return -1;
	if (inst_method_from_name(method, &m) == -1)
		return fj_err(p, fj_join(fp, sizeof(fp), path, "method"),
		    "expected \"installment_card\", \"installment_partner\", "
		    "\"installment_corporate\" or \"credit_line\"");
	for (i = 0; i < f->settings.ninstitutions; i++)
		if (strcmp(f->settings.institutions[i].id, id) == 0)
			return fj_err(p, fj_join(fp, sizeof(fp), path, "id"),
			    "duplicate institution \"%s\"", id);
	inst = facts_add_institution(f);
	facts_institution_defaults(f, inst, m, id);

	/* INST-05: a low-threshold institution accepts from USD 300; an
	 * explicit min_usd wins over the flag. */
	if (fj_opt_bool(p, o, path, "low_threshold",
	    &inst->low_threshold) == -1)
		return -1;
	if (inst->low_threshold)
		inst->min_usd = f->settings.inst_low_threshold_usd;
	if (fj_get_money(p, o, path, "min_usd", "USD", 0,
	    &inst->min_usd) == -1)
		return -1;
	if ((rc = fj_get(p, o, path, "terms", 0, &v)) == -1)
		return -1;
	if (rc == 1 && parse_inst_terms(p, v, fj_join(fp, sizeof(fp), path,
	    "terms"), m, inst) == -1)
		return -1;
	if (parse_inst_rates(p, o, path, m, inst) == -1)
		return -1;
	if (fj_opt_bool(p, o, path, "waives_future_fees",
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
		return fj_err(p, fp, "must be from 3 to 5 (COD-F1)");
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
		fj_join(path, sizeof(path), "settings.cod_regions", key);
		if (!json_is_object(v))
			return fj_err(p, path, "expected an object");
		if (strlen(key) == 0 || strlen(key) >= FACTS_ID_MAX)
			return fj_err(p, path, "region names are 1 to %d "
			    "characters", FACTS_ID_MAX - 1);
		r = facts_add_cod_region(f);
		snprintf(r->id, sizeof(r->id), "%s", key);
		r->fee = f->settings.cod_default_fee;
		if (fj_check_keys(p, v, path, keys) == -1 ||
		    (rc = fj_get_money(p, v, path, "max_usd", "USD", 0,
		    &r->max_usd)) == -1)
			return -1;
		r->has_max = rc;
		if ((rc = fj_get(p, v, path, "fee_percent", 0, &fee)) == -1)
			return -1;
		if (rc == 1) {
			fj_join(fp, sizeof(fp), path, "fee_percent");
			if (fj_percent_value(p, fee, fp, &r->fee) == -1)
				return -1;
			if (cod_fee_check(p, &r->fee, fp) == -1)
				return -1;
		}
	}
	return 0;
}


/*
 * The scalar settings of o (each optional): credit scores, the money
 * thresholds and limits, the COD ladder and suspension, the COD default
 * fee (COD-F1's range).
 */
static int
parse_settings_scalars(struct pctx *p, json_t *o, struct settings_facts *s)
{
	const char	*path = "settings";
	json_t		*v;
	int64_t		 months = s->cod_suspension_months;
	int		 rc;

	if (fj_get_int(p, o, path, "platform_min_credit_score", 0, 0, 100000,
	    &s->platform_min_credit_score) == -1 ||
	    fj_get_int(p, o, path, "pau_min_credit_score", 0, 0, 100000,
	    &s->pau_min_credit_score) == -1 ||
	    fj_get_money(p, o, path, "installment_min_usd", "USD", 0,
	    &s->inst_min_usd) == -1 ||
	    fj_get_money(p, o, path, "installment_low_threshold_usd", "USD", 0,
	    &s->inst_low_threshold_usd) == -1 ||
	    fj_get_money(p, o, path, "installment_b2b_min_orders_usd_90d",
	    "USD", 0, &s->inst_b2b_orders_usd_90d) == -1 ||
	    fj_get_money(p, o, path, "credit_line_max_usd", "USD", 0,
	    &s->credit_line_max_usd) == -1 ||
	    fj_get_money(p, o, path, "cod_b2c_max_usd", "USD", 0,
	    &s->cod_b2c_max_usd) == -1 ||
	    fj_get_money(p, o, path, "cod_start_limit_usd", "USD", 0,
	    &s->cod_start_limit_usd) == -1 ||
	    fj_get_money(p, o, path, "cod_full_limit_usd", "USD", 0,
	    &s->cod_full_limit_usd) == -1 ||
	    fj_get_int(p, o, path, "cod_ladder_orders", 0, 0, INT32_MAX,
	    &s->cod_ladder_orders) == -1 ||
	    fj_get_int(p, o, path, "cod_max_delivery_days", 0, 0, 3650,
	    &s->cod_max_delivery_days) == -1 ||
	    fj_get_int(p, o, path, "cod_refusals_to_suspend", 0, 1, 1000,
	    &s->cod_refusals_to_suspend) == -1 ||
	    fj_get_int(p, o, path, "cod_suspension_months", 0, 0, 1200,
	    &months) == -1 ||
	    fj_get_money(p, o, path, "remittance_b2c_max_usd", "USD", 0,
	    &s->rem_b2c_max_usd) == -1)
		return -1;
	s->cod_suspension_months = (int32_t)months;
	if ((rc = fj_get(p, o, path, "cod_default_fee_percent", 0, &v)) == -1)
		return -1;
	if (rc == 1 && (fj_percent_value(p, v,
	    "settings.cod_default_fee_percent", &s->cod_default_fee) == -1 ||
	    cod_fee_check(p, &s->cod_default_fee,
	    "settings.cod_default_fee_percent") == -1))
		return -1;
	return 0;
}

/*
 * settings.installment_high_risk_countries (v, present): an array of
 * country codes added to f.
 */
static int
parse_high_risk(struct pctx *p, json_t *v, struct facts *f)
{
	json_t	*e;
	char	 fp[PATH_MAX_LEN], cc[FACTS_ID_MAX];
	size_t	 i;

	if (!json_is_array(v))
		return fj_err(p, "settings.installment_high_risk_countries",
		    "expected an array of country codes");
	json_array_foreach(v, i, e) {
		fj_pathf(fp, sizeof(fp),
		    "settings.installment_high_risk_countries[%zu]", i);
		if (fj_str_value(p, e, fp, cc, sizeof(cc), 0) == -1)
			return -1;
		facts_add_high_risk_country(f, cc);
	}
	return 0;
}

/*
 * settings.remittance_country_limits_usd (v, an object): the USD limit of
 * each country code, added to f.
 */
static int
parse_remittance_limits(struct pctx *p, json_t *v, struct facts *f)
{
	struct country_limit	*cl;
	const char		*key;
	json_t			*e;
	char			 fp[PATH_MAX_LEN];

	json_object_foreach(v, key, e) {
		fj_join(fp, sizeof(fp), "settings."
		    "remittance_country_limits_usd", key);
		if (strlen(key) == 0 || strlen(key) >= FACTS_ID_MAX)
			return fj_err(p, fp, "country codes are 1 to %d "
			    "characters", FACTS_ID_MAX - 1);
		cl = facts_add_remittance_limit(f);
		snprintf(cl->country, sizeof(cl->country), "%s", key);
		if (fj_money_value(p, e, fp, "USD", &cl->max_usd) == -1)
			return -1;
	}
	return 0;
}

/*
 * settings.institutions (v, present): the array replaces the demo list.
 */
static int
parse_institutions(struct pctx *p, json_t *v, struct facts *f)
{
	json_t	*e;
	char	 fp[PATH_MAX_LEN];
	size_t	 i;

	if (!json_is_array(v))
		return fj_err(p, "settings.institutions",
		    "expected an array of institutions");
	facts_clear_institutions(f);
	json_array_foreach(v, i, e) {
		fj_pathf(fp, sizeof(fp), "settings.institutions[%zu]", i);
		if (parse_institution(p, e, fp, f) == -1)
			return -1;
	}
	return 0;
}

/* See facts_json.h. */
int
fj_parse_settings(struct pctx *p, json_t *o, struct facts *f)
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
	json_t		*v;
	int		 rc;

	if (fj_check_keys(p, o, path, keys) == -1)
		return -1;
	/* Scalars first: the lists below take their defaults from them. */
	if (parse_settings_scalars(p, o, &f->settings) == -1)
		return -1;
	if ((rc = fj_get_object(p, o, path, "cod_regions", 0, &v)) == -1)
		return -1;
	if (rc == 1) {
		if (parse_cod_regions(p, v, f) == -1)
			return -1;
	} else
		facts_default_cod_regions(f);
	if ((rc = fj_get(p, o, path, "installment_high_risk_countries", 0,
	    &v)) == -1 || (rc == 1 && parse_high_risk(p, v, f) == -1))
		return -1;
	if ((rc = fj_get_object(p, o, path, "remittance_country_limits_usd", 0,
	    &v)) == -1 || (rc == 1 && parse_remittance_limits(p, v, f) == -1))
		return -1;
	if ((rc = fj_get(p, o, path, "institutions", 0, &v)) == -1)
		return -1;
	if (rc == 1)
		return parse_institutions(p, v, f);
	facts_default_institutions(f);
	return 0;
}
