/*
 * Reconciliation with the partners (see recon.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/money.h"
#include "db/db.h"
#include "db/recon.h"
#include "gateway/books.h"
#include "service/ledger.h"
#include "service/recon.h"

/* See recon.h. */
const char *const recon_partners[] = {
	PARTNER_BANK, PARTNER_FINANCE, PARTNER_POST_OFFICE, NULL
};

static const char *const partner_names[] = {
	"Card bank", "Finance company", "Post office (remittances)"
};

/* 1 if id is a courier's ("logistics-<digits>"). */
static int
is_courier(const char *id)
{
	size_t n = strlen(PARTNER_LOGISTICS);

	return strncmp(id, PARTNER_LOGISTICS, n) == 0 && id[n] != '\0' &&
	    strspn(id + n, "0123456789") == strlen(id + n);
}

/* See recon.h. */
const char *
recon_partner_name(const char *id)
{
	size_t i;

	for (i = 0; recon_partners[i] != NULL; i++)
		if (strcmp(recon_partners[i], id) == 0)
			return partner_names[i];
	return is_courier(id) ? "Courier (cash on delivery)" : id;
}

/* A growing array of items. */
struct items {
	struct recon_item	*v;
	size_t			 n, cap;
};

/* Append an empty item to it; NULL when out of memory. */
static struct recon_item *
items_add(struct items *it)
{
	struct recon_item *nv;

	if (it->n == it->cap) {
		it->cap = it->cap == 0 ? 64 : it->cap * 2;
		if ((nv = realloc(it->v, it->cap * sizeof(*nv))) == NULL)
			return NULL;
		it->v = nv;
	}
	memset(&it->v[it->n], 0, sizeof(*it->v));
	return &it->v[it->n++];
}

/* Add partner's report lines of day d to it (counting those of `day`
 * into *nday). Returns 0, or -1 with the reason in log. */
static int
report_items(const char *partner, mp_date d, mp_date day, struct items *it,
    int *nday, struct buf *log)
{
	struct partner_line *l = NULL;
	struct recon_item *x;
	struct buf text;
	char err[160], ds[CAL_DATE_STRLEN];
	size_t n = 0, i;
	int rc = -1;

	buf_init(&text);
	mp_date_str(d, ds, sizeof(ds));
	if (partner_books_report(partner, d, &text) == -1)
		buf_printf(log, "%s %s: the report cannot be read\n", partner,
		    ds);
	else if (partner_report_parse(text.data, text.len, &l, &n, err,
	    sizeof(err)) == -1)
		buf_printf(log, "%s %s: bad report: %s\n", partner, ds, err);
	else
		rc = 0;
	for (i = 0; rc == 0 && i < n; i++) {
		if ((x = items_add(it)) == NULL) {
			rc = -1;
			break;
		}
		x->day = d;
		snprintf(x->reference, sizeof(x->reference), "%s",
		    l[i].reference);
		memcpy(x->currency, l[i].currency, sizeof(x->currency));
		x->amount = partner_op_sign(l[i].op) * l[i].amount;
		*nday += d == day;
	}
	free(l);
	buf_cleanup(&text);
	return rc;
}

/* Add the ledger's lines of partner's clearing account from day-1-window
 * to day+1 to it (counting those of day into *nday). 0 or -1. */
static int
ledger_items(struct db *db, const char *partner, mp_date day, int window,
    struct items *it, int *nday)
{
	struct db_recon_ledger *l = NULL;
	struct recon_item *x;
	char acct[LEDGER_ACCT_MAX];
	int64_t from = mp_date_to_unix(day) - (1 + window) * 86400;
	int64_t to = mp_date_to_unix(day) + 2 * 86400;
	size_t n = 0, i;
	int rc = 0;

