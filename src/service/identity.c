/*
 * Real-name authentication (INST-01): the shopper's submission, the
 * account view and the admin's manual review (see identity.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/db.h"
#include "db/identity.h"
#include "db/message.h"
#include "gateway/identity.h"
#include "service/admin.h"
#include "service/audit.h"
#include "service/filestore.h"
#include "service/identity.h"
#include "service/language.h"

const char identity_consent_text[] =
    "I allow mallpay to ask the credit bureau for my credit score, using "
    "the identity I verified on this page, now and again every time the "
    "score is older than the refresh period shown here, for as long as "
    "this consent is in force. mallpay uses the score only to decide "
    "whether installments (INST-02) and Pay After Use (PAU-01) can be "
    "offered to me, and keeps the score, its date and the time I gave "
    "this consent. I can withdraw this consent on this page at any time; "
    "from then on no score is asked for or used, and installments and "
    "Pay After Use are not offered to me.";

static const struct {
	const char	*code;
	const char	*words;
} id_types[] = {
	{ "passport", NA_("Passport") },
	{ "national_id", NA_("National identity card") },
	{ "driving_licence", NA_("Driving licence") },
};

/* See identity.h. */
const char *
identity_type_words(const char *id_type)
{
	size_t i;

	for (i = 0; id_type != NULL && i < sizeof(id_types) /
	    sizeof(id_types[0]); i++)
		if (strcmp(id_types[i].code, id_type) == 0)
			return id_types[i].words;
	return "";
}

/* The additional data binding a sealed number to its shopper: a number
 * copied onto another shopper's row does not open. */
static void
number_ad(int64_t user_id, char ad[48])
{
	snprintf(ad, 48, "identity-number:%lld", (long long)user_id);
}

/* Seal number into r->id_number_enc with the file store's format
 * (secretstream, the configuration's key). 0 or -1. */
static int
number_seal(const struct config *cfg, const char *number,
    struct db_identity *r)
{
	struct buf	b;
	char		ad[48];
	int		rc = -1;

	buf_init(&b);
	number_ad(r->user_id, ad);
	if (filestore_encrypt(cfg->secret_key, ad, number, strlen(number),
	    &b) == 0 && b.len <= sizeof(r->id_number_enc)) {
		memcpy(r->id_number_enc, b.data, b.len);
		r->id_number_enc_len = b.len;
		rc = 0;
	}
	buf_cleanup(&b);
	return rc;
}

/* See identity.h. */
int
identity_number_open(const struct config *cfg, const struct db_identity *r,
    char *out, size_t outsz)
{
	struct buf	b;
	char		ad[48];
	int		rc = -1;

	out[0] = '\0';
	if (r->id_number_enc_len == 0)
		return 1;
	buf_init(&b);
	number_ad(r->user_id, ad);
	if (filestore_decrypt(cfg->secret_key, ad, r->id_number_enc,
	    r->id_number_enc_len, &b) == 0 && b.len + 1 <= outsz) {
		memcpy(out, b.data, b.len);
		out[b.len] = '\0';
		rc = 0;
	}
	if (b.data != NULL)
		sodium_memzero(b.data, b.len);
	buf_cleanup(&b);
	return rc;
}

/* "Passport ending in 1234" (or what there is) of r into out. */
static void
masked(const struct db_identity *r, char out[IDENTITY_MASKED_MAX])
{
	const char *t = identity_type_words(r->id_type);

	if (r->id_last4[0] == '\0')
		snprintf(out, IDENTITY_MASKED_MAX, "%s", t[0] != '\0' ? t :
		    _("no number kept"));
	else if (t[0] != '\0')
		/* TRANSLATORS: the document's type ("Passport"), then the
		 * last four characters of its number. */
		snprintf(out, IDENTITY_MASKED_MAX, _("%s ending in %s"), t,
		    r->id_last4);
	else
		/* TRANSLATORS: %s is the last four characters of the
		 * document's number. */
		snprintf(out, IDENTITY_MASKED_MAX, _("ending in %s"),
		    r->id_last4);
}

/* 1 if s is NULL, empty or only spaces. */
static int
blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

/* The ID number's message for n, or NULL when it is a plausible number:
 * 5 to 32 letters, digits, spaces or hyphens, with a digit. */
