/*
 * mallpayctl bench-data [--shoppers N] [--orders N] [--installments N]
 *     [--bench-orders N] [--now TIME]: the benchmark data set
 *     (bench/README.md).
 *
 * Tops the database up to N benchmark shoppers (bench-NNNNN@bench.test)
 * and N benchmark orders (idempotency key "bench-..."), each order with
 * 1-3 items and its audit events, plus the benchmark shopper
 * bench@bench.test (created with --bench-orders orders, 60 by default)
 * whose cart is set to 3 items on every run. Running it with --orders 500
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

/* See ctl.h: mallpayctl bench-data. */
int
ctl_bench_data(struct ctl *c, int argc, char **argv)
{
	char hash[crypto_pwhash_STRBYTES];
	struct seed_product *prods = NULL;
	struct bench_user me;
	struct chunk ch;
	struct gen g;
	int64_t *uids = NULL, now, have_orders, base, me_id, seq;
	int64_t cart[3];
	size_t nprods = 0, nuids = 0, i, ncart = 0, want_users = 2000;
	long want_orders = 50000, me_orders = 60, made_users = 0, add, k;
	long forced = 0, want_inst = 0;
	uint64_t rnd = 0x9e3779b97f4a7c15ULL;
	struct db *db;
	double t0 = ctl_mono();
	int ai, rc = 1;

	for (ai = 1; ai < argc; ai++) {
		if (strcmp(argv[ai], "--shoppers") == 0 && ai + 1 < argc)
			want_users = (size_t)strtoul(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--orders") == 0 && ai + 1 < argc)
			want_orders = strtol(argv[++ai], NULL, 10);
		else if (strcmp(argv[ai], "--installments") == 0 &&
		    ai + 1 < argc)
			want_inst = strtol(argv[++ai], NULL, 10);
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
	    want_orders > 10000000 || me_orders < 0 || me_orders > want_orders ||
	    want_inst < 0 || want_inst > 100000000)
		goto usage;
	if (sodium_init() < 0) {
		fprintf(stderr, "mallpayctl: libsodium failed to start\n");
		return 1;
	}
	now = clock_now();
	if ((db = ctl_db_open(c)) == NULL)
		return 1;
	memset(&ch, 0, sizeof(ch));
	memset(&g, 0, sizeof(g));
	g.db = db;
	g.cfg = &c->cfg;
	g.now = now;
	(void)mp_date_from_unix(now, &g.today);
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
	g.prods = prods;
	g.nprods = nprods;
	if ((rc = db_bench_extra_tables(db)) == -1)
		goto dbfail;
	g.extra = rc == BENCH_EXTRA_TABLES;
	rc = 1;
	if (g.extra) {
		if ((ai = bench_gen_prepare(&g)) == -1)
			goto dbfail;
		if (ai == 1) {
			fprintf(stderr, "mallpayctl: bench-data: no "
			    "institutions: run seed-demo first\n");
			goto out;
		}
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
		if ((me.id = db_bench_max_id(db, BENCH_T_USERS)) < 0)
			goto dbfail;
		me.id++;
		snprintf(me.email, sizeof(me.email), "%s", BENCH_SHOPPER);
		snprintf(me.name, sizeof(me.name), "Bench Buyer");
		me.credit_limit_usd_minor = 1500000;
		if (db_bench_insert_users(db, &me, 1, hash, now) == -1)
			goto dbfail;
		me_id = me.id;
	} else
		me_orders = 0;	/* it has its orders already */
	if (bench_address(db, me_id, now) == -1 ||
	    db_bench_set_cart(db, me_id, cart, ncart, now) == -1 ||
	    db_commit(db) == -1)
		goto dbfail;
	free(uids);
	uids = NULL;
	if (db_bench_user_ids(db, &uids, &nuids) == -1 || nuids == 0)
		goto dbfail;

	if (db_bench_count_orders(db, &have_orders) == -1 ||
	    (base = db_bench_max_id(db, BENCH_T_ORDERS)) < 0)
		goto dbfail;
	add = want_orders - (long)have_orders;
	if (add < me_orders)
		add = me_orders;
	if (add < 0)
		add = 0;
	ch.o = xcalloc(CHUNK + 1, sizeof(*ch.o));
	ch.it = xcalloc((CHUNK + 1) * 3, sizeof(*ch.it));
	ch.pl = xcalloc(CHUNK + 1, sizeof(*ch.pl));
	ch.v = xcalloc(CHUNK + 1, sizeof(*ch.v));
	ch.file = xcalloc(CHUNK + 1, sizeof(*ch.file));
	seq = have_orders;
	for (k = 0; k < add; k++, seq++) {
		rnd ^= (uint64_t)seq * 0x2545f4914f6cdd1dULL;
		if (rnd == 0)
			rnd = 1;
		if (bench_make_order(&ch, &g, base + 1 + k, k < me_orders ?
		    me_id : uids[(size_t)seq % nuids], seq, &rnd, 0) == -1)
			goto out;
		if (ch.no == CHUNK && flush_chunk(&g, &ch) == -1)
			goto dbfail;
	}
	if (flush_chunk(&g, &ch) == -1)
		goto dbfail;
	/* --installments N: running 12-month plans of the shoppers until N
	 * installments were added (the scheduler's batch table). */
	if (g.extra && want_inst > 0 && (base = db_bench_max_id(db,
	    BENCH_T_ORDERS)) < 0)
		goto dbfail;
	for (k = 0; g.extra && g.ninst < want_inst; k++, seq++) {
		rnd ^= (uint64_t)seq * 0x2545f4914f6cdd1dULL;
		if (rnd == 0)
			rnd = 1;
		if (bench_make_order(&ch, &g, base + 1 + k,
		    uids[(size_t)seq % nuids], seq, &rnd, 1) == -1)
			goto out;
		add++;
		if (ch.no == CHUNK && flush_chunk(&g, &ch) == -1)
			goto dbfail;
	}
	if (flush_chunk(&g, &ch) == -1 ||
	    (g.extra && db_bench_next_work(db) == -1))
		goto dbfail;
	/* bench/run.sh measures the benchmark shopper's 12-installment
	 * schedule: make sure there is one (a data set made before plans
	 * were generated, or none of its plans is a running 12-month one). */
	if (g.extra) {
		int64_t act = db_bench_active_plan(db, me_id, 12);

		if (act < 0 || (base = db_bench_max_id(db,
		    BENCH_T_ORDERS)) < 0)
			goto dbfail;
		if (act == 0) {
			if (bench_make_order(&ch, &g, base + 1, me_id, seq,
			    &rnd, 1) == -1)
				goto out;
			if (flush_chunk(&g, &ch) == -1)
				goto dbfail;
			forced = 1;
		}
	}
	printf("bench-data: %ld shoppers and %ld orders added (%zu shoppers, "
	    "%ld orders in all; %s has a 3-item cart), %.1f s\n", made_users,
	    add + forced, nuids, (long)have_orders + add + forced,
	    BENCH_SHOPPER, ctl_mono() - t0);
	if (g.extra)
		printf("bench-data: added %ld plans (%ld installments, %ld "
		    "paid), %ld remittance vouchers (%ld stored files)\n",
		    g.nplans, g.ninst, g.npaid, g.nvouchers, g.nfiles);
	else
		printf("bench-data: plans and vouchers: not written (their "
		    "tables do not exist yet: run mallpayctl migrate)\n");
	printf("bench-data: password of every bench login: %s\n",
	    BENCH_PASSWORD);
	rc = 0;
	goto out;
dbfail:
	fprintf(stderr, "mallpayctl: bench-data: %s\n", db_error(db));
	db_rollback(db);
out:
	chunk_free(&ch);
	free(g.hol);
	free(uids);
	free(prods);
	db_free(db);
	return rc;
usage:
	fprintf(stderr, "usage: mallpayctl bench-data [--shoppers N] "
	    "[--orders N] [--installments N] [--bench-orders N] "
	    "[--now TIME]\n");
	return 2;
}
