#ifndef MALLPAY_HTTP_REQUEST_H
#define MALLPAY_HTTP_REQUEST_H

#include <stddef.h>

#include "http/http.h"

struct FCGX_Request;

/* Prepare an embedded request: everything empty. */
void	http_req_init(struct http_req *);
/* Free what the request owns (body, strings, params) and leave it empty, ready
 * for the next request; takes NULL. */
void	http_req_cleanup(struct http_req *);

/* Looks up one CGI variable; returns NULL when absent. */
typedef const char *(*http_getenv_fn)(const char *name, void *arg);

/* Fill req from the CGI variables given by get (REQUEST_METHOD, DOCUMENT_URI or
 * SCRIPT_NAME + PATH_INFO, QUERY_STRING, CONTENT_TYPE, CONTENT_LENGTH,
 * REMOTE_ADDR, HTTP_USER_AGENT, HTTP_COOKIE) and parse query and cookies.
 * Strings returned by get must live as long as req (FCGX envp does).
 * Returns 0, or the HTTP status to answer instead: 405 (method other than GET,
 * HEAD or POST; HEAD is treated as GET), 400 (bad path, query or length),
 * 413 (CONTENT_LENGTH over HTTP_MAX_FORM for urlencoded or other bodies, over
 * HTTP_MAX_UPLOAD for multipart). */
int	http_req_parse_env(struct http_req *req, http_getenv_fn get, void *arg);

/* Parse req->body (bodylen bytes) by req->content_type: urlencoded into
 * req->form, multipart into req->form and req->uploads; other types ignored.
 * Returns 0, or 400 for a malformed body. */
int	http_req_parse_body(struct http_req *req);

/* Read a whole request from FastCGI: http_req_parse_env on fr's environment,
 * then read exactly CONTENT_LENGTH bytes of body and http_req_parse_body.
 * Returns 0 or the HTTP status to answer (400, 405, 413). */
int	http_req_read(struct http_req *req, struct FCGX_Request *fr);

/* 1 when the request was a HEAD (the response body is then not sent). */
int	http_req_is_head(const struct http_req *req);

#endif
