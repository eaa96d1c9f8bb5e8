/*
 * Failed payments explained and the inbox against the private stack: a
 * card installment's down payment declined by the bank (4000000000000341)
 * says what happened and offers another card, which then pays it (one
 * charge in the bank's books); an automatic deduction failing on six days
 * leaves one message with its count and the order says what to do; the
 * Messages page groups an order's messages together and marks them all
 * read.
 *
 * The web server runs on the real clock; the deductions are driven by
 * `mallpayctl tick --now`. Every shopper is registered fresh. Test-only
 * SQL uses the tests' statement slot DB_T_TEST. Run by
 * tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "core/calendar.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/stmt.h"
#include "service/plans.h"
#include "shop.h"

#define PASSWORD	"fail-test-password-1"
#define VISA		"4111111111111111"
#define FAILING		"4000000000000341"
#define SKU		"HOME-WASHER-8"		/* USD 729.00 */
#define CARD_PLAN	"installment_card:harbor-bank:6"
#define FAILED_SUBJECT	"Installment deduction failed"

enum tstmt { T_MSGS, T_ALL_MSGS, T_CHARGES, T_CHARGED, T_UNREAD, T__MAX };

static const char *const tstmts[T__MAX] = {
	/* T_MSGS: the messages of a user with a subject */
	"SELECT COUNT(*) FROM messages WHERE user_id = ? AND subject = ?",
	/* T_ALL_MSGS */
	"SELECT COUNT(*) FROM messages WHERE user_id = ?",
	/* T_CHARGES: the bank's own books for a plan's installments */
	"SELECT COUNT(*) FROM sandbox_partner_ops WHERE partner = 'bank' AND "
	"kind = 'charge' AND reference LIKE CONCAT('plan', ?, '-i%')",
	/* T_CHARGED: what they charged */
	"SELECT COALESCE(SUM(amount_minor), 0) FROM sandbox_partner_ops WHERE "
	"partner = 'bank' AND kind = 'charge' AND "
	"reference LIKE CONCAT('plan', ?, '-i%')",
	/* T_UNREAD */
	"SELECT COUNT(*) FROM messages WHERE user_id = ? AND read_at IS NULL",
};

/* A fresh shopper: its client (signed in), email and id. */
struct shopper {
	struct client	*cl;
	char		 email[128];
	int64_t		 id;
};

/* The shopper of the six failing ticks, whose inbox the grouping test
 * reads, and its two orders. */
static struct {
	struct shopper	s;
	int64_t		failing, other;
} ticked;

/* The one number test query idx answers, bound to id (and str when not
 * NULL). */
static int64_t
one(enum tstmt idx, int64_t id, const char *str)
{
	struct dbq	*q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);
	int64_t		 v;

	assert_non_null(q);
	dbq_int(q, id);
	if (str != NULL)
		dbq_cstr(q, str);
	v = dbq_count(q);
	assert_true(v >= 0);
	return v;
}

/* Sign s in, on a new client (a tick in the future purges sessions). */
static void
signin(struct shopper *s)
{
	if (s->cl != NULL)
		client_free(s->cl);
	s->cl = client_new();
	assert_int_equal(client_signin(s->cl, s->email, PASSWORD), 303);
}

/* Register, verify (score 700) and sign in a fresh shopper. */
static void
shopper_new(struct shopper *s, const char *tag)
{
	memset(s, 0, sizeof(*s));
	shop_register(s->email, sizeof(s->email), tag, "Fay Failure",
	    PASSWORD);
	s->id = shop_user_id(s->email);
	shop_credit_score(s->email, 700);
	signin(s);
}

/* Bind pan to s's order id at the bank's hosted page. */
static void
bind_card(struct shopper *s, int64_t id, const char *pan)
{
	shop_bind_card(s->cl, id, pan);
}

/* s's card installment order of one washing machine, the card pan
 * approved by the bank's review (the order awaits confirmation). */
