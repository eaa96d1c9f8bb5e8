/*
 * The checkout's live recompute (GET /checkout/quote) against the private
 * stack: the same figures and verdicts as GET /checkout for the same
 * options, a precise status naming the field for bad input, and the
 * destination labels and COD sentences that agree with the rules (COD-05,
 * COD-07). Run by tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "shop.h"

#define VETERAN		"shopper.veteran@demo.test"

/* The veteran signed in with 3 washing machines (USD 2,187.00). */
static struct client *
veteran_2187(void)
{
	const char	*skus[] = { "HOME-WASHER-8", NULL };
	int		 qtys[] = { 3 };
	struct client	*cl = shop_signin(VETERAN);

	shop_fill_cart(cl, VETERAN, skus, qtys);
	return cl;
}

/* GET /checkout/quote?query as cl: the parsed answer (status into
 * *status). */
static json_t *
live(struct client *cl, const char *query, long *status)
{
	struct client_resp	 r;
	char			 path[256];
	json_error_t		 e;
	json_t			*j;

	snprintf(path, sizeof(path), "/checkout/quote?%s", query);
	shop_get(cl, path, &r);
	*status = r.status;
	j = json_loads(r.body != NULL ? r.body : "", 0, &e);
	if (j == NULL)
		fail_msg("%s: not JSON (%s): %s", path, e.text, r.body);
	client_resp_cleanup(&r);
	return j;
}

/* The string member name of j ("" when absent). */
static const char *
str(const json_t *j, const char *name)
{
	const char *s = json_string_value(json_object_get(j, name));

	return s != NULL ? s : "";
}

/* Method m of the answer agrees with its block on page html: there, greyed
 * exactly when refused, with each refusing rule, and with the recommended
 * plan's term and total cost. */
static void
method_agrees(const char *html, const json_t *m)
{
	const json_t	*reasons = json_object_get(m, "reasons");
	const json_t	*best = json_object_get(m, "recommended");
	char		 id[128], rule[64], *b;
	size_t		 k;

	snprintf(id, sizeof(id), "method-%s%s%s", str(m, "method"),
	    str(m, "institution")[0] != '\0' ? "-" : "",
	    str(m, "institution"));
	b = shop_method_block(html, id);
	assert_non_null(b);
	if (json_is_true(json_object_get(m, "eligible")) ==
	    (strstr(b, "Not available for this order") != NULL))
		fail_msg("%s: eligibility differs: %s", id, b);
	for (k = 0; k < json_array_size(reasons); k++) {
		snprintf(rule, sizeof(rule), "data-rule=\"%s\"",
		    str(json_array_get(reasons, k), "rule"));
		if (strstr(b, rule) == NULL)
			fail_msg("%s: the page lacks %s: %s", id, rule, b);
	}
	if (json_is_object(best) && (strstr(b, str(best, "total_cost")) ==
	    NULL || strstr(b, "Recommended") == NULL))
		fail_msg("%s: the page does not recommend %s: %s", id,
		    str(best, "total_cost"), b);
	free(b);
}

/* For the same options the endpoint answers the page's figures: the
 * amount to pay, the discounts, every method's verdict with its rules and
 * the recommended plan. */
static void
test_live_quote_same_figures_as_page(void **state)
{
	static const char *const queries[] = {
		"country=MY", "country=MY&coupon=WELCOME10",
		"country=MY&coupon=SAVE50&points=1500", "country=FK",
		"country=MY&coupon=NOSUCHCODE", NULL
	};
	struct client		*cl = veteran_2187();
	struct client_resp	 r;
	json_t			*j, *ms;
	char			 path[256], *amt;
	long			 st;
	size_t			 i, k;

	(void)state;
	for (i = 0; queries[i] != NULL; i++) {
		snprintf(path, sizeof(path), "/checkout?%s", queries[i]);
		shop_get(cl, path, &r);
		assert_int_equal(r.status, 200);
		j = live(cl, queries[i], &st);
		assert_int_equal(st, 200);
		amt = client_between(r.body, "id=\"amount-to-pay\">", "<");
		assert_non_null(amt);
		if (strstr(amt, str(j, "amount")) == NULL ||
		    str(j, "amount")[0] == '\0')
			fail_msg("%s: page %s, endpoint %s", queries[i], amt,
			    str(j, "amount"));
		free(amt);
		if (str(j, "coupon_error")[0] != '\0' &&
		    strstr(r.body, str(j, "coupon_error")) == NULL)
			fail_msg("%s: the page lacks \"%s\"", queries[i],
			    str(j, "coupon_error"));
		ms = json_object_get(j, "methods");
		assert_true(json_array_size(ms) >= 7);
		for (k = 0; k < json_array_size(ms); k++)
			method_agrees(r.body, json_array_get(ms, k));
		/* The fragments are the page's own. */
		if (strstr(r.body, str(j, "methods_html")) == NULL)
			fail_msg("%s: the methods differ from the page's",
			    queries[i]);
		json_decref(j);
		client_resp_cleanup(&r);
	}
	client_free(cl);
}

