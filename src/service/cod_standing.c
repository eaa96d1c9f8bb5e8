/*
 * A shopper's cash on delivery standing: COD-F3 revocation, the standing
 * page's figures (COD-07, COD-08) and the tick's COD-P5 cancellations and
 * COD-F2 suspension ends. See cod.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/said.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "rules/cod.h"
#include "service/audit.h"
#include "service/cod.h"
#include "service/cod_int.h"
#include "service/facts.h"
#include "service/language.h"
#include "service/orderflow.h"

/* See cod.h. */
enum result
cod_set_revoked(struct db *db, int64_t user_id, int revoke, int64_t admin_id,
    const char *reason, int64_t now, char *msg, size_t msgsz)
{
	struct db_cod_user	 u;
	char			 why[300], body[600], subj[160];
	int			 rc;
	enum lang		 prev;

	if (revoke && (reason == NULL || reason[0] == '\0'))
		return cod_say(RES_REFUSED, msg, msgsz,
		    A_("Give the finding (malicious "
		    "refusals or false orders) that revokes COD."));
	if ((rc = db_cod_user_get(db, user_id, 1, &u)) != 1)
		return rc == 0 ? cod_say(RES_NOT_FOUND, msg, msgsz,
		    A_("No such "
		    "shopper.")) : RES_ERROR;
	if (u.revoked == (revoke ? 1 : 0))
		return cod_say(RES_NOT_ALLOWED, msg, msgsz, revoke ?
		    A_("Cash on delivery is already revoked for %s.") :
		    A_("Cash on delivery is already allowed for %s."),
		    u.email);
	snprintf(why, sizeof(why), "%s%s%s", revoke ? "COD-F3 COD revoked "
	    "permanently: " : "COD-F3 revocation lifted (reinstated)",
	    reason != NULL && reason[0] != '\0' && !revoke ? ": " : "",
	    reason != NULL ? reason : "");
	if (db_cod_user_set_revoked(db, user_id, revoke) == -1 ||
	    audit_event(db, "user", user_id, OF_ADMIN, admin_id,
	    revoke ? "cod_allowed" : "cod_revoked",
	    revoke ? "cod_revoked" : "cod_allowed", why, now) == -1)
		return RES_ERROR;
	/* In the shopper's language (from the row just read). */
	prev = i18n_use(language_of_tag(u.language));
	if (revoke)
		snprintf(body, sizeof(body), _("Cash on delivery is no longer "
		    "available to you (COD-F3: %s)."), reason);
	else
		snprintf(body, sizeof(body), "%s", _("Cash on delivery is "
		    "available to you again."));
	snprintf(subj, sizeof(subj), "%s", revoke ? _("Cash on delivery "
	    "revoked") : _("Cash on delivery reinstated"));
	i18n_use(prev);
	if (db_message_insert(db, user_id, 0, subj, body, now) < 0)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz, revoke ?
	    A_("COD revoked for %s.") : A_("COD reinstated for %s."),
	    u.email);
}

/* See cod.h. */
void
cod_standing_cleanup(struct cod_standing *s)
{
	if (s == NULL)
		return;
	free(s->refusals);
	free(s->debts);
	memset(s, 0, sizeof(*s));
}

/* See cod.h. */
int
cod_standing_load(struct db *db, int64_t user_id, int64_t now,
    struct cod_standing *s)
{
	struct checkout_input	 in;
	struct facts_live	 l;
	mp_date			 until;
	char			 err[200];
	size_t			 i;
	int			 rc;

	memset(s, 0, sizeof(*s));
	memset(&in, 0, sizeof(in));
	/* The live facts (settings and COD history) of an empty checkout:
	 * the same figures checkout uses (COD-07, COD-08). */
	rc = facts_load(db, user_id, &in, now, &l, err, sizeof(err));
	if (rc == -1) {
		log_warn("cod standing of user %lld: %s", (long long)user_id,
		    err);
		facts_load_cleanup(&l);
		return -1;
	}
	s->limit_usd = cod_ladder_limit(&l.f);
	s->full_usd = l.f.settings.cod_full_limit_usd;
	if (l.f.buyer.cod.violations > 0)
		s->to_next = -1;
	else if (l.f.buyer.cod.completed_orders > l.f.settings.cod_ladder_orders)
		s->to_next = 0;
	else
		s->to_next = l.f.settings.cod_ladder_orders + 1 -
		    l.f.buyer.cod.completed_orders;
	if (cod_suspended(&l.f, &until) == 1) {
		s->suspended = 1;
		mp_date_str(until, s->until, sizeof(s->until));
	}
	facts_load_cleanup(&l);
	if (db_cod_user_get(db, user_id, 0, &s->user) != 1 ||
	    db_cod_refusal_list(db, user_id, &s->refusals,
	    &s->nrefusals) == -1 ||
	    db_debt_list(db, user_id, &s->debts, &s->ndebts) == -1)
		return -1;
	for (i = 0; i < s->nrefusals; i++)
		if (s->refusals[i].counted)
			s->strikes++;
	return 0;
}

