/*
 * Statements of identity_checks and credit_consents (see identity.h).
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/dbint.h"
#include "db/identity.h"
#include "db/stmt.h"

#define IC_COLS \
	"ic.id, ic.user_id, u.email, ic.legal_name, " \
	"COALESCE(ic.birth_date, ''), COALESCE(ic.id_type, ''), " \
	"ic.id_number_enc, ic.id_last4, COALESCE(ic.file_id, 0), ic.status, " \
	"ic.gateway_ref, ic.reason, ic.submitted_at, " \
	"COALESCE(ic.decided_at, 0), COALESCE(ic.decided_by, 0), " \
	"(SELECT COUNT(*) FROM file_renders fr WHERE fr.file_id = ic.file_id " \
	"AND fr.page > 0) " \
	"FROM identity_checks ic JOIN users u ON u.id = ic.user_id "
/* Columns of IC_COLS, in its SELECT order. */
enum ic_col {
	IC_C_ID, IC_C_USER_ID, IC_C_USER_EMAIL, IC_C_LEGAL_NAME,
	IC_C_BIRTH_DATE, IC_C_ID_TYPE, IC_C_ID_NUMBER_ENC, IC_C_ID_LAST4,
	IC_C_FILE_ID, IC_C_STATUS, IC_C_GATEWAY_REF, IC_C_REASON,
	IC_C_SUBMITTED_AT, IC_C_DECIDED_AT, IC_C_DECIDED_BY, IC_C_PHOTO_PAGES,
	IC_C__N
};

#define CC_COLS \
	"id, user_id, identity_id, consent_version, accepted_at, " \
	"COALESCE(withdrawn_at, 0), score IS NOT NULL, COALESCE(score, 0), " \
	"COALESCE(scored_at, 0), bureau_ref, COALESCE(refresh_due_at, 0) " \
	"FROM credit_consents "
/* Columns of CC_COLS, in its SELECT order. */
enum cc_col {
	CC_C_ID, CC_C_USER_ID, CC_C_IDENTITY_ID, CC_C_VERSION,
	CC_C_ACCEPTED_AT, CC_C_WITHDRAWN_AT, CC_C_HAS_SCORE, CC_C_SCORE,
	CC_C_SCORED_AT, CC_C_BUREAU_REF, CC_C_REFRESH_DUE_AT, CC_C__N
};

