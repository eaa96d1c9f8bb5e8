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
#include "upload_fixture.h"

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

/* GET path as cl: 200, the body holds every string of has and none of
 * lacks (NULL-terminated arrays). */
static void
page_words(struct client *cl, const char *path, const char *const *has,
    const char *const *lacks)
{
	struct client_resp r;

	assert_int_equal(client_get(cl, path, &r), 0);
	assert_int_equal(r.status, 200);
	for (; *has != NULL; has++)
		if (!client_has(&r, *has))
			fail_msg("%s: no \"%s\" in:\n%.3000s", path, *has,
			    r.body);
	for (; *lacks != NULL; lacks++)
		if (client_has(&r, *lacks))
			fail_msg("%s: English \"%s\" in:\n%.3000s", path,
			    *lacks, r.body);
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
 * the USD 2,000.00 maximum) reads in the page's language, its rule id
 * kept and its figures in the language's forms (ICU's, isolated in
 * Arabic): English, then Arabic, Chinese and Malay for the same cart. */
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
	    "\xe2\x81\xa8\xe2\x80\x8f" "2,916.00\xc2\xa0US$\xe2\x81\xa9",
	    "أعلى من الحد الأقصى للدفع عند الاستلام البالغ "
	    "\xe2\x81\xa8\xe2\x80\x8f" "2,000.00\xc2\xa0US$\xe2\x81\xa9",
	    NULL);
	choose(cl, "zh-CN");
	cod_block_has(cl, "data-rule=\"COD-01\"", "COD-01: 应付金额 "
	    "US$2,916.00", "货到付款最高限额 US$2,000.00", NULL);
	choose(cl, "ms");
	cod_block_has(cl, "data-rule=\"COD-01\"", "COD-01: jumlah yang perlu "
	    "dibayar, ", "2,916.00", "melebihi maksimum bayar semasa terima "
	    "sebanyak ", NULL);
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

/* The English of sentences made in C that a shopper must not read in
 * another language. */
static const char *const english_order[] = {
	"Repay each installment by its due date", "View repayment schedule",
	">active<", "Cash on delivery: you pay", NULL
};
static const char *const english_schedule[] = {
	"spread: each installment", "INST-F1: a late fee", "INST-F3: you can",
	">due<", ">paid<", ">not due<", "installment is", NULL
};

/* An installment order, its plan and schedule in Arabic, Chinese and
 * Malay: the plan's state, the next step, each installment's state, the
 * fee mode and the INST-F1/F3 sentences in the language, no English. */
static void
test_lang_installment_states(void **state)
{
	static const struct {
		const char *tag, *order[3], *schedule[5];
	} want[] = {
		{ "ar", { "سارية", "سدّد كل قسط بحلول تاريخ استحقاقه.", NULL },
		  { "مدفوع", "مستحق", "موزعة: يتضمن كل قسط رسوم شهر واحد",
		    "INST-F1: غرامة تأخير قدرها", NULL } },
		{ "zh-CN", { "进行中", "请在每期到期日前还款。", NULL },
		  { "已还", "待还", "分摊：每期包含一个月的手续费",
		    "INST-F1：自到期日次日起至付清为止", NULL } },
		{ "ms", { "aktif", "Bayar balik setiap ansuran sebelum tarikh "
		    "matangnya.", NULL },
		  { "sudah dibayar", "perlu dibayar", "diagihkan: setiap "
		    "ansuran membawa yuran sebulan", "INST-F1: caj lewat "
		    "sebanyak", NULL } },
	};
	static const char *const skus[] = { "HOME-WASHER-8", NULL };
	static const int qtys[] = { 1 };
	struct client_resp r;
	struct client *cl;
	char email[128], path[64], sched[64], *key;
	int64_t uid, id;
	size_t i;

	(void)state;
	cl = shop_installment_shopper(email, sizeof(email), "langinst",
	    "Lang Tester", PASSWORD, &uid);
	shop_fill_cart(cl, email, skus, qtys);
	shop_place(cl, NULL, "MY", "installment_card:harbor-bank:6",
	    "installment_card:harbor-bank:6", NULL, NULL, &r);
	assert_int_equal(r.status, 303);
	id = shop_location_order(&r);
	client_resp_cleanup(&r);
	shop_bind_card(cl, id, "4111111111111111");
	snprintf(path, sizeof(path), "/orders/%lld/confirm", (long long)id);
	shop_get(cl, path, &r);
	key = client_between(r.body, "name=\"key\" value=\"", "\"");
	client_resp_cleanup(&r);
	assert_non_null(key);
	shop_post(cl, path, path, &r, "key", key, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	free(key);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	snprintf(sched, sizeof(sched), "/orders/%lld/schedule", (long long)id);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		choose(cl, want[i].tag);
		page_words(cl, path, want[i].order, english_order);
		page_words(cl, sched, want[i].schedule, english_schedule);
	}
	client_free(cl);
}

/* A remittance voucher after its upload in Arabic, Chinese and Malay: the
 * notice, the voucher's state and source, the arrival window in words. */
static void
test_lang_voucher_after_upload(void **state)
{
	static const struct {
		const char *tag, *has[5];
	} want[] = {
		{ "ar", { "قيد الانتظار", "ما رفعته أنت",
		    "عمل (", NULL, NULL } },
		{ "zh-CN", { "待处理", "您上传的凭证", "个工作日", NULL, NULL } },
		{ "ms", { "belum diproses", "muat naik anda", "hari bekerja",
		    NULL, NULL } },
	};
	static const char *const english[] = {
		"your upload", ">pending<", "business days", "Voucher received",
		NULL
	};
	struct client_resp r;
	struct client *cl;
	char email[128], path[80];
	int64_t id;
	size_t i;

	(void)state;
	shop_register(email, sizeof(email), "langvou", "Lang Tester", PASSWORD);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	id = shop_place_one(cl, email, SKU, "remittance", "remittance",
	    "a remittance order", NULL, 0);
	voucher_post(cl, id, "receipt.png", 11, png_ok, UPLOAD_PNG_OK_LEN, 0,
	    &r);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(path, sizeof(path), "/orders/%lld/voucher?msg=uploaded",
	    (long long)id);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		choose(cl, want[i].tag);
		page_words(cl, path, want[i].has, english);
	}
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
		cmocka_unit_test(test_lang_installment_states),
		cmocka_unit_test(test_lang_voucher_after_upload),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests_name("integration_languages", tests, NULL,
	    NULL);
	shop_end();
	return rc;
}
