/*
 * Integration tests of the admin console's search, order list and CSV
 * exports against a running stack (suite.sh):
 * - the one search box finds an order by its number, its remittance code
 *   (any case and spacing; a code with wrong check digits is named), a
 *   tracking number, the buyer's email and the company's name, with the
 *   review queue it waits in and its audit trail; a queue page's search
 *   shows only that queue's entries; the audit page's q filter;
 * - an exact order number, code or tracking number reads no table by a
 *   full scan (MariaDB's Handler_read_rnd_next does not grow by the
 *   orders' count);
 * - the order list: company column, filters, sorts, pagination and the
 *   messages for bad input;
 * - each export: CSV headers, RFC 4180 records, a formula neutralized;
 * - a million ledger lines exported through HTTP in flat memory
 *   (mallpayd's peak RSS grows by less than EXPORT_RSS_KB).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "client.h"
#include "core/buf.h"
#include "core/config.h"
#include "ctl.h"
#include "rules/rfcode.h"
#include "shop.h"

#define ADMIN_EMAIL	"admin@demo.test"
/* Peak RSS growth allowed for the million-row export, KiB. */
#define EXPORT_RSS_KB	(20 * 1024)

/* The fixture: three orders of one company member, made in SQL. */
static struct {
	char	 tag[32];
	char	 email[128];
	char	 company[160];
	char	 rf[RFCODE_MAX];
	char	 tracking[32];
	int64_t	 user_id, company_id;
	int64_t	 rem, cod, shipped;	/* order ids */
} fx;

static struct client *admin;

struct counter {
	long long	 lines;
	size_t		 bytes;
	char		 first[128];	/* the body's first bytes */
	char		 disposition[256];	/* Content-Disposition */
	char		 type[64];	/* Content-Type */
};

static long	stream_get(const char *path, struct counter *c);

/* Run sql and return the first column of its first row (static buffer). */
static const char *
sql_value(const char *sql)
{
	static char	 out[256];
	char		 cmd[4096];
	FILE		*p;

	ctl_sql_cmd(shop_config(), sql, cmd, sizeof(cmd));
	assert_non_null(p = popen(cmd, "r"));
	out[0] = '\0';
	if (fgets(out, sizeof(out), p) != NULL)
		out[strcspn(out, "\n")] = '\0';
	pclose(p);
	return out;
}

/* Insert an order of the fixture's member: its id. */
static int64_t
fixture_order(const char *method, const char *status, long long minor,
    const char *rf, int64_t at)
{
	char sql[1024], key[64];

	snprintf(key, sizeof(key), "search-%s-%s-%lld", fx.tag, method, minor);
	snprintf(sql, sizeof(sql), "INSERT INTO orders (user_id, company_id, "
	    "status, method, currency, usd_per_unit, items_total_minor, "
	    "amount_due_minor, country, region_code, idempotency_key, "
	    "created_at, updated_at, rf_code) SELECT %lld, %lld, '%s', '%s', "
	    "'USD', '1', %lld, %lld, code, region_code, '%s', %lld, %lld, %s "
	    "FROM countries ORDER BY code LIMIT 1", (long long)fx.user_id,
	    (long long)fx.company_id, status, method, minor, minor, key,
	    (long long)at, (long long)at, rf);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "SELECT id FROM orders WHERE "
	    "idempotency_key = '%s'", key);
	return strtoll(sql_value(sql), NULL, 10);
}

/* n more cancelled orders of the member (bought for themselves, not the
 * company) with one line each, so that the order list has a second page
 * whatever ran before. */
