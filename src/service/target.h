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
	/* The objects below are named by a well-formed :id; the use case
	 * the handler calls finds the object of this actor in its own
	 * transaction (RES_NOT_FOUND when there is none of theirs). */
	TARGET_ADDRESS,		/* an address of the user's book */
	TARGET_MESSAGE,		/* a message of the user's inbox */
	TARGET_COD_DEBT,	/* an amount the shopper owes for COD */
	TARGET_IDENTITY,	/* an identity check (the user's, or any for
				   a reviewer) */
	TARGET_MEMBER,		/* a member of the owner's company */
	TARGET_INVITATION,	/* an invitation of the owner's company */
	TARGET_DOCUMENT,	/* a company's document */
	TARGET_COMPANY,		/* a company, for an admin */
	TARGET_PLAN,		/* an installment plan, for an admin */
	TARGET_SHOPPER,		/* a shopper's COD standing, for an admin */
	TARGET_ADMIN,		/* an admin's account, for an owner */
	TARGET_FILE,		/* an uploaded file, for a reviewer */
	TARGET__MAX
};

/* 1 if kind names an order (read with the session and resolved by
 * target_resolve()), else 0. */
int	target_is_order(enum target_kind kind);

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
 * of range), RES_ERROR (database). TARGET_NONE and the kinds that are
 * not orders are always RES_OK (their use case finds the object). Reads
 * the database only for a company member's look at another member's
 * order (their permissions). */
enum result target_resolve(struct db *, const struct target_actor *a,
	    enum target_kind kind, const struct target_order *o,
	    struct target_access *acc);

#endif
