/*
 * Installment plans: the use cases of RULES section 1 (see plans.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/config.h"
#include "core/log.h"
#include "core/money.h"
#include "db/admin.h"
#include "db/checkout.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "db/plan.h"
#include "gateway/bank.h"
#include "gateway/finance.h"
#include "gateway/sms.h"
#include "rules/apr.h"
#include "rules/plan.h"
#include "service/audit.h"
#include "service/orderflow.h"
#include "service/orders.h"
#include "service/partner_auth.h"
#include "service/plan_ledger.h"
#include "service/plans.h"
#include "service/reqkey.h"

/* Refunds of INST-C1/C2 are due within 3-7 business days: the latest. */
#define PLAN_REFUND_BUSINESS_DAYS	7
/* Encrypted token: nonce + MAC + token (at most BANK_REF_MAX). */
#define PLAN_TOKEN_ENC_MAX \
	(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + BANK_REF_MAX)

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

/* The date of now (UTC); 0 if out of range (never for real clocks). */
static mp_date
day_of(int64_t now)
{
	mp_date d = 0;

	(void)mp_date_from_unix(now, &d);
	return d;
}

/* Write msg into err (errsz) when err is not NULL. */
static void
seterr(char *err, size_t errsz, const char *msg)
{
	if (err != NULL && errsz > 0)
		snprintf(err, errsz, "%s", msg);
}

/* The amount m of cur as "USD 1,234.50" into out. */
static char *
amt(int64_t m, const char *cur, char *out, size_t outsz)
{
	struct money mo;

	if (money_set(&mo, m, cur) == -1) {
		snprintf(out, outsz, "%lld %s", (long long)m, cur);
		return out;
	}
	return money_display(&mo, out, outsz);
}

/* ---- INST-S1: the bank token, encrypted at rest --------------------- */

/* The token key from the configuration's secret (64 hex). 0 or -1. */
static int
token_key(const struct config *cfg, unsigned char key[crypto_secretbox_KEYBYTES])
{
	unsigned char	master[crypto_kdf_KEYBYTES];
	size_t		n;

	if (sodium_init() < 0 || strlen(cfg->secret_key) != 64 ||
	    sodium_hex2bin(master, sizeof(master), cfg->secret_key, 64, NULL,
	    &n, NULL) != 0 || n != sizeof(master))
		return -1;
	/* Subkey 2 of context "mpplans_": apart from the file store's. */
	crypto_kdf_derive_from_key(key, crypto_secretbox_KEYBYTES, 2,
	    "mpplans_", master);
	sodium_memzero(master, sizeof(master));
	return 0;
}

/* Seal token into out (PLAN_TOKEN_ENC_MAX), *len its size. 0 or -1. */
static int
token_seal(const struct config *cfg, const char *token, unsigned char *out,
    size_t *len)
{
	unsigned char	key[crypto_secretbox_KEYBYTES];
	size_t		tl = strlen(token);

	if (tl == 0 || tl > BANK_REF_MAX || token_key(cfg, key) == -1)
		return -1;
	randombytes_buf(out, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
	    (const unsigned char *)token, tl, out, key);
	sodium_memzero(key, sizeof(key));
	*len = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + tl;
	return 0;
}

/* INST-P3, INST-CORP: 1 when order_id is a corporate installment's (its
 * down payment and repayments are bank transfers an admin records, never
 * a shopper's payment), with the reason; else 0. */
static int
corporate_refused(struct db *db, int64_t order_id, char *reason,
    size_t reasonsz)
{
	struct db_order o;

	if (db_order_get(db, 0, order_id, &o) != 1 ||
	    strcmp(o.method, "installment_corporate") != 0)
		return 0;
	seterr(reason, reasonsz, "A corporate installment is paid by bank "
	    "transfer to the mall's account, recorded by an admin; nothing "
	    "was charged.");
	return 1;
}

/* See plans.h. */
int
plan_card_token(struct db *db, const struct config *cfg, int64_t plan_id,
    char *out, size_t outsz)
{
	unsigned char	enc[PLAN_TOKEN_ENC_MAX + 1], key[crypto_secretbox_KEYBYTES];
	size_t		len, tl;
	int		rc;

	out[0] = '\0';
	if (db_plan_token(db, plan_id, enc, sizeof(enc), &len) != 1)
		return -1;
	if (len <= crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
		return -1;
	tl = len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES;
	if (tl + 1 > outsz || token_key(cfg, key) == -1)
		return -1;
	rc = crypto_secretbox_open_easy((unsigned char *)out,
	    enc + crypto_secretbox_NONCEBYTES,
	    len - crypto_secretbox_NONCEBYTES, enc, key);
	sodium_memzero(key, sizeof(key));
	if (rc != 0) {
		out[0] = '\0';
		return -1;
	}
	out[tl] = '\0';
	return 0;
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
plan_has_down_payment(const char *method)
{
	return strcmp(method, "installment_card") == 0 ||
	    strcmp(method, "installment_partner") == 0;
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
	snprintf(p.method, sizeof(p.method), "%s", o.method);
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
	/* company orders: the corporate feature fills company_id. */
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
	    plan_has_down_payment(p.method)) == -1)
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
	    now) == -1)
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

	if (strcmp(it->status, "due") != 0 || today <= it->due)
		return strcmp(it->status, "due") == 0 ? 0 : it->late_fee;
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
		if (strcmp(it->status, "due") == 0 && live) {
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
		} else if (strcmp(it->status, "paid") == 0) {
			v->paid_total += it->paid_minor;
			it->days_late = it->paid_at > 0 ? plan_late_days(it->due,
			    day_of(it->paid_at)) : 0;
		}
		v->late_fees += it->late_fee;
	}
}

/* Load the rest of v once v->p (and, with_inst, v->inst) is read. */
static enum plan_result
view_fill(struct db *db, int64_t now, struct plan_view *v, int with_inst)
{
	v->today = day_of(now);
	if ((!with_inst &&
	    db_plan_inst_list(db, v->p.id, &v->inst, &v->ninst) == -1) ||
	    db_plan_pay_list(db, v->p.id, &v->pay, &v->npay) == -1 ||
	    db_event_history(db, "plan", v->p.id, &v->events,
	    &v->nevents) == -1)
		return PLAN_ERROR;
	view_compute(v);
	return PLAN_OK;
}

/* See plans.h. */
enum plan_result
plan_load(struct db *db, int64_t user_id, int64_t order_id, int64_t now,
    struct plan_view *v)
{
	int rc;

	memset(v, 0, sizeof(*v));
	if (user_id < 0)
		return PLAN_NOT_FOUND;
	if (user_id == 0)
		rc = db_plan_by_order(db, 0, order_id, &v->p);
	else
		rc = db_plan_with_inst(db, user_id, order_id, &v->p, &v->inst,
		    &v->ninst);
	if (rc != 1)
		return rc == 0 ? PLAN_NOT_FOUND : PLAN_ERROR;
	return view_fill(db, now, v, user_id != 0);
}

/* See plans.h. */
enum plan_result
plan_load_id(struct db *db, int64_t plan_id, int64_t now,
    struct plan_view *v)
{
	int rc;

	memset(v, 0, sizeof(*v));
	rc = db_plan_by_id(db, plan_id, &v->p);
	if (rc != 1)
		return rc == 0 ? PLAN_NOT_FOUND : PLAN_ERROR;
	return view_fill(db, now, v, 0);
}

/* ---- collecting money through the plan's channel ---------------------- */

/* The channel money of plan p moves through. */
static const char *
channel_of(const struct db_plan *p)
{
	if (strcmp(p->method, "installment_card") == 0)
		return "card";
	if (strcmp(p->method, "installment_partner") == 0)
		return "partner";
	if (strcmp(p->method, "credit_line") == 0)
		return "lender";
	return "transfer";
}

/* The finance partner collects (pay_back: refund 1, pays back) amount of
 * partner plan p on its side under bkey (INST-PC); its own books keep it.
 * res as collect(). Returns 0, or -1 when it cannot be reached. */
static int
partner_money(const struct db_plan *p, int64_t amount, const char *bkey,
    int refund, struct bank_result *res)
{
	const struct finance_gateway	*fin = finance_gateway_get("sandbox");

	if (fin == NULL || (refund ? fin->refund : fin->collect)(p->partner_ref,
	    amount, p->currency, bkey, res->reason, sizeof(res->reason)) == -1)
		return -1;
	res->ok = 1;
	snprintf(res->reference, sizeof(res->reference), "%.8s-%.50s",
	    channel_of(p), bkey);
	return 0;
}

/* Collect amount for plan p through its channel with the bank idempotency
 * key bkey. res gets the answer. Returns 0 (res->ok says), -1 when the
 * bank's answer did not come (it may have charged), -2 when nothing was
 * sent (no gateway, the token cannot be read). The card channel deducts
 * by the stored token (INST-P3), the finance partner collects on its side
 * (partner_money); the lender collects on its side (its sandbox accepts). */
static int
collect(struct db *db, const struct config *cfg, const struct db_plan *p,
    int64_t amount, const char *bkey, struct bank_result *res)
{
	const struct bank_gateway	*bank;
	char				 tok[BANK_REF_MAX + 1];
	int				 rc;

	memset(res, 0, sizeof(*res));
	if (strcmp(channel_of(p), "partner") == 0)
		return partner_money(p, amount, bkey, 0, res);
	if (strcmp(channel_of(p), "card") != 0) {
		res->ok = 1;
		snprintf(res->reference, sizeof(res->reference), "%.8s-%.50s",
		    channel_of(p), bkey);
		return 0;
	}
	if ((bank = bank_gateway_get("sandbox")) == NULL ||
	    plan_card_token(db, cfg, p->id, tok, sizeof(tok)) == -1) {
		snprintf(res->reason, sizeof(res->reason), "no card on file");
		return -2;
	}
	rc = bank->deduct(tok, amount, p->currency, bkey, res);
	sodium_memzero(tok, sizeof(tok));
	return rc;
}

