/*
 * The order state machine (service/orderflow.c): every allowed transition
 * of the table and a sample of refused ones, the first statuses, and the
 * shopper's cancellation and receipt rights.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "service/methods.h"
#include "service/orderflow.h"

/* The status named s, OS__MAX for an unknown name or NULL. */
static enum order_status
st(const char *s)
{
	enum order_status o = OS__MAX;

	(void)order_status_parse(s, &o);
	return o;
}

/* The method named s, PM__MAX for an unknown name. */
static enum pay_method
pm(const char *s)
{
	enum pay_method m = PM__MAX;

	(void)pay_method_parse(s, &m);
	return m;
}

#define U	(1 << OF_USER)
#define A	(1 << OF_ADMIN)
#define S	(1 << OF_SYSTEM)
#define P	(1 << OF_PARTNER)

/* Every allowed (from, to, actor, method) with the actors allowed. */
static const struct {
	const char	*from, *to, *method;
	int		 actors;
} allowed[] = {
	{ "awaiting_review", "awaiting_confirmation", "installment_card", S | P | A },
	{ "awaiting_review", "awaiting_confirmation", "installment_corporate", S | P | A },
	{ "awaiting_review", "pending_shipment", "cod", A | S },
	{ "awaiting_review", "refused", "cod", A | S | P },
	{ "awaiting_review", "refused", "installment_partner", A | S | P },
	{ "awaiting_review", "cancelled", "cod", U | A | S },
	{ "awaiting_confirmation", "paid_installment", "installment_card", U | S | P },
	/* INST-CORP down payment recorded by an admin. */
	{ "awaiting_confirmation", "paid_installment", "installment_corporate", U | S | P | A },
	{ "awaiting_confirmation", "cancelled", "installment_partner", U | A | S },
	{ "paid_installment", "pending_shipment", "installment_card", S | A },
	{ "paid_installment", "cancelled", "installment_corporate", U | A },
	{ "awaiting_remittance", "awaiting_verification", "remittance", U },
	{ "awaiting_remittance", "cancelled", "remittance", U | A | S },
	/* statement receipts before a voucher (REM-P5, REM-P7). */
	{ "awaiting_remittance", "paid", "remittance", A },
	{ "awaiting_remittance", "partially_paid", "remittance", A },
	{ "awaiting_verification", "paid", "remittance", A },
	{ "awaiting_verification", "partially_paid", "remittance", A },
	{ "awaiting_verification", "awaiting_remittance", "remittance", A },
	{ "awaiting_verification", "cancelled", "remittance", U | A | S },
	{ "partially_paid", "awaiting_verification", "remittance", U },
	{ "partially_paid", "paid", "remittance", A },
	{ "partially_paid", "cancelled", "remittance", U | A | S },
	{ "paid", "pending_shipment", "remittance", A | S },
	{ "paid", "cancelled", "remittance", U | A },
	{ "pending_shipment", "shipped", "pay_after_use", A | P },
	{ "pending_shipment", "cancelled", "credit_line", U | A | S },
	{ "shipped", "delivered", "cod", A | P },
	{ "shipped", "refused", "cod", A | P },
	{ "shipped", "cancelled", "cod", A | P | S },
	{ "delivered", "refused", "cod", A | P },
	{ "delivered", "completed", "cod", A | P },
	{ "delivered", "cancelled", "cod", A | P | S },	/* COD-P4/P5 */
	{ "delivered", "receipt_confirmed", "pay_after_use", U | S },
	{ "delivered", "receipt_confirmed", "credit_line", U | S },
	{ "delivered", "return_requested", "remittance", U },
	{ "receipt_confirmed", "completed", "credit_line", S | A | P },
	{ "receipt_confirmed", "return_requested", "installment_card", U },
	{ "completed", "return_requested", "cod", U },
	{ "return_requested", "returned", "cod", A | P },
	{ "return_requested", "completed", "remittance", A },
	{ "returned", "refunded", "installment_card", A | S },
	{ "cancelled", "refunded", "remittance", A | S },
	{ "cancelled", "refunded", "installment_card", A | S },
};

