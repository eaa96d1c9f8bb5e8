/*
 * Delivery addresses (see address.h): the address book, checkout's choice
 * and the copy frozen on the order. One transaction per change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/address.h"
#include "db/checkout.h"
#include "db/db.h"
#include "service/address.h"
#include "service/conn.h"

/* See address.h. */
struct db_addr_owner
address_owner(int64_t user_id, int64_t company_id)
{
	struct db_addr_owner o;

	o.user_id = company_id > 0 ? 0 : user_id;
	o.company_id = company_id > 0 ? company_id : 0;
	return o;
}

/* Load the countries and regions into b. 0 or -1. */
static int
load_places(struct db *db, struct address_book *b)
{
	return db_checkout_countries(db, &b->countries, &b->ncountries) ==
	    -1 || db_checkout_regions(db, &b->regions, &b->nregions) == -1 ?
	    -1 : 0;
}

/* See address.h. */
int
address_book_load(struct db *db, const struct db_addr_owner *o,
    struct address_book *b)
{
	memset(b, 0, sizeof(*b));
	if (load_places(db, b) == -1 ||
	    db_address_list(db, o, &b->rows, &b->n) == -1)
		return -1;
	return 0;
}

/* See address.h. */
enum result
address_edit_load(struct db *db, const struct db_addr_owner *o, int64_t id,
    struct address_book *b)
{
	int rc;

	memset(b, 0, sizeof(*b));
	if (load_places(db, b) == -1)
		return RES_ERROR;
	rc = db_address_get(db, o, id, &b->one);
	return rc == 1 ? RES_OK : rc == 0 ? RES_NOT_FOUND : RES_ERROR;
}

/* See address.h. */
void
address_book_cleanup(struct address_book *b)
{
	if (b == NULL)
		return;
	free(b->rows);
	free(b->countries);
	free(b->regions);
	memset(b, 0, sizeof(*b));
}

/* See address.h. */
const struct db_country *
address_country(const struct address_book *b, const char *code,
    const struct db_region **rg)
{
	size_t i, j;

	if (rg != NULL)
		*rg = NULL;
	for (i = 0; code != NULL && i < b->ncountries; i++) {
		if (strcmp(b->countries[i].code, code) != 0)
			continue;
		for (j = 0; rg != NULL && j < b->nregions; j++)
			if (strcmp(b->regions[j].code,
			    b->countries[i].region_code) == 0)
				*rg = &b->regions[j];
		return &b->countries[i];
	}
	return NULL;
}

/* Copy the checked fields of c into a (id, is_default untouched). */
static void
from_clean(const struct addr_clean *c, struct db_address *a)
{
	snprintf(a->recipient, sizeof(a->recipient), "%s", c->recipient);
	snprintf(a->line1, sizeof(a->line1), "%s", c->line1);
	snprintf(a->line2, sizeof(a->line2), "%s", c->line2);
	snprintf(a->city, sizeof(a->city), "%s", c->city);
	snprintf(a->region, sizeof(a->region), "%s", c->region);
	snprintf(a->postal_code, sizeof(a->postal_code), "%s", c->postal_code);
	snprintf(a->country, sizeof(a->country), "%s", c->country);
	snprintf(a->phone, sizeof(a->phone), "%s", c->phone);
}

/* Check in against the countries the mall delivers to into *a: the count
 * of fields in error (err filled), or -1 on a database error. */
static int
check_input(struct db *db, const struct addr_input *in, struct db_address *a,
    struct addr_errors *err)
{
	struct address_book	b;
	struct addr_clean	c;
	int			n;

	memset(&b, 0, sizeof(b));
	if (load_places(db, &b) == -1) {
		address_book_cleanup(&b);
		return -1;
	}
	n = addr_check(in, address_country(&b, in->country, NULL) != NULL, &c,
	    err);
	address_book_cleanup(&b);
	if (n == 0)
		from_clean(&c, a);
	return n;
}

