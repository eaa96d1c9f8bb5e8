/*
 * Reconciliation with the partners, the pure part (see recon.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules/recon.h"

static const char *const diff_names[RECON_DIFF__MAX] = {
	"not_recorded", "not_charged", "amount_differs", "awaiting_statement"
};

static const char *const diff_words[RECON_DIFF__MAX] = {
	"Moved by the partner, missing from our ledger",
	"In our ledger, never moved by the partner",
	"Amounts differ",
	"In our ledger, awaiting the partner's statement (in transit)"
};

/* See recon.h. */
const char *
recon_diff_name(enum recon_diff_kind k)
{
	return (unsigned)k < RECON_DIFF__MAX ? diff_names[k] : NULL;
}

/* See recon.h. */
const char *
recon_diff_words(enum recon_diff_kind k)
{
	return (unsigned)k < RECON_DIFF__MAX ? diff_words[k] : NULL;
}

/* See recon.h. */
int
recon_diff_parse(const char *name)
{
	int i;

	for (i = 0; i < RECON_DIFF__MAX; i++)
		if (strcmp(diff_names[i], name) == 0)
			return i;
	return -1;
}

/* One item of either side while matching. */
struct side_item {
	const struct recon_item	*it;
	int			 ledger;	/* 0 partner, 1 ledger */
};

/* qsort order: reference, then currency. */
static int
side_cmp(const void *a, const void *b)
{
	const struct recon_item *x = ((const struct side_item *)a)->it;
	const struct recon_item *y = ((const struct side_item *)b)->it;
	int c = strcmp(x->reference, y->reference);

	return c != 0 ? c : strcmp(x->currency, y->currency);
}

/* 1 if the excess of the ledger over the partner in group v[0..n) is in
 * transit on day (window > 0): exactly the sum of the group's ledger
 * items dated in (day - window, day], or one of them. */
static int
in_transit(mp_date day, int window, const struct side_item *v, size_t n,
    int64_t excess)
{
	int64_t recent = 0;
	size_t i;
	int one = 0;

	if (window <= 0 || excess <= 0)
		return 0;
	for (i = 0; i < n; i++)
		if (v[i].ledger && v[i].it->day > day - window &&
		    v[i].it->day <= day) {
			recent += v[i].it->amount;
			one |= v[i].it->amount == excess;
		}
	return recent == excess || one;
}

/* The newest ledger item's day of group v[0..n) (INT32_MIN: none). */
static mp_date
newest_ledger(const struct side_item *v, size_t n)
{
	mp_date newest = INT32_MIN;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i].ledger && v[i].it->day > newest)
			newest = v[i].it->day;
	return newest;
}

/* Judge the group v[0..n) (one reference and currency) on day with an
 * in-transit window of window days (0 none): a difference (or an amount
 * awaiting the report) into *d returns 1, a match 0. */
static int
judge(mp_date day, int window, const struct side_item *v, size_t n,
    struct recon_diff *d)
{
	int64_t sum[2] = { 0, 0 };
	size_t cnt[2] = { 0, 0 }, i;
	int ours = 0, awaiting;

	for (i = 0; i < n; i++) {
		sum[v[i].ledger] += v[i].it->amount;
		cnt[v[i].ledger]++;
		if (v[i].it->day == day)
			ours = 1;
	}
	/* The window of the group's newest ledger amount ended today. */
	if (window > 0 && newest_ledger(v, n) == day - window)
		ours = 1;
	awaiting = in_transit(day, window, v, n, sum[1] - sum[0]);
	if ((!ours && !awaiting) || sum[0] == sum[1])
		return 0;
	memset(d, 0, sizeof(*d));
	d->kind = awaiting ? RECON_AWAITING : cnt[1] == 0 ?
	    RECON_NOT_RECORDED : cnt[0] == 0 ? RECON_NOT_CHARGED :
	    RECON_AMOUNT_DIFFERS;
	memcpy(d->reference, v[0].it->reference, sizeof(d->reference));
	memcpy(d->currency, v[0].it->currency, sizeof(d->currency));
	d->partner_amount = sum[0];
	d->ledger_amount = sum[1];
	return 1;
}

/* See recon.h. */
int
recon_match(mp_date day, const struct recon_item *rep, size_t nr,
    const struct recon_item *led, size_t nl, struct recon_diff **out,
    size_t *nout)
{
	return recon_match_window(day, 0, rep, nr, led, nl, out, nout);
}

/* See recon.h. */
int
recon_match_window(mp_date day, int window, const struct recon_item *rep,
    size_t nr, const struct recon_item *led, size_t nl,
    struct recon_diff **out, size_t *nout)
{
	struct side_item *v;
	struct recon_diff *d = NULL;
	size_t i, j, n = nr + nl, nd = 0;

	*out = NULL;
	*nout = 0;
	if (n == 0)
		return 0;
	if ((v = calloc(n, sizeof(*v))) == NULL ||
	    (d = calloc(n, sizeof(*d))) == NULL) {
		free(v);
		return -1;
	}
	for (i = 0; i < nr; i++)
		v[i].it = &rep[i];
	for (i = 0; i < nl; i++) {
		v[nr + i].it = &led[i];
		v[nr + i].ledger = 1;
	}
	qsort(v, n, sizeof(*v), side_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && side_cmp(&v[i], &v[j]) == 0; j++)
			;
		nd += (size_t)judge(day, window, v + i, j - i, &d[nd]);
	}
	free(v);
	if (nd == 0) {
		free(d);
		d = NULL;
	}
	*out = d;
	*nout = nd;
	return 0;
}
