/*
 * Unit tests of the drawing of uploads (service/docrender.c, REM-P9,
 * INST-S1), in process: images decoded and encoded again without what was
 * appended or embedded (HTML after a PNG, a comment and a tail in a JPEG),
 * shrunk to the review size, a decompression bomb and a damaged image
 * refused; PDF pages rendered, at most 10 (11 refused), one with a
 * JavaScript action drawn without it, the 5 bytes "%PDF-" refused; the
 * same through the renderer child. The inputs are made here with cairo and
 * libvips.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <vips/vips.h>

#include "core/buf.h"
#include "service/docrender.h"

const char	*__lsan_default_suppressions(void);

/* LeakSanitizer: fontconfig's configuration, read once for the fonts of a
 * PDF and kept for the process's life (as tests/lsan.supp says for the
 * server). */
const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* 1 if needle (a C string) occurs in any picture of r. */
static int
in_pictures(const struct docrender_result *r, const char *needle)
{
	int i;

	if (memmem(r->thumb.data.data, r->thumb.data.len, needle,
	    strlen(needle)) != NULL)
		return 1;
	for (i = 0; i < r->npages; i++)
		if (memmem(r->page[i].data.data, r->page[i].data.len, needle,
		    strlen(needle)) != NULL)
			return 1;
	return 0;
}

/* A PNG or JPEG (jpeg) of w x h grey pixels made by libvips, into b. */
static void
make_image(struct buf *b, int w, int h, int jpeg)
{
	VipsImage *img = NULL;
	void *p = NULL;
	size_t n = 0;

	assert_int_equal(VIPS_INIT("test"), 0);
	assert_int_equal(vips_grey(&img, w, h, NULL), 0);
	if (jpeg)
		assert_int_equal(vips_jpegsave_buffer(img, &p, &n, NULL), 0);
	else
		assert_int_equal(vips_pngsave_buffer(img, &p, &n, NULL), 0);
	buf_init(b);
	buf_append(b, p, n);
	g_free(p);
	g_object_unref(img);
}

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* A PDF of pages A4 pages with a line of text each, made by cairo, into b. */
static void
make_pdf(struct buf *b, int pages)
{
	cairo_surface_t *s;
	cairo_t *cr;
	char line[64];
	int i;

	buf_init(b);
	s = cairo_pdf_surface_create_for_stream(to_buf, b, 595, 842);
	cr = cairo_create(s);
	for (i = 0; i < pages; i++) {
		snprintf(line, sizeof(line), "Remittance voucher, page %d", i + 1);
		cairo_move_to(cr, 72, 100);
		cairo_set_font_size(cr, 18);
		cairo_show_text(cr, line);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
}

/* Every PNG polyglot of the upload tests: a whole PNG followed by web
 * page code is drawn as a plain PNG without it. */
static void
test_REM_P9_png_polyglots_drawn_without_payload(void **state)
{
	static const char *const payloads[] = {
		"<html><body><script>alert(document.cookie)</script></body></html>",
		"<img src=x onerror=alert(1)>",
		"<a href=\"javascript:alert(1)\">x</a>",
		"<meta http-equiv=refresh content=\"0;url=https://evil.example/\">",
		"<svg onload=alert(1)>",
	};
	struct docrender_result r;
	struct buf in;
	char err[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(payloads) / sizeof(payloads[0]); i++) {
		make_image(&in, 1, 1, 0);
		buf_puts(&in, payloads[i]);
		assert_int_equal(docrender_decode(DOCRENDER_PNG, in.data,
		    in.len, &r, err, sizeof(err)), 0);
		assert_int_equal(r.npages, 1);
		assert_string_equal(r.page[0].mime, "image/png");
		assert_int_equal(r.page[0].width, 1);
		assert_string_equal(r.thumb.mime, "image/jpeg");
		assert_false(in_pictures(&r, payloads[i]));
		assert_false(in_pictures(&r, "alert"));
		docrender_free(&r);
		buf_cleanup(&in);
	}
}

/* A JPEG with a comment segment after its start and a script after its
 * end: the picture has neither; a big image is shrunk to DOCRENDER_SIDE. */
static void
test_REM_P9_jpeg_comment_and_tail_dropped(void **state)
{
	static const char com[] = "<script>alert('comment')</script>";
	struct docrender_result r;
	struct buf img, in;
	unsigned char seg[4];
	char err[512];

	(void)state;
	make_image(&img, 3000, 1500, 1);
	seg[0] = 0xff;
	seg[1] = 0xfe;
	seg[2] = 0;
	seg[3] = (unsigned char)(sizeof(com) - 1 + 2);
	buf_init(&in);
	buf_append(&in, img.data, 2);		/* SOI */
	buf_append(&in, seg, 4);
	buf_append(&in, com, sizeof(com) - 1);
	buf_append(&in, img.data + 2, img.len - 2);
	buf_puts(&in, "<script>alert('tail')</script>");
	assert_int_equal(docrender_decode(DOCRENDER_JPEG, in.data, in.len, &r,
	    err, sizeof(err)), 0);
	assert_string_equal(r.page[0].mime, "image/jpeg");
	assert_int_equal(r.page[0].width, DOCRENDER_SIDE);
	assert_int_equal(r.page[0].height, DOCRENDER_SIDE / 2);
	assert_true(r.thumb.width <= DOCRENDER_THUMB);
	assert_false(in_pictures(&r, "alert"));
	assert_false(in_pictures(&r, "script"));
	docrender_free(&r);
	buf_cleanup(&in);
	buf_cleanup(&img);
}

/* CRC-32 of the PNG chunk type and data at p (n bytes). */
static uint32_t
crc32_png(const unsigned char *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
	}
	return c ^ 0xffffffffu;
}

