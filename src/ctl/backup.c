/*
 * mallpayctl backup DIR | restore DIR.
 *
 * DIR/db.sql       mariadb-dump of the database (single transaction)
 * DIR/uploads/     the upload directory's files, copied as they are (they
 *                  are encrypted with the key: the backup holds no
 *                  plaintext document)
 * DIR/key.sha256   SHA-256 of the key (never the key): restore refuses a
 *                  backup made under another key, whose files it could not
 *                  decrypt.
 * The database password goes to the client tools in a 0600 defaults file
 * that is removed afterwards, never on a command line.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctl/ctl.h"
#include "ctl/security.h"

/* See security.h. */
int
ctl_key_fingerprint(const char *key_hex, char out[65])
{
	unsigned char key[32], h[crypto_hash_sha256_BYTES];
	size_t klen = 0;

	if (key_hex == NULL || strlen(key_hex) != 64 ||
	    sodium_hex2bin(key, sizeof(key), key_hex, 64, NULL, &klen,
	    NULL) != 0 || klen != sizeof(key))
		return -1;
	crypto_hash_sha256(h, key, sizeof(key));
	sodium_memzero(key, sizeof(key));
	sodium_bin2hex(out, 65, h, sizeof(h));
	return 0;
}

/* Write a [client] defaults file for cfg into path (mode 0600). Returns 0
 * or -1 (printed). */
static int
write_defaults(const struct config *cfg, const char *path)
{
	FILE *f;
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "mallpayctl: %s: %s\n", path, strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	fprintf(f, "[client]\nsocket=%s\nuser=%s\npassword=%s\n",
	    cfg->db_socket, cfg->db_user, cfg->db_password);
	return fclose(f) == 0 ? 0 : -1;
}

/* Run argv with stdin from in_path and stdout to out_path (either NULL:
 * inherited). Returns the exit status, or -1 when it could not run. */
static int
run(char *const argv[], const char *in_path, const char *out_path)
{
	pid_t pid;
	int st, fd;

	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		if (in_path != NULL) {
			if ((fd = open(in_path, O_RDONLY)) == -1)
				_exit(126);
			dup2(fd, 0);
			close(fd);
		}
		if (out_path != NULL) {
			if ((fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC,
			    0600)) == -1)
				_exit(126);
			dup2(fd, 1);
			close(fd);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Copy regular file from to to (mode 0600). Returns 0 or -1 (printed). */
static int
copy_file(const char *from, const char *to)
{
	char b[65536];
	ssize_t n;
	int in, out, rc = 0;

	if ((in = open(from, O_RDONLY)) == -1) {
		fprintf(stderr, "mallpayctl: %s: %s\n", from, strerror(errno));
		return -1;
	}
	if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1) {
		fprintf(stderr, "mallpayctl: %s: %s\n", to, strerror(errno));
		close(in);
		return -1;
	}
	while ((n = read(in, b, sizeof(b))) > 0)
		if (write(out, b, (size_t)n) != n) {
			rc = -1;
			break;
		}
	if (n < 0)
		rc = -1;
	if (fsync(out) == -1 || close(out) == -1)
		rc = -1;
	close(in);
	if (rc == -1)
		fprintf(stderr, "mallpayctl: copying %s: %s\n", from,
		    strerror(errno));
	return rc;
}

/* Copy every regular, non-dot file of directory from into to (which must
 * exist). Returns the count copied, or -1. */
static int
copy_dir(const char *from, const char *to)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	char a[1024], b[1024];
	int n = 0;

	if ((d = opendir(from)) == NULL) {
		fprintf(stderr, "mallpayctl: %s: %s\n", from, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(a, sizeof(a), "%s/%s", from, de->d_name);
		snprintf(b, sizeof(b), "%s/%s", to, de->d_name);
		if (stat(a, &st) == -1 || !S_ISREG(st.st_mode))
			continue;
		if (copy_file(a, b) == -1) {
			closedir(d);
			return -1;
		}
		n++;
	}
	closedir(d);
	return n;
}

