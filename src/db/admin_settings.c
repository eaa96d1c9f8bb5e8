/*
 * The settings the rules read, as the admin console lists and writes them
 * (see admin_settings.h). One list, one locked get and one update statement
 * per kind; bound parameters only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/admin_settings.h"
#include "db/db.h"
#include "db/stmt.h"

/* Statement indexes: kind k uses 3k (list), 3k+1 (get), 3k+2 (set). */
enum stmt {
	STMT_HOLIDAY_LIST = 3 * DB_SK__MAX,
	STMT_HOLIDAY_GET,
	STMT_HOLIDAY_ADD,
	STMT_HOLIDAY_DEL,
	STMT_FX_LIST,
	STMT_FX_CURRENT,
	STMT_FX_ADD,
	STMT__MAX
};

/* The columns of each kind's row, each with its SQL: KEY and LABEL (the
 * fields key and label of struct db_setting_row, HEAD_COLS), then a VAL
 * per editable column, vals[0], vals[1]... in the order the kind's UPDATE
 * sets them. */
#define INST_COLS(KEY, LABEL, VAL) \
	KEY("id") LABEL(", name") VAL(", method") \
	VAL(", CAST(min_usd_minor AS CHAR)") VAL(", low_threshold") \
	VAL(", terms") VAL(", monthly_rate") VAL(", fee_mode") \
	VAL(", waives_future_fees") VAL(", late_fee_rate") VAL(", enabled")
#define REGION_COLS(KEY, LABEL, VAL) \
	KEY("code") LABEL(", name") VAL(", cod_supported") \
	VAL(", cod_fee_percent") VAL(", cod_max_usd_minor") \
	VAL(", delivery_days")
#define COUNTRY_COLS(KEY, LABEL, VAL) \
	KEY("code") LABEL(", name") VAL(", region_code") \
	VAL(", installment_high_risk") VAL(", remittance_limit_usd_minor") \
	VAL(", delivery_days")
#define CATEGORY_COLS(KEY, LABEL, VAL) \
	KEY("id") LABEL(", name") VAL(", durable") VAL(", high_value")
#define PRODUCT_COLS(KEY, LABEL, VAL) \
	KEY("id") LABEL(", CONCAT(sku, ' ', name)") VAL(", high_value") \
	VAL(", pre_order") VAL(", customized") VAL(", special_customs") \
	VAL(", pay_after_use") VAL(", flash_sale")
#define PLATFORM_COLS(KEY, LABEL, VAL) \
	KEY("name") LABEL(", name") VAL(", value")
#define COL_SQL(sql)	sql
#define COL_NONE(sql)
#define COL_COUNT(sql)	+ 1
/* The SELECT list of kind LIST from its table, and its count of values. */
#define KIND_FROM(LIST, table) \
	LIST(COL_SQL, COL_SQL, COL_SQL) " FROM " table " "
#define KIND_NCOLS(LIST)	(0 LIST(COL_NONE, COL_NONE, COL_COUNT))
/* The statements of kind k at 3k (list), 3k+1 (locked get) and 3k+2
 * (update): its LIST read from table by its key column, and its values
 * set as "set" says, in the order of the list. */
#define KIND_STMTS(k, LIST, table, key, set) \
	[3 * (k)] = "SELECT " KIND_FROM(LIST, table) "ORDER BY " key, \
	"SELECT " KIND_FROM(LIST, table) "WHERE " key " = ? FOR UPDATE", \
	"UPDATE " table " SET " set " WHERE " key " = ?"

/* The key and the label that start every kind's row, read by name; the
 * values follow them. */
#define HEAD_COLS(C) \
	C(TEXT,	key,	"") \
	C(TEXT,	label,	"")
#define HEAD_FIELD(t, m, sql)	DBQ_FIELD(struct db_setting_row, t, m)
DBQ_ROWS(head_row, struct db_setting_row, HEAD_COLS, HEAD_FIELD);
#define HEAD_N	(0 HEAD_COLS(DBQ_COUNT))

/* The columns of a holiday (struct db_holiday), each with its SQL. */
#define HOLIDAY_COLS(C) \
	C(TEXT,	day,	"day") \
	C(TEXT,	name,	", name")
#define HOLIDAY_FIELD(t, m, sql)	DBQ_FIELD(struct db_holiday, t, m)
DBQ_ROWS(holiday_row, struct db_holiday, HOLIDAY_COLS, HOLIDAY_FIELD);

