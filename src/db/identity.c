/*
 * Statements of identity_checks and credit_consents (see identity.h).
 */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/dbint.h"
#include "db/identity.h"
#include "db/stmt.h"

/* The columns of an identity check (struct db_identity), each with its
 * SQL; its encrypted number follows them (fill_identity). */
#define IDENTITY_COLS(C) \
	C(INT,	id,		"ic.id") \
	C(INT,	user_id,	", ic.user_id") \
	C(TEXT,	user_email,	", u.email") \
	C(TEXT,	legal_name,	", ic.legal_name") \
	C(TEXT,	birth_date,	", COALESCE(ic.birth_date, '')") \
	C(TEXT,	id_type,	", COALESCE(ic.id_type, '')") \
	C(TEXT,	id_last4,	", ic.id_last4") \
	C(INT,	file_id,	", COALESCE(ic.file_id, 0)") \
	C(IDENTITY, status,	", ic.status") \
	C(TEXT,	gateway_ref,	", ic.gateway_ref") \
	C(TEXT,	reason,		", ic.reason") \
	C(INT,	submitted_at,	", ic.submitted_at") \
	C(INT,	decided_at,	", COALESCE(ic.decided_at, 0)") \
	C(INT,	decided_by,	", COALESCE(ic.decided_by, 0)") \
	C(INT,	photo_pages,	", (SELECT COUNT(*) FROM file_renders fr WHERE fr.file_id = ic.file_id AND fr.page > 0)")
#define IDENTITY_FIELD(t, m, sql)	DBQ_FIELD(struct db_identity, t, m)
DBQ_ROWS(identity_row, struct db_identity, IDENTITY_COLS, IDENTITY_FIELD);
#define IC_COLS \
	IDENTITY_COLS(DBQ_SQL) ", ic.id_number_enc " \
	"FROM identity_checks ic JOIN users u ON u.id = ic.user_id "

/* The columns of a credit consent (struct db_consent), each with its SQL. */
#define CONSENT_COLS(C) \
	C(INT,	id,		"id") \
	C(INT,	user_id,	", user_id") \
	C(INT,	identity_id,	", identity_id") \
	C(TEXT,	version,	", consent_version") \
	C(INT,	accepted_at,	", accepted_at") \
	C(INT,	withdrawn_at,	", COALESCE(withdrawn_at, 0)") \
	C(INT,	has_score,	", score IS NOT NULL") \
	C(INT,	score,		", COALESCE(score, 0)") \
	C(INT,	scored_at,	", COALESCE(scored_at, 0)") \
	C(TEXT,	bureau_ref,	", bureau_ref") \
	C(INT,	refresh_due_at,	", COALESCE(refresh_due_at, 0)")
#define CONSENT_FIELD(t, m, sql)	DBQ_FIELD(struct db_consent, t, m)
DBQ_ROWS(consent_row, struct db_consent, CONSENT_COLS, CONSENT_FIELD);
#define CC_COLS	CONSENT_COLS(DBQ_SQL) " FROM credit_consents "

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

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_IDENTITY)

/* Read an IC_COLS row into *p (zeroed by the caller): 0, or -1 (an
 * unknown status refuses the row). */
static int
fill_identity(struct dbq *q, void *p)
{
	struct db_identity	*r = p;
	const char		*enc;
	size_t			 len;

	if (dbq_read(q, 0, &identity_row, r) == -1)
		return -1;
	enc = dbq_col_str(q, (int)identity_row.n, &len);
	if (len > sizeof(r->id_number_enc))
		len = 0;
	memcpy(r->id_number_enc, enc, len);
	r->id_number_enc_len = len;
	return 0;
}

/* Read a CC_COLS row into *p (zeroed by the caller): 0. */
static int
fill_consent(struct dbq *q, void *p)
{
	return dbq_read(q, 0, &consent_row, p);
}

/* Statement idx with its one integer parameter v: its first row with fill
 * into out (outsz bytes, zeroed first unless the statement is missing).
 * 1, 0 no row, -1 error. */
static int
row_of(struct db *db, int idx, int64_t v, int (*fill)(struct dbq *, void *),
    void *out, size_t outsz)
{
	struct dbq *q = dbq_bind(get(db, idx), DBQ_I(v));

	if (q != NULL)
		memset(out, 0, outsz);
	return dbq_one_fn(q, fill, out);
}

