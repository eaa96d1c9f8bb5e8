/*
 * application/x-www-form-urlencoded bodies and query strings.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http/form.h"

#define FORM_MAX_KEY	128

/* See form.h. */
long
form_decode(const char *src, size_t len, char *dst, int plus)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		if (c == '%') {
			int hi, lo;

			if (len - i < 3)
				return -1;
			hi = hex_digit((unsigned char)src[i + 1]);
			lo = hex_digit((unsigned char)src[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus)
			c = ' ';
		/* A NUL would cut the C string short of its length: refuse it. */
		if (c == '\0')
			return -1;
		dst[o++] = (char)c;
	}
	dst[o] = '\0';
	return (long)o;
}

/* See form.h. */
int
paramlist_add(struct paramlist *pl, const char *key, size_t klen,
    const char *val, size_t vlen)
{
	struct param *p;

	if (pl->n >= HTTP_MAX_PARAMS)
		return -1;
	p = &pl->v[pl->n++];
	p->key = xstrndup(key, klen);
	p->val = xstrndup(val, vlen);
	p->len = vlen;
	return 0;
}

/* See form.h. */
const struct param *
paramlist_get(const struct paramlist *pl, const char *key)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		if (strcmp(pl->v[i].key, key) == 0)
			return &pl->v[i];
	return NULL;
}

/* See form.h. */
size_t
paramlist_count(const struct paramlist *pl, const char *key)
{
	size_t i, n = 0;

	for (i = 0; i < pl->n; i++)
		if (strcmp(pl->v[i].key, key) == 0)
			n++;
	return n;
}

/* See form.h. */
void
paramlist_clear(struct paramlist *pl)
{
	size_t i;

	if (pl == NULL)
		return;
	for (i = 0; i < pl->n; i++) {
		free(pl->v[i].key);
		free(pl->v[i].val);
		pl->v[i].key = pl->v[i].val = NULL;
		pl->v[i].len = 0;
	}
	pl->n = 0;
}

/* See form.h. Decoding never lengthens a string, so each part is decoded
 * into a scratch buffer of its encoded size, bounded by the limits first. */
int
form_parse(const char *buf, size_t len, struct paramlist *pl)
{
	char kbuf[FORM_MAX_KEY * 3 + 1];
	char *vbuf = NULL;
	size_t pos = 0;
	int rc = -1;

	vbuf = xmalloc(HTTP_MAX_FIELD * 3 + 1);
	while (pos < len) {
		const char *pair = buf + pos, *amp, *eq;
		size_t plen, klen, vlen;
		long kd, vd;

		amp = memchr(pair, '&', len - pos);
		plen = amp != NULL ? (size_t)(amp - pair) : len - pos;
		pos += plen + (amp != NULL ? 1 : 0);
		if (plen == 0)
			continue;
		eq = memchr(pair, '=', plen);
		klen = eq != NULL ? (size_t)(eq - pair) : plen;
		vlen = eq != NULL ? plen - klen - 1 : 0;
		/* Encoded lengths bound the decoded ones from above and below
		 * (each byte is at most 3 encoded), so check cheaply first. */
		if (klen == 0 || klen > FORM_MAX_KEY * 3 ||
		    vlen > HTTP_MAX_FIELD * 3)
			goto out;
		if ((kd = form_decode(pair, klen, kbuf, 1)) <= 0 ||
		    kd > FORM_MAX_KEY)
			goto out;
		vd = form_decode(eq != NULL ? eq + 1 : "", vlen, vbuf, 1);
		if (vd < 0 || vd > HTTP_MAX_FIELD)
			goto out;
		if (paramlist_add(pl, kbuf, (size_t)kd, vbuf, (size_t)vd) == -1)
			goto out;
	}
	rc = 0;
out:
	free(vbuf);
	return rc;
}