static void
fill_orders(int n)
{
	char sql[1024];

	snprintf(sql, sizeof(sql), "INSERT INTO orders (user_id, company_id, "
	    "status, method, currency, usd_per_unit, items_total_minor, "
	    "amount_due_minor, country, region_code, idempotency_key, "
	    "created_at, updated_at) SELECT %lld, NULL, 'cancelled', 'cod', "
	    "'USD', '1', 500, 500, c.code, c.region_code, "
	    "CONCAT('fill-%s-', seq), UNIX_TIMESTAMP() - seq, UNIX_TIMESTAMP() "
	    "FROM seq_1_to_%d, (SELECT code, region_code FROM countries "
	    "ORDER BY code LIMIT 1) c", (long long)fx.user_id, fx.tag, n);
	shop_sql(sql);
	/* An INSERT of lines may not read orders (the trigger of sql/044
	 * updates each line's order): here and below, the orders go through
	 * a temporary table. */
	snprintf(sql, sizeof(sql), "CREATE TEMPORARY TABLE fill_ids AS "
	    "SELECT o.id FROM orders o WHERE o.user_id = %lld AND "
	    "o.idempotency_key LIKE 'fill-%s-%%'; INSERT INTO order_items "
	    "(order_id, product_id, name, qty, unit_price_minor, currency) "
	    "SELECT f.id, (SELECT MIN(id) FROM products), 'Filler', 1, 500, "
	    "'USD' FROM fill_ids f", (long long)fx.user_id, fx.tag);
	shop_sql(sql);
}

static int
setup(void **state)
{
	char	sql[1024], ref[32], rf[64];
	int64_t	now = (int64_t)time(NULL);

	(void)state;
	snprintf(fx.tag, sizeof(fx.tag), "s%ld", (long)getpid());
	client_free(shop_company_member(fx.tag, "verified", &fx.company_id,
	    &fx.user_id));
	snprintf(sql, sizeof(sql), "SELECT email FROM users WHERE id = %lld",
	    (long long)fx.user_id);
	snprintf(fx.email, sizeof(fx.email), "%s", sql_value(sql));
	snprintf(sql, sizeof(sql), "SELECT name FROM companies WHERE id = %lld",
	    (long long)fx.company_id);
	snprintf(fx.company, sizeof(fx.company), "%s", sql_value(sql));
	snprintf(ref, sizeof(ref), "SEARCH%ld", (long)getpid());
	assert_int_equal(rfcode_generate(ref, strlen(ref), fx.rf,
	    sizeof(fx.rf)), 0);
	snprintf(rf, sizeof(rf), "'%s'", fx.rf);
	fx.rem = fixture_order("remittance", "awaiting_remittance", 30000, rf,
	    now - 300);
	fx.cod = fixture_order("cod", "awaiting_review", 20000, "NULL",
	    now - 200);
	fx.shipped = fixture_order("cod", "shipped", 10000, "NULL", now - 100);
	snprintf(fx.tracking, sizeof(fx.tracking), "TRK%ld", (long)getpid());
	snprintf(sql, sizeof(sql), "INSERT INTO shipments (order_id, carrier, "
	    "tracking, shipped_at) VALUES (%lld, 'Demo Express', '%s', %lld)",
	    (long long)fx.shipped, fx.tracking, (long long)now);
	shop_sql(sql);
	/* an audit row of the remittance order, with a formula in it */
	snprintf(sql, sizeof(sql), "INSERT INTO events (subject_type, "
	    "subject_id, actor_type, at, to_state, reason) VALUES ('order', "
	    "%lld, 'system', %lld, 'awaiting_remittance', "
	    "'=HYPERLINK(1,2) search fixture')", (long long)fx.rem,
	    (long long)now - 250);
	shop_sql(sql);
	/* and one whose reason is a fixed sentence stored as its code and
	 * figures (core/said.h) */
	snprintf(sql, sizeof(sql), "INSERT INTO events (subject_type, "
	    "subject_id, actor_type, at, reason) VALUES ('order', %lld, "
	    "'system', %lld, CONCAT('{shipped}', CHAR(9), 'Demo Express', "
	    "CHAR(9), 'TRK-SAID'))", (long long)fx.rem, (long long)now - 240);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "INSERT INTO events (subject_type, "
	    "subject_id, actor_type, at, reason) VALUES ('order', %lld, "
	    "'system', %lld, '{rem_window_ended}')", (long long)fx.rem,
	    (long long)now - 230);
	shop_sql(sql);
	fill_orders(30);
	/* Every fixture order whole, as `mallpayctl check` (which later
	 * tests run) wants it: a line adding up to its items total, and the
	 * event that put it in its status. */
	snprintf(sql, sizeof(sql), "CREATE TEMPORARY TABLE bare AS SELECT "
	    "o.id, o.items_total_minor FROM orders o WHERE o.user_id = %lld "
	    "AND NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = "
	    "o.id); INSERT INTO order_items (order_id, product_id, name, qty, "
	    "unit_price_minor, currency) SELECT b.id, (SELECT MIN(id) FROM "
	    "products), 'Fixture', 1, b.items_total_minor, 'USD' FROM bare b",
	    (long long)fx.user_id);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "INSERT INTO events (subject_type, "
	    "subject_id, actor_type, at, to_state, reason) SELECT 'order', o.id, "
	    "'system', o.created_at, o.status, 'search fixture' FROM orders o "
	    "WHERE o.user_id = %lld AND NOT EXISTS (SELECT 1 FROM events e "
	    "WHERE e.subject_type = 'order' AND e.subject_id = o.id)",
	    (long long)fx.user_id);
	shop_sql(sql);
	admin = shop_signin(ADMIN_EMAIL);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	client_free(admin);
	return 0;
}

