/*
 * The order page's panels (service/order_panels.c): every (method, status)
 * pair the state machine reaches, each with the facts an order can have,
 * checked against those facts: no refund promised where nothing is
 * refunded, every refund with its amount, no "pay by" once paid or
 * cancelled, every open debt shown and owed; and the sentences the
 * shoppers found wrong, one test each.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "service/order_panels.h"
#include "service/orderflow.h"
#include "service/orders.h"

/* reach[m][s]: status s is reachable for method m through the table. */
static int	reach[PM__MAX][OS__MAX];

/* Fill reach from each method's first status along every allowed move
 * of any actor. Returns how many pairs are reachable. */
static int
walk_state_machine(void)
{
	int	m, s, t, a, grew, n = 0;

	memset(reach, 0, sizeof(reach));
	for (m = 0; m < PM__MAX; m++) {
		reach[m][orderflow_first_status((enum pay_method)m)] = 1;
		do {
			grew = 0;
			for (s = 0; s < OS__MAX; s++)
				for (t = 0; t < OS__MAX; t++)
					for (a = 0; a < OF__MAX; a++)
						if (reach[m][s] && !reach[m][t] &&
						    orderflow_allowed(
						    (enum order_status)s,
						    (enum order_status)t,
						    (enum of_actor)a,
						    (enum pay_method)m))
							reach[m][t] = grew = 1;
		} while (grew);
		for (s = 0; s < OS__MAX; s++)
			n += reach[m][s];
	}
	return n;
}

/* The facts a test order of method m can have (k-th of NFACTS). */
#define NFACTS	6
static void
facts_of(int m, int k, struct panel_facts *f)
{
	memset(f, 0, sizeof(*f));
	f->total = 12376;
	f->fee = m == PM_COD ? 300 : 0;
	f->deferred = m == PM_PAY_AFTER_USE ? 12376 : 0;
	strcpy(f->payment_due, "2027-01-02");
	f->cod_agreed = k & 1;
	if (k >= 2)
		f->paid = 9150;
	if (k >= 3) {
		f->refund = 9150;
		strcpy(f->refund_due, "2027-01-06");
	}
	if (k >= 4) {
		f->charge_kind = m == PM_COD ? OPC_COD_REFUSAL : OPC_PAU;
		f->charge = 1676;
	}
	if (k == 5) {
		f->debt = 1676;
		f->debt_id = 7;
	}
}

/* The matrix: every reachable pair with every set of facts. */
static void
test_every_reachable_pair_against_its_facts(void **state)
{
	struct panel_facts	f;
	struct order_panels	p;
	int			m, s, k, pairs = 0, paid_or_gone;

	(void)state;
	assert_int_equal(walk_state_machine(), 80);
	for (m = 0; m < PM__MAX; m++)
		for (s = 0; s < OS__MAX; s++) {
			if (!reach[m][s])
				continue;
			pairs++;
			paid_or_gone = s != OS_AWAITING_REMITTANCE &&
			    s != OS_AWAITING_VERIFICATION &&
			    s != OS_PARTIALLY_PAID;
			for (k = 0; k < NFACTS; k++) {
				facts_of(m, k, &f);
				order_panels_decide((enum pay_method)m, (enum order_status)s,
				    &f, &p);
				/* No refund promised where none is due. */
				if (f.refund == 0)
					assert_false(p.show & OP_REFUND);
				/* No "pay by" once paid or cancelled. */
				if (paid_or_gone)
					assert_false(p.show & OP_PAY_BY);
				/* A debt shown is owed, and after the
				 * fact it is what is to pay. */
				if (p.show & OP_DEBT) {
					assert_true(f.debt > 0);
					assert_int_equal(p.to_pay, f.debt);
				}
				/* The courier is owed or paid, never both. */
				assert_false((p.show & OP_COURIER_DUE) &&
				    (p.show & OP_COURIER_PAID));
				if (m != PM_COD)
					assert_false(p.show & (OP_COURIER_DUE |
					    OP_COURIER_PAID | OP_COD_DAY));
				/* The cancel note refunds only a payment. */
				if (f.paid == 0)
					assert_false(p.show & OP_CANCEL_PAID);
			}
		}
	assert_int_equal(pairs, 80);
}

/* Every open debt of an order after the fact is on its page: the Pay
 * After Use deduction that failed, the COD refusal charge. */