/* See identity.h. */
int
db_identity_insert(struct db *db, const struct db_identity *r, int64_t *id)
{
	struct dbq *q = get(db, STMT_INSERT);

	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(r->user_id), DBQ_S(r->legal_name),
	    DBQ_SO(r->birth_date), DBQ_SO(r->id_type));
	if (r->id_number_enc_len > 0)
		dbq_str(q, (const char *)r->id_number_enc,
		    r->id_number_enc_len);
	else
		dbq_null(q);
	dbq_bind(q, DBQ_S(r->id_last4), DBQ_IDO(r->file_id),
	    DBQ_S(identity_status_name(r->status)),
	    DBQ_S(r->gateway_ref), DBQ_S(r->reason), DBQ_I(r->submitted_at),
	    DBQ_IDO(r->decided_at), DBQ_IDO(r->decided_by));
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
db_identity_move(struct db *db, int64_t id, enum identity_status from,
    enum identity_status to, int64_t admin_id, const char *reason,
    int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_MOVE),
	    DBQ_S(identity_status_name(to)), DBQ_S(reason != NULL ? reason :
	    ""), DBQ_I(now), DBQ_IDO(admin_id), DBQ_I(id),
	    DBQ_S(identity_status_name(from))));
}

/* See identity.h. */
int
db_identity_list(struct db *db, const enum identity_status *status,
    size_t offset, size_t limit, struct db_identity **out, size_t *n,
    int64_t *total)
{
	int		 all = status == NULL;
	struct dbq	*q = get(db, all ? STMT_COUNT_ALL : STMT_COUNT);

	*out = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	if (!all)
		dbq_cstr(q, identity_status_name(*status));
	if ((*total = dbq_count(q)) < 0)
		return -1;
	if ((q = get(db, all ? STMT_LIST_ALL : STMT_LIST)) == NULL)
		return -1;
	if (!all)
		dbq_cstr(q, identity_status_name(*status));
	dbq_bind(q, DBQ_I((int64_t)limit), DBQ_I((int64_t)offset));
	return dbq_list_keep(q, sizeof(**out), fill_identity, NULL,
	    (void **)out, n);
}

/* See identity.h. */
int
db_identity_review_stats(struct db *db, int64_t due_before,
    struct db_queue_stats *out)
{
	return db_queue_stats_read(dbq_bind(get(db, STMT_STATS),
	    DBQ_I(due_before)), out) == -1 ? -1 : 0;
}

/* See identity.h. */
int
db_identity_lock_user(struct db *db, int64_t user_id)
{
	int64_t id;

	return dbq_one_int(dbq_bind(get(db, STMT_LOCK_USER), DBQ_I(user_id)),
	    &id);
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

/* See identity.h. */
int
db_consent_insert(struct db *db, const struct db_consent *r, int64_t *id)
{
	struct dbq *q = get(db, STMT_CC_INSERT);

	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_I(r->user_id), DBQ_I(r->identity_id), DBQ_S(r->version),
	    DBQ_I(r->accepted_at));
	if (r->has_score) {
		dbq_bind(q, DBQ_I(r->score), DBQ_I(r->scored_at));
	} else {
		dbq_bind(q, DBQ_NULL, DBQ_NULL);
	}
	dbq_bind(q, DBQ_S(r->bureau_ref), DBQ_I(r->refresh_due_at));
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
	return dbq_exec_one(dbq_bind(get(db, STMT_CC_WITHDRAW), DBQ_I(now),
	    DBQ_I(id)));
}

/* See identity.h. */
int
db_consent_score(struct db *db, int64_t id, int score, int64_t scored_at,
    const char *ref, int64_t refresh_due_at)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_CC_SCORE), DBQ_I(score),
	    DBQ_I(scored_at), DBQ_S(ref), DBQ_I(refresh_due_at), DBQ_I(id)));
}

/* See identity.h. */
int
db_consent_defer(struct db *db, int64_t id, int64_t at)
{
	return dbq_exec_done(dbq_bind(get(db, STMT_CC_DEFER), DBQ_I(at),
	    DBQ_I(id)), NULL);
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
	dbq_bind(q, DBQ_I(now), DBQ_I((int64_t)max));
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
		dbq_bind(q, DBQ_I(now), DBQ_I(now));
		if (k == STMT_BENCH_CONSENT)
			dbq_int(q, now + 90 * 86400);
		dbq_bind(q, DBQ_I(first_id), DBQ_I(last_id));
		if (dbq_exec_done(q, NULL) == -1)
			return -1;
	}
	return 0;
}