/* Remove every regular, non-dot file of dir. Returns 0 or -1. */
static int
empty_dir(const char *dir)
{
	DIR *d;
	struct dirent *de;
	char a[1024];
	int rc = 0;

	if ((d = opendir(dir)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(a, sizeof(a), "%s/%s", dir, de->d_name);
		if (unlink(a) == -1 && errno != EISDIR)
			rc = -1;
	}
	closedir(d);
	return rc;
}

/* The fixed words of the client command lines, writable as execvp's
 * argument vector (char *const []) is. */
static char arg_dump[] = "mariadb-dump", arg_single[] = "--single-transaction",
	    arg_triggers[] = "--triggers", arg_routines[] = "--routines",
	    arg_hex[] = "--hex-blob", arg_client[] = "mariadb";

/* See security.h. */
int
ctl_backup(struct ctl *c, int argc, char **argv)
{
	char fp[65], path[1024], defs[1024], dump[1024], dbarg[1100];
	char *dargv[10];
	FILE *f;
	int n, rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: mallpayctl backup DIR\n");
		return 2;
	}
	if (ctl_key_fingerprint(c->cfg.secret_key, fp) == -1) {
		fprintf(stderr, "mallpayctl: backup: [security] key is not 64 "
		    "hex characters\n");
		return 1;
	}
	/* A new directory only: never mix two backups. */
	if (mkdir(argv[1], 0700) == -1) {
		fprintf(stderr, "mallpayctl: backup: %s: %s (give a new "
		    "directory)\n", argv[1], strerror(errno));
		return 1;
	}
	snprintf(defs, sizeof(defs), "%s/.client.cnf", argv[1]);
	snprintf(dump, sizeof(dump), "%s/db.sql", argv[1]);
	if (write_defaults(&c->cfg, defs) == -1)
		goto out;
	snprintf(dbarg, sizeof(dbarg), "--defaults-file=%s", defs);
	dargv[0] = arg_dump;
	dargv[1] = dbarg;
	dargv[2] = arg_single;
	dargv[3] = arg_triggers;
	dargv[4] = arg_routines;
	dargv[5] = arg_hex;
	dargv[6] = c->cfg.db_name;
	dargv[7] = NULL;
	if ((n = run(dargv, NULL, dump)) != 0) {
		fprintf(stderr, "mallpayctl: backup: mariadb-dump failed "
		    "(status %d)\n", n);
		goto out;
	}
	snprintf(path, sizeof(path), "%s/uploads", argv[1]);
	if (mkdir(path, 0700) == -1 ||
	    (n = copy_dir(c->cfg.upload_dir, path)) == -1)
		goto out;
	snprintf(path, sizeof(path), "%s/key.sha256", argv[1]);
	if ((f = fopen(path, "w")) == NULL)
		goto out;
	fprintf(f, "%s\n", fp);
	if (fclose(f) != 0)
		goto out;
	printf("backup: %s: database dump, %d stored file(s), key "
	    "fingerprint %.16s...\n", argv[1], n, fp);
	rc = 0;
out:
	unlink(defs);
	return rc;
}

/* See security.h. */
int
ctl_restore(struct ctl *c, int argc, char **argv)
{
	char fp[65], saved[80], path[1024], defs[1024], dump[1024];
	char dbarg[1100];
	char *dargv[6];
	FILE *f;
	int n, rc = 1;

	if (argc != 2) {
		fprintf(stderr, "usage: mallpayctl restore DIR\n");
		return 2;
	}
	if (ctl_key_fingerprint(c->cfg.secret_key, fp) == -1) {
		fprintf(stderr, "mallpayctl: restore: [security] key is not 64 "
		    "hex characters\n");
		return 1;
	}
	snprintf(path, sizeof(path), "%s/key.sha256", argv[1]);
	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "mallpayctl: restore: %s: %s\n", path,
		    strerror(errno));
		return 1;
	}
	if (fgets(saved, sizeof(saved), f) == NULL)
		saved[0] = '\0';
	fclose(f);
	saved[strcspn(saved, "\r\n")] = '\0';
	if (strcmp(saved, fp) != 0) {
		fprintf(stderr, "mallpayctl: restore: refused: the backup was "
		    "made under another key (fingerprint %.16s..., this "
		    "configuration's is %.16s...): its files could not be "
		    "decrypted\n", saved, fp);
		return 1;
	}
	snprintf(dump, sizeof(dump), "%s/db.sql", argv[1]);
	if (access(dump, R_OK) == -1) {
		fprintf(stderr, "mallpayctl: restore: %s: %s\n", dump,
		    strerror(errno));
		return 1;
	}
	snprintf(defs, sizeof(defs), "%s/.client.cnf", argv[1]);
	if (write_defaults(&c->cfg, defs) == -1)
		goto out;
	snprintf(dbarg, sizeof(dbarg), "--defaults-file=%s", defs);
	dargv[0] = arg_client;
	dargv[1] = dbarg;
	dargv[2] = c->cfg.db_name;
	dargv[3] = NULL;
	if ((n = run(dargv, dump, NULL)) != 0) {
		fprintf(stderr, "mallpayctl: restore: loading the dump failed "
		    "(status %d)\n", n);
		goto out;
	}
	snprintf(path, sizeof(path), "%s/uploads", argv[1]);
	if (empty_dir(c->cfg.upload_dir) == -1 ||
	    (n = copy_dir(path, c->cfg.upload_dir)) == -1)
		goto out;
	printf("restore: %s: database loaded, %d stored file(s)\n", argv[1],
	    n);
	rc = 0;
out:
	unlink(defs);
	return rc;
}
