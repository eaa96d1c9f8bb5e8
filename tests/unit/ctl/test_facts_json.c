/*
 * `mallpayctl eligibility`'s facts document: parsing, defaults, errors
 * naming the field, and the verdicts of the README's example
 * (src/ctl/facts_parse.c, eligibility_render.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/buf.h"
#include "ctl/eligibility.h"
#include "rules/eligibility.h"
#include "../rules/rules_fixture.h"

/* The README's example facts document, verbatim. */
static const char example[] =
"{\"now\": \"2026-11-21\",\n"
" \"buyer\": {\"type\": \"person\", \"real_name_verified\": true, \"credit_score\": 640,\n"
"           \"bad_payment_record\": false, \"installment_suspended\": false,\n"
"           \"cod\": {\"completed_orders\": 0, \"violations\": 0,\n"
"                   \"unreasonable_refusals\": [\"2026-10-01\"], \"revoked\": false},\n"
"           \"company\": {\"qualification_verified\": true, \"qualification_expires\": \"2027-06-30\",\n"
"                       \"completed_orders_usd_90d\": \"6200.00\",\n"
"                       \"cod_agreement_limit_usd\": null, \"remittance_quota_usd\": null},\n"
"           \"credit_line\": {\"limit_usd\": \"15000.00\", \"used_usd\": \"0.00\"}},\n"
" \"order\": {\"currency\": \"EUR\", \"usd_per_unit\": \"1.08\", \"items_total\": \"560.00\",\n"
"           \"coupons\": \"20.00\", \"points\": \"5.00\", \"flash_sale\": false,\n"
"           \"shipping\": {\"country\": \"MY\", \"region\": \"SEA\", \"delivery_days\": 5,\n"
"                        \"expedited\": false},\n"
"           \"items\": [{\"category\": \"3c-digital\", \"durable\": true, \"high_value\": false,\n"
"                      \"pre_order\": false, \"customized\": false, \"special_customs\": false,\n"
"                      \"pay_after_use\": false}]},\n"
" \"settings\": {\"cod_regions\": {\"SEA\": {\"max_usd\": null, \"fee_percent\": \"4\"}},\n"
"              \"installment_high_risk_countries\": [\"KP\"],\n"
"              \"remittance_country_limits_usd\": {},\n"
"              \"institutions\": [{\"id\": \"bank-a\", \"method\": \"installment_card\",\n"
"                                \"min_usd\": \"500.00\", \"terms\": [3, 6, 12, 24],\n"
"                                \"monthly_rate\": \"0.80\", \"fee_mode\": \"spread\",\n"
"                                \"waives_future_fees\": true}]}}\n";

/* A small valid person document with no settings. */
static const char minimal[] =
"{\"now\":\"2026-11-21\",\"buyer\":{\"type\":\"person\","
"\"real_name_verified\":true,\"credit_score\":700,"
"\"bad_payment_record\":false,\"installment_suspended\":false},"
"\"order\":{\"currency\":\"USD\",\"usd_per_unit\":\"1\","
"\"items_total\":\"600.00\",\"flash_sale\":false,"
"\"shipping\":{\"country\":\"MY\",\"region\":\"SEA\",\"delivery_days\":5,"
"\"expedited\":false},\"items\":[{\"category\":\"3c-digital\","
"\"durable\":true,\"high_value\":false,\"pre_order\":false,"
"\"customized\":false,\"special_customs\":false,\"pay_after_use\":true}]}}";

/* Replace the first occurrence of from in src by to; caller frees. */
static char *
edit(const char *src, const char *from, const char *to)
{
	const char	*p = strstr(src, from);
	char		*out;
	size_t		 a;

	assert_non_null(p);
	a = (size_t)(p - src);
	out = calloc(1, strlen(src) - strlen(from) + strlen(to) + 1);
	assert_non_null(out);
	memcpy(out, src, a);
	strcat(out, to);
	strcat(out, p + strlen(from));
	return out;
}

