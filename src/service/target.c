/*
 * The objects routes act on; see target.h.
 */
#include <stddef.h>
#include <string.h>

#include "service/members.h"
#include "service/target.h"

/* See target.h. */
int
target_is_order(enum target_kind kind)
{
	return kind == TARGET_BUYER_ORDER || kind == TARGET_COMPANY_ORDER ||
	    kind == TARGET_ADMIN_ORDER;
}

/* See target.h. */
enum result
target_resolve(struct db *db, const struct target_actor *a,
    enum target_kind kind, const struct target_order *o,
    struct target_access *acc)
{
	struct member_order	mo;

	memset(acc, 0, sizeof(*acc));
	if (kind == TARGET_NONE)
		return RES_OK;
	if (kind <= TARGET_NONE || kind >= TARGET__MAX)
		return RES_FORBIDDEN;
	if (!target_is_order(kind))
		return RES_OK;
	if (kind == TARGET_ADMIN_ORDER && !a->admin)
		return RES_FORBIDDEN;
	if (!o->found)
		return RES_NOT_FOUND;
	if (a->admin) {
		/* Any order, read as its placer. */
		acc->reader = o->user_id;
		acc->may_act = 1;
		return RES_OK;
	}
	if (kind == TARGET_COMPANY_ORDER) {
		if (a->company_id <= 0 || o->company_id != a->company_id)
			return RES_NOT_FOUND;
		acc->reader = o->user_id;
		acc->placer = o->user_id == a->user_id;
		return RES_OK;
	}
	if (member_order_of(db, a->user_id, a->company_id, o->user_id,
	    o->company_id, &mo) == -1)
		return RES_ERROR;
	if (mo.reader == 0)
		return RES_NOT_FOUND;
	acc->reader = mo.reader;
	acc->placer = mo.placer;
	acc->may_act = mo.may_act;
	return RES_OK;
}