static int64_t
card_order(struct shopper *s, const char *pan)
{
	int64_t id;

	id = shop_place_one(s->cl, s->email, SKU, CARD_PLAN, CARD_PLAN,
	    "card installment", NULL, 0);
	bind_card(s, id, pan);
	return id;
}

/* POST the confirmation form of order id (its csrf and key), after
 * binding the card pan at the bank's page when not NULL; fills r. */
static void
confirm(struct shopper *s, int64_t id, const char *pan, struct client_resp *r)
{
	struct client_resp	 g;
	char			 page[64], *tok, *key, *body;

	if (pan != NULL)
		bind_card(s, id, pan);
	snprintf(page, sizeof(page), "/orders/%lld/confirm", (long long)id);
	shop_get(s->cl, page, &g);
	assert_int_equal(g.status, 200);
	tok = client_csrf(g.body);
	key = client_between(g.body, "name=\"key\" value=\"", "\"");
	assert_non_null(tok);
	assert_non_null(key);
	body = client_form("csrf", tok, "key", key, NULL);
	memset(r, 0, sizeof(*r));
	assert_int_equal(client_post(s->cl, page, body, r), 0);
	free(body);
	free(tok);
	free(key);
	client_resp_cleanup(&g);
}

/* The due date of installment 2 of order id's plan. */
static mp_date
due2_of(int64_t id)
{
	struct plan_view	v;
	mp_date			d;

	assert_int_equal(plan_load(shop_db(), 0, id, clock_now(), &v),
	    RES_OK);
	d = v.inst[1].due;
	plan_view_cleanup(&v);
	return d;
}

/* GET path as s: must be 200 and hold every NULL-terminated string. */
static void
page_has(struct shopper *s, const char *path, ...)
{
	struct client_resp	 r;
	const char		*want;
	va_list			 ap;

	shop_get(s->cl, path, &r);
	assert_int_equal(r.status, 200);
	va_start(ap, path);
	while ((want = va_arg(ap, const char *)) != NULL)
		if (!client_has(&r, want))
			fail_msg("%s lacks \"%s\"", path, want);
	va_end(ap);
	client_resp_cleanup(&r);
}

/* The bank declines the down payment (insufficient funds): the page says
 * so in words, that nothing was charged, and offers another card and the
 * cancellation; the order page says the same. Another card then pays the
 * down payment: the order moves on and the bank's books hold one charge,
 * the down payment. */
static void
test_down_payment_declined_explained_other_card_pays(void **state)
{
	struct shopper		s;
	struct client_resp	r;
	struct db_plan		p;
	char			path[64];
	int64_t			id;

	(void)state;
	shopper_new(&s, "fail-down");
	id = card_order(&s, FAILING);
	confirm(&s, id, NULL, &r);
	assert_int_equal(r.status, 402);
	assert_true(client_has(&r, "The down payment was not taken"));
	assert_true(client_has(&r, "declined it for insufficient funds"));
	assert_true(client_has(&r, "Nothing was charged."));
	assert_true(client_has(&r, "id=\"pay-other-card\""));
	assert_true(client_has(&r, "id=\"pay-failure-cancel\""));
	client_resp_cleanup(&r);
	assert_string_equal(shop_status(id), "awaiting_confirmation");
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_has(&s, path, "The down payment was not taken",
	    "declined it for insufficient funds", "id=\"pay-other-card\"",
	    "id=\"pay-same-card\"", NULL);
	/* Another card, from the form at hand. */
	confirm(&s, id, VISA, &r);
	if (r.status != 303)
		fail_msg("another card: %ld %s", r.status, r.body);
	client_resp_cleanup(&r);
	assert_string_equal(shop_status(id), "pending_shipment");
	assert_int_equal(db_plan_by_order(shop_db(), 0, id, &p), 1);
	assert_string_equal(p.card_last4, "1111");
	assert_int_equal(one(T_CHARGES, p.id, NULL), 1);
	assert_int_equal(one(T_CHARGED, p.id, NULL), 12733);	/* 121.50 + 5.83 */
	page_has(&s, path, "Pending shipment", NULL);
	shop_get(s.cl, path, &r);
	assert_false(client_has(&r, "id=\"pay-failure\""));
	client_resp_cleanup(&r);
	client_free(s.cl);
}

