/*
 * multipart/form-data bodies (RFC 7578), parsed strictly: what a browser
 * sends is accepted, anything odd is refused rather than guessed at.
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "http/form.h"
#include "http/multipart.h"

#define MP_MAX_HEADERS	16
#define MP_MAX_LINE	1024
#define MP_MAX_NAME	128

/* The parameters of one part's Content-Disposition header. */
struct disposition {
	char	name[MP_MAX_NAME + 1];
	char	filename[256];
	int	has_name;
	int	has_filename;
};

/* 1 if c is allowed in a boundary (RFC 2046 bchars, without the space). */
static int
bchar(unsigned char c)
{
	return isalnum(c) || strchr("'()+_,-./:=?", c) != NULL;
}

/* See multipart.h. */
int
multipart_boundary(const char *ct, char *out, size_t outsz)
{
	const char *p;
	size_t n = 0;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return -1;
	p = ct + 19;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		if (strncasecmp(p, "boundary=", 9) == 0) {
			int quoted;

			p += 9;
			quoted = *p == '"';
			if (quoted)
				p++;
			while (p[n] != '\0' && bchar((unsigned char)p[n]))
				n++;
			if (quoted && p[n] != '"')
				return -1;
			if (!quoted && p[n] != '\0' && p[n] != ';' &&
			    p[n] != ' ' && p[n] != '\t')
				return -1;
			if (n == 0 || n > MULTIPART_MAX_BOUNDARY || n + 1 > outsz)
				return -1;
			memcpy(out, p, n);
			out[n] = '\0';
			return 0;
		}
		/* Skip another parameter. */
		while (*p != '\0' && *p != ';')
			p++;
	}
	return -1;
}

/* Read one parameter value (quoted string or token) at *pp within end into
 * out (outsz bytes). Returns 0, or -1 when malformed or too long. */
static int
param_value(const char **pp, const char *end, char *out, size_t outsz)
{
	const char *p = *pp;
	size_t n = 0;

	if (p < end && *p == '"') {
		p++;
		while (p < end && *p != '"') {
			/* Browsers percent-encode quotes, CR and LF (WHATWG
			 * HTML); other control bytes are not sent either. */
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				return -1;
			if (n + 1 >= outsz)
				return -1;
			out[n++] = *p++;
		}
		if (p >= end)
			return -1;
		p++;
	} else {
		while (p < end && *p != ';' && *p != ' ' && *p != '\t') {
			if ((unsigned char)*p <= 0x20 || *p == 0x7f || *p == '"')
				return -1;
			if (n + 1 >= outsz)
				return -1;
			out[n++] = *p++;
		}
	}
	out[n] = '\0';
	*pp = p;
	return 0;
}

/* Parse the value of a Content-Disposition header (len bytes) into d.
 * Returns 0, or -1 unless it is form-data with a valid name. */
static int
parse_disposition(const char *v, size_t len, struct disposition *d)
{
	const char *p = v, *end = v + len;

	memset(d, 0, sizeof(*d));
	if (len < 9 || strncasecmp(p, "form-data", 9) != 0)
		return -1;
	p += 9;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= end)
			break;
		if (*p != ';')
			return -1;
		p++;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) >= 9 && strncasecmp(p, "filename=", 9) == 0) {
			p += 9;
			if (d->has_filename || param_value(&p, end, d->filename,
			    sizeof(d->filename)) == -1)
				return -1;
			d->has_filename = 1;
		} else if ((size_t)(end - p) >= 5 && strncasecmp(p, "name=", 5) == 0) {
			p += 5;
			if (d->has_name || param_value(&p, end, d->name,
			    sizeof(d->name)) == -1)
				return -1;
			d->has_name = 1;
		} else {
			/* Another parameter (filename*=...): skip it. */
			char skip[MP_MAX_LINE];
			const char *eq = memchr(p, '=', (size_t)(end - p));

			if (eq == NULL)
				return -1;
			p = eq + 1;
			if (param_value(&p, end, skip, sizeof(skip)) == -1)
				return -1;
		}
	}
	if (!d->has_name || d->name[0] == '\0')
		return -1;
	return 0;
}

