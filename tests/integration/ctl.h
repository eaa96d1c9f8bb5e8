#ifndef MALLPAY_TESTS_CTL_H
#define MALLPAY_TESTS_CTL_H

/*
 * mallpayctl as the integration tests run it: $MALLPAY_CTL with the
 * stack's configuration $MALLPAY_CONF (both set by suite.sh).
 */

struct buf;

/* Run `$MALLPAY_CTL -c $MALLPAY_CONF args` (args as shell words), its
 * stdout and stderr into out (replaced). Returns its exit status, or -1
 * when it did not exit normally or the environment lacks the two. */
int	mallpayctl_run(struct buf *out, const char *args);

/* `mallpayctl check`, its report on stderr (the test's log: a violation
 * names its row). Returns its exit status (0: no violation). */
int	mallpayctl_check(void);

#endif
