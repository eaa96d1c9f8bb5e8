/*
 * Corporate buyers: the companies themselves, their qualification state
 * and limits, and their member accounts (see company.h;
 * sql/009_corporate.sql). Their qualification submissions are in
 * company_qual.c, their installment applications and orders in
 * corp_app.c. Bound parameters only.
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
	STMT__MAX
};

#define CO_COLS \
	"SELECT id, name, country, qualification_status, " \
	"COALESCE(qualification_expires, ''), long_term_agreement, " \
	"cod_agreement_limit_usd_minor IS NOT NULL, " \
	"COALESCE(cod_agreement_limit_usd_minor, 0), " \
	"remittance_quota_usd_minor IS NOT NULL, " \
	"COALESCE(remittance_quota_usd_minor, 0), created_at FROM companies "
/* Columns of CO_COLS, in its SELECT order. */
enum co_col {
	CO_C_ID, CO_C_NAME, CO_C_COUNTRY, CO_C_STATUS, CO_C_EXPIRES,
	CO_C_LONG_TERM, CO_C_HAS_COD_LIMIT, CO_C_COD_LIMIT,
	CO_C_HAS_REMIT_QUOTA, CO_C_REMIT_QUOTA, CO_C_CREATED_AT, CO_C__N
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_CO_GET (all CO_COLS: enum co_col) */
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
};

/* The cached statement idx of this file, or NULL. */
static struct dbq *
get(struct db *db, int idx)
{
	return dbq_get(db, DB_T_COMPANY, idx, stmts[idx]);
}

/* dbq_list fill: the current CO_COLS row (enum co_col) into *arg, a
 * struct db_company. */
static void
fill_company(struct dbq *q, void *arg)
{
	struct db_company	*c = arg;

	memset(c, 0, sizeof(*c));
	c->id = dbq_col_int(q, CO_C_ID);
	dbq_col_copy(q, CO_C_NAME, c->name, sizeof(c->name));
	dbq_col_copy(q, CO_C_COUNTRY, c->country, sizeof(c->country));
	if (qual_status_parse(dbq_col_str(q, CO_C_STATUS, NULL),
	    &c->status) == -1)
		c->status = QS_UNVERIFIED;	/* no other in the ENUM */
	dbq_col_copy(q, CO_C_EXPIRES, c->expires, sizeof(c->expires));
	c->long_term_agreement = (int)dbq_col_int(q, CO_C_LONG_TERM);
	c->has_cod_limit = (int)dbq_col_int(q, CO_C_HAS_COD_LIMIT);
	c->cod_limit_usd_minor = dbq_col_int(q, CO_C_COD_LIMIT);
	c->has_remit_quota = (int)dbq_col_int(q, CO_C_HAS_REMIT_QUOTA);
	c->remit_quota_usd_minor = dbq_col_int(q, CO_C_REMIT_QUOTA);
	c->created_at = dbq_col_int(q, CO_C_CREATED_AT);
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
db_company_set_status(struct db *db, int64_t id, enum qual_status status,
    const char *expires)
{
	struct dbq *q;

	q = get(db, expires != NULL ? STMT_CO_SET_STATUS_EXP :
	    STMT_CO_SET_STATUS);
	if (q == NULL)
		return -1;
	dbq_cstr(q, qual_status_name(status));
	if (expires != NULL)
		dbq_cstr(q, expires);
	dbq_int(q, id);
	return dbq_exec_one(q);
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
	return dbq_exec_one(q) == -1 ? -1 : 0;
}

/* dbq_list fill: column 0 of the row into *(int64_t *)arg. */
static void
fill_id(struct dbq *q, void *arg)
{
	*(int64_t *)arg = dbq_col_int(q, 0);
}

/* See company.h. */
int
db_company_expiring(struct db *db, const char *until, size_t max,
    int64_t **out, size_t *n)
{
	return dbq_list(dbq_bind(get(db, STMT_CO_EXPIRING), DBQ_S(until),
	    DBQ_I((int64_t)max)), sizeof(**out), fill_id, (void **)out, n);
}

/* See company.h. */
int
db_company_notice_claim(struct db *db, int64_t company_id,
    const char *expires, const char *kind, int64_t now)
{
	return dbq_exec_one(dbq_bind(get(db, STMT_CO_NOTICE), DBQ_I(company_id),
	    DBQ_S(expires), DBQ_S(kind), DBQ_I(now)));
}

/* dbq_list fill for db_company_members(): the current row into *arg, a
 * struct db_member. */
static void
fill_member(struct dbq *q, void *arg)
{
	struct db_member *m = arg;

	m->id = dbq_col_int(q, 0);
	dbq_col_copy(q, 1, m->email, sizeof(m->email));
	dbq_col_copy(q, 2, m->name, sizeof(m->name));
}

/* See company.h. */
int
db_company_members(struct db *db, int64_t id, struct db_member **out,
    size_t *n)
{
	return dbq_list_id(get(db, STMT_CO_MEMBERS), id, sizeof(**out),
	    fill_member, (void **)out, n);
}
