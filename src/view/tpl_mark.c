/* Translatable text markers in templates (view/tpl_mark.h). */

#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

#include "core/i18n.h"
#include "view/tpl_mark.h"

/* 1 when s (n bytes) is a placeholder name: A-Z, 0-9, _ and not empty. */
static int
is_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i])
		    && s[i] != '_')
			return 0;
	return 1;
}

/* Append text to out HTML-escaped, each {NAME} turned into {{NAME}}. */
static void
put_text(struct buf *out, const char *t)
{
	const char *close;

	for (; *t != '\0'; t++) {
		if (*t == '{' && (close = strchr(t + 1, '}')) != NULL &&
		    is_name(t + 1, (size_t)(close - t - 1))) {
			buf_puts(out, "{{");
			buf_append(out, t + 1, (size_t)(close - t - 1));
			buf_puts(out, "}}");
			t = close;
			continue;
		}
		switch (*t) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		default: buf_putc(out, *t);
		}
	}
}

/* Read the marker's text from p (just after "{{_") into text, blank space
 * collapsed. Returns the position after the closing "}}", or NULL (*why set)
 * when it does not close, is empty or holds "{{". *lines counts the line
 * breaks read. */
static const char *
read_marker(const char *p, const char *end, struct buf *text,
    unsigned *lines, const char **why)
{
	int space = 0, depth = 0;

	buf_reset(text);
	for (; p < end; p++) {
		if (depth == 0 && p + 1 < end && p[0] == '}' && p[1] == '}')
			break;
		if (p + 1 < end && p[0] == '{' && p[1] == '{') {
			*why = "\"{{\" inside a text marker";
			return NULL;
		}
		if (*p == '{')
			depth++;
		else if (*p == '}' && depth > 0)
			depth--;
		if (isspace((unsigned char)*p)) {
			if (*p == '\n')
				(*lines)++;
			space = text->len > 0;
			continue;
		}
		if (space)
			buf_putc(text, ' ');
		space = 0;
		buf_putc(text, *p);
	}
	if (p >= end) {
		*why = "text marker not closed by \"}}\"";
		return NULL;
	}
	if (text->len == 0) {
		*why = "empty text marker";
		return NULL;
	}
	return p + 2;
}

/* See tpl_mark.h. */
int
tpl_marks(const char *src, size_t n, tpl_tr_fn tr, void *arg,
    struct buf *out, char *err, size_t errsz)
{
	const char *p = src, *last = src, *end = src + n, *m, *why = NULL, *tl;
	unsigned line = 1, at;
	struct buf text;
	int count = 0;

	buf_init(&text);
	while ((m = memmem(p, (size_t)(end - p), "{{_", 3)) != NULL) {
		if (m + 3 >= end || !isspace((unsigned char)m[3])) {
			p = m + 3;	/* a variable named _x, not a marker */
			continue;
		}
		if (out != NULL)
			buf_append(out, last, (size_t)(m - last));
		for (; last < m; last++)
			line += *last == '\n';
		at = line;
		if ((p = read_marker(m + 3, end, &text, &line, &why)) == NULL) {
			seterr(err, errsz, "line %u: %s", at, why);
			buf_cleanup(&text);
			return -1;
		}
		tl = tr != NULL ? tr(buf_str(&text), at, arg) : NULL;
		if (out != NULL)
			put_text(out, tl != NULL ? tl : buf_str(&text));
		last = p;
		count++;
	}
	if (out != NULL)
		buf_append(out, last, (size_t)(end - last));
	buf_cleanup(&text);
	return count;
}

/* The admin console's templates, as scripts/po.sh's ADMIN_TPL. */
static const char *const admin_tpl[] = {
	"admin_*.tpl", "*_admin*.tpl", "cod_user.tpl", "cod_users.tpl",
	"cod_fulfil.tpl", NULL
};

/* See tpl_mark.h. */
const char *
tpl_domain(const char *relname)
{
	size_t i;

	for (i = 0; admin_tpl[i] != NULL; i++)
		if (fnmatch(admin_tpl[i], relname, FNM_PATHNAME) == 0)
			return I18N_ADMIN_DOMAIN;
	return NULL;
}
