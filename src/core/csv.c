/*
 * CSV writing (see csv.h).
 */
#include <string.h>

#include "core/buf.h"
#include "core/csv.h"

/* See csv.h. */
void
csv_init(struct csv *w, struct buf *out)
{
	w->out = out;
	w->col = 0;
}

/* See csv.h. */
int
csv_is_decimal(const char *s)
{
	size_t n;

	if (s == NULL)
		return 0;
	if (*s == '-')
		s++;
	if ((n = strspn(s, "0123456789")) == 0)
		return 0;
	s += n;
	if (*s == '.') {
		s++;
		if ((n = strspn(s, "0123456789")) == 0)
			return 0;
		s += n;
	}
	return *s == '\0';
}

/* The separator before a cell that is not the record's first. */
static void
next_cell(struct csv *w)
{
	if (w->col++ > 0)
		buf_putc(w->out, ',');
}

/* See csv.h. */
void
csv_textn(struct csv *w, const char *s, size_t len)
{
	int	 quote, neutral;
	size_t	 i;

	next_cell(w);
	if (s == NULL || len == 0)
		return;
	neutral = memchr("=+-@\t\r", s[0], 6) != NULL;
	quote = 0;
	for (i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' ||
		    s[i] == '\n';
	if (!quote && !neutral) {
		buf_append(w->out, s, len);
		return;
	}
	if (quote)
		buf_putc(w->out, '"');
	if (neutral)
		buf_putc(w->out, '\'');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_putc(w->out, '"');
		buf_putc(w->out, s[i]);
	}
	if (quote)
		buf_putc(w->out, '"');
}

/* See csv.h. */
void
csv_text(struct csv *w, const char *s)
{
	csv_textn(w, s, s != NULL ? strlen(s) : 0);
}

/* See csv.h. */
void
csv_number(struct csv *w, const char *s)
{
	if (!csv_is_decimal(s)) {
		csv_text(w, s);
		return;
	}
	next_cell(w);
	buf_puts(w->out, s);
}

/* See csv.h. */
void
csv_end(struct csv *w)
{
	buf_puts(w->out, "\r\n");
	w->col = 0;
}
