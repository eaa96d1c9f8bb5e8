/*
 * mallpayctl tick [--now TIME]: run every time-based job that is due.
 *
 * First the recurring jobs of this moment are scheduled (a no-op when they
 * exist), then due jobs are taken one at a time, each in its own
 * transaction with SELECT ... FOR UPDATE SKIP LOCKED, run and marked done
 * in that same transaction. So tick is idempotent (a job done is never
 * taken again) and several hosts may run it at once.
 *
 * Recurring jobs: session_purge, every hour, deletes the sessions past
 * their absolute or idle expiry; reconcile, every day, matches the
 * partners' reports of the day before with the ledger; ledger_fold, every
 * day, folds the ledger's daily totals of the days before yesterday into
 * one row a key (db_ledger_days_fold). The time-based work of orders,
 * plans and accounts runs as the sweeps below.
 *
 * mallpayctl ledger-fold [--now TIME] runs ledger_fold's work at once (the
 * benchmark, after it has copied a book of past days).
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "ctl/ctl.h"
#include "db/db.h"
#include "db/job.h"
#include "db/report.h"
#include "service/cod.h"
#include "service/remittance.h"
#include "service/payafter.h"
#include "service/plans.h"
#include "service/company.h"
#include "service/identity.h"
#include "service/recon.h"

/* Safety net against a job that keeps rescheduling itself into the past. */
#define TICK_MAX_JOBS	100000
/* A failed job is retried after this many seconds times its attempts. */
#define TICK_RETRY_SECS	300

struct tick {
	struct ctl	*c;
	struct db	*db;
	int64_t		 now;
	int		 rows;		/* what the last job did (its counts) */
	int		 lost;		/* jobs another host claimed first */
	char		 host[64];	/* this host's name in job_claims */
};

/* Append "NAME N rows M ms" of a job begun at t0 (its rows: t->rows) to
 * the timing line times. */
static void
timed(struct buf *times, const char *name, const struct tick *t, double t0)
{
	buf_printf(times, "%s%s %d rows %.1f ms", times->len > 0 ? ", " : "",
	    name, t->rows, (ctl_mono() - t0) * 1000.0);
}

/* Run one job of kind session_purge. Returns 0 with what it did in msg,
 * or -1 with the reason in msg. */
static int
job_session_purge(struct tick *t, const struct db_job *j, struct buf *msg)
{
	int64_t n;

	(void)j;
	n = db_job_purge_sessions(t->db, t->now,
	    t->now - t->c->cfg.session_idle);
	if (n < 0) {
		buf_puts(msg, db_error(t->db));
		return -1;
	}
	buf_printf(msg, "deleted %lld expired session%s", (long long)n,
	    n == 1 ? "" : "s");
	return 0;
}

/* Run one job of kind reconcile (scheduled at the start of each day):
 * reconcile the day before its run_at with every partner (RULES C-09),
 * inside the job's transaction. Differences do not fail the job: they
 * are stored for the admin console and counted in msg. Returns 0, or -1
 * with the reason in msg. */
static int
job_reconcile(struct tick *t, const struct db_job *j, struct buf *msg)
{
	struct recon_summary sum;
	struct buf log;
	char ds[CAL_DATE_STRLEN];
	mp_date day;
	int rc;

	if (mp_date_from_unix(j->run_at, &day) == -1 ||
	    mp_date_add_days(day, -1, &day) == -1) {
		buf_puts(msg, "bad run time");
		return -1;
	}
	buf_init(&log);
	rc = recon_reconcile_tx(t->db, day, t->now, &sum, &log);
	fputs(buf_str(&log), stdout);
	buf_cleanup(&log);
	if (rc == -1) {
		buf_printf(msg, "reconciliation failed: %s", db_error(t->db));
		return -1;
	}
	buf_printf(msg, "reconciled %s: %d difference%s",
	    mp_date_str(day, ds, sizeof(ds)), sum.differences,
	    sum.differences == 1 ? "" : "s");
	return 0;
}

