/*
 * Card numbers for credit-card installments (RULES INST-CC): Luhn, brand
 * from the prefix, lengths, last four digits.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules/card.h"

#define LUHN(s)		card_luhn_valid((s), strlen(s))
#define BRAND(s)	card_brand_of((s), strlen(s))

static void
test_INST_CC_luhn_known_numbers(void **state)
{
	(void)state;
	assert_int_equal(LUHN("4111111111111111"), 1);
	assert_int_equal(LUHN("4111 1111 1111 1111"), 1);
	assert_int_equal(LUHN("5555555555554444"), 1);
	assert_int_equal(LUHN("2221000000000009"), 1);
	assert_int_equal(LUHN("6200000000000005"), 1);
	assert_int_equal(LUHN("4000000000006"), 1);
	/* One digit off, or two neighbours swapped, fails. */
	assert_int_equal(LUHN("4111111111111112"), 0);
	assert_int_equal(LUHN("5555555555554445"), 0);
	assert_int_equal(LUHN("2220100000000009"), 0);	/* 1 <-> 0 */
	/* Luhn's known blind spot: swapping 0 and 9 is not detected. */
	assert_int_equal(LUHN("2221000000000090"), 1);
	assert_int_equal(LUHN("4111111111111101"), 0);
}

static void
test_INST_CC_luhn_every_digit_error_caught(void **state)
{
	char num[] = "4539578763621486", bad[sizeof(num)];
	size_t i;
	char c;

	(void)state;
	assert_int_equal(LUHN(num), 1);
	for (i = 0; i < strlen(num); i++) {
		for (c = '0'; c <= '9'; c++) {
			if (c == num[i])
				continue;
			memcpy(bad, num, sizeof(num));
			bad[i] = c;
			assert_int_equal(LUHN(bad), 0);
		}
	}
}

static void
test_INST_CC_luhn_refuses_non_numbers(void **state)
{
	char d[CARD_MAX_DIGITS + 1];

	(void)state;
	assert_int_equal(LUHN(""), 0);
	assert_int_equal(LUHN("4111-1111-1111-1111"), 0);
	assert_int_equal(LUHN("4111111111111111x"), 0);
	assert_int_equal(LUHN("00000000000"), 0);		/* 11 digits */
	assert_int_equal(LUHN("000000000000"), 1);		/* 12 digits */
	assert_int_equal(LUHN("40000000000000000000"), 0);	/* 20 digits */
	assert_int_equal(card_digits(" 4111 1111 1111 1111 ", 21, d,
	    sizeof(d)), 16);
	assert_string_equal(d, "4111111111111111");
	assert_int_equal(card_digits("4111111111111111", 16, d, 10), -1);
	assert_int_equal(card_digits(NULL, 0, d, sizeof(d)), -1);
}

static void
test_INST_CC_brand_from_prefix(void **state)
{
	(void)state;
	assert_int_equal(BRAND("4111111111111111"), CARD_VISA);
	assert_int_equal(BRAND("5100000000000008"), CARD_MASTERCARD);
	assert_int_equal(BRAND("5500000000000004"), CARD_MASTERCARD);
	assert_int_equal(BRAND("5600000000000003"), CARD_UNKNOWN);
	assert_int_equal(BRAND("5000000000000009"), CARD_UNKNOWN);
	/* The Mastercard 2-series: 2221..2720. */
	assert_int_equal(BRAND("2220000000000000"), CARD_UNKNOWN);
	assert_int_equal(BRAND("2221000000000009"), CARD_MASTERCARD);
	assert_int_equal(BRAND("2720000000000005"), CARD_MASTERCARD);
	assert_int_equal(BRAND("2721000000000004"), CARD_UNKNOWN);
	assert_int_equal(BRAND("6200000000000005"), CARD_UNIONPAY);
	assert_int_equal(BRAND("8100000000000002"), CARD_UNIONPAY);
	assert_int_equal(BRAND("340000000000009"), CARD_UNKNOWN);
	assert_int_equal(BRAND("not a card"), CARD_UNKNOWN);
	assert_string_equal(card_brand_str(CARD_VISA), "visa");
	assert_string_equal(card_brand_str(CARD_MASTERCARD), "mastercard");
	assert_string_equal(card_brand_str(CARD_UNIONPAY), "unionpay");
	assert_string_equal(card_brand_str(CARD_UNKNOWN), "unknown");
}

static void
test_INST_CC_brand_lengths(void **state)
{
	(void)state;
	assert_true(card_brand_length_ok(CARD_VISA, 13));
	assert_true(card_brand_length_ok(CARD_VISA, 16));
	assert_true(card_brand_length_ok(CARD_VISA, 19));
	assert_false(card_brand_length_ok(CARD_VISA, 15));
	assert_true(card_brand_length_ok(CARD_MASTERCARD, 16));
	assert_false(card_brand_length_ok(CARD_MASTERCARD, 19));
	assert_false(card_brand_length_ok(CARD_UNIONPAY, 15));
	assert_true(card_brand_length_ok(CARD_UNIONPAY, 16));
	assert_true(card_brand_length_ok(CARD_UNIONPAY, 19));
	assert_false(card_brand_length_ok(CARD_UNKNOWN, 16));
}

static void
test_INST_CC_check_and_last4(void **state)
{
	struct card_info ci;
	char err[128], l4[5];

	(void)state;
	assert_int_equal(card_check("4111 1111 1111 1111", 19, &ci, err,
	    sizeof(err)), 0);
	assert_int_equal(ci.brand, CARD_VISA);
	assert_string_equal(ci.last4, "1111");
	assert_int_equal(ci.ndigits, 16);
	assert_int_equal(card_check("4000000000000000006", 19, &ci, NULL, 0),
	    0);
	assert_int_equal(card_check("6200000000000000000", 19, &ci, NULL, 0),
	    0);
	assert_int_equal(ci.brand, CARD_UNIONPAY);
	assert_string_equal(ci.last4, "0000");
	/* Luhn failure, unknown brand, wrong length: messages without the
	 * number. */
	assert_int_equal(card_check("4111111111111112", 16, &ci, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "Luhn"));
	assert_null(strstr(err, "4111"));
	assert_int_equal(card_check("340000000000009", 15, &ci, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "Visa, Mastercard and UnionPay"));
	assert_int_equal(card_check("400000000000006", 15, &ci, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "wrong length"));
	assert_int_equal(card_check("620000000000000", 15, &ci, err,
	    sizeof(err)), -1);
	assert_int_equal(card_check("12ab", 4, &ci, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "12 to 19 digits"));
	assert_int_equal(card_last4("5555 5555 5555 4444", 19, l4,
	    sizeof(l4)), 0);
	assert_string_equal(l4, "4444");
	assert_int_equal(card_last4("5555", 4, l4, sizeof(l4)), -1);
	assert_int_equal(card_last4("5555555555554444", 16, l4, 4), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_CC_luhn_known_numbers),
		cmocka_unit_test(test_INST_CC_luhn_every_digit_error_caught),
		cmocka_unit_test(test_INST_CC_luhn_refuses_non_numbers),
		cmocka_unit_test(test_INST_CC_brand_from_prefix),
		cmocka_unit_test(test_INST_CC_brand_lengths),
		cmocka_unit_test(test_INST_CC_check_and_last4),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
