/*
 * libFuzzer harness: urlencoded forms and query strings.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "http/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct paramlist pl;
	size_t i;

	memset(&pl, 0, sizeof(pl));
	if (form_parse((const char *)data, size, &pl) == 0) {
		/* Whatever was accepted is NUL-free and within the limits. */
		for (i = 0; i < pl.n; i++) {
			if (strlen(pl.v[i].val) != pl.v[i].len ||
			    pl.v[i].len > HTTP_MAX_FIELD || pl.v[i].key[0] == '\0')
				__builtin_trap();
		}
	}
	paramlist_clear(&pl);
	return 0;
}
