/*
 * Translations through the build's catalogues: per-thread languages,
 * plural forms, English for what a catalogue lacks.
 */

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/i18n.h"

static int
setup(void **state)
{
	char err[300];

	(void)state;
	if (i18n_init(TEST_LOCALE_DIR, err, sizeof(err)) == -1) {
		print_error("i18n_init: %s\n", err);
		return -1;
	}
	return 0;
}

static void
test_i18n_each_language(void **state)
{
	(void)state;
	i18n_use(LANG_EN);
	assert_string_equal(_("Sign in"), "Sign in");
	i18n_use(LANG_ZH);
	assert_string_equal(_("Sign in"), "登录");
	i18n_use(LANG_AR);
	assert_string_equal(_("Sign in"), "تسجيل الدخول");
	i18n_use(LANG_MS);
	assert_string_equal(_("Sign in"), "Log masuk");
	/* Not in any catalogue: the English text itself. */
	assert_string_equal(_("no such text in any catalogue"),
	    "no such text in any catalogue");
	i18n_use(LANG_EN);
}

/* Arabic's six plural forms: zero, one, two, few (3-10), many (11-99) and
 * other (100-102), by n mod 100 as CLDR says; zero and other read alike
 * ("{N} يوم"), the other four differ from each other and from them. */
static void
test_i18n_arabic_plural_forms(void **state)
{
	static const unsigned long n[] = { 0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111 };
	static const int form[] = { 0, 1, 2, 3, 3, 4, 4, 5, 5, 3, 4 };
	const char *seen[6] = { 0 };
	size_t i;
	int f, g;

	(void)state;
	i18n_use(LANG_AR);
	for (i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
		const char *s = ngettext("day", "days", n[i]);

		f = form[i];
		if (seen[f] == NULL)
			seen[f] = s;
		assert_string_equal(s, seen[f]);
	}
	for (f = 1; f < 6; f++)
		for (g = f + 1; g < 6; g++)
			assert_string_not_equal(seen[f], seen[g]);
	assert_string_equal(seen[0], seen[5]);
	i18n_use(LANG_ZH);
	assert_string_equal(ngettext("day", "days", 1), ngettext("day", "days", 5));
	i18n_use(LANG_EN);
	assert_string_equal(ngettext("day", "days", 1), "day");
	assert_string_equal(ngettext("day", "days", 0), "days");
}

static void *
in_malay(void *arg)
{
	static int yes = 1;

	(void)arg;
	i18n_use(LANG_MS);
	return strcmp(_("Sign in"), "Log masuk") == 0 ? &yes : NULL;
}

/* A thread's language is its own. */
static void
test_i18n_per_thread(void **state)
{
	pthread_t t;
	void *ok;

	(void)state;
	i18n_use(LANG_ZH);
	assert_int_equal(pthread_create(&t, NULL, in_malay, NULL), 0);
	assert_int_equal(pthread_join(t, &ok), 0);
	assert_true(ok != NULL);
	assert_string_equal(_("Sign in"), "登录");
	assert_int_equal(i18n_use(LANG_EN), LANG_ZH);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_i18n_each_language),
		cmocka_unit_test(test_i18n_arabic_plural_forms),
		cmocka_unit_test(test_i18n_per_thread),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
