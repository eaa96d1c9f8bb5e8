/*
 * The pure parts of checkout and "My Orders": settlement currency, USD to
 * settlement conversion, coupons, points (C-01..C-03) and next actions
 * (the promised dates and refund rules are tested in test_deadlines.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/calendar.h"
#include "core/fx.h"
#include "core/money.h"
#include "service/checkout.h"
#include "service/facts.h"
#include "service/orders.h"

/* A rate from text. */
static struct money_rate
rate(const char *s)
{
	struct money_rate r;

	assert_int_equal(fx_rate_parse(s, strlen(s), &r, NULL, 0), 0);
	return r;
}

/* C-02: one currency when every line shares it, else USD. */
static void
test_C_02_settlement_currency(void **state)
{
	const char same[][4] = { "EUR", "EUR" };
	const char mixed[][4] = { "EUR", "USD", "EUR" };
	char out[4];

	(void)state;
	settle_currency(same, 2, out);
	assert_string_equal(out, "EUR");
	settle_currency(mixed, 3, out);
	assert_string_equal(out, "USD");
	settle_currency(same, 1, out);
	assert_string_equal(out, "EUR");
	settle_currency(NULL, 0, out);
	assert_string_equal(out, "USD");
}

/* C-02 backwards: a USD amount in the settlement currency, half away
 * from zero, exponents respected. */
static void
test_C_02_from_usd(void **state)
{
	struct money usd, out;
	struct money_rate eur = rate("1.08"), jpy = rate("0.0067");

	(void)state;
	money_set(&usd, 5000, "USD");
	assert_int_equal(settle_from_usd(&usd, "EUR", &eur, &out), 0);
	assert_string_equal(out.cur, "EUR");
	assert_int_equal(out.minor, 4630);	/* 46.296... */
	assert_int_equal(settle_from_usd(&usd, "JPY", &jpy, &out), 0);
	assert_int_equal(out.minor, 7463);	/* 7462.68... */
	assert_int_equal(settle_from_usd(&usd, "USD", &eur, &out), 0);
	assert_int_equal(out.minor, 5000);
	money_set(&usd, 5000, "EUR");
	assert_int_equal(settle_from_usd(&usd, "EUR", &eur, &out), -1);
	assert_int_equal(settle_from_usd(&usd, "XXX", &eur, &out), -1);
}

/* C-03: coupons (percent, fixed USD, minimum, inactive, capped). */
static void
test_C_03_coupon(void **state)
{
	struct db_coupon	 c;
	struct money		 items, usd, out;
	struct money_rate	 eur = rate("1.08"), one = rate("1");
	char			 msg[200];

	(void)state;
	memset(&c, 0, sizeof(c));
	strcpy(c.code, "WELCOME10");
	c.has_percent = 1;
	strcpy(c.percent_off, "10");
	c.min_usd_minor = 10000;
	c.active = 1;
	money_set(&items, 124900, "EUR");
	money_set(&usd, 134892, "USD");
	assert_int_equal(settle_coupon(&c, &items, &usd, &eur, &out, msg,
	    sizeof(msg)), 0);
	assert_int_equal(out.minor, 12490);
	assert_string_equal(out.cur, "EUR");
	/* Below its minimum: refused with the figures. */
	money_set(&items, 9999, "USD");
	money_set(&usd, 9999, "USD");
	assert_int_equal(settle_coupon(&c, &items, &usd, &one, &out, msg,
	    sizeof(msg)), -1);
	assert_non_null(strstr(msg, "USD 100.00"));
	assert_non_null(strstr(msg, "USD 99.99"));
	assert_int_equal(out.minor, 0);
	/* Exactly the minimum is enough. */
	money_set(&items, 10000, "USD");
	money_set(&usd, 10000, "USD");
	assert_int_equal(settle_coupon(&c, &items, &usd, &one, &out, msg,
	    sizeof(msg)), 0);
	assert_int_equal(out.minor, 1000);
	/* Fixed USD 50.00 on a EUR order. */
	c.has_percent = 0;
	c.amount_usd_minor = 5000;
	c.min_usd_minor = 0;
	money_set(&items, 124900, "EUR");
	money_set(&usd, 134892, "USD");
	assert_int_equal(settle_coupon(&c, &items, &usd, &eur, &out, msg,
	    sizeof(msg)), 0);
	assert_int_equal(out.minor, 4630);
	/* Never more than the items. */
	money_set(&items, 3000, "USD");
	money_set(&usd, 3000, "USD");
	assert_int_equal(settle_coupon(&c, &items, &usd, &one, &out, msg,
	    sizeof(msg)), 0);
	assert_int_equal(out.minor, 3000);
	/* Inactive. */
	c.active = 0;
	assert_int_equal(settle_coupon(&c, &items, &usd, &one, &out, msg,
	    sizeof(msg)), -1);
	assert_non_null(strstr(msg, "no longer valid"));
}

