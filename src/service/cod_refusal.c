/*
 * Refusals on inspection: COD-P4 (valid reason, no cost) and COD-F2
 * (no valid reason: debt, strike, suspension). See cod.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/said.h"
#include "core/calendar.h"
#include "core/money.h"
#include "core/i18n.h"
#include "core/words.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "rules/cod.h"
#include "service/audit.h"
#include "service/cod.h"
#include "service/cod_int.h"
#include "service/language.h"
#include "service/orderflow.h"
#include "service/postings.h"

/* COD-F2 after a counted refusal of o on today: suspend when the strikes
 * reach a multiple of the setting. Returns 0 or -1; *until set ("" when
 * not suspended by this refusal). */
static int
strike_suspension(struct db *db, const struct db_order *o, mp_date today,
    int64_t now, char until[11], int64_t *strikes)
{
	char			(*days)[11];
	mp_date			*d, end;
	struct db_cod_user	 u;
	size_t			 n, i, k = 0;
	int64_t			 per = cod_setting(db,
	    "cod_refusals_to_suspend", 3);
	int64_t			 months = cod_setting(db,
	    "cod_suspend_months", 3);
	char			 why[200], body[700], span[300], subj[160];
	int			 susp;
	enum lang		 prev;

	until[0] = '\0';
	if (db_cod_refusal_days(db, o->user_id, &days, &n) == -1)
		return -1;
	d = xcalloc(n + 1, sizeof(*d));
	for (i = 0; i < n; i++)
		if (mp_date_parse(days[i], strlen(days[i]), &d[k]) == 0)
			k++;
	free(days);
	*strikes = (int64_t)k;
	susp = cod_refusal_suspension(d, k, today, per, (int32_t)months, &end);
	free(d);
	if (!susp || per <= 0 || k % (size_t)per != 0)
		return 0;
	mp_date_str(end, until, 11);
	if (db_cod_user_get(db, o->user_id, 1, &u) != 1)
		return -1;
	if (u.suspended_until[0] != '\0' &&
	    strcmp(u.suspended_until, until) > 0)
		snprintf(until, 11, "%s", u.suspended_until);
	if (db_cod_user_set_suspended(db, o->user_id, until) == -1)
		return -1;
	snprintf(why, sizeof(why), "COD-F2: refusal %lld without a valid "
	    "reason (order #%lld); COD suspended until %s", (long long)k,
	    (long long)o->id, until);
	if (audit_event(db, "user", o->user_id, OF_SYSTEM, 0, "cod_active",
	    "cod_suspended", why, now) == -1)
		return -1;
	prev = i18n_use(language_of_tag(o->language));
	snprintf(span, sizeof(span), ngettext("You refused %lld cash on "
	    "delivery order without a valid reason.", "You refused %lld cash "
	    "on delivery orders without a valid reason.", (unsigned long)k),
	    (long long)k);
	snprintf(body, sizeof(body), ngettext("%s COD-F2: cash on delivery is "
	    "suspended for %lld month, until %s (COD is available again on "
	    "that day).", "%s COD-F2: cash on delivery is suspended for %lld "
	    "months, until %s (COD is available again on that day).",
	    (unsigned long)months), span, (long long)months, until);
	snprintf(subj, sizeof(subj), "%s", _("Cash on delivery suspended"));
	i18n_use(prev);
	return db_message_insert(db, o->user_id, 0, subj, body, now) < 0 ?
	    -1 : 0;
}

/* COD-P4: order o refused on inspection for a valid reason on day:
 * cancelled at no cost, not counted. Inside the caller's transaction. */
