#ifndef MALLPAY_SERVICE_TARGET_H
#define MALLPAY_SERVICE_TARGET_H

/*
 * What a route acts on: the object its ":id" names, resolved for the
 * actor before the handler runs (as tmux commands declare their target).
 * Company members act for their company (RULES.md section 5); another
 * actor's object is "not found", never "forbidden".
 */

#include <stdint.h>

#include "core/result.h"

struct db;

enum target_kind {
	TARGET_NONE = 0,	/* no object, or the handler finds it */
	TARGET_BUYER_ORDER,	/* the signed-in buyer's order :id: their own,
				   or their company's (any order for an admin,
				   on a route admins may use) */
	TARGET_COMPANY_ORDER,	/* the company's order :id (any order for an
				   admin) */
	TARGET_ADMIN_ORDER,	/* any order :id, for an admin */
	TARGET__MAX
};

/* Who asks: the signed-in user, their company (0 for a person) and
 * whether they are an admin. */
struct target_actor {
	int64_t	user_id;
	int64_t	company_id;
	int	admin;
};

/* Resolve id (-1 when the path held no id) of kind for actor *a. Returns
 * RES_OK (the actor may reach it), RES_NOT_FOUND (none, or another's),
 * RES_FORBIDDEN (an admin's object for another, or kind out of
 * range), RES_ERROR (database). TARGET_NONE is
 * always RES_OK. Reads only. */
enum result target_resolve(struct db *, const struct target_actor *a,
	    enum target_kind kind, int64_t id);

#endif
