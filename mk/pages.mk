# pages layer: dispatcher, rendering, the route table and handlers
libmallpay_a_SOURCES += \
	src/pages/pages.h \
	src/pages/dispatch.c \
	src/pages/render.c src/pages/render.h \
	src/pages/routes.c \
	src/pages/health.c \
	src/pages/home.c

# app: sign-in and registration, catalog, cart, "My Orders"
libmallpay_a_SOURCES += \
	src/pages/auth.c \
	src/pages/signin_code.c src/pages/reauth.c src/pages/admin_mfa.c \
	src/pages/catalog.c src/pages/shop.h \
	src/pages/cart.c \
	src/pages/orders.c

# web: the dispatcher and the layout, without a database
UNIT_TESTS += tests/unit/pages/test_dispatch
tests_unit_pages_test_dispatch_CFLAGS = $(UNIT_CFLAGS) -DTEST_SRCDIR='"$(abs_top_srcdir)"'

# admin: the console and the generic queue page
libmallpay_a_SOURCES += \
	src/pages/admin.c src/pages/admin_calendar.c src/pages/admin_settings.c \
	src/pages/admin_admins.c \
	src/pages/admin_queue.c src/pages/admin_queue.h \
	src/pages/admin_search.c

# admin: integration test (run by tests/integration/suite.sh)
check_PROGRAMS += tests/integration/test_admin
tests_integration_test_admin_SOURCES = tests/integration/test_admin.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_admin_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_admin_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
# admin: search, the order list and the CSV exports, a million rows
# streamed (EXPORT_ROWS=N exports N ledger lines instead)
check_PROGRAMS += tests/integration/test_search
tests_integration_test_search_SOURCES = tests/integration/test_search.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_search_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_search_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
# admin roles: the role matrix of every admin route, invitations,
# disabling, the last owner
check_PROGRAMS += tests/integration/test_admin_roles
tests_integration_test_admin_roles_SOURCES = \
	tests/integration/test_admin_roles.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_admin_roles_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_admin_roles_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# checkout: checkout, the order page and its actions, the inbox
libmallpay_a_SOURCES += \
	src/pages/checkout.c src/pages/checkout_view.h \
	src/pages/checkout_dest.c src/pages/checkout_live.c \
	src/pages/messages.c

# pau: the Pay After Use page (bound card, charges), PAU-05 return,
# the admin guarantee ledger
libmallpay_a_SOURCES += src/pages/payafter.c

# remittance: instructions, voucher upload, admin voucher queue,
# verification, statement import
libmallpay_a_SOURCES += src/pages/remittance.c src/pages/remittance_admin.c \
	src/pages/remittance_page.h

# cod: COD pages, the shipping desk, the logistics partner endpoint
libmallpay_a_SOURCES += src/pages/cod.c src/pages/partner_logistics.c \
	src/pages/logistics_details.c src/pages/receipts.c
# money out: a COD debt paid by card, a company's credit paid out
libmallpay_a_SOURCES += src/pages/cod_debt.c src/pages/admin_payout.c

# installments: card entry, partner application, plan confirmation,
# repayment schedule with its SVG chart, early payoff, credit line, the finance
# partner callback, admin plans
libmallpay_a_SOURCES += src/pages/bank_return.c
libmallpay_a_SOURCES += src/pages/plans.c src/pages/plans_page.h \
	src/pages/plans_schedule.c src/pages/plans_admin.c \
	src/pages/pay_failure.c

# remittance: integration tests against the private stack
check_PROGRAMS += tests/integration/test_remittance
tests_integration_test_remittance_SOURCES = tests/integration/test_remittance.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_remittance_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_remittance_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# corporate: company account, documents, corporate installment,
# their admin pages
libmallpay_a_SOURCES += src/pages/company.c src/pages/admin_company.c \
	src/pages/admin_company.h src/pages/admin_corp_app.c
check_PROGRAMS += tests/integration/test_corporate
tests_integration_test_corporate_SOURCES = tests/integration/test_corporate.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_corporate_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_corporate_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# addresses: the address book pages
libmallpay_a_SOURCES += src/pages/addresses.c

check_PROGRAMS += tests/integration/test_corporate_road
tests_integration_test_corporate_road_SOURCES = \
	tests/integration/test_corporate_road.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_corporate_road_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_corporate_road_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS) -lpthread

# company accounts: the members page and invitations
libmallpay_a_SOURCES += src/pages/company_members.c

# recon: the admin's reconciliation page
libmallpay_a_SOURCES += src/pages/admin_recon.c

# identity: the shopper's identity and credit page, the admin's review
libmallpay_a_SOURCES += src/pages/identity.c src/pages/admin_identity.c

# responses that are not pages: stored files, partner JSON answers
libmallpay_a_SOURCES += src/pages/reply.c src/pages/admin_files.c \
	src/pages/doc_pictures.c src/pages/doc_pictures.h

# money reports with their SVG charts
libmallpay_a_SOURCES += src/pages/admin_reports.c

# admins' second factor: enrollment, code step, recovery codes, reset,
# settings asking for the code again
check_PROGRAMS += tests/integration/test_mfa
tests_integration_test_mfa_SOURCES = tests/integration/test_mfa.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_mfa_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_mfa_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