static enum result
refused_valid(struct db *db, const struct db_order *o,
    enum cod_refusal reason, enum of_actor actor, int64_t actor_id,
    const char *day, int64_t now, char *msg, size_t msgsz)
{
	enum result	 r;
	char		 why[300], subj[160], body[800];
	int		 rc;
	enum lang	 prev;

	said_store(why, sizeof(why), SAID_REFUSED_VALID,
	    cod_refusal_name(reason), NULL, NULL);
	if ((r = cod_of_result(orderflow_transition(db, o->id, o->status,
	    OS_CANCELLED, actor, actor_id, why, now), o->id, o->status, msg,
	    msgsz)) != RES_OK)
		return r;
	if ((rc = db_cod_refusal_add(db, o->user_id, o->id,
	    cod_refusal_name(reason), 0, day, now)) != 0)
		return rc == 1 ? cod_say(RES_NOT_ALLOWED, msg, msgsz,
		    A_("Order #%lld was "
		    "already refused."), (long long)o->id) : RES_ERROR;
	if (db_track_add(db, o->id, "refused", why, of_actor_name(actor),
	    now) == -1)
		return RES_ERROR;
	prev = i18n_use(language_of_tag(o->language));
	snprintf(subj, sizeof(subj), _("Order #%lld cancelled at no cost"),
	    (long long)o->id);
	snprintf(body, sizeof(body), _("You refused order #%lld at delivery "
	    "(%s). COD-P4: the order is cancelled at no cost to you, the "
	    "merchant bears the logistics, and it does not count against your "
	    "cash on delivery permission."), (long long)o->id,
	    words_reason(cod_refusal_name(reason)));
	i18n_use(prev);
	if (cod_tell(db, o, subj, body, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz,
	    A_("Order #%lld cancelled (COD-P4)."),
	    (long long)o->id);
}

/* See cod.h. */
enum result
cod_refused(struct db *db, int64_t id, enum cod_refusal reason,
    const struct money *shipping, enum of_actor actor, int64_t actor_id,
    int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	struct db_cod	 c;
	enum result	 r;
	mp_date		 today;
	char		 day[11], until[11], why[300], subj[160], body[900];
	char		 no[40];
	enum lang	 prev;
	char		 a[MONEY_STR_MAX], s[MONEY_STR_MAX], f[MONEY_STR_MAX];
	int64_t		 ship = 0, strikes = 0, per;
	int		 rc;

	if (cod_refusal_name(reason) == NULL)
		return cod_say(RES_REFUSED, msg, msgsz,
		    A_("reason: unknown refusal reason."));
	if (cod_today(now, day, &today) == -1)
		return RES_ERROR;
	if ((r = cod_lock_on_road(db, id, &o, &c, msg, msgsz)) != RES_OK)
		return r;
	if (!cod_refusal_counted(reason))
		return refused_valid(db, &o, reason, actor, actor_id, day, now,
		    msg, msgsz);
	/* COD-F2: round-trip shipping + the service fee, and a strike. */
	if (shipping != NULL) {
		if (strcmp(shipping->cur, o.currency) != 0 ||
		    shipping->minor < 0)
			return cod_say(RES_REFUSED, msg, msgsz,
			    A_("round_trip_shipping: "
			    "give it in the order's currency, %s."), o.currency);
		ship = shipping->minor;
	}
	said_store(why, sizeof(why), SAID_REFUSED_CHARGED, cod_amount(ship +
	    o.fee_minor, o.currency, a, sizeof(a)), cod_amount(ship,
	    o.currency, s, sizeof(s)), cod_amount(o.fee_minor, o.currency, f,
	    sizeof(f)));
	if ((r = cod_of_result(orderflow_transition(db, id, o.status, OS_REFUSED,
	    actor, actor_id, why, now), id, o.status, msg, msgsz)) != RES_OK)
		return r;
	if ((rc = db_cod_refusal_add(db, o.user_id, id, "no_valid_reason", 1,
	    day, now)) != 0)
		return rc == 1 ? cod_say(RES_NOT_ALLOWED, msg, msgsz,
		    A_("Order #%lld was "
		    "already refused."), (long long)id) : RES_ERROR;
	if (db_debt_add(db, o.user_id, id, "cod_refusal", ship + o.fee_minor,
	    o.currency, why, now) == -1 ||
	    post_refusal_charge(db, &o, ship + o.fee_minor, now) == -1 ||
	    db_cod_user_violation_inc(db, o.user_id) == -1 ||
	    db_track_add(db, id, "refused", said_store(no, sizeof(no),
	    SAID_REFUSED, NULL, NULL, NULL), of_actor_name(actor),
	    now) == -1 ||
	    strike_suspension(db, &o, today, now, until, &strikes) == -1)
		return RES_ERROR;
	per = cod_setting(db, "cod_refusals_to_suspend", 3);
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subj, sizeof(subj), _("Order #%lld refused: %s charged"),
	    (long long)id, a);
	snprintf(body, sizeof(body), ngettext("You refused order #%lld "
	    "without a valid reason. COD-F2: %s (round-trip shipping %s and "
	    "the service fee %s) is charged to your account, and the refusal "
	    "is recorded (refusals so far: %lld; every %lld refusal suspends "
	    "cash on delivery for 3 months).", "You refused order #%lld "
	    "without a valid reason. COD-F2: %s (round-trip shipping %s and "
	    "the service fee %s) is charged to your account, and the refusal "
	    "is recorded (refusals so far: %lld; every %lld refusals suspend "
	    "cash on delivery for 3 months).", (unsigned long)per),
	    (long long)id, a, s, f, (long long)strikes, (long long)per);
	i18n_use(prev);
	if (cod_tell(db, &o, subj, body, now) == -1)
		return RES_ERROR;
	if (until[0] != '\0')
		return cod_say(RES_OK, msg, msgsz, A_("Order #%lld refused "
		    "(COD-F2), strike %lld: COD suspended until %s."),
		    (long long)id, (long long)strikes, until);
	return cod_say(RES_OK, msg, msgsz, A_("Order #%lld refused (COD-F2), "
	    "strike %lld."), (long long)id, (long long)strikes);
}
