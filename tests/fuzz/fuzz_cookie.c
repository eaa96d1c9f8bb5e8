/*
 * libFuzzer harness: Cookie headers.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "http/cookie.h"
#include "http/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct paramlist pl;
	size_t i;

	memset(&pl, 0, sizeof(pl));
	(void)cookie_parse((const char *)data, size, &pl);
	for (i = 0; i < pl.n; i++) {
		/* Kept values never hold separators or control bytes. */
		if (strlen(pl.v[i].val) != pl.v[i].len ||
		    strpbrk(pl.v[i].val, "; \r\n\",") != NULL)
			__builtin_trap();
	}
	paramlist_clear(&pl);
	return 0;
}
