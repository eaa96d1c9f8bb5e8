/*
 * The renderer child (docrender.h): the parent puts the upload in an
 * anonymous memory file that becomes the child's standard input, starts
 * this same program again with DR_ARG, and reads the pictures back from a
 * second memory file, the child's standard output:
 *	"OK <npages>\n" then, thumbnail first, per image
 *	"<mime> <width> <height> <bytes>\n" and the bytes;
 * or "NO <message for the user>\n".
 */
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/log.h"
#include "service/docrender.h"

#define DR_ARG		"--docrender-child"
#define DR_MEMORY	(1024LL * 1024 * 1024)	/* address space, 1 GiB */

extern char **environ;

static int dr_isolate;

#if defined(__SANITIZE_ADDRESS__)
#define DR_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DR_ASAN 1
#endif
#endif

/* Read all of fd into b. Returns 0 or -1. */
static int
read_fd(int fd, struct buf *b)
{
	char chunk[65536];
	ssize_t r;

	while ((r = read(fd, chunk, sizeof(chunk))) != 0) {
		if (r == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf_append(b, chunk, (size_t)r);
	}
	return 0;
}

/* Write one image's header and bytes to f. */
static void
put_image(FILE *f, const struct docrender_image *img)
{
	fprintf(f, "%s %d %d %zu\n", img->mime, img->width, img->height,
	    img->data.len);
	fwrite(img->data.data, 1, img->data.len, f);
}

/* The child's messages in the language of tag: the catalogues found as
 * the parent found them ($MALLPAY_LOCALE_DIR); English when they are
 * not. */
static void
lang_of(const char *tag)
{
	enum lang	l;
	char		err[256];

	if (i18n_parse_tag(tag, &l) == 0 && l != LANG_EN &&
	    i18n_init(NULL, err, sizeof(err)) == 0)
		i18n_use(l);
}

/* The child: limits, decode standard input as kind, answer on standard
 * output in the language of tag (the parent thread's). Never returns. */
static void
child_main(const char *kind, const char *tag)
{
	struct docrender_result r;
	struct rlimit cpu = { DOCRENDER_SECONDS, DOCRENDER_SECONDS + 1 };
	struct buf in;
	char err[512];
	int i, rc;
#ifndef DR_ASAN
	struct rlimit mem = { DR_MEMORY, DR_MEMORY };

	setrlimit(RLIMIT_AS, &mem);
#endif
	setrlimit(RLIMIT_CPU, &cpu);
	alarm(DOCRENDER_SECONDS);
	/* poppler and libvips print a line per oddity of a hostile file:
	 * not for the server's log. */
	if ((i = open("/dev/null", O_WRONLY)) != -1) {
		dup2(i, 2);
		close(i);
	}
	lang_of(tag);
	buf_init(&in);
	if (read_fd(0, &in) == -1)
		_exit(2);
	rc = docrender_decode(strcmp(kind, "pdf") == 0 ? DOCRENDER_PDF :
	    strcmp(kind, "png") == 0 ? DOCRENDER_PNG : DOCRENDER_JPEG,
	    in.data, in.len, &r, err, sizeof(err));
	if (rc == -1)
		_exit(3);
	if (rc == 1)
		printf("NO %s\n", err);
	else {
		printf("OK %d\n", r.npages);
		put_image(stdout, &r.thumb);
		for (i = 0; i < r.npages; i++)
			put_image(stdout, &r.page[i]);
	}
	fflush(stdout);
	_exit(ferror(stdout) ? 4 : 0);
}

/* See docrender.h. */
void
docrender_hook(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], DR_ARG) == 0)
		child_main(argv[2], argv[3]);
	dr_isolate = 1;
}

/* One image header and its bytes from *p (end at end) into img. Returns 0
 * or -1 (malformed). */
static int
get_image(const char **p, const char *end, struct docrender_image *img)
{
	const char *nl;
	char line[128];
	size_t n;

	if ((nl = memchr(*p, '\n', (size_t)(end - *p))) == NULL ||
	    (size_t)(nl - *p) >= sizeof(line))
		return -1;
	memcpy(line, *p, (size_t)(nl - *p));
	line[nl - *p] = '\0';
	if (sscanf(line, "%15s %d %d %zu", img->mime, &img->width,
	    &img->height, &n) != 4 || (size_t)(end - nl - 1) < n ||
	    (strcmp(img->mime, "image/jpeg") != 0 &&
	    strcmp(img->mime, "image/png") != 0))
		return -1;
	buf_init(&img->data);
	buf_append(&img->data, nl + 1, n);
	*p = nl + 1 + n;
	return 0;
}

