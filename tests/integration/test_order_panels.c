/*
 * The order page from one table, over HTTP: one order of each payment
 * method a shopper places through the checkout (card, partner and credit
 * line installments, cash on delivery, remittance, Pay After Use; the
 * corporate plan is in the unit test of the table) is moved into every
 * status its state machine reaches, and each time its page and My Orders
 * are rendered and checked against the order's facts as the database
 * holds them: no refund promised where nothing was paid (the order
 * carries a refund date all along), no "pay by" once paid or cancelled,
 * no courier payment on a refused or cancelled COD order, no repayments
 * on a credit line before receipt, and every open debt (a COD refusal
 * charge, a Pay After Use deduction that failed) shown with its amount on
 * the order and on My Orders. The orders are put back as they were.
 * Run by tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/clock.h"
#include "db/cod.h"
#include "db/db.h"
#include "db/order.h"
#include "db/payafter.h"
#include "db/remittance.h"
#include "service/order_panels.h"
#include "service/orderflow.h"
#include "shop.h"

#define PASSWORD	"panels-test-password-1"
#define WASHER		"HOME-WASHER-8"
#define VACUUM		"HOME-VACUUM-R5"
#define EARBUDS		"DIG-EARBUDS"
#define VISA		"4111111111111111"
#define DEBT_MINOR	1676

#define NSTATUS	OS__MAX

/* One order of the matrix. */
struct mx {
	const char	*method, *sku, *pay;
	int64_t		 id;
	char		 first[33];
	int		 reach[NSTATUS];
};

static struct mx	 mxs[] = {
	{ "installment_card", WASHER, "installment_card:harbor-bank:6", 0,
	    "", { 0 } },
	{ "installment_partner", WASHER, "installment_partner:lotus-finance:6",
	    0, "", { 0 } },
	{ "credit_line", WASHER, "credit_line:mallpay-credit:6", 0, "",
	    { 0 } },
	{ "cod", VACUUM, "cod", 0, "", { 0 } },
	{ "remittance", VACUUM, "remittance", 0, "", { 0 } },
	{ "pay_after_use", EARBUDS, "pay_after_use", 0, "", { 0 } },
};
#define NMX	(sizeof(mxs) / sizeof(mxs[0]))
static struct client	*cl;
static char		 email[128];
static int64_t		 uid;

/* Mark every status reachable from m's first one (any actor). */
static void
walk(struct mx *m)
{
	size_t		s, t;
	int		a, grew;
	enum pay_method	pm;

	assert_int_equal(pay_method_parse(m->method, &pm), 0);
	for (s = 0; s < NSTATUS; s++)
		m->reach[s] = strcmp(order_status_name((enum order_status)s), m->first) == 0;
	do {
		grew = 0;
		for (s = 0; s < NSTATUS; s++)
			for (t = 0; t < NSTATUS; t++)
				for (a = 0; a < OF__MAX; a++)
					if (m->reach[s] && !m->reach[t] &&
					    orderflow_allowed((enum order_status)s,
					    (enum order_status)t, (enum of_actor)a,
					    pm))
						m->reach[t] = grew = 1;
	} while (grew);
}

/* Put order id into status with a refund date (the promise a
 * cancellation stores), as a fixture. */
static void
force(int64_t id, const char *status, const char *refund_due)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "UPDATE orders SET status = '%s', "
	    "refund_due = %s%s%s WHERE id = %lld", status,
	    refund_due ? "'" : "", refund_due ? refund_due : "NULL",
	    refund_due ? "'" : "", (long long)id);
	shop_sql(sql);
}

/* What the database says was paid into, refunded from and is owed on
 * order id (paid: plan, remittance, Pay After Use, COD debts). */
struct facts {
	int64_t	paid, owed;
};

