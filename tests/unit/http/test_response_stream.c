/*
 * Streamed responses (http/response.h): the head goes out first without
 * Content-Length, the body in pieces of RESP_STREAM_CHUNK bytes as it is
 * written, so the response never holds more than one piece; a failed
 * write stops the stream; without a sink the body is kept whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "http/http.h"
#include "http/response.h"

/* A sink that appends to a buffer and counts its calls; fails when fail. */
struct sink {
	struct buf	 out;
	size_t		 calls, largest;
	int		 fail;
};

static int
to_buf(void *arg, const char *p, size_t n)
{
	struct sink *s = arg;

	if (s->fail)
		return -1;
	buf_append(&s->out, p, n);
	s->calls++;
	if (n > s->largest)
		s->largest = n;
	return 0;
}

static void
test_stream_head_then_pieces(void **state)
{
	struct http_resp	r;
	struct sink		s;
	char			row[100];
	size_t			i, body;
	const char		*head_end;

	(void)state;
	memset(&s, 0, sizeof(s));
	buf_init(&s.out);
	http_resp_init(&r);
	r.sink = to_buf;
	r.sink_arg = &s;
	r.content_type = "text/csv; charset=utf-8";
	resp_header(&r, "Content-Disposition", "attachment; filename=\"x.csv\"");
	assert_int_equal(resp_stream_begin(&r), 0);
	assert_int_equal(r.streaming, 1);
	assert_non_null(strstr(buf_str(&s.out), "Status: 200 OK\r\n"));
	assert_non_null(strstr(buf_str(&s.out), "Content-Type: text/csv"));
	assert_null(strstr(buf_str(&s.out), "Content-Length"));
	memset(row, 'x', sizeof(row) - 2);
	row[sizeof(row) - 2] = '\r';
	row[sizeof(row) - 1] = '\n';
	for (i = 0; i < 10000; i++) {
		assert_int_equal(resp_stream_write(&r, row, sizeof(row)), 0);
		/* never more than a piece and a row held */
		assert_true(r.body.len < RESP_STREAM_CHUNK + sizeof(row));
	}
	assert_true(s.calls > 10);
	assert_true(s.largest < RESP_STREAM_CHUNK + sizeof(row));
	/* the end: what is left goes out */
	assert_int_equal(http_resp_write(&r, NULL), 0);
	head_end = strstr(buf_str(&s.out), "\r\n\r\n") + 4;
	body = s.out.len - (size_t)(head_end - buf_str(&s.out));
	assert_int_equal(body, 10000 * sizeof(row));
	http_resp_cleanup(&r);
	buf_cleanup(&s.out);
}

static void
test_stream_stops_when_the_client_is_gone(void **state)
{
	struct http_resp	r;
	struct sink		s;
	char			row[1024];
	int			rc = 0;
	size_t			i;

	(void)state;
	memset(&s, 0, sizeof(s));
	memset(row, 'y', sizeof(row));
	buf_init(&s.out);
	http_resp_init(&r);
	r.sink = to_buf;
	r.sink_arg = &s;
	assert_int_equal(resp_stream_begin(&r), 0);
	s.fail = 1;
	for (i = 0; i < 1000 && rc == 0; i++)
		rc = resp_stream_write(&r, row, sizeof(row));
	assert_int_equal(rc, -1);
	assert_true(i < 1000);
	assert_int_equal(resp_stream_write(&r, row, 1), -1);
	http_resp_cleanup(&r);
	buf_cleanup(&s.out);
}

static void
test_no_sink_keeps_the_body(void **state)
{
	struct http_resp	r;
	struct buf		out;

	(void)state;
	http_resp_init(&r);
	buf_init(&out);
	assert_int_equal(resp_stream_begin(&r), 0);
	assert_int_equal(r.streaming, 0);
	assert_int_equal(resp_stream_write(&r, "a,b\r\n", 5), 0);
	http_resp_serialize(&r, &out);
	assert_non_null(strstr(buf_str(&out), "Content-Length: 5\r\n"));
	http_resp_cleanup(&r);
	buf_cleanup(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream_head_then_pieces),
		cmocka_unit_test(test_stream_stops_when_the_client_is_gone),
		cmocka_unit_test(test_no_sink_keeps_the_body),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
