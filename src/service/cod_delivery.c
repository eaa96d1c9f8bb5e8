/*
 * A cash on delivery order from the review to its payment: COD-P1 review,
 * the agreed delivery day (COD-P2, COD-P5), the courier's payment report
 * and the shopper's "Paid" (COD-P3). See cod.h and the decisions in cod.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/said.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/words.h"
#include "core/i18n.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/order.h"
#include "rules/cod.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/cod.h"
#include "service/cod_int.h"
#include "service/language.h"
#include "service/orderflow.h"
#include "service/postings.h"

/* See cod.h. */
enum result
cod_review(struct db *db, int64_t id, enum order_status from, int approve,
    int64_t admin_id, const char *reason, int64_t now, char *msg,
    size_t msgsz)
{
	struct db_order	 o;
	enum result	 r;
	char		 why[300];
	char		 subj[160], body[700];
	int		 rc;
	enum lang	 prev;

	if (!approve && (reason == NULL || reason[0] == '\0'))
		return cod_say(RES_REFUSED, msg, msgsz,
		    A_("Give the reason for "
		    "rejecting the order; the shopper reads it."));
	if ((r = cod_lock_cod(db, 0, id, &o, msg, msgsz)) != RES_OK)
		return r;
	/* "already decided by X at T": the claim is a unique insert. */
	rc = from >= OS__MAX ? 0 : admin_claim(db, "order", id,
	    order_status_name(from), approve ? "approve" : "reject", admin_id,
	    now, "Order", msg, msgsz);
	if (rc == -1)
		return RES_ERROR;
	if (rc == 1)
		return RES_DECIDED;
	if (from != OS_AWAITING_REVIEW || o.status != OS_AWAITING_REVIEW) {
		words_status(order_status_name(o.status), why, sizeof(why));
		return cod_say(RES_NOT_ALLOWED, msg, msgsz, A_("Order #%lld is "
		    "not awaiting review any more (it is %s)."), (long long)id,
		    why);
	}
	said_store(why, sizeof(why), !approve ? SAID_COD_REVIEW_REJECTED :
	    reason != NULL && reason[0] != '\0' ? SAID_COD_REVIEW_NOTE :
	    SAID_COD_REVIEW_PASSED, reason, NULL, NULL);
	if ((r = cod_of_result(orderflow_transition(db, id,
	    OS_AWAITING_REVIEW, approve ? OS_PENDING_SHIPMENT : OS_REFUSED,
	    OF_ADMIN, admin_id, why, now), id, OS_AWAITING_REVIEW, msg,
	    msgsz)) != RES_OK)
		return r;
	if (approve && db_cod_ensure(db, id) == -1)
		return RES_ERROR;
	/* In the shopper's language, then the thread's again. */
	prev = i18n_use(language_of_tag(o.language));
	if (approve) {
		snprintf(subj, sizeof(subj), _("Order #%lld accepted for cash "
		    "on delivery"), (long long)id);
		snprintf(body, sizeof(body), _("The mall reviewed order #%lld "
		    "(COD-P1): it ships to you and you pay the courier at "
		    "delivery. Status: Pending shipment."), (long long)id);
	} else {
		snprintf(subj, sizeof(subj), _("Order #%lld not accepted for "
		    "cash on delivery"), (long long)id);
		snprintf(body, sizeof(body), _("The mall reviewed order #%lld "
		    "(COD-P1) and cannot deliver it cash on delivery: %s. "
		    "Nothing was charged."), (long long)id, reason);
	}
	i18n_use(prev);
	if (cod_tell(db, &o, subj, body, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz, approve ?
	    A_("Order #%lld approved: pending shipment.") :
	    A_("Order #%lld rejected."), (long long)id);
}

/* See cod.h. */
enum result
cod_schedule(struct db *db, int64_t id, const char *day, int reschedule,
    enum of_actor actor, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	struct db_cod	 c;
	enum result	 r;
	mp_date		 d, today;
	char		 tday[11], detail[200], subj[160], body[600];
	char		 nth[16], most[16];
	enum lang	 prev;

	if (day == NULL || mp_date_parse(day, strlen(day), &d) == -1)
		return cod_say(RES_REFUSED, msg, msgsz,
		    A_("date: give the delivery day as YYYY-MM-DD."));
	if (cod_today(now, tday, &today) == -1)
		return RES_ERROR;
	if (d < today)
		return cod_say(RES_REFUSED, msg, msgsz,
		    A_("date: %s is in the past."),
		    day);
	if ((r = cod_lock_on_road(db, id, &o, &c, msg, msgsz)) != RES_OK)
		return r;
	if (o.status == OS_DELIVERED)
		return cod_say(RES_NOT_ALLOWED, msg, msgsz,
		    A_("date: order #%lld was "
		    "delivered already; its delivery date cannot change any "
		    "more."), (long long)id);
	if (strcmp(c.agreed_date, day) == 0)
		return cod_say(RES_OK, msg, msgsz,
		    A_("delivery of order #%lld stays "
		    "agreed for %s"), (long long)id, day);
	/* COD-P5: every change of an agreed day is a rescheduling, whatever
	 * event carries it; the first day agreed is not. */
	reschedule = c.agreed_date[0] != '\0';
	if (reschedule && c.reschedules >= COD_MAX_RESCHEDULES)
		/* COD-P5: at most 2 extensions of the delivery. */
		return cod_say(RES_REFUSED, msg, msgsz,
		    A_("COD-P5: the delivery of "
		    "order #%lld was already rescheduled %d times; a further "
		    "rescheduling is refused. Unpaid after %s, the order is "
		    "cancelled."), (long long)id, c.reschedules,
		    c.agreed_date[0] != '\0' ? c.agreed_date : "the agreed day");
	if (db_cod_set_agreed(db, id, day, reschedule) == -1)
		return RES_ERROR;
	snprintf(nth, sizeof(nth), "%d", c.reschedules + 1);
	snprintf(most, sizeof(most), "%d", COD_MAX_RESCHEDULES);
	if (reschedule)
		said_store(detail, sizeof(detail), SAID_RESCHEDULED, day,
		    nth, most);
	else
		said_store(detail, sizeof(detail), SAID_AGREED, day, NULL,
		    NULL);
	if (db_track_add(db, id, reschedule ? "rescheduled" :
	    "delivery_scheduled", detail, of_actor_name(actor), now) == -1 ||
	    audit_event(db, "order", id, actor, 0, NULL, NULL, detail,
	    now) == -1)
		return RES_ERROR;
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subj, sizeof(subj), _("Delivery of order #%lld: %s"),
	    (long long)id, day);
	if (reschedule)
		snprintf(body, sizeof(body), _("Order #%lld: delivery "
		    "rescheduled to %s (COD-P5: rescheduling %d of %d). Have "
		    "the amount ready; if it is not paid by the end of that "
		    "day the order is cancelled (COD-P5)."), (long long)id,
		    day, c.reschedules + 1, COD_MAX_RESCHEDULES);
	else
		snprintf(body, sizeof(body), _("Order #%lld: delivery agreed "
		    "for %s (COD-P2). Have the amount ready; if it is not paid "
		    "by the end of that day the order is cancelled "
		    "(COD-P5)."), (long long)id, day);
	i18n_use(prev);
	if (cod_tell(db, &o, subj, body, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz, "%s", detail);
}

/* See cod.h. */
enum result
cod_paid_report(struct db *db, int64_t id, int64_t pid,
    const struct money *paid, enum collect_method method,
    const char *record_id, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	struct db_cod	 c;
	enum result	 r;
	char		 a[MONEY_STR_MAX], why[200], subj[160], body[600];
	enum lang	 prev;

	if ((r = cod_lock_on_road(db, id, &o, &c, msg, msgsz)) != RES_OK)
		return r;
	/* COD-P3: the courier collects the amount due and the COD-F1 fee. */
	if (strcmp(paid->cur, o.currency) != 0 ||
	    paid->minor != o.amount_due_minor + o.fee_minor)
		return cod_say(RES_REFUSED, msg, msgsz,
		    A_("amount: order #%lld is "
		    "paid with %s at delivery (amount due and COD-F1 fee)."),
		    (long long)id, cod_amount(o.amount_due_minor + o.fee_minor,
		    o.currency, a, sizeof(a)));
	if (db_cod_set_paid_report(db, id, paid->minor,
	    collect_method_name(method), record_id, now) == -1 ||
	    post_cod_collected(db, &o, pid, record_id, paid->minor,
	    now) == -1)
		return RES_ERROR;
	if (o.status == OS_SHIPPED) {
		/* Paid at the door: delivered and paid in one report. */
		if ((r = cod_of_result(orderflow_transition(db, id, OS_SHIPPED,
		    OS_DELIVERED, OF_PARTNER, 0, said_store(why, sizeof(why),
		    SAID_DELIVERED_PAID, NULL, NULL, NULL), now), id, o.status,
		    msg, msgsz)) != RES_OK)
			return r;
		if (db_ship_delivered(db, id, now) == -1)
			return RES_ERROR;
	}
	said_store(why, sizeof(why), SAID_PAYMENT_REPORTED, cod_amount(
	    paid->minor, paid->cur, a, sizeof(a)), collect_method_name(method),
	    record_id);
	if ((r = cod_of_result(orderflow_transition(db, id,
	    OS_DELIVERED, OS_COMPLETED,
	    OF_PARTNER, 0, why, now), id, OS_DELIVERED, msg, msgsz)) != RES_OK)
		return r;
	/* COD-07: the ladder counts completed COD orders, in this same
	 * transaction. */
	if (db_cod_user_completed_inc(db, o.user_id) == -1 ||
	    db_track_add(db, id, "paid", why, "partner", now) == -1)
		return RES_ERROR;
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subj, sizeof(subj), _("Order #%lld completed"),
	    (long long)id);
	snprintf(body, sizeof(body), _("The courier reported your payment of "
	    "%s (%s, record %s): order #%lld is completed."), a,
	    collect_method_name(method), record_id, (long long)id);
	i18n_use(prev);
	if (cod_tell(db, &o, subj, body, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz, A_("Order #%lld is completed."),
	    (long long)id);
}

/* See cod.h. */
enum result
cod_shopper_paid(struct db *db, int64_t user_id, int64_t id, int64_t file_id,
    const char *record_id, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	struct db_cod	 c;
	enum result	 r;
	char		 detail[200], st[64];

	if (user_id <= 0)
		return RES_NOT_FOUND;
	if ((r = cod_lock_cod(db, user_id, id, &o, msg, msgsz)) != RES_OK)
		return r;
	if (file_id <= 0 && (record_id == NULL || record_id[0] == '\0'))
		return cod_say(RES_REFUSED, msg, msgsz, "%s",
		    _("Attach the photo of the "
		    "courier's voucher, or give the courier's payment record "
		    "number (look it up below if you lost the voucher)."));
	if (record_id != NULL && record_id[0] != '\0' &&
	    !cod_printable(record_id))
		return cod_say(RES_REFUSED, msg, msgsz, "%s",
		    _("The record number has at most 64 letters and digits."));
	if (o.status != OS_SHIPPED &&
	    o.status != OS_DELIVERED &&
	    o.status != OS_COMPLETED) {
		words_status(order_status_name(o.status), st, sizeof(st));
		return cod_say(RES_NOT_ALLOWED, msg, msgsz,
		    _("\"Paid\" is for an order delivered cash on delivery; "
		    "this one is %s."), st);
	}
	if (db_cod_ensure(db, id) == -1 || db_cod_get(db, id, 1, &c) != 1)
		return RES_ERROR;
	if (c.shopper_paid_at > 0)
		return cod_say(RES_NOT_ALLOWED, msg, msgsz,
		    _("You already reported the payment of order #%lld."),
		    (long long)id);
	if (record_id != NULL && record_id[0] != '\0' &&
	    c.paid_record_id[0] != '\0' &&
	    strcmp(record_id, c.paid_record_id) != 0)
		return cod_say(RES_REFUSED, msg, msgsz, _("The courier's "
		    "payment record for this order is %s, not %s."),
		    c.paid_record_id, record_id);
	if (db_cod_set_shopper_paid(db, id, file_id, record_id, now) == -1)
		return RES_ERROR;
	said_store(detail, sizeof(detail), file_id > 0 ?
	    SAID_SHOPPER_PAID_PHOTO : SAID_SHOPPER_PAID_RECORD, record_id, NULL,
	    NULL);
	if (db_track_add(db, id, "shopper_paid", detail, "user",
	    now) == -1 || audit_event(db, "order", id, OF_USER, user_id, NULL,
	    NULL, detail, now) == -1)
		return RES_ERROR;
	return cod_say(RES_OK, msg, msgsz, "%s", c.paid_reported_at > 0 ?
	    _("Thank you: your payment is recorded and matches the "
	    "courier's report.") : _("Thank you: your payment is recorded. "
	    "The order completes once the courier reports it (COD-P3)."));
}
