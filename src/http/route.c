/*
 * Routes as a table: match a path, then validate the route's declared fields
 * into typed values before its handler runs (kcgi's kvalid_*, kore's
 * per-route validators). Undeclared fields never reach a handler.
 */

#include <stdint.h>
#include <string.h>

#include "core/i18n.h"
#include "http/form.h"
#include "http/route.h"

/* Defaults for a field_spec with maxlen 0. */
#define TEXT_DEFAULT_MAX	HTTP_MAX_FIELD
#define EMAIL_DEFAULT_MAX	254
#define PASSWORD_DEFAULT_MAX	256
#define PASSWORD_MIN		8
#define DECIMAL_DEFAULT_MAX	24
#define TOKEN_DEFAULT_MAX	128

/* See route.h. */
int
route_match(const char *pattern, const char *path, char *argbuf,
    size_t argbufsz, const char **args, size_t *nargs)
{
	const char *p = pattern, *s = path;
	size_t used = 0, n = 0;

	while (*p != '\0') {
		if (*p == ':' && p > pattern && p[-1] == '/') {
			size_t seg = strcspn(s, "/");

			if (seg == 0 || n >= HTTP_MAX_ARGS || used + seg + 1 > argbufsz)
				return 0;
			memcpy(argbuf + used, s, seg);
			argbuf[used + seg] = '\0';
			args[n++] = argbuf + used;
			used += seg + 1;
			s += seg;
			p += strcspn(p, "/");
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*s != '\0')
		return 0;
	*nargs = n;
	return 1;
}

/* See route.h. */
int
route_allows(const struct route *rt, unsigned role, unsigned admin_roles)
{
	unsigned need = rt->roles & ROLE_ADMIN_ROLES;

	if (!(rt->roles & role))
		return 0;
	if (role != ROLE_ADMIN || need == 0)
		return 1;
	return (need & (admin_roles << ROLE_ADMIN_SHIFT)) != 0;
}

/* See route.h. */
const struct route *
route_find(const struct route *table, size_t n, enum http_method method,
    const char *path, struct ctx *c, unsigned *allow)
{
	const char *args[HTTP_MAX_ARGS];
	char argbuf[sizeof(c->argbuf)];
	size_t i, j, nargs;

	if (allow != NULL)
		*allow = 0;
	for (i = 0; i < n; i++) {
		if (!route_match(table[i].pattern, path, argbuf, sizeof(argbuf),
		    args, &nargs))
			continue;
		if (table[i].method != method) {
			if (allow != NULL)
				*allow |= 1u << table[i].method;
			continue;
		}
		/* Copy the arguments into c only on the winning route. */
		memcpy(c->argbuf, argbuf, sizeof(argbuf));
		for (j = 0; j < nargs; j++)
			c->args[j] = c->argbuf + (args[j] - argbuf);
		c->nargs = nargs;
		c->route = &table[i];
		return c->route;
	}
	return NULL;
}

/* See route.h. */
int
utf8_valid(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		uint32_t cp;
		size_t n, k;

		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			n = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			n = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 3;
			cp = c & 0x07;
		} else
			return 0;
		if (len - i <= n)
			return 0;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates, beyond Unicode. */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return 0;
		i += n + 1;
	}
	return 1;
}

/* 1 if the UTF-8 text holds a control character other than tab, CR, LF
 * (C0, DEL, or the C1 range U+0080..U+009F). */
static int
has_control(const char *buf, size_t len)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i;

	for (i = 0; i < len; i++) {
		if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') ||
		    s[i] == 0x7f)
			return 1;
		/* U+0080..U+009F are encoded as C2 80..C2 9F. */
		if (s[i] == 0xc2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f)
			return 1;
	}
	return 0;
}

/* Parse an optionally negative decimal integer of len bytes. Returns 0 with
 * *out set, or -1 (empty, sign only, other bytes, overflow). */
