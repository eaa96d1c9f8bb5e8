/*
 * Unit tests of the gateway sandboxes' documented behaviour (src/gateway/:
 * bank.h test cards, finance.h decision rule, logistics.h bookings). The
 * parts that write to the database (finance submit/poll, SMS outbox) are
 * in tests/integration/test_platform.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "gateway/bank.h"
#include "gateway/finance.h"
#include "gateway/logistics.h"
#include "gateway/sms.h"

/* Review a test card through the sandbox; asserts card_ref succeeded. */
static void
review(const char *pan, struct bank_card *card, struct bank_result *res)
{
	const struct bank_gateway *b = bank_gateway_get("sandbox");
	char err[128] = "";

	assert_non_null(b);
	assert_int_equal(b->card_ref(pan, strlen(pan), "123", card, err,
	    sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_int_equal(b->review(card, 120000, "USD", 6, res), 0);
}

static void
test_INST_CC_sandbox_approving_cards(void **state)
{
	static const struct {
		const char *pan, *brand, *last4;
	} cards[] = {
		{ "4111111111111111", "visa", "1111" },
		{ "5555 5555 5555 4444", "mastercard", "4444" },
		{ "6200000000000005", "unionpay", "0005" },
	};
	struct bank_card card;
	struct bank_result res, ded, again;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cards) / sizeof(cards[0]); i++) {
		review(cards[i].pan, &card, &res);
		assert_string_equal(card.brand, cards[i].brand);
		assert_string_equal(card.last4, cards[i].last4);
		/* The reference and the token never carry the number. */
		assert_null(strstr(card.ref, "1111111"));
		assert_int_equal(res.ok, 1);
		assert_string_equal(res.reason, "");
		assert_int_equal(strncmp(res.token, "btok_", 5), 0);
		assert_int_equal(bank_sandbox.deduct(res.token, 20000, "USD",
		    "plan-1-inst-1", &ded), 0);
		assert_int_equal(ded.ok, 1);
		assert_true(ded.reference[0] != '\0');
		/* The same idempotency key: the same charge. */
		bank_sandbox.deduct(res.token, 20000, "USD", "plan-1-inst-1",
		    &again);
		assert_string_equal(ded.reference, again.reference);
		bank_sandbox.deduct(res.token, 20000, "USD", "plan-1-inst-2",
		    &again);
		assert_string_not_equal(ded.reference, again.reference);
		assert_int_equal(bank_sandbox.refund(res.token, 5000, "USD",
		    "refund-1", &again), 0);
		assert_int_equal(again.ok, 1);
	}
}

static void
test_INST_CC_sandbox_declining_cards(void **state)
{
	struct bank_card card;
	struct bank_result res;

	(void)state;
	review("4000000000000002", &card, &res);
	assert_int_equal(res.ok, 0);
	assert_string_equal(res.reason, "insufficient credit");
	assert_string_equal(res.token, "");
	review("4000000000000069", &card, &res);
	assert_int_equal(res.ok, 0);
	assert_string_equal(res.reason, "card expired");
	/* A valid number that is not a test card. */
	review("4242424242424242", &card, &res);
	assert_int_equal(res.ok, 0);
	assert_string_equal(res.reason, "card not enrolled for installments");
}

static void
test_INST_P3_sandbox_card_whose_deductions_fail(void **state)
{
	struct bank_card card;
	struct bank_result res, ded;

	(void)state;
	review("4000000000000341", &card, &res);
	assert_int_equal(res.ok, 1);
	assert_int_equal(bank_sandbox.deduct(res.token, 100, "USD", "k1",
	    &ded), 0);
	assert_int_equal(ded.ok, 0);
	assert_string_equal(ded.reason, "insufficient funds");
	assert_int_equal(bank_sandbox.deduct(res.token, 999999, "USD", "k2",
	    &ded), 0);
	assert_int_equal(ded.ok, 0);
	/* Refunds to that card still work. */
	bank_sandbox.refund(res.token, 100, "USD", "r1", &ded);
	assert_int_equal(ded.ok, 1);
}

