#ifndef MALLPAY_RULES_PLAN_H
#define MALLPAY_RULES_PLAN_H

/*
 * The arithmetic of an installment plan (RULES INST-M1..M4), its late fee
 * (INST-F1) and its early-repayment quote (INST-F3). Pure functions: the
 * date of a quote or of a late fee is an argument (C-05).
 */

#include <stddef.h>

#include "core/calendar.h"
#include "core/fee_mode.h"
#include "core/money.h"

/* Longest plan accepted (months). */
#define PLAN_MAX_MONTHS		60

/* The default late-fee rate of INST-F1 per calendar day, as a percentage. */
#define PLAN_LATE_FEE_PERCENT	"0.05"

struct plan_installment {
	int		 seq;		/* 1..n */
	mp_date		 due;		/* INST-M4 */
	struct money	 principal;	/* INST-M2 */
	struct money	 fee;		/* INST-M3 */
	struct money	 total;		/* principal + fee */
};

struct plan {
	struct money		 principal;	/* P, > 0 */
	int			 n;		/* 1..PLAN_MAX_MONTHS */
	struct money_rate	 monthly_rate;	/* r as a fraction: 0.008 */
	enum plan_fee_mode	 fee_mode;
	mp_date			 start;
	struct money		 monthly_fee;	/* round(P x r), INST-M1 */
	struct money		 total_fee;	/* n x monthly_fee */
	struct money		 total_cost;	/* P + total_fee */
	struct plan_installment	 inst[PLAN_MAX_MONTHS];
};

/* Parse "spread" or "upfront" from buf/len; -1 on anything else. */
int	plan_fee_mode_parse(const char *buf, size_t len,
	    enum plan_fee_mode *out);

/* "spread" or "upfront". */
const char *plan_fee_mode_str(enum plan_fee_mode mode);

/* Build the plan of principal P over n months at monthly rate r (a
 * fraction, e.g. money_rate_parse_percent("0.80")), started on start,
 * into *out (caller-owned). Returns -1 with a message in err (may be
 * NULL) when P <= 0, the currency is unknown, n is outside
 * 1..PLAN_MAX_MONTHS, a due date is out of range, or an amount overflows. */
int	plan_build(const struct money *principal, int n,
	    const struct money_rate *monthly_rate, enum plan_fee_mode mode,
	    mp_date start, struct plan *out, char *err, size_t errsz);

/* Days of lateness for an installment due on due and paid (or still
 * unpaid) on paid_or_now (INST-F1): the calendar days from the day after
 * the due date up to and including paid_or_now; 0 if not late. */
int32_t	plan_late_days(mp_date due, mp_date paid_or_now);

/* Late fee of INST-F1: overdue x daily_rate x plan_late_days(), rounded
 * once, half away from zero, to the minor unit (the daily rate is a
 * fraction: money_rate_parse_percent(PLAN_LATE_FEE_PERCENT)). Returns -1
 * on a negative overdue amount, a bad rate or overflow. */
int	plan_late_fee(const struct money *overdue, mp_date due,
	    mp_date paid_or_now, const struct money_rate *daily_rate,
	    struct money *out);

/* An early-repayment quote (INST-F3). */
struct plan_quote {
	mp_date		 at;			/* date of the settlement */
	int		 paid;			/* installments 1..paid paid */
	struct money	 principal_remaining;	/* principal not yet paid */
	struct money	 fee_due;		/* fees still to pay */
	struct money	 fee_waived;		/* fees of months not begun */
	struct money	 fee_credit;		/* waived fees already paid
						   (upfront mode): set off */
	struct money	 total;			/* principal_remaining +
						   fee_due - fee_credit */
	int		 nwaived;
	int		 waived[PLAN_MAX_MONTHS];	/* months (installment
							   numbers) waived */
	int		 next_month;		/* the first month waived (0:
						   none) ... */
	mp_date		 next_begins;		/* ... begins on this day: from
						   then its fee is due too */
};

/* The first day of month i (1..p->n) of plan p into *out (INST-F3): the
 * plan's months are counted from its start by INST-M4, month 1 beginning
 * on the start and month i on INST-M4's date i-1 (p->inst[i-2].due), for
 * every plan. Which installment falls on that day depends on the
 * schedule: where the first installment is paid at confirmation (card and
 * partner plans, INST-P1) installment i is due on the first day of month
 * i; otherwise (the credit line, corporate plans) installment i is due on
 * the first day of month i+1, i.e. at the end of month i. Returns 0, or -1
 * when i is out of range. */
int	plan_month_begins(const struct plan *p, int i, mp_date *out);

/* Quote settling plan p on date at, installments 1..paid already paid
 * in full. Month i runs from plan_month_begins(i) up to the day before
 * month i+1 begins; it has begun once at >= its first day, so on the day a
 * month begins its fee is due (and on every later day); on the day
 * before, it is waived. The fees of begun months are due; the fees of
 * months not yet begun are waived when waives_future_fees, else due as
 * well; next_month/next_begins say when the next waived fee falls due.
 * Late fees are not included.
 * Returns -1 if paid is outside 0..p->n or on overflow. */
int	plan_quote_early(const struct plan *p, int paid, mp_date at,
	    int waives_future_fees, struct plan_quote *out);

#endif
