/*
 * Installment plans: the bank's card token, encrypted at rest (INST-S1).
 */
#include <string.h>

#include <sodium.h>

#include "core/config.h"
#include "service/filestore.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* The token key from the configuration's secret (64 hex). 0 or -1. */
static int
token_key(const struct config *cfg, unsigned char key[crypto_secretbox_KEYBYTES])
{
	unsigned char	master[crypto_kdf_KEYBYTES];
	size_t		n;

	if (sodium_init() < 0 || strlen(cfg->secret_key) != 64 ||
	    sodium_hex2bin(master, sizeof(master), cfg->secret_key, 64, NULL,
	    &n, NULL) != 0 || n != sizeof(master))
		return -1;
	/* Subkey 2 of context "mpplans_": apart from the file store's. */
	crypto_kdf_derive_from_key(key, crypto_secretbox_KEYBYTES, 2,
	    "mpplans_", master);
	sodium_memzero(master, sizeof(master));
	return 0;
}

/* Seal token into out (PLAN_TOKEN_ENC_MAX), *len its size. 0 or -1. */
int
plan_token_seal(const struct config *cfg, const char *token, unsigned char *out,
    size_t *len)
{
	unsigned char	key[crypto_secretbox_KEYBYTES];
	size_t		tl = strlen(token);
	int		rc;

	if (tl == 0 || tl > BANK_REF_MAX || token_key(cfg, key) == -1)
		return -1;
	rc = filestore_box_seal(key, token, tl, out, PLAN_TOKEN_ENC_MAX, len);
	sodium_memzero(key, sizeof(key));
	return rc;
}

/* See plans.h. */
int
plan_card_token(struct db *db, const struct config *cfg, int64_t plan_id,
    char *out, size_t outsz)
{
	unsigned char	enc[PLAN_TOKEN_ENC_MAX + 1], key[crypto_secretbox_KEYBYTES];
	size_t		len;
	int		rc;

	out[0] = '\0';
	if (db_plan_token(db, plan_id, enc, sizeof(enc), &len) != 1 ||
	    len <= FILESTORE_BOX_OVERHEAD || token_key(cfg, key) == -1)
		return -1;
	rc = filestore_box_open(key, enc, len, out, outsz);
	sodium_memzero(key, sizeof(key));
	return rc;
}
