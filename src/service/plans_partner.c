/*
 * Installment plans: the finance company's installment (INST-PC): the
 * application, its status check and the partner's callback.
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/said.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "gateway/finance.h"
#include "service/audit.h"
#include "service/conn.h"
#include "service/language.h"
#include "service/partner_auth.h"
#include "service/plans.h"
#include "service/plans_int.h"

/* See plans.h. */
enum result
plan_partner_apply(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, int64_t now, char *reason, size_t reasonsz)
{
	const struct finance_gateway	*fin = finance_gateway_get("sandbox");
	struct finance_request		 req;
	struct db_order			 o;
	struct db_plan			 p;
	char				 phone[33], ref[FINANCE_REF_MAX + 1];
	char				 err[160];
	int64_t				 plan_id;
	int				 rc, susp, score = 0;

	(void)cfg;
	plan_seterr(reason, reasonsz, "");
	rc = db_order_get(db, user_id, order_id, &o);
	if (rc != 1 || user_id <= 0)
		return rc == -1 ? RES_ERROR : RES_NOT_FOUND;
	if (o.method != PM_INSTALLMENT_PARTNER ||
	    o.status != OS_AWAITING_REVIEW)
		return RES_NOT_ALLOWED;
	if (fin == NULL || db_plan_user_info(db, user_id, phone,
	    sizeof(phone), &susp, &score) != 1)
		return RES_ERROR;
	if (db_begin(db) == -1)
		return RES_ERROR;
	rc = plan_create(db, order_id, 0, NULL, PLAN_ST_REVIEW, plan_day_of(now),
	    OF_USER, user_id, now, &plan_id);
	if (rc == -1 || db_plan_by_id(db, plan_id, &p) != 1)
		goto fail;
	if (rc == 1 || p.partner_ref[0] != '\0') {
		db_rollback(db);
		return RES_DONE;
	}
	memset(&req, 0, sizeof(req));
	req.applicant_id = user_id;
	req.credit_score = score;	/* the platform's evaluation, INST-02 */
	req.amount_minor = o.amount_due_minor;
	snprintf(req.currency, sizeof(req.currency), "%s", o.currency);
	req.months = o.term;
	if (fin->submit(db, &req, now, ref, err, sizeof(err)) == -1) {
		plan_seterr(reason, reasonsz, err);
		goto fail;
	}
	if (db_plan_set_ref(db, plan_id, ref, now) == -1 ||
	    audit_event(db, "plan", plan_id, OF_USER, user_id, "review",
	    "review", "INST-PC credit evaluation authorized and submitted",
	    now) == -1)
		goto fail;
	return conn_finish(db, RES_OK);
fail:
	return conn_finish(db, RES_ERROR);
}

/* Inside the caller's transaction: apply the partner's final answer ans
 * to plan p (in review): OFFERED + order awaiting_confirmation, or
 * DECLINED + order refused, with events and a message. Returns 1
 * applied, 0 already decided (nothing written), -1 error. */
static int
partner_decide_tx(struct db *db, const struct db_plan *p,
    const struct finance_answer *ans, enum of_actor actor, int64_t actor_id,
    int64_t now)
{
	char		why[200], st[SAID_LEN], body[600], subj[160];
	int		rc;
	enum lang	prev;

	if (db_plan_lock(db, p->id, 0) != 1)
		return -1;
	rc = db_plan_set_status(db, p->id, PLAN_ST_REVIEW,
	    ans->state == FINANCE_APPROVED ? PLAN_ST_OFFERED :
	    PLAN_ST_DECLINED, now);
	if (rc != 1)
		return rc;	/* 0: decided meanwhile (callback or tick) */
	if (ans->state == FINANCE_APPROVED) {
		if (audit_event(db, "plan", p->id, actor, actor_id, "review",
		    "offered", "INST-PC approved by the partner", now) == -1 ||
		    orderflow_transition(db, p->order_id, OS_AWAITING_REVIEW,
		    OS_AWAITING_CONFIRMATION, actor, actor_id, said_store(st,
		    sizeof(st), SAID_INST_PC_APPROVED, NULL, NULL, NULL),
		    now) != RES_OK)
			return -1;
		prev = i18n_use(language_of_tag(p->user_language));
		snprintf(body, sizeof(body), _("Your installment application "
		    "for order #%lld was approved by %s. Confirm the plan and "
		    "pay the down payment to complete it."),
		    (long long)p->order_id, p->institution_name);
	} else {
		snprintf(why, sizeof(why), "INST-PC declined by the partner: "
		    "%s", ans->reason);
		if (db_plan_set_decline(db, p->id, ans->reason, now) == -1 ||
		    audit_event(db, "plan", p->id, actor, actor_id, "review",
		    "declined", why, now) == -1 ||
		    orderflow_transition(db, p->order_id, OS_AWAITING_REVIEW,
		    OS_REFUSED, actor, actor_id, said_store(st, sizeof(st),
		    SAID_INST_PC_DECLINED, ans->reason, NULL, NULL),
		    now) != RES_OK)
			return -1;
		prev = i18n_use(language_of_tag(p->user_language));
		snprintf(body, sizeof(body), _("Your installment application "
		    "for order #%lld was declined by %s: %s. You can place the "
		    "order again with another payment method."),
		    (long long)p->order_id, p->institution_name, ans->reason);
	}
	snprintf(subj, sizeof(subj), "%s", _("Installment application"));
	i18n_use(prev);
	if (db_message_insert(db, p->user_id, 0, subj, body, now) == -1)
		return -1;
	return 1;
}

