/*
 * The money reports and the dashboard's figures (see report.h): ledger
 * sums per day folded into days, weeks or months; overdue installments by
 * age; SLA breaches of the review queues.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/words.h"
#include "db/report.h"
#include "service/ledger.h"
#include "service/queues.h"
#include "service/report.h"

/* The payment kinds (service/receipts.c): money paid in. */
#define PAID_KINDS	"down_payment,installment,payoff,cod_collection," \
	"remittance_receipt,pau_charge,transfer,debt_payment"

static const struct {
	const char	*slug, *title, *desc;
} reports[REPORT__MAX] = {
	[REPORT_COLLECTED] = { "collected", NA_("Collected by method"),
	  NA_("Money paid in (down payments, installments, cash on delivery, "
	  "remittances, Pay After Use charges, transfers, debts paid), by "
	  "payment method.") },
	[REPORT_OUTSTANDING] = { "outstanding", NA_("Outstanding installment "
	  "balance"), NA_("What installment plans are owed at the end of "
	  "each period.") },
	[REPORT_OVERDUE] = { "overdue", NA_("Overdue by age"), NA_("What "
	  "active plans owe on installments past their due date today, by "
	  "days late.") },
	[REPORT_LATE_FEES] = { "late-fees", NA_("Late fees"), NA_("Late fees "
	  "charged on installments (INST-F1) and Pay After Use debts "
	  "(PAU-04).") },
	[REPORT_GUARANTEE] = { "guarantee", NA_("Guarantee payouts and "
	  "recoveries"), NA_("Pay After Use: what the guarantee fund paid "
	  "the merchant and what it recovered from buyers (PAU-04).") },
	[REPORT_REFUNDS] = { "refunds", NA_("Refunds due and sent"),
	  NA_("Refunds that fell due to buyers and refunds sent.") },
	[REPORT_REFUSALS] = { "cod-refusals", NA_("COD refusals"),
	  NA_("Parcels refused at delivery (COD-P6) and the refusal charges "
	  "(COD-F2).") },
};

/* See report.h. */
int
report_find(const char *slug)
{
	int k;

	for (k = 0; slug != NULL && k < REPORT__MAX; k++)
		if (strcmp(reports[k].slug, slug) == 0)
			return k;
	return -1;
}

/* See report.h. */
const char *
report_slug(enum report_kind k)
{
	return reports[k].slug;
}

/* See report.h. */
const char *
report_title(enum report_kind k)
{
	return reports[k].title;
}

/* The first day of the period holding d. */
static mp_date
period_start(enum report_period p, mp_date d)
{
	int y, m, day;

	if (p == REPORT_WEEK)
		return d - (mp_date_weekday(d) - 1);
	if (p == REPORT_MONTH && mp_date_to_ymd(d, &y, &m, &day) == 0 &&
	    mp_date_from_ymd(y, m, 1, &d) == 0)
		return d;
	return d;
}

/* The first day of the period after the one starting at s. */
static mp_date
period_next(enum report_period p, mp_date s)
{
	mp_date n = s + 1;

	if (p == REPORT_WEEK)
		n = s + 7;
	else if (p == REPORT_MONTH && mp_date_add_months(s, 1, &n) == -1)
		n = s + 31;
	return n;
}

/* How many periods of p from..to spans. */
static size_t
period_count(enum report_period p, mp_date from, mp_date to)
{
	size_t	n = 0;
	mp_date	s;

	for (s = period_start(p, from); s <= to && n <= REPORT_MAX_POINTS;
	    s = period_next(p, s))
		n++;
	return n;
}

/* Parse date text s into *d; NULL s gives dflt. Returns 0 or -1. */
static int
date_or(const char *s, mp_date dflt, mp_date *d)
{
	if (s == NULL || s[0] == '\0') {
		*d = dflt;
		return 0;
	}
	return mp_date_parse(s, strlen(s), d);
}

