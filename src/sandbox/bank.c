/*
 * The bank gateway's sandbox (see gateway/bank.h for the test cards):
 * it lives with the sandboxes because it reaches rules/card.h (no file
 * of src/gateway includes a rules/ or db/ header).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/clock.h"
#include "gateway/bank.h"
#include "gateway/books.h"
#include "gateway/calls.h"
#include "rules/card.h"

/* What a test card does. */
enum sbx_card {
	SBX_APPROVE,		/* review approved, deductions succeed */
	SBX_APPROVE_FAILING,	/* review approved, every deduction fails */
	SBX_DECLINE_CREDIT,
	SBX_DECLINE_EXPIRED,
	SBX_NOT_ENROLLED
};

static const struct {
	const char	*pan;
	enum sbx_card	 what;
} sbx_cards[] = {
	{ "4111111111111111", SBX_APPROVE },
	{ "5555555555554444", SBX_APPROVE },
	{ "6200000000000005", SBX_APPROVE },
	{ "4000000000000002", SBX_DECLINE_CREDIT },
	{ "4000000000000069", SBX_DECLINE_EXPIRED },
	{ "4000000000000341", SBX_APPROVE_FAILING },
	{ "4002760000003185", SBX_APPROVE },	/* EEA (DE): 3-D Secure challenge */
	{ "4002500000003151", SBX_APPROVE },	/* EEA (FR): 3-D Secure refused */
};

/* The one-letter scenario code carried in references and tokens. */
static const char sbx_code[] = { 'a', 'f', 'c', 'e', 'n' };

/* Fill out with prefix, the scenario letter and 16 random hex chars. */
static void
sbx_random_ref(char *out, size_t outsz, const char *prefix, char code)
{
	unsigned char rnd[8];
	char hex[17];

	randombytes_buf(rnd, sizeof(rnd));
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(out, outsz, "%s%c_%s", prefix, code, hex);
}

/* The scenario letter of a "prefixX_hex" reference, or 0 if malformed. */
static char
sbx_ref_code(const char *ref, const char *prefix)
{
	size_t n = strlen(prefix), i;

	if (ref == NULL || strncmp(ref, prefix, n) != 0 ||
	    strlen(ref) != n + 2 + 16 || ref[n + 1] != '_')
		return 0;
	for (i = n + 2; ref[i] != '\0'; i++)
		if (!((ref[i] >= '0' && ref[i] <= '9') ||
		    (ref[i] >= 'a' && ref[i] <= 'f')))
			return 0;
	return memchr(sbx_code, ref[n], sizeof(sbx_code)) != NULL ?
	    ref[n] : 0;
}

/* See bank.h: the PAN lives only in this function's locals, wiped. */
static int
sbx_card_ref(const char *pan, size_t len, const char *cvv,
    struct bank_card *out, char *err, size_t errsz)
{
	struct card_info ci;
	char digits[CARD_MAX_DIGITS + 1];
	enum sbx_card what = SBX_NOT_ENROLLED;
	size_t i, n;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	n = cvv != NULL ? strlen(cvv) : 0;
	if (n < 3 || n > 4 || strspn(cvv, "0123456789") != n) {
		snprintf(err, errsz, "The security code (CVV) is the 3 or 4 "
		    "digits on the card.");
		return -1;
	}
	if (card_check(pan, len, &ci, err, errsz) == -1 ||
	    card_digits(pan, len, digits, sizeof(digits)) == -1) {
		if (err[0] == '\0')
			snprintf(err, errsz, "This card number is not valid.");
		goto out;
	}
	for (i = 0; i < sizeof(sbx_cards) / sizeof(sbx_cards[0]); i++)
		if (strcmp(digits, sbx_cards[i].pan) == 0)
			what = sbx_cards[i].what;
	snprintf(out->brand, sizeof(out->brand), "%s",
	    card_brand_str(ci.brand));
	memcpy(out->last4, ci.last4, sizeof(out->last4));
	sbx_random_ref(out->ref, sizeof(out->ref), "cref_", sbx_code[what]);
	rc = 0;
out:
	sodium_memzero(digits, sizeof(digits));
	sodium_memzero(&ci, sizeof(ci));
	return rc;
}

