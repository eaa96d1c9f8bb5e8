/*
 * Row helpers: the shapes every db/<table>.c file repeats, built on the
 * statement primitives of stmt.c (only its public functions): typed and
 * optional columns and binds, the run-and-fetch shapes, the list readers.
 * Each takes a q returned by dbq_get() with its parameters bound.
 */
#include <stdint.h>
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

/* See stmt.h: snprintf so that dst is always NUL-terminated. */
void
dbq_col_copy(struct dbq *q, int col, char *dst, size_t dstsz)
{
	snprintf(dst, dstsz, "%s", dbq_col_str(q, col, NULL));
}

/* See stmt.h. */
int
dbq_col_order_status(struct dbq *q, int col, enum order_status *out)
{
	const char	*s = dbq_col_str(q, col, NULL);

	if (order_status_parse(s, out) == 0)
		return 0;
	log_warn("db: unknown order status \"%s\"", s);
	return -1;
}

/* See stmt.h. */
int
dbq_col_pay_method(struct dbq *q, int col, enum pay_method *out)
{
	const char	*s = dbq_col_str(q, col, NULL);

	if (pay_method_parse(s, out) == 0)
		return 0;
	log_warn("db: unknown payment method \"%s\"", s);
	return -1;
}

/* See stmt.h: a text parameter, SQL NULL for NULL or "". */
void
dbq_cstr_opt(struct dbq *q, const char *s)
{
	if (s == NULL || s[0] == '\0')
		dbq_null(q);
	else
		dbq_cstr(q, s);
}

/* See stmt.h: an id parameter, SQL NULL for ids <= 0. */
void
dbq_id_opt(struct dbq *q, int64_t id)
{
	if (id > 0)
		dbq_int(q, id);
	else
		dbq_null(q);
}

/* See stmt.h: the day as text. */
void
dbq_date(struct dbq *q, mp_date d)
{
	char s[16];

	mp_date_str(d, s, sizeof(s));
	dbq_cstr(q, s);
}

/* See stmt.h: the first ten characters parsed as a day. */
mp_date
dbq_col_date(struct dbq *q, int col)
{
	size_t		 len;
	const char	*s = dbq_col_str(q, col, &len);
	mp_date		 d = 0;

	if (len >= 10)
		(void)mp_date_parse(s, 10, &d);
	return d;
}

/* See stmt.h: execute and step to the first row; q is left for dbq_done. */
int
dbq_exec_fetch(struct dbq *q)
{
	if (dbq_exec(q) == -1)
		return -1;
	return dbq_fetch(q);
}

/* See stmt.h: first column of the first row; always calls dbq_done. */
int
dbq_one_int(struct dbq *q, int64_t *out)
{
	int rc;

	if (q == NULL)
		return -1;
	if ((rc = dbq_exec_fetch(q)) == 1)
		*out = dbq_col_int(q, 0);
	dbq_done(q);
	return rc;
}

/* See stmt.h. */
int
dbq_one_text(struct dbq *q, char *out, size_t outsz)
{
	int rc;

	if (q == NULL)
		return -1;
	if ((rc = dbq_exec_fetch(q)) == 1)
		dbq_col_copy(q, 0, out, outsz);
	dbq_done(q);
	return rc;
}

/* See stmt.h: execute, report rows matched, always dbq_done. */
int
dbq_exec_done(struct dbq *q, uint64_t *affected)
{
	int rc;

	if (q == NULL)
		return -1;
	rc = dbq_exec(q);
	if (rc == 0 && affected != NULL)
		*affected = dbq_affected(q);
	dbq_done(q);
	return rc;
}

/* See stmt.h: 1 exactly one row matched, 0 otherwise, -1 error. */
int
dbq_exec_one(struct dbq *q)
{
	uint64_t n = 0;

	if (dbq_exec_done(q, &n) == -1)
		return -1;
	return n == 1;
}

/* See stmt.h: the new id, 0 when the key is taken or the row ignored. */
int64_t
dbq_exec_insert(struct dbq *q)
{
	int64_t id = -1;

	if (q == NULL)
		return -1;
	if (dbq_exec(q) == 0)
		id = dbq_affected(q) > 0 ? dbq_insert_id(q) : 0;
	else if (dbq_errno(q) == DBQ_ER_DUP_ENTRY)
		id = 0;
	dbq_done(q);
	return id;
}

/* See stmt.h: dbq_exec_once read the other way round. */
int
dbq_exec_claim(struct dbq *q)
{
	int rc = dbq_exec_once(q);

	return rc == -1 ? -1 : rc == 0;
}

/* See stmt.h: duplicate key means "already there". */
int
dbq_exec_once(struct dbq *q)
{
	int rc = 0;

	if (q == NULL)
		return -1;
	if (dbq_exec(q) == -1)
		rc = dbq_errno(q) == DBQ_ER_DUP_ENTRY ? 1 : -1;
	dbq_done(q);
	return rc;
}

