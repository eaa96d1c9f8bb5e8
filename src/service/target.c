/*
 * The objects routes act on; see target.h.
 */
#include <stddef.h>

#include "service/company_account.h"
#include "service/members.h"
#include "service/target.h"

/* See target.h. */
enum result
target_resolve(struct db *db, const struct target_actor *a,
    enum target_kind kind, int64_t id)
{
	struct member_order	mo;
	struct db_corp_order	co;
	int			rc;

	switch (kind) {
	case TARGET_NONE:
		return RES_OK;
	case TARGET_BUYER_ORDER:
		/* A route open to admins too (receipts): any order. */
		if (a->admin) {
			rc = company_order(db, 1, 0, id, &co);
			return rc == -1 ? RES_ERROR : rc == 1 ? RES_OK :
			    RES_NOT_FOUND;
		}
		if (member_order_access(db, a->user_id, a->company_id, id,
		    &mo) == -1)
			return RES_ERROR;
		return mo.reader != 0 ? RES_OK : RES_NOT_FOUND;
	case TARGET_ADMIN_ORDER:
		if (!a->admin)
			return RES_FORBIDDEN;
		/* FALLTHROUGH */
	case TARGET_COMPANY_ORDER:
		rc = company_order(db, a->admin, a->company_id, id, &co);
		return rc == -1 ? RES_ERROR : rc == 1 ? RES_OK : RES_NOT_FOUND;
	default:
		return RES_FORBIDDEN;
	}
}