static int
parse_int(const char *s, size_t len, int64_t *out)
{
	int neg = 0;
	uint64_t v = 0, lim;
	size_t i = 0;

	if (len > 0 && s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == len || len - i > 19)
		return -1;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
		if (v > lim)
			return -1;
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
}

/* 1 if s (len bytes) is a plausible e-mail address: one '@', a local part of
 * printable ASCII without specials, a domain of labels with at least one dot. */
static int
email_ok(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);
	size_t i, llen, dlen, label = 0;
	const char *d;

	if (at == NULL || memchr(at + 1, '@', len - (size_t)(at - s) - 1) != NULL)
		return 0;
	llen = (size_t)(at - s);
	d = at + 1;
	dlen = len - llen - 1;
	if (llen == 0 || llen > 64 || dlen < 3 || memchr(d, '.', dlen) == NULL)
		return 0;
	for (i = 0; i < llen; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7f || strchr("()<>[]:;,\\\"", c) != NULL)
			return 0;
	}
	for (i = 0; i < dlen; i++) {
		unsigned char c = (unsigned char)d[i];

		if (c == '.') {
			if (label == 0)
				return 0;
			label = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-'))
			return 0;
		label++;
	}
	return label > 0;
}

/* 1 if s (len bytes) is a real calendar date written YYYY-MM-DD. */
static int
date_ok(const char *s, size_t len)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, i, leap;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* The effective maximum length of spec, given the type's default. */
static size_t
max_of(const struct field_spec *spec, size_t dflt)
{
	return spec->maxlen > 0 ? spec->maxlen : dflt;
}

/* 1 if val (len bytes) is an amount such as 12.50 (digits, at most one
 * point with digits after it) of at most maxlen bytes. */
static int
decimal_ok(const char *val, size_t len, size_t maxlen)
{
	size_t i, dots = 0, digits_before = 0, digits_after = 0;

	for (i = 0; i < len; i++) {
		if (val[i] == '.')
			dots++;
		else if (val[i] >= '0' && val[i] <= '9')
			(dots ? digits_after++ : digits_before++);
		else
			break;
	}
	return !(i != len || dots > 1 || digits_before == 0 ||
	    (dots == 1 && digits_after == 0) || len > maxlen);
}

/* The error of token val (len bytes): too long for maxlen, or a byte
 * other than a letter, digit, '_' or '-'; NULL when valid. */
