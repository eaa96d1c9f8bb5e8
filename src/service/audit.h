#ifndef MALLPAY_SERVICE_AUDIT_H
#define MALLPAY_SERVICE_AUDIT_H

/*
 * The append-only audit (RULES C-07) for subjects other than orders'
 * status (applications, vouchers, plans, users, companies, settings);
 * order status changes go through orderflow_transition(), which writes
 * its own event.
 */

#include <stdint.h>

#include "service/actor.h"

struct db;

/* Append one event inside the caller's transaction: subject_type one of
 * "order", "application", "voucher", "plan", "user", "company",
 * "setting"; actor with actor_id (0: none); from/to states (NULL for
 * none); reason (NULL: ""), at now. Returns 0, or -1 (database error or
 * an unknown subject/actor: nothing written). */
int	audit_event(struct db *, const char *subject_type, int64_t subject_id,
	    enum of_actor actor, int64_t actor_id, const char *from,
	    const char *to, const char *reason, int64_t now);

/* As audit_event() with a detail text (JSON or prose; NULL none). */
int	audit_event_detail(struct db *, const char *subject_type,
	    int64_t subject_id, enum of_actor actor, int64_t actor_id,
	    const char *from, const char *to, const char *reason,
	    const char *detail, int64_t now);

#endif
