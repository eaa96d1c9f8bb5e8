/*
 * Cash on delivery end to end and the shared shipping road (see cod.h).
 *
 * Decisions where RULES is silent (README rules notes):
 * - COD-P1 reject moves the order to "refused" (the review refused it).
 * - COD-P3: the partner's payment report completes the order; the
 *   shopper's "Paid" (voucher or record id) is recorded whenever it comes,
 *   before or after the report, and never completes an order alone.
 * - COD-P4 refusals cancel the order ("cancelled"); COD-F2 ones end in
 *   "refused". A COD-F2 refusal is a violation (COD-07 "no violation").
 * - COD-F2 debt = round-trip shipping reported by the courier (in the
 *   order's currency) + the order's COD-F1 fee.
 * - COD-P5: the agreed delivery day is the one the courier scheduled last;
 *   an order not paid when that day is over is cancelled by tick, whatever
 *   the count of reschedulings (COD-P6: never a strike).
 * - COD-P7: refund_due is the 5th business day after the merchant's
 *   receipt; the page shows the 3rd-5th business day window.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/log.h"
#include "db/admin.h"
#include "db/checkout.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "db/payafter.h"
#include "rules/cod.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/cod.h"
#include "service/facts.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/postings.h"

static const char *const refusal_names[COD_REF__MAX] = {
	"damaged", "wrong_item", "missing_items", "no_valid_reason",
};

/* See cod.h. */
const char *
cod_refusal_name(enum cod_refusal r)
{
	if ((int)r < 0 || r >= COD_REF__MAX)
		return NULL;
	return refusal_names[r];
}

/* See cod.h. */
int
cod_refusal_parse(const char *s, enum cod_refusal *out)
{
	int i;

	for (i = 0; s != NULL && i < COD_REF__MAX; i++)
		if (strcmp(refusal_names[i], s) == 0) {
			*out = (enum cod_refusal)i;
			return 0;
		}
	return -1;
}

/* See cod.h. */
int
cod_refusal_counted(enum cod_refusal r)
{
	/* COD-P4: damage, wrong or missing items are valid reasons. */
	return r == COD_REF_NO_VALID_REASON;
}

/* msg = printf(fmt...), returns r. */
static enum cod_result __attribute__((format(printf, 4, 5)))
say(enum cod_result r, char *msg, size_t msgsz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, msgsz, fmt, ap);
	va_end(ap);
	return r;
}

/* Map an orderflow result; msg says why for people. */
static enum cod_result
from_of(enum of_result r, int64_t id, const char *from, char *msg,
    size_t msgsz)
{
	switch (r) {
	case OF_OK:
		return COD_OK;
	case OF_NOT_ALLOWED:
		return say(COD_CONFLICT, msg, msgsz, "Order #%lld cannot make "
		    "this step from \"%s\".", (long long)id, from);
	case OF_CHANGED:
		return say(COD_CONFLICT, msg, msgsz, "Order #%lld changed "
		    "meanwhile; nothing was done.", (long long)id);
	default:
		return COD_ERROR;
	}
}

/* Today's date string of now into day (11 bytes). -1 on a bad time. */
static int
today_str(int64_t now, char day[11], mp_date *d)
{
	mp_date t;

	if (mp_date_from_unix(now, &t) == -1)
		return -1;
	if (d != NULL)
		*d = t;
	mp_date_str(t, day, 11);
	return 0;
}

/* Lock order id (of user_id, 0 any owner) and read it into *o under the
 * lock, so that every decision below sees the order as it is now and
 * concurrent steps on one order run one after the other: COD_OK,
 * COD_NOT_FOUND, COD_ERROR. */
static enum cod_result
load(struct db *db, int64_t user_id, int64_t id, struct db_order *o,
    char *msg, size_t msgsz)
{
	char	method[33];
	int	rc = db_order_lock_method(db, id, method, sizeof(method));

	if (rc == 1)
		rc = db_order_get(db, user_id, id, o);
	if (rc == -1)
		return COD_ERROR;
	if (rc == 0)
		return say(COD_NOT_FOUND, msg, msgsz, "There is no order #%lld.",
		    (long long)id);
	return COD_OK;
}

/* Load COD order id (of user_id, 0 any) into *o. */
static enum cod_result
load_cod(struct db *db, int64_t user_id, int64_t id, struct db_order *o,
    char *msg, size_t msgsz)
{
	enum cod_result r = load(db, user_id, id, o, msg, msgsz);

	if (r != COD_OK)
		return r;
	if (strcmp(o->method, "cod") != 0)
		return say(COD_NOT_FOUND, msg, msgsz, "Order #%lld is not a "
		    "cash on delivery order.", (long long)id);
	return COD_OK;
}

