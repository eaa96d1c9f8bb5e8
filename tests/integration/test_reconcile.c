/*
 * Reconciliation with the partners (RULES C-09) against the private
 * stack: the bank sandbox keeps its own books of what the web charged;
 * `mallpayctl reconcile` is clean when the bank's report and the ledger
 * agree, and lists exactly the differences made both ways (a charge the
 * ledger never recorded, a charge whose transaction rolled back, a ledger
 * entry the bank never saw, an amount that differs) with exit status 3;
 * the admin console shows them.
 *
 * The controlled day is far in the future (its own per process), so that
 * nothing else charges or posts on it: the test charges the bank sandbox
 * in this process through the gateway (books on their own connection, as
 * mallpayd's) and posts ledger entries with ledger_post() on its own
 * connection. Run by tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/money.h"
#include "db/db.h"
#include "db/order.h"
#include "db/plan.h"
#include "gateway/bank.h"
#include "gateway/books.h"
#include "rules/rfcode.h"
#include "sandbox/books.h"
#include "service/ledger.h"
#include "service/remittance.h"
#include "ctl.h"
#include "shop.h"

#define SHOPPER		"shopper.new@demo.test"
#define ADMIN		"admin@demo.test"
#define VISA		"4111111111111111"
#define CARD_PLAN	"installment_card:harbor-bank:6"
#define SKU		"HOME-WASHER-8"		/* USD 729.00 */
/* Harbor Bank, 6 months at 0.80 % spread: 12150 principal + 583 fee. */
#define DOWN_PAYMENT	"127.33"

/* The controlled day (noon) and its text. */
static int64_t	day_noon;
static char	day_str[CAL_DATE_STRLEN];

/* This run's reference for name: "recon-<pid>-<name>" into out. */
static const char *
ref(char *out, size_t outsz, const char *name)
{
	snprintf(out, outsz, "recon-%d-%s", (int)getpid(), name);
	return out;
}

/* A bank token of the approving Visa, reviewed in this process. */
static void
bank_token(char *tok)
{
	struct bank_card	card;
	struct bank_result	res;
	char			err[128];

	assert_int_equal(bank_sandbox.card_ref(VISA, strlen(VISA), "123",
	    &card, err, sizeof(err)), 0);
	assert_int_equal(bank_sandbox.review(&card, 100000, "USD", 6, &res),
	    0);
	assert_int_equal(res.ok, 1);
	memcpy(tok, res.token, BANK_REF_MAX);
}

/* The bank charges (sign > 0) or refunds (sign < 0) amount under key k
 * at the controlled day's noon. */
static void
bank_moves(const char *tok, int sign, const char *k, int64_t amount)
{
	struct bank_result res;

	clock_set_fixed(day_noon);
	if (sign > 0)
		assert_int_equal(bank_sandbox.deduct(tok, amount, "USD", k,
		    &res), 0);
	else
		assert_int_equal(bank_sandbox.refund(tok, amount, "USD", k,
		    &res), 0);
	clock_set_fixed(0);
	assert_int_equal(res.ok, 1);
}

/* Post the ledger's entry of a bank charge (sign > 0: the bank holds
 * amount for the mall) or refund (sign < 0) under key k, on the
 * controlled day, with the test's own connection. Returns ledger_post's
 * answer. */
static int
ledger_moves(int sign, const char *k, int64_t amount)
{
	struct ledger_entry	e;
	char			clearing[LEDGER_ACCT_MAX];
	char			buyer[LEDGER_ACCT_MAX];

	memset(&e, 0, sizeof(e));
	e.kind = sign > 0 ? LK_INSTALLMENT : LK_REFUND_SENT;
	e.key = k;
	e.currency = "USD";
	e.partner = PARTNER_BANK;
	e.partner_ref = k;
	e.memo = "reconciliation test";
	e.at = day_noon;
	ledger_acct_partner_clearing(clearing, sizeof(clearing), PARTNER_BANK);
	ledger_acct_buyer_receivable(buyer, sizeof(buyer), 999777);
	e.moves[0] = sign > 0 ?
	    (struct ledger_move){ clearing, buyer, amount } :
	    (struct ledger_move){ LEDGER_REFUNDS_PAYABLE, clearing, amount };
	e.nmoves = 1;
	return ledger_post(shop_db(), &e);
}

