/*
 * Post office remittance: the shopper's voucher upload (REM-P3, REM-P4,
 * REM-P9). See remittance.h for the contract.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/said.h"
#include "db/db.h"
#include "db/file.h"
#include "db/remittance.h"
#include "service/audit.h"
#include "service/filestore.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/remittance.h"
#include "service/remittance_int.h"

/* Set err/field for an invalid input and return RES_INVALID. */
static enum result
invalid(char *err, size_t errsz, const char **field, const char *name,
    const char *msg)
{
	snprintf(err, errsz, "%s", msg);
	if (field != NULL)
		*field = name;
	return RES_INVALID;
}

/* The figures of voucher upload u for order o checked and parsed: the
 * amount (*amt), the day of the remittance (*day) and the normalized
 * tracking number (track, 41 bytes). RES_OK, or RES_INVALID with err and
 * *field, RES_ERROR. */
static enum result
figures(const struct db_order *o, const struct rem_upload *u, int64_t now,
    struct money *amt, mp_date *day, char track[41], char *err,
    size_t errsz, const char **field)
{
	mp_date	today, placed;
	char	why[260], ferr[200];

	if (u->amount == NULL || money_parse(u->amount, strlen(u->amount),
	    o->currency, amt, why, sizeof(why)) == -1 || amt->minor <= 0) {
		snprintf(ferr, sizeof(ferr), _("Enter the amount you remitted "
		    "in %s, for example 123.45."), o->currency);
		return invalid(err, errsz, field, "amount", ferr);
	}
	if (mp_date_from_unix(now, &today) == -1 ||
	    mp_date_from_unix(o->created_at, &placed) == -1)
		return RES_ERROR;
	if (u->date == NULL || mp_date_parse(u->date, strlen(u->date),
	    day) == -1 || *day > today || *day < placed)
		return invalid(err, errsz, field, "date", N_("Enter the date "
		    "of the remittance as YYYY-MM-DD: not before the order was "
		    "placed and not in the future."));
	if (remittance_tracking_norm(u->tracking, track, 41) == -1)
		return invalid(err, errsz, field, "tracking", N_("Enter the "
		    "post office's tracking number from the receipt (4 to 40 "
		    "letters, digits or dashes)."));
	return RES_OK;
}

/* 1 if voucher v holds what upload u sends for order o: the same amount,
 * day, tracking number and file (by content); 0 if not, -1 error. */
static int
same_upload(struct db *db, const struct db_order *o,
    const struct db_rem_voucher *v, const struct rem_upload *u)
{
	struct db_file	f;
	struct money	amt;
	char		why[160], track[41], sha[65];
	int		rc;

	if (u->amount == NULL || money_parse(u->amount, strlen(u->amount),
	    o->currency, &amt, why, sizeof(why)) == -1 ||
	    amt.minor != v->amount_minor || u->date == NULL ||
	    strcmp(u->date, v->remitted_on) != 0 ||
	    remittance_tracking_norm(u->tracking, track, sizeof(track)) ==
	    -1 || strcmp(track, v->tracking) != 0 || u->data == NULL)
		return 0;
	if ((rc = db_file_get(db, v->file_id, &f)) != 1)
		return rc == 0 ? 0 : -1;
	sha256_hex(u->data, u->len, sha);
	return strcmp(sha, f.sha256) == 0;
}

/* The idempotency key of upload u on order o: RES_OK unused; RES_DONE
 * (*vid the first voucher) when it was sent before with the same figures
 * and file; RES_KEY_CONFLICT (err says so) with others; RES_ERROR. */
static enum result
key_replay(struct db *db, const struct db_order *o,
    const struct rem_upload *u, int64_t *vid, char *err, size_t errsz)
{
	struct db_rem_voucher	v;
	int64_t			id;
	int			rc;

	if ((id = db_rem_voucher_by_key(db, o->id, u->key)) <= 0)
		return id == 0 ? RES_OK : RES_ERROR;
	if (db_rem_voucher_get(db, id, 0, &v) != 1 ||
	    (rc = same_upload(db, o, &v, u)) == -1)
		return RES_ERROR;
	if (rc == 1) {
		*vid = id;
		return RES_DONE;
	}
	snprintf(err, errsz, _("This form was already sent with another "
	    "amount, date, tracking number or file (voucher of %s). Nothing "
	    "was changed: reload the voucher page to upload a new voucher."),
	    v.remitted_on);
	return RES_KEY_CONFLICT;
}

