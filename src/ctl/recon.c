/*
 * mallpayctl partner-report and reconcile (see recon.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "ctl/ctl.h"
#include "ctl/recon.h"
#include "db/db.h"
#include "service/recon.h"

/* Parse the options --date D, --partner P (when partner is not NULL) and
 * --now TIME of argv. Returns 0, or -1 (usage). */
static int
recon_args(int argc, char **argv, mp_date *day, int *have_day,
    const char **partner)
{
	int64_t now;
	int i;

	*have_day = 0;
	for (i = 1; i < argc; i += 2) {
		if (i + 1 >= argc)
			return -1;
		if (strcmp(argv[i], "--date") == 0) {
			if (mp_date_parse(argv[i + 1], strlen(argv[i + 1]),
			    day) == -1)
				return -1;
			*have_day = 1;
		} else if (strcmp(argv[i], "--partner") == 0 && partner != NULL)
			*partner = argv[i + 1];
		else if (strcmp(argv[i], "--now") == 0) {
			if (ctl_parse_time(argv[i + 1], &now) == -1)
				return -1;
			clock_set_fixed(now);
		} else
			return -1;
	}
	return 0;
}

/* See recon.h. */
int
ctl_partner_report(struct ctl *c, int argc, char **argv)
{
	const char *partner = NULL;
	struct buf out;
	mp_date day;
	int have_day, rc;

	(void)c;
	if (recon_args(argc, argv, &day, &have_day, &partner) == -1 ||
	    !have_day || partner == NULL)
		goto usage;
	buf_init(&out);
	rc = recon_partner_report(partner, day, &out);
	if (rc == 0)
		fputs(buf_str(&out), stdout);
	else if (rc == -1)
		fprintf(stderr, "mallpayctl: partner-report: the books of %s "
		    "cannot be read\n", partner);
	buf_cleanup(&out);
	if (rc != 1)
		return rc == 0 ? 0 : 1;
	fprintf(stderr, "mallpayctl: partner-report: unknown partner %s\n",
	    partner);
usage:
	fprintf(stderr, "usage: mallpayctl partner-report --partner "
	    "bank|finance|post-office|logistics-ID --date YYYY-MM-DD\n");
	return 2;
}

/* See recon.h. */
int
ctl_reconcile(struct ctl *c, int argc, char **argv)
{
	struct recon_summary sum;
	struct buf log;
	struct db *db;
	char ds[CAL_DATE_STRLEN];
	mp_date day;
	int have_day, rc;

	if (recon_args(argc, argv, &day, &have_day, NULL) == -1) {
		fprintf(stderr, "usage: mallpayctl reconcile [--date "
		    "YYYY-MM-DD] [--now TIME]\n");
		return 2;
	}
	if (!have_day && (mp_date_from_unix(clock_now(), &day) == -1 ||
	    mp_date_add_days(day, -1, &day) == -1))
		return 1;
	if ((db = ctl_db_open(c)) == NULL)
		return 1;
	buf_init(&log);
	rc = recon_reconcile(db, day, clock_now(), &sum, &log);
	fputs(buf_str(&log), stdout);
	mp_date_str(day, ds, sizeof(ds));
	if (rc == -1)
		fprintf(stderr, "mallpayctl: reconcile %s failed: %s\n", ds,
		    db_error(db));
	else
		printf("reconciled %s: %d partners, %d report lines, %d "
		    "ledger lines, %d difference%s, %d awaiting the "
		    "statement\n", ds, sum.partners, sum.report_lines,
		    sum.ledger_lines, sum.differences, sum.differences == 1 ?
		    "" : "s", sum.awaiting);
	buf_cleanup(&log);
	db_free(db);
	if (rc == -1)
		return 1;
	return sum.differences > 0 ? CTL_RECON_DIFFERENCES : 0;
}
