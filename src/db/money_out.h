#ifndef MALLPAY_DB_MONEY_OUT_H
#define MALLPAY_DB_MONEY_OUT_H

/*
 * Money owed paid in and money held paid out (sql/022_money_out.sql):
 * COD refusal debts paid by card (account_debts' settlement columns) and
 * companies' credit paid out (company_payouts, the credit's balance read
 * from the ledger's lines). Bound parameters only.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* One account_debts row. */
struct db_debt_row {
	int64_t	 id, user_id, order_id;
	char	 kind[33];
	int64_t	 amount_minor;
	char	 currency[4];
	char	 description[256];
	int64_t	 created_at;
	int64_t	 settled_at;		/* 0: open */
	char	 settled_key[65];	/* the request that paid it */
	char	 settled_ref[65];	/* the bank's reference of the charge */
};

/* Debt id (lock: SELECT ... FOR UPDATE) into *out. 1, 0 none, -1. */
int	db_debt_get(struct db *, int64_t id, int lock,
	    struct db_debt_row *out);
/* The id of the debt paid by request key key into *id. 1, 0 none, -1. */
int	db_debt_by_key(struct db *, const char *key, int64_t *id);
/* Debt id settled at now by request key with the bank's reference ref,
 * if still open. 1 settled, 0 not open any more, -1 error (also the key
 * used by another debt). */
int	db_debt_settle(struct db *, int64_t id, const char *key,
	    const char *ref, int64_t now);

/* One balance of an account (the credit it holds, > 0). */
struct db_acct_balance {
	char	 currency[4];
	int64_t	 held;		/* credits minus debits */
};

/* What account holds (credits minus debits) per currency, only the
 * non-zero ones, by currency, into *out (free()). 0 or -1. */
int	db_acct_held(struct db *, const char *account,
	    struct db_acct_balance **out, size_t *n);

/* One company_payouts row. */
struct db_payout {
	int64_t	 id, company_id;
	char	 key[65];
	char	 params[256];
	int64_t	 amount_minor;
	char	 currency[4];
	char	 bank_account[65];
	char	 reference[65];
	int64_t	 paid_by, created_at;
};

/* The payout keyed key into *out. 1, 0 none, -1. */
int	db_payout_by_key(struct db *, const char *key, struct db_payout *out);
/* Insert payout p (id ignored). Its id, 0 when the key exists, -1. */
int64_t	db_payout_insert(struct db *, const struct db_payout *p);
/* The payouts of company_id, newest first, at most limit, into *out
 * (free()). 0 or -1. */
int	db_payout_list(struct db *, int64_t company_id, size_t limit,
	    struct db_payout **out, size_t *n);

/* mallpayctl check: every settled COD debt and every payout against the
 * ledger's entry (debt_payment, credit_payout) of the same amount; a line
 * per disagreement into out. Returns their count, or -1. */
struct buf;
int	db_check_money_out(struct db *, struct buf *out);

#endif
