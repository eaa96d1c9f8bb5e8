/*
 * Money owed paid in and money held paid out, against the private stack:
 *
 * - a COD refusal debt (COD-F2: round-trip shipping + COD fee charged to
 *   the account) paid by the shopper's card from the account's cash on
 *   delivery page: charged once under the debt's bank key, on the ledger
 *   (the buyer's receivable back to zero), settled; a declined card or a
 *   bad expiry charges nothing and says so beside the card fields; a
 *   second payment is refused (409) in words, the same request key gets
 *   the first answer; 20 payments at once: one charge, one entry;
 * - a company's credit (company:<id>:credit) paid out by an admin to the
 *   company's bank account: amounts above the credit or <= 0 refused with
 *   the reason beside the field, the ledger's credit down by the payout,
 *   the key reused with other figures refused (409); two payouts of the
 *   whole credit at once: one succeeds.
 *
 * Each test ends with `mallpayctl check` clean and `mallpayctl reconcile`
 * of the day listing no difference on its own money. Test SQL uses the
 * tests' statement slot DB_T_TEST. Run by tests/integration/suite.sh.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "core/buf.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/stmt.h"
#include "service/ledger.h"
#include "ctl.h"
#include "shop.h"

#define ADMIN		"admin@demo.test"
#define VACUUM		"HOME-VACUUM-R5"	/* USD 459.00, COD fee 18.36 */
#define EV_PATH		"/partner/logistics/events"
#define VISA		"4111111111111111"
#define BROKE		"4000000000000341"	/* every deduction fails */
#define RACERS		20

enum tstmt { T_DEBT, T_LINES, T_CHARGES, T__MAX };

static const char *const tstmts[T__MAX] = {
	/* T_DEBT: the debt of an order, and whether it is settled */
	"SELECT id, settled_at IS NOT NULL FROM account_debts WHERE "
	"order_id = ?",
	/* T_LINES: the ledger lines of an entry */
	"SELECT COUNT(*) FROM ledger_lines WHERE entry_key = ?",
	/* T_CHARGES: the bank's own books: charges under a key */
	"SELECT COUNT(*) FROM sandbox_partner_ops WHERE partner = 'bank' AND "
	"kind = 'charge' AND reference = ?",
};

/* Statement idx bound with the text s: the first column of its row. */
static int64_t
count_of(enum tstmt idx, const char *s)
{
	struct dbq	*q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);
	int64_t		 v = -1;

	assert_non_null(q);
	dbq_cstr(q, s);
	assert_int_equal(dbq_one_int(q, &v), 1);
	return v;
}

/* The debt of order id into *debt; returns 1 when settled. */
static int
debt_of(int64_t id, int64_t *debt)
{
	struct dbq	*q = dbq_get(shop_db(), DB_T_TEST, T_DEBT,
			    tstmts[T_DEBT]);
	int		 settled;

	assert_non_null(q);
	dbq_int(q, id);
	assert_int_equal(dbq_exec_fetch(q), 1);
	*debt = dbq_col_int(q, 0);
	settled = (int)dbq_col_int(q, 1);
	dbq_done(q);
	return settled;
}

/* Logistics partner 1 sends event type on order id (extra members). */
static void
event(const char *type, int64_t id, const char *extra)
{
	static int	n;
	char		json[512];
	long		st;

	snprintf(json, sizeof(json), "{\"event_id\":\"mo%d-%d\",\"type\":"
	    "\"%s\",\"order_id\":%lld%s}", (int)getpid(), ++n, type,
	    (long long)id, extra);
	st = shop_partner_post(1, EV_PATH, json, 0, SHOP_SIGNED, NULL);
	if (st != 200)
		fail_msg("%s of #%lld: %ld", type, (long long)id, st);
}

/* A refused COD parcel's debt: its shopper (signed in), ids. */
struct debt {
	struct client	*cl;
	int64_t		 user_id, order, id;
};

