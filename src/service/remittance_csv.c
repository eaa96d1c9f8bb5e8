/*
 * Post office remittance: one line of the post office's statement (code,
 * amount, currency, date, tracking number) and its key; pure, shared by
 * the statement import and the reconciliation with the post office's
 * books. See remittance.h.
 */
#include <stdio.h>
#include <string.h>

#include "service/remittance.h"
#include "service/remittance_int.h"

/* Copy field [s, e) of a CSV line into out (outsz) removing quotes.
 * Returns 0 or -1 when too long. */
static int
csv_field(const char *s, const char *e, char *out, size_t outsz)
{
	size_t o = 0;

	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e - s >= 2 && *s == '"' && e[-1] == '"') {
		s++;
		e--;
		while (s < e) {
			if (*s == '"' && s + 1 < e && s[1] == '"')
				s++;
			if (o + 1 >= outsz)
				return -1;
			out[o++] = *s++;
		}
	} else {
		while (s < e) {
			if (o + 1 >= outsz)
				return -1;
			out[o++] = *s++;
		}
	}
	out[o] = '\0';
	return 0;
}

/* See remittance.h. */
int
remittance_csv_line(const char *buf, size_t len, struct rem_line *out,
    char *err, size_t errsz)
{
	const char	*p = buf, *end = buf + len, *start;
	char		*dst[5];
	size_t		 sz[5];
	int		 n = 0, q;

	memset(out, 0, sizeof(*out));
	dst[0] = out->code; sz[0] = sizeof(out->code);
	dst[1] = out->amount; sz[1] = sizeof(out->amount);
	dst[2] = out->currency; sz[2] = sizeof(out->currency);
	dst[3] = out->date; sz[3] = sizeof(out->date);
	dst[4] = out->tracking; sz[4] = sizeof(out->tracking);
	for (;;) {
		start = p;
		q = 0;
		while (p < end && (q || *p != ',')) {
			if (*p == '"')
				q = !q;
			if (*p == '\0') {
				snprintf(err, errsz, "a NUL byte in the line");
				return -1;
			}
			p++;
		}
		if (q) {
			snprintf(err, errsz, "an unterminated quote");
			return -1;
		}
		if (n >= 5) {
			snprintf(err, errsz, "more than 5 fields");
			return -1;
		}
		if (csv_field(start, p, dst[n], sz[n]) == -1) {
			snprintf(err, errsz, "field %d is too long", n + 1);
			return -1;
		}
		n++;
		if (p >= end)
			break;
		p++;
	}
	if (n != 5) {
		snprintf(err, errsz, "%d fields, want 5 (code, amount, "
		    "currency, date, tracking number)", n);
		return -1;
	}
	return 0;
}

/* See remittance.h. */
void
remittance_line_key(const struct rem_line *l, char *out, size_t outsz)
{
	char canon[300], sha[65];

	snprintf(canon, sizeof(canon), "%s|%s|%s|%s|%s", l->code, l->amount,
	    l->currency, l->date, l->tracking);
	sha256_hex(canon, strlen(canon), sha);
	snprintf(out, outsz, "stmt-%.58s", sha);
}
