#ifndef MALLPAY_CTL_CTL_H
#define MALLPAY_CTL_CTL_H

/*
 * Subcommands of mallpayctl that work on the database (migrate,
 * seed-demo, create-admin, tick). Each takes the global options and its
 * own argv (argv[0] is the command name) and returns the exit status:
 * 0 success, 1 failure, 2 usage error (message on stderr).
 */

#include <stdint.h>

#include "core/config.h"

struct db;

struct ctl {
	struct config	 cfg;		/* loaded from -c or mallpay.conf */
	const char	*conf_path;	/* NULL: defaults */
	const char	*sqldir;	/* --sql, $MALLPAY_SQL_DIR or installed */
};

int	ctl_migrate(struct ctl *, int argc, char **argv);
int	ctl_seed_demo(struct ctl *, int argc, char **argv);
int	ctl_create_admin(struct ctl *, int argc, char **argv);
int	ctl_tick(struct ctl *, int argc, char **argv);
/* mallpayctl ledger-fold [--now TIME]: fold the ledger's daily totals of
 * the days before yesterday into one row a key, as the daily job does.
 * 0, 1 on a database error, 2 on bad arguments. */
int	ctl_ledger_fold(struct ctl *, int argc, char **argv);
/* mallpayctl scheduler [--every SECONDS] [--runs N]: tick in a child
 * process every SECONDS (30) until SIGTERM, or N runs (src/ctl/scheduler.c).
 * Returns 0, or 2 on a usage error. */
int	ctl_scheduler(struct ctl *, int argc, char **argv);
/* bench: mallpayctl bench-data (src/ctl/benchdata.c). */
int	ctl_bench_data(struct ctl *, int argc, char **argv);

/* corp: mallpayctl corp-statement FILE, the bank statement's lines that
 * pay corporate installments (src/ctl/corp_statement.c). */
int	ctl_corp_statement(struct ctl *, int argc, char **argv);

/* Connect with ctl->cfg; prints the reason to stderr and returns NULL on
 * failure. Free with db_free(). */
struct db *ctl_db_open(struct ctl *);

/* Parse --now text: "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DD" (midnight UTC)
 * into seconds since the epoch. Returns 0, or -1 if malformed. */
int	ctl_parse_time(const char *s, int64_t *out);

/* Format t as "YYYY-MM-DDTHH:MM:SSZ" into out (at least 21 bytes). */
char	*ctl_time_str(int64_t t, char *out, size_t outsz);
/* Seconds of CLOCK_MONOTONIC, for timing lines only (not a rule's
 * clock). */
double	ctl_mono(void);

#endif
