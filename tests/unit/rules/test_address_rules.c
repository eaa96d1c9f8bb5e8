/*
 * Delivery addresses: the postal code of every demo country, phone
 * numbers and the field messages of one address (rules/address.c).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "rules/address.h"

/* One postal case: country, as typed, the written form ("" refused). */
struct pcase {
	const char	*cc, *typed, *want;
};

static const struct pcase pcases[] = {
	{ "MY", "50450", "50450" }, { "MY", " 50450 ", "50450" },
	{ "MY", "5045", "" }, { "MY", "504501", "" }, { "MY", "5O450", "" },
	{ "MY", "", "" },
	{ "SG", "018956", "018956" }, { "SG", "18956", "" },
	{ "TH", "10330", "10330" }, { "TH", "103300", "" },
	{ "ID", "10110", "10110" }, { "ID", "1011", "" },
	{ "PH", "1000", "1000" }, { "PH", "10000", "" },
	{ "VN", "100000", "100000" }, { "VN", "10000", "" },
	{ "AE", "", "" }, { "AE", "00000", "" },
	{ "SA", "12271", "12271" }, { "SA", "12271-1234", "12271-1234" },
	{ "SA", "122711234", "12271-1234" }, { "SA", "1227", "" },
	{ "PL", "00-950", "00-950" }, { "PL", "00950", "00-950" },
	{ "PL", "0-0950", "00-950" }, { "PL", "009500", "" },
	{ "ES", "28013", "28013" }, { "ES", "2801", "" },
	{ "IT", "00184", "00184" }, { "IT", "0018", "" },
	{ "DE", "10115", "10115" }, { "DE", "1011", "" },
	{ "DE", "D-10115", "" },
	{ "FR", "75001", "75001" }, { "FR", "7500", "" },
	{ "GB", "SW1A 1AA", "SW1A 1AA" }, { "GB", "sw1a1aa", "SW1A 1AA" },
	{ "GB", "M1 1AE", "M1 1AE" }, { "GB", "B33 8TH", "B33 8TH" },
	{ "GB", "CR2 6XH", "CR2 6XH" }, { "GB", "DN55 1PT", "DN55 1PT" },
	{ "GB", "W1A 0AX", "W1A 0AX" }, { "GB", "EC1A 1BB", "EC1A 1BB" },
	{ "GB", "SW1A", "" }, { "GB", "12345", "" }, { "GB", "SW1A 1A", "" },
	{ "GB", "SW1A 11A", "" },
	{ "US", "10001", "10001" }, { "US", "10001-1234", "10001-1234" },
	{ "US", "1000", "" }, { "US", "ABCDE", "" },
	{ "CA", "K1A 0B1", "K1A 0B1" }, { "CA", "k1a0b1", "K1A 0B1" },
	{ "CA", "K1A 0BB", "" },
	{ "JP", "100-0001", "100-0001" }, { "JP", "1000001", "100-0001" },
	{ "JP", "100-001", "" },
	{ "KP", "", "" }, { "KP", "12345", "" },
	{ "CN", "200120", "200120" }, { "CN", "20012", "" },
	{ "PN", "PCRN 1ZZ", "PCRN 1ZZ" }, { "PN", "pcrn1zz", "PCRN 1ZZ" },
	{ "PN", "PCRN 2ZZ", "" },
	{ "FK", "FIQQ 1ZZ", "FIQQ 1ZZ" }, { "FK", "FIQQ", "" },
	/* A country outside the table: only the length. */
	{ "ZZ", "anything 1", "anything 1" },
	{ "ZZ", "12345678901234567", "" },
};

/* Every demo country's format, accepted and refused forms. */
static void
test_postal_code_per_demo_country(void **state)
{
	char	 out[ADDR_POSTAL_MAX + 1], msg[200];
	size_t	 i;
	int	 rc, refused;

	(void)state;
	for (i = 0; i < sizeof(pcases) / sizeof(pcases[0]); i++) {
		const struct pcase *c = &pcases[i];

		rc = addr_postal_check(c->cc, c->typed, out, sizeof(out), msg,
		    sizeof(msg));
		refused = c->want[0] == '\0' && !(c->typed[0] == '\0' &&
		    (strcmp(c->cc, "AE") == 0 || strcmp(c->cc, "KP") == 0));
		if (refused) {
			if (rc != -1)
				fail_msg("%s \"%s\" accepted as \"%s\"", c->cc,
				    c->typed, out);
			assert_true(msg[0] != '\0');
		} else {
			if (rc != 0)
				fail_msg("%s \"%s\" refused: %s", c->cc,
				    c->typed, msg);
			assert_string_equal(out, c->want);
		}
	}
}

