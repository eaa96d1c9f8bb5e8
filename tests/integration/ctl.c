/*
 * mallpayctl from the integration tests (see ctl.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/config.h"
#include "db/db.h"
#include "ctl.h"

/* See ctl.h. */
int
mallpayctl_run(struct buf *out, const char *args)
{
	const char	*ctl = getenv("MALLPAY_CTL"), *conf = getenv("MALLPAY_CONF");
	char		 cmd[4096], line[1024];
	FILE		*p;
	int		 st;

	buf_reset(out);
	if (ctl == NULL || conf == NULL)
		return -1;
	snprintf(cmd, sizeof(cmd), "'%s' -c '%s' %s 2>&1", ctl, conf, args);
	if ((p = popen(cmd, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), p) != NULL)
		buf_puts(out, line);
	st = pclose(p);
	return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* See ctl.h. */
int
mallpayctl_check(void)
{
	struct buf	out;
	int		st;

	buf_init(&out);
	st = mallpayctl_run(&out, "check");
	fprintf(stderr, "%s", buf_str(&out));
	buf_cleanup(&out);
	return st;
}

/* Count the difference lines of reconcile's output text ("  <kind>
 * <reference>: partner ..., ledger ...") whose reference own accepts. */
static int
own_differences(const char *text, int (*own)(const char *, void *),
    void *arg)
{
	const char	*l, *nl;
	char		 kind[32], ref[128];
	int		 n = 0;

	for (l = text; *l != '\0'; l = nl != NULL ? nl + 1 : l + strlen(l)) {
		nl = strchr(l, '\n');
		if (strncmp(l, "  ", 2) != 0 ||
		    sscanf(l, " %31s %127[^:]:", kind, ref) != 2 ||
		    strcmp(kind, "awaiting_statement") == 0 || !own(ref, arg))
			continue;
		n++;
		fprintf(stderr, "OWN MONEY DIFFERENCE: %.*s\n", nl != NULL ?
		    (int)(nl - l) : (int)strlen(l), l);
	}
	return n;
}

/* See ctl.h. */
int
mallpayctl_reconcile_own(int64_t from, int64_t to,
    int (*own)(const char *, void *), void *arg)
{
	struct buf	out;
	char		args[64], ds[CAL_DATE_STRLEN];
	mp_date		d, last;
	int		st, n = 0;

	if (mp_date_from_unix(from, &d) == -1 ||
	    mp_date_from_unix(to, &last) == -1)
		return -1;
	buf_init(&out);
	for (; d <= last; d++) {
		snprintf(args, sizeof(args), "reconcile --date %s",
		    mp_date_str(d, ds, sizeof(ds)));
		st = mallpayctl_run(&out, args);
		fprintf(stderr, "mallpayctl %s (exit %d):\n%s", args, st,
		    buf_str(&out));
		if (st != 0 && st != 3) {
			n = -1;
			break;
		}
		n += own_differences(buf_str(&out), own, arg);
	}
	buf_cleanup(&out);
	return n;
}

/* See ctl.h. */
void
ctl_sql_cmd(const struct config *cfg, const char *sql, char *out,
    size_t outsz)
{
	snprintf(out, outsz, "mariadb --no-defaults -S '%s' -u '%s' -p'%s' "
	    "'%s' -N -e \"%s\"", cfg->db_socket, cfg->db_user,
	    cfg->db_password, cfg->db_name, sql);
}

/* See ctl.h. */
int
ctl_stack_config(struct config *cfg, const char *prog)
{
	const char *conf = getenv("MALLPAY_CONF");
	char err[512];

	if (conf == NULL) {
		fprintf(stderr, "%s: MALLPAY_CONF is not set (run by "
		    "tests/integration/suite.sh)\n", prog);
		return -1;
	}
	if (config_load(cfg, conf, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s: %s\n", prog, err);
		return -1;
	}
	if (sodium_init() < 0)
		return -1;
	db_library_init();
	return 0;
}
