#ifndef MALLPAY_GATEWAY_BANK_WIRE_H
#define MALLPAY_GATEWAY_BANK_WIRE_H

/*
 * The wire between the mall and the bank's hosted card page (both sides:
 * gateway/bank_hosted.c in the mall, bankd in the sandbox bank).
 *
 * Every message either side signs is a form-encoded string
 *
 *	name=value&name=value&...&ts=<unix seconds>&sig=<64 hex>
 *
 * where sig is the hex HMAC-SHA256, under the secret both sides share
 * ([bank] secret, 64 hex digits = 32 bytes), of every byte before "&sig=".
 * The same string is a server-to-server request's body (the mall opening a
 * session or deducting by token; the bank's notification), and the query
 * string of the return URL the bank sends the shopper's browser to. A
 * message whose ts is more than the allowed age away from the checker's
 * clock is refused, so an old message cannot be replayed after its window;
 * inside it, the receiving side's idempotency (a session finished once, a
 * deduction once per key) makes a replay change nothing.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* How far a server-to-server message's ts may be from the checker's clock. */
#define BANK_WIRE_MAX_AGE	300
/* The same for a return URL, which travels through the shopper's browser. */
#define BANK_WIRE_RETURN_AGE	3600

/* Append "&name=value" (or "name=value" to an empty buf), value
 * percent-encoded. */
void	bank_wire_add(struct buf *msg, const char *name, const char *value);
/* Append "&ts=<now>&sig=<hex>" under secret_hex (64 hex). 0, or -1 when
 * the secret is not 64 hex digits. */
int	bank_wire_sign(struct buf *msg, const char *secret_hex, int64_t now);
/* Check msg (len bytes): the signature under secret_hex and ts within
 * max_age seconds of now. Returns 0 when genuine, -1 when the signature is
 * missing or wrong, -2 when it is genuine but stale. */
int	bank_wire_check(const char *msg, size_t len, const char *secret_hex,
	    int64_t now, int64_t max_age);
/* The percent-decoded value of name in msg (len bytes) into out (outsz,
 * NUL-terminated). 1 found, 0 absent, -1 too long for out. */
int	bank_wire_get(const char *msg, size_t len, const char *name, char *out,
	    size_t outsz);
/* POST body (len bytes, application/x-www-form-urlencoded) to url
 * ("http://host:port/path"; plain HTTP, the sandbox on this machine; a
 * real provider's struct uses libcurl and TLS) within timeout_s seconds.
 * *status gets the HTTP status, resp the response body. 0, or -1 when
 * unreachable (nothing was answered). */
int	bank_wire_post(const char *url, const char *body, size_t len,
	    int timeout_s, int *status, struct buf *resp);

#endif
