/*
 * Upload polyglots and limits through the real stack: nginx in
 * front of mallpayd, multipart bodies built here byte by byte. As a shopper
 * with a remittance order awaiting its voucher (REM-P9) and as a member of
 * a new company uploading qualification documents (INST-03, INST-S1), post
 * a PDF behind an MZ header, a PNG signature followed by HTML, a JPEG header
 * followed by <script> (no image in it), an SVG named .png, a ZIP named
 * .pdf, an HTML page named .pdf, the 5 bytes "%PDF-", a PDF of 11 pages, an
 * empty file, a file one byte over 10 MB, 10.6 MB (read whole by the app),
 * a body over nginx's 11 MB and a file name with a NUL. Each must be
 * refused with a clear message on the page (or a precise status) and leave
 * nothing behind: no voucher or document row, the order unchanged, no file
 * in the upload directory. A valid PDF and PNG are accepted, and so are
 * valid files under hostile names (../ and invalid UTF-8), stored under a
 * random name inside the upload directory only, each with its pictures (a
 * thumbnail and one per page). The polyglots an image or PDF decoder reads
 * as a plain image or document (a whole PNG followed by HTML, by <img
 * onerror>, by a javascript: link, by a meta refresh; a PDF with a
 * JavaScript action) are accepted and drawn clean: no picture holds the
 * payload, the review page shows the pictures, the original is served only
 * as an attachment. `mallpayctl check` (every file has its row and every
 * row its file) must be clean afterwards.
 * Run by tests/integration/suite.sh (MALLPAY_TEST_URL, MALLPAY_CONF,
 * MALLPAY_CTL).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/config.h"
#include "db/company.h"
#include "db/order.h"
#include "db/remittance.h"
#include "http/http.h"
#include "service/filestore.h"
#include "ctl.h"
#include "shop.h"
#include "upload_fixture.h"


/* What nginx lets through on the upload paths (nginx/nginx.conf.in
 * client_max_body_size 11m); the app itself reads at most HTTP_MAX_UPLOAD. */
#define NGINX_BODY_MAX	(11u * 1024 * 1024)

/* A JPEG/JFIF header (SOI, APP0). */
static const unsigned char jfif[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01,
	0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00
};

/* A real ZIP archive (one stored member "a.pdf" holding a PDF). */
static const unsigned char zip[] = {
	0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x21, 0x5c, 0xf2, 0x86, 0xb7, 0x03, 0x0f, 0x00, 0x00, 0x00, 0x0f, 0x00,
	0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x61, 0x2e, 0x70, 0x64, 0x66, 0x25,
	0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x25, 0x25, 0x45, 0x4f,
	0x46, 0x0a, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x21, 0x5c, 0xf2, 0x86, 0xb7, 0x03, 0x0f, 0x00,
	0x00, 0x00, 0x0f, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00,
	0x61, 0x2e, 0x70, 0x64, 0x66, 0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00,
	0x00, 0x01, 0x00, 0x01, 0x00, 0x33, 0x00, 0x00, 0x00, 0x32, 0x00, 0x00,
	0x00, 0x00, 0x00
};

#define SCRIPT	"<script>alert(document.cookie)</script>"
#define PDF_TAIL "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj " \
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type " \
	"/Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj\ntrailer << " \
	"/Root 1 0 R >>\n%%EOF\n"

/* One hostile file: what is sent, and what the page must say. */
struct hostile_file {
	const char	*what;		/* for messages */
	const char	*fname;		/* the name the browser sends */
	struct buf	 data;
	long		 status;	/* the expected answer */
	const char	*says;		/* a phrase of the message on the page */
};

enum {
	H_MZ_PDF, H_PNG_SIG_HTML, H_JPEG_SCRIPT, H_SVG_PNG, H_ZIP_PDF,
	H_HTML_PDF, H_PDF_STUB, H_PDF_11, H_EMPTY, H__MAX
};

/* Start h: what it is, the name sent, the phrase of the refusal; its data
 * empty (appended by the caller). Returns h->data. */
