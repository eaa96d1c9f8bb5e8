/*
 * Money reports, the dashboard, settings and the audit display
 * (service/report.h, pages/admin_reports.c, pages/admin_settings.c):
 * each report's figures against a fixture of ledger entries posted in
 * March 2021 (no other test posts then) whose sums are worked out by hand
 * below; the dashboard's SLA breach at a fixed clock; a settings section
 * saved in major units, a refused value beside its field with its rule;
 * an institution's method fixed once it has plans; the audit trail in the
 * form's units with long details folded.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/words.h"
#include "db/check.h"
#include "db/db.h"
#include "db/report.h"
#include "db/stmt.h"
#include "service/actor.h"
#include "service/audit.h"
#include "service/ledger.h"
#include "service/report.h"
#include "shop.h"

#define ADMIN		"admin@demo.test"
#define INST		"rpt-bank"

enum { T_ORDER_ID, T_SETTING, T_INST_METHOD, T_PLAN_ID, T_INST_PAID,
    T_DAY_ROWS, T__MAX };
static const char *const stmts[T__MAX] = {
	"SELECT id FROM orders WHERE idempotency_key = ?",
	"SELECT value FROM settings WHERE name = ?",
	"SELECT method FROM institutions WHERE id = ?",
	"SELECT id FROM plans WHERE order_id = ?",
	"UPDATE plan_installments SET status = 'paid' WHERE plan_id = ? "
	"AND seq = ?",
	"SELECT CONCAT(COUNT(*), ' ', COUNT(DISTINCT currency, acct_class, "
	"kind, method, plan, sign), ' ', MAX(slot), ' ', MIN(slot)) FROM "
	"ledger_days WHERE day = ?",
};

static char	 tag[24];	/* this run's keys */
static int64_t	 uid;		/* the fixture's shopper */
static int64_t	 o_card, o_partner, o_cod, o_review;	/* its orders */
static int64_t	 plan;		/* its active plan, on o_card */
static int64_t	 overdue0[3], count0[3];	/* overdue before the plan */

/* 10:00 UTC on 2021-03-<day>. */
static int64_t
march(int day)
{
	mp_date d;

	assert_int_equal(mp_date_from_ymd(2021, 3, day, &d), 0);
	return mp_date_to_unix(d) + 10 * 3600;
}

/* Text column 0 of statement t with parameter p into out; "" none. */
static void
q_text(int t, const char *p, char *out, size_t outsz)
{
	struct dbq *q = dbq_get(shop_db(), DB_T_TEST, t, stmts[t]);

	assert_non_null(q);
	dbq_cstr(q, p);
	assert_int_equal(dbq_exec(q), 0);
	out[0] = '\0';
	if (dbq_fetch(q) == 1)
		dbq_col_copy(q, 0, out, outsz);
	dbq_done(q);
}

/* A new order of user uid paid by method in status (with its event, so
 * that `mallpayctl check` finds it consistent); returns its id. */
static int64_t
new_order(const char *method, const char *status, const char *extra_col,
    const char *extra_val)
{
	char	sql[1024], key[80], id[24];
	static int n;

	snprintf(key, sizeof(key), "%s-%d", tag, ++n);
	snprintf(sql, sizeof(sql), "INSERT INTO orders (user_id, status, "
	    "method, currency, usd_per_unit, items_total_minor, "
	    "amount_due_minor, country, region_code, idempotency_key, "
	    "created_at, updated_at%s%s) SELECT %lld, '%s', '%s', 'USD', '1', "
	    "0, 0, code, region_code, '%s', %lld, %lld%s%s FROM countries "
	    "ORDER BY code LIMIT 1", extra_col ? ", " : "",
	    extra_col ? extra_col : "", (long long)uid, status, method, key,
	    (long long)march(1), (long long)march(1), extra_col ? ", " : "",
	    extra_val ? extra_val : "");
	shop_sql(sql);
	q_text(T_ORDER_ID, key, id, sizeof(id));
	snprintf(sql, sizeof(sql), "INSERT INTO events (subject_type, "
	    "subject_id, actor_type, at, to_state) VALUES ('order', %s, "
	    "'system', %lld, '%s')", id, (long long)march(1), status);
	shop_sql(sql);
	return strtoll(id, NULL, 10);
}

/* Post one two-line entry: amount from credit to debit. */
static void
post(enum ledger_kind kind, const char *what, int64_t order, int64_t plan_id,
    int64_t at, const char *debit, const char *credit, int64_t amount)
{
	char key[96];

	snprintf(key, sizeof(key), "%s-%s", tag, what);
	shop_ledger_post(kind, key, order, plan_id, at, debit, credit, amount,
	    1);
}

static struct report_range
range(enum report_period p)
{
	struct report_range r;

	memset(&r, 0, sizeof(r));
	r.period = p;
	assert_int_equal(mp_date_from_ymd(2021, 3, 1, &r.from), 0);
	assert_int_equal(mp_date_from_ymd(2021, 3, 14, &r.to), 0);
	snprintf(r.currency, sizeof(r.currency), "USD");
	return r;
}

