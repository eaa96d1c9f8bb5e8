/*
 * The order page and My Orders as one call each (service/order_page.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/cod.h"
#include "db/order.h"
#include "db/plan.h"
#include "db/remittance.h"
#include "rules/apr.h"
#include "rules/rfcode.h"
#include "service/cod_desk.h"
#include "service/address.h"
#include "service/corp_road.h"
#include "service/members.h"
#include "service/order_page.h"
#include "service/orders.h"

/* The plan panel of installment or credit-line order o at now from its
 * plan as the page's statement read it (pg->plan, pg->pl, pg->inst: the
 * installments are moved into out->v or freed). */
static void
plan_panel_take(const struct db_order *o, struct db_order_page *pg,
    int64_t now, struct plan_panel *out)
{
	if ((!pay_method_installment(o->method) &&
	    o->method != PM_CREDIT_LINE) || pg->plan == -1) {
		free(pg->inst);
		return;
	}
	out->shown = 1;
	out->has_plan = pg->plan == 1;
	if (out->has_plan) {
		plan_view_sums(&pg->pl, pg->inst, pg->ninst, now, &out->v);
		out->pl = out->v.p;
	} else
		free(pg->inst);
}

/* The remittance panel of remittance order o (errors leave it out). */
static void
rem_panel_load(struct db *db, const struct db_order *o, struct rem_panel *out)
{
	if (o->method != PM_REMITTANCE)
		return;
	if (db_rem_received_total(db, o->id, &out->received) == -1 ||
	    db_rem_refund_list(db, o->id, &out->rf, &out->nrf) == -1)
		return;
	out->shown = 1;
	out->has_window = o->status == OS_AWAITING_VERIFICATION &&
	    db_rem_voucher_pending(db, o->id, &out->pv) == 1 &&
	    out->pv.expected_from[0] != '\0';
}

/* order_load() of reader's order id, the shipment panel of
 * cod_panel_load() and the plan panel at now into *out, the order and all
 * but its COD row in one statement. */
static enum result
page_read(struct db *db, int64_t reader, int64_t id, int64_t now,
    struct order_page *out)
{
	struct db_order_page	 pg;
	struct order_view	*v = &out->v;
	int			 rc;

	if ((rc = db_order_page(db, reader, id, &pg)) != 1)
		return rc == 0 ? RES_NOT_FOUND : RES_ERROR;
	/* Moved: *out owns the lists. */
	v->o = pg.o;
	v->items = pg.items;
	v->nitems = pg.nitems;
	v->events = pg.events;
	v->nevents = pg.nevents;
	out->cod.has_ship = pg.has_ship;
	out->cod.sh = pg.ship;
	out->cod.tr = pg.tr;
	out->cod.ntr = pg.ntr;
	plan_panel_take(&v->o, &pg, now, &out->plan);
	if (pg.has_addr) {
		v->addr.a = pg.addr;
		if ((v->has_addr = address_named(db, &v->addr)) == -1)
			return RES_ERROR;
	}
	if (v->o.method == PM_COD)
		out->cod.has_cod = db_cod_get(db, v->o.id, 0,
		    &out->cod.cod) == 1;
	return RES_OK;
}

