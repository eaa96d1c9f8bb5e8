#ifndef MALLPAY_TEST_UPLOAD_FIXTURE_H
#define MALLPAY_TEST_UPLOAD_FIXTURE_H

/*
 * Uploads through the real stack for the upload tests (test_uploads.c,
 * test_uploads_drawn.c): multipart bodies built byte by byte, a shopper's
 * remittance order and its voucher, the upload directory counted.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "client.h"

#define NEW		"shopper.new@demo.test"
#define SKU		"HOME-VACUUM-R5"	/* USD 459.00 */
#define BOUNDARY	"mallpay-upload-test-7d41c2"
#define MP_TYPE		"multipart/form-data; boundary=" BOUNDARY

/* A complete 1x1 RGB PNG (IHDR, IDAT, IEND with their CRCs). */
#define UPLOAD_PNG_OK_LEN	69
extern const unsigned char png_ok[UPLOAD_PNG_OK_LEN];

/* A PDF of pages pages (200 x 100 points, the page number written on
 * each), unique to this call, with extra in its catalog, into b. */
void	pdf_doc(struct buf *b, const char *tag, int pages, const char *extra);

/* Append to b a multipart/form-data body (BOUNDARY): the text fields
 * (NULL-terminated name, value pairs), then one file in field ffield named
 * fname (fnlen bytes, sent as they are) holding len bytes of data. */
void	mp_body(struct buf *b, const char *const *fields, const char *ffield,
	    const char *fname, size_t fnlen, const void *data, size_t len);

/* How many files the upload directory holds (each must be a stored
 * name). */
size_t	upload_files(void);

/* The vouchers stored for order id. */
size_t	voucher_rows(int64_t id);

/* Assert order id is in status want. */
void	assert_status(int64_t id, const char *want);

/* Upload a voucher file (fname fnlen bytes, data len bytes; pad > 0 adds
 * a text field of pad bytes) for order id as cl, with the csrf and key of
 * the voucher page. Fills r. */
void	voucher_post(struct client *cl, int64_t id, const char *fname,
	    size_t fnlen, const void *data, size_t len, size_t pad,
	    struct client_resp *r);

/* Place a remittance order of SKU for cl as NEW: awaiting its voucher. */
int64_t	remittance_order(struct client *cl);

#endif
