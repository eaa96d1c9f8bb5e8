/*
 * GET /: the home page is the catalog.
 */

#include "pages/pages.h"
#include "pages/render.h"

/* See pages.h. Returns 303 to /catalog. */
int
page_home(struct ctx *c)
{
	return page_redirect(c, "/catalog");
}
