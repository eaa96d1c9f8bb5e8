/*
 * mallpayctl check: verify the invariants of the stored state and print
 * each violation (issue 12). Exit 1 when any is found. A check whose tables
 * do not exist yet (a feature not landed) is skipped and says so.
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
#include "db/db.h"

struct files_ctx {
	const char	*dir;
	int		 bad;
};

/* db_check_files callback: report a row whose file is missing. */
static void
file_row(void *arg, int64_t id, const char *name)
{
	struct files_ctx *f = arg;
	char path[1024];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	if (name[0] == '\0' || strchr(name, '/') != NULL ||
	    stat(path, &st) == -1 || !S_ISREG(st.st_mode)) {
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

/* 1 when every table of names exists, 0 if one is missing (printed as a
 * skipped check), -1 on error. */
static int
tables_exist(struct db *db, const char *check, const char *const *names)
{
	int rc;

	for (; *names != NULL; names++) {
		if ((rc = db_check_table_exists(db, *names)) == -1)
			return -1;
		if (rc == 0) {
			printf("skipped: %s (table %s does not exist yet)\n",
			    check, *names);
			return 0;
		}
	}
	return 1;
}

/* Run one soft check (plans, payments) when its tables exist. Returns the
 * number of violations or -1. */
static int
soft_check(struct db *db, const char *check, const char *const *tables,
    int (*fn)(struct db *, struct buf *))
{
	struct buf out;
	int rc;

	if ((rc = tables_exist(db, check, tables)) <= 0)
		return rc;
	buf_init(&out);
	rc = fn(db, &out);
	if (rc == -2) {
		printf("skipped: %s (its tables differ from what this check "
		    "reads: see src/db/check.c)\n", check);
		rc = 0;
	} else if (rc >= 0) {
		print_violations(&out);
		printf("checked: %s: %d violation(s)\n", check, rc);
	}
	buf_cleanup(&out);
	return rc;
}

/* See security.h. `check --fingerprint` prints the state's fingerprint
 * (db_check_fingerprint) instead. */
int
ctl_check(struct ctl *c, int argc, char **argv)
{
	static const char *const plan_tables[] = { "plans",
	    "plan_installments", NULL };
	static const char *const pay_tables[] = { "payments", NULL };
	static const char *const file_tables[] = { "files", NULL };
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

	if ((rc = db_check_order_status(db, &out)) == -1)
		goto out;
	print_violations(&out);
	printf("checked: order status = last event: %d violation(s)\n", rc);
	total += rc;

	buf_reset(&out);
	if ((rc = db_check_order_amounts(db, &out)) == -1)
		goto out;
	print_violations(&out);
	printf("checked: order amounts add up: %d violation(s)\n", rc);
	total += rc;

	if ((rc = soft_check(db, "plan installments = principal + fees",
	    plan_tables, db_check_plans)) == -1)
		goto out;
	total += rc;
	if ((rc = soft_check(db, "paid amounts = ledger entries", pay_tables,
	    db_check_payments)) == -1)
		goto out;
	total += rc;

	if ((rc = tables_exist(db, "stored files", file_tables)) == -1)
		goto out;
	if (rc == 1) {
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
	}
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
