/*
 * The same pages in each language, against a running stack: chosen by the
 * account's setting, else the guest's switcher cookie, else Accept-Language,
 * else the country of the account's address; right to left in Arabic.
 * Messages in the recipient's language (a shopper's account setting, a
 * company's owner's), whatever the language of the one who acts; the
 * corporate agreement written, hashed and printed in the signer's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "db/db.h"
#include "db/order.h"
#include "db/remittance.h"
#include "db/stmt.h"
#include "service/cod.h"
#include "service/language.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/remittance.h"
#include "client.h"
#include "company_fixture.h"
#include "shop.h"
#include "upload_fixture.h"

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

/* Countries and shipping regions read in the page's language: a country
 * by CLDR's name (ICU), a region by the mall's catalogue; English keeps
 * the reference data's names. */
static void
test_lang_country_and_region_names(void **state)
{
	static const char *const ar_has[] = { "ماليزيا", "جنوب شرق آسيا",
	    NULL };
	static const char *const zh_has[] = { "马来西亚", "东南亚", NULL };
	static const char *const ms_has[] = { "Asia Tenggara", NULL };
	static const char *const en_has[] = { "Malaysia - Southeast Asia",
	    NULL };
	static const char *const english[] = { "Malaysia - Southeast Asia",
	    "Southeast Asia", NULL };
	static const char *const none[] = { NULL };
	static const char *const skus[] = { "HOME-AIRFRYER", NULL };
	static const int qtys[] = { 1 };
	char email[128];
	struct client *cl;

	(void)state;
	shop_register(email, sizeof(email), "langcc", "Country Tester",
	    PASSWORD);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	shop_fill_cart(cl, email, skus, qtys);
	client_accept_language(cl, "ar");
	page_words(cl, "/checkout?country=MY", ar_has, english);
	client_accept_language(cl, "zh-CN");
	page_words(cl, "/checkout?country=MY", zh_has, english);
	client_accept_language(cl, "ms");
	page_words(cl, "/checkout?country=MY", ms_has, english);
	client_accept_language(cl, "en");
	page_words(cl, "/checkout?country=MY", en_has, none);
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

	shop_language(cl, "ar");
	page_has(cl, "/cart", 200, "<html lang=\"ar\" dir=\"rtl\">",
	    "<h1>سلة التسوق</h1>", NULL);
	page_has(cl, "/account/language", 200,
	    "value=\"ar\" checked", NULL);
	/* Another session of the account, no cookie: the same language. */
	other = client_new();
	assert_int_equal(client_signin(other, email, PASSWORD), 303);
	client_accept_language(other, "en");
	page_has(other, "/orders", 200, "<html lang=\"ar\"", "طلباتي", NULL);

	shop_language(cl, "auto");
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
		shop_language(cl, want[i].tag);
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
	shop_language(cl, "ar");
	cod_block_has(cl, "data-rule=\"COD-01\"", "COD-01: المبلغ المستحق، "
	    "\xe2\x81\xa8\xe2\x80\x8f" "2,916.00\xc2\xa0US$\xe2\x81\xa9",
	    "أعلى من الحد الأقصى للدفع عند الاستلام البالغ "
	    "\xe2\x81\xa8\xe2\x80\x8f" "2,000.00\xc2\xa0US$\xe2\x81\xa9",
	    NULL);
	shop_language(cl, "zh-CN");
	cod_block_has(cl, "data-rule=\"COD-01\"", "COD-01: 应付金额 "
	    "US$2,916.00", "货到付款最高限额 US$2,000.00", NULL);
	shop_language(cl, "ms");
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
	shop_language(cl, "ms");
	id = shop_place_one(cl, email, "HOME-WASHER-8", "remittance", NULL,
	    "remittance", NULL, 0);
	shop_language(cl, "en");
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
	">active<", "Cash on delivery: you pay", "Approved by the bank",
	"approved by the bank", "down payment paid", "eady to ship",
	"{inst_", "{placed", "REM-P", "COD-P", "PAU-0", NULL
};
static const char *const english_schedule[] = {
	"spread: each installment", "INST-F1: a late fee", "INST-F3: you can",
	">due<", ">paid<", ">not due<", "installment is",
	"<title>Installment ", NULL
};