/* Parse the child's answer (b) into out or err. Returns 0, 1 or -1. */
static int
parse_answer(const struct buf *b, struct docrender_result *out, char *err,
    size_t errsz)
{
	const char *p = b->data, *end = b->data + b->len, *nl;
	int i, n;

	if (b->len > 3 && memcmp(p, "NO ", 3) == 0) {
		nl = memchr(p, '\n', b->len);
		snprintf(err, errsz, "%.*s", (int)((nl != NULL ? nl : end) -
		    p - 3), p + 3);
		return 1;
	}
	if (b->len < 5 || sscanf(p, "OK %d\n", &n) != 1 || n < 1 ||
	    n > DOCRENDER_MAX_PAGES || (p = memchr(p, '\n', b->len)) == NULL)
		goto bad;
	p++;
	if (get_image(&p, end, &out->thumb) != 0)
		goto bad;
	for (i = 0; i < n; i++)
		if (get_image(&p, end, &out->page[i]) != 0)
			goto bad;
	out->npages = n;
	return 0;
bad:
	docrender_free(out);
	snprintf(err, errsz, "docrender: malformed answer from the child");
	return -1;
}

/* Start the child on fds in and out. Returns its pid or -1. */
static pid_t
spawn_child(int in, int out, const char *kind)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dfl;
	char a0[] = "mallpay-docrender", a1[] = DR_ARG, a2[8], a3[16];
	char *argv[] = { a0, a1, a2, a3, NULL };
	pid_t pid;
	int rc;

	snprintf(a2, sizeof(a2), "%s", kind);
	snprintf(a3, sizeof(a3), "%s", i18n_tag(i18n_current()));
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in, 0);
	posix_spawn_file_actions_adddup2(&fa, out, 1);
	/* The server's threads block its signals: the child's limits must
	 * reach it (SIGALRM, SIGXCPU), with their default actions. */
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGALRM);
	sigaddset(&dfl, SIGXCPU);
	sigaddset(&dfl, SIGPIPE);
	posix_spawnattr_init(&at);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK |
	    POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(&pid, "/proc/self/exe", &fa, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	return rc == 0 ? pid : -1;
}

/* Wait for pid at most DOCRENDER_SECONDS + 5 s, killing it after.
 * Returns its wait status, or -1 when it was killed for time. */
static int
wait_child(pid_t pid)
{
	struct timespec tick = { 0, 5 * 1000 * 1000 };
	int st, waited_ms = 0;
	pid_t w;

	while ((w = waitpid(pid, &st, WNOHANG)) == 0 || (w == -1 &&
	    errno == EINTR)) {
		if (waited_ms > (DOCRENDER_SECONDS + 5) * 1000) {
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
			return -1;
		}
		nanosleep(&tick, NULL);
		waited_ms += 5;
	}
	return w == pid ? st : -1;
}

/* See docrender.h. */
int
docrender_file(enum docrender_kind kind, const void *data, size_t len,
    struct docrender_result *out, char *err, size_t errsz)
{
	static const char *const kinds[] = { "jpeg", "png", "pdf" };
	struct buf ans;
	int in, outfd, st, rc = -1;
	pid_t pid;

	memset(out, 0, sizeof(*out));
	if (!dr_isolate)
		return docrender_decode(kind, data, len, out, err, errsz);
	in = memfd_create("docrender-in", MFD_CLOEXEC);
	outfd = memfd_create("docrender-out", MFD_CLOEXEC);
	buf_init(&ans);
	if (in == -1 || outfd == -1 || write(in, data, len) != (ssize_t)len ||
	    lseek(in, 0, SEEK_SET) != 0) {
		snprintf(err, errsz, "docrender: memfd: %s", strerror(errno));
		goto out;
	}
	if ((pid = spawn_child(in, outfd, kinds[kind])) == -1) {
		snprintf(err, errsz, "docrender: cannot start the child");
		goto out;
	}
	st = wait_child(pid);
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		/* Killed for time or memory, or crashed on this input. */
		log_err("docrender: child status %d", st);
		snprintf(err, errsz, "%s", _("This file could not be read in "
		    "the time and memory allowed. Upload a smaller photo or "
		    "scan, or a simpler PDF."));
		rc = 1;
		goto out;
	}
	if (lseek(outfd, 0, SEEK_SET) != 0 || read_fd(outfd, &ans) == -1) {
		snprintf(err, errsz, "docrender: %s", strerror(errno));
		goto out;
	}
	rc = parse_answer(&ans, out, err, errsz);
out:
	buf_cleanup(&ans);
	if (in != -1)
		close(in);
	if (outfd != -1)
		close(outfd);
	return rc;
}
