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
