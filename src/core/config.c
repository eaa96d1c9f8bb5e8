#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/config.h"

struct load_ctx {
	struct config	*cfg;
	char		 bad[160];
};

/* Copy a string setting, refusing one that does not fit. */
static int
set_str(char *dst, size_t dstsz, const char *val)
{
	size_t n = strlen(val);

	if (n >= dstsz)
		return 0;
	memcpy(dst, val, n + 1);
	return 1;
}

/* Parse a positive int setting within [lo, hi]. */
static int
set_int(int *dst, const char *val, int lo, int hi)
{
	char *end;
	long v = strtol(val, &end, 10);

	if (*val == '\0' || *end != '\0' || v < lo || v > hi)
		return 0;
	*dst = (int)v;
	return 1;
}

#define MATCH(s, k) (strcmp(section, s) == 0 && strcmp(name, k) == 0)

/* inih callback: returns 1 on success, 0 (and records the key) on a bad or unknown key. */
static int
on_key(void *user, const char *section, const char *name, const char *value)
{
	struct load_ctx *lc = user;
	struct config *c = lc->cfg;
	int ok;

	if (MATCH("server", "socket"))
		ok = set_str(c->socket_path, sizeof(c->socket_path), value);
	else if (MATCH("server", "threads"))
		ok = set_int(&c->threads, value, 1, 256);
	else if (MATCH("server", "templates"))
		ok = set_str(c->template_dir, sizeof(c->template_dir), value);
	else if (MATCH("server", "static"))
		ok = set_str(c->static_dir, sizeof(c->static_dir), value);
	else if (MATCH("database", "socket"))
		ok = set_str(c->db_socket, sizeof(c->db_socket), value);
	else if (MATCH("database", "name"))
		ok = set_str(c->db_name, sizeof(c->db_name), value);
	else if (MATCH("database", "user"))
		ok = set_str(c->db_user, sizeof(c->db_user), value);
	else if (MATCH("database", "password"))
		ok = set_str(c->db_password, sizeof(c->db_password), value);
	else if (MATCH("storage", "uploads"))
		ok = set_str(c->upload_dir, sizeof(c->upload_dir), value);
	else if (MATCH("security", "key"))
		ok = strlen(value) == 64 &&
		    set_str(c->secret_key, sizeof(c->secret_key), value);
	else if (MATCH("security", "partner_key"))
		ok = strlen(value) == 64 &&
		    set_str(c->partner_key, sizeof(c->partner_key), value);
	else if (MATCH("security", "session_idle"))
		ok = set_int(&c->session_idle, value, 60, 86400 * 30);
	else if (MATCH("security", "session_max"))
		ok = set_int(&c->session_max, value, 60, 86400 * 90);
	else if (MATCH("security", "secure_cookies"))
		ok = set_int(&c->secure_cookies, value, 0, 1);
	else if (MATCH("security", "totp_replay_guard"))
		ok = set_int(&c->totp_replay_guard, value, 0, 1);
	else if (MATCH("sandbox", "finance_delay"))
		ok = set_int(&c->finance_delay, value, 0, 3600);
	else if (MATCH("bank", "url"))
		ok = set_str(c->bank_url, sizeof(c->bank_url), value);
	else if (MATCH("bank", "secret"))
		ok = strlen(value) == 64 &&
		    set_str(c->bank_secret, sizeof(c->bank_secret), value);
	else if (MATCH("bank", "mall_url"))
		ok = set_str(c->bank_mall_url, sizeof(c->bank_mall_url), value);
	else if (MATCH("bank", "socket"))
		ok = set_str(c->bank_socket, sizeof(c->bank_socket), value);
	else
		ok = 0;
	if (!ok && lc->bad[0] == '\0')
		snprintf(lc->bad, sizeof(lc->bad), "[%s] %s", section, name);
	return ok;
}

/* See config.h. */
int
config_default_threads(long cpus)
{
	if (cpus < 1)
		cpus = 1;
	if (cpus > 16)
		cpus = 16;
	return (int)cpus * 4;
}

void
config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	set_str(c->socket_path, sizeof(c->socket_path), "var/run/mallpayd.sock");
	c->threads = config_default_threads(sysconf(_SC_NPROCESSORS_ONLN));
	set_str(c->template_dir, sizeof(c->template_dir), MALLPAY_TEMPLATE_DIR);
	set_str(c->static_dir, sizeof(c->static_dir), "static");
	set_str(c->db_socket, sizeof(c->db_socket), "var/run/mysqld.sock");
	set_str(c->db_name, sizeof(c->db_name), "mallpay");
	set_str(c->db_user, sizeof(c->db_user), "mallpay");
	set_str(c->upload_dir, sizeof(c->upload_dir), "var/uploads");
	/* Development keys only: ./mallpay up writes random ones into mallpay.conf. */
	memset(c->secret_key, '0', 64);
	memset(c->partner_key, '1', 64);
	c->session_idle = 30 * 60;
	c->session_max = 12 * 3600;
	c->secure_cookies = 0;
	c->totp_replay_guard = 1;
	c->finance_delay = 90;	/* FINANCE_SANDBOX_DELAY */
	set_str(c->bank_url, sizeof(c->bank_url), "http://127.0.0.1:8081");
	memset(c->bank_secret, '2', 64);
	set_str(c->bank_mall_url, sizeof(c->bank_mall_url),
	    "http://127.0.0.1:8080");
	set_str(c->bank_socket, sizeof(c->bank_socket), "var/run/bankd.sock");
}

int
config_load(struct config *cfg, const char *path, char *err, size_t errsz)
{
	struct load_ctx lc;
	int rc;

	config_defaults(cfg);
	if (path == NULL)
		return 0;
	lc.cfg = cfg;
	lc.bad[0] = '\0';
	rc = ini_parse(path, on_key, &lc);
	if (rc < 0) {
		snprintf(err, errsz, "%s: cannot open", path);
		return -1;
	}
	if (rc > 0) {
		snprintf(err, errsz, "%s:%d: bad or unknown setting %s", path, rc,
		    lc.bad[0] ? lc.bad : "(syntax)");
		return -1;
	}
	return 0;
}
