/*
 * Corporate buyers' SQL (see company.h; sql/009_corporate.sql). Bound
 * parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/company.h"
#include "db/db.h"
#include "db/stmt.h"

enum stmt {
	STMT_CO_GET,
	STMT_CO_GET_LOCK,
	STMT_CO_GET_SKIP,
	STMT_CO_LIST,
	STMT_CO_SET_STATUS,
	STMT_CO_SET_STATUS_EXP,
	STMT_CO_SET_LIMITS,
	STMT_CO_EXPIRING,
	STMT_CO_NOTICE,
	STMT_CO_MEMBERS,
	STMT_Q_LATEST,
	STMT_Q_LATEST_LOCK,
	STMT_Q_GET,
	STMT_Q_GET_LOCK,
	STMT_Q_INSERT,
	STMT_Q_SET_EXPIRES,
	STMT_Q_SUBMIT,
	STMT_Q_MOVE,
	STMT_Q_QUEUE,
	STMT_Q_QUEUE_COUNT,
	STMT_Q_HISTORY,
	STMT_Q_STATS,
	STMT_D_INSERT,
	STMT_D_LIST,
	STMT_D_GET,
	STMT_A_BY_ORDER,
	STMT_A_BY_ORDER_LOCK,
	STMT_A_GET,
	STMT_A_GET_LOCK,
	STMT_A_INSERT,
	STMT_A_DECIDE,
	STMT_A_SIGN,
	STMT_A_EFFECT,
	STMT_A_CANCEL,
	STMT_A_QUEUE,
	STMT_A_QUEUE_COUNT,
	STMT_A_STATS,
	STMT_O_GET,
	STMT_O_LIST,
	STMT_O_SET_TERM,
	STMT__MAX
};

#define CO_COLS \
	"SELECT id, name, country, qualification_status, " \
	"COALESCE(qualification_expires, ''), long_term_agreement, " \
	"cod_agreement_limit_usd_minor IS NOT NULL, " \
	"COALESCE(cod_agreement_limit_usd_minor, 0), " \
	"remittance_quota_usd_minor IS NOT NULL, " \
	"COALESCE(remittance_quota_usd_minor, 0), created_at FROM companies "

#define Q_COLS \
	"SELECT q.id, q.company_id, c.name, q.status, " \
	"COALESCE(q.licence_expires, ''), COALESCE(q.review_due, ''), " \
	"COALESCE(q.submitted_by, 0), COALESCE(q.submitted_at, 0), " \
	"COALESCE(q.reviewer_id, 0), COALESCE(u.email, ''), " \
	"COALESCE(q.decided_at, 0), q.reason, q.created_at " \
	"FROM company_qualifications q JOIN companies c ON c.id = q.company_id " \
	"LEFT JOIN users u ON u.id = q.reviewer_id "

#define A_COLS \
	"SELECT a.id, a.order_id, a.company_id, a.user_id, c.name, a.term, " \
	"a.status, a.review_due, a.submitted_at, COALESCE(a.decided_by, 0), " \
	"COALESCE(d.email, ''), COALESCE(a.decided_at, 0), a.reason, " \
	"COALESCE(a.plan_id, 0), COALESCE(a.agreement_version, ''), " \
	"COALESCE(a.agreement_text, ''), COALESCE(a.agreement_sha256, ''), " \
	"COALESCE(a.signer_id, 0), COALESCE(s.email, ''), " \
	"COALESCE(a.signed_at, 0), COALESCE(a.signer_addr, ''), " \
	"a.down_payment_minor, COALESCE(a.down_payment_ref, ''), " \
	"COALESCE(a.effective_at, 0), o.currency, o.amount_due_minor, " \
	"o.status FROM corp_applications a " \
	"JOIN companies c ON c.id = a.company_id " \
	"JOIN orders o ON o.id = a.order_id " \
	"LEFT JOIN users d ON d.id = a.decided_by " \
	"LEFT JOIN users s ON s.id = a.signer_id "

#define O_COLS \
	"SELECT id, user_id, COALESCE(company_id, 0), status, method, " \
	"currency, amount_due_minor, amount_usd_minor, " \
	"COALESCE(institution_id, ''), COALESCE(term, 0), " \
	"COALESCE(review_due, ''), created_at, COALESCE(completed_at, 0) " \
	"FROM orders "

static const char *const stmts[STMT__MAX] = {
	/* STMT_CO_GET */
	CO_COLS "WHERE id = ?",
	/* STMT_CO_GET_LOCK */
	CO_COLS "WHERE id = ? FOR UPDATE",
	/* STMT_CO_GET_SKIP */
	CO_COLS "WHERE id = ? FOR UPDATE SKIP LOCKED",
	/* STMT_CO_LIST */
	CO_COLS "ORDER BY name",
	/* STMT_CO_SET_STATUS */
	"UPDATE companies SET qualification_status = ? WHERE id = ?",
	/* STMT_CO_SET_STATUS_EXP */
	"UPDATE companies SET qualification_status = ?, "
	"qualification_expires = NULLIF(?, '') WHERE id = ?",
	/* STMT_CO_SET_LIMITS */
	"UPDATE companies SET long_term_agreement = ?, "
	"cod_agreement_limit_usd_minor = ?, remittance_quota_usd_minor = ? "
	"WHERE id = ?",
	/* STMT_CO_EXPIRING */
	"SELECT id FROM companies WHERE qualification_status = 'verified' "
	"AND qualification_expires IS NOT NULL AND qualification_expires <= ? "
	"ORDER BY qualification_expires, id LIMIT ?",
	/* STMT_CO_NOTICE */
	"INSERT IGNORE INTO company_notices (company_id, expires, kind, "
	"created_at) VALUES (?, ?, ?, ?)",
	/* STMT_CO_MEMBERS */
	"SELECT id, email, name FROM users WHERE company_id = ? "
	"AND kind = 'company_member' ORDER BY name, id",
	/* STMT_Q_LATEST */
	Q_COLS "WHERE q.company_id = ? ORDER BY q.id DESC LIMIT 1",
	/* STMT_Q_LATEST_LOCK */
	Q_COLS "WHERE q.company_id = ? ORDER BY q.id DESC LIMIT 1 FOR UPDATE",
	/* STMT_Q_GET */
	Q_COLS "WHERE q.id = ?",
	/* STMT_Q_GET_LOCK */
	Q_COLS "WHERE q.id = ? FOR UPDATE",
	/* STMT_Q_INSERT */
	"INSERT INTO company_qualifications (company_id, status, created_at, "
	"updated_at) VALUES (?, 'draft', ?, ?)",
	/* STMT_Q_SET_EXPIRES */
	"UPDATE company_qualifications SET licence_expires = ?, "
	"updated_at = ? WHERE id = ? AND status = 'draft'",
	/* STMT_Q_SUBMIT */
	"UPDATE company_qualifications SET status = 'submitted', "
	"submitted_by = ?, submitted_at = ?, review_due = ?, updated_at = ? "
	"WHERE id = ? AND status = 'draft'",
	/* STMT_Q_MOVE */
	"UPDATE company_qualifications SET status = ?, reviewer_id = ?, "
	"reason = ?, decided_at = IF(? IN ('verified', 'rejected'), ?, NULL), "
	"updated_at = ? WHERE id = ? AND status = ?",
	/* STMT_Q_QUEUE */
	Q_COLS "WHERE q.status IN ('submitted', 'under_review') "
	"ORDER BY q.submitted_at, q.id LIMIT ? OFFSET ?",
	/* STMT_Q_QUEUE_COUNT */
	"SELECT COUNT(*) FROM company_qualifications "
	"WHERE status IN ('submitted', 'under_review')",
	/* STMT_Q_HISTORY */
	Q_COLS "WHERE q.company_id = ? ORDER BY q.id DESC LIMIT 50",
	/* STMT_Q_STATS */
	"SELECT COUNT(*), COALESCE(MIN(submitted_at), 0), "
	"COALESCE(SUM(review_due < ?), 0) FROM company_qualifications "
	"WHERE status IN ('submitted', 'under_review')",
	/* STMT_D_INSERT */
	"INSERT INTO company_documents (qualification_id, company_id, kind, "
	"file_id, uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_D_LIST */
	"SELECT d.id, d.qualification_id, d.company_id, d.kind, d.file_id, "
	"f.mime, f.size, d.created_at FROM company_documents d "
	"JOIN files f ON f.id = d.file_id WHERE d.qualification_id = ? "
	"ORDER BY d.id",
	/* STMT_D_GET */
	"SELECT d.id, d.qualification_id, d.company_id, d.kind, d.file_id, "
	"f.mime, f.size, d.created_at FROM company_documents d "
	"JOIN files f ON f.id = d.file_id WHERE d.id = ?",
	/* STMT_A_BY_ORDER */
	A_COLS "WHERE a.order_id = ?",
	/* STMT_A_BY_ORDER_LOCK */
	A_COLS "WHERE a.order_id = ? FOR UPDATE",
	/* STMT_A_GET */
	A_COLS "WHERE a.id = ?",
	/* STMT_A_GET_LOCK */
	A_COLS "WHERE a.id = ? FOR UPDATE",
	/* STMT_A_INSERT */
	"INSERT IGNORE INTO corp_applications (order_id, company_id, user_id, "
	"term, status, review_due, submitted_at, updated_at) "
	"VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?)",
	/* STMT_A_DECIDE */
	"UPDATE corp_applications SET status = ?, decided_by = ?, "
	"decided_at = ?, reason = ?, plan_id = ?, agreement_version = ?, "
	"agreement_text = ?, agreement_sha256 = ?, updated_at = ? "
	"WHERE id = ? AND status = 'submitted'",
	/* STMT_A_SIGN */
	"UPDATE corp_applications SET status = 'signed', signer_id = ?, "
	"signer_addr = ?, signed_at = ?, updated_at = ? "
	"WHERE id = ? AND status = 'approved'",
	/* STMT_A_EFFECT */
	"UPDATE corp_applications SET status = 'in_effect', "
	"down_payment_minor = ?, down_payment_ref = ?, down_payment_by = ?, "
	"effective_at = ?, updated_at = ? WHERE id = ? AND status = 'signed'",
	/* STMT_A_CANCEL */
	"UPDATE corp_applications SET status = 'cancelled', updated_at = ? "
	"WHERE id = ?",
	/* STMT_A_QUEUE */
	A_COLS "WHERE (? = '' OR a.status = ?) AND NOT (a.status IN "
	"('submitted', 'approved', 'signed') AND o.status IN ('cancelled', "
	"'refused')) ORDER BY a.submitted_at, a.id LIMIT ? OFFSET ?",
	/* STMT_A_QUEUE_COUNT */
	"SELECT COUNT(*) FROM corp_applications a JOIN orders o "
	"ON o.id = a.order_id WHERE (? = '' OR a.status = ?) AND NOT "
	"(a.status IN ('submitted', 'approved', 'signed') AND o.status IN "
	"('cancelled', 'refused'))",
	/* STMT_A_STATS */
	"SELECT COUNT(*), COALESCE(MIN(a.submitted_at), 0), "
	"COALESCE(SUM(a.review_due < ?), 0) FROM corp_applications a "
	"JOIN orders o ON o.id = a.order_id WHERE a.status = 'submitted' "
	"AND o.status = 'awaiting_review'",
	/* STMT_O_GET */
	O_COLS "WHERE id = ?",
	/* STMT_O_LIST */
	O_COLS "WHERE company_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
	/* STMT_O_SET_TERM */
	"UPDATE orders SET term = ?, review_due = ? WHERE id = ? "
	"AND status = 'awaiting_review' AND method = 'installment_corporate'",
};