/* See report.h. */
int
report_range_parse(const char *period, const char *from, const char *to,
    const char *currency, mp_date today, struct report_range *out,
    const char **field, char *err, size_t errsz)
{
	static const char *const names[] = { "day", "week", "month" };
	static const int32_t	 back[] = { 29, 7 * 11, 0 };
	mp_date			 dflt;
	int			 p;

	memset(out, 0, sizeof(*out));
	for (p = 0; p < 3; p++)
		if (strcmp(period != NULL && period[0] ? period : "day",
		    names[p]) == 0)
			break;
	*field = "period";
	if (p == 3) {
		snprintf(err, errsz, "%s", A_("Period: choose day, week or "
		    "month."));
		return 1;
	}
	out->period = (enum report_period)p;
	if (p != REPORT_MONTH || mp_date_add_months(today, -11, &dflt) == -1)
		dflt = today - back[p];
	*field = "to";
	if (date_or(to, today, &out->to) == -1) {
		snprintf(err, errsz, "%s", A_("To: a date YYYY-MM-DD."));
		return 1;
	}
	*field = "from";
	if (date_or(from, period_start(out->period, dflt), &out->from) == -1) {
		snprintf(err, errsz, "%s", A_("From: a date YYYY-MM-DD."));
		return 1;
	}
	if (out->from > out->to) {
		snprintf(err, errsz, "%s", A_("From: on or before the end "
		    "date."));
		return 1;
	}
	if (period_count(out->period, out->from, out->to) >
	    REPORT_MAX_POINTS) {
		snprintf(err, errsz, p == REPORT_DAY ? A_("From: at most %d "
		    "days in one report; shorten the range or choose a longer "
		    "period.") : p == REPORT_WEEK ? A_("From: at most %d weeks "
		    "in one report; shorten the range or choose a longer "
		    "period.") : A_("From: at most %d months in one report; "
		    "shorten the range."), REPORT_MAX_POINTS);
		return 1;
	}
	*field = "currency";
	currency = currency != NULL && currency[0] ? currency : "USD";
	if (strlen(currency) != 3 || money_exponent(currency) < 0) {
		snprintf(err, errsz, "%s", A_("Currency: an ISO 4217 code such "
		    "as USD."));
		return 1;
	}
	for (p = 0; p < 3; p++)
		out->currency[p] = (char)toupper((unsigned char)currency[p]);
	*field = NULL;
	return 0;
}

/* The ledger's daily totals of a page's days, read once for all its
 * series (db_report_ledger_book). */
struct book {
	struct db_report_key_day	*rows;
	size_t				 n;
	int				 totals; /* day -1's rows in */
};

/* Where a report reads: the database, and the book when a page read one
 * (its series then sum the book's rows instead of a statement each). */
struct src {
	struct db		*db;
	const struct book	*book;
};

/* 1 when kind is in the comma-separated list (FIND_IN_SET; "" any). */
static int
kind_in(const char *list, const char *kind)
{
	size_t	len = strlen(kind);
	const char *p;

	if (list[0] == '\0')
		return 1;
	for (p = list; p != NULL; p = strchr(p, ',')) {
		if (*p == ',')
			p++;
		if (strncasecmp(p, kind, len) == 0 &&
		    (p[len] == ',' || p[len] == '\0'))
			return 1;
	}
	return 0;
}

/* The SQL LIKE pattern (% any run, _ any one character, no escape) as
 * an fnmatch(3) pattern into glob (2 * strlen + 1 bytes at most). */
static void
like_glob(const char *pattern, char *glob, size_t globsz)
{
	size_t i = 0;

	for (; *pattern != '\0' && i + 2 < globsz; pattern++) {
		if (*pattern == '%' || *pattern == '_') {
			glob[i++] = *pattern == '%' ? '*' : '?';
			continue;
		}
		if (strchr("*?[\\", *pattern) != NULL)
			glob[i++] = '\\';
		glob[i++] = *pattern;
	}
	glob[i] = '\0';
}

/* 1 when the book's row k is one q asks for, whatever its day: its
 * kind, sign, plan and account class (glob: q->account through
 * like_glob), as the statement's WHERE, the class's collation
 * case-insensitive. */