/* The schedule chart's scale label, its caption's total and a bar's title
 * at path hold amounts in the language's form (view/fmt.h): isolated in
 * Arabic, the same form as the table's amounts in every language. */
static void
chart_amounts(struct client *cl, const char *path, const char *tag)
{
	struct client_resp r;
	char *label, *cell;

	assert_int_equal(client_get(cl, path, &r), 0);
	assert_int_equal(r.status, 200);
	label = client_between(r.body, "dy=\"8\">", "</text>");
	cell = client_between(r.body, "id=\"total-paid\">", "</dd>");
	assert_non_null(label);
	assert_non_null(cell);
	if (strcmp(tag, "ar") == 0) {
		/* FSI ... PDI around ICU's Arabic form. */
		assert_memory_equal(label, "\xe2\x81\xa8", 3);
		assert_memory_equal(cell, "\xe2\x81\xa8", 3);
		assert_true(client_has(&r, "<title>القسط 1: \xe2\x81\xa8"));
	}
	/* Same currency, same form: the code or symbol and the space after
	 * it (none, a no-break space, an isolate) as the table's amounts. */
	assert_memory_equal(label, cell, 4);
	free(label);
	free(cell);
	client_resp_cleanup(&r);
}

/* An installment order, its plan and schedule in Arabic, Chinese and
 * Malay: the plan's state, the next step, each installment's state, the
 * fee mode and the INST-F1/F3 sentences in the language, no English. */
