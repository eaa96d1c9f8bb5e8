# view layer: the C API over ctemplate, the project's only C++
libmallpay_a_SOURCES += src/view/view.h src/view/ctemplate.cc

check_PROGRAMS += tests/unit/test_view
TESTS += tests/unit/test_view
tests_unit_test_view_SOURCES = tests/unit/test_view.c
tests_unit_test_view_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTEST_TEMPLATE_DIR='"$(abs_top_srcdir)/tests/unit/templates"'
tests_unit_test_view_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_view_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
EXTRA_DIST += tests/unit/templates tests/unit/templates_bad
