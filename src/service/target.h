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

/* The order a route acts on, as read with the session (auth_req's
 * order): found, its placer and its company (0: a person's order). */
struct target_order {
	int	found;
	int64_t	user_id;
	int64_t	company_id;
};

/* How the actor may use the resolved order: the user id to read it as
 * (its placer), whether the actor placed it, whether they may act on it
 * (members.h, struct member_order). */
struct target_access {
	int64_t	reader;
	int	placer;
	int	may_act;
};

/* Who asks: the signed-in user, their company (0 for a person) and
 * whether they are an admin. */
struct target_actor {
	int64_t	user_id;
	int64_t	company_id;
	int	admin;
};

/* Resolve the order *o (read with the session) of kind for actor *a into
 * *acc. Returns RES_OK (the actor may reach it), RES_NOT_FOUND (none, or
 * another's), RES_FORBIDDEN (an admin's object for another, or kind out
 * of range), RES_ERROR (database). TARGET_NONE is always RES_OK. Reads
 * the database only for a company member's look at another member's
 * order (their permissions). */
enum result target_resolve(struct db *, const struct target_actor *a,
	    enum target_kind kind, const struct target_order *o,
	    struct target_access *acc);

#endif
