/*
 * mallpayctl bench-data [--shoppers N] [--orders N] [--bench-orders N]
 *     [--now TIME]: the benchmark data set (bench/README.md).
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
 *   and plan events), the plan active, or closed once all are paid;
 * - 1 in 10 are remittance orders (REM-P1 RF code, REM-P6 payment due):
 *   waiting for the money, cancelled, or paid through an accepted voucher
 *   (a post office statement line, or the shopper's upload) and shipped
 *   on; recent ones wait for verification with a pending voucher. Every
 *   uploaded voucher's file is a small PNG of its own, made in memory and
 *   stored by filestore_put() (encrypted, files row), as REM-P3 does;
 * - the rest are COD (reviewed first, COD-P1) and pay-after-use orders.
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
#include "ctl/ctl.h"
#include "db/benchdata.h"
#include "db/db.h"
#include "db/remittance.h"
#include "rules/plan.h"
#include "rules/rfcode.h"
#include "service/address.h"
#include "service/filestore.h"
#include "service/orders.h"
#include "service/plans.h"
#include "service/remittance.h"

#define BENCH_PASSWORD	"mallpay-bench"
#define BENCH_SHOPPER	"bench@bench.test"
#define CHUNK		5000
#define DAY		86400
#define HOUR		3600
/* INST-05: every institution's minimum is at most USD 500.00. */
#define INST_MIN_MINOR	50000
/* REM-P6: the default remittance window (settings remittance_window_days). */
#define REM_WINDOW_DAYS	30

/* The states an order went through after being placed, by road. */
static const char *const road_cod_done[] = { "awaiting_review",
    "pending_shipment", "shipped", "delivered", "completed", NULL };
static const char *const road_cod_shipped[] = { "awaiting_review",
    "pending_shipment", "shipped", NULL };
static const char *const road_cod_waiting[] = { "awaiting_review",
    "pending_shipment", NULL };
static const char *const road_cod_cancelled[] = { "awaiting_review",
    "pending_shipment", "cancelled", NULL };
static const char *const road_pau_done[] = { "pending_shipment", "shipped",
    "delivered", "receipt_confirmed", "completed", NULL };
static const char *const road_pau_shipped[] = { "pending_shipment",
    "shipped", NULL };
static const char *const road_pau_waiting[] = { "pending_shipment", NULL };
static const char *const road_pau_cancelled[] = { "pending_shipment",
    "cancelled", NULL };

static const char *const *const roads_cod[] = { road_cod_done,
    road_cod_done, road_cod_shipped, road_cod_waiting, road_cod_cancelled };
static const char *const *const roads_pau[] = { road_pau_done,
    road_pau_done, road_pau_shipped, road_pau_waiting, road_pau_cancelled };

#define NROADS		(sizeof(roads_cod) / sizeof(roads_cod[0]))

/* The shipping tail after pending_shipment (non-COD): how far it goes is
 * the order's variant; each step a day or more after the previous. */
static const char *const tail[] = { "shipped", "delivered",
    "receipt_confirmed", "completed", NULL };
static const char *const tail_shipped[] = { "shipped", NULL };

/* The installment institutions used (demo reference data) and their
 * methods. */
static const char *const inst_ids[] = { "harbor-bank", "summit-bank",
    "lotus-finance" };
static const char *const inst_methods[] = { "installment_card",
    "installment_card", "installment_partner" };
#define NINST		(sizeof(inst_ids) / sizeof(inst_ids[0]))
static const int terms[] = { 3, 6, 12 };

/* What one run shares: the database, the clock, the catalog, the
 * institutions' terms, the next ids and what was made. */
struct gen {
	struct db		*db;
	const struct config	*cfg;
	int64_t			 now;
	mp_date			 today;
	const struct seed_product *prods;
	size_t			 nprods;
	int			 extra;		/* plans and vouchers written */
	struct plan_terms	 it[NINST];
	int64_t			 plan_id, voucher_id;	/* last used */
	int64_t			 admin_id;	/* 0: none */
	int			 domestic;	/* REM-P4 for region SEA */
	mp_date			*hol;
	size_t			 nh;
	long			 nplans, ninst, npaid, nvouchers, nfiles;
};

/* Orders, items, events, plans, installments, payments and vouchers of
 * one chunk; file[i] says voucher i gets an uploaded file at flush. */