static void
test_lang_installment_states(void **state)
{
	static const struct {
		const char *tag, *order[6], *schedule[5];
	} want[] = {
		{ "ar", { "سارية", "سدّد كل قسط بحلول تاريخ استحقاقه.",
		    "وافق عليه البنك فورًا (INST-CC).", "تم تأكيد خطة التقسيط "
		    "ودفع الدفعة المقدمة (INST-P1).", "جاهز للشحن (INST-P1).",
		    NULL },
		  { "مدفوع", "مستحق", "موزعة: يتضمن كل قسط رسوم شهر واحد",
		    "INST-F1: غرامة تأخير قدرها", NULL } },
		{ "zh-CN", { "进行中", "请在每期到期日前还款。",
		    "银行已实时批准（INST-CC）。", "分期计划已确认，首付款已支付"
		    "（INST-P1）。", "待发货（INST-P1）。", NULL },
		  { "已还", "待还", "分摊：每期包含一个月的手续费",
		    "INST-F1：自到期日次日起至付清为止", NULL } },
		{ "ms", { "aktif", "Bayar balik setiap ansuran sebelum tarikh "
		    "matangnya.", "Diluluskan oleh bank serta-merta (INST-CC).",
		    "Pelan ansuran disahkan dan bayaran pendahuluan dibayar "
		    "(INST-P1).", "Sedia untuk dihantar (INST-P1).", NULL },
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
		shop_language(cl, want[i].tag);
		page_words(cl, path, want[i].order, english_order);
		page_words(cl, sched, want[i].schedule, english_schedule);
		chart_amounts(cl, sched, want[i].tag);
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
		shop_language(cl, want[i].tag);
		page_words(cl, path, want[i].has, english);
	}
	client_free(cl);
}

/* A new shopper whose account reads lang, signed in from an English
 * browser: the client; email into email, the id into *id. */
static struct client *
reader(const char *tag, const char *lang, char *email, size_t emailsz,
    int64_t *id)
{
	struct client *cl;

	shop_register(email, emailsz, tag, "Lang Reader", PASSWORD);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	client_accept_language(cl, "en");
	shop_language(cl, lang);
	*id = shop_user_id(email);
	return cl;
}

/* cl's (uid, email) remittance order of one washer and a voucher for its
 * whole amount sent (the service's upload, as the voucher form does): the
 * order id; the voucher's into *vid, the amount due into *due. */
static int64_t
order_with_voucher(struct client *cl, const char *email, int64_t uid,
    int64_t *vid, int64_t *due)
{
	struct db_order		 o;
	struct rem_upload	 u;
	const char		*field = NULL;
	char			 amt[32], day[11], key[64], doc[400], err[200];
	mp_date			 d;
	int64_t			 id;

	id = shop_place_one(cl, email, "HOME-WASHER-8", "remittance", NULL,
	    "remittance", NULL, 0);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	*due = o.amount_due_minor;
	snprintf(amt, sizeof(amt), "%lld.%02lld", (long long)(*due / 100),
	    (long long)(*due % 100));
	assert_int_equal(mp_date_from_unix(clock_now(), &d), 0);
	snprintf(key, sizeof(key), "lang-voucher-%lld", (long long)id);
	memset(&u, 0, sizeof(u));
	u.data = doc;
	u.len = (size_t)snprintf(doc, sizeof(doc), "%%PDF-1.4\n%% order %lld"
	    "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << "
	    "/Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type "
	    "/Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\ntrailer "
	    "<< /Root 1 0 R >>\n%%%%EOF\n", (long long)id);
	u.amount = amt;
	u.date = mp_date_str(d, day, sizeof(day));
	u.tracking = "LANG12345";
	u.key = key;
	if (remittance_upload(shop_db(), shop_config(), uid, id, &u,
	    clock_now(), vid, err, sizeof(err), &field) != RES_OK)
		fail_msg("voucher of order %lld: %s (%s)", (long long)id, err,
		    field != NULL ? field : "-");
	return id;
}

/* A new shopper (tag) whose account reads lang, with a remittance order
 * paid, accepted and shipped with PosLaju under tracking: the client; the
 * order's id into *id, the admin's into *admin. */
static struct client *
shipped_reader(const char *tag, const char *lang, const char *tracking,
    int64_t *id, int64_t *admin)
{
	char		email[128], msg[300];
	struct client	*cl;
	int64_t		uid, vid, due;

	*admin = shop_user_id(ADMIN);
	cl = reader(tag, lang, email, sizeof(email), &uid);
	*id = order_with_voucher(cl, email, uid, &vid, &due);
	assert_int_equal(remittance_decide(shop_db(), *admin, *id, vid, due,
	    NULL, clock_now(), msg, sizeof(msg)), RES_OK);
	assert_int_equal(shipping_shipped(shop_db(), *id, OF_ADMIN, *admin,
	    "PosLaju", tracking, clock_now(), msg, sizeof(msg)), RES_OK);
	return cl;
}

/* REM-P5: an admin (working in English) accepts the voucher of a shopper
 * whose account reads Malay: the message is Malay, also on an English
 * page; then the order ships, and that message is Malay too. */
static void
test_lang_voucher_accepted_in_malay(void **state)
{
	char		want[96];
	struct client	*cl;
	int64_t		id, admin;

	(void)state;
	cl = shipped_reader("langvok", "ms", "PL123456MY", &id, &admin);
	shop_language(cl, "en");
	snprintf(want, sizeof(want), "Pesanan #%lld telah dibayar",
	    (long long)id);
	page_has(cl, "/messages", 200, "<html lang=\"en\"", want,
	    "ia telah dibayar dan sedia untuk dihantar (REM-P5)",
	    "disahkan oleh pusat beli-belah", "telah diserahkan kepada "
	    "PosLaju, nombor penjejakan PL123456MY", NULL);
	client_free(cl);
}

/* An Arabic shopper's remittance order page after payment, shipping,
 * delivery and the receipt confirmed: the timeline's (REM-P3, REM-P5),
 * the tracking's and the settlement note's fixed sentences read in
 * Arabic, no rule id of another method, with
 * the carrier and tracking number as given; none reads in English, and no
 * stored code shows. */
static void
test_lang_order_history_in_arabic(void **state)
{
	static const char *const has[] = { "تم الشحن مع PosLaju",
	    "PL123456AR", "تم التسليم إلى المتسوق.", "تم الطلب عبر",
	    "يُسوّى الطلب", "رفع المتسوق إيصال الحوالة (REM-P3).",
	    "استُلمت الحوالة كاملة (REM-P5).",
	    "دُفع بالكامل: جاهز للشحن (REM-P5).", "أكّد المتسوق الاستلام.",
	    "(المتسوق)", "(موظفو المتجر)", "(تلقائي)", NULL };
	static const char *const lacks[] = { "Placed with", "placed with",
	    "Shipped with", "shipped with", "Delivered to the shopper",
	    "delivered to the shopper", "Delivered by the courier",
	    "delivered by the courier", "checkout:", "{shipped}",
	    "{delivered", "{placed", "The order settles", "{settles",
	    "voucher uploaded", "funds matched", "eady to ship",
	    "eceipt confirmed", "{rem_", "{receipt", "INST-", "COD-P", "PAU-0",
	    "(user)", "(system)", "(admin)", NULL };
	struct db_order	o;
	char		path[64], msg[300];
	struct client	*cl;
	int64_t		id, admin;

	(void)state;
	cl = shipped_reader("langhist", "ar", "PL123456AR", &id, &admin);
	assert_int_equal(shipping_delivered(shop_db(), id, OF_ADMIN, admin,
	    clock_now(), msg, sizeof(msg)), RES_OK);
	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	assert_int_equal(order_confirm_receipt(shop_db(), o.user_id, id,
	    OF_USER, clock_now()), RES_OK);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)id);
	page_words(cl, path, has, lacks);
	client_free(cl);
}

