#ifndef MALLPAY_HTTP_COOKIE_H
#define MALLPAY_HTTP_COOKIE_H

#include <stddef.h>

#include "core/buf.h"
#include "http/http.h"

/* Parse a Cookie request header ("a=1; b=2") of len bytes into pl (heap copies
 * owned by pl, free with paramlist_clear). Values are taken as sent (no percent
 * decoding); one pair of surrounding double quotes is removed. Malformed pairs
 * (no '=', empty or non-token name, control bytes) are skipped, because one bad
 * cookie of another app on the host must not lock the user out.
 * Returns the number of pairs kept, or -1 if more than HTTP_MAX_PARAMS were
 * offered (pl then holds the first HTTP_MAX_PARAMS). */
int	cookie_parse(const char *buf, size_t len, struct paramlist *pl);

/* Format a Set-Cookie value into out (replacing its contents):
 * "name=value; Path=/; HttpOnly; SameSite=Lax", plus "; Max-Age=N" when
 * max_age >= 0 (0 deletes the cookie; -1: a browser-session cookie) and
 * "; Secure" when secure is set. name and value must be cookie tokens
 * (checked: returns -1 and leaves out empty otherwise), 0 on success. */
int	cookie_format(struct buf *out, const char *name, const char *value,
	    long max_age, int secure);

#endif