/* The cached statement idx, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_COMPANY, idx, stmts[idx]);
}

/* Execute q (bound) and return the rows it changed: 1/0, or -1. */
static int
exec_changed(struct dbq *q)
{
	int rc = -1;

	if (dbq_exec(q) == 0)
		rc = dbq_affected(q) > 0 ? 1 : 0;
	dbq_done(q);
	return rc;
}

/* Execute an INSERT q (bound): the new id, 0 when ignored, or -1. */
static int64_t
exec_insert(struct dbq *q)
{
	int64_t id = -1;

	if (dbq_exec(q) == 0)
		id = dbq_affected(q) > 0 ? dbq_insert_id(q) : 0;
	dbq_done(q);
	return id;
}

/* Append-grow helper: room for one more element of size sz in *arr. */
static void *
grow(void **arr, size_t *n, size_t *cap, size_t sz)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*arr = xrealloc(*arr, *cap * sz);
	}
	memset((char *)*arr + *n * sz, 0, sz);
	return (char *)*arr + (*n)++ * sz;
}

/* Fill a company from the current row. */
static void
fill_company(struct dbq *q, void *arg)
{
	struct db_company	*c = arg;

	memset(c, 0, sizeof(*c));
	c->id = dbq_col_int(q, 0);
	dbq_col_copy(q, 1, c->name, sizeof(c->name));
	dbq_col_copy(q, 2, c->country, sizeof(c->country));
	dbq_col_copy(q, 3, c->status, sizeof(c->status));
	dbq_col_copy(q, 4, c->expires, sizeof(c->expires));
	c->long_term_agreement = (int)dbq_col_int(q, 5);
	c->has_cod_limit = (int)dbq_col_int(q, 6);
	c->cod_limit_usd_minor = dbq_col_int(q, 7);
	c->has_remit_quota = (int)dbq_col_int(q, 8);
	c->remit_quota_usd_minor = dbq_col_int(q, 9);
	c->created_at = dbq_col_int(q, 10);
}