/* GET path as the admin: status and body into r. */
static void
get(const char *path, long status, struct client_resp *r)
{
	assert_int_equal(client_get(admin, path, r), 0);
	if (r->status != status)
		fail_msg("GET %s: %ld, expected %ld", path, r->status, status);
}

/* 1 if html lists order id in the search's orders table. */
static int
lists_order(const char *html, int64_t id)
{
	char marker[64];

	snprintf(marker, sizeof(marker), "class=\"search-order\" data-id=\"%lld\"",
	    (long long)id);
	return strstr(html, marker) != NULL;
}

static void
test_search_order_number(void **state)
{
	struct client_resp	r;
	char			path[128];

	(void)state;
	snprintf(path, sizeof(path), "/admin/search?q=%%23%lld",
	    (long long)fx.rem);
	get(path, 200, &r);
	assert_true(client_has(&r, "order number"));
	assert_true(lists_order(r.body, fx.rem));
	assert_false(lists_order(r.body, fx.cod));
	/* its audit trail */
	assert_true(client_has(&r, "=HYPERLINK(1,2) search fixture"));
	client_resp_cleanup(&r);
	get("/admin/search?q=12x4", 200, &r);	/* not a number: text */
	client_resp_cleanup(&r);
	get("/admin/search?q=%23abc", 422, &r);
	assert_true(client_has(&r, "An order number is digits only"));
	client_resp_cleanup(&r);
}

static void
test_search_remittance_code(void **state)
{
	struct client_resp	r;
	char			path[256], spaced[64], lower[64];
	size_t			i, j;

	(void)state;
	/* printed in groups of four, lower case */
	for (i = j = 0; fx.rf[i] != '\0'; i++) {
		if (i > 0 && i % 4 == 0)
			spaced[j++] = '+';
		spaced[j++] = fx.rf[i];
	}
	spaced[j] = '\0';
	for (i = 0; spaced[i] != '\0'; i++)
		lower[i] = (char)(spaced[i] >= 'A' && spaced[i] <= 'Z' ?
		    spaced[i] + 32 : spaced[i]);
	lower[i] = '\0';
	snprintf(path, sizeof(path), "/admin/search?q=%s", lower);
	get(path, 200, &r);
	assert_true(client_has(&r, "remittance code"));
	assert_true(lists_order(r.body, fx.rem));
	assert_true(client_has(&r, fx.rf));
	client_resp_cleanup(&r);
	/* wrong check digits */
	snprintf(path, sizeof(path), "/admin/search?q=RF00%s", fx.rf + 4);
	get(path, 422, &r);
	assert_true(client_has(&r, "not a valid one"));
	client_resp_cleanup(&r);
}

static void
test_search_tracking_number(void **state)
{
	struct client_resp	r;
	char			path[128];

	(void)state;
	snprintf(path, sizeof(path), "/admin/search?q=%s", fx.tracking);
	get(path, 200, &r);
	assert_true(client_has(&r, "tracking number or company name"));
	assert_true(lists_order(r.body, fx.shipped));
	assert_false(lists_order(r.body, fx.rem));
	client_resp_cleanup(&r);
}

