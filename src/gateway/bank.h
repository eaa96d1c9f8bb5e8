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
 * Implementations: one `struct bank_gateway` each, chosen by name with
 * bank_gateway_get() (configuration: [gateway] bank = sandbox, the only
 * one today). A real bank plugs in as another struct bank_gateway whose
 * functions call the bank's API (libcurl, HTTPS, its own credentials) and
 * map its answers onto these results; callers do not change.
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
};

/* The implementation called name ("sandbox"), or NULL when unknown. */
const struct bank_gateway *bank_gateway_get(const char *name);

/* The sandbox implementation (what bank_gateway_get("sandbox") returns). */
extern const struct bank_gateway bank_sandbox;

#endif