/* See company.h. */
int
db_company_get(struct db *db, int64_t id, int lock, int skip,
    struct db_company *out)
{
	struct dbq	*q;
	int		 rc = -1;

	q = get(db, skip ? STMT_CO_GET_SKIP : lock ? STMT_CO_GET_LOCK :
	    STMT_CO_GET);
	if (q == NULL)
		return -1;
	dbq_int(q, id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1)
		fill_company(q, out);
	dbq_done(q);
	return rc;
}

/* See company.h. */
int
db_company_list(struct db *db, struct db_company **out, size_t *n)
{
	struct dbq	*q;

	*out = NULL;
	*n = 0;
	if ((q = get(db, STMT_CO_LIST)) == NULL)
		return -1;
	return dbq_list(q, sizeof(**out), fill_company, (void **)out, n);
}

/* See company.h. */
int
db_company_set_status(struct db *db, int64_t id, const char *status,
    const char *expires)
{
	struct dbq *q;

	q = get(db, expires != NULL ? STMT_CO_SET_STATUS_EXP :
	    STMT_CO_SET_STATUS);
	if (q == NULL)
		return -1;
	dbq_cstr(q, status);
	if (expires != NULL)
		dbq_cstr(q, expires);
	dbq_int(q, id);
	return exec_changed(q);
}

