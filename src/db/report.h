#ifndef MALLPAY_DB_REPORT_H
#define MALLPAY_DB_REPORT_H

/*
 * The money reports' statements: the ledger's daily totals
 * (sql/041_ledger_days.sql: the lines of sql/014 summed per UTC day as
 * they are posted, and over all days), overdue installments by age, COD refusals per day,
 * and whether an institution has plans. SQL only; what the figures mean
 * is service/report.c's.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* One day's sum of the lines matched (or of the rows counted). */
struct db_report_day {
	int32_t		 day;		/* days since 1970-01-01 (mp_date) */
	char		 method[33];	/* the order's method; "" none or not
					   asked for */
	int64_t		 sum;		/* signed minor units */
	int64_t		 entries;	/* ledger lines (rows counted) */
};

/* One key of the ledger's daily totals on one day, its slots summed. */
struct db_report_key_day {
	int32_t		 day;		/* days since 1970-01-01 */
	char		 acct_class[65];
	char		 kind[25];
	char		 method[33];	/* "" a line without an order */
	int		 plan;		/* a line of a plan */
	int		 sign;		/* 1 debits, -1 credits, 0 zero */
	int64_t		 sum;		/* signed minor units */
	int64_t		 entries;	/* ledger lines */
};

/* Every key of the ledger's daily totals in currency from from_day on
 * (days since 1970-01-01, >= 0), and with totals its sums over every day
 * (day -1), by day (day -1 first), into *out (free(3)) of *n: a page of
 * several series reads the days once and sums each series itself
 * (service/report.c). Returns 0 or -1. */
int	db_report_ledger_book(struct db *, const char *currency,
	    int64_t from_day, int totals, struct db_report_key_day **out,
	    size_t *n);

/* Which ledger lines a report sums. */
struct db_report_query {
	const char	*kinds;		/* comma-separated kinds; "" any */
	const char	*account;	/* LIKE pattern of the account class
					   (buyer:<id>:receivable is
					   buyer:receivable) */
	const char	*currency;
	int		 sign;		/* 1 debits only, -1 credits only,
					   0 both */
	int		 plans_only;	/* lines of a plan only */
	int		 by_method;	/* split by the order's method */
	int64_t		 from, to;	/* created_at in [from, to), whole
					   UTC days: a partial last day
					   counts whole */
};

/* The days [*from, *to) q asks for (since 1970-01-01): a partial last day
 * counts whole. */
void	db_report_days_of(const struct db_report_query *q, int64_t *from,
	    int64_t *to);

/* The lines q matches summed per day (and method) into *out (free(3))
 * of *n, by day. Returns 0 or -1. */
int	db_report_ledger_days(struct db *, const struct db_report_query *q,
	    struct db_report_day **out, size_t *n);

/* The sum of the lines q matches over every day (q's from and to are
 * not used) into *sum. Returns 0 or -1. */
int	db_report_ledger_total(struct db *, const struct db_report_query *q,
	    int64_t *sum);

/* COD refusals recorded in [from, to), counted per day (entries; sum 0).
 * Returns 0 or -1. */
int	db_report_refusal_days(struct db *, int64_t from, int64_t to,
	    struct db_report_day **out, size_t *n);

/* What is still owed on installments of active plans in currency that
 * fell due before today (YYYY-MM-DD), by days late: 1-30, 31-60, over
 * 60, into owed[3] (minor units) and count[3]. Returns 0 or -1. */
int	db_report_overdue_ages(struct db *, const char *today,
	    const char *currency, int64_t owed[3], int64_t count[3]);

/* Fold the daily ledger totals (ledger_days) of the days before
 * before_day (days since 1970-01-01, UTC) into one row a key: the rows
 * the trigger spread over slots for concurrent writers are summed into
 * slot 0 and removed, so that a report reads one row a key and day. The
 * rows folded are locked and copied first, and exactly those are
 * removed: a line posted meanwhile into a past day stays in its slot
 * for the next fold. The sums of every key and day stay the same. Runs
 * in the caller's transaction. Returns the rows removed, or -1. */
int64_t	db_ledger_days_fold(struct db *, int64_t before_day);

/* How many plans institution id has (any status): 0.., or -1. */
int64_t	db_institution_plan_count(struct db *, const char *id);

#endif
