#ifndef MALLPAY_HTTP_CTX_H
#define MALLPAY_HTTP_CTX_H

#include <stddef.h>
#include <stdint.h>

#include "http/http.h"

/* Helpers for page handlers: read validated fields, path arguments, cookies,
 * and add response headers. None of them touches FastCGI. */

/* Prepare c for one request: zeroed, with cfg, db, req, resp linked (borrowed)
 * and its own buffers empty. */
void	ctx_init(struct ctx *c, const struct config *cfg, struct db *db,
	    struct http_req *req, struct http_resp *resp);
/* Release what c owns (not req, resp, db). */
void	ctx_cleanup(struct ctx *c);

/* The declared field name of the current route (present or not), or NULL when
 * the route declares no such field. Owned by c. */
const struct field_val *ctx_field(struct ctx *c, const char *name);
/* The decoded value of a present and valid field, or NULL (absent, invalid,
 * undeclared). Valid until the request ends. */
const char *ctx_str(struct ctx *c, const char *name);
/* The value of a present and valid FIELD_INT / FIELD_ID field, else dflt. */
int64_t	ctx_int(struct ctx *c, const char *name, int64_t dflt);
/* The message for an invalid field, or for a required field that is missing;
 * NULL when the field is fine (or optional and absent). Static string. */
const char *ctx_field_err(struct ctx *c, const char *name);

/* The i-th ":x" argument of the matched route pattern, or NULL. */
const char *ctx_arg(struct ctx *c, size_t i);
/* The i-th argument as a positive 63-bit id (digits only), or -1 when it is
 * missing or not an id (handlers answer 404 then). */
int64_t	ctx_arg_id(struct ctx *c, size_t i);
/* The value of request cookie name (NUL-terminated, length in *len if len is
 * not NULL), or NULL. */
const char *ctx_cookie(struct ctx *c, const char *name, size_t *len);

#endif