/* See bank.h. */
static int
sbx_review(const struct bank_card *card, int64_t amount_minor,
    const char *currency, int months, struct bank_result *res)
{
	char code = sbx_ref_code(card->ref, "cref_");

	(void)currency;
	memset(res, 0, sizeof(*res));
	if (code == 0) {
		snprintf(res->reason, sizeof(res->reason),
		    "unknown or malformed card reference");
		return 0;
	}
	if (amount_minor <= 0 || months <= 0) {
		snprintf(res->reason, sizeof(res->reason), "invalid amount");
		return 0;
	}
	switch (code) {
	case 'a':
	case 'f':
		res->ok = 1;
		sbx_random_ref(res->token, sizeof(res->token), "btok_", code);
		break;
	case 'c':
		snprintf(res->reason, sizeof(res->reason),
		    "insufficient credit");
		break;
	case 'e':
		snprintf(res->reason, sizeof(res->reason), "card expired");
		break;
	default:
		snprintf(res->reason, sizeof(res->reason),
		    "card not enrolled for installments");
		break;
	}
	return 0;
}

/* A reference derived from kind, token and idem_key: the same charge
 * always gets the same reference. */
static void
sbx_charge_ref(char *out, size_t outsz, const char *kind, const char *token,
    const char *idem_key)
{
	crypto_generichash_state st;
	unsigned char h[12];
	char hex[25];

	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	crypto_generichash_update(&st, (const unsigned char *)kind,
	    strlen(kind) + 1);
	crypto_generichash_update(&st, (const unsigned char *)token,
	    strlen(token) + 1);
	crypto_generichash_update(&st, (const unsigned char *)idem_key,
	    strlen(idem_key));
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(out, outsz, "%s_%s", kind, hex);
}

/* Common checks of deduct and refund; returns the token's scenario letter
 * or 0 with res->reason set. */
static char
sbx_charge_check(const char *token, int64_t amount_minor, const char *idem_key,
    struct bank_result *res)
{
	char code;

	memset(res, 0, sizeof(*res));
	if ((code = sbx_ref_code(token, "btok_")) == 0) {
		snprintf(res->reason, sizeof(res->reason), "unknown card token");
		return 0;
	}
	if (amount_minor <= 0) {
		snprintf(res->reason, sizeof(res->reason), "invalid amount");
		return 0;
	}
	if (idem_key == NULL || idem_key[0] == '\0' || strlen(idem_key) > 64) {
		snprintf(res->reason, sizeof(res->reason),
		    "missing idempotency key");
		return 0;
	}
	return code;
}

/* The bank keeps its own record of an approved deduction or refund (op)
 * under the caller's key before it answers ok (gateway/books.h): when it
 * cannot, it is unreachable (-1, nothing moved). Returns 0 with res ok
 * and its reference, or -1. */
static int
sbx_book(enum partner_op op, const char *kind, const char *token,
    int64_t amount_minor, const char *currency, const char *idem_key,
    struct bank_result *res)
{
	if (partner_books_record(PARTNER_BANK, idem_key, op, amount_minor,
	    currency, clock_now()) == -1) {
		snprintf(res->reason, sizeof(res->reason),
		    "the bank could not be reached");
		return -1;
	}
	res->ok = 1;
	sbx_charge_ref(res->reference, sizeof(res->reference), kind, token,
	    idem_key);
	return 0;
}

/* See bank.h. */
static int
sbx_deduct(const char *token, int64_t amount_minor, const char *currency,
    const char *idem_key, struct bank_result *res)
{
	char code;

	if ((code = sbx_charge_check(token, amount_minor, idem_key, res)) == 0)
		return 0;
	if (code == 'f') {
		snprintf(res->reason, sizeof(res->reason), "insufficient funds");
		return 0;
	}
	return sbx_book(PARTNER_CHARGE, "ded", token, amount_minor, currency,
	    idem_key, res);
}

/* See bank.h. */
static int
sbx_refund(const char *token, int64_t amount_minor, const char *currency,
    const char *idem_key, struct bank_result *res)
{
	if (sbx_charge_check(token, amount_minor, idem_key, res) == 0)
		return 0;
	return sbx_book(PARTNER_REFUND, "ref", token, amount_minor, currency,
	    idem_key, res);
}

const struct bank_gateway bank_sandbox = {
	"sandbox", sbx_card_ref, sbx_review, sbx_deduct, sbx_refund, NULL, NULL
};

/* See bank.h. */
const struct bank_gateway *
bank_gateway_get(const char *name)
{
	if (name != NULL && strcmp(name, bank_sandbox.name) == 0) {
		gateway_called(1);
		return &bank_sandbox;
	}
	return NULL;
}
