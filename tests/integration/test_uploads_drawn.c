/*
 * Uploads drawn clean through the real stack (REM-P9): the polyglots an
 * image or PDF decoder reads as a plain image or document (a whole PNG
 * followed by an HTML page, by <img onerror>, by a javascript: link, by a
 * meta refresh; a PDF with a JavaScript action) and a 3-page PDF are taken
 * as a shopper's voucher and drawn at upload (service/docrender.c): every
 * stored picture (a thumbnail and one a page) is a JPEG or PNG without the
 * payload; the admin's review page shows the pictures and no frame of the
 * original; a picture comes with private, no-store and nosniff and only
 * to an admin; the original comes only as an attachment. The refusals
 * (a JPEG header and a script, "%PDF-", 11 pages) are in test_uploads.c.
 * Run by tests/integration/suite.sh (MALLPAY_TEST_URL, MALLPAY_CONF,
 * MALLPAY_CTL).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "db/remittance.h"
#include "service/filestore.h"
#include "ctl.h"
#include "shop.h"
#include "upload_fixture.h"

#define ADMIN	"admin@demo.test"
#define SCRIPT	"<script>alert(document.cookie)</script>"

/* One polyglot a decoder reads as a plain image or document: what is
 * sent, its payload (which no picture may hold) and its pages. */
struct drawn_case {
	const char	*what;
	const char	*fname;
	const char	*payload;
	const char	*marker;	/* its telling part, also absent */
	int		 pdf;		/* else a whole PNG, then payload */
	int		 pages;
};

static const struct drawn_case drawn_cases[] = {
	{ "PNG + HTML page", "photo.png",
	    "<html><body>" SCRIPT "</body></html>", "<script", 0, 1 },
	{ "PNG + <img onerror>", "photo.png",
	    "<img src=x onerror=alert(document.domain)>", "onerror", 0, 1 },
	{ "PNG + javascript: link", "photo.png",
	    "<a href=\"javascript:alert(document.cookie)\">open</a>",
	    "javascript:", 0, 1 },
	{ "PNG + meta refresh", "photo.png",
	    "<meta http-equiv=refresh content=\"0;url=https://evil.example/\">",
	    "http-equiv", 0, 1 },
	{ "PDF with a JavaScript action", "receipt.pdf",
	    "/OpenAction << /S /JavaScript /JS (app.alert\\(document\\)) >>",
	    "JavaScript", 1, 1 },
	{ "PDF voucher of 3 pages", "receipt.pdf", "", "", 1, 3 },
};

/* Assert the pictures of file_id: a thumbnail and pages pages, each a
 * JPEG or PNG holding neither dc's payload nor its marker. */
static void
assert_pictures_clean(int64_t file_id, const struct drawn_case *dc)
{
	const char	*payload = dc->payload, *what = dc->what;
	int		 pages = dc->pages;
	struct buf	 pic;
	const char	*mime;
	int		 i;

	for (i = 0; i <= pages + 1; i++) {
		buf_init(&pic);
		if (filestore_render(shop_db(), shop_config(), file_id, i, &pic,
		    &mime) != (i <= pages ? 0 : 1))
			fail_msg("%s: picture %d of file %lld: want %s", what, i,
			    (long long)file_id, i <= pages ? "one" : "none");
		if (i <= pages && !((pic.len > 3 && memcmp(pic.data,
		    "\xff\xd8\xff", 3) == 0) || (pic.len > 8 &&
		    memcmp(pic.data, png_ok, 8) == 0)))
			fail_msg("%s: picture %d is not a JPEG or PNG", what, i);
		if (payload[0] != '\0' && pic.len > 0 &&
		    (memmem(pic.data, pic.len, payload, strlen(payload)) !=
		    NULL || memmem(pic.data, pic.len, dc->marker,
		    strlen(dc->marker)) != NULL))
			fail_msg("%s: picture %d holds the payload", what, i);
		buf_cleanup(&pic);
	}
}

/* Assert that r has header name with needle in its value. */
static void
assert_header(const struct client_resp *r, const char *name,
    const char *needle)
{
	char *h = client_header(r, name, needle);

	if (h == NULL)
		fail_msg("no %s: ...%s... header", name, needle);
	free(h);
}

