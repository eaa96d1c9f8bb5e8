/*
 * libFuzzer harness for creditor references (src/rules/rfcode.c): any
 * byte string is validated, normalised and printed; a reference that is
 * accepted by rfcode_generate() must give a code that validates.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rfcode.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * One input. Always returns 0 (libFuzzer's contract); crashes, sanitizer
 * reports and a broken invariant (abort) are the findings.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	char code[RFCODE_MAX], printed[RFCODE_PRINT_MAX], norm[RFCODE_MAX];
	int valid = rfcode_valid(s, size);

	/* Normalising and printing agree with validation. */
	if ((rfcode_normalize(s, size, norm, sizeof(norm)) == 0) != valid ||
	    (rfcode_print(s, size, printed, sizeof(printed)) == 0) != valid)
		abort();
	if (valid && (!rfcode_valid(norm, strlen(norm)) ||
	    !rfcode_valid(printed, strlen(printed))))
		abort();
	if (rfcode_generate(s, size, code, sizeof(code)) == 0 &&
	    !rfcode_valid(code, strlen(code)))
		abort();
	return 0;
}
