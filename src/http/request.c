/*
 * Requests: the CGI variables nginx passes over FastCGI, and the body.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fcgiapp.h>

#include "core/log.h"
#include "http/cookie.h"
#include "http/form.h"
#include "http/multipart.h"
#include "http/request.h"

/* See request.h. */
void
http_req_init(struct http_req *req)
{
	memset(req, 0, sizeof(*req));
	buf_init(&req->arena);
}

/* See request.h. */
void
http_req_cleanup(struct http_req *req)
{
	if (req == NULL)
		return;
	paramlist_clear(&req->query);
	paramlist_clear(&req->form);
	paramlist_clear(&req->cookies);
	free(req->body);
	buf_cleanup(&req->arena);
	http_req_init(req);
}

/* See request.h. */
int
http_req_is_head(const struct http_req *req)
{
	return req->is_head;
}

/* 1 if the media type of ct (before any ';') equals type, ignoring case. */
static int
type_is(const char *ct, const char *type)
{
	size_t n = strlen(type);

	if (ct == NULL || strncasecmp(ct, type, n) != 0)
		return 0;
	return ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ' || ct[n] == '\t';
}

/* Parse CONTENT_LENGTH: digits only. Returns 0 with *out, or -1. */
static int
parse_length(const char *s, size_t *out)
{
	size_t v = 0;

	if (s == NULL || *s == '\0') {
		*out = 0;
		return 0;
	}
	if (strlen(s) > 12)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (size_t)(*s - '0');
	}
	*out = v;
	return 0;
}

/* See request.h. */
int
http_req_parse_env(struct http_req *req, http_getenv_fn get, void *arg)
{
	const char *method, *uri, *qs, *cookie, *len;
	size_t n, limit;

	/* nginx's DOCUMENT_URI is the normalized, decoded path without the
	 * query; fall back on SCRIPT_NAME + PATH_INFO for other servers. */
	if ((uri = get("DOCUMENT_URI", arg)) != NULL && *uri != '\0') {
		n = strlen(uri);
		if (n >= sizeof(req->path))
			return 400;
		memcpy(req->path, uri, n + 1);
	} else {
		const char *sn = get("SCRIPT_NAME", arg);
		const char *pi = get("PATH_INFO", arg);
		size_t a = sn != NULL ? strlen(sn) : 0;
		size_t b = pi != NULL ? strlen(pi) : 0;

		if (a + b == 0 || a + b >= sizeof(req->path))
			return 400;
		memcpy(req->path, sn != NULL ? sn : "", a);
		memcpy(req->path + a, pi != NULL ? pi : "", b);
		req->path[a + b] = '\0';
	}
	if (req->path[0] != '/')
		return 400;
	for (n = 0; req->path[n] != '\0'; n++)
		if ((unsigned char)req->path[n] < 0x20 || req->path[n] == 0x7f)
			return 400;

	/* The method after the path, so that even a refused method is
	 * logged with its path. */
	method = get("REQUEST_METHOD", arg);
	if (method == NULL)
		return 400;
	if (strcmp(method, "GET") == 0)
		req->method = HTTP_GET;
	else if (strcmp(method, "HEAD") == 0) {
		req->method = HTTP_GET;
		req->is_head = 1;
	} else if (strcmp(method, "POST") == 0)
		req->method = HTTP_POST;
	else
		return 405;

	req->remote_addr = get("REMOTE_ADDR", arg);
	req->user_agent = get("HTTP_USER_AGENT", arg);
	req->accept_language = get("HTTP_ACCEPT_LANGUAGE", arg);
	req->x_partner_id = get("HTTP_X_PARTNER_ID", arg);
	req->x_timestamp = get("HTTP_X_TIMESTAMP", arg);
	req->x_signature = get("HTTP_X_SIGNATURE", arg);
	req->content_type = get("CONTENT_TYPE", arg);
	if (req->content_type != NULL && *req->content_type == '\0')
		req->content_type = NULL;

	if ((qs = get("QUERY_STRING", arg)) != NULL &&
	    form_parse(qs, strlen(qs), &req->query) == -1)
		return 400;
	req->query_string = qs;
	/* A cookie over the limit keeps the first ones: not an error. */
	if ((cookie = get("HTTP_COOKIE", arg)) != NULL)
		(void)cookie_parse(cookie, strlen(cookie), &req->cookies);

	len = get("CONTENT_LENGTH", arg);
	if (parse_length(len, &req->content_length) == -1)
		return 400;
	limit = type_is(req->content_type, "multipart/form-data") ?
	    HTTP_MAX_UPLOAD : HTTP_MAX_FORM;
	if (req->content_length > limit)
		return 413;
	if (req->method == HTTP_GET && req->content_length > 0)
		return 400;
	return 0;
}

/* See request.h. */
int
http_req_parse_body(struct http_req *req)
{
	char boundary[MULTIPART_MAX_BOUNDARY + 1];

	if (req->bodylen == 0 || req->content_type == NULL)
		return 0;
	if (type_is(req->content_type, "application/x-www-form-urlencoded"))
		return form_parse((const char *)req->body, req->bodylen,
		    &req->form) == 0 ? 0 : 400;
	if (type_is(req->content_type, "multipart/form-data")) {
		if (multipart_boundary(req->content_type, boundary,
		    sizeof(boundary)) == -1)
			return 400;
		return multipart_parse((const char *)req->body, req->bodylen,
		    boundary, &req->form, req->uploads,
		    sizeof(req->uploads) / sizeof(req->uploads[0]),
		    &req->nuploads) == 0 ? 0 : 400;
	}
	/* Other types (JSON of the partner endpoints) stay raw in body. */
	return 0;
}

/* Look a variable up in a FastCGI environment. */
static const char *
fcgi_get(const char *name, void *arg)
{
	return FCGX_GetParam(name, (FCGX_ParamArray)arg);
}

/* See request.h. */
int
http_req_read(struct http_req *req, struct FCGX_Request *fr)
{
	size_t got = 0;
	int rc;

	if ((rc = http_req_parse_env(req, fcgi_get, fr->envp)) != 0)
		return rc;
	req->body = xmalloc(req->content_length + 1);
	while (got < req->content_length) {
		int n = FCGX_GetStr((char *)req->body + got,
		    (int)(req->content_length - got), fr->in);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	req->body[got] = '\0';
	req->bodylen = got;
	if (got != req->content_length) {
		log_warn("request: body shorter than CONTENT_LENGTH");
		return 400;
	}
	return http_req_parse_body(req);
}
