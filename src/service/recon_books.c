/*
 * The inbound partners' own books (see recon.h): the courier's COD
 * collections and the post office's remittances, kept as their reports
 * arrive.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/money.h"
#include "gateway/books.h"
#include "rules/rfcode.h"
#include "service/postings.h"
#include "service/recon.h"
#include "service/remittance.h"

/* See recon.h. */
int
recon_books_cod_collected(int64_t pid, const char *record_id,
    const struct money *m, int64_t now)
{
	char partner[PARTNER_ID_MAX];

	if (m->minor <= 0)
		return 0;
	post_partner_logistics(partner, sizeof(partner), pid);
	if (partner_books_record(partner, record_id, PARTNER_COLLECTION,
	    m->minor, m->cur, now) == -1) {
		log_err("courier books: collection %s of %s not kept", record_id,
		    partner);
		return -1;
	}
	return 0;
}

/* Keep one statement line (len bytes) in the post office's books at now
 * under the remittance code it quotes (normalised when its check digits
 * hold, else as written: the ledger's partner reference of a receipt)
 * when it reads as a remittance with an amount > 0. */
static void
statement_line(const char *s, size_t len, int64_t now)
{
	struct rem_line l;
	struct money m;
	char err[160], key[48];
	size_t i, n = 0;

	if (remittance_csv_line(s, len, &l, err, sizeof(err)) == -1 ||
	    money_parse(l.amount, strlen(l.amount), l.currency, &m, err,
	    sizeof(err)) == -1 || m.minor <= 0)
		return;
	if (rfcode_normalize(l.code, strlen(l.code), key, sizeof(key)) == -1) {
		/* As written, letters and digits only (a report reference
		 * has no spaces, commas or quotes). */
		for (i = 0; l.code[i] != '\0' && n + 1 < sizeof(key); i++)
			if (isalnum((unsigned char)l.code[i]))
				key[n++] = (char)toupper((unsigned char)l.code[i]);
		key[n] = '\0';
		if (n == 0)
			snprintf(key, sizeof(key), "no-code");
	}
	if (partner_books_record(PARTNER_POST_OFFICE, key, PARTNER_COLLECTION,
	    m.minor, m.cur, now) == -1)
		log_err("post office books: remittance %s not kept", key);
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