/* Parse doc and expect failure with exactly message want. */
static void
expect_error(const char *doc, const char *want)
{
	struct facts	 f;
	char		 err[256];

	assert_int_equal(eligibility_parse(doc, strlen(doc), &f, err,
	    sizeof(err)), -1);
	assert_string_equal(err, want);
	/* facts are already cleaned: nothing to free, all empty. */
	assert_null(f.order.items);
	assert_null(f.settings.institutions);
}

/* Parse doc and expect success. */
static void
expect_parse_ok(const char *doc)
{
	struct facts	f;
	char		err[256];

	if (eligibility_parse(doc, strlen(doc), &f, err, sizeof(err)) != 0)
		fail_msg("refused: %s", err);
	facts_cleanup(&f);
}

/* Parse a modified example and expect the error want. */
static void
expect_edit_error(const char *from, const char *to, const char *want)
{
	char	*doc = edit(example, from, to);

	expect_error(doc, want);
	free(doc);
}

static void
test_C_06_json_example_verdicts(void **state)
{
	struct facts	 f;
	struct verdict_list l;
	char		 err[256];
	const struct verdict *v;

	(void)state;
	assert_int_equal(eligibility_parse(example, strlen(example), &f, err,
	    sizeof(err)), 0);
	assert_int_equal(f.now, fx_date(2026, 11, 21));
	assert_int_equal(f.order.items_total.minor, 56000);
	assert_string_equal(f.order.items_total.cur, "EUR");
	assert_int_equal(f.buyer.cod.nrefusals, 1);
	assert_int_equal(f.settings.ninstitutions, 1);
	assert_int_equal(f.settings.institutions[0].nterms, 4);
	assert_true(f.settings.institutions[0].waives_future_fees);

	verdict_list_init(&l);
	eligibility_check_all(&f, &l);
	assert_int_equal(l.n, 7);
	/* installment_card bank-a: EUR 535.00 = USD 577.80 >= 500. */
	v = &l.v[0];
	assert_int_equal(v->method, PM_INSTALLMENT_CARD);
	assert_string_equal(v->institution, "bank-a");
	assert_true(v->eligible);
	assert_int_equal(v->amount.minor, 53500);
	assert_int_equal(v->amount_usd.minor, 57780);
	/* No partner and no corporate institution listed. */
	assert_false(l.v[1].eligible);
	assert_non_null(verdict_find(&l.v[1], "INST-PC"));
	assert_false(l.v[2].eligible);
	assert_non_null(verdict_find(&l.v[2], "INST-CORP"));
	/* Credit line: 577.80 of 15,000 available. */
	assert_int_equal(l.v[3].method, PM_CREDIT_LINE);
	assert_true(l.v[3].eligible);
	/* COD: a new COD shopper's limit is USD 500 (COD-07) only. */
	v = &l.v[4];
	assert_int_equal(v->method, PM_COD);
	assert_false(v->eligible);
	assert_int_equal(v->nreasons, 1);
	assert_string_equal(v->reasons[0].rule, "COD-07");
	assert_int_equal(v->fee.minor, 2140);
	assert_string_equal(v->fee.cur, "EUR");
	/* Remittance: fine. */
	assert_int_equal(l.v[5].method, PM_REMITTANCE);
	assert_true(l.v[5].eligible);
	/* Pay After Use: the item is not marked. */
	v = &l.v[6];
	assert_false(v->eligible);
	assert_int_equal(v->nreasons, 1);
	assert_string_equal(v->reasons[0].rule, "PAU-02");
	verdict_list_cleanup(&l);
	facts_cleanup(&f);
}

