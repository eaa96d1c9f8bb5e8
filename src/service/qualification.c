/*
 * Corporate qualification (RULES INST-03, INST-CORP documents, INST-S1):
 * documents into the encrypted file store, the submission's road
 * draft -> submitted -> under_review -> verified / rejected, and the
 * licence's expiry (see company.h).
 *
 * Decisions where RULES is silent:
 * - The licence's expiry date is its last valid day (as INST-03 in
 *   rules/installment.c reads companies.qualification_expires): the
 *   company is unverified from the day after.
 * - A verified company that submits renewed documents stays verified
 *   until its licence expires; a rejected renewal leaves it verified.
 * - The review is promised within CORP_REVIEW_BUSINESS_DAYS (the latest
 *   of RULES' 1-3) business days of the submission (C-04).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/admin.h"
#include "db/company.h"
#include "db/db.h"
#include "db/message.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/company.h"
#include "service/filestore.h"
#include "service/language.h"
#include "service/members.h"

/* Today's date of now as text into out (CAL_DATE_STRLEN). 0 or -1. */
static int
today_str(int64_t now, char *out, size_t outsz)
{
	mp_date d;

	if (mp_date_from_unix(now, &d) == -1)
		return -1;
	mp_date_str(d, out, outsz);
	return 0;
}

/* See company.h. */
enum result
qual_upload_allowed(struct db *db, int64_t user_id, int64_t company_id,
    char *msg, size_t msgsz)
{
	/* Section 5: only a member the owner lets upload and submit. */
	return member_require(db, user_id, company_id, MEMBER_UPLOAD, msg,
	    msgsz);
}

/* The document kind ("licence" or "statements") and, for a licence, its
 * expiry date expires (INST-03: after today, of now) may be uploaded;
 * *licence 1 for a licence. RES_OK, RES_INVALID with msg (a text marked
 * N_(), which the page translates beside the field it is about),
 * RES_ERROR. */
static enum result
upload_check(const char *kind, const char *expires, int64_t now,
    int *licence, char *msg, size_t msgsz)
{
	char	today[CAL_DATE_STRLEN];
	mp_date	exp, td;

	*licence = strcmp(kind, "licence") == 0;
	if (!*licence && strcmp(kind, "statements") != 0) {
		snprintf(msg, msgsz, "%s", N_("Choose which document this is: "
		    "the business licence or the financial statements."));
		return RES_INVALID;
	}
	if (today_str(now, today, sizeof(today)) == -1 ||
	    mp_date_from_unix(now, &td) == -1)
		return RES_ERROR;
	if (!*licence)
		return RES_OK;
	/* INST-03: a licence already expired cannot qualify. */
	if (expires == NULL || mp_date_parse(expires, strlen(expires),
	    &exp) == -1) {
		snprintf(msg, msgsz, "%s", N_("Enter the licence's expiry "
		    "date (YYYY-MM-DD) as printed on it."));
		return RES_INVALID;
	}
	if (exp <= td) {
		/* TRANSLATORS: %s is the licence's expiry date
		 * (YYYY-MM-DD). */
		snprintf(msg, msgsz, _("INST-03: the licence expires on %s; "
		    "upload a licence valid after today."), expires);
		return RES_INVALID;
	}
	return RES_OK;
}

/* Inside the upload's transaction: lock company_id's row (one upload of
 * a company at a time: it is the lock of its submissions) and find its
 * draft submission, or make one at now, into *qid. RES_OK; RES_NOT_FOUND;
 * RES_NOT_ALLOWED with msg while documents are being reviewed; RES_ERROR.
 * The caller rolls back on any but RES_OK. */