static struct buf *
file_start(struct hostile_file *h, const char *what, const char *fname,
    const char *says)
{
	h->what = what;
	h->fname = fname;
	h->status = 400;
	h->says = says;
	buf_init(&h->data);
	return &h->data;
}

/* Fill h[] with the polyglots and fakes (free with files_free). Each is
 * refused by type with 400; says is the phrase of the file store's
 * message. */
static void
files_make(struct hostile_file h[H__MAX])
{
	static const char notok[] = "not a JPEG, PNG or PDF file";
	static const char unreadable[] = "cannot be read";
	unsigned char mz[64];
	struct buf *b;

	/* A DOS/PE header, then a whole PDF at offset 64. */
	memset(mz, 0, sizeof(mz));
	memcpy(mz, "MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff", 15);
	memcpy(mz + 60, "\x40\0\0\0", 4);
	b = file_start(&h[H_MZ_PDF], "MZ header before a PDF", "receipt.pdf",
	    notok);
	buf_append(b, mz, sizeof(mz));
	buf_puts(b, "%PDF-1.4\n" PDF_TAIL);
	/* The bare PNG signature, then an HTML page. */
	b = file_start(&h[H_PNG_SIG_HTML], "PNG signature + HTML", "photo.png",
	    notok);
	buf_append(b, png_ok, 8);
	buf_puts(b, "<html><body>" SCRIPT "</body></html>");
	/* A JFIF header, then a script (libmagic: image/jpeg): no image
	 * for the decoder. */
	b = file_start(&h[H_JPEG_SCRIPT], "JPEG header + <script>",
	    "photo.jpg", unreadable);
	buf_append(b, jfif, sizeof(jfif));
	buf_puts(b, SCRIPT);
	b = file_start(&h[H_SVG_PNG], "SVG with a script named .png",
	    "photo.png", notok);
	buf_puts(b, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/"
	    "2000/svg\" width=\"1\" height=\"1\">" SCRIPT "</svg>\n");
	b = file_start(&h[H_ZIP_PDF], "ZIP named .pdf", "receipt.pdf", notok);
	buf_append(b, zip, sizeof(zip));
	b = file_start(&h[H_HTML_PDF], "HTML named .pdf", "receipt.pdf",
	    notok);
	buf_puts(b, "<!doctype html><html><head><title>receipt</title>"
	    "</head><body>" SCRIPT "</body></html>\n");
	b = file_start(&h[H_PDF_STUB], "the 5 bytes %PDF-", "receipt.pdf",
	    "This PDF cannot be read");
	buf_puts(b, "%PDF-");
	b = file_start(&h[H_PDF_11], "a PDF of 11 pages", "receipt.pdf",
	    "This PDF has 11 pages; the limit is 10");
	pdf_doc(b, "eleven", 11, "");
	(void)file_start(&h[H_EMPTY], "empty file", "receipt.pdf", "empty");
}

/* Release the data of h[]. */
static void
files_free(struct hostile_file h[H__MAX])
{
	size_t i;

	for (i = 0; i < H__MAX; i++)
		buf_cleanup(&h[i].data);
}

/* A valid small PDF unique to this call (tag, pid, counter), into b. */
static void
pdf_ok(struct buf *b, const char *tag)
{
	static int n;

	buf_printf(b, "%%PDF-1.4\n%% %s %ld %d %lld\n" PDF_TAIL, tag,
	    (long)getpid(), ++n, (long long)clock_now());
}

/* The documents of company id's latest submission (0 when it has none). */
static size_t
document_rows(int64_t company_id)
{
	struct db_qual	 q;
	struct db_doc	*d = NULL;
	size_t		 n = 0;
	int		 rc;

	rc = db_qual_latest(shop_db(), company_id, 0, &q);
	assert_int_not_equal(rc, -1);
	if (rc == 0)
		return 0;
	assert_int_equal(db_doc_list(shop_db(), q.id, &d, &n), 0);
	free(d);
	return n;
}

/* Upload a company document ("statements": no expiry date needed) as cl
 * with the csrf of /company; pad as voucher_post. Fills r. */
