/*
 * libFuzzer harness for the image decoding of uploads
 * (src/service/docrender.c): any byte string is decoded as a PNG when it
 * starts with the PNG signature, else as a JPEG, through libvips, and
 * drawn again; what comes out is freed. A crash, a sanitizer report or a
 * drawn result that is not one page is the finding.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "service/docrender.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* One input. Always returns 0 (libFuzzer's contract). */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct docrender_result r;
	char err[512];
	int png = size >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0;

	if (docrender_decode(png ? DOCRENDER_PNG : DOCRENDER_JPEG, data, size,
	    &r, err, sizeof(err)) == 0) {
		if (r.npages != 1 || r.page[0].data.len == 0 ||
		    r.thumb.data.len == 0)
			abort();
		docrender_free(&r);
	}
	return 0;
}