struct chunk {
	struct bench_order	*o;
	struct bench_item	*it;
	struct bench_event	*ev;
	struct bench_plan	*pl;
	struct bench_inst	*in;
	struct bench_pay	*pay;
	struct bench_voucher	*v;
	int			*file;
	size_t			 no, nit, nev, npl, nin, npay, nv;
	size_t			 cev, cin, cpay;	/* capacities */
};

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

/* Array arr of elements of size sz (capacity *cap, len used) grown to hold
 * at least n more; returns it (moved, perhaps: assign it back). */
static void *
grow(void *arr, size_t *cap, size_t len, size_t n, size_t sz)
{
	if (len + n <= *cap)
		return arr;
	while (*cap < len + n)
		*cap = *cap ? *cap * 2 : 4096;
	return xrealloc(arr, *cap * sz);
}

/* Append an event (subject "order" when subject is NULL) to ch. */
static void
add_event(struct chunk *ch, const char *subject, int64_t id,
    const char *actor_type, int64_t actor_id, int64_t at, const char *from,
    const char *to, const char *reason)
{
	struct bench_event *e;

	ch->ev = grow(ch->ev, &ch->cev, ch->nev, 1, sizeof(*ch->ev));
	e = &ch->ev[ch->nev++];
	e->subject = subject;
	e->order_id = id;
	e->actor_type = actor_type;
	e->actor_id = actor_id;
	e->at = at;
	e->from_state = from;
	e->to_state = to;
	e->reason = reason;
}

/* The calendar day of t into out ("YYYY-MM-DD", 11 bytes); *d gets it
 * too when d is not NULL. */
static void
day_str(int64_t t, char *out, mp_date *d)
{
	mp_date day = 0;

	(void)mp_date_from_unix(t, &day);
	mp_date_str(day, out, 11);
	if (d != NULL)
		*d = day;
}

/* Walk order o along the steps of road (NULL-terminated, the first one
 * already taken at *t and *prev), a day or more apart, stopping before a
 * step that would be in the future; actor of step k is actors[k] ("user"
 * is the owner). Updates *t and *prev. */
static void
walk(struct chunk *ch, const struct gen *g, struct bench_order *o,
    const char *const *road, int64_t *t, const char **prev)
{
	int64_t at;
	const char *who;

	for (; *road != NULL; road++) {
		at = *t + DAY + (o->id % 7) * HOUR;
		if (at > g->now)
			break;
		who = strcmp(*road, "receipt_confirmed") == 0 ||
		    strcmp(*road, "cancelled") == 0 ? "user" :
		    strcmp(*road, "completed") == 0 ? "system" : "admin";
		add_event(ch, NULL, o->id, who, strcmp(who, "user") == 0 ?
		    o->user_id : 0, at, *prev, *road, "bench: order moved on");
		*prev = *road;
		*t = at;
	}
}

/* Finish order o: status from the last state, times from the last step. */
static void
settle(struct bench_order *o, const char *last, int64_t t)
{
	o->status = last;
	o->updated_at = t;
	o->completed_at = strcmp(last, "completed") == 0 ? t : 0;
}

/* Add 1-3 lines of random products to order o; with at_least > 0 the
 * first line's quantity grows until the items reach it. */
static void
make_items(struct chunk *ch, const struct gen *g, struct bench_order *o,
    uint64_t *rnd, int64_t at_least)
{
	struct bench_item *it, *first;
	size_t k, nlines = 1 + next_rand(rnd) % 3;
	int64_t more;

	first = &ch->it[ch->nit];
	for (k = 0; k < nlines; k++) {
		it = &ch->it[ch->nit++];
		it->order_id = o->id;
		it->p = &g->prods[next_rand(rnd) % g->nprods];
		it->qty = 1 + (int)(next_rand(rnd) % 3);
		o->items_total_minor += it->p->price_minor * it->qty;
	}
	if (at_least > o->items_total_minor && first->p->price_minor > 0) {
		more = (at_least - o->items_total_minor +
		    first->p->price_minor - 1) / first->p->price_minor;
		first->qty += (int)more;
		o->items_total_minor += more * first->p->price_minor;
	}
}

