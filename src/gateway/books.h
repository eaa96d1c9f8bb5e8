#ifndef MALLPAY_GATEWAY_BOOKS_H
#define MALLPAY_GATEWAY_BOOKS_H

/*
 * The partners' OWN books (RULES C-09): what each partner recorded on its
 * side of every operation that moved money, and its daily settlement
 * report (format below, README "Reconciliation with the
 * partners"). A real partner keeps these itself and sends the report; the
 * sandboxes keep theirs through the store installed here
 * (src/sandbox/books.c writes them to its own tables, on its own
 * connection in autocommit, so that they survive the mall's rollback as a
 * real partner's would). Nothing of the ledger ever writes them.
 *
 * The partner ids, as the ledger names them (partner:<id>:clearing,
 * ledger_entry.partner) and as the reports carry them: */
#define PARTNER_BANK		"bank"		/* the card bank (gateway/bank.h) */
#define PARTNER_FINANCE		"finance"	/* the finance company (INST-PC) */
#define PARTNER_LOGISTICS	"logistics"	/* the courier: COD collections */
#define PARTNER_POST_OFFICE	"post-office"	/* remittances (REM) */

#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"

struct buf;

/*
 * THE REPORT: CSV, one header line, then one line per operation the
 * partner made that day:
 *
 *	date,partner,reference,kind,amount,currency
 *	2026-12-03,bank,plan12-i2,charge,156.67,USD
 *
 * date YYYY-MM-DD (UTC), partner the partner's id, reference the
 * partner's reference of the operation (the idempotency key the mall sent,
 * a tracking number, a remittance code: printable ASCII without spaces,
 * commas or double quotes), kind charge / refund / collection / settlement, amount a plain
 * decimal string > 0 with the currency's minor digits ("156.67", "1500"
 * for JPY), currency ISO 4217. Lines end with "\n" ("\r\n" accepted).
 */

#define PARTNER_ID_MAX		33
#define PARTNER_REF_MAX		101

/* The kinds of operation a report line carries. */
enum partner_op {
	PARTNER_CHARGE = 0,
	PARTNER_REFUND,
	PARTNER_COLLECTION,
	PARTNER_SETTLEMENT,
	PARTNER_OP__MAX
};

/* "charge", ... or NULL out of range. */
const char *partner_op_name(enum partner_op);
/* The op called name (len bytes), or -1. */
int	partner_op_parse(const char *name, size_t len);
/* +1 for money the partner took in for the mall, -1 for money out. */
int	partner_op_sign(enum partner_op);

/* One line of a report. */
struct partner_line {
	mp_date		 day;
	char		 partner[PARTNER_ID_MAX];
	char		 reference[PARTNER_REF_MAX];
	enum partner_op	 op;
	int64_t		 amount;		/* minor units, > 0 */
	char		 currency[4];
	int64_t		 at;			/* when (not in the report; 0
						   when read from one) */
};

/* The header line of every report, without its "\n". */
#define PARTNER_REPORT_HEADER	"date,partner,reference,kind,amount,currency"

/* 1 if s is a valid partner id or reference (1..maxlen-1 bytes of
 * printable ASCII, no space, comma or double quote), else 0. */
int	partner_token_ok(const char *s, size_t maxlen);

/* Append l as one report line ("...\n") to out. Returns 0, or -1 when l
 * cannot be written (bad token, amount <= 0, unknown currency). */
int	partner_line_format(const struct partner_line *l, struct buf *out);

/* Parse one report line (len bytes, no line end). Returns 0, or -1 with a
 * reason in err. */
int	partner_line_parse(const char *s, size_t len, struct partner_line *out,
	    char *err, size_t errsz);

/* Parse a whole report (the header line first, then lines; blank lines
 * skipped) into a new array *out (free(3); NULL when empty) of *n lines.
 * Returns 0, or -1 with "line N: reason" in err (nothing allocated). */
int	partner_report_parse(const char *text, size_t len,
	    struct partner_line **out, size_t *n, char *err, size_t errsz);

/* Where the books live. record: keep l (its partner, reference, kind,
 * amount, currency, day) unless the partner recorded that operation
 * (partner, kind, reference) already; 0, or -1 when it could not (the
 * partner then refuses the operation: it is "unreachable"). report:
 * append partner's report of day (header line included, the format above)
 * to out; 0, or -1. */
struct partner_books {
	int	(*record)(const struct partner_line *l);
	int	(*report)(const char *partner, mp_date day, struct buf *out);
};

/* Install the store for this process (NULL: none). Call once before any
 * thread uses a gateway. */
void	partner_books_set(const struct partner_books *);

/* Record one operation of partner at `at` (its business day is the UTC
 * day of at). Without a store, nothing is kept and 0 is returned (unit
 * tests of the gateways). Returns 0, or -1 (refuse the operation). */
int	partner_books_record(const char *partner, const char *reference,
	    enum partner_op op, int64_t amount_minor, const char *currency,
	    int64_t at);

/* partner's report of day into out (see struct partner_books). Returns 0,
 * or -1 (no store, or it failed). */
int	partner_books_report(const char *partner, mp_date day, struct buf *out);

#endif