/* A fresh shopper whose COD order was refused at the door without a
 * valid reason (COD-F2: USD 8.00 + 18.36 owed) into *d. */
static void
refused_debt(const char *tag, struct debt *d)
{
	struct client		*adm = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 email[128], path[80];

	shop_register(email, sizeof(email), tag, "Dee Debt", DEMO_PASSWORD);
	d->cl = shop_signin(email);
	d->user_id = shop_user_id(email);
	d->order = shop_place_one(d->cl, email, VACUUM, "cod", NULL, "COD",
	    NULL, 0);
	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-approve",
	    (long long)d->order);
	shop_post(adm, "/admin/queues/cod", path, &r, "from",
	    "awaiting_review", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	event("shipped", d->order, ",\"carrier\":\"Demo Express\","
	    "\"tracking\":\"DX0000000077\"");
	event("refused", d->order, ",\"reason\":\"no_valid_reason\","
	    "\"round_trip_shipping\":\"8.00\"");
	assert_string_equal(shop_status(d->order), "refused");
	assert_int_equal(debt_of(d->order, &d->id), 0);
	client_free(adm);
}

/* The pay page of debt d (its path into path): it must show the amount
 * owed and the way to the bank's page, no card field. */
static void
pay_page(const struct debt *d, char *path, size_t pathsz)
{
	struct client_resp r;

	snprintf(path, pathsz, "/account/cod/debts/%lld/pay", (long long)d->id);
	shop_get(d->cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "USD 26.36"));
	assert_true(client_has(&r, "id=\"debt-pay-button\""));
	assert_false(client_has(&r, "card_number"));
	client_resp_cleanup(&r);
}

/* Pay debt d as its shopper with card pan on the bank's page; the mall's
 * answer to the bank's return (a 303) into *r. */
static void
pay_at_bank(const struct debt *d, const char *pan, struct client_resp *r)
{
	char path[64];

	pay_page(d, path, sizeof(path));
	shop_card_via_bank(d->cl, path, path, pan, SHOP_3DS_PASS, NULL, r);
	assert_int_equal(r->status, 303);
	assert_non_null(r->location);
}

/* The bank key of d ("coddebt-<id>") into out. */
static const char *
bank_key(const struct debt *d, char *out, size_t outsz)
{
	snprintf(out, outsz, "coddebt-%lld", (long long)d->id);
	return out;
}

/* What d's buyer owes on the ledger (buyer receivable, USD). */
static int64_t
owed(const struct debt *d)
{
	char	acct[LEDGER_ACCT_MAX];
	int64_t	bal = -1;

	ledger_acct_buyer_receivable(acct, sizeof(acct), d->user_id);
	assert_int_equal(ledger_balance(shop_db(), acct, "USD", &bal), 0);
	return bal;
}

/* Add delta minor units to the amount of debt id (a fixture through
 * shop_sql()). */
static void
debt_add(int64_t id, int delta)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "UPDATE account_debts SET amount_minor = "
	    "amount_minor + %d WHERE id = %lld", delta, (long long)id);
	shop_sql(sql);
}

/* 1 if ref is arg (a reference of the test's own money). */
static int
same_ref(const char *ref, void *arg)
{
	return strcmp(ref, arg) == 0;
}

/* check clean, and reconcile of today nothing to say about ref. */
static void
books_clean(char *ref)
{
	assert_int_equal(mallpayctl_check(), 0);
	assert_int_equal(mallpayctl_reconcile_own(clock_now(), clock_now(),
	    same_ref, ref), 0);
}

/* COD-F2: the debt of a refused parcel paid by card from the account's
 * COD page, the card typed on the bank's page: charged once, on the ledger
 * (nothing owed any more), settled, the shopper back on the debt's page
 * told it is paid; asked to pay again, the page says it is paid and
 * nothing is opened at the bank. */
