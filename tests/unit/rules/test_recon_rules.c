/*
 * Reconciliation with the partners (RULES C-09): the settlement report's
 * line format (gateway/books.h), the matching of a report with the ledger
 * (rules/recon.h), and the bank sandbox keeping its own books through the
 * store hook.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/buf.h"
#include "core/clock.h"
#include "gateway/bank.h"
#include "gateway/books.h"
#include "gateway/finance.h"
#include "rules/recon.h"

/* The day of "YYYY-MM-DD". */
static mp_date
D(const char *s)
{
	mp_date d;

	assert_int_equal(mp_date_parse(s, strlen(s), &d), 0);
	return d;
}

/* An item of day, reference, amount (signed) in USD. */
static struct recon_item
I(const char *day, const char *ref, int64_t amount)
{
	struct recon_item it;

	memset(&it, 0, sizeof(it));
	it.day = D(day);
	snprintf(it.reference, sizeof(it.reference), "%s", ref);
	memcpy(it.currency, "USD", 4);
	it.amount = amount;
	return it;
}

static void
test_C09_same_books_no_difference(void **state)
{
	struct recon_item rep[] = { I("2026-12-03", "plan1-down", 12150),
	    I("2026-12-03", "plan2-refund", -5000),
	    I("2026-12-03", "DX0000000001", 72900) };
	struct recon_item led[] = { I("2026-12-03", "DX0000000001", 72900),
	    I("2026-12-03", "plan2-refund", -5000),
	    I("2026-12-03", "plan1-down", 12150) };
	struct recon_diff *d;
	size_t n;

	(void)state;
	assert_int_equal(recon_match(D("2026-12-03"), rep, 3, led, 3, &d, &n),
	    0);
	assert_int_equal(n, 0);
	assert_null(d);
	assert_int_equal(recon_match(D("2026-12-03"), NULL, 0, NULL, 0, &d,
	    &n), 0);
	assert_int_equal(n, 0);
}

static void
test_C09_each_kind_of_difference(void **state)
{
	struct recon_item rep[] = { I("2026-12-03", "a-charged-only", 100),
	    I("2026-12-03", "c-both", 300), I("2026-12-03", "d-same", 400) };
	struct recon_item led[] = { I("2026-12-03", "b-ledger-only", 200),
	    I("2026-12-03", "c-both", 299), I("2026-12-03", "d-same", 400) };
	struct recon_diff *d;
	size_t n;

	(void)state;
	assert_int_equal(recon_match(D("2026-12-03"), rep, 3, led, 3, &d, &n),
	    0);
	assert_int_equal(n, 3);
	assert_string_equal(d[0].reference, "a-charged-only");
	assert_int_equal(d[0].kind, RECON_NOT_RECORDED);
	assert_int_equal(d[0].partner_amount, 100);
	assert_int_equal(d[0].ledger_amount, 0);
	assert_string_equal(d[1].reference, "b-ledger-only");
	assert_int_equal(d[1].kind, RECON_NOT_CHARGED);
	assert_int_equal(d[1].partner_amount, 0);
	assert_int_equal(d[1].ledger_amount, 200);
	assert_string_equal(d[2].reference, "c-both");
	assert_int_equal(d[2].kind, RECON_AMOUNT_DIFFERS);
	assert_int_equal(d[2].partner_amount, 300);
	assert_int_equal(d[2].ledger_amount, 299);
	assert_string_equal(recon_diff_name(d[2].kind), "amount_differs");
	assert_int_equal(recon_diff_parse("not_charged"), RECON_NOT_CHARGED);
	assert_int_equal(recon_diff_parse("nonsense"), -1);
	free(d);
}

/* A charge the ledger reversed (two lines netting 0) is money the partner
 * holds that the ledger does not: the amounts differ. The same reference
 * in two currencies is two groups. */
static void
test_C09_reversal_and_currency(void **state)
{
	struct recon_item rep[] = { I("2026-12-03", "k1", 500),
	    I("2026-12-03", "k2", 700) };
	struct recon_item led[] = { I("2026-12-03", "k1", 500),
	    I("2026-12-03", "k1", -500), I("2026-12-03", "k2", 700) };
	struct recon_diff *d;
	size_t n;

	(void)state;
	memcpy(led[2].currency, "EUR", 4);
	assert_int_equal(recon_match(D("2026-12-03"), rep, 2, led, 3, &d, &n),
	    0);
	assert_int_equal(n, 3);
	assert_int_equal(d[0].kind, RECON_AMOUNT_DIFFERS);
	assert_int_equal(d[0].ledger_amount, 0);
	assert_string_equal(d[1].currency, "EUR");
	assert_int_equal(d[1].kind, RECON_NOT_CHARGED);
	assert_string_equal(d[2].currency, "USD");
	assert_int_equal(d[2].kind, RECON_NOT_RECORDED);
	free(d);
}

