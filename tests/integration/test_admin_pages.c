/*
 * The admin console at scale (sql/041_ledger_days.sql, db/report.c,
 * pages/admin.c): the ledger's daily and all-time totals equal the sums
 * of the lines after a mix of payments, refunds, a reversal and a rolled
 * back entry on both sides of a UTC midnight, and the reports read them;
 * the orders browser and the audit trail reach every row once across
 * their keyset pages, forwards and back, with ties on the time; the order
 * counters (sql/043_order_counts.sql) equal a count of the orders after
 * a mix of status changes from several connections; the vouchers queue
 * and a search for a buyer's email reach every row once across their
 * keyset pages.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "client.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/words.h"
#include "db/admin.h"
#include "db/check.h"
#include "db/db.h"
#include "db/stmt.h"
#include "service/ledger.h"
#include "service/report.h"
#include "shop.h"

#define ADMIN_EMAIL	"admin@demo.test"
#define DEMO_PASSWORD	"mallpay-demo"
#define PAID_KINDS	"down_payment,installment,payoff,cod_collection," \
	"remittance_receipt,pau_charge,transfer,debt_payment"
#define NORDERS		60	/* the pages' fixture: three pages of 25 */
#define NEVENTS		120	/* three pages of 50 */

enum { T_ORDER_ID, T_PAID_SUM, T_ACCT_SUM, T_EVENT_IDS, T_COUNT_DIFF,
	T_TO_REVIEW, T_VOUCHER_IDS, T__MAX };
static const char *const stmts[T__MAX] = {
	"SELECT id FROM orders WHERE idempotency_key = ?",
	/* money paid in by the orders of method on [from, to) */
	"SELECT COALESCE(SUM(-l.amount_minor), 0) FROM ledger_lines l "
	"JOIN orders o ON o.id = l.order_id WHERE o.method = ? "
	"AND l.currency = 'USD' AND l.account LIKE '%:receivable' "
	"AND l.amount_minor < 0 AND FIND_IN_SET(l.kind, '" PAID_KINDS "') "
	"AND l.created_at >= ? AND l.created_at < ?",
	/* the sum of kind's lines on account like pattern, [from, to) */
	"SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_lines "
	"WHERE currency = 'USD' AND account LIKE ? AND kind = ? "
	"AND created_at >= ? AND created_at < ?",
	/* the page test's events of a user */
	"SELECT id FROM events WHERE subject_type = 'user' AND "
	"subject_id = ? AND to_state = 'page_test' ORDER BY id",
	/* the statuses whose counters differ from COUNT(*) */
	"SELECT COUNT(*) FROM (SELECT status, SUM(o) AS o, SUM(c) AS c FROM "
	"(SELECT status, COUNT(*) AS o, 0 AS c FROM orders GROUP BY status "
	"UNION ALL SELECT status, 0, SUM(n) FROM order_counts "
	"GROUP BY status) t GROUP BY status HAVING SUM(o) <> SUM(c)) d",
	"UPDATE orders SET status = 'awaiting_review', review_due = ? "
	"WHERE id = ?",
	/* the vouchers of a user, by id */
	"SELECT id FROM remittance_vouchers WHERE user_id = ? ORDER BY id",
};

static char	 tag[24];	/* this run's keys */
static int64_t	 uid;		/* the fixture's shopper */
static char	 email[128];

/* 2021-06-<day> at h:m:s UTC (June 2021: no other test posts then). */
static int64_t
june(int day, int h, int m, int s)
{
	mp_date d;

	assert_int_equal(mp_date_from_ymd(2021, 6, day, &d), 0);
	return mp_date_to_unix(d) + h * 3600 + m * 60 + s;
}

