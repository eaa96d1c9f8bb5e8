#ifndef MALLPAY_TESTS_CTL_H
#define MALLPAY_TESTS_CTL_H

/*
 * mallpayctl as the integration tests run it: $MALLPAY_CTL with the
 * stack's configuration $MALLPAY_CONF (both set by suite.sh).
 */

#include <stddef.h>
#include <stdint.h>

struct buf;
struct config;

/* Run `$MALLPAY_CTL -c $MALLPAY_CONF args` (args as shell words), its
 * stdout and stderr into out (replaced). Returns its exit status, or -1
 * when it did not exit normally or the environment lacks the two. */
int	mallpayctl_run(struct buf *out, const char *args);

/* `mallpayctl check`, its report on stderr (the test's log: a violation
 * names its row). Returns its exit status (0: no violation). */
int	mallpayctl_check(void);

/* Run `mallpayctl reconcile --date D` for every UTC day D from the day of
 * from to the day of to (unix seconds) and count the differences listed
 * whose reference own(reference, arg) accepts (1): the test's own money
 * (amounts awaiting a partner's statement are not differences).
 * Every run's output goes to stderr (the test's log), each own difference
 * marked. Returns that count, or -1 when a run failed (an exit status
 * other than 0, clean, or 3, differences). */
int	mallpayctl_reconcile_own(int64_t from, int64_t to,
	    int (*own)(const char *reference, void *arg), void *arg);

/* The shell command running sql (no double quotes in it) on cfg's database
 * with the mariadb client, into out (outsz bytes): for fixtures the web
 * cannot make. */
void	ctl_sql_cmd(const struct config *cfg, const char *sql, char *out,
	    size_t outsz);

/* For a test program on the stack's database: load $MALLPAY_CONF into
 * cfg, initialise libsodium and the client library (db_library_end() at
 * the end). Returns 0, or -1 with the reason on stderr, prog naming the
 * program. */
int	ctl_stack_config(struct config *cfg, const char *prog);

#endif
