/*
 * The prepared-statement cache and its small binding API (see stmt.h).
 * Every result column is bound as MYSQL_TYPE_STRING: Connector/C converts
 * numbers, dates and decimals to text, and dbq_col_int() parses it back.
 * Buffers start at the column's longest value in the result (the result is
 * stored client-side with STMT_ATTR_UPDATE_MAX_LENGTH) and grow with
 * mysql_stmt_fetch_column() if a value is longer anyway.
 */
#include <errmsg.h>
#include <inttypes.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "core/order_status.h"
#include "core/pay_method.h"
#include "db/db.h"
#include "db/dbint.h"
#include "db/stmt.h"

/* Smallest result buffer: any number, date or datetime fits. */
#define DBQ_MINBUF	64

struct dbq_param {
	int64_t		 i;
	char		*s;		/* owned copy of a text value */
	size_t		 scap;
	unsigned long	 len;
};

struct dbq_col {
	char		*buf;		/* owned; cap bytes, one kept for NUL */
	size_t		 cap;
	unsigned long	 len;
	my_bool		 isnull;
	my_bool		 err;
};

struct dbq {
	struct db		*db;
	MYSQL_STMT		*st;
	enum db_table		 table;
	int			 idx;
	const char		*sql;
	unsigned long		 nparams;	/* "?" in the statement */
	unsigned long		 np;		/* bound so far */
	int			 overflow;	/* more binds than "?" */
	MYSQL_BIND		*pb;
	struct dbq_param	*pv;
	unsigned int		 ncols;		/* columns of the open result */
	size_t			 colcap;	/* allocated pb/cols entries */
	MYSQL_BIND		*rb;
	struct dbq_col		*cols;
	MYSQL_RES		*meta;
	int			 have_result;
	int			 have_row;
	unsigned int		 last_errno;
	uint64_t		 affected;
	int64_t			 insert_id;
};

/* Names for the log, by enum value, so that a new table cannot shift them. */
static const char *const table_names[DB_T__MAX] = {
	[DB_T_USER] = "user", [DB_T_SESSION] = "session",
	[DB_T_PRODUCT] = "product", [DB_T_CART] = "cart",
	[DB_T_ORDER] = "order", [DB_T_EVENT] = "event",
	[DB_T_MESSAGE] = "message",
	[DB_T_MIGRATE] = "migrate", [DB_T_JOB] = "job", [DB_T_SEED] = "seed",
	[DB_T_COMPANY] = "company", [DB_T_PLAN] = "plan",
	[DB_T_VOUCHER] = "voucher", [DB_T_ADMIN] = "admin",
	[DB_T_ADMIN_SETTINGS] = "admin_settings", [DB_T_FILE] = "file",
	[DB_T_PARTNER] = "partner", [DB_T_SANDBOX] = "sandbox",
	[DB_T_BENCH] = "bench", [DB_T_CHECKOUT] = "checkout",
	[DB_T_LEDGER] = "ledger", [DB_T_RECON] = "recon",
	[DB_T_CORP_TRANSFER] = "corp_transfer",
	[DB_T_MEMBER] = "member",
	[DB_T_CHECK] = "check", [DB_T_COD] = "cod", [DB_T_PAYAFTER] = "payafter",
	[DB_T_IDENTITY] = "identity", [DB_T_ADDRESS] = "address",
	[DB_T_MONEY_OUT] = "money_out",
	[DB_T_PLAN_WORK] = "plan_work",
	[DB_T_COMPANY_QUAL] = "company_qual",
	[DB_T_CORP_APP] = "corp_app",
	[DB_T_PLAN_INST] = "plan_inst", [DB_T_PLAN_CREDIT] = "plan_credit",
	[DB_T_REQUEST_KEY] = "request_key",
	[DB_T_MY_ORDERS] = "my_orders",
	[DB_T_REPORT] = "report",
	[DB_T_SEARCH] = "search",
	[DB_T_TOTP] = "totp",
	[DB_T_ADMIN_ACCOUNT] = "admin_account",
	[DB_T_CARD_SESSION] = "card_session", [DB_T_BANKD] = "bankd",
	[DB_T_LANGUAGE] = "language",
	[DB_T_TEST] = "test",
};

/* Record the statement's error on q and its connection and log it, except a
 * duplicate key, which callers use on purpose (idempotency claims). */
static void
dbq_error(struct dbq *q, const char *what)
{
	q->last_errno = mysql_stmt_errno(q->st);
	db_set_error(q->db, q->last_errno, mysql_stmt_error(q->st));
	if (q->last_errno != DBQ_ER_DUP_ENTRY)
		log_err("db: %s %s[%d]: %s", what, table_names[q->table],
		    q->idx, q->db->err);
}