/* Each allowed row holds for exactly its actors. */
static void
test_orderflow_every_allowed(void **state)
{
	size_t	i;
	int	a;

	(void)state;
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		for (a = 0; a < OF__MAX; a++) {
			int want = (allowed[i].actors & (1 << a)) != 0;

			if (orderflow_allowed(st(allowed[i].from),
			    st(allowed[i].to),
			    (enum of_actor)a, pm(allowed[i].method)) != want)
				fail_msg("%s -> %s by %s (%s): want %d",
				    allowed[i].from, allowed[i].to,
				    of_actor_name((enum of_actor)a),
				    allowed[i].method, want);
		}
}

/* A sample of refused moves: skipping payment, going back, other methods'
 * states, terminal states, unknown names. */
static void
test_orderflow_refused_sample(void **state)
{
	(void)state;
	/* A shopper cannot mark a remittance paid (REM-P5 is the admin's). */
	assert_false(orderflow_allowed(OS_AWAITING_VERIFICATION, OS_PAID,
	    OF_USER, PM_REMITTANCE));
	/* Nothing ships before payment. */
	assert_false(orderflow_allowed(OS_AWAITING_REMITTANCE, OS_SHIPPED,
	    OF_ADMIN, PM_REMITTANCE));
	assert_false(orderflow_allowed(OS_AWAITING_REVIEW, OS_SHIPPED,
	    OF_ADMIN, PM_COD));
	/* COD is not reviewed into awaiting_confirmation. */
	assert_false(orderflow_allowed(OS_AWAITING_REVIEW,
	    OS_AWAITING_CONFIRMATION, OF_SYSTEM, PM_COD));
	/* An installment is not approved straight to pending shipment. */
	assert_false(orderflow_allowed(OS_AWAITING_REVIEW, OS_PENDING_SHIPMENT,
	    OF_ADMIN, PM_INSTALLMENT_CARD));
	/* No cancelling after shipment by the shopper. */
	assert_false(orderflow_allowed(OS_SHIPPED, OS_CANCELLED, OF_USER,
	    PM_COD));
	assert_false(orderflow_allowed(OS_SHIPPED, OS_CANCELLED, OF_USER,
	    PM_REMITTANCE));
	/* Terminal states stay. */
	assert_false(orderflow_allowed(OS_CANCELLED, OS_PENDING_SHIPMENT,
	    OF_ADMIN, PM_COD));
	assert_false(orderflow_allowed(OS_REFUNDED, OS_CANCELLED, OF_ADMIN,
	    PM_REMITTANCE));
	assert_false(orderflow_allowed(OS_COMPLETED, OS_SHIPPED, OF_ADMIN,
	    PM_COD));
	/* Only COD completes straight from delivered. */
	assert_false(orderflow_allowed(OS_DELIVERED, OS_COMPLETED, OF_PARTNER,
	    PM_PAY_AFTER_USE));
	/* COD-P3: a COD order completes on the courier's payment report,
	 * never on a receipt confirmation (cod). */
	assert_false(orderflow_allowed(OS_DELIVERED, OS_RECEIPT_CONFIRMED,
	    OF_USER, PM_COD));
	/* A partner cannot confirm receipt for the shopper. */
	assert_false(orderflow_allowed(OS_DELIVERED, OS_RECEIPT_CONFIRMED,
	    OF_PARTNER, PM_PAY_AFTER_USE));
	/* Unknown names. */
	assert_false(orderflow_allowed(st("placed"), OS_PAID, OF_ADMIN,
	    PM_REMITTANCE));
	assert_false(orderflow_allowed(OS_PAID, OS_SHIPPED, OF_ADMIN,
	    pm("card")));
	assert_false(orderflow_allowed(OS_PAID, OS_SHIPPED, OF_ADMIN,
	    PM__MAX));
	assert_false(orderflow_allowed(OS__MAX, OS_PAID, OF_ADMIN,
	    PM_REMITTANCE));
	assert_false(orderflow_allowed(OS_PAID, OS_PENDING_SHIPMENT, OF__MAX,
	    PM_REMITTANCE));
	/* Nothing goes to the same state. */
	assert_false(orderflow_allowed(OS_PAID, OS_PAID, OF_ADMIN,
	    PM_REMITTANCE));
}