static void
test_C_06_json_render(void **state)
{
	struct facts	 f;
	struct verdict_list l;
	struct buf	 b;
	char		 err[256];
	json_t		*root, *ms, *m, *r;
	json_error_t	 je;

	(void)state;
	assert_int_equal(eligibility_parse(example, strlen(example), &f, err,
	    sizeof(err)), 0);
	verdict_list_init(&l);
	eligibility_check_all(&f, &l);
	buf_init(&b);
	eligibility_render(&f, &l, &b);
	root = json_loads(buf_str(&b), 0, &je);
	assert_non_null(root);
	ms = json_object_get(root, "methods");
	assert_int_equal(json_array_size(ms), 7);
	m = json_array_get(ms, 0);
	assert_string_equal(json_string_value(json_object_get(m, "method")),
	    "installment_card");
	assert_string_equal(json_string_value(json_object_get(m,
	    "institution")), "bank-a");
	assert_true(json_is_true(json_object_get(m, "eligible")));
	assert_string_equal(json_string_value(json_object_get(m,
	    "amount_usd")), "577.80");
	assert_string_equal(json_string_value(json_object_get(m,
	    "monthly_rate")), "0.80");
	assert_int_equal(json_array_size(json_object_get(m, "terms")), 4);
	m = json_array_get(ms, 4);
	assert_string_equal(json_string_value(json_object_get(m, "method")),
	    "cod");
	assert_null(json_object_get(m, "institution"));
	assert_true(json_is_false(json_object_get(m, "eligible")));
	assert_string_equal(json_string_value(json_object_get(m, "cod_fee")),
	    "21.40");
	assert_string_equal(json_string_value(json_object_get(m,
	    "cod_fee_percent")), "4.00");
	assert_string_equal(json_string_value(json_object_get(m,
	    "currency")), "EUR");
	r = json_array_get(json_object_get(m, "reasons"), 0);
	assert_string_equal(json_string_value(json_object_get(r, "rule")),
	    "COD-07");
	assert_string_equal(json_string_value(json_object_get(r, "amount")),
	    "577.80");
	assert_string_equal(json_string_value(json_object_get(r, "limit")),
	    "500.00");
	assert_string_equal(json_string_value(json_object_get(r,
	    "currency")), "USD");
	assert_non_null(strstr(json_string_value(json_object_get(r,
	    "message")), "COD-07: the amount to pay, USD 577.80 (EUR 535.00)"));
	/* Item rules carry the number of items. */
	m = json_array_get(ms, 6);
	r = json_array_get(json_object_get(m, "reasons"), 0);
	assert_string_equal(json_string_value(json_object_get(r, "rule")),
	    "PAU-02");
	assert_int_equal(json_integer_value(json_object_get(r, "items")), 1);
	json_decref(root);
	buf_cleanup(&b);
	verdict_list_cleanup(&l);
	facts_cleanup(&f);
}

static void
test_C_06_json_omitted_settings_take_defaults(void **state)
{
	struct facts	 f;
	struct verdict_list l;
	char		 err[256];
	size_t		 i;

	(void)state;
	assert_int_equal(eligibility_parse(minimal, strlen(minimal), &f, err,
	    sizeof(err)), 0);
	assert_int_equal(f.settings.platform_min_credit_score, 600);
	assert_int_equal(f.settings.pau_min_credit_score, 550);
	assert_int_equal(f.settings.inst_min_usd.minor, 50000);
	assert_int_equal(f.settings.ncod_regions, 4);
	assert_int_equal(f.settings.ninstitutions, 4);
	assert_int_equal(f.order.coupons.minor, 0);
	assert_false(f.buyer.has_credit_line);
	verdict_list_init(&l);
	eligibility_check_all(&f, &l);
	assert_int_equal(l.n, 7);
	for (i = 0; i < l.n; i++)
		assert_string_equal(pay_method_name(l.v[i].method),
		    pay_method_name((enum pay_method)i));
	verdict_list_cleanup(&l);
	facts_cleanup(&f);
}

