#ifndef MALLPAY_SERVICE_AGREEMENT_PDF_H
#define MALLPAY_SERVICE_AGREEMENT_PDF_H

/*
 * The corporate installment agreement as a PDF (INST-CORP): the same words
 * and figures as the stored text, laid out by pango on cairo (wrapping,
 * page breaks, any script the installed fonts cover: Noto, DejaVu), with
 * the SHA-256 of the exact signed text on the first page and in every
 * page's footer, so the printed copy names the bytes that were signed.
 * The words around the text (notes, page numbers) are in the thread's
 * language, and a right-to-left language lays every paragraph out right
 * to left: the caller sets the language of the text (i18n_use).
 */

#include <stddef.h>

struct buf;

/* Append an A4 PDF of text (UTF-8) under title to out; sha256 (hex) is the
 * hash of text kept with the agreement, status a line such as "Signed by
 * X at T" or "Not signed yet". Returns 0, or -1 (cairo failed; out holds
 * what was written). */
int	agreement_pdf(const char *title, const char *text, const char *sha256,
	    const char *status, struct buf *out);

/* Append an A4 PDF of text (UTF-8, wrapped, paged) to out: title, then
 * status and head_note (one line in a fixed font) on the first page,
 * "Page N · foot_note" at the foot of every page. The agreement's and the
 * receipts' layout. Returns 0, or -1 (cairo failed). */
int	text_pdf(const char *title, const char *status, const char *head_note,
	    const char *foot_note, const char *text, struct buf *out);

#endif
