/*
 * Post office remittance (RULES.md section 3): the admin's
 * verification, the tick's work and refunds (the voucher upload is in
 * remittance_upload.c, the statement import in remittance_import.c). See
 * remittance.h for the contracts; every state change here is one
 * transaction with its orderflow transition, audit event and message.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/said.h"
#include "core/words.h"
#include "core/log.h"
#include "core/i18n.h"
#include "core/words.h"
#include "db/admin.h"
#include "db/db.h"
#include "db/message.h"
#include "db/remittance.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/conn.h"
#include "service/language.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/postings.h"
#include "service/remittance.h"
#include "service/remittance_int.h"

static const struct {
	const char *code, *text;
} reasons[] = {
	/* REM-P9: the reasons a voucher is rejected for. */
	{ "unreadable", N_("the voucher cannot be read") },
	{ "amount_mismatch", N_("the amount on the voucher does not match") },
	{ "wrong_payee", N_("the remittance went to the wrong payee") },
	{ "wrong_date", N_("the date on the voucher is wrong") },
};

/* See remittance.h. */
int
remittance_reason_valid(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < sizeof(reasons) / sizeof(reasons[0]);
	    i++)
		if (strcmp(reasons[i].code, code) == 0)
			return 1;
	return 0;
}

/* See remittance.h. */
const char *
remittance_reason_text(const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < sizeof(reasons) / sizeof(reasons[0]);
	    i++)
		if (strcmp(reasons[i].code, code) == 0)
			return _(reasons[i].text);
	return _("rejected");
}

/* See remittance.h. */
int
remittance_tracking_norm(const char *s, char *out, size_t outsz)
{
	size_t i, n;

	if (s == NULL || (n = strlen(s)) < 4 || n > 40 || n + 1 > outsz)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return -1;
		out[i] = (char)toupper((unsigned char)s[i]);
	}
	out[n] = '\0';
	return 0;
}

/* Amount minor of cur as "USD 1,234.50" into out (MONEY_STR_MAX). */
static const char *
amount_str(int64_t minor, const char *cur, char *out, size_t outsz)
{
	return money_display_minor(minor, cur, out, outsz);
}

/* Tell the shopper (messages table). Returns 0 or -1. */
static int
tell(struct db *db, const struct db_order *o, const char *subject,
    const char *body, int64_t now)
{
	return db_message_insert(db, o->user_id, 0, subject, body, now) == -1 ?
	    -1 : 0;
}

/* Record a receipt of amount: voucher vid accepted (vid > 0), else the
 * statement row stmt_row inserted. Returns the voucher's id, 0 when it is
 * not pending any more (or the row exists), -1 error. */
static int64_t
record_receipt(struct db *db, int64_t vid, int64_t amount, int64_t admin_id,
    const char *how, const struct db_rem_voucher_new *stmt_row, int64_t now)
{
	if (vid <= 0)
		return db_rem_voucher_insert(db, stmt_row);
	return db_rem_voucher_decide(db, vid, VS_ACCEPTED, NULL, amount, how,
	    admin_id, now) == 1 ? vid : 0;
}

/* The ledger of a receipt of amount for order o on voucher (or statement
 * row) vid: the receipt; once paid (cmp >= 0) the sale, and any excess
 * (cmp > 0: diff) to the buyer's credit, due back as a refund (REM-P7).
 * Returns 0 or -1. */
static int
post_receipt(struct db *db, const struct db_order *o, int64_t vid,
    int64_t amount, int cmp, int64_t diff,
    const struct db_rem_voucher_new *stmt_row, int64_t now)
{
	/* The post office's reference is the order's remittance code,
	 * whether a voucher or a statement row (stmt_row) brought it. */
	(void)stmt_row;
	if (post_rem_receipt(db, o, vid, o->rf_code, amount, now) == -1)
		return -1;
	if (cmp < 0)
		return 0;
	if (post_sale(db, o, o->amount_due_minor, now) == -1)
		return -1;
	if (cmp > 0 && (post_rem_excess(db, o, diff, now) == -1 ||
	    post_refund_due(db, o, "excess", diff, now) == -1))
		return -1;
	return 0;
}

