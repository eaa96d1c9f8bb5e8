/*
 * Installment plans: the plan itself (RULES section 1, see plans.h):
 * its statuses, building and storing a plan, reading it, the admin list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "db/company.h"
#include "db/order.h"
#include "rules/apr.h"
#include "service/audit.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/plans_int.h"

static const char *const status_names[PLAN_ST__MAX] = {
	"review", "offered", "declined", "active", "closed", "terminated",
};

/* See plans.h. */
const char *
plan_status_name(enum plan_status s)
{
	if ((int)s < 0 || s >= PLAN_ST__MAX)
		return NULL;
	return status_names[s];
}

/* See plans.h. */
int
plan_status_parse(const char *s, enum plan_status *out)
{
	int i;

	for (i = 0; s != NULL && i < PLAN_ST__MAX; i++)
		if (strcmp(status_names[i], s) == 0) {
			*out = (enum plan_status)i;
			return 0;
		}
	return -1;
}

/* ---- building and storing plans -------------------------------------- */

/* See plans.h. */
int
plan_terms_of_institution(struct db *db, const char *id, struct plan_terms *t)
{
	struct db_plan	p;
	int		rc;

	memset(&p, 0, sizeof(p));
	memset(t, 0, sizeof(*t));
	if ((rc = db_plan_institution(db, id, &p)) != 1)
		return rc;
	snprintf(t->institution_id, sizeof(t->institution_id), "%s",
	    p.institution_id);
	snprintf(t->institution_name, sizeof(t->institution_name), "%s",
	    p.institution_name);
	snprintf(t->monthly_rate, sizeof(t->monthly_rate), "%s",
	    p.monthly_rate);
	t->fee_mode = p.fee_mode;
	t->waives_future_fees = p.waives_future_fees;
	snprintf(t->late_fee_rate, sizeof(t->late_fee_rate), "%s",
	    p.late_fee_rate);
	return 1;
}

/* Build struct plan from principal/n/rate/mode/start. 0 or -1. */
static int
build(int64_t principal, const char *cur, int n, const char *rate,
    enum plan_fee_mode mode, mp_date start, struct plan *out)
{
	struct money		P;
	struct money_rate	r;
	char			err[128];

	if (money_set(&P, principal, cur) == -1 ||
	    money_rate_parse_percent(rate, strlen(rate), &r, NULL, 0) == -1)
		return -1;
	if (plan_build(&P, n, &r, mode, start, out, err, sizeof(err)) == -1) {
		log_warn("plan: %s", err);
		return -1;
	}
	return 0;
}

/* See plans.h. */
int
plan_rebuild(const struct db_plan *p, struct plan *out)
{
	return build(p->principal, p->currency, p->n, p->monthly_rate,
	    p->fee_mode, p->start, out);
}

/* See plans.h. */
int
plan_has_down_payment(enum pay_method method)
{
	return method == PM_INSTALLMENT_CARD ||
	    method == PM_INSTALLMENT_PARTNER;
}

/* See plans.h. */
int
plan_due_date(const struct plan *pl, int down, int i, mp_date *out)
{
	if (i < 0 || i >= pl->n)
		return -1;
	/* INST-P1: installment 1 is the down payment, due on confirmation;
	 * installment k then falls on the day month k begins (INST-M4's
	 * date of installment k-1). Otherwise INST-M4 as it stands. */
	*out = !down ? pl->inst[i].due : i == 0 ? pl->start :
	    pl->inst[i - 1].due;
	return 0;
}

/* See plans.h. */
int
plan_apr(const struct plan *pl, int down, int32_t *bp)
{
	int64_t	pay[PLAN_MAX_MONTHS];
	int	i;

	if (!down)
		return apr_plan(pl, bp);
	/* Paid at the start: the amount financed is what is left after the
	 * down payment, repaid by installments 2..n at months 1..n-1
	 * (Regulation Z Appendix J with a payment at time 0). */
	if (pl->n < 2) {
		*bp = 0;
		return 0;
	}
	for (i = 1; i < pl->n; i++)
		pay[i - 1] = pl->inst[i].total.minor;
	return apr_compute(pl->principal.minor - pl->inst[0].total.minor,
	    pay, pl->n - 1, bp);
}

