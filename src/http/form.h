#ifndef MALLPAY_HTTP_FORM_H
#define MALLPAY_HTTP_FORM_H

#include <stddef.h>

#include "http/http.h"

/* Parse application/x-www-form-urlencoded text (a POST body or a query string)
 * of len bytes from buf, appending decoded pairs to pl in order (duplicates
 * kept). '+' is a space, %XX a byte; empty pairs ("a&&b") are skipped; a key
 * without '=' gets the value "". The strings are heap copies owned by pl
 * (free with paramlist_clear).
 * Returns 0, or -1 when the input is refused: an invalid escape, a decoded NUL
 * byte, an empty key, more than HTTP_MAX_PARAMS pairs, a key over 128 bytes or
 * a value over HTTP_MAX_FIELD bytes. On -1 pl holds what was parsed before. */
int	form_parse(const char *buf, size_t len, struct paramlist *pl);

/* Percent-decode len bytes of src into dst (at least len+1 bytes), '+' as a space
 * when plus is set. Returns the decoded length, or -1 on an invalid escape or a
 * decoded NUL. dst is NUL-terminated. */
long	form_decode(const char *src, size_t len, char *dst, int plus);

/* Add a pair (copied) to pl. Returns 0, or -1 when pl is full. */
int	paramlist_add(struct paramlist *pl, const char *key, size_t klen,
	    const char *val, size_t vlen);
/* The first pair named key, or NULL. */
const struct param *paramlist_get(const struct paramlist *pl, const char *key);
/* How many pairs are named key. */
size_t	paramlist_count(const struct paramlist *pl, const char *key);
/* Free the strings and empty pl; pl may be NULL. */
void	paramlist_clear(struct paramlist *pl);

#endif