static void
test_C_06_json_settings_override(void **state)
{
	struct facts	 f;
	char		 err[256], *doc;

	(void)state;
	doc = edit(minimal, "\"order\":", "\"settings\":{"
	    "\"platform_min_credit_score\":650,\"installment_min_usd\":\"400\","
	    "\"cod_default_fee_percent\":\"3.5\","
	    "\"remittance_country_limits_usd\":{\"MY\":\"2500.00\"},"
	    "\"institutions\":[{\"id\":\"p\",\"method\":\"installment_partner\","
	    "\"low_threshold\":true},{\"id\":\"c\",\"method\":\"credit_line\"},"
	    "{\"id\":\"k\",\"method\":\"installment_card\"}]},\"order\":");
	assert_int_equal(eligibility_parse(doc, strlen(doc), &f, err,
	    sizeof(err)), 0);
	assert_int_equal(f.settings.platform_min_credit_score, 650);
	assert_int_equal(f.settings.ninstitutions, 3);
	/* low_threshold: USD 300; others take installment_min_usd. */
	assert_int_equal(f.settings.institutions[0].min_usd.minor, 30000);
	assert_int_equal(f.settings.institutions[2].min_usd.minor, 40000);
	/* The demo regions take the new default fee. */
	assert_int_equal(f.settings.cod_regions[0].fee.num * 1000 /
	    f.settings.cod_regions[0].fee.den, 35);
	assert_int_equal(f.settings.nremittance_limits, 1);
	facts_cleanup(&f);
	free(doc);
}

static void
test_C_06_json_malformed_names_field(void **state)
{
	char	*doc, *doc2;

	(void)state;
	expect_edit_error("\"durable\": true", "\"durable\": \"yes\"",
	    "order.items[0].durable: expected true or false");
	expect_edit_error("\"now\": \"2026-11-21\",", "",
	    "now: missing");
	expect_edit_error("\"2026-11-21\"", "\"2026-02-30\"",
	    "now: expected a date \"YYYY-MM-DD\"");
	expect_edit_error("[\"2026-10-01\"]", "[\"2026-10-01\", 5]",
	    "buyer.cod.unreasonable_refusals[1]: expected a date "
	    "\"YYYY-MM-DD\"");
	expect_edit_error("\"credit_score\": 640", "\"credit_score\": 640.5",
	    "buyer.credit_score: expected a whole number");
	expect_edit_error("\"delivery_days\": 5", "\"delivery_days\": -1",
	    "order.shipping.delivery_days: expected a whole number from 0 to "
	    "3650");
	expect_edit_error("\"type\": \"person\"", "\"type\": \"robot\"",
	    "buyer.type: expected \"person\" or \"company\"");
	expect_edit_error("\"durable\": true", "\"dureable\": true",
	    "order.items[0].dureable: unknown field");
	expect_edit_error("\"currency\": \"EUR\"", "\"currency\": \"XYZ\"",
	    "order.currency: unknown currency \"XYZ\"");
	expect_edit_error("\"fee_mode\": \"spread\"", "\"fee_mode\": \"x\"",
	    "settings.institutions[0].fee_mode: expected \"spread\" or "
	    "\"upfront\"");
	expect_edit_error("\"fee_percent\": \"4\"", "\"fee_percent\": \"6\"",
	    "settings.cod_regions.SEA.fee_percent: must be from 3 to 5 "
	    "(COD-F1)");
	expect_edit_error("\"method\": \"installment_card\"",
	    "\"method\": \"cheque\"", "settings.institutions[0].method: "
	    "expected \"installment_card\", \"installment_partner\", "
	    "\"installment_corporate\" or \"credit_line\"");
	expect_edit_error("\"terms\": [3, 6, 12, 24]", "\"terms\": [3, 0]",
	    "settings.institutions[0].terms[1]: expected a whole number from "
	    "1 to 120");
	expect_edit_error("\"limit_usd\": \"15000.00\"",
	    "\"limit_usd\": 15000", "buyer.credit_line.limit_usd: expected a "
	    "decimal string such as \"500.00\"");
	/* items as an object instead of an array. */
	doc = edit(example, "\"items\": [", "\"items\": {\"a\": [");
	doc2 = edit(doc, "\"pay_after_use\": false}]}",
	    "\"pay_after_use\": false}]}}");
	expect_error(doc2, "order.items: expected an array of items");
	free(doc);
	free(doc2);
	expect_edit_error("\"completed_orders_usd_90d\": \"6200.00\"",
	    "\"completed_orders_usd_90d\": null",
	    "buyer.company.completed_orders_usd_90d: must not be null");
}

