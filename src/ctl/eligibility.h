#ifndef MALLPAY_CTL_ELIGIBILITY_H
#define MALLPAY_CTL_ELIGIBILITY_H

/*
 * `mallpayctl eligibility`: one JSON facts document on stdin, every
 * payment method's verdict (RULES C-06) as JSON on stdout. The document
 * format is in the README ("The eligibility facts document").
 */

#include <stddef.h>

#include "rules/facts.h"
#include "rules/verdict.h"

struct buf;

/* Parse the facts document buf/len (need not be NUL-terminated) into
 * *out. *out is filled by facts_defaults() first, so omitted settings keep
 * RULES.md's defaults. Returns 0 on success (the caller owns *out and
 * calls facts_cleanup()); -1 on a malformed document, with a message
 * naming the field ("order.items[0].durable: expected true or false") in
 * err (errsz bytes) and *out already cleaned up. */
int	eligibility_parse(const char *buf, size_t len, struct facts *out,
	    char *err, size_t errsz);

/* Append the JSON document {"methods":[...]} for the verdicts l of the
 * order f to b (NUL-terminated text, ends with a newline). Never fails
 * (OOM aborts). */
void	eligibility_render(const struct facts *f,
	    const struct verdict_list *l, struct buf *b);

/* The command: argv[0] is "eligibility"; no options other than -h.
 * Reads stdin, prints the verdicts on stdout. Returns the exit status:
 * 0 done, 2 malformed document or usage (message on stderr), 1 I/O
 * error. */
int	ctl_eligibility(int argc, char **argv);

#endif