static const char *
number_problem(const char *n)
{
	size_t	i, len = strlen(n);
	int	digit = 0;

	if (len < 5 || len > IDENTITY_NUMBER_MAX)
		return _("Enter the number as printed on the document: 5 to "
		    "32 letters and digits.");
	for (i = 0; i < len; i++) {
		if (isdigit((unsigned char)n[i]))
			digit = 1;
		else if (!isalpha((unsigned char)n[i]) && n[i] != '-' &&
		    n[i] != ' ')
			return _("Use only the letters, digits, spaces and "
			    "hyphens printed on the document.");
	}
	return digit ? NULL : _("The number has no digit: enter it as "
	    "printed on the document.");
}

/* See identity.h. */
int
identity_check_input(const struct identity_input *in, const char *today,
    struct identity_errors *err)
{
	char		 limit[CAL_DATE_STRLEN];
	const char	*p;
	mp_date		 d;

	memset(err, 0, sizeof(*err));
	if (blank(in->legal_name))
		snprintf(err->legal_name, sizeof(err->legal_name), "%s",
		    _("Enter your legal name as printed on the document."));
	else if (strlen(in->legal_name) > IDENTITY_NAME_MAX)
		snprintf(err->legal_name, sizeof(err->legal_name), "%s",
		    _("Use at most 200 characters for the legal name."));
	/* 18 or older: born on or before today's date 18 years ago. */
	snprintf(limit, sizeof(limit), "%04u%.6s",
	    (unsigned)(atoi(today) - 18) % 10000u, today + 4);
	if (blank(in->birth_date))
		snprintf(err->birth_date, sizeof(err->birth_date), "%s",
		    _("Enter your date of birth, like 1990-04-21."));
	else if (strlen(in->birth_date) != 10 || mp_date_parse(in->birth_date,
	    10, &d) == -1)
		snprintf(err->birth_date, sizeof(err->birth_date), "%s",
		    _("Enter the date as year-month-day, like 1990-04-21."));
	else if (strcmp(in->birth_date, "1900-01-01") < 0 ||
	    strcmp(in->birth_date, limit) > 0)
		snprintf(err->birth_date, sizeof(err->birth_date),
		    _("You must be 18 or older (born on %s or before)."),
		    limit);
	if (identity_type_words(in->id_type)[0] == '\0')
		snprintf(err->id_type, sizeof(err->id_type), "%s",
		    _("Choose the kind of document: passport, national "
		    "identity card or driving licence."));
	if (blank(in->id_number))
		snprintf(err->id_number, sizeof(err->id_number), "%s",
		    _("Enter the document's number."));
	else if ((p = number_problem(in->id_number)) != NULL)
		snprintf(err->id_number, sizeof(err->id_number), "%s", p);
	if (in->photo == NULL || in->photo_len == 0)
		snprintf(err->photo, sizeof(err->photo), "%s",
		    _("Add a photo or scan of the document (JPEG, PNG or "
		    "PDF, at most 10 MB)."));
	return (err->legal_name[0] != '\0') + (err->birth_date[0] != '\0') +
	    (err->id_type[0] != '\0') + (err->id_number[0] != '\0') +
	    (err->photo[0] != '\0');
}

/* The status of r in words, with its date and reason. */
static void
status_words(const struct db_identity *r, char *out, size_t outsz)
{
	switch (r->status) {
	case IDC_VERIFIED:
		snprintf(out, outsz, "%s", _("Verified"));
		break;
	case IDC_MISMATCH:
		snprintf(out, outsz, _("Not verified: %s"), r->reason);
		break;
	case IDC_REVIEW:
		snprintf(out, outsz, ngettext("Waiting for a manual review by "
		    "our team (within %d business day)", "Waiting for a manual "
		    "review by our team (within %d business days)",
		    IDENTITY_REVIEW_DAYS), IDENTITY_REVIEW_DAYS);
		break;
	default:
		snprintf(out, outsz, _("Rejected in review: %s"), r->reason);
		break;
	}
}

/* See identity.h. */
enum result
identity_account(struct db *db, int64_t user_id, int64_t now,
    struct identity_view *v)
{
	struct db_identity	ver;
	int			rc;

