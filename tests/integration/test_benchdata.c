/*
 * Integration test of `mallpayctl bench-data` against the
 * suite's stack (MALLPAY_CTL, MALLPAY_CONF, MALLPAY_TEST_URL): a small
 * data set with installment plans and remittance vouchers, the same call
 * again changing nothing, `mallpayctl check` finding no violation in it,
 * the benchmark shopper's 12-installment schedule answering 200 with its
 * chart (and 404 to another shopper), every generated plan carrying the
 * ledger entries the real flow posts, and every stored voucher file
 * decrypting to the PNG bench-data made for it.
 *
 * The data stays in the shared stack for the tests after this one: no
 * order is left where a tick would act on it without its method's rows
 * (see src/ctl/benchdata.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cmocka.h>

#include "core/buf.h"
#include "db/benchdata.h"
#include "db/check.h"
#include "db/db.h"
#include "db/stmt.h"
#include "service/filestore.h"
#include "ctl.h"
#include "shop.h"

#define BENCH_EMAIL	"bench@bench.test"
#define BENCH_PW	"mallpay-bench"
#define OTHER		"shopper.veteran@demo.test"
#define ARGS		"bench-data --shoppers 6 --orders 80 --bench-orders 20"

/* client_ctl, its output also in the test's log. */
static int
ctl(const char *args, struct buf *out)
{
	int st = mallpayctl_run(out, args);

	print_message("%s", buf_str(out));
	return st;
}

/* The count printed before word in s ("... 12 plans ..."), or -1. */
static long
count_before(const char *s, const char *word)
{
	const char *w = strstr(s, word);

	if (w == NULL || w == s)
		return -1;
	while (w > s && w[-1] == ' ')
		w--;
	while (w > s && w[-1] >= '0' && w[-1] <= '9')
		w--;
	return strtol(w, NULL, 10);
}

/* Generate, generate again (nothing added), check: zero violations. */
static void
test_bench_data_generates_consistent_data(void **state)
{
	struct buf out;

	(void)state;
	buf_init(&out);
	assert_int_equal(ctl(ARGS, &out), 0);
	/* 80, plus one when the shopper's 20 have no running 12-month
	 * plan (bench-data then adds one). */
	assert_in_range(count_before(buf_str(&out), "orders in all"), 80, 81);
	/* 1 in 4 orders is an installment order with its plan; 1 in 10 a
	 * remittance order, most with a voucher. */
	assert_true(count_before(buf_str(&out), "plans (") >= 20);
	assert_true(count_before(buf_str(&out), "installments,") >= 60);
	assert_true(count_before(buf_str(&out), "remittance vouchers") >= 5);
	assert_true(count_before(buf_str(&out), "stored files") >= 3);
	/* Top-up: the same call again adds nothing. */
	assert_int_equal(ctl(ARGS, &out), 0);
	assert_non_null(strstr(buf_str(&out), "0 shoppers and 0 orders added"));
	assert_non_null(strstr(buf_str(&out), "added 0 plans"));
	assert_int_equal(ctl("check", &out), 0);
	assert_non_null(strstr(buf_str(&out), "check: 0 violation(s)"));
	assert_null(strstr(buf_str(&out), "violation: "));
	buf_cleanup(&out);
}

/* The generated plans' ledger (sql/014_ledger.sql), read directly. */
enum {
	T_BENCH_PLANS,
	T_NO_START,
	T_PAY_NO_ENTRY,
	T_CLOSED_OWING,
};
#define BENCH_PLANS "FROM plans p JOIN orders o ON o.id = p.order_id " \
	"WHERE o.idempotency_key LIKE 'bench-%' "
#define RECV "CONCAT('buyer:', p.user_id, ':receivable')"
#define COLLECTOR "IF(p.method = 'installment_card', 'bank', 'finance')"
static const char *const ledger_sql[] = {
	/* T_BENCH_PLANS */
	"SELECT COUNT(*) " BENCH_PLANS,
	/* T_NO_START: the start entry debits the schedule to the buyer */
	"SELECT COUNT(*) " BENCH_PLANS "AND (SELECT COALESCE(SUM("
	"l.amount_minor), 0) FROM ledger_lines l WHERE l.entry_key = "
	"CONCAT('plan', p.id, '-start') AND l.account = " RECV ") <> "
	"p.principal_minor + p.total_fee_minor",
	/* T_PAY_NO_ENTRY: each payment, keyed by its bank key, into the
	 * collector's clearing account under the collector's reference */
	"SELECT COUNT(*) FROM plan_payments pp JOIN plans p ON "
	"p.id = pp.plan_id JOIN orders o ON o.id = p.order_id WHERE "
	"o.idempotency_key LIKE 'bench-%' AND pp.ok = 1 AND NOT EXISTS "
	"(SELECT 1 FROM ledger_lines l WHERE l.entry_key = pp.idem_key AND "
	"l.plan_id = p.id AND l.amount_minor = pp.amount_minor AND "
	"l.account = CONCAT('partner:', " COLLECTOR ", ':clearing') AND "
	"l.partner = " COLLECTOR " AND l.partner_ref = pp.idem_key)",
	/* T_CLOSED_OWING: a plan repaid in full owes nothing any more */
	"SELECT COUNT(*) " BENCH_PLANS "AND p.status = 'closed' AND (SELECT "
	"COALESCE(SUM(l.amount_minor), 0) FROM ledger_lines l WHERE "
	"l.plan_id = p.id AND l.account = " RECV ") <> 0",
};

