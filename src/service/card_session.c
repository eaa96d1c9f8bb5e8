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
#include "service/cod_debt.h"
#include "service/payafter.h"
#include "service/plans.h"

/* What a session asks the bank's page for. */
struct ask {
	int64_t		 order_id;	/* 0: none */
	const char	*purpose;
	int64_t		 amount;
	const char	*currency;
	int		 months;
	char		 label[48];
	int64_t		 debt_id;	/* cod_debt: the debt it pays */
};

/* Record a card session for user_id asking a and open it at the bank.
 * RES_OK with the bank page's address in url; RES_UNAVAILABLE (msg),
 * RES_ERROR. */
static enum result
open_session(struct db *db, const struct config *cfg, int64_t user_id,
    const struct ask *a, int64_t now, char *url, size_t urlsz, char *msg,
    size_t msgsz)
{
	const struct bank_gateway	*bank = bank_gateway();
	struct bank_session_req		 req;
	struct bank_session		 bs;
	char				 ref[32], ret[300], note[300];
	int64_t				 id;

	msg[0] = '\0';
	if (bank->session_open == NULL)
		return RES_UNAVAILABLE;
	if ((id = db_card_session_insert(db, user_id, a->order_id, a->purpose,
	    a->amount, a->currency, now)) <= 0 ||
	    (a->debt_id > 0 && db_card_session_set_debt(db, id, a->debt_id) ==
	    -1))
		return RES_ERROR;
	snprintf(ref, sizeof(ref), "cs-%lld", (long long)id);
	snprintf(ret, sizeof(ret), "%s/bank/return", cfg->bank_mall_url);
	snprintf(note, sizeof(note), "%s/partner/bank/notice",
	    cfg->bank_mall_url);
	memset(&req, 0, sizeof(req));
	req.ref = ref;
	req.order_label = a->label;
	req.amount_minor = a->amount;
	req.currency = a->currency;
	req.months = a->months;
	req.return_url = ret;
	req.notify_url = note;
	if (bank->session_open(&req, &bs, msg, msgsz) == -1)
		return RES_UNAVAILABLE;
	if (db_card_session_set_bank(db, id, bs.id) == -1)
		return RES_ERROR;
	snprintf(url, urlsz, "%s", bs.url);
	return RES_OK;
}

/* See card_session.h. */
enum result
card_session_plan_start(struct db *db, const struct config *cfg,
    int64_t user_id, int64_t order_id, int64_t now, char *url, size_t urlsz,
    char *msg, size_t msgsz)
{
	struct ask	a;
	char		cur[4];

	memset(&a, 0, sizeof(a));
	switch (plan_card_terms(db, user_id, order_id, now, &a.amount, cur,
	    sizeof(cur), &a.months)) {
	case RES_OK:
		break;
	case RES_NOT_FOUND:
		return RES_NOT_FOUND;
	case RES_NOT_ALLOWED:
		return RES_NOT_ALLOWED;
	default:
		return RES_ERROR;
	}
	a.order_id = order_id;
	a.purpose = "plan_card";
	a.currency = cur;
	snprintf(a.label, sizeof(a.label), "Order #%lld", (long long)order_id);
	return open_session(db, cfg, user_id, &a, now, url, urlsz, msg, msgsz);
}

/* See card_session.h. */
enum result
card_session_pau_start(struct db *db, const struct config *cfg,
    int64_t user_id, int64_t now, char *url, size_t urlsz, char *msg,
    size_t msgsz)
{
	struct ask a;

	memset(&a, 0, sizeof(a));
	a.purpose = "pau_card";
	/* The bank verifies the card with a small review (PAU-03). */
	a.amount = PAU_VERIFY_MINOR;
	a.currency = "USD";
	a.months = 1;
	snprintf(a.label, sizeof(a.label), "Pay After Use card");
	return open_session(db, cfg, user_id, &a, now, url, urlsz, msg, msgsz);
}

/* See card_session.h. */
enum result
card_session_debt_start(struct db *db, const struct config *cfg,
    int64_t user_id, int64_t debt_id, int64_t now, char *url, size_t urlsz,
    char *msg, size_t msgsz)
{
	struct db_debt_row	d;
	struct ask		a;
	int			rc;

	if ((rc = cod_debt_get(db, user_id, debt_id, &d)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (d.settled_at != 0)
		return RES_NOT_ALLOWED;
	memset(&a, 0, sizeof(a));
	a.order_id = d.order_id;
	a.debt_id = d.id;
	a.purpose = "cod_debt";
	a.amount = d.amount_minor;
	a.currency = d.currency;
	a.months = 1;
	snprintf(a.label, sizeof(a.label), "Order #%lld: refusal charge",
	    (long long)d.order_id);
	return open_session(db, cfg, user_id, &a, now, url, urlsz, msg, msgsz);
}

/* Inside the transaction: the outcome out of the locked session s of a
 * COD refusal debt (cod_debt_record). RES_OK or RES_ERROR. */
static enum result
record_debt(struct db *db, const struct db_card_session *s,
    const struct bank_outcome *out, int notice, int64_t now,
    struct card_session_end *end)
{
	char	key[32], msg[300];

	snprintf(key, sizeof(key), "cs-%lld", (long long)s->id);
	switch (cod_debt_record(db, s->user_id, s->debt_id, out, key, now, msg,
	    sizeof(msg))) {
	case RES_OK:
	case RES_DECIDED:
		end->approved = 1;
		return db_card_session_finish(db, s->id, CS_APPROVED, "",
		    notice ? "notice" : "return", now) == 1 ? RES_OK :
		    RES_ERROR;
	case RES_REFUSED:
		return db_card_session_finish(db, s->id, CS_DECLINED, msg,
		    notice ? "notice" : "return", now) == 1 ? RES_OK :
		    RES_ERROR;
	default:
		return RES_ERROR;
	}
}

/* Inside the transaction: record outcome out of the locked session s.
 * RES_OK or RES_ERROR. */
static enum result
record(struct db *db, const struct config *cfg, const struct db_card_session *s,
    const struct bank_outcome *out, int notice, int64_t now,
    struct card_session_end *end)
{
	enum result	 r;
	enum result		 pr;
	enum card_session_status status = CS_DECLINED;
	const char		*reason = out->reason;

	if (strcmp(s->purpose, "cod_debt") == 0)
		return record_debt(db, s, out, notice, now, end);
	if (strcmp(s->purpose, "pau_card") == 0) {
		end->pau = 1;
		if ((pr = payafter_card_record(db, s->user_id, out, now)) ==
		    RES_ERROR)
			return RES_ERROR;
		r = pr == RES_OK ? RES_OK : RES_REFUSED;
	} else
		r = plan_card_record(db, cfg, s->user_id, s->order_id, out,
		    now);
	if (r == RES_ERROR || r == RES_NOT_FOUND)
		return RES_ERROR;
	if (r == RES_OK)
		status = CS_APPROVED, reason = "";
	else if (r == RES_NOT_ALLOWED)
		reason = "the order no longer takes a card";
	end->approved = r == RES_OK;
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
	end->pau = strcmp(s.purpose, "pau_card") == 0;
	end->debt_id = s.debt_id;
	if (strcmp(out.ref, ref) != 0 || out.amount_minor != s.amount_minor ||
	    strcmp(out.currency, s.currency) != 0) {
		db_rollback(db);
		return RES_INVALID;
	}
	if (s.status != CS_OPEN) {
		db_rollback(db);
		end->approved = s.status == CS_APPROVED;
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
	    s.status == CS_DECLINED)
		snprintf(out, outsz, "%s", s.reason);
	return rc;
}