static enum result
upload_draft(struct db *db, int64_t company_id, int64_t now, int64_t *qid,
    char *msg, size_t msgsz)
{
	struct db_company	c;
	struct db_qual		q;
	int			rc;

	if ((rc = db_company_get(db, company_id, 1, 0, &c)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if ((rc = db_qual_latest(db, company_id, 1, &q)) == -1)
		return RES_ERROR;
	if (rc == 1 && (q.status == QS_SUBMITTED ||
	    q.status == QS_UNDER_REVIEW)) {
		/* TRANSLATORS: %s is the date the review is due
		 * (YYYY-MM-DD). */
		snprintf(msg, msgsz, _("Your documents are being reviewed "
		    "(due %s); you can upload again once they are decided."),
		    q.review_due);
		return RES_NOT_ALLOWED;
	}
	if (rc == 1 && q.status == QS_DRAFT)
		*qid = q.id;
	else if ((*qid = db_qual_insert(db, company_id, now)) <= 0)
		return RES_ERROR;
	return RES_OK;
}

/* See company.h. */
enum result
qual_upload(struct db *db, const struct config *cfg, int64_t company_id,
    int64_t user_id, const char *kind, const void *data, size_t len,
    const char *expires, int64_t now, char *msg, size_t msgsz)
{
	struct filestore_owner	 owner;
	struct filestore_info	 f;
	char			 why[160];
	int64_t			 qid;
	int			 rc, licence;

	msg[0] = '\0';
	memset(&f, 0, sizeof(f));
	if ((rc = qual_upload_allowed(db, user_id, company_id, msg,
	    msgsz)) != RES_OK)
		return rc;
	if ((rc = upload_check(kind, expires, now, &licence, msg,
	    msgsz)) != RES_OK)
		return rc;
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = upload_draft(db, company_id, now, &qid, msg,
	    msgsz)) != RES_OK) {
		if (rc == RES_ERROR)
			goto fail;
		db_rollback(db);
		return rc;
	}
	owner.user_id = user_id;
	owner.company_id = company_id;
	/* INST-S1: type from content, encrypted at rest, owned by the
	 * company (only its members and admins may read it). */
	rc = filestore_put(db, cfg, &owner, data, len, FS_DOCUMENT, now, &f,
	    msg, msgsz);
	if (rc == 1) {
		db_rollback(db);
		return RES_INVALID;
	}
	if (rc == -1) {
		log_warn("qualification: store: %s", msg);
		msg[0] = '\0';
		goto fail;
	}
	if (db_doc_insert(db, qid, company_id, kind, f.id, user_id, now) <= 0)
		goto fail;
	if (licence && db_qual_set_expires(db, qid, expires, now) == -1)
		goto fail;
	snprintf(why, sizeof(why), "%s uploaded%s%s", licence ?
	    "business licence" : "financial statements", licence ?
	    ", expires " : "", licence ? expires : "");
	if (audit_event(db, "company", company_id, OF_USER, user_id, NULL,
	    "document_uploaded", why, now) == -1)
		goto fail;
	if (db_commit(db) == -1)
		goto discard;
	filestore_publish(cfg, &f);
	snprintf(msg, msgsz, "%s uploaded%s.", licence ? "Business licence" :
	    "Financial statements", f.dup_of ? " (the same file as an earlier "
	    "upload)" : "");
	return RES_OK;
fail:
	db_rollback(db);
discard:
	filestore_discard(cfg, &f);
	return RES_ERROR;
}

/* Draft submission q (locked) may be submitted at now: it holds the
 * business licence and the financial statements, and the licence has not
 * expired (INST-03). RES_OK, RES_INVALID with msg, or RES_ERROR. */
