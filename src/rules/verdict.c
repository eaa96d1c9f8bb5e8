/*
 * Explainable verdicts (RULES C-06): collect every failing rule of a
 * method, with its id, a sentence and the figures.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/i18n.h"
#include "core/money.h"
#include "rules/verdict.h"

/*
 * Reset v to an eligible verdict of method m for institution inst (NULL or
 * "" for none; truncated to VERDICT_ID_MAX - 1 bytes). Never fails.
 */
void
verdict_init(struct verdict *v, enum pay_method m, const char *inst)
{
	memset(v, 0, sizeof(*v));
	v->method = m;
	v->eligible = 1;
	if (inst != NULL)
		snprintf(v->institution, sizeof(v->institution), "%s", inst);
}

/* End s, cut by snprintf at its size, before a character cut in two. */
static void
utf8_cut(char *s)
{
	size_t n = strlen(s), k = n;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	/* s[k - 1] starts the last character: keep it if it is whole. */
	if (k > 0 && ((unsigned char)s[k - 1] & 0x80) != 0) {
		unsigned char c = (unsigned char)s[k - 1];
		size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;

		if (n - (k - 1) < len)
			s[k - 1] = '\0';
	}
}

/*
 * Append a reason for rule with the message "RULE: " + fmt(ap), fmt
 * translated into the thread's language (the rule id and the figures
 * stay as they are; the callers' sentences are extracted by xgettext's
 * verdict_fail* keywords, scripts/po.sh). Clears
 * eligible even when the array is full (then sets truncated and returns
 * NULL), so a verdict never reads eligible with a failing rule.
 */
static struct reason * __attribute__((format(printf, 3, 0)))
verdict_vfail(struct verdict *v, const char *rule, const char *fmt,
    va_list ap)
{
	struct reason	*r;
	int		 n;

	v->eligible = 0;
	if (v->nreasons >= VERDICT_MAX_REASONS) {
		v->truncated = 1;
		return NULL;
	}
	r = &v->reasons[v->nreasons++];
	memset(r, 0, sizeof(*r));
	snprintf(r->rule, sizeof(r->rule), "%s", rule);
	n = snprintf(r->message, sizeof(r->message), "%s: ", rule);
	if (n > 0 && (size_t)n < sizeof(r->message) &&
	    vsnprintf(r->message + n, sizeof(r->message) - n, _(fmt),
	    ap) >= (int)(sizeof(r->message) - n))
		utf8_cut(r->message);
	r->fig = FIG_NONE;
	return r;
}

/* r = verdict_vfail(v, rule, fmt, ...) over the variadic arguments of the
 * function it stands in, which follow fmt. */
#define VFAIL(r, v, rule, fmt) do {					\
	va_list	ap_;							\
									\
	va_start(ap_, fmt);						\
	(r) = verdict_vfail((v), (rule), (fmt), ap_);			\
	va_end(ap_);							\
} while (0)

/*
 * Record rule as failing with a printf-style sentence and no figures.
 * Returns the reason, or NULL if the verdict is full (truncated is set).
 */
struct reason *
verdict_fail(struct verdict *v, const char *rule, const char *fmt, ...)
{
	struct reason	*r;

	VFAIL(r, v, rule, fmt);
	return r;
}

/*
 * As verdict_fail(), keeping amount and limit (copied) as the figures.
 */
struct reason *
verdict_fail_money(struct verdict *v, const char *rule,
    const struct money *amount, const struct money *limit,
    const char *fmt, ...)
{
	struct reason	*r;

	VFAIL(r, v, rule, fmt);
	if (r != NULL) {
		r->fig = FIG_MONEY;
		r->amount = *amount;
		r->limit = *limit;
	}
	return r;
}

/*
 * As verdict_fail(), keeping value and limit as integer figures.
 */
struct reason *
verdict_fail_count(struct verdict *v, const char *rule, int64_t value,
    int64_t limit, const char *fmt, ...)
{
	struct reason	*r;

	VFAIL(r, v, rule, fmt);
	if (r != NULL) {
		r->fig = FIG_COUNT;
		r->value = value;
		r->limit_count = limit;
	}
	return r;
}

/*
 * As verdict_fail(), keeping date as the figure.
 */
struct reason *
verdict_fail_date(struct verdict *v, const char *rule, mp_date date,
    const char *fmt, ...)
{
	struct reason	*r;

	VFAIL(r, v, rule, fmt);
	if (r != NULL) {
		r->fig = FIG_DATE;
		r->date = date;
	}
	return r;
}

/*
 * As verdict_fail(), keeping the number of offending items as the figure.
 */
struct reason *
verdict_fail_items(struct verdict *v, const char *rule, size_t nitems,
    const char *fmt, ...)
{
	struct reason	*r;

	VFAIL(r, v, rule, fmt);
	if (r != NULL) {
		r->fig = FIG_ITEMS;
		r->value = (int64_t)nitems;
	}
	return r;
}

/*
 * The first reason of v naming rule exactly, or NULL.
 */
const struct reason *
verdict_find(const struct verdict *v, const char *rule)
{
	size_t	 i;

	for (i = 0; i < v->nreasons; i++)
		if (strcmp(v->reasons[i].rule, rule) == 0)
			return &v->reasons[i];
	return NULL;
}

/*
 * Empty list, no memory held.
 */
void
verdict_list_init(struct verdict_list *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

/*
 * Free the verdicts of l and leave it empty; NULL is fine.
 */
void
verdict_list_cleanup(struct verdict_list *l)
{
	if (l == NULL)
		return;
	free(l->v);
	verdict_list_init(l);
}

/*
 * Append a fresh verdict (verdict_init) to l; the pointer is valid until
 * the next append. Aborts on out-of-memory (xrealloc).
 */
struct verdict *
verdict_list_add(struct verdict_list *l, enum pay_method m, const char *inst)
{
	struct verdict	*v;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	v = &l->v[l->n++];
	verdict_init(v, m, inst);
	return v;
}

/*
 * "USD 1,234.50" for m, written into out (outsz bytes, MONEY_STR_MAX is
 * enough); returns out.
 */
const char *
verdict_money(const struct money *m, char *out, size_t outsz)
{
	return money_display(m, out, outsz);
}