static int
book_match(const struct db_report_key_day *k, const struct db_report_query *q,
    const char *glob)
{
	return (q->sign == 0 || k->sign == q->sign) &&
	    (!q->plans_only || k->plan) && kind_in(q->kinds, k->kind) &&
	    fnmatch(glob, k->acct_class, FNM_CASEFOLD) == 0;
}

/* The rows of b that q asks for, summed per day (and method when
 * q->by_method), by day, into *out (free(3)) of *n: what
 * db_report_ledger_days answers, from the book. Returns 0 or -1. */
static int
book_days(const struct book *b, const struct db_report_query *q,
    struct db_report_day **out, size_t *n)
{
	const struct db_report_key_day	*k;
	struct db_report_day		*d = NULL;
	int64_t				 from, to;
	size_t				 i, j, first = 0;
	char				 glob[2 * 64 + 1];

	*n = 0;
	db_report_days_of(q, &from, &to);
	like_glob(q->account, glob, sizeof(glob));
	for (i = 0; i < b->n; i++) {
		k = &b->rows[i];
		if (k->day < from || k->day >= to || !book_match(k, q, glob))
			continue;
		if (*n > 0 && d[*n - 1].day != k->day)
			first = *n;
		for (j = first; j < *n; j++)
			if (!q->by_method || strcmp(d[j].method,
			    k->method) == 0)
				break;
		if (j == *n) {
			d = xrealloc(d, (*n + 1) * sizeof(*d));
			memset(&d[j], 0, sizeof(*d));
			d[j].day = k->day;
			if (q->by_method)
				snprintf(d[j].method, sizeof(d[j].method),
				    "%s", k->method);
			(*n)++;
		}
		d[j].sum += k->sum;
		d[j].entries += k->entries;
	}
	*out = d;
	return 0;
}

/* The balance q asks for over every day, into *out: from the book's
 * day -1 rows when it has them, or from the database. Returns 0 or -1. */
static int
src_total(const struct src *src, const struct db_report_query *q,
    int64_t *out)
{
	const struct book	*b = src->book;
	char			 glob[2 * 64 + 1];
	size_t			 i;

	if (b == NULL || !b->totals)
		return db_report_ledger_total(src->db, q, out);
	*out = 0;
	like_glob(q->account, glob, sizeof(glob));
	for (i = 0; i < b->n; i++)
		if (b->rows[i].day == -1 && book_match(&b->rows[i], q, glob))
			*out += b->rows[i].sum;
	return 0;
}

/* The days q asks for from the book, or from the database. */
static int
src_days(const struct src *src, const struct db_report_query *q,
    struct db_report_day **out, size_t *n)
{
	if (src->book != NULL)
		return book_days(src->book, q, out, n);
	return db_report_ledger_days(src->db, q, out, n);
}

/* The points of r into out: their labels, and each one's first day into
 * start[] (REPORT_MAX_POINTS + 1: the day after the last one ends it). */
static void
set_points(const struct report_range *r, struct report *out, mp_date *start)
{
	mp_date	s;
	char	d[CAL_DATE_STRLEN];

	out->n = 0;
	for (s = period_start(r->period, r->from); s <= r->to &&
	    out->n < REPORT_MAX_POINTS; s = period_next(r->period, s)) {
		start[out->n] = s;
		mp_date_str(s, d, sizeof(d));
		if (r->period == REPORT_MONTH)
			d[7] = '\0';
		snprintf(out->labels[out->n++], sizeof(out->labels[0]), "%s",
		    d);
	}
	start[out->n] = s;
}

/* The point of day d (start[] of set_points), or -1 outside them. */
static int
point_of(const struct report *rep, const mp_date *start, mp_date d)
{
	size_t i;

	for (i = 0; i < rep->n; i++)
		if (d >= start[i] && d < start[i + 1])
			return (int)i;
	return -1;
}

/* The series named name (a new one at the end when absent, or -1 when
 * there is no room). */
static int
series_of(struct report *rep, const char *name, int money)
{
	size_t i;

	for (i = 0; i < rep->ns; i++)
		if (strcmp(rep->s[i].name, name) == 0)
			return (int)i;
	if (rep->ns == REPORT_MAX_SERIES)
		return -1;
	snprintf(rep->s[rep->ns].name, sizeof(rep->s[0].name), "%s", name);
	rep->s[rep->ns].money = money;
	return (int)rep->ns++;
}

