/*
 * mallpayctl check: verify the invariants of the stored state and print
 * each violation. Exit 1 when any is found, or when a check cannot run.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "ctl/ctl.h"
#include "ctl/security.h"
#include "db/check.h"
#include "db/corp_transfer.h"
#include "db/db.h"
#include "db/money_out.h"

struct files_ctx {
	const char	*dir;
	int		 bad;
};

/* Is path a regular file? */
static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* db_check_files callback: report a row whose file is missing. A file
 * still pending (".NAME": its transaction committed, not published yet,
 * e.g. after a COMMIT whose answer was lost) is there: its first read or
 * mallpayd's start publishes it. */
static void
file_row(void *arg, int64_t id, const char *name)
{
	struct files_ctx *f = arg;
	char path[1024], pending[1024];

	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	snprintf(pending, sizeof(pending), "%s/.%s", f->dir, name);
	if (name[0] == '\0' || strchr(name, '/') != NULL ||
	    (!is_file(path) && !is_file(pending))) {
		printf("violation: file %lld: stored file %s is missing\n",
		    (long long)id, path);
		f->bad++;
	}
}

/* Files in the upload directory without a row. Returns how many, or -1. */
static int
stray_files(struct db *db, const char *dir)
{
	DIR *d;
	struct dirent *de;
	int bad = 0, rc;

	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "mallpayctl: check: %s: %s\n", dir,
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		/* Dot files are partial writes in progress (renamed into
		 * place when complete) or not ours. */
		if (de->d_name[0] == '.')
			continue;
		if ((rc = db_check_file_row(db, de->d_name)) == -1) {
			closedir(d);
			return -1;
		}
		if (rc == 0) {
			printf("violation: %s/%s has no files row\n", dir,
			    de->d_name);
			bad++;
		}
	}
	closedir(d);
	return bad;
}

/* Print the lines of out as violations. */
static void
print_violations(const struct buf *out)
{
	const char *s = buf_str(out), *nl;

	while (*s != '\0' && (nl = strchr(s, '\n')) != NULL) {
		printf("violation: %.*s\n", (int)(nl - s), s);
		s = nl + 1;
	}
}

/* The invariants of the stored state, each a db/check.c function that
 * appends one line per violation to its buf and returns how many, or -1
 * when it cannot run (which fails the command: a check that cannot run is
 * not a pass). */
static const struct state_check {
	const char	*name;
	int		(*fn)(struct db *, struct buf *);
} state_checks[] = {
	{ "order status = last event", db_check_order_status },
	{ "order amounts add up", db_check_order_amounts },
	{ "plan installments = principal + fees", db_check_plans },
	{ "every ledger entry balances", db_check_ledger_balanced },
	{ "ledger lines name existing orders and plans", db_check_ledger_refs },
	{ "daily and all-time ledger totals = the lines",
	  db_check_ledger_days },
	{ "order counters = the orders by status, method and promised day",
	  db_check_order_counts },
	{ "owed by due date = the installments due of active plans",
	  db_check_due_days },
	{ "plan payments = ledger credits to the receivable",
	  db_check_plan_paid_ledger },
	{ "amount received by each COD, remittance and Pay After Use order = "
	    "ledger", db_check_ledger_received },
	{ "refunds due = refunds:payable", db_check_ledger_refunds },
	{ "Pay After Use guarantee rows = platform:guarantee",
	    db_check_ledger_guarantee },
	{ "corporate down payments and transfers = the ledger",
	  db_check_corp_ledger },
	{ "corporate transfers = their allocations = installments paid",
	  db_corp_xfer_check },
	{ "COD debts paid and company credit paid out = the ledger",
	  db_check_money_out },
};

/* Run every state check, printing its violations and count. Returns the
 * number of violations, or -1 when a check could not run. */
static int
run_state_checks(struct db *db)
{
	struct buf	out;
	size_t		i;
	int		rc, total = 0;

	buf_init(&out);
	for (i = 0; i < sizeof(state_checks) / sizeof(state_checks[0]); i++) {
		buf_reset(&out);
		if ((rc = state_checks[i].fn(db, &out)) < 0) {
			fprintf(stderr, "mallpayctl: check: %s: could not run\n",
			    state_checks[i].name);
			total = -1;
			break;
		}
		print_violations(&out);
		printf("checked: %s: %d violation(s)\n", state_checks[i].name,
		    rc);
		total += rc;
	}
	buf_cleanup(&out);
	return total;
}

/* See security.h. `check --fingerprint` prints the state's fingerprint
 * (db_check_fingerprint) instead. */
int
ctl_check(struct ctl *c, int argc, char **argv)
{
	struct db *db;
	struct buf out;
	struct files_ctx fc;
	int total = 0, rc, fingerprint = 0;

	if (argc == 2 && strcmp(argv[1], "--fingerprint") == 0)
		fingerprint = 1;
	else if (argc != 1) {
		fprintf(stderr, "usage: mallpayctl check [--fingerprint]\n");
		return 2;
	}
	if ((db = ctl_db_open(c)) == NULL)
		return 1;
	buf_init(&out);
	if (fingerprint) {
		rc = db_check_fingerprint(db, &out);
		if (rc == 0)
			printf("%s\n", buf_str(&out));
		goto out;
	}

	if ((rc = run_state_checks(db)) == -1)
		goto out;
	total += rc;

	fc.dir = c->cfg.upload_dir;
	fc.bad = 0;
	if (db_check_files(db, file_row, &fc) == -1 ||
	    (rc = stray_files(db, c->cfg.upload_dir)) == -1) {
		rc = -1;
		goto out;
	}
	printf("checked: every file row has its file and every file "
	    "its row: %d violation(s)\n", fc.bad + rc);
	total += fc.bad + rc;
	printf("check: %d violation(s)\n", total);
	rc = 0;
out:
	if (rc == -1)
		fprintf(stderr, "mallpayctl: check: database error: %s\n",
		    db_error(db));
	buf_cleanup(&out);
	db_free(db);
	if (rc == -1)
		return 1;
	return total > 0 ? 1 : 0;
}