/* An automatic deduction failing on six days in a row: one message that
 * says what happened, with its count, and the order page explains it with
 * "repay now" and another card at hand. */
static void
test_deduction_failing_six_ticks_one_message(void **state)
{
	struct shopper		*s = &ticked.s;
	struct client_resp	 r;
	char			 path[64];
	mp_date			 due2;
	int			 k;

	(void)state;
	shopper_new(s, "fail-ticks");
	ticked.failing = card_order(s, VISA);
	confirm(s, ticked.failing, NULL, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	ticked.other = card_order(s, VISA);
	confirm(s, ticked.other, NULL, &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	/* The repayments from a card whose deductions fail. */
	bind_card(s, ticked.failing, FAILING);
	due2 = due2_of(ticked.failing);
	for (k = 0; k < 6; k++)
		shop_tick(mp_date_to_unix(due2) + (int64_t)k * 86400 +
		    12 * 3600, "installments");
	fprintf(stderr, "six failing ticks: %lld messages in all, %lld "
	    "about the failed deduction\n", (long long)one(T_ALL_MSGS, s->id,
	    NULL), (long long)one(T_MSGS, s->id, FAILED_SUBJECT));
	assert_int_equal(one(T_MSGS, s->id, FAILED_SUBJECT), 1);
	signin(s);
	page_has(s, "/messages", FAILED_SUBJECT " (6 tries)",
	    "declined it for insufficient funds", NULL);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)ticked.failing);
	page_has(s, path, "Installment 2 was not deducted", "(6 tries)",
	    "Nothing was charged.", "id=\"repay-now\"", "id=\"use-other-card\"",
	    NULL);
}

/* The Messages page: each order's messages together under its number,
 * although another order's came in between; "Mark all as read" leaves
 * nothing unread. */
static void
test_messages_grouped_by_order_mark_all_read(void **state)
{
	struct shopper		*s = &ticked.s;
	struct client_resp	 r;
	char			 mark[64], *group, *end;

	(void)state;
	assert_true(ticked.other > 0);
	signin(s);
	shop_get(s->cl, "/messages", &r);
	assert_int_equal(r.status, 200);
	snprintf(mark, sizeof(mark), "id=\"messages-order-%lld\"",
	    (long long)ticked.failing);
	group = strstr(r.body, mark);
	if (group == NULL)
		fail_msg("no group of order #%lld on /messages",
		    (long long)ticked.failing);
	end = strstr(group, "</section>");
	assert_non_null(end);
	*end = '\0';
	/* The failing order's approval, confirmation and failure, and
	 * nothing of the other order, in its group. */
	assert_non_null(strstr(group, "Installment approved"));
	assert_non_null(strstr(group, "Installment confirmed"));
	assert_non_null(strstr(group, FAILED_SUBJECT));
	snprintf(mark, sizeof(mark), "#%lld", (long long)ticked.other);
	assert_null(strstr(group, mark));
	client_resp_cleanup(&r);
	snprintf(mark, sizeof(mark), "id=\"messages-order-%lld\"",
	    (long long)ticked.other);
	page_has(s, "/messages", mark, "id=\"mark-all-read\"", NULL);
	assert_true(one(T_UNREAD, s->id, NULL) > 0);
	shop_post(s->cl, "/messages", "/messages/read", &r, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	assert_int_equal(one(T_UNREAD, s->id, NULL), 0);
	shop_get(s->cl, "/messages", &r);
	assert_false(client_has(&r, "class=\"message unread\""));
	assert_false(client_has(&r, "id=\"mark-all-read\""));
	client_resp_cleanup(&r);
	client_free(s->cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_down_payment_declined_explained_other_card_pays),
		cmocka_unit_test(test_deduction_failing_six_ticks_one_message),
		cmocka_unit_test(test_messages_grouped_by_order_mark_all_read),
	};
	int	rc;

	shop_init();
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	shop_end();
	return rc;
}