/* A PNG whose header says 30000 x 30000 pixels (valid CRC): refused
 * before its pixels are decoded when over the bound. */
static void
test_REM_P9_decompression_bomb_refused(void **state)
{
	struct docrender_result r;
	struct buf png;
	unsigned char *in;
	char err[512];
	uint32_t crc;

	(void)state;
	make_image(&png, 64, 48, 0);
	in = (unsigned char *)png.data;		/* IHDR: always first */
	in[16] = 0x00; in[17] = 0x00; in[18] = 0x75; in[19] = 0x30;	/* 30000 */
	in[20] = 0x00; in[21] = 0x00; in[22] = 0x75; in[23] = 0x30;
	crc = crc32_png(in + 12, 17);
	in[29] = (unsigned char)(crc >> 24);
	in[30] = (unsigned char)(crc >> 16);
	in[31] = (unsigned char)(crc >> 8);
	in[32] = (unsigned char)crc;
	assert_int_equal(docrender_decode(DOCRENDER_PNG, png.data, png.len, &r,
	    err, sizeof(err)), 1);
	assert_non_null(strstr(err, "30000 x 30000 pixels"));
	assert_non_null(strstr(err, "50 million"));
	assert_int_equal(r.npages, 0);
	buf_cleanup(&png);
}

/* A cut image, a JPEG header only, a PNG that is not one: refused with a
 * message, nothing drawn. */
static void
test_REM_P9_damaged_images_refused(void **state)
{
	struct docrender_result r;
	struct buf img;
	char err[512];

	(void)state;
	make_image(&img, 64, 48, 0);
	assert_int_equal(docrender_decode(DOCRENDER_PNG, img.data, 40, &r,
	    err, sizeof(err)), 1);
	assert_non_null(strstr(err, "cannot be read"));
	assert_int_equal(docrender_decode(DOCRENDER_JPEG,
	    "\xff\xd8\xff\xe0\x00\x10JFIF\x00<script>", 20, &r, err,
	    sizeof(err)), 1);
	assert_non_null(strstr(err, "This JPEG image cannot be read"));
	/* A PNG given as a JPEG: the loader must be the one named. */
	assert_int_equal(docrender_decode(DOCRENDER_JPEG, img.data, img.len,
	    &r, err, sizeof(err)), 1);
	buf_cleanup(&img);
}

/* A PDF of 3 pages: 3 pictures at 150 dpi (A4: 1240 x 1754), JPEG, and a
 * thumbnail; 10 pages are drawn, 11 refused with the figures. */
