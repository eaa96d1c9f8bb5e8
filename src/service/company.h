#ifndef MALLPAY_SERVICE_COMPANY_H
#define MALLPAY_SERVICE_COMPANY_H

/*
 * Corporate buyers (RULES INST-03, INST-04, INST-CORP, COD-02,
 * REM-02, INST-S1 and the B2B side of section 5):
 *
 * - company.c: the account page's figures (INST-04's 90-day completed
 *   total, computed exactly as checkout's facts do), the agreements an
 *   admin sets (COD-02 limit, REM-02 quota), authorization of members.
 * - qualification.c: documents (encrypted file store, INST-S1), the
 *   submission's road draft -> submitted -> under_review -> verified /
 *   rejected (INST-03, review due in 3 business days, C-04), the expiry
 *   of the licence (qual_tick from `mallpayctl tick`).
 * - corporate_installment.c: INST-CORP application -> admin review ->
 *   agreement signed by a member -> 30% down payment recorded -> in
 *   effect -> pending_shipment, on an installment plan (service/plans.h).
 *
 * Every change is one transaction with its audit event (C-07) and an
 * account message to the company's members; a repeated submit changes
 * nothing twice (UPDATE ... WHERE status = ?, admin decision claims).
 * Members act for their company: any object of another company is
 * RES_NOT_FOUND (404).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/i18n.h"
#include "core/money.h"
#include "core/result.h"
#include "db/admin.h"
#include "db/company.h"

struct config;
struct db;

/* Business days an admin has to review (INST-CORP: 1-3, the latest is
 * promised). */
#define CORP_REVIEW_BUSINESS_DAYS	3
/* Days before the licence's expiry when the members are told. */
#define QUAL_NOTICE_FIRST		30
#define QUAL_NOTICE_LAST		7
/* The agreement's version (its text is built by corp_agreement_text). */
#define CORP_AGREEMENT_VERSION		"CORP-INST-2026.1"

/* company.c */

/* INST-04: the USD total of company_id's orders completed in the last
 * window days before now (each at its own recorded rate, C-02), as
 * facts_load computes it, into *total; *window the days (setting
 * inst_b2b_completed_window_days) and *min the threshold (setting
 * inst_b2b_min_completed_usd_minor). Returns 0 or -1. */
int	company_completed_usd(struct db *, int64_t company_id, int64_t now,
	    struct money *total, int64_t *window, struct money *min);

/* The integer value of setting name, dflt when missing. -1 on error with
 * *out untouched. */
int	company_setting_int(struct db *, const char *name, int64_t dflt,
	    int64_t *out);

/* Today (UTC) plus n business days with the holiday table (C-04) into
 * out (CAL_DATE_STRLEN). Returns 0 or -1. */
int	company_business_days(struct db *, int64_t now, int n, char *out,
	    size_t outsz);

/* COD-02 / REM-02: admin_id sets company_id's long-term agreement, its
 * COD limit and remittance quota (USD minor units, -1: none), one
 * transaction with a 'company' event holding old and new values and a
 * message to the members. Returns RES_OK, RES_NOT_FOUND, RES_INVALID,
 * RES_ERROR. */
enum result company_set_limits(struct db *, int64_t admin_id,
	    int64_t company_id, int agreement, int64_t cod_limit,
	    int64_t remit_quota, int64_t now, char *msg, size_t msgsz);

/* "USD 1,234.50" of USD minor units into out. */
void	company_usd(int64_t minor, char *out, size_t outsz);

/* Demo data (mallpayctl seed-demo): the verified Acme's approved
 * submission with a small licence and statements PDF in the file store,
 * once (nothing when it has one). Returns 0 or -1. */
int	company_seed_demo(struct db *, const struct config *, int64_t now);

/* qualification.c */

/* May user_id of company_id upload and submit documents (RULES section
 * 5: the owner's "upload documents")? RES_OK; RES_FORBIDDEN with msg naming
 * the action and the owner to ask; RES_NOT_FOUND (not a member); RES_ERROR.
 * qual_upload() and qual_submit() check it themselves; a page asks first
 * to refuse before reading the form. */