/* A message to the order's shopper. 0 or -1. */
static int
tell(struct db *db, const struct db_order *o, const char *subject,
    const char *body, int64_t now)
{
	return db_message_insert(db, o->user_id, 0, subject, body, now) < 0 ?
	    -1 : 0;
}

/* The integer setting name, or dflt. */
static int64_t
setting(struct db *db, const char *name, int64_t dflt)
{
	struct db_setting	*s;
	size_t			 n, i;
	int64_t			 v = dflt;
	char			*end;

	if (db_checkout_settings(db, &s, &n) == -1)
		return dflt;
	for (i = 0; i < n; i++)
		if (strcmp(s[i].name, name) == 0) {
			long long x = strtoll(s[i].value, &end, 10);

			if (end != s[i].value && *end == '\0')
				v = x;
		}
	free(s);
	return v;
}

/* The amount minor/cur as "USD 1,234.50" into out. */
static const char *
amount(int64_t minor, const char *cur, char *out, size_t outsz)
{
	struct money m;

	if (money_set(&m, minor, cur) == -1) {
		snprintf(out, outsz, "%lld %s", (long long)minor, cur);
		return out;
	}
	return money_display(&m, out, outsz);
}

/* 1 if s is 1-64 printable ASCII bytes. */
static int
printable(const char *s)
{
	size_t i;

	if (s == NULL || s[0] == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e ||
		    i >= 64)
			return 0;
	return 1;
}

