/*
 * Checkout: quote and place (see checkout.h). One transaction per place;
 * the rules are evaluated on facts read inside that transaction, never
 * on what the form claims.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/said.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/fx.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/words.h"
#include "db/cart.h"
#include "db/checkout.h"
#include "db/db.h"
#include "db/message.h"
#include "db/order.h"
#include "rules/amount.h"
#include "rules/apr.h"
#include "rules/cod.h"
#include "rules/eligibility.h"
#include "rules/rfcode.h"
#include "service/audit.h"
#include "service/checkout.h"
#include "service/company.h"
#include "service/language.h"
#include "service/members.h"
#include "service/methods.h"
#include "service/orderflow.h"
#include "service/plans.h"
#include "service/reqkey.h"

/* INST-CORP: an admin reviews within 1-3 business days (the latest is
 * promised). COD-P1: the mall reviews within 1 business day. */

/* See checkout.h. */
int
checkout_method_parse(const char *s, enum pay_method *out)
{
	return pay_method_parse(s, out);
}

/* 1 if m is chosen per institution and term. */
static int
is_installment(enum pay_method m)
{
	return m == PM_INSTALLMENT_CARD || m == PM_INSTALLMENT_PARTNER ||
	    m == PM_INSTALLMENT_CORPORATE || m == PM_CREDIT_LINE;
}

/* See checkout.h. */
const struct verdict *
checkout_find_verdict(const struct checkout_quote *q, enum pay_method m,
    const char *inst)
{
	size_t i;

	for (i = 0; i < q->verdicts.n; i++) {
		if (q->verdicts.v[i].method != m)
			continue;
		if (!is_installment(m) || m == PM_CREDIT_LINE ||
		    (inst != NULL &&
		    strcmp(q->verdicts.v[i].institution, inst) == 0))
			return &q->verdicts.v[i];
	}
	return NULL;
}

/* See checkout.h. */
const struct checkout_offer *
checkout_find_offer(const struct checkout_quote *q, const char *inst,
    int term)
{
	size_t i;

	for (i = 0; i < q->noffers; i++)
		if (strcmp(q->offers[i].inst, inst) == 0 &&
		    q->offers[i].term == term)
			return &q->offers[i];
	return NULL;
}

/* See checkout.h. */
int
checkout_offer_total(const struct checkout_offer *o, struct money *out)
{
	*out = o->plan.total_cost;
	if (o->down_payment_pct > 0)
		return money_add(&o->plan.total_cost, &o->down_payment, out);
	return 0;
}

/* See checkout.h. */
const struct checkout_offer *
checkout_best_offer(const struct checkout_quote *q, enum pay_method m,
    const char *inst)
{
	const struct checkout_offer	*best = NULL, *o;
	struct money			 t, bt = { 0 };
	size_t				 i;

	for (i = 0; i < q->noffers; i++) {
		o = &q->offers[i];
		if (o->method != m || strcmp(o->inst, inst) != 0 ||
		    checkout_offer_total(o, &t) == -1)
			continue;
		if (best == NULL || t.minor < bt.minor ||
		    (t.minor == bt.minor && o->term < best->term)) {
			best = o;
			bt = t;
		}
	}
	return best;
}

/* Build offer o's plan on the amount to pay as it will run, so that the
 * disclosure is the plan the shopper gets: a corporate plan finances what
 * is left after the down payment of corp_pct percent (INST-CORP); card and
 * partner plans take their first installment on confirmation (INST-P1),
 * which moves every due date one month earlier and enters the APR as a
 * payment at time 0. Returns 0, or -1 with a message in err. */