static void
test_search_email_and_queue_entries(void **state)
{
	struct client_resp	r;
	char			path[256], prefix[128], *at;

	(void)state;
	/* the start of the email finds every order of the buyer, newest
	 * first in pages of 20: the 30 fillers, then the fixture's three */
	snprintf(prefix, sizeof(prefix), "%s", fx.email);
	at = strchr(prefix, '@');
	at[2] = '\0';
	snprintf(path, sizeof(path), "/admin/search?q=%s", prefix);
	get(path, 200, &r);
	assert_true(client_has(&r, "buyer email"));
	assert_true(client_has(&r, "Orders (33)"));
	assert_false(lists_order(r.body, fx.rem));
	assert_true(client_rel_link(r.body, "next", path, sizeof(path)));
	client_resp_cleanup(&r);
	get(path, 200, &r);
	assert_true(lists_order(r.body, fx.rem));
	assert_true(lists_order(r.body, fx.cod));
	assert_true(lists_order(r.body, fx.shipped));
	/* the COD order waits for review */
	assert_true(client_has(&r, "COD orders awaiting review"));
	client_resp_cleanup(&r);
	/* a queue's own search: only its entries */
	snprintf(path, sizeof(path), "/admin/search?queue=cod_review&q=%s",
	    fx.email);
	get(path, 200, &r);
	assert_true(client_has(&r, "In review queues (1)"));
	assert_false(lists_order(r.body, fx.rem));
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/search?queue=refund_due&q=%s",
	    fx.email);
	get(path, 200, &r);
	assert_true(client_has(&r, "In review queues (0)"));
	client_resp_cleanup(&r);
	get("/admin/search?queue=nope&q=x", 404, &r);
	client_resp_cleanup(&r);
}

static void
test_search_company_name(void **state)
{
	struct client_resp	r;
	char			path[256];
	char			*q;

	(void)state;
	/* "Test sNNN Co" (its start) */
	q = client_form("q", fx.company, NULL);
	q[strlen(q) - 6] = '\0';
	snprintf(path, sizeof(path), "/admin/search?%s", q);
	free(q);
	get(path, 200, &r);
	assert_true(lists_order(r.body, fx.rem));
	assert_true(lists_order(r.body, fx.shipped));
	client_resp_cleanup(&r);
}

/* Handler_read_rnd_next of the server: rows read by full scans. */
static long long
rnd_next(void)
{
	return strtoll(sql_value("SELECT VARIABLE_VALUE FROM "
	    "information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = "
	    "'HANDLER_READ_RND_NEXT'"), NULL, 10);
}

static void
test_search_exact_matches_use_indexes(void **state)
{
	struct client_resp	r;
	char			paths[3][128];
	long long		orders, before, after;
	size_t			i;

	(void)state;
	orders = strtoll(sql_value("SELECT COUNT(*) FROM orders"), NULL, 10);
	snprintf(paths[0], sizeof(paths[0]), "/admin/search?q=%lld",
	    (long long)fx.rem);
	snprintf(paths[1], sizeof(paths[1]), "/admin/search?q=%s", fx.rf);
	snprintf(paths[2], sizeof(paths[2]), "/admin/search?q=%s",
	    fx.tracking);
	for (i = 0; i < 3; i++) {
		get(paths[i], 200, &r);		/* warm: sessions, caches */
		client_resp_cleanup(&r);
		before = rnd_next();
		get(paths[i], 200, &r);
		after = rnd_next();
		client_resp_cleanup(&r);
		/* the status query itself reads its own few rows */
		if (after - before >= orders)
			fail_msg("%s read %lld rows by scans (orders: %lld)",
			    paths[i], after - before, orders);
	}
}

/* The audit page of the remittance fixture's events whose reason holds
 * the words q (URL-encoded): one event, reading want. */