/* Store the installments of pl for plan_id (replacing any) with the due
 * dates of plan_due_date(). 0 or -1. */
static int
store_installments(struct db *db, int64_t plan_id, const struct plan *pl,
    int down)
{
	mp_date	due;
	int	i;

	if (db_plan_inst_clear(db, plan_id) == -1)
		return -1;
	for (i = 0; i < pl->n; i++)
		if (plan_due_date(pl, down, i, &due) == -1 ||
		    db_plan_inst_insert(db, plan_id, pl->inst[i].seq, due,
		    pl->inst[i].principal.minor, pl->inst[i].fee.minor) == -1)
			return -1;
	return 0;
}

/* See plans.h. */
int
plan_create(struct db *db, int64_t order_id, int64_t principal,
    const struct plan_terms *t, enum plan_status st, mp_date start,
    enum of_actor actor, int64_t actor_id, int64_t now, int64_t *plan_id)
{
	struct db_order		o;
	struct plan_terms	it;
	struct db_plan		p, old;
	struct plan		pl;
	char			detail[256];
	int64_t			id;

	*plan_id = 0;
	if (db_order_get(db, 0, order_id, &o) != 1)
		return -1;
	if (t == NULL) {
		if (plan_terms_of_institution(db, o.institution_id, &it) != 1)
			return -1;
		t = &it;
	}
	memset(&p, 0, sizeof(p));
	p.order_id = order_id;
	p.user_id = o.user_id;
	p.method = o.method;
	snprintf(p.institution_id, sizeof(p.institution_id), "%s",
	    t->institution_id[0] != '\0' ? t->institution_id :
	    o.institution_id);
	p.status = st;
	snprintf(p.currency, sizeof(p.currency), "%s", o.currency);
	p.principal = principal > 0 ? principal : o.amount_due_minor;
	p.n = o.term;
	snprintf(p.monthly_rate, sizeof(p.monthly_rate), "%s",
	    t->monthly_rate);
	p.fee_mode = t->fee_mode;
	p.waives_future_fees = t->waives_future_fees;
	snprintf(p.late_fee_rate, sizeof(p.late_fee_rate), "%s",
	    t->late_fee_rate[0] != '\0' ? t->late_fee_rate :
	    PLAN_LATE_FEE_PERCENT);
	p.down_payment_percent = t->down_payment_percent;
	p.start = start;
	if (build(p.principal, p.currency, p.n, p.monthly_rate, p.fee_mode,
	    start, &pl) == -1 || plan_apr(&pl, plan_has_down_payment(p.method),
	    &p.apr_bp) == -1)
		return -1;
	p.monthly_fee = pl.monthly_fee.minor;
	p.total_fee = pl.total_fee.minor;
	/* A corporate plan is the company's: its receivable on the ledger. */
	if (p.method == PM_INSTALLMENT_CORPORATE) {
		struct db_corp_order co;

		if (db_corp_order_get(db, order_id, &co) != 1)
			return -1;
		p.company_id = co.company_id;
	}
	id = db_plan_insert(db, &p, now);
	if (id == -1)
		return -1;
	if (id == 0) {
		if (db_plan_by_order(db, 0, order_id, &old) != 1)
			return -1;
		*plan_id = old.id;
		return 1;
	}
	if (store_installments(db, id, &pl,
	    plan_has_down_payment(p.method)) == -1 ||
	    (st == PLAN_ST_ACTIVE && plan_schedule(db, id, now) == -1))
		return -1;
	snprintf(detail, sizeof(detail), "{\"order\":%lld,\"institution\":"
	    "\"%s\",\"n\":%d,\"principal_minor\":%lld,\"currency\":\"%s\","
	    "\"monthly_rate\":\"%s\",\"fee_mode\":\"%s\",\"apr_bp\":%d}",
	    (long long)order_id, p.institution_id, p.n,
	    (long long)p.principal, p.currency, p.monthly_rate,
	    plan_fee_mode_str(p.fee_mode), (int)p.apr_bp);
	if (audit_event_detail(db, "plan", id, actor, actor_id, NULL,
	    status_names[st], "INST-P1 plan created", detail, now) == -1)
		return -1;
	*plan_id = id;
	return 0;
}