/* The series named name of rep (the test fails without it). */
static const struct report_series *
series(const struct report *rep, const char *name)
{
	size_t i;

	for (i = 0; i < rep->ns; i++)
		if (strcmp(rep->s[i].name, name) == 0)
			return &rep->s[i];
	fail_msg("report %s has no series %s", rep->slug, name);
	return NULL;
}

static struct report *
build(enum report_kind k, enum report_period p)
{
	struct report		*rep = calloc(1, sizeof(*rep));
	struct report_range	 r = range(p);

	assert_non_null(rep);
	assert_int_equal(report_build(shop_db(), k, &r, clock_now(), rep), 0);
	return rep;
}

/* A plan of order o with institution inst in status, its installments
 * (each amount minor) due on due[n]; returns its id. */
static int64_t
new_plan(int64_t o, const char *inst, const char *status,
    const mp_date *due, size_t n, int64_t amount)
{
	char	sql[768], id[24], day[CAL_DATE_STRLEN], os[24];
	size_t	i;

	snprintf(sql, sizeof(sql), "INSERT INTO plans (order_id, user_id, "
	    "method, institution_id, status, currency, principal_minor, n, "
	    "monthly_rate, fee_mode, late_fee_rate, start_date, created_at, "
	    "updated_at) VALUES (%lld, %lld, 'installment_card', '%s', '%s', "
	    "'USD', %lld, %zu, '1.00', 'spread', '0.05', '2021-03-01', %lld, "
	    "%lld)", (long long)o, (long long)uid, inst, status,
	    (long long)(amount * (int64_t)n), n, (long long)march(1),
	    (long long)march(1));
	shop_sql(sql);
	snprintf(os, sizeof(os), "%lld", (long long)o);
	q_text(T_PLAN_ID, os, id, sizeof(id));
	for (i = 0; i < n; i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO plan_installments "
		    "(plan_id, seq, due_date, principal_minor, fee_minor, "
		    "status) VALUES (%s, %zu, '%s', %lld, 0, '%s')", id, i + 1,
		    mp_date_str(due[i], day, sizeof(day)), (long long)amount,
		    strcmp(status, "active") == 0 ? "due" : "waived");
		shop_sql(sql);
	}
	return strtoll(id, NULL, 10);
}

/* An institution (disabled: no checkout offers it) of method. */
static void
new_institution(const char *id, const char *method)
{
	char sql[512];

	snprintf(sql, sizeof(sql), "INSERT INTO institutions (id, name, "
	    "method, min_usd_minor, terms, monthly_rate, enabled) VALUES "
	    "('%s', 'Report Test Bank %s', '%s', 0, '3,6', '1.00', 0)", id,
	    id, method);
	shop_sql(sql);
}

/*
 * The fixture, in USD minor units (u is the shopper's receivable):
 *   collected  03-01 installment, card order     12,345
 *              03-02 down payment, partner order 20,000
 *              03-09 installment, card order      5,055
 *              03-09 company transfer, no order   7,000
 *   late fees  03-03 250, 03-08 150 (the plan's), 03-10 130
 *   plan       03-01 plan start 30,000 (+ the 150 late fee on 03-08)
 *   guarantee  03-04 payout 9,900; 03-11 recovery 4,000
 *   refunds    03-05 due 6,000; 03-12 sent 6,000
 *   refusals   03-06 one parcel refused, charge 1,800
 *   overdue    three installments of 10,000, 10, 45 and 90 days late
 */
