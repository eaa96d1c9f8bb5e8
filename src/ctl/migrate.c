/*
 * mallpayctl migrate: apply the numbered migrations of the sql directory.
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/calendar.h"
#include "ctl/ctl.h"
#include "db/db.h"
#include "db/migrate.h"

/* See ctl.h: connect, or say why not on stderr. */
struct db *
ctl_db_open(struct ctl *c)
{
	struct db *db;
	char err[512];

	if ((db = db_open(&c->cfg, err, sizeof(err))) == NULL)
		fprintf(stderr, "mallpayctl: %s\n", err);
	return db;
}

/* See ctl.h. Strict: exactly 10 or 20 characters, a real date and time. */
int
ctl_parse_time(const char *s, int64_t *out)
{
	size_t len = strlen(s);
	mp_date d;
	int hh, mm, ss, i;

	if ((len != 10 && len != 20) || mp_date_parse(s, 10, &d) == -1)
		return -1;
	if (len == 10) {
		*out = mp_date_to_unix(d);
		return 0;
	}
	if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	for (i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return -1;
	hh = (s[11] - '0') * 10 + (s[12] - '0');
	mm = (s[14] - '0') * 10 + (s[15] - '0');
	ss = (s[17] - '0') * 10 + (s[18] - '0');
	if (hh > 23 || mm > 59 || ss > 59)
		return -1;
	*out = mp_date_to_unix(d) + hh * 3600 + mm * 60 + ss;
	return 0;
}

/* See ctl.h. */
double
ctl_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* See ctl.h. */
char *
ctl_time_str(int64_t t, char *out, size_t outsz)
{
	char day[CAL_DATE_STRLEN];
	mp_date d;
	int64_t s;

	if (mp_date_from_unix(t, &d) == -1) {
		snprintf(out, outsz, "invalid");
		return out;
	}
	s = t - mp_date_to_unix(d);
	snprintf(out, outsz, "%sT%02d:%02d:%02dZ",
	    mp_date_str(d, day, sizeof(day)), (int)(s / 3600),
	    (int)(s / 60 % 60), (int)(s % 60));
	return out;
}

/* mallpayctl migrate: no options. Prints each migration applied, or that
 * the schema is up to date. */
int
ctl_migrate(struct ctl *c, int argc, char **argv)
{
	struct db *db;
	char err[1024];
	int n, v;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: mallpayctl migrate\n");
		return 2;
	}
	if ((db = ctl_db_open(c)) == NULL)
		return 1;
	n = db_migrate(db, c->sqldir, stdout, err, sizeof(err));
	if (n == -1) {
		fprintf(stderr, "mallpayctl: migrate: %s\n", err);
		db_free(db);
		return 1;
	}
	v = db_schema_version(db);
	if (n == 0)
		printf("schema up to date (version %03d)\n", v);
	else
		printf("%d migration%s applied, schema at version %03d\n", n,
		    n == 1 ? "" : "s", v);
	db_free(db);
	return 0;
}