static int
build_offer_plan(const struct checkout_quote *q, const struct institution *in,
    int64_t corp_pct, struct checkout_offer *o, char *err, size_t errsz)
{
	struct money	 principal = q->amount.amount;
	int		 down, i;

	if (o->method == PM_INSTALLMENT_CORPORATE) {
		if (money_set(&o->down_payment,
		    corp_down_payment(principal.minor, corp_pct),
		    principal.cur) == -1 ||
		    money_sub(&principal, &o->down_payment, &principal) == -1) {
			snprintf(err, errsz, "down payment out of range");
			return -1;
		}
		o->down_payment_pct = (int)corp_pct;
	}
	/* INST-M1..M4 on the amount to pay (C-03), from today. */
	if (plan_build(&principal, o->term, &in->monthly_rate,
	    in->fee_mode == FEE_UPFRONT ? PLAN_FEE_UPFRONT : PLAN_FEE_SPREAD,
	    q->live.today, &o->plan, err, errsz) == -1)
		return -1;
	down = plan_has_down_payment(o->method);
	if (down)
		/* Descending, so each step still reads the INST-M4 date. */
		for (i = o->plan.n - 1; i >= 0; i--)
			(void)plan_due_date(&o->plan, down, i,
			    &o->plan.inst[i].due);
	if (plan_apr(&o->plan, down, &o->apr_bp) == -1) {
		snprintf(err, errsz, "APR out of range");
		return -1;
	}
	return 0;
}

/* Add the plans of every eligible installment verdict to q; corp_pct is
 * the corporate down payment in percent. */
static void
build_offers(struct checkout_quote *q, int64_t corp_pct)
{
	const struct facts_live	*l = &q->live;
	const struct verdict	*v;
	const struct institution *in;
	struct checkout_offer	*o;
	size_t			 i, j, k;
	char			 err[128];

	for (i = 0; i < q->verdicts.n; i++) {
		v = &q->verdicts.v[i];
		if (!v->eligible || !is_installment(v->method) ||
		    v->institution[0] == '\0')
			continue;
		in = NULL;
		for (j = 0; j < l->f.settings.ninstitutions; j++)
			if (strcmp(l->f.settings.institutions[j].id,
			    v->institution) == 0)
				in = &l->f.settings.institutions[j];
		if (in == NULL)
			continue;
		for (k = 0; k < in->nterms; k++) {
			q->offers = xrealloc(q->offers,
			    (q->noffers + 1) * sizeof(*q->offers));
			o = &q->offers[q->noffers];
			memset(o, 0, sizeof(*o));
			o->method = v->method;
			o->term = in->terms[k];
			snprintf(o->inst, sizeof(o->inst), "%s", in->id);
			for (j = 0; j < l->ninsts; j++)
				if (strcmp(l->insts[j].id, in->id) == 0) {
					snprintf(o->inst_name,
					    sizeof(o->inst_name), "%s",
					    l->insts[j].name);
					snprintf(o->late_fee_rate,
					    sizeof(o->late_fee_rate), "%s",
					    l->insts[j].late_fee_rate);
					snprintf(o->monthly_rate,
					    sizeof(o->monthly_rate), "%s",
					    l->insts[j].monthly_rate);
				}
			o->waives_future_fees = in->waives_future_fees;
			if (build_offer_plan(q, in, corp_pct, o, err,
			    sizeof(err)) == -1) {
				log_warn("checkout: plan %s/%d: %s", in->id,
				    o->term, err);
				continue;
			}
			q->noffers++;
		}
	}
}

/* The delivery address of the checkout for in from the book rd read
 * (moved) into *p, and in with the destination country that address
 * decides into *eff (service/address.h has the rules). */
static void
checkout_address(struct db_checkout_read *rd, const struct checkout_input *in,
    struct address_pick *p, struct checkout_input *eff)
{
	*eff = *in;
	address_pick(rd->addrs, rd->naddrs, in->address_id, in->country,
	    in->country_named, p);
	rd->addrs = NULL;
	rd->naddrs = 0;
	snprintf(eff->country, sizeof(eff->country), "%s", p->country);
}

/* checkout_quote() of what db_checkout_read() read into *rd (moved into
 * *q, zeroed with its verdict list ready). */
