#ifndef MALLPAY_SERVICE_REPORT_H
#define MALLPAY_SERVICE_REPORT_H

/*
 * The money reports of the admin console, read from the ledger
 * (service/ledger.h, README "The ledger") and the state tables, in exact
 * minor units of one currency, per day, week (Monday to Sunday) or
 * calendar month of a date range (UTC):
 *
 *	collected	money paid in (the payment kinds of the receipts:
 *			what each entry took off a receivable), by the
 *			order's payment method
 *	outstanding	what installment plans are owed at the end of each
 *			period (the plans' receivable lines, cumulated)
 *	overdue		what active plans owe on installments past due
 *			today, by days late: 1-30, 31-60, over 60
 *	late_fees	late fees charged (INST-F1, PAU-04)
 *	guarantee	Pay After Use guarantee payouts and recoveries
 *			(PAU-04)
 *	refunds		refunds falling due and refunds sent
 *	refusals	COD parcels refused (COD-P6) and the refusal charges
 *			(COD-F2)
 *
 * The key figures of the dashboard (report_key_figures) and its SLA
 * breaches (report_sla_breaches) are here too: both take now, the one
 * clock (core/clock.h) as the page reads it.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"

struct db;

enum report_kind {
	REPORT_COLLECTED, REPORT_OUTSTANDING, REPORT_OVERDUE,
	REPORT_LATE_FEES, REPORT_GUARANTEE, REPORT_REFUNDS, REPORT_REFUSALS,
	REPORT__MAX
};

enum report_period { REPORT_DAY, REPORT_WEEK, REPORT_MONTH };

/* The most points (days, weeks or months) a report covers. */
#define REPORT_MAX_POINTS	62
#define REPORT_MAX_SERIES	8

/* What a report covers: from..to inclusive, per period, in currency. */
struct report_range {
	enum report_period	 period;
	mp_date			 from, to;
	char			 currency[4];
};

struct report_series {
	char		 name[64];
	int		 money;		/* amounts; 0: counts */
	int64_t		 v[REPORT_MAX_POINTS];
	int64_t		 total;		/* sum, or the last value of a balance */
};

struct report {
	enum report_kind	 kind;
	const char		*slug, *title, *desc;
	int			 balance;	/* a balance at each point (lines) */
	size_t			 n;		/* points */
	char			 labels[REPORT_MAX_POINTS][24];
	struct report_series	 s[REPORT_MAX_SERIES];
	size_t			 ns;
	size_t			 nchart;	/* the first nchart series are charted */
	char			 currency[4];
};

/* The kind named slug ("collected", ...), or -1. */
int	report_find(const char *slug);
/* The slug and title of kind k (k in range). */
const char *report_slug(enum report_kind k);
const char *report_title(enum report_kind k);

/* Read the form's period ("day", "week", "month"; NULL "day"), from and to
 * ("YYYY-MM-DD"; NULL: the 30 days, 12 weeks or 12 months to today) and
 * currency (NULL "USD") into *out. Returns 0, or 1 with what is wrong in
 * err and the field it concerns ("period", "from", "to", "currency") in
 * *field. */
int	report_range_parse(const char *period, const char *from,
	    const char *to, const char *currency, mp_date today,
	    struct report_range *out, const char **field, char *err,
	    size_t errsz);

/* Build report kind over r at now (the overdue ages are counted from
 * now's day) into *out. Returns 0 or -1. */
int	report_build(struct db *, enum report_kind kind,
	    const struct report_range *r, int64_t now, struct report *out);

/* Every report kind over r at now into out[kind], the ledger's days from
 * the first point on read once for all of them (one statement where
 * report_build reads one a series): the reports page. Returns 0 or -1. */
int	report_build_all(struct db *, const struct report_range *r,
	    int64_t now, struct report out[REPORT__MAX]);

/* The dashboard's key figures in currency at now. */
struct report_key_figures {
	int64_t	 collected_today, collected_month;	/* from 00:00 UTC, the
							   1st of the month */
	int64_t	 outstanding;		/* installment balance */
	int64_t	 overdue;		/* all ages */
	int64_t	 refunds_open;		/* due and not sent (refunds:payable) */
	int64_t	 guarantee_month;	/* payouts this month */
};
/* The key figures in currency at now into *out, from two reads: the
 * ledger's days of the month with its totals over every day, and the
 * overdue installments by due date. Returns 0 or -1. */
int	report_key_figures(struct db *, const char *currency, int64_t now,
	    struct report_key_figures *out);

/* A review queue past its promised dates at now (service/queues.h). */
struct report_breach {
	const char	*title;		/* the queue's */
	const char	*path;
	const char	*promise;	/* its rule */
	int64_t		 overdue;	/* items past their date */
};
/* The queues with items past their promised date at now into out[max]
 * (*n of them). A queue that cannot be counted is left out. Returns 0. */
int	report_sla_breaches(struct db *, int64_t now, struct report_breach *out,
	    size_t max, size_t *n);

#endif