static void
test_REM_P9_pdf_pages_drawn_at_most_10(void **state)
{
	struct docrender_result r;
	struct buf pdf;
	char err[512];
	int i;

	(void)state;
	make_pdf(&pdf, 3);
	assert_int_equal(docrender_decode(DOCRENDER_PDF, pdf.data, pdf.len, &r,
	    err, sizeof(err)), 0);
	assert_int_equal(r.npages, 3);
	for (i = 0; i < 3; i++) {
		assert_string_equal(r.page[i].mime, "image/jpeg");
		assert_int_equal(r.page[i].width, 1240);
		assert_int_equal(r.page[i].height, 1754);
		assert_memory_equal(r.page[i].data.data, "\xff\xd8\xff", 3);
	}
	assert_true(r.thumb.width <= DOCRENDER_THUMB && r.thumb.width > 0);
	docrender_free(&r);
	buf_cleanup(&pdf);

	make_pdf(&pdf, 10);
	assert_int_equal(docrender_decode(DOCRENDER_PDF, pdf.data, pdf.len, &r,
	    err, sizeof(err)), 0);
	assert_int_equal(r.npages, 10);
	docrender_free(&r);
	buf_cleanup(&pdf);

	make_pdf(&pdf, 11);
	assert_int_equal(docrender_decode(DOCRENDER_PDF, pdf.data, pdf.len, &r,
	    err, sizeof(err)), 1);
	assert_non_null(strstr(err, "This PDF has 11 pages; the limit is 10"));
	assert_int_equal(r.npages, 0);
	buf_cleanup(&pdf);
}

/* A PDF with a JavaScript open action is drawn (poppler never runs it)
 * and the pictures do not hold it; "%PDF-" alone and a password-less
 * damaged PDF are refused with the message beside the field. */
static void
test_REM_P9_pdf_javascript_drawn_stub_refused(void **state)
{
	static const char js[] = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages "
	    "2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >> "
	    "endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
	    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> "
	    "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
	struct docrender_result r;
	char err[512];

	(void)state;
	assert_int_equal(docrender_decode(DOCRENDER_PDF, js, strlen(js), &r,
	    err, sizeof(err)), 0);
	assert_int_equal(r.npages, 1);
	assert_false(in_pictures(&r, "JavaScript"));
	assert_false(in_pictures(&r, "app.alert"));
	docrender_free(&r);
	assert_int_equal(docrender_decode(DOCRENDER_PDF, "%PDF-", 5, &r, err,
	    sizeof(err)), 1);
	assert_non_null(strstr(err, "This PDF cannot be read"));
	assert_int_equal(docrender_decode(DOCRENDER_PDF, "%PDF-1.4\n1 0 obj",
	    16, &r, err, sizeof(err)), 1);
}

/* Through the renderer child (this program started again, with its
 * limits): the same pictures of a PNG with HTML after it, and the same
 * refusal of "%PDF-". */
static void
test_REM_P9_child_draws_and_refuses(void **state)
{
	struct docrender_result r;
	struct buf in;
	char err[512];

	(void)state;
	make_image(&in, 1, 1, 0);
	buf_puts(&in, "<img src=x onerror=alert(1)>");
	assert_int_equal(docrender_file(DOCRENDER_PNG, in.data, in.len, &r,
	    err, sizeof(err)), 0);
	assert_int_equal(r.npages, 1);
	assert_string_equal(r.page[0].mime, "image/png");
	assert_memory_equal(r.page[0].data.data, in.data, 8);
	assert_false(in_pictures(&r, "onerror"));
	docrender_free(&r);
	buf_cleanup(&in);
	assert_int_equal(docrender_file(DOCRENDER_PDF, "%PDF-", 5, &r, err,
	    sizeof(err)), 1);
	assert_non_null(strstr(err, "This PDF cannot be read"));
}

/* Run the tests (argv: the renderer child when docrender_file starts this
 * program again); the exit status is the number of failed tests. */
int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_REM_P9_png_polyglots_drawn_without_payload),
		cmocka_unit_test(test_REM_P9_jpeg_comment_and_tail_dropped),
		cmocka_unit_test(test_REM_P9_decompression_bomb_refused),
		cmocka_unit_test(test_REM_P9_damaged_images_refused),
		cmocka_unit_test(test_REM_P9_pdf_pages_drawn_at_most_10),
		cmocka_unit_test(test_REM_P9_pdf_javascript_drawn_stub_refused),
		cmocka_unit_test(test_REM_P9_child_draws_and_refuses),
	};

	docrender_hook(argc, argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
