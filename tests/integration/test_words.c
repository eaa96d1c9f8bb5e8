/*
 * Words, not codes: a fresh shopper walks the whole journey over HTTP
 * (checkout, one order of each method: card installment, partner
 * installment, credit line, cash on delivery, remittance, Pay After Use;
 * the order pages, schedules, My Orders, messages and the account pages)
 * and no page shows a code: no institution id (read from the institutions
 * table), no order status code with an underscore, no method code (but
 * "remittance", also the method's plain name), no COD refusal reason code
 * (read from the schema), no card brand in lowercase,
 * no COD rule id tagged onto another method's tracking, no "1 days" (an
 * installment made overdue by a day shows "1 day").
 * Rule ids in the sentences that explain a rule are words and allowed.
 * Only the visible text counts (tags, attributes, scripts and styles are
 * stripped). Run by tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/stmt.h"
#include "rules/verdict.h"
#include "service/orderflow.h"
#include "shop.h"

#define PASSWORD	"words-test-password-1"
#define ADMIN		"admin@demo.test"
#define VISA		"4111111111111111"
#define WASHER		"HOME-WASHER-8"
#define VACUUM		"HOME-VACUUM-R5"
#define EARBUDS		"DIG-EARBUDS"
#define CARD_PLAN	"installment_card:harbor-bank:6"
#define PARTNER_PLAN	"installment_partner:lotus-finance:6"
#define CL_PLAN		"credit_line:mallpay-credit:6"
#define MAX_CODES	128

enum tstmt { T_SETUP, T_INST, T_ENUM, T_READY, T_LATE, T__MAX };

static const char *const tstmts[T__MAX] = {
	/* T_SETUP */
	"UPDATE users SET phone = '+60 12 345 6789', "
	"credit_limit_usd_minor = 1500000 WHERE id = ?",
	/* T_INST */
	"SELECT id FROM institutions",
	/* T_ENUM */
	"SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE "
	"TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?",
	/* T_READY */
	"UPDATE sandbox_finance_apps SET ready_at = ? WHERE ref = ?",
	/* T_LATE */
	"UPDATE plan_installments SET due_date = UTC_DATE() - INTERVAL 1 DAY "
	"WHERE plan_id = ? AND seq = 2",
};

/* The order statuses with an underscore (STATE.md; each is checked
 * against the state machine). */
static const char *const statuses[] = {
	"awaiting_review", "awaiting_confirmation", "awaiting_remittance",
	"awaiting_verification", "partially_paid", "paid_installment",
	"pending_shipment", "receipt_confirmed", "return_requested",
};

/* The codes no shopper may read. */
static char	*codes[MAX_CODES];
static size_t	 ncodes;

/* The shopper of the walk. */
static struct client	*cl;
static char		 email[128];

/* Prepared test statement idx. */
static struct dbq *
tq(enum tstmt idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}

/* Add code to the forbidden list. */
static void
add_code(const char *code, size_t len)
{
	assert_true(ncodes < MAX_CODES);
	codes[ncodes] = strndup(code, len);
	assert_non_null(codes[ncodes]);
	ncodes++;
}

/* Add the values of ENUM column table.col; with underscore_only, only the
 * values with an underscore. */
static void
add_enum(const char *table, const char *col, int underscore_only)
{
	struct dbq	*q = tq(T_ENUM);
	const char	*s, *e;
	size_t		 len;

	dbq_cstr(q, table);
	dbq_cstr(q, col);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	s = dbq_col_str(q, 0, &len);
	assert_non_null(strstr(s, "enum("));
	while ((s = strchr(s, '\'')) != NULL && (e = strchr(s + 1, '\'')) !=
	    NULL) {
		s++;
		if (!underscore_only || memchr(s, '_', (size_t)(e - s)))
			add_code(s, (size_t)(e - s));
		s = e + 1;
	}
	dbq_done(q);
}

/* The forbidden codes: institution ids, status codes with an underscore,
 * method codes but "remittance" (also the plain word for the method),
 * COD refusal reasons with an underscore, card brands in lowercase. */