static void
facts_of(const struct mx *m, struct facts *f)
{
	struct db_pau_charge	 c;
	struct db_debt		*d;
	size_t			 n, i;

	struct db_cod		 cod;

	memset(f, 0, sizeof(*f));
	if (db_cod_get(shop_db(), m->id, 0, &cod) == 1 &&
	    cod.paid_reported_at > 0)
		f->paid = 1;
	if (strcmp(m->method, "remittance") == 0)
		assert_int_equal(db_rem_received_total(shop_db(), m->id,
		    &f->paid), 0);
	if (db_pau_charge_get(shop_db(), m->id, 0, &c) == 1 &&
	    c.status == CH_OPEN)
		f->owed += c.amount_minor + c.late_fee_minor - c.paid_minor;
	assert_int_equal(db_debt_list(shop_db(), uid, &d, &n), 0);
	for (i = 0; i < n; i++)
		if (d[i].order_id == m->id && d[i].settled_at == 0)
			f->owed += d[i].amount_minor;
	free(d);
}

/* The page of m in status s against its facts; the My Orders row too. */
static void
check_pair(const struct mx *m, const char *s)
{
	struct client_resp	 r;
	struct facts		 f;
	char			 path[64], want[96], *row, *rowend;
	int			 unpaid_rem;

	facts_of(m, &f);
	snprintf(path, sizeof(path), "/orders/%lld", (long long)m->id);
	shop_get(cl, path, &r);
	if (r.status != 200)
		fail_msg("%s in %s: %ld", m->method, s, r.status);
	/* No refund promised where nothing was paid. */
	if (f.paid == 0 && client_has(&r, "id=\"refund-due\""))
		fail_msg("%s in %s: a refund with nothing paid", m->method, s);
	if (client_has(&r, "Refund by"))
		fail_msg("%s in %s: a refund line without its amount",
		    m->method, s);
	/* No "pay by" once paid or cancelled. */
	unpaid_rem = strcmp(s, "awaiting_remittance") == 0 ||
	    strcmp(s, "awaiting_verification") == 0 ||
	    strcmp(s, "partially_paid") == 0;
	if (!unpaid_rem && client_has(&r, "id=\"payment-due\""))
		fail_msg("%s in %s: \"pay by\"", m->method, s);
	if ((strcmp(s, "refused") == 0 || strcmp(s, "cancelled") == 0) &&
	    (client_has(&r, "you pay the courier") ||
	    client_has(&r, "Paid to the courier")))
		fail_msg("%s in %s: the courier is to be paid", m->method, s);
	if (strcmp(m->method, "credit_line") == 0 &&
	    strcmp(s, "receipt_confirmed") != 0 &&
	    strcmp(s, "completed") != 0 &&
	    client_has(&r, "Repay each installment"))
		fail_msg("credit line in %s: repayments before receipt", s);
	if (f.owed > 0) {
		snprintf(want, sizeof(want), "id=\"order-debt\">USD %lld.%02lld",
		    (long long)(f.owed / 100), (long long)(f.owed % 100));
		if (!client_has(&r, want))
			fail_msg("%s in %s: no open debt shown", m->method, s);
	} else if (client_has(&r, "id=\"order-debt\""))
		fail_msg("%s in %s: a debt with nothing owed", m->method, s);
	client_resp_cleanup(&r);
	/* My Orders: the row of the order shows its debt. */
	shop_get(cl, "/orders", &r);
	assert_int_equal(r.status, 200);
	snprintf(want, sizeof(want), "data-order-id=\"%lld\"",
	    (long long)m->id);
	row = strstr(r.body, want);
	assert_non_null(row);
	rowend = strstr(row, "</tr>");
	assert_non_null(rowend);
	snprintf(want, sizeof(want), "id=\"debt-%lld\"", (long long)m->id);
	if ((f.owed > 0) != (strstr(row, want) != NULL &&
	    strstr(row, want) < rowend))
		fail_msg("%s in %s: My Orders and the debt disagree",
		    m->method, s);
	client_resp_cleanup(&r);
}

/* An open debt on m's order (the charge of its method after the fact),
 * as the refusal or the failed deduction records it. */