static int
setup(void **state)
{
	char		 email[128], u[LEDGER_ACCT_MAX], co[LEDGER_ACCT_MAX],
			 bank[LEDGER_ACCT_MAX], inst[40], sql[256];
	mp_date		 today, due[3];
	struct report_range r = range(REPORT_DAY);
	struct report	*rep;

	(void)state;
	snprintf(tag, sizeof(tag), "rpt-%ld", (long)getpid());
	shop_register(email, sizeof(email), "reports", "Report Fixture",
	    "correct horse battery");
	uid = shop_user_id(email);
	o_card = new_order("installment_card", "cancelled", NULL, NULL);
	o_partner = new_order("installment_partner", "cancelled", NULL, NULL);
	o_cod = new_order("cod", "cancelled", NULL, NULL);
	o_review = new_order("cod", "awaiting_review", "review_due",
	    "'2021-03-10'");
	ledger_acct_buyer_receivable(u, sizeof(u), uid);
	ledger_acct_company_receivable(co, sizeof(co), 990000 + getpid() % 999);
	ledger_acct_partner_clearing(bank, sizeof(bank), "bank");
	post(LK_INSTALLMENT, "c1", o_card, 0, march(1), bank, u, 12345);
	post(LK_DOWN_PAYMENT, "c2", o_partner, 0, march(2), bank, u, 20000);
	post(LK_INSTALLMENT, "c3", o_card, 0, march(9), bank, u, 5055);
	post(LK_TRANSFER, "c4", 0, 0, march(9), LEDGER_PLATFORM_CASH, co,
	    7000);
	post(LK_LATE_FEE, "lf1", 0, 0, march(3), u, LEDGER_FEE_INCOME, 250);
	post(LK_LATE_FEE, "lf2", 0, 0, march(10), u, LEDGER_FEE_INCOME, 130);
	post(LK_GUARANTEE_PAYOUT, "g1", 0, 0, march(4), LEDGER_MERCHANT_PAYABLE,
	    LEDGER_GUARANTEE, 9900);
	post(LK_GUARANTEE_RECOVERY, "g2", 0, 0, march(11), LEDGER_GUARANTEE,
	    bank, 4000);
	post(LK_REFUND_DUE, "r1", 0, 0, march(5), u, LEDGER_REFUNDS_PAYABLE,
	    6000);
	post(LK_REFUND_SENT, "r2", 0, 0, march(12), LEDGER_REFUNDS_PAYABLE,
	    LEDGER_PLATFORM_CASH, 6000);
	snprintf(sql, sizeof(sql), "INSERT INTO cod_refusals (user_id, "
	    "order_id, reason, counted, refused_on, created_at) VALUES (%lld, "
	    "%lld, 'no_valid_reason', 1, '2021-03-06', %lld)", (long long)uid,
	    (long long)o_cod, (long long)march(6));
	shop_sql(sql);
	post(LK_REFUSAL_CHARGE, "x1", o_cod, 0, march(6), u, LEDGER_FEE_INCOME,
	    1800);
	/* overdue before the plan: the other tests' plans */
	rep = calloc(1, sizeof(*rep));
	assert_non_null(rep);
	assert_int_equal(report_build(shop_db(), REPORT_OVERDUE, &r,
	    clock_now(), rep), 0);
	overdue0[0] = rep->s[0].v[0], overdue0[1] = rep->s[0].v[1];
	overdue0[2] = rep->s[0].v[2];
	count0[0] = rep->s[1].v[0], count0[1] = rep->s[1].v[1];
	count0[2] = rep->s[1].v[2];
	free(rep);
	assert_int_equal(mp_date_from_unix(clock_now(), &today), 0);
	due[0] = today - 10, due[1] = today - 45, due[2] = today - 90;
	snprintf(inst, sizeof(inst), "%s-a", tag);
	new_institution(inst, "installment_card");
	plan = new_plan(o_card, inst, "active", due, 3, 10000);
	post(LK_PLAN_START, "p1", o_card, plan, march(1), u,
	    LEDGER_MERCHANT_PAYABLE, 30000);
	post(LK_LATE_FEE, "p2", o_card, plan, march(8), u, LEDGER_FEE_INCOME,
	    150);
	return 0;
}

/* The fixture left so that tick and `mallpayctl check` pass over it:
 * the plan closed, the guarantee entries reversed (platform:guarantee
 * agrees with the Pay After Use rows again), the order in review
 * cancelled. */
static int
teardown(void **state)
{
	char sql[256], key[96];

	(void)state;
	snprintf(sql, sizeof(sql), "UPDATE plan_installments SET status = "
	    "'waived' WHERE plan_id = %lld", (long long)plan);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "UPDATE plans SET status = 'closed' WHERE "
	    "id = %lld", (long long)plan);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = 'cancelled' "
	    "WHERE id = %lld", (long long)o_review);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "INSERT INTO events (subject_type, "
	    "subject_id, actor_type, at, from_state, to_state) VALUES "
	    "('order', %lld, 'system', %lld, 'awaiting_review', 'cancelled')",
	    (long long)o_review, (long long)march(20));
	shop_sql(sql);
	assert_int_equal(db_begin(shop_db()), 0);
	snprintf(key, sizeof(key), "%s-g1", tag);
	assert_int_equal(ledger_reverse(shop_db(), key, "test fixture",
	    march(20)), 0);
	snprintf(key, sizeof(key), "%s-g2", tag);
	assert_int_equal(ledger_reverse(shop_db(), key, "test fixture",
	    march(20)), 0);
	assert_int_equal(db_commit(shop_db()), 0);
	return 0;
}

/* Collected by method: per day and per week, by the orders' methods. */
static void
test_report_collected_by_method(void **state)
{
	struct report			*d = build(REPORT_COLLECTED, REPORT_DAY);
	struct report			*w = build(REPORT_COLLECTED, REPORT_WEEK);
	const struct report_series	*card, *partner, *transfers;

	(void)state;
	assert_int_equal(d->n, 14);
	card = series(d, words_method("installment_card"));
	partner = series(d, words_method("installment_partner"));
	transfers = series(d, "Company transfers");
	assert_int_equal(card->v[0], 12345);
	assert_int_equal(card->v[8], 5055);
	assert_int_equal(card->v[1], 0);
	assert_int_equal(card->total, 12345 + 5055);
	assert_int_equal(partner->v[1], 20000);
	assert_int_equal(partner->total, 20000);
	assert_int_equal(transfers->v[8], 7000);
	assert_int_equal(d->ns, 3);
	/* 2021-03-01 is a Monday: weeks 03-01..07 and 03-08..14 */
	assert_int_equal(w->n, 2);
	assert_string_equal(w->labels[1], "2021-03-08");
	assert_int_equal(series(w, words_method("installment_card"))->v[0],
	    12345);
	assert_int_equal(series(w, words_method("installment_card"))->v[1],
	    5055);
	assert_int_equal(series(w, words_method("installment_partner"))->v[0],
	    20000);
	assert_int_equal(series(w, "Company transfers")->v[1], 7000);
	free(d);
	free(w);
}