/* REM-P9: a rejected voucher, read by an Arabic account: the subject, the
 * reason's words and the rule id. */
static void
test_lang_voucher_rejected_in_arabic(void **state)
{
	char		email[128], want[96], msg[300];
	struct client	*cl;
	int64_t		uid, id, vid, due;

	(void)state;
	cl = reader("langvno", "ar", email, sizeof(email), &uid);
	id = order_with_voucher(cl, email, uid, &vid, &due);
	assert_int_equal(remittance_decide(shop_db(), shop_user_id(ADMIN), id,
	    vid, -1, "unreadable", clock_now(), msg, sizeof(msg)), RES_OK);
	snprintf(want, sizeof(want), "الطلب #%lld: رُفض الإيصال",
	    (long long)id);
	page_has(cl, "/messages", 200, want, "الإيصال غير مقروء (REM-P9)",
	    "«رفع إيصال الحوالة»", NULL);
	client_free(cl);
}

/* COD-F3: cash on delivery revoked, then reinstated, for a Malay
 * account: both notices in Malay, the admin's finding kept as written. */
static void
test_lang_cod_notice_in_malay(void **state)
{
	char		email[128], msg[300];
	struct client	*cl;
	int64_t		uid, admin = shop_user_id(ADMIN);

	(void)state;
	cl = reader("langcodn", "ms", email, sizeof(email), &uid);
	assert_int_equal(cod_set_revoked(shop_db(), uid, 1, admin,
	    "false orders", clock_now(), msg, sizeof(msg)), RES_OK);
	assert_int_equal(cod_set_revoked(shop_db(), uid, 0, admin, "",
	    clock_now(), msg, sizeof(msg)), RES_OK);
	page_has(cl, "/messages", 200, "Bayar semasa terima dibatalkan",
	    "Bayar semasa terima tidak lagi tersedia untuk anda (COD-F3: "
	    "false orders).", "Bayar semasa terima dipulihkan", NULL);
	client_free(cl);
}

/* REM-P8: an Arabic shopper cancels a remittance order: the message says
 * what is refunded, how and by when, in Arabic. */
static void
test_lang_refund_in_arabic(void **state)
{
	struct refund_rule	 rule;
	char			 email[128], s1[96], s2[96];
	struct client		*cl;
	int64_t			 uid, id;

	(void)state;
	cl = reader("langrf", "ar", email, sizeof(email), &uid);
	id = shop_place_one(cl, email, "HOME-WASHER-8", "remittance", NULL,
	    "remittance", NULL, 0);
	assert_int_equal(order_cancel(shop_db(), uid, id, clock_now(), &rule),
	    RES_OK);
	snprintf(s1, sizeof(s1), "أُلغي الطلب #%lld", (long long)id);
	snprintf(s2, sizeof(s2), "ألغيت الطلب #%lld. حوالة بريدية: ",
	    (long long)id);
	page_has(cl, "/messages", 200, s1, s2, "خلال 10-20 يوم عمل",
	    "موعد رد المبلغ: ", NULL);
	client_free(cl);
}

