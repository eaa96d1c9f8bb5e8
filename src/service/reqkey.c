/*
 * Idempotency keys with the hash of their parameters (see reqkey.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "db/plan.h"
#include "service/reqkey.h"

/* See reqkey.h. */
void
reqkey_hash(const char *params, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)params, strlen(params));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* See reqkey.h. */
enum reqkey_state
reqkey_check(struct db *db, const char *scope, int64_t owner_id,
    const char *key, const char *params, int *result, char *reason,
    size_t reasonsz)
{
	struct db_request_key	k;
	char			h[65];
	int			rc;

	rc = db_request_key_get(db, scope, owner_id, key, &k);
	if (rc == -1)
		return REQKEY_ERROR;
	if (rc == 0)
		return REQKEY_NEW;
	reqkey_hash(params, h);
	if (strcmp(h, k.params_hash) != 0)
		return REQKEY_CONFLICT;
	*result = k.result;
	if (reason != NULL && reasonsz > 0)
		snprintf(reason, reasonsz, "%s", k.reason);
	return REQKEY_SAME;
}

/* See reqkey.h. */
int
reqkey_claim(struct db *db, const char *scope, int64_t owner_id,
    const char *key, const char *params, int result, const char *reason,
    int64_t now)
{
	struct db_request_key k;

	memset(&k, 0, sizeof(k));
	reqkey_hash(params, k.params_hash);
	k.result = result;
	snprintf(k.reason, sizeof(k.reason), "%s", reason != NULL ? reason :
	    "");
	return db_request_key_put(db, scope, owner_id, key, &k, now) == 1 ?
	    0 : -1;
}
