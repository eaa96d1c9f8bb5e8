/*
 * Table-driven rows and one-call binds (see stmt.h): a row read column by
 * column from a struct dbq_rowdef, the single-row and list readers built
 * on it, and dbq_bind(). Only the public functions of stmt.c are used.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/lifecycle.h"
#include "core/log.h"
#include "core/order_status.h"
#include "core/pay_method.h"
#include "db/stmt.h"

/* Store v in the integer field p of size bytes. */
static void
put_int(void *p, size_t size, int64_t v)
{
	int8_t	i8 = (int8_t)v;
	int16_t	i16 = (int16_t)v;
	int32_t	i32 = (int32_t)v;

	switch (size) {
	case 1:
		memcpy(p, &i8, 1);
		break;
	case 2:
		memcpy(p, &i16, 2);
		break;
	case 4:
		memcpy(p, &i32, 4);
		break;
	default:
		memcpy(p, &v, sizeof(v));
		break;
	}
}

/* The integer field p of size bytes. */
static int64_t
get_int(const void *p, size_t size)
{
	int8_t	i8;
	int16_t	i16;
	int32_t	i32;
	int64_t	v;

	switch (size) {
	case 1:
		memcpy(&i8, p, 1);
		return i8;
	case 2:
		memcpy(&i16, p, 2);
		return i16;
	case 4:
		memcpy(&i32, p, 4);
		return i32;
	default:
		memcpy(&v, p, sizeof(v));
		return v;
	}
}

/* See stmt.h. */
struct dbq *
dbq_bind_row(struct dbq *q, const struct dbq_rowdef *r, const void *src)
{
	const struct dbq_field	*f;
	const char		*p;
	size_t			 i;

	if (q == NULL)
		return NULL;
	for (i = 0; i < r->n; i++) {
		f = &r->f[i];
		p = (const char *)src + f->off;
		switch (f->type) {
		case DBQ_F_INT:
			dbq_int(q, get_int(p, f->size));
			break;
		case DBQ_F_ID:
			dbq_id_opt(q, get_int(p, f->size));
			break;
		case DBQ_F_TEXT:
			dbq_cstr(q, p);
			break;
		case DBQ_F_TEXT_OPT:
			dbq_cstr_opt(q, p);
			break;
		case DBQ_F_DATE:
			dbq_date(q, (mp_date)get_int(p, f->size));
			break;
		default:
			log_err("db: field %zu of a row cannot be bound", i);
			dbq_null(q);
			break;
		}
	}
	return q;
}

/* Read a lifecycle state of type t (DBQ_F_INST ... DBQ_F_INVITE)
 * from column c into the enum at p: 0, or -1 (logged) when the column
 * names none. */
static int
read_state(struct dbq *q, int c, enum dbq_ftype t, void *p)
{
	const char	*s = dbq_col_str(q, c, NULL);
	int		 rc;

	rc = t == DBQ_F_INST ? inst_status_parse(s, p) :
	    t == DBQ_F_CORP_APP ? corp_app_status_parse(s, p) :
	    t == DBQ_F_QUAL ? qual_status_parse(s, p) :
	    t == DBQ_F_VOUCHER ? voucher_status_parse(s, p) :
	    t == DBQ_F_CHARGE ? charge_status_parse(s, p) :
	    t == DBQ_F_CARD_SESSION ? card_session_status_parse(s, p) :
	    t == DBQ_F_IDENTITY ? identity_status_parse(s, p) :
	    t == DBQ_F_INVITE ? invite_status_parse(s, p) : -1;
	if (rc == -1)
		log_warn("db: column %d: unknown state '%s'", c,
		    s != NULL ? s : "NULL");
	return rc;
}

/* See stmt.h. */
int
dbq_read(struct dbq *q, int col, const struct dbq_rowdef *r, void *dst)
{
	const struct dbq_field	*f;
	char			*p;
	size_t			 i;
	int			 c;

	for (i = 0; i < r->n; i++) {
		f = &r->f[i];
		p = (char *)dst + f->off;
		c = col + (int)i;
		switch (f->type) {
		case DBQ_F_INT:
		case DBQ_F_ID:
			put_int(p, f->size, dbq_col_int(q, c));
			break;
		case DBQ_F_BOOL:
			put_int(p, f->size, dbq_col_int(q, c) != 0);
			break;
		case DBQ_F_TEXT:
		case DBQ_F_TEXT_OPT:
			dbq_col_copy(q, c, p, f->size);
			break;
		case DBQ_F_DATE:
			put_int(p, f->size, dbq_col_date(q, c));
			break;
		case DBQ_F_STATUS:
			if (dbq_col_order_status(q, c,
			    (enum order_status *)(void *)p) == -1)
				return -1;
			break;
		case DBQ_F_METHOD:
			if (dbq_col_pay_method(q, c,
			    (enum pay_method *)(void *)p) == -1)
				return -1;
			break;
		case DBQ_F_INST:
		case DBQ_F_CORP_APP:
		case DBQ_F_QUAL:
		case DBQ_F_VOUCHER:
		case DBQ_F_CHARGE:
		case DBQ_F_CARD_SESSION:
		case DBQ_F_IDENTITY:
		case DBQ_F_INVITE:
			if (read_state(q, c, f->type, p) == -1)
				return -1;
			break;
		case DBQ_F_SKIP:
			break;
		}
	}
	return 0;
}

/* See stmt.h. */
int
dbq_one_fn(struct dbq *q, int (*fill)(struct dbq *, void *), void *out)
{
	int rc;

	if (q == NULL)
		return -1;
	if ((rc = dbq_exec_fetch(q)) == 1 && fill(q, out) == -1)
		rc = -1;
	dbq_done(q);
	return rc;
}

/* See stmt.h. */
int
dbq_one(struct dbq *q, const struct dbq_rowdef *r, void *out)
{
	int rc;

	if (q == NULL)
		return -1;
	if ((rc = dbq_exec_fetch(q)) == 1) {
		memset(out, 0, r->sz);
		if (dbq_read(q, 0, r, out) == -1)
			rc = -1;
	}
	dbq_done(q);
	return rc;
}

/* dbq_list_arg fill of dbq_rows: the row by the rowdef arg. */
static int
rows_fill(struct dbq *q, void *el, void *arg)
{
	return dbq_read(q, 0, arg, el);
}

/* See stmt.h. */
int
dbq_rows(struct dbq *q, const struct dbq_rowdef *r, void **out, size_t *n)
{
	return dbq_list_arg(q, r->sz, rows_fill, (void *)(uintptr_t)r, NULL,
	    out, n);
}

/* See stmt.h. */
struct dbq *
dbq_bind_args(struct dbq *q, const struct dbq_arg *a, size_t n)
{
	size_t i;

	if (q == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		switch (a[i].t) {
		case DBQ_A_INT:
			dbq_int(q, a[i].i);
			break;
		case DBQ_A_STR:
			dbq_cstr(q, a[i].s);
			break;
		case DBQ_A_STR_OPT:
			dbq_cstr_opt(q, a[i].s);
			break;
		case DBQ_A_ID_OPT:
			dbq_id_opt(q, a[i].i);
			break;
		case DBQ_A_DATE:
			dbq_date(q, (mp_date)a[i].i);
			break;
		case DBQ_A_NZ:
			if (a[i].i == 0)
				dbq_null(q);
			else
				dbq_int(q, a[i].i);
			break;
		case DBQ_A_BYTES:
			dbq_str(q, a[i].s, (size_t)a[i].i);
			break;
		case DBQ_A_NULL:
			dbq_null(q);
			break;
		}
	}
	return q;
}