static void
load_codes(void)
{
	struct dbq	*q = tq(T_INST);
	size_t		 len, i;
	const char	*s;

	assert_int_equal(dbq_exec(q), 0);
	while (dbq_fetch(q) == 1) {
		s = dbq_col_str(q, 0, &len);
		add_code(s, len);
	}
	dbq_done(q);
	assert_true(ncodes >= 5);
	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		assert_true(orderflow_known(statuses[i]));
		add_code(statuses[i], strlen(statuses[i]));
	}
	for (i = 0; i < PM__MAX; i++)
		if (strcmp(pay_method_name((enum pay_method)i), "remittance"))
			add_code(pay_method_name((enum pay_method)i),
			    strlen(pay_method_name((enum pay_method)i)));
	add_enum("cod_refusals", "reason", 1);
	add_code("visa", 4);
	add_code("mastercard", 10);
	add_code("amex", 4);
}

/* The visible text of html: tags, scripts and styles removed, a space for
 * each tag, the common entities decoded (malloc'd). */
static char *
visible_text(const char *html)
{
	struct buf	 b;
	const char	*p = html, *e;

	buf_init(&b);
	while (*p != '\0') {
		if (strncasecmp(p, "<script", 7) == 0 &&
		    (e = strcasestr(p, "</script>")) != NULL) {
			p = e + 9;
			continue;
		}
		if (strncasecmp(p, "<style", 6) == 0 &&
		    (e = strcasestr(p, "</style>")) != NULL) {
			p = e + 8;
			continue;
		}
		if (*p == '<' && (e = strchr(p, '>')) != NULL) {
			buf_append(&b, " ", 1);
			p = e + 1;
			continue;
		}
		if (strncmp(p, "&amp;", 5) == 0) {
			buf_append(&b, "&", 1);
			p += 5;
			continue;
		}
		if (strncmp(p, "&#39;", 5) == 0 || strncmp(p, "&quot;", 6) ==
		    0) {
			buf_append(&b, "'", 1);
			p += p[1] == '#' ? 5 : 6;
			continue;
		}
		buf_append(&b, p, 1);
		p++;
	}
	buf_append(&b, "", 1);
	return b.data;
}

/* 1 if c may be part of a code token. */
static int
code_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* The first occurrence of token in text as a whole token, or NULL. */
static const char *
find_token(const char *text, const char *token)
{
	const char	*p = text;
	size_t		 n = strlen(token);

	while ((p = strstr(p, token)) != NULL) {
		if ((p == text || !code_char(p[-1])) && !code_char(p[n]))
			return p;
		p += n;
	}
	return NULL;
}

/* Fail naming path and the text around at. */
static void
fail_at(const char *path, const char *what, const char *text,
    const char *at)
{
	const char *from = at - text > 60 ? at - 60 : text;

	fail_msg("%s shows %s: \"...%.140s...\"", path, what, from);
}

/* GET path as cl (200 wanted) and fail on any code in its visible text;
 * not_cod: the order's method is not COD, so no COD rule id may tag it. */
static void
check_page(const char *path, int not_cod)
{
	struct client_resp	 r;
	char			*text;
	const char		*at;
	size_t			 i;

	shop_get(cl, path, &r);
	if (r.status != 200)
		fail_msg("%s: %ld", path, r.status);
	text = visible_text(r.body);
	for (i = 0; i < ncodes; i++)
		if (codes[i][0] != '\0' &&
		    (at = find_token(text, codes[i])) != NULL)
			fail_at(path, codes[i], text, at);
	if ((at = find_token(text, "1 days")) != NULL ||
	    (at = strstr(text, "(s)")) != NULL)
		fail_at(path, "a wrong plural", text, at);
	if (not_cod && (at = strstr(text, "(COD-P2)")) != NULL)
		fail_at(path, "a COD rule id on its tracking", text, at);
	free(text);
	client_resp_cleanup(&r);
}

/* check_page of the order page of id and, with sub, of /orders/id/sub. */
static void
check_order(int64_t id, const char *sub, int not_cod)
{
	char path[96];

	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	check_page(path, not_cod);
	if (sub != NULL) {
		snprintf(path, sizeof(path), "/orders/%lld/%s", (long long)id,
		    sub);
		check_page(path, not_cod);
	}
}