/* INST-F1: late fees per day; the installment balance at each day's end
 * (the plan start, then its late fee). */
static void
test_INST_F1_report_late_fees_and_outstanding_balance(void **state)
{
	struct report	*lf = build(REPORT_LATE_FEES, REPORT_DAY);
	struct report	*ob = build(REPORT_OUTSTANDING, REPORT_DAY);
	struct report	*obw = build(REPORT_OUTSTANDING, REPORT_WEEK);

	(void)state;
	assert_int_equal(lf->s[0].v[2], 250);
	assert_int_equal(lf->s[0].v[7], 150);
	assert_int_equal(lf->s[0].v[9], 130);
	assert_int_equal(lf->s[0].total, 250 + 150 + 130);
	assert_int_equal(ob->s[0].v[0], 30000);
	assert_int_equal(ob->s[0].v[6], 30000);
	assert_int_equal(ob->s[0].v[7], 30150);
	assert_int_equal(ob->s[0].total, 30150);
	assert_int_equal(obw->s[0].v[0], 30000);
	assert_int_equal(obw->s[0].v[1], 30150);
	free(lf);
	free(ob);
	free(obw);
}

/* Overdue by age at today: 10, 45 and 90 days late fall in 1-30, 31-60
 * and over 60 (added to what other tests' plans owe). */
static void
test_report_overdue_by_age(void **state)
{
	struct report *o = build(REPORT_OVERDUE, REPORT_DAY);

	(void)state;
	assert_int_equal(o->n, 3);
	assert_string_equal(o->labels[2], "Over 60 days");
	assert_int_equal(o->s[0].v[0], overdue0[0] + 10000);
	assert_int_equal(o->s[0].v[1], overdue0[1] + 10000);
	assert_int_equal(o->s[0].v[2], overdue0[2] + 10000);
	assert_int_equal(o->s[1].v[0], count0[0] + 1);
	assert_int_equal(o->s[1].v[2], count0[2] + 1);
	assert_int_equal(o->s[0].total, overdue0[0] + overdue0[1] +
	    overdue0[2] + 30000);
	free(o);
}

/* The overdue figures of report kind OVERDUE now into owed and count. */
static void
overdue_now(int64_t owed[3], int64_t count[3])
{
	struct report	*o = build(REPORT_OVERDUE, REPORT_DAY);
	size_t		 i;

	for (i = 0; i < 3; i++) {
		owed[i] = o->s[0].v[i];
		count[i] = o->s[1].v[i];
	}
	free(o);
}

/* Run sql on the plan's installment seq (1: 10 days late, 2: 45, 3: 90)
 * or, seq 0, on the plan: "SET ..." with the row's WHERE appended. */
static void
plan_set(int seq, const char *set)
{
	char sql[256];

	if (seq == 0)
		snprintf(sql, sizeof(sql), "UPDATE plans %s WHERE id = %lld",
		    set, (long long)plan);
	else
		snprintf(sql, sizeof(sql), "UPDATE plan_installments %s WHERE "
		    "plan_id = %lld AND seq = %d", set, (long long)plan, seq);
	shop_sql(sql);
}

/* The aging read from the sums per due date (sql/049) follows each
 * change in the transaction that makes it: a part payment, an
 * installment paid, a late fee, the plan terminated and made active
 * again, a change rolled back; `mallpayctl check` finds every date's sums
 * equal to its installments'. */
static void
test_report_overdue_follows_payments_and_plan(void **state)
{
	int64_t		 o0[3], c0[3], o[3], c[3];
	struct buf	 out;
	struct dbq	*q;

	(void)state;
	overdue_now(o0, c0);
	plan_set(1, "SET paid_minor = 4000");
	plan_set(2, "SET status = 'paid', paid_minor = 10000");
	plan_set(3, "SET late_fee_minor = 500");
	overdue_now(o, c);
	assert_int_equal(o[0], o0[0] - 4000);
	assert_int_equal(c[0], c0[0]);
	assert_int_equal(o[1], o0[1] - 10000);
	assert_int_equal(c[1], c0[1] - 1);
	assert_int_equal(o[2], o0[2] + 500);
	/* terminated: none of its installments is owed as overdue */
	plan_set(0, "SET status = 'terminated'");
	overdue_now(o, c);
	assert_int_equal(o[0], o0[0] - 10000);
	assert_int_equal(o[2], o0[2] - 10000);
	assert_int_equal(c[2], c0[2] - 1);
	plan_set(0, "SET status = 'active'");
	/* a change rolled back leaves the sums as they were */
	assert_int_equal(db_begin(shop_db()), 0);
	q = dbq_get(shop_db(), DB_T_TEST, T_INST_PAID, stmts[T_INST_PAID]);
	assert_non_null(q);
	assert_int_equal(dbq_exec(dbq_bind(q, DBQ_I(plan), DBQ_I(3))), 0);
	dbq_done(q);
	db_rollback(shop_db());
	overdue_now(o, c);
	assert_int_equal(o[0], o0[0] - 4000);
	assert_int_equal(o[2], o0[2] + 500);
	assert_int_equal(c[2], c0[2]);
	buf_init(&out);
	assert_int_equal(db_check_due_days(shop_db(), &out), 0);
	assert_string_equal(buf_str(&out), "");
	buf_cleanup(&out);
	/* back as the other tests expect it */
	plan_set(1, "SET paid_minor = 0");
	plan_set(2, "SET status = 'due', paid_minor = 0");
	plan_set(3, "SET late_fee_minor = 0");
	overdue_now(o, c);
	assert_memory_equal(o, o0, sizeof(o));
	assert_memory_equal(c, c0, sizeof(c));
}

