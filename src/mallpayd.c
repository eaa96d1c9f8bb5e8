/*
 * mallpayd: the FastCGI server.
 *
 * main loads the configuration and the templates, opens the Unix socket,
 * blocks the stop signals and starts N workers. Each worker owns one
 * FCGX_Request and one database connection and serves requests one at a
 * time. A signal thread waits for SIGTERM/SIGINT/SIGHUP, marks libfcgi's
 * shutdown and shuts the listening socket down, so that every worker returns
 * from accept after finishing the request it is serving; main joins them and
 * exits 0.
 */

#include <sys/socket.h>
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "core/clock.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/db.h"
#include "gateway/finance.h"
#include "http/ctx.h"
#include "http/request.h"
#include "http/response.h"
#include "pages/pages.h"
#include "gateway/bank.h"
#include "sandbox/books.h"
#include "service/checkout.h"
#include "service/docrender.h"
#include "service/filestore.h"
#include "view/view.h"

#define LISTEN_BACKLOG	256
#define DB_RETRY_MIN	1	/* seconds between connection attempts... */
#define DB_RETRY_MAX	30	/* ...doubling up to this */

static struct config	 cfg;
static int		 listen_fd = -1;
static atomic_int	 stopping;

/* Microseconds of a monotonic stopwatch. Only measures how long a request
 * took for the log; the time of day comes from clock_now() (RULES C-05). */
static int64_t
stopwatch_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* A worker's database connection, opened lazily with backoff so that the
 * server starts (and answers 503) while the database is still down. */
struct worker_db {
	struct db	*db;
	int64_t		 next_try_us;	/* stopwatch time of the next attempt */
	int		 backoff;	/* seconds */
};

/* Return a usable connection, or NULL when the database cannot be reached
 * now (the next attempt waits for the backoff). */
static struct db *
worker_db_get(struct worker_db *w)
{
	char err[512];
	int64_t now = stopwatch_us();

	if (w->db != NULL)
		return db_ensure(w->db) == 0 ? w->db : NULL;
	if (now < w->next_try_us)
		return NULL;
	if ((w->db = db_open(&cfg, err, sizeof(err))) != NULL) {
		w->backoff = 0;
		return w->db;
	}
	w->backoff = w->backoff == 0 ? DB_RETRY_MIN : w->backoff * 2;
	if (w->backoff > DB_RETRY_MAX)
		w->backoff = DB_RETRY_MAX;
	w->next_try_us = now + (int64_t)w->backoff * 1000000;
	log_warn("%s; retrying in %d s", err, w->backoff);
	return NULL;
}

/* The request method for the log line: only a short run of capital letters,
 * so nothing a client sends can forge log lines. */
static const char *
log_method(FCGX_Request *fr)
{
	const char *m = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	size_t i;

	if (m == NULL || *m == '\0' || strlen(m) > 10)
		return "-";
	for (i = 0; m[i] != '\0'; i++)
		if (m[i] < 'A' || m[i] > 'Z')
			return "-";
	return m;
}

/* Copy path for the log with control bytes and spaces replaced. */
static void
log_path(const char *path, char *out, size_t outsz)
{
	size_t i;

	for (i = 0; path[i] != '\0' && i + 1 < outsz; i++)
		out[i] = ((unsigned char)path[i] <= 0x20 || path[i] == 0x7f) ?
		    '?' : path[i];
	out[i] = '\0';
	if (i == 0)
		snprintf(out, outsz, "-");
}

