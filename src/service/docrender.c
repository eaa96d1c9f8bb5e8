/*
 * Decoding uploads into pictures with libvips and poppler (docrender.h).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <poppler.h>
#include <vips/vips.h>

#include "core/i18n.h"
#include "service/docrender.h"

/* A picture stays under the file store's 10 MB (files_size_ck). */
#define FILESTORE_PICTURE_MAX	(8 * 1024 * 1024)

static pthread_once_t dr_once = PTHREAD_ONCE_INIT;
static int dr_ready;

/* libvips once per process: no operation cache (hostile images are not
 * kept around), one worker thread per image. */
static void
dr_init(void)
{
	if (VIPS_INIT("mallpay") != 0)
		return;
	vips_cache_set_max(0);
	vips_concurrency_set(1);
	/* A program that decodes in process (tests, fuzzers) leaves with
	 * libvips' caches freed; the renderer child leaves by _exit. */
	atexit(vips_shutdown);
	dr_ready = 1;
}

/* See docrender.h. */
void
docrender_free(struct docrender_result *r)
{
	int i;

	for (i = 0; i < DOCRENDER_MAX_PAGES; i++)
		buf_cleanup(&r->page[i].data);
	buf_cleanup(&r->thumb.data);
	memset(r, 0, sizeof(*r));
}

/* The message of libvips' last error into err, cleared. */
static int
vips_fail(char *err, size_t errsz, const char *what)
{
	snprintf(err, errsz, "docrender: %s: %s", what, vips_error_buffer());
	vips_error_clear();
	return -1;
}

/* Encode in (8-bit sRGB or grey, alpha only for PNG) into *img as mime,
 * metadata stripped. Returns 0 or -1 (err). */
static int
dr_save(VipsImage *in, const char *mime, struct docrender_image *img,
    char *err, size_t errsz)
{
	void *p = NULL;
	size_t n = 0;
	int rc;

	if (strcmp(mime, "image/png") == 0)
		rc = vips_pngsave_buffer(in, &p, &n, "strip", TRUE,
		    "compression", 6, NULL);
	else
		rc = vips_jpegsave_buffer(in, &p, &n, "strip", TRUE, "Q", 85,
		    "optimize_coding", TRUE, NULL);
	if (rc != 0)
		return vips_fail(err, errsz, "encode");
	snprintf(img->mime, sizeof(img->mime), "%s", mime);
	img->width = vips_image_get_width(in);
	img->height = vips_image_get_height(in);
	buf_init(&img->data);
	buf_append(&img->data, p, n);
	g_free(p);
	return 0;
}

/* in as 8-bit sRGB (or grey), its alpha flattened on white unless
 * keep_alpha. Returns a new reference or NULL (vips error). */
static VipsImage *
dr_plain(VipsImage *in, int keep_alpha)
{
	VipsImage *a = NULL, *b = NULL;
	double white[1] = { 255 };
	int grey = vips_image_get_bands(in) < 3;

	if (vips_colourspace(in, &a, grey ? VIPS_INTERPRETATION_B_W :
	    VIPS_INTERPRETATION_sRGB, NULL) != 0)
		return NULL;
	if (!keep_alpha && vips_image_hasalpha(a)) {
		VipsArrayDouble *bg = vips_array_double_new(white, 1);

		if (vips_flatten(a, &b, "background", bg, NULL) != 0)
			b = NULL;
		vips_area_unref(VIPS_AREA(bg));
		g_object_unref(a);
		a = b;
		if (a == NULL)
			return NULL;
	}
	if (vips_image_get_format(a) != VIPS_FORMAT_UCHAR) {
		if (vips_cast_uchar(a, &b, NULL) != 0)
			b = NULL;
		g_object_unref(a);
		a = b;
	}
	return a;
}

/* Draw big (already at most DOCRENDER_SIDE on the long side) into *page
 * as mime, and the first page's thumbnail into *thumb when not NULL.
 * Returns 0 or -1 (err). */
static int
dr_page(VipsImage *big, const char *mime, struct docrender_image *page,
    struct docrender_image *thumb, char *err, size_t errsz)
{
	VipsImage *small = NULL, *plain = NULL, *tplain = NULL;
	int rc = -1;

