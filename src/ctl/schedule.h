#ifndef MALLPAY_CTL_SCHEDULE_H
#define MALLPAY_CTL_SCHEDULE_H

#include <stdio.h>

/*
 * mallpayctl schedule: print an installment plan (INST-M1..M4) and its
 * APR.
 *
 *	mallpayctl schedule --principal 1200.00 [--currency USD] --months 12
 *	    --monthly-rate 1.0 [--fee-mode spread|upfront]
 *	    [--start YYYY-MM-DD] [--json]
 *
 * --monthly-rate is a percentage per month; --start defaults to today
 * (clock_now(), UTC); the first installment falls due one month after it.
 */

/* Entry point from mallpayctl's dispatch: argv[0] is "schedule" (or any
 * name), options follow; a "schedule" in argv[1] is skipped too, so the
 * whole command line may be passed. Prints to stdout; returns the exit
 * status: 0, or 2 after a message on stderr naming the bad option. */
int	ctl_schedule(int argc, char **argv);

/* The same with explicit streams, for tests. */
int	ctl_schedule_run(int argc, char **argv, FILE *out, FILE *err);

#endif
