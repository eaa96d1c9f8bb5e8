/*
 * Responses that are not pages: a stored file, and the JSON answers of
 * the partner endpoints (pages/pages.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/buf.h"
#include "http/http.h"
#include "http/response.h"
#include "pages/pages.h"
#include "service/filestore.h"
#include "service/partner_auth.h"

/* See pages.h. */
int
filestore_respond(struct ctx *c, int64_t id, const char *name_hint)
{
	struct filestore_download dl;
	char disp[128];
	int rc;

	rc = filestore_download(c->db, c->cfg, id, name_hint, &c->resp->body,
	    &dl);
	if (rc == 1)
		return 404;
	if (rc == -1)
		return 500;
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"",
	    dl.filename);
	c->resp->status = 200;
	c->resp->content_type = dl.mime;
	resp_header(c->resp, "Content-Disposition", disp);
	resp_header(c->resp, "X-Content-Type-Options", "nosniff");
	resp_header(c->resp, "Cache-Control", "no-store");
	resp_header(c->resp, "Content-Security-Policy", "default-src 'none'; "
	    "frame-ancestors 'none'; sandbox");
	resp_header(c->resp, "X-Frame-Options", "DENY");
	return 200;
}

/* See pages.h. */
int
partner_reply_error(struct ctx *c, int status, const char *field,
    const char *msg)
{
	json_t *o;
	char *s;

	o = json_object();
	json_object_set_new(o, "error", json_string(msg));
	if (field != NULL)
		json_object_set_new(o, "field", json_string(field));
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	partner_reply_json(c, status, s != NULL ? s : "{}");
	free(s);
	return status;
}

/* See pages.h. */
int
partner_reply_json(struct ctx *c, int status, const char *json)
{
	c->resp->status = status;
	c->resp->content_type = "application/json";
	buf_reset(&c->resp->body);
	buf_puts(&c->resp->body, json);
	return status;
}

/* See pages.h. */
int
partner_verify(struct ctx *c, const char *expected_kind, int64_t *partner_id)
{
	static const int status[] = {
		[PARTNER_OK] = 0,
		[PARTNER_UNSIGNED] = 401,
		[PARTNER_FORBIDDEN] = 403,
		[PARTNER_REPLAYED] = 409,
		[PARTNER_ERROR] = 500
	};
	struct partner_request	 rq;
	enum partner_refusal	 r;
	const char		*why = NULL;

	rq.method = c->req->method == HTTP_POST ? "POST" : "GET";
	rq.path = c->req->path;
	rq.body = c->req->body;
	rq.bodylen = c->req->bodylen;
	rq.x_partner_id = c->req->x_partner_id;
	rq.x_timestamp = c->req->x_timestamp;
	rq.x_signature = c->req->x_signature;
	r = partner_authenticate(c->db, c->cfg, &rq, c->now, expected_kind,
	    partner_id, &why);
	if (r == PARTNER_OK)
		return 0;
	return partner_reply_error(c, status[r], NULL, why != NULL ? why :
	    "server error");
}