static void
add_debt(const struct mx *m)
{
	struct db_pau_charge c;

	if (strcmp(m->method, "cod") == 0) {
		assert_int_equal(db_debt_add(shop_db(), uid, m->id,
		    "cod_refusal", DEBT_MINOR, "USD", "round trip and fee",
		    clock_now()), 0);
		return;
	}
	memset(&c, 0, sizeof(c));
	c.order_id = m->id;
	c.user_id = uid;
	c.status = CH_OPEN;
	snprintf(c.currency, sizeof(c.currency), "USD");
	c.amount_minor = DEBT_MINOR;
	snprintf(c.due_date, sizeof(c.due_date), "2026-01-01");
	c.created_at = c.updated_at = clock_now();
	assert_int_equal(db_pau_charge_insert(shop_db(), &c), 1);
}

/* Remove the debt fixtures of m. */
static void
drop_debt(const struct mx *m)
{
	char sql[160];

	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE order_id = %lld",
	    strcmp(m->method, "cod") == 0 ? "account_debts" : "pau_charges",
	    (long long)m->id);
	shop_sql(sql);
}

/* The matrix: every reachable (method, status) of the shopper's methods,
 * without and (after the fact) with an open debt. */
static void
test_every_reachable_pair_rendered_against_facts(void **state)
{
	size_t			 i, s;
	int			 pairs = 0, debts = 0, after;

	(void)state;
	shop_register(email, sizeof(email), "panels", "Pia Panels", PASSWORD);
	uid = shop_user_id(email);
	{
		char sql[160];

		/* The credit line of INST-CL. */
		snprintf(sql, sizeof(sql), "UPDATE users SET phone = "
		    "'+60 12 345 6789', credit_limit_usd_minor = 1500000 "
		    "WHERE id = %lld", (long long)uid);
		shop_sql(sql);
	}
	shop_credit_score(email, 700);
	cl = client_new();
	assert_int_equal(client_signin(cl, email, PASSWORD), 303);
	assert_int_equal(shop_bind_pau_card(cl, VISA, NULL), 303);
	for (i = 0; i < NMX; i++) {
		struct mx *m = &mxs[i];

		m->id = shop_place_one(cl, email, m->sku, m->pay,
		    strcmp(m->pay, "cod") == 0 ? NULL : m->pay, m->method,
		    NULL, 0);
		snprintf(m->first, sizeof(m->first), "%s",
		    shop_status(m->id));
		walk(m);
		for (s = 0; s < NSTATUS; s++) {
			if (!m->reach[s])
				continue;
			pairs++;
			force(m->id, order_status_name((enum order_status)s), "2027-01-06");
			check_pair(m, order_status_name((enum order_status)s));
			after = (strcmp(m->method, "cod") == 0 &&
			    (strcmp(order_status_name((enum order_status)s), "refused") == 0 ||
			    strcmp(order_status_name((enum order_status)s), "cancelled") == 0)) ||
			    (strcmp(m->method, "pay_after_use") == 0 &&
			    (strcmp(order_status_name((enum order_status)s), "receipt_confirmed") == 0 ||
			    strcmp(order_status_name((enum order_status)s), "completed") == 0));
			if (!after)
				continue;
			add_debt(m);
			check_pair(m, order_status_name((enum order_status)s));
			drop_debt(m);
			debts++;
		}
		force(m->id, m->first, NULL);
	}
	print_message("order panels: %d (method, status) pairs rendered, "
	    "%d of them with an open debt\n", pairs, debts);
	assert_true(pairs >= 60);
	assert_int_equal(debts, 4);
	client_free(cl);
}

/* Put every order placed back as it was, also after a failure: its
 * first status, no refund date, no debt fixture. */
static int
restore(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NMX; i++) {
		if (mxs[i].id <= 0)
			continue;
		force(mxs[i].id, mxs[i].first, NULL);
		drop_debt(&mxs[i]);
	}
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(
		    test_every_reachable_pair_rendered_against_facts, restore),
	};
	int rc;

	shop_init();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	shop_end();
	return rc;
}
