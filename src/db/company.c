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

/* The columns of a company (struct db_company), each with its SQL; its
 * qualification status follows them (fill_company). */
#define COMPANY_COLS(C) \
	C(INT,	id,			"id") \
	C(TEXT,	name,			", name") \
	C(TEXT,	country,		", country") \
	C(TEXT,	expires,		", COALESCE(qualification_expires, '')") \
	C(INT,	long_term_agreement,	", long_term_agreement") \
	C(INT,	has_cod_limit,		", cod_agreement_limit_usd_minor IS NOT NULL") \
	C(INT,	cod_limit_usd_minor,	", COALESCE(cod_agreement_limit_usd_minor, 0)") \
	C(INT,	has_remit_quota,	", remittance_quota_usd_minor IS NOT NULL") \
	C(INT,	remit_quota_usd_minor,	", COALESCE(remittance_quota_usd_minor, 0)") \
	C(INT,	created_at,		", created_at")
#define COMPANY_FIELD(t, m, sql)	DBQ_FIELD(struct db_company, t, m)
DBQ_ROWS(company_row, struct db_company, COMPANY_COLS, COMPANY_FIELD);
#define CO_COLS \
	"SELECT " COMPANY_COLS(DBQ_SQL) ", qualification_status FROM companies "

/* The columns of a member (struct db_member), each with its SQL. */
#define MEMBER_COLS(C) \
	C(INT,	id,	"id") \
	C(TEXT,	email,	", email") \
	C(TEXT,	name,	", name")
#define MEMBER_FIELD(t, m, sql)	DBQ_FIELD(struct db_member, t, m)
DBQ_ROWS(member_row, struct db_member, MEMBER_COLS, MEMBER_FIELD);

static const char *const stmts[STMT__MAX] = {
	/* STMT_CO_GET (CO_COLS statements: fill_company) */
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
	"SELECT " MEMBER_COLS(DBQ_SQL) " FROM users WHERE company_id = ? "
	"AND kind = 'company_member' ORDER BY name, id",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_COMPANY)

/* Read a CO_COLS row into *arg, a struct db_company, zeroed first: 0. */
static int
fill_company(struct dbq *q, void *arg)
{
	struct db_company	*c = arg;

	memset(c, 0, sizeof(*c));
	(void)dbq_read(q, 0, &company_row, c);
	if (qual_status_parse(dbq_col_str(q, (int)company_row.n, NULL),
	    &c->status) == -1)
		c->status = QS_UNVERIFIED;	/* no other in the ENUM */
	return 0;
}

/* See company.h. */
int
db_company_get(struct db *db, int64_t id, int lock, int skip,
    struct db_company *out)
{
	return dbq_one_fn(dbq_bind(get(db, skip ? STMT_CO_GET_SKIP : lock ?
	    STMT_CO_GET_LOCK : STMT_CO_GET), DBQ_I(id)), fill_company, out);
}

/* See company.h. */
int
db_company_list(struct db *db, struct db_company **out, size_t *n)
{
	return dbq_list_keep(get(db, STMT_CO_LIST), sizeof(**out),
	    fill_company, NULL, (void **)out, n);
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

/* See company.h. */
int
db_company_members(struct db *db, int64_t id, struct db_member **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_CO_MEMBERS), DBQ_I(id)),
	    &member_row, (void **)out, n);
}
