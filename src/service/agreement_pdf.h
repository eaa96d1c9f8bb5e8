#ifndef MALLPAY_SERVICE_AGREEMENT_PDF_H
#define MALLPAY_SERVICE_AGREEMENT_PDF_H

/*
 * The corporate installment agreement as a PDF (INST-CORP): the same words
 * and figures as the stored text, laid out by pango on cairo (wrapping,
 * page breaks, any script the installed fonts cover: Noto, DejaVu), with
 * the SHA-256 of the exact signed text on the first page and in every
 * page's footer, so the printed copy names the bytes that were signed.
 */

#include <stddef.h>

struct buf;

/* Append an A4 PDF of text (UTF-8) under title to out; sha256 (hex) is the
 * hash of text kept with the agreement, status a line such as "Signed by
 * X at T" or "Not signed yet". Returns 0, or -1 (cairo failed; out holds
 * what was written). */
int	agreement_pdf(const char *title, const char *text, const char *sha256,
	    const char *status, struct buf *out);

#endif