static int
quote_from(struct db *db, struct db_checkout_read *rd,
    const struct checkout_input *in, int64_t now, struct checkout_quote *q,
    char *err, size_t errsz)
{
	struct checkout_input	eff;
	int64_t			corp_pct;
	int			rc;

	checkout_address(rd, in, &q->addr, &eff);
	rc = facts_load_read(db, &eff, now, rd, &q->live, err, errsz);
	if (rc == 1) {
		q->empty = 1;
		return 0;
	}
	if (rc == -1)
		return -1;
	q->amount_ok = amount_compute(&q->live.f, &q->amount, err, errsz) == 0;
	/* C-06: every method, every failing rule. */
	eligibility_check_all(&q->live.f, &q->verdicts);
	if (q->amount_ok && cod_fee(&q->live.f, &q->amount.amount,
	    &q->cod_fee) == 0)
		q->has_cod_fee = 1;
	if (q->amount_ok && q->amount.amount.minor > 0) {
		if (company_setting_int(db, "corp_down_payment_percent", 30,
		    &corp_pct) == -1) {
			snprintf(err, errsz, "cannot read the settings");
			return -1;
		}
		build_offers(q, corp_pct);
	}
	if (checkout_deadlines(q->live.today, q->live.holidays,
	    q->live.nholidays, q->live.remittance_window_days,
	    &q->dates) == -1) {
		snprintf(err, errsz, "date out of range");
		return -1;
	}
	return 0;
}

/* See checkout.h. */
int
checkout_quote(struct db *db, int64_t user_id, const struct checkout_input *in,
    int64_t now, struct checkout_quote *q, char *err, size_t errsz)
{
	struct db_checkout_read	rd;
	int			rc;

	memset(q, 0, sizeof(*q));
	verdict_list_init(&q->verdicts);
	/* The buyer, the cart and the address book: one statement. */
	if ((rc = db_checkout_read(db, user_id, NULL, &rd)) != 1) {
		snprintf(err, errsz, rc == 0 ? "no such user" :
		    "cannot read the buyer, cart and address book");
		return -1;
	}
	rc = quote_from(db, &rd, in, now, q, err, errsz);
	db_checkout_read_cleanup(&rd);
	return rc;
}

/* See checkout.h. */
void
checkout_quote_cleanup(struct checkout_quote *q)
{
	if (q == NULL)
		return;
	facts_load_cleanup(&q->live);
	verdict_list_cleanup(&q->verdicts);
	address_pick_cleanup(&q->addr);
	free(q->offers);
	memset(q, 0, sizeof(*q));
}

/* See checkout.h: the method's row (service/methods.c) names the page
 * that continues its orders. */
void
checkout_next_page(enum pay_method m, int64_t order_id, char *out,
    size_t outsz)
{
	const struct method_row *r = method_row(m);

	snprintf(out, outsz, "/orders/%lld%s", (long long)order_id,
	    r != NULL ? r->next : "");
}

/* The verdicts of q as JSON text (caller frees), frozen on the order. */
static char *
verdicts_json(const struct checkout_quote *q)
{
	json_t	*arr = json_array(), *o, *rs;
	char	*s;
	size_t	 i, j;

	for (i = 0; i < q->verdicts.n; i++) {
		const struct verdict *v = &q->verdicts.v[i];

		rs = json_array();
		for (j = 0; j < v->nreasons; j++)
			json_array_append_new(rs, json_pack("{s:s, s:s}",
			    "rule", v->reasons[j].rule, "message",
			    v->reasons[j].message));
		o = json_pack("{s:s, s:s, s:b, s:o}", "method",
		    pay_method_name(v->method), "institution",
		    v->institution, "eligible", v->eligible, "reasons", rs);
		json_array_append_new(arr, o);
	}
	s = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	return s != NULL ? s : xstrdup("[]");
}

/* Insert the frozen lines of the cart of q as order_id's items, in one
 * multi-row INSERT. */
static int
freeze_items(struct db *db, const struct checkout_quote *q, int64_t order_id)
{
	const struct db_cart_line *l;
	struct db_order_item_new *it;
	size_t i;
	int rc;

	it = xcalloc(q->live.nlines + 1, sizeof(*it));
	for (i = 0; i < q->live.nlines; i++) {
		l = &q->live.lines[i];
		it[i].product_id = l->product_id;
		it[i].name = l->name;
		it[i].qty = l->qty;
		/* Frozen in the settlement currency, so that the lines
		 * add up to the order's items total (C-01). */
		it[i].unit_price_minor = q->live.unit_prices[i].minor;
		it[i].currency = q->live.currency;
		it[i].durable = l->durable;
		it[i].high_value = l->high_value;
		it[i].pre_order = l->pre_order;
		it[i].customized = l->customized;
		it[i].special_customs = l->special_customs;
		it[i].pay_after_use = l->pay_after_use;
	}
	rc = db_order_items_insert(db, order_id, it, q->live.nlines);
	free(it);
	return rc;
}

