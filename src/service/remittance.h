#ifndef MALLPAY_SERVICE_REMITTANCE_H
#define MALLPAY_SERVICE_REMITTANCE_H

/*
 * Post office remittance end to end (RULES.md section 3): the
 * voucher upload (REM-P3, REM-P9), the arrival window (REM-P4), the admin's
 * verification (REM-P5, REM-P7, REM-P9), the statement import (REM-P5),
 * and the time-based work of `mallpayctl tick` (REM-P6, REM-P7, REM-P8).
 * Every state change is one transaction: orderflow transition + audit
 * event + a message to the shopper; repeated submits change nothing twice
 * (idempotency keys, admin_decisions claims, statement hashes).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/result.h"
#include "rules/remittance.h"

struct config;
struct db;

/* The use cases below answer enum result (core/result.h): RES_DONE (the
 * same submit again: nothing changed), RES_NOT_FOUND (no such order of this
 * user), RES_NOT_ALLOWED (not a remittance order in a state for it),
 * RES_INVALID (bad input: message in err, field named), RES_DECIDED (decided
 * already: "already decided by X at T"), RES_KEY_CONFLICT (the form's
 * idempotency key was used with other figures), RES_ERROR (database or
 * disk: nothing changed). */

/* REM-P7: excess returned within 15 business days after completion. */
#define REM_EXCESS_REFUND_DAYS	15
/* REM-P8: refund after cancellation in 10-20 business days. */
#define REM_CANCEL_REFUND_MIN	10
#define REM_CANCEL_REFUND_MAX	20

/* Pure (REM-P9): 1 if code is a reject reason ("unreadable",
 * "amount_mismatch", "wrong_payee", "wrong_date"), else 0; and its text
 * in the thread's language. */
int	remittance_reason_valid(const char *code);
const char *remittance_reason_text(const char *code);

/* Pure: check a tracking number (4-40 of [A-Za-z0-9-]) and write it upper
 * case into out (41 bytes). 0 or -1. */
int	remittance_tracking_norm(const char *s, char *out, size_t outsz);

/* What the shopper sends with a voucher (REM-P3). */
struct rem_upload {
	const void	*data;		/* the file, len bytes (may be NULL) */
	size_t		 len;
	const char	*amount;	/* remitted amount, order's currency */
	const char	*date;		/* "YYYY-MM-DD" */
	const char	*tracking;
	const char	*key;		/* idempotency key of the form */
};

/* Upload a voucher for user_id's order id (REM-P3, REM-P9): checks the
 * state, the figures and the file (type from content, 10 MB), stores it
 * encrypted, records the voucher with its arrival window (REM-P4) and
 * moves the order to awaiting_verification, in one transaction. On
 * RES_INVALID err has the message and *field the field's name. *vid gets
 * the voucher (RES_OK, RES_DONE: the same key sent again with the same
 * figures and file). The same key with another amount, date, tracking
 * number or file is RES_KEY_CONFLICT with err saying so. */
enum result remittance_upload(struct db *, const struct config *,
	    int64_t user_id, int64_t order_id, const struct rem_upload *u,
	    int64_t now, int64_t *vid, char *err, size_t errsz,
	    const char **field);

/* The admin's decision on voucher vid of order_id: received >= 0 records
 * the amount found on the account (equal -> paid -> pending_shipment;
 * less -> partially_paid with the difference due, REM-P7; more -> paid
 * plus an excess refund, REM-P7); received < 0 with reason rejects it
 * (REM-P9). One transaction with the decision claim, the transitions,
 * the voucher event and a message to the shopper. RES_DECIDED with
 * "already decided by X at T" in msg; RES_OK with what happened in msg. */
enum result remittance_decide(struct db *, int64_t admin_id,
	    int64_t order_id, int64_t vid, int64_t received,
	    const char *reason, int64_t now, char *msg, size_t msgsz);

/* The result of a statement import. */
struct rem_import {
	int	 lines;		/* data lines read */
	int	 matched;	/* matched to an order like a manual receipt */
	int	 unmatched;	/* listed for a human */
	int	 duplicates;	/* lines imported before (another file) */
	int	 already;	/* the very same file was imported before */
	int64_t	 prev_at;	/* when (already) */
};

/* One parsed statement line. */
struct rem_line {
	char	 code[40];	/* as written */
	char	 amount[32];
	char	 currency[4];
	char	 date[11];
	char	 tracking[65];
};

/* Pure: split one CSV line (no line end) of 5 fields: code, amount,
 * currency, date, tracking; fields may be double-quoted ("" inside).
 * Returns 0, or -1 with a reason in err. */
int	remittance_csv_line(const char *buf, size_t len, struct rem_line *out,
	    char *err, size_t errsz);

/* The key of statement line l ("stmt-" and 58 hex digits of the SHA-256
 * of its fields): the statement row's idempotency key and the ledger's
 * partner reference of its receipt. out: at least 64 bytes. */
void	remittance_line_key(const struct rem_line *l, char *out, size_t outsz);

/* Import the post office's CSV statement buf/len by admin_id (REM-P5) in
 * one transaction: lines whose code checks and matches an order awaiting
 * payment in the same currency are matched like a manual receipt, the
 * rest recorded as unmatched for a human. The same file (sha256) or line
 * imported again changes nothing. Returns 0 with *res, 1 invalid (err),
 * -1 error. */
int	remittance_import(struct db *, int64_t admin_id, const char *buf,
	    size_t len, int64_t now, struct rem_import *res, char *err,
	    size_t errsz);

/* `mallpayctl tick` (one call from src/ctl/tick.c): cancel unpaid
 * remittance orders past their payment day (REM-P6), date refunds
 * (REM-P7 excess after completion, REM-P8 after cancellation). Each item
 * one transaction taken with FOR UPDATE SKIP LOCKED; idempotent. Prints
 * one line per action to stdout. Returns the number of actions, or -1. */
int	remittance_tick(struct db *, int64_t now);

/* REM-P8 (and REM-P7's excess refund): check the postal account a refund
 * goes to. name: the holder (2-200 characters after leading spaces);
 * number: 8-34 letters and digits, spaces and dashes ignored, copied
 * upper case into norm (normsz >= 35). Messages for the name field into
 * nerr and for the number into aerr (errsz each, "" when fine). Returns 0
 * valid, 1 invalid. Pure. */
int	remittance_account_check(const char *name, const char *number,
	    char *norm, size_t normsz, char *nerr, char *aerr, size_t errsz);

/* The shopper user_id gives or corrects the postal account of every
 * unsent refund of their remittance order order_id: one transaction with
 * an 'order' audit event (the account's last four characters only).
 * RES_OK, RES_INVALID (nerr/aerr set as remittance_account_check),
 * RES_NOT_FOUND (not this user's remittance order), RES_NOT_ALLOWED (no
 * unsent refund), RES_ERROR. */
enum result remittance_refund_account(struct db *, int64_t user_id,
	    int64_t order_id, const char *name, const char *number,
	    int64_t now, char *nerr, char *aerr, size_t errsz);

/* admin_id marks refund refund_id of order_id sent through the post
 * office: one transaction (admin_claim, sent_at/sent_by, audit event, a
 * message to the shopper). RES_OK (msg says so), RES_DECIDED ("already
 * marked sent by X at T"), RES_NOT_ALLOWED (waiting for the shopper's
 * postal account), RES_NOT_FOUND, RES_ERROR; msg (msgsz) explains. */
enum result remittance_refund_sent(struct db *, int64_t admin_id,
	    int64_t order_id, int64_t refund_id, int64_t now, char *msg,
	    size_t msgsz);

#endif