	(void)now;
	memset(v, 0, sizeof(*v));
	v->refresh_days = IDENTITY_REFRESH_DEFAULT;
	v->inst_min_score = 600;
	v->pau_min_score = 550;
	if ((rc = db_identity_latest(db, user_id, 0, &v->check)) == -1 ||
	    db_identity_latest(db, user_id, 1, &ver) == -1 ||
	    db_identity_setting(db, "credit_refresh_days", &v->refresh_days) ==
	    -1 || db_identity_setting(db, "platform_min_credit_score",
	    &v->inst_min_score) == -1 || db_identity_setting(db,
	    "pau_min_credit_score", &v->pau_min_score) == -1)
		return RES_ERROR;
	v->has_check = rc == 1;
	if (v->has_check) {
		status_words(&v->check, v->status_words,
		    sizeof(v->status_words));
		snprintf(v->id_type_words, sizeof(v->id_type_words), "%s",
		    identity_type_words(v->check.id_type));
		masked(&v->check, v->id_masked);
	}
	if (ver.id > 0) {
		v->verified = 1;
		v->verified_at = ver.decided_at > 0 ? ver.decided_at :
		    ver.submitted_at;
	}
	v->can_submit = !v->verified && !(v->has_check &&
	    v->check.status == IDC_REVIEW);
	if ((rc = db_consent_latest(db, user_id, 0, &v->consent)) == -1)
		return RES_ERROR;
	v->has_consent = rc == 1 && v->consent.withdrawn_at == 0;
	v->has_withdrawn = rc == 1 && v->consent.withdrawn_at != 0;
	return RES_OK;
}

/* Ask the identity service about *in into *r (status, ref, reason).
 * RES_OK, or RES_UNAVAILABLE with msg. */
static enum result
ask_service(const struct identity_input *in, int64_t now,
    struct db_identity *r, char *msg, size_t msgsz)
{
	const struct identity_gateway	*gw = identity_gateway_get("sandbox");
	struct identity_request		 rq;
	struct identity_answer		 ans;
	char				 err[160];

	rq.legal_name = r->legal_name;
	rq.birth_date = in->birth_date;
	rq.id_type = in->id_type;
	rq.id_number = in->id_number;
	if (gw == NULL || gw->check(&rq, now, &ans, err, sizeof(err)) == -1) {
		snprintf(msg, msgsz, "%s", _("The identity service did not "
		    "answer. Nothing was kept: please send the form again in "
		    "a few minutes."));
		return RES_UNAVAILABLE;
	}
	snprintf(r->gateway_ref, sizeof(r->gateway_ref), "%s", ans.ref);
	snprintf(r->reason, sizeof(r->reason), "%s", ans.reason);
	r->status = ans.outcome == IDENTITY_MATCH ? IDC_VERIFIED :
	    ans.outcome == IDENTITY_REVIEW ? IDC_REVIEW : IDC_MISMATCH;
	if (ans.outcome != IDENTITY_REVIEW)
		r->decided_at = now;
	return RES_OK;
}

/* Build the row of in for user_id at now: trimmed name, sealed number,
 * last four. 0 or -1. */
static int
build_row(const struct config *cfg, int64_t user_id,
    const struct identity_input *in, int64_t now, struct db_identity *r)
{
	size_t a, b, len = strlen(in->id_number);

	memset(r, 0, sizeof(*r));
	r->user_id = user_id;
	for (a = 0; isspace((unsigned char)in->legal_name[a]); a++)
		continue;
	for (b = strlen(in->legal_name); b > a &&
	    isspace((unsigned char)in->legal_name[b - 1]); b--)
		continue;
	snprintf(r->legal_name, sizeof(r->legal_name), "%.*s", (int)(b - a),
	    in->legal_name + a);
	snprintf(r->birth_date, sizeof(r->birth_date), "%s", in->birth_date);
	snprintf(r->id_type, sizeof(r->id_type), "%s", in->id_type);
	snprintf(r->id_last4, sizeof(r->id_last4), "%s",
	    in->id_number + (len > 4 ? len - 4 : 0));
	r->submitted_at = now;
	return number_seal(cfg, in->id_number, r);
}

/* The submission's transaction: lock, re-check the state, store the file,
 * ask the service, insert, audit. *f gets the stored file (to publish or
 * discard by the caller). */
