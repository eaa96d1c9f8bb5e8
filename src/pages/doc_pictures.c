/*
 * The pictures of an upload on a review page (doc_pictures.h).
 */
#include <string.h>

#include "pages/doc_pictures.h"
#include "view/view.h"

/* See doc_pictures.h. */
void
doc_pictures_show(struct view_dict *d, const char *name,
    const struct doc_pictures *p)
{
	struct view_dict *inc = view_include(d, name, "doc_pictures.tpl");
	struct view_dict *pg;
	int i;

	view_set(inc, "KEY", p->key);
	if (p->download != NULL)
		view_set(view_add(inc, "DOWNLOAD"), "HREF", p->download);
	if (p->mime != NULL)
		view_setf(inc, "KIND", " (%s)", strcmp(p->mime,
		    "application/pdf") == 0 ? "PDF" : strcmp(p->mime,
		    "image/png") == 0 ? "PNG image" : "JPEG image");
	for (i = 1; i <= p->npages; i++) {
		pg = view_add(inc, "PAGE");
		view_set(pg, "KEY", p->key);
		view_set_int(pg, "FILE", (long long)p->file_id);
		view_set_int(pg, "N", i);
		view_set_int(pg, "PAGES", p->npages);
		view_set(pg, "ALT", p->alt);
	}
	if (p->npages == 0)
		view_set(view_add(inc, "NONE"), "KEY", p->key);
}
