/*
 * The admin console speaks English and Simplified Chinese (its own text
 * domain, mallpay-admin): an admin whose browser asks for Chinese gets the
 * dashboard and the review queues in Chinese; any other language, or none,
 * gets English; the switcher on admin pages offers those two only.
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

#define ADMIN_EMAIL	"admin@demo.test"

/* GET path as cl: 200, and the body contains each string of want and none
 * of unwanted (both NULL-terminated). */
static void
admin_page_is(struct client *cl, const char *path, const char *const *want,
    const char *const *unwanted)
{
	struct client_resp r;

	assert_int_equal(client_get(cl, path, &r), 0);
	assert_int_equal(r.status, 200);
	for (; *want != NULL; want++)
		if (!client_has(&r, *want))
			fail_msg("%s: no \"%s\" in:\n%.3000s", path, *want,
			    r.body);
	for (; *unwanted != NULL; unwanted++)
		if (client_has(&r, *unwanted))
			fail_msg("%s: \"%s\" in:\n%.3000s", path, *unwanted,
			    r.body);
	client_resp_cleanup(&r);
}

static const char *const dash_zh[] = { "<html lang=\"zh-CN\"",
	"<h1>管理后台</h1>", "审核队列", "运营操作", ">中文<", ">English<",
	NULL };
static const char *const dash_en[] = { "<html lang=\"en\"", "<h1>Admin</h1>",
	"Review queues", "Operations", ">中文<", NULL };
static const char *const queue_zh[] = { "<html lang=\"zh-CN\"", "排序方式",
	"承诺完成时间", "创建时间", NULL };
static const char *const queue_en[] = { "<html lang=\"en\"", "Sort by",
	"Promised by", "Created", NULL };
/* Never Arabic or Malay in the console, never its switcher buttons. */
static const char *const not_ar_ms[] = { "dir=\"rtl\"", "العربية",
	"Bahasa Melayu", NULL };
static const char *const not_zh[] = { "审核队列", "排序方式", "العربية",
	NULL };

/* Accept-Language zh-CN: the dashboard and a review queue in Chinese. */
static void
test_admin_lang_chinese_by_accept_language(void **state)
{
	struct client *cl = client_new();

	(void)state;
	client_accept_language(cl, "zh-CN,zh;q=0.9,en;q=0.8");
	assert_int_equal(client_signin(cl, ADMIN_EMAIL, DEMO_PASSWORD), 303);
	admin_page_is(cl, "/admin", dash_zh, not_ar_ms);
	admin_page_is(cl, "/admin/vouchers", queue_zh, not_ar_ms);
	admin_page_is(cl, "/admin/queues/cod", queue_zh, not_ar_ms);
	client_free(cl);
}

/* Any other browser language (Arabic and Malay too, which the shopper
 * pages speak), or no header at all: English. */
static void
test_admin_lang_english_otherwise(void **state)
{
	static const char *const other[] = { "ar, ms;q=0.9", "fr-FR", "en-GB",
		NULL };
	struct client *cl = client_new();
	const char *const *h;

	(void)state;
	client_accept_language(cl, "en");
	assert_int_equal(client_signin(cl, ADMIN_EMAIL, DEMO_PASSWORD), 303);
	for (h = other; *h != NULL; h++) {
		client_accept_language(cl, *h);
		admin_page_is(cl, "/admin", dash_en, not_zh);
		admin_page_is(cl, "/admin/vouchers", queue_en, not_zh);
	}
	client_accept_language(cl, NULL);
	admin_page_is(cl, "/admin", dash_en, not_zh);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin_lang_chinese_by_accept_language),
		cmocka_unit_test(test_admin_lang_english_otherwise),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests_name("integration_admin_languages", tests,
	    NULL, NULL);
	shop_end();
	return rc;
}
