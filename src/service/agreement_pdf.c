/*
 * The agreement as a PDF with cairo and pango (see agreement_pdf.h).
 * Lines of one pango layout are placed page by page: a line that would
 * cross the bottom margin starts a new page. The document's words are in
 * the thread's language; in a right-to-left one (Arabic) every paragraph
 * is right to left and aligned to the right margin, and pango shapes and
 * orders each line (codes and amounts keep their own order).
 */
#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "service/agreement_pdf.h"

/* A4 in points and the margins. */
#define PAGE_W		595.0
#define PAGE_H		842.0
#define MARGIN		56.0
#define FOOTER_H	40.0
#define BODY_FONT	"Noto Sans, Noto Sans Arabic, DejaVu Sans, " \
			"Noto Sans CJK SC 10.5"
#define TITLE_FONT	"Noto Sans, Noto Sans Arabic, DejaVu Sans, " \
			"Noto Sans CJK SC Bold 16"
#define MONO_FONT	"DejaVu Sans Mono, Noto Sans Mono 8"
/* The notes in Arabic: a monospaced font's Arabic letters do not join. */
#define NOTE_FONT_RTL	"Noto Sans Arabic, Noto Sans 8"

/* cairo's stream writer: append to the buf. */
static cairo_status_t
write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* One document being drawn: cairo's context and pango's, with its own
 * font map (released with the document: nothing outlives the request,
 * and no pango state is shared between worker threads). */
struct doc {
	cairo_t		*cr;
	PangoContext	*pc;
	int		 rtl;	/* the language is right to left */
};

/* A layout of text in font, wrapped at width points. */
static PangoLayout *
layout_new(struct doc *d, const char *font, const char *text, double width)
{
	PangoLayout		*l;
	PangoFontDescription	*fd = pango_font_description_from_string(font);

	pango_cairo_update_context(d->cr, d->pc);
	l = pango_layout_new(d->pc);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (d->rtl) {
		/* Every paragraph right to left (the context's direction),
		 * also one that starts with a Latin name or a code. */
		pango_layout_set_auto_dir(l, FALSE);
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	} else
		pango_layout_set_auto_dir(l, TRUE);
	pango_layout_set_text(l, text, -1);
	return l;
}

/* Draw text in font at (x, y); returns its height in points. */
static double
draw_block(struct doc *d, const char *font, const char *text, double x,
    double y)
{
	PangoLayout	*l = layout_new(d, font, text, PAGE_W - 2 * MARGIN);
	int		 w, h;

	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
	pango_layout_get_size(l, &w, &h);
	g_object_unref(l);
	return (double)h / PANGO_SCALE;
}

/* The footer of page n: the page and note. */
static void
footer(struct doc *d, const char *note, int n)
{
	char line[400];

	snprintf(line, sizeof(line), _("Page %d · %s"), n, note);
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	draw_block(d, d->rtl ? NOTE_FONT_RTL : MONO_FONT, line, MARGIN,
	    PAGE_H - MARGIN + 12);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

/* The first page's head: title, status and note; returns its height. */
static double
head(struct doc *d, const char *title, const char *status, const char *note)
{
	double y = MARGIN;

	y += draw_block(d, TITLE_FONT, title, MARGIN, y) + 6;
	y += draw_block(d, BODY_FONT, status, MARGIN, y) + 4;
	y += draw_block(d, d->rtl ? NOTE_FONT_RTL : MONO_FONT, note, MARGIN,
	    y) + 14;
	return y - MARGIN;
}

/* Draw text's lines page by page from top (the first page's head above
 * it); returns the last page's number. */
static int
body(struct doc *d, const char *text, const char *foot, double top)
{
	PangoLayout	*l = layout_new(d, BODY_FONT, text, PAGE_W - 2 * MARGIN);
	PangoLayoutIter	*it = pango_layout_get_iter(l);
	PangoRectangle	 r;
	double		 offset = 0, bottom = PAGE_H - MARGIN - FOOTER_H;
	int		 page = 1;

	do {
		pango_layout_iter_get_line_extents(it, NULL, &r);
		if (top + (double)(r.y + r.height) / PANGO_SCALE - offset >
		    bottom) {
			/* This line starts the next page. */
			footer(d, foot, page++);
			cairo_show_page(d->cr);
			top = MARGIN;
			offset = (double)r.y / PANGO_SCALE;
		}
		/* r.x: the line's place by the alignment (right to left:
		 * flush with the right margin). */
		cairo_move_to(d->cr, MARGIN + (double)r.x / PANGO_SCALE,
		    top - offset + pango_layout_iter_get_baseline(it) /
		    (double)PANGO_SCALE);
		pango_cairo_show_layout_line(d->cr,
		    pango_layout_iter_get_line_readonly(it));
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	return page;
}

/* See agreement_pdf.h. */
int
text_pdf(const char *title, const char *status, const char *head_note,
    const char *foot_note, const char *text, struct buf *out)
{
	PangoFontMap	*fm = pango_cairo_font_map_new();
	cairo_surface_t	*s;
	struct doc	 d;
	int		 rc;

	s = cairo_pdf_surface_create_for_stream(write_buf, out, PAGE_W,
	    PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	d.cr = cairo_create(s);
	d.pc = pango_font_map_create_context(fm);
	d.rtl = strcmp(i18n_dir(i18n_current()), "rtl") == 0;
	pango_context_set_base_dir(d.pc, d.rtl ? PANGO_DIRECTION_RTL :
	    PANGO_DIRECTION_LTR);
	/* Font sizes in points on the PDF's point grid (pango's default is
	 * 96 dpi, a third larger). */
	pango_cairo_context_set_resolution(d.pc, 72);
	footer(&d, foot_note, body(&d, text, foot_note, MARGIN + head(&d,
	    title, status, head_note)));
	cairo_show_page(d.cr);
	cairo_destroy(d.cr);
	cairo_surface_finish(s);
	rc = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(s);
	g_object_unref(d.pc);
	g_object_unref(fm);
	return rc;
}

/* See agreement_pdf.h. */
int
agreement_pdf(const char *title, const char *text, const char *sha256,
    const char *status, struct buf *out)
{
	char head_note[400], foot_note[300];

	snprintf(head_note, sizeof(head_note), _("SHA-256 of the agreement "
	    "text (the bytes signed): %s"), sha256);
	snprintf(foot_note, sizeof(foot_note), _("SHA-256 of the text: %s"),
	    sha256);
	return text_pdf(title, status, head_note, foot_note, text, out);
}