/* Close q's statement and free q with its buffers; takes NULL. */
static void
dbq_free(struct dbq *q)
{
	unsigned long i;
	size_t c;

	if (q == NULL)
		return;
	if (q->meta != NULL)
		mysql_free_result(q->meta);
	if (q->st != NULL)
		mysql_stmt_close(q->st);
	for (i = 0; i < q->nparams; i++)
		free(q->pv[i].s);
	for (c = 0; c < q->colcap; c++)
		free(q->cols[c].buf);
	free(q->pb);
	free(q->pv);
	free(q->rb);
	free(q->cols);
	free(q);
}

/* See dbint.h: every cached statement of db closed and freed. */
void
dbq_cache_clear(struct db *db)
{
	size_t t, i;

	for (t = 0; t < DB_T__MAX; t++)
		for (i = 0; i < db->tables[t].n; i++) {
			dbq_free(db->tables[t].q[i]);
			db->tables[t].q[i] = NULL;
		}
}

/* See stmt.h. A cached statement whose user forgot dbq_done() is reset here
 * (and logged) rather than handed out half-used. */
struct dbq *
dbq_get(struct db *db, enum db_table table, int idx, const char *sql)
{
	struct dbq_table *t;
	struct dbq *q;
	my_bool on = 1;
	size_t n;

	if ((unsigned)table >= DB_T__MAX || idx < 0 || sql == NULL) {
		snprintf(db->err, sizeof(db->err), "dbq_get: bad arguments");
		log_err("db: %s", db->err);
		return NULL;
	}
	t = &db->tables[table];
	if ((size_t)idx >= t->n) {
		n = (size_t)idx + 1;
		t->q = xrealloc(t->q, n * sizeof(*t->q));
		memset(t->q + t->n, 0, (n - t->n) * sizeof(*t->q));
		t->n = n;
	}
	if ((q = t->q[idx]) != NULL) {
		if (q->sql != sql && strcmp(q->sql, sql) != 0) {
			snprintf(db->err, sizeof(db->err),
			    "dbq_get: %s[%d] asked with another SQL text",
			    table_names[table], idx);
			log_err("db: %s", db->err);
			return NULL;
		}
		if (q->np != 0 || q->have_result) {
			log_warn("db: %s[%d] reused without dbq_done",
			    table_names[table], idx);
			dbq_done(q);
		}
		return q;
	}
	if (db->my == NULL) {
		snprintf(db->err, sizeof(db->err), "not connected");
		return NULL;
	}

	q = xcalloc(1, sizeof(*q));
	q->db = db;
	q->table = table;
	q->idx = idx;
	q->sql = sql;
	if ((q->st = mysql_stmt_init(db->my)) == NULL) {
		db_set_error(db, mysql_errno(db->my), mysql_error(db->my));
		free(q);
		return NULL;
	}
	/* Lets dbq_exec size the result buffers from the stored result. */
	mysql_stmt_attr_set(q->st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	if (mysql_stmt_prepare(q->st, sql, strlen(sql)) != 0) {
		dbq_error(q, "prepare");
		dbq_free(q);
		return NULL;
	}
	q->nparams = mysql_stmt_param_count(q->st);
	if (q->nparams > 0) {
		q->pb = xcalloc(q->nparams, sizeof(*q->pb));
		q->pv = xcalloc(q->nparams, sizeof(*q->pv));
	}
	t->q[idx] = q;
	return q;
}

/* The next parameter's bind slot, cleared; NULL (and q->overflow set) when
 * all "?" are bound already. */
static MYSQL_BIND *
dbq_next(struct dbq *q)
{
	MYSQL_BIND *b;

	if (q->np >= q->nparams) {
		q->overflow = 1;
		return NULL;
	}
	b = &q->pb[q->np];
	memset(b, 0, sizeof(*b));
	return b;
}

/* See stmt.h: binds a signed 64-bit integer. */
void
dbq_int(struct dbq *q, int64_t v)
{
	MYSQL_BIND *b;

	if ((b = dbq_next(q)) == NULL)
		return;
	q->pv[q->np].i = v;
	b->buffer_type = MYSQL_TYPE_LONGLONG;
	b->buffer = &q->pv[q->np].i;
	q->np++;
}

/* See stmt.h: binds len bytes of s, copied into q. */
void
dbq_str(struct dbq *q, const char *s, size_t len)
{
	struct dbq_param *p;
	MYSQL_BIND *b;

	if ((b = dbq_next(q)) == NULL)
		return;
	p = &q->pv[q->np];
	if (p->scap < len + 1) {
		p->scap = len + 1;
		p->s = xrealloc(p->s, p->scap);
	}
	if (len > 0)
		memcpy(p->s, s, len);
	p->s[len] = '\0';
	p->len = len;
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = p->s;
	b->buffer_length = len;
	b->length = &p->len;
	q->np++;
}

/* See stmt.h: binds a C string, or SQL NULL for NULL. */
void
dbq_cstr(struct dbq *q, const char *s)
{
	if (s == NULL)
		dbq_null(q);
	else
		dbq_str(q, s, strlen(s));
}

/* See stmt.h: binds SQL NULL. */
void
dbq_null(struct dbq *q)
{
	MYSQL_BIND *b;

	if ((b = dbq_next(q)) == NULL)
		return;
	b->buffer_type = MYSQL_TYPE_NULL;
	q->np++;
}

/* Make room for n result columns in q's arrays. */
static void
dbq_cols_reserve(struct dbq *q, size_t n)
{
	if (n <= q->colcap)
		return;
	q->rb = xrealloc(q->rb, n * sizeof(*q->rb));
	q->cols = xrealloc(q->cols, n * sizeof(*q->cols));
	memset(q->cols + q->colcap, 0, (n - q->colcap) * sizeof(*q->cols));
	q->colcap = n;
}

/* Grow column c's buffer to hold need bytes of value plus the NUL. */
static void
dbq_col_grow(struct dbq *q, unsigned int c, size_t need)
{
	struct dbq_col *col = &q->cols[c];

	if (col->cap >= need + 1)
		return;
	col->cap = need + 1;
	col->buf = xrealloc(col->buf, col->cap);
}

/* Point result bind c at its column buffer, one byte kept for the NUL. */
static void
dbq_col_bind(struct dbq *q, unsigned int c)
{
	MYSQL_BIND *b = &q->rb[c];
	struct dbq_col *col = &q->cols[c];

	memset(b, 0, sizeof(*b));
	b->buffer_type = MYSQL_TYPE_STRING;
	b->buffer = col->buf;
	b->buffer_length = col->cap - 1;
	b->length = &col->len;
	b->is_null = &col->isnull;
	b->error = &col->err;
}

/* Free q's result set (when it has one) and its metadata. */
static void
free_result(struct dbq *q)
{
	if (q->have_result) {
		mysql_stmt_free_result(q->st);
		q->have_result = 0;
	}
	if (q->meta != NULL) {
		mysql_free_result(q->meta);
		q->meta = NULL;
	}
}

/* Longest first buffer of a column of a streamed result (a TEXT column
 * declares 64 KiB): a longer value grows it in dbq_fetch(). */
#define DBQ_STREAMBUF	1024

/* dbq_exec() and dbq_exec_stream(): execute q; a result is stored
 * client-side when store is 1, else left on the server to be read row by
 * row. */
static int
exec_result(struct dbq *q, int store)
{
	MYSQL_FIELD *f;
	unsigned int c;
	size_t need;

	if (q->have_result) {
		log_warn("db: %s[%d] executed again without dbq_done",
		    table_names[q->table], q->idx);
		free_result(q);
	}
	q->last_errno = 0;
	q->affected = 0;
	q->insert_id = 0;
	if (q->db->broken) {
		/* A connection whose ROLLBACK failed may still hold its
		 * transaction: nothing more is sent on it (db_rollback). */
		snprintf(q->db->err, sizeof(q->db->err),
		    "%s[%d]: the connection was dropped",
		    table_names[q->table], q->idx);
		return -1;
	}
	if (q->overflow || q->np != q->nparams) {
		snprintf(q->db->err, sizeof(q->db->err),
		    "%s[%d]: %lu parameters bound, statement has %lu",
		    table_names[q->table], q->idx,
		    q->np + (q->overflow ? 1 : 0), q->nparams);
		log_err("db: %s", q->db->err);
		return -1;
	}
	if (q->nparams > 0 && mysql_stmt_bind_param(q->st, q->pb) != 0) {
		dbq_error(q, "bind");
		return -1;
	}
	if (mysql_stmt_execute(q->st) != 0) {
		dbq_error(q, "execute");
		return -1;
	}
	q->ncols = mysql_stmt_field_count(q->st);
	if (q->ncols == 0) {
		q->affected = mysql_stmt_affected_rows(q->st);
		q->insert_id = (int64_t)mysql_stmt_insert_id(q->st);
		return 0;
	}
	if (store && mysql_stmt_store_result(q->st) != 0) {
		dbq_error(q, "store");
		return -1;
	}
	q->have_result = 1;
	q->affected = store ? mysql_stmt_num_rows(q->st) : 0;
	if ((q->meta = mysql_stmt_result_metadata(q->st)) == NULL) {
		dbq_error(q, "metadata");
		return -1;
	}
	f = mysql_fetch_fields(q->meta);
	dbq_cols_reserve(q, q->ncols);
	for (c = 0; c < q->ncols; c++) {
		need = store ? f[c].max_length : f[c].length < DBQ_STREAMBUF ?
		    f[c].length : DBQ_STREAMBUF;
		if (need < DBQ_MINBUF)
			need = DBQ_MINBUF;
		dbq_col_grow(q, c, need);
		dbq_col_bind(q, c);
	}
	if (mysql_stmt_bind_result(q->st, q->rb) != 0) {
		dbq_error(q, "bind result");
		return -1;
	}
	return 0;
}

/* See stmt.h. Stores the whole result client-side so that the connection is
 * free for other statements while the caller fetches. */
int
dbq_exec(struct dbq *q)
{
	return exec_result(q, 1);
}

/* See stmt.h. */
int
dbq_exec_stream(struct dbq *q)
{
	return exec_result(q, 0);
}

/* See stmt.h. A value longer than its buffer (MYSQL_DATA_TRUNCATED) is
 * fetched again whole into a grown buffer, and the result rebound for the
 * rows that follow. */
int
dbq_fetch(struct dbq *q)
{
	MYSQL_BIND b;
	unsigned int c;
	int rc, rebind = 0;

	q->have_row = 0;
	if (!q->have_result)
		return 0;
	rc = mysql_stmt_fetch(q->st);
	if (rc == MYSQL_NO_DATA)
		return 0;
	if (rc == 1) {
		dbq_error(q, "fetch");
		return -1;
	}
	for (c = 0; c < q->ncols; c++) {
		struct dbq_col *col = &q->cols[c];

		if (col->isnull) {
			col->len = 0;
			col->buf[0] = '\0';
			continue;
		}
		if (col->len > col->cap - 1) {
			dbq_col_grow(q, c, col->len);
			memset(&b, 0, sizeof(b));
			b.buffer_type = MYSQL_TYPE_STRING;
			b.buffer = col->buf;
			b.buffer_length = col->cap - 1;
			b.length = &col->len;
			b.is_null = &col->isnull;
			b.error = &col->err;
			if (mysql_stmt_fetch_column(q->st, &b, c, 0) != 0) {
				dbq_error(q, "fetch column");
				return -1;
			}
			dbq_col_bind(q, c);
			rebind = 1;
		}
		col->buf[col->len] = '\0';
	}
	/* The old buffer may have moved: the next fetch must use the new one. */
	if (rebind && mysql_stmt_bind_result(q->st, q->rb) != 0) {
		dbq_error(q, "rebind result");
		return -1;
	}
	q->have_row = 1;
	return 1;
}

/* See stmt.h: columns of the open result. */
int
dbq_ncols(struct dbq *q)
{
	return q->have_result ? (int)q->ncols : 0;
}

/* See stmt.h: 1 when col names no value of the current row or is NULL. */
int
dbq_col_null(struct dbq *q, int col)
{
	if (!q->have_row || col < 0 || (unsigned)col >= q->ncols)
		return 1;
	return q->cols[col].isnull ? 1 : 0;
}

/* See stmt.h: the column's text, "" for NULL or out of range. */
const char *
dbq_col_str(struct dbq *q, int col, size_t *len)
{
	if (dbq_col_null(q, col)) {
		if (len != NULL)
			*len = 0;
		return "";
	}
	if (len != NULL)
		*len = q->cols[col].len;
	return q->cols[col].buf;
}

/* See stmt.h: the column parsed as a decimal integer, 0 if it is not one. */
int64_t
dbq_col_int(struct dbq *q, int col)
{
	const char *s;
	char *end;
	long long v;

	if (dbq_col_null(q, col))
		return 0;
	s = q->cols[col].buf;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0') {
		log_warn("db: %s[%d] column %d is not an integer",
		    table_names[q->table], q->idx, col);
		return 0;
	}
	return (int64_t)v;
}

/* See stmt.h: affected (or matched) rows; for a SELECT, rows in the result. */
uint64_t
dbq_affected(struct dbq *q)
{
	return q->affected;
}

/* See stmt.h: the AUTO_INCREMENT id of the last INSERT on q. */
int64_t
dbq_insert_id(struct dbq *q)
{
	return q->insert_id;
}

/* See stmt.h: the last server error number of q, 0 after success. */
unsigned int
dbq_errno(struct dbq *q)
{
	return q->last_errno;
}

/* See stmt.h: frees the result and forgets the bound parameters. */
void
dbq_done(struct dbq *q)
{
	if (q == NULL)
		return;
	free_result(q);
	q->have_row = 0;
	q->ncols = 0;
	q->np = 0;
	q->overflow = 0;
}

/* See dbint.h. */
void
db_like_contains(const char *text, char *out, size_t outsz)
{
	size_t n = 0;

	out[n++] = '%';
	for (; *text != '\0' && n + 3 < outsz; text++) {
		if (*text == '%' || *text == '_' || *text == '\\')
			out[n++] = '\\';
		out[n++] = *text;
	}
	out[n++] = '%';
	out[n] = '\0';
}