/* The reports page's read (report_build_all: the days read once, each
 * series summed from them: kinds, account class pattern, sign, plans,
 * methods) gives every report of the fixture's range, by day, week and
 * month, exactly as one statement a series does (report_build). */
static void
test_report_book_equals_statements(void **state)
{
	static const enum report_period periods[] = { REPORT_DAY,
		REPORT_WEEK, REPORT_MONTH };
	struct report		*all, *one;
	struct report_range	 r;
	size_t			 p, k;

	(void)state;
	all = calloc(REPORT__MAX, sizeof(*all));
	one = calloc(1, sizeof(*one));
	assert_non_null(all);
	assert_non_null(one);
	for (p = 0; p < 3; p++) {
		r = range(periods[p]);
		assert_int_equal(report_build_all(shop_db(), &r, clock_now(),
		    all), 0);
		for (k = 0; k < REPORT__MAX; k++) {
			assert_int_equal(report_build(shop_db(),
			    (enum report_kind)k, &r, clock_now(), one), 0);
			assert_int_equal(all[k].n, one->n);
			assert_int_equal(all[k].ns, one->ns);
			assert_memory_equal(all[k].labels, one->labels,
			    sizeof(one->labels));
			assert_memory_equal(all[k].s, one->s, sizeof(one->s));
		}
	}
	/* the fixture is in them: collected by method on 03-01 */
	assert_true(all[REPORT_COLLECTED].ns >= 1);
	free(all);
	free(one);
}

/* The dashboard's key figures from one read of the month's days with the
 * totals over every day: at 03-09 the fixture's collected today (5,055
 * and the company's 7,000) and this month (and 12,345 and 20,000) and its
 * guarantee payout (9,900) by hand; the balances (every test's lines)
 * as their own statements give them. */
static void
test_report_key_figures_from_one_book(void **state)
{
	struct report_key_figures	k;
	struct db_report_query		q = { "", "%:receivable", "USD", 0, 1,
					    0, 0, 0 };
	int64_t				total;

	(void)state;
	assert_int_equal(report_key_figures(shop_db(), "USD", march(9), &k),
	    0);
	assert_int_equal(k.collected_today, 5055 + 7000);
	assert_int_equal(k.collected_month, 12345 + 20000 + 5055 + 7000);
	assert_int_equal(k.guarantee_month, 9900);
	assert_int_equal(db_report_ledger_total(shop_db(), &q, &total), 0);
	assert_true(total != 0);	/* the fixture's plan is in it */
	assert_int_equal(k.outstanding, total);
	q.account = LEDGER_REFUNDS_PAYABLE;
	q.plans_only = 0;
	assert_int_equal(db_report_ledger_total(shop_db(), &q, &total), 0);
	assert_int_equal(k.refunds_open, -total);
	/* the 1st of the month: the day and the month are the same day */
	assert_int_equal(report_key_figures(shop_db(), "USD", march(1), &k),
	    0);
	assert_int_equal(k.collected_today, 12345);
	assert_int_equal(k.collected_month, 12345);
	assert_int_equal(k.guarantee_month, 0);
}

/* "rows keys max-slot min-slot" of ledger_days on day (since 1970). */
static void
day_rows(int64_t day, char *out, size_t outsz)
{
	char d[24];

	snprintf(d, sizeof(d), "%lld", (long long)day);
	q_text(T_DAY_ROWS, d, out, outsz);
}

/* The daily ledger totals of closed days folded into one row a key (the
 * ledger_fold job, mallpayctl ledger-fold): the fixture's 03-01 rows,
 * moved by hand from their writer's slot into another and left behind as
 * zero rows (two rows a key), become one row a key in slot 0; the report
 * of those days and `mallpayctl check`'s comparison with the lines are
 * unchanged; 03-02, after the bound, is left as it was; a second fold
 * leaves 03-01 as the first left it. */
