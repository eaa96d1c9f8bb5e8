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