/* Run `mallpayctl args` (printed from fmt) into out; its exit status. */
static int __attribute__((format(printf, 2, 3)))
ctl(struct buf *out, const char *fmt, ...)
{
	char	args[256];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(args, sizeof(args), fmt, ap);
	va_end(ap);
	buf_reset(out);
	return mallpayctl_run(out, args);
}

/* Fail unless text has s. */
static void
has(const char *text, const char *s)
{
	if (strstr(text, s) == NULL)
		fail_msg("missing \"%s\" in:\n%s", s, text);
}

/* Fail unless reconcile's output text lists the difference kind of
 * reference k with the partner's and the ledger's USD amounts. */
static void
has_diff(const char *text, const char *kind, const char *k,
    const char *partner, const char *ledger)
{
	char line[300];

	snprintf(line, sizeof(line), "  %s %s: partner USD %s, ledger USD %s\n",
	    kind, k, partner, ledger);
	has(text, line);
}

/* The first tick of the day after the controlled day runs the daily job
 * that reconciles the controlled day: the same differences. */
static void
tick_reconciles(struct buf *out)
{
	char when[32], line[200];
	mp_date d;

	assert_int_equal(mp_date_from_unix(day_noon + 86400, &d), 0);
	mp_date_str(d, when, sizeof(when));
	snprintf(when + 10, sizeof(when) - 10, "T00:10:00Z");
	(void)ctl(out, "tick --now %s", when);
	snprintf(line, sizeof(line), " reconcile (%.10sT00:00:00Z): reconciled "
	    "%s: 4 differences\n", when, day_str);
	has(buf_str(out), line);
}

/* A card plan bought and confirmed through the web: the bank's own report
 * of today lists the down payment it charged, in the documented format. */
static void
test_C09_web_down_payment_in_the_banks_report(void **state)
{
	struct client		*cl = shop_signin(SHOPPER);
	struct client_resp	 r;
	struct db_plan		 p;
	struct buf		 out;
	char			 page[64], line[160], today[CAL_DATE_STRLEN];
	char			*key;
	mp_date			 d;
	int64_t			 id;

	(void)state;
	id = shop_place_one(cl, SHOPPER, SKU, CARD_PLAN, CARD_PLAN,
	    "a card plan", NULL, 0);
	shop_bind_card(cl, id, VISA);
	snprintf(page, sizeof(page), "/orders/%lld/confirm", (long long)id);
	shop_get(cl, page, &r);
	key = client_between(r.body, "name=\"key\" value=\"", "\"");
	assert_non_null(key);
	client_resp_cleanup(&r);
	shop_post(cl, page, page, &r, "key", key, NULL);
	free(key);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(db_plan_by_order(shop_db(), 0, id, &p), 1);

	assert_int_equal(mp_date_from_unix(clock_now(), &d), 0);
	mp_date_str(d, today, sizeof(today));
	buf_init(&out);
	assert_int_equal(ctl(&out, "partner-report --partner bank --date %s",
	    today), 0);
	has(buf_str(&out), PARTNER_REPORT_HEADER "\n");
	snprintf(line, sizeof(line), "\n%s,bank,plan%lld-i1,charge,%s,USD\n",
	    today, (long long)p.id, DOWN_PAYMENT);
	has(buf_str(&out), line);
	assert_int_equal(ctl(&out, "partner-report --partner nobody --date %s",
	    today), 2);
	buf_cleanup(&out);
	client_free(cl);
}

/* Agreeing books reconcile clean (exit 0); then differences made both
 * ways are listed exactly (exit 3), stored, and shown to the admin. */
