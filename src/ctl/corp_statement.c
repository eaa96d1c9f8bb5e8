/*
 * mallpayctl corp-statement FILE: import the lines of the mall's bank
 * statement that pay corporate installments (INST-CORP, INST-P3).
 *
 * One line per credit, comma-separated, '#' comments and blank lines
 * skipped:
 *
 *	YYYY-MM-DD,AMOUNT,CURRENCY,PAYER'S REFERENCE,BANK TRANSACTION ID
 *	2026-12-03,437.40,USD,Acme Trading MP-CORP-14,HBB-000123
 *
 * A line whose reference quotes "MP-CORP-<order id>" records that order's
 * down payment (agreement signed) or a repayment transfer (agreement in
 * effect), as an admin would (service/corp_road.h); importing the same
 * statement again changes nothing. Each line's outcome is printed; the
 * exit status is 1 when a line could not be recorded (unmatched, refused),
 * for the operator to look at, 0 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/money.h"
#include "ctl/ctl.h"
#include "db/db.h"
#include "service/corp_road.h"

#define FIELDS	5

/* Split line (modified) at commas into f[FIELDS]. 0, or -1 when the
 * count differs. */
static int
split(char *line, char *f[FIELDS])
{
	int	n = 0;
	char	*p = line;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < FIELDS) {
		f[n++] = p;
		if ((p = strchr(p, ',')) == NULL)
			break;
		*p++ = '\0';
	}
	return n == FIELDS && p == NULL ? 0 : -1;
}

/* Record one statement line f; prints its outcome. 0 recorded (or
 * recorded before), 1 not recorded, -1 database error. */
static int
one_line(struct db *db, size_t no, char *f[FIELDS], int64_t now)
{
	struct money	m;
	char		err[128], msg[600];
	enum result	r;

	if (money_parse(f[1], strlen(f[1]), f[2], &m, err, sizeof(err)) ==
	    -1) {
		printf("line %zu: not recorded: amount %s %s: %s\n", no, f[2],
		    f[1], err);
		return 1;
	}
	r = corp_statement_line(db, f[3], m.minor, f[2], f[4], now, msg,
	    sizeof(msg));
	if (r == RES_ERROR) {
		fprintf(stderr, "mallpayctl: corp-statement: line %zu: "
		    "database error: %s\n", no, db_error(db));
		return -1;
	}
	printf("line %zu: %s: %s\n", no, r == RES_OK ? "recorded" :
	    "not recorded", msg);
	return r == RES_OK ? 0 : 1;
}

/* See ctl.h. */
int
ctl_corp_statement(struct ctl *c, int argc, char **argv)
{
	struct db	*db;
	FILE		*fp;
	char		 line[1024], *f[FIELDS];
	size_t		 no = 0;
	int		 rc = 0, bad = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: mallpayctl corp-statement FILE\n");
		return 2;
	}
	if ((fp = fopen(argv[1], "r")) == NULL) {
		perror(argv[1]);
		return 1;
	}
	if ((db = ctl_db_open(c)) == NULL) {
		fclose(fp);
		return 1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		no++;
		if (line[0] == '#' || line[strspn(line, " \t\r\n")] == '\0')
			continue;
		if (split(line, f) == -1) {
			printf("line %zu: not recorded: expected %d "
			    "comma-separated fields\n", no, FIELDS);
			bad++;
			continue;
		}
		if ((rc = one_line(db, no, f, clock_now())) == -1)
			break;
		bad += rc;
	}
	fclose(fp);
	db_free(db);
	if (rc == -1)
		return 1;
	printf("corp-statement: %zu line(s) read, %d not recorded\n", no, bad);
	return bad > 0 ? 1 : 0;
}
