/*
 * mallpayctl bench-data [--shoppers N] [--orders N] [--bench-orders N]
 *     [--now TIME]: the benchmark data set of issue 11.
 *
 * Tops the database up to N benchmark shoppers (bench-NNNNN@bench.test)
 * and N benchmark orders (idempotency key "bench-..."), each order with
 * 1-3 items and 2-4 audit events, plus the benchmark shopper
 * bench@bench.test (created with --bench-orders orders, 60 by default)
 * whose cart is set to 3 items on every run. Running it with --orders 500
 * then --orders 50000 gives the small and the large data set of the scale
 * check on one database. Every password is BENCH_PASSWORD, hashed once.
 *
 * Plans and vouchers are written once their tables exist (migrations of
 * issues 6-8); until then the data set has orders, items and events only,
 * and the command says so.
 *
 * Needs the demo catalog (seed-demo) for products. Rows are written with
 * multi-row prepared INSERTs (db/benchdata.c), one transaction per chunk
 * of CHUNK orders, so 50,000 orders take seconds, not minutes.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/clock.h"
#include "ctl/ctl.h"
#include "db/benchdata.h"
#include "db/db.h"

#define BENCH_PASSWORD	"mallpay-bench"
#define BENCH_SHOPPER	"bench@bench.test"
#define CHUNK		5000
#define DAY		86400

/* The states an order went through after being placed, by road. */
static const char *const road_done[] = { "pending_shipment", "shipped",
    "delivered", "completed", NULL };
static const char *const road_shipped[] = { "pending_shipment", "shipped",
    NULL };
static const char *const road_waiting[] = { "pending_shipment", NULL };
static const char *const road_cancelled[] = { "pending_shipment",
    "cancelled", NULL };

static const char *const *const roads[] = { road_done, road_done,
    road_shipped, road_waiting, road_cancelled };
static const char *const methods[] = { "cod", "remittance", "pay_after_use",
    "credit_line", "installment_card" };

#define NROADS		(sizeof(roads) / sizeof(roads[0]))
#define NMETHODS	(sizeof(methods) / sizeof(methods[0]))

/* A small deterministic generator (xorshift64): the data set is the same
 * on every run. state must not be 0. Returns the next value. */
static uint64_t
next_rand(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return *state = x;
}

/* Seconds of CLOCK_MONOTONIC, for the timing line only (not a rule's
 * clock). */
static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Create shoppers so that `have` becomes `want`, ids above the table's
 * largest. Returns the number created, or -1. */
static long
make_shoppers(struct db *db, size_t have, size_t want, const char *hash,
    int64_t now)
{
	struct bench_user *u;
	size_t i, n;
	int64_t base;

	if (want <= have)
		return 0;
	if ((base = db_bench_max_id(db, 0)) < 0)
		return -1;
	n = want - have;
	u = xcalloc(n, sizeof(*u));
	for (i = 0; i < n; i++) {
		u[i].id = base + 1 + (int64_t)i;
		snprintf(u[i].email, sizeof(u[i].email), "bench-%05zu@bench.test",
		    have + i + 1);
		snprintf(u[i].name, sizeof(u[i].name), "Bench Shopper %zu",
		    have + i + 1);
		u[i].credit_score = 650 + (int)((have + i) % 150);
		u[i].credit_limit_usd_minor = 500000;
	}
	if (db_bench_insert_users(db, u, n, hash, now) == -1) {
		free(u);
		return -1;
	}
	free(u);
	return (long)n;
}

/* Orders, items and events of one chunk. */
struct chunk {
	struct bench_order	*o;
	struct bench_item	*it;
	struct bench_event	*ev;
	size_t			 no, nit, nev;
};

/* Fill order o (id, owner user_id, serial number seq) with its items and
 * events into ch, from the products p (np of them). */
