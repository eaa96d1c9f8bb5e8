/*
 * libFuzzer harness for the PDF rendering of uploads
 * (src/service/docrender.c): any byte string is opened by poppler and its
 * pages (at most 10) drawn through cairo and encoded by libvips. A crash,
 * a sanitizer report or a drawn result without pages or of more than 10
 * is the finding.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "service/docrender.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
const char	*__lsan_default_suppressions(void);

/* LeakSanitizer: fontconfig's configuration, read once for the fonts of a
 * PDF and kept for the process's life (as tests/lsan.supp says for the
 * server). */
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}


/* One input. Always returns 0 (libFuzzer's contract). */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct docrender_result r;
	char err[512];

	if (docrender_decode(DOCRENDER_PDF, data, size, &r, err,
	    sizeof(err)) == 0) {
		if (r.npages < 1 || r.npages > DOCRENDER_MAX_PAGES ||
		    r.thumb.data.len == 0)
			abort();
		docrender_free(&r);
	}
	return 0;
}