static void
audit_rem_one(const char *q, const char *want)
{
	struct client_resp	r;
	char			path[160];

	snprintf(path, sizeof(path), "/admin/audit?q=%s&subject_type=order&"
	    "subject_id=%lld", q, (long long)fx.rem);
	get(path, 200, &r);
	assert_true(client_has(&r, want));
	assert_true(client_has(&r, "1 event(s)"));
	client_resp_cleanup(&r);
}

static void
test_audit_q_filter(void **state)
{
	struct client_resp	r;
	char			path[128];

	(void)state;
	snprintf(path, sizeof(path), "/admin/audit?q=%s", fx.rf);
	get(path, 200, &r);
	assert_true(client_has(&r, "search fixture"));
	/* and the fixed sentence, in words */
	assert_true(client_has(&r, "Shipped with Demo Express, tracking "
	    "number TRK-SAID."));
	assert_true(client_has(&r, "3 event(s)"));
	client_resp_cleanup(&r);
	/* Words of a sentence stored as its code find its event; typed
	 * words find the text as typed. */
	audit_rem_one("PAYMENT+window", "No remittance arrived within the "
	    "payment window: cancelled (REM-P6).");
	audit_rem_one("tracking+number", "TRK-SAID.");
	get("/admin/audit?q=HYPERLINK%281", 200, &r);
	assert_true(client_has(&r, "=HYPERLINK(1,2) search fixture"));
	client_resp_cleanup(&r);
	get("/admin/audit?q=RF00+1234", 200, &r);
	assert_true(client_has(&r, "not a valid one"));
	client_resp_cleanup(&r);
}

/* The ids of the order list rows in html, in order, into ids (n). */
static size_t
list_ids(const char *html, long long *ids, size_t max)
{
	return client_ids(html, "data-id=\"", ids, max);
}

static void
test_order_list_filters_sort_pages(void **state)
{
	struct client_resp	r;
	char			path[512], *who;
	long long		ids[32];
	size_t			n;

	(void)state;
	who = client_form("who", fx.company, NULL);
	snprintf(path, sizeof(path), "/admin/orders?%s&sort=amount_desc", who);
	get(path, 200, &r);
	assert_true(client_has(&r, ">Company<"));
	n = list_ids(r.body, ids, 32);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], fx.rem);
	assert_int_equal(ids[1], fx.cod);
	assert_int_equal(ids[2], fx.shipped);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/orders?%s&sort=amount_asc", who);
	get(path, 200, &r);
	n = list_ids(r.body, ids, 32);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], fx.shipped);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/admin/orders?%s&status=shipped&method=cod",
	    who);
	get(path, 200, &r);
	n = list_ids(r.body, ids, 32);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], fx.shipped);
	client_resp_cleanup(&r);
	/* a date range after today holds none */
	snprintf(path, sizeof(path), "/admin/orders?%s&from=2099-01-01", who);
	get(path, 200, &r);
	assert_int_equal(list_ids(r.body, ids, 32), 0);
	client_resp_cleanup(&r);
	/* the buyer's email (start) filters too */
	get("/admin/orders?who=nobody-at-all%40nowhere.test", 200, &r);
	assert_int_equal(list_ids(r.body, ids, 32), 0);
	client_resp_cleanup(&r);
	/* bad input: named, 422 */
	snprintf(path, sizeof(path), "/admin/orders?%s&from=2026-12-10&"
	    "to=2026-12-01", who);
	get(path, 422, &r);
	assert_true(client_has(&r, "The end date is before the start date."));
	client_resp_cleanup(&r);
	get("/admin/orders?from=12%2F01%2F2026", 422, &r);
	assert_true(client_has(&r, "YYYY-MM-DD"));
	client_resp_cleanup(&r);
	get("/admin/orders?sort=price", 422, &r);
	assert_true(client_has(&r, "cannot be sorted that way"));
	client_resp_cleanup(&r);
	/* the list filtered to a dashboard queue searches that queue */
	get("/admin/orders?status=returned", 200, &r);
	assert_true(client_has(&r, "name=\"queue\" value=\"refund_due\""));
	client_resp_cleanup(&r);
	get("/admin/orders?status=lost", 422, &r);
	assert_true(client_has(&r, "no such status"));
	client_resp_cleanup(&r);
	free(who);
}