enum stmt {
	STMT_INSERT,
	STMT_GET,
	STMT_GET_LOCK,
	STMT_LATEST,
	STMT_LATEST_VERIFIED,
	STMT_MOVE,
	STMT_LIST,
	STMT_LIST_ALL,
	STMT_COUNT,
	STMT_COUNT_ALL,
	STMT_STATS,
	STMT_LOCK_USER,
	STMT_SETTING,
	STMT_CC_INSERT,
	STMT_CC_LATEST,
	STMT_CC_ACTIVE,
	STMT_CC_TAKE,
	STMT_CC_WITHDRAW,
	STMT_CC_SCORE,
	STMT_CC_DEFER,
	STMT_CC_DUE,
	STMT_BENCH_IDENTITY,
	STMT_BENCH_CONSENT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSERT */
	"INSERT INTO identity_checks (user_id, legal_name, birth_date, "
	"id_type, id_number_enc, id_last4, file_id, status, gateway_ref, "
	"reason, submitted_at, decided_at, decided_by) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_GET */
	"SELECT " IC_COLS "WHERE ic.id = ?",
	/* STMT_GET_LOCK */
	"SELECT " IC_COLS "WHERE ic.id = ? FOR UPDATE",
	/* STMT_LATEST */
	"SELECT " IC_COLS "WHERE ic.user_id = ? ORDER BY ic.id DESC LIMIT 1",
	/* STMT_LATEST_VERIFIED */
	"SELECT " IC_COLS "WHERE ic.user_id = ? AND ic.status = 'verified' "
	"ORDER BY ic.id DESC LIMIT 1",
	/* STMT_MOVE */
	"UPDATE identity_checks SET status = ?, reason = ?, decided_at = ?, "
	"decided_by = ? WHERE id = ? AND status = ?",
	/* STMT_LIST */
	"SELECT " IC_COLS "WHERE ic.status = ? ORDER BY ic.submitted_at, "
	"ic.id LIMIT ? OFFSET ?",
	/* STMT_LIST_ALL */
	"SELECT " IC_COLS "ORDER BY ic.submitted_at, ic.id LIMIT ? OFFSET ?",
	/* STMT_COUNT */
	"SELECT COUNT(*) FROM identity_checks WHERE status = ?",
	/* STMT_COUNT_ALL */
	"SELECT COUNT(*) FROM identity_checks",
	/* STMT_STATS */
	"SELECT COUNT(*), COALESCE(MIN(submitted_at), 0), "
	"COALESCE(SUM(submitted_at < ?), 0) FROM identity_checks "
	"WHERE status = 'review'",
	/* STMT_LOCK_USER */
	"SELECT id FROM users WHERE id = ? FOR UPDATE",
	/* STMT_SETTING */
	"SELECT value FROM settings WHERE name = ?",
	/* STMT_CC_INSERT */
	"INSERT INTO credit_consents (user_id, identity_id, consent_version, "
	"accepted_at, score, scored_at, bureau_ref, refresh_due_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_CC_LATEST */
	"SELECT " CC_COLS "WHERE user_id = ? ORDER BY id DESC LIMIT 1",
	/* STMT_CC_ACTIVE */
	"SELECT " CC_COLS "WHERE user_id = ? AND withdrawn_at IS NULL "
	"ORDER BY id DESC LIMIT 1",
	/* STMT_CC_TAKE */
	"SELECT " CC_COLS "WHERE id = ? FOR UPDATE SKIP LOCKED",
	/* STMT_CC_WITHDRAW */
	"UPDATE credit_consents SET withdrawn_at = ?, refresh_due_at = NULL "
	"WHERE id = ? AND withdrawn_at IS NULL",
	/* STMT_CC_SCORE */
	"UPDATE credit_consents SET score = ?, scored_at = ?, bureau_ref = ?, "
	"refresh_due_at = ? WHERE id = ? AND withdrawn_at IS NULL",
	/* STMT_CC_DEFER */
	"UPDATE credit_consents SET refresh_due_at = ? WHERE id = ? AND "
	"withdrawn_at IS NULL",
	/* STMT_CC_DUE */
	"SELECT id FROM credit_consents WHERE refresh_due_at <= ? "
	"ORDER BY refresh_due_at LIMIT ?",
	/* STMT_BENCH_IDENTITY */
	"INSERT INTO identity_checks (user_id, legal_name, status, reason, "
	"submitted_at, decided_at) SELECT id, name, 'verified', 'bench data', "
	"?, ? FROM users WHERE id BETWEEN ? AND ? AND kind <> 'admin'",
	/* STMT_BENCH_CONSENT */
	"INSERT INTO credit_consents (user_id, identity_id, consent_version, "
	"accepted_at, score, scored_at, bureau_ref, refresh_due_at) "
	"SELECT user_id, id, 'bench data', ?, 650 + user_id % 150, ?, '', ? "
	"FROM identity_checks WHERE user_id BETWEEN ? AND ?",
};

/* The statement idx of this file. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_IDENTITY, idx, stmts[idx]);
}

/* Read an IC_COLS row (enum ic_col) into out. */
static void
fill_identity(struct dbq *q, void *p)
{
	struct db_identity	*r = p;
	const char		*enc;
	size_t			 len;

	r->id = dbq_col_int(q, IC_C_ID);
	r->user_id = dbq_col_int(q, IC_C_USER_ID);
	dbq_col_copy(q, IC_C_USER_EMAIL, r->user_email, sizeof(r->user_email));
	dbq_col_copy(q, IC_C_LEGAL_NAME, r->legal_name, sizeof(r->legal_name));
	dbq_col_copy(q, IC_C_BIRTH_DATE, r->birth_date, sizeof(r->birth_date));
	dbq_col_copy(q, IC_C_ID_TYPE, r->id_type, sizeof(r->id_type));
	enc = dbq_col_str(q, IC_C_ID_NUMBER_ENC, &len);
	if (len > sizeof(r->id_number_enc))
		len = 0;
	memcpy(r->id_number_enc, enc, len);
	r->id_number_enc_len = len;
	dbq_col_copy(q, IC_C_ID_LAST4, r->id_last4, sizeof(r->id_last4));
	r->file_id = dbq_col_int(q, IC_C_FILE_ID);
	dbq_col_copy(q, IC_C_STATUS, r->status, sizeof(r->status));
	dbq_col_copy(q, IC_C_GATEWAY_REF, r->gateway_ref,
	    sizeof(r->gateway_ref));
	dbq_col_copy(q, IC_C_REASON, r->reason, sizeof(r->reason));
	r->submitted_at = dbq_col_int(q, IC_C_SUBMITTED_AT);
	r->decided_at = dbq_col_int(q, IC_C_DECIDED_AT);
	r->decided_by = dbq_col_int(q, IC_C_DECIDED_BY);
	r->photo_pages = (int)dbq_col_int(q, IC_C_PHOTO_PAGES);
}

/* Run q (bound) and read its first row with fill into out: 1, 0, -1. */
static int
one_row(struct dbq *q, void (*fill)(struct dbq *, void *), void *out,
    size_t outsz)
{
	int rc;

	if (q == NULL)
		return -1;
	memset(out, 0, outsz);
	if ((rc = dbq_exec_fetch(q)) == 1)
		fill(q, out);
	dbq_done(q);
	return rc;
}