static const char *
token_error(const char *val, size_t len, size_t maxlen)
{
	size_t i;

	if (len > maxlen)
		return "This value is too long.";
	for (i = 0; i < len; i++) {
		char ch = val[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'))
			return "This value is not valid.";
	}
	return NULL;
}

/* The error for people of the non-empty value val (len bytes, no NUL)
 * against spec's type and bounds, NULL when valid; the number of an INT
 * or ID field into *num. */
static const char *
type_error(const struct field_spec *spec, const char *val, size_t len,
    int64_t *num)
{
	switch (spec->type) {
	case FIELD_TEXT:
		if (len > max_of(spec, TEXT_DEFAULT_MAX))
			return "This text is too long.";
		if (!utf8_valid(val, len))
			return "This text is not valid UTF-8.";
		if (has_control(val, len))
			return "This text contains a control character.";
		return NULL;
	case FIELD_INT:
		if (parse_int(val, len, num) == -1)
			return "Please enter a whole number.";
		/* min == max == 0 declares no bounds. */
		if ((spec->min != 0 || spec->max != 0) &&
		    (*num < spec->min || *num > spec->max))
			return "This number is out of the allowed range.";
		return NULL;
	case FIELD_ID:
		if (val[0] == '0' || val[0] == '-' ||
		    parse_int(val, len, num) == -1 || *num <= 0)
			return "This identifier is not valid.";
		return NULL;
	case FIELD_EMAIL:
		if (len > max_of(spec, EMAIL_DEFAULT_MAX) || !email_ok(val, len))
			return "Please enter a valid e-mail address.";
		return NULL;
	case FIELD_PASSWORD:
		if (len < PASSWORD_MIN)
			return "The password must have at least 8 characters.";
		if (len > max_of(spec, PASSWORD_DEFAULT_MAX))
			return "The password is too long.";
		return NULL;
	case FIELD_DECIMAL:
		if (!decimal_ok(val, len, max_of(spec, DECIMAL_DEFAULT_MAX)))
			return "Please enter an amount such as 12.50.";
		return NULL;
	case FIELD_DATE:
		if (!date_ok(val, len))
			return "Please enter a date as YYYY-MM-DD.";
		return NULL;
	case FIELD_TOKEN:
		return token_error(val, len, max_of(spec, TOKEN_DEFAULT_MAX));
	case FIELD_FILE:
		/* Files are checked by route_validate from the uploads. */
		return "Please choose a file.";
	}
	return NULL;
}

/* See route.h. An empty value is treated as absent (an empty input box). */
int
field_check(const struct field_spec *spec, const char *val, size_t len,
    struct field_val *out)
{
	memset(out, 0, sizeof(*out));
	out->spec = spec;
	if (val == NULL || len == 0) {
		if (spec->required) {
			out->err = N_("Please fill in this field.");
			return -1;
		}
		return 0;
	}
	out->present = 1;
	out->str = val;
	out->len = len;
	if (memchr(val, '\0', len) != NULL) {
		out->err = N_("This value contains a forbidden character.");
		return -1;
	}

	out->err = type_error(spec, val, len, &out->num);
	if (out->err != NULL) {
		out->num = 0;
		return -1;
	}
	return 0;
}

/* Validate a FIELD_FILE spec against the request's uploads into out. */
static int
file_check(const struct field_spec *spec, const struct http_req *req,
    struct field_val *out)
{
	const struct upload *found = NULL;
	size_t i, n = 0;

	memset(out, 0, sizeof(*out));
	out->spec = spec;
	for (i = 0; i < req->nuploads; i++)
		if (strcmp(req->uploads[i].field, spec->name) == 0) {
			found = &req->uploads[i];
			n++;
		}
	if (n == 0) {
		if (spec->required) {
			out->err = N_("Please choose a file.");
			return -1;
		}
		return 0;
	}
	out->present = 1;
	out->file = found;
	out->str = found->filename;
	out->len = found->len;
	if (n > 1)
		out->err = N_("Please send one file only.");
	else if (found->len == 0)
		out->err = N_("The file is empty.");
	else if (found->len > max_of(spec, HTTP_MAX_UPLOAD))
		out->err = N_("The file is too large.");
	return out->err != NULL ? -1 : 0;
}

/* See route.h. */
int
route_validate(struct ctx *c)
{
	const struct field_spec *spec;
	const struct http_req *req = c->req;
	size_t max = sizeof(c->fields) / sizeof(c->fields[0]);

	c->nfields = 0;
	c->bad_fields = 0;
	if (c->route == NULL || c->route->fields == NULL)
		return 0;
	for (spec = c->route->fields; spec->name != NULL && c->nfields < max;
	    spec++) {
		struct field_val *fv = &c->fields[c->nfields++];
		const struct paramlist *src;
		const struct param *p;
		int rc;

		if (spec->type == FIELD_FILE) {
			rc = file_check(spec, req, fv);
		} else {
			src = &req->query;
			if (req->method == HTTP_POST &&
			    paramlist_get(&req->form, spec->name) != NULL)
				src = &req->form;
			p = paramlist_get(src, spec->name);
			rc = field_check(spec, p != NULL ? p->val : NULL,
			    p != NULL ? p->len : 0, fv);
			/* Parameter pollution: one value per field. */
			if (rc == 0 && paramlist_count(src, spec->name) > 1) {
				fv->err = N_("This field was sent more than once.");
				fv->num = 0;
				rc = -1;
			}
		}
		if (rc == -1)
			c->bad_fields++;
	}
	return c->bad_fields;
}