static void
test_order_list_pages_are_stable(void **state)
{
	struct client_resp	r;
	long long		a[32], b[32];
	size_t			na, nb, i, j;

	(void)state;
	get("/admin/orders?sort=status&page=1", 200, &r);
	na = list_ids(r.body, a, 32);
	client_resp_cleanup(&r);
	get("/admin/orders?sort=status&page=2", 200, &r);
	nb = list_ids(r.body, b, 32);
	client_resp_cleanup(&r);
	assert_int_equal(na, 25);
	/* no order on both pages */
	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			assert_true(a[i] != b[j]);
	/* and the same page twice is the same */
	get("/admin/orders?sort=status&page=2", 200, &r);
	assert_int_equal(list_ids(r.body, a, 32), nb);
	for (i = 0; i < nb; i++)
		assert_int_equal(a[i], b[i]);
	client_resp_cleanup(&r);
}

/* Check a CSV response's head: 200, text/csv, attachment named name. */
static void
csv_head(const struct client_resp *r, const char *name)
{
	char *ct = client_header(r, "Content-Type", NULL);
	char *cd = client_header(r, "Content-Disposition", NULL);

	assert_int_equal(r->status, 200);
	assert_non_null(ct);
	assert_string_equal(ct, "text/csv; charset=utf-8");
	assert_non_null(cd);
	assert_non_null(strstr(cd, "attachment; filename=\"mallpay-"));
	assert_non_null(strstr(cd, name));
	free(ct);
	free(cd);
}

static void
test_export_orders_with_filters(void **state)
{
	struct client_resp	r;
	char			path[512], line[512], *who;

	(void)state;
	who = client_form("who", fx.company, NULL);
	snprintf(path, sizeof(path), "/admin/export/orders?%s&sort=amount_asc",
	    who);
	free(who);
	get(path, 200, &r);
	csv_head(&r, "orders");
	assert_true(strncmp(r.body, "Order,Created (UTC),Buyer email,Company,"
	    "Method,Status,Amount to pay,Fee,Currency,Country,Remittance code,"
	    "Tracking number\r\n", 120) == 0);
	snprintf(line, sizeof(line), "\r\n%lld,", (long long)fx.shipped);
	assert_non_null(strstr(r.body, line));
	snprintf(line, sizeof(line), ",Cash on delivery,Shipped,100.00,0.00,"
	    "USD,");
	assert_non_null(strstr(r.body, line));
	assert_non_null(strstr(r.body, fx.tracking));
	assert_non_null(strstr(r.body, fx.rf));
	/* header + 3 records, CRLF each */
	assert_int_equal(r.len > 0 && r.body[r.len - 1] == '\n', 1);
	{
		size_t i, lines = 0;

		for (i = 0; i + 1 < r.len; i++)
			if (r.body[i] == '\r' && r.body[i + 1] == '\n')
				lines++;
		assert_int_equal(lines, 4);
	}
	client_resp_cleanup(&r);
	get("/admin/export/orders?sort=nope", 422, &r);
	client_resp_cleanup(&r);
}

