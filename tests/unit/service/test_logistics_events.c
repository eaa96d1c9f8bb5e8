/*
 * The logistics partner's event parser (COD-P8) and the refusal rules of
 * COD-P4 / COD-F2: pure, no database.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "service/cod.h"
#include "service/logistics_events.h"

/* Parse s; returns the parser's result, field and why in the pointers. */
static int
parse(const char *s, struct lg_event *ev, const char **field)
{
	const char *why = NULL;
	int rc;

	*field = NULL;
	rc = lg_event_parse(s, strlen(s), ev, field, &why);
	if (rc == -1)
		assert_non_null(why);
	return rc;
}

/* COD-P8: each event type with its fields. */
static void
test_COD_P8_parse_each_type(void **state)
{
	struct lg_event	 ev;
	const char	*f;

	(void)state;
	assert_int_equal(parse("{\"event_id\":\"e1\",\"type\":\"shipped\","
	    "\"order_id\":42,\"carrier\":\"Demo Express\",\"tracking\":"
	    "\"DX1\"}", &ev, &f), 0);
	assert_int_equal(ev.type, LG_SHIPPED);
	assert_int_equal(ev.order_id, 42);
	assert_string_equal(ev.carrier, "Demo Express");
	assert_string_equal(ev.tracking, "DX1");
	assert_int_equal(parse("{\"event_id\":\"e2\",\"type\":"
	    "\"delivery_scheduled\",\"order_id\":1,\"date\":\"2026-12-01\"}",
	    &ev, &f), 0);
	assert_int_equal(ev.type, LG_SCHEDULED);
	assert_string_equal(ev.date, "2026-12-01");
	assert_int_equal(parse("{\"event_id\":\"e3\",\"type\":\"rescheduled\","
	    "\"order_id\":1,\"date\":\"2026-12-02\"}", &ev, &f), 0);
	assert_int_equal(ev.type, LG_RESCHEDULED);
	assert_int_equal(parse("{\"event_id\":\"e4\",\"type\":\"delivered\","
	    "\"order_id\":1}", &ev, &f), 0);
	assert_int_equal(ev.type, LG_DELIVERED);
	assert_int_equal(parse("{\"event_id\":\"e5\",\"type\":\"paid\","
	    "\"order_id\":1,\"amount\":\"477.36\",\"method\":\"mobile\","
	    "\"record_id\":\"PR-1\",\"currency\":\"USD\"}", &ev, &f), 0);
	assert_int_equal(ev.type, LG_PAID);
	assert_string_equal(ev.amount, "477.36");
	assert_int_equal(ev.method, CM_MOBILE);
	assert_string_equal(ev.record_id, "PR-1");
	assert_string_equal(ev.currency, "USD");
	assert_int_equal(parse("{\"event_id\":\"e6\",\"type\":\"refused\","
	    "\"order_id\":1,\"reason\":\"damaged\"}", &ev, &f), 0);
	assert_string_equal(ev.reason, "damaged");
	assert_string_equal(ev.shipping, "");
	assert_int_equal(parse("{\"event_id\":\"e7\",\"type\":\"refused\","
	    "\"order_id\":1,\"reason\":\"no_valid_reason\","
	    "\"round_trip_shipping\":\"12.00\"}", &ev, &f), 0);
	assert_string_equal(ev.shipping, "12.00");
	assert_int_equal(parse("{\"event_id\":\"e8\",\"type\":"
	    "\"return_received\",\"order_id\":9}", &ev, &f), 0);
	assert_int_equal(ev.type, LG_RETURN_RECEIVED);
}

/* COD-P8: a malformed body names the offending field. */
static void
test_COD_P8_parse_malformed_names_field(void **state)
{
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "", "body" },
		{ "[1,2]", "body" },
		{ "{\"event_id\":\"e\"", "body" },
		{ "{\"type\":\"delivered\",\"order_id\":1}", "event_id" },
		{ "{\"event_id\":\"\",\"type\":\"delivered\",\"order_id\":1}",
		    "event_id" },
		{ "{\"event_id\":\"e\",\"order_id\":1}", "type" },
		{ "{\"event_id\":\"e\",\"type\":\"teleported\",\"order_id\":1}",
		    "type" },
		{ "{\"event_id\":\"e\",\"type\":\"delivered\"}", "order_id" },
		{ "{\"event_id\":\"e\",\"type\":\"delivered\",\"order_id\":"
		    "\"7\"}", "order_id" },
		{ "{\"event_id\":\"e\",\"type\":\"delivered\",\"order_id\":-3}",
		    "order_id" },
		{ "{\"event_id\":\"e\",\"type\":\"shipped\",\"order_id\":1,"
		    "\"carrier\":\"X\"}", "tracking" },
		{ "{\"event_id\":\"e\",\"type\":\"rescheduled\",\"order_id\":1,"
		    "\"date\":\"2026-02-30\"}", "date" },
		{ "{\"event_id\":\"e\",\"type\":\"paid\",\"order_id\":1,"
		    "\"amount\":\"1.00\",\"method\":\"iou\",\"record_id\":\"r\"}",
		    "method" },
		{ "{\"event_id\":\"e\",\"type\":\"paid\",\"order_id\":1,"
		    "\"method\":\"cash\",\"record_id\":\"r\"}", "amount" },
		{ "{\"event_id\":\"e\",\"type\":\"paid\",\"order_id\":1,"
		    "\"amount\":\"1.00\",\"method\":\"cash\"}", "record_id" },
		{ "{\"event_id\":\"e\",\"type\":\"refused\",\"order_id\":1,"
		    "\"reason\":\"changed_my_mind\"}", "reason" },
		{ "{\"event_id\":\"e\",\"type\":\"refused\",\"order_id\":1,"
		    "\"reason\":\"no_valid_reason\"}", "round_trip_shipping" },
		{ "{\"event_id\":\"e\",\"event_id\":\"f\",\"type\":\"delivered\","
		    "\"order_id\":1}", "body" },
	};
	struct lg_event	 ev;
	const char	*f;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (parse(bad[i].body, &ev, &f) != -1)
			fail_msg("accepted: %s", bad[i].body);
		if (f == NULL || strcmp(f, bad[i].field) != 0)
			fail_msg("%s: field %s, want %s", bad[i].body,
			    f != NULL ? f : "(null)", bad[i].field);
	}
}

/* COD-P4 reasons do not count; COD-F2 "no valid reason" does. */
static void
test_COD_P4_F2_refusal_counted(void **state)
{
	enum cod_refusal r;

	(void)state;
	assert_int_equal(cod_refusal_parse("damaged", &r), 0);
	assert_false(cod_refusal_counted(r));
	assert_int_equal(cod_refusal_parse("wrong_item", &r), 0);
	assert_false(cod_refusal_counted(r));
	assert_int_equal(cod_refusal_parse("missing_items", &r), 0);
	assert_false(cod_refusal_counted(r));
	assert_int_equal(cod_refusal_parse("no_valid_reason", &r), 0);
	assert_true(cod_refusal_counted(r));
	assert_int_equal(cod_refusal_parse("bored", &r), -1);
	assert_int_equal(cod_refusal_parse(NULL, &r), -1);
	assert_string_equal(cod_refusal_name(COD_REF_WRONG_ITEM), "wrong_item");
	assert_null(cod_refusal_name(COD_REF__MAX));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_COD_P8_parse_each_type),
		cmocka_unit_test(test_COD_P8_parse_malformed_names_field),
		cmocka_unit_test(test_COD_P4_F2_refusal_counted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
