/*
 * The signed messages between the mall and the bank (see bank_wire.h).
 */
#include <sys/socket.h>
#include <sys/time.h>

#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/buf.h"
#include "gateway/bank_wire.h"

/* See bank_wire.h. */
void
bank_wire_add(struct buf *msg, const char *name, const char *value)
{
	const unsigned char *p;

	if (msg->len > 0)
		buf_putc(msg, '&');
	buf_puts(msg, name);
	buf_putc(msg, '=');
	for (p = (const unsigned char *)value; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-_.~", *p) != NULL)
			buf_putc(msg, (char)*p);
		else
			buf_printf(msg, "%%%02X", *p);
	}
}

/* The HMAC of len bytes of msg under secret_hex, as 64 hex + NUL in out.
 * 0, or -1 when the secret is not 64 hex digits. */
static int
wire_mac(const char *msg, size_t len, const char *secret_hex, char out[65])
{
	unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	size_t klen = 0;

	if (secret_hex == NULL || strlen(secret_hex) != 64 ||
	    sodium_hex2bin(key, sizeof(key), secret_hex, 64, NULL, &klen,
	    NULL) != 0 || klen != sizeof(key))
		return -1;
	crypto_auth_hmacsha256(mac, (const unsigned char *)msg, len, key);
	sodium_bin2hex(out, 65, mac, sizeof(mac));
	sodium_memzero(key, sizeof(key));
	return 0;
}

/* See bank_wire.h. */
int
bank_wire_sign(struct buf *msg, const char *secret_hex, int64_t now)
{
	char ts[24], mac[65];

	snprintf(ts, sizeof(ts), "%lld", (long long)now);
	bank_wire_add(msg, "ts", ts);
	if (wire_mac(msg->data, msg->len, secret_hex, mac) == -1)
		return -1;
	buf_puts(msg, "&sig=");
	buf_puts(msg, mac);
	return 0;
}

/* The offset of the last "&sig=" in msg, or -1. */
static long
wire_sig_at(const char *msg, size_t len)
{
	size_t i;

	for (i = len; i >= 5; i--)
		if (memcmp(msg + i - 5, "&sig=", 5) == 0)
			return (long)(i - 5);
	return -1;
}

/* See bank_wire.h. */
int
bank_wire_check(const char *msg, size_t len, const char *secret_hex,
    int64_t now, int64_t max_age)
{
	char mac[65], ts[24];
	long at;
	int64_t t;

	if (msg == NULL || (at = wire_sig_at(msg, len)) < 0 ||
	    len - (size_t)at - 5 != 64 ||
	    wire_mac(msg, (size_t)at, secret_hex, mac) == -1 ||
	    sodium_memcmp(mac, msg + at + 5, 64) != 0)
		return -1;
	if (bank_wire_get(msg, (size_t)at, "ts", ts, sizeof(ts)) != 1)
		return -1;
	t = strtoll(ts, NULL, 10);
	if (t <= 0 || t > now + max_age || t < now - max_age)
		return -2;
	return 0;
}

/* Percent-decode s (n bytes) into out. 1, or -1 when it does not fit. */
static int
wire_decode(const char *s, size_t n, char *out, size_t outsz)
{
	size_t i, o = 0;
	int h, l;

	for (i = 0; i < n; i++) {
		if (o + 1 >= outsz)
			return -1;
		if (s[i] == '+')
			out[o++] = ' ';
		else if (s[i] == '%' && i + 2 < n &&
		    (h = hex_digit((unsigned char)s[i + 1])) >= 0 &&
		    (l = hex_digit((unsigned char)s[i + 2])) >= 0) {
			out[o++] = (char)(h * 16 + l);
			i += 2;
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	return 1;
}

/* See bank_wire.h. */
int
bank_wire_get(const char *msg, size_t len, const char *name, char *out,
    size_t outsz)
{
	size_t nl = strlen(name), i = 0, end;

	if (outsz > 0)
		out[0] = '\0';
	while (i < len) {
		for (end = i; end < len && msg[end] != '&'; end++)
			;
		if (end - i > nl && memcmp(msg + i, name, nl) == 0 &&
		    msg[i + nl] == '=')
			return wire_decode(msg + i + nl + 1, end - i - nl - 1,
			    out, outsz);
		i = end + 1;
	}
	return 0;
}

/* Split "http://host:port/path" into its parts. 0 or -1. */
static int
wire_url(const char *url, char *host, size_t hostsz, char *port,
    size_t portsz, const char **path)
{
	const char *h, *c, *s;

	if (strncmp(url, "http://", 7) != 0)
		return -1;
	h = url + 7;
	s = strchr(h, '/');
	c = strchr(h, ':');
	if (s == NULL)
		s = h + strlen(h);
	if (c == NULL || c > s)
		return -1;
	if ((size_t)(c - h) >= hostsz || (size_t)(s - c - 1) >= portsz ||
	    c == h || s == c + 1)
		return -1;
	snprintf(host, hostsz, "%.*s", (int)(c - h), h);
	snprintf(port, portsz, "%.*s", (int)(s - c - 1), c + 1);
	*path = *s != '\0' ? s : "/";
	return 0;
}

/* A TCP connection to host:port with timeout_s on every read and write,
 * or -1. */
static int
wire_connect(const char *host, const char *port, int timeout_s)
{
	struct addrinfo hints, *res = NULL, *ai;
	struct timeval tv;
	int fd = -1;

	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, port, &hints, &res) != 0)
		return -1;
	tv.tv_sec = timeout_s;
	tv.tv_usec = 0;
	for (ai = res; ai != NULL && fd == -1; ai = ai->ai_next) {
		if ((fd = socket(ai->ai_family, ai->ai_socktype,
		    ai->ai_protocol)) == -1)
			continue;
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		(void)setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == -1) {
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	return fd;
}

/* Write all of p (n bytes) to fd. 0 or -1. */
static int
wire_write(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = send(fd, p, n, MSG_NOSIGNAL)) <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* See bank_wire.h. */
int
bank_wire_post(const char *url, const char *body, size_t len,
    int timeout_s, int *status, struct buf *resp)
{
	struct buf	 req, in;
	const char	*path, *hdr_end;
	char		 host[128], port[8], chunk[4096];
	ssize_t		 n;
	int		 fd, rc = -1;

	*status = 0;
	if (wire_url(url, host, sizeof(host), port, sizeof(port), &path) == -1 ||
	    (fd = wire_connect(host, port, timeout_s)) == -1)
		return -1;
	buf_init(&req);
	buf_init(&in);
	buf_printf(&req, "POST %s HTTP/1.0\r\nHost: %s:%s\r\nContent-Type: "
	    "application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n"
	    "Connection: close\r\n\r\n", path, host, port, len);
	buf_append(&req, body, len);
	if (wire_write(fd, req.data, req.len) == -1)
		goto out;
	while ((n = recv(fd, chunk, sizeof(chunk), 0)) > 0)
		buf_append(&in, chunk, (size_t)n);
	if (n < 0 || in.len < 12 || strncmp(buf_str(&in), "HTTP/1.", 7) != 0 ||
	    (hdr_end = strstr(buf_str(&in), "\r\n\r\n")) == NULL)
		goto out;
	*status = atoi(buf_str(&in) + 9);
	buf_puts(resp, hdr_end + 4);
	rc = 0;
out:
	close(fd);
	buf_cleanup(&req);
	buf_cleanup(&in);
	return rc;
}
