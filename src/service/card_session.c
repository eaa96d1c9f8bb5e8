/*
 * Cards bound at the bank's hosted card page (see card_session.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "db/card_session.h"
#include "db/db.h"
#include "db/order.h"
#include "gateway/bank.h"
#include "gateway/bank_wire.h"
#include "service/card_session.h"
#include "service/plans.h"

/* See card_session.h. */
enum result
card_session_plan_start(struct db *db, const struct config *cfg,
    int64_t user_id, int64_t order_id, int64_t now, char *url, size_t urlsz,
    char *msg, size_t msgsz)
{
	const struct bank_gateway	*bank = bank_gateway();
	struct bank_session_req		 req;
	struct bank_session		 bs;
	char				 cur[4], ref[32], label[48];
	char				 ret[300], note[300];
	int64_t				 amount, id;
	int				 months;

	msg[0] = '\0';
	switch (plan_card_terms(db, user_id, order_id, now, &amount, cur,
	    sizeof(cur), &months)) {
	case PLAN_OK:
		break;
	case PLAN_NOT_FOUND:
		return RES_NOT_FOUND;
	case PLAN_NOT_ALLOWED:
		return RES_NOT_ALLOWED;
	default:
		return RES_ERROR;
	}
	if (bank->session_open == NULL)
		return RES_UNAVAILABLE;
	if ((id = db_card_session_insert(db, user_id, order_id, "plan_card",
	    amount, cur, now)) <= 0)
		return RES_ERROR;
	snprintf(ref, sizeof(ref), "cs-%lld", (long long)id);
	snprintf(label, sizeof(label), "Order #%lld", (long long)order_id);
	snprintf(ret, sizeof(ret), "%s/bank/return", cfg->bank_mall_url);
	snprintf(note, sizeof(note), "%s/partner/bank/notice",
	    cfg->bank_mall_url);
	memset(&req, 0, sizeof(req));
	req.ref = ref;
	req.order_label = label;
	req.amount_minor = amount;
	req.currency = cur;
	req.months = months;
	req.return_url = ret;
	req.notify_url = note;
	if (bank->session_open(&req, &bs, msg, msgsz) == -1)
		return RES_UNAVAILABLE;
	if (db_card_session_set_bank(db, id, bs.id) == -1)
		return RES_ERROR;
	snprintf(url, urlsz, "%s", bs.url);
	return RES_OK;
}

/* Inside the transaction: record outcome out of the locked session s.
 * RES_OK or RES_ERROR. */
static enum result
record(struct db *db, const struct config *cfg, const struct db_card_session *s,
    const struct bank_outcome *out, int notice, int64_t now,
    struct card_session_end *end)
{
	enum plan_result	 r;
	const char		*status = "declined", *reason = out->reason;

	r = plan_card_record(db, cfg, s->user_id, s->order_id, out, now);
	if (r == PLAN_ERROR || r == PLAN_NOT_FOUND)
		return RES_ERROR;
	if (r == PLAN_OK)
		status = "approved", reason = "";
	else if (r == PLAN_NOT_ALLOWED)
		reason = "the order no longer takes a card";
	end->approved = r == PLAN_OK;
	return db_card_session_finish(db, s->id, status, reason,
	    notice ? "notice" : "return", now) == 1 ? RES_OK : RES_ERROR;
}

/* 1 when the order of session s awaits the plan's confirmation. */
static int
awaits_confirmation(struct db *db, const struct db_card_session *s)
{
	struct db_order o;

	return db_order_get(db, s->user_id, s->order_id, &o) == 1 &&
	    o.status == OS_AWAITING_CONFIRMATION;
}

/* See card_session.h. */
enum result
card_session_outcome(struct db *db, const struct config *cfg, int notice,
    const char *raw, size_t len, int64_t now, struct card_session_end *end)
{
	const struct bank_gateway	*bank = bank_gateway();
	struct bank_outcome		 out;
	struct db_card_session		 s;
	enum result			 res;
	char				 ref[32];
	int				 rc;

	memset(end, 0, sizeof(*end));
	if (bank->outcome_check == NULL)
		return RES_ERROR;
	rc = bank->outcome_check(raw, len, notice ? BANK_WIRE_MAX_AGE :
	    BANK_WIRE_RETURN_AGE, &out);
	if (rc == -1 || rc == -2)
		return RES_FORBIDDEN;
	if (rc != 0)
		return RES_INVALID;
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_card_session_lock(db, out.session, &s)) != 1) {
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	snprintf(ref, sizeof(ref), "cs-%lld", (long long)s.id);
	end->order_id = s.order_id;
	end->session_id = s.id;
	if (strcmp(out.ref, ref) != 0 || out.amount_minor != s.amount_minor ||
	    strcmp(out.currency, s.currency) != 0) {
		db_rollback(db);
		return RES_INVALID;
	}
	if (strcmp(s.status, "open") != 0) {
		db_rollback(db);
		end->approved = strcmp(s.status, "approved") == 0;
		end->to_confirm = awaits_confirmation(db, &s);
		return RES_DONE;
	}
	res = record(db, cfg, &s, &out, notice, now, end);
	sodium_memzero(&out, sizeof(out));
	end->to_confirm = awaits_confirmation(db, &s);
	if (res != RES_OK || db_commit(db) == -1) {
		db_rollback(db);
		return RES_ERROR;
	}
	return RES_OK;
}

/* See card_session.h. */
int
card_session_declined(struct db *db, int64_t user_id, int64_t id, char *out,
    size_t outsz)
{
	struct db_card_session	s;
	int			rc;

	out[0] = '\0';
	if ((rc = db_card_session_get(db, user_id, id, &s)) == 1 &&
	    strcmp(s.status, "declined") == 0)
		snprintf(out, outsz, "%s", s.reason);
	return rc;
}
