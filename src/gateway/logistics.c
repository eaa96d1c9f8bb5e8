/*
 * The logistics gateway's sandbox (see logistics.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "gateway/calls.h"
#include "gateway/logistics.h"

/* The sandbox carrier's couriers. */
static const char *const couriers[] = {
	"Aina Rahman", "Daniel Tan", "Siti Noor", "Kumar Pillai",
};

/* See logistics.h. */
static int
sbx_book(const struct logistics_booking *b, int64_t now,
    struct logistics_result *res)
{
	crypto_generichash_state st;
	unsigned char h[8];
	uint64_t v = 0;
	size_t i;
	int remote;

	memset(res, 0, sizeof(*res));
	if (b->order_id <= 0 || strlen(b->country) != 2 ||
	    !isupper((unsigned char)b->country[0]) ||
	    !isupper((unsigned char)b->country[1])) {
		snprintf(res->reason, sizeof(res->reason),
		    "invalid destination");
		return 0;
	}
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)&b->order_id,
	    sizeof(b->order_id));
	crypto_generichash_update(&st, (const unsigned char *)b->idem_key,
	    strnlen(b->idem_key, sizeof(b->idem_key)));
	crypto_generichash_final(&st, h, sizeof(h));
	for (i = 0; i < sizeof(h); i++)
		v = v << 8 | h[i];
	remote = strstr(LOGISTICS_SANDBOX_REMOTE, b->country) != NULL;
	res->ok = 1;
	snprintf(res->carrier, sizeof(res->carrier), "Demo Express");
	snprintf(res->tracking, sizeof(res->tracking), "DX%010llu",
	    (unsigned long long)(v % 10000000000ULL));
	snprintf(res->courier_name, sizeof(res->courier_name), "%s",
	    couriers[v % (sizeof(couriers) / sizeof(couriers[0]))]);
	snprintf(res->courier_phone, sizeof(res->courier_phone),
	    "+60 3-%04llu %04llu", (unsigned long long)(v / 7 % 10000),
	    (unsigned long long)(v / 70000 % 10000));
	res->eta = now + (remote ? 9 : 3) * 86400;
	return 0;
}

const struct logistics_gateway logistics_sandbox = { "sandbox", sbx_book };

/* See logistics.h. */
const struct logistics_gateway *
logistics_gateway_get(const char *name)
{
	if (name != NULL && strcmp(name, logistics_sandbox.name) == 0) {
		gateway_called(1);
		return &logistics_sandbox;
	}
	return NULL;
}
