/*
 * The identity service gateway's sandbox (see identity.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "gateway/calls.h"
#include "gateway/identity.h"

/* The last decimal digit of s, or -1 when it has none. */
static int
last_digit(const char *s)
{
	int d = -1;

	for (; s != NULL && *s != '\0'; s++)
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
	return d;
}

/* See identity.h. */
static int
sbx_check(const struct identity_request *rq, int64_t now,
    struct identity_answer *ans, char *err, size_t errsz)
{
	unsigned char	rnd[10];
	int		d = last_digit(rq->id_number);

	(void)now;
	memset(ans, 0, sizeof(*ans));
	if (d == 9) {
		snprintf(err, errsz, "the identity service is unavailable");
		return -1;
	}
	randombytes_buf(rnd, sizeof(rnd));
	memcpy(ans->ref, "idv_", 4);
	sodium_bin2hex(ans->ref + 4, sizeof(ans->ref) - 4, rnd, sizeof(rnd));
	if (d == 8) {
		ans->outcome = IDENTITY_REVIEW;
		snprintf(ans->reason, sizeof(ans->reason), "the document needs "
		    "a manual review");
	} else if (d == 7 || d < 0) {
		ans->outcome = IDENTITY_MISMATCH;
		snprintf(ans->reason, sizeof(ans->reason), "the details do "
		    "not match the identity records");
	} else
		ans->outcome = IDENTITY_MATCH;
	return 0;
}

const struct identity_gateway identity_sandbox = { "sandbox", sbx_check };

/* See identity.h. */
const struct identity_gateway *
identity_gateway_get(const char *name)
{
	if (name != NULL && strcmp(name, identity_sandbox.name) == 0) {
		gateway_called(0);
		return &identity_sandbox;
	}
	return NULL;
}
