#ifndef MALLPAY_HTTP_MULTIPART_H
#define MALLPAY_HTTP_MULTIPART_H

#include <stddef.h>

#include "http/http.h"

#define MULTIPART_MAX_BOUNDARY	70	/* RFC 2046 */
#define MULTIPART_MAX_UPLOADS	4	/* size of http_req.uploads */

/* Extract the boundary parameter of a multipart/form-data Content-Type value
 * into out (outsz >= MULTIPART_MAX_BOUNDARY + 1). Returns 0, or -1 when the type
 * is not multipart/form-data or the boundary is missing, empty or too long. */
int	multipart_boundary(const char *content_type, char *out, size_t outsz);

/* Parse a multipart/form-data body of len bytes from buf with the given
 * boundary. Parts without a filename become pairs in params (heap copies, same
 * rules as form_parse: no NUL, HTTP_MAX_FIELD bytes); parts with a filename
 * parameter become uploads (ups[0..maxups), *nups set) whose data points INTO
 * buf, so buf must outlive them. Strict: every part needs a
 * Content-Disposition: form-data; name="..." header, header lines end in CRLF,
 * the body must end with the closing delimiter.
 * Returns 0, or -1 on malformed input or over a limit (HTTP_MAX_PARAMS pairs,
 * maxups files, 16 headers per part, 1024 bytes per header line). */
int	multipart_parse(const char *buf, size_t len, const char *boundary,
	    struct paramlist *params, struct upload *ups, size_t maxups,
	    size_t *nups);

#endif
