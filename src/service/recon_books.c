/*
 * The inbound partners' own books (see recon.h): the courier's COD
 * collections and the post office's remittances, kept as their reports
 * arrive.
 */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/money.h"
#include "db/cod.h"
#include "db/db.h"
#include "gateway/books.h"
#include "rules/rfcode.h"
#include "service/recon.h"
#include "service/remittance.h"

/* See recon.h. */
int
recon_books_cod_collected(struct db *db, int64_t order_id,
    const struct money *m, int64_t now)
{
	struct db_shipment s;
	char ref[PARTNER_REF_MAX];
	int rc;

	if (m->minor <= 0)
		return 0;
	if ((rc = db_ship_get(db, order_id, &s)) == -1)
		return -1;
	if (rc == 1 && partner_token_ok(s.tracking, sizeof(ref)))
		snprintf(ref, sizeof(ref), "%s", s.tracking);
	else
		snprintf(ref, sizeof(ref), "order-%lld", (long long)order_id);
	if (partner_books_record(PARTNER_LOGISTICS, ref, PARTNER_COLLECTION,
	    m->minor, m->cur, now) == -1) {
		log_err("courier books: collection %s of order %lld not kept",
		    ref, (long long)order_id);
		return -1;
	}
	return 0;
}

/* Keep one statement line (len bytes) in the post office's books at now
 * when it reads as a remittance: a valid code, an amount > 0, a date. */
static void
statement_line(const char *s, size_t len, int64_t now)
{
	struct rem_line l;
	struct money m;
	mp_date day;
	char err[160], rf[RFCODE_MAX];

	if (remittance_csv_line(s, len, &l, err, sizeof(err)) == -1 ||
	    rfcode_normalize(l.code, strlen(l.code), rf, sizeof(rf)) == -1 ||
	    money_parse(l.amount, strlen(l.amount), l.currency, &m, err,
	    sizeof(err)) == -1 || m.minor <= 0 ||
	    mp_date_parse(l.date, strlen(l.date), &day) == -1)
		return;
	if (partner_books_record(PARTNER_POST_OFFICE, rf, PARTNER_COLLECTION,
	    m.minor, m.cur, now) == -1)
		log_err("post office books: remittance %s not kept", rf);
}

/* See recon.h. */
void
recon_books_statement(const char *buf, size_t len, int64_t now)
{
	const char *p = buf, *end = buf + len, *nl;
	size_t ll;

	for (; p < end; p = nl != NULL ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		ll = (size_t)((nl != NULL ? nl : end) - p);
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		if (ll > 0)
			statement_line(p, ll, now);
	}
}
