/*
 * Installment money that cannot race (against the suite's stack): pairs of
 * money operations on one plan released together, each pair on a fresh
 * card plan, 50 times per pair:
 *
 *	pay vs payoff	POST /orders/:id/pay (seq 2) and POST /orders/:id/payoff
 *	pay vs tick	POST /orders/:id/pay (seq 2) and `mallpayctl tick --now`
 *			on installment 2's due date (its automatic deduction)
 *	payoff vs cancel POST /orders/:id/payoff and POST /orders/:id/cancel
 *
 * Afterwards: no answer was a 5xx (or none), `mallpayctl check` is clean
 * (the plans' payments agree with the ledger), every installment was paid
 * at most once and every paid one has its payment, and, where the bank
 * sandbox keeps its own books (sandbox_partner_ops), each installment was
 * charged under one key at most and each charge is recorded. Last,
 * `mallpayctl reconcile` of every day the races moved money lists no
 * difference on the race's plans (references "plan<id>-...").
 *
 * Plans are made through the checkout (web) and bound to a card and
 * confirmed through the service (service/plans.h), ten at a time; each
 * batch's requests (and tick) wait at one barrier and go together. Test SQL
 * uses the tests' statement slot DB_T_TEST (this program's connection).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <curl/curl.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/stmt.h"
#include "sandbox/books.h"
#include "service/plans.h"
#include "ctl.h"
#include "shop.h"

#define PASSWORD	"race-test-password-1"
#define VISA		"4111111111111111"
#define SKU		"HOME-WASHER-8"		/* USD 729.00, durable */
#define CARD_PLAN	"installment_card:harbor-bank:6"
#define TRIALS		50		/* pairs per kind */
#define BATCH		10		/* pairs released together */

enum tstmt {
	T_SETUP, T_DOUBLE, T_UNPAID_PAID, T_PAID_UNPAID, T_HAS_BOOKS,
	T_BOOK_REFS, T_BOOK_UNRECORDED, T_BOOK_UNCHARGED, T_WINS, T_BAD_TOKEN,
	T_PAY_SHIFT, T_PAY_COUNT, T_REFUNDS, T_REFUND_SENT, T__MAX
};

static const char *const tstmts[T__MAX] = {
	/* T_SETUP (verified identity and score: shop_credit_score) */
	"UPDATE users SET phone = '+60 12 345 6789' WHERE id = ?",
	/* T_DOUBLE: installments with more than one successful payment */
	"SELECT COUNT(*) FROM (SELECT seq FROM plan_payments WHERE "
	"plan_id = ? AND ok = 1 AND kind <> 'refund' GROUP BY seq "
	"HAVING COUNT(*) > 1) x",
	/* T_UNPAID_PAID: a payment recorded for an installment not paid */
	"SELECT COUNT(*) FROM plan_installments i WHERE i.plan_id = ? AND "
	"i.status <> 'paid' AND EXISTS (SELECT 1 FROM plan_payments p WHERE "
	"p.plan_id = i.plan_id AND p.seq = i.seq AND p.ok = 1 AND "
	"p.kind <> 'refund')",
	/* T_PAID_UNPAID: an installment paid without its payment */
	"SELECT COUNT(*) FROM plan_installments i WHERE i.plan_id = ? AND "
	"i.status = 'paid' AND i.paid_minor > 0 AND NOT EXISTS (SELECT 1 "
	"FROM plan_payments p WHERE p.plan_id = i.plan_id AND p.seq = i.seq "
	"AND p.ok = 1 AND p.kind <> 'refund')",
	/* T_HAS_BOOKS */
	"SELECT COUNT(*) FROM information_schema.tables WHERE "
	"table_schema = DATABASE() AND table_name = 'sandbox_partner_ops'",
	/* T_BOOK_REFS: the bank's charges of a plan's installments */
	"SELECT reference FROM sandbox_partner_ops WHERE kind = 'charge' AND "
	"reference LIKE ? ORDER BY reference",
	/* T_BOOK_UNRECORDED: charged by the bank, not recorded by the plan */
	"SELECT COUNT(*) FROM sandbox_partner_ops b WHERE b.kind = 'charge' "
	"AND b.reference LIKE ? AND NOT EXISTS (SELECT 1 FROM plan_payments p "
	"WHERE p.plan_id = ? AND p.ok = 1 AND p.idem_key = b.reference)",
	/* T_BOOK_UNCHARGED: recorded card payments the bank never charged
	 * (the down payment, charged by this program's own process, is
	 * checked by reconcile) */
	"SELECT COUNT(*) FROM plan_payments p WHERE p.plan_id = ? AND "
	"p.ok = 1 AND p.kind <> 'refund' AND p.channel = 'card' AND "
	"p.seq > 1 AND NOT "
	"EXISTS (SELECT 1 FROM sandbox_partner_ops b WHERE b.kind = 'charge' "
	"AND b.reference = p.idem_key)",
	/* T_WINS: installment 2 of a plan paid by kind */
	"SELECT COUNT(*) FROM plan_payments WHERE plan_id = ? AND ok = 1 AND "
	"seq = 2 AND kind = ?",
	/* T_BAD_TOKEN: a card token that cannot be read */
	"UPDATE plans SET card_token_enc = 'x' WHERE id = ?",
	/* T_PAY_SHIFT: move a plan's first recorded payment by ? */
	"UPDATE plan_payments SET amount_minor = amount_minor + ? WHERE "
	"plan_id = ? AND ok = 1 ORDER BY id LIMIT 1",
	/* T_PAY_COUNT */
	"SELECT COUNT(*) FROM plan_payments WHERE plan_id = ?",
	/* T_REFUNDS: refund rows of a plan, and how many are sent */
	"SELECT COUNT(*), COALESCE(SUM(ok), 0) FROM plan_payments WHERE "
	"plan_id = ? AND kind = 'refund'",
	/* T_REFUND_SENT: the ledger's refund-sent lines of a plan */
	"SELECT COUNT(*) FROM ledger_lines WHERE plan_id = ? AND "
	"kind = 'refund_sent'",
};