/* See company.h. */
int
db_company_set_limits(struct db *db, int64_t id, int agreement,
    int64_t cod_limit, int64_t remit_quota)
{
	struct dbq *q;

	if ((q = get(db, STMT_CO_SET_LIMITS)) == NULL)
		return -1;
	dbq_int(q, agreement ? 1 : 0);
	if (cod_limit < 0)
		dbq_null(q);
	else
		dbq_int(q, cod_limit);
	if (remit_quota < 0)
		dbq_null(q);
	else
		dbq_int(q, remit_quota);
	dbq_int(q, id);
	return exec_changed(q) == -1 ? -1 : 0;
}

/* See company.h. */
int
db_company_expiring(struct db *db, const char *until, size_t max,
    int64_t **out, size_t *n)
{
	struct dbq	*q;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((q = get(db, STMT_CO_EXPIRING)) == NULL)
		return -1;
	dbq_cstr(q, until);
	dbq_int(q, (int64_t)max);
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1)
		*(int64_t *)grow((void **)out, n, &cap, sizeof(**out)) =
		    dbq_col_int(q, 0);
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}

/* See company.h. */
int
db_company_notice_claim(struct db *db, int64_t company_id,
    const char *expires, const char *kind, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_CO_NOTICE)) == NULL)
		return -1;
	dbq_int(q, company_id);
	dbq_cstr(q, expires);
	dbq_cstr(q, kind);
	dbq_int(q, now);
	return exec_changed(q);
}

/* See company.h. */
int
db_company_members(struct db *db, int64_t id, struct db_member **out,
    size_t *n)
{
	struct dbq	*q;
	struct db_member *m;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((q = get(db, STMT_CO_MEMBERS)) == NULL)
		return -1;
	dbq_int(q, id);
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1) {
		m = grow((void **)out, n, &cap, sizeof(**out));
		m->id = dbq_col_int(q, 0);
		dbq_col_copy(q, 1, m->email, sizeof(m->email));
		dbq_col_copy(q, 2, m->name, sizeof(m->name));
	}
	dbq_done(q);
	return rc == -1 ? -1 : 0;
}