/* A new order of user u paid by method, created at; returns its id. */
static int64_t
new_order(int64_t u, const char *method, int64_t at)
{
	struct dbq	*q;
	char		 sql[1024], key[80];
	int64_t		 id = 0;
	static int	 n;

	snprintf(key, sizeof(key), "%s-%d", tag, ++n);
	snprintf(sql, sizeof(sql), "INSERT INTO orders (user_id, status, "
	    "method, currency, usd_per_unit, items_total_minor, "
	    "amount_due_minor, country, region_code, idempotency_key, "
	    "created_at, updated_at) SELECT %lld, 'cancelled', '%s', 'USD', "
	    "'1', 0, 0, code, region_code, '%s', %lld, %lld FROM countries "
	    "ORDER BY code LIMIT 1", (long long)u, method, key,
	    (long long)at, (long long)at);
	shop_sql(sql);
	q = dbq_get(shop_db(), DB_T_TEST, T_ORDER_ID, stmts[T_ORDER_ID]);
	assert_non_null(q);
	dbq_cstr(q, key);
	assert_int_equal(dbq_exec_fetch(q), 1);
	id = dbq_col_int(q, 0);
	dbq_done(q);
	snprintf(sql, sizeof(sql), "INSERT INTO events (subject_type, "
	    "subject_id, actor_type, at, to_state) VALUES ('order', %lld, "
	    "'system', %lld, 'cancelled')", (long long)id, (long long)at);
	shop_sql(sql);
	return id;
}

/* This run's ledger key of what (a static buffer). */
static const char *
key_of(const char *what)
{
	static char key[96];

	snprintf(key, sizeof(key), "%s-%s", tag, what);
	return key;
}

/* One integer of statement t bound with text a, b and times from, to. */
static int64_t
q_sum(int t, const char *a, const char *b, int64_t from, int64_t to)
{
	struct dbq	*q = dbq_get(shop_db(), DB_T_TEST, t, stmts[t]);
	int64_t		 v;

	assert_non_null(q);
	dbq_cstr(q, a);
	if (b != NULL)
		dbq_cstr(q, b);
	dbq_int(q, from);
	dbq_int(q, to);
	assert_int_equal(dbq_exec_fetch(q), 1);
	v = dbq_col_int(q, 0);
	dbq_done(q);
	return v;
}

/* The report k by day over 2021-06-15..16. */
static struct report *
build(enum report_kind k)
{
	struct report		*rep = calloc(1, sizeof(*rep));
	struct report_range	 r;

	assert_non_null(rep);
	memset(&r, 0, sizeof(r));
	r.period = REPORT_DAY;
	assert_int_equal(mp_date_from_ymd(2021, 6, 15, &r.from), 0);
	r.to = r.from + 1;
	snprintf(r.currency, sizeof(r.currency), "USD");
	assert_int_equal(report_build(shop_db(), k, &r, june(16, 12, 0, 0),
	    rep), 0);
	return rep;
}

/* The value of series name of rep at point i (0 without the series). */
static int64_t
point(const struct report *rep, const char *name, size_t i)
{
	size_t j;

	for (j = 0; j < rep->ns; j++)
		if (strcmp(rep->s[j].name, name) == 0)
			return rep->s[j].v[i];
	return 0;
}

static int
setup(void **state)
{
	(void)state;
	snprintf(tag, sizeof(tag), "adp-%ld", (long)getpid());
	shop_register(email, sizeof(email), "adminpages", "Pages Fixture",
	    "correct horse battery");
	uid = shop_user_id(email);
	return 0;
}

/* The daily totals after payments, refunds, a reversal and a rolled back
 * entry on both sides of midnight: each report day equals the sum of the
 * ledger's lines of that day, and `mallpayctl check`'s comparison of
 * every day and the all-time totals with the lines finds nothing. */