/* Statement idx with its one integer parameter v: its first row with fill
 * into out (outsz bytes, zeroed first). 1, 0 no row, -1 error. */
static int
row_of(struct db *db, int idx, int64_t v, void (*fill)(struct dbq *, void *),
    void *out, size_t outsz)
{
	struct dbq *q = get(db, idx);

	if (q != NULL)
		dbq_int(q, v);
	return one_row(q, fill, out, outsz);
}

/* See identity.h. */
int
db_identity_insert(struct db *db, const struct db_identity *r, int64_t *id)
{
	struct dbq *q = get(db, STMT_INSERT);

	if (q == NULL)
		return -1;
	dbq_int(q, r->user_id);
	dbq_cstr(q, r->legal_name);
	dbq_cstr_opt(q, r->birth_date);
	dbq_cstr_opt(q, r->id_type);
	if (r->id_number_enc_len > 0)
		dbq_str(q, (const char *)r->id_number_enc,
		    r->id_number_enc_len);
	else
		dbq_null(q);
	dbq_cstr(q, r->id_last4);
	dbq_id_opt(q, r->file_id);
	dbq_cstr(q, r->status);
	dbq_cstr(q, r->gateway_ref);
	dbq_cstr(q, r->reason);
	dbq_int(q, r->submitted_at);
	dbq_id_opt(q, r->decided_at);
	dbq_id_opt(q, r->decided_by);
	return (*id = dbq_exec_insert(q)) > 0 ? 0 : -1;
}

/* See identity.h. */
int
db_identity_get(struct db *db, int64_t id, int lock, struct db_identity *out)
{
	return row_of(db, lock ? STMT_GET_LOCK : STMT_GET, id, fill_identity,
	    out, sizeof(*out));
}

/* See identity.h. */
int
db_identity_latest(struct db *db, int64_t user_id, int verified,
    struct db_identity *out)
{
	return row_of(db, verified ? STMT_LATEST_VERIFIED : STMT_LATEST,
	    user_id, fill_identity, out, sizeof(*out));
}

/* See identity.h. */
int
db_identity_move(struct db *db, int64_t id, const char *from, const char *to,
    int64_t admin_id, const char *reason, int64_t now)
{
	struct dbq *q = get(db, STMT_MOVE);

	if (q == NULL)
		return -1;
	dbq_cstr(q, to);
	dbq_cstr(q, reason != NULL ? reason : "");
	dbq_int(q, now);
	dbq_id_opt(q, admin_id);
	dbq_int(q, id);
	dbq_cstr(q, from);
	return dbq_exec_one(q);
}

/* See identity.h. */
int
db_identity_list(struct db *db, const char *status, size_t offset,
    size_t limit, struct db_identity **out, size_t *n, int64_t *total)
{
	int		 all = status == NULL || status[0] == '\0';
	struct dbq	*q = get(db, all ? STMT_COUNT_ALL : STMT_COUNT);

	*out = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	if (!all)
		dbq_cstr(q, status);
	if ((*total = dbq_count(q)) < 0)
		return -1;
	if ((q = get(db, all ? STMT_LIST_ALL : STMT_LIST)) == NULL)
		return -1;
	if (!all)
		dbq_cstr(q, status);
	dbq_int(q, (int64_t)limit);
	dbq_int(q, (int64_t)offset);
	return dbq_list(q, sizeof(**out), fill_identity, (void **)out, n);
}

/* See identity.h. */
int
db_identity_review_stats(struct db *db, int64_t due_before,
    struct db_queue_stats *out)
{
	struct dbq	*q = get(db, STMT_STATS);

	if (q != NULL)
		dbq_int(q, due_before);
	return db_queue_stats_read(q, out) == -1 ? -1 : 0;
}

/* See identity.h. */
int
db_identity_lock_user(struct db *db, int64_t user_id)
{
	struct dbq	*q = get(db, STMT_LOCK_USER);
	int64_t		 id;

	if (q == NULL)
		return -1;
	dbq_int(q, user_id);
	return dbq_one_int(q, &id);
}

/* See identity.h. */
int
db_identity_setting(struct db *db, const char *name, int64_t *out)
{
	struct dbq	*q = get(db, STMT_SETTING);
	const char	*v;
	char		*end;
	long long	 x;
	int		 rc;

	if (q == NULL)
		return -1;
	dbq_cstr(q, name);
	if ((rc = dbq_exec_fetch(q)) == 1) {
		v = dbq_col_str(q, 0, NULL);
		x = strtoll(v, &end, 10);
		if (end != v && *end == '\0')
			*out = x;
	}
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}