static void
test_COD_F2_debt_paid_by_card(void **state)
{
	struct debt		 d;
	struct client_resp	 r;
	char			 link[64], bk[40], path[64];

	(void)state;
	refused_debt("debtpay", &d);
	bank_key(&d, bk, sizeof(bk));
	snprintf(link, sizeof(link), "href=\"/account/cod/debts/%lld/pay\"",
	    (long long)d.id);
	shop_get(d.cl, "/account/cod", &r);
	assert_true(client_has(&r, link));
	client_resp_cleanup(&r);
	assert_int_equal(owed(&d), 2636);
	pay_at_bank(&d, VISA, &r);
	assert_non_null(strstr(r.location, "?msg=paid"));
	client_resp_cleanup(&r);
	assert_int_equal(debt_of(d.order, &d.id), 1);
	assert_int_equal(owed(&d), 0);
	assert_int_equal(count_of(T_LINES, bk), 2);
	assert_int_equal(count_of(T_CHARGES, bk), 1);
	snprintf(path, sizeof(path), "/account/cod/debts/%lld/pay?msg=paid",
	    (long long)d.id);
	shop_get(d.cl, path, &r);
	assert_true(client_has(&r, "id=\"debt-paid\""));
	assert_false(client_has(&r, "id=\"debt-pay-button\""));
	client_resp_cleanup(&r);
	shop_get(d.cl, "/account/cod", &r);
	assert_false(client_has(&r, link));
	assert_true(client_has(&r, "settled"));
	client_resp_cleanup(&r);
	/* Asked to pay again: 409, nothing opened at the bank. */
	snprintf(path, sizeof(path), "/account/cod/debts/%lld/pay",
	    (long long)d.id);
	shop_post(d.cl, "/account/cod", path, &r, NULL);
	assert_int_equal(r.status, 409);
	assert_true(client_has(&r, "id=\"debt-settled\""));
	client_resp_cleanup(&r);
	assert_int_equal(count_of(T_LINES, bk), 2);
	assert_int_equal(count_of(T_CHARGES, bk), 1);
	books_clean(bk);
	/* check compares the settled debt with its entry. */
	debt_add(d.id, 1);
	assert_int_not_equal(mallpayctl_check(), 0);
	debt_add(d.id, -1);
	assert_int_equal(mallpayctl_check(), 0);
	client_free(d.cl);
}

/* COD-F2: a card the bank refuses on its page, a card it takes but whose
 * charge it declines: back on the debt's page with the bank's reason,
 * nothing charged, nothing recorded, the debt still open; another
 * shopper's debt is not found (404). */
static void
test_COD_F2_debt_refused_card_charges_nothing(void **state)
{
	struct debt		 d, other;
	struct client_resp	 r, p;
	char			 bk[40], path[64];

	(void)state;
	refused_debt("debtno", &d);
	bank_key(&d, bk, sizeof(bk));
	pay_at_bank(&d, "4000000000000002", &r);
	assert_non_null(strstr(r.location, "?cs="));
	shop_get(d.cl, strstr(r.location, "/account/"), &p);
	assert_true(client_has(&p, "id=\"debt-declined\""));
	assert_true(client_has(&p, "insufficient credit"));
	assert_true(client_has(&p, "Nothing was charged"));
	client_resp_cleanup(&p);
	client_resp_cleanup(&r);
	pay_at_bank(&d, BROKE, &r);
	assert_non_null(strstr(r.location, "?cs="));
	shop_get(d.cl, strstr(r.location, "/account/"), &p);
	assert_true(client_has(&p, "id=\"debt-declined\""));
	assert_true(client_has(&p, "insufficient funds"));
	client_resp_cleanup(&p);
	client_resp_cleanup(&r);
	assert_int_equal(debt_of(d.order, &d.id), 0);
	assert_int_equal(owed(&d), 2636);
	assert_int_equal(count_of(T_LINES, bk), 0);
	assert_int_equal(count_of(T_CHARGES, bk), 0);
	/* Another shopper's debt. */
	refused_debt("debtother", &other);
	snprintf(path, sizeof(path), "/account/cod/debts/%lld/pay",
	    (long long)other.id);
	shop_post(d.cl, "/account/cod", path, &r, NULL);
	assert_int_equal(r.status, 404);
	client_resp_cleanup(&r);
	bank_key(&other, bk, sizeof(bk));
	assert_int_equal(count_of(T_CHARGES, bk), 0);
	books_clean(bk);
	client_free(other.cl);
	client_free(d.cl);
}