/* A COD or pay-after-use order along one of its roads. */
static void
make_plain(struct chunk *ch, const struct gen *g, struct bench_order *o,
    int64_t seq)
{
	int cod = (seq / 4) % 2 == 0;
	const char *const *road = (cod ? roads_cod : roads_pau)[seq % NROADS];
	const char *prev = road[0];
	int64_t t;

	o->method = cod ? "cod" : "pay_after_use";
	/* Never left "delivered" by the clock: PAU-03's tick would confirm
	 * an order that has no pay-after-use charge. */
	if (o->created_at > g->now - 8 * DAY)
		o->created_at -= 8 * DAY;
	t = o->created_at;
	if (cod) {
		/* COD-F1: the 4 % fee; COD-P1: reviewed within a day. */
		o->fee_minor = (o->items_total_minor * 4 + 50) / 100;
		day_str(o->created_at + DAY, o->review_due, NULL);
	}
	add_event(ch, NULL, o->id, "user", o->user_id, t, NULL, prev,
	    "bench: order placed");
	walk(ch, g, o, road + 1, &t, &prev);
	settle(o, prev, t);
}

/* The plan of installment order o (institution k, n months), confirmed at
 * t1: plan row, installments, payments and plan events into ch. Returns 0,
 * or -1 when the rules refuse the plan (then nothing was added). */
static int
make_plan(struct chunk *ch, struct gen *g, const struct bench_order *o,
    size_t k, int n, int64_t t0, int64_t t1)
{
	const struct plan_terms *tm = &g->it[k];
	struct bench_plan *p;
	struct bench_inst *in;
	struct bench_pay *pay;
	struct money P;
	struct money_rate r;
	struct plan pl;
	mp_date start, due;
	char err[128];
	int card = strcmp(inst_methods[k], "installment_card") == 0, i;
	int down = plan_has_down_payment(inst_methods[k]);
	int64_t last = t1, at;

	(void)mp_date_from_unix(t1, &start);
	/* As plan_create()/plan_start() of service/plans.c. */
	if (money_set(&P, o->items_total_minor, "USD") == -1 ||
	    money_rate_parse_percent(tm->monthly_rate,
	    strlen(tm->monthly_rate), &r, NULL, 0) == -1 ||
	    plan_build(&P, n, &r, tm->fee_mode, start, &pl, err,
	    sizeof(err)) == -1)
		return -1;
	p = &ch->pl[ch->npl];
	memset(p, 0, sizeof(*p));
	if (plan_apr(&pl, down, &p->apr_bp) == -1)
		return -1;
	ch->npl++;
	p->id = ++g->plan_id;
	p->order_id = o->id;
	p->user_id = o->user_id;
	p->method = inst_methods[k];
	p->institution_id = inst_ids[k];
	p->principal_minor = o->items_total_minor;
	p->n = n;
	p->monthly_rate = tm->monthly_rate;
	p->fee_mode = plan_fee_mode_str(tm->fee_mode);
	p->late_fee_rate = tm->late_fee_rate[0] != '\0' ? tm->late_fee_rate :
	    PLAN_LATE_FEE_PERCENT;
	p->waives_future_fees = tm->waives_future_fees;
	p->monthly_fee_minor = pl.monthly_fee.minor;
	p->total_fee_minor = pl.total_fee.minor;
	mp_date_str(start, p->start_date, sizeof(p->start_date));
	if (card) {
		p->card_brand = "VISA";
		p->card_last4 = "4242";
	} else
		snprintf(p->partner_ref, sizeof(p->partner_ref),
		    "bench-%lld", (long long)p->id);
	p->created_at = t0 + 60;
	add_event(ch, "plan", p->id, card ? "system" : "partner", 0, t0 + 60,
	    NULL, "offered", "INST-P1 plan created");
	add_event(ch, "plan", p->id, "user", o->user_id, t1, "offered",
	    "active", "INST-P1 plan started");
	ch->in = grow(ch->in, &ch->cin, ch->nin, (size_t)n, sizeof(*ch->in));
	ch->pay = grow(ch->pay, &ch->cpay, ch->npay, (size_t)n,
	    sizeof(*ch->pay));
	p->status = "closed";
	for (i = 0; i < n; i++) {
		in = &ch->in[ch->nin++];
		memset(in, 0, sizeof(*in));
		(void)plan_due_date(&pl, down, i, &due);
		in->plan_id = p->id;
		in->seq = pl.inst[i].seq;
		mp_date_str(due, in->due_date, sizeof(in->due_date));
		in->principal_minor = pl.inst[i].principal.minor;
		in->fee_minor = pl.inst[i].fee.minor;
		g->ninst++;
		/* INST-P1: 1 is the down payment at the confirmation;
		 * INST-P3: the others are deducted on their due date. */
		if ((i > 0 || !down) && due > g->today) {
			p->status = "active";
			continue;
		}
		at = i == 0 && down ? t1 : mp_date_to_unix(due) + 9 * HOUR;
		if (at > g->now)
			at = g->now;
		if (at < t1)
			at = t1;
		in->paid_minor = pl.inst[i].total.minor;
		in->paid_at = at;
		last = at;
		g->npaid++;
		pay = &ch->pay[ch->npay++];
		memset(pay, 0, sizeof(*pay));
		pay->plan_id = p->id;
		pay->kind = i == 0 ? "down_payment" : "auto";
		pay->channel = card ? "card" : "partner";
		pay->seq = in->seq;
		pay->amount_minor = in->paid_minor;
		snprintf(pay->reference, sizeof(pay->reference),
		    "bench-%s-%lld-%d", pay->channel, (long long)p->id,
		    in->seq);
		if (i == 0)
			snprintf(pay->idem_key, sizeof(pay->idem_key),
			    "bench-down-%lld", (long long)o->id);
		else
			snprintf(pay->idem_key, sizeof(pay->idem_key),
			    "auto-%d-%s", in->seq, in->due_date);
		pay->created_at = at;
		add_event(ch, "plan", p->id, i == 0 ? "user" : "system",
		    i == 0 ? o->user_id : 0, at, NULL, NULL, i == 0 ?
		    "INST-P3 installment 1 paid (down_payment)" :
		    "INST-P3 installment paid (auto)");
	}
	p->updated_at = last;
	if (strcmp(p->status, "closed") == 0) {
		p->closed_at = last;
		add_event(ch, "plan", p->id, "system", 0, last, "active",
		    "closed", "repaid in full");
	}
	g->nplans++;
	return 0;
}