static enum result
submit_check(struct db *db, const struct db_qual *q, int64_t now, char *msg,
    size_t msgsz)
{
	struct db_doc	*d = NULL;
	mp_date		 exp, td;
	size_t		 i, nd = 0;
	int		 lic = 0, fin = 0;

	if (db_doc_list(db, q->id, &d, &nd) == -1)
		return RES_ERROR;
	for (i = 0; i < nd; i++) {
		lic |= strcmp(d[i].kind, "licence") == 0;
		fin |= strcmp(d[i].kind, "statements") == 0;
	}
	free(d);
	if (!lic || !fin) {
		snprintf(msg, msgsz, "%s", !lic && !fin ? _("Upload the "
		    "business licence and the financial statements before "
		    "submitting.") : !lic ? _("Upload the business licence "
		    "before submitting.") : _("Upload the financial statements "
		    "before submitting."));
		return RES_INVALID;
	}
	if (mp_date_from_unix(now, &td) == -1 ||
	    mp_date_parse(q->licence_expires, strlen(q->licence_expires),
	    &exp) == -1 || exp <= td) {
		snprintf(msg, msgsz, "%s", _("INST-03: the licence uploaded "
		    "has expired; upload a valid one."));
		return RES_INVALID;
	}
	return RES_OK;
}

/* See company.h. */
enum result
qual_submit(struct db *db, int64_t company_id, int64_t user_id, int64_t now,
    char *msg, size_t msgsz)
{
	struct db_company	 c;
	struct db_qual		 q;
	char			 due[CAL_DATE_STRLEN], body[600], subj[160];
	enum lang		 prev;
	int			 rc;

	msg[0] = '\0';
	if ((rc = qual_upload_allowed(db, user_id, company_id, msg,
	    msgsz)) != RES_OK)
		return rc;
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_company_get(db, company_id, 1, 0, &c)) != 1) {
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	if ((rc = db_qual_latest(db, company_id, 1, &q)) == -1)
		goto fail;
	if (rc == 0 || q.status != QS_DRAFT) {
		db_rollback(db);
		if (rc == 1 && (q.status == QS_SUBMITTED ||
		    q.status == QS_UNDER_REVIEW)) {
			/* A repeated submit: nothing twice. */
			/* TRANSLATORS: %s is the date the review is due
			 * (YYYY-MM-DD). */
			snprintf(msg, msgsz, _("Your documents were submitted; "
			    "the review is due by %s."), q.review_due);
			return RES_NOT_ALLOWED;
		}
		snprintf(msg, msgsz, "%s", N_("Upload the business licence "
		    "and the financial statements first."));
		return RES_INVALID;
	}
	if ((rc = submit_check(db, &q, now, msg, msgsz)) != RES_OK) {
		if (rc == RES_ERROR)
			goto fail;
		db_rollback(db);
		return rc;
	}
	/* C-04: the promised review date, stored and shown. */
	if (company_business_days(db, now, CORP_REVIEW_BUSINESS_DAYS, due,
	    sizeof(due)) == -1)
		goto fail;
	if ((rc = db_qual_submit(db, q.id, user_id, due, now)) != 1)
		goto fail;
	if (c.status != QS_VERIFIED &&
	    db_company_set_status(db, company_id, QS_SUBMITTED, NULL) == -1)
		goto fail;
	prev = i18n_use(language_of_company(db, company_id));
	snprintf(body, sizeof(body), _("Your qualification documents were "
	    "submitted. An admin reviews them by %s (INST-CORP: 1-3 business "
	    "days); the result arrives as a message."), due);
	snprintf(subj, sizeof(subj), "%s", _("Qualification submitted"));
	i18n_use(prev);
	if (audit_event(db, "company", company_id, OF_USER, user_id,
	    qual_status_name(c.status), c.status != QS_VERIFIED ?
	    "submitted" : qual_status_name(c.status),
	    "qualification submitted for review", now) == -1 ||
	    db_message_insert(db, 0, company_id, subj, body, now) == -1)
		goto fail;
	if (db_commit(db) == -1)
		return RES_ERROR;
	snprintf(msg, msgsz, "Submitted. The review is due by %s.", due);
	return RES_OK;
fail:
	db_rollback(db);
	return RES_ERROR;
}

/* "already decided by X at T" of (subject, id, step) into msg, or a
 * plain sentence when no claim is on record. */
