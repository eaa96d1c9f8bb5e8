/*
 * Corporate buyers' qualification submissions (the documents a company
 * sends to be verified) and those documents (see company.h;
 * sql/009_corporate.sql). Bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/company.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/stmt.h"

enum stmt {
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
	STMT__MAX
};

#define Q_COLS \
	"SELECT q.id, q.company_id, c.name, q.status, " \
	"COALESCE(q.licence_expires, ''), COALESCE(q.review_due, ''), " \
	"COALESCE(q.submitted_by, 0), COALESCE(q.submitted_at, 0), " \
	"COALESCE(q.reviewer_id, 0), COALESCE(u.email, ''), " \
	"COALESCE(q.decided_at, 0), q.reason, q.created_at, " \
	"(SELECT COALESCE(MIN(d.file_id), 0) FROM company_documents d " \
	"JOIN file_renders fr ON fr.file_id = d.file_id AND fr.page = 0 " \
	"WHERE d.qualification_id = q.id) " \
	"FROM company_qualifications q JOIN companies c ON c.id = q.company_id " \
	"LEFT JOIN users u ON u.id = q.reviewer_id "
/* Columns of Q_COLS, in its SELECT order. */
enum q_col {
	Q_C_ID, Q_C_COMPANY_ID, Q_C_COMPANY_NAME, Q_C_STATUS,
	Q_C_LICENCE_EXPIRES, Q_C_REVIEW_DUE, Q_C_SUBMITTED_BY,
	Q_C_SUBMITTED_AT, Q_C_REVIEWER_ID, Q_C_REVIEWER_EMAIL, Q_C_DECIDED_AT,
	Q_C_REASON, Q_C_CREATED_AT, Q_C_THUMB_FILE, Q_C__N
};

#define D_COLS \
	"SELECT d.id, d.qualification_id, d.company_id, d.kind, d.file_id, " \
	"f.mime, f.size, d.created_at, (SELECT COUNT(*) FROM file_renders fr " \
	"WHERE fr.file_id = d.file_id AND fr.page > 0) FROM company_documents d " \
	"JOIN files f ON f.id = d.file_id "

/* Columns of D_COLS, in its SELECT order. */
enum d_col {
	D_C_ID, D_C_QUAL_ID, D_C_COMPANY_ID, D_C_KIND, D_C_FILE_ID, D_C_MIME,
	D_C_SIZE, D_C_CREATED_AT, D_C_PAGES, D_C__N
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_Q_LATEST (Q_COLS statements: enum q_col) */
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
	/* STMT_D_LIST (D_COLS statements: enum d_col) */
	D_COLS "WHERE d.qualification_id = ? "
	"ORDER BY d.id",
	/* STMT_D_GET */
	D_COLS "WHERE d.id = ?",
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_COMPANY_QUAL, idx, stmts[idx]);
}

/* dbq_list fill: the current Q_COLS row (enum q_col) into *arg, a
 * struct db_qual. */
static void
fill_qual(struct dbq *q, void *arg)
{
	struct db_qual	*s = arg;

	memset(s, 0, sizeof(*s));
	s->id = dbq_col_int(q, Q_C_ID);
	s->company_id = dbq_col_int(q, Q_C_COMPANY_ID);
	dbq_col_copy(q, Q_C_COMPANY_NAME, s->company_name,
	    sizeof(s->company_name));
	if (qual_status_parse(dbq_col_str(q, Q_C_STATUS, NULL),
	    &s->status) == -1)
		s->status = QS_DRAFT;	/* the column's ENUM has no other */
	dbq_col_copy(q, Q_C_LICENCE_EXPIRES, s->licence_expires,
	    sizeof(s->licence_expires));
	dbq_col_copy(q, Q_C_REVIEW_DUE, s->review_due, sizeof(s->review_due));
	s->submitted_by = dbq_col_int(q, Q_C_SUBMITTED_BY);
	s->submitted_at = dbq_col_int(q, Q_C_SUBMITTED_AT);
	s->reviewer_id = dbq_col_int(q, Q_C_REVIEWER_ID);
	dbq_col_copy(q, Q_C_REVIEWER_EMAIL, s->reviewer_email,
	    sizeof(s->reviewer_email));
	s->decided_at = dbq_col_int(q, Q_C_DECIDED_AT);
	dbq_col_copy(q, Q_C_REASON, s->reason, sizeof(s->reason));
	s->created_at = dbq_col_int(q, Q_C_CREATED_AT);
	s->thumb_file_id = dbq_col_int(q, Q_C_THUMB_FILE);
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
	return dbq_exec_insert(q);
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
	return dbq_exec_one(q) == -1 ? -1 : 0;
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
	return dbq_exec_one(q);
}

/* See company.h. */
int
db_qual_move(struct db *db, int64_t id, enum qual_status from,
    enum qual_status to, int64_t admin_id, const char *reason,
    int64_t now)
{
	struct dbq *q;

	if ((q = get(db, STMT_Q_MOVE)) == NULL)
		return -1;
	dbq_cstr(q, qual_status_name(to));
	dbq_int(q, admin_id);
	dbq_cstr(q, reason != NULL ? reason : "");
	dbq_cstr(q, qual_status_name(to));
	dbq_int(q, now);
	dbq_int(q, now);
	dbq_int(q, id);
	dbq_cstr(q, qual_status_name(from));
	return dbq_exec_one(q);
}

/* Rows of a submission list statement already bound: 0, or -1 with *out
 * NULL and *n 0 (dbq_list). */
static int
qual_rows(struct dbq *q, struct db_qual **out, size_t *n)
{
	return dbq_list(q, sizeof(**out), fill_qual, (void **)out, n);
}

/* See company.h. */
int
db_qual_queue(struct db *db, size_t offset, size_t limit,
    struct db_qual **out, size_t *n, int64_t *total)
{
	struct dbq *q;

	*out = NULL;
	*n = 0;
	q = get(db, STMT_Q_QUEUE_COUNT);
	if ((*total = q != NULL ? dbq_count(q) : -1) < 0)
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

/* See company.h. */
int
db_qual_stats(struct db *db, const char *today, struct db_queue_stats *out)
{
	struct dbq *q = get(db, STMT_Q_STATS);

	if (q != NULL)
		dbq_cstr(q, today);
	return db_queue_stats_read(q, out) == 1 ? 0 : -1;
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
	return dbq_exec_insert(q);
}

/* dbq_list fill: the current D_COLS row (enum d_col) into *arg, a
 * struct db_doc. */
static void
fill_doc(struct dbq *q, void *arg)
{
	struct db_doc	*d = arg;

	memset(d, 0, sizeof(*d));
	d->id = dbq_col_int(q, D_C_ID);
	d->qualification_id = dbq_col_int(q, D_C_QUAL_ID);
	d->company_id = dbq_col_int(q, D_C_COMPANY_ID);
	dbq_col_copy(q, D_C_KIND, d->kind, sizeof(d->kind));
	d->file_id = dbq_col_int(q, D_C_FILE_ID);
	dbq_col_copy(q, D_C_MIME, d->mime, sizeof(d->mime));
	d->size = dbq_col_int(q, D_C_SIZE);
	d->created_at = dbq_col_int(q, D_C_CREATED_AT);
	d->pages = (int)dbq_col_int(q, D_C_PAGES);
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