/* Fill a submission from the current row. */
static void
fill_qual(struct dbq *q, void *arg)
{
	struct db_qual	*s = arg;

	memset(s, 0, sizeof(*s));
	s->id = dbq_col_int(q, 0);
	s->company_id = dbq_col_int(q, 1);
	dbq_col_copy(q, 2, s->company_name, sizeof(s->company_name));
	dbq_col_copy(q, 3, s->status, sizeof(s->status));
	dbq_col_copy(q, 4, s->licence_expires, sizeof(s->licence_expires));
	dbq_col_copy(q, 5, s->review_due, sizeof(s->review_due));
	s->submitted_by = dbq_col_int(q, 6);
	s->submitted_at = dbq_col_int(q, 7);
	s->reviewer_id = dbq_col_int(q, 8);
	dbq_col_copy(q, 9, s->reviewer_email, sizeof(s->reviewer_email));
	s->decided_at = dbq_col_int(q, 10);
	dbq_col_copy(q, 11, s->reason, sizeof(s->reason));
	s->created_at = dbq_col_int(q, 12);
}

/* One submission by statement idx and key. 1, 0, -1. */
static int
qual_one(struct db *db, int idx, int64_t key, struct db_qual *out)
{
	struct dbq	*q;
	int		 rc = -1;

	if ((q = get(db, idx)) == NULL)
		return -1;
	dbq_int(q, key);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1)
		fill_qual(q, out);
	dbq_done(q);
	return rc;
}

/* See company.h. */
int
db_qual_latest(struct db *db, int64_t company_id, int lock,
    struct db_qual *out)
{
	return qual_one(db, lock ? STMT_Q_LATEST_LOCK : STMT_Q_LATEST,
	    company_id, out);
}

/* See company.h. */
int
db_qual_get(struct db *db, int64_t id, int lock, struct db_qual *out)
{
	return qual_one(db, lock ? STMT_Q_GET_LOCK : STMT_Q_GET, id, out);
}

/* See company.h. */
int64_t
db_qual_insert(struct db *db, int64_t company_id, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_Q_INSERT)) == NULL)
		return -1;
	dbq_int(q, company_id);
	dbq_int(q, now);
	dbq_int(q, now);
	return exec_insert(q);
}

/* See company.h. */
int
db_qual_set_expires(struct db *db, int64_t id, const char *expires,
    int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_Q_SET_EXPIRES)) == NULL)
		return -1;
	dbq_cstr(q, expires);
	dbq_int(q, now);
	dbq_int(q, id);
	return exec_changed(q) == -1 ? -1 : 0;
}

/* See company.h. */
int
db_qual_submit(struct db *db, int64_t id, int64_t user_id,
    const char *review_due, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_Q_SUBMIT)) == NULL)
		return -1;
	dbq_int(q, user_id);
	dbq_int(q, now);
	dbq_cstr(q, review_due);
	dbq_int(q, now);
	dbq_int(q, id);
	return exec_changed(q);
}

/* See company.h. */
int
db_qual_move(struct db *db, int64_t id, const char *from, const char *to,
    int64_t admin_id, const char *reason, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_Q_MOVE)) == NULL)
		return -1;
	dbq_cstr(q, to);
	dbq_int(q, admin_id);
	dbq_cstr(q, reason != NULL ? reason : "");
	dbq_cstr(q, to);
	dbq_int(q, now);
	dbq_int(q, now);
	dbq_int(q, id);
	dbq_cstr(q, from);
	return exec_changed(q);
}

/* Rows of a submission list statement already bound: 0, or -1 with *out
 * NULL and *n 0 (dbq_list). */
static int
qual_rows(struct dbq *q, struct db_qual **out, size_t *n)
{
	return dbq_list(q, sizeof(**out), fill_qual, (void **)out, n);
}

/* A single COUNT-like integer of statement idx bound with nothing or two
 * copies of s (s non-NULL). -1 on error. */
static int64_t
count_of(struct db *db, int idx, const char *s)
{
	struct dbq	*q;

	if ((q = get(db, idx)) == NULL)
		return -1;
	if (s != NULL) {
		dbq_cstr(q, s);
		dbq_cstr(q, s);
	}
	return dbq_count(q);
}

