/*
 * libFuzzer harness: route matching and field validation. The input is used
 * as a path against a route table, as a value of every field type, and as a
 * query string validated against declared fields.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http/ctx.h"
#include "http/form.h"
#include "http/request.h"
#include "http/route.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
h(struct ctx *c)
{
	(void)c;
	return 200;
}

static const struct field_spec fields[] = {
	{ "t",	FIELD_TEXT,	0, 32, 0, 0 },
	{ "i",	FIELD_INT,	1, 0, -5, 500 },
	{ "id",	FIELD_ID,	0, 0, 0, 0 },
	{ "e",	FIELD_EMAIL,	0, 0, 0, 0 },
	{ "p",	FIELD_PASSWORD,	0, 64, 0, 0 },
	{ "d",	FIELD_DECIMAL,	0, 0, 0, 0 },
	{ "dt",	FIELD_DATE,	0, 0, 0, 0 },
	{ "k",	FIELD_TOKEN,	0, 16, 0, 0 },
	{ "f",	FIELD_FILE,	0, 0, 0, 0 },
	{ NULL,	FIELD_TEXT,	0, 0, 0, 0 },
};

static const struct route table[] = {
	{ HTTP_GET,  "/",			ROLE_ANY, h, fields, 0, 0 },
	{ HTTP_GET,  "/orders/:id",		ROLE_ANY, h, fields, 0, 0 },
	{ HTTP_POST, "/orders/:id/items/:n",	ROLE_ANY, h, fields, 0, 0 },
	{ HTTP_GET,  "/a/:b/:c/:d/:e",		ROLE_ANY, h, fields, 0, 0 },
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	struct http_req req;
	struct field_val fv;
	struct ctx c;
	unsigned allow;
	size_t i, slen = strlen(s);

	for (i = 0; fields[i].name != NULL; i++)
		if (field_check(&fields[i], s, slen, &fv) == 0 &&
		    fields[i].type == FIELD_TEXT && !utf8_valid(s, slen))
			__builtin_trap();

	http_req_init(&req);
	ctx_init(&c, NULL, NULL, &req, NULL);
	(void)route_find(table, sizeof(table) / sizeof(table[0]), HTTP_GET,
	    s, &c, &allow);
	(void)route_find(table, sizeof(table) / sizeof(table[0]), HTTP_POST,
	    s, &c, &allow);
	if (c.route == NULL)
		c.route = &table[0];
	if (form_parse((const char *)data, size, &req.query) == 0)
		(void)route_validate(&c);
	for (i = 0; i < c.nfields; i++)
		if (c.fields[i].err == NULL && c.fields[i].present &&
		    c.fields[i].str == NULL)
			__builtin_trap();
	ctx_cleanup(&c);
	http_req_cleanup(&req);
	free(s);
	return 0;
}