/* The message names the country and shows the format. */
static void
test_postal_message_says_the_format(void **state)
{
	char out[ADDR_POSTAL_MAX + 1], msg[200];

	(void)state;
	assert_int_equal(addr_postal_check("MY", "123", out, sizeof(out), msg,
	    sizeof(msg)), -1);
	assert_non_null(strstr(msg, "Malaysia"));
	assert_non_null(strstr(msg, "5 digits"));
	assert_int_equal(addr_postal_check("AE", "12345", out, sizeof(out),
	    msg, sizeof(msg)), -1);
	assert_non_null(strstr(msg, "no postal code"));
	assert_int_equal(addr_postal_check("GB", "", out, sizeof(out), msg,
	    sizeof(msg)), -1);
	assert_non_null(strstr(msg, "Please enter the postal code"));
}

static void
test_phone_numbers(void **state)
{
	static const char *const ok[] = { "+60123450001", "+60 12-345 0001",
	    "(03) 2161 1234", "0123456", "+44 20 7946 0958",
	    "+1.212.555.0100", "123456789012345" };
	static const char *const bad[] = { "", "   ", "123456",
	    "1234567890123456", "+60 12 345 abc", "60+123456789",
	    "+60123450001 ext 2", "++60123450001" };
	char	 out[ADDR_PHONE_MAX + 1];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (addr_phone_check(ok[i], out, sizeof(out)) != 0)
			fail_msg("phone \"%s\" refused", ok[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (addr_phone_check(bad[i], out, sizeof(out)) != -1)
			fail_msg("phone \"%s\" accepted", bad[i]);
	assert_int_equal(addr_phone_check("  +60 12 ", out, sizeof(out)), -1);
	assert_int_equal(addr_phone_check(" +60 12-345 0001 ", out,
	    sizeof(out)), 0);
	assert_string_equal(out, "+60 12-345 0001");
}

/* A whole address: normalised, or one message per wrong field. */
static void
test_address_fields(void **state)
{
	struct addr_input	in = { "  Nadia New ", "1 Jalan Ampang", NULL,
	    "Kuala Lumpur", "Wilayah Persekutuan", "50450", "MY",
	    "+60123450001" };
	struct addr_clean	out;
	struct addr_errors	err;
	char			long_line[200];

	(void)state;
	assert_int_equal(addr_check(&in, 1, &out, &err), 0);
	assert_string_equal(out.recipient, "Nadia New");
	assert_string_equal(out.line2, "");
	assert_string_equal(out.country, "MY");
	/* Unknown country: the country is in error, the postal code is not
	 * judged against a country nobody chose. */
	assert_int_equal(addr_check(&in, 0, &out, &err), 1);
	assert_non_null(err.country);
	assert_null(err.postal_code);
	memset(long_line, 'x', sizeof(long_line) - 1);
	long_line[sizeof(long_line) - 1] = '\0';
	in.recipient = "";
	in.line1 = long_line;
	in.city = NULL;
	in.postal_code = "5045";
	in.phone = "12";
	assert_int_equal(addr_check(&in, 1, &out, &err), 5);
	assert_string_equal(err.recipient, "Please fill in this field.");
	assert_non_null(strstr(err.line1, "too long"));
	assert_string_equal(err.city, "Please fill in this field.");
	assert_non_null(strstr(err.postal_code, "5 digits"));
	assert_non_null(strstr(err.phone, "7 to 15 digits"));
	assert_null(err.line2);
	assert_null(err.region);
	assert_null(err.country);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_postal_code_per_demo_country),
		cmocka_unit_test(test_postal_message_says_the_format),
		cmocka_unit_test(test_phone_numbers),
		cmocka_unit_test(test_address_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
