/*
 * The admin console speaks English and Simplified Chinese (its own text
 * domain, mallpay-admin): an admin whose browser asks for Chinese gets the
 * dashboard and the review queues in Chinese; any other language, or none,
 * gets English; the switcher on admin pages offers those two only. The
 * texts the C code sets (queue titles, column labels, notices, settings
 * fields and their errors) are in Chinese too, and codes become words.
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

/* The demo admin signed in, their browser asking for Chinese. */
static struct client *
chinese_admin(void)
{
	struct client *cl = client_new();

	client_accept_language(cl, "zh-CN,zh;q=0.9,en;q=0.8");
	assert_int_equal(client_signin(cl, ADMIN_EMAIL, DEMO_PASSWORD), 303);
	return cl;
}

/* Accept-Language zh-CN: the dashboard and a review queue in Chinese. */
static void
test_admin_lang_chinese_by_accept_language(void **state)
{
	struct client *cl = chinese_admin();

	(void)state;
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

/* 1 if code stands in html's text (outside the tags, where attribute
 * values such as a select's option values may keep codes). */
static int
text_has(const char *html, const char *code)
{
	size_t		 n = strlen(code);
	const char	*p;
	int		 in_tag = 0;

	for (p = html; *p != '\0'; p++) {
		if (*p == '<')
			in_tag = 1;
		else if (*p == '>')
			in_tag = 0;
		else if (!in_tag && strncmp(p, code, n) == 0)
			return 1;
	}
	return 0;
}

/* POST body to path as cl with the csrf of page: the status, and the
 * response in r (cleaned up by the caller). */
static long
post_form(struct client *cl, const char *page, const char *path,
    struct client_resp *r, const char *k1, const char *v1, const char *k2,
    const char *v2)
{
	char	*csrf = client_csrf_of(cl, page), *body;

	assert_non_null(csrf);
	body = client_form("csrf", csrf, k1, v1, k2, v2, (char *)NULL);
	assert_int_equal(client_post(cl, path, body, r), 0);
	free(body);
	free(csrf);
	return r->status;
}

/* An admin with Chinese: the dashboard's queue titles and promises, the
 * orders list's columns, filters and statuses (words, no codes), the
 * notice after adding a holiday, and a settings section with its field
 * labels and the error beside a refused field, all in Chinese. */
static void
test_admin_lang_texts_from_c_in_chinese(void **state)
{
	static const char *const dash[] = { "待审核的货到付款订单",
		"审核期限（COD-P1：1 个工作日）", "待核实的汇款", "全部订单",
		NULL };
	static const char *const orders[] = { "<h1>订单</h1>",
		">买家<", ">支付方式<", ">应付金额<", ">收货国家/地区<",
		"最新在前", ">待审核<", ">分期付款（信用卡）<",
		"分期付款（任意类型）", NULL };
	static const char *const queue[] = { "待审核的货到付款订单",
		">到付金额<", "审核日期，最近在前", NULL };
	static const char *const settings[] = { "信用与分期付款",
		"分期付款最低信用评分", "货到付款最高订单金额（美元）", NULL };
	static const struct {
		const char		*path;
		const char *const	*want;
	} pages[] = { { "/admin", dash }, { "/admin/orders", orders },
	    { "/admin/queues/cod", queue },
	    { "/admin/settings/platform", settings } };
	static const char *const codes[] = { "awaiting_review",
		"installment_card", "pending_shipment", "installment_any",
		NULL };
	struct client		*cl = chinese_admin();
	struct client_resp	 r;
	const char *const	*code;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		admin_page_is(cl, pages[i].path, pages[i].want, not_ar_ms);
	assert_int_equal(client_get(cl, "/admin/orders", &r), 0);
	for (code = codes; *code != NULL; code++)
		if (text_has(r.body, *code))
			fail_msg("/admin/orders shows the code %s", *code);
	client_resp_cleanup(&r);

	/* A notice after an action. */
	assert_int_equal(post_form(cl, "/admin/holidays", "/admin/holidays/add",
	    &r, "day", "2099-12-30", "name", "test"), 200);
	assert_true(client_has(&r, "节假日已添加。"));
	client_resp_cleanup(&r);
	assert_int_equal(post_form(cl, "/admin/holidays",
	    "/admin/holidays/remove", &r, "day", "2099-12-30", NULL, NULL), 200);
	assert_true(client_has(&r, "节假日已删除。"));
	client_resp_cleanup(&r);

	/* A refused setting: the error beside its field (nothing saved). */
	assert_int_equal(post_form(cl, "/admin/settings/platform",
	    "/admin/settings/platform", &r, "section", "credit", "v0", "5"),
	    422);
	if (!client_has(&r, "更改未保存：请查看下方标出的字段。") ||
	    !client_has(&r, "INST-02: 分期付款最低信用评分必须是 300 至 850 "
	    "之间的整数。"))
		fail_msg("no Chinese error beside the field:\n%.4000s", r.body);
	client_resp_cleanup(&r);
	client_free(cl);
}

/* POST path (form pairs k1 v1, may be NULL) as cl from page and require
 * want in the answer: the page a 303 leads to (a step done), else the page
 * answered with its status (a step refused: 409 or 422). */
static void
desk_says(struct client *cl, const char *page, const char *path,
    const char *k1, const char *v1, const char *want)
{
	struct client_resp	 r, p;
	int			 status;

	status = post_form(cl, page, path, &r, k1, v1, NULL, NULL);
	if (r.location == NULL) {
		assert_true(status == 409 || status == 422);
		if (!client_has(&r, want))
			fail_msg("%s: no \"%s\":\n%.3000s", path, want, r.body);
		client_resp_cleanup(&r);
		return;
	}
	assert_int_equal(client_get(cl, r.location, &p), 0);
	if (!client_has(&p, want))
		fail_msg("%s: no \"%s\":\n%.3000s", path, want, p.body);
	client_resp_cleanup(&p);
	client_resp_cleanup(&r);
}

/* The COD desk answers a Chinese admin in Chinese: revoking COD without
 * the finding is refused, revoking twice and reinstating are told. */
static void
test_admin_lang_cod_desk_answers_in_chinese(void **state)
{
	struct client	*cl = chinese_admin();
	char		 email[128], path[96], page[96], want[200];
	int64_t		 uid;

	(void)state;
	shop_register(email, sizeof(email), "codzh", "Cod Zhang",
	    DEMO_PASSWORD);
	uid = shop_user_id(email);
	snprintf(page, sizeof(page), "/admin/cod/users/%lld", (long long)uid);
	snprintf(path, sizeof(path), "/admin/cod/users/%lld/revoke",
	    (long long)uid);
	desk_says(cl, page, path, NULL, NULL, "请填写取消货到付款资格的认定事实");
	desk_says(cl, page, path, "reason", "false orders",
	    "已撤销该买家的货到付款权限（COD-F3）。");
	snprintf(want, sizeof(want), "%s 的货到付款资格已被取消。", email);
	desk_says(cl, page, path, "reason", "false orders", want);
	snprintf(path, sizeof(path), "/admin/cod/users/%lld/reinstate",
	    (long long)uid);
	desk_says(cl, page, path, NULL, NULL, "已恢复该买家的货到付款权限。");
	client_free(cl);
}

/* The audit trail searched by the words of a stored sentence in the
 * console's language (Chinese) finds the event stored as its code, and
 * shows it in Chinese. */
static void
test_admin_lang_audit_search_in_chinese(void **state)
{
	struct client		*cl = chinese_admin();
	struct client_resp	 r;
	char			*q, path[256];

	(void)state;
	shop_sql("INSERT INTO events (subject_type, subject_id, actor_type, "
	    "at, reason) VALUES ('order', 4646046, 'system', 1, "
	    "'{rem_window_ended}')");
	q = client_form("q", "付款期限内未收到汇款", (char *)NULL);
	snprintf(path, sizeof(path), "/admin/audit?%s&subject_type=order&"
	    "subject_id=4646046", q);
	free(q);
	assert_int_equal(client_get(cl, path, &r), 0);
	assert_int_equal(r.status, 200);
	if (!client_has(&r, "付款期限内未收到汇款：已取消（REM-P6）。"))
		fail_msg("%s:\n%.3000s", path, r.body);
	client_resp_cleanup(&r);
	client_free(cl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin_lang_chinese_by_accept_language),
		cmocka_unit_test(test_admin_lang_english_otherwise),
		cmocka_unit_test(test_admin_lang_texts_from_c_in_chinese),
		cmocka_unit_test(test_admin_lang_cod_desk_answers_in_chinese),
		cmocka_unit_test(test_admin_lang_audit_search_in_chinese),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests_name("integration_admin_languages", tests,
	    NULL, NULL);
	shop_end();
	return rc;
}