/* The first day ledger_fold leaves as it is, for a job or command at now:
 * yesterday (days since 1970-01-01, UTC), so that a line posted by a host
 * whose clock is a little behind is never the only one in a folded day. */
static int64_t
fold_before(int64_t now)
{
	return now / 86400 - 1;
}

/* Run one job of kind ledger_fold: fold the daily ledger totals before
 * yesterday in the job's transaction. Returns 0 with what it did in msg,
 * or -1 with the reason in msg. */
static int
job_ledger_fold(struct tick *t, const struct db_job *j, struct buf *msg)
{
	int64_t n;

	(void)j;
	if ((n = db_ledger_days_fold(t->db, fold_before(t->now))) < 0) {
		buf_puts(msg, db_error(t->db));
		return -1;
	}
	t->rows = (int)n;
	buf_printf(msg, "folded %lld row%s of the ledger's daily totals",
	    (long long)n, n == 1 ? "" : "s");
	return 0;
}

static const struct job_kind {
	const char	*kind;
	int		 (*run)(struct tick *, const struct db_job *,
			    struct buf *);
} job_kinds[] = {
	{ "session_purge", job_session_purge },
	{ "reconcile", job_reconcile },
	{ "ledger_fold", job_ledger_fold },
};

/* Schedule the recurring jobs due at t->now: one session_purge per hour
 * (run_at is the hour, so every tick within that hour finds it done), one
 * ledger_fold and one reconcile per day (run_at is the day's midnight, UTC; it reconciles
 * the day before). Returns 0 or -1. */
static int
tick_schedule(struct tick *t)
{
	int64_t hour = t->now - ((t->now % 3600) + 3600) % 3600;
	int64_t day = t->now - ((t->now % 86400) + 86400) % 86400;

	if (db_job_schedule(t->db, "session_purge", 0, hour) < 0 ||
	    db_job_schedule(t->db, "ledger_fold", 0, day) < 0)
		return -1;
	return db_job_schedule(t->db, "reconcile", 0, day) < 0 ? -1 : 0;
}

/* This host's name for job_claims: its host name and process id. */
static void
tick_host(char *out, size_t outsz)
{
	char name[48];

	if (gethostname(name, sizeof(name)) == -1)
		snprintf(name, sizeof(name), "unknown");
	name[sizeof(name) - 1] = '\0';
	snprintf(out, outsz, "%s/%ld", name, (long)getpid());
}

/* Job j was left to another host (why); counts it. Returns 1. */
static int
tick_lost(struct tick *t, const struct db_job *j, const char *why)
{
	printf("left job %lld %s to another host: %s\n", (long long)j->id,
	    j->kind, why);
	t->lost++;
	return 1;
}

/* A sweep (name) that stopped on an error: when the error was a conflict
 * (1213: under Galera another host on another node took the same row
 * first) or the node (1047, connection lost), its rows are left to that
 * host or the next tick, counted in t->lost, and the next sweeps run
 * (1). Else 0: a real failure. */
static int
tick_lost_sweep(struct tick *t, const char *name)
{
	if (!db_retryable(t->db))
		return 0;
	db_rollback(t->db);
	printf("%s: stopped, rows left to another host or the next tick: "
	    "%s\n", name, db_error(t->db));
	t->lost++;
	return db_ensure(t->db) == 0;
}

/* Take and run one due job in its own transaction. Returns 1 if a job was
 * taken (done or failed), 0 if none is due, -1 on a database error. */
