/*
 * The C API over ctemplate: escaping, sections, includes, start-up checks.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "view/view.h"

#ifndef TEST_TEMPLATE_DIR
#error "TEST_TEMPLATE_DIR must be defined by the build"
#endif

/* Run view_init on dir in a child process (view_init may run once per
 * process) and return its result. */
static int
init_in_child(const char *dir)
{
	pid_t pid = fork();
	int st;

	if (pid == 0) {
		char err[256];

		_exit(view_init(dir, err, sizeof(err)) == 0 ? 0 : 1);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st) == 0 ? 0 : -1;
}

static void
test_view_script_is_escaped(void **state)
{
	struct view_dict *d = view_dict_new();
	struct buf out;

	(void)state;
	buf_init(&out);
	view_set(d, "VALUE", "<script>alert(1)</script>");
	assert_int_equal(view_render("page.tpl", d, &out), 0);
	assert_null(strstr(buf_str(&out), "<script>"));
	assert_non_null(strstr(buf_str(&out),
	    "<p class=\"v\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
	view_dict_free(d);
	buf_cleanup(&out);
}

static void
test_view_attribute_and_url_contexts(void **state)
{
	struct view_dict *d = view_dict_new();
	struct buf out;

	(void)state;
	buf_init(&out);
	view_set(d, "VALUE", "\" onmouseover=\"x&y");
	assert_int_equal(view_render("page.tpl", d, &out), 0);
	/* No raw quote may close the attribute. */
	assert_null(strstr(buf_str(&out), "\" onmouseover"));
	assert_non_null(strstr(buf_str(&out), "title=\"&quot; onmouseover=&quot;x&amp;y\""));
	view_dict_free(d);
	buf_cleanup(&out);
}

static void
test_view_sections(void **state)
{
	struct view_dict *d = view_dict_new(), *row;
	struct buf out;

	(void)state;
	buf_init(&out);
	view_set(d, "VALUE", "v");
	view_show(d, "SHOWN");
	row = view_add(d, "ROW");
	view_set(row, "NAME", "a");
	view_set_int(row, "N", 1);
	row = view_add(d, "ROW");
	view_set(row, "NAME", "<b>");
	view_setf(row, "N", "%d%s", 2, "x");
	assert_int_equal(view_render("page.tpl", d, &out), 0);
	assert_non_null(strstr(buf_str(&out), "<p>shown v</p>"));
	assert_null(strstr(buf_str(&out), "hidden"));
	assert_non_null(strstr(buf_str(&out), "<li>a=1</li>\n<li>&lt;b&gt;=2x</li>"));
	view_dict_free(d);
	buf_cleanup(&out);
}

static void
test_view_include_and_global(void **state)
{
	struct view_dict *d = view_dict_new(), *part;
	struct buf out;

	(void)state;
	buf_init(&out);
	view_set(d, "VALUE", "parent");
	view_set_global(d, "GLOBAL", "g&");
	part = view_include(d, "PART", "part.tpl");
	view_set(part, "INNER", "<i>");
	assert_int_equal(view_render("page.tpl", d, &out), 0);
	/* Includes see their own values and globals, not the parent's. */
	assert_non_null(strstr(buf_str(&out),
	    "<div class=\"part\">&lt;i&gt;|g&amp;|</div>"));
	view_dict_free(d);
	buf_cleanup(&out);
}

static void
test_view_attach_borrowed(void **state)
{
	struct view_dict *outer = view_dict_new(), *body = view_dict_new();
	struct buf out;

	(void)state;
	buf_init(&out);
	view_set(body, "VALUE", "inside");
	view_attach(outer, "BODY", "page.tpl", body);
	assert_int_equal(view_render("wrap.tpl", outer, &out), 0);
	assert_non_null(strstr(buf_str(&out), "<main><p class=\"v\">inside</p>"));
	view_dict_free(outer);
	/* body is still the caller's and still usable. */
	buf_reset(&out);
	assert_int_equal(view_render("page.tpl", body, &out), 0);
	view_dict_free(body);
	buf_cleanup(&out);
}

static void
test_view_missing_template_fails_cleanly(void **state)
{
	struct view_dict *d = view_dict_new(), *part;
	struct buf out;

	(void)state;
	buf_init(&out);
	assert_int_equal(view_render("nope.tpl", d, &out), -1);
	assert_int_equal(out.len, 0);
	/* An include naming an unknown file fails the whole expansion. */
	part = view_include(d, "PART", "missing.tpl");
	(void)part;
	assert_int_equal(view_render("page.tpl", d, &out), -1);
	assert_int_equal(out.len, 0);
	view_dict_free(d);
	view_dict_free(NULL);
	buf_cleanup(&out);
}

static void
test_view_init_refuses_broken_templates(void **state)
{
	(void)state;
	assert_int_equal(init_in_child(TEST_TEMPLATE_DIR "_bad/unclosed"), -1);
	assert_int_equal(init_in_child(TEST_TEMPLATE_DIR "_bad/noescape"), -1);
	assert_int_equal(init_in_child(TEST_TEMPLATE_DIR "/does-not-exist"), -1);
	assert_int_equal(init_in_child(TEST_TEMPLATE_DIR), 0);
}

int
main(void)
{
	char err[256];
	/* view_init runs once per process: these fork before the parent's. */
	const struct CMUnitTest startup[] = {
		cmocka_unit_test(test_view_init_refuses_broken_templates),
	};
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_view_script_is_escaped),
		cmocka_unit_test(test_view_attribute_and_url_contexts),
		cmocka_unit_test(test_view_sections),
		cmocka_unit_test(test_view_include_and_global),
		cmocka_unit_test(test_view_attach_borrowed),
		cmocka_unit_test(test_view_missing_template_fails_cleanly),
	};

	if (cmocka_run_group_tests_name("startup", startup, NULL, NULL) != 0)
		return 1;
	if (view_init(TEST_TEMPLATE_DIR, err, sizeof(err)) != 0) {
		fprintf(stderr, "view_init: %s\n", err);
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