/* An installment order (force12: the benchmark shopper's active 12-month
 * plan at harbor-bank, placed 40 days ago) with its plan. Returns 0 or
 * -1 (the rules refused the plan). */
static int
make_installment(struct chunk *ch, struct gen *g, struct bench_order *o,
    int64_t seq, uint64_t *rnd, int force12)
{
	size_t k = force12 ? 0 : (size_t)(seq / 4) % NINST;
	int n = force12 ? 12 : terms[(seq / 12) % 3];
	const char *prev;
	int64_t t, t1;
	int stop = force12 ? 0 : (int)((seq / 4) % 5);
	/* Mostly received and completed, some shipped, some waiting. */
	const char *const *const upto[] = { tail, tail, tail_shipped,
	    tail + 4, tail };

	if (force12)
		o->created_at = g->now - 40 * DAY;
	make_items(ch, g, o, rnd, INST_MIN_MINOR);
	o->method = inst_methods[k];
	o->institution_id = inst_ids[k];
	o->term = n;
	day_str(o->created_at, o->review_due, NULL);
	t = o->created_at;
	t1 = t + 120;
	if (make_plan(ch, g, o, k, n, t, t1) == -1)
		return -1;
	/* INST-CC/PC real time review, then the confirmation with the down
	 * payment (plan_confirm): paid_installment -> pending_shipment. */
	add_event(ch, NULL, o->id, "user", o->user_id, t, NULL,
	    "awaiting_review", "bench: order placed");
	add_event(ch, NULL, o->id, k == 2 ? "partner" : "system", 0, t + 60,
	    "awaiting_review", "awaiting_confirmation", "INST-P1 approved");
	add_event(ch, NULL, o->id, "user", o->user_id, t1,
	    "awaiting_confirmation", "paid_installment",
	    "INST-P1 installment confirmed, down payment paid");
	add_event(ch, NULL, o->id, "system", 0, t1, "paid_installment",
	    "pending_shipment", "INST-P1 ready to ship");
	prev = "pending_shipment";
	t = t1;
	walk(ch, g, o, upto[stop], &t, &prev);
	settle(o, prev, t);
	return 0;
}