static void
make_order(struct chunk *ch, int64_t id, int64_t user_id, int64_t seq,
    const struct seed_product *p, size_t np, uint64_t *rnd, int64_t now)
{
	struct bench_order *o = &ch->o[ch->no++];
	struct bench_item *it;
	struct bench_event *e;
	const char *const *road = roads[seq % NROADS];
	const char *prev = NULL;
	int64_t t;
	size_t k, nlines = 1 + next_rand(rnd) % 3;
	int step;

	memset(o, 0, sizeof(*o));
	o->id = id;
	o->user_id = user_id;
	o->method = methods[seq % NMETHODS];
	snprintf(o->key, sizeof(o->key), "bench-%lld", (long long)seq);
	/* Spread over the last two years, newest for the largest serial. */
	o->created_at = now - (int64_t)(next_rand(rnd) % (730 * DAY));
	for (k = 0; k < nlines; k++) {
		it = &ch->it[ch->nit++];
		it->order_id = id;
		it->p = &p[next_rand(rnd) % np];
		it->qty = 1 + (int)(next_rand(rnd) % 3);
		o->items_total_minor += it->p->price_minor * it->qty;
	}
	if (strcmp(o->method, "cod") == 0)
		o->fee_minor = (o->items_total_minor * 4 + 50) / 100;
	t = o->created_at;
	for (step = 0; road[step] != NULL; step++) {
		e = &ch->ev[ch->nev++];
		e->order_id = id;
		e->actor_id = step == 0 ? user_id : 0;
		e->at = t;
		e->from_state = prev;
		e->to_state = road[step];
		e->reason = step == 0 ? "bench: order placed" :
		    "bench: order moved on";
		prev = road[step];
		t += DAY;
	}
	o->status = prev;
	o->updated_at = t - DAY;
	o->completed_at = strcmp(prev, "completed") == 0 ? o->updated_at : 0;
}

/* Write chunk ch in one transaction and empty it. Returns 0 or -1. */
static int
flush_chunk(struct db *db, struct chunk *ch)
{
	if (ch->no == 0)
		return 0;
	if (db_begin(db) == -1 ||
	    db_bench_insert_orders(db, ch->o, ch->no) == -1 ||
	    db_bench_insert_items(db, ch->it, ch->nit) == -1 ||
	    db_bench_insert_events(db, ch->ev, ch->nev) == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return -1;
	}
	ch->no = ch->nit = ch->nev = 0;
	return 0;
}

