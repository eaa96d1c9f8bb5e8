/*
 * The pure parts of service/payafter.c: the bounded retries of an open
 * debt (PAU-04), the guarantee totals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "core/money.h"
#include "service/payafter.h"

/* Seconds of date y-m-d at hh:mm UTC. */
static int64_t
at(int y, int m, int d, int hh, int mm)
{
	mp_date day;

	assert_int_equal(mp_date_from_ymd(y, m, d, &day), 0);
	return mp_date_to_unix(day) + hh * 3600 + mm * 60;
}

/* PAU-04: retries bounded per day and spaced. */
static void
test_PAU_04_retries_bounded_per_day(void **state)
{
	struct db_pau_charge	c;
	mp_date			today;
	int64_t			now = at(2026, 4, 2, 9, 0);

	(void)state;
	assert_int_equal(mp_date_from_ymd(2026, 4, 2, &today), 0);
	memset(&c, 0, sizeof(c));
	c.status = CH_OPEN;
	strcpy(c.tries_day, "2026-04-01");
	c.tries_on_day = 2;
	c.next_try_at = now - 1;
	/* A new day: allowed although yesterday's tries were used. */
	assert_int_equal(payafter_may_retry(&c, today, now, 2), 1);
	strcpy(c.tries_day, "2026-04-02");
	c.tries_on_day = 1;
	assert_int_equal(payafter_may_retry(&c, today, now, 2), 1);
	c.tries_on_day = 2;
	assert_int_equal(payafter_may_retry(&c, today, now, 2), 0);
	c.tries_on_day = 0;
	c.next_try_at = now + 60;	/* spaced: not yet */
	assert_int_equal(payafter_may_retry(&c, today, now, 2), 0);
	c.next_try_at = 0;
	c.status = CH_PAID;	/* nothing to retry */
	assert_int_equal(payafter_may_retry(&c, today, now, 2), 0);
}

/* The guarantee totals per currency: payouts and recoveries apart. */
static void
test_PAU_04_guarantee_totals(void **state)
{
	struct db_pau_guarantee	g[4];
	struct pau_total	t[4];
	size_t			n;

	(void)state;
	memset(g, 0, sizeof(g));
	strcpy(g[0].kind, "payout");
	strcpy(g[0].currency, "USD");
	g[0].amount_minor = g[0].amount_usd_minor = 12900;
	strcpy(g[1].kind, "payout");
	strcpy(g[1].currency, "EUR");
	g[1].amount_minor = 1000;
	g[1].amount_usd_minor = 1100;
	strcpy(g[2].kind, "recovery");
	strcpy(g[2].currency, "USD");
	g[2].amount_minor = g[2].amount_usd_minor = 12900;
	strcpy(g[3].kind, "payout");
	strcpy(g[3].currency, "USD");
	g[3].amount_minor = g[3].amount_usd_minor = 100;
	payafter_totals(g, 4, t, 4, &n);
	assert_int_equal(n, 2);
	assert_string_equal(t[0].currency, "USD");
	assert_int_equal(t[0].payout, 13000);
	assert_int_equal(t[0].npayout, 2);
	assert_int_equal(t[0].recovered, 12900);
	assert_int_equal(t[0].nrecovered, 1);
	assert_string_equal(t[1].currency, "EUR");
	assert_int_equal(t[1].payout_usd, 1100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_PAU_04_retries_bounded_per_day),
		cmocka_unit_test(test_PAU_04_guarantee_totals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