/* See order_page.h. */
enum result
order_page_load(struct db *db, const struct member_order *acc, int64_t id,
    int64_t now, struct order_page *out)
{
	const struct db_order	*o = &out->v.o;
	enum result	 r;

	memset(out, 0, sizeof(*out));
	out->acc = *acc;
	if (out->acc.reader == 0)
		return RES_NOT_FOUND;
	if ((r = page_read(db, out->acc.reader, id, now, out)) != RES_OK)
		return r;
	order_next_action(o->method, o->status, &out->action);
	if (o->method == PM_INSTALLMENT_CORPORATE)
		corp_next_action(db, o->id, &out->action);
	rem_panel_load(db, o, &out->rem);
	if (order_facts_load(db, o, now, out->plan.has_plan ? &out->plan.v :
	    NULL, &out->facts) == -1)
		return RES_ERROR;
	out->facts.cod_agreed = out->cod.has_cod &&
	    out->cod.cod.agreed_date[0] != '\0';
	order_panels_decide(o->method, o->status, &out->facts, &out->panels);
	/* INST-C1: what was paid is refunded, with its amount. */
	out->can_cancel = out->acc.may_act &&
	    orderflow_user_can_cancel(o->status, o->method) &&
	    order_refund_preview(db, o->method, o->status,
	    (out->panels.show & OP_CANCEL_PAID) && out->plan.has_plan ?
	    &out->plan.v : NULL, now, &out->rr) == 0;
	return RES_OK;
}

/* See order_page.h. */
void
order_page_cleanup(struct order_page *p)
{
	order_view_cleanup(&p->v);
	plan_view_cleanup(&p->plan.v);
	cod_panel_cleanup(&p->cod);
	free(p->rem.rf);
	p->rem.rf = NULL;
	p->rem.nrf = 0;
}

/* The panels of each row of l (the amount to pay, the open debt) as
 * user_id sees them, from the charges each row came with. Returns 0 or
 * -1 (out of memory). */
static int
order_list_panels(int64_t user_id, struct order_list *l)
{
	const struct db_order_row	*r;
	size_t				 i;

	l->facts = calloc(l->n, sizeof(*l->facts));
	l->panels = calloc(l->n, sizeof(*l->panels));
	if (l->facts == NULL || l->panels == NULL)
		return -1;
	for (i = 0; i < l->n; i++) {
		r = &l->rows[i].r;
		l->facts[i].total = r->amount_due.minor;
		l->facts[i].fee = r->fee.minor;
		l->facts[i].deferred = r->deferred.minor;
		order_row_facts(&l->rows[i], user_id, &l->facts[i]);
		order_panels_decide(r->method, r->status, &l->facts[i],
		    &l->panels[i]);
	}
	return 0;
}

/* See order_page.h. An action's `next` text of a corporate order is
 * valid only until the next row's (corp_next_action). */
int
order_list_load(struct db *db, const struct db_my_orders_query *q,
    struct order_list *out)
{
	const struct db_order_row	*r;
	size_t				 i;

	memset(out, 0, sizeof(*out));
	if (db_my_orders_page(db, q, &out->rows, &out->n, &out->more) == -1)
		return -1;
	if (out->n == 0)
		return 0;
	if ((out->actions = calloc(out->n, sizeof(*out->actions))) == NULL)
		return -1;
	for (i = 0; i < out->n; i++) {
		r = &out->rows[i].r;
		order_next_action(r->method, r->status, &out->actions[i]);
		if (r->method == PM_INSTALLMENT_CORPORATE)
			corp_next_action(db, r->id, &out->actions[i]);
	}
	return order_list_panels(q->user_id, out);
}

/* See order_page.h. */
void
order_list_cleanup(struct order_list *l)
{
	free(l->rows);
	free(l->actions);
	free(l->facts);
	free(l->panels);
	memset(l, 0, sizeof(*l));
}

/* See order_page.h. */
const char *
order_rf_printed(const char *rf_code, char *out, size_t outsz)
{
	if (rfcode_print(rf_code, strlen(rf_code), out, outsz) == -1)
		snprintf(out, outsz, "%s", rf_code);
	return out;
}

/* See order_page.h. */
const char *
order_apr_text(int32_t bp, char *out, size_t outsz)
{
	return apr_str(bp, out, outsz);
}

/* See order_page.h. */
int
order_rf_example(char *out, size_t outsz)
{
	char code[RFCODE_MAX];

	if (rfcode_generate("123", 3, code, sizeof(code)) == -1)
		return -1;
	return rfcode_print(code, strlen(code), out, outsz) == 0 ? 0 : -1;
}
