#ifndef MALLPAY_GATEWAY_IDENTITY_H
#define MALLPAY_GATEWAY_IDENTITY_H

/*
 * The identity service's boundary (INST-01): the mall sends the legal name,
 * date of birth, ID type and number a shopper typed, and the service
 * answers within the request: the details match its records, they do not,
 * or a person must look at the document (manual review, the admin queue).
 *
 * Implementations: one `struct identity_gateway` each, chosen by name with
 * identity_gateway_get() ("sandbox", the only one today). A real service
 * plugs in as another struct whose check() calls its API.
 *
 * THE SANDBOX ("sandbox"), decided by the LAST DIGIT of the ID number
 * (other characters ignored):
 *   0-6  match: the identity is verified;
 *   7    mismatch: "the details do not match the identity records";
 *   8    needs manual review: "the document needs a manual review";
 *   9    the service is unavailable (try again later; nothing recorded).
 * A number without any digit is a mismatch. The reference is "idv_" and
 * 20 hex characters. Stateless: no table, no clock.
 */

#include <stddef.h>
#include <stdint.h>

#define IDENTITY_REF_MAX	41

enum identity_outcome {
	IDENTITY_MATCH,
	IDENTITY_MISMATCH,
	IDENTITY_REVIEW
};

struct identity_request {
	const char	*legal_name;
	const char	*birth_date;	/* YYYY-MM-DD */
	const char	*id_type;	/* passport, national_id, driving_licence */
	const char	*id_number;
};

struct identity_answer {
	enum identity_outcome outcome;
	char		 ref[IDENTITY_REF_MAX];
	char		 reason[128];	/* mismatch, review: why, in words */
};

struct identity_gateway {
	const char	*name;
	/* Check rq at now into *ans. Returns 0, or -1 when the service is
	 * unreachable (err says; ask again later). */
	int	(*check)(const struct identity_request *rq, int64_t now,
		    struct identity_answer *ans, char *err, size_t errsz);
};

/* The implementation called name ("sandbox"), or NULL when unknown. */
const struct identity_gateway *identity_gateway_get(const char *name);

extern const struct identity_gateway identity_sandbox;

#endif