	ledger_acct_partner_clearing(acct, sizeof(acct), partner);
	if (db_recon_ledger_lines(db, partner, acct, from, to, &l, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if ((x = items_add(it)) == NULL ||
		    mp_date_from_unix(l[i].at, &x->day) == -1) {
			rc = -1;
			break;
		}
		memcpy(x->reference, l[i].reference, sizeof(x->reference));
		memcpy(x->currency, l[i].currency, sizeof(x->currency));
		x->amount = l[i].amount;
		*nday += x->day == day;
	}
	free(l);
	return rc;
}

/* Append "USD 156.67" (or the minor units when the currency is unknown)
 * of amount to log. */
static void
log_money(struct buf *log, int64_t amount, const char *cur)
{
	struct money m;
	char s[MONEY_STR_MAX];

	if (money_set(&m, amount, cur) == -1)
		buf_printf(log, "%s %lld", cur, (long long)amount);
	else
		buf_printf(log, "%s %s", cur, money_str(&m, s, sizeof(s)));
}

/* Store the run r and its differences d[nd] (inside the transaction) and
 * log them. Returns 0 or -1. */
static int
store_run(struct db *db, struct db_recon_run *r, const struct recon_diff *d,
    size_t nd, struct buf *log)
{
	struct db_recon_diff dd;
	size_t i;

	if ((r->id = db_recon_run_insert(db, r)) == -1)
		return -1;
	buf_printf(log, "%s %s: %d report line%s, %d ledger line%s, %d "
	    "difference%s", r->partner, r->day, r->report_lines,
	    r->report_lines == 1 ? "" : "s", r->ledger_lines,
	    r->ledger_lines == 1 ? "" : "s", r->differences,
	    r->differences == 1 ? "" : "s");
	if (nd > (size_t)r->differences)
		buf_printf(log, ", %d awaiting the statement",
		    (int)nd - r->differences);
	buf_puts(log, "\n");
	for (i = 0; i < nd; i++) {
		memset(&dd, 0, sizeof(dd));
		dd.run_id = r->id;
		memcpy(dd.reference, d[i].reference, sizeof(dd.reference));
		memcpy(dd.currency, d[i].currency, sizeof(dd.currency));
		snprintf(dd.kind, sizeof(dd.kind), "%s",
		    recon_diff_name(d[i].kind));
		dd.partner_minor = d[i].partner_amount;
		dd.ledger_minor = d[i].ledger_amount;
		if (db_recon_diff_insert(db, &dd) == -1)
			return -1;
		buf_printf(log, "  %s %s: partner ", dd.kind, dd.reference);
		log_money(log, dd.partner_minor, dd.currency);
		buf_puts(log, ", ledger ");
		log_money(log, dd.ledger_minor, dd.currency);
		buf_puts(log, "\n");
	}
	return 0;
}

/* Reconcile one partner for day (inside the transaction), adding to *sum.
 * Returns 0 or -1. */
static int
reconcile_partner(struct db *db, const char *partner, mp_date day,
    int64_t now, struct recon_summary *sum, struct buf *log)
{
	struct items rep = { NULL, 0, 0 }, led = { NULL, 0, 0 };
	struct recon_diff *d = NULL;
	struct db_recon_run r;
	size_t nd = 0, i;
	int k, rc = -1, awaiting = 0;
	int window = strcmp(partner, PARTNER_POST_OFFICE) == 0 ?
	    RECON_POST_OFFICE_TRANSIT_DAYS : 0;

	memset(&r, 0, sizeof(r));
	snprintf(r.partner, sizeof(r.partner), "%s", partner);
	mp_date_str(day, r.day, sizeof(r.day));
	r.ran_at = now;
	for (k = -1 - window; k <= 1; k++)
		if (report_items(partner, day + k, day, &rep, &r.report_lines,
		    log) == -1)
			goto out;
	if (ledger_items(db, partner, day, window, &led,
	    &r.ledger_lines) == -1 ||
	    recon_match_window(day, window, rep.v, rep.n, led.v, led.n, &d,
	    &nd) == -1)
		goto out;
	for (i = 0; i < nd; i++)
		awaiting += d[i].kind == RECON_AWAITING;
	r.differences = (int)nd - awaiting;
	if (store_run(db, &r, d, nd, log) == -1)
		goto out;
	sum->partners++;
	sum->report_lines += r.report_lines;
	sum->ledger_lines += r.ledger_lines;
	sum->differences += r.differences;
	sum->awaiting += awaiting;
	rc = 0;
out:
	free(rep.v);
	free(led.v);
	free(d);
	return rc;
}

/* See recon.h. */
int
recon_reconcile_tx(struct db *db, mp_date day, int64_t now,
    struct recon_summary *sum, struct buf *log)
{
	int64_t *ids = NULL;
	char courier[PARTNER_ID_MAX];
	size_t i, n = 0;
	int rc = 0;

