# Unit tests (cmocka, no server) live in tests/unit/<layer>/ and are listed
# by their layer's mk file, two lines each (UNIT_TESTS, see Makefile.am):
#   UNIT_TESTS += tests/unit/rules/test_x
#   tests_unit_rules_test_x_CFLAGS = $(UNIT_CFLAGS)
# Integration and browser tests run last, against a private stack (tests/integration/suite.sh).

AM_TESTS_ENVIRONMENT = top_builddir='$(abs_top_builddir)' top_srcdir='$(abs_top_srcdir)'; \
	export top_builddir top_srcdir;
# Integration and browser tests: one script that owns the private stack. It runs last
# because automake runs TESTS in order when the suite itself depends on all programs.
TESTS += tests/integration/suite.sh
EXTRA_DIST += tests/integration/suite.sh scripts/stack.sh nginx/nginx.conf.in

# app: integration tests (cmocka + libcurl) against the private stack that
# tests/integration/suite.sh starts; built by `make check`, run by suite.sh.
check_PROGRAMS += tests/integration/test_auth tests/integration/test_cart
tests_integration_test_auth_SOURCES = tests/integration/test_auth.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_auth_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_auth_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
tests_integration_test_cart_SOURCES = tests/integration/test_cart.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_cart_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_cart_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# security: authorization matrix, web defaults, hostile input,
# mallpayctl check/backup/restore, concurrency; run by suite.sh against the stack.
check_PROGRAMS += tests/integration/test_authz tests/integration/test_web \
	tests/integration/test_hostile
tests_integration_test_authz_SOURCES = tests/integration/test_authz.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_authz_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_authz_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
tests_integration_test_web_SOURCES = tests/integration/test_web.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_web_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_web_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
tests_integration_test_hostile_SOURCES = tests/integration/test_hostile.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_hostile_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_hostile_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# platform: file store, partner verification, gateway sandboxes against the
# private stack's database and upload directory (run by suite.sh)
check_PROGRAMS += tests/integration/test_platform
tests_integration_test_platform_SOURCES = tests/integration/test_platform.c
tests_integration_test_platform_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_integration_test_platform_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
check_PROGRAMS += tests/integration/test_ops
tests_integration_test_ops_SOURCES = tests/integration/test_ops.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_ops_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_ops_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS) -lpthread
check_PROGRAMS += tests/integration/test_ledger
tests_integration_test_ledger_SOURCES = tests/integration/test_ledger.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_ledger_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_ledger_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
check_PROGRAMS += tests/integration/test_scheduler
tests_integration_test_scheduler_SOURCES = tests/integration/test_scheduler.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_scheduler_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_scheduler_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
# security: fault tests, skipped (77) unless MALLPAY_LONG=1 (./mallpay test --long)
TESTS += tests/long/faults.sh
EXTRA_DIST += tests/long/faults.sh tests/long/lib.sh tests/long/soak.sh \
	tests/long/soak.lua tests/long/voucher.lua tests/long/shoppers.lua

# checkout: checkout and "My Orders" walked by the demo shoppers
check_PROGRAMS += tests/integration/test_checkout tests/integration/test_orders
tests_integration_test_checkout_SOURCES = tests/integration/test_checkout.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_checkout_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_checkout_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS) -lpthread
check_PROGRAMS += tests/integration/test_checkout_live
tests_integration_test_checkout_live_SOURCES = \
	tests/integration/test_checkout_live.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_checkout_live_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_checkout_live_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
tests_integration_test_orders_SOURCES = tests/integration/test_orders.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_orders_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_orders_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# pau: Pay After Use against the private stack (run by suite.sh)
check_PROGRAMS += tests/integration/test_payafter
tests_integration_test_payafter_SOURCES = tests/integration/test_payafter.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h \
	tests/integration/shop.c tests/integration/shop.h
tests_integration_test_payafter_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_payafter_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# cod: cash on delivery end to end, the logistics partner endpoint
check_PROGRAMS += tests/integration/test_cod
tests_integration_test_cod_SOURCES = tests/integration/test_cod.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_cod_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_cod_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# money operations that cannot race: pairs on one aggregate fired together,
# then mallpayctl check (COD, remittance, Pay After Use, admin decisions)
check_PROGRAMS += tests/integration/test_race_money
tests_integration_test_race_money_SOURCES = tests/integration/test_race_money.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_race_money_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_race_money_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS) -lpthread

# installments: card, partner and credit-line plans end to end,
# driven by mallpayctl tick --now (run by suite.sh)
check_PROGRAMS += tests/integration/test_installments
tests_integration_test_installments_SOURCES = tests/integration/test_installments.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h \
	tests/integration/shop.c tests/integration/shop.h
tests_integration_test_installments_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_installments_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# failed payments explained (another card, repay now) and the inbox (one
# message per event, grouped by order, mark all read)
check_PROGRAMS += tests/integration/test_failures
tests_integration_test_failures_SOURCES = tests/integration/test_failures.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h \
	tests/integration/shop.c tests/integration/shop.h
tests_integration_test_failures_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_failures_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# installments: pairs of money operations on one plan released together
# (pay, payoff, tick's deduction, cancel), then check and the bank's books
check_PROGRAMS += tests/integration/test_money_out
tests_integration_test_money_out_SOURCES = tests/integration/test_money_out.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h \
	tests/integration/shop.c tests/integration/shop.h
tests_integration_test_money_out_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_money_out_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS) -lpthread

