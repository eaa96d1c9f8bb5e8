#ifndef MALLPAY_DB_BANK_H
#define MALLPAY_DB_BANK_H

/*
 * The sandbox bank's own tables (bankd, src/sandbox/hosted.c), in its own
 * database (the mall's name + "_bank"), prefixed bank_, created by bankd
 * itself at start (db_bank_setup), never by the mall's migrations, and
 * never read by the mall. Its books of money moved
 * stay in sandbox_partner_ops (gateway/books.h), which reconciliation reads.
 * No card number or security code is stored: the brand, last four, the
 * issuer country of the BIN and the test card's scenario only.
 */

#include <stdint.h>

struct db;

/* One session of the hosted card page. */
struct db_bank_session {
	char	id[40];			/* bs_<hex> */
	char	ref[64];		/* the merchant's id of the session */
	char	order_label[64];	/* "Order #12", shown on the page */
	int64_t	amount_minor;
	char	currency[4];
	int	months;
	char	return_url[512];
	char	notify_url[512];
	char	status[12];		/* open, challenge, done */
	char	code[8];		/* the 3-D Secure one-time code */
	char	scenario;		/* the card's test scenario letter */
	char	brand[16];
	char	last4[5];
	char	country[3];		/* issuer country of the BIN */
	char	result[12];		/* approved, declined ("" while open) */
	char	reason[128];
	char	token[64];
	int64_t	created_at;
};

/* Create the bank's tables when missing. 0 or -1. */
int	db_bank_setup(struct db *);
/* Insert session s. 0 or -1. */
int	db_bank_session_insert(struct db *, const struct db_bank_session *s);
/* Session id into *s. 1 found, 0 none, -1 error. */
int	db_bank_session_get(struct db *, const char *id,
	    struct db_bank_session *s);
/* Write s's state (status, code, card, result, reason, token) back when
 * the row is still in status from. 1 updated, 0 not in that status, -1. */
int	db_bank_session_update(struct db *, const struct db_bank_session *s,
	    const char *from);
/* Keep a token the hosted page issued after authenticating its holder.
 * 0 or -1. */
int	db_bank_token_insert(struct db *, const char *token, const char *brand,
	    const char *last4, const char *country, int64_t now);

#endif
