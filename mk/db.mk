# db layer: files of src/db (see Makefile.am)
# data: connection, statement cache, migrations, demo data
libmallpay_a_SOURCES += \
	src/db/db.h src/db/dbint.h \
	src/db/conn.c \
	src/db/stmt.c src/db/stmt.h

# app: per-aggregate SQL used by sign-in, catalog, cart and "My Orders"
libmallpay_a_SOURCES += \
	src/db/user.c src/db/user.h \
	src/db/session.c src/db/session.h \
	src/db/product.c src/db/product.h \
	src/db/cart.c src/db/cart.h \
	src/db/order.c src/db/order.h
libmallpay_a_SOURCES += \
	src/db/migrate.c src/db/migrate.h \
	src/db/seed.c src/db/seed.h \
	src/db/job.c src/db/job.h
# data: integration test of the db layer and mallpayctl (run by suite.sh)
check_PROGRAMS += tests/integration/test_db
tests_integration_test_db_SOURCES = tests/integration/test_db.c
tests_integration_test_db_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_integration_test_db_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
check_PROGRAMS += tests/unit/test_migrate
tests_unit_test_migrate_SOURCES = tests/unit/test_migrate.c
tests_unit_test_migrate_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_migrate_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
TESTS += tests/unit/test_migrate
