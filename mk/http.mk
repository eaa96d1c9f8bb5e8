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
	src/http/csrf.c src/http/csrf.h \
	src/http/fcgi_server.c src/http/fcgi_server.h

UNIT_TESTS += tests/unit/http/test_form
tests_unit_http_test_form_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/http/test_cookie
tests_unit_http_test_cookie_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/http/test_multipart
tests_unit_http_test_multipart_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/http/test_route
tests_unit_http_test_route_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/http/test_csrf
tests_unit_http_test_csrf_CFLAGS = $(UNIT_CFLAGS)
UNIT_TESTS += tests/unit/http/test_request
tests_unit_http_test_request_CFLAGS = $(UNIT_CFLAGS)
# streamed responses: head first, the body in pieces (http/response.h)
UNIT_TESTS += tests/unit/http/test_response_stream
tests_unit_http_test_response_stream_CFLAGS = $(UNIT_CFLAGS)
