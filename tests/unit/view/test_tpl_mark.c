/*
 * Text markers in templates: found, translated, escaped, with their lines.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "view/tpl_mark.h"

/* A translator that knows two texts and notes the lines it was asked at. */
static const char *
tr(const char *msgid, unsigned line, void *arg)
{
	struct buf *lines = arg;

	buf_printf(lines, "%u:%s|", line, msgid);
	if (strcmp(msgid, "Place order") == 0)
		return "下单";
	if (strcmp(msgid, "{COUNT} unread") == 0)
		return "未读 {COUNT} <条>";
	return NULL;
}

static int
run(const char *src, struct buf *out, struct buf *lines, char *err)
{
	buf_reset(out);
	buf_reset(lines);
	return tpl_marks(src, strlen(src), tr, lines, out, err, 100);
}

static void
test_tpl_marks_translate_and_escape(void **state)
{
	struct buf out, lines;
	char err[100];

	(void)state;
	buf_init(&out);
	buf_init(&lines);
	assert_int_equal(run("<b>{{_ Place order}}</b>\n<i>{{_   {COUNT}\n  unread}}"
	    "</i> {{NAME}} {{_\tTom & \"Jerry\"}}", &out, &lines, err), 3);
	assert_string_equal(buf_str(&out), "<b>下单</b>\n<i>未读 {{COUNT}} "
	    "&lt;条&gt;</i> {{NAME}} Tom &amp; &quot;Jerry&quot;");
	/* Blank space collapsed; each text's line is where it starts. */
	assert_string_equal(buf_str(&lines), "1:Place order|2:{COUNT} unread|"
	    "3:Tom & \"Jerry\"|");
	/* A variable named _x is not a marker. */
	assert_int_equal(run("{{_X}} {{_ Place order}}", &out, &lines, err), 1);
	assert_string_equal(buf_str(&out), "{{_X}} 下单");
	buf_cleanup(&out);
	buf_cleanup(&lines);
}

static void
test_tpl_marks_malformed(void **state)
{
	struct buf out, lines;
	char err[100];

	(void)state;
	buf_init(&out);
	buf_init(&lines);
	assert_int_equal(run("a\n{{_ never closed", &out, &lines, err), -1);
	assert_string_equal(err, "line 2: text marker not closed by \"}}\"");
	assert_int_equal(run("{{_ a {{B}} c}}", &out, &lines, err), -1);
	assert_int_equal(run("{{_   }}", &out, &lines, err), -1);
	assert_string_equal(err, "line 1: empty text marker");
	/* Without out, only counted (the extraction). */
	assert_int_equal(tpl_marks("{{_ a}}{{_ b}}", 14, NULL, NULL, NULL,
	    err, sizeof(err)), 2);
	buf_cleanup(&out);
	buf_cleanup(&lines);
}

/* The admin console's templates (and only those) read the admin domain. */
static void
test_tpl_domain(void **state)
{
	(void)state;
	assert_string_equal(tpl_domain("admin_dashboard.tpl"),
	    I18N_ADMIN_DOMAIN);
	assert_string_equal(tpl_domain("remittance_admin_voucher.tpl"),
	    I18N_ADMIN_DOMAIN);
	assert_string_equal(tpl_domain("cod_users.tpl"), I18N_ADMIN_DOMAIN);
	assert_null(tpl_domain("layout.tpl"));
	assert_null(tpl_domain("checkout.tpl"));
	assert_null(tpl_domain("cod_account.tpl"));
	assert_null(tpl_domain("bank/admin_page.tpl"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tpl_marks_translate_and_escape),
		cmocka_unit_test(test_tpl_marks_malformed),
		cmocka_unit_test(test_tpl_domain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