/* The columns of a rate (struct db_fx), each with its SQL. */
#define FX_COLS(C) \
	C(TEXT,	currency,	"currency") \
	C(TEXT,	usd_per_unit,	", usd_per_unit") \
	C(TEXT,	effective_from,	", effective_from") \
	C(INT,	created_at,	", created_at")
#define FX_FIELD(t, m, sql)	DBQ_FIELD(struct db_fx, t, m)
DBQ_ROWS(fx_row, struct db_fx, FX_COLS, FX_FIELD);

static const struct {
	size_t	 ncols;
} kinds[DB_SK__MAX] = {
	[DB_SK_INSTITUTION] = { KIND_NCOLS(INST_COLS) },
	[DB_SK_REGION] = { KIND_NCOLS(REGION_COLS) },
	[DB_SK_COUNTRY] = { KIND_NCOLS(COUNTRY_COLS) },
	[DB_SK_CATEGORY] = { KIND_NCOLS(CATEGORY_COLS) },
	[DB_SK_PRODUCT] = { KIND_NCOLS(PRODUCT_COLS) },
	[DB_SK_PLATFORM] = { KIND_NCOLS(PLATFORM_COLS) },
};

static const char *const stmts[STMT__MAX] = {
	KIND_STMTS(DB_SK_INSTITUTION, INST_COLS, "institutions", "id",
	    "method = ?, min_usd_minor = ?, low_threshold = ?, terms = ?, "
	    "monthly_rate = ?, fee_mode = ?, waives_future_fees = ?, "
	    "late_fee_rate = ?, enabled = ?"),
	KIND_STMTS(DB_SK_REGION, REGION_COLS, "regions", "code",
	    "cod_supported = ?, cod_fee_percent = ?, cod_max_usd_minor = ?, "
	    "delivery_days = ?"),
	KIND_STMTS(DB_SK_COUNTRY, COUNTRY_COLS, "countries", "code",
	    "region_code = ?, installment_high_risk = ?, "
	    "remittance_limit_usd_minor = ?, delivery_days = ?"),
	KIND_STMTS(DB_SK_CATEGORY, CATEGORY_COLS, "categories", "id",
	    "durable = ?, high_value = ?"),
	KIND_STMTS(DB_SK_PRODUCT, PRODUCT_COLS, "products", "id",
	    "high_value = ?, pre_order = ?, customized = ?, "
	    "special_customs = ?, pay_after_use = ?, flash_sale = ?"),
	KIND_STMTS(DB_SK_PLATFORM, PLATFORM_COLS, "settings", "name",
	    "value = ?"),

	/* STMT_HOLIDAY_LIST */
	"SELECT " HOLIDAY_COLS(DBQ_SQL) " FROM holidays WHERE day >= ? "
	"ORDER BY day",
	/* STMT_HOLIDAY_GET */
	"SELECT name FROM holidays WHERE day = ? FOR UPDATE",
	/* STMT_HOLIDAY_ADD */
	"INSERT INTO holidays (day, name) VALUES (?, ?)",
	/* STMT_HOLIDAY_DEL */
	"DELETE FROM holidays WHERE day = ?",
	/* STMT_FX_LIST */
	"SELECT " FX_COLS(DBQ_SQL) " FROM fx_rates "
	"ORDER BY currency, effective_from DESC",
	/* STMT_FX_CURRENT */
	"SELECT usd_per_unit FROM fx_rates WHERE currency = ? "
	"AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
	/* STMT_FX_ADD */
	"INSERT INTO fx_rates (currency, usd_per_unit, effective_from, "
	"created_at) VALUES (?, ?, ?, ?)",
};

/* get(db, idx): the cached statement idx of this file, or NULL. */
DBQ_STMT_GETTER(DB_T_ADMIN_SETTINGS)

/* See admin_settings.h. */
size_t
db_setting_ncols(enum db_setting_kind k)
{
	return (unsigned)k < DB_SK__MAX ? kinds[k].ncols : 0;
}

/* Fill *arg (a struct db_setting_row) from q's current row: the
 * HEAD_COLS, then the kind's values (as many as the statement has after
 * those; kinds[k].ncols by the SQL above). Serves dbq_list_keep, never
 * leaves a row out. */
static int
read_row(struct dbq *q, void *arg)
{
	struct db_setting_row	*r = arg;
	int			 nc = dbq_ncols(q) - HEAD_N;
	size_t			 i;

	memset(r, 0, sizeof(*r));
	(void)dbq_read(q, 0, &head_row, r);
	r->ncols = nc < 0 ? 0 : nc > DB_SK_MAXCOLS ? DB_SK_MAXCOLS :
	    (size_t)nc;
	for (i = 0; i < r->ncols; i++)
		r->vals[i] = dbq_col_null(q, HEAD_N + (int)i) ? NULL :
		    xstrdup(dbq_col_str(q, HEAD_N + (int)i, NULL));
	return 0;
}

