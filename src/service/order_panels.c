/*
 * The panels of an order page from the payment methods' rows
 * (service/methods.c) and the order's facts (service/order_panels.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "db/cod.h"
#include "db/my_orders.h"
#include "db/order.h"
#include "db/payafter.h"
#include "db/remittance.h"
#include "service/methods.h"
#include "service/order_panels.h"
#include "service/plans.h"

/* The panels of method m's row (service/methods.c) that may apply in
 * status s. */
static unsigned
table_panels(enum pay_method m, enum order_status s)
{
	const struct method_row	*r = method_row(m);
	unsigned		 bits = 0;
	size_t			 i;

	if (r == NULL || (unsigned)s >= OS__MAX)
		return 0;
	for (i = 0; i < METHOD_PANELS_MAX && r->panels[i].panels != 0; i++)
		if ((r->panels[i].statuses & (1u << s)) != 0)
			bits |= r->panels[i].panels;
	return bits;
}

/* See order_panels.h. */
int
order_panels_may(enum pay_method method, enum order_status status,
    unsigned panel)
{
	return (table_panels(method, status) & panel) != 0;
}

/* The "Amount to pay" of method m in status s with table panels t and
 * facts f. */
static int64_t
amount_to_pay(enum pay_method m, enum order_status s, unsigned t,
    const struct panel_facts *f)
{
	int64_t left;

	/* After the fact, or once the order is closed, what is owed is the
	 * open charge, if any. */
	if ((t & OP_CHARGE) || s == OS_CANCELLED || s == OS_REFUSED ||
	    s == OS_RETURNED || s == OS_REFUNDED)
		return f->debt;
	/* PAU-03: the deferred part is due at receipt, not now. */
	left = f->total - f->deferred;
	/* COD and remittance: what the courier or the post office has
	 * received is paid (REM-P7: the rest is still due). */
	if (m == PM_COD || m == PM_REMITTANCE)
		left -= f->paid;
	return left > 0 ? left : 0;
}

/* See order_panels.h. */
void
order_panels_decide(enum pay_method method, enum order_status status,
    const struct panel_facts *f, struct order_panels *out)
{
	unsigned	t = table_panels(method, status);
	unsigned	show = 0;

	memset(out, 0, sizeof(*out));
	if ((t & OP_PAY_BY) && f->payment_due[0] != '\0')
		show |= OP_PAY_BY;
	if ((t & OP_REFUND) && f->refund > 0)
		show |= OP_REFUND;
	show |= t & (OP_COURIER_DUE | OP_COURIER_PAID | OP_REPAY |
	    OP_REVIEW_BY);
	if ((t & OP_COD_DAY) && f->cod_agreed)
		show |= OP_COD_DAY;
	if ((t & OP_DEFERRED) && f->deferred > 0)
		show |= OP_DEFERRED;
	if ((t & OP_CHARGE) && f->charge > 0)
		show |= OP_CHARGE;
	if ((t & OP_DEBT) && f->debt > 0)
		show |= OP_DEBT;
	if ((t & OP_CANCEL_PAID) && f->paid > 0)
		show |= OP_CANCEL_PAID;
	out->show = show;
	out->to_pay = amount_to_pay(method, status, t, f);
	out->courier = f->total + f->fee;
	if (f->charge_kind == OPC_PAU)
		out->charge_label = f->debt > 0 ? _("Deduction at receipt "
		    "failed: overdue") : _("Charged to your bound card at "
		    "receipt");
	else if (f->charge_kind == OPC_COD_REFUSAL)
		out->charge_label = _("Refusal charge (round-trip shipping "
		    "and service fee)");
}

/* The plan's paid total and refund of installment order o into f: from
 * *pv when not NULL, else read. */
static int
plan_facts(struct db *db, const struct db_order *o, int64_t now,
    const struct plan_view *pv, struct panel_facts *f)
{
	struct plan_view	v;
	enum result	r;

	if (pv != NULL) {
		f->paid = pv->paid_total;
		if (pv->p.has_refund)
			f->refund = pv->p.refund;
		return 0;
	}
	r = plan_load_sums(db, o->user_id, o->id, now, &v);
	if (r == RES_OK)
		plan_facts(db, o, now, &v, f);
	plan_view_cleanup(&v);
	return r == RES_OK || r == RES_NOT_FOUND ? 0 : -1;
}