static void
test_C_06_json_malformed_amounts_and_syntax(void **state)
{
	struct facts	 f;
	char		 err[256];
	char		*doc;

	(void)state;
	/* A decimal with a thousands separator: refused, field named. */
	doc = edit(example, "\"560.00\"", "\"1,234.50\"");
	assert_int_equal(eligibility_parse(doc, strlen(doc), &f, err,
	    sizeof(err)), -1);
	assert_memory_equal(err, "order.items_total: ", 19);
	free(doc);
	/* Too many decimals for EUR. */
	doc = edit(example, "\"20.00\"", "\"20.001\"");
	assert_int_equal(eligibility_parse(doc, strlen(doc), &f, err,
	    sizeof(err)), -1);
	assert_memory_equal(err, "order.coupons: ", 15);
	free(doc);
	/* A bad rate. */
	doc = edit(example, "\"1.08\"", "\"-1.08\"");
	assert_int_equal(eligibility_parse(doc, strlen(doc), &f, err,
	    sizeof(err)), -1);
	assert_memory_equal(err, "order.usd_per_unit: ", 20);
	free(doc);
	/* Not JSON at all / truncated / not an object. */
	assert_int_equal(eligibility_parse(example, 40, &f, err,
	    sizeof(err)), -1);
	assert_memory_equal(err, "(document): line", 16);
	expect_error("[1,2]", "(document): expected a JSON object");
	expect_error("", "(document): line 1 column 0: '[' or '{' expected "
	    "near end of file");
	/* A company without its company block. */
	doc = edit(minimal, "\"person\"", "\"company\"");
	expect_error(doc, "buyer.company: missing");
	free(doc);
	/* Duplicate keys are refused, not silently overwritten. */
	doc = edit(minimal, "\"now\":\"2026-11-21\"",
	    "\"now\":\"2026-11-21\",\"now\":\"2020-01-01\"");
	assert_int_equal(eligibility_parse(doc, strlen(doc), &f, err,
	    sizeof(err)), -1);
	free(doc);
}

static void
test_C_06_ctl_eligibility_exit_codes(void **state)
{
	char	 in[] = "/tmp/test_facts_json_inXXXXXX";
	char	 out[] = "/tmp/test_facts_json_outXXXXXX";
	char	 arg0[] = "eligibility";
	char	*argv[] = { arg0, NULL };
	char	 text[8192];
	int	 ifd, ofd, save_in, save_out, rc;
	ssize_t	 n;

	(void)state;
	ifd = mkstemp(in);
	ofd = mkstemp(out);
	assert_true(ifd >= 0 && ofd >= 0);
	assert_int_equal(write(ifd, minimal, strlen(minimal)),
	    (ssize_t)strlen(minimal));
	lseek(ifd, 0, SEEK_SET);
	fflush(stdout);
	save_in = dup(STDIN_FILENO);
	save_out = dup(STDOUT_FILENO);
	dup2(ifd, STDIN_FILENO);
	dup2(ofd, STDOUT_FILENO);
	rc = ctl_eligibility(1, argv);
	fflush(stdout);
	dup2(save_in, STDIN_FILENO);
	dup2(save_out, STDOUT_FILENO);
	assert_int_equal(rc, 0);
	lseek(ofd, 0, SEEK_SET);
	n = read(ofd, text, sizeof(text) - 1);
	assert_true(n > 0);
	text[n] = '\0';
	assert_non_null(strstr(text, "\"methods\""));
	assert_non_null(strstr(text, "\"pay_after_use\""));

	/* A malformed document: exit 2. */
	assert_int_equal(ftruncate(ifd, 0), 0);
	lseek(ifd, 0, SEEK_SET);
	assert_int_equal(write(ifd, "{\"now\":1}", 9), 9);
	lseek(ifd, 0, SEEK_SET);
	dup2(ifd, STDIN_FILENO);
	rc = ctl_eligibility(1, argv);
	dup2(save_in, STDIN_FILENO);
	assert_int_equal(rc, 2);
	close(save_in);
	close(save_out);
	close(ifd);
	close(ofd);
	unlink(in);
	unlink(out);
}

