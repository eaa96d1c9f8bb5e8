/*
 * The admin search box: what a typed text is taken for (order number,
 * remittance code, email, tracking number or company), and the queue an
 * order waits in (service/search.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/rfcode.h"
#include "service/queues.h"
#include "service/search.h"

/* The kind of q, its normalised text into norm. */
static enum search_kind
kind(const char *q, char *norm, const char **msg)
{
	return search_classify(q, norm, 256, msg);
}

static void
test_search_classify_kinds(void **state)
{
	char		 norm[256], rf[RFCODE_MAX], typed[64];
	const char	*msg;
	size_t		 i, j;

	(void)state;
	assert_int_equal(kind("  ", norm, &msg), SEARCH_EMPTY);
	assert_int_equal(kind(" 1234 ", norm, &msg), SEARCH_ORDER);
	assert_string_equal(norm, "1234");
	assert_int_equal(kind("#77", norm, &msg), SEARCH_ORDER);
	assert_string_equal(norm, "77");
	assert_int_equal(kind("#7a", norm, &msg), SEARCH_BAD);
	assert_non_null(strstr(msg, "digits only"));
	assert_int_equal(kind("1234567890123456789", norm, &msg), SEARCH_BAD);
	/* a code printed in groups, lower case */
	assert_int_equal(rfcode_generate("ORDER42", 7, rf, sizeof(rf)), 0);
	for (i = j = 0; rf[i] != '\0'; i++) {
		if (i > 0 && i % 4 == 0)
			typed[j++] = ' ';
		typed[j++] = (char)(rf[i] >= 'A' && rf[i] <= 'Z' ? rf[i] + 32 :
		    rf[i]);
	}
	typed[j] = '\0';
	assert_int_equal(kind(typed, norm, &msg), SEARCH_RF_CODE);
	assert_string_equal(norm, rf);
	/* wrong check digits */
	typed[2] = typed[2] == '0' ? '1' : '0';
	assert_int_equal(kind(typed, norm, &msg), SEARCH_BAD);
	assert_non_null(strstr(msg, "remittance code"));
	assert_int_equal(kind("buyer@acme", norm, &msg), SEARCH_EMAIL);
	assert_string_equal(norm, "buyer@acme");
	assert_int_equal(kind("DX0000000123", norm, &msg), SEARCH_TEXT);
	assert_int_equal(kind("Acme Trading", norm, &msg), SEARCH_TEXT);
	/* "RF" without a digit is a company name, not a code */
	assert_int_equal(kind("RFID Systems", norm, &msg), SEARCH_TEXT);
}

static void
test_search_order_queue(void **state)
{
	(void)state;
	assert_string_equal(search_order_queue(PM_COD,
	    OS_AWAITING_REVIEW)->id, "cod_review");
	assert_string_equal(search_order_queue(PM_INSTALLMENT_CARD,
	    OS_AWAITING_REVIEW)->id, "installment_review");
	assert_string_equal(search_order_queue(PM_INSTALLMENT_CORPORATE,
	    OS_AWAITING_REVIEW)->id, "corp_applications");
	assert_string_equal(search_order_queue(PM_REMITTANCE,
	    OS_AWAITING_VERIFICATION)->id, "remittance_verify");
	assert_string_equal(search_order_queue(PM_COD, OS_RETURNED)->id,
	    "refund_due");
	assert_null(search_order_queue(PM_REMITTANCE, OS_AWAITING_REMITTANCE));
	assert_null(search_order_queue(PM_COD, OS_SHIPPED));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_classify_kinds),
		cmocka_unit_test(test_search_order_queue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
