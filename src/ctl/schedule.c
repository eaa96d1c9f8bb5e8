/*
 * mallpayctl schedule: an installment plan with its APR, as text or JSON.
 */

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/money.h"
#include "ctl/schedule.h"
#include "rules/apr.h"
#include "rules/plan.h"

/* Exit status for bad arguments. */
#define EXIT_USAGE	2

/* Print the usage line to f. */
static void
usage(FILE *f)
{
	fprintf(f, "usage: mallpayctl schedule --principal AMOUNT "
	    "[--currency CODE] --months N --monthly-rate PERCENT "
	    "[--fee-mode spread|upfront] [--start YYYY-MM-DD] [--json]\n");
}

/* Parse the text of --months: 1..PLAN_MAX_MONTHS, digits only.
 * Returns -1 on anything else. */
static int
parse_months(const char *s, int *out)
{
	int v = 0;

	if (*s == '\0' || strlen(s) > 3)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (v < 1 || v > PLAN_MAX_MONTHS)
		return -1;
	*out = v;
	return 0;
}

/* Write the plan as text. */
static void
print_text(FILE *out, const struct plan *p, const char *rate_pct,
    int apr_ok, int32_t apr_bp)
{
	char a[MONEY_STR_MAX], b[MONEY_STR_MAX], c[MONEY_STR_MAX];
	char d[CAL_DATE_STRLEN], s[CAL_DATE_STRLEN], pct[16];
	int i;

	fprintf(out, "Installment plan: %s over %d month%s from %s\n",
	    money_display(&p->principal, a, sizeof(a)), p->n,
	    p->n == 1 ? "" : "s", mp_date_str(p->start, s, sizeof(s)));
	fprintf(out, "Monthly handling-fee rate: %s%%, fee %s\n", rate_pct,
	    p->fee_mode == PLAN_FEE_UPFRONT ?
	    "paid in one sum with the first installment" :
	    "spread over the installments");
	fprintf(out, "\n%3s  %-10s  %18s  %14s  %18s\n", "#", "due",
	    "principal", "fee", "total");
	for (i = 0; i < p->n; i++) {
		const struct plan_installment *it = &p->inst[i];

		fprintf(out, "%3d  %-10s  %18s  %14s  %18s\n", it->seq,
		    mp_date_str(it->due, d, sizeof(d)),
		    money_str(&it->principal, a, sizeof(a)),
		    money_str(&it->fee, b, sizeof(b)),
		    money_str(&it->total, c, sizeof(c)));
	}
	fprintf(out, "\nHandling fee per month: %s\n",
	    money_display(&p->monthly_fee, a, sizeof(a)));
	fprintf(out, "Total handling fee: %s\n",
	    money_display(&p->total_fee, a, sizeof(a)));
	fprintf(out, "Total cost: %s\n",
	    money_display(&p->total_cost, a, sizeof(a)));
	if (apr_ok)
		fprintf(out, "APR (actuarial, Regulation Z Appendix J): %s%%\n",
		    apr_str(apr_bp, pct, sizeof(pct)));
	else
		fprintf(out, "APR (actuarial, Regulation Z Appendix J): "
		    "not computable\n");
	fprintf(out, "Late fee: %s%% of the overdue amount per calendar day "
	    "from the day after the due date (INST-F1)\n",
	    PLAN_LATE_FEE_PERCENT);
}