/* INST-CC: a card bank's rate outside 0.5%-1.5% a month, or a term
 * other than 3, 6, 12 or 24, is refused naming the field; the edges are
 * accepted. */
static void
test_INST_CC_facts_refuse_rate_and_terms_out_of_range(void **state)
{
	char *doc;

	(void)state;
	expect_edit_error("\"monthly_rate\": \"0.80\"",
	    "\"monthly_rate\": \"1.51\"", "settings.institutions[0]."
	    "monthly_rate: INST-CC: a card bank's monthly rate is 0.5% to 1.5%");
	expect_edit_error("\"monthly_rate\": \"0.80\"",
	    "\"monthly_rate\": \"0.49\"", "settings.institutions[0]."
	    "monthly_rate: INST-CC: a card bank's monthly rate is 0.5% to 1.5%");
	expect_edit_error("[3, 6, 12, 24]", "[3, 9]",
	    "settings.institutions[0].terms[1]: INST-CC: a card bank's "
	    "terms are 3, 6, 12 or 24 months");
	doc = edit(example, "\"monthly_rate\": \"0.80\"",
	    "\"monthly_rate\": \"1.5\"");
	expect_parse_ok(doc);
	free(doc);
	doc = edit(example, "\"monthly_rate\": \"0.80\"",
	    "\"monthly_rate\": \"0.5\"");
	expect_parse_ok(doc);
	free(doc);
}

/* INST-PC: a finance partner's rate outside 0.6%-1.8% or a term outside
 * 3-12 months is refused naming the field. */
static void
test_INST_PC_facts_refuse_rate_and_terms_out_of_range(void **state)
{
	(void)state;
	expect_edit_error("\"method\": \"installment_card\",\n"
	    "                                \"min_usd\": \"500.00\", "
	    "\"terms\": [3, 6, 12, 24]",
	    "\"method\": \"installment_partner\",\n"
	    "                                \"min_usd\": \"500.00\", "
	    "\"terms\": [3, 6, 12, 18]",
	    "settings.institutions[0].terms[3]: INST-PC: a finance partner's "
	    "terms are 3 to 12 months");
	expect_edit_error("\"method\": \"installment_card\",\n"
	    "                                \"min_usd\": \"500.00\", "
	    "\"terms\": [3, 6, 12, 24],\n"
	    "                                \"monthly_rate\": \"0.80\"",
	    "\"method\": \"installment_partner\",\n"
	    "                                \"min_usd\": \"500.00\", "
	    "\"terms\": [3, 6, 12],\n"
	    "                                \"monthly_rate\": \"1.81\"",
	    "settings.institutions[0].monthly_rate: INST-PC: a finance "
	    "partner's monthly rate is 0.6% to 1.8%");
}

/* INST-CORP: corporate terms are 3 to 6 months. */
static void
test_INST_CORP_facts_refuse_terms_out_of_range(void **state)
{
	(void)state;
	expect_edit_error("\"method\": \"installment_card\",\n"
	    "                                \"min_usd\": \"500.00\", "
	    "\"terms\": [3, 6, 12, 24]",
	    "\"method\": \"installment_corporate\",\n"
	    "                                \"min_usd\": \"500.00\", "
	    "\"terms\": [3, 6, 12]",
	    "settings.institutions[0].terms[2]: INST-CORP: corporate terms "
	    "are 3 to 6 months");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C_06_json_example_verdicts),
		cmocka_unit_test(test_C_06_json_render),
		cmocka_unit_test(test_C_06_json_omitted_settings_take_defaults),
		cmocka_unit_test(test_C_06_json_settings_override),
		cmocka_unit_test(test_C_06_json_malformed_names_field),
		cmocka_unit_test(test_C_06_json_malformed_amounts_and_syntax),
		cmocka_unit_test(test_C_06_ctl_eligibility_exit_codes),
		cmocka_unit_test(
		    test_INST_CC_facts_refuse_rate_and_terms_out_of_range),
		cmocka_unit_test(
		    test_INST_PC_facts_refuse_rate_and_terms_out_of_range),
		cmocka_unit_test(test_INST_CORP_facts_refuse_terms_out_of_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
