/*
 * Shopper registration (register.h): one transaction creates the user and its
 * first session.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/db.h"
#include "db/user.h"
#include "service/auth.h"
#include "service/register.h"

/* Number of UTF-8 code points in s (continuation bytes not counted). */
static size_t
utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* 1 if s is empty or only spaces. */
static int
blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* See register.h. */
int
register_check(const struct register_input *in, struct register_errors *err)
{
	const char	*at;
	int		 n = 0;

	memset(err, 0, sizeof(*err));
	if (in->email == NULL || blank(in->email))
		err->email = N_("Enter your email address, like "
		    "name@example.com.");
	else if (strlen(in->email) > REGISTER_MAX_EMAIL ||
	    (at = strchr(in->email, '@')) == NULL || at == in->email ||
	    strchr(at + 1, '.') == NULL)
		err->email = N_("Enter a valid email address, like "
		    "name@example.com.");

	if (in->name == NULL || blank(in->name))
		err->name = N_("Enter your name.");
	else if (strlen(in->name) > REGISTER_MAX_NAME)
		err->name = N_("Use at most 120 characters for your name.");

	if (in->password == NULL || in->password[0] == '\0')
		err->password = N_("Choose a password of at least "
		    "12 characters.");
	else if (utf8_chars(in->password) < REGISTER_MIN_PASSWORD)
		err->password = N_("Use at least 12 characters for "
		    "your password.");
	else if (strlen(in->password) > REGISTER_MAX_PASSWORD)
		err->password = N_("Use at most 1024 characters for "
		    "your password.");

	if (in->confirm == NULL || in->confirm[0] == '\0')
		err->confirm = N_("Repeat the password here.");
	else if (in->password != NULL && strcmp(in->password, in->confirm) != 0)
		err->confirm = N_("The two passwords are not the same.");

	n = (err->email != NULL) + (err->name != NULL) +
	    (err->password != NULL) + (err->confirm != NULL);
	return n;
}

/* See register.h. */
int
register_shopper(struct auth_req *c, const struct register_input *in,
    struct register_errors *err)
{
	char	 hash[crypto_pwhash_STRBYTES], email[REGISTER_MAX_EMAIL + 1];
	char	 name[REGISTER_MAX_NAME + 1];
	int64_t	 id = 0;
	size_t	 i, a, b;
	int	 rc;

	if (register_check(in, err) != 0)
		return 1;
	/* Stored lower-case: the address is one account however it is typed. */
	for (i = 0; in->email[i] != '\0' && i < sizeof(email) - 1; i++)
		email[i] = (char)tolower((unsigned char)in->email[i]);
	email[i] = '\0';
	/* Surrounding spaces in a name are a typing accident. */
	for (a = 0; isspace((unsigned char)in->name[a]); a++)
		continue;
	for (b = strlen(in->name); b > a && isspace((unsigned char)in->name[b - 1]); b--)
		continue;
	memcpy(name, in->name + a, b - a);
	name[b - a] = '\0';

	/* Hash before the transaction: argon2id takes a while and needs no lock. */
	if (auth_password_hash(in->password, strlen(in->password), hash,
	    sizeof(hash)) == -1) {
		log_err("register: cannot hash a password (out of memory?)");
		return -1;
	}
	if (db_begin(c->db) == -1)
		return -1;
	rc = db_user_insert_person(c->db, email, name, hash, c->now, &id);
	sodium_memzero(hash, sizeof(hash));
	if (rc == 1) {
		db_rollback(c->db);
		err->email = N_("An account with this email already exists. "
		    "Sign in instead, or use another address.");
		return 1;
	}
	if (rc == -1)
		goto fail;
	if (auth_session_start(c, id) == -1)
		goto fail;
	if (db_commit(c->db) == -1) {
		c->token[0] = '\0';
		c->user.user_id = 0;
		c->user.session_hash[0] = '\0';
		return -1;
	}
	c->user.kind = AUTH_SHOPPER;
	c->user.company_id = 0;
	snprintf(c->user.email, sizeof(c->user.email), "%s", email);
	snprintf(c->user.name, sizeof(c->user.name), "%s", name);
	log_info("register: new shopper %lld", (long long)id);
	return 0;
fail:
	db_rollback(c->db);
	c->token[0] = '\0';
	c->user.user_id = 0;
	c->user.session_hash[0] = '\0';
	return -1;
}
