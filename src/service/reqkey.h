#ifndef MALLPAY_SERVICE_REQKEY_H
#define MALLPAY_SERVICE_REQKEY_H

/*
 * Idempotency keys as payment APIs treat them (request_keys,
 * sql/015_plan_requests.sql): a form's key is claimed together with a
 * hash of the parameters it was sent with. The same key again with the
 * same parameters gets the first result; with other parameters it is a
 * conflict (the page answers 409 and says so). Used inside the caller's
 * transaction, after the aggregate the key belongs to is locked.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

enum reqkey_state {
	REQKEY_ERROR = -1,
	REQKEY_NEW = 0,		/* never seen: go on */
	REQKEY_SAME,		/* seen with these parameters: *result */
	REQKEY_CONFLICT,	/* seen with other parameters: refuse */
};

/* Look key of scope ("plan", "checkout") and owner_id up for the
 * parameters params (a canonical string, e.g. "pay|seq=2"). On
 * REQKEY_SAME, *result and reason (reasonsz) get the first answer. */
enum reqkey_state reqkey_check(struct db *, const char *scope,
	    int64_t owner_id, const char *key, const char *params, int *result,
	    char *reason, size_t reasonsz);

/* The hash a key keeps of params (SHA-256 hex) into out (65 bytes). A
 * key kept on its own row (an order's idempotency_key) stores this hash
 * beside it and compares it the same way. */
void	reqkey_hash(const char *params, char out[65]);

/* Claim key for params with the answer result and reason (may be NULL)
 * inside the caller's transaction. Returns 0, or -1 (also when it was
 * claimed meanwhile: the caller rolls back). */
int	reqkey_claim(struct db *, const char *scope, int64_t owner_id,
	    const char *key, const char *params, int result, const char *reason,
	    int64_t now);

#endif