static void
test_report_ledger_days_fold(void **state)
{
	struct report	*before = build(REPORT_COLLECTED, REPORT_DAY), *after;
	int64_t		 d1 = march(1) / 86400;
	char		 sql[512], rows[64], rows2[64], keys[16];
	struct buf	 out;
	int		 slot;

	(void)state;
	day_rows(d1 + 1, rows2, sizeof(rows2));
	day_rows(d1, rows, sizeof(rows));
	assert_int_equal(sscanf(rows, "%*d %15s %d", keys, &slot), 2);
	snprintf(sql, sizeof(sql), "INSERT INTO ledger_days (day, currency, "
	    "acct_class, kind, method, plan, sign, slot, sum_minor, "
	    "line_count) SELECT day, currency, acct_class, kind, method, "
	    "plan, sign, (slot + 8) %% 16, sum_minor, line_count FROM "
	    "ledger_days WHERE day = %lld AND slot = %d", (long long)d1, slot);
	shop_sql(sql);
	snprintf(sql, sizeof(sql), "UPDATE ledger_days SET sum_minor = 0, "
	    "line_count = 0 WHERE day = %lld AND slot = %d", (long long)d1,
	    slot);
	shop_sql(sql);
	day_rows(d1, rows, sizeof(rows));
	assert_int_equal(strtol(rows, NULL, 10), 2 * strtol(keys, NULL, 10));

	assert_int_equal(db_begin(shop_db()), 0);
	assert_true(db_ledger_days_fold(shop_db(), d1 + 1) >=
	    strtol(keys, NULL, 10));
	assert_int_equal(db_commit(shop_db()), 0);
	day_rows(d1, rows, sizeof(rows));
	snprintf(sql, sizeof(sql), "%s %s 0 0", keys, keys);
	assert_string_equal(rows, sql);
	day_rows(d1 + 1, rows, sizeof(rows));
	assert_string_equal(rows, rows2);
	after = build(REPORT_COLLECTED, REPORT_DAY);
	assert_memory_equal(after->s, before->s, sizeof(before->s));
	buf_init(&out);
	assert_int_equal(db_check_ledger_days(shop_db(), &out), 0);
	assert_string_equal(buf_str(&out), "");
	buf_cleanup(&out);
	assert_int_equal(db_begin(shop_db()), 0);
	assert_true(db_ledger_days_fold(shop_db(), d1 + 1) >= 0);
	assert_int_equal(db_commit(shop_db()), 0);
	day_rows(d1, rows, sizeof(rows));
	assert_string_equal(rows, sql);
	free(before);
	free(after);
}

/* PAU-04 guarantee payouts and recoveries; refunds due and sent; COD-F2
 * refusals and their charges; per month: all in March. */
static void
test_PAU_04_report_guarantee_refunds_refusals(void **state)
{
	struct report	*g = build(REPORT_GUARANTEE, REPORT_DAY);
	struct report	*r = build(REPORT_REFUNDS, REPORT_DAY);
	struct report	*x = build(REPORT_REFUSALS, REPORT_DAY);
	struct report	*m = build(REPORT_GUARANTEE, REPORT_MONTH);

	(void)state;
	assert_int_equal(series(g, "Payouts")->v[3], 9900);
	assert_int_equal(series(g, "Recoveries")->v[10], 4000);
	assert_int_equal(series(r, "Due")->v[4], 6000);
	assert_int_equal(series(r, "Sent")->v[11], 6000);
	assert_int_equal(series(r, "Sent")->total, 6000);
	assert_int_equal(series(x, "Refusals")->v[5], 1);
	assert_int_equal(series(x, "Refusals")->total, 1);
	assert_int_equal(series(x, "Refusal charges")->v[5], 1800);
	assert_false(series(x, "Refusals")->money);
	assert_int_equal(m->n, 1);
	assert_string_equal(m->labels[0], "2021-03");
	assert_int_equal(series(m, "Payouts")->v[0], 9900);
	assert_int_equal(series(m, "Recoveries")->v[0], 4000);
	free(g);
	free(r);
	free(x);
	free(m);
}

/* The page: every report with its chart and exact amounts; a bad range
 * is refused beside the form. */
static void
test_report_page_charts_and_amounts(void **state)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;

	(void)state;
	shop_get(admin, "/admin/reports?period=week&from=2021-03-01&"
	    "to=2021-03-14&currency=USD", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"chart-collected\""));
	assert_true(client_has(&r, "<desc id=\"chart-collected-d\">"));
	assert_true(client_has(&r, "id=\"chart-cod-refusals\""));
	assert_true(client_has(&r, "USD 123.45"));	/* week 1, card */
	assert_true(client_has(&r, "USD 301.50"));	/* the balance */
	assert_true(client_has(&r, "USD 99.00"));	/* guarantee */
	client_resp_cleanup(&r);
	shop_get(admin, "/admin/reports?period=day&from=2020-01-01&"
	    "to=2021-03-14", &r);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "id=\"reports-error\""));
	client_resp_cleanup(&r);
	client_free(admin);
}

/* The breach of the COD review queue at now, or NULL. */
static const struct report_breach *
cod_breach(struct report_breach *b, size_t *n, int64_t now)
{
	size_t i;

	assert_int_equal(report_sla_breaches(shop_db(), now, b, 16, n), 0);
	for (i = 0; i < *n; i++)
		if (strcmp(b[i].path, "/admin/queues/cod") == 0)
			return &b[i];
	return NULL;
}

/* COD-P1: an order to review by 2021-03-10 is a breach from 03-11 00:00
 * on the one clock, not on 03-10 23:59 (every other order in review is
 * promised years later); the dashboard shows it at the stack's clock. */
static void
test_COD_P1_dashboard_sla_breach_by_the_clock(void **state)
{
	struct report_breach		 b[16];
	const struct report_breach	*x;
	struct client			*admin;
	struct client_resp		 r;
	size_t				 n;
	int64_t				 midnight = march(11) - 10 * 3600;

	(void)state;
	clock_set_fixed(midnight - 60);
	assert_null(cod_breach(b, &n, clock_now()));
	clock_set_fixed(midnight);
	x = cod_breach(b, &n, clock_now());
	assert_non_null(x);
	assert_int_equal(x->overdue, 1);
	assert_non_null(strstr(x->promise, "COD-P1"));
	clock_set_fixed(0);
	admin = shop_signin(ADMIN);
	shop_get(admin, "/admin", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"sla-breaches\""));
	assert_true(client_has(&r, "href=\"/admin/queues/cod\">COD orders "
	    "awaiting review</a>"));
	assert_true(client_has(&r, "id=\"kf-outstanding\""));
	client_resp_cleanup(&r);
	client_free(admin);
}

