/*
 * mallpayctl bench-data [--shoppers N] [--orders N] [--installments N]
 *     [--bench-orders N] [--buyers N] [--now TIME]: the benchmark data set
 *     (bench/README.md).
 *
 * Tops the database up to N benchmark shoppers (bench-NNNNN@bench.test)
 * and N benchmark orders (idempotency key "bench-..."), each order with
 * 1-3 items and its audit events, plus the benchmark shopper
 * bench@bench.test (created with --bench-orders orders, 60 by default)
 * whose cart is set to 3 items on every run (--buyers N: the first N
 * benchmark shoppers by id too, each with the bench address, so that
 * place-order can be loaded by many shoppers at once). Running it with --orders 500
 * then --orders 50000 gives the small and the large data set of the scale
 * check on one database. Every password is BENCH_PASSWORD, hashed once.
 *
 * The orders are what the product's own flows leave behind
 * (service/orderflow.c's roads, every step an event, none in the future):
 * - 1 in 4 are installment orders (installment_card at harbor-bank or
 *   summit-bank, installment_partner at lotus-finance; 3, 6 or 12 months;
 *   at least USD 500 so every INST-05 minimum holds) with the plan that
 *   plan_create() + plan_confirm() write: plan_build() and plan_apr() of
 *   the institution's terms (plan_terms_of_institution), started on the
 *   confirmation day, installment 1 paid as the down payment, every later
 *   one whose due date has come paid by its deduction (plan_payments rows
 *   keyed by the installment's bank key, and plan events), the plan
 *   active, or closed once all are paid; with the ledger entries the
 *   real flow posts (service/plan_ledger.h: the plan's start, each
 *   payment), so that `mallpayctl check` holds on the data set;
 * - 1 in 10 are remittance orders (REM-P1 RF code, REM-P6 payment due):
 *   waiting for the money, cancelled, or paid through an accepted voucher
 *   (a post office statement line, or the shopper's upload) and shipped
 *   on; recent ones wait for verification with a pending voucher. Every
 *   uploaded voucher's file is a small PNG of its own, made in memory and
 *   stored by filestore_put() (encrypted, files row), as REM-P3 does;
 * - the rest are COD (reviewed first, COD-P1) and pay-after-use orders.
 * --installments N then adds installment orders of the shoppers, each
 * with a running 12-month plan started 40 days ago, until N installments
 * were added (the scheduler's batch table of bench/run.sh).
 * The benchmark shopper always ends with at least one active 12-month
 * plan (bench/run.sh measures its /orders/ID/schedule): when a run finds
 * none, it adds one such order.
 *
 * Needs the demo catalog and institutions (seed-demo). Rows are written
 * with multi-row prepared INSERTs (db/benchdata.c), one transaction per
 * chunk of CHUNK orders, so 50,000 orders take seconds, not minutes.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/money.h"
#include "ctl/benchgen.h"
#include "ctl/ctl.h"
#include "db/benchdata.h"
#include "db/db.h"
#include "db/ledger.h"
#include "db/plan.h"
#include "db/remittance.h"
#include "rules/plan.h"
#include "rules/rfcode.h"
#include "service/address.h"
#include "service/filestore.h"
#include "service/orders.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/remittance.h"

#define BENCH_PASSWORD	"mallpay-bench"
#define BENCH_SHOPPER	"bench@bench.test"
#define CHUNK		5000


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
	if ((base = db_bench_max_id(db, BENCH_T_USERS)) < 0)
		return -1;
	n = want - have;
	u = xcalloc(n, sizeof(*u));
	for (i = 0; i < n; i++) {
		u[i].id = base + 1 + (int64_t)i;
		snprintf(u[i].email, sizeof(u[i].email), "bench-%05zu@bench.test",
		    have + i + 1);
		snprintf(u[i].name, sizeof(u[i].name), "Bench Shopper %zu",
		    have + i + 1);
		u[i].credit_limit_usd_minor = 500000;
	}
	if (db_bench_insert_users(db, u, n, hash, now) == -1) {
		free(u);
		return -1;
	}
	free(u);
	return (long)n;
}

/* Write chunk ch in one transaction and empty it: the uploaded vouchers'
 * files are stored first (filestore_put, rows in the same transaction) and
 * removed again when the transaction fails. Returns 0 or -1. */
