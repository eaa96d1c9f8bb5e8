/* The Accept-Language header (http/accept_lang.h). */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "http/accept_lang.h"

#define HEADER_MAX	4096

/* Skip spaces and tabs. */
static const char *
skip_ows(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* 1 when s (n bytes) is a language range: "*" or 1-8 letters, then
 * "-" and 1-8 letters or digits, any number of times. */
static int
valid_range(const char *s, size_t n)
{
	size_t i, run = 0;
	int first = 1;

	if (n == 1 && s[0] == '*')
		return 1;
	if (n == 0 || n >= ACCEPT_LANG_TAGLEN)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '-') {
			if (run == 0)
				return 0;
			run = 0;
			first = 0;
			continue;
		}
		if (!(isalpha((unsigned char)s[i]) ||
		    (!first && isdigit((unsigned char)s[i]))) || ++run > 8)
			return 0;
	}
	return run > 0;
}

/* The weight of "q=D[.DDD]" in s (n bytes) in thousandths, or -1. */
static int
parse_q(const char *s, size_t n)
{
	int q, scale = 100;
	size_t i;

	if (n < 3 || (s[0] != 'q' && s[0] != 'Q') || s[1] != '=' ||
	    (s[2] != '0' && s[2] != '1'))
		return -1;
	q = (s[2] - '0') * 1000;
	if (n == 3)
		return q;
	if (s[3] != '.' || n > 7)
		return -1;
	for (i = 4; i < n; i++, scale /= 10) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		q += (s[i] - '0') * scale;
	}
	return q <= 1000 ? q : -1;
}

/* Parse one item [p, end) into *it. Returns 0, or -1 when malformed. */
static int
parse_item(const char *p, const char *end, struct accept_lang *it)
{
	const char *semi, *tag_end;

	if ((p = skip_ows(p, end)) >= end)
		return -1;
	semi = memchr(p, ';', (size_t)(end - p));
	tag_end = semi != NULL ? semi : end;
	while (tag_end > p && (tag_end[-1] == ' ' || tag_end[-1] == '\t'))
		tag_end--;
	if (!valid_range(p, (size_t)(tag_end - p)))
		return -1;
	memcpy(it->tag, p, (size_t)(tag_end - p));
	it->tag[tag_end - p] = '\0';
	it->q = 1000;
	while (semi != NULL) {
		const char *param = skip_ows(semi + 1, end), *pend;

		if (param >= end)
			return -1;
		semi = memchr(param, ';', (size_t)(end - param));
		pend = semi != NULL ? semi : end;
		while (pend > param && (pend[-1] == ' ' || pend[-1] == '\t'))
			pend--;
		if ((it->q = parse_q(param, (size_t)(pend - param))) == -1)
			return -1;
	}
	return 0;
}

/* Insert it into out[0..n) by weight, highest first, after the items of
 * the same weight (the order sent). */
static void
insert_sorted(struct accept_lang *out, size_t n, const struct accept_lang *it)
{
	size_t i = n;

	while (i > 0 && out[i - 1].q < it->q) {
		out[i] = out[i - 1];
		i--;
	}
	out[i] = *it;
}

/* See accept_lang.h. */
size_t
accept_lang_parse(const char *header, struct accept_lang *out, size_t max)
{
	const char *p, *end, *comma;
	struct accept_lang it;
	size_t n = 0;

	if (header == NULL)
		return 0;
	p = header;
	end = header + strnlen(header, HEADER_MAX);
	while (p < end && n < max) {
		comma = memchr(p, ',', (size_t)(end - p));
		if (comma == NULL)
			comma = end;
		if (parse_item(p, comma, &it) == 0)
			insert_sorted(out, n++, &it);
		p = comma + 1;
	}
	return n;
}

/* 1 when the q=0 item refused refuses tag: the same range, or a broader
 * one ("zh" refuses "zh-CN"). */
static int
refuses(const char *refused, const char *tag)
{
	size_t n = strlen(refused);

	return strncasecmp(refused, tag, n) == 0 &&
	    (tag[n] == '\0' || tag[n] == '-');
}

/* See accept_lang.h. */
int
accept_lang_choose(const char *header, int (*pick)(const char *, int *),
    int *lang)
{
	struct accept_lang items[ACCEPT_LANG_MAX];
	size_t n = accept_lang_parse(header, items, ACCEPT_LANG_MAX), i, j;
	int l;

	for (i = 0; i < n && items[i].q > 0; i++) {
		if (strcmp(items[i].tag, "*") == 0 || pick(items[i].tag, &l) == -1)
			continue;
		for (j = i + 1; j < n; j++)
			if (items[j].q == 0 && refuses(items[j].tag, items[i].tag))
				break;
		if (j == n) {
			*lang = l;
			return 0;
		}
	}
	return -1;
}