/* Place one of sku paying with pay (disclosed); returns the order id. */
static int64_t
place(const char *sku, const char *pay)
{
	const char *disclosed = strchr(pay, ':') != NULL ||
	    strcmp(pay, "pay_after_use") == 0 ? pay : NULL;

	return shop_place_one(cl, email, sku, pay, disclosed, pay, NULL, 0);
}

/* POST path with the csrf of page and the form pairs; wants 303. */
static void
post303(struct client *c, const char *page, const char *path,
    const char *k1, const char *v1, const char *k2, const char *v2)
{
	struct client_resp r;

	shop_post(c, page, path, &r, k1 != NULL ? k1 : "x", v1 != NULL ?
	    v1 : "", k2 != NULL ? k2 : "y", v2 != NULL ? v2 : "", NULL);
	if (r.status != 303)
		fail_msg("POST %s: %ld %s", path, r.status, r.body);
	client_resp_cleanup(&r);
}

/* GET page, POST its form (csrf and key) to page; wants 303. */
static void
post_keyed(const char *page)
{
	struct client_resp	 g;
	char			*key;

	shop_get(cl, page, &g);
	assert_int_equal(g.status, 200);
	key = client_between(g.body, "name=\"key\" value=\"", "\"");
	assert_non_null(key);
	post303(cl, page, page, "key", key, NULL, NULL);
	free(key);
	client_resp_cleanup(&g);
}

/* The admin ships order id with a carrier and tracking number. */
static void
ship(struct client *adm, int64_t id)
{
	char path[96];

	snprintf(path, sizeof(path), "/admin/orders/%lld/ship", (long long)id);
	post303(adm, "/admin/queues/cod", path, "carrier", "Acme Post",
	    "tracking", "AP123");
}

/* A card installment plan with a Visa card, confirmed. */
static void
walk_card(void)
{
	int64_t			id = place(WASHER, CARD_PLAN);
	char			page[64];
	struct client_resp	r;
	struct db_plan		p;
	struct dbq		*q;

	check_order(id, "card", 1);
	shop_bind_card(cl, id, VISA);
	check_order(id, "confirm", 1);
	snprintf(page, sizeof(page), "/orders/%lld/confirm", (long long)id);
	post_keyed(page);
	check_order(id, "schedule", 1);
	/* The second installment fell due yesterday: "(1 day)". */
	assert_int_equal(db_plan_by_order(shop_db(), 0, id, &p), 1);
	q = tq(T_LATE);
	dbq_int(q, p.id);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	check_order(id, "schedule", 1);
	snprintf(page, sizeof(page), "/orders/%lld/schedule", (long long)id);
	shop_get(cl, page, &r);
	assert_true(client_has(&r, "overdue (1 day)"));
	assert_true(client_has(&r, "1 installment is overdue"));
	client_resp_cleanup(&r);
}

/* A partner installment: applied, approved by the partner, confirmed. */
static void
walk_partner(void)
{
	int64_t		 id = place(WASHER, PARTNER_PLAN);
	struct db_plan	 p;
	struct dbq	*q;
	char		 page[64];

	snprintf(page, sizeof(page), "/orders/%lld/apply", (long long)id);
	check_order(id, "apply", 1);
	post303(cl, page, page, NULL, NULL, NULL, NULL);
	check_order(id, NULL, 1);
	assert_int_equal(db_plan_by_order(shop_db(), 0, id, &p), 1);
	q = tq(T_READY);
	dbq_int(q, clock_now() - 1);
	dbq_cstr(q, p.partner_ref);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	shop_tick(clock_now(), "installments");
	/* A tick in the future may purge sessions: sign in again. */
	client_free(cl);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	check_order(id, "confirm", 1);
	snprintf(page, sizeof(page), "/orders/%lld/confirm", (long long)id);
	post_keyed(page);
	check_order(id, "schedule", 1);
}