/* A small valid PNG (16x16 grey, stored deflate, a tEXt chunk naming the
 * order so that every voucher has its own content) into out. */
static void
make_png(struct buf *out, int64_t order_id)
{
	static uint32_t crc_tab[256];
	unsigned char raw[16 * 17], ihdr[13], hdr[4];
	char text[64];
	uint32_t a = 1, b = 0, c;
	size_t i, j, tl;
	struct buf chunk;
	int k;

	if (crc_tab[1] == 0)
		for (i = 0; i < 256; i++) {
			c = (uint32_t)i;
			for (k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
			crc_tab[i] = c;
		}
	for (i = 0; i < 16; i++) {
		raw[i * 17] = 0;	/* filter: none */
		for (j = 0; j < 16; j++)
			raw[i * 17 + 1 + j] = (unsigned char)(((i * 16 + j) *
			    7 + (size_t)order_id) & 0xff);
	}
	for (i = 0; i < sizeof(raw); i++) {
		a = (a + raw[i]) % 65521;
		b = (b + a) % 65521;
	}
	buf_reset(out);
	buf_append(out, "\x89PNG\r\n\x1a\n", 8);
	buf_init(&chunk);
	for (k = 0; k < 4; k++) {
		buf_reset(&chunk);
		if (k == 0) {
			memset(ihdr, 0, sizeof(ihdr));
			ihdr[3] = 16;		/* width */
			ihdr[7] = 16;		/* height */
			ihdr[8] = 8;		/* bit depth; colour type 0 */
			buf_append(&chunk, "IHDR", 4);
			buf_append(&chunk, ihdr, sizeof(ihdr));
		} else if (k == 1) {
			tl = (size_t)snprintf(text, sizeof(text),
			    "Comment%cmallpay bench voucher, order %lld", 0,
			    (long long)order_id);
			buf_append(&chunk, "tEXt", 4);
			buf_append(&chunk, text, tl);
		} else if (k == 2) {
			/* zlib: header, one final stored block, adler32. */
			buf_append(&chunk, "IDAT\x78\x01\x01", 7);
			hdr[0] = sizeof(raw) & 0xff;
			hdr[1] = sizeof(raw) >> 8;
			hdr[2] = (unsigned char)~hdr[0];
			hdr[3] = (unsigned char)~hdr[1];
			buf_append(&chunk, hdr, 4);
			buf_append(&chunk, raw, sizeof(raw));
			c = (b << 16) | a;
			hdr[0] = c >> 24;
			hdr[1] = (c >> 16) & 0xff;
			hdr[2] = (c >> 8) & 0xff;
			hdr[3] = c & 0xff;
			buf_append(&chunk, hdr, 4);
		} else
			buf_append(&chunk, "IEND", 4);
		/* length (without the type), chunk, crc of type + data */
		tl = chunk.len - 4;
		hdr[0] = (unsigned char)(tl >> 24);
		hdr[1] = (unsigned char)(tl >> 16);
		hdr[2] = (unsigned char)(tl >> 8);
		hdr[3] = (unsigned char)tl;
		buf_append(out, hdr, 4);
		buf_append(out, chunk.data, chunk.len);
		c = 0xffffffffu;
		for (i = 0; i < chunk.len; i++)
			c = crc_tab[(c ^ (unsigned char)chunk.data[i]) & 0xff] ^
			    (c >> 8);
		c ^= 0xffffffffu;
		hdr[0] = c >> 24;
		hdr[1] = (c >> 16) & 0xff;
		hdr[2] = (c >> 8) & 0xff;
		hdr[3] = c & 0xff;
		buf_append(out, hdr, 4);
	}
	buf_cleanup(&chunk);
}

/* Append the voucher of remittance order o, remitted and sent at `at`:
 * an upload (its file stored at flush) or a statement line, accepted by
 * the first admin at `decided` (0: still pending), with its events.
 * Returns it. */
static struct bench_voucher *
add_voucher(struct chunk *ch, struct gen *g, const struct bench_order *o,
    int upload, int64_t at, int64_t decided)
{
	struct bench_voucher *v;
	mp_date on, lo, hi;

	v = &ch->v[ch->nv];
	ch->file[ch->nv++] = upload;
	memset(v, 0, sizeof(*v));
	v->id = ++g->voucher_id;
	v->order_id = o->id;
	v->user_id = o->user_id;
	v->source = upload ? "upload" : "statement";
	v->amount_minor = o->items_total_minor;
	day_str(at, v->remitted_on, &on);
	/* REM-P4: the arrival window from the day of the remittance. */
	if (upload && remittance_window(on, g->domestic, g->hol, g->nh, &lo,
	    &hi) == 0) {
		mp_date_str(lo, v->expected_from, sizeof(v->expected_from));
		mp_date_str(hi, v->expected_by, sizeof(v->expected_by));
	}
	snprintf(v->tracking, sizeof(v->tracking), "BENCH%08lld",
	    (long long)o->id);
	v->status = decided > 0 ? "accepted" : "pending";
	v->received_minor = decided > 0 ? v->amount_minor : -1;
	v->decided_by = decided > 0 ? g->admin_id : 0;
	v->decided_at = decided;
	snprintf(v->idem_key, sizeof(v->idem_key), "bench-v-%lld",
	    (long long)o->id);
	v->created_at = at;
	g->nvouchers++;
	if (upload)
		add_event(ch, "voucher", v->id, "user", o->user_id, at, NULL,
		    "pending", "REM-P3 voucher uploaded");
	if (decided > 0)
		add_event(ch, "voucher", v->id, "admin", g->admin_id, decided,
		    upload ? "pending" : NULL, "accepted", upload ?
		    "REM-P5 voucher accepted" : "REM-P5 funds matched "
		    "(statement)");
	return v;
}

/* A remittance order: variant (seq / 10) % 10 decides how far it went. */
static void
make_remittance(struct chunk *ch, struct gen *g, struct bench_order *o,
    int64_t seq)
{
	int r = (int)((seq / 10) % 10);
	const char *prev = "awaiting_remittance";
	int64_t t = o->created_at, up, paid;
	mp_date day;

	o->method = "remittance";
	/* Those still waiting were placed in the last two days. */
	if (r <= 1 && o->created_at < g->now - 2 * DAY)
		o->created_at = t = g->now - 600 - (o->created_at % (2 * DAY));
	(void)mp_date_from_unix(t, &day);
	(void)mp_date_add_days(day, REM_WINDOW_DAYS, &day);
	mp_date_str(day, o->payment_due, sizeof(o->payment_due));
	(void)rfcode_from_order_id((uint64_t)o->id, o->rf_code,
	    sizeof(o->rf_code));
	add_event(ch, NULL, o->id, "user", o->user_id, t, NULL, prev,
	    "bench: order placed");
	if (r == 1) {
		/* REM-P3: uploaded, waiting for the admin. */
		up = t + 300;
		add_voucher(ch, g, o, 1, up, 0);
		add_event(ch, NULL, o->id, "user", o->user_id, up, prev,
		    "awaiting_verification", "REM-P3 voucher uploaded");
		settle(o, "awaiting_verification", up);
		return;
	}
	if (r == 2 && t + (REM_WINDOW_DAYS + 1) * DAY <= g->now) {
		/* REM-P6: nothing came in time. */
		t += (REM_WINDOW_DAYS + 1) * DAY;
		add_event(ch, NULL, o->id, "system", 0, t, prev, "cancelled",
		    "REM-P6 not paid in time");
		settle(o, "cancelled", t);
		return;
	}
	if (r <= 2 || t + 2 * DAY > g->now) {
		settle(o, prev, t);
		return;
	}
	/* REM-P5: paid in full, by statement (3-5) or upload (6-9). */
	up = t + DAY;
	paid = t + 2 * DAY;
	add_voucher(ch, g, o, r >= 6, up, paid);
	if (r >= 6) {
		add_event(ch, NULL, o->id, "user", o->user_id, up, prev,
		    "awaiting_verification", "REM-P3 voucher uploaded");
		prev = "awaiting_verification";
	}
	add_event(ch, NULL, o->id, "admin", g->admin_id, paid, prev, "paid",
	    "REM-P5 paid");
	add_event(ch, NULL, o->id, "system", 0, paid, "paid",
	    "pending_shipment", "ready to ship");
	prev = "pending_shipment";
	t = paid;
	walk(ch, g, o, r == 3 || r == 6 ? tail + 4 : r == 4 || r == 7 ?
	    tail_shipped : tail, &t, &prev);
	settle(o, prev, t);
}

/* Fill order id (owner user_id, serial number seq) with its items, events
 * and, by its kind, its plan or voucher into ch. force12: the benchmark
 * shopper's active 12-month plan. Returns 0, or -1 when the rules refused
 * a plan (logged; the order is not added). */
static int
make_order(struct chunk *ch, struct gen *g, int64_t id, int64_t user_id,
    int64_t seq, uint64_t *rnd, int force12)
{
	struct bench_order *o = &ch->o[ch->no];
	size_t nit = ch->nit, nev = ch->nev;

	memset(o, 0, sizeof(*o));
	o->id = id;
	o->user_id = user_id;
	snprintf(o->key, sizeof(o->key), "bench-%lld", (long long)seq);
	/* Spread over the last two years, at least an hour ago. */
	o->created_at = g->now - HOUR - (int64_t)(next_rand(rnd) %
	    (730 * DAY));
	if (g->extra && (force12 || seq % 4 == 0)) {
		if (make_installment(ch, g, o, seq, rnd, force12) == -1) {
			ch->nit = nit;
			ch->nev = nev;
			fprintf(stderr, "mallpayctl: bench-data: order %lld: "
			    "the plan rules refused the plan\n",
			    (long long)seq);
			return -1;
		}
	} else {
		make_items(ch, g, o, rnd, 0);
		if (g->extra && seq % 10 == 1)
			make_remittance(ch, g, o, seq);
		else
			make_plain(ch, g, o, seq);
	}
	ch->no++;
	return 0;
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
	    db_bench_insert_pays(db, ch->pay, ch->npay, "USD") == -1)
		goto out;
	for (i = 0; i < ch->nv; i++) {
		if (!ch->file[i])
			continue;
		/* REM-P3/P9: the shopper's receipt, encrypted at rest. */
		make_png(&png, ch->v[i].order_id);
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
	free(ch->v);
	free(ch->file);
}

/* Read what plans and vouchers need into g: the institutions' terms, the
 * last plan and voucher ids, the deciding admin, REM-P4's region and
 * holidays. Returns 0, 1 when an institution is missing (seed-demo), -1
 * on a database error. */
static int
gen_prepare(struct gen *g)
{
	size_t k;
	int rc;

	for (k = 0; k < NINST; k++)
		if ((rc = plan_terms_of_institution(g->db, inst_ids[k],
		    &g->it[k])) != 1)
			return rc == 0 ? 1 : -1;
	if ((g->plan_id = db_bench_max_id(g->db, BENCH_T_PLANS)) < 0 ||
	    (g->voucher_id = db_bench_max_id(g->db, BENCH_T_VOUCHERS)) < 0 ||
	    (g->admin_id = db_bench_admin_id(g->db)) < 0 ||
	    (g->domestic = db_rem_region_domestic(g->db, "SEA")) < 0 ||
	    order_holidays(g->db, &g->hol, &g->nh) == -1)
		return -1;
	return 0;
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
	long forced = 0;
	uint64_t rnd = 0x9e3779b97f4a7c15ULL;
	struct db *db;
	double t0 = mono();
	int ai, rc = 1;

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
		if ((ai = gen_prepare(&g)) == -1)
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
		if (make_order(&ch, &g, base + 1 + k, k < me_orders ? me_id :
		    uids[(size_t)seq % nuids], seq, &rnd, 0) == -1)
			goto out;
		if (ch.no == CHUNK && flush_chunk(&g, &ch) == -1)
			goto dbfail;
	}
	if (flush_chunk(&g, &ch) == -1)
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
			if (make_order(&ch, &g, base + 1, me_id, seq, &rnd,
			    1) == -1)
				goto out;
			if (flush_chunk(&g, &ch) == -1)
				goto dbfail;
			forced = 1;
		}
	}
	printf("bench-data: %ld shoppers and %ld orders added (%zu shoppers, "
	    "%ld orders in all; %s has a 3-item cart), %.1f s\n", made_users,
	    add + forced, nuids, (long)have_orders + add + forced,
	    BENCH_SHOPPER, mono() - t0);
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
	    "[--orders N] [--bench-orders N] [--now TIME]\n");
	return 2;
}