/* A voucher upload on its way: the order locked and read, its figures
 * checked, the file once stored, the holidays of the arrival window. */
struct upload_job {
	struct db_order		 o;
	struct money		 amt;
	mp_date			 day;
	char			 track[41];
	struct filestore_info	 fi;
	int64_t			 dup_of_file;	/* sent for another order */
	int			 stored;
	mp_date			*hol;
	size_t			 nh;
};

/* Inside the upload's transaction: lock and read user_id's order
 * order_id into j->o and check upload u against it: a remittance order,
 * the form's key (a replay answers RES_DONE with *vid, a conflict
 * RES_KEY_CONFLICT), waiting for money (REM-P3), its figures, a file of
 * at most 10 MB (REM-P9). RES_OK, or the answer (err and *field). */
static enum result
upload_admit(struct db *db, int64_t user_id, int64_t order_id,
    const struct rem_upload *u, int64_t now, struct upload_job *j,
    int64_t *vid, char *err, size_t errsz, const char **field)
{
	enum result	res;
	enum pay_method	method;
	int		rc;

	/* The order locked, then read under the lock (404 unless the
	 * shopper's). */
	rc = db_order_lock_method(db, order_id, &method);
	if (rc == 1)
		rc = db_order_get(db, user_id, order_id, &j->o);
	if (rc != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if (j->o.method != PM_REMITTANCE)
		return RES_NOT_ALLOWED;
	/* A double submit: the first one's voucher, nothing changes; the
	 * same key with other figures or another file is refused. */
	if (u->key == NULL || u->key[0] == '\0')
		return invalid(err, errsz, field, "key", N_("This form is "
		    "incomplete: reload the page and send it again."));
	if ((res = key_replay(db, &j->o, u, vid, err, errsz)) != RES_OK)
		return res;
	/* REM-P3: a voucher while the order waits for (more) money. */
	if (j->o.status != OS_AWAITING_REMITTANCE &&
	    j->o.status != OS_PARTIALLY_PAID)
		return RES_NOT_ALLOWED;
	if ((res = figures(&j->o, u, now, &j->amt, &j->day, j->track, err,
	    errsz, field)) != RES_OK)
		return res;
	if (u->data == NULL || u->len == 0)
		return invalid(err, errsz, field, "voucher", N_("Choose the "
		    "photo or PDF of your remittance receipt."));
	/* REM-P9: at most 10 MB (also refused by nginx above 11 MB). */
	if (u->len > FILESTORE_MAX)
		return invalid(err, errsz, field, "voucher", N_("REM-P9: the "
		    "file is larger than 10 MB. Take a smaller photo or scan "
		    "and upload it again."));
	return RES_OK;
}

/* Inside the upload's transaction: store upload u's file for user_id
 * (REM-P9: type from content, encrypted at rest; j->stored once it is)
 * and insert the pending voucher of j with its arrival window (REM-P4,
 * from the day of the remittance) into *id (0: the key was claimed
 * meanwhile). RES_OK, RES_INVALID (err, *field) or RES_ERROR. */
static enum result
upload_voucher(struct db *db, const struct config *cfg, int64_t user_id,
    const struct rem_upload *u, int64_t now, struct upload_job *j,
    int64_t *id, char *err, size_t errsz, const char **field)
{
	struct db_rem_voucher_new	v;
	struct filestore_owner		owner;
	mp_date				lo, hi;
	char				rem[11], from[11], to[11];
	char				why[260], ferr[200];
	int				rc, domestic;

	domestic = db_rem_region_domestic(db, j->o.region_code);
	if (domestic == -1 || order_holidays(db, &j->hol, &j->nh) == -1 ||
	    remittance_window(j->day, domestic, j->hol, j->nh, &lo, &hi) == -1)
		return RES_ERROR;
	owner.user_id = user_id;
	owner.company_id = 0;
	rc = filestore_put(db, cfg, &owner, u->data, u->len, FS_VOUCHER, now,
	    &j->fi, ferr, sizeof(ferr));
	if (rc == 1) {
		snprintf(why, sizeof(why), "REM-P9: %s", ferr);
		return invalid(err, errsz, field, "voucher", why);
	}
	if (rc != 0)
		return RES_ERROR;
	j->stored = 1;
	memset(&v, 0, sizeof(v));
	v.order_id = j->o.id;
	v.user_id = user_id;
	v.source = "upload";
	v.file_id = j->fi.id;
	/* The same file already sent for another order: flag it. */
	if (j->fi.dup_of > 0) {
		int64_t other = db_rem_voucher_order_of_file(db, j->fi.dup_of,
		    j->o.id);

		if (other == -1)
			return RES_ERROR;
		if (other > 0) {
			v.dup_of_file = j->dup_of_file = j->fi.dup_of;
			/* Both sides of the match: the earlier order's
			 * voucher names this one too. */
			if (db_rem_voucher_flag_earlier(db, j->fi.id,
			    j->fi.dup_of, j->o.id) == -1)
				return RES_ERROR;
		}
	}
	v.amount_minor = j->amt.minor;
	v.currency = j->o.currency;
	v.remitted_on = mp_date_str(j->day, rem, sizeof(rem));
	v.tracking = j->track;
	v.expected_from = mp_date_str(lo, from, sizeof(from));
	v.expected_by = mp_date_str(hi, to, sizeof(to));
	v.status = VS_PENDING;
	v.received_minor = -1;
	v.idempotency_key = u->key;
	v.now = now;
	*id = db_rem_voucher_insert(db, &v);
	return *id == -1 ? RES_ERROR : RES_OK;
}

/* Inside the upload's transaction: order j->o on to
 * awaiting_verification for voucher id, audited with its figures.
 * RES_OK, RES_NOT_ALLOWED or RES_ERROR. */
static enum result
upload_record(struct db *db, int64_t user_id, const struct upload_job *j,
    int64_t id, int64_t now)
{
	char detail[200], st[SAID_LEN];

	if (orderflow_transition(db, j->o.id, j->o.status,
	    OS_AWAITING_VERIFICATION, OF_USER, user_id, said_store(st,
	    sizeof(st), SAID_REM_UPLOADED, NULL, NULL, NULL), now) != RES_OK)
		return RES_NOT_ALLOWED;
	snprintf(detail, sizeof(detail), "{\"order\":%lld,\"amount_minor\":"
	    "%lld,\"currency\":\"%s\",\"file\":%lld,\"dup_of_file\":%lld}",
	    (long long)j->o.id, (long long)j->amt.minor, j->o.currency,
	    (long long)j->fi.id, (long long)j->dup_of_file);
	if (audit_event_detail(db, "voucher", id, OF_USER, user_id, NULL,
	    "pending", "REM-P3 voucher uploaded", detail, now) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* See remittance.h. */
enum result
remittance_upload(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, const struct rem_upload *u, int64_t now, int64_t *vid,
    char *err, size_t errsz, const char **field)
{
	struct upload_job	j;
	int64_t			id = 0;
	enum result		res;

	*vid = 0;
	err[0] = '\0';
	if (field != NULL)
		*field = NULL;
	memset(&j, 0, sizeof(j));
	if (user_id <= 0)
		return RES_NOT_FOUND;
	if (db_begin_read_committed(db) == -1)
		return RES_ERROR;
	res = upload_admit(db, user_id, order_id, u, now, &j, vid, err, errsz,
	    field);
	if (res == RES_OK)
		res = upload_voucher(db, cfg, user_id, u, now, &j, &id, err,
		    errsz, field);
	if (res == RES_OK && id == 0) {
		/* The key was claimed meanwhile: by the same form, or by one
		 * with other figures. */
		db_rollback(db);
		filestore_discard(cfg, &j.fi);
		free(j.hol);
		res = key_replay(db, &j.o, u, vid, err, errsz);
		return res == RES_OK ? RES_ERROR : res;
	}
	if (res == RES_OK)
		res = upload_record(db, user_id, &j, id, now);
	if (res != RES_OK) {
		db_rollback(db);
		if (j.stored)
			filestore_discard(cfg, &j.fi);
		free(j.hol);
		return res;
	}
	if (db_commit(db) == -1) {
		/* The file stays pending: a COMMIT that fails as its node
		 * leaves a Galera cluster's primary component may have been
		 * taken by the others (the row then exists); the first read
		 * publishes it, filestore_recover() removes it if not. */
		free(j.hol);
		return RES_ERROR;
	}
	filestore_publish(cfg, &j.fi);
	free(j.hol);
	*vid = id;
	return RES_OK;
}