/* The parameters a checkout key is claimed with (reqkey.h): what the
 * shopper chose on the form, not the cart (emptied by the order). */
static void
place_params(const struct checkout_input *in, const struct checkout_choice *ch,
    char *out, size_t outsz)
{
	snprintf(out, outsz, "place|method=%s|inst=%s|term=%d|country=%s|"
	    "coupon=%s|points=%lld|expedited=%d", ch->method, ch->inst,
	    ch->term, in->country, in->coupon, (long long)in->points,
	    in->expedited);
}

/* The answer to a key that placed order id with the parameters whose
 * hash is stored (service/reqkey.h; "" for orders placed before keys kept
 * their parameters): the same choices replay it (RES_DONE, as does an
 * order without a hash), other choices are refused (RES_KEY_CONFLICT). */
static enum result
place_replay(const struct checkout_input *in, const struct checkout_choice *ch,
    int64_t id, const char *stored, int64_t *order_id)
{
	char	params[256], h[65];

	place_params(in, ch, params, sizeof(params));
	reqkey_hash(params, h);
	if (stored[0] != '\0' && strcmp(stored, h) != 0)
		return RES_KEY_CONFLICT;
	*order_id = id;
	return RES_DONE;
}

/* INST-CORP in one step: the order just placed (id, term) is applied for
 * in the same transaction, so that no order is left without its
 * application. 0, or -1 (logged: the verdict said eligible, so a refusal
 * here is a fault). */
static int
apply_corporate(struct db *db, int64_t company_id, int64_t user_id,
    int64_t id, int term, int64_t now)
{
	char		msg[300];
	enum result	r;

	r = corp_apply_tx(db, company_id, user_id, id, term, now, msg,
	    sizeof(msg));
	if (r == RES_OK)
		return 0;
	log_warn("checkout: corporate application of order %lld refused "
	    "(%d): %s", (long long)id, (int)r, msg);
	return -1;
}

/* See checkout.h. */
int
checkout_may_place(struct db *db, int64_t user_id, int64_t company_id,
    char *msg, size_t msgsz)
{
	msg[0] = '\0';
	if (company_id <= 0)
		return 1;
	switch (member_require(db, user_id, company_id, MEMBER_ORDER, msg,
	    msgsz)) {
	case RES_OK:
		return 1;
	case RES_ERROR:
		return -1;
	default:
		return 0;
	}
}

/* The sentences of a refused placement (checkout_place()). */
static const char no_country[] = "Choose the destination country first: "
    "the available payment methods depend on it.";
static const char bad_choice[] = "Choose one of the available payment "
    "methods (and, for an installment, one of its plans).";
static const char refused[] = "The payment method you chose is not "
    "available for this order: the reasons are listed next to it. Nothing "
    "was ordered; please choose another method.";
static const char stale[] = "Your points or credit changed since this page "
    "was shown. Nothing was ordered; please check the amounts and try "
    "again.";
static const char no_address[] = "The order needs a delivery address: "
    "nothing was ordered. See the delivery address section.";

/* The choice ch against quote q (the server's own verdict decides,
 * whatever the form said): RES_OK when it may be placed, its method in
 * *m and, for an installment, its offer in *off (else NULL); otherwise
 * the refusal (RES_NOT_FOUND: the cart is empty; RES_INVALID,
 * RES_NOT_ALLOWED: with its sentence in *why). */
static enum result
place_check(const struct checkout_quote *q, const struct checkout_choice *ch,
    enum pay_method *m, const struct checkout_offer **off, const char **why)
{
	const struct verdict *v;

