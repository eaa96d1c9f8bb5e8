#ifndef MALLPAY_CORE_DIGEST_H
#define MALLPAY_CORE_DIGEST_H

/*
 * The one SHA-256 in hex of the program: session and invitation tokens,
 * signed agreement texts, uploaded files and statement lines are kept by
 * this digest.
 */

#include <stddef.h>

/* The hex SHA-256 of len bytes at data into out (64 digits and a NUL). */
void	sha256_hex(const void *data, size_t len, char out[65]);

#endif
