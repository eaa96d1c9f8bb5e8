/*
 * Corporate public installment (RULES INST-CORP, INST-P3; see company.h):
 * the application of an order placed with installment_corporate, the
 * admin's review within 1-3 business days, the agreement signed by a
 * member, the 30% down payment recorded by an admin, the agreement in
 * effect and the order ready to ship. The plan, its schedule page,
 * reminders, late fees and suspension are the installment plans'
 * (service/plans.h): this file creates and starts the plan and records
 * transfers on it.
 *
 * Decisions where RULES is silent:
 * - "30% down payment (per agreement)": 30% (setting
 *   corp_down_payment_percent) of the order's amount to pay, rounded half
 *   up to the minor unit; the plan finances the rest over the term at the
 *   corporate program's monthly rate.
 * - The agreement text is built once, at approval, with every figure,
 *   in the language of the member who applied (else the company's:
 *   language_of_member); its SHA-256 is stored with it, the member's
 *   signing form carries the hash of the text shown, and a different
 *   hash is refused (the member signs exactly what was stored and what
 *   the download and the PDF show, in that one language).
 * - Due dates are fixed when the agreement takes effect (the down payment
 *   is recorded): the text gives the rule (INST-M4) and each amount.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/digest.h"
#include "core/i18n.h"
#include "core/said.h"
#include "core/words.h"
#include "core/log.h"
#include "core/money.h"
#include "db/admin.h"
#include "db/checkout.h"
#include "db/company.h"
#include "db/db.h"
#include "db/message.h"
#include "rules/apr.h"
#include "rules/plan.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/company.h"
#include "service/conn.h"
#include "service/corp_app_view.h"
#include "service/corp_transfer.h"
#include "service/language.h"
#include "service/members.h"
#include "service/orderflow.h"
#include "service/plans.h"

/* See company.h. */
int64_t
corp_down_payment(int64_t amount, int64_t percent)
{
	/* Half up on non-negative amounts; __int128 against overflow. */
	return (int64_t)(((__int128)amount * percent + 50) / 100);
}