/* See ctl.h: mallpayctl bench-data. */
int
ctl_bench_data(struct ctl *c, int argc, char **argv)
{
	char hash[crypto_pwhash_STRBYTES];
	struct seed_product *prods = NULL;
	struct bench_user me;
	struct chunk ch;
	int64_t *uids = NULL, now, have_orders, base, me_id, seq;
	int64_t cart[3];
	size_t nprods = 0, nuids = 0, i, ncart = 0, want_users = 2000;
	long want_orders = 50000, me_orders = 60, made_users = 0, add, k;
	uint64_t rnd = 0x9e3779b97f4a7c15ULL;
	struct db *db;
	double t0 = mono();
	int ai, extra, rc = 1;

	for (ai = 1; ai < argc; ai++) {
		if (strcmp(argv[ai], "--shoppers") == 0 && ai + 1 < argc)
			want_users = (size_t)strtoul(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--orders") == 0 && ai + 1 < argc)
			want_orders = strtol(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--bench-orders") == 0 &&
		    ai + 1 < argc)
			me_orders = strtol(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--now") == 0 && ai + 1 < argc) {
			if (ctl_parse_time(argv[++ai], &now) == -1)
				goto usage;
			clock_set_fixed(now);
		} else
			goto usage;
	}
	if (want_users < 1 || want_users > 1000000 || want_orders < 0 ||
	    want_orders > 10000000 || me_orders < 0 || me_orders > want_orders)
		goto usage;
	if (sodium_init() < 0) {
		fprintf(stderr, "mallpayctl: libsodium failed to start\n");
		return 1;
	}
	now = clock_now();
	if ((db = ctl_db_open(c)) == NULL)
		return 1;
	memset(&ch, 0, sizeof(ch));
	if (db_bench_products(db, &prods, &nprods) == -1)
		goto dbfail;
	for (i = 0; i < nprods && ncart < 3; i++)
		if (!prods[i].high_value && !prods[i].pre_order &&
		    !prods[i].customized && !prods[i].special_customs &&
		    !prods[i].pay_after_use)
			cart[ncart++] = prods[i].id;
	if (nprods == 0 || ncart < 3) {
		fprintf(stderr, "mallpayctl: bench-data: no catalog: run "
		    "seed-demo first\n");
		goto out;
	}
	/* One argon2id hash for every benchmark login. */
	if (crypto_pwhash_str(hash, BENCH_PASSWORD, strlen(BENCH_PASSWORD),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		fprintf(stderr, "mallpayctl: bench-data: out of memory\n");
		goto out;
	}
	if (db_bench_user_ids(db, &uids, &nuids) == -1 ||
	    db_begin(db) == -1 ||
	    (made_users = make_shoppers(db, nuids, want_users, hash, now)) < 0)
		goto dbfail;
	if ((me_id = db_bench_user_id(db, BENCH_SHOPPER)) < 0)
		goto dbfail;
	if (me_id == 0) {
		memset(&me, 0, sizeof(me));
		if ((me.id = db_bench_max_id(db, 0)) < 0)
			goto dbfail;
		me.id++;
		snprintf(me.email, sizeof(me.email), "%s", BENCH_SHOPPER);
		snprintf(me.name, sizeof(me.name), "Bench Buyer");
		me.credit_score = 760;
		me.credit_limit_usd_minor = 1500000;
		if (db_bench_insert_users(db, &me, 1, hash, now) == -1)
			goto dbfail;
		me_id = me.id;
	} else
		me_orders = 0;	/* it has its orders already */
	if (db_bench_set_cart(db, me_id, cart, ncart, now) == -1 ||
	    db_commit(db) == -1)
		goto dbfail;
	free(uids);
	uids = NULL;
	if (db_bench_user_ids(db, &uids, &nuids) == -1 || nuids == 0)
		goto dbfail;

	if (db_bench_count_orders(db, &have_orders) == -1 ||
	    (base = db_bench_max_id(db, 1)) < 0)
		goto dbfail;
	add = want_orders - (long)have_orders;
	if (add < me_orders)
		add = me_orders;
	ch.o = xcalloc(CHUNK, sizeof(*ch.o));
	ch.it = xcalloc(CHUNK * 3, sizeof(*ch.it));
	ch.ev = xcalloc(CHUNK * 4, sizeof(*ch.ev));
	seq = have_orders;
	for (k = 0; k < add; k++, seq++) {
		rnd ^= (uint64_t)seq * 0x2545f4914f6cdd1dULL;
		if (rnd == 0)
			rnd = 1;
		make_order(&ch, base + 1 + k, k < me_orders ? me_id :
		    uids[(size_t)seq % nuids], seq, prods, nprods, &rnd, now);
		if (ch.no == CHUNK && flush_chunk(db, &ch) == -1)
			goto dbfail;
	}
	if (flush_chunk(db, &ch) == -1)
		goto dbfail;
	printf("bench-data: %ld shoppers and %ld orders added (%zu shoppers, "
	    "%ld orders in all; %s has a 3-item cart), %.1f s\n", made_users,
	    add > 0 ? add : 0, nuids, (long)have_orders + (add > 0 ? add : 0),
	    BENCH_SHOPPER, mono() - t0);
	if ((extra = db_bench_extra_tables(db)) == 0)
		printf("bench-data: plans and vouchers: not written (their "
		    "tables do not exist yet)\n");
	else if (extra > 0)
		printf("bench-data: plans and vouchers: their tables exist but "
		    "bench-data does not fill them yet\n");
	printf("bench-data: password of every bench login: %s\n",
	    BENCH_PASSWORD);
	rc = 0;
	goto out;
dbfail:
	fprintf(stderr, "mallpayctl: bench-data: %s\n", db_error(db));
	db_rollback(db);
out:
	free(ch.o);
	free(ch.it);
	free(ch.ev);
	free(uids);
	free(prods);
	db_free(db);
	return rc;
usage:
	fprintf(stderr, "usage: mallpayctl bench-data [--shoppers N] "
	    "[--orders N] [--bench-orders N] [--now TIME]\n");
	return 2;
}
