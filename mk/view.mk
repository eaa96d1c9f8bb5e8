# view layer: the C API over ctemplate, the project's only C++
libmallpay_a_SOURCES += src/view/view.h src/view/ctemplate.cc

UNIT_TESTS += tests/unit/view/test_view
tests_unit_view_test_view_CFLAGS = $(UNIT_CFLAGS)
tests_unit_view_test_view_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTEST_TEMPLATE_DIR='"$(abs_top_srcdir)/tests/unit/view/templates"'
EXTRA_DIST += tests/unit/view/templates tests/unit/view/templates_bad
# money reports: server-drawn SVG charts (view/chart.h)
libmallpay_a_SOURCES += src/view/chart.c src/view/chart.h
UNIT_TESTS += tests/unit/view/test_chart
tests_unit_view_test_chart_CFLAGS = $(UNIT_CFLAGS)