static int
tick_one(struct tick *t, int *failed)
{
	struct db_job j;
	struct buf msg;
	const struct job_kind *k = NULL;
	char when[32];
	size_t i;
	int rc;

	/* READ COMMITTED: no gap locks, so hosts ticking at once only
	 * ever wait for nothing (SKIP LOCKED) rather than for each other. */
	if (db_begin_read_committed(t->db) == -1)
		return -1;
	if ((rc = db_job_take(t->db, t->now, &j)) == 1 &&
	    (rc = db_job_claim(t->db, j.id, t->host, t->now)) == 0) {
		db_rollback(t->db);
		return tick_lost(t, &j, "claimed by another host");
	}
	if (rc != 1) {
		db_rollback(t->db);
		/* Aborted by another node's write (1213) or the node:
		 * the jobs wait for the next tick, the sweeps still run. */
		if (rc == -1 && tick_lost_sweep(t, "jobs"))
			return 0;
		return rc;
	}
	buf_init(&msg);
	for (i = 0; i < sizeof(job_kinds) / sizeof(job_kinds[0]); i++)
		if (strcmp(job_kinds[i].kind, j.kind) == 0)
			k = &job_kinds[i];
	if (k == NULL) {
		buf_printf(&msg, "unknown job kind");
		rc = -1;
	} else
		rc = k->run(t, &j, &msg);
	if (rc == 0 && db_job_done(t->db, j.id, t->now) == -1) {
		buf_reset(&msg);
		buf_puts(&msg, db_error(t->db));
		rc = -1;
	}
	if (rc == 0 && db_commit(t->db) == -1) {
		buf_reset(&msg);
		buf_puts(&msg, db_error(t->db));
		rc = -1;
	}
	ctl_time_str(j.run_at, when, sizeof(when));
	if (rc == 0) {
		printf("job %lld %s (%s): %s\n", (long long)j.id, j.kind,
		    when, buf_str(&msg));
		buf_cleanup(&msg);
		return 1;
	}
	/* Undo the job's work, then record the failure on its own and move
	 * the job out of this run's way; unless it lost a conflict (another
	 * host on another node claimed it at the same moment: 1213 at
	 * COMMIT) or the node: then it is another host's, or the next
	 * take's. */
	db_rollback(t->db);
	if (db_retryable(t->db)) {
		rc = tick_lost(t, &j, buf_str(&msg));
		buf_cleanup(&msg);
		(void)db_ensure(t->db);
		return rc;
	}
	printf("job %lld %s (%s): FAILED: %s\n", (long long)j.id, j.kind,
	    when, buf_str(&msg));
	(*failed)++;
	rc = db_job_failed(t->db, j.id, buf_str(&msg),
	    t->now + (int64_t)TICK_RETRY_SECS * (j.attempts + 1));
	buf_cleanup(&msg);
	return rc == -1 ? -1 : 1;
}

/* pau: the Pay After Use work at t->now (payafter_tick: PAU-03
 * automatic confirmation, PAU-04 retries, late fees, suspension); each
 * order in its own transaction with FOR UPDATE SKIP LOCKED. Adds its
 * errors to *failed. Returns 0 or -1 (database). */
static int
tick_payafter(struct tick *t, int *failed)
{
	struct pau_tick_stats st;
	int rc;

	rc = payafter_tick(t->db, t->now, &st);
	t->rows = st.confirmed + st.charged + st.failed + st.late_fees +
	    st.suspended;
	printf("payafter: %d confirmed, %d charged, %d failed, %d late fees, "
	    "%d suspended, %d errors\n", st.confirmed, st.charged, st.failed,
	    st.late_fees, st.suspended, st.errors);
	*failed += st.errors;
	return rc;
}

/* installments: every plan's time-based work (plan_tick():
 * INST-P2 reminders, INST-P3 deductions, INST-F1 late fees, INST-F2
 * suspensions, INST-PC answers, INST-C2 returns), each plan in its own
 * transaction with FOR UPDATE SKIP LOCKED. Prints what it did; counts its
 * errors into *failed. Returns 0, or -1 on a database error. */