static void
test_C09_reconcile_lists_exactly_the_differences(void **state)
{
	char		 tok[BANK_REF_MAX], k[6][64], line[400];
	struct buf	 out;
	struct client	*admin;
	struct client_resp r;

	(void)state;
	bank_token(tok);
	buf_init(&out);
	/* Agreeing: a charge and a refund, each in both books. */
	bank_moves(tok, 1, ref(k[0], 64, "match"), 5000);
	assert_int_equal(ledger_moves(1, k[0], 5000), 0);
	bank_moves(tok, -1, ref(k[1], 64, "refund"), 700);
	assert_int_equal(ledger_moves(-1, k[1], 700), 0);
	/* The same charge again (a retry) is in the bank's books once. */
	bank_moves(tok, 1, k[0], 5000);
	assert_int_equal(ctl(&out, "reconcile --date %s", day_str), 0);
	snprintf(line, sizeof(line), "bank %s: 2 report lines, 2 ledger "
	    "lines, 0 differences", day_str);
	has(buf_str(&out), line);

	/* Charged by the bank, never recorded. */
	bank_moves(tok, 1, ref(k[2], 64, "unrecorded"), 1234);
	/* Recorded by the ledger, never charged. */
	assert_int_equal(ledger_moves(1, ref(k[3], 64, "uncharged"), 4321), 0);
	/* Both, other amounts. */
	bank_moves(tok, 1, ref(k[4], 64, "differs"), 1000);
	assert_int_equal(ledger_moves(1, k[4], 999), 0);
	/* Charged inside our transaction, which rolled back: the bank's
	 * books keep it. */
	assert_int_equal(db_begin(shop_db()), 0);
	assert_int_equal(ledger_moves(1, ref(k[5], 64, "rolledback"), 800), 0);
	bank_moves(tok, 1, k[5], 800);
	db_rollback(shop_db());

	assert_int_equal(ctl(&out, "reconcile --date %s", day_str), 3);
	snprintf(line, sizeof(line), "bank %s: 5 report lines, 4 ledger "
	    "lines, 4 differences", day_str);
	has(buf_str(&out), line);
	has_diff(buf_str(&out), "not_recorded", k[2], "12.34", "0.00");
	has_diff(buf_str(&out), "not_charged", k[3], "0.00", "43.21");
	has_diff(buf_str(&out), "amount_differs", k[4], "10.00", "9.99");
	has_diff(buf_str(&out), "not_recorded", k[5], "8.00", "0.00");
	assert_null(strstr(buf_str(&out), k[0]));
	assert_null(strstr(buf_str(&out), k[1]));
	has(buf_str(&out), "4 differences\n");

	/* The admin console shows the last run of each partner. */
	admin = shop_signin(ADMIN);
	shop_get(admin, "/admin", &r);
	has(r.body, "href=\"/admin/reconciliation\"");
	client_resp_cleanup(&r);
	shop_get(admin, "/admin/reconciliation", &r);
	assert_int_equal(r.status, 200);
	snprintf(line, sizeof(line), "data-ref=\"%s\" data-kind=\"not_recorded"
	    "\"><td>%s</td><td>Moved by the partner, missing from our ledger",
	    k[2], k[2]);
	has(r.body, line);
	snprintf(line, sizeof(line), "data-ref=\"%s\" data-kind=\"not_charged"
	    "\"><td>%s</td><td>In our ledger, never moved by the partner",
	    k[3], k[3]);
	has(r.body, line);
	snprintf(line, sizeof(line), "data-ref=\"%s\" data-kind=\"amount_"
	    "differs\"><td>%s</td><td>Amounts differ</td><td>USD 10.00</td>"
	    "<td>USD 9.99</td>", k[4], k[4]);
	has(r.body, line);
	snprintf(line, sizeof(line), "data-ref=\"%s\"", k[5]);
	has(r.body, line);
	has(r.body, "id=\"recon-bank\" data-partner=\"bank\" "
	    "data-differences=\"4\"");
	has(r.body, "Card bank");
	assert_null(strstr(r.body, "not_recorded<"));
	client_resp_cleanup(&r);
	client_free(admin);
	tick_reconciles(&out);
	buf_cleanup(&out);
}

/* The courier's books: a COD order approved, shipped and paid through
 * the signed partner events lists its collection under the courier's
 * payment record in the report of courier 1 ("logistics-1") of today. */
