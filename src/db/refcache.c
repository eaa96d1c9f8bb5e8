/*
 * The reference-data cache of one connection (see refcache.h). Each
 * worker thread owns its connection and so its cache: no locks. Lists are
 * kept as flat arrays of the db structs (no pointers inside), so a copy is
 * one memcpy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "db/dbint.h"
#include "db/refcache.h"

/* Exchange-rate answers kept: one per (currency, day) asked; a view asks
 * for one or two, so a small ring is plenty. */
#define REF_FX_SLOTS	32

struct ref_slot {
	uint64_t	 version;	/* 0: empty */
	void		*rows;
	size_t		 n;
	size_t		 elsz;
};

struct ref_fx {
	uint64_t	 version;	/* 0: empty */
	char		 cur[4];
	char		 day[11];
	int		 found;
	char		 rate[33];
};

struct refcache {
	struct ref_slot	 lists[REF__MAX];
	struct ref_fx	 fx[REF_FX_SLOTS];
	size_t		 fx_next;
};

/* See refcache.h. */
void
db_refdata_seen(struct db *db, uint64_t version)
{
	db->ref_seen = version;
}

/* See dbint.h. */
void
refcache_free(struct refcache *rc)
{
	size_t i;

	if (rc == NULL)
		return;
	for (i = 0; i < REF__MAX; i++)
		free(rc->lists[i].rows);
	free(rc);
}

/* See refcache.h. */
int
refcache_get(struct db *db, enum ref_list l, size_t elsz, void **out,
    size_t *n)
{
	struct ref_slot *s;

	if (db->ref == NULL || db->ref_seen == 0)
		return 0;
	s = &db->ref->lists[l];
	if (s->version != db->ref_seen || s->elsz != elsz)
		return 0;
	*out = NULL;
	if (s->n > 0) {
		*out = xcalloc(s->n, elsz);
		memcpy(*out, s->rows, s->n * elsz);
	}
	*n = s->n;
	return 1;
}

/* See refcache.h. */
void
refcache_put(struct db *db, enum ref_list l, size_t elsz, const void *rows,
    size_t n)
{
	struct ref_slot *s;

	if (db->ref_seen == 0)
		return;
	if (db->ref == NULL)
		db->ref = xcalloc(1, sizeof(*db->ref));
	s = &db->ref->lists[l];
	free(s->rows);
	s->rows = NULL;
	if (n > 0) {
		s->rows = xcalloc(n, elsz);
		memcpy(s->rows, rows, n * elsz);
	}
	s->n = n;
	s->elsz = elsz;
	s->version = db->ref_seen;
}

/* See refcache.h. */
int
refcache_fx_get(struct db *db, const char *cur, const char *day, char *rate,
    size_t ratesz)
{
	const struct ref_fx *f;
	size_t i;

	if (db->ref == NULL || db->ref_seen == 0)
		return -1;
	for (i = 0; i < REF_FX_SLOTS; i++) {
		f = &db->ref->fx[i];
		if (f->version != db->ref_seen || strcmp(f->cur, cur) != 0 ||
		    strcmp(f->day, day) != 0)
			continue;
		if (f->found)
			snprintf(rate, ratesz, "%s", f->rate);
		return f->found;
	}
	return -1;
}

/* See refcache.h. A currency code or day too long for a slot is not kept
 * (it would never be asked for again in the same spelling). */
void
refcache_fx_put(struct db *db, const char *cur, const char *day, int found,
    const char *rate)
{
	struct ref_fx *f;

	if (db->ref_seen == 0 || strlen(cur) >= sizeof(f->cur) ||
	    strlen(day) >= sizeof(f->day) ||
	    (found && strlen(rate) >= sizeof(f->rate)))
		return;
	if (db->ref == NULL)
		db->ref = xcalloc(1, sizeof(*db->ref));
	f = &db->ref->fx[db->ref->fx_next];
	db->ref->fx_next = (db->ref->fx_next + 1) % REF_FX_SLOTS;
	memset(f, 0, sizeof(*f));
	memcpy(f->cur, cur, strlen(cur) + 1);
	memcpy(f->day, day, strlen(day) + 1);
	f->found = found;
	if (found)
		memcpy(f->rate, rate, strlen(rate) + 1);
	f->version = db->ref_seen;
}
