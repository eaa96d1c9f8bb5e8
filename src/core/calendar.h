#ifndef MALLPAY_CORE_CALENDAR_H
#define MALLPAY_CORE_CALENDAR_H

/*
 * Calendar dates (RULES C-04, INST-M4): a date is the number of days since
 * 1970-01-01 in the proleptic Gregorian calendar. Supported range: years
 * 1 to 9999 (CAL_DATE_MIN..CAL_DATE_MAX); functions that would leave it
 * return -1.
 */

#include <stddef.h>
#include <stdint.h>

typedef int32_t mp_date;

/* 0001-01-01 and 9999-12-31 as mp_date. */
#define CAL_DATE_MIN	(-719162)
#define CAL_DATE_MAX	2932896

/* "YYYY-MM-DD" plus the NUL. */
#define CAL_DATE_STRLEN	11

enum cal_weekday {
	CAL_MON = 1, CAL_TUE, CAL_WED, CAL_THU, CAL_FRI, CAL_SAT, CAL_SUN
};

/* 1 if y-m-d is a real date within years 1..9999, else 0. */
int	cal_valid_ymd(int y, int m, int d);

/* 1 for a leap year, else 0. */
int	cal_is_leap(int y);

/* Days in month m (1..12) of year y; 0 if m is out of range. */
int	cal_days_in_month(int y, int m);

/* *out = the date y-m-d. Returns -1 if it is not a valid date. */
int	mp_date_from_ymd(int y, int m, int d, mp_date *out);

/* Split d into year, month, day (any pointer may be NULL).
 * Returns -1 if d is outside CAL_DATE_MIN..CAL_DATE_MAX. */
int	mp_date_to_ymd(mp_date d, int *y, int *m, int *day);

/* Parse exactly "YYYY-MM-DD" (10 bytes, digits and dashes, a real date)
 * from buf/len. Returns -1 on anything else. */
int	mp_date_parse(const char *buf, size_t len, mp_date *out);

/* Write "YYYY-MM-DD" into out (at least CAL_DATE_STRLEN bytes) and return
 * out; a date out of range gives "invalid". */
char	*mp_date_str(mp_date d, char *out, size_t outsz);

/* The UTC calendar date of a Unix timestamp (seconds, may be negative).
 * Returns -1 if out of range. */
int	mp_date_from_unix(int64_t t, mp_date *out);

/* Unix timestamp of 00:00:00 UTC on d. */
int64_t	mp_date_to_unix(mp_date d);

/* ISO weekday of d: 1 = Monday .. 7 = Sunday. */
int	mp_date_weekday(mp_date d);

/* *out = d + n calendar days (n may be negative). Returns -1 if out of
 * range. */
int	mp_date_add_days(mp_date d, int32_t n, mp_date *out);

/* 1 if d is a business day: Monday-Friday and not in holidays
 * (sorted ascending, nholidays entries; NULL allowed when 0). */
int	mp_date_is_business_day(mp_date d, const mp_date *holidays,
	    size_t nholidays);

/* *out = the n-th business day after d (n >= 0; n == 0 gives d itself,
 * even if d is not a business day). holidays as above, sorted ascending.
 * Returns -1 if n < 0 or the result leaves the range. */
int	mp_date_add_business_days(mp_date d, int32_t n,
	    const mp_date *holidays, size_t nholidays, mp_date *out);

/* Number of business days in (from, to]: the days after from up to and
 * including to. Negative (the count of (to, from], negated) if to < from. */
int32_t	mp_date_business_days_between(mp_date from, mp_date to,
	    const mp_date *holidays, size_t nholidays);

/* *out = d + n months, the day clamped to the target month's last day
 * (2026-01-31 + 1 month = 2026-02-28). n may be negative. Returns -1 if
 * out of range. */
int	mp_date_add_months(mp_date d, int32_t n, mp_date *out);

/* Due date i (i >= 1) of a monthly plan started on start (INST-M4):
 * start + i months with the day clamped, always computed from the start
 * so that 31 Jan -> 28 Feb -> 31 Mar. Same as mp_date_add_months(start,
 * i, out); returns -1 if i < 0 or out of range. */
int	mp_date_plan_due(mp_date start, int32_t i, mp_date *out);

#endif
