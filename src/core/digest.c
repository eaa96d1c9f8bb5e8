/*
 * SHA-256 in hex (core/digest.h), through libsodium.
 */
#include <sodium.h>

#include "core/digest.h"

/* See digest.h. */
void
sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, 65, h, sizeof(h));
}