/* Refund amount of plan p through its channel (bkey). As collect(). */
static int
pay_back(struct db *db, const struct config *cfg, const struct db_plan *p,
    int64_t amount, const char *bkey, struct bank_result *res)
{
	const struct bank_gateway	*bank;
	char				 tok[BANK_REF_MAX + 1];
	int				 rc;

	memset(res, 0, sizeof(*res));
	if (strcmp(channel_of(p), "card") == 0 && cfg == NULL) {
		/* No key here (order_cancel): tick sends it (plan_tick). */
		res->ok = 0;
		snprintf(res->reason, sizeof(res->reason), "scheduled");
		return 0;
	}
	if (strcmp(channel_of(p), "partner") == 0)
		return partner_money(p, amount, bkey, 1, res);
	if (strcmp(channel_of(p), "card") != 0) {
		res->ok = 1;
		snprintf(res->reference, sizeof(res->reference), "%.8s-%.50s",
		    channel_of(p), bkey);
		return 0;
	}
	if ((bank = bank_gateway_get("sandbox")) == NULL ||
	    plan_card_token(db, cfg, p->id, tok, sizeof(tok)) == -1)
		return -1;
	rc = bank->refund(tok, amount, p->currency, bkey, res);
	sodium_memzero(tok, sizeof(tok));
	return rc;
}

/* Record a failed attempt in its own transaction (the money did not
 * move, so nothing else changes). Best effort. */
static void
record_failure(struct db *db, const struct db_plan *p, const char *kind,
    int seq, int64_t amount, const char *reason, const char *idem,
    int64_t now)
{
	if (db_begin(db) == -1)
		return;
	if (db_plan_pay_insert(db, p->id, kind, seq, amount, p->currency, 0,
	    channel_of(p), "", reason, idem, now) == -1 ||
	    audit_event(db, "plan", p->id, OF_SYSTEM, 0, NULL, NULL, reason,
	    now) == -1) {
		db_rollback(db);
		return;
	}
	(void)db_commit(db);
}

/* Close plan p when nothing is due any more (inside the transaction):
 * the plan becomes closed, the credit line's reserve is released. 0/-1. */
