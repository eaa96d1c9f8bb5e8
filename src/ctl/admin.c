/*
 * mallpayctl create-admin --email E --name N [--roles R] [--totp-secret
 * BASE32]: a new admin account with roles R (comma-separated names of
 * core/admin_role.h; every role when left out); the password is one line
 * on standard input (not echoed on a terminal). Without --totp-secret the
 * admin sets up an authenticator app at the first sign-in; with it (32
 * base32 characters, for fixtures and scripted set-ups) the app is set up
 * already with that key.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/admin_role.h"
#include "core/clock.h"
#include "ctl/ctl.h"
#include "db/admin_account.h"
#include "db/db.h"
#include "db/seed.h"
#include "rules/totp.h"
#include "service/mfa.h"

#define PASSWORD_MIN_CHARS	12
#define PASSWORD_MAX_BYTES	1024

/* Number of UTF-8 characters in s (bytes that are not continuations). */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Read one line from stdin into pw (pwsz bytes), without the newline; on
 * a terminal, prompt on stderr and turn echo off. Returns 0, or -1 on EOF,
 * an over-long line or a NUL byte. */
static int
read_password(char *pw, size_t pwsz)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO), rc = 0;
	size_t len;

	if (tty) {
		fprintf(stderr, "password: ");
		if (tcgetattr(STDIN_FILENO, &old) == 0) {
			quiet = old;
			quiet.c_lflag &= ~(tcflag_t)ECHO;
			tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		} else
			tty = 0;
	}
	if (fgets(pw, (int)pwsz, stdin) == NULL)
		rc = -1;
	else {
		len = strlen(pw);
		if (len > 0 && pw[len - 1] == '\n')
			pw[--len] = '\0';
		else if (!feof(stdin))
			rc = -1;	/* longer than the buffer */
		if (len > 0 && pw[len - 1] == '\r')
			pw[--len] = '\0';
	}
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	return rc;
}

/* A plausible email: one '@' with text both sides, a dot in the domain, no
 * spaces or control characters, at most 254 bytes. */
