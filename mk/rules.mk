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

check_PROGRAMS += tests/unit/test_verdict tests/unit/test_installment_rules \
	tests/unit/test_creditline tests/unit/test_cod_rules \
	tests/unit/test_remittance tests/unit/test_payafter
tests_unit_test_verdict_SOURCES = tests/unit/test_verdict.c tests/unit/rules_fixture.h
tests_unit_test_verdict_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_verdict_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_installment_rules_SOURCES = tests/unit/test_installment_rules.c tests/unit/rules_fixture.h
tests_unit_test_installment_rules_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_installment_rules_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_creditline_SOURCES = tests/unit/test_creditline.c tests/unit/rules_fixture.h
tests_unit_test_creditline_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_creditline_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_cod_rules_SOURCES = tests/unit/test_cod_rules.c tests/unit/rules_fixture.h
tests_unit_test_cod_rules_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_cod_rules_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_remittance_SOURCES = tests/unit/test_remittance.c tests/unit/rules_fixture.h
tests_unit_test_remittance_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_remittance_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_payafter_SOURCES = tests/unit/test_payafter.c tests/unit/rules_fixture.h
tests_unit_test_payafter_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_payafter_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_verdict tests/unit/test_installment_rules \
	tests/unit/test_creditline tests/unit/test_cod_rules \
	tests/unit/test_remittance tests/unit/test_payafter

check_PROGRAMS += tests/unit/test_plan_arithmetic tests/unit/test_apr \
	tests/unit/test_rfcode tests/unit/test_card
tests_unit_test_plan_arithmetic_SOURCES = tests/unit/test_plan_arithmetic.c
tests_unit_test_plan_arithmetic_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_plan_arithmetic_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_apr_SOURCES = tests/unit/test_apr.c
tests_unit_test_apr_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_apr_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_rfcode_SOURCES = tests/unit/test_rfcode.c
tests_unit_test_rfcode_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_rfcode_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_card_SOURCES = tests/unit/test_card.c
tests_unit_test_card_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_card_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_plan_arithmetic tests/unit/test_apr \
	tests/unit/test_rfcode tests/unit/test_card

# the next work day of an installment plan (the scheduler's index)
check_PROGRAMS += tests/unit/test_plan_work
tests_unit_test_plan_work_SOURCES = tests/unit/test_plan_work.c
tests_unit_test_plan_work_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_plan_work_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_plan_work

# addresses: postal code and phone checks of the demo countries
libmallpay_a_SOURCES += src/rules/address.c src/rules/address.h
check_PROGRAMS += tests/unit/test_address
tests_unit_test_address_SOURCES = tests/unit/test_address.c
tests_unit_test_address_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_address_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_address

# policy: the promised deadlines and refund rules of an order (C-04),
# sign-in throttling
libmallpay_a_SOURCES += src/rules/deadlines.c src/rules/deadlines.h \
	src/rules/signin.c src/rules/signin.h
check_PROGRAMS += tests/unit/test_deadlines tests/unit/test_signin
tests_unit_test_deadlines_SOURCES = tests/unit/test_deadlines.c
tests_unit_test_deadlines_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_deadlines_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_signin_SOURCES = tests/unit/test_signin.c
tests_unit_test_signin_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_signin_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_deadlines tests/unit/test_signin

# recon: matching a partner's report with the ledger (pure)
libmallpay_a_SOURCES += src/rules/recon.c src/rules/recon.h
check_PROGRAMS += tests/unit/test_recon
tests_unit_test_recon_SOURCES = tests/unit/test_recon.c
tests_unit_test_recon_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_recon_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_recon

# C-05: the compiled rules reference no function that reads the clock
TESTS += tests/unit/test_C_05_rules_read_no_clock.sh
EXTRA_DIST += tests/unit/test_C_05_rules_read_no_clock.sh
