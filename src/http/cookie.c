/*
 * Cookie request header and Set-Cookie values (RFC 6265).
 */

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "http/cookie.h"
#include "http/form.h"

#define COOKIE_MAX_NAME	128

/* 1 if c may appear in a cookie name (an RFC 7230 token character). */
static int
name_char(unsigned char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

/* 1 if c is a cookie-octet (RFC 6265 4.1.1). */
static int
value_char(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x2b) ||
	    (c >= 0x2d && c <= 0x3a) || (c >= 0x3c && c <= 0x5b) ||
	    (c >= 0x5d && c <= 0x7e);
}

/* 1 if all len bytes of s satisfy ok. */
static int
all_of(const char *s, size_t len, int (*ok)(unsigned char))
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!ok((unsigned char)s[i]))
			return 0;
	return 1;
}

/* See cookie.h. */
int
cookie_parse(const char *buf, size_t len, struct paramlist *pl)
{
	size_t pos = 0;
	int kept = 0;

	while (pos < len) {
		const char *pair = buf + pos, *semi, *eq, *name, *val;
		size_t plen, nlen, vlen;

		semi = memchr(pair, ';', len - pos);
		plen = semi != NULL ? (size_t)(semi - pair) : len - pos;
		pos += plen + (semi != NULL ? 1 : 0);

		if ((eq = memchr(pair, '=', plen)) == NULL)
			continue;
		name = pair;
		nlen = (size_t)(eq - pair);
		val = eq + 1;
		vlen = plen - nlen - 1;
		/* Optional whitespace around name and value. */
		while (nlen > 0 && (*name == ' ' || *name == '\t'))
			name++, nlen--;
		while (nlen > 0 && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t'))
			nlen--;
		while (vlen > 0 && (*val == ' ' || *val == '\t'))
			val++, vlen--;
		while (vlen > 0 && (val[vlen - 1] == ' ' || val[vlen - 1] == '\t'))
			vlen--;
		if (vlen >= 2 && val[0] == '"' && val[vlen - 1] == '"')
			val++, vlen -= 2;
		if (nlen == 0 || nlen > COOKIE_MAX_NAME || vlen > HTTP_MAX_FIELD)
			continue;
		if (!all_of(name, nlen, name_char) ||
		    !all_of(val, vlen, value_char))
			continue;
		if (paramlist_add(pl, name, nlen, val, vlen) == -1)
			return -1;
		kept++;
	}
	return kept;
}

/* See cookie.h. */
int
cookie_format(struct buf *out, const char *name, const char *value,
    long max_age, int secure)
{
	size_t nlen = strlen(name), vlen = strlen(value);

	buf_reset(out);
	if (nlen == 0 || !all_of(name, nlen, name_char) ||
	    !all_of(value, vlen, value_char))
		return -1;
	buf_printf(out, "%s=%s; Path=/; HttpOnly; SameSite=Lax", name, value);
	if (max_age >= 0)
		buf_printf(out, "; Max-Age=%ld", max_age);
	if (secure)
		buf_puts(out, "; Secure");
	return 0;
}
