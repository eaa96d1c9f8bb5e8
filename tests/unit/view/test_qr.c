/*
 * Unit tests of the QR code as SVG path data (view/qr.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/buf.h"
#include "view/qr.h"

static void
test_qr_path_draws_the_finder_patterns(void **state)
{
	struct buf	b;
	int		size = 0, w;
	char		tr[48], bl[48];

	(void)state;
	buf_init(&b);
	assert_int_equal(qr_svg_path("otpauth://totp/mallpay:admin@demo.test"
	    "?secret=MALLPAYDEMOADMINTOTPSECRETKEY234&issuer=mallpay", &b,
	    &size), 0);
	/* The symbol's width is 17 + 4 per version, plus the quiet zone. */
	w = size - 8;
	assert_true(w >= 21 && (w - 17) % 4 == 0);
	/* The three finder patterns: the top row of each is 7 dark modules
	 * at the corners, shifted by the 4-module quiet zone. */
	assert_non_null(strstr(buf_str(&b), "M4 4h7v1h-7z"));
	snprintf(tr, sizeof(tr), "M%d 4h7v1h-7z", 4 + w - 7);
	assert_non_null(strstr(buf_str(&b), tr));
	snprintf(bl, sizeof(bl), "M4 %dh7v1h-7z", 4 + w - 7);
	assert_non_null(strstr(buf_str(&b), bl));
	/* Path data only: nothing to escape in an attribute. */
	assert_int_equal(strspn(buf_str(&b), "Mhvz-0123456789 "), b.len);
	buf_cleanup(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qr_path_draws_the_finder_patterns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