/* Received and refunded amounts of remittance order o into f. */
static int
rem_facts(struct db *db, const struct db_order *o, struct panel_facts *f)
{
	struct db_rem_refund	*rf;
	size_t			 n, i;

	if (db_rem_received_total(db, o->id, &f->paid) == -1 ||
	    db_rem_refund_list(db, o->id, &rf, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(rf[i].kind, "cancel") == 0)
			f->refund += rf[i].amount_minor;
	free(rf);
	/* REM-P8: what was remitted is refunded, also before the tick
	 * records the refund. */
	if (f->refund == 0 && o->status == OS_CANCELLED)
		f->refund = f->paid;
	return 0;
}

/* Pay After Use charge c into f. */
static void
pau_charge_facts(const struct db_pau_charge *c, struct panel_facts *f)
{
	f->charge_kind = OPC_PAU;
	f->charge = c->amount_minor + c->late_fee_minor;
	f->paid = c->paid_minor;
	if (c->status == CH_OPEN && f->charge > c->paid_minor)
		f->debt = f->charge - c->paid_minor;
}

/* The COD refusal charges of order_id among the n debts d into f. */
static void
cod_debt_facts(const struct db_debt *d, size_t n, int64_t order_id,
    struct panel_facts *f)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (d[i].order_id != order_id)
			continue;
		f->charge_kind = OPC_COD_REFUSAL;
		f->charge += d[i].amount_minor;
		if (d[i].settled_at <= 0) {
			f->debt += d[i].amount_minor;
			f->debt_id = d[i].id;
		}
	}
}

/* The Pay After Use charge of order o into f. */
static int
pau_facts(struct db *db, const struct db_order *o, struct panel_facts *f)
{
	struct db_pau_charge	c;
	int			rc;

	if ((rc = db_pau_charge_get(db, o->id, 0, &c)) != 1)
		return rc;
	pau_charge_facts(&c, f);
	return 0;
}

/* The COD refusal charge of order o (account_debts) into f. */
static int
cod_facts(struct db *db, const struct db_order *o, struct panel_facts *f)
{
	struct db_cod	 c;
	struct db_debt	*d;
	size_t		 n;
	int		 rc;

	/* COD-P3: paid once the courier reported the payment. */
	if ((rc = db_cod_get(db, o->id, 0, &c)) == -1)
		return -1;
	if (rc == 1 && c.paid_reported_at > 0)
		f->paid = o->amount_due_minor + o->fee_minor;
	if (db_debt_list(db, o->user_id, &d, &n) == -1)
		return -1;
	cod_debt_facts(d, n, o->id, f);
	free(d);
	return 0;
}

/* See order_panels.h. */
int
order_facts_load(struct db *db, const struct db_order *o, int64_t now,
    const struct plan_view *plan, struct panel_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->total = o->amount_due_minor;
	f->fee = o->fee_minor;
	f->deferred = o->deferred_minor;
	memcpy(f->payment_due, o->payment_due, sizeof(f->payment_due) - 1);
	memcpy(f->refund_due, o->refund_due, sizeof(f->refund_due) - 1);
	switch (o->method) {
	case PM_INSTALLMENT_CARD:
	case PM_INSTALLMENT_PARTNER:
	case PM_INSTALLMENT_CORPORATE:
	case PM_CREDIT_LINE:
		return plan_facts(db, o, now, plan, f);
	case PM_REMITTANCE:
		return rem_facts(db, o, f);
	case PM_PAY_AFTER_USE:
		if (pau_facts(db, o, f) == -1)
			return -1;
		break;
	case PM_COD:
		if (cod_facts(db, o, f) == -1)
			return -1;
		break;
	default:
		return 0;
	}
	/* COD-P7, PAU: goods returned get back the price paid for them
	 * (cod_return.c), once it was paid. */
	if ((o->status == OS_RETURNED || o->status == OS_REFUNDED) &&
	    f->paid > 0 && f->debt == 0)
		f->refund = o->amount_due_minor + o->deferred_minor;
	return 0;
}

/* See order_panels.h. */
int
order_panels_load(struct db *db, int64_t id, int64_t now,
    struct order_panels *p)
{
	struct db_order		o;
	struct panel_facts	f;
	int			rc;

	memset(p, 0, sizeof(*p));
	if ((rc = db_order_get(db, 0, id, &o)) != 1)
		return rc;
	if (order_facts_load(db, &o, now, NULL, &f) == -1)
		return -1;
	order_panels_decide(o.method, o.status, &f, p);
	return 1;
}

/* See order_panels.h. */
void
order_row_facts(const struct db_my_order *r, int64_t viewer,
    struct panel_facts *f)
{
	struct db_pau_charge c;

	if (r->user_id != viewer)
		return;
	if (r->has_pau) {
		memset(&c, 0, sizeof(c));
		c.amount_minor = r->pau_charge;
		c.paid_minor = r->pau_paid;
		c.status = r->pau_open ? CH_OPEN : CH_PAID;
		pau_charge_facts(&c, f);
	}
	if (r->cod_charge > 0) {
		f->charge_kind = OPC_COD_REFUSAL;
		f->charge += r->cod_charge;
		f->debt += r->cod_debt;
		f->debt_id = r->cod_debt_id;
	}
}
