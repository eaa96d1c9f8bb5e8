#ifndef MALLPAY_DB_SEARCH_H
#define MALLPAY_DB_SEARCH_H

/*
 * The admin console's search (orders by number, remittance code, tracking
 * number, buyer email or company name; the users and companies a text
 * names) and its exports that are not a list of one table's own file
 * (the review queues, the ledger, the reconciliation differences). Every
 * search reads an index (sql/031_search_indexes.sql): no full scan of
 * orders. Prefixes are LIKE patterns made by db_like_prefix().
 */

#include <stddef.h>
#include <stdint.h>

#include "core/order_status.h"
#include "core/pay_method.h"

struct db;

/* How an order search matches. */
enum db_search_by {
	DB_SB_ID,		/* the order number (primary key) */
	DB_SB_RF_CODE,		/* the remittance code, electronic form */
	DB_SB_TRACKING,		/* a shipment's or a remittance's tracking number */
	DB_SB_EMAIL,		/* the buyer's email starts with */
	DB_SB_COMPANY,		/* the company's name starts with */
	DB_SB__MAX
};

/* One order found. */
struct db_search_order {
	int64_t		 id;
	int64_t		 created_at;
	char		 email[255];
	char		 company[201];
	enum pay_method	 method;	/* PM__MAX: none or unknown */
	enum order_status status;	/* OS__MAX: unknown (logged) */
	int64_t		 amount_minor;
	char		 currency[4];
	char		 rf_code[33];
	char		 tracking[65];
};

/* The orders matching text by how, newest first, at most limit, into *out
 * (*n; free with free()). Returns 0 or -1. */
int	db_search_orders(struct db *, enum db_search_by how, const char *text,
	    size_t limit, struct db_search_order **out, size_t *n);

/* A keyset page of the orders of user user_id, newest first: those
 * after (key_dir 1) or before (-1) the order (key_at: its created_at,
 * key_id) in that order, or from the newest (0), at most limit, read
 * outwards from the key (a page before it comes oldest first), by the
 * index on the buyer and time. Returns 0 or -1. */
int	db_search_user_orders(struct db *, int64_t user_id, int key_dir,
	    int64_t key_at, int64_t key_id, size_t limit,
	    struct db_search_order **out, size_t *n);

/* How many orders user_id has, counted up to cap + 1 (more than cap),
 * or -1. */
int64_t	db_search_user_order_count(struct db *, int64_t user_id, int64_t cap);

/* A user or a company a text names, with its open review, if any. */
struct db_search_party {
	int64_t		 id;
	char		 name[255];	/* email of a user, name of a company */
	int64_t		 review_id;	/* its identity check or qualification
					   awaiting review; 0: none */
	int64_t		 review_since;	/* submitted_at of that review */
};

/* The users whose email starts with prefix (company 0) or the companies
 * whose name does (company 1), at most limit, with their reviews waiting,
 * into *out (*n; free with free()). Returns 0 or -1. */
int	db_search_parties(struct db *, int company, const char *prefix,
	    size_t limit, struct db_search_party **out, size_t *n);

/* The exports streamed by db_export(). */
enum db_export {
	DB_X_QUEUE_COD,			/* COD orders awaiting review */
	DB_X_QUEUE_INSTALLMENT,		/* installment applications awaiting review */
	DB_X_QUEUE_REMITTANCE,		/* remittances awaiting verification */
	DB_X_QUEUE_REFUND,		/* orders returned, refund due */
	DB_X_QUEUE_QUALIFICATION,	/* corporate qualifications */
	DB_X_QUEUE_CORPORATE,		/* corporate installment applications */
	DB_X_QUEUE_OVERDUE,		/* overdue installment plans */
	DB_X_QUEUE_IDENTITY,		/* identity checks awaiting manual review */
	DB_X_LEDGER,			/* every ledger line, by id */
	DB_X_RECON,			/* every reconciliation difference */
	DB_X__MAX
};

/* The columns of a queue export, in order (amount in minor units, "" when
 * the item has none; submitted a Unix time; due a day or ""). */
enum db_queue_col {
	DB_QX_ITEM, DB_QX_ORDER, DB_QX_EMAIL, DB_QX_COMPANY, DB_QX_STATUS,
	DB_QX_SUBMITTED, DB_QX_AMOUNT, DB_QX_CURRENCY, DB_QX_DUE, DB_QX__N
};

/* The columns of the ledger export. */
enum db_ledger_col {
	DB_LX_ID, DB_LX_CREATED_AT, DB_LX_ENTRY, DB_LX_LINE, DB_LX_KIND,
	DB_LX_ACCOUNT, DB_LX_AMOUNT, DB_LX_CURRENCY, DB_LX_ORDER, DB_LX_PLAN,
	DB_LX_PARTNER, DB_LX_PARTNER_REF, DB_LX_REVERSES, DB_LX_MEMO,
	DB_LX__N
};

/* The columns of the reconciliation differences export. */
enum db_recon_col {
	DB_RX_DAY, DB_RX_PARTNER, DB_RX_REFERENCE, DB_RX_KIND,
	DB_RX_PARTNER_AMOUNT, DB_RX_LEDGER_AMOUNT, DB_RX_CURRENCY,
	DB_RX_RAN_AT, DB_RX__N
};

/* Stream every row of export which (dbq_stream_rows): fn gets each row's
 * columns (the enum of its kind) as text. today ("YYYY-MM-DD") is the
 * overdue queue's day, unused by the others. Returns 0, 1 when fn
 * stopped, -1 on error. */
int	db_export(struct db *, enum db_export which, const char *today,
	    int (*fn)(void *arg, const char *const *cols, size_t ncols),
	    void *arg);

#endif
