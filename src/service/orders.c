/*
 * "My Orders" use cases (see orders.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/said.h"
#include "db/checkout.h"
#include "db/company.h"
#include "db/db.h"
#include "db/message.h"
#include "service/conn.h"
#include "service/language.h"
#include "service/members.h"
#include "service/methods.h"
#include "service/order_panels.h"
#include "service/orders.h"
#include "service/plans.h"
#include "service/payafter.h"

/* See orders.h. */
void
order_view_cleanup(struct order_view *v)
{
	if (v == NULL)
		return;
	free(v->items);
	db_event_rows_free(v->events, v->nevents);
	memset(v, 0, sizeof(*v));
}

/* See orders.h. */
int
order_holidays(struct db *db, mp_date **out, size_t *n)
{
	char	(*hd)[11];
	size_t	 i, nh;

	*out = NULL;
	*n = 0;
	if (db_checkout_holidays(db, &hd, &nh) == -1)
		return -1;
	*out = xcalloc(nh + 1, sizeof(**out));
	for (i = 0; i < nh; i++)
		if (mp_date_parse(hd[i], strlen(hd[i]), &(*out)[*n]) == 0)
			(*n)++;
	free(hd);
	return 0;
}

/* See orders.h. */
int
order_refund_preview(struct db *db, enum pay_method method,
    enum order_status status, const struct plan_view *plan, int64_t now,
    struct refund_rule *out)
{
	mp_date	*hol;
	size_t	 nh;
	mp_date	 today;
	int	 rc = 0;

	memset(out, 0, sizeof(*out));
	if (order_holidays(db, &hol, &nh) == -1)
		return -1;
	if (mp_date_from_unix(now, &today) == -1) {
		free(hol);
		return -1;
	}
	order_refund_rule(method_refund(method), status, today, hol, nh, out);
	if (plan != NULL)
		rc = plan_cancel_preview(plan, today, hol, nh, out);
	free(hol);
	return rc;
}

/* The placer of order id, for whom user_id acts (RULES 5), into *placer:
 * RES_OK, RES_FORBIDDEN (a member who may not place orders),
 * RES_NOT_FOUND (neither the placer nor a member of its company),
 * RES_ERROR. */
