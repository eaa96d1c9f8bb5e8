#ifndef MALLPAY_HTTP_ACCEPT_LANG_H
#define MALLPAY_HTTP_ACCEPT_LANG_H

#include <stddef.h>

/* Accept-Language (RFC 9110 12.5.4): a comma-separated list of language
 * ranges ("zh-CN", "ar", "*"), each with an optional weight ";q=0.8"
 * (0 to 1, at most three decimals; a range with q=0 is "not acceptable").
 * Blank space around items and parameters is allowed; a malformed item is
 * skipped, not the whole header. */

#define ACCEPT_LANG_MAX		16	/* items kept; later ones are ignored */
#define ACCEPT_LANG_TAGLEN	36

struct accept_lang {
	char		tag[ACCEPT_LANG_TAGLEN];	/* as sent ("*" too) */
	int		q;		/* weight in thousandths, 0..1000 */
};

/* Parse header (NUL-terminated, at most 4096 bytes are read) into out
 * (room for max), sorted by weight, highest first, equal weights in the
 * order sent; items of weight 0 are kept (they refuse a language).
 * Returns the number of items. */
size_t	accept_lang_parse(const char *header, struct accept_lang *out,
	    size_t max);

/* The first language of header that pick accepts (pick returns 0 and sets
 * *lang, or -1), skipping q=0 and "*". Returns 0 with *lang set, or -1 when
 * no listed language is one pick knows. A language refused with q=0 is
 * never chosen even if a broader range lists it. */
int	accept_lang_choose(const char *header,
	    int (*pick)(const char *tag, int *lang), int *lang);

#endif
