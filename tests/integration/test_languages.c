/*
 * The same pages in each language, against a running stack: chosen by the
 * account's setting, else the guest's switcher cookie, else Accept-Language,
 * else the country of the account's address; right to left in Arabic.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "client.h"
#include "shop.h"

#define PASSWORD	"correct horse battery"

/* GET path as cl: 200 (or want) and the body contains each of the
 * NULL-terminated strings that follow. */
static void
page_has(struct client *cl, const char *path, long want, ...)
{
	struct client_resp r;
	const char *s;
	va_list ap;

	assert_int_equal(client_get(cl, path, &r), 0);
	assert_int_equal(r.status, want);
	va_start(ap, want);
	while ((s = va_arg(ap, const char *)) != NULL) {
		if (!client_has(&r, s))
			fail_msg("%s: no \"%s\" in:\n%.2000s", path, s, r.body);
	}
	va_end(ap);
	client_resp_cleanup(&r);
}

/* A guest's catalog follows Accept-Language, weights and all; no header or
 * no language of ours is English. */
static void
test_lang_guest_by_accept_language(void **state)
{
	struct client *cl = client_new();

	(void)state;
	client_accept_language(cl, "fr-FR, ar;q=0.8, en;q=0.5");
	page_has(cl, "/catalog", 200, "<html lang=\"ar\" dir=\"rtl\">",
	    "<h1>الكتالوج</h1>", "تسجيل الدخول", NULL);
	client_accept_language(cl, "zh-CN,zh;q=0.9");
	page_has(cl, "/catalog", 200, "<html lang=\"zh-CN\" dir=\"ltr\">",
	    "<h1>商品目录</h1>", NULL);
	client_accept_language(cl, "ms-MY");
	page_has(cl, "/signin", 200, "<html lang=\"ms\" dir=\"ltr\">",
	    "<h1>Log masuk</h1>", "Kata laluan", NULL);
	client_accept_language(cl, "de, fr;q=0.9");
	page_has(cl, "/catalog", 200, "<html lang=\"en\" dir=\"ltr\">",
	    "<h1>Catalog</h1>", NULL);
	client_accept_language(cl, NULL);
	page_has(cl, "/catalog", 200, "<html lang=\"en\" dir=\"ltr\">", NULL);
	/* Error pages too. */
	client_accept_language(cl, "ar");
	page_has(cl, "/no-such-page", 404, "الصفحة غير موجودة", NULL);
	client_free(cl);
}

/* A guest's switcher sets a cookie that outranks the browser; a language
 * the mall does not speak is refused. */
static void
test_lang_guest_switcher_cookie(void **state)
{
	struct client *cl = client_new();
	struct client_resp r;
	char *tok, *form, *c;

	(void)state;
	client_accept_language(cl, "ar");
	tok = client_csrf_of(cl, "/catalog");
	assert_non_null(tok);
	form = client_form("csrf", tok, "lang", "zh-CN", "next", "/catalog",
	    NULL);
	assert_int_equal(client_post(cl, "/language", form, &r), 0);
	assert_int_equal(r.status, 303);
	assert_non_null(r.location);
	assert_string_equal(r.location + strlen(r.location) - 8, "/catalog");
	client_resp_cleanup(&r);
	free(form);
	c = client_cookie(cl, "mp_lang");
	assert_non_null(c);
	assert_string_equal(c, "zh-CN");
	free(c);
	page_has(cl, "/catalog", 200, "<html lang=\"zh-CN\"", "商品目录", NULL);

	form = client_form("csrf", tok, "lang", "fr", NULL);
	assert_int_equal(client_post(cl, "/language", form, &r), 0);
	assert_int_equal(r.status, 400);
	client_resp_cleanup(&r);
	free(form);
	free(tok);
	client_free(cl);
}

