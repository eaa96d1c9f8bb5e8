/*
 * The scheduler's next work day of an installment plan (plans.next_work_on,
 * rules/plan_work.h) kept right by the changes made outside the plans'
 * own paths, against the private stack: a corporate bank transfer recorded
 * by an admin moves it to the next installment, as a shopper's payment
 * does; an admin giving the reminders more days brings it earlier, so the
 * tick on the new reminder day reads the plan and sends the reminder.
 * Each test makes its own verified company with a corporate plan in
 * effect. Run by tests/integration/suite.sh.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/calendar.h"
#include "db/db.h"
#include "db/plan.h"
#include "db/stmt.h"
#include "shop.h"

#include "company_fixture.h"

#define REMIND_KEY	"inst_reminder_days_before"

/* The reminder days before the tests ran (restored afterwards). */
static int64_t	remind_before = -1;

/* A company's corporate plan in effect: its order, plan and the owner. */
struct corp_plan {
	struct co	 c;
	int64_t		 order_id;
	struct db_plan	 p;
};

/* A new company whose corporate order (3 months) is in effect. */
static void
plan_in_effect(const char *tag, struct corp_plan *k)
{
	memset(k, 0, sizeof(*k));
	company_new(tag, &k->c);
	k->order_id = approved_order(&k->c);
	sign_and_pay_down(&k->c, k->order_id);
	assert_int_equal(db_plan_by_order(shop_db(), 0, k->order_id, &k->p),
	    1);
	assert_int_equal(k->p.status, PLAN_ST_ACTIVE);
}

/* Plan plan_id's stored next work day (0: none). */
static mp_date
next_work(int64_t plan_id)
{
	struct dbq	*q = dbq_get(shop_db(), DB_T_TEST, T__MAX,
			    "SELECT next_work_on FROM plans WHERE id = ?");
	const char	*s;
	mp_date		 d = 0;

	assert_non_null(q);
	dbq_int(q, plan_id);
	assert_int_equal(dbq_exec(q), 0);
	assert_int_equal(dbq_fetch(q), 1);
	if (!dbq_col_null(q, 0)) {
		s = dbq_col_str(q, 0, NULL);
		assert_int_equal(mp_date_parse(s, strlen(s), &d), 0);
	}
	dbq_done(q);
	return d;
}

/* Installment seq of plan_id into *out. */
static void
inst_of(int64_t plan_id, int seq, struct db_plan_inst *out)
{
	struct db_plan_inst	*in;
	size_t			 n, i;

	assert_int_equal(db_plan_inst_list(shop_db(), plan_id, &in, &n), 0);
	for (i = 0; i < n && in[i].seq != seq; i++)
		;
	assert_true(i < n);
	*out = in[i];
	free(in);
}

/* The reminder days as the plans read them now. */
static int64_t
remind_days(void)
{
	int64_t r;

	assert_int_equal(db_plan_setting(shop_db(), REMIND_KEY, 3, &r), 0);
	return r;
}

/* An admin saves the reminder days as days (303). */
static void
set_remind_days(int64_t days)
{
	struct client		*admin = shop_signin(ADMIN);
	struct client_resp	 r;
	char			 v[16];

	snprintf(v, sizeof(v), "%lld", (long long)days);
	shop_post(admin, "/admin/settings/platform", "/admin/settings/platform",
	    &r, "key", REMIND_KEY, "v0", v, NULL);
	if (r.status != 303)
		fail_msg("saving %s: %ld\n%.2000s", REMIND_KEY, r.status,
		    r.body != NULL ? r.body : "");
	client_resp_cleanup(&r);
	client_free(admin);
	assert_int_equal(remind_days(), days);
}

/* INST-P3: a bank transfer paying installment 1 of a corporate plan,
 * recorded by an admin, moves the plan's next work day from installment
 * 1's reminder day to installment 2's, as a shopper's repayment does. */
static void
test_INST_P3_corporate_transfer_moves_next_work_day(void **state)
{
	struct client		*admin;
	struct client_resp	 r;
	struct corp_plan	 k;
	struct db_plan_inst	 i1, i2;
	char			 path[128], amount[32], key[64];
	int64_t			 owed, remind = remind_days();

	(void)state;
	plan_in_effect("nextwork-xfer", &k);
	inst_of(k.p.id, 1, &i1);
	inst_of(k.p.id, 2, &i2);
	assert_int_equal(next_work(k.p.id), i1.due - remind);
	owed = i1.principal + i1.fee + i1.late_fee - i1.paid_minor;
	snprintf(amount, sizeof(amount), "%lld.%02lld", (long long)(owed / 100),
	    (long long)(owed % 100));
	snprintf(key, sizeof(key), "nextwork-%lld", (long long)k.order_id);
	snprintf(path, sizeof(path), "/admin/orders/%lld/corporate/repayment",
	    (long long)k.order_id);
	admin = shop_signin(ADMIN);
	shop_post(admin, "/admin", path, &r, "amount", amount, "reference",
	    "TRX-NEXTWORK", "key", key, NULL);
	assert_int_equal(r.status, 303);
	client_resp_cleanup(&r);
	inst_of(k.p.id, 1, &i1);
	assert_int_equal(i1.status, PI_PAID);
	assert_int_equal(next_work(k.p.id), i2.due - remind);
	client_free(admin);
	client_free(k.c.owner);
}

/* INST-P2: the admin gives the reminders 7 more days; the plan's next
 * work day comes 7 days earlier at once, and the tick of that day reads
 * the plan and sends installment 1's reminder (with the day left as it
 * was, that tick would not read the plan and the reminder would come 7
 * days late). */
static void
test_INST_P2_more_reminder_days_bring_next_work_earlier(void **state)
{
	struct corp_plan	 k;
	struct db_plan_inst	 i1;
	int64_t			 remind = remind_days();
	mp_date			 day;

	(void)state;
	plan_in_effect("nextwork-remind", &k);
	inst_of(k.p.id, 1, &i1);
	assert_int_equal(next_work(k.p.id), i1.due - remind);
	set_remind_days(remind + 7);
	day = i1.due - remind - 7;
	assert_int_equal(next_work(k.p.id), day);
	shop_tick(mp_date_to_unix(day) + 12 * 3600, "installments");
	inst_of(k.p.id, 1, &i1);
	assert_true(i1.reminded);
	/* Fewer days again: nothing to move (a day too early only costs a
	 * visit that stores the right one). */
	set_remind_days(remind);
	client_free(k.c.owner);
}

/* Restore the reminder days whatever a test left. */
static int
teardown(void **state)
{
	char sql[128];

	(void)state;
	if (remind_before >= 0) {
		snprintf(sql, sizeof(sql), "UPDATE settings SET value = '%lld' "
		    "WHERE name = '" REMIND_KEY "'", (long long)remind_before);
		shop_sql(sql);
	}
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_INST_P3_corporate_transfer_moves_next_work_day),
		cmocka_unit_test(
		    test_INST_P2_more_reminder_days_bring_next_work_earlier),
	};
	int rc;

	shop_init();
	remind_before = remind_days();
	rc = cmocka_run_group_tests(tests, NULL, teardown);
	shop_end();
	return rc;
}
