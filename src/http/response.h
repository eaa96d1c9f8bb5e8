#ifndef MALLPAY_HTTP_RESPONSE_H
#define MALLPAY_HTTP_RESPONSE_H

#include <stddef.h>

#include "http/http.h"

struct FCGX_Request;

/* Prepare an embedded response: status 200, no content type (text/html), empty. */
void	http_resp_init(struct http_resp *);
/* Release the buffers of an embedded response; takes NULL. */
void	http_resp_cleanup(struct http_resp *);
/* Empty headers and body and set status back to 200, keeping memory. */
void	http_resp_reset(struct http_resp *);

/* Add the header line "name: value". A name or value holding CR, LF or NUL is
 * refused (logged, not added) so user data can never split the response. */
void	resp_header(struct http_resp *, const char *name, const char *value);
/* Add a header only if no header of that name was added yet (case-insensitive). */
void	resp_header_default(struct http_resp *, const char *name, const char *value);
/* 1 if a header of that name (case-insensitive) was added, else 0. */
int	resp_has_header(const struct http_resp *, const char *name);
/* Append text to the body. */
void	resp_puts(struct http_resp *, const char *);
/* Set a plain-text body (replacing any) and its content type; returns status. */
int	resp_text(struct http_resp *, int status, const char *text);

/* Streaming a long body (an export) while it is produced, so memory stays
 * flat: resp_stream_begin() sends the status and headers set so far (no
 * Content-Length) through r->sink, then resp_stream_write() appends to the
 * body and hands it to the sink in pieces of RESP_STREAM_CHUNK bytes;
 * http_resp_write() sends what is left. Without a sink (unit tests) the
 * body is kept whole and written at the end as usual. Both return 0, or -1
 * once a write failed (the client is gone: stop producing). */
#define RESP_STREAM_CHUNK	(64 * 1024)
int	resp_stream_begin(struct http_resp *r);
int	resp_stream_write(struct http_resp *r, const char *p, size_t n);

/* The reason phrase of status ("See Other"); "Unknown" for codes not listed. */
const char *http_status_text(int status);

/* Serialize r as a CGI response: "Status: 303 See Other", Content-Type,
 * Content-Length, the extra headers, a blank line, the body. Write it to the
 * FastCGI output stream of fr. Returns 0, or -1 on a write error (client gone). */
int	http_resp_write(struct http_resp *r, struct FCGX_Request *fr);
/* Let r stream its body (resp_stream_begin) to the FastCGI output stream
 * of fr. */
void	http_resp_stream_to(struct http_resp *r, struct FCGX_Request *fr);
/* The same serialization into out (for tests). */
void	http_resp_serialize(const struct http_resp *r, struct buf *out);

#endif
