/*
 * mallpayctl scheduler [--every SECONDS] [--runs N]: the stack's scheduler
 * process. It runs `tick` (every time-based job that is due) in a child
 * process at the start of each period, logs each run with what tick did,
 * its exit status and its duration, and goes on whatever a run did: a job
 * that fails, a run that crashes or a database that is down only costs
 * that run. SIGTERM or SIGINT ends it after the run in progress (which
 * gets the signal too, so its open transaction rolls back).
 *
 * Several hosts may each run a scheduler against one database: tick takes
 * every job and every due row with SELECT ... FOR UPDATE SKIP LOCKED and
 * marks it done in the same transaction (README, "Scheduled jobs").
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "ctl/ctl.h"

#define SCHED_DEFAULT_EVERY	15
#define SCHED_MAX_EVERY		3600

static volatile sig_atomic_t	 sched_stop;
static volatile pid_t		 sched_child;

/* SIGTERM / SIGINT: stop after the run in progress, passing the signal
 * on to it. */
static void
on_signal(int sig)
{
	sched_stop = 1;
	if (sched_child > 0)
		kill(sched_child, sig);
}

/* Monotonic milliseconds. */
static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Run tick once in a child process and log how it ended. */
static void
run_once(struct ctl *c, long n)
{
	char	 tick[] = "tick";
	char	*targv[] = { tick, NULL };
	char	 when[32];
	int64_t	 t0 = mono_ms();
	pid_t	 pid;
	int	 st;

	printf("scheduler: run %ld at %s\n", n,
	    ctl_time_str(clock_now(), when, sizeof(when)));
	fflush(stdout);
	if ((pid = fork()) == -1) {
		printf("scheduler: run %ld: fork: %s\n", n, strerror(errno));
		return;
	}
	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		st = ctl_tick(c, 1, targv);
		fflush(stdout);
		_exit(st);
	}
	sched_child = pid;
	while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
		;
	sched_child = 0;
	if (WIFEXITED(st))
		printf("scheduler: run %ld: tick exited %d (%s) in %lld ms\n",
		    n, WEXITSTATUS(st), WEXITSTATUS(st) == 0 ? "every job done" :
		    "a job failed or the database was unreachable; the next "
		    "run retries", (long long)(mono_ms() - t0));
	else
		printf("scheduler: run %ld: tick ended by signal %d in %lld "
		    "ms; the next run retries\n", n, WTERMSIG(st),
		    (long long)(mono_ms() - t0));
	fflush(stdout);
}

/* Sleep until the monotonic time until_ms, or a stop signal. */
static void
sleep_until(int64_t until_ms)
{
	struct timespec	ts;
	int64_t		left;

	while (!sched_stop && (left = until_ms - mono_ms()) > 0) {
		ts.tv_sec = left / 1000;
		ts.tv_nsec = (left % 1000) * 1000000;
		nanosleep(&ts, NULL);
	}
}

/* Parse the options into *every and *runs (0: no limit). Returns 0 or -1
 * (usage printed). */
static int
parse_args(int argc, char **argv, long *every, long *runs)
{
	char	*end;
	long	*dst;
	int	 i;

	*every = SCHED_DEFAULT_EVERY;
	*runs = 0;
	for (i = 1; i < argc; i++) {
		dst = strcmp(argv[i], "--every") == 0 ? every :
		    strcmp(argv[i], "--runs") == 0 ? runs : NULL;
		if (dst == NULL || i + 1 >= argc)
			goto usage;
		errno = 0;
		*dst = strtol(argv[++i], &end, 10);
		if (errno != 0 || *end != '\0' || *dst < 1)
			goto usage;
	}
	if (*every <= SCHED_MAX_EVERY)
		return 0;
usage:
	fprintf(stderr, "usage: mallpayctl scheduler [--every SECONDS "
	    "(1-%d, default %d)] [--runs N]\n", SCHED_MAX_EVERY,
	    SCHED_DEFAULT_EVERY);
	return -1;
}

/* See ctl.h. */
int
ctl_scheduler(struct ctl *c, int argc, char **argv)
{
	struct sigaction	sa;
	long			every, runs, n;
	int64_t			next;

	if (parse_args(argc, argv, &every, &runs) == -1)
		return 2;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	printf("scheduler: started, a run every %ld s\n", every);
	fflush(stdout);
	next = mono_ms();
	for (n = 1; !sched_stop && (runs == 0 || n <= runs); n++) {
		run_once(c, n);
		next += every * 1000;
		if (next < mono_ms())	/* a run longer than the period */
			next = mono_ms();
		if (runs == 0 || n < runs)
			sleep_until(next);
	}
	printf("scheduler: stopped\n");
	return 0;
}
