#ifndef MALLPAY_VIEW_QR_H
#define MALLPAY_VIEW_QR_H

/*
 * QR codes drawn by the server as SVG (libqrencode for the matrix): no
 * image files and no script in the page.
 */

#include <stddef.h>

struct buf;

/* The QR code of text (error correction M) as the "d" of one SVG <path>
 * into out (appended): each run of dark modules of a row is one
 * "M x y h n v 1 h -n z" rectangle, one unit per module, shifted by the
 * 4-module quiet zone. *size gets the side of the whole picture in units
 * (the symbol's width plus the quiet zone on both sides), for the
 * viewBox. Returns 0, or -1 when the text cannot be encoded. */
int	qr_svg_path(const char *text, struct buf *out, int *size);

#endif
