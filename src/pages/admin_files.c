/*
 * The pictures drawn from uploads (service/docrender.h), for the review
 * pages and the queues' thumbnails: GET /admin/files/:id/picture?page=N
 * (0 the thumbnail, 1.. the pages). Admins only, like every review page;
 * never cached.
 */
#include <stdint.h>

#include "http/ctx.h"
#include "http/http.h"
#include "http/response.h"
#include "pages/pages.h"
#include "pages/render.h"
#include "service/filestore.h"

const struct field_spec page_admin_file_picture_fields[] = {
	{ "page", FIELD_INT, 0, 0, 0, FILESTORE_RENDERS - 1 },
	{ NULL, 0, 0, 0, 0, 0 }
};

/* GET /admin/files/:id/picture. */
int
page_admin_file_picture(struct ctx *c)
{
	const char	*mime = NULL;
	int		 rc;

	rc = filestore_render(c->db, c->cfg, c->target_id,
	    (int)ctx_int(c, "page", 1), &c->resp->body, &mime);
	if (rc == 1)
		return page_error(c, 404, "There is no such picture.");
	if (rc != 0)
		return page_error(c, 500, NULL);
	c->resp->status = 200;
	c->resp->content_type = mime;
	resp_header(c->resp, "Content-Disposition", "inline");
	resp_header(c->resp, "X-Content-Type-Options", "nosniff");
	resp_header(c->resp, "Cache-Control", "private, no-store");
	resp_header(c->resp, "Content-Security-Policy", "default-src 'none'; "
	    "frame-ancestors 'self'; sandbox");
	return 200;
}
