/*
 * Ledger entries of installment plans (see plan_ledger.h).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/log.h"
#include "core/money.h"
#include "db/ledger.h"
#include "db/plan.h"
#include "rules/plan.h"
#include "service/ledger.h"
#include "service/plan_ledger.h"

/* The partner that moves plan p's repayments, as the partners' own books
 * name it: the card bank ("bank") for card plans, the finance company
 * ("finance") for partner plans, else the lender (the institution). */
static const char *
collector(const struct db_plan *p)
{
	if (p->method == PM_INSTALLMENT_CARD)
		return "bank";
	if (p->method == PM_INSTALLMENT_PARTNER)
		return "finance";
	return p->institution_id;
}

/* The accounts plan p's entries name, into *a. */
static void
accts(const struct db_plan *p, struct plan_entry_buf *a)
{
	if (p->company_id > 0)
		ledger_acct_company_receivable(a->recv, sizeof(a->recv),
		    p->company_id);
	else
		ledger_acct_buyer_receivable(a->recv, sizeof(a->recv),
		    p->user_id);
	ledger_acct_partner_clearing(a->clearing, sizeof(a->clearing),
	    collector(p));
	if (p->method == PM_CREDIT_LINE)
		snprintf(a->fees, sizeof(a->fees), "%s", LEDGER_FEE_INCOME);
	else
		ledger_acct_partner_fees(a->fees, sizeof(a->fees),
		    p->institution_id);
}

/* An entry of plan p: kind, key, time; moves added by the caller. */
static void
entry(struct ledger_entry *e, const struct db_plan *p, enum ledger_kind kind,
    const char *key, int64_t now)
{
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->key = key;
	e->currency = p->currency;
	e->order_id = p->order_id;
	e->plan_id = p->id;
	e->at = now;
}

/* Add a move to e. */
static void
move(struct ledger_entry *e, const char *debit, const char *credit,
    int64_t amount)
{
	e->moves[e->nmoves].debit = debit;
	e->moves[e->nmoves].credit = credit;
	e->moves[e->nmoves].amount = amount;
	e->nmoves++;
}

/* Post e: 0 posted or replayed, -1 error or another entry under its key. */
static int
post(struct db *db, const struct ledger_entry *e)
{
	int rc = ledger_post(db, e);

	if (rc == -2)
		log_err("plan %lld: ledger key %s posted with other lines",
		    (long long)e->plan_id, e->key);
	return rc == 0 || rc == 1 ? 0 : -1;
}

/* Post the one-move entry key of kind for plan p: amount from credit to
 * debit; partner_ref (not NULL): the collector moved it under that
 * reference. 0 or -1 as post(). */
static int
post_one(struct db *db, const struct db_plan *p, enum ledger_kind kind,
    const char *key, const char *partner_ref, const char *debit,
    const char *credit, int64_t amount, int64_t now)
{
	struct ledger_entry e;

	entry(&e, p, kind, key, now);
	if (partner_ref != NULL) {
		e.partner = collector(p);
		e.partner_ref = partner_ref;
	}
	move(&e, debit, credit, amount);
	return post(db, &e);
}

/* See plan_ledger.h. */
void
plan_entry_start(struct ledger_entry *e, const struct db_plan *p,
    struct plan_entry_buf *b, int64_t principal, int64_t fees, int64_t now)
{
	accts(p, b);
	snprintf(b->key, sizeof(b->key), "plan%lld-start", (long long)p->id);
	entry(e, p, LK_PLAN_START, b->key, now);
	move(e, b->recv, LEDGER_MERCHANT_PAYABLE, principal);
	move(e, b->recv, b->fees, fees);
}

/* See plan_ledger.h. */
int
plan_post_start(struct db *db, const struct db_plan *p, int64_t principal,
    int64_t fees, int64_t now)
{
	struct plan_entry_buf	b;
	struct ledger_entry	e;

	plan_entry_start(&e, p, &b, principal, fees, now);
	return post(db, &e);
}

/* See plan_ledger.h. */
void
plan_entry_payment(struct ledger_entry *e, const struct db_plan *p,
    struct plan_entry_buf *b, const char *kind, int64_t amount,
    const char *bank_key, int64_t now)
{
	accts(p, b);
	entry(e, p, strcmp(kind, "down_payment") == 0 ? LK_DOWN_PAYMENT :
	    strcmp(kind, "payoff") == 0 ? LK_PAYOFF : LK_INSTALLMENT, bank_key,
	    now);
	e->partner = collector(p);
	e->partner_ref = bank_key;
	move(e, b->clearing, b->recv, amount);
}

/* See plan_ledger.h. */
int
plan_post_payment(struct db *db, const struct db_plan *p, const char *kind,
    int64_t amount, const char *bank_key, int64_t now)
{
	struct plan_entry_buf	b;
	struct ledger_entry	e;

	plan_entry_payment(&e, p, &b, kind, amount, bank_key, now);
	return post(db, &e);
}