	if ((plain = dr_plain(big, strcmp(mime, "image/png") == 0)) == NULL) {
		vips_fail(err, errsz, "decode");
		goto out;
	}
	if (dr_save(plain, mime, page, err, errsz) != 0)
		goto out;
	if (page->data.len > FILESTORE_PICTURE_MAX) {
		/* A noisy PNG: JPEG keeps it under the store's limit. */
		buf_cleanup(&page->data);
		g_object_unref(plain);
		if ((plain = dr_plain(big, 0)) == NULL ||
		    dr_save(plain, "image/jpeg", page, err, errsz) != 0)
			goto out;
	}
	if (thumb != NULL) {
		if (vips_thumbnail_image(plain, &small, DOCRENDER_THUMB,
		    "height", DOCRENDER_THUMB * 2, "size", VIPS_SIZE_DOWN,
		    NULL) != 0 || (tplain = dr_plain(small, 0)) == NULL) {
			vips_fail(err, errsz, "thumbnail");
			goto out;
		}
		if (dr_save(tplain, "image/jpeg", thumb, err, errsz) != 0)
			goto out;
	}
	rc = 0;
out:
	if (small != NULL)
		g_object_unref(small);
	if (plain != NULL)
		g_object_unref(plain);
	if (tplain != NULL)
		g_object_unref(tplain);
	return rc;
}

/* The message for an image that cannot be decoded into err. */
static int
dr_unreadable(const char *word, char *err, size_t errsz)
{
	vips_error_clear();
	/* TRANSLATORS: both %s are the file type, JPEG or PNG. */
	snprintf(err, errsz, _("This %s image cannot be read (it is damaged, "
	    "incomplete or not really a %s). Upload a photo or scan again."),
	    word, word);
	return 1;
}

/* An image upload (JPEG or PNG): its header checked against the pixel
 * bound first, then decoded shrinking to DOCRENDER_SIDE while loading. */
static int
dr_image(enum docrender_kind kind, const void *data, size_t len,
    struct docrender_result *out, char *err, size_t errsz)
{
	const char *want = kind == DOCRENDER_PNG ? "VipsForeignLoadPngBuffer" :
	    "VipsForeignLoadJpegBuffer";
	const char *loader, *word = kind == DOCRENDER_PNG ? "PNG" : "JPEG";
	VipsImage *in, *seq = NULL, *big;
	long long px;
	int w, h, rc;

	loader = vips_foreign_find_load_buffer(data, len);
	if (loader == NULL || strcmp(loader, want) != 0)
		return dr_unreadable(word, err, errsz);
	if ((in = vips_image_new_from_buffer(data, len, "", NULL)) == NULL)
		return dr_unreadable(word, err, errsz);
	w = vips_image_get_width(in);
	h = vips_image_get_height(in);
	g_object_unref(in);
	px = (long long)w * h;
	if (px > DOCRENDER_MAX_PIXELS) {
		/* TRANSLATORS: the image's width and height in pixels. */
		snprintf(err, errsz, _("This image is %d x %d pixels; the "
		    "limit is 50 million pixels. Upload a smaller photo or "
		    "scan."), w, h);
		return 1;
	}
	/* Shrink-on-load, the EXIF orientation applied before the metadata
	 * goes; a decoding error fails the load. */
	if (vips_thumbnail_buffer((void *)(uintptr_t)data, len, &seq,
	    DOCRENDER_SIDE, "height", DOCRENDER_SIDE, "size", VIPS_SIZE_DOWN,
	    "option_string", "fail_on=error", NULL) != 0)
		return dr_unreadable(word, err, errsz);
	/* Decoded once into memory (at most DOCRENDER_SIDE squared): the
	 * page and the thumbnail both read it. */
	big = vips_image_copy_memory(seq);
	g_object_unref(seq);
	if (big == NULL)
		return dr_unreadable(word, err, errsz);
	rc = dr_page(big, kind == DOCRENDER_PNG ? "image/png" : "image/jpeg",
	    &out->page[0], &out->thumb, err, errsz);
	g_object_unref(big);
	if (rc != 0)
		return dr_unreadable(word, err, errsz);
	out->npages = 1;
	return 0;
}

/* Page p of doc drawn on white at 150 dpi, long side DOCRENDER_SIDE at
 * most, as an 8-bit sRGB vips image; NULL when the page has no size. */