static int
tick_installments(struct tick *t, int *failed)
{
	struct plan_tick_stats st;
	int rc;

	rc = plan_tick(t->db, &t->c->cfg, t->now, &st);
	t->rows = st.plans;
	printf("installments: %d plan%s worked, %d reminder%s, %d deducted, "
	    "%d deduction%s failed, %d late fee%s, %d suspended, %d decided, "
	    "%d returned, %d refund%s, %d error%s\n", st.plans,
	    st.plans == 1 ? "" : "s", st.reminders,
	    st.reminders == 1 ? "" : "s", st.deducted, st.deduct_failed,
	    st.deduct_failed == 1 ? "" : "s", st.late_fees,
	    st.late_fees == 1 ? "" : "s", st.suspended, st.decided,
	    st.returned, st.refunds, st.refunds == 1 ? "" : "s", st.errors,
	    st.errors == 1 ? "" : "s");
	*failed += st.errors;
	return rc;
}

/* cod: COD-P5 cancellations of orders unpaid after the agreed
 * delivery day and the end of COD-F2 suspensions (cod_tick), each item in
 * its own transaction with FOR UPDATE SKIP LOCKED. Prints what it did.
 * Returns 0, or -1 (counted into *failed). */
static int
tick_cod(struct tick *t, int *failed)
{
	struct buf	log;
	int		n;

	buf_init(&log);
	n = cod_tick(t->db, t->now, &log);
	t->rows = n < 0 ? 0 : n;
	fputs(buf_str(&log), stdout);
	printf("cod: %d done%s\n", n < 0 ? 0 : n, n < 0 ? ", FAILED" : "");
	buf_cleanup(&log);
	if (n < 0)
		(*failed)++;
	return n < 0 ? -1 : 0;
}

/* corporate: INST-03 licence expiry (qual_tick: the 30- and
 * 7-day messages, then unverified after the last valid day), each company
 * in its own transaction with FOR UPDATE SKIP LOCKED. Prints what it did;
 * counts its errors into *failed. Returns 0, or -1 on a database error. */
static int
tick_corporate(struct tick *t, int *failed)
{
	struct qual_tick_stats st;
	int rc;

	rc = qual_tick(t->db, t->now, &st);
	t->rows = st.notices + st.expired;
	printf("corporate: %d expiry notice%s, %d expired, %d error%s\n",
	    st.notices, st.notices == 1 ? "" : "s", st.expired, st.errors,
	    st.errors == 1 ? "" : "s");
	*failed += st.errors;
	return rc == -1 && st.errors == 0 ? -1 : 0;
}

/* identity: the credit bureau's score asked again for every consent whose
 * refresh is due (credit_refresh_tick, INST-02: after credit_refresh_days),
 * each in its own transaction with FOR UPDATE SKIP LOCKED. Prints what it
 * did; counts its errors into *failed. Returns 0, or -1 on a database
 * error. */
static int
tick_credit(struct tick *t, int *failed)
{
	struct credit_tick_stats st;
	int rc;

	rc = credit_refresh_tick(t->db, &t->c->cfg, t->now, &st);
	t->rows = st.refreshed + st.deferred;
	printf("credit: %d score%s refreshed, %d deferred, %d error%s\n",
	    st.refreshed, st.refreshed == 1 ? "" : "s", st.deferred,
	    st.errors, st.errors == 1 ? "" : "s");
	*failed += st.errors;
	return rc;
}

/* remittance: REM-P6 cancellations (remittance_tick). Counts a failure
 * into *failed, unless its rows were left to another host. Returns 0. */
static int
tick_remittance(struct tick *t, int *failed)
{
	if ((t->rows = remittance_tick(t->db, t->now)) == -1) {
		if (!tick_lost_sweep(t, "remittance"))
			(*failed)++;
		t->rows = 0;
	}
	return 0;
}

/* The sweeps of a tick after the jobs, in order. A sweep whose -1 stops
 * the tick (unless its rows were left to another host) has stops set; the
 * others count their failures into *failed and the tick goes on. */
static const struct sweep {
	const char	*name;
	int		(*run)(struct tick *, int *failed);
	int		 stops;
} sweeps[] = {
	{ "payafter", tick_payafter, 1 },
	{ "remittance", tick_remittance, 0 },
	{ "installments", tick_installments, 1 },
	{ "cod", tick_cod, 0 },
	{ "corporate", tick_corporate, 1 },
	{ "credit", tick_credit, 1 },
};

