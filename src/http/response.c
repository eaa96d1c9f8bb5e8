/*
 * Responses: a status, headers and a body, written as a CGI response to
 * FastCGI (nginx turns "Status:" into the status line).
 */

#include <string.h>
#include <strings.h>

#include <fcgiapp.h>

#include "core/log.h"
#include "http/response.h"

/* See response.h. */
void
http_resp_init(struct http_resp *r)
{
	memset(r, 0, sizeof(*r));
	r->status = 200;
	buf_init(&r->headers);
	buf_init(&r->body);
}

/* See response.h. */
void
http_resp_cleanup(struct http_resp *r)
{
	if (r == NULL)
		return;
	buf_cleanup(&r->headers);
	buf_cleanup(&r->body);
	r->status = 200;
	r->content_type = NULL;
}

/* See response.h. */
void
http_resp_reset(struct http_resp *r)
{
	buf_reset(&r->headers);
	buf_reset(&r->body);
	r->status = 200;
	r->content_type = NULL;
}

/* 1 if s holds a byte that could end a header line early. */
static int
unsafe(const char *s)
{
	return strpbrk(s, "\r\n") != NULL;
}

/* See response.h. */
void
resp_header(struct http_resp *r, const char *name, const char *value)
{
	if (name == NULL || value == NULL || *name == '\0' || unsafe(name) ||
	    unsafe(value) || strchr(name, ':') != NULL) {
		log_warn("response: refused a header with CR, LF or ':' in it");
		return;
	}
	buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

/* See response.h. Headers are "Name: value\r\n" lines, so a name is found at
 * the start of the block or right after a CRLF. */
int
resp_has_header(const struct http_resp *r, const char *name)
{
	const char *p = buf_str(&r->headers);
	size_t n = strlen(name);

	while (*p != '\0') {
		if (strncasecmp(p, name, n) == 0 && p[n] == ':')
			return 1;
		if ((p = strstr(p, "\r\n")) == NULL)
			break;
		p += 2;
	}
	return 0;
}

/* See response.h. */
void
resp_header_default(struct http_resp *r, const char *name, const char *value)
{
	if (!resp_has_header(r, name))
		resp_header(r, name, value);
}

/* See response.h. */
void
resp_puts(struct http_resp *r, const char *s)
{
	buf_puts(&r->body, s);
}

/* See response.h. */
int
resp_text(struct http_resp *r, int status, const char *text)
{
	buf_reset(&r->body);
	buf_puts(&r->body, text);
	r->content_type = "text/plain; charset=utf-8";
	r->status = status;
	return status;
}

/* See response.h. */
const char *
http_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 202: return "Accepted";
	case 204: return "No Content";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 502: return "Bad Gateway";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

/* Write the status line and headers (everything before the body) to out;
 * with_length 0 leaves Content-Length out (a streamed body). */
static void
serialize_head(const struct http_resp *r, struct buf *out, int with_length)
{
	int status = r->status >= 100 && r->status <= 599 ? r->status : 500;

	buf_printf(out, "Status: %d %s\r\n", status, http_status_text(status));
	buf_printf(out, "Content-Type: %s\r\n", r->content_type != NULL ?
	    r->content_type : "text/html; charset=utf-8");
	if (with_length)
		buf_printf(out, "Content-Length: %zu\r\n", r->body.len);
	buf_append(out, buf_str(&r->headers), r->headers.len);
	buf_puts(out, "\r\n");
}

/* Hand the body to the sink and empty it (memory kept). Returns 0 or -1. */
static int
stream_flush(struct http_resp *r)
{
	if (r->stream_failed)
		return -1;
	if (r->body.len > 0 &&
	    r->sink(r->sink_arg, buf_str(&r->body), r->body.len) == -1)
		r->stream_failed = 1;
	buf_reset(&r->body);
	return r->stream_failed ? -1 : 0;
}

/* See response.h. */
int
resp_stream_begin(struct http_resp *r)
{
	struct buf head;

	if (r->sink == NULL || r->streaming)
		return 0;
	buf_init(&head);
	serialize_head(r, &head, 0);
	if (r->sink(r->sink_arg, buf_str(&head), head.len) == -1)
		r->stream_failed = 1;
	buf_cleanup(&head);
	r->streaming = 1;
	return stream_flush(r);
}

/* See response.h. */
int
resp_stream_write(struct http_resp *r, const char *p, size_t n)
{
	if (r->stream_failed)
		return -1;
	buf_append(&r->body, p, n);
	if (!r->streaming || r->body.len < RESP_STREAM_CHUNK)
		return 0;
	return stream_flush(r);
}

/* See response.h. */
void
http_resp_serialize(const struct http_resp *r, struct buf *out)
{
	serialize_head(r, out, 1);
	buf_append(out, buf_str(&r->body), r->body.len);
}

/* See response.h. */
int
http_resp_write(struct http_resp *r, struct FCGX_Request *fr)
{
	struct buf head;
	int rc = 0;

	if (r->streaming)
		return stream_flush(r);
	buf_init(&head);
	serialize_head(r, &head, 1);
	if (FCGX_PutStr(buf_str(&head), (int)head.len, fr->out) != (int)head.len)
		rc = -1;
	if (rc == 0 && r->body.len > 0 &&
	    FCGX_PutStr(buf_str(&r->body), (int)r->body.len, fr->out) !=
	    (int)r->body.len)
		rc = -1;
	buf_cleanup(&head);
	return rc;
}

/* resp sink: n bytes to the FastCGI output stream of arg (FCGX_Request). */
static int
fcgx_sink(void *arg, const char *p, size_t n)
{
	struct FCGX_Request *fr = arg;

	return FCGX_PutStr(p, (int)n, fr->out) == (int)n ? 0 : -1;
}

/* See response.h. */
void
http_resp_stream_to(struct http_resp *r, struct FCGX_Request *fr)
{
	r->sink = fcgx_sink;
	r->sink_arg = fr;
}