/* Cash on delivery: reviewed, shipped, refused without a valid reason. */
static void
walk_cod(struct client *adm)
{
	int64_t	 id = place(VACUUM, "cod");
	char	 path[96], json[256];
	long	 st;

	check_order(id, NULL, 0);
	snprintf(path, sizeof(path), "/admin/orders/%lld/cod-approve",
	    (long long)id);
	post303(adm, "/admin/queues/cod", path, "from", "awaiting_review",
	    NULL, NULL);
	check_order(id, NULL, 0);
	ship(adm, id);
	check_order(id, NULL, 0);
	snprintf(json, sizeof(json), "{\"event_id\":\"words-%lld-%lld\","
	    "\"type\":\"refused\",\"order_id\":%lld,\"reason\":"
	    "\"no_valid_reason\",\"round_trip_shipping\":\"12.50\"}",
	    (long long)id, (long long)clock_now(), (long long)id);
	st = shop_partner_post(1, "/partner/logistics/events", json, 0,
	    SHOP_SIGNED, NULL);
	assert_int_equal(st, 200);
	check_order(id, NULL, 0);
	check_page("/account/cod", 0);
}

/* Pay After Use with a Visa card, shipped with a tracking number. */
static void
walk_payafter(struct client *adm)
{
	int64_t			id;

	check_page("/pay-after-use", 1);
	assert_int_equal(shop_bind_pau_card(cl, VISA, NULL), 303);
	check_page("/pay-after-use", 1);
	id = place(EARBUDS, "pay_after_use");
	check_order(id, NULL, 1);
	ship(adm, id);
	check_order(id, NULL, 1);
}

/* The whole journey of one shopper, every page checked on the way. */
static void
test_no_code_on_any_shopper_page(void **state)
{
	struct client	*adm = shop_signin(ADMIN);
	struct dbq	*q;
	int64_t		 uid, id;

	(void)state;
	load_codes();
	shop_register(email, sizeof(email), "words", "Wendy Words",
	    PASSWORD);
	uid = shop_user_id(email);
	q = tq(T_SETUP);
	dbq_int(q, uid);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	shop_credit_score(email, 700);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	shop_fill_cart(cl, email, (const char *const[]){ WASHER, NULL },
	    (const int[]){ 1 });
	check_page("/checkout?country=MY", 1);
	check_page("/checkout?country=MY&pay=" PARTNER_PLAN, 1);
	walk_card();
	walk_partner();
	id = place(WASHER, CL_PLAN);
	check_order(id, NULL, 1);
	check_page("/account/credit", 1);
	id = place(VACUUM, "remittance");
	check_order(id, NULL, 1);
	walk_payafter(adm);
	walk_cod(adm);
	check_page("/orders", 0);
	check_page("/messages", 0);
	client_free(cl);
	client_free(adm);
}

/* Counts in page sentences take their noun in the right number: with the
 * settings at 1, the Pay After Use page reads "1 day" for its automatic
 * confirmation and its suspension, and the credit page asks again "every
 * 1 day", never "1 days"; the settings are put back after. */
static void
test_words_count_of_one_in_page_sentences(void **state)
{
	struct client		*c;
	struct client_resp	 r;
	char			 mail[128];

	(void)state;
	shop_sql("UPDATE settings SET value = '1' WHERE name IN "
	    "('pau_auto_confirm_days', 'inst_overdue_suspend_days', "
	    "'credit_refresh_days')");
	shop_register(mail, sizeof(mail), "count", "Una Count", PASSWORD);
	shop_credit_score(mail, 700);
	c = client_new();
	assert_int_equal(client_signin(c, mail, PASSWORD), 303);
	shop_get(c, "/pay-after-use", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "automatically 1 day after"));
	assert_true(client_has(&r, "more than 1 day overdue"));
	assert_false(client_has(&r, "1 days"));
	client_resp_cleanup(&r);
	shop_get(c, "/account/identity", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "(every 1 day while"));
	assert_false(client_has(&r, "1 days"));
	client_resp_cleanup(&r);
	client_free(c);
	shop_sql("UPDATE settings SET value = CASE name WHEN "
	    "'pau_auto_confirm_days' THEN '10' WHEN 'inst_overdue_suspend_days' "
	    "THEN '30' ELSE '90' END WHERE name IN ('pau_auto_confirm_days', "
	    "'inst_overdue_suspend_days', 'credit_refresh_days')");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_code_on_any_shopper_page),
		cmocka_unit_test(test_words_count_of_one_in_page_sentences),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