	*off = NULL;
	if (q->empty)
		return RES_NOT_FOUND;
	*why = bad_choice;
	if (q->live.country == NULL) {
		*why = q->addr.n == 0 ? no_address : no_country;
		return RES_INVALID;
	}
	if (checkout_method_parse(ch->method, m) == -1 || !q->amount_ok)
		return RES_INVALID;
	v = checkout_find_verdict(q, *m, ch->inst);
	if (v == NULL)
		return RES_INVALID;
	if (!v->eligible) {
		*why = refused;
		return RES_NOT_ALLOWED;
	}
	if (is_installment(*m)) {
		*off = checkout_find_offer(q, v->institution, ch->term);
		if (*off == NULL)
			return RES_INVALID;
	}
	*why = NULL;
	if (!q->addr.has) {
		*why = no_address;
		return RES_INVALID;
	}
	return RES_OK;
}

/* See checkout.h. */
const char *
checkout_bad_choice_words(void)
{
	return bad_choice;
}

/* The new order row *o of user_id (company_id, 0 none) from quote q and
 * the checked choice (method m, offer off or NULL, key of ch) at now; its
 * C-04 review and payment dates written into review and pay, and the
 * chosen address frozen with the delivery days the order promises into
 * ship, which o points to (as it points into q and ch). The verdicts and
 * the key's parameters hash are the caller's. */
static void
place_row(struct db_order_new *o, int64_t user_id, int64_t company_id,
    const struct checkout_quote *q, const struct checkout_choice *ch,
    enum pay_method m, const struct checkout_offer *off, int64_t now,
    char review[11], char pay[11], struct db_address *ship)
{
	const struct method_row *row = method_row(m);	/* m was checked */

	memset(o, 0, sizeof(*o));
	*ship = q->addr.chosen;
	ship->delivery_days = q->live.f.order.shipping.delivery_days;
	o->ship = ship;
	o->user_id = user_id;
	o->company_id = company_id;
	o->method = m;
	o->status = row->first;
	o->currency = q->live.currency;
	o->usd_per_unit = q->live.usd_per_unit;
	o->items_total_minor = q->live.items_total.minor;
	o->coupon_minor = q->live.coupon.minor;
	o->points_minor = q->live.points_amount.minor;
	o->amount_due_minor = q->amount.amount.minor;
	o->amount_usd_minor = q->amount.amount_usd.minor;
	if (m == PM_COD && q->has_cod_fee)
		o->fee_minor = q->cod_fee.minor;	/* COD-F1 */
	if (m == PM_PAY_AFTER_USE)
		/* PAU-03: placed for 0: the whole amount due is deferred
		 * and charged at receipt (amount_due stays items - coupon -
		 * points, the invariant mallpayctl check verifies). */
		o->deferred_minor = o->amount_due_minor;
	o->country = q->live.country->code;
	o->region_code = q->live.country->region_code;
	o->idempotency_key = ch->key;
	if (off != NULL) {
		o->institution_id = off->inst;
		o->term = off->term;
	}
	o->coupon_code = q->live.coupon_code;
	o->points_used = q->live.points_used;
	review[0] = pay[0] = '\0';
	/* C-04: the promised dates, as the method's row says. */
	if (row->review == MR_COD)
		mp_date_str(q->dates.cod_review_due, review, 11);
	else if (row->review == MR_CORP)
		mp_date_str(q->dates.corp_review_due, review, 11);
	else if (row->review == MR_INST)
		mp_date_str(q->dates.inst_review_due, review, 11);
	if (row->pay_by)
		mp_date_str(q->dates.remittance_due, pay, 11);
	o->review_due = review;
	o->payment_due = pay;
	o->settlement_note = q->live.settlement_note;
	o->now = now;
}

/* The answer to a points or credit update that changed rc rows: none
 * (0) means they changed meanwhile (RES_INVALID, *why says so), -1 is
 * RES_ERROR. */
static enum result
stale_or_error(int rc, const char **why)
{
	if (rc != 0)
		return RES_ERROR;
	*why = stale;
	return RES_INVALID;
}

