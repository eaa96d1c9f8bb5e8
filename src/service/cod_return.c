/*
 * After-sales returns (COD-P7, PAU-05): the request, the goods back with
 * the merchant and the refund sent. See cod.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/said.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/order.h"
#include "db/payafter.h"
#include "rules/cod.h"
#include "service/admin.h"
#include "service/cod.h"
#include "service/cod_int.h"
#include "service/language.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/postings.h"

/* See cod.h. */
enum result
cod_return_request(struct db *db, int64_t user_id, int64_t id,
    const char *reason, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum result	 r;
	char		 why[300], subj[160], body[500];
	enum lang	 prev;

	if (user_id <= 0)
		return RES_NOT_FOUND;
	/* The order first: another shopper's id is 404 whatever the form. */
	if ((r = cod_lock_cod(db, user_id, id, &o, msg, msgsz)) != RES_OK)
		return r;
	if (reason == NULL || reason[0] == '\0')
		return cod_say(RES_REFUSED, msg, msgsz, "%s", _("Describe the "
		    "quality problem."));
	said_store(why, sizeof(why), SAID_COD_RETURN_REQUESTED, reason, NULL,
	    NULL);
	if ((r = cod_of_result(orderflow_transition(db, id, o.status,
	    OS_RETURN_REQUESTED, OF_USER, user_id, why, now), id, o.status, msg,
	    msgsz)) != RES_OK)
		return r;
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subj, sizeof(subj), "%s", _("Return requested"));
	snprintf(body, sizeof(body), "%s", _("We received your return "
	    "request. Send the goods back; the refund to your original "
	    "payment account is due 3-5 business days after the merchant "
	    "receives them (COD-P7)."));
	i18n_use(prev);
	if (db_cod_ensure(db, id) == -1 ||
	    db_cod_set_return_reason(db, id, reason) == -1 ||
	    cod_tell(db, &o, subj, body, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz, "%s", _("Return requested."));
}

/* The goods of order o, never charged (PAU-05), are back with the
 * merchant: returned, with no refund due, and the shopper told so. */
