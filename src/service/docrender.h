#ifndef MALLPAY_SERVICE_DOCRENDER_H
#define MALLPAY_SERVICE_DOCRENDER_H

/*
 * Uploads disarmed: what a reviewer looks at is never the uploaded file
 * but pictures drawn from it here.
 *
 * - Images (JPEG, PNG) are decoded by libvips and encoded again (JPEG stays
 *   JPEG at quality 85, PNG stays PNG), at most DOCRENDER_SIDE pixels on the
 *   long side, all metadata dropped: bytes appended after the image, EXIF,
 *   XMP, comments and text chunks do not survive. An image of more than
 *   DOCRENDER_MAX_PIXELS pixels (a decompression bomb) is refused before
 *   its pixels are decoded.
 * - PDFs are rendered page by page by poppler (glib binding) into cairo
 *   at 150 dpi (long side at most DOCRENDER_SIDE) and encoded as JPEG;
 *   scripts, actions, forms and embedded files are never run or kept. A PDF
 *   poppler cannot open (the 5 bytes "%PDF-", a damaged file, a password)
 *   or of more than DOCRENDER_MAX_PAGES pages is refused with a message
 *   for the user: every page submitted is a page the reviewer sees.
 * - Every document also gets a thumbnail (JPEG, DOCRENDER_THUMB pixels
 *   wide at most) of its first page for the queues.
 *
 * The decoders parse hostile input, so mallpayd and mallpayctl run them
 * in a child process (docrender_hook() in main, docrender_file()): a fresh
 * exec of the same program with a CPU limit, a memory limit (except under
 * AddressSanitizer, which needs its shadow memory) and a wall clock limit
 * of DOCRENDER_SECONDS; a crash or a hang costs that child only, and the
 * upload gets a message. Other programs (the unit tests, the fuzz
 * harnesses) call the decoders in process.
 */

#include <stddef.h>

#include "core/buf.h"

#define DOCRENDER_MAX_PAGES	10
#define DOCRENDER_MAX_PIXELS	(50LL * 1000 * 1000)
#define DOCRENDER_SIDE		2000
#define DOCRENDER_THUMB		240
#define DOCRENDER_SECONDS	30

/* What to decode. */
enum docrender_kind {
	DOCRENDER_JPEG,
	DOCRENDER_PNG,
	DOCRENDER_PDF
};

struct docrender_image {
	char		mime[16];	/* "image/jpeg" or "image/png" */
	int		width, height;
	struct buf	data;
};

/* A document drawn: its pages (1..DOCRENDER_MAX_PAGES, an image is one
 * page) and the first page's thumbnail. */
struct docrender_result {
	int			npages;
	struct docrender_image	page[DOCRENDER_MAX_PAGES];
	struct docrender_image	thumb;
};

/* Decode data (len bytes) of kind in this process and draw it into *out
 * (initialized here; free with docrender_free). Returns 0; 1 when the file
 * is refused (err holds the message for the user); -1 on a server error
 * (err says). Thread-safe. */
int	docrender_decode(enum docrender_kind kind, const void *data,
	    size_t len, struct docrender_result *out, char *err,
	    size_t errsz);

/* The same as docrender_decode, in a child process with resource limits
 * when the program called docrender_hook(), else in process. */
int	docrender_file(enum docrender_kind kind, const void *data, size_t len,
	    struct docrender_result *out, char *err, size_t errsz);

/* Free what *r holds; takes a zeroed result. */
void	docrender_free(struct docrender_result *r);

/* Call first in main: when argv asks for the renderer child, run it and
 * exit; else remember that this program can start one. */
void	docrender_hook(int argc, char **argv);

#endif
