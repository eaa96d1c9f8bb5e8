/*
 * Unit tests of the admins' TOTP codes (rules/totp.c) on the one clock,
 * fixed by the test (core/clock.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/clock.h"
#include "rules/totp.h"

/* RFC 6238 appendix B's SHA-1 seed: the ASCII of "1234567890" twice. */
static const unsigned char rfc_seed[] = "12345678901234567890";
#define RFC_SEED_LEN	20

/* RFC 6238 appendix B, SHA-1: the times and the last six digits of the
 * eight-digit codes given there. */
static const struct {
	int64_t		 t;
	const char	*code;
} rfc_vectors[] = {
	{ 59, "287082" },		/* 94287082 */
	{ 1111111109, "081804" },	/* 07081804 */
	{ 1111111111, "050471" },	/* 14050471 */
	{ 1234567890, "005924" },	/* 89005924 */
	{ 2000000000, "279037" },	/* 69279037 */
	{ 20000000000LL, "353130" },	/* 65353130 */
};

static int
teardown_clock(void **state)
{
	(void)state;
	clock_set_fixed(0);
	return 0;
}

static void
test_totp_rfc6238_sha1_vectors_at_fixed_clock(void **state)
{
	char code[TOTP_DIGITS + 1];
	int64_t step;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rfc_vectors) / sizeof(rfc_vectors[0]); i++) {
		clock_set_fixed(rfc_vectors[i].t);
		assert_int_equal(totp_code(rfc_seed, RFC_SEED_LEN, clock_now(),
		    code), 0);
		assert_string_equal(code, rfc_vectors[i].code);
		assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN,
		    rfc_vectors[i].code, clock_now(), 0, &step), TOTP_OK);
		assert_int_equal(step, rfc_vectors[i].t / 30);
	}
}

static void
test_totp_window_is_one_step_either_side(void **state)
{
	int64_t now, step = 0;

	(void)state;
	clock_set_fixed(1111111109);	/* step 37037036 */
	now = clock_now();
	/* The code of 1111111111 (the next step) is still good one step
	 * before, and the code of 1111111109 one step after ... */
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "050471", now, 0,
	    &step), TOTP_OK);
	assert_int_equal(step, 1111111111 / 30);
	clock_set_fixed(1111111109 + 30);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "081804",
	    clock_now(), 0, &step), TOTP_OK);
	assert_int_equal(step, 1111111109 / 30);
	/* ... but not two steps away. */
	clock_set_fixed(1111111109 + 60);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "081804",
	    clock_now(), 0, &step), TOTP_WRONG);
	clock_set_fixed(1111111109 - 60);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "081804",
	    clock_now(), 0, &step), TOTP_WRONG);
}

static void
test_totp_code_used_in_its_step_is_a_replay(void **state)
{
	int64_t step = 0;

	(void)state;
	clock_set_fixed(1234567890);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "005924",
	    clock_now(), 0, &step), TOTP_OK);
	/* The step is now used: the same code again is refused, also a few
	 * seconds later in the same step and in the next step's window. */
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "005924",
	    clock_now(), step, NULL), TOTP_REPLAY);
	clock_set_fixed(1234567890 + 20);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "005924",
	    clock_now(), step, NULL), TOTP_REPLAY);
	/* The next step's code is a new code, and good. */
	{
		char next[TOTP_DIGITS + 1];
		int64_t s2 = 0;

		assert_int_equal(totp_code(rfc_seed, RFC_SEED_LEN,
		    (step + 1) * TOTP_STEP, next), 0);
		assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, next,
		    clock_now(), step, &s2), TOTP_OK);
		assert_int_equal(s2, step + 1);
	}
}

static void
test_totp_malformed_and_wrong_codes(void **state)
{
	(void)state;
	clock_set_fixed(59);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "287 082",
	    clock_now(), 0, NULL), TOTP_OK);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "287083",
	    clock_now(), 0, NULL), TOTP_WRONG);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "28708",
	    clock_now(), 0, NULL), TOTP_MALFORMED);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "2870821",
	    clock_now(), 0, NULL), TOTP_MALFORMED);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, "28708a",
	    clock_now(), 0, NULL), TOTP_MALFORMED);
	assert_int_equal(totp_check(rfc_seed, RFC_SEED_LEN, NULL,
	    clock_now(), 0, NULL), TOTP_MALFORMED);
}

static void
test_totp_base32_round_trip(void **state)
{
	unsigned char back[TOTP_SECRET_BYTES];
	char b32[TOTP_SECRET_B32 + 1];

	(void)state;
	assert_int_equal(totp_base32(rfc_seed, RFC_SEED_LEN, b32,
	    sizeof(b32)), 0);
	assert_string_equal(b32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	assert_int_equal(totp_base32_secret("gezd gnbv gy3t qojq gezd gnbv "
	    "gy3t qojq", back), 0);
	assert_memory_equal(back, rfc_seed, RFC_SEED_LEN);
	assert_int_equal(totp_base32_secret("GEZDGNBVGY3TQOJQ", back), -1);
	assert_int_equal(totp_base32_secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ1",
	    back), -1);
	assert_int_equal(totp_base32(rfc_seed, RFC_SEED_LEN, b32, 10), -1);
}

static void
test_totp_recovery_code_text(void **state)
{
	char out[TOTP_RECOVERY_LEN + 1];

	(void)state;
	assert_int_equal(totp_recovery_normalize("abcde-fgh23", out), 0);
	assert_string_equal(out, "ABCDE-FGH23");
	assert_int_equal(totp_recovery_normalize(" ABCDE FGH23 ", out), 0);
	assert_string_equal(out, "ABCDE-FGH23");
	assert_int_equal(totp_recovery_normalize("ABCDE-FGH2", out), -1);
	assert_int_equal(totp_recovery_normalize("ABCDE-FGH234", out), -1);
	assert_int_equal(totp_recovery_normalize("ABCDE-FGH21", out), -1);
	assert_int_equal(totp_recovery_normalize("123456", out), -1);
}

static void
test_totp_reauth_after_fifteen_minutes(void **state)
{
	(void)state;
	clock_set_fixed(1700000000);
	assert_false(totp_reauth_due(clock_now() - 60, clock_now()));
	assert_false(totp_reauth_due(clock_now() - TOTP_REAUTH_AFTER,
	    clock_now()));
	assert_true(totp_reauth_due(clock_now() - TOTP_REAUTH_AFTER - 1,
	    clock_now()));
	assert_true(totp_reauth_due(0, clock_now()));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(
		    test_totp_rfc6238_sha1_vectors_at_fixed_clock,
		    teardown_clock),
		cmocka_unit_test_teardown(
		    test_totp_window_is_one_step_either_side, teardown_clock),
		cmocka_unit_test_teardown(
		    test_totp_code_used_in_its_step_is_a_replay,
		    teardown_clock),
		cmocka_unit_test_teardown(test_totp_malformed_and_wrong_codes,
		    teardown_clock),
		cmocka_unit_test(test_totp_base32_round_trip),
		cmocka_unit_test(test_totp_recovery_code_text),
		cmocka_unit_test_teardown(
		    test_totp_reauth_after_fifteen_minutes, teardown_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