static void
test_export_queue_audit_ledger_recon(void **state)
{
	static const char *const queues[] = { "cod_review",
	    "installment_review", "remittance_verify", "refund_due",
	    "qualifications", "corp_applications", "overdue_plans",
	    "identity_review" };
	struct client_resp	r;
	struct counter		c;
	char			path[256], line[128];
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof(queues) / sizeof(queues[0]); i++) {
		snprintf(path, sizeof(path), "/admin/export/queues/%s",
		    queues[i]);
		get(path, 200, &r);
		csv_head(&r, queues[i]);
		assert_true(strncmp(r.body, "Queue,Item,Order,Buyer email,", 29)
		    == 0);
		if (i == 0) {
			snprintf(line, sizeof(line), "\r\nCOD review,%lld,%lld,",
			    (long long)fx.cod, (long long)fx.cod);
			assert_non_null(strstr(r.body, line));
		}
		client_resp_cleanup(&r);
	}
	get("/admin/export/queues/nope", 404, &r);
	client_resp_cleanup(&r);
	/* the audit trail with the audit page's filter; the formula is
	 * neutralized */
	snprintf(path, sizeof(path), "/admin/export/audit?q=%s", fx.rf);
	get(path, 200, &r);
	csv_head(&r, "audit");
	assert_non_null(strstr(r.body, ",\"'=HYPERLINK(1,2) search fixture\""));
	assert_null(strstr(r.body, ",=HYPERLINK"));
	assert_null(strstr(r.body, "\"=HYPERLINK"));
	/* a stored fixed sentence in words, not its code */
	assert_non_null(strstr(r.body, "Shipped with Demo Express, tracking "
	    "number TRK-SAID."));
	assert_null(strstr(r.body, "{shipped}"));
	client_resp_cleanup(&r);
	/* the ledger may be long: counted as it comes (stream_get) */
	memset(&c, 0, sizeof(c));
	assert_int_equal(stream_get("/admin/export/ledger", &c), 200);
	assert_string_equal(c.type, "text/csv; charset=utf-8");
	assert_non_null(strstr(c.disposition, "attachment; filename=\"mallpay-"
	    "ledger-"));
	assert_true(strncmp(c.first, "Line,Created (UTC),Entry,", 25) == 0);
	get("/admin/export/reconciliation", 200, &r);
	csv_head(&r, "reconciliation");
	assert_true(strncmp(r.body, "Day,Partner,Reference,Difference,", 33)
	    == 0);
	client_resp_cleanup(&r);
}

/* The pid of the stack's mallpayd. */
static long
mallpayd_pid(void)
{
	char	 path[512];
	FILE	*f;
	long	 pid = 0;

	snprintf(path, sizeof(path), "%s/stack/run/mallpayd.pid",
	    getenv("MALLPAY_TEST_DIR") ? getenv("MALLPAY_TEST_DIR") : ".");
	if ((f = fopen(path, "r")) != NULL) {
		if (fscanf(f, "%ld", &pid) != 1)
			pid = 0;
		fclose(f);
	}
	return pid;
}

/* A "Vm...:" figure of /proc/pid/status in KiB, or -1. */
static long
vm_kb(long pid, const char *key)
{
	char	 path[64], line[256];
	FILE	*f;
	long	 v = -1;

	snprintf(path, sizeof(path), "/proc/%ld/status", pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, key, strlen(key)) == 0)
			v = strtol(line + strlen(key), NULL, 10);
	fclose(f);
	return v;
}

/* Reset the peak RSS of pid to its current RSS (clear_refs 5): 0, or -1
 * when the kernel or the permissions do not allow it. */
static int
reset_peak(long pid)
{
	char	 path[64];
	FILE	*f;
	int	 rc;

	snprintf(path, sizeof(path), "/proc/%ld/clear_refs", pid);
	if ((f = fopen(path, "w")) == NULL)
		return -1;
	rc = fputs("5", f) < 0 ? -1 : 0;
	return fclose(f) == 0 ? rc : -1;
}


/* curl write: count the CRLFs (records), keep the first bytes. */
static size_t
count_lines(char *p, size_t size, size_t nmemb, void *arg)
{
	struct counter	*c = arg;
	size_t		 i, n = size * nmemb, have = strlen(c->first);

	for (i = 0; i < n; i++)
		if (p[i] == '\n')
			c->lines++;
	for (i = 0; i < n && have + 1 < sizeof(c->first); i++)
		c->first[have++] = p[i] != '\0' ? p[i] : ' ';
	c->first[have] = '\0';
	c->bytes += n;
	return n;
}

/* curl header: keep Content-Type and Content-Disposition. */
static size_t
keep_header(char *p, size_t size, size_t nmemb, void *arg)
{
	struct counter	*c = arg;
	size_t		 n = size * nmemb;

	if (n > 21 && strncasecmp(p, "Content-Disposition: ", 21) == 0)
		snprintf(c->disposition, sizeof(c->disposition), "%.*s",
		    (int)strcspn(p + 21, "\r\n"), p + 21);
	if (n > 14 && strncasecmp(p, "Content-Type: ", 14) == 0)
		snprintf(c->type, sizeof(c->type), "%.*s",
		    (int)strcspn(p + 14, "\r\n"), p + 14);
	return n;
}

