/*
 * Pure parts of the corporate installment (service/company.h):
 * the 30% down payment (INST-CORP) rounding, the agreement text with
 * every figure of the plan (INST-M1..M3, APR, INST-F1, INST-F3) and the
 * SHA-256 kept of it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "core/buf.h"
#include "core/digest.h"
#include "service/company.h"

/* INST-CORP: 30% of the amount, half up to the minor unit; the plan
 * finances the rest, so the two add up to the amount. */
static void
test_INST_CORP_down_payment_rounding(void **state)
{
	(void)state;
	assert_int_equal(corp_down_payment(145800, 30), 43740);
	assert_int_equal(corp_down_payment(1, 30), 0);		/* 0.3 */
	assert_int_equal(corp_down_payment(5, 30), 2);		/* 1.5 up */
	assert_int_equal(corp_down_payment(3, 30), 1);		/* 0.9 */
	assert_int_equal(corp_down_payment(100000, 0), 0);
	assert_int_equal(corp_down_payment(100000, 100), 100000);
	/* No overflow near the int64 range. */
	assert_int_equal(corp_down_payment(INT64_MAX / 100 * 10, 30),
	    INT64_MAX / 100 * 3);
}

/* INST-CORP: the agreement states the principal after the down payment,
 * the term, the fee, each installment, the APR, the late fee and the
 * early-repayment rule; the same inputs give the same bytes (the hash
 * is reproducible), a different term gives another text. */
static void
test_INST_CORP_agreement_text_figures(void **state)
{
	struct buf	 a, b, c;
	char		 ha[65], hb[65], hc[65];

	(void)state;
	buf_init(&a);
	buf_init(&b);
	buf_init(&c);
	assert_int_equal(corp_agreement_text("Acme", 42, "USD", 145800, 30, 6,
	    "Mallpay Corporate", "0.80", "0.05", 1, "spread", NULL, &a), 0);
	assert_non_null(strstr(buf_str(&a), "Version: " CORP_AGREEMENT_VERSION));
	assert_non_null(strstr(buf_str(&a), "order #42"));
	assert_non_null(strstr(buf_str(&a), "USD 1,458.00"));
	assert_non_null(strstr(buf_str(&a), "30% of it, USD 437.40"));
	assert_non_null(strstr(buf_str(&a), "Principal financed: USD 1,020.60, "
	    "repaid in 6 monthly"));
	assert_non_null(strstr(buf_str(&a), "USD 8.16 a month, USD 48.96 in "
	    "total"));
	assert_non_null(strstr(buf_str(&a), "6. USD 170.10 principal + USD 8.16 "
	    "fee = USD 178.26"));
	assert_non_null(strstr(buf_str(&a), "APR, actuarial): 16.27%"));
	assert_non_null(strstr(buf_str(&a), "0.05% of the overdue amount"));
	assert_non_null(strstr(buf_str(&a), "begun are waived"));
	assert_int_equal(corp_agreement_text("Acme", 42, "USD", 145800, 30, 6,
	    "Mallpay Corporate", "0.80", "0.05", 1, "spread", NULL, &b), 0);
	assert_int_equal(corp_agreement_text("Acme", 42, "USD", 145800, 30, 3,
	    "Mallpay Corporate", "0.80", "0.05", 0, "spread", NULL, &c), 0);
	assert_non_null(strstr(buf_str(&c), "begun are not waived"));
	sha256_hex(buf_str(&a), a.len, ha);
	sha256_hex(buf_str(&b), b.len, hb);
	sha256_hex(buf_str(&c), c.len, hc);
	assert_string_equal(ha, hb);
	assert_string_not_equal(ha, hc);
	/* A bad rate is refused, not guessed. */
	buf_reset(&c);
	assert_int_equal(corp_agreement_text("Acme", 42, "USD", 145800, 30, 6,
	    "X", "abc", "0.05", 0, "spread", NULL, &c), -1);
	buf_cleanup(&a);
	buf_cleanup(&b);
	buf_cleanup(&c);
}

/* The signer's language form: every amount of the text is written by the
 * formatter given (here minor units in brackets), none in the mall's. */
static char *
bracket_form(const struct money *m, char *out, size_t outsz)
{
	snprintf(out, outsz, "[%lld %s]", (long long)m->minor, m->cur);
	return out;
}

static void
test_INST_CORP_agreement_amounts_by_formatter(void **state)
{
	struct buf	 a;

	(void)state;
	buf_init(&a);
	assert_int_equal(corp_agreement_text("Acme", 42, "USD", 145800, 30, 6,
	    "Mallpay Corporate", "0.80", "0.05", 1, "spread", bracket_form,
	    &a), 0);
	assert_non_null(strstr(buf_str(&a), "amount to pay is [145800 USD]"));
	assert_non_null(strstr(buf_str(&a), "30% of it, [43740 USD]"));
	assert_non_null(strstr(buf_str(&a), "6. [17010 USD] principal + "
	    "[816 USD] fee = [17826 USD]"));
	assert_null(strstr(buf_str(&a), "USD 1"));
	buf_cleanup(&a);
}

/* The SHA-256 kept is the standard one (FIPS 180-4 test vector). */
static void
test_INST_CORP_sha256_vector(void **state)
{
	char h[65];

	(void)state;
	sha256_hex("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a"
	    "9cb410ff61f20015ad");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_CORP_down_payment_rounding),
		cmocka_unit_test(test_INST_CORP_agreement_text_figures),
		cmocka_unit_test(test_INST_CORP_agreement_amounts_by_formatter),
		cmocka_unit_test(test_INST_CORP_sha256_vector),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