static void
test_C09_courier_books_keep_cod_collections(void **state)
{
	struct client		*cl, *admin = shop_signin(ADMIN);
	struct client_resp	 r;
	struct db_order		 o;
	struct money		 m;
	struct buf		 out;
	char			 email[128], path[96], json[512], amount[48];
	char			 track[32], today[CAL_DATE_STRLEN], line[200];
	int64_t			 id;
	mp_date			 d;

	(void)state;
	shop_register(email, sizeof(email), "recon-cod", "Rita Recon",
	    DEMO_PASSWORD);
	cl = shop_signin(email);
	id = shop_place_one(cl, email, "HOME-VACUUM-R5", "cod", NULL, "COD",
	    NULL, 0);
	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-approve",
	    (long long)id);
	shop_post(admin, "/admin/queues/cod", path, &r, "from",
	    "awaiting_review", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(track, sizeof(track), "RC%d", (int)getpid());
	snprintf(json, sizeof(json), "{\"event_id\":\"rc-ship-%d\",\"type\":"
	    "\"shipped\",\"order_id\":%lld,\"carrier\":\"Demo Express\","
	    "\"tracking\":\"%s\"}", (int)getpid(), (long long)id, track);
	assert_int_equal(shop_partner_post(1, "/partner/logistics/events",
	    json, 0, SHOP_SIGNED, NULL), 200);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	assert_int_equal(money_set(&m, o.amount_due_minor + o.fee_minor,
	    o.currency), 0);
	money_str(&m, amount, sizeof(amount));
	snprintf(json, sizeof(json), "{\"event_id\":\"rc-paid-%d\",\"type\":"
	    "\"paid\",\"order_id\":%lld,\"amount\":\"%s\",\"method\":"
	    "\"cash\",\"record_id\":\"PR-RC%d\"}", (int)getpid(),
	    (long long)id, amount, (int)getpid());
	assert_int_equal(shop_partner_post(1, "/partner/logistics/events",
	    json, 0, SHOP_SIGNED, NULL), 200);

	assert_int_equal(mp_date_from_unix(clock_now(), &d), 0);
	mp_date_str(d, today, sizeof(today));
	buf_init(&out);
	assert_int_equal(ctl(&out, "partner-report --partner logistics-1 "
	    "--date %s", today), 0);
	snprintf(line, sizeof(line), "\n%s,logistics-1,PR-RC%d,collection,%s,"
	    "%s\n", today, (int)getpid(), amount, o.currency);
	has(buf_str(&out), line);
	buf_cleanup(&out);
	client_free(cl);
	client_free(admin);
}

/* The post office's books: the lines of an imported statement, matched
 * or not, are in its report of the day it was imported, under the
 * remittance code the line quotes (the ledger's partner reference of a
 * receipt). */
static void
test_C09_post_office_books_keep_the_statement(void **state)
{
	struct rem_import	res;
	struct buf		out;
	char			rf[RFCODE_MAX], csv[256], err[200], line[200];
	char			ds[CAL_DATE_STRLEN];
	mp_date			d;

	(void)state;
	assert_int_equal(mp_date_from_unix(day_noon, &d), 0);
	assert_int_equal(mp_date_add_days(d, 10, &d), 0);
	mp_date_str(d, ds, sizeof(ds));
	assert_int_equal(rfcode_from_order_id(900000000ULL +
	    (uint64_t)getpid(), rf, sizeof(rf)), 0);
	snprintf(csv, sizeof(csv), "code,amount,currency,date,tracking\n"
	    "%s,45.60,USD,%s,RCPT%d\n", rf, ds, (int)getpid());
	assert_int_equal(remittance_import(shop_db(), shop_user_id(ADMIN),
	    csv, strlen(csv), day_noon + 11 * 86400, &res, err, sizeof(err)),
	    0);
	assert_int_equal(res.unmatched, 1);
	buf_init(&out);
	assert_int_equal(ctl(&out, "partner-report --partner post-office "
	    "--date %s", ds), 0);
	assert_null(strstr(buf_str(&out), rf));
	assert_int_equal(mp_date_add_days(d, 1, &d), 0);
	mp_date_str(d, ds, sizeof(ds));
	assert_int_equal(ctl(&out, "partner-report --partner post-office "
	    "--date %s", ds), 0);
	snprintf(line, sizeof(line), "%s\n%s,post-office,%s,collection,45.60,"
	    "USD\n", PARTNER_REPORT_HEADER, ds, rf);
	has(buf_str(&out), line);
	buf_cleanup(&out);
}

/* Reconcile day d (unix seconds in it) into out; fail unless the output
 * has line kind ("awaiting_statement", "not_charged") for reference rf,
 * or (kind NULL) names rf nowhere. */
