#ifndef MALLPAY_DB_IDENTITY_H
#define MALLPAY_DB_IDENTITY_H

/*
 * Tables identity_checks and credit_consents (sql/020_identity.sql): the
 * real-name authentication records (INST-01) and the credit consents with
 * the bureau's score (INST-02, PAU-01).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/lifecycle.h"
#include "db/admin.h"

struct db;

#define DB_ID_ENC_MAX	128	/* id_number_enc, bytes */

/* One row of identity_checks (strings "" for NULL). */
struct db_identity {
	int64_t		 id;
	int64_t		 user_id;
	char		 user_email[255];	/* read, not written */
	char		 legal_name[201];
	char		 birth_date[11];	/* YYYY-MM-DD or "" */
	char		 id_type[20];		/* passport, national_id, ... or "" */
	unsigned char	 id_number_enc[DB_ID_ENC_MAX];
	size_t		 id_number_enc_len;	/* 0: none kept */
	char		 id_last4[5];
	int64_t		 file_id;		/* 0: none */
	int		 photo_pages;		/* pictures drawn from it
						   (file_renders), 0: none */
	enum identity_status status;
	char		 gateway_ref[41];
	char		 reason[301];
	int64_t		 submitted_at;
	int64_t		 decided_at;		/* 0: not decided */
	int64_t		 decided_by;		/* 0: not by an admin */
};

/* Insert *r (id, user_email, decided_* of a fresh check ignored unless
 * set); *id gets the new id. 0 or -1. */
int	db_identity_insert(struct db *, const struct db_identity *r,
	    int64_t *id);

/* Check id into *out, locked FOR UPDATE when lock. 1, 0 none, -1. */
int	db_identity_get(struct db *, int64_t id, int lock,
	    struct db_identity *out);

/* The latest check of user_id (any status), or with verified the latest
 * verified one. 1 with *out, 0 none, -1 error. */
int	db_identity_latest(struct db *, int64_t user_id, int verified,
	    struct db_identity *out);

/* Move check id from status `from` to `to` with reason, decided by admin_id
 * (0: none) at now. 1 moved, 0 not in `from`, -1 error. */
int	db_identity_move(struct db *, int64_t id, enum identity_status from,
	    enum identity_status to, int64_t admin_id, const char *reason,
	    int64_t now);

/* Checks in *status (NULL: every status), oldest first, rows
 * [offset, offset + limit) into *out (free(3)), *n and the total matching
 * into *total. 0 or -1. */
int	db_identity_list(struct db *, const enum identity_status *status,
	    size_t offset,
	    size_t limit, struct db_identity **out, size_t *n, int64_t *total);

/* The manual review queue's figures: checks in review, the oldest
 * submission, and those submitted before due_before (past their promised
 * day). 0 or -1. */
int	db_identity_review_stats(struct db *, int64_t due_before,
	    struct db_queue_stats *out);

/* Lock user id's row FOR UPDATE (serializes one shopper's identity and
 * consent changes). 1 locked, 0 no such user, -1 error. */
int	db_identity_lock_user(struct db *, int64_t user_id);

/* The integer setting name into *out (untouched when absent or not a
 * number). 0 or -1. */
int	db_identity_setting(struct db *, const char *name, int64_t *out);

/* One row of credit_consents (0 for NULL numbers). */
struct db_consent {
	int64_t		 id;
	int64_t		 user_id;
	int64_t		 identity_id;
	char		 version[33];
	int64_t		 accepted_at;
	int64_t		 withdrawn_at;
	int		 has_score;
	int		 score;
	int64_t		 scored_at;
	char		 bureau_ref[41];
	int64_t		 refresh_due_at;
};

/* Insert consent *r (score included when has_score); *id its id. 0, -1. */
int	db_consent_insert(struct db *, const struct db_consent *r,
	    int64_t *id);

/* The latest consent of user_id (withdrawn or not), or with active the
 * latest not withdrawn. 1 with *out, 0 none, -1 error. */
int	db_consent_latest(struct db *, int64_t user_id, int active,
	    struct db_consent *out);

/* Consent id locked FOR UPDATE SKIP LOCKED: 1 with *out, 0 none or taken
 * by another host, -1 error. */
int	db_consent_take(struct db *, int64_t id, struct db_consent *out);

/* Withdraw consent id at now (no more refreshes). 1, 0 already withdrawn,
 * -1 error. */
int	db_consent_withdraw(struct db *, int64_t id, int64_t now);

/* Store the bureau's score of consent id (not withdrawn) and the next
 * refresh time. 1, 0 withdrawn meanwhile, -1 error. */
int	db_consent_score(struct db *, int64_t id, int score, int64_t scored_at,
	    const char *ref, int64_t refresh_due_at);

/* Put off the refresh of consent id to at (the bureau failed). 0, -1. */
int	db_consent_defer(struct db *, int64_t id, int64_t at);

/* Ids of consents due for a refresh at now (by index), at most max, into
 * ids (max entries); *n how many. 0 or -1. */
int	db_consent_due(struct db *, int64_t now, int64_t *ids, size_t max,
	    size_t *n);

/* mallpayctl bench-data: users first_id..last_id (fresh bench shoppers)
 * get a verified identity and a consent with a score of 650 + id % 150
 * (no number, no document: generated rows, not demo data). 0 or -1. */
int	db_identity_bench(struct db *, int64_t first_id, int64_t last_id,
	    int64_t now);

#endif