static void
decided_msg(struct db *db, const char *what, int64_t id, const char *step,
    char *msg, size_t msgsz)
{
	if (admin_decided(db, "qualification", id, step, what, msg,
	    msgsz) == 0)
		snprintf(msg, msgsz, A_("Submission #%lld was changed "
		    "meanwhile; reload the queue."), (long long)id);
}

/* See company.h. */
enum result
qual_start_review(struct db *db, int64_t admin_id, int64_t id, int64_t now,
    char *msg, size_t msgsz)
{
	struct db_company	 c;
	struct db_qual		 q;
	char			 by[255], decision[33], when[40], body[500];
	char			 subj[160];
	enum lang		 prev;
	int64_t			 at;
	int			 rc;

	msg[0] = '\0';
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_qual_get(db, id, 1, &q)) != 1) {
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	rc = db_admin_decision_claim(db, "qualification", id, "start",
	    "start review", admin_id, now, by, sizeof(by), decision, &at);
	if (rc == 1 || (rc == 0 && q.status != QS_SUBMITTED)) {
		db_rollback(db);
		if (rc == 1) {
			admin_fmt_time(at, when, sizeof(when));
			/* TRANSLATORS: the first %s is the admin, the second
			 * the time. */
			snprintf(msg, msgsz, A_("The review of submission "
			    "#%lld was already started by %s at %s."),
			    (long long)id, by, when);
		} else
			decided_msg(db, NA_("Submission"), id, "review", msg,
			    msgsz);
		return RES_DECIDED;
	}
	if (rc == -1 || db_company_get(db, q.company_id, 1, 0, &c) != 1 ||
	    db_qual_move(db, id, QS_SUBMITTED, QS_UNDER_REVIEW, admin_id, "",
	    now) != 1)
		goto fail;
	if (c.status != QS_VERIFIED &&
	    db_company_set_status(db, c.id, QS_UNDER_REVIEW, NULL) == -1)
		goto fail;
	prev = i18n_use(language_of_company(db, c.id));
	snprintf(body, sizeof(body), _("An admin started reviewing your "
	    "qualification documents; the result is due by %s."),
	    q.review_due);
	snprintf(subj, sizeof(subj), "%s", _("Qualification under review"));
	i18n_use(prev);
	if (audit_event(db, "company", c.id, OF_ADMIN, admin_id, "submitted",
	    "under_review", "qualification review started", now) == -1 ||
	    db_message_insert(db, 0, c.id, subj, body, now) == -1)
		goto fail;
	if (db_commit(db) == -1)
		return RES_ERROR;
	snprintf(msg, msgsz, "Review of %s started.", c.name);
	return RES_OK;
fail:
	db_rollback(db);
	return RES_ERROR;
}

/* Inside the decision's transaction, submission q of company c (both
 * locked) moved already: the company's status (approve: verified until
 * the licence's last valid day, INST-03; reject for reason: rejected,
 * but a verified company stays verified), the event and the company's
 * message. 0 or -1. */