static int
flush_chunk(struct gen *g, struct chunk *ch)
{
	struct db *db = g->db;
	struct filestore_info *fi;
	struct filestore_owner owner;
	struct buf png;
	char err[256];
	size_t i, nf = 0;
	int rc = -1;

	if (ch->no == 0)
		return 0;
	fi = xcalloc(ch->nv + 1, sizeof(*fi));
	buf_init(&png);
	if (db_begin(db) == -1 ||
	    db_bench_insert_orders(db, ch->o, ch->no) == -1 ||
	    db_bench_insert_items(db, ch->it, ch->nit) == -1 ||
	    db_bench_insert_events(db, ch->ev, ch->nev) == -1 ||
	    db_bench_insert_plans(db, ch->pl, ch->npl) == -1 ||
	    db_bench_insert_insts(db, ch->in, ch->nin) == -1 ||
	    db_bench_insert_pays(db, ch->pay, ch->npay, "USD") == -1 ||
	    db_ledger_insert_lines(db, ch->led, ch->nled) == -1)
		goto out;
	for (i = 0; i < ch->nv; i++) {
		if (!ch->file[i])
			continue;
		/* REM-P3/P9: the shopper's receipt, encrypted at rest. */
		bench_png(&png, ch->v[i].order_id);
		owner.user_id = ch->v[i].user_id;
		owner.company_id = 0;
		if (filestore_put(db, g->cfg, &owner, png.data, png.len,
		    FS_VOUCHER, ch->v[i].created_at, &fi[nf], err,
		    sizeof(err)) != 0) {
			fprintf(stderr, "mallpayctl: bench-data: voucher file: "
			    "%s\n", err);
			goto out;
		}
		ch->v[i].file_id = fi[nf++].id;
	}
	if (db_bench_insert_vouchers(db, ch->v, ch->nv, "USD") == -1 ||
	    (ch->nv > 0 && db_bench_voucher_ledger(db, ch->v[0].id,
	    ch->v[ch->nv - 1].id) == -1) || db_commit(db) == -1)
		goto out;
	for (i = 0; i < nf; i++)
		filestore_publish(g->cfg, &fi[i]);
	g->nfiles += (long)nf;
	rc = 0;
out:
	if (rc == -1) {
		db_rollback(db);
		for (i = 0; i < nf; i++)
			filestore_discard(g->cfg, &fi[i]);
	}
	free(fi);
	buf_cleanup(&png);
	ch->no = ch->nit = ch->nev = ch->npl = ch->nin = ch->npay = ch->nv = 0;
	ch->nled = 0;
	return rc;
}

/* Free the arrays of ch. */
static void
chunk_free(struct chunk *ch)
{
	free(ch->o);
	free(ch->it);
	free(ch->ev);
	free(ch->pl);
	free(ch->in);
	free(ch->pay);
	free(ch->led);
	free(ch->v);
	free(ch->file);
}

/* The bench login's delivery address (checkout needs one), unless it has
 * one. 0 or -1. */
static int
bench_address(struct db *db, int64_t user_id, int64_t now)
{
	static const struct addr_input in = { "Bench Buyer",
	    "1 Jalan Penanda Aras", "", "Kuala Lumpur", "", "50450", "MY",
	    "+60 12-000 0000" };
	struct db_addr_owner o = { user_id, 0 };

	return address_seed_demo(db, &o, &in, 1, now) == -1 ? -1 : 0;
}

/* The options of a bench-data run. */
struct bench_opts {
	size_t	want_users;	/* --shoppers */
	long	want_orders;	/* --orders */
	long	me_orders;	/* --bench-orders */
	long	want_inst;	/* --installments */
	size_t	buyers;		/* --buyers */
};

/* One bench-data run: the generator, the chunk being filled, the catalog,
 * the shoppers' ids and what was added so far. */
struct bench_run {
	struct gen		 g;
	struct chunk		 ch;
	struct seed_product	*prods;
	int64_t			*uids;
	size_t			 nuids;
	int64_t			 me_id;		/* the benchmark shopper */
	int64_t			 have_orders;	/* before this run */
	int64_t			 seq;		/* the next order's number */
	uint64_t		 rnd;
	long			 made_users, add, forced;
};

