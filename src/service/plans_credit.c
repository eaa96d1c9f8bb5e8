/*
 * Installment plans: the credit line (INST-CL) and lifting a suspension
 * (INST-F2).
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "service/audit.h"
#include "service/conn.h"
#include "service/language.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* See plans.h. */
int
plan_creditline_settle(struct db *db, const struct db_order *o, int64_t now)
{
	struct db_plan	p;
	int64_t		plan_id;
	char		why[200], a[48];
	int		rc;

	if (o->method != PM_CREDIT_LINE)
		return 0;
	/* The shopper's installments begin with the receipt (INST-CL). */
	rc = plan_create(db, o->id, 0, NULL, PLAN_ST_ACTIVE, plan_day_of(now),
	    OF_SYSTEM, 0, now, &plan_id);
	if (rc == -1)
		return -1;
	if (db_plan_by_id(db, plan_id, &p) != 1 ||
	    plan_post_start(db, &p, p.principal, p.total_fee, now) == -1 ||
	    plan_post_settlement(db, &p, o->amount_due_minor, now) == -1)
		return -1;
	rc = db_plan_ledger(db, o->id, plan_id, "lender_settlement",
	    p.institution_id, "merchant", o->amount_due_minor, o->currency,
	    now);
	if (rc == -1)
		return -1;
	if (rc == 0)
		return 0;
	snprintf(why, sizeof(why), "INST-CL lender %s paid the merchant %s "
	    "in full", p.institution_id, plan_amt(o->amount_due_minor, o->currency,
	    a, sizeof(a)));
	return audit_event(db, "plan", plan_id, OF_SYSTEM, 0, NULL, "active",
	    why, now);
}

/* ---- INST-F2: lifting a suspension -------------------------------------- */

/* See plans.h. */
enum result
plan_lift_suspension(struct db *db, int64_t admin_id, int64_t user_id,
    int64_t now)
{
	char		phone[33], subj[160], body[400];
	int		susp = 0, score, rc;
	int64_t		over;
	enum lang	prev;

	rc = db_plan_user_info(db, user_id, phone, sizeof(phone), &susp,
	    &score);
	if (rc != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (db_begin(db) == -1)
		return RES_ERROR;
	over = db_plan_user_overdue(db, user_id, plan_day_of(now));
	if (over < 0)
		goto fail;
	if (over > 0) {
		db_rollback(db);
		return RES_NOT_ALLOWED;
	}
	rc = db_plan_user_suspend(db, user_id, 0);
	if (rc == -1)
		goto fail;
	if (rc == 0) {
		db_rollback(db);
		return RES_NOT_ALLOWED;
	}
	prev = i18n_use(language_of_user(db, user_id));
	snprintf(subj, sizeof(subj), "%s", _("Installments available again"));
	snprintf(body, sizeof(body), "%s", _("Nothing of yours is overdue any "
	    "more and an administrator lifted the suspension of your "
	    "installment access (INST-F2)."));
	i18n_use(prev);
	if (audit_event(db, "user", user_id, OF_ADMIN, admin_id,
	    "installment_suspended", "installment_active",
	    "INST-F2 suspension lifted: nothing overdue", now) == -1 ||
	    db_message_insert(db, user_id, 0, subj, body, now) == -1)
		goto fail;
	return conn_finish(db, RES_OK);
fail:
	return conn_finish(db, RES_ERROR);
}