/* One shopper of the race. */
struct shopper {
	struct client	*cl;
	char		 email[128];
	char		*session;
	int64_t		 id;
};

/* One request of a batch, run by its own thread. */
struct req {
	const char		*session;
	char			 path[64];
	char			*body;
	const char		*tick_at;	/* a tick instead of a POST */
	pthread_barrier_t	*go;
	useconds_t		 delay;		/* after the release */
	long			 status;	/* 0: no answer */
	int			 tick_ok;
};

/* What a kind of race saw. */
struct tally {
	int	requests, bad, by_status[6];	/* bad: 5xx or none */
};

/* The plans the races made: their money is the program's own. */
static int64_t	own_plans[4 * TRIALS];
static size_t	nown;

/* 1 if reference ref ("plan<id>-...") is of one of own_plans. */
static int
own_ref(const char *ref, void *arg)
{
	long long	p;
	size_t		i;

	(void)arg;
	if (sscanf(ref, "plan%lld-", &p) != 1)
		return 0;
	for (i = 0; i < nown; i++)
		if (own_plans[i] == p)
			return 1;
	return 0;
}

/* Reconcile every day from from to to: no difference on own_plans, and
 * check clean. */
static void
reconciled(int64_t from, int64_t to)
{
	assert_int_equal(mallpayctl_reconcile_own(from, to, own_ref, NULL),
	    0);
	assert_int_equal(mallpayctl_check(), 0);
}

/* Prepared test statement idx. */
static struct dbq *
tq(enum tstmt idx)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, idx, tstmts[idx]);

	assert_non_null(q);
	return q;
}

/* Run q (bound) and return the first column of its one row. */
static int64_t
one(struct dbq *q)
{
	int64_t v;

	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	v = dbq_col_int(q, 0);
	dbq_done(q);
	return v;
}

/* Register and sign in a fresh shopper eligible for card installments. */
static void
shopper_new(struct shopper *s, const char *tag)
{
	struct dbq *q;

	memset(s, 0, sizeof(*s));
	shop_register(s->email, sizeof(s->email), tag, "Rita Race",
	    PASSWORD);
	s->id = shop_user_id(s->email);
	shop_credit_score(s->email, 700);
	q = tq(T_SETUP);
	dbq_int(q, s->id);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	s->cl = client_new();
	assert_int_equal(client_signin(s->cl, s->email, PASSWORD), 303);
	s->session = client_cookie(s->cl, "mp_session");
	assert_non_null(s->session);
}

static void
shopper_free(struct shopper *s)
{
	client_free(s->cl);
	free(s->session);
}