static void
document_post(struct client *cl, const char *fname, size_t fnlen,
    const void *data, size_t len, size_t pad, struct client_resp *r)
{
	struct buf	 body, padding;
	char		*csrf = client_csrf_of(cl, "/company");

	assert_non_null(csrf);
	buf_init(&padding);
	while (padding.len < pad)
		buf_putc(&padding, 'A');
	{
		const char *const f[] = { "csrf", csrf, "kind", "statements",
		    pad > 0 ? "pad" : NULL, buf_str(&padding), NULL };

		buf_init(&body);
		mp_body(&body, f, "document", fname, fnlen, data, len);
	}
	assert_int_equal(client_post_raw(cl, "/company/documents", MP_TYPE,
	    body.data, body.len, r), 0);
	buf_cleanup(&body);
	buf_cleanup(&padding);
	free(csrf);
}

/* Where an upload goes: a remittance order's voucher or a company's
 * documents. */
struct target {
	struct client	*cl;
	int64_t		 order_id;	/* voucher when > 0 */
	int64_t		 company_id;	/* else documents of this company */
	const char	*error_id;	/* the page's error element */
};

/* Post one file to t (see voucher_post). */
static void
target_post(const struct target *t, const char *fname, size_t fnlen,
    const void *data, size_t len, size_t pad, struct client_resp *r)
{
	if (t->order_id > 0)
		voucher_post(t->cl, t->order_id, fname, fnlen, data, len, pad,
		    r);
	else
		document_post(t->cl, fname, fnlen, data, len, pad, r);
}

/* The rows stored for t. */
static size_t
target_rows(const struct target *t)
{
	return t->order_id > 0 ? voucher_rows(t->order_id) :
	    document_rows(t->company_id);
}

/* Assert that nothing of a refused upload was kept: no row for t, the
 * order still awaiting its voucher, as many files as files_before. */
static void
assert_nothing_kept(const struct target *t, size_t files_before,
    const char *what)
{
	size_t files = upload_files(), rows = target_rows(t);

	if (rows != 0 || files != files_before)
		fail_msg("%s: refused, yet %zu row(s) and %zu file(s) (were "
		    "%zu) kept", what, rows, files, files_before);
	if (t->order_id > 0)
		assert_status(t->order_id, "awaiting_remittance");
}

/* Every refusal for t: the hostile files (400 with the filestore's
 * message in the page's error element), 10 MB + 1 (413, the app's
 * page), 10.6 MB (413, the same form), a body over nginx's (413,
 * nginx's static page), a NUL in the file name (400,
 * the request is malformed). Nothing may be kept by any. */
