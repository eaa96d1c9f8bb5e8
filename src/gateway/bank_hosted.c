/*
 * The bank's hosted card page and server-to-server API (gateway/bank.h):
 * the mall's side. Every request and every answer is a signed message of
 * gateway/bank_wire.h under the shared secret; no card number or CVV ever
 * passes here (the bank's page takes them from the shopper's browser).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/clock.h"
#include "gateway/bank.h"
#include "gateway/bank_wire.h"
#include "gateway/calls.h"

#define HOSTED_TIMEOUT	10	/* seconds for one call to the bank */

static char	hosted_url[256];
static char	hosted_secret[65];

/* See bank.h. */
void
bank_hosted_configure(const char *url, const char *secret_hex)
{
	snprintf(hosted_url, sizeof(hosted_url), "%s", url);
	snprintf(hosted_secret, sizeof(hosted_secret), "%s", secret_hex);
}

/* Send the signed msg to the bank's path and check its signed answer into
 * resp. 0, or -1 when the bank could not be reached or its answer is not
 * genuine. */
static int
hosted_call(const char *path, struct buf *msg, struct buf *resp)
{
	char	url[320];
	int	status;

	snprintf(url, sizeof(url), "%s%s", hosted_url, path);
	if (bank_wire_sign(msg, hosted_secret, clock_wall()) == -1 ||
	    bank_wire_post(url, msg->data, msg->len, HOSTED_TIMEOUT, &status,
	    resp) == -1 || status != 200 ||
	    bank_wire_check(resp->data, resp->len, hosted_secret, clock_wall(),
	    BANK_WIRE_MAX_AGE) != 0)
		return -1;
	return 0;
}

/* See bank.h. */
static int
hosted_session_open(const struct bank_session_req *req,
    struct bank_session *out, char *err, size_t errsz)
{
	struct buf	msg, resp;
	char		n[32];
	int		rc = -1;

	memset(out, 0, sizeof(*out));
	buf_init(&msg);
	buf_init(&resp);
	bank_wire_add(&msg, "ref", req->ref);
	bank_wire_add(&msg, "order", req->order_label);
	snprintf(n, sizeof(n), "%lld", (long long)req->amount_minor);
	bank_wire_add(&msg, "amount", n);
	bank_wire_add(&msg, "currency", req->currency);
	snprintf(n, sizeof(n), "%d", req->months);
	bank_wire_add(&msg, "months", n);
	bank_wire_add(&msg, "return_url", req->return_url);
	bank_wire_add(&msg, "notify_url", req->notify_url);
	if (hosted_call("/api/sessions", &msg, &resp) == -1 ||
	    bank_wire_get(resp.data, resp.len, "session", out->id,
	    sizeof(out->id)) != 1 || bank_wire_get(resp.data, resp.len, "url",
	    out->url, sizeof(out->url)) != 1 || out->id[0] == '\0')
		seterr(err, errsz, "The bank could not be reached; nothing "
		    "was stored. Try again.");
	else
		rc = 0;
	buf_cleanup(&msg);
	buf_cleanup(&resp);
	return rc;
}

/* A deduction or a refund by token through the bank's API (path). */
static int
hosted_money(const char *path, const char *token, int64_t amount_minor,
    const char *currency, const char *idem_key, struct bank_result *res)
{
	struct buf	msg, resp;
	char		n[32];
	int		rc = -1;

	memset(res, 0, sizeof(*res));
	buf_init(&msg);
	buf_init(&resp);
	bank_wire_add(&msg, "token", token);
	snprintf(n, sizeof(n), "%lld", (long long)amount_minor);
	bank_wire_add(&msg, "amount", n);
	bank_wire_add(&msg, "currency", currency);
	bank_wire_add(&msg, "key", idem_key);
	/* A charge by the stored token: merchant-initiated, no challenge. */
	bank_wire_add(&msg, "initiator", "merchant");
	snprintf(n, sizeof(n), "%lld", (long long)clock_now());
	bank_wire_add(&msg, "at", n);
	if (hosted_call(path, &msg, &resp) == -1 ||
	    bank_wire_get(resp.data, resp.len, "ok", n, sizeof(n)) != 1) {
		snprintf(res->reason, sizeof(res->reason),
		    "the bank could not be reached");
	} else {
		res->ok = strcmp(n, "1") == 0;
		bank_wire_get(resp.data, resp.len, "reason", res->reason,
		    sizeof(res->reason));
		bank_wire_get(resp.data, resp.len, "reference", res->reference,
		    sizeof(res->reference));
		rc = 0;
	}
	sodium_memzero(msg.data, msg.len);
	buf_cleanup(&msg);
	buf_cleanup(&resp);
	return rc;
}

/* See bank.h. */
static int
hosted_deduct(const char *token, int64_t amount_minor, const char *currency,
    const char *idem_key, struct bank_result *res)
{
	return hosted_money("/api/deduct", token, amount_minor, currency,
	    idem_key, res);
}

/* See bank.h. */
static int
hosted_refund(const char *token, int64_t amount_minor, const char *currency,
    const char *idem_key, struct bank_result *res)
{
	return hosted_money("/api/refund", token, amount_minor, currency,
	    idem_key, res);
}

/* See bank.h. */
static int
hosted_outcome_check(const char *msg, size_t len, int64_t max_age,
    struct bank_outcome *out)
{
	char	v[32];
	int	rc;

	memset(out, 0, sizeof(*out));
	if ((rc = bank_wire_check(msg, len, hosted_secret, clock_wall(),
	    max_age)) != 0)
		return rc;
	if (bank_wire_get(msg, len, "session", out->session,
	    sizeof(out->session)) != 1 || out->session[0] == '\0' ||
	    bank_wire_get(msg, len, "ref", out->ref, sizeof(out->ref)) != 1 ||
	    bank_wire_get(msg, len, "result", v, sizeof(v)) != 1 ||
	    (strcmp(v, "approved") != 0 && strcmp(v, "declined") != 0) ||
	    bank_wire_get(msg, len, "currency", out->currency,
	    sizeof(out->currency)) != 1 ||
	    bank_wire_get(msg, len, "amount", v, sizeof(v)) != 1)
		return -3;
	out->amount_minor = strtoll(v, NULL, 10);
	bank_wire_get(msg, len, "result", v, sizeof(v));
	out->ok = strcmp(v, "approved") == 0;
	bank_wire_get(msg, len, "reason", out->reason, sizeof(out->reason));
	bank_wire_get(msg, len, "token", out->token, sizeof(out->token));
	bank_wire_get(msg, len, "brand", out->brand, sizeof(out->brand));
	bank_wire_get(msg, len, "last4", out->last4, sizeof(out->last4));
	if (out->ok && out->token[0] == '\0')
		return -3;
	return 0;
}

static const struct bank_gateway bank_hosted = {
	"hosted", NULL, NULL, hosted_deduct, hosted_refund,
	hosted_session_open, hosted_outcome_check
};

/* See bank.h. */
const struct bank_gateway *
bank_gateway(void)
{
	/* Keyed (gateway/calls.h): deductions and refunds move money under
	 * the caller's key; a session opened twice is two sessions, the
	 * unused one never finishing. */
	gateway_called(1);
	return hosted_url[0] != '\0' ? &bank_hosted : &bank_sandbox;
}
