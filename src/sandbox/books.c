/*
 * The sandbox partners' own books on a connection of their own (see
 * books.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "db/db.h"
#include "db/sandbox.h"
#include "gateway/books.h"
#include "sandbox/books.h"

static const struct config	*books_cfg;
static pthread_key_t		 books_key;
static pthread_once_t		 books_once = PTHREAD_ONCE_INIT;
static int			 books_key_ok;

/* The key's destructor: a thread's connection dies with the thread. */
static void
books_conn_free(void *p)
{
	db_free(p);
}

static void
books_key_create(void)
{
	books_key_ok = pthread_key_create(&books_key, books_conn_free) == 0;
}

/* The calling thread's books connection, opened on first use and checked
 * alive; NULL when the database cannot be reached (logged). */
static struct db *
books_db(void)
{
	struct db *db;
	char err[256];

	if (books_cfg == NULL || !books_key_ok)
		return NULL;
	if ((db = pthread_getspecific(books_key)) == NULL) {
		if ((db = db_open(books_cfg, err, sizeof(err))) == NULL) {
			log_err("partner books: %s", err);
			return NULL;
		}
		if (pthread_setspecific(books_key, db) != 0) {
			db_free(db);
			return NULL;
		}
	}
	return db_ensure(db) == 0 ? db : NULL;
}

/* struct partner_books.record: one autocommitted insert. */
static int
books_record(const struct partner_line *l)
{
	struct db_sandbox_op op;
	struct db *db;

	if ((db = books_db()) == NULL)
		return -1;
	memset(&op, 0, sizeof(op));
	snprintf(op.partner, sizeof(op.partner), "%s", l->partner);
	snprintf(op.reference, sizeof(op.reference), "%s", l->reference);
	snprintf(op.kind, sizeof(op.kind), "%s", partner_op_name(l->op));
	op.amount_minor = l->amount;
	snprintf(op.currency, sizeof(op.currency), "%s", l->currency);
	mp_date_str(l->day, op.day, sizeof(op.day));
	op.at = l->at;
	return db_sandbox_op_insert(db, &op) == -1 ? -1 : 0;
}

/* The partner_line of op (partner, reference, kind, amount, currency,
 * day). Returns 0, or -1 when the row is not one (logged). */
static int
books_line(const struct db_sandbox_op *op, struct partner_line *l)
{
	int k = partner_op_parse(op->kind, strlen(op->kind));

	memset(l, 0, sizeof(*l));
	if (k == -1 || mp_date_parse(op->day, strlen(op->day), &l->day) == -1) {
		log_err("partner books: bad row %s/%s", op->partner,
		    op->reference);
		return -1;
	}
	snprintf(l->partner, sizeof(l->partner), "%s", op->partner);
	snprintf(l->reference, sizeof(l->reference), "%s", op->reference);
	l->op = (enum partner_op)k;
	l->amount = op->amount_minor;
	snprintf(l->currency, sizeof(l->currency), "%s", op->currency);
	l->at = op->at;
	return 0;
}

/* struct partner_books.report: the header, then the day's operations. */
static int
books_report(const char *partner, mp_date day, struct buf *out)
{
	struct db_sandbox_op *ops = NULL;
	struct partner_line l;
	struct db *db;
	char d[CAL_DATE_STRLEN];
	size_t n = 0, i;
	int rc = 0;

	if ((db = books_db()) == NULL || mp_date_str(day, d, sizeof(d)) == NULL ||
	    db_sandbox_ops_day(db, partner, d, &ops, &n) == -1)
		return -1;
	buf_puts(out, PARTNER_REPORT_HEADER "\n");
	for (i = 0; i < n && rc == 0; i++)
		if (books_line(&ops[i], &l) == -1 ||
		    partner_line_format(&l, out) == -1)
			rc = -1;
	free(ops);
	return rc;
}

static const struct partner_books sandbox_books = {
	books_record, books_report
};

/* See books.h. */
int
sandbox_books_init(const struct config *cfg)
{
	if (pthread_once(&books_once, books_key_create) != 0 || !books_key_ok)
		return -1;
	books_cfg = cfg;
	partner_books_set(&sandbox_books);
	return 0;
}

/* See books.h. */
void
sandbox_books_end(void)
{
	struct db *db;

	if (!books_key_ok || (db = pthread_getspecific(books_key)) == NULL)
		return;
	(void)pthread_setspecific(books_key, NULL);
	db_free(db);
}