/* The count statement idx answers. */
static int64_t
ledger_count(int idx)
{
	struct dbq *q;
	int64_t n = -1;

	q = dbq_get(shop_db(), DB_T_TEST, idx, ledger_sql[idx]);
	assert_non_null(q);
	assert_int_equal(dbq_exec(q), 0);
	if (dbq_fetch(q) == 1)
		n = dbq_col_int(q, 0);
	dbq_done(q);
	return n;
}

/* Every generated plan carries the entries plan_start() and each payment
 * post: its start, each payment's, the closed ones owing nothing. */
static void
test_bench_data_plans_carry_ledger_entries(void **state)
{
	(void)state;
	assert_true(ledger_count(T_BENCH_PLANS) >= 20);
	assert_int_equal(ledger_count(T_NO_START), 0);
	assert_int_equal(ledger_count(T_PAY_NO_ENTRY), 0);
	assert_int_equal(ledger_count(T_CLOSED_OWING), 0);
}

/* The benchmark shopper's 12-installment schedule (what bench/run.sh
 * measures): 200 with its chart to its owner, 404 to another shopper. */
static void
test_bench_data_schedule_page(void **state)
{
	struct client *cl, *other;
	struct client_resp r;
	char path[64];
	int64_t me, oid;

	(void)state;
	me = db_bench_user_id(shop_db(), BENCH_EMAIL);
	assert_true(me > 0);
	oid = db_bench_active_plan(shop_db(), me, 12);
	assert_true(oid > 0);
	snprintf(path, sizeof(path), "/orders/%lld/schedule", (long long)oid);

	cl = client_new();
	assert_int_equal(client_signin(cl, BENCH_EMAIL, BENCH_PW), 303);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"schedule-chart\""));
	assert_true(client_has(&r, "Installment 12:"));
	assert_true(client_has(&r, ", paid"));
	assert_true(client_has(&r, ", due"));
	client_resp_cleanup(&r);
	shop_get(cl, "/orders", &r);
	assert_int_equal(r.status, 200);
	client_resp_cleanup(&r);
	client_free(cl);

	other = shop_signin(OTHER);
	shop_get(other, path, &r);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	client_free(other);
}

/* What the file walk found. */
struct files_seen {
	int	rows, bad, bench_png;
};

/* db_check_files callback: decrypt file id; count bench-data's PNGs. */
static void
file_seen(void *arg, int64_t id, const char *name)
{
	struct files_seen *f = arg;
	struct filestore_info info;
	struct buf data;

	(void)name;
	f->rows++;
	buf_init(&data);
	if (filestore_get(shop_db(), shop_config(), id, &data, &info) != 0)
		f->bad++;
	else if (data.len > 8 && memcmp(data.data, "\x89PNG\r\n\x1a\n",
	    8) == 0 && memmem(data.data, data.len, "mallpay bench voucher",
	    21) != NULL && strcmp(info.mime, "image/png") == 0)
		f->bench_png++;
	buf_cleanup(&data);
}

/* Every stored file (bench-data's vouchers among them) is there,
 * encrypted as the file store writes it, and decrypts to a PNG. */
static void
test_bench_data_voucher_files(void **state)
{
	struct files_seen f;

	(void)state;
	memset(&f, 0, sizeof(f));
	assert_true(db_check_files(shop_db(), file_seen, &f) >= 0);
	assert_int_equal(f.bad, 0);
	assert_true(f.bench_png >= 3);
}

/* Run the tests in order (the later ones read the first one's data). */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bench_data_generates_consistent_data),
		cmocka_unit_test(test_bench_data_plans_carry_ledger_entries),
		cmocka_unit_test(test_bench_data_schedule_page),
		cmocka_unit_test(test_bench_data_voucher_files),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