/* See address.h. */
enum result
address_save(struct db *db, const struct db_addr_owner *o, int64_t id,
    const struct addr_input *in, int make_default, int64_t now,
    struct addr_errors *err, int64_t *new_id, struct address_book *b)
{
	struct db_address	a;
	int64_t			count;
	int			n, rc;

	*new_id = 0;
	memset(&a, 0, sizeof(a));
	memset(b, 0, sizeof(*b));
	/* Another owner's address is "not found" whatever the form holds. */
	if (id > 0 && (rc = db_address_get(db, o, id, &a)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	if ((n = check_input(db, in, &a, err)) == -1)
		return RES_ERROR;
	if (n > 0)
		return address_book_load(db, o, b) == -1 ? RES_ERROR :
		    RES_INVALID;
	if (db_begin(db) == -1)
		return RES_ERROR;
	/* The owner's rows are locked: two saves cannot both become the
	 * first (default) address, nor leave two defaults. */
	if (db_address_lock(db, o, &count) == -1)
		goto fail;
	if (id > 0) {
		a.id = id;
		if ((rc = db_address_update(db, o, &a, now)) != 1) {
			db_rollback(db);
			return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
		}
	} else {
		a.is_default = count == 0;
		if ((id = db_address_insert(db, o, &a, now)) <= 0)
			goto fail;
	}
	if (make_default && count > 0 &&
	    db_address_set_default(db, o, id, now) == -1)
		goto fail;
	if (conn_finish(db, RES_OK) != RES_OK)
		return RES_ERROR;
	*new_id = id;
	return RES_OK;
fail:
	return conn_finish(db, RES_ERROR);
}

/* Begin a transaction, lock the owner's rows and find id among them:
 * RES_OK (*a filled, the transaction open), RES_NOT_FOUND or
 * RES_ERROR (rolled back). */
static enum result
begin_with(struct db *db, const struct db_addr_owner *o, int64_t id,
    struct db_address *a)
{
	int64_t	count;
	int	rc;

	if (db_begin(db) == -1)
		return RES_ERROR;
	if (db_address_lock(db, o, &count) == -1 ||
	    (rc = db_address_get(db, o, id, a)) == -1) {
		db_rollback(db);
		return RES_ERROR;
	}
	if (rc == 0) {
		db_rollback(db);
		return RES_NOT_FOUND;
	}
	return RES_OK;
}

/* See address.h. */
enum result
address_delete(struct db *db, const struct db_addr_owner *o, int64_t id,
    int64_t now)
{
	struct db_address	a;
	enum result	r;

	if ((r = begin_with(db, o, id, &a)) != RES_OK)
		return r;
	if (db_address_delete(db, o, id) != 1 ||
	    (a.is_default && db_address_set_default(db, o, 0, now) == -1)) {
		db_rollback(db);
		return RES_ERROR;
	}
	return db_commit(db) == -1 ? RES_ERROR : RES_OK;
}

/* See address.h. */
enum result
address_make_default(struct db *db, const struct db_addr_owner *o,
    int64_t id, int64_t now)
{
	struct db_address	a;
	enum result	r;

	if ((r = begin_with(db, o, id, &a)) != RES_OK)
		return r;
	if (db_address_set_default(db, o, id, now) == -1) {
		db_rollback(db);
		return RES_ERROR;
	}
	return db_commit(db) == -1 ? RES_ERROR : RES_OK;
}

/* The first of p's rows in country cc, the default first (rows come
 * default first), or NULL. */
static const struct db_address *
first_in(const struct address_pick *p, const char *cc)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->rows[i].country, cc) == 0)
			return &p->rows[i];
	return NULL;
}

