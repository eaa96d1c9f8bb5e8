#ifndef MALLPAY_DB_ADMIN_SETTINGS_H
#define MALLPAY_DB_ADMIN_SETTINGS_H

/*
 * The figures the rules read, as the admin console edits them:
 * one kind per table, each row a key, a label and its editable columns as
 * text (NULL columns as SQL NULL). Validation is in service/admin.c.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

enum db_setting_kind {
	DB_SK_INSTITUTION,	/* institutions: banks, partners, programs */
	DB_SK_REGION,		/* regions: COD support, fee, maximum, delivery days */
	DB_SK_COUNTRY,		/* countries: high risk, postal limit, region */
	DB_SK_CATEGORY,		/* categories: durable, high value */
	DB_SK_PRODUCT,		/* products: the rule flags */
	DB_SK_PLATFORM,		/* settings: name = value */
	DB_SK__MAX
};

#define DB_SK_MAXCOLS	12

/* One row: key, label (name or sku + name), columns in the kind's order
 * (service/admin.c's field table). vals[i] NULL means SQL NULL. */
struct db_setting_row {
	char		 key[65];
	char		 label[256];
	size_t		 ncols;
	char		*vals[DB_SK_MAXCOLS];
};

/* Number of editable columns of kind k. */
size_t	db_setting_ncols(enum db_setting_kind k);

/* Every row of kind k ordered by key (*out of *n; free with
 * db_setting_rows_free). Returns 0 or -1. */
int	db_setting_list(struct db *, enum db_setting_kind k,
	    struct db_setting_row **out, size_t *n);

/* Row key of kind k, locked FOR UPDATE (call inside a transaction), into
 * *out (free with db_setting_row_cleanup). 1 found, 0 none, -1 error. */
int	db_setting_get_lock(struct db *, enum db_setting_kind k,
	    const char *key, struct db_setting_row *out);

/* Write the editable columns of row key (vals[0..ncols-1], NULL = SQL
 * NULL). 1 done, 0 no such row, -1 error (a foreign key refusal is 2). */
int	db_setting_set(struct db *, enum db_setting_kind k, const char *key,
	    char *const *vals);

void	db_setting_row_cleanup(struct db_setting_row *);
void	db_setting_rows_free(struct db_setting_row *, size_t n);

/* Holidays (C-04). */
struct db_holiday {
	char		 day[11];	/* YYYY-MM-DD */
	char		 name[101];
};
/* Holidays from `from` (YYYY-MM-DD) on, oldest first. Returns 0 or -1. */
int	db_holiday_list(struct db *, const char *from, struct db_holiday **out,
	    size_t *n);
/* Add: 1 added, 0 the day is already a holiday, -1 error. */
int	db_holiday_add(struct db *, const char *day, const char *name);
/* Remove: 1 removed (its name into name, 101 bytes), 0 none, -1 error. */
int	db_holiday_remove(struct db *, const char *day, char name[101]);

/* Exchange rates (C-02). */
struct db_fx {
	char		 currency[4];
	char		 usd_per_unit[33];
	char		 effective_from[11];
	int64_t		 created_at;
};
/* Every rate, by currency then newest effective date first. 0 or -1. */
int	db_fx_list(struct db *, struct db_fx **out, size_t *n);
/* The rate of currency in effect on day (YYYY-MM-DD) into out (33
 * bytes): 1 found, 0 none, -1 error. */
int	db_fx_current(struct db *, const char *currency, const char *day,
	    char out[33]);
/* Add a rate taking effect on day: 1 added, 0 that currency already has a
 * rate from that day, -1 error. */
int	db_fx_add(struct db *, const char *currency, const char *usd_per_unit,
	    const char *day, int64_t now);

#endif
