#ifndef MALLPAY_DB_REFCACHE_H
#define MALLPAY_DB_REFCACHE_H

/*
 * Private to src/db/: the reference-data cache of one connection (one
 * mallpayd worker). Checkout reads settings, regions, countries,
 * institutions, holidays and exchange rates on every view, the catalog
 * its categories; they change a
 * few times a day. Each cached list carries the refdata_version it was
 * loaded at (sql/013); the session lookup that starts a signed-in request
 * reads the current version in the same statement (db_refdata_seen), and a
 * list whose label differs is loaded again. A request that has not seen
 * the version (anonymous, mallpayctl) always reads the tables.
 */

#include <stddef.h>
#include <stdint.h>

struct db;

enum ref_list {
	REF_SETTINGS,
	REF_REGIONS,
	REF_COUNTRIES,
	REF_INSTITUTIONS,
	REF_HOLIDAYS,
	REF_CATEGORIES,
	REF__MAX
};

/* Record the refdata version this request read (0: unknown, no caching).
 * db_ensure() resets it at the start of each request. */
void	db_refdata_seen(struct db *, uint64_t version);

/* A copy of list (elements of elsz bytes) if it was cached at the version
 * this request saw: 1 with *out a heap array to free() (NULL when empty)
 * and *n its length; 0 on a miss (*out, *n untouched). */
int	refcache_get(struct db *, enum ref_list, size_t elsz, void **out,
	    size_t *n);

/* Keep a copy of rows (n elements of elsz bytes) as list at the version
 * this request saw; does nothing when that version is unknown. */
void	refcache_put(struct db *, enum ref_list, size_t elsz,
	    const void *rows, size_t n);

/* The cached answer of "rate of cur on day": 1 with rate filled, 0 when
 * known to have none, -1 on a miss. */
int	refcache_fx_get(struct db *, const char *cur, const char *day,
	    char *rate, size_t ratesz);

/* Keep the answer of "rate of cur on day" (found 1 with rate, or 0) at the
 * version this request saw; does nothing when that version is unknown. */
void	refcache_fx_put(struct db *, const char *cur, const char *day,
	    int found, const char *rate);

#endif