static int
email_ok(const char *e)
{
	const char *at = strchr(e, '@'), *p;

	if (at == NULL || at == e || strchr(at + 1, '@') != NULL ||
	    strlen(e) > 254 || strchr(at + 1, '.') == NULL ||
	    at[1] == '.' || e[strlen(e) - 1] == '.')
		return 0;
	for (p = e; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return 0;
	return 1;
}

/* The admin's password read from standard input (one line, at least
 * PASSWORD_MIN_CHARS characters) hashed for storage into hash; the clear
 * text wiped. Returns 0, or the exit status with the reason on stderr
 * (2 a bad password, 1 a fault). */
static int
hash_password(char hash[crypto_pwhash_STRBYTES])
{
	char pw[PASSWORD_MAX_BYTES];

	if (read_password(pw, sizeof(pw)) == -1) {
		fprintf(stderr, "mallpayctl: create-admin: give the password "
		    "as one line on standard input (at most %d bytes)\n",
		    PASSWORD_MAX_BYTES - 2);
		sodium_memzero(pw, sizeof(pw));
		return 2;
	}
	if (utf8_chars(pw) < PASSWORD_MIN_CHARS) {
		fprintf(stderr, "mallpayctl: create-admin: the password must "
		    "have at least %d characters\n", PASSWORD_MIN_CHARS);
		sodium_memzero(pw, sizeof(pw));
		return 2;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "mallpayctl: libsodium failed to start\n");
		sodium_memzero(pw, sizeof(pw));
		return 1;
	}
	if (crypto_pwhash_str(hash, pw, strlen(pw),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		fprintf(stderr, "mallpayctl: out of memory hashing\n");
		sodium_memzero(pw, sizeof(pw));
		return 1;
	}
	sodium_memzero(pw, sizeof(pw));
	return 0;
}

/* Insert admin u with hash and its roles in one transaction. Returns its
 * id, 0 when the email has an account, -1 on error. */
static int64_t
create(struct db *db, const struct seed_user *u, const char *hash,
    unsigned roles)
{
	int64_t now = clock_now(), id;

	if (db_begin(db) == -1)
		return -1;
	if ((id = db_seed_user_insert(db, u, hash, now)) <= 0 ||
	    db_admin_account_insert(db, id, roles, NULL, 0, 0, now) == -1) {
		db_rollback(db);
		return id == 0 ? 0 : -1;
	}
	return db_commit(db) == -1 ? -1 : id;
}

/* create-admin's arguments. */
struct admin_args {
	const char	*email, *name, *totp;
	unsigned char	 secret[TOTP_SECRET_BYTES];	/* of totp */
	unsigned	 roles;
};

/* Print create-admin's usage: 2. */
static int
admin_usage(void)
{
	fprintf(stderr, "usage: mallpayctl create-admin --email E --name N "
	    "[--roles reviewer,finance,settings,owner] [--totp-secret BASE32] "
	    "< password-file\n");
	return 2;
}

/* Read and check create-admin's arguments into *a: 0, or 2 (the problem
 * printed). */
static int
admin_args(int argc, char **argv, struct admin_args *a)
{
	int	i;

	memset(a, 0, sizeof(*a));
	a->roles = ADMIN_ROLES_ALL;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--email") == 0 && i + 1 < argc)
			a->email = argv[++i];
		else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			a->name = argv[++i];
		else if (strcmp(argv[i], "--totp-secret") == 0 && i + 1 < argc)
			a->totp = argv[++i];
		else if (strcmp(argv[i], "--roles") == 0 && i + 1 < argc) {
			if (admin_roles_parse(argv[++i], &a->roles) == -1) {
				fprintf(stderr, "mallpayctl: create-admin: "
				    "--roles takes a comma-separated list of "
				    "reviewer, finance, settings, owner (or "
				    "all)\n");
				return 2;
			}
		} else
			return admin_usage();
	}
	if (a->email == NULL || a->name == NULL)
		return admin_usage();
	if (!email_ok(a->email)) {
		fprintf(stderr, "mallpayctl: create-admin: \"%s\" is not an "
		    "email address\n", a->email);
		return 2;
	}
	if (a->name[0] == '\0' || strlen(a->name) > 200) {
		fprintf(stderr, "mallpayctl: create-admin: the name must be "
		    "1 to 200 bytes\n");
		return 2;
	}
	if (a->totp != NULL && totp_base32_secret(a->totp, a->secret) == -1) {
		fprintf(stderr, "mallpayctl: create-admin: --totp-secret must "
		    "be %d base32 characters (%d bytes)\n", TOTP_SECRET_B32,
		    TOTP_SECRET_BYTES);
		return 2;
	}
	return 0;
}

/* See ctl.h: mallpayctl create-admin --email E --name N [--roles R]
 * (every role without --roles). Refuses an email
 * that exists (exit 1) and a password under 12 characters (exit 2). */
int
ctl_create_admin(struct ctl *c, int argc, char **argv)
{
	struct admin_args a;
	struct seed_user u;
	struct db *db;
	char hash[crypto_pwhash_STRBYTES];
	int64_t id;
	int bad, rc = 1;

	if ((bad = admin_args(argc, argv, &a)) != 0 ||
	    (bad = hash_password(hash)) != 0) {
		sodium_memzero(a.secret, sizeof(a.secret));
		return bad;
	}
	if ((db = ctl_db_open(c)) == NULL) {
		sodium_memzero(a.secret, sizeof(a.secret));
		return 1;
	}
	memset(&u, 0, sizeof(u));
	u.kind = "admin";
	u.email = a.email;
	u.name = a.name;
	/* The unique key on email decides, so two runs at once cannot both
	 * create the account. */
	id = create(db, &u, hash, a.roles);
	if (id == 0)
		fprintf(stderr, "mallpayctl: create-admin: %s already has an "
		    "account\n", a.email);
	else if (id < 0)
		fprintf(stderr, "mallpayctl: create-admin: %s\n",
		    db_error(db));
	else if (a.totp != NULL && mfa_set_secret(db, &c->cfg, id, a.secret,
	    clock_now()) != 0)
		fprintf(stderr, "mallpayctl: create-admin: the TOTP secret "
		    "was not stored: %s\n", db_error(db));
	else {
		printf("created admin %s (user %lld)\n", a.email,
		    (long long)id);
		rc = 0;
	}
	sodium_memzero(a.secret, sizeof(a.secret));
	db_free(db);
	return rc;
}