check_PROGRAMS += tests/integration/test_race_plans
tests_integration_test_race_plans_SOURCES = tests/integration/test_race_plans.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h \
	tests/integration/shop.c tests/integration/shop.h
tests_integration_test_race_plans_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_race_plans_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS) -lpthread

# security: upload polyglots, fakes and limits through nginx +
# mallpayd, as a remittance shopper and as a corporate buyer (run by suite.sh)
check_PROGRAMS += tests/integration/test_uploads
tests_integration_test_uploads_SOURCES = tests/integration/test_uploads.c \
	tests/integration/upload_fixture.c tests/integration/upload_fixture.h \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_uploads_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_uploads_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# security: uploads drawn clean (service/docrender.c): the polyglots a
# decoder reads as an image or PDF, their pictures, the review page, the
# picture and download headers (run by suite.sh)
check_PROGRAMS += tests/integration/test_uploads_drawn
tests_integration_test_uploads_drawn_SOURCES = \
	tests/integration/test_uploads_drawn.c \
	tests/integration/upload_fixture.c tests/integration/upload_fixture.h \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_uploads_drawn_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_uploads_drawn_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# bench: mallpayctl bench-data's plans and vouchers pass
# mallpayctl check; the bench shopper's 12-month schedule (run by suite.sh)
check_PROGRAMS += tests/integration/test_benchdata
tests_integration_test_benchdata_SOURCES = tests/integration/test_benchdata.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_benchdata_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_benchdata_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# addresses: the address book, checkout's address and the order's copy
check_PROGRAMS += tests/integration/test_addresses
tests_integration_test_addresses_SOURCES = tests/integration/test_addresses.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_addresses_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_addresses_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# company accounts: owner, members, permissions, invitations; members read
# the company's orders, schedules and agreements (PDF too); uploads refused
# on their form (run by suite.sh)
check_PROGRAMS += tests/integration/test_company_members
tests_integration_test_company_members_SOURCES = tests/integration/test_company_members.c \
	tests/integration/company_fixture.c tests/integration/company_fixture.h \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_company_members_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_company_members_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
# company accounts: members act on the company's orders as the owner lets
# them (cancel, confirm receipt), the use cases check it (run by suite.sh)
check_PROGRAMS += tests/integration/test_company_orders
tests_integration_test_company_orders_SOURCES = tests/integration/test_company_orders.c \
	tests/integration/company_fixture.c tests/integration/company_fixture.h \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_company_orders_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_company_orders_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
# installments: the scheduler's next work day of a plan after a corporate
# transfer and a change of the reminder days (run by suite.sh)
check_PROGRAMS += tests/integration/test_plan_next_work
tests_integration_test_plan_next_work_SOURCES = tests/integration/test_plan_next_work.c \
	tests/integration/company_fixture.c tests/integration/company_fixture.h \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_plan_next_work_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_plan_next_work_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
# recon: the partners' books and reconciliation against the stack
check_PROGRAMS += tests/integration/test_reconcile
tests_integration_test_reconcile_SOURCES = tests/integration/test_reconcile.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_reconcile_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_reconcile_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# The layering of src/: includes only downwards (tests/layers/check.sh)
TESTS += tests/layers/check.sh
EXTRA_DIST += tests/layers/check.sh tests/layers/allowed

# identity: real-name authentication, manual review, credit consent and its
# withdrawal at checkout (INST-01, INST-02, PAU-01), through the web
check_PROGRAMS += tests/integration/test_identity
tests_integration_test_identity_SOURCES = tests/integration/test_identity.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_identity_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_identity_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# My Orders: search and filters; receipts from the ledger
check_PROGRAMS += tests/integration/test_my_orders
tests_integration_test_my_orders_SOURCES = tests/integration/test_my_orders.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h \
	tests/integration/shop.c tests/integration/shop.h
tests_integration_test_my_orders_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_my_orders_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# words: a shopper's whole journey shows words, never codes
check_PROGRAMS += tests/integration/test_words
tests_integration_test_words_SOURCES = tests/integration/test_words.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h \
	tests/integration/shop.c tests/integration/shop.h
tests_integration_test_words_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_words_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# The order page's panels against the facts, every reachable (method,
# status) pair (run by suite.sh).
check_PROGRAMS += tests/integration/test_order_panels
tests_integration_test_order_panels_SOURCES = \
	tests/integration/test_order_panels.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_order_panels_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_order_panels_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
# money reports, dashboard SLA breaches, settings sections, audit display
check_PROGRAMS += tests/integration/test_reports
tests_integration_test_reports_SOURCES = tests/integration/test_reports.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_reports_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_reports_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# the admin console at scale: ledger daily totals, keyset pages
check_PROGRAMS += tests/integration/test_admin_pages
tests_integration_test_admin_pages_SOURCES = \
	tests/integration/test_admin_pages.c \
	tests/integration/shop.c tests/integration/shop.h \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_admin_pages_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_admin_pages_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# hosted card page: the bank's page on its own origin, 3-D Secure, signed
# outcomes (return and notice), merchant-initiated deductions, and a card
# number posted to every route found in no log and no table (suite.sh)
check_PROGRAMS += tests/integration/test_hosted_card
tests_integration_test_hosted_card_SOURCES = tests/integration/test_hosted_card.c \
	tests/integration/client.c tests/integration/client.h \
	tests/integration/ctl.c tests/integration/ctl.h \
	tests/integration/shop.c tests/integration/shop.h
tests_integration_test_hosted_card_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_hosted_card_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
