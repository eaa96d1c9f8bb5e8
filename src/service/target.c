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
		return R_OK;
	case TARGET_BUYER_ORDER:
		if (member_order_access(db, a->user_id, a->company_id, id,
		    &mo) == -1)
			return R_ERROR;
		return mo.reader != 0 ? R_OK : R_NOT_FOUND;
	case TARGET_COMPANY_ORDER:
		rc = company_order(db, a->admin, a->company_id, id, &co);
		return rc == -1 ? R_ERROR : rc == 1 ? R_OK : R_NOT_FOUND;
	default:
		return R_FORBIDDEN;
	}
}