static void
test_every_open_debt_shown(void **state)
{
	static const struct { int m, s; } after[] = {
		{ PM_PAY_AFTER_USE, OS_RECEIPT_CONFIRMED }, { PM_PAY_AFTER_USE, OS_COMPLETED },
		{ PM_PAY_AFTER_USE, OS_RETURN_REQUESTED }, { PM_COD, OS_REFUSED },
		{ PM_COD, OS_CANCELLED },
	};
	struct panel_facts	f;
	struct order_panels	p;
	size_t			i;

	(void)state;
	walk_state_machine();
	for (i = 0; i < sizeof(after) / sizeof(after[0]); i++) {
		assert_true(reach[after[i].m][after[i].s]);
		facts_of(after[i].m, 5, &f);
		order_panels_decide((enum pay_method)after[i].m,
		    (enum order_status)after[i].s, &f, &p);
		assert_true(p.show & OP_DEBT);
		assert_true(p.show & OP_CHARGE);
		assert_int_equal(p.to_pay, 1676);
		assert_non_null(p.charge_label);
	}
}

/* INST-C1: a plan whose down payment was paid refunds it on cancelling
 * (the note with the amounts, plan_cancel_preview); one not paid yet
 * charged nothing. */
static void
test_INST_C1_cancel_note_follows_the_payment(void **state)
{
	struct panel_facts	f;
	struct order_panels	p;
	int			m;

	(void)state;
	for (m = PM_INSTALLMENT_CARD; m <= PM_INSTALLMENT_PARTNER; m++) {
		facts_of(m, 0, &f);
		order_panels_decide((enum pay_method)m, OS_AWAITING_CONFIRMATION,
		    &f, &p);
		assert_false(p.show & OP_CANCEL_PAID);
		facts_of(m, 2, &f);
		order_panels_decide((enum pay_method)m, OS_PAID_INSTALLMENT,
		    &f, &p);
		assert_true(p.show & OP_CANCEL_PAID);
		order_panels_decide((enum pay_method)m, OS_PENDING_SHIPMENT,
		    &f, &p);
		assert_true(p.show & OP_CANCEL_PAID);
		/* Cancelled: the refund line, with its amount. */
		facts_of(m, 3, &f);
		order_panels_decide((enum pay_method)m, OS_CANCELLED,
		    &f, &p);
		assert_true(p.show & OP_REFUND);
	}
}

/* REM-P6/P8: a remittance order cancelled with nothing remitted has no
 * refund and no "pay by"; a paid one no "pay by". */
static void
test_REM_P8_no_refund_nor_pay_by_when_nothing_remitted(void **state)
{
	struct panel_facts	f;
	struct order_panels	p;

	(void)state;
	facts_of(PM_REMITTANCE, 0, &f);
	strcpy(f.refund_due, "2027-01-06");
	order_panels_decide(PM_REMITTANCE, OS_CANCELLED, &f, &p);
	assert_false(p.show & (OP_REFUND | OP_PAY_BY));
	order_panels_decide(PM_REMITTANCE, OS_PAID, &f, &p);
	assert_false(p.show & OP_PAY_BY);
	order_panels_decide(PM_REMITTANCE, OS_AWAITING_REMITTANCE, &f, &p);
	assert_true(p.show & OP_PAY_BY);
}

/* PAU-04: a failed deduction is owed on the order, not "0.00". */
static void
test_PAU_04_failed_charge_is_the_amount_to_pay(void **state)
{
	struct panel_facts	f;
	struct order_panels	p;

	(void)state;
	facts_of(PM_PAY_AFTER_USE, 0, &f);
	order_panels_decide(PM_PAY_AFTER_USE, OS_DELIVERED, &f, &p);
	assert_int_equal(p.to_pay, 0);
	assert_true(p.show & OP_DEFERRED);
	f.charge_kind = OPC_PAU;
	f.charge = 6086;
	f.debt = 6086;
	order_panels_decide(PM_PAY_AFTER_USE, OS_RECEIPT_CONFIRMED, &f, &p);
	assert_int_equal(p.to_pay, 6086);
	assert_true(p.show & OP_DEBT);
	assert_false(p.show & OP_DEFERRED);
}

/* INST-CL: no repayments before receipt (the plan starts then). */
static void
test_INST_CL_no_repayment_before_receipt(void **state)
{
	struct order_action	a;

	(void)state;
	assert_false(order_panels_may(PM_CREDIT_LINE, OS_PENDING_SHIPMENT,
	    OP_REPAY));
	assert_false(order_panels_may(PM_CREDIT_LINE, OS_SHIPPED, OP_REPAY));
	assert_true(order_panels_may(PM_CREDIT_LINE, OS_RECEIPT_CONFIRMED,
	    OP_REPAY));
	order_next_action(PM_CREDIT_LINE, OS_PENDING_SHIPMENT, &a);
	assert_null(strstr(a.next, "Repay"));
	order_next_action(PM_INSTALLMENT_CARD, OS_PENDING_SHIPMENT, &a);
	assert_non_null(strstr(a.next, "Repay"));
}