/* Parse bench-data's arguments into *o (defaults first); --now fixes the
 * clock. 0, or -1 (usage). */
static int
bench_opts_parse(int argc, char **argv, struct bench_opts *o)
{
	int64_t	now;
	int	ai;

	o->want_users = 2000;
	o->want_orders = 50000;
	o->me_orders = 60;
	o->want_inst = 0;
	o->buyers = 0;
	for (ai = 1; ai < argc; ai++) {
		if (strcmp(argv[ai], "--shoppers") == 0 && ai + 1 < argc)
			o->want_users = (size_t)strtoul(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--orders") == 0 && ai + 1 < argc)
			o->want_orders = strtol(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--installments") == 0 &&
		    ai + 1 < argc)
			o->want_inst = strtol(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--buyers") == 0 && ai + 1 < argc)
			o->buyers = (size_t)strtoul(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--bench-orders") == 0 &&
		    ai + 1 < argc)
			o->me_orders = strtol(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--now") == 0 && ai + 1 < argc) {
			if (ctl_parse_time(argv[++ai], &now) == -1)
				return -1;
			clock_set_fixed(now);
		} else
			return -1;
	}
	if (o->want_users < 1 || o->want_users > 1000000 ||
	    o->want_orders < 0 || o->want_orders > 10000000 ||
	    o->me_orders < 0 || o->me_orders > o->want_orders ||
	    o->want_inst < 0 || o->want_inst > 100000000 ||
	    o->buyers > o->want_users || o->buyers > 1000)
		return -1;
	return 0;
}

/* The demo catalog into r (r->g.prods; r->g.extra when the plan and
 * voucher tables exist, then the institutions too) and the benchmark
 * shopper's 3-item cart (plain products) into cart. 0; 1 no catalog or
 * institutions (said on stderr); -1 database error. */
static int
bench_catalog(struct bench_run *r, int64_t cart[3])
{
	struct gen	*g = &r->g;
	size_t		 i, nprods = 0, ncart = 0;
	int		 rc;

	if (db_bench_products(g->db, &r->prods, &nprods) == -1)
		return -1;
	for (i = 0; i < nprods && ncart < 3; i++)
		if (!r->prods[i].high_value && !r->prods[i].pre_order &&
		    !r->prods[i].customized && !r->prods[i].special_customs &&
		    !r->prods[i].pay_after_use)
			cart[ncart++] = r->prods[i].id;
	if (nprods == 0 || ncart < 3) {
		fprintf(stderr, "mallpayctl: bench-data: no catalog: run "
		    "seed-demo first\n");
		return 1;
	}
	g->prods = r->prods;
	g->nprods = nprods;
	if ((rc = db_bench_extra_tables(g->db)) == -1)
		return -1;
	g->extra = rc == BENCH_EXTRA_TABLES;
	if (!g->extra)
		return 0;
	if ((rc = bench_gen_prepare(g)) == -1)
		return -1;
	if (rc == 1) {
		fprintf(stderr, "mallpayctl: bench-data: no institutions: run "
		    "seed-demo first\n");
		return 1;
	}
	return 0;
}

/* In one transaction: the shoppers topped up to o->want_users (hash:
 * every login's password hash), the benchmark shopper created when
 * missing (an existing one has its orders: o->me_orders becomes 0), its
 * address and its cart set; then every shopper's id read into r. 0, or
 * -1 database error. */
static int
bench_logins(struct bench_run *r, struct bench_opts *o, const char *hash,
    const int64_t cart[3])
{
	struct db		*db = r->g.db;
	struct bench_user	 me;
	int64_t			 now = r->g.now;

	if (db_bench_user_ids(db, &r->uids, &r->nuids) == -1 ||
	    db_begin(db) == -1 || (r->made_users = make_shoppers(db,
	    r->nuids, o->want_users, hash, now)) < 0)
		return -1;
	if ((r->me_id = db_bench_user_id(db, BENCH_SHOPPER)) < 0)
		return -1;
	if (r->me_id == 0) {
		memset(&me, 0, sizeof(me));
		if ((me.id = db_bench_max_id(db, BENCH_T_USERS)) < 0)
			return -1;
		me.id++;
		snprintf(me.email, sizeof(me.email), "%s", BENCH_SHOPPER);
		snprintf(me.name, sizeof(me.name), "Bench Buyer");
		me.credit_limit_usd_minor = 1500000;
		if (db_bench_insert_users(db, &me, 1, hash, now) == -1)
			return -1;
		r->me_id = me.id;
	} else
		o->me_orders = 0;	/* it has its orders already */
	if (bench_address(db, r->me_id, now) == -1 ||
	    db_bench_set_cart(db, r->me_id, cart, 3, now) == -1 ||
	    db_commit(db) == -1)
		return -1;
	free(r->uids);
	r->uids = NULL;
	if (db_bench_user_ids(db, &r->uids, &r->nuids) == -1 || r->nuids == 0)
		return -1;
	return 0;
}

/* In one transaction: the first n benchmark shoppers by id (r->uids)
 * each given the bench address and cart (3 items). 0, or -1 database
 * error. */
static int
bench_buyers(struct bench_run *r, size_t n, const int64_t cart[3])
{
	struct db	*db = r->g.db;
	size_t		 i;

	if (n > r->nuids)
		n = r->nuids;
	if (db_begin(db) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (bench_address(db, r->uids[i], r->g.now) == -1 ||
		    db_bench_set_cart(db, r->uids[i], cart, 3, r->g.now) == -1)
			return -1;
	return db_commit(db);
}

/* Order id of user_id, number r->seq (running: an installment order with
 * a running 12-month plan), into the chunk, the chunk written when full.
 * 0; 1 the order could not be made; -1 database error. */
static int
bench_add(struct bench_run *r, int64_t id, int64_t user_id, int running)
{
	r->rnd ^= (uint64_t)r->seq * 0x2545f4914f6cdd1dULL;
	if (r->rnd == 0)
		r->rnd = 1;
	if (bench_make_order(&r->ch, &r->g, id, user_id, r->seq, &r->rnd,
	    running) == -1)
		return 1;
	if (r->ch.no == CHUNK && flush_chunk(&r->g, &r->ch) == -1)
		return -1;
	return 0;
}

/* The orders of the run: topped up to o->want_orders (at least
 * o->me_orders, the benchmark shopper's, first); then, with
 * --installments, running 12-month plans of the shoppers until
 * o->want_inst installments were added (the scheduler's batch table);
 * every chunk written, r->add counting them. 0; 1 an order could not be
 * made; -1 database error. */
static int
bench_orders(struct bench_run *r, const struct bench_opts *o)
{
	struct db	*db = r->g.db;
	struct chunk	*ch = &r->ch;
	int64_t		 base;
	long		 k;
	int		 rc;

	if (db_bench_count_orders(db, &r->have_orders) == -1 ||
	    (base = db_bench_max_id(db, BENCH_T_ORDERS)) < 0)
		return -1;
	r->add = o->want_orders - (long)r->have_orders;
	if (r->add < o->me_orders)
		r->add = o->me_orders;
	if (r->add < 0)
		r->add = 0;
	ch->o = xcalloc(CHUNK + 1, sizeof(*ch->o));
	ch->it = xcalloc((CHUNK + 1) * 3, sizeof(*ch->it));
	ch->pl = xcalloc(CHUNK + 1, sizeof(*ch->pl));
	ch->v = xcalloc(CHUNK + 1, sizeof(*ch->v));
	ch->file = xcalloc(CHUNK + 1, sizeof(*ch->file));
	r->seq = r->have_orders;
	for (k = 0; k < r->add; k++, r->seq++)
		if ((rc = bench_add(r, base + 1 + k, k < o->me_orders ?
		    r->me_id : r->uids[(size_t)r->seq % r->nuids], 0)) != 0)
			return rc;
	if (flush_chunk(&r->g, ch) == -1)
		return -1;
	if (r->g.extra && o->want_inst > 0 && (base = db_bench_max_id(db,
	    BENCH_T_ORDERS)) < 0)
		return -1;
	for (k = 0; r->g.extra && r->g.ninst < o->want_inst; k++, r->seq++) {
		if ((rc = bench_add(r, base + 1 + k,
		    r->uids[(size_t)r->seq % r->nuids], 1)) != 0)
			return rc;
		r->add++;
	}
	if (flush_chunk(&r->g, ch) == -1 ||
	    (r->g.extra && db_bench_next_work(db) == -1))
		return -1;
	return 0;
}

/* bench/run.sh measures the benchmark shopper's 12-installment
 * schedule: make sure there is one (a data set made before plans were
 * generated, or none of its plans is a running 12-month one); r->forced
 * 1 when this run added it. 0; 1 the order could not be made; -1
 * database error. */
static int
bench_schedule(struct bench_run *r)
{
	int64_t act, base;

	if (!r->g.extra)
		return 0;
	act = db_bench_active_plan(r->g.db, r->me_id, 12);
	if (act < 0 || (base = db_bench_max_id(r->g.db,
	    BENCH_T_ORDERS)) < 0)
		return -1;
	if (act != 0)
		return 0;
	if (bench_make_order(&r->ch, &r->g, base + 1, r->me_id, r->seq,
	    &r->rnd, 1) == -1)
		return 1;
	if (flush_chunk(&r->g, &r->ch) == -1)
		return -1;
	r->forced = 1;
	return 0;
}

/* What run r added (t0: its start on ctl_mono()) and the bench logins'
 * password, on standard output. */
static void
bench_report(const struct bench_run *r, double t0)
{
	const struct gen *g = &r->g;

	printf("bench-data: %ld shoppers and %ld orders added (%zu shoppers, "
	    "%ld orders in all; %s has a 3-item cart), %.1f s\n",
	    r->made_users, r->add + r->forced, r->nuids,
	    (long)r->have_orders + r->add + r->forced, BENCH_SHOPPER,
	    ctl_mono() - t0);
	if (g->extra)
		printf("bench-data: added %ld plans (%ld installments, %ld "
		    "paid), %ld remittance vouchers (%ld stored files)\n",
		    g->nplans, g->ninst, g->npaid, g->nvouchers, g->nfiles);
	else
		printf("bench-data: plans and vouchers: not written (their "
		    "tables do not exist yet: run mallpayctl migrate)\n");
	printf("bench-data: password of every bench login: %s\n",
	    BENCH_PASSWORD);
}

/* See ctl.h: mallpayctl bench-data. */
int
ctl_bench_data(struct ctl *c, int argc, char **argv)
{
	char			hash[crypto_pwhash_STRBYTES];
	struct bench_opts	o;
	struct bench_run	r;
	int64_t			cart[3], now;
	struct db		*db;
	double			t0 = ctl_mono();
	int			st, rc = 1;

	if (bench_opts_parse(argc, argv, &o) == -1)
		goto usage;
	if (sodium_init() < 0) {
		fprintf(stderr, "mallpayctl: libsodium failed to start\n");
		return 1;
	}
	now = clock_now();
	if ((db = ctl_db_open(c)) == NULL)
		return 1;
	memset(&r, 0, sizeof(r));
	r.rnd = 0x9e3779b97f4a7c15ULL;
	r.g.db = db;
	r.g.cfg = &c->cfg;
	r.g.now = now;
	(void)mp_date_from_unix(now, &r.g.today);
	if ((st = bench_catalog(&r, cart)) != 0)
		goto fail;
	/* One argon2id hash for every benchmark login. */
	if (crypto_pwhash_str(hash, BENCH_PASSWORD, strlen(BENCH_PASSWORD),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		fprintf(stderr, "mallpayctl: bench-data: out of memory\n");
		goto out;
	}
	if ((st = bench_logins(&r, &o, hash, cart)) != 0 ||
	    (st = bench_buyers(&r, o.buyers, cart)) != 0 ||
	    (st = bench_orders(&r, &o)) != 0 ||
	    (st = bench_schedule(&r)) != 0)
		goto fail;
	bench_report(&r, t0);
	rc = 0;
	goto out;
fail:
	if (st == -1) {
		fprintf(stderr, "mallpayctl: bench-data: %s\n", db_error(db));
		db_rollback(db);
	}
out:
	chunk_free(&r.ch);
	free(r.g.hol);
	free(r.uids);
	free(r.prods);
	db_free(db);
	return rc;
usage:
	fprintf(stderr, "usage: mallpayctl bench-data [--shoppers N] "
	    "[--orders N] [--installments N] [--bench-orders N] "
	    "[--buyers N] [--now TIME]\n");
	return 2;
}