/* See admin_settings.h. */
void
db_setting_row_cleanup(struct db_setting_row *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->ncols; i++) {
		free(r->vals[i]);
		r->vals[i] = NULL;
	}
}

/* See admin_settings.h. */
void
db_setting_rows_free(struct db_setting_row *v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		db_setting_row_cleanup(&v[i]);
	free(v);
}

/* dbq_list_keep free_list: db_setting_rows_free of the void array. */
static void
free_rows(void *v, size_t n)
{
	db_setting_rows_free(v, n);
}

/* See admin_settings.h. */
int
db_setting_list(struct db *db, enum db_setting_kind k,
    struct db_setting_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if ((unsigned)k >= DB_SK__MAX)
		return -1;
	return dbq_list_keep(get(db, 3 * k), sizeof(**out), read_row,
	    free_rows, (void **)out, n);
}

/* See admin_settings.h. */
int
db_setting_get_lock(struct db *db, enum db_setting_kind k, const char *key,
    struct db_setting_row *out)
{
	struct dbq	*q;
	int		 rc;

	memset(out, 0, sizeof(*out));
	if ((unsigned)k >= DB_SK__MAX)
		return -1;
	q = get(db, 3 * k + 1);
	if (q == NULL)
		return -1;
	dbq_cstr(q, key);
	if ((rc = dbq_exec_fetch(q)) == 1)
		(void)read_row(q, out);
	dbq_done(q);
	return rc;
}

/* See admin_settings.h. */
int
db_setting_set(struct db *db, enum db_setting_kind k, const char *key,
    char *const *vals)
{
	struct dbq	*q;
	size_t		 i;
	unsigned	 err;
	int		 rc;

	if ((unsigned)k >= DB_SK__MAX)
		return -1;
	q = get(db, 3 * k + 2);
	if (q == NULL)
		return -1;
	for (i = 0; i < kinds[k].ncols; i++)
		dbq_cstr(q, vals[i]);
	dbq_cstr(q, key);
	rc = dbq_exec(q);
	err = dbq_errno(q);
	if (rc == 0)
		rc = dbq_affected(q) >= 1 ? 1 : 0;
	else if (err == 1452)	/* ER_NO_REFERENCED_ROW_2: unknown region */
		rc = 2;
	dbq_done(q);
	return rc;
}

/* See admin_settings.h. */
int
db_holiday_list(struct db *db, const char *from, struct db_holiday **out,
    size_t *n)
{
	return dbq_rows(dbq_bind(get(db, STMT_HOLIDAY_LIST), DBQ_S(from)),
	    &holiday_row, (void **)out, n);
}

/* See admin_settings.h. */
int
db_holiday_add(struct db *db, const char *day, const char *name)
{
	return dbq_exec_claim(dbq_bind(get(db, STMT_HOLIDAY_ADD), DBQ_S(day),
	    DBQ_S(name)));
}

/* See admin_settings.h. */
int
db_holiday_remove(struct db *db, const char *day, char name[101])
{
	int rc;

	name[0] = '\0';
	if ((rc = dbq_one_text(dbq_bind(get(db, STMT_HOLIDAY_GET),
	    DBQ_S(day)), name, 101)) != 1)
		return rc;
	return dbq_exec_one(dbq_bind(get(db, STMT_HOLIDAY_DEL), DBQ_S(day)));
}

/* See admin_settings.h. */
int
db_fx_list(struct db *db, struct db_fx **out, size_t *n)
{
	return dbq_rows(get(db, STMT_FX_LIST), &fx_row, (void **)out, n);
}

/* See admin_settings.h. */
int
db_fx_current(struct db *db, const char *currency, const char *day,
    char out[33])
{
	out[0] = '\0';
	return dbq_one_text(dbq_bind(get(db, STMT_FX_CURRENT),
	    DBQ_S(currency), DBQ_S(day)), out, 33);
}

/* See admin_settings.h. */
int
db_fx_add(struct db *db, const char *currency, const char *usd_per_unit,
    const char *day, int64_t now)
{
	return dbq_exec_claim(dbq_bind(get(db, STMT_FX_ADD), DBQ_S(currency),
	    DBQ_S(usd_per_unit), DBQ_S(day), DBQ_I(now)));
}