/* C-03: points, capped by the balance and the amount left. */
static void
test_C_03_points(void **state)
{
	struct money		 rem, amt;
	struct money_rate	 one = rate("1"), eur = rate("1.08");
	int64_t			 used;

	(void)state;
	money_set(&rem, 10000, "USD");
	assert_int_equal(settle_points(5000, 2000, &rem, &one, &used, &amt),
	    0);
	assert_int_equal(used, 2000);
	assert_int_equal(amt.minor, 2000);
	money_set(&rem, 3000, "USD");
	assert_int_equal(settle_points(50000, 50000, &rem, &one, &used,
	    &amt), 0);
	assert_int_equal(used, 3000);
	assert_int_equal(amt.minor, 3000);
	money_set(&rem, 1000, "EUR");
	assert_int_equal(settle_points(5000, 5000, &rem, &eur, &used, &amt),
	    0);
	assert_int_equal(used, 1080);
	assert_int_equal(amt.minor, 1000);
	assert_string_equal(amt.cur, "EUR");
	assert_int_equal(settle_points(0, 5000, &rem, &eur, &used, &amt), 0);
	assert_int_equal(used, 0);
	assert_int_equal(amt.minor, 0);
	assert_int_equal(settle_points(-5, 5000, &rem, &eur, &used, &amt), 0);
	assert_int_equal(used, 0);
}

/* The next action shown on "My Orders". */
static void
test_orders_next_action(void **state)
{
	struct order_action a;

	(void)state;
	order_next_action(PM_REMITTANCE, OS_AWAITING_REMITTANCE, &a);
	assert_string_equal(a.label, "Upload Remittance Voucher");
	assert_string_equal(a.href_head, "/orders/");
	assert_string_equal(a.href_tail, "/voucher");
	order_next_action(PM_REMITTANCE, OS_PARTIALLY_PAID, &a);
	assert_string_equal(a.label, "Upload Remittance Voucher");
	order_next_action(PM_INSTALLMENT_CARD, OS_PAID_INSTALLMENT, &a);
	assert_string_equal(a.label, "View repayment schedule");
	assert_string_equal(a.href_tail, "/schedule");
	/* INST-CL: the installments begin at receipt, not before. */
	order_next_action(PM_CREDIT_LINE, OS_PENDING_SHIPMENT, &a);
	assert_string_equal(a.label, "View order");
	order_next_action(PM_CREDIT_LINE, OS_RECEIPT_CONFIRMED, &a);
	assert_string_equal(a.label, "View repayment schedule");
	order_next_action(PM_PAY_AFTER_USE, OS_DELIVERED, &a);
	assert_string_equal(a.label, "Confirm receipt");
	/* cod: a delivered COD order is paid to the courier and
	 * completes on the courier's report (COD-P3), no receipt to confirm. */
	order_next_action(PM_COD, OS_DELIVERED, &a);
	assert_string_equal(a.label, "View order");
	assert_non_null(strstr(a.next, "COD-P3"));
	order_next_action(PM_INSTALLMENT_PARTNER, OS_AWAITING_CONFIRMATION, &a);
	assert_string_equal(a.label,
	    "Confirm Installment and Pay Down Payment");
	order_next_action(PM_COD, OS_AWAITING_REVIEW, &a);
	assert_string_equal(a.label, "View order");
	assert_non_null(strstr(a.next, "COD-P1"));
}

/* Method names of the form. */
static void
test_checkout_method_parse(void **state)
{
	enum pay_method m;

	(void)state;
	assert_int_equal(checkout_method_parse("cod", &m), 0);
	assert_int_equal(m, PM_COD);
	assert_int_equal(checkout_method_parse("installment_partner", &m), 0);
	assert_int_equal(m, PM_INSTALLMENT_PARTNER);
	assert_int_equal(checkout_method_parse("card", &m), -1);
	assert_int_equal(checkout_method_parse(NULL, &m), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C_02_settlement_currency),
		cmocka_unit_test(test_C_02_from_usd),
		cmocka_unit_test(test_C_03_coupon),
		cmocka_unit_test(test_C_03_points),
		cmocka_unit_test(test_orders_next_action),
		cmocka_unit_test(test_checkout_method_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