/* One racer: POST body to path as cl once the barrier lets it go. */
struct racer {
	struct client		*cl;
	char			 path[96];
	char			*body;
	long			 status;
	pthread_barrier_t	*go;
};

static void *
racer_run(void *arg)
{
	struct racer		*x = arg;
	struct client_resp	 r;

	pthread_barrier_wait(x->go);
	memset(&r, 0, sizeof(r));
	if (client_post(x->cl, x->path, x->body, &r) == 0)
		x->status = r.status;
	client_resp_cleanup(&r);
	return NULL;
}

/* Release the n racers of x together; how many answered ok (303). Fails
 * on a 5xx or no answer; every other answer must be refused. */
static int
race(struct racer *x, size_t n, long refused)
{
	pthread_t		t[RACERS];
	pthread_barrier_t	go;
	size_t			i;
	int			ok = 0;

	assert_true(n <= RACERS);
	assert_int_equal(pthread_barrier_init(&go, NULL, (unsigned)n), 0);
	for (i = 0; i < n; i++) {
		x[i].go = &go;
		assert_int_equal(pthread_create(&t[i], NULL, racer_run, &x[i]),
		    0);
	}
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&go);
	for (i = 0; i < n; i++) {
		if (x[i].status == 303)
			ok++;
		else if (x[i].status != refused)
			fail_msg("racer %zu: %ld", i, x[i].status);
		free(x[i].body);
		client_free(x[i].cl);
	}
	return ok;
}

/* n clients sharing cl's session into x with path; their csrf into *csrf
 * (malloc'd) from page. */
static void
racers(struct racer *x, size_t n, struct client *cl, const char *path,
    const char *page, char **csrf)
{
	char	*sess = client_cookie(cl, "mp_session");
	size_t	 i;

	assert_non_null(sess);
	*csrf = client_csrf_of(cl, page);
	assert_non_null(*csrf);
	memset(x, 0, n * sizeof(*x));
	for (i = 0; i < n; i++) {
		x[i].cl = client_new();
		client_set_cookie(x[i].cl, "mp_session", sess);
		snprintf(x[i].path, sizeof(x[i].path), "%s", path);
	}
	free(sess);
}

/* COD-F2: two sessions at the bank for one debt (two tabs), both
 * completed: the first outcome charges the debt, the second finds it
 * settled under the debt's lock and charges nothing; one charge, one
 * entry, nothing owed. */