/* GET path with the admin's session, counting lines: the status. */
static long
stream_get(const char *path, struct counter *c)
{
	CURL	*h = curl_easy_init();
	char	 url[512], cookie[256], *sid = client_cookie(admin, "mp_session");
	long	 status = 0;

	assert_non_null(h);
	assert_non_null(sid);
	snprintf(url, sizeof(url), "%s%s", client_base(), path);
	snprintf(cookie, sizeof(cookie), "mp_session=%s", sid);
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_COOKIE, cookie);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, count_lines);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, c);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, keep_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, c);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 600L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	assert_int_equal(curl_easy_perform(h), CURLE_OK);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(h);
	free(sid);
	return status;
}

static void
test_export_million_ledger_lines_in_flat_memory(void **state)
{
	struct counter	 c;
	long		 pid = mallpayd_pid(), rss, hwm;
	long long	 rows, before;
	const char	*env = getenv("EXPORT_ROWS");
	char		 sql[1024];
	time_t		 t0;

	(void)state;
	memset(&c, 0, sizeof(c));
	rows = env != NULL ? strtoll(env, NULL, 10) : 1000000;
	assert_true(pid > 0);
	before = strtoll(sql_value("SELECT COUNT(*) FROM ledger_lines"), NULL,
	    10);
	/* balanced pairs on a test account: the ledger is append-only, so
	 * they stay in the test database; every entry balances and names no
	 * order, so mallpayctl check stays clean for the tests after */
	snprintf(sql, sizeof(sql), "INSERT INTO ledger_lines (entry_key, "
	    "line_no, kind, account, currency, amount_minor, memo, created_at) "
	    "SELECT CONCAT('xport-%s-', seq DIV 2), seq MOD 2, 'test', "
	    "'test:export', 'USD', IF(seq MOD 2 = 0, 12345, -12345), "
	    "'export test, \\\"quoted\\\"', UNIX_TIMESTAMP() FROM seq_0_to_%lld",
	    fx.tag, rows - 1);
	t0 = time(NULL);
	shop_sql(sql);
	print_message("export: %lld ledger lines inserted in %ld s\n", rows,
	    (long)(time(NULL) - t0));
	rss = vm_kb(pid, "VmRSS:");
	if (reset_peak(pid) == -1)
		print_message("export: cannot reset the peak RSS; measuring "
		    "against the earlier peak\n");
	t0 = time(NULL);
	assert_int_equal(stream_get("/admin/export/ledger", &c), 200);
	hwm = vm_kb(pid, "VmHWM:");
	print_message("export: %lld lines, %zu bytes in %ld s; mallpayd RSS "
	    "%ld KiB before, peak %ld KiB during (+%ld KiB)\n", c.lines,
	    c.bytes, (long)(time(NULL) - t0), rss, hwm, hwm - rss);
	assert_int_equal(c.lines, before + rows + 1);
	assert_true(hwm - rss < EXPORT_RSS_KB);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_order_number),
		cmocka_unit_test(test_search_remittance_code),
		cmocka_unit_test(test_search_tracking_number),
		cmocka_unit_test(test_search_email_and_queue_entries),
		cmocka_unit_test(test_search_company_name),
		cmocka_unit_test(test_search_exact_matches_use_indexes),
		cmocka_unit_test(test_audit_q_filter),
		cmocka_unit_test(test_order_list_filters_sort_pages),
		cmocka_unit_test(test_order_list_pages_are_stable),
		cmocka_unit_test(test_export_orders_with_filters),
		cmocka_unit_test(test_export_queue_audit_ledger_recon),
		cmocka_unit_test(test_export_million_ledger_lines_in_flat_memory),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests_name("integration_search", tests, setup,
	    teardown);
	shop_end();
	return rc;
}