/* The shopper's message of a recorded receipt of a for order o, in the
 * buyer's language: cmp < 0 paid less (d still due of due, REM-P7), else
 * paid (cmp > 0: d paid more, returned after completion), how the receipt
 * was matched. */
static void
receipt_message(const struct db_order *o, int cmp, const char *a,
    const char *d, const char *due, const char *how, char *subject,
    size_t subjsz, char *body, size_t bodysz)
{
	enum lang prev = i18n_use(language_of_tag(o->language));

	if (cmp < 0) {
		snprintf(subject, subjsz, _("Order #%lld: %s still due"),
		    (long long)o->id, d);
		snprintf(body, bodysz, _("We received %s for order #%lld "
		    "(%s). The order costs %s, so %s is still due (REM-P7). "
		    "Please remit the difference at a post office with the "
		    "order number and remittance code in the remarks, then "
		    "upload the new voucher on the order (\"Upload Remittance "
		    "Voucher\")."), a, (long long)o->id, _(how), due, d);
	} else {
		snprintf(subject, subjsz, _("Order #%lld is paid"),
		    (long long)o->id);
		if (cmp > 0)
			snprintf(body, bodysz, _("We received %s for "
			    "order #%lld (%s): it is paid and ready to ship "
			    "(REM-P5). You paid %s more than due: the excess "
			    "is returned through the post office within 15 "
			    "business days after the order is completed "
			    "(REM-P7)."), a, (long long)o->id, _(how), d);
		else
			snprintf(body, bodysz, _("We received %s for "
			    "order #%lld (%s): it is paid and ready to ship "
			    "(REM-P5)."), a, (long long)o->id, _(how));
	}
	i18n_use(prev);
}

/* Inside the caller's transaction: received `amount` for order o (locked
 * by the caller's reads; status o->status), by admin_id. vid: the pending
 * voucher it decides (0: a statement receipt without a voucher, recorded
 * as an accepted 'statement' row with tracking/date/key). Moves the order
 * (REM-P5 paid -> pending_shipment; REM-P7 partially_paid, excess refund),
 * writes the voucher event and the message, and describes it in msg.
 * Returns RES_OK, RES_NOT_ALLOWED or RES_ERROR. */