/* A confirmed 6-month card plan of s placed now; returns the order id. */
static int64_t
card_plan(struct shopper *s)
{
	char	reason[200];
	int64_t	id, now;

	id = shop_place_one(s->cl, s->email, SKU, CARD_PLAN, CARD_PLAN,
	    "a card plan", NULL, 0);
	/* The card at the bank's hosted page, after the placement. */
	shop_bind_card(s->cl, id, VISA);
	now = clock_now();
	if (plan_confirm(shop_db(), shop_config(), s->id, id, "confirm", now,
	    reason, sizeof(reason)) != RES_OK)
		fail_msg("confirm order %lld: %s", (long long)id, reason);
	return id;
}

/* A fresh idempotency key. */
static void
new_key(char *out, size_t outsz)
{
	static int n;

	snprintf(out, outsz, "race%d-%d-%lld", (int)getpid(), ++n,
	    (long long)time(NULL));
}

/* Prepare r as a POST to /orders/<id>/<what> of s ("pay" with seq 2,
 * "payoff", "cancel"), with a key of its own. */
static void
req_post(struct req *r, struct shopper *s, const char *csrf, int64_t id,
    const char *what)
{
	char key[64];

	memset(r, 0, sizeof(*r));
	r->session = s->session;
	snprintf(r->path, sizeof(r->path), "/orders/%lld/%s", (long long)id,
	    what);
	new_key(key, sizeof(key));
	if (strcmp(what, "pay") == 0)
		r->body = client_form("csrf", csrf, "key", key, "seq", "2",
		    NULL);
	else
		r->body = client_form("csrf", csrf, "key", key, NULL);
}

/* The installments line of a tick's output reports no errors. */
static int
tick_clean(const char *out)
{
	const char *l = strstr(out, "installments:");

	return l != NULL && strstr(l, " 0 errors") != NULL &&
	    strstr(l, " 0 errors") < strchr(l, '\n');
}

/* A thread: wait for the others, then POST (or tick). */
static void *
req_run(void *arg)
{
	struct req		*r = arg;
	struct client		*cl = client_new();
	struct client_resp	 resp;
	struct buf		 out;
	char			 args[96];

	client_set_cookie(cl, "mp_session", r->session);
	memset(&resp, 0, sizeof(resp));
	pthread_barrier_wait(r->go);
	if (r->delay > 0)
		usleep(r->delay);
	if (r->tick_at != NULL) {
		buf_init(&out);
		snprintf(args, sizeof(args), "tick --now %s", r->tick_at);
		mallpayctl_run(&out, args);
		r->tick_ok = tick_clean(buf_str(&out));
		if (!r->tick_ok)
			print_message("tick:\n%s\n", buf_str(&out));
		buf_cleanup(&out);
	} else if (client_post(cl, r->path, r->body, &resp) == 0)
		r->status = resp.status;
	client_resp_cleanup(&resp);
	client_free(cl);
	return NULL;
}