static void
refusals(const struct target *t)
{
	struct hostile_file	 h[H__MAX];
	struct client_resp	 r;
	struct buf		 doc;
	char			 marker[64], *big;
	size_t			 i, before = upload_files();

	files_make(h);
	snprintf(marker, sizeof(marker), "id=\"%s\"", t->error_id);
	for (i = 0; i < H__MAX; i++) {
		target_post(t, h[i].fname, strlen(h[i].fname), h[i].data.data,
		    h[i].data.len, 0, &r);
		if (r.status != h[i].status || !client_has(&r, marker) ||
		    !client_has(&r, h[i].says))
			fail_msg("%s: %ld, want %ld with %s saying \"%s\":\n%s",
			    h[i].what, r.status, h[i].status, marker,
			    h[i].says, r.body);
		/* The script never comes back as markup. */
		assert_false(client_has(&r, SCRIPT));
		client_resp_cleanup(&r);
		assert_nothing_kept(t, before, h[i].what);
	}
	files_free(h);

	/* One byte over the file limit: the app's own page (REM-P9). */
	big = calloc(1, NGINX_BODY_MAX + 1);
	assert_non_null(big);
	memcpy(big, "%PDF-1.4\n", 9);
	target_post(t, "big.pdf", 7, big, FILESTORE_MAX + 1, 0, &r);
	if (r.status != 413 || !client_has(&r, marker) ||
	    !client_has(&r, t->order_id > 0 ? "larger than 10 MB" :
	    "too large"))
		fail_msg("10 MB + 1: %ld:\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	assert_nothing_kept(t, before, "10 MB + 1");
	/* The app reads every body nginx passes (HTTP_MAX_UPLOAD): 10.6 MB
	 * comes back on its form like 10 MB + 1, still signed in. */
	target_post(t, "big.pdf", 7, big, FILESTORE_MAX + 600 * 1024, 0, &r);
	if (r.status != 413 || !client_has(&r, marker) ||
	    !client_has(&r, "Sign out"))
		fail_msg("10.6 MB: %ld:\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	assert_nothing_kept(t, before, "10.6 MB");
	/* Over nginx's client_max_body_size: its static 413 page. */
	target_post(t, "big.pdf", 7, big, NGINX_BODY_MAX + 1, 0, &r);
	if (r.status != 413 || !client_has(&r, "Error 413") ||
	    !client_has(&r, "at most 10 MB"))
		fail_msg("body over nginx's limit: %ld:\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	assert_nothing_kept(t, before, "body over nginx's limit");
	free(big);

	/* A NUL in the file name: the multipart body is refused whole. */
	buf_init(&doc);
	pdf_ok(&doc, "nul-name");
	target_post(t, "rec\0eipt.pdf", 12, doc.data, doc.len, 0, &r);
	if (r.status != 400 || !client_has(&r, "Something in the request "
	    "was wrong"))
		fail_msg("NUL in the file name: %ld:\n%s", r.status, r.body);
	client_resp_cleanup(&r);
	assert_nothing_kept(t, before, "NUL in the file name");
	buf_cleanup(&doc);
}

/* Post a valid file of pages pages to t under fname (fnlen bytes):
 * accepted (303), one more row and exactly the file, its thumbnail and its
 * pages more in the upload directory (under stored names, upload_files
 * checks), and nothing where a ../ name points: neither
 * /tmp/mallpay-evil-PID.pdf nor UPLOAD_DIR/../ of it. */
static void
accepted(const struct target *t, const char *fname, size_t fnlen,
    const void *data, size_t len, size_t pages, const char *what)
{
	struct client_resp	 r;
	struct stat		 st;
	char			 evil[2][600];
	size_t			 files = upload_files(), rows = target_rows(t), i;

	snprintf(evil[0], sizeof(evil[0]), "/tmp/mallpay-evil-%ld.pdf",
	    (long)getpid());
	snprintf(evil[1], sizeof(evil[1]), "%s/../mallpay-evil-%ld.pdf",
	    shop_config()->upload_dir, (long)getpid());
	target_post(t, fname, fnlen, data, len, 0, &r);
	if (r.status != 303)
		fail_msg("%s: %ld, want 303:\n%s", what, r.status, r.body);
	client_resp_cleanup(&r);
	if (target_rows(t) != rows + 1 || upload_files() != files + 2 + pages)
		fail_msg("%s: accepted, yet %zu row(s) (were %zu) and %zu "
		    "file(s) (were %zu)", what, target_rows(t), rows,
		    upload_files(), files);
	for (i = 0; i < 2; i++)
		if (stat(evil[i], &st) == 0)
			fail_msg("%s: %s was written", what, evil[i]);
}

/* A ../ file name reaching /tmp, into out (outsz bytes). */
static const char *
dotdot_name(char *out, size_t outsz)
{
	snprintf(out, outsz, "../../../../../../../tmp/mallpay-evil-%ld.pdf",
	    (long)getpid());
	return out;
}

/* A file name of invalid UTF-8 (a lone continuation byte, FF, a cut
 * sequence) and an overlong '/'. */
static const char badname[] = "\xff\xfe\x80\xc3(\xc0\xafreceipt.pdf";

/* REM-P9 through nginx and mallpayd: every polyglot, fake, empty and
 * oversized voucher is refused with its message and leaves no voucher row
 * and no file; the order keeps waiting. Then the controls: a valid PDF and
 * a valid PNG are taken (one order each: a voucher moves its order on),
 * as are valid PDFs named with ../ and with invalid UTF-8, stored inside
 * the upload directory under a random name. */
static void
test_REM_P9_voucher_polyglots_through_the_stack(void **state)
{
	struct client		*cl = shop_signin(NEW);
	struct client_resp	 r;
	struct target		 t = { cl, 0, 0, "voucher-error" };
	struct buf		 doc;
	char			 name[128], path[80];

	(void)state;
	buf_init(&doc);
	t.order_id = remittance_order(cl);
	refusals(&t);
	/* The same order still takes a valid PDF afterwards. */
	pdf_ok(&doc, "voucher-control");
	accepted(&t, "receipt.pdf", 11, doc.data, doc.len, 1, "valid PDF");
	assert_status(t.order_id, "awaiting_verification");

	t.order_id = remittance_order(cl);
	accepted(&t, "photo.png", 9, png_ok, sizeof(png_ok), 1, "valid PNG");

	t.order_id = remittance_order(cl);
	buf_reset(&doc);
	pdf_ok(&doc, "voucher-dotdot");
	accepted(&t, dotdot_name(name, sizeof(name)), strlen(name), doc.data,
	    doc.len, 1, "../ in the file name");

	t.order_id = remittance_order(cl);
	buf_reset(&doc);
	pdf_ok(&doc, "voucher-badname");
	accepted(&t, badname, sizeof(badname) - 1, doc.data, doc.len, 1,
	    "invalid UTF-8 file name");
	/* The name is not kept, so never echoed. */
	snprintf(path, sizeof(path), "/orders/%lld/voucher",
	    (long long)t.order_id);
	shop_get(cl, path, &r);
	assert_int_equal(r.status, 200);
	assert_null(memmem(r.body, r.len, "\xff\xfe", 2));
	client_resp_cleanup(&r);

	buf_cleanup(&doc);
	client_free(cl);
	/* Every file has its row and every row its file. */
	assert_int_equal(mallpayctl_check(), 0);
}

/* INST-03 / INST-S1 through nginx and mallpayd: a new company's member
 * uploading qualification documents gets the same refusals, and a refused
 * upload leaves no submission, no document row and no file; then a valid
 * PDF and PNG, and valid files under ../ and invalid UTF-8 names, are taken
 * into one draft submission. */
static void
test_INST_S1_document_polyglots_through_the_stack(void **state)
{
	struct client_resp	 r;
	struct target		 t = { NULL, 0, 0, "company-error" };
	struct db_qual		 q;
	struct buf		 doc;
	char			 name[128];
	int64_t			 user_id;

	(void)state;
	buf_init(&doc);
	t.cl = shop_company_member("uploads", "unverified", &t.company_id,
	    &user_id);
	refusals(&t);
	/* Not even an empty draft submission was left. */
	assert_int_equal(db_qual_latest(shop_db(), t.company_id, 0, &q), 0);

	pdf_ok(&doc, "document-control");
	accepted(&t, "statements.pdf", 14, doc.data, doc.len, 1, "valid PDF");
	accepted(&t, "statements.png", 14, png_ok, sizeof(png_ok), 1,
	    "valid PNG");
	buf_reset(&doc);
	pdf_ok(&doc, "document-dotdot");
	accepted(&t, dotdot_name(name, sizeof(name)), strlen(name), doc.data,
	    doc.len, 1, "../ in the file name");
	buf_reset(&doc);
	pdf_ok(&doc, "document-badname");
	accepted(&t, badname, sizeof(badname) - 1, doc.data, doc.len, 1,
	    "invalid UTF-8 file name");
	assert_int_equal(document_rows(t.company_id), 4);
	shop_get(t.cl, "/company", &r);
	assert_int_equal(r.status, 200);
	assert_null(memmem(r.body, r.len, "\xff\xfe", 2));
	client_resp_cleanup(&r);

	buf_cleanup(&doc);
	client_free(t.cl);
	assert_int_equal(mallpayctl_check(), 0);
}

/* Run the tests against the stack of MALLPAY_CONF / MALLPAY_TEST_URL;
 * the exit status is the number of failed tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_REM_P9_voucher_polyglots_through_the_stack),
		cmocka_unit_test(test_INST_S1_document_polyglots_through_the_stack),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
