# http layer: the only code that includes fcgiapp.h (with src/mallpayd.c)
libmallpay_a_SOURCES += \
	src/http/http.h \
	src/http/ctx.c src/http/ctx.h \
	src/http/form.c src/http/form.h \
	src/http/cookie.c src/http/cookie.h \
	src/http/multipart.c src/http/multipart.h \
	src/http/request.c src/http/request.h \
	src/http/response.c src/http/response.h \
	src/http/route.c src/http/route.h \
	src/http/csrf.c src/http/csrf.h

check_PROGRAMS += tests/unit/test_form tests/unit/test_cookie \
	tests/unit/test_multipart tests/unit/test_route tests/unit/test_csrf \
	tests/unit/test_request
TESTS += tests/unit/test_form tests/unit/test_cookie \
	tests/unit/test_multipart tests/unit/test_route tests/unit/test_csrf \
	tests/unit/test_request

tests_unit_test_form_SOURCES = tests/unit/test_form.c
tests_unit_test_form_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_form_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)

tests_unit_test_cookie_SOURCES = tests/unit/test_cookie.c
tests_unit_test_cookie_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_cookie_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)

tests_unit_test_multipart_SOURCES = tests/unit/test_multipart.c
tests_unit_test_multipart_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_multipart_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)

tests_unit_test_route_SOURCES = tests/unit/test_route.c
tests_unit_test_route_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_route_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)

tests_unit_test_csrf_SOURCES = tests/unit/test_csrf.c
tests_unit_test_csrf_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_csrf_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)

tests_unit_test_request_SOURCES = tests/unit/test_request.c
tests_unit_test_request_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_request_LDADD = $(MALLPAY_LIBS) $(CMOCKA_LIBS)