/* Release the n requests of rs together and wait for them; tally them. */
static void
fire(struct req *rs, size_t n, struct tally *t)
{
	pthread_t		th[2 * BATCH + 1];
	pthread_barrier_t	go;
	size_t			i;

	assert_true(n <= 2 * BATCH + 1);
	assert_int_equal(pthread_barrier_init(&go, NULL, (unsigned)n), 0);
	for (i = 0; i < n; i++) {
		rs[i].go = &go;
		assert_int_equal(pthread_create(&th[i], NULL, req_run, &rs[i]),
		    0);
	}
	for (i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	pthread_barrier_destroy(&go);
	for (i = 0; i < n; i++) {
		if (rs[i].tick_at != NULL) {
			assert_true(rs[i].tick_ok);
			continue;
		}
		t->requests++;
		if (rs[i].status == 0 || rs[i].status >= 500)
			t->bad++;
		t->by_status[rs[i].status / 100 < 6 ? rs[i].status / 100 :
		    0]++;
		free(rs[i].body);
	}
}

/* The plan of order id. */
static int64_t
plan_id_of(int64_t order)
{
	struct db_plan p;

	assert_int_equal(db_plan_by_order(shop_db(), 0, order, &p), 1);
	return p.id;
}

/* Plan pid's count of statement idx (bound with pid) must be 0. */
static void
none_of(enum tstmt idx, int64_t pid, const char *what)
{
	struct dbq	*q = tq(idx);
	int64_t		 n;

	dbq_int(q, pid);
	if ((n = one(q)) != 0)
		fail_msg("plan %lld: %lld installment(s) %s", (long long)pid,
		    (long long)n, what);
}

/* The bank's own books for plan pid: each installment charged under one
 * key at most, each charge recorded, each recorded card payment charged.
 * Returns the charges counted. */
static int
bank_books(int64_t pid)
{
	struct dbq	*q;
	char		 like[48];
	int		 seen[PLAN_MAX_MONTHS + 1], seq, n = 0;
	long long	 p;

	memset(seen, 0, sizeof(seen));
	snprintf(like, sizeof(like), "plan%lld-i%%", (long long)pid);
	q = tq(T_BOOK_REFS);
	dbq_cstr(q, like);
	assert_int_equal(dbq_exec(q), 0);
	while (dbq_fetch(q) == 1) {
		if (sscanf(dbq_col_str(q, 0, NULL), "plan%lld-i%d", &p,
		    &seq) != 2 || seq < 1 || seq > PLAN_MAX_MONTHS)
			continue;
		if (++seen[seq] > 1)
			fail_msg("plan %lld: installment %d charged twice by "
			    "the bank", (long long)pid, seq);
		n++;
	}
	dbq_done(q);
	q = tq(T_BOOK_UNRECORDED);
	dbq_cstr(q, like);
	dbq_int(q, pid);
	if (one(q) != 0)
		fail_msg("plan %lld: a bank charge is not recorded",
		    (long long)pid);
	none_of(T_BOOK_UNCHARGED, pid, "recorded but never charged");
	return n;
}

/* How many of orders had installment 2 paid by kind. */
static int
wins(const int64_t *orders, size_t n, const char *kind)
{
	struct dbq	*q;
	size_t		 i;
	int		 w = 0;

	for (i = 0; i < n; i++) {
		q = tq(T_WINS);
		dbq_int(q, plan_id_of(orders[i]));
		dbq_cstr(q, kind);
		w += (int)one(q);
	}
	return w;
}

/* After a kind of race on orders: no 5xx, check clean, each installment
 * paid once with its payment, the bank's books agreeing. */
static void
verify(const char *kind, const int64_t *orders, size_t n,
    const struct tally *t)
{
	size_t	i;
	int	books, charges = 0;

	print_message("%s: %d requests: %d 3xx, %d 4xx, %d 5xx or none\n",
	    kind, t->requests, t->by_status[3], t->by_status[4], t->bad);
	assert_int_equal(t->bad, 0);
	assert_int_equal(mallpayctl_check(), 0);
	books = (int)one(tq(T_HAS_BOOKS));
	for (i = 0; i < n; i++) {
		int64_t pid = plan_id_of(orders[i]);

		if (nown < sizeof(own_plans) / sizeof(own_plans[0]))
			own_plans[nown++] = pid;
		none_of(T_DOUBLE, pid, "paid more than once");
		none_of(T_UNPAID_PAID, pid, "with a payment but not paid");
		none_of(T_PAID_UNPAID, pid, "paid without a payment");
		if (books)
			charges += bank_books(pid);
	}
	if (books)
		print_message("%s: the bank's books: %d charges, each "
		    "recorded, none twice\n", kind, charges);
	else
		print_message("%s: no bank books in this schema: compared "
		    "with the plans' own records only\n", kind);
}

/* BATCH fresh confirmed card plans of s into orders; returns the csrf
 * token of s's session (free()). */
static char *
batch_plans(struct shopper *s, int64_t *orders)
{
	char	page[64], *csrf;
	size_t	i;

	for (i = 0; i < BATCH; i++)
		orders[i] = card_plan(s);
	snprintf(page, sizeof(page), "/orders/%lld/schedule",
	    (long long)orders[0]);
	csrf = client_csrf_of(s->cl, page);
	assert_non_null(csrf);
	return csrf;
}

/* Run TRIALS pairs of a and b (what req_post takes) on fresh plans, the
 * orders into orders. */
static void
race_pairs(const char *tag, const char *a, const char *b, int64_t *orders)
{
	struct shopper	s;
	struct req	rs[2 * BATCH];
	struct tally	t;
	char		*csrf;
	size_t		k, i;

	memset(&t, 0, sizeof(t));
	shopper_new(&s, tag);
	for (k = 0; k < TRIALS; k += BATCH) {
		csrf = batch_plans(&s, orders + k);
		for (i = 0; i < BATCH; i++) {
			req_post(&rs[2 * i], &s, csrf, orders[k + i], a);
			req_post(&rs[2 * i + 1], &s, csrf, orders[k + i], b);
		}
		fire(rs, 2 * BATCH, &t);
		free(csrf);
	}
	verify(tag, orders, TRIALS, &t);
	print_message("%s: installment 2 paid by the repayment %d times, by "
	    "the payoff %d times\n", tag, wins(orders, TRIALS, "manual"),
	    wins(orders, TRIALS, "payoff"));
	shopper_free(&s);
}

/* Pay installment 2 and pay the plan off at once: one charge per
 * installment, whichever wins. */
static void
test_race_pay_vs_payoff(void **state)
{
	int64_t orders[TRIALS], from = clock_now();

	(void)state;
	race_pairs("race-payoff", "pay", "payoff", orders);
	reconciled(from, clock_now());
}

/* Pay the plan off and cancel the order at once: either the payoff is
 * refunded by the cancellation or it is refused. Then tick sends the
 * refunds the cancellations owe (each once, on the ledger). */
static void
test_race_payoff_vs_cancel(void **state)
{
	int64_t		orders[TRIALS], pid, rows, sent, from = clock_now();
	struct buf	out;
	struct dbq	*q;
	size_t		i;
	int		refunds = 0;

	(void)state;
	race_pairs("race-cancel", "payoff", "cancel", orders);
	buf_init(&out);
	mallpayctl_run(&out, "tick");
	buf_cleanup(&out);
	for (i = 0; i < TRIALS; i++) {
		pid = plan_id_of(orders[i]);
		q = tq(T_REFUNDS);
		dbq_int(q, pid);
		assert_int_equal(dbq_exec(q), 0);
		assert_int_equal(dbq_fetch(q), 1);
		rows = dbq_col_int(q, 0);
		sent = dbq_col_int(q, 1);
		dbq_done(q);
		assert_int_equal(rows, sent);
		q = tq(T_REFUND_SENT);
		dbq_int(q, pid);
		assert_int_equal(one(q), 2 * rows);
		refunds += (int)rows;
	}
	print_message("race-cancel: %d refund(s) sent by tick, each on the "
	    "ledger\n", refunds);
	assert_true(refunds > 0);
	reconciled(from, clock_now());
}

/* Installment 2's due date (today + 1 month) at hh:mm UTC as tick takes
 * it. */
static void
due2_at(int hh, int mm, char *out, size_t outsz)
{
	mp_date	today, due2;
	time_t	t;
	struct tm tm;

	assert_int_equal(mp_date_from_unix(clock_now(), &today), 0);
	assert_int_equal(mp_date_plan_due(today, 1, &due2), 0);
	t = (time_t)(mp_date_to_unix(due2) + hh * 3600 + mm * 60);
	gmtime_r(&t, &tm);
	strftime(out, outsz, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Installment 2's due date at noon UTC (unix seconds). */
static int64_t
due2_noon(void)
{
	mp_date	today, due2;

	assert_int_equal(mp_date_from_unix(clock_now(), &today), 0);
	assert_int_equal(mp_date_plan_due(today, 1, &due2), 0);
	return mp_date_to_unix(due2) + 12 * 3600;
}

/* Pay installment 2 on its due date while tick deducts it: one charge.
 * A first tick at that hour runs the hour's jobs (it purges the sessions,
 * which the later ticks of the hour then leave alone). */
static void
test_race_pay_vs_tick_deduction(void **state)
{
	struct shopper	s;
	struct req	rs[BATCH + 1];
	struct tally	t;
	struct buf	out;
	int64_t		orders[TRIALS], from = clock_now();
	char		page[64], at[8][32], *csrf;
	size_t		k, i;

	(void)state;
	memset(&t, 0, sizeof(t));
	due2_at(12, 0, at[0], sizeof(at[0]));
	buf_init(&out);
	snprintf(page, sizeof(page), "tick --now %s", at[0]);
	mallpayctl_run(&out, page);
	buf_cleanup(&out);
	shopper_new(&s, "race-tick");
	for (k = 0; k < TRIALS; k += BATCH) {
		/* Each batch made just before its race: an earlier tick
		 * would deduct it otherwise. */
		csrf = batch_plans(&s, orders + k);
		/* The tick takes a while to start: the repayments are
		 * spread over its run, so that either side wins. */
		for (i = 0; i < BATCH; i++) {
			req_post(&rs[i], &s, csrf, orders[k + i], "pay");
			rs[i].delay = (useconds_t)(i * 60000);
		}
		due2_at(12, 1 + (int)(k / BATCH), at[1 + k / BATCH],
		    sizeof(at[0]));
		memset(&rs[BATCH], 0, sizeof(rs[BATCH]));
		rs[BATCH].tick_at = at[1 + k / BATCH];
		fire(rs, BATCH + 1, &t);
		free(csrf);
	}
	verify("pay vs tick", orders, TRIALS, &t);
	print_message("pay vs tick: installment 2 paid by the repayment %d "
	    "times, by tick's deduction %d times\n", wins(orders, TRIALS,
	    "manual"), wins(orders, TRIALS, "auto"));
	assert_int_equal(wins(orders, TRIALS, "manual") + wins(orders, TRIALS,
	    "auto"), TRIALS);
	/* The repayments moved money today, tick's deductions on the due
	 * date. */
	reconciled(from, clock_now());
	reconciled(due2_noon(), due2_noon());
	shopper_free(&s);
}

/* An error page says "nothing was charged" only where that is known: a
 * card token that cannot be read means the bank was never asked (503,
 * "nothing was charged", nothing recorded). */
static void
test_error_page_nothing_charged_only_when_not_sent(void **state)
{
	struct shopper		s;
	struct client_resp	r;
	struct dbq		*q;
	char			path[64], page[64], key[64], *csrf, *body;
	int64_t			order, pid, before;

	(void)state;
	shopper_new(&s, "race-token");
	order = card_plan(&s);
	pid = plan_id_of(order);
	q = tq(T_BAD_TOKEN);
	dbq_int(q, pid);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	q = tq(T_PAY_COUNT);
	dbq_int(q, pid);
	before = one(q);
	snprintf(page, sizeof(page), "/orders/%lld/schedule", (long long)order);
	snprintf(path, sizeof(path), "/orders/%lld/pay", (long long)order);
	csrf = client_csrf_of(s.cl, page);
	new_key(key, sizeof(key));
	body = client_form("csrf", csrf, "key", key, "seq", "2", NULL);
	assert_int_equal(client_post(s.cl, path, body, &r), 0);
	assert_int_equal(r.status, 503);
	assert_true(client_has(&r, "nothing was charged"));
	client_resp_cleanup(&r);
	q = tq(T_PAY_COUNT);
	dbq_int(q, pid);
	assert_int_equal(one(q), before);
	free(body);
	free(csrf);
	shopper_free(&s);
}

/* mallpayctl check compares each plan's recorded payments with the
 * ledger: a payment row changed behind the ledger's back is reported. */
static void
test_check_plan_payments_against_ledger(void **state)
{
	struct shopper	s;
	struct dbq	*q;
	int64_t		pid;

	(void)state;
	shopper_new(&s, "race-check");
	pid = plan_id_of(card_plan(&s));
	assert_int_equal(mallpayctl_check(), 0);
	q = tq(T_PAY_SHIFT);
	dbq_int(q, 1);
	dbq_int(q, pid);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	assert_int_equal(mallpayctl_check(), 1);
	q = tq(T_PAY_SHIFT);
	dbq_int(q, -1);
	dbq_int(q, pid);
	assert_int_equal(dbq_exec(q), 0);
	dbq_done(q);
	assert_int_equal(mallpayctl_check(), 0);
	shopper_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_race_pay_vs_payoff),
		cmocka_unit_test(test_race_pay_vs_tick_deduction),
		cmocka_unit_test(test_race_payoff_vs_cancel),
		cmocka_unit_test(test_error_page_nothing_charged_only_when_not_sent),
		cmocka_unit_test(test_check_plan_payments_against_ledger),
	};
	int rc;

	shop_init();
	/* The down payments this process charges go into the bank's books
	 * like mallpayd's charges (reconcile reads them). */
	if (sandbox_books_init(shop_config()) == -1)
		return 1;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	sandbox_books_end();
	shop_end();
	return rc;
}