/* The arguments of mallpayctl tick and ledger-fold (name): --now TIME
 * fixes the clock. 0, or 2 (usage printed). */
static int
tick_args(const char *name, int argc, char **argv)
{
	int64_t	now;
	int	i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--now") == 0 && i + 1 < argc) {
			if (ctl_parse_time(argv[++i], &now) == -1) {
				fprintf(stderr, "mallpayctl: %s: bad time "
				    "\"%s\": use YYYY-MM-DDTHH:MM:SSZ or "
				    "YYYY-MM-DD\n", name, argv[i]);
				return 2;
			}
			clock_set_fixed(now);
		} else {
			fprintf(stderr, "usage: mallpayctl %s "
			    "[--now YYYY-MM-DDTHH:MM:SSZ]\n", name);
			return 2;
		}
	}
	return 0;
}

/* See ctl.h: mallpayctl tick [--now TIME]. Exit 1 if any job failed. */
int
ctl_tick(struct ctl *c, int argc, char **argv)
{
	struct tick t;
	struct buf times;
	char when[32];
	int rc = 0, done = 0, failed = 0;
	size_t k;
	double t0;

	if (tick_args("tick", argc, argv) != 0)
		return 2;
	memset(&t, 0, sizeof(t));
	t.c = c;
	t.now = clock_now();
	tick_host(t.host, sizeof(t.host));
	if ((t.db = ctl_db_open(c)) == NULL)
		return 1;
	printf("tick at %s\n", ctl_time_str(t.now, when, sizeof(when)));
	if (tick_schedule(&t) == -1) {
		fprintf(stderr, "mallpayctl: tick: %s\n", db_error(t.db));
		db_free(t.db);
		return 1;
	}
	while (done + failed < TICK_MAX_JOBS &&
	    (rc = tick_one(&t, &failed)) == 1)
		done++;
	done -= failed + t.lost;
	buf_init(&times);
	for (k = 0; k < sizeof(sweeps) / sizeof(sweeps[0]); k++) {
		t0 = ctl_mono();
		if (rc != -1 && sweeps[k].run(&t, &failed) == -1 &&
		    sweeps[k].stops && !tick_lost_sweep(&t, sweeps[k].name))
			rc = -1;
		timed(&times, sweeps[k].name, &t, t0);
	}
	if (rc == -1)
		fprintf(stderr, "mallpayctl: tick: %s\n", db_error(t.db));
	/* Each job's rows (what it did) and duration: bench/run.sh's batch
	 * table. */
	printf("times: %s\n", buf_str(&times));
	buf_cleanup(&times);
	printf("%d job%s done, %d failed", done, done == 1 ? "" : "s",
	    failed);
	if (t.lost > 0)
		printf(", %d left to other hosts", t.lost);
	printf("\n");
	db_free(t.db);
	return rc == -1 || failed > 0 ? 1 : 0;
}

/* See ctl.h: mallpayctl ledger-fold [--now TIME]. */
int
ctl_ledger_fold(struct ctl *c, int argc, char **argv)
{
	struct db	*db;
	int64_t		 n, before;
	char		 day[CAL_DATE_STRLEN];
	mp_date		 d;

	if (tick_args("ledger-fold", argc, argv) != 0)
		return 2;
	before = fold_before(clock_now());
	if ((db = ctl_db_open(c)) == NULL)
		return 1;
	if (db_begin(db) == -1 ||
	    (n = db_ledger_days_fold(db, before)) < 0 || db_commit(db) == -1) {
		fprintf(stderr, "mallpayctl: ledger-fold: %s\n", db_error(db));
		db_rollback(db);
		db_free(db);
		return 1;
	}
	if (mp_date_from_unix(before * 86400, &d) == -1)
		day[0] = '\0';
	else
		mp_date_str(d, day, sizeof(day));
	printf("ledger-fold: %lld row%s folded, days before %s\n",
	    (long long)n, n == 1 ? "" : "s", day);
	db_free(db);
	return 0;
}