static void
test_COD_F2_debt_pay_race(void **state)
{
	struct client_resp	 a, b, r;
	struct debt		 d;
	char			 path[64], bk[40];

	(void)state;
	refused_debt("debtrace", &d);
	bank_key(&d, bk, sizeof(bk));
	pay_page(&d, path, sizeof(path));
	shop_post(d.cl, path, path, &a, NULL);
	shop_post(d.cl, path, path, &b, NULL);
	assert_int_equal(a.status, 303);
	assert_int_equal(b.status, 303);
	assert_non_null(a.location);
	assert_non_null(b.location);
	shop_bank_page(d.cl, a.location, VISA, SHOP_3DS_PASS, NULL, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	shop_bank_page(d.cl, b.location, VISA, SHOP_3DS_PASS, NULL, &r);
	assert_int_equal(r.status, 303);
	assert_non_null(strstr(r.location, "?msg=paid"));
	client_resp_cleanup(&r);
	client_resp_cleanup(&a);
	client_resp_cleanup(&b);
	assert_int_equal(debt_of(d.order, &d.id), 1);
	assert_int_equal(count_of(T_LINES, bk), 2);
	assert_int_equal(count_of(T_CHARGES, bk), 1);
	assert_int_equal(owed(&d), 0);
	books_clean(bk);
	client_free(d.cl);
}

/* Give company cid amount (USD minor units) of credit, as a transfer's
 * excess would (the ledger's company:<cid>:credit), under entry key tag. */
static void
give_credit(int64_t cid, int64_t amount, const char *tag)
{
	struct ledger_entry	e;
	char			key[64], cred[LEDGER_ACCT_MAX];

	memset(&e, 0, sizeof(e));
	snprintf(key, sizeof(key), "test-credit-%lld-%d-%s", (long long)cid,
	    (int)getpid(), tag);
	e.kind = LK_TRANSFER;
	e.key = key;
	e.currency = "USD";
	e.memo = "test fixture: a transfer's excess";
	e.at = clock_now();
	e.moves[0].debit = LEDGER_PLATFORM_CASH;
	e.moves[0].credit = ledger_acct_company_credit(cred, sizeof(cred), cid);
	e.moves[0].amount = amount;
	e.nmoves = 1;
	assert_int_equal(ledger_post(shop_db(), &e), 0);
}

/* The credit company cid holds (USD minor units). */
static int64_t
credit_of(int64_t cid)
{
	char	acct[LEDGER_ACCT_MAX];
	int64_t	bal = -1;

	ledger_acct_company_credit(acct, sizeof(acct), cid);
	assert_int_equal(ledger_balance(shop_db(), acct, "USD", &bal), 0);
	return -bal;
}

/* A fresh company (its member's client freed); its id. */
static int64_t
new_company(const char *tag)
{
	int64_t	cid, uid;

	client_free(shop_company_member(tag, "verified", &cid, &uid));
	return cid;
}

/* The payout form's key on the company's admin page (malloc'd); the page
 * must show held as the credit. */
static char *
payout_key(struct client *adm, int64_t cid, const char *held)
{
	struct client_resp	 r;
	char			 path[64], want[80], *key;

	snprintf(path, sizeof(path), "/admin/companies/%lld", (long long)cid);
	shop_get(adm, path, &r);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "Credit held: <strong>%s</strong>", held);
	if (!client_has(&r, want))
		fail_msg("no \"%s\" on %s", want, path);
	assert_true(client_has(&r, "id=\"payout-form\""));
	key = client_between(r.body, "name=\"key\" value=\"", "\"");
	assert_non_null(key);
	client_resp_cleanup(&r);
	return key;
}

/* The payout form's body (malloc'd). */
static char *
payout_body(const char *csrf, const char *amount, const char *account,
    const char *key)
{
	return client_form("csrf", csrf, "amount", amount, "currency", "USD",
	    "account", account, "reference", "HBB-OUT-1", "key", key, NULL);
}

/* POST a payout of company cid as adm; the status, the answer into out
 * when not NULL. */
static long
payout(struct client *adm, int64_t cid, const char *amount,
    const char *account, const char *key, struct client_resp *out)
{
	struct client_resp	 r;
	char			 path[80];
	long			 st;

	snprintf(path, sizeof(path), "/admin/companies/%lld/credit/payout",
	    (long long)cid);
	shop_post(adm, "/admin/companies", path, &r, "amount", amount,
	    "currency", "USD", "account", account, "reference", "HBB-OUT-1",
	    "key", key, NULL);
	st = r.status;
	if (out != NULL)
		*out = r;
	else
		client_resp_cleanup(&r);
	return st;
}

/* POST a payout that must be refused with 400 and text beside the field
 * whose error id is err_id. */
static void
payout_refused(struct client *adm, int64_t cid, const char *amount,
    const char *account, const char *key, const char *err_id,
    const char *text)
{
	struct client_resp	r;
	char			want[64];

	assert_int_equal(payout(adm, cid, amount, account, key, &r), 400);
	snprintf(want, sizeof(want), "id=\"%s\"", err_id);
	if (!client_has(&r, want) || !client_has(&r, text))
		fail_msg("payout %s: no %s \"%s\"", amount, want, text);
	client_resp_cleanup(&r);
}

