/*
 * mallpayctl partner-sign (see partner.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/clock.h"
#include "ctl/ctl.h"
#include "ctl/partner.h"
#include "service/partner_auth.h"

/* See partner.h. */
int
ctl_partner_sign(struct ctl *ctl, int argc, char **argv)
{
	const char *method = "POST", *path = NULL;
	long long id = 0, kv = 1;
	int64_t now = clock_now();
	struct buf body, out;
	char chunk[4096], *end;
	size_t n;
	int i, rc = 1;

	for (i = 1; i < argc; i++) {
		if (i + 1 >= argc)
			goto usage;
		if (strcmp(argv[i], "--partner") == 0) {
			id = strtoll(argv[++i], &end, 10);
			if (*end != '\0' || id <= 0)
				goto usage;
		} else if (strcmp(argv[i], "--key-version") == 0) {
			kv = strtoll(argv[++i], &end, 10);
			if (*end != '\0' || kv <= 0 || kv > 1000000)
				goto usage;
		} else if (strcmp(argv[i], "--method") == 0)
			method = argv[++i];
		else if (strcmp(argv[i], "--path") == 0)
			path = argv[++i];
		else if (strcmp(argv[i], "--now") == 0) {
			if (ctl_parse_time(argv[++i], &now) == -1)
				goto usage;
		} else
			goto usage;
	}
	if (id == 0 || path == NULL || path[0] != '/' ||
	    (strcmp(method, "POST") != 0 && strcmp(method, "GET") != 0))
		goto usage;

	buf_init(&body);
	buf_init(&out);
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		buf_append(&body, chunk, n);
	if (ferror(stdin))
		fprintf(stderr, "partner-sign: cannot read the body\n");
	else if (partner_sign_headers(&ctl->cfg, id, (int)kv, now, method,
	    path, body.data, body.len, &out) == -1)
		fprintf(stderr, "partner-sign: [security] partner_key is not "
		    "64 hex characters\n");
	else {
		fputs(buf_str(&out), stdout);
		rc = 0;
	}
	buf_cleanup(&body);
	buf_cleanup(&out);
	return rc;
usage:
	fprintf(stderr, "usage: mallpayctl partner-sign --partner ID "
	    "[--method POST|GET] --path /PATH [--now TIME] [--key-version N] "
	    "< body\n");
	return 2;
}
