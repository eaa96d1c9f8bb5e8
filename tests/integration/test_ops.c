/*
 * Operations and the fast fault tests, against the suite's stack:
 * mallpayctl check (clean on the demo data, reports a corrupted row and a
 * stray upload), backup/restore round trip (contents compared; a backup of
 * another key refused), 50 concurrent identical POSTs (each exactly one
 * effect, no 5xx), and two `mallpayctl tick` at once (every job once).
 *
 * The corruption is made with the mariadb client on the stack's socket (a
 * test fixture, like an operator's mistake), never from the C code: SQL
 * stays in src/db.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/config.h"
#include "ctl/security.h"
#include "client.h"
#include "ctl.h"

static struct config cfg;

/* Run SQL through the mariadb client on the stack's socket (fixture). */
static void
fixture_sql(const char *sql)
{
	char cmd[4096];

	ctl_sql_cmd(&cfg, sql, cmd, sizeof(cmd));
	assert_int_equal(system(cmd), 0);
}

/* Run SQL and return the first line of its output (malloc'd). */
static char *
fixture_query(const char *sql)
{
	char cmd[4096], line[4096];
	FILE *p;

	ctl_sql_cmd(&cfg, sql, cmd, sizeof(cmd));
	assert_non_null(p = popen(cmd, "r"));
	if (fgets(line, sizeof(line), p) == NULL)
		line[0] = '\0';
	pclose(p);
	line[strcspn(line, "\n")] = '\0';
	return strdup(line);
}

static int
setup(void **state)
{
	char err[512];

	(void)state;
	if (getenv("MALLPAY_CTL") == NULL || getenv("MALLPAY_CONF") == NULL)
		return -1;
	return config_load(&cfg, getenv("MALLPAY_CONF"), err, sizeof(err));
}

/* Add one to column of order id, require `mallpayctl check` to fail
 * naming want in out, then take the one off again. */
static void
off_by_one(struct buf *out, const char *id, const char *column,
    const char *want)
{
	char sql[256];
	int  d;

	for (d = 1; d >= -1; d -= 2) {
		snprintf(sql, sizeof(sql), "UPDATE orders SET %s = %s + (%d) "
		    "WHERE id = %s", column, column, d, id);
		fixture_sql(sql);
		if (d == 1) {
			assert_int_equal(mallpayctl_run(out, "check"), 1);
			assert_non_null(strstr(buf_str(out), want));
		}
	}
}

/* The demo data is clean; a status that disagrees with the last event and
 * a stray file in the upload directory are each reported, exit 1. */
static void
test_check_clean_then_reports_corruption(void **state)
{
	struct buf out;
	char *id, *status, sql[512], path[600];
	FILE *f;

	(void)state;
	buf_init(&out);
	if (mallpayctl_run(&out, "check") != 0)
		fail_msg("check on clean data:\n%s", buf_str(&out));
	assert_non_null(strstr(buf_str(&out), "check: 0 violation(s)"));

	id = fixture_query("SELECT MIN(id) FROM orders");
	assert_true(id[0] != '\0' && strcmp(id, "NULL") != 0);
	snprintf(sql, sizeof(sql), "SELECT status FROM orders WHERE id = %s",
	    id);
	status = fixture_query(sql);
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = 'refunded' "
	    "WHERE id = %s", id);
	fixture_sql(sql);
	assert_int_equal(mallpayctl_run(&out, "check"), 1);
	snprintf(sql, sizeof(sql), "violation: order %s: status 'refunded'", id);
	if (strstr(buf_str(&out), sql) == NULL)
		fail_msg("not reported:\n%s", buf_str(&out));
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = '%s' "
	    "WHERE id = %s", status, id);
	fixture_sql(sql);

	/* Amounts that do not add up (C-03). */
	off_by_one(&out, id, "amount_due_minor", "amount due");
	/* A line summary (My Orders' products) that does not count the
	 * order's lines. */
	off_by_one(&out, id, "items_count", "(its summary counts");

	/* A stray upload, when the files table exists. */
	if (strstr(buf_str(&out), "skipped: stored files") == NULL) {
		snprintf(path, sizeof(path), "%s/stray-test-%d", cfg.upload_dir,
		    (int)getpid());
		assert_non_null(f = fopen(path, "w"));
		fputs("x", f);
		fclose(f);
		assert_int_equal(mallpayctl_run(&out, "check"), 1);
		assert_non_null(strstr(buf_str(&out), "has no files row"));
		unlink(path);
	}
	assert_int_equal(mallpayctl_run(&out, "check"), 0);
	free(id);
	free(status);
	buf_cleanup(&out);
}

