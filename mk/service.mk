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
