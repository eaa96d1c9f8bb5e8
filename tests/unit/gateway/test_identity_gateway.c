/*
 * The identity service's and credit bureau's sandboxes (gateway/identity.h,
 * gateway/creditbureau.h) and the real-name form's checks
 * (identity_check_input), without a server.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "gateway/creditbureau.h"
#include "gateway/identity.h"
#include "service/identity.h"

/* The sandbox's answer for number: 0 with *out, or -1 (unavailable). */
static int
outcome(const char *number, enum identity_outcome *out)
{
	struct identity_request	rq = { "Ida", "1990-01-01", "passport",
	    number };
	struct identity_answer	ans;
	char			err[64];
	int			rc;

	rc = identity_gateway_get("sandbox")->check(&rq, 0, &ans, err,
	    sizeof(err));
	if (rc == 0) {
		*out = ans.outcome;
		assert_int_equal(strncmp(ans.ref, "idv_", 4), 0);
	}
	return rc;
}

/* INST-01: the last digit decides: 0-6 match, 7 mismatch, 8 review,
 * 9 unavailable; no digit is a mismatch. */
static void
test_INST_01_identity_sandbox_by_last_digit(void **state)
{
	enum identity_outcome o;

	(void)state;
	assert_null(identity_gateway_get("nonesuch"));
	assert_int_equal(outcome("A-100-0", &o), 0);
	assert_int_equal(o, IDENTITY_MATCH);
	assert_int_equal(outcome("A1006x", &o), 0);	/* last digit 6 */
	assert_int_equal(o, IDENTITY_MATCH);
	assert_int_equal(outcome("A1007", &o), 0);
	assert_int_equal(o, IDENTITY_MISMATCH);
	assert_int_equal(outcome("ABCDE", &o), 0);
	assert_int_equal(o, IDENTITY_MISMATCH);
	assert_int_equal(outcome("A1008", &o), 0);
	assert_int_equal(o, IDENTITY_REVIEW);
	assert_int_equal(outcome("A1009", &o), -1);
}

/* INST-02: the bureau's score is the three digits before the last one
 * when they read 300..850, otherwise 650; no consent, no evaluation. */
static void
test_INST_02_bureau_sandbox_score_rule(void **state)
{
	struct bureau_request	rq = { "Ida", "", "A1234-700-0",
	    "credit-consent-2026-12" };
	struct bureau_answer	ans;
	char			err[64];

	(void)state;
	assert_int_equal(bureau_sandbox_score("A1234-700-0"), 700);
	assert_int_equal(bureau_sandbox_score("P-551-1"), 551);
	assert_int_equal(bureau_sandbox_score("X-299-1"), 650);
	assert_int_equal(bureau_sandbox_score("X-851-1"), 650);
	assert_int_equal(bureau_sandbox_score("12"), 650);
	assert_int_equal(bureau_sandbox_score(""), 650);
	assert_int_equal(bureau_sandbox.evaluate(&rq, 0, &ans, err,
	    sizeof(err)), 0);
	assert_int_equal(ans.score, 700);
	rq.consent_version = "";
	assert_int_equal(bureau_sandbox.evaluate(&rq, 0, &ans, err,
	    sizeof(err)), -1);
}

/* INST-01: the form's checks, every field at once. */
static void
test_INST_01_form_checks(void **state)
{
	static const unsigned char photo[] = { 1 };
	struct identity_input	in = { "Ida Example", "1990-04-21",
	    "passport", "P1234567", photo, sizeof(photo) };
	struct identity_errors	err;

	(void)state;
	assert_int_equal(identity_check_input(&in, "2026-12-03", &err), 0);
	/* 18 years old today: accepted; one day younger: refused. */
	in.birth_date = "2008-12-03";
	assert_int_equal(identity_check_input(&in, "2026-12-03", &err), 0);
	in.birth_date = "2008-12-04";
	assert_int_equal(identity_check_input(&in, "2026-12-03", &err), 1);
	assert_non_null(strstr(err.birth_date, "18 or older"));
	in.legal_name = "  ";
	in.birth_date = "1990-02-30";
	in.id_type = "library_card";
	in.id_number = "12<34>56";
	in.photo = NULL;
	assert_int_equal(identity_check_input(&in, "2026-12-03", &err), 5);
	assert_true(err.legal_name[0] && err.birth_date[0] && err.id_type[0] &&
	    err.id_number[0] && err.photo[0]);
	in.id_number = "ABCDEFG";
	assert_int_equal(identity_check_input(&in, "2026-12-03", &err), 5);
	assert_non_null(strstr(err.id_number, "no digit"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_01_identity_sandbox_by_last_digit),
		cmocka_unit_test(test_INST_02_bureau_sandbox_score_rule),
		cmocka_unit_test(test_INST_01_form_checks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
