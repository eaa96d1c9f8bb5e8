#ifndef MALLPAY_TESTS_CTL_H
#define MALLPAY_TESTS_CTL_H

/*
 * mallpayctl as the integration tests run it: $MALLPAY_CTL with the
 * stack's configuration $MALLPAY_CONF (both set by suite.sh).
 */

#include <stddef.h>

struct buf;
struct config;

/* Run `$MALLPAY_CTL -c $MALLPAY_CONF args` (args as shell words), its
 * stdout and stderr into out (replaced). Returns its exit status, or -1
 * when it did not exit normally or the environment lacks the two. */
int	mallpayctl_run(struct buf *out, const char *args);

/* `mallpayctl check`, its report on stderr (the test's log: a violation
 * names its row). Returns its exit status (0: no violation). */
int	mallpayctl_check(void);

/* The shell command running sql (no double quotes in it) on cfg's database
 * with the mariadb client, into out (outsz bytes): for fixtures the web
 * cannot make. */
void	ctl_sql_cmd(const struct config *cfg, const char *sql, char *out,
	    size_t outsz);

#endif