/* Serve one accepted request: parse, dispatch, write, log. */
static void
serve(FCGX_Request *fr, struct worker_db *w)
{
	struct http_req req;
	struct http_resp resp;
	struct ctx c;
	struct db *db;
	char path[sizeof(req.path)];
	int64_t t0 = stopwatch_us();
	int rc;

	http_req_init(&req);
	http_resp_init(&resp);
	http_resp_stream_to(&resp, fr);
	ctx_init(&c, &cfg, NULL, &req, &resp);
	c.now = clock_now();

	if ((rc = http_req_read(&req, fr)) != 0)
		pages_fail(&c, rc);
	else if ((db = worker_db_get(w)) == NULL)
		pages_fail(&c, 503);
	else {
		c.db = db;
		pages_handle(&c);
		/* The server went away during the request (db_ensure trusts
		 * a connection used within the last second): whatever the
		 * handler made of its failed statement, the answer is the
		 * same 503 as when the database is down. */
		if (db_lost(db) && resp.status >= 500 && !resp.streaming) {
			c.db = NULL;
			pages_fail(&c, 503);
		}
	}
	if (http_resp_write(&resp, fr) == -1)
		log_warn("response not delivered (client gone)");

	log_path(req.path, path, sizeof(path));
	log_info("%s %s %d %lld", log_method(fr), path, resp.status,
	    (long long)(stopwatch_us() - t0));

	ctx_cleanup(&c);
	http_resp_cleanup(&resp);
	http_req_cleanup(&req);
}

/* A worker thread: accept and serve until the listening socket is shut. */
static void *
worker(void *arg)
{
	FCGX_Request fr;
	struct worker_db w;

	(void)arg;
	memset(&w, 0, sizeof(w));
	db_thread_init();
	if (FCGX_InitRequest(&fr, listen_fd, 0) != 0) {
		log_err("FCGX_InitRequest failed");
		db_thread_end();
		return NULL;
	}
	/* Connect now and fill the reference-data cache, so that the
	 * first requests pay for neither. */
	if (worker_db_get(&w) != NULL)
		checkout_warm(w.db, clock_now());
	while (!atomic_load(&stopping)) {
		if (FCGX_Accept_r(&fr) < 0) {
			if (!atomic_load(&stopping))
				log_err("accept failed: %s", strerror(errno));
			break;
		}
		serve(&fr, &w);
		FCGX_Finish_r(&fr);
	}
	FCGX_Free(&fr, 1);
	db_free(w.db);
	sandbox_books_end();
	db_thread_end();
	return NULL;
}

/* The signal thread: wait for a stop signal, then wake every worker. */
static void *
signal_waiter(void *arg)
{
	sigset_t *set = arg;
	int sig = 0;

	if (sigwait(set, &sig) != 0)
		sig = SIGTERM;
	log_info("signal %d: finishing requests in flight", sig);
	atomic_store(&stopping, 1);
	FCGX_ShutdownPending();
	/* accept() in every worker fails from now on; connections already
	 * accepted are served to the end. */
	shutdown(listen_fd, SHUT_RDWR);
	return NULL;
}

/* Print usage and exit 2. */
static void
usage(void)
{
	fprintf(stderr, "usage: mallpayd [-c mallpay.conf]\n");
	exit(2);
}

/* Uploads left half-done by a crash (kill -9, power loss): publish the
 * files whose row committed, remove pending files older than an hour that
 * never got one (younger ones may belong to another host's request in
 * flight on shared storage). A database that is down is not fatal: the
 * next start, or filestore_get, finishes the job. */
static void
recover_uploads(void)
{
	struct db *db;
	char err[256];
	int n;

	if ((db = db_open(&cfg, err, sizeof(err))) == NULL) {
		log_warn("uploads: not checked at start: %s", err);
		return;
	}
	if ((n = filestore_recover(db, &cfg, clock_now(), 3600)) == -1)
		log_warn("uploads: not checked at start: %s", db_error(db));
	else if (n > 0)
		log_info("uploads: %d file(s) committed before a crash "
		    "published", n);
	db_free(db);
}

/* Apply MALLPAY_NOW (seconds since the epoch) for test stacks. */
static int
fixed_clock_from_env(void)
{
	const char *s = getenv("MALLPAY_NOW");
	char *end;
	long long t;

	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	t = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || t <= 0) {
		log_err("MALLPAY_NOW must be seconds since 1970-01-01 UTC");
		return -1;
	}
	clock_set_fixed((int64_t)t);
	log_info("clock fixed at %lld (MALLPAY_NOW)", t);
	return 0;
}

/* Everything before the workers start, for the configuration file conf:
 * configuration, clock, libraries, templates, the partner sandboxes, upload
 * recovery and the FastCGI socket (listen_fd). Returns 0, or -1 after
 * logging why the daemon cannot start. */