/* Write the plan as one JSON document. */
static int
print_json(FILE *out, const struct plan *p, const char *rate_pct,
    int apr_ok, int32_t apr_bp)
{
	char a[MONEY_STR_MAX], b[MONEY_STR_MAX], c[MONEY_STR_MAX];
	char d[CAL_DATE_STRLEN], pct[16];
	json_t *root, *arr;
	int i, rc;

	arr = json_array();
	for (i = 0; i < p->n; i++) {
		const struct plan_installment *it = &p->inst[i];

		json_array_append_new(arr, json_pack("{s:i, s:s, s:s, s:s, s:s}",
		    "seq", it->seq,
		    "due", mp_date_str(it->due, d, sizeof(d)),
		    "principal", money_str(&it->principal, a, sizeof(a)),
		    "fee", money_str(&it->fee, b, sizeof(b)),
		    "total", money_str(&it->total, c, sizeof(c))));
	}
	root = json_object();
	json_object_set_new(root, "currency", json_string(p->principal.cur));
	json_object_set_new(root, "principal",
	    json_string(money_str(&p->principal, a, sizeof(a))));
	json_object_set_new(root, "months", json_integer(p->n));
	json_object_set_new(root, "monthly_rate_percent", json_string(rate_pct));
	json_object_set_new(root, "fee_mode",
	    json_string(plan_fee_mode_str(p->fee_mode)));
	json_object_set_new(root, "start",
	    json_string(mp_date_str(p->start, d, sizeof(d))));
	json_object_set_new(root, "installments", arr);
	json_object_set_new(root, "monthly_fee",
	    json_string(money_str(&p->monthly_fee, a, sizeof(a))));
	json_object_set_new(root, "total_fee",
	    json_string(money_str(&p->total_fee, a, sizeof(a))));
	json_object_set_new(root, "total_cost",
	    json_string(money_str(&p->total_cost, a, sizeof(a))));
	if (apr_ok) {
		json_object_set_new(root, "apr_percent",
		    json_string(apr_str(apr_bp, pct, sizeof(pct))));
		json_object_set_new(root, "apr_bp", json_integer(apr_bp));
	} else {
		json_object_set_new(root, "apr_percent", json_null());
		json_object_set_new(root, "apr_bp", json_null());
	}
	json_object_set_new(root, "late_fee_percent_per_day",
	    json_string(PLAN_LATE_FEE_PERCENT));
	rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(root);
	return rc;
}