static void
po_reconciled(struct buf *out, int64_t d, const char *kind, const char *rf)
{
	char ds[CAL_DATE_STRLEN], line[160];
	mp_date day;

	assert_int_equal(mp_date_from_unix(d, &day), 0);
	(void)ctl(out, "reconcile --date %s", mp_date_str(day, ds,
	    sizeof(ds)));
	snprintf(line, sizeof(line), "  %s %s: partner USD 0.00, ledger USD "
	    "459.00\n", kind != NULL ? kind : "", rf);
	if (kind != NULL)
		has(buf_str(out), line);
	else if (strstr(buf_str(out), rf) != NULL)
		fail_msg("%s listed in:\n%s", rf, buf_str(out));
}

/* A remittance voucher approved today, before the post office's
 * statement lists it: awaiting the statement (in transit, not a
 * difference) today; reconciled on the day its window of
 * RECON_POST_OFFICE_TRANSIT_DAYS ends, still not on a statement, it is a
 * difference; once the statement quoting its remittance code is
 * imported, both days are clean. */
static void
test_C09_voucher_in_transit_until_its_statement(void **state)
{
	struct client		*cl;
	struct rem_upload	 u;
	struct rem_import	 res;
	struct db_order		 o;
	struct buf		 out;
	char			 email[128], doc[512], day[11], err[300];
	char			 msg[300], csv[256];
	const char		*field;
	int64_t			 id, vid, now, end;
	mp_date			 d;

	(void)state;
	shop_register(email, sizeof(email), "recon-rem", "Remy Transit",
	    DEMO_PASSWORD);
	cl = shop_signin(email);
	id = shop_place_one(cl, email, "HOME-VACUUM-R5", "remittance",
	    "remittance", "remittance", NULL, 0);
	/* The clock is read after the order exists: the voucher's events
	 * must not come before the order's own (check compares them). */
	now = clock_now();
	end = now + 5 * 86400;
	memset(&u, 0, sizeof(u));
	u.data = doc;
	u.len = (size_t)snprintf(doc, sizeof(doc), "%%PDF-1.4\n1 0 obj << "
	    "/Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages "
	    "/Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent "
	    "2 0 R /MediaBox [0 0 200 100] >> endobj\ntrailer << /Root 1 0 R "
	    ">>\n%%%%EOF\n");
	u.amount = "459.00";
	assert_int_equal(mp_date_from_unix(now, &d), 0);
	u.date = mp_date_str(d, day, sizeof(day));
	u.tracking = "PO-TRANSIT-1";
	u.key = "recon-transit";
	assert_int_equal(remittance_upload(shop_db(), shop_config(),
	    shop_user_id(email), id, &u, now, &vid, err, sizeof(err), &field),
	    RES_OK);
	assert_int_equal(remittance_decide(shop_db(), shop_user_id(ADMIN), id,
	    vid, 45900, NULL, now, msg, sizeof(msg)), RES_OK);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	buf_init(&out);
	po_reconciled(&out, now, "awaiting_statement", o.rf_code);
	po_reconciled(&out, end, "not_charged", o.rf_code);
	/* The statement arrives (the order is paid: the line changes no
	 * order, the post office's books keep it). */
	snprintf(csv, sizeof(csv), "code,amount,currency,date,tracking\n"
	    "%s,459.00,USD,%s,PO-TRANSIT-1\n", o.rf_code, day);
	assert_int_equal(remittance_import(shop_db(), shop_user_id(ADMIN), csv,
	    strlen(csv), now, &res, err, sizeof(err)), 0);
	po_reconciled(&out, now, NULL, o.rf_code);
	po_reconciled(&out, end, NULL, o.rf_code);
	buf_cleanup(&out);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C09_web_down_payment_in_the_banks_report),
		cmocka_unit_test(test_C09_reconcile_lists_exactly_the_differences),
		cmocka_unit_test(test_C09_courier_books_keep_cod_collections),
		cmocka_unit_test(test_C09_post_office_books_keep_the_statement),
		cmocka_unit_test(test_C09_voucher_in_transit_until_its_statement),
	};
	mp_date d;
	int rc;

	shop_init();
	if (sandbox_books_init(shop_config()) == -1)
		return 1;
	/* A day of its own between 2040 and 2067. */
	if (mp_date_from_ymd(2040, 1, 1, &d) == -1 ||
	    mp_date_add_days(d, (int32_t)(getpid() % 10000), &d) == -1)
		return 1;
	day_noon = mp_date_to_unix(d) + 12 * 3600;
	mp_date_str(d, day_str, sizeof(day_str));
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	sandbox_books_end();
	shop_end();
	return rc;
}
