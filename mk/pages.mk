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
	src/pages/catalog.c src/pages/shop.h \
	src/pages/cart.c \
	src/pages/orders.c

# web: the dispatcher and the layout, without a database
check_PROGRAMS += tests/unit/test_dispatch
TESTS += tests/unit/test_dispatch
tests_unit_test_dispatch_SOURCES = tests/unit/test_dispatch.c
tests_unit_test_dispatch_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_dispatch_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)

# admin (issue 10): the console and the generic queue page
libmallpay_a_SOURCES += \
	src/pages/admin.c src/pages/admin_settings.c \
	src/pages/admin_queue.c src/pages/admin_queue.h

# admin: integration test (run by tests/integration/suite.sh)
check_PROGRAMS += tests/integration/test_admin
tests_integration_test_admin_SOURCES = tests/integration/test_admin.c \
	tests/integration/client.c tests/integration/client.h
tests_integration_test_admin_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_admin_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)

# checkout: checkout, the order page and its actions, the inbox
libmallpay_a_SOURCES += \
	src/pages/checkout.c \
	src/pages/messages.c
