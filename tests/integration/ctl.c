/*
 * mallpayctl from the integration tests (see ctl.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "core/buf.h"
#include "core/config.h"
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

/* See ctl.h. */
void
ctl_sql_cmd(const struct config *cfg, const char *sql, char *out,
    size_t outsz)
{
	snprintf(out, outsz, "mariadb --no-defaults -S '%s' -u '%s' -p'%s' "
	    "'%s' -N -e \"%s\"", cfg->db_socket, cfg->db_user,
	    cfg->db_password, cfg->db_name, sql);
}
