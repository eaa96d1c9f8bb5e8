/*
 * libFuzzer harness: multipart/form-data bodies. The first line of the input
 * is the Content-Type header value, the rest is the body.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http/form.h"
#include "http/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char boundary[MULTIPART_MAX_BOUNDARY + 1];
	struct paramlist pl;
	struct upload ups[MULTIPART_MAX_UPLOADS];
	const uint8_t *nl = memchr(data, '\n', size);
	char *ct, *body;
	size_t ctlen, blen, nups = 0, i;

	if (nl == NULL)
		return 0;
	ctlen = (size_t)(nl - data);
	ct = xstrndup((const char *)data, ctlen);
	blen = size - ctlen - 1;
	/* An exact-size copy, so ASan sees any read past the end. */
	body = xmalloc(blen ? blen : 1);
	memcpy(body, nl + 1, blen);
	memset(&pl, 0, sizeof(pl));
	if (multipart_boundary(ct, boundary, sizeof(boundary)) == 0 &&
	    multipart_parse(body, blen, boundary, &pl, ups,
	    MULTIPART_MAX_UPLOADS, &nups) == 0) {
		for (i = 0; i < nups; i++)
			if ((const char *)ups[i].data < body ||
			    (const char *)ups[i].data + ups[i].len > body + blen)
				__builtin_trap();
	}
	paramlist_clear(&pl);
	free(body);
	free(ct);
	return 0;
}
