/*
 * libFuzzer harness: Accept-Language headers (http/accept_lang.c).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "http/accept_lang.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct accept_lang items[ACCEPT_LANG_MAX];
	char *s = malloc(size + 1);
	size_t n, i;
	int lang;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	n = accept_lang_parse(s, items, ACCEPT_LANG_MAX);
	for (i = 0; i < n; i++) {
		/* Kept items are whole ranges with a weight in range,
		 * sorted by weight. */
		if (items[i].q < 0 || items[i].q > 1000 ||
		    strlen(items[i].tag) >= ACCEPT_LANG_TAGLEN ||
		    strpbrk(items[i].tag, ",; \t\r\n") != NULL ||
		    (i > 0 && items[i].q > items[i - 1].q))
			__builtin_trap();
	}
	if (accept_lang_choose(s, i18n_pick, &lang) == 0 &&
	    (lang < 0 || lang >= LANG_COUNT))
		__builtin_trap();
	free(s);
	return 0;
}
