#ifndef MALLPAY_DB_LEDGER_H
#define MALLPAY_DB_LEDGER_H

/*
 * The ledger's statements (sql/014_ledger.sql): append the lines of one
 * entry, read an entry's lines, an account's balance. SQL only, bound parameters only; the rules of posting
 * are service/ledger.c's.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* One line as written and read. Strings are NUL-terminated copies. */
struct db_ledger_line {
	char		 entry_key[101];
	int		 line_no;
	char		 kind[25];
	char		 account[65];
	char		 currency[4];
	int64_t		 amount;		/* debit > 0, credit < 0 */
	int64_t		 order_id, plan_id;	/* 0: none */
	char		 ref_type[17];
	int64_t		 ref_id;
	char		 partner[33];
	char		 partner_ref[101];
	char		 reverses[101];
	char		 memo[256];
	int64_t		 created_at;
};

#define DB_LEDGER_MAX_LINES	8

/* Insert the n lines (2 <= n <= DB_LEDGER_MAX_LINES) of one entry in one
 * statement. Returns 0, 1 when a line with the same (entry_key, line_no)
 * exists (nothing written), -1 error. */
int	db_ledger_insert(struct db *, const struct db_ledger_line *l, size_t n);

/* Insert the n lines l[] of any number of entries, many lines a statement
 * (mallpayctl bench-data; a duplicate (entry_key, line_no) is an error).
 * Returns 0 or -1. */
int	db_ledger_insert_lines(struct db *, const struct db_ledger_line *l,
	    size_t n);

/* The lines of the entry keyed key, in line order, into *out (free(3);
 * NULL when none) and *n. Returns 0 or -1. */
int	db_ledger_entry(struct db *, const char *key,
	    struct db_ledger_line **out, size_t *n);

/* The greatest entry key starting with prefix (no % or _ in it) into out
 * ("" when none). Returns 0 or -1. */
int	db_ledger_last_key(struct db *, const char *prefix, char *out,
	    size_t outsz);

/* The balance (sum of amounts) of account in currency into *out. Returns
 * 0 or -1. */
int	db_ledger_balance(struct db *, const char *account,
	    const char *currency, int64_t *out);

#endif
