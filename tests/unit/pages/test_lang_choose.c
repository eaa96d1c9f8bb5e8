/*
 * The language of a request: account, then the guest's cookie, then
 * Accept-Language, then the destination country, then English.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core/i18n.h"
#include "pages/language.h"
#include "service/language.h"

static void
test_lang_choose_order(void **state)
{
	(void)state;
	/* The account's setting wins over everything. */
	assert_int_equal(lang_choose("ar", "ms", "zh-CN", "CN"), LANG_AR);
	/* No setting: the cookie of the switcher. */
	assert_int_equal(lang_choose("", "ms", "zh-CN", "CN"), LANG_MS);
	/* Then the browser's weights. */
	assert_int_equal(lang_choose(NULL, NULL, "fr,zh-CN;q=0.4,ar;q=0.5",
	    "MY"), LANG_AR);
	/* A header of languages the mall does not speak: the country. */
	assert_int_equal(lang_choose(NULL, NULL, "fr-FR,de;q=0.5", "MY"),
	    LANG_MS);
	assert_int_equal(lang_choose(NULL, NULL, "*", "EG"), LANG_AR);
	assert_int_equal(lang_choose(NULL, NULL, "ko", "CN"), LANG_ZH);
	/* No header at all (a script): English, whatever the country. */
	assert_int_equal(lang_choose(NULL, NULL, NULL, "MY"), LANG_EN);
	assert_int_equal(lang_choose(NULL, NULL, "", "EG"), LANG_EN);
	/* Nothing known: English. */
	assert_int_equal(lang_choose(NULL, NULL, "fr", "DE"), LANG_EN);
	assert_int_equal(lang_choose(NULL, NULL, NULL, NULL), LANG_EN);
	/* A setting or cookie that names no language of ours is passed. */
	assert_int_equal(lang_choose("xx", "zh-TW", "ms", NULL), LANG_MS);
}

/* The admin console speaks English and Chinese only: the account's
 * setting if it is one of them, else the first of them in Accept-Language
 * (Arabic and Malay passed over), else English. */
static void
test_lang_choose_admin(void **state)
{
	(void)state;
	assert_int_equal(lang_choose_admin("zh-CN", "en"), LANG_ZH);
	assert_int_equal(lang_choose_admin("en", "zh-CN"), LANG_EN);
	/* A setting the console does not speak: the browser decides. */
	assert_int_equal(lang_choose_admin("ar", "zh-CN,en;q=0.5"), LANG_ZH);
	assert_int_equal(lang_choose_admin(NULL, "zh"), LANG_ZH);
	assert_int_equal(lang_choose_admin(NULL, "ar,ms;q=0.9,zh;q=0.2"),
	    LANG_ZH);
	assert_int_equal(lang_choose_admin("ms", "ar,ms;q=0.9"), LANG_EN);
	assert_int_equal(lang_choose_admin(NULL, "fr-FR"), LANG_EN);
	assert_int_equal(lang_choose_admin(NULL, NULL), LANG_EN);
	assert_int_equal(lang_choose_admin("", ""), LANG_EN);
}

/* The admin console ships English and Chinese: Arabic and Malay show it
 * in English; every other page in the language chosen. */
static void
test_lang_for_path_console(void **state)
{
	(void)state;
	assert_int_equal(lang_for_path(LANG_AR, "/admin"), LANG_EN);
	assert_int_equal(lang_for_path(LANG_AR, "/admin/orders/7"), LANG_EN);
	assert_int_equal(lang_for_path(LANG_MS, "/console/invitations/x"),
	    LANG_EN);
	assert_int_equal(lang_for_path(LANG_ZH, "/admin/orders"), LANG_ZH);
	assert_int_equal(lang_for_path(LANG_AR, "/orders/7"), LANG_AR);
	assert_int_equal(lang_for_path(LANG_AR, "/administrator"), LANG_AR);
	assert_int_equal(lang_for_path(LANG_MS, "/catalog"), LANG_MS);
	assert_int_equal(lang_for_path(LANG_AR, NULL), LANG_AR);
}

static void
test_language_of_country(void **state)
{
	(void)state;
	assert_int_equal(language_of_country("SA"), LANG_AR);
	assert_int_equal(language_of_country("DJ"), LANG_AR);
	assert_int_equal(language_of_country("AE"), LANG_AR);
	assert_int_equal(language_of_country("BN"), LANG_MS);
	assert_int_equal(language_of_country("TW"), -1);
	assert_int_equal(language_of_country("SG"), -1);
	assert_int_equal(language_of_country("S"), -1);
	assert_int_equal(language_of_country(""), -1);
	assert_int_equal(language_of_country(NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang_choose_order),
		cmocka_unit_test(test_lang_choose_admin),
		cmocka_unit_test(test_lang_for_path_console),
		cmocka_unit_test(test_language_of_country),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
