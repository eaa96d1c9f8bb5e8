/*
 * Credit authorization (INST-02, PAU-01): consent, the bureau's score, its
 * refresh and withdrawal; and the demo data's identities (see
 * identity.h).
 */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "core/config.h"
#include "core/i18n.h"
#include "core/log.h"
#include "db/db.h"
#include "db/identity.h"
#include "db/seed.h"
#include "gateway/creditbureau.h"
#include "service/audit.h"
#include "service/filestore.h"
#include "service/identity.h"

#define TICK_BATCH	500	/* consents taken per round of the tick */
#define RETRY_SECS	3600	/* the bureau failed: ask again then */

/* The refresh period in seconds (setting credit_refresh_days). -1 on a
 * database error. */
static int64_t
refresh_secs(struct db *db)
{
	int64_t days = IDENTITY_REFRESH_DEFAULT;

	if (db_identity_setting(db, "credit_refresh_days", &days) == -1)
		return -1;
	if (days < 1)
		days = 1;
	return days * 86400;
}

/* Ask the bureau for the score of verified identity *idv under consent
 * version at now into *ans. 0, or -1 (unreachable: err). */
static int
ask_bureau(const struct config *cfg, const struct db_identity *idv,
    const char *version, int64_t now, struct bureau_answer *ans, char *err,
    size_t errsz)
{
	const struct bureau_gateway	*gw = bureau_gateway_get("sandbox");
	struct bureau_request		 rq;
	char				 number[IDENTITY_NUMBER_MAX + 1];
	int				 rc;

	if (gw == NULL || identity_number_open(cfg, idv, number,
	    sizeof(number)) == -1) {
		snprintf(err, errsz, "no bureau or the number cannot be read");
		return -1;
	}
	rq.legal_name = idv->legal_name;
	rq.birth_date = idv->birth_date;
	rq.id_number = number;
	rq.consent_version = version;
	rc = gw->evaluate(&rq, now, ans, err, errsz);
	sodium_memzero(number, sizeof(number));
	return rc;
}

