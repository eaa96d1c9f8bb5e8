/*
 * Uploads through the real stack, for the upload tests (upload_fixture.h).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/order_status.h"
#include "db/order.h"
#include "db/remittance.h"
#include "shop.h"
#include "upload_fixture.h"

/* A complete 1x1 RGB PNG (IHDR, IDAT, IEND with their CRCs). */
const unsigned char png_ok[UPLOAD_PNG_OK_LEN] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
	0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00,
	0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
	0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00,
	0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
};

/* A PDF of pages pages (200 x 100 points each, the page number written on
 * it), unique to this call (tag, pid, counter), with extra in its catalog
 * (e.g. an /OpenAction), into b. */
void
pdf_doc(struct buf *b, const char *tag, int pages, const char *extra)
{
	static int n;
	int i;

	buf_printf(b, "%%PDF-1.4\n%% %s %ld %d %lld\n1 0 obj << /Type /Catalog "
	    "/Pages 2 0 R %s >> endobj\n2 0 obj << /Type /Pages /Count %d "
	    "/Kids [", tag, (long)getpid(), ++n, (long long)clock_now(), extra,
	    pages);
	for (i = 0; i < pages; i++)
		buf_printf(b, "%d 0 R ", 10 + 2 * i);
	buf_puts(b, "] >> endobj\n4 0 obj << /Type /Font /Subtype /Type1 "
	    "/BaseFont /Helvetica >> endobj\n");
	for (i = 0; i < pages; i++) {
		char text[64];
		int len = snprintf(text, sizeof(text), "BT /F1 24 Tf 20 40 Td "
		    "(Page %d) Tj ET", i + 1);

		buf_printf(b, "%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox "
		    "[0 0 200 100] /Resources << /Font << /F1 4 0 R >> >> "
		    "/Contents %d 0 R >> endobj\n%d 0 obj << /Length %d >> "
		    "stream\n%s\nendstream endobj\n", 10 + 2 * i, 11 + 2 * i,
		    11 + 2 * i, len, text);
	}
	buf_puts(b, "trailer << /Root 1 0 R >>\n%%EOF\n");
}

/* Append to b a multipart/form-data body (BOUNDARY): the text fields
 * (NULL-terminated name, value pairs), then one file in field ffield named
 * fname (fnlen bytes, sent as they are: NUL, ../ and invalid UTF-8 too)
 * holding len bytes of data. */
void
mp_body(struct buf *b, const char *const *fields, const char *ffield,
    const char *fname, size_t fnlen, const void *data, size_t len)
{
	size_t i;

	for (i = 0; fields[i] != NULL; i += 2)
		buf_printf(b, "--%s\r\nContent-Disposition: form-data; "
		    "name=\"%s\"\r\n\r\n%s\r\n", BOUNDARY, fields[i],
		    fields[i + 1]);
	buf_printf(b, "--%s\r\nContent-Disposition: form-data; name=\"%s\"; "
	    "filename=\"", BOUNDARY, ffield);
	buf_append(b, fname, fnlen);
	buf_printf(b, "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
	buf_append(b, data, len);
	buf_printf(b, "\r\n--%s--\r\n", BOUNDARY);
}

/* How many files the upload directory holds (a partial "*.tmp" counts:
 * it must not stay). Every name must be a stored name (40 hex digits). */
size_t
upload_files(void)
{
	const char	*dir = shop_config()->upload_dir;
	DIR		*d = opendir(dir);
	struct dirent	*de;
	size_t		 n = 0;

	if (d == NULL)
		fail_msg("cannot open the upload directory %s", dir);
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (strlen(de->d_name) != 40 ||
		    strspn(de->d_name, "0123456789abcdef") != 40)
			fail_msg("%s/%s is not a stored name", dir, de->d_name);
		n++;
	}
	closedir(d);
	return n;
}

/* The vouchers stored for order id. */
size_t
voucher_rows(int64_t id)
{
	struct db_rem_voucher	*v = NULL;
	size_t			 n = 0;

	assert_int_equal(db_rem_voucher_list(shop_db(), id, &v, &n), 0);
	free(v);
	return n;
}

/* Assert order id is in status want. */
void
assert_status(int64_t id, const char *want)
{
	struct db_order o;

	assert_int_equal(db_order_get(shop_db(), 0, id, &o), 1);
	if (strcmp(order_status_name(o.status), want) != 0)
		fail_msg("order %lld is %s, want %s", (long long)id,
		    order_status_name(o.status),
		    want);
}

/* Upload a voucher file (fname fnlen bytes, data len bytes; pad > 0 adds a
 * text field of pad bytes to make the body that large) for order id as cl,
 * with the csrf and idempotency key of the voucher page. Fills r. */
void
voucher_post(struct client *cl, int64_t id, const char *fname, size_t fnlen,
    const void *data, size_t len, size_t pad, struct client_resp *r)
{
	struct client_resp	 page;
	struct buf		 body, padding;
	char			 path[80], day[11], *csrf, *key;
	mp_date			 d;

	snprintf(path, sizeof(path), "/orders/%lld/voucher", (long long)id);
	assert_int_equal(client_get(cl, path, &page), 0);
	assert_int_equal(page.status, 200);
	csrf = client_csrf(page.body);
	key = client_between(page.body, "name=\"key\" value=\"", "\"");
	client_resp_cleanup(&page);
	assert_non_null(csrf);
	assert_non_null(key);
	assert_int_equal(mp_date_from_unix(clock_now(), &d), 0);
	buf_init(&padding);
	while (padding.len < pad)
		buf_putc(&padding, 'A');
	{
		const char *const f[] = { "csrf", csrf, "key", key, "amount",
		    "459.00", "date", mp_date_str(d, day, sizeof(day)),
		    "tracking", "po-upload-test", pad > 0 ? "pad" : NULL,
		    buf_str(&padding), NULL };

		buf_init(&body);
		mp_body(&body, f, "voucher", fname, fnlen, data, len);
	}
	assert_int_equal(client_post_raw(cl, path, MP_TYPE, body.data,
	    body.len, r), 0);
	buf_cleanup(&body);
	buf_cleanup(&padding);
	free(csrf);
	free(key);
}

/* Place a remittance order of SKU for cl as NEW: awaiting its voucher. */
int64_t
remittance_order(struct client *cl)
{
	int64_t id = shop_place_one(cl, NEW, SKU, "remittance", "remittance",
	    "a remittance order", NULL, 0);

	assert_status(id, "awaiting_remittance");
	return id;
}