/* One COD-P5 cancellation. 1 done, 0 none due, -1 error. */
static int
tick_unpaid(struct db *db, int64_t now, const char *today, struct buf *log)
{
	struct db_order	 o;
	int64_t		 id = 0;
	enum order_status status;
	char		 agreed[11], why[300], body[600], subj[160];
	int		 rc;
	enum lang	 prev;

	if (db_begin_read_committed(db) == -1)
		return -1;
	if ((rc = db_cod_take_unpaid(db, today, &id, &status, agreed)) != 1) {
		db_rollback(db);
		return rc;
	}
	said_store(why, sizeof(why), SAID_UNPAID_CANCELLED, agreed, NULL, NULL);
	if (db_order_get(db, 0, id, &o) != 1 ||
	    orderflow_transition(db, id, status, OS_CANCELLED, OF_SYSTEM, 0,
	    why, now) != RES_OK ||
	    db_track_add(db, id, "cancelled", why, "system", now) == -1)
		goto fail;
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subj, sizeof(subj), "%s", _("Order cancelled: not paid at "
	    "delivery"));
	snprintf(body, sizeof(body), _("Order #%lld was not paid by the agreed "
	    "delivery day %s and is cancelled (COD-P5). This does not affect "
	    "your cash on delivery permission (COD-P6)."), (long long)id,
	    agreed);
	i18n_use(prev);
	if (cod_tell(db, &o, subj, body, now) == -1 || db_commit(db) == -1)
		goto fail;
	buf_printf(log, "cod: order %lld cancelled (COD-P5, agreed %s)\n",
	    (long long)id, agreed);
	return 1;
fail:
	db_rollback(db);
	buf_printf(log, "cod: order %lld: cancelling failed\n", (long long)id);
	return -1;
}

/* One end of a COD-F2 suspension. 1 done, 0 none due, -1 error. */
static int
tick_suspension(struct db *db, int64_t now, const char *today,
    struct buf *log)
{
	int64_t	uid = 0;
	char	until[11], why[200], body[500], subj[160];
	int	rc;
	enum lang prev;

	if (db_begin_read_committed(db) == -1)
		return -1;
	if ((rc = db_cod_take_suspension_end(db, today, &uid, until)) != 1) {
		db_rollback(db);
		return rc;
	}
	snprintf(why, sizeof(why), "COD-F2 suspension ended on %s", until);
	prev = i18n_use(language_of_user(db, uid));
	snprintf(body, sizeof(body), _("Your cash on delivery suspension "
	    "(COD-F2) ended on %s: you may choose cash on delivery again."),
	    until);
	snprintf(subj, sizeof(subj), "%s", _("Cash on delivery available "
	    "again"));
	i18n_use(prev);
	if (db_cod_user_set_suspended(db, uid, NULL) == -1 ||
	    audit_event(db, "user", uid, OF_SYSTEM, 0, "cod_suspended",
	    "cod_active", why, now) == -1 ||
	    db_message_insert(db, uid, 0, subj, body, now) < 0 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return -1;
	}
	buf_printf(log, "cod: user %lld: COD suspension lifted (ended %s)\n",
	    (long long)uid, until);
	return 1;
}

/* See cod.h. */
int
cod_tick(struct db *db, int64_t now, struct buf *log)
{
	char	today[11];
	int	done = 0, rc = 0, i;

	if (cod_today(now, today, NULL) == -1)
		return -1;
	/* A bounded loop: each round takes one item, or stops. */
	for (i = 0; i < 100000 && (rc = tick_unpaid(db, now, today,
	    log)) == 1; i++)
		done++;
	if (rc == -1)
		return -1;
	for (i = 0; i < 100000 && (rc = tick_suspension(db, now, today,
	    log)) == 1; i++)
		done++;
	if (rc == -1)
		return -1;
	return done;
}