/* How list_rows fills an element: exactly one of fill, keep and fill_arg
 * is set (the fill of dbq_list, dbq_list_keep or dbq_list_arg). */
struct list_fill {
	void	(*fill)(struct dbq *, void *);
	int	(*keep)(struct dbq *, void *);
	int	(*fill_arg)(struct dbq *, void *, void *);
	void	 *arg;
};

/* Fill element el from q's current row the way f says: 0 keep, -1 leave
 * the row out. */
static int
list_fill(const struct list_fill *f, struct dbq *q, void *el)
{
	if (f->fill != NULL) {
		f->fill(q, el);
		return 0;
	}
	if (f->keep != NULL)
		return f->keep(q, el);
	return f->fill_arg(q, el, f->arg);
}

/* The loop of dbq_list, dbq_list_keep and dbq_list_arg. See stmt.h. */
static int
list_rows(struct dbq *q, size_t sz, const struct list_fill *f,
    void (*free_list)(void *, size_t), void **out, size_t *n)
{
	char	*v = NULL;
	size_t	 len = 0, cap = 0;
	int	 rc;

	*out = NULL;
	*n = 0;
	if (q == NULL)
		return -1;
	for (rc = dbq_exec_fetch(q); rc == 1; rc = dbq_fetch(q)) {
		if (len == cap) {
			cap = cap ? cap * 2 : 8;
			v = xrealloc(v, cap * sz);
		}
		memset(v + len * sz, 0, sz);
		if (list_fill(f, q, v + len * sz) == 0)
			len++;
	}
	dbq_done(q);
	if (rc == -1) {
		if (free_list != NULL)
			free_list(v, len);
		else
			free(v);
		return -1;
	}
	*out = v;
	*n = len;
	return 0;
}

/* See stmt.h: one growing array, every element zeroed before fill. */
int
dbq_list(struct dbq *q, size_t sz, void (*fill)(struct dbq *, void *),
    void **out, size_t *n)
{
	struct list_fill f = { .fill = fill };

	return list_rows(q, sz, &f, NULL, out, n);
}

/* See stmt.h: dbq_list whose fill may leave a row out. */
int
dbq_list_keep(struct dbq *q, size_t sz, int (*fill)(struct dbq *, void *),
    void (*free_list)(void *, size_t), void **out, size_t *n)
{
	struct list_fill f = { .keep = fill };

	return list_rows(q, sz, &f, free_list, out, n);
}

/* See stmt.h: dbq_list_keep whose fill also gets the caller's arg. */
int
dbq_list_arg(struct dbq *q, size_t sz,
    int (*fill)(struct dbq *, void *, void *), void *arg,
    void (*free_list)(void *, size_t), void **out, size_t *n)
{
	struct list_fill f = { .fill_arg = fill, .arg = arg };

	return list_rows(q, sz, &f, free_list, out, n);
}

/* See stmt.h: dbq_one_int with "no row" folded into -1. */
int64_t
dbq_count(struct dbq *q)
{
	int64_t v = -1;

	(void)dbq_one_int(q, &v);
	return v;
}

/* See stmt.h: the common "rows of this order/plan/user" list. */
int
dbq_list_id(struct dbq *q, int64_t id, size_t sz,
    void (*fill)(struct dbq *, void *), void **out, size_t *n)
{
	if (q != NULL)
		dbq_int(q, id);
	return dbq_list(q, sz, fill, out, n);
}

/* Most columns a streamed row may have (dbq_stream_rows). */
#define DBQ_STREAM_COLS	32

/* See stmt.h. */
int
dbq_stream_rows(struct dbq *q,
    int (*fn)(void *arg, const char *const *cols, size_t ncols), void *arg)
{
	const char	*cols[DBQ_STREAM_COLS];
	size_t		 n, i;
	int		 rc;

	if (q == NULL)
		return -1;
	if (dbq_exec_stream(q) == -1) {
		dbq_done(q);
		return -1;
	}
	n = (size_t)dbq_ncols(q);
	if (n > DBQ_STREAM_COLS)
		n = DBQ_STREAM_COLS;
	while ((rc = dbq_fetch(q)) == 1) {
		for (i = 0; i < n; i++)
			cols[i] = dbq_col_str(q, (int)i, NULL);
		if (fn(arg, cols, n) == -1) {
			/* read the rest, so that the connection is free for
			 * the next statement whatever the client library
			 * does with an unread result */
			while (dbq_fetch(q) == 1)
				;
			rc = 2;
			break;
		}
	}
	dbq_done(q);
	return rc == 2 ? 1 : rc;
}

/* See stmt.h. */
void
db_like_prefix(struct buf *b, const char *p)
{
	for (; *p != '\0'; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *p);
	}
	buf_putc(b, '%');
}