/* See address.h. */
void
address_pick(struct db_address *rows, size_t n, int64_t address_id,
    const char *country, int country_named, struct address_pick *p)
{
	const struct db_address	*a = NULL;
	size_t			 i;

	memset(p, 0, sizeof(*p));
	if (country == NULL)
		country = "";
	p->rows = rows;
	p->n = n;
	for (i = 0; address_id > 0 && i < p->n; i++)
		if (p->rows[i].id == address_id)
			a = &p->rows[i];
	p->not_theirs = address_id > 0 && a == NULL;
	/* A country that differs from the named address's: the country
	 * selector was changed, the country decides. */
	if (a != NULL && country_named && strcmp(a->country, country) != 0)
		a = NULL;
	if (a == NULL && country_named && country[0] != '\0')
		a = first_in(p, country);
	else if (a == NULL && !country_named && address_id <= 0 && p->n > 0)
		a = &p->rows[0];
	if (a != NULL) {
		p->has = 1;
		p->chosen = *a;
		snprintf(p->country, sizeof(p->country), "%s", a->country);
	} else
		snprintf(p->country, sizeof(p->country), "%s", country);
}

/* See address.h. */
void
address_pick_cleanup(struct address_pick *p)
{
	if (p == NULL)
		return;
	free(p->rows);
	memset(p, 0, sizeof(*p));
}

/* See address.h. */
const char *
address_pick_problem(const struct address_pick *p, const char *country_name,
    char *buf, size_t bufsz)
{
	if (p->has)
		return NULL;
	if (p->n == 0)
		snprintf(buf, bufsz, "%s", _("You have no delivery address "
		    "yet. Add one to your address book: the courier needs it, "
		    "and the order cannot be placed without it."));
	else if (p->not_theirs)
		snprintf(buf, bufsz, "%s", _("That address is not in your "
		    "address book. Choose one of your addresses."));
	else if (country_name != NULL && country_name[0] != '\0')
		/* TRANSLATORS: both %s are the same country's name. */
		snprintf(buf, bufsz, _("You have no delivery address in %s. "
		    "The payment methods below are what an order there "
		    "would be offered; to order, choose one of your "
		    "addresses or add one in %s."), country_name,
		    country_name);
	else
		snprintf(buf, bufsz, "%s", _("Choose one of your delivery "
		    "addresses."));
	return buf;
}

/* See address.h. */
int
address_of_order(struct db *db, int64_t order_id, struct order_address *out)
{
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = db_order_address_get(db, order_id, &out->a)) != 1)
		return rc;
	return address_named(db, out);
}

/* See address.h. */
int
address_named(struct db *db, struct order_address *out)
{
	struct address_book	 b;
	const struct db_country	*k;
	const struct db_region	*rg;

	memset(&b, 0, sizeof(b));
	if (load_places(db, &b) == -1) {
		address_book_cleanup(&b);
		return -1;
	}
	k = address_country(&b, out->a.country, &rg);
	snprintf(out->country_name, sizeof(out->country_name), "%s",
	    k != NULL ? k->name : out->a.country);
	if (rg != NULL) {
		snprintf(out->region_name, sizeof(out->region_name), "%s",
		    rg->name);
		snprintf(out->region_code, sizeof(out->region_code), "%s",
		    rg->code);
		out->cod_supported = rg->cod_supported;
	}
	address_book_cleanup(&b);
	return 1;
}

/* See address.h. */
int
address_seed_demo(struct db *db, const struct db_addr_owner *o,
    const struct addr_input *in, size_t n, int64_t now)
{
	struct db_address	a;
	struct addr_errors	err;
	int64_t			count;
	size_t			i;

	if (db_address_lock(db, o, &count) == -1)
		return -1;
	if (count > 0)
		return 0;
	for (i = 0; i < n; i++) {
		memset(&a, 0, sizeof(a));
		if (check_input(db, &in[i], &a, &err) != 0)
			return -1;
		a.is_default = i == 0;
		if (db_address_insert(db, o, &a, now) <= 0)
			return -1;
	}
	return (int)n;
}