/* Booked at 23:59 by the partner and 00:00 next day by the ledger: no
 * difference on either day; a difference of another day is not this
 * day's. */
static void
test_C09_midnight_and_other_days(void **state)
{
	struct recon_item rep[] = { I("2026-12-03", "late", 100),
	    I("2026-12-04", "tomorrow", 50) };
	struct recon_item led[] = { I("2026-12-04", "late", 100) };
	struct recon_diff *d;
	size_t n;

	(void)state;
	assert_int_equal(recon_match(D("2026-12-03"), rep, 2, led, 1, &d, &n),
	    0);
	assert_int_equal(n, 0);
	assert_int_equal(recon_match(D("2026-12-04"), rep, 2, led, 1, &d, &n),
	    0);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].reference, "tomorrow");
	free(d);
}

/* The post office's window (N = 5 days): a remittance the ledger recorded
 * on day L (a voucher approved) and the statement does not list yet is
 * awaiting the statement, not a difference, from L to L+4; on day L+5,
 * still not on the statement, it is a difference (not charged); once its
 * line arrives (here on L+3) the two match. */
static void
test_C09_remittance_in_transit_then_a_difference(void **state)
{
	struct recon_item led[] = { I("2026-12-01", "RF18539007547034", 45900) };
	struct recon_item rep[] = { I("2026-12-04", "RF18539007547034", 45900) };
	struct recon_diff *d;
	size_t n;
	int k;

	(void)state;
	/* Within the window, no statement line yet: awaiting. */
	for (k = 0; k < 5; k++) {
		assert_int_equal(recon_match_window(D("2026-12-01") + k, 5,
		    NULL, 0, led, 1, &d, &n), 0);
		assert_int_equal(n, 1);
		assert_int_equal(d[0].kind, RECON_AWAITING);
		assert_int_equal(d[0].ledger_amount, 45900);
		assert_int_equal(d[0].partner_amount, 0);
		free(d);
	}
	/* Past the window: a difference, judged on the day it ended. */
	assert_int_equal(recon_match_window(D("2026-12-06"), 5, NULL, 0, led,
	    1, &d, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].kind, RECON_NOT_CHARGED);
	free(d);
	/* Without a window (the bank's books) it is a difference at once. */
	assert_int_equal(recon_match(D("2026-12-01"), NULL, 0, led, 1, &d,
	    &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].kind, RECON_NOT_CHARGED);
	free(d);
	/* The statement line arrives on day 4: nothing to say, on the
	 * voucher's day, the line's day or when the window ends. */
	assert_int_equal(recon_match_window(D("2026-12-04"), 5, rep, 1, led, 1,
	    &d, &n), 0);
	assert_int_equal(n, 0);
	assert_null(d);
	assert_int_equal(recon_match_window(D("2026-12-06"), 5, rep, 1, led, 1,
	    &d, &n), 0);
	assert_int_equal(n, 0);
}

/* A second remittance of an order (REM-P7, paid in two): the first is on
 * the statement, the second, approved two days later, is in transit for
 * exactly its amount; a statement line of another amount is a
 * difference, as is a line the ledger never recorded. */
