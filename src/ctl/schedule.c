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

/* The arguments of mallpayctl schedule as given (NULL: absent). */
struct sched_args {
	const char	*principal, *currency, *months, *rate, *fee_mode;
	const char	*start;
	int		 json;
};

/* The slot in a of option name ("--principal", ...), NULL when unknown. */
static const char **
option_slot(struct sched_args *a, const char *name)
{
	const struct {
		const char	 *name;
		const char	**slot;
	} opts[] = {
		{ "--principal", &a->principal },
		{ "--currency", &a->currency },
		{ "--months", &a->months },
		{ "--monthly-rate", &a->rate },
		{ "--fee-mode", &a->fee_mode },
		{ "--start", &a->start },
	};
	size_t i;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (strcmp(opts[i].name, name) == 0)
			return opts[i].slot;
	return NULL;
}

/* Read the command line into a (defaults first): "--name=value" or
 * "--name value", --json, --help. Returns -1 when the run goes on, or
 * the exit status: 0 after --help (usage on out), EXIT_USAGE with the
 * reason on err. */
static int
parse_args(int argc, char **argv, struct sched_args *a, FILE *out, FILE *err)
{
	const char *opt, *eq, **slot;
	char name[32];
	size_t k;
	int i;

	memset(a, 0, sizeof(*a));
	a->currency = "USD";
	a->fee_mode = "spread";
	/* Accept both dispatch styles: (argc - 1, argv + 1) with argv[0] =
	 * "schedule", and the whole command line with "schedule" second. */
	i = argc > 1 && strcmp(argv[1], "schedule") == 0 ? 2 : 1;
	for (; i < argc; i++) {
		opt = argv[i];
		if (strcmp(opt, "--json") == 0) {
			a->json = 1;
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
		eq = strchr(opt, '=');
		k = eq != NULL ? (size_t)(eq - opt) : strlen(opt);
		if (k >= sizeof(name))
			k = sizeof(name) - 1;
		memcpy(name, opt, k);
		name[k] = '\0';
		if ((slot = option_slot(a, name)) == NULL) {
			fprintf(err, "mallpayctl schedule: unknown option "
			    "%s\n", name);
			usage(err);
			return EXIT_USAGE;
		}
		if (eq != NULL)
			*slot = eq + 1;
		else if (i + 1 < argc)
			*slot = argv[++i];
		else {
			fprintf(err, "mallpayctl schedule: %s needs a value\n",
			    name);
			return EXIT_USAGE;
		}
	}
	return -1;
}

/* The amount of a's --principal in its --currency into *amount (both
 * required, the amount above zero). 0, or EXIT_USAGE with the reason on
 * err. */
static int
check_amount(const struct sched_args *a, struct money *amount, FILE *err)
{
	char msg[160], cur[4];

	if (strlen(a->currency) != 3 || money_exponent(a->currency) < 0) {
		fprintf(err, "mallpayctl schedule: --currency: unknown ISO 4217 "
		    "currency code '%s'\n", a->currency);
		return EXIT_USAGE;
	}
	memcpy(cur, a->currency, 4);
	if (money_parse(a->principal, strlen(a->principal), cur, amount, msg,
	    sizeof(msg)) == -1) {
		fprintf(err, "mallpayctl schedule: --principal: %s\n", msg);
		return EXIT_USAGE;
	}
	if (amount->minor <= 0) {
		fprintf(err, "mallpayctl schedule: --principal: must be "
		    "greater than zero\n");
		return EXIT_USAGE;
	}
	return 0;
}

/* The terms of a: months into *n, the monthly rate (at most 100%) into
 * *r, the fee mode into *mode, the start (default today, of the clock)
 * into *sd. 0, or EXIT_USAGE with the reason on err. */
static int
check_terms(const struct sched_args *a, int *n, struct money_rate *r,
    enum plan_fee_mode *mode, mp_date *sd, FILE *err)
{
	char msg[160];

	if (parse_months(a->months, n) == -1) {
		fprintf(err, "mallpayctl schedule: --months: a whole number "
		    "from 1 to %d\n", PLAN_MAX_MONTHS);
		return EXIT_USAGE;
	}
	if (money_rate_parse_percent(a->rate, strlen(a->rate), r, msg,
	    sizeof(msg)) == -1) {
		fprintf(err, "mallpayctl schedule: --monthly-rate: %s "
		    "(a percentage per month, e.g. 0.80)\n", msg);
		return EXIT_USAGE;
	}
	/* More than 100% a month is a typo, not a plan. */
	if ((__int128)r->num > (__int128)r->den) {
		fprintf(err, "mallpayctl schedule: --monthly-rate: at most "
		    "100 (percent per month)\n");
		return EXIT_USAGE;
	}
	if (plan_fee_mode_parse(a->fee_mode, strlen(a->fee_mode),
	    mode) == -1) {
		fprintf(err, "mallpayctl schedule: --fee-mode: spread or "
		    "upfront\n");
		return EXIT_USAGE;
	}
	if (a->start == NULL) {
		/* clock_now() is the program's one clock read (C-05). */
		if (mp_date_from_unix(clock_now(), sd) == -1) {
			fprintf(err, "mallpayctl schedule: the clock is out "
			    "of range; give --start\n");
			return EXIT_USAGE;
		}
	} else if (mp_date_parse(a->start, strlen(a->start), sd) == -1) {
		fprintf(err, "mallpayctl schedule: --start: a date as "
		    "YYYY-MM-DD\n");
		return EXIT_USAGE;
	}
	return 0;
}

/* Options and their values; see schedule.h. */
int
ctl_schedule_run(int argc, char **argv, FILE *out, FILE *err)
{
	struct sched_args a;
	char msg[160], pct[32];
	int n, apr_ok, rc;
	struct money amount;
	struct money_rate r;
	enum plan_fee_mode mode;
	mp_date sd;
	struct plan *p;
	int32_t apr_bp = 0;

	if ((rc = parse_args(argc, argv, &a, out, err)) != -1)
		return rc;
	if (a.principal == NULL || a.months == NULL || a.rate == NULL) {
		fprintf(err, "mallpayctl schedule: %s is required\n",
		    a.principal == NULL ? "--principal" :
		    a.months == NULL ? "--months" : "--monthly-rate");
		usage(err);
		return EXIT_USAGE;
	}
	if ((rc = check_amount(&a, &amount, err)) != 0 ||
	    (rc = check_terms(&a, &n, &r, &mode, &sd, err)) != 0)
		return rc;
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
	if (a.json)
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