/* See company.h. */
int
db_qual_queue(struct db *db, size_t offset, size_t limit,
    struct db_qual **out, size_t *n, int64_t *total)
{
	struct dbq *q;

	*out = NULL;
	*n = 0;
	if ((*total = count_of(db, STMT_Q_QUEUE_COUNT, NULL)) < 0)
		return -1;
	if ((q = get(db, STMT_Q_QUEUE)) == NULL)
		return -1;
	dbq_int(q, (int64_t)limit);
	dbq_int(q, (int64_t)offset);
	return qual_rows(q, out, n);
}

/* See company.h. */
int
db_qual_history(struct db *db, int64_t company_id, struct db_qual **out,
    size_t *n)
{
	struct dbq *q;

	*out = NULL;
	*n = 0;
	if ((q = get(db, STMT_Q_HISTORY)) == NULL)
		return -1;
	dbq_int(q, company_id);
	return qual_rows(q, out, n);
}

/* Queue figures of statement idx at today. 0 or -1. */
static int
stats_of(struct db *db, int idx, const char *today,
    struct db_queue_stats *out)
{
	struct dbq	*q;
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, idx)) == NULL)
		return -1;
	dbq_cstr(q, today);
	if (dbq_exec(q) == 0 && dbq_fetch(q) == 1) {
		out->count = dbq_col_int(q, 0);
		out->oldest_at = dbq_col_int(q, 1);
		out->overdue = dbq_col_int(q, 2);
		rc = 0;
	}
	dbq_done(q);
	return rc;
}

/* See company.h. */
int
db_qual_stats(struct db *db, const char *today, struct db_queue_stats *out)
{
	return stats_of(db, STMT_Q_STATS, today, out);
}

/* See company.h. */
int64_t
db_doc_insert(struct db *db, int64_t qual_id, int64_t company_id,
    const char *kind, int64_t file_id, int64_t user_id, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_D_INSERT)) == NULL)
		return -1;
	dbq_int(q, qual_id);
	dbq_int(q, company_id);
	dbq_cstr(q, kind);
	dbq_int(q, file_id);
	dbq_int(q, user_id);
	dbq_int(q, now);
	return exec_insert(q);
}

/* Fill a document from the current row. */
static void
fill_doc(struct dbq *q, void *arg)
{
	struct db_doc	*d = arg;

	memset(d, 0, sizeof(*d));
	d->id = dbq_col_int(q, 0);
	d->qualification_id = dbq_col_int(q, 1);
	d->company_id = dbq_col_int(q, 2);
	dbq_col_copy(q, 3, d->kind, sizeof(d->kind));
	d->file_id = dbq_col_int(q, 4);
	dbq_col_copy(q, 5, d->mime, sizeof(d->mime));
	d->size = dbq_col_int(q, 6);
	d->created_at = dbq_col_int(q, 7);
}

/* See company.h. */
int
db_doc_list(struct db *db, int64_t qual_id, struct db_doc **out, size_t *n)
{
	return dbq_list_id(get(db, STMT_D_LIST), qual_id, sizeof(**out),
	    fill_doc, (void **)out, n);
}

/* See company.h. */
int
db_doc_get(struct db *db, int64_t id, struct db_doc *out)
{
	struct dbq	*q;
	int		 rc = -1;

	if ((q = get(db, STMT_D_GET)) == NULL)
		return -1;
	dbq_int(q, id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1)
		fill_doc(q, out);
	dbq_done(q);
	return rc;
}

/* See company.h. */
void
db_corp_app_cleanup(struct db_corp_app *a)
{
	if (a == NULL)
		return;
	free(a->text);
	a->text = NULL;
}

