/*
 * events: append and search the audit trail (see event.h). SQL only, bound
 * parameters only. The table refuses UPDATE and DELETE (triggers, 001).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/db.h"
#include "db/event.h"
#include "db/dbint.h"
#include "db/stmt.h"

enum stmt {
	STMT_EVENT_ADD,
	STMT_EVENT_SEARCH,
	STMT_EVENT_COUNT,
	STMT_EVENT_COUNT_SINCE,
	STMT_EVENT_KEY_DESC,
	STMT_EVENT_KEY_ASC,
	STMT_EVENT_HISTORY,
	STMT_EVENT_HISTORIES,
	STMT_EVENT_EXPORT,
	STMT__MAX
};

#define EVENT_COLS \
	"SELECT " DB_EVENT_ROW_COLS(DBQ_SQL) \
	" FROM events e LEFT JOIN users u ON u.id = e.actor_id "

/* The event row of dbint.h's list, and its columns' numbers (the detail,
 * allocated, is read by its number). */
#define EVENT_FIELD(t, m, sql)	DBQ_FIELD(struct db_event_row, t, m)
DBQ_ROWS(event_row, struct db_event_row, DB_EVENT_ROW_COLS, EVENT_FIELD);
#define EVENT_C(t, m, sql)	EVENT_C_##m,
enum event_col { DB_EVENT_ROW_COLS(EVENT_C) EVENT_C__N };

/* Eighteen parameters: subject type x2, subject id x2, user x3, admin
 * x2, type x2, from, until x2, words, its LIKE pattern, codes x2. */
#define EVENT_WHERE \
	"WHERE (? = '' OR e.subject_type = ?) AND (? = 0 OR e.subject_id = ?) " \
	"AND (? = 0 OR (e.actor_type = 'user' AND e.actor_id = ?) " \
	"OR (e.subject_type = 'user' AND e.subject_id = ?)) " \
	"AND (? = 0 OR (e.actor_type = 'admin' AND e.actor_id = ?)) " \
	"AND (? = '' OR e.to_state = ?) AND e.at >= ? " \
	"AND (? = 0 OR e.at < ?) " \
	"AND (? = '' OR e.reason LIKE ? OR (? <> '' AND e.reason REGEXP " \
	"CONCAT('^[{](', ?, ')[}]'))) "

static const char *const stmts[STMT__MAX] = {
	/* STMT_EVENT_ADD */
	"INSERT INTO events (subject_type, subject_id, actor_type, actor_id, "
	"at, from_state, to_state, reason, detail) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* STMT_EVENT_SEARCH */
	EVENT_COLS EVENT_WHERE "ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?",
	/* STMT_EVENT_COUNT */
	"SELECT COUNT(*) FROM (SELECT 1 FROM events e " EVENT_WHERE
	"LIMIT ?) t",
	/* STMT_EVENT_COUNT_SINCE: the same with no filter but the first
	 * day, from events_at alone (no event row read) */
	"SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE at >= ? LIMIT ?) t",
	/* STMT_EVENT_KEY_DESC: older than the key (events_at holds the id) */
	EVENT_COLS EVENT_WHERE "AND (e.at < ? OR (e.at = ? AND e.id < ?)) "
	"ORDER BY e.at DESC, e.id DESC LIMIT ?",
	/* STMT_EVENT_KEY_ASC: newer than the key, oldest first */
	EVENT_COLS EVENT_WHERE "AND (e.at > ? OR (e.at = ? AND e.id > ?)) "
	"ORDER BY e.at, e.id LIMIT ?",
	/* STMT_EVENT_HISTORY */
	EVENT_COLS "WHERE e.subject_type = ? AND e.subject_id = ? "
	"ORDER BY e.at, e.id",
	/* STMT_EVENT_HISTORIES: type, DB_EVENT_HISTORIES ids (0: none),
	 * limit */
	EVENT_COLS "WHERE e.subject_type = ? AND e.subject_id IN (?, ?, ?, "
	"?, ?, ?, ?, ?, ?, ?) ORDER BY e.at DESC, e.id DESC LIMIT ?",
	/* STMT_EVENT_EXPORT: the same columns as the search, oldest first */
	EVENT_COLS EVENT_WHERE "ORDER BY e.at, e.id",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_EVENT)

/* Copy at most dstsz-1 bytes of src into dst, NUL-terminated. */
static void
copy(char *dst, size_t dstsz, const char *src)
{
	snprintf(dst, dstsz, "%s", src);
}

/* See event.h. */
int
db_event_add(struct db *db, const struct db_event *e)
{
	struct dbq	*q;
	char		 reason[256];
	int		 rc;

	q = get(db, STMT_EVENT_ADD);
	if (q == NULL)
		return -1;
	copy(reason, sizeof(reason), e->reason != NULL ? e->reason : "");
	dbq_bind(q, DBQ_S(e->subject_type), DBQ_I(e->subject_id),
	    DBQ_S(e->actor_type), DBQ_IDO(e->actor_id), DBQ_I(e->at),
	    DBQ_S(e->from_state), DBQ_S(e->to_state), DBQ_S(reason),
	    DBQ_S(e->detail));
	rc = dbq_exec(q);
	dbq_done(q);
	return rc;
}

/* Bind the filter's parameters (see EVENT_WHERE); pat (at least 2 *
 * sizeof(f->words) + 2 bytes) holds the LIKE pattern while q runs. */