static void
test_INST_CC_sandbox_refuses_bad_input(void **state)
{
	struct bank_card card;
	struct bank_result res;
	char err[128];

	(void)state;
	err[0] = '\0';
	/* Luhn failure, unknown brand, bad CVV: no reference at all. */
	assert_int_equal(bank_sandbox.card_ref("4111111111111112", 16, "123",
	    &card, err, sizeof(err)), -1);
	assert_true(err[0] != '\0');
	assert_null(strstr(err, "4111111111111112"));
	err[0] = '\0';
	assert_int_equal(bank_sandbox.card_ref("4111111111111111", 16, "12",
	    &card, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "CVV"));
	assert_int_equal(bank_sandbox.card_ref("4111111111111111", 16, "12a",
	    &card, err, sizeof(err)), -1);
	/* Forged references and tokens are refused. */
	memset(&card, 0, sizeof(card));
	strcpy(card.ref, "cref_a_zzzz");
	bank_sandbox.review(&card, 100, "USD", 3, &res);
	assert_int_equal(res.ok, 0);
	bank_sandbox.deduct("btok_a_0123456789abcdeX", 100, "USD", "k", &res);
	assert_int_equal(res.ok, 0);
	assert_string_equal(res.reason, "unknown card token");
	bank_sandbox.deduct("btok_a_0123456789abcdef", 0, "USD", "k", &res);
	assert_string_equal(res.reason, "invalid amount");
	bank_sandbox.deduct("btok_a_0123456789abcdef", 10, "USD", "", &res);
	assert_int_equal(res.ok, 0);
	assert_null(bank_gateway_get("acme-bank"));
	assert_null(bank_gateway_get(NULL));
}

static void
test_INST_PC_sandbox_decision_rule(void **state)
{
	char reason[128];

	(void)state;
	assert_int_equal(finance_sandbox_decide(600, 12, reason,
	    sizeof(reason)), FINANCE_APPROVED);
	assert_string_equal(reason, "");
	assert_int_equal(finance_sandbox_decide(599, 12, reason,
	    sizeof(reason)), FINANCE_DECLINED);
	assert_string_equal(reason, "credit score below 600");
	assert_int_equal(finance_sandbox_decide(800, 9, reason,
	    sizeof(reason)), FINANCE_APPROVED);
	assert_int_equal(finance_sandbox_decide(800, 24, reason,
	    sizeof(reason)), FINANCE_DECLINED);
	assert_string_equal(reason, "term not offered");
	assert_non_null(finance_gateway_get("sandbox"));
	assert_null(finance_gateway_get("other"));
}

static void
test_COD_P2_sandbox_booking(void **state)
{
	struct logistics_booking b;
	struct logistics_result r1, r2;

	(void)state;
	memset(&b, 0, sizeof(b));
	b.order_id = 42;
	strcpy(b.country, "SG");
	strcpy(b.idem_key, "ship-42");
	assert_int_equal(logistics_sandbox.book(&b, 1000, &r1), 0);
	assert_int_equal(r1.ok, 1);
	assert_string_equal(r1.carrier, "Demo Express");
	assert_int_equal(strlen(r1.tracking), 12);
	assert_int_equal(strncmp(r1.tracking, "DX", 2), 0);
	assert_int_equal(r1.eta, 1000 + 3 * 86400);
	logistics_sandbox.book(&b, 5000, &r2);
	assert_string_equal(r1.tracking, r2.tracking);
	strcpy(b.country, "GL");
	logistics_sandbox.book(&b, 1000, &r2);
	assert_int_equal(r2.eta, 1000 + 9 * 86400);
	strcpy(b.country, "sg");
	logistics_sandbox.book(&b, 1000, &r2);
	assert_int_equal(r2.ok, 0);
	assert_string_equal(r2.reason, "invalid destination");
	b.order_id = 0;
	strcpy(b.country, "SG");
	logistics_sandbox.book(&b, 1000, &r2);
	assert_int_equal(r2.ok, 0);
	assert_non_null(logistics_gateway_get("sandbox"));
	assert_non_null(sms_gateway_get("sandbox"));
	assert_null(sms_gateway_get("x"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_INST_CC_sandbox_approving_cards),
		cmocka_unit_test(test_INST_CC_sandbox_declining_cards),
		cmocka_unit_test(test_INST_P3_sandbox_card_whose_deductions_fail),
		cmocka_unit_test(test_INST_CC_sandbox_refuses_bad_input),
		cmocka_unit_test(test_INST_PC_sandbox_decision_rule),
		cmocka_unit_test(test_COD_P2_sandbox_booking),
	};

	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