/* Institution id's row into *out. 1, 0 unknown, -1. */
static int
institution_of(struct db *db, const char *id, struct db_institution *out)
{
	struct db_institution	*in;
	size_t			 i, n;
	int			 rc = 0;

	if (db_checkout_institutions(db, &in, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(in[i].id, id) == 0) {
			*out = in[i];
			rc = 1;
		}
	free(in);
	return rc;
}

/* 1 if term is one of the comma-separated terms. */
static int
term_listed(const char *terms, int term)
{
	const char	*p = terms;
	char		*end;
	long		 v;

	while (*p != '\0') {
		v = strtol(p, &end, 10);
		if (end == p)
			return 0;
		if (v == term)
			return 1;
		p = *end == ',' ? end + 1 : end;
	}
	return 0;
}

/* INST-03 at the time of the step: company_id is verified and its
 * licence not expired. Returns RES_OK, RES_NOT_ALLOWED (msg) or RES_ERROR. */
static enum result
qualified(struct db *db, int64_t company_id, int64_t now, char *msg,
    size_t msgsz)
{
	struct db_company	c;
	mp_date			td, exp;
	int			rc;

	if ((rc = db_company_get(db, company_id, 0, 0, &c)) != 1 ||
	    mp_date_from_unix(now, &td) == -1)
		return rc == 0 ? RES_NOT_ALLOWED : RES_ERROR;
	if (c.status != QS_VERIFIED || mp_date_parse(c.expires,
	    strlen(c.expires), &exp) == -1 || exp < td) {
		snprintf(msg, msgsz, "%s", _("INST-03: the company's "
		    "qualification is not verified or has expired; corporate "
		    "installment needs a verified, unexpired qualification."));
		return RES_NOT_ALLOWED;
	}
	return RES_OK;
}

/* See company.h. */
enum result
corp_apply_tx(struct db *db, int64_t company_id, int64_t user_id,
    int64_t order_id, int term, int64_t now, char *msg, size_t msgsz)
{
	struct db_corp_order	 o;
	struct db_institution	 in;
	struct db_corp_app	 a;
	char			 due[CAL_DATE_STRLEN], body[600], why[120];
	char			 subj[160];
	enum lang		 prev;
	int64_t			 id;
	int			 rc;

	msg[0] = '\0';
	/* Section 5, who asks first: a member applies when the owner lets
	 * them place orders, for their own company only. */
	if ((rc = member_require(db, user_id, company_id, MEMBER_ORDER, msg,
	    msgsz)) != RES_OK)
		return rc;
	if ((rc = db_corp_order_get(db, order_id, &o)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (o.company_id != company_id || company_id <= 0)
		return RES_NOT_FOUND;
	if (o.method != PM_INSTALLMENT_CORPORATE ||
	    o.status != OS_AWAITING_REVIEW) {
		snprintf(msg, msgsz, _("Order #%lld is not a corporate "
		    "installment waiting for its application."),
		    (long long)order_id);
		return RES_NOT_ALLOWED;
	}
	if ((rc = qualified(db, company_id, now, msg, msgsz)) != RES_OK)
		return rc;
	if ((rc = institution_of(db, o.institution_id, &in)) == -1)
		return RES_ERROR;
	/* INST-CORP: terms 3-6 months, and one the program lists. */
	if (term < 3 || term > 6 || (rc == 1 && !term_listed(in.terms, term))) {
		snprintf(msg, msgsz, "%s", _("INST-CORP: choose a term of 3 "
		    "to 6 months."));
		return RES_INVALID;
	}
	if ((rc = db_corp_app_by_order(db, order_id, 1, &a)) != 0) {
		db_corp_app_cleanup(&a);
		if (rc == -1)
			return RES_ERROR;
		snprintf(msg, msgsz, _("The application of order #%lld was "
		    "already submitted."), (long long)order_id);
		return RES_NOT_ALLOWED;
	}
	db_corp_app_cleanup(&a);
	/* C-04: the review is due in 1-3 business days from the
	 * application; the date is stored on it and on the order. */
	if (company_business_days(db, now, CORP_REVIEW_BUSINESS_DAYS, due,
	    sizeof(due)) == -1 ||
	    (id = db_corp_app_insert(db, order_id, company_id, user_id, term,
	    due, now)) <= 0 ||
	    db_corp_order_set_term(db, order_id, term, due) != 1)
		return RES_ERROR;
	snprintf(why, sizeof(why), "INST-CORP application for order #%lld, "
	    "%d months", (long long)order_id, term);
	prev = i18n_use(language_of_company(db, company_id));
	snprintf(body, sizeof(body), ngettext("The corporate installment "
	    "application of order #%lld (%d month) was submitted. An admin "
	    "reviews it by %s; the result arrives as a message.", "The "
	    "corporate installment application of order #%lld (%d months) "
	    "was submitted. An admin reviews it by %s; the result arrives as "
	    "a message.", (unsigned long)term), (long long)order_id, term,
	    due);
	snprintf(subj, sizeof(subj), "%s", _("Corporate installment "
	    "application submitted"));
	i18n_use(prev);
	if (audit_event(db, "application", id, OF_USER, user_id, NULL,
	    "submitted", why, now) == -1 ||
	    db_message_insert(db, 0, company_id, subj, body, now) == -1)
		return RES_ERROR;
	/* TRANSLATORS: %s is the date the review is due (YYYY-MM-DD). */
	snprintf(msg, msgsz, _("Application submitted. The review is due by "
	    "%s."), due);
	return RES_OK;
}

/* See company.h. */
enum result
corp_apply(struct db *db, int64_t company_id, int64_t user_id,
    int64_t order_id, int term, int64_t now, char *msg, size_t msgsz)
{
	enum result r;

	if (db_begin(db) == -1)
		return RES_ERROR;
	r = corp_apply_tx(db, company_id, user_id, order_id, term, now, msg,
	    msgsz);
	if (r != RES_OK) {
		db_rollback(db);
		return r;
	}
	return db_commit(db) == -1 ? RES_ERROR : RES_OK;
}

/* Free *a and end the transaction that locked it: committed when res is
 * RES_OK (RES_ERROR when the commit fails), else rolled back. Returns res,
 * or RES_ERROR for a failed commit. */
static enum result
app_end(struct db *db, struct db_corp_app *a, enum result res)
{
	db_corp_app_cleanup(a);
	return conn_finish(db, res);
}

/* Open a transaction and lock application id into *a: RES_OK (the
 * transaction open), else RES_NOT_FOUND or RES_ERROR (rolled back, *a owns
 * nothing). */
static enum result
app_begin(struct db *db, int64_t id, struct db_corp_app *a)
{
	int	rc;

	memset(a, 0, sizeof(*a));
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_corp_app_get(db, id, 1, a)) == 1)
		return RES_OK;
	return app_end(db, a, rc == 0 ? RES_NOT_FOUND : RES_ERROR);
}

/* "already decided" message of application id's step into msg. */
static void
app_decided(struct db *db, int64_t id, const char *step, char *msg,
    size_t msgsz)
{
	if (admin_decided(db, "corp_application", id, step, NA_("Application"),
	    msg, msgsz) == 0)
		snprintf(msg, msgsz, A_("Application #%lld was changed "
		    "meanwhile (or its order was cancelled); reload the page."),
		    (long long)id);
}

/* Approve application a (locked, submitted) by admin_id inside the open
 * transaction: plan, agreement, order. Returns RES_OK, RES_NOT_ALLOWED,
 * RES_DECIDED (msg) or RES_ERROR. */
static enum result
approve(struct db *db, struct db_corp_app *a, int64_t admin_id,
    corp_money_form form, int64_t now, char *msg, size_t msgsz)
{
	struct db_corp_order	 o;
	struct db_institution	 in;
	struct plan_terms	 t;
	struct buf		 text;
	char			 sha[65], body[600], subj[160];
	char			 st[SAID_LEN];
	int64_t			 percent, down, plan_id = 0;
	mp_date			 td;
	enum result		 of;
	enum lang		 prev;
	int			 rc;

	if (db_corp_order_get(db, a->order_id, &o) != 1 ||
	    institution_of(db, o.institution_id, &in) != 1 ||
	    plan_terms_of_institution(db, o.institution_id, &t) != 1 ||
	    company_setting_int(db, "corp_down_payment_percent", 30,
	    &percent) == -1 || mp_date_from_unix(now, &td) == -1)
		return RES_ERROR;
	/* INST-03 still holds when the admin decides. */
	if (qualified(db, a->company_id, now, msg, msgsz) != RES_OK)
		return RES_NOT_ALLOWED;
	t.down_payment_percent = (int)percent;
	down = corp_down_payment(o.amount_due_minor, percent);
	if (down <= 0 || down >= o.amount_due_minor) {
		/* TRANSLATORS: %lld%% is the down payment percent. */
		snprintf(msg, msgsz, A_("The down payment of %lld%% leaves "
		    "nothing to finance."), (long long)percent);
		return RES_NOT_ALLOWED;
	}
	buf_init(&text);
	/* The text in the signer's language: the hash is of these bytes. */
	prev = i18n_use(language_of_member(db, a->user_id, a->company_id));
	rc = corp_agreement_text(a->company_name, o.id, o.currency,
	    o.amount_due_minor, percent, a->term, in.name, in.monthly_rate,
	    in.late_fee_rate, in.waives_future_fees, in.fee_mode, form, &text);
	i18n_use(prev);
	if (rc == -1) {
		buf_cleanup(&text);
		snprintf(msg, msgsz, "%s", _("The plan's figures could not be "
		    "built for this order."));
		return RES_NOT_ALLOWED;
	}
	sha256_hex(buf_str(&text), text.len, sha);
	/* An installment plan (service/plans.h), offered until the
	 * agreement takes effect; it finances the amount after the down
	 * payment. */
	if (plan_create(db, o.id, o.amount_due_minor - down, &t,
	    PLAN_ST_OFFERED, td, OF_ADMIN, admin_id, now, &plan_id) == -1)
		goto fail;
	of = orderflow_transition(db, o.id, OS_AWAITING_REVIEW,
	    OS_AWAITING_CONFIRMATION, OF_ADMIN, admin_id, said_store(st,
	    sizeof(st), SAID_INST_CORP_APPROVED, NULL, NULL, NULL), now);
	if (of != RES_OK) {
		buf_cleanup(&text);
		if (of == RES_ERROR)
			return RES_ERROR;
		app_decided(db, a->id, "review", msg, msgsz);
		return RES_DECIDED;
	}
	if (db_corp_app_decide(db, a->id, CA_APPROVED, admin_id, "", plan_id,
	    CORP_AGREEMENT_VERSION, buf_str(&text), sha, now) != 1)
		goto fail;
	prev = i18n_use(language_of_company(db, a->company_id));
	snprintf(body, sizeof(body), _("The corporate installment "
	    "application of order #%lld was approved. A member signs the "
	    "agreement (%s) on the order's corporate page; then the %lld%% "
	    "down payment is paid by bank transfer."), (long long)o.id,
	    CORP_AGREEMENT_VERSION, (long long)percent);
	snprintf(subj, sizeof(subj), "%s", _("Corporate installment "
	    "approved"));
	i18n_use(prev);
	if (audit_event_detail(db, "application", a->id, OF_ADMIN, admin_id,
	    "submitted", "approved", "INST-CORP approved", sha, now) == -1 ||
	    db_message_insert(db, 0, a->company_id, subj, body, now) == -1)
		goto fail;
	buf_cleanup(&text);
	return RES_OK;
fail:
	buf_cleanup(&text);
	return RES_ERROR;
}

/* Refuse submitted application a (locked) for reason inside the caller's
 * transaction: its order refused, the application rejected, the event and
 * the company's message. RES_OK; RES_DECIDED when the order moved meanwhile
 * (the caller rolls back, then says who decided); RES_ERROR. */
static enum result
reject(struct db *db, const struct db_corp_app *a, int64_t admin_id,
    const char *reason, int64_t now)
{
	char		body[600], why[300], subj[160];
	enum result	of;
	enum lang	prev;

	said_store(why, sizeof(why), SAID_INST_CORP_REFUSED, reason, NULL,
	    NULL);
	of = orderflow_transition(db, a->order_id, OS_AWAITING_REVIEW,
	    OS_REFUSED, OF_ADMIN, admin_id, why, now);
	if (of != RES_OK)
		return of == RES_ERROR ? RES_ERROR : RES_DECIDED;
	prev = i18n_use(language_of_company(db, a->company_id));
	snprintf(body, sizeof(body), _("The corporate installment "
	    "application of order #%lld was refused: %s."),
	    (long long)a->order_id, reason);
	snprintf(subj, sizeof(subj), "%s", _("Corporate installment "
	    "refused"));
	i18n_use(prev);
	if (db_corp_app_decide(db, a->id, CA_REJECTED, admin_id, reason, 0,
	    "", NULL, "", now) != 1 ||
	    audit_event(db, "application", a->id, OF_ADMIN, admin_id,
	    "submitted", "rejected", why, now) == -1 ||
	    db_message_insert(db, 0, a->company_id, subj, body, now) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* See company.h. */
enum result
corp_decide(struct db *db, int64_t admin_id, int64_t id, int ok,
    const char *reason, corp_money_form form, int64_t now, char *msg,
    size_t msgsz)
{
	struct db_corp_app	 a;
	enum result		 res;
	int			 rc;

	msg[0] = '\0';
	if (!ok && (reason == NULL || reason[0] == '\0')) {
		snprintf(msg, msgsz, "%s",
		    A_("Give the reason for the refusal."));
		return RES_INVALID;
	}
	if ((res = app_begin(db, id, &a)) != RES_OK)
		return res;
	rc = admin_claim(db, "corp_application", id, "review",
	    ok ? "approve" : "reject", admin_id, now, NA_("Application"), msg,
	    msgsz);
	if (rc != 0)
		return app_end(db, &a, rc == 1 ? RES_DECIDED : RES_ERROR);
	if (a.status != CA_SUBMITTED) {
		snprintf(msg, msgsz, A_("Application #%lld is %s: nothing to "
		    "decide."), (long long)id,
		    words_state(corp_app_status_name(a.status)));
		return app_end(db, &a, RES_DECIDED);
	}
	res = ok ? approve(db, &a, admin_id, form, now, msg, msgsz) :
	    reject(db, &a, admin_id, reason, now);
	if ((res = app_end(db, &a, res)) != RES_OK) {
		/* Who moved the order, read after the rollback. */
		if (!ok && res == RES_DECIDED)
			app_decided(db, id, "review", msg, msgsz);
		return res;
	}
	snprintf(msg, msgsz, ok ? A_("Application #%lld approved: the "
	    "agreement waits for the company's signature.") :
	    A_("Application #%lld refused."), (long long)id);
	return RES_OK;
}

/* See company.h. */
enum result
corp_sign(struct db *db, int64_t company_id, int64_t user_id,
    int64_t order_id, const char *sha, const char *addr, int64_t now,
    char *msg, size_t msgsz)
{
	struct db_corp_app	 a;
	struct buf		 detail;
	char			 body[600], subj[160], st[64];
	enum result		 res;
	int			 rc, was_signed;
	enum lang		 prev;

	msg[0] = '\0';
	/* Section 5, who asks first: only a member the owner lets sign. */
	if ((rc = member_require(db, user_id, company_id, MEMBER_SIGN, msg,
	    msgsz)) != RES_OK)
		return rc;
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_corp_app_by_order(db, order_id, 1, &a)) != 1 ||
	    a.company_id != company_id)
		return app_end(db, &a, rc == -1 ? RES_ERROR : RES_NOT_FOUND);
	if (a.status != CA_APPROVED) {
		was_signed = a.status == CA_SIGNED || a.status == CA_IN_EFFECT;
		/* TRANSLATORS: %s is the signer's email address, or the
		 * application's state in words. */
		snprintf(msg, msgsz, was_signed ? _("The agreement was already "
		    "signed by %s.") : _("There is no agreement to sign (the "
		    "application is %s)."), was_signed ? a.signer_email :
		    corp_app_status_words(a.status));
		return app_end(db, &a, RES_NOT_ALLOWED);
	}
	if (a.order_status != OS_AWAITING_CONFIRMATION) {
		words_status(order_status_name(a.order_status), st,
		    sizeof(st));
		/* TRANSLATORS: %s is the order's status in words. */
		snprintf(msg, msgsz, _("Order #%lld is %s: there is nothing to "
		    "sign."), (long long)order_id, st);
		return app_end(db, &a, RES_NOT_ALLOWED);
	}
	/* The member signs exactly the stored text (its hash). */
	if (sha == NULL || strcmp(sha, a.sha256) != 0) {
		snprintf(msg, msgsz, "%s", _("The agreement shown differs "
		    "from the one on record; read it again before signing."));
		return app_end(db, &a, RES_INVALID);
	}
	if (db_corp_app_sign(db, a.id, user_id, addr != NULL ? addr : "",
	    now) != 1)
		return app_end(db, &a, RES_ERROR);
	buf_init(&detail);
	buf_printf(&detail, "{\"version\": \"%s\", \"sha256\": \"%s\", "
	    "\"signer_id\": %lld, \"address\": \"%s\"}", a.version, a.sha256,
	    (long long)user_id, addr != NULL ? addr : "");
	prev = i18n_use(language_of_company(db, company_id));
	snprintf(body, sizeof(body), _("The installment agreement of order "
	    "#%lld was signed. Next: the down payment by bank transfer; the "
	    "agreement takes effect when the mall records it."),
	    (long long)order_id);
	snprintf(subj, sizeof(subj), "%s", _("Installment agreement "
	    "signed"));
	i18n_use(prev);
	rc = audit_event_detail(db, "application", a.id, OF_USER, user_id,
	    "approved", "signed", "INST-CORP agreement signed",
	    buf_str(&detail), now) == -1 ||
	    db_message_insert(db, 0, company_id, subj, body, now) == -1;
	buf_cleanup(&detail);
	if ((res = app_end(db, &a, rc ? RES_ERROR : RES_OK)) == RES_OK)
		snprintf(msg, msgsz, "%s", _("Agreement signed."));
	return res;
}

/* The down payment of locked application a (id) may be recorded: it is
 * signed, its order awaits confirmation and amount is exactly percent of
 * the amount due (corp_down_payment()); that figure displayed into amt.
 * RES_OK, or RES_NOT_ALLOWED / RES_INVALID with msg. */
static enum result
down_check(const struct db_corp_app *a, int64_t id, int64_t amount,
    int64_t percent, char amt[MONEY_STR_MAX], char *msg, size_t msgsz)
{
	struct money	m;
	int64_t		down;
	char		got[MONEY_STR_MAX], st[64];

	if (a->status != CA_SIGNED) {
		/* TRANSLATORS: %s is the application's state in words. */
		snprintf(msg, msgsz, a->status == CA_APPROVED ?
		    A_("The agreement of application #%lld is not signed "
		    "yet.") : A_("Application #%lld is %s: no down payment to "
		    "record."), (long long)id,
		    corp_app_status_words(a->status));
		return RES_NOT_ALLOWED;
	}
	if (a->order_status != OS_AWAITING_CONFIRMATION) {
		words_status(order_status_name(a->order_status), st,
		    sizeof(st));
		/* TRANSLATORS: %s is the order's status in words. */
		snprintf(msg, msgsz, A_("Order #%lld is %s: no down payment "
		    "can be recorded."), (long long)a->order_id, st);
		return RES_NOT_ALLOWED;
	}
	/* Per agreement: the percent at approval (the plan finances the
	 * rest). */
	down = corp_down_payment(a->amount_due_minor, percent);
	money_set(&m, down, a->currency);
	money_display(&m, amt, MONEY_STR_MAX);
	if (amount != down) {
		money_set(&m, amount, a->currency);
		money_display(&m, got, sizeof(got));
		/* TRANSLATORS: the first %s is the agreement's down payment,
		 * the second the amount entered. */
		snprintf(msg, msgsz, amount < down ? A_("The down payment per "
		    "agreement is %s; %s is less. Record exactly the "
		    "agreement's figure (anything more is recorded afterwards "
		    "as a repayment).") : A_("The down payment per agreement "
		    "is %s; %s is more. Record exactly the agreement's figure "
		    "(anything more is recorded afterwards as a repayment)."),
		    amt, got);
		return RES_INVALID;
	}
	return RES_OK;
}

/* Inside the caller's transaction, the down payment amount (displayed
 * amt) of locked application a (id) received by the bank transfer ref on
 * day td: the plan started, the application in effect, the ledger, the
 * order paid and ready to ship, the event and the company's message.
 * 0 or -1. */
static int
down_effect(struct db *db, const struct db_corp_app *a, int64_t id,
    int64_t amount, const char *ref, const char *amt, enum of_actor actor,
    int64_t admin_id, mp_date td, int64_t now)
{
	char		why[SAID_LEN], st[SAID_LEN], body[600], subj[160];
	enum lang	prev;

	/* The plan starts today: due dates from the effective date. */
	if (plan_start(db, a->plan_id, td, actor, admin_id, now) == -1 ||
	    db_corp_app_effect(db, id, amount, ref, admin_id, now) != 1)
		return -1;
	said_store(why, sizeof(why), SAID_INST_CORP_DOWN, amt, ref, NULL);
	if (corp_ledger_effect(db, a, amount, ref, now) == -1 ||
	    orderflow_transition(db, a->order_id, OS_AWAITING_CONFIRMATION,
	    OS_PAID_INSTALLMENT, actor, admin_id, why, now) != RES_OK ||
	    orderflow_transition(db, a->order_id, OS_PAID_INSTALLMENT,
	    OS_PENDING_SHIPMENT, OF_SYSTEM, 0, said_store(st, sizeof(st),
	    SAID_INST_CORP_EFFECT, NULL, NULL, NULL), now) != RES_OK)
		return -1;
	prev = i18n_use(language_of_company(db, a->company_id));
	snprintf(body, sizeof(body), _("The down payment of %s for order "
	    "#%lld was received: the installment agreement is in effect and "
	    "the order is ready to ship. The repayment schedule is on the "
	    "order."), amt, (long long)a->order_id);
	snprintf(subj, sizeof(subj), "%s", _("Installment agreement in "
	    "effect"));
	i18n_use(prev);
	if (audit_event(db, "application", id, actor, admin_id, "signed",
	    "in_effect", why, now) == -1 ||
	    db_message_insert(db, 0, a->company_id, subj, body, now) == -1)
		return -1;
	return 0;
}

/* See company.h. */
enum result
corp_record_down_payment(struct db *db, int64_t admin_id, int64_t id,
    int64_t amount, const char *ref, int64_t now, char *msg, size_t msgsz)
{
	struct db_corp_app	 a;
	char			 by[255], decision[33], when[40];
	char			 amt[MONEY_STR_MAX], key[64];
	int64_t			 at, percent, plan_id, order_id;
	mp_date			 td;
	enum result	 pr;
	enum result		 res;
	enum of_actor		 actor = admin_id > 0 ? OF_ADMIN : OF_SYSTEM;
	int			 rc;

	msg[0] = '\0';
	if (ref == NULL || ref[0] == '\0') {
		snprintf(msg, msgsz, "%s", A_("Enter the bank transfer's "
		    "reference."));
		return RES_INVALID;
	}
	if ((res = app_begin(db, id, &a)) != RES_OK)
		return res;
	if (company_setting_int(db, "corp_down_payment_percent", 30,
	    &percent) == -1 || mp_date_from_unix(now, &td) == -1)
		return app_end(db, &a, RES_ERROR);
	if ((res = down_check(&a, id, amount, percent, amt, msg,
	    msgsz)) != RES_OK)
		return app_end(db, &a, res);
	/* An admin claims the recording; a statement line (admin_id 0) is
	 * one by its reference, and the status under the lock decides. */
	rc = admin_id <= 0 ? 0 : db_admin_decision_claim(db,
	    "corp_application", id, "down_payment", "recorded", admin_id, now,
	    by, sizeof(by), decision, &at);
	if (rc == 1) {
		admin_fmt_time(at, when, sizeof(when));
		/* TRANSLATORS: the first %s is the admin, the second the
		 * time. */
		snprintf(msg, msgsz, A_("The down payment of application #%lld "
		    "was already recorded by %s at %s."), (long long)id, by,
		    when);
		return app_end(db, &a, RES_DECIDED);
	}
	res = rc == -1 || down_effect(db, &a, id, amount, ref, amt, actor,
	    admin_id, td, now) == -1 ? RES_ERROR : RES_OK;
	plan_id = a.plan_id;
	order_id = a.order_id;
	if ((res = app_end(db, &a, res)) != RES_OK)
		return res;
	/* The plan's own ledger of payments, idempotent by key:
	 * its own transaction, after the agreement is in effect. */
	snprintf(key, sizeof(key), "corp-down-%lld", (long long)id);
	pr = plan_record_payment(db, plan_id, 0, amount, "transfer", ref,
	    actor, admin_id, key, now);
	if (pr != RES_OK && pr != RES_DONE)
		log_warn("corporate: down payment of application %lld not in "
		    "the plan's ledger (%d)", (long long)id, (int)pr);
	/* TRANSLATORS: %s is the down payment received. */
	snprintf(msg, msgsz, A_("Down payment %s recorded: agreement in "
	    "effect, order #%lld ready to ship."), amt, (long long)order_id);
	return RES_OK;
}

/* See company.h. */
int
queue_count_corp_applications(struct db *db, int64_t now,
    struct db_queue_stats *out)
{
	char	today[CAL_DATE_STRLEN];
	mp_date	d;

	if (mp_date_from_unix(now, &d) == -1)
		return -1;
	mp_date_str(d, today, sizeof(today));
	return db_corp_app_stats(db, today, out);
}