enum result
rem_apply_receipt(struct db *db, const struct db_order *o, int64_t vid,
    int64_t amount, int64_t admin_id, const char *how,
    const struct db_rem_voucher_new *stmt_row, int64_t now, char *msg,
    size_t msgsz)
{
	int64_t		 total, diff;
	int		 cmp;
	char		 a[MONEY_STR_MAX], d[MONEY_STR_MAX], due[MONEY_STR_MAX];
	char		 subject[120], body[700], detail[200], st[SAID_LEN];
	enum order_status from = o->status;

	if ((vid = record_receipt(db, vid, amount, admin_id, how, stmt_row,
	    now)) <= 0)
		return vid == 0 ? RES_NOT_ALLOWED : RES_ERROR;
	if (db_rem_received_total(db, o->id, &total) == -1)
		return RES_ERROR;
	cmp = remittance_compare(o->amount_due_minor, total, &diff);
	if (post_receipt(db, o, vid, amount, cmp, diff, stmt_row, now) == -1)
		return RES_ERROR;
	amount_str(amount, o->currency, a, sizeof(a));
	amount_str(diff, o->currency, d, sizeof(d));
	amount_str(o->amount_due_minor, o->currency, due, sizeof(due));
	if (cmp < 0) {
		/* REM-P7: paid less: the difference is still due. */
		if (from != OS_PARTIALLY_PAID &&
		    orderflow_transition(db, o->id, from, OS_PARTIALLY_PAID,
		    OF_ADMIN, admin_id, said_store(st, sizeof(st),
		    SAID_REM_PAID_LESS, NULL, NULL, NULL), now) != RES_OK)
			return RES_NOT_ALLOWED;
		snprintf(msg, msgsz, A_("Recorded %s: order #%lld is partially "
		    "paid, %s still due (REM-P7)."), a, (long long)o->id, d);
	} else {
		/* REM-P5: paid -> ready to ship. */
		if (orderflow_transition(db, o->id, from, OS_PAID, OF_ADMIN,
		    admin_id, said_store(st, sizeof(st), SAID_REM_MATCHED,
		    NULL, NULL, NULL), now) != RES_OK ||
		    orderflow_transition(db, o->id, OS_PAID, OS_PENDING_SHIPMENT,
		    OF_SYSTEM, 0, said_store(st, sizeof(st), SAID_REM_READY,
		    NULL, NULL, NULL), now) != RES_OK)
			return RES_NOT_ALLOWED;
		if (cmp > 0) {
			/* REM-P7: the excess goes back within 15 business
			 * days after the order completes: dated by the tick
			 * once it completes. */
			if (db_rem_refund_insert(db, o->id, "excess", diff,
			    o->currency, NULL, now) == -1)
				return RES_ERROR;
		}
		if (cmp > 0)
			snprintf(msg, msgsz, A_("Recorded %s: order #%lld is "
			    "paid; excess refund of %s due 15 business days "
			    "after completion (REM-P7)."), a, (long long)o->id,
			    d);
		else
			snprintf(msg, msgsz, A_("Recorded %s: order #%lld is "
			    "paid."), a, (long long)o->id);
	}
	receipt_message(o, cmp, a, d, due, how, subject, sizeof(subject), body,
	    sizeof(body));
	snprintf(detail, sizeof(detail), "{\"order\":%lld,\"received_minor\":"
	    "%lld,\"total_minor\":%lld,\"due_minor\":%lld}", (long long)o->id,
	    (long long)amount, (long long)total,
	    (long long)o->amount_due_minor);
	if (audit_event_detail(db, "voucher", vid, OF_ADMIN, admin_id,
	    "pending", "accepted", cmp < 0 ? "REM-P7 paid less" : cmp > 0 ?
	    "REM-P7 paid more" : "REM-P5 amount matched", detail, now) == -1 ||
	    tell(db, o, subject, body, now) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* Lock order order_id, then its voucher vid, and read both again under
 * the locks into *o and *v: RES_OK when the voucher is still pending on an
 * order awaiting verification, else why not (msg for people). */
static enum result
decide_lock(struct db *db, int64_t order_id, int64_t vid, struct db_order *o,
    struct db_rem_voucher *v, char *msg, size_t msgsz)
{
	enum pay_method	method;
	char	when[40], st[64];
	int	rc;

	rc = db_order_lock_method(db, order_id, &method);
	if (rc == 1)
		rc = db_rem_voucher_get(db, vid, 1, v);
	if (rc != 1 || v->order_id != order_id)
		return rc == -1 ? RES_ERROR : RES_NOT_FOUND;
	if (v->status != VS_PENDING) {
		admin_fmt_time(v->decided_at, when, sizeof(when));
		snprintf(msg, msgsz,
		    A_("This voucher was already decided by %s "
		    "at %s (%s). Nothing was changed."), v->decided_by_email,
		    when, words_state(voucher_status_name(v->status)));
		return RES_DECIDED;
	}
	if ((rc = db_order_get(db, 0, order_id, o)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (o->status != OS_AWAITING_VERIFICATION) {
		words_status(order_status_name(o->status), st, sizeof(st));
		snprintf(msg, msgsz, A_("Order #%lld is %s now, not awaiting "
		    "verification. Nothing was changed."), (long long)order_id,
		    st);
		return RES_NOT_ALLOWED;
	}
	return RES_OK;
}

/* REM-P9: voucher vid of order o rejected with reason by admin_id; the
 * shopper uploads again. Money already received keeps the order partially
 * paid. Inside the caller's transaction. */
static enum result
reject_voucher(struct db *db, const struct db_order *o, int64_t vid,
    int64_t admin_id, const char *reason, int64_t now, char *msg,
    size_t msgsz)
{
	char		 subject[120], body[700], st[SAID_LEN];
	int64_t		 total;
	enum order_status to;
	enum lang	 prev;

	if (db_rem_voucher_decide(db, vid, VS_REJECTED, reason, -1, "",
	    admin_id, now) != 1 ||
	    db_rem_received_total(db, o->id, &total) == -1)
		return RES_ERROR;
	to = total > 0 ? OS_PARTIALLY_PAID : OS_AWAITING_REMITTANCE;
	if (orderflow_transition(db, o->id, o->status, to, OF_ADMIN,
	    admin_id, said_store(st, sizeof(st), SAID_REM_REJECTED, NULL, NULL,
	    NULL), now) != RES_OK)
		return RES_NOT_ALLOWED;
	if (audit_event(db, "voucher", vid, OF_ADMIN, admin_id,
	    "pending", "rejected", reason, now) == -1)
		return RES_ERROR;
	prev = i18n_use(language_of_tag(o->language));
	snprintf(subject, sizeof(subject), _("Order #%lld: voucher "
	    "rejected"), (long long)o->id);
	snprintf(body, sizeof(body), _("Your remittance voucher for "
	    "order #%lld was rejected: %s (REM-P9). Please upload a "
	    "clear photo or PDF of the correct receipt on the order "
	    "(\"Upload Remittance Voucher\")."), (long long)o->id,
	    remittance_reason_text(reason));
	i18n_use(prev);
	if (tell(db, o, subject, body, now) == -1)
		return RES_ERROR;
	snprintf(msg, msgsz, A_("Voucher rejected (%s); the shopper was "
	    "told and can upload again (REM-P9)."),
	    remittance_reason_text(reason));
	return RES_OK;
}

/* See remittance.h. */
enum result
remittance_decide(struct db *db, int64_t admin_id, int64_t order_id,
    int64_t vid, int64_t received, const char *reason, int64_t now,
    char *msg, size_t msgsz)
{
	struct db_order		 o;
	struct db_rem_voucher	 v;
	char			 by[300], dec[33], when[40];
	int64_t			 at;
	int			 rc;
	enum result		 res = RES_ERROR;

	msg[0] = '\0';
	if (received < 0 && !remittance_reason_valid(reason)) {
		snprintf(msg, msgsz, A_("REM-P9: choose the reason of the "
		    "rejection (unreadable, amount mismatch, wrong payee, "
		    "wrong date)."));
		return RES_INVALID;
	}
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	/* The order and the voucher locked first: concurrent decisions (and
	 * a cancellation) of one voucher run one after the other. */
	if ((res = decide_lock(db, order_id, vid, &o, &v, msg, msgsz)) !=
	    RES_OK)
		goto fail;
	res = RES_ERROR;
	/* One decision per voucher: a second admin (or a double submit)
	 * hits the key and learns who decided. */
	rc = db_admin_decision_claim(db, "voucher", vid, "verify",
	    received >= 0 ? "received" : "rejected", admin_id, now, by,
	    sizeof(by), dec, &at);
	if (rc == -1)
		goto fail;
	if (rc == 1) {
		admin_fmt_time(at, when, sizeof(when));
		snprintf(msg, msgsz,
		    A_("This voucher was already decided by %s "
		    "at %s (%s). Nothing was changed."), by, when, dec);
		res = RES_DECIDED;
		goto fail;
	}
	if (received >= 0)
		res = rem_apply_receipt(db, &o, vid, received, admin_id,
		    N_("verified by the mall"), NULL, now, msg, msgsz);
	else
		res = reject_voucher(db, &o, vid, admin_id, reason, now, msg,
		    msgsz);
fail:
	return conn_finish(db, res);
}

/* REM-P6: cancel one unpaid order past its day. 1 done, 0 none, -1. */
static int
tick_expired(struct db *db, int64_t now, const char *today, mp_date td,
    const mp_date *hol, size_t nh)
{
	struct db_order	 o;
	int64_t		 id, got;
	enum order_status status;
	char		 subject[120], body[1000], day[11], st[SAID_LEN];
	char		 a[MONEY_STR_MAX];
	mp_date		 by;
	int		 rc;
	enum lang	 prev = i18n_current();

	if (db_begin_read_committed(db) == -1)
		return -1;
	if ((rc = db_rem_take_expired(db, today, &id, &status)) != 1)
		goto out;
	rc = -1;
	if (db_order_get(db, 0, id, &o) != 1 ||
	    db_rem_received_total(db, id, &got) == -1)
		goto out;
	if (orderflow_transition(db, id, status, OS_CANCELLED, OF_SYSTEM, 0,
	    said_store(st, sizeof(st), SAID_REM_WINDOW_ENDED, NULL, NULL,
	    NULL), now) != RES_OK)
		goto out;
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subject, sizeof(subject), _("Order #%lld cancelled: not "
	    "paid in time"), (long long)id);
	if (got > 0) {
		/* REM-P8: what was received goes back in 10-20 business
		 * days; the latest day is the promise (C-04). */
		if (mp_date_add_business_days(td, REM_CANCEL_REFUND_MAX, hol,
		    nh, &by) == -1)
			goto out;
		mp_date_str(by, day, sizeof(day));
		if (db_rem_refund_insert(db, id, "cancel", got, o.currency, day,
		    now) == -1 || db_order_set_refund_due(db, id, day) == -1 ||
		    post_refund_due(db, &o, "cancel", got, now) == -1)
			goto out;
		amount_str(got, o.currency, a, sizeof(a));
		snprintf(body, sizeof(body), _("Order #%lld was cancelled "
		    "because its payment was not completed within 30 days "
		    "(REM-P6). The %s we received is refunded through the "
		    "post office by %s (REM-P8; post office fees and exchange "
		    "losses are not refunded). For a remittance that has not "
		    "reached us, ask the post office to return it with your "
		    "receipt and its tracking number."), (long long)id, a,
		    day);
	} else
		snprintf(body, sizeof(body), _("Order #%lld was cancelled "
		    "because no remittance was confirmed within 30 days "
		    "(REM-P6). If you remitted money for it, recover it from "
		    "the post office: take your receipt with its tracking "
		    "number to the post office and ask for the remittance to "
		    "be returned."), (long long)id);
	i18n_use(prev);
	if (tell(db, &o, subject, body, now) == -1)
		goto out;
	if (db_commit(db) == -1)
		return -1;
	printf("remittance: order %lld cancelled (REM-P6)\n", (long long)id);
	return 1;
out:
	db_rollback(db);
	return rc;
}

/* REM-P8: look once at one cancelled remittance order (marked by its
 * cancellation): a refund when money was received, and the mark cleared
 * in the same transaction. 1 done, 0 none, -1. */
static int
tick_cancel_refund(struct db *db, int64_t now, const mp_date *hol, size_t nh)
{
	struct db_order	 o;
	int64_t	 id, got, at;
	char	 cur[4], day[11], st[SAID_LEN];
	mp_date	 d, by;
	int	 rc, refunded;

	if (db_begin_read_committed(db) == -1)
		return -1;
	if ((rc = db_rem_take_cancel_check(db, &id, &got, cur, &at,
	    &refunded)) != 1)
		goto out;
	rc = -1;
	if (db_rem_cancel_checked(db, id) != 1)
		goto out;
	if (refunded || got <= 0)
		return db_commit(db) == -1 ? -1 : 1;
	if (mp_date_from_unix(at, &d) == -1 ||
	    mp_date_add_business_days(d, REM_CANCEL_REFUND_MAX, hol, nh,
	    &by) == -1)
		goto out;
	mp_date_str(by, day, sizeof(day));
	if (db_rem_refund_insert(db, id, "cancel", got, cur, day, now) == -1 ||
	    db_order_get(db, 0, id, &o) != 1 ||
	    (got >= o.amount_due_minor && post_sale_cancel(db, &o, now) ==
	    -1) || post_refund_due(db, &o, "cancel", got, now) == -1 ||
	    audit_event(db, "order", id, OF_SYSTEM, 0, NULL, NULL,
	    said_store(st, sizeof(st), SAID_REM_REFUND_DUE, NULL, NULL,
	    NULL), now) == -1)
		goto out;
	if (db_commit(db) == -1)
		return -1;
	printf("remittance: order %lld refund due by %s (REM-P8)\n",
	    (long long)id, day);
	return 1;
out:
	db_rollback(db);
	return rc;
}

/* REM-P7: date one excess refund of a completed order. 1, 0, -1. */
static int
tick_excess(struct db *db, int64_t now, const mp_date *hol, size_t nh)
{
	int64_t	 rid, done;
	char	 day[11];
	mp_date	 d, by;
	int	 rc;

	(void)now;
	if (db_begin_read_committed(db) == -1)
		return -1;
	if ((rc = db_rem_take_undated_excess(db, &rid, &done)) != 1)
		goto out;
	rc = -1;
	if (mp_date_from_unix(done, &d) == -1 ||
	    mp_date_add_business_days(d, REM_EXCESS_REFUND_DAYS, hol, nh,
	    &by) == -1)
		goto out;
	mp_date_str(by, day, sizeof(day));
	if (db_rem_refund_set_due(db, rid, day) == -1)
		goto out;
	if (db_commit(db) == -1)
		return -1;
	printf("remittance: excess refund %lld due by %s (REM-P7)\n",
	    (long long)rid, day);
	return 1;
out:
	db_rollback(db);
	return rc;
}

/* See remittance.h. */
int
remittance_tick(struct db *db, int64_t now)
{
	mp_date	*hol = NULL, td;
	size_t	 nh;
	char	 today[11];
	int	 n = 0, rc, guard;

	if (mp_date_from_unix(now, &td) == -1 ||
	    order_holidays(db, &hol, &nh) == -1)
		return -1;
	mp_date_str(td, today, sizeof(today));
	for (guard = 0; guard < 100000; guard++) {
		if ((rc = tick_expired(db, now, today, td, hol, nh)) == -1)
			goto fail;
		if (rc == 0)
			break;
		n++;
	}
	for (guard = 0; guard < 100000; guard++) {
		if ((rc = tick_cancel_refund(db, now, hol, nh)) == -1)
			goto fail;
		if (rc == 0)
			break;
		n++;
	}
	for (guard = 0; guard < 100000; guard++) {
		if ((rc = tick_excess(db, now, hol, nh)) == -1)
			goto fail;
		if (rc == 0)
			break;
		n++;
	}
	free(hol);
	return n;
fail:
	log_err("remittance tick: %s", db_error(db));
	free(hol);
	return -1;
}

/* See remittance.h. Pure. */
int
remittance_account_check(const char *name, const char *number,
    char *norm, size_t normsz, char *nerr, char *aerr, size_t errsz)
{
	size_t		 i, n = 0, len;
	int		 bad = 0, alnum = 1;
	const char	*p;

	nerr[0] = aerr[0] = '\0';
	/* The holder's name as on the account: not blank. */
	for (p = name != NULL ? name : ""; *p == ' '; p++)
		;
	len = strlen(p);
	if (len < 2 || len > 200) {
		snprintf(nerr, errsz, "%s", _("Enter the account holder's "
		    "name as the post office knows it (2 to 200 characters)."));
		bad = 1;
	}
	/* The account number or IBAN: letters and digits, spaces and
	 * dashes only for readability; stored without them, upper case. */
	if (number != NULL)
		for (i = 0; number[i] != '\0'; i++) {
			if (number[i] == ' ' || number[i] == '-')
				continue;
			if (!isalnum((unsigned char)number[i])) {
				alnum = 0;
				break;
			}
			if (n + 1 < normsz)
				norm[n] = (char)toupper((unsigned char)number[i]);
			n++;
		}
	if (n < normsz)
		norm[n] = '\0';
	else if (normsz > 0)
		norm[normsz - 1] = '\0';
	if (!alnum || n < 8 || n > 34) {
		snprintf(aerr, errsz, "%s", _("Enter the postal account "
		    "number or IBAN: 8 to 34 letters and digits (spaces and "
		    "dashes are allowed)."));
		bad = 1;
	}
	return bad;
}

/* See remittance.h. */
enum result
remittance_refund_account(struct db *db, int64_t user_id, int64_t order_id,
    const char *name, const char *number, int64_t now, char *nerr,
    char *aerr, size_t errsz)
{
	struct db_order	 o;
	char		 norm[65], hold[201], detail[120], st[SAID_LEN];
	const char	*p;
	int		 rc;

	if (remittance_account_check(name, number, norm, sizeof(norm), nerr,
	    aerr, errsz))
		return RES_INVALID;
	for (p = name; *p == ' '; p++)
		;
	snprintf(hold, sizeof(hold), "%s", p);
	if (db_begin(db) == -1)
		return RES_ERROR;
	rc = db_order_get(db, user_id, order_id, &o);
	if (rc != 1 || o.method != PM_REMITTANCE) {
		db_rollback(db);
		return rc == -1 ? RES_ERROR : RES_NOT_FOUND;
	}
	if ((rc = db_rem_refund_set_account(db, order_id, user_id, hold, norm,
	    now)) <= 0) {
		db_rollback(db);
		/* No refund, or every refund is already sent. */
		return rc == -1 ? RES_ERROR : RES_NOT_ALLOWED;
	}
	/* The audit keeps the last four characters only. */
	snprintf(detail, sizeof(detail), "{\"account_tail\":\"%s\"}",
	    norm + (strlen(norm) > 4 ? strlen(norm) - 4 : 0));
	if (audit_event_detail(db, "order", order_id, OF_USER, user_id, NULL,
	    NULL, said_store(st, sizeof(st), SAID_REM_REFUND_ACCOUNT, NULL,
	    NULL, NULL), detail, now) == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return RES_ERROR;
	}
	return RES_OK;
}

/* See remittance.h. */
enum result
remittance_refund_sent(struct db *db, int64_t admin_id, int64_t order_id,
    int64_t refund_id, int64_t now, char *msg, size_t msgsz)
{
	struct db_rem_refund	 r;
	struct db_order		 o;
	char			 a[MONEY_STR_MAX], subject[120], body[600];
	char			 when[40], ref[40], st[SAID_LEN];
	enum result		 res = RES_ERROR;
	int			 rc;
	enum lang		 prev;

	msg[0] = '\0';
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	rc = db_rem_refund_get_lock(db, refund_id, &r);
	if (rc != 1 || r.order_id != order_id) {
		res = rc == -1 ? RES_ERROR : RES_NOT_FOUND;
		goto fail;
	}
	if (r.sent_at != 0) {
		admin_fmt_time(r.sent_at, when, sizeof(when));
		snprintf(msg, msgsz,
		    A_("Refund #%lld was already marked sent by "
		    "%s at %s. Nothing was changed."), (long long)refund_id,
		    r.sent_by_email, when);
		res = RES_DECIDED;
		goto fail;
	}
	/* A second admin (or a double submit) racing this one hits the key
	 * and learns who marked it. */
	rc = admin_claim(db, "rem_refund", refund_id, "sent", "sent",
	    admin_id, now, NA_("Refund"), msg, msgsz);
	if (rc != 0) {
		res = rc == 1 ? RES_DECIDED : RES_ERROR;
		goto fail;
	}
	if (r.account_given_at == 0) {
		snprintf(msg, msgsz, A_("Refund #%lld is waiting for the "
		    "shopper's postal account (REM-P8). Nothing was changed."),
		    (long long)refund_id);
		res = RES_NOT_ALLOWED;
		goto fail;
	}
	if ((rc = db_order_get(db, 0, order_id, &o)) != 1) {
		res = rc == 0 ? RES_NOT_FOUND : RES_ERROR;
		goto fail;
	}
	snprintf(ref, sizeof(ref), "remrefund-%lld", (long long)refund_id);
	if (db_rem_refund_mark_sent(db, refund_id, admin_id, now) != 1 ||
	    post_refund_sent(db, &o, r.kind, r.amount_minor,
	    POST_PARTNER_POST_OFFICE, ref, now) == -1)
		goto fail;
	amount_str(r.amount_minor, r.currency, a, sizeof(a));
	prev = i18n_use(language_of_tag(o.language));
	snprintf(subject, sizeof(subject), _("Order #%lld: refund sent"),
	    (long long)order_id);
	snprintf(body, sizeof(body), _("Your refund of %s for order #%lld was "
	    "sent through the post office to the postal account ending %s "
	    "(%s). Post office fees and exchange losses are not refunded."),
	    a, (long long)order_id, r.account_number + (strlen(r.account_number)
	    > 4 ? strlen(r.account_number) - 4 : 0),
	    strcmp(r.kind, "excess") == 0 ? "REM-P7" : "REM-P8");
	i18n_use(prev);
	if (audit_event(db, "order", order_id, OF_ADMIN, admin_id, NULL, NULL,
	    said_store(st, sizeof(st), strcmp(r.kind, "excess") == 0 ?
	    SAID_REM_EXCESS_SENT : SAID_REM_REFUND_SENT, NULL, NULL, NULL),
	    now) == -1 ||
	    tell(db, &o, subject, body, now) == -1 || db_commit(db) == -1)
		goto fail;
	snprintf(msg, msgsz,
	    A_("Refund #%lld of %s marked sent; the shopper is "
	    "told."), (long long)refund_id, a);
	return RES_OK;
fail:
	db_rollback(db);
	return res;
}
