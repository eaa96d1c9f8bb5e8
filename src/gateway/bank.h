#ifndef MALLPAY_GATEWAY_BANK_H
#define MALLPAY_GATEWAY_BANK_H

/*
 * The issuing bank's boundary for credit card installments (INST-CC,
 * INST-P3, INST-C1/C2) and Pay After Use charges (PAU-03, PAU-04).
 *
 * The mall never stores or logs the card number or CVV (INST-CC, PCI DSS):
 * the number is turned into a one-time card reference by the bank's hosted
 * card field (bank_gateway.card_ref); from then on the mall holds only the
 * brand, the last four digits and, after an approved review, the bank's
 * token, which is all deductions and refunds take.
 *
 * Implementations: one `struct bank_gateway` each. bank_gateway() is the
 * one the process installed: "hosted" (gateway/bank_hosted.c: the bank's
 * hosted card page and server-to-server API, the sandbox bank being its own
 * process, bankd) once bank_hosted_configure() ran (mallpayd and mallpayctl
 * do at start), else the in-process "sandbox" below. A real bank plugs in
 * as another struct bank_gateway whose functions call its API (libcurl,
 * HTTPS, its own credentials): session_open creates its hosted payment
 * page or hosted-fields session, outcome_check verifies its signed
 * redirect and webhook, deduct/refund charge its stored-credential token;
 * callers do not change.
 *
 * THE HOSTED CARD PAGE: the mall never receives a card number or CVV
 * (PCI DSS SAQ A). session_open asks the bank (signed, server to server)
 * for a session with the amount, the mall's order number and the mall's
 * return and notification URLs; the shopper is redirected to the bank's
 * page, types the card there and passes 3-D Secure when the bank asks; the
 * bank then sends the signed outcome (token, brand, last four, approved or
 * declined with a reason) both to the return URL, through the shopper's
 * browser, and to the notification URL, server to server.
 * card_ref and review are the bank's own side of that page (bankd calls
 * them); the hosted struct has none.
 *
 * THE SANDBOX ("sandbox"): deterministic, no network; what it must
 * remember travels in the reference and the token. Like a real bank it
 * keeps its own books (gateway/books.h, partner PARTNER_BANK): every
 * approved deduction (a "charge") and refund under the caller's
 * idempotency key, recorded once per key, in the store the process
 * installed; when the store fails, deduct and refund answer -1
 * (unreachable) and nothing moved.
 * Test cards (any future expiry, any 3-digit CVV):
 *   4111111111111111  Visa        review approved; deductions succeed
 *   5555555555554444  Mastercard  review approved; deductions succeed
 *   6200000000000005  UnionPay    review approved; deductions succeed
 *   4000000000000002  Visa        review declined "insufficient credit"
 *   4000000000000069  Visa        review declined "card expired"
 *   4000000000000341  Visa        review approved; EVERY deduction fails
 *                                 "insufficient funds" (refunds succeed)
 * Any other number that passes Luhn with a known brand: review declined
 * "card not enrolled for installments". A number failing Luhn or of an
 * unknown brand: card_ref refuses it (rules/card.h card_check message).
 * Deductions and refunds of amount <= 0 are refused "invalid amount".
 * References of deductions and refunds are derived from the token and the
 * caller's idempotency key: the same key gives the same reference, as a
 * real bank's idempotent API would (retrying a deduction charges once).
 */

#include <stddef.h>
#include <stdint.h>

#define BANK_REF_MAX	64	/* one-time card references, tokens, charge refs */
#define BANK_REASON_MAX	128

/* The answer to a card review, a deduction or a refund. */
struct bank_result {
	int	ok;			/* 1 approved / succeeded, 0 declined / failed */
	char	reason[BANK_REASON_MAX];	/* why not, for the shopper ("" when ok) */
	char	token[BANK_REF_MAX];	/* review: the bank's card token */
	char	reference[BANK_REF_MAX];	/* deduction/refund: the bank's reference */
};

