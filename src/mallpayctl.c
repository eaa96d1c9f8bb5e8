/*
 * mallpayctl: the operator's tool (DESIGN.md "Processes").
 *
 *	mallpayctl [-c mallpay.conf] [--sql DIR] <command> [arguments]
 *
 * The migrations (and the demo data under them) are read from --sql DIR,
 * else from $MALLPAY_SQL_DIR, else from the installed data directory.
 *
 * Exit status: 0 success, 1 failure, 2 usage error (reconcile: 3 when
 * there are differences).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"
#include "core/i18n.h"
#include "ctl/ctl.h"
#include "ctl/partner.h"
#include "ctl/recon.h"
/* eligibility and schedule live in their owners' files and take no
 * configuration. */
#include "ctl/eligibility.h"
#include "ctl/schedule.h"
#include "ctl/security.h"
#include "db/db.h"
#include "gateway/finance.h"
#include "gateway/bank.h"
#include "sandbox/books.h"
#include "service/docrender.h"

#ifndef MALLPAY_SQL_DIR
#define MALLPAY_SQL_DIR "sql"
#endif

struct command {
	const char	*name;
	int		 (*db_fn)(struct ctl *, int, char **);	/* needs config */
	int		 (*plain_fn)(int, char **);
	const char	*usage;
};

static const struct command commands[] = {
	{ "migrate", ctl_migrate, NULL,
	    "migrate                 apply pending sql/NNN_*.sql migrations" },
	{ "seed-demo", ctl_seed_demo, NULL,
	    "seed-demo [--now TIME]  load the demo data (idempotent)" },
	{ "create-admin", ctl_create_admin, NULL,
	    "create-admin --email E --name N [--roles R] [--totp-secret "
	    "BASE32]   (password on stdin; R: reviewer,finance,settings,owner, "
	    "all by default)" },
	{ "tick", ctl_tick, NULL,
	    "tick [--now TIME]       run the time-based jobs that are due" },
	{ "ledger-fold", ctl_ledger_fold, NULL,
	    "ledger-fold [--now TIME]  fold the ledger's daily totals before "
	    "yesterday" },
	{ "scheduler", ctl_scheduler, NULL,
	    "scheduler [--every S] [--runs N]  run tick every S seconds (30)" },
	{ "bench-data", ctl_bench_data, NULL,
	    "bench-data [--shoppers N] [--orders N] [--bench-orders N]\n"
	    "                          load the benchmark data set (bench/)" },
	{ "check", ctl_check, NULL,
	    "check [--fingerprint]   verify the stored state's invariants" },
	{ "backup", ctl_backup, NULL,
	    "backup DIR              dump the database, copy the uploads, key fingerprint" },
	{ "restore", ctl_restore, NULL,
	    "restore DIR             load a backup made under the same key" },
	{ "corp-statement", ctl_corp_statement, NULL,
	    "corp-statement FILE     record the bank statement's corporate "
	    "transfers" },
	{ "partner-sign", ctl_partner_sign, NULL,
	    "partner-sign --partner ID --path P [--method POST] [--now TIME] < body\n"
	    "                          print a partner's signature headers" },
	{ "partner-report", ctl_partner_report, NULL,
	    "partner-report --partner P --date D\n"
	    "                          print a partner's settlement report (its own books)" },
	{ "reconcile", ctl_reconcile, NULL,
	    "reconcile [--date D]    match the partners' reports of D with the ledger\n"
	    "                          (exit 3 when there are differences)" },
	{ "eligibility", NULL, ctl_eligibility,
	    "eligibility             JSON facts in, every method's verdict out" },
	{ "schedule", NULL, ctl_schedule,
	    "schedule --principal AMOUNT --months N --monthly-rate PERCENT ...\n"
	    "                          print a repayment plan with its APR" },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* Print the usage with every command to f. */
static void
usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: mallpayctl [-c mallpay.conf] [--sql DIR] "
	    "<command> [arguments]\ncommands:\n");
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %s\n", commands[i].usage);
	fprintf(f, "TIME is YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD (UTC)\n");
}

/* Parse the global options, load the configuration and run the command.
 * Without -c, ./mallpay.conf is read when it exists. */
int
main(int argc, char **argv)
{
	struct ctl c;
	const struct command *cmd = NULL;
	char err[512];
	size_t i;
	int ai, rc;

	/* Uploads (seed-demo, bench data) are decoded in a child
	 * (service/docrender.h). */
	docrender_hook(argc, argv);
	memset(&c, 0, sizeof(c));
	c.sqldir = getenv("MALLPAY_SQL_DIR");
	if (c.sqldir == NULL || c.sqldir[0] == '\0')
		c.sqldir = MALLPAY_SQL_DIR;
	for (ai = 1; ai < argc && argv[ai][0] == '-'; ai++) {
		if (strcmp(argv[ai], "-c") == 0 && ai + 1 < argc)
			c.conf_path = argv[++ai];
		else if (strcmp(argv[ai], "--sql") == 0 && ai + 1 < argc)
			c.sqldir = argv[++ai];
		else if (strcmp(argv[ai], "-h") == 0 ||
		    strcmp(argv[ai], "--help") == 0) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "mallpayctl: bad option %s\n",
			    argv[ai]);
			usage(stderr);
			return 2;
		}
	}
	if (ai >= argc) {
		fprintf(stderr, "mallpayctl: no command\n");
		usage(stderr);
		return 2;
	}
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[ai], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		fprintf(stderr, "mallpayctl: unknown command %s\n", argv[ai]);
		usage(stderr);
		return 2;
	}
	if (cmd->plain_fn != NULL)
		return cmd->plain_fn(argc - ai, argv + ai);

	if (c.conf_path == NULL && access("mallpay.conf", R_OK) == 0)
		c.conf_path = "mallpay.conf";
	if (config_load(&c.cfg, c.conf_path, err, sizeof(err)) == -1) {
		fprintf(stderr, "mallpayctl: %s\n", err);
		return 1;
	}
	db_library_init();
	/* Messages and SMS texts (tick's reminders...) are written in each
	 * recipient's language; without the catalogues they stay English. */
	(void)i18n_init(NULL, err, sizeof(err));
	/* The finance sandbox answers [sandbox] finance_delay seconds
	 * after a submission (gateway/finance.h). */
	finance_sandbox_set_delay(c.cfg.finance_delay);
	/* Deductions and refunds by token go to the bank's API (bankd). */
	bank_hosted_configure(c.cfg.bank_url, c.cfg.bank_secret);
	/* The sandbox partners keep their own books (gateway/books.h). */
	if (sandbox_books_init(&c.cfg) == -1) {
		fprintf(stderr, "mallpayctl: the partner books cannot start\n");
		return 1;
	}
	rc = cmd->db_fn(&c, argc - ai, argv + ai);
	sandbox_books_end();
	db_library_end();
	explicit_bzero(&c.cfg, sizeof(c.cfg));
	return rc;
}
