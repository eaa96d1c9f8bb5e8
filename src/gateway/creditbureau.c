/*
 * The credit bureau gateway's sandbox (see creditbureau.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "gateway/calls.h"
#include "gateway/creditbureau.h"

/* See creditbureau.h. */
int
bureau_sandbox_score(const char *id_number)
{
	char	d[64];
	size_t	n = 0;
	int	v;

	for (; id_number != NULL && *id_number != '\0' && n < sizeof(d);
	    id_number++)
		if (*id_number >= '0' && *id_number <= '9')
			d[n++] = *id_number;
	if (n < 4)
		return BUREAU_SANDBOX_DEFAULT;
	v = (d[n - 4] - '0') * 100 + (d[n - 3] - '0') * 10 + (d[n - 2] - '0');
	return v >= 300 && v <= 850 ? v : BUREAU_SANDBOX_DEFAULT;
}

/* See creditbureau.h. */
static int
sbx_evaluate(const struct bureau_request *rq, int64_t now,
    struct bureau_answer *ans, char *err, size_t errsz)
{
	unsigned char rnd[10];

	(void)now;
	memset(ans, 0, sizeof(*ans));
	if (rq->consent_version == NULL || rq->consent_version[0] == '\0') {
		snprintf(err, errsz, "no consent to evaluate");
		return -1;
	}
	ans->score = bureau_sandbox_score(rq->id_number);
	randombytes_buf(rnd, sizeof(rnd));
	memcpy(ans->ref, "cb_", 3);
	sodium_bin2hex(ans->ref + 3, sizeof(ans->ref) - 3, rnd, sizeof(rnd));
	return 0;
}

const struct bureau_gateway bureau_sandbox = { "sandbox", sbx_evaluate };

/* See creditbureau.h. */
const struct bureau_gateway *
bureau_gateway_get(const char *name)
{
	if (name != NULL && strcmp(name, bureau_sandbox.name) == 0) {
		gateway_called(1);
		return &bureau_sandbox;
	}
	return NULL;
}