static void
test_ledger_days_equal_the_lines(void **state)
{
	const char	*methods[] = { "installment_card", "installment_partner",
			    "cod" };
	char		 u[LEDGER_ACCT_MAX], bank[LEDGER_ACCT_MAX];
	int64_t		 o[3], day[3];
	struct report	*col, *ref;
	struct buf	 out;
	size_t		 i, m;

	(void)state;
	for (i = 0; i < 3; i++)
		o[i] = new_order(uid, methods[i], june(15, 9, 0, 0));
	day[0] = june(15, 0, 0, 0), day[1] = june(16, 0, 0, 0);
	day[2] = june(17, 0, 0, 0);
	ledger_acct_buyer_receivable(u, sizeof(u), uid);
	ledger_acct_partner_clearing(bank, sizeof(bank), "bank");
	shop_ledger_post(LK_INSTALLMENT, key_of("i1"), o[0], 0,
	    june(15, 23, 59, 59), bank, u, 1111, 1);
	shop_ledger_post(LK_INSTALLMENT, key_of("i2"), o[0], 0,
	    june(16, 0, 0, 0), bank, u, 707, 1);
	shop_ledger_post(LK_DOWN_PAYMENT, key_of("d1"), o[1], 0,
	    june(15, 12, 0, 0), bank, u, 2222, 1);
	shop_ledger_post(LK_DOWN_PAYMENT, key_of("d2"), o[1], 0,
	    june(16, 8, 0, 0), bank, u, 999, 0);
	shop_ledger_post(LK_REFUND_DUE, key_of("r1"), o[2], 0,
	    june(15, 23, 59, 59), u, LEDGER_REFUNDS_PAYABLE, 333, 1);
	shop_ledger_post(LK_REFUND_SENT, key_of("r2"), o[2], 0,
	    june(16, 0, 0, 1), LEDGER_REFUNDS_PAYABLE, LEDGER_PLATFORM_CASH,
	    333, 1);
	assert_int_equal(db_begin(shop_db()), 0);
	assert_int_equal(ledger_reverse(shop_db(), key_of("i1"), "test fixture",
	    june(16, 0, 0, 2)), 0);
	assert_int_equal(db_commit(shop_db()), 0);

	col = build(REPORT_COLLECTED);
	ref = build(REPORT_REFUNDS);
	assert_int_equal(col->n, 2);
	for (i = 0; i < 2; i++) {
		for (m = 0; m < 3; m++)
			assert_int_equal(point(col, words_method(methods[m]),
			    i), q_sum(T_PAID_SUM, methods[m], NULL, day[i],
			    day[i + 1]));
		assert_int_equal(point(ref, "Due", i), -q_sum(T_ACCT_SUM,
		    LEDGER_REFUNDS_PAYABLE, "refund_due", day[i],
		    day[i + 1]));
		assert_int_equal(point(ref, "Sent", i), q_sum(T_ACCT_SUM,
		    LEDGER_REFUNDS_PAYABLE, "refund_sent", day[i],
		    day[i + 1]));
	}
	/* the figures worked out by hand: the rolled back down payment
	 * is nowhere, the reversal is not money paid in */
	assert_int_equal(point(col, words_method("installment_card"), 0),
	    1111);
	assert_int_equal(point(col, words_method("installment_card"), 1),
	    707);
	assert_int_equal(point(col, words_method("installment_partner"), 0),
	    2222);
	assert_int_equal(point(col, words_method("installment_partner"), 1),
	    0);
	assert_int_equal(point(ref, "Due", 0), 333);
	assert_int_equal(point(ref, "Sent", 1), 333);
	free(col);
	free(ref);
	buf_init(&out);
	assert_int_equal(db_check_ledger_days(shop_db(), &out), 0);
	assert_int_equal(strlen(buf_str(&out)), 0);
	buf_cleanup(&out);
}

/* The order counters after orders inserted, moved into the COD review
 * queue past their promised day and not, a promised day moved, a move
 * out of the queue, a change rolled back and an order deleted, each
 * change from its own connection (its own slot): the counters by status equal COUNT(*) GROUP
 * BY status, every key equals `mallpayctl check`'s count, and the
 * dashboard's COD queue counts what came in. */