	memset(sum, 0, sizeof(*sum));
	for (i = 0; recon_partners[i] != NULL; i++)
		if (reconcile_partner(db, recon_partners[i], day, now, sum,
		    log) == -1)
			return -1;
	if (db_recon_couriers(db, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		snprintf(courier, sizeof(courier), "%s%lld", PARTNER_LOGISTICS,
		    (long long)ids[i]);
		rc = reconcile_partner(db, courier, day, now, sum, log);
	}
	free(ids);
	return rc;
}

/* See recon.h. */
int
recon_reconcile(struct db *db, mp_date day, int64_t now,
    struct recon_summary *sum, struct buf *log)
{
	if (db_begin(db) == -1)
		return -1;
	if (recon_reconcile_tx(db, day, now, sum, log) == -1) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/* See recon.h. */
int
recon_partner_report(const char *partner, mp_date day, struct buf *out)
{
	size_t i;

	for (i = 0; recon_partners[i] != NULL; i++)
		if (strcmp(recon_partners[i], partner) == 0)
			return partner_books_report(partner, day, out);
	return is_courier(partner) ? partner_books_report(partner, day, out) :
	    1;
}

/* Copy run r with its stored differences into *x. 0 or -1. */
static int
last_of_run(struct db *db, const struct db_recon_run *r, struct recon_last *x)
{
	struct db_recon_diff *d = NULL;
	size_t n = 0, i;
	int k;

	memset(x, 0, sizeof(*x));
	memcpy(x->partner, r->partner, sizeof(x->partner));
	x->name = recon_partner_name(r->partner);
	memcpy(x->day, r->day, sizeof(x->day));
	x->ran_at = r->ran_at;
	x->report_lines = r->report_lines;
	x->ledger_lines = r->ledger_lines;
	if (db_recon_diffs(db, r->id, &d, &n) == -1)
		return -1;
	if (n > 0 && (x->diffs = calloc(n, sizeof(*x->diffs))) == NULL) {
		free(d);
		return -1;
	}
	for (i = 0; i < n; i++) {
		k = recon_diff_parse(d[i].kind);
		x->diffs[i].kind = k < 0 ? RECON_AMOUNT_DIFFERS :
		    (enum recon_diff_kind)k;
		memcpy(x->diffs[i].reference, d[i].reference,
		    sizeof(x->diffs[i].reference));
		memcpy(x->diffs[i].currency, d[i].currency,
		    sizeof(x->diffs[i].currency));
		x->diffs[i].partner_amount = d[i].partner_minor;
		x->diffs[i].ledger_amount = d[i].ledger_minor;
	}
	x->ndiffs = n;
	free(d);
	return 0;
}

/* See recon.h. */
int
recon_last_runs(struct db *db, struct recon_last **out, size_t *n)
{
	struct db_recon_run *r = NULL;
	struct recon_last *v = NULL;
	size_t nr = 0, i;

	*out = NULL;
	*n = 0;
	if (db_recon_last_runs(db, &r, &nr) == -1)
		return -1;
	if (nr > 0 && (v = calloc(nr, sizeof(*v))) == NULL) {
		free(r);
		return -1;
	}
	for (i = 0; i < nr; i++)
		if (last_of_run(db, &r[i], &v[i]) == -1) {
			recon_last_free(v, i);
			free(r);
			return -1;
		}
	free(r);
	*out = v;
	*n = nr;
	return 0;
}

/* See recon.h. */
void
recon_last_free(struct recon_last *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].diffs);
	free(v);
}
