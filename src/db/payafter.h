#ifndef MALLPAY_DB_PAYAFTER_H
#define MALLPAY_DB_PAYAFTER_H

/*
 * Pay After Use tables (sql/011_payafter.sql): the bound card, the charge
 * (or open debt) of each confirmed order, the guarantee ledger. SQL only,
 * bound parameters only.
 */

#include <stddef.h>
#include <stdint.h>

#include "core/lifecycle.h"

struct db;

/* A bound card as stored: never the number, only the encrypted token. */
struct db_pau_card {
	char		 brand[17];
	char		 last4[5];
	unsigned char	 token_enc[255];
	size_t		 token_len;
	int64_t		 updated_at;
};

/* The bound card of user_id into *out. 1 found, 0 none, -1 error. */
int	db_pau_card_get(struct db *, int64_t user_id, struct db_pau_card *out);

/* Bind (insert or replace) user_id's card. 0 or -1. */
int	db_pau_card_put(struct db *, int64_t user_id, const char *brand,
	    const char *last4, const unsigned char *enc, size_t enclen,
	    int64_t now);

/* The text value of setting name into out. 1 found, 0 none, -1 error. */
int	db_pau_setting(struct db *, const char *name, char *out, size_t outsz);

/* One charge / debt row (pau_charges). */
struct db_pau_charge {
	int64_t		 order_id;
	int64_t		 user_id;
	enum charge_status status;
	char		 currency[4];
	int64_t		 amount_minor;
	int64_t		 late_fee_minor;
	int64_t		 paid_minor;
	char		 due_date[11];		/* YYYY-MM-DD */
	int		 attempts;
	char		 tries_day[11];		/* "" when NULL */
	int		 tries_on_day;
	int64_t		 next_try_at;
	char		 reason[256];
	char		 reference[65];
	char		 card_last4[5];		/* "" when NULL */
	int64_t		 suspended_at;		/* 0 when NULL */
	int64_t		 created_at, updated_at;
	int64_t		 paid_at;		/* 0 when NULL */
};

/* Insert c (order_id key). 1 inserted, 0 the order has one already,
 * -1 error. */
int	db_pau_charge_insert(struct db *, const struct db_pau_charge *c);

/* Read order_id's charge, locking the row (FOR UPDATE) when lock. 1, 0
 * none, -1 error. */
int	db_pau_charge_get(struct db *, int64_t order_id, int lock,
	    struct db_pau_charge *out);

/* Write back the mutable columns of c (status ... paid_at). 0 or -1. */
int	db_pau_charge_update(struct db *, const struct db_pau_charge *c);

/* user_id's charges, newest first. *out: array of *n to free(). 0 or -1. */
int	db_pau_charges_by_user(struct db *, int64_t user_id,
	    struct db_pau_charge **out, size_t *n);

/* Append a guarantee entry (kind "payout" or "recovery") once per order
 * and kind. 1 inserted, 0 already there, -1 error. */
int	db_pau_guarantee_add(struct db *, int64_t order_id, int64_t user_id,
	    const char *kind, int64_t amount_minor, const char *currency,
	    int64_t amount_usd_minor, const char *note, int64_t now);

/* One guarantee ledger entry. */
struct db_pau_guarantee {
	int64_t		 id, order_id, user_id;
	char		 kind[9];
	int64_t		 amount_minor;
	char		 currency[4];
	int64_t		 amount_usd_minor;
	char		 note[256];
	int64_t		 created_at;
	char		 email[255];
};

/* Every guarantee entry, newest first, at most limit. *out: array of *n
 * to free(). 0 or -1. */
int	db_pau_guarantee_list(struct db *, size_t limit,
	    struct db_pau_guarantee **out, size_t *n);

/* Take the next Pay After Use order in "delivered" whose last delivery
 * event is before cutoff (seconds), with id > after, locking it (FOR
 * UPDATE SKIP LOCKED) inside the caller's transaction. 1 (*id set), 0
 * none, -1 error. */
int	db_pau_next_autoconfirm(struct db *, int64_t cutoff, int64_t after,
	    int64_t *id);

/* Take the next open debt due at now (next_try_at <= now, by the index
 * (status, next_try_at)) with order_id > after, locking it (FOR UPDATE
 * SKIP LOCKED). 1 (*id set), 0 none, -1 error. */
int	db_pau_next_open(struct db *, int64_t now, int64_t after, int64_t *id);

/* INST-F2 for a PAU debt: set users.installment_suspended and
 * bad_payment_record of user_id. 0 or -1. */
int	db_pau_user_suspend(struct db *, int64_t user_id);

/* The last delivery time of order id (events), 0 when none. -1 error. */
int64_t	db_pau_delivered_at(struct db *, int64_t id);

/* The configuration's [security] key (64 hex chars) of this connection
 * into out (65 bytes): the key the bound card tokens are encrypted with
 * (INST-S1). Returns 0, or -1 when none is configured. */
int	db_pau_secret(struct db *, char out[65]);

#endif