/* Fill an application from the current row. */
static void
fill_app(struct dbq *q, struct db_corp_app *a)
{
	size_t len;
	const char *t;

	memset(a, 0, sizeof(*a));
	a->id = dbq_col_int(q, 0);
	a->order_id = dbq_col_int(q, 1);
	a->company_id = dbq_col_int(q, 2);
	a->user_id = dbq_col_int(q, 3);
	dbq_col_copy(q, 4, a->company_name, sizeof(a->company_name));
	a->term = (int)dbq_col_int(q, 5);
	dbq_col_copy(q, 6, a->status, sizeof(a->status));
	dbq_col_copy(q, 7, a->review_due, sizeof(a->review_due));
	a->submitted_at = dbq_col_int(q, 8);
	a->decided_by = dbq_col_int(q, 9);
	dbq_col_copy(q, 10, a->decided_email, sizeof(a->decided_email));
	a->decided_at = dbq_col_int(q, 11);
	dbq_col_copy(q, 12, a->reason, sizeof(a->reason));
	a->plan_id = dbq_col_int(q, 13);
	dbq_col_copy(q, 14, a->version, sizeof(a->version));
	t = dbq_col_str(q, 15, &len);
	/* The exact stored bytes: the hash is of them. */
	a->text = xmalloc(len + 1);
	memcpy(a->text, t, len);
	a->text[len] = '\0';
	dbq_col_copy(q, 16, a->sha256, sizeof(a->sha256));
	a->signer_id = dbq_col_int(q, 17);
	dbq_col_copy(q, 18, a->signer_email, sizeof(a->signer_email));
	a->signed_at = dbq_col_int(q, 19);
	dbq_col_copy(q, 20, a->signer_addr, sizeof(a->signer_addr));
	a->down_payment_minor = dbq_col_int(q, 21);
	dbq_col_copy(q, 22, a->down_payment_ref, sizeof(a->down_payment_ref));
	a->effective_at = dbq_col_int(q, 23);
	dbq_col_copy(q, 24, a->currency, sizeof(a->currency));
	a->amount_due_minor = dbq_col_int(q, 25);
	dbq_col_copy(q, 26, a->order_status, sizeof(a->order_status));
}

/* One application by statement idx and key. 1, 0, -1. */
static int
app_one(struct db *db, int idx, int64_t key, struct db_corp_app *out)
{
	struct dbq	*q;
	int		 rc = -1;

	memset(out, 0, sizeof(*out));
	if ((q = get(db, idx)) == NULL)
		return -1;
	dbq_int(q, key);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1)
		fill_app(q, out);
	dbq_done(q);
	return rc;
}

/* See company.h. */
int
db_corp_app_by_order(struct db *db, int64_t order_id, int lock,
    struct db_corp_app *out)
{
	return app_one(db, lock ? STMT_A_BY_ORDER_LOCK : STMT_A_BY_ORDER,
	    order_id, out);
}

/* See company.h. */
int
db_corp_app_get(struct db *db, int64_t id, int lock, struct db_corp_app *out)
{
	return app_one(db, lock ? STMT_A_GET_LOCK : STMT_A_GET, id, out);
}

/* See company.h. */
int64_t
db_corp_app_insert(struct db *db, int64_t order_id, int64_t company_id,
    int64_t user_id, int term, const char *review_due, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_INSERT)) == NULL)
		return -1;
	dbq_int(q, order_id);
	dbq_int(q, company_id);
	dbq_int(q, user_id);
	dbq_int(q, term);
	dbq_cstr(q, review_due);
	dbq_int(q, now);
	dbq_int(q, now);
	return exec_insert(q);
}

/* See company.h. */
int
db_corp_app_decide(struct db *db, int64_t id, const char *to,
    int64_t admin_id, const char *reason, int64_t plan_id,
    const char *version, const char *text, const char *sha256, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_DECIDE)) == NULL)
		return -1;
	dbq_cstr(q, to);
	dbq_int(q, admin_id);
	dbq_int(q, now);
	dbq_cstr(q, reason != NULL ? reason : "");
	if (plan_id > 0)
		dbq_int(q, plan_id);
	else
		dbq_null(q);
	dbq_cstr(q, version);
	if (text != NULL)
		dbq_str(q, text, strlen(text));
	else
		dbq_null(q);
	dbq_cstr(q, sha256);
	dbq_int(q, now);
	dbq_int(q, id);
	return exec_changed(q);
}

/* See company.h. */
int
db_corp_app_sign(struct db *db, int64_t id, int64_t signer_id,
    const char *addr, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_SIGN)) == NULL)
		return -1;
	dbq_int(q, signer_id);
	dbq_cstr(q, addr);
	dbq_int(q, now);
	dbq_int(q, now);
	dbq_int(q, id);
	return exec_changed(q);
}

