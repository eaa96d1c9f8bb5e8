/*
 * Admin roles (core/admin_role.h): names parse to their bits, lists and
 * "all" too; unknown or empty names are refused; the words for people
 * and the names for the audit come back in the table's order.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/admin_role.h"

static void
test_admin_roles_parse(void **state)
{
	unsigned r = 99;

	(void)state;
	assert_int_equal(admin_roles_parse("reviewer", &r), 0);
	assert_int_equal(r, ADMIN_REVIEWER);
	assert_int_equal(admin_roles_parse("finance,owner", &r), 0);
	assert_int_equal(r, ADMIN_FINANCE | ADMIN_OWNER);
	assert_int_equal(admin_roles_parse("settings,settings", &r), 0);
	assert_int_equal(r, ADMIN_SETTINGS);
	assert_int_equal(admin_roles_parse("all", &r), 0);
	assert_int_equal(r, ADMIN_ROLES_ALL);
}

static void
test_admin_roles_parse_refuses(void **state)
{
	static const char *const bad[] = { "", "admin", "Reviewer",
	    "reviewer,", ",finance", "finance,,owner", "owners",
	    "reviewer finance", "all,owner" };
	unsigned r = 77;
	size_t i;

	(void)state;
	assert_int_equal(admin_roles_parse(NULL, &r), -1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (admin_roles_parse(bad[i], &r) != -1)
			fail_msg("\"%s\" parsed", bad[i]);
		assert_int_equal(r, 77);
	}
}

static void
test_admin_roles_words_and_names(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(admin_roles_words(ADMIN_OWNER | ADMIN_REVIEWER,
	    out, sizeof(out)), "Reviewer, Owner");
	assert_string_equal(admin_roles_words(0, out, sizeof(out)),
	    "no role");
	assert_string_equal(admin_roles_names(ADMIN_ROLES_ALL, out,
	    sizeof(out)), "reviewer,finance,settings,owner");
	assert_string_equal(admin_roles_names(0, out, sizeof(out)), "none");
	/* every name of the table reads back as its own bit */
	for (size_t i = 0; i < ADMIN_ROLES_N; i++) {
		unsigned r = 0;

		assert_int_equal(admin_roles_parse(admin_role_table[i].name,
		    &r), 0);
		assert_int_equal(r, admin_role_table[i].bit);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin_roles_parse),
		cmocka_unit_test(test_admin_roles_parse_refuses),
		cmocka_unit_test(test_admin_roles_words_and_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
