/*
 * The orders of mallpayctl bench-data (see benchgen.h; what they are:
 * ctl/benchdata.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/money.h"
#include "ctl/benchgen.h"
#include "db/benchdata.h"
#include "db/db.h"
#include "db/ledger.h"
#include "db/plan.h"
#include "db/remittance.h"
#include "rules/plan.h"
#include "rules/rfcode.h"
#include "service/filestore.h"
#include "service/orders.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/remittance.h"

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
_Static_assert(NINST == BENCH_NINST, "BENCH_NINST counts inst_ids");

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

/* The method named s (a name of inst_methods); PM_INSTALLMENT_CARD if
 * none. */
static enum pay_method
method_of(const char *s)
{
	enum pay_method m = PM_INSTALLMENT_CARD;

	(void)pay_method_parse(s, &m);
	return m;
}

/* The ledger's view of bench plan p (a shopper's plan, in USD) into *dp. */
static void
plan_row(const struct bench_plan *p, struct db_plan *dp)
{
	memset(dp, 0, sizeof(*dp));
	dp->id = p->id;
	dp->order_id = p->order_id;
	dp->user_id = p->user_id;
	dp->method = method_of(p->method);
	snprintf(dp->institution_id, sizeof(dp->institution_id), "%s",
	    p->institution_id);
	snprintf(dp->currency, sizeof(dp->currency), "USD");
}

/* Append the lines of entry e, as ledger_post() writes them, to ch. */
static void
add_entry(struct chunk *ch, const struct ledger_entry *e)
{
	size_t n = 0;

	ch->led = grow(ch->led, &ch->cled, ch->nled, DB_LEDGER_MAX_LINES,
	    sizeof(*ch->led));
	if (ledger_entry_lines(e, &ch->led[ch->nled], &n) == -1)
		fprintf(stderr, "mallpayctl: bench-data: ledger entry %s "
		    "malformed: not written\n", e->key);
	else
		ch->nled += n;
}

/* Plan row p of installment order o (institution k, n months, schedule
 * pl from start), created at t0 + 60: its id the generator's next, its
 * terms the institution's, a card or the partner's reference. */
static void
plan_fill(struct bench_plan *p, struct gen *g, const struct bench_order *o,
    size_t k, int n, const struct plan *pl, mp_date start, int64_t t0)
{
	const struct plan_terms *tm = &g->it[k];

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
	p->monthly_fee_minor = pl->monthly_fee.minor;
	p->total_fee_minor = pl->total_fee.minor;
	mp_date_str(start, p->start_date, sizeof(p->start_date));
	if (strcmp(p->method, "installment_card") == 0) {
		p->card_brand = "VISA";
		p->card_last4 = "4242";
	} else
		snprintf(p->partner_ref, sizeof(p->partner_ref),
		    "bench-%lld", (long long)p->id);
	p->created_at = t0 + 60;
}

/* Installment in (index i of plan p, row dp; in->paid_minor set) paid:
 * the down payment at t1 (i 0 of a plan with one, down), else its
 * deduction on its due date due, never before t1 nor after now; its
 * payment row (keyed by the installment's bank key), ledger entry and
 * event into ch. Returns when it was paid. */
static int64_t
pay_inst(struct chunk *ch, struct gen *g, const struct bench_plan *p,
    const struct db_plan *dp, struct bench_inst *in, int i, mp_date due,
    int down, int64_t t1)
{
	struct plan_entry_buf b;
	struct ledger_entry e;
	struct bench_pay *pay;
	int64_t at;

	at = i == 0 && down ? t1 : mp_date_to_unix(due) + 9 * HOUR;
	if (at > g->now)
		at = g->now;
	if (at < t1)
		at = t1;
	in->paid_at = at;
	g->npaid++;
	pay = &ch->pay[ch->npay++];
	memset(pay, 0, sizeof(*pay));
	pay->plan_id = p->id;
	pay->kind = i == 0 ? "down_payment" : "auto";
	pay->channel = strcmp(p->method, "installment_card") == 0 ? "card" :
	    "partner";
	pay->seq = in->seq;
	pay->amount_minor = in->paid_minor;
	snprintf(pay->reference, sizeof(pay->reference),
	    "bench-%s-%lld-%d", pay->channel, (long long)p->id, in->seq);
	/* The bank key of the installment, whichever path paid it
	 * (service/plans.c): the payment's key and its entry's. */
	snprintf(pay->idem_key, sizeof(pay->idem_key), "plan%lld-i%d",
	    (long long)p->id, in->seq);
	pay->created_at = at;
	plan_entry_payment(&e, dp, &b, pay->kind, pay->amount_minor,
	    pay->idem_key, at);
	add_entry(ch, &e);
	add_event(ch, "plan", p->id, i == 0 ? "user" : "system",
	    i == 0 ? p->user_id : 0, at, NULL, NULL, i == 0 ?
	    "INST-P3 installment 1 paid (down_payment)" :
	    "INST-P3 installment paid (auto)");
	return at;
}

/* The plan of installment order o (institution k, n months), confirmed at
 * t1: plan row, installments, payments and plan events into ch. Returns 0,
 * or -1 when the rules refuse the plan (then nothing was added). */