static enum result
return_uncharged(struct db *db, const struct db_order *o, enum of_actor actor,
    int64_t actor_id, int64_t now, char *msg, size_t msgsz)
{
	char		why[40], body[500], subj[160];
	enum result	r;
	enum lang	prev;

	said_store(why, sizeof(why), SAID_RETURNED_UNCHARGED, NULL, NULL, NULL);

	if ((r = cod_of_result(orderflow_transition(db, o->id, o->status,
	    OS_RETURNED, actor, actor_id, why, now), o->id, o->status, msg,
	    msgsz)) != RES_OK)
		return r;
	if (db_track_add(db, o->id, "returned", why, of_actor_name(actor),
	    now) == -1)
		return RES_ERROR;
	prev = i18n_use(language_of_tag(o->language));
	snprintf(subj, sizeof(subj), "%s", _("Return received"));
	snprintf(body, sizeof(body), _("The merchant received the goods of "
	    "order #%lld. You confirmed no receipt, so nothing was charged "
	    "and there is nothing to refund (PAU-05)."), (long long)o->id);
	i18n_use(prev);
	if (cod_tell(db, o, subj, body, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz,
	    A_("Order #%lld returned; it was never "
	    "charged, so no refund is due."), (long long)o->id);
}

/* The refund returned order o is owed by its own method into *amount
 * (COD-P7: the price paid at delivery; Pay After Use: the price charged):
 * 1 a refund is due, 0 none (another method, or a Pay After Use price not
 * charged), -1 error. */
static int
return_refund(struct db *db, const struct db_order *o, int64_t *amount)
{
	struct db_pau_charge	ch;
	int			rc;

	*amount = o->amount_due_minor + o->deferred_minor;
	if (o->method == PM_COD)
		return 1;
	if (o->method != PM_PAY_AFTER_USE)
		return 0;
	if ((rc = db_pau_charge_get(db, o->id, 0, &ch)) != 1)
		return rc;
	return ch.status == CH_PAID;
}

/* See cod.h. */
enum result
cod_return_received(struct db *db, int64_t id, enum of_actor actor,
    int64_t actor_id, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum result	 r;
	mp_date		*hol, today, d3, d5;
	size_t		 k;
	int64_t		 refund;
	int		 rc;
	char		 s3[11], s5[11], why[200], body[600], subj[160];
	enum lang	 prev;

	if ((r = cod_lock_order(db, 0, id, &o, msg, msgsz)) != RES_OK)
		return r;
	/* PAU-05: a Pay After Use order returned before its receipt was
	 * confirmed was never charged: nothing to refund. */
	if (o.method == PM_PAY_AFTER_USE) {
		struct db_pau_charge	ch;
		int			got = db_pau_charge_get(db, id, 0, &ch);

		if (got == -1)
			return RES_ERROR;
		if (got == 0)
			return return_uncharged(db, &o, actor, actor_id, now,
			    msg, msgsz);
	}
	if (mp_date_from_unix(now, &today) == -1 ||
	    order_holidays(db, &hol, &k) == -1)
		return RES_ERROR;
	/* C-04/COD-P7: 3-5 business days after the merchant's receipt. */
	if (mp_date_add_business_days(today, COD_REFUND_MIN_DAYS, hol, k,
	    &d3) == -1 || mp_date_add_business_days(today,
	    COD_REFUND_MAX_DAYS, hol, k, &d5) == -1) {
		free(hol);
		return RES_ERROR;
	}
	free(hol);
	mp_date_str(d3, s3, sizeof(s3));
	mp_date_str(d5, s5, sizeof(s5));
	said_store(why, sizeof(why), SAID_RETURNED_REFUND, s3, s5, NULL);
	if ((r = cod_of_result(orderflow_transition(db, id, o.status,
	    OS_RETURNED,
	    actor, actor_id, why, now), id, o.status, msg, msgsz)) != RES_OK)
		return r;
	if (db_order_set_refund_due(db, id, s5) == -1 ||
	    db_track_add(db, id, "returned", why, of_actor_name(actor),
	    now) == -1 || (rc = return_refund(db, &o, &refund)) == -1 ||
	    (rc == 1 && post_refund_due(db, &o, "return", refund, now) == -1))
		return RES_ERROR;
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subj, sizeof(subj), "%s", _("Return received: refund on its "
	    "way"));
	snprintf(body, sizeof(body), _("The merchant received the goods of "
	    "order #%lld. Your refund to the original payment account is due "
	    "between %s and %s (3-5 business days, COD-P7)."), (long long)id,
	    s3, s5);
	i18n_use(prev);
	if (cod_tell(db, &o, subj, body, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz,
	    A_("Order #%lld returned; refund due by %s."), (long long)id, s5);
}

/* See cod.h. */
enum result
cod_refund_sent(struct db *db, int64_t id, int64_t admin_id, int64_t now,
    char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum result	 r;
	char		 body[400], subj[160], st[SAID_LEN];
	int64_t		 refund;
	int		 rc;
	enum lang	 prev;

	if ((r = cod_lock_order(db, 0, id, &o, msg, msgsz)) != RES_OK)
		return r;
	/* A second admin (or a double submit) learns who sent it and when. */
	rc = admin_claim(db, "order", id, "returned", "refund_sent", admin_id,
	    now, "Order", msg, msgsz);
	if (rc != 0)
		return rc == 1 ? RES_DECIDED : RES_ERROR;
	if ((r = cod_of_result(orderflow_transition(db, id, o.status,
	    OS_REFUNDED,
	    OF_ADMIN, admin_id, said_store(st, sizeof(st),
	    SAID_COD_REFUND_SENT, NULL, NULL, NULL), now), id, o.status, msg,
	    msgsz)) != RES_OK)
		return r;
	if ((rc = return_refund(db, &o, &refund)) == -1 || (rc == 1 &&
	    post_refund_sent(db, &o, "return", refund, NULL, NULL, now) == -1))
		return RES_ERROR;
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subj, sizeof(subj), "%s", _("Refund sent"));
	snprintf(body, sizeof(body), _("The refund of order #%lld was sent to "
	    "your original payment account."), (long long)id);
	i18n_use(prev);
	if (cod_tell(db, &o, subj, body, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz,
	    A_("Order #%lld refunded."), (long long)id);
}
