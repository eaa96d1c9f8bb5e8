# rules layer: files of src/rules (see Makefile.am)

# rules-core: plan arithmetic, APR, creditor references, card numbers
libmallpay_a_SOURCES += \
	src/rules/plan.c src/rules/plan.h \
	src/rules/plan_work.c src/rules/plan_work.h \
	src/rules/apr.c src/rules/apr.h \
	src/rules/rfcode.c src/rules/rfcode.h \
	src/rules/card.c src/rules/card.h

# rules-elig: eligibility verdicts (RULES C-02, C-03, C-06, INST, COD, REM, PAU)
libmallpay_a_SOURCES += \
	src/rules/verdict.c src/rules/verdict.h \
	src/rules/facts.c src/rules/facts.h \
	src/rules/amount.c src/rules/amount.h \
	src/rules/installment.c src/rules/installment.h \
	src/rules/creditline.c src/rules/creditline.h \
	src/rules/cod.c src/rules/cod.h \
	src/rules/remittance.c src/rules/remittance.h \
	src/rules/payafter.c src/rules/payafter.h \
	src/rules/eligibility.c src/rules/eligibility.h

# the eligibility rule tests share their facts (rules_fixture.h)
EXTRA_DIST += tests/unit/rules/rules_fixture.h
UNIT_TESTS += tests/unit/rules/test_verdict
tests_unit_rules_test_verdict_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_installment_rules
tests_unit_rules_test_installment_rules_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_creditline
tests_unit_rules_test_creditline_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_cod_rules
tests_unit_rules_test_cod_rules_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_rule_sentences
tests_unit_rules_test_rule_sentences_CFLAGS = $(UNIT_CFLAGS)
tests_unit_rules_test_rule_sentences_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTEST_LOCALE_DIR='"$(abs_top_builddir)/locale"' \
	-DTEST_POT='"$(abs_top_srcdir)/po/mallpay.pot"'
UNIT_TESTS += tests/unit/rules/test_remittance_rules
tests_unit_rules_test_remittance_rules_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_payafter_rules
tests_unit_rules_test_payafter_rules_CFLAGS = $(UNIT_CFLAGS)

UNIT_TESTS += tests/unit/rules/test_plan_arithmetic
tests_unit_rules_test_plan_arithmetic_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_apr
tests_unit_rules_test_apr_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_rfcode
tests_unit_rules_test_rfcode_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_card
tests_unit_rules_test_card_CFLAGS = $(UNIT_CFLAGS)

# the next work day of an installment plan (the scheduler's index)
UNIT_TESTS += tests/unit/rules/test_plan_work
tests_unit_rules_test_plan_work_CFLAGS = $(UNIT_CFLAGS)

# addresses: postal code and phone checks of the demo countries
libmallpay_a_SOURCES += src/rules/address.c src/rules/address.h
UNIT_TESTS += tests/unit/rules/test_address_rules
tests_unit_rules_test_address_rules_CFLAGS = $(UNIT_CFLAGS)

# policy: the promised deadlines and refund rules of an order (C-04),
# sign-in throttling
libmallpay_a_SOURCES += src/rules/deadlines.c src/rules/deadlines.h \
	src/rules/signin.c src/rules/signin.h
UNIT_TESTS += tests/unit/rules/test_deadlines
tests_unit_rules_test_deadlines_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/rules/test_signin
tests_unit_rules_test_signin_CFLAGS = $(UNIT_CFLAGS)

# admins' second factor: TOTP codes (liboath) and recovery code texts
libmallpay_a_SOURCES += src/rules/totp.c src/rules/totp.h
UNIT_TESTS += tests/unit/rules/test_totp
tests_unit_rules_test_totp_CFLAGS = $(UNIT_CFLAGS)

# recon: matching a partner's report with the ledger (pure)
libmallpay_a_SOURCES += src/rules/recon.c src/rules/recon.h
UNIT_TESTS += tests/unit/rules/test_recon_rules
tests_unit_rules_test_recon_rules_CFLAGS = $(UNIT_CFLAGS)

# C-05: the compiled rules reference no function that reads the clock, and
# their source includes no clock header and calls no clock function
TESTS += tests/unit/rules/test_C_05_rules_read_no_clock.sh \
	tests/unit/rules/test_C_05_rules_source_no_clock.sh
EXTRA_DIST += tests/unit/rules/test_C_05_rules_read_no_clock.sh \
	tests/unit/rules/test_C_05_rules_source_no_clock.sh
