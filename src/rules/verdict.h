#ifndef MALLPAY_RULES_VERDICT_H
#define MALLPAY_RULES_VERDICT_H

/*
 * Explainable verdicts (RULES C-06): checking one payment method (and,
 * for the installment kinds, one institution) gives an eligible flag and
 * EVERY failing rule, each with its rule id, a plain English sentence with
 * the figures ("INST-05: the amount to pay, USD 420.00, is below the
 * installment minimum of USD 500.00") and the figures as fields for
 * templates and JSON.
 *
 * A struct verdict is fixed-size (no heap): reasons beyond
 * VERDICT_MAX_REASONS are dropped and `truncated` is set. A struct
 * verdict_list is a heap array of verdicts (_init/_cleanup).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/money.h"
#include "core/pay_method.h"

#define VERDICT_MAX_REASONS	24
#define VERDICT_RULE_MAX	16
#define VERDICT_MSG_MAX		1024	/* the longest translation, figures in */
#define VERDICT_ID_MAX		64

/* What the figures of a reason are. */
enum reason_fig {
	FIG_NONE = 0,	/* a plain condition ("not real-name verified") */
	FIG_MONEY,	/* amount vs limit, both of one currency */
	FIG_COUNT,	/* value vs limit as integers (score, days, orders) */
	FIG_DATE,	/* a date (expiry, suspended until) */
	FIG_ITEMS	/* value = how many items of the order fail */
};

struct reason {
	char		 rule[VERDICT_RULE_MAX];	/* "INST-05" */
	char		 message[VERDICT_MSG_MAX];	/* starts with rule */
	enum reason_fig	 fig;
	struct money	 amount;	/* FIG_MONEY: the figure checked */
	struct money	 limit;		/* FIG_MONEY: the limit */
	int64_t		 value;		/* FIG_COUNT, FIG_ITEMS */
	int64_t		 limit_count;	/* FIG_COUNT */
	mp_date		 date;		/* FIG_DATE */
};

struct verdict {
	enum pay_method	 method;
	char		 institution[VERDICT_ID_MAX];	/* "" if none */
	int		 eligible;	/* 1 iff nreasons == 0 */
	size_t		 nreasons;
	int		 truncated;	/* more reasons than fit */
	struct reason	 reasons[VERDICT_MAX_REASONS];

	/* Figures for the page and JSON (has_* says which are set). */
	int		 has_amount;
	struct money	 amount;	/* C-03 amount to pay, order currency */
	struct money	 amount_usd;	/* C-02 its USD equivalent */
	int		 has_limit;
	struct money	 limit_usd;	/* the method's USD limit or minimum */
	int		 has_fee;
	struct money	 fee;		/* COD-F1 service fee, order currency */
	int		 has_available;
	struct money	 available_usd;	/* INST-CL available credit */
	int		 has_until;
	mp_date		 until;		/* COD-F2 suspended until */
	int		 terms[16];	/* installment terms offered */
	size_t		 nterms;
};

struct verdict_list {
	struct verdict	*v;
	size_t		 n;
	size_t		 cap;
};

/* Prepare v for method m and institution inst (NULL or "" for none):
 * eligible, no reasons, no figures. */
void	verdict_init(struct verdict *v, enum pay_method m, const char *inst);

/* Record a failing rule with a message formatted from fmt (the message is
 * prefixed with "RULE: "), no figures. Clears eligible. Returns the reason
 * (NULL when the array is full: truncated is then set) so the caller can
 * add figures. */
struct reason *verdict_fail(struct verdict *v, const char *rule,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* As verdict_fail() with money figures amount and limit (one currency). */
struct reason *verdict_fail_money(struct verdict *v, const char *rule,
	    const struct money *amount, const struct money *limit,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* As verdict_fail() with integer figures value and limit. */
struct reason *verdict_fail_count(struct verdict *v, const char *rule,
	    int64_t value, int64_t limit, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));

/* As verdict_fail() with a date figure. */
struct reason *verdict_fail_date(struct verdict *v, const char *rule,
	    mp_date date, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* As verdict_fail() with the number of offending items as the figure. */
struct reason *verdict_fail_items(struct verdict *v, const char *rule,
	    size_t nitems, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* The reason for rule id in v, or NULL if that rule did not fail. */
const struct reason *verdict_find(const struct verdict *v, const char *rule);

/* An empty list. */
void	verdict_list_init(struct verdict_list *l);
/* Free the list's memory and leave it empty; takes NULL. */
void	verdict_list_cleanup(struct verdict_list *l);
/* Append a verdict initialised by verdict_init(v, m, inst) and return it
 * (owned by the list, valid until the next append). Aborts on OOM. */
struct verdict *verdict_list_add(struct verdict_list *l, enum pay_method m,
	    const char *inst);

/* Write "USD 1,234.50" for m into out (MONEY_STR_MAX bytes); returns out.
 * Convenience for the rule messages. */
const char *verdict_money(const struct money *m, char *out, size_t outsz);

#endif