/* COD-F2/P1/P3/P5: refused or rejected orders owe the courier nothing;
 * a completed one has no "end of that day" rule. */
static void
test_COD_courier_lines_follow_the_state(void **state)
{
	struct panel_facts	f;
	struct order_panels	p;

	(void)state;
	facts_of(PM_COD, 5, &f);
	order_panels_decide(PM_COD, OS_REFUSED, &f, &p);
	assert_false(p.show & (OP_COURIER_DUE | OP_COURIER_PAID));
	assert_true(p.show & OP_CHARGE);
	facts_of(PM_COD, 1, &f);
	order_panels_decide(PM_COD, OS_REFUSED, &f, &p);
	assert_false(p.show & (OP_COURIER_DUE | OP_COURIER_PAID | OP_DEBT));
	order_panels_decide(PM_COD, OS_COMPLETED, &f, &p);
	assert_true(p.show & OP_COURIER_PAID);
	assert_false(p.show & OP_COD_DAY);
	order_panels_decide(PM_COD, OS_SHIPPED, &f, &p);
	assert_true(p.show & (OP_COURIER_DUE | OP_COD_DAY));
	/* COD-P1: the review date only while the review is to come. */
	assert_false(p.show & OP_REVIEW_BY);
	order_panels_decide(PM_COD, OS_AWAITING_REVIEW, &f, &p);
	assert_true(p.show & OP_REVIEW_BY);
}

/* The names are read once; unknown ones show nothing. */
static void
test_names_and_unknowns(void **state)
{
	struct panel_facts	f;
	struct order_panels	p;
	int			i;

	(void)state;
	/* Every status of the state machine has its place in the table. */
	for (i = 0; i < OS__MAX; i++)
		assert_true(orderflow_known(order_status_name(
		    (enum order_status)i)));
	/* Values out of range show nothing and ask the whole amount. */
	facts_of(PM_REMITTANCE, 5, &f);
	order_panels_decide(PM_REMITTANCE, OS__MAX, &f, &p);
	assert_int_equal(p.show, 0);
	facts_of(PM_INSTALLMENT_CARD, 0, &f);
	order_panels_decide(PM__MAX, OS_PAID, &f, &p);
	assert_int_equal(p.show, 0);
	assert_int_equal(p.to_pay, f.total);
}

/* The amount to pay: nothing once cancelled with nothing owed, nothing
 * once the courier was paid, the rest of a partly remitted order. */
static void
test_amount_to_pay_follows_the_facts(void **state)
{
	struct panel_facts	f;
	struct order_panels	p;

	(void)state;
	facts_of(PM_REMITTANCE, 0, &f);
	order_panels_decide(PM_REMITTANCE, OS_AWAITING_REMITTANCE, &f, &p);
	assert_int_equal(p.to_pay, f.total);
	order_panels_decide(PM_REMITTANCE, OS_CANCELLED, &f, &p);
	assert_int_equal(p.to_pay, 0);
	f.paid = 10000;
	order_panels_decide(PM_REMITTANCE, OS_PARTIALLY_PAID, &f, &p);
	assert_int_equal(p.to_pay, f.total - 10000);
	facts_of(PM_COD, 0, &f);
	f.paid = f.total + f.fee;
	order_panels_decide(PM_COD, OS_COMPLETED, &f, &p);
	assert_int_equal(p.to_pay, 0);
	facts_of(PM_INSTALLMENT_CARD, 2, &f);
	order_panels_decide(PM_INSTALLMENT_CARD, OS_PENDING_SHIPMENT, &f, &p);
	assert_int_equal(p.to_pay, f.total);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_reachable_pair_against_its_facts),
		cmocka_unit_test(test_every_open_debt_shown),
		cmocka_unit_test(test_INST_C1_cancel_note_follows_the_payment),
		cmocka_unit_test(
		    test_REM_P8_no_refund_nor_pay_by_when_nothing_remitted),
		cmocka_unit_test(test_PAU_04_failed_charge_is_the_amount_to_pay),
		cmocka_unit_test(test_INST_CL_no_repayment_before_receipt),
		cmocka_unit_test(test_COD_courier_lines_follow_the_state),
		cmocka_unit_test(test_names_and_unknowns),
		cmocka_unit_test(test_amount_to_pay_follows_the_facts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