/* The value of setting name ("" none) into out. */
static void
setting(const char *name, char *out, size_t outsz)
{
	q_text(T_SETTING, name, out, outsz);
}

/* COD-01: the Cash on delivery section is saved as one form, amounts in
 * dollars stored exactly in cents; a value out of range is refused beside
 * its field with the rule id, and nothing of the section is written. */
static void
test_COD_01_settings_section_save_and_range_error(void **state)
{
	static const char *const keys[] = { "cod_b2c_max_usd_minor",
		"cod_new_max_usd_minor", "cod_veteran_min_orders",
		"cod_max_delivery_days", "cod_refusals_to_suspend",
		"cod_suspend_months", "cod_max_extensions" };
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 v[7][64], shown[7][64], old0[64], now0[64],
				 now2[64];
	int64_t			 m;
	size_t			 i;

	(void)state;
	for (i = 0; i < 7; i++) {
		setting(keys[i], v[i], sizeof(v[i]));
		m = strtoll(v[i], NULL, 10);
		if (i < 2)
			snprintf(shown[i], sizeof(shown[i]), "%lld.%02lld",
			    (long long)(m / 100), (long long)(m % 100));
		else
			snprintf(shown[i], sizeof(shown[i]), "%s", v[i]);
	}
	snprintf(old0, sizeof(old0), "%s", v[0]);
	shop_get(admin, "/admin/settings/platform", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"section-cod\""));
	assert_true(client_has(&r, "Largest COD order (USD)"));
	assert_false(client_has(&r, "cod_b2c_max_usd_minor "
	    "cod_b2c_max_usd_minor"));
	client_resp_cleanup(&r);
	/* out of range: refused beside the field, nothing written */
	shop_post(admin, "/admin/settings/platform", "/admin/settings/platform",
	    &r, "section", "cod", "v0", "200000.00", "v1", shown[1], "v2", "7",
	    "v3", shown[3], "v4", shown[4], "v5", shown[5], "v6", shown[6],
	    NULL);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "id=\"cod_b2c_max_usd_minor-v0-err\""));
	assert_true(client_has(&r, "COD-01: Largest COD order (USD) must be "
	    "an amount in USD from 0.00 to 100000.00."));
	client_resp_cleanup(&r);
	setting(keys[0], now0, sizeof(now0));
	setting(keys[2], now2, sizeof(now2));
	assert_string_equal(now0, v[0]);
	assert_string_equal(now2, v[2]);
	/* saved: 1,234.56 dollars are 123456 cents */
	shop_post(admin, "/admin/settings/platform", "/admin/settings/platform",
	    &r, "section", "cod", "v0", "1234.56", "v1", shown[1], "v2",
	    shown[2], "v3", shown[3], "v4", shown[4], "v5", shown[5], "v6",
	    shown[6], NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	setting(keys[0], now0, sizeof(now0));
	assert_string_equal(now0, "123456");
	/* the audit trail shows the change in dollars */
	shop_get(admin, "/admin/audit?type=setting_changed", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "new: 1,234.56 USD"));
	assert_false(client_has(&r, "new: 123456"));
	client_resp_cleanup(&r);
	shop_post(admin, "/admin/settings/platform", "/admin/settings/platform",
	    &r, "section", "cod", "v0", shown[0], "v1", shown[1], "v2",
	    shown[2], "v3", shown[3], "v4", shown[4], "v5", shown[5], "v6",
	    shown[6], NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	setting(keys[0], now0, sizeof(now0));
	assert_string_equal(now0, old0);
	client_free(admin);
}

/* INST-CORP: the payee companies transfer to is words, not a number: the
 * section saves a name, a bank and an account number as typed; an account
 * with other characters is refused beside its field and nothing is
 * written. */