static void
test_C09_second_remittance_in_transit(void **state)
{
	struct recon_item led[] = { I("2026-12-01", "RF1", 20000),
	    I("2026-12-03", "RF1", 25900) };
	struct recon_item rep[] = { I("2026-12-02", "RF1", 20000),
	    I("2026-12-03", "RF2", 1000) };
	struct recon_item bad[] = { I("2026-12-02", "RF1", 19000) };
	struct recon_diff *d;
	size_t n;

	(void)state;
	assert_int_equal(recon_match_window(D("2026-12-03"), 5, rep, 2, led, 2,
	    &d, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(d[0].reference, "RF1");
	assert_int_equal(d[0].kind, RECON_AWAITING);
	assert_int_equal(d[0].ledger_amount - d[0].partner_amount, 25900);
	assert_string_equal(d[1].reference, "RF2");
	assert_int_equal(d[1].kind, RECON_NOT_RECORDED);
	free(d);
	/* The first line says 190.00 where the ledger says 200.00. */
	assert_int_equal(recon_match_window(D("2026-12-02"), 5, bad, 1, led, 1,
	    &d, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].kind, RECON_AMOUNT_DIFFERS);
	free(d);
	assert_string_equal(recon_diff_name(RECON_AWAITING),
	    "awaiting_statement");
	assert_int_equal(recon_diff_parse("awaiting_statement"),
	    RECON_AWAITING);
}

static void
test_C09_report_line_round_trip(void **state)
{
	struct partner_line l, back;
	struct buf b;
	char err[128];

	(void)state;
	memset(&l, 0, sizeof(l));
	l.day = D("2026-12-03");
	snprintf(l.partner, sizeof(l.partner), "bank");
	snprintf(l.reference, sizeof(l.reference), "plan12-i2-abc");
	l.op = PARTNER_REFUND;
	l.amount = 15667;
	memcpy(l.currency, "USD", 4);
	buf_init(&b);
	assert_int_equal(partner_line_format(&l, &b), 0);
	assert_string_equal(buf_str(&b),
	    "2026-12-03,bank,plan12-i2-abc,refund,156.67,USD\n");
	assert_int_equal(partner_line_parse(b.data, b.len - 1, &back, err,
	    sizeof(err)), 0);
	assert_int_equal(back.day, l.day);
	assert_string_equal(back.reference, l.reference);
	assert_int_equal(back.op, PARTNER_REFUND);
	assert_int_equal(back.amount, 15667);
	assert_int_equal(partner_op_sign(back.op), -1);
	buf_reset(&b);
	l.op = PARTNER_COLLECTION;
	l.amount = 1500;
	memcpy(l.currency, "JPY", 4);
	assert_int_equal(partner_line_format(&l, &b), 0);
	assert_string_equal(buf_str(&b),
	    "2026-12-03,bank,plan12-i2-abc,collection,1500,JPY\n");
	/* A reference with a comma or a space cannot be written. */
	buf_reset(&b);
	snprintf(l.reference, sizeof(l.reference), "a,b");
	assert_int_equal(partner_line_format(&l, &b), -1);
	snprintf(l.reference, sizeof(l.reference), "a b");
	assert_int_equal(partner_line_format(&l, &b), -1);
	buf_cleanup(&b);
}

/* Each bad report line is refused with its line number. */
static void
test_C09_report_parse_refuses_bad_lines(void **state)
{
	static const char *const bad[] = {
		"2026-12-03,bank,k,charge,1,000.00,USD",
		"2026-12-03,bank,k,charge,-5.00,USD",
		"2026-12-03,bank,k,charge,0.00,USD",
		"2026-12-03,bank,k,charge,5.001,USD",
		"2026-12-03,bank,k,payment,5.00,USD",
		"2026-13-03,bank,k,charge,5.00,USD",
		"2026-12-03,bank,,charge,5.00,USD",
		"2026-12-03,bank,k,charge,5.00,US",
		"2026-12-03,bank,k,charge,5.00",
	};
	struct partner_line *l;
	char text[256], err[128];
	size_t n, i;

	(void)state;
	snprintf(text, sizeof(text), "%s\r\n2026-12-03,bank,k,charge,5.00,USD"
	    "\r\n\r\n2026-12-04,bank,k2,settlement,7.5,EUR\n",
	    PARTNER_REPORT_HEADER);
	assert_int_equal(partner_report_parse(text, strlen(text), &l, &n, err,
	    sizeof(err)), 0);
	assert_int_equal(n, 2);
	assert_int_equal(l[1].amount, 750);
	assert_int_equal(l[1].op, PARTNER_SETTLEMENT);
	free(l);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(text, sizeof(text), "%s\n%s\n", PARTNER_REPORT_HEADER,
		    bad[i]);
		assert_int_equal(partner_report_parse(text, strlen(text), &l,
		    &n, err, sizeof(err)), -1);
		assert_null(l);
		assert_non_null(strstr(err, "line 2:"));
	}
	assert_int_equal(partner_report_parse("x\n", 2, &l, &n, err,
	    sizeof(err)), -1);
	assert_int_equal(partner_report_parse("", 0, &l, &n, err,
	    sizeof(err)), -1);
}

/* ---- the bank sandbox's own books through the store hook ------------- */

static struct partner_line	kept[8];
static int			nkept, store_fails;

static int
store_record(const struct partner_line *l)
{
	if (store_fails || nkept == 8)
		return -1;
	kept[nkept++] = *l;
	return 0;
}

static int
store_report(const char *partner, mp_date day, struct buf *out)
{
	(void)partner;
	(void)day;
	buf_puts(out, PARTNER_REPORT_HEADER "\n");
	return 0;
}

static const struct partner_books test_store = { store_record, store_report };

/* A review's token for pan (approved). */
static void
token_of(const char *pan, char *tok)
{
	struct bank_card card;
	struct bank_result res;
	char err[128];

	assert_int_equal(bank_sandbox.card_ref(pan, strlen(pan), "123", &card,
	    err, sizeof(err)), 0);
	assert_int_equal(bank_sandbox.review(&card, 10000, "USD", 3, &res), 0);
	assert_int_equal(res.ok, 1);
	memcpy(tok, res.token, BANK_REF_MAX);
}

static void
test_C09_bank_sandbox_keeps_its_books(void **state)
{
	struct bank_result res;
	char tok[BANK_REF_MAX], failing[BANK_REF_MAX];

	(void)state;
	token_of("4111111111111111", tok);
	token_of("4000000000000341", failing);
	clock_set_fixed(1796342399);		/* 2026-12-03T23:59:59Z */
	partner_books_set(&test_store);
	nkept = store_fails = 0;
	assert_int_equal(bank_sandbox.deduct(tok, 15667, "USD", "plan8-i2",
	    &res), 0);
	assert_int_equal(res.ok, 1);
	assert_int_equal(bank_sandbox.refund(tok, 500, "USD", "plan8-refund",
	    &res), 0);
	assert_int_equal(res.ok, 1);
	/* A declined deduction moved nothing: nothing recorded. */
	assert_int_equal(bank_sandbox.deduct(failing, 100, "USD", "x-1", &res),
	    0);
	assert_int_equal(res.ok, 0);
	assert_int_equal(nkept, 2);
	assert_string_equal(kept[0].partner, PARTNER_BANK);
	assert_string_equal(kept[0].reference, "plan8-i2");
	assert_int_equal(kept[0].op, PARTNER_CHARGE);
	assert_int_equal(kept[0].amount, 15667);
	assert_string_equal(kept[0].currency, "USD");
	assert_int_equal(kept[0].day, D("2026-12-03"));
	assert_int_equal(kept[1].op, PARTNER_REFUND);
	assert_string_equal(kept[1].reference, "plan8-refund");
	/* Books that cannot be written: the bank is unreachable. */
	store_fails = 1;
	assert_int_equal(bank_sandbox.deduct(tok, 100, "USD", "plan8-i3",
	    &res), -1);
	assert_int_equal(res.ok, 0);
	partner_books_set(NULL);
	clock_set_fixed(0);
	/* Without a store, the sandbox answers as before. */
	assert_int_equal(bank_sandbox.deduct(tok, 100, "USD", "plan8-i3",
	    &res), 0);
	assert_int_equal(res.ok, 1);
}

/* The finance sandbox's collections and refunds go into its own books. */
static void
test_C09_finance_sandbox_keeps_its_books(void **state)
{
	char why[128];

	(void)state;
	clock_set_fixed(1796342399);		/* 2026-12-03T23:59:59Z */
	partner_books_set(&test_store);
	nkept = store_fails = 0;
	assert_int_equal(finance_sandbox.collect("fin_1", 12733, "USD",
	    "plan5-i2-k", why, sizeof(why)), 0);
	assert_int_equal(finance_sandbox.refund("fin_1", 400, "USD",
	    "plan5-refund", why, sizeof(why)), 0);
	assert_int_equal(finance_sandbox.collect("fin_1", 0, "USD", "plan5-x",
	    why, sizeof(why)), -1);
	assert_int_equal(nkept, 2);
	assert_string_equal(kept[0].partner, PARTNER_FINANCE);
	assert_string_equal(kept[0].reference, "plan5-i2-k");
	assert_int_equal(kept[0].op, PARTNER_COLLECTION);
	assert_int_equal(kept[0].amount, 12733);
	assert_int_equal(kept[1].op, PARTNER_REFUND);
	store_fails = 1;
	assert_int_equal(finance_sandbox.collect("fin_1", 100, "USD",
	    "plan5-i3-k", why, sizeof(why)), -1);
	assert_string_equal(why, "the finance partner is unavailable");
	partner_books_set(NULL);
	clock_set_fixed(0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_C09_same_books_no_difference),
		cmocka_unit_test(test_C09_each_kind_of_difference),
		cmocka_unit_test(test_C09_reversal_and_currency),
		cmocka_unit_test(test_C09_midnight_and_other_days),
		cmocka_unit_test(test_C09_remittance_in_transit_then_a_difference),
		cmocka_unit_test(test_C09_second_remittance_in_transit),
		cmocka_unit_test(test_C09_report_line_round_trip),
		cmocka_unit_test(test_C09_report_parse_refuses_bad_lines),
		cmocka_unit_test(test_C09_bank_sandbox_keeps_its_books),
		cmocka_unit_test(test_C09_finance_sandbox_keeps_its_books),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