static int
decide_effect(struct db *db, const struct db_company *c,
    const struct db_qual *q, int approve, const char *reason,
    int64_t admin_id, int64_t now)
{
	char		 body[800], why[300], subj[160];
	enum qual_status cto;
	enum lang	 prev;

	if (approve) {
		/* INST-03: verified until the licence's last valid day. */
		cto = QS_VERIFIED;
		if (db_company_set_status(db, c->id, cto, q->licence_expires) ==
		    -1)
			return -1;
		prev = i18n_use(language_of_company(db, c->id));
		snprintf(body, sizeof(body), _("Your company's qualification "
		    "is verified until %s (INST-03). Corporate installment is "
		    "open to your company where its other rules hold."),
		    q->licence_expires);
		snprintf(subj, sizeof(subj), "%s", _("Qualification "
		    "verified"));
		i18n_use(prev);
		snprintf(why, sizeof(why), "qualification verified until %s",
		    q->licence_expires);
	} else {
		/* A rejected renewal leaves a verified company verified. */
		cto = c->status == QS_VERIFIED ? QS_VERIFIED : QS_REJECTED;
		if (db_company_set_status(db, c->id, cto, NULL) == -1)
			return -1;
		prev = i18n_use(language_of_company(db, c->id));
		snprintf(body, sizeof(body), _("Your company's qualification "
		    "documents were rejected: %s. Upload corrected documents "
		    "on your company page and submit them again."), reason);
		snprintf(subj, sizeof(subj), "%s", _("Qualification "
		    "rejected"));
		i18n_use(prev);
		snprintf(why, sizeof(why), "qualification rejected: %s",
		    reason);
	}
	if (audit_event(db, "company", c->id, OF_ADMIN, admin_id,
	    qual_status_name(c->status),
	    approve ? "verified" : "rejected", why, now) == -1 ||
	    db_message_insert(db, 0, c->id, subj, body, now) == -1)
		return -1;
	return 0;
}

/* See company.h. */
enum result
qual_decide(struct db *db, int64_t admin_id, int64_t id, int approve,
    const char *reason, int64_t now, char *msg, size_t msgsz)
{
	struct db_company	 c;
	struct db_qual		 q;
	enum qual_status	 to = approve ? QS_VERIFIED : QS_REJECTED;
	mp_date			 exp, td;
	int			 rc;

	msg[0] = '\0';
	if (!approve && (reason == NULL || reason[0] == '\0')) {
		snprintf(msg, msgsz, "%s", A_("Give the reason for the "
		    "rejection: the company reads it and uploads again."));
		return RES_INVALID;
	}
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_qual_get(db, id, 1, &q)) != 1) {
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	/* The claim makes a second admin's decision "already decided". */
	rc = admin_claim(db, "qualification", id, "review",
	    approve ? "approve" : "reject", admin_id, now, NA_("Submission"), msg,
	    msgsz);
	if (rc == 1) {
		db_rollback(db);
		return RES_DECIDED;
	}
	if (rc == -1)
		goto fail;
	if (q.status != QS_SUBMITTED &&
	    q.status != QS_UNDER_REVIEW) {
		db_rollback(db);
		/* TRANSLATORS: %s is the submission's state. */
		snprintf(msg, msgsz, A_("Submission #%lld is %s: nothing to "
		    "decide."), (long long)id, qual_status_name(q.status));
		return RES_DECIDED;
	}
	if (approve && (mp_date_from_unix(now, &td) == -1 ||
	    mp_date_parse(q.licence_expires, strlen(q.licence_expires),
	    &exp) == -1 || exp < td)) {
		db_rollback(db);
		/* TRANSLATORS: %s is the licence's expiry date
		 * (YYYY-MM-DD). */
		snprintf(msg, msgsz, A_("INST-03: the licence expired on %s; "
		    "it cannot be approved. Reject it with that reason."),
		    q.licence_expires);
		return RES_INVALID;
	}
	if (db_company_get(db, q.company_id, 1, 0, &c) != 1 ||
	    db_qual_move(db, id, q.status, to, admin_id, approve ? "" : reason,
	    now) != 1)
		goto fail;
	if (decide_effect(db, &c, &q, approve, reason, admin_id, now) == -1)
		goto fail;
	if (db_commit(db) == -1)
		return RES_ERROR;
	snprintf(msg, msgsz, "%s: qualification %s.", c.name,
	    qual_status_name(to));
	return RES_OK;
fail:
	db_rollback(db);
	return RES_ERROR;
}

/* The expiry work of company id at today (td); one transaction. Returns
 * 0, or -1 on a database error. */
static int
tick_company(struct db *db, int64_t id, mp_date td, int64_t now,
    struct qual_tick_stats *st)
{
	struct db_company	 c;
	mp_date			 exp;
	char			 body[700], subj[160], why[120];
	enum lang		 prev;
	const char		*kind;
	int32_t			 days;
	int			 rc;