/* INST-P3: a company's credit (its transfers' excess) paid out by an admin
 * to its bank account: amounts above the credit, zero, negative or an
 * empty account refused beside the field; a payout takes it off the
 * credit, the same key answers the first time, with other figures 409. */
static void
test_INST_P3_company_credit_paid_out(void **state)
{
	struct client		*adm = shop_signin(ADMIN);
	struct client_resp	 r;
	int64_t			 cid = new_company("payout");
	char			*key, page[64];

	(void)state;
	give_credit(cid, 50000, "a");
	key = payout_key(adm, cid, "USD 500.00");
	payout_refused(adm, cid, "600.00", "MY-0001", key, "payout-amount-err",
	    "The company&#39;s credit is USD 500.00");
	payout_refused(adm, cid, "0", "MY-0001", key, "payout-amount-err",
	    "above zero");
	payout_refused(adm, cid, "-5.00", "MY-0001", key, "payout-amount-err",
	    "");
	payout_refused(adm, cid, "100.00", "", key, "payout-account-err",
	    "bank account");
	assert_int_equal(credit_of(cid), 50000);
	assert_int_equal(payout(adm, cid, "200.00", "MY-0001", key, NULL), 303);
	assert_int_equal(credit_of(cid), 30000);
	snprintf(page, sizeof(page), "/admin/companies/%lld/credit",
	    (long long)cid);
	shop_get(adm, page, &r);
	assert_true(client_has(&r, "Credit held: <strong>USD 300.00</strong>"));
	assert_true(client_has(&r, "HBB-OUT-1"));
	client_resp_cleanup(&r);
	/* The same request again; the key with other figures. */
	assert_int_equal(payout(adm, cid, "200.00", "MY-0001", key, NULL), 303);
	assert_int_equal(payout(adm, cid, "100.00", "MY-0001", key, &r), 409);
	assert_true(client_has(&r, "already used"));
	client_resp_cleanup(&r);
	assert_int_equal(credit_of(cid), 30000);
	assert_int_equal(mallpayctl_check(), 0);
	free(key);
	client_free(adm);
}

/* INST-P3: two payouts of the whole credit at once, ten times: one
 * succeeds each time, the other is refused (400, nothing left), the
 * credit never goes below zero. */
static void
test_INST_P3_company_credit_payout_race(void **state)
{
	struct client	*adm = shop_signin(ADMIN);
	struct racer	 x[2];
	int64_t		 cid = new_company("payrace");
	char		 path[80], key[48], tag[8], *csrf;
	int		 round, i;

	(void)state;
	snprintf(path, sizeof(path), "/admin/companies/%lld/credit/payout",
	    (long long)cid);
	for (round = 0; round < 10; round++) {
		snprintf(tag, sizeof(tag), "r%d", round);
		give_credit(cid, 10000, tag);
		racers(x, 2, adm, path, "/admin/companies", &csrf);
		for (i = 0; i < 2; i++) {
			snprintf(key, sizeof(key), "payrace-%d-%d-%d",
			    (int)getpid(), round, i);
			x[i].body = payout_body(csrf, "100.00", "MY-0002", key);
		}
		assert_int_equal(race(x, 2, 400), 1);
		assert_int_equal(credit_of(cid), 0);
		free(csrf);
	}
	assert_int_equal(mallpayctl_check(), 0);
	client_free(adm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_COD_F2_debt_paid_by_card),
		cmocka_unit_test(test_COD_F2_debt_refused_card_charges_nothing),
		cmocka_unit_test(test_COD_F2_debt_pay_race),
		cmocka_unit_test(test_INST_P3_company_credit_paid_out),
		cmocka_unit_test(test_INST_P3_company_credit_payout_race),
	};
	int rc;

	shop_init();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	shop_end();
	return rc;
}