static enum result
acting_for(struct db *db, int64_t user_id, int64_t id, int64_t *placer)
{
	struct db_corp_order	o;
	char			msg[600];
	int			rc;

	*placer = 0;
	if ((rc = db_corp_order_get(db, id, &o)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	switch (member_order_act(db, user_id, o.user_id, o.company_id, msg,
	    sizeof(msg))) {
	case RES_OK:
		*placer = o.user_id;
		return RES_OK;
	case RES_FORBIDDEN:
		return RES_FORBIDDEN;
	case RES_NOT_FOUND:
		return RES_NOT_FOUND;
	default:
		return RES_ERROR;
	}
}

/* The message of order o's cancellation to its placer, in the buyer's
 * language: by a member of the company (by_member) or the placer, with
 * rule's refund and its day when rule has one. 0 or -1. */
static int
cancel_message(struct db *db, const struct db_order *o, int by_member,
    const struct refund_rule *rule, const char *day, int64_t now)
{
	char		 subject[160], body[900];
	size_t		 n;
	enum lang	 prev = i18n_use(language_of_tag(o->language));

	snprintf(subject, sizeof(subject), _("Order #%lld cancelled"),
	    (long long)o->id);
	snprintf(body, sizeof(body), !by_member ? _("You cancelled "
	    "order #%lld. %s") : _("A member of your company cancelled order "
	    "#%lld. %s"), (long long)o->id, _(rule->text));
	if (rule->has_date) {
		n = strlen(body);
		snprintf(body + n, sizeof(body) - n, " ");
		n = strlen(body);
		snprintf(body + n, sizeof(body) - n, _("Refund by: %s"), day);
	}
	i18n_use(prev);
	return db_message_insert(db, o->user_id, 0, subject, body, now);
}

/* See orders.h. */
enum result
order_cancel(struct db *db, int64_t user_id, int64_t id, int64_t now,
    struct refund_rule *rule)
{
	struct db_order		 o;
	enum result	 res = RES_ERROR;
	mp_date			*hol = NULL, today;
	int64_t			 placer;
	size_t			 nh;
	char			 day[11] = "";
	int			 rc;

	memset(rule, 0, sizeof(*rule));
	if (user_id <= 0)
		return RES_NOT_FOUND;
	/* Read committed: the plan is read again under its lock
	 * (plan_terminate), never from a snapshot taken before it. */
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	if ((res = acting_for(db, user_id, id, &placer)) != RES_OK)
		goto fail;
	res = RES_ERROR;
	rc = db_order_get(db, placer, id, &o);
	if (rc != 1) {
		res = rc == 0 ? RES_NOT_FOUND : RES_ERROR;
		goto fail;
	}
	if (!orderflow_user_can_cancel(o.status, o.method)) {
		res = RES_NOT_ALLOWED;
		goto fail;
	}
	if (order_holidays(db, &hol, &nh) == -1 ||
	    mp_date_from_unix(now, &today) == -1)
		goto fail;
	order_refund_rule(method_refund(o.method), o.status, today, hol, nh,
	    rule);
	/* installments: INST-C1 terminates the plan, computes the
	 * refund (incurred fees settled first) and its date into *rule. */
	if (plan_terminate(db, NULL, &o, "INST-C1", OF_USER, user_id, today,
	    hol, nh, now, rule) == -1)
		goto fail;
	res = orderflow_transition(db, id, o.status, OS_CANCELLED,
	    OF_USER, user_id, rule->rule, now);
	if (res != RES_OK)
		goto fail;
	res = RES_ERROR;
	if (rule->has_date) {
		mp_date_str(rule->by, day, sizeof(day));
		if (db_order_set_refund_due(db, id, day) == -1)
			goto fail;
	}
	if (o.points_used > 0 &&
	    db_checkout_return_points(db, placer, o.points_used) == -1)
		goto fail;
	if (o.method == PM_CREDIT_LINE &&
	    db_checkout_release_credit(db, placer, o.amount_usd_minor) == -1)
		goto fail;
	if (cancel_message(db, &o, placer != user_id, rule, day, now) == -1)
		goto fail;
	if (db_commit(db) == -1) {
		free(hol);
		return RES_ERROR;
	}
	free(hol);
	return RES_OK;
fail:
	db_rollback(db);
	free(hol);
	return res;
}

/* The effects of a confirmed receipt of the order's method (its row in
 * service/methods.c), inside the transaction. Returns 0 or -1 (roll
 * back). */
static int
order_receipt_effects(struct db *db, const struct db_order *o, int64_t now)
{
	const struct method_row *r = method_row(o->method);

	return r != NULL && r->receipt != NULL ? r->receipt(db, o, now) : 0;
}

/* See orders.h. */
enum result
order_confirm_receipt(struct db *db, int64_t user_id, int64_t id,
    enum of_actor actor, int64_t now)
{
	struct db_order		 o;
	enum result	 res = RES_ERROR;
	int64_t			 placer = 0;
	int			 rc;
	char			 st[SAID_LEN];

	if (actor == OF_USER && user_id <= 0)
		return RES_NOT_FOUND;
	/* READ COMMITTED: the charge row's locking read (Pay After Use)
	 * takes no gap lock that two receipts of other orders could
	 * deadlock on. */
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	if (actor == OF_USER &&
	    (res = acting_for(db, user_id, id, &placer)) != RES_OK)
		goto fail;
	res = RES_ERROR;
	rc = db_order_get(db, actor == OF_USER ? placer : 0, id, &o);
	if (rc != 1) {
		res = rc == 0 ? RES_NOT_FOUND : RES_ERROR;
		goto fail;
	}
	res = orderflow_transition(db, id, o.status,
	    OS_RECEIPT_CONFIRMED, actor, actor == OF_USER ? user_id : 0,
	    said_store(st, sizeof(st), actor == OF_USER ?
	    SAID_RECEIPT_CONFIRMED : SAID_RECEIPT_AUTO, NULL, NULL, NULL),
	    now);
	if (res != RES_OK)
		goto fail;
	if (order_receipt_effects(db, &o, now) == -1)
		res = RES_ERROR;
fail:
	return conn_finish(db, res);
}

/* The next action of an order of method not paid yet in status (the
 * corporate application and agreement, the remittance, the review, the
 * confirmation) into a, whose defaults are set: 1 when status is such a
 * step, else 0 (a untouched). */
static int
next_unpaid(enum pay_method method, enum order_status status,
    struct order_action *a)
{
	/* corporate: INST-CORP's application and agreement are on
	 * the order's corporate page. */
	if (method == PM_INSTALLMENT_CORPORATE &&
	    (status == OS_AWAITING_REVIEW ||
	    status == OS_AWAITING_CONFIRMATION)) {
		a->label = status == OS_AWAITING_REVIEW ?
		    N_("Corporate installment application") :
		    N_("Sign the installment agreement");
		a->href_tail = "/corporate";
		a->next = status == OS_AWAITING_REVIEW ? N_("Apply with "
		    "the term (3-6 months); an admin reviews it within 1-3 "
		    "business days (INST-CORP).") :
		    /* xgettext:no-c-format */
		    N_("The application was approved: a member signs the "
		    "agreement, then the 30% down payment is paid by bank "
		    "transfer (INST-CORP).");
		return 1;
	}
	if (status == OS_AWAITING_REMITTANCE ||
	    status == OS_PARTIALLY_PAID) {
		a->label = N_("Upload Remittance Voucher");
		a->href_tail = "/voucher";
		a->next = N_("Remit the amount at a post office with the order "
		    "number and remittance code in the remarks, then upload "
		    "the receipt (REM-P3).");
	} else if (status == OS_AWAITING_VERIFICATION)
		a->next = N_("We match the funds with your order (REM-P4/P5); "
		    "then it ships.");
	else if (status == OS_AWAITING_REVIEW &&
	    method == PM_INSTALLMENT_CARD) {
		/* installments: INST-CC card entry (pages/plans.c). */
		a->label = N_("Enter your card");
		a->href_tail = "/card";
		a->next = N_("Enter the card the installments are paid with; "
		    "the bank answers at once (INST-CC).");
	} else if (status == OS_AWAITING_REVIEW)
		a->next = method == PM_COD ? N_("The mall reviews the "
		    "order (address and products support COD) by the review "
		    "date (COD-P1).") : N_("Your installment application is "
		    "being reviewed; the result arrives as a message.");
	else if (status == OS_AWAITING_CONFIRMATION) {
		a->label = N_("Confirm Installment and Pay Down Payment");
		a->href_tail = "/confirm";
		a->next = N_("Your application was approved: confirm the plan "
		    "and pay the down payment (INST-P1).");
	} else
		return 0;
	return 1;
}

/* The next action of an order of method in status once paid or on its
 * way (delivery, Pay After Use charge, repayments, shipment) into a,
 * whose defaults are set; a untouched for any other status. */
static void
next_paid(enum pay_method method, enum order_status status,
    struct order_action *a)
{
	/* The repayments run from the plan's start (order_panels.c). */
	int repay = order_panels_may(method, status, OP_REPAY);

	if (status == OS_DELIVERED &&
	    method == PM_COD)
		/* cod: COD-P3, no receipt confirmation. */
		a->next = N_("Inspect the goods, pay the courier and click "
		    "\"Paid\" with the voucher (COD-P3); the order completes "
		    "once the courier reports the payment.");
	else if (status == OS_DELIVERED) {
		a->label = N_("Confirm receipt");
		a->href_tail = "#confirm-receipt";
		a->next = method == PM_PAY_AFTER_USE ? N_("Confirm "
		    "receipt once you have the goods; the price is then "
		    "deducted (PAU-03).") : N_("Confirm receipt once you have "
		    "checked the goods.");
	} else if (method == PM_PAY_AFTER_USE &&
	    (status == OS_PENDING_SHIPMENT ||
	    status == OS_SHIPPED ||
	    status == OS_RECEIPT_CONFIRMED ||
	    status == OS_COMPLETED)) {
		/* pau: the bound card and the charge. */
		a->label = N_("Pay After Use payment");
		a->href_head = "/pay-after-use#pau-charge-";
		a->next = status == OS_RECEIPT_CONFIRMED ||
		    status == OS_COMPLETED ? N_("The price was charged "
		    "to your bound card, or is due like an installment if "
		    "that failed (PAU-04).") : N_("Nothing is due now: the "
		    "price is deducted from your bound card when you confirm "
		    "receipt (PAU-03).");
	} else if (repay) {
		a->label = N_("View repayment schedule");
		a->href_tail = "/schedule";
		a->next = status == OS_SHIPPED ? N_("The order is on "
		    "its way.") : N_("Repay each installment by its due date.");
	} else if (status == OS_PENDING_SHIPMENT ||
	    status == OS_PAID)
		a->next = N_("The merchant prepares the shipment.");
	else if (status == OS_SHIPPED)
		a->next = method == PM_COD ? N_("Inspect the goods at "
		    "delivery, then pay the courier (COD-P3).") : N_("The "
		    "order is on its way.");
}

/* See orders.h. */
void
order_next_action(enum pay_method method, enum order_status status,
    struct order_action *a)
{
	a->label = N_("View order");
	a->href_head = "/orders/";
	a->href_tail = "";
	a->next = "";
	if (!next_unpaid(method, status, a))
		next_paid(method, status, a);
}