/* See cod.h. */
enum cod_result
shipping_shipped(struct db *db, int64_t id, enum of_actor actor,
    int64_t actor_id, const char *carrier, const char *tracking,
    int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum cod_result	 r;
	char		 why[200], body[400], subj[100];

	if (!printable(carrier) || !printable(tracking))
		return say(COD_REFUSED, msg, msgsz, "Give the carrier and the "
		    "tracking number (1-64 characters each).");
	if ((r = load(db, 0, id, &o, msg, msgsz)) != COD_OK)
		return r;
	snprintf(why, sizeof(why), "COD-P2 shipped with %s, tracking %s",
	    carrier, tracking);
	if ((r = from_of(orderflow_transition(db, id, o.status, "shipped",
	    actor, actor_id, why, now), id, o.status, msg, msgsz)) != COD_OK)
		return r;
	if (db_ship_set(db, id, carrier, tracking, now) == -1 ||
	    db_track_add(db, id, "shipped", why, of_actor_name(actor),
	    now) == -1)
		return COD_ERROR;
	if (strcmp(o.method, "cod") == 0 && db_cod_ensure(db, id) == -1)
		return COD_ERROR;
	snprintf(subj, sizeof(subj), "Order #%lld has shipped", (long long)id);
	snprintf(body, sizeof(body), "Order #%lld was handed to %s, tracking "
	    "number %s. Follow it on My Orders.%s", (long long)id, carrier,
	    tracking, strcmp(o.method, "cod") == 0 ? " The courier will "
	    "agree the delivery time with you (COD-P2); inspect the goods "
	    "before you pay." : "");
	if (tell(db, &o, subj, body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld is shipped (%s, %s).",
	    (long long)id, carrier, tracking);
}

/* See cod.h. */
enum cod_result
shipping_book_gateway(struct db *db, int64_t id, int64_t now)
{
	int64_t	pid, booked;

	if ((pid = db_lg_default_partner(db)) == -1)
		return COD_ERROR;
	if (pid == 0)
		return COD_OK;
	return db_lg_book(db, id, pid, now, &booked) == -1 ? COD_ERROR :
	    COD_OK;
}

/* See cod.h. */
enum cod_result
shipping_delivered(struct db *db, int64_t id, enum of_actor actor,
    int64_t actor_id, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum cod_result	 r;
	char		 subj[100], body[300];

	if ((r = load(db, 0, id, &o, msg, msgsz)) != COD_OK)
		return r;
	if ((r = from_of(orderflow_transition(db, id, o.status, "delivered",
	    actor, actor_id, "delivered by the courier", now), id, o.status,
	    msg, msgsz)) != COD_OK)
		return r;
	if (db_ship_delivered(db, id, now) == -1 ||
	    db_track_add(db, id, "delivered", "delivered to the shopper",
	    of_actor_name(actor), now) == -1)
		return COD_ERROR;
	snprintf(subj, sizeof(subj), "Order #%lld was delivered",
	    (long long)id);
	snprintf(body, sizeof(body), "Order #%lld was delivered.%s",
	    (long long)id, strcmp(o.method, "cod") == 0 ? " Inspect the goods "
	    "and pay the courier, then click \"Paid\" on the order "
	    "(COD-P3)." : " Confirm receipt once you have checked the goods.");
	if (tell(db, &o, subj, body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld is delivered.",
	    (long long)id);
}

/* See cod.h. */
enum cod_result
cod_review(struct db *db, int64_t id, const char *from, int approve,
    int64_t admin_id, const char *reason, int64_t now, char *msg,
    size_t msgsz)
{
	struct db_order	 o;
	enum cod_result	 r;
	char		 why[300];
	char		 subj[100], body[600];
	int		 rc;

	if (!approve && (reason == NULL || reason[0] == '\0'))
		return say(COD_REFUSED, msg, msgsz, "Give the reason for "
		    "rejecting the order; the shopper reads it.");
	if ((r = load_cod(db, 0, id, &o, msg, msgsz)) != COD_OK)
		return r;
	/* "already decided by X at T": the claim is a unique insert. */
	rc = admin_claim(db, "order", id, from,
	    approve ? "approve" : "reject", admin_id, now, "Order", msg, msgsz);
	if (rc == -1)
		return COD_ERROR;
	if (rc == 1)
		return COD_DECIDED;
	if (strcmp(from, "awaiting_review") != 0 ||
	    strcmp(o.status, from) != 0)
		return say(COD_CONFLICT, msg, msgsz, "Order #%lld is not "
		    "awaiting review any more (it is %s).", (long long)id,
		    o.status);
	if (approve)
		snprintf(why, sizeof(why), "COD-P1 review passed%s%s",
		    reason != NULL && reason[0] != '\0' ? ": " : "",
		    reason != NULL ? reason : "");
	else
		snprintf(why, sizeof(why), "COD-P1 review rejected: %s",
		    reason);
	if ((r = from_of(orderflow_transition(db, id, from,
	    approve ? "pending_shipment" : "refused", OF_ADMIN, admin_id, why,
	    now), id, from, msg, msgsz)) != COD_OK)
		return r;
	if (approve) {
		snprintf(subj, sizeof(subj), "Order #%lld accepted for cash on "
		    "delivery", (long long)id);
		snprintf(body, sizeof(body), "The mall reviewed order #%lld "
		    "(COD-P1): it ships to you and you pay the courier at "
		    "delivery. Status: Pending shipment.", (long long)id);
		if (db_cod_ensure(db, id) == -1)
			return COD_ERROR;
	} else {
		snprintf(subj, sizeof(subj), "Order #%lld not accepted for cash "
		    "on delivery", (long long)id);
		snprintf(body, sizeof(body), "The mall reviewed order #%lld "
		    "(COD-P1) and cannot deliver it cash on delivery: %s. "
		    "Nothing was charged.", (long long)id, reason);
	}
	if (tell(db, &o, subj, body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld %s.", (long long)id,
	    approve ? "approved: pending shipment" : "rejected");
}

/* The COD order id in shipped or delivered, locked row of cod_orders in
 * *c (created when missing). */
static enum cod_result
load_on_road(struct db *db, int64_t id, struct db_order *o, struct db_cod *c,
    char *msg, size_t msgsz)
{
	enum cod_result r;

	if ((r = load_cod(db, 0, id, o, msg, msgsz)) != COD_OK)
		return r;
	if (strcmp(o->status, "shipped") != 0 &&
	    strcmp(o->status, "delivered") != 0)
		return say(COD_CONFLICT, msg, msgsz, "Order #%lld is %s, not "
		    "out for delivery.", (long long)id, o->status);
	if (db_cod_ensure(db, id) == -1 || db_cod_get(db, id, 1, c) != 1)
		return COD_ERROR;
	return COD_OK;
}

/* See cod.h. */
enum cod_result
cod_schedule(struct db *db, int64_t id, const char *day, int reschedule,
    enum of_actor actor, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	struct db_cod	 c;
	enum cod_result	 r;
	mp_date		 d, today;
	char		 tday[11], detail[200], subj[100], body[400];

	if (day == NULL || mp_date_parse(day, strlen(day), &d) == -1)
		return say(COD_REFUSED, msg, msgsz, "date: give the delivery "
		    "day as YYYY-MM-DD.");
	if (today_str(now, tday, &today) == -1)
		return COD_ERROR;
	if (d < today)
		return say(COD_REFUSED, msg, msgsz, "date: %s is in the past.",
		    day);
	if ((r = load_on_road(db, id, &o, &c, msg, msgsz)) != COD_OK)
		return r;
	if (strcmp(o.status, "delivered") == 0)
		return say(COD_CONFLICT, msg, msgsz, "date: order #%lld was "
		    "delivered already; its delivery date cannot change any "
		    "more.", (long long)id);
	if (strcmp(c.agreed_date, day) == 0)
		return say(COD_OK, msg, msgsz, "delivery of order #%lld stays "
		    "agreed for %s", (long long)id, day);
	/* COD-P5: every change of an agreed day is a rescheduling, whatever
	 * event carries it; the first day agreed is not. */
	reschedule = c.agreed_date[0] != '\0';
	if (reschedule && c.reschedules >= COD_MAX_RESCHEDULES)
		/* COD-P5: at most 2 extensions of the delivery. */
		return say(COD_REFUSED, msg, msgsz, "COD-P5: the delivery of "
		    "order #%lld was already rescheduled %d times; a further "
		    "rescheduling is refused. Unpaid after %s, the order is "
		    "cancelled.", (long long)id, c.reschedules,
		    c.agreed_date[0] != '\0' ? c.agreed_date : "the agreed day");
	if (db_cod_set_agreed(db, id, day, reschedule) == -1)
		return COD_ERROR;
	if (reschedule)
		snprintf(detail, sizeof(detail), "delivery rescheduled to %s "
		    "(COD-P5: rescheduling %d of %d)", day, c.reschedules + 1,
		    COD_MAX_RESCHEDULES);
	else
		snprintf(detail, sizeof(detail), "delivery agreed for %s "
		    "(COD-P2)", day);
	if (db_track_add(db, id, reschedule ? "rescheduled" :
	    "delivery_scheduled", detail, of_actor_name(actor), now) == -1 ||
	    audit_event(db, "order", id, actor, 0, NULL, NULL, detail,
	    now) == -1)
		return COD_ERROR;
	snprintf(subj, sizeof(subj), "Delivery of order #%lld: %s",
	    (long long)id, day);
	snprintf(body, sizeof(body), "Order #%lld: %s. Have the amount "
	    "ready; if it is not paid by the end of that day the order is "
	    "cancelled (COD-P5).", (long long)id, detail);
	if (tell(db, &o, subj, body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "%s", detail);
}

/* See cod.h. */
enum cod_result
cod_paid_report(struct db *db, int64_t id, int64_t pid,
    const struct money *paid, const char *method, const char *record_id,
    int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	struct db_cod	 c;
	enum cod_result	 r;
	char		 a[MONEY_STR_MAX], why[200], subj[100], body[400];

	if ((r = load_on_road(db, id, &o, &c, msg, msgsz)) != COD_OK)
		return r;
	/* COD-P3: the courier collects the amount due and the COD-F1 fee. */
	if (strcmp(paid->cur, o.currency) != 0 ||
	    paid->minor != o.amount_due_minor + o.fee_minor)
		return say(COD_REFUSED, msg, msgsz, "amount: order #%lld is "
		    "paid with %s at delivery (amount due and COD-F1 fee).",
		    (long long)id, amount(o.amount_due_minor + o.fee_minor,
		    o.currency, a, sizeof(a)));
	if (db_cod_set_paid_report(db, id, paid->minor, method, record_id,
	    now) == -1 || post_cod_collected(db, &o, pid, record_id,
	    paid->minor, now) == -1)
		return COD_ERROR;
	if (strcmp(o.status, "shipped") == 0) {
		/* Paid at the door: delivered and paid in one report. */
		if ((r = from_of(orderflow_transition(db, id, "shipped",
		    "delivered", OF_PARTNER, 0, "delivered (payment "
		    "reported)", now), id, o.status, msg, msgsz)) != COD_OK)
			return r;
		if (db_ship_delivered(db, id, now) == -1)
			return COD_ERROR;
	}
	snprintf(why, sizeof(why), "COD-P3 payment reported: %s by %s, "
	    "courier record %s", amount(paid->minor, paid->cur, a, sizeof(a)),
	    method, record_id);
	if ((r = from_of(orderflow_transition(db, id, "delivered", "completed",
	    OF_PARTNER, 0, why, now), id, "delivered", msg, msgsz)) != COD_OK)
		return r;
	/* COD-07: the ladder counts completed COD orders, in this same
	 * transaction. */
	if (db_cod_user_completed_inc(db, o.user_id) == -1 ||
	    db_track_add(db, id, "paid", why, "partner", now) == -1)
		return COD_ERROR;
	snprintf(subj, sizeof(subj), "Order #%lld completed", (long long)id);
	snprintf(body, sizeof(body), "The courier reported your payment of %s "
	    "(%s, record %s): order #%lld is completed.", a, method,
	    record_id, (long long)id);
	if (tell(db, &o, subj, body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld is completed.",
	    (long long)id);
}

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
	int64_t			 per = setting(db, "cod_refusals_to_suspend", 3);
	int64_t			 months = setting(db, "cod_suspend_months", 3);
	char			 why[200], body[400];
	int			 susp;

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
	snprintf(body, sizeof(body), "You refused %lld cash on delivery "
	    "orders without a valid reason. COD-F2: cash on delivery is "
	    "suspended for %lld months, until %s (COD is available again on "
	    "that day).", (long long)k, (long long)months, until);
	return db_message_insert(db, o->user_id, 0, "Cash on delivery "
	    "suspended", body, now) < 0 ? -1 : 0;
}

/* COD-P4: order o refused on inspection for a valid reason on day:
 * cancelled at no cost, not counted. Inside the caller's transaction. */
static enum cod_result
refused_valid(struct db *db, const struct db_order *o,
    enum cod_refusal reason, enum of_actor actor, int64_t actor_id,
    const char *day, int64_t now, char *msg, size_t msgsz)
{
	enum cod_result	 r;
	char		 why[300], subj[100], body[600];
	int		 rc;

	snprintf(why, sizeof(why), "COD-P4 refused on inspection (%s): "
	    "cancelled at no cost to the shopper; not counted against "
	    "COD permission", refusal_names[reason]);
	if ((r = from_of(orderflow_transition(db, o->id, o->status,
	    "cancelled", actor, actor_id, why, now), o->id, o->status, msg,
	    msgsz)) != COD_OK)
		return r;
	if ((rc = db_cod_refusal_add(db, o->user_id, o->id,
	    refusal_names[reason], 0, day, now)) != 0)
		return rc == 1 ? say(COD_CONFLICT, msg, msgsz, "Order #%lld was "
		    "already refused.", (long long)o->id) : COD_ERROR;
	if (db_track_add(db, o->id, "refused", why, of_actor_name(actor),
	    now) == -1)
		return COD_ERROR;
	snprintf(subj, sizeof(subj), "Order #%lld cancelled at no cost",
	    (long long)o->id);
	snprintf(body, sizeof(body), "You refused order #%lld at delivery "
	    "(%s). COD-P4: the order is cancelled at no cost to you, the "
	    "merchant bears the logistics, and it does not count against your "
	    "cash on delivery permission.", (long long)o->id,
	    refusal_names[reason]);
	if (tell(db, o, subj, body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld cancelled (COD-P4).",
	    (long long)o->id);
}

/* See cod.h. */
enum cod_result
cod_refused(struct db *db, int64_t id, enum cod_refusal reason,
    const struct money *shipping, enum of_actor actor, int64_t actor_id,
    int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	struct db_cod	 c;
	enum cod_result	 r;
	mp_date		 today;
	char		 day[11], until[11], why[300], subj[100], body[600];
	char		 a[MONEY_STR_MAX], s[MONEY_STR_MAX], f[MONEY_STR_MAX];
	int64_t		 ship = 0, strikes = 0, per;
	int		 rc;

	if (cod_refusal_name(reason) == NULL)
		return say(COD_REFUSED, msg, msgsz, "reason: unknown refusal "
		    "reason.");
	if (today_str(now, day, &today) == -1)
		return COD_ERROR;
	if ((r = load_on_road(db, id, &o, &c, msg, msgsz)) != COD_OK)
		return r;
	if (!cod_refusal_counted(reason))
		return refused_valid(db, &o, reason, actor, actor_id, day, now,
		    msg, msgsz);
	/* COD-F2: round-trip shipping + the service fee, and a strike. */
	if (shipping != NULL) {
		if (strcmp(shipping->cur, o.currency) != 0 ||
		    shipping->minor < 0)
			return say(COD_REFUSED, msg, msgsz, "round_trip_shipping: "
			    "give it in the order's currency, %s.", o.currency);
		ship = shipping->minor;
	}
	snprintf(why, sizeof(why), "COD-F2 refused without a valid reason: "
	    "%s (round-trip shipping %s + service fee %s) charged to the "
	    "account", amount(ship + o.fee_minor, o.currency, a, sizeof(a)),
	    amount(ship, o.currency, s, sizeof(s)), amount(o.fee_minor,
	    o.currency, f, sizeof(f)));
	if ((r = from_of(orderflow_transition(db, id, o.status, "refused",
	    actor, actor_id, why, now), id, o.status, msg, msgsz)) != COD_OK)
		return r;
	if ((rc = db_cod_refusal_add(db, o.user_id, id, "no_valid_reason", 1,
	    day, now)) != 0)
		return rc == 1 ? say(COD_CONFLICT, msg, msgsz, "Order #%lld was "
		    "already refused.", (long long)id) : COD_ERROR;
	if (db_debt_add(db, o.user_id, id, "cod_refusal", ship + o.fee_minor,
	    o.currency, why, now) == -1 ||
	    post_refusal_charge(db, &o, ship + o.fee_minor, now) == -1 ||
	    db_cod_user_violation_inc(db, o.user_id) == -1 ||
	    db_track_add(db, id, "refused", "refused without a valid reason",
	    of_actor_name(actor), now) == -1 ||
	    strike_suspension(db, &o, today, now, until, &strikes) == -1)
		return COD_ERROR;
	per = setting(db, "cod_refusals_to_suspend", 3);
	snprintf(subj, sizeof(subj), "Order #%lld refused: %s charged",
	    (long long)id, a);
	snprintf(body, sizeof(body), "You refused order #%lld without a valid "
	    "reason. COD-F2: %s (round-trip shipping %s and the service fee "
	    "%s) is charged to your account, and the refusal is recorded "
	    "(%lld so far; the %lldrd suspends cash on delivery for 3 "
	    "months).", (long long)id, a, s, f, (long long)strikes,
	    (long long)per);
	if (tell(db, &o, subj, body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld refused (COD-F2), strike "
	    "%lld%s%s.", (long long)id, (long long)strikes,
	    until[0] != '\0' ? ": COD suspended until " : "", until);
}

/* See cod.h. */
enum cod_result
cod_shopper_paid(struct db *db, int64_t user_id, int64_t id, int64_t file_id,
    const char *record_id, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	struct db_cod	 c;
	enum cod_result	 r;
	char		 detail[200];

	if (user_id <= 0)
		return COD_NOT_FOUND;
	if ((r = load_cod(db, user_id, id, &o, msg, msgsz)) != COD_OK)
		return r;
	if (file_id <= 0 && (record_id == NULL || record_id[0] == '\0'))
		return say(COD_REFUSED, msg, msgsz, "Attach the photo of the "
		    "courier's voucher, or give the courier's payment record "
		    "number (look it up below if you lost the voucher).");
	if (record_id != NULL && record_id[0] != '\0' && !printable(record_id))
		return say(COD_REFUSED, msg, msgsz, "The record number has at "
		    "most 64 letters and digits.");
	if (strcmp(o.status, "shipped") != 0 &&
	    strcmp(o.status, "delivered") != 0 &&
	    strcmp(o.status, "completed") != 0)
		return say(COD_CONFLICT, msg, msgsz, "\"Paid\" is for an order "
		    "delivered cash on delivery; this one is %s.", o.status);
	if (db_cod_ensure(db, id) == -1 || db_cod_get(db, id, 1, &c) != 1)
		return COD_ERROR;
	if (c.shopper_paid_at > 0)
		return say(COD_CONFLICT, msg, msgsz, "You already reported the "
		    "payment of order #%lld.", (long long)id);
	if (record_id != NULL && record_id[0] != '\0' &&
	    c.paid_record_id[0] != '\0' &&
	    strcmp(record_id, c.paid_record_id) != 0)
		return say(COD_REFUSED, msg, msgsz, "The courier's payment "
		    "record for this order is %s, not %s.", c.paid_record_id,
		    record_id);
	if (db_cod_set_shopper_paid(db, id, file_id, record_id, now) == -1)
		return COD_ERROR;
	snprintf(detail, sizeof(detail), "COD-P3 the shopper reported paying "
	    "the courier (%s%s)", file_id > 0 ? "voucher photo" : "record ",
	    file_id > 0 ? "" : record_id);
	if (db_track_add(db, id, "shopper_paid", detail, "user",
	    now) == -1 || audit_event(db, "order", id, OF_USER, user_id, NULL,
	    NULL, detail, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "%s", c.paid_reported_at > 0 ?
	    "Thank you: your payment is recorded and matches the courier's "
	    "report." : "Thank you: your payment is recorded. The order "
	    "completes once the courier reports it (COD-P3).");
}

/* See cod.h. */
enum cod_result
cod_return_request(struct db *db, int64_t user_id, int64_t id,
    const char *reason, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum cod_result	 r;
	char		 why[300];

	if (user_id <= 0)
		return COD_NOT_FOUND;
	/* The order first: another shopper's id is 404 whatever the form. */
	if ((r = load_cod(db, user_id, id, &o, msg, msgsz)) != COD_OK)
		return r;
	if (reason == NULL || reason[0] == '\0')
		return say(COD_REFUSED, msg, msgsz, "Describe the quality "
		    "problem.");
	snprintf(why, sizeof(why), "COD-P7 after-sales return requested: %s",
	    reason);
	if ((r = from_of(orderflow_transition(db, id, o.status,
	    "return_requested", OF_USER, user_id, why, now), id, o.status, msg,
	    msgsz)) != COD_OK)
		return r;
	if (db_cod_ensure(db, id) == -1 ||
	    db_cod_set_return_reason(db, id, reason) == -1 ||
	    tell(db, &o, "Return requested", "We received your return "
	    "request. Send the goods back; the refund to your original "
	    "payment account is due 3-5 business days after the merchant "
	    "receives them (COD-P7).", now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Return requested.");
}

/* The goods of order o, never charged (PAU-05), are back with the
 * merchant: returned, with no refund due, and the shopper told so. */
static enum cod_result
return_uncharged(struct db *db, const struct db_order *o, enum of_actor actor,
    int64_t actor_id, int64_t now, char *msg, size_t msgsz)
{
	static const char why[] = "PAU-05 goods received by the merchant "
	    "before receipt was confirmed; nothing was charged";
	char		body[300];
	enum cod_result	r;

	if ((r = from_of(orderflow_transition(db, o->id, o->status,
	    "returned", actor, actor_id, why, now), o->id, o->status, msg,
	    msgsz)) != COD_OK)
		return r;
	if (db_track_add(db, o->id, "returned", why, of_actor_name(actor),
	    now) == -1)
		return COD_ERROR;
	snprintf(body, sizeof(body), "The merchant received the goods of "
	    "order #%lld. You confirmed no receipt, so nothing was charged "
	    "and there is nothing to refund (PAU-05).", (long long)o->id);
	if (tell(db, o, "Return received", body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld returned; it was never "
	    "charged, so no refund is due.", (long long)o->id);
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
	if (strcmp(o->method, "cod") == 0)
		return 1;
	if (strcmp(o->method, "pay_after_use") != 0)
		return 0;
	if ((rc = db_pau_charge_get(db, o->id, 0, &ch)) != 1)
		return rc;
	return strcmp(ch.status, "paid") == 0;
}

/* See cod.h. */
enum cod_result
cod_return_received(struct db *db, int64_t id, enum of_actor actor,
    int64_t actor_id, int64_t now, char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum cod_result	 r;
	mp_date		*hol, today, d3, d5;
	size_t		 k;
	int64_t		 refund;
	int		 rc;
	char		 s3[11], s5[11], why[200], body[400];

	if ((r = load(db, 0, id, &o, msg, msgsz)) != COD_OK)
		return r;
	/* PAU-05: a Pay After Use order returned before its receipt was
	 * confirmed was never charged: nothing to refund. */
	if (strcmp(o.method, "pay_after_use") == 0) {
		struct db_pau_charge	ch;
		int			got = db_pau_charge_get(db, id, 0, &ch);

		if (got == -1)
			return COD_ERROR;
		if (got == 0)
			return return_uncharged(db, &o, actor, actor_id, now,
			    msg, msgsz);
	}
	if (mp_date_from_unix(now, &today) == -1 ||
	    order_holidays(db, &hol, &k) == -1)
		return COD_ERROR;
	/* C-04/COD-P7: 3-5 business days after the merchant's receipt. */
	if (mp_date_add_business_days(today, COD_REFUND_MIN_DAYS, hol, k,
	    &d3) == -1 || mp_date_add_business_days(today,
	    COD_REFUND_MAX_DAYS, hol, k, &d5) == -1) {
		free(hol);
		return COD_ERROR;
	}
	free(hol);
	mp_date_str(d3, s3, sizeof(s3));
	mp_date_str(d5, s5, sizeof(s5));
	snprintf(why, sizeof(why), "COD-P7 goods received by the merchant; "
	    "refund due %s to %s", s3, s5);
	if ((r = from_of(orderflow_transition(db, id, o.status, "returned",
	    actor, actor_id, why, now), id, o.status, msg, msgsz)) != COD_OK)
		return r;
	if (db_order_set_refund_due(db, id, s5) == -1 ||
	    db_track_add(db, id, "returned", why, of_actor_name(actor),
	    now) == -1 || (rc = return_refund(db, &o, &refund)) == -1 ||
	    (rc == 1 && post_refund_due(db, &o, "return", refund, now) == -1))
		return COD_ERROR;
	snprintf(body, sizeof(body), "The merchant received the goods of "
	    "order #%lld. Your refund to the original payment account is due "
	    "between %s and %s (3-5 business days, COD-P7).", (long long)id,
	    s3, s5);
	if (tell(db, &o, "Return received: refund on its way", body,
	    now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld returned; refund due by "
	    "%s.", (long long)id, s5);
}

/* See cod.h. */
enum cod_result
cod_refund_sent(struct db *db, int64_t id, int64_t admin_id, int64_t now,
    char *msg, size_t msgsz)
{
	struct db_order	 o;
	enum cod_result	 r;
	char		 body[200];
	int64_t		 refund;
	int		 rc;

	if ((r = load(db, 0, id, &o, msg, msgsz)) != COD_OK)
		return r;
	/* A second admin (or a double submit) learns who sent it and when. */
	rc = admin_claim(db, "order", id, "returned", "refund_sent", admin_id,
	    now, "Order", msg, msgsz);
	if (rc != 0)
		return rc == 1 ? COD_DECIDED : COD_ERROR;
	if ((r = from_of(orderflow_transition(db, id, o.status, "refunded",
	    OF_ADMIN, admin_id, "COD-P7 refund sent to the original payment "
	    "account", now), id, o.status, msg, msgsz)) != COD_OK)
		return r;
	if ((rc = return_refund(db, &o, &refund)) == -1 || (rc == 1 &&
	    post_refund_sent(db, &o, "return", refund, NULL, NULL, now) == -1))
		return COD_ERROR;
	snprintf(body, sizeof(body), "The refund of order #%lld was sent to "
	    "your original payment account.", (long long)id);
	if (tell(db, &o, "Refund sent", body, now) == -1)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "Order #%lld refunded.", (long long)id);
}

/* See cod.h. */
enum cod_result
cod_set_revoked(struct db *db, int64_t user_id, int revoke, int64_t admin_id,
    const char *reason, int64_t now, char *msg, size_t msgsz)
{
	struct db_cod_user	 u;
	char			 why[300], body[500];
	int			 rc;

	if (revoke && (reason == NULL || reason[0] == '\0'))
		return say(COD_REFUSED, msg, msgsz, "Give the finding (malicious "
		    "refusals or false orders) that revokes COD.");
	if ((rc = db_cod_user_get(db, user_id, 1, &u)) != 1)
		return rc == 0 ? say(COD_NOT_FOUND, msg, msgsz, "No such "
		    "shopper.") : COD_ERROR;
	if (u.revoked == (revoke ? 1 : 0))
		return say(COD_CONFLICT, msg, msgsz, "Cash on delivery is "
		    "already %s for %s.", revoke ? "revoked" : "allowed",
		    u.email);
	snprintf(why, sizeof(why), "%s%s%s", revoke ? "COD-F3 COD revoked "
	    "permanently: " : "COD-F3 revocation lifted (reinstated)",
	    reason != NULL && reason[0] != '\0' && !revoke ? ": " : "",
	    reason != NULL ? reason : "");
	if (db_cod_user_set_revoked(db, user_id, revoke) == -1 ||
	    audit_event(db, "user", user_id, OF_ADMIN, admin_id,
	    revoke ? "cod_allowed" : "cod_revoked",
	    revoke ? "cod_revoked" : "cod_allowed", why, now) == -1)
		return COD_ERROR;
	if (revoke)
		snprintf(body, sizeof(body), "Cash on delivery is no longer "
		    "available to you (COD-F3: %s).", reason);
	else
		snprintf(body, sizeof(body), "Cash on delivery is available to "
		    "you again.");
	if (db_message_insert(db, user_id, 0, revoke ? "Cash on delivery "
	    "revoked" : "Cash on delivery reinstated", body, now) < 0)
		return COD_ERROR;
	return say(COD_OK, msg, msgsz, "COD %s for %s.", revoke ? "revoked" :
	    "reinstated", u.email);
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
	char		 status[33], agreed[11], why[300], body[400];
	int		 rc;

	if (db_begin_read_committed(db) == -1)
		return -1;
	if ((rc = db_cod_take_unpaid(db, today, &id, status, agreed)) != 1) {
		db_rollback(db);
		return rc;
	}
	snprintf(why, sizeof(why), "COD-P5 not paid by the agreed delivery day "
	    "%s: cancelled (COD-P6: a delivery delay does not affect COD "
	    "permission)", agreed);
	if (db_order_get(db, 0, id, &o) != 1 ||
	    orderflow_transition(db, id, status, "cancelled", OF_SYSTEM, 0,
	    why, now) != OF_OK ||
	    db_track_add(db, id, "cancelled", why, "system", now) == -1)
		goto fail;
	snprintf(body, sizeof(body), "Order #%lld was not paid by the agreed "
	    "delivery day %s and is cancelled (COD-P5). This does not affect "
	    "your cash on delivery permission (COD-P6).", (long long)id,
	    agreed);
	if (tell(db, &o, "Order cancelled: not paid at delivery", body,
	    now) == -1 || db_commit(db) == -1)
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
	char	until[11], why[200], body[300];
	int	rc;

	if (db_begin_read_committed(db) == -1)
		return -1;
	if ((rc = db_cod_take_suspension_end(db, today, &uid, until)) != 1) {
		db_rollback(db);
		return rc;
	}
	snprintf(why, sizeof(why), "COD-F2 suspension ended on %s", until);
	snprintf(body, sizeof(body), "Your cash on delivery suspension "
	    "(COD-F2) ended on %s: you may choose cash on delivery again.",
	    until);
	if (db_cod_user_set_suspended(db, uid, NULL) == -1 ||
	    audit_event(db, "user", uid, OF_SYSTEM, 0, "cod_suspended",
	    "cod_active", why, now) == -1 ||
	    db_message_insert(db, uid, 0, "Cash on delivery available again",
	    body, now) < 0 || db_commit(db) == -1) {
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

	if (today_str(now, today, NULL) == -1)
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
