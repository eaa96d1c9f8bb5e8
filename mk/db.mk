# db layer: files of src/db (see Makefile.am)
# data: connection, statement cache, migrations, demo data
libmallpay_a_SOURCES += \
	src/db/db.h src/db/dbint.h \
	src/db/conn.c \
	src/db/stmt.c src/db/stmt.h src/db/stmt_more.c src/db/row.c \
	src/db/search.c src/db/search.h

# app: per-aggregate SQL used by sign-in, catalog, cart and "My Orders"
libmallpay_a_SOURCES += \
	src/db/user.c src/db/user.h \
	src/db/session.c src/db/session.h \
	src/db/totp.c src/db/totp.h \
	src/db/product.c src/db/product.h \
	src/db/cart.c src/db/cart.h \
	src/db/order.c src/db/order.h
libmallpay_a_SOURCES += \
	src/db/migrate.c src/db/migrate.h \
	src/db/seed.c src/db/seed.h \
	src/db/job.c src/db/job.h
# data: integration test of the db layer and mallpayctl (run by suite.sh)
check_PROGRAMS += tests/integration/test_db
tests_integration_test_db_SOURCES = tests/integration/test_db.c \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_db_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) \
	-DTEST_SRCDIR='"$(abs_top_srcdir)"'
tests_integration_test_db_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
# Galera: use cases run again on conflicts, job claims (run by suite.sh)
check_PROGRAMS += tests/integration/test_retry
tests_integration_test_retry_SOURCES = tests/integration/test_retry.c \
	tests/integration/ctl.c tests/integration/ctl.h
tests_integration_test_retry_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_integration_test_retry_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) -lpthread
UNIT_TESTS += tests/unit/db/test_migrate
tests_unit_db_test_migrate_CFLAGS = $(UNIT_CFLAGS) -DTEST_SRCDIR='"$(abs_top_srcdir)"'

# security: read-only statements of mallpayctl check
libmallpay_a_SOURCES += src/db/check.c src/db/check.h

# bench: the benchmark data set's writes (mallpayctl bench-data)
libmallpay_a_SOURCES += src/db/benchdata.c src/db/benchdata.h

# ledger: the journal lines of the double-entry ledger
libmallpay_a_SOURCES += src/db/ledger.c src/db/ledger.h

# platform: partners, nonces and events; the files table; sandbox state
libmallpay_a_SOURCES += \
	src/db/partner.c src/db/partner.h \
	src/db/file.c src/db/file.h \
	src/db/sandbox.c src/db/sandbox.h

# admin: the audit trail (shared), queue figures, decisions,
# the orders browser, the settings the rules read
libmallpay_a_SOURCES += \
	src/db/event.c src/db/event.h \
	src/db/admin.c src/db/admin.h \
	src/db/admin_account.c src/db/admin_account.h \
	src/db/admin_settings.c src/db/admin_settings.h

# checkout: messages, the reads and writes of checkout
# (events: src/db/event.c, listed above by platform)
libmallpay_a_SOURCES += \
	src/db/message.c src/db/message.h \
	src/db/checkout.c src/db/checkout.h \
	src/db/refcache.c src/db/refcache.h

# installments: plans, installments, payments, credit records, ledger
libmallpay_a_SOURCES += src/db/plan.c src/db/plan.h \
	src/db/plan_inst.c src/db/plan_credit.c src/db/request_key.c \
	src/db/plan_work.c src/db/plan_work.h

# pau: Pay After Use cards, charges and debts, guarantee ledger
libmallpay_a_SOURCES += src/db/payafter.c src/db/payafter.h

# remittance: payee, vouchers, refunds, statements
libmallpay_a_SOURCES += src/db/remittance.c src/db/remittance.h

# cod: COD, shipments and tracking, refusals, account debts
libmallpay_a_SOURCES += src/db/cod.c src/db/cod.h

# corporate: companies, qualification submissions and documents,
# expiry notices, corporate installment applications and agreements
libmallpay_a_SOURCES += src/db/company.c src/db/company.h \
	src/db/company_qual.c src/db/corp_app.c

# addresses: the address book and the copy frozen on each order
libmallpay_a_SOURCES += src/db/address.c src/db/address.h

# corp: bank transfers of corporate installment plans (migration 017)
libmallpay_a_SOURCES += src/db/corp_transfer.c src/db/corp_transfer.h

# company accounts: members' roles and the owner's invitations
libmallpay_a_SOURCES += src/db/company_member.c src/db/company_member.h

# recon: reconciliation runs and differences, the ledger lines they read
libmallpay_a_SOURCES += src/db/recon.c src/db/recon.h
libmallpay_a_SOURCES += src/db/money_out.c src/db/money_out.h
# My Orders: the search and filters of the list, the receipts of an order
libmallpay_a_SOURCES += src/db/my_orders.c src/db/my_orders.h
# identity: real-name checks and credit consents (INST-01, INST-02, PAU-01)
libmallpay_a_SOURCES += src/db/identity.c src/db/identity.h
# money reports: ledger sums per day, overdue by age, COD refusals
libmallpay_a_SOURCES += src/db/report.c src/db/report.h
# hosted card page: the mall's card sessions and the sandbox bank's own tables
libmallpay_a_SOURCES += \
	src/db/card_session.c src/db/card_session.h \
	src/db/bank.c src/db/bank.h