/* What the card form yields: never the number itself. */
struct bank_card {
	char	brand[16];		/* "visa", "mastercard", "unionpay" (card_brand_str) */
	char	last4[5];
	char	ref[BANK_REF_MAX];	/* one-time card reference */
};

/* What the mall asks the bank's hosted card page for. */
struct bank_session_req {
	const char	*ref;		/* the mall's id of the session ("cs-12") */
	const char	*order_label;	/* shown on the bank's page: "Order #12" */
	int64_t		 amount_minor;	/* reviewed for (INST-CC), shown */
	const char	*currency;
	int		 months;	/* the installment term reviewed for */
	const char	*return_url;	/* the shopper's way back */
	const char	*notify_url;	/* the bank's server-to-server notice */
};

/* The session the bank opened: where to send the shopper. */
struct bank_session {
	char	id[BANK_REF_MAX];
	char	url[512];
};

/* A signed outcome of a session, as the return URL or the notice carry it. */
struct bank_outcome {
	char	session[BANK_REF_MAX];	/* the bank's session id */
	char	ref[BANK_REF_MAX];	/* the mall's id of the session */
	int	ok;			/* 1 approved, 0 declined */
	char	reason[BANK_REASON_MAX];	/* why not, in words */
	char	token[BANK_REF_MAX];	/* approved: the card's token */
	char	brand[16];
	char	last4[5];
	int64_t	amount_minor;
	char	currency[4];
};

struct bank_gateway {
	const char	*name;
	/* The bank's hosted card field: pan (len bytes, spaces
	 * allowed) and cvv are read, checked and forgotten; out gets brand,
	 * last4 and a one-time reference. Returns 0, or -1 with a message
	 * for the shopper in err (bad number, bad CVV). */
	int	(*card_ref)(const char *pan, size_t len, const char *cvv,
		    struct bank_card *out, char *err, size_t errsz);
	/* Real-time installment review (INST-CC) of the card for amount_minor
	 * in currency over months. Returns 0 with *res filled (approved with
	 * a token, or declined with a reason), -1 when the bank could not be
	 * reached (res->reason says so; retry later). */
	int	(*review)(const struct bank_card *card, int64_t amount_minor,
		    const char *currency, int months, struct bank_result *res);
	/* Deduct amount_minor by token (an installment, INST-P3, or a Pay
	 * After Use charge, PAU-03); idem_key (<= 64 chars) identifies the
	 * charge: repeating it never charges twice. Returns 0 with *res
	 * (ok, or failed with a reason), -1 when unreachable. */
	int	(*deduct)(const char *token, int64_t amount_minor,
		    const char *currency, const char *idem_key,
		    struct bank_result *res);
	/* Refund amount_minor to the card of token (INST-C1/C2), as deduct. */
	int	(*refund)(const char *token, int64_t amount_minor,
		    const char *currency, const char *idem_key,
		    struct bank_result *res);
	/* Open a session at the bank's hosted card page (signed, server to
	 * server). 0 with *out, or -1 when the bank could not be reached or
	 * refused it (err says so). */
	int	(*session_open)(const struct bank_session_req *req,
		    struct bank_session *out, char *err, size_t errsz);
	/* Check a signed outcome (the return URL's query string or the
	 * notice's body, len bytes) sent at most max_age seconds ago. 0 with
	 * *out, -1 bad or missing signature, -2 stale, -3 malformed. */
	int	(*outcome_check)(const char *msg, size_t len, int64_t max_age,
		    struct bank_outcome *out);
};

/* The implementation this process uses (see above). */
const struct bank_gateway *bank_gateway(void);
/* Install the hosted gateway: the bank at url ("http://host:port") with
 * the shared secret (64 hex). Called once at start, before any thread. */
void	bank_hosted_configure(const char *url, const char *secret_hex);

/* The implementation called name ("sandbox"), or NULL when unknown. */
const struct bank_gateway *bank_gateway_get(const char *name);

/* The sandbox implementation (what bank_gateway_get("sandbox") returns). */
extern const struct bank_gateway bank_sandbox;

#endif