/* See plan_ledger.h. */
int
plan_post_late_fees(struct db *db, const struct db_plan *p,
    const struct db_plan_inst *it, mp_date today, int64_t now)
{
	struct plan_entry_buf	a;
	struct money		over, fee;
	struct money_rate	r;
	char			key[80], d[16], prefix[64], last[101];
	int64_t			before = 0;
	mp_date			day;

	if (it->status != PI_DUE || today <= it->due)
		return 0;
	if (money_set(&over, it->principal + it->fee, p->currency) == -1 ||
	    money_rate_parse_percent(p->late_fee_rate,
	    strlen(p->late_fee_rate), &r, NULL, 0) == -1)
		return -1;
	accts(p, &a);
	/* One entry per run, keyed by the day it accrues through: the fee
	 * from the day after the last entry's day through today (INST-F1's
	 * fee per calendar day, rounded once over the whole period, so the
	 * entries add up). A day already posted is not posted again. */
	snprintf(prefix, sizeof(prefix), "plan%lld-i%d-late-",
	    (long long)p->id, it->seq);
	if (db_ledger_last_key(db, prefix, last, sizeof(last)) == -1)
		return -1;
	if (last[0] != '\0') {
		if (mp_date_parse(last + strlen(prefix),
		    strlen(last + strlen(prefix)), &day) == -1)
			return -1;
		if (day >= today)
			return 0;
		if (plan_late_fee(&over, it->due, day, &r, &fee) == -1)
			return -1;
		before = fee.minor;
	}
	if (plan_late_fee(&over, it->due, today, &r, &fee) == -1)
		return -1;
	snprintf(key, sizeof(key), "%s%s", prefix, mp_date_str(today, d,
	    sizeof(d)));
	return post_one(db, p, LK_LATE_FEE, key, NULL, a.recv,
	    LEDGER_FEE_INCOME, fee.minor - before, now);
}

/* See plan_ledger.h. */
int
plan_post_waiver(struct db *db, const struct db_plan *p, int seq,
    int64_t amount, int64_t now)
{
	struct plan_entry_buf	a;
	char			key[64];

	accts(p, &a);
	snprintf(key, sizeof(key), "plan%lld-i%d-waiver", (long long)p->id,
	    seq);
	return post_one(db, p, LK_FEE_WAIVER, key, NULL, a.fees, a.recv,
	    amount, now);
}

/* Post amount of plan p between debit and the lender's clearing account
 * as the entry "plan<id>-<what>" of kind, moved by the collector under
 * partner_ref (NULL: the entry's own key). 0 or -1 as post(). */
static int
post_clearing(struct db *db, const struct db_plan *p, enum ledger_kind kind,
    const char *what, const char *partner_ref, const char *debit,
    int64_t amount, int64_t now)
{
	struct plan_entry_buf	a;
	char			key[64];

	accts(p, &a);
	snprintf(key, sizeof(key), "plan%lld-%s", (long long)p->id, what);
	return post_one(db, p, kind, key, partner_ref != NULL ? partner_ref :
	    key, debit, a.clearing, amount, now);
}

/* See plan_ledger.h. */
int
plan_post_settlement(struct db *db, const struct db_plan *p, int64_t amount,
    int64_t now)
{
	return post_clearing(db, p, LK_LENDER_SETTLEMENT, "settlement", NULL,
	    LEDGER_MERCHANT_PAYABLE, amount, now);
}

/* See plan_ledger.h. */
int
plan_post_termination(struct db *db, const struct db_plan *p, int64_t up,
    int64_t uf, int64_t ul, int64_t refund, int64_t principal_paid,
    int64_t now)
{
	struct plan_entry_buf	a;
	struct ledger_entry	e;
	char			key[64];
	int64_t			rp;

	accts(p, &a);
	snprintf(key, sizeof(key), "plan%lld-termination", (long long)p->id);
	entry(&e, p, LK_PLAN_TERMINATION, key, now);
	move(&e, LEDGER_MERCHANT_PAYABLE, a.recv, up);
	move(&e, a.fees, a.recv, uf);
	move(&e, LEDGER_FEE_INCOME, a.recv, ul);
	if (post(db, &e) == -1)
		return -1;
	if (refund <= 0)
		return 0;
	/* The refund gives back principal first (the merchant's), then
	 * fees (the lender's). */
	rp = refund < principal_paid ? refund : principal_paid;
	snprintf(key, sizeof(key), "plan%lld-refund", (long long)p->id);
	entry(&e, p, LK_REFUND_DUE, key, now);
	move(&e, LEDGER_MERCHANT_PAYABLE, LEDGER_REFUNDS_PAYABLE, rp);
	move(&e, a.fees, LEDGER_REFUNDS_PAYABLE, refund - rp);
	return post(db, &e);
}

/* See plan_ledger.h. */
int
plan_post_refund_sent(struct db *db, const struct db_plan *p, int64_t amount,
    const char *bank_key, int64_t now)
{
	return post_clearing(db, p, LK_REFUND_SENT, "refund-sent", bank_key,
	    LEDGER_REFUNDS_PAYABLE, amount, now);
}
