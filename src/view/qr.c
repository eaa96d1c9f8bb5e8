/*
 * QR codes as SVG path data (qr.h).
 */
#include <qrencode.h>

#include "core/buf.h"
#include "view/qr.h"

#define QUIET	4	/* modules of white around the symbol */

/* See qr.h. */
int
qr_svg_path(const char *text, struct buf *out, int *size)
{
	QRcode	*qr;
	int	 x, y, run, w;

	*size = 0;
	qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (qr == NULL)
		return -1;
	w = qr->width;
	for (y = 0; y < w; y++) {
		for (x = 0; x < w; x += run > 0 ? run : 1) {
			/* Bit 0 of each module's byte is dark. */
			for (run = 0; x + run < w &&
			    (qr->data[y * w + x + run] & 1); run++)
				continue;
			if (run > 0)
				buf_printf(out, "M%d %dh%dv1h-%dz", x + QUIET,
				    y + QUIET, run, run);
		}
	}
	*size = w + 2 * QUIET;
	QRcode_free(qr);
	return 0;
}
