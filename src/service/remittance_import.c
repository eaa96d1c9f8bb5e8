/*
 * Post office remittance: the post office's statement import (REM-P5,
 * REM-P7, REM-P8): a CSV of receipts matched to orders by their creditor
 * reference. See remittance.h for the contracts.
 */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "db/admin.h"
#include "db/db.h"
#include "db/order.h"
#include "db/remittance.h"
#include "rules/rfcode.h"
#include "service/audit.h"
#include "service/recon.h"
#include "service/remittance.h"
#include "service/remittance_int.h"

/* The figures of statement line l for order o checked: the amount (*amt),
 * the day (*day), the tracking number (track, 41 bytes), the order still
 * waiting for money. 0, or -1 with why not in note. */
static int
line_check(const struct rem_line *l, const struct db_order *o,
    struct money *amt, mp_date *day, char track[41], char *note,
    size_t notesz)
{
	char err[160];

	if (strcasecmp(l->currency, o->currency) != 0) {
		snprintf(note, notesz, "currency %s, the order settles in %s",
		    l->currency, o->currency);
		return -1;
	}
	if (money_parse(l->amount, strlen(l->amount), o->currency, amt, err,
	    sizeof(err)) == -1 || amt->minor <= 0) {
		snprintf(note, notesz, "amount \"%s\": %s", l->amount, err);
		return -1;
	}
	if (mp_date_parse(l->date, strlen(l->date), day) == -1) {
		snprintf(note, notesz, "date \"%s\" is not YYYY-MM-DD",
		    l->date);
		return -1;
	}
	if (remittance_tracking_norm(l->tracking, track, 41) == -1) {
		snprintf(note, notesz, "tracking number \"%s\" is not valid",
		    l->tracking);
		return -1;
	}
	if (o->status != OS_AWAITING_REMITTANCE &&
	    o->status != OS_AWAITING_VERIFICATION &&
	    o->status != OS_PARTIALLY_PAID) {
		snprintf(note, notesz, "order #%lld is %s: nothing is due on it",
		    (long long)o->id, order_status_name(o->status));
		return -1;
	}
	return 0;
}

/* A claimed statement line (its key sha) receiving amt for order o
 * (locked): it decides the shopper's pending voucher, or is recorded as a
 * statement receipt of its own. Returns 1, or -1. */
static int
line_match(struct db *db, int64_t admin_id, const struct db_order *o,
    const struct money *amt, mp_date day, const char *track,
    const char *sha, int64_t now)
{
	struct db_rem_voucher		 pv;
	struct db_rem_voucher_new	 row;
	char				 key[65], msg[300], by[300], dec[33];
	char				 rem[11];
	int64_t				 at;
	int				 rc, pending = 0;

	if (o->status == OS_AWAITING_VERIFICATION) {
		if ((rc = db_rem_voucher_pending(db, o->id, &pv)) == -1)
			return -1;
		pending = rc == 1;
	}
	if (pending) {
		/* Decide the shopper's voucher with the statement's figure,
		 * claimed like an admin's decision. */
		rc = db_admin_decision_claim(db, "voucher", pv.id, "verify",
		    "received", admin_id, now, by, sizeof(by), dec, &at);
		if (rc == -1)
			return -1;
		if (rc == 1)
			pending = 0;
	}
	/* The statement line's key: the statement row's idempotency key and
	 * the ledger's partner reference either way. */
	snprintf(key, sizeof(key), "stmt-%.58s", sha);
	mp_date_str(day, rem, sizeof(rem));
	memset(&row, 0, sizeof(row));
	row.order_id = o->id;
	row.user_id = o->user_id;
	row.source = "statement";
	row.amount_minor = amt->minor;
	row.currency = o->currency;
	row.remitted_on = rem;
	row.tracking = track;
	row.status = VS_ACCEPTED;
	row.received_minor = amt->minor;
	row.decided_by = admin_id;
	row.idempotency_key = key;
	row.now = now;
	return rem_apply_receipt(db, o, pending ? pv.id : 0, amt->minor,
	    admin_id, N_("matched from the post office statement"), &row, now,
	    msg, sizeof(msg)) == RES_OK ? 1 : -1;
}

/* One data line of a statement inside the import's transaction: match it
 * (like a manual receipt) or record why not. Returns 1 matched, 0
 * unmatched, 2 duplicate line, -1 error. */
