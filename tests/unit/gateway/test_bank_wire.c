/*
 * The signed messages between the mall and the bank's hosted card page
 * (gateway/bank_wire.h): what both sides check before they believe a
 * session request, an outcome or a deduction; and the sandbox bank's BIN
 * table (sandbox/hosted.h) that decides who is challenged.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "gateway/bank_wire.h"
#include "sandbox/hosted.h"

#define KEY	"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
#define OTHER	"ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"
#define NOW	1796380800	/* 2026-12-04 */

/* A signed outcome at ts. */
static void
signed_msg(struct buf *m, int64_t ts)
{
	buf_init(m);
	bank_wire_add(m, "session", "bs_0123");
	bank_wire_add(m, "result", "declined");
	bank_wire_add(m, "reason", "the code was wrong & late=yes");
	bank_wire_add(m, "amount", "72900");
	assert_int_equal(bank_wire_sign(m, KEY, ts), 0);
}

static void
test_bank_wire_genuine_message_checks(void **state)
{
	struct buf	m;
	char		v[64];

	(void)state;
	signed_msg(&m, NOW);
	assert_int_equal(bank_wire_check(m.data, m.len, KEY, NOW,
	    BANK_WIRE_MAX_AGE), 0);
	/* Values come back decoded, separators inside them kept. */
	assert_int_equal(bank_wire_get(m.data, m.len, "reason", v, sizeof(v)),
	    1);
	assert_string_equal(v, "the code was wrong & late=yes");
	assert_int_equal(bank_wire_get(m.data, m.len, "late", v, sizeof(v)),
	    0);
	assert_int_equal(bank_wire_get(m.data, m.len, "amount", v, 3), -1);
	buf_cleanup(&m);
}

static void
test_bank_wire_tampered_or_foreign_refused(void **state)
{
	struct buf	m;
	char		*p;

	(void)state;
	signed_msg(&m, NOW);
	assert_int_equal(bank_wire_check(m.data, m.len, OTHER, NOW,
	    BANK_WIRE_MAX_AGE), -1);
	p = strstr(m.data, "72900");
	p[0] = '1';
	assert_int_equal(bank_wire_check(m.data, m.len, KEY, NOW,
	    BANK_WIRE_MAX_AGE), -1);
	p[0] = '7';
	assert_int_equal(bank_wire_check(m.data, m.len, KEY, NOW,
	    BANK_WIRE_MAX_AGE), 0);
	/* The signature cut short, or gone. */
	assert_int_equal(bank_wire_check(m.data, m.len - 1, KEY, NOW,
	    BANK_WIRE_MAX_AGE), -1);
	p = strstr(m.data, "&sig=");
	assert_int_equal(bank_wire_check(m.data, (size_t)(p - m.data), KEY,
	    NOW, BANK_WIRE_MAX_AGE), -1);
	/* A key that is not 64 hex digits signs nothing. */
	assert_int_equal(bank_wire_sign(&m, "abc", NOW), -1);
	buf_cleanup(&m);
}

static void
test_bank_wire_stale_refused(void **state)
{
	struct buf m;

	(void)state;
	signed_msg(&m, NOW - BANK_WIRE_MAX_AGE - 1);
	assert_int_equal(bank_wire_check(m.data, m.len, KEY, NOW,
	    BANK_WIRE_MAX_AGE), -2);
	/* The same message is fresh enough for a return through a browser. */
	assert_int_equal(bank_wire_check(m.data, m.len, KEY, NOW,
	    BANK_WIRE_RETURN_AGE), 0);
	buf_cleanup(&m);
	signed_msg(&m, NOW + BANK_WIRE_MAX_AGE + 1);
	assert_int_equal(bank_wire_check(m.data, m.len, KEY, NOW,
	    BANK_WIRE_MAX_AGE), -2);
	buf_cleanup(&m);
}

/* The sandbox's BIN table decides who gets a 3-D Secure challenge. */
static void
test_bank_sandbox_bin_table_eea(void **state)
{
	(void)state;
	assert_string_equal(hosted_bin_country("4002760000003185"), "DE");
	assert_string_equal(hosted_bin_country("4002500000003151"), "FR");
	assert_string_equal(hosted_bin_country("4111111111111111"), "US");
	assert_string_equal(hosted_bin_country("6200000000000005"), "CN");
	assert_string_equal(hosted_bin_country("3530111333300000"), "US");
	assert_true(hosted_eea("DE"));
	assert_true(hosted_eea("FR"));
	assert_true(hosted_eea("NO"));
	assert_false(hosted_eea("US"));
	assert_false(hosted_eea("CN"));
	assert_false(hosted_eea("GB"));
	assert_false(hosted_eea("E"));
	assert_false(hosted_eea("T "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bank_wire_genuine_message_checks),
		cmocka_unit_test(test_bank_wire_tampered_or_foreign_refused),
		cmocka_unit_test(test_bank_wire_stale_refused),
		cmocka_unit_test(test_bank_sandbox_bin_table_eea),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
