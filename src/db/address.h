#ifndef MALLPAY_DB_ADDRESS_H
#define MALLPAY_DB_ADDRESS_H

/*
 * addresses (migration 021): the address book of a shopper or of a
 * company; and the copy frozen on each order, columns of its row
 * (migration 042; written by db_order_insert). SQL only.
 *
 * An owner is (user_id, company_id) with exactly one of them > 0: a
 * company member's book is the company's (company_id), a person's is
 * their own (user_id). Every read and write of a book row names its owner,
 * so another owner's row reads as "no such row".
 */

#include <stddef.h>
#include <stdint.h>

struct db;

/* The owner of an address book. */
struct db_addr_owner {
	int64_t		 user_id;	/* > 0 for a person's book */
	int64_t		 company_id;	/* > 0 for a company's book */
};

/* One address, as stored (book) or frozen (order). */
struct db_address {
	int64_t		 id;		/* book row; 0 for an order's copy */
	char		 recipient[101];
	char		 line1[121];
	char		 line2[121];
	char		 city[81];
	char		 region[81];
	char		 postal_code[17];
	char		 country[3];
	char		 phone[33];
	int		 is_default;
	int		 delivery_days;	/* order copy only */
};

/* The owner's addresses, the default first, then by id, into a new array
 * (*out, free(3); NULL when none) of *n. 0 or -1. */
int	db_address_list(struct db *, const struct db_addr_owner *,
	    struct db_address **out, size_t *n);

/* The owner's address id into *out: 1, 0 (none of theirs), -1. */
int	db_address_get(struct db *, const struct db_addr_owner *, int64_t id,
	    struct db_address *out);

/* Lock the owner's address rows (SELECT ... FOR UPDATE) and count them
 * into *n: 0 or -1. Call inside a transaction before moving the default. */
int	db_address_lock(struct db *, const struct db_addr_owner *, int64_t *n);

/* Insert a into the owner's book (a->is_default as given): the new id, or
 * -1. */
int64_t	db_address_insert(struct db *, const struct db_addr_owner *,
	    const struct db_address *a, int64_t now);

/* Update the fields of the owner's address a->id (not is_default): 1, 0
 * (none of theirs), -1. */
int	db_address_update(struct db *, const struct db_addr_owner *,
	    const struct db_address *a, int64_t now);

/* Delete the owner's address id: 1, 0 (none of theirs), -1. */
int	db_address_delete(struct db *, const struct db_addr_owner *, int64_t id);

/* Make id the owner's only default (id 0: the owner's lowest id, for
 * after the default was deleted). 0 or -1. */
int	db_address_set_default(struct db *, const struct db_addr_owner *,
	    int64_t id, int64_t now);

/* The frozen address of order_id into *out: 1, 0 (none: an order placed
 * before addresses existed), -1. */
int	db_order_address_get(struct db *, int64_t order_id,
	    struct db_address *out);

#endif