/* As the admin: the review page of order id shows the pictures of file_id
 * (pages of them) and not the payload; a picture comes with no-store and
 * nosniff, and the original only as an attachment; the shopper cl gets no
 * picture. */
static void
assert_review_page(struct client *adm, struct client *cl, int64_t id,
    int64_t vid, int64_t file_id, int pages, const char *payload)
{
	struct client_resp	 r;
	char			 path[128], want[96];

	snprintf(path, sizeof(path), "/admin/orders/%lld/voucher",
	    (long long)id);
	shop_get(adm, path, &r);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "/admin/files/%lld/picture?page=%d",
	    (long long)file_id, pages);
	assert_true(client_has(&r, want));
	snprintf(want, sizeof(want), "id=\"voucher-page-%d\"", pages);
	assert_true(client_has(&r, want));
	assert_false(client_has(&r, "<iframe"));
	if (payload[0] != '\0')
		assert_false(client_has(&r, payload));
	client_resp_cleanup(&r);

	snprintf(path, sizeof(path), "/admin/files/%lld/picture?page=1",
	    (long long)file_id);
	shop_get(adm, path, &r);
	assert_int_equal(r.status, 200);
	assert_header(&r, "Content-Type", "image/");
	assert_header(&r, "Cache-Control", "private, no-store");
	assert_header(&r, "X-Content-Type-Options", "nosniff");
	client_resp_cleanup(&r);
	/* Not for the shopper, not even their own upload's. */
	assert_int_equal(client_get(cl, path, &r), 0);
	assert_int_equal(r.status, 403);
	client_resp_cleanup(&r);

	snprintf(path, sizeof(path), "/admin/orders/%lld/voucher/file?v=%lld",
	    (long long)id, (long long)vid);
	shop_get(adm, path, &r);
	assert_int_equal(r.status, 200);
	assert_header(&r, "Content-Disposition",
	    "attachment; filename=\"voucher-order-");
	assert_header(&r, "X-Content-Type-Options", "nosniff");
	client_resp_cleanup(&r);
}

/* REM-P9: the polyglots a decoder reads as a plain PNG or PDF are taken
 * and drawn clean: the stored pictures (a thumbnail and one per page) are
 * JPEG or PNG without the payload; the reviewer's page shows them (and
 * no frame of the original), and the original is only an attachment. A
 * PDF voucher of 3 pages gives 3 page pictures. */
static void
test_REM_P9_polyglots_drawn_clean(void **state)
{
	struct client		*cl = shop_signin(NEW), *adm = shop_signin(ADMIN);
	struct client_resp	 r;
	struct db_rem_voucher	*v;
	struct buf		 doc;
	size_t			 i, n, files;
	int64_t			 id;

	(void)state;
	for (i = 0; i < sizeof(drawn_cases) / sizeof(drawn_cases[0]); i++) {
		const struct drawn_case *dc = &drawn_cases[i];

		buf_init(&doc);
		if (dc->pdf)
			pdf_doc(&doc, "drawn", dc->pages, dc->payload);
		else {
			buf_append(&doc, png_ok, sizeof(png_ok));
			buf_puts(&doc, dc->payload);
		}
		id = remittance_order(cl);
		files = upload_files();
		voucher_post(cl, id, dc->fname, strlen(dc->fname), doc.data,
		    doc.len, 0, &r);
		if (r.status != 303)
			fail_msg("%s: %ld, want 303:\n%s", dc->what, r.status,
			    r.body);
		client_resp_cleanup(&r);
		/* The upload, its thumbnail and one picture a page. */
		assert_int_equal(upload_files(), files + 2 + (size_t)dc->pages);
		assert_status(id, "awaiting_verification");
		v = NULL;
		assert_int_equal(db_rem_voucher_list(shop_db(), id, &v, &n), 0);
		assert_int_equal(n, 1);
		assert_pictures_clean(v[0].file_id, dc);
		assert_review_page(adm, cl, id, v[0].id, v[0].file_id,
		    dc->pages, dc->payload);
		free(v);
		buf_cleanup(&doc);
	}
	client_free(adm);
	client_free(cl);
	assert_int_equal(mallpayctl_check(), 0);
}

/* Run the tests against the stack of MALLPAY_CONF / MALLPAY_TEST_URL;
 * the exit status is the number of failed tests. */
int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_REM_P9_polyglots_drawn_clean),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
