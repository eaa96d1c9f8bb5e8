/*
 * Order statuses and payment methods as types (core/order_status.h,
 * core/pay_method.h): every value's stored name reads back as that value,
 * and a name that is none of them is refused where the database's strings
 * are read.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/order_status.h"
#include "core/pay_method.h"

/* Names that are no status and no method: near misses of real ones. */
static const char *const unknown[] = {
	"", "placed", "Paid", "paid ", " paid", "PENDING_SHIPMENT",
	"awaiting", "installment", "card", "COD", "cod\n", "refunded2",
};

/* Every status: name -> parse gives it back, names are distinct. */
static void
test_order_status_round_trip(void **state)
{
	enum order_status	 got;
	const char		*name;
	int			 i, j;

	(void)state;
	for (i = 0; i < OS__MAX; i++) {
		name = order_status_name((enum order_status)i);
		assert_non_null(name);
		got = OS__MAX;
		assert_int_equal(order_status_parse(name, &got), 0);
		assert_int_equal(got, i);
		for (j = 0; j < i; j++)
			assert_string_not_equal(name,
			    order_status_name((enum order_status)j));
	}
	assert_string_equal(order_status_name(OS_PENDING_SHIPMENT),
	    "pending_shipment");
	assert_string_equal(order_status_name(OS_AWAITING_REVIEW),
	    "awaiting_review");
	assert_string_equal(order_status_name(OS_REFUNDED), "refunded");
}

/* An unknown name (or NULL) is refused and leaves *out alone; values out
 * of range have no name. */
static void
test_order_status_unknown_refused(void **state)
{
	enum order_status	 got;
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		got = OS_SHIPPED;
		if (order_status_parse(unknown[i], &got) != -1)
			fail_msg("\"%s\" was taken for a status", unknown[i]);
		assert_int_equal(got, OS_SHIPPED);
	}
	got = OS_SHIPPED;
	assert_int_equal(order_status_parse(NULL, &got), -1);
	assert_int_equal(got, OS_SHIPPED);
	assert_null(order_status_name(OS__MAX));
	assert_null(order_status_name((enum order_status)-1));
}

/* Every method: name -> parse gives it back. */
static void
test_pay_method_round_trip(void **state)
{
	enum pay_method	 got;
	const char	*name;
	int		 i, j;

	(void)state;
	for (i = 0; i < PM__MAX; i++) {
		name = pay_method_name((enum pay_method)i);
		assert_non_null(name);
		got = PM__MAX;
		assert_int_equal(pay_method_parse(name, &got), 0);
		assert_int_equal(got, i);
		for (j = 0; j < i; j++)
			assert_string_not_equal(name,
			    pay_method_name((enum pay_method)j));
	}
	assert_string_equal(pay_method_name(PM_COD), "cod");
	assert_string_equal(pay_method_name(PM_INSTALLMENT_CARD),
	    "installment_card");
}

/* An unknown method name (or NULL) is refused and leaves *out alone. */
static void
test_pay_method_unknown_refused(void **state)
{
	enum pay_method	 got;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		got = PM_REMITTANCE;
		if (pay_method_parse(unknown[i], &got) != -1)
			fail_msg("\"%s\" was taken for a method", unknown[i]);
		assert_int_equal(got, PM_REMITTANCE);
	}
	assert_int_equal(pay_method_parse(NULL, &got), -1);
	assert_null(pay_method_name(PM__MAX));
	assert_null(pay_method_name((enum pay_method)-1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_status_round_trip),
		cmocka_unit_test(test_order_status_unknown_refused),
		cmocka_unit_test(test_pay_method_round_trip),
		cmocka_unit_test(test_pay_method_unknown_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
