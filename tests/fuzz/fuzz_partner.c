/*
 * libFuzzer harness: the partner signature headers
 * (service/partner_auth.c partner_parse_headers, then partner_check).
 * Input: X-Partner-Id, X-Timestamp and X-Signature values separated by
 * '\n'; what follows the third '\n' is the body that is checked.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "service/partner_auth.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned char key[32] = { 1, 2, 3 };
	const char *p = (const char *)data, *end = p + size, *f[4];
	size_t fl[4], i;
	struct partner_hdrs h;
	const char *why = NULL;
	const char *nl;

	for (i = 0; i < 4; i++) {
		f[i] = NULL;
		fl[i] = 0;
	}
	for (i = 0; i < 4; i++) {
		f[i] = p;
		nl = i < 3 ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		if (nl == NULL) {
			fl[i] = (size_t)(end - p);
			break;
		}
		fl[i] = (size_t)(nl - p);
		p = nl + 1;
	}
	if (partner_parse_headers(f[0], fl[0], f[1], fl[1], f[2], fl[2], &h,
	    &why) == 0) {
		/* Accepted: the fields are in range and the hex round-trips. */
		if (why != NULL || h.partner_id <= 0 || h.timestamp < 0 ||
		    strlen(h.sig_hex) != 64)
			__builtin_trap();
		if (partner_check(key, &h, 1790000000, "POST", "/partner/x",
		    f[3], f[3] != NULL ? fl[3] : 0, &why) == 0 &&
		    why != NULL)
			__builtin_trap();
	} else if (why == NULL)
		__builtin_trap();
	return 0;
}
