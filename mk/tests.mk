# Unit tests (cmocka, no server) are listed by their layer's mk file:
#   check_PROGRAMS += tests/unit/test_x
#   tests_unit_test_x_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
#   tests_unit_test_x_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
#   TESTS += tests/unit/test_x
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
	tests/integration/client.c tests/integration/client.h
tests_integration_test_auth_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_auth_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
tests_integration_test_cart_SOURCES = tests/integration/test_cart.c \
	tests/integration/client.c tests/integration/client.h
tests_integration_test_cart_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS) $(CURL_CFLAGS)
tests_integration_test_cart_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS) $(CURL_LIBS)
