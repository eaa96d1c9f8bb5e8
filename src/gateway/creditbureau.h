#ifndef MALLPAY_GATEWAY_CREDITBUREAU_H
#define MALLPAY_GATEWAY_CREDITBUREAU_H

/*
 * The credit bureau's boundary (INST-02, PAU-01): with the shopper's
 * recorded consent (its version is sent along) the mall asks for the credit
 * score of a verified identity and gets it within the request.
 *
 * Implementations: one `struct bureau_gateway` each, chosen by name with
 * bureau_gateway_get() ("sandbox", the only one today).
 *
 * THE SANDBOX ("sandbox"): the score follows from the verified identity, so
 * it is the same every time it is asked:
 *   the three digits just before the last digit of the ID number (other
 *   characters ignored), when they read a number from 300 to 850: e.g.
 *   "A1234-700-0" scores 700, "P-551-1" scores 551;
 *   any other ID number (or none on record) scores 650.
 * An empty consent version is refused (no consent, no evaluation).
 * The reference is "cb_" and 20 hex characters. Stateless.
 */

#include <stddef.h>
#include <stdint.h>

#define BUREAU_REF_MAX		41
#define BUREAU_SANDBOX_DEFAULT	650

struct bureau_request {
	const char	*legal_name;
	const char	*birth_date;	/* YYYY-MM-DD, or "" */
	const char	*id_number;	/* "" when none is on record */
	const char	*consent_version;
};

struct bureau_answer {
	int		 score;
	char		 ref[BUREAU_REF_MAX];
};

struct bureau_gateway {
	const char	*name;
	/* Evaluate rq at now into *ans. Returns 0, or -1 when the bureau is
	 * unreachable or refuses (err says). */
	int	(*evaluate)(const struct bureau_request *rq, int64_t now,
		    struct bureau_answer *ans, char *err, size_t errsz);
};

/* The implementation called name ("sandbox"), or NULL when unknown. */
const struct bureau_gateway *bureau_gateway_get(const char *name);

/* The sandbox's scoring rule alone (see above), for tests and pages. */
int	bureau_sandbox_score(const char *id_number);

extern const struct bureau_gateway bureau_sandbox;

#endif