static void
bind_filter(struct dbq *q, const struct db_event_filter *f, char *pat,
    size_t patsz)
{
	db_like_contains(f->words, pat, patsz);
	dbq_bind(q, DBQ_S(f->subject_type), DBQ_S(f->subject_type),
	    DBQ_I(f->subject_id), DBQ_I(f->subject_id), DBQ_I(f->user_id),
	    DBQ_I(f->user_id), DBQ_I(f->user_id), DBQ_I(f->admin_id),
	    DBQ_I(f->admin_id), DBQ_S(f->type), DBQ_S(f->type), DBQ_I(f->from),
	    DBQ_I(f->until), DBQ_I(f->until), DBQ_S(f->words), DBQ_S(pat),
	    DBQ_S(f->codes), DBQ_S(f->codes));
}

/* See dbint.h. */
void
db_event_row_at(struct dbq *q, int c, struct db_event_row *r)
{
	(void)dbq_read(q, c, &event_row, r);
	r->detail = xstrdup(dbq_col_str(q, c + EVENT_C_detail, NULL));
}

/* dbq_list_keep fill: the current EVENT_COLS row into *arg, a struct
 * db_event_row (its detail owned). Never leaves a row out. */
static int
fill_row(struct dbq *q, void *arg)
{
	db_event_row_at(q, 0, arg);
	return 0;
}

/* dbq_list_keep free_list: db_event_rows_free of the void array. */
static void
free_rows(void *v, size_t n)
{
	db_event_rows_free(v, n);
}

/* Execute q (bound) and read every EVENT_COLS row into *out, *n. Returns
 * 0 or -1 (nothing to free). Always finishes q. */
static int
fetch_rows(struct dbq *q, struct db_event_row **out, size_t *n)
{
	return dbq_list_keep(q, sizeof(**out), fill_row, free_rows,
	    (void **)out, n);
}

/* 1 when f filters on nothing but its first day. */
static int
unfiltered(const struct db_event_filter *f)
{
	return f->subject_type[0] == '\0' && f->subject_id == 0 &&
	    f->user_id == 0 && f->admin_id == 0 && f->type[0] == '\0' &&
	    f->until == 0 && f->words[0] == '\0';
}

/* See event.h. */
int
db_event_search(struct db *db, const struct db_event_filter *f,
    size_t offset, size_t limit, struct db_event_row **out, size_t *n,
    int64_t *total)
{
	struct dbq	*q;
	enum stmt	 idx;
	char		 pat[2 * sizeof(f->words) + 2];

	*out = NULL;
	*n = 0;
	*total = 0;
	if (unfiltered(f))
		q = dbq_bind(get(db, STMT_EVENT_COUNT_SINCE), DBQ_I(f->from));
	else if ((q = get(db, STMT_EVENT_COUNT)) != NULL)
		bind_filter(q, f, pat, sizeof(pat));
	if (q == NULL)
		return -1;
	dbq_int(q, DB_EVENT_COUNT_CAP + 1);
	if ((*total = dbq_count(q)) < 0)
		return -1;

	idx = f->key_dir == 0 ? STMT_EVENT_SEARCH : f->key_dir > 0 ?
	    STMT_EVENT_KEY_DESC : STMT_EVENT_KEY_ASC;
	if ((q = get(db, idx)) == NULL)
		return -1;
	bind_filter(q, f, pat, sizeof(pat));
	if (f->key_dir != 0) {
		dbq_int(q, f->key_at);
		dbq_int(q, f->key_at);
		dbq_int(q, f->key_id);
		dbq_int(q, (int64_t)limit + 1);
	} else {
		dbq_int(q, (int64_t)limit + 1);
		dbq_int(q, (int64_t)offset);
	}
	return fetch_rows(q, out, n);
}

/* See event.h. */
int
db_event_history(struct db *db, const char *subject_type, int64_t subject_id,
    struct db_event_row **out, size_t *n)
{
	struct dbq	*q;

	*out = NULL;
	*n = 0;
	q = get(db, STMT_EVENT_HISTORY);
	if (q == NULL)
		return -1;
	dbq_bind(q, DBQ_S(subject_type), DBQ_I(subject_id));
	return fetch_rows(q, out, n);
}

/* See event.h. */
int
db_event_histories(struct db *db, const char *subject_type,
    const int64_t *ids, size_t n, size_t limit, struct db_event_row **out,
    size_t *nout)
{
	struct dbq	*q;
	size_t		 i;

	*out = NULL;
	*nout = 0;
	if ((q = get(db, STMT_EVENT_HISTORIES)) == NULL)
		return -1;
	dbq_cstr(q, subject_type);
	for (i = 0; i < DB_EVENT_HISTORIES; i++)
		dbq_int(q, i < n ? ids[i] : 0);
	dbq_int(q, (int64_t)limit);
	return fetch_rows(q, out, nout);
}

/* See event.h. */
void
db_event_rows_free(struct db_event_row *v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i].detail);
	free(v);
}

/* See event.h. */
int
db_event_export(struct db *db, const struct db_event_filter *f,
    int (*fn)(void *arg, const char *const *cols, size_t ncols), void *arg)
{
	struct dbq *q;
	char pat[2 * sizeof(f->words) + 2];

	q = get(db, STMT_EVENT_EXPORT);
	if (q != NULL)
		bind_filter(q, f, pat, sizeof(pat));
	return dbq_stream_rows(q, fn, arg);
}
