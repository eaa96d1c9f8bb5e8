/*
 * Replays a fuzz harness without libFuzzer: every argument is a file, or a
 * directory whose regular files (not recursing) are each one input. Without
 * arguments, as `make check` runs it, the program tests/fuzz/replay_NAME
 * replays its harness's own inputs under $top_srcdir/tests/fuzz (top_srcdir
 * comes from AM_TESTS_ENVIRONMENT; "." when unset): the seed corpus
 * corpus/NAME, which must not be empty, the regression crashers of every
 * harness (regression/) and its own (regression/NAME/), so the sanitizers of
 * an --enable-asan build judge every input ever committed. A missing
 * directory is skipped (an empty regression set is normal); an unreadable
 * file fails the run.
 */

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Feed one file to the harness. Returns 0, or -1 when it cannot be read. */
static int
replay_file(const char *path, off_t size)
{
	FILE *f;
	uint8_t *buf;
	size_t n = (size_t)size;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	/* An exact-size heap copy, so ASan catches a read past the end. */
	if ((buf = malloc(n > 0 ? n : 1)) == NULL ||
	    fread(buf, 1, n, f) != n) {
		fprintf(stderr, "%s: cannot read\n", path);
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

/* Replay path (a file or a directory of files). Adds to *count. */
static int
replay_path(const char *path, int *count)
{
	struct stat st;
	DIR *d;
	struct dirent *de;

	if (stat(path, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	if (S_ISREG(st.st_mode)) {
		(*count)++;
		return replay_file(path, st.st_size);
	}
	if (!S_ISDIR(st.st_mode) || (d = opendir(path)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		char file[4096];

		if (de->d_name[0] == '.')
			continue;
		snprintf(file, sizeof(file), "%s/%s", path, de->d_name);
		if (stat(file, &st) == -1 || !S_ISREG(st.st_mode))
			continue;
		(*count)++;
		if (replay_file(file, st.st_size) == -1) {
			closedir(d);
			return -1;
		}
	}
	closedir(d);
	return 0;
}

/* Replay the inputs of the harness this program is named after (argv0
 * ".../replay_NAME"), as the comment at the top says. Adds to *count;
 * -1 when the name is not replay_NAME, the corpus is empty or a file
 * cannot be read. */
static int
replay_own(const char *argv0, int *count)
{
	const char	*src = getenv("top_srcdir");
	const char	*name = strrchr(argv0, '/');
	const char	*sub[] = { "corpus/", "regression", "regression/" };
	char		 path[4096];
	int		 i, before = *count;

	name = name != NULL ? name + 1 : argv0;
	if (strncmp(name, "replay_", 7) != 0) {
		fprintf(stderr, "%s: not named replay_NAME\n", argv0);
		return -1;
	}
	name += 7;
	if (src == NULL || src[0] == '\0')
		src = ".";
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/tests/fuzz/%s%s", src, sub[i],
		    i == 1 ? "" : name);
		if (replay_path(path, count) == -1)
			return -1;
		if (i == 0 && *count == before) {
			fprintf(stderr, "empty corpus %s\n", name);
			return -1;
		}
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	int i, count = 0;

	if (argc < 2 && replay_own(argv[0], &count) == -1)
		return 1;
	for (i = 1; i < argc; i++)
		if (replay_path(argv[i], &count) == -1)
			return 1;
	printf("%d inputs replayed\n", count);
	return 0;
}