enum result qual_upload_allowed(struct db *, int64_t user_id,
	    int64_t company_id, char *msg, size_t msgsz);

/* Upload one document (kind "licence" with its expiry date expires
 * "YYYY-MM-DD", or "statements") of company_id by user_id: type from
 * content (PDF, JPEG, PNG; FILESTORE_MAX), encrypted at rest (INST-S1),
 * attached to the company's draft submission (a new draft when the last
 * one was decided). One transaction with a 'company' event. Returns RES_OK,
 * RES_FORBIDDEN (user_id may not upload: msg, qual_upload_allowed),
 * RES_INVALID (msg: wrong type, size, date), RES_NOT_ALLOWED (a
 * submission is being reviewed), RES_ERROR. */
enum result qual_upload(struct db *, const struct config *,
	    int64_t company_id, int64_t user_id, const char *kind,
	    const void *data, size_t len, const char *expires, int64_t now,
	    char *msg, size_t msgsz);

/* Submit the draft for review: both documents, an unexpired licence; the
 * review is due in CORP_REVIEW_BUSINESS_DAYS business days (C-04). The
 * company (unless verified) becomes "submitted". Returns RES_OK,
 * RES_FORBIDDEN (user_id may not submit: msg, qual_upload_allowed),
 * RES_INVALID (msg: what is missing), RES_NOT_ALLOWED, RES_ERROR. */
enum result qual_submit(struct db *, int64_t company_id, int64_t user_id,
	    int64_t now, char *msg, size_t msgsz);

/* admin_id starts the review of submission id shown in `from`
 * ("submitted"): -> under_review. Returns RES_OK, RES_NOT_FOUND,
 * RES_DECIDED (someone started or decided it: msg), RES_ERROR. */
enum result qual_start_review(struct db *, int64_t admin_id, int64_t id,
	    int64_t now, char *msg, size_t msgsz);

/* admin_id decides submission id: approve (verified, the company verified
 * until the licence's expiry, INST-03) or reject with reason (required).
 * Claims the decision (admin_decisions), one transaction with the event
 * and the members' message. Returns RES_OK, RES_NOT_FOUND, RES_INVALID
 * (no reason, licence expired), RES_DECIDED ("already decided by X at T"),
 * RES_ERROR. */
enum result qual_decide(struct db *, int64_t admin_id, int64_t id,
	    int approve, const char *reason, int64_t now, char *msg,
	    size_t msgsz);

/* What one qual_tick() did. */
struct qual_tick_stats {
	int	notices;	/* 30- and 7-day warnings sent */
	int	expired;	/* companies returned to unverified */
	int	errors;
};

/* INST-03 expiry at now (mallpayctl tick): each verified company whose
 * licence expires within QUAL_NOTICE_FIRST days, taken with FOR UPDATE
 * SKIP LOCKED in its own transaction: the 30- and 7-day messages (once
 * each, company_notices), and after the last valid day the company
 * returns to unverified with a system event and a message. Idempotent.
 * Returns 0, or -1 on a database error. */
int	qual_tick(struct db *, int64_t now, struct qual_tick_stats *st);

/* The admin queue's figures (service/queues.h). */
int	queue_count_qualifications(struct db *, int64_t now,
	    struct db_queue_stats *out);

/* corporate_installment.c */

/* The down payment of amount (minor units) at percent: half up. */
int64_t	corp_down_payment(int64_t amount, int64_t percent);

/* INST-CORP: user_id of company_id applies for order_id (its company's,
 * installment_corporate, awaiting_review) with term months (3-6 and one
 * of the institution's terms): the application with its review date
 * (C-04, also stored on the order), an 'application' event, a message.
 * Returns RES_OK, RES_NOT_FOUND, RES_FORBIDDEN (user_id may not place
 * orders: msg), RES_INVALID (term), RES_NOT_ALLOWED (already applied,
 * wrong state), RES_ERROR. */
