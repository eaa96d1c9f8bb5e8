/*
 * Calendar dates as days since 1970-01-01 (RULES C-04, INST-M4).
 * The civil-date conversions are Howard Hinnant's days_from_civil and
 * civil_from_days algorithms (public domain), exact for the proleptic
 * Gregorian calendar.
 */

#include <stdio.h>

#include "core/calendar.h"

/* 1 if y is a Gregorian leap year. */
int
cal_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y, 0 for a bad month. */
int
cal_days_in_month(int y, int m)
{
	static const int dim[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && cal_is_leap(y))
		return 29;
	return dim[m - 1];
}

/* 1 if y-m-d is a date in years 1..9999. */
int
cal_valid_ymd(int y, int m, int d)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12)
		return 0;
	return d >= 1 && d <= cal_days_in_month(y, m);
}

/* Days since the epoch of a valid y-m-d (no checks). */
static int32_t
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Date of y-m-d; -1 if invalid. */
int
mp_date_from_ymd(int y, int m, int d, mp_date *out)
{
	if (!cal_valid_ymd(y, m, d))
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

/* Year, month, day of d; -1 out of range. */
int
mp_date_to_ymd(mp_date d, int *y, int *m, int *day)
{
	int32_t z, era, doe, yoe, yy, doy, mp, dd, mm;

	if (d < CAL_DATE_MIN || d > CAL_DATE_MAX)
		return -1;
	z = d + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dd = doy - (153 * mp + 2) / 5 + 1;
	mm = mp < 10 ? mp + 3 : mp - 9;
	if (y != NULL)
		*y = yy + (mm <= 2);
	if (m != NULL)
		*m = mm;
	if (day != NULL)
		*day = dd;
	return 0;
}

/* Value of n ASCII digits at s, or -1 if any is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Strict "YYYY-MM-DD" parser; -1 on anything else. */
int
mp_date_parse(const char *buf, size_t len, mp_date *out)
{
	int y, m, d;

	if (buf == NULL || len != 10 || buf[4] != '-' || buf[7] != '-')
		return -1;
	if ((y = digits(buf, 4)) < 0 || (m = digits(buf + 5, 2)) < 0 ||
	    (d = digits(buf + 8, 2)) < 0)
		return -1;
	return mp_date_from_ymd(y, m, d, out);
}

/* "YYYY-MM-DD" of d into out. */
char *
mp_date_str(mp_date d, char *out, size_t outsz)
{
	int y, m, dd;

	if (out == NULL || outsz == 0)
		return out;
	if (mp_date_to_ymd(d, &y, &m, &dd) == -1)
		snprintf(out, outsz, "invalid");
	else
		snprintf(out, outsz, "%04d-%02d-%02d", y, m, dd);
	return out;
}

/* UTC date of a Unix timestamp; floor division so that negative times
 * before midnight fall on the previous day. */
int
mp_date_from_unix(int64_t t, mp_date *out)
{
	int64_t days = t / 86400;

	if (t % 86400 < 0)
		days--;
	if (days < CAL_DATE_MIN || days > CAL_DATE_MAX)
		return -1;
	*out = (mp_date)days;
	return 0;
}

/* Midnight UTC of d as a Unix timestamp. */
int64_t
mp_date_to_unix(mp_date d)
{
	return (int64_t)d * 86400;
}

/* ISO weekday; 1970-01-01 was a Thursday (4). */
int
mp_date_weekday(mp_date d)
{
	int32_t w = (d + 3) % 7;	/* 0 = Monday */

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

/* d + n days within the supported range. */
int
mp_date_add_days(mp_date d, int32_t n, mp_date *out)
{
	int64_t r = (int64_t)d + n;

	if (r < CAL_DATE_MIN || r > CAL_DATE_MAX)
		return -1;
	*out = (mp_date)r;
	return 0;
}

/* Binary search of a sorted holiday list. */
static int
is_holiday(mp_date d, const mp_date *h, size_t n)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (h[mid] == d)
			return 1;
		if (h[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Monday-Friday and not a holiday (C-04). */
int
mp_date_is_business_day(mp_date d, const mp_date *holidays, size_t n)
{
	if (mp_date_weekday(d) > CAL_FRI)
		return 0;
	return holidays == NULL || n == 0 ? 1 : !is_holiday(d, holidays, n);
}

/* The n-th business day after d (C-04). */
int
mp_date_add_business_days(mp_date d, int32_t n, const mp_date *holidays,
    size_t nholidays, mp_date *out)
{
	mp_date cur = d;

	if (n < 0)
		return -1;
	/* Walk day by day: holidays make a closed form error-prone, and
	 * deadlines are a few weeks at most. */
	while (n > 0) {
		if (mp_date_add_days(cur, 1, &cur) == -1)
			return -1;
		if (mp_date_is_business_day(cur, holidays, nholidays))
			n--;
	}
	*out = cur;
	return 0;
}

/* Business days in (from, to], negative when to < from (C-04). */
int32_t
mp_date_business_days_between(mp_date from, mp_date to,
    const mp_date *holidays, size_t nholidays)
{
	mp_date lo = from < to ? from : to, hi = from < to ? to : from, d;
	int32_t weeks, count = 0;

	/* Whole weeks contribute 5 weekdays each; the rest day by day. */
	weeks = (hi - lo) / 7;
	count = weeks * 5;
	for (d = lo + weeks * 7 + 1; d <= hi; d++)
		if (mp_date_weekday(d) <= CAL_FRI)
			count++;
	/* Holidays on weekdays inside (lo, hi] are not business days. */
	if (holidays != NULL) {
		size_t i;

		for (i = 0; i < nholidays; i++) {
			/* A duplicated holiday must be subtracted once. */
			if (i > 0 && holidays[i] == holidays[i - 1])
				continue;
			if (holidays[i] > lo && holidays[i] <= hi &&
			    mp_date_weekday(holidays[i]) <= CAL_FRI)
				count--;
		}
	}
	return from <= to ? count : -count;
}

/* d + n months, day clamped to the month's end (INST-M4). */
int
mp_date_add_months(mp_date d, int32_t n, mp_date *out)
{
	int y, m, dd, dim;
	int64_t mi;

	if (mp_date_to_ymd(d, &y, &m, &dd) == -1)
		return -1;
	mi = (int64_t)y * 12 + (m - 1) + n;
	if (mi < 12 || mi > 9999LL * 12 + 11)
		return -1;
	y = (int)(mi / 12);
	m = (int)(mi % 12) + 1;
	dim = cal_days_in_month(y, m);
	if (dd > dim)
		dd = dim;
	return mp_date_from_ymd(y, m, dd, out);
}

/* Due date i of a plan: always from the start, never chained (INST-M4). */
int
mp_date_plan_due(mp_date start, int32_t i, mp_date *out)
{
	if (i < 0)
		return -1;
	return mp_date_add_months(start, i, out);
}