/* Keep only the last path component of a file name (old browsers send the
 * full client path). */
static void
basename_inplace(char *s)
{
	char *slash = strrchr(s, '/'), *bslash = strrchr(s, '\\');
	char *cut = slash > bslash ? slash : bslash;

	if (cut != NULL)
		memmove(s, cut + 1, strlen(cut + 1) + 1);
}

/* Parse the header block of one part, from *pp up to and including its empty
 * line. Returns 0 with d filled, or -1. */
static int
parse_headers(const char **pp, const char *end, struct disposition *d)
{
	const char *p = *pp;
	int nheaders = 0, seen = 0;

	for (;;) {
		const char *eol, *colon, *v;
		size_t llen, vlen;

		eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		if (eol == NULL)
			return -1;
		llen = (size_t)(eol - p);
		if (llen == 0) {
			p = eol + 2;
			break;
		}
		if (llen > MP_MAX_LINE || ++nheaders > MP_MAX_HEADERS)
			return -1;
		if ((colon = memchr(p, ':', llen)) == NULL || colon == p)
			return -1;
		v = colon + 1;
		vlen = (size_t)(eol - v);
		while (vlen > 0 && (*v == ' ' || *v == '\t'))
			v++, vlen--;
		while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
			vlen--;
		if (memchr(v, '\0', vlen) != NULL)
			return -1;
		if ((size_t)(colon - p) == 19 &&
		    strncasecmp(p, "Content-Disposition", 19) == 0) {
			if (seen++ || parse_disposition(v, vlen, d) == -1)
				return -1;
		}
		p = eol + 2;
	}
	if (!seen)
		return -1;
	*pp = p;
	return 0;
}

/* See multipart.h. */
int
multipart_parse(const char *buf, size_t len, const char *boundary,
    struct paramlist *params, struct upload *ups, size_t maxups, size_t *nups)
{
	char delim[MULTIPART_MAX_BOUNDARY + 5];
	size_t blen = boundary != NULL ? strlen(boundary) : 0, dlen;
	const char *p, *end = buf + len;

	*nups = 0;
	if (blen == 0 || blen > MULTIPART_MAX_BOUNDARY)
		return -1;
	/* Every delimiter after the first is preceded by CRLF. */
	dlen = (size_t)snprintf(delim, sizeof(delim), "\r\n--%s", boundary);

	/* The body starts with the first delimiter itself (no preamble). */
	if (len < dlen - 2 || memcmp(buf, delim + 2, dlen - 2) != 0)
		return -1;
	p = buf + dlen - 2;

	for (;;) {
		struct disposition d;
		const char *next;
		size_t clen;

		/* After a delimiter: "--" closes the body, CRLF opens a part. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
			p += 2;
			/* Only an optional CRLF may follow the close. */
			if (p == end || (end - p == 2 && p[0] == '\r' && p[1] == '\n'))
				return 0;
			return -1;
		}
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		p += 2;
		if (parse_headers(&p, end, &d) == -1)
			return -1;
		next = memmem(p, (size_t)(end - p), delim, dlen);
		if (next == NULL)
			return -1;
		clen = (size_t)(next - p);

		if (d.has_filename) {
			basename_inplace(d.filename);
			/* A file input left empty sends filename="": no file. */
			if (d.filename[0] != '\0' || clen > 0) {
				struct upload *u;

				if (*nups >= maxups || strlen(d.name) >= sizeof(u->field))
					return -1;
				u = &ups[(*nups)++];
				memset(u, 0, sizeof(*u));
				memcpy(u->field, d.name, strlen(d.name) + 1);
				memcpy(u->filename, d.filename, strlen(d.filename) + 1);
				u->data = (const unsigned char *)p;
				u->len = clen;
			}
		} else {
			if (clen > HTTP_MAX_FIELD || memchr(p, '\0', clen) != NULL)
				return -1;
			if (paramlist_add(params, d.name, strlen(d.name), p, clen) == -1)
				return -1;
		}
		p = next + dlen;
	}
}