static VipsImage *
dr_pdf_page(PopplerPage *p)
{
	double wpt, hpt, scale, side;
	cairo_surface_t *s;
	cairo_t *cr;
	VipsImage *img = NULL;
	unsigned char *rgb, *src;
	int w, h, x, y, stride;

	poppler_page_get_size(p, &wpt, &hpt);
	if (!(wpt >= 1 && hpt >= 1 && wpt < 1e6 && hpt < 1e6))
		return NULL;
	scale = 150.0 / 72.0;
	side = (wpt > hpt ? wpt : hpt) * scale;
	if (side > DOCRENDER_SIDE)
		scale *= DOCRENDER_SIDE / side;
	w = (int)(wpt * scale + 0.5);
	h = (int)(hpt * scale + 0.5);
	if (w < 1 || h < 1)
		return NULL;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	poppler_page_render_for_printing(p, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS &&
	    (rgb = malloc((size_t)w * (size_t)h * 3)) != NULL) {
		src = cairo_image_surface_get_data(s);
		stride = cairo_image_surface_get_stride(s);
		for (y = 0; y < h; y++)
			for (x = 0; x < w; x++) {
				uint32_t px;

				memcpy(&px, src + (size_t)y * (size_t)stride +
				    (size_t)x * 4, 4);
				rgb[((size_t)y * (size_t)w + (size_t)x) * 3] =
				    (unsigned char)(px >> 16);
				rgb[((size_t)y * (size_t)w + (size_t)x) * 3 +
				    1] = (unsigned char)(px >> 8);
				rgb[((size_t)y * (size_t)w + (size_t)x) * 3 +
				    2] = (unsigned char)px;
			}
		img = vips_image_new_from_memory_copy(rgb, (size_t)w *
		    (size_t)h * 3, w, h, 3, VIPS_FORMAT_UCHAR);
		free(rgb);
	}
	cairo_surface_destroy(s);
	return img;
}

/* Open data as a PDF: the document, or NULL with the user's message. */
static PopplerDocument *
dr_pdf_open(const void *data, size_t len, char *err, size_t errsz)
{
	PopplerDocument *doc;
	GBytes *b;
	GError *e = NULL;

	b = g_bytes_new(data, len);
	doc = poppler_document_new_from_bytes(b, NULL, &e);
	g_bytes_unref(b);
	if (doc != NULL)
		return doc;
	if (e != NULL && e->domain == POPPLER_ERROR &&
	    e->code == POPPLER_ERROR_ENCRYPTED)
		snprintf(err, errsz, "%s", _("This PDF is protected with a "
		    "password. Upload it without the password."));
	else
		snprintf(err, errsz, "%s", _("This PDF cannot be read: it is "
		    "damaged or not a complete PDF. Upload the document "
		    "again, or a photo or scan of it (JPEG or PNG)."));
	if (e != NULL)
		g_error_free(e);
	return NULL;
}

/* A PDF upload. */
static int
dr_pdf(const void *data, size_t len, struct docrender_result *out,
    char *err, size_t errsz)
{
	PopplerDocument *doc;
	PopplerPage *p;
	VipsImage *img;
	int i, n, rc = 0;

	if ((doc = dr_pdf_open(data, len, err, errsz)) == NULL)
		return 1;
	n = poppler_document_get_n_pages(doc);
	if (n < 1 || n > DOCRENDER_MAX_PAGES) {
		/* TRANSLATORS: the PDF's pages, then the limit. */
		snprintf(err, errsz, n < 1 ? _("This PDF has no pages.") :
		    _("This PDF has %d pages; the limit is %d. Upload only the "
		    "pages of the document, or a photo or scan of it."), n,
		    DOCRENDER_MAX_PAGES);
		g_object_unref(doc);
		return 1;
	}
	for (i = 0; i < n && rc == 0; i++) {
		img = NULL;
		if ((p = poppler_document_get_page(doc, i)) != NULL) {
			img = dr_pdf_page(p);
			g_object_unref(p);
		}
		if (img == NULL) {
			/* TRANSLATORS: %d is the page's number. */
			snprintf(err, errsz, _("Page %d of this PDF cannot be "
			    "drawn. Upload the document again, or a photo or "
			    "scan of it."), i + 1);
			rc = 1;
			break;
		}
		rc = dr_page(img, "image/jpeg", &out->page[i],
		    i == 0 ? &out->thumb : NULL, err, errsz);
		g_object_unref(img);
		out->npages = i + 1;
	}
	g_object_unref(doc);
	return rc;
}

/* See docrender.h. */
int
docrender_decode(enum docrender_kind kind, const void *data, size_t len,
    struct docrender_result *out, char *err, size_t errsz)
{
	int rc;

	memset(out, 0, sizeof(*out));
	pthread_once(&dr_once, dr_init);
	if (!dr_ready) {
		snprintf(err, errsz, "docrender: libvips did not start");
		return -1;
	}
	if (kind == DOCRENDER_PDF)
		rc = dr_pdf(data, len, out, err, errsz);
	else
		rc = dr_image(kind, data, len, out, err, errsz);
	if (rc != 0)
		docrender_free(out);
	return rc;
}
