#ifndef MALLPAY_CORE_CONFIG_H
#define MALLPAY_CORE_CONFIG_H

#include <stddef.h>

/* Settings of mallpayd and mallpayctl, read from mallpay.conf (inih).
 * Every field has a default (config_defaults) that `./mallpay up` works with. */
struct config {
	char	socket_path[256];	/* [server] socket: FastCGI Unix socket */
	int	threads;		/* [server] threads: worker threads
					 * (config_default_threads) */
	char	template_dir[256];	/* [server] templates */
	char	static_dir[256];	/* [server] static */
	char	db_socket[256];		/* [database] socket */
	char	db_name[64];		/* [database] name */
	char	db_user[64];		/* [database] user */
	char	db_password[128];	/* [database] password */
	char	upload_dir[256];	/* [storage] uploads: outside the web root */
	char	secret_key[65];		/* [security] key: 64 hex chars, encrypts files */
	char	partner_key[65];	/* [security] partner_key: HMAC key of sandbox partners */
	int	session_idle;		/* [security] session_idle: seconds */
	int	session_max;		/* [security] session_max: seconds */
	int	secure_cookies;		/* [security] secure_cookies: 1 behind TLS */
	int	totp_replay_guard;	/* [security] totp_replay_guard: 1 refuses
					 * an admin's code already used in its
					 * time step; only test stacks, which
					 * sign one admin in many times a
					 * minute, set 0 */
	int	finance_delay;		/* [sandbox] finance_delay: seconds the
					 * finance sandbox takes to answer */
	char	bank_url[256];		/* [bank] url: the bank's base URL, server to
					 * server and for the shopper's browser */
	char	bank_secret[65];	/* [bank] secret: 64 hex chars shared with the
					 * bank: HMAC of sessions, returns, notices */
	char	bank_mall_url[256];	/* [bank] mall_url: the mall's base URL as the
					 * bank and the shopper reach it (return URL,
					 * notification URL) */
	char	bank_socket[256];	/* [bank] socket: bankd's FastCGI socket (the
					 * sandbox bank's own process) */
};

/* Fill cfg with the defaults. */
void	config_defaults(struct config *cfg);
/* The default number of worker threads for cpus online CPUs: 4 a CPU,
 * between 4 and 64. A worker waits on its database connection for each
 * statement and for each commit's log write; with one worker a CPU the
 * CPUs would idle through those waits, and commits of different shoppers
 * could not share a log write. */
int	config_default_threads(long cpus);
/* Apply defaults, then the file at path (NULL: defaults only), then MALLPAY_*
 * environment overrides are NOT read: the file is the one source. Returns 0, or -1
 * with a message in err (errsz bytes) naming the file, line and key. */
int	config_load(struct config *cfg, const char *path, char *err, size_t errsz);

#endif
