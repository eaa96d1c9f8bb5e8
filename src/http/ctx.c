/*
 * Per-request context helpers for page handlers.
 */

#include <stdint.h>
#include <string.h>

#include "http/ctx.h"
#include "http/form.h"

/* See ctx.h. */
void
ctx_init(struct ctx *c, const struct config *cfg, struct db *db,
    struct http_req *req, struct http_resp *resp)
{
	memset(c, 0, sizeof(*c));
	c->cfg = cfg;
	c->db = db;
	c->req = req;
	c->resp = resp;
	buf_init(&c->set_cookie);
}

/* See ctx.h. */
void
ctx_cleanup(struct ctx *c)
{
	if (c == NULL)
		return;
	buf_cleanup(&c->set_cookie);
}

/* See ctx.h. */
const struct field_val *
ctx_field(struct ctx *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nfields; i++)
		if (strcmp(c->fields[i].spec->name, name) == 0)
			return &c->fields[i];
	return NULL;
}

/* See ctx.h. */
const char *
ctx_str(struct ctx *c, const char *name)
{
	const struct field_val *f = ctx_field(c, name);

	if (f == NULL || !f->present || f->err != NULL)
		return NULL;
	return f->str;
}

/* See ctx.h. */
int64_t
ctx_int(struct ctx *c, const char *name, int64_t dflt)
{
	const struct field_val *f = ctx_field(c, name);

	if (f == NULL || !f->present || f->err != NULL ||
	    (f->spec->type != FIELD_INT && f->spec->type != FIELD_ID))
		return dflt;
	return f->num;
}

/* See ctx.h. */
const char *
ctx_field_err(struct ctx *c, const char *name)
{
	const struct field_val *f = ctx_field(c, name);

	return f != NULL ? f->err : NULL;
}

/* See ctx.h. */
const char *
ctx_arg(struct ctx *c, size_t i)
{
	return i < c->nargs ? c->args[i] : NULL;
}

/* See ctx.h. */
int64_t
ctx_arg_id(struct ctx *c, size_t i)
{
	const char *s = ctx_arg(c, i);
	int64_t v = 0;
	size_t k;

	if (s == NULL || s[0] == '\0' || s[0] == '0' || strlen(s) > 18)
		return -1;
	/* 18 digits cannot overflow int64. */
	for (k = 0; s[k] != '\0'; k++) {
		if (s[k] < '0' || s[k] > '9')
			return -1;
		v = v * 10 + (s[k] - '0');
	}
	return v;
}

/* See ctx.h. */
const char *
ctx_cookie(struct ctx *c, const char *name, size_t *len)
{
	const struct param *p = paramlist_get(&c->req->cookies, name);

	if (p == NULL)
		return NULL;
	if (len != NULL)
		*len = p->len;
	return p->val;
}