static void
test_INST_CORP_payee_section_saves_words(void **state)
{
	static const char *const keys[] = { "corp_payee_name",
		"corp_payee_bank", "corp_payee_account" };
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 old[3][64], now[64];
	size_t			 i;

	(void)state;
	for (i = 0; i < 3; i++)
		setting(keys[i], old[i], sizeof(old[i]));
	shop_get(admin, "/admin/settings/platform", &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "id=\"section-payee\""));
	assert_true(client_has(&r, "Payee account number"));
	client_resp_cleanup(&r);
	shop_post(admin, "/admin/settings/platform", "/admin/settings/platform",
	    &r, "section", "payee", "v0", "Harbor Trading Sdn Bhd", "v1",
	    "Straits Bank Berhad", "v2", "5140<2231>", NULL);
	assert_int_equal(r.status, 422);
	assert_true(client_has(&r, "id=\"corp_payee_account-v2-err\""));
	assert_true(client_has(&r, "Payee account number: 4 to 34 capital "
	    "letters, digits, spaces or dashes."));
	client_resp_cleanup(&r);
	setting(keys[0], now, sizeof(now));
	assert_string_equal(now, old[0]);
	shop_post(admin, "/admin/settings/platform", "/admin/settings/platform",
	    &r, "section", "payee", "v0", "Harbor Trading Sdn Bhd", "v1",
	    "Straits Bank Berhad", "v2", "5140-2231-0001", NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	setting(keys[0], now, sizeof(now));
	assert_string_equal(now, "Harbor Trading Sdn Bhd");
	setting(keys[2], now, sizeof(now));
	assert_string_equal(now, "5140-2231-0001");
	shop_post(admin, "/admin/settings/platform", "/admin/settings/platform",
	    &r, "section", "payee", "v0", old[0], "v1", old[1], "v2", old[2],
	    NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	client_free(admin);
}

/* POST the institution row id with method (the other fields as the
 * fixture made them); returns the status, the body into r. */
static long
post_institution(struct client *admin, const char *id, const char *method,
    struct client_resp *r)
{
	shop_post(admin, "/admin/settings/institutions",
	    "/admin/settings/institutions", r, "key", id, "v0", method,
	    "v1", "0.00", "v3", "3,6", "v4", "1.00", "v5", "spread",
	    "v7", "0.05", NULL);
	return r->status;
}

/* An institution's method may change until it has plans; then the form
 * shows it read-only and a change is refused (409), nothing written. */
static void
test_institution_method_fixed_once_it_has_plans(void **state)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 id[40], m[40];
	mp_date			 due = 18700;
	int64_t			 o;

	(void)state;
	snprintf(id, sizeof(id), "%s-b", tag);
	new_institution(id, "installment_card");
	if (post_institution(admin, id, "installment_partner", &r) != 303)
		fail_msg("method change without plans: %ld\n%.3000s", r.status,
		    r.body != NULL ? r.body : "");
	client_resp_cleanup(&r);
	q_text(T_INST_METHOD, id, m, sizeof(m));
	assert_string_equal(m, "installment_partner");
	o = new_order("installment_card", "cancelled", NULL, NULL);
	new_plan(o, id, "closed", &due, 1, 100);
	shop_get(admin, "/admin/settings/institutions", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, id));
	{
		char locked[80];

		snprintf(locked, sizeof(locked), "id=\"%s-v0-locked\"", id);
		assert_true(client_has(&r, locked));
	}
	client_resp_cleanup(&r);
	assert_int_equal(post_institution(admin, id, "credit_line", &r), 409);
	assert_true(client_has(&r, "The method is fixed"));
	client_resp_cleanup(&r);
	q_text(T_INST_METHOD, id, m, sizeof(m));
	assert_string_equal(m, "installment_partner");
	client_free(admin);
}

/* A long detail (a checkout verdict) is folded behind <details>; a short
 * one is shown as is. */
static void
test_audit_folds_long_details(void **state)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 detail[400], path[96];
	size_t			 i;

	(void)state;
	snprintf(detail, sizeof(detail), "{\"verdict\":\"allowed\",\"rules\":[");
	for (i = 0; i < 12; i++)
		snprintf(detail + strlen(detail), sizeof(detail) -
		    strlen(detail), "\"COD-%02zu\",", i);
	snprintf(detail + strlen(detail), sizeof(detail) - strlen(detail),
	    "\"end\"]}");
	assert_int_equal(db_begin(shop_db()), 0);
	assert_int_equal(audit_event_detail(shop_db(), "order", o_cod,
	    OF_SYSTEM, 0, NULL, "cancelled", "report fixture", detail,
	    march(7)), 0);
	assert_int_equal(db_commit(shop_db()), 0);
	snprintf(path, sizeof(path), "/admin/audit?subject_type=order&"
	    "subject_id=%lld", (long long)o_cod);
	shop_get(admin, path, &r);
	assert_int_equal(r.status, 200);
	assert_true(client_has(&r, "<details><summary>{&quot;verdict&quot;"));
	assert_true(client_has(&r, "&quot;end&quot;]}</pre></details>"));
	client_resp_cleanup(&r);
	client_free(admin);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_collected_by_method),
		cmocka_unit_test(test_INST_F1_report_late_fees_and_outstanding_balance),
		cmocka_unit_test(test_report_overdue_by_age),
		cmocka_unit_test(test_report_overdue_follows_payments_and_plan),
		cmocka_unit_test(test_report_ledger_days_fold),
		cmocka_unit_test(test_report_book_equals_statements),
		cmocka_unit_test(test_report_key_figures_from_one_book),
		cmocka_unit_test(test_PAU_04_report_guarantee_refunds_refusals),
		cmocka_unit_test(test_report_page_charts_and_amounts),
		cmocka_unit_test(test_COD_P1_dashboard_sla_breach_by_the_clock),
		cmocka_unit_test(test_COD_01_settings_section_save_and_range_error),
		cmocka_unit_test(test_INST_CORP_payee_section_saves_words),
		cmocka_unit_test(test_institution_method_fixed_once_it_has_plans),
		cmocka_unit_test(test_audit_folds_long_details),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, setup, teardown);
	shop_end();
	return rc;
}