static void
test_order_counts_equal_the_orders(void **state)
{
	struct db_queue_stats	 before[DB_OQ__MAX], after[DB_OQ__MAX];
	struct dbq		*q;
	struct buf		 out;
	char			 sql[512], past[CAL_DATE_STRLEN];
	char			 soon[CAL_DATE_STRLEN], later[CAL_DATE_STRLEN];
	int64_t			 now = time(NULL), o[4];
	mp_date			 today, d;
	size_t			 i;

	(void)state;
	assert_int_equal(mp_date_from_unix(now, &today), 0);
	assert_int_equal(mp_date_add_days(today, -2, &d), 0);
	mp_date_str(d, past, sizeof(past));
	assert_int_equal(mp_date_add_days(today, 1, &d), 0);
	mp_date_str(d, soon, sizeof(soon));
	assert_int_equal(mp_date_add_days(today, 3, &d), 0);
	mp_date_str(d, later, sizeof(later));
	assert_int_equal(db_admin_order_queues(shop_db(), now, before), 0);
	for (i = 0; i < 4; i++)
		o[i] = new_order(uid, "cod", now - 3600);
	/* 0 and 1 into the queue, past their day; 2 due tomorrow */
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = "
	    "'awaiting_review', review_due = '%s' WHERE id IN (%lld, %lld)",
	    past, (long long)o[0], (long long)o[1]);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = "
	    "'awaiting_review', review_due = '%s' WHERE id = %lld", soon,
	    (long long)o[2]);
	shop_sql(sql);
	/* 1's day moved on, 2 out of the queue */
	snprintf(sql, sizeof(sql), "UPDATE orders SET review_due = '%s' "
	    "WHERE id = %lld", later, (long long)o[1]);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = "
	    "'pending_shipment' WHERE id = %lld", (long long)o[2]);
	shop_sql(sql);
	/* 3 into the queue and rolled back, then deleted */
	assert_int_equal(db_begin(shop_db()), 0);
	q = dbq_get(shop_db(), DB_T_TEST, T_TO_REVIEW, stmts[T_TO_REVIEW]);
	assert_int_equal(dbq_exec(dbq_bind(q, DBQ_S(past), DBQ_I(o[3]))), 0);
	dbq_done(q);
	db_rollback(shop_db());
	snprintf(sql, sizeof(sql), "DELETE FROM orders WHERE id = %lld",
	    (long long)o[3]);
	shop_sql(sql);

	q = dbq_get(shop_db(), DB_T_TEST, T_COUNT_DIFF, stmts[T_COUNT_DIFF]);
	assert_non_null(q);
	assert_int_equal(dbq_exec_fetch(q), 1);
	assert_int_equal(dbq_col_int(q, 0), 0);
	dbq_done(q);
	buf_init(&out);
	assert_int_equal(db_check_order_counts(shop_db(), &out), 0);
	assert_string_equal(buf_str(&out), "");
	buf_cleanup(&out);
	assert_int_equal(db_admin_order_queues(shop_db(), now, after), 0);
	assert_int_equal(after[DB_OQ_COD_REVIEW].count,
	    before[DB_OQ_COD_REVIEW].count + 2);
	assert_int_equal(after[DB_OQ_COD_REVIEW].overdue,
	    before[DB_OQ_COD_REVIEW].overdue + 1);
	assert_true(after[DB_OQ_COD_REVIEW].oldest_at > 0);
	assert_true(after[DB_OQ_COD_REVIEW].oldest_at <= now - 3600);
	/* back to the status of their last event, for the other tests
	 * (mallpayctl check) */
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = 'cancelled' "
	    "WHERE id IN (%lld, %lld, %lld)", (long long)o[0],
	    (long long)o[1], (long long)o[2]);
	shop_sql(sql);
}

/* An admin client signed in (two-factor by the demo key). */
static struct client *
admin_client(void)
{
	struct client *cl = client_new();

	assert_int_equal(client_signin(cl, ADMIN_EMAIL, DEMO_PASSWORD), 303);
	return cl;
}

/* Walk the pages from path by rel links as cl, marking the ids after
 * marker in seen[] (want[], nwant ids); every row must be one of want
 * and seen once. Returns the rows read and leaves the last page's path
 * in path. */