static int
import_line(struct db *db, int64_t admin_id, int64_t sid, int line_no,
    const char *raw, size_t rawlen, int64_t now)
{
	struct rem_line			 l;
	struct db_order			 o;
	struct money			 amt;
	mp_date				 day;
	char				 err[160], rf[RFCODE_MAX], canon[300];
	char				 sha[65], track[41], note[256];
	char				 rawc[513];
	enum pay_method			 method;
	int64_t				 oid = 0;
	int				 rc;
	const char			*outcome = "unmatched";

	snprintf(rawc, sizeof(rawc), "%.*s", (int)(rawlen > 512 ? 512 : rawlen),
	    raw);
	note[0] = '\0';
	if (remittance_csv_line(raw, rawlen, &l, err, sizeof(err)) == -1) {
		snprintf(note, sizeof(note), "unreadable line: %s", err);
		sha256_hex(raw, rawlen, sha);
		goto record;
	}
	/* The line's identity: its normalised fields. */
	snprintf(canon, sizeof(canon), "%s|%s|%s|%s|%s", l.code, l.amount,
	    l.currency, l.date, l.tracking);
	sha256_hex(canon, strlen(canon), sha);
	/* REM-P1: the check digits catch a mistyped code. */
	if (rfcode_normalize(l.code, strlen(l.code), rf, sizeof(rf)) == -1) {
		snprintf(note, sizeof(note), "the code \"%s\" fails its check "
		    "digits (REM-P1)", l.code);
		goto record;
	}
	if ((oid = db_rem_order_by_rf(db, rf)) == -1)
		return -1;
	if (oid == 0) {
		snprintf(note, sizeof(note), "no remittance order has the "
		    "code %s", rf);
		goto record;
	}
	/* The order locked and read again under the lock before deciding. */
	rc = db_order_lock_method(db, oid, &method);
	if (rc == 1)
		rc = db_order_get(db, 0, oid, &o);
	if (rc != 1)
		return rc == -1 ? -1 : 0;
	if (line_check(&l, &o, &amt, &day, track, note, sizeof(note)) == -1)
		goto record;
	/* Claim the line first: a line imported before changes nothing. */
	rc = db_rem_statement_line(db, sid, line_no, sha, rawc, oid,
	    "matched", "");
	if (rc != 1)
		return rc == 0 ? 2 : -1;
	return line_match(db, admin_id, &o, &amt, day, track, sha, now);
record:
	rc = db_rem_statement_line(db, sid, line_no, sha, rawc, oid, outcome,
	    note);
	return rc == 1 ? 0 : rc == 0 ? 2 : -1;
}

/* See remittance.h. */
int
remittance_import(struct db *db, int64_t admin_id, const char *buf,
    size_t len, int64_t now, struct rem_import *res, char *err, size_t errsz)
{
	char		 sha[65], detail[256];
	const char	*p = buf, *end = buf + len, *nl;
	size_t		 ll;
	int64_t		 sid;
	int		 line_no = 0, rc;

	memset(res, 0, sizeof(*res));
	err[0] = '\0';
	if (len == 0) {
		snprintf(err, errsz, "%s", A_("The statement file is empty."));
		return 1;
	}
	if (memchr(buf, '\0', len) != NULL) {
		snprintf(err, errsz, "%s", A_("This is not a CSV text file."));
		return 1;
	}
	sha256_hex(buf, len, sha);
	/* The statement is the post office's: its books keep its lines. */
	recon_books_statement(buf, len, now);
	if (db_begin_read_committed(db) == -1)
		return -1;
	sid = db_rem_statement_insert(db, sha, admin_id, now, &res->prev_at);
	if (sid == -1)
		goto fail;
	if (sid == 0) {
		/* The very same file: nothing changes. */
		db_rollback(db);
		res->already = 1;
		return 0;
	}
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		ll = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		line_no++;
		/* Skip blank lines and a header line. */
		if (ll == 0 || (line_no == 1 && ll >= 4 &&
		    strncasecmp(p, "code", 4) == 0)) {
			p = nl != NULL ? nl + 1 : end;
			continue;
		}
		res->lines++;
		rc = import_line(db, admin_id, sid, line_no, p, ll, now);
		if (rc == -1)
			goto fail;
		if (rc == 1)
			res->matched++;
		else if (rc == 0)
			res->unmatched++;
		else
			res->duplicates++;
		p = nl != NULL ? nl + 1 : end;
	}
	/* The import itself is audited (C-07); each matched line wrote its
	 * own voucher and order events. subject_id 0: a statement is not a
	 * voucher; the detail names it. */
	snprintf(detail, sizeof(detail), "{\"statement\":%lld,\"sha256\":"
	    "\"%s\",\"lines\":%d,\"matched\":%d,\"unmatched\":%d,"
	    "\"duplicates\":%d}", (long long)sid, sha, res->lines,
	    res->matched, res->unmatched, res->duplicates);
	if (db_rem_statement_counts(db, sid, res->lines, res->matched) == -1 ||
	    audit_event_detail(db, "voucher", 0, OF_ADMIN, admin_id, NULL,
	    "imported", "REM-P5 statement import", detail, now) == -1)
		goto fail;
	if (db_commit(db) == -1)
		return -1;
	return 0;
fail:
	db_rollback(db);
	snprintf(err, errsz, "%s", A_("The statement could not be imported "
	    "(database error); nothing was changed."));
	return -1;
}
