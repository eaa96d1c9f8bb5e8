#ifndef MALLPAY_SERVICE_ACTOR_H
#define MALLPAY_SERVICE_ACTOR_H

/*
 * Who changes a state: the actor of every event (events.actor_type), of
 * an order's status change (orderflow.h) and of the audit (audit.h).
 */

/* Who changes a state (events.actor_type). */
enum of_actor {
	OF_USER = 0,
	OF_ADMIN,
	OF_SYSTEM,
	OF_PARTNER,
	OF__MAX
};

/* The actor's name in events ("user", "admin", "system", "partner");
 * NULL when out of range. */
const char *of_actor_name(enum of_actor a);

#endif