/* Add the day rows d[n] to series name (by method when name is NULL),
 * each sum times sign, or each row's count when counts. Days before the
 * first point add to it when balance (an opening balance). */
static int
add_days(struct report *rep, const mp_date *start,
    const struct db_report_day *d, size_t n, const char *name, int sign,
    int counts)
{
	size_t	i;
	int	p, s;

	for (i = 0; i < n; i++) {
		p = point_of(rep, start, d[i].day);
		if (p == -1 && rep->balance && d[i].day < start[0])
			p = 0;
		s = series_of(rep, name != NULL ? name :
		    d[i].method[0] != '\0' ? words_method(d[i].method) :
		    NA_("Company transfers"), !counts);
		if (s == -1)
			return -1;
		if (p != -1)
			rep->s[s].v[p] += counts ? d[i].entries :
			    d[i].sum * sign;
	}
	return 0;
}

/* Sum the ledger lines q asks for into series name (by method when
 * NULL), times sign. Returns 0 or -1. */
static int
ledger_series(const struct src *src, struct db_report_query *q,
    struct report *rep, const mp_date *start, const char *name, int sign)
{
	struct db_report_day	*d = NULL;
	size_t			 n = 0;
	int			 rc;

	if (name != NULL && series_of(rep, name, 1) == -1)
		return -1;
	if (src_days(src, q, &d, &n) == -1)
		return -1;
	rc = add_days(rep, start, d, n, name, sign, 0);
	free(d);
	return rc;
}

/* A balance series: the all-time total of the lines q asks for less
 * every day from the first point on is the opening balance, added to the
 * first point; the days of the points follow (report_build accumulates).
 * Its total and its days (from the first point to the last posted) come
 * from src: the book when the page read one. Returns 0 or -1. */
static int
balance_series(const struct src *src, struct db_report_query *q,
    struct report *rep, const mp_date *start, const char *name)
{
	struct db_report_day	*d = NULL;
	size_t			 n = 0, i;
	int64_t			 total, later = 0;
	int			 s, rc;