static enum result
submit_tx(struct db *db, const struct config *cfg, int64_t user_id,
    const struct identity_input *in, int64_t now, struct db_identity *r,
    struct filestore_info *f, char *msg, size_t msgsz,
    struct identity_errors *err)
{
	struct filestore_owner	own = { user_id, 0 };
	struct db_identity	last;
	enum result	res;
	char			fserr[200];
	int			rc;

	if (db_identity_lock_user(db, user_id) != 1 ||
	    (rc = db_identity_latest(db, user_id, 0, &last)) == -1)
		return RES_ERROR;
	if (rc == 1 && (last.status == IDC_REVIEW ||
	    db_identity_latest(db, user_id, 1, &last) == 1)) {
		snprintf(msg, msgsz, "%s", last.status == IDC_REVIEW ?
		    _("Your identity is already waiting for a manual "
		    "review.") : _("Your identity is already verified."));
		return RES_NOT_ALLOWED;
	}
	rc = filestore_put(db, cfg, &own, in->photo, in->photo_len,
	    FS_DOCUMENT, now, f, fserr, sizeof(fserr));
	if (rc == 1) {
		snprintf(err->photo, sizeof(err->photo), "%s", fserr);
		return RES_INVALID;
	}
	if (rc == -1)
		return RES_ERROR;
	r->file_id = f->id;
	if ((res = ask_service(in, now, r, msg, msgsz)) != RES_OK)
		return res;
	if (db_identity_insert(db, r, &r->id) == -1 ||
	    audit_event(db, "user", user_id, OF_USER, user_id, NULL,
	    r->status == IDC_VERIFIED ? "identity_verified" :
	    r->status == IDC_REVIEW ? "identity_review" :
	    "identity_mismatch", r->status == IDC_MISMATCH ? r->reason :
	    "real-name authentication submitted (INST-01)", now) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* See identity.h. */
enum result
identity_submit(struct db *db, const struct config *cfg, int64_t user_id,
    const struct identity_input *in, int64_t now, struct identity_errors *err,
    enum identity_status *status, char *msg, size_t msgsz,
    struct identity_view *v)
{
	struct filestore_info	f;
	struct db_identity	r;
	enum result	res;
	char			today[CAL_DATE_STRLEN];
	mp_date			td;

	msg[0] = '\0';
	*status = IDC_MISMATCH;
	memset(&f, 0, sizeof(f));
	if (mp_date_from_unix(now, &td) == -1)
		return RES_ERROR;
	mp_date_str(td, today, sizeof(today));
	if (identity_check_input(in, today, err) != 0) {
		res = RES_INVALID;
		goto view;
	}
	if (build_row(cfg, user_id, in, now, &r) == -1) {
		log_err("identity: cannot seal an ID number (secret key?)");
		return RES_ERROR;
	}
	if (db_begin(db) == -1)
		return RES_ERROR;
	res = submit_tx(db, cfg, user_id, in, now, &r, &f, msg, msgsz, err);
	if (res != RES_OK || db_commit(db) == -1) {
		db_rollback(db);
		filestore_discard(cfg, &f);
		if (res == RES_OK)
			return RES_ERROR;
		if (res == RES_ERROR)
			return res;
		goto view;
	}
	filestore_publish(cfg, &f);
	*status = r.status;
	log_info("identity: user %lld check %lld %s", (long long)user_id,
	    (long long)r.id, identity_status_name(r.status));
view:
	return identity_account(db, user_id, now, v) == RES_OK ? res :
	    RES_ERROR;
}

/* See identity.h. */
enum result
identity_document(struct db *db, int64_t viewer_id, int admin,
    int64_t check_id, int64_t *file_id)
{
	struct db_identity	r;
	int			rc;

	*file_id = 0;
	if ((rc = db_identity_get(db, check_id, 0, &r)) == -1)
		return RES_ERROR;
	/* Another shopper's document is "not found", never "forbidden". */
	if (rc == 0 || r.file_id == 0 || (!admin && r.user_id != viewer_id))
		return RES_NOT_FOUND;
	*file_id = r.file_id;
	return RES_OK;
}

/* See identity.h. */
enum result
identity_review_list(struct db *db, const enum identity_status *status,
    int64_t page, struct db_identity **rows, size_t *n, int64_t *total)
{
	if (page < 1)
		page = 1;
	return db_identity_list(db, status, (size_t)(page - 1) *
	    IDENTITY_PAGE, IDENTITY_PAGE, rows, n, total) == -1 ? RES_ERROR :
	    RES_OK;
}

/* See identity.h. */
enum result
identity_review_get(struct db *db, int64_t id, struct db_identity *r,
    char out[IDENTITY_MASKED_MAX])
{
	int rc;

	if ((rc = db_identity_get(db, id, 0, r)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	masked(r, out);
	return RES_OK;
}

/* The decision's transaction on the locked check *r. */
static enum result
decide_tx(struct db *db, int64_t admin_id, struct db_identity *r, int approve,
    const char *reason, int64_t now, char *msg, size_t msgsz)
{
	enum identity_status	 to = approve ? IDC_VERIFIED : IDC_REJECTED;
	char			 body[800], subj[160];
	int			 rc;
	enum lang		 prev;

	rc = admin_claim(db, "identity", r->id, "review", approve ? "approve" :
	    "reject", admin_id, now, NA_("Identity check"), msg, msgsz);
	if (rc != 0)
		return rc == 1 ? RES_NOT_ALLOWED : RES_ERROR;
	if (r->status != IDC_REVIEW) {
		snprintf(msg, msgsz, A_("Identity check #%lld is no longer "
		    "waiting for a review: nothing to decide."),
		    (long long)r->id);
		return RES_NOT_ALLOWED;
	}
	prev = i18n_use(language_of_user(db, r->user_id));
	if (approve)
		snprintf(body, sizeof(body), "%s", _("Your identity is "
		    "verified (real-name authentication, INST-01). You can now "
		    "authorize a credit evaluation on your Identity and credit "
		    "page."));
	else
		snprintf(body, sizeof(body), _("Your identity could not be "
		    "verified: %s. You can send the form again with a clear "
		    "photo of the document on your Identity and credit page."),
		    reason);
	snprintf(subj, sizeof(subj), "%s", approve ? _("Identity verified") :
	    _("Identity not verified"));
	i18n_use(prev);
	if (db_identity_move(db, r->id, IDC_REVIEW, to, admin_id, approve ? "" :
	    reason, now) != 1 ||
	    audit_event(db, "user", r->user_id, OF_ADMIN, admin_id,
	    "identity_review", approve ? "identity_verified" :
	    "identity_rejected", approve ? "identity approved in manual "
	    "review (INST-01)" : reason, now) == -1 ||
	    db_message_insert(db, r->user_id, 0, subj, body, now) == -1)
		return RES_ERROR;
	/* TRANSLATORS: %s is the shopper's email address. */
	snprintf(msg, msgsz, approve ? A_("Identity check #%lld of %s: "
	    "approved.") : A_("Identity check #%lld of %s: rejected."),
	    (long long)r->id, r->user_email);
	return RES_OK;
}

/* See identity.h. */
enum result
identity_review_decide(struct db *db, int64_t admin_id, int64_t id,
    int approve, const char *reason, int64_t now, char *msg, size_t msgsz,
    struct db_identity *r, char out[IDENTITY_MASKED_MAX])
{
	enum result	res;
	int			rc;

	msg[0] = '\0';
	if (!approve && blank(reason)) {
		snprintf(msg, msgsz, "%s", A_("Give the reason for the "
		    "rejection: the shopper reads it and sends the form "
		    "again."));
		return identity_review_get(db, id, r, out) == RES_OK ?
		    RES_INVALID : RES_NOT_FOUND;
	}
	if (db_begin(db) == -1)
		return RES_ERROR;
	if ((rc = db_identity_get(db, id, 1, r)) != 1) {
		db_rollback(db);
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	}
	res = decide_tx(db, admin_id, r, approve, reason, now, msg, msgsz);
	if (res != RES_OK || db_commit(db) == -1) {
		db_rollback(db);
		if (res == RES_OK)
			return RES_ERROR;
	}
	if (res == RES_ERROR)
		return res;
	return identity_review_get(db, id, r, out) == RES_OK ? res : RES_ERROR;
}

/* See identity.h. */
int
queue_count_identity(struct db *db, int64_t now, struct db_queue_stats *out)
{
	/* Promised within IDENTITY_REVIEW_DAYS: counted in calendar days
	 * here, a business day is never shorter. */
	return db_identity_review_stats(db, now - IDENTITY_REVIEW_DAYS *
	    86400, out);
}