/* The acceptance's transaction for user_id. */
static enum result
accept_tx(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t now, char *msg, size_t msgsz)
{
	struct db_identity	idv;
	struct db_consent	c;
	struct bureau_answer	ans;
	char			err[160], why[200];
	int64_t			secs;
	int			rc;

	if (db_identity_lock_user(db, user_id) != 1 ||
	    (rc = db_identity_latest(db, user_id, 1, &idv)) == -1 ||
	    (secs = refresh_secs(db)) == -1)
		return RES_ERROR;
	/* INST-02: credit authorization needs a verified identity. */
	if (rc == 0) {
		snprintf(msg, msgsz, "Verify your identity first: the credit "
		    "bureau evaluates the identity you verified.");
		return RES_NOT_ALLOWED;
	}
	if ((rc = db_consent_latest(db, user_id, 1, &c)) != 0) {
		if (rc == 1)
			/* TRANSLATORS: %s is the consent's version. */
			snprintf(msg, msgsz, _("Your consent of %s is already "
			    "in force."), IDENTITY_CONSENT_VERSION);
		return rc == 1 ? RES_NOT_ALLOWED : RES_ERROR;
	}
	if (ask_bureau(cfg, &idv, IDENTITY_CONSENT_VERSION, now, &ans, err,
	    sizeof(err)) == -1) {
		log_warn("credit: bureau: %s", err);
		snprintf(msg, msgsz, "%s", _("The credit bureau did not "
		    "answer. Nothing was kept: please accept again in a few "
		    "minutes."));
		return RES_UNAVAILABLE;
	}
	memset(&c, 0, sizeof(c));
	c.user_id = user_id;
	c.identity_id = idv.id;
	snprintf(c.version, sizeof(c.version), "%s", IDENTITY_CONSENT_VERSION);
	c.accepted_at = now;
	c.has_score = 1;
	c.score = ans.score;
	c.scored_at = now;
	snprintf(c.bureau_ref, sizeof(c.bureau_ref), "%s", ans.ref);
	c.refresh_due_at = now + secs;
	snprintf(why, sizeof(why), "credit consent %s accepted; bureau score "
	    "%d (INST-02, PAU-01)", IDENTITY_CONSENT_VERSION, ans.score);
	if (db_consent_insert(db, &c, &c.id) == -1 ||
	    audit_event(db, "user", user_id, OF_USER, user_id, NULL,
	    "credit_authorized", why, now) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* Commit the open transaction when its use case answered res RES_OK, else
 * roll it back: res, or RES_ERROR when the use case or the commit failed. */
static enum result
tx_end(struct db *db, enum result res)
{
	if (res == RES_OK && db_commit(db) == 0)
		return RES_OK;
	db_rollback(db);
	return res == RES_OK ? RES_ERROR : res;
}

/* res, once user_id's account at now is read into v; RES_ERROR when it
 * cannot be read. */
static enum result
account_after(struct db *db, enum result res, int64_t user_id,
    int64_t now, struct identity_view *v)
{
	return identity_account(db, user_id, now, v) == RES_OK ? res :
	    RES_ERROR;
}

/* See identity.h. */
enum result
credit_accept(struct db *db, const struct config *cfg, int64_t user_id,
    const char *version, int agreed, int64_t now, char *msg, size_t msgsz,
    struct identity_view *v)
{
	enum result res;

	msg[0] = '\0';
	if (!agreed) {
		snprintf(msg, msgsz, "%s", _("Tick the box to say that you "
		    "have read and accept the consent text."));
		res = RES_INVALID;
	} else if (version == NULL ||
	    strcmp(version, IDENTITY_CONSENT_VERSION) != 0) {
		snprintf(msg, msgsz, "%s", _("The consent text changed while "
		    "you read it: read the text below and accept it again."));
		res = RES_INVALID;
	} else {
		if (db_begin(db) == -1)
			return RES_ERROR;
		res = tx_end(db, accept_tx(db, cfg, user_id, now, msg, msgsz));
	}
	return account_after(db, res, user_id, now, v);
}

/* The withdrawal's transaction for user_id. */
static enum result
withdraw_tx(struct db *db, int64_t user_id, int64_t now, char *msg,
    size_t msgsz)
{
	struct db_consent	c;
	int			rc;

	if (db_identity_lock_user(db, user_id) != 1 ||
	    (rc = db_consent_latest(db, user_id, 1, &c)) == -1)
		return RES_ERROR;
	if (rc == 0) {
		snprintf(msg, msgsz, "%s", _("There is no credit consent in "
		    "force to withdraw."));
		return RES_NOT_ALLOWED;
	}
	if (db_consent_withdraw(db, c.id, now) != 1 ||
	    audit_event(db, "user", user_id, OF_USER, user_id,
	    "credit_authorized", "credit_withdrawn", "credit consent "
	    "withdrawn: the score is no longer used (INST-02, PAU-01)", now) ==
	    -1)
		return RES_ERROR;
	return RES_OK;
}

/* See identity.h. */
enum result
credit_withdraw(struct db *db, int64_t user_id, int confirmed, int64_t now,
    char *msg, size_t msgsz, struct identity_view *v)
{
	enum result res;

	msg[0] = '\0';
	if (!confirmed) {
		snprintf(msg, msgsz, "%s", _("Tick the box to confirm that "
		    "you withdraw your consent: installments and Pay After "
		    "Use will no longer be offered to you."));
		res = RES_INVALID;
	} else {
		if (db_begin(db) == -1)
			return RES_ERROR;
		res = tx_end(db, withdraw_tx(db, user_id, now, msg,
		    msgsz));
	}
	return account_after(db, res, user_id, now, v);
}

/* Refresh consent id at now in its own transaction: 1 refreshed, 0
 * nothing to do (taken elsewhere, withdrawn, not due), 2 deferred (the
 * bureau failed), -1 error. */
static int
refresh_one(struct db *db, const struct config *cfg, int64_t id, int64_t now,
    int64_t secs)
{
	struct db_consent	c;
	struct db_identity	idv;
	struct bureau_answer	ans;
	char			err[160], why[120];
	int			rc;

	if (db_begin(db) == -1)
		return -1;
	if ((rc = db_consent_take(db, id, &c)) != 1 || c.withdrawn_at != 0 ||
	    c.refresh_due_at == 0 || c.refresh_due_at > now) {
		db_rollback(db);
		return rc == -1 ? -1 : 0;
	}
	if (db_identity_get(db, c.identity_id, 0, &idv) != 1)
		goto fail;
	if (ask_bureau(cfg, &idv, c.version, now, &ans, err,
	    sizeof(err)) == -1) {
		log_warn("credit: refresh of consent %lld: %s", (long long)id,
		    err);
		if (db_consent_defer(db, id, now + RETRY_SECS) == -1 ||
		    db_commit(db) == -1)
			goto fail;
		return 2;
	}
	snprintf(why, sizeof(why), "credit score refreshed: %d (was %d)",
	    ans.score, c.score);
	if (db_consent_score(db, id, ans.score, now, ans.ref, now + secs) != 1 ||
	    audit_event(db, "user", c.user_id, OF_SYSTEM, 0,
	    "credit_authorized", "credit_authorized", why, now) == -1 ||
	    db_commit(db) == -1)
		goto fail;
	return 1;
fail:
	db_rollback(db);
	return -1;
}

/* See identity.h. */
int
credit_refresh_tick(struct db *db, const struct config *cfg, int64_t now,
    struct credit_tick_stats *st)
{
	int64_t	ids[TICK_BATCH], secs;
	size_t	i, n;
	int	rc, progress;

	memset(st, 0, sizeof(st[0]));
	if ((secs = refresh_secs(db)) == -1)
		return -1;
	do {
		if (db_consent_due(db, now, ids, TICK_BATCH, &n) == -1)
			return -1;
		progress = 0;
		for (i = 0; i < n; i++) {
			rc = refresh_one(db, cfg, ids[i], now, secs);
			if (rc == 1)
				st->refreshed++;
			else if (rc == 2)
				st->deferred++;
			else if (rc == -1)
				st->errors++;
			progress += rc == 1 || rc == 2;
		}
	} while (n == TICK_BATCH && progress > 0);
	return 0;
}

/* A 1x1 white PNG: the demo identities' document image. */
static const unsigned char demo_png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
	0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
	0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde,
	0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63,
	0xf8, 0xff, 0xff, 0x3f, 0x00, 0x05, 0xfe, 0x02, 0xfe, 0x0d, 0xef,
	0x46, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
	0x42, 0x60, 0x82,
};

/* See identity.h. */
int
identity_seed(struct db *db, const struct config *cfg, const char *email,
    const char *legal_name, const char *birth_date, const char *id_number,
    int consent, int64_t now)
{
	struct identity_input	 in;
	struct identity_errors	 err;
	struct identity_view	 v;
	enum identity_status	 status;
	char			 msg[300];
	int64_t			 uid;

	if ((uid = db_seed_user_id(db, email)) <= 0)
		return -1;
	if (identity_account(db, uid, now, &v) != RES_OK)
		return -1;
	memset(&in, 0, sizeof(in));
	in.legal_name = legal_name;
	in.birth_date = birth_date;
	in.id_type = "national_id";
	in.id_number = id_number;
	in.photo = demo_png;
	in.photo_len = sizeof(demo_png);
	if (!v.verified && (identity_submit(db, cfg, uid, &in, now, &err,
	    &status, msg, sizeof(msg), &v) != RES_OK || !v.verified)) {
		fprintf(stderr, "mallpayctl: seed-demo: identity of %s: %s%s\n",
		    email, msg, err.photo);
		return -1;
	}
	if (consent && !v.has_consent && credit_accept(db, cfg, uid,
	    IDENTITY_CONSENT_VERSION, 1, now, msg, sizeof(msg), &v) != RES_OK) {
		fprintf(stderr, "mallpayctl: seed-demo: consent of %s: %s\n",
		    email, msg);
		return -1;
	}
	return 0;
}
