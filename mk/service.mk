# service layer: files of src/service (see Makefile.am)
# app: sign-in and sessions, shopper registration, the cart
libmallpay_a_SOURCES += \
	src/service/auth.c src/service/auth.h \
	src/service/mfa.c src/service/mfa.h \
	src/service/register.c src/service/register.h \
	src/service/cart.c src/service/cart.h

UNIT_TESTS += tests/unit/service/test_app_service
tests_unit_service_test_app_service_CFLAGS = $(UNIT_CFLAGS)

# platform: signed partner requests (COD-P8, RULES section 5) and the
# encrypted file store for uploads (REM-P9, INST-S1)
libmallpay_a_SOURCES += \
	src/service/partner_auth.c src/service/partner_auth.h \
	src/service/filestore.c src/service/filestore.h \
	src/service/docrender.c src/service/docrender_child.c \
	src/service/docrender.h

UNIT_TESTS += tests/unit/service/test_partner_auth
tests_unit_service_test_partner_auth_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/service/test_filestore
tests_unit_service_test_filestore_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/service/test_docrender
tests_unit_service_test_docrender_CFLAGS = $(UNIT_CFLAGS)

# admin: the queue registry and the console's use cases
libmallpay_a_SOURCES += \
	src/service/queues.c src/service/queues.h \
	src/service/search.c src/service/search.h \
	src/service/export.c src/service/export.h \
	src/service/admin.c src/service/admin.h src/service/admin_int.h \
	src/service/admin_fields.c src/service/admin_settings.c \
	src/service/admin_accounts.c src/service/admin_accounts.h

# checkout: the order state machine, audit, live facts, checkout, "My Orders"
libmallpay_a_SOURCES += \
	src/service/actor.c src/service/actor.h \
	src/service/methods.c src/service/methods.h \
	src/service/target.c src/service/target.h \
	src/service/orderflow.c src/service/orderflow.h \
	src/service/audit.c src/service/audit.h \
	src/service/ledger.c src/service/ledger.h \
	src/service/facts.c src/service/facts.h \
	src/service/checkout.c src/service/checkout.h \
	src/service/orders.c src/service/orders.h

UNIT_TESTS += tests/unit/service/test_orderflow
tests_unit_service_test_orderflow_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/service/test_order_panels
tests_unit_service_test_order_panels_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/service/test_checkout_service
tests_unit_service_test_checkout_service_CFLAGS = $(UNIT_CFLAGS)

# installments: plans, card/partner/credit-line flows, tick work
libmallpay_a_SOURCES += \
	src/service/plans.c src/service/plans.h src/service/plans_int.h \
	src/service/plans_token.c src/service/plans_charge.c \
	src/service/plans_work.c \
	src/service/plans_card.c src/service/plans_partner.c \
	src/service/plans_pay.c src/service/plans_terminate.c \
	src/service/plans_credit.c src/service/plans_tick.c \
	src/service/reqkey.c src/service/reqkey.h \
	src/service/plan_ledger.c src/service/plan_ledger.h

# pau: Pay After Use charge at receipt, guarantee, debts (PAU-03..05)
libmallpay_a_SOURCES += src/service/payafter.c src/service/payafter.h \
	src/service/payafter_int.h src/service/payafter_card.c \
	src/service/payafter_charge.c src/service/payafter_tick.c

UNIT_TESTS += tests/unit/service/test_payafter_service
tests_unit_service_test_payafter_service_CFLAGS = $(UNIT_CFLAGS)

# remittance: voucher upload, verification, statements, tick
libmallpay_a_SOURCES += src/service/remittance.c src/service/remittance.h \
	src/service/remittance_int.h src/service/remittance_upload.c \
	src/service/remittance_import.c src/service/remittance_csv.c

# cod: cash on delivery, the shared shipping road, the logistics
# partner's events; unit tests of the event parser and the refusal rules
libmallpay_a_SOURCES += \
	src/service/cod.c src/service/cod.h src/service/cod_int.h \
	src/service/cod_shipping.c src/service/cod_delivery.c \
	src/service/cod_refusal.c src/service/cod_return.c \
	src/service/cod_standing.c \
	src/service/logistics_events.c src/service/logistics_events.h \
	src/service/postings.c src/service/postings.h
# money out: COD debts paid by card, company credit paid out
libmallpay_a_SOURCES += src/service/cod_debt.c src/service/cod_debt.h \
	src/service/corp_payout.c src/service/corp_payout.h
UNIT_TESTS += tests/unit/service/test_logistics_events
tests_unit_service_test_logistics_events_CFLAGS = $(UNIT_CFLAGS)

UNIT_TESTS += tests/unit/service/test_remittance_voucher
tests_unit_service_test_remittance_voucher_CFLAGS = $(UNIT_CFLAGS)

# corporate: company accounts and limits, qualification, the
# corporate installment (INST-03, INST-04, INST-CORP, COD-02, REM-02)
libmallpay_a_SOURCES += \
	src/service/company.c src/service/company.h \
	src/service/qualification.c \
	src/service/corporate_installment.c \
	src/service/corp_agreement.c \
	src/service/corp_transfer.c src/service/corp_transfer.h \
	src/service/corp_road.c src/service/corp_road.h
UNIT_TESTS += tests/unit/service/test_plans_service
tests_unit_service_test_plans_service_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/service/test_corporate_service
tests_unit_service_test_corporate_service_CFLAGS = $(UNIT_CFLAGS)

# addresses: the address book, checkout's address, the order's frozen copy
libmallpay_a_SOURCES += src/service/address.c src/service/address.h

# company accounts: owner, members and their permissions, invitations; the
# agreement as a PDF (cairo and pango)
libmallpay_a_SOURCES += src/service/members.c src/service/members.h \
	src/service/agreement_pdf.c src/service/agreement_pdf.h \
	src/service/receipts.c src/service/receipts.h \
	src/service/company_account.c src/service/company_account.h
# recon: reconciliation with the partners (RULES C-09)
libmallpay_a_SOURCES += src/service/recon.c src/service/recon.h \
	src/service/recon_books.c
# identity: real-name authentication and credit authorization (INST-01,
# INST-02, PAU-01)
libmallpay_a_SOURCES += \
	src/service/identity.c src/service/identity.h \
	src/service/credit.c

# the pages' service calls: one transaction or one loader per page
libmallpay_a_SOURCES += \
	src/service/cod_desk.c src/service/cod_desk.h \
	src/service/order_page.c src/service/order_page.h \
	src/service/order_panels.c src/service/order_panels.h \
	src/service/remittance_view.c src/service/remittance_view.h \
	src/service/conn.c src/service/conn.h \
	src/service/admin_view.c src/service/admin_view.h \
	src/service/catalog.c src/service/catalog.h \
	src/service/inbox.c src/service/inbox.h \
	src/service/pay_failure.c src/service/pay_failure.h \
	src/service/payafter_view.c src/service/payafter_view.h \
	src/service/plan_pages.c src/service/plan_pages.h \
	src/service/corp_app_view.c src/service/corp_app_view.h
# money reports and the dashboard's figures and SLA breaches
libmallpay_a_SOURCES += src/service/report.c src/service/report.h
# admin search: what a typed text is taken for (service/search.h)
UNIT_TESTS += tests/unit/service/test_search_classify
tests_unit_service_test_search_classify_CFLAGS = $(UNIT_CFLAGS)
# hosted card page: cards bound at the bank's page, its signed outcomes
libmallpay_a_SOURCES += src/service/card_session.c src/service/card_session.h