/* What goes with new order id (row o, method m, offer off or NULL, of
 * quote q) inside the placing transaction: its items frozen, its REM-P1
 * code, the points spent, the INST-CL credit reserved, the corporate
 * application. RES_OK, RES_INVALID (points or credit changed meanwhile:
 * *why says so) or RES_ERROR; the caller rolls back on any but RES_OK. */
static enum result
place_effects(struct db *db, const struct db_order_new *o, int64_t id,
    const struct checkout_quote *q, enum pay_method m,
    const struct checkout_offer *off, int64_t now, const char **why)
{
	char	rf[RFCODE_MAX];
	int	rc;

	if (freeze_items(db, q, id) == -1)
		return RES_ERROR;
	if (m == PM_REMITTANCE) {
		/* REM-P1: a unique code with check digits. */
		if (rfcode_from_order_id((uint64_t)id, rf, sizeof(rf)) == -1 ||
		    db_order_set_rf_code(db, id, rf) == -1)
			return RES_ERROR;
	}
	if (o->points_used > 0) {
		rc = db_checkout_spend_points(db, o->user_id, o->points_used);
		if (rc != 1)
			return stale_or_error(rc, why);
	}
	if (m == PM_CREDIT_LINE) {
		/* INST-CL: the credit is reserved when the order is placed. */
		rc = db_checkout_reserve_credit(db, o->user_id,
		    o->amount_usd_minor);
		if (rc != 1)
			return stale_or_error(rc, why);
	}
	if (m == PM_INSTALLMENT_CORPORATE && apply_corporate(db,
	    o->company_id, o->user_id, id, off->term, now) == -1)
		return RES_ERROR;
	return RES_OK;
}

/* The placing of new order id (row o, offer off or NULL, amount of q,
 * verdicts json) told inside its transaction: the event with the
 * verdicts, the shopper's message, the cart emptied. 0 or -1. */
static int
place_tell(struct db *db, const struct db_order_new *o, int64_t id,
    const struct checkout_quote *q, const struct checkout_offer *off,
    const char *json, int64_t now)
{
	char		reason[200], body[512], amt[MONEY_STR_MAX], st[96];
	enum lang	prev;

	said_store(reason, sizeof(reason), off != NULL ? SAID_PLACED_AT :
	    SAID_PLACED, pay_method_name(o->method), off != NULL ? off->inst :
	    NULL, NULL);
	if (audit_event_detail(db, "order", id, OF_USER, o->user_id, NULL,
	    order_status_name(o->status), reason, json, now) == -1)
		return -1;
	/* The message in the shopper's language (read with the buyer), then
	 * the request's again. */
	prev = i18n_use(language_of_tag(q->live.buyer.language));
	money_display(&q->amount.amount, amt, sizeof(amt));
	words_status(order_status_name(o->status), st, sizeof(st));
	snprintf(body, sizeof(body), _("Your order #%lld of %s was placed with "
	    "%s. Its status is \"%s\"; the order page shows what happens "
	    "next."), (long long)id, amt,
	    words_method(pay_method_name(o->method)), st);
	snprintf(reason, sizeof(reason), _("Order #%lld placed"),
	    (long long)id);
	i18n_use(prev);
	if (db_message_insert(db, o->user_id, 0, reason, body, now) == -1)
		return -1;
	return db_checkout_clear_cart(db, o->user_id);
}

/* The body of checkout_place inside its transaction, the shopper's cart
 * locked: quote again (reading in the same statement the order ch's key
 * placed: RES_DONE, its id in *id and its parameters hash in prev),
 * check the choice, insert the order (*id) with all that goes with it.
 * RES_OK; or the refusal (its sentence in *why) or RES_ERROR, the caller
 * rolling back; *claimed 1 (and RES_ERROR) when the key was claimed
 * meanwhile by a request that did not wait. */