static int
close_if_done(struct db *db, const struct db_plan *p, int64_t now)
{
	struct db_plan_inst	*in;
	struct db_order		 o;
	size_t			 n, i;
	int			 due = 0;

	if (db_plan_inst_list(db, p->id, &in, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		due += strcmp(in[i].status, "due") == 0;
	free(in);
	if (due > 0)
		return 0;
	if (db_plan_set_status(db, p->id, PLAN_ST_ACTIVE, PLAN_ST_CLOSED,
	    now) != 1)
		return -1;
	if (strcmp(p->method, "credit_line") == 0 &&
	    db_order_get(db, 0, p->order_id, &o) == 1 &&
	    db_plan_credit_release(db, p->user_id, o.amount_usd_minor) == -1)
		return -1;
	return audit_event(db, "plan", p->id, OF_SYSTEM, 0, "active",
	    "closed", "repaid in full", now);
}

/* Inside the transaction: installment seq of plan p paid with amount
 * (late fee late) of kind by actor, payment row keyed idem. Returns 1,
 * 0 when the key or the installment was already used (replay), -1. */
static int
apply_payment(struct db *db, const struct db_plan *p, const char *kind,
    int seq, int64_t amount, int64_t late, const char *reference,
    const char *idem, enum of_actor actor, int64_t actor_id, int64_t now)
{
	char	why[160], a[48];
	int64_t	pid;
	int	rc;

	pid = db_plan_pay_insert(db, p->id, kind, seq, amount, p->currency, 1,
	    channel_of(p), reference, "", idem, now);
	if (pid <= 0)
		return (int)pid;
	if ((rc = db_plan_inst_paid(db, p->id, seq, amount, late, now)) != 1)
		return rc;
	snprintf(why, sizeof(why), "INST-P3 installment %d paid (%s, %s)",
	    seq, kind, amt(amount, p->currency, a, sizeof(a)));
	if (audit_event(db, "plan", p->id, actor, actor_id, NULL, NULL, why,
	    now) == -1)
		return -1;
	return 1;
}

/* ---- keyed, locked money paths ------------------------------------------ */

/* What a money path did at the bank, so that its answer is truthful. */
struct charge_state {
	int	called;		/* the bank (or the plan's channel) was asked */
	int	unknown;	/* an answer never came */
	int	approved;	/* a charge was approved */
};

/* The reason of a money path that failed after cs, into reason: "nothing
 * was charged" only when no charge can have been approved. */
static void
fail_reason(const struct charge_state *cs, char *reason, size_t reasonsz)
{
	seterr(reason, reasonsz, cs->approved || cs->unknown ?
	    PLAN_MSG_UNCONFIRMED : PLAN_MSG_NOT_SENT);
}

/* The bank key of installment seq of locked plan p into out (64 bytes):
 * "plan<p>-i<seq>", the one key of that unit of money whichever path
 * charges it (down payment, repayment, deduction, payoff), or
 * "plan<p>-i<seq>-r<k>" after k attempts the bank declined (a declined
 * key has charged nothing; an unanswered one is never replaced). 0/-1. */
static int
inst_key(struct db *db, const struct db_plan *p, int seq, char *out,
    size_t outsz)
{
	int64_t k = db_plan_declines(db, p->id, seq);

	if (k < 0)
		return -1;
	if (k == 0)
		snprintf(out, outsz, "plan%lld-i%d", (long long)p->id, seq);
	else
		snprintf(out, outsz, "plan%lld-i%d-r%lld", (long long)p->id,
		    seq, (long long)k);
	return 0;
}

/* Inside the transaction that locked plan p (re-read under the lock):
 * charge installment it for amount (its late fee included) under its bank
 * key and record the answer in the same transaction: approved -> payment
 * row keyed by the bank key, installment paid; declined -> a failed row
 * keyed by the bank key (the next try takes the next key). Returns 1 paid,
 * 0 declined (res->reason), -1 no answer or a database error (cs->unknown
 * and cs->approved say which; the caller rolls back). */
static int
charge_installment(struct db *db, const struct config *cfg,
    const struct db_plan *p, const struct db_plan_inst *it, const char *kind,
    int64_t amount, enum of_actor actor, int64_t actor_id, int64_t now,
    struct bank_result *res, struct charge_state *cs)
{
	char	key[64];

	memset(res, 0, sizeof(*res));
	if (inst_key(db, p, it->seq, key, sizeof(key)) == -1)
		return -1;
	switch (collect(db, cfg, p, amount, key, res)) {
	case 0:
		cs->called = 1;
		break;
	case -2:
		return -1;	/* never sent: nothing charged */
	default:
		cs->called = cs->unknown = 1;
		return -1;
	}
	if (!res->ok) {
		if (res->reason[0] == '\0')
			snprintf(res->reason, sizeof(res->reason), "declined");
		return db_plan_pay_insert(db, p->id, kind, it->seq, amount,
		    p->currency, 0, channel_of(p), "", res->reason, key,
		    now) > 0 ? 0 : -1;
	}
	cs->approved = 1;
	/* The late fee charged is on the receivable first (INST-F1, one
	 * entry a day), then the payment credits it. */
	if (plan_post_late_fees(db, p, it, day_of(now), now) == -1 ||
	    apply_payment(db, p, kind, it->seq, amount, it->late_fee,
	    res->reference, key, actor, actor_id, now) != 1 ||
	    plan_post_payment(db, p, kind, amount, key, now) == -1)
		return -1;
	return 1;
}

/* Open the transaction of user_id's keyed request (idem_key, params) on
 * order_id's plan: the plan row locked FOR UPDATE, the key looked up (the
 * same parameters answer the first result, a success as PLAN_REPLAY; other
 * parameters PLAN_CONFLICT), then the plan and its installments read again
 * under the lock into *v. Returns PLAN_OK with the transaction open, or the
 * answer with it closed (v cleaned by the caller in every case). */
static enum plan_result
keyed_begin(struct db *db, int64_t user_id, int64_t order_id,
    const char *idem_key, const char *params, int64_t now,
    struct plan_view *v, char *reason, size_t reasonsz)
{
	struct db_plan		p;
	enum plan_result	r;
	int			rc, first = PLAN_OK;

	memset(v, 0, sizeof(*v));
	if (user_id <= 0)
		return PLAN_NOT_FOUND;
	rc = db_plan_by_order(db, user_id, order_id, &p);
	if (rc != 1)
		return rc == 0 ? PLAN_NOT_FOUND : PLAN_ERROR;
	if (db_begin_read_committed(db) == -1)
		goto err;
	if (db_plan_lock(db, p.id, 0) != 1)
		goto fail;
	switch (reqkey_check(db, "plan", p.id, idem_key, params, &first,
	    reason, reasonsz)) {
	case REQKEY_NEW:
		break;
	case REQKEY_SAME:
		db_rollback(db);
		return first == PLAN_OK ? PLAN_REPLAY : (enum plan_result)first;
	case REQKEY_CONFLICT:
		db_rollback(db);
		return PLAN_CONFLICT;
	default:
		goto fail;
	}
	if ((r = plan_load(db, user_id, order_id, now, v)) != PLAN_OK) {
		db_rollback(db);
		return r;
	}
	return PLAN_OK;
fail:
	db_rollback(db);
err:
	seterr(reason, reasonsz, PLAN_MSG_NOT_SENT);
	return PLAN_ERROR;
}

/* Close the keyed request on plan v->p: claim idem_key for params with
 * the answer result (and the shopper's reason why) and commit. Returns
 * result, or PLAN_ERROR with fail_reason() when that fails. */
static enum plan_result
keyed_end(struct db *db, const struct plan_view *v, const char *idem_key,
    const char *params, enum plan_result result, const char *why,
    const struct charge_state *cs, int64_t now, char *reason,
    size_t reasonsz)
{
	if (reqkey_claim(db, "plan", v->p.id, idem_key, params, (int)result,
	    why, now) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		fail_reason(cs, reason, reasonsz);
		return PLAN_ERROR;
	}
	if (why != NULL && why != reason)
		seterr(reason, reasonsz, why);
	return result;
}

/* ---- INST-CC: the card ------------------------------------------------ */

/* 1 if expiry "MM/YY" (or "MM/YYYY") is this month or later at today. */
static int
expiry_ok(const char *s, mp_date today)
{
	int mm, yy, y, m, d;
	char extra;

	if (s == NULL || sscanf(s, "%2d/%4d%c", &mm, &yy, &extra) != 2)
		return 0;
	if (mm < 1 || mm > 12 || yy < 0)
		return 0;
	if (yy < 100)
		yy += 2000;
	if (mp_date_to_ymd(today, &y, &m, &d) == -1)
		return 0;
	return yy > y || (yy == y && mm >= m);
}

/* INST-P3: the shopper binds another card to the ACTIVE plan of order
 * *o (the bank reviews it for what is left, as at the start); on approval
 * the new brand, last four and encrypted token replace the old ones. */
static enum plan_result
card_rebind(struct db *db, const struct config *cfg, const struct db_order *o,
    const char *pan, size_t panlen, const char *expiry, const char *cvv,
    int64_t now, char *reason, size_t reasonsz)
{
	const struct bank_gateway	*bank = bank_gateway_get("sandbox");
	struct plan_view		 v;
	struct bank_card		 card;
	struct bank_result		 res;
	unsigned char			 enc[PLAN_TOKEN_ENC_MAX];
	size_t				 enclen = 0, i;
	char				 err[160], why[200];
	int				 left = 0;

	if (plan_load(db, o->user_id, o->id, now, &v) != PLAN_OK ||
	    v.p.status != PLAN_ST_ACTIVE) {
		plan_view_cleanup(&v);
		return PLAN_NOT_ALLOWED;
	}
	for (i = 0; i < v.ninst; i++)
		left += strcmp(v.inst[i].status, "due") == 0;
	memset(&card, 0, sizeof(card));
	memset(&res, 0, sizeof(res));
	if (!expiry_ok(expiry, v.today)) {
		plan_view_cleanup(&v);
		seterr(reason, reasonsz, "Enter the card's expiry date as "
		    "MM/YY; the card must not have expired.");
		return PLAN_BAD_INPUT;
	}
	if (bank == NULL || bank->card_ref(pan, panlen, cvv, &card, err,
	    sizeof(err)) == -1) {
		plan_view_cleanup(&v);
		seterr(reason, reasonsz, bank == NULL ? "no bank" : err);
		return PLAN_BAD_INPUT;
	}
	if (bank->review(&card, v.remaining > 0 ? v.remaining : 1,
	    v.p.currency, left > 0 ? left : 1, &res) == -1 || !res.ok) {
		plan_view_cleanup(&v);
		seterr(reason, reasonsz, res.reason[0] ? res.reason :
		    "The bank could not be reached; try again.");
		return res.reason[0] && !res.ok ? PLAN_DECLINED : PLAN_ERROR;
	}
	if (token_seal(cfg, res.token, enc, &enclen) == -1) {
		plan_view_cleanup(&v);
		return PLAN_ERROR;
	}
	sodium_memzero(res.token, sizeof(res.token));
	snprintf(why, sizeof(why), "INST-P3 repayments now from %s ending %s",
	    card.brand, card.last4);
	if (db_begin(db) == -1)
		goto fail0;
	if (db_plan_lock(db, v.p.id, 0) != 1 ||
	    db_plan_set_card(db, v.p.id, card.brand, card.last4, enc, enclen,
	    now) == -1 ||
	    audit_event(db, "plan", v.p.id, OF_USER, o->user_id, NULL, NULL,
	    why, now) == -1 || db_commit(db) == -1) {
		db_rollback(db);
		goto fail0;
	}
	plan_view_cleanup(&v);
	return PLAN_OK;
fail0:
	plan_view_cleanup(&v);
	return PLAN_ERROR;
}

/* See plans.h. */
enum plan_result
plan_card_apply(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, const char *pan, size_t panlen, const char *expiry,
    const char *cvv, int64_t now, char *reason, size_t reasonsz)
{
	const struct bank_gateway	*bank = bank_gateway_get("sandbox");
	struct bank_card		 card;
	struct bank_result		 res;
	struct db_order			 o;
	struct db_plan			 p;
	unsigned char			 enc[PLAN_TOKEN_ENC_MAX];
	size_t				 enclen = 0;
	int64_t				 plan_id;
	char				 err[160], body[400], a[48];
	int				 rc;

	seterr(reason, reasonsz, "");
	memset(&card, 0, sizeof(card));
	memset(&res, 0, sizeof(res));
	rc = db_order_get(db, user_id, order_id, &o);
	if (rc != 1 || user_id <= 0)
		return rc == -1 ? PLAN_ERROR : PLAN_NOT_FOUND;
	if (strcmp(o.method, "installment_card") != 0)
		return PLAN_NOT_ALLOWED;
	if (strcmp(o.status, "awaiting_review") != 0)
		return card_rebind(db, cfg, &o, pan, panlen, expiry, cvv, now,
		    reason, reasonsz);
	if (!expiry_ok(expiry, day_of(now))) {
		seterr(reason, reasonsz, "Enter the card's expiry date as "
		    "MM/YY; the card must not have expired.");
		return PLAN_BAD_INPUT;
	}
	/* INST-CC: the bank's card field reads the number and CVV and
	 * forgets them; the mall keeps brand, last four and the token. */
	if (bank == NULL || bank->card_ref(pan, panlen, cvv, &card, err,
	    sizeof(err)) == -1) {
		seterr(reason, reasonsz, bank == NULL ? "no bank" : err);
		return PLAN_BAD_INPUT;
	}
	if (bank->review(&card, o.amount_due_minor, o.currency, o.term,
	    &res) == -1) {
		seterr(reason, reasonsz, res.reason[0] != '\0' ? res.reason :
		    "The bank could not be reached; try again.");
		sodium_memzero(&card, sizeof(card));
		return PLAN_ERROR;
	}
	sodium_memzero(card.ref, sizeof(card.ref));
	if (res.ok && token_seal(cfg, res.token, enc, &enclen) == -1) {
		sodium_memzero(&res, sizeof(res));
		return PLAN_ERROR;
	}
	sodium_memzero(res.token, sizeof(res.token));
	if (db_begin(db) == -1)
		return PLAN_ERROR;
	rc = plan_create(db, order_id, 0, NULL, res.ok ? PLAN_ST_OFFERED :
	    PLAN_ST_DECLINED, day_of(now), OF_SYSTEM, 0, now, &plan_id);
	if (rc == -1 || db_plan_by_id(db, plan_id, &p) != 1)
		goto fail;
	if (rc == 1) {
		/* A new card after a declined one. */
		if (p.status != PLAN_ST_DECLINED) {
			db_rollback(db);
			return PLAN_NOT_ALLOWED;
		}
		if (res.ok && (db_plan_set_status(db, plan_id,
		    PLAN_ST_DECLINED, PLAN_ST_OFFERED, now) != 1 ||
		    audit_event(db, "plan", plan_id, OF_SYSTEM, 0, "declined",
		    "offered", "INST-CC approved with another card",
		    now) == -1))
			goto fail;
	}
	if (res.ok) {
		if (db_plan_set_card(db, plan_id, card.brand, card.last4, enc,
		    enclen, now) == -1 ||
		    db_plan_set_decline(db, plan_id, "", now) == -1)
			goto fail;
		if (orderflow_transition(db, order_id, "awaiting_review",
		    "awaiting_confirmation", OF_SYSTEM, 0,
		    "INST-CC approved by the bank in real time", now) != OF_OK)
			goto fail;
		snprintf(body, sizeof(body), "Your card installment for order "
		    "#%lld (%s, %d months) was approved by the bank. Confirm "
		    "the plan and pay the down payment to complete it.",
		    (long long)order_id, amt(o.amount_due_minor, o.currency, a,
		    sizeof(a)), o.term);
		if (db_message_insert(db, user_id, 0, "Installment approved",
		    body, now) == -1)
			goto fail;
	} else {
		snprintf(err, sizeof(err), "INST-CC declined by the bank: %s",
		    res.reason);
		if (db_plan_set_decline(db, plan_id, res.reason, now) == -1 ||
		    db_plan_set_card(db, plan_id, card.brand, card.last4,
		    NULL, 0, now) == -1 ||
		    audit_event(db, "plan", plan_id, OF_SYSTEM, 0, NULL,
		    "declined", err, now) == -1)
			goto fail;
		seterr(reason, reasonsz, res.reason);
	}
	if (db_commit(db) == -1)
		return PLAN_ERROR;
	return res.ok ? PLAN_OK : PLAN_DECLINED;
fail:
	db_rollback(db);
	return PLAN_ERROR;
}

/* ---- INST-PC: the partner --------------------------------------------- */

/* See plans.h. */
enum plan_result
plan_partner_apply(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, int64_t now, char *reason, size_t reasonsz)
{
	const struct finance_gateway	*fin = finance_gateway_get("sandbox");
	struct finance_request		 req;
	struct db_order			 o;
	struct db_plan			 p;
	char				 phone[33], ref[FINANCE_REF_MAX + 1];
	char				 err[160];
	int64_t				 plan_id;
	int				 rc, susp, score = 0;

	(void)cfg;
	seterr(reason, reasonsz, "");
	rc = db_order_get(db, user_id, order_id, &o);
	if (rc != 1 || user_id <= 0)
		return rc == -1 ? PLAN_ERROR : PLAN_NOT_FOUND;
	if (strcmp(o.method, "installment_partner") != 0 ||
	    strcmp(o.status, "awaiting_review") != 0)
		return PLAN_NOT_ALLOWED;
	if (fin == NULL || db_plan_user_info(db, user_id, phone,
	    sizeof(phone), &susp, &score) != 1)
		return PLAN_ERROR;
	if (db_begin(db) == -1)
		return PLAN_ERROR;
	rc = plan_create(db, order_id, 0, NULL, PLAN_ST_REVIEW, day_of(now),
	    OF_USER, user_id, now, &plan_id);
	if (rc == -1 || db_plan_by_id(db, plan_id, &p) != 1)
		goto fail;
	if (rc == 1 || p.partner_ref[0] != '\0') {
		db_rollback(db);
		return PLAN_REPLAY;
	}
	memset(&req, 0, sizeof(req));
	req.applicant_id = user_id;
	req.credit_score = score;	/* the platform's evaluation, INST-02 */
	req.amount_minor = o.amount_due_minor;
	snprintf(req.currency, sizeof(req.currency), "%s", o.currency);
	req.months = o.term;
	if (fin->submit(db, &req, now, ref, err, sizeof(err)) == -1) {
		seterr(reason, reasonsz, err);
		goto fail;
	}
	if (db_plan_set_ref(db, plan_id, ref, now) == -1 ||
	    audit_event(db, "plan", plan_id, OF_USER, user_id, "review",
	    "review", "INST-PC credit evaluation authorized and submitted",
	    now) == -1)
		goto fail;
	if (db_commit(db) == -1)
		return PLAN_ERROR;
	return PLAN_OK;
fail:
	db_rollback(db);
	return PLAN_ERROR;
}

/* Inside the caller's transaction: apply the partner's final answer ans
 * to plan p (in review): OFFERED + order awaiting_confirmation, or
 * DECLINED + order refused, with events and a message. Returns 1
 * applied, 0 already decided (nothing written), -1 error. */
static int
partner_decide_tx(struct db *db, const struct db_plan *p,
    const struct finance_answer *ans, enum of_actor actor, int64_t actor_id,
    int64_t now)
{
	char	why[200], body[400];
	int	rc;

	if (db_plan_lock(db, p->id, 0) != 1)
		return -1;
	rc = db_plan_set_status(db, p->id, PLAN_ST_REVIEW,
	    ans->state == FINANCE_APPROVED ? PLAN_ST_OFFERED :
	    PLAN_ST_DECLINED, now);
	if (rc != 1)
		return rc;	/* 0: decided meanwhile (callback or tick) */
	if (ans->state == FINANCE_APPROVED) {
		if (audit_event(db, "plan", p->id, actor, actor_id, "review",
		    "offered", "INST-PC approved by the partner", now) == -1 ||
		    orderflow_transition(db, p->order_id, "awaiting_review",
		    "awaiting_confirmation", actor, actor_id,
		    "INST-PC approved by the partner", now) != OF_OK)
			return -1;
		snprintf(body, sizeof(body), "Your installment application "
		    "for order #%lld was approved by %s. Confirm the plan and "
		    "pay the down payment to complete it.",
		    (long long)p->order_id, p->institution_name);
	} else {
		snprintf(why, sizeof(why), "INST-PC declined by the partner: "
		    "%s", ans->reason);
		if (db_plan_set_decline(db, p->id, ans->reason, now) == -1 ||
		    audit_event(db, "plan", p->id, actor, actor_id, "review",
		    "declined", why, now) == -1 ||
		    orderflow_transition(db, p->order_id, "awaiting_review",
		    "refused", actor, actor_id, why, now) != OF_OK)
			return -1;
		snprintf(body, sizeof(body), "Your installment application "
		    "for order #%lld was declined by %s: %s. You can place the "
		    "order again with another payment method.",
		    (long long)p->order_id, p->institution_name, ans->reason);
	}
	if (db_message_insert(db, p->user_id, 0, "Installment application",
	    body, now) == -1)
		return -1;
	return 1;
}

/* The state word of a plan for pages and partners. */
static const char *
state_word(const struct db_plan *p)
{
	switch (p->status) {
	case PLAN_ST_REVIEW:
		return "pending";
	case PLAN_ST_DECLINED:
		return "declined";
	default:
		return "approved";
	}
}

/* See plans.h. */
enum plan_result
plan_partner_check(struct db *db, const struct config *cfg, const char *ref,
    enum of_actor actor, int64_t actor_id, int64_t now, char *state,
    size_t statesz)
{
	const struct finance_gateway	*fin = finance_gateway_get("sandbox");
	struct finance_answer		 ans;
	struct db_plan			 p;
	int				 rc;

	(void)cfg;
	seterr(state, statesz, "unknown");
	rc = db_plan_by_ref(db, ref, &p);
	if (rc != 1)
		return rc == 0 ? PLAN_NOT_FOUND : PLAN_ERROR;
	if (p.status != PLAN_ST_REVIEW) {
		seterr(state, statesz, state_word(&p));
		return PLAN_OK;
	}
	memset(&ans, 0, sizeof(ans));
	if (fin == NULL || (rc = fin->poll(db, ref, now, &ans)) == -1)
		return PLAN_ERROR;
	if (rc == 1)
		return PLAN_NOT_FOUND;
	if (ans.state == FINANCE_PENDING) {
		seterr(state, statesz, "pending");
		return PLAN_OK;
	}
	if (db_begin(db) == -1)
		return PLAN_ERROR;
	if ((rc = partner_decide_tx(db, &p, &ans, actor, actor_id, now)) ==
	    -1) {
		db_rollback(db);
		return PLAN_ERROR;
	}
	if (rc == 0)
		db_rollback(db);
	else if (db_commit(db) == -1)
		return PLAN_ERROR;
	seterr(state, statesz, ans.state == FINANCE_APPROVED ? "approved" :
	    "declined");
	return PLAN_OK;
}

/* See plans.h. */
int
plan_partner_callback(struct db *db, int64_t partner_id,
    const char *event_id, const char *ref, int64_t now, struct buf *out)
{
	const struct finance_gateway	*fin = finance_gateway_get("sandbox");
	struct finance_answer		 ans;
	struct db_plan			 p;
	struct buf			 orig;
	char				 json[200];
	int				 rc, st = 200;

	buf_reset(out);
	rc = db_plan_by_ref(db, ref, &p);
	if (rc == -1 || fin == NULL)
		return 500;
	if (rc == 0) {
		buf_puts(out, "{\"error\":\"unknown application reference\","
		    "\"field\":\"ref\"}");
		return 404;
	}
	buf_init(&orig);
	if (db_begin(db) == -1) {
		buf_cleanup(&orig);
		return 500;
	}
	rc = partner_event_claim(db, partner_id, event_id, now, &orig);
	if (rc == -2) {
		db_rollback(db);
		buf_cleanup(&orig);
		buf_puts(out, "{\"error\":\"malformed event id\","
		    "\"field\":\"event_id\"}");
		return 400;
	}
	if (rc == 0) {
		/* The same event again: its first answer, nothing changed. */
		db_rollback(db);
		buf_puts(out, buf_str(&orig));
		buf_cleanup(&orig);
		return 200;
	}
	buf_cleanup(&orig);
	if (rc == -1)
		goto fail;
	/* The callback only says "ask me": the answer is what poll says. */
	memset(&ans, 0, sizeof(ans));
	if ((rc = fin->poll(db, ref, now, &ans)) != 0)
		goto fail;
	if (p.status == PLAN_ST_REVIEW && ans.state != FINANCE_PENDING &&
	    partner_decide_tx(db, &p, &ans, OF_PARTNER, partner_id, now) == -1)
		goto fail;
	if (db_plan_by_id(db, p.id, &p) != 1)
		goto fail;
	snprintf(json, sizeof(json), "{\"ref\":\"%s\",\"order\":%lld,"
	    "\"state\":\"%s\"}", p.partner_ref, (long long)p.order_id,
	    state_word(&p));
	if (partner_event_done(db, partner_id, event_id, json) == -1 ||
	    db_commit(db) == -1)
		goto fail;
	buf_puts(out, json);
	return st;
fail:
	db_rollback(db);
	buf_reset(out);
	buf_puts(out, "{\"error\":\"internal error\"}");
	return 500;
}

/* ---- INST-P1: confirm and pay the down payment ------------------------- */

/* See plans.h. */
int
plan_down_payment(const struct db_plan *p, mp_date today, int64_t *out)
{
	struct db_plan	q = *p;
	struct plan	pl;

	q.start = today;
	if (plan_rebuild(&q, &pl) == -1)
		return -1;
	/* INST-M3: in upfront mode the whole fee rides on the first one. */
	*out = pl.inst[0].total.minor;
	return 0;
}

/* Inside plan_confirm's transaction, plan p locked and OFFERED: start it
 * today, charge the down payment (installment 1) under its bank key, move
 * the order on. Returns 1 done, 0 declined (*res), -1 no answer or a
 * database error (cs says which). */
static int
confirm_locked(struct db *db, const struct config *cfg, struct db_plan *p,
    int64_t user_id, int64_t down, int64_t now, struct bank_result *res,
    struct charge_state *cs)
{
	struct db_plan_inst	first;
	char			body[400], a[48];
	int			rc;

	/* INST-M4: the plan starts the day it is confirmed. */
	if (plan_start(db, p->id, day_of(now), OF_USER, user_id, now) == -1)
		return -1;
	p->status = PLAN_ST_ACTIVE;
	memset(&first, 0, sizeof(first));
	first.seq = 1;
	rc = charge_installment(db, cfg, p, &first, "down_payment", down,
	    OF_USER, user_id, now, res, cs);
	if (rc != 1)
		return rc;
	if (orderflow_transition(db, p->order_id, "awaiting_confirmation",
	    "paid_installment", OF_USER, user_id,
	    "INST-P1 installment confirmed, down payment paid", now) != OF_OK ||
	    orderflow_transition(db, p->order_id, "paid_installment",
	    "pending_shipment", OF_SYSTEM, 0, "INST-P1 ready to ship",
	    now) != OF_OK || close_if_done(db, p, now) == -1)
		return -1;
	snprintf(body, sizeof(body), "You confirmed the installment plan of "
	    "order #%lld and paid the down payment of %s. The order is ready "
	    "to ship; the repayment schedule is on the order page.",
	    (long long)p->order_id, amt(down, p->currency, a, sizeof(a)));
	return db_message_insert(db, user_id, 0, "Installment confirmed",
	    body, now) == -1 ? -1 : 1;
}

/* See plans.h. */
enum plan_result
plan_confirm(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, const char *idem_key, int64_t now, char *reason,
    size_t reasonsz)
{
	struct db_order		o;
	struct db_plan		p;
	struct bank_result	res;
	struct charge_state	cs;
	char			bkey[64];
	int64_t			down;
	int			rc;

	(void)idem_key;		/* the bank key is the installment's */
	seterr(reason, reasonsz, "");
	if (corporate_refused(db, order_id, reason, reasonsz))
		return PLAN_NOT_ALLOWED;
	memset(&cs, 0, sizeof(cs));
	rc = db_order_get(db, user_id, order_id, &o);
	if (rc != 1 || user_id <= 0)
		return rc == -1 ? PLAN_ERROR : PLAN_NOT_FOUND;
	rc = db_plan_by_order(db, user_id, order_id, &p);
	if (rc != 1)
		return rc == -1 ? PLAN_ERROR : PLAN_NOT_FOUND;
	if (db_begin_read_committed(db) == -1)
		goto err;
	/* Decided under the plan's lock, before the bank is asked. */
	if (db_plan_lock(db, p.id, 0) != 1 ||
	    db_plan_by_id(db, p.id, &p) != 1 ||
	    db_order_get(db, user_id, order_id, &o) != 1)
		goto fail;
	if (p.status != PLAN_ST_OFFERED ||
	    strcmp(o.status, "awaiting_confirmation") != 0) {
		db_rollback(db);
		return p.status == PLAN_ST_ACTIVE || p.status ==
		    PLAN_ST_CLOSED ? PLAN_REPLAY : PLAN_NOT_ALLOWED;
	}
	if (plan_down_payment(&p, day_of(now), &down) == -1)
		goto fail;
	rc = confirm_locked(db, cfg, &p, user_id, down, now, &res, &cs);
	if (rc == 1) {
		if (db_commit(db) == -1)
			goto fail;
		return PLAN_OK;
	}
	db_rollback(db);
	if (rc == -1) {
		fail_reason(&cs, reason, reasonsz);
		return PLAN_ERROR;
	}
	/* Declined: the plan stays offered; the spent key is recorded so
	 * that the next try takes the next one. */
	seterr(reason, reasonsz, res.reason);
	if (inst_key(db, &p, 1, bkey, sizeof(bkey)) == 0)
		record_failure(db, &p, "down_payment", 1, down, res.reason,
		    bkey, now);
	return PLAN_DECLINED;
fail:
	db_rollback(db);
	fail_reason(&cs, reason, reasonsz);
	return PLAN_ERROR;
err:
	seterr(reason, reasonsz, PLAN_MSG_NOT_SENT);
	return PLAN_ERROR;
}

/* ---- INST-P3: repayment ------------------------------------------------ */

/* See plans.h. */
enum plan_result
plan_pay(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, int seq, const char *idem_key, int64_t now,
    char *reason, size_t reasonsz)
{
	struct plan_view	 v;
	struct db_plan_inst	*it = NULL;
	struct bank_result	 res;
	struct charge_state	 cs;
	enum plan_result	 r;
	char			 params[32];
	size_t			 i;
	int			 rc;

	seterr(reason, reasonsz, "");
	if (corporate_refused(db, order_id, reason, reasonsz))
		return PLAN_NOT_ALLOWED;
	memset(&cs, 0, sizeof(cs));
	snprintf(params, sizeof(params), "pay|seq=%d", seq);
	r = keyed_begin(db, user_id, order_id, idem_key, params, now, &v,
	    reason, reasonsz);
	if (r != PLAN_OK) {
		plan_view_cleanup(&v);
		return r;
	}
	/* Decided on what the lock shows: a payoff or a deduction that got
	 * the lock first has paid this installment already. */
	if (seq == 0)
		seq = v.next_seq;
	for (i = 0; i < v.ninst; i++)
		if (v.inst[i].seq == seq)
			it = &v.inst[i];
	if (v.p.status != PLAN_ST_ACTIVE || it == NULL ||
	    seq != v.next_seq) {
		/* Installments are repaid in order, the oldest due first;
		 * one paid meanwhile is "already done". */
		db_rollback(db);
		r = v.p.status == PLAN_ST_ACTIVE || v.p.status ==
		    PLAN_ST_CLOSED ? PLAN_REPLAY : PLAN_NOT_ALLOWED;
		plan_view_cleanup(&v);
		return r;
	}
	rc = charge_installment(db, cfg, &v.p, it, "manual", it->principal +
	    it->fee + it->late_fee, OF_USER, user_id, now, &res, &cs);
	if (rc == 1 && close_if_done(db, &v.p, now) == -1)
		rc = -1;
	if (rc == -1) {
		db_rollback(db);
		fail_reason(&cs, reason, reasonsz);
		plan_view_cleanup(&v);
		return PLAN_ERROR;
	}
	r = keyed_end(db, &v, idem_key, params, rc == 1 ? PLAN_OK :
	    PLAN_DECLINED, rc == 1 ? NULL : res.reason, &cs, now, reason,
	    reasonsz);
	plan_view_cleanup(&v);
	return r;
}

/* See plans.h. */
enum plan_result
plan_record_payment(struct db *db, int64_t plan_id, int seq, int64_t amount,
    const char *channel, const char *reference, enum of_actor actor,
    int64_t actor_id, const char *idem_key, int64_t now)
{
	struct plan_view	 v;
	struct db_plan_inst	*it = NULL;
	enum plan_result	 r;
	char			 why[160], a[48];
	int64_t			 pid;
	size_t			 i;
	int			 rc;

	if (amount <= 0)
		return PLAN_BAD_INPUT;
	if ((r = plan_load_id(db, plan_id, now, &v)) != PLAN_OK)
		return r;
	if (db_begin(db) == -1) {
		plan_view_cleanup(&v);
		return PLAN_ERROR;
	}
	if (db_plan_lock(db, plan_id, 0) != 1)
		goto fail;
	for (i = 0; i < v.ninst; i++)
		if (v.inst[i].seq == seq)
			it = &v.inst[i];
	if (seq != 0 && (it == NULL || strcmp(it->status, "due") != 0 ||
	    amount < it->principal + it->fee + it->late_fee)) {
		db_rollback(db);
		plan_view_cleanup(&v);
		return it == NULL || strcmp(it->status, "due") != 0 ?
		    PLAN_NOT_ALLOWED : PLAN_BAD_INPUT;
	}
	pid = db_plan_pay_insert(db, plan_id, actor == OF_ADMIN ? "admin" :
	    "manual", seq, amount, v.p.currency, 1, channel, reference, "",
	    idem_key, now);
	if (pid == -1)
		goto fail;
	if (pid == 0) {
		db_rollback(db);
		plan_view_cleanup(&v);
		return PLAN_REPLAY;
	}
	if (seq != 0) {
		rc = db_plan_inst_paid(db, plan_id, seq, amount, it->late_fee,
		    now);
		if (rc != 1)
			goto fail;
	}
	snprintf(why, sizeof(why), "INST-P3 payment recorded (%s, %s%s)",
	    channel, amt(amount, v.p.currency, a, sizeof(a)),
	    seq == 0 ? ", down payment" : "");
	if (audit_event(db, "plan", plan_id, actor, actor_id, NULL, NULL, why,
	    now) == -1)
		goto fail;
	if (v.p.status == PLAN_ST_ACTIVE && close_if_done(db, &v.p, now) == -1)
		goto fail;
	if (db_commit(db) == -1) {
		plan_view_cleanup(&v);
		return PLAN_ERROR;
	}
	plan_view_cleanup(&v);
	return PLAN_OK;
fail:
	db_rollback(db);
	plan_view_cleanup(&v);
	return PLAN_ERROR;
}

/* ---- INST-F3: early repayment ---------------------------------------- */

/* Installments paid in order from the first (plan_quote_early's "paid"). */
static int
paid_prefix(const struct plan_view *v)
{
	size_t	i;
	int	n = 0;

	for (i = 0; i < v->ninst; i++) {
		if (strcmp(v->inst[i].status, "paid") != 0)
			break;
		n++;
	}
	return n;
}

/* See plans.h. */
int
plan_quote(const struct plan_view *v, struct plan_quote *q, int64_t *late,
    int64_t *total)
{
	struct plan	pl;
	size_t		i;

	*late = 0;
	if (plan_rebuild(&v->p, &pl) == -1 ||
	    plan_quote_early(&pl, paid_prefix(v), v->today,
	    v->p.waives_future_fees, q) == -1)
		return -1;
	for (i = 0; i < v->ninst; i++)
		if (strcmp(v->inst[i].status, "due") == 0)
			*late += v->inst[i].late_fee;
	*total = q->total.minor + *late;
	return 0;
}

/* 1 if month seq is among the waived months of q. */
static int
is_waived(const struct plan_quote *q, int seq)
{
	int i;

	for (i = 0; i < q->nwaived; i++)
		if (q->waived[i] == seq)
			return 1;
	return 0;
}

/* What each installment still due of v pays in a payoff at quote q (total
 * what settles it): its principal, its fee unless waived, its late fee;
 * waived fees already paid (q->fee_credit, upfront mode) are set off from
 * the last installment back. amounts[i] belongs to v->inst[i] (0 for
 * installments not due). */
static void
payoff_amounts(const struct plan_view *v, const struct plan_quote *q,
    int64_t total, int64_t *amounts)
{
	int64_t	sum = 0, credit, take;
	size_t	i;

	for (i = 0; i < v->ninst; i++) {
		const struct db_plan_inst *it = &v->inst[i];

		amounts[i] = 0;
		if (strcmp(it->status, "due") != 0)
			continue;
		amounts[i] = it->principal + it->late_fee +
		    (is_waived(q, it->seq) ? 0 : it->fee);
		sum += amounts[i];
	}
	credit = sum - total;
	for (i = v->ninst; i > 0 && credit > 0; i--) {
		take = amounts[i - 1] < credit ? amounts[i - 1] : credit;
		amounts[i - 1] -= take;
		credit -= take;
	}
}

/* The audit detail of a payoff (JSON) into detail. */
static void
payoff_detail(struct buf *detail, const struct plan_quote *q, int64_t late,
    int64_t total)
{
	int k;

	buf_printf(detail, "{\"total_minor\":%lld,\"principal_minor\":%lld,"
	    "\"fee_due_minor\":%lld,\"fee_waived_minor\":%lld,"
	    "\"fee_credit_minor\":%lld,\"late_fee_minor\":%lld,\"waived\":[",
	    (long long)total, (long long)q->principal_remaining.minor,
	    (long long)q->fee_due.minor, (long long)q->fee_waived.minor,
	    (long long)q->fee_credit.minor, (long long)late);
	for (k = 0; k < q->nwaived; k++)
		buf_printf(detail, "%s%d", k ? "," : "", q->waived[k]);
	buf_puts(detail, "]}");
}

/* Inside the keyed, locked transaction: charge every installment still
 * due of v at the quote of today, each under its own bank key (so that an
 * installment can never be charged twice, whichever path gets there
 * first). Returns 1 all paid, 0 declined part-way (*res; what was charged
 * before stays recorded), -1 no answer or a database error. */
static int
payoff_charge(struct db *db, const struct config *cfg,
    const struct plan_view *v, const struct plan_quote *q, int64_t total,
    int64_t user_id, int64_t now, struct bank_result *res,
    struct charge_state *cs)
{
	int64_t	amounts[PLAN_MAX_MONTHS];
	size_t	i;
	int	rc;

	if (v->ninst > PLAN_MAX_MONTHS)
		return -1;
	payoff_amounts(v, q, total, amounts);
	for (i = 0; i < v->ninst; i++) {
		const struct db_plan_inst *it = &v->inst[i];

		if (strcmp(it->status, "due") != 0)
			continue;
		if (amounts[i] == 0) {
			/* Settled by the credit of waived fees paid. */
			if (plan_post_late_fees(db, &v->p, it, v->today,
			    now) == -1 || db_plan_inst_paid(db, v->p.id,
			    it->seq, 0, it->late_fee, now) != 1)
				return -1;
		} else if ((rc = charge_installment(db, cfg, &v->p, it,
		    "payoff", amounts[i], OF_USER, user_id, now, res,
		    cs)) != 1)
			return rc;
		/* What the payoff did not charge of it (INST-F3). */
		if (plan_post_waiver(db, &v->p, it->seq, it->principal +
		    it->fee + it->late_fee - amounts[i], now) == -1)
			return -1;
	}
	return 1;
}

/* See plans.h. */
enum plan_result
plan_payoff(struct db *db, const struct config *cfg, int64_t user_id,
    int64_t order_id, const char *idem_key, int64_t now, char *reason,
    size_t reasonsz)
{
	struct plan_view	v;
	struct plan_quote	q;
	struct bank_result	res;
	struct charge_state	cs;
	enum plan_result	r;
	struct buf		detail;
	char			a[48], b[48], why[300];
	int64_t			late, total;
	int			rc;

	seterr(reason, reasonsz, "");
	if (corporate_refused(db, order_id, reason, reasonsz))
		return PLAN_NOT_ALLOWED;
	memset(&cs, 0, sizeof(cs));
	r = keyed_begin(db, user_id, order_id, idem_key, "payoff", now, &v,
	    reason, reasonsz);
	if (r != PLAN_OK) {
		plan_view_cleanup(&v);
		return r;
	}
	if (v.p.status != PLAN_ST_ACTIVE) {
		db_rollback(db);
		r = v.p.status == PLAN_ST_CLOSED ? PLAN_REPLAY :
		    PLAN_NOT_ALLOWED;
		plan_view_cleanup(&v);
		return r;
	}
	buf_init(&detail);
	rc = plan_quote(&v, &q, &late, &total) == -1 ? -1 :
	    payoff_charge(db, cfg, &v, &q, total, user_id, now, &res, &cs);
	if (rc == 1) {
		payoff_detail(&detail, &q, late, total);
		snprintf(why, sizeof(why), "INST-F3 early repayment of %s, "
		    "fees waived %s", amt(total, v.p.currency, a, sizeof(a)),
		    amt(q.fee_waived.minor, v.p.currency, b, sizeof(b)));
		if (audit_event_detail(db, "plan", v.p.id, OF_USER, user_id,
		    NULL, NULL, why, buf_str(&detail), now) == -1 ||
		    close_if_done(db, &v.p, now) == -1)
			rc = -1;
	}
	buf_cleanup(&detail);
	if (rc == -1) {
		/* Nothing of it is kept: what the bank approved is recorded
		 * by the next try under the same keys (same references). */
		db_rollback(db);
		fail_reason(&cs, reason, reasonsz);
		plan_view_cleanup(&v);
		return PLAN_ERROR;
	}
	if (rc == 0)
		snprintf(why, sizeof(why), "%s%s", cs.approved ? "Part of the "
		    "plan was repaid (see the schedule); the bank declined the "
		    "rest: " : "", res.reason);
	r = keyed_end(db, &v, idem_key, "payoff", rc == 1 ? PLAN_OK :
	    PLAN_DECLINED, rc == 1 ? NULL : why, &cs, now, reason, reasonsz);
	plan_view_cleanup(&v);
	return r;
}

/* ---- INST-C1/C2: cancellation and return ------------------------------- */

/* What a termination of plan v on today settles (INST-C1/C2). */
struct term_fig {
	int64_t	pprin, pfee;		/* principal and fees repaid */
	int64_t	incurred;		/* fees of the months begun (C1) */
	int64_t	up, uf, ul;		/* principal, fees, late fees unpaid */
	int64_t	refund;
};

/* Fill *f for plan v (read under its lock) terminated on today under
 * INST-C2 (c2) or INST-C1. 0 or -1. */
static int
terminate_figures(const struct plan_view *v, mp_date today, int c2,
    struct term_fig *f)
{
	struct plan	pl;
	size_t		i;
	int		begun = 0;

	memset(f, 0, sizeof(*f));
	for (i = 0; i < v->ninst; i++) {
		const struct db_plan_inst *it = &v->inst[i];

		if (strcmp(it->status, "due") == 0) {
			f->up += it->principal;
			f->uf += it->fee;
			f->ul += it->late_fee;
		}
		if (strcmp(it->status, "paid") != 0)
			continue;
		f->pprin += it->principal;
		if (it->paid_minor - it->principal - it->late_fee > 0)
			f->pfee += it->paid_minor - it->principal -
			    it->late_fee;
	}
	if (v->p.status == PLAN_ST_ACTIVE || v->p.status == PLAN_ST_CLOSED) {
		if (plan_rebuild(&v->p, &pl) == -1)
			return -1;
		/* INST-C1: the fees of the months begun are incurred. */
		for (i = 0; i < (size_t)pl.n; i++)
			if (today >= (i == 0 ? pl.start : pl.inst[i - 1].due))
				begun++;
		f->incurred = v->p.monthly_fee * begun;
	}
	/* INST-C2: repaid amounts less the handling fees (and late fees);
	 * INST-C1: incurred fees settled first, the rest refunded. */
	f->refund = c2 ? f->pprin : f->pprin + f->pfee - f->incurred;
	if (f->refund < 0)
		f->refund = 0;
	return 0;
}

/* The shopper's words for the termination of a plan in cur into
 * rule (text in the thread's buffer). */
static void
terminate_rule(struct refund_rule *rule, int c2, const struct term_fig *f,
    const char *cur, mp_date by)
{
	/* rule->text points here: one buffer per thread (mallpayd). */
	static __thread char	text[400];
	char			a[48], b[48];

	rule->rule = c2 ? "INST-C2" : "INST-C1";
	snprintf(text, sizeof(text), c2 ? "Installment return: the "
	    "agreement is terminated and nothing further is due; what "
	    "you repaid, %s, is returned less the handling fees "
	    "within 3-7 business days." : "Installment cancellation: "
	    "handling fees already incurred (%s) are settled first; "
	    "the rest, %s, is refunded through the original channel "
	    "within 3-7 business days. Nothing further is due.",
	    c2 ? amt(f->refund, cur, a, sizeof(a)) :
	    amt(f->incurred, cur, a, sizeof(a)),
	    amt(f->refund, cur, b, sizeof(b)));
	rule->text = text;
	rule->min_days = 3;
	rule->max_days = PLAN_REFUND_BUSINESS_DAYS;
	rule->has_date = 1;
	rule->by = by;
}

/* Inside plan_terminate: the refund sent (or scheduled) through the
 * plan's channel under the plan's one refund key, and the ledger: late
 * fees up to today, what is no longer owed released, the refund owed.
 * 0 or -1. */
static int
terminate_money(struct db *db, const struct config *cfg,
    const struct plan_view *v, const struct term_fig *f, mp_date today,
    int64_t now)
{
	struct bank_result	res;
	char			bkey[64];
	size_t			i;

	memset(&res, 0, sizeof(res));
	snprintf(bkey, sizeof(bkey), "plan%lld-refund", (long long)v->p.id);
	if (f->refund > 0) {
		if (pay_back(db, cfg, &v->p, f->refund, bkey, &res) == -1)
			return -1;
		if (db_plan_pay_insert(db, v->p.id, "refund", 0, f->refund,
		    v->p.currency, res.ok, channel_of(&v->p), res.reference,
		    res.ok ? "" : res.reason, "refund", now) == -1)
			return -1;
	}
	/* A plan never started owes nothing on the ledger. */
	if (v->p.status != PLAN_ST_ACTIVE && v->p.status != PLAN_ST_CLOSED)
		return 0;
	for (i = 0; i < v->ninst; i++)
		if (plan_post_late_fees(db, &v->p, &v->inst[i], today,
		    now) == -1)
			return -1;
	if (plan_post_termination(db, &v->p, f->up, f->uf, f->ul, f->refund,
	    f->pprin, now) == -1)
		return -1;
	return f->refund > 0 && res.ok ? plan_post_refund_sent(db, &v->p,
	    f->refund, bkey, now) : 0;
}

/* See plans.h. */
int
plan_terminate(struct db *db, const struct config *cfg,
    const struct db_order *o, const char *rule_id, enum of_actor actor,
    int64_t actor_id, mp_date today, const mp_date *holidays, size_t nh,
    int64_t now, struct refund_rule *rule)
{
	struct plan_view	 v;
	struct term_fig		 f;
	char			 b[48], d[16], why[300];
	mp_date			 by;
	int			 c2 = strcmp(rule_id, "INST-C2") == 0;

	memset(&v, 0, sizeof(v));
	/* The plan's lock first: what was paid is read under it, so that a
	 * repayment or a payoff racing the cancellation is either in the
	 * refund or refused (the plan is terminated when it gets the lock). */
	if (db_plan_by_order(db, 0, o->id, &v.p) != 1 ||
	    db_plan_lock(db, v.p.id, 0) != 1) {
		memset(&v, 0, sizeof(v));
		return 0;	/* no plan: nothing to terminate */
	}
	if (plan_load(db, 0, o->id, now, &v) != PLAN_OK)
		goto fail;
	v.today = today;
	if (v.p.status == PLAN_ST_TERMINATED) {
		plan_view_cleanup(&v);
		return 0;
	}
	if (terminate_figures(&v, today, c2, &f) == -1 ||
	    mp_date_add_business_days(today, PLAN_REFUND_BUSINESS_DAYS,
	    holidays, nh, &by) == -1 ||
	    terminate_money(db, cfg, &v, &f, today, now) == -1)
		goto fail;
	if (db_plan_inst_waive_rest(db, v.p.id) == -1 ||
	    db_plan_set_refund(db, v.p.id, f.refund, by, now) == -1 ||
	    db_plan_set_status(db, v.p.id, v.p.status, PLAN_ST_TERMINATED,
	    now) != 1)
		goto fail;
	if (strcmp(v.p.method, "credit_line") == 0 &&
	    v.p.status == PLAN_ST_ACTIVE &&
	    db_plan_credit_release(db, v.p.user_id, o->amount_usd_minor) == -1)
		goto fail;
	snprintf(why, sizeof(why), "%s plan terminated, nothing further due: "
	    "refund %s by %s", rule_id, amt(f.refund, v.p.currency, b,
	    sizeof(b)), mp_date_str(by, d, sizeof(d)));
	if (audit_event(db, "plan", v.p.id, actor, actor_id,
	    status_names[v.p.status], "terminated", why, now) == -1)
		goto fail;
	if (rule != NULL && (v.p.status == PLAN_ST_ACTIVE ||
	    v.p.status == PLAN_ST_CLOSED))
		terminate_rule(rule, c2, &f, v.p.currency, by);
	plan_view_cleanup(&v);
	return 0;
fail:
	plan_view_cleanup(&v);
	return -1;
}

/* ---- INST-CL: the credit line ----------------------------------------- */

/* See plans.h. */
int
plan_creditline_settle(struct db *db, const struct db_order *o, int64_t now)
{
	struct db_plan	p;
	int64_t		plan_id;
	char		why[200], a[48];
	int		rc;

	if (strcmp(o->method, "credit_line") != 0)
		return 0;
	/* The shopper's installments begin with the receipt (INST-CL). */
	rc = plan_create(db, o->id, 0, NULL, PLAN_ST_ACTIVE, day_of(now),
	    OF_SYSTEM, 0, now, &plan_id);
	if (rc == -1)
		return -1;
	if (db_plan_by_id(db, plan_id, &p) != 1 ||
	    plan_post_start(db, &p, p.principal, p.total_fee, now) == -1 ||
	    plan_post_settlement(db, &p, o->amount_due_minor, now) == -1)
		return -1;
	rc = db_plan_ledger(db, o->id, plan_id, "lender_settlement",
	    p.institution_id, "merchant", o->amount_due_minor, o->currency,
	    now);
	if (rc == -1)
		return -1;
	if (rc == 0)
		return 0;
	snprintf(why, sizeof(why), "INST-CL lender %s paid the merchant %s "
	    "in full", p.institution_id, amt(o->amount_due_minor, o->currency,
	    a, sizeof(a)));
	return audit_event(db, "plan", plan_id, OF_SYSTEM, 0, NULL, "active",
	    why, now);
}

/* ---- INST-F2: lifting a suspension -------------------------------------- */

/* See plans.h. */
enum plan_result
plan_lift_suspension(struct db *db, int64_t admin_id, int64_t user_id,
    int64_t now)
{
	char	phone[33];
	int	susp = 0, score, rc;
	int64_t	over;

	rc = db_plan_user_info(db, user_id, phone, sizeof(phone), &susp,
	    &score);
	if (rc != 1)
		return rc == 0 ? PLAN_NOT_FOUND : PLAN_ERROR;
	if (db_begin(db) == -1)
		return PLAN_ERROR;
	over = db_plan_user_overdue(db, user_id, day_of(now));
	if (over < 0)
		goto fail;
	if (over > 0) {
		db_rollback(db);
		return PLAN_NOT_ALLOWED;
	}
	rc = db_plan_user_suspend(db, user_id, 0);
	if (rc == -1)
		goto fail;
	if (rc == 0) {
		db_rollback(db);
		return PLAN_NOT_ALLOWED;
	}
	if (audit_event(db, "user", user_id, OF_ADMIN, admin_id,
	    "installment_suspended", "installment_active",
	    "INST-F2 suspension lifted: nothing overdue", now) == -1 ||
	    db_message_insert(db, user_id, 0, "Installments available again",
	    "Nothing of yours is overdue any more and an administrator lifted "
	    "the suspension of your installment access (INST-F2).", now) == -1)
		goto fail;
	if (db_commit(db) == -1)
		return PLAN_ERROR;
	return PLAN_OK;
fail:
	db_rollback(db);
	return PLAN_ERROR;
}

/* ---- tick ---------------------------------------------------------------- */

/* INST-P3: tick's automatic deduction of installment it of locked plan p
 * (inside tick's transaction) under the installment's bank key. Returns 1
 * paid, 0 not (declined: recorded and the shopper told; no answer: nothing
 * recorded, so tomorrow's try uses the same key), -1 database error. */
static int
tick_deduct(struct db *db, const struct config *cfg, const struct db_plan *p,
    const struct db_plan_inst *it, int64_t now, struct plan_tick_stats *st)
{
	struct bank_result	res;
	struct charge_state	cs;
	char			body[400], a[48], d[16];
	int64_t			total = it->principal + it->fee;
	int			rc;

	memset(&cs, 0, sizeof(cs));
	rc = charge_installment(db, cfg, p, it, "auto", total + it->late_fee,
	    OF_SYSTEM, 0, now, &res, &cs);
	if (rc == 1) {
		st->deducted++;
		return 1;
	}
	st->deduct_failed++;
	if (rc == -1)
		/* Unanswered or never sent: nothing recorded, tomorrow's
		 * try uses the same key. Approved but not recorded: roll
		 * back, the next tick records it under that key. */
		return cs.approved ? -1 : 0;
	mp_date_str(it->due, d, sizeof(d));
	snprintf(body, sizeof(body), "The automatic deduction of installment "
	    "%d of order #%lld (%s) failed: %s. Repay it on the schedule page; "
	    "from the day after %s a late fee accrues (INST-F1).", it->seq,
	    (long long)p->order_id, amt(total, p->currency, a, sizeof(a)),
	    res.reason, d);
	if (db_message_insert(db, p->user_id, 0, "Installment deduction "
	    "failed", body, now) == -1)
		return -1;
	return 0;
}

/* INST-P2: the reminder of installment it of plan p (due on d), once:
 * a message and an SMS to phone (when there is one). auto_ok: the card
 * is deducted that day. Inside tick's transaction. 0 or -1. */
static int
tick_remind(struct db *db, const struct db_plan *p,
    const struct db_plan_inst *it, const char *d, int auto_ok,
    const char *phone, int64_t now, struct plan_tick_stats *st)
{
	const struct sms_gateway	*sms = sms_gateway_get("sandbox");
	char				 body[400], a[48], err[128];
	int				 rc;

	rc = db_plan_inst_remind(db, p->id, it->seq, now);
	if (rc != 1)
		return rc;
	snprintf(body, sizeof(body), "Reminder: installment %d of %d of "
	    "order #%lld, %s, is due on %s.%s", it->seq, p->n,
	    (long long)p->order_id, amt(it->principal + it->fee, p->currency,
	    a, sizeof(a)), d, auto_ok ? " It is deducted from your card that "
	    "day." : " Repay it on the order's schedule page.");
	if (db_message_insert(db, p->user_id, 0, "Installment due soon", body,
	    now) == -1)
		return -1;
	if (phone[0] != '\0' && sms != NULL && sms->send(db, p->user_id,
	    phone, body, now, err, sizeof(err)) == -1)
		log_warn("plan %lld: reminder sms: %s", (long long)p->id, err);
	st->reminders++;
	return 0;
}

/* INST-F2 for installment it of plan p (due on d), overdue more than the
 * threshold: the credit record and, once, the user's suspension with its
 * event and message (inside tick's transaction). 0 or -1. */
static int
tick_suspend(struct db *db, const struct db_plan *p,
    const struct db_plan_inst *it, const char *d, int64_t now,
    struct plan_tick_stats *st)
{
	char	body[400];
	int	rc;

	snprintf(body, sizeof(body), "installment %d of plan %lld (order "
	    "#%lld) due %s overdue %d days", it->seq, (long long)p->id,
	    (long long)p->order_id, d, (int)it->days_late);
	if (db_plan_credit_record(db, p->user_id, p->id, "overdue_30", body,
	    now) == -1 || (rc = db_plan_user_suspend(db, p->user_id, 1)) == -1)
		return -1;
	if (rc == 0)
		return 0;
	if (audit_event(db, "user", p->user_id, OF_SYSTEM, 0,
	    "installment_active", "installment_suspended", "INST-F2 overdue "
	    "more than 30 days", now) == -1 ||
	    db_message_insert(db, p->user_id, 0, "Installment access "
	    "suspended", "An installment of yours is overdue more than 30 "
	    "days: new installment applications are suspended until it is "
	    "repaid and an administrator lifts the suspension (INST-F2).",
	    now) == -1)
		return -1;
	st->suspended++;
	return 0;
}

/* Tick work on one locked, active plan p at now (inside the transaction).
 * Returns 0 or -1 (roll back). */
static int
tick_plan(struct db *db, const struct config *cfg, struct db_plan *p,
    int64_t now, int64_t remind_days, int64_t suspend_days,
    struct plan_tick_stats *st)
{
	struct plan_view		 v;
	char				 phone[33], d[16];
	mp_date				 today = day_of(now), from;
	size_t				 i;
	int				 susp, score, rc, auto_ok;

	memset(&v, 0, sizeof(v));
	v.p = *p;
	if (view_fill(db, now, &v, 0) != PLAN_OK)
		goto fail;
	if (db_plan_user_info(db, p->user_id, phone, sizeof(phone), &susp,
	    &score) != 1)
		goto fail;
	auto_ok = strcmp(p->method, "installment_card") == 0 && p->has_token;
	for (i = 0; i < v.ninst; i++) {
		struct db_plan_inst *it = &v.inst[i];

		if (strcmp(it->status, "due") != 0)
			continue;
		mp_date_str(it->due, d, sizeof(d));
		/* INST-P2: a reminder N days before the due date. */
		if (mp_date_add_days(it->due, (int32_t)-remind_days,
		    &from) == 0 && today >= from && today <= it->due &&
		    tick_remind(db, p, it, d, auto_ok, phone, now, st) == -1)
			goto fail;
		if (today < it->due)
			continue;
		/* INST-P3: automatic deduction on (and, while unpaid,
		 * after) the due date, once a day. */
		if (auto_ok && cfg != NULL &&
		    (rc = db_plan_inst_auto(db, p->id, it->seq, today)) != 0) {
			if (rc == -1)
				goto fail;
			rc = tick_deduct(db, cfg, p, it, now, st);
			if (rc == -1)
				goto fail;
			if (rc == 1)
				continue;
		}
		if (today <= it->due)
			continue;
		/* INST-F1: the late fee up to today. */
		rc = db_plan_inst_late(db, p->id, it->seq, it->late_fee, today);
		if (rc == -1 || (rc == 1 && plan_post_late_fees(db, p, it,
		    today, now) == -1))
			goto fail;
		st->late_fees += rc;
		/* INST-F2: more than N days overdue. */
		if (it->days_late > suspend_days &&
		    tick_suspend(db, p, it, d, now, st) == -1)
			goto fail;
	}
	if (close_if_done(db, p, now) == -1)
		goto fail;
	plan_view_cleanup(&v);
	return 0;
fail:
	plan_view_cleanup(&v);
	return -1;
}

/* INST-C2 for returned order order_id (own transaction). 0 or -1. */
static int
tick_return(struct db *db, const struct config *cfg, int64_t order_id,
    int64_t now, struct plan_tick_stats *st)
{
	struct refund_rule	rule;
	struct db_order		o;
	struct db_plan		p;
	mp_date			*hol = NULL;
	char			(*hd)[11] = NULL;
	char			d[16], body[600];
	size_t			nh = 0, n = 0, i;
	int			ret;

	if (db_begin_read_committed(db) == -1)
		return -1;
	if (db_plan_by_order(db, 0, order_id, &p) != 1 ||
	    db_plan_lock(db, p.id, 1) != 1 ||
	    db_order_get(db, 0, order_id, &o) != 1) {
		db_rollback(db);
		return 0;
	}
	ret = strcmp(o.status, "returned") == 0 ||
	    strcmp(o.status, "refunded") == 0;
	if (db_checkout_holidays(db, &hd, &n) == -1)
		goto fail;
	hol = xcalloc(n + 1, sizeof(*hol));
	for (i = 0; i < n; i++)
		if (mp_date_parse(hd[i], strlen(hd[i]), &hol[nh]) == 0)
			nh++;
	memset(&rule, 0, sizeof(rule));
	if (plan_terminate(db, cfg, &o, ret ? "INST-C2" : "INST-C1",
	    OF_SYSTEM, 0, day_of(now), hol, nh, now, &rule) == -1)
		goto fail;
	if (!rule.has_date) {
		/* Nothing was paid (review/offered): nothing to refund. */
		if (db_commit(db) == -1)
			goto fail;
		free(hd);
		free(hol);
		return 0;
	}
	mp_date_str(rule.by, d, sizeof(d));
	if (db_order_set_refund_due(db, order_id, d) == -1)
		goto fail;
	if (strcmp(o.status, "returned") == 0 &&
	    orderflow_transition(db, order_id, "returned", "refunded",
	    OF_SYSTEM, 0, "INST-C2 agreement terminated, refund recorded",
	    now) != OF_OK)
		goto fail;
	snprintf(body, sizeof(body), "Order #%lld: the installment plan is "
	    "terminated. %s Refund by: %s", (long long)order_id,
	    rule.text != NULL ? rule.text : "", d);
	if (db_message_insert(db, o.user_id, 0, "Installment terminated",
	    body, now) == -1 || db_commit(db) == -1)
		goto fail;
	st->returned++;
	free(hd);
	free(hol);
	return 0;
fail:
	db_rollback(db);
	free(hd);
	free(hol);
	return -1;
}

/* Send the refund row pay of plan plan_id (recorded, not sent) through
 * its channel under the plan's one refund key, marked sent with its
 * ledger entry in one transaction under the plan's lock. 0 or -1. */
static int
tick_refund_one(struct db *db, const struct config *cfg, int64_t plan_id,
    const struct db_plan_pay *pay, int64_t now)
{
	struct bank_result	res;
	struct db_plan		p;
	char			bkey[64];

	snprintf(bkey, sizeof(bkey), "plan%lld-refund", (long long)plan_id);
	if (db_begin_read_committed(db) == -1)
		return -1;
	if (db_plan_lock(db, plan_id, 0) != 1 ||
	    db_plan_by_id(db, plan_id, &p) != 1 ||
	    pay_back(db, cfg, &p, pay->amount, bkey, &res) == -1 || !res.ok ||
	    db_plan_pay_done(db, pay->id, res.reference) == -1 ||
	    plan_post_refund_sent(db, &p, pay->amount, bkey, now) == -1 ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* INST-C1/C2 in tick: the card refunds recorded where the key was not at
 * hand (order_cancel). Returns 0 (failures counted in st), -1 when the
 * list cannot be read. */
static int
tick_refunds(struct db *db, const struct config *cfg, int64_t now,
    struct plan_tick_stats *st)
{
	struct db_plan_pay	*pay;
	int64_t			*ids = NULL;
	size_t			 n = 0, i, np, j;

	if (db_plan_refunds_pending(db, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_plan_pay_list(db, ids[i], &pay, &np) == -1) {
			st->errors++;
			continue;
		}
		for (j = 0; j < np; j++) {
			if (strcmp(pay[j].kind, "refund") != 0 || pay[j].ok)
				continue;
			if (tick_refund_one(db, cfg, ids[i], &pay[j],
			    now) == -1)
				st->errors++;
			else
				st->refunds++;
		}
		free(pay);
	}
	free(ids);
	return 0;
}

/* See plans.h. */
int
plan_tick(struct db *db, const struct config *cfg, int64_t now,
    struct plan_tick_stats *st)
{
	struct db_plan	 p;
	int64_t		*ids = NULL, remind, suspend;
	size_t		 n = 0, i;
	mp_date		 today = day_of(now), until;
	char		 state[16];

	memset(st, 0, sizeof(*st));
	if (db_plan_setting(db, "inst_reminder_days_before", 3,
	    &remind) == -1 || db_plan_setting(db, "inst_overdue_suspend_days",
	    30, &suspend) == -1)
		return -1;
	if (remind < 0 || remind > 60)
		remind = 3;
	/* INST-PC: applications waiting for the partner. */
	if (db_plan_reviewing(db, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_plan_by_id(db, ids[i], &p) != 1)
			continue;
		if (plan_partner_check(db, cfg, p.partner_ref, OF_SYSTEM, 0,
		    now, state, sizeof(state)) != PLAN_OK)
			st->errors++;
		else if (strcmp(state, "pending") != 0)
			st->decided++;
	}
	free(ids);
	/* INST-C1/C2: card refunds recorded where the key was not at hand. */
	if (tick_refunds(db, cfg, now, st) == -1)
		return -1;
	/* INST-C2: returned orders. */
	if (db_plan_returned(db, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (tick_return(db, cfg, ids[i], now, st) == -1)
			st->errors++;
	free(ids);
	/* Reminders, deductions, late fees, suspensions. */
	if (mp_date_add_days(today, (int32_t)remind, &until) == -1 ||
	    db_plan_work(db, until, &ids, &n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_begin_read_committed(db) == -1) {
			free(ids);
			return -1;
		}
		/* Another host has it: it does the work. */
		if (db_plan_lock(db, ids[i], 1) != 1 ||
		    db_plan_by_id(db, ids[i], &p) != 1 ||
		    p.status != PLAN_ST_ACTIVE) {
			db_rollback(db);
			continue;
		}
		if (tick_plan(db, cfg, &p, now, remind, suspend, st) == -1) {
			db_rollback(db);
			st->errors++;
			continue;
		}
		if (db_commit(db) == -1)
			st->errors++;
	}
	free(ids);
	return 0;
}

/* ---- admin ------------------------------------------------------------- */

/* See plans.h. */
int
plan_list(struct db *db, const struct plan_filter *f, int64_t now,
    struct db_plan **out, size_t *n, int *more)
{
	size_t limit = f->limit > 0 ? f->limit : 50;

	*more = 0;
	if (db_plan_list(db, f->status, f->overdue, f->suspended, day_of(now),
	    limit, f->page * limit, out, n) == -1)
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

	return db_plan_overdue_count(db, day_of(now), &oldest);
}

/* See plans.h. */
int
queue_count_overdue_plans(struct db *db, int64_t now,
    struct db_queue_stats *out)
{
	mp_date	oldest;
	int64_t	n;

	memset(out, 0, sizeof(*out));
	if ((n = db_plan_overdue_count(db, day_of(now), &oldest)) < 0)
		return -1;
	out->count = n;
	/* Every item of this queue is past its promised (due) date. */
	out->overdue = n;
	out->oldest_at = n > 0 ? mp_date_to_unix(oldest) : 0;
	return 0;
}