/* First statuses per method (RULES process sections, PAU-03, INST-CL). */
static void
test_orderflow_first_status(void **state)
{
	(void)state;
	assert_int_equal(orderflow_first_status(PM_INSTALLMENT_CARD),
	    OS_AWAITING_REVIEW);
	assert_int_equal(orderflow_first_status(PM_INSTALLMENT_PARTNER),
	    OS_AWAITING_REVIEW);
	assert_int_equal(orderflow_first_status(PM_INSTALLMENT_CORPORATE),
	    OS_AWAITING_REVIEW);
	assert_int_equal(orderflow_first_status(PM_CREDIT_LINE),
	    OS_PENDING_SHIPMENT);
	assert_int_equal(orderflow_first_status(PM_COD), OS_AWAITING_REVIEW);
	assert_int_equal(orderflow_first_status(PM_REMITTANCE),
	    OS_AWAITING_REMITTANCE);
	assert_int_equal(orderflow_first_status(PM_PAY_AFTER_USE),
	    OS_PENDING_SHIPMENT);
	assert_int_equal(orderflow_first_status(PM__MAX), OS__MAX);
}

/* One row per method (service/methods.c): every method has one, with a
 * first status the state machine knows and its next page under the
 * order; the review and payment days checkout promises (C-04); receipt
 * does something for Pay After Use (PAU-03/04) and the credit line
 * (INST-CL) only. Out of range: no row. */
static void
test_method_rows(void **state)
{
	const struct method_row	*r;
	int			 m;

	(void)state;
	for (m = 0; m < PM__MAX; m++) {
		r = method_row((enum pay_method)m);
		assert_non_null(r);
		assert_true(r->first < OS__MAX);
		assert_non_null(r->next);
		assert_true(r->next[0] == '\0' || r->next[0] == '/');
		assert_int_equal(r->receipt != NULL, m == PM_PAY_AFTER_USE ||
		    m == PM_CREDIT_LINE);
		assert_int_equal(r->pay_by, m == PM_REMITTANCE);
	}
	assert_null(method_row(PM__MAX));
	assert_int_equal(method_row(PM_COD)->review, MR_COD);
	assert_int_equal(method_row(PM_INSTALLMENT_CORPORATE)->review,
	    MR_CORP);
	assert_int_equal(method_row(PM_INSTALLMENT_CARD)->review, MR_INST);
	assert_int_equal(method_row(PM_INSTALLMENT_PARTNER)->review, MR_INST);
	assert_int_equal(method_row(PM_PAY_AFTER_USE)->review, MR_NONE);
	assert_string_equal(method_row(PM_INSTALLMENT_CARD)->next, "/card");
	assert_string_equal(method_row(PM_REMITTANCE)->next, "/remittance");
}

/* Every status of the table is a known status, and every method has a
 * first status that is known. */
static void
test_orderflow_names(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
		assert_true(orderflow_known(allowed[i].from));
		assert_true(orderflow_known(allowed[i].to));
	}
	for (i = 0; i < PM__MAX; i++)
		assert_true(orderflow_known(order_status_name(
		    orderflow_first_status((enum pay_method)i))));
	assert_false(orderflow_known("placed"));
	assert_string_equal(of_actor_name(OF_PARTNER), "partner");
	assert_null(of_actor_name(OF__MAX));
}

/* The shopper cancels before shipment where the method allows it
 * (INST-C1, REM-P8, COD), never after. */
static void
test_orderflow_user_cancel(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < PM__MAX; i++) {
		assert_true(orderflow_user_can_cancel(orderflow_first_status(
		    (enum pay_method)i), (enum pay_method)i));
		assert_false(orderflow_user_can_cancel(OS_SHIPPED,
		    (enum pay_method)i));
		assert_false(orderflow_user_can_cancel(OS_DELIVERED,
		    (enum pay_method)i));
	}
	assert_true(orderflow_user_can_cancel(OS_PAID, PM_REMITTANCE));
	assert_true(orderflow_user_can_cancel(OS_PAID_INSTALLMENT,
	    PM_INSTALLMENT_CARD));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_orderflow_every_allowed),
		cmocka_unit_test(test_orderflow_refused_sample),
		cmocka_unit_test(test_orderflow_first_status),
		cmocka_unit_test(test_method_rows),
		cmocka_unit_test(test_orderflow_names),
		cmocka_unit_test(test_orderflow_user_cancel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