	if (db_begin_read_committed(db) == -1)
		return -1;
	/* SKIP LOCKED: another host ticking takes this company. */
	if ((rc = db_company_get(db, id, 1, 1, &c)) != 1) {
		db_rollback(db);
		return rc == -1 ? -1 : 0;
	}
	if (c.status != QS_VERIFIED ||
	    mp_date_parse(c.expires, strlen(c.expires), &exp) == -1) {
		db_rollback(db);
		return 0;
	}
	days = exp - td;
	if (days < 0) {
		/* INST-03: past the last valid day: unverified again. */
		if (db_company_notice_claim(db, id, c.expires, "expired",
		    now) == -1 ||
		    db_company_set_status(db, id, QS_UNVERIFIED, NULL) != 1)
			goto fail;
		prev = i18n_use(language_of_company(db, id));
		snprintf(body, sizeof(body), _("Your company's business "
		    "licence expired on %s, so its qualification is no longer "
		    "verified (INST-03): corporate installment and COD are "
		    "closed until new documents are verified. Upload the "
		    "renewed licence on your company page."), c.expires);
		snprintf(subj, sizeof(subj), "%s", _("Qualification "
		    "expired"));
		i18n_use(prev);
		if (audit_event(db, "company", id, OF_SYSTEM, 0, "verified",
		    "unverified", "INST-03 licence expired", now) == -1 ||
		    db_message_insert(db, 0, id, subj, body, now) == -1)
			goto fail;
		st->expired++;
	} else if (days <= QUAL_NOTICE_FIRST) {
		kind = days <= QUAL_NOTICE_LAST ? "7d" : "30d";
		if ((rc = db_company_notice_claim(db, id, c.expires, kind,
		    now)) == -1)
			goto fail;
		if (rc == 1) {
			snprintf(why, sizeof(why), "Your business licence "
			    "expires in %d day%s", (int)days, days == 1 ? "" :
			    "s");
			prev = i18n_use(language_of_company(db, id));
			snprintf(subj, sizeof(subj), ngettext("Your business "
			    "licence expires in %d day", "Your business "
			    "licence expires in %d days", (unsigned long)days),
			    (int)days);
			snprintf(body, sizeof(body), _("Your company's "
			    "business licence expires on %s. Upload the "
			    "renewed licence on your company page before then, "
			    "or the qualification returns to unverified "
			    "(INST-03)."), c.expires);
			i18n_use(prev);
			if (audit_event(db, "company", id, OF_SYSTEM, 0, NULL,
			    NULL, why, now) == -1 ||
			    db_message_insert(db, 0, id, subj, body, now) == -1)
				goto fail;
			st->notices++;
		}
	}
	if (db_commit(db) == -1)
		return -1;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

/* See company.h. */
int
qual_tick(struct db *db, int64_t now, struct qual_tick_stats *st)
{
	int64_t		*ids;
	mp_date		 td, until;
	char		 u[CAL_DATE_STRLEN];
	size_t		 i, n;

	memset(st, 0, sizeof(*st));
	if (mp_date_from_unix(now, &td) == -1 ||
	    mp_date_add_days(td, QUAL_NOTICE_FIRST, &until) == -1)
		return -1;
	mp_date_str(until, u, sizeof(u));
	if (db_company_expiring(db, u, 10000, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (tick_company(db, ids[i], td, now, st) == -1) {
			log_warn("qualification tick: company %lld: %s",
			    (long long)ids[i], db_error(db));
			st->errors++;
		}
	free(ids);
	return st->errors > 0 ? -1 : 0;
}

/* See company.h. */
int
queue_count_qualifications(struct db *db, int64_t now,
    struct db_queue_stats *out)
{
	char today[CAL_DATE_STRLEN];

	if (today_str(now, today, sizeof(today)) == -1)
		return -1;
	return db_qual_stats(db, today, out);
}
