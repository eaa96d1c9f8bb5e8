# service layer: files of src/service (see Makefile.am)
# app: sign-in and sessions, shopper registration, the cart
libmallpay_a_SOURCES += \
	src/service/auth.c src/service/auth.h \
	src/service/register.c src/service/register.h \
	src/service/cart.c src/service/cart.h

check_PROGRAMS += tests/unit/test_app_service
tests_unit_test_app_service_SOURCES = tests/unit/test_app_service.c
tests_unit_test_app_service_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_app_service_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_app_service

# platform: signed partner requests (COD-P8, RULES section 5) and the
# encrypted file store for uploads (REM-P9, INST-S1)
libmallpay_a_SOURCES += \
	src/service/partner_auth.c src/service/partner_auth.h \
	src/service/filestore.c src/service/filestore.h

check_PROGRAMS += tests/unit/test_partner_auth tests/unit/test_filestore
tests_unit_test_partner_auth_SOURCES = tests/unit/test_partner_auth.c
tests_unit_test_partner_auth_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_partner_auth_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_filestore_SOURCES = tests/unit/test_filestore.c
tests_unit_test_filestore_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_filestore_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_partner_auth tests/unit/test_filestore

# admin (issue 10): the queue registry and the console's use cases
libmallpay_a_SOURCES += \
	src/service/queues.c src/service/queues.h \
	src/service/admin.c src/service/admin.h

# checkout: the order state machine, audit, live facts, checkout, "My Orders"
libmallpay_a_SOURCES += \
	src/service/orderflow.c src/service/orderflow.h \
	src/service/audit.c src/service/audit.h \
	src/service/ledger.c src/service/ledger.h \
	src/service/facts.c src/service/facts.h \
	src/service/checkout.c src/service/checkout.h \
	src/service/orders.c src/service/orders.h

check_PROGRAMS += tests/unit/test_orderflow tests/unit/test_checkout
tests_unit_test_orderflow_SOURCES = tests/unit/test_orderflow.c
tests_unit_test_orderflow_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_orderflow_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
tests_unit_test_checkout_SOURCES = tests/unit/test_checkout.c
tests_unit_test_checkout_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_checkout_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_orderflow tests/unit/test_checkout

# installments (issue 6): plans, card/partner/credit-line flows, tick work
libmallpay_a_SOURCES += \
	src/service/plans.c src/service/plans.h \
	src/service/reqkey.c src/service/reqkey.h \
	src/service/plan_ledger.c src/service/plan_ledger.h

# pau (issue 9): Pay After Use charge at receipt, guarantee, debts (PAU-03..05)
libmallpay_a_SOURCES += src/service/payafter.c src/service/payafter.h

check_PROGRAMS += tests/unit/test_payafter_service
tests_unit_test_payafter_service_SOURCES = tests/unit/test_payafter_service.c
tests_unit_test_payafter_service_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_payafter_service_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_payafter_service

# remittance (issue 5): voucher upload, verification, statements, tick
libmallpay_a_SOURCES += src/service/remittance.c src/service/remittance.h

# cod (issue 8): cash on delivery, the shared shipping road, the logistics
# partner's events; unit tests of the event parser and the refusal rules
libmallpay_a_SOURCES += \
	src/service/cod.c src/service/cod.h \
	src/service/logistics_events.c src/service/logistics_events.h \
	src/service/postings.c src/service/postings.h
check_PROGRAMS += tests/unit/test_logistics_events
tests_unit_test_logistics_events_SOURCES = tests/unit/test_logistics_events.c
tests_unit_test_logistics_events_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_logistics_events_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_logistics_events

check_PROGRAMS += tests/unit/test_remittance_voucher
tests_unit_test_remittance_voucher_SOURCES = tests/unit/test_remittance_voucher.c
tests_unit_test_remittance_voucher_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_remittance_voucher_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_remittance_voucher

# corporate (issue 7): company accounts and limits, qualification, the
# corporate installment (INST-03, INST-04, INST-CORP, COD-02, REM-02)
libmallpay_a_SOURCES += \
	src/service/company.c src/service/company.h \
	src/service/qualification.c \
	src/service/corporate_installment.c \
	src/service/corp_transfer.c src/service/corp_transfer.h \
	src/service/corp_road.c src/service/corp_road.h
check_PROGRAMS += tests/unit/test_plans
tests_unit_test_plans_SOURCES = tests/unit/test_plans.c
tests_unit_test_plans_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_plans_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_plans
check_PROGRAMS += tests/unit/test_corporate
tests_unit_test_corporate_SOURCES = tests/unit/test_corporate.c
tests_unit_test_corporate_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_corporate_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_corporate

# addresses: the address book, checkout's address, the order's frozen copy
libmallpay_a_SOURCES += src/service/address.c src/service/address.h

# company accounts: owner, members and their permissions, invitations; the
# agreement as a PDF (cairo and pango)
libmallpay_a_SOURCES += src/service/members.c src/service/members.h \
	src/service/agreement_pdf.c src/service/agreement_pdf.h \
	src/service/company_account.c src/service/company_account.h
# recon: reconciliation with the partners (RULES C-09)
libmallpay_a_SOURCES += src/service/recon.c src/service/recon.h \
	src/service/recon_books.c
# identity: real-name authentication and credit authorization (INST-01,
# INST-02, PAU-01)
libmallpay_a_SOURCES += \
	src/service/identity.c src/service/identity.h \
	src/service/credit.c