static size_t
walk(struct client *cl, char *path, size_t pathsz, const char *rel,
    const char *marker, const int64_t *want, int *seen, size_t nwant)
{
	struct client_resp	 r;
	long long		 ids[64];
	size_t			 rows = 0, pages = 0, n, i, j;
	char			 next[512];

	for (;;) {
		assert_int_equal(client_get(cl, path, &r), 0);
		assert_int_equal(r.status, 200);
		n = client_ids(r.body, marker, ids, 64);
		for (i = 0; i < n; i++) {
			for (j = 0; j < nwant && want[j] != ids[i]; j++)
				;
			assert_true(j < nwant);
			assert_int_equal(seen[j], 0);
			seen[j] = 1;
		}
		rows += n;
		assert_true(++pages <= nwant);
		if (!client_rel_link(r.body, rel, next, sizeof(next))) {
			client_resp_cleanup(&r);
			return rows;
		}
		client_resp_cleanup(&r);
		snprintf(path, pathsz, "%s", next);
	}
}

/* The n ids statement t gives for the id of user u into ids (exactly
 * n of them). */
static void
ids_of(int t, int64_t u, int64_t *ids, size_t n)
{
	struct dbq	*q = dbq_get(shop_db(), DB_T_TEST, t, stmts[t]);
	size_t		 i;

	assert_non_null(q);
	dbq_int(q, u);
	assert_int_equal(dbq_exec(q), 0);
	for (i = 0; i < n && dbq_fetch(q) == 1; i++)
		ids[i] = dbq_col_int(q, 0);
	dbq_done(q);
	assert_int_equal(i, n);
}

/* Walk the pages of the list at path as cl forwards by its "next" links
 * from the first, then back by its "prev" links from the last: each of
 * the n ids want once each way, after= keys on the way. */
static void
walk_both(struct client *cl, const char *first, const char *marker,
    const int64_t *want, size_t n)
{
	char	path[512];
	int	seen[NEVENTS];

	assert_true(n <= NEVENTS);
	snprintf(path, sizeof(path), "%s", first);
	memset(seen, 0, sizeof(seen));
	assert_int_equal(walk(cl, path, sizeof(path), "next", marker, want,
	    seen, n), n);
	assert_non_null(strstr(path, "after="));
	memset(seen, 0, sizeof(seen));
	assert_int_equal(walk(cl, path, sizeof(path), "prev", marker, want,
	    seen, n), n);
}

/* A new buyer (its email into buyer) with NORDERS orders of method, four
 * to each second of 2021-06-<day>, their ids into ids; returns the
 * buyer's id. */
static int64_t
buyer_with_orders(const char *what, const char *method, int day,
    char *buyer, size_t buyersz, int64_t *ids)
{
	int64_t	b;
	size_t	i;

	shop_register(buyer, buyersz, what, "List Fixture",
	    "correct horse battery");
	b = shop_user_id(buyer);
	for (i = 0; i < NORDERS; i++)
		ids[i] = new_order(b, method, june(day, 10, 0, (int)(i / 4)));
	return b;
}

/* The orders browser of one buyer, newest and oldest first: three keyset
 * pages, each order once forwards and once back, though four orders
 * share each creation second. */
static void
test_admin_orders_keyset_pages_reach_every_order_once(void **state)
{
	static const char *const sorts[] = { "newest", "oldest" };
	struct client	*admin;
	int64_t		 ids[NORDERS];
	char		 path[512], buyer[128];
	int64_t		 b;
	size_t		 s;

	(void)state;
	b = buyer_with_orders("adminpages-list", "cod", 20, buyer,
	    sizeof(buyer), ids);
	admin = admin_client();
	for (s = 0; s < 2; s++) {
		snprintf(path, sizeof(path), "/admin/orders?who=%lld&sort=%s",
		    (long long)b, sorts[s]);
		walk_both(admin, path, "data-id=\"", ids, NORDERS);
	}
	client_free(admin);
}

/* The audit trail of one user: three keyset pages of 50, each event once
 * forwards and once back, though three events share each second. */
