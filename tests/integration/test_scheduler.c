/*
 * The scheduler process (mallpayctl scheduler): it runs tick once a
 * period, logs each run with its exit status and duration, goes on after
 * a run whose job failed, and stops on SIGTERM.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/job.h"
#include "db/stmt.h"
#include "ctl.h"
#include "shop.h"

/* Retire the failing job of this test, so that later ticks of the suite
 * do not meet it again. */
static void
retire_test_job(void)
{
	static const char sql[] = "UPDATE jobs SET done_at = ? "
	    "WHERE kind = 'no_such_kind' AND done_at IS NULL";
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, 0, sql);

	assert_non_null(q);
	dbq_int(q, (int64_t)time(NULL));
	assert_int_equal(dbq_exec_done(q, NULL), 0);
}

/* A job of a kind tick does not know, due now: the run that takes it
 * fails (exit 1), and the scheduler goes on; the job is retried later,
 * so the next runs have nothing failing. */
static void
test_scheduler_survives_a_failing_job(void **state)
{
	struct buf	 out;
	const char	*s;

	(void)state;
	assert_int_equal(db_job_schedule(shop_db(), "no_such_kind",
	    (int64_t)getpid(), (int64_t)time(NULL) - 1), 1);
	buf_init(&out);
	assert_int_equal(mallpayctl_run(&out, "scheduler --every 1 --runs 3"),
	    0);
	s = buf_str(&out);
	if (strstr(s, "no_such_kind") == NULL ||
	    strstr(s, "FAILED: unknown job kind") == NULL ||
	    strstr(s, "scheduler: run 1: tick exited 1") == NULL ||
	    strstr(s, "scheduler: run 2: tick exited 0") == NULL ||
	    strstr(s, "scheduler: run 3: tick exited 0") == NULL ||
	    strstr(s, "installments:") == NULL ||
	    strstr(s, "scheduler: stopped") == NULL)
		fail_msg("scheduler output:\n%s", s);
	buf_cleanup(&out);
	retire_test_job();
}

/* Started without a run limit, it stops on SIGTERM with status 0 and
 * says so; options out of range are usage errors. */
static void
test_scheduler_stops_on_sigterm(void **state)
{
	struct buf	 out;
	char		 log[64];
	pid_t		 pid;
	int		 st;
	FILE		*f;
	char		 line[512];
	int		 stopped = 0, runs = 0;

	(void)state;
	snprintf(log, sizeof(log), "/tmp/mallpay-sched-%d.log", (int)getpid());
	if ((pid = fork()) == 0) {
		if (freopen(log, "w", stdout) == NULL)
			_exit(9);
		execl(getenv("MALLPAY_CTL"), "mallpayctl", "-c",
		    getenv("MALLPAY_CONF"), "scheduler", "--every", "1",
		    (char *)NULL);
		_exit(9);
	}
	assert_true(pid > 0);
	sleep(3);
	assert_int_equal(kill(pid, SIGTERM), 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_non_null(f = fopen(log, "r"));
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strstr(line, "tick exited") != NULL)
			runs++;
		if (strstr(line, "scheduler: stopped") != NULL)
			stopped = 1;
	}
	fclose(f);
	unlink(log);
	assert_true(runs >= 2);
	assert_int_equal(stopped, 1);

	buf_init(&out);
	assert_int_equal(mallpayctl_run(&out, "scheduler --every 0"), 2);
	assert_int_equal(mallpayctl_run(&out, "scheduler --every 9999"), 2);
	assert_int_equal(mallpayctl_run(&out, "scheduler --runs x"), 2);
	buf_cleanup(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scheduler_survives_a_failing_job),
		cmocka_unit_test(test_scheduler_stops_on_sigterm),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests_name("integration_scheduler", tests,
	    NULL, NULL);
	shop_end();
	return rc;
}