static int
startup(const char *conf)
{
	char err[512];

	if (config_load(&cfg, conf, err, sizeof(err)) == -1) {
		log_err("%s", err);
		return -1;
	}
	if (fixed_clock_from_env() == -1)
		return -1;
	if (sodium_init() < 0) {
		log_err("libsodium cannot be initialised");
		return -1;
	}
	/* Before the templates: they are compiled once per language. A
	 * missing catalogue leaves that language's texts in English. */
	if (i18n_init(NULL, err, sizeof(err)) == -1)
		log_err("languages: %s; texts are shown in English", err);
	if (view_init(cfg.template_dir, err, sizeof(err)) == -1) {
		log_err("templates: %s", err);
		return -1;
	}
	db_library_init();
	/* The finance sandbox answers [sandbox] finance_delay seconds
	 * after a submission (gateway/finance.h). */
	finance_sandbox_set_delay(cfg.finance_delay);
	/* The sandbox partners keep their own books (gateway/books.h). */
	if (sandbox_books_init(&cfg) == -1) {
		log_err("the partner books cannot start");
		return -1;
	}
	/* Cards: the bank's hosted card page and API ([bank], bankd). */
	bank_hosted_configure(cfg.bank_url, cfg.bank_secret);
	if (FCGX_Init() != 0) {
		log_err("FCGX_Init failed");
		return -1;
	}

	recover_uploads();

	/* A socket file left by a crashed run would make bind fail. */
	if (unlink(cfg.socket_path) == -1 && errno != ENOENT) {
		log_err("%s: cannot remove the old socket: %s", cfg.socket_path,
		    strerror(errno));
		return -1;
	}
	if ((listen_fd = FCGX_OpenSocket(cfg.socket_path, LISTEN_BACKLOG)) < 0) {
		log_err("%s: cannot open the FastCGI socket", cfg.socket_path);
		return -1;
	}
	/* nginx (same group, or root in the private stack) only. */
	if (chmod(cfg.socket_path, 0660) == -1) {
		log_err("%s: chmod: %s", cfg.socket_path, strerror(errno));
		return -1;
	}
	return 0;
}

/* mallpayd [-c FILE]: start, serve with cfg.threads workers until a stop
 * signal, stop cleanly. Exit status 0, or 1 when it cannot start or all
 * workers failed. */
int
main(int argc, char *argv[])
{
	const char *conf = NULL;
	pthread_t *threads, sigthr;
	sigset_t set;
	int ch, i, started = 0, rc = 0;

	/* Uploads are decoded in a child (service/docrender.h). */
	docrender_hook(argc, argv);
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		switch (ch) {
		case 'c':
			conf = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();

	if (startup(conf) == -1)
		return 1;

	/* Block the stop signals before any thread exists, so every thread
	 * inherits the mask and only sigwait() sees them. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	/* A client that hangs up must not kill the process on write. */
	signal(SIGPIPE, SIG_IGN);

	threads = xcalloc((size_t)cfg.threads, sizeof(*threads));
	for (i = 0; i < cfg.threads; i++) {
		if (pthread_create(&threads[i], NULL, worker, NULL) != 0) {
			log_err("cannot start worker %d", i);
			break;
		}
		started++;
	}
	if (started == 0 ||
	    pthread_create(&sigthr, NULL, signal_waiter, &set) != 0) {
		log_err("cannot start threads");
		return 1;
	}
	log_info("mallpayd: %d workers on %s", started, cfg.socket_path);

	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	/* Workers only return early when accept fails for good: wake the
	 * signal thread and report the failure. */
	if (!atomic_load(&stopping)) {
		log_err("all workers stopped: accept failed");
		pthread_kill(sigthr, SIGTERM);
		rc = 1;
	}
	pthread_join(sigthr, NULL);
	free(threads);
	close(listen_fd);
	unlink(cfg.socket_path);
	db_library_end();
	if (rc == 0)
		log_info("mallpayd: stopped cleanly");
	else
		log_err("mallpayd: stopped after a failure");
	return rc;
}
