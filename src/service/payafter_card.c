/*
 * Pay After Use: the card a shopper binds (PAU-01), its token sealed with
 * the connection's secret key. See payafter.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/db.h"
#include "db/payafter.h"
#include "gateway/bank.h"
#include "service/audit.h"
#include "service/filestore.h"
#include "service/payafter.h"
#include "rules/card.h"
#include "service/payafter_int.h"


/* The secretbox key of the card tokens from the connection's secret key.
 * Returns 0 or -1. */
static int
token_key(struct db *db, unsigned char key[crypto_secretbox_KEYBYTES])
{
	unsigned char	master[crypto_kdf_KEYBYTES];
	char		hex[65];
	size_t		n;

	if (db_pau_secret(db, hex) == -1 ||
	    sodium_hex2bin(master, sizeof(master), hex, 64, NULL, &n,
	    NULL) != 0 || n != sizeof(master)) {
		sodium_memzero(hex, sizeof(hex));
		log_err("payafter: no [security] key to encrypt card tokens");
		return -1;
	}
	sodium_memzero(hex, sizeof(hex));
	crypto_kdf_derive_from_key(key, crypto_secretbox_KEYBYTES, 11,
	    "mppaucrd", master);
	sodium_memzero(master, sizeof(master));
	return 0;
}

/* Encrypt token into out (nonce || box); *outlen its length. 0 or -1. */
static int
token_seal(struct db *db, const char *token, unsigned char *out,
    size_t outsz, size_t *outlen)
{
	unsigned char	key[crypto_secretbox_KEYBYTES];
	int		rc;

	if (token_key(db, key) == -1)
		return -1;
	rc = filestore_box_seal(key, token, strlen(token), out, outsz, outlen);
	sodium_memzero(key, sizeof(key));
	return rc;
}

/* See payafter_int.h. */
int
payafter_token_open(struct db *db, const struct db_pau_card *card, char *out,
    size_t outsz)
{
	unsigned char	key[crypto_secretbox_KEYBYTES];
	int		rc;

	if (token_key(db, key) == -1)
		return -1;
	rc = filestore_box_open(key, card->token_enc, card->token_len, out,
	    outsz);
	sodium_memzero(key, sizeof(key));
	return rc;
}

/* See payafter.h. */
int
pau_card_expiry_ok(const char *expiry, int64_t now)
{
	return card_expiry_ok(expiry, now);
}

/* Inside the transaction: user_id's Pay After Use card is now brand
 * ending last4 with token (sealed here). 0 or -1. */
static int
card_put(struct db *db, int64_t user_id, const char *brand,
    const char *last4, const char *token, int64_t now)
{
	unsigned char	enc[255];
	size_t		enclen;
	char		reason[160];

	if (token_seal(db, token, enc, sizeof(enc), &enclen) == -1)
		return -1;
	snprintf(reason, sizeof(reason), "Pay After Use card bound: %s "
	    "ending %s", brand, last4);
	if (db_pau_card_put(db, user_id, brand, last4, enc, enclen,
	    now) == -1 ||
	    audit_event(db, "user", user_id, OF_USER, user_id, NULL, NULL,
	    reason, now) == -1)
		return -1;
	return 0;
}

/* See payafter.h. */
enum result
payafter_card_record(struct db *db, int64_t user_id,
    const struct bank_outcome *out, int64_t now)
{
	char reason[200];

	if (!out->ok) {
		snprintf(reason, sizeof(reason), "Pay After Use card declined "
		    "by the bank: %s", out->reason);
		return audit_event(db, "user", user_id, OF_USER, user_id, NULL,
		    NULL, reason, now) == -1 ? RES_ERROR : RES_REFUSED;
	}
	return card_put(db, user_id, out->brand, out->last4, out->token,
	    now) == -1 ? RES_ERROR : RES_OK;
}

/* See payafter.h. */
enum result
payafter_bind_card(struct db *db, int64_t user_id, const char *pan,
    size_t len, const char *expiry, const char *cvv, int64_t now, char *err,
    size_t errsz)
{
	const struct bank_gateway	*bank = payafter_bank();
	struct bank_card		 card;
	struct bank_result		 res;

	err[0] = '\0';
	if (bank == NULL)
		return RES_ERROR;
	if (!pau_card_expiry_ok(expiry, now)) {
		snprintf(err, errsz, "%s", _("Enter the expiry date as MM/YY; "
		    "the card must not have expired."));
		return RES_REFUSED;
	}
	if (bank->card_ref(pan, len, cvv, &card, err, errsz) == -1)
		return RES_REFUSED;
	/* The bank checks the card can be charged (a review of a small
	 * amount, as for an installment) and gives its token. */
	if (bank->review(&card, PAU_VERIFY_MINOR, "USD", 1, &res) == -1) {
		/* TRANSLATORS: %s is the bank's own words. */
		snprintf(err, errsz, _("The bank could not be reached: %s. "
		    "Try again later."), res.reason);
		return RES_REFUSED;
	}
	sodium_memzero(card.ref, sizeof(card.ref));
	if (!res.ok) {
		/* TRANSLATORS: %s is the bank's reason, in its own words. */
		snprintf(err, errsz, _("The bank declined this card: %s. Use "
		    "another card."), res.reason);
		return RES_REFUSED;
	}
	if (db_begin(db) == -1) {
		sodium_memzero(&res, sizeof(res));
		return RES_ERROR;
	}
	if (card_put(db, user_id, card.brand, card.last4, res.token,
	    now) == -1 || db_commit(db) == -1) {
		sodium_memzero(&res, sizeof(res));
		db_rollback(db);
		return RES_ERROR;
	}
	sodium_memzero(&res, sizeof(res));
	return RES_OK;
}