static enum result
place_tx(struct db *db, int64_t user_id, int64_t company_id,
    const struct checkout_input *in, const struct checkout_choice *ch,
    int64_t now, struct checkout_quote *q, int64_t *id, int *claimed,
    char prev[65], const char **why)
{
	const struct checkout_offer *off;
	struct db_checkout_read	 rd;
	struct db_order_new	 o;
	struct db_address	 ship;
	enum pay_method		 m;
	enum result		 res;
	char			 err[256], review[11], pay[11];
	char			 params[256], stored[65];
	char			*json;
	int			 rc;

	*id = 0;
	*claimed = 0;
	if (db_checkout_read(db, user_id, ch->key, &rd) != 1)
		return RES_ERROR;
	if (rd.key_order != 0) {
		*id = rd.key_order;
		snprintf(prev, 65, "%s", rd.key_params);
		db_checkout_read_cleanup(&rd);
		return RES_DONE;
	}
	rc = quote_from(db, &rd, in, now, q, err, sizeof(err));
	db_checkout_read_cleanup(&rd);
	if (rc == -1) {
		log_warn("checkout: quote: %s", err);
		return RES_ERROR;
	}
	if ((res = place_check(q, ch, &m, &off, why)) != RES_OK)
		return res;
	place_row(&o, user_id, company_id, q, ch, m, off, now, review, pay,
	    &ship);
	json = verdicts_json(q);
	o.verdicts = json;
	/* The key keeps what it asked for, on the order it claims: a
	 * resend with other choices is told apart from a double click
	 * (place_replay). */
	place_params(in, ch, params, sizeof(params));
	reqkey_hash(params, stored);
	o.params_hash = stored;
	*id = db_order_insert(db, &o);
	if (*id <= 0) {
		*claimed = *id == 0;
		res = RES_ERROR;
	} else if ((res = place_effects(db, &o, *id, q, m, off, now,
	    why)) == RES_OK && place_tell(db, &o, *id, q, off, json,
	    now) == -1)
		res = RES_ERROR;
	free(json);
	return res;
}

/* See checkout.h. */
enum result
checkout_place(struct db *db, int64_t user_id, int64_t company_id,
    const struct checkout_input *in, const struct checkout_choice *ch,
    int64_t now, struct checkout_quote *q, int64_t *order_id, char *msg,
    size_t msgsz)
{
	enum result		 res;
	const char		*why = NULL;
	char			 err[256], stored[65];
	int64_t			 id, cart_id;
	int			 rc, claimed;

	*order_id = 0;
	msg[0] = '\0';
	memset(q, 0, sizeof(*q));
	verdict_list_init(&q->verdicts);
	if ((rc = checkout_may_place(db, user_id, company_id, err,
	    sizeof(err))) != 1)
		return rc == 0 ? RES_FORBIDDEN : RES_ERROR;
	if (db_begin(db) == -1)
		return RES_ERROR;
	/* One checkout of this shopper at a time: the cart row is locked
	 * until commit, so a second request waits, then sees the key. Read
	 * nothing before the lock: the transaction's first read fixes what
	 * it sees, and it must see the order a request it waited for made. */
	if (db_cart_lock(db, user_id, now, &cart_id) == -1) {
		db_rollback(db);
		return RES_ERROR;
	}
	res = place_tx(db, user_id, company_id, in, ch, now, q, &id, &claimed,
	    stored, &why);
	if (res == RES_DONE) {
		/* A replayed key answers with the order it made (double
		 * click). */
		db_rollback(db);
		return place_replay(in, ch, id, stored, order_id);
	}
	if (res != RES_OK) {
		db_rollback(db);
		if (!claimed) {
			if (why != NULL)
				snprintf(msg, msgsz, "%s", why);
			return res;
		}
		/* Claimed meanwhile by a request that did not wait. */
		id = db_order_by_key(db, user_id, ch->key, stored,
		    sizeof(stored));
		if (id <= 0)
			return RES_ERROR;
		return place_replay(in, ch, id, stored, order_id);
	}
	if (db_commit(db) == -1)
		return RES_ERROR;
	*order_id = id;
	return RES_OK;
}

/* See checkout.h. */
void
checkout_warm(struct db *db, int64_t now)
{
	mp_date	d;
	char	day[11];

	if (mp_date_from_unix(now, &d) == -1)
		return;
	mp_date_str(d, day, sizeof(day));
	if (db_checkout_warm(db, day) == -1)
		log_warn("checkout: reference data not cached ahead: %s",
		    db_error(db));
}