/* Bad input: 400 naming the malformed field; 422 naming a destination
 * that does not exist or an address that is not the buyer's. */
static void
test_live_quote_bad_input_names_field(void **state)
{
	static const struct { const char *q; long st; const char *field; }
	cases[] = {
		{ "country=MY&points=-1", 400, "points" },
		{ "country=MY&points=abc", 400, "points" },
		{ "country=MY&coupon=A%20B", 400, "coupon" },
		{ "country=MYS", 400, "country" },
		{ "country=MY&address=x", 400, "address" },
		{ "country=ZZ", 422, "country" },
		{ "address=999999999", 422, "address" },
	};
	struct client	*cl = veteran_2187();
	json_t		*j;
	long		 st;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		j = live(cl, cases[i].q, &st);
		if (st != cases[i].st || strcmp(str(j, "field"),
		    cases[i].field) != 0 || str(j, "error")[0] == '\0')
			fail_msg("%s: %ld field \"%s\" error \"%s\"",
			    cases[i].q, st, str(j, "field"), str(j, "error"));
		json_decref(j);
	}
	client_free(cl);
}

/* COD-07: the veteran (6 completed COD orders) at USD 2,187.00 reads the
 * USD 2,000.00 limit that applies, without a promise of a rise already
 * reached, on the page and from the endpoint. */
static void
test_COD_07_veteran_reads_reached_limit(void **state)
{
	struct client		*cl = veteran_2187();
	struct client_resp	 r;
	char			*b;

	(void)state;
	shop_get(cl, "/checkout?country=MY", &r);
	b = shop_method_block(r.body, "method-cod");
	assert_non_null(b);
	if (strstr(b, "data-rule=\"COD-07\"") == NULL ||
	    strstr(b, "limit of USD 2,000.00") == NULL ||
	    strstr(b, "rises to") != NULL)
		fail_msg("COD-07 sentence: %s", b);
	free(b);
	client_resp_cleanup(&r);
	client_free(cl);
}

/* COD-05: a remote country of a COD region (the Falkland Islands) is not
 * labelled "COD Supported" in the destination list nor on the summary,
 * and COD is refused under COD-05. */
static void
test_COD_05_remote_country_not_labelled_cod_supported(void **state)
{
	struct client		*cl = veteran_2187();
	struct client_resp	 r;
	char			*opt, *dest, *b;

	(void)state;
	shop_get(cl, "/checkout?country=FK", &r);
	assert_int_equal(r.status, 200);
	opt = client_between(r.body, "value=\"FK\"", "</option>");
	assert_non_null(opt);
	if (strstr(opt, "COD Supported") != NULL ||
	    strstr(opt, "remote area") == NULL)
		fail_msg("Falkland Islands labelled: %s", opt);
	free(opt);
	dest = client_between(r.body, "id=\"destination\"", "</p>");
	assert_non_null(dest);
	if (strstr(dest, "COD Supported") != NULL)
		fail_msg("the summary says: %s", dest);
	free(dest);
	b = shop_method_block(r.body, "method-cod");
	assert_non_null(b);
	assert_non_null(strstr(b, "data-rule=\"COD-05\""));
	free(b);
	/* A near country of a COD region keeps its label. */
	client_resp_cleanup(&r);
	shop_get(cl, "/checkout?country=MY", &r);
	opt = client_between(r.body, "value=\"MY\"", "</option>");
	assert_non_null(opt);
	assert_non_null(strstr(opt, "COD Supported"));
	free(opt);
	client_resp_cleanup(&r);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_live_quote_same_figures_as_page),
		cmocka_unit_test(test_live_quote_bad_input_names_field),
		cmocka_unit_test(test_COD_07_veteran_reads_reached_limit),
		cmocka_unit_test(test_COD_05_remote_country_not_labelled_cod_supported),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