/* Options and their values; see schedule.h. */
int
ctl_schedule_run(int argc, char **argv, FILE *out, FILE *err)
{
	const char *principal = NULL, *currency = "USD", *months = NULL;
	const char *rate = NULL, *fee_mode = "spread", *start = NULL;
	char msg[160], pct[32], cur[4];
	int json = 0, i, n, apr_ok;
	struct money amount;
	struct money_rate r;
	enum plan_fee_mode mode;
	mp_date sd;
	struct plan *p;
	int32_t apr_bp = 0;
	size_t k;

	/* Accept both dispatch styles: (argc - 1, argv + 1) with argv[0] =
	 * "schedule", and the whole command line with "schedule" second. */
	i = argc > 1 && strcmp(argv[1], "schedule") == 0 ? 2 : 1;
	for (; i < argc; i++) {
		const char *opt = argv[i], *val = NULL, *eq;
		char name[32];
		const char **slot = NULL;

		if (strcmp(opt, "--json") == 0) {
			json = 1;
			continue;
		}
		if (strcmp(opt, "--help") == 0 || strcmp(opt, "-h") == 0) {
			usage(out);
			return 0;
		}
		if (strncmp(opt, "--", 2) != 0) {
			fprintf(err, "mallpayctl schedule: unexpected "
			    "argument '%s'\n", opt);
			usage(err);
			return EXIT_USAGE;
		}
		/* "--name=value" or "--name value". */
		eq = strchr(opt, '=');
		k = eq != NULL ? (size_t)(eq - opt) : strlen(opt);
		if (k >= sizeof(name))
			k = sizeof(name) - 1;
		memcpy(name, opt, k);
		name[k] = '\0';
		if (strcmp(name, "--principal") == 0)
			slot = &principal;
		else if (strcmp(name, "--currency") == 0)
			slot = &currency;
		else if (strcmp(name, "--months") == 0)
			slot = &months;
		else if (strcmp(name, "--monthly-rate") == 0)
			slot = &rate;
		else if (strcmp(name, "--fee-mode") == 0)
			slot = &fee_mode;
		else if (strcmp(name, "--start") == 0)
			slot = &start;
		else {
			fprintf(err, "mallpayctl schedule: unknown option "
			    "%s\n", name);
			usage(err);
			return EXIT_USAGE;
		}
		if (eq != NULL)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else {
			fprintf(err, "mallpayctl schedule: %s needs a value\n",
			    name);
			return EXIT_USAGE;
		}
		*slot = val;
	}

	if (principal == NULL || months == NULL || rate == NULL) {
		fprintf(err, "mallpayctl schedule: %s is required\n",
		    principal == NULL ? "--principal" :
		    months == NULL ? "--months" : "--monthly-rate");
		usage(err);
		return EXIT_USAGE;
	}
	if (strlen(currency) != 3 || money_exponent(currency) < 0) {
		fprintf(err, "mallpayctl schedule: --currency: unknown ISO 4217 "
		    "currency code '%s'\n", currency);
		return EXIT_USAGE;
	}
	memcpy(cur, currency, 4);
	if (money_parse(principal, strlen(principal), cur, &amount, msg,
	    sizeof(msg)) == -1) {
		fprintf(err, "mallpayctl schedule: --principal: %s\n", msg);
		return EXIT_USAGE;
	}
	if (amount.minor <= 0) {
		fprintf(err, "mallpayctl schedule: --principal: must be "
		    "greater than zero\n");
		return EXIT_USAGE;
	}
	if (parse_months(months, &n) == -1) {
		fprintf(err, "mallpayctl schedule: --months: a whole number "
		    "from 1 to %d\n", PLAN_MAX_MONTHS);
		return EXIT_USAGE;
	}
	if (money_rate_parse_percent(rate, strlen(rate), &r, msg,
	    sizeof(msg)) == -1) {
		fprintf(err, "mallpayctl schedule: --monthly-rate: %s "
		    "(a percentage per month, e.g. 0.80)\n", msg);
		return EXIT_USAGE;
	}
	/* More than 100% a month is a typo, not a plan. */
	if ((__int128)r.num > (__int128)r.den) {
		fprintf(err, "mallpayctl schedule: --monthly-rate: at most "
		    "100 (percent per month)\n");
		return EXIT_USAGE;
	}
	if (plan_fee_mode_parse(fee_mode, strlen(fee_mode), &mode) == -1) {
		fprintf(err, "mallpayctl schedule: --fee-mode: spread or "
		    "upfront\n");
		return EXIT_USAGE;
	}
	if (start == NULL) {
		/* clock_now() is the program's one clock read (C-05). */
		if (mp_date_from_unix(clock_now(), &sd) == -1) {
			fprintf(err, "mallpayctl schedule: the clock is out "
			    "of range; give --start\n");
			return EXIT_USAGE;
		}
	} else if (mp_date_parse(start, strlen(start), &sd) == -1) {
		fprintf(err, "mallpayctl schedule: --start: a date as "
		    "YYYY-MM-DD\n");
		return EXIT_USAGE;
	}

	p = malloc(sizeof(*p));
	if (p == NULL) {
		fprintf(err, "mallpayctl schedule: out of memory\n");
		return 1;
	}
	if (plan_build(&amount, n, &r, mode, sd, p, msg, sizeof(msg)) == -1) {
		fprintf(err, "mallpayctl schedule: %s\n", msg);
		free(p);
		return EXIT_USAGE;
	}
	apr_ok = apr_plan(p, &apr_bp) == 0;
	money_rate_percent_str(&r, pct, sizeof(pct));
	if (json)
		print_json(out, p, pct, apr_ok, apr_bp);
	else
		print_text(out, p, pct, apr_ok, apr_bp);
	free(p);
	return 0;
}

/* mallpayctl schedule: stdout and stderr. */
int
ctl_schedule(int argc, char **argv)
{
	return ctl_schedule_run(argc, argv, stdout, stderr);
}