/* Read a CC_COLS row (enum cc_col) into out. */
static void
fill_consent(struct dbq *q, void *p)
{
	struct db_consent *r = p;

	r->id = dbq_col_int(q, CC_C_ID);
	r->user_id = dbq_col_int(q, CC_C_USER_ID);
	r->identity_id = dbq_col_int(q, CC_C_IDENTITY_ID);
	dbq_col_copy(q, CC_C_VERSION, r->version, sizeof(r->version));
	r->accepted_at = dbq_col_int(q, CC_C_ACCEPTED_AT);
	r->withdrawn_at = dbq_col_int(q, CC_C_WITHDRAWN_AT);
	r->has_score = (int)dbq_col_int(q, CC_C_HAS_SCORE);
	r->score = (int)dbq_col_int(q, CC_C_SCORE);
	r->scored_at = dbq_col_int(q, CC_C_SCORED_AT);
	dbq_col_copy(q, CC_C_BUREAU_REF, r->bureau_ref, sizeof(r->bureau_ref));
	r->refresh_due_at = dbq_col_int(q, CC_C_REFRESH_DUE_AT);
}

/* See identity.h. */
int
db_consent_insert(struct db *db, const struct db_consent *r, int64_t *id)
{
	struct dbq *q = get(db, STMT_CC_INSERT);

	if (q == NULL)
		return -1;
	dbq_int(q, r->user_id);
	dbq_int(q, r->identity_id);
	dbq_cstr(q, r->version);
	dbq_int(q, r->accepted_at);
	if (r->has_score) {
		dbq_int(q, r->score);
		dbq_int(q, r->scored_at);
	} else {
		dbq_null(q);
		dbq_null(q);
	}
	dbq_cstr(q, r->bureau_ref);
	dbq_int(q, r->refresh_due_at);
	return (*id = dbq_exec_insert(q)) > 0 ? 0 : -1;
}

/* See identity.h. */
int
db_consent_latest(struct db *db, int64_t user_id, int active,
    struct db_consent *out)
{
	return row_of(db, active ? STMT_CC_ACTIVE : STMT_CC_LATEST, user_id,
	    fill_consent, out, sizeof(*out));
}

/* See identity.h. */
int
db_consent_take(struct db *db, int64_t id, struct db_consent *out)
{
	return row_of(db, STMT_CC_TAKE, id, fill_consent, out, sizeof(*out));
}

/* See identity.h. */
int
db_consent_withdraw(struct db *db, int64_t id, int64_t now)
{
	struct dbq *q = get(db, STMT_CC_WITHDRAW);

	if (q == NULL)
		return -1;
	dbq_int(q, now);
	dbq_int(q, id);
	return dbq_exec_one(q);
}

/* See identity.h. */
int
db_consent_score(struct db *db, int64_t id, int score, int64_t scored_at,
    const char *ref, int64_t refresh_due_at)
{
	struct dbq *q = get(db, STMT_CC_SCORE);

	if (q == NULL)
		return -1;
	dbq_int(q, score);
	dbq_int(q, scored_at);
	dbq_cstr(q, ref);
	dbq_int(q, refresh_due_at);
	dbq_int(q, id);
	return dbq_exec_one(q);
}

/* See identity.h. */
int
db_consent_defer(struct db *db, int64_t id, int64_t at)
{
	struct dbq *q = get(db, STMT_CC_DEFER);

	if (q == NULL)
		return -1;
	dbq_int(q, at);
	dbq_int(q, id);
	return dbq_exec_done(q, NULL);
}

/* See identity.h. */
int
db_consent_due(struct db *db, int64_t now, int64_t *ids, size_t max,
    size_t *n)
{
	struct dbq	*q = get(db, STMT_CC_DUE);
	int		 rc = 0;

	*n = 0;
	if (q == NULL)
		return -1;
	dbq_int(q, now);
	dbq_int(q, (int64_t)max);
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while (*n < max && (rc = dbq_fetch(q)) == 1)
		ids[(*n)++] = dbq_col_int(q, 0);
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}

/* See identity.h. */
int
db_identity_bench(struct db *db, int64_t first_id, int64_t last_id,
    int64_t now)
{
	struct dbq	*q;
	int		 k;

	for (k = STMT_BENCH_IDENTITY; k <= STMT_BENCH_CONSENT; k++) {
		if ((q = get(db, k)) == NULL)
			return -1;
		dbq_int(q, now);
		dbq_int(q, now);
		if (k == STMT_BENCH_CONSENT)
			dbq_int(q, now + 90 * 86400);
		dbq_int(q, first_id);
		dbq_int(q, last_id);
		if (dbq_exec_done(q, NULL) == -1)
			return -1;
	}
	return 0;
}