	if ((s = series_of(rep, name, 1)) == -1 ||
	    src_total(src, q, &total) == -1)
		return -1;
	q->to = INT64_MAX;
	if (src_days(src, q, &d, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		later += d[i].sum;
	rep->s[s].v[0] += total - later;
	rc = add_days(rep, start, d, n, name, 1, 0);
	free(d);
	return rc;
}

/* The ledger query of one series: kinds on accounts like account, sign
 * of the lines (1 debits, -1 credits). */
static void
query(struct db_report_query *q, const struct report_range *r,
    const mp_date *start, size_t n, const char *kinds, const char *account,
    int sign)
{
	memset(q, 0, sizeof(*q));
	q->kinds = kinds;
	q->account = account;
	q->currency = r->currency;
	q->sign = sign;
	q->from = mp_date_to_unix(start[0]);
	q->to = mp_date_to_unix(start[n]);
}

/* Overdue by age at now's day: three points, one series. */
static int
build_overdue(struct db *db, const struct report_range *r, int64_t now,
    struct report *out)
{
	static const char *const ages[] = { NA_("1-30 days"),
		NA_("31-60 days"), NA_("Over 60 days") };
	int64_t	owed[3], count[3];
	mp_date	today;
	char	d[CAL_DATE_STRLEN];
	size_t	i;

	if (mp_date_from_unix(now, &today) == -1 ||
	    db_report_overdue_ages(db, mp_date_str(today, d, sizeof(d)),
	    r->currency, owed, count) == -1)
		return -1;
	out->n = 3;
	out->ns = 2;
	out->nchart = 1;
	snprintf(out->s[0].name, sizeof(out->s[0].name), NA_("Owed"));
	snprintf(out->s[1].name, sizeof(out->s[1].name), NA_("Installments"));
	out->s[0].money = 1;
	for (i = 0; i < 3; i++) {
		snprintf(out->labels[i], sizeof(out->labels[0]), "%s", ages[i]);
		out->s[0].v[i] = owed[i];
		out->s[1].v[i] = count[i];
	}
	return 0;
}

/* The series of report kind k over the points start[0..n]. */
static int
build_series(const struct src *src, enum report_kind k,
    const struct report_range *r, const mp_date *start, struct report *out)
{
	struct db_report_query	 q;
	struct db_report_day	*d = NULL;
	size_t			 n = out->n, nd = 0;
	int			 rc;

	switch (k) {
	case REPORT_COLLECTED:
		query(&q, r, start, n, PAID_KINDS, "%:receivable", -1);
		q.by_method = 1;
		return ledger_series(src, &q, out, start, NULL, -1);
	case REPORT_OUTSTANDING:
		query(&q, r, start, n, "", "%:receivable", 0);
		q.plans_only = 1;
		return balance_series(src, &q, out, start, NA_("Outstanding"));
	case REPORT_LATE_FEES:
		query(&q, r, start, n, "late_fee", "%:receivable", 1);
		return ledger_series(src, &q, out, start, NA_("Late fees"), 1);
	case REPORT_GUARANTEE:
		query(&q, r, start, n, "guarantee_payout", LEDGER_GUARANTEE, -1);
		if (ledger_series(src, &q, out, start, NA_("Payouts"), -1) == -1)
			return -1;
		query(&q, r, start, n, "guarantee_recovery", LEDGER_GUARANTEE,
		    1);
		return ledger_series(src, &q, out, start, NA_("Recoveries"), 1);
	case REPORT_REFUNDS:
		query(&q, r, start, n, "refund_due", LEDGER_REFUNDS_PAYABLE, -1);
		if (ledger_series(src, &q, out, start, NA_("Due"), -1) == -1)
			return -1;
		query(&q, r, start, n, "refund_sent", LEDGER_REFUNDS_PAYABLE, 1);
		return ledger_series(src, &q, out, start, NA_("Sent"), 1);
	case REPORT_REFUSALS:
		series_of(out, NA_("Refusals"), 0);
		if (db_report_refusal_days(src->db, mp_date_to_unix(start[0]),
		    mp_date_to_unix(start[n]), &d, &nd) == -1)
			return -1;
		rc = add_days(out, start, d, nd, NA_("Refusals"), 1, 1);
		free(d);
		out->nchart = 1;
		query(&q, r, start, n, "refusal_charge", "%:receivable", 1);
		return rc == -1 ? -1 : ledger_series(src, &q, out, start,
		    NA_("Refusal charges"), 1);
	default:
		return -1;
	}
}

/* Report kind k over r at now into *out, reading from src. Returns 0 or
 * -1. */
static int
build(const struct src *src, enum report_kind k, const struct report_range *r,
    int64_t now, struct report *out)
{
	mp_date	start[REPORT_MAX_POINTS + 1];
	size_t	i, j;

	memset(out, 0, sizeof(*out));
	if ((unsigned)k >= REPORT__MAX)
		return -1;
	out->kind = k;
	out->slug = reports[k].slug;
	out->title = reports[k].title;
	out->desc = reports[k].desc;
	out->balance = k == REPORT_OUTSTANDING;
	snprintf(out->currency, sizeof(out->currency), "%s", r->currency);
	if (k == REPORT_OVERDUE) {
		if (build_overdue(src->db, r, now, out) == -1)
			return -1;
	} else {
		set_points(r, out, start);
		if (build_series(src, k, r, start, out) == -1)
			return -1;
	}
	if (out->nchart == 0)
		out->nchart = out->ns;
	for (j = 0; j < out->ns; j++)
		for (i = 0; i < out->n; i++) {
			if (out->balance && i > 0)
				out->s[j].v[i] += out->s[j].v[i - 1];
			out->s[j].total = out->balance ? out->s[j].v[i] :
			    out->s[j].total + out->s[j].v[i];
		}
	return 0;
}

/* See report.h. */
int
report_build(struct db *db, enum report_kind k, const struct report_range *r,
    int64_t now, struct report *out)
{
	struct src src = { db, NULL };

	return build(&src, k, r, now, out);
}

/* See report.h. The days from the first point on are read once. */
int
report_build_all(struct db *db, const struct report_range *r, int64_t now,
    struct report out[REPORT__MAX])
{
	struct book	book = { NULL, 0, 1 };
	struct src	src = { db, &book };
	int		k, rc = 0;

	if (db_report_ledger_book(db, r->currency, mp_date_to_unix(
	    period_start(r->period, r->from)) / 86400, 1, &book.rows,
	    &book.n) == -1)
		return -1;
	for (k = 0; k < REPORT__MAX && rc == 0; k++)
		rc = build(&src, (enum report_kind)k, r, now, &out[k]);
	free(book.rows);
	return rc;
}

/* The sum of one ledger series of kinds on account from..to (unix
 * seconds) times sign, into *out, from src. */
static int
ledger_sum(const struct src *src, const char *currency, const char *kinds,
    const char *account, int sign, int64_t from, int64_t to, int64_t *out)
{
	struct db_report_query	 q = { kinds, account, currency, sign, 0, 0,
				    from, to };
	struct db_report_day	*d = NULL;
	size_t			 n = 0, i;

	*out = 0;
	if (src_days(src, &q, &d, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		*out += d[i].sum * (sign != 0 ? sign : 1);
	free(d);
	return 0;
}

/* See report.h. The month's days and the totals are read once. */
int
report_key_figures(struct db *db, const char *currency, int64_t now,
    struct report_key_figures *out)
{
	struct db_report_query	 outstanding = { "", "%:receivable", currency,
				    0, 1, 0, 0, 0 };
	struct db_report_query	 refunds = { "", LEDGER_REFUNDS_PAYABLE,
				    currency, 0, 0, 0, 0, 0 };
	struct book		 book = { NULL, 0, 1 };
	struct src		 src = { db, &book };
	mp_date			 today;
	int64_t			 day0, month0, owed[3], count[3], end = now + 1;
	char			 d[CAL_DATE_STRLEN];
	int			 rc;

	memset(out, 0, sizeof(*out));
	if (mp_date_from_unix(now, &today) == -1)
		return -1;
	day0 = mp_date_to_unix(today);
	month0 = mp_date_to_unix(period_start(REPORT_MONTH, today));
	if (db_report_ledger_book(db, currency, month0 / 86400, 1, &book.rows,
	    &book.n) == -1)
		return -1;
	rc = ledger_sum(&src, currency, PAID_KINDS, "%:receivable", -1, day0,
	    end, &out->collected_today) == -1 ||
	    ledger_sum(&src, currency, PAID_KINDS, "%:receivable", -1, month0,
	    end, &out->collected_month) == -1 ||
	    src_total(&src, &outstanding, &out->outstanding) == -1 ||
	    src_total(&src, &refunds, &out->refunds_open) == -1 ||
	    ledger_sum(&src, currency, "guarantee_payout", LEDGER_GUARANTEE,
	    -1, month0, end, &out->guarantee_month) == -1 ||
	    db_report_overdue_ages(db, mp_date_str(today, d, sizeof(d)),
	    currency, owed, count) == -1 ? -1 : 0;
	free(book.rows);
	if (rc == -1)
		return -1;
	out->refunds_open = -out->refunds_open;	/* a liability: credits */
	out->overdue = owed[0] + owed[1] + owed[2];
	return 0;
}

/* See report.h. */
int
report_sla_breaches(struct db *db, int64_t now, struct report_breach *out,
    size_t max, size_t *n)
{
	struct queue_figures	f[QUEUE_MAX];
	int			want[QUEUE_MAX] = { 0 };
	size_t			i;

	*n = 0;
	for (i = 0; i < queue_table_n; i++)
		want[i] = 1;
	queue_figures(db, now, want, f);
	for (i = 0; i < queue_table_n && *n < max; i++) {
		if (!f[i].ok || f[i].st.overdue <= 0)
			continue;
		out[*n].title = queue_table[i].title;
		out[*n].path = queue_table[i].path;
		out[*n].promise = queue_table[i].promise;
		out[*n].overdue = f[i].st.overdue;
		(*n)++;
	}
	return 0;
}