/* POST /language as cl (signed in) with lang; 303 expected. */
static void
choose(struct client *cl, const char *lang)
{
	struct client_resp r;

	shop_post(cl, "/account/language", "/language", &r, "lang", lang,
	    "next", "/account/language", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
}

/* The account's setting outranks the browser, in every session of the
 * account; "auto" gives the choice back to the browser, and then, with no
 * language of ours in the header, to the address's country (Malaysia). */
static void
test_lang_account_setting_then_country(void **state)
{
	char email[128];
	struct client *cl, *other;

	(void)state;
	shop_register(email, sizeof(email), "lang", "Lang Tester", PASSWORD);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	client_accept_language(cl, "zh-CN");
	page_has(cl, "/cart", 200, "<h1>您的购物车</h1>", NULL);

	choose(cl, "ar");
	page_has(cl, "/cart", 200, "<html lang=\"ar\" dir=\"rtl\">",
	    "<h1>سلة التسوق</h1>", NULL);
	page_has(cl, "/account/language", 200,
	    "value=\"ar\" checked", NULL);
	/* Another session of the account, no cookie: the same language. */
	other = client_new();
	assert_int_equal(client_signin(other, email, PASSWORD), 303);
	client_accept_language(other, "en");
	page_has(other, "/orders", 200, "<html lang=\"ar\"", "طلباتي", NULL);

	choose(cl, "auto");
	page_has(cl, "/cart", 200, "<h1>您的购物车</h1>", NULL);
	client_accept_language(cl, "fr");
	page_has(cl, "/cart", 200, "<html lang=\"ms\"", "<h1>Troli anda</h1>",
	    NULL);
	client_free(other);
	client_free(cl);
}

/* One account, the same page in each language it chooses. */
static void
test_lang_same_page_each_language(void **state)
{
	static const struct { const char *tag, *h1, *nav; } want[] = {
		{ "en", "<h1>Delivery addresses</h1>", ">Sign out<" },
		{ "zh-CN", "<h1>收货地址</h1>", ">退出登录<" },
		{ "ar", "<h1>عناوين التوصيل</h1>", ">تسجيل الخروج<" },
		{ "ms", "<h1>Alamat penghantaran</h1>", ">Log keluar<" },
	};
	char email[128];
	struct client *cl;
	size_t i;

	(void)state;
	shop_register(email, sizeof(email), "langs", "Lang Tester", PASSWORD);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		choose(cl, want[i].tag);
		page_has(cl, "/account/addresses", 200, want[i].h1,
		    want[i].nav, NULL);
	}
	client_free(cl);
}

/* The COD block of /checkout?country=MY as cl must hold each of the
 * NULL-terminated strings that follow. */
static void
cod_block_has(struct client *cl, ...)
{
	struct client_resp r;
	const char *s;
	char *b;
	va_list ap;

	shop_get(cl, "/checkout?country=MY", &r);
	assert_int_equal(r.status, 200);
	b = shop_method_block(r.body, "method-cod");
	assert_non_null(b);
	va_start(ap, cl);
	while ((s = va_arg(ap, const char *)) != NULL) {
		if (strstr(b, s) == NULL)
			fail_msg("no \"%s\" in the COD block:\n%s", s, b);
	}
	va_end(ap);
	free(b);
	client_resp_cleanup(&r);
}

/* COD-01: the reason cash on delivery is unavailable (USD 2,916.00 above
 * the USD 2,000.00 maximum) reads in the page's language, its rule id and
 * figures kept: English, then Arabic for the same cart. */
static void
test_lang_COD_01_reason_in_arabic(void **state)
{
	static const char *const skus[] = { "HOME-WASHER-8", NULL };
	static const int qtys[] = { 4 };
	char email[128];
	struct client *cl;

	(void)state;
	shop_register(email, sizeof(email), "langcod", "Lang Tester", PASSWORD);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	client_accept_language(cl, "en");
	shop_fill_cart(cl, email, skus, qtys);
	cod_block_has(cl, "data-rule=\"COD-01\"", "COD-01: the amount to pay, "
	    "USD 2,916.00", "is above the cash on delivery maximum of "
	    "USD 2,000.00", NULL);
	choose(cl, "ar");
	cod_block_has(cl, "data-rule=\"COD-01\"", "COD-01: المبلغ المستحق، "
	    "USD 2,916.00", "أعلى من الحد الأقصى للدفع عند الاستلام البالغ "
	    "USD 2,000.00", NULL);
	client_free(cl);
}

/* A message goes out in the recipient's language: a shopper whose
 * account reads Malay places an order from an English browser: the
 * order's message is written in Malay, and stays so when the account
 * reads English again (it was composed in Malay, not shown in it). */
static void
test_lang_message_in_recipients_language(void **state)
{
	char email[128], subject[64];
	struct client *cl;
	int64_t id;

	(void)state;
	shop_register(email, sizeof(email), "langmsg", "Lang Tester", PASSWORD);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	client_accept_language(cl, "en");
	choose(cl, "ms");
	id = shop_place_one(cl, email, "HOME-WASHER-8", "remittance", NULL,
	    "remittance", NULL, 0);
	choose(cl, "en");
	snprintf(subject, sizeof(subject), "Pesanan #%lld telah dibuat",
	    (long long)id);
	page_has(cl, "/messages", 200, "<html lang=\"en\"", subject,
	    "telah dibuat dengan Kiriman wang pejabat pos", NULL);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang_guest_by_accept_language),
		cmocka_unit_test(test_lang_guest_switcher_cookie),
		cmocka_unit_test(test_lang_account_setting_then_country),
		cmocka_unit_test(test_lang_same_page_each_language),
		cmocka_unit_test(test_lang_COD_01_reason_in_arabic),
		cmocka_unit_test(test_lang_message_in_recipients_language),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests_name("integration_languages", tests, NULL,
	    NULL);
	shop_end();
	return rc;
}
