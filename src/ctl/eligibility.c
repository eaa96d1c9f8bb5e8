/*
 * `mallpayctl eligibility`: JSON facts in, every method's verdict out
 * (RULES C-06). The parser is in facts_parse.c (fuzzed), the renderer in
 * eligibility_render.c; see eligibility.h.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "ctl/eligibility.h"
#include "rules/eligibility.h"
#include "rules/facts.h"
#include "rules/verdict.h"

/* Largest facts document read from stdin. */
#define ELIG_MAX_INPUT	(4 * 1024 * 1024)

/*
 * Read all of fd into b, at most max bytes. Returns 0, or -1 with errno
 * (EFBIG when the input is too large).
 */
static int
read_all(int fd, struct buf *b, size_t max)
{
	char	 chunk[8192];
	ssize_t	 n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			return 0;
		if (b->len + (size_t)n > max) {
			errno = EFBIG;
			return -1;
		}
		buf_append(b, chunk, (size_t)n);
	}
}

/*
 * The eligibility command; see eligibility.h.
 */
int
ctl_eligibility(int argc, char **argv)
{
	struct buf	 in, out;
	struct facts	 f;
	struct verdict_list l;
	char		 err[512];
	int		 rc, saved;

	if (argc > 1) {
		if (strcmp(argv[1], "-h") == 0 ||
		    strcmp(argv[1], "--help") == 0) {
			printf("usage: mallpayctl eligibility < facts.json\n");
			return 0;
		}
		fprintf(stderr, "usage: mallpayctl eligibility < facts.json\n");
		return 2;
	}
	buf_init(&in);
	if (read_all(STDIN_FILENO, &in, ELIG_MAX_INPUT) == -1) {
		saved = errno;
		fprintf(stderr, "mallpayctl eligibility: reading stdin: %s\n",
		    saved == EFBIG ? "document larger than 4 MiB" :
		    strerror(saved));
		buf_cleanup(&in);
		return saved == EFBIG ? 2 : 1;
	}
	rc = eligibility_parse(in.data ? in.data : "", in.len, &f, err,
	    sizeof(err));
	buf_cleanup(&in);
	if (rc == -1) {
		fprintf(stderr, "mallpayctl eligibility: %s\n", err);
		return 2;
	}
	verdict_list_init(&l);
	eligibility_check_all(&f, &l);
	buf_init(&out);
	eligibility_render(&f, &l, &out);
	rc = fwrite(out.data, 1, out.len, stdout) == out.len &&
	    fflush(stdout) == 0 ? 0 : 1;
	if (rc != 0)
		fprintf(stderr, "mallpayctl eligibility: writing stdout: "
		    "%s\n", strerror(errno));
	buf_cleanup(&out);
	verdict_list_cleanup(&l);
	facts_cleanup(&f);
	return rc;
}