/* See company.h. */
int
db_corp_app_effect(struct db *db, int64_t id, int64_t amount,
    const char *ref, int64_t admin_id, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_EFFECT)) == NULL)
		return -1;
	dbq_int(q, amount);
	dbq_cstr(q, ref);
	dbq_int(q, admin_id);
	dbq_int(q, now);
	dbq_int(q, now);
	dbq_int(q, id);
	return exec_changed(q);
}

/* See company.h. */
int
db_corp_app_cancel(struct db *db, int64_t id, int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_A_CANCEL)) == NULL)
		return -1;
	dbq_int(q, now);
	dbq_int(q, id);
	return exec_changed(q) == -1 ? -1 : 0;
}

/* See company.h. */
void
db_corp_app_list_free(struct db_corp_app *a, size_t n)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < n; i++)
		db_corp_app_cleanup(&a[i]);
	free(a);
}

/* See company.h. */
int
db_corp_app_queue(struct db *db, const char *status, size_t offset,
    size_t limit, struct db_corp_app **out, size_t *n, int64_t *total)
{
	struct dbq	*q;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((*total = count_of(db, STMT_A_QUEUE_COUNT, status)) < 0)
		return -1;
	if ((q = get(db, STMT_A_QUEUE)) == NULL)
		return -1;
	dbq_cstr(q, status);
	dbq_cstr(q, status);
	dbq_int(q, (int64_t)limit);
	dbq_int(q, (int64_t)offset);
	if (dbq_exec(q) == -1) {
		dbq_done(q);
		return -1;
	}
	while ((rc = dbq_fetch(q)) == 1)
		fill_app(q, grow((void **)out, n, &cap, sizeof(**out)));
	dbq_done(q);
	if (rc == -1) {
		db_corp_app_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

/* See company.h. */
int
db_corp_app_stats(struct db *db, const char *today,
    struct db_queue_stats *out)
{
	return stats_of(db, STMT_A_STATS, today, out);
}

/* Fill an order from the current row. */
static void
fill_order(struct dbq *q, void *arg)
{
	struct db_corp_order	*o = arg;

	memset(o, 0, sizeof(*o));
	o->id = dbq_col_int(q, 0);
	o->user_id = dbq_col_int(q, 1);
	o->company_id = dbq_col_int(q, 2);
	dbq_col_copy(q, 3, o->status, sizeof(o->status));
	dbq_col_copy(q, 4, o->method, sizeof(o->method));
	dbq_col_copy(q, 5, o->currency, sizeof(o->currency));
	o->amount_due_minor = dbq_col_int(q, 6);
	o->amount_usd_minor = dbq_col_int(q, 7);
	dbq_col_copy(q, 8, o->institution_id, sizeof(o->institution_id));
	o->term = (int)dbq_col_int(q, 9);
	dbq_col_copy(q, 10, o->review_due, sizeof(o->review_due));
	o->created_at = dbq_col_int(q, 11);
	o->completed_at = dbq_col_int(q, 12);
}

/* See company.h. */
int
db_corp_order_get(struct db *db, int64_t id, struct db_corp_order *out)
{
	struct dbq	*q;
	int		 rc = -1;

	if ((q = get(db, STMT_O_GET)) == NULL)
		return -1;
	dbq_int(q, id);
	if (dbq_exec(q) == 0 && (rc = dbq_fetch(q)) == 1)
		fill_order(q, out);
	dbq_done(q);
	return rc;
}

/* See company.h. */
int
db_corp_order_list(struct db *db, int64_t company_id, size_t limit,
    struct db_corp_order **out, size_t *n)
{
	struct dbq	*q;

	*out = NULL;
	*n = 0;
	if ((q = get(db, STMT_O_LIST)) == NULL)
		return -1;
	dbq_int(q, company_id);
	dbq_int(q, (int64_t)limit);
	return dbq_list(q, sizeof(**out), fill_order, (void **)out, n);
}

/* See company.h. */
int
db_corp_order_set_term(struct db *db, int64_t id, int term,
    const char *review_due)
{
	struct dbq *q;

	if ((q = get(db, STMT_O_SET_TERM)) == NULL)
		return -1;
	dbq_int(q, term);
	dbq_cstr(q, review_due);
	dbq_int(q, id);
	return exec_changed(q);
}