/* A files row whose file is still pending (".NAME": committed, not yet
 * published, as after a COMMIT whose answer was lost when its Galera node
 * left the primary component) is not reported; once the pending file is
 * gone too, the row is. */
static void
test_check_pending_file_of_committed_row_is_there(void **state)
{
	struct buf out;
	char name[41], sql[400], path[600];
	FILE *f;

	(void)state;
	buf_init(&out);
	snprintf(name, sizeof(name), "%040x", (unsigned)getpid());
	snprintf(sql, sizeof(sql), "INSERT INTO files (sha256, size, mime, "
	    "stored_name, created_at) VALUES (REPEAT('0', 64), 1, "
	    "'image/png', '%s', 1)", name);
	fixture_sql(sql);
	snprintf(path, sizeof(path), "%s/.%s", cfg.upload_dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs("x", f);
	fclose(f);
	if (mallpayctl_run(&out, "check") != 0)
		fail_msg("a pending file reported:\n%s", buf_str(&out));
	unlink(path);
	assert_int_equal(mallpayctl_run(&out, "check"), 1);
	assert_non_null(strstr(buf_str(&out), "is missing"));
	snprintf(sql, sizeof(sql), "DELETE FROM files WHERE stored_name = "
	    "'%s'", name);
	fixture_sql(sql);
	buf_cleanup(&out);
}

/* backup, change the state, restore: the state is the backup's again
 * (fingerprint and a dump-level checksum compared), the uploads too; a
 * backup made under another key is refused. */
static void
test_backup_restore_round_trip(void **state)
{
	struct buf out;
	char dir[256], args[600], path[600], fp_key[65], *fp1, *fp2, *fp3;
	char *ck1, *ck3;
	const char *sumsql = "CHECKSUM TABLE orders, order_items, users, "
	    "events, cart_items EXTENDED";
	FILE *f;

	(void)state;
	buf_init(&out);
	snprintf(dir, sizeof(dir), "%s/backup-%d", getenv("MALLPAY_TEST_DIR") ?
	    getenv("MALLPAY_TEST_DIR") : "/tmp", (int)getpid());
	/* A file in the upload directory must come back. */
	snprintf(path, sizeof(path), "%s/.backup-probe", cfg.upload_dir);

	assert_int_equal(mallpayctl_run(&out, "check --fingerprint"), 0);
	fp1 = strdup(buf_str(&out));
	ck1 = fixture_query(sumsql);
	snprintf(args, sizeof(args), "backup '%s'", dir);
	if (mallpayctl_run(&out, args) != 0)
		fail_msg("backup: %s", buf_str(&out));
	/* The key fingerprint, never the key. */
	snprintf(path, sizeof(path), "%s/key.sha256", dir);
	assert_non_null(f = fopen(path, "r"));
	assert_non_null(fgets(args, sizeof(args), f));
	fclose(f);
	assert_int_equal(ctl_key_fingerprint(cfg.secret_key, fp_key), 0);
	assert_int_equal(strncmp(args, fp_key, 64), 0);
	assert_int_equal(strncmp(args, cfg.secret_key, 64) != 0, 1);
	snprintf(args, sizeof(args), "grep -rqs '%s' '%s'", cfg.secret_key, dir);
	assert_int_not_equal(system(args), 0);
	snprintf(args, sizeof(args), "grep -rqs '%s' '%s'", cfg.db_password,
	    dir);
	assert_int_not_equal(system(args), 0);

	/* Change the state after the backup. */
	fixture_sql("INSERT INTO messages (user_id, subject, body, created_at) "
	    "SELECT MIN(id), 'after backup', 'x', 0 FROM users");
	assert_int_equal(mallpayctl_run(&out, "check --fingerprint"), 0);
	fp2 = strdup(buf_str(&out));
	assert_string_not_equal(fp1, fp2);

	snprintf(args, sizeof(args), "restore '%s'", dir);
	if (mallpayctl_run(&out, args) != 0)
		fail_msg("restore: %s", buf_str(&out));
	assert_int_equal(mallpayctl_run(&out, "check --fingerprint"), 0);
	fp3 = strdup(buf_str(&out));
	assert_string_equal(fp1, fp3);
	ck3 = fixture_query(sumsql);
	assert_string_equal(ck1, ck3);
	assert_int_equal(mallpayctl_run(&out, "check"), 0);

	/* Another key's backup is refused and changes nothing. */
	snprintf(path, sizeof(path), "%s/key.sha256", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("00000000000000000000000000000000000000000000000000000000000000"
	    "00\n", f);
	fclose(f);
	assert_int_equal(mallpayctl_run(&out, args), 1);
	assert_non_null(strstr(buf_str(&out), "refused"));
	snprintf(args, sizeof(args), "rm -rf '%s'", dir);
	assert_int_equal(system(args), 0);
	free(fp1);
	free(fp2);
	free(fp3);
	free(ck1);
	free(ck3);
	buf_cleanup(&out);
}

#define NCONC	50

struct conc {
	const char	*session;
	const char	*path;
	const char	*body;
	long		 status;
	int		 added;		/* 303 to /cart?msg=added */
};

/* One of the concurrent POSTs: its own connection, the shared session. */
static void *
conc_post(void *arg)
{
	struct conc *c = arg;
	struct client *cl = client_new();
	struct client_resp r;

	client_set_cookie(cl, "mp_session", c->session);
	if (client_post(cl, c->path, c->body, &r) == 0) {
		c->status = r.status;
		c->added = r.location != NULL &&
		    strstr(r.location, "msg=added") != NULL;
	}
	client_resp_cleanup(&r);
	client_free(cl);
	return NULL;
}

/* 50 concurrent identical POSTs on a fresh shopper (racing to create its
 * cart): none fails, each counts exactly once (no lost update, no second
 * line). */
static void
test_50_concurrent_identical_posts_one_effect_each(void **state)
{
	struct client *cl = client_new();
	struct client_resp r;
	struct conc c[NCONC];
	pthread_t th[NCONC];
	long long pid[1];
	char email[128], *tok, *sess, *form, marker[96], *q, pids[32];
	int i, bad = 0, added = 0;

	(void)state;
	client_unique_email(email, sizeof(email), "conc");
	assert_int_equal(client_register(cl, email, "Concurrent Tester",
	    "correct horse battery"), 303);
	assert_int_equal(client_get(cl, "/catalog", &r), 0);
	assert_int_equal(client_ids(r.body, "data-product-id=\"", pid, 1), 1);
	client_resp_cleanup(&r);
	snprintf(pids, sizeof(pids), "%lld", pid[0]);
	tok = client_csrf_of(cl, "/cart");
	sess = client_cookie(cl, "mp_session");
	form = client_form("csrf", tok, "product_id", pids, "qty", "1", NULL);
	for (i = 0; i < NCONC; i++) {
		c[i].session = sess;
		c[i].path = "/cart/add";
		c[i].body = form;
		c[i].status = 0;
		c[i].added = 0;
		assert_int_equal(pthread_create(&th[i], NULL, conc_post, &c[i]),
		    0);
	}
	for (i = 0; i < NCONC; i++) {
		pthread_join(th[i], NULL);
		if (c[i].status != 303)
			bad++;
		added += c[i].added;
	}
	assert_int_equal(client_get(cl, "/cart", &r), 0);
	snprintf(marker, sizeof(marker), "data-product-id=\"%s\" data-qty=\"",
	    pids);
	q = client_between(r.body, marker, "\"");
	assert_non_null(q);
	print_message("concurrent: %d of %d POSTs not 303, %d reported "
	    "added; qty %s\n", bad, NCONC, added, q);
	/* No 5xx; every add reported as done counted exactly once, and one
	 * that was not reported done (a clear error the shopper can retry,
	 * e.g. after a deadlock) counted not at all. */
	assert_int_equal(bad, 0);
	assert_int_equal(atoi(q), added);
	assert_true(added >= NCONC / 2);
	client_resp_cleanup(&r);
	free(q);
	free(form);
	free(tok);
	free(sess);
	client_free(cl);
}

/* 50 concurrent "place order" with one idempotency key (a double click
 * times fifty): exactly one order, no 5xx, `mallpayctl check` clean. */
static void
test_50_concurrent_place_order_one_key_one_order(void **state)
{
	struct client *cl = client_new();
	struct client_resp r;
	struct conc c[NCONC];
	pthread_t th[NCONC];
	long long pid[1], ids[16], max_before = 0;
	size_t newer = 0;
	char email[128], pids[32], url[64], *tok, *sess, *form, *key, *pay;
	char *country = NULL;
	const char *p;
	struct buf out;
	int i, bad = 0;
	size_t n;

	(void)state;
	/* A demo shopper with payment methods open to her (a fresh one
	 * is not verified and has no credit line). */
	(void)email;
	assert_int_equal(client_signin(cl, "shopper.new@demo.test",
	    "mallpay-demo"), 303);
	assert_int_equal(client_get(cl, "/orders", &r), 0);
	n = client_ids(r.body, "\"/orders/", ids, 16);
	client_resp_cleanup(&r);
	for (i = 0; i < (int)n; i++)
		if (ids[i] > max_before)
			max_before = ids[i];
	assert_int_equal(client_get(cl, "/catalog", &r), 0);
	assert_int_equal(client_ids(r.body, "data-product-id=\"", pid, 1), 1);
	client_resp_cleanup(&r);
	snprintf(pids, sizeof(pids), "%lld", pid[0]);
	tok = client_csrf_of(cl, "/cart");
	form = client_form("csrf", tok, "product_id", pids, "qty", "1", NULL);
	assert_int_equal(client_post(cl, "/cart/add", form, &r), 0);
	client_resp_cleanup(&r);
	free(form);
	assert_int_equal(client_get(cl, "/checkout", &r), 0);
	for (p = r.body; (p = strstr(p, "<option value=\"")) != NULL;) {
		p += strlen("<option value=\"");
		if (*p != '"') {
			country = strndup(p, strcspn(p, "\""));
			break;
		}
	}
	client_resp_cleanup(&r);
	assert_non_null(country);
	snprintf(url, sizeof(url), "/checkout?country=%s", country);
	assert_int_equal(client_get(cl, url, &r), 0);
	key = client_between(r.body, "name=\"key\" value=\"", "\"");
	p = strstr(r.body, "name=\"pay\"");
	pay = p != NULL ? client_between(p, "value=\"", "\"") : NULL;
	client_resp_cleanup(&r);
	if (key == NULL || pay == NULL) {
		print_message("checkout offers no method to this shopper: "
		    "skipped\n");
		free(key);
		free(pay);
		free(country);
		free(tok);
		client_free(cl);
		skip();
	}
	form = client_form("csrf", tok, "key", key, "country", country, "pay",
	    pay, "disclosed", pay, NULL);
	sess = client_cookie(cl, "mp_session");
	for (i = 0; i < NCONC; i++) {
		c[i].session = sess;
		c[i].path = "/checkout/place";
		c[i].body = form;
		c[i].status = 0;
		c[i].added = 0;
		assert_int_equal(pthread_create(&th[i], NULL, conc_post, &c[i]),
		    0);
	}
	for (i = 0; i < NCONC; i++) {
		pthread_join(th[i], NULL);
		if (c[i].status == 0 || c[i].status >= 500)
			bad++;
	}
	assert_int_equal(client_get(cl, "/orders", &r), 0);
	n = client_ids(r.body, "\"/orders/", ids, 16);
	client_resp_cleanup(&r);
	for (i = 0; i < (int)n; i++)
		if (ids[i] > max_before)
			newer++;
	print_message("place order: %d of %d answered 5xx or nothing; %zu "
	    "order(s) placed\n", bad, NCONC, newer);
	assert_int_equal(bad, 0);
	assert_int_equal(newer, 1);
	buf_init(&out);
	if (mallpayctl_run(&out, "check") != 0)
		fail_msg("check after the race:\n%s", buf_str(&out));
	buf_cleanup(&out);
	free(form);
	free(sess);
	free(key);
	free(pay);
	free(country);
	free(tok);
	client_free(cl);
}

/* Two `mallpayctl tick` at once over the same due work: every job is done
 * by exactly one of them. */
static void
test_two_ticks_at_once_every_job_once(void **state)
{
	char cmd[2048], out[2][256], line[512];
	struct buf seen;
	int round, k, jobs = 0;

	(void)state;
	buf_init(&seen);
	for (round = 0; round < 5; round++) {
		/* A far hour nobody else uses: its session_purge job is new. */
		time_t now = (time_t)(2200000000LL + ((long long)getpid() *
		    3600 * 8) % 100000000LL + round * 3600);
		char iso[32];
		struct tm tm;

		gmtime_r(&now, &tm);
		strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%SZ", &tm);

		for (k = 0; k < 2; k++)
			snprintf(out[k], sizeof(out[k]), "%s/tick-%d-%d.out",
			    getenv("MALLPAY_TEST_DIR") ? getenv("MALLPAY_TEST_DIR")
			    : "/tmp", (int)getpid(), k);
		snprintf(cmd, sizeof(cmd), "'%s' -c '%s' tick --now %s > '%s' "
		    "2>&1 & '%s' -c '%s' tick --now %s > '%s' 2>&1 & wait",
		    getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"), iso, out[0],
		    getenv("MALLPAY_CTL"), getenv("MALLPAY_CONF"), iso, out[1]);
		assert_int_equal(system(cmd), 0);
		for (k = 0; k < 2; k++) {
			FILE *f = fopen(out[k], "r");

			assert_non_null(f);
			while (fgets(line, sizeof(line), f) != NULL) {
				long long id;
				char key[40];

				if (sscanf(line, "job %lld", &id) != 1 ||
				    strstr(line, "FAILED") != NULL)
					continue;
				snprintf(key, sizeof(key), " %lld ", id);
				if (strstr(buf_str(&seen), key) != NULL)
					fail_msg("job %lld done twice", id);
				buf_puts(&seen, key);
				jobs++;
			}
			fclose(f);
			unlink(out[k]);
		}
	}
	print_message("ticks: %d jobs over 5 rounds of 2 ticks, none twice\n",
	    jobs);
	assert_true(jobs >= 5);
	buf_cleanup(&seen);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_clean_then_reports_corruption),
		cmocka_unit_test(test_check_pending_file_of_committed_row_is_there),
		cmocka_unit_test(test_50_concurrent_identical_posts_one_effect_each),
		cmocka_unit_test(test_50_concurrent_place_order_one_key_one_order),
		cmocka_unit_test(test_two_ticks_at_once_every_job_once),
		cmocka_unit_test(test_backup_restore_round_trip),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
