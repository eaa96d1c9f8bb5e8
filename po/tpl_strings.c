/*
 * tpl-strings FILE...: the text markers of templates ({{_ text}},
 * view/tpl_mark.h) as a PO template on standard output, one entry per
 * occurrence with its "#: file:line" (msguniq merges repeated texts).
 * Exit 0, or 1 when a template's marker is malformed.
 */

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "view/tpl_mark.h"

/* Print one entry; the text is a PO string (quotes and backslashes
 * escaped; markers hold no line breaks). */
static const char *
entry(const char *msgid, unsigned line, void *arg)
{
	const char *p;

	printf("#: %s:%u\nmsgid \"", (const char *)arg, line);
	for (p = msgid; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			putchar('\\');
		putchar(*p);
	}
	printf("\"\nmsgstr \"\"\n\n");
	return NULL;
}

int
main(int argc, char **argv)
{
	char err[200], chunk[8192];
	struct buf b;
	size_t n;
	int i, rc = 0;

	printf("msgid \"\"\nmsgstr \"\"\n"
	    "\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n");
	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "r");

		if (f == NULL) {
			perror(argv[i]);
			return 1;
		}
		buf_init(&b);
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_append(&b, chunk, n);
		fclose(f);
		if (tpl_marks(b.data, b.len, entry, argv[i], NULL, err,
		    sizeof(err)) == -1) {
			fprintf(stderr, "%s: %s\n", argv[i], err);
			rc = 1;
		}
		buf_cleanup(&b);
	}
	return rc;
}
