/*
 * The partners' own books: the store's hook (see books.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/money.h"
#include "gateway/books.h"

static const struct partner_books *books;

/* See books.h. */
void
partner_books_set(const struct partner_books *b)
{
	books = b;
}

/* See books.h. */
int
partner_books_record(const char *partner, const char *reference,
    enum partner_op op, int64_t amount_minor, const char *currency, int64_t at)
{
	struct partner_line l;

	if (books == NULL)
		return 0;
	memset(&l, 0, sizeof(l));
	if (mp_date_from_unix(at, &l.day) == -1 ||
	    snprintf(l.partner, sizeof(l.partner), "%s", partner) >=
	    (int)sizeof(l.partner) ||
	    snprintf(l.reference, sizeof(l.reference), "%s", reference) >=
	    (int)sizeof(l.reference) ||
	    snprintf(l.currency, sizeof(l.currency), "%s", currency) != 3)
		return -1;
	l.op = op;
	l.amount = amount_minor;
	l.at = at;
	return books->record(&l);
}

/* See books.h. */
int
partner_books_report(const char *partner, mp_date day, struct buf *out)
{
	if (books == NULL)
		return -1;
	return books->report(partner, day, out);
}

static const char *const op_names[PARTNER_OP__MAX] = {
	"charge", "refund", "collection", "settlement"
};

/* See books.h. */
const char *
partner_op_name(enum partner_op op)
{
	return (unsigned)op < PARTNER_OP__MAX ? op_names[op] : NULL;
}

/* See books.h. */
int
partner_op_parse(const char *name, size_t len)
{
	int i;

	for (i = 0; i < PARTNER_OP__MAX; i++)
		if (strlen(op_names[i]) == len &&
		    memcmp(op_names[i], name, len) == 0)
			return i;
	return -1;
}

/* See books.h. */
int
partner_op_sign(enum partner_op op)
{
	return op == PARTNER_CHARGE || op == PARTNER_COLLECTION ? 1 : -1;
}

/* 1 if the len bytes of s are a valid token shorter than maxlen. */
static int
token_ok(const char *s, size_t len, size_t maxlen)
{
	size_t i;

	if (len == 0 || len >= maxlen)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] <= ' ' || s[i] > '~' || s[i] == ',' || s[i] == '"')
			return 0;
	return 1;
}

/* See books.h. */
int
partner_token_ok(const char *s, size_t maxlen)
{
	return s != NULL && token_ok(s, strlen(s), maxlen);
}

/* See books.h. */
int
partner_line_format(const struct partner_line *l, struct buf *out)
{
	struct money m;
	char day[CAL_DATE_STRLEN], amount[MONEY_STR_MAX];

	if (!partner_token_ok(l->partner, sizeof(l->partner)) ||
	    !partner_token_ok(l->reference, sizeof(l->reference)) ||
	    partner_op_name(l->op) == NULL || l->amount <= 0 ||
	    money_set(&m, l->amount, l->currency) == -1 ||
	    mp_date_str(l->day, day, sizeof(day)) == NULL)
		return -1;
	buf_printf(out, "%s,%s,%s,%s,%s,%s\n", day, l->partner, l->reference,
	    partner_op_name(l->op), money_str(&m, amount, sizeof(amount)),
	    m.cur);
	return 0;
}

#define NFIELDS	6

/* Split s (len bytes) at commas into exactly NFIELDS fields. 0 or -1. */
static int
split(const char *s, size_t len, const char **f, size_t *fl)
{
	const char *end = s + len, *c;
	int i;

	for (i = 0; i < NFIELDS; i++) {
		c = memchr(s, ',', (size_t)(end - s));
		if ((c == NULL) != (i == NFIELDS - 1))
			return -1;
		f[i] = s;
		fl[i] = (size_t)((c != NULL ? c : end) - s);
		s = c != NULL ? c + 1 : end;
	}
	return 0;
}

/* See books.h. */
int
partner_line_parse(const char *s, size_t len, struct partner_line *out,
    char *err, size_t errsz)
{
	const char *f[NFIELDS];
	size_t fl[NFIELDS];
	struct money m;
	int op;

	memset(out, 0, sizeof(*out));
	if (split(s, len, f, fl) == -1) {
		snprintf(err, errsz, "expected %d comma-separated fields",
		    NFIELDS);
		return -1;
	}
	if (mp_date_parse(f[0], fl[0], &out->day) == -1) {
		snprintf(err, errsz, "bad date");
		return -1;
	}
	if (!token_ok(f[1], fl[1], sizeof(out->partner)) ||
	    !token_ok(f[2], fl[2], sizeof(out->reference))) {
		snprintf(err, errsz, "bad partner or reference");
		return -1;
	}
	memcpy(out->partner, f[1], fl[1]);
	memcpy(out->reference, f[2], fl[2]);
	if ((op = partner_op_parse(f[3], fl[3])) == -1) {
		snprintf(err, errsz, "bad kind");
		return -1;
	}
	out->op = (enum partner_op)op;
	if (fl[5] != 3) {
		snprintf(err, errsz, "bad currency");
		return -1;
	}
	memcpy(out->currency, f[5], 3);
	if (money_parse(f[4], fl[4], out->currency, &m, err, errsz) == -1)
		return -1;
	if (m.minor <= 0) {
		snprintf(err, errsz, "amount must be more than zero");
		return -1;
	}
	out->amount = m.minor;
	return 0;
}

/* See books.h. */
int
partner_report_parse(const char *text, size_t len, struct partner_line **out,
    size_t *n, char *err, size_t errsz)
{
	const char *p = text, *end = text + len, *nl;
	struct partner_line *v = NULL, *nv;
	size_t ll, cap = 0, lineno = 0;
	char why[128];

	*out = NULL;
	*n = 0;
	for (; p < end; p = nl != NULL ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		ll = (size_t)((nl != NULL ? nl : end) - p);
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		if (++lineno == 1) {
			if (ll != strlen(PARTNER_REPORT_HEADER) ||
			    memcmp(p, PARTNER_REPORT_HEADER, ll) != 0) {
				snprintf(err, errsz, "line 1: not the header "
				    "\"%s\"", PARTNER_REPORT_HEADER);
				goto fail;
			}
			continue;
		}
		if (ll == 0)
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				snprintf(err, errsz, "out of memory");
				goto fail;
			}
			v = nv;
		}
		if (partner_line_parse(p, ll, &v[*n], why, sizeof(why)) == -1) {
			snprintf(err, errsz, "line %zu: %s", lineno, why);
			goto fail;
		}
		(*n)++;
	}
	if (lineno == 0) {
		snprintf(err, errsz, "line 1: not the header \"%s\"",
		    PARTNER_REPORT_HEADER);
		return -1;
	}
	*out = v;
	return 0;
fail:
	free(v);
	*n = 0;
	return -1;
}