static void
test_admin_audit_keyset_pages_reach_every_event_once(void **state)
{
	struct client	*admin;
	int64_t		 ids[NEVENTS];
	char		 path[512], sql[256];
	size_t		 i;

	(void)state;
	for (i = 0; i < NEVENTS; i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO events (subject_type, "
		    "subject_id, actor_type, at, to_state, reason) VALUES "
		    "('user', %lld, 'system', %lld, 'page_test', '%s')",
		    (long long)uid, (long long)june(21, 10, 0, (int)(i / 3)),
		    tag);
		shop_sql(sql);
	}
	ids_of(T_EVENT_IDS, uid, ids, NEVENTS);
	admin = admin_client();
	snprintf(path, sizeof(path), "/admin/audit?type=page_test&"
	    "subject_type=user&subject_id=%lld", (long long)uid);
	walk_both(admin, path, "data-event-id=\"", ids, NEVENTS);
	client_free(admin);
}

/* The vouchers queue (filtered by a currency only this test uses): three
 * keyset pages, each voucher once forwards and once back, though four
 * vouchers share each second. */
static void
test_admin_vouchers_keyset_pages_reach_every_voucher_once(void **state)
{
	struct client	*admin;
	int64_t		 ids[NORDERS], b;
	char		 buyer[128], sql[512];
	size_t		 i;

	(void)state;
	b = buyer_with_orders("adminpages-vouchers", "remittance", 22, buyer,
	    sizeof(buyer), ids);
	for (i = 0; i < NORDERS; i++) {
		snprintf(sql, sizeof(sql), "UPDATE orders SET status = "
		    "'awaiting_verification' WHERE id = %lld",
		    (long long)ids[i]);
		shop_sql(sql);
		snprintf(sql, sizeof(sql), "INSERT INTO remittance_vouchers "
		    "(order_id, user_id, amount_minor, currency, remitted_on, "
		    "tracking, idempotency_key, created_at) VALUES (%lld, "
		    "%lld, 100, 'ISK', '2021-06-22', 'T%zu', '%s-v', %lld)",
		    (long long)ids[i], (long long)b, i, tag,
		    (long long)june(22, 11, 0, (int)(i / 4)));
		shop_sql(sql);
	}
	ids_of(T_VOUCHER_IDS, b, ids, NORDERS);
	admin = admin_client();
	walk_both(admin, "/admin/vouchers?currency=ISK",
	    "class=\"queue-row\" data-id=\"", ids, NORDERS);
	/* out of the queue again, the orders back to the status of their
	 * last event, for the other tests (mallpayctl check) */
	snprintf(sql, sizeof(sql), "UPDATE remittance_vouchers SET status = "
	    "'rejected' WHERE user_id = %lld; UPDATE orders SET status = "
	    "'cancelled' WHERE user_id = %lld", (long long)b, (long long)b);
	shop_sql(sql);
	client_free(admin);
}

/* A search for a buyer's email: its orders in keyset pages of 20, newest
 * first, each once forwards and once back, the count above them. */
static void
test_admin_search_pages_reach_every_order_once(void **state)
{
	struct client_resp	 r;
	struct client		*admin;
	int64_t			 ids[NORDERS];
	char			 path[512], buyer[128], heading[32];
	const char		*at;

	(void)state;
	(void)buyer_with_orders("adminpages-search", "cod", 23, buyer,
	    sizeof(buyer), ids);
	at = strchr(buyer, '@');
	assert_non_null(at);
	admin = admin_client();
	snprintf(path, sizeof(path), "/admin/search?q=%.*s%%40%s",
	    (int)(at - buyer), buyer, at + 1);
	assert_int_equal(client_get(admin, path, &r), 0);
	assert_int_equal(r.status, 200);
	snprintf(heading, sizeof(heading), "Orders (%d)", NORDERS);
	assert_true(client_has(&r, heading));
	client_resp_cleanup(&r);
	walk_both(admin, path, "class=\"search-order\" data-id=\"", ids,
	    NORDERS);
	client_free(admin);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ledger_days_equal_the_lines),
		cmocka_unit_test(test_order_counts_equal_the_orders),
		cmocka_unit_test(test_admin_orders_keyset_pages_reach_every_order_once),
		cmocka_unit_test(test_admin_audit_keyset_pages_reach_every_event_once),
		cmocka_unit_test(test_admin_vouchers_keyset_pages_reach_every_voucher_once),
		cmocka_unit_test(test_admin_search_pages_reach_every_order_once),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, setup, NULL);
	shop_end();
	return rc;
}
