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

/* The columns of a submission (struct db_qual), each with its SQL. */
#define QUAL_COLS(C) \
	C(INT,	id,		"q.id") \
	C(INT,	company_id,	", q.company_id") \
	C(TEXT,	company_name,	", c.name") \
	C(QUAL,	status,		", q.status") \
	C(TEXT,	licence_expires, ", COALESCE(q.licence_expires, '')") \
	C(TEXT,	review_due,	", COALESCE(q.review_due, '')") \
	C(INT,	submitted_by,	", COALESCE(q.submitted_by, 0)") \
	C(INT,	submitted_at,	", COALESCE(q.submitted_at, 0)") \
	C(INT,	reviewer_id,	", COALESCE(q.reviewer_id, 0)") \
	C(TEXT,	reviewer_email,	", COALESCE(u.email, '')") \
	C(INT,	decided_at,	", COALESCE(q.decided_at, 0)") \
	C(TEXT,	reason,		", q.reason") \
	C(INT,	created_at,	", q.created_at") \
	C(INT,	thumb_file_id,	", (SELECT COALESCE(MIN(d.file_id), 0) FROM company_documents d JOIN file_renders fr ON fr.file_id = d.file_id AND fr.page = 0 WHERE d.qualification_id = q.id)")
#define QUAL_FIELD(t, m, sql)	DBQ_FIELD(struct db_qual, t, m)
DBQ_ROWS(qual_row, struct db_qual, QUAL_COLS, QUAL_FIELD);

/* The columns of a document (struct db_doc), each with its SQL. */
#define DOC_COLS(C) \
	C(INT,	id,		"d.id") \
	C(INT,	qualification_id, ", d.qualification_id") \
	C(INT,	company_id,	", d.company_id") \
	C(TEXT,	kind,		", d.kind") \
	C(INT,	file_id,	", d.file_id") \
	C(TEXT,	mime,		", f.mime") \
	C(INT,	size,		", f.size") \
	C(INT,	created_at,	", d.created_at") \
	C(INT,	pages,		", (SELECT COUNT(*) FROM file_renders fr WHERE fr.file_id = d.file_id AND fr.page > 0)")
#define DOC_FIELD(t, m, sql)	DBQ_FIELD(struct db_doc, t, m)
DBQ_ROWS(doc_row, struct db_doc, DOC_COLS, DOC_FIELD);

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
	"SELECT " QUAL_COLS(DBQ_SQL) \
	" FROM company_qualifications q JOIN companies c ON c.id = q.company_id " \
	"LEFT JOIN users u ON u.id = q.reviewer_id "

#define D_COLS \
	"SELECT " DOC_COLS(DBQ_SQL) " FROM company_documents d " \
	"JOIN files f ON f.id = d.file_id "

static const char *const stmts[STMT__MAX] = {
	/* STMT_Q_LATEST (Q_COLS statements: qual_row) */
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
	/* STMT_D_LIST (D_COLS statements: doc_row) */
	D_COLS "WHERE d.qualification_id = ? "
	"ORDER BY d.id",
	/* STMT_D_GET */
	D_COLS "WHERE d.id = ?",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_COMPANY_QUAL)

/* See company.h. */
int
db_qual_latest(struct db *db, int64_t company_id, int lock,
    struct db_qual *out)
{
	return dbq_one(dbq_bind(get(db,
	    lock ? STMT_Q_LATEST_LOCK : STMT_Q_LATEST), DBQ_I(company_id)),
	    &qual_row, out);
}

/* See company.h. */
int
db_qual_get(struct db *db, int64_t id, int lock, struct db_qual *out)
{
	return dbq_one(dbq_bind(get(db, lock ? STMT_Q_GET_LOCK : STMT_Q_GET),
	    DBQ_I(id)), &qual_row, out);
}

/* See company.h. */
int64_t
db_qual_insert(struct db *db, int64_t company_id, int64_t now)
{
	return dbq_exec_insert(dbq_bind(get(db, STMT_Q_INSERT),
	    DBQ_I(company_id), DBQ_I(now), DBQ_I(now)));
}

/* See company.h. */
int
db_qual_set_expires(struct db *db, int64_t id, const char *expires,
    int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_Q_SET_EXPIRES),
	    DBQ_S(expires), DBQ_I(now), DBQ_I(id))) == -1 ? -1 : 0;
}

/* See company.h. */
int
db_qual_submit(struct db *db, int64_t id, int64_t user_id,
    const char *review_due, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_Q_SUBMIT), DBQ_I(user_id),
	    DBQ_I(now), DBQ_S(review_due), DBQ_I(now), DBQ_I(id)));
}

/* See company.h. */
int
db_qual_move(struct db *db, int64_t id, enum qual_status from,
    enum qual_status to, int64_t admin_id, const char *reason,
    int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_Q_MOVE),
	    DBQ_S(qual_status_name(to)), DBQ_I(admin_id),
	    DBQ_S(reason != NULL ? reason : ""), DBQ_S(qual_status_name(to)),
	    DBQ_I(now), DBQ_I(now), DBQ_I(id), DBQ_S(qual_status_name(from))));
}

/* See company.h. */
int
db_qual_queue(struct db *db, size_t offset, size_t limit,
    struct db_qual **out, size_t *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	if ((*total = dbq_count(get(db, STMT_Q_QUEUE_COUNT))) < 0)
		return -1;
	return dbq_rows(dbq_bind(get(db, STMT_Q_QUEUE), DBQ_I((int64_t)limit),
	    DBQ_I((int64_t)offset)), &qual_row, (void **)out, n);
}

/* See company.h. */
int
db_qual_history(struct db *db, int64_t company_id, struct db_qual **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_Q_HISTORY), DBQ_I(company_id)),
	    &qual_row, (void **)out, n);
}

/* See company.h. */
int
db_qual_stats(struct db *db, const char *today, struct db_queue_stats *out)
{
	return db_queue_stats_read(dbq_bind(get(db, STMT_Q_STATS),
	    DBQ_S(today)), out) == 1 ? 0 : -1;
}

/* See company.h. */
int64_t
db_doc_insert(struct db *db, int64_t qual_id, int64_t company_id,
    const char *kind, int64_t file_id, int64_t user_id, int64_t now)
{
	return dbq_exec_insert(dbq_bind(get(db, STMT_D_INSERT), DBQ_I(qual_id),
	    DBQ_I(company_id), DBQ_S(kind), DBQ_I(file_id), DBQ_I(user_id),
	    DBQ_I(now)));
}

/* See company.h. */
int
db_doc_list(struct db *db, int64_t qual_id, struct db_doc **out, size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_D_LIST), DBQ_I(qual_id)),
	    &doc_row, (void **)out, n);
}

/* See company.h. */
int
db_doc_get(struct db *db, int64_t id, struct db_doc *out)
{
	return dbq_one(dbq_bind(get(db, STMT_D_GET), DBQ_I(id)), &doc_row, out);
}