enum result corp_apply(struct db *, int64_t company_id, int64_t user_id,
	    int64_t order_id, int term, int64_t now, char *msg, size_t msgsz);
/* corp_apply() inside the caller's transaction (checkout places the order
 * and applies in one): the caller rolls back on anything but RES_OK. */
enum result corp_apply_tx(struct db *, int64_t company_id,
	    int64_t user_id, int64_t order_id, int term, int64_t now,
	    char *msg, size_t msgsz);

/* Writes amount m for people into out (CORP_MONEY_MAX bytes) in the
 * thread's language and returns out: the page's formatter (view/fmt.h's
 * fmt_money), so that the agreement's amounts read in the signer's
 * language form; NULL stands for the mall's own form (money_display). */
#define CORP_MONEY_MAX	96
typedef char *(*corp_money_form)(const struct money *m, char *out,
	    size_t outsz);

/* admin_id decides application id. Approve: the plan (plans.h, OFFERED,
 * principal = amount - down payment), the agreement text (version, every
 * figure, amounts by form in the signer's language) and its SHA-256
 * stored, order -> awaiting_confirmation.
 * Reject (reason required): order -> refused. Returns RES_OK, RES_NOT_FOUND,
 * RES_INVALID, RES_DECIDED, RES_NOT_ALLOWED, RES_ERROR. */
enum result corp_decide(struct db *, int64_t admin_id, int64_t id,
	    int approve, const char *reason, corp_money_form form, int64_t now,
	    char *msg, size_t msgsz);

/* A member (user_id of company_id) signs the agreement of order_id; sha
 * is the SHA-256 of the text the member was shown (it must be the stored
 * one), addr the client address. Signer, time, address kept. Returns
 * RES_OK, RES_NOT_FOUND, RES_FORBIDDEN (user_id may not sign agreements:
 * msg), RES_NOT_ALLOWED (not approved, already signed), RES_INVALID (the
 * text changed), RES_ERROR. */
enum result corp_sign(struct db *, int64_t company_id, int64_t user_id,
	    int64_t order_id, const char *sha, const char *addr, int64_t now,
	    char *msg, size_t msgsz);

/* admin_id records the down payment of application id received by bank
 * transfer (amount minor units of the order's currency, exactly the
 * agreement's, ref the transfer's reference): the plan starts today, the
 * agreement is in effect, order awaiting_confirmation -> paid_installment
 * -> pending_shipment, events and message, one transaction; then the
 * payment is entered in the plan's ledger (plan_record_payment, its own
 * idempotent transaction). Returns RES_OK, RES_NOT_FOUND, RES_INVALID,
 * RES_NOT_ALLOWED (not signed), RES_DECIDED, RES_ERROR. */
enum result corp_record_down_payment(struct db *, int64_t admin_id,
	    int64_t id, int64_t amount, const char *ref, int64_t now,
	    char *msg, size_t msgsz);

/* The text of the agreement of application a for order amount (minor
 * units, currency), institution inst_name with monthly_rate, late fee
 * rate, waiving flag, down payment percent, term, at version; appended
 * to out, in the thread's language, amounts written by form (NULL: the
 * mall's own form, "USD 1,234.50"). Returns 0, or -1 (plan rules refused
 * the figures). */
struct buf;
int	corp_agreement_text(const char *company, int64_t order_id,
	    const char *currency, int64_t amount, int64_t percent, int term,
	    const char *inst_name, const char *monthly_rate,
	    const char *late_fee_rate, int waives, const char *fee_mode,
	    corp_money_form form, struct buf *out);

/* The language an agreement text (corp_agreement_text) is written in,
 * known by its title line; English when none matches. */
enum lang corp_agreement_lang(const char *text);

/* The admin queue's figures: applications waiting for review. */
int	queue_count_corp_applications(struct db *, int64_t now,
	    struct db_queue_stats *out);

#endif