/* The agreement of company c's order id: its text begins with start, its
 * SHA-256 is the one stored, and its PDF shows that hash and each of the
 * NULL-terminated strings that follow (pdftotext). */
static void
agreement_has(struct co *c, int64_t id, const char *start, ...)
{
	struct client_resp	 r;
	struct buf		 txt;
	struct dbq		*q;
	unsigned char		 h[crypto_hash_sha256_BYTES];
	char			 path[96], hex[65];
	const char		*s;
	va_list			 ap;

	snprintf(path, sizeof(path), "/orders/%lld/agreement", (long long)id);
	shop_get(c->owner, path, &r);
	assert_int_equal(r.status, 200);
	if (strncmp(r.body, start, strlen(start)) != 0)
		fail_msg("the agreement does not begin with %s:\n%s", start,
		    r.body);
	crypto_hash_sha256(h, (const unsigned char *)r.body, r.len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	client_resp_cleanup(&r);
	q = stmt(T_APP_SHA);
	dbq_int(q, id);
	assert_int_equal(dbq_exec_fetch(q), 1);
	assert_string_equal(dbq_col_str(q, 0, NULL), hex);
	dbq_done(q);
	snprintf(path, sizeof(path), "/orders/%lld/agreement.pdf",
	    (long long)id);
	shop_get(c->owner, path, &r);
	assert_int_equal(r.status, 200);
	buf_init(&txt);
	pdf_text(r.body, r.len, &txt);
	client_resp_cleanup(&r);
	if (strstr(buf_str(&txt), hex) == NULL)
		fail_msg("the PDF lacks the hash %s:\n%s", hex, buf_str(&txt));
	va_start(ap, start);
	while ((s = va_arg(ap, const char *)) != NULL)
		if (strstr(buf_str(&txt), s) == NULL)
			fail_msg("the PDF lacks \"%s\":\n%s", s, buf_str(&txt));
	va_end(ap);
	buf_cleanup(&txt);
}

/* A company whose owner reads lang (NULL: no setting, English). */
static void
company_in(const char *tag, const char *lang, struct co *c)
{
	company_new(tag, c);
	if (lang != NULL)
		shop_language(c->owner, lang);
}

/* INST-CORP: the decision on a company's application reaches its inbox
 * in its owner's language, the admin's being English; the agreement is
 * written in the signer's (the applicant's) language, that text is the
 * one hashed, and its PDF prints it: Arabic and Chinese. */
static void
test_lang_corp_approved_agreement_arabic_chinese(void **state)
{
	struct co	c;
	char		want[160];
	int64_t		id;

	(void)state;
	company_in("langcoar", "ar", &c);
	id = approved_order(&c);
	snprintf(want, sizeof(want), "تمت الموافقة على طلب التقسيط للشركات "
	    "الخاص بالطلب #%lld", (long long)id);
	page_has(c.owner, "/messages", 200, "تمت الموافقة على التقسيط للشركات",
	    want, "تم تقديم طلب التقسيط للشركات", NULL);
	agreement_has(&c, id, "اتفاقية التقسيط للشركات\nالإصدار: "
	    "CORP-INST-2026.1\n", "INST-CORP", NULL);
	client_free(c.owner);

	company_in("langcozh", "zh-CN", &c);
	id = approved_order(&c);
	page_has(c.owner, "/messages", 200, "企业分期已获批准", NULL);
	agreement_has(&c, id, "企业分期付款协议\n版本：CORP-INST-2026.1\n",
	    "企业分期付款协议 CORP-INST-2026.1", "1. 金额。订单应付金额为",
	    "US$729.00", "US$218.70", "协议文本的 SHA-256（即所签署的字节）",
	    "尚未签署", NULL);
	client_free(c.owner);
}

/* INST-CORP: a refusal reaches a Malay company in Malay, the admin's
 * reason as written; an English company's agreement is unchanged. */
static void
test_lang_corp_refused_malay_english_unchanged(void **state)
{
	struct co		c;
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	r;
	char			path[96], want[160];
	int64_t			id;

	(void)state;
	company_in("langcoms", "ms", &c);
	id = applied_order(&c);
	snprintf(path, sizeof(path), "/admin/orders/%lld/corporate/decide",
	    (long long)id);
	shop_post(admin, "/admin", path, &r, "decision", "reject", "reason",
	    "incomplete financial statements", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	snprintf(want, sizeof(want), "Permohonan ansuran korporat bagi pesanan "
	    "#%lld ditolak: incomplete financial statements.", (long long)id);
	page_has(c.owner, "/messages", 200, "Ansuran korporat ditolak", want,
	    NULL);
	client_free(c.owner);

	company_in("langcoen", NULL, &c);
	id = approved_order(&c);
	page_has(c.owner, "/messages", 200, "Corporate installment approved",
	    NULL);
	agreement_has(&c, id, "CORPORATE INSTALLMENT AGREEMENT\nVersion: "
	    "CORP-INST-2026.1\n\nBetween ", "Corporate installment agreement "
	    "CORP-INST-2026.1", "SHA-256 of the agreement text (the bytes "
	    "signed)", "1. Amount. The order's amount to pay is USD 729.00.",
	    "Page 1 · SHA-256 of the text", NULL);
	client_free(c.owner);
	client_free(admin);
}

/* The answer r has status want, holds has and not the English lacks. */
static void
answer_words(struct client_resp *r, long want, const char *has,
    const char *lacks)
{
	if (r->status != want)
		fail_msg("status %ld, not %ld:\n%.2000s", r->status, want,
		    r->body);
	if (!client_has(r, has))
		fail_msg("no \"%s\" in:\n%.3000s", has, r->body);
	if (client_has(r, lacks))
		fail_msg("English \"%s\" in:\n%.3000s", lacks, r->body);
	client_resp_cleanup(r);
}

/* A guest's sign-in and registration forms answer in the browser's
 * language: the one sentence for a wrong email or password, the notice
 * after signing out, a too short password and the form's summary. */
static void
test_lang_signin_register_messages(void **state)
{
	/* Each language: its tag, the wrong email or password, signed
	 * out, a too short password, the form's summary. */
	static const char *const want[][5] = {
		{ "ar", "البريد الإلكتروني أو كلمة المرور غير صحيحة. يُرجى "
		    "المحاولة مرة أخرى.", "لقد سجّلت الخروج.",
		    "استخدم 12 حرفًا على الأقل لكلمة المرور.",
		    "يُرجى تصحيح الحقول المشار إليها أدناه." },
		{ "zh-CN", "电子邮箱或密码不正确。请重试。", "您已退出登录。",
		    "密码至少需要 12 个字符。", "请更正下方标出的栏位。" },
		{ "ms", "E-mel atau kata laluan tidak betul. Sila cuba lagi.",
		    "Anda telah log keluar.", "Gunakan sekurang-kurangnya 12 "
		    "aksara untuk kata laluan anda.", "Sila betulkan ruangan "
		    "yang ditandakan di bawah." },
	};
	struct client		*cl = client_new();
	struct client_resp	 r;
	char			 email[128];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		client_accept_language(cl, want[i][0]);
		client_unique_email(email, sizeof(email), "langsignin");
		shop_post(cl, "/signin", "/signin", &r, "email", email,
		    "password", "not the password 1", NULL);
		answer_words(&r, 401, want[i][1], "The email or password "
		    "is not right.");
		page_words(cl, "/signin?msg=signedout",
		    (const char *const[]){ want[i][2], NULL },
		    (const char *const[]){ "You are signed out.", NULL });
		shop_post(cl, "/register", "/register", &r, "email", email,
		    "name", "Nur", "password", "shortpw1", "confirm",
		    "shortpw1", NULL);
		if (!client_has(&r, want[i][4]))
			fail_msg("no \"%s\" in:\n%.3000s", want[i][4],
			    r.body);
		answer_words(&r, 400, want[i][3], "Use at least 12 "
		    "characters for your password.");
	}
	client_free(cl);
}

/* A company's pages in its owner's language: the notice after an upload
 * and the 404 of a member that is not one of the company's. */
static void
test_lang_company_notice_and_missing_member(void **state)
{
	struct co		c;
	struct client_resp	r;

	(void)state;
	company_in("langconote", "ms", &c);
	page_words(c.owner, "/company?msg=uploaded",
	    (const char *const[]){ "Dokumen telah dimuat naik; ia disimpan "
	    "dalam bentuk tersulit", NULL },
	    (const char *const[]){ "Document uploaded;", NULL });
	shop_post(c.owner, "/company/members",
	    "/company/members/999999999/remove", &r, NULL);
	answer_words(&r, 404, "Ahli ini tiada dalam syarikat anda.",
	    "There is no such member of your company.");
	shop_language(c.owner, "ar");
	shop_post(c.owner, "/company/members",
	    "/company/members/invitations/999999999/revoke", &r, NULL);
	answer_words(&r, 404, "لا توجد هذه الدعوة لدى شركتك.",
	    "There is no such invitation of your company.");
	client_free(c.owner);
}

/* INST-03: a licence already expired is refused in the owner's language,
 * its date in the sentence, beside the expiry field: Arabic, then
 * Chinese. */
static void
test_lang_INST_03_licence_date_arabic_chinese(void **state)
{
	/* Each language: its tag, the sentence before and after the
	 * date. */
	static const char *const want[][3] = {
		{ "ar", "INST-03: تنتهي الرخصة في ", "؛ ارفع رخصة سارية بعد "
		    "اليوم." },
		{ "zh-CN", "INST-03：该执照于 ", " 到期；请上传今天之后仍有效的"
		    "执照。" },
	};
	struct co		 c;
	struct client_resp	 r;
	struct buf		 body;
	char			 day[11], has[200], *csrf;
	mp_date			 d;
	size_t			 i;

	(void)state;
	company_in("langlicence", NULL, &c);
	assert_int_equal(mp_date_from_unix(clock_now(), &d), 0);
	mp_date_str(d - 1, day, sizeof(day));
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		shop_language(c.owner, want[i][0]);
		csrf = client_csrf_of(c.owner, "/company");
		assert_non_null(csrf);
		{
			const char *const f[] = { "csrf", csrf, "kind",
			    "licence", "expires", day, NULL };

			buf_init(&body);
			mp_body(&body, f, "document", "licence.png", 11, png_ok,
			    sizeof(png_ok));
		}
		assert_int_equal(client_post_raw(c.owner, "/company/documents",
		    MP_TYPE, body.data, body.len, &r), 0);
		buf_cleanup(&body);
		free(csrf);
		snprintf(has, sizeof(has), "%s%s%s", want[i][1], day,
		    want[i][2]);
		answer_words(&r, 400, has, "the licence expires on");
	}
	client_free(c.owner);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang_guest_by_accept_language),
		cmocka_unit_test(test_lang_guest_switcher_cookie),
		cmocka_unit_test(test_lang_country_and_region_names),
		cmocka_unit_test(test_lang_account_setting_then_country),
		cmocka_unit_test(test_lang_same_page_each_language),
		cmocka_unit_test(test_lang_COD_01_reason_in_arabic),
		cmocka_unit_test(test_lang_message_in_recipients_language),
		cmocka_unit_test(test_lang_installment_states),
		cmocka_unit_test(test_lang_voucher_after_upload),
		cmocka_unit_test(test_lang_voucher_accepted_in_malay),
		cmocka_unit_test(test_lang_voucher_rejected_in_arabic),
		cmocka_unit_test(test_lang_order_history_in_arabic),
		cmocka_unit_test(test_lang_cod_notice_in_malay),
		cmocka_unit_test(test_lang_refund_in_arabic),
		cmocka_unit_test(test_lang_corp_approved_agreement_arabic_chinese),
		cmocka_unit_test(test_lang_corp_refused_malay_english_unchanged),
		cmocka_unit_test(test_lang_signin_register_messages),
		cmocka_unit_test(test_lang_company_notice_and_missing_member),
		cmocka_unit_test(test_lang_INST_03_licence_date_arabic_chinese),
	};
	char err[200];
	int rc;

	/* The services called here write in their recipients' languages. */
	if (i18n_init(TEST_LOCALE_DIR, err, sizeof(err)) == -1)
		fail_msg("i18n_init: %s", err);
	shop_init();
	rc = cmocka_run_group_tests_name("integration_languages", tests, NULL,
	    NULL);
	shop_end();
	return rc;
}
