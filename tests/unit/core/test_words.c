/*
 * Words, not codes: display names of methods, statuses, reasons and card
 * brands, counts with the noun in its number, codes in free text.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/said.h"
#include "core/words.h"

static void
test_words_names(void **state)
{
	char st[40];

	(void)state;
	assert_string_equal(words_method("pay_after_use"), "Pay After Use");
	assert_string_equal(words_method("cod"), "Cash on delivery");
	assert_string_equal(words_method(""), "Not chosen yet");
	words_status("pending_shipment", st, sizeof(st));
	assert_string_equal(st, "Pending shipment");
	words_status("paid_installment", st, sizeof(st));
	assert_string_equal(st, "Paid (Installment)");
	assert_string_equal(words_reason("no_valid_reason"),
	    "No valid reason");
	assert_string_equal(words_reason("insufficient funds"),
	    "insufficient funds");
	assert_string_equal(words_card_brand("visa"), "Visa");
	assert_string_equal(words_card_brand("mastercard"), "Mastercard");
	assert_string_equal(words_card_brand(""), "card");
}

static void
test_words_count_plurals(void **state)
{
	char b[32];

	(void)state;
	words_count(b, sizeof(b), 1, "day", "days");
	assert_string_equal(b, "1 day");
	words_count(b, sizeof(b), 2, "day", "days");
	assert_string_equal(b, "2 days");
	words_count(b, sizeof(b), 0, "installment", "installments");
	assert_string_equal(b, "0 installments");
}

static void
test_words_text_replaces_codes(void **state)
{
	char b[160];

	(void)state;
	words_text("checkout: placed with installment_partner at "
	    "lotus-finance", "lotus-finance", "Lotus Consumer Finance", b,
	    sizeof(b));
	assert_string_equal(b, "checkout: placed with Installment (finance "
	    "partner) at Lotus Consumer Finance");
	words_text("Its status is \"pending_shipment\"; paid by visa; "
	    "remittance; no_valid_reason", NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "Its status is \"Pending shipment\"; paid by "
	    "Visa; remittance; No valid reason");
	/* Cut at the buffer's end, always terminated. */
	words_text("pay_after_use", NULL, NULL, b, 6);
	assert_string_equal(b, "Pay A");
}

/* A fixed sentence stored as its code and figures reads as the sentence
 * with its figures put in (codes among them in words); any other text
 * reads as words_text() gives it. */
static void
test_said_round_trip(void **state)
{
	char st[200], b[300];

	(void)state;
	said_store(st, sizeof(st), SAID_SHIPPED, "Demo Express", "DX1", NULL);
	assert_string_equal(st, "{shipped}\tDemo Express\tDX1");
	said_text(st, NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "Shipped with Demo Express, tracking number "
	    "DX1.");
	said_store(st, sizeof(st), SAID_PLACED_AT, "installment_partner",
	    "lotus-finance", NULL);
	said_text(st, "lotus-finance", "Lotus Consumer Finance", b, sizeof(b));
	assert_string_equal(b, "Placed with Installment (finance partner) at "
	    "Lotus Consumer Finance.");
	said_store(st, sizeof(st), SAID_REFUSED_VALID, "wrong_item", NULL,
	    NULL);
	said_text(st, NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "Refused on inspection (Wrong item): cancelled "
	    "at no cost to the shopper; not counted against cash on delivery "
	    "permission (COD-P4).");
	said_store(st, sizeof(st), SAID_DELIVERED, NULL, NULL, NULL);
	said_text(st, NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "Delivered to the shopper.");
	said_text("{nothing} typed by a partner", NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "{nothing} typed by a partner");
	said_text("{shipped}", NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "Shipped with , tracking number .");
	said_track_kind("delivery_scheduled", b, sizeof(b));
	assert_string_equal(b, "Delivery agreed");
	said_track_kind("shipped", b, sizeof(b));
	assert_string_equal(b, "Shipped");
}

/* Every sentence reads with its figures put in and no placeholder left,
 * under a name of its own; the figures of a remittance, installment and
 * admin sentence in place. */
static void
test_said_every_sentence(void **state)
{
	char	st[SAID_LEN], b[600];
	int	i, j;

	(void)state;
	for (i = 0; i < SAID__MAX; i++) {
		said_store(st, sizeof(st), (enum said)i, "F1", "F2", "F3");
		said_text(st, NULL, NULL, b, sizeof(b));
		if (strchr(b, '{') != NULL || strchr(b, '}') != NULL ||
		    b[0] == '\0')
			fail_msg("%s reads \"%s\"", said_name((enum said)i), b);
		for (j = 0; j < i; j++)
			assert_string_not_equal(said_name((enum said)i),
			    said_name((enum said)j));
	}
	said_store(st, sizeof(st), SAID_INST_CORP_DOWN, "USD 72.90",
	    "TT-2026-1", NULL);
	assert_string_equal(st, "{inst_corp_down}\tUSD 72.90\tTT-2026-1");
	said_text(st, NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "Down payment of USD 72.90 received by bank "
	    "transfer TT-2026-1 (INST-CORP).");
	said_store(st, sizeof(st), SAID_REM_WINDOW_ENDED, NULL, NULL, NULL);
	assert_string_equal(st, "{rem_window_ended}");
	said_store(st, sizeof(st), SAID_ADMIN_CANCELLED, "duplicate order",
	    NULL, NULL);
	said_text(st, NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "Cancelled by an admin: duplicate order.");
	said_store(st, sizeof(st), SAID_RECEIPT_CONFIRMED, NULL, NULL, NULL);
	said_text(st, NULL, NULL, b, sizeof(b));
	assert_string_equal(b, "Receipt confirmed by the shopper.");
}

/* Whether s is among the n sentences of v. */
static int
said_in(enum said s, const enum said *v, size_t n)
{
	while (n-- > 0)
		if (v[n] == s)
			return 1;
	return 0;
}

/* The sentences whose words hold a query, case-insensitively; none for
 * fewer than 3 bytes. */
static void
test_said_matching(void **state)
{
	enum said	v[SAID__MAX];
	size_t		n;

	(void)state;
	n = said_matching("payment WINDOW", v, SAID__MAX);
	assert_int_equal(n, 1);
	assert_int_equal(v[0], SAID_REM_WINDOW_ENDED);
	n = said_matching("refund was sent", v, SAID__MAX);
	assert_true(said_in(SAID_REM_REFUND_SENT, v, n));
	assert_true(said_in(SAID_COD_REFUND_SENT, v, n));
	assert_false(said_in(SAID_SHIPPED, v, n));
	assert_int_equal(said_matching("REM-P9", v, SAID__MAX), 1);
	assert_int_equal(v[0], SAID_REM_REJECTED);
	assert_int_equal(said_matching("no such words here", v, SAID__MAX), 0);
	assert_int_equal(said_matching("in", v, SAID__MAX), 0);
	assert_int_equal(said_matching("the", v, 2), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_names),
		cmocka_unit_test(test_words_count_plurals),
		cmocka_unit_test(test_words_text_replaces_codes),
		cmocka_unit_test(test_said_round_trip),
		cmocka_unit_test(test_said_every_sentence),
		cmocka_unit_test(test_said_matching),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