/* See plans.h. */
int
plan_start(struct db *db, int64_t plan_id, mp_date start,
    enum of_actor actor, int64_t actor_id, int64_t now)
{
	struct db_plan	p;
	struct plan	pl;
	int32_t		apr = 0;

	if (db_plan_by_id(db, plan_id, &p) != 1)
		return -1;
	if (p.status != PLAN_ST_OFFERED && p.status != PLAN_ST_REVIEW)
		return -1;
	p.start = start;
	if (plan_rebuild(&p, &pl) == -1 ||
	    plan_apr(&pl, plan_has_down_payment(p.method), &apr) == -1 ||
	    store_installments(db, plan_id, &pl,
	    plan_has_down_payment(p.method)) == -1 ||
	    db_plan_set_start(db, plan_id, start, apr, now) == -1 ||
	    db_plan_set_status(db, plan_id, p.status, PLAN_ST_ACTIVE,
	    now) != 1 ||
	    plan_post_start(db, &p, pl.principal.minor, pl.total_fee.minor,
	    now) == -1 || plan_schedule(db, plan_id, now) == -1)
		return -1;
	return audit_event(db, "plan", plan_id, actor, actor_id,
	    status_names[p.status], "active", "INST-P1 plan started", now);
}

/* ---- reading ---------------------------------------------------------- */

/* See plans.h. */
void
plan_view_cleanup(struct plan_view *v)
{
	if (v == NULL)
		return;
	free(v->inst);
	free(v->pay);
	db_event_rows_free(v->events, v->nevents);
	memset(v, 0, sizeof(*v));
}

/* The late fee of unpaid installment it of p on today (INST-F1). */
static int64_t
late_fee_of(const struct db_plan *p, const struct db_plan_inst *it,
    mp_date today)
{
	struct money		over, fee;
	struct money_rate	r;

	if (it->status != PI_DUE || today <= it->due)
		return it->status == PI_DUE ? 0 : it->late_fee;
	if (money_set(&over, it->principal + it->fee, p->currency) == -1 ||
	    money_rate_parse_percent(p->late_fee_rate,
	    strlen(p->late_fee_rate), &r, NULL, 0) == -1 ||
	    plan_late_fee(&over, it->due, today, &r, &fee) == -1)
		return it->late_fee;
	return fee.minor;
}

/* Fill the computed members of v for its date. */
static void
view_compute(struct plan_view *v)
{
	int64_t	bal = 0;
	size_t	i;
	int	live = v->p.status == PLAN_ST_ACTIVE;

	for (i = 0; i < v->ninst; i++)
		bal += v->inst[i].principal + v->inst[i].fee;
	v->paid_total = v->remaining = v->late_fees = 0;
	v->overdue = 0;
	v->next_seq = 0;
	v->next_amount = 0;
	for (i = 0; i < v->ninst; i++) {
		struct db_plan_inst *it = &v->inst[i];

		bal -= it->principal + it->fee;
		it->balance_after = bal;
		if (it->status == PI_DUE && live) {
			it->late_fee = late_fee_of(&v->p, it, v->today);
			it->days_late = plan_late_days(it->due, v->today);
			it->overdue = it->days_late > 0;
			v->overdue += it->overdue;
			/* A corporate transfer may have paid part of it. */
			v->paid_total += it->paid_minor;
			v->remaining += it->principal + it->fee + it->late_fee -
			    it->paid_minor;
			if (v->next_seq == 0) {
				v->next_seq = it->seq;
				v->next_amount = it->principal + it->fee +
				    it->late_fee - it->paid_minor;
			}
		} else if (it->status == PI_PAID) {
			v->paid_total += it->paid_minor;
			it->days_late = it->paid_at > 0 ? plan_late_days(it->due,
			    plan_day_of(it->paid_at)) : 0;
		}
		v->late_fees += it->late_fee;
	}
}

