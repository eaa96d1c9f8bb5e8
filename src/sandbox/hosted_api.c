/*
 * The sandbox bank's signed server-to-server API (see hosted.h): opening
 * a session of the hosted card page, and merchant-initiated deductions and
 * refunds by a stored token (never challenged).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/clock.h"
#include "db/bank.h"
#include "gateway/bank.h"
#include "gateway/bank_wire.h"
#include "sandbox/hosted.h"

/* Field name of body into out; 1 when present and non-empty. */
static int
field(const char *body, size_t len, const char *name, char *out,
    size_t outsz)
{
	return bank_wire_get(body, len, name, out, outsz) == 1 &&
	    out[0] != '\0';
}

/* POST /api/sessions. */
static int
api_session(struct db *db, const char *secret, const char *base,
    const char *body, size_t len, int64_t now, struct buf *resp)
{
	struct db_bank_session	s;
	unsigned char		rnd[12];
	char			n[32], hex[25], url[300];

	memset(&s, 0, sizeof(s));
	if (!field(body, len, "ref", s.ref, sizeof(s.ref)) ||
	    !field(body, len, "order", s.order_label, sizeof(s.order_label)) ||
	    !field(body, len, "amount", n, sizeof(n)) ||
	    (s.amount_minor = strtoll(n, NULL, 10)) <= 0 ||
	    !field(body, len, "currency", s.currency, sizeof(s.currency)) ||
	    strlen(s.currency) != 3 ||
	    !field(body, len, "return_url", s.return_url,
	    sizeof(s.return_url)) || strncmp(s.return_url, "http", 4) != 0 ||
	    !field(body, len, "notify_url", s.notify_url,
	    sizeof(s.notify_url)) || strncmp(s.notify_url, "http", 4) != 0)
		return 400;
	if (field(body, len, "months", n, sizeof(n)))
		s.months = atoi(n);
	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(s.id, sizeof(s.id), "bs_%s", hex);
	snprintf(s.status, sizeof(s.status), "open");
	s.created_at = now;
	if (db_bank_session_insert(db, &s) == -1)
		return 503;
	snprintf(url, sizeof(url), "%s/pay/%s", base, s.id);
	bank_wire_add(resp, "session", s.id);
	bank_wire_add(resp, "url", url);
	return bank_wire_sign(resp, secret, clock_wall()) == 0 ? 200 : 500;
}

/* POST /api/deduct or /api/refund: by the stored token, merchant-initiated.
 * The sandbox books the operation at the merchant's time ("at"), so that
 * a mall whose clock a test moved reconciles against the same days. */
static int
api_money(const char *secret, int refund, const char *body, size_t len,
    struct buf *resp)
{
	struct bank_result	res;
	char			token[BANK_REF_MAX], cur[4], key[80], n[32];
	int64_t			amount, at = 0;
	int			rc;

	if (!field(body, len, "token", token, sizeof(token)) ||
	    !field(body, len, "amount", n, sizeof(n)) ||
	    (amount = strtoll(n, NULL, 10)) <= 0 ||
	    !field(body, len, "currency", cur, sizeof(cur)) ||
	    !field(body, len, "key", key, sizeof(key)) ||
	    !field(body, len, "initiator", n, sizeof(n)) ||
	    strcmp(n, "merchant") != 0)
		return 400;
	if (field(body, len, "at", n, sizeof(n)))
		at = strtoll(n, NULL, 10);
	clock_set_fixed(at > 0 ? at : 0);
	rc = (refund ? bank_sandbox.refund : bank_sandbox.deduct)(token,
	    amount, cur, key, &res);
	clock_set_fixed(0);
	sodium_memzero(token, sizeof(token));
	if (rc == -1)
		return 503;
	bank_wire_add(resp, "ok", res.ok ? "1" : "0");
	bank_wire_add(resp, "reason", res.reason);
	bank_wire_add(resp, "reference", res.reference);
	return bank_wire_sign(resp, secret, clock_wall()) == 0 ? 200 : 500;
}

/* See hosted.h. */
int
hosted_api(struct db *db, const char *secret, const char *base,
    const char *path, const char *body, size_t len, int64_t now,
    struct buf *resp)
{
	if (bank_wire_check(body, len, secret, clock_wall(),
	    BANK_WIRE_MAX_AGE) != 0)
		return 403;
	if (strcmp(path, "/api/sessions") == 0)
		return api_session(db, secret, base, body, len, now, resp);
	if (strcmp(path, "/api/deduct") == 0)
		return api_money(secret, 0, body, len, resp);
	if (strcmp(path, "/api/refund") == 0)
		return api_money(secret, 1, body, len, resp);
	return 404;
}
