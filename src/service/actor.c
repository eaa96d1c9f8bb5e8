/*
 * The actors of events; see actor.h.
 */
#include <stddef.h>

#include "service/actor.h"

/* See actor.h. */
const char *
of_actor_name(enum of_actor a)
{
	static const char *const n[OF__MAX] = {
		"user", "admin", "system", "partner"
	};

	if ((int)a < 0 || a >= OF__MAX)
		return NULL;
	return n[a];
}
