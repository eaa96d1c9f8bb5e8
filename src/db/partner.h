#ifndef MALLPAY_DB_PARTNER_H
#define MALLPAY_DB_PARTNER_H

/* Statements of the partners, partner_nonces and partner_events tables
 * (migration 004, platform). */

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct db;

struct db_partner {
	int64_t	id;
	char	name[101];
	char	kind[16];	/* bank | finance | logistics */
	int	key_version;
	int	enabled;
};

/* Read partner id into out. Returns 1 found, 0 no such partner, -1 error. */
int	db_partner_get(struct db *, int64_t id, struct db_partner *out);

/* Claim a request signature (64 hex chars) of partner_id seen at now.
 * Returns 1 claimed, 0 already seen (a replay), -1 error. */
int	db_partner_nonce_claim(struct db *, int64_t partner_id,
	    const char *sig_hex, int64_t now);

/* Delete the nonces created before `before`. Returns rows deleted or -1. */
int64_t	db_partner_nonce_purge(struct db *, int64_t before);

/* Claim partner event event_id (len bytes) inside the caller's transaction.
 * Returns 1 new (process it, then db_partner_event_result_set), 0 seen
 * before (its stored result appended to orig, may be empty), -1 error. */
int	db_partner_event_claim(struct db *, int64_t partner_id,
	    const char *event_id, size_t len, int64_t now, struct buf *orig);

/* Store the answer of a claimed event. Returns 0 or -1. */
int	db_partner_event_result_set(struct db *, int64_t partner_id,
	    const char *event_id, size_t len, const char *result);

#endif
