#ifndef MALLPAY_HTTP_ROUTE_H
#define MALLPAY_HTTP_ROUTE_H

#include <stddef.h>

#include "http/http.h"

/* Match path against pattern ("/orders/:id/pay"): literal segments must be
 * equal, ":x" segments match one non-empty segment without '/'. A trailing
 * slash is significant ("/cart" does not match "/cart/").
 * Arguments are copied into argbuf (argbufsz bytes) and args[] point there.
 * Returns 1 and sets *nargs on a match, 0 otherwise (also when more than
 * HTTP_MAX_ARGS arguments or argbuf is too small). */
int	route_match(const char *pattern, const char *path, char *argbuf,
	    size_t argbufsz, const char **args, size_t *nargs);

/* Find the route of table (n entries) for method and path; on a match fill
 * c->route, c->args, c->nargs and return it. HEAD is matched as GET.
 * Returns NULL when nothing matches; then *allow (if not NULL) holds a bit
 * (1 << method) for every method whose route matches the path (for 405). */
const struct route *route_find(const struct route *table, size_t n,
	    enum http_method method, const char *path, struct ctx *c,
	    unsigned *allow);

/* 1 if a caller of role (one enum role bit; ROLE_ANON when signed out)
 * holding admin_roles (core/admin_role.h bits; admins only) may call rt:
 * its roles name the caller's role and, for an admin on a route naming
 * admin roles (ROLE_REVIEWER ...), the admin holds one of them. Pure. */
int	route_allows(const struct route *rt, unsigned role,
	    unsigned admin_roles);

/* Validate one value (len bytes, NUL-terminated) against spec into out
 * (present set, str/len/num filled, err NULL or a static message).
 * Returns 0 when valid, -1 when not. */
int	field_check(const struct field_spec *spec, const char *val, size_t len,
	    struct field_val *out);

/* Validate c->route's declared fields from the request into c->fields:
 * GET routes read the query string; POST routes read the body's fields first,
 * then the query string; FIELD_FILE comes from the uploads. Undeclared fields
 * are ignored. A field sent more than once is invalid. A required field that
 * is absent counts as invalid (err set, present 0).
 * Returns the number of invalid fields (also stored in c->bad_fields). */
int	route_validate(struct ctx *c);

/* 1 if buf (len bytes) is valid UTF-8 (no overlongs, surrogates, > U+10FFFF). */
int	utf8_valid(const char *buf, size_t len);

#endif