static int
make_plan(struct chunk *ch, struct gen *g, const struct bench_order *o,
    size_t k, int n, int64_t t0, int64_t t1)
{
	const struct plan_terms *tm = &g->it[k];
	struct plan_entry_buf b;
	struct ledger_entry e;
	struct db_plan dp;
	struct bench_plan *p;
	struct bench_inst *in;
	struct money P;
	struct money_rate r;
	struct plan pl;
	mp_date start, due;
	char err[128];
	int card = strcmp(inst_methods[k], "installment_card") == 0, i;
	int down = plan_has_down_payment(method_of(inst_methods[k]));
	int64_t last = t1;

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
	plan_fill(p, g, o, k, n, &pl, start, t0);
	add_event(ch, "plan", p->id, card ? "system" : "partner", 0, t0 + 60,
	    NULL, "offered", "INST-P1 plan created");
	add_event(ch, "plan", p->id, "user", o->user_id, t1, "offered",
	    "active", "INST-P1 plan started");
	ch->in = grow(ch->in, &ch->cin, ch->nin, (size_t)n, sizeof(*ch->in));
	ch->pay = grow(ch->pay, &ch->cpay, ch->npay, (size_t)n,
	    sizeof(*ch->pay));
	/* The ledger entries plan_start() and each payment post. */
	plan_row(p, &dp);
	plan_entry_start(&e, &dp, &b, p->principal_minor, p->total_fee_minor,
	    t1);
	add_entry(ch, &e);
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
		in->paid_minor = pl.inst[i].total.minor;
		last = pay_inst(ch, g, p, &dp, in, i, due, down, t1);
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

/* Append v to out as 4 bytes, the most significant first (PNG, zlib). */
static void
put_be32(struct buf *out, uint32_t v)
{
	unsigned char b[4];

	b[0] = (unsigned char)(v >> 24);
	b[1] = (unsigned char)(v >> 16);
	b[2] = (unsigned char)(v >> 8);
	b[3] = (unsigned char)v;
	buf_append(out, b, 4);
}

/* Append PNG chunk ch (its 4-byte type, then its data) to out: its
 * length (without the type), ch, and the CRC-32 of type + data. */
static void
png_chunk(struct buf *out, const struct buf *ch)
{
	static uint32_t crc_tab[256];
	uint32_t c;
	size_t i;
	int k;

	if (crc_tab[1] == 0)
		for (i = 0; i < 256; i++) {
			c = (uint32_t)i;
			for (k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
			crc_tab[i] = c;
		}
	put_be32(out, (uint32_t)(ch->len - 4));
	buf_append(out, ch->data, ch->len);
	c = 0xffffffffu;
	for (i = 0; i < ch->len; i++)
		c = crc_tab[(c ^ (unsigned char)ch->data[i]) & 0xff] ^
		    (c >> 8);
	put_be32(out, c ^ 0xffffffffu);
}

/* A small valid PNG (16x16 grey, stored deflate, a tEXt chunk naming the
 * order so that every voucher has its own content) into out. */
void
bench_png(struct buf *out, int64_t order_id)
{
	unsigned char raw[16 * 17], ihdr[13], hdr[4];
	char text[64];
	uint32_t a = 1, b = 0;
	size_t i, j, tl;
	struct buf chunk;

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
	memset(ihdr, 0, sizeof(ihdr));
	ihdr[3] = 16;		/* width */
	ihdr[7] = 16;		/* height */
	ihdr[8] = 8;		/* bit depth; colour type 0 */
	buf_append(&chunk, "IHDR", 4);
	buf_append(&chunk, ihdr, sizeof(ihdr));
	png_chunk(out, &chunk);
	buf_reset(&chunk);
	tl = (size_t)snprintf(text, sizeof(text),
	    "Comment%cmallpay bench voucher, order %lld", 0,
	    (long long)order_id);
	buf_append(&chunk, "tEXt", 4);
	buf_append(&chunk, text, tl);
	png_chunk(out, &chunk);
	buf_reset(&chunk);
	/* zlib: header, one final stored block, adler32. */
	buf_append(&chunk, "IDAT\x78\x01\x01", 7);
	hdr[0] = sizeof(raw) & 0xff;
	hdr[1] = sizeof(raw) >> 8;
	hdr[2] = (unsigned char)~hdr[0];
	hdr[3] = (unsigned char)~hdr[1];
	buf_append(&chunk, hdr, 4);
	buf_append(&chunk, raw, sizeof(raw));
	put_be32(&chunk, (b << 16) | a);
	png_chunk(out, &chunk);
	buf_reset(&chunk);
	buf_append(&chunk, "IEND", 4);
	png_chunk(out, &chunk);
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
int
bench_make_order(struct chunk *ch, struct gen *g, int64_t id, int64_t user_id,
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
/* Read what plans and vouchers need into g: the institutions' terms, the
 * last plan and voucher ids, the deciding admin, REM-P4's region and
 * holidays. Returns 0, 1 when an institution is missing (seed-demo), -1
 * on a database error. */
int
bench_gen_prepare(struct gen *g)
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
