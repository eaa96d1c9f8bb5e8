/*
 * audit_event(): C-07 events for applications, vouchers, plans, users,
 * companies and settings (order status changes: orderflow_transition).
 */
#include <string.h>

#include "db/event.h"
#include "service/audit.h"

/* 1 if s is a subject_type of the events table. */
static int
subject_known(const char *s)
{
	static const char *const k[] = {
		"order", "application", "voucher", "plan", "user", "company",
		"setting",
	};
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; i < sizeof(k) / sizeof(k[0]); i++)
		if (strcmp(k[i], s) == 0)
			return 1;
	return 0;
}

/* See audit.h. */
int
audit_event_detail(struct db *db, const char *subject_type,
    int64_t subject_id, enum of_actor actor, int64_t actor_id,
    const char *from, const char *to, const char *reason, const char *detail,
    int64_t now)
{
	struct db_event e;

	if (!subject_known(subject_type) || of_actor_name(actor) == NULL)
		return -1;
	memset(&e, 0, sizeof(e));
	e.subject_type = subject_type;
	e.subject_id = subject_id;
	e.actor_type = of_actor_name(actor);
	e.actor_id = actor_id;
	e.at = now;
	e.from_state = from;
	e.to_state = to;
	e.reason = reason;
	e.detail = detail;
	return db_event_add(db, &e);
}

/* See audit.h. */
int
audit_event(struct db *db, const char *subject_type, int64_t subject_id,
    enum of_actor actor, int64_t actor_id, const char *from, const char *to,
    const char *reason, int64_t now)
{
	return audit_event_detail(db, subject_type, subject_id, actor,
	    actor_id, from, to, reason, NULL, now);
}
