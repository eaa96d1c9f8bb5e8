#ifndef MALLPAY_SERVICE_IDENTITY_H
#define MALLPAY_SERVICE_IDENTITY_H

/*
 * Real-name authentication (INST-01) and credit authorization (INST-02,
 * PAU-01): the shopper's account page "Identity and credit", the admin's
 * manual review queue, the bureau's score refresh of `mallpayctl tick`.
 *
 * Records (sql/020_identity.sql): identity_checks, one per submission;
 * credit_consents, one per accepted consent with the bureau's score. The
 * checkout's facts (db/checkout.c) read INST-01 from the latest verified
 * check and the score from the consent not withdrawn: nothing else decides
 * them.
 *
 * - The ID number is encrypted at rest with the file store's format
 *   (filestore_encrypt: libsodium secretstream, the key derived from the
 *   configuration's secret; the shopper's id bound in as additional data)
 *   and shown only as its last four characters, on every page.
 * - The document photo (JPEG, PNG or PDF) goes to the encrypted file store;
 *   it is served to its owner and to admins only.
 * - The identity service (gateway/identity.h) answers match (verified),
 *   mismatch (the shopper may try again) or manual review (queue; an admin
 *   approves, or rejects with a reason; audited, the shopper gets a
 *   message).
 * - Credit authorization needs a verified identity. Accepting the consent
 *   text (IDENTITY_CONSENT_VERSION) records the version and the time and
 *   asks the bureau (gateway/creditbureau.h) at once; the score is asked
 *   again by `mallpayctl tick` once it is credit_refresh_days old (setting,
 *   default 90). Withdrawing ends the consent: the score is no longer used.
 *
 * Each use case is one transaction; nothing here knows HTTP.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/result.h"

#include "db/admin.h"
#include "db/identity.h"

struct config;
struct db;

#define IDENTITY_CONSENT_VERSION	"credit-consent-2026-12"
#define IDENTITY_NAME_MAX		200
#define IDENTITY_NUMBER_MAX		32
#define IDENTITY_REFRESH_DEFAULT	90	/* days */
#define IDENTITY_REVIEW_DAYS		1	/* manual review promised within */
#define IDENTITY_MASKED_MAX		96	/* "Passport ending in 1234" */

/* The consent text the shopper reads (version IDENTITY_CONSENT_VERSION). */
extern const char identity_consent_text[];

/* What the real-name form sent; NULL for a missing field. */
struct identity_input {
	const char		*legal_name;
	const char		*birth_date;	/* YYYY-MM-DD */
	const char		*id_type;	/* passport, national_id, driving_licence */
	const char		*id_number;
	const unsigned char	*photo;		/* the document, NULL: none */
	size_t			 photo_len;
};

/* One message per field in the thread's language, "" when fine. */
#define IDENTITY_ERR_MAX	512
struct identity_errors {
	char	legal_name[IDENTITY_ERR_MAX];
	char	birth_date[IDENTITY_ERR_MAX];
	char	id_type[IDENTITY_ERR_MAX];
	char	id_number[IDENTITY_ERR_MAX];
	char	photo[IDENTITY_ERR_MAX];
};

/* The account page: the latest check and the credit authorization. */
struct identity_view {
	int		 has_check;
	struct db_identity check;	/* the latest check (number sealed) */
	char		 status_words[400];
	char		 id_type_words[40];
	char		 id_masked[IDENTITY_MASKED_MAX];
	int		 verified;		/* a verified identity on record */
	int64_t		 verified_at;
	int		 can_submit;		/* not verified, not in review */
	int		 has_consent;		/* a consent not withdrawn */
	struct db_consent consent;		/* it, or the latest withdrawn */
	int		 has_withdrawn;		/* the latest was withdrawn */
	int64_t		 refresh_days;
	int64_t		 inst_min_score, pau_min_score;
};

/* Pure: check the form into err (every field). Returns how many fields
 * are wrong. `today` (YYYY-MM-DD) bounds the date of birth (18 or older,
 * not before 1900). */
int	identity_check_input(const struct identity_input *in, const char *today,
	    struct identity_errors *err);

/* Fill *v with user_id's identity and credit records at now (no
 * transaction needed: reads only). RES_OK or RES_ERROR. */
enum result identity_account(struct db *, int64_t user_id,
	    int64_t now, struct identity_view *v);

/* Submit the real-name form of user_id at now: check it, store the photo
 * (file store) and the sealed number, ask the identity service and record
 * its answer, audited, in one transaction. *v is filled afterwards (also
 * on refusal). RES_OK with the outcome in *status (IDC_VERIFIED,
 * IDC_MISMATCH or IDC_REVIEW); RES_INVALID (err filled); RES_NOT_ALLOWED (already verified
 * or in review: msg); RES_UNAVAILABLE (the service did not answer: msg,
 * nothing kept); RES_ERROR. */