/* The state word of a plan for pages and partners. */
static const char *
state_word(const struct db_plan *p)
{
	switch (p->status) {
	case PLAN_ST_REVIEW:
		return "pending";
	case PLAN_ST_DECLINED:
		return "declined";
	default:
		return "approved";
	}
}

/* See plans.h. */
enum result
plan_partner_check(struct db *db, const struct config *cfg, const char *ref,
    enum of_actor actor, int64_t actor_id, int64_t now, char *state,
    size_t statesz)
{
	const struct finance_gateway	*fin = finance_gateway_get("sandbox");
	struct finance_answer		 ans;
	struct db_plan			 p;
	int				 rc;

	(void)cfg;
	plan_seterr(state, statesz, "unknown");
	rc = db_plan_by_ref(db, ref, &p);
	if (rc != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (p.status != PLAN_ST_REVIEW) {
		plan_seterr(state, statesz, state_word(&p));
		return RES_OK;
	}
	memset(&ans, 0, sizeof(ans));
	if (fin == NULL || (rc = fin->poll(db, ref, now, &ans)) == -1)
		return RES_ERROR;
	if (rc == 1)
		return RES_NOT_FOUND;
	if (ans.state == FINANCE_PENDING) {
		plan_seterr(state, statesz, "pending");
		return RES_OK;
	}
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = partner_decide_tx(db, &p, &ans, actor, actor_id, now)) ==
	    -1) {
		db_rollback(db);
		return RES_ERROR;
	}
	if (rc == 0)
		db_rollback(db);
	else if (db_commit(db) == -1)
		return RES_ERROR;
	plan_seterr(state, statesz, ans.state == FINANCE_APPROVED ? "approved" :
	    "declined");
	return RES_OK;
}

/* See plans.h. */
int
plan_partner_callback(struct db *db, int64_t partner_id,
    const char *event_id, const char *ref, int64_t now, struct buf *out)
{
	const struct finance_gateway	*fin = finance_gateway_get("sandbox");
	struct finance_answer		 ans;
	struct db_plan			 p;
	struct buf			 orig;
	char				 json[200];
	int				 rc, st = 200;

	buf_reset(out);
	rc = db_plan_by_ref(db, ref, &p);
	if (rc == -1 || fin == NULL)
		return 500;
	if (rc == 0) {
		buf_puts(out, "{\"error\":\"unknown application reference\","
		    "\"field\":\"ref\"}");
		return 404;
	}
	buf_init(&orig);
	if (db_begin(db) == -1) {
		buf_cleanup(&orig);
		return 500;
	}
	rc = partner_event_claim(db, partner_id, event_id, now, &orig);
	if (rc == -2) {
		db_rollback(db);
		buf_cleanup(&orig);
		buf_puts(out, "{\"error\":\"malformed event id\","
		    "\"field\":\"event_id\"}");
		return 400;
	}
	if (rc == 0) {
		/* The same event again: its first answer, nothing changed. */
		db_rollback(db);
		buf_puts(out, buf_str(&orig));
		buf_cleanup(&orig);
		return 200;
	}
	buf_cleanup(&orig);
	if (rc == -1)
		goto fail;
	/* The callback only says "ask me": the answer is what poll says. */
	memset(&ans, 0, sizeof(ans));
	if ((rc = fin->poll(db, ref, now, &ans)) != 0)
		goto fail;
	if (p.status == PLAN_ST_REVIEW && ans.state != FINANCE_PENDING &&
	    partner_decide_tx(db, &p, &ans, OF_PARTNER, partner_id, now) == -1)
		goto fail;
	if (db_plan_by_id(db, p.id, &p) != 1)
		goto fail;
	snprintf(json, sizeof(json), "{\"ref\":\"%s\",\"order\":%lld,"
	    "\"state\":\"%s\"}", p.partner_ref, (long long)p.order_id,
	    state_word(&p));
	if (partner_event_done(db, partner_id, event_id, json) == -1 ||
	    db_commit(db) == -1)
		goto fail;
	buf_puts(out, json);
	return st;
fail:
	db_rollback(db);
	buf_reset(out);
	buf_puts(out, "{\"error\":\"internal error\"}");
	return 500;
}
