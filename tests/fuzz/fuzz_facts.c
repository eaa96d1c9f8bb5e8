/*
 * libFuzzer harness for the eligibility facts parser (src/ctl/facts_parse.c):
 * any byte string goes through eligibility_parse(); a document that parses
 * is also run through every rule and rendered, so the rules see odd but
 * valid facts (huge amounts, odd dates, many items).
 */
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "ctl/eligibility.h"
#include "rules/eligibility.h"
#include "rules/facts.h"
#include "rules/verdict.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * One input: parse, check, render, free. Always returns 0 (libFuzzer's
 * contract); crashes and sanitizer reports are the findings.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct facts	 f;
	struct verdict_list l;
	struct buf	 out;
	char		 err[256];

	if (eligibility_parse((const char *)data, size, &f, err,
	    sizeof(err)) == -1)
		return 0;
	verdict_list_init(&l);
	eligibility_check_all(&f, &l);
	buf_init(&out);
	eligibility_render(&f, &l, &out);
	buf_cleanup(&out);
	verdict_list_cleanup(&l);
	facts_cleanup(&f);
	return 0;
}