enum result identity_submit(struct db *, const struct config *,
	    int64_t user_id, const struct identity_input *in, int64_t now,
	    struct identity_errors *err, enum identity_status *status, char *msg,
	    size_t msgsz, struct identity_view *v);

/* The file id of check id's document for the viewer (user_id, or any
 * check when admin). RES_OK with *file_id, RES_NOT_FOUND (none, or
 * another shopper's), RES_ERROR. */
enum result identity_document(struct db *, int64_t viewer_id,
	    int admin, int64_t check_id, int64_t *file_id);

/* The admin's list: checks in *status (NULL: every one), page (1-based,
 * IDENTITY_PAGE per page) into *rows (free), *n, *total. RES_OK or
 * RES_ERROR. */
#define IDENTITY_PAGE	25
enum result identity_review_list(struct db *,
	    const enum identity_status *status,
	    int64_t page, struct db_identity **rows, size_t *n, int64_t *total);

/* The review page of check id: *r (number sealed), *masked its last four in
 * words, the admin decision record (by, at) when decided. RES_OK,
 * RES_NOT_FOUND, RES_ERROR. */
enum result identity_review_get(struct db *, int64_t id,
	    struct db_identity *r, char masked[IDENTITY_MASKED_MAX]);

/* Admin admin_id approves or rejects (with reason) check id, in review, at
 * now: one transaction with the decision claim (a second admin gets "already
 * decided"), the audit event and the shopper's message. *r is filled
 * afterwards. RES_OK, RES_INVALID (no reason to reject: msg),
 * RES_NOT_ALLOWED (decided already: msg), RES_NOT_FOUND, RES_ERROR. */
enum result identity_review_decide(struct db *, int64_t admin_id,
	    int64_t id, int approve, const char *reason, int64_t now, char *msg,
	    size_t msgsz, struct db_identity *r,
	    char masked[IDENTITY_MASKED_MAX]);

/* The manual review queue's figures for the dashboard (queues.c). */
int	queue_count_identity(struct db *, int64_t now,
	    struct db_queue_stats *out);

/* "Passport", "National identity card", "Driving licence" or "". */
const char *identity_type_words(const char *id_type);

/* The ID number of check *r in clear into out (outsz bytes): 0, 1 when none
 * is kept, -1 when it cannot be opened. */
int	identity_number_open(const struct config *, const struct db_identity *r,
	    char *out, size_t outsz);

/* Credit authorization (service/credit.c). */

/* User_id accepts (agreed: the box ticked) the consent text of `version`
 * at now: needs a verified identity, the current version, no consent in
 * force; records the consent, asks the bureau and stores the score,
 * audited, in one transaction. *v filled afterwards. RES_OK,
 * RES_NOT_ALLOWED (msg), RES_INVALID (not agreed, or not the current
 * text: msg), RES_UNAVAILABLE (the bureau: msg, nothing kept), RES_ERROR. */
enum result credit_accept(struct db *, const struct config *,
	    int64_t user_id, const char *version, int agreed, int64_t now,
	    char *msg, size_t msgsz, struct identity_view *v);

/* User_id withdraws (confirmed: the box ticked) the consent in force at
 * now (audited; the score is no longer used). *v filled afterwards.
 * RES_OK, RES_INVALID (not confirmed: msg, nothing changed),
 * RES_NOT_ALLOWED (none in force), RES_ERROR. */
enum result credit_withdraw(struct db *, int64_t user_id,
	    int confirmed, int64_t now, char *msg, size_t msgsz,
	    struct identity_view *v);

/* What credit_refresh_tick did. */
struct credit_tick_stats {
	int	refreshed;
	int	deferred;	/* the bureau failed: asked again in an hour */
	int	errors;
};

/* `mallpayctl tick`: ask the bureau again for every consent whose
 * refresh_due_at has come (by index), each in its own transaction (FOR
 * UPDATE SKIP LOCKED: several hosts may run it). Returns 0, or -1 on a
 * database error. */
int	credit_refresh_tick(struct db *, const struct config *, int64_t now,
	    struct credit_tick_stats *st);

/* Demo data: give demo account email a verified identity (legal name,
 * birth date, number as given, a generated document image) and, when
 * consent, an accepted consent with the bureau's score, through the same
 * gateways as the web; nothing when already there. 0 or -1. */
int	identity_seed(struct db *, const struct config *, const char *email,
	    const char *legal_name, const char *birth_date,
	    const char *id_number, int consent, int64_t now);

#endif