/* Load the rest of v once v->p (and, with_inst, v->inst) is read. */
enum result
plan_view_fill(struct db *db, int64_t now, struct plan_view *v, int with_inst)
{
	v->today = plan_day_of(now);
	if ((!with_inst &&
	    db_plan_inst_list(db, v->p.id, &v->inst, &v->ninst) == -1) ||
	    db_plan_pay_list(db, v->p.id, &v->pay, &v->npay) == -1 ||
	    db_event_history(db, "plan", v->p.id, &v->events,
	    &v->nevents) == -1)
		return RES_ERROR;
	view_compute(v);
	return RES_OK;
}

/* See plans.h. */
enum result
plan_load(struct db *db, int64_t user_id, int64_t order_id, int64_t now,
    struct plan_view *v)
{
	struct db_plan_full	f;
	int			rc;

	memset(v, 0, sizeof(*v));
	if (user_id < 0)
		return RES_NOT_FOUND;
	if (user_id == 0) {
		rc = db_plan_by_order(db, 0, order_id, &v->p);
		if (rc != 1)
			return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
		return plan_view_fill(db, now, v, 0);
	}
	/* The placer's page: the plan and all it shows in one statement. */
	if ((rc = db_plan_full(db, user_id, order_id, &f)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	v->p = f.p;
	v->inst = f.inst;
	v->ninst = f.ninst;
	v->pay = f.pay;
	v->npay = f.npay;
	v->events = f.events;
	v->nevents = f.nevents;
	v->today = plan_day_of(now);
	view_compute(v);
	return RES_OK;
}

/* See plans.h. */
enum result
plan_load_sums(struct db *db, int64_t user_id, int64_t order_id, int64_t now,
    struct plan_view *v)
{
	int rc;

	memset(v, 0, sizeof(*v));
	if (user_id <= 0)
		return RES_NOT_FOUND;
	rc = db_plan_with_inst(db, user_id, order_id, &v->p, &v->inst,
	    &v->ninst);
	if (rc != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	v->today = plan_day_of(now);
	view_compute(v);
	return RES_OK;
}

/* See plans.h. */
void
plan_view_sums(const struct db_plan *p, struct db_plan_inst *inst,
    size_t n, int64_t now, struct plan_view *v)
{
	memset(v, 0, sizeof(*v));
	v->p = *p;
	v->inst = inst;
	v->ninst = n;
	v->today = plan_day_of(now);
	view_compute(v);
}

/* See plans.h. */
enum result
plan_load_id(struct db *db, int64_t plan_id, int64_t now,
    struct plan_view *v)
{
	int rc;

	memset(v, 0, sizeof(*v));
	rc = db_plan_by_id(db, plan_id, &v->p);
	if (rc != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	return plan_view_fill(db, now, v, 0);
}

/* ---- admin ------------------------------------------------------------- */

/* See plans.h. */
int
plan_list(struct db *db, const struct plan_filter *f, int64_t now,
    struct db_plan **out, size_t *n, int *more)
{
	size_t limit = f->limit > 0 ? f->limit : 50;

	*more = 0;
	if (db_plan_list(db, f->status, f->overdue, f->suspended,
	    plan_day_of(now), limit, f->page * limit, out, n) == -1)
		return -1;
	if (*n > limit) {
		*n = limit;
		*more = 1;
	}
	return 0;
}

/* See plans.h. */
int64_t
plan_overdue_count(struct db *db, int64_t now)
{
	mp_date oldest;

	return db_plan_overdue_count(db, plan_day_of(now), &oldest);
}

/* See plans.h. */
int
queue_count_overdue_plans(struct db *db, int64_t now,
    struct db_queue_stats *out)
{
	mp_date	oldest;
	int64_t	n;

	memset(out, 0, sizeof(*out));
	if ((n = db_plan_overdue_count(db, plan_day_of(now), &oldest)) < 0)
		return -1;
	out->count = n;
	/* Every item of this queue is past its promised (due) date. */
	out->overdue = n;
	out->oldest_at = n > 0 ? mp_date_to_unix(oldest) : 0;
	return 0;
}
