#ifndef MALLPAY_SERVICE_ADDRESS_H
#define MALLPAY_SERVICE_ADDRESS_H

/*
 * Delivery addresses: the address book of an account (add, edit, delete,
 * choose the default), the address checkout ships to, and the copy of it
 * frozen on the order.
 *
 * Whose book: a person's own; a company member's is the company's, shared
 * by its members, so corporate orders ship to the company's addresses.
 * Every call names the owner; another owner's address is RES_NOT_FOUND.
 * An owner's first address becomes the default; deleting the default makes
 * the oldest remaining one the default.
 *
 * Checkout (address_pick): the address decides the destination country.
 *   - address named (and no other country named): that address;
 *   - a country named (the country selector) and no address of it named:
 *     the default if it is in that country, else the first address there,
 *     else none (the page previews that country; placing is refused);
 *     a country named empty means no destination;
 *   - nothing named (a place-order POST without an address): the default.
 * Delivery days come from the region of the address's country (the
 * regions table: its service area; a country may set its own days).
 */

#include <stddef.h>
#include <stdint.h>

#include "core/result.h"

#include "db/address.h"
#include "db/checkout.h"
#include "rules/address.h"

struct db;

/* The owner of the book of a signed-in user (company_id 0: a person). */
struct db_addr_owner address_owner(int64_t user_id, int64_t company_id);

/* An address book with what its page shows beside each address. */
struct address_book {
	struct db_address	*rows;		/* default first */
	size_t			 n;
	struct db_country	*countries;	/* by name */
	size_t			 ncountries;
	struct db_region	*regions;
	size_t			 nregions;
	struct db_address	 one;		/* address_edit_load */
};

/* The owner's book (and the countries) into *b; 0 or -1. Clean up with
 * address_book_cleanup in every case. */
int	address_book_load(struct db *, const struct db_addr_owner *,
	    struct address_book *b);

/* The owner's address id (with the countries) into b->one: RES_OK,
 * RES_NOT_FOUND, RES_ERROR. Clean up with address_book_cleanup. */
enum result address_edit_load(struct db *, const struct db_addr_owner *,
	    int64_t id, struct address_book *b);
void	address_book_cleanup(struct address_book *b);

/* The country code of b named code, or NULL; its region in *rg. */
const struct db_country *address_country(const struct address_book *b,
	    const char *code, const struct db_region **rg);

/* Add (id 0) or replace (id > 0) an address of the owner from the typed
 * fields, in one transaction; make_default makes it the default (the
 * owner's first address always is). RES_INVALID with *err filled and
 * nothing written, and the owner's book loaded into *b to show the form
 * again (clean b up in every case); *new_id gets the address. */
enum result address_save(struct db *, const struct db_addr_owner *,
	    int64_t id, const struct addr_input *in, int make_default,
	    int64_t now, struct addr_errors *err, int64_t *new_id,
	    struct address_book *b);

/* Delete the owner's address id (placed orders keep their copy); if it
 * was the default the oldest remaining one becomes it. One transaction. */
enum result address_delete(struct db *, const struct db_addr_owner *,
	    int64_t id, int64_t now);

/* Make the owner's address id the default. One transaction. */
enum result address_make_default(struct db *,
	    const struct db_addr_owner *, int64_t id, int64_t now);

/* The address checkout ships to (see the rules above). */
struct address_pick {
	struct db_address	*rows;		/* the buyer's book */
	size_t			 n;
	int			 has;		/* chosen is set */
	struct db_address	 chosen;
	int			 not_theirs;	/* a named id not in the book */
	char			 country[3];	/* the destination: chosen's
						   country, else the one
						   named (preview) */
};

/* Pick from the buyer's book rows (n of them, as db_checkout_read reads
 * it: a member's is the company's; moved into *p) the address for the
 * named address_id (0: none), country (NULL or "": none) and
 * country_named (a country field was sent, even empty) into *p. Free
 * with address_pick_cleanup. */
void	address_pick(struct db_address *rows, size_t n, int64_t address_id,
	    const char *country, int country_named, struct address_pick *p);
void	address_pick_cleanup(struct address_pick *p);

/* The sentence for the shopper when p has no address (NULL when it has
 * one); country_name names p->country when there is one. */
const char *address_pick_problem(const struct address_pick *p,
	    const char *country_name, char *buf, size_t bufsz);

/* The address an order ships to, with its service area. */
struct order_address {
	struct db_address	 a;		/* the frozen copy */
	char			 country_name[101];
	char			 region_name[101];	/* service area */
	char			 region_code[17];
	int			 cod_supported;
};

/* The frozen address of order_id into *out: 1, 0 (an order placed before
 * addresses existed), -1. */
int	address_of_order(struct db *, int64_t order_id,
	    struct order_address *out);
/* The country's and region's names (and whether COD ships there) of
 * the frozen address out->a (as read), into *out: 1, or -1. */
int	address_named(struct db *, struct order_address *out);

/* Give a demo owner (see seed.c) the n addresses of in, the first its
 * default, unless it has an address already; inside the caller's
 * transaction. The number added (0 or n), or -1 (also when one of them
 * does not pass the checks). */
int	address_seed_demo(struct db *, const struct db_addr_owner *owner,
	    const struct addr_input *in, size_t n, int64_t now);

#endif
